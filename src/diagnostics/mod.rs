//! Problems found in a site's inputs, each with the place it was found, in the site's language.
//!
//! Every rejected value becomes a [`Diagnostic`]: `file:line:column: 'value': what was expected`.
//! Stages collect them into [`Diagnostics`] rather than stopping at the first, so an operator
//! fixes a spreadsheet in one pass. Only the first [`Diagnostics::LIMIT`] are kept in full; the
//! rest are counted.

//!
//! The problems are in `masalah` (one enum, [`Problem`], and the kinds it names), their words
//! in `kata` (each problem's message, from the message catalogue [`crate::pesan`]), and here
//! the place, the value and the collection of problems.

use std::fmt::Write as _;

use crate::lang::Lang;
use crate::pesan;
use crate::pesan::teks;

mod kata;
mod masalah;

pub use masalah::{
    AlasanUrl, AturanTidakSah, CodeKind, Expected, JenisBerkas, JenisLain, JenisNama, JenisToml,
    PemilikJalur, Problem, SelisihRekonsiliasi, SintaksToml,
};

/// How serious a problem is; also how serious a breach of a `[jadwal]` rule is to be
/// (`over_capacity = "error"` or `"warning"` in `site.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Reported; the build goes on.
    Warning,
    /// The build stops and nothing is written.
    Error,
}

/// The longest value a message quotes, in characters; a longer one is cut with `…`.
pub const NILAI_MAKS: usize = 80;

/// `value` as a message quotes it: at most [`NILAI_MAKS`] characters (a 1 MB cell is not
/// printed whole), the rest cut and replaced by `…`.
pub fn singkat(value: &str) -> String {
    match value.char_indices().nth(NILAI_MAKS) {
        None => value.to_string(),
        Some((end, _)) => format!("{}…", &value[..end]),
    }
}

/// Whether `c` would act on a terminal or a log rather than be shown: a control character
/// (C0, DEL, C1: ESC starts a terminal command, BEL rings, CR returns over the line), a
/// bidirectional control that reorders what follows (U+202E), a line or paragraph separator,
/// or an invisible format character (zero-width space and joiners, soft hyphen, BOM, tags).
pub fn tak_tampak(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{61c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// `text` as a message shows it: every character that [`tak_tampak`] would act rather than be
/// seen is written as its escape (`\u{1b}`), so that a value holding ESC, BEL, CR or a bidi
/// override cannot rewrite the operator's terminal, a CI log or the line it is quoted in. The
/// one place every message passes through ([`Diagnostic::message`], [`Problem::describe`],
/// and `salur check`'s JSON and GitHub outputs). A NIK-shaped number in it is masked
/// ([`crate::teks::samarkan_teks`]): every value is masked where it is quoted, and this is the
/// last line of that defence, so that no message shows one in clear (a place, a value, a name
/// in a problem's words), on a terminal, in a CI log or in the manifest's warnings.
pub fn tampak(text: &str) -> std::borrow::Cow<'_, str> {
    if crate::teks::mungkin_nik(text.as_bytes()) && !crate::teks::cari_nik(text).is_empty() {
        let samar = crate::teks::samarkan_teks(text);
        return std::borrow::Cow::Owned(tampak_kendali(&samar).into_owned());
    }
    tampak_kendali(text)
}

/// `text` with every character that [`tak_tampak`] would act on written as its escape.
fn tampak_kendali(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(tak_tampak) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if tak_tampak(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One problem at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site root (`data/realisasi.csv`), or a worksheet of a
    /// spreadsheet (`data/realisasi.xlsx:Sheet1`, see [`Diagnostic::message`]).
    pub file: String,
    /// 1-based line (a worksheet's row); 0 when the problem concerns the whole file.
    pub line: u64,
    /// 1-based column (field number in a CSV, A = 1 in a worksheet); 0 when it concerns a
    /// whole line.
    pub column: u64,
    /// The offending value as written (masked for personal data; shortened by [`singkat`]).
    pub value: Option<String>,
    /// What is wrong.
    pub problem: Problem,
    /// Whether it stops the build.
    pub severity: Severity,
}

impl Diagnostic {
    /// An error at `file:line:column` about `value`.
    pub fn error(
        file: &str,
        line: u64,
        column: u64,
        value: Option<&str>,
        problem: Problem,
    ) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            line,
            column,
            value: value.map(singkat),
            problem,
            severity: Severity::Error,
        }
    }

    /// Whether this is a privacy problem (personal data in an input).
    pub fn is_privacy(&self) -> bool {
        matches!(
            self.problem,
            Problem::PrivacyColumn
                | Problem::PrivacyNik
                | Problem::PrivacyNikTeks
                | Problem::PrivacyNikNamaBerkas
                | Problem::PrivacyNikTerbaca
                | Problem::PrivacyNikJalur { .. }
                | Problem::PrivacyNikHalaman { .. }
        )
    }

    /// Where the problem is: `file:line:column` (`data/realisasi.csv:14:6`), as far as known.
    /// In a worksheet (`file` is `data/realisasi.xlsx:Sheet1`) the place is written as Excel
    /// writes a reference, `data/realisasi.xlsx:Sheet1!F14` (a whole row `…!14:14`), which
    /// Excel's Name Box goes to.
    pub fn tempat(&self) -> String {
        let mut out = self.file.clone();
        if self.line > 0 && crate::dasar::tempat::adalah_tempat_lembar(&self.file) {
            if self.column > 0 {
                let kolom = crate::dasar::tempat::huruf_kolom(self.column);
                let _ = write!(out, "!{kolom}{}", self.line);
            } else {
                let _ = write!(out, "!{0}:{0}", self.line);
            }
        } else if self.line > 0 {
            let _ = write!(out, ":{}", self.line);
            if self.column > 0 {
                let _ = write!(out, ":{}", self.column);
            }
        }
        out
    }

    /// The message in `lang`, in the form `file:line:column: 'value': what is wrong` (the
    /// place as [`Diagnostic::tempat`] writes it).
    /// Every part passes through [`tampak`]: control characters show as escapes.
    pub fn message(&self, lang: Lang) -> String {
        let mut out = tampak(&self.tempat()).into_owned();
        out.push_str(": ");
        if self.severity == Severity::Warning {
            out.push_str(teks(lang, "diagnosa.peringatan"));
        }
        if let Some(v) = &self.value {
            let _ = write!(out, "'{}': ", tampak(v));
        }
        out.push_str(&self.problem.describe(lang));
        out
    }
}

