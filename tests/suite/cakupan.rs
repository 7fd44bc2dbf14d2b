//! Coverage against need (issue 25) on a copy of the example site where BST targets DTSEN
//! deciles 1–4 and three of Kota Pasuruan's four kecamatan have decile figures for 2021:
//! KPM paid in BST's tahap 2021-07 against the households in deciles 1–4, worst covered
//! first, Panggungrejo (no deciles) unknown and last.

use std::path::Path;

use crate::common;

use common::{sel, text};

/// Households per decile 1–10 for three kecamatan; deciles 1–4 add up to 7.000, 4.000 and
/// 8.000.
const DESIL: [(&str, [u64; 10]); 3] = [
    (
        "35.75.01",
        [1000, 1500, 2000, 2500, 3000, 3000, 3000, 3000, 3000, 3000],
    ),
    (
        "35.75.02",
        [800, 900, 1000, 1300, 2000, 2000, 2000, 2000, 2000, 2000],
    ),
    (
        "35.75.03",
        [2000, 2000, 2000, 2000, 1000, 1000, 1000, 1000, 1000, 1000],
    ),
];

/// BST's paid KPM in tahap 2021-07 under `prefix`, summed from `data/realisasi.csv`.
fn tersalur(site: &Path, prefix: &str) -> u64 {
    common::cells(&site.join("data/realisasi.csv"))
        .iter()
        .filter(|r| r[0] == "BST" && r[1] == "2021-07" && r[5] == "tersalur")
        .filter(|r| r[2].starts_with(prefix))
        .map(|r| r[7].parse::<u64>().unwrap())
        .sum()
}

fn build(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let site = common::example_copy(dir);
    common::edit(
        &site.join("data/program.csv"),
        "BST,Bantuan Sosial Tunai,APBN,300000,bulanan,,",
        "BST,Bantuan Sosial Tunai,APBN,300000,bulanan,4,",
    );
    let mut csv = std::fs::read_to_string(site.join("data/desil.csv")).unwrap();
    for (kode, kk) in DESIL {
        for (d, n) in kk.iter().enumerate() {
            csv.push_str(&format!("2021,{kode},{},{n},\n", d + 1));
        }
    }
    std::fs::write(site.join("data/desil.csv"), csv).unwrap();
    let out = dir.join("public");
    common::build(&site, &out);
    (site, out)
}

fn doc(out: &Path, rel: &str) -> scraper::Html {
    scraper::Html::parse_document(&std::fs::read_to_string(out.join(rel)).unwrap())
}

/// Row head and cells of the coverage table's body.
fn baris(doc: &scraper::Html, id: &str) -> Vec<Vec<String>> {
    doc.select(&sel(&format!("#{id}-tabel tbody tr")))
        .map(|r| r.select(&sel("th, td")).map(text).collect())
        .collect()
}

#[test]
fn kota_pasuruan_ranks_its_kecamatan_worst_covered_first_and_unknown_last() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, out) = build(tmp.path());
    // by hand from realisasi.csv: BST 2021-07 tersalur per kecamatan
    let [gadingrejo, purworejo, bugul, panggungrejo] =
        ["35.75.01.", "35.75.02.", "35.75.03.", "35.75.04."].map(|p| tersalur(&site, p));
    assert_eq!(
        [gadingrejo, purworejo, bugul, panggungrejo],
        [4250, 4067, 2848, 7628]
    );
    let kota = doc(&out, "wilayah/35/35.75.html");
    // 2.848 / 8.000 = 35,6%; 4.250 / 7.000 = 60,7%; 4.067 / 4.000 = 101,7%
    assert_eq!(
        baris(&kota, "cakupan-bst"),
        [
            vec!["Kecamatan Bugul Kidul", "2.848", "8.000", "35,6%"],
            vec!["Kecamatan Gadingrejo", "4.250", "7.000", "60,7%"],
            vec!["Kecamatan Purworejo", "4.067", "4.000", "101,7%"],
            vec![
                "Kecamatan Panggungrejo",
                "7.628",
                "tidak diketahui",
                "tidak diketahui"
            ],
        ]
        .map(|r| r.into_iter().map(String::from).collect::<Vec<_>>())
    );
    let section = kota
        .select(&sel("section#cakupan-bst"))
        .next()
        .expect("the coverage section");
    // the city: the KPM of the three kecamatan with deciles against their households
    // (11.165 / 19.000 = 58,8%), never the KPM of all four (18.793, which would read 98,9%)
    assert_eq!(gadingrejo + purworejo + bugul + panggungrejo, 18_793);
    assert_eq!(gadingrejo + purworejo + bugul, 11_165);
    let ringkasan = text(section.select(&sel("p")).next().unwrap());
    assert_eq!(
        ringkasan,
        "BST, Juli 2021: 11.165 KPM tersalur terhadap 19.000 KK pada desil 1–4 DTSEN 2021, \
         cakupan 58,8%. Angka ini hanya dari 3 wilayah di bawahnya yang punya angka desil \
         DTSEN: KPM tersalur dan KK dihitung dari wilayah yang sama."
    );
    let kolom: Vec<String> = section.select(&sel("thead th")).map(text).collect();
    assert_eq!(kolom[2], "KK desil 1–4 (2021)");
    // the chart: the three known kecamatan, worst first, described by the sentence
    let svg = section
        .select(&sel("svg[role=img]"))
        .next()
        .expect("a coverage chart");
    assert_eq!(text(svg.select(&sel("desc")).next().unwrap()), ringkasan);
    let svg_text = text(svg);
    let posisi = ["Bugul Kidul", "Gadingrejo", "Purworejo"].map(|n| {
        svg_text
            .find(n)
            .unwrap_or_else(|| panic!("{n} in the chart"))
    });
    assert!(posisi[0] < posisi[1] && posisi[1] < posisi[2], "{svg_text}");
    assert!(!svg_text.contains("Panggungrejo"));

    // a kecamatan with deciles: its own sentence; its kelurahan have none, so all unknown
    let kec = doc(&out, "wilayah/35/35.75.01.html");
    let s = kec.select(&sel("section#cakupan-bst p")).next().unwrap();
    assert_eq!(
        text(s),
        "BST, Juli 2021: 4.250 KPM tersalur terhadap 7.000 KK pada desil 1–4 DTSEN 2021, \
         cakupan 60,7%."
    );
    let rows = baris(&kec, "cakupan-bst");
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r[2] == "tidak diketahui"), "{rows:?}");
    // a region without deciles has no coverage section, never 0 %
    let tanpa = doc(&out, "wilayah/35/35.75.04.html");
    assert!(tanpa.select(&sel("section.cakupan")).next().is_none());
    // Kota Probolinggo's BLT-S Kesra targets deciles 1–2 but has no payments: nothing shown
    let prob = doc(&out, "wilayah/35/35.74.html");
    assert!(prob.select(&sel("section.cakupan")).next().is_none());
}

