//! The hostile-input corpus: every case folder under `tests/fixtures/bad/` (see its README) is
//! laid over a fresh copy of the example site and built in-process. A case is one of two kinds:
//!
//! - **refused** (the default): it must be refused with every line of its `expected.txt`
//!   (Indonesian, the example's language) and of its `expected.en.txt` (the same problems in
//!   English) among the messages, nothing written, every message starting with the file it
//!   concerns, no NIK and no control character in clear;
//! - **built right** (the case has `absent.txt` or `present.txt`): a bad input that salur mends
//!   rather than refuses (a spreadsheet formula in a name is neutralised in the downloads, a
//!   free-text reason is published only as its code). It must build; its `expected*.txt` lines,
//!   when given, must be among the warnings; no output file may hold (in its bytes or its path)
//!   a line of `absent.txt`, nor any 16-digit number of the case's files; and each
//!   `path<TAB>text` line of `present.txt` must be in that output file.
//!
//! No case may panic. All cases run; the failures are reported together, then a figure line,
//! written past the test harness's capture so that `cargo test` shows it:
//!
//! ```text
//! bad inputs tried: 120, refused clearly: 100, built right: 20, silently wrong: 0, panics: 0
//! ```

use crate::common;

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use salur::diagnostics::Diagnostic;
use salur::lang::Lang;
use salur::{BuildOptions, Error};

/// Files of a case folder that are not laid over the site.
const DIRECTIVES: &[&str] = &[
    "expected.txt",
    "expected.en.txt",
    "remove.txt",
    "absent.txt",
    "present.txt",
];

/// The marker a fixture file may hold to stand for 1 MiB of one character (`@@1MB:A@@`), so
/// that a 1 MB line need not be committed as such.
const MARKER_START: &[u8] = b"@@1MB:";
const ONE_MB: usize = 1 << 20;

fn corpus() -> PathBuf {
    common::root().join("tests/fixtures/bad")
}

/// The case folders, sorted by name.
fn cases() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(corpus())
        .expect("tests/fixtures/bad")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

