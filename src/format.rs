//! Numbers, money, percentages and dates written the way readers of the site expect.
//!
//! These are the functions behind the template filters `ribuan`, `rupiah`, `persen` and
//! `tanggal`, and behind the numbers in error messages. They are pure and cheap.

use jiff::civil::Date;

use crate::lang::Lang;

/// A whole number with thousands grouped: `18.877` (id) or `18,877` (en).
///
/// ```
/// use salur::{format::ribuan, lang::Lang};
/// assert_eq!(ribuan(18877, Lang::Id), "18.877");
/// assert_eq!(ribuan(18877, Lang::En), "18,877");
/// ```
pub fn ribuan(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = lang.thousands_separator();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    let first = digits.len() % 3;
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (i + 3 - first).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Like [`ribuan`] for any `u64` (a count beyond `i64::MAX` in a message about it).
pub fn ribuan_u64(n: u64, lang: Lang) -> String {
    match i64::try_from(n) {
        Ok(n) => ribuan(n, lang),
        // the digits of 9.223.372.036.854.775.808 and up, grouped as `ribuan` groups them
        Err(_) => {
            let digits = n.to_string();
            let mut out = String::with_capacity(digits.len() + digits.len() / 3);
            let first = digits.len() % 3;
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (i + 3 - first).is_multiple_of(3) {
                    out.push(lang.thousands_separator());
                }
                out.push(c);
            }
            out
        }
    }
}

/// Whole rupiah: `Rp 2.500.000` (id) or `Rp 2,500,000` (en).
///
/// ```
/// use salur::{format::rupiah, lang::Lang};
/// assert_eq!(rupiah(2_500_000, Lang::Id), "Rp 2.500.000");
/// ```
pub fn rupiah(n: i64, lang: Lang) -> String {
    // the sign goes before `Rp`; `ribuan` writes the magnitude of every i64, even i64::MIN,
    // whose negation would overflow
    let angka = ribuan(n, lang);
    match angka.strip_prefix('-') {
        Some(tanpa_tanda) => format!("-Rp {tanpa_tanda}"),
        None => format!("Rp {angka}"),
    }
}

/// A ratio (0.125) as a percentage with one decimal: `12,5%` (id) or `12.5%` (en).
/// Values that are not finite are written as a dash.
///
/// ```
/// use salur::{format::persen, lang::Lang};
/// assert_eq!(persen(891.0 / 4011.0, Lang::Id), "22,2%");
/// ```
pub fn persen(ratio: f64, lang: Lang) -> String {
    if !ratio.is_finite() {
        return "–".to_string();
    }
    let tenths = (ratio * 1000.0).round() as i64;
    let whole = ribuan(tenths / 10, lang);
    let frac = (tenths % 10).unsigned_abs();
    let sign = if tenths < 0 && tenths / 10 == 0 {
        "-"
    } else {
        ""
    };
    format!("{sign}{whole}{}{frac}%", lang.decimal_separator())
}

/// A small quantity with one decimal, a large one whole: `0,6`, `7,5`, `1.250` (id).
/// For rates such as KPM paid per day, where rounding 0,57 to 1 would mislead.
///
/// ```
/// use salur::{format::desimal, lang::Lang};
/// assert_eq!(desimal(0.57, Lang::Id), "0,6");
/// assert_eq!(desimal(1250.4, Lang::Id), "1.250");
/// ```
pub fn desimal(x: f64, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let tenths = (x * 10.0).round() as i64;
    if tenths.unsigned_abs() >= 100 || tenths % 10 == 0 {
        return ribuan(x.round() as i64, lang);
    }
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}{}{}", t / 10, lang.decimal_separator(), t % 10)
}