#[test]
fn the_download_has_every_region_with_a_coverage_figure() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, out) = build(tmp.path());
    let rows = common::cells(&out.join("unduh/cakupan.csv"));
    assert_eq!(
        rows[0],
        [
            "program",
            "tahap",
            "kode_wilayah",
            "nama_wilayah",
            "periode_desil",
            "desil_maks",
            "tersalur_kpm",
            "kk_sasaran",
            "cakupan_persen",
            "dijumlahkan"
        ]
    );
    let ringkas: Vec<Vec<&str>> = rows[1..]
        .iter()
        .map(|r| vec![r[0].as_str(), r[2].as_str(), &r[6], &r[7], &r[8], &r[9]])
        .collect();
    // the same figures as the pages: the city's from its three kecamatan with deciles
    // (11.165 / 19.000), the kecamatan's own, Panggungrejo (no deciles) left out
    assert!(
        ringkas.contains(&vec!["BST", "35.75", "11165", "19000", "58.76", "3"]),
        "{ringkas:?}"
    );
    assert!(ringkas.contains(&vec!["BST", "35.75.01", "4250", "7000", "60.71", "0"]));
    assert!(ringkas.contains(&vec!["BST", "35.75.03", "2848", "8000", "35.60", "0"]));
    assert!(!ringkas.iter().any(|r| r[1] == "35.75.04"));
    let dp = std::fs::read_to_string(out.join("datapackage.json")).unwrap();
    assert!(dp.contains("\"path\": \"unduh/cakupan.csv\""), "listed");
}

#[test]
fn the_programme_page_shows_the_whole_site_and_its_top_regions() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, out) = build(tmp.path());
    let program = doc(&out, "program/bst.html");
    let section = program
        .select(&sel("section#cakupan-bst"))
        .next()
        .expect("the coverage section on the programme page");
    // only Jawa Timur has deciles: the whole site is measured over it alone, as its own page
    // measures it (its total row), the other provinsi unknown and last
    let jatim = doc(&out, "wilayah/35/35.html");
    let total_jatim: Vec<String> = jatim
        .select(&sel("#cakupan-bst-tabel tfoot tr"))
        .next()
        .expect("Jawa Timur's coverage total")
        .select(&sel("th, td"))
        .map(text)
        .collect();
    let rows = baris(&program, "cakupan-bst");
    assert_eq!(rows[0], total_jatim);
    assert_eq!(rows[0][0], "Provinsi Jawa Timur");
    assert!(
        rows[1..].iter().all(|r| r[2] == "tidak diketahui"),
        "{rows:?}"
    );
    let ringkasan = text(section.select(&sel("p")).next().unwrap());
    assert!(
        ringkasan.starts_with(&format!(
            "BST, Juli 2021: {} KPM tersalur terhadap {} KK",
            rows[0][1], rows[0][2]
        )),
        "{ringkasan}"
    );
    assert!(
        ringkasan.ends_with(
            "Angka ini hanya dari 1 wilayah di bawahnya yang punya angka desil \
         DTSEN: KPM tersalur dan KK dihitung dari wilayah yang sama."
        ),
        "{ringkasan}"
    );
    let foot: Vec<String> = section
        .select(&sel("tfoot tr"))
        .next()
        .unwrap()
        .select(&sel("th, td"))
        .map(text)
        .collect();
    assert_eq!(foot[0], "seluruh wilayah");
    assert_eq!(foot[1..], total_jatim[1..]);
    assert!(section.select(&sel("svg[role=img]")).next().is_some());
}
