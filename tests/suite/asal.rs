//! Where the figures come from (`data/sumber_angka.csv`): every region page of the example
//! says which of its figures are the news reports' and which are illustrative, the regions
//! below inherit it, a total of regions that differ says so by name, and the downloads carry
//! the same per row and figure, described in the datapackage.

use crate::common;

use std::collections::BTreeMap;

use common::{example_site, page, sel, text};

/// The statements of a page's "Asal angka" section, as (label, text).
fn asal(path: &str) -> Vec<(String, String)> {
    let doc = page(path);
    doc.select(&sel("#asal-angka li"))
        .map(|li| {
            let label = li
                .select(&sel("strong"))
                .next()
                .map(text)
                .unwrap_or_default();
            (label, text(li))
        })
        .collect()
}

/// The rows of a region's CSV download, each as column → value.
fn csv(path: &str) -> Vec<BTreeMap<String, String>> {
    let bytes = std::fs::read(example_site().join(path)).unwrap();
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    r.records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect()
}

fn banner(path: &str) -> Option<String> {
    page(path).select(&sel(".asal-peringatan")).next().map(text)
}

#[test]
fn kutai_kartanegara_and_tuban_say_their_figures_are_illustrative_page_and_download() {
    for (kode, berita) in [
        ("64/64.02", "KutaiRaya.com"),
        ("35/35.23", "Komisi IV DPRD"),
    ] {
        let path = format!("wilayah/{kode}.html");
        let s = asal(&path);
        assert_eq!(s.len(), 1, "{path}: {s:?}");
        assert_eq!(s[0].0, "ilustratif");
        assert!(
            s[0].1.contains(berita) && s[0].1.contains("semua angka"),
            "{s:?}"
        );
        assert!(banner(&path).unwrap().contains("ilustratif"));
        // and every row of its download, itself and the regions below
        let rows = csv(&format!("wilayah/{kode}.csv"));
        assert!(rows.len() > 2);
        for r in &rows {
            for j in ["alokasi", "tersalur", "gagal"] {
                assert_eq!(r[&format!("sifat_{j}")], "ilustratif", "{kode}: {r:?}");
                assert!(r[&format!("sumber_{j}")].contains(berita), "{kode}: {r:?}");
            }
        }
    }
    // inherited down to a desa
    let s = asal("wilayah/64/64.02.04.2001.html");
    assert_eq!(s.len(), 1);
    assert!(s[0].1.contains("KutaiRaya.com"), "{s:?}");
}

#[test]
fn kota_pasuruan_has_the_news_totals_and_an_illustrative_split() {
    // its own allocations are the rakor's; its payments are made up
    let rows = csv("wilayah/35/35.75.csv");
    let kota: Vec<_> = rows.iter().filter(|r| r["peran"] == "wilayah").collect();
    assert_eq!(kota.len(), 3);
    for r in &kota {
        assert_eq!(r["sifat_alokasi"], "resmi", "{r:?}");
        assert!(r["sumber_alokasi"].contains("13 Juli 2021"), "{r:?}");
        let jumlah = match r["program"].as_str() {
            "BST" => "18.877",
            "BLT" => "10.550",
            _ => "5.744",
        };
        assert!(r["sumber_alokasi"].contains(jumlah), "{r:?}");
        assert_eq!(r["alokasi_kpm"], jumlah.replace('.', ""));
        assert_eq!(r["sifat_tersalur"], "ilustratif");
        assert_eq!(r["sifat_gagal"], "ilustratif");
    }
    // the kecamatan rows (the split) are illustrative
    for r in rows.iter().filter(|r| r["peran"] == "bagian") {
        assert_eq!(r["sifat_alokasi"], "ilustratif", "{r:?}");
        assert!(r["sumber_alokasi"].contains("hanya menyebut jumlah se-Kota Pasuruan"));
    }
    let s = asal("wilayah/35/35.75.01.1001.html");
    assert_eq!(s.len(), 1, "{s:?}");
    assert!(
        s[0].1.contains("hanya menyebut jumlah se-Kota Pasuruan"),
        "{s:?}"
    );
}

