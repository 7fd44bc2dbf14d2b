//! The CSV input contract, end to end through the public API: every form an Excel export
//! really takes is accepted with the right figures, every bad value is rejected as
//! `file:line:column: 'value': what was expected` (all of them, not only the first), personal
//! data never gets through, and a failed build writes nothing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use jiff::civil::date;
use tempfile::TempDir;

use salur::analysis::Angka;
use salur::diagnostics::Diagnostics;
use salur::lang::Lang;
use salur::{BuildOptions, Error, Loaded};

// ---------------------------------------------------------------------------------------------
// A minimal valid site
// ---------------------------------------------------------------------------------------------

const SITE_TOML: &str = "title = \"Uji Salur\"\n";
const SITE_TOML_EN: &str = "title = \"Uji Salur\"\nlanguage = \"en\"\n";

const WILAYAH: &[&[&str]] = &[
    &["kode", "nama"],
    &["35", "Jawa Timur"],
    &["35.75", "Kota Pasuruan"],
    &["35.75.01", "Gadingrejo"],
    &["35.75.01.1001", "Karangketug"],
    &["35.75.01.1002", "Gentong"],
];

const PROGRAM: &[&[&str]] = &[
    &["kode", "nama", "sumber_dana", "nilai_per_kpm", "periode"],
    &["BST", "Bantuan Sosial Tunai", "APBN", "300000", "bulanan"],
];

const TAHAP: &[&[&str]] = &[
    &["kode", "nama", "mulai", "selesai", "target"],
    &["2021-07", "Juli 2021", "2021-07-01", "2021-07-31", ""],
];

/// 10.000 + 8877 = 18 877 KPM allocated to the kota; the amounts come from `nilai_per_kpm`.
const ALOKASI: &[&[&str]] = &[
    &["program", "tahap", "kode_wilayah", "penyalur", "kpm"],
    &[
        "BST",
        "2021-07",
        "35.75.01.1001",
        "PT Pos Indonesia",
        "10.000",
    ],
    &[
        "BST",
        "2021-07",
        "35.75.01.1002",
        "PT Pos Indonesia",
        "8877",
    ],
];

/// 9.500 + 8000 = 17 500 KPM paid, Rp 2.850.000.000 + Rp 2.400.000.000; 12 failed.
const REALISASI: &[&[&str]] = &[
    &[
        "program",
        "tahap",
        "kode_wilayah",
        "penyalur",
        "tanggal",
        "status",
        "alasan",
        "kpm",
        "nilai",
    ],
    &[
        "BST",
        "2021-07",
        "35.75.01.1001",
        "PT Pos Indonesia",
        "2021-07-13",
        "tersalur",
        "",
        "9.500",
        "Rp 2.850.000.000",
    ],
    &[
        "BST",
        "2021-07",
        "35.75.01.1002",
        "PT Pos Indonesia",
        "14/07/2021",
        "tersalur",
        "",
        "8000",
        "2400000000",
    ],
    &[
        "BST",
        "2021-07",
        "35.75.01.1002",
        "PT Pos Indonesia",
        "2021-07-14",
        "gagal",
        "tidak hadir",
        "12",
        "",
    ],
];

const FILES: [(&str, &[&[&str]]); 5] = [
    ("data/wilayah.csv", WILAYAH),
    ("data/program.csv", PROGRAM),
    ("data/tahap.csv", TAHAP),
    ("data/alokasi.csv", ALOKASI),
    ("data/realisasi.csv", REALISASI),
];

/// Joins rows into CSV text (no cell of the default data needs quoting).
fn csv(rows: &[&[&str]], delimiter: &str, eol: &str) -> String {
    let mut out = String::new();
    for row in rows {
        out.push_str(&row.join(delimiter));
        out.push_str(eol);
    }
    out
}

/// Writes the default site into a new temporary folder, with `overrides` (path, text)
/// replacing or adding files.
fn site(overrides: &[(&str, String)]) -> TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut files: Vec<(String, String)> = vec![("site.toml".to_string(), SITE_TOML.to_string())];
    for (path, rows) in FILES {
        files.push((path.to_string(), csv(rows, ",", "\n")));
    }
    for (path, text) in overrides {
        match files.iter_mut().find(|(p, _)| p == path) {
            Some(slot) => slot.1 = text.clone(),
            None => files.push((path.to_string(), text.clone())),
        }
    }
    for (path, text) in &files {
        let full = dir.path().join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(&full, text).unwrap();
    }
    dir
}

/// Like [`site`], with `language = "en"`.
fn site_en(overrides: &[(&str, String)]) -> TempDir {
    let mut all = vec![("site.toml", SITE_TOML_EN.to_string())];
    all.extend(overrides.iter().cloned());
    site(&all)
}

/// Every data file of the default site written with this delimiter, line end and BOM.
fn excel_export(delimiter: &str, eol: &str, bom: bool) -> Vec<(&'static str, String)> {
    FILES
        .iter()
        .map(|(path, rows)| {
            let mut text = if bom {
                "\u{feff}".to_string()
            } else {
                String::new()
            };
            text.push_str(&csv(rows, delimiter, eol));
            (*path, text)
        })
        .collect()
}

const R_HEADER: &str = "program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm,nilai";
const R_OK: &str = "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,9.500,";
const A_HEADER: &str = "program,tahap,kode_wilayah,penyalur,kpm";

/// `realisasi.csv` with the default header and these rows (line 2 onwards).
fn realisasi(rows: &[&str]) -> (&'static str, String) {
    ("data/realisasi.csv", lines(R_HEADER, rows))
}

/// `alokasi.csv` with the default header and these rows (line 2 onwards).
fn alokasi(rows: &[&str]) -> (&'static str, String) {
    ("data/alokasi.csv", lines(A_HEADER, rows))
}

fn lines(header: &str, rows: &[&str]) -> String {
    let mut out = format!("{header}\n");
    for r in rows {
        out.push_str(r);
        out.push('\n');
    }
    out
}

/// Default wilayah.csv plus these rows (line 7 onwards).
fn wilayah_plus(rows: &[&str]) -> (&'static str, String) {
    let mut text = csv(WILAYAH, ",", "\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    ("data/wilayah.csv", text)
}

// ---------------------------------------------------------------------------------------------
// Reading results
// ---------------------------------------------------------------------------------------------

fn load_ok(root: &Path) -> Loaded {
    match salur::load(root) {
        Ok(l) => l,
        Err(e) => panic!("expected the site to load, got:\n{e}"),
    }
}

/// The input problems of a site that must fail to load.
fn input_errors(root: &Path) -> (Lang, Diagnostics) {
    match salur::load(root) {
        Ok(_) => panic!("expected the site to be rejected, but it loaded"),
        Err(Error::Input { lang, diagnostics }) => (lang, diagnostics),
        Err(e) => panic!("expected Error::Input, got: {e}"),
    }
}

/// Every message (in the site's language) of a site that must fail to load.
fn messages(root: &Path) -> Vec<String> {
    let (lang, d) = input_errors(root);
    d.items().iter().map(|i| i.message(lang)).collect()
}

/// The single message of a site that must fail with exactly one problem.
fn only_message(root: &Path) -> String {
    let m = messages(root);
    assert_eq!(
        m.len(),
        1,
        "expected exactly one problem, got:\n{}",
        m.join("\n")
    );
    m.into_iter().next().unwrap()
}

/// The figures of programme BST × tahap 2021-07 for the region `kode`.
fn figures(loaded: &Loaded, kode: &str) -> Angka {
    let ds = &loaded.data;
    let program = ds
        .program
        .iter()
        .position(|p| p.kode == "BST")
        .expect("programme BST");
    let tahap = ds
        .tahap
        .iter()
        .position(|t| t.kode == "2021-07")
        .expect("tahap 2021-07");
    let w = ds
        .wilayah
        .nodes
        .iter()
        .position(|w| w.kode_teks == kode)
        .unwrap_or_else(|| panic!("region {kode}"));
    loaded.report.wilayah[w].angka(
        salur::data::ProgramId::baru(program).unwrap(),
        salur::data::TahapId::baru(tahap).unwrap(),
    )
}

/// (alokasi KPM, alokasi Rp, alokasi rows without Rp, tersalur KPM, tersalur Rp,
/// tersalur rows without Rp, gagal KPM)
type Flat = (u64, u64, u64, u64, u64, u64, u64);

fn flat(a: Angka) -> Flat {
    (
        a.alokasi_kpm,
        a.alokasi_nilai.jumlah,
        a.alokasi_nilai.tanpa_nilai,
        a.tersalur_kpm,
        a.tersalur_nilai.jumlah,
        a.tersalur_nilai.tanpa_nilai,
        a.gagal_kpm,
    )
}

/// Checks that the site loads with exactly the figures of the default data.
fn assert_default_figures(root: &Path) -> Loaded {
    let loaded = load_ok(root);
    let kota: Flat = (
        18_877,
        18_877 * 300_000,
        0,
        17_500,
        2_850_000_000 + 2_400_000_000,
        0,
        12,
    );
    assert_eq!(flat(figures(&loaded, "35.75")), kota, "kota");
    assert_eq!(flat(figures(&loaded, "35")), kota, "provinsi");
    assert_eq!(
        flat(figures(&loaded, "35.75.01.1001")),
        (10_000, 10_000 * 300_000, 0, 9_500, 2_850_000_000, 0, 0),
        "Karangketug"
    );
    assert_eq!(
        flat(figures(&loaded, "35.75.01.1002")),
        (8_877, 8_877 * 300_000, 0, 8_000, 2_400_000_000, 0, 12),
        "Gentong"
    );
    let (p0, t0) = (
        salur::data::ProgramId::baru(0).unwrap(),
        salur::data::TahapId::baru(0).unwrap(),
    );
    assert_eq!(flat(loaded.report.total.angka(p0, t0)), kota, "total");
    assert_eq!(loaded.data.wilayah.len(), 5);
    assert_eq!(loaded.data.alokasi.len(), 2);
    assert_eq!(loaded.data.realisasi.len(), 3);
    assert_eq!(loaded.data.alasan, vec!["tidak hadir".to_string()]);
    assert_eq!(loaded.data.penyalur, vec!["PT Pos Indonesia".to_string()]);
    assert_eq!(loaded.report.data_per, Some(date(2021, 7, 14)));
    let tahap = &loaded.data.tahap[0];
    assert_eq!(
        (tahap.mulai, tahap.selesai, tahap.target),
        (date(2021, 7, 1), date(2021, 7, 31), None)
    );
    loaded
}

// ---------------------------------------------------------------------------------------------
// 1. Every Excel form is accepted, with the right figures
// ---------------------------------------------------------------------------------------------

#[test]
fn default_site_loads_with_exact_figures() {
    let s = site(&[]);
    let loaded = assert_default_figures(s.path());
    assert!(loaded.warnings.is_empty());
    let rows: Vec<(String, usize)> = loaded
        .data
        .inputs
        .iter()
        .map(|i| (i.path.clone(), i.rows))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("data/wilayah.csv".to_string(), 5),
            ("data/program.csv".to_string(), 1),
            ("data/tahap.csv".to_string(), 1),
            ("data/alokasi.csv".to_string(), 2),
            ("data/realisasi.csv".to_string(), 3),
        ]
    );
}

#[test]
fn accepts_utf8_bom() {
    let s = site(&excel_export(",", "\n", true));
    assert_default_figures(s.path());
}

#[test]
fn accepts_semicolon_delimiter() {
    let s = site(&excel_export(";", "\n", false));
    assert_default_figures(s.path());
}

#[test]
fn accepts_tab_delimiter() {
    let s = site(&excel_export("\t", "\n", false));
    assert_default_figures(s.path());
}

/// DTKS and SIKS-NG exports separate fields with `|`.
#[test]
fn accepts_pipe_delimiter() {
    let s = site(&excel_export("|", "\r\n", false));
    assert_default_figures(s.path());
}

#[test]
fn accepts_crlf_line_ends() {
    let s = site(&excel_export(",", "\r\n", false));
    assert_default_figures(s.path());
}

#[test]
fn accepts_excel_semicolon_export_with_bom_and_crlf() {
    let s = site(&excel_export(";", "\r\n", true));
    assert_default_figures(s.path());
}

#[test]
fn accepts_header_names_in_any_case_with_spaces() {
    let s = site(&[
        (
            "data/wilayah.csv",
            " KODE ; Nama \n35;Jawa Timur\n35.75;Kota Pasuruan\n35.75.01;Gadingrejo\n\
             35.75.01.1001;Karangketug\n35.75.01.1002;Gentong\n"
                .to_string(),
        ),
        (
            "data/program.csv",
            "Kode,NAMA,Sumber Dana,Nilai-Per-KPM,  Periode  \n\
             BST,Bantuan Sosial Tunai,APBN,300000,bulanan\n"
                .to_string(),
        ),
        (
            "data/tahap.csv",
            "KODE\tNama\tMulai\tSelesai\tTarget\n2021-07\tJuli 2021\t2021-07-01\t2021-07-31\t\n"
                .to_string(),
        ),
        (
            "data/alokasi.csv",
            " Program ; TAHAP ;Kode_Wilayah; Penyalur ;KPM\n\
             BST;2021-07;35.75.01.1001;PT Pos Indonesia;10.000\n\
             BST;2021-07;35.75.01.1002;PT Pos Indonesia;8877\n"
                .to_string(),
        ),
        (
            "data/realisasi.csv",
            "PROGRAM;Tahap; Kode Wilayah ;penyalur;Tanggal;STATUS;Alasan;Kpm;NILAI\r\n\
             BST;2021-07;35.75.01.1001;PT Pos Indonesia;2021-07-13;tersalur;;9.500;Rp 2.850.000.000\r\n\
             BST;2021-07;35.75.01.1002;PT Pos Indonesia;14/07/2021;tersalur;;8000;2400000000\r\n\
             BST;2021-07;35.75.01.1002;PT Pos Indonesia;2021-07-14;gagal;tidak hadir;12;\r\n"
                .to_string(),
        ),
    ]);
    assert_default_figures(s.path());
}

