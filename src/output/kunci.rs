//! One build at a time: [`Kunci`], the lock on an output folder.

use super::*;

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
    pub(super) public: PathBuf,
    /// The lock file.
    pub(super) path: PathBuf,
    /// The open lock file: the lock lives as long as it is open.
    pub(super) _file: fs::File,
}

/// How often a build that waits for another tries the lock again.
pub(super) const JEDA_KUNCI: Duration = Duration::from_millis(50);

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
pub(super) fn berkas_yang_sama(file: &fs::File, path: &Path) -> bool {
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
