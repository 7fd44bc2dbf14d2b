//! What reaches the disk and how: syncing files and folders, removing a tree, absolute
//! paths, and the atomic exchange of two folders (`renameat2(RENAME_EXCHANGE)`, renames
//! where the system has none).

use super::*;

/// A test hook: every sync made, in order, as (kind, path), so that unit tests can check that
/// and when the calls are made (a power cut cannot be tested; the calls can).
#[cfg(test)]
pub(super) static SINKRON_DICATAT: Mutex<Vec<(&'static str, PathBuf)>> = Mutex::new(Vec::new());

pub(super) fn catat_sinkron(jenis: &'static str, path: &Path) {
    #[cfg(test)]
    if let Ok(mut log) = SINKRON_DICATAT.lock() {
        log.push((jenis, path.to_path_buf()));
    }
    #[cfg(not(test))]
    let _ = (jenis, path);
}

/// Makes a file's bytes durable (`fsync`).
pub(super) fn sinkron_berkas(path: &Path) -> Result<(), OutputError> {
    catat_sinkron("berkas", path);
    fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| err(path, e))
}

/// Makes a folder's entries durable (`fsync` on the folder: the names created, renamed or
/// removed in it). A file system that cannot sync a folder (`EINVAL`) is taken at its word.
pub(super) fn sinkron_folder(path: &Path) -> Result<(), OutputError> {
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
pub(super) fn sinkron_staging<'a>(
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
pub(super) fn sinkron_satu_per_satu<'a>(
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
pub(super) fn hapus_pohon(root: &Path) -> Result<(), OutputError> {
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
        .try_for_each(|f| buang_folder(f).map_err(|e| err(f, e)))?;
    buang_folder(root).map_err(|e| err(root, e))
}

/// An absolute, normalised form of `p`, following symbolic links: where the path exists, and
/// a link whose target does not (its target, resolved the same way).
pub(super) fn absolute(p: &Path) -> PathBuf {
    // as many links as the system itself follows in one path (Linux: 40)
    absolute_n(p, 40)
}

pub(super) fn absolute_n(p: &Path, lompatan: u32) -> PathBuf {
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
pub(super) fn swap(a: &Path, b: &Path) -> Result<Option<PathBuf>, OutputError> {
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
pub(super) fn swap(a: &Path, b: &Path) -> Result<Option<PathBuf>, OutputError> {
    catat_sinkron("tukar", b);
    swap_by_rename(a, b)
}

/// Swaps with renames: `b` → `.b.old`, `a` → `b`, `.b.old` → `a`. Not atomic: a kill between
/// the first two leaves no `b` for a moment, and the previous site complete under `.b.old`,
/// which the next build puts back ([`bersihkan_sisa`]); a kill after the second leaves the
/// new site published and the previous one parked, which the next build removes. When the
/// second rename fails, the first is undone; when the third fails, the new site is in place
/// and the previous one stays parked: its path is returned.
pub(super) fn swap_by_rename(a: &Path, b: &Path) -> Result<Option<PathBuf>, OutputError> {
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

/// Removes whatever is at `path`, never following a link: a folder with everything in it, a
/// file or a link; nothing when there is nothing.
pub(super) fn buang_entri(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => buang_folder(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// A new, empty file at `path`, for writing: whatever was there is removed first
/// ([`buang_entri`]), so the bytes go to a new inode and never into a file that another name
/// shares (the spare's files are the published site's, hard-linked) nor through a link.
pub(super) fn buat_baru(path: &Path) -> io::Result<fs::File> {
    buang_entri(path)?;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

/// Makes `path` a folder, when it is not one: created, or what stands there removed first (a
/// file, a link). Safe from many threads at once.
pub(super) fn folder_ada(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => return izinkan(path, &m),
        Ok(_) => match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    match fs::create_dir(path) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
                Ok(())
            } else {
                Err(e)
            }
        }
        other => other,
    }
}

/// Lets this process list, add and remove entries in the folder `path` of the staging folder
/// (`meta`, its own metadata, not followed), adding the owner's read, write and search
/// permissions when it lacks one: the spare's folders are salur's own (only files are shared
/// with the published folder, never folders), and a folder published read-only
/// (`chmod -R a-w public`) becomes the spare two builds later, which would otherwise fail
/// every build from then on.
pub(super) fn izinkan(path: &Path, meta: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        if meta.is_dir() && mode & 0o700 != 0o700 {
            return fs::set_permissions(path, fs::Permissions::from_mode(mode | 0o700));
        }
    }
    #[cfg(not(unix))]
    let _ = (path, meta);
    Ok(())
}

/// [`buang_entri`] for a folder: its folders made writable first ([`izinkan`]), so that a
/// read-only folder in the spare does not stop a build.
fn buang_folder(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            for e in walkdir::WalkDir::new(path).into_iter().flatten() {
                if e.file_type().is_dir()
                    && let Ok(meta) = e.metadata()
                {
                    let _ = izinkan(e.path(), &meta);
                }
            }
            fs::remove_dir_all(path)
        }
        other => other,
    }
}

/// The inode number of a file (0 where the system has none: it then never matches, and the
/// file is linked again).
pub(super) fn inode(meta: &fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::ino(meta)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        0
    }
}

