//! One rule for the names salur makes from names: the form search reads a name in
//! ([`normal`]) and the file name a name gets ([`nama_berkas`]).
//!
//! Both fold a name the way the reader's browser does in the theme's `cari.js`
//! (`normalize("NFD")`, combining marks U+0300–U+036F removed, lower case): a Latin letter with
//! diacritics is its letter (`é` → `e`, in its composed form or written as `e` and a combining
//! accent alike), every other character that is not an ASCII letter or digit separates words.
//! So `Ténggarong`, `Tenggarong` and `Te\u{301}nggarong` (the decomposed spelling macOS gives
//! file names) are one name to search and one file name, and two inputs that differ only that
//! way are refused as one path by the plan ([`crate::site::jalur`]) rather than published as
//! two look-alike pages.
//!
//! This module sits below the stages (like [`crate::teks`]): content pages and notes get their
//! file name when they are read, payment points and branches theirs when the site is planned,
//! and search its keys when the index is made.

use unicode_normalization::char::decompose_canonical;

/// Whether `c` is one of the combining diacritical marks (U+0300–U+036F) that `cari.js`
/// removes after decomposing.
fn tanda_aksen(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Folds `s` into words of ASCII lower-case letters and digits joined by `pemisah`; an
/// apostrophe is dropped (`Ma'rang` → `marang`) when `buang_apostrof`, else it separates words
/// like any other punctuation.
fn lipat(s: &str, buang_apostrof: bool, pemisah: char) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pisah = false;
    // one character of the decomposed text: kept (lower case), dropped, or a separator
    let mut satu = |c: char, out: &mut String| {
        let c = c.to_ascii_lowercase();
        match c {
            'a'..='z' | '0'..='9' => {
                if pisah && !out.is_empty() {
                    out.push(pemisah);
                }
                pisah = false;
                out.push(c);
            }
            '\'' | '\u{2018}' | '\u{2019}' | '`' if buang_apostrof => {}
            c if tanda_aksen(c) => {}
            _ => pisah = true,
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            satu(c, &mut out);
        } else {
            // a canonical decomposition is a base character and its marks (`é` → `e` U+0301);
            // the NFC and NFD spellings of a name decompose alike
            decompose_canonical(c, |d| satu(d, &mut out));
        }
    }
    out
}

/// The searchable form of a name or query: lower case, Latin letters with diacritics folded
/// (`é` → `e`), apostrophes dropped (`Ma'rang` → `marang`), and every other run of characters
/// that are not ASCII letters or digits turned into one space; no leading or trailing space.
/// `cari.js` applies the same rule in the reader's browser.
pub fn normal(s: &str) -> String {
    lipat(s, true, ' ')
}

/// A name's words as a file name, or an empty string for a name without a Latin letter or
/// digit: as [`normal`] reads it (diacritics folded, in either Unicode form), lower case,
/// every run of other characters, an apostrophe too, one `-`, none at either end. A name in
/// plain ASCII keeps the file name it had before this rule (`cara-membaca`, `bri-tenggarong`),
/// so an apostrophe separates words here rather than being dropped as search drops it.
pub fn slug(nama: &str) -> String {
    lipat(nama, false, '-')
}