/// Always one decimal, thousands grouped: `285,2`, `1.250,0` (id), `285.2` (en). For
/// measures that compare regions (KPM per 1.000 KK), where the decimal is part of the figure.
///
/// ```
/// use salur::{format::satu_desimal, lang::Lang};
/// assert_eq!(satu_desimal(285.218, Lang::Id), "285,2");
/// assert_eq!(satu_desimal(1250.0, Lang::Id), "1.250,0");
/// assert_eq!(satu_desimal(2.04, Lang::En), "2.0");
/// ```
pub fn satu_desimal(x: f64, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let tenths = (x * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!(
        "{sign}{}{}{}",
        ribuan((t / 10) as i64, lang),
        lang.decimal_separator(),
        t % 10
    )
}

/// A time of day from minutes after midnight: `07.00` (id) or `07:00` (en).
///
/// ```
/// use salur::{format::jam, lang::Lang};
/// assert_eq!(jam(7 * 60, Lang::Id), "07.00");
/// assert_eq!(jam(13 * 60 + 30, Lang::En), "13:30");
/// ```
pub fn jam(menit: u16, lang: Lang) -> String {
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ':',
    };
    format!("{:02}{sep}{:02}", menit / 60, menit % 60)
}

/// A date with its weekday: `Selasa, 13 Juli 2021` (id) or `Tuesday, 13 July 2021` (en).
///
/// ```
/// use salur::{format::tanggal, lang::Lang};
/// assert_eq!(tanggal(jiff::civil::date(2021, 7, 13), Lang::Id), "Selasa, 13 Juli 2021");
/// ```
pub fn tanggal(date: Date, lang: Lang) -> String {
    format!(
        "{}, {}",
        lang.weekday(date.weekday().to_monday_one_offset()),
        tanggal_pendek(date, lang)
    )
}

/// A date without its weekday: `13 Juli 2021`.
pub fn tanggal_pendek(date: Date, lang: Lang) -> String {
    format!(
        "{} {} {}",
        date.day(),
        lang.month(date.month()),
        date.year()
    )
}

/// A day and short month for chart axes: `15 Jan` (id and en), `17 Agu` (id).
pub fn tanggal_singkat(date: Date, lang: Lang) -> String {
    format!("{} {}", date.day(), lang.month_short(date.month()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn groups_thousands() {
        assert_eq!(ribuan(0, Lang::Id), "0");
        assert_eq!(ribuan(999, Lang::Id), "999");
        assert_eq!(ribuan(1000, Lang::Id), "1.000");
        assert_eq!(ribuan(18877, Lang::Id), "18.877");
        assert_eq!(ribuan(2500000, Lang::Id), "2.500.000");
        assert_eq!(ribuan(-15868, Lang::Id), "-15.868");
        assert_eq!(ribuan(18877, Lang::En), "18,877");
    }

    #[test]
    fn writes_money() {
        assert_eq!(rupiah(2_500_000, Lang::Id), "Rp 2.500.000");
        assert_eq!(rupiah(300_000, Lang::En), "Rp 300,000");
        assert_eq!(rupiah(-5, Lang::Id), "-Rp 5");
        // found by tests/suite/properti.rs: negating i64::MIN overflowed (a panic in debug builds)
        assert_eq!(rupiah(i64::MIN, Lang::Id), "-Rp 9.223.372.036.854.775.808");
        assert_eq!(rupiah(i64::MAX, Lang::En), "Rp 9,223,372,036,854,775,807");
    }

    #[test]
    fn writes_percentages() {
        assert_eq!(persen(0.125, Lang::Id), "12,5%");
        assert_eq!(persen(891.0 / 4011.0, Lang::Id), "22,2%");
        assert_eq!(persen(1.0, Lang::Id), "100,0%");
        assert_eq!(persen(12.5, Lang::Id), "1.250,0%");
        assert_eq!(persen(0.125, Lang::En), "12.5%");
        assert_eq!(persen(-0.004, Lang::Id), "-0,4%");
        assert_eq!(persen(f64::NAN, Lang::Id), "–");
    }

    #[test]
    fn writes_dates() {
        assert_eq!(tanggal(date(2021, 7, 13), Lang::Id), "Selasa, 13 Juli 2021");
        assert_eq!(
            tanggal(date(2022, 1, 15), Lang::Id),
            "Sabtu, 15 Januari 2022"
        );
        assert_eq!(
            tanggal(date(2021, 7, 13), Lang::En),
            "Tuesday, 13 July 2021"
        );
        assert_eq!(
            tanggal_pendek(date(2025, 10, 22), Lang::Id),
            "22 Oktober 2025"
        );
        assert_eq!(tanggal_singkat(date(2021, 8, 17), Lang::Id), "17 Agu");
        assert_eq!(tanggal_singkat(date(2021, 8, 17), Lang::En), "17 Aug");
    }
}
