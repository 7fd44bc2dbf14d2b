//! Helpers shared by the end-to-end tests.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use scraper::{ElementRef, Html, Selector};

/// The repository root, which is the example site.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example site, built once per test binary; returns its output folder.
pub fn example_site() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = SITE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("public");
        salur::build(&salur::BuildOptions {
            root: root(),
            output: Some(out.clone()),
            base_url: None,
        })
        .unwrap_or_else(|e| panic!("the example site must build:\n{e}"));
        (dir, out)
    });
    out
}

/// A page of the built example site, parsed.
pub fn page(rel: &str) -> Html {
    let path = example_site().join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    Html::parse_document(&text)
}

/// The rows of the first table of a page of the example site whose caption starts with
/// `caption`: (row head, cells).
pub fn rows(path: &str, caption: &str) -> Vec<(String, Vec<String>)> {
    let doc = page(path);
    let table = doc
        .select(&sel("table"))
        .find(|t| {
            t.select(&sel("caption"))
                .next()
                .is_some_and(|c| text(c).starts_with(caption))
        })
        .unwrap_or_else(|| panic!("no table '{caption}' in {path}"));
    table
        .select(&sel("tbody tr"))
        .map(|tr| {
            let head = tr.select(&sel("th")).next().map(kepala).unwrap_or_default();
            (head, tr.select(&sel("td")).map(text).collect())
        })
        .collect()
}

/// A row head's text without the mark of its figures' certainty (`.sifat`: `ilustratif`,
/// `sementara`), which `tests/suite/asal.rs` checks on its own.
pub fn kepala(th: ElementRef) -> String {
    let all = text(th);
    match th.select(&sel(".sifat")).next() {
        Some(m) => all
            .strip_suffix(&text(m))
            .map_or(all.clone(), |s| s.trim_end().to_string()),
        None => all,
    }
}

/// A CSS selector.
pub fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

/// An element's text with whitespace collapsed.
pub fn text(e: ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every file under `dir`, by path relative to it, with its bytes.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if e.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A copy of the example site to change freely.
pub fn example_copy(dir: &Path) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let site = dir.join("site");
    for d in ["data", "content", "themes"] {
        copy_dir(&root.join(d), &site.join(d));
    }
    fs::copy(root.join("site.toml"), site.join("site.toml")).unwrap();
    site
}

/// Builds `site` into `out`, panicking with the report on failure.
pub fn build(site: &Path, out: &Path) -> salur::BuildSummary {
    salur::build(&salur::BuildOptions {
        root: site.to_path_buf(),
        output: Some(out.to_path_buf()),
        base_url: None,
    })
    .unwrap_or_else(|e| panic!("build failed: {e}"))
}

/// Builds a copy of the example site after `change` (given the copy's root) into `dir/public`;
/// returns the output folder.
pub fn build_changed_copy(dir: &Path, change: impl FnOnce(&Path)) -> PathBuf {
    let site = example_copy(dir);
    change(&site);
    let out = dir.join("public");
    build(&site, &out);
    out
}

