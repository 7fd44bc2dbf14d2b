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
//! byte-identical (`tests/kill.rs`), and the next build removes what it left beside it
//! ([`bersihkan_sisa`]). Only the renames' fallback has a moment without a published folder:
//! the previous one then lies complete beside it, and the next build puts it back. The manifest also marks a folder as salur's own: salur refuses to publish
//! into a non-empty folder without one, or into the site folder itself, so that `--output`
//! can never delete a user's files.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

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

/// The staging folder of `public`: `.<name>.staging` beside it.
fn staging_path(public: &Path) -> PathBuf {
    beside(public, ".staging")
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

/// Removes what a killed build left beside `public`: a staging folder (a build killed while
/// rendering or linking, or while removing the previous site after the swap), a manifest half
/// written, and the previous site parked by the swap by renames. When a build was killed
/// between that swap's first two renames, `public` is missing and the parked folder holds the
/// previous site, complete: it is put back.
pub fn bersihkan_sisa(public: &Path) -> Result<(), OutputError> {
    let old = old_path(public);
    if old.is_dir() {
        if fs::symlink_metadata(public).is_err() {
            fs::rename(&old, public).map_err(|e| err(public, e))?;
        } else {
            fs::remove_dir_all(&old).map_err(|e| err(&old, e))?;
        }
    }
    let staging = staging_path(public);
    if fs::symlink_metadata(&staging).is_ok() {
        fs::remove_dir_all(&staging).map_err(|e| err(&staging, e))?;
    }
    let tmp = manifest_tmp_path(public);
    if tmp.is_file() {
        fs::remove_file(&tmp).map_err(|e| err(&tmp, e))?;
    }
    Ok(())
}

/// A test hook for `tests/kill.rs`, in debug builds only: with `SALUR_UJI_HENTI=<point>` in
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

/// The last build of `public`, when it was built from inputs with fingerprint `masukan` and
/// every file it published is still as it was written (size and modification time, checked
/// on all cores): building again would write the same bytes, so there is nothing to do.
pub fn build_tersimpan(public: &Path, masukan: u64) -> Option<BuildTersimpan> {
    // what a killed build left goes first, even when there is nothing to do (a failure to
    // remove it is reported by the full build, through `Staging::begin`)
    bersihkan_sisa(public).ok()?;
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
}

impl Staging {
    /// Starts a build that will publish into `public` the site whose sources are in `site`.
    /// Refuses an output folder that is the site folder or contains it, or that holds files
    /// salur did not write. A staging folder left by a killed build is removed.
    pub fn begin(public: &Path, site: &Path) -> Result<Staging, OutputError> {
        let public_abs = absolute(public);
        let site_abs = absolute(site);
        if site_abs.starts_with(&public_abs) {
            return Err(OutputError::BerisiSitus(public.display().to_string()));
        }
        bersihkan_sisa(&public_abs)?;
        let manifest = read_manifest(&public_abs);
        if manifest.is_none()
            && let Ok(mut entries) = fs::read_dir(public)
            && entries.next().is_some()
        {
            return Err(OutputError::BukanKeluaranSalur(
                public.display().to_string(),
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
    /// completes the staging folder and swaps it into place.
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
        let entries: Vec<(String, Entry)> = files
            .par_iter()
            .map(|(rel, nasib)| -> Result<(String, Entry), OutputError> {
                let target = self.staging.join(rel);
                let entry = match nasib {
                    Nasib::Tetap(e) => {
                        let from = self.public.join(rel);
                        if fs::hard_link(&from, &target).is_err() {
                            fs::copy(&from, &target).map_err(|e| err(&target, e))?;
                            let meta = fs::metadata(&target).map_err(|e| err(&target, e))?;
                            Entry {
                                mtime_ns: mtime_ns(&meta),
                                ..*e
                            }
                        } else {
                            *e
                        }
                    }
                    Nasib::Ditulis { hash, size, sidik } => {
                        let meta = fs::metadata(&target).map_err(|e| err(&target, e))?;
                        Entry {
                            hash: *hash,
                            size: *size,
                            mtime_ns: mtime_ns(&meta),
                            sidik: *sidik,
                        }
                    }
                };
                Ok((rel.clone(), entry))
            })
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
            entries.iter().map(|(p, e)| (p.as_str(), e)).chain(dropped),
            self.peringatan.as_ref(),
            None,
        )?;
        henti("manifest-sementara");
        let final_manifest = || {
            write_manifest(
                &manifest_path,
                entries.iter().map(|(p, e)| (p.as_str(), e)),
                self.peringatan.as_ref(),
                self.masukan,
            )
        };
        if fs::symlink_metadata(&self.public).is_ok() {
            swap(&self.staging, &self.public)?;
            henti("tertukar");
            final_manifest()?;
            henti("manifest");
            // `staging` now holds the previous site.
            hapus_pohon(&self.staging)?;
        } else {
            fs::rename(&self.staging, &self.public).map_err(|e| err(&self.public, e))?;
            henti("tertukar");
            final_manifest()?;
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
        f.into_inner().map_err(io::IntoInnerError::into_error)?;
        Ok(())
    };
    write().map_err(|e| err(&tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| err(path, e))
}

/// An absolute, normalised form of `p` (following symbolic links where the path exists).
fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = fs::canonicalize(p) {
        return c;
    }
    // the folder may not exist yet: canonicalise its nearest existing ancestor
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return abs,
        }
    }
    let mut out = fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    for name in rest.iter().rev() {
        out.push(name);
    }
    out
}

/// Exchanges two folders atomically where the system can.
#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> Result<(), OutputError> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
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
        return Ok(());
    }
    let e = io::Error::last_os_error();
    // Filesystems without RENAME_EXCHANGE: fall back to two renames.
    if matches!(e.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOSYS)) {
        return swap_by_rename(a, b);
    }
    Err(err(b, e))
}

#[cfg(not(target_os = "linux"))]
fn swap(a: &Path, b: &Path) -> Result<(), OutputError> {
    swap_by_rename(a, b)
}

/// Swaps with renames: `b` → `.b.old`, `a` → `b`, `.b.old` → `a`. Not atomic: a kill between
/// the first two leaves no `b` for a moment, and the previous site complete under `.b.old`,
/// which the next build puts back ([`bersihkan_sisa`]); a kill after the second leaves the
/// new site published and the previous one parked, which the next build removes.
fn swap_by_rename(a: &Path, b: &Path) -> Result<(), OutputError> {
    let old = old_path(b);
    if fs::symlink_metadata(&old).is_ok() {
        fs::remove_dir_all(&old).map_err(|e| err(&old, e))?;
    }
    fs::rename(b, &old).map_err(|e| err(b, e))?;
    henti("rename-1");
    fs::rename(a, b).map_err(|e| err(a, e))?;
    henti("rename-2");
    fs::rename(&old, a).map_err(|e| err(&old, e))?;
    Ok(())
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
        bersihkan_sisa(&public).unwrap();
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
        bersihkan_sisa(&public).unwrap();
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
}
