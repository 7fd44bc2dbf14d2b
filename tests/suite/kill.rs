//! A build killed at any moment leaves the published site complete: the real `salur build`
//! is killed with SIGKILL at random moments of a build that changes, adds and removes pages,
//! and the published folder must then hold exactly the previous site or exactly the new one,
//! every time; the next build must give exactly what it is asked for and leave nothing beside
//! the folder. A second test stops the build at each step of the publish itself (a test hook
//! of debug builds: `SALUR_UJI_HENTI`), moments too narrow for a kill from outside to hit,
//! with the atomic exchange and with the two renames of systems without it.

use crate::common;
use common::edit;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use common::{example_copy, files};

type Snapshot = BTreeMap<String, Vec<u8>>;

/// The two tests time builds: one at a time.
static SATU: Mutex<()> = Mutex::new(());

/// `salur build --root site --output out`, quiet, without the test hooks unless added.
fn salur(site: &Path, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_salur"));
    c.arg("build")
        .arg("--root")
        .arg(site)
        .arg("--output")
        .arg(out)
        .env_remove("SALUR_UJI_HENTI")
        .env_remove("SALUR_UJI_TANPA_EXCHANGE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

fn build(site: &Path, out: &Path) {
    let status = salur(site, out).status().expect("salur runs");
    assert!(status.success(), "salur build failed: {status}");
}

/// What lies beside `public` other than itself, its manifest, its caches (suppression decisions, published figures) and its
/// spare (the previous site, kept for the next build).
fn leftovers(public: &Path) -> Vec<String> {
    let name = public.file_name().unwrap().to_string_lossy();
    let manifest = format!(".{name}.salur-manifest");
    let tembolok = format!(".{name}.salur-tembolok");
    let angka = format!(".{name}.salur-angka");
    let cadangan = format!(".{name}.salur-cadangan");
    fs::read_dir(public.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            *n != manifest
                && *n != tembolok
                && *n != angka
                && *n != cadangan
                && n.as_str() != public.file_name().unwrap()
        })
        .collect()
}

/// How `got` differs from `want`: the first few missing, extra and differing files.
fn differences(got: &Snapshot, want: &Snapshot) -> String {
    let missing: Vec<_> = want
        .keys()
        .filter(|k| !got.contains_key(*k))
        .take(3)
        .collect();
    let extra: Vec<_> = got
        .keys()
        .filter(|k| !want.contains_key(*k))
        .take(3)
        .collect();
    let differ: Vec<_> = got
        .iter()
        .filter(|(k, v)| want.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .take(3)
        .collect();
    format!("missing {missing:?}, extra {extra:?}, different {differ:?}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keadaan {
    Lama,
    Baru,
}

/// Whether `public` holds exactly `lama` or exactly `baru`; panics with the differences
/// otherwise.
fn keadaan(public: &Path, lama: &Snapshot, baru: &Snapshot, what: &str) -> Keadaan {
    assert!(public.is_dir(), "{what}: {} is missing", public.display());
    let got = files(public);
    if got == *lama {
        Keadaan::Lama
    } else if got == *baru {
        Keadaan::Baru
    } else {
        panic!(
            "{what}: the published folder is neither the previous site ({}) nor the new one ({})",
            differences(&got, lama),
            differences(&got, baru)
        )
    }
}

/// The change from A to B: a realisation count (many pages change), a desa's rows removed
/// from every file (its page goes), a meeting note added and another removed.
fn ubah(site: &Path) {
    // another site (its own address): neither build's history of corrections compares with
    // what the other left, so A over B is always A's bytes (`data::koreksi::situs_sama`)
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
    for e in fs::read_dir(site.join("data")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "csv") {
            let text = fs::read_to_string(&p).unwrap();
            let kept: String = text
                .lines()
                .filter(|l| !l.contains("62.03.17.1001"))
                .map(|l| format!("{l}\n"))
                .collect();
            fs::write(&p, kept).unwrap();
        }
    }
    let rapat = site.join("content/rapat");
    let note = fs::read_to_string(rapat.join("2023-09-07-studi-banding-dprd-tuban.md")).unwrap();
    let note = note
        .replacen(
            "judul = \"Studi banding",
            "judul = \"Evaluasi lanjutan studi banding",
            1,
        )
        .replacen("tanggal = 2023-09-07", "tanggal = 2023-10-02", 1);
    fs::write(rapat.join("2023-10-02-evaluasi-lanjutan.md"), note).unwrap();
    fs::remove_file(rapat.join("2022-01-06-rekonsiliasi-dinsos-bri-kukar.md")).unwrap();
}

#[test]
fn a_build_killed_at_random_moments_leaves_the_site_complete() {
    let _satu = SATU.lock().unwrap_or_else(|e| e.into_inner());
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let site_a = example_copy(&dir.path().join("a"));
    let site_b = example_copy(&dir.path().join("b"));
    ubah(&site_b);
    let public = dir.path().join("out/public");
    // (A and B are two sites: a build of one over the other compares nothing, see `ubah`)
    build(&site_b, &public);
    let b = files(&public);
    build(&site_a, &public);
    let a = files(&public);
    // the change writes, adds and removes pages
    let changed = a
        .iter()
        .filter(|(k, v)| b.get(*k).is_some_and(|w| w != *v))
        .count();
    let added = b.keys().filter(|k| !a.contains_key(*k)).count();
    let removed = a.keys().filter(|k| !b.contains_key(*k)).count();
    assert!(
        changed >= 20 && added >= 1 && removed >= 2,
        "{changed} changed, {added} added, {removed} removed"
    );

    // how long the build to be killed takes (B over A), from start to exit, and its last
    // stage, the publish (`--timings`)
    let (mut durations, mut publish) = (Vec::new(), Duration::ZERO);
    for _ in 0..2 {
        let t = Instant::now();
        let out = salur(&site_b, &public)
            .arg("--timings")
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        durations.push(t.elapsed());
        assert!(out.status.success());
        publish = publish.max(output_stage(&String::from_utf8_lossy(&out.stderr)));
        assert_eq!(keadaan(&public, &a, &b, "timed build"), Keadaan::Baru);
        build(&site_a, &public);
        assert_eq!(keadaan(&public, &a, &b, "restored"), Keadaan::Lama);
    }
    // the shorter of the two: a build slowed by the machine's other work once would put the
    // kills after most builds' end
    let mut duration = durations.iter().copied().min().unwrap_or_default();

    // two kills in three anywhere in [0, 1.1 × the build's duration]; every third one in
    // the publish at its end (a few per cent of the build, which uniform draws would
    // seldom hit): [duration − 3 × publish − 20 ms, duration + publish]
    // At least 24 kills, and more (up to 48) until 15 have landed while the build ran: the
    // timed builds may have run while the machine was busier than it is now, and a kill
    // after the build's end tests less. Each build found finished shortens the estimate.
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut kills = 0;
    let (mut during, mut finished, mut left_a, mut left_b) = (0, 0, 0, 0);
    while kills < 24 || (during < 15 && kills < 48) {
        let i = kills;
        kills += 1;
        let late_from = duration
            .saturating_sub(publish * 3 + Duration::from_millis(20))
            .as_secs_f64();
        let late_to = (duration + publish).as_secs_f64();
        let delay = if i % 3 == 2 {
            Duration::from_secs_f64(rng.random_range(late_from..late_to))
        } else {
            duration.mul_f64(rng.random_range(0.0..1.1))
        };
        let mut child = salur(&site_b, &public).spawn().expect("salur starts");
        std::thread::sleep(delay);
        // SIGKILL; a child that has exited but was not waited for is still there to kill
        let _ = child.kill();
        let status = child.wait().unwrap();
        let what = format!("kill {i} after {delay:?}");
        let state = keadaan(&public, &a, &b, &what);
        if status.signal() == Some(libc::SIGKILL) {
            during += 1;
            match state {
                Keadaan::Lama => left_a += 1,
                Keadaan::Baru => left_b += 1,
            }
        } else {
            assert!(status.success(), "{what}: {status}");
            assert_eq!(
                state,
                Keadaan::Baru,
                "{what}: finished, yet not the new site"
            );
            finished += 1;
            duration = duration.mul_f64(0.9);
        }
        // the next build of A gives exactly A and removes what the killed one left
        build(&site_a, &public);
        assert_eq!(keadaan(&public, &a, &b, &what), Keadaan::Lama, "{what}");
        assert_eq!(leftovers(&public), Vec::<String>::new(), "{what}");
    }
    // one uninterrupted build gives exactly B
    build(&site_b, &public);
    assert!(
        files(&public) == b,
        "after the kills: {}",
        differences(&files(&public), &b)
    );
    assert_eq!(leftovers(&public), Vec::<String>::new());
    common::figure(&format!(
        "kills: {kills} (during build: {during}, left previous site: {left_a}, left new \
         site: {left_b}; build finished before the kill: {finished}), site complete and \
         byte-identical after every kill; one build {:.2} s ({} files: {changed} changed, \
         {added} added, {removed} removed); test {:.1} s",
        duration.as_secs_f64(),
        b.len(),
        started.elapsed().as_secs_f64()
    ));
    assert!(
        during >= 15,
        "only {during} of {kills} kills landed while the build ran (one build: {duration:?})"
    );
}

/// The seconds of the `output` stage in `salur build --timings`'s report.
fn output_stage(stderr: &str) -> Duration {
    stderr
        .lines()
        .find_map(|l| {
            let rest = l.trim_start().strip_prefix("output")?;
            rest.trim().strip_suffix(" s")?.trim().parse::<f64>().ok()
        })
        .map_or(Duration::ZERO, Duration::from_secs_f64)
}

#[test]
fn a_build_stopped_at_each_step_of_the_publish_leaves_the_site_complete() {
    if !cfg!(debug_assertions) {
        // the hooks exist in debug builds only
        return;
    }
    let _satu = SATU.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    // C is A with one file more and every other byte the same: a build of A over C only
    // removes a file, one of C over A only adds one, the cases where a stale manifest would
    // vouch for the wrong site
    let site_a = example_copy(&dir.path().join("a"));
    let site_c = example_copy(&dir.path().join("c"));
    fs::write(
        site_c.join("themes/default/static/tambahan.txt"),
        "satu berkas lagi\n",
    )
    .unwrap();
    let public = dir.path().join("out/public");
    build(&site_c, &public);
    let c = files(&public);
    build(&site_a, &public);
    let a = files(&public);
    assert_eq!(c.len(), a.len() + 1);

    let old = dir.path().join("out/.public.old");
    let mut stopped = 0;
    let points: &[(&str, bool)] = &[
        ("tertaut", false),
        ("manifest-sementara", false),
        ("tertukar", false),
        ("manifest", false),
        ("rename-1", true),
        ("rename-2", true),
        ("tertukar", true),
    ];
    for &(point, tanpa_exchange) in points {
        // from → to, stopped at `point`, then a build of `next`; each starts where the last
        // ended, from A and back to A: an interrupted addition undone, an interrupted
        // addition finished, an interrupted removal finished
        let steps = [
            (&site_a, &a, &site_c, &c, &site_a, &a),
            (&site_a, &a, &site_c, &c, &site_c, &c),
            (&site_c, &c, &site_a, &a, &site_a, &a),
        ];
        for (from_site, from, to_site, to, next_site, next) in steps {
            let what = format!(
                "{} → {} stopped at {point}{}, then {}",
                if from_site == &site_a { "A" } else { "C" },
                if to_site == &site_a { "A" } else { "C" },
                if tanpa_exchange { " (renames)" } else { "" },
                if next_site == &site_a { "A" } else { "C" },
            );
            assert!(
                files(&public) == *from,
                "{what}: not starting from the site"
            );
            let mut cmd = salur(to_site, &public);
            cmd.env("SALUR_UJI_HENTI", point);
            if tanpa_exchange {
                cmd.env("SALUR_UJI_TANPA_EXCHANGE", "1");
            }
            let status = cmd.status().unwrap();
            assert_eq!(status.signal(), Some(libc::SIGKILL), "{what}: not stopped");
            stopped += 1;
            if point == "rename-1" {
                // between the two renames there is no published folder for a moment: the
                // previous site lies complete beside it, and the next build puts it back
                assert!(!public.exists(), "{what}");
                assert!(
                    files(&old) == *from,
                    "{what}: the parked site is not complete"
                );
            } else {
                let state = keadaan(&public, from, to, &what);
                let expected = match point {
                    "tertaut" | "manifest-sementara" => Keadaan::Lama,
                    _ => Keadaan::Baru,
                };
                assert_eq!(state, expected, "{what}");
            }
            build(next_site, &public);
            let got = files(&public);
            assert!(got == *next, "{what}: {}", differences(&got, next));
            assert_eq!(leftovers(&public), Vec::<String>::new(), "{what}");
        }
    }
    common::figure(&format!(
        "publish stopped at {stopped} points, site complete after every one"
    ));
}
