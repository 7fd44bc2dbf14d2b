//! Recipient lists (`[[penerima]]`): a BNBA-shaped export for a real kabupaten/kota, read
//! privately, gives the same pages as the aggregate rows it stands for, and none of its NIK,
//! names or addresses reaches `public/`, `.salur/` or `salur check`'s output.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use rand::{Rng, SeedableRng};

fn salur(args: &[&str], dir: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_salur"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run salur");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const PROGRAM: &str = "kode,nama,sumber_dana,nilai_per_kpm,periode\n\
                       BLTS,BLT Kesra,APBN,900000,sekali\n";
const TAHAP: &str = "kode,nama,mulai,selesai\n2025-4,Tahap IV 2025,2025-10-01,2025-12-31\n";

const NAMA_DEPAN: &[&str] = &[
    "SITI", "MUHAMMAD", "NUR", "SRI", "AHMAD", "DEWI", "SUPARMI", "BAMBANG", "RATNA", "AGUS",
];
const NAMA_BELAKANG: &[&str] = &[
    "AMINAH", "RIDWAN", "HIDAYAT", "LESTARI", "SANTOSO", "WAHYUNI", "PRASETYO", "MULYANI",
];
const JALAN: &[&str] = &["MAWAR", "MELATI", "KENANGA", "ANGGREK", "DAHLIA"];

/// One generated household.
struct Baris {
    nik: String,
    nama: String,
    alamat: String,
    kode: String,
    kelurahan: String,
    kecamatan: String,
    rw: String,
    status: &'static str,
    tanggal: Option<(u8, u8)>,
    keterangan: String,
}

