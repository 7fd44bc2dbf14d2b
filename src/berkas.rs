//! Where a site's input files may be read from: inside the site folder only, and only
//! ordinary files and folders.
//!
//! A file under `data/` or `content/` may be a symbolic link (one copy of a table shared by two
//! folders of the site, a note linked from a drafts folder): it is read where it leads, and
//! `lib::sidik_masukan` follows links, so its target's bytes are in the inputs' fingerprint and
//! an edit of the target is rebuilt. A link that leads outside the site folder is refused, with
//! the link and where it leads: a note linked from someone's home folder would otherwise be
//! published with the site. The theme's files are confined the same way (`render::Tema`).
//!
//! Whatever stands where salur reads an input and is not an ordinary file (or, for `data/`,
//! `content/`, `themes/…`, a folder) is an error naming it and what it is ([`JenisLain`]): a
//! link whose target was moved (with where it pointed), links that loop, a folder, a named
//! pipe, a socket or a device. Counted as absent, it would publish the site without that input
//! (a `realisasi.csv` that is a broken link: a site with no payments, and exit 0). Every input is
//! looked at without being opened ([`jenis`]: `lstat`, then `stat`) and opened by [`buka`] only
//! when it is an ordinary file, non-blocking and checked again on the open file: opening a named
//! pipe for reading would wait for a writer forever, and a device (`/dev/zero`) never ends.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Problem};

pub use crate::diagnostics::JenisLain;

/// What a path is, looked at without opening it (links followed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Jenis {
    /// Nothing by that name (not even a broken link).
    TidakAda,
    /// An ordinary file of `ukuran` bytes.
    Berkas {
        /// Its size in bytes.
        ukuran: u64,
    },
    /// A folder.
    Folder,
    /// Something else ([`JenisLain::Folder`] and [`JenisLain::Berkas`] are not used here).
    Lain(JenisLain),
    /// It cannot be looked at (no permission): the system's message.
    Galat(String),
}

/// What `path` is: `lstat`, then `stat` for a link, so that a broken link (with where it points)
/// and a loop are told apart from a missing file. Never opens it.
pub fn jenis(path: &Path) -> Jenis {
    let lmeta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Jenis::TidakAda,
        Err(e) => return Jenis::Galat(e.to_string()),
    };
    let meta = if lmeta.file_type().is_symlink() {
        match fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                let tujuan = fs::read_link(path)
                    .map(|t| crate::teks::samarkan_teks(&t.to_string_lossy()))
                    .unwrap_or_default();
                return if berputar(&e) {
                    Jenis::Lain(JenisLain::TautanBerputar { tujuan })
                } else if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) {
                    Jenis::Lain(JenisLain::TautanPutus { tujuan })
                } else {
                    Jenis::Galat(e.to_string())
                };
            }
        }
    } else {
        lmeta
    };
    jenis_dari(&meta)
}

/// The kind of a file from its metadata.
fn jenis_dari(meta: &fs::Metadata) -> Jenis {
    let t = meta.file_type();
    if t.is_file() {
        return Jenis::Berkas { ukuran: meta.len() };
    }
    if t.is_dir() {
        return Jenis::Folder;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Jenis::Lain(JenisLain::Pipa);
        }
        if t.is_socket() {
            return Jenis::Lain(JenisLain::Soket);
        }
    }
    Jenis::Lain(JenisLain::Perangkat)
}

/// Whether `e` says that links loop (`ELOOP`).
pub(crate) fn berputar(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Why an input could not be opened ([`buka`], [`baca`]).
#[derive(Debug)]
pub enum Gagal {
    /// It is not there (any more).
    TidakAda,
    /// It is not an ordinary file.
    Lain(JenisLain),
    /// The system refused (permissions, an I/O error).
    Io(io::Error),
}

impl Gagal {
    /// The problem to report for `rel` (a missing file is reported as the system says it: the
    /// callers looked first, so it was removed meanwhile).
    pub fn problem(self) -> Problem {
        match self {
            Gagal::TidakAda => Problem::Io(io::Error::from(io::ErrorKind::NotFound).to_string()),
            Gagal::Lain(j) => Problem::BukanBerkas(j),
            Gagal::Io(e) => Problem::Io(e.to_string()),
        }
    }
}

/// Opens `path` for reading when it is an ordinary file (links followed): looked at first
/// ([`jenis`]), so that a device or a pipe is never opened, then opened non-blocking and looked
/// at again on the open file, so that a pipe put in its place meanwhile cannot make the open
/// or a read wait (`O_NONBLOCK` changes nothing for an ordinary file).
pub fn buka(path: &Path) -> Result<fs::File, Gagal> {
    match jenis(path) {
        Jenis::Berkas { .. } => {}
        Jenis::TidakAda => return Err(Gagal::TidakAda),
        Jenis::Folder => return Err(Gagal::Lain(JenisLain::Folder)),
        Jenis::Lain(j) => return Err(Gagal::Lain(j)),
        Jenis::Galat(_) => {}
    }
    let mut o = fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let f = o.open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Gagal::TidakAda,
        _ => Gagal::Io(e),
    })?;
    let meta = f.metadata().map_err(Gagal::Io)?;
    match jenis_dari(&meta) {
        Jenis::Berkas { .. } => Ok(f),
        Jenis::Folder => Err(Gagal::Lain(JenisLain::Folder)),
        Jenis::Lain(j) => Err(Gagal::Lain(j)),
        Jenis::TidakAda | Jenis::Galat(_) => Err(Gagal::TidakAda),
    }
}

