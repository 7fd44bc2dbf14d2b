//! Budget against payment (issue 25): `data/anggaran.csv` gives BST's 2021 budget for Kota
//! Pasuruan's four kecamatan (illustrative); pages show the budget, the rupiah paid in the
//! tahap that start in 2021 and their ratio, roll a parent's budget up from its children, say
//! when that covers only some of them, and offer every region's in `unduh/anggaran.csv`.

use std::path::{Path, PathBuf};

use crate::common;

use common::{sel, text};

/// BST's rupiah paid in 2021 under `prefix`, by hand: paid KPM of `realisasi.csv` × the
/// programme's Rp 300.000 per KPM of `program.csv`.
fn tersalur_rp(site: &Path, prefix: &str) -> u64 {
    let kpm: u64 = common::cells(&site.join("data/realisasi.csv"))
        .iter()
        .filter(|r| r[0] == "BST" && r[1] == "2021-07" && r[5] == "tersalur")
        .filter(|r| r[2].starts_with(prefix))
        .map(|r| r[7].parse::<u64>().unwrap())
        .sum();
    let program = common::cells(&site.join("data/program.csv"));
    let tarif: u64 = program.iter().find(|r| r[0] == "BST").unwrap()[3]
        .parse()
        .unwrap();
    assert_eq!(tarif, 300_000);
    kpm * tarif
}

/// Whole rupiah as the pages write them (`Rp 1.275.000.000`).
fn rp(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    format!("Rp {out}")
}

/// A share as the pages write it (`49,8%`).
fn persen(a: u64, b: u64) -> String {
    let tenths = (a as f64 / b as f64 * 1000.0).round() as u64;
    format!("{},{}%", tenths / 10, tenths % 10)
}

fn doc(out: &Path, rel: &str) -> scraper::Html {
    scraper::Html::parse_document(&std::fs::read_to_string(out.join(rel)).unwrap())
}

/// The budget table's body rows: row head and cells.
fn baris(doc: &scraper::Html, id: &str) -> Vec<Vec<String>> {
    doc.select(&sel(&format!("#{id}-tabel tbody tr")))
        .map(|r| r.select(&sel("th, td")).map(text).collect())
        .collect()
}

/// The budget section's notes.
fn catatan(doc: &scraper::Html) -> Vec<String> {
    doc.select(&sel("section.anggaran p.catatan"))
        .map(text)
        .collect()
}

fn build(dir: &Path, change: impl FnOnce(&Path)) -> (PathBuf, PathBuf) {
    let site = common::example_copy(dir);
    change(&site);
    let out = dir.join("public");
    common::build(&site, &out);
    (site, out)
}

#[test]
fn a_kecamatan_page_shows_its_budget_paid_and_absorption_as_computed_by_hand() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, out) = build(tmp.path(), |_| {});
    let anggaran = common::cells(&site.join("data/anggaran.csv"));
    let pagu_gadingrejo = anggaran
        .iter()
        .find(|r| r[0] == "BST" && r[1] == "2021" && r[2] == "35.75.01")
        .unwrap()[3]
        .replace('.', "")
        .parse::<u64>()
        .unwrap();
    assert_eq!(pagu_gadingrejo, 2_559_000_000);
    let paid = tersalur_rp(&site, "35.75.01.");
    assert_eq!(paid, 1_275_000_000);
    let page = doc(&out, "wilayah/35/35.75.01.html");
    assert_eq!(
        baris(&page, "anggaran"),
        vec![vec![
            "BST".to_string(),
            "2021".to_string(),
            rp(pagu_gadingrejo),
            rp(paid),
            persen(paid, pagu_gadingrejo),
        ]]
    );
    // its mark: illustrative, from sumber_angka.csv's `pagu` row
    let asal: Vec<String> = page
        .select(&sel("section.anggaran ul.asal li"))
        .map(text)
        .collect();
    assert_eq!(asal.len(), 1, "{asal:?}");
    assert!(asal[0].starts_with("ilustratif:"), "{asal:?}");
    // the kota: the sum of its four kecamatan, all of them, so no partial sentence
    let pagu_kota: u64 = anggaran
        .iter()
        .filter(|r| r[2].starts_with("35.75."))
        .map(|r| r[3].replace('.', "").parse::<u64>().unwrap())
        .sum();
    let paid_kota = tersalur_rp(&site, "35.75.");
    let kota = doc(&out, "wilayah/35/35.75.html");
    assert_eq!(
        baris(&kota, "anggaran")[0][2..],
        [rp(pagu_kota), rp(paid_kota), persen(paid_kota, pagu_kota)]
    );
    assert!(
        !catatan(&kota)
            .iter()
            .any(|c| c.contains("wilayah di bawahnya;")),
        "{:?}",
        catatan(&kota)
    );
    // a region without a budget has no section
    let tuban = std::fs::read_to_string(out.join("wilayah/35/35.23.html")).unwrap();
    assert!(!tuban.contains("class=\"anggaran\""));
}

