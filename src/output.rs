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
            let removed = if e.file_type().is_ok_and(|t| t.is_dir()) {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
            removed.map_err(|e| err(&path, e))?;
        }
    }
    let tmp = manifest_tmp_path(public);
    if tmp.is_file() {
        fs::remove_file(&tmp).map_err(|e| err(&tmp, e))?;
    }
    Ok(())
}

/// An exclusive hold on an output folder for one build: an advisory lock (`flock` on Unix,
/// through `File::try_lock`) on `.<name>.salur-lock` beside the folder, with the holder's
/// process id written in it. Held from before a build reads anything beside the folder (the
/// manifest, leftovers) until it has published or given up; released when dropped, and by
/// the kernel when the process dies, so a lock *file* left by a killed build is not a held
/// lock. The holder removes the file when it lets go (a waiting build that locked the removed
/// file notices and locks the new one), so nothing is left beside the folder.
#[derive(Debug)]
pub struct Kunci {
    /// The output folder, absolute.
    public: PathBuf,
    /// The lock file.
    path: PathBuf,
    /// The open lock file: the lock lives as long as it is open.
    _file: fs::File,
}

/// How often a build that waits for another tries the lock again.
const JEDA_KUNCI: Duration = Duration::from_millis(50);

impl Kunci {
    /// Takes the lock of `public`, waiting at most `tunggu` for another build that holds it
    /// (`Duration::ZERO`: not at all); `menunggu` is told once, with the holder's process id
    /// when known, that this build waits. Creates the folder's parent when needed.
    pub fn ambil(
        public: &Path,
        tunggu: Duration,
        menunggu: &dyn Fn(Option<u32>),
    ) -> Result<Kunci, OutputError> {
        use std::fs::TryLockError;
        let public = absolute(public);
        let path = kunci_path(&public);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| err(parent, e))?;
        }
        let mulai = Instant::now();
        let mut dikabari = false;
        loop {
            let file = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| err(&path, e))?;
            match file.try_lock() {
                Ok(()) => {
                    // the holder we waited for removes the file as it lets go: the lock on a
                    // removed file holds nothing, start again with the file now at `path`
                    if !berkas_yang_sama(&file, &path) {
                        continue;
                    }
                    let mut f = &file;
                    let _ = f.set_len(0);
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Kunci {
                        public,
                        path,
                        _file: file,
                    });
                }
                Err(TryLockError::WouldBlock) => {
                    let pid = {
                        let mut text = String::new();
                        let mut f = &file;
                        let _ = io::Read::read_to_string(&mut f, &mut text);
                        text.trim().parse::<u32>().ok()
                    };
                    let sisa = tunggu.saturating_sub(mulai.elapsed());
                    if sisa.is_zero() {
                        return Err(OutputError::SedangDibangun {
                            path: public.display().to_string(),
                            pid,
                            detik: tunggu.as_secs(),
                        });
                    }
                    if !dikabari {
                        menunggu(pid);
                        dikabari = true;
                    }
                    std::thread::sleep(sisa.min(JEDA_KUNCI));
                }
                Err(TryLockError::Error(e)) => return Err(err(&path, e)),
            }
        }
    }

    /// The output folder this lock holds, absolute.
    pub fn public(&self) -> &Path {
        &self.public
    }
}

