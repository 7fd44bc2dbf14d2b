//! Builds at the same time into one folder (`serentak`: at once): the real `salur build`, two
//! processes of *different* sites started together into one output folder, again and again for
//! about 30 seconds; a build with nothing to do started while another build runs; and `salur
//! serve` rebuilding its preview while `salur build --output .salur/serve` writes there.
//!
//! Every time, the published folder must hold exactly one whole site (byte-identical to one of
//! the sites built alone), and every exit status must be true: a build that says it published
//! did (the folder holds its site, unless a build that finished after it published its own),
//! and one refused because another build was running (`--wait 0`) touched nothing. Nothing
//! may be left beside the folder (no lock file, no staging folder).

use crate::common;
use common::edit;

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use common::{example_copy, files};

type Snapshot = BTreeMap<String, Vec<u8>>;

/// The tests time builds against each other: one at a time.
static SATU: Mutex<()> = Mutex::new(());

/// How long the pairs of builds run, at most (each pair takes a few seconds).
const ANGGARAN: Duration = Duration::from_secs(30);

/// `salur build --root site --output out` with the given extra arguments, quiet on stdout.
fn salur(site: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_salur"));
    c.arg("build")
        .arg("--root")
        .arg(site)
        .arg("--output")
        .arg(out)
        .args(extra)
        .env_remove("SALUR_UJI_HENTI")
        .env_remove("SALUR_UJI_TANPA_EXCHANGE")
        .env_remove("SALUR_UJI_GAGAL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn build(site: &Path, out: &Path) {
    let o = salur(site, out, &[]).output().expect("salur runs");
    assert!(
        o.status.success(),
        "salur build failed: {}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
}

/// B, from a copy of the example: another site (its own address: a publication of another
/// site is not a correction of this one's, so neither build compares figures with what the
/// other left, see `data::koreksi::situs_sama`), a realisation count (many pages change), a
/// meeting note removed (a page goes), a file added to the theme's static files (a file comes).
fn ubah(site: &Path) {
    edit(
        &site.join("site.toml"),
        "base_url = \"https://salur.example.org/\"",
        "base_url = \"https://lain.example.org/\"",
    );
    edit(
        &site.join("data/realisasi.csv"),
        "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,2021-07-27,tersalur,,70",
        "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,2021-07-27,tersalur,,69",
    );
    fs::remove_file(site.join("content/rapat/2022-01-06-rekonsiliasi-dinsos-bri-kukar.md"))
        .unwrap();
    fs::write(
        site.join("themes/default/static/tambahan.txt"),
        "satu berkas lagi\n",
    )
    .unwrap();
}

/// What lies beside `public` other than itself, its manifest, its caches (and the
/// sites).
fn leftovers(public: &Path) -> Vec<String> {
    let name = public.file_name().unwrap().to_string_lossy().into_owned();
    let manifest = format!(".{name}.salur-manifest");
    let tembolok = format!(".{name}.salur-tembolok");
    let angka = format!(".{name}.salur-angka");
    let cadangan = format!(".{name}.salur-cadangan");
    let mut out: Vec<String> = fs::read_dir(public.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| *n != manifest && *n != tembolok && *n != angka && *n != cadangan && *n != name)
        .collect();
    out.sort();
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Situs {
    A,
    B,
}

/// Which of the two sites `public` holds, whole; panics with the differences otherwise.
fn situs(public: &Path, a: &Snapshot, b: &Snapshot, what: &str) -> Situs {
    let got = files(public);
    if got == *a {
        Situs::A
    } else if got == *b {
        Situs::B
    } else {
        let beda = |want: &Snapshot| {
            let missing = want.keys().filter(|k| !got.contains_key(*k)).count();
            let extra = got.keys().filter(|k| !want.contains_key(*k)).count();
            let differ = got
                .iter()
                .filter(|(k, v)| want.get(*k).is_some_and(|w| w != *v))
                .map(|(k, _)| k.as_str())
                .take(3)
                .collect::<Vec<_>>();
            format!("{missing} missing, {extra} extra, different: {differ:?}")
        };
        panic!(
            "{what}: the folder holds a mix, neither A ({}) nor B ({})",
            beda(a),
            beda(b)
        )
    }
}

/// How a build ended, from its exit status and what it said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Akhir {
    /// Exit 0, with its summary line.
    Terbit,
    /// Exit 1, saying that another build is writing to the folder.
    Ditolak,
}

fn akhir(o: &Output, what: &str) -> Akhir {
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    match o.status.code() {
        Some(0) => {
            assert!(
                stdout.contains(" berkas: ") && stdout.contains(" ditulis, "),
                "{what}: exit 0 without a summary: {stdout}"
            );
            Akhir::Terbit
        }
        Some(1) => {
            assert!(
                stderr.contains("sedang menulis ke folder ini")
                    && stderr.contains("build ini tidak menyentuh apa pun")
                    && stderr.contains("Tidak ada berkas yang ditulis"),
                "{what}: exit 1 for another reason: {stderr}"
            );
            Akhir::Ditolak
        }
        _ => panic!("{what}: {}\n{stderr}", o.status),
    }
}

/// Waits for a child that was given a pipe for stdout and stderr.
fn tunggu(child: Child) -> Output {
    child.wait_with_output().expect("salur ends")
}

#[test]
fn two_builds_of_different_sites_into_one_folder_publish_one_whole_site() {
    let _satu = SATU.lock().unwrap_or_else(|e| e.into_inner());
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let site_a = example_copy(&dir.path().join("a"));
    let site_b = example_copy(&dir.path().join("b"));
    ubah(&site_b);
    let alone_a = dir.path().join("alone-a/public");
    let alone_b = dir.path().join("alone-b/public");
    build(&site_a, &alone_a);
    build(&site_b, &alone_b);
    let (a, b) = (files(&alone_a), files(&alone_b));
    assert_ne!(a, b);
    let public = dir.path().join("out/public");
    build(&site_a, &public);

    let mut rng = ChaCha8Rng::seed_from_u64(20);
    let (mut pairs, mut waited, mut refused, mut both) = (0, 0, 0, 0);
    let (mut ended_a, mut ended_b) = (0, 0);
    while started.elapsed() < ANGGARAN || pairs < 4 {
        // half of the pairs wait for each other (the default), half refuse at once
        let refuse = pairs % 2 == 1;
        let extra: &[&str] = if refuse { &["--wait", "0"] } else { &[] };
        // either may start first, a moment apart or at once
        let (first, second) = if rng.random_bool(0.5) {
            ((&site_a, Situs::A), (&site_b, Situs::B))
        } else {
            ((&site_b, Situs::B), (&site_a, Situs::A))
        };
        let before = situs(&public, &a, &b, "before the pair");
        let p1 = salur(first.0, &public, extra).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(rng.random_range(0..300)));
        let p2 = salur(second.0, &public, extra).spawn().unwrap();
        let (o1, o2) = (tunggu(p1), tunggu(p2));
        let what = format!(
            "pair {pairs}: {:?} then {:?}{}",
            first.1,
            second.1,
            if refuse { ", --wait 0" } else { "" }
        );
        let (e1, e2) = (akhir(&o1, &what), akhir(&o2, &what));
        let now = situs(&public, &a, &b, &what);
        match (e1, e2) {
            (Akhir::Terbit, Akhir::Terbit) => {
                both += 1;
                // both published, one after the other: the folder holds one of them whole;
                // a build that waited published after the one it waited for
                let w1 = String::from_utf8_lossy(&o1.stderr).contains("menunggu sampai");
                let w2 = String::from_utf8_lossy(&o2.stderr).contains("menunggu sampai");
                assert!(!(w1 && w2), "{what}: both waited for each other");
                if w2 {
                    waited += 1;
                    assert_eq!(
                        now, second.1,
                        "{what}: the build that waited published first"
                    );
                } else if w1 {
                    waited += 1;
                    assert_eq!(
                        now, first.1,
                        "{what}: the build that waited published first"
                    );
                }
                assert!(!refuse || !(w1 || w2), "{what}: waited despite --wait 0");
            }
            (Akhir::Terbit, Akhir::Ditolak) => {
                refused += 1;
                assert_eq!(
                    now, first.1,
                    "{what}: the refused build's site is published"
                );
            }
            (Akhir::Ditolak, Akhir::Terbit) => {
                refused += 1;
                assert_eq!(
                    now, second.1,
                    "{what}: the refused build's site is published"
                );
            }
            (Akhir::Ditolak, Akhir::Ditolak) => {
                panic!("{what}: both refused, and the folder still holds {before:?}")
            }
        }
        assert!(
            refuse || (e1, e2) == (Akhir::Terbit, Akhir::Terbit),
            "{what}: refused without --wait 0"
        );
        assert_eq!(leftovers(&public), Vec::<String>::new(), "{what}");
        match now {
            Situs::A => ended_a += 1,
            Situs::B => ended_b += 1,
        }
        pairs += 1;
    }
    assert!(
        waited >= 1 && refused >= 1,
        "the builds never met: {pairs} pairs, {waited} waited, {refused} refused"
    );
    common::figure(&format!(
        "concurrent builds: {pairs} pairs of different sites into one folder ({both} both \
         published, {waited} of them after waiting for the other; {refused} refused with \
         --wait 0), one whole site every time (A {ended_a}, B {ended_b}), every exit status \
         true, nothing left beside the folder; test {:.1} s",
        started.elapsed().as_secs_f64()
    ));
}

#[test]
fn a_build_with_nothing_to_do_never_touches_a_running_build() {
    let _satu = SATU.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let site_a = example_copy(&dir.path().join("a"));
    let site_b = example_copy(&dir.path().join("b"));
    ubah(&site_b);
    let alone_b = dir.path().join("alone-b/public");
    build(&site_b, &alone_b);
    let b = files(&alone_b);
    let public = dir.path().join("out/public");
    build(&site_a, &public);
    let a = files(&public);
    // A again: nothing to do
    let o = salur(&site_a, &public, &[]).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains(" 0 ditulis, "));

    let mut rng = ChaCha8Rng::seed_from_u64(21);
    for i in 0..6 {
        // B runs (a full build of other inputs); meanwhile A, which had nothing to do
        build(&site_a, &public);
        let refuse = i % 2 == 1;
        let extra: &[&str] = if refuse { &["--wait", "0"] } else { &[] };
        let running = salur(&site_b, &public, &[]).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(rng.random_range(50..600)));
        let idle = salur(&site_a, &public, extra).output().unwrap();
        let running = tunggu(running);
        let what = format!("round {i}{}", if refuse { ", --wait 0" } else { "" });
        // the running build is never hurt (its staging folder removed under it)
        assert_eq!(
            akhir(&running, &what),
            Akhir::Terbit,
            "{what}: {}",
            String::from_utf8_lossy(&running.stderr)
        );
        let now = situs(&public, &a, &b, &what);
        match akhir(&idle, &what) {
            // it waited, then found B published: A is built again, after B
            Akhir::Terbit => {
                let waited = String::from_utf8_lossy(&idle.stderr).contains("menunggu sampai");
                if waited {
                    assert_eq!(now, Situs::A, "{what}");
                    assert!(
                        !String::from_utf8_lossy(&idle.stdout).contains(" 0 ditulis, "),
                        "{what}: after waiting, it kept B's files as A's"
                    );
                }
            }
            Akhir::Ditolak => assert_eq!(now, Situs::B, "{what}"),
        }
        assert_eq!(leftovers(&public), Vec::<String>::new(), "{what}");
    }
}

