//! The site's language and the calendar words that go with it.

use serde::{Deserialize, Serialize};

/// The language a site is published in. It decides the UI strings, the error messages and the
/// way numbers and dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia, the default: `18.877`, `12,5%`, `Selasa, 13 Juli 2021`.
    #[default]
    Id,
    /// English: `18,877`, `12.5%`, `Tuesday, 13 July 2021`.
    En,
}

impl Lang {
    /// The BCP 47 tag for the `lang` attribute of `<html>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Parses `id` or `en` (any case).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The thousands separator: `.` in Indonesian, `,` in English.
    pub fn thousands_separator(self) -> char {
        match self {
            Lang::Id => '.',
            Lang::En => ',',
        }
    }

    /// The decimal separator: `,` in Indonesian, `.` in English.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::Id => ',',
            Lang::En => '.',
        }
    }

    /// The name of a month, 1 = January.
    pub fn month(self, month: i8) -> &'static str {
        const ID: [&str; 12] = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let i = (month.clamp(1, 12) - 1) as usize;
        match self {
            Lang::Id => ID[i],
            Lang::En => EN[i],
        }
    }

    /// The short name of a month for chart axes, 1 = January: `Jan`, `Agu`, `Des` (id).
    pub fn month_short(self, month: i8) -> &'static str {
        const ID: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
        ];
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let i = (month.clamp(1, 12) - 1) as usize;
        match self {
            Lang::Id => ID[i],
            Lang::En => EN[i],
        }
    }

    /// The name of a weekday, 1 = Monday … 7 = Sunday.
    pub fn weekday(self, day: i8) -> &'static str {
        const ID: [&str; 7] = [
            "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
        ];
        const EN: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let i = (day.clamp(1, 7) - 1) as usize;
        match self {
            Lang::Id => ID[i],
            Lang::En => EN[i],
        }
    }
}
