//! A worksheet (`data/*.xlsx`, `*.xls`, `*.ods`) read into the same rows a CSV gives, so that
//! every check and parser after [`super::table`] is shared.
//!
//! Each cell becomes the text an operator would have written in the CSV: a number cell its
//! shortest decimal form (`18877.0` → `18877`, `35.75` → `35.75`), a date cell its ISO date
//! (`2021-07-13`), a time cell `07:00`, a date-and-time cell `2021-07-13 07:00:00`, text as it is.
//! A record keeps the sheet's own numbering: field `i` is column `i + 1` (A is 1) and every row
//! carries its row number, so messages name the cell as Excel does (`Sheet1!F14`).

use std::fmt::Write as _;
use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xls, Xlsx, open_workbook_from_rs};
use csv::ByteRecord;

/// The extensions of the spreadsheets salur reads, beside `csv` (defined with the places of a
/// worksheet, which messages name by them).
pub use crate::dasar::tempat::EKSTENSI_LEMBAR as EKSTENSI;

/// One worksheet, as rows of text.
#[derive(Debug)]
pub struct Lembar {
    /// The sheet's name (`Sheet1`).
    pub nama: String,
    /// The place of its cells in messages: `data/realisasi.xlsx:Sheet1` (the sheet's name
    /// quoted as Excel quotes it when it has spaces: `'Data Juli'`).
    pub tempat: String,
    /// The rows that are not empty, in order.
    pub baris: Vec<BarisLembar>,
}

/// One row of a worksheet that is not empty.
#[derive(Debug)]
pub struct BarisLembar {
    /// Its 1-based row number.
    pub nomor: u64,
    /// Its cells as text; field `i` is column `i + 1`.
    pub record: ByteRecord,
    /// Its cells holding a formula error (`#N/A`): 1-based column and the error.
    pub galat: Vec<(u64, String)>,
}

/// The sheet's name as a reference writes it: quoted when it holds anything but letters,
/// digits, `_` and `.` (`'Data Juli'!F14`), a `'` inside doubled.
fn nama_rujukan(nama: &str) -> String {
    if !nama.is_empty()
        && nama
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    {
        nama.to_string()
    } else {
        format!("'{}'", nama.replace('\'', "''"))
    }
}

/// Reads the worksheet of `bytes` (the file `rel`, of extension `ext`) that holds input `jenis`
/// (`realisasi`): the sheet of that name in any letter case, else the first sheet. `Err` is
/// the reader's message when the file is not a workbook it can read.
pub fn baca(rel: &str, ext: &str, jenis: &str, bytes: &[u8]) -> Result<Lembar, String> {
    let (nama, range) = match ext.to_ascii_lowercase().as_str() {
        "ods" => pilih(
            open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)),
            jenis,
        ),
        "xls" => pilih(
            open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes)),
            jenis,
        ),
        _ => pilih(
            open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)),
            jenis,
        ),
    }?;
    // the sheet's name is in every message about its cells: a NIK in it is masked
    let tempat = format!("{rel}:{}", nama_rujukan(&crate::teks::samarkan_teks(&nama)));
    let (baris_awal, kolom_awal) = range.start().unwrap_or((0, 0));
    let mut baris = Vec::new();
    let mut teks = String::new();
    for (i, sel_baris) in range.rows().enumerate() {
        if sel_baris.iter().all(|s| match s {
            Data::Empty => true,
            Data::String(s) => s.trim().is_empty(),
            _ => false,
        }) {
            continue;
        }
        let nomor = u64::from(baris_awal) + i as u64 + 1;
        let mut record = ByteRecord::new();
        // the fields before the range's first column are empty, so field i is column i + 1
        for _ in 0..kolom_awal {
            record.push_field(b"");
        }
        let mut galat = Vec::new();
        for (j, sel) in sel_baris.iter().enumerate() {
            if let Data::Error(e) = sel {
                galat.push((u64::from(kolom_awal) + j as u64 + 1, e.to_string()));
            }
            teks.clear();
            tulis_sel(sel, &mut teks);
            record.push_field(teks.as_bytes());
        }
        baris.push(BarisLembar {
            nomor,
            record,
            galat,
        });
    }
    Ok(Lembar {
        nama,
        tempat,
        baris,
    })
}