/// The running `salur serve`, killed when dropped.
struct Serve {
    child: Child,
    stdout: mpsc::Receiver<String>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(site: &Path, log: &Path) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_salur"))
            .arg("serve")
            .arg("--root")
            .arg(site)
            .arg("--port")
            .arg("0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(fs::File::create(log).unwrap())
            .spawn()
            .expect("salur serve starts");
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Serve { child, stdout: rx }
    }

    /// The next line that `want` accepts, within `limit`; panics with what was seen otherwise.
    fn tunggu(&self, limit: Duration, want: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + limit;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.stdout.recv_timeout(left) {
                Ok(line) if want(&line) => return line,
                Ok(line) => seen.push(line),
                Err(_) => break,
            }
        }
        panic!("not seen within {limit:?}; stdout:\n{}", seen.join("\n"));
    }
}

#[test]
fn serve_and_a_build_into_its_folder_never_break_each_other() {
    let _satu = SATU.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let site_a = example_copy(&dir.path().join("a"));
    let site_b = example_copy(&dir.path().join("b"));
    ubah(&site_b);
    let alone_b = dir.path().join("alone-b/public");
    build(&site_b, &alone_b);
    let b = files(&alone_b);

    let log = dir.path().join("serve.stderr");
    let serve = Serve::start(&site_a, &log);
    let built = |line: &str| line.contains(" berkas: ") || line.starts_with("Build gagal");
    let first = serve.tunggu(Duration::from_secs(120), built);
    assert!(first.contains(" berkas: "), "{first}");
    serve.tunggu(Duration::from_secs(30), |l| l.starts_with("Pratinjau: "));
    let preview: PathBuf = site_a.join(".salur/serve");
    // the preview of A, with its own address as base_url
    let a = files(&preview);
    assert!(!a.is_empty());

    let mut rng = ChaCha8Rng::seed_from_u64(22);
    for i in 0..4 {
        // what serve said so far is done with: the lines below are this round's
        while serve.stdout.try_recv().is_ok() {}
        // an edit of A (a comment in site.toml: a rebuild that writes A's bytes) and a build
        // of B into the preview folder, at about the same time
        let toml = site_a.join("site.toml");
        let mut text = fs::read_to_string(&toml).unwrap();
        text.push_str(&format!("# suntingan {i}\n"));
        fs::write(&toml, text).unwrap();
        std::thread::sleep(Duration::from_millis(rng.random_range(0..500)));
        let o = salur(&site_b, &preview, &[]).output().unwrap();
        let what = format!("round {i}");
        assert_eq!(akhir(&o, &what), Akhir::Terbit, "{what}");
        // the preview's rebuild after the edit
        let line = serve.tunggu(Duration::from_secs(120), built);
        assert!(
            line.contains(" berkas: "),
            "{what}: the preview's rebuild failed: {line}\n{}",
            fs::read_to_string(&log).unwrap_or_default()
        );
        // whichever published last, the folder holds one whole site; and the preview, which
        // notices another build's publish, ends with A, and nothing is left beside it
        kembali_ke_a(&preview, &a, &b, &what);
    }
    // and the preview builds A once more, whole, over whatever was there
    while serve.stdout.try_recv().is_ok() {}
    let toml = site_a.join("site.toml");
    let mut text = fs::read_to_string(&toml).unwrap();
    text.push_str("# akhir\n");
    fs::write(&toml, text).unwrap();
    let line = serve.tunggu(Duration::from_secs(120), built);
    assert!(line.contains(" berkas: "), "{line}");
    kembali_ke_a(&preview, &a, &b, "last");
}

/// Waits (at most four minutes) until the preview folder holds A again with nothing beside it:
/// serve's own site, once it has noticed that B was published there and built A again. Each
/// look at the folder while no build holds its lock (nothing beside it, before and after the
/// look) must find one whole site, A or B.
fn kembali_ke_a(preview: &Path, a: &Snapshot, b: &Snapshot, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(240);
    loop {
        if leftovers(preview).is_empty() {
            let got = files(preview);
            if leftovers(preview).is_empty() {
                if got == *a {
                    return;
                }
                assert_eq!(situs(preview, a, b, what), Situs::B, "{what}");
            }
        }
        assert!(
            Instant::now() < deadline,
            "{what}: the preview did not build A again; beside it: {:?}",
            leftovers(preview)
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
