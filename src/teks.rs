//! Text coming in: the one guard that every reader passes every text through before it can
//! reach the output, and the one normalisation of names.
//!
//! **NIK.** A NIK (or a family card number: 16 digits as well) must never be published. Every
//! cell of every data table, every Markdown file (front matter and body), `site.toml` and every
//! file name that becomes a page address or a listed file is searched by [`cari_nik`], and a
//! hit is an error naming `file:line:column` with the number masked ([`samarkan`]:
//! `3575**********01`). A NIK is found however it is written: as one run of 16 digits, or in
//! groups joined by spaces (any Unicode space: no-break, thin, …), `-`, `.`, `/`, `_` or a
//! Unicode dash or dot, mixed, in any grouping (`4-4-4-4`, `8 8`, `2.2.2.6.4`), with invisible
//! characters (zero-width space, BOM, soft hyphen, …) anywhere inside, and in any Unicode
//! digits (fullwidth `３５７５…`, Arabic-Indic, …), with combining marks on its digits (the
//! keycaps of `3️⃣5️⃣…`, underlines) or any mark outside ASCII between its groups (`•`, `〜`,
//! `٫`), or a bar (`3575 | 0123 | …`). Numbers that only look long are not refused: a region
//! code (`35.75.01.1001`), a date (`2021-07-13`, `13/07/2021`, even several in a row, or one
//! in a news address `2021/07/13/10350041`), a time (`07.00`), rupiah (`Rp 2.500.000`), a
//! year, a phone number (10 to 13 digits), and 16 digits that begin with no provinsi code (a
//! letter or budget number, `460/170/423.011/2021`, `DIPA-027.04.1.690544/2021`): every NIK
//! begins with the code of the provinsi that issued it.
//!
//! **Names.** [`nama`] gives every name (penyalur, titik bayar, region, programme, …) one
//! spelling: Unicode NFC, invisible characters removed, every run of whitespace one space,
//! trimmed. Without it, a BOM or a zero-width space inside a name makes a second channel that
//! looks the same as the first. [`Ejaan`] remembers the first place where a spelling was
//! changed, for one warning per spelling (not one per row of a 5 M-row file).
//!
//! Both run on every cell of the largest files, so both have a fast path that costs a few
//! nanoseconds for an ordinary cell: see [`mungkin_nik`] and [`nama`].

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashSet;
use unicode_normalization::UnicodeNormalization;

use crate::diagnostics::{Diagnostic, Diagnostics, Problem, Severity};

/// Digits in a NIK (and in a family card number).
pub const DIGIT_NIK: u32 = 16;

/// The longest run of separators that still joins two groups of digits into one number
/// (`3575 - 0123`, two spaces).
const PEMISAH_MAKS: u8 = 3;

/// Whether `c` draws nothing: format characters (zero-width space and joiners, BOM, soft
/// hyphen, bidirectional marks, word joiner, tags, variation selectors, fillers) and control
/// characters other than whitespace.
pub fn tak_terlihat(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    ) || (c.is_control() && !c.is_whitespace())
}

/// A separator between groups of digits, as the units of [`Token`] read it: its ASCII form
/// (`-` for every dash, `.` for every dot, `'` for every apostrophe, …), or `b' '` for
/// whitespace.
///
/// The marks `-`, `.`, `/` and `_` (and their Unicode forms) join groups with or without
/// spaces around them (`3575 - 0123`). Every other ASCII punctuation or symbol (`+ : , ' ( ) *
/// # ; | …`, with the typographic apostrophe and the fullwidth forms) is a *weak* mark
/// ([`lemah`]): it joins two groups only when nothing but marks lies between them
/// (`3575+0123`, `3575(0123)4567`, `1,234,567`), since with a space it is how a list is
/// written (`1.234, 5.678`, `RW 01, 02, 03`, `(0341) 123-4567, (0343) …`).
fn pemisah(c: char) -> Option<u8> {
    if c.is_whitespace() {
        return Some(b' ');
    }
    Some(match c {
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => b'-',
        '.' | '\u{00B7}' | '\u{2024}' | '\u{2027}' | '\u{30FB}' | '\u{FF0E}' | '\u{FF65}' => b'.',
        '/' | '\u{2044}' | '\u{2215}' | '\u{FF0F}' => b'/',
        '_' | '\u{FF3F}' => b'_',
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' | '\u{FF07}' => b'\'',
        ',' | '\u{FF0C}' | '\u{3001}' => b',',
        ':' | '\u{FF1A}' => b':',
        '+' | '\u{FF0B}' => b'+',
        '(' | '\u{FF08}' => b'(',
        ')' | '\u{FF09}' => b')',
        '*' | '\u{FF0A}' | '\u{2217}' => b'*',
        // a bar, as a table row is typed in plain text (`3575 | 0123 | …`), joins like a dash
        '|' | '\u{FF5C}' | '\u{2223}' => b'|',
        // the rest of ASCII's punctuation and symbols, as themselves
        c if c.is_ascii_punctuation() => c as u8,
        // any other mark outside ASCII (a bullet `•`, a wave dash `〜`, the Arabic decimal
        // separator, an arrow, an emoji): neither a letter nor a digit, so it joins groups
        // like a dash
        c if !c.is_ascii() && !c.is_alphanumeric() => b'~',
        _ => return None,
    })
}

/// Whether separator `p` (as [`pemisah`] gives it) is a weak mark: one that joins groups only
/// without whitespace in the run.
fn lemah(p: u8) -> bool {
    !matches!(p, b' ' | b'-' | b'.' | b'/' | b'_' | b'|' | b'~')
}

/// Whether `c` is a combining mark (Unicode category M: accents, underlines, the keycap
/// U+20E3), which a reader sees on the character before it, never on its own.
fn tanda_gabung(c: char) -> bool {
    !c.is_ascii() && unicode_normalization::char::is_combining_mark(c)
}

/// Whether `c` breaks a line (a number is not read across a line and a list mark).
fn akhir_baris(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The value of digit `c` when salur knows it (ASCII and fullwidth digits): dates and times
/// are recognised only in those.
fn nilai_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{FF10}'..='\u{FF19}' => Some(c as u32 - 0xFF10),
        _ => None,
    }
}

/// Whether `b` may hold a NIK at all: at least 16 bytes that may each begin a digit (an ASCII
/// digit, or the first byte of a character outside ASCII, which may be a Unicode digit). An
/// ordinary cell (`PT Pos Indonesia`, `35.75.01.1001`, `2021-07-13`) fails this in one pass
/// of a few nanoseconds without decoding, which keeps the guard cheap on a 5 M-row file.
#[inline]
pub fn mungkin_nik(b: &[u8]) -> bool {
    if b.len() < DIGIT_NIK as usize {
        return false;
    }
    // counted without branches, so that the loop vectorises
    let n: usize = b
        .iter()
        .map(|&c| usize::from(c.is_ascii_digit() | (c >= 0xC0)))
        .sum();
    n >= DIGIT_NIK as usize
}