/// A new site for Kota Pasuruan (`salur init`), its programme and tahap, and a generated list
/// of `n` households per kelurahan (a fixed seed).
fn situs_dan_daftar(dir: &Path) -> Vec<Baris> {
    let (ok, _, stderr) = salur(&["init", "situs", "--wilayah", "35.75"], dir);
    assert!(ok, "{stderr}");
    let site = dir.join("situs");
    std::fs::write(site.join("data/program.csv"), PROGRAM).unwrap();
    std::fs::write(site.join("data/tahap.csv"), TAHAP).unwrap();
    for f in ["alokasi.csv", "realisasi.csv"] {
        let _ = std::fs::remove_file(site.join("data").join(f));
    }
    let _ = std::fs::remove_dir_all(site.join("content/rapat"));
    let wilayah = std::fs::read_to_string(site.join("data/wilayah.csv")).unwrap();
    let mut nama: BTreeMap<String, String> = BTreeMap::new();
    for line in wilayah.lines().skip(1) {
        let mut f = line.split(',');
        let (Some(kode), Some(n)) = (f.next(), f.next()) else {
            continue;
        };
        nama.insert(kode.to_string(), n.to_string());
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(22);
    let mut out = Vec::new();
    for (kode, kel) in nama.iter().filter(|(k, _)| k.len() == 13) {
        let kec = &nama[&kode[..8]];
        let n = rng.random_range(8..30);
        for _ in 0..n {
            let r: u8 = rng.random_range(0..10);
            let (status, tanggal, keterangan) = match r {
                0..=6 => (
                    "SUDAH SALUR",
                    Some((rng.random_range(1..=28), 11)),
                    String::new(),
                ),
                7 | 8 => {
                    let alasan = [
                        "MENINGGAL DUNIA, AHLI WARIS {nama}",
                        "PINDAH DOMISILI",
                        "TIDAK DITEMUKAN",
                    ][rng.random_range(0..3)];
                    (
                        "GAGAL SALUR",
                        Some((rng.random_range(1..=28), 12)),
                        alasan.to_string(),
                    )
                }
                _ => ("BELUM SALUR", None, String::new()),
            };
            let nama_orang = format!(
                "{} {}",
                NAMA_DEPAN[rng.random_range(0..NAMA_DEPAN.len())],
                NAMA_BELAKANG[rng.random_range(0..NAMA_BELAKANG.len())]
            );
            let rw = format!("{:03}", rng.random_range(1..6));
            out.push(Baris {
                nik: format!("3575{:012}", rng.random_range(0..1_000_000_000_000u64)),
                keterangan: keterangan.replace("{nama}", &nama_orang),
                nama: nama_orang,
                alamat: format!(
                    "JL. {} NO. {} RT {:03} RW {rw}",
                    JALAN[rng.random_range(0..JALAN.len())],
                    rng.random_range(1..200),
                    rng.random_range(1..10)
                ),
                kode: kode.clone(),
                kelurahan: format!("KEL. {}", kel.to_uppercase()),
                kecamatan: kec.to_uppercase(),
                rw,
                status,
                tanggal,
            });
        }
    }
    out
}

/// The list as a PT Pos export writes it: pipe-delimited, upper case, its own headers and
/// status words.
fn tulis_daftar(site: &Path, baris: &[Baris]) {
    let mut text = String::from(
        "NO|NIK|NAMA PENERIMA|ALAMAT|KECAMATAN|KELURAHAN|RW|STATUS|TGL SALUR|KETERANGAN\n",
    );
    for (i, b) in baris.iter().enumerate() {
        let tanggal = b
            .tanggal
            .map_or(String::new(), |(d, m)| format!("{d:02}/{m:02}/2025"));
        text.push_str(&format!(
            "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}\n",
            i + 1,
            b.nik,
            b.nama,
            b.alamat,
            b.kecamatan,
            b.kelurahan,
            b.rw,
            b.status,
            tanggal,
            b.keterangan
        ));
    }
    let dir = site.join("data/penerima");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bnba-pos-tahap4.csv"), text).unwrap();
}

const PENERIMA_TOML: &str = r#"
[[penerima]]
berkas = "data/penerima/bnba-pos-tahap4.csv"
program = "BLTS"
tahap = "2025-4"
penyalur = "PT Pos Indonesia"
[penerima.kolom]
kelurahan = "KELURAHAN"
kecamatan = "KECAMATAN"
rw = "RW"
status = "STATUS"
tanggal = "TGL SALUR"
alasan = "KETERANGAN"
nik = "NIK"
[penerima.status]
"SUDAH SALUR" = "tersalur"
"GAGAL SALUR" = "gagal"
"BELUM SALUR" = "belum"
"#;

/// The same households as aggregate rows, as an operator would pivot them by hand.
fn tulis_agregat(site: &Path, baris: &[Baris]) {
    let mut alokasi: BTreeMap<&str, u64> = BTreeMap::new();
    // (kode, (day, month), status, reason) → KPM
    type Kunci<'a> = (&'a str, (u8, u8), &'a str, &'a str);
    let mut realisasi: BTreeMap<Kunci, u64> = BTreeMap::new();
    for b in baris {
        *alokasi.entry(&b.kode).or_insert(0) += 1;
        if let Some(t) = b.tanggal {
            let (status, alasan) = match b.status {
                "SUDAH SALUR" => ("tersalur", ""),
                _ if b.keterangan.starts_with("MENINGGAL") => ("gagal", "meninggal"),
                _ if b.keterangan.starts_with("PINDAH") => ("gagal", "pindah"),
                _ => ("gagal", "tidak ditemukan"),
            };
            *realisasi.entry((&b.kode, t, status, alasan)).or_insert(0) += 1;
        }
    }
    let mut a = String::from("program,tahap,kode_wilayah,penyalur,kpm\n");
    for (kode, kpm) in alokasi {
        a.push_str(&format!("BLTS,2025-4,{kode},PT Pos Indonesia,{kpm}\n"));
    }
    let mut r = String::from("program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm\n");
    for ((kode, (d, m), status, alasan), kpm) in realisasi {
        r.push_str(&format!(
            "BLTS,2025-4,{kode},PT Pos Indonesia,2025-{m:02}-{d:02},{status},{alasan},{kpm}\n"
        ));
    }
    std::fs::write(site.join("data/alokasi.csv"), a).unwrap();
    std::fs::write(site.join("data/realisasi.csv"), r).unwrap();
}

