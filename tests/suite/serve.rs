//! `salur serve` end to end: the real binary on a copy of the example site, on a free port of
//! 127.0.0.1, asked over plain HTTP. Every wait is bounded; the child is killed at the end, also
//! when an assertion fails.

use crate::common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Karangketug, Kota Pasuruan: its APBD-TUNAI allocation is line 2 of `data/alokasi.csv`.
const HALAMAN: &str = "/wilayah/35/35.75.01.1001.html";
const BARIS_ASLI: &str = "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,182";

/// The running `salur serve`, killed when dropped.
struct Serve {
    child: Child,
    stdout: mpsc::Receiver<String>,
    stderr: PathBuf,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(site: &Path, port: u16, log: &Path) -> Serve {
        let stderr = log.join("serve.stderr");
        let err = fs::File::create(&stderr).expect("stderr file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_salur"))
            .arg("serve")
            .arg("--root")
            .arg(site)
            .arg("--port")
            .arg(port.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(err)
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
        Serve {
            child,
            stdout: rx,
            stderr,
        }
    }

    fn stderr(&self) -> String {
        fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    /// Waits (at most `limit`) for the line with the address; returns its port.
    fn port(&self, limit: Duration) -> u16 {
        let deadline = Instant::now() + limit;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.stdout.recv_timeout(left) {
                Ok(line) => {
                    if let Some(url) = line.strip_prefix("Pratinjau: ") {
                        let port = url
                            .strip_prefix("http://127.0.0.1:")
                            .and_then(|r| r.strip_suffix('/'))
                            .and_then(|p| p.parse().ok())
                            .unwrap_or_else(|| panic!("not a loopback address: {url}"));
                        return port;
                    }
                    seen.push(line);
                }
                Err(_) => break,
            }
        }
        panic!(
            "no address printed within {limit:?}\nstdout:\n{}\nstderr:\n{}",
            seen.join("\n"),
            self.stderr()
        );
    }
}

/// `GET path` on 127.0.0.1:port: (status, body).
fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).expect("connect to 127.0.0.1");
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("response");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head}"));
    (status, body.to_string())
}

/// Asks for `path` until `ok` holds for its answer (at most `limit`); returns that answer.
fn poll(
    serve: &Serve,
    port: u16,
    path: &str,
    limit: Duration,
    what: &str,
    ok: impl Fn(u16, &str) -> bool,
) -> (u16, String) {
    let deadline = Instant::now() + limit;
    let mut last = (0, String::new());
    while Instant::now() < deadline {
        last = get(port, path);
        if ok(last.0, &last.1) {
            return last;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!(
        "{what}: not within {limit:?}; last answer {}:\n{}\nstderr:\n{}",
        last.0,
        &last.1[..last.1.len().min(3000)],
        serve.stderr()
    );
}

fn set_alokasi(site: &Path, baris: &str) {
    let path = site.join("data/alokasi.csv");
    let text = fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("APBD-TUNAI,2021-07,35.75.01.1001,"));
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        out.push_str(if i == 1 { baris } else { l });
        out.push('\n');
    }
    fs::write(&path, out).unwrap();
}