#[test]
fn kapuas_paid_via_bri_is_the_news_report_the_rest_illustrative() {
    let rows = csv("wilayah/62/62.03.csv");
    let kab: Vec<_> = rows.iter().filter(|r| r["peran"] == "wilayah").collect();
    assert_eq!(kab.len(), 4);
    for r in kab {
        let bri = r["penyalur"] == "BRI";
        assert_eq!(
            r["sifat_tersalur"],
            if bri { "resmi" } else { "ilustratif" },
            "{r:?}"
        );
        assert_eq!(r["sifat_alokasi"], "ilustratif");
        assert_eq!(r["sifat_gagal"], "ilustratif");
        if bri {
            let jumlah = if r["program"] == "PKH" {
                "1.472"
            } else {
                "15.868"
            };
            assert!(r["sumber_tersalur"].contains(jumlah), "{r:?}");
            assert_eq!(r["tersalur_kpm"], jumlah.replace('.', ""));
        } else {
            assert!(r["sumber_tersalur"].contains("2.269"), "{r:?}");
        }
    }
}

#[test]
fn a_total_of_regions_that_differ_names_them() {
    // Jawa Timur's BST: Kota Pasuruan's allocation is the news', Tuban's made up
    let rows = csv("wilayah/35/35.csv");
    let bst = rows
        .iter()
        .find(|r| r["peran"] == "wilayah" && r["program"] == "BST")
        .unwrap();
    assert_eq!(bst["sifat_alokasi"], "ilustratif");
    assert!(
        bst["sumber_alokasi"].contains("ilustratif: Kabupaten Tuban; resmi: Kota Pasuruan"),
        "{bst:?}"
    );
    let home = asal("index.html");
    assert!(
        home.iter()
            .any(|(l, t)| l == "ilustratif" && t.contains("Kabupaten Tuban; resmi: Kota Pasuruan")),
        "{home:?}"
    );
    assert!(banner("index.html").is_some());
    // a kabupaten/kota without such figures says nothing
    assert!(asal("wilayah/35/35.74.html").is_empty());
    assert!(banner("wilayah/35/35.74.html").is_none());
}

#[test]
fn the_datapackage_describes_the_columns_and_lists_the_file() {
    let dp: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(example_site().join("datapackage.json")).unwrap(),
    )
    .unwrap();
    assert!(
        dp["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["path"] == "data/sumber_angka.csv")
    );
    // the site-wide dataset's schema, and the one every region download shares
    let skema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(example_site().join("unduh/skema-angka.json")).unwrap(),
    )
    .unwrap();
    let realisasi = dp["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["path"] == "unduh/realisasi.csv")
        .unwrap();
    for (path, schema) in [
        ("unduh/realisasi.csv", &realisasi["schema"]),
        ("skema-angka", &skema),
    ] {
        let fields: Vec<&str> = schema["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert!(
            fields.ends_with(&[
                "sifat_alokasi",
                "sumber_alokasi",
                "sifat_tersalur",
                "sumber_tersalur",
                "sifat_gagal",
                "sumber_gagal"
            ]),
            "{path}: {fields:?}"
        );
    }
    // every row of the site-wide dataset says what its figures are
    let all = csv("unduh/realisasi.csv");
    assert!(all.iter().all(|r| !r["sifat_alokasi"].is_empty()));
}

#[test]
fn without_the_file_nothing_is_said_and_the_columns_stay_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(tmp.path(), |s| {
        std::fs::remove_file(s.join("data/sumber_angka.csv")).unwrap();
    });
    let html = std::fs::read_to_string(out.join("wilayah/64/64.02.html")).unwrap();
    assert!(!html.contains("asal-angka") && !html.contains("asal-peringatan"));
    // nor on the pages that show figures of several regions: no notice, no row mark
    for path in [
        "program/bst.html",
        "tahap/2021-07.html",
        "peringkat/index.html",
        "perubahan/2021-07.html",
        "gagal/62.03.html",
        "bandingkan/35.75-vs-35.23.html",
    ] {
        let html = std::fs::read_to_string(out.join(path)).unwrap();
        assert!(
            !html.contains("asal-peringatan") && !html.contains("class=\"sifat "),
            "{path}"
        );
    }
    let csv = std::fs::read_to_string(out.join("wilayah/64/64.02.csv")).unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",sifat_gagal,sumber_gagal"));
    assert!(lines.all(|l| l.ends_with(",,,,,,")), "{csv}");
}