#[test]
fn accepts_columns_in_any_order_and_extra_columns() {
    let s = site(&[
        (
            "data/alokasi.csv",
            "kpm,keterangan,kode_wilayah,penyalur,tahap,program\n\
             10.000,baru,35.75.01.1001,PT Pos Indonesia,2021-07,BST\n\
             8877,,35.75.01.1002,PT Pos Indonesia,2021-07,BST\n"
                .to_string(),
        ),
        (
            "data/wilayah.csv",
            "nama,kode\nJawa Timur,35\nKota Pasuruan,35.75\nGadingrejo,35.75.01\n\
             Karangketug,35.75.01.1001\nGentong,35.75.01.1002\n"
                .to_string(),
        ),
    ]);
    assert_default_figures(s.path());
}

#[test]
fn accepts_counts_with_and_without_thousands_dots() {
    for (alok, paid) in [
        ("18.877", "17.500"),
        ("18877", "17500"),
        (" 18.877 ", "17.500,00"),
    ] {
        let s = site(&[
            alokasi(&[&format!("BST,2021-07,35.75,PT Pos Indonesia,{alok}")]),
            realisasi(&[&format!(
                "BST,2021-07,35.75,PT Pos Indonesia,2021-07-13,tersalur,,\"{paid}\",Rp 1.000.000"
            )]),
        ]);
        let loaded = load_ok(s.path());
        assert_eq!(
            flat(figures(&loaded, "35.75")),
            (18_877, 18_877 * 300_000, 0, 17_500, 1_000_000, 0, 0),
            "{alok} / {paid}"
        );
        assert_eq!(
            flat(figures(&loaded, "35")),
            flat(figures(&loaded, "35.75"))
        );
        // Given for the kota itself: nothing belongs to its kelurahan.
        assert_eq!(figures(&loaded, "35.75.01.1001"), Angka::default());
    }
}

#[test]
fn accepts_money_forms() {
    // One tersalur row per form; the `;` file needs no quotes around `Rp2.500.000,-`.
    let s = site(&[(
        "data/realisasi.csv",
        "program;tahap;kode_wilayah;penyalur;tanggal;status;alasan;kpm;nilai\n\
         BST;2021-07;35.75.01.1001;PT Pos Indonesia;2021-07-13;tersalur;;10;Rp 2.500.000\n\
         BST;2021-07;35.75.01.1001;PT Pos Indonesia;2021-07-13;tersalur;;20;Rp2.500.000,-\n\
         BST;2021-07;35.75.01.1002;PT Pos Indonesia;2021-07-13;tersalur;;30;2500000\n"
            .to_string(),
    )]);
    let loaded = load_ok(s.path());
    let nilai: Vec<Option<u64>> = loaded.data.realisasi.iter().map(|r| r.nilai).collect();
    assert_eq!(nilai, vec![Some(2_500_000); 3]);
    let kota = figures(&loaded, "35.75");
    assert_eq!(kota.tersalur_kpm, 60);
    assert_eq!(kota.tersalur_nilai.jumlah, 7_500_000);
    assert_eq!(kota.tersalur_nilai.tanpa_nilai, 0);
    assert_eq!(
        figures(&loaded, "35.75.01.1001").tersalur_nilai.jumlah,
        5_000_000
    );

    // The same forms in a comma file, quoted where they contain a comma.
    let s = site(&[realisasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,10,Rp 2.500.000",
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,20,\"Rp2.500.000,-\"",
        "BST,2021-07,35.75.01.1002,PT Pos Indonesia,2021-07-13,tersalur,,30,2500000",
    ])]);
    let loaded = load_ok(s.path());
    let nilai: Vec<Option<u64>> = loaded.data.realisasi.iter().map(|r| r.nilai).collect();
    assert_eq!(nilai, vec![Some(2_500_000); 3]);
}

#[test]
fn missing_nilai_falls_back_to_nilai_per_kpm() {
    let s = site(&[realisasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,10,",
    ])]);
    let loaded = load_ok(s.path());
    assert_eq!(loaded.data.realisasi[0].nilai, Some(3_000_000));
}

#[test]
fn accepts_both_date_forms() {
    let s = site(&[
        (
            "data/tahap.csv",
            "kode,nama,mulai,selesai,target\n2021-07,Juli 2021,01/07/2021,2021-07-31,15/08/2021\n"
                .to_string(),
        ),
        realisasi(&[
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,1,",
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,13/07/2021,tersalur,,2,",
        ]),
    ]);
    let loaded = load_ok(s.path());
    let tanggal: Vec<_> = loaded.data.realisasi.iter().map(|r| r.tanggal).collect();
    assert_eq!(tanggal, vec![date(2021, 7, 13), date(2021, 7, 13)]);
    let t = &loaded.data.tahap[0];
    assert_eq!(
        (t.mulai, t.selesai, t.target),
        (date(2021, 7, 1), date(2021, 7, 31), Some(date(2021, 8, 15)))
    );
    assert_eq!(loaded.report.data_per, Some(date(2021, 7, 13)));
    assert_eq!(figures(&loaded, "35.75").tersalur_kpm, 3);
}

#[test]
fn skips_blank_trailing_rows() {
    let mut files = Vec::new();
    for (path, rows) in FILES {
        let width = rows[0].len();
        let mut text = csv(rows, ";", "\r\n");
        text.push_str(&";".repeat(width - 1));
        text.push_str("\r\n;;\r\n\r\n   \r\n");
        text.push_str(&";".repeat(width - 1));
        files.push((path, text));
    }
    let s = site(&files);
    let loaded = assert_default_figures(s.path());
    let rows: Vec<usize> = loaded.data.inputs.iter().map(|i| i.rows).collect();
    assert_eq!(rows, vec![5, 1, 1, 2, 3]);
}

#[test]
fn accepts_codes_in_any_case_and_undotted_region_codes() {
    let s = site(&[
        ("site.toml", format!("{SITE_TOML}kode = \"kemendagri\"\n")),
        alokasi(&[
            "bst,2021-07,3575011001,PT Pos Indonesia,10.000",
            "Bst,2021-07,35.75.01.1002,pt pos indonesia,8877",
        ]),
    ]);
    let loaded = load_ok(s.path());
    assert_eq!(figures(&loaded, "35.75").alokasi_kpm, 18_877);
    assert_eq!(figures(&loaded, "35.75.01.1001").alokasi_kpm, 10_000);
    // The penyalur is one, whatever its case; the first spelling is kept.
    assert_eq!(loaded.data.penyalur, vec!["PT Pos Indonesia".to_string()]);
}

#[test]
fn accepts_tersalur_and_gagal_in_any_case() {
    let s = site(&[realisasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13, Tersalur ,,5,",
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,GAGAL,meninggal,2,",
    ])]);
    let loaded = load_ok(s.path());
    let a = figures(&loaded, "35.75.01.1001");
    assert_eq!((a.tersalur_kpm, a.gagal_kpm), (5, 2));
}

// ---------------------------------------------------------------------------------------------
// 2. Each kind of error is rejected as file:line:column: 'value': …
// ---------------------------------------------------------------------------------------------

#[test]
fn rejects_malformed_count_in_english() {
    let s = site_en(&[realisasi(&[
        R_OK,
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,dua ratus,",
    ])]);
    let (lang, d) = input_errors(s.path());
    assert_eq!(lang, Lang::En);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:3:8: 'dua ratus': expected a whole number of KPM (e.g. 18.877)"
    );
    let item = &d.items()[0];
    assert_eq!(
        (
            item.file.as_str(),
            item.line,
            item.column,
            item.value.as_deref()
        ),
        ("data/realisasi.csv", 3, 8, Some("dua ratus"))
    );
}

#[test]
fn rejects_malformed_count_in_indonesian_by_default() {
    let s = site(&[realisasi(&[
        R_OK,
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,dua ratus,",
    ])]);
    let (lang, _) = input_errors(s.path());
    assert_eq!(lang, Lang::Id);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:3:8: 'dua ratus': seharusnya bilangan bulat KPM (mis. 18.877)"
    );
}

#[test]
fn rejects_every_malformed_count_form() {
    for bad in ["1,5", "12.5", "1e3", "12 KPM", "18.8770"] {
        let s = site_en(&[alokasi(&[&format!(
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,\"{bad}\""
        )])]);
        assert_eq!(
            only_message(s.path()),
            format!("data/alokasi.csv:2:5: '{bad}': expected a whole number of KPM (e.g. 18.877)")
        );
    }
    // An empty count is not zero.
    let s = site_en(&[alokasi(&["BST,2021-07,35.75.01.1001,PT Pos Indonesia,"])]);
    let m = only_message(s.path());
    assert!(m.starts_with("data/alokasi.csv:2:5: "), "{m}");
}

