//! The message catalogue: every diagnostic, error and command-line message, one file per
//! language (`src/pesan/id.toml`, `src/pesan/en.toml`), so that a translator edits files, not
//! Rust.
//!
//! A message is found by its key (`masalah.kolom_hilang`: the section, a dot, the name) and its
//! named placeholders (`{kolom}`) are filled by [`isi`] or the [`pesan!`] macro. A placeholder
//! is `{` + a name of ASCII letters, digits and `_` + `}`; any other brace (`'{'`, `{ }`) is
//! text. A value put in a placeholder is not read again: a value holding `{x}` stays as it is.
//!
//! Page text (menus, headings, table labels) is not here: it lives in the theme's
//! `i18n/*.toml`, which a site may override. These messages are the program's own words: what
//! it says on the terminal, in `salur check`'s reports and on the preview's error page.
//!
//! Both catalogues are compiled into the binary ([`include_str!`]) and read once. The unit
//! tests check that they have the same keys, that each key has the same placeholders in both,
//! and that every message the code makes is found and filled.

use std::collections::HashMap;
use std::fmt::{Display, Write as _};
use std::sync::OnceLock;

use crate::lang::Lang;

/// The Indonesian catalogue, as written.
pub const KATALOG_ID: &str = include_str!("id.toml");
/// The English catalogue, as written.
pub const KATALOG_EN: &str = include_str!("en.toml");

/// `pesan!(lang, "bagian.kunci", nama = nilai, …)`: the message `bagian.kunci` in `lang`,
/// its placeholders `{nama}` filled with the values (anything that is [`Display`]).
#[macro_export]
macro_rules! pesan {
    ($lang:expr, $kunci:expr $(,)?) => {
        $crate::pesan::teks($lang, $kunci).to_string()
    };
    ($lang:expr, $kunci:expr, $($nama:ident = $nilai:expr),+ $(,)?) => {
        $crate::pesan::isi(
            $lang,
            $kunci,
            &[$((stringify!($nama), &$nilai as &dyn ::std::fmt::Display)),+],
        )
    };
}

/// One catalogue read: `bagian.kunci` → the text.
type Katalog = HashMap<String, String>;

/// Reads a catalogue: every string under a section, keyed `section.key` (nested sections
/// joined by dots). A catalogue that is not TOML gives an empty map, and every message its
/// key (the tests keep both catalogues readable).
pub fn baca_katalog(teks: &str) -> Katalog {
    fn ratakan(awal: &str, tabel: &toml::Table, out: &mut Katalog) {
        for (k, v) in tabel {
            let kunci = if awal.is_empty() {
                k.clone()
            } else {
                format!("{awal}.{k}")
            };
            match v {
                toml::Value::String(s) => {
                    out.insert(kunci, s.clone());
                }
                toml::Value::Table(t) => ratakan(&kunci, t, out),
                _ => {}
            }
        }
    }
    let mut out = Katalog::new();
    if let Ok(tabel) = teks.parse::<toml::Table>() {
        ratakan("", &tabel, &mut out);
    }
    out
}

/// The catalogue of `lang`, read on first use.
fn katalog(lang: Lang) -> &'static Katalog {
    static ID: OnceLock<Katalog> = OnceLock::new();
    static EN: OnceLock<Katalog> = OnceLock::new();
    match lang {
        Lang::Id => ID.get_or_init(|| baca_katalog(KATALOG_ID)),
        Lang::En => EN.get_or_init(|| baca_katalog(KATALOG_EN)),
    }
}

/// The message `kunci` in `lang`, as written in the catalogue (its placeholders unfilled);
/// the key itself when the catalogue lacks it (the tests keep that from happening).
pub fn teks(lang: Lang, kunci: &'static str) -> &'static str {
    match katalog(lang).get(kunci) {
        Some(t) => t.as_str(),
        None => {
            #[cfg(test)]
            catat(format!("{lang:?}: no key {kunci}"));
            kunci
        }
    }
}

/// The message `kunci` in `lang`, for a key made at run time (`cli.build.root`): `None` when
/// the catalogue lacks it.
pub fn cari(lang: Lang, kunci: &str) -> Option<&'static str> {
    let t = katalog(lang).get(kunci).map(String::as_str);
    #[cfg(test)]
    if t.is_none() {
        catat(format!("{lang:?}: no key {kunci}"));
    }
    t
}

