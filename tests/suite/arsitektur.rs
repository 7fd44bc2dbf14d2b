//! The import graph runs one way (ARCHITECTURE.md, "Imports run one way"): each stage uses only
//! the stages before it and the foundation below them all, and the foundation uses no stage.
//! Read from the sources, so a new `use crate::site` in `config` fails here, at review time,
//! rather than as a cycle a later change has to untangle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The foundation: owned by no stage, used by all of them.
const FONDASI: &[&str] = &[
    "lang",
    "format",
    "dasar",
    "diagnostics",
    "teks",
    "terbaca",
    "berkas",
    "slug",
    "pesan",
];

/// The stages, in pipeline order: each may use the ones before it.
const TAHAPAN: &[&str] = &[
    "config", "data", "content", "analysis", "site", "render", "output",
];

/// The top-level module a file of `src/` belongs to (`src/site/jalur.rs` → `site`).
fn modul(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    first
        .unwrap_or_default()
        .trim_end_matches(".rs")
        .to_string()
}

/// The files of `src/` that are unit-test modules (`#[cfg(test)] mod uji;` in their parent).
fn modul_uji(src: &Path) -> BTreeSet<std::path::PathBuf> {
    let mut out = BTreeSet::new();
    for entry in walkdir::WalkDir::new(src) {
        let path = entry.expect("src/ is readable").into_path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        // a child of `a/mod.rs` or `lib.rs` lives beside it; of `a/b.rs`, in `a/b/`
        let dir = match path.file_stem().and_then(|s| s.to_str()) {
            Some("mod" | "lib" | "main") => path.parent().map(Path::to_path_buf),
            _ => path.parent().zip(path.file_stem()).map(|(p, s)| p.join(s)),
        };
        let Some(dir) = dir else { continue };
        let mut lines = text.lines().map(str::trim);
        while let Some(line) = lines.next() {
            if line == "#[cfg(test)]"
                && let Some(next) = lines.next()
                && let Some(name) = next.strip_prefix("mod ").and_then(|n| n.strip_suffix(';'))
            {
                out.insert(dir.join(format!("{name}.rs")));
                out.insert(dir.join(name).join("mod.rs"));
            }
        }
    }
    out
}

/// A file's code: without its comments and without its inline unit tests (`#[cfg(test)]`
/// followed by `mod … {`; a `#[cfg(test)]` on anything else ends nothing).
fn kode(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|n| n.trim_start().starts_with("mod ") && n.trim_end().ends_with('{'))
        {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The modules `code` names under `akar` (`crate` or `super`): `crate::site::X` and every name
/// of a group, `crate::{site::X, render}` (on one line or many).
fn disebut(code: &str, akar: &str) -> BTreeSet<String> {
    let awal = format!("{akar}::");
    let nama = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find(&awal) {
        rest = &rest[i + awal.len()..];
        if let Some(grup) = rest.strip_prefix('{') {
            let akhir = grup.find('}').unwrap_or(grup.len());
            // each item of the group, nested groups' heads included
            for item in grup[..akhir].split([',', '{']) {
                let n = nama(item);
                if !n.is_empty() && n != "self" {
                    out.insert(n);
                }
            }
        } else {
            let n = nama(rest);
            if !n.is_empty() {
                out.insert(n);
            }
        }
    }
    out
}

/// Every `crate::<module>` a module's code (not its comments, not its unit tests) names.
fn impor() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let uji = modul_uji(&src);
    let mut graf: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("src/ is readable");
        if entry.path().extension().is_none_or(|e| e != "rs") || uji.contains(entry.path()) {
            continue;
        }
        let rel = entry.path().strip_prefix(&src).expect("under src/");
        let dari = modul(rel);
        let text = std::fs::read_to_string(entry.path()).expect("a source file is UTF-8");
        for nama in disebut(&kode(&text), "crate") {
            if nama != dari {
                graf.entry(dari.clone()).or_default().insert(nama);
            }
        }
    }
    graf
}

#[test]
fn stages_use_only_earlier_stages_and_the_foundation_uses_none() {
    let graf = impor();
    let mut salah = Vec::new();
    for (dari, ke) in &graf {
        let posisi = TAHAPAN.iter().position(|t| t == dari);
        let fondasi = FONDASI.contains(&dari.as_str());
        for k in ke {
            let Some(pk) = TAHAPAN.iter().position(|t| t == k) else {
                continue; // the foundation, or an application module (init, usul, pratinjau)
            };
            match posisi {
                Some(pd) if pk >= pd => salah.push(format!("stage {dari} uses later stage {k}")),
                None if fondasi => salah.push(format!("foundation {dari} uses stage {k}")),
                _ => {}
            }
        }
    }
    assert!(
        salah.is_empty(),
        "imports against the pipeline:\n{}",
        salah.join("\n")
    );
    // the graph was read at all: the site plan uses the analysis, render the site's contexts
    assert!(graf.get("site").is_some_and(|k| k.contains("analysis")));
    assert!(graf.get("render").is_some_and(|k| k.contains("site")));
}

/// Inside the site stage, no two page-kind modules use each other (`super::unduh` from
/// `gagal` and `super::gagal` from `unduh` once made a cycle): a shared piece goes to the
/// module both use, or below the stages.
#[test]
fn no_two_site_modules_use_each_other() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/site");
    let uji = modul_uji(&site);
    let mut graf: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(&site).expect("src/site") {
        let path = entry.expect("an entry").path();
        let Some(nama) = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "rs") || nama == "mod" || uji.contains(&path) {
            continue;
        }
        let code = kode(&std::fs::read_to_string(&path).expect("a source file is UTF-8"));
        let mut pakai = disebut(&code, "super");
        pakai.extend(
            disebut(&code, "crate::site")
                .into_iter()
                .filter(|n| site.join(format!("{n}.rs")).exists()),
        );
        pakai.retain(|n| *n != nama && site.join(format!("{n}.rs")).exists());
        graf.insert(nama, pakai);
    }
    let mut salah = Vec::new();
    for (a, pakai) in &graf {
        for b in pakai {
            if a < b && graf.get(b).is_some_and(|p| p.contains(a)) {
                salah.push(format!("site/{a}.rs and site/{b}.rs use each other"));
            }
        }
    }
    assert!(salah.is_empty(), "{}", salah.join("\n"));
    assert!(
        graf.get("unduh").is_some_and(|p| p.contains("gagal")),
        "the scan reads super::"
    );
}
