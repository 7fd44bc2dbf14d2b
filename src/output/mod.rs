//! The `output` stage: publishes the site atomically and rewrites only what changed.
//!
//! Beside every published folder lies a manifest (`.public.salur-manifest` for `public/`): one
//! line per file with its content hash, size, modification time and the fingerprint of the
//! inputs it was rendered from. It is kept outside the folder so that the published bytes stay
//! deterministic. A build skips rendering a page whose fingerprint and file are unchanged, and
//! compares each page it renders with the manifest (and the file's size and mtime on disk, so
//! a hand-edited file is noticed; a stale manifest only costs a byte comparison):
//!
//! - when nothing changed and nothing was removed, the published folder is not touched at all;
//! - otherwise the changed files are written into a staging folder beside the published one,
//!   the unchanged ones are hard-linked into it (keeping their inode and mtime, so a deploy
//!   tool uploads only what changed), a manifest good for either folder is written (see
//!   [`Staging::commit`]), the two folders are exchanged with one atomic
//!   `renameat2(RENAME_EXCHANGE)` (renames where the system has no such call), the new
//!   manifest is written and the old tree removed.
//!
//! A build that fails, or is killed at any moment, leaves the published folder complete and
//! byte-identical (`tests/suite/kill.rs`), and the next build removes what it left beside it
//! ([`bersihkan_sisa`]). Only the renames' fallback has a moment without a published folder:
//! the previous one then lies complete beside it, and the next build puts it back. The manifest also marks a folder as salur's own: salur refuses to publish
//! into a non-empty folder without one, or into the site folder itself, so that `--output`
//! can never delete a user's files.
//!
//! One build at a time: a build holds an exclusive lock ([`Kunci`], an advisory `flock` on
//! `.public.salur-lock` beside the folder) from before it reads anything beside the folder until
//! it has published, so that two builds into one folder never mix their files and a build with
//! nothing to do never removes another's staging folder. The kernel releases the lock when its
//! holder dies, so a killed build never blocks the next one. Each process stages into a folder
//! of its own (`.public.staging-<pid>`).
//!
//! Durable: the staging folder's files and folders and the manifest reach the disk before the
//! exchange, and the exchange itself right after it (see [`Staging::commit`]), so that a power
//! cut after a build said it published leaves the new site, and one before leaves the old.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, UNIX_EPOCH};

use rayon::prelude::*;

use crate::lang::Lang;
use crate::pesan;

mod disk;
mod kunci;
mod manifest;
#[cfg(test)]
mod tests;

use disk::*;
pub use kunci::Kunci;
use manifest::*;
pub use manifest::{BuildTersimpan, build_tersimpan};

/// The manifest of `public`: `.<name>.salur-manifest` in the same parent folder.
pub fn manifest_path(public: &Path) -> PathBuf {
    beside(public, ".salur-manifest")
}

/// A path beside `public`: `.<name><suffix>` in the same parent folder.
fn beside(public: &Path, suffix: &str) -> PathBuf {
    let name = public
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_string());
    public
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        .join(format!(".{name}{suffix}"))
}

/// The staging folder of this process for `public`: `.<name>.staging-<pid>` beside it. Its
/// own name per process makes a killed build's leftovers recognisable by name; only the holder
/// of [`Kunci`] ever removes one.
fn staging_path(public: &Path) -> PathBuf {
    beside(public, &format!(".staging-{}", std::process::id()))
}

/// Whether `name` (a name in the parent folder of `public`) is a staging folder of `public`,
/// this process's or another's: `.<name>.staging-<pid>`, or `.<name>.staging` as salur 0.1
/// named it before builds took a lock.
fn adalah_staging(public: &Path, name: &str) -> bool {
    let prefix = beside(public, ".staging");
    let Some(prefix) = prefix.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
}

/// The lock file of `public`: `.<name>.salur-lock` beside it (see [`Kunci`]).
pub fn kunci_path(public: &Path) -> PathBuf {
    beside(public, ".salur-lock")
}

/// The suppression decisions of the last build of `public` ([`crate::analysis::privasi::Tembolok`]):
/// `.<name>.salur-tembolok` beside it.
pub fn tembolok_path(public: &Path) -> PathBuf {
    beside(public, ".salur-tembolok")
}

/// The figures the last build published ([`crate::data::koreksi::Simpanan`]), for the next
/// build's history of corrections: `.<name>.salur-angka` beside it. A cache checked against
/// the publication it names: deleting it is always safe (the next build reads
/// `unduh/realisasi.csv` instead).
pub fn angka_terbit_path(public: &Path) -> PathBuf {
    beside(public, ".salur-angka")
}

/// [`angka_terbit_path`] being written, before it is renamed over it.
fn angka_terbit_tmp_path(public: &Path) -> PathBuf {
    let mut tmp = angka_terbit_path(public).into_os_string();
    tmp.push(".tmp");
    PathBuf::from(tmp)
}