/// The inode number of a folder entry, as the folder lists it (no `stat`).
fn inode_entri(e: &fs::DirEntry) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::DirEntryExt::ino(e)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        0
    }
}

/// Makes the staging folder `root` hold only what the new site wants (`mau`, by path): a
/// file this build wrote stays; an unchanged file stays when it is the published file itself
/// (the same inode: it was linked by an earlier build); everything else is removed, and a
/// folder left empty too (a fresh build makes none). Returns the unchanged files that are
/// already in place; the others are linked by the caller. Reads the folders' listings only
/// (no `stat` per file), on all cores.
pub(super) fn rapikan(
    root: &Path,
    mau: &HashMap<&str, &Nasib>,
) -> Result<HashSet<String>, OutputError> {
    let sudah = Mutex::new(HashSet::default());
    rapikan_folder(root, root, "", mau, &sudah)?;
    sudah
        .into_inner()
        .map_err(|_| err(root, io::Error::other("lock poisoned")))
}

/// [`rapikan`] for the folder `dir` (`rel` in the site): whether it is left empty.
fn rapikan_folder(
    root: &Path,
    dir: &Path,
    rel: &str,
    mau: &HashMap<&str, &Nasib>,
    sudah: &Mutex<HashSet<String>>,
) -> Result<bool, OutputError> {
    let mut subs = Vec::new();
    let mut ok = Vec::new();
    let mut tinggal = 0usize;
    fs::symlink_metadata(dir)
        .and_then(|meta| izinkan(dir, &meta))
        .map_err(|e| err(dir, e))?;
    for e in fs::read_dir(dir).map_err(|e| err(dir, e))? {
        let e = e.map_err(|e| err(dir, e))?;
        let path = e.path();
        let jenis = e.file_type().map_err(|e| err(&path, e))?;
        // a name that is not UTF-8 is never one the site wants
        let r = e.file_name().to_str().map(|name| {
            if rel.is_empty() {
                name.to_string()
            } else {
                format!("{rel}/{name}")
            }
        });
        let Some(r) = r else {
            buang_entri(&path).map_err(|e| err(&path, e))?;
            continue;
        };
        if jenis.is_dir() {
            subs.push((path, r));
            continue;
        }
        match mau.get(r.as_str()) {
            Some(Nasib::Ditulis { .. }) if jenis.is_file() => tinggal += 1,
            Some(Nasib::Tetap(_, ino))
                if jenis.is_file() && *ino != 0 && inode_entri(&e) == *ino =>
            {
                tinggal += 1;
                ok.push(r);
            }
            _ => fs::remove_file(&path).map_err(|e| err(&path, e))?,
        }
    }
    let kosong: Vec<bool> = subs
        .par_iter()
        .map(|(path, r)| {
            let kosong = rapikan_folder(root, path, r, mau, sudah)?;
            if kosong {
                fs::remove_dir(path).map_err(|e| err(path, e))?;
            }
            Ok(kosong)
        })
        .collect::<Result<_, OutputError>>()?;
    tinggal += kosong.iter().filter(|k| !**k).count();
    if !ok.is_empty() {
        sudah
            .lock()
            .map_err(|_| err(root, io::Error::other("lock poisoned")))?
            .extend(ok);
    }
    Ok(tinggal == 0 && dir != root)
}

/// Keeps the previous site, `lama`, as the spare ([`cadangan_path`]) instead of removing it:
/// what stood there before goes (there is none after a build that took it); should the
/// rename fail, `lama` is removed as before.
pub(super) fn simpan_cadangan(public: &Path, lama: &Path) -> Result<(), OutputError> {
    let cadangan = cadangan_path(public);
    match fs::symlink_metadata(&cadangan) {
        Ok(m) if m.is_dir() => hapus_pohon(&cadangan)?,
        Ok(_) => fs::remove_file(&cadangan).map_err(|e| err(&cadangan, e))?,
        Err(_) => {}
    }
    if fs::rename(lama, &cadangan).is_err() {
        hapus_pohon(lama)?;
    }
    Ok(())
}