/// The non-empty lines of `path`, or none when it does not exist.
fn lines(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .map(|t| {
            t.lines()
                .map(str::to_string)
                .filter(|l| !l.trim().is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// The marker of a repeat: `@@<n>x:<text>@@` stands for `<text>` written `n` times, each
/// `{i}` in it replaced by the repeat's number (0, 1, …), a line break in it included:
/// `@@1000x:>@@` is a 1.000-deep block quote, a row ending in `P{i},1` and a line break, in
/// `@@65534x:…@@`, 65.534 rows naming as many penyalur.
const REPEAT_END: &[u8] = b"x:";

/// `bytes` with every repeat marker (see [`REPEAT_END`]) expanded.
fn expand_repeats(bytes: Vec<u8>) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = &bytes[..];
    while let Some(at) = rest.windows(2).position(|w| w == b"@@") {
        let after = &rest[at + 2..];
        let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
        let body = &after[digits..];
        let end = body.windows(2).position(|w| w == b"@@");
        match (digits, body.starts_with(REPEAT_END), end) {
            (1.., true, Some(end)) => {
                let n: usize = std::str::from_utf8(&after[..digits])
                    .ok()
                    .and_then(|d| d.parse().ok())
                    .expect("a repeat count");
                let text = &body[REPEAT_END.len()..end];
                out.extend_from_slice(&rest[..at]);
                let numbered = text.windows(3).any(|w| w == b"{i}");
                for i in 0..n {
                    if numbered {
                        let t = String::from_utf8_lossy(text).replace("{i}", &i.to_string());
                        out.extend_from_slice(t.as_bytes());
                    } else {
                        out.extend_from_slice(text);
                    }
                }
                rest = &body[end + 2..];
            }
            _ => {
                out.extend_from_slice(&rest[..at + 2]);
                rest = after;
            }
        }
    }
    out.extend_from_slice(rest);
    out
}

/// `bytes` with every `@@1MB:X@@` replaced by 1 MiB of `X`, and every repeat marker
/// (`@@<n>x:<text>@@`) expanded.
fn expand(bytes: Vec<u8>) -> Vec<u8> {
    expand_one_mb(expand_repeats(bytes))
}

/// `bytes` with every `@@1MB:X@@` replaced by 1 MiB of `X`.
fn expand_one_mb(bytes: Vec<u8>) -> Vec<u8> {
    let Some(at) = bytes
        .windows(MARKER_START.len())
        .position(|w| w == MARKER_START)
    else {
        return bytes;
    };
    let fill = bytes[at + MARKER_START.len()];
    let end = at + MARKER_START.len() + 1;
    assert_eq!(&bytes[end..end + 2], b"@@", "a marker is @@1MB:X@@");
    let mut out = bytes[..at].to_vec();
    out.extend(std::iter::repeat_n(fill, ONE_MB));
    out.extend(expand_one_mb(bytes[end + 2..].to_vec()));
    out
}

/// Lays case `case` over the site copy `site`: removes the files `remove.txt` names, then
/// copies every other file of the case to the same relative path, except that a file named
/// `….append` (`data/wilayah.csv.append`) is added at the end of the site's file of that name
/// (`data/wilayah.csv`).
fn overlay(case: &Path, site: &Path) {
    for rel in lines(&case.join("remove.txt")) {
        let path = site.join(rel.trim());
        fs::remove_file(&path).unwrap_or_else(|e| panic!("remove {}: {e}", path.display()));
    }
    for e in walkdir::WalkDir::new(case)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let rel = e.path().strip_prefix(case).expect("inside the case");
        if rel.components().count() == 1 && DIRECTIVES.iter().any(|d| rel == Path::new(d)) {
            continue;
        }
        let bytes = expand(fs::read(e.path()).expect("fixture"));
        let rel = rel.to_string_lossy();
        if let Some(base) = rel.strip_suffix(".append") {
            let target = site.join(base);
            let mut all = fs::read(&target).unwrap_or_else(|e| panic!("{base}: {e}"));
            all.extend(bytes);
            fs::write(&target, all).expect("append fixture");
        } else {
            let target = site.join(rel.as_ref());
            fs::create_dir_all(target.parent().expect("a parent")).expect("mkdir");
            fs::write(&target, bytes).expect("write fixture");
        }
    }
}

/// The ASCII digit of a Unicode decimal digit (`３` and `٣` are `3`), `None` for anything else.
/// Written here rather than taken from salur, so that the corpus does not trust the code it
/// tests: fullwidth and mathematical digits by NFKC, the other scripts' blocks of ten by the
/// position in their block.
fn digit_ascii(c: char) -> Option<char> {
    use unicode_normalization::UnicodeNormalization;
    if c.is_ascii_digit() {
        return Some(c);
    }
    if !c.is_numeric() {
        return None;
    }
    let mut nfkc = std::iter::once(c).nfkc();
    if let (Some(d), None) = (nfkc.next(), nfkc.next())
        && d.is_ascii_digit()
    {
        return Some(d);
    }
    let cp = c as u32;
    let numeric = |x: u32| char::from_u32(x).is_some_and(char::is_numeric);
    (0..10u32)
        .find(|k| cp > *k && numeric(cp - k) && !numeric(cp - k - 1))
        .and_then(|k| char::from_digit(k, 10))
}

/// Whether `c` may stand between the digits of a NIK as it is written: a space of any kind, a
/// dash, dot, slash or underscore (ASCII or not), or an invisible character.
fn nik_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '.'
                | '/'
                | '_'
                | '\u{00AD}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2010}'..='\u{2015}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2212}'
                | '\u{FEFF}'
                | '\u{FF0D}'
                | '\u{FF0E}'
                | '\u{FF0F}'
                | '\u{FF3F}'
        )
}

/// `text` with every Unicode digit written in ASCII and every character that may separate
/// the digits of a NIK removed: a NIK in any spelling becomes its 16 digits.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|&c| !nik_separator(c))
        .map(|c| digit_ascii(c).unwrap_or(c))
        .collect()
}

/// The NIK-shaped numbers in a case's files, as their 16 ASCII digits, however they are written
/// there: digits in any script, joined by any spaces, dashes, dots, slashes, underscores or
/// invisible characters (runs of exactly 16 digits with those dropped), and each run of 16
/// between spaces alone (two NIKs side by side).
fn niks_in(case: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(case)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() || e.file_type().is_dir())
    {
        // the case's file names too (`content/rapat/2030-01-01-3575012345670001.md`)
        let mut text = e.file_name().to_string_lossy().into_owned();
        text.push('\n');
        if e.file_type().is_file() {
            text.push_str(&String::from_utf8_lossy(
                &fs::read(e.path()).unwrap_or_default(),
            ));
        }
        for spaces_split in [false, true] {
            let mut run = String::new();
            for c in text.chars().chain(std::iter::once('!')) {
                if let Some(d) = digit_ascii(c) {
                    run.push(d);
                } else if nik_separator(c) && !(spaces_split && c.is_whitespace()) {
                    continue;
                } else {
                    if run.len() == 16 && !out.contains(&run) {
                        out.push(run.clone());
                    }
                    run.clear();
                }
            }
        }
    }
    out
}

