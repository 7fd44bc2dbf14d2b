//! Payment schedules end to end: the calendars of the example site parse with a real
//! iCalendar parser and carry the right time zone; the kelurahan page links its calendar.

use crate::common;

use common::{example_site, files, page, sel};

#[test]
fn every_calendar_parses_and_its_events_are_in_wib() {
    let site = files(example_site());
    // a kelurahan's or a payment point's; the RW calendars are kalender_rw.rs's
    let calendars: Vec<(&String, &Vec<u8>)> = site
        .iter()
        .filter(|(p, _)| p.ends_with(".ics") && !p.contains(".rw-"))
        .collect();
    assert_eq!(
        calendars.len(),
        34,
        "one calendar per Kota Pasuruan kelurahan (each has its own titik bayar)"
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
                    let titik = &loaded.data.titik_bayar[j.titik_bayar.indeks()];
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
    assert_eq!(events, loaded.data.jadwal.len());
    // one identifier per event, the same for the event wherever it is listed (an RW's
    // calendar repeats its kelurahan's identifiers: kalender_rw.rs)
    let uids: Vec<&str> = site
        .iter()
        .filter(|(p, _)| p.ends_with(".ics") && !p.contains(".rw-"))
        .flat_map(|(_, b)| std::str::from_utf8(b).unwrap().lines())
        .filter_map(|l| l.strip_prefix("UID:"))
        .collect();
    let unique: std::collections::BTreeSet<&str> = uids.iter().copied().collect();
    assert_eq!(unique.len(), uids.len());
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

/// The example with Karangketug and Gentong (35.75.01.1001 and .1002) sent to one shared
/// payment point, "Kantor Kecamatan Gadingrejo"; capacity overruns are warnings.
fn shared_point_site(dir: &std::path::Path) -> std::path::PathBuf {
    common::build_changed_copy(dir, |site| {
        let path = site.join("data/jadwal.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut shared = 0;
        let text: String = text
            .lines()
            .map(|l| {
                let l = if l.starts_with("BST,2021-07,Karangketug,35.75.01.1001,")
                    || l.starts_with("BST,2021-07,Gentong,35.75.01.1002,")
                {
                    shared += 1;
                    // Gentong comes in the afternoon (its hours + 6), so no slot overlaps
                    let mut f: Vec<String> = l.split(',').map(str::to_string).collect();
                    f[2] = "Kantor Kecamatan Gadingrejo".to_string();
                    if f[3] == "35.75.01.1002" {
                        for c in [6, 7] {
                            let jam: u32 = f[c][..2].parse().unwrap();
                            f[c] = format!("{:02}{}", jam + 6, &f[c][2..]);
                        }
                    }
                    f.join(",")
                } else {
                    l.to_string()
                };
                l + "\n"
            })
            .collect();
        assert!(shared > 10);
        std::fs::write(&path, text).unwrap();
        let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
        std::fs::write(
            site.join("site.toml"),
            toml.replace(
                "max_kpm_per_day = 200\n",
                "max_kpm_per_day = 200\nover_capacity = \"warning\"\n",
            ),
        )
        .unwrap();
    })
}

#[test]
fn a_payment_point_serving_one_kelurahan_is_shown_on_its_page_only() {
    // Kota Pasuruan has one point per kelurahan: no point has a page of its own, and the
    // kelurahan's calendar holds its slots
    let site = files(example_site());
    assert!(!site.keys().any(|p| p.starts_with("titik-bayar/")));
    let doc = page("wilayah/35/35.75.01.1001.html");
    let place = doc
        .select(&sel("#jadwal tbody td:last-child"))
        .next()
        .unwrap();
    assert_eq!(common::text(place), "Kantor Kelurahan Karangketug");
    assert!(place.select(&sel("a")).next().is_none());
}

#[test]
fn a_shared_payment_point_has_its_page_its_calendar_and_its_load_against_capacity() {
    let dir = tempfile::tempdir().unwrap();
    let out = shared_point_site(dir.path());
    let site = files(&out);
    let points: Vec<&String> = site
        .keys()
        .filter(|p| p.starts_with("titik-bayar/"))
        .collect();
    assert_eq!(
        points,
        [
            "titik-bayar/kantor-kecamatan-gadingrejo.html",
            "titik-bayar/kantor-kecamatan-gadingrejo.ics"
        ]
    );
    let loaded = salur::load(&common::root()).unwrap();
    let kpm_of = |kode: &str| -> u64 {
        loaded
            .data
            .jadwal
            .iter()
            .filter(|j| loaded.data.wilayah.node(j.wilayah).kode_teks == kode)
            .map(|j| j.kpm)
            .sum()
    };
    let expected = kpm_of("35.75.01.1001") + kpm_of("35.75.01.1002");
    let text =
        String::from_utf8(site["titik-bayar/kantor-kecamatan-gadingrejo.html"].clone()).unwrap();
    let doc = scraper::Html::parse_document(&text);
    let served: Vec<String> = doc.select(&sel("p.meta a")).map(common::text).collect();
    assert_eq!(served, ["Kelurahan Karangketug", "Kelurahan Gentong"]);
    // its KPM per day against the capacity of 200, adding up to both kelurahan's KPM
    let mut total = 0u64;
    let table = doc.select(&sel("table.k-beban")).next().unwrap();
    for row in table.select(&sel("tbody tr")) {
        let cells: Vec<String> = row.select(&sel("td")).map(common::text).collect();
        let kpm: u64 = cells[0].replace('.', "").parse().unwrap();
        total += kpm;
        let used: f64 = cells[1]
            .split('%')
            .next()
            .unwrap()
            .replace(',', ".")
            .parse()
            .unwrap();
        assert!((used - kpm as f64 / 2.0).abs() < 0.06, "{cells:?}");
        assert_eq!(
            kpm > 200,
            cells[1].contains("melebihi kapasitas"),
            "{cells:?}"
        );
    }
    assert_eq!(total, expected);
    // its calendar holds both kelurahan's slots
    let ics =
        String::from_utf8(site["titik-bayar/kantor-kecamatan-gadingrejo.ics"].clone()).unwrap();
    let cal = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()))
        .next()
        .unwrap()
        .unwrap();
    let slots = loaded
        .data
        .jadwal
        .iter()
        .filter(|j| {
            ["35.75.01.1001", "35.75.01.1002"]
                .contains(&loaded.data.wilayah.node(j.wilayah).kode_teks.as_str())
        })
        .count();
    assert_eq!(cal.events.len(), slots);
    assert!(ics.contains("\r\nSUMMARY:Pencairan BST RW 01 · Kelurahan Gentong\r\n"));
    // the kelurahan's schedule and the city overview link it; its breadcrumb leads back
    let kelurahan = std::fs::read_to_string(out.join("wilayah/35/35.75.01.1002.html")).unwrap();
    assert!(kelurahan.contains("href=\"../../titik-bayar/kantor-kecamatan-gadingrejo.html\""));
    let kota = std::fs::read_to_string(out.join("jadwal/35.75.html")).unwrap();
    assert!(kota.contains("href=\"../titik-bayar/kantor-kecamatan-gadingrejo.html\""));
    assert!(kota.contains("<small>Karangketug, Gentong</small>"));
    assert!(text.contains("href=\"../jadwal/35.75.html\""));
}

/// Two shared payment points whose names give one file name (`Pos A`, `Pos-A`) would share
/// a page and a calendar: the residents of Sebani would read Karangketug's point. `salur check`
/// refuses it as `build` does, naming both rows, and nothing is written; `Pos A 2` is another
/// point, with its own page.
#[test]
fn two_payment_points_of_one_file_name_are_refused_by_check_as_by_build() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    let path = site.join("data/jadwal.csv");
    let mut text = std::fs::read_to_string(&path).unwrap();
    let first = text.lines().count() + 1;
    for (titik, kode, rw, jam) in [
        ("Pos A", "35.75.01.1001", "20", "07"),
        ("Pos A", "35.75.01.1002", "20", "08"),
        ("Pos A 2", "35.75.01.1005", "22", "07"),
        ("Pos A 2", "35.75.01.1006", "22", "08"),
        ("Pos-A", "35.75.01.1003", "21", "07"),
        ("Pos-A", "35.75.01.1004", "21", "08"),
    ] {
        text.push_str(&format!(
            "BST,2021-07,{titik},{kode},Balai RW {rw},2021-07-26,{jam}.00,{jam}.59,{rw},10\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    let out = common::salur_check(&site);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1), "{said}");
    let want = format!(
        "data/jadwal.csv:{}:3: 'Pos-A': diterbitkan sebagai titik-bayar/pos-a.html, yang sudah \
         menjadi halaman data/jadwal.csv:{first}:3 'Pos A'",
        first + 4
    );
    assert!(said.contains(&want), "{said}");
    assert!(!said.contains("Pos A 2"), "{said}");
    let public = dir.path().join("public");
    match salur::build(&salur::BuildOptions {
        root: site,
        output: Some(public.clone()),
        base_url: None,
    }) {
        Err(salur::Error::Input { diagnostics, lang }) => {
            let m: Vec<String> = diagnostics
                .items()
                .iter()
                .map(|d| d.message(lang))
                .collect();
            assert!(m.iter().any(|m| m.starts_with(&want)), "{m:?}");
        }
        other => panic!("build must refuse it: {:?}", other.map(|s| s.files)),
    }
    assert!(!public.exists(), "nothing is written");
}

#[test]
fn the_kelurahan_page_prints_as_a_notice() {
    // the printed notice: its heading, hidden on screen (`.cetak-saja`), and what to bring,
    // on screen too; the print stylesheet keeps only the schedule on A4 (printed to PDF in
    // Chromium by browser::the_printed_notice_fits_one_a4_page: one page)
    let doc = page("wilayah/35/35.75.01.1001.html");
    let heading = doc
        .select(&sel("#jadwal .cetak-saja.pengumuman"))
        .next()
        .map(common::text);
    assert_eq!(heading.as_deref(), Some("Pengumuman jadwal pencairan"));
    let bawa: Vec<String> = doc
        .select(&sel("#jadwal p.bawa"))
        .map(common::text)
        .collect();
    assert!(bawa.iter().any(|t| t.contains("KTP")), "{bawa:?}");
    let css = std::fs::read_to_string(example_site().join("style.css")).unwrap();
    assert!(css.contains("@page{size:A4"));
    assert!(css.contains(".cetak-saja{display:none}"));
    assert!(css.contains("main:has(#jadwal)>*:not(#jadwal):not(h1)"));
}

/// A slot in Perian, Kutai Kartanegara (provinsi 64, Kalimantan Timur: WITA), on a site
/// that says `timezone = "WIB"`: its page and calendar still say WITA, a payment point that
/// serves Perian and a Kota Pasuruan kelurahan writes each event in its own zone, and the
/// contradiction is a warning at `timezone` naming the provinsi. Without the setting there is
/// no warning and the same zones.
#[test]
fn a_regions_times_are_in_its_provinsi_zone_whatever_timezone_says() {
    for timezone in [Some("WIB"), None] {
        let dir = tempfile::tempdir().unwrap();
        let site = common::example_copy(dir.path());
        let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
        assert!(!toml.contains("\ntimezone"), "the example sets no timezone");
        if let Some(tz) = timezone {
            let toml = toml.replace(
                "theme = \"default\"\n",
                &format!("theme = \"default\"\ntimezone = \"{tz}\"\n"),
            );
            std::fs::write(site.join("site.toml"), toml).unwrap();
        }
        let mut jadwal = std::fs::read_to_string(site.join("data/jadwal.csv")).unwrap();
        jadwal.push_str(
            "BST,2021-07,Balai Desa Perian,64.02.01.2001,Balai Desa Perian,2021-07-20,08.00,09.00,,10\n\
             BST,2021-07,Balai Desa Perian,35.75.01.1001,Balai Desa Perian,2021-07-21,08.00,09.00,,1\n",
        );
        std::fs::write(site.join("data/jadwal.csv"), jadwal).unwrap();
        let out = dir.path().join("public");
        let summary = common::build(&site, &out);
        let read = |rel: &str| std::fs::read_to_string(out.join(rel)).unwrap();
        let perian = read("wilayah/64/64.02.01.2001.ics");
        assert!(
            perian.contains("DTSTART;TZID=Asia/Makassar:20210720T080000\r\n"),
            "{perian}"
        );
        assert!(perian.contains("TZOFFSETTO:+0800\r\n"));
        assert!(!perian.contains("Asia/Jakarta"), "{perian}");
        let page = read("wilayah/64/64.02.01.2001.html");
        assert!(page.contains("08.00–09.00 WITA"), "the page says WITA");
        // Kota Pasuruan (provinsi 35, Jawa Timur) stays in WIB
        assert!(read("wilayah/35/35.75.01.1001.ics").contains("TZID=Asia/Jakarta:20210719T070000"));
        assert!(read("wilayah/35/35.75.01.1001.html").contains("07.00–08.00 WIB"));
        // the shared point: two zones, each event in its region's
        let titik = read("titik-bayar/balai-desa-perian.ics");
        assert_eq!(titik.matches("BEGIN:VTIMEZONE").count(), 2, "{titik}");
        assert!(titik.contains("DTSTART;TZID=Asia/Makassar:20210720T080000\r\n"));
        assert!(titik.contains("DTSTART;TZID=Asia/Jakarta:20210721T080000\r\n"));
        let cal = ical::IcalParser::new(std::io::BufReader::new(titik.as_bytes()))
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(cal.timezones.len(), 2);
        let titik_html = read("titik-bayar/balai-desa-perian.html");
        assert!(titik_html.contains("08.00–09.00 WITA") && titik_html.contains("08.00–09.00 WIB"));
        let warnings: Vec<String> = summary
            .warnings
            .items()
            .iter()
            .map(|d| d.message(salur::lang::Lang::En))
            .filter(|m| m.starts_with("site.toml:"))
            .collect();
        match timezone {
            Some(_) => assert_eq!(
                warnings,
                [
                    "site.toml:7:12: warning: 'WIB': this time zone contradicts the zone of \
                  provinsi Kalimantan Timur (64), WITA: times there are still written in WITA; \
                  timezone only applies to the site's own dates and to regions of an unknown \
                  provinsi, remove it if not needed"
                ]
            ),
            None => assert!(warnings.is_empty(), "{warnings:?}"),
        }
    }
}

/// The numbers of a table row's cells (`114`, `1.050 !`, `–` as `None`).
fn angka_sel(cells: &[String]) -> Vec<Option<u64>> {
    cells
        .iter()
        .map(|c| {
            let c = c.trim_end_matches('!').trim();
            (c != "–").then(|| c.replace('.', "").parse().unwrap())
        })
        .collect()
}

#[test]
fn the_city_overview_shows_every_payment_point_by_day_against_capacity() {
    let doc = page("jadwal/35.75.html");
    assert_eq!(
        common::text(doc.select(&sel("h1")).next().unwrap()),
        "Jadwal pencairan Kota Pasuruan"
    );
    let section = doc.select(&sel("section#jadwal-2021-07")).next().unwrap();
    // the grid: an accessible chart whose description gives the figures
    let svg = section
        .select(&sel("figure.grafik svg[role=img]"))
        .next()
        .expect("the load grid");
    let desc = common::text(svg.select(&sel("desc")).next().unwrap());
    assert!(
        desc.starts_with("34 titik bayar, 19–25 Juli 2021 (7 hari), 18.877 KPM dijadwalkan."),
        "{desc}"
    );
    assert!(desc.contains("Tidak ada titik bayar yang melebihi kapasitas."));
    let label = svg.value().attr("aria-describedby").unwrap();
    assert!(svg.select(&sel(&format!("desc#{label}"))).next().is_some());
    // one cell per point and day: 34 × 7 in the load classes, plus the legend's 5 swatches
    let cells: usize = svg
        .select(&sel("path"))
        .filter(|p| p.value().attr("class").is_some_and(|c| c.starts_with('b')))
        .map(|p| p.value().attr("d").unwrap().matches('M').count())
        .sum();
    assert_eq!(cells, 34 * 7 + 5);
    // the table next to it: the same points and days, adding up to 18.877
    let table = section.select(&sel("table.jadwal-kota")).next().unwrap();
    let days: Vec<String> = table
        .select(&sel("thead th abbr"))
        .map(common::text)
        .collect();
    assert_eq!(days.first().map(String::as_str), Some("19 Jul"));
    assert_eq!(days.len(), 7);
    let rows: Vec<_> = table.select(&sel("tbody tr")).collect();
    assert_eq!(rows.len(), 34);
    let mut per_day = [0u64; 7];
    for row in &rows {
        let cells: Vec<String> = row.select(&sel("td")).map(common::text).collect();
        let values = angka_sel(&cells);
        let (days, total) = values.split_at(7);
        let sum: u64 = days.iter().flatten().sum();
        assert_eq!(Some(sum), total[0], "{cells:?}");
        for (d, v) in days.iter().enumerate() {
            assert!(v.unwrap_or(0) <= 200, "{cells:?}");
            per_day[d] += v.unwrap_or(0);
        }
    }
    let foot: Vec<String> = table.select(&sel("tfoot td")).map(common::text).collect();
    let foot = angka_sel(&foot);
    assert_eq!(foot[..7], per_day.map(Some));
    assert_eq!(foot[7], Some(18_877));
    // Karangketug's point serves only Karangketug: its row links the kelurahan's schedule
    let link = rows[0].select(&sel("th a")).next().unwrap();
    assert_eq!(
        link.value().attr("href"),
        Some("../wilayah/35/35.75.01.1001.html#jadwal")
    );
    // reached from the city, a kelurahan's schedule and a payment point's breadcrumb
    for (from, href) in [
        ("wilayah/35/35.75.html", "../../jadwal/35.75.html"),
        ("wilayah/35/35.75.01.1001.html", "../../jadwal/35.75.html"),
    ] {
        let doc = page(from);
        assert!(
            doc.select(&sel("a"))
                .any(|a| a.value().attr("href") == Some(href)),
            "{from} links {href}"
        );
    }
    // a region without a schedule has no overview
    assert!(!example_site().join("jadwal/64.02.html").exists());
}

#[test]
fn the_city_overview_marks_days_over_capacity() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
        let toml = toml.replace(
            "[jadwal]\nmax_kpm_per_day = 200\n",
            "[jadwal]\nmax_kpm_per_day = 150\nover_capacity = \"warning\"\n",
        );
        assert!(toml.contains("max_kpm_per_day = 150"));
        std::fs::write(site.join("site.toml"), toml).unwrap();
    });
    let text = std::fs::read_to_string(out.join("jadwal/35.75.html")).unwrap();
    let doc = scraper::Html::parse_document(&text);
    let desc = common::text(doc.select(&sel("svg desc")).next().unwrap());
    let marked: Vec<Vec<Option<u64>>> = doc
        .select(&sel("table.jadwal-kota td.lebih"))
        .map(|td| angka_sel(&[common::text(td)]))
        .collect();
    assert!(!marked.is_empty());
    assert!(marked.iter().all(|v| v[0].unwrap() > 150), "{marked:?}");
    assert!(
        desc.contains(&format!("{} titik-hari melebihi kapasitas: ", marked.len())),
        "{desc}"
    );
    // the grid fills those cells in the over-capacity class and marks each with "!"
    let svg = doc.select(&sel("svg")).next().unwrap();
    let over = svg
        .select(&sel("path.b4"))
        .next()
        .unwrap()
        .value()
        .attr("d")
        .unwrap()
        .matches('M')
        .count();
    assert_eq!(over, marked.len() + 1, "the cells and the legend's swatch");
    let marks = svg
        .select(&sel("text.w"))
        .filter(|t| common::text(*t) == "!")
        .count();
    assert_eq!(marks, marked.len());
}

