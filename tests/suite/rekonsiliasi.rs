//! End-to-end: Kutai Kartanegara's reconciliation with four BRI branches on 6 January 2022
//! (seed 003), and `check` stopping a publish when a difference exceeds the tolerance.

use crate::common;

use std::process::Command;

use common::{page, rows, sel, text};

#[test]
fn kukar_page_lists_the_four_bri_branches_with_both_figures() {
    let cabang = rows("rekonsiliasi/64.02.html", "Cabang penyalur");
    let names: Vec<&str> = cabang.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(
        names,
        [
            "BRI Balikpapan",
            "BRI Bontang",
            "BRI Samarinda",
            "BRI Tenggarong"
        ]
    );
    // Bontang: Dinsos 3.618 KPM, BRI 3.612, −6 (Muara Badak's PKH)
    let (_, bontang) = &cabang[1];
    assert_eq!(bontang[0], "Muara Badak, Marang Kayu");
    assert_eq!(&bontang[1..4], ["3.618", "3.612", "-6"]);
    assert!(bontang[4].contains("1 berbeda"), "{bontang:?}");
    // Samarinda: +14 (Anggana's SEMBAKO)
    assert_eq!(&cabang[2].1[1..4], ["4.050", "4.064", "+14"]);

    // every row: Dinsos, BRI, the difference and the state
    let detail = rows("rekonsiliasi/64.02.html", "Angka Dinsos dan laporan BRI");
    assert_eq!(detail.len(), 40, "20 kecamatan × PKH and SEMBAKO");
    let anggana = detail
        .iter()
        .find(|(h, c)| h == "Anggana" && c[1].starts_with("SEMBAKO"))
        .unwrap();
    assert_eq!(anggana.1[0], "Samarinda");
    assert_eq!(&anggana.1[2..5], ["689", "703", "+14"]);
    assert!(anggana.1[5].contains("Berbeda"));
    let samboja = detail
        .iter()
        .find(|(h, c)| h == "Samboja" && c[1].starts_with("SEMBAKO"))
        .unwrap();
    assert!(samboja.1[5].contains("Dalam toleransi"), "{samboja:?}");
    // the Dinsos figures are its payments up to the report's day, not up to the data's end
    // (10 January): the differences are few, not every row
    assert_eq!(
        detail
            .iter()
            .filter(|(_, c)| c[5].contains("Cocok"))
            .count(),
        36
    );
}

#[test]
fn a_branch_page_and_the_region_summary() {
    let bontang = rows("rekonsiliasi/64.02/bri-bontang.html", "Angka Dinsos");
    let heads: Vec<&str> = bontang.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(
        heads,
        ["Muara Badak", "Muara Badak", "Marang Kayu", "Marang Kayu"]
    );
    assert_eq!(&bontang[0].1[1..4], ["588", "582", "-6"]);
    // the kabupaten page and a kecamatan page say how the reconciliation went
    let doc = page("wilayah/64/64.02.html");
    let s = doc.select(&sel(".rekon-ringkas")).next().map(text).unwrap();
    assert!(
        s.contains("BRI Balikpapan, BRI Bontang, BRI Samarinda, BRI Tenggarong")
            && s.contains("6 Januari 2022")
            && s.contains("2 berbeda"),
        "{s}"
    );
    let doc = page("wilayah/64/64.02.05.html");
    let s = doc.select(&sel(".rekon-ringkas")).next().map(text).unwrap();
    assert!(s.contains("BRI Bontang") && s.contains("1 berbeda"), "{s}");
}

#[test]
fn check_fails_on_a_difference_beyond_tolerance_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    // by default a difference is a warning: check passes and names it
    let o = common::salur_check(&site);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("peringatan: '582': BRI Bontang"),
        "{stderr}"
    );

    let path = site.join("site.toml");
    let toml = std::fs::read_to_string(&path).unwrap().replace(
        "toleransi_kpm = 2",
        "toleransi_kpm = 2\ngagal_jika_selisih = true",
    );
    std::fs::write(&path, toml).unwrap();
    let o = common::salur_check(&site);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    // file, line, column, value; the branch, programme and region
    assert!(
        stderr.contains(
            "data/laporan_penyalur.csv:32:6: '582': BRI Bontang melaporkan angka yang berbeda \
             dari Dinsos untuk PKH tahap 2021-T4 di 64.02.05 Muara Badak: Dinsos 588 KPM, \
             selisih -6 KPM"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("BRI Samarinda") && stderr.contains("64.02.04 Anggana"));
    // within tolerance is not an error
    assert!(!stderr.contains("Samboja"), "{stderr}");
    // and the build publishes nothing
    let out = dir.path().join("public");
    let o = Command::new(env!("CARGO_BIN_EXE_salur"))
        .args(["build", "--root"])
        .arg(&site)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists());
}

#[test]
fn a_report_row_naming_an_unknown_channel_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    let path = site.join("data/laporan_penyalur.csv");
    let mut csv = std::fs::read_to_string(&path).unwrap();
    csv.push_str("BRl,Tenggarong,PKH,2021-T4,64.02.06,10,,06/01/2022\n");
    csv.push_str("BRI,Tenggarong,PKH,2021-T4,64.02.06,sepuluh,,2022-01-06\n");
    std::fs::write(&path, csv).unwrap();
    let o = common::salur_check(&site);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "data/laporan_penyalur.csv:42:1: 'BRl': penyalur tidak ada di \
             alokasi.csv/realisasi.csv; mungkin maksudnya 'BRI'?"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("data/laporan_penyalur.csv:43:6: 'sepuluh'"),
        "{stderr}"
    );
}

#[test]
fn a_repeated_report_is_an_error_and_a_later_one_supersedes() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    let path = site.join("data/laporan_penyalur.csv");
    let original = std::fs::read_to_string(&path).unwrap();
    // the same branch (in another letter case), programme, tahap, region and day twice
    let mut csv = original.clone();
    csv.push_str("BRI,tenggarong,PKH,2021-T4,64.02.01,1663,,2022-01-06\n");
    std::fs::write(&path, &csv).unwrap();
    let o = common::salur_check(&site);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "data/laporan_penyalur.csv:42:2: 'tenggarong': duplikat; sudah ada di baris 2"
        ),
        "{stderr}"
    );

    // an earlier report of Bontang for Muara Badak: listed in its own section, not counted
    let mut csv = original;
    csv.push_str("BRI,Bontang,PKH,2021-T4,64.02.05,100,,2021-12-25\n");
    std::fs::write(&path, &csv).unwrap();
    let out = dir.path().join("public");
    common::build(&site, &out);
    let doc = scraper::Html::parse_document(
        &std::fs::read_to_string(out.join("rekonsiliasi/64.02.html")).unwrap(),
    );
    let sections: Vec<String> = doc.select(&sel("section h2")).map(text).collect();
    assert_eq!(
        sections,
        [
            "BRI, laporan per Kamis, 6 Januari 2022",
            "BRI, laporan per Sabtu, 25 Desember 2021"
        ]
    );
    // the branch's figures are its latest report's: still 3.618 against 3.612
    let cabang = doc
        .select(&sel("#cabang tbody tr"))
        .find(|tr| text(*tr).contains("BRI Bontang"))
        .map(|tr| tr.select(&sel("td")).map(text).collect::<Vec<_>>())
        .unwrap();
    assert_eq!(&cabang[1..4], ["3.618", "3.612", "-6"]);
}