/// The whole cycle, started on a broken CSV so that the first build fails: the error page with
/// its place, the site once fixed, a changed figure, an error again, and the recovery.
#[test]
fn serve_rebuilds_on_a_csv_change_and_shows_build_errors() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    set_alokasi(&site, "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,18x2");

    let serve = Serve::start(&site, 0, dir.path());
    // the first build fails at once (reading the data), and the server starts all the same
    let port = serve.port(Duration::from_secs(120));
    let (status, body) = get(port, HALAMAN);
    assert_eq!(status, 500, "{body}");
    assert!(body.contains("Build gagal"), "{body}");
    assert!(
        body.contains("data/alokasi.csv:2:5: &#39;18x2&#39;"),
        "{body}"
    );
    assert!(
        body.contains("<script src=\"/__salur/muat-ulang.js\""),
        "the error page reloads itself: {body}"
    );
    let (status, body) = get(port, "/");
    assert_eq!(status, 500, "every page shows the error: {body}");
    assert!(serve.stderr().contains("data/alokasi.csv:2:5"));

    // fixed: the site is built (the whole example site, in a debug build: allow for it)
    set_alokasi(&site, BARIS_ASLI);
    let (_, body) = poll(
        &serve,
        port,
        HALAMAN,
        Duration::from_secs(240),
        "the fixed site",
        |s, b| s == 200 && b.contains("<td>182</td>"),
    );
    assert!(body.contains("Karangketug"));
    assert!(
        body.contains("<script src=\"/__salur/muat-ulang.js\""),
        "served pages get the reload script"
    );
    let (status, skrip) = get(port, "/__salur/muat-ulang.js");
    assert_eq!(status, 200);
    assert!(skrip.contains("/__salur/versi"), "{skrip}");
    let built = site.join(".salur/serve").join(&HALAMAN[1..]);
    let on_disk = fs::read_to_string(&built).expect("the preview is built in .salur/serve");
    assert!(
        !on_disk.contains("/__salur/"),
        "the built files never hold the script"
    );
    assert!(
        !site.join("public").exists(),
        "the preview never writes public/"
    );
    let (status, versi) = get(port, "/__salur/versi");
    assert_eq!(status, 200);
    let versi: u64 = versi.trim().parse().expect("a number");

    // a new figure: the page served shows it, and the version moves on
    set_alokasi(&site, "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,4321");
    poll(
        &serve,
        port,
        HALAMAN,
        Duration::from_secs(60),
        "the new figure",
        |s, b| s == 200 && b.contains("<td>4.321</td>") && !b.contains("<td>182</td>"),
    );
    // the version is raised when the build returns, a moment after its files are published
    poll(
        &serve,
        port,
        "/__salur/versi",
        Duration::from_secs(60),
        "a new version",
        |s, b| s == 200 && b.trim().parse::<u64>().is_ok_and(|v| v > versi),
    );

    // a broken cell again: the error with its place, in the page
    set_alokasi(&site, "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,4.3.21x");
    let (_, body) = poll(
        &serve,
        port,
        HALAMAN,
        Duration::from_secs(60),
        "the error page",
        |s, _| s == 500,
    );
    assert!(body.contains("data/alokasi.csv:2:5"), "{body}");
    // the other files are still served from the last good build
    let (status, css) = get(port, "/style.css");
    assert_eq!(status, 200);
    assert!(!css.contains("Build gagal"));

    // and fixed again
    set_alokasi(&site, "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,1234");
    poll(
        &serve,
        port,
        HALAMAN,
        Duration::from_secs(60),
        "the recovery",
        |s, b| s == 200 && b.contains("<td>1.234</td>"),
    );
    // a path outside the preview is refused
    let (status, _) = get(port, "/../site.toml");
    assert_eq!(status, 400);
    let (status, _) = get(port, "/%2e%2e/site.toml");
    assert_eq!(status, 400);
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    let taken = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let port = taken.local_addr().unwrap().port();
    let out = Command::new(env!("CARGO_BIN_EXE_salur"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(&site)
        .stdin(Stdio::null())
        .output()
        .expect("salur serve runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("127.0.0.1:{port}")) && stderr.contains("sudah dipakai"),
        "{stderr}"
    );
    assert!(
        !site.join(".salur").exists(),
        "nothing is built when the port is taken"
    );
}

#[test]
fn serve_rebuilds_after_another_build_published_into_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    let serve = Serve::start(&site, 0, dir.path());
    let port = serve.port(Duration::from_secs(240));
    let sendiri = format!("http://127.0.0.1:{port}/");
    let kanonik = "https://salur.example.org/";
    let (status, body) = get(port, HALAMAN);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(&sendiri), "the preview's own address");
    let (_, versi) = get(port, "/__salur/versi");
    let versi: u64 = versi.trim().parse().expect("a number");

    // `salur build --output .salur/serve` while serve runs
    let preview = site.join(".salur/serve");
    let o = Command::new(env!("CARGO_BIN_EXE_salur"))
        .arg("build")
        .arg("--root")
        .arg(&site)
        .arg("--output")
        .arg(&preview)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        fs::read_to_string(preview.join(&HALAMAN[1..]))
            .unwrap()
            .contains(kanonik),
        "the manual build published the site's own address"
    );
    // serve notices, says so, and publishes the preview again
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = Vec::new();
    loop {
        let left = deadline
            .checked_duration_since(Instant::now())
            .unwrap_or_else(|| panic!("not said: {seen:?}\n{}", serve.stderr()));
        let line = serve.stdout.recv_timeout(left).expect("a line");
        if line.starts_with(&format!(
            "Folder pratinjau {} diterbitkan oleh build lain",
            preview.canonicalize().unwrap().display()
        )) {
            break;
        }
        seen.push(line);
    }
    poll(
        &serve,
        port,
        HALAMAN,
        Duration::from_secs(240),
        "the preview rebuilt",
        |s, b| s == 200 && b.contains(&sendiri) && !b.contains(&format!("href=\"{kanonik}")),
    );
    // and the open pages reload
    poll(
        &serve,
        port,
        "/__salur/versi",
        Duration::from_secs(60),
        "a new version",
        |s, b| s == 200 && b.trim().parse::<u64>().is_ok_and(|v| v > versi),
    );
    // its own rebuild is not taken for another's: no second notice within a few checks
    std::thread::sleep(Duration::from_secs(3));
    let lines: Vec<String> = serve.stdout.try_iter().collect();
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("diterbitkan oleh build lain")),
        "{lines:?}"
    );
}