/// The spare of `public`: `.<name>.salur-cadangan` beside it, the site before the last
/// publish, kept instead of removed. The next build takes it as its staging folder and only
/// patches it (writes what changed, removes what went, links what it lacks) rather than
/// linking every file into a new folder and removing the previous tree: on the national site
/// about 400,000 links and removals, 2.8 s of a one-kelurahan correction. It shares its
/// unchanged files with the published folder (hard links), so it costs the disk only the
/// previous versions of the changed ones; deleting it is always safe.
pub fn cadangan_path(public: &Path) -> PathBuf {
    beside(public, ".salur-cadangan")
}

/// The bytes of [`tembolok_path`]; empty when there is no such file, it is not an ordinary
/// file, cannot be read, or is larger than `batas` bytes (a cache: a build without it does the
/// work).
pub fn baca_tembolok(public: &Path, batas: u64) -> Vec<u8> {
    let path = tembolok_path(public);
    match fs::symlink_metadata(&path) {
        Ok(m) if m.is_file() && m.len() <= batas => fs::read(&path).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// [`tembolok_path`] being written, before it is renamed over it.
fn tembolok_tmp_path(public: &Path) -> PathBuf {
    let mut tmp = tembolok_path(public).into_os_string();
    tmp.push(".tmp");
    PathBuf::from(tmp)
}

/// Where the swap by renames parks the previous site: `.<name>.old` beside it.
fn old_path(public: &Path) -> PathBuf {
    beside(public, ".old")
}

/// The manifest being written, before it is renamed over the manifest.
fn manifest_tmp_path(public: &Path) -> PathBuf {
    let mut tmp = manifest_path(public).into_os_string();
    tmp.push(".tmp");
    PathBuf::from(tmp)
}

/// Removes what a killed build left beside the locked folder: staging folders (a build killed
/// while rendering or linking, or while removing the previous site after the swap), a
/// manifest half written, and the previous site parked by the swap by renames. When a build
/// was killed between that swap's first two renames, the folder is missing and the parked
/// folder holds the previous site, complete: it is put back.
///
/// It takes the lock ([`Kunci`]) as proof that no other build of this folder is alive: every
/// staging folder beside it, whatever process named it, is then a leftover.
pub fn bersihkan_sisa(kunci: &Kunci) -> Result<(), OutputError> {
    let public = kunci.public.as_path();
    let old = old_path(public);
    if old.is_dir() {
        if fs::symlink_metadata(public).is_err() {
            fs::rename(&old, public).map_err(|e| err(public, e))?;
        } else {
            fs::remove_dir_all(&old).map_err(|e| err(&old, e))?;
        }
    }
    let parent = public.parent().unwrap_or(Path::new("."));
    if let Ok(entries) = fs::read_dir(parent) {
        for e in entries.flatten() {
            let name = e.file_name();
            if !name.to_str().is_some_and(|n| adalah_staging(public, n)) {
                continue;
            }
            let path = e.path();
            let cadangan = cadangan_path(public);
            let removed = if e.file_type().is_ok_and(|t| t.is_dir()) {
                // a killed build's staging folder is as good a spare as any
                if fs::symlink_metadata(&cadangan).is_err() && fs::rename(&path, &cadangan).is_ok()
                {
                    continue;
                }
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
            removed.map_err(|e| err(&path, e))?;
        }
    }
    for tmp in [
        manifest_tmp_path(public),
        tembolok_tmp_path(public),
        angka_terbit_tmp_path(public),
    ] {
        if tmp.is_file() {
            fs::remove_file(&tmp).map_err(|e| err(&tmp, e))?;
        }
    }
    Ok(())
}

/// Refuses an output folder that would hurt the site: one that is (or contains) the site
/// folder, one inside an input folder (`data/`, `content/`, `themes/`: the next build would
/// read the published site as input, and `themes/*/static` would publish it again inside the
/// new one), or a file (`site.toml`). Links are followed on both sides.
///
/// An output that is a symbolic link is published where it leads ([`jalur_nyata`]), even when
/// its target does not exist yet (`public -> /srv/www/bansos`: the folder is created there, and
/// the link then leads to it), and these checks apply to the target; a message names the link
/// and its target (`pub (→ /srv/www/bansos)`). The operator's link itself is never touched,
/// let alone replaced by a folder. Links that loop are refused.
pub fn periksa_tujuan(public: &Path, site: &Path) -> Result<(), OutputError> {
    if let Err(e) = fs::metadata(public)
        && crate::berkas::berputar(&e)
    {
        return Err(OutputError::TautanBerputar {
            path: public.display().to_string(),
            source: e,
        });
    }
    let public_abs = absolute(public);
    let site_abs = absolute(site);
    let nama = || nama_keluaran(public, &public_abs);
    if site_abs.starts_with(&public_abs) {
        return Err(OutputError::BerisiSitus(nama()));
    }
    for folder in ["data", "content", "themes"] {
        if public_abs.starts_with(absolute(&site.join(folder))) {
            return Err(OutputError::DalamMasukan {
                path: nama(),
                folder: folder.to_string(),
            });
        }
    }
    if fs::metadata(public).is_ok_and(|m| !m.is_dir()) {
        return Err(OutputError::BukanFolder(nama()));
    }
    Ok(())
}

/// The output folder as messages name it: as given, and where it leads when it is a symbolic
/// link (`pub (→ /srv/www/bansos)`).
fn nama_keluaran(public: &Path, nyata: &Path) -> String {
    if fs::symlink_metadata(public).is_ok_and(|m| m.file_type().is_symlink()) {
        format!("{} (→ {})", public.display(), nyata.display())
    } else {
        public.display().to_string()
    }
}

/// Where the output folder `public` really is: absolute, symbolic links followed, also a link
/// whose target does not exist yet (it is created there) and links in the part of the path
/// that exists. The lock, the manifest, the staging folder and the swap are all beside it, so
/// that a build publishes into the link's target and never replaces the link.
pub fn jalur_nyata(public: &Path) -> PathBuf {
    absolute(public)
}

/// Whether the folder `public` would be created in exists (where its lock file goes).
pub fn induk_ada(public: &Path) -> bool {
    absolute(public).parent().is_some_and(Path::is_dir)
}

/// A test hook for `tests/suite/kill.rs`, in debug builds only: with `SALUR_UJI_HENTI=<point>` in
/// the environment, the process kills itself with SIGKILL at that point of a publish, so that
/// the moments between two renames, too narrow for a kill from outside to hit, are tested.
#[cfg(all(debug_assertions, unix))]
fn henti(titik: &str) {
    if std::env::var_os("SALUR_UJI_HENTI").is_some_and(|v| v == titik) {
        // SAFETY: kill(2) on this process with a valid signal number.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
    }
}

#[cfg(not(all(debug_assertions, unix)))]
fn henti(_titik: &str) {}

#[cfg(test)]
thread_local! {
    /// The step [`gagal_uji`] fails in this thread (unit tests: the environment is shared by
    /// the tests running at once).
    static GAGAL_UJI: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
}

/// A test hook, in debug builds only: with `SALUR_UJI_GAGAL=<step>` in the environment (or
/// its thread-local twin in unit tests), the step of a publish after the exchange (`manifest`,
/// `hapus-lama`) fails as a full disk would make it fail, so that what a build says then is
/// tested.
fn gagal_uji(titik: &str, path: &Path) -> Result<(), OutputError> {
    #[cfg(test)]
    let uji = GAGAL_UJI.with(|g| g.get()) == Some(titik);
    #[cfg(not(test))]
    let uji = false;
    let env =
        cfg!(debug_assertions) && std::env::var_os("SALUR_UJI_GAGAL").is_some_and(|v| v == titik);
    if uji || env {
        #[cfg(unix)]
        let e = io::Error::from_raw_os_error(libc::ENOSPC);
        #[cfg(not(unix))]
        let e = io::Error::other("no space left on device");
        return Err(err(path, e));
    }
    Ok(())
}

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// A file or folder could not be read or written.
    Io {
        /// The file or folder.
        path: String,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The output folder has files that salur did not write.
    BukanKeluaranSalur(String),
    /// The output folder is, or contains, the site folder.
    BerisiSitus(String),
    /// The output folder lies inside one of the site's input folders.
    DalamMasukan {
        /// The output folder as given.
        path: String,
        /// The input folder (`data`, `content`, `themes`).
        folder: String,
    },
    /// The output path is a file, not a folder.
    BukanFolder(String),
    /// A symbolic link was made where the build publishes while it ran: it is not replaced.
    MenjadiTautan(String),
    /// The output is a symbolic link that never reaches a folder: links that lead to each
    /// other.
    TautanBerputar {
        /// The output as given.
        path: String,
        /// The system's message.
        #[source]
        source: io::Error,
    },
    /// Another build holds the output folder's lock, and kept it longer than this build
    /// would wait.
    SedangDibangun {
        /// The output folder.
        path: String,
        /// The other build's process id, when known.
        pid: Option<u32>,
        /// How long this build waited, in seconds.
        detik: u64,
    },
    /// The new site **was published**, and a step after that failed: the site is whole and
    /// live, the failure concerns what lies beside it.
    SetelahTerbit {
        /// What the publish did.
        ringkasan: Ringkasan,
        /// The step that failed.
        langkah: LangkahSetelahTerbit,
        /// The output folder.
        public: String,
        /// The file or folder the step failed on.
        path: String,
        /// The cause.
        #[source]
        source: io::Error,
    },
}

/// A step after the exchange that made the new site live (see [`OutputError::SetelahTerbit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangkahSetelahTerbit {
    /// Making the exchange durable (the parent folder's sync).
    Sinkron,
    /// Writing the final manifest.
    Manifest,
    /// Removing the previous site (or putting the parked one away, with the renames).
    HapusLama,
}

impl OutputError {
    /// Whether the new site was published despite this error (exit status 3 of `salur
    /// build`): the message then says what failed after it and what the next build does.
    pub fn sudah_terbit(&self) -> bool {
        matches!(self, OutputError::SetelahTerbit { .. })
    }
}

impl OutputError {
    /// The message in `lang`, from the message catalogue ([`crate::pesan`]).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OutputError::Io { path, source } => {
                pesan!(lang, "keluaran.io", path = path, source = source)
            }
            OutputError::BukanKeluaranSalur(p) => {
                pesan!(lang, "keluaran.bukan_keluaran_salur", p = p)
            }
            OutputError::BerisiSitus(p) => pesan!(lang, "keluaran.berisi_situs", p = p),
            OutputError::DalamMasukan { path, folder } => {
                pesan!(lang, "keluaran.dalam_masukan", path = path, folder = folder)
            }
            OutputError::BukanFolder(p) => pesan!(lang, "keluaran.bukan_folder", p = p),
            OutputError::MenjadiTautan(p) => pesan!(lang, "keluaran.menjadi_tautan", p = p),
            OutputError::TautanBerputar { path, source } => pesan!(
                lang,
                "keluaran.tautan_berputar",
                path = path,
                source = source
            ),
            OutputError::SedangDibangun { path, pid, detik } => {
                let siapa = match pid {
                    Some(pid) => pesan!(lang, "keluaran.build_lain_pid", pid = pid),
                    None => pesan!(lang, "keluaran.build_lain"),
                };
                pesan!(
                    lang,
                    "keluaran.sedang_dibangun",
                    path = path,
                    siapa = siapa,
                    detik = detik
                )
            }
            OutputError::SetelahTerbit {
                ringkasan: r,
                langkah,
                public,
                path,
                source,
            } => {
                let kunci = match langkah {
                    LangkahSetelahTerbit::Sinkron => "keluaran.gagal_sinkron",
                    LangkahSetelahTerbit::Manifest => "keluaran.gagal_manifest",
                    LangkahSetelahTerbit::HapusLama => "keluaran.gagal_hapus_lama",
                };
                pesan!(
                    lang,
                    "keluaran.setelah_terbit",
                    public = public,
                    ditulis = r.ditulis,
                    tetap = r.tetap,
                    dihapus = r.dihapus,
                    langkah = pesan!(lang, kunci, path = path, source = source),
                )
            }
        }
    }
}

