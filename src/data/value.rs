//! Reading one cell: counts, money, dates, region codes, written the way an Excel export writes
//! them. Each parser takes the cell's bytes (already trimmed) and returns the value or the
//! [`Problem`] to report.

use jiff::civil::Date;

use crate::config::SistemKode;
pub use crate::dasar::nilai::{jam, trim};
use crate::diagnostics::{Expected, Problem};

/// A whole, non-negative count: `18877`, `18.877`, `18,877`, `18877,00`.
pub fn count(b: &[u8], expected: Expected) -> Result<u64, Problem> {
    let b = trim(b);
    let (negative, digits) = match b {
        [b'-', rest @ ..] => (true, trim(rest)),
        [b'+', rest @ ..] => (false, trim(rest)),
        _ => (false, b),
    };
    let n = grouped_number(digits).ok_or_else(|| Problem::Malformed(expected.clone()))?;
    if negative && n > 0 {
        return Err(Problem::Negative(expected));
    }
    bukan_nik(n)
}

/// The smallest and the largest number of 16 digits.
const NIK_MIN: u64 = 1_000_000_000_000_000;
const NIK_MAKS: u64 = 9_999_999_999_999_999;

/// `n`, or [`Problem::PrivacyNik`] when it has 16 digits: a count or an amount that long is
/// a NIK in Excel's number display (`3.575.012.345.670.001`), never a figure (no region's row
/// is a quadrillion KPM or rupiah). It would be published as a figure (`3575012345670001` in
/// the downloads).
fn bukan_nik(n: u64) -> Result<u64, Problem> {
    if (NIK_MIN..=NIK_MAKS).contains(&n) {
        Err(Problem::PrivacyNik)
    } else {
        Ok(n)
    }
}

/// Whole rupiah: `2500000`, `Rp 2.500.000`, `Rp2.500.000,-`, `Rp. 2.500.000,00`, `IDR 2,500,000`.
pub fn money(b: &[u8]) -> Result<u64, Problem> {
    let mut s = trim(b);
    let negative = if let [b'-', rest @ ..] = s {
        s = trim(rest);
        true
    } else {
        false
    };
    for prefix in [&b"rp."[..], b"rp", b"idr"] {
        if s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix) {
            s = trim(&s[prefix.len()..]);
            break;
        }
    }
    for suffix in [&b",-"[..], b".-", b"-"] {
        if s.ends_with(suffix) {
            s = trim(&s[..s.len() - suffix.len()]);
            break;
        }
    }
    let n = grouped_number(s).ok_or(Problem::Malformed(Expected::Money))?;
    if negative && n > 0 {
        return Err(Problem::Negative(Expected::Money));
    }
    bukan_nik(n)
}

/// Digits, optionally grouped by `.` or `,` in threes, optionally followed by a decimal part of
/// zeros only (`,00` or `.0`). `18.000` is eighteen thousand, as an Indonesian reader means it.
fn grouped_number(s: &[u8]) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    // Split off a decimal part made only of zeros: ",0"/",00" (Indonesian) or ".0"/".00" (a
    // dot followed by fewer than three digits cannot be a thousands group).
    let mut body = s;
    if let Some(pos) = s.iter().rposition(|&c| c == b',' || c == b'.') {
        let frac = &s[pos + 1..];
        let sep = s[pos];
        let is_zero_fraction = !frac.is_empty() && frac.iter().all(|&c| c == b'0');
        let other_sep_before = s[..pos]
            .iter()
            .any(|&c| (c == b',' || c == b'.') && c != sep);
        if is_zero_fraction && (frac.len() != 3 || other_sep_before) {
            body = &s[..pos];
        } else if !frac.is_empty() && frac.len() != 3 {
            return None;
        }
    }
    if body.is_empty() {
        return None;
    }
    let sep = body.iter().copied().find(|&c| c == b'.' || c == b',');
    let mut n: u64 = 0;
    match sep {
        None => {
            for &c in body {
                if !c.is_ascii_digit() {
                    return None;
                }
                n = n.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
            }
        }
        Some(sep) => {
            for (i, group) in body.split(|&c| c == sep).enumerate() {
                let ok_len = if i == 0 {
                    (1..=3).contains(&group.len())
                } else {
                    group.len() == 3
                };
                if !ok_len {
                    return None;
                }
                for &c in group {
                    if !c.is_ascii_digit() {
                        return None;
                    }
                    n = n.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
                }
            }
        }
    }
    Some(n)
}