/// The row marks (`.sifat`) of the rows of table `tabel` on page `path` of output `out`, as
/// (row head without the mark, mark).
fn tanda(out: &std::path::Path, path: &str, tabel: &str) -> Vec<(String, String)> {
    let html = std::fs::read_to_string(out.join(path)).unwrap();
    let doc = scraper::Html::parse_document(&html);
    doc.select(&sel(&format!("{tabel} tbody tr th")))
        .map(|th| {
            let mark = th
                .select(&sel(".sifat"))
                .next()
                .map(text)
                .unwrap_or_default();
            let head = text(th);
            (head.trim_end_matches(&mark).trim().to_string(), mark)
        })
        .collect()
}

fn notice(out: &std::path::Path, path: &str) -> Option<(String, String)> {
    let html = std::fs::read_to_string(out.join(path)).unwrap();
    let doc = scraper::Html::parse_document(&html);
    doc.select(&sel(".asal-peringatan")).next().map(|p| {
        let href = p
            .select(&sel("a"))
            .next()
            .and_then(|a| a.value().attr("href"))
            .unwrap_or_default()
            .to_string();
        (text(p), href)
    })
}

/// One statement, `sementara` for Kabupaten Tuban's BST payments of July 2021: the mark
/// follows those figures onto every page that shows them (the programme, tahap, ranking,
/// comparison, change and failure pages and the change download), and nowhere else.
#[test]
fn a_provisional_figure_is_marked_on_every_page_that_shows_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(tmp.path(), |s| {
        std::fs::write(
            s.join("data/sumber_angka.csv"),
            "kode_wilayah,program,tahap,penyalur,angka,cakupan,sifat,sumber\n\
             35.23,BST,2021-07,,realisasi,,sementara,Belum direkonsiliasi dengan PT Pos\n",
        )
        .unwrap();
    });
    // the site-wide pages of BST and of July 2021: a notice leading to the home page's list
    for path in [
        "program/bst.html",
        "tahap/2021-07.html",
        "perubahan/2021-07.html",
    ] {
        let (kata, href) = notice(&out, path).unwrap_or_else(|| panic!("{path}: no notice"));
        assert!(kata.contains("sementara"), "{path}: {kata}");
        assert_eq!(href, "../index.html#asal-angka", "{path}");
    }
    // a programme and a tahap it does not touch: nothing
    for path in ["program/pkh.html", "tahap/2024.html"] {
        assert!(notice(&out, path).is_none(), "{path}");
    }
    // the rows: Tuban's marked, Kota Pasuruan's not
    let peringkat = tanda(&out, "peringkat/index.html", "#bst-tahap-2021-07-tabel");
    assert!(
        peringkat.contains(&("Kabupaten Tuban".to_string(), "sementara".to_string())),
        "{peringkat:?}"
    );
    assert!(
        peringkat.contains(&("Kota Pasuruan".to_string(), String::new())),
        "{peringkat:?}"
    );
    let program = tanda(&out, "program/bst.html", "#bst-tahap-2021-07");
    assert!(
        program.contains(&("Kabupaten Tuban".to_string(), "sementara".to_string())),
        "{program:?}"
    );
    assert!(
        program.contains(&("Kota Pasuruan".to_string(), String::new())),
        "{program:?}"
    );
    // the comparison names Tuban with its mark, and the failure page of Tuban has the notice,
    // leading to Tuban's own list
    let banding = std::fs::read_to_string(out.join("bandingkan/35.75-vs-35.23.html")).unwrap();
    assert_eq!(
        banding.matches("class=\"sifat sifat-sementara\"").count(),
        1
    );
    let (kata, href) = notice(&out, "gagal/35.23.html").unwrap();
    assert!(kata.contains("sementara"), "{kata}");
    assert_eq!(href, "../wilayah/35/35.23.html#asal-angka");
    assert!(notice(&out, "gagal/35.75.html").is_none());
    // the change download: Tuban's BST row of July 2021 says so, Kota Pasuruan's is empty
    let perubahan = common::cells(&out.join("unduh/perubahan.csv"));
    let kolom = perubahan[0].iter().position(|c| c == "sifat").unwrap();
    let baris = |kode: &str| {
        perubahan
            .iter()
            .find(|r| r[0] == "2021-07" && r[2] == "BST" && r[3] == kode)
            .unwrap_or_else(|| panic!("{kode}: {perubahan:?}"))[kolom]
            .clone()
    };
    assert_eq!(baris("35.23"), "sementara");
    assert_eq!(baris("35.75"), "");
}