/// In English, as the catalogue says it ([`OutputError::message`]).
impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

fn err(path: &Path, source: io::Error) -> OutputError {
    OutputError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// What a finished build did to the published folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ringkasan {
    /// Files written because they are new or their bytes changed.
    pub ditulis: usize,
    /// Files whose bytes were already published.
    pub tetap: usize,
    /// Published files that the new build no longer has.
    pub dihapus: usize,
}

/// What happened to one file of the new build.
enum Nasib {
    /// Identical to the published file, whose inode number is the second field: link it at
    /// commit time, unless the staging folder already holds that inode there.
    Tetap(Entry, u64),
    /// Written into the staging folder.
    Ditulis { hash: u64, size: u64, sidik: u64 },
}

/// A writer that hashes and counts what passes through it.
struct Menghitung<W: Write> {
    inner: W,
    hash: xxhash_rust::xxh3::Xxh3,
    size: u64,
}

impl<W: Write> Write for Menghitung<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A build in progress. Files are compared with what is published; changed ones go into a
/// staging folder beside it. Writing is safe from many threads at once.
pub struct Staging {
    public: PathBuf,
    staging: PathBuf,
    manifest: Option<HashMap<String, Entry>>,
    files: Mutex<Vec<(String, Nasib)>>,
    /// The fingerprint of every input of this build, recorded in the manifest.
    masukan: Option<u64>,
    /// The build's warnings (language, text), kept beside the manifest.
    peringatan: Option<(Lang, String)>,
    staging_made: Mutex<bool>,
    dirs: Mutex<HashSet<PathBuf>>,
    /// The output folder's lock, held until the build is published or abandoned.
    _kunci: Kunci,
}