impl Drop for Kunci {
    fn drop(&mut self) {
        // removed while still held; the file is closed (and the lock released) right after
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether the open `file` is the file at `path` now.
fn berkas_yang_sama(file: &fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        // an open file cannot be removed there
        let _ = (file, path);
        true
    }
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
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: String,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The output folder has files that salur did not write.
    #[error("{0}: the output folder already holds files that salur did not write")]
    BukanKeluaranSalur(String),
    /// The output folder is, or contains, the site folder.
    #[error("{0}: the output folder would contain the site's own files")]
    BerisiSitus(String),
    /// The output folder lies inside one of the site's input folders.
    #[error("{path}: the output folder lies inside the input folder {folder}/")]
    DalamMasukan {
        /// The output folder as given.
        path: String,
        /// The input folder (`data`, `content`, `themes`).
        folder: String,
    },
    /// The output path is a file, not a folder.
    #[error("{0}: the output is a file, not a folder")]
    BukanFolder(String),
    /// A symbolic link was made where the build publishes while it ran: it is not replaced.
    #[error("{0}: a symbolic link was made here during the build; it is not replaced")]
    MenjadiTautan(String),
    /// The output is a symbolic link that never reaches a folder: links that lead to each
    /// other.
    #[error("{path}: the output is a symbolic link that loops: {source}")]
    TautanBerputar {
        /// The output as given.
        path: String,
        /// The system's message.
        #[source]
        source: io::Error,
    },
    /// Another build holds the output folder's lock, and kept it longer than this build
    /// would wait.
    #[error("{path}: another build is writing to this folder")]
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
    #[error("{path}: the new site is published, but a step after it failed: {source}")]
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
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (OutputError::Io { path, source }, Lang::Id) => {
                format!("{path}: tidak dapat ditulis: {source}")
            }
            (OutputError::Io { path, source }, Lang::En) => {
                format!("{path}: cannot be written: {source}")
            }
            (OutputError::BukanKeluaranSalur(p), Lang::Id) => format!(
                "{p}: folder keluaran sudah berisi berkas yang bukan buatan salur; \
                 pilih folder kosong atau hapus folder itu dulu (salur tidak menghapus berkas \
                 milik Anda)"
            ),
            (OutputError::BukanKeluaranSalur(p), Lang::En) => format!(
                "{p}: the output folder already holds files that salur did not write; choose \
                 an empty folder or remove that one first (salur does not delete your files)"
            ),
            (OutputError::BerisiSitus(p), Lang::Id) => format!(
                "{p}: folder keluaran tidak boleh sama dengan folder situs atau berisi folder \
                 situs; pilih folder lain, misalnya public/"
            ),
            (OutputError::BerisiSitus(p), Lang::En) => format!(
                "{p}: the output folder may not be the site folder or contain it; choose \
                 another, such as public/"
            ),
            (OutputError::DalamMasukan { path, folder }, Lang::Id) => format!(
                "{path}: folder keluaran tidak boleh berada di dalam folder masukan {folder}/ \
                 (salur membaca folder itu: build berikutnya akan menerbitkan situs lama di \
                 dalam situs baru); pilih folder di luarnya, misalnya public/"
            ),
            (OutputError::DalamMasukan { path, folder }, Lang::En) => format!(
                "{path}: the output folder may not lie inside the input folder {folder}/ \
                 (salur reads that folder: the next build would publish the old site inside \
                 the new one); choose a folder outside it, such as public/"
            ),
            (OutputError::BukanFolder(p), Lang::Id) => format!(
                "{p}: keluaran ini sebuah berkas, bukan folder; pilih folder, misalnya public/"
            ),
            (OutputError::BukanFolder(p), Lang::En) => format!(
                "{p}: this output is a file, not a folder; choose a folder, such as public/"
            ),
            (OutputError::MenjadiTautan(p), Lang::Id) => format!(
                "{p}: sebuah tautan simbolik dibuat di sini selama build berjalan; salur tidak \
                 menggantinya dengan folder, dan tidak menerbitkan apa pun: jalankan build lagi"
            ),
            (OutputError::MenjadiTautan(p), Lang::En) => format!(
                "{p}: a symbolic link was made here while the build ran; salur does not replace \
                 it with a folder, and published nothing: run the build again"
            ),
            (OutputError::TautanBerputar { path, source }, Lang::Id) => format!(
                "{path}: keluaran ini tautan simbolik yang berputar (tautan-tautannya saling \
                 menunjuk dan tidak pernah sampai ke folder: {source}); perbaiki atau hapus \
                 tautan itu"
            ),
            (OutputError::TautanBerputar { path, source }, Lang::En) => format!(
                "{path}: this output is a symbolic link that loops (its links lead to each \
                 other and never reach a folder: {source}); fix or remove the link"
            ),
            (OutputError::SedangDibangun { path, pid, detik }, Lang::Id) => {
                let siapa = pid.map_or("build lain".to_string(), |p| {
                    format!("build lain (pid {p})")
                });
                format!(
                    "{path}: {siapa} sedang menulis ke folder ini, dan belum selesai setelah \
                     ditunggu {detik} detik; build ini tidak menyentuh apa pun. Jalankan lagi \
                     setelah build itu selesai, atau tunggu lebih lama dengan --wait DETIK"
                )
            }
            (OutputError::SedangDibangun { path, pid, detik }, Lang::En) => {
                let who = pid.map_or("another build".to_string(), |p| {
                    format!("another build (pid {p})")
                });
                format!(
                    "{path}: {who} is writing to this folder and has not finished after a \
                     wait of {detik} s; this build touched nothing. Run it again once that \
                     build is done, or wait longer with --wait SECONDS"
                )
            }
            (
                OutputError::SetelahTerbit {
                    ringkasan: r,
                    langkah,
                    public,
                    path,
                    source,
                },
                Lang::Id,
            ) => {
                let awal = format!(
                    "Situs baru SUDAH TERBIT di {public} ({} ditulis, {} tidak berubah, {} \
                     dihapus) dan utuh, tetapi langkah sesudahnya gagal: ",
                    r.ditulis, r.tetap, r.dihapus
                );
                let akhir = match langkah {
                    LangkahSetelahTerbit::Sinkron => format!(
                        "folder {path} tidak dapat disinkronkan ke disk ({source}); bila listrik \
                         padam sebelum sistem menyimpannya sendiri, situs sebelumnya bisa kembali"
                    ),
                    LangkahSetelahTerbit::Manifest => format!(
                        "manifest {path} tidak dapat ditulis ({source}); build berikutnya \
                         memeriksa setiap berkas (tanpa jalan pintas \"tidak ada yang berubah\") \
                         dan menulisnya lagi"
                    ),
                    LangkahSetelahTerbit::HapusLama => format!(
                        "situs sebelumnya, di {path}, tidak dapat dihapus ({source}); build \
                         berikutnya menghapusnya lebih dulu (bila gagal lagi, hapus folder itu \
                         sendiri)"
                    ),
                };
                format!("{awal}{akhir}.")
            }
            (
                OutputError::SetelahTerbit {
                    ringkasan: r,
                    langkah,
                    public,
                    path,
                    source,
                },
                Lang::En,
            ) => {
                let start = format!(
                    "The new site IS PUBLISHED in {public} ({} written, {} unchanged, {} \
                     removed) and whole, but a step after it failed: ",
                    r.ditulis, r.tetap, r.dihapus
                );
                let end = match langkah {
                    LangkahSetelahTerbit::Sinkron => format!(
                        "the folder {path} cannot be synced to disk ({source}); a power cut \
                         before the system writes it out may bring the previous site back"
                    ),
                    LangkahSetelahTerbit::Manifest => format!(
                        "the manifest {path} cannot be written ({source}); the next build \
                         checks every file (no \"nothing changed\" shortcut) and writes it again"
                    ),
                    LangkahSetelahTerbit::HapusLama => format!(
                        "the previous site, in {path}, cannot be removed ({source}); the next \
                         build removes it first (should that fail too, remove that folder \
                         yourself)"
                    ),
                };
                format!("{start}{end}.")
            }
        }
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

/// One line of a manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    hash: u64,
    size: u64,
    mtime_ns: u128,
    /// The fingerprint of the inputs the file was rendered from (0 when unknown).
    sidik: u64,
}

impl Entry {
    /// Whether the file on disk is still the one this entry describes.
    fn matches(&self, meta: &fs::Metadata) -> bool {
        meta.is_file() && meta.len() == self.size && mtime_ns(meta) == self.mtime_ns
    }
}

fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The inputs' fingerprint recorded in the manifest of `public`, if any.
fn baca_masukan(public: &Path) -> Option<u64> {
    let text = fs::read_to_string(manifest_path(public)).ok()?;
    masukan_dari(text.lines().next()?)
}

fn masukan_dari(header: &str) -> Option<u64> {
    let hex = header.split_once("; inputs ")?.1;
    u64::from_str_radix(hex.trim(), 16).ok()
}