/// A date: `2021-07-13`, `13/07/2021`, `13-07-2021` or `13/7/2021`; a time after it, as Excel
/// writes a date cell (`13/07/2021 00:00`), is ignored.
pub fn date(b: &[u8]) -> Result<Date, Problem> {
    let bad = || Problem::Malformed(Expected::Date);
    let mut s = trim(b);
    if let Some(space) = s.iter().position(|&c| c == b' ')
        && is_time(trim(&s[space..]))
    {
        s = &s[..space];
    }
    // three runs of digits separated by '-', '/' or '.'
    let mut parts = [0i32; 3];
    let mut widths = [0usize; 3];
    let mut i = 0;
    for &c in s {
        match c {
            b'0'..=b'9' => {
                if widths[i] == 4 {
                    return Err(bad());
                }
                parts[i] = parts[i] * 10 + i32::from(c - b'0');
                widths[i] += 1;
            }
            b'-' | b'/' | b'.' if i < 2 && widths[i] > 0 => i += 1,
            _ => return Err(bad()),
        }
    }
    if i != 2 || widths[2] == 0 {
        return Err(bad());
    }
    let (y, m, d) = if widths[0] == 4 {
        (parts[0], parts[1], parts[2])
    } else if widths[2] == 4 {
        (parts[2], parts[1], parts[0])
    } else {
        return Err(bad());
    };
    if !(1900..=2200).contains(&y) || m > 12 || d > 31 {
        return Err(bad());
    }
    Date::new(y as i16, m as i8, d as i8).map_err(|_| bad())
}

/// A DTSEN welfare decile: a whole number from 1 (poorest) to 10.
///
/// ```
/// use salur::data::value::desil;
/// assert_eq!(desil(b" 2 "), Ok(2));
/// assert!(desil(b"11").is_err());
/// assert!(desil(b"0").is_err());
/// ```
pub fn desil(b: &[u8]) -> Result<u8, Problem> {
    match count(b, Expected::Desil) {
        Ok(n @ 1..=10) => Ok(n as u8),
        _ => Err(Problem::Malformed(Expected::Desil)),
    }
}

/// An RW in one form, however a spreadsheet writes it: `RW 03`, `rw 3`, `RW.3`, `03` and `3`
/// are all `03`; a name that is not a number (`Krajan`) stays as written, trimmed; empty means
/// the whole desa/kelurahan.
///
/// ```
/// use salur::data::value::rw;
/// assert_eq!(rw("RW 3"), "03");
/// assert_eq!(rw(" rw 03 "), "03");
/// assert_eq!(rw("012"), "12");
/// assert_eq!(rw("Krajan"), "Krajan");
/// assert_eq!(rw(""), "");
/// ```
pub fn rw(s: &str) -> String {
    let t = s.trim();
    let t = match t.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("rw") => t[2..].trim_start_matches(['.', ':']).trim(),
        _ => t,
    };
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        let n = t.trim_start_matches('0');
        format!("{:0>2}", if n.is_empty() { "0" } else { n })
    } else {
        t.to_string()
    }
}

fn is_time(s: &[u8]) -> bool {
    let parts: usize = s.split(|&c| c == b':').count();
    (2..=3).contains(&parts)
        && s.split(|&c| c == b':')
            .all(|p| (1..=2).contains(&p.len()) && p.iter().all(u8::is_ascii_digit))
}

/// A Kemendagri region code, returned in its canonical dotted form with its packed key.
/// Accepts `35.75.01.1001`, and the undotted `3575011001` some exports write only when the
/// site says its undotted codes are Kemendagri's (`kode = "kemendagri"`, [`SistemKode`]):
/// otherwise an undotted code of more than two digits is [`Problem::KodeTanpaTitik`], since
/// BPS's codes have ten digits too. (BPS codes are matched by the caller, through
/// `wilayah.csv`'s `kode_bps`.)
pub fn kode_wilayah(b: &[u8], sistem: Option<SistemKode>) -> Result<KodeWilayah, Problem> {
    let b = trim(b);
    if tanpa_titik(b) && sistem != Some(SistemKode::Kemendagri) {
        return Err(Problem::KodeTanpaTitik);
    }
    KodeWilayah::parse(b).ok_or(Problem::Malformed(Expected::WilayahCode))
}

