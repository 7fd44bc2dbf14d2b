//! End-to-end: what changed between tahap (the "Perubahan" pages), the Atom feed read with a
//! real feed parser, the sitemap and robots.txt.

use crate::common;

use std::fs;

use common::{example_site, sel, text};
use scraper::Html;

#[test]
fn the_feed_parses_and_lists_every_tahap_and_meeting_note() {
    let site = example_site();
    let bytes = fs::read(site.join("feed.xml")).unwrap();
    let feed = feed_rs::parser::parse(&bytes[..]).expect("feed.xml is a valid feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    let titles: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    for t in [
        "Perubahan Juli 2021",
        "Perubahan Tahap IV 2021",
        "Perubahan Tahun 2024",
        "Rakor persiapan penyaluran bansos APBD dan BST Kota Pasuruan",
    ] {
        assert!(titles.contains(&t.to_string()), "{t} not in {titles:?}");
    }
    // one entry per tahap with changes and per meeting note
    let notes = fs::read_dir(common::root().join("content/rapat"))
        .unwrap()
        .count();
    assert_eq!(feed.entries.len(), 3 + notes);
    // ids are stable addresses under base_url, dates come from the data, newest first
    let juli = feed
        .entries
        .iter()
        .find(|e| e.title.as_ref().unwrap().content == "Perubahan Juli 2021")
        .unwrap();
    assert_eq!(juli.id, "https://salur.example.org/perubahan/2021-07.html");
    assert_eq!(
        juli.updated.unwrap().to_rfc3339(),
        "2021-07-30T17:00:00+00:00",
        "the tahap's last data day, 31 July 2021, midnight WIB"
    );
    assert_eq!(juli.links[0].href, juli.id);
    let summary = juli.summary.as_ref().unwrap().content.clone();
    assert!(summary.contains("71.295 KPM"), "{summary}");
    let dates: Vec<_> = feed.entries.iter().map(|e| e.updated.unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let mut ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), feed.entries.len(), "ids are unique");
    // every page points feed readers to it
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(home.contains(r#"type="application/atom+xml""#));
}

#[test]
fn the_sitemap_lists_every_page_under_base_url() {
    let site = example_site();
    let xml = fs::read_to_string(site.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("sitemap.xml is XML");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    let pages: Vec<String> = common::files(site)
        .into_keys()
        .filter(|p| p.ends_with(".html") && p != "404.html")
        // a printable brief names its region page as canonical, and only that is listed
        .filter(|p| !p.ends_with("ringkas.html"))
        .collect();
    assert_eq!(locs.len(), pages.len());
    for loc in &locs {
        let rel = loc
            .strip_prefix("https://salur.example.org/")
            .unwrap_or_else(|| panic!("{loc} is not under base_url"));
        assert!(site.join(rel).is_file(), "{loc} does not exist");
    }
    let robots = fs::read_to_string(site.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://salur.example.org/sitemap.xml"));
}

#[test]
fn without_base_url_there_is_no_sitemap_and_the_feed_still_parses() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        let p = site.join("site.toml");
        let text = fs::read_to_string(&p)
            .unwrap()
            .replace("base_url = \"https://salur.example.org/\"", "");
        fs::write(p, text).unwrap();
    });
    assert!(!out.join("sitemap.xml").exists());
    let robots = fs::read_to_string(out.join("robots.txt")).unwrap();
    assert!(!robots.contains("Sitemap"), "{robots}");
    let feed = feed_rs::parser::parse(&fs::read(out.join("feed.xml")).unwrap()[..]).unwrap();
    assert!(
        feed.entries
            .iter()
            .any(|e| e.id == "urn:salur:transparansi-bansos:perubahan/2021-07.html")
    );
}

