//! End-to-end: open-data downloads (per page and site-wide), `datapackage.json` checked by the
//! reference validator, and the provenance of every figure table (source line, anchors, the
//! inputs' SHA-256 on the "about the data" page).

use crate::common;

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::process::Command;

use common::{example_site, page, root, sel, text};

/// A download of the built example site, BOM checked and stripped, as header + rows.
fn csv(rel: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(example_site().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{rel} must start with a UTF-8 byte-order mark"
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert!(
        !header.iter().any(|h| h.contains(';')),
        "{rel}: comma-separated"
    );
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

/// Σ of `column` per (programme, tahap) over rows whose role is `peran`.
fn sum_by(
    header: &[String],
    rows: &[Vec<String>],
    peran: &[&str],
    column: &str,
) -> BTreeMap<(String, String), u64> {
    let (p, pr, t, c) = (
        col(header, "peran"),
        col(header, "program"),
        col(header, "tahap"),
        col(header, column),
    );
    let mut out = BTreeMap::new();
    for r in rows.iter().filter(|r| peran.contains(&r[p].as_str())) {
        *out.entry((r[pr].clone(), r[t].clone())).or_insert(0) += r[c].parse::<u64>().unwrap();
    }
    out
}

#[test]
fn a_region_download_adds_up_to_its_page() {
    let (h, rows) = csv("wilayah/35/35.75.csv");
    for column in ["alokasi_kpm", "tersalur_kpm", "gagal_kpm", "baris_sumber"] {
        let whole = sum_by(&h, &rows, &["wilayah"], column);
        let parts = sum_by(&h, &rows, &["bagian", "tanpa_rincian"], column);
        assert_eq!(whole, parts, "{column}: kecamatan rows add up to the kota");
    }
    // the kota's rows are the figures of its page's programme table
    let whole = sum_by(&h, &rows, &["wilayah"], "alokasi_kpm");
    assert_eq!(whole[&("BST".into(), "2021-07".into())], 18_877);
    let doc = page("wilayah/35/35.75.html");
    let row = doc
        .select(&sel("#bst-tahap-2021-07"))
        .next()
        .expect("row anchor");
    let cells: Vec<String> = row.select(&sel("td")).map(text).collect();
    assert_eq!(cells[0], "18.877");
    // the kecamatan's rows are those of its own download's total
    let (h2, rows2) = csv("wilayah/35/35.75.01.csv");
    let kec = sum_by(&h2, &rows2, &["wilayah"], "alokasi_kpm");
    let kode = col(&h, "kode_wilayah");
    let (pr, t, a) = (col(&h, "program"), col(&h, "tahap"), col(&h, "alokasi_kpm"));
    let in_parent: u64 = rows
        .iter()
        .filter(|r| r[kode] == "35.75.01" && r[pr] == "BST" && r[t] == "2021-07")
        .map(|r| r[a].parse::<u64>().unwrap())
        .sum();
    assert_eq!(kec[&("BST".into(), "2021-07".into())], in_parent);
    // households and the rate per 1.000 KK
    let r = rows
        .iter()
        .find(|r| r[0] == "wilayah" && r[pr] == "BST")
        .unwrap();
    assert_eq!(r[col(&h, "kk")], "66184");
    // KPM per 1.000 KK from the file, as on the comparison page
    let bst: u64 = whole[&("BST".into(), "2021-07".into())];
    assert_eq!(format!("{:.1}", bst as f64 * 1000.0 / 66184.0), "285.2");
}

#[test]
fn the_json_download_holds_the_same_rows() {
    let (h, rows) = csv("wilayah/62/62.03.csv");
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(example_site().join("wilayah/62/62.03.json")).unwrap(),
    )
    .unwrap();
    // the columns named once, in the CSV's order; each row an array
    let kolom: Vec<&str> = json["kolom"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["nama"].as_str().unwrap())
        .collect();
    assert_eq!(kolom, h);
    let baris = json["baris"].as_array().unwrap();
    assert_eq!(baris.len(), rows.len());
    for (r, j) in rows.iter().zip(baris) {
        for ((name, v), got) in h.iter().zip(r).zip(j.as_array().unwrap()) {
            let as_text = match got {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let same = as_text == *v
                || v.parse::<f64>().ok() == as_text.parse::<f64>().ok() && !v.is_empty();
            assert!(same, "{name}: CSV {v:?}, JSON {got}");
        }
    }
    assert_eq!(json["halaman"], "wilayah/62/62.03.html");
    assert_eq!(json["lisensi"], serde_json::json!(["ODbL-1.0"]));
}

#[test]
fn a_kelurahan_table_links_its_rows_in_the_kecamatan_download() {
    let doc = page("wilayah/35/35.75.01.1001.html");
    // the schedule's source line comes first; the figures' is in the tahap section
    let sumber = doc
        .select(&sel("section.tahap p.sumber"))
        .next()
        .map(text)
        .unwrap();
    assert!(sumber.contains("data/alokasi.csv"), "{sumber}");
    assert!(sumber.contains("baris data"), "{sumber}");
    assert!(sumber.contains("Data per 31 Juli 2021"), "{sumber}");
    assert!(
        sumber.contains("baris 35.75.01.1001 Karangketug"),
        "{sumber}"
    );
    let link = doc
        .select(&sel("section.tahap p.sumber a[download]"))
        .next()
        .and_then(|a| a.value().attr("href"))
        .unwrap();
    assert_eq!(link, "../../wilayah/35/35.75.01.csv");
    // its rows there are its page's figures
    let (h, rows) = csv("wilayah/35/35.75.01.csv");
    let (k, pr, a) = (
        col(&h, "kode_wilayah"),
        col(&h, "program"),
        col(&h, "alokasi_kpm"),
    );
    let bst = rows
        .iter()
        .find(|r| r[k] == "35.75.01.1001" && r[pr] == "BST")
        .unwrap();
    let row = doc.select(&sel("#bst-tahap-2021-07 td")).next().map(text);
    assert_eq!(
        row.unwrap().replace('.', ""),
        bst[a],
        "the kelurahan's BST allocation"
    );
    // the row's number of input rows is the source line's
    let n: u64 = rows
        .iter()
        .filter(|r| r[k] == "35.75.01.1001")
        .map(|r| r[col(&h, "baris_sumber")].parse::<u64>().unwrap())
        .sum();
    assert!(
        sumber.contains(&format!(
            "{} baris data",
            salur::format::ribuan(n as i64, salur::lang::Lang::Id)
        )),
        "{sumber} / {n}"
    );
}

#[test]
fn site_wide_failures_keep_the_suppression() {
    let (h, rows) = csv("unduh/gagal.csv");
    let (kpm, tampil) = (col(&h, "kpm"), col(&h, "tampil"));
    assert!(!rows.is_empty());
    for r in &rows {
        match r[tampil].as_str() {
            "angka" => {
                let v: u64 = r[kpm].parse().unwrap();
                assert!(v >= 3, "a count below 3 published: {r:?}");
            }
            "kecil" | "tersembunyi" | "ditahan" => assert!(r[kpm].is_empty(), "{r:?}"),
            other => panic!("unknown tampil {other}"),
        }
    }
    assert!(rows.iter().any(|r| r[tampil] == "kecil"));
    // the same cells as the kabupaten/kota's own download
    let (hk, kota) = csv("gagal/62.03.csv");
    let mut shown: HashSet<(String, String, String, String, String)> = HashSet::new();
    for r in &kota {
        if r[col(&hk, "alasan")] != "semua" && r[col(&hk, "kpm")].parse::<u64>().is_ok() {
            shown.insert((
                r[col(&hk, "kode_wilayah")].clone(),
                r[col(&hk, "program")].clone(),
                r[col(&hk, "penyalur")].clone(),
                r[col(&hk, "alasan")].clone(),
                r[col(&hk, "kpm")].clone(),
            ));
        }
    }
    let site: HashSet<_> = rows
        .iter()
        .filter(|r| r[col(&h, "kode_wilayah")].starts_with("62.03") && r[tampil] == "angka")
        .map(|r| {
            (
                r[col(&h, "kode_wilayah")].clone(),
                r[col(&h, "program")].clone(),
                r[col(&h, "penyalur")].clone(),
                r[col(&h, "alasan")].clone(),
                r[kpm].clone(),
            )
        })
        .collect();
    assert_eq!(site, shown);
}

#[test]
fn the_whole_dataset_adds_up_and_carries_the_regions() {
    let (h, rows) = csv("unduh/realisasi.csv");
    let (k, pr, a) = (
        col(&h, "kode_wilayah"),
        col(&h, "program"),
        col(&h, "alokasi_kpm"),
    );
    let sum = |kode: &str, p: &str| -> u64 {
        rows.iter()
            .filter(|r| r[k] == kode && r[pr] == p)
            .map(|r| r[a].parse::<u64>().unwrap())
            .sum()
    };
    assert_eq!(sum("35.75", "BST"), 18_877);
    assert_eq!(sum("35.23", "BST"), 52_418);
    let (hw, wilayah) = csv("unduh/wilayah.csv");
    assert_eq!(wilayah.len(), {
        let text = std::fs::read_to_string(root().join("data/wilayah.csv")).unwrap();
        text.lines().count() - 1
    });
    let pas = wilayah.iter().find(|r| r[0] == "35.75").unwrap();
    assert_eq!(pas[col(&hw, "kk")], "66184");
    assert_eq!(pas[col(&hw, "penduduk")], "208006");
}

#[test]
fn datapackage_passes_the_reference_validator() {
    let site = example_site();
    let dp: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("datapackage.json")).unwrap()).unwrap();
    // every data file is described, and every described file exists
    let paths: HashSet<String> = dp["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_string())
        .collect();
    for f in common::files(site).keys() {
        if f.ends_with(".csv")
            || (f.ends_with(".json") && f != "datapackage.json" && !f.starts_with("unduh/skema"))
        {
            assert!(paths.contains(f), "{f} is not in datapackage.json");
        }
    }
    assert!(paths.contains("wilayah/35/35.75.csv"));
    assert!(paths.contains("unduh/gagal.csv"));
    // the inputs, with their SHA-256, are its sources
    let sources = dp["sources"].as_array().unwrap();
    let realisasi = sources
        .iter()
        .find(|s| s["path"] == "data/realisasi.csv")
        .unwrap();
    let bytes = std::fs::read(root().join("data/realisasi.csv")).unwrap();
    assert_eq!(
        realisasi["sha256"].as_str().unwrap(),
        salur::data::table::sha256_hex(&bytes)
    );
    assert_eq!(dp["licenses"][0]["name"], "ODbL-1.0");

    if let Some(tasks) = frictionless_valid(site, "datapackage_passes_the_reference_validator") {
        assert_eq!(tasks, paths.len(), "every resource validated");
        println!("frictionless validate: {tasks} resources, all valid");
    }
}

/// Runs the reference validator (Python `frictionless`, installed by .ci/run, which sets
/// `SALUR_FRICTIONLESS=required`) on the `datapackage.json` of the built site `site`; panics
/// with its report unless every resource is valid. Returns how many resources it validated, or
/// `None` when the validator is not installed (the test `test` then says SKIPPED, or fails
/// where it is required).
fn frictionless_valid(site: &std::path::Path, test: &str) -> Option<usize> {
    // its command, or the module through python3
    let frictionless = |args: &[&str]| {
        Command::new("frictionless")
            .args(args)
            .current_dir(site)
            .output()
            .ok()
            .filter(|o| o.status.success() || !o.stdout.is_empty())
            .or_else(|| {
                Command::new("python3")
                    .args(["-m", "frictionless"])
                    .args(args)
                    .current_dir(site)
                    .output()
                    .ok()
                    .filter(|o| o.status.success() || !o.stdout.is_empty())
            })
    };
    if frictionless(&["--version"]).is_none() {
        common::lewati(
            &format!("{test} (frictionless validate)"),
            "SALUR_FRICTIONLESS",
            "Python frictionless (the Data Package validator)",
            "`python3 -m pip install frictionless`",
        );
        return None;
    }
    let out = frictionless(&["validate", "--json", "datapackage.json"])
        .expect("frictionless ran a moment ago");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "frictionless printed no JSON report ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert_eq!(
        report["valid"],
        true,
        "{}",
        serde_json::to_string_pretty(&report["tasks"]).unwrap()
    );
    Some(report["tasks"].as_array().unwrap().len())
}