/// Appends `entri` (TOML) to the site's `site.toml`.
fn tambah_toml(site: &std::path::Path, entri: &str) {
    let p = site.join("site.toml");
    let mut text = std::fs::read_to_string(&p).unwrap();
    text.push_str(entri);
    std::fs::write(p, text).unwrap();
}

/// `[[sumber]]` in site.toml marks every figure of one file without a `sumber_angka.csv`:
/// Kutai Kartanegara's payments and failures are `sementara` on its page and in its download,
/// its allocations (another file) are not said anything of.
#[test]
fn a_whole_file_is_marked_by_a_sumber_entry_of_site_toml() {
    let tmp = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(tmp.path(), |s| {
        std::fs::remove_file(s.join("data/sumber_angka.csv")).unwrap();
        tambah_toml(
            s,
            "\n[[sumber]]\nberkas = \"data/realisasi.csv\"\nstatus = \"sementara\"\n\
             keterangan = \"Belum direkonsiliasi dengan laporan bank\"\n",
        );
    });
    let (kata, href) = notice(&out, "wilayah/64/64.02.html").unwrap();
    assert!(kata.contains("sementara"), "{kata}");
    assert_eq!(href, "#asal-angka");
    let html = std::fs::read_to_string(out.join("wilayah/64/64.02.html")).unwrap();
    assert!(html.contains("Belum direkonsiliasi dengan laporan bank"));
    // every row of the download: paid and failed provisional, allocation not stated
    let rows = common::cells(&out.join("wilayah/64/64.02.csv"));
    let kolom = |n: &str| rows[0].iter().position(|c| c == n).unwrap();
    let (alokasi, tersalur, gagal) = (
        kolom("sifat_alokasi"),
        kolom("sifat_tersalur"),
        kolom("sifat_gagal"),
    );
    assert!(rows.len() > 2);
    for r in &rows[1..] {
        assert_eq!(
            (r[alokasi].as_str(), r[tersalur].as_str(), r[gagal].as_str()),
            ("", "sementara", "sementara"),
            "{r:?}"
        );
    }
    // and the programme pages that show them
    assert!(
        notice(&out, "program/pkh.html")
            .unwrap()
            .0
            .contains("sementara")
    );
}

/// A row of `sumber_angka.csv` says more precisely than `[[sumber]]`: with every allocation
/// declared `sementara` in site.toml, Kota Pasuruan's BST allocation stays the rakor's
/// (`resmi`), and Jawa Timur's, a sum of Pasuruan's and Tuban's, is as certain as its least
/// certain part (`ilustratif`), not what site.toml says of the file.
#[test]
fn a_row_of_sumber_angka_csv_says_more_than_a_sumber_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(tmp.path(), |s| {
        tambah_toml(
            s,
            "\n[[sumber]]\nberkas = \"alokasi.csv\"\nstatus = \"sementara\"\n\
             keterangan = \"SK belum terbit\"\n",
        );
    });
    let sifat = |path: &str, kode: &str| -> String {
        let rows = common::cells(&out.join(path));
        let k = |n: &str| rows[0].iter().position(|c| c == n).unwrap();
        let r = rows[1..]
            .iter()
            .find(|r| {
                r[k("kode_wilayah")] == kode
                    && r[k("program")] == "BST"
                    && r[k("tahap")] == "2021-07"
            })
            .unwrap_or_else(|| panic!("{kode}"));
        r[k("sifat_alokasi")].clone()
    };
    assert_eq!(sifat("wilayah/35/35.75.csv", "35.75"), "resmi");
    assert_eq!(sifat("wilayah/35/35.csv", "35"), "ilustratif");
}
