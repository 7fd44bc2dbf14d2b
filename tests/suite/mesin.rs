//! The engine recipe (`engine/`): a made-up recipient-level table for the desa/kelurahan of
//! three kota in three provinsi (`engine/contoh_penerima.py`), aggregated by
//! `engine/duckdb_run.py` on DuckDB into Parquet partitioned by provinsi, and a site built from
//! that output. Every region's figures in `unduh/realisasi.csv`, the home page's and each
//! provinsi page's programme table and the failures by reason equal what the test counts from
//! the recipient rows itself; no NIK and no name of the table reaches `public/`; two runs write
//! the same bytes. The SQL is checked for what would break it on Spark, and rows that break the
//! recipient schema stop the runner before it writes anything.
//!
//! Needs Python's `duckdb`: without it the test says SKIPPED, unless `SALUR_DUCKDB=required`
//! (set by `.ci/run` where it installed it).

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::process::Command;

use salur::data::alasan::KodeAlasan;

/// The three kota: Kota Pasuruan (Jawa Timur), Kota Palangka Raya (Kalimantan Tengah), Kota
/// Bontang (Kalimantan Timur): 79 kelurahan, about 4.400 rows at the generator's default.
const KOTA: [&str; 3] = ["35.75", "62.71", "64.74"];

/// The programmes and tahap `engine/contoh_penerima.py` writes rows for.
const PROGRAM: &str = "kode,nama,sumber_dana,nilai_per_kpm,periode\n\
                       BLTS,BLT Kesejahteraan Rakyat,APBN,900000,sekali\n\
                       PKH,Program Keluarga Harapan,APBN,,tahap\n";
const TAHAP: &str = "kode,nama,mulai,selesai\n\
                     2025-4,Tahap IV 2025,2025-10-01,2025-12-31\n\
                     2025-T4,PKH Tahap IV 2025,2025-10-01,2025-12-31\n";

/// The surnames the generator gives (every name is a first name and one of these).
const NAMA_BELAKANG: [&str; 8] = [
    "Sastrowardoyo",
    "Kartodikromo",
    "Wiryosuparto",
    "Hadisuwarno",
    "Mangunkusumo",
    "Atmosudiro",
    "Prawirodihardjo",
    "Suryodiningrat",
];

/// The figures of one region × programme × tahap × penyalur, counted from the rows.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Angka {
    alokasi_kpm: u64,
    alokasi_nilai: u64,
    tersalur_kpm: u64,
    tersalur_nilai: u64,
    gagal_kpm: u64,
}

/// (region code, programme, tahap, penyalur); the code is empty for the whole site.
type Kunci = (String, String, String, String);

