//! A calendar per RW: each RW of a kelurahan with RW slots has its own `.ics`
//! (`wilayah/<prov>/<kode>.rw-<rw>.ics`) whose events are exactly that RW's rows of
//! `data/jadwal.csv`, linked beside its row of the schedule with a WhatsApp share link whose
//! sentence holds the slot and the page's address; a changed slot rewrites its RW's calendar
//! and no other RW's; two RWs a resident could not tell apart are refused; `[jadwal]
//! kalender_rw = false` turns them off.

use std::collections::BTreeMap;

use crate::common;
use common::{build, edit, example_copy, example_site, files, page, sel};

/// The rows of `data/jadwal.csv` for region `kode`, per RW: (date, start, end, kpm).
fn baris_rw(kode: &str) -> BTreeMap<String, Vec<[String; 4]>> {
    let cells = common::cells(&common::root().join("data/jadwal.csv"));
    let kepala = &cells[0];
    let kolom = |n: &str| kepala.iter().position(|k| k == n).unwrap();
    let (k, rw, tanggal, mulai, selesai, kpm) = (
        kolom("kode_wilayah"),
        kolom("rw"),
        kolom("tanggal"),
        kolom("mulai"),
        kolom("selesai"),
        kolom("kpm"),
    );
    let mut out: BTreeMap<String, Vec<[String; 4]>> = BTreeMap::new();
    for r in &cells[1..] {
        if r[k] == kode {
            out.entry(r[rw].clone()).or_default().push([
                r[tanggal].clone(),
                r[mulai].clone(),
                r[selesai].clone(),
                r[kpm].clone(),
            ]);
        }
    }
    out
}

/// `2021-07-19` and `07.00` → `20210719T070000`.
fn waktu(tanggal: &str, jam: &str) -> String {
    format!("{}T{}00", tanggal.replace('-', ""), jam.replace('.', ""))
}

/// The events of a calendar file: (DTSTART, DTEND, UID, DESCRIPTION).
fn acara(bytes: &[u8]) -> Vec<[String; 4]> {
    let cals: Vec<_> = ical::IcalParser::new(std::io::BufReader::new(bytes))
        .map(Result::unwrap)
        .collect();
    assert_eq!(cals.len(), 1);
    cals[0]
        .events
        .iter()
        .map(|e| {
            let prop = |name: &str| {
                e.properties
                    .iter()
                    .find(|p| p.name == name)
                    .and_then(|p| p.value.clone())
                    .unwrap_or_default()
            };
            [
                prop("DTSTART"),
                prop("DTEND"),
                prop("UID"),
                prop("DESCRIPTION"),
            ]
        })
        .collect()
}

#[test]
fn each_rw_of_a_kelurahan_has_a_calendar_of_exactly_its_rows() {
    let site = files(example_site());
    // Kota Pasuruan's kelurahan: every RW's calendar holds that RW's rows and no other's
    for kode in ["35.75.01.1001", "35.75.04.1011", "35.75.02.1003"] {
        let rw = baris_rw(kode);
        assert!(rw.len() > 1, "{kode}: several RWs");
        let semua = acara(&site[&format!("wilayah/35/{kode}.ics")]);
        for (r, rows) in &rw {
            let path = format!("wilayah/35/{kode}.rw-{r}.ics");
            let events = acara(site.get(&path).unwrap_or_else(|| panic!("{path} missing")));
            let mut got: Vec<(String, String)> = events
                .iter()
                .map(|e| (e[0].clone(), e[1].clone()))
                .collect();
            let mut want: Vec<(String, String)> = rows
                .iter()
                .map(|[t, m, s, _]| (waktu(t, m), waktu(t, s)))
                .collect();
            got.sort();
            want.sort();
            assert_eq!(got, want, "{path}");
            for e in &events {
                assert!(e[3].contains(&format!("RW {r}")), "{path}: {}", e[3]);
                // the same event as in the kelurahan's calendar: a phone with both keeps one
                assert!(semua.iter().any(|s| s == e), "{path}: {e:?}");
            }
        }
    }
    // one calendar per RW of every scheduled kelurahan, and only where the rows name an RW
    let cells = common::cells(&common::root().join("data/jadwal.csv"));
    let pasangan: std::collections::BTreeSet<(String, String)> = cells[1..]
        .iter()
        .filter(|r| !r[8].is_empty())
        .map(|r| (r[3].clone(), r[8].clone()))
        .collect();
    let rw_files: Vec<&String> = site.keys().filter(|p| p.contains(".rw-")).collect();
    assert_eq!(rw_files.len(), pasangan.len());
    assert_eq!(rw_files.len(), 301);
    for (kode, r) in &pasangan {
        assert!(
            site.contains_key(&format!("wilayah/35/{kode}.rw-{r}.ics")),
            "{kode} RW {r}"
        );
    }
    // named after the kelurahan and the RW
    let text = String::from_utf8(site["wilayah/35/35.75.01.1001.rw-01.ics"].clone()).unwrap();
    assert!(
        text.contains("X-WR-CALNAME:Kelurahan Karangketug RW 01 · "),
        "{text}"
    );
}

