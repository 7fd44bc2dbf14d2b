//! The figures over time ("Dari tahap ke tahap"): per programme with data in two tahap or more,
//! a table and an accessible chart on region, home and programme pages, with the numbers of
//! `data/*.csv` worked out by hand.

use crate::common;

use std::fs;
use std::path::Path;

use common::{example_site, sel, text};
use scraper::Html;

/// The trend section `id` of a page: its chart's description and its table's rows (the tahap,
/// then the cells).
fn tren(doc: &Html, id: &str) -> Option<(String, Vec<Vec<String>>)> {
    let section = doc.select(&sel(&format!("section.tren#{id}"))).next()?;
    let desc = section
        .select(&sel("svg desc"))
        .next()
        .map(text)
        .unwrap_or_default();
    let rows = section
        .select(&sel(&format!("table#{id}-tabel tbody tr")))
        .map(|tr| tr.select(&sel("th, td")).map(text).collect())
        .collect();
    Some((desc, rows))
}

fn baca(dir: &Path, rel: &str) -> Html {
    Html::parse_document(&fs::read_to_string(dir.join(rel)).unwrap())
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// The chart of a trend section as written: `role="img"` with a `<title>` and `<desc>` it is
/// labelled by.
fn accessible(html: &str, id: &str) {
    let start = html
        .find(&format!("aria-labelledby=\"{id}-grafik-j\""))
        .and_then(|i| html[..i].rfind("<svg"))
        .unwrap_or_else(|| panic!("no chart for {id}"));
    let end = start + html[start..].find("</svg>").unwrap() + 6;
    let doc = roxmltree::Document::parse(&html[start..end]).expect("the chart is XML");
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(
        root.attribute("aria-describedby"),
        Some(format!("{id}-grafik-d").as_str())
    );
    for tag in ["title", "desc"] {
        let n = root
            .children()
            .find(|n| n.has_tag_name(tag))
            .unwrap_or_else(|| panic!("{id}: no <{tag}>"));
        assert!(
            !n.text().unwrap_or("").trim().is_empty(),
            "{id}: empty <{tag}>"
        );
    }
}

#[test]
fn the_home_page_shows_pkh_and_sembako_over_their_two_tahap() {
    // alokasi.csv and realisasi.csv summed by hand: PKH is Kutai Kartanegara's in Tahap IV 2021
    // (27.936 allocated, 23.330 paid, 25 failed) and Kapuas's in 2024 (2.595, 2.513, 82)
    let html = fs::read_to_string(example_site().join("index.html")).unwrap();
    let doc = Html::parse_document(&html);
    let (desc, rows) = tren(&doc, "tren-pkh").expect("the home page's PKH trend");
    assert_eq!(
        rows,
        vec![
            row(&["Tahap IV 2021", "27.936", "23.330", "83,5%", "25"]),
            row(&["Tahun 2024", "2.595", "2.513", "96,8%", "82"]),
        ]
    );
    assert!(
        desc.contains("Tahap IV 2021 tersalur 23.330 dari 27.936 KPM (83,5%), gagal 25 KPM; Tahun 2024 tersalur 2.513 dari 2.595 KPM (96,8%), gagal 82 KPM"),
        "{desc}"
    );
    let (desc, rows) = tren(&doc, "tren-sembako").expect("the home page's SEMBAKO trend");
    assert_eq!(
        rows,
        vec![
            row(&["Tahap IV 2021", "52.148", "43.543", "83,5%", "26"]),
            row(&["Tahun 2024", "17.483", "17.096", "97,8%", "387"]),
        ]
    );
    assert!(
        desc.contains("17.096 dari 17.483 KPM (97,8%), gagal 387 KPM"),
        "{desc}"
    );
    accessible(&html, "tren-pkh");
    accessible(&html, "tren-sembako");
    // BST, BLT and APBD-TUNAI have one tahap each: no trend
    for p in ["bst", "blt", "apbd-tunai"] {
        assert!(tren(&doc, &format!("tren-{p}")).is_none(), "{p}");
    }
}

#[test]
fn a_programme_page_shows_its_own_trend_only() {
    let site = example_site();
    let html = fs::read_to_string(site.join("program/pkh.html")).unwrap();
    let doc = Html::parse_document(&html);
    let (_, rows) = tren(&doc, "tren-pkh").expect("PKH's trend");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[1],
        row(&["Tahun 2024", "2.595", "2.513", "96,8%", "82"])
    );
    assert!(tren(&doc, "tren-sembako").is_none());
    assert_eq!(doc.select(&sel("section.tren")).count(), 1);
    accessible(&html, "tren-pkh");
    let bst = common::page("program/bst.html");
    assert_eq!(
        bst.select(&sel("section.tren")).count(),
        0,
        "BST has one tahap"
    );
}

