//! Inputs given as spreadsheets (`data/*.xlsx`, `*.ods`) instead of CSV: the same site, the
//! same checks, errors at `data/realisasi.xlsx:Sheet1!F14`. The workbooks are written here,
//! from the example site's CSV files (rust_xlsxwriter for XLSX, a zipped `content.xml` for
//! ODS), so no binary fixture is committed.

use crate::common;

use std::fs;
use std::io::Write as _;
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use salur::lang::Lang;

/// How a twin writes a column: as Excel would hold what an operator typed.
#[derive(Clone, Copy, PartialEq)]
enum Jenis {
    Teks,
    Angka,
    Tanggal,
    Jam,
}

fn jenis(kolom: &str) -> Jenis {
    match kolom {
        "kpm" | "nilai" | "jumlah" | "kk" | "penduduk" | "periode" | "desil" => Jenis::Angka,
        "tanggal" | "tanggal_laporan" | "target" => Jenis::Tanggal,
        "mulai" | "selesai" => Jenis::Jam,
        _ => Jenis::Teks,
    }
}

/// Writes `rows` (header first) as an XLSX workbook with one sheet `sheet`: numbers as number
/// cells, dates as date cells (shown as Indonesians write them), times as time cells, text as
/// text. `mulai`/`selesai` are times in `jadwal` and dates in `tahap`.
fn tulis_xlsx(rows: &[Vec<String>], path: &Path, sheet: &str) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    let tanggal = Format::new().set_num_format("dd/mm/yyyy");
    let jam = Format::new().set_num_format("hh:mm");
    let header = &rows[0];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c16) = (r as u32, c as u16);
            let j = if r == 0 || v.is_empty() {
                Jenis::Teks
            } else {
                jenis(&header[c])
            };
            match j {
                // `periode` is a number in desil.csv, a word (`bulanan`) in program.csv
                Jenis::Angka if v.parse::<f64>().is_ok() => {
                    ws.write_number(r, c16, v.parse::<f64>().unwrap_or_default())
                }
                Jenis::Tanggal | Jenis::Jam if iso(v) => {
                    let p: Vec<&str> = v.split('-').collect();
                    let d = ExcelDateTime::from_ymd(
                        p[0].parse().unwrap(),
                        p[1].parse().unwrap(),
                        p[2].parse().unwrap(),
                    )
                    .unwrap();
                    ws.write_datetime_with_format(r, c16, &d, &tanggal)
                }
                Jenis::Jam => {
                    let (h, m) = v.split_once('.').unwrap();
                    let t =
                        ExcelDateTime::from_hms(h.parse().unwrap(), m.parse().unwrap(), 0).unwrap();
                    ws.write_datetime_with_format(r, c16, &t, &jam)
                }
                _ => ws.write_string(r, c16, v),
            }
            .unwrap();
        }
    }
    wb.save(path).unwrap();
}