#[test]
fn each_slot_row_links_its_rw_calendar_and_a_whatsapp_share() {
    let doc = page("wilayah/35/35.75.01.1001.html");
    let rows: Vec<_> = doc
        .select(&sel("#jadwal table.k-jadwal tbody tr"))
        .collect();
    assert_eq!(rows.len(), 8, "Karangketug's eight RW slots");
    for tr in rows {
        let rw: String = tr
            .select(&sel("td"))
            .next()
            .unwrap()
            .text()
            .next()
            .unwrap()
            .trim()
            .to_string();
        let ics = tr
            .select(&sel("td a[download]"))
            .next()
            .and_then(|a| a.value().attr("href"))
            .expect("an RW calendar link");
        assert_eq!(ics, format!("../../wilayah/35/35.75.01.1001.rw-{rw}.ics"));
        assert!(
            example_site()
                .join(format!("wilayah/35/35.75.01.1001.rw-{rw}.ics"))
                .is_file()
        );
        let wa = tr
            .select(&sel("td a[href^='https://wa.me/']"))
            .next()
            .and_then(|a| a.value().attr("href"))
            .expect("a WhatsApp link");
        let text = wa.strip_prefix("https://wa.me/?text=").unwrap();
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
            "{text}"
        );
        let kalimat = percent_encoding::percent_decode_str(text)
            .decode_utf8()
            .unwrap()
            .to_string();
        assert!(kalimat.contains(&format!("RW {rw}")), "{kalimat}");
        assert!(kalimat.contains("BST"), "{kalimat}");
        assert!(kalimat.contains("Juli 2021"), "{kalimat}");
        assert!(kalimat.contains(" WIB"), "{kalimat}");
        assert!(
            kalimat.contains("https://salur.example.org/wilayah/35/35.75.01.1001.html#jadwal-"),
            "{kalimat}"
        );
        assert_eq!(kalimat.lines().count(), 1, "{kalimat}");
    }
    // the first slot, word for word: RW 01 on 19 July 2021, 07.00–08.00 WIB
    let wa = doc
        .select(&sel("#jadwal a[href^='https://wa.me/']"))
        .next()
        .and_then(|a| a.value().attr("href"))
        .unwrap();
    let kalimat = percent_encoding::percent_decode_str(&wa["https://wa.me/?text=".len()..])
        .decode_utf8()
        .unwrap()
        .to_string();
    assert_eq!(
        kalimat,
        "Pencairan BST untuk warga RW 01 Kelurahan Karangketug: 19 Juli 2021, pukul \
         07.00–08.00 WIB, di titik bayar Karangketug (Kantor Kelurahan Karangketug). Jadwal \
         lengkap: https://salur.example.org/wilayah/35/35.75.01.1001.html#jadwal-bst-2021-07"
    );
}