/// The file name (without extension) of an input named `nama`: its [`slug`], or for a name
/// without a Latin letter or digit `<awalan>-` and 8 hex digits of a hash of the name (in NFC,
/// lower case), so that `مسجد` and `مدرسة` get two files and `ΠΟΣ` and `πος` one. Never empty,
/// never `.` or `..`, never with a `/` or a leading dot.
///
/// Two different names may give one file name (`Pos A`, `Pos-A`, `Pós A`): the plan refuses the
/// second with both inputs' places ([`crate::site::jalur`]); a number is never added, which
/// would move a page to another name's address when a third name comes.
pub fn nama_berkas(nama: &str, awalan: &str) -> String {
    let s = slug(nama);
    if !s.is_empty() {
        return s;
    }
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = nama.nfc().collect();
    let h = xxhash_rust::xxh3::xxh3_64(nfc.to_lowercase().as_bytes());
    format!("{awalan}-{:08x}", h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_diacritics_and_punctuation() {
        assert_eq!(normal("Kandangsapi"), "kandangsapi");
        assert_eq!(normal("  Bugul  Kidul "), "bugul kidul");
        assert_eq!(normal("Ma'rang"), "marang");
        assert_eq!(normal("Ma’rang"), "marang");
        assert_eq!(
            normal("Kota Administrasi Jakarta-Barat"),
            "kota administrasi jakarta barat"
        );
        assert_eq!(normal("Pénéléh (Baru) II"), "peneleh baru ii");
        assert_eq!(normal("ÀÉÎÕÜ çñ İ"), "aeiou cn i");
        // letters without a decomposition separate words, as in cari.js
        assert_eq!(normal("Søndre"), "s ndre");
        assert_eq!(normal("Straße Łódź"), "stra e odz");
        assert_eq!(
            normal("<img src=x onerror=alert(1)>"),
            "img src x onerror alert 1"
        );
        assert_eq!(normal("…"), "");
    }

    #[test]
    fn both_unicode_forms_of_a_name_are_one_name() {
        // composed (NFC) and decomposed (NFD, as macOS writes file names)
        let nfc = "Ténggarong";
        let nfd = "Te\u{301}nggarong";
        assert_eq!(normal(nfc), "tenggarong");
        assert_eq!(normal(nfd), "tenggarong");
        assert_eq!(slug("ca\u{301}ra membaca"), "cara-membaca");
        // letters beyond Latin-1 Supplement and Extended-A fold too (Vietnamese, Kelvin sign)
        assert_eq!(normal("Việt \u{212a}"), "viet k");
        // a mark with no letter before it is dropped, not a separator
        assert_eq!(slug("\u{301}a-\u{301}b"), "a-b");
    }

    #[test]
    fn a_latin_1_or_extended_a_letter_folds_as_cari_js_folds_it() {
        // the fold table these replaced, kept here as the record of what cari.js gives
        const LIPAT: &[u8; 192] =
            b"aaaaaa_ceeeeiiii_nooooo__uuuuy__aaaaaa_ceeeeiiii_nooooo__uuuuy_y\
aaaaaaccccccccdd__eeeeeeeeeegggggggghh__iiiiiiiii___jjkk_llllll_\
___nnnnnn___oooooo__rrrrrrsssssssstttt__uuuuuuuuuuuuwwyyyzzzzzz_";
        for (i, &b) in LIPAT.iter().enumerate() {
            let c = char::from_u32(0xc0 + i as u32).unwrap_or_default();
            let harapan = if b == b'_' {
                String::new()
            } else {
                (b as char).to_string()
            };
            assert_eq!(normal(&c.to_string()), harapan, "U+{:04X}", 0xc0 + i);
        }
    }

    #[test]
    fn a_file_name_is_the_names_words_joined_by_dashes() {
        assert_eq!(
            slug("Kantor Kecamatan Gadingrejo"),
            "kantor-kecamatan-gadingrejo"
        );
        assert_eq!(slug("BRI Tenggarong"), "bri-tenggarong");
        assert_eq!(slug("BRI Ténggarong"), "bri-tenggarong");
        assert_eq!(slug("Cára Membaca"), "cara-membaca");
        assert_eq!(slug("2021-07-13-rakor-bansos"), "2021-07-13-rakor-bansos");
        // ASCII keeps the file name the old rule gave: an apostrophe separates words
        assert_eq!(slug("Balai Désa Tamba'an"), "balai-desa-tamba-an");
        assert_eq!(slug("  pos  a. "), "pos-a");
        assert_eq!(slug("Pos_A"), "pos-a");
        // nothing that reaches a path: no `/`, `..`, leading dot
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug(".hidden"), "hidden");
        assert_eq!(slug("¿?"), "");
    }

    #[test]
    fn a_name_without_latin_letters_is_named_by_a_hash() {
        let arab = nama_berkas("مسجد", "titik");
        assert!(arab.starts_with("titik-") && arab.len() == 14, "{arab}");
        assert_ne!(arab, nama_berkas("مدرسة", "titik"));
        assert_eq!(nama_berkas("ΠΟΣ", "titik"), nama_berkas("πος", "titik"));
        // the hash is of the name in NFC: both forms of a Greek word are one file
        assert_eq!(
            nama_berkas("\u{3ac}", "halaman"),
            nama_berkas("\u{3b1}\u{301}", "halaman")
        );
        assert_eq!(nama_berkas("Pos A", "titik"), "pos-a");
    }
}
