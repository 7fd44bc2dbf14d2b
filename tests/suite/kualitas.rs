//! The "Kualitas data" page and `salur check --format json|github`: the same findings, per
//! kind and per kabupaten/kota, each kind triggered by a change to the example's data.

use crate::common;

use std::process::Command;

use common::{build_changed_copy, page, sel, text};
use scraper::Html;

fn check(site: &std::path::Path, format: &str) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_salur"))
        .args(["check", "--root"])
        .arg(site)
        .args(["--format", format])
        .output()
        .expect("run salur");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// (kind label, findings, kabupaten/kota) of the summary table.
fn ringkasan(doc: &Html) -> Vec<(String, u64, u64)> {
    doc.select(&sel("#kualitas-ringkasan tbody tr"))
        .map(|tr| {
            let cells: Vec<String> = tr.select(&sel("td")).map(text).collect();
            (
                text(tr.select(&sel("th")).next().unwrap()),
                cells[0].replace('.', "").parse().unwrap(),
                cells[1].replace('.', "").parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_example_lists_its_findings_and_every_page_links_the_page() {
    let doc = page("kualitas-data.html");
    let rows = ringkasan(&doc);
    assert_eq!(rows.len(), 10, "every kind is counted, also at 0: {rows:?}");
    let get = |label: &str| rows.iter().find(|r| r.0 == label).cloned().unwrap();
    // Kutai Kartanegara's two BRI reports beyond the tolerance (seed 003)
    assert_eq!(
        get("Selisih rekonsiliasi"),
        ("Selisih rekonsiliasi".into(), 2, 1)
    );
    assert_eq!(get("Melebihi alokasi").1, 0);
    let section = doc.select(&sel("section#rekonsiliasi")).next().unwrap();
    let body = text(section);
    assert!(body.contains("data/laporan_penyalur.csv:29:6"), "{body}");
    assert!(body.contains("Kecamatan Anggana"), "{body}");
    // "kartu KKS bermasalah" matches no code: its region and programme are listed, never
    // counted, and never with the text itself (the operator's words: `salur check` has them)
    let alasan = text(
        doc.select(&sel("section#alasan_tak_dikenal"))
            .next()
            .unwrap(),
    );
    assert!(!alasan.contains("kartu KKS bermasalah"), "{alasan}");
    assert!(alasan.contains("Kabupaten Kutai Kartanegara"), "{alasan}");
    assert!(
        doc.select(&sel("#kualitas-alasan_tak_dikenal td.n"))
            .next()
            .is_none()
    );

    for p in [
        "index.html",
        "wilayah/35/35.75.01.1001.html",
        "tentang-data.html",
    ] {
        let d = page(p);
        assert!(
            d.select(&sel("footer a")).any(|a| a
                .value()
                .attr("href")
                .unwrap()
                .ends_with("kualitas-data.html")),
            "{p}"
        );
    }
}

#[test]
fn each_kind_of_finding_reaches_the_page_and_the_json() {
    let tmp = tempfile::tempdir().unwrap();
    let mut site = std::path::PathBuf::new();
    let out = build_changed_copy(tmp.path(), |root| {
        site = root.to_path_buf();
        let edit = |file: &str, f: &dyn Fn(String) -> String| {
            let p = root.join(file);
            std::fs::write(&p, f(std::fs::read_to_string(&p).unwrap())).unwrap();
        };
        edit("data/alokasi.csv", &|s| {
            // Karangketug allocated 100 of its 589: more reported than allocated;
            // a Bank Jatim allocation in Gentong with nothing reported, while the city reports
            s.replace(
                "BST,2021-07,35.75.01.1001,PT Pos Indonesia,589",
                "BST,2021-07,35.75.01.1001,PT Pos Indonesia,100",
            ) + "BST,2021-07,35.75.01.1002,Bank Jatim,25\n"
        });
        // a target day before the last payments
        edit("data/tahap.csv", &|s| {
            s.replace(
                "2021-07,Juli 2021,2021-07-01,2021-07-31,",
                "2021-07,Juli 2021,2021-07-01,2021-07-31,2021-07-20",
            )
        });
    });
    let doc =
        Html::parse_document(&std::fs::read_to_string(out.join("kualitas-data.html")).unwrap());
    let rows = ringkasan(&doc);
    let get = |label: &str| {
        rows.iter()
            .find(|r| r.0 == label)
            .map(|r| (r.1, r.2))
            .unwrap()
    };
    assert_eq!(get("Melebihi alokasi"), (1, 1));
    assert_eq!(get("Alokasi tanpa realisasi"), (1, 1));
    assert!(get("Tersalur setelah target").0 >= 30, "{rows:?}");
    assert!(
        get("Jadwal pembayaran").0 >= 1,
        "the schedule no longer matches: {rows:?}"
    );

    let melebihi = text(
        doc.select(&sel("#kualitas-melebihi_alokasi tbody tr"))
            .next()
            .unwrap(),
    );
    assert!(melebihi.contains("Kelurahan Karangketug"), "{melebihi}");
    assert!(melebihi.contains("100"), "{melebihi}");
    let kosong = text(
        doc.select(&sel("#kualitas-alokasi_tanpa_realisasi tbody tr"))
            .next()
            .unwrap(),
    );
    assert!(
        kosong.contains("Kelurahan Gentong") && kosong.contains("Bank Jatim"),
        "{kosong}"
    );
    // Kota Pasuruan's row counts its findings of every kind
    let kota = doc
        .select(&sel("#kualitas-per-wilayah tbody tr"))
        .find(|tr| text(tr.select(&sel("th")).next().unwrap()) == "Kota Pasuruan")
        .unwrap();
    let kota_total: u64 = text(kota.select(&sel("td")).last().unwrap())
        .replace('.', "")
        .parse()
        .unwrap();
    let total: u64 = rows.iter().map(|r| r.1).sum();

    // the JSON has the same findings, with file:line for the checks' warnings
    let (ok, json) = check(&site, "json");
    assert!(ok, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["ok"], true);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len() as u64, total);
    let over = findings
        .iter()
        .find(|f| f["jenis"] == "melebihi_alokasi")
        .unwrap();
    assert_eq!(over["kode_wilayah"], "35.75.01.1001");
    assert_eq!(
        (over["kpm"].as_u64(), over["pembanding"].as_u64()),
        (Some(589), Some(100))
    );
    let jadwal = findings.iter().find(|f| f["jenis"] == "jadwal").unwrap();
    assert_eq!(jadwal["file"], "data/jadwal.csv");
    assert!(jadwal["line"].as_u64().unwrap() > 1);
    let late = findings
        .iter()
        .find(|f| f["jenis"] == "setelah_target")
        .unwrap();
    assert!(
        late["pesan"]
            .as_str()
            .unwrap()
            .contains("setelah tanggal target"),
        "{late}"
    );

    let di_kota = findings
        .iter()
        .filter(|f| {
            f["kode_wilayah"]
                .as_str()
                .is_some_and(|k| k.starts_with("35.75"))
        })
        .count() as u64;
    assert_eq!(kota_total, di_kota);

    // GitHub annotations: one line per finding, a file's findings as warnings on its line
    let (ok, gh) = check(&site, "github");
    assert!(ok);
    assert_eq!(gh.lines().count() as u64, total);
    assert!(
        gh.lines()
            .any(|l| l.starts_with("::warning file=data/jadwal.csv,line=")),
        "{gh}"
    );
    assert!(
        gh.lines()
            .all(|l| l.starts_with("::warning ") || l.starts_with("::notice "))
    );
}

#[test]
fn check_json_reports_errors_with_their_place() {
    let tmp = tempfile::tempdir().unwrap();
    let site = common::example_copy(tmp.path());
    let p = site.join("data/alokasi.csv");
    let s = std::fs::read_to_string(&p).unwrap();
    std::fs::write(
        &p,
        s.replace(
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,589",
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,5x9",
        ),
    )
    .unwrap();
    let (ok, json) = check(&site, "json");
    assert!(!ok);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["ok"], false);
    let e = &v["errors"][0];
    assert_eq!(e["file"], "data/alokasi.csv");
    assert_eq!(e["line"], 398);
    assert_eq!(e["column"], 5);
    assert_eq!(e["value"], "5x9");
    let (ok, gh) = check(&site, "github");
    assert!(!ok);
    assert!(
        gh.starts_with("::error file=data/alokasi.csv,line=398,col=5,"),
        "{gh}"
    );
}

/// A failure reason that matches no code is the operator's own text and may name a person: the
/// page never shows it, and names its region and programme only where the failure tables
/// publish the `lainnya` count it falls under (a one-KPM reason would otherwise tell that a
/// failure happened where the tables show "< 3"); `salur check` lists it with its text, so that
/// the mapping can be fixed. With `min_kpm = 1` (no suppression) the region is named.
#[test]
fn an_unmatched_reason_is_in_check_and_on_the_page_only_where_its_count_is() {
    let unmatched = "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-20,gagal,\
                     KKS dibawa Pak Darmo tetangganya,1\n";
    let add = |root: &std::path::Path, min_kpm: Option<u64>| {
        let p = root.join("data/realisasi.csv");
        let mut csv = std::fs::read_to_string(&p).unwrap();
        csv.push_str(unmatched);
        std::fs::write(&p, csv).unwrap();
        if let Some(m) = min_kpm {
            let p = root.join("site.toml");
            let mut toml = std::fs::read_to_string(&p).unwrap();
            toml.push_str(&format!("\n[privacy]\nmin_kpm = {m}\n"));
            std::fs::write(&p, toml).unwrap();
        }
    };
    let pasuruan = |out: &std::path::Path| {
        let doc =
            Html::parse_document(&std::fs::read_to_string(out.join("kualitas-data.html")).unwrap());
        let rows: Vec<String> = doc
            .select(&sel("#kualitas-alasan_tak_dikenal tbody tr"))
            .map(text)
            .collect();
        assert!(rows.iter().all(|r| !r.contains("Darmo")), "{rows:?}");
        rows.iter().any(|r| r.contains("Kota Pasuruan"))
    };

    let tmp = tempfile::tempdir().unwrap();
    let mut site = std::path::PathBuf::new();
    let out = build_changed_copy(tmp.path(), |root| {
        site = root.to_path_buf();
        add(root, None);
    });
    assert!(!pasuruan(&out), "a one-KPM reason is named on the page");
    for (rel, bytes) in common::files(&out) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("Darmo"),
            "{rel} holds the reason as written"
        );
    }
    let text_check = common::salur_check(&site);
    assert!(text_check.status.success());
    let stderr = String::from_utf8_lossy(&text_check.stderr);
    assert!(
        stderr.contains("alasan gagal \"KKS dibawa Pak Darmo tetangganya\" tidak cocok"),
        "{stderr}"
    );
    // a CI log may be public: there the operator's text is masked (it names a person here)
    for format in ["json", "github"] {
        let (_, out) = check(&site, format);
        assert!(!out.contains("Darmo"), "{format}: {out}");
        assert!(
            out.contains("K** d***** P** D**** t**********"),
            "{format}: {out}"
        );
    }

    let tmp = tempfile::tempdir().unwrap();
    let out = build_changed_copy(tmp.path(), |root| add(root, Some(1)));
    assert!(pasuruan(&out), "without suppression the region is named");
}