#[test]
fn without_base_url_the_sentence_has_no_address_and_a_changed_slot_rewrites_only_its_rw() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    edit(
        &site.join("site.toml"),
        "base_url = \"https://salur.example.org/\"\n",
        "",
    );
    let public = dir.path().join("out/public");
    build(&site, &public);
    let before = files(&public);
    let html = String::from_utf8(before["wilayah/35/35.75.01.1001.html"].clone()).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let wa = doc
        .select(&sel("#jadwal a[href^='https://wa.me/']"))
        .next()
        .and_then(|a| a.value().attr("href"))
        .unwrap();
    let kalimat = percent_encoding::percent_decode_str(&wa["https://wa.me/?text=".len()..])
        .decode_utf8()
        .unwrap()
        .to_string();
    assert!(
        kalimat.ends_with("(Kantor Kelurahan Karangketug)."),
        "{kalimat}"
    );
    assert!(!kalimat.contains("http"), "{kalimat}");

    // RW 02 of Karangketug an hour later: its calendar, the kelurahan's, its page and the
    // schedule's other views change; no other RW's calendar
    edit(
        &site.join("data/jadwal.csv"),
        "35.75.01.1001,Kantor Kelurahan Karangketug,2021-07-19,08.00,09.00",
        "35.75.01.1001,Kantor Kelurahan Karangketug,2021-07-19,09.00,10.00",
    );
    let summary = build(&site, &public);
    let after = files(&public);
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(summary.output.ditulis, changed.len());
    let rw: Vec<&&String> = changed.iter().filter(|p| p.contains(".rw-")).collect();
    assert_eq!(rw, [&&"wilayah/35/35.75.01.1001.rw-02.ics".to_string()]);
    assert!(changed.contains(&&"wilayah/35/35.75.01.1001.ics".to_string()));
    assert!(changed.contains(&&"wilayah/35/35.75.01.1001.html".to_string()));
    let text = String::from_utf8(after["wilayah/35/35.75.01.1001.rw-02.ics"].clone()).unwrap();
    assert!(text.contains("DTSTART;TZID=Asia/Jakarta:20210719T090000\r\n"));
    // and the incremental build is the full build
    let full = dir.path().join("full");
    build(&site, &full);
    assert!(files(&full) == after, "incremental differs from full");
}

#[test]
fn two_rws_a_resident_cannot_tell_apart_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let p = site.join("data/jadwal.csv");
    edit(
        &p,
        "Karangketug,2021-07-19,07.00,08.00,01,",
        "Karangketug,2021-07-19,07.00,08.00,Krajan,",
    );
    edit(
        &p,
        "Karangketug,2021-07-19,08.00,09.00,02,",
        "Karangketug,2021-07-19,08.00,09.00,KRAJAN,",
    );
    let out = dir.path().join("public");
    match salur::build(&salur::BuildOptions {
        root: site,
        output: Some(out.clone()),
        base_url: None,
    }) {
        Err(salur::Error::Input { diagnostics, lang }) => {
            let m: Vec<String> = diagnostics
                .items()
                .iter()
                .map(|d| d.message(lang))
                .collect();
            let want = "data/jadwal.csv:3:9: 'KRAJAN': diterbitkan sebagai \
                        wilayah/35/35.75.01.1001.rw-krajan.ics, yang sudah menjadi halaman \
                        data/jadwal.csv:2:9 'Krajan'";
            assert!(m.iter().any(|m| m.starts_with(want)), "{m:?}");
        }
        other => panic!("build must refuse it: {:?}", other.map(|s| s.files)),
    }
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn a_site_can_turn_the_rw_calendars_off() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        edit(
            &site.join("site.toml"),
            "[jadwal]\n",
            "[jadwal]\nkalender_rw = false\n",
        )
    });
    let site = files(&out);
    assert!(!site.keys().any(|p| p.contains(".rw-")));
    assert_eq!(site.len(), 1627 - 301);
    let html = String::from_utf8(site["wilayah/35/35.75.01.1001.html"].clone()).unwrap();
    let doc = scraper::Html::parse_document(&html);
    // the kelurahan's calendar, no RW's; the share links stay
    assert_eq!(doc.select(&sel("#jadwal a[href$='.ics']")).count(), 1);
    assert_eq!(
        doc.select(&sel("#jadwal a[href^='https://wa.me/']"))
            .count(),
        8
    );
}
