//! Payment schedules end to end: the calendars of the example site parse with a real
//! iCalendar parser and carry the right time zone; the kelurahan page links its calendar.

mod common;

use common::{example_site, files, page, sel};

#[test]
fn every_calendar_parses_and_its_events_are_in_wib() {
    let site = files(example_site());
    let calendars: Vec<(&String, &Vec<u8>)> =
        site.iter().filter(|(p, _)| p.ends_with(".ics")).collect();
    assert_eq!(
        calendars.len(),
        68,
        "one calendar per Kota Pasuruan kelurahan and one per titik bayar"
    );
    let loaded = salur::load(&common::root()).unwrap();
    let mut events = 0;
    for (path, bytes) in calendars {
        let parser = ical::IcalParser::new(std::io::BufReader::new(&bytes[..]));
        let cals: Vec<_> = parser
            .map(|c| c.unwrap_or_else(|e| panic!("{path}: {e}")))
            .collect();
        assert_eq!(cals.len(), 1, "{path}");
        let cal = &cals[0];
        assert_eq!(cal.timezones.len(), 1, "{path}");
        let stem = path
            .rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches(".ics")
            .to_string();
        // a kelurahan's calendar file is named by its code; a payment point's calendar
        // carries its name
        let calname = cal
            .properties
            .iter()
            .find(|p| p.name == "X-WR-CALNAME")
            .and_then(|p| p.value.clone())
            .unwrap_or_default();
        let slots: Vec<_> = loaded
            .data
            .jadwal
            .iter()
            .filter(|j| {
                if path.starts_with("wilayah/") {
                    loaded.data.wilayah.node(j.wilayah).kode_teks == stem
                } else {
                    let titik = &loaded.data.titik_bayar[j.titik_bayar as usize];
                    calname.starts_with(&format!("Titik bayar {titik} ·"))
                }
            })
            .collect();
        assert!(!slots.is_empty(), "{path}");
        assert_eq!(cal.events.len(), slots.len(), "{path}");
        for e in &cal.events {
            let prop = |name: &str| {
                e.properties
                    .iter()
                    .find(|p| p.name == name)
                    .unwrap_or_else(|| panic!("{path}: no {name}"))
            };
            for name in ["DTSTART", "DTEND"] {
                let p = prop(name);
                let tzid = p
                    .params
                    .as_ref()
                    .and_then(|ps| ps.iter().find(|(k, _)| k == "TZID"))
                    .map(|(_, v)| v.join(","));
                assert_eq!(tzid.as_deref(), Some("Asia/Jakarta"), "{path}: {name}");
            }
            assert!(
                prop("UID")
                    .value
                    .as_deref()
                    .unwrap_or("")
                    .ends_with("@salur")
            );
            assert!(
                prop("SUMMARY")
                    .value
                    .as_deref()
                    .unwrap_or("")
                    .starts_with("Pencairan BST")
            );
            events += 1;
        }
    }
    assert_eq!(events, 2 * loaded.data.jadwal.len());
    // the first slot of Karangketug: 19 July 2021, 07.00 WIB, RW 01
    let text = String::from_utf8(site["wilayah/35/35.75.01.1001.ics"].clone()).unwrap();
    assert!(text.contains("DTSTART;TZID=Asia/Jakarta:20210719T070000\r\n"));
    assert!(
        text.lines().all(|l| l.len() <= 76),
        "lines are folded at 75 octets"
    );
}

#[test]
fn the_kelurahan_page_links_its_calendar() {
    let doc = page("wilayah/35/35.75.01.1001.html");
    let href = doc
        .select(&sel("#jadwal a[download]"))
        .next()
        .and_then(|a| a.value().attr("href"))
        .expect("a calendar link");
    assert_eq!(href, "../../wilayah/35/35.75.01.1001.ics");
    assert!(
        example_site()
            .join("wilayah/35/35.75.01.1001.ics")
            .is_file()
    );
}