/// What the test knows from the recipient table alone.
struct Harapan {
    angka: BTreeMap<Kunci, Angka>,
    /// Failed KPM per (provinsi, programme, tahap, penyalur, reason code).
    gagal: BTreeMap<(String, String, String, String, &'static str), u64>,
    nik: BTreeSet<String>,
    baris: usize,
}

/// The codes of a desa's region and every region above it, and "" for the site.
fn leluhur(kode: &str) -> [String; 5] {
    [
        String::new(),
        kode[..2].to_string(),
        kode[..5].to_string(),
        kode[..8].to_string(),
        kode.to_string(),
    ]
}

/// Counts the recipient table as written by the generator, without salur.
fn hitung(penerima: &Path) -> Harapan {
    let mut reader = csv::Reader::from_path(penerima).unwrap();
    let kolom: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let i = |n: &str| kolom.iter().position(|k| k == n).unwrap();
    let (nik, kode, program, tahap, penyalur, status, alasan, nilai) = (
        i("nik"),
        i("kode_wilayah"),
        i("program"),
        i("tahap"),
        i("penyalur"),
        i("status"),
        i("alasan"),
        i("nilai"),
    );
    let mut h = Harapan {
        angka: BTreeMap::new(),
        gagal: BTreeMap::new(),
        nik: BTreeSet::new(),
        baris: 0,
    };
    for r in reader.records() {
        let r = r.unwrap();
        h.baris += 1;
        h.nik.insert(r[nik].to_string());
        let rp: u64 = r[nilai].parse().unwrap();
        for w in leluhur(&r[kode]) {
            let a = h
                .angka
                .entry((
                    w,
                    r[program].to_string(),
                    r[tahap].to_string(),
                    r[penyalur].to_string(),
                ))
                .or_default();
            a.alokasi_kpm += 1;
            a.alokasi_nilai += rp;
            match &r[status] {
                "tersalur" => {
                    a.tersalur_kpm += 1;
                    a.tersalur_nilai += rp;
                }
                "gagal" => a.gagal_kpm += 1,
                "proses" => {}
                s => panic!("the generator wrote status {s}"),
            }
        }
        if &r[status] == "gagal" {
            *h.gagal
                .entry((
                    r[kode][..2].to_string(),
                    r[program].to_string(),
                    r[tahap].to_string(),
                    r[penyalur].to_string(),
                    KodeAlasan::golongkan(&r[alasan]).kode(),
                ))
                .or_default() += 1;
        }
    }
    h
}

/// Whether Python's `duckdb` can be imported; if not, the test says SKIPPED (or fails with
/// `SALUR_DUCKDB=required`) and its caller returns.
fn duckdb_ada(test: &str) -> bool {
    let ada = Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ada {
        common::lewati(
            test,
            "SALUR_DUCKDB",
            "Python duckdb (engine/duckdb_run.py) is not installed",
            "python3 -m pip install duckdb",
        );
    }
    ada
}

/// Runs `python3` with `args` in `dir`, panicking with its output on failure; returns stdout.
fn python(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("python3")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "python3 {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A count as the site writes it in Indonesian (`4.396`).
fn ribuan(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The rows of a CSV download (BOM and all) as maps of column → value.
fn unduhan(path: &Path) -> Vec<BTreeMap<String, String>> {
    let text = fs::read_to_string(path).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let kolom: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            kolom
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// Checks the programme table of one tahap on a region page (`index.html` for the site):
/// each programme × penyalur row's allocated, paid and failed KPM and paid rupiah.
fn periksa_tabel_program(public: &Path, halaman: &str, wilayah: &str, h: &Harapan) -> usize {
    let doc = scraper::Html::parse_document(&fs::read_to_string(public.join(halaman)).unwrap());
    let mut dicek = 0;
    for ((w, program, tahap, penyalur), a) in &h.angka {
        if w != wilayah {
            continue;
        }
        // A row per programme × penyalur: the programme's link, the penyalur under it (a
        // programme paid by several has a "Jumlah" row after them).
        let id = format!("{program} {penyalur}");
        let sel = common::sel(&format!(
            "table#tahap-{}-program tbody tr",
            tahap.to_lowercase()
        ));
        let tr = doc
            .select(&sel)
            .find(|tr| {
                let teks = |s: &str| tr.select(&common::sel(s)).next().map(common::text);
                teks("th a").as_deref() == Some(program.as_str())
                    && teks("th .sub").as_deref() == Some(penyalur.as_str())
            })
            .unwrap_or_else(|| panic!("{halaman}: no row for {id}"));
        let td: Vec<String> = tr.select(&common::sel("td")).map(common::text).collect();
        assert_eq!(td[0], ribuan(a.alokasi_kpm), "{halaman} {id}: alokasi");
        assert_eq!(td[1], ribuan(a.tersalur_kpm), "{halaman} {id}: tersalur");
        assert_eq!(td[3], ribuan(a.gagal_kpm), "{halaman} {id}: gagal");
        assert_eq!(
            td[5],
            format!("Rp {}", ribuan(a.tersalur_nilai)),
            "{halaman} {id}: nilai tersalur"
        );
        dicek += 1;
    }
    dicek
}

#[test]
fn engine_duckdb_to_site_totals_equal_the_recipient_rows() {
    if !duckdb_ada("mesin::engine_duckdb_to_site_totals_equal_the_recipient_rows") {
        return;
    }
    let engine = common::root().join("engine");
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("situs");

    // A new site for the three kota, with the ministry's hand-kept programme and tahap files
    // and without init's sample figures.
    let mut init = Command::new(env!("CARGO_BIN_EXE_salur"));
    init.arg("init").arg(&site);
    for k in KOTA {
        init.args(["--wilayah", k]);
    }
    let out = init.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fs::write(site.join("data/program.csv"), PROGRAM).unwrap();
    fs::write(site.join("data/tahap.csv"), TAHAP).unwrap();
    for f in ["alokasi.csv", "realisasi.csv"] {
        let _ = fs::remove_file(site.join("data").join(f));
    }
    let _ = fs::remove_dir_all(site.join("content/rapat"));

    // The recipient table (outside the site, as on the ministry's server), then the engine.
    let penerima = dir.path().join("penerima.csv");
    let p = |p: &Path| p.to_str().unwrap().to_string();
    python(
        dir.path(),
        &[
            &p(&engine.join("contoh_penerima.py")),
            "--wilayah",
            &p(&site.join("data/wilayah.csv")),
            "--out",
            &p(&penerima),
        ],
    );
    let h = hitung(&penerima);
    let provinsi: BTreeSet<&str> = KOTA.iter().map(|k| &k[..2]).collect();
    assert!(h.baris > 3_000, "{} rows", h.baris);
    let ringkas = python(
        dir.path(),
        &[
            &p(&engine.join("duckdb_run.py")),
            &p(&penerima),
            "--out",
            &p(&site),
        ],
    );
    common::figure(&format!(
        "mesin: {} recipient rows → {}",
        h.baris,
        ringkas.trim().replace('\n', "; ")
    ));
    // A second run over the same table writes the same bytes (salur then builds the same site).
    let pertama = common::files(&site.join("data"));
    python(
        dir.path(),
        &[
            &p(&engine.join("duckdb_run.py")),
            &p(&penerima),
            "--out",
            &p(&site),
        ],
    );
    assert!(
        pertama == common::files(&site.join("data")),
        "two runs over one table wrote different files"
    );
    for input in ["alokasi", "realisasi"] {
        for pr in &provinsi {
            let part = site.join(format!("data/{input}/provinsi={pr}/data_0.parquet"));
            assert!(part.is_file(), "{} not written", part.display());
        }
    }

    let public = dir.path().join("public");
    common::build(&site, &public);

    // Every region at every level × programme × tahap × penyalur in unduh/realisasi.csv.
    let mut dilihat = BTreeSet::new();
    for row in unduhan(&public.join("unduh/realisasi.csv")) {
        let kunci = (
            row["kode_wilayah"].clone(),
            row["program"].clone(),
            row["tahap"].clone(),
            row["penyalur"].clone(),
        );
        let Some(a) = h.angka.get(&kunci) else {
            panic!("unduh/realisasi.csv has a row the recipient table has not: {kunci:?}");
        };
        let angka = |k: &str| -> u64 {
            row[k]
                .parse()
                .unwrap_or_else(|_| panic!("{kunci:?} {k} = {:?}", row[k]))
        };
        let dibaca = Angka {
            alokasi_kpm: angka("alokasi_kpm"),
            alokasi_nilai: angka("alokasi_nilai"),
            tersalur_kpm: angka("tersalur_kpm"),
            tersalur_nilai: angka("tersalur_nilai"),
            gagal_kpm: angka("gagal_kpm"),
        };
        assert_eq!(&dibaca, a, "{kunci:?}");
        dilihat.insert(kunci);
    }
    let diharap: BTreeSet<&Kunci> = h.angka.keys().filter(|k| !k.0.is_empty()).collect();
    assert_eq!(
        dilihat.iter().collect::<BTreeSet<_>>(),
        diharap,
        "unduh/realisasi.csv lacks regions the recipient rows have"
    );

    // The home page's and each provinsi page's programme tables.
    let mut sel = periksa_tabel_program(&public, "index.html", "", &h);
    for pr in &provinsi {
        sel += periksa_tabel_program(&public, &format!("wilayah/{pr}/{pr}.html"), pr, &h);
    }
    // The site: BLTS by PT Pos, PKH by three banks; a provinsi: BLTS and PKH by its bank.
    assert_eq!(sel, 4 + 3 * 2, "programme rows checked");

    // Failures by reason for each provinsi, where the download shows the count.
    let mut alasan = 0;
    for row in unduhan(&public.join("unduh/gagal.csv")) {
        if row["tingkat"] != "provinsi" || row["tampil"] != "angka" || row["alasan"] == "semua" {
            continue;
        }
        let kunci = (
            row["kode_wilayah"].clone(),
            row["program"].clone(),
            row["tahap"].clone(),
            row["penyalur"].clone(),
        );
        let harap = h
            .gagal
            .iter()
            .find(|((w, pg, t, py, kode), _)| {
                (w, pg, t, py) == (&kunci.0, &kunci.1, &kunci.2, &kunci.3) && *kode == row["alasan"]
            })
            .map_or(0, |(_, n)| *n);
        assert_eq!(row["kpm"], harap.to_string(), "{kunci:?} {}", row["alasan"]);
        alasan += 1;
    }
    assert!(
        alasan >= 20,
        "only {alasan} reason counts shown by provinsi"
    );

    // No NIK and no name of the recipient table in any published file.
    let mut berkas = 0;
    for (rel, bytes) in common::files(&public) {
        let text = String::from_utf8_lossy(&bytes);
        for nama in NAMA_BELAKANG {
            assert!(
                !text.contains(nama),
                "{rel} holds a recipient's name ({nama})"
            );
        }
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let j = b[i..]
                .iter()
                .position(|c| !c.is_ascii_digit())
                .map_or(b.len(), |n| i + n);
            if j - i >= 16 {
                let run = &text[i..j];
                assert!(
                    !h.nik.iter().any(|n| run.contains(n.as_str())),
                    "{rel} holds a recipient's NIK"
                );
            }
            i = j + 1;
        }
        berkas += 1;
    }
    common::figure(&format!(
        "mesin: {} region × programme × tahap × penyalur rows, {sel} programme rows, {alasan} reason counts equal the recipient rows; {berkas} files without a NIK or name",
        dilihat.len()
    ));
}

/// The SQL is what both engines accept unchanged: no `::` cast, no double-quoted text (Spark
/// reads it as a string, DuckDB as a name), no `;` (Spark's `spark.sql` refuses one), no
/// personal column selected. Needs no Python.
#[test]
fn engine_sql_is_portable_and_selects_no_personal_column() {
    let engine = common::root().join("engine");
    let mut dicek = 0;
    for f in ["penerima", "periksa", "alokasi", "realisasi"] {
        let text = fs::read_to_string(engine.join(format!("{f}.sql"))).unwrap();
        let kode: String = text
            .lines()
            .map(|l| l.split("--").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        for tanda in ["::", "\"", ";"] {
            assert!(!kode.contains(tanda), "engine/{f}.sql has {tanda}");
        }
        let kecil = kode.to_lowercase();
        assert!(!kecil.contains("nama"), "engine/{f}.sql reads nama");
        if f == "alokasi" || f == "realisasi" {
            assert!(!kecil.contains("nik"), "engine/{f}.sql reads nik");
            assert!(kecil.contains("order by"), "engine/{f}.sql has no order");
        }
        dicek += 1;
    }
    assert_eq!(dicek, 4);
}

/// Rows that break the recipient schema stop the runner before it writes anything, and its
/// message names the problems by code and count, never a NIK or a name.
#[test]
fn engine_refuses_bad_recipient_rows_and_writes_nothing() {
    if !duckdb_ada("mesin::engine_refuses_bad_recipient_rows_and_writes_nothing") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("situs");
    fs::create_dir_all(site.join("data")).unwrap();
    let penerima = dir.path().join("penerima.csv");
    fs::write(
        &penerima,
        "nik,nama,kode_wilayah,program,tahap,penyalur,tanggal,status,alasan,nilai\n\
         3575014207490002,Tugimin Suryodiningrat,35.75.01.1001,BLTS,2025-4,PT Pos Indonesia,2025-10-07,tersalur,,900000\n\
         3575014207490002,Tugimin Suryodiningrat,35.75.01.1001,BLTS,2025-4,PT Pos Indonesia,2025-10-08,tersalur,,900000\n\
         3575017006470001,Paini Hadisuwarno,35.75.01.1002,BLTS,2025-4,PT Pos Indonesia,,tersalur,,900000\n\
         3575015106520003,Sukarti Atmosudiro,35.75.01,BLTS,2025-4,PT Pos Indonesia,2025-10-09,gagal,,900000\n\
         3575015106520004,Jumadi Kartodikromo,35.75.01.1003,BLTS,2025-4,PT Pos Indonesia,2025-10-09,gagal,,900000\n\
         3575015106520005,Ponirah Wiryosuparto,35.75.01.1003,BLTS,2025-4,PT Pos Indonesia,,SUDAH SALUR,,900000\n",
    )
    .unwrap();
    let out = Command::new("python3")
        .arg(common::root().join("engine/duckdb_run.py"))
        .arg(&penerima)
        .arg("--out")
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let pesan = String::from_utf8_lossy(&out.stderr);
    for masalah in [
        "nik_ganda, BLTS, 2025-4, 35.75.01.1001, 2",
        "tanggal_kosong, BLTS, 2025-4, 35.75.01.1002, 1",
        "kode_wilayah_bukan_desa, BLTS, 2025-4, 35.75.01, 1",
        "alasan_kosong, BLTS, 2025-4, 35.75.01.1003, 1",
        "status_tidak_dikenal, BLTS, 2025-4, 35.75.01.1003, 1",
    ] {
        assert!(pesan.contains(masalah), "no {masalah:?} in:\n{pesan}");
    }
    for pribadi in ["3575", "Tugimin", "Suryodiningrat", "Paini"] {
        assert!(!pesan.contains(pribadi), "{pribadi} in:\n{pesan}");
    }
    let ditulis: Vec<_> = fs::read_dir(site.join("data")).unwrap().collect();
    assert!(ditulis.is_empty(), "written: {ditulis:?}");
}