/// The cells of the row headed `head` in the first table of `section`.
fn row(doc: &Html, section: &str, head: &str) -> Vec<String> {
    let s = doc
        .select(&sel(&format!("section#{section}")))
        .next()
        .unwrap_or_else(|| panic!("no section {section}"));
    let tr = s
        .select(&sel("tbody tr"))
        .find(|tr| tr.select(&sel("th")).next().map(common::kepala).as_deref() == Some(head))
        .unwrap_or_else(|| panic!("no row {head} in {section}"));
    tr.select(&sel("td")).map(text).collect()
}

#[test]
fn a_new_tahap_shows_kpm_moved_between_kelurahan_channels_and_new_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        // August 2021: Kota Pasuruan's BST again, 10 KPM moved from Kebonagung (1002) to
        // Karangketug (1001), 4 failures "data ganda" in Blandongan (1003), and 1004 paid by
        // Bank Jatim instead of PT Pos Indonesia; Tuban's figures are not in yet
        let mut tahap = fs::read_to_string(site.join("data/tahap.csv")).unwrap();
        tahap.push_str("2021-08,Agustus 2021,2021-08-01,2021-08-31,\n");
        fs::write(site.join("data/tahap.csv"), tahap).unwrap();
        let alokasi_path = site.join("data/alokasi.csv");
        let mut alokasi = fs::read_to_string(&alokasi_path).unwrap();
        let juli: Vec<Vec<String>> = alokasi
            .lines()
            .filter(|l| l.starts_with("BST,2021-07,35.75."))
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect();
        let mut realisasi = fs::read_to_string(site.join("data/realisasi.csv")).unwrap();
        for f in &juli {
            let mut kpm: u64 = f[4].parse().unwrap();
            match f[2].as_str() {
                "35.75.01.1001" => kpm += 10,
                "35.75.01.1002" => kpm -= 10,
                _ => {}
            }
            let gagal = if f[2] == "35.75.01.1003" { 4 } else { 0 };
            let penyalur = if f[2] == "35.75.01.1004" {
                "Bank Jatim"
            } else {
                f[3].as_str()
            };
            alokasi.push_str(&format!("BST,2021-08,{},{penyalur},{kpm}\n", f[2]));
            if gagal > 0 {
                realisasi.push_str(&format!(
                    "BST,2021-08,{},{penyalur},2021-08-20,gagal,data ganda,{gagal}\n",
                    f[2]
                ));
            }
            realisasi.push_str(&format!(
                "BST,2021-08,{},{penyalur},2021-08-20,tersalur,,{}\n",
                f[2],
                kpm - gagal
            ));
        }
        fs::write(alokasi_path, alokasi).unwrap();
        fs::write(site.join("data/realisasi.csv"), realisasi).unwrap();
        // the jadwal and reconciliation stay on July; privacy off, so the new reason shows
        let p = site.join("site.toml");
        let mut toml = fs::read_to_string(&p).unwrap();
        toml.push_str("\n[privacy]\nmin_kpm = 1\n");
        fs::write(p, toml).unwrap();
    });
    let doc =
        Html::parse_document(&fs::read_to_string(out.join("perubahan/2021-08.html")).unwrap());
    let main = doc.select(&sel("main")).next().map(text).unwrap();
    // Tuban, with no figures for August yet, is left out rather than counted as removed
    assert!(
        main.contains(
            "BST: 18.877 KPM dialokasikan, dibanding 18.877 KPM pada Juli 2021; 10 KPM \
             bertambah dan 10 KPM berkurang, dihitung per desa/kelurahan. Belum ada data \
             tahap ini untuk Kabupaten Tuban (tidak ikut dibandingkan)."
        ),
        "{main}"
    );
    // the same total in Kota Pasuruan, but 10 KPM added and 10 removed, village by village
    let kota = row(&doc, "bst-perubahan-2021-08", "Kota Pasuruan");
    assert_eq!(&kota[..4], ["18.877", "18.877", "+10", "−10"], "{kota:?}");
    assert!(kota[4].contains("→ 100,0%"), "{kota:?}");
    assert_eq!(kota[5], "+ Bank Jatim", "a channel that came");
    assert_eq!(
        kota[6], "Data ganda",
        "a reason shown now and as none before"
    );
    let tuban = row(&doc, "bst-perubahan-2021-08", "Kabupaten Tuban");
    assert_eq!(tuban[0], "52.418");
    assert!(tuban[1].starts_with("Belum ada data"), "{tuban:?}");
    // the whole site: Kota Pasuruan's change only
    let site = row(&doc, "bst-perubahan-2021-08", "Seluruh wilayah");
    assert_eq!(&site[..4], ["18.877", "18.877", "+10", "−10"], "{site:?}");
    assert_eq!(site[5], "+ Bank Jatim");
    // the download holds the same rows
    let csv = fs::read_to_string(out.join("unduh/perubahan.csv")).unwrap();
    assert!(
        csv.contains("2021-08,2021-07,BST,35.75,Kota Pasuruan,18877,18877,10,10,"),
        "{csv}"
    );
    assert!(csv.lines().any(
        // the last column: Kota Pasuruan's payments are illustrative (sumber_angka.csv)
        |l| l.starts_with("2021-08,2021-07,BST,35.75,")
            && l.ends_with(",data_ganda,false,ilustratif")
    ));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("2021-08,2021-07,BST,35.23,") && l.ends_with(",true,ilustratif"))
    );
    // linked from the tahap page, and in the feed
    let tahap = fs::read_to_string(out.join("tahap/2021-08.html")).unwrap();
    assert!(tahap.contains("../perubahan/2021-08.html"));
    let feed = feed_rs::parser::parse(&fs::read(out.join("feed.xml")).unwrap()[..]).unwrap();
    assert!(
        feed.entries
            .iter()
            .any(|e| e.title.as_ref().unwrap().content == "Perubahan Agustus 2021")
    );
}