/// Whether `v` is a date as the example's CSV files write it (`2021-07-13`).
fn iso(v: &str) -> bool {
    v.len() == 10 && v.split('-').count() == 3 && v.split('-').all(|p| p.parse::<u16>().is_ok())
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes `rows` as an ODS workbook (what LibreOffice saves) with one sheet `sheet`: number
/// columns, and region codes shaped like a number (`35.75`), as float cells.
fn tulis_ods(rows: &[Vec<String>], path: &Path, sheet: &str) {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    content.push_str(&format!(r#"<table:table table:name="{}">"#, xml(sheet)));
    let header = &rows[0];
    for (r, row) in rows.iter().enumerate() {
        content.push_str("<table:table-row>");
        for (c, v) in row.iter().enumerate() {
            let angka = r > 0
                && !v.is_empty()
                && (jenis(&header[c]) == Jenis::Angka
                    || (header[c] == "kode_wilayah" && v.len() == 5));
            if v.is_empty() {
                content.push_str("<table:table-cell/>");
            } else if angka {
                let f: f64 = v.parse().unwrap();
                content.push_str(&format!(
                    r#"<table:table-cell office:value-type="float" office:value="{f}"><text:p>{f}</text:p></table:table-cell>"#
                ));
            } else {
                content.push_str(&format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                    xml(v)
                ));
            }
        }
        content.push_str("</table:table-row>");
    }
    content.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default();
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    fs::write(path, zip.finish().unwrap().into_inner()).unwrap();
}

/// Replaces `data/<name>.csv` of `site` by a spreadsheet twin `data/<name>.<ext>`.
fn ganti(site: &Path, name: &str, ext: &str, ubah: impl FnOnce(&mut Vec<Vec<String>>)) {
    let csv = site.join(format!("data/{name}.csv"));
    let mut rows = common::cells(&csv);
    ubah(&mut rows);
    let target = site.join(format!("data/{name}.{ext}"));
    match ext {
        "ods" => tulis_ods(&rows, &target, name),
        _ => tulis_xlsx(&rows, &target, "Sheet1"),
    }
    fs::remove_file(csv).unwrap();
}

/// The inputs replaced by twins in [`twins_build_the_same_site`].
const KEMBAR: [(&str, &str); 4] = [
    ("realisasi", "xlsx"),
    ("alokasi", "xlsx"),
    ("jadwal", "xlsx"),
    ("verval", "ods"),
];

fn site_kembar(dir: &Path) -> std::path::PathBuf {
    let site = common::example_copy(dir);
    for (name, ext) in KEMBAR {
        ganti(&site, name, ext, |_| {});
    }
    site
}

#[test]
fn twins_build_the_same_site() {
    let dir = tempfile::tempdir().unwrap();
    let site = site_kembar(dir.path());
    let out = dir.path().join("public");
    let summary = common::build(&site, &out);
    // spreadsheets named like inputs are read, so not named as unknown files
    assert!(
        !summary.laporan_peringatan.contains(".xlsx")
            && !summary.laporan_peringatan.contains(".ods"),
        "{}",
        summary.laporan_peringatan
    );
    let csv = common::files(common::example_site());
    let twin = common::files(&out);
    // What may differ, and only there: the input's file name and its SHA-256 (the about
    // page, the source lines of the home, programme and tahap pages, datapackage.json and
    // the `sumber` of the JSON downloads). The anchors stay those of the CSV name.
    let mut ganti_nama: Vec<(String, String)> = Vec::new();
    for (name, ext) in KEMBAR {
        let hash = |p: &Path| salur::data::table::sha256_hex(&fs::read(p).unwrap());
        let asli = hash(&common::root().join(format!("data/{name}.csv")));
        let kembar = hash(&site.join(format!("data/{name}.{ext}")));
        assert_ne!(kembar, asli);
        // pages print a hash's first 12 digits too, the whole one in its title
        let pendek = (kembar[..12].to_string(), asli[..12].to_string());
        ganti_nama.push((kembar, asli));
        ganti_nama.push(pendek);
        ganti_nama.push((format!("data/{name}.{ext}"), format!("data/{name}.csv")));
    }
    let berbeda = common::beda_nama_saja(&twin, &csv, &ganti_nama);
    let sama = twin.len() - berbeda.len();
    // a region page names the input files but prints no hash (so that a correction does not
    // rewrite every page): the names are all that differ there
    for path in berbeda.iter().filter(|p| p.starts_with("wilayah/")) {
        let mut text = String::from_utf8_lossy(&twin[path]).into_owned();
        for (dari, ke) in ganti_nama.iter().filter(|(d, _)| d.starts_with("data/")) {
            text = text.replace(dari.as_str(), ke);
        }
        assert_eq!(text.as_bytes(), &csv[path][..], "{path}");
    }
    assert!(
        berbeda.iter().any(|p| p == "datapackage.json"),
        "{berbeda:?}"
    );
    assert!(sama > 200, "{sama} files identical");

    // a changed cell of a workbook is seen by the next build (the inputs' fingerprint)
    let mut rows = common::cells(&common::root().join("data/alokasi.csv"));
    let kpm: u64 = rows[1][4].parse().unwrap();
    rows[1][4] = (kpm + 1).to_string();
    tulis_xlsx(&rows, &site.join("data/alokasi.xlsx"), "Sheet1");
    let summary = common::build(&site, &out);
    assert!(
        summary.output.ditulis > 0,
        "the changed workbook was not read"
    );
}

/// The messages of loading `site`, in `lang`.
fn pesan(site: &Path, lang: Lang) -> String {
    match salur::load(site) {
        Ok(_) => panic!("the site should not load"),
        Err(salur::Error::Input { diagnostics, .. }) => diagnostics.report(lang),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn bad_cells_are_named_as_excel_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    ganti(&site, "realisasi", "xlsx", |rows| {
        // row 14 of the sheet is rows[13]; F is status, H is kpm
        rows[13][5] = "dibayar".into();
        rows[14][7] = "2.5".into();
        rows[15][4] = "31/06/2021".into();
    });
    let en = pesan(&site, Lang::En);
    let id = pesan(&site, Lang::Id);
    let en: Vec<&str> = en.lines().collect();
    let id: Vec<&str> = id.lines().collect();
    assert_eq!(
        en,
        [
            "data/realisasi.xlsx:Sheet1!F14: 'dibayar': expected 'tersalur' or 'gagal'",
            "data/realisasi.xlsx:Sheet1!H15: '2.5': expected a whole number of KPM (e.g. 18.877)",
            "data/realisasi.xlsx:Sheet1!E16: '31/06/2021': expected a date (e.g. 2021-07-13 or \
             13/07/2021)",
        ]
    );
    assert_eq!(
        id,
        [
            "data/realisasi.xlsx:Sheet1!F14: 'dibayar': seharusnya 'tersalur' atau 'gagal'",
            "data/realisasi.xlsx:Sheet1!H15: '2.5': seharusnya bilangan bulat KPM (mis. 18.877)",
            "data/realisasi.xlsx:Sheet1!E16: '31/06/2021': seharusnya tanggal (mis. 2021-07-13 \
             atau 13/07/2021)",
        ]
    );
}

#[test]
fn personal_data_in_a_workbook_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    ganti(&site, "alokasi", "xlsx", |rows| {
        rows[0].push("NIK".into());
        rows[1].push("3575012345670001".into());
    });
    let en = pesan(&site, Lang::En);
    assert!(
        en.starts_with("data/alokasi.xlsx:Sheet1!F1: 'NIK': privacy"),
        "{en}"
    );
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    ganti(&site, "alokasi", "xlsx", |rows| {
        // a NIK typed into a number cell
        rows[2][4] = "3575012345670001".into();
    });
    let en = pesan(&site, Lang::En);
    assert!(
        en.starts_with("data/alokasi.xlsx:Sheet1!E3: '3575**********01': privacy"),
        "{en}"
    );
    assert!(!en.contains("3575012345670001"), "{en}");
}

#[test]
fn a_csv_and_its_twin_is_an_error_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    let rows = common::cells(&site.join("data/realisasi.csv"));
    tulis_xlsx(&rows, &site.join("data/realisasi.xlsx"), "Sheet1");
    assert_eq!(
        pesan(&site, Lang::En),
        "data/realisasi.csv: the same input is also given as data/realisasi.xlsx; salur reads \
         one file per input: remove or rename one of them\n"
    );
    assert_eq!(
        pesan(&site, Lang::Id),
        "data/realisasi.csv: data yang sama juga diberikan sebagai data/realisasi.xlsx; salur \
         membaca satu berkas per masukan: hapus atau ganti nama salah satunya\n"
    );
}

#[test]
fn a_damaged_workbook_is_an_error_not_a_panic() {
    for bytes in [&b""[..], b"not a workbook", b"PK\x03\x04\x14\x00\x00\x00"] {
        let dir = tempfile::tempdir().unwrap();
        let site = common::example_copy(dir.path());
        fs::remove_file(site.join("data/tahap.csv")).unwrap();
        fs::write(site.join("data/tahap.xlsx"), bytes).unwrap();
        let en = pesan(&site, Lang::En);
        assert!(
            en.starts_with("data/tahap.xlsx: the spreadsheet cannot be read ("),
            "{en}"
        );
        assert!(
            en.contains("save it again from Excel or LibreOffice, or save it as CSV UTF-8"),
            "{en}"
        );
    }
}

#[test]
fn other_spreadsheets_are_still_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    fs::write(site.join("data/Rekap Juli.xlsx"), "x").unwrap();
    fs::write(site.join("data/Realisasi.XLSX"), "x").unwrap();
    let loaded = salur::load(&site).unwrap_or_else(|e| panic!("{e}"));
    let w: Vec<String> = loaded
        .warnings
        .items()
        .iter()
        .map(|d| d.message(Lang::En))
        .filter(|m| m.contains("salur does not read"))
        .collect();
    assert_eq!(
        w,
        [
            "data/Realisasi.XLSX: warning: salur does not read this file; did you mean \
             'realisasi.xlsx'?",
            "data/Rekap Juli.xlsx: warning: salur does not read this file; a spreadsheet is \
             read when it has an input's name (e.g. realisasi.xlsx), or save it as CSV UTF-8",
        ]
    );
}

