//! A payment schedule as an iCalendar file (RFC 5545), so a resident can add the day, hour and
//! place of their RW to a phone's calendar. Deterministic: stable UIDs, the tahap's first day
//! as `DTSTAMP`, CRLF line ends, long lines folded at 75 octets.

use super::KonteksKalender;
use super::kata::Kata;
use crate::format::jam;
use crate::lang::Lang;

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn teks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded so that no line exceeds 75 octets (RFC 5545 §3.1).
fn baris(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// `2021-07-19` and 420 minutes → `20210719T070000`.
fn waktu(tanggal: &str, menit: u16) -> String {
    format!(
        "{}T{:02}{:02}00",
        tanggal.replace('-', ""),
        menit / 60,
        menit % 60
    )
}

/// The calendar of one desa/kelurahan or one payment point.
pub fn ics(k: &KonteksKalender, lang: Lang, kata: Kata) -> String {
    let mut out = String::new();
    let mut line = |s: &str| baris(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//salur//jadwal pencairan//ID");
    line("CALSCALE:GREGORIAN");
    line(&format!(
        "X-WR-CALNAME:{}",
        teks(&format!("{} · {}", k.nama, k.situs))
    ));
    for z in &k.zona {
        line("BEGIN:VTIMEZONE");
        line(&format!("TZID:{}", z.tzid));
        line("BEGIN:STANDARD");
        line("DTSTART:19700101T000000");
        line(&format!("TZOFFSETFROM:{}", z.offset));
        line(&format!("TZOFFSETTO:{}", z.offset));
        line(&format!("TZNAME:{}", z.label));
        line("END:STANDARD");
        line("END:VTIMEZONE");
    }
    for a in &k.acara {
        let rw = if a.rw.is_empty() {
            String::new()
        } else {
            format!(" RW {}", a.rw)
        };
        let mut summary = kata.isi("kalender_acara", &[("program", &a.program), ("rw", &rw)]);
        if k.sebut_wilayah {
            summary.push_str(" · ");
            summary.push_str(&a.wilayah);
        }
        let description = kata.isi(
            "kalender_keterangan",
            &[
                ("program", &a.program_nama),
                ("wilayah", &a.wilayah),
                ("rw", &rw),
                ("kpm", &a.kpm.to_string()),
                ("mulai", &jam(a.mulai, lang)),
                ("selesai", &jam(a.selesai, lang)),
                ("zona", a.zona.label),
            ],
        );
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", a.uid));
        line(&format!("DTSTAMP:{}Z", waktu(&a.stempel, 0)));
        line(&format!(
            "DTSTART;TZID={}:{}",
            a.zona.tzid,
            waktu(&a.tanggal, a.mulai)
        ));
        line(&format!(
            "DTEND;TZID={}:{}",
            a.zona.tzid,
            waktu(&a.tanggal, a.selesai)
        ));
        line(&format!("SUMMARY:{}", teks(&summary)));
        line(&format!("LOCATION:{}", teks(&a.lokasi)));
        line(&format!("DESCRIPTION:{}", teks(&description)));
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_at_75_octets_and_escapes_text() {
        let mut out = String::new();
        baris(&mut out, &format!("DESCRIPTION:{}", "é".repeat(60)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(teks("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(waktu("2021-07-19", 7 * 60), "20210719T070000");
    }
}