#[test]
fn the_site_can_say_what_to_bring() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
        std::fs::write(
            site.join("site.toml"),
            toml.replace(
                "[jadwal]\n",
                "[jadwal]\nbawa = \"Bawa KTP, KK dan kartu KKS <asli>.\"\n",
            ),
        )
        .unwrap();
        // the site's sentence is for a programme that does not say its own (`dokumen`)
        common::edit(
            &site.join("data/program.csv"),
            "\"Bawa KTP, Kartu Keluarga dan surat undangan dari PT Pos Indonesia.\"",
            "",
        );
    });
    let text = std::fs::read_to_string(out.join("wilayah/35/35.75.01.1001.html")).unwrap();
    assert!(
        text.contains("<p class=\"bawa\">Bawa KTP, KK dan kartu KKS &lt;asli&gt;.</p>"),
        "the operator's sentence, escaped"
    );
    assert!(!text.contains("surat undangan"));
}

#[test]
fn a_schedule_before_the_data_date_is_shown_as_past() {
    // the example's data date is 30 November 2025: Kota Pasuruan's July 2021 schedule has passed
    let doc = page("wilayah/35/35.75.01.1001.html");
    let lewat: Vec<String> = doc
        .select(&sel("#jadwal p.lewat"))
        .map(common::text)
        .collect();
    assert_eq!(lewat.len(), 1, "{lewat:?}");
    assert!(lewat[0].starts_with("Jadwal ini sudah lewat"));
    // while it runs (data as of 21 July 2021), it tells residents to come at their hour
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
        assert!(toml.contains("data_as_of = 2025-11-30\n"));
        std::fs::write(
            site.join("site.toml"),
            toml.replace("data_as_of = 2025-11-30\n", "data_as_of = 2021-07-21\n"),
        )
        .unwrap();
    });
    let text = std::fs::read_to_string(out.join("wilayah/35/35.75.01.1001.html")).unwrap();
    assert!(!text.contains("class=\"lewat\""));
    assert!(text.contains("Datanglah pada jam untuk RW Anda"));
}

