//! What a build reads and where it may publish, and what it says when it ends (`terbit`:
//! published): symbolic links in `data/` and `content/` (followed inside the site folder, into
//! the inputs' fingerprint; refused when they lead outside it), an output folder inside an
//! input folder, a closed standard output or error (no panic, ever), the syncs before and
//! after the exchange (seen with strace where it is installed), and a fault after the publish
//! (exit 3, saying the new site is live).

#![cfg(unix)]

use crate::common;
use common::edit;

use std::fs;
use std::os::unix::fs::symlink;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};

use salur::lang::Lang;
use salur::{BuildOptions, Error};

use common::{example_copy, files};

fn options(site: &Path, out: &Path) -> BuildOptions {
    BuildOptions {
        root: site.to_path_buf(),
        output: Some(out.to_path_buf()),
        base_url: None,
    }
}

fn salur() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_salur"));
    c.env_remove("SALUR_UJI_HENTI")
        .env_remove("SALUR_UJI_TANPA_EXCHANGE")
        .env_remove("SALUR_UJI_GAGAL")
        .env_remove("CI")
        .stdin(Stdio::null());
    c
}

/// The messages of an input error, in both languages.
fn messages(e: &Error) -> (Vec<String>, Vec<String>) {
    match e {
        Error::Input { diagnostics, .. } => (
            diagnostics
                .items()
                .iter()
                .map(|d| d.message(Lang::Id))
                .collect(),
            diagnostics
                .items()
                .iter()
                .map(|d| d.message(Lang::En))
                .collect(),
        ),
        other => panic!("expected an input error, got {other}"),
    }
}

#[test]
fn a_data_file_linked_inside_the_site_is_read_and_its_edits_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    // the realisation table kept in another folder of the site, linked into data/
    fs::create_dir_all(site.join("arsip")).unwrap();
    fs::rename(
        site.join("data/realisasi.csv"),
        site.join("arsip/realisasi.csv"),
    )
    .unwrap();
    symlink("../arsip/realisasi.csv", site.join("data/realisasi.csv")).unwrap();
    let out = dir.path().join("public");
    let first = salur::build(&options(&site, &out)).expect("a link inside the site is read");
    assert!(first.output.ditulis > 100);
    // the same bytes as the plain file give the same site
    let plain = dir.path().join("plain");
    let plain_site = example_copy(&plain);
    let plain_out = plain.join("public");
    salur::build(&options(&plain_site, &plain_out)).unwrap();
    assert!(
        files(&out) == files(&plain_out),
        "the linked file was not read as such"
    );

    // an edit of the target, through nothing but the target: rebuilt (it was "0 ditulis")
    edit(
        &site.join("arsip/realisasi.csv"),
        "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,2021-07-27,tersalur,,70",
        "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,2021-07-27,tersalur,,69",
    );
    let again = salur::build(&options(&site, &out)).unwrap();
    assert!(
        again.output.ditulis > 0,
        "an edit of a linked file rebuilt nothing: {:?}",
        again.output
    );
    edit(
        &plain_site.join("data/realisasi.csv"),
        "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,2021-07-27,tersalur,,70",
        "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,2021-07-27,tersalur,,69",
    );
    salur::build(&options(&plain_site, &plain_out)).unwrap();
    assert!(
        files(&out) == files(&plain_out),
        "the edit of the linked file is not what was published"
    );
    // and nothing more to do after that
    let idle = salur::build(&options(&site, &out)).unwrap();
    assert_eq!(idle.output.ditulis, 0);
    assert_eq!(idle.timings.stages.len(), 1, "{:?}", idle.timings.stages);
}

#[test]
fn a_note_linked_inside_the_site_is_published_and_its_edits_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let note = "2023-09-07-studi-banding-dprd-tuban.md";
    fs::create_dir_all(site.join("notulen")).unwrap();
    fs::rename(
        site.join("content/rapat").join(note),
        site.join("notulen").join(note),
    )
    .unwrap();
    symlink(
        Path::new("../../notulen").join(note),
        site.join("content/rapat").join(note),
    )
    .unwrap();
    let out = dir.path().join("public");
    salur::build(&options(&site, &out)).unwrap();
    let page = out.join("rapat/2023-09-07-studi-banding-dprd-tuban.html");
    assert!(fs::read_to_string(&page).unwrap().contains("Studi banding"));
    edit(
        &site.join("notulen").join(note),
        "judul = \"Studi banding",
        "judul = \"Kunjungan studi banding",
    );
    let again = salur::build(&options(&site, &out)).unwrap();
    assert!(again.output.ditulis > 0, "{:?}", again.output);
    assert!(
        fs::read_to_string(&page)
            .unwrap()
            .contains("Kunjungan studi banding")
    );
}