impl Staging {
    /// Starts a build that will publish into `public` the site whose sources are in `site`,
    /// taking the folder's lock without waiting (see [`Staging::begin_terkunci`]).
    pub fn begin(public: &Path, site: &Path) -> Result<Staging, OutputError> {
        periksa_tujuan(public, site)?;
        let kunci = Kunci::ambil(public, Duration::ZERO, &|_| {})?;
        Staging::begin_terkunci(kunci, site)
    }

    /// Starts a build that will publish into the folder `kunci` holds the site whose sources
    /// are in `site`. Refuses an output folder that [`periksa_tujuan`] refuses, or that holds
    /// files salur did not write. What a killed build left beside it is removed.
    pub fn begin_terkunci(kunci: Kunci, site: &Path) -> Result<Staging, OutputError> {
        let public_abs = kunci.public().to_path_buf();
        periksa_tujuan(&public_abs, site)?;
        bersihkan_sisa(&kunci)?;
        let manifest = read_manifest(&public_abs);
        if manifest.is_none()
            && let Ok(mut entries) = fs::read_dir(&public_abs)
            && entries.next().is_some()
        {
            return Err(OutputError::BukanKeluaranSalur(
                public_abs.display().to_string(),
            ));
        }
        Ok(Staging {
            staging: staging_path(&public_abs),
            public: public_abs,
            manifest,
            files: Mutex::new(Vec::new()),
            masukan: None,
            peringatan: None,
            staging_made: Mutex::new(false),
            dirs: Mutex::new(HashSet::default()),
            _kunci: kunci,
        })
    }