/// The problems found so far: the first [`Diagnostics::LIMIT`] in full, the rest counted.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    errors: usize,
    warnings: usize,
    not_shown: usize,
}

impl Diagnostics {
    /// How many problems are kept in full.
    pub const LIMIT: usize = 50;

    /// An empty collection.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Records a problem.
    pub fn push(&mut self, d: Diagnostic) {
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        if self.items.len() < Self::LIMIT {
            self.items.push(d);
        } else {
            self.not_shown += 1;
        }
    }

    /// Whether one more problem would still be kept in full (so that costly details such as a
    /// "did you mean" suggestion are worth computing).
    pub fn has_room(&self) -> bool {
        self.items.len() < Self::LIMIT
    }

    /// Records a problem whose details are computed only when it will be shown.
    pub fn push_with(&mut self, severity: Severity, make: impl FnOnce() -> Diagnostic) {
        if self.has_room() {
            let mut d = make();
            d.severity = severity;
            self.push(d);
        } else {
            match severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
            self.not_shown += 1;
        }
    }

    /// Adds everything from `other`, keeping the order: `self`'s problems first.
    pub fn extend(&mut self, other: Diagnostics) {
        let hidden_errors = other.errors - other.count_shown(Severity::Error);
        let hidden_warnings = other.warnings - other.count_shown(Severity::Warning);
        for d in other.items {
            self.push(d);
        }
        self.errors += hidden_errors;
        self.warnings += hidden_warnings;
        self.not_shown += other.not_shown;
    }