/// One group of digits: its byte range, how many digits, and its value when all of them are
/// digits salur knows the value of and there are at most 9.
#[derive(Debug, Clone, Copy)]
struct Grup {
    awal: usize,
    akhir: usize,
    digit: u32,
    nilai: Option<u32>,
}

/// The separators between two groups.
#[derive(Debug, Clone, Copy, Default)]
struct Antara {
    /// Separators in the run (invisible characters not counted; a run of whitespace counts
    /// once: a browser shows it as one space, and a name is read with one).
    panjang: u8,
    /// The run holds whitespace: the groups are two words (two [`Token`]s).
    spasi: bool,
    /// The last separator read was whitespace (the next one continues its run).
    spasi_terakhir: bool,
    /// The run holds a line break.
    baris: bool,
    /// The run holds a mark (`-`, `.`, `/`, `_`, or a weak one).
    tanda: bool,
    /// A mark comes after a line break: a list's mark at the start of a line (`\n- `), not
    /// a number broken over two lines (`3575-\n0123`).
    tanda_setelah_baris: bool,
    /// The run holds a weak mark ([`lemah`]).
    lemah: bool,
    /// The mark, when the run is exactly one mark (what dates and codes are written with).
    satu: Option<u8>,
}

impl Antara {
    fn tambah(&mut self, p: u8, c: char) {
        if p == b' ' {
            self.baris |= akhir_baris(c);
            if self.spasi_terakhir {
                return;
            }
            self.spasi = true;
            self.spasi_terakhir = true;
        } else {
            self.tanda = true;
            self.tanda_setelah_baris |= self.baris;
            self.lemah |= lemah(p);
            self.spasi_terakhir = false;
        }
        self.panjang = self.panjang.saturating_add(1);
        self.satu = (self.panjang == 1 && p != b' ').then_some(p);
    }

    /// Whether the run still joins its two groups into one number.
    fn sah(&self) -> bool {
        self.panjang <= PEMISAH_MAKS && !self.tanda_setelah_baris && !(self.lemah && self.spasi)
    }
}

/// Groups of digits joined by separators: one candidate number, or several side by side.
#[derive(Default)]
struct Rantai {
    grup: Vec<Grup>,
    /// `antara[k]` lies between `grup[k]` and `grup[k + 1]`.
    antara: Vec<Antara>,
}

/// The NIK-shaped numbers in `s`, as byte ranges (from the first digit to the last), in order
/// and not overlapping. Empty, without allocating, for a text that cannot hold one.
///
/// A number is a chain of groups of digits, each joined to the next by one to three
/// separators (a run of whitespace of any kind counts as one; `-`, `.`, `/`, `_`, a Unicode
/// dash or dot; any other punctuation, such as `+ : , ' ( ) *`, only with no whitespace in
/// the run: see [`pemisah`]; invisible characters inside are skipped). Whitespace splits a
/// chain into words. A NIK is a run of groups of 16 digits in all, inside one word or made
/// of whole words, unless every word it touches reads as dates, times, region codes,
/// thousands-grouped numbers of another length than 16 digits (a 16-digit one only as
/// money, after `Rp` or `IDR`), a coordinate pair or years. A run that holds a date and
/// more digits (`1901-05-12-34567890`) is a NIK, except in a web address
/// (`…/read/2021/07/13/10350041/…`, an article's address).
///
/// ```
/// use salur::teks::cari_nik;
/// assert_eq!(cari_nik("NIK 3575.0123.4567.0001, ibu").len(), 1);
/// assert!(cari_nik("35.75.01.1001 pada 2021-07-13 07.00, Rp 2.500.000").is_empty());
/// ```
pub fn cari_nik(s: &str) -> Vec<Range<usize>> {
    cari(s, false)
}

/// The numbers of `s` that hold a NIK, whole: for each chain of groups of digits (see
/// [`cari_nik`]) holding one, the byte range from its first digit to its last. A chain may be
/// longer than its NIK (`2030-01-01-3575-0123-4567-0001`, a date before it, read as a NIK of
/// `2030-01-01-3575-0123`): masking only the NIK [`cari_nik`] found would leave digits of the
/// real one in clear, so a value quoted whole is masked over these ranges ([`samarkan_teks`]).
pub fn cari_nik_utuh(s: &str) -> Vec<Range<usize>> {
    cari(s, true)
}

/// [`cari_nik`] (`utuh`: [`cari_nik_utuh`]).
fn cari(s: &str, utuh: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !mungkin_nik(s.as_bytes()) {
        return out;
    }
    let mut rantai = Rantai::default();
    // the group being read, or the separators after the last group
    let mut grup: Option<Grup> = None;
    let mut antara: Option<Antara> = None;
    for (i, c) in s.char_indices() {
        if c.is_numeric() {
            let d = nilai_digit(c);
            match grup.as_mut() {
                Some(g) => {
                    g.akhir = i + c.len_utf8();
                    g.digit += 1;
                    g.nilai = match (g.nilai, d) {
                        (Some(v), Some(d)) if g.digit <= 9 => Some(v * 10 + d),
                        _ => None,
                    };
                }
                None => {
                    if let Some(a) = antara.take() {
                        rantai.antara.push(a);
                    }
                    grup = Some(Grup {
                        awal: i,
                        akhir: i + c.len_utf8(),
                        digit: 1,
                        nilai: d,
                    });
                }
            }
        } else if tak_terlihat(c) || tanda_gabung(c) {
            // a combining mark draws on the digit before it (`3̲5̲7̲5̲`, the keycap of
            // `3️⃣`): the digits still read as one number
            continue;
        } else if let Some(p) = pemisah(c) {
            if let Some(g) = grup.take() {
                rantai.grup.push(g);
                let mut a = Antara::default();
                a.tambah(p, c);
                antara = Some(a);
            } else if let Some(a) = antara.as_mut() {
                a.tambah(p, c);
                if !a.sah() {
                    antara = None;
                    tutup(s, &mut rantai, &mut out, utuh);
                }
            }
        } else {
            if let Some(g) = grup.take() {
                rantai.grup.push(g);
            }
            antara = None;
            tutup(s, &mut rantai, &mut out, utuh);
        }
    }
    if let Some(g) = grup.take() {
        rantai.grup.push(g);
    }
    tutup(s, &mut rantai, &mut out, utuh);
    out
}

/// Finds the NIKs of a finished chain (see [`cari_nik`]) and empties it, keeping its memory
/// for the next one; `utuh`: the whole chain instead, when it holds one.
fn tutup(s: &str, rantai: &mut Rantai, out: &mut Vec<Range<usize>>, utuh: bool) {
    let total = rantai
        .grup
        .iter()
        .fold(0u32, |a, g| a.saturating_add(g.digit));
    if total >= DIGIT_NIK {
        let n = rantai.grup.len().saturating_sub(1).min(rantai.antara.len());
        let ada = out.len();
        cari_di_rantai(s, &rantai.grup, &rantai.antara[..n], out);
        if utuh
            && out.len() > ada
            && let (Some(a), Some(z)) = (rantai.grup.first(), rantai.grup.last())
        {
            out.truncate(ada);
            out.push(a.awal..z.akhir);
        }
    }
    rantai.grup.clear();
    rantai.antara.clear();
}