/// What the last build of a folder left, when nothing has changed since.
#[derive(Debug, Clone)]
pub struct BuildTersimpan {
    /// Files published.
    pub files: usize,
    /// Its warnings, as they were printed.
    pub peringatan: String,
    /// The language they are in.
    pub lang: Lang,
}

/// The last build of the locked folder, when it was built from inputs with fingerprint
/// `masukan` and every file it published is still as it was written (size and modification
/// time, checked on all cores): building again would write the same bytes, so there is nothing
/// to do. The lock makes sure no other build changes the folder meanwhile.
pub fn build_tersimpan(kunci: &Kunci, masukan: u64) -> Option<BuildTersimpan> {
    let public = kunci.public();
    // what a killed build left goes first, even when there is nothing to do (a failure to
    // remove it is reported by the full build, through `Staging::begin`)
    bersihkan_sisa(kunci).ok()?;
    let text = fs::read_to_string(manifest_path(public)).ok()?;
    if masukan_dari(text.lines().next()?)? != masukan {
        return None;
    }
    // the warnings, as the build that wrote the manifest printed them
    let mut lang = None;
    let mut peringatan = String::new();
    for line in text.lines().skip(1) {
        if let Some(tag) = line.strip_prefix("#w ") {
            lang = Some(if tag == "en" { Lang::En } else { Lang::Id });
        } else if let Some(l) = line.strip_prefix("#| ") {
            peringatan.push_str(l);
            peringatan.push('\n');
        } else if !line.starts_with('#') {
            break;
        }
    }
    let lang = lang?;
    let entries = parse_manifest(&text);
    let utuh = entries
        .par_iter()
        .all(|(rel, e)| fs::metadata(public.join(rel)).is_ok_and(|meta| e.matches(&meta)));
    utuh.then(|| BuildTersimpan {
        files: entries.len(),
        peringatan: peringatan.to_string(),
        lang,
    })
}

fn mtime_ns(meta: &fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

fn read_manifest(public: &Path) -> Option<HashMap<String, Entry>> {
    let text = fs::read_to_string(manifest_path(public)).ok()?;
    Some(parse_manifest(&text))
}

fn parse_manifest(text: &str) -> HashMap<String, Entry> {
    let mut out = HashMap::default();
    for line in text.lines().skip(1) {
        let mut parts = line.splitn(5, ' ');
        let (Some(h), Some(size), Some(mtime), Some(sidik), Some(path)) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            continue;
        };
        let (Ok(hash), Ok(size), Ok(mtime_ns), Ok(sidik)) = (
            u64::from_str_radix(h, 16),
            size.parse(),
            mtime.parse(),
            u64::from_str_radix(sidik, 16),
        ) else {
            continue;
        };
        out.insert(
            path.to_string(),
            Entry {
                hash,
                size,
                mtime_ns,
                sidik,
            },
        );
    }
    out
}

/// What happened to one file of the new build.
enum Nasib {
    /// Identical to the published file: link it at commit time.
    Tetap(Entry),
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

    fn ensure_dir(&self, dir: &Path) -> Result<(), OutputError> {
        if let Ok(dirs) = self.dirs.lock()
            && dirs.contains(dir)
        {
            return Ok(());
        }
        fs::create_dir_all(dir).map_err(|e| err(dir, e))?;
        if let Ok(mut dirs) = self.dirs.lock() {
            dirs.insert(dir.to_path_buf());
        }
        Ok(())
    }

    fn ensure_staging(&self) -> Result<(), OutputError> {
        let mut made = self
            .staging_made
            .lock()
            .map_err(|_| err(&self.staging, io::Error::other("lock poisoned")))?;
        if !*made {
            fs::create_dir_all(&self.staging).map_err(|e| err(&self.staging, e))?;
            *made = true;
        }
        Ok(())
    }

