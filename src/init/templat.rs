//! `templat/`: a workbook per input for the operator to fill in, written by `salur init`.
//!
//! Each workbook's first sheet is named like its input (`realisasi`, which is the sheet salur
//! reads) and holds the contract's columns under their contract names, so that the workbook,
//! filled in and put in `data/` as `data/realisasi.xlsx`, builds without any mapping. Each
//! header cell carries a note (what the column holds, its type, an example, its allowed
//! values, whether it is required); cells are checked as they are typed where Excel can check
//! them (data validation: a region code from the `wilayah` sheet, a status, a period, a date,
//! a whole number); the site's regions are on a second sheet, `wilayah`, to pick from. The
//! notes are file content in the site's language, as the rest of `init` writes.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, Formula,
    Note, Workbook, XlsxError,
};

use crate::lang::Lang;

/// What a column holds, for its note and its check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Jenis {
    /// Free text (a name).
    Teks,
    /// A code of letters, digits, `-`, `_`, `.` (a programme's, a tahap's).
    Kode,
    /// A region code of the `wilayah` sheet.
    Wilayah,
    /// A whole number of KPM, households, people.
    Bilangan,
    /// Whole rupiah.
    Rupiah,
    /// A date.
    Tanggal,
    /// `tersalur` or `gagal`.
    Status,
    /// A programme's period.
    Periode,
    /// A DTSEN decile, 1 to 10.
    Desil,
    /// A time of day.
    Jam,
    /// An RW number.
    Rw,
}

/// One column of a template.
struct Kolom {
    /// Its contract name (the header).
    nama: &'static str,
    wajib: bool,
    jenis: Jenis,
    contoh: &'static str,
    /// What it holds, in Indonesian and in English.
    arti: (&'static str, &'static str),
}

const fn k(
    nama: &'static str,
    wajib: bool,
    jenis: Jenis,
    contoh: &'static str,
    id: &'static str,
    en: &'static str,
) -> Kolom {
    Kolom {
        nama,
        wajib,
        jenis,
        contoh,
        arti: (id, en),
    }
}

