//! The children's map (`data/batas.geojson`): built on a copy of the example site with the
//! kabupaten/kota of Jawa Timur (35) and the kecamatan of Kota Pasuruan (35.75) taken from the
//! MIT-licensed boundaries in `../shared/data/wilayah-boundaries/` at test time (the project
//! does not commit them; without them the tests say SKIPPED). Kota Probolinggo (35.74) is
//! left out of the file, to be the child not drawn.

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use common::{sel, text};
use scraper::Html;
use serde_json::Value;

/// The boundaries folder: `shared/data/wilayah-boundaries` beside the checkout (or beside the
/// main checkout, for a worktree one level further down).
fn folder_batas(test: &str) -> Option<PathBuf> {
    let found = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|a| a.join("shared/data/wilayah-boundaries"))
        .find(|d| d.join("kec.geojson").is_file());
    if found.is_none() {
        common::lewati(
            test,
            "SALUR_BATAS",
            "needs ../shared/data/wilayah-boundaries (kab.geojson, kec.geojson)",
            "the project's shared data folder beside the checkout",
        );
    }
    found
}

/// The features of `file` whose code `pilih` keeps.
fn fitur(dir: &Path, file: &str, pilih: impl Fn(&str) -> bool) -> Vec<Value> {
    let v: Value = serde_json::from_str(&fs::read_to_string(dir.join(file)).unwrap()).unwrap();
    v["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| pilih(f["properties"]["kode"].as_str().unwrap()))
        .cloned()
        .collect()
}

/// Jawa Timur's kabupaten/kota but Kota Probolinggo, and the kecamatan of Kota Pasuruan and
/// Kabupaten Tuban.
fn fitur_uji(dir: &Path) -> Vec<Value> {
    let mut f = fitur(dir, "kab.geojson", |k| k.starts_with("35.") && k != "35.74");
    f.extend(fitur(dir, "kec.geojson", |k| {
        k.starts_with("35.75.") || k.starts_with("35.23.")
    }));
    f
}

fn tulis(site: &Path, fitur: &[Value]) {
    let fc = serde_json::json!({"type": "FeatureCollection", "features": fitur});
    fs::write(site.join("data/batas.geojson"), fc.to_string()).unwrap();
}

/// The map section of a page: its paths' `d` and `<title>`, and its caption's text.
fn peta(out: &Path, rel: &str) -> Option<(Vec<(String, String)>, String)> {
    let doc = Html::parse_document(&fs::read_to_string(out.join(rel)).unwrap());
    let section = doc.select(&sel("section.peta")).next()?;
    let area = section
        .select(&sel("svg.peta-svg g path"))
        .map(|p| {
            let judul = p.select(&sel("title")).next().map(text).unwrap_or_default();
            (p.value().attr("d").unwrap().to_string(), judul)
        })
        .collect();
    let caption = section
        .select(&sel("figcaption"))
        .next()
        .map(text)
        .unwrap_or_default();
    Some((area, caption))
}

/// The absolute points of path data (`M x y` then relative `l` moves, `z`).
fn titik(d: &str) -> BTreeSet<(i64, i64)> {
    let mut out = BTreeSet::new();
    for sub in d.split('z').filter(|s| !s.is_empty()) {
        let (m, l) = sub[1..].split_once('l').expect("M x y l …");
        let angka = |s: &str| -> Vec<i64> {
            s.replace('-', " -")
                .split_whitespace()
                .map(|n| n.parse().unwrap())
                .collect()
        };
        let m = angka(m);
        let (mut x, mut y) = (m[0], m[1]);
        out.insert((x, y));
        for p in angka(l).chunks(2) {
            x += p[0];
            y += p[1];
            out.insert((x, y));
        }
    }
    out
}

/// The input vertices of a feature, as written.
fn simpul(f: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    fn jalan(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Array(a) if a.len() == 2 && a[0].is_number() => {
                out.insert(format!("{},{}", a[0], a[1]));
            }
            Value::Array(a) => a.iter().for_each(|x| jalan(x, out)),
            _ => {}
        }
    }
    jalan(&f["geometry"]["coordinates"], &mut out);
    out
}