/// A value holding ESC, BEL, a C1 control and a bidi override (a CR ends a CSV row) reaches neither the terminal nor a CI log
/// as itself: the text, JSON and GitHub reports show it escaped, and the JSON still decodes to
/// the value as written.
#[test]
fn check_shows_control_characters_escaped_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let site = common::example_copy(tmp.path());
    let p = site.join("data/alokasi.csv");
    let s = std::fs::read_to_string(&p).unwrap();
    let bad = "5\u{1b}[2J\u{7}\u{202e}9\u{9b}";
    std::fs::write(
        &p,
        s.replace(
            "BST,2021-07,35.75.01.1001,PT Pos Indonesia,589",
            &format!("BST,2021-07,35.75.01.1001,PT Pos Indonesia,{bad}"),
        ),
    )
    .unwrap();
    let raw = |t: &str| {
        t.chars()
            .any(|c| matches!(c, '\u{1b}' | '\u{7}' | '\r' | '\u{202e}' | '\u{9b}'))
    };
    let text = common::salur_check(&site);
    let err = String::from_utf8_lossy(&text.stderr);
    assert!(!text.status.success());
    assert!(!raw(&err), "{err:?}");
    assert!(
        err.contains("data/alokasi.csv:398:5: '5\\u{1b}[2J\\u{7}\\u{202e}9\\u{9b}': "),
        "{err}"
    );
    let (ok, json) = check(&site, "json");
    assert!(!ok);
    assert!(!raw(&json), "{json:?}");
    assert!(json.contains("\\u202e"), "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["errors"][0]["value"], bad);
    let (ok, gh) = check(&site, "github");
    assert!(!ok);
    assert!(!raw(&gh), "{gh:?}");
    assert!(
        gh.contains("::'5\\u{1b}[2J\\u{7}\\u{202e}9\\u{9b}': "),
        "{gh}"
    );
}