/// Every file under `dir`, relative path → bytes.
fn berkas(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn mengandung(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn a_bnba_list_builds_the_pages_its_aggregates_would_and_publishes_no_person() {
    let tmp = tempfile::tempdir().unwrap();
    let baris = situs_dan_daftar(tmp.path());
    let site = tmp.path().join("situs");
    tulis_daftar(&site, &baris);
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(site.join("site.toml"), format!("{toml}{PENERIMA_TOML}")).unwrap();

    // check: how many rows gave to each figure, and nothing personal
    let (ok, check_out, check_err) = salur(&["check"], &site);
    assert!(ok, "{check_out}{check_err}");
    let tersalur = baris.iter().filter(|b| b.status == "SUDAH SALUR").count();
    let gagal = baris.iter().filter(|b| b.status == "GAGAL SALUR").count();
    let belum = baris.len() - tersalur - gagal;
    let ringkas = format!(
        "data/penerima/bnba-pos-tahap4.csv: {} baris → alokasi {} KPM, tersalur {}, gagal {}, belum {}",
        baris.len(),
        baris.len(),
        tersalur,
        gagal,
        belum
    );
    assert!(
        check_out.contains(&ringkas),
        "{ringkas}\nin\n{check_out}{check_err}"
    );

    let (ok, build_out, build_err) = salur(&["build"], &site);
    assert!(ok, "{build_out}{build_err}");
    let dari_daftar = berkas(&site.join("public"));
    let cache = berkas(&site.join(".salur"));

    // the kota's page shows the list's households as its allocation
    let kota = String::from_utf8_lossy(&dari_daftar["wilayah/35/35.75.html"]).into_owned();
    let total = salur::format::ribuan_u64(baris.len() as u64, salur::lang::Lang::Id);
    assert!(kota.contains(&total), "{total} on the kota's page");

    // nothing of a person anywhere: pages, downloads, cache, the check's words
    let keluaran = dari_daftar
        .iter()
        .chain(cache.iter())
        .map(|(p, b)| (p.clone(), b.clone()))
        .chain([
            (
                "check".to_string(),
                format!("{check_out}{check_err}").into_bytes(),
            ),
            (
                "build".to_string(),
                format!("{build_out}{build_err}").into_bytes(),
            ),
        ]);
    for (path, bytes) in keluaran {
        for b in &baris {
            for pribadi in [&b.nik, &b.nama, &b.alamat] {
                assert!(
                    !mengandung(&bytes, pribadi) && !path.contains(pribadi.as_str()),
                    "{pribadi} in {path}"
                );
            }
            if !b.keterangan.is_empty() {
                assert!(
                    !mengandung(&bytes, &b.keterangan),
                    "{} in {path}",
                    b.keterangan
                );
            }
        }
        // the list's file name is the operator's (check names it), never the site's
        if path != "check" && path != "build" {
            assert!(
                !mengandung(&bytes, "bnba-pos"),
                "the list's file name in {path}"
            );
        }
    }

    // the same households as aggregate rows: the same pages
    let tmp2 = tempfile::tempdir().unwrap();
    situs_dan_daftar(tmp2.path());
    let site2 = tmp2.path().join("situs");
    tulis_agregat(&site2, &baris);
    let (ok, _, stderr) = salur(&["build"], &site2);
    assert!(ok, "{stderr}");
    let dari_agregat = berkas(&site2.join("public"));
    assert_eq!(
        dari_daftar.keys().collect::<Vec<_>>(),
        dari_agregat.keys().collect::<Vec<_>>()
    );
    // Every page is the same but for its source line, which names the aggregate site's
    // files and the list site's "recipient lists" (never the list's file), and the two pages
    // that list the input files.
    let tanpa_sumber = |b: &[u8]| -> String {
        let t = String::from_utf8_lossy(b);
        let mut out = String::new();
        let mut rest = t.as_ref();
        while let Some(i) = rest.find("<p class=\"sumber\">") {
            out.push_str(&rest[..i]);
            rest = rest[i..].split_once("</p>").map_or("", |(_, r)| r);
        }
        out.push_str(rest);
        out
    };
    let mut beda = Vec::new();
    let mut sumber_beda = 0;
    for (path, bytes) in &dari_daftar {
        let lain = &dari_agregat[path];
        if lain == bytes {
            continue;
        }
        if tanpa_sumber(lain) == tanpa_sumber(bytes) {
            sumber_beda += 1;
            let t = String::from_utf8_lossy(bytes);
            assert!(
                t.contains("tentang-data.html#daftar-penerima\">daftar penerima</a>"),
                "{path}"
            );
            assert!(!t.contains("data/alokasi.csv"), "{path}");
        } else {
            beda.push(path.clone());
        }
    }
    assert!(sumber_beda > 30, "{sumber_beda} pages with a source line");
    assert_eq!(
        beda,
        ["datapackage.json", "tentang-data.html"],
        "pages that differ"
    );
    let tentang = String::from_utf8_lossy(&dari_daftar["tentang-data.html"]).into_owned();
    assert!(
        tentang.contains(&format!(
            "dihitung dari 1 daftar penerima (by name by address) dengan {total} baris"
        )),
        "{tentang}"
    );
}

/// A site for Kota Pasuruan with `list` as its one recipient list (pipe-delimited) and
/// `toml` as its `[[penerima]]`; returns `salur check`'s (ok, stdout + stderr).
fn periksa_daftar(list: &str, toml: &str, lain: &[(&str, &str)]) -> (bool, String) {
    let tmp = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = salur(&["init", "situs", "--wilayah", "35.75"], tmp.path());
    assert!(ok, "{stderr}");
    let site = tmp.path().join("situs");
    std::fs::write(site.join("data/program.csv"), PROGRAM).unwrap();
    std::fs::write(site.join("data/tahap.csv"), TAHAP).unwrap();
    for f in ["alokasi.csv", "realisasi.csv"] {
        let _ = std::fs::remove_file(site.join("data").join(f));
    }
    let _ = std::fs::remove_dir_all(site.join("content/rapat"));
    std::fs::create_dir_all(site.join("data/penerima")).unwrap();
    std::fs::write(site.join("data/penerima/daftar.csv"), list).unwrap();
    for (path, text) in lain {
        std::fs::write(site.join(path), text).unwrap();
    }
    let base = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(site.join("site.toml"), format!("{base}{toml}")).unwrap();
    let (ok, out, err) = salur(&["check"], &site);
    (ok, format!("{out}{err}"))
}

const TOML_KECIL: &str = r#"
[[penerima]]
berkas = "data/penerima/daftar.csv"
program = "BLTS"
tahap = "2025-4"
penyalur = "PT Pos Indonesia"
[penerima.kolom]
kelurahan = "KELURAHAN"
kecamatan = "KECAMATAN"
status = "STATUS"
tanggal = "TGL SALUR"
alasan = "KETERANGAN"
nik = "NIK"
"#;

const HEADER_KECIL: &str = "NIK|NAMA|KECAMATAN|KELURAHAN|STATUS|TGL SALUR|KETERANGAN\n";

#[test]
fn a_list_is_checked_row_by_row_without_quoting_a_person() {
    let list = format!(
        "{HEADER_KECIL}\
         3575011203800001|BUDI SANTOSO|GADINGREJO|KEL. KARANGKETUG|tersalur|03/11/2025|\n\
         3575011203800002|SITI AMINAH|GADINGREJO|KARANGKETUK|tersalur|03/11/2025|\n\
         3575011203800001|BUDI SANTOSO|GADINGREJO|KARANGKETUG|tersalur|03/11/2025|\n\
         3575011203800003|AGUS RIDWAN|GADINGREJO|KARANGKETUG|SUDAH|03/11/2025|\n\
         3575011203800004|DEWI LESTARI|GADINGREJO|KARANGKETUG|gagal||MENINGGAL, AHLI WARIS DEWI\n"
    );
    let (ok, out) = periksa_daftar(&list, TOML_KECIL, &[]);
    assert!(!ok, "{out}");
    // a name that is not a kelurahan of that kecamatan: the nearest one
    assert!(
        out.contains(
            "data/penerima/daftar.csv:3:4: 'K**********': tidak ada desa/kelurahan bernama ini"
        ) && out.contains("mungkin maksudnya 'Karangketug'"),
        "{out}"
    );
    // one household twice: both lines, the NIK masked
    assert!(
        out.contains(
            "data/penerima/daftar.csv:4:1: '3575**********01': NIK ini sudah ada di baris 2"
        ),
        "{out}"
    );
    // a status word site.toml does not name: the words it knows
    assert!(
        out.contains("data/penerima/daftar.csv:5:5: 'S****': status tidak dikenal; yang dikenal: tersalur, gagal, belum"),
        "{out}"
    );
    // a failure without its date
    assert!(out.contains("data/penerima/daftar.csv:6:6:"), "{out}");
    for pribadi in [
        "BUDI",
        "SITI",
        "AGUS",
        "DEWI",
        "AMINAH",
        "3575011203800001",
        "AHLI WARIS",
    ] {
        assert!(!out.contains(pribadi), "{pribadi} in\n{out}");
    }
}

#[test]
fn a_kelurahan_outside_the_kecamatan_named_is_said_at_the_kecamatan() {
    let list = format!("{HEADER_KECIL}1|A|PURWOREJO|KARANGKETUG|tersalur|03/11/2025|\n");
    let (ok, out) = periksa_daftar(&list, TOML_KECIL, &[]);
    assert!(!ok);
    assert!(
        out.contains("data/penerima/daftar.csv:2:3: 'P********': desa/kelurahan yang disebut baris ini tidak ada di kecamatan ini; ada di Kecamatan Gadingrejo"),
        "{out}"
    );
}

#[test]
fn a_name_two_desa_share_needs_its_kecamatan() {
    let tmp = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = salur(&["init", "w", "--wilayah", "35.75"], tmp.path());
    assert!(ok, "{stderr}");
    let mut wilayah = std::fs::read_to_string(tmp.path().join("w/data/wilayah.csv")).unwrap();
    wilayah.push_str("35.75.01.2001,Sukamaju,,\n35.75.02.2001,Sukamaju,,\n");
    let header = "NIK|NAMA|KELURAHAN|STATUS|TGL SALUR|KETERANGAN\n";
    let toml = TOML_KECIL.replace("kecamatan = \"KECAMATAN\"\n", "");
    // without a kecamatan: both candidates, with their kecamatan
    let list = format!("{header}1|A|DESA SUKAMAJU|tersalur|03/11/2025|\n");
    let (ok, out) = periksa_daftar(&list, &toml, &[("data/wilayah.csv", &wilayah)]);
    assert!(!ok);
    assert!(
        out.contains("data/penerima/daftar.csv:2:3: 'D*** S*******': nama ini dimiliki beberapa desa/kelurahan: 35.75.01.2001 Sukamaju (Gadingrejo), 35.75.02.2001 Sukamaju (Purworejo)"),
        "{out}"
    );
    // with it: counted
    let list = format!("{HEADER_KECIL}1|A|Kec. Purworejo|Ds. Sukamaju|tersalur|03/11/2025|\n");
    let (ok, out) = periksa_daftar(&list, TOML_KECIL, &[("data/wilayah.csv", &wilayah)]);
    assert!(ok, "{out}");
    assert!(
        out.contains(
            "data/penerima/daftar.csv: 1 baris → alokasi 1 KPM, tersalur 1, gagal 0, belum 0"
        ),
        "{out}"
    );
}

#[test]
fn a_list_may_not_map_a_column_it_reads_onto_names() {
    let list = format!("{HEADER_KECIL}1|A|GADINGREJO|KARANGKETUG|tersalur|03/11/2025|\n");
    let toml = TOML_KECIL.replace("status = \"STATUS\"", "status = \"NAMA\"");
    let (ok, out) = periksa_daftar(&list, &toml, &[]);
    assert!(!ok);
    assert!(
        out.contains("data/penerima/daftar.csv:1:2: 'NAMA': privasi: kolom status daftar penerima dipetakan ke kolom berisi data pribadi"),
        "{out}"
    );
}

#[test]
fn an_undeclared_list_and_a_list_counted_twice_are_refused() {
    let list = format!("{HEADER_KECIL}1|A|GADINGREJO|KARANGKETUG|tersalur|03/11/2025|\n");
    let alokasi = "program,tahap,kode_wilayah,penyalur,kpm\nBLTS,2025-4,35.75.01,Bank Jatim,40\n";
    let (ok, out) = periksa_daftar(
        &list,
        TOML_KECIL,
        &[
            ("data/penerima/lama.csv", "NIK|NAMA\n3575011203800009|X\n"),
            ("data/alokasi.csv", alokasi),
        ],
    );
    assert!(!ok);
    assert!(
        out.contains("data/penerima/lama.csv: privasi: berkas di data/penerima/ ini tidak disebut [[penerima]]"),
        "{out}"
    );
    // the list's kelurahan is below the kecamatan the aggregate row counts
    assert!(
        out.contains("data/penerima/daftar.csv: '35.75.01.1001': KPM BLTS tahap 2025-4 di wilayah ini juga dihitung oleh data/alokasi.csv"),
        "{out}"
    );
}

#[test]
fn a_list_must_be_under_data_penerima_once_with_its_penyalur_from_site_toml() {
    let list = format!("{HEADER_KECIL}1|A|GADINGREJO|KARANGKETUG|tersalur|03/11/2025|\n");
    let toml = format!(
        "{TOML_KECIL}\n[[penerima]]\nberkas = \"themes/default/static/bnba.csv\"\npenyalur = \"X\"\n\
         \n[[penerima]]\nberkas = \"data/penerima/../bnba.csv\"\npenyalur = \"X\"\n\
         \n[[penerima]]\nberkas = \"./data/penerima/daftar.csv\"\npenyalur = \"X\"\n\
         \n[[penerima]]\nberkas = \"data/penerima/lain.csv\"\n[penerima.kolom]\npenyalur = \"BANK\"\n"
    );
    let (ok, out) = periksa_daftar(&list, &toml, &[("data/penerima/lain.csv", HEADER_KECIL)]);
    assert!(!ok);
    let base = out
        .lines()
        .find(|l| l.contains("themes/default/static/bnba.csv"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        base.contains("daftar penerima harus di data/penerima/"),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.contains("data/penerima/../bnba.csv")
                && l.contains("harus di data/penerima/")),
        "{out}"
    );
    assert!(
        out.contains("berkas ini sudah disebut [[penerima]] di baris"),
        "the same list twice: {out}"
    );
    assert!(out.contains("kunci tidak dikenal 'penyalur'"), "{out}");
    assert!(out.contains("'penyalur'"), "{out}");
}

#[test]
fn an_rw_that_is_not_a_number_a_kecamatan_code_and_a_nik_in_two_lists_are_refused() {
    let header = "NIK|NAMA|KODE|RW|STATUS|TGL SALUR|KETERANGAN\n";
    let list = format!(
        "{header}\
         3575011203800001|BUDI SANTOSO|35.75.01.1001|AHMAD FAUZAN|Sudah  Salur|03/11/2025|\n\
         3575011203800002|SITI AMINAH|35.75.01|003|tersalur|03/11/2025|\n"
    );
    let lain =
        format!("{header}3575011203800001|BUDI SANTOSO|35.75.01.1002|01|gagal-salur|04/11/2025|\n");
    let toml = r#"
[[penerima]]
berkas = "data/penerima/daftar.csv"
program = "BLTS"
tahap = "2025-4"
penyalur = "PT Pos Indonesia"
[penerima.kolom]
kode_wilayah = "KODE"
rw = "RW"
status = "STATUS"
tanggal = "TGL SALUR"
nik = "NIK"
[penerima.status]
"sudah salur" = "tersalur"
"tersalur" = "tersalur"
"GAGAL SALUR" = "gagal"

[[penerima]]
berkas = "data/penerima/bank.csv"
program = "BLTS"
tahap = "2025-4"
penyalur = "Bank BRI"
[penerima.kolom]
kode_wilayah = "KODE"
rw = "RW"
status = "STATUS"
tanggal = "TGL SALUR"
nik = "NIK"
[penerima.status]
"GAGAL SALUR" = "gagal"
"#;
    let (ok, out) = periksa_daftar(&list, toml, &[("data/penerima/bank.csv", &lain)]);
    assert!(!ok);
    assert!(
        out.contains("data/penerima/daftar.csv:2:4: 'A**** F*****': seharusnya nomor RW"),
        "{out}"
    );
    assert!(
        out.contains("data/penerima/daftar.csv:3:3: '35.75.01': kode ini bukan desa/kelurahan"),
        "{out}"
    );
    assert!(
        out.contains("data/penerima/bank.csv:2:1: '3575**********01': NIK ini sudah ada di data/penerima/daftar.csv baris 2"),
        "{out}"
    );
    // `Sudah  Salur` and `gagal-salur` are the words site.toml names
    assert!(!out.contains("status tidak dikenal"), "{out}");
    for pribadi in ["AHMAD", "FAUZAN", "BUDI", "SITI"] {
        assert!(!out.contains(pribadi), "{pribadi} in\n{out}");
    }
}

/// A list's RW column feeds `salur jadwal usul`: no hand-made `rw.csv`.
#[test]
fn a_lists_rw_counts_feed_the_schedule_proposer() {
    let tmp = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = salur(&["init", "situs", "--wilayah", "35.75"], tmp.path());
    assert!(ok, "{stderr}");
    let site = tmp.path().join("situs");
    std::fs::write(site.join("data/program.csv"), PROGRAM).unwrap();
    std::fs::write(site.join("data/tahap.csv"), TAHAP).unwrap();
    for f in ["alokasi.csv", "realisasi.csv"] {
        let _ = std::fs::remove_file(site.join("data").join(f));
    }
    let _ = std::fs::remove_dir_all(site.join("content/rapat"));
    std::fs::create_dir_all(site.join("data/penerima")).unwrap();
    std::fs::write(
        site.join("data/penerima/daftar.csv"),
        "NIK|NAMA|KECAMATAN|KELURAHAN|RW|STATUS|TGL SALUR|KETERANGAN\n\
         3575011203800001|A|GADINGREJO|KARANGKETUG|RW 01|belum||\n\
         3575011203800002|B|GADINGREJO|KARANGKETUG|1|belum||\n\
         3575011203800003|C|GADINGREJO|KARANGKETUG|002|belum||\n",
    )
    .unwrap();
    let toml = TOML_KECIL.replace("status = \"STATUS\"", "status = \"STATUS\"\nrw = \"RW\"");
    let base = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(
        site.join("site.toml"),
        format!(
            "{base}\n[jadwal.usul]\nprogram = \"BLTS\"\ntahap = \"2025-4\"\nmulai = 2025-11-03\njumlah_hari = 2\n{toml}"
        ),
    )
    .unwrap();
    let usul = salur::usul_jadwal(&site).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((usul.titik_bayar, usul.kpm), (1, 3));
    assert!(
        usul.csv.contains(",35.75.01.1001,") && usul.csv.contains(",01,2\n"),
        "{}",
        usul.csv
    );
    assert!(usul.csv.contains(",02,1\n"), "{}", usul.csv);
    for pribadi in ["3575011203800001", "|A|"] {
        assert!(!usul.csv.contains(pribadi));
    }
}

/// A failure reason that matches no code is the operator's text, which may name a person:
/// `salur check` shows it on the operator's terminal, and masked in a CI log.
#[test]
fn an_unknown_reasons_text_is_masked_in_ci_output() {
    let tmp = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = salur(&["init", "situs", "--wilayah", "35.75"], tmp.path());
    assert!(ok, "{stderr}");
    let site = tmp.path().join("situs");
    std::fs::write(site.join("data/program.csv"), PROGRAM).unwrap();
    std::fs::write(site.join("data/tahap.csv"), TAHAP).unwrap();
    let _ = std::fs::remove_dir_all(site.join("content/rapat"));
    std::fs::write(
        site.join("data/alokasi.csv"),
        "program,tahap,kode_wilayah,penyalur,kpm\nBLTS,2025-4,35.75.01.1001,PT Pos Indonesia,10\n",
    )
    .unwrap();
    std::fs::write(
        site.join("data/realisasi.csv"),
        "program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm\n\
         BLTS,2025-4,35.75.01.1001,PT Pos Indonesia,2025-11-03,gagal,Siti Aminah menolak,4\n",
    )
    .unwrap();
    for format in ["github", "json"] {
        let (_, out, err) = salur(&["check", "--format", format], &site);
        assert!(
            !out.contains("Siti") && !err.contains("Siti"),
            "{format}: {out}{err}"
        );
        assert!(out.contains("S*** A***** m******"), "{format}: {out}");
    }
}

/// The same list as a Parquet file, as an engine writes it (the NIK and the RW typed as
/// integers, the rest strings), builds the same site and still publishes no person.
#[test]
fn a_list_given_as_parquet_builds_what_its_csv_does() {
    let tmp = tempfile::tempdir().unwrap();
    let baris = situs_dan_daftar(tmp.path());
    let site = tmp.path().join("situs");
    tulis_daftar(&site, &baris);
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(site.join("site.toml"), format!("{toml}{PENERIMA_TOML}")).unwrap();
    let (ok, out, err) = salur(&["build"], &site);
    assert!(ok, "{out}{err}");
    let dari_csv = berkas(&site.join("public"));

    let csv_list = site.join("data/penerima/bnba-pos-tahap4.csv");
    let rows: Vec<Vec<String>> = std::fs::read_to_string(&csv_list)
        .unwrap()
        .lines()
        .map(|l| l.split('|').map(str::to_string).collect())
        .collect();
    crate::parket::tulis(
        &rows,
        &site.join("data/penerima/bnba-pos-tahap4.parquet"),
        150,
        parquet::basic::Compression::SNAPPY,
    );
    std::fs::remove_file(&csv_list).unwrap();
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    std::fs::write(
        site.join("site.toml"),
        toml.replace("bnba-pos-tahap4.csv", "bnba-pos-tahap4.parquet"),
    )
    .unwrap();
    let (ok, check_out, check_err) = salur(&["check"], &site);
    assert!(ok, "{check_out}{check_err}");
    assert!(
        check_out.contains(&format!(
            "data/penerima/bnba-pos-tahap4.parquet: {} baris",
            baris.len()
        )),
        "{check_out}"
    );
    let (ok, out, err) = salur(&["build"], &site);
    assert!(ok, "{out}{err}");
    let dari_parquet = berkas(&site.join("public"));
    // the list is never named on a page: the sites are the same, byte for byte
    assert_eq!(dari_csv, dari_parquet);
    for b in &baris {
        for (path, bytes) in &dari_parquet {
            assert!(!mengandung(bytes, &b.nik), "a NIK in {path}");
        }
    }
}