/// The message `kunci` in `lang` with each `{name}` replaced by its value in `nilai`.
pub fn isi(lang: Lang, kunci: &'static str, nilai: &[(&str, &dyn Display)]) -> String {
    let pola = teks(lang, kunci);
    let mut out = String::with_capacity(pola.len() + 32);
    #[cfg(test)]
    let mut dipakai = vec![false; nilai.len()];
    let mut sisa = pola;
    while let Some(buka) = sisa.find('{') {
        out.push_str(&sisa[..buka]);
        let ekor = &sisa[buka + 1..];
        let nama_len = ekor
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(ekor.len());
        let nama = &ekor[..nama_len];
        let tertutup = ekor[nama_len..].starts_with('}');
        let posisi = nilai.iter().position(|(n, _)| *n == nama);
        match (tertutup && !nama.is_empty(), posisi) {
            (true, Some(i)) => {
                let _ = write!(out, "{}", nilai[i].1);
                #[cfg(test)]
                {
                    dipakai[i] = true;
                }
                sisa = &ekor[nama_len + 1..];
            }
            (true, None) => {
                #[cfg(test)]
                catat(format!("{lang:?}: {kunci}: no value for {{{nama}}}"));
                out.push('{');
                sisa = ekor;
            }
            (false, _) => {
                out.push('{');
                sisa = ekor;
            }
        }
    }
    out.push_str(sisa);
    #[cfg(test)]
    for (i, (n, _)) in nilai.iter().enumerate() {
        if !dipakai[i] {
            catat(format!("{lang:?}: {kunci}: {{{n}}} given but not used"));
        }
    }
    out
}

/// The placeholders of a message, in order: `{kolom}` → `kolom`.
pub fn tempat_isian(pola: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut sisa = pola;
    while let Some(buka) = sisa.find('{') {
        let ekor = &sisa[buka + 1..];
        let nama_len = ekor
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(ekor.len());
        if nama_len > 0 && ekor[nama_len..].starts_with('}') {
            out.push(&ekor[..nama_len]);
        }
        sisa = ekor;
    }
    out
}

/// The mistakes the tests look for, as found while messages are made (a missing key, a
/// placeholder without a value, a value without a placeholder).
#[cfg(test)]
static SALAH: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

#[cfg(test)]
fn catat(salah: String) {
    SALAH
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(salah);
}

/// The mistakes recorded so far (tests only).
#[cfg(test)]
pub fn salah_tercatat() -> Vec<String> {
    SALAH
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key the sources name as a literal (`"masalah.kolom_hilang"`, a string whose first
    /// part is one of the catalogue's sections) is in the catalogue, or begins keys that are
    /// (`"cli.build"`, completed at run time): a key renamed in the catalogues but not in the
    /// code would otherwise print the key itself.
    #[test]
    fn every_key_the_code_names_is_in_the_catalogue() {
        let id = katalog(Lang::Id);
        let bagian: std::collections::BTreeSet<&str> =
            id.keys().filter_map(|k| k.split('.').next()).collect();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut hilang = Vec::new();
        let mut dilihat = 0;
        for entry in walkdir::WalkDir::new(&src) {
            let path = entry.expect("src/ is readable").into_path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let teks = std::fs::read_to_string(&path).expect("a source file");
            for (i, _) in teks.match_indices('"') {
                let sisa = &teks[i + 1..];
                let Some(akhir) = sisa.find('"') else {
                    continue;
                };
                let kunci = &sisa[..akhir];
                let Some((awal, _)) = kunci.split_once('.') else {
                    continue;
                };
                if !bagian.contains(awal)
                    || !kunci
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.')
                {
                    continue;
                }
                dilihat += 1;
                let awalan = format!("{kunci}.");
                if !id.contains_key(kunci) && !id.keys().any(|k| k.starts_with(&awalan)) {
                    hilang.push(format!("{}: {kunci}", path.display()));
                }
            }
        }
        hilang.sort();
        hilang.dedup();
        assert!(hilang.is_empty(), "keys not in the catalogue: {hilang:#?}");
        assert!(dilihat > 200, "the scan found {dilihat} keys");
    }

    #[test]
    fn both_catalogues_are_read_and_have_the_same_keys_and_placeholders() {
        assert!(
            KATALOG_ID.parse::<toml::Table>().is_ok(),
            "id.toml is not TOML"
        );
        assert!(
            KATALOG_EN.parse::<toml::Table>().is_ok(),
            "en.toml is not TOML"
        );
        let id = katalog(Lang::Id);
        let en = katalog(Lang::En);
        assert!(!id.is_empty());
        let mut beda = Vec::new();
        for k in id.keys() {
            if !en.contains_key(k) {
                beda.push(format!("en.toml lacks {k}"));
            }
        }
        for k in en.keys() {
            if !id.contains_key(k) {
                beda.push(format!("id.toml lacks {k}"));
            }
        }
        for (k, t) in id {
            if let Some(e) = en.get(k) {
                let mut a = tempat_isian(t);
                let mut b = tempat_isian(e);
                a.sort_unstable();
                a.dedup();
                b.sort_unstable();
                b.dedup();
                if a != b {
                    beda.push(format!("{k}: id {a:?}, en {b:?}"));
                }
            }
        }
        beda.sort();
        assert!(beda.is_empty(), "{beda:#?}");
    }

    #[test]
    fn placeholders_are_filled_and_other_braces_kept() {
        let mut k = Katalog::new();
        k.insert("a".into(), "x {n} '{' { } {n}{m} {".into());
        assert_eq!(tempat_isian(&k["a"]), vec!["n", "n", "m"]);
        assert_eq!(
            pesan!(Lang::En, "masalah.duplikat", first_line = 4),
            "duplicate; already given on line 4"
        );
        // a value is not read again for placeholders
        assert_eq!(
            pesan!(Lang::En, "masalah.kolom_hilang", column = "{column}"),
            "the header has no column '{column}'"
        );
    }
}