/// A spreadsheet formula in every kind of name that reaches a download (a region, a penyalur,
/// a payment point, its place, a channel's branch, a verification step): in every CSV the
/// site publishes, no text cell begins as a formula (`=`, `+`, `-`, `@`); each of them is
/// there as text, `'` first; the number columns keep their negative numbers; and the
/// datapackage still passes the reference validator.
#[test]
fn formulas_in_names_are_text_in_every_download() {
    let f = |c: &str| format!("\"{c}HYPERLINK(\"\"http://contoh.invalid\"\",\"\"klik\"\")\"");
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        let append = |rel: &str, line: String| {
            let p = site.join(rel);
            let mut text = fs::read_to_string(&p).unwrap();
            text.push_str(&line);
            fs::write(p, text).unwrap();
        };
        // a kelurahan with figures, so its name is in the region downloads too
        let wilayah = fs::read_to_string(site.join("data/wilayah.csv"))
            .unwrap()
            .replace(
                "35.75.01.1001,Karangketug,",
                &format!("35.75.01.1001,{},", f("=")),
            );
        fs::write(site.join("data/wilayah.csv"), wilayah).unwrap();
        append(
            "data/alokasi.csv",
            format!("BST,2021-07,35.75.01.1002,{},5\n", f("@")),
        );
        append(
            "data/realisasi.csv",
            format!(
                "BST,2021-07,35.75.01.1002,{},2021-07-27,gagal,meninggal,1\n",
                f("@")
            ),
        );
        append(
            "data/jadwal.csv",
            format!(
                "BST,2021-07,{},35.75.01.1003,{},2021-07-26,07.00,08.00,20,10\n",
                f("-"),
                f("+")
            ),
        );
        append(
            "data/laporan_penyalur.csv",
            format!("BRI,{},PKH,2021-T4,64.02.01,1663,,2022-01-06\n", f("=")),
        );
        append(
            "data/verval.csv",
            format!("2022,35.75,MODAL-USAHA,{},100,\n", f("@")),
        );
    });
    let mut netral = 0;
    let mut negatif = 0;
    for (rel, bytes) in common::files(&out) {
        if !rel.ends_with(".csv") {
            continue;
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[3..]);
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                let rumus = cell.starts_with(['=', '+', '@', '\t', '\r'])
                    || (cell.starts_with('-') && cell[1..].parse::<f64>().is_err());
                assert!(
                    !rumus,
                    "{rel}: a cell a spreadsheet reads as a formula: {cell}"
                );
                if cell.starts_with('\'') && cell.contains("HYPERLINK(\"http://contoh.invalid\"") {
                    netral += 1;
                }
                if cell.starts_with('-') {
                    negatif += 1;
                }
            }
        }
        // the raw bytes: every such cell is quoted, with its `'`
        let text = String::from_utf8_lossy(&bytes);
        for c in ["=", "+", "-", "@"] {
            assert!(
                !text.contains(&format!("\"{c}HYPERLINK")),
                "{rel}: {c}HYPERLINK unneutralised"
            );
        }
    }
    // the region in 9 kinds of file, the others in one or more each
    assert!(netral >= 15, "{netral} neutralised cells");
    // a difference stays a number: Bontang −6 in the reconciliation
    assert!(negatif > 0);
    let rekon = fs::read_to_string(out.join("unduh/rekonsiliasi.csv")).unwrap();
    assert!(rekon.contains(",588,582,-6,berbeda\n"), "{rekon}");
    for (rel, c) in [
        ("unduh/wilayah.csv", "="),
        ("unduh/realisasi.csv", "@"),
        ("unduh/gagal.csv", "@"),
        ("gagal/35.75.csv", "@"),
        ("unduh/jadwal.csv", "-"),
        ("unduh/jadwal.csv", "+"),
        ("unduh/rekonsiliasi.csv", "="),
        ("unduh/verval.csv", "@"),
        ("wilayah/35/35.75.01.csv", "="),
        ("wilayah/35/35.75.01.csv", "@"),
    ] {
        let text = fs::read_to_string(out.join(rel)).unwrap();
        assert!(
            text.contains(&format!("\"'{c}HYPERLINK(\"\"http://contoh.invalid\"\"")),
            "{rel}: {c}HYPERLINK as text"
        );
    }
    // the JSON downloads keep the names as they are (JSON is not a spreadsheet)
    let json = fs::read_to_string(out.join("wilayah/35/35.75.01.json")).unwrap();
    assert!(
        json.contains("\"=HYPERLINK(\\\"http://contoh.invalid"),
        "{json}"
    );
    frictionless_valid(&out, "formulas_in_names_are_text_in_every_download");
}