    /// Whether the published `rel` already holds exactly `bytes`.
    fn unchanged(&self, rel: &str, bytes: &[u8], h: u64, sidik: u64) -> Option<Entry> {
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
        match self.manifest.as_ref().and_then(|m| m.get(rel)) {
            // the manifest vouches for the file as long as nobody touched it since: its hash
            // says whether the bytes are the same, without reading them (a 180 MB download
            // would otherwise be read back to find it changed)
            Some(e) if e.matches(&meta) => (e.hash == h).then_some(on_disk),
            _ => (fs::read(&path).ok()? == bytes).then_some(on_disk),
        }
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
        match fs::metadata(self.public.join(rel)) {
            Ok(meta) if entry.matches(&meta) => {}
            _ => return false,
        }
        match self.files.lock() {
            Ok(mut files) => {
                files.push((rel.to_string(), Nasib::Tetap(*entry)));
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
            Some(entry) => Nasib::Tetap(entry),
            None => {
                let target = self.staged_path(rel)?;
                fs::write(&target, bytes).map_err(|e| err(&target, e))?;
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
        let file = fs::File::create(&target).map_err(|e| err(&target, e))?;
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
            (Ok(meta), Some(e)) if e.matches(&meta) && e.hash == h && e.size == size => {
                Some(Entry {
                    hash: h,
                    size,
                    mtime_ns: mtime_ns(&meta),
                    sidik,
                })
            }
            _ => None,
        };
        let nasib = match tetap {
            Some(entry) => {
                fs::remove_file(&target).map_err(|e| err(&target, e))?;
                Nasib::Tetap(entry)
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
    /// removes the previous tree. An error before the exchange leaves the published folder as
    /// it was; one after it is [`OutputError::SetelahTerbit`]: the new site is live.
    pub fn commit(self) -> Result<Ringkasan, OutputError> {
        let mut files = self
            .files
            .into_inner()
            .map_err(|_| err(&self.staging, io::Error::other("lock poisoned")))?;
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
                Nasib::Tetap(e) => m.get(p).is_none_or(|old| old.sidik != e.sidik),
                Nasib::Ditulis { .. } => false,
            })
        });
        if ditulis == 0 && dihapus == 0 && self.manifest.is_some() {
            if self.staging.exists() {
                fs::remove_dir_all(&self.staging).map_err(|e| err(&self.staging, e))?;
            }
            // same files, rendered from other inputs (new fingerprints) or from other input
            // bytes (a comment in site.toml): record them
            if fingerprints_changed
                || (self.masukan.is_some() && baca_masukan(&self.public) != self.masukan)
            {
                let entries: Vec<(String, Entry)> = files
                    .iter()
                    .filter_map(|(p, n)| match n {
                        Nasib::Tetap(e) => Some((p.clone(), *e)),
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

        // Complete the staging folder: link the unchanged files.
        fs::create_dir_all(&self.staging).map_err(|e| err(&self.staging, e))?;
        let dirs: std::collections::BTreeSet<PathBuf> = files
            .iter()
            .filter(|(_, n)| matches!(n, Nasib::Tetap(_)))
            .filter_map(|(p, _)| self.staging.join(p).parent().map(Path::to_path_buf))
            .collect();
        for d in &dirs {
            fs::create_dir_all(d).map_err(|e| err(d, e))?;
        }
        // (each entry, and whether its bytes were written by this build: written or copied,
        // not linked, so they must be synced)
        let entries: Vec<(String, Entry, bool)> = files
            .par_iter()
            .map(
                |(rel, nasib)| -> Result<(String, Entry, bool), OutputError> {
                    let target = self.staging.join(rel);
                    let (entry, baru) = match nasib {
                        Nasib::Tetap(e) => {
                            let from = self.public.join(rel);
                            if fs::hard_link(&from, &target).is_err() {
                                fs::copy(&from, &target).map_err(|e| err(&target, e))?;
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
                .and_then(|()| hapus_pohon(&lama))
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

    /// Abandons the build: removes the staging folder, leaving the published one as it was.
    pub fn abort(self) {
        let _ = fs::remove_dir_all(&self.staging);
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

/// A test hook: every sync made, in order, as (kind, path), so that unit tests can check that
/// and when the calls are made (a power cut cannot be tested; the calls can).
#[cfg(test)]
static SINKRON_DICATAT: Mutex<Vec<(&'static str, PathBuf)>> = Mutex::new(Vec::new());

fn catat_sinkron(jenis: &'static str, path: &Path) {
    #[cfg(test)]
    if let Ok(mut log) = SINKRON_DICATAT.lock() {
        log.push((jenis, path.to_path_buf()));
    }
    #[cfg(not(test))]
    let _ = (jenis, path);
}

/// Makes a file's bytes durable (`fsync`).
fn sinkron_berkas(path: &Path) -> Result<(), OutputError> {
    catat_sinkron("berkas", path);
    fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| err(path, e))
}

/// Makes a folder's entries durable (`fsync` on the folder: the names created, renamed or
/// removed in it). A file system that cannot sync a folder (`EINVAL`) is taken at its word.
fn sinkron_folder(path: &Path) -> Result<(), OutputError> {
    catat_sinkron("folder", path);
    #[cfg(unix)]
    {
        match fs::File::open(path).and_then(|f| f.sync_all()) {
            Err(e) if e.raw_os_error() != Some(libc::EINVAL) => Err(err(path, e)),
            _ => Ok(()),
        }
    }
    #[cfg(not(unix))]
    {
        // folders cannot be opened and synced there; the file system orders its metadata
        Ok(())
    }
}

/// Makes the staging folder durable before it is exchanged: on Linux one `syncfs` of its file
/// system (every dirty page and inode of it, the kernel's own order, a single call); elsewhere,
/// or when the kernel has no `syncfs`, every file this build wrote (`baru`) and every folder
/// of the tree (the folders of `semua`, and the staging folder's parent), on all cores.
fn sinkron_staging<'a>(
    staging: &Path,
    baru: &[&str],
    semua: impl Iterator<Item = &'a str>,
) -> Result<(), OutputError> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        catat_sinkron("syncfs", staging);
        let dir = fs::File::open(staging).map_err(|e| err(staging, e))?;
        // SAFETY: syncfs(2) on a file descriptor that is open for the whole call.
        let rc = unsafe { libc::syncfs(dir.as_raw_fd()) };
        if rc == 0 {
            return Ok(());
        }
        let e = io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::ENOSYS) {
            return Err(err(staging, e));
        }
    }
    sinkron_satu_per_satu(staging, baru, semua)
}

/// [`sinkron_staging`] without `syncfs`: each written file, then each folder, on all cores.
fn sinkron_satu_per_satu<'a>(
    staging: &Path,
    baru: &[&str],
    semua: impl Iterator<Item = &'a str>,
) -> Result<(), OutputError> {
    baru.par_iter()
        .try_for_each(|rel| sinkron_berkas(&staging.join(rel)))?;
    let mut folders: std::collections::BTreeSet<PathBuf> = semua
        .filter_map(|rel| staging.join(rel).parent().map(Path::to_path_buf))
        .collect();
    // every folder between a file's and the staging folder (`wilayah/` of `wilayah/35/…`)
    for f in folders.clone() {
        let mut at = f.as_path();
        while let Some(p) = at.parent()
            && p.starts_with(staging)
            && p != staging
        {
            folders.insert(p.to_path_buf());
            at = p;
        }
    }
    folders.insert(staging.to_path_buf());
    let folders: Vec<PathBuf> = folders.into_iter().collect();
    folders.par_iter().try_for_each(|f| sinkron_folder(f))?;
    sinkron_folder(&induk(staging))
}

/// Removes a folder and everything in it, its subfolders (and theirs: `wilayah/35`) on all
/// cores: after a publish the previous site is removed, as many files as the site has.
fn hapus_pohon(root: &Path) -> Result<(), OutputError> {
    let mut folders = Vec::new();
    for e in fs::read_dir(root).map_err(|e| err(root, e))?.flatten() {
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            let sub = e.path();
            match fs::read_dir(&sub) {
                Ok(inner) => folders.extend(
                    inner
                        .flatten()
                        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                        .map(|e| e.path()),
                ),
                Err(e) => return Err(err(&sub, e)),
            }
        }
    }
    folders
        .par_iter()
        .try_for_each(|f| fs::remove_dir_all(f).map_err(|e| err(f, e)))?;
    fs::remove_dir_all(root).map_err(|e| err(root, e))
}

/// Writes a manifest atomically (a temporary file renamed over the old one), streamed: a
/// header, with the fingerprint of the build's inputs when given; the build's warnings as
/// comment lines (`#| `, after `#w <lang>`); then one line per file of `entries`.
fn write_manifest<'a>(
    path: &Path,
    entries: impl Iterator<Item = (&'a str, &'a Entry)>,
    peringatan: Option<&(Lang, String)>,
    masukan: Option<u64>,
) -> Result<(), OutputError> {
    let tmp = {
        let mut t = path.as_os_str().to_owned();
        t.push(".tmp");
        PathBuf::from(t)
    };
    let write = || -> io::Result<()> {
        let mut f = io::BufWriter::new(fs::File::create(&tmp)?);
        f.write_all(b"# salur manifest: xxh3-64 size mtime-ns fingerprint path")?;
        if let Some(m) = masukan {
            write!(f, "; inputs {m:016x}")?;
        }
        f.write_all(b"\n")?;
        if let Some((lang, warnings)) = peringatan {
            writeln!(f, "#w {}", lang.tag())?;
            for line in warnings.lines() {
                writeln!(f, "#| {line}")?;
            }
        }
        for (rel, e) in entries {
            writeln!(
                f,
                "{:016x} {} {} {:016x} {rel}",
                e.hash, e.size, e.mtime_ns, e.sidik
            )?;
        }
        // on disk before it replaces the manifest: a power cut leaves the old or the new one
        catat_sinkron("berkas", &tmp);
        f.into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()?;
        Ok(())
    };
    write().map_err(|e| err(&tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| err(path, e))?;
    sinkron_folder(&induk(path))
}

/// An absolute, normalised form of `p`, following symbolic links: where the path exists, and
/// a link whose target does not (its target, resolved the same way).
fn absolute(p: &Path) -> PathBuf {
    // as many links as the system itself follows in one path (Linux: 40)
    absolute_n(p, 40)
}

fn absolute_n(p: &Path, lompatan: u32) -> PathBuf {
    if let Ok(c) = fs::canonicalize(p) {
        return c;
    }
    // the folder may not exist yet: canonicalise its nearest ancestor that is there (a
    // broken link is there: it is followed to where it leads)
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while fs::symlink_metadata(existing).is_err() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return abs,
        }
    }
    let mut out = match fs::canonicalize(existing) {
        Ok(c) => c,
        Err(_) => match fs::read_link(existing) {
            // a broken link: where it leads, relative to the folder it lies in
            Ok(target) if lompatan > 0 => {
                let target = match existing.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
                absolute_n(&target, lompatan - 1)
            }
            _ => existing.to_path_buf(),
        },
    };
    for name in rest.iter().rev() {
        out.push(name);
    }
    out
}

/// Exchanges two folders atomically where the system can. Returns where `b`'s previous
/// contents are when they are not in `a`: the renames' fallback parks them beside `b` and
/// failed to move them on (the new contents of `b` are then in place all the same).
#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> Result<Option<PathBuf>, OutputError> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    catat_sinkron("tukar", b);
    // test hook (debug builds): the path of systems without RENAME_EXCHANGE
    if cfg!(debug_assertions) && std::env::var_os("SALUR_UJI_TANPA_EXCHANGE").is_some() {
        return swap_by_rename(a, b);
    }
    let ca = CString::new(a.as_os_str().as_bytes()).map_err(|e| err(a, io::Error::other(e)))?;
    let cb = CString::new(b.as_os_str().as_bytes()).map_err(|e| err(b, io::Error::other(e)))?;
    // SAFETY: both arguments are valid NUL-terminated paths that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(None);
    }
    let e = io::Error::last_os_error();
    // Filesystems without RENAME_EXCHANGE: fall back to two renames.
    if matches!(e.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOSYS)) {
        return swap_by_rename(a, b);
    }
    Err(err(b, e))
}

#[cfg(not(target_os = "linux"))]
fn swap(a: &Path, b: &Path) -> Result<Option<PathBuf>, OutputError> {
    catat_sinkron("tukar", b);
    swap_by_rename(a, b)
}

/// Swaps with renames: `b` → `.b.old`, `a` → `b`, `.b.old` → `a`. Not atomic: a kill between
/// the first two leaves no `b` for a moment, and the previous site complete under `.b.old`,
/// which the next build puts back ([`bersihkan_sisa`]); a kill after the second leaves the
/// new site published and the previous one parked, which the next build removes. When the
/// second rename fails, the first is undone; when the third fails, the new site is in place
/// and the previous one stays parked: its path is returned.
fn swap_by_rename(a: &Path, b: &Path) -> Result<Option<PathBuf>, OutputError> {
    let old = old_path(b);
    if fs::symlink_metadata(&old).is_ok() {
        fs::remove_dir_all(&old).map_err(|e| err(&old, e))?;
    }
    fs::rename(b, &old).map_err(|e| err(b, e))?;
    henti("rename-1");
    if let Err(e) = fs::rename(a, b) {
        // put the previous site back; should that fail too, the next build does
        let _ = fs::rename(&old, b);
        return Err(err(a, e));
    }
    henti("rename-2");
    match fs::rename(&old, a) {
        Ok(()) => Ok(None),
        Err(_) => Ok(Some(old)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path) -> PathBuf {
        let s = dir.join("site");
        fs::create_dir_all(&s).unwrap();
        s
    }

    #[test]
    fn a_streamed_file_is_kept_when_its_bytes_are_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let fill = |text: &'static str| {
            move |w: &mut dyn Write| -> io::Result<()> {
                for chunk in text.as_bytes().chunks(3) {
                    w.write_all(chunk)?;
                }
                Ok(())
            }
        };
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write_stream("unduh/a.csv", 7, fill("a,b\n1,2\n"))
            .unwrap();
        assert_eq!(s.commit().unwrap().ditulis, 1);
        assert_eq!(fs::read(public.join("unduh/a.csv")).unwrap(), b"a,b\n1,2\n");
        // the same bytes: kept, not rewritten, and no staging folder left behind
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write_stream("unduh/a.csv", 8, fill("a,b\n1,2\n"))
            .unwrap();
        let r = s.commit().unwrap();
        assert_eq!((r.ditulis, r.tetap), (0, 1));
        // other bytes: published
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write_stream("unduh/a.csv", 9, fill("a,b\n1,3\n"))
            .unwrap();
        assert_eq!(s.commit().unwrap().ditulis, 1);
        assert_eq!(fs::read(public.join("unduh/a.csv")).unwrap(), b"a,b\n1,3\n");
        assert!(
            fs::read_dir(dir.path()).unwrap().all(|e| !e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("staging"))
        );
    }

    #[test]
    fn unchanged_files_are_not_rewritten_and_removed_ones_go() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        s.write("sub/b.html", b"B", 0).unwrap();
        s.write("old.html", b"O", 0).unwrap();
        assert_eq!(s.commit().unwrap().ditulis, 3);
        assert!(manifest_path(&public).is_file());
        assert!(
            fs::read_dir(&public).unwrap().all(|e| !e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.'))
        );
        let before = fs::metadata(public.join("a.html"))
            .unwrap()
            .modified()
            .unwrap();

        std::thread::sleep(std::time::Duration::from_millis(20));
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        s.write("sub/b.html", b"B2", 0).unwrap();
        let r = s.commit().unwrap();
        assert_eq!(
            r,
            Ringkasan {
                ditulis: 1,
                tetap: 1,
                dihapus: 1
            }
        );
        assert_eq!(
            fs::metadata(public.join("a.html"))
                .unwrap()
                .modified()
                .unwrap(),
            before
        );
        assert_eq!(fs::read(public.join("sub/b.html")).unwrap(), b"B2");
        assert!(!public.join("old.html").exists());
        assert!(!dir.path().join(".public.staging").exists());
    }

    #[test]
    fn nothing_changed_touches_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        s.commit().unwrap();
        let manifest_before = fs::read(manifest_path(&public)).unwrap();
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        assert_eq!(s.commit().unwrap().ditulis, 0);
        assert_eq!(fs::read(manifest_path(&public)).unwrap(), manifest_before);
        assert!(!dir.path().join(".public.staging").exists());
    }