/// Whether `b` is a region code written without dots beyond a provinsi's two digits
/// (`3575011001`): one whose numbering (Kemendagri's or BPS's) must be said.
pub fn tanpa_titik(b: &[u8]) -> bool {
    b.len() > 2 && b.iter().all(u8::is_ascii_digit)
}

/// A region code packed into an integer. Ordering the keys orders the tree depth-first: a
/// parent sorts immediately before its descendants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KodeWilayah(u64);

impl KodeWilayah {
    const WIDTHS: [usize; 4] = [2, 2, 2, 4];
    const SCALE: [u64; 4] = [100_000_000, 1_000_000, 10_000, 1];

    /// Parses a dotted (`35.75.01.1001`) or undotted (`3575011001`) code.
    pub fn parse(s: &[u8]) -> Option<KodeWilayah> {
        let mut number = 0u64;
        let mut level = 0usize;
        if s.contains(&b'.') {
            for part in s.split(|&c| c == b'.') {
                if level >= 4 || part.len() != Self::WIDTHS[level] {
                    return None;
                }
                number += Self::digits(part)? * Self::SCALE[level];
                level += 1;
            }
        } else {
            let mut rest = s;
            while !rest.is_empty() {
                if level >= 4 || rest.len() < Self::WIDTHS[level] {
                    return None;
                }
                let (part, tail) = rest.split_at(Self::WIDTHS[level]);
                number += Self::digits(part)? * Self::SCALE[level];
                level += 1;
                rest = tail;
            }
        }
        if level == 0 {
            return None;
        }
        Some(KodeWilayah(number * 8 + level as u64))
    }

    fn digits(part: &[u8]) -> Option<u64> {
        let mut n = 0u64;
        for &c in part {
            if !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + u64::from(c - b'0');
        }
        // 00 is never a real kabupaten, kecamatan or desa
        if n == 0 { None } else { Some(n) }
    }

    /// 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan.
    pub fn level(self) -> u8 {
        (self.0 % 8) as u8
    }

    /// The code one level up, if any.
    pub fn parent(self) -> Option<KodeWilayah> {
        let level = self.level() as usize;
        if level <= 1 {
            return None;
        }
        let number = self.0 / 8;
        let scale = Self::SCALE[level - 2];
        Some(KodeWilayah(
            (number / scale * scale) * 8 + (level as u64 - 1),
        ))
    }

    /// Whether the 4th part marks a kelurahan (1xxx) rather than a desa (2xxx).
    pub fn is_kelurahan(self) -> bool {
        self.level() == 4 && (self.0 / 8) % 10_000 < 2000
    }