/// How a case lays its link over a site copy.
type Lay<'a> = Box<dyn Fn(&Path) + 'a>;

#[test]
fn links_that_leave_the_site_folder_are_refused_naming_the_link_and_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let luar = dir.path().join("luar");
    fs::create_dir_all(&luar).unwrap();
    let rahasia = luar.join("catatan-pribadi.md");
    fs::write(
        &rahasia,
        "+++\njudul = \"Catatan pribadi\"\ntanggal = 2021-07-13\n+++\nJangan terbit.\n",
    )
    .unwrap();
    let rahasia = rahasia.canonicalize().unwrap();
    let cases: Vec<(&str, Lay, String)> = vec![
        (
            "a note linked from outside",
            Box::new(|site: &Path| {
                symlink(&rahasia, site.join("content/rapat/2021-07-14-pribadi.md")).unwrap()
            }),
            "content/rapat/2021-07-14-pribadi.md".to_string(),
        ),
        (
            "a page linked from outside",
            Box::new(|site: &Path| symlink(&rahasia, site.join("content/pribadi.md")).unwrap()),
            "content/pribadi.md".to_string(),
        ),
        (
            "a folder of notes linked from outside",
            Box::new(|site: &Path| symlink(&luar, site.join("content/rapat/arsip")).unwrap()),
            "content/rapat/arsip".to_string(),
        ),
        (
            "a data file linked from outside",
            Box::new(|site: &Path| {
                let target = luar.join("tahap.csv");
                fs::rename(site.join("data/tahap.csv"), &target).unwrap();
                symlink(&target, site.join("data/tahap.csv")).unwrap();
            }),
            "data/tahap.csv".to_string(),
        ),
    ];
    for (what, make, link) in cases {
        let case = tempfile::tempdir().unwrap();
        let site = example_copy(case.path());
        make(&site);
        let out = case.path().join("public");
        let e = salur::build(&options(&site, &out)).expect_err(what);
        let (id, en) = messages(&e);
        let target = fs::canonicalize(site.join(&link)).unwrap();
        let want_id = format!(
            "{link}: tautan simbolik ini menunjuk ke luar folder situs, ke {}",
            target.display()
        );
        let want_en = format!(
            "{link}: this symbolic link leads outside the site folder, to {}",
            target.display()
        );
        assert!(id.iter().any(|m| m.starts_with(&want_id)), "{what}: {id:?}");
        assert!(en.iter().any(|m| m.starts_with(&want_en)), "{what}: {en:?}");
        assert!(!out.exists(), "{what}: something was written");
        // `check` refuses it too
        assert!(salur::check(&site).is_err(), "{what}: check passed");
    }
}

#[test]
fn an_output_inside_an_input_folder_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    salur::build(&options(&site, &dir.path().join("public"))).unwrap();
    for (rel, folder) in [
        ("themes/default/static/public", "themes"),
        ("data/public", "data"),
        ("content/rapat/out", "content"),
        ("data", "data"),
    ] {
        let out = site.join(rel);
        let before = files(&site);
        let o = salur()
            .arg("build")
            .arg("--root")
            .arg(&site)
            .arg("--output")
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{rel}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "folder keluaran tidak boleh berada di dalam folder masukan {folder}/"
            )),
            "{rel}: {stderr}"
        );
        assert!(
            stderr.contains("Tidak ada berkas yang ditulis"),
            "{rel}: {stderr}"
        );
        assert!(files(&site) == before, "{rel}: the site folder changed");
        let hidden: Vec<_> = walkdir::WalkDir::new(&site)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".salur-"))
            .map(|e| e.path().display().to_string())
            .collect();
        assert_eq!(hidden, Vec::<String>::new(), "{rel}");
        // and in English
        match salur::build(&options(&site, &out)) {
            Err(Error::Output { source, .. }) => assert!(
                source.message(Lang::En).contains(&format!(
                    "the output folder may not lie inside the input folder {folder}/"
                )),
                "{rel}"
            ),
            other => panic!("{rel}: {:?}", other.map(|s| s.output)),
        }
    }
    // a file of the site as the output
    let o = salur()
        .arg("build")
        .arg("--root")
        .arg(&site)
        .arg("--output")
        .arg(site.join("site.toml"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("keluaran ini sebuah berkas, bukan folder")
    );
    assert!(site.join("site.toml").is_file());
}