/// A `base_url` that passes the check may still hold `'`, `&`, `;`, `,` and non-ASCII in its
/// path: each page's canonical link keeps it inside its attribute, the CSP keeps it one source
/// of each directive, the sitemap and the feed stay XML whose addresses begin with it.
#[test]
fn a_base_url_with_separators_stays_inside_attribute_csp_and_xml() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    let out = dir.path().join("public");
    salur::build(&salur::BuildOptions {
        root: site,
        output: Some(out.clone()),
        base_url: Some("HTTPS://Dinsos.Example.go.id/a'b&c;d,e/bänsos".to_string()),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let base = "https://dinsos.example.go.id/a'b&c;d,e/b%C3%A4nsos/";
    let html = fs::read_to_string(out.join("wilayah/35/35.75.html")).unwrap();
    let doc = Html::parse_document(&html);
    let canonical = doc
        .select(&sel("link[rel=canonical]"))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap();
    assert_eq!(canonical, format!("{base}wilayah/35/35.75.html"));
    let csp = doc
        .select(&sel("meta[http-equiv=Content-Security-Policy]"))
        .next()
        .unwrap()
        .value()
        .attr("content")
        .unwrap();
    // the same directives as without a base_url, each with 'self' and one more source
    let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
    assert_eq!(directives.len(), 8, "{csp}");
    assert!(
        directives.contains(
            &"script-src 'self' https://dinsos.example.go.id/a%27b&c%3Bd%2Ce/b%C3%A4nsos/"
        ),
        "{csp}"
    );
    for d in &directives {
        assert!(d.split(' ').count() <= 4, "{d}");
    }
    for file in ["sitemap.xml", "feed.xml"] {
        let xml = fs::read_to_string(out.join(file)).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{file}: {e}"));
        let urls: Vec<String> = doc
            .descendants()
            .filter_map(|n| {
                n.attribute("href").map(str::to_string).or_else(|| {
                    n.has_tag_name("loc")
                        .then(|| n.text().unwrap_or("").to_string())
                })
            })
            .collect();
        assert!(!urls.is_empty(), "{file}");
        for u in urls {
            assert!(u.starts_with(base), "{file}: {u}");
        }
    }
}
