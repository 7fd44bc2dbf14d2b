//! What a resident reads on a desa/kelurahan page (issue 24): per programme the KPM, the amount
//! per KPM and the next payment; the schedules to come first and past ones folded; advice for
//! the failure reasons a resident can act on, where the page shows them; the printed notice's
//! issuing office and date. (That the notice prints on one A4 page is in `browser.rs`.)

use crate::common;

use std::path::Path;

use common::{page, sel, text};
use scraper::Html;

/// Karangketug, Kecamatan Gadingrejo, Kota Pasuruan.
const KARANGKETUG: &str = "wilayah/35/35.75.01.1001.html";

fn baca(path: &Path) -> Html {
    Html::parse_document(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}")))
}

/// KPM allocated to `kode` in `program` × `tahap`, summed from `data/alokasi.csv`.
fn alokasi(program: &str, tahap: &str, kode: &str) -> u64 {
    let rows = common::cells(&common::root().join("data/alokasi.csv"));
    rows.iter()
        .filter(|r| r[0] == program && r[1] == tahap && r[2] == kode)
        .map(|r| r[4].parse::<u64>().unwrap())
        .sum()
}

#[test]
fn a_kelurahan_page_answers_per_programme() {
    let doc = page(KARANGKETUG);
    let bagian = doc
        .select(&sel("main > section#bantuan"))
        .next()
        .expect("the resident's answer");
    assert_eq!(
        text(bagian.select(&sel("h2")).next().unwrap()),
        "Bantuan di Kelurahan Karangketug"
    );
    let bst = bagian
        .select(&sel("section#bantuan-bst"))
        .next()
        .expect("BST");
    let isi = text(bst);
    let kpm = alokasi("BST", "2021-07", "35.75.01.1001");
    assert_eq!(kpm, 589);
    assert!(
        isi.contains("589 KPM menerima bantuan ini (Juli 2021)."),
        "{isi}"
    );
    assert!(isi.contains("Rp 300.000 per KPM, setiap bulan"), "{isi}");
    // nothing is scheduled on or after the data date (30 November 2025)
    assert!(
        isi.contains("Belum ada jadwal pencairan berikutnya"),
        "{isi}"
    );
    let href: Vec<&str> = bst
        .select(&sel("a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(href.contains(&"../../program/bst.html"), "{href:?}");
    // every programme Karangketug has, with its KPM from the allocations
    for (id, program) in [("blt", "BLT"), ("apbd-tunai", "APBD-TUNAI")] {
        let s = bagian
            .select(&sel(&format!("section#bantuan-{id}")))
            .next()
            .unwrap_or_else(|| panic!("{program}"));
        let kpm = alokasi(program, "2021-07", "35.75.01.1001");
        assert!(
            text(s).contains(&format!("{kpm} KPM menerima")),
            "{program}: {}",
            text(s)
        );
        assert!(
            text(s).contains("Nilai per KPM tidak tercantum"),
            "{}",
            text(s)
        );
    }
    // a kecamatan page has no such section
    assert!(
        page("wilayah/35/35.75.01.html")
            .select(&sel("#bantuan"))
            .next()
            .is_none()
    );
}

#[test]
fn a_past_schedule_is_folded_and_the_notice_names_the_penerbit() {
    let doc = page(KARANGKETUG);
    let jadwal = doc.select(&sel("section#jadwal")).next().expect("schedule");
    assert!(
        jadwal.select(&sel(":scope > section")).next().is_none(),
        "no schedule opens the section when every one is past"
    );
    assert!(jadwal.select(&sel(":scope > p.kosong")).next().is_some());
    let lalu = jadwal
        .select(&sel(":scope > details.jadwal-lalu"))
        .next()
        .expect("the past schedules, folded");
    assert!(
        text(lalu.select(&sel("summary")).next().unwrap()).starts_with("Jadwal yang sudah lewat")
    );
    let bst = lalu
        .select(&sel("section#jadwal-bst-2021-07"))
        .next()
        .expect("BST Juli 2021");
    assert!(
        text(bst).contains("589 KPM · Rp 300.000 per KPM"),
        "{}",
        text(bst)
    );
    assert_eq!(bst.select(&sel("table")).count(), 6, "8 slots over 6 days");
    let terbit = jadwal
        .select(&sel("p.cetak-saja.terbit"))
        .next()
        .expect("issuer");
    assert_eq!(
        text(terbit),
        "Diterbitkan oleh Dinas Sosial Kota Pasuruan, 30 November 2025."
    );
}

#[test]
fn the_next_slot_opens_the_schedule_and_past_days_are_folded() {
    let dir = tempfile::tempdir().unwrap();
    // the third day of the schedule, and no penerbit: the notice names the site's title
    let out = common::build_changed_copy(dir.path(), |site| {
        let toml = site.join("site.toml");
        common::edit(&toml, "data_as_of = 2025-11-30", "data_as_of = 2021-07-21");
        common::edit(&toml, "penerbit = \"Dinas Sosial Kota Pasuruan\"", "");
    });
    let doc = baca(&out.join(KARANGKETUG));
    let bst = doc.select(&sel("section#bantuan-bst")).next().expect("BST");
    assert!(
        text(bst).contains(
            "Pencairan berikutnya: Rabu, 21 Juli 2021, 07.00–08.00 WIB untuk RW 04, di Kantor \
             Kelurahan Karangketug."
        ),
        "{}",
        text(bst)
    );
    let jadwal = doc.select(&sel("section#jadwal")).next().expect("schedule");
    assert!(jadwal.select(&sel("details.jadwal-lalu")).next().is_none());
    let kini = jadwal
        .select(&sel(":scope > section#jadwal-bst-2021-07"))
        .next()
        .expect("the running schedule opens the section");
    // its days from the data date first, open; the two days before it folded below
    let terbuka: Vec<&str> = kini
        .select(&sel(":scope > .gulir > table"))
        .filter_map(|t| t.value().attr("id"))
        .collect();
    assert_eq!(
        terbuka.first(),
        Some(&"jadwal-bst-2021-07-2021-07-21"),
        "{terbuka:?}"
    );
    assert_eq!(terbuka.len(), 4, "{terbuka:?}");
    let lalu: Vec<&str> = kini
        .select(&sel(":scope > details.hari-lalu table"))
        .filter_map(|t| t.value().attr("id"))
        .collect();
    assert_eq!(
        lalu,
        [
            "jadwal-bst-2021-07-2021-07-19",
            "jadwal-bst-2021-07-2021-07-20"
        ]
    );
    let terbit = text(jadwal.select(&sel("p.cetak-saja.terbit")).next().unwrap());
    assert_eq!(
        terbit,
        "Diterbitkan oleh Transparansi Bansos, 21 Juli 2021."
    );
}

/// Every Kota Pasuruan kelurahan page: the advice for a reason a resident can act on appears
/// exactly where the page's failure tables show that reason.
#[test]
fn advice_appears_where_an_actionable_reason_occurs() {
    let site = common::example_site();
    let dapat = [
        ("tidak_hadir", "Tidak hadir"),
        ("tidak_tahu_jadwal", "Tidak tahu jadwal"),
        ("lansia", "Lansia, tidak dapat datang"),
        ("pindah", "Pindah domisili"),
        ("tidak_ditemukan", "Tidak ditemukan"),
    ];
    let mut dengan_saran = 0;
    let mut dilihat = 0;
    for entry in std::fs::read_dir(site.join("wilayah/35")).unwrap() {
        let path = entry.unwrap().path();
        let nama = path.file_name().unwrap().to_string_lossy().into_owned();
        // a kelurahan's page (35.75.01.1001.html), not a kecamatan's brief (35.75.01.ringkas.html)
        if !(nama.starts_with("35.75.")
            && nama.ends_with(".html")
            && !nama.ends_with(".ringkas.html")
            && nama.matches('.').count() == 4)
        {
            continue;
        }
        dilihat += 1;
        let doc = baca(&path);
        let baris: Vec<String> = doc
            .select(&sel("table[id$='-gagal'] tbody th[scope=row]"))
            .map(text)
            .collect();
        for (kode, label) in dapat {
            let saran = doc.select(&sel(&format!("dt#saran-{kode}"))).next();
            assert_eq!(
                saran.is_some(),
                baris.iter().any(|b| b == label),
                "{nama}: advice for {kode} and the tables' rows {baris:?}"
            );
            if let Some(dt) = saran {
                dengan_saran += 1;
                let dd = dt.next_siblings().find_map(scraper::ElementRef::wrap);
                assert!(dd.is_some_and(|d| text(d).len() > 40), "{nama}: {kode}");
            }
        }
        // a reason a resident cannot act on gets no advice
        for kode in ["meninggal", "data_ganda", "lainnya"] {
            assert!(doc.select(&sel(&format!("#saran-{kode}"))).next().is_none());
        }
    }
    assert_eq!(dilihat, 34, "the 34 kelurahan of Kota Pasuruan");
    assert!(dengan_saran > 0, "some kelurahan shows advice");
    let doc = page(KARANGKETUG);
    let saran = text(doc.select(&sel("section#saran")).next().expect("advice"));
    assert!(saran.contains("Tidak hadir Tanyakan segera"), "{saran}");
}