#[test]
fn a_region_with_one_tahap_per_programme_shows_no_trend() {
    // every region of the example site has each programme in one tahap only
    for rel in [
        "wilayah/35/35.75.01.1001.html",
        "wilayah/35/35.75.html",
        "wilayah/64/64.02.html",
        "wilayah/62/62.03.html",
    ] {
        let doc = common::page(rel);
        assert_eq!(doc.select(&sel("section.tren")).count(), 0, "{rel}");
    }
}

#[test]
fn a_kelurahan_with_three_tahap_of_bst_shows_them_in_date_order_with_rupiah() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        // a tahap listed last but dated first, and rows for Karangketug in it and in Tahap
        // IV 2025 (which the example lists without figures)
        let mut tahap = fs::read_to_string(site.join("data/tahap.csv")).unwrap();
        tahap.push_str("2021-06,Juni 2021,2021-06-01,2021-06-30,\n");
        fs::write(site.join("data/tahap.csv"), tahap).unwrap();
        let mut alokasi = fs::read_to_string(site.join("data/alokasi.csv")).unwrap();
        alokasi.push_str("BST,2021-06,35.75.01.1001,PT Pos Indonesia,580\n");
        alokasi.push_str("BST,2025-T4,35.75.01.1001,PT Pos Indonesia,600\n");
        fs::write(site.join("data/alokasi.csv"), alokasi).unwrap();
        let mut realisasi = fs::read_to_string(site.join("data/realisasi.csv")).unwrap();
        realisasi.push_str("BST,2021-06,35.75.01.1001,PT Pos Indonesia,2021-06-20,tersalur,,570\n");
        realisasi.push_str("BST,2025-T4,35.75.01.1001,PT Pos Indonesia,2025-10-15,tersalur,,550\n");
        realisasi.push_str(
            "BST,2025-T4,35.75.01.1001,PT Pos Indonesia,2025-10-15,gagal,meninggal dunia,10\n",
        );
        fs::write(site.join("data/realisasi.csv"), realisasi).unwrap();
    });
    // Juli 2021 from the example's rows for Karangketug: 589 allocated; 152 + 77 + 84 + 79 +
    // 69 + 60 + 64 = 585 paid (99,3%), 2 + 2 = 4 failed; BST pays Rp 300.000 per KPM
    let rel = "wilayah/35/35.75.01.1001.html";
    let html = fs::read_to_string(out.join(rel)).unwrap();
    let doc = baca(&out, rel);
    let (desc, rows) = tren(&doc, "tren-bst").expect("Karangketug's BST trend");
    assert_eq!(
        rows,
        vec![
            row(&["Juni 2021", "580", "570", "98,3%", "0", "Rp 171.000.000"]),
            row(&["Juli 2021", "589", "585", "99,3%", "4", "Rp 175.500.000"]),
            row(&[
                "Tahap IV 2025",
                "600",
                "550",
                "91,7%",
                "10",
                "Rp 165.000.000"
            ]),
        ]
    );
    assert!(
        desc.contains(
            "Juni 2021 tersalur 570 dari 580 KPM (98,3%), gagal 0 KPM; \
             Juli 2021 tersalur 585 dari 589 KPM (99,3%), gagal 4 KPM; \
             Tahap IV 2025 tersalur 550 dari 600 KPM (91,7%), gagal 10 KPM"
        ),
        "{desc}"
    );
    assert!(desc.contains("Kelurahan Karangketug"), "{desc}");
    accessible(&html, "tren-bst");
    // its neighbour still has one tahap: none
    let doc = baca(&out, "wilayah/35/35.75.01.1002.html");
    assert_eq!(doc.select(&sel("section.tren")).count(), 0);
    // the kecamatan and the kota add Karangketug's new tahap to their own July figures
    let doc = baca(&out, "wilayah/35/35.75.01.html");
    let (_, rows) = tren(&doc, "tren-bst").expect("the kecamatan's BST trend");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][..4], row(&["Juni 2021", "580", "570", "98,3%"])[..]);
}