/// The inputs a template is written for, each with its columns in the contract's order.
const TEMPLAT: &[(&str, &[Kolom])] = &[
    (
        "program",
        &[
            k(
                "kode",
                true,
                Jenis::Kode,
                "BST",
                "Kode program, dipakai di berkas lain",
                "The programme's code, used by the other files",
            ),
            k(
                "nama",
                true,
                Jenis::Teks,
                "Bantuan Sosial Tunai",
                "Nama program",
                "The programme's name",
            ),
            k(
                "sumber_dana",
                true,
                Jenis::Teks,
                "APBN",
                "Sumber dana (APBN, APBD, DBHCHT, …)",
                "Source of funds (APBN, APBD, …)",
            ),
            k(
                "nilai_per_kpm",
                true,
                Jenis::Rupiah,
                "300000",
                "Rupiah per KPM per penyaluran (boleh kosong)",
                "Rupiah per KPM per payment (may be empty)",
            ),
            k(
                "periode",
                true,
                Jenis::Periode,
                "bulanan",
                "Seberapa sering disalurkan",
                "How often it is paid",
            ),
            k(
                "desil_maks",
                false,
                Jenis::Desil,
                "4",
                "Desil DTSEN tertinggi yang berhak (1–10, boleh kosong)",
                "The highest DTSEN decile eligible (1–10, may be empty)",
            ),
        ],
    ),
    (
        "tahap",
        &[
            k(
                "kode",
                true,
                Jenis::Kode,
                "2021-07",
                "Kode tahap, dipakai di berkas lain",
                "The tahap's code, used by the other files",
            ),
            k(
                "nama",
                true,
                Jenis::Teks,
                "Juli 2021",
                "Nama tahap",
                "The tahap's name",
            ),
            k(
                "mulai",
                true,
                Jenis::Tanggal,
                "2021-07-01",
                "Hari pertama",
                "First day",
            ),
            k(
                "selesai",
                true,
                Jenis::Tanggal,
                "2021-07-31",
                "Hari terakhir",
                "Last day",
            ),
            k(
                "target",
                false,
                Jenis::Tanggal,
                "2021-07-31",
                "Tenggat penyaluran (boleh kosong)",
                "Deadline of the payments (may be empty)",
            ),
        ],
    ),
    (
        "alokasi",
        &[
            k(
                "program",
                true,
                Jenis::Kode,
                "BST",
                "Kode dari program",
                "A code of program",
            ),
            k(
                "tahap",
                true,
                Jenis::Kode,
                "2021-07",
                "Kode dari tahap",
                "A code of tahap",
            ),
            k(
                "kode_wilayah",
                true,
                Jenis::Wilayah,
                "",
                "Kode wilayah Kemendagri (lembar wilayah)",
                "Kemendagri region code (sheet wilayah)",
            ),
            k(
                "penyalur",
                true,
                Jenis::Teks,
                "PT Pos Indonesia",
                "Penyalur (PT Pos, bank)",
                "Paying channel (PT Pos, a bank)",
            ),
            k(
                "kpm",
                true,
                Jenis::Bilangan,
                "450",
                "Jumlah KPM yang dialokasikan",
                "Households (KPM) allocated",
            ),
            k(
                "nilai",
                false,
                Jenis::Rupiah,
                "",
                "Rupiah (kosong: kpm × nilai_per_kpm)",
                "Rupiah (empty: kpm × nilai_per_kpm)",
            ),
        ],
    ),
    (
        "realisasi",
        &[
            k(
                "program",
                true,
                Jenis::Kode,
                "BST",
                "Kode dari program",
                "A code of program",
            ),
            k(
                "tahap",
                true,
                Jenis::Kode,
                "2021-07",
                "Kode dari tahap",
                "A code of tahap",
            ),
            k(
                "kode_wilayah",
                true,
                Jenis::Wilayah,
                "",
                "Kode wilayah Kemendagri (lembar wilayah)",
                "Kemendagri region code (sheet wilayah)",
            ),
            k(
                "penyalur",
                true,
                Jenis::Teks,
                "PT Pos Indonesia",
                "Penyalur (PT Pos, bank)",
                "Paying channel (PT Pos, a bank)",
            ),
            k(
                "tanggal",
                true,
                Jenis::Tanggal,
                "2021-07-13",
                "Hari penyaluran",
                "Day of payment",
            ),
            k(
                "status",
                true,
                Jenis::Status,
                "tersalur",
                "tersalur atau gagal",
                "tersalur (paid) or gagal (failed)",
            ),
            k(
                "alasan",
                true,
                Jenis::Teks,
                "",
                "Alasan gagal (wajib bila gagal; tanpa nama orang)",
                "Reason of a failure (required if gagal; no person's name)",
            ),
            k(
                "kpm",
                true,
                Jenis::Bilangan,
                "430",
                "Jumlah KPM",
                "Households (KPM)",
            ),
            k(
                "nilai",
                false,
                Jenis::Rupiah,
                "",
                "Rupiah (kosong: kpm × nilai_per_kpm)",
                "Rupiah (empty: kpm × nilai_per_kpm)",
            ),
        ],
    ),
    (
        "jadwal",
        &[
            k(
                "program",
                true,
                Jenis::Kode,
                "BST",
                "Kode dari program",
                "A code of program",
            ),
            k(
                "tahap",
                true,
                Jenis::Kode,
                "2021-07",
                "Kode dari tahap",
                "A code of tahap",
            ),
            k(
                "titik_bayar",
                true,
                Jenis::Teks,
                "Kantor Kelurahan",
                "Nama titik bayar",
                "The payment point's name",
            ),
            k(
                "kode_wilayah",
                true,
                Jenis::Wilayah,
                "",
                "Kode desa/kelurahan (lembar wilayah)",
                "The desa/kelurahan's code (sheet wilayah)",
            ),
            k(
                "lokasi",
                true,
                Jenis::Teks,
                "Jl. Sudirman 1",
                "Alamat titik bayar",
                "The payment point's address",
            ),
            k("tanggal", true, Jenis::Tanggal, "2021-07-13", "Hari", "Day"),
            k(
                "mulai",
                true,
                Jenis::Jam,
                "07.00",
                "Jam mulai",
                "Start time",
            ),
            k(
                "selesai",
                true,
                Jenis::Jam,
                "12.00",
                "Jam selesai",
                "End time",
            ),
            k(
                "rw",
                true,
                Jenis::Rw,
                "03",
                "RW yang dilayani",
                "The RW served",
            ),
            k(
                "kpm",
                true,
                Jenis::Bilangan,
                "120",
                "Jumlah KPM",
                "Households (KPM)",
            ),
        ],
    ),
    (
        "rw",
        &[
            k(
                "kode_wilayah",
                true,
                Jenis::Wilayah,
                "",
                "Kode desa/kelurahan (lembar wilayah)",
                "The desa/kelurahan's code (sheet wilayah)",
            ),
            k("rw", true, Jenis::Rw, "03", "RW", "RW"),
            k(
                "kpm",
                true,
                Jenis::Bilangan,
                "80",
                "Jumlah KPM di RW ini",
                "Households (KPM) in this RW",
            ),
        ],
    ),
];