#[test]
fn a_partial_roll_up_says_so_and_is_set_against_the_payments_of_the_same_regions() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, out) = build(tmp.path(), |_| {});
    let provinsi = doc(&out, "wilayah/35/35.html");
    let r = baris(&provinsi, "anggaran");
    // Jawa Timur's budget is Kota Pasuruan's only; Kabupaten Tuban's payments are not
    // counted against it
    let paid_kota = tersalur_rp(&site, "35.75.");
    assert_eq!(r[0][2..4], [rp(11_326_200_000), rp(paid_kota)]);
    assert!(paid_kota < tersalur_rp(&site, "35."));
    assert!(
        catatan(&provinsi).contains(
            &"Pagu BST 2021 untuk Provinsi Jawa Timur adalah jumlah pagu 1 dari 3 wilayah di \
              bawahnya; wilayah lainnya belum memberi pagu."
                .to_string()
        ),
        "{:?}",
        catatan(&provinsi)
    );
    // the home page: the whole site
    let beranda = doc(&out, "index.html");
    assert_eq!(baris(&beranda, "anggaran")[0][2], rp(11_326_200_000));
}

#[test]
fn no_payment_yet_is_rp_0_an_unknown_amount_has_no_absorption_and_the_programme_page_ranks() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, out) = build(tmp.path(), |s| {
        let p = s.join("data/anggaran.csv");
        let mut csv = std::fs::read_to_string(&p).unwrap();
        // a year with a budget and no tahap yet; a programme whose payments have no amount
        // (PKH has no `nilai_per_kpm`); Kabupaten Tuban's BST at one month
        csv.push_str("BST,2022,35.75,\"Rp 1.000.000.000\"\nPKH,2024,62.03,5000000000\n");
        csv.push_str("BST,2021,35.23,15.725.400.000\n");
        std::fs::write(p, csv).unwrap();
    });
    let kota = doc(&out, "wilayah/35/35.75.html");
    let r = baris(&kota, "anggaran");
    assert_eq!(
        r[1],
        ["BST", "2022", "Rp 1.000.000.000", "Rp 0", "0,0%"].map(String::from)
    );
    let kapuas = doc(&out, "wilayah/62/62.03.html");
    assert_eq!(
        baris(&kapuas, "anggaran")[0],
        [
            "PKH",
            "2024",
            "Rp 5.000.000.000",
            "tidak diketahui",
            "tidak diketahui"
        ]
        .map(String::from)
    );
    // the programme page: the whole site, then the kabupaten/kota, lowest absorption first
    let paid_tuban = tersalur_rp(&site, "35.23.");
    let paid_kota = tersalur_rp(&site, "35.75.");
    assert!(
        u128::from(paid_kota) * 15_725_400_000 < u128::from(paid_tuban) * 11_326_200_000,
        "Kota Pasuruan absorbs less"
    );
    let program = doc(&out, "program/bst.html");
    let r = baris(&program, "anggaran-bst");
    let kepala: Vec<(&str, &str)> = r.iter().map(|b| (b[0].as_str(), b[1].as_str())).collect();
    assert_eq!(
        kepala,
        [
            ("seluruh wilayah", "2021"),
            ("Kota Pasuruan", "2021"),
            ("Kabupaten Tuban", "2021"),
            ("seluruh wilayah", "2022"),
            ("Kota Pasuruan", "2022"),
        ]
    );
    assert_eq!(
        r[2][4],
        persen(paid_tuban, 15_725_400_000),
        "Tuban's absorption"
    );
    // nothing is ever infinite or not a number
    for f in ["index.html", "program/bst.html", "wilayah/35/35.75.html"] {
        let html = std::fs::read_to_string(out.join(f)).unwrap();
        assert!(!html.contains("inf%"), "{f}");
        assert!(!html.contains("NaN"), "{f}");
    }
}

