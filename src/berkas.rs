//! Where a site's input files may be read from: inside the site folder only.
//!
//! A file under `data/` or `content/` may be a symbolic link (one copy of a table shared by two
//! folders of the site, a note linked from a drafts folder): it is read where it leads, and
//! `lib::sidik_masukan` follows links, so its target's bytes are in the inputs' fingerprint and
//! an edit of the target is rebuilt. A link that leads outside the site folder is refused, with
//! the link and where it leads: a note linked from someone's home folder would otherwise be
//! published with the site. The theme's files are confined the same way (`render::Tema`).

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Problem};

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