#[test]
fn the_map_draws_each_child_with_its_name_and_shares_borders() {
    let Some(dir) = folder_batas("peta::the_map_draws_each_child_with_its_name_and_shares_borders")
    else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let site = common::example_copy(tmp.path());
    let fitur = fitur_uji(&dir);
    tulis(&site, &fitur);
    let out = tmp.path().join("public");
    let ringkas = common::build(&site, &out);
    let pesan: Vec<String> = ringkas
        .warnings
        .items()
        .iter()
        .map(|d| d.message(salur::lang::Lang::Id))
        .filter(|m| m.starts_with("data/batas.geojson"))
        .collect();

    // Jawa Timur: Tuban and Pasuruan drawn, each titled with its name and realisation;
    // Probolinggo named in the caption and in the one warning about missing children
    let (area, caption) = peta(&out, "wilayah/35/35.html").expect("Jawa Timur's map");
    let judul: Vec<&str> = area.iter().map(|a| a.1.as_str()).collect();
    assert_eq!(area.len(), 2, "{judul:?}");
    assert!(judul[0].starts_with("Kabupaten Tuban: "), "{judul:?}");
    assert!(judul[1].starts_with("Kota Pasuruan: "), "{judul:?}");
    assert!(judul.iter().all(|j| j.contains('%')), "{judul:?}");
    assert!(
        caption.contains("Tidak digambar") && caption.contains("35.74 Kota Probolinggo"),
        "{caption}"
    );
    let hilang: Vec<&String> = pesan
        .iter()
        .filter(|m| m.contains("tidak punya batas"))
        .collect();
    assert_eq!(hilang.len(), 1, "one warning for the build: {pesan:?}");
    assert!(hilang[0].contains("1 wilayah") && hilang[0].contains("35.74 Kota Probolinggo"));
    // the other kabupaten/kota of Jawa Timur are not in wilayah.csv: one warning, not 35
    let asing: Vec<&String> = pesan
        .iter()
        .filter(|m| m.contains("tidak ada di data/wilayah.csv"))
        .collect();
    assert_eq!(asing.len(), 1, "{pesan:?}");
    assert_eq!(pesan.len(), 2, "{pesan:?}");

    // Kota Pasuruan's four kecamatan, in code order
    let (area, caption) = peta(&out, "wilayah/35/35.75.html").expect("Kota Pasuruan's map");
    let judul: Vec<&str> = area.iter().map(|a| a.1.as_str()).collect();
    assert_eq!(area.len(), 4, "{judul:?}");
    assert!(!caption.contains("Tidak digambar"), "{caption}");
    for (j, n) in judul
        .iter()
        .zip(["Gadingrejo", "Purworejo", "Bugul Kidul", "Panggungrejo"])
    {
        assert!(j.starts_with(&format!("Kecamatan {n}: ")), "{judul:?}");
    }
    // Tuban's kecamatan: every two that share a stretch of border in the file (five vertices
    // or more; fewer are the corners of islets of 100 m, smaller than the map's specks) share
    // points in their paths (simplified apart, each polygon alone, their border would part)
    let (area, _) = peta(&out, "wilayah/35/35.23.html").expect("Tuban's map");
    let kec: Vec<&Value> = fitur
        .iter()
        .filter(|f| {
            f["properties"]["kode"]
                .as_str()
                .unwrap()
                .starts_with("35.23.")
        })
        .collect();
    assert_eq!(area.len(), kec.len());
    let mut pasangan = 0;
    for i in 0..kec.len() {
        for j in i + 1..kec.len() {
            let bersama = simpul(kec[i]).intersection(&simpul(kec[j])).count();
            if bersama < 5 {
                continue;
            }
            pasangan += 1;
            let (a, b) = (titik(&area[i].0), titik(&area[j].0));
            assert!(
                a.intersection(&b).count() > 0,
                "{} and {} share {bersama} vertices in the file but none on the map",
                area[i].1,
                area[j].1
            );
        }
    }
    assert!(pasangan >= 3, "Tuban's kecamatan share borders: {pasangan}");

    // a page whose children have no boundary (the kelurahan of a kecamatan): no map
    assert!(peta(&out, "wilayah/35/35.75.01.html").is_none());
    assert!(peta(&out, "wilayah/62/62.03.html").is_none());
    let html = fs::read_to_string(out.join("wilayah/35/35.html")).unwrap();
    assert!(html.contains("role=\"img\" aria-labelledby=\"peta-judul peta-desk\""));
    let size = html.len();
    common::figure(&format!(
        "peta: Jawa Timur's page {size} bytes with its map"
    ));
}

#[test]
fn editing_the_boundaries_renders_exactly_the_pages_that_draw_them() {
    let Some(dir) =
        folder_batas("peta::editing_the_boundaries_renders_exactly_the_pages_that_draw_them")
    else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let site = common::example_copy(tmp.path());
    let mut fitur = fitur_uji(&dir);
    tulis(&site, &fitur);
    let out = tmp.path().join("public");
    common::build(&site, &out);
    let sebelum = common::files(&out);
    // move one vertex of Gadingrejo (35.75.01) by about 100 m
    let gadingrejo = fitur
        .iter_mut()
        .find(|f| f["properties"]["kode"] == "35.75.01")
        .unwrap();
    let mut v = &mut gadingrejo["geometry"]["coordinates"];
    while v[0].is_array() {
        v = &mut v[0];
    }
    v[0] = serde_json::json!(v[0].as_f64().unwrap() + 0.001);
    tulis(&site, &fitur);
    common::build(&site, &out);
    let sesudah = common::files(&out);
    let beda: Vec<&String> = sesudah
        .iter()
        .filter(|(k, v)| sebelum.get(*k) != Some(v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        beda.iter().any(|k| k.as_str() == "wilayah/35/35.75.html"),
        "Kota Pasuruan's map is drawn again: {beda:?}"
    );
    assert!(
        !beda.iter().any(|k| k.as_str() == "wilayah/35/35.html"),
        "{beda:?}"
    );
    // and the incremental output is the fresh one
    let fresh = tmp.path().join("fresh");
    common::build(&site, &fresh);
    assert!(common::files(&fresh) == sesudah, "incremental equals fresh");
}

#[test]
fn the_example_site_without_the_file_has_no_map_and_no_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let site = common::example_copy(tmp.path());
    assert!(!site.join("data/batas.geojson").exists());
    let out = tmp.path().join("public");
    let ringkas = common::build(&site, &out);
    for d in ringkas.warnings.items() {
        assert!(!d.file.contains("batas.geojson"), "{d:?}");
    }
    for rel in ["index.html", "wilayah/35/35.html", "wilayah/35/35.75.html"] {
        assert!(peta(&out, rel).is_none(), "{rel}");
        assert!(
            !fs::read_to_string(out.join(rel))
                .unwrap()
                .contains("peta-svg")
        );
    }
}
