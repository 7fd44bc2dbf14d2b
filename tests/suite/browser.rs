//! The example site in a real browser: Debian's `chromium`, driven through `chromedriver`
//! (WebDriver, with fantoccini), at a phone's 360 × 740 viewport.
//!
//! - The pages a reader opens (home, a kabupaten/kota, a kecamatan, a kelurahan, a meeting
//!   note, a schedule, a comparison, the data-quality page, and one of every other kind):
//!   axe-core finds no serious or critical violation.
//! - Every page reached by following links from the home page, opened from `file://` and from
//!   a server under the sub-path `/salur/`: it exists, it does not scroll sideways at 360 px,
//!   its console shows no error (a Content-Security-Policy violation is one), and every
//!   `#fragment` a link names is on its page.
//! - The search box finds Kandangsapi and its result opens the kelurahan's page, both ways;
//!   Karangketug by its code (`35.75.01.1001`, `3575011001`) and the schedule by `jadwal pasuruan`.
//! - The widest table of a region page and of a failure page, scrolled to the right, keeps
//!   its first column within the 360 px viewport.
//! - A kelurahan's printed notice (`Page.printToPDF`, A4) is one page and names the issuing
//!   office and the amount per KPM (the text read with `pdftotext` where it is installed); a
//!   region's printable brief is at most two.
//! - The site with `<img src=x onerror=alert(1)>` in every field (see `tests/suite/markup.rs`): no
//!   dialog opens on the pages that show them, nor in a search result.
//!
//! The tools: `chromium` and `chromedriver` on the PATH (Debian's `chromium` and
//! `chromium-driver`; `SALUR_CHROMIUM` and `SALUR_CHROMEDRIVER` name others) and axe-core from
//! npm (`npm ci --prefix tests/browser`), for the two tests that run it. `.ci/run` installs them
//! and sets `SALUR_BROWSER_TESTS=required`, under which a missing tool fails these tests;
//! elsewhere a test whose tool is missing says `SKIPPED: <what is missing>; install with
//! <command>`. The figures and a skip are written past the test harness's capture, so they show
//! in `cargo test`'s output.

use crate::common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// The browser, its driver and the accessibility checker.
struct Tools {
    chromium: PathBuf,
    chromedriver: PathBuf,
    /// `axe.min.js` (present for the tests that asked for it).
    axe: String,
    axe_version: String,
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// The tools test `test` needs (axe-core only when `perlu_axe`), or `None` after saying
/// `SKIPPED: <what is missing>; install with <command>` (a failure instead when
/// `SALUR_BROWSER_TESTS=required`): a test that does not use axe-core runs wherever Chromium
/// is, and one that does never passes without it.
fn tools(test: &str, perlu_axe: bool) -> Option<Tools> {
    let chromium = std::env::var_os("SALUR_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| on_path(&["chromium", "chromium-browser"]));
    let chromedriver = std::env::var_os("SALUR_CHROMEDRIVER")
        .map(PathBuf::from)
        .or_else(|| on_path(&["chromedriver"]));
    let axe_dir = common::root().join("tests/browser/node_modules/axe-core");
    let axe = std::fs::read_to_string(axe_dir.join("axe.min.js")).ok();
    let axe_version = std::fs::read_to_string(axe_dir.join("package.json"))
        .ok()
        .and_then(|p| serde_json::from_str::<Value>(&p).ok())
        .and_then(|p| p["version"].as_str().map(str::to_string))
        .unwrap_or_default();
    let mut missing = Vec::new();
    let mut install = Vec::new();
    let mut apt = Vec::new();
    if chromium.is_none() {
        missing.push("chromium");
        apt.push("chromium");
    }
    if chromedriver.is_none() {
        missing.push("chromedriver");
        apt.push("chromium-driver");
    }
    if !apt.is_empty() {
        install.push(format!("`apt-get install {}`", apt.join(" ")));
    }
    if perlu_axe && axe.is_none() {
        missing.push("axe-core (npm, tests/browser/node_modules)");
        install.push("`npm ci --prefix tests/browser`".to_string());
    }
    match (chromium, chromedriver) {
        (Some(chromium), Some(chromedriver)) if missing.is_empty() => Some(Tools {
            chromium,
            chromedriver,
            axe: axe.unwrap_or_default(),
            axe_version,
        }),
        _ => {
            common::lewati(
                &format!("browser test {test}"),
                "SALUR_BROWSER_TESTS",
                &missing.join(", "),
                &format!("{} (or `bash .ci/run`)", install.join(" and ")),
            );
            None
        }
    }
}

/// A WebDriver command fantoccini does not have: chromedriver's `goog/cdp/execute` (a Chrome
/// DevTools command) and `se/log` (the browser's console).
#[derive(Debug)]
struct Raw {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for Raw {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/{}", session.unwrap_or(""), self.path))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// Chromium under chromedriver, at 360 × 740 like a cheap phone.
struct Browser {
    client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        // the driver and the browsers it started are one process group
        unsafe {
            libc::kill(-(self.driver.id() as i32), libc::SIGKILL);
        }
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on loopback")
}

impl Browser {
    async fn open(tools: &Tools) -> Browser {
        let port = free_port();
        let profile = tempfile::tempdir().expect("a profile folder");
        let driver = Command::new(&tools.chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("chromedriver starts");
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": tools.chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--window-size=360,740",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            },
            "goog:loggingPrefs": { "browser": "ALL" },
            "timeouts": { "script": 60000, "pageLoad": 60000, "implicit": 0 },
        });
        let caps = caps.as_object().cloned().unwrap_or_default();
        let started = Instant::now();
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if started.elapsed() > Duration::from_secs(30) => {
                    panic!("chromedriver on port {port} did not start a browser: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        let browser = Browser {
            client,
            driver,
            _profile: profile,
        };
        browser
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": true }),
            )
            .await;
        browser
    }

    async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Raw {
                path: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }),
            })
            .await
            .unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    /// The console's errors since the last call.
    async fn console_errors(&self) -> Vec<String> {
        let log = self
            .client
            .issue_cmd(Raw {
                path: "se/log",
                body: json!({ "type": "browser" }),
            })
            .await
            .unwrap_or_else(|e| panic!("the browser's console: {e}"));
        log.as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("{url}: {e}"));
    }

    async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Why the page scrolls sideways, if it does: its width and the elements that stick out of
    /// the viewport without a scrolling box of their own.
    async fn sideways(&self) -> Option<String> {
        self.js(SIDEWAYS).await.as_str()?;
        self.still_sideways().await
    }

    /// [`Browser::sideways`] measured again after a moment: a page measured while the browser
    /// was still laying it out (the machine busy with other tests) is not a failure; a page
    /// wider than the screen stays so.
    async fn still_sideways(&self) -> Option<String> {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let v = self.js(SIDEWAYS).await;
        v.as_str().map(str::to_string)
    }

    /// The serious and critical violations axe-core finds, and the count of all violations by
    /// impact.
    async fn axe(&self, tools: &Tools) -> (Vec<String>, BTreeMap<String, usize>) {
        self.js(&format!("{}\nreturn typeof axe;", tools.axe)).await;
        let v = self
            .client
            .execute_async(AXE_RUN, vec![])
            .await
            .unwrap_or_else(|e| panic!("axe.run: {e}"));
        if let Some(e) = v.get("error") {
            panic!("axe.run failed: {e}");
        }
        let mut bad = Vec::new();
        let mut by_impact = BTreeMap::new();
        for violation in v.as_array().into_iter().flatten() {
            let impact = violation["impact"]
                .as_str()
                .unwrap_or("unknown")
                .to_string();
            *by_impact.entry(impact.clone()).or_insert(0) += 1;
            if impact == "serious" || impact == "critical" {
                bad.push(format!(
                    "{impact} {}: {} ({} elements, e.g. {})",
                    violation["id"], violation["help"], violation["nodes"], violation["targets"]
                ));
            }
        }
        (bad, by_impact)
    }

    /// Whether a dialog (`alert`, `confirm`, `prompt`) is open.
    async fn dialog_open(&self) -> Option<String> {
        match self.client.get_alert_text().await {
            Ok(text) => Some(text),
            Err(e) if e.is_no_such_alert() => None,
            Err(e) => Some(format!("(the browser says: {e})")),
        }
    }

    async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// Returns null, or why the page is wider than the viewport.
