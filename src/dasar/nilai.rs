//! Values that several stages read the same way.

use jiff::civil::Date;

use crate::diagnostics::{Expected, Problem};

/// The longest text cell, in characters: a name (penyalur, region, payment point, reason) or a
/// short note, and a text of `site.toml`. Each is printed on many pages (a penyalur's on every page of its regions, in
/// the downloads): a 16 MB name made 763 MB of site.
pub const TEKS_MAKS: usize = 1_000;

/// The default of `batas_markdown_kb`: 256 KB per Markdown file. A page is read on a phone,
/// often over slow mobile data: 256 KB of Markdown is about 35.000 words, a 100-page
/// document, and already some 20 seconds of download at 100 kbit/s; the example's meeting
/// notes are 2 to 4 KB. A longer text belongs in several pages (or a PDF linked from one).
pub const BATAS_MARKDOWN_KB: u64 = 256;

/// The largest `batas_markdown_kb` accepted: 16 MB, within which every Markdown file is
/// rendered in well under a second (the work is linear and nesting is bounded).
pub const BATAS_MARKDOWN_KB_MAKS: u64 = 16 * 1024;

/// A TOML local date as a civil date; `None` for a date-time or a time.
pub fn toml_date(dt: &toml::value::Datetime) -> Option<Date> {
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
}

/// Trims ASCII whitespace (and the non-breaking spaces Excel likes) from both ends.
pub fn trim(b: &[u8]) -> &[u8] {
    let mut s = b;
    loop {
        match s {
            [c, rest @ ..] if c.is_ascii_whitespace() => s = rest,
            [0xC2, 0xA0, rest @ ..] => s = rest,
            [rest @ .., c] if c.is_ascii_whitespace() => s = rest,
            [rest @ .., 0xC2, 0xA0] => s = rest,
            _ => return s,
        }
    }
}

/// A time of day as minutes after midnight: `07.00`, `7.00`, `07:00` or `07:00:00` (as Excel
/// writes a time cell; the seconds must be zero). The zone is the region's (see
/// `Config::zona`), so a cell does not name one.
///
/// ```
/// use salur::dasar::nilai::jam;
/// assert_eq!(jam(b"07.00"), Ok(7 * 60));
/// assert_eq!(jam(b"13:30:00"), Ok(13 * 60 + 30));
/// assert!(jam(b"25.00").is_err());
/// ```
pub fn jam(b: &[u8]) -> Result<u16, Problem> {
    let bad = || Problem::Malformed(Expected::Time);
    let s = trim(b);
    let parts: Vec<&[u8]> = s.split(|&c| c == b'.' || c == b':').collect();
    let number = |p: &[u8]| -> Option<u16> {
        ((1..=2).contains(&p.len()) && p.iter().all(u8::is_ascii_digit))
            .then(|| p.iter().fold(0u16, |n, &c| n * 10 + u16::from(c - b'0')))
    };
    let (h, m) = match parts[..] {
        [h, m] => (number(h), number(m).filter(|_| m.len() == 2)),
        [h, m, detik] => (
            number(h),
            number(m).filter(|_| m.len() == 2 && number(detik) == Some(0)),
        ),
        _ => return Err(bad()),
    };
    match (h, m) {
        (Some(h), Some(m)) if h < 24 && m < 60 => Ok(h * 60 + m),
        _ => Err(bad()),
    }
}
