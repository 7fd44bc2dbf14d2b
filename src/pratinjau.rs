//! `salur serve`: a local preview of the site that rebuilds itself.
//!
//! The preview is built into its own folder (by default `<root>/.salur/serve`, never the
//! published `public/`), with `base_url` set to the preview's own address, and served on the
//! loopback interface only. A watcher (notify, debounced) rebuilds after every change in
//! `data/`, `content/`, `themes/` and `site.toml`; each build that changes what a reader sees
//! raises a counter, the *version*. Every HTML response gets a `<script src>` tag, added as it
//! is served (the built files never hold it), for a small script (`/__salur/muat-ulang.js`)
//! that asks for the version (`/__salur/versi`) twice a second and reloads the page when it
//! changed. The script is a file, not inline, so that the pages' Content-Security-Policy
//! (`script-src 'self'`) allows it.
//!
//! A build that fails keeps the server running: every HTML request is answered with a page that
//! shows the error (with its `file:line:column`) in the site's language, which reloads itself
//! like any other page once the operator has fixed the file. The pieces that can be tested
//! without a socket (request path → file, content types, the script's injection, the error and
//! not-found pages, which changed paths matter) are plain functions here.

use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache};

use crate::lang::Lang;
use crate::pesan;
use crate::{BuildOptions, BuildSummary, Error};

/// The path the reload script asks for the version.
pub const JALUR_VERSI: &str = "/__salur/versi";

/// The path of the reload script itself.
pub const JALUR_SKRIP: &str = "/__salur/muat-ulang.js";

/// The reload script: it reads the version its page was served at from its own tag's
/// `data-versi`, asks for the current one twice a second and reloads the page when it changed;
/// while the server is away it waits and asks again.
pub const SKRIP_MUAT_ULANG: &str = "/* salur serve */(function(){var s=document.currentScript;\
var v=s&&s.getAttribute(\"data-versi\");if(!v)return;function f(){\
fetch(\"/__salur/versi\",{cache:\"no-store\"}).then(function(r){return r.text()})\
.then(function(t){if(t.trim()!==v){location.reload()}else{setTimeout(f,500)}})\
.catch(function(){setTimeout(f,1500)})}setTimeout(f,500)})();\n";

/// How long the watcher waits for a burst of changes to end before a rebuild.
pub const JEDA_DEBOUNCE: Duration = Duration::from_millis(250);

/// How many threads answer requests.
const PEKERJA: usize = 4;

/// How often the preview looks whether another build published into its folder (see
/// [`TandaManifest`]): one `stat` a second.
pub const JEDA_PERIKSA_LUAR: Duration = Duration::from_secs(1);

/// The folders under the site folder whose changes trigger a rebuild (with `site.toml`).
const FOLDER_MASUKAN: [&str; 3] = ["data", "content", "themes"];

/// The default preview folder, relative to the site folder.
pub const FOLDER_PRATINJAU: &str = ".salur/serve";

/// What to preview and where.
#[derive(Debug, Clone)]
pub struct OpsiPratinjau {
    /// The site folder.
    pub root: PathBuf,
    /// Where the preview is built; [`FOLDER_PRATINJAU`] under `root` when `None`.
    pub output: Option<PathBuf>,
    /// The port on 127.0.0.1; 0 lets the system pick a free one.
    pub port: u16,
}

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum PratinjauError {
    /// The port could not be bound (most often: another program uses it).
    Port {
        /// The port asked for.
        port: u16,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The preview folder could not be created.
    Folder {
        /// The folder.
        path: String,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The preview folder would be the published one, `<root>/public`.
    FolderTerbit(String),
    /// The file watcher could not be started or could not watch a folder.
    Pengawas {
        /// The folder.
        path: String,
        /// The cause.
        #[source]
        source: notify_debouncer_full::notify::Error,
    },
}

impl PratinjauError {
    /// The message in `lang`, from the message catalogue ([`crate::pesan`]).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PratinjauError::Port { port, source } => {
                let mut m = pesan!(lang, "pratinjau.port", port = port, source = source);
                if source.kind() == io::ErrorKind::AddrInUse {
                    m.push_str(crate::pesan::teks(lang, "pratinjau.port_dipakai"));
                }
                m
            }
            PratinjauError::Folder { path, source } => {
                pesan!(lang, "pratinjau.folder", path = path, source = source)
            }
            PratinjauError::FolderTerbit(p) => pesan!(lang, "pratinjau.folder_terbit", p = p),
            PratinjauError::Pengawas { path, source } => {
                pesan!(lang, "pratinjau.pengawas", path = path, source = source)
            }
        }
    }
}