const SIDEWAYS: &str = r#"
const d = document.documentElement;
if (d.scrollWidth <= d.clientWidth) return null;
const wide = [];
for (const e of document.body.querySelectorAll('*')) {
  const r = e.getBoundingClientRect();
  if (r.right <= d.clientWidth + 1) continue;
  let p = e.parentElement, boxed = false;
  while (p && p !== document.body) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') { boxed = true; break; }
    p = p.parentElement;
  }
  if (boxed) continue;
  const c = e.getAttribute('class');
  wide.push(e.tagName.toLowerCase() + (c ? '.' + c.trim().split(/\s+/).join('.') : '') + ' to ' + Math.round(r.right) + 'px');
  if (wide.length >= 5) break;
}
return 'the page is ' + d.scrollWidth + 'px wide in a ' + d.clientWidth + 'px viewport: ' + wide.join(', ');
"#;

/// Runs axe-core over the page; calls back with the violations, shortened.
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] })
  .then(r => done(r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')
  }))))
  .catch(e => done({ error: String(e) }));
"#;

/// The links and the ids of the page, and why it scrolls sideways if it does.
fn links_ids_and_width() -> String {
    format!(
        "const sideways = (function () {{ {SIDEWAYS} }})();\n\
         return {{ sideways,\n\
           links: Array.from(document.querySelectorAll('a[href]'), a => a.href),\n\
           ids: Array.from(document.querySelectorAll('[id]'), e => e.id)\n\
             .concat(Array.from(document.querySelectorAll('a[name]'), a => a.name)) }};"
    )
}

/// The pages a reader opens, one of every kind; the issue's eight first.
const PAGES: &[(&str, &str)] = &[
    ("home", "index.html"),
    ("kabupaten/kota", "wilayah/35/35.75.html"),
    ("kecamatan", "wilayah/35/35.75.04.html"),
    ("kelurahan", "wilayah/35/35.75.04.1011.html"),
    (
        "meeting note",
        "rapat/2021-07-13-rakor-bansos-kota-pasuruan.html",
    ),
    ("schedule", "jadwal/35.75.html"),
    ("comparison", "bandingkan/35.75-vs-35.23.html"),
    ("data quality", "kualitas-data.html"),
    ("provinsi", "wilayah/35/35.html"),
    ("programme", "program/bst.html"),
    ("programmes", "program/index.html"),
    ("tahap", "tahap/2021-07.html"),
    ("failures", "gagal/35.75.html"),
    ("ranking", "peringkat/35.75.html"),
    ("changes", "perubahan/2021-07.html"),
    ("reconciliation", "rekonsiliasi/64.02.html"),
    ("meeting notes", "rapat/index.html"),
    ("about the data", "tentang-data.html"),
    ("how to read", "cara-membaca.html"),
];

fn file_url(path: &Path) -> String {
    url::Url::from_file_path(path)
        .expect("an absolute path")
        .to_string()
}