/// Runs `salur args…` with the end of the pipe named (`stdout` or `stderr`) closed before it
/// writes; returns its exit status and what it wrote to the other.
fn with_closed(args: &[&str], closed: &str) -> (std::process::ExitStatus, String) {
    let mut c = salur();
    c.args(args);
    let log = tempfile::NamedTempFile::new().unwrap();
    if closed == "stdout" {
        c.stdout(Stdio::piped()).stderr(log.reopen().unwrap());
    } else {
        c.stderr(Stdio::piped()).stdout(log.reopen().unwrap());
    }
    let mut child = c.spawn().unwrap();
    // the reading end closed at once: every write gets EPIPE
    drop(child.stdout.take());
    drop(child.stderr.take());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!(
                "salur {} did not end with its {closed} closed",
                args.join(" ")
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    (status, fs::read_to_string(log.path()).unwrap_or_default())
}

#[test]
fn a_closed_output_never_makes_salur_panic() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let root = site.to_string_lossy().into_owned();
    let out = dir.path().join("public").to_string_lossy().into_owned();
    let missing = dir.path().join("tidak-ada").to_string_lossy().into_owned();
    let runs: Vec<(Vec<&str>, &str)> = vec![
        (vec!["check", "--format", "json", "--root", &root], "stdout"),
        (
            vec!["check", "--format", "github", "--root", &root],
            "stdout",
        ),
        (vec!["check", "--root", &root], "stdout"),
        (vec!["check", "--root", &root], "stderr"),
        (vec!["build", "--root", &root, "--output", &out], "stdout"),
        (vec!["check", "--root", &missing], "stderr"),
        (
            vec!["jadwal", "usul", "--root", &root, "--output", "-"],
            "stdout",
        ),
        (vec!["--help"], "stdout"),
    ];
    for (args, closed) in runs {
        let (status, other) = with_closed(&args, closed);
        let what = format!("salur {} with {closed} closed", args.join(" "));
        assert!(!other.contains("panicked"), "{what}: {other}");
        assert_ne!(status.code(), Some(101), "{what}: {other}");
        // quietly, as a closed pipe ends any tool: by SIGPIPE (or done before writing)
        assert!(
            status.signal() == Some(libc::SIGPIPE) || status.code().is_some_and(|c| c <= 1),
            "{what}: {status}"
        );
    }
    // `salur check --format json | head -c 1`, through a shell as the issue ran it
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' check --format json --root '{root}' | head -c 1",
            env!("CARGO_BIN_EXE_salur")
        ))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&o.stdout), "{");
}

#[test]
fn serve_ends_quietly_when_its_output_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let root = site.to_string_lossy().into_owned();
    let (status, stderr) = with_closed(&["serve", "--root", &root, "--port", "0"], "stdout");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.signal(), Some(libc::SIGPIPE), "{status}: {stderr}");
}

/// B over A in the example: a realisation count changed (many pages).
fn ubah(site: &Path) {
    edit(
        &site.join("data/realisasi.csv"),
        "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,2021-07-27,tersalur,,70",
        "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,2021-07-27,tersalur,,69",
    );
}

/// B of the fault test: another site (its own address), so that a build of A over B or of B
/// over A compares no figures with the other's (`data::koreksi::situs_sama`) and always gives
/// the same bytes; `kembali` makes it A again.
fn jadi_b(site: &Path) {
    ubah(site);
    edit(
        &site.join("site.toml"),
        "base_url = \"https://salur.example.org/\"",
        "base_url = \"https://lain.example.org/\"",
    );
}

fn kembali(site: &Path) {
    edit(
        &site.join("data/realisasi.csv"),
        "2021-07-27,tersalur,,69",
        "2021-07-27,tersalur,,70",
    );
    edit(
        &site.join("site.toml"),
        "base_url = \"https://lain.example.org/\"",
        "base_url = \"https://salur.example.org/\"",
    );
}