/// The sheet named `jenis` (any letter case), else the first, read whole.
fn pilih<RS, R>(
    buku: Result<R, R::Error>,
    jenis: &str,
) -> Result<(String, calamine::Range<Data>), String>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let mut buku = buku.map_err(|e| e.to_string())?;
    let nama = buku.sheet_names();
    let pilihan = nama
        .iter()
        .find(|n| n.trim().eq_ignore_ascii_case(jenis))
        .or(nama.first())
        .cloned()
        .ok_or_else(|| "no worksheet".to_string())?;
    let range = buku.worksheet_range(&pilihan).map_err(|e| e.to_string())?;
    Ok((pilihan, range))
}

/// Writes cell `sel` as CSV text into `out`.
pub fn tulis_sel(sel: &Data, out: &mut String) {
    match sel {
        Data::Empty => {}
        Data::String(s) => out.push_str(s),
        Data::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Data::Float(f) => tulis_angka(*f, out),
        Data::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) => {
            let (y, m, d, jam, menit, detik, _) = dt.to_ymd_hms_milli();
            let nilai = dt.as_f64();
            if dt.is_duration() {
                // an elapsed time (`[h]:mm`): hours may pass 24
                let detik_total = (nilai * 86_400.0).round().max(0.0) as u64;
                let _ = write!(
                    out,
                    "{:02}:{:02}:{:02}",
                    detik_total / 3600,
                    detik_total / 60 % 60,
                    detik_total % 60
                );
            } else if (0.0..1.0).contains(&nilai) {
                let _ = write!(out, "{jam:02}:{menit:02}");
                if detik > 0 {
                    let _ = write!(out, ":{detik:02}");
                }
            } else {
                let _ = write!(out, "{y:04}-{m:02}-{d:02}");
                if (jam, menit, detik) != (0, 0, 0) {
                    let _ = write!(out, " {jam:02}:{menit:02}:{detik:02}");
                }
            }
        }
        Data::DateTimeIso(s) => {
            // LibreOffice: `2021-07-13` or `2021-07-13T07:00:00`
            match s.split_once('T') {
                Some((tanggal, jam)) if jam.trim_start_matches(['0', ':', '.']).is_empty() => {
                    out.push_str(tanggal)
                }
                Some((tanggal, jam)) => {
                    let _ = write!(out, "{tanggal} {jam}");
                }
                None => out.push_str(s),
            }
        }
        Data::DurationIso(s) => tulis_durasi(s, out),
        Data::Error(e) => {
            let _ = write!(out, "{e}");
        }
    }
}

/// A number cell's value in its shortest decimal form: a whole number without a fraction
/// (`18877.0` → `18877`, beyond 2^53 too: a NIK typed as a number is still 16 digits), else the
/// shortest digits that give the same number (`35.75`, never `35.7500000001`). A fraction of
/// exactly three digits after at most three (`18.877`) gets a trailing zero (`18.8770`): the
/// cell holds eighteen point eight, which the count and money parsers would otherwise read as
/// a thousands group.
pub fn tulis_angka(f: f64, out: &mut String) {
    if !f.is_finite() {
        let _ = write!(out, "{f}");
        return;
    }
    if f == 0.0 {
        out.push('0');
        return;
    }
    let awal = out.len();
    let _ = write!(out, "{f}");
    if let Some((utuh, pecahan)) = out[awal..].split_once('.') {
        let digit_utuh = utuh.trim_start_matches('-').len();
        if pecahan.len() == 3 && digit_utuh <= 3 {
            out.push('0');
        }
    }
}