    /// Makes the folder `dir` of the staging folder, and those above it. The staging folder
    /// may be the spare, the previous site: a file or a symbolic link where a folder goes is
    /// removed, never followed.
    fn ensure_dir(&self, dir: &Path) -> Result<(), OutputError> {
        if let Ok(dirs) = self.dirs.lock()
            && dirs.contains(dir)
        {
            return Ok(());
        }
        let rel = dir
            .strip_prefix(&self.staging)
            .map_err(|_| err(dir, io::Error::other("a folder outside the staging folder")))?;
        let mut at = self.staging.clone();
        for part in rel.components() {
            at.push(part);
            folder_ada(&at).map_err(|e| err(&at, e))?;
        }
        if let Ok(mut dirs) = self.dirs.lock() {
            dirs.insert(dir.to_path_buf());
        }
        Ok(())
    }

    /// Makes the staging folder, once: the spare when there is one ([`cadangan_path`]), else a
    /// new folder.
    fn ensure_staging(&self) -> Result<(), OutputError> {
        let mut made = self
            .staging_made
            .lock()
            .map_err(|_| err(&self.staging, io::Error::other("lock poisoned")))?;
        if !*made {
            if !self.ambil_cadangan() {
                fs::create_dir_all(&self.staging).map_err(|e| err(&self.staging, e))?;
            }
            *made = true;
        }
        Ok(())
    }

    /// Takes the spare as this build's staging folder, when the published folder has a
    /// manifest (a first build has nothing to gain from it). Whatever the spare holds, the
    /// build only ever writes new files into it (never into a file the published folder
    /// shares) and [`rapikan`] removes or replaces the rest before it is published.
    fn ambil_cadangan(&self) -> bool {
        if self.manifest.is_none() {
            return false;
        }
        let cadangan = cadangan_path(&self.public);
        fs::symlink_metadata(&cadangan).is_ok_and(|m| m.is_dir())
            && fs::rename(&cadangan, &self.staging).is_ok()
            && fs::symlink_metadata(&self.staging)
                .and_then(|meta| izinkan(&self.staging, &meta))
                .is_ok()
    }

    /// Whether the published `rel` already holds exactly `bytes`: its entry, and its inode
    /// number.
    fn unchanged(&self, rel: &str, bytes: &[u8], h: u64, sidik: u64) -> Option<(Entry, u64)> {
        let path = self.public.join(rel);
        let meta = fs::metadata(&path).ok()?;
        if !meta.is_file() || meta.len() != bytes.len() as u64 {
            return None;
        }
        let on_disk = Entry {
            hash: h,
            size: meta.len(),
            mtime_ns: mtime_ns(&meta),
            sidik,
        };
        let same = match self.manifest.as_ref().and_then(|m| m.get(rel)) {
            // the manifest vouches for the file as long as nobody touched it since: its hash
            // says whether the bytes are the same, without reading them (a 180 MB download
            // would otherwise be read back to find it changed)
            Some(e) if e.matches(&meta) => e.hash == h,
            _ => fs::read(&path).ok()? == bytes,
        };
        same.then(|| (on_disk, inode(&meta)))
    }

    /// Keeps the published `rel` without rendering it when it was rendered from inputs with
    /// the same fingerprint and has not been touched since. Returns whether it was kept.
    pub fn keep_if_current(&self, rel: &str, sidik: u64) -> bool {
        let Some(entry) = self.manifest.as_ref().and_then(|m| m.get(rel)) else {
            return false;
        };
        if entry.sidik != sidik || sidik == 0 {
            return false;
        }
        let meta = match fs::metadata(self.public.join(rel)) {
            Ok(meta) if entry.matches(&meta) => meta,
            _ => return false,
        };
        match self.files.lock() {
            Ok(mut files) => {
                files.push((rel.to_string(), Nasib::Tetap(*entry, inode(&meta))));
                true
            }
            Err(_) => false,
        }
    }

    /// Adds a file at `rel` (a `/`-separated path relative to the output root), rendered from
    /// inputs with fingerprint `sidik` (0 when it has none).
    pub fn write(&self, rel: &str, bytes: &[u8], sidik: u64) -> Result<(), OutputError> {
        let h = hash(bytes);
        let nasib = match self.unchanged(rel, bytes, h, sidik) {
            Some((entry, ino)) => Nasib::Tetap(entry, ino),
            None => {
                let target = self.staged_path(rel)?;
                buat_baru(&target)
                    .and_then(|mut f| f.write_all(bytes))
                    .map_err(|e| err(&target, e))?;
                Nasib::Ditulis {
                    hash: h,
                    size: bytes.len() as u64,
                    sidik,
                }
            }
        };
        self.record(rel, nasib)
    }

