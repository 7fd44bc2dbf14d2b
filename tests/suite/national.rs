//! The national benchmark site at small scale: runs the generator of `examples/national` in
//! process (so the benchmark path cannot rot) and builds the site it writes: every one of the
//! 91,599 real regions of Indonesia gets its page, and a second build writes nothing.

#[path = "../../examples/national/generator.rs"]
mod generator;

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use common::build;
use scraper::{Html, Selector};

const VENDOR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/vendor/idn-area-data-4.0.1");
const ROWS: u64 = 50_000;
const WILAYAH: usize = 91_599;
const DESA: usize = 83_762;

/// Relative paths (with `/`) of every file under `dir`.
fn files(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

/// Whether `rel` is a region page: `wilayah/35/35.75.01.1001.html`, in the folder of its
/// provinsi.
fn region_page(rel: &str) -> bool {
    rel.strip_prefix("wilayah/")
        .and_then(|f| f.strip_suffix(".html"))
        .and_then(|f| f.split_once('/'))
        .is_some_and(|(prov, kode)| {
            kode.starts_with(prov)
                && kode.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && prov.len() == 2
        })
}

/// (code, name) of every province in the vendored region data.
fn provinces() -> Vec<(String, String)> {
    let mut reader = csv::Reader::from_path(Path::new(VENDOR).join("provinces.csv")).unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string())
        })
        .collect()
}

#[test]
fn national_site_builds_every_region_and_rebuilds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = dir.path().join("out");

    let started = Instant::now();
    let generated = generator::generate(&generator::Options {
        out: site.clone(),
        rows: ROWS,
        seed: 1,
        vendor: PathBuf::from(VENDOR),
    })
    .unwrap();
    assert_eq!(generated.wilayah, WILAYAH);
    assert_eq!(generated.desa, DESA);
    assert_eq!(generated.realisasi, ROWS);
    assert!(generated.alokasi >= DESA * 2 * 4, "{generated:?}");
    assert!(
        generated.gagal > 0 && generated.gagal < ROWS / 5,
        "{generated:?}"
    );
    let realisasi = fs::read_to_string(site.join("data/realisasi.csv")).unwrap();
    assert_eq!(realisasi.lines().count() as u64, ROWS + 1);

    eprintln!("generated in {:.1} s", started.elapsed().as_secs_f64());

    // Full build: one page per region, and the summary counts exactly the files on disk.
    let started = Instant::now();
    let first = build(&site, &out);
    eprintln!("full build in {:.1} s", started.elapsed().as_secs_f64());
    let on_disk = files(&out);
    assert_eq!(first.files, on_disk.len());
    assert_eq!(first.output.ditulis, first.files);
    let regions = on_disk.iter().filter(|f| region_page(f)).count();
    assert_eq!(regions, WILAYAH);
    let others: BTreeSet<&str> = on_disk
        .iter()
        .filter(|f| !region_page(f))
        .map(String::as_str)
        .collect();
    assert_eq!(first.files, WILAYAH + others.len(), "{others:?}");
    assert!(others.contains("index.html"), "{others:?}");

    // A desa page has the village's name.
    let desa = fs::read_to_string(out.join("wilayah/11/11.01.01.2001.html")).unwrap();
    assert!(desa.contains("Keude Bakongan"), "11.01.01.2001 has no name");

    // Every desa/kelurahan page with figures has its charts, and the running last tahap its
    // deadline view (the benchmark's pages are what a national site's readers get).
    let mut with_data = 0;
    for f in on_disk.iter().filter(|f| region_page(f)) {
        let html = fs::read_to_string(out.join(f)).unwrap();
        if html.contains("class=\"tahap\"") {
            with_data += 1;
            assert!(html.contains("<svg "), "{f} has figures but no chart");
            assert!(
                html.contains("id=\"tahap-2024-t4-tenggat\"")
                    || !html.contains("id=\"tahap-2024-t4\""),
                "{f} has the running tahap without its deadline view"
            );
        }
    }
    assert!(
        with_data > WILAYAH / 4,
        "only {with_data} region pages have figures"
    );

    // The national home links every province by name.
    let home = Html::parse_document(&fs::read_to_string(out.join("index.html")).unwrap());
    let a = Selector::parse("a[href]").unwrap();
    let mut linked: BTreeSet<String> = BTreeSet::new();
    for link in home.select(&a) {
        let href = link.value().attr("href").unwrap_or_default();
        // wilayah/11/11.html
        let Some(kode) = href
            .rsplit_once('/')
            .and_then(|(_, f)| f.strip_suffix(".html"))
            .filter(|_| href.contains("wilayah/"))
        else {
            continue;
        };
        if kode.len() == 2 && kode.bytes().all(|b| b.is_ascii_digit()) {
            let text: String = link.text().collect();
            linked.insert(format!("{kode} {}", text.trim()));
        }
    }
    let provinces = provinces();
    assert_eq!(provinces.len(), 38);
    for (kode, nama) in &provinces {
        assert!(
            linked
                .iter()
                .any(|l| l.starts_with(&format!("{kode} ")) && l.contains(nama.as_str())),
            "the home page has no link to province {kode} {nama}; links: {linked:?}"
        );
    }

    // Nothing changed: nothing is written.
    let started = Instant::now();
    let second = build(&site, &out);
    eprintln!(
        "no-change rebuild in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(second.files, first.files);
    assert_eq!(second.output.ditulis, 0, "{:?}", second.output);
    assert_eq!(second.output.tetap, first.files);
    assert_eq!(second.output.dihapus, 0);
}