    #[test]
    fn a_hand_edited_file_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        s.commit().unwrap();
        fs::write(public.join("a.html"), b"X").unwrap();
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        assert_eq!(s.commit().unwrap().ditulis, 1);
        assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A");
    }

    #[test]
    fn a_current_fingerprint_skips_rendering() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 42).unwrap();
        s.commit().unwrap();
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        assert!(s.keep_if_current("a.html", 42));
        assert!(!s.keep_if_current("b.html", 42));
        assert_eq!(s.commit().unwrap().tetap, 1);
        // another fingerprint, or a touched file, must be rendered again
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        assert!(!s.keep_if_current("a.html", 43));
        s.abort();
        fs::write(public.join("a.html"), b"B").unwrap();
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        assert!(!s.keep_if_current("a.html", 42));
    }

    #[test]
    fn abort_leaves_the_published_site() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        s.commit().unwrap();
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"changed", 0).unwrap();
        s.abort();
        assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A");
    }

    #[test]
    fn what_a_killed_build_left_is_removed_or_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        s.commit().unwrap();
        // killed between the first two renames: no public/, the site parked beside it
        fs::rename(&public, old_path(&public)).unwrap();
        fs::create_dir_all(staging_path(&public).join("sub")).unwrap();
        fs::write(manifest_tmp_path(&public), "half").unwrap();
        let kunci = Kunci::ambil(&public, Duration::ZERO, &|_| {}).unwrap();
        bersihkan_sisa(&kunci).unwrap();
        drop(kunci);
        assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A");
        let mut left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".public.salur-manifest", "public", "site"]);
        // killed after the second: the new site is in place, the parked one goes
        fs::create_dir_all(old_path(&public)).unwrap();
        fs::write(old_path(&public).join("a.html"), b"old").unwrap();
        let kunci = Kunci::ambil(&public, Duration::ZERO, &|_| {}).unwrap();
        bersihkan_sisa(&kunci).unwrap();
        drop(kunci);
        assert!(!old_path(&public).exists());
        assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A");
    }

    #[test]
    fn refuses_folders_that_are_not_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let site = site(dir.path());
        fs::write(site.join("site.toml"), "").unwrap();
        // the site folder itself, and a folder containing it
        assert!(matches!(
            Staging::begin(&site, &site),
            Err(OutputError::BerisiSitus(_))
        ));
        assert!(matches!(
            Staging::begin(dir.path(), &site),
            Err(OutputError::BerisiSitus(_))
        ));
        // a non-empty folder without a manifest (a gh-pages checkout, data/, …)
        let other = dir.path().join("gh-pages");
        fs::create_dir_all(other.join(".git")).unwrap();
        fs::write(other.join("CNAME"), "x").unwrap();
        assert!(matches!(
            Staging::begin(&other, &site),
            Err(OutputError::BukanKeluaranSalur(_))
        ));
        assert!(other.join("CNAME").exists());
        // an empty folder is fine
        let empty = dir.path().join("empty");
        fs::create_dir_all(&empty).unwrap();
        assert!(Staging::begin(&empty, &site).is_ok());
    }

    /// The names beside `public` other than itself, its manifest and `site`.
    fn beside_names(dir: &Path) -> Vec<String> {
        let mut out: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !matches!(n.as_str(), "public" | ".public.salur-manifest" | "site"))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_second_build_waits_for_the_first_or_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let pertama = Staging::begin(&public, &site(dir.path())).unwrap();
        // the holder's process id is in the lock file
        assert_eq!(
            fs::read_to_string(kunci_path(&public)).unwrap().trim(),
            std::process::id().to_string()
        );
        // refused at once, naming the holder
        match Staging::begin(&public, &site(dir.path())) {
            Err(OutputError::SedangDibangun { pid, detik, .. }) => {
                assert_eq!((pid, detik), (Some(std::process::id()), 0));
            }
            Err(e) => panic!("{e}"),
            Ok(_) => panic!("two builds hold one folder"),
        }
        // a build that waits gets the folder once the first is done, and is told once
        let dikabari = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| {
            let menunggu = scope.spawn(|| {
                Kunci::ambil(&public, Duration::from_secs(30), &|pid| {
                    assert_eq!(pid, Some(std::process::id()));
                    dikabari.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                })
            });
            std::thread::sleep(Duration::from_millis(300));
            pertama.write("a.html", b"A", 0).unwrap();
            pertama.commit().unwrap();
            let kedua = menunggu.join().unwrap().unwrap();
            assert_eq!(dikabari.load(std::sync::atomic::Ordering::SeqCst), 1);
            let s = Staging::begin_terkunci(kedua, &site(dir.path())).unwrap();
            assert!(s.keep_if_current("a.html", 0) || s.write("a.html", b"A", 0).is_ok());
            s.commit().unwrap();
        });
        assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A");
        // nothing is left beside the folder, the lock file neither
        assert_eq!(beside_names(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_lock_file_left_by_a_killed_build_is_not_held() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        fs::write(kunci_path(&public), "4242\n").unwrap();
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        s.commit().unwrap();
        assert_eq!(beside_names(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn staging_folders_are_told_apart_by_name_and_only_the_lock_holder_removes_them() {
        let public = Path::new("/srv/out/public");
        for name in [
            ".public.staging",
            ".public.staging-1",
            ".public.staging-99999",
        ] {
            assert!(adalah_staging(public, name), "{name}");
        }
        for name in [
            ".public.stagingx",
            ".publicx.staging-1",
            ".public.salur-manifest",
            ".public.salur-lock",
            "public",
            ".public.old",
        ] {
            assert!(!adalah_staging(public, name), "{name}");
        }
        assert!(
            staging_path(public)
                .to_string_lossy()
                .ends_with(&format!(".public.staging-{}", std::process::id()))
        );
        // another process's staging folder beside a folder whose lock is held stays; once the
        // lock is free, the next build removes it with the old name's
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        s.commit().unwrap();
        let other = dir.path().join(".public.staging-4242");
        fs::create_dir_all(other.join("wilayah")).unwrap();
        fs::create_dir_all(dir.path().join(".public.staging")).unwrap();
        let held = Kunci::ambil(&public, Duration::ZERO, &|_| {}).unwrap();
        assert!(Staging::begin(&public, &site(dir.path())).is_err());
        assert!(other.exists(), "removed while its folder was locked");
        drop(held);
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        assert!(!other.exists());
        assert!(!dir.path().join(".public.staging").exists());
        s.abort();
    }

    #[test]
    fn refuses_an_output_inside_an_input_folder_or_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let site = site(dir.path());
        fs::write(site.join("site.toml"), "").unwrap();
        for folder in ["data", "content", "themes"] {
            fs::create_dir_all(site.join(folder)).unwrap();
            for out in [
                site.join(folder),
                site.join(folder).join("public"),
                site.join(folder).join("default/static/public"),
            ] {
                match Staging::begin(&out, &site) {
                    Err(OutputError::DalamMasukan { folder: f, .. }) => assert_eq!(f, folder),
                    Err(e) => panic!("{}: {e}", out.display()),
                    Ok(_) => panic!("{}: accepted", out.display()),
                }
                // nothing was created there, not even the lock file
                assert!(!out.join("..").join(".public.salur-lock").exists());
            }
        }
        assert!(matches!(
            Staging::begin(&site.join("site.toml"), &site),
            Err(OutputError::BukanFolder(_))
        ));
        assert_eq!(
            OutputError::DalamMasukan {
                path: "themes/default/static/out".into(),
                folder: "themes".into()
            }
            .message(Lang::En),
            "themes/default/static/out: the output folder may not lie inside the input folder \
             themes/ (salur reads that folder: the next build would publish the old site \
             inside the new one); choose a folder outside it, such as public/"
        );
        // beside the site folder, or in a folder of its own inside it, is fine
        assert!(Staging::begin(&site.join("public"), &site).is_ok());
        assert!(Staging::begin(&site.join(".salur/serve"), &site).is_ok());
        assert!(Staging::begin(&dir.path().join("public"), &site).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn an_output_link_is_published_where_it_leads_and_never_replaced() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let site = site(dir.path());
        let nyata = fs::canonicalize(dir.path()).unwrap();
        // a link to a folder not made yet, in a folder not made yet
        symlink(nyata.join("srv/www"), dir.path().join("pub")).unwrap();
        assert_eq!(jalur_nyata(&dir.path().join("pub")), nyata.join("srv/www"));
        // relative, through a second link
        symlink("pub", dir.path().join("pub2")).unwrap();
        assert_eq!(jalur_nyata(&dir.path().join("pub2")), nyata.join("srv/www"));
        let s = Staging::begin(&dir.path().join("pub2"), &site).unwrap();
        s.write("index.html", b"<p>1</p>", 0).unwrap();
        s.commit().unwrap();
        assert!(
            fs::symlink_metadata(dir.path().join("pub2"))
                .unwrap()
                .is_symlink()
        );
        assert!(
            fs::symlink_metadata(dir.path().join("pub"))
                .unwrap()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("pub/index.html")).unwrap(),
            "<p>1</p>"
        );
        assert!(nyata.join("srv/.www.salur-manifest").is_file());
        // a link into an input folder: refused, naming the link and where it leads
        fs::create_dir_all(site.join("data")).unwrap();
        symlink("site/data/keluar", dir.path().join("ke-data")).unwrap();
        match Staging::begin(&dir.path().join("ke-data"), &site) {
            Err(OutputError::DalamMasukan { path, .. }) => assert_eq!(
                path,
                format!(
                    "{} (→ {})",
                    dir.path().join("ke-data").display(),
                    nyata.join("site/data/keluar").display()
                )
            ),
            Err(e) => panic!("{e}"),
            Ok(_) => panic!("accepted"),
        }
        // links that loop
        symlink("b", dir.path().join("a")).unwrap();
        symlink("a", dir.path().join("b")).unwrap();
        assert!(matches!(
            Staging::begin(&dir.path().join("a"), &site),
            Err(OutputError::TautanBerputar { .. })
        ));
        // a link made where the build publishes, while it runs: left as it is
        let out = dir.path().join("keluar");
        let s = Staging::begin(&out, &site).unwrap();
        s.write("index.html", b"<p>2</p>", 0).unwrap();
        symlink(nyata.join("srv/www"), &out).unwrap();
        assert!(matches!(s.commit(), Err(OutputError::MenjadiTautan(_))));
        assert!(fs::symlink_metadata(&out).unwrap().is_symlink());
        assert_eq!(
            fs::read_to_string(out.join("index.html")).unwrap(),
            "<p>1</p>"
        );
        // nothing of that build left beside it
        assert_eq!(
            beside_names(dir.path()),
            ["a", "b", "ke-data", "keluar", "pub", "pub2", "srv"]
        );
    }

    /// The syncs and the exchange made on paths under `dir`, in order.
    fn sinkron_di(dir: &Path) -> Vec<(&'static str, PathBuf)> {
        SINKRON_DICATAT
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, p)| p.starts_with(dir))
            .cloned()
            .collect()
    }

    #[test]
    fn the_staging_folder_and_manifest_are_synced_before_the_exchange_and_the_parent_after() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path().canonicalize().unwrap();
        let public = dir.join("public");
        let s = Staging::begin(&public, &site(&dir)).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        s.write("wilayah/35/35.75.html", b"B", 0).unwrap();
        s.commit().unwrap();
        let first = sinkron_di(&dir);
        // a first publish: synced (the tree, the manifest's file and folder) and renamed
        let staging = staging_path(&public);
        assert!(
            first.contains(&("syncfs", staging.clone()))
                || first.contains(&("berkas", staging.join("a.html"))),
            "{first:?}"
        );
        assert!(first.contains(&("folder", dir.clone())), "{first:?}");
        assert!(
            first.contains(&("berkas", manifest_tmp_path(&public))),
            "{first:?}"
        );

        let s = Staging::begin(&public, &site(&dir)).unwrap();
        s.write("a.html", b"A2", 0).unwrap();
        s.write("wilayah/35/35.75.html", b"B", 0).unwrap();
        s.commit().unwrap();
        let log = sinkron_di(&dir);
        let log = &log[first.len()..];
        let at = |want: &(&str, PathBuf)| log.iter().position(|x| x == want);
        let tukar = at(&("tukar", public.clone())).expect("exchanged");
        // the staging folder is durable before the exchange: one syncfs on Linux, else each
        // written file and each folder
        let staging_synced = at(&("syncfs", staging.clone()))
            .or_else(|| at(&("berkas", staging.join("a.html"))))
            .expect("the staging folder synced");
        assert!(staging_synced < tukar, "{log:?}");
        // the manifest for either folder reached the disk before the exchange
        let manifest_before = at(&("berkas", manifest_tmp_path(&public))).unwrap();
        assert!(manifest_before < tukar, "{log:?}");
        // the parent right after the exchange, then the final manifest and the parent again
        assert_eq!(log[tukar + 1], ("folder", dir.clone()), "{log:?}");
        assert_eq!(
            log[tukar + 2],
            ("berkas", manifest_tmp_path(&public)),
            "{log:?}"
        );
        assert_eq!(log[tukar + 3], ("folder", dir.clone()), "{log:?}");
    }

    #[test]
    fn without_syncfs_every_written_file_and_every_folder_is_synced() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path().canonicalize().unwrap();
        let staging = dir.join(".public.staging-1");
        for (rel, bytes) in [
            ("a.html", "A"),
            ("wilayah/35/35.75.html", "B"),
            ("b.html", "C"),
        ] {
            let p = staging.join(rel);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, bytes).unwrap();
        }
        // b.html linked, not written: its bytes were synced by the build that wrote them
        sinkron_satu_per_satu(
            &staging,
            &["a.html", "wilayah/35/35.75.html"],
            ["a.html", "b.html", "wilayah/35/35.75.html"].into_iter(),
        )
        .unwrap();
        let mut log = sinkron_di(&dir);
        log.sort();
        assert_eq!(
            log,
            [
                ("berkas", staging.join("a.html")),
                ("berkas", staging.join("wilayah/35/35.75.html")),
                ("folder", dir.clone()),
                ("folder", staging.clone()),
                ("folder", staging.join("wilayah")),
                ("folder", staging.join("wilayah/35")),
            ]
        );
    }

    #[test]
    fn a_fault_after_the_exchange_says_the_new_site_is_published() {
        for (titik, langkah) in [
            ("manifest", LangkahSetelahTerbit::Manifest),
            ("hapus-lama", LangkahSetelahTerbit::HapusLama),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let public = dir.path().join("public");
            let s = Staging::begin(&public, &site(dir.path())).unwrap();
            s.write("a.html", b"A", 0).unwrap();
            s.commit().unwrap();
            let s = Staging::begin(&public, &site(dir.path())).unwrap();
            s.write("a.html", b"A2", 0).unwrap();
            GAGAL_UJI.with(|g| g.set(Some(titik)));
            let hasil = s.commit();
            GAGAL_UJI.with(|g| g.set(None));
            let e = hasil.expect_err(titik);
            assert!(e.sudah_terbit(), "{titik}: {e}");
            match &e {
                OutputError::SetelahTerbit {
                    ringkasan,
                    langkah: l,
                    ..
                } => {
                    assert_eq!(*l, langkah);
                    assert_eq!(ringkasan.ditulis, 1);
                }
                _ => panic!("{e}"),
            }
            // true: the new site is live
            assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A2");
            let id = e.message(Lang::Id);
            let en = e.message(Lang::En);
            assert!(id.starts_with("Situs baru SUDAH TERBIT di "), "{id}");
            assert!(en.starts_with("The new site IS PUBLISHED in "), "{en}");
            assert!(en.contains("(1 written, 0 unchanged, 0 removed)"), "{en}");
            assert!(en.contains("os error 28"), "{en}");
            // and the next build mends what was left: the manifest, the previous site
            let s = Staging::begin(&public, &site(dir.path())).unwrap();
            s.write("a.html", b"A2", 0).unwrap();
            let r = s.commit().unwrap();
            assert_eq!((r.ditulis, r.dihapus), (0, 0), "{titik}");
            assert_eq!(beside_names(dir.path()), Vec::<String>::new(), "{titik}");
        }
    }
}
