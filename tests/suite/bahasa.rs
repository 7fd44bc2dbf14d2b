//! `language = "en"` gives a fully English site: every UI string of the theme has an English
//! value, and the example built in English shows none of the Indonesian ones (nor the
//! Indonesian words the Rust code writes: breadcrumbs, sentences, chart labels).

use crate::common;

use std::collections::BTreeMap;

use common::{build_changed_copy, sel};
use scraper::Html;

fn strings(lang: &str) -> BTreeMap<String, String> {
    let path = common::root().join(format!("themes/default/i18n/{lang}.toml"));
    let table: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    table
        .into_iter()
        .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_string()))
        .collect()
}

#[test]
fn every_ui_string_has_an_english_value() {
    let id = strings("id");
    let en = strings("en");
    let missing: Vec<&String> = id.keys().filter(|k| !en.contains_key(*k)).collect();
    let extra: Vec<&String> = en.keys().filter(|k| !id.contains_key(*k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{missing:?} {extra:?}"
    );
    let empty: Vec<&String> = en
        .iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(k, _)| k)
        .collect();
    assert!(empty.is_empty(), "{empty:?}");
    // a value the same in both is untranslated, except these, which are the same words in
    // English (abbreviations, the domain's own region kinds, a region and its RW, "Target {tanggal}", a comparison
    // sentence that is only names, figures and punctuation, a formula of column names, the
    // region codes' dataset's own title, WhatsApp, a chart bar's label that is only a reason,
    // a count and "KPM")
    let same: Vec<&String> = id.keys().filter(|k| id[*k] == en[*k]).collect();
    assert_eq!(
        same,
        [
            "banding_dua",
            "banding_dua_beda",
            "grafik_alasan_baris",
            "grafik_waktu_label_target",
            "grafik_waktu_target",
            "kalender_rw_nama",
            "kolom_selisih_kpm",
            "kpm",
            "kualitas_wilayah",
            "pengaduan_whatsapp",
            "rupiah_per_kpm",
            "rw",
            "unduh_sumber_kode_wilayah",
            "wilayah_jenis_desa",
            "wilayah_jenis_kelurahan"
        ]
    );
}

/// The text a reader sees, without what the operator wrote (Markdown pages and notes, names,
/// reasons as written): those stay in the language they were written in.
fn ui_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let skip = sel(".prosa, .rapat-isi, blockquote, code, script, style");
    let skipped: std::collections::HashSet<_> = doc
        .select(&skip)
        .flat_map(|e| e.descendants().map(|n| n.id()))
        .collect();
    let mut out = String::new();
    for node in doc.root_element().descendants() {
        if skipped.contains(&node.id()) {
            continue;
        }
        if let Some(t) = node.value().as_text() {
            out.push_str(t);
            out.push(' ');
        }
    }
    out
}

#[test]
fn the_example_in_english_has_no_indonesian_ui_string() {
    let tmp = tempfile::tempdir().unwrap();
    let out = build_changed_copy(tmp.path(), |root| {
        let p = root.join("site.toml");
        let s = std::fs::read_to_string(&p).unwrap();
        // an English site's operator writes its description and notes in English too
        let mut lines: Vec<String> = Vec::new();
        for line in s.lines() {
            lines.push(if line.starts_with("description = ") {
                "description = \"Social aid allocated and paid per village.\"".to_string()
            } else if line.starts_with("catatan = ") {
                "catatan = \"Tuban's figures are illustrative.\"".to_string()
            } else {
                line.replace("language = \"id\"", "language = \"en\"")
            });
        }
        std::fs::write(&p, lines.join("\n")).unwrap();
    });
    // names from the data stay as written (`Desa Sumber Sari`)
    let mut names: Vec<String> = Vec::new();
    for file in ["data/wilayah.csv", "data/program.csv"] {
        let text = std::fs::read_to_string(common::root().join(file)).unwrap();
        for line in text.lines().skip(1) {
            if let Some(name) = line.split(',').nth(1) {
                names.push(name.to_string());
            }
        }
    }
    // and the operator's words of where the figures come from (`sumber` of sumber_angka.csv)
    let mut sumber = csv::Reader::from_path(common::root().join("data/sumber_angka.csv")).unwrap();
    for r in sumber.deserialize::<std::collections::HashMap<String, String>>() {
        names.push(r.unwrap()["sumber"].clone());
    }
    // and so do the strings of the operator's Markdown front matter (titles, decisions,
    // follow-ups of the meeting notes, written in Indonesian)
    for entry in walkdir::WalkDir::new(common::root().join("content")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            names.extend(text.split('"').skip(1).step_by(2).map(str::to_string));
        }
    }
    // and the operator's notes on the verification and decile figures (`catatan`)
    for file in ["data/verval.csv", "data/desil.csv"] {
        let mut rows = csv::Reader::from_path(common::root().join(file)).unwrap();
        for r in rows.deserialize::<std::collections::HashMap<String, String>>() {
            names.extend(r.unwrap().remove("catatan").filter(|c| !c.is_empty()));
        }
    }
    // and the operator's attribution lines of site.toml, in every footer
    let situs: toml::Table =
        toml::from_str(&std::fs::read_to_string(common::root().join("site.toml")).unwrap())
            .unwrap();
    for a in situs["attribution"].as_array().unwrap() {
        names.push(a.as_str().unwrap().to_string());
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let id = strings("id");
    let en = strings("en");
    // Indonesian UI strings that are not also the English ones (`KPM`, `RW` are both)
    let indonesian: Vec<(&String, &String)> = id
        .iter()
        .filter(|(k, v)| en.get(*k) != Some(*v) && v.chars().count() >= 6)
        .filter(|(_, v)| !en.values().any(|e| e.contains(v.as_str())))
        .collect();
    // words the Rust code writes in Indonesian sites only
    let words = [
        "Beranda",
        "Belum ada data",
        "tersalur",
        "dialokasikan",
        "Perubahan",
        "Kualitas data",
        "Unduh",
        "Sumber:",
        "Seluruh situs",
        "kali lipat",
        "poin",
        "Tahap pertama",
        "belum ada",
    ];
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&out).sort_by_file_name() {
        let entry = entry.unwrap();
        let p = entry.path();
        if p.extension().is_none_or(|e| e != "html") {
            continue;
        }
        // meeting notes are written in Indonesian by the operator: their pages are checked
        // for the UI around them, not their body
        pages += 1;
        let mut text = ui_text(&std::fs::read_to_string(p).unwrap());
        for n in &names {
            text = text.replace(n.as_str(), " ");
        }
        let rel = p.strip_prefix(&out).unwrap().display().to_string();
        for (k, v) in &indonesian {
            if contains_word(&text, v) {
                found
                    .entry(rel.clone())
                    .or_default()
                    .push(format!("{k} = {v}"));
            }
        }
        for w in words {
            if contains_word(&text, w) {
                found.entry(rel.clone()).or_default().push(w.to_string());
            }
        }
    }
    assert!(pages > 1000, "{pages}");
    assert!(
        found.is_empty(),
        "{} pages with Indonesian UI text, e.g. {:#?}",
        found.len(),
        found.iter().take(10).collect::<Vec<_>>()
    );
}