/// In English, as the catalogue says it ([`PratinjauError::message`]).
impl std::fmt::Display for PratinjauError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// What happened while previewing, for the command line to print.
#[derive(Debug)]
pub enum Peristiwa<'a> {
    /// A build started; `alasan` names the changed files that caused it (empty for the first).
    Membangun {
        /// The changed files, relative to the site folder.
        alasan: &'a [String],
    },
    /// A build succeeded.
    Dibangun(&'a BuildSummary),
    /// A build failed; the preview shows the error until the next build succeeds.
    Gagal(&'a Error),
    /// The first build is done (or failed) and the server answers at `url`.
    Siap {
        /// `http://127.0.0.1:PORT/`
        url: &'a str,
        /// The folder the preview is built into.
        output: &'a Path,
    },
    /// The watcher reported a problem (it goes on watching).
    Pengawas(String),
    /// Another build (`salur build --output .salur/serve`) published into the preview folder:
    /// its pages carry the site's own address, not the preview's, so the preview is rebuilt.
    DiterbitkanLain {
        /// The preview folder.
        output: &'a Path,
    },
}

/// Which manifest lies beside the preview folder: a publish replaces it by a rename (a new
/// file), so a manifest other than the one the preview's own last build left means that
/// another build published there. (`salur build` and `serve` cannot mix their files, the
/// folder's lock sees to that; but the other build's pages, with the site's canonical
/// address, would be served until the next edit.)
#[derive(Debug, Clone, PartialEq, Eq)]
struct TandaManifest(Option<(u64, u64, Option<std::time::SystemTime>)>);

impl TandaManifest {
    fn baca(output: &Path) -> TandaManifest {
        let meta = std::fs::metadata(crate::output::manifest_path(output)).ok();
        TandaManifest(meta.map(|m| {
            #[cfg(unix)]
            let ino = std::os::unix::fs::MetadataExt::ino(&m);
            #[cfg(not(unix))]
            let ino = 0;
            (ino, m.len(), m.modified().ok())
        }))
    }
}

/// What the server shows: the version of the preview and the last build's error, if any.
#[derive(Debug, Default)]
struct Keadaan {
    versi: u64,
    galat: Option<String>,
}

/// A preview whose port is bound; [`Pratinjau::jalankan`] builds, watches and serves.
pub struct Pratinjau {
    root: PathBuf,
    output: PathBuf,
    listener: TcpListener,
    addr: SocketAddr,
    lang: Lang,
}

impl Pratinjau {
    /// Binds 127.0.0.1 on the port of `opsi` (0: any free port) and prepares the preview folder.
    pub fn mulai(opsi: &OpsiPratinjau) -> Result<Pratinjau, PratinjauError> {
        let lang = crate::config::Config::bahasa(&opsi.root);
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, opsi.port)).map_err(|source| {
            PratinjauError::Port {
                port: opsi.port,
                source,
            }
        })?;
        let addr = listener
            .local_addr()
            .map_err(|source| PratinjauError::Port {
                port: opsi.port,
                source,
            })?;
        let output = opsi
            .output
            .clone()
            .unwrap_or_else(|| opsi.root.join(FOLDER_PRATINJAU));
        if folder_terbit(&opsi.root, &output) {
            return Err(PratinjauError::FolderTerbit(output.display().to_string()));
        }
        let folder_err = |source| PratinjauError::Folder {
            path: output.display().to_string(),
            source,
        };
        // a symbolic link is followed, even to a folder not made yet (as `build` does)
        std::fs::create_dir_all(crate::output::jalur_nyata(&output)).map_err(folder_err)?;
        // absolute paths, so that the watcher's paths compare with them
        let output = output.canonicalize().map_err(folder_err)?;
        let root = opsi
            .root
            .canonicalize()
            .map_err(|source| PratinjauError::Folder {
                path: opsi.root.display().to_string(),
                source,
            })?;
        Ok(Pratinjau {
            root,
            output,
            listener,
            addr,
            lang,
        })
    }

    /// The address the preview answers at: `http://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The language of the site (for messages).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Builds the preview, serves it and rebuilds it after every change, telling `lapor` what
    /// happens. Returns only when the watcher stops or cannot be started.
    pub fn jalankan(self, mut lapor: impl FnMut(Peristiwa<'_>)) -> Result<(), PratinjauError> {
        let url = self.url();
        let opsi_build = BuildOptions {
            root: self.root.clone(),
            output: Some(self.output.clone()),
            base_url: Some(url.clone()),
        };
        let keadaan = Arc::new(Mutex::new(Keadaan::default()));
        // the watcher first, so that a change made during the first build is not missed
        let (tx, rx) = mpsc::channel();
        let mut pengawas = Pengawas::mulai(&self.root, tx)?;

        bangun(&opsi_build, &keadaan, &[], &mut lapor);

        let port = self.addr.port();
        let server = tiny_http::Server::from_listener(self.listener, None).map_err(|e| {
            PratinjauError::Port {
                port,
                source: io::Error::other(e.to_string()),
            }
        })?;
        let server = Arc::new(server);
        for _ in 0..PEKERJA {
            let server = Arc::clone(&server);
            let keadaan = Arc::clone(&keadaan);
            let output = self.output.clone();
            let lang = self.lang;
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    tanggapi(request, &output, &keadaan, lang, port);
                }
            });
        }
        lapor(Peristiwa::Siap {
            url: &url,
            output: &self.output,
        });

        // the manifest the preview's own build left (see `TandaManifest`)
        let mut tanda = TandaManifest::baca(&self.output);
        loop {
            let mut berubah = Vec::new();
            match rx.recv_timeout(JEDA_PERIKSA_LUAR) {
                Ok(hasil) => {
                    catat(&self.root, &self.output, hasil, &mut berubah, &mut lapor);
                    // everything that arrived meanwhile goes into the same build
                    while let Ok(hasil) = rx.try_recv() {
                        catat(&self.root, &self.output, hasil, &mut berubah, &mut lapor);
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            let lain = TandaManifest::baca(&self.output) != tanda;
            if berubah.is_empty() && !lain {
                continue;
            }
            if lain {
                lapor(Peristiwa::DiterbitkanLain {
                    output: &self.output,
                });
            }
            // a folder created since (themes/ for a first override) is watched from now on
            if let Err(e) = pengawas.awasi_folder(&self.root) {
                lapor(Peristiwa::Pengawas(e.message(self.lang)));
            }
            bangun(&opsi_build, &keadaan, &berubah, &mut lapor);
            tanda = TandaManifest::baca(&self.output);
        }
        Ok(())
    }
}

/// Adds the inputs of `root` changed in one batch of events to `berubah` (relative paths, once
/// each).
fn catat(
    root: &Path,
    output: &Path,
    hasil: DebounceEventResult,
    berubah: &mut Vec<String>,
    lapor: &mut impl FnMut(Peristiwa<'_>),
) {
    match hasil {
        Ok(events) => {
            for event in events {
                // the build itself opens every input: reading is no change
                if matches!(event.kind, EventKind::Access(_)) {
                    continue;
                }
                for path in &event.paths {
                    if !perubahan_relevan(root, output, path) {
                        continue;
                    }
                    let rel = path
                        .strip_prefix(root)
                        .unwrap_or(path)
                        .display()
                        .to_string();
                    if !berubah.contains(&rel) {
                        berubah.push(rel);
                    }
                }
            }
        }
        Err(errors) => {
            for e in errors {
                lapor(Peristiwa::Pengawas(e.to_string()));
            }
        }
    }
}

/// The debounced watcher of a site's inputs.
struct Pengawas {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    /// Which of [`FOLDER_MASUKAN`] are watched.
    diawasi: [bool; FOLDER_MASUKAN.len()],
}

impl Pengawas {
    /// Watches `root` itself (not below it: `site.toml`, and the input folders when they are
    /// created; never `target/` or `public/`) and each input folder that exists, recursively.
    fn mulai(
        root: &Path,
        tx: mpsc::Sender<DebounceEventResult>,
    ) -> Result<Pengawas, PratinjauError> {
        let debouncer =
            notify_debouncer_full::new_debouncer(JEDA_DEBOUNCE, None, tx).map_err(|source| {
                PratinjauError::Pengawas {
                    path: root.display().to_string(),
                    source,
                }
            })?;
        let mut p = Pengawas {
            debouncer,
            diawasi: [false; FOLDER_MASUKAN.len()],
        };
        p.awasi(root, RecursiveMode::NonRecursive)?;
        p.awasi_folder(root)?;
        Ok(p)
    }

    fn awasi(&mut self, path: &Path, mode: RecursiveMode) -> Result<(), PratinjauError> {
        self.debouncer
            .watch(path, mode)
            .map_err(|source| PratinjauError::Pengawas {
                path: path.display().to_string(),
                source,
            })
    }

    /// Watches every input folder that exists and is not watched yet.
    fn awasi_folder(&mut self, root: &Path) -> Result<(), PratinjauError> {
        for (i, nama) in FOLDER_MASUKAN.iter().enumerate() {
            let folder = root.join(nama);
            if !self.diawasi[i] && folder.is_dir() {
                self.awasi(&folder, RecursiveMode::Recursive)?;
                self.diawasi[i] = true;
            }
        }
        Ok(())
    }
}

/// Whether `output` is the site's published folder, `<root>/public` (by its absolute path, or
/// by what it points to when both exist).
pub fn folder_terbit(root: &Path, output: &Path) -> bool {
    let public = root.join("public");
    let sama = match (std::path::absolute(output), std::path::absolute(&public)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    sama || (public.exists()
        && output.exists()
        && output.canonicalize().ok() == public.canonicalize().ok())
}

/// Runs one build and records its outcome for the server.
fn bangun(
    opsi: &BuildOptions,
    keadaan: &Mutex<Keadaan>,
    alasan: &[String],
    lapor: &mut dyn FnMut(Peristiwa<'_>),
) {
    lapor(Peristiwa::Membangun { alasan });
    let hasil = crate::build(opsi);
    // The files were published inside the build, a moment before the version is raised here: a
    // page served in between carries the old version and reloads once more. Harmless.
    let mut k = keadaan.lock().unwrap_or_else(PoisonError::into_inner);
    match &hasil {
        Ok(summary) => {
            let berubah = summary.output.ditulis > 0 || summary.output.dihapus > 0;
            if berubah || k.galat.is_some() {
                k.versi += 1;
            }
            k.galat = None;
        }
        Err(e) => {
            k.galat = Some(e.to_string());
            k.versi += 1;
        }
    }
    drop(k);
    match &hasil {
        Ok(summary) => lapor(Peristiwa::Dibangun(summary)),
        Err(e) => lapor(Peristiwa::Gagal(e)),
    }
}

/// Answers one request from the preview folder (or with the error page).
fn tanggapi(
    request: tiny_http::Request,
    output: &Path,
    keadaan: &Mutex<Keadaan>,
    lang: Lang,
    port: u16,
) {
    let (versi, galat) = {
        let k = keadaan.lock().unwrap_or_else(PoisonError::into_inner);
        (k.versi, k.galat.clone())
    };
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str());
    let jawaban = if host_diizinkan(host, port) {
        jawab(
            request.method(),
            request.url(),
            output,
            versi,
            galat.as_deref(),
            lang,
        )
    } else {
        Jawaban {
            status: 403,
            jenis: "text/plain; charset=utf-8",
            isi: b"403\n".to_vec(),
        }
    };
    let mut response = tiny_http::Response::from_data(jawaban.isi).with_status_code(jawaban.status);
    for (name, value) in [
        ("Content-Type", jawaban.jenis),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ] {
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(h);
        }
    }
    // the client may have gone away; nothing to do about it
    let _ = request.respond(response);
}

/// Whether a request's `Host` header names the preview itself (`127.0.0.1:PORT` or
/// `localhost:PORT`): a page elsewhere whose name was made to point at 127.0.0.1 (DNS
/// rebinding) must not read the unpublished preview. A request without one (HTTP/1.0) is let in.
pub fn host_diizinkan(host: Option<&str>, port: u16) -> bool {
    let Some(host) = host else {
        return true;
    };
    let host = host.trim().to_ascii_lowercase();
    let (nama, p) = match host.rsplit_once(':') {
        Some((nama, p)) if !nama.ends_with(':') => (nama, p.parse::<u16>().ok()),
        _ => (host.as_str(), Some(80)),
    };
    matches!(nama, "127.0.0.1" | "localhost" | "[::1]") && p == Some(port)
}

/// An answer to a request: status, content type and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jawaban {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type`.
    pub jenis: &'static str,
    /// The body (empty for `HEAD`).
    pub isi: Vec<u8>,
}

/// The answer to `method url` from the preview folder `output`, at `versi`, with the last
/// build's error `galat` (shown instead of every page while there is one).
pub fn jawab(
    method: &tiny_http::Method,
    url: &str,
    output: &Path,
    versi: u64,
    galat: Option<&str>,
    lang: Lang,
) -> Jawaban {
    use tiny_http::Method;
    let head = *method == Method::Head;
    let mut j = jawab_get(url, output, versi, galat, lang);
    if !matches!(method, Method::Get | Method::Head) {
        j = Jawaban {
            status: 405,
            jenis: "text/plain; charset=utf-8",
            isi: b"405\n".to_vec(),
        };
    }
    if head {
        j.isi.clear();
    }
    j
}

fn jawab_get(url: &str, output: &Path, versi: u64, galat: Option<&str>, lang: Lang) -> Jawaban {
    let html = |status, isi: String| Jawaban {
        status,
        jenis: "text/html; charset=utf-8",
        isi: isi.into_bytes(),
    };
    let jalur = url.split(['?', '#']).next().unwrap_or("");
    if jalur == JALUR_VERSI {
        return Jawaban {
            status: 200,
            jenis: "text/plain; charset=utf-8",
            isi: versi.to_string().into_bytes(),
        };
    }
    if jalur == JALUR_SKRIP {
        return Jawaban {
            status: 200,
            jenis: "text/javascript; charset=utf-8",
            isi: SKRIP_MUAT_ULANG.as_bytes().to_vec(),
        };
    }
    let Some(mut berkas) = jalur_berkas(output, jalur) else {
        return html(400, halaman_tidak_ada(jalur, lang, versi));
    };
    if berkas.is_dir() {
        berkas.push("index.html");
    }
    let jenis = jenis_isi(&berkas);
    // a page, or what a browser asks for when following a link to a page not built (yet)
    let halaman = jenis.starts_with("text/html") || jenis == "application/octet-stream";
    if let Some(pesan) = galat
        && halaman
    {
        return html(500, halaman_galat(pesan, lang, versi));
    }
    match std::fs::read(&berkas) {
        Ok(isi) if jenis.starts_with("text/html") => {
            let teks = String::from_utf8_lossy(&isi);
            html(200, sisipkan_skrip(&teks, versi))
        }
        Ok(isi) => Jawaban {
            status: 200,
            jenis,
            isi,
        },
        Err(_) => html(404, halaman_tidak_ada(jalur, lang, versi)),
    }
}

/// The file under `output` that the request path `jalur` (without query) names, or `None` when
/// the path could leave the folder or is not valid (`..`, an encoded `/`, bad percent encoding).
/// A path ending in `/` names its `index.html`; the caller adds it for a folder.
pub fn jalur_berkas(output: &Path, jalur: &str) -> Option<PathBuf> {
    let rest = jalur.strip_prefix('/')?;
    let mut path = output.to_path_buf();
    for segmen in rest.split('/') {
        if segmen.is_empty() {
            continue;
        }
        let s = percent_decode(segmen)?;
        if s == "."
            || s == ".."
            || s.contains(['/', '\\', '\0'])
            || (cfg!(windows) && s.contains(':'))
        {
            return None;
        }
        path.push(s);
    }
    if rest.is_empty() || rest.ends_with('/') {
        path.push("index.html");
    }
    Some(path)
}

/// Decodes `%XX` escapes; `None` for a bad escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` of a file, by its extension.
pub fn jenis_isi(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json",
        "ics" => "text/calendar; charset=utf-8",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// The tag that loads the reload script ([`SKRIP_MUAT_ULANG`]) into a page served at `versi`.
pub fn skrip_muat_ulang(versi: u64) -> String {
    format!("<script src=\"{JALUR_SKRIP}\" data-versi=\"{versi}\"></script>")
}

/// `html` with the reload script of [`skrip_muat_ulang`] before its last `</body>` (at its end
/// when it has none).
pub fn sisipkan_skrip(html: &str, versi: u64) -> String {
    let skrip = skrip_muat_ulang(versi);
    let pos = html.to_ascii_lowercase().rfind("</body>");
    let mut out = String::with_capacity(html.len() + skrip.len());
    match pos {
        Some(i) => {
            out.push_str(&html[..i]);
            out.push_str(&skrip);
            out.push_str(&html[i..]);
        }
        None => {
            out.push_str(html);
            out.push_str(&skrip);
        }
    }
    out
}

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A small self-contained page (no stylesheet, no external resource) with the reload script.
fn halaman(lang: Lang, judul: &str, isi: &str, versi: u64) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{judul} · salur serve</title>\n<style>\
         body{{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;\
         line-height:1.5;color:#1a1a1a}}h1{{color:#a40000;font-size:1.4rem}}\
         pre{{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff4f4;\
         border-left:4px solid #a40000;padding:.75rem 1rem;font-size:.95rem}}\
         </style>\n</head>\n<body>\n<h1>{judul}</h1>\n{isi}\n{skrip}\n</body>\n</html>\n",
        tag = lang.tag(),
        judul = escape(judul),
        skrip = skrip_muat_ulang(versi),
    )
}

/// The page shown instead of every page while the last build failed: the whole message (every
/// problem with its `file:line:column`), escaped, in the site's language, with the reload script
/// so that it gives way to the site once the file is fixed.
pub fn halaman_galat(pesan: &str, lang: Lang, versi: u64) -> String {
    let judul = crate::pesan::teks(lang, "pratinjau.galat_judul");
    let penjelasan = crate::pesan::teks(lang, "pratinjau.galat_penjelasan");
    let isi = format!(
        "<p>{penjelasan}</p>\n<pre>{}</pre>",
        escape(pesan.trim_end())
    );
    halaman(lang, judul, &isi, versi)
}

/// The page for a path that the preview does not have.
pub fn halaman_tidak_ada(jalur: &str, lang: Lang, versi: u64) -> String {
    let judul = crate::pesan::teks(lang, "pratinjau.tidak_ada_judul");
    let teks = crate::pesan::teks(lang, "pratinjau.tidak_ada_teks");
    let beranda = crate::pesan::teks(lang, "pratinjau.ke_beranda");
    let isi = format!(
        "<p>{teks} <code>{}</code>.</p>\n<p><a href=\"/\">{beranda}</a></p>",
        escape(jalur)
    );
    halaman(lang, judul, &isi, versi)
}

/// Whether a change to `path` (absolute) calls for a rebuild: `site.toml`, or a file under
/// `data/`, `content/` or `themes/` of `root`, but not the preview folder `output` (nor its
/// staging folder and manifest beside it) and not an editor's or office suite's temporary or
/// lock file (`.#x`, `x~`, `.x.swp`, `4913`, `.~lock.x#`, `~$x`).
pub fn perubahan_relevan(root: &Path, output: &Path, path: &Path) -> bool {
    if path.starts_with(output) {
        return false;
    }
    if let (Some(parent), Some(nama)) = (output.parent(), output.file_name())
        && let Ok(rest) = path.strip_prefix(parent)
        && let Some(first) = rest.components().next()
    {
        let first = first.as_os_str().to_string_lossy();
        let nama = nama.to_string_lossy();
        if first.starts_with(&format!(".{nama}.")) {
            return false;
        }
    }
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    if let Some(nama) = path.file_name().map(|n| n.to_string_lossy()) {
        let sementara = nama.starts_with(".#")
            || nama.starts_with(".~lock.")
            || nama.starts_with("~$")
            || nama.ends_with('~')
            || nama.ends_with(".swp")
            || nama.ends_with(".swx")
            || nama.ends_with(".swo")
            || nama.ends_with(".tmp")
            || nama.starts_with(".goutputstream")
            || nama == "4913";
        if sementara {
            return false;
        }
    }
    if rel == Path::new(crate::config::CONFIG_FILE) {
        return true;
    }
    rel.components()
        .next()
        .is_some_and(|c| FOLDER_MASUKAN.iter().any(|f| c.as_os_str() == *f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiny_http::Method;

    #[test]
    fn paths_resolve_inside_the_output_only() {
        let out = Path::new("/srv/pratinjau");
        assert_eq!(
            jalur_berkas(out, "/"),
            Some(PathBuf::from("/srv/pratinjau/index.html"))
        );
        assert_eq!(
            jalur_berkas(out, "/wilayah/35/35.75.html"),
            Some(PathBuf::from("/srv/pratinjau/wilayah/35/35.75.html"))
        );
        assert_eq!(
            jalur_berkas(out, "/rapat/"),
            Some(PathBuf::from("/srv/pratinjau/rapat/index.html"))
        );
        assert_eq!(
            jalur_berkas(out, "/titik-bayar/balai%20rw%2001.html"),
            Some(PathBuf::from("/srv/pratinjau/titik-bayar/balai rw 01.html"))
        );
        for bad in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2E%2E/etc/passwd",
            "/a%2f..%2f..%2fetc/passwd",
            "/a%5c..%5c..%5cetc",
            "/./index.html",
            "/%00",
            "/%zz",
            "/%",
            "/%ff.html",
            "relative.html",
        ] {
            assert_eq!(jalur_berkas(out, bad), None, "{bad}");
        }
    }

    #[test]
    fn traversal_is_answered_with_400_and_nothing_outside_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("serve");
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(dir.path().join("rahasia.txt"), "rahasia").unwrap();
        std::fs::write(out.join("index.html"), "<html><body>beranda</body></html>").unwrap();
        std::fs::write(out.join("a/index.html"), "<p>a</p>").unwrap();
        std::fs::write(out.join("style.css"), "body{}").unwrap();
        for bad in [
            "/../rahasia.txt",
            "/a/../../rahasia.txt",
            "/%2e%2e/rahasia.txt",
        ] {
            let j = jawab(&Method::Get, bad, &out, 1, None, Lang::Id);
            assert_eq!(j.status, 400, "{bad}");
            assert!(!String::from_utf8_lossy(&j.isi).contains("rahasia\n"));
        }
        let j = jawab(&Method::Get, "/?x=1", &out, 7, None, Lang::Id);
        assert_eq!(j.status, 200);
        assert_eq!(j.jenis, "text/html; charset=utf-8");
        let body = String::from_utf8(j.isi).unwrap();
        assert!(body.contains("beranda"));
        assert!(body.contains("data-versi=\"7\""), "{body}");
        // a folder without the slash gives its index, with the script
        let j = jawab(&Method::Get, "/a", &out, 7, None, Lang::Id);
        assert_eq!(j.status, 200);
        assert!(String::from_utf8(j.isi).unwrap().contains(JALUR_SKRIP));
        // other files as they are
        let j = jawab(&Method::Get, "/style.css", &out, 7, None, Lang::Id);
        assert_eq!((j.status, j.jenis), (200, "text/css; charset=utf-8"));
        assert_eq!(j.isi, b"body{}");
        let j = jawab(&Method::Get, "/tidak-ada.html", &out, 7, None, Lang::En);
        assert_eq!(j.status, 404);
        assert!(String::from_utf8(j.isi).unwrap().contains("Page not found"));
        let j = jawab(&Method::Get, JALUR_VERSI, &out, 7, None, Lang::Id);
        assert_eq!((j.status, j.isi), (200, b"7".to_vec()));
        let j = jawab(&Method::Get, JALUR_SKRIP, &out, 7, None, Lang::Id);
        assert_eq!((j.status, j.jenis), (200, "text/javascript; charset=utf-8"));
        assert!(String::from_utf8(j.isi).unwrap().contains(JALUR_VERSI));
        let j = jawab(&Method::Head, "/style.css", &out, 7, None, Lang::Id);
        assert_eq!(j.status, 200);
        assert!(j.isi.is_empty());
        let j = jawab(&Method::Post, "/style.css", &out, 7, None, Lang::Id);
        assert_eq!(j.status, 405);
    }

    #[test]
    fn a_failed_build_replaces_every_page_but_not_the_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::write(out.join("index.html"), "<html><body>ISI-LAMA</body></html>").unwrap();
        std::fs::write(out.join("style.css"), "body{}").unwrap();
        let pesan = "data/alokasi.csv:3:5: 'x<b>': harus bilangan bulat\n";
        for url in ["/", "/index.html", "/belum-ada.html", "/wilayah/35/35.75"] {
            let j = jawab(&Method::Get, url, out, 3, Some(pesan), Lang::Id);
            assert_eq!(j.status, 500, "{url}");
            let body = String::from_utf8(j.isi).unwrap();
            assert!(
                body.contains("data/alokasi.csv:3:5: &#39;x&lt;b&gt;&#39;"),
                "{body}"
            );
            assert!(body.contains("Build gagal"));
            assert!(body.contains("data-versi=\"3\""));
            assert!(!body.contains("ISI-LAMA"));
        }
        let j = jawab(&Method::Get, "/style.css", out, 3, Some(pesan), Lang::Id);
        assert_eq!((j.status, j.isi), (200, b"body{}".to_vec()));
    }

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let html = "<html><body><p>&lt;/body&gt;</p></BODY></html>\n";
        let out = sisipkan_skrip(html, 42);
        assert!(out.starts_with("<html><body><p>&lt;/body&gt;</p><script src="));
        assert!(out.ends_with("</script></BODY></html>\n"));
        assert!(out.contains("data-versi=\"42\""));
        assert!(out.contains(JALUR_SKRIP));
        // no body: at the end
        let out = sisipkan_skrip("<p>x</p>", 1);
        assert!(out.starts_with("<p>x</p><script src="));
        assert!(out.ends_with("</script>"));
        // non-ASCII before the tag keeps its bytes (the position is found on an ASCII copy)
        let out = sisipkan_skrip("<body>Rp 2.500.000 — ½</body>", 1);
        assert!(out.starts_with("<body>Rp 2.500.000 — ½<script src="));
    }

    #[test]
    fn error_and_not_found_pages_are_escaped_and_in_the_site_language() {
        let id = halaman_galat("a.csv:1:2: '<script>'", Lang::Id, 5);
        assert!(id.contains("<html lang=\"id\">"));
        assert!(id.contains("Build gagal"));
        assert!(id.contains("&lt;script&gt;"));
        assert!(!id.contains("'<script>'"));
        let en = halaman_galat("a.csv:1:2: x", Lang::En, 5);
        assert!(en.contains("<html lang=\"en\">"));
        assert!(en.contains("Build failed"));
        let nf = halaman_tidak_ada("/<x>", Lang::Id, 5);
        assert!(nf.contains("&lt;x&gt;"));
        assert!(nf.contains("Halaman tidak ada"));
        // self-contained: nothing loaded from elsewhere but the server's own reload script
        for page in [id, en, nf] {
            assert!(!page.contains("http"), "{page}");
            let src: Vec<&str> = page.split("src=\"").skip(1).collect();
            assert_eq!(src.len(), 1, "{page}");
            assert!(src[0].starts_with(JALUR_SKRIP), "{page}");
        }
    }

    #[test]
    fn only_the_preview_own_host_names_are_served() {
        assert!(host_diizinkan(Some("127.0.0.1:1111"), 1111));
        assert!(host_diizinkan(Some("localhost:1111"), 1111));
        assert!(host_diizinkan(Some("LOCALHOST:1111"), 1111));
        assert!(host_diizinkan(None, 1111));
        assert!(host_diizinkan(Some("127.0.0.1"), 80));
        assert!(!host_diizinkan(Some("127.0.0.1:8000"), 1111));
        assert!(!host_diizinkan(Some("evil.example:1111"), 1111));
        assert!(!host_diizinkan(Some("127.0.0.1.evil.example:1111"), 1111));
        assert!(!host_diizinkan(Some(""), 1111));
    }

    #[test]
    fn the_published_folder_is_never_the_preview() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        assert!(folder_terbit(root, &root.join("public")));
        assert!(folder_terbit(root, &root.join("./public/")));
        assert!(!folder_terbit(root, &root.join(FOLDER_PRATINJAU)));
        assert!(!folder_terbit(root, &root.join("public-pratinjau")));
        std::fs::create_dir_all(root.join("public")).unwrap();
        std::fs::create_dir_all(root.join("x")).unwrap();
        assert!(folder_terbit(root, &root.join("x/../public")));
    }

    #[test]
    fn content_types() {
        for (f, t) in [
            ("a.html", "text/html; charset=utf-8"),
            ("A.HTML", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("urut.js", "text/javascript; charset=utf-8"),
            ("g.svg", "image/svg+xml"),
            ("unduh/realisasi.csv", "text/csv; charset=utf-8"),
            ("datapackage.json", "application/json"),
            (
                "wilayah/35/35.75.01.1001.ics",
                "text/calendar; charset=utf-8",
            ),
            ("feed.xml", "application/xml"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("docs/a.png", "image/png"),
            ("pengumuman.pdf", "application/pdf"),
            ("tanpa-ekstensi", "application/octet-stream"),
        ] {
            assert_eq!(jenis_isi(Path::new(f)), t, "{f}");
        }
    }

    #[test]
    fn only_inputs_trigger_a_rebuild() {
        let root = Path::new("/situs");
        let out = Path::new("/situs/.salur/serve");
        let relevan = |p: &str| perubahan_relevan(root, out, Path::new(p));
        assert!(relevan("/situs/site.toml"));
        assert!(relevan("/situs/data/alokasi.csv"));
        assert!(relevan("/situs/data"));
        assert!(relevan("/situs/content/rapat/2021-07-13.md"));
        assert!(relevan("/situs/themes/default/templates/base.html"));
        assert!(!relevan("/situs/public/index.html"));
        assert!(!relevan("/situs/target/debug/salur"));
        assert!(!relevan("/situs/Cargo.toml"));
        assert!(!relevan("/situs/.salur/serve/index.html"));
        assert!(!relevan("/situs/.salur/.serve.staging/index.html"));
        assert!(!relevan("/situs/.salur/.serve.salur-manifest"));
        assert!(!relevan("/lain/data/alokasi.csv"));
        for temp in [
            "/situs/data/.alokasi.csv.swp",
            "/situs/data/alokasi.csv~",
            "/situs/data/.#alokasi.csv",
            "/situs/data/.~lock.alokasi.csv#",
            "/situs/data/~$alokasi.xlsx",
            "/situs/content/4913",
            "/situs/content/.goutputstream-ABC123",
        ] {
            assert!(!relevan(temp), "{temp}");
        }
        // an output inside data/ (unusual) is still not an input
        let out = Path::new("/situs/data/pratinjau");
        assert!(!perubahan_relevan(
            root,
            out,
            Path::new("/situs/data/pratinjau/index.html")
        ));
        assert!(!perubahan_relevan(
            root,
            out,
            Path::new("/situs/data/.pratinjau.staging/x.html")
        ));
    }
}