    /// The dotted form, `35.75.01.1001`.
    pub fn dotted(self) -> String {
        let number = self.0 / 8;
        let mut out = String::with_capacity(13);
        for level in 0..self.level() as usize {
            let part = number / Self::SCALE[level] % 10u64.pow(Self::WIDTHS[level] as u32);
            if level > 0 {
                out.push('.');
            }
            out.push_str(&format!("{:0width$}", part, width = Self::WIDTHS[level]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn reads_times_of_day() {
        for (text, minutes) in [
            ("07.00", 420),
            ("7.00", 420),
            ("07:00", 420),
            (" 13:30:00 ", 810),
            ("00.00", 0),
            ("23.59", 1439),
        ] {
            assert_eq!(jam(text.as_bytes()), Ok(minutes), "{text}");
        }
        for bad in [
            "",
            "7",
            "24.00",
            "07.60",
            "07.0",
            "07:00:30",
            "7 pagi",
            "07.00 WIB",
        ] {
            assert_eq!(
                jam(bad.as_bytes()),
                Err(Problem::Malformed(Expected::Time)),
                "{bad}"
            );
        }
    }

    #[test]
    fn counts_in_excel_forms() {
        for (s, n) in [
            ("18877", 18877),
            ("18.877", 18877),
            ("18,877", 18877),
            (" 18.877 ", 18877),
            ("1.234.567", 1_234_567),
            ("18877,00", 18877),
            ("18877.0", 18877),
            ("18.877,00", 18877),
            ("0", 0),
            ("-0", 0),
            ("18.000", 18000),
        ] {
            assert_eq!(count(s.as_bytes(), Expected::Count), Ok(n), "{s}");
        }
    }

    #[test]
    fn rejects_malformed_counts() {
        for s in [
            "",
            "dua ratus",
            "1,5",
            "12.5",
            "1.23",
            "18.8770",
            "1e3",
            "12 KPM",
        ] {
            assert_eq!(
                count(s.as_bytes(), Expected::Count),
                Err(Problem::Malformed(Expected::Count)),
                "{s}"
            );
        }
        assert_eq!(
            count(b"-5", Expected::Count),
            Err(Problem::Negative(Expected::Count))
        );
    }

    #[test]
    fn money_in_excel_forms() {
        for s in [
            "2500000",
            "Rp 2.500.000",
            "Rp2.500.000,-",
            "Rp. 2.500.000,00",
            "rp 2.500.000",
            "IDR 2,500,000",
            "2.500.000,-",
        ] {
            assert_eq!(money(s.as_bytes()), Ok(2_500_000), "{s}");
        }
        assert_eq!(
            money(b"Rp 2,5 juta"),
            Err(Problem::Malformed(Expected::Money))
        );
        // 16 digits are a NIK's, however they are written; 15 and 17 are figures
        for s in [
            "Rp 3.325.000.000.000.000",
            "IDR 3,325,000,000,000,000",
            "3325000000000000",
            "Rp 3.325.000.000.000.000,00",
        ] {
            assert_eq!(money(s.as_bytes()), Err(Problem::PrivacyNik), "{s}");
        }
        assert_eq!(money(b"Rp 999.999.999.999.999"), Ok(999_999_999_999_999));
        assert_eq!(
            money(b"Rp 10.000.000.000.000.000"),
            Ok(10_000_000_000_000_000)
        );
        for s in [
            "3.575.012.345.670.001",
            "3,575,012,345,670,001",
            "3575012345670001",
        ] {
            assert_eq!(
                count(s.as_bytes(), Expected::Count),
                Err(Problem::PrivacyNik),
                "{s}"
            );
        }
        assert_eq!(money(b"-Rp 5"), Err(Problem::Negative(Expected::Money)));
    }

    #[test]
    fn dates_in_excel_forms() {
        assert_eq!(date(b"2021-07-13"), Ok(d(2021, 7, 13)));
        assert_eq!(date(b"13/07/2021"), Ok(d(2021, 7, 13)));
        assert_eq!(date(b"13/7/2021"), Ok(d(2021, 7, 13)));
        assert_eq!(date(b"13-07-2021"), Ok(d(2021, 7, 13)));
        assert_eq!(date(b"13/07/2021 00:00"), Ok(d(2021, 7, 13)));
        assert_eq!(date(b"2021-07-13 0:00:00"), Ok(d(2021, 7, 13)));
        for s in [
            "2021-02-30",
            "13 Juli 2021",
            "07/13/2021",
            "",
            "2021-7",
            "2021-07-13-1",
            "20211-07-13",
            "13/07/2021 jam 7",
        ] {
            assert!(date(s.as_bytes()).is_err(), "{s}");
        }
    }

    #[test]
    fn region_codes() {
        let k = KodeWilayah::parse(b"35.75.01.1001").unwrap();
        assert_eq!(k.level(), 4);
        assert_eq!(k.dotted(), "35.75.01.1001");
        assert!(k.is_kelurahan());
        assert_eq!(k.parent().unwrap().dotted(), "35.75.01");
        assert_eq!(k.parent().unwrap().parent().unwrap().dotted(), "35.75");
        assert_eq!(KodeWilayah::parse(b"3575011001"), Some(k));
        assert!(!KodeWilayah::parse(b"64.02.04.2001").unwrap().is_kelurahan());
        for bad in [
            "35.7",
            "35.75.1",
            "35.75.01.100",
            "xx",
            "",
            "35.00",
            "35.75.01.1001.1",
        ] {
            assert_eq!(KodeWilayah::parse(bad.as_bytes()), None, "{bad}");
        }
        let p = KodeWilayah::parse(b"35").unwrap();
        let c = KodeWilayah::parse(b"35.75").unwrap();
        let c2 = KodeWilayah::parse(b"35.74.05.1001").unwrap();
        let next = KodeWilayah::parse(b"36").unwrap();
        assert!(p < c2 && c2 < c && c < k && k < next);
    }
}