    /// Like [`Staging::write`], for a file too large to hold in memory: `fill` writes its
    /// bytes into the staging folder as they are made, hashed on the way. When the manifest
    /// vouches that the published file has the same bytes, the staged copy is dropped and the
    /// published one kept; when it cannot (no manifest, a hand-edited file), the new copy is
    /// published.
    pub fn write_stream(
        &self,
        rel: &str,
        sidik: u64,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), OutputError> {
        let target = self.staged_path(rel)?;
        let file = buat_baru(&target).map_err(|e| err(&target, e))?;
        let mut w = Menghitung {
            inner: io::BufWriter::with_capacity(1 << 16, file),
            hash: xxhash_rust::xxh3::Xxh3::new(),
            size: 0,
        };
        fill(&mut w).map_err(|e| err(&target, e))?;
        w.inner.flush().map_err(|e| err(&target, e))?;
        let (h, size) = (w.hash.digest(), w.size);
        drop(w);
        let published = self.public.join(rel);
        let tetap = match (
            fs::metadata(&published),
            self.manifest.as_ref().and_then(|m| m.get(rel)),
        ) {
            (Ok(meta), Some(e)) if e.matches(&meta) && e.hash == h && e.size == size => Some((
                Entry {
                    hash: h,
                    size,
                    mtime_ns: mtime_ns(&meta),
                    sidik,
                },
                inode(&meta),
            )),
            _ => None,
        };
        let nasib = match tetap {
            Some((entry, ino)) => {
                fs::remove_file(&target).map_err(|e| err(&target, e))?;
                Nasib::Tetap(entry, ino)
            }
            None => Nasib::Ditulis {
                hash: h,
                size,
                sidik,
            },
        };
        self.record(rel, nasib)
    }

    /// The path of `rel` in the staging folder, which is created with its folders.
    fn staged_path(&self, rel: &str) -> Result<PathBuf, OutputError> {
        self.ensure_staging()?;
        let target = self.staging.join(rel);
        if let Some(dir) = target.parent() {
            self.ensure_dir(dir)?;
        }
        Ok(target)
    }

    /// Records what became of `rel`.
    fn record(&self, rel: &str, nasib: Nasib) -> Result<(), OutputError> {
        self.files
            .lock()
            .map_err(|_| err(&self.staging, io::Error::other("lock poisoned")))?
            .push((rel.to_string(), nasib));
        Ok(())
    }