/// Whether the number starting at byte `awal` of `s` is marked as money: `Rp`, `Rp.` or
/// `IDR` (any case) just before it, as a word of its own (`Rp 3.325.000.000.000.000`,
/// `Rp3.325…`, `IDR 3,325,…`).
fn uang_sebelum(s: &str, awal: usize) -> bool {
    let mut dari = awal.saturating_sub(24);
    while !s.is_char_boundary(dari) {
        dari += 1;
    }
    let sebelum =
        s[dari..awal].trim_end_matches(|c: char| c.is_whitespace() || c == '.' || c == ':');
    let b = sebelum.as_bytes();
    [&b"rp"[..], b"idr"].iter().any(|m| {
        b.len() >= m.len()
            && b[b.len() - m.len()..].eq_ignore_ascii_case(m)
            && !b[..b.len() - m.len()]
                .last()
                .is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// Whether byte `awal` of `s` lies in a web address: the word it is in (up to 2.048 bytes
/// back, which keeps a hostile text linear) holds `://` or begins with `www.`.
fn di_alamat_web(s: &str, awal: usize) -> bool {
    let mut dari = awal.saturating_sub(2048);
    while !s.is_char_boundary(dari) {
        dari += 1;
    }
    let sebelum = &s[dari..awal];
    let kata = sebelum
        .rfind(char::is_whitespace)
        .map_or(sebelum, |i| &sebelum[i..])
        .trim_start();
    kata.contains("://")
        || kata
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."))
}

/// The NIKs of one chain of at least 16 digits in `s`: `antara[k]` lies between `grup[k]`
/// and `grup[k + 1]`.
fn cari_di_rantai(s: &str, grup: &[Grup], antara: &[Antara], out: &mut Vec<Range<usize>>) {
    // the words: groups split where a separator holds whitespace
    let mut kata: Vec<Range<usize>> = Vec::new();
    let mut awal = 0;
    for (k, a) in antara.iter().enumerate() {
        if a.spasi {
            kata.push(awal..k + 1);
            awal = k + 1;
        }
    }
    kata.push(awal..grup.len());
    let mut kata_grup = vec![0usize; grup.len()];
    let mut bebas = Vec::with_capacity(kata.len());
    let mut tanggal = vec![false; grup.len()];
    // money (`Rp 3.325.000.000.000.000`, the national budget) is marked before the chain
    let uang = grup.first().is_some_and(|g| uang_sebelum(s, g.awal));
    for (t, r) in kata.iter().enumerate() {
        kata_grup[r.clone()].fill(t);
        let token = Token {
            grup: &grup[r.clone()],
            antara: antara.get(r.start..r.end - 1).unwrap_or_default(),
            uang: uang && t == 0,
        };
        bebas.push(token.terurai());
        token.tandai_tanggal(&mut tanggal[r.clone()]);
    }
    let mut i = 0;
    while i < grup.len() {
        let mut jumlah = 0;
        let mut j = i;
        let mut ketemu = None;
        while j < grup.len() {
            jumlah = grup[j].digit.saturating_add(jumlah);
            if jumlah >= DIGIT_NIK {
                if jumlah == DIGIT_NIK {
                    ketemu = Some(j);
                }
                break;
            }
            j += 1;
        }
        let Some(j) = ketemu else {
            i += 1;
            continue;
        };
        let (ti, tj) = (kata_grup[i], kata_grup[j]);
        // across words only whole words count: "0812 3456 7890 0813" holds no NIK in its
        // middle groups
        let utuh = ti == tj || (kata[ti].start == i && kata[tj].end == j + 1);
        // a date continued by more digits up to 16 is not a date (`1901-05-12-34567890`),
        // but in a web address it is an article's (`/read/2021/07/13/10350041/`)
        let dikenal = (ti..=tj).all(|t| bebas[t])
            || (tanggal[i..=j].contains(&true) && di_alamat_web(s, grup[i].awal));
        if utuh && !dikenal && kode_provinsi(s, grup[i].awal) {
            out.push(grup[i].awal..grup[j].akhir);
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

/// The provinsi codes of Kemendagri (Permendagri 58/2021 and the six Papua provinces of 2022),
/// with which every NIK and family card number begins: its first two digits are the provinsi
/// of the kabupaten/kota that issued it.
const KODE_PROVINSI: [u8; 39] = [
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
];

/// Whether the number starting at byte `awal` of `s` may be a NIK by its first two digits: a
/// provinsi code ([`KODE_PROVINSI`]). A 16-digit letter or budget number (`460/170/423.011/2021`,
/// `DIPA-027.04.1.690544/2021`) begins with none, and is not refused. Digits whose value salur
/// does not read (other scripts than ASCII and fullwidth) count as a provinsi code.
fn kode_provinsi(s: &str, awal: usize) -> bool {
    let mut kode = 0u8;
    let mut n = 0;
    for c in s[awal..].chars() {
        if c.is_numeric() {
            let Some(d) = nilai_digit(c) else {
                return true;
            };
            kode = kode * 10 + d as u8;
            n += 1;
            if n == 2 {
                return KODE_PROVINSI.contains(&kode);
            }
        }
    }
    true
}

/// One word of a chain: groups joined by marks only.
struct Token<'a> {
    grup: &'a [Grup],
    antara: &'a [Antara],
    /// The word is money (after `Rp` or `IDR`): a thousands-grouped number of 16 digits is
    /// read as one at its start.
    uang: bool,
}

impl Token<'_> {
    /// The single mark between group `k` and `k + 1`.
    fn tanda(&self, k: usize) -> Option<u8> {
        self.antara.get(k).and_then(|a| a.satu)
    }

    fn nilai(&self, k: usize) -> Option<u32> {
        self.grup.get(k).and_then(|g| g.nilai)
    }

    fn digit(&self, k: usize) -> u32 {
        self.grup.get(k).map_or(0, |g| g.digit)
    }

    /// Whether groups `k..k + 3` are a date: `2021-07-13`, `13/07/2021`, `13.07.2021`, with
    /// one mark written twice and a four-digit year from 1900 to 2100.
    fn tanggal_di(&self, k: usize) -> bool {
        let (Some(s), Some(s2)) = (self.tanda(k), self.tanda(k + 1)) else {
            return false;
        };
        if s != s2 || !matches!(s, b'-' | b'/' | b'.') {
            return false;
        }
        let (Some(a), Some(b), Some(c)) = (self.nilai(k), self.nilai(k + 1), self.nilai(k + 2))
        else {
            return false;
        };
        let tahun = |k: usize, v: u32| self.digit(k) == 4 && (1900..=2100).contains(&v);
        let hari_bulan =
            |k: usize, v: u32, maks: u32| self.digit(k) <= 2 && (1..=maks).contains(&v);
        (tahun(k, a) && hari_bulan(k + 1, b, 12) && hari_bulan(k + 2, c, 31))
            || (hari_bulan(k, a, 31) && hari_bulan(k + 1, b, 12) && tahun(k + 2, c))
    }

    /// Marks the groups that are part of a date.
    fn tandai_tanggal(&self, tanggal: &mut [bool]) {
        for k in 0..self.grup.len().saturating_sub(2) {
            if self.tanggal_di(k) {
                tanggal[k..k + 3].fill(true);
            }
        }
    }

    /// How many groups from `k` one unit that is not a NIK takes, for each unit that fits
    /// there: a date (3), a time `07.00` or `07:00` (2), a region code `35.75.01.1001` (2 to
    /// 4), a thousands-grouped number `2.500.000` or `2,500,000` (2 or more, all its groups,
    /// not 16 digits but as money), numbers of 1 or 2 digits listed with commas `01,02,03`
    /// (2 or more, all of them), a coordinate pair `-7.645312,112.907512` (4), a year `2021`
    /// (1).
    fn satuan(&self, k: usize, akhir_daftar: &[usize], mut f: impl FnMut(usize)) {
        if self.tanggal_di(k) {
            f(3);
        }
        let n = self.grup.len() - k;
        // a time of day
        if n >= 2
            && matches!(self.tanda(k), Some(b'.' | b':'))
            && self.digit(k) <= 2
            && self.digit(k + 1) == 2
            && self.nilai(k).is_some_and(|h| h <= 24)
            && self.nilai(k + 1).is_some_and(|m| m < 60)
        {
            f(2);
        }
        // a region code: 2 digits, then dotted 2, 2 and 4
        if self.digit(k) == 2 && self.nilai(k).is_some() {
            for (m, lebar) in [(1usize, 2u32), (2, 2), (3, 4)] {
                if m >= n
                    || self.tanda(k + m - 1) != Some(b'.')
                    || self.digit(k + m) != lebar
                    || self.nilai(k + m).is_none()
                {
                    break;
                }
                f(m + 1);
            }
        }
        // thousands: 1 to 3 digits, then every following group of exactly 3 behind the same
        // mark (`.` as Indonesian writes it, `,` as Excel in English does), then perhaps a
        // decimal part of 1 or 2 digits behind the other mark (`2.500.000,50`); at most 7
        // groups of thousands, the most a u64 has (a unit stays O(1), so a hostile cell of
        // 100.000 groups is linear). All of one number's groups, or none: `1.000.000.000`
        // is not `1.000` and `000.000`. Sixteen digits are a NIK in any grouping
        // (`3.575.012.345.670.001`), unless marked as money.
        if (1..=3).contains(&self.digit(k)) && self.nilai(k).is_some() {
            for (pisah, desimal) in [(b'.', b','), (b',', b'.')] {
                let mut m = 1;
                let mut digit = self.digit(k);
                while m < n
                    && self.tanda(k + m - 1) == Some(pisah)
                    && self.digit(k + m) == 3
                    && self.nilai(k + m).is_some()
                {
                    m += 1;
                    digit += 3;
                    if m > 7 {
                        break;
                    }
                }
                if !(2..=7).contains(&m) {
                    continue;
                }
                let boleh = |digit: u32| digit != DIGIT_NIK || (self.uang && k == 0);
                if boleh(digit) {
                    f(m);
                }
                if m < n
                    && self.tanda(k + m - 1) == Some(desimal)
                    && (1..=2).contains(&self.digit(k + m))
                    && boleh(digit + self.digit(k + m))
                {
                    f(m + 1);
                }
            }
        }
        // a list of numbers of 1 or 2 digits behind commas, as RT and RW are listed
        // (`RW 01,02,03`)
        // (`RW 01,02,03`); where the list from `k` ends is counted once per word by
        // [`Token::terurai`] (counted here from every `k`, 125.000 items took 18 s)
        if self.digit(k) <= 2 {
            let m = akhir_daftar.get(k).map_or(1, |&z| z - k);
            if m >= 2 {
                f(m);
            }
        }
        // a coordinate pair as a map copies it, `-7.645312,112.907512`: a latitude of
        // Indonesia (up to 11 degrees, 4 to 8 decimals), `,`, a longitude (94 to 141 degrees)
        if n >= 4
            && self.tanda(k) == Some(b'.')
            && self.tanda(k + 1) == Some(b',')
            && self.tanda(k + 2) == Some(b'.')
            && self.digit(k) <= 2
            && self.nilai(k).is_some_and(|v| v <= 11)
            && (4..=8).contains(&self.digit(k + 1))
            && (2..=3).contains(&self.digit(k + 2))
            && self.nilai(k + 2).is_some_and(|v| (94..=141).contains(&v))
            && (4..=8).contains(&self.digit(k + 3))
        {
            f(4);
        }
        // a year
        if self.digit(k) == 4 && self.nilai(k).is_some_and(|v| (1900..=2100).contains(&v)) {
            f(1);
        }
    }

    /// Whether the whole word reads as such units one after the other.
    fn terurai(&self) -> bool {
        let n = self.grup.len();
        // bisa[k]: the groups from k on can be read as units
        let mut bisa = vec![false; n + 1];
        bisa[n] = true;
        // akhir_daftar[k]: the end of the list of 1- or 2-digit numbers behind commas that
        // starts at k (k + 1 when none does)
        let mut akhir_daftar = vec![0usize; n];
        for k in (0..n).rev() {
            akhir_daftar[k] = if k + 1 < n
                && self.digit(k) <= 2
                && self.tanda(k) == Some(b',')
                && self.digit(k + 1) <= 2
            {
                akhir_daftar[k + 1]
            } else {
                k + 1
            };
        }
        for k in (0..n).rev() {
            let mut ok = false;
            self.satuan(k, &akhir_daftar, |m| {
                ok |= bisa.get(k + m).copied().unwrap_or(false)
            });
            bisa[k] = ok;
        }
        bisa[0]
    }
}

/// Whether `b` holds a NIK in any spelling [`cari_nik`] finds (text that is not UTF-8 is read
/// with its bad bytes replaced).
pub fn ada_nik(b: &[u8]) -> bool {
    mungkin_nik(b) && !cari_nik(&String::from_utf8_lossy(b)).is_empty()
}

/// A value as a message quotes it: trimmed, without Excel's leading `'`, and every NIK in it
/// masked, its first 4 and last 2 digits kept (`3575**********01`, `3575 **** **** **01`), so
/// that a message never publishes one. Text that is not UTF-8 has its bad bytes replaced.
pub fn samarkan(b: &[u8]) -> String {
    let t = crate::dasar::nilai::trim(b);
    let t = t.strip_prefix(b"'").unwrap_or(t);
    let s = String::from_utf8_lossy(t);
    samarkan_teks(&s)
}

/// `s` with every NIK [`cari_nik`] finds masked, as [`samarkan`] does, and nothing else changed.
/// The whole number a NIK is found in is masked ([`cari_nik_utuh`]), its first 4 and last 2
/// digits kept: `2030-01-01-3575-0123-4567-0001` is `2030-**-**-****-****-****-**01`, not
/// the `2030-**-**-****-**23-4567-0001` that masking the 16 digits read as a NIK would give.
pub fn samarkan_teks(s: &str) -> String {
    let nik = cari_nik_utuh(s);
    if nik.is_empty() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut dari = 0;
    for r in nik {
        out.push_str(&s[dari..r.start]);
        let bagian = &s[r.clone()];
        let jumlah = bagian.chars().filter(|c| c.is_numeric()).count();
        let mut ke = 0;
        for c in bagian.chars() {
            if c.is_numeric() {
                ke += 1;
                if ke > 4 && ke + 2 <= jumlah {
                    out.push('*');
                    continue;
                }
            }
            // what hides the number from the eye is shown: `3575<U+200B>****…`
            push_tampak(&mut out, c);
        }
        dari = r.end;
    }
    out.push_str(&s[dari..]);
    out
}

/// The positions (0-based, among the numeric characters of `s`) of the digits that
/// [`samarkan_teks`] hides in the NIKs of `s`: all but the first 4 and the last 2 of each.
fn digit_tersembunyi(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut ke = 0;
    let mut nik = cari_nik_utuh(s).into_iter().peekable();
    let mut di_nik: Option<(Range<usize>, usize, usize)> = None;
    for (i, c) in s.char_indices() {
        if !c.is_numeric() {
            continue;
        }
        if di_nik.as_ref().is_none_or(|(r, _, _)| !r.contains(&i))
            && let Some(r) = nik.next_if(|r| r.contains(&i))
        {
            let jumlah = s[r.clone()].chars().filter(|c| c.is_numeric()).count();
            di_nik = Some((r, 0, jumlah));
        }
        if let Some((r, urutan, jumlah)) = di_nik.as_mut()
            && r.contains(&i)
        {
            *urutan += 1;
            if *urutan > 4 && *urutan + 2 <= *jumlah {
                out.push(ke);
            }
        }
        ke += 1;
    }
    out
}

/// `asli` (a file name, a name) masked where `turunan`, what it becomes (its page's path),
/// holds a NIK: the digits of `asli` are those of `turunan` in the same order (a slug keeps
/// every digit), so the digits hidden in `turunan` are hidden in `asli` too, whatever stood
/// between them (`content/3575----****----****----**01.md`). When the digits differ, every
/// digit of `asli` but its first 4 and last 2 is hidden. A NIK that `asli` shows itself is
/// masked as [`samarkan_teks`] does.
pub fn samarkan_menurut(asli: &str, turunan: &str) -> String {
    let asli = samarkan_teks(asli);
    let sembunyi = digit_tersembunyi(turunan);
    if sembunyi.is_empty() {
        return asli;
    }
    let digit_asli = asli.chars().filter(|c| c.is_numeric()).count();
    let digit_turunan = turunan.chars().filter(|c| c.is_numeric()).count();
    if digit_asli != digit_turunan {
        return samarkan_semua(&asli);
    }
    sembunyikan(&asli, |ke| sembunyi.binary_search(&ke).is_ok())
}

/// A recipient list's cell as a message may quote it: every letter but the first of each
/// word hidden, and any NIK masked ([`samarkan_teks`]): `SITI ZULAIKHA` is `S*** Z*******`,
/// `KARANGKETUK` is `K**********`. A list's cell may be a name or an address whatever its
/// column says; its place (file, line, column) finds it.
///
/// ```
/// assert_eq!(salur::teks::samarkan_pribadi("SITI ZULAIKHA"), "S*** Z*******");
/// assert_eq!(salur::teks::samarkan_pribadi("13/11/2025"), "13/11/2025");
/// ```
pub fn samarkan_pribadi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut awal = true;
    for c in samarkan_teks(s).chars() {
        if c.is_alphabetic() {
            out.push(if awal { c } else { '*' });
            awal = false;
        } else {
            out.push(c);
            awal = !c.is_alphanumeric();
        }
    }
    out
}

/// `s` with every digit hidden but its first 4 and last 2 (`Rp 3.325.***.***.***.*00`), for a
/// value refused as NIK-shaped that [`cari_nik`] does not read as one (a count or an amount
/// of 16 digits, a name whose NIK its page's path shows).
pub fn samarkan_semua(s: &str) -> String {
    let n = s.chars().filter(|c| c.is_numeric()).count();
    sembunyikan(s, |ke| ke >= 4 && ke + 2 < n)
}

/// `s` with the numeric characters whose position among them `sembunyi` names written `*`.
fn sembunyikan(s: &str, sembunyi: impl Fn(usize) -> bool) -> String {
    let mut ke = 0;
    s.chars()
        .map(|c| {
            if !c.is_numeric() {
                return c;
            }
            ke += 1;
            if sembunyi(ke - 1) { '*' } else { c }
        })
        .collect()
}

/// The guard for one cell or value read at `file:line:column`: a NIK in it is an error
/// ([`Problem::PrivacyNik`]) quoting the whole value masked. Returns whether it is clean.
#[inline]
pub fn periksa_sel(file: &str, line: u64, column: u64, b: &[u8], diags: &mut Diagnostics) -> bool {
    if !ada_nik(b) {
        return true;
    }
    diags.push_with(Severity::Error, || {
        Diagnostic::error(file, line, column, Some(&samarkan(b)), Problem::PrivacyNik)
    });
    false
}

/// The guard for a text file (a Markdown page or note, front matter and body; `site.toml`):
/// every NIK in it is an error at its own line and column ([`Problem::PrivacyNikTeks`]),
/// quoting the number masked. Returns whether the text is clean.
pub fn periksa_teks(file: &str, text: &str, diags: &mut Diagnostics) -> bool {
    let nik = cari_nik(text);
    for r in &nik {
        // the place is worked out only for the messages kept (a scan of the text each)
        diags.push_with(Severity::Error, || {
            let (line, column) = crate::dasar::tempat::line_column(text, r.start);
            Diagnostic::error(
                file,
                line,
                column,
                Some(&samarkan_teks(&text[r.clone()])),
                Problem::PrivacyNikTeks,
            )
        });
    }
    nik.is_empty()
}

/// The guard for a file name that reaches the output (a page's address, a file listed on the
/// data-quality page): `rel`, relative to the site root, with a NIK is an error
/// ([`Problem::PrivacyNikNamaBerkas`]) naming the file with the number masked. Returns whether
/// the name is clean.
pub fn periksa_nama_berkas(rel: &str, diags: &mut Diagnostics) -> bool {
    if cari_nik(rel).is_empty() {
        return true;
    }
    diags.push(Diagnostic::error(
        &samarkan_teks(rel),
        0,
        0,
        None,
        Problem::PrivacyNikNamaBerkas,
    ));
    false
}

/// Whether `b` is already a name as [`nama`] writes it, in printable ASCII: one pass, the
/// common case (`PT Pos Indonesia`).
#[inline]
fn ascii_sudah_nama(b: &[u8]) -> bool {
    // a space before the first byte, so that a leading space is two in a row
    let mut spasi = true;
    for &c in b {
        if !(0x20..0x7F).contains(&c) {
            return false;
        }
        let s = c == b' ';
        if s && spasi {
            return false;
        }
        spasi = s;
    }
    !spasi
}

/// Whether `b` (ASCII) is already a name as [`nama`] writes it, apart from spaces around it:
/// no control character and no two spaces in a row.
#[inline]
fn ascii_bersih(b: &[u8]) -> bool {
    let mut spasi = false;
    for &c in b {
        if c < 0x20 || c == 0x7F {
            return false;
        }
        let s = c == b' ';
        if s && spasi {
            return false;
        }
        spasi = s;
    }
    true
}

/// A name as salur keeps it: Unicode NFC, invisible characters ([`tak_terlihat`]) removed,
/// every run of whitespace (a no-break space, a tab, …) one space, trimmed.
///
/// Borrowed, without allocating, when nothing but spaces around it changes: for an ASCII
/// name this is one pass over its bytes. `Cow::Owned` means that the name's spelling changed
/// (what [`Ejaan`] warns about).
///
/// ```
/// use salur::teks::nama;
/// assert_eq!(nama(" PT Pos Indonesia "), "PT Pos Indonesia");
/// assert_eq!(nama("PT\u{feff} Pos\u{a0}\u{a0}Indonesia"), "PT Pos Indonesia");
/// assert_eq!(nama("Kele\u{301}"), "Kelé");
/// ```
pub fn nama(s: &str) -> Cow<'_, str> {
    if ascii_sudah_nama(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    let trimmed = s.trim_matches(' ');
    let b = trimmed.as_bytes();
    if b.is_ascii() && ascii_bersih(b) {
        return Cow::Borrowed(trimmed);
    }
    let mut bersih = String::with_capacity(s.len());
    let mut spasi = false;
    for c in s.chars() {
        if c.is_whitespace() {
            spasi = true;
        } else if !tak_terlihat(c) {
            if spasi && !bersih.is_empty() {
                bersih.push(' ');
            }
            spasi = false;
            bersih.push(c);
        }
    }
    let normal: String = if unicode_normalization::is_nfc(&bersih) {
        bersih
    } else {
        bersih.nfc().collect()
    };
    if normal == trimmed {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(normal)
    }
}

/// `s` with its invisible characters and unusual spaces made visible (`PT<U+FEFF> Pos`), for
/// a message about them.
pub fn tampak(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_tampak(&mut out, c);
    }
    out
}

/// Adds `c` to `out`, as `<U+FEFF>` when it is invisible or a space other than the plain one.
fn push_tampak(out: &mut String, c: char) {
    if tak_terlihat(c) || (c.is_whitespace() && c != ' ') {
        out.push_str(&format!("<U+{:04X}>", c as u32));
    } else {
        out.push(c);
    }
}

/// A name's spelling that [`nama`] changed, with where it was first read.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Ubahan {
    asli: String,
    jadi: String,
    line: u64,
    column: u64,
    /// The name as normalised holds a NIK (its spaces joined, `3575    0123 …`): an error,
    /// not a warning.
    nik: bool,
}

/// The names of one file whose spelling [`nama`] changed, each original spelling once with
/// the first place it was read, for one warning per spelling ([`Ejaan::peringatan`]). Readers
/// on several threads keep one each and join them in file order ([`Ejaan::gabung`]).
#[derive(Debug, Default)]
pub struct Ejaan {
    ubahan: Vec<Ubahan>,
    dilihat: FxHashSet<String>,
}

impl Ejaan {
    /// A name read at `line:column`, normalised by [`nama`]; a changed spelling is remembered.
    pub fn nama<'s>(&mut self, s: &'s str, line: u64, column: u64) -> Cow<'s, str> {
        let n = nama(s);
        if let Cow::Owned(jadi) = &n
            && !self.dilihat.contains(s)
        {
            self.dilihat.insert(s.to_string());
            self.ubahan.push(Ubahan {
                asli: s.to_string(),
                jadi: jadi.clone(),
                line,
                column,
                // the guard on the name as it is published: the raw cell passed it
                nik: ada_nik(jadi.as_bytes()),
            });
        }
        n
    }

    /// Adds the spellings of `lain`, read after this one's rows, that this one has not seen.
    pub fn gabung(&mut self, lain: Ejaan) {
        for u in lain.ubahan {
            if self.dilihat.insert(u.asli.clone()) {
                self.ubahan.push(u);
            }
        }
    }

    /// One warning ([`Problem::NamaDinormalkan`]) per changed spelling, at its first place in
    /// `file`, in the order read; an error ([`Problem::PrivacyNikTerbaca`]) for a name that
    /// holds a NIK once normalised, its value masked as the normalised name is.
    pub fn peringatan(self, file: &str, diags: &mut Diagnostics) {
        for u in self.ubahan {
            if u.nik {
                diags.push_with(Severity::Error, || {
                    Diagnostic::error(
                        file,
                        u.line,
                        u.column,
                        Some(&tampak(&samarkan_menurut(&u.asli, &u.jadi))),
                        Problem::PrivacyNikTerbaca,
                    )
                });
                continue;
            }
            diags.push_with(Severity::Warning, || {
                Diagnostic::error(
                    file,
                    u.line,
                    u.column,
                    Some(&tampak(&samarkan_teks(&u.asli))),
                    Problem::NamaDinormalkan {
                        jadi: samarkan_teks(&u.jadi),
                    },
                )
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NIK: &str = "3575012345670001";

    /// Every spelling of a NIK that an operator or a hostile tester may write.
    fn ejaan_nik() -> Vec<String> {
        let lebar: String = NIK
            .chars()
            .map(|c| char::from_u32(0xFF10 + (c as u32 - '0' as u32)).unwrap())
            .collect();
        let arab: String = NIK
            .chars()
            .map(|c| char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap())
            .collect();
        let kelompok = |sep: &str| ["3575", "0123", "4567", "0001"].join(sep);
        let zw: String = NIK.chars().flat_map(|c| [c, '\u{200B}']).collect();
        vec![
            NIK.to_string(),
            format!("'{NIK}"),
            format!("NIK {NIK} (ibu)"),
            format!("NIK{NIK}"),
            kelompok(" "),
            kelompok("-"),
            kelompok("."),
            kelompok("/"),
            kelompok("_"),
            kelompok("\u{a0}"),
            kelompok("\u{2009}"),
            kelompok("\u{202f}"),
            kelompok("\u{200b}"),
            kelompok("\u{2013}"),
            kelompok("  "),
            kelompok(" - "),
            "3575-0123.4567 0001".to_string(),
            "3575/0123_4567\u{a0}0001".to_string(),
            "35750123 45670001".to_string(),
            "35750123-45670001".to_string(),
            "35.75.01.234567.0001".to_string(),
            "357501.234567.0001".to_string(),
            "35 75 01 23 45 67 00 01".to_string(),
            "\u{feff}3575012345670001".to_string(),
            "3575\u{feff}0123\u{ad}4567\u{2060}0001".to_string(),
            zw,
            lebar.clone(),
            format!("NIK {lebar}"),
            arab,
            "３５７５ ０１２３ ４５６７ ０００１".to_string(),
            "1. 3575 0123 4567 0001".to_string(),
            "No.1/3575-0123-4567-0001".to_string(),
            format!("meninggal, NIK {NIK} 3575012345670002"),
            format!("tanggal 2021-07-13 {NIK}"),
            "3575 0123\n4567 0001".to_string(),
            "3575 0123 4567 0001 2 orang".to_string(),
            // a run of whitespace is one separator, as a browser shows it
            kelompok("    "),
            kelompok(" \t \n "),
            "3575-\n 0123-4567-0001".to_string(),
            // 16 digits in any grouping, thousands too (Excel's number display)
            "3.575.012.345.670.001".to_string(),
            "3,575,012,345,670,001".to_string(),
            "35.750.123.456.700,01".to_string(),
            "kpm 3.575.012.345.670.001 orang".to_string(),
            // a date continued to 16 digits is not a date
            "3575-01-23-45670001".to_string(),
            "1901-05-12-35750001".to_string(),
            "13/07/2021/35750001".to_string(),
            // weak marks between groups, with no space
            kelompok("+"),
            kelompok(":"),
            kelompok(","),
            kelompok("'"),
            kelompok("\u{2019}"),
            kelompok("*"),
            kelompok(";"),
            kelompok("|"),
            kelompok("#"),
            "(3575)(0123)(4567)(0001)".to_string(),
            "3575(0123)45670001".to_string(),
            "3575 0123 4567-0001; 2 orang".to_string(),
            "+3575 0123 4567 0001".to_string(),
            "35750123456700*01".to_string(),
            "3575\u{ff0c}0123\u{ff0c}4567\u{ff0c}0001".to_string(),
            // money only after Rp/IDR; a word that only ends in "rp" is not one
            "harp 3.575.012.345.670.001".to_string(),
            "Rp 3575012345670001".to_string(),
            // keycaps as typed in a chat, combining marks, marks outside ASCII, bars
            "3\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3}7\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3}0\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}3\u{FE0F}\u{20E3}4\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3}6\u{FE0F}\u{20E3}7\u{FE0F}\u{20E3}0\u{FE0F}\u{20E3}0\u{FE0F}\u{20E3}0\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}".to_string(),
            NIK.chars().flat_map(|c| [c, '\u{0332}']).collect(),
            "3575\u{0301}0123\u{0301}4567\u{0301}0001".to_string(),
            "3575\u{2022}0123\u{2022}4567\u{2022}0001".to_string(),
            "3575 \u{2022} 0123 \u{2022} 4567 \u{2022} 0001".to_string(),
            "3575 | 0123 | 4567 | 0001".to_string(),
            "3575\u{FF5E}0123\u{301C}4567\u{066B}0001".to_string(),
        ]
    }

    /// Long numbers that are not a NIK: they must stay accepted.
    const BUKAN_NIK: &[&str] = &[
        "35.75.01.1001",
        "35.75.01.1001 35.75.01.1002",
        "35.75 35.76 35.77 35.78",
        "35.75.01 35.75.02 35.75",
        "2021-07-13",
        "13/07/2021",
        "2021-07-13 2021-07-14",
        "2021-07-13 2021-07-14 2021-07-15",
        "13/07/2021-14/07/2021",
        "2021-07-01/2021-07-31",
        "13.07.2021 07.00-08.00",
        "13/07/2021 07.00 08.00 09.00",
        "Rp 2.500.000",
        "Rp 2.500.000.000.000.000 dan 12 345",
        "APBN Rp 3.325.000.000.000.000 pada 2025",
        "Rp. 3.325.000.000.000.000,00",
        "Rp3.325.000.000.000.000",
        "IDR 3,325,000,000,000,000",
        "senilai Rp 3.325.000.000.000.000 (tiga ribu triliun)",
        "10.550 18.877 5.744 1.000",
        "1.234, 5.678, 9.012, 3.456",
        "1.234,5.678,9.012,3.456",
        "10.550, 18.877, 5.744 dan 1.000",
        "RW 01, 02, 03, 04, 05, 06, 07, 08, 09",
        "RT 01,02,03,04,05,06,07,08",
        "1.234.567.890,50 dan 2.345.678,00",
        "(0341) 123-4567",
        "(0341) 123-4567, (0343) 765-4321",
        "(031) 123-4567, (031) 765-4321 atau (031) 111-2222",
        "+62 812 3456 7890, +62 813 1111 2222",
        "+62 812-3456-7890 / +62 813-1111-2222",
        "07.00-12.00",
        "07.00-12.00 13.00-16.00",
        "07:00 08:00 09:00 10:00",
        "07:00-08:00 09:00-10:00",
        "35.75, 35.23, 35.24, 35.25",
        "35.75,35.23,35.24,35.25",
        "-7.645312, 112.907512",
        "(-7.645312, 112.907512)",
        "-7.645312,112.907512",
        "2021, 2022, 2023, 2024",
        "2021-07-13, 2021-07-14",
        "kode 35.75.01.1001; 35.75.01.1002",
        "0812-3456-7890",
        "0812 3456 7890",
        "+62 812-3456-7890",
        "081234567890123",
        "telepon 0812-3456-7890 atau 0813-1111-2222",
        "0812-3456-7890 / 0813-1111-2222",
        "0812-3456-7890, 0813-1111-2222",
        "07.00",
        "07:00-08:00",
        "2021 2022 2023 2024",
        "https://example.co.id/read/2021/07/13/10350041/rakor",
        "-7.645312,112.907512",
        "357501234567000",
        "35750123456700012",
        "2021-07-13-rakor-bansos-kota-pasuruan.md",
        "kode,nama,kk,penduduk",
        "- 35.75.01.1001\n- 35.75.01.1002\n- 35.75.01.1003",
        "- 2021-07-13\n- 3575\n- 0123\n- 4567\n- 0001",
        // letter, decree and budget numbers: 16 digits that begin with no provinsi code
        "Surat Keputusan Wali Kota Pasuruan Nomor 460/170/423.011/2021",
        "SP DIPA-027.04.1.690544/2021",
    ];

    #[test]
    fn every_spelling_of_a_nik_is_found() {
        for s in ejaan_nik() {
            assert_eq!(cari_nik(&s).len(), 1 + s.contains("0002") as usize, "{s:?}");
            assert!(ada_nik(s.as_bytes()), "{s:?}");
            let masked = samarkan_teks(&s);
            let digits: String = masked.chars().filter(|c| c.is_numeric()).collect();
            assert!(!digits.contains(&NIK[4..14]), "{s:?} masked as {masked:?}");
            assert!(masked.contains('*'), "{masked:?}");
            assert!(cari_nik(&masked).is_empty(), "{masked:?}");
        }
    }

    #[test]
    fn a_long_list_of_rt_numbers_is_read_in_one_pass() {
        // 125.000 items behind commas: once quadratic (18 s), now one pass per word
        let list = vec!["1"; 125_000].join(",");
        assert!(cari_nik(&format!("RW {list}")).is_empty());
        let mut with_nik = list.clone();
        with_nik.push_str(" NIK 3575 0123 4567 0001");
        assert_eq!(cari_nik(&with_nik).len(), 1);
    }

    #[test]
    fn long_numbers_that_are_not_a_nik_are_accepted() {
        for s in BUKAN_NIK {
            assert!(cari_nik(s).is_empty(), "{s:?}: {:?}", cari_nik(s));
            assert_eq!(samarkan_teks(s), *s);
        }
    }

    /// The cases of the check this guard replaced (`data::value::looks_like_nik`).
    #[test]
    fn the_former_cell_check_cases() {
        for s in [
            " '3575012345670001 ",
            "NIK 3575012345670001 (ibu)",
            "PT Pos 3575 0123 4567 0002",
            "KPM 357501-012345-6700 (ibu)",
        ] {
            assert!(ada_nik(s.as_bytes()), "{s}");
        }
        for s in [
            "2021-07-13 35.75.01.1001",
            "tanggal 2021-07-13 2021-07-14 2021-07-15 x",
            "telepon 0812-3456-7890 atau 0813-1111-2222",
        ] {
            assert!(!ada_nik(s.as_bytes()), "{s}");
        }
        assert_eq!(
            samarkan(b"PT Pos 3575 0123 4567 0002"),
            "PT Pos 3575 **** **** **02"
        );
    }

    #[test]
    fn masking_keeps_four_and_two_digits() {
        assert_eq!(samarkan(b" '3575012345670001 "), "3575**********01");
        assert_eq!(samarkan(b"3575 0123 4567 0001"), "3575 **** **** **01");
        assert_eq!(
            samarkan(b"a 3575012345670001, 3575-0123-4567-0002"),
            "a 3575**********01, 3575-****-****-**02"
        );
        assert_eq!(
            samarkan_teks("３５７５０１２３４５６７０００１"),
            "３５７５**********０１"
        );
        assert_eq!(
            samarkan(b"\xff3575012345670001"),
            "\u{fffd}3575**********01"
        );
        // a NIK read inside a longer number: the whole number is masked, so that the digits
        // of the real NIK past the 16 read as one are not shown
        assert_eq!(
            samarkan_teks("rapat/2030-01-01-3575-0198-7654-3210.html"),
            "rapat/2030-**-**-****-****-****-**10.html"
        );
        assert_eq!(
            samarkan(b"ibu 1234 3575 0198 7654 3210, RT 01"),
            "ibu 1234 **** **** **** **10, RT 01"
        );
    }

    #[test]
    fn the_place_of_a_nik_in_a_text() {
        let mut d = Diagnostics::new();
        let text = "+++\njudul = \"Rakor\"\n+++\nHadir: ibu (NIK 3575.0123.4567.0001).\n";
        assert!(!periksa_teks("content/rapat/x.md", text, &mut d));
        assert_eq!(
            d.items()[0].message(crate::lang::Lang::En),
            "content/rapat/x.md:4:17: '3575.****.****.**01': privacy: this text holds a number \
             shaped like a NIK (16 digits); a recipient's ID number must never be published"
        );
        let mut d = Diagnostics::new();
        assert!(!periksa_nama_berkas("data/3575 0123 4567 0001.csv", &mut d));
        assert_eq!(d.items()[0].file, "data/3575 **** **** **01.csv");
        assert!(periksa_nama_berkas(
            "content/rapat/2021-07-13-rakor.md",
            &mut d
        ));
    }

    #[test]
    fn the_fast_path_decides_ordinary_cells() {
        for s in [
            "PT Pos Indonesia",
            "35.75.01.1001",
            "2021-07-13",
            "tersalur",
            "",
            "18.877",
        ] {
            assert!(!mungkin_nik(s.as_bytes()), "{s}");
        }
        assert!(mungkin_nik(NIK.as_bytes()));
        assert!(mungkin_nik("３５７５０１２３４５６７０００１".as_bytes()));
    }

    #[test]
    fn names_have_one_spelling() {
        for (a, b) in [
            ("PT Pos Indonesia", "PT Pos Indonesia"),
            ("  PT Pos Indonesia ", "PT Pos Indonesia"),
            ("\u{feff}PT Pos Indonesia", "PT Pos Indonesia"),
            ("PT Pos\u{200b} Indonesia", "PT Pos Indonesia"),
            ("PT  Pos\tIndonesia", "PT Pos Indonesia"),
            ("PT\u{a0}Pos\u{2009}Indonesia\u{a0}", "PT Pos Indonesia"),
            ("Bank\u{ad} Jatim", "Bank Jatim"),
            ("Kele\u{301}", "Kel\u{e9}"),
            ("Balai RW\u{0007} 03", "Balai RW 03"),
        ] {
            assert_eq!(nama(a), b, "{a:?}");
        }
        assert!(matches!(nama(" PT Pos "), Cow::Borrowed("PT Pos")));
        assert!(matches!(nama("Kel\u{e9}"), Cow::Borrowed(_)));
        assert!(matches!(nama("PT\u{feff} Pos"), Cow::Owned(_)));
    }

    #[test]
    fn one_warning_per_spelling() {
        let mut a = Ejaan::default();
        for line in 2..100 {
            let _ = a.nama("PT Pos\u{feff} Indonesia", line, 4);
            let _ = a.nama("PT Pos Indonesia", line, 4);
        }
        let mut b = Ejaan::default();
        let _ = b.nama("PT Pos\u{feff} Indonesia", 200, 4);
        let _ = b.nama("Bank\u{a0}Jatim", 201, 4);
        a.gabung(b);
        let mut d = Diagnostics::new();
        a.peringatan("data/alokasi.csv", &mut d);
        let m: Vec<String> = d
            .items()
            .iter()
            .map(|d| d.message(crate::lang::Lang::En))
            .collect();
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m[0].starts_with("data/alokasi.csv:2:4: warning: 'PT Pos<U+FEFF> Indonesia': "),
            "{}",
            m[0]
        );
        assert!(m[0].ends_with("read as 'PT Pos Indonesia'"), "{}", m[0]);
        assert!(m[1].starts_with("data/alokasi.csv:201:4: "), "{}", m[1]);
    }
}
