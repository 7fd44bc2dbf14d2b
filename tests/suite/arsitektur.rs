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
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for line in code.lines() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            let mut rest = line;
            while let Some(i) = rest.find("crate::") {
                rest = &rest[i + "crate::".len()..];
                let nama: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !nama.is_empty() && nama != dari {
                    graf.entry(dari.clone()).or_default().insert(nama);
                }
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