/// Appends `lines` to `data/<file>` of `site`.
fn tambah(site: &Path, file: &str, lines: &str) {
    let path = site.join("data").join(file);
    let mut text = fs::read_to_string(&path).unwrap();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(lines);
    fs::write(path, text).unwrap();
}

#[test]
fn a_referenced_workbook_is_named_as_the_operator_has_it() {
    // the codes' files given as workbooks; the rows naming codes they lack stay CSV
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    for name in ["wilayah", "program", "tahap", "alokasi"] {
        ganti(&site, name, "xlsx", |rows| {
            if name == "wilayah" {
                // a kecamatan whose kabupaten is not there
                rows.push(vec![
                    "35.99.01".into(),
                    "Kecamatan Tanpa Induk".into(),
                    String::new(),
                    String::new(),
                ]);
            }
        });
    }
    tambah(
        &site,
        "realisasi.csv",
        "XBST,2021-07,35.75.01.1001,Bank Jatim,2021-07-27,tersalur,,1\n\
         BST,2099-01,35.75.01.1001,Bank Jatim,2021-07-27,tersalur,,1\n\
         BST,2021-07,35.75.01.1999,Bank Jatim,2021-07-27,tersalur,,1\n\
         BST,2021-07,35.75.01.1001,Bank Jatim,2022-07-27,tersalur,,1\n",
    );
    tambah(
        &site,
        "laporan_penyalur.csv",
        "Bank Antah,Tenggarong,PKH,2021-T4,64.02.01,5,,2022-01-06\n",
    );
    let en = pesan(&site, Lang::En);
    let id = pesan(&site, Lang::Id);
    for (apa, en_teks, id_teks) in [
        (
            "a region's parent",
            "its parent region '35.99' is not in wilayah.xlsx",
            "wilayah induk '35.99' tidak ada di wilayah.xlsx",
        ),
        (
            "a programme code",
            "'XBST': unknown programme code: not in program.xlsx",
            "'XBST': kode program tidak ada di program.xlsx",
        ),
        (
            "a tahap code",
            "'2099-01': unknown stage code: not in tahap.xlsx",
            "'2099-01': kode tahap tidak ada di tahap.xlsx",
        ),
        (
            "a region code",
            "'35.75.01.1999': unknown region code: not in wilayah.xlsx",
            "'35.75.01.1999': kode wilayah tidak ada di wilayah.xlsx",
        ),
        (
            "a day outside its tahap",
            "check the date or the stage's dates in tahap.xlsx",
            "periksa tanggal atau masa tahap di tahap.xlsx",
        ),
        (
            "a penyalur",
            "'Bank Antah': unknown paying channel: not in alokasi.xlsx/realisasi.csv",
            "'Bank Antah': penyalur tidak ada di alokasi.xlsx/realisasi.csv",
        ),
    ] {
        assert!(en.contains(en_teks), "{apa}: {en}");
        assert!(id.contains(id_teks), "{apa}: {id}");
    }
    // no message names a file the operator does not have
    for csv in ["wilayah.csv", "program.csv", "tahap.csv", "alokasi.csv"] {
        assert!(!en.contains(csv), "{csv}: {en}");
        assert!(!id.contains(csv), "{csv}: {id}");
    }

    // a workbook of regions with its header only
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    ganti(&site, "wilayah", "xlsx", |rows| rows.truncate(1));
    let en = pesan(&site, Lang::En);
    assert!(
        en.contains(
            "data/wilayah.xlsx:Sheet1: wilayah.xlsx holds only its header; at least one \
             region is expected"
        ),
        "{en}"
    );
    assert!(!en.contains("wilayah.csv"), "{en}");
}

#[test]
fn the_schedule_proposer_names_a_workbook_of_rw() {
    // the example's `[jadwal.usul]` (7 days at 200 KPM) and a kelurahan of 1.500 KPM
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    ganti(&site, "rw", "xlsx", |rows| {
        rows.truncate(1);
        rows.push(vec!["35.75.01.1001".into(), "01".into(), "800".into()]);
        rows.push(vec!["35.75.01.1001".into(), "02".into(), "700".into()]);
    });
    let err = salur::usul_jadwal(&site)
        .expect_err("1.500 KPM cannot fit")
        .to_string();
    assert!(err.starts_with("data/rw.xlsx:Sheet1: "), "{err}");
    assert!(err.contains("Karangketug (35.75.01.1001)"), "{err}");
}