/// Whether `s` holds a run of exactly 16 digits (in any script), the shape of a NIK.
fn has_16_digits(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars().chain(std::iter::once('!')) {
        if digit_ascii(c).is_some() {
            run += 1;
        } else if !matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}') {
            if run == 16 {
                return true;
            }
            run = 0;
        }
    }
    false
}

/// How a case ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Refused as the case expects.
    Refused,
    /// Built, and its output holds what the case expects.
    BuiltRight,
    /// Built although it should have been refused, or built with the bad input published: the
    /// failure this corpus exists to catch.
    SilentlyWrong,
    /// Refused, but not in the expected way (message, place, something written).
    Unclear,
}

/// Whether a case expects to be built (it says what its output must and must not hold).
fn expects_build(case: &Path) -> bool {
    case.join("absent.txt").exists() || case.join("present.txt").exists()
}

/// Runs one case: how it ended and what went wrong (empty when it passed).
fn run_case(case: &Path) -> (Outcome, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = common::example_copy(dir.path());
    overlay(case, &site);
    let out = dir.path().join("public");
    let result = salur::build(&BuildOptions {
        root: site.clone(),
        output: Some(out.clone()),
        base_url: None,
    });
    if expects_build(case) {
        return match result {
            Ok(summary) => {
                let problems = check_built(case, &out, &summary.warnings);
                let outcome = if problems.is_empty() {
                    Outcome::BuiltRight
                } else {
                    Outcome::SilentlyWrong
                };
                (outcome, problems)
            }
            Err(e) => (
                Outcome::Unclear,
                vec![format!("refused, but should build: {e}")],
            ),
        };
    }
    let mut problems = Vec::new();
    let diagnostics = match result {
        Ok(_) => {
            problems.push("accepted: the build succeeded".to_string());
            return (Outcome::SilentlyWrong, problems);
        }
        Err(Error::Input { diagnostics, .. }) => diagnostics,
        Err(e) => {
            problems.push(format!("refused, but not as an input problem: {e}"));
            return (Outcome::Unclear, problems);
        }
    };
    if out.exists() {
        problems.push("refused, but the output folder was written".to_string());
    }
    if !diagnostics.has_errors() {
        problems.push("refused without an error".to_string());
    }
    let items = diagnostics.items();
    problems.extend(expected_among(case, items, true));
    let niks = niks_in(case);
    for d in items {
        problems.extend(check_place(d, &site));
        for lang in [Lang::Id, Lang::En] {
            let m = d.message(lang);
            let compact = compact(&m);
            if has_16_digits(&m) || niks.iter().any(|n| compact.contains(n.as_str())) {
                problems.push(format!("a NIK in clear: {m}"));
            }
            if m.chars().any(salur::diagnostics::tak_tampak) {
                problems.push(format!("a control character in clear: {m:?}"));
            }
        }
    }
    let outcome = if problems.is_empty() {
        Outcome::Refused
    } else {
        Outcome::Unclear
    };
    (outcome, problems)
}

/// Every line of the case's `expected.txt` (in Indonesian) and `expected.en.txt` (in English)
/// must be part of one of the messages of `items`; `required`: the files must exist.
fn expected_among(case: &Path, items: &[Diagnostic], required: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for (lang, file) in [(Lang::Id, "expected.txt"), (Lang::En, "expected.en.txt")] {
        let messages: Vec<String> = items.iter().map(|d| d.message(lang)).collect();
        let expected = lines(&case.join(file));
        if expected.is_empty() && required {
            problems.push(format!("{file} is missing or empty"));
        }
        for want in expected {
            if !messages.iter().any(|m| m.contains(&want)) {
                problems.push(format!(
                    "{file}: no message contains\n      {want}\n    messages:\n      {}",
                    messages.join("\n      ")
                ));
            }
        }
    }
    problems
}