/// The rows a template's sheet is checked on (the first 10.000 below the header: a kabupaten's
/// realisations per day fit; Excel extends a check as rows are inserted).
const BARIS_DIPERIKSA: u32 = 10_000;

/// The names of the inputs `templat/` has a workbook for.
pub fn masukan() -> impl Iterator<Item = &'static str> {
    TEMPLAT.iter().map(|(n, _)| *n)
}

/// The workbook for input `masukan` (one of [`masukan`]), with the site's regions (`wilayah`:
/// code, name) on its `wilayah` sheet, its notes in `lang`, dated `hari_ini` (so that the same
/// site gives the same bytes), and `baris` filled in below the header (none for `init`; tests
/// fill one in, as an operator would). `None` for an input without a template.
pub fn buku(
    masukan: &str,
    wilayah: &[(String, String)],
    lang: Lang,
    hari_ini: jiff::civil::Date,
    baris: &[Vec<String>],
) -> Option<Result<Vec<u8>, XlsxError>> {
    let (_, kolom) = TEMPLAT.iter().find(|(n, _)| *n == masukan)?;
    Some(tulis(masukan, kolom, wilayah, lang, hari_ini, baris))
}

fn tulis(
    masukan: &str,
    kolom: &[Kolom],
    wilayah: &[(String, String)],
    lang: Lang,
    hari_ini: jiff::civil::Date,
    baris: &[Vec<String>],
) -> Result<Vec<u8>, XlsxError> {
    let id = lang == Lang::Id;
    let mut wb = Workbook::new();
    let tanggal = ExcelDateTime::from_ymd(
        u16::try_from(hari_ini.year()).unwrap_or(2000),
        u8::try_from(hari_ini.month()).unwrap_or(1),
        u8::try_from(hari_ini.day()).unwrap_or(1),
    )?;
    wb.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_creation_datetime(&tanggal)
            .set_title(format!("salur: {masukan}"))
            .set_author("salur"),
    );
    let judul = Format::new().set_bold().set_background_color("#DDEBF7");
    let format_tanggal = Format::new().set_num_format("yyyy-mm-dd");
    let format_teks = Format::new().set_num_format("@");
    let sheet = wb.add_worksheet();
    sheet.set_name(masukan)?;
    for (c, k) in kolom.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, c, k.nama, &judul)?;
        sheet.set_column_width(c, (k.nama.len() as f64 + 4.0).max(14.0))?;
        sheet.insert_note(
            0,
            c,
            &Note::new(catatan(k, id))
                .set_author("salur")
                .set_width(320)
                .set_height(140),
        )?;
        match k.jenis {
            Jenis::Tanggal => {
                sheet.set_column_format(c, &format_tanggal)?;
            }
            // typed as text: Excel would read `35.75` as a number, `2021-07` as a date and
            // `07.00` as 7
            Jenis::Teks | Jenis::Kode | Jenis::Wilayah | Jenis::Jam | Jenis::Rw => {
                sheet.set_column_format(c, &format_teks)?;
            }
            _ => {}
        }
        if let Some(v) = validasi(k, id, wilayah.len())? {
            sheet.add_data_validation(1, c, BARIS_DIPERIKSA, c, &v)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    for (r, isi) in baris.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, nilai) in isi.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.write_string(r, c, nilai)?;
        }
    }
    // the site's regions, to pick from
    let daftar = wb.add_worksheet();
    daftar.set_name("wilayah")?;
    daftar.write_string_with_format(0, 0, "kode", &judul)?;
    daftar.write_string_with_format(0, 1, "nama", &judul)?;
    daftar.set_column_width(0, 16)?;
    daftar.set_column_width(1, 36)?;
    for (r, (kode, nama)) in wilayah.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        daftar.write_string(r, 0, kode)?;
        daftar.write_string(r, 1, nama)?;
    }
    wb.save_to_buffer()
}