#[test]
fn a_slot_moved_to_another_day_keeps_its_calendar_identifier() {
    // Karangketug's RW 01 moves from 19 to 25 July: its event is updated, not doubled
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        let path = site.join("data/jadwal.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        let from = "BST,2021-07,Karangketug,35.75.01.1001,Kantor Kelurahan Karangketug,2021-07-19,07.00,08.00,01,";
        assert!(text.contains(from));
        let to = "BST,2021-07,Karangketug,35.75.01.1001,Kantor Kelurahan Karangketug,2021-07-25,13.00,14.00,01,";
        std::fs::write(&path, text.replace(from, to)).unwrap();
    });
    let before =
        std::fs::read_to_string(example_site().join("wilayah/35/35.75.01.1001.ics")).unwrap();
    let after = std::fs::read_to_string(out.join("wilayah/35/35.75.01.1001.ics")).unwrap();
    let event = |ics: &str| -> String {
        let start = ics
            .find("UID:BST-2021-07-35.75.01.1001-rw01-1@salur")
            .expect("RW 01's event");
        ics[start..].lines().take(3).collect::<Vec<_>>().join("\n")
    };
    assert!(event(&before).contains("DTSTART;TZID=Asia/Jakarta:20210719T070000"));
    assert!(event(&after).contains("DTSTART;TZID=Asia/Jakarta:20210725T130000"));
    assert_eq!(
        before.matches("BEGIN:VEVENT").count(),
        after.matches("BEGIN:VEVENT").count()
    );
}

/// The printed notice says what to bring for the programme (`dokumen` of `program.csv`) and
/// whom to contact (`[[pengaduan]]`), in print-only lines inside the schedule section.
#[test]
fn the_notice_says_what_to_bring_per_programme_and_whom_to_call() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |_| {});
    let text = std::fs::read_to_string(out.join("wilayah/35/35.75.01.1001.html")).unwrap();
    let jadwal = &text[text.find("<section class=\"jadwal\"").expect("a schedule")..];
    let jadwal = &jadwal[..jadwal.find("</section>\n{%").unwrap_or(jadwal.len())];
    assert!(
        jadwal.contains(
            "<p class=\"bawa\">Bawa KTP, Kartu Keluarga dan surat undangan dari PT Pos Indonesia.</p>"
        ),
        "BST's own `dokumen`"
    );
    let kontak = &jadwal[jadwal
        .find("<p class=\"cetak-saja kontak\">")
        .expect("contacts")..];
    let kontak = &kontak[..kontak.find("</p>").unwrap()];
    for s in [
        "Dinas Sosial Kota Pasuruan",
        "(0343) 423628",
        "171",
        "https://www.lapor.go.id",
    ] {
        assert!(kontak.contains(s), "{s} in {kontak}");
    }
}