#[test]
fn thirty_four_payment_points_with_their_daily_load_against_capacity() {
    let site = files(example_site());
    let pages: Vec<&String> = site
        .keys()
        .filter(|p| p.starts_with("titik-bayar/") && p.ends_with(".html"))
        .collect();
    assert_eq!(pages.len(), 34);
    let mut total = 0u64;
    for p in pages {
        let doc = page(p);
        let table = doc
            .select(&sel("table.k-beban"))
            .next()
            .unwrap_or_else(|| panic!("{p}: no daily load table"));
        for row in table.select(&sel("tbody tr")) {
            let cells: Vec<String> = row.select(&sel("td")).map(common::text).collect();
            let kpm: u64 = cells[0].replace('.', "").parse().unwrap();
            assert!(kpm <= 200, "{p}: {cells:?}");
            total += kpm;
            let used: f64 = cells[1]
                .trim_end_matches('%')
                .replace(',', ".")
                .parse()
                .unwrap();
            assert!((used - kpm as f64 / 2.0).abs() < 0.06, "{p}: {cells:?}");
        }
    }
    assert_eq!(total, 18_877);
    // the kelurahan's schedule links the place to its payment point
    let doc = page("wilayah/35/35.75.01.1001.html");
    let href = doc
        .select(&sel("#jadwal tbody td a"))
        .next()
        .and_then(|a| a.value().attr("href"))
        .expect("a link to the payment point");
    assert_eq!(href, "../../titik-bayar/karangketug.html");
}

#[test]
fn the_kelurahan_page_prints_as_a_notice() {
    // the printed notice: its heading and what to bring, hidden on screen (`.cetak-saja`); the
    // print stylesheet keeps only the schedule on A4 (checked with Chromium by
    // scripts/cetak-pengumuman.sh: one page for Karangketug)
    let doc = page("wilayah/35/35.75.01.1001.html");
    let heading = doc
        .select(&sel("#jadwal .cetak-saja.pengumuman"))
        .next()
        .map(common::text);
    assert_eq!(heading.as_deref(), Some("Pengumuman jadwal pencairan"));
    let bawa: Vec<String> = doc
        .select(&sel("#jadwal p.cetak-saja"))
        .map(common::text)
        .collect();
    assert!(bawa.iter().any(|t| t.contains("KTP")), "{bawa:?}");
    let css = std::fs::read_to_string(example_site().join("style.css")).unwrap();
    assert!(css.contains("@page{size:A4"));
    assert!(css.contains(".cetak-saja{display:none}"));
    assert!(css.contains("main:has(#jadwal)>*:not(#jadwal):not(h1)"));
}

#[test]
fn without_a_timezone_setting_each_region_has_its_provinsi_zone() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
        assert!(toml.contains("timezone = \"WIB\"\n"));
        std::fs::write(
            site.join("site.toml"),
            toml.replace("timezone = \"WIB\"\n", ""),
        )
        .unwrap();
        // a slot in Perian, Kutai Kartanegara (provinsi 64, Kalimantan Timur: WITA)
        let mut jadwal = std::fs::read_to_string(site.join("data/jadwal.csv")).unwrap();
        jadwal.push_str(
            "BST,2021-07,Balai Desa Perian,64.02.01.2001,Balai Desa Perian,2021-07-20,08.00,09.00,,10\n",
        );
        std::fs::write(site.join("data/jadwal.csv"), jadwal).unwrap();
    });
    let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
    let perian = read("wilayah/64/64.02.01.2001.ics");
    assert!(
        perian.contains("DTSTART;TZID=Asia/Makassar:20210720T080000\r\n"),
        "{perian}"
    );
    assert!(perian.contains("TZOFFSETTO:+0800\r\n"));
    let page = read("wilayah/64/64.02.01.2001.html");
    assert!(page.contains("08.00–09.00 WITA"), "the page says WITA");
    assert!(read("titik-bayar/balai-desa-perian.ics").contains("TZID=Asia/Makassar"));
    // Kota Pasuruan (provinsi 35, Jawa Timur) stays in WIB
    assert!(read("wilayah/35/35.75.01.1001.ics").contains("TZID=Asia/Jakarta:20210719T070000"));
    assert!(read("wilayah/35/35.75.01.1001.html").contains("07.00–08.00 WIB"));
}