    /// Publishes the build: leaves the published folder untouched when nothing changed, else
    /// completes the staging folder, makes it durable (with a manifest good for either
    /// folder), swaps it into place, syncs the parent folder, writes the final manifest and
    /// keeps the previous tree as the spare. An error before the exchange leaves the published folder as
    /// it was; one after it is [`OutputError::SetelahTerbit`]: the new site is live.
    pub fn commit(mut self) -> Result<Ringkasan, OutputError> {
        let mut files = std::mem::take(
            self.files
                .get_mut()
                .map_err(|_| err(&self.staging, io::Error::other("lock poisoned")))?,
        );
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let ditulis = files
            .iter()
            .filter(|(_, n)| matches!(n, Nasib::Ditulis { .. }))
            .count();
        let new_paths: HashSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        let dihapus = match &self.manifest {
            Some(m) => m.keys().filter(|p| !new_paths.contains(p.as_str())).count(),
            None => 0,
        };
        let ringkasan = Ringkasan {
            ditulis,
            tetap: files.len() - ditulis,
            dihapus,
        };
        let manifest_path = manifest_path(&self.public);
        let fingerprints_changed = self.manifest.as_ref().is_some_and(|m| {
            files.iter().any(|(p, n)| match n {
                Nasib::Tetap(e, _) => m.get(p).is_none_or(|old| old.sidik != e.sidik),
                Nasib::Ditulis { .. } => false,
            })
        });
        // (and the folder holds nothing else: a file, link or folder someone put there goes by
        // a publish, as a fresh build would not have it)
        if ditulis == 0
            && dihapus == 0
            && self
                .manifest
                .as_ref()
                .is_some_and(|m| hanya_isi_manifest(&self.public, m))
        {
            self.lepas_staging().map_err(|e| err(&self.staging, e))?;
            // same files, rendered from other inputs (new fingerprints) or from other input
            // bytes (a comment in site.toml): record them
            if fingerprints_changed
                || (self.masukan.is_some() && baca_masukan(&self.public) != self.masukan)
            {
                let entries: Vec<(String, Entry)> = files
                    .iter()
                    .filter_map(|(p, n)| match n {
                        Nasib::Tetap(e, _) => Some((p.clone(), *e)),
                        Nasib::Ditulis { .. } => None,
                    })
                    .collect();
                write_manifest(
                    &manifest_path,
                    entries.iter().map(|(p, e)| (p.as_str(), e)),
                    self.peringatan.as_ref(),
                    self.masukan,
                )?;
            }
            return Ok(ringkasan);
        }

        // the folder is where the output's links lead (`jalur_nyata`): a link found here now
        // was made during the build, and is the operator's, never replaced by a folder
        if fs::symlink_metadata(&self.public).is_ok_and(|m| m.file_type().is_symlink()) {
            let _ = fs::remove_dir_all(&self.staging);
            return Err(OutputError::MenjadiTautan(
                self.public.display().to_string(),
            ));
        }

        // Complete the staging folder. It is a fresh folder, or the previous site (the spare,
        // see [`cadangan_path`]) that this build wrote its changed files into: whatever it holds
        // that the new site does not want is removed, and each unchanged file is linked from
        // the published folder unless that very file (its inode) is already there, which on a
        // national site with one kelurahan corrected is all but a few dozen of 200,000.
        self.ensure_staging()?;
        let mau: HashMap<&str, &Nasib> = files.iter().map(|(p, n)| (p.as_str(), n)).collect();
        let sudah = rapikan(&self.staging, &mau)?;
        // the folders made while rendering may be gone (a folder whose only file was a streamed
        // one found unchanged, and removed, is left empty and removed)
        self.dirs
            .lock()
            .map_err(|_| err(&self.staging, io::Error::other("lock poisoned")))?
            .clear();
        let dirs: std::collections::BTreeSet<PathBuf> = files
            .iter()
            .filter(|(p, n)| matches!(n, Nasib::Tetap(..)) && !sudah.contains(p.as_str()))
            .filter_map(|(p, _)| self.staging.join(p).parent().map(Path::to_path_buf))
            .collect();
        for d in &dirs {
            self.ensure_dir(d)?;
        }
        // (each entry, and whether its bytes were written by this build: written or copied,
        // not linked, so they must be synced)
        let entries: Vec<(String, Entry, bool)> = files
            .par_iter()
            .map(
                |(rel, nasib)| -> Result<(String, Entry, bool), OutputError> {
                    let target = self.staging.join(rel);
                    let (entry, baru) = match nasib {
                        Nasib::Tetap(e, _) if sudah.contains(rel.as_str()) => (*e, false),
                        Nasib::Tetap(e, _) => {
                            let from = self.public.join(rel);
                            if fs::hard_link(&from, &target).is_err() {
                                // a fresh copy, never into a file the published folder shares
                                buang_entri(&target)
                                    .and_then(|()| fs::copy(&from, &target))
                                    .map_err(|e| err(&target, e))?;
                                let meta = fs::metadata(&target).map_err(|e| err(&target, e))?;
                                let entry = Entry {
                                    mtime_ns: mtime_ns(&meta),
                                    ..*e
                                };
                                (entry, true)
                            } else {
                                (*e, false)
                            }
                        }
                        Nasib::Ditulis { hash, size, sidik } => {
                            let meta = fs::metadata(&target).map_err(|e| err(&target, e))?;
                            let entry = Entry {
                                hash: *hash,
                                size: *size,
                                mtime_ns: mtime_ns(&meta),
                                sidik: *sidik,
                            };
                            (entry, true)
                        }
                    };
                    Ok((rel.clone(), entry, baru))
                },
            )
            .collect::<Result<_, _>>()?;

        // Before the swap, the manifest becomes one for either folder: the new entries, those
        // of the previous site's files the new one drops, and no inputs' fingerprint. Until
        // the final manifest is written after the swap, whichever folder is published:
        // - it cannot make the next build skip its work (`build_tersimpan` needs the
        //   fingerprint);
        // - it lists every published file, so a file no build wants is always counted as
        //   removed (a build that finds nothing to write or remove leaves the folder as it is);
        // - each entry vouches for a file only while it has the recorded size and mtime, which
        //   the published one has or not: at worst the next build compares bytes.
        // (The previous manifest, left in place, would vouch for a site the new one only added
        // files to, and rebuilding the previous inputs would keep the added files.)
        henti("tertaut");
        // (streamed from the entries, not copied: on a national site they are 200,000 lines)
        let dropped = self
            .manifest
            .iter()
            .flatten()
            .filter(|(p, _)| !new_paths.contains(p.as_str()))
            .map(|(p, e)| (p.as_str(), e));
        write_manifest(
            &manifest_path,
            entries
                .iter()
                .map(|(p, e, _)| (p.as_str(), e))
                .chain(dropped),
            self.peringatan.as_ref(),
            None,
        )?;
        henti("manifest-sementara");
        // Durable before the exchange: every byte and folder entry of the staging folder (a
        // power cut after the exchange must not publish empty pages), with the manifest
        // written above. A failure here leaves the published folder as it was.
        let baru: Vec<&str> = entries
            .iter()
            .filter(|(_, _, baru)| *baru)
            .map(|(p, _, _)| p.as_str())
            .collect();
        sinkron_staging(
            &self.staging,
            &baru,
            entries.iter().map(|(p, _, _)| p.as_str()),
        )?;
        let final_manifest = || {
            gagal_uji("manifest", &manifest_path)?;
            write_manifest(
                &manifest_path,
                entries.iter().map(|(p, e, _)| (p.as_str(), e)),
                self.peringatan.as_ref(),
                self.masukan,
            )
        };
        // From the exchange on, the new site is live: a failure after it says so
        // (`OutputError::SetelahTerbit`), never that nothing was written.
        let setelah = |langkah| {
            let public = self.public.display().to_string();
            move |e: OutputError| setelah_terbit(e, ringkasan, langkah, public)
        };
        let parent = induk(&self.public);
        if fs::symlink_metadata(&self.public).is_ok() {
            let lama = swap(&self.staging, &self.public)?;
            henti("tertukar");
            sinkron_folder(&parent).map_err(setelah(LangkahSetelahTerbit::Sinkron))?;
            final_manifest().map_err(setelah(LangkahSetelahTerbit::Manifest))?;
            henti("manifest");
            // the previous site: in the staging folder after the exchange, or parked beside
            // the folder when the renames could not put it there
            let lama = lama.unwrap_or_else(|| self.staging.clone());
            gagal_uji("hapus-lama", &lama)
                .and_then(|()| simpan_cadangan(&self.public, &lama))
                .map_err(setelah(LangkahSetelahTerbit::HapusLama))?;
        } else {
            fs::rename(&self.staging, &self.public).map_err(|e| err(&self.public, e))?;
            henti("tertukar");
            sinkron_folder(&parent).map_err(setelah(LangkahSetelahTerbit::Sinkron))?;
            final_manifest().map_err(setelah(LangkahSetelahTerbit::Manifest))?;
        }
        Ok(ringkasan)
    }