/// Whether `text` holds `w` as whole words (`poin` is not in `points`).
fn contains_word(text: &str, w: &str) -> bool {
    text.match_indices(w).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// `salur --help` and each command's help, in the folder `cwd`, with `args` before `--help`.
fn bantuan(cwd: &std::path::Path, args: &[&str]) -> String {
    bantuan_dengan(cwd, args, "--help")
}

/// The help as `flag` (`--help`, or `-h`: one line per argument) shows it.
fn bantuan_dengan(cwd: &std::path::Path, args: &[&str], flag: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_salur"))
        .current_dir(cwd)
        .args(args)
        .arg(flag)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_help_speaks_the_sites_language() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    let id = dir.path().join("id");
    let kosong = dir.path().join("kosong");
    for d in [&en, &id, &kosong] {
        std::fs::create_dir(d).unwrap();
    }
    std::fs::write(en.join("site.toml"), "title = \"X\"\nlanguage = \"en\"\n").unwrap();
    std::fs::write(id.join("site.toml"), "title = \"X\"\nlanguage = \"id\"\n").unwrap();
    let perintah: &[&[&str]] = &[
        &[],
        &["build"],
        &["check"],
        &["init"],
        &["new"],
        &["new", "rapat"],
        &["jadwal"],
        &["jadwal", "usul"],
        &["serve"],
    ];
    for args in perintah {
        let inggris = bantuan(&en, args);
        assert!(inggris.contains("\nUsage: salur"), "{args:?}: {inggris}");
        assert!(inggris.contains("Print help"), "{inggris}");
        assert!(!inggris.contains("Pemakaian"), "{inggris}");
        for indonesia in [bantuan(&id, args), bantuan(&kosong, args)] {
            assert!(
                indonesia.contains("\nPemakaian: salur"),
                "{args:?}: {indonesia}"
            );
            assert!(indonesia.contains("Tampilkan bantuan"), "{indonesia}");
            assert!(!indonesia.contains("Usage") && !indonesia.contains("Print help"));
        }
        // every argument has its words in both languages (none left empty)
        for teks in [
            bantuan_dengan(&en, args, "-h"),
            bantuan_dengan(&id, args, "-h"),
        ] {
            for baris in teks.lines().filter(|l| l.trim_start().starts_with("--")) {
                assert!(baris.trim().contains("  "), "{args:?}: no help for {baris}");
            }
        }
    }
    let inggris = bantuan(&en, &[]);
    assert!(inggris.contains("build   Build the site into public/ (or --output)"));
    let indonesia = bantuan(&id, &[]);
    assert!(indonesia.contains("build   Bangun situs ke public/ (atau --output)"));
    // defaults and possible values in the site's words too, never clap's English
    let indonesia = bantuan(&id, &["check"]);
    assert!(indonesia.contains("[bawaan: .]"), "{indonesia}");
    assert!(!indonesia.contains("default") && !indonesia.contains("Possible"));
    assert!(bantuan(&en, &["check"]).contains("[default: text]"));
    // `--root` names the site whose language the help speaks
    let lain = bantuan(&kosong, &["build", "--root", en.to_str().unwrap()]);
    assert!(lain.contains("Where to write the site"), "{lain}");
    let lain = bantuan(&kosong, &["check", &format!("--root={}", en.display())]);
    assert!(lain.contains("Check every input"), "{lain}");
}