/// A relative path with `..` and `.` resolved (`wilayah/35/../../index.html` → `index.html`).
pub fn normalise(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

/// The markup every field that reaches a page gets in [`poison`].
pub const PAYLOAD: &str = "<img src=x onerror=alert(1)>";

/// Puts [`PAYLOAD`] into every kind of field of the site at `site` that reaches a page: region
/// names (a kabupaten/kota, a kecamatan, Kandangsapi), a programme's and a tahap's name, a
/// paying channel, a failure reason, a schedule's titik bayar and `lokasi`, a verification step,
/// a decile note, a bank branch, the site's title and description, and a meeting note's
/// front matter (title, place, chair, a participant, a decision). Returns what was changed, as
/// (file, field) pairs.
pub fn poison(site: &Path) -> Vec<(&'static str, &'static str)> {
    let with = |s: &str| format!("{s} {PAYLOAD}");
    let edit = |rel: &str, pairs: &[(&str, String)]| {
        let path = site.join(rel);
        let mut text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        for (from, to) in pairs {
            assert!(text.contains(from), "{rel} has no {from:?}");
            text = text.replace(from, to);
        }
        fs::write(&path, text).unwrap();
    };
    edit(
        "data/wilayah.csv",
        &[
            (",Kandangsapi,", format!(",{},", with("Kandangsapi"))),
            (",Panggungrejo,", format!(",{},", with("Panggungrejo"))),
            (",Kota Pasuruan,", format!(",{},", with("Kota Pasuruan"))),
        ],
    );
    edit(
        "data/program.csv",
        &[(
            ",Bantuan Sosial Tunai,",
            format!(",{},", with("Bantuan Sosial Tunai")),
        )],
    );
    edit(
        "data/tahap.csv",
        &[(",Juli 2021,", format!(",{},", with("Juli 2021")))],
    );
    for rel in ["data/alokasi.csv", "data/realisasi.csv"] {
        edit(
            rel,
            &[(",Bank Jatim,", format!(",{},", with("Bank Jatim")))],
        );
    }
    edit(
        "data/realisasi.csv",
        &[(",tidak hadir,", format!(",{},", with("tidak hadir")))],
    );
    edit(
        "data/jadwal.csv",
        &[
            (
                ",Kantor Kelurahan Karangketug,",
                format!(",{},", with("Kantor Kelurahan Karangketug")),
            ),
            (
                ",Karangketug,35.75",
                format!(",{},35.75", with("Karangketug")),
            ),
        ],
    );
    edit(
        "data/verval.csv",
        &[(
            ",Terdata miskin ekstrem,",
            format!(",{},", with("Terdata miskin ekstrem")),
        )],
    );
    edit(
        "data/desil.csv",
        &[(
            "\"Angka ilustratif:",
            format!("\"{PAYLOAD} Angka ilustratif:"),
        )],
    );
    edit(
        "data/laporan_penyalur.csv",
        &[(",Tenggarong,", format!(",{},", with("Tenggarong")))],
    );
    edit(
        "site.toml",
        &[
            (
                "title = \"Transparansi Bansos\"",
                format!("title = \"{}\"", with("Transparansi Bansos")),
            ),
            (
                "description = \"Alokasi",
                format!("description = \"{PAYLOAD} Alokasi"),
            ),
        ],
    );
    edit(
        "content/rapat/2021-07-13-rakor-bansos-kota-pasuruan.md",
        &[
            ("judul = \"Rakor", format!("judul = \"{PAYLOAD} Rakor")),
            (
                "tempat = \"Pendopo",
                format!("tempat = \"{PAYLOAD} Pendopo"),
            ),
            ("pimpinan = \"Wali", format!("pimpinan = \"{PAYLOAD} Wali")),
            ("\"Asisten I\"", format!("\"{}\"", with("Asisten I"))),
            ("\"Lurah mengatur", format!("\"{PAYLOAD} Lurah mengatur")),
        ],
    );
    vec![
        ("data/wilayah.csv", "nama"),
        ("data/program.csv", "nama"),
        ("data/tahap.csv", "nama"),
        ("data/alokasi.csv", "penyalur"),
        ("data/realisasi.csv", "penyalur"),
        ("data/realisasi.csv", "alasan"),
        ("data/jadwal.csv", "titik_bayar"),
        ("data/jadwal.csv", "lokasi"),
        ("data/verval.csv", "langkah"),
        ("data/desil.csv", "catatan"),
        ("data/laporan_penyalur.csv", "cabang"),
        ("site.toml", "title"),
        ("site.toml", "description"),
        ("content/rapat/*.md", "judul"),
        ("content/rapat/*.md", "tempat"),
        ("content/rapat/*.md", "pimpinan"),
        ("content/rapat/*.md", "peserta"),
        ("content/rapat/*.md", "keputusan"),
    ]
}

/// Writes a test's figure line (what it tried and found) to the test output, past the test
/// harness's capture, so that `cargo test` shows it for a passing test too.
pub fn figure(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// A test that cannot run here because a tool is missing: with `var` set to `required` (as
/// `.ci/run` sets it where it installed the tool) it fails; otherwise it says
/// `SKIPPED: <missing>; install with <command>` past the harness's capture, so the skip shows
/// in `cargo test`'s output rather than passing in silence, and the caller returns.
pub fn lewati(test: &str, var: &str, missing: &str, install: &str) {
    let message = format!("{test}: SKIPPED: {missing}; install with {install}");
    assert!(
        std::env::var(var).as_deref() != Ok("required"),
        "{message} ({var}=required: failing)"
    );
    figure(&message);
}

/// Runs the real `salur check --root site`.
pub fn salur_check(site: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_salur"))
        .args(["check", "--root"])
        .arg(site)
        .output()
        .expect("salur check runs")
}

/// Replaces the first `from` in the file `path` with `to`; the file must hold `from` (a test
/// whose edit no longer applies fails here instead of testing nothing).
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The files of `kembar` (a site built from the same data in another form: a workbook, Parquet)
/// that differ from `asli`'s only where the inputs' names and hashes `ganti` (twin's, then the
/// CSV site's) are written; panics at the first line that differs beyond them. Both sites
/// must have the same files.
pub fn beda_nama_saja(
    kembar: &BTreeMap<String, Vec<u8>>,
    asli: &BTreeMap<String, Vec<u8>>,
    ganti: &[(String, String)],
) -> Vec<String> {
    assert_eq!(
        kembar.keys().collect::<Vec<_>>(),
        asli.keys().collect::<Vec<_>>()
    );
    let tentang = String::from_utf8_lossy(&kembar["tentang-data.html"]).into_owned();
    for (dari, _) in ganti {
        assert!(
            tentang.contains(dari.as_str()),
            "{dari} not on the about page"
        );
    }
    let mut berbeda = Vec::new();
    for (path, bytes) in kembar {
        let mut text = String::from_utf8_lossy(bytes).into_owned();
        let mentah = text.clone();
        for (dari, ke) in ganti {
            text = text.replace(dari.as_str(), ke);
        }
        let a = String::from_utf8_lossy(&asli[path]);
        if text != a {
            let (x, y) = text
                .lines()
                .zip(a.lines())
                .find(|(x, y)| x != y)
                .unwrap_or_default();
            panic!("{path} differs beyond the inputs' names and hashes:\n{x}\n{y}");
        }
        if text != mentah {
            berbeda.push(path.clone());
        }
    }
    berbeda
}

/// The cells of a CSV file: header, then rows (the example's inputs, to write their twins).
pub fn cells(csv_path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(csv_path)
        .unwrap();
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A copy of the published folder `public` and the manifest beside it at `ke`, with every
/// page's fingerprint forgotten: the next build there renders every page from scratch, over the
/// same previous publication as a build into `public` (the previous publication is an input of
/// the history of corrections, so a build into a new, empty folder is not the same build).
pub fn salin_terbitan(public: &Path, ke: &Path) {
    let manifest = |p: &Path| {
        let nama = p.file_name().unwrap().to_str().unwrap();
        p.parent().unwrap().join(format!(".{nama}.salur-manifest"))
    };
    fs::create_dir_all(ke).unwrap();
    copy_dir(public, ke);
    let text = fs::read_to_string(manifest(public)).unwrap();
    let lupa: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let mut p: Vec<&str> = l.splitn(5, ' ').collect();
            if i > 0 && !l.starts_with('#') && p.len() == 5 {
                p[3] = "0000000000000000";
            }
            format!("{}\n", p.join(" "))
        })
        .collect();
    fs::write(manifest(ke), lupa).unwrap();
}

/// The first five paths whose bytes differ between two snapshots of an output (or that only one
/// has): empty when an incremental build equals a fresh one.
pub fn beda_berkas(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    a.keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .take(5)
        .cloned()
        .collect()
}