#[test]
fn a_fault_after_the_publish_exits_3_and_says_the_new_site_is_live() {
    if !cfg!(debug_assertions) {
        // the hook exists in debug builds only
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let out = dir.path().join("out/public");
    salur::build(&options(&site, &out)).unwrap();
    let before = files(&out);
    jadi_b(&site);
    for (titik, kata) in [("manifest", "manifest"), ("hapus-lama", "situs sebelumnya")] {
        let o = salur()
            .arg("build")
            .arg("--root")
            .arg(&site)
            .arg("--output")
            .arg(&out)
            .env("SALUR_UJI_GAGAL", titik)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(3), "{titik}: {stderr}");
        assert!(
            stderr.contains("Situs baru SUDAH TERBIT di "),
            "{titik}: {stderr}"
        );
        assert!(stderr.contains(kata), "{titik}: {stderr}");
        assert!(stderr.contains("build berikutnya"), "{titik}: {stderr}");
        assert!(
            !stderr.contains("Tidak ada berkas yang ditulis"),
            "{titik}: it says nothing was written: {stderr}"
        );
        // true: the new site is live
        let now = files(&out);
        assert!(now != before, "{titik}: the previous site is still there");
        // the next build mends what was left and has nothing to write
        let o = salur()
            .arg("build")
            .arg("--root")
            .arg(&site)
            .arg("--output")
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success(), "{titik}");
        assert!(
            String::from_utf8_lossy(&o.stdout).contains(" 0 ditulis, "),
            "{titik}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
        assert!(files(&out) == now);
        let mut beside: Vec<String> = fs::read_dir(out.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        beside.sort();
        // (and the previous site, kept as the spare for the next build)
        assert_eq!(
            beside,
            [
                ".public.salur-angka",
                ".public.salur-cadangan",
                ".public.salur-manifest",
                ".public.salur-tembolok",
                "public"
            ],
            "{titik}"
        );
        // back to A for the next step
        kembali(&site);
        salur::build(&options(&site, &out)).unwrap();
        assert!(files(&out) == before);
        jadi_b(&site);
    }
}

#[test]
fn the_staging_folder_is_synced_before_the_exchange_and_the_parent_after_strace() {
    // strace shows the system calls themselves; where it is missing (or may not trace), the
    // unit tests of src/output.rs still check the calls through their counting hook
    let works = Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !works {
        common::lewati(
            "the_staging_folder_is_synced_before_the_exchange_and_the_parent_after_strace",
            "SALUR_STRACE",
            "strace is not installed or may not trace",
            "apt-get install strace",
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let dir_path = dir.path().canonicalize().unwrap();
    let site = example_copy(&dir_path);
    let parent = dir_path.join("out");
    let out = parent.join("public");
    salur::build(&options(&site, &out)).unwrap();
    ubah(&site);
    let trace = dir_path.join("trace.txt");
    let o = Command::new("strace")
        .args([
            "-f",
            "-y",
            "-e",
            "trace=fsync,fdatasync,syncfs,renameat2,rename,renameat",
            "-o",
        ])
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_salur"))
        .arg("build")
        .arg("--root")
        .arg(&site)
        .arg("--output")
        .arg(&out)
        .env_remove("SALUR_UJI_TANPA_EXCHANGE")
        .env_remove("SALUR_UJI_GAGAL")
        .env_remove("SALUR_UJI_HENTI")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = fs::read_to_string(&trace).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let at = |pred: &dyn Fn(&str) -> bool| lines.iter().position(|l| pred(l));
    let exchange =
        at(&|l| l.contains("renameat2(") && l.contains("RENAME_EXCHANGE") && l.ends_with("= 0"))
            .unwrap_or_else(|| panic!("no exchange:\n{text}"));
    let staging = format!("{}/.public.staging-", parent.display());
    // the staging folder's file system synced before the exchange (or each file, without syncfs)
    let synced = at(&|l| {
        (l.contains("syncfs(") || l.contains("fsync("))
            && l.contains(&staging)
            && l.ends_with("= 0")
    })
    .unwrap_or_else(|| panic!("the staging folder was not synced:\n{text}"));
    assert!(synced < exchange, "{text}");
    // the manifest's file before the exchange
    let manifest = at(&|l| l.contains("fsync(") && l.contains(".public.salur-manifest.tmp>"))
        .unwrap_or_else(|| panic!("the manifest was not synced:\n{text}"));
    assert!(manifest < exchange, "{text}");
    // the parent folder right after it
    let parent_fd = format!("<{}>)", parent.display());
    let after = lines[exchange + 1..]
        .iter()
        .find(|l| l.contains("fsync(") || l.contains("syncfs("))
        .unwrap_or_else(|| panic!("nothing synced after the exchange:\n{text}"));
    assert!(after.contains(&parent_fd), "{after}\n{text}");
    common::figure(&format!(
        "durability (strace): {} sync calls in a publish; the staging folder and the manifest \
         synced before the exchange, the parent folder right after it",
        lines
            .iter()
            .filter(|l| l.contains("sync") && !l.contains("renameat"))
            .count()
    ));
}

/// Makes a named pipe (FIFO) at `path`.
fn fifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: mkfifo(3) with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// `salur::check(site)`, in a thread given two minutes: an input that makes it wait (a pipe
/// opened for reading, a device read to its end) fails the test instead of hanging it.
fn check_sebentar(site: &Path) -> Result<salur::CheckSummary, Error> {
    let site = site.to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(salur::check(&site));
    });
    rx.recv_timeout(std::time::Duration::from_secs(120))
        .expect("salur check never waits on a pipe or reads a device")
}

/// Every message of `e` in `lang`, whatever stage refused (inputs or theme).
fn semua_pesan(e: &Error, lang: Lang) -> Vec<String> {
    match e {
        Error::Input { diagnostics, .. } => diagnostics
            .items()
            .iter()
            .map(|d| d.message(lang))
            .collect(),
        Error::Render { source, .. } => vec![source.message(lang)],
        other => panic!("expected an input or theme error, got {other}"),
    }
}

#[test]
fn an_input_that_is_not_an_ordinary_file_is_refused_as_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    // (what, how the site copy is changed, message in Indonesian, in English: each the start of
    // a whole message line)
    type Case<'a> = (&'a str, Lay<'a>, String, String);
    let dangling = |site: &Path, rel: &str, target: &str| {
        fs::remove_file(site.join(rel)).unwrap();
        symlink(target, site.join(rel)).unwrap();
    };
    let putus = |rel: &str, target: &str| {
        (
            format!(
                "{rel}: tautan simbolik ini menunjuk ke {target}, yang tidak ada (dipindahkan \
                 atau dihapus?); perbaiki atau hapus tautan itu"
            ),
            format!(
                "{rel}: this symbolic link leads to {target}, which does not exist (moved or \
                 deleted?); fix or remove the link"
            ),
        )
    };
    let pipa = |rel: &str| {
        (
            format!("{rel}: ini sebuah pipa bernama (FIFO), bukan berkas biasa"),
            format!("{rel}: this is a named pipe (FIFO), not an ordinary file"),
        )
    };
    let luar = |rel: &str, target: &str| {
        (
            format!("{rel}: tautan simbolik ini menunjuk ke luar folder situs, ke {target}"),
            format!("{rel}: this symbolic link leads outside the site folder, to {target}"),
        )
    };
    let mut cases: Vec<Case> = Vec::new();
    let mut push = |what: &'static str, lay: Lay<'static>, (id, en): (String, String)| {
        cases.push((what, lay, id, en));
    };
    push(
        "realisasi.csv a link whose target was renamed",
        Box::new(move |site: &Path| {
            fs::create_dir_all(site.join("arsip")).unwrap();
            fs::rename(
                site.join("data/realisasi.csv"),
                site.join("arsip/realisasi-2021-lama.csv"),
            )
            .unwrap();
            symlink(
                "../arsip/realisasi-2021.csv",
                site.join("data/realisasi.csv"),
            )
            .unwrap();
        }),
        putus("data/realisasi.csv", "../arsip/realisasi-2021.csv"),
    );
    push(
        "realisasi.xlsx a broken link instead of the CSV",
        Box::new(move |site: &Path| {
            fs::remove_file(site.join("data/realisasi.csv")).unwrap();
            symlink("realisasi-hilang.xlsx", site.join("data/realisasi.xlsx")).unwrap();
        }),
        putus("data/realisasi.xlsx", "realisasi-hilang.xlsx"),
    );
    push(
        "wilayah.csv a named pipe",
        Box::new(move |site: &Path| {
            fs::remove_file(site.join("data/wilayah.csv")).unwrap();
            fifo(&site.join("data/wilayah.csv"));
        }),
        pipa("data/wilayah.csv"),
    );
    push(
        "realisasi.csv a link to /dev/null",
        Box::new(move |site: &Path| dangling(site, "data/realisasi.csv", "/dev/null")),
        luar("data/realisasi.csv", "/dev/null"),
    );
    push(
        "site.toml a link to /dev/zero",
        Box::new(move |site: &Path| dangling(site, "site.toml", "/dev/zero")),
        luar("site.toml", "/dev/zero"),
    );
    push(
        "site.toml a named pipe",
        Box::new(move |site: &Path| {
            fs::remove_file(site.join("site.toml")).unwrap();
            fifo(&site.join("site.toml"));
        }),
        pipa("site.toml"),
    );
    push(
        "site.toml a broken link",
        Box::new(move |site: &Path| dangling(site, "site.toml", "../bersama/site.toml")),
        putus("site.toml", "../bersama/site.toml"),
    );
    push(
        "data/ a broken link",
        Box::new(move |site: &Path| {
            fs::rename(site.join("data"), site.join("data-2021")).unwrap();
            symlink("data-2022", site.join("data")).unwrap();
        }),
        putus("data", "data-2022"),
    );
    push(
        "a note a broken link",
        Box::new(move |site: &Path| {
            symlink(
                "../../draf/2024-01-01-rakor.md",
                site.join("content/rapat/2024-01-01-rakor.md"),
            )
            .unwrap()
        }),
        putus(
            "content/rapat/2024-01-01-rakor.md",
            "../../draf/2024-01-01-rakor.md",
        ),
    );
    push(
        "content/rapat/ a broken link",
        Box::new(move |site: &Path| {
            fs::rename(site.join("content/rapat"), site.join("rapat-lama")).unwrap();
            symlink("../rapat-baru", site.join("content/rapat")).unwrap();
        }),
        putus("content/rapat", "../rapat-baru"),
    );
    push(
        "links in content/rapat/ that lead to each other",
        Box::new(move |site: &Path| {
            symlink("b", site.join("content/rapat/a")).unwrap();
            symlink("a", site.join("content/rapat/b")).unwrap();
        }),
        (
            "content/rapat/a: tautan simbolik ini (ke b) berputar: tautan-tautannya saling \
             menunjuk dan tidak pernah sampai ke berkas"
                .to_string(),
            "content/rapat/a: this symbolic link (to b) loops: its links lead to each other \
             and never reach a file"
                .to_string(),
        ),
    );
    push(
        "a page a named pipe",
        Box::new(move |site: &Path| fifo(&site.join("content/profil.md"))),
        pipa("content/profil.md"),
    );
    push(
        "a theme's static file a broken link",
        Box::new(move |site: &Path| {
            symlink(
                "../../../aset/logo.svg",
                site.join("themes/default/static/logo.svg"),
            )
            .unwrap()
        }),
        putus("themes/default/static/logo.svg", "../../../aset/logo.svg"),
    );
    push(
        "a theme's UI strings a named pipe",
        Box::new(move |site: &Path| {
            fs::remove_file(site.join("themes/default/i18n/id.toml")).unwrap();
            fifo(&site.join("themes/default/i18n/id.toml"));
        }),
        pipa("themes/default/i18n/id.toml"),
    );
    push(
        "a template a link to /dev/zero",
        Box::new(move |site: &Path| {
            symlink("/dev/zero", site.join("themes/default/templates/x.html")).unwrap()
        }),
        (
            "themes/default/templates/x.html: berkas tema ini menunjuk ke luar folder situs \
             (/dev/zero)"
                .to_string(),
            "themes/default/templates/x.html: this theme file resolves outside the site folder \
             (/dev/zero)"
                .to_string(),
        ),
    );
    // a device inside the site folder (making one needs root): never opened
    // SAFETY: geteuid(2) has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        push(
            "alokasi.csv a device inside the site folder",
            Box::new(move |site: &Path| {
                use std::os::unix::ffi::OsStrExt;
                let path = site.join("data/alokasi.csv");
                fs::remove_file(&path).unwrap();
                let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
                // the device /dev/zero is (1, 5): read, it would never end
                // SAFETY: mknod(2) with a valid path, mode and device number.
                let rc =
                    unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o644, libc::makedev(1, 5)) };
                assert_eq!(rc, 0, "mknod");
            }),
            (
                "data/alokasi.csv: ini sebuah perangkat (device), bukan berkas biasa; salur \
                 tidak pernah membaca perangkat"
                    .to_string(),
                "data/alokasi.csv: this is a device, not an ordinary file; salur never reads a \
                 device"
                    .to_string(),
            ),
        );
    }
    for (what, lay, want_id, want_en) in cases {
        let case = tempfile::tempdir_in(dir.path()).unwrap();
        let site = example_copy(case.path());
        lay(&site);
        let e = check_sebentar(&site).expect_err(what);
        let id = semua_pesan(&e, Lang::Id);
        let en = semua_pesan(&e, Lang::En);
        assert!(id.iter().any(|m| m.starts_with(&want_id)), "{what}: {id:?}");
        assert!(en.iter().any(|m| m.starts_with(&want_en)), "{what}: {en:?}");
        // never taken for a missing file
        assert!(
            !id.iter()
                .any(|m| m.contains("tidak ada") && m.contains("wajib")),
            "{what}: {id:?}"
        );
        // and a build publishes nothing (the example has 1627 files; without its payments
        // it published 1242)
        let out = case.path().join("public");
        let o = salur()
            .args(["build", "--root"])
            .arg(&site)
            .arg("--output")
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{what}: {stderr}");
        assert!(stderr.contains(&want_id), "{what}: {stderr}");
        assert!(!out.exists(), "{what}: something was published");
    }
}

