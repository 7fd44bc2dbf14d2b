//! The `output` stage: writes the site into a staging folder and swaps it into place only when
//! everything succeeded.
//!
//! A file whose bytes did not change is not rewritten: the existing file is hard-linked into the
//! staging folder, so it keeps its inode and modification time, and a deploy tool that compares
//! them uploads only what changed. When nothing changed at all, the published folder is not
//! touched. A build that fails, or is killed at any moment, leaves the published folder as it
//! was: the swap is a single atomic `renameat2(RENAME_EXCHANGE)` on Linux.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct OutputError {
    /// The file or folder.
    pub path: String,
    /// The cause.
    #[source]
    pub source: io::Error,
}

fn err(path: &Path, source: io::Error) -> OutputError {
    OutputError {
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

/// A build in progress: files are written into a staging folder beside the published one.
/// Writing is safe from many threads at once.
pub struct Staging {
    public: PathBuf,
    staging: PathBuf,
    ditulis: AtomicUsize,
    tetap: AtomicUsize,
    paths: Mutex<HashSet<String>>,
    dirs: Mutex<HashSet<PathBuf>>,
}

impl Staging {
    /// Starts a build that will publish into `public`. A staging folder left by a killed
    /// build is removed first.
    pub fn begin(public: &Path) -> Result<Staging, OutputError> {
        let name = public
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".to_string());
        let parent = match public.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(|e| err(&parent, e))?;
        let staging = parent.join(format!(".{name}.staging"));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(|e| err(&staging, e))?;
        }
        fs::create_dir_all(&staging).map_err(|e| err(&staging, e))?;
        Ok(Staging {
            public: public.to_path_buf(),
            staging,
            ditulis: AtomicUsize::new(0),
            tetap: AtomicUsize::new(0),
            paths: Mutex::new(HashSet::new()),
            dirs: Mutex::new(HashSet::new()),
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

    /// Adds a file at `rel` (a `/`-separated path relative to the output root).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let target = self.staging.join(rel);
        if let Some(dir) = target.parent() {
            self.ensure_dir(dir)?;
        }
        if let Ok(mut paths) = self.paths.lock() {
            paths.insert(rel.to_string());
        }
        let published = self.public.join(rel);
        if same_bytes(&published, bytes) && fs::hard_link(&published, &target).is_ok() {
            self.tetap.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        fs::write(&target, bytes).map_err(|e| err(&target, e))?;
        self.ditulis.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Publishes the staging folder: swaps it with the published one (or leaves the
    /// published one untouched when nothing changed) and removes the old files.
    pub fn commit(self) -> Result<Ringkasan, OutputError> {
        let paths = self.paths.into_inner().unwrap_or_default();
        let dihapus = count_removed(&self.public, &paths);
        let ringkasan = Ringkasan {
            ditulis: self.ditulis.load(Ordering::Relaxed),
            tetap: self.tetap.load(Ordering::Relaxed),
            dihapus,
        };
        if ringkasan.ditulis == 0 && dihapus == 0 && self.public.is_dir() {
            fs::remove_dir_all(&self.staging).map_err(|e| err(&self.staging, e))?;
            return Ok(ringkasan);
        }
        if self.public.exists() {
            swap(&self.staging, &self.public)?;
            // `staging` now holds the previous site.
            fs::remove_dir_all(&self.staging).map_err(|e| err(&self.staging, e))?;
        } else {
            fs::rename(&self.staging, &self.public).map_err(|e| err(&self.public, e))?;
        }
        Ok(ringkasan)
    }

    /// Abandons the build: removes the staging folder, leaving the published one as it was.
    pub fn abort(self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}

fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
            fs::read(path).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

/// The number of files under `public` that are not in `paths`.
fn count_removed(public: &Path, paths: &HashSet<String>) -> usize {
    if !public.is_dir() {
        return 0;
    }
    walkdir::WalkDir::new(public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let rel = e
                .path()
                .strip_prefix(public)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            !paths.contains(&rel)
        })
        .count()
}

/// Exchanges two folders atomically where the system can.
#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> Result<(), OutputError> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
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

/// Swaps with two renames: `b` → `b.old`, `a` → `b`, `b.old` → `a`. Not atomic: a kill
/// between the first two leaves the previous site complete under `b.old`.
fn swap_by_rename(a: &Path, b: &Path) -> Result<(), OutputError> {
    let mut old = b.as_os_str().to_owned();
    old.push(".old");
    let old = PathBuf::from(old);
    if old.exists() {
        fs::remove_dir_all(&old).map_err(|e| err(&old, e))?;
    }
    fs::rename(b, &old).map_err(|e| err(b, e))?;
    fs::rename(a, b).map_err(|e| err(a, e))?;
    fs::rename(&old, a).map_err(|e| err(&old, e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_files_are_not_rewritten_and_removed_ones_go() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let s = Staging::begin(&public).unwrap();
        s.write("a.html", b"A").unwrap();
        s.write("sub/b.html", b"B").unwrap();
        s.write("old.html", b"O").unwrap();
        assert_eq!(s.commit().unwrap().ditulis, 3);
        let before = fs::metadata(public.join("a.html"))
            .unwrap()
            .modified()
            .unwrap();

        std::thread::sleep(std::time::Duration::from_millis(20));
        let s = Staging::begin(&public).unwrap();
        s.write("a.html", b"A").unwrap();
        s.write("sub/b.html", b"B2").unwrap();
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
    fn abort_leaves_the_published_site() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let s = Staging::begin(&public).unwrap();
        s.write("a.html", b"A").unwrap();
        s.commit().unwrap();
        let s = Staging::begin(&public).unwrap();
        s.write("a.html", b"changed").unwrap();
        s.abort();
        assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A");
    }
}