/// The bytes of the ordinary file `path`, opened by [`buka`].
pub fn baca(path: &Path) -> Result<Vec<u8>, Gagal> {
    let mut f = buka(path)?;
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes).map_err(Gagal::Io)?;
    Ok(bytes)
}

/// The first `batas` bytes at most of the ordinary file `path`, opened by [`buka`]: for a
/// file read before its size is checked (`site.toml` for its language).
pub fn baca_awal(path: &Path, batas: u64) -> Result<Vec<u8>, Gagal> {
    let f = buka(path)?;
    let mut bytes = Vec::new();
    f.take(batas).read_to_end(&mut bytes).map_err(Gagal::Io)?;
    Ok(bytes)
}

/// Why an input in the site folder is refused ([`Situs::berkas`], [`Situs::folder`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tolak {
    /// A link that leads outside the site folder, to this place (a NIK in it masked).
    DiLuar(String),
    /// Not what salur reads there.
    Lain(JenisLain),
    /// It cannot be looked at: the system's message.
    Io(String),
}

impl Tolak {
    /// The problem to report.
    pub fn problem(self) -> Problem {
        match self {
            Tolak::DiLuar(tujuan) => Problem::TautanKeluarSitus { tujuan },
            Tolak::Lain(j) => Problem::BukanBerkas(j),
            Tolak::Io(e) => Problem::Io(e),
        }
    }
}

/// The site folder, resolved once for many checks.
#[derive(Debug, Clone)]
pub struct Situs {
    root: PathBuf,
    /// `root`, canonical (links followed); `None` when it cannot be resolved (it is then
    /// reported as missing by the configuration).
    nyata: Option<PathBuf>,
}

impl Situs {
    /// The site folder `root`.
    pub fn new(root: &Path) -> Situs {
        Situs {
            root: root.to_path_buf(),
            nyata: std::fs::canonicalize(root).ok(),
        }
    }

    /// Where `rel` (a path relative to the site folder, `/`-separated) leads when that is
    /// outside the site folder, as a message shows it; `None` when it stays inside, or does not
    /// resolve (a missing file or a broken link, which reading reports).
    pub fn di_luar(&self, rel: &str) -> Option<String> {
        self.jalur_di_luar(&self.root.join(rel))
    }

    /// Like [`Situs::di_luar`], for a path under the site folder as given to [`Situs::new`].
    pub fn jalur_di_luar(&self, path: &Path) -> Option<String> {
        let nyata_root = self.nyata.as_ref()?;
        let nyata = std::fs::canonicalize(path).ok()?;
        if nyata.starts_with(nyata_root) {
            return None;
        }
        Some(crate::teks::samarkan_teks(&nyata.to_string_lossy()))
    }

    /// An input file at `path` (under the site folder as given to [`Situs::new`]), looked at
    /// before it is read: `Ok(Some(size))` for an ordinary file inside the site folder,
    /// `Ok(None)` when nothing has that name, else why it is refused. A link that leads
    /// outside is refused as that, whatever it leads to (`/dev/null` included); then a broken
    /// link, links that loop, a folder, a pipe, a socket or a device, as what they are.
    pub fn berkas(&self, path: &Path) -> Result<Option<u64>, Tolak> {
        match self.lihat(path)? {
            Jenis::TidakAda => Ok(None),
            Jenis::Berkas { ukuran } => Ok(Some(ukuran)),
            Jenis::Folder => Err(Tolak::Lain(JenisLain::Folder)),
            Jenis::Lain(j) => Err(Tolak::Lain(j)),
            Jenis::Galat(e) => Err(Tolak::Io(e)),
        }
    }