#[test]
fn an_editor_lock_link_beside_a_note_is_left_alone() {
    // Emacs marks a file it edits with a broken link `.#<name>` beside it
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    symlink(
        "operator@laptop.4242:1700000000",
        site.join("content/rapat/.#2021-07-13-rakor-bansos-kota-pasuruan.md"),
    )
    .unwrap();
    let s = check_sebentar(&site).expect("an editor's lock link is no input");
    assert_eq!(s.warnings.error_count(), 0);
}

#[test]
fn a_file_name_in_data_that_is_not_utf8_is_named_masked() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let data = site.join("data");
    fs::write(
        data.join(std::ffi::OsStr::from_bytes(b"realisasi-\xff2020.csv")),
        "a,b\n",
    )
    .unwrap();
    let s = check_sebentar(&site).expect("an unknown file is a warning");
    let warnings: Vec<String> = s
        .warnings
        .items()
        .iter()
        .map(|d| d.message(Lang::En))
        .collect();
    assert!(
        warnings
            .iter()
            .any(|m| m.starts_with("data/realisasi-\u{FFFD}2020.csv: warning: salur does not read")),
        "{warnings:?}"
    );
    // a NIK in such a name: refused, masked
    fs::write(
        data.join(std::ffi::OsStr::from_bytes(b"3575010101900001\xfe.csv")),
        "a,b\n",
    )
    .unwrap();
    let e = check_sebentar(&site).expect_err("a NIK in a file name");
    let id = semua_pesan(&e, Lang::Id);
    assert!(
        id.iter()
            .any(|m| m.starts_with("data/3575**********01\u{FFFD}.csv: ")),
        "{id:?}"
    );
    assert!(!id.iter().any(|m| m.contains("3575010101900001")), "{id:?}");
}

