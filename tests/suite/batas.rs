//! The size limit of one input file (`batas_berkas_mb` in `site.toml`, default 512 MB): salur
//! reads a file whole and keeps its rows, so a 1 GB `realisasi.csv` is refused from its size,
//! before anything is read, with a message that says why and which key raises the limit.
//! The files are sparse: a gigabyte that takes no disk.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{example_copy, files};

/// Makes `rel` a sparse file of `len` bytes (zeros, no disk used).
fn sparse(site: &Path, rel: &str, len: u64) {
    let f = fs::File::create(site.join(rel)).unwrap();
    f.set_len(len).unwrap();
}

fn set_config(site: &Path, line: &str) {
    let p = site.join("site.toml");
    let text = fs::read_to_string(&p).unwrap();
    fs::write(&p, format!("{line}\n{text}")).unwrap();
}

/// `salur build`'s exit code and standard error.
fn build(site: &Path, out: &Path) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_salur"))
        .arg("build")
        .arg("--root")
        .arg(site)
        .arg("--output")
        .arg(out)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn a_one_gigabyte_realisasi_is_refused_from_its_size_and_nothing_is_published() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let public = dir.path().join("public");
    assert_eq!(build(&site, &public).0, 0);
    let before = files(&public);

    sparse(&site, "data/realisasi.csv", 1_000_000_000);
    let started = Instant::now();
    let (code, stderr) = build(&site, &public);
    let took = started.elapsed();
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "data/realisasi.csv: berkas ini 954 MB (1.000.000.000 byte), melebihi batas 512 MB \
             per berkas: salur membaca seluruh berkas ke memori"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("kira-kira 2× ukuran berkas")
            && stderr.contains("naikkan batasnya di site.toml, misalnya batas_berkas_mb = 1024"),
        "{stderr}"
    );
    // from its size: a read of the gigabyte (even of zeros) would take seconds
    assert!(took < Duration::from_secs(2), "refused after {took:?}");
    assert!(files(&public) == before, "the published site changed");

    // in English, and `check` says the same
    let p = site.join("site.toml");
    let toml = fs::read_to_string(&p).unwrap();
    fs::write(&p, toml.replace("language = \"id\"", "language = \"en\"")).unwrap();
    let o = common::salur_check(&site);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "data/realisasi.csv: this file is 954 MB (1,000,000,000 bytes), over the limit of \
             512 MB per file: salur reads a file whole into memory and keeps each of its rows, \
             about 2× the file's size; if this computer has the memory, raise the limit in \
             site.toml, e.g. batas_berkas_mb = 1024"
        ),
        "{stderr}"
    );
}

#[test]
fn batas_berkas_mb_sets_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    // 3 MB and a byte, against a limit of 3 MB: refused, 4 suggested
    sparse(&site, "data/realisasi.csv", (3 << 20) + 1);
    set_config(&site, "batas_berkas_mb = 3");
    let message = salur::load(&site).err().map(|e| e.to_string());
    let message = message.expect("refused");
    assert!(
        message.contains(
            "data/realisasi.csv: berkas ini 4 MB (3.145.729 byte), melebihi batas 3 MB per berkas"
        ) && message.contains("batas_berkas_mb = 4"),
        "{message}"
    );
    // raised above its size, the file is read (and its zeros are then no CSV)
    let p = site.join("site.toml");
    let toml = fs::read_to_string(&p).unwrap();
    fs::write(
        &p,
        toml.replace("batas_berkas_mb = 3", "batas_berkas_mb = 4"),
    )
    .unwrap();
    let message = salur::load(&site).err().map(|e| e.to_string());
    let message = message.expect("zeros are not a CSV");
    assert!(message.contains("data/realisasi.csv"), "{message}");
    assert!(!message.contains("batas"), "{message}");
}

#[test]
fn a_workbook_has_the_same_limit() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    fs::remove_file(site.join("data/realisasi.csv")).unwrap();
    sparse(&site, "data/realisasi.xlsx", (2 << 20) + 10);
    set_config(&site, "batas_berkas_mb = 2");
    let message = salur::load(&site).err().map(|e| e.to_string());
    let message = message.expect("refused");
    assert!(
        message
            .contains("data/realisasi.xlsx: berkas ini 3 MB (2.097.162 byte), melebihi batas 2 MB"),
        "{message}"
    );
}

#[test]
fn a_bad_limit_is_an_error_at_its_place() {
    for (line, want) in [
        (
            "batas_berkas_mb = 0",
            "site.toml:1:19: '0': batas_berkas_mb: batas ukuran satu berkas data dalam MB",
        ),
        (
            "batas_berkas_mb = -5",
            "site.toml:1:19: '-5': batas_berkas_mb: batas ukuran satu berkas data dalam MB",
        ),
        ("batas_berkas = 1024", "batas_berkas_mb"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let site = example_copy(dir.path());
        set_config(&site, line);
        let message = salur::load(&site).err().map(|e| e.to_string());
        let message = message.unwrap_or_else(|| panic!("{line}: accepted"));
        assert!(message.contains(want), "{line}: {message}");
    }
}

/// `batas_markdown_kb` (default 256 KB): a longer meeting note is refused from its size, and
/// read when the limit is raised above it; the sparse file's zeros are then not text.
#[test]
fn batas_markdown_kb_sets_the_limit_of_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let note = "content/rapat/2030-01-01-uji.md";
    sparse(&site, note, (256 << 10) + 1);
    let message = salur::load(&site).err().map(|e| e.to_string());
    let message = message.expect("refused");
    assert!(
        message.contains(&format!(
            "{note}: berkas Markdown ini 257 KB, melebihi batas 256 KB per halaman"
        )) && message.contains("batas_markdown_kb = 512"),
        "{message}"
    );
    set_config(&site, "batas_markdown_kb = 512");
    let message = salur::load(&site).err().map(|e| e.to_string());
    let message = message.expect("zeros are no note");
    assert!(message.contains(note), "{message}");
    assert!(!message.contains("batas_markdown_kb"), "{message}");
}
