//! The manifest beside a published folder: one line per file (hash, size, mtime, the
//! fingerprint of its inputs), read to skip unchanged pages and written at every publish.

use super::*;

/// One line of a manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Entry {
    pub(super) hash: u64,
    pub(super) size: u64,
    pub(super) mtime_ns: u128,
    /// The fingerprint of the inputs the file was rendered from (0 when unknown).
    pub(super) sidik: u64,
}

impl Entry {
    /// Whether the file on disk is still the one this entry describes.
    pub(super) fn matches(&self, meta: &fs::Metadata) -> bool {
        meta.is_file() && meta.len() == self.size && mtime_ns(meta) == self.mtime_ns
    }
}

pub(super) fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The inputs' fingerprint recorded in the manifest of `public`, if any.
pub(super) fn baca_masukan(public: &Path) -> Option<u64> {
    let text = fs::read_to_string(manifest_path(public)).ok()?;
    masukan_dari(text.lines().next()?)
}

pub(super) fn masukan_dari(header: &str) -> Option<u64> {
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
    // every file as written (not a link put in its place: the entry's own metadata, not
    // followed), and nothing else in the folder: no stray file, link or empty folder. One
    // listing of the tree, each file's metadata read from its folder's entry: statting the
    // 211,801 national files by their full paths as a second pass walked every path again
    // (the kernel's name lookups were a fifth of the build with nothing to do)
    let utuh = hitung_berkas(public, "", &entries, true).is_some_and(|n| n == entries.len());
    utuh.then(|| BuildTersimpan {
        files: entries.len(),
        peringatan: peringatan.to_string(),
        lang,
    })
}

/// Whether the folder `public` holds exactly the files of `entries`: ordinary files and the
/// folders they lie in, nothing else (a file someone added, a link, an empty folder). Reads the
/// folders' listings only, on all cores.
pub(super) fn hanya_isi_manifest(public: &Path, entries: &HashMap<String, Entry>) -> bool {
    hitung_berkas(public, "", entries, false).is_some_and(|n| n == entries.len())
}

/// The ordinary files under `dir` (`rel` in the site), when each is in `entries` (and, with
/// `cocok`, has the size and time its entry records) and every folder holds something; `None`
/// at the first entry that is not.
fn hitung_berkas(
    dir: &Path,
    rel: &str,
    entries: &HashMap<String, Entry>,
    cocok: bool,
) -> Option<usize> {
    let mut berkas = 0usize;
    let mut subs = Vec::new();
    for e in fs::read_dir(dir).ok()? {
        let e = e.ok()?;
        let jenis = e.file_type().ok()?;
        let name = e.file_name();
        let name = name.to_str()?;
        let r = if rel.is_empty() {
            name.to_string()
        } else {
            format!("{rel}/{name}")
        };
        if jenis.is_dir() {
            subs.push((e.path(), r));
        } else if jenis.is_file()
            && entries.get(&r).is_some_and(|entry| {
                // (`DirEntry::metadata` does not follow a link, and reads from the folder)
                !cocok || e.metadata().is_ok_and(|meta| entry.matches(&meta))
            })
        {
            berkas += 1;
        } else {
            return None;
        }
    }
    let di_bawah: Vec<Option<usize>> = subs
        .par_iter()
        .map(|(path, r)| hitung_berkas(path, r, entries, cocok).filter(|&n| n > 0))
        .collect();
    for n in di_bawah {
        berkas += n?;
    }
    Some(berkas)
}

pub(super) fn mtime_ns(meta: &fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

pub(super) fn read_manifest(public: &Path) -> Option<HashMap<String, Entry>> {
    let text = fs::read_to_string(manifest_path(public)).ok()?;
    Some(parse_manifest(&text))
}

pub(super) fn parse_manifest(text: &str) -> HashMap<String, Entry> {
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

/// Writes a manifest atomically (a temporary file renamed over the old one), streamed: a
/// header, with the fingerprint of the build's inputs when given; the build's warnings as
/// comment lines (`#| `, after `#w <lang>`); then one line per file of `entries`.
pub(super) fn write_manifest<'a>(
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
        let mut f = io::BufWriter::new(buat_baru(&tmp)?);
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