/// A static server for `site` under the sub-path `/salur/` on `port` (0: any free one), as
/// GitHub Pages serves a project site: a folder gives its `index.html`, anything missing or
/// outside `/salur/` gets the site's `404.html` with status 404. Returns the site's address
/// and the paths that were not found.
fn serve_under_subpath(site: PathBuf, port: u16) -> (String, Arc<Mutex<Vec<String>>>) {
    let server = tiny_http::Server::http(("127.0.0.1", port)).expect("a loopback server");
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .expect("an IP address");
    let missing = Arc::new(Mutex::new(Vec::new()));
    let server = Arc::new(server);
    for _ in 0..4 {
        let server = Arc::clone(&server);
        let record = Arc::clone(&missing);
        let site = site.clone();
        std::thread::spawn(move || serve(&server, &site, &record));
    }
    (format!("http://127.0.0.1:{port}/salur/"), missing)
}

/// Answers requests for the files of `site` under `/salur/`, recording what is not found.
fn serve(server: &tiny_http::Server, site: &Path, record: &Mutex<Vec<String>>) {
    {
        for request in server.incoming_requests() {
            let path = request
                .url()
                .split(['?', '#'])
                .next()
                .unwrap_or("")
                .to_string();
            let file = path.strip_prefix("/salur/").and_then(|rel| {
                let rel = salur::pratinjau::percent_decode(rel)?;
                if rel.split('/').any(|p| p == "..") {
                    return None;
                }
                let mut file = site.join(rel);
                if file.is_dir() {
                    file.push("index.html");
                }
                file.is_file().then_some(file)
            });
            let response = match file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
                Some((f, bytes)) => {
                    let kind = salur::pratinjau::jenis_isi(&f);
                    tiny_http::Response::from_data(bytes)
                        .with_header(
                            tiny_http::Header::from_bytes("Content-Type", kind)
                                .expect("a valid header"),
                        )
                        .with_header(
                            tiny_http::Header::from_bytes("Cache-Control", "max-age=600")
                                .expect("a valid header"),
                        )
                }
                // as a static host does: the site's not-found page, with status 404
                None => {
                    record.lock().expect("lock").push(path);
                    let page = std::fs::read(site.join("404.html")).unwrap_or_default();
                    tiny_http::Response::from_data(page)
                        .with_status_code(404)
                        .with_header(
                            tiny_http::Header::from_bytes(
                                "Content-Type",
                                "text/html; charset=utf-8",
                            )
                            .expect("a valid header"),
                        )
                }
            };
            let _ = request.respond(response);
        }
    }
}

/// Where the built site is reached from: `file://` or a server.
enum Via {
    File,
    Server { base: String },
}

impl Via {
    fn url(&self, site: &Path, rel: &str) -> String {
        match self {
            Via::File => file_url(&site.join(rel)),
            Via::Server { base } => format!("{base}{rel}"),
        }
    }

    /// The page `url` names, relative to the site (`wilayah/35/35.75.html`); `Ok(None)` for a
    /// link that leaves the site on purpose (another host, `mailto:`); an error for one that
    /// should be inside but is not.
    fn page(&self, site: &Path, url: &url::Url) -> Result<Option<String>, String> {
        match self {
            Via::File => {
                if url.scheme() != "file" {
                    return Ok(None);
                }
                let path = url
                    .to_file_path()
                    .map_err(|_| "not a file path".to_string())?;
                let rel = path
                    .strip_prefix(site)
                    .map_err(|_| "leaves the site's folder".to_string())?;
                Ok(Some(rel.to_string_lossy().into_owned()))
            }
            Via::Server { base } => {
                let base = url::Url::parse(base).map_err(|e| e.to_string())?;
                if url.origin() != base.origin() {
                    return Ok(None);
                }
                let rel = url
                    .path()
                    .strip_prefix(base.path())
                    .ok_or_else(|| "leaves the sub-path /salur/".to_string())?;
                let rel = salur::pratinjau::percent_decode(rel).ok_or("bad percent-encoding")?;
                Ok(Some(if rel.is_empty() || rel.ends_with('/') {
                    format!("{rel}index.html")
                } else if site.join(&rel).is_dir() {
                    format!("{rel}/index.html")
                } else {
                    rel
                }))
            }
        }
    }
}

/// What a crawl found.
#[derive(Default)]
struct Crawl {
    pages: usize,
    links: usize,
    outside: usize,
    problems: Vec<String>,
}