#[test]
fn the_download_has_every_region_with_a_budget() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, out) = build(tmp.path(), |_| {});
    let rows = common::cells(&out.join("unduh/anggaran.csv"));
    assert_eq!(
        rows[0],
        [
            "program",
            "tahun",
            "kode_wilayah",
            "nama_wilayah",
            "pagu",
            "tersalur_rp",
            "serapan",
            "pagu_dijumlahkan"
        ]
    );
    let kode: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        kode,
        [
            "35", "35.75", "35.75.01", "35.75.02", "35.75.03", "35.75.04"
        ]
    );
    let paid = tersalur_rp(&site, "35.75.01.");
    let r = &rows[3];
    assert_eq!(
        r[..6],
        [
            "BST".to_string(),
            "2021".to_string(),
            "35.75.01".to_string(),
            "Gadingrejo".to_string(),
            "2559000000".to_string(),
            paid.to_string()
        ]
    );
    assert_eq!(
        r[6],
        format!("{:.2}", paid as f64 / 2_559_000_000.0 * 100.0)
    );
    assert_eq!((rows[2][7].as_str(), r[7].as_str()), ("4", "0"));
    let dp = std::fs::read_to_string(out.join("datapackage.json")).unwrap();
    assert!(dp.contains("\"path\": \"unduh/anggaran.csv\""), "listed");
}

#[test]
fn a_budget_smaller_than_its_childrens_sum_is_a_warning_naming_both() {
    let tmp = tempfile::tempdir().unwrap();
    let site = common::example_copy(tmp.path());
    let p = site.join("data/anggaran.csv");
    let mut csv = std::fs::read_to_string(&p).unwrap();
    csv.push_str("BST,2021,35.75,10.000.000.000\n");
    std::fs::write(p, csv).unwrap();
    let check = common::salur_check(&site);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains(
            "data/anggaran.csv:6:4: peringatan: '10000000000': pagu BST 2021 Kota Pasuruan \
             (35.75) lebih kecil daripada jumlah pagu wilayah di bawahnya (Rp 11.326.200.000: \
             Gadingrejo (35.75.01), Purworejo (35.75.02), Bugul Kidul (35.75.03), Panggungrejo \
             (35.75.04)); salah satunya keliru"
        ),
        "{stderr}"
    );
    // a warning, not an error: it builds, and the kota shows its own row
    let out = tmp.path().join("public");
    common::build(&site, &out);
    let kota = doc(&out, "wilayah/35/35.75.html");
    assert_eq!(baris(&kota, "anggaran")[0][2], rp(10_000_000_000));
}

#[test]
fn an_incremental_build_after_editing_the_budget_equals_a_fresh_one() {
    let tmp = tempfile::tempdir().unwrap();
    let site = common::example_copy(tmp.path());
    let public = tmp.path().join("public");
    common::build(&site, &public);
    let before = common::files(&public);
    common::edit(
        &site.join("data/anggaran.csv"),
        "BST,2021,35.75.01,2.559.000.000",
        "BST,2021,35.75.01,2.600.000.000",
    );
    let incremental = common::build(&site, &public);
    let fresh = tmp.path().join("fresh");
    common::build(&site, &fresh);
    let (a, b) = (common::files(&public), common::files(&fresh));
    let differing = common::beda_berkas(&a, &b);
    assert!(
        differing.is_empty(),
        "{differing:?} differ from a fresh build"
    );
    assert!(incremental.output.ditulis > 0);
    // the pages that show the budget changed: the kecamatan, its kota and provinsi
    for f in [
        "wilayah/35/35.75.01.html",
        "wilayah/35/35.75.html",
        "wilayah/35/35.html",
        "unduh/anggaran.csv",
    ] {
        assert_ne!(before.get(f), a.get(f), "{f} unchanged");
    }
}
