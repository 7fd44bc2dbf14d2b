//! The printable brief of a region (`wilayah/<prov>/<kode>.ringkas.html`): its key figures,
//! the three children that lag most (worked out by hand from `data/*.csv`), the link from the
//! region page, its place outside the sitemap, and an incremental build that equals a fresh
//! one. That it prints on at most two A4 pages is `browser::the_brief_prints_on_at_most_two_a4_pages`.

use crate::common;

use std::fs;
use std::path::Path;

use common::{build, edit, example_copy, example_site, sel, text};
use scraper::Html;

fn baca(dir: &Path, rel: &str) -> Html {
    Html::parse_document(
        &fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}")),
    )
}

/// The rows of table `id` of a page: each row's header and cells, as text.
fn baris(doc: &Html, id: &str) -> Vec<Vec<String>> {
    doc.select(&sel(&format!("table#{id} tbody tr")))
        .map(|tr| tr.select(&sel("th, td")).map(text).collect())
        .collect()
}

/// The lagging children's names, in the order the brief lists them.
fn tertinggal(doc: &Html) -> Vec<String> {
    baris(doc, "tertinggal-tabel")
        .into_iter()
        .map(|r| r[0].clone())
        .collect()
}

#[test]
fn kota_pasuruans_brief_shows_its_key_figures_and_three_lagging_kecamatan() {
    let doc = baca(example_site(), "wilayah/35/35.75.ringkas.html");
    // the seed's BST total for Kota Pasuruan, July 2021 (data/alokasi.csv, 34 kelurahan)
    let angka = baris(&doc, "angka-tabel");
    let bst = angka
        .iter()
        .find(|r| r[0] == "BST")
        .unwrap_or_else(|| panic!("no BST row in {angka:?}"));
    assert_eq!(bst[1], "Juli 2021");
    assert_eq!(bst[2], "18.877");
    assert_eq!(
        angka.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
        ["BST", "BLT", "APBD-TUNAI"]
    );
    // July 2021, every programme, KPM paid ÷ allocated per kecamatan from data/alokasi.csv and
    // data/realisasi.csv (status tersalur): Gadingrejo 8.040/8.064 = 99,702%, Purworejo
    // 7.534/7.562 = 99,630%, Bugul Kidul 5.238/5.255 = 99,676%, Panggungrejo 14.246/14.290 =
    // 99,692%. The lowest three, lowest first; Gadingrejo is left out.
    assert_eq!(
        tertinggal(&doc),
        ["Purworejo", "Bugul Kidul", "Panggungrejo"]
    );
    let ket = text(
        doc.select(&sel("table#tertinggal-tabel caption"))
            .next()
            .unwrap(),
    );
    assert!(ket.contains("dari 4 kecamatan"), "{ket}");
    // the illustrative notice, as on the region page, pointing to its statements
    let peringatan = doc
        .select(&sel("p.asal-peringatan a"))
        .next()
        .expect("the notice");
    assert_eq!(
        peringatan.value().attr("href"),
        Some("../../wilayah/35/35.75.html#asal-angka")
    );
    // no menu, search or footer chrome; the full page's address, as canonical too
    for chrome in ["header.kepala", "form.cari", "footer.kaki", "nav"] {
        assert!(
            doc.select(&sel(chrome)).next().is_none(),
            "{chrome} on the brief"
        );
    }
    let html = fs::read_to_string(example_site().join("wilayah/35/35.75.ringkas.html")).unwrap();
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"https://salur.example.org/wilayah/35/35.75.html\">"
    ));
    assert!(html.contains(">https://salur.example.org/wilayah/35/35.75.html</a>"));
    // the budget section, as on the region page: Kota Pasuruan's BST budget of 2021 (the sum
    // of its four kecamatan's in data/anggaran.csv)
    let pagu: u64 = fs::read_to_string(common::root().join("data/anggaran.csv"))
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("BST,2021,35.75."))
        .map(|l| {
            l.rsplit(',')
                .next()
                .unwrap()
                .replace('.', "")
                .parse::<u64>()
                .unwrap()
        })
        .sum();
    assert!(pagu > 0);
    let pagu = salur::format::ribuan(pagu as i64, salur::lang::Lang::Id);
    assert!(
        html.contains("class=\"anggaran\"") && html.contains(&pagu),
        "no budget {pagu} in the brief"
    );
}

#[test]
fn region_pages_with_children_link_their_brief_and_a_kelurahan_has_none() {
    let site = example_site();
    for (halaman, ringkas) in [
        ("wilayah/35/35.75.html", "35.75.ringkas.html"),
        ("wilayah/35/35.75.01.html", "35.75.01.ringkas.html"),
        ("wilayah/35/35.html", "35.ringkas.html"),
    ] {
        let doc = baca(site, halaman);
        let a = doc
            .select(&sel("p.ringkas-tautan a"))
            .next()
            .unwrap_or_else(|| panic!("{halaman}: no link to its brief"));
        assert_eq!(
            a.value().attr("href"),
            Some(format!("../../wilayah/35/{ringkas}").as_str())
        );
        assert!(site.join("wilayah/35").join(ringkas).is_file());
    }
    let home = baca(site, "index.html");
    let a = home
        .select(&sel("p.ringkas-tautan a"))
        .next()
        .expect("home");
    assert_eq!(a.value().attr("href"), Some("ringkas.html"));
    assert!(site.join("ringkas.html").is_file());
    // a kelurahan: no brief, no link
    let kel = baca(site, "wilayah/35/35.75.01.1001.html");
    assert!(kel.select(&sel("p.ringkas-tautan")).next().is_none());
    assert!(!site.join("wilayah/35/35.75.01.1001.ringkas.html").exists());
    // the sitemap lists the region page, never its brief
    let sitemap = fs::read_to_string(site.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("wilayah/35/35.75.html"));
    assert!(!sitemap.contains("ringkas"), "a brief in the sitemap");
}

/// A kecamatan's payments change so that another comes last: the brief rebuilt over the old
/// output is the brief of a fresh build, and it lists the new order.
#[test]
fn an_incremental_build_of_a_brief_equals_a_fresh_one() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let public = dir.path().join("out/public");
    build(&site, &public);
    let rel = "wilayah/35/35.75.ringkas.html";
    let sebelum = fs::read(public.join(rel)).unwrap();
    // Karangketug's BST allocation grows by 5.000 KPM unpaid: its kecamatan, Gadingrejo
    // (35.75.01), lags most
    edit(
        &site.join("data/alokasi.csv"),
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,",
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,5",
    );
    build(&site, &public);
    let bertambah = fs::read(public.join(rel)).unwrap();
    assert_ne!(sebelum, bertambah, "the brief did not change");
    let segar = dir.path().join("segar/public");
    build(&site, &segar);
    assert_eq!(
        String::from_utf8_lossy(&bertambah),
        String::from_utf8_lossy(&fs::read(segar.join(rel)).unwrap())
    );
    let doc = Html::parse_document(&String::from_utf8_lossy(&bertambah));
    assert_eq!(tertinggal(&doc)[0], "Gadingrejo");
}