/// Follows every link from the home page, in the browser: each page it reaches must exist, fit
/// the phone's width and log no console error; each file it links must exist; each fragment
/// must name an element of its page.
async fn crawl(browser: &Browser, site: &Path, via: &Via) -> Crawl {
    let mut found = Crawl::default();
    let mut queue = VecDeque::from(["index.html".to_string()]);
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut fragments: Vec<(String, String, String)> = Vec::new();
    let script = links_ids_and_width();
    while let Some(rel) = queue.pop_front() {
        browser.goto(&via.url(site, &rel)).await;
        found.pages += 1;
        let info = browser.js(&script).await;
        for e in browser.console_errors().await {
            found.problems.push(format!("{rel}: console error: {e}"));
        }
        if info["sideways"].is_string()
            && let Some(why) = browser.still_sideways().await
        {
            found.problems.push(format!("{rel}: {why}"));
        }
        ids.insert(
            rel.clone(),
            info["ids"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect(),
        );
        for href in info["links"].as_array().into_iter().flatten() {
            let href = href.as_str().unwrap_or_default();
            found.links += 1;
            let Ok(url) = url::Url::parse(href) else {
                found
                    .problems
                    .push(format!("{rel}: a link the browser cannot parse: {href}"));
                continue;
            };
            let target = match via.page(site, &url) {
                Ok(Some(t)) => t,
                Ok(None) => {
                    found.outside += 1;
                    continue;
                }
                Err(why) => {
                    found.problems.push(format!("{rel}: link {href} {why}"));
                    continue;
                }
            };
            if !site.join(&target).is_file() {
                found
                    .problems
                    .push(format!("{rel}: link {href}: no such file {target}"));
                continue;
            }
            if let Some(f) = url.fragment().filter(|f| !f.is_empty()) {
                fragments.push((rel.clone(), target.clone(), f.to_string()));
            }
            if target.ends_with(".html") && seen.insert(target.clone()) {
                queue.push_back(target);
            }
        }
    }
    let mut read_again: BTreeSet<String> = BTreeSet::new();
    for (from, page, fragment) in fragments {
        let fragment = salur::pratinjau::percent_decode(&fragment).unwrap_or(fragment);
        if let Some(page_ids) = ids.get(&page)
            && !page_ids.contains(&fragment)
        {
            // a page read while the browser, on a machine busy with other tests, had not yet
            // built all of its document (seen once: a page's own `#isi` link without its
            // `<main id="isi">`) is read once more before its links count as broken
            if read_again.insert(page.clone()) {
                browser.goto(&via.url(site, &page)).await;
                tokio::time::sleep(Duration::from_millis(500)).await;
                let info = browser.js(&script).await;
                ids.insert(
                    page.clone(),
                    info["ids"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|i| i.as_str().map(str::to_string))
                        .collect(),
                );
            }
            if ids.get(&page).is_some_and(|i| !i.contains(&fragment)) {
                found.problems.push(format!(
                    "{from}: link to {page}#{fragment}: no such id on that page"
                ));
            }
        }
    }
    found
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

#[test]
fn readers_pages_pass_axe_at_phone_width_without_console_errors() {
    let Some(tools) = tools(
        "readers_pages_pass_axe_at_phone_width_without_console_errors",
        true,
    ) else {
        return;
    };
    let site = common::example_site();
    runtime().block_on(async {
        let browser = Browser::open(&tools).await;
        // the checks can fail: a console error and an image without text are seen
        let probe = tempfile::tempdir().expect("tempdir");
        let bad = probe.path().join("bad.html");
        std::fs::write(
            &bad,
            "<!doctype html><html lang=\"id\"><head><title>x</title>\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body><main>\
             <img src=\"x.png\"><script>console.error('salur-probe')</script>\
             <div style=\"width:900px\">wide</div></main></body></html>",
        )
        .expect("write probe");
        browser.goto(&file_url(&bad)).await;
        let errors = browser.console_errors().await;
        assert!(
            errors.iter().any(|e| e.contains("salur-probe")),
            "the console is not read: {errors:?}"
        );
        let (serious, _) = browser.axe(&tools).await;
        assert!(
            serious.iter().any(|v| v.contains("image-alt")),
            "axe does not run: {serious:?}"
        );
        assert!(browser.sideways().await.is_some(), "width is not measured");

        let mut problems = Vec::new();
        let mut all: BTreeMap<String, usize> = BTreeMap::new();
        for (kind, rel) in PAGES {
            let path = site.join(rel);
            assert!(path.is_file(), "the {kind} page {rel} was not built");
            browser.goto(&file_url(&path)).await;
            // the page's own errors, before axe, which logs its own (it asks for style.css,
            // which file:// refuses)
            for e in browser.console_errors().await {
                problems.push(format!("{rel} ({kind}): console error: {e}"));
            }
            let (serious, by_impact) = browser.axe(&tools).await;
            browser.console_errors().await;
            for v in serious {
                problems.push(format!("{rel} ({kind}): axe: {v}"));
            }
            for (impact, n) in by_impact {
                *all.entry(impact).or_insert(0) += n;
            }
            if let Some(why) = browser.sideways().await {
                problems.push(format!("{rel} ({kind}): {why}"));
            }
        }
        browser.close().await;
        let serious = problems.iter().filter(|p| p.contains(": axe: ")).count();
        common::figure(&format!(
            "browser: axe-core {} over {} pages at 360×740: {serious} serious or critical \
             violations; all violations by impact: {all:?}",
            tools.axe_version,
            PAGES.len(),
        ));
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    });
}

/// Crawls the example site from its home page via `via`, and fails on any problem.
fn crawl_test(
    test: &str,
    name: &str,
    via: impl FnOnce(&Path) -> (Via, Option<Arc<Mutex<Vec<String>>>>),
) {
    let Some(tools) = tools(test, false) else {
        return;
    };
    let site = common::example_site();
    let (via, not_found) = via(site);
    runtime().block_on(async {
        let browser = Browser::open(&tools).await;
        let started = Instant::now();
        let found = crawl(&browser, site, &via).await;
        browser.close().await;
        common::figure(&format!(
            "browser: via {name}: {} pages reached from the home page, {} links followed \
             ({} leave the site), {} problems, {:.0} s",
            found.pages,
            found.links,
            found.outside,
            found.problems.len(),
            started.elapsed().as_secs_f64()
        ));
        let html = common::files(site)
            .keys()
            .filter(|p| p.ends_with(".html"))
            .count();
        // every page but the not-found page, which nothing links
        assert_eq!(found.pages, html - 1, "pages reached from the home page");
        if let Some(not_found) = not_found {
            let not_found = not_found.lock().expect("lock").clone();
            assert!(
                not_found.is_empty(),
                "the server under /salur/ was asked for what it does not have: {not_found:?}"
            );
        }
        let shown: Vec<_> = found.problems.iter().take(40).cloned().collect();
        assert!(
            found.problems.is_empty(),
            "{} problems via {name}:\n{}",
            found.problems.len(),
            shown.join("\n")
        );
    });
}

#[test]
fn every_link_from_home_works_from_file() {
    crawl_test("every_link_from_home_works_from_file", "file://", |_| {
        (Via::File, None)
    });
}

#[test]
fn every_link_from_home_works_under_a_subpath() {
    crawl_test(
        "every_link_from_home_works_under_a_subpath",
        "a server under /salur/",
        |site| {
            let (base, not_found) = serve_under_subpath(site.to_path_buf(), 0);
            (Via::Server { base }, Some(not_found))
        },
    );
}

/// Types `query` into the search box of `home`, waits for a result whose text holds `expect`,
/// follows it and returns the address and `h1` of the page it opens.
async fn search(browser: &Browser, home: &str, query: &str, expect: &str) -> (String, String) {
    browser.goto(home).await;
    let wait = Duration::from_secs(15);
    let input = browser
        .client
        .wait()
        .at_most(wait)
        .for_element(Locator::Css("form.cari:not([hidden]) #cari-q"))
        .await
        .unwrap_or_else(|e| panic!("{home}: no visible search box: {e}"));
    input.send_keys(query).await.expect("typing");
    // the list is written again as more of the index arrives: a result found a moment ago may
    // be gone by the click (a stale element), so find it again and click again
    let started = Instant::now();
    let (text, expect_page) = loop {
        let items = browser
            .client
            .find_all(Locator::Css(".cari-hasil li"))
            .await
            .unwrap_or_default();
        let mut hit = None;
        for li in items {
            if li.text().await.unwrap_or_default().contains(expect) {
                hit = li.find(Locator::Css("a")).await.ok();
                break;
            }
        }
        if let Some(link) = hit {
            let text = link.text().await.unwrap_or_default();
            let href = link.attr("href").await.ok().flatten().unwrap_or_default();
            if !href.is_empty() && link.click().await.is_ok() {
                break (text, href);
            }
        }
        if started.elapsed() > wait {
            let status = browser
                .js("return document.querySelector('.cari-status').textContent")
                .await;
            panic!("{home}: no result for {query:?} holds {expect:?}; status: {status}")
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let started = Instant::now();
    loop {
        let url = browser
            .client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default();
        if url != home || started.elapsed() > wait {
            let h1 = browser
                .client
                .find(Locator::Css("h1"))
                .await
                .expect("a heading")
                .text()
                .await
                .unwrap_or_default();
            common::figure(&format!("browser: search {query:?} → {text:?} → {url}"));
            assert!(
                expect_page.ends_with(url.rsplit('/').next().unwrap_or_default()),
                "the result links {expect_page} but {url} opened"
            );
            return (url, h1);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[test]
fn the_search_box_finds_a_kelurahan_from_file_and_under_a_subpath() {
    let Some(tools) = tools(
        "the_search_box_finds_a_kelurahan_from_file_and_under_a_subpath",
        false,
    ) else {
        return;
    };
    let site = common::example_site();
    let (base, not_found) = serve_under_subpath(site.to_path_buf(), 0);
    runtime().block_on(async {
        let browser = Browser::open(&tools).await;
        for home in [
            file_url(&site.join("index.html")),
            format!("{base}index.html"),
            file_url(&site.join("wilayah/35/35.75.01.1001.html")),
        ] {
            let (url, h1) = search(&browser, &home, "kandangsapi", "Panggungrejo").await;
            assert!(
                url.ends_with("wilayah/35/35.75.04.1011.html"),
                "{home}: the result opened {url}"
            );
            assert!(h1.contains("Kandangsapi"), "{url}: h1 {h1:?}");
            let errors = browser.console_errors().await;
            assert!(errors.is_empty(), "{home}: console errors {errors:?}");
        }
        // a region by its code, written as residents write it, and a feature page by what it is
        let home = file_url(&site.join("index.html"));
        for (query, expect, page, heading) in [
            (
                "35.75.01.1001",
                "Gadingrejo",
                "wilayah/35/35.75.01.1001.html",
                "Karangketug",
            ),
            (
                "3575011001",
                "Gadingrejo",
                "wilayah/35/35.75.01.1001.html",
                "Karangketug",
            ),
            (
                "jadwal pasuruan",
                "Jadwal",
                "jadwal/35.75.html",
                "Jadwal pencairan",
            ),
        ] {
            let (url, h1) = search(&browser, &home, query, expect).await;
            assert!(url.ends_with(page), "{query}: the result opened {url}");
            assert!(h1.contains(heading), "{url}: h1 {h1:?}");
        }
        browser.close().await;
        assert!(not_found.lock().expect("lock").is_empty());
    });
}

/// The comparison page's picker, under a server (a page from `file://` may not read JSON): a
/// name typed finds the region in the search index, two codes typed show their figures side by
/// side from the JSON downloads (Kota Pasuruan's 18.877 KPM BST) and go into the hash; a
/// shared address opens with its choice (Karangketug, a kelurahan, from its kecamatan's file);
/// a region without a download says so, in the catalogue's words.
#[test]
fn the_comparison_picker_sets_any_two_regions_side_by_side() {
    let Some(tools) = tools(
        "the_comparison_picker_sets_any_two_regions_side_by_side",
        false,
    ) else {
        return;
    };
    let site = common::example_site();
    let (base, _) = serve_under_subpath(site.to_path_buf(), 0);
    let halaman = format!("{base}bandingkan/35.75-vs-35.23.html");
    runtime().block_on(async {
        let browser = Browser::open(&tools).await;
        let wait = Duration::from_secs(15);
        let tunggu = |script: &'static str| {
            let browser = &browser;
            async move {
                let started = Instant::now();
                loop {
                    let v = browser.js(script).await;
                    if v.as_bool() == Some(true) || v.as_str().is_some_and(|s| !s.is_empty()) {
                        return v;
                    }
                    assert!(started.elapsed() < wait, "waited in vain for {script}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        };
        browser.goto(&halaman).await;
        let pertama = browser
            .client
            .wait()
            .at_most(wait)
            .for_element(Locator::Css("#pilih-banding:not([hidden]) #pilih-pertama"))
            .await
            .expect("the picker shown");
        pertama.send_keys("pasuruan").await.expect("typing");
        tunggu("return !!document.querySelector('#pilih-daftar option[value=\"35.75\"]')").await;
        pertama.clear().await.expect("clearing");
        pertama.send_keys("35.75\t").await.expect("typing");
        let kedua = browser
            .client
            .find(Locator::Css("#pilih-kedua"))
            .await
            .expect("the second input");
        kedua.send_keys("35.23\t").await.expect("typing");
        let tabel = tunggu(
            "var t = document.querySelector('.pilih-hasil'); \
             return t && t.textContent.indexOf('18.877') >= 0 ? t.textContent : ''",
        )
        .await;
        let tabel = tabel.as_str().unwrap_or_default();
        assert!(tabel.contains("Kabupaten Tuban"), "{tabel}");
        assert!(tabel.contains("52.418"), "{tabel}");
        let hash = browser.js("return location.hash").await;
        assert_eq!(hash.as_str(), Some("#35.75,35.23"));
        // a shared address: a kelurahan's rows come from its kecamatan's file
        browser
            .goto(&format!("{halaman}#35.75.01.1001,35.75"))
            .await;
        let tabel = tunggu(
            "var t = document.querySelector('.pilih-hasil'); \
             return t && t.textContent.indexOf('Karangketug') >= 0 ? t.textContent : ''",
        )
        .await;
        assert!(tabel.as_str().unwrap_or_default().contains("18.877"));
        // a region without figures: the catalogue's message, naming it
        browser.goto(&format!("{halaman}#35.99,35.75")).await;
        // (the status says "loading" first: wait for the message naming the region)
        let pesan = tunggu(
            "var s = document.getElementById('pilih-status').textContent; \
             return s.indexOf('35.99') >= 0 ? s : ''",
        )
        .await;
        assert!(
            pesan.as_str().unwrap_or_default().contains("35.99"),
            "{pesan}"
        );
        let errors = browser.console_errors().await;
        assert!(
            errors.iter().all(|e| e.contains("35.99")),
            "console errors {errors:?}"
        );
        browser.close().await;
    });
}

#[test]
fn markup_in_the_data_opens_no_dialog() {
    let Some(tools) = tools("markup_in_the_data_opens_no_dialog", false) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut fields = Vec::new();
    let site = common::build_changed_copy(dir.path(), |s| fields = common::poison(s));
    let pages = [
        "index.html",
        "wilayah/35/35.75.html",
        "wilayah/35/35.75.04.html",
        "wilayah/35/35.75.04.1011.html",
        "wilayah/35/35.75.01.1001.html",
        "program/bst.html",
        "tahap/2021-07.html",
        "jadwal/35.75.html",
        "gagal/35.75.html",
        "rekonsiliasi/64.02.html",
        "rapat/2021-07-13-rakor-bansos-kota-pasuruan.html",
        "rapat/index.html",
        "kualitas-data.html",
        "tentang-data.html",
    ];
    runtime().block_on(async {
        let browser = Browser::open(&tools).await;
        let mut problems = Vec::new();
        for rel in pages {
            browser.goto(&file_url(&site.join(rel))).await;
            if let Some(text) = browser.dialog_open().await {
                problems.push(format!("{rel}: a dialog opened: {text:?}"));
                let _ = browser.client.dismiss_alert().await;
                continue;
            }
            let v = browser
                .js("return [document.querySelectorAll('img[src=\"x\"]').length, document.body.textContent.includes('<img src=x onerror=alert(1)>')]")
                .await;
            if v[0] != 0 {
                problems.push(format!("{rel}: the markup became an element"));
            }
            if v[1] != true {
                problems.push(format!("{rel}: the markup is not shown as text"));
            }
            for e in browser.console_errors().await {
                problems.push(format!("{rel}: console error: {e}"));
            }
        }
        // the search box lists the poisoned name as text
        let home = file_url(&site.join("index.html"));
        let (url, h1) = search(&browser, &home, "kandangsapi", "onerror").await;
        if let Some(text) = browser.dialog_open().await {
            problems.push(format!("search: a dialog opened: {text:?}"));
        }
        assert!(url.ends_with("wilayah/35/35.75.04.1011.html"), "{url}");
        assert!(h1.contains(common::PAYLOAD), "{h1:?}");
        browser.close().await;
        common::figure(&format!(
            "browser: {} with {} in {} kinds of field, and a search: {} dialogs",
            pages.len(),
            common::PAYLOAD,
            fields.len(),
            problems.iter().filter(|p| p.contains("dialog")).count()
        ));
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    });
}

/// The not-found page, as a static host serves it for any missing address: with the site's
/// `base_url` set to a server under `/salur/`, a missing page three folders deep shows
/// `404.html` with its stylesheet, a working search box, nothing in the console but the
/// missing page itself, and no serious axe violation.
#[test]
fn the_not_found_page_works_at_any_depth() {
    let Some(tools) = tools("the_not_found_page_works_at_any_depth", true) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("public");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}/salur/");
    salur::build(&salur::BuildOptions {
        root: common::root(),
        output: Some(out.clone()),
        base_url: Some(base.clone()),
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let (served, asked) = serve_under_subpath(out.clone(), port);
    assert_eq!(served, base);
    runtime().block_on(async {
        let browser = Browser::open(&tools).await;
        let missing = format!("{base}wilayah/35/tidak/ada.html");
        browser.goto(&missing).await;
        let errors: Vec<String> = browser
            .console_errors()
            .await
            .into_iter()
            .filter(|e| !(e.starts_with(&missing) && e.contains("404")))
            .collect();
        assert!(errors.is_empty(), "console errors: {errors:?}");
        let state = browser
            .js("return [document.styleSheets.length && document.styleSheets[0].cssRules.length, \
                 !document.querySelector('form.cari').hidden, document.querySelector('h1').textContent]")
            .await;
        assert!(state[0].as_u64().unwrap_or(0) > 10, "the stylesheet: {state}");
        assert_eq!(state[1], true, "the search box: {state}");
        let (serious, _) = browser.axe(&tools).await;
        assert!(serious.is_empty(), "{serious:?}");
        let (url, h1) = search(&browser, &missing, "kandangsapi", "Panggungrejo").await;
        assert_eq!(url, format!("{base}wilayah/35/35.75.04.1011.html"));
        // opened twice (the checks, then the search): nothing else was missing
        let asked = asked.lock().expect("lock").clone();
        assert!(
            !asked.is_empty() && asked.iter().all(|p| p == "/salur/wilayah/35/tidak/ada.html"),
            "not found: {asked:?}"
        );
        assert!(h1.contains("Kandangsapi"), "{h1}");
        browser.close().await;
        common::figure(&format!("browser: the not-found page at {missing}: styled, search works, no console error"));
    });
}

/// Standard base64 (RFC 4648) to bytes: `Page.printToPDF` returns the PDF so. Characters
/// outside the alphabet (padding, line breaks) are skipped.
fn base64(teks: &str) -> Vec<u8> {
    let nilai = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(teks.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for v in teks.bytes().filter_map(nilai) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// A PDF's page count: `pdfinfo` (poppler-utils) when it is installed, else its `/Type /Page`
/// objects (Chromium's PDFs keep their objects uncompressed), and how it was counted.
fn halaman_pdf(pdf: &Path) -> (usize, &'static str) {
    if let Ok(o) = Command::new("pdfinfo").arg(pdf).output()
        && o.status.success()
    {
        let info = String::from_utf8_lossy(&o.stdout);
        if let Some(n) = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
        {
            return (n, "pdfinfo");
        }
    }
    let bytes = std::fs::read(pdf).expect("the PDF");
    let pola = b"/Type /Page";
    let n = bytes
        .windows(pola.len() + 1)
        .filter(|w| &w[..pola.len()] == pola && w[pola.len()] != b's')
        .count();
    (n, "/Type /Page objects")
}

/// A kelurahan's printed notice fits one A4 page and names the issuing office and the amount
/// per KPM: Karangketug of the example site (its past schedule printed, since nothing is to
/// come on the data date), and Bugul Lor, 12 RW slots over 7 days, in a copy whose data date
/// is the schedule's first day (the schedule to come printed), and Karangketug's 12 RW slots
/// split between BST and BLT. Before the print stylesheet was
/// made compact, Karangketug's 8 slots took two pages. The text is read with `pdftotext`
/// (poppler-utils) where it is installed.
#[test]
fn the_printed_notice_fits_one_a4_page() {
    let Some(tools) = tools("the_printed_notice_fits_one_a4_page", false) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let kini = common::build_changed_copy(dir.path(), |site| {
        common::edit(
            &site.join("site.toml"),
            "data_as_of = 2025-11-30",
            "data_as_of = 2021-07-19",
        );
    });
    // Karangketug's 12 RW slots split between two programmes, each over its own days (each
    // programme repeats its day headings: 13 tables; two pages at the first compact layout)
    std::fs::create_dir_all(dir.path().join("dua")).expect("a folder");
    let dua = common::build_changed_copy(&dir.path().join("dua"), |site| {
        common::edit(
            &site.join("site.toml"),
            "data_as_of = 2025-11-30",
            "data_as_of = 2021-07-18",
        );
        let p = site.join("data/jadwal.csv");
        let lama = std::fs::read_to_string(&p).expect("jadwal.csv");
        let mut baru: String = lama
            .lines()
            .filter(|l| !l.contains(",35.75.01.1001,"))
            .map(|l| format!("{l}\n"))
            .collect();
        for rw in 1..=12u32 {
            let (program, hari, jam) = if rw <= 6 {
                ("BST", 18 + rw, "07.00,08.00")
            } else {
                ("BLT", 12 + rw, "08.00,09.00")
            };
            baru.push_str(&format!(
                "{program},2021-07,Karangketug,35.75.01.1001,Kantor Kelurahan Karangketug,\
                 2021-07-{hari},{jam},{rw:02},40\n"
            ));
        }
        std::fs::write(&p, baru).expect("jadwal.csv written");
    });
    let cetak = [
        (
            "Karangketug",
            common::example_site().join("wilayah/35/35.75.01.1001.html"),
        ),
        (
            "Bugul Lor (12 RW slots, to come)",
            kini.join("wilayah/35/35.75.04.1010.html"),
        ),
        (
            "Karangketug (12 RW slots of two programmes, to come)",
            dua.join("wilayah/35/35.75.01.1001.html"),
        ),
    ];
    runtime().block_on(async {
        let browser = Browser::open(&tools).await;
        for (nama, halaman) in &cetak {
            browser.goto(&file_url(halaman)).await;
            let hasil = browser
                .cdp(
                    "Page.printToPDF",
                    json!({ "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": false }),
                )
                .await;
            let data = hasil["data"].as_str().unwrap_or_default();
            let pdf = dir.path().join(format!("{}.pdf", nama.len()));
            std::fs::write(&pdf, base64(data)).expect("the PDF written");
            let (n, cara) = halaman_pdf(&pdf);
            assert_eq!(n, 1, "{nama}: the notice prints on {n} A4 pages ({cara})");
            match Command::new("pdftotext").arg(&pdf).arg("-").output() {
                Ok(o) if o.status.success() => {
                    let teks = String::from_utf8_lossy(&o.stdout);
                    for perlu in ["Dinas Sosial Kota Pasuruan", "Rp 300.000", "RW"] {
                        assert!(teks.contains(perlu), "{nama}: no {perlu:?} in\n{teks}");
                    }
                }
                _ => common::figure(&format!(
                    "browser: {nama}'s notice text not read (SKIPPED: pdftotext; install with \
                     `apt-get install poppler-utils`)"
                )),
            }
            common::figure(&format!(
                "browser: {nama}'s printed notice: 1 A4 page ({cara})"
            ));
        }
        browser.close().await;
    });
}

/// A printable brief fits at most two A4 pages (`Page.printToPDF`, as the notice above): Kota
/// Pasuruan's (three programmes, four kecamatan), the provinsi Jawa Timur's, Kabupaten Tuban's
/// (20 kecamatan: three listed), Kutai Kartanegara's (trends over two tahap) and the whole
/// site's; Kota Pasuruan's names the seed's 18.877 KPM BST where `pdftotext` is installed.
#[test]
fn the_brief_prints_on_at_most_two_a4_pages() {
    let Some(tools) = tools("the_brief_prints_on_at_most_two_a4_pages", false) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let site = common::example_site();
    let ringkas = [
        ("Kota Pasuruan", "wilayah/35/35.75.ringkas.html"),
        ("Jawa Timur", "wilayah/35/35.ringkas.html"),
        ("Kabupaten Tuban", "wilayah/35/35.23.ringkas.html"),
        ("Kutai Kartanegara", "wilayah/64/64.02.ringkas.html"),
        ("the whole site", "ringkas.html"),
    ];
    runtime().block_on(async {
        let browser = Browser::open(&tools).await;
        for (i, (nama, rel)) in ringkas.iter().enumerate() {
            browser.goto(&file_url(&site.join(rel))).await;
            let hasil = browser
                .cdp(
                    "Page.printToPDF",
                    json!({ "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": false }),
                )
                .await;
            let data = hasil["data"].as_str().unwrap_or_default();
            let pdf = dir.path().join(format!("ringkas-{i}.pdf"));
            std::fs::write(&pdf, base64(data)).expect("the PDF written");
            let (n, cara) = halaman_pdf(&pdf);
            assert!(
                (1..=2).contains(&n),
                "{nama}: the brief prints on {n} A4 pages ({cara})"
            );
            if i == 0 {
                match Command::new("pdftotext").arg(&pdf).arg("-").output() {
                    Ok(o) if o.status.success() => {
                        let teks = String::from_utf8_lossy(&o.stdout);
                        assert!(teks.contains("18.877"), "{nama}: no 18.877 in\n{teks}");
                    }
                    _ => common::figure(&format!(
                        "browser: {nama}'s brief text not read (SKIPPED: pdftotext; install \
                         with `apt-get install poppler-utils`)"
                    )),
                }
            }
            common::figure(&format!("browser: {nama}'s brief: {n} A4 page(s) ({cara})"));
        }
        browser.close().await;
    });
}

/// Scrolls the widest table box of the page (`.gulir` whose table is wider than it) fully to
/// the right and measures the first cell of each of its rows. With `static` set, the cells
/// lose `position: sticky` first (through the CSSOM, which the page's CSP allows): the probe
/// that shows the measure fails without the theme's rule.
const LAJUR_PERTAMA: &str = r#"
const lepas = arguments[0];
let box = null, lebih = 0;
for (const g of document.querySelectorAll('.gulir')) {
  const o = g.scrollWidth - g.clientWidth;
  if (o > lebih) { lebih = o; box = g; }
}
if (!box) return { lebih: 0, sel: [] };
const sel = box.querySelectorAll('tr>:first-child');
if (lepas) for (const c of sel) c.style.position = 'static';
box.scrollLeft = box.scrollWidth;
return {
  id: box.querySelector('table').id, lebih, geser: Math.round(box.scrollLeft),
  lebar: document.documentElement.clientWidth,
  sel: Array.from(sel, c => { const r = c.getBoundingClientRect();
    return [Math.floor(r.left), Math.ceil(r.right), c.textContent.trim().slice(0, 40)]; })
};
"#;

/// On a 360 px phone the widest table of a region page and of the failure page scrolls
/// sideways in its box while every row's first cell (the region or reason the row is about)
/// stays on the screen: its left edge at 0 or more and its right edge at 360 or less. The same
/// measure with the sticky rule taken off finds cells scrolled out of view.
#[test]
fn the_first_column_stays_in_view_while_a_table_scrolls_at_360_px() {
    let Some(tools) = tools(
        "the_first_column_stays_in_view_while_a_table_scrolls_at_360_px",
        false,
    ) else {
        return;
    };
    let site = common::example_site();
    runtime().block_on(async {
        let browser = Browser::open(&tools).await;
        for rel in ["wilayah/35/35.75.html", "gagal/62.03.html"] {
            let mut hasil = Vec::new();
            for lepas in [false, true] {
                browser.goto(&file_url(&site.join(rel))).await;
                let v = browser
                    .client
                    .execute(LAJUR_PERTAMA, vec![json!(lepas)])
                    .await
                    .unwrap_or_else(|e| panic!("{rel}: {e}"));
                let lebar = v["lebar"].as_i64().unwrap_or(0);
                assert_eq!(lebar, 360, "{rel}: the viewport {v}");
                assert!(
                    v["lebih"].as_i64().unwrap_or(0) > 40 && v["geser"].as_i64().unwrap_or(0) > 40,
                    "{rel}: no table wider than its box to scroll: {v}"
                );
                let sel = v["sel"].as_array().cloned().unwrap_or_default();
                assert!(sel.len() >= 3, "{rel}: {v}");
                let di_luar: Vec<&Value> = sel
                    .iter()
                    .filter(|c| {
                        c[0].as_i64().unwrap_or(-1) < 0 || c[1].as_i64().unwrap_or(i64::MAX) > lebar
                    })
                    .collect();
                hasil.push((v["id"].to_string(), sel.len(), di_luar.len()));
                if lepas {
                    assert!(
                        !di_luar.is_empty(),
                        "{rel}: the probe without the sticky rule kept every cell in view: {v}"
                    );
                } else {
                    assert!(
                        di_luar.is_empty(),
                        "{rel}: first-column cells out of view after scrolling #{}: {di_luar:?}",
                        v["id"]
                    );
                }
            }
            common::figure(&format!(
                "browser: {rel} at 360 px, table {} scrolled right: {} first-column cells in view \
                 ({} out of view without the sticky rule)",
                hasil[0].0, hasil[0].1, hasil[1].2
            ));
        }
        browser.close().await;
    });
}