    fn count_shown(&self, s: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == s).count()
    }

    /// Rewrites the value a kept problem quotes where `f` gives a new one (a recipient list's
    /// cells, masked: [`crate::teks::samarkan_pribadi`]).
    pub fn ganti_nilai(&mut self, f: impl Fn(&Diagnostic, &str) -> Option<String>) {
        for d in &mut self.items {
            if let Some(v) = &d.value
                && let Some(baru) = f(d, v)
            {
                d.value = Some(baru);
            }
        }
    }

    /// Moves a kept problem to the file and line `f` gives for it (a folder of Parquet parts,
    /// read as one table: [`crate::data::table::petakan_bagian`]).
    pub fn ganti_tempat(&mut self, f: impl Fn(&Diagnostic) -> Option<(String, u64)>) {
        for d in &mut self.items {
            if let Some((file, line)) = f(d) {
                d.file = file;
                d.line = line;
            }
        }
    }

    /// The problems kept in full, in the order they were found.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// The number of errors, shown or not.
    pub fn error_count(&self) -> usize {
        self.errors
    }

    /// The number of warnings, shown or not.
    pub fn warning_count(&self) -> usize {
        self.warnings
    }

    /// Whether any error was found.
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// Whether nothing at all was found.
    pub fn is_empty(&self) -> bool {
        self.errors == 0 && self.warnings == 0
    }

    /// The report for the terminal: one line per problem kept, then a count of the rest.
    pub fn report(&self, lang: Lang) -> String {
        let mut out = String::new();
        for d in &self.items {
            out.push_str(&d.message(lang));
            out.push('\n');
        }
        if self.not_shown > 0 {
            out.push_str(&pesan!(
                lang,
                "diagnosa.masalah_lain",
                jumlah = self.not_shown
            ));
            out.push('\n');
        }
        out
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_comes_whole_from_both_catalogues() {
        let mut d = Diagnostics::new();
        for i in 0..=Diagnostics::LIMIT as u64 {
            d.push(Diagnostic {
                severity: Severity::Warning,
                ..Diagnostic::error("data/a.csv", i + 1, 2, Some("v"), Problem::MissingFile)
            });
        }
        for lang in [Lang::Id, Lang::En] {
            for p in super::masalah::contoh_semua() {
                // an escaped control character (`\u{1b}`) is not a placeholder
                let m = p.describe(lang).replace("\\u{", "");
                assert!(!m.is_empty());
                assert!(
                    crate::pesan::tempat_isian(&m).is_empty(),
                    "{lang:?}: a placeholder left in {m:?}"
                );
            }
            let report = d.report(lang);
            assert!(crate::pesan::tempat_isian(&report).is_empty(), "{report}");
        }
        assert!(d.report(Lang::En).ends_with("… and 1 more problems\n"));
        assert!(
            d.report(Lang::Id)
                .contains(": peringatan: 'v': berkas wajib ini tidak ada\n")
        );
        let salah = crate::pesan::salah_tercatat();
        assert!(salah.is_empty(), "{salah:#?}");
    }

    #[test]
    fn a_long_value_is_quoted_shortened() {
        let long = "9".repeat(1 << 20);
        let d = Diagnostic::error(
            "data/x.csv",
            3,
            8,
            Some(&long),
            Problem::Malformed(Expected::Count),
        );
        let m = d.message(Lang::En);
        assert_eq!(
            m,
            format!(
                "data/x.csv:3:8: '{}…': expected a whole number of KPM (e.g. 18.877)",
                "9".repeat(NILAI_MAKS)
            )
        );
        assert_eq!(singkat("Gentong"), "Gentong");
        let ragam = "é".repeat(NILAI_MAKS + 1);
        assert_eq!(singkat(&ragam).chars().count(), NILAI_MAKS + 1);
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        let d = Diagnostic::error(
            "data/a\u{7}.csv",
            2,
            3,
            Some("Pos\u{1b}[2J A\r\u{202e}x"),
            Problem::UnknownKey {
                key: "k\u{9b}ey\u{200b}".to_string(),
                nearest: None,
            },
        );
        assert_eq!(
            d.message(Lang::En),
            "data/a\\u{7}.csv:2:3: 'Pos\\u{1b}[2J A\\u{d}\\u{202e}x': unknown key 'k\\u{9b}ey\\u{200b}'"
        );
        assert!(!d.message(Lang::Id).chars().any(tak_tampak));
        // plain text, Indonesian letters and other scripts stay as they are
        assert!(matches!(
            tampak("Kéç 漢字 ‘x’"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