/// A header's note: what the column holds, its type, an example, whether it is required.
fn catatan(k: &Kolom, id: bool) -> String {
    let (arti, jenis, contoh, wajib) = if id {
        (
            k.arti.0,
            match k.jenis {
                Jenis::Teks => "teks",
                Jenis::Kode => "kode: huruf, angka, tanda -, _ atau titik",
                Jenis::Wilayah => "kode wilayah, mis. 35.75.01.1001",
                Jenis::Bilangan => "bilangan bulat, mis. 18877",
                Jenis::Rupiah => "rupiah, mis. 2500000",
                Jenis::Tanggal => "tanggal, mis. 13/07/2021",
                Jenis::Status => "tersalur atau gagal",
                Jenis::Periode => "bulanan, dua_bulanan, triwulanan, tahap, sekali",
                Jenis::Desil => "bilangan 1 sampai 10",
                Jenis::Jam => "jam, mis. 07.00",
                Jenis::Rw => "nomor RW, mis. 03",
            },
            "Contoh",
            if k.wajib { "Wajib." } else { "Boleh kosong." },
        )
    } else {
        (
            k.arti.1,
            match k.jenis {
                Jenis::Teks => "text",
                Jenis::Kode => "code: letters, digits, -, _ or dots",
                Jenis::Wilayah => "region code, e.g. 35.75.01.1001",
                Jenis::Bilangan => "whole number, e.g. 18877",
                Jenis::Rupiah => "rupiah, e.g. 2500000",
                Jenis::Tanggal => "date, e.g. 13/07/2021",
                Jenis::Status => "tersalur or gagal",
                Jenis::Periode => "bulanan, dua_bulanan, triwulanan, tahap, sekali",
                Jenis::Desil => "a number 1 to 10",
                Jenis::Jam => "time, e.g. 07.00",
                Jenis::Rw => "RW number, e.g. 03",
            },
            "Example",
            if k.wajib {
                "Required."
            } else {
                "May be empty."
            },
        )
    };
    let mut out = format!("{}: {arti}.\n{jenis}. {wajib}", k.nama);
    if !k.contoh.is_empty() {
        out.push_str(&format!("\n{contoh}: {}", k.contoh));
    }
    out
}

/// The check Excel makes as a column's cells are typed, where it can make one.
fn validasi(k: &Kolom, id: bool, wilayah: usize) -> Result<Option<DataValidation>, XlsxError> {
    let pesan = |v: DataValidation, teks: &str| -> Result<DataValidation, XlsxError> {
        v.set_error_title(k.nama)?.set_error_message(teks)
    };
    let salah = if id {
        "Nilai ini tidak diterima salur; lihat catatan di judul kolom."
    } else {
        "salur does not take this value; see the note on the column's header."
    };
    let v = match k.jenis {
        Jenis::Wilayah if wilayah > 0 => DataValidation::new()
            .allow_list_formula(Formula::new(format!("=wilayah!$A$2:$A${}", wilayah + 1)))
            .set_error_style(DataValidationErrorStyle::Stop),
        Jenis::Status => DataValidation::new().allow_list_strings(&["tersalur", "gagal"])?,
        Jenis::Periode => DataValidation::new().allow_list_strings(&[
            "bulanan",
            "dua_bulanan",
            "triwulanan",
            "tahap",
            "sekali",
        ])?,
        // rupiah pass 2^31: a decimal rule, not Excel's 32-bit whole number
        // a count of households is whole; rupiah pass 2^31, beyond Excel's 32-bit whole number
        Jenis::Bilangan => {
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
        }
        Jenis::Rupiah => DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
        Jenis::Desil => {
            DataValidation::new().allow_whole_number(DataValidationRule::Between(1, 10))
        }
        Jenis::Tanggal => DataValidation::new().allow_date(DataValidationRule::Between(
            ExcelDateTime::from_ymd(2000, 1, 1)?,
            ExcelDateTime::from_ymd(2100, 12, 31)?,
        )),
        _ => return Ok(None),
    };
    Ok(Some(pesan(v, salah)?))
}
