//! Verification funnels end to end on the example site: Kota Pasuruan's 4.011 → 891 (seed 004)
//! and Kota Probolinggo's illustrative BLT-S Kesra funnel, where a reader looks for them.

use crate::common;

use common::{page, sel, text};

/// The cells of each body row of a funnel table.
fn rows(doc: &scraper::Html, id: &str) -> Vec<Vec<String>> {
    let table = doc
        .select(&sel(&format!("#{id}-tabel")))
        .next()
        .unwrap_or_else(|| panic!("no table #{id}-tabel"));
    table
        .select(&sel("tbody tr"))
        .map(|r| r.select(&sel("th, td")).map(text).collect())
        .collect()
}

#[test]
fn kota_pasuruan_shows_its_verification_funnel_4011_to_891() {
    let doc = page("wilayah/35/35.75.html");
    let section = doc
        .select(&sel("section#verval-modal-usaha-2022"))
        .next()
        .expect("the funnel's section");
    assert!(text(section.select(&sel("h2")).next().unwrap()).contains("MODAL-USAHA"));
    assert_eq!(
        rows(&doc, "verval-modal-usaha-2022"),
        [
            vec!["Terdata miskin ekstrem", "4.011", "–", "–"],
            vec![
                "Memenuhi kriteria setelah verifikasi",
                "891",
                "22,2%",
                "22,2%"
            ],
        ]
    );
    // the chart says the same to a screen reader
    let svg = section
        .select(&sel("svg[role=img]"))
        .next()
        .expect("a funnel chart");
    let desc = text(svg.select(&sel("desc")).next().unwrap());
    assert_eq!(
        desc,
        "Dari 4.011 pada langkah pertama (Terdata miskin ekstrem), 891 (22,2%) tersisa pada \
         langkah terakhir (Memenuhi kriteria setelah verifikasi)."
    );
    assert_eq!(
        svg.select(&sel("rect.s0")).count(),
        2,
        "one filled bar per step"
    );
}

#[test]
fn kota_probolinggo_funnel_is_labelled_illustrative_and_the_provinsi_adds_them_up() {
    let doc = page("wilayah/35/35.74.html");
    let section = doc
        .select(&sel("section#verval-blts-kesra-2025"))
        .next()
        .expect("the funnel's section");
    let notes: Vec<String> = section.select(&sel("p.catatan")).map(text).collect();
    assert!(
        notes.iter().any(|n| n.starts_with("Angka ilustratif")),
        "{notes:?}"
    );
    let r = rows(&doc, "verval-blts-kesra-2025");
    assert_eq!(r.len(), 4);
    assert_eq!(r[3][..2], ["Ditetapkan penerima", "2.105"]);
    assert_eq!(r[3][3], "67,5%", "2.105 of 3.120");
    // Jawa Timur has no funnel of its own: it shows each programme's sum of those below
    let prov = page("wilayah/35/35.html");
    // (Kota Pasuruan's 4.011 and Kabupaten Tuban's illustrative 12.640 listed)
    let r = rows(&prov, "verval-modal-usaha-2022");
    assert_eq!(r[0][1], "16.651");
    assert_eq!(r[1][1], "3.996", "891 + 3.105");
    assert!(
        prov.select(&sel("section#verval-modal-usaha-2022 p.catatan"))
            .map(text)
            .any(|t| t.contains("(2)"))
    );
    // a kelurahan below has none
    let kel = page("wilayah/35/35.75.01.1001.html");
    assert!(kel.select(&sel("section.verval")).next().is_none());
}

#[test]
fn kota_probolinggo_shows_its_households_by_decile_with_the_targeted_ones() {
    let doc = page("wilayah/35/35.74.html");
    let section = doc
        .select(&sel("section#desil-2025"))
        .next()
        .expect("the decile section");
    let summary = text(section.select(&sel("p")).next().unwrap());
    assert_eq!(
        summary,
        "43.830 KK dalam desil 1–10 DTSEN. BLTS-KESRA menyasar desil 1–2: 3.120 KK (7,1%)."
    );
    assert!(
        section
            .select(&sel("p.catatan"))
            .map(text)
            .any(|t| t.starts_with("Angka ilustratif")),
        "labelled illustrative"
    );
    let r = rows(&doc, "desil-2025");
    assert_eq!(r.len(), 10);
    assert_eq!(r[0], ["1", "1.380", "3,1%", "BLTS-KESRA"]);
    assert_eq!(r[1][3], "BLTS-KESRA");
    assert_eq!(r[2][3], "", "decile 3 is not targeted");
    let targeted = section.select(&sel("tbody tr.sasaran")).count();
    assert_eq!(targeted, 2);
    let total: u64 = r
        .iter()
        .map(|c| c[1].replace('.', "").parse::<u64>().unwrap())
        .sum();
    assert_eq!(total, 43_830);
    let svg = section
        .select(&sel("svg[role=img]"))
        .next()
        .expect("a chart");
    assert_eq!(svg.select(&sel("rect.s0")).count(), 10);
    // Jawa Timur adds up the deciles below it
    let prov = page("wilayah/35/35.html");
    assert_eq!(rows(&prov, "desil-2025")[9][1], "7.530");
}
