//! Meeting notes end to end: on their own pages, in the archive and the follow-up tracker, on
//! the pages of the regions, programmes and tahap they name; safe HTML; errors with places.

use crate::common;

use std::fs;
use std::path::Path;

use common::{page, sel, text};

const PASURUAN_NOTE: &str = "rapat/2021-07-13-rakor-bansos-kota-pasuruan.html";

#[test]
fn the_kota_page_lists_its_rakor_and_kelurahan_reach_it_through_the_breadcrumb() {
    let kota = page("wilayah/35/35.75.html");
    let links: Vec<(String, String)> = kota
        .select(&sel("#rapat a"))
        .map(|a| (text(a), a.value().attr("href").unwrap().to_string()))
        .collect();
    assert!(
        links
            .iter()
            .any(|(_, h)| h == &format!("../../{PASURUAN_NOTE}")),
        "{links:?}"
    );
    let dates = text(kota.select(&sel("#rapat")).next().unwrap());
    assert!(dates.contains("Selasa, 13 Juli 2021"), "{dates}");
    // a kelurahan page does not copy the note, but its breadcrumb leads to the kota page
    let kel = page("wilayah/35/35.75.01.1001.html");
    assert!(kel.select(&sel("#rapat")).next().is_none());
    let crumbs: Vec<&str> = kel
        .select(&sel(".remah a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        crumbs.contains(&"../../wilayah/35/35.75.html"),
        "{crumbs:?}"
    );
}

#[test]
fn the_note_page_shows_the_200_kpm_decision_and_its_follow_ups() {
    let doc = page(PASURUAN_NOTE);
    let decisions = text(doc.select(&sel("#keputusan")).next().unwrap());
    assert!(decisions.contains("200 KPM per hari"), "{decisions}");
    let info = text(doc.select(&sel("dl.info")).next().unwrap());
    assert!(info.contains("Pendopo Surga Surgi"), "{info}");
    assert!(
        info.contains("Kota Pasuruan") && info.contains("BST"),
        "{info}"
    );
    assert!(doc.select(&sel("#tindak-lanjut tbody tr")).count() >= 2);
}

#[test]
fn the_tracker_shows_the_kukar_deadline_with_its_state_on_the_data_date() {
    let doc = page("rapat/tindak-lanjut.html");
    let row = doc
        .select(&sel("tbody tr"))
        .find(|tr| text(*tr).contains("15 Januari 2022"))
        .expect("a follow-up with the 15 January 2022 deadline");
    let row = text(row);
    assert!(row.contains("BRI"), "{row}");
    // the example's data date is 30 November 2025 (site.toml): an unfinished 2022 deadline is
    // overdue
    assert!(row.contains("Terlambat"), "{row}");
    let summary = text(doc.select(&sel(".catatan")).next().unwrap());
    assert!(summary.contains("30 November 2025"), "{summary}");
    // the reconciliation of 4 January is done
    let done = doc
        .select(&sel("tbody tr"))
        .find(|tr| text(*tr).contains("Rekonsiliasi data penyaluran dengan BRI"))
        .map(text)
        .unwrap_or_default();
    assert!(done.contains("Selesai"), "{done}");
}

#[test]
fn the_archive_lists_notes_by_year_newest_first_and_programme_pages_list_theirs() {
    let doc = page("rapat/index.html");
    let years: Vec<String> = doc.select(&sel("main h2")).map(text).collect();
    let mut sorted = years.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(years, sorted);
    assert!(years.contains(&"2021".to_string()) && years.contains(&"2025".to_string()));
    let bst = page("program/bst.html");
    assert!(
        bst.select(&sel("#rapat a"))
            .any(|a| a.value().attr("href") == Some(&format!("../{PASURUAN_NOTE}")[..]))
    );
    let tahap = page("tahap/2021-t4.html");
    assert!(
        tahap.select(&sel("#rapat a")).count() >= 2,
        "both Kukar notes on the tahap page"
    );
}

fn site_with_note(note: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path();
    fs::create_dir_all(s.join("data")).unwrap();
    fs::create_dir_all(s.join("content/rapat")).unwrap();
    fs::write(
        s.join("data/wilayah.csv"),
        "kode,nama\n35,Jawa Timur\n35.75,Kota Pasuruan\n",
    )
    .unwrap();
    fs::write(
        s.join("data/program.csv"),
        "kode,nama,sumber_dana,nilai_per_kpm,periode\nBST,BST,APBN,,bulanan\n",
    )
    .unwrap();
    fs::write(
        s.join("data/tahap.csv"),
        "kode,nama,mulai,selesai\n2021-07,Juli 2021,2021-07-01,2021-07-31\n",
    )
    .unwrap();
    fs::write(s.join("content/rapat/rakor.md"), note).unwrap();
    dir
}

fn messages(root: &Path) -> Vec<String> {
    match salur::load(root) {
        Ok(_) => Vec::new(),
        Err(salur::Error::Input { diagnostics, .. }) => diagnostics
            .items()
            .iter()
            .map(|d| d.message(salur::lang::Lang::En))
            .collect(),
        Err(e) => panic!("{e}"),
    }
}

const NOTE: &str = "+++\njudul = \"Rakor\"\ntanggal = 2021-07-13\nwilayah = [\"35.75\"]\nprogram = [\"BST\"]\ntahap = [\"2021-07\"]\n+++\n";

#[test]
fn unknown_codes_in_a_note_name_their_place_and_the_nearest_code() {
    let s = site_with_note(
        &NOTE
            .replace("\"35.75\"", "\"35.57\"")
            .replace("\"BST\"", "\"BTS\"")
            .replace("\"2021-07\"", "\"2021-7\""),
    );
    assert_eq!(
        messages(s.path()),
        vec![
            "content/rapat/rakor.md:4:12: '35.57': unknown region code: not in wilayah.csv; did you mean '35.75'?".to_string(),
            "content/rapat/rakor.md:5:12: 'BTS': unknown programme code: not in program.csv; did you mean 'BST'?".to_string(),
            "content/rapat/rakor.md:6:10: '2021-7': unknown stage code: not in tahap.csv; did you mean '2021-07'?".to_string(),
        ]
    );
    let s = site_with_note(&NOTE.replace("judul = \"Rakor\"\n", ""));
    let m = messages(s.path());
    assert_eq!(
        m,
        vec!["content/rapat/rakor.md:2:1: the required key 'judul' is missing".to_string()]
    );
    let s = site_with_note(&NOTE.replace("program", "progam"));
    assert_eq!(
        messages(s.path()),
        vec![
            "content/rapat/rakor.md:5:1: unknown key 'progam'; did you mean 'program'?".to_string()
        ]
    );
    let s = site_with_note(&NOTE.replace("2021-07-13", "2021-07-32"));
    assert!(messages(s.path())[0].starts_with("content/rapat/rakor.md:3:"));
}

#[test]
fn raw_html_in_a_note_cannot_run() {
    let s = site_with_note(&format!(
        "{NOTE}<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[x](javascript:alert(3))\n"
    ));
    let out = s.path().join("out");
    salur::build(&salur::BuildOptions {
        root: s.path().to_path_buf(),
        output: Some(out.clone()),
        base_url: None,
    })
    .unwrap();
    let html = fs::read_to_string(out.join("rapat/rakor.html"))
        .unwrap()
        .to_lowercase()
        // the theme's own search script, from a file (tests/suite/cari.rs)
        .replacen(r#"<script src="../cari.js" defer></script>"#, "", 1);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("onerror"), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
}

#[test]
fn operator_mistakes_get_clear_messages() {
    // a date written as text
    let s = site_with_note(&NOTE.replace("tanggal = 2021-07-13", "tanggal = \"13/07/2021\""));
    assert_eq!(
        messages(s.path()),
        vec!["content/rapat/rakor.md:3:11: expected a TOML date without quotes, e.g. tanggal = 2021-07-13".to_string()]
    );
    // a status outside the list
    let s = site_with_note(
        "+++\njudul = \"Rakor\"\ntanggal = 2021-07-13\n[[tindak_lanjut]]\ntugas = \"A\"\n\
         penanggung_jawab = \"B\"\nstatus = \"sudah\"\n+++\n",
    );
    let m = messages(s.path());
    assert!(
        m[0].contains("unknown value 'sudah'; expected \"selesai\" or \"berjalan\""),
        "{m:?}"
    );
    // front matter never closed
    let s = site_with_note("+++\njudul = \"Rakor\"\ntanggal = 2021-07-13\n");
    assert_eq!(
        messages(s.path()),
        vec![
            "content/rapat/rakor.md:1:1: the closing '+++' line of the front matter is missing"
                .to_string()
        ]
    );
    // two files that would be the same page
    let s = site_with_note(NOTE);
    fs::write(s.path().join("content/rapat/Rakor.md"), NOTE).unwrap();
    // found by the page plan, which claims every output path once (so by `check`, not `load`)
    let Err(salur::Error::Input { diagnostics, .. }) = salur::check(s.path()) else {
        panic!("two notes of one page must be refused");
    };
    assert_eq!(
        diagnostics
            .items()
            .iter()
            .map(|d| d.message(salur::lang::Lang::En))
            .collect::<Vec<_>>(),
        vec![
            "content/rapat/rakor.md: would be published as rapat/rakor.html, which is already \
             the page of content/rapat/Rakor.md; two inputs cannot share one file: rename one \
             of them"
                .to_string()
        ]
    );
}