#[test]
fn rejects_malformed_money() {
    let s = site_en(&[realisasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,10,\"Rp 2,5 juta\"",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:2:9: 'Rp 2,5 juta': expected whole rupiah (e.g. Rp 2.500.000 or 2500000)"
    );
    let s = site(&[realisasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,10,dua juta",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:2:9: 'dua juta': seharusnya rupiah tanpa desimal (mis. Rp 2.500.000 atau 2500000)"
    );
}

#[test]
fn rejects_malformed_money_in_program_csv() {
    let s = site_en(&[(
        "data/program.csv",
        "kode,nama,sumber_dana,nilai_per_kpm,periode\nBST,Bantuan Sosial Tunai,APBN,300rb,bulanan\n"
            .to_string(),
    )]);
    let m = messages(s.path());
    assert_eq!(
        m[0],
        "data/program.csv:2:4: '300rb': expected whole rupiah (e.g. Rp 2.500.000 or 2500000)"
    );
}

#[test]
fn rejects_malformed_date() {
    let s = site_en(&[realisasi(&[
        R_OK,
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,13 Juli 2021,tersalur,,10,",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:3:5: '13 Juli 2021': expected a date (e.g. 2021-07-13 or 13/07/2021)"
    );
    for bad in ["2021-02-30", "07/13/2021", "2021-7"] {
        let s = site_en(&[realisasi(&[&format!(
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,{bad},tersalur,,10,"
        )])]);
        assert_eq!(
            only_message(s.path()),
            format!(
                "data/realisasi.csv:2:5: '{bad}': expected a date (e.g. 2021-07-13 or 13/07/2021)"
            )
        );
    }
    let s = site(&[(
        "data/tahap.csv",
        "kode,nama,mulai,selesai,target\n2021-07,Juli 2021,2021-07-01,31 Juli,\n".to_string(),
    )]);
    let m = messages(s.path());
    assert_eq!(
        m[0],
        "data/tahap.csv:2:4: '31 Juli': seharusnya tanggal (mis. 2021-07-13 atau 13/07/2021)"
    );
}

#[test]
fn rejects_unknown_region_code_with_suggestion() {
    // 35.75.01.2002 is one edit from 35.75.01.1002 and two from 35.75.01.1001.
    let s = site_en(&[alokasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,10.000",
        "BST,2021-07,35.75.01.2002,PT Pos Indonesia,8877",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/alokasi.csv:3:3: '35.75.01.2002': unknown region code: not in wilayah.csv; \
         did you mean '35.75.01.1002'?"
    );
    // Equally close to both kelurahan: the smaller code is suggested.
    let s = site(&[alokasi(&[
        "BST,2021-07,35.75.01.1003,PT Pos Indonesia,8877",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/alokasi.csv:2:3: '35.75.01.1003': kode wilayah tidak ada di wilayah.csv; \
         mungkin maksudnya '35.75.01.1001'?"
    );
    // Nothing close: no suggestion.
    let s = site_en(&[realisasi(&[
        "BST,2021-07,64.02,PT Pos Indonesia,2021-07-13,tersalur,,10,",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:2:3: '64.02': unknown region code: not in wilayah.csv"
    );
}

#[test]
fn rejects_malformed_region_code() {
    let s = site_en(&[alokasi(&["BST,2021-07,35.75.1,PT Pos Indonesia,8877"])]);
    assert_eq!(
        only_message(s.path()),
        "data/alokasi.csv:2:3: '35.75.1': expected a Kemendagri region code \
         (e.g. 35.75 or 35.75.01.1001)"
    );
}

#[test]
fn rejects_unknown_programme_with_suggestion() {
    let s = site_en(&[alokasi(&[
        "BSR,2021-07,35.75.01.1001,PT Pos Indonesia,10.000",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/alokasi.csv:2:1: 'BSR': unknown programme code: not in program.csv; \
         did you mean 'BST'?"
    );
    let s = site(&[alokasi(&[
        "PKH,2021-07,35.75.01.1001,PT Pos Indonesia,10.000",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/alokasi.csv:2:1: 'PKH': kode program tidak ada di program.csv"
    );
}

#[test]

fn suggests_programme_for_swapped_letters() {
    let s = site_en(&[alokasi(&[
        "BTS,2021-07,35.75.01.1001,PT Pos Indonesia,10.000",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/alokasi.csv:2:1: 'BTS': unknown programme code: not in program.csv; \
         did you mean 'BST'?"
    );
}

#[test]
fn rejects_unknown_tahap_with_suggestion() {
    let s = site_en(&[realisasi(&[
        "BST,2021-08,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,10,",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:2:2: '2021-08': unknown stage code: not in tahap.csv; \
         did you mean '2021-07'?"
    );
    let s = site(&[realisasi(&[
        "BST,2021-08,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,10,",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:2:2: '2021-08': kode tahap tidak ada di tahap.csv; \
         mungkin maksudnya '2021-07'?"
    );
}

#[test]
fn rejects_empty_programme_code() {
    let s = site_en(&[alokasi(&[",2021-07,35.75.01.1001,PT Pos Indonesia,10.000"])]);
    assert_eq!(
        only_message(s.path()),
        "data/alokasi.csv:2:1: must not be empty"
    );
}

#[test]
fn rejects_region_whose_parent_is_missing() {
    let s = site_en(&[wilayah_plus(&["35.75.02.1001,Pekuncen"])]);
    assert_eq!(
        only_message(s.path()),
        "data/wilayah.csv:7:1: '35.75.02.1001': its parent region '35.75.02' is not in wilayah.csv"
    );
    let s = site(&[wilayah_plus(&[
        "35.76,Kota Mojokerto",
        "35.77.01,Prajurit Kulon",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/wilayah.csv:8:1: '35.77.01': wilayah induk '35.77' tidak ada di wilayah.csv"
    );
}

#[test]

fn missing_parent_names_the_kode_column() {
    let s = site_en(&[(
        "data/wilayah.csv",
        "nama,kode\nJawa Timur,35\nKota Pasuruan,35.75\nGadingrejo,35.75.01\n\
         Karangketug,35.75.01.1001\nGentong,35.75.01.1002\nPekuncen,35.75.02.1001\n"
            .to_string(),
    )]);
    assert_eq!(
        only_message(s.path()),
        "data/wilayah.csv:7:2: '35.75.02.1001': its parent region '35.75.02' is not in wilayah.csv"
    );
}

#[test]
fn rejects_duplicate_region() {
    let s = site_en(&[wilayah_plus(&["35.75.01.1001,Karangketug Lagi"])]);
    assert_eq!(
        only_message(s.path()),
        "data/wilayah.csv:7:1: '35.75.01.1001': duplicate; already given on line 5"
    );
    // The same code undotted is the same region (when undotted codes are Kemendagri's).
    let s = site(&[
        ("site.toml", format!("{SITE_TOML}kode = \"kemendagri\"\n")),
        wilayah_plus(&["3575011002,Gentong"]),
    ]);
    assert_eq!(
        only_message(s.path()),
        "data/wilayah.csv:7:1: '3575011002': duplikat; sudah ada di baris 6"
    );
}

#[test]
fn rejects_duplicate_allocation() {
    let s = site_en(&[alokasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,10.000",
        "BST,2021-07,35.75.01.1002,PT Pos Indonesia,8877",
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,10.000",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/alokasi.csv:4:1: duplicate; already given on line 2"
    );
    // Same programme (other case), region (undotted) and penyalur (other case).
    let s = site(&[
        ("site.toml", format!("{SITE_TOML}kode = \"kemendagri\"\n")),
        alokasi(&[
            "BST,2021-07,35.75.01.1002,PT Pos Indonesia,8877",
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,10.000",
            "bst,2021-07,3575011001,PT POS INDONESIA,1",
        ]),
    ]);
    assert_eq!(
        only_message(s.path()),
        "data/alokasi.csv:4:1: duplikat; sudah ada di baris 3"
    );
    // Another penyalur is another allocation.
    let s = site(&[alokasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,10.000",
        "BST,2021-07,35.75.01.1001,Bank Jatim,8877",
    ])]);
    assert_eq!(
        figures(&load_ok(s.path()), "35.75.01.1001").alokasi_kpm,
        18_877
    );
}

#[test]
fn rejects_duplicate_programme_and_tahap() {
    let s = site_en(&[(
        "data/program.csv",
        "kode,nama,sumber_dana,nilai_per_kpm,periode\n\
         BST,Bantuan Sosial Tunai,APBN,300000,bulanan\n\
         bst,Bantuan Sosial Tunai lagi,APBN,300000,bulanan\n"
            .to_string(),
    )]);
    assert_eq!(
        only_message(s.path()),
        "data/program.csv:3:1: 'bst': duplicate; already given on line 2"
    );
    let s = site_en(&[(
        "data/tahap.csv",
        "kode,nama,mulai,selesai,target\n2021-07,Juli 2021,2021-07-01,2021-07-31,\n\
         2021-07,Juli 2021,2021-07-01,2021-07-31,\n"
            .to_string(),
    )]);
    assert_eq!(
        only_message(s.path()),
        "data/tahap.csv:3:1: '2021-07': duplicate; already given on line 2"
    );
}

#[test]
fn rejects_negative_count() {
    let s = site_en(&[realisasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,-5,",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:2:8: '-5': must not be negative; expected a whole number of KPM \
         (e.g. 18.877)"
    );
    let s = site(&[alokasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,-1.000",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/alokasi.csv:2:5: '-1.000': tidak boleh negatif; seharusnya bilangan bulat KPM \
         (mis. 18.877)"
    );
}

#[test]
fn rejects_negative_money() {
    let s = site_en(&[realisasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,5,-Rp 5.000",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:2:9: '-Rp 5.000': must not be negative; expected whole rupiah \
         (e.g. Rp 2.500.000 or 2500000)"
    );
}

#[test]
fn rejects_gagal_without_alasan() {
    let s = site_en(&[realisasi(&[
        R_OK,
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,gagal,,3,",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:3:7: a 'gagal' row needs a reason (column alasan)"
    );
    let s = site(&[realisasi(&[
        R_OK,
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,gagal,   ,3,",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:3:7: baris 'gagal' harus punya alasan (kolom alasan)"
    );
}

#[test]
fn rejects_bad_status() {
    let s = site_en(&[realisasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,terkirim,,3,",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:2:6: 'terkirim': expected 'tersalur' or 'gagal'"
    );
    let s = site(&[realisasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,,,3,",
    ])]);
    let m = only_message(s.path());
    assert!(m.starts_with("data/realisasi.csv:2:6: "), "{m}");
    assert!(m.ends_with("seharusnya 'tersalur' atau 'gagal'"), "{m}");
}

#[test]
fn rejects_bad_periode() {
    let s = site_en(&[(
        "data/program.csv",
        "kode,nama,sumber_dana,nilai_per_kpm,periode\n\
         BST,Bantuan Sosial Tunai,APBN,300000,bulanan\n\
         PKH,Program Keluarga Harapan,APBN,,mingguan\n"
            .to_string(),
    )]);
    assert_eq!(
        only_message(s.path()),
        "data/program.csv:3:5: 'mingguan': expected one of bulanan, dua_bulanan, triwulanan, \
         tahap, sekali"
    );
}

#[test]
fn rejects_missing_required_column() {
    let s = site_en(&[(
        "data/alokasi.csv",
        "program,tahap,kode_wilayah,kpm\nBST,2021-07,35.75.01.1001,10.000\n".to_string(),
    )]);
    assert_eq!(
        only_message(s.path()),
        "data/alokasi.csv:1: the header has no column 'penyalur'"
    );
    // Every missing column is named.
    let s = site(&[(
        "data/realisasi.csv",
        "program,tahap,kode_wilayah,penyalur,kpm\nBST,2021-07,35.75.01.1001,Pos,1\n".to_string(),
    )]);
    assert_eq!(
        messages(s.path()),
        vec![
            "data/realisasi.csv:1: kolom 'tanggal' tidak ada di baris judul",
            "data/realisasi.csv:1: kolom 'status' tidak ada di baris judul",
            "data/realisasi.csv:1: kolom 'alasan' tidak ada di baris judul",
        ]
    );
}

#[test]
fn rejects_missing_wilayah_file() {
    let s = site_en(&[]);
    fs::remove_file(s.path().join("data/wilayah.csv")).unwrap();
    let m = messages(s.path());
    assert_eq!(m[0], "data/wilayah.csv: this required file does not exist");
}

#[test]
fn rejects_realisation_outside_its_tahap() {
    let s = site_en(&[realisasi(&[
        R_OK,
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2031-07-27,tersalur,,5,",
    ])]);
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:3:5: '2031-07-27': outside stage 2021-07 (2021-07-01 to 2021-07-31); \
         check the date or the stage's dates in tahap.csv"
    );
}

#[test]
fn one_bad_cell_gives_one_error_not_a_cascade() {
    // a bad periode still registers the programme, so rows using BST are not "unknown"
    let s = site_en(&[(
        "data/program.csv",
        "kode,nama,sumber_dana,nilai_per_kpm,periode\nBST,Bantuan Sosial Tunai,APBN,300000,bulan\n"
            .to_string(),
    )]);
    let m = messages(s.path());
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].starts_with("data/program.csv:2:5: 'bulan': "), "{m:?}");
    // an empty region name still registers the region
    let s = site_en(&[wilayah_plus(&[])]);
    let path = s.path().join("data/wilayah.csv");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("35.75.01.1001,Karangketug", "35.75.01.1001,");
    fs::write(&path, text).unwrap();
    let m = messages(s.path());
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].starts_with("data/wilayah.csv:"), "{m:?}");
    // a tahap with a bad date still registers the tahap, and rows in it are not checked
    // against its placeholder dates
    let s = site_en(&[(
        "data/tahap.csv",
        "kode,nama,mulai,selesai,target\n2021-07,Juli 2021,2021-07-xx,2021-07-31,\n".to_string(),
    )]);
    let m = messages(s.path());
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with("data/tahap.csv:2:3: '2021-07-xx': "),
        "{m:?}"
    );
    // a missing wilayah.csv is named once, not once per row that uses a region
    let s = site_en(&[]);
    fs::remove_file(s.path().join("data/wilayah.csv")).unwrap();
    assert_eq!(messages(s.path()).len(), 1);
}

#[test]
fn files_salur_does_not_read_are_named_in_a_warning() {
    let s = site_en(&[]);
    fs::write(s.path().join("data/Alokasi.CSV"), "x").unwrap();
    fs::write(s.path().join("data/Rekap Juli.xlsx"), "x").unwrap();
    fs::write(s.path().join("data/README.md"), "notes").unwrap();
    let loaded = load_ok(s.path());
    let w: Vec<String> = loaded
        .warnings
        .items()
        .iter()
        .map(|d| d.message(Lang::En))
        .collect();
    assert_eq!(
        w,
        vec![
            "data/Alokasi.CSV: warning: salur does not read this file; did you mean 'alokasi.csv'?"
                .to_string(),
            "data/Rekap Juli.xlsx: warning: salur does not read this file; a spreadsheet is read \
             when it has an input's name (e.g. realisasi.xlsx), or save it as CSV UTF-8"
                .to_string(),
        ]
    );
}

#[test]
fn content_pages_may_not_take_salur_s_own_names() {
    let s = site_en(&[]);
    fs::create_dir_all(s.path().join("content")).unwrap();
    fs::write(
        s.path().join("content/index.md"),
        "+++\njudul = \"X\"\n+++\n",
    )
    .unwrap();
    // the page plan claims every output path once: `check` finds it, as `build` would
    let Err(Error::Input { lang, diagnostics }) = salur::check(s.path()) else {
        panic!("content/index.md must be refused");
    };
    assert_eq!(
        diagnostics
            .items()
            .iter()
            .map(|d| d.message(lang))
            .collect::<Vec<_>>(),
        vec![
            "content/index.md: would be published as index.html, which salur makes itself \
             (the home page); rename it"
                .to_string()
        ]
    );
    fs::remove_file(s.path().join("content/index.md")).unwrap();
    fs::write(
        s.path().join("content/Jadwal Penyaluran.md"),
        "+++\njudul = \"Jadwal\"\n+++\nTeks.\n",
    )
    .unwrap();
    let loaded = load_ok(s.path());
    assert_eq!(loaded.content.halaman[0].slug, "jadwal-penyaluran");
}

#[test]
fn missing_programme_or_tahap_file_is_named_once() {
    let s = site_en(&[]);
    fs::remove_file(s.path().join("data/program.csv")).unwrap();
    fs::remove_file(s.path().join("data/tahap.csv")).unwrap();
    assert_eq!(
        messages(s.path()),
        vec![
            "data/program.csv: this required file does not exist".to_string(),
            "data/tahap.csv: this required file does not exist".to_string(),
        ]
    );
}

#[test]
fn excel_sep_line_is_understood_and_lines_still_count() {
    let s = site_en(&[realisasi(&[
        R_OK,
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,dua ratus,",
    ])]);
    let path = s.path().join("data/realisasi.csv");
    let text = fs::read_to_string(&path).unwrap().replace(',', ";");
    fs::write(&path, format!("sep=;\n{text}")).unwrap();
    assert_eq!(
        only_message(s.path()),
        "data/realisasi.csv:4:8: 'dua ratus': expected a whole number of KPM (e.g. 18.877)"
    );
}

#[test]
fn rejects_tahap_that_ends_before_it_starts() {
    let s = site_en(&[(
        "data/tahap.csv",
        "kode,nama,mulai,selesai,target\n2021-07,Juli 2021,2021-07-01,2021-07-31,\n\
         2021-08,Agustus 2021,31/08/2021,01/08/2021,\n"
            .to_string(),
    )]);
    assert_eq!(
        only_message(s.path()),
        "data/tahap.csv:3:4: '01/08/2021': ends before it starts (31/08/2021)"
    );
    let s = site(&[(
        "data/tahap.csv",
        "kode,nama,mulai,selesai,target\n2021-07,Juli 2021,2021-07-01,2021-07-31,\n\
         2021-08,Agustus 2021,2021-08-31,2021-08-01,\n"
            .to_string(),
    )]);
    assert_eq!(
        only_message(s.path()),
        "data/tahap.csv:3:4: '2021-08-01': tanggal selesai sebelum tanggal mulai (2021-08-31)"
    );
}

#[test]
fn rejects_text_that_is_not_utf8() {
    // Excel's "CSV (Comma delimited)" writes Windows-1252: é is the single byte 0xE9.
    let s = site_en(&[]);
    let mut bytes = csv(WILAYAH, ",", "\r\n").into_bytes();
    bytes.extend_from_slice(b"35.75.01.1003,Pok\xe9mon\r\n");
    fs::write(s.path().join("data/wilayah.csv"), bytes).unwrap();
    assert_eq!(
        only_message(s.path()),
        "data/wilayah.csv:7:2: 'Pok\u{fffd}mon': not UTF-8 text; in Excel save as 'CSV UTF-8 \
         (Comma delimited)'"
    );
}

#[test]
fn columns_follow_the_file_not_the_contract() {
    // The kpm column is first, the region code seventh.
    let s = site_en(&[(
        "data/realisasi.csv",
        "kpm,nilai,status,alasan,tanggal,penyalur,kode_wilayah,tahap,program\n\
         dua ratus,,tersalur,,2021-07-13,PT Pos Indonesia,35.75.01.1001,2021-07,BST\n\
         10,,tersalur,,2021-07-13,PT Pos Indonesia,64.02,2021-07,BST\n"
            .to_string(),
    )]);
    assert_eq!(
        messages(s.path()),
        vec![
            "data/realisasi.csv:2:1: 'dua ratus': expected a whole number of KPM (e.g. 18.877)",
            "data/realisasi.csv:3:7: '64.02': unknown region code: not in wilayah.csv",
        ]
    );
}

#[test]
fn line_numbers_survive_crlf_blank_lines_and_multiline_cells() {
    let s = site_en(&[(
        "data/realisasi.csv",
        format!(
            "{R_HEADER}\r\n\
             BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,gagal,\"tidak hadir\r\n(sakit)\",1,\r\n\
             \r\n\
             BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,dua ratus,\r\n\
             BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,tiga,\r\n"
        ),
    )]);
    assert_eq!(
        messages(s.path()),
        vec![
            "data/realisasi.csv:5:8: 'dua ratus': expected a whole number of KPM (e.g. 18.877)",
            "data/realisasi.csv:6:8: 'tiga': expected a whole number of KPM (e.g. 18.877)",
        ]
    );
}

#[test]
fn short_row_is_reported_at_its_line() {
    let s = site_en(&[realisasi(&[R_OK, "BST,2021-07,35.75.01.1001"])]);
    let m = only_message(s.path());
    assert_eq!(
        m,
        "data/realisasi.csv:3:4: this row has only 3 of the 8 fields needed; check the \
         delimiters and empty cells"
    );
}

#[test]
fn error_display_is_the_report() {
    let s = site_en(&[realisasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,dua ratus,",
    ])]);
    let err = salur::load(s.path()).err().expect("must fail");
    let Error::Input { lang, diagnostics } = &err else {
        panic!("expected Error::Input, got {err}");
    };
    assert_eq!(err.to_string(), diagnostics.report(*lang));
    assert_eq!(
        err.to_string(),
        "data/realisasi.csv:2:8: 'dua ratus': expected a whole number of KPM (e.g. 18.877)\n"
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Every problem is collected
// ---------------------------------------------------------------------------------------------

#[test]
fn collects_every_problem_in_order() {
    let s = site_en(&[realisasi(&[
        R_OK,
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,dua ratus,",
        R_OK,
        "BST,2021-07,35.75.01.1002,PT Pos Indonesia,2021-13-01,tersalur,,3,",
        "BST,2021-07,35.75.01.1002,PT Pos Indonesia,2021-07-13,dibayar,,3,",
        R_OK,
    ])]);
    let (_, d) = input_errors(s.path());
    assert_eq!(d.error_count(), 3);
    let lines: Vec<(u64, u64)> = d.items().iter().map(|i| (i.line, i.column)).collect();
    assert_eq!(lines, vec![(3, 8), (5, 5), (6, 6)]);
    assert_eq!(
        messages(s.path()),
        vec![
            "data/realisasi.csv:3:8: 'dua ratus': expected a whole number of KPM (e.g. 18.877)",
            "data/realisasi.csv:5:5: '2021-13-01': expected a date (e.g. 2021-07-13 or 13/07/2021)",
            "data/realisasi.csv:6:6: 'dibayar': expected 'tersalur' or 'gagal'",
        ]
    );
}

#[test]
fn collects_every_problem_of_one_row() {
    let s = site_en(&[realisasi(&[
        "BTX,2021-07,35.75.01.1001,PT Pos Indonesia,kemarin,tersalur,,dua ratus,",
    ])]);
    let m = messages(s.path());
    let places: Vec<&str> = m.iter().map(|m| &m[..m.find(": ").unwrap()]).collect();
    assert_eq!(
        places,
        vec![
            "data/realisasi.csv:2:1",
            "data/realisasi.csv:2:5",
            "data/realisasi.csv:2:8",
        ],
        "{m:#?}"
    );
}

#[test]

fn collects_bad_nilai_alongside_other_problems_of_the_row() {
    let s = site_en(&[
        realisasi(&[
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,dua ratus,sejuta",
        ]),
        (
            "data/alokasi.csv",
            lines(
                "program,tahap,kode_wilayah,penyalur,kpm,nilai",
                &["BST,2021-07,35.75.01.1001,PT Pos Indonesia,banyak,sejuta"],
            ),
        ),
    ]);
    let m = messages(s.path());
    let places: Vec<&str> = m.iter().map(|m| &m[..m.find(": ").unwrap()]).collect();
    assert_eq!(
        places,
        vec![
            "data/alokasi.csv:2:5",
            "data/alokasi.csv:2:6",
            "data/realisasi.csv:2:8",
            "data/realisasi.csv:2:9",
        ],
        "{m:#?}"
    );
}

#[test]
fn collects_problems_across_files() {
    let s = site_en(&[
        wilayah_plus(&["35.7x,Kota Entah"]),
        (
            "data/program.csv",
            "kode,nama,sumber_dana,nilai_per_kpm,periode\n\
             BST,Bantuan Sosial Tunai,APBN,300000,bulanan\n\
             PKH,Program Keluarga Harapan,APBN,,mingguan\n"
                .to_string(),
        ),
        realisasi(&[
            R_OK,
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,dua ratus,",
        ]),
        (
            "site.toml",
            "title = \"Uji\"\nlanguage = \"en\"\n".to_string(),
        ),
        (
            "content/tentang.md",
            "+++\njudul = \"Tentang\"\n+++\nIsi.\n".to_string(),
        ),
    ]);
    assert_eq!(
        messages(s.path()),
        vec![
            "data/wilayah.csv:7:1: '35.7x': expected a Kemendagri region code \
             (e.g. 35.75 or 35.75.01.1001)",
            "data/program.csv:3:5: 'mingguan': expected one of bulanan, dua_bulanan, \
             triwulanan, tahap, sekali",
            "data/realisasi.csv:3:8: 'dua ratus': expected a whole number of KPM (e.g. 18.877)",
        ]
    );
}

fn many_bad_rows(n: usize) -> (&'static str, String) {
    let rows: Vec<String> = (0..n)
        .map(|i| format!("BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,x{i},"))
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    realisasi(&refs)
}

#[test]
fn keeps_fifty_problems_and_counts_the_rest() {
    let s = site_en(&[many_bad_rows(63)]);
    let (lang, d) = input_errors(s.path());
    assert_eq!(d.items().len(), 50);
    assert_eq!(d.error_count(), 63);
    let lines: Vec<u64> = d.items().iter().map(|i| i.line).collect();
    assert_eq!(lines, (2..=51).collect::<Vec<u64>>());
    assert_eq!(
        d.items()[49].message(lang),
        "data/realisasi.csv:51:8: 'x49': expected a whole number of KPM (e.g. 18.877)"
    );
    let report = d.report(lang);
    assert_eq!(report.lines().count(), 51);
    assert!(report.ends_with("\n… and 13 more problems\n"), "{report}");

    let s = site(&[many_bad_rows(51)]);
    let (lang, d) = input_errors(s.path());
    assert_eq!(d.items().len(), 50);
    let report = d.report(lang);
    assert!(report.ends_with("\n… dan 1 masalah lain\n"), "{report}");

    // Exactly fifty: nothing hidden, no count line.
    let s = site_en(&[many_bad_rows(50)]);
    let (lang, d) = input_errors(s.path());
    assert_eq!(d.items().len(), 50);
    assert!(!d.report(lang).contains('…'));
}

#[test]
fn hidden_problems_are_counted_across_files() {
    // 55 in alokasi, then one in realisasi: 50 shown, 6 counted.
    let rows: Vec<String> = (0..55)
        .map(|i| format!("BST,2021-07,35.75.01.1001,Pos {i},y{i}"))
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    let s = site_en(&[
        alokasi(&refs),
        realisasi(&["BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,dua ratus,"]),
    ]);
    let (lang, d) = input_errors(s.path());
    assert_eq!(d.items().len(), 50);
    assert_eq!(d.error_count(), 56);
    assert!(
        d.report(lang).ends_with("\n… and 6 more problems\n"),
        "{}",
        d.report(lang)
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Privacy
// ---------------------------------------------------------------------------------------------

const NIK: &str = "3575012345670001";

#[test]
fn rejects_personal_data_columns() {
    for (file, header, column) in [
        (
            "data/alokasi.csv",
            "program,tahap,kode_wilayah,penyalur,kpm,nik",
            6,
        ),
        (
            "data/alokasi.csv",
            "NIK,program,tahap,kode_wilayah,penyalur,kpm",
            1,
        ),
        (
            "data/realisasi.csv",
            "program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm,no_kk",
            9,
        ),
        (
            "data/realisasi.csv",
            "program,tahap,kode_wilayah,nama_penerima,penyalur,tanggal,status,alasan,kpm",
            4,
        ),
        (
            "data/realisasi.csv",
            "program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm, No KK ",
            9,
        ),
        (
            "data/alokasi.csv",
            "program,tahap,kode_wilayah,penyalur,kpm,nama",
            6,
        ),
    ] {
        let cells = header.split(',').count();
        let row = vec!["x"; cells].join(",");
        let s = site_en(&[(file, format!("{header}\n{row}\n"))]);
        let m = only_message(s.path());
        let name = header.split(',').nth(column - 1).unwrap().trim();
        assert!(
            m.starts_with(&format!("{file}:1:{column}: '{name}': privacy: ")),
            "{header}: {m}"
        );
    }
    // In Indonesian.
    let s = site(&[(
        "data/alokasi.csv",
        "program,tahap,kode_wilayah,penyalur,kpm,NIK\nBST,2021-07,35.75.01.1001,Pos,1,x\n"
            .to_string(),
    )]);
    let m = only_message(s.path());
    assert!(
        m.starts_with("data/alokasi.csv:1:6: 'NIK': privasi: "),
        "{m}"
    );
}

#[test]
fn nama_is_allowed_where_it_names_a_region_programme_or_stage() {
    // The default site has `nama` in wilayah.csv, program.csv and tahap.csv.
    let s = site(&[]);
    load_ok(s.path());
}

#[test]
fn rejects_nik_shaped_cells_anywhere_and_masks_them() {
    let masked = "3575**********01";
    let cases: Vec<((&str, String), &str)> = vec![
        (
            wilayah_plus(&[&format!("35.75.01.1003,{NIK}")]),
            "data/wilayah.csv:7:2",
        ),
        (
            (
                "data/program.csv",
                format!(
                    "kode,nama,sumber_dana,nilai_per_kpm,periode\n\
                     BST,Bantuan Sosial Tunai,APBN,300000,bulanan\n\
                     PKH,Program Keluarga Harapan,{NIK},,tahap\n"
                ),
            ),
            "data/program.csv:3:3",
        ),
        (
            (
                "data/tahap.csv",
                format!(
                    "kode,nama,mulai,selesai,target\n2021-07,Juli 2021,2021-07-01,2021-07-31,\n\
                     2021-08,{NIK},2021-08-01,2021-08-31,\n"
                ),
            ),
            "data/tahap.csv:3:2",
        ),
        (
            alokasi(&[
                "BST,2021-07,35.75.01.1001,PT Pos Indonesia,10.000",
                &format!("BST,2021-07,35.75.01.1002,{NIK},8877"),
            ]),
            "data/alokasi.csv:3:4",
        ),
        (
            realisasi(&[
                R_OK,
                R_OK,
                &format!("BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,gagal,{NIK},1,"),
            ]),
            "data/realisasi.csv:4:7",
        ),
        (
            // An extra column the contract does not know is still checked.
            (
                "data/realisasi.csv",
                format!(
                    "{R_HEADER},keterangan\n{R_OK},ok\n\
                     BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,1,,{NIK}\n"
                ),
            ),
            "data/realisasi.csv:3:10",
        ),
    ];
    for (file, place) in cases {
        let s = site_en(&[file]);
        let (lang, d) = input_errors(s.path());
        let report = d.report(lang);
        assert!(!report.contains(NIK), "the NIK is published:\n{report}");
        assert!(
            !report.contains("12345670"),
            "the NIK is published:\n{report}"
        );
        let m = only_message(s.path());
        assert!(
            m.starts_with(&format!("{place}: '{masked}': privacy: ")),
            "{place}: {m}"
        );
        assert!(d.items()[0].is_privacy());
    }
}

#[test]
fn rejects_nik_written_as_excel_text_quoted_or_padded() {
    for cell in [
        format!("'{NIK}"),
        format!("\"{NIK}\""),
        format!(" {NIK} "),
        format!("          {NIK}          "),
        format!("\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}{NIK}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}"),
    ] {
        let s = site(&[realisasi(&[&format!(
            "BST,2021-07,35.75.01.1001,{cell},2021-07-13,tersalur,,1,"
        )])]);
        let (lang, d) = match salur::load(s.path()) {
            Ok(l) => panic!("{cell:?} got through as penyalur {:?}", l.data.penyalur),
            Err(Error::Input { lang, diagnostics }) => (lang, diagnostics),
            Err(e) => panic!("{e}"),
        };
        assert_eq!(d.items().len(), 1, "{}", d.report(lang));
        let m = d.items()[0].message(lang);
        assert!(m.starts_with("data/realisasi.csv:2:4: '"), "{cell:?}: {m}");
        assert!(m.contains("**********01': privasi: "), "{cell:?}: {m}");
        assert!(!m.contains(NIK), "{m}");
    }
}

#[test]
fn rejects_nik_inside_text_and_in_a_header() {
    let s = site_en(&[realisasi(&[
        R_OK,
        &format!(
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,gagal,\
             \"meninggal (NIK {NIK}, KK 3575019876540002)\",1,"
        ),
    ])]);
    let m = only_message(s.path());
    assert_eq!(
        m,
        "data/realisasi.csv:3:7: 'meninggal (NIK 3575**********01, KK 3575**********02)': \
         privacy: this cell looks like a NIK (16 digits); recipient-level data must not be in \
         the site's inputs"
    );
    let s = site_en(&[(
        "data/alokasi.csv",
        format!("{A_HEADER},{NIK}\nBST,2021-07,35.75.01.1001,PT Pos Indonesia,10.000,1\n"),
    )]);
    let m = only_message(s.path());
    assert!(
        m.starts_with("data/alokasi.csv:1:6: '3575**********01': privacy: "),
        "{m}"
    );
}

#[test]
fn fifteen_and_seventeen_digits_are_not_nik() {
    // Long numbers that are not NIK-shaped are judged as what their column holds.
    let s = site_en(&[realisasi(&[
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,1,357501234567000",
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,1,35750123456700012",
    ])]);
    let loaded = load_ok(s.path());
    let nilai: Vec<Option<u64>> = loaded.data.realisasi.iter().map(|r| r.nilai).collect();
    assert_eq!(
        nilai,
        vec![Some(357_501_234_567_000), Some(35_750_123_456_700_012)]
    );
}

// ---------------------------------------------------------------------------------------------
// 5. A NIK stops the build before anything is written
// ---------------------------------------------------------------------------------------------

#[test]
fn nik_in_any_input_stops_build_and_writes_nothing() {
    let cases: Vec<(&str, String)> = vec![
        wilayah_plus(&[&format!("35.75.01.1003,{NIK}")]),
        (
            "data/program.csv",
            format!(
                "kode,nama,sumber_dana,nilai_per_kpm,periode\n\
                 BST,Bantuan Sosial Tunai,{NIK},300000,bulanan\n"
            ),
        ),
        (
            "data/tahap.csv",
            format!("kode,nama,mulai,selesai,target\n2021-07,{NIK},2021-07-01,2021-07-31,\n"),
        ),
        alokasi(&[&format!("BST,2021-07,35.75.01.1001,PT Pos Indonesia,{NIK}")]),
        realisasi(&[&format!(
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,gagal,{NIK},1,"
        )]),
    ];
    for case in cases {
        let file = case.0;
        let s = site(&[case]);
        let out = tempfile::tempdir().unwrap();
        let public = out.path().join("site").join("public");
        let result = salur::build(&BuildOptions {
            root: s.path().to_path_buf(),
            output: Some(public.clone()),
            base_url: None,
        });
        match result {
            Err(Error::Input { diagnostics, lang }) => {
                assert!(
                    diagnostics
                        .items()
                        .iter()
                        .any(|d| d.is_privacy() && d.file == file),
                    "{file}: {}",
                    diagnostics.report(lang)
                );
                assert!(!diagnostics.report(lang).contains(NIK));
            }
            Err(e) => panic!("{file}: expected Error::Input, got {e}"),
            Ok(_) => panic!("{file}: a NIK was built into a site"),
        }
        assert!(!public.exists(), "{file}: output written");
        assert!(
            !staging_beside(&out.path().join("site")),
            "{file}: staging left behind"
        );
        assert!(
            !out.path().join("site").exists(),
            "{file}: the output's parent was created"
        );
        // The default output, root/public, is not written either.
        let default = salur::build(&BuildOptions {
            root: s.path().to_path_buf(),
            output: None,
            base_url: None,
        });
        assert!(matches!(default, Err(Error::Input { .. })));
        assert!(!s.path().join("public").exists(), "{file}");
        assert!(!staging_beside(s.path()), "{file}");
    }
}

// ---------------------------------------------------------------------------------------------
// 6. A failed build leaves the previous site untouched
// ---------------------------------------------------------------------------------------------

/// Whether `dir` holds a staging folder of `public` (`.public.staging-<pid>`, one per process).
fn staging_beside(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".public.staging")
        })
    })
}

#[derive(Debug, PartialEq, Eq)]
enum Entry {
    Dir,
    File(Vec<u8>, SystemTime),
}

fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Entry>) {
        for e in fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            let meta = fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                out.insert(rel, Entry::Dir);
                walk(root, &path, out);
            } else {
                out.insert(
                    rel,
                    Entry::File(fs::read(&path).unwrap(), meta.modified().unwrap()),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

#[test]
fn failed_build_leaves_previous_site_byte_identical() {
    let s = site(&[]);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let options = BuildOptions {
        root: s.path().to_path_buf(),
        output: Some(public.clone()),
        base_url: None,
    };
    let summary = salur::build(&options).expect("the valid site builds");
    assert!(summary.files > 0);
    let before = snapshot(&public);
    let manifest_before = fs::read(out.path().join(".public.salur-manifest")).unwrap();
    assert!(
        before
            .keys()
            .any(|p| p.extension().is_some_and(|e| e == "html")),
        "{:?}",
        before.keys().collect::<Vec<_>>()
    );
    assert!(!staging_beside(out.path()));

    std::thread::sleep(std::time::Duration::from_millis(30));
    let (path, text) = realisasi(&[
        R_OK,
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,dua ratus,",
    ]);
    fs::write(s.path().join(path), text).unwrap();
    match salur::build(&options) {
        Err(Error::Input { diagnostics, lang }) => assert_eq!(
            diagnostics.items()[0].message(lang),
            "data/realisasi.csv:3:8: 'dua ratus': seharusnya bilangan bulat KPM (mis. 18.877)"
        ),
        Err(e) => panic!("expected Error::Input, got {e}"),
        Ok(_) => panic!("a broken input was built"),
    }
    assert_eq!(snapshot(&public), before, "the published site changed");
    // beside it, only the manifest of the published build, unchanged; no staging folder
    let mut siblings: Vec<_> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    siblings.sort();
    assert_eq!(
        siblings,
        vec![
            std::ffi::OsString::from(".public.salur-angka"),
            std::ffi::OsString::from(".public.salur-manifest"),
            std::ffi::OsString::from(".public.salur-tembolok"),
            std::ffi::OsString::from("public")
        ]
    );
    assert_eq!(
        fs::read(out.path().join(".public.salur-manifest")).unwrap(),
        manifest_before
    );
}

// ---------------------------------------------------------------------------------------------
// 7. The command line: exit 1 on data errors, 2 on usage errors
// ---------------------------------------------------------------------------------------------

fn salur_cmd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_salur"))
}

#[test]
fn cli_build_exits_1_on_data_errors() {
    let s = site(&[realisasi(&[
        R_OK,
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,tersalur,,dua ratus,",
    ])]);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let o = salur_cmd()
        .arg("build")
        .arg("--root")
        .arg(s.path())
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "data/realisasi.csv:3:8: 'dua ratus': seharusnya bilangan bulat KPM (mis. 18.877)"
        ),
        "{stderr}"
    );
    assert!(!public.exists());
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);

    // check fails the same way.
    let o = salur_cmd()
        .arg("check")
        .arg("--root")
        .arg(s.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("data/realisasi.csv:3:8: 'dua ratus': "),
        "{stderr}"
    );
}

#[test]
fn cli_build_exits_1_on_nik_without_printing_it() {
    let s = site_en(&[realisasi(&[&format!(
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-13,gagal,{NIK},1,"
    )])]);
    let out = tempfile::tempdir().unwrap();
    let o = salur_cmd()
        .arg("build")
        .arg("--root")
        .arg(s.path())
        .arg("--output")
        .arg(out.path().join("public"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("data/realisasi.csv:2:7: '3575**********01': privacy: "),
        "{stderr}"
    );
    assert!(!stderr.contains(NIK) && !stdout.contains(NIK));
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
}

/// `--base-url` is checked as `base_url` is: an address that is not absolute http(s) with a
/// host, or that holds a quote or a space, stops the build before anything is written, naming
/// the option, the value and what is expected; a good one is normalised and used.
#[test]
fn cli_build_refuses_a_bad_base_url() {
    let s = site(&[]);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    for (url, want) in [
        (
            "javascript:alert(1)",
            "base_url harus alamat lengkap yang diawali http://",
        ),
        (
            "https:///bansos/",
            "base_url perlu nama host sesudah https://",
        ),
        ("https://x.org/a\"b/", "base_url tidak boleh memuat '\"'"),
        ("https://x.org/a b/", "base_url tidak boleh memuat spasi"),
        ("/bansos/", "base_url harus alamat lengkap"),
        (
            "https://user:pw@x.org/",
            "base_url tidak boleh memuat nama pengguna atau sandi",
        ),
        ("https://x.org/?a=1", "base_url tidak boleh memuat ? atau #"),
        // printed on every page: the NIK guard, the number masked in the message
        (
            "https://x.org/3575012345670002/",
            "--base-url:1:15: '3575**********02': privasi",
        ),
    ] {
        let o = salur_cmd()
            .arg("build")
            .arg("--root")
            .arg(s.path())
            .arg("--output")
            .arg(&public)
            .arg("--base-url")
            .arg(url)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{url}: {stderr}");
        assert!(
            stderr.contains(&format!("--base-url: '{url}': {want}")) || stderr.contains(want),
            "{url}: {stderr}"
        );
        assert!(!stderr.contains("3575012345670002"), "{stderr}");
        assert!(!public.exists(), "{url}");
    }
    let o = salur_cmd()
        .arg("build")
        .arg("--root")
        .arg(s.path())
        .arg("--output")
        .arg(&public)
        .arg("--base-url")
        .arg("HTTPS://Dinsos.Example.go.id/bansos")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let index = fs::read_to_string(public.join("index.html")).unwrap();
    assert!(
        index.contains(
            "<link rel=\"canonical\" href=\"https://dinsos.example.go.id/bansos/index.html\">"
        ),
        "{index}"
    );
}

#[test]
fn cli_exits_2_on_usage_errors() {
    for args in [
        &["frobnicate"][..],
        &[],
        &["build", "--no-such-flag"],
        &["build", "--root"],
        &["check", "extra"],
    ] {
        let o = salur_cmd().args(args).output().unwrap();
        assert_eq!(
            o.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn cli_check_exits_0_and_writes_nothing() {
    let s = site(&[]);
    let before = snapshot(s.path());
    let o = salur_cmd()
        .arg("check")
        .arg("--root")
        .arg(s.path())
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!s.path().join("public").exists());
    assert!(!staging_beside(s.path()));
    assert_eq!(snapshot(s.path()), before, "check changed the site folder");
}

#[test]
fn library_check_passes_and_writes_nothing() {
    let s = site(&[]);
    let before = snapshot(s.path());
    let summary = salur::check(s.path()).expect("the valid site checks");
    assert!(summary.pages > 0);
    assert_eq!(summary.lang, Lang::Id);
    assert_eq!(snapshot(s.path()), before);
}

#[test]
fn check_lists_data_quality_notes() {
    // more reported for Karangketug than allocated to it
    let s = site_en(&[realisasi(&[
        R_OK,
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-14,tersalur,,900.000,",
    ])]);
    let summary = salur::check(s.path()).expect("a site with a data-quality note still checks");
    assert_eq!(summary.temuan, 1);
    assert!(
        summary.catatan[0].starts_with("Kelurahan Karangketug (35.75.01.1001), BST Juli 2021"),
        "{:?}",
        summary.catatan
    );
    assert!(
        summary.catatan[0].contains("KPM reported paid/failed, allocated"),
        "{:?}",
        summary.catatan
    );
}

#[test]
fn check_counts_its_warnings_in_its_last_line() {
    // a slot for Karangketug only: Gentong's allocation has no slot (a warning)
    let s = site_en(&[jadwal(&[
        "BST,2021-07,Karangketug,35.75.01.1001,Kantor,2021-07-13,07.00,08.00,01,100",
    ])]);
    let o = salur_cmd()
        .arg("check")
        .arg("--root")
        .arg(s.path())
        .output()
        .unwrap();
    assert!(o.status.success());
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("but no slot"), "{stderr}");
    assert!(
        stdout.contains("; 2 warnings, "),
        "the summary counts the warnings printed above it: {stdout}"
    );
}

const J_HEADER: &str = "program,tahap,titik_bayar,kode_wilayah,lokasi,tanggal,mulai,selesai,rw,kpm";

/// `jadwal.csv` with the default header and these rows (line 2 onwards).
fn jadwal(rows: &[&str]) -> (&'static str, String) {
    ("data/jadwal.csv", lines(J_HEADER, rows))
}

#[test]
fn reads_a_schedule_as_excel_writes_it() {
    // semicolons, a BOM, CRLF, Excel's dates and times, "RW 01" and "01", a grouped count
    let text = "\u{feff}Program;Tahap;Titik Bayar;Kode Wilayah;Lokasi;Tanggal;Mulai;Selesai;RW;KPM\r\n\
                BST;2021-07;Karangketug;35.75.01.1001;Kantor Kelurahan Karangketug;13/07/2021;07.00;08.00;RW 01;100\r\n\
                bst;2021-07;Karangketug;35.75.01.1001;Kantor Kelurahan Karangketug;13/07/2021 00:00;08:00:00;09:00:00;02;1.050\r\n";
    let s = site(&[
        ("data/jadwal.csv", text.to_string()),
        (
            "site.toml",
            "title = \"Uji\"\n[jadwal]\nmax_kpm_per_day = 2000\n".to_string(),
        ),
    ]);
    let loaded = load_ok(s.path());
    let j = &loaded.data.jadwal;
    assert_eq!(j.len(), 2);
    assert_eq!(loaded.data.titik_bayar, vec!["Karangketug".to_string()]);
    assert_eq!((j[0].mulai, j[0].selesai), (7 * 60, 8 * 60));
    assert_eq!((j[1].mulai, j[1].selesai), (8 * 60, 9 * 60));
    assert_eq!((j[0].rw.as_str(), j[1].rw.as_str()), ("01", "02"));
    assert_eq!(j[1].kpm, 1050);
    assert_eq!(j[0].tanggal, jiff::civil::date(2021, 7, 13));
    assert_eq!(j[1].baris, 3);
    assert!(
        loaded
            .data
            .inputs
            .iter()
            .any(|i| i.path == "data/jadwal.csv" && i.rows == 2)
    );
}

#[test]
fn schedule_errors_name_file_line_column_value_and_expectation() {
    let s = site_en(&[jadwal(&[
        "BST,2021-07,Karangketug,35.75.01.1001,Kantor,2021-07-13,7 pagi,08.00,01,100",
        "BST,2021-07,Karangketug,35.75.01.1001,Kantor,2021-07-13,09.00,08.00,02,100",
        "BST,2021-07,Karangketug,35.75.01.1001,Kantor,2021-08-02,07.00,08.00,03,100",
        "BST,2021-07,Karangketug,35.75.01.1099,Kantor,2021-07-13,10.00,11.00,04,100",
    ])]);
    let m = messages(s.path());
    assert_eq!(
        m,
        vec![
            "data/jadwal.csv:2:7: '7 pagi': expected a time of day (e.g. 07.00 or 07:00)"
                .to_string(),
            "data/jadwal.csv:3:8: '08.00': the slot does not end after it starts (09.00)"
                .to_string(),
            "data/jadwal.csv:4:6: '2021-08-02': outside stage 2021-07 (2021-07-01 to 2021-07-31); \
             check the date or the stage's dates in tahap.csv"
                .to_string(),
        ]
        .into_iter()
        .chain(m.iter().skip(3).cloned())
        .collect::<Vec<_>>()
    );
    assert_eq!(m.len(), 4, "{m:?}");
    assert!(
        m[3].starts_with("data/jadwal.csv:5:4: '35.75.01.1099': "),
        "{m:?}"
    );
}

/// The allocation of the default site, 10.000 KPM BST in Karangketug and 8.877 in Gentong,
/// scheduled at 200 a day (50 slots and 45 slots of at most 200, one per day and point).
fn jadwal_penuh() -> Vec<String> {
    let mut rows = Vec::new();
    for (kode, titik, mut kpm) in [
        ("35.75.01.1001", "Karangketug", 10_000u64),
        ("35.75.01.1002", "Gentong", 8_877),
    ] {
        let mut day = 0;
        while kpm > 0 {
            let n = kpm.min(200);
            // two hourly slots a day, each its own RW
            let (a, b) = (n / 2, n - n / 2);
            let tanggal = format!("2021-07-{:02}", 1 + day % 31);
            let hari = day / 31;
            rows.push(format!(
                "BST,2021-07,{titik}-{hari},{kode},Kantor,{tanggal},07.00,08.00,{:02},{a}",
                2 * day + 1
            ));
            rows.push(format!(
                "BST,2021-07,{titik}-{hari},{kode},Kantor,{tanggal},08.00,09.00,{:02},{b}",
                2 * day + 2
            ));
            kpm -= n;
            day += 1;
        }
    }
    rows
}

#[test]
fn a_full_schedule_within_capacity_loads_without_warnings() {
    let rows = jadwal_penuh();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let s = site_en(&[jadwal(&rows)]);
    let loaded = load_ok(s.path());
    let scheduled: u64 = loaded.data.jadwal.iter().map(|j| j.kpm).sum();
    assert_eq!(scheduled, 18_877);
    let warnings: Vec<String> = loaded
        .warnings
        .items()
        .iter()
        .map(|d| d.message(Lang::En))
        .collect();
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn over_capacity_names_the_file_line_point_and_day() {
    let mut rows = jadwal_penuh();
    // one more KPM at the first point on its first day: 201
    rows[0] = rows[0].replace(",07.00,08.00,01,100", ",07.00,08.00,01,101");
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let s = site_en(&[jadwal(&rows)]);
    let m = messages(s.path());
    assert_eq!(
        m[0],
        "data/jadwal.csv:3:10: payment point 'Karangketug-0' on 2021-07-01: 201 KPM, more than \
         200 KPM a day ([jadwal] max_kpm_per_day in site.toml)",
        "{m:?}"
    );
    // the schedule now has one KPM more than the allocation: a warning, not an error
    assert_eq!(
        m[1..],
        [
            "data/jadwal.csv:2:4: warning: '35.75.01.1001': scheduled 10,001 KPM for BST \
             2021-07, allocated 10,000 (difference +1)"
        ],
        "{m:?}"
    );

    // as a warning when the site says so, with its own capacity
    let toml = "title = \"Uji\"\nlanguage = \"en\"\n[jadwal]\nmax_kpm_per_day = 150\nover_capacity = \"warning\"\n";
    let s = site(&[jadwal(&rows), ("site.toml", toml.to_string())]);
    let loaded = load_ok(s.path());
    let w: Vec<String> = loaded
        .warnings
        .items()
        .iter()
        .map(|d| d.message(Lang::En))
        .collect();
    assert!(
        w.iter().any(|m| m.starts_with("data/jadwal.csv:3:10: warning: payment point 'Karangketug-0' on 2021-07-01: 201 KPM, more than 150")),
        "{w:?}"
    );
}

#[test]
fn overlapping_slots_an_rw_twice_and_gaps_against_the_allocation() {
    let s = site_en(&[jadwal(&[
        "BST,2021-07,Karangketug,35.75.01.1001,Kantor,2021-07-13,07.00,08.00,01,100",
        "BST,2021-07,Karangketug,35.75.01.1001,Kantor,2021-07-13,07.30,08.30,02,50",
        "BST,2021-07,Karangketug,35.75.01.1001,Kantor,2021-07-14,07.00,08.00,01,40",
        "BST,2021-07,Gentong,35.75.01.1001,Kantor,2021-07-15,07.00,08.00,01,10",
    ])]);
    let (_, d) = input_errors(s.path());
    let m: Vec<String> = d.items().iter().map(|i| i.message(Lang::En)).collect();
    assert!(
        m.contains(&"data/jadwal.csv:3:7: '07.30': overlaps the slot on line 2 (07.00–08.00) at the same payment point".to_string()),
        "{m:?}"
    );
    assert!(
        m.contains(&"data/jadwal.csv:5:9: '01': this RW is already scheduled at another payment point for the same programme and tahap on line 2".to_string()),
        "{m:?}"
    );
    // warnings: Karangketug scheduled 190 of 10.000; Gentong has no slot
    assert!(
        m.contains(&"data/jadwal.csv:2:4: warning: '35.75.01.1001': scheduled 200 KPM for BST 2021-07, allocated 10,000 (difference -9,800)".to_string()),
        "{m:?}"
    );
    assert!(
        m.contains(&"data/jadwal.csv: warning: Gentong (35.75.01.1002) has an allocation of 8,877 KPM for BST 2021-07 but no slot".to_string()),
        "{m:?}"
    );
}

#[test]
fn payment_points_and_rws_are_one_however_they_are_written() {
    // "karangketug" is the point "Karangketug" (its overlap is caught); "RW 1" is RW 01 (sent
    // to a second point, it is caught); columns in another order are named as the file has them
    let text = "kpm,rw,selesai,mulai,tanggal,lokasi,kode_wilayah,titik_bayar,tahap,program\n\
                100,01,08.00,07.00,2021-07-13,Kantor,35.75.01.1001,Karangketug,2021-07,BST\n\
                50,02,08.30,07.30,2021-07-13,Kantor,35.75.01.1001,karangketug ,2021-07,BST\n\
                40,RW 1,08.00,07.00,2021-07-14,Kantor,35.75.01.1001,Balai RW,2021-07,BST\n";
    let s = site_en(&[("data/jadwal.csv", text.to_string())]);
    let (_, d) = input_errors(s.path());
    let m: Vec<String> = d.items().iter().map(|i| i.message(Lang::En)).collect();
    assert!(
        m.contains(&"data/jadwal.csv:3:4: '07.30': overlaps the slot on line 2 (07.00–08.00) at the same payment point".to_string()),
        "{m:?}"
    );
    assert!(
        m.contains(&"data/jadwal.csv:4:2: '01': this RW is already scheduled at another payment point for the same programme and tahap on line 2".to_string()),
        "{m:?}"
    );
    assert!(
        m.iter()
            .any(|l| l.starts_with("data/jadwal.csv:2:7: warning: '35.75.01.1001'")),
        "{m:?}"
    );
}

const USUL_TOML: &str = "title = \"Uji\"\nlanguage = \"en\"\n[jadwal.usul]\nprogram = \"BST\"\ntahap = \"2021-07\"\nmulai = 2021-07-13\njumlah_hari = 3\n";

#[test]
fn the_proposer_writes_a_schedule_that_loads() {
    let s = site(&[
        ("site.toml", USUL_TOML.to_string()),
        (
            "data/rw.csv",
            "kode_wilayah;RW;KPM\n35.75.01.1002;RW 01;50\n35.75.01.1001;01;70\n35.75.01.1001;02;82\n35.75.01.1001;03;64\n35.75.01.1002;02;40\n"
                .to_string(),
        ),
    ]);
    let usul = salur::usul_jadwal(s.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((usul.titik_bayar, usul.kpm), (2, 306));
    assert!(
        usul.csv.starts_with(
            "program,tahap,titik_bayar,kode_wilayah,lokasi,tanggal,mulai,selesai,rw,kpm\n\
             BST,2021-07,Karangketug,35.75.01.1001,Kelurahan Karangketug office,2021-07-13,07.00,08.00,01,70\n"
        ),
        "{}",
        usul.csv
    );
    fs::write(s.path().join("data/jadwal.csv"), &usul.csv).unwrap();
    let loaded = load_ok(s.path());
    assert_eq!(loaded.data.jadwal.iter().map(|j| j.kpm).sum::<u64>(), 306);
    assert_eq!(loaded.data.jadwal.len(), usul.slot);
    // within 3 days, at most 200 a day, each RW whole in one slot
    assert_eq!(usul.slot, 5);
    assert!(
        loaded
            .data
            .jadwal
            .iter()
            .all(|j| j.tanggal <= jiff::civil::date(2021, 7, 15))
    );
}

#[test]
fn the_proposer_says_when_the_days_cannot_hold_everyone() {
    let s = site(&[
        ("site.toml", USUL_TOML.to_string()),
        (
            "data/rw.csv",
            "kode_wilayah,rw,kpm\n35.75.01.1001,01,400\n35.75.01.1001,02,300\n".to_string(),
        ),
    ]);
    let err = salur::usul_jadwal(s.path()).expect_err("must fail");
    assert_eq!(
        err.to_string().trim(),
        "data/rw.csv: the 700 KPM of Karangketug (35.75.01.1001) do not fit in 3 days at 200 KPM \
         and 5 slots a day; add days (jumlah_hari) or payment points"
    );
    // an unknown programme or tahap is placed where site.toml writes it, with the nearest code
    for (from, to, at, nearest) in [
        (
            "program = \"BST\"",
            "program = \"BTS\"",
            "site.toml:4:11: 'BTS': ",
            "BST",
        ),
        (
            "tahap = \"2021-07\"",
            "tahap = \"2021-7\"",
            "site.toml:5:9: '2021-7': ",
            "2021-07",
        ),
    ] {
        let s = site(&[
            ("site.toml", USUL_TOML.replace(from, to)),
            (
                "data/rw.csv",
                "kode_wilayah,rw,kpm\n35.75.01.1001,01,40\n".to_string(),
            ),
        ]);
        let err = salur::usul_jadwal(s.path())
            .expect_err("must fail")
            .to_string();
        assert!(err.trim().starts_with(at), "{err}");
        assert!(err.contains(nearest), "{err}");
    }
    // settings that cannot give a schedule are refused where site.toml writes them
    for (from, to, at) in [
        (
            "jumlah_hari = 3",
            "jumlah_hari = 0",
            "site.toml:7:15: '0': jumlah_hari must be at least 1",
        ),
        (
            "jumlah_hari = 3",
            "jumlah_hari = 3\nmenit_slot = 600",
            "site.toml:8:14: '600': a slot must last from 1 to 300 minutes",
        ),
        (
            "mulai = 2021-07-13",
            "mulai = 2021-07-30",
            "site.toml:6:9: '2021-08-01': outside stage 2021-07 (2021-07-01 to 2021-07-31)",
        ),
        (
            "[jadwal.usul]",
            "[jadwal]\nmax_kpm_per_day = 0\n[jadwal.usul]",
            "site.toml:4:19: '0': a payment point must serve at least 1 KPM a day",
        ),
    ] {
        let s = site(&[
            ("site.toml", USUL_TOML.replace(from, to)),
            (
                "data/rw.csv",
                "kode_wilayah,rw,kpm\n35.75.01.1001,01,40\n".to_string(),
            ),
        ]);
        let err = salur::usul_jadwal(s.path())
            .expect_err("must fail")
            .to_string();
        assert!(err.trim().starts_with(at), "{err}");
    }
    // and without [jadwal.usul]
    let s = site_en(&[(
        "data/rw.csv",
        "kode_wilayah,rw,kpm\n35.75.01.1001,01,40\n".to_string(),
    )]);
    let err = salur::usul_jadwal(s.path()).expect_err("must fail");
    assert!(
        err.to_string().contains(
            "site.toml: no [jadwal.usul] (program, tahap, mulai, jumlah_hari) in site.toml"
        ),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Verification funnels (data/verval.csv)
// ---------------------------------------------------------------------------------------------

const V_HEADER: &str = "periode,kode_wilayah,program,langkah,jumlah";

#[test]
fn verification_funnels_are_read_checked_and_added_up_the_tree() {
    // Karangketug and Gentong give the same steps: Gadingrejo and Kota Pasuruan show their sum;
    // Gentong's second step is larger than its first (a warning)
    let s = site_en(&[(
        "data/verval.csv",
        lines(
            V_HEADER,
            &[
                "2022,35.75.01.1001,bst,Terdata,100",
                "2022,35.75.01.1001,BST,Memenuhi kriteria,40",
                "2022,35.75.01.1002,BST,Terdata,50",
                "2022,35.75.01.1002,BST,Memenuhi kriteria,60",
            ],
        ),
    )]);
    let loaded = load_ok(s.path());
    assert_eq!(loaded.data.verval.len(), 4);
    let warnings: Vec<String> = loaded
        .warnings
        .items()
        .iter()
        .map(|d| d.message(Lang::En))
        .collect();
    assert_eq!(
        warnings,
        [
            "data/verval.csv:5:5: warning: '60': more than the step before ('Terdata': 50); a verification step only filters"
        ]
    );
    let tree = &loaded.data.wilayah;
    let id = |kode: &str| {
        salur::data::WilayahId::semua(tree.len())
            .find(|&w| tree.node(w).kode_teks == kode)
            .unwrap()
    };
    let kota = &loaded.report.verval[&id("35.75")][0];
    assert_eq!(
        kota.langkah,
        [
            ("Terdata".to_string(), 150),
            ("Memenuhi kriteria".to_string(), 100)
        ]
    );
    assert_eq!(kota.dijumlahkan, 2);
    let own = &loaded.report.verval[&id("35.75.01.1001")][0];
    assert_eq!((own.dijumlahkan, own.sisa()), (0, Some(0.4)));
}

#[test]
fn a_region_with_its_own_funnel_is_not_added_up_and_different_steps_are_reported() {
    let s = site_en(&[(
        "data/verval.csv",
        lines(
            V_HEADER,
            &[
                "2022,35.75,BST,Terdata,4011",
                "2022,35.75,BST,Memenuhi kriteria,891",
                "2022,35.75.01.1001,BST,Terdata,100",
                "2022,35.75.01.1001,BST,Memenuhi kriteria,40",
                "2022,35.75.01.1002,BST,Didata ulang,50",
            ],
        ),
    )]);
    let loaded = load_ok(s.path());
    let warnings: Vec<String> = loaded
        .warnings
        .items()
        .iter()
        .map(|d| d.message(Lang::En))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("data/verval.csv:6: warning: verification steps differ from Kota Pasuruan (35.75) for the same programme and period (Terdata → Memenuhi kriteria)"),
        "{warnings:?}"
    );
    let tree = &loaded.data.wilayah;
    let kota = salur::data::WilayahId::semua(tree.len())
        .find(|&w| tree.node(w).kode_teks == "35.75")
        .unwrap();
    let c = &loaded.report.verval[&kota][0];
    assert_eq!((c.langkah[1].1, c.dijumlahkan), (891, 0), "its own figures");
}

#[test]
fn verification_rows_with_bad_values_name_file_line_and_column() {
    let s = site_en(&[(
        "data/verval.csv",
        lines(
            V_HEADER,
            &[
                "2022,35.75,PKH,Terdata,4011",
                "2022,35.75,BST,,891",
                "2022,35.75,BST,Memenuhi,8,91",
            ],
        ),
    )]);
    let m = messages(s.path());
    assert!(
        m[0].starts_with("data/verval.csv:2:3: 'PKH': "),
        "unknown programme: {m:?}"
    );
    assert!(
        m[1].starts_with("data/verval.csv:3:4: "),
        "empty step: {m:?}"
    );
    // "8,91" in a comma-separated file: a field too many, not 8 people
    assert_eq!(
        m[2],
        "data/verval.csv:4:6: '91': this row has 6 fields, the header 5: a comma inside a number \
         (8,91)? Write the number without it, or quote the cell"
    );
}

#[test]
fn deciles_outside_1_to_10_are_errors_and_desil_maks_is_read() {
    let s = site_en(&[(
        "data/desil.csv",
        lines(
            "periode,kode_wilayah,desil,kk",
            &["2025,35.75.01.1001,11,40", "2025,35.75.01.1001,0,40"],
        ),
    )]);
    let m = messages(s.path());
    assert_eq!(
        m,
        [
            "data/desil.csv:2:3: '11': expected a DTSEN decile, 1 to 10",
            "data/desil.csv:3:3: '0': expected a DTSEN decile, 1 to 10"
        ]
    );
    let s = site_en(&[
        (
            "data/program.csv",
            "kode,nama,sumber_dana,nilai_per_kpm,periode,desil_maks\nBST,Bantuan Sosial Tunai,APBN,300000,bulanan,4\n"
                .to_string(),
        ),
        (
            "data/desil.csv",
            lines(
                "periode,kode_wilayah,desil,kk",
                &[
                    "2025,35.75.01.1001,1,40",
                    "2025,35.75.01.1002,1,60",
                    "2025,35.75.01.1002,10,5",
                ],
            ),
        ),
    ]);
    let loaded = load_ok(s.path());
    assert_eq!(loaded.data.program[0].desil_maks, Some(4));
    let tree = &loaded.data.wilayah;
    let kota = salur::data::WilayahId::semua(tree.len())
        .find(|&w| tree.node(w).kode_teks == "35.75")
        .unwrap();
    let d = &loaded.report.desil[&kota][0];
    assert_eq!((d.kk[0], d.kk[9], d.dijumlahkan), (100, 5, 2));
}

#[test]
fn failure_reasons_are_grouped_by_code_and_keep_their_text() {
    use salur::data::alasan::KodeAlasan;
    for (teks, kode) in [
        ("Meninggal Dunia", "meninggal"),
        ("wafat", "meninggal"),
        ("pindah domisili", "pindah"),
        ("alamat tidak ditemukan", "tidak_ditemukan"),
        ("tidak hadir", "tidak_hadir"),
        ("tidak hadir, tidak tahu jadwal", "tidak_tahu_jadwal"),
        ("penerima lansia", "lansia"),
        ("data ganda", "data_ganda"),
        ("KKS rusak", "lainnya"),
    ] {
        assert_eq!(KodeAlasan::golongkan(teks).kode(), kode, "{teks}");
    }
}

#[test]
fn a_point_with_two_places_and_a_slot_for_no_one_are_reported() {
    let s = site_en(&[jadwal(&[
        "BST,2021-07,Karangketug,35.75.01.1001,Kantor,2021-07-13,07.00,08.00,01,100",
        "BST,2021-07,Karangketug,35.75.01.1001,Balai RW 08,2021-07-13,08.00,09.00,02,0",
        "BST,2021-07,Karangketug,35.75.01.1001,Balai RW 08,2021-07-14,08.00,09.00,03,10",
    ])]);
    let loaded = load_ok(s.path());
    let m: Vec<String> = loaded
        .warnings
        .items()
        .iter()
        .map(|d| d.message(Lang::En))
        .collect();
    assert!(
        m.contains(&"data/jadwal.csv:3:10: warning: '0': a slot for 0 KPM".to_string()),
        "{m:?}"
    );
    assert!(
        m.contains(&"data/jadwal.csv:3:5: warning: 'Balai RW 08': this payment point is at 'Kantor' on line 2; one point, one place (give it another name if the place differs)".to_string()),
        "{m:?}"
    );
    assert_eq!(
        m.iter()
            .filter(|l| l.contains("one point, one place"))
            .count(),
        1,
        "once per point"
    );
}

// ---------------------------------------------------------------------------------------------
// [kolom.<input>]: an export's own headers
// ---------------------------------------------------------------------------------------------

/// `realisasi.csv` and `alokasi.csv` with an export's headers (upper case, spaces, another
/// order, an extra column named like a contract column), mapped in `site.toml`.
fn export_dipetakan(site_toml: &str) -> TempDir {
    let mut realisasi = String::from(
        "PROGRAM;TAHAP;KODE DESA;BANK;TGL SALUR;STATUS;KETERANGAN;JUMLAH KPM;NOMINAL;KPM\n",
    );
    for r in &REALISASI[1..] {
        // the export's own `KPM` column (a different figure) must not be read
        realisasi.push_str(&format!(
            "{};{};{};{};{};{};{};{};{};999\n",
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]
        ));
    }
    let mut alokasi = String::from("Kode Program,Kode Tahap,Kode Desa,Penyalur,Jumlah KPM\n");
    for r in &ALOKASI[1..] {
        alokasi.push_str(&r.join(","));
        alokasi.push('\n');
    }
    site(&[
        ("site.toml", site_toml.to_string()),
        ("data/realisasi.csv", realisasi),
        ("data/alokasi.csv", alokasi),
    ])
}

const PETA: &str = r#"title = "Uji Salur"

[kolom.realisasi]
kode_wilayah = "Kode Desa"
penyalur = "BANK"
tanggal = "tgl salur"
alasan = "KETERANGAN"
kpm = "Jumlah KPM"
nilai = "NOMINAL"

[kolom.alokasi]
program = "Kode Program"
tahap = "Kode Tahap"
kode_wilayah = "Kode Desa"
kpm = "Jumlah KPM"
"#;

#[test]
fn kolom_maps_an_exports_own_headers_onto_the_contract() {
    let s = export_dipetakan(PETA);
    assert_default_figures(s.path());
}

#[test]
fn kolom_naming_a_header_the_file_lacks_suggests_the_files_own() {
    let s = export_dipetakan(&PETA.replace("\"Jumlah KPM\"\nnilai", "\"Jumlah KMP\"\nnilai"));
    let m = only_message(s.path());
    assert!(m.starts_with("data/realisasi.csv:1:"), "{m}");
    assert!(
        m.contains("[kolom.realisasi]") && m.contains("kpm = \"Jumlah KMP\""),
        "{m}"
    );
    assert!(m.contains("JUMLAH KPM"), "did you mean: {m}");
}

#[test]
fn kolom_with_an_unknown_input_or_column_is_an_error_in_site_toml() {
    let toml = PETA
        .replace("[kolom.alokasi]", "[kolom.alokasii]")
        .replace("nilai = \"NOMINAL\"", "niali = \"NOMINAL\"");
    let s = export_dipetakan(&toml);
    let m = messages(s.path());
    assert!(
        m.iter()
            .any(|x| x.starts_with("site.toml:9:1:") && x.contains("niali") && x.contains("nilai")),
        "{m:#?}"
    );
    assert!(
        m.iter().any(|x| x.starts_with("site.toml:11:8:")
            && x.contains("alokasii")
            && x.contains("'alokasi'")),
        "{m:#?}"
    );
}

/// `[nilai.<input>.<column>]`: an export's own words for a column's values.
#[test]
fn nilai_maps_an_exports_own_words_onto_the_contracts_values() {
    let toml = format!(
        "{PETA}\n[nilai.realisasi.status]\n\"SUDAH SALUR\" = \"tersalur\"\n\"Gagal Salur\" = \"gagal\"\n"
    );
    let s = export_dipetakan(&toml);
    // the export writes its own words
    let path = s.path().join("data/realisasi.csv");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace(";tersalur;", "; sudah salur ;")
        .replace(";gagal;", ";GAGAL SALUR;");
    fs::write(&path, text).unwrap();
    assert_default_figures(s.path());
    // a word no mapping names is still an error at its cell
    let text = fs::read_to_string(&path)
        .unwrap()
        .replacen("; sudah salur ;", ";SELESAI;", 1);
    fs::write(&path, text).unwrap();
    let m = only_message(s.path());
    assert!(m.starts_with("data/realisasi.csv:2:6: 'SELESAI'"), "{m}");
}

#[test]
fn nilai_naming_an_unknown_input_or_column_is_an_error_in_site_toml() {
    let toml = format!("{PETA}\n[nilai.realisasi.statsu]\n\"X\" = \"tersalur\"\n");
    let s = export_dipetakan(&toml);
    let m = only_message(s.path());
    assert!(
        m.starts_with("site.toml:17:18:") && m.contains("'statsu'") && m.contains("'status'"),
        "{m}"
    );
}

/// Kemendagri's 2+2+2+4 and BPS's 2+2+3+3 both give ten digits: an undotted code is read only
/// in the numbering `kode` names, never guessed.
#[test]
fn undotted_region_codes_need_their_numbering_said() {
    let rows = [
        "BST,2021-07,3575011001,PT Pos Indonesia,10.000",
        "BST,2021-07,35.75.01.1002,PT Pos Indonesia,8877",
    ];
    let s = site(&[alokasi(&rows)]);
    let m = only_message(s.path());
    assert!(
        m.starts_with("data/alokasi.csv:2:3: '3575011001': kode wilayah tanpa titik")
            && m.contains("kode = \"kemendagri\"")
            && m.contains("kode = \"bps\""),
        "{m}"
    );
    // BPS codes through wilayah.csv's kode_bps (Karangketug is 3575010001 in this test)
    let mut wilayah = String::from("kode,nama,kk,penduduk,kode_bps\n");
    for r in &WILAYAH[1..] {
        let bps = match r[0] {
            "35.75.01.1001" => "3575010001",
            "35.75.01.1002" => "3575010002",
            _ => "",
        };
        wilayah.push_str(&format!("{},{},,,{bps}\n", r[0], r[1]));
    }
    let bps_rows = [
        "BST,2021-07,3575010001,PT Pos Indonesia,10.000",
        "BST,2021-07,35.75.01.1002,PT Pos Indonesia,8877",
    ];
    let s = site(&[
        ("site.toml", format!("{SITE_TOML}kode = \"bps\"\n")),
        ("data/wilayah.csv", wilayah.clone()),
        alokasi(&bps_rows),
    ]);
    let loaded = load_ok(s.path());
    assert_eq!(figures(&loaded, "35.75.01.1001").alokasi_kpm, 10_000);
    // the same undotted code as Kemendagri's would be another village: refused as unknown
    let s = site(&[
        ("site.toml", format!("{SITE_TOML}kode = \"bps\"\n")),
        ("data/wilayah.csv", wilayah),
        alokasi(&rows),
    ]);
    let m = only_message(s.path());
    assert!(m.starts_with("data/alokasi.csv:2:3: '3575011001':"), "{m}");
    // kode = "bps" without a kode_bps column
    let s = site(&[
        ("site.toml", format!("{SITE_TOML}kode = \"bps\"\n")),
        alokasi(&bps_rows),
    ]);
    let m = messages(s.path());
    assert!(
        m.iter()
            .any(|x| x.starts_with("data/wilayah.csv:1: site.toml menyebut kode = \"bps\"")),
        "{m:#?}"
    );
}

// ---------------------------------------------------------------------------------------------
// [[satu_data]]: the Open Data long format
// ---------------------------------------------------------------------------------------------

/// A provincial portal's long table (one measure per row, with `satuan` and `tahun`) gives the
/// figures the aggregate rows would.
#[test]
fn satu_data_long_tables_read_as_allocation_and_paid_figures() {
    let long = "id,kode_kabupaten_kota,nama_kabupaten_kota,kode_desa,jumlah_kpm,satuan,tahun\n\
                1,35.75,KOTA PASURUAN,35.75.01.1001,10000,KPM,2021\n\
                2,35.75,KOTA PASURUAN,35.75.01.1002,8877,Keluarga,2021\n";
    let paid = "id,kode_desa,jumlah,satuan,tahun\n\
                1,35.75.01.1001,9500,KPM,2021\n";
    let toml = format!(
        "{SITE_TOML}\n[[satu_data]]\nberkas = \"data/satu_data_alokasi.csv\"\njenis = \"alokasi\"\n\
         program = \"BST\"\npenyalur = \"PT Pos Indonesia\"\n[satu_data.kolom]\nkode_wilayah = \"kode_desa\"\n\
         nilai = \"jumlah_kpm\"\n[satu_data.tahun]\n\"2021\" = \"2021-07\"\n\
         \n[[satu_data]]\nberkas = \"data/satu_data_tersalur.csv\"\njenis = \"tersalur\"\n\
         program = \"BST\"\npenyalur = \"PT Pos Indonesia\"\n[satu_data.kolom]\nkode_wilayah = \"kode_desa\"\n\
         nilai = \"jumlah\"\n[satu_data.tahun]\n\"2021\" = \"2021-07\"\n"
    );
    let s = site(&[
        ("site.toml", toml.clone()),
        ("data/alokasi.csv", format!("{A_HEADER}\n")),
        ("data/realisasi.csv", format!("{R_HEADER}\n")),
        ("data/satu_data_alokasi.csv", long.to_string()),
        ("data/satu_data_tersalur.csv", paid.to_string()),
    ]);
    let loaded = load_ok(s.path());
    assert_eq!(figures(&loaded, "35.75").alokasi_kpm, 18_877);
    assert_eq!(figures(&loaded, "35.75.01.1001").tersalur_kpm, 9_500);
    // the tables are sources, named as such
    assert!(
        loaded
            .data
            .satu_data
            .contains(&"data/satu_data_alokasi.csv".to_string())
    );
    // persons are not households; a year without its tahap
    let bad = "id,kode_desa,jumlah_kpm,satuan,tahun\n1,35.75.01.1001,10000,orang,2021\n\
               2,35.75.01.1002,8877,KPM,2022\n";
    let s = site(&[
        ("site.toml", toml.clone()),
        ("data/satu_data_alokasi.csv", bad.to_string()),
        ("data/satu_data_tersalur.csv", paid.to_string()),
    ]);
    let m = messages(s.path());
    assert!(
        m.iter()
            .any(|x| x
                .starts_with("data/satu_data_alokasi.csv:2:4: 'orang': satuan ini bukan keluarga")),
        "{m:#?}"
    );
    assert!(
        m.iter().any(|x| x
            .starts_with("data/satu_data_alokasi.csv:3:5: '2022': tidak ada tahap berkode '2022'")),
        "{m:#?}"
    );
    // counted twice: the default site's alokasi.csv already counts BST 2021-07 there
    let s = site(&[
        ("site.toml", toml),
        ("data/satu_data_alokasi.csv", long.to_string()),
        ("data/satu_data_tersalur.csv", paid.to_string()),
    ]);
    let m = messages(s.path());
    assert!(
        m.iter().any(|x| x.starts_with("data/satu_data_alokasi.csv:2:4: '35.75.01.1001': KPM BST tahap 2021-07 di wilayah ini (atau di atas/bawahnya) juga dihitung oleh baris data/alokasi.csv")),
        "{m:#?}"
    );
}

/// An export that names desa/kelurahan instead of coding them: matched to the region table
/// without regard to case or a leading kind word, within the kecamatan given.
#[test]
fn a_kode_wilayah_written_as_a_name_is_matched_within_its_kecamatan() {
    let s = site(&[alokasi(&[
        "BST,2021-07,KEL. KARANGKETUG,PT Pos Indonesia,10.000",
        "BST,2021-07,gentong,PT Pos Indonesia,8877",
    ])]);
    assert_default_figures(s.path());
    let s = site(&[(
        "data/alokasi.csv",
        lines(
            "program,tahap,kode_wilayah,penyalur,kpm,kecamatan",
            &[
                "BST,2021-07,Kelurahan Karangketug,PT Pos Indonesia,10.000,Kec. Gadingrejo",
                "BST,2021-07,GENTONGG,PT Pos Indonesia,8877,GADINGREJO",
            ],
        ),
    )]);
    let m = only_message(s.path());
    assert!(
        m.starts_with("data/alokasi.csv:3:3: 'GENTONGG': tidak ada desa/kelurahan bernama ini")
            && m.contains("mungkin maksudnya 'Gentong'"),
        "{m}"
    );
}

/// A fresh tester's findings on exports as they come: each refused, never published.
#[test]
fn mappings_that_would_publish_names_or_count_twice_are_refused() {
    // a contract column mapped onto a column of names
    let toml = PETA.replace("penyalur = \"BANK\"", "penyalur = \"NAMA KPM\"");
    let s = export_dipetakan(&toml);
    let path = s.path().join("data/realisasi.csv");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replacen(";BANK;", ";NAMA KPM;", 1);
    fs::write(&path, text).unwrap();
    let m = messages(s.path());
    assert!(
        m.iter()
            .any(|x| x.contains("'NAMA KPM': privasi: kolom penyalur")),
        "{m:#?}"
    );
    // a mapped header given twice
    let s = site(&[
        (
            "site.toml",
            format!("{SITE_TOML}[kolom.alokasi]\nkpm = \"JML\"\n"),
        ),
        (
            "data/alokasi.csv",
            lines(
                "program,tahap,kode_wilayah,penyalur,JML,JML",
                &["BST,2021-07,35.75.01.1001,PT Pos Indonesia,10.000,1"],
            ),
        ),
    ]);
    let m = only_message(s.path());
    assert!(m.starts_with("data/alokasi.csv:1:6: 'kpm':"), "{m}");
    // two words that read as one, with two meanings
    let s = site(&[(
        "site.toml",
        format!(
            "{SITE_TOML}[nilai.realisasi.status]\n\"SUDAH\" = \"tersalur\"\n\"sudah \" = \"gagal\"\n"
        ),
    )]);
    let m = only_message(s.path());
    assert!(
        m.starts_with("site.toml:4:1: 'sudah ': duplikat; sudah ada di baris 3"),
        "{m}"
    );
    // a kecamatan's name is not its namesake kelurahan's (Gadingrejo here is both)
    let s = site(&[
        wilayah_plus(&["35.75.01.1009,Gadingrejo"]),
        alokasi(&[
            "BST,2021-07,Kecamatan Gadingrejo,PT Pos Indonesia,10.000",
            "BST,2021-07,35.75.01.1002,PT Pos Indonesia,8877",
        ]),
    ]);
    let m = only_message(s.path());
    assert!(
        m.starts_with("data/alokasi.csv:2:3: 'Kecamatan Gadingrejo': tidak ada desa/kelurahan"),
        "{m}"
    );
    // a BPS code that is not one
    let s = site(&[
        ("site.toml", format!("{SITE_TOML}kode = \"bps\"\n")),
        (
            "data/wilayah.csv",
            "kode,nama,kk,penduduk,kode_bps\n35,Jawa Timur,,,\n35.75,Kota Pasuruan,,,\n35.75.01,Gadingrejo,,,\n35.75.01.1001,Karangketug,,,BPS-3575010001x\n35.75.01.1002,Gentong,,,\n".to_string(),
        ),
    ]);
    let m = messages(s.path());
    assert!(
        m.iter()
            .any(|x| x.starts_with("data/wilayah.csv:5:5: 'BPS-3575010001x'")),
        "{m:#?}"
    );
}

#[test]
fn a_satu_data_table_is_a_file_of_its_own_read_once_without_a_total_over_its_parts() {
    let entry = |berkas: &str| {
        format!(
            "\n[[satu_data]]\nberkas = \"{berkas}\"\njenis = \"alokasi\"\nprogram = \"BST\"\n\
             penyalur = \"PT Pos Indonesia\"\n[satu_data.kolom]\nkode_wilayah = \"kode\"\n\
             nilai = \"jumlah\"\n[satu_data.tahun]\n\"2021\" = \"2021-07\"\n"
        )
    };
    let table = "kode,jumlah,satuan,tahun\n35.75,100,KPM,2021\n35.75.01,10,KPM,2021\n";
    let s = site(&[
        (
            "site.toml",
            format!(
                "{SITE_TOML}{}{}{}{}",
                entry("data/kpm.csv"),
                entry("data/kpm.csv"),
                entry("data/alokasi.csv"),
                entry("data/penerima/x.csv")
            ),
        ),
        ("data/alokasi.csv", format!("{A_HEADER}\n")),
        ("data/realisasi.csv", format!("{R_HEADER}\n")),
        ("data/kpm.csv", table.to_string()),
    ]);
    let m = messages(s.path());
    // the kota's total and its kecamatan's would count the kecamatan's households twice
    assert!(
        m.iter()
            .any(|x| x.starts_with("data/kpm.csv:3:1: '35.75.01': KPM BST tahap 2021-07")),
        "{m:#?}"
    );
    assert!(
        m.iter()
            .any(|x| x.contains("'data/kpm.csv': duplikat; sudah ada di baris")),
        "{m:#?}"
    );
    assert_eq!(
        m.iter()
            .filter(|x| x.contains("harus berkas tersendiri di data/"))
            .count(),
        2,
        "{m:#?}"
    );
}