/// Runs `salur args…` with standard output (`stdout`), standard error (`stderr`) or both
/// (`both`) writing to `/dev/full`, where every write fails with "No space left on device";
/// returns its exit status and what it wrote to the other stream.
fn ke_dev_full(args: &[&std::ffi::OsStr], full: &str) -> (Option<i32>, String) {
    let dev_full = || {
        Stdio::from(
            fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
    };
    let mut c = salur();
    c.args(args);
    match full {
        "stdout" => c.stdout(dev_full()).stderr(Stdio::piped()),
        "stderr" => c.stderr(dev_full()).stdout(Stdio::piped()),
        _ => c.stdout(dev_full()).stderr(dev_full()),
    };
    let o = c.output().unwrap();
    let other = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!other.contains("panicked"), "{args:?} {full}: {other}");
    assert_ne!(o.status.code(), Some(101), "{args:?} {full}: {other}");
    assert_eq!(o.status.signal(), None, "{args:?} {full}: {other}");
    (o.status.code(), other)
}

#[test]
fn a_full_output_never_makes_salur_panic_and_the_exit_status_tells_the_truth() {
    if !Path::new("/dev/full").exists() {
        common::lewati(
            "a_full_output_never_makes_salur_panic_and_the_exit_status_tells_the_truth",
            "SALUR_DEV_FULL",
            "no /dev/full on this system",
            "a Linux system (it has /dev/full)",
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let out = dir.path().join("public");
    let s = site.as_os_str();
    let o = out.as_os_str();
    let os = |t: &'static str| std::ffi::OsStr::new(t);
    // build: the site is published, whole; the summary is lost: 4, said on standard error
    let (code, stderr) = ke_dev_full(&[os("build"), os("--root"), s, os("--output"), o], "stdout");
    assert_eq!(code, Some(4), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "Situs baru SUDAH TERBIT di {}, utuh, tetapi laporannya tidak dapat ditulis ke \
             keluaran standar (stdout): ",
            out.display()
        )),
        "{stderr}"
    );
    assert!(out.join("index.html").is_file());
    assert_eq!(files(&out).len(), 1627);
    // again, with standard error full (the warnings are lost) and then both
    ubah(&site);
    let (code, stdout) = ke_dev_full(&[os("build"), os("--root"), s, os("--output"), o], "stderr");
    assert_eq!(code, Some(4), "{stdout}");
    assert!(stdout.contains("1627 berkas: "), "{stdout}");
    let (code, _) = ke_dev_full(&[os("build"), os("--root"), s, os("--output"), o], "both");
    assert_eq!(code, Some(4));
    // check: no errors, but the report is lost: not 0
    for format in ["text", "json", "github"] {
        let (code, stderr) = ke_dev_full(
            &[os("check"), os("--root"), s, os("--format"), os(format)],
            "stdout",
        );
        assert_eq!(code, Some(4), "check --format {format}: {stderr}");
        assert!(
            stderr.contains(
                "salur check tidak menemukan kesalahan, tetapi laporannya tidak dapat ditulis ke \
                 keluaran standar (stdout): "
            ),
            "check --format {format}: {stderr}"
        );
    }
    let (code, _) = ke_dev_full(&[os("check"), os("--root"), s], "stderr");
    assert_eq!(code, Some(4));
    // a refused input is still 1, whatever could be written of it
    fs::write(site.join("data/program.csv"), "kode,nama\n").unwrap();
    let (code, _) = ke_dev_full(&[os("check"), os("--root"), s], "both");
    assert_eq!(code, Some(1));
    let (code, _) = ke_dev_full(&[os("build"), os("--root"), s, os("--output"), o], "stderr");
    assert_eq!(code, Some(1));
    // the other commands
    let (code, _) = ke_dev_full(&[os("--help")], "stdout");
    assert_eq!(code, Some(4));
    let (code, _) = ke_dev_full(&[os("--version")], "stdout");
    assert_eq!(code, Some(4));
    let (code, _) = ke_dev_full(&[os("--no-such-option")], "stderr");
    assert_eq!(code, Some(2));
    let baru = dir.path().join("baru");
    let (code, stderr) = ke_dev_full(
        &[os("init"), baru.as_os_str(), os("--wilayah"), os("35.75")],
        "stdout",
    );
    assert_eq!(code, Some(4), "{stderr}");
    assert!(baru.join("site.toml").is_file());
    let (code, _) = ke_dev_full(
        &[
            os("new"),
            os("rapat"),
            os("Rakor"),
            os("--root"),
            baru.as_os_str(),
        ],
        "stdout",
    );
    assert_eq!(code, Some(4));
}