#[test]
fn the_site_licence_is_named_beside_the_region_datas_odbl() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        let p = site.join("site.toml");
        let text = fs::read_to_string(&p).unwrap().replacen(
            "language = \"id\"",
            "language = \"id\"\nlisensi = \"CC-BY-4.0\"",
            1,
        );
        fs::write(p, text).unwrap();
    });
    let dp: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("datapackage.json")).unwrap()).unwrap();
    let names: Vec<&str> = dp["licenses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["CC-BY-4.0", "ODbL-1.0"]);
    assert_eq!(
        dp["licenses"][0]["path"],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("wilayah/35/35.75.json")).unwrap()).unwrap();
    assert_eq!(
        json["lisensi"],
        serde_json::json!(["CC-BY-4.0", "ODbL-1.0"])
    );
}

#[test]
fn every_table_and_chart_has_an_anchor_and_the_inputs_their_hash() {
    for path in [
        "index.html",
        "wilayah/35/35.75.html",
        "wilayah/64/64.02.html",
        "wilayah/35/35.75.01.1001.html",
        "tahap/2021-07.html",
        "program/bst.html",
        "bandingkan/35.75-vs-35.23.html",
        "peringkat/35.75.html",
    ] {
        let doc = page(path);
        let mut ids = HashSet::new();
        for e in doc.select(&sel("[id]")) {
            let id = e.value().attr("id").unwrap();
            assert!(ids.insert(id.to_string()), "{path}: #{id} twice");
        }
        for t in doc.select(&sel("main table")) {
            let id = t.value().attr("id");
            let caption = t.select(&sel("caption")).next().map(text);
            assert!(
                id.is_some(),
                "{path}: a table without an anchor: {caption:?}"
            );
        }
        for f in doc.select(&sel("main figure")) {
            assert!(
                f.value().attr("id").is_some(),
                "{path}: a chart without an anchor"
            );
        }
        // every figures section says where its figures come from
        for s in doc.select(&sel("section.tahap")) {
            assert!(
                s.select(&sel("p.sumber")).next().is_some(),
                "{path}: #{} has no source line",
                s.value().attr("id").unwrap_or("?")
            );
        }
    }
    // the home page prints the inputs' hashes; the about page lists every input with its hash
    let home = page("index.html");
    let sumber = home.select(&sel("p.sumber")).next().map(text).unwrap();
    assert!(sumber.contains("SHA-256"), "{sumber}");
    let about = page("tentang-data.html");
    for f in ["data/wilayah.csv", "data/alokasi.csv", "data/realisasi.csv"] {
        let bytes = std::fs::read(root().join(f)).unwrap();
        let id = salur::site::unduh::id_berkas(f);
        let row = about
            .select(&sel(&format!("#{id}")))
            .next()
            .unwrap_or_else(|| panic!("#{id}"));
        assert!(
            text(row).contains(&salur::data::table::sha256_hex(&bytes)),
            "{f}: hash"
        );
    }
    let links: Vec<String> = about
        .select(&sel("#unduh a"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(
        links.contains(&"unduh/realisasi.csv".to_string()),
        "{links:?}"
    );
    assert!(links.contains(&"datapackage.json".to_string()), "{links:?}");
}