    /// Records the fingerprint of every input of this build (see [`build_tersimpan`]) and the
    /// warnings it gave, in `lang`, to be repeated by a build that skips the work.
    pub fn catat_masukan(&mut self, sidik: u64, lang: Lang, peringatan: String) {
        self.masukan = Some(sidik);
        self.peringatan = Some((lang, peringatan));
    }

    /// Replaces the suppression decisions beside the folder ([`tembolok_path`]) with `bytes`:
    /// written beside it, then renamed over it, under this build's lock, so a build reads the
    /// old file or the new one whole.
    pub fn tulis_tembolok(&self, bytes: &[u8]) -> Result<(), OutputError> {
        let path = tembolok_path(&self.public);
        let tmp = tembolok_tmp_path(&self.public);
        buat_baru(&tmp)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| err(&tmp, e))?;
        fs::rename(&tmp, &path).map_err(|e| err(&path, e))
    }

    /// Replaces the figures kept beside the folder ([`angka_terbit_path`]) with `bytes`, as
    /// [`Staging::tulis_tembolok`] does: under this build's lock, renamed over the old file.
    /// Written before the publish: if it fails, the file names a publication that is not the
    /// one in the folder, and the next build, which checks, does not use it.
    pub fn tulis_angka_terbit(&self, bytes: &[u8]) -> Result<(), OutputError> {
        let path = angka_terbit_path(&self.public);
        let tmp = angka_terbit_tmp_path(&self.public);
        buat_baru(&tmp)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| err(&tmp, e))?;
        fs::rename(&tmp, &path).map_err(|e| err(&path, e))
    }

    /// Abandons the build, leaving the published folder as it was: the staging folder
    /// becomes the spare (or is removed when there is one).
    pub fn abort(self) {
        let _ = self.lepas_staging();
    }

    /// Puts the staging folder away when it is not published: as the spare, which the next
    /// build takes whatever it holds ([`rapikan`] makes it right), or removed when a spare is
    /// already there.
    fn lepas_staging(&self) -> io::Result<()> {
        if fs::symlink_metadata(&self.staging).is_err() {
            return Ok(());
        }
        let cadangan = cadangan_path(&self.public);
        if fs::symlink_metadata(&cadangan).is_err() && fs::rename(&self.staging, &cadangan).is_ok()
        {
            return Ok(());
        }
        fs::remove_dir_all(&self.staging)
    }
}

/// `e`, a failure after the new site was published into `public`, as what it is.
fn setelah_terbit(
    e: OutputError,
    ringkasan: Ringkasan,
    langkah: LangkahSetelahTerbit,
    public: String,
) -> OutputError {
    let (path, source) = match e {
        OutputError::Io { path, source } => (path, source),
        other => (public.clone(), io::Error::other(other.to_string())),
    };
    OutputError::SetelahTerbit {
        ringkasan,
        langkah,
        public,
        path,
        source,
    }
}

/// The folder `public` lies in.
fn induk(public: &Path) -> PathBuf {
    public
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}
