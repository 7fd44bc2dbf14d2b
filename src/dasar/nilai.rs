//! Values that several stages read the same way.

use jiff::civil::Date;

/// The longest text cell, in characters: a name (penyalur, region, payment point, reason) or a
/// short note, and a text of `site.toml`. Each is printed on many pages (a penyalur's on every page of its regions, in
/// the downloads): a 16 MB name made 763 MB of site.
pub const TEKS_MAKS: usize = 1_000;

/// A TOML local date as a civil date; `None` for a date-time or a time.
pub fn toml_date(dt: &toml::value::Datetime) -> Option<Date> {
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
}