    /// An input folder at `path` (`data/`, `content/rapat/`, `themes/<name>/`), like
    /// [`Situs::berkas`]: `Ok(true)` for a folder inside the site folder, `Ok(false)` when
    /// nothing has that name.
    pub fn folder(&self, path: &Path) -> Result<bool, Tolak> {
        match self.lihat(path)? {
            Jenis::TidakAda => Ok(false),
            Jenis::Folder => Ok(true),
            Jenis::Berkas { .. } => Err(Tolak::Lain(JenisLain::Berkas)),
            Jenis::Lain(j) => Err(Tolak::Lain(j)),
            Jenis::Galat(e) => Err(Tolak::Io(e)),
        }
    }

    /// What `path` is, a link that leads outside the site folder refused first.
    fn lihat(&self, path: &Path) -> Result<Jenis, Tolak> {
        let j = jenis(path);
        if !matches!(
            j,
            Jenis::TidakAda | Jenis::Lain(JenisLain::TautanPutus { .. })
        ) && let Some(tujuan) = self.jalur_di_luar(path)
        {
            return Err(Tolak::DiLuar(tujuan));
        }
        Ok(j)
    }

    /// [`Situs::berkas`] for `rel` (relative to the site folder, `/`-separated), refused as a
    /// diagnostic at its place (the name's NIK masked).
    pub fn periksa_berkas(&self, rel: &str) -> Result<Option<u64>, Box<Diagnostic>> {
        self.berkas(&self.root.join(rel))
            .map_err(|t| Box::new(tolak_di(rel, t)))
    }

    /// [`Situs::folder`] for `rel`, refused as a diagnostic at its place.
    pub fn periksa_folder(&self, rel: &str) -> Result<bool, Box<Diagnostic>> {
        self.folder(&self.root.join(rel))
            .map_err(|t| Box::new(tolak_di(rel, t)))
    }

    /// `rel` refused, at its place, when it leads outside the site folder.
    pub fn periksa(&self, rel: &str) -> Result<(), Box<Diagnostic>> {
        match self.di_luar(rel) {
            None => Ok(()),
            Some(tujuan) => Err(Box::new(Diagnostic::error(
                rel,
                0,
                0,
                None,
                Problem::TautanKeluarSitus { tujuan },
            ))),
        }
    }
}

/// `t` as an error at `rel` (its NIK masked: the name is a directory entry's).
pub fn tolak_di(rel: &str, t: Tolak) -> Diagnostic {
    Diagnostic::error(&crate::teks::samarkan_teks(rel), 0, 0, None, t.problem())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_inside_the_site_are_read_and_links_outside_refused() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("content/rapat")).unwrap();
        std::fs::create_dir_all(site.join("arsip")).unwrap();
        std::fs::write(site.join("arsip/a.md"), "x").unwrap();
        std::fs::write(dir.path().join("luar.md"), "x").unwrap();
        symlink(site.join("arsip/a.md"), site.join("content/rapat/a.md")).unwrap();
        symlink("../../../luar.md", site.join("content/rapat/b.md")).unwrap();
        std::fs::write(site.join("content/rapat/c.md"), "x").unwrap();
        let situs = Situs::new(&site);
        assert_eq!(situs.di_luar("content/rapat/a.md"), None);
        assert_eq!(situs.di_luar("content/rapat/c.md"), None);
        assert_eq!(situs.di_luar("content/rapat/tidak-ada.md"), None);
        let luar = std::fs::canonicalize(dir.path().join("luar.md")).unwrap();
        assert_eq!(
            situs.di_luar("content/rapat/b.md"),
            Some(luar.display().to_string())
        );
        let d = situs.periksa("content/rapat/b.md").unwrap_err();
        assert_eq!(
            d.message(crate::lang::Lang::En),
            format!(
                "content/rapat/b.md: this symbolic link leads outside the site folder, to {}; \
                 salur reads only files inside the site folder: copy the file into it (or \
                 link to a file inside the site folder)",
                luar.display()
            )
        );
        // a whole folder linked from outside: every file in it leads outside
        std::fs::create_dir_all(dir.path().join("data-lain")).unwrap();
        std::fs::write(dir.path().join("data-lain/wilayah.csv"), "kode,nama\n").unwrap();
        symlink(dir.path().join("data-lain"), site.join("data")).unwrap();
        assert!(situs.di_luar("data/wilayah.csv").is_some());
    }
}