/// What is wrong with the output `out` of a case that was built: an expected warning missing,
/// a text of `absent.txt` or a NIK of the case's files in a file's bytes or path, a line of
/// `present.txt` not in its file.
fn check_built(case: &Path, out: &Path, warnings: &salur::diagnostics::Diagnostics) -> Vec<String> {
    let mut problems = expected_among(case, warnings.items(), false);
    let absent = lines(&case.join("absent.txt"));
    let niks = niks_in(case);
    let files = common::files(out);
    for (rel, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        // digits in ASCII, nothing but digits and letters: a NIK in any spelling
        let compact: String = text
            .chars()
            .filter_map(|c| digit_ascii(c).or(c.is_alphabetic().then_some(c)))
            .collect();
        let rel_compact = compact_path(rel);
        for a in &absent {
            if text.contains(a.as_str()) || rel.contains(a.as_str()) {
                problems.push(format!("{rel} holds {a:?}"));
            }
        }
        for n in &niks {
            if compact.contains(n.as_str()) || rel_compact.contains(n.as_str()) {
                problems.push(format!("{rel} holds the NIK {}…", &n[..4]));
            }
        }
    }
    for line in lines(&case.join("present.txt")) {
        let Some((rel, want)) = line.split_once('\t') else {
            problems.push(format!("present.txt: {line:?} is not path<TAB>text"));
            continue;
        };
        match files.get(rel) {
            None => problems.push(format!("{rel} was not written")),
            Some(bytes) if !String::from_utf8_lossy(bytes).contains(want) => {
                problems.push(format!("{rel} does not hold {want:?}"));
            }
            Some(_) => {}
        }
    }
    problems
}

/// An output path with its digits in ASCII and everything but digits and letters dropped.
fn compact_path(rel: &str) -> String {
    rel.chars()
        .filter_map(|c| digit_ascii(c).or(c.is_alphabetic().then_some(c)))
        .collect()
}

/// A message begins with the place it concerns: a file of the site (`data/…`, `content/…`,
/// `site.toml`), then its line and column as far as they are known; a value quoted from a cell
/// has both.
fn check_place(d: &Diagnostic, site: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let m = d.message(Lang::En);
    let file = d.file.split(':').next().unwrap_or_default();
    let known = ["data/", "content/", "themes/"]
        .iter()
        .any(|p| file.starts_with(p))
        || file == "site.toml";
    if !known || !(site.join(file).exists() || d.line == 0) {
        problems.push(format!("does not name a file of the site: {m}"));
    }
    if !m.starts_with(&d.tempat()) || !m.starts_with(&d.file) {
        problems.push(format!("does not begin with its place: {m}"));
    }
    if d.value.is_some() && (d.line == 0 || d.column == 0) {
        problems.push(format!("quotes a value without its line and column: {m}"));
    }
    problems
}

#[test]
fn every_bad_input_is_refused_or_mended() {
    let cases = cases();
    let mut failures = Vec::new();
    let (mut refused, mut built, mut wrong, mut unclear, mut panics) = (0, 0, 0, 0, 0);
    for case in &cases {
        let name = case.file_name().unwrap_or_default().to_string_lossy();
        match catch_unwind(AssertUnwindSafe(|| run_case(case))) {
            Ok((outcome, p)) => {
                match outcome {
                    Outcome::Refused => refused += 1,
                    Outcome::BuiltRight => built += 1,
                    Outcome::SilentlyWrong => wrong += 1,
                    Outcome::Unclear => unclear += 1,
                }
                if !p.is_empty() {
                    failures.push(format!("{name} ({outcome:?}):\n  - {}", p.join("\n  - ")));
                }
            }
            Err(e) => {
                panics += 1;
                let what = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{name}: panicked: {what}"));
            }
        }
    }
    common::figure(&format!(
        "bad inputs tried: {}, refused clearly: {refused}, built right: {built}, \
         silently wrong: {wrong}, refused unclearly: {unclear}, panics: {panics}",
        cases.len()
    ));
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    assert!(
        cases.len() >= 50,
        "the corpus has {} cases, at least 50 are wanted",
        cases.len()
    );
}

/// The corpus's own NIK scan reads every spelling the corpus holds, so that a NIK leaked in
/// one of them into the output or a message is caught.
#[test]
fn the_corpus_reads_a_nik_in_every_spelling() {
    let nik = "3575012345670001";
    let fullwidth: String = nik
        .chars()
        .map(|c| char::from_u32(0xFF10 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    let arabic: String = nik
        .chars()
        .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap())
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let spellings = [
        "3575.0123.4567.0001",
        "3575/0123/4567/0001",
        "3575_0123_4567_0001",
        "3575-0123.4567/0001",
        "35750123 45670001",
        "3575\u{a0}0123\u{a0}4567\u{a0}0001",
        "3575\u{2009}0123\u{2009}4567\u{2009}0001",
        "3575\u{200b}0123\u{200b}4567\u{200b}0001",
        &fullwidth,
        &arabic,
    ];
    for (i, s) in spellings.iter().enumerate() {
        fs::write(dir.path().join(format!("{i}.csv")), format!("a,{s},b\n")).expect("write");
        assert_eq!(compact(s), nik, "{s:?}");
    }
    assert_eq!(niks_in(dir.path()), vec![nik.to_string()]);
    assert!(has_16_digits(&fullwidth) && has_16_digits(&arabic));
    assert!(!has_16_digits("3575**********01"));
}