/// An ISO 8601 duration as LibreOffice stores a time of day (`PT07H30M00S`) as `07:30:00`;
/// anything else as it is.
fn tulis_durasi(s: &str, out: &mut String) {
    let Some(isi) = s.strip_prefix("PT") else {
        out.push_str(s);
        return;
    };
    let mut bagian = [0u64; 3];
    let mut angka = String::new();
    let mut ok = true;
    for c in isi.chars() {
        match c {
            '0'..='9' | '.' => angka.push(c),
            'H' | 'M' | 'S' => {
                let i = match c {
                    'H' => 0,
                    'M' => 1,
                    _ => 2,
                };
                match angka.parse::<f64>() {
                    Ok(n) => bagian[i] = n.round() as u64,
                    Err(_) => ok = false,
                }
                angka.clear();
            }
            _ => ok = false,
        }
    }
    if ok && angka.is_empty() {
        let _ = write!(out, "{:02}:{:02}:{:02}", bagian[0], bagian[1], bagian[2]);
    } else {
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dasar::tempat::{adalah_tempat_lembar, huruf_kolom};
    use crate::diagnostics::{Diagnostic, Problem};
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};

    fn sel(d: &Data) -> String {
        let mut s = String::new();
        tulis_sel(d, &mut s);
        s
    }

    #[test]
    fn numbers_are_written_without_float_noise() {
        for (f, teks) in [
            (18877.0, "18877"),
            (2_500_000.0, "2500000"),
            (35.75, "35.75"),
            (35.1, "35.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-0.0, "0"),
            (-3.0, "-3"),
            // a NIK typed as a number keeps its 16 digits, so the privacy check sees it
            (3_575_012_345_670_000.0, "3575012345670000"),
            // eighteen point eight-seven-seven, not a thousands group
            (18.877, "18.8770"),
            (1234.567, "1234.567"),
        ] {
            assert_eq!(sel(&Data::Float(f)), teks, "{f}");
        }
        assert_eq!(sel(&Data::Int(18877)), "18877");
        assert_eq!(sel(&Data::String("35.75.01.1001".into())), "35.75.01.1001");
        assert_eq!(sel(&Data::Empty), "");
        assert_eq!(sel(&Data::Error(CellErrorType::NA)), "#N/A");
    }

    #[test]
    fn dates_and_times_as_the_csv_writes_them() {
        let dt = |v| Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false));
        assert_eq!(sel(&dt(44390.0)), "2021-07-13");
        assert_eq!(sel(&dt(7.0 / 24.0)), "07:00");
        assert_eq!(sel(&dt(44390.0 + 7.5 / 24.0)), "2021-07-13 07:30:00");
        let durasi = Data::DateTime(ExcelDateTime::new(
            1.25,
            ExcelDateTimeType::TimeDelta,
            false,
        ));
        assert_eq!(sel(&durasi), "30:00:00");
        // 1904 workbooks (old Excel for Mac) count from another day
        let mac = Data::DateTime(ExcelDateTime::new(
            42928.0,
            ExcelDateTimeType::DateTime,
            true,
        ));
        assert_eq!(sel(&mac), "2021-07-13");
        assert_eq!(
            sel(&Data::DateTimeIso("2021-07-13T00:00:00".into())),
            "2021-07-13"
        );
        assert_eq!(sel(&Data::DateTimeIso("2021-07-13".into())), "2021-07-13");
        assert_eq!(sel(&Data::DurationIso("PT07H30M00S".into())), "07:30:00");
        assert_eq!(sel(&Data::DurationIso("P1D".into())), "P1D");
    }

    #[test]
    fn places_are_written_as_excel_references() {
        assert_eq!(huruf_kolom(1), "A");
        assert_eq!(huruf_kolom(6), "F");
        assert_eq!(huruf_kolom(26), "Z");
        assert_eq!(huruf_kolom(27), "AA");
        assert_eq!(huruf_kolom(702), "ZZ");
        assert_eq!(huruf_kolom(703), "AAA");
        assert_eq!(nama_rujukan("Sheet1"), "Sheet1");
        assert_eq!(nama_rujukan("Data Juli"), "'Data Juli'");
        assert_eq!(nama_rujukan("Bu'Siti"), "'Bu''Siti'");
        assert!(adalah_tempat_lembar("data/realisasi.xlsx:Sheet1"));
        assert!(adalah_tempat_lembar("data/realisasi.ODS:'Data Juli'"));
        assert!(!adalah_tempat_lembar("data/realisasi.csv"));
        assert!(!adalah_tempat_lembar("data/realisasi.xlsx"));
        let d = |line, column| {
            Diagnostic::error(
                "data/realisasi.xlsx:Sheet1",
                line,
                column,
                Some("x"),
                Problem::GalatRumus,
            )
            .message(crate::lang::Lang::En)
        };
        assert!(d(14, 6).starts_with("data/realisasi.xlsx:Sheet1!F14: 'x': "));
        assert!(d(14, 0).starts_with("data/realisasi.xlsx:Sheet1!14:14: 'x': "));
        assert!(d(0, 0).starts_with("data/realisasi.xlsx:Sheet1: 'x': "));
    }

    #[test]
    fn not_a_workbook_is_an_error_not_a_panic() {
        for ext in EKSTENSI {
            for bytes in [&b""[..], b"x", b"PK\x03\x04broken", b"\xD0\xCF\x11\xE0"] {
                assert!(baca("data/x.xlsx", ext, "x", bytes).is_err());
            }
        }
    }
}