#[test]
fn an_output_that_is_a_symbolic_link_is_published_where_it_leads() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let nyata = dir.path().canonicalize().unwrap();
    // `ln -s /tmp/t/www pub`, www (and t) not made yet
    let www = nyata.join("t/www");
    let public = site.join("pub");
    symlink(&www, &public).unwrap();
    let build = |out: &Path| {
        salur()
            .args(["build", "--root"])
            .arg(&site)
            .arg("--output")
            .arg(out)
            .output()
            .unwrap()
    };
    let o = build(&public);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("1627 berkas: 1627 ditulis"));
    // the operator's link is as it was, and leads to the site
    assert_eq!(fs::read_link(&public).unwrap(), www);
    assert!(www.join("index.html").is_file());
    assert_eq!(files(&www).len(), 1627);
    // nothing beside the link; the manifest lies beside the folder
    let beside: Vec<String> = fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
    assert!(nyata.join("t/.www.salur-manifest").is_file());
    // again: nothing to do, through the link
    let o = build(&public);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("1627 berkas: 0 ditulis"));
    // a link that leads into data/: refused, naming the link and where it leads
    let ke_data = site.join("ke-data");
    symlink("data/terbit", &ke_data).unwrap();
    let o = build(&ke_data);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{} (→ {}): folder keluaran tidak boleh berada di dalam folder masukan data/",
            ke_data.display(),
            nyata.join("site/data/terbit").display()
        )),
        "{stderr}"
    );
    assert!(!site.join("data/terbit").exists());
    assert!(fs::symlink_metadata(&ke_data).unwrap().is_symlink());
    // links that loop: refused
    symlink("b", site.join("a")).unwrap();
    symlink("a", site.join("b")).unwrap();
    let o = build(&site.join("a"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("keluaran ini tautan simbolik yang berputar"),
        "{stderr}"
    );
}
