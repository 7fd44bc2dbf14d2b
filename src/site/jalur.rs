//! One path, one page: every output path is claimed once, by the input it comes from.
//!
//! Two inputs whose names map to one output path would publish one in place of the other,
//! silently: `content/kualitas-data.md` over the data-quality report, a programme coded
//! `index` over the list of programmes, payment points `Pos A` and `Pos-A` on one page (so the
//! residents of one kelurahan would read another point's place and hours). [`Situs::plan`]
//! claims the path of every planned page and of every static file of the theme, in plan order,
//! each with the input it comes from ([`Asal`]: `file:line:column` and the value, or a page
//! salur makes itself). A second claim is an input error at the input's place naming the other
//! claimant, raised before anything is written, so `salur check` reports it too. The same pass
//! refuses a file name longer than [`MAKS_NAMA_BERKAS`] bytes at the input it comes from,
//! instead of letting it fail as the staging path's "File name too long".
//!
//! A static file whose path is a folder of pages (`wilayah`), or whose folder is a page
//! (`index.html/a.css`), is refused the same way: one of the two could not be written.
//!
//! Paths are compared case-folded: on a case-insensitive host (Windows, macOS) `Index.html`
//! of a theme and the home page `index.html` would be one file. (salur's own paths are lower
//! case already; only a theme's static files can differ in case alone.)
//!
//! Cost: each path is made once more and hashed on all cores, then one `u64` per path goes into
//! a hash map with its index; the paths themselves are not kept, and two paths are compared as
//! text only when their hashes meet. For the national site's 203.346 files: 61 ms on two busy
//! cores (of a 0,65 s plan), about 8 MB held while it runs (the hashes, 3 MB, and the map, 4 MB).

use std::borrow::Cow;
use std::collections::hash_map::Entry;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::BerkasStatis;

use super::{Halaman, Situs, TENTANG_DATA};
use crate::data::WilayahId;
use crate::diagnostics::{Diagnostic, Diagnostics, PemilikJalur, Problem};

/// The longest file name (one path component) salur writes, in bytes. File systems allow 255
/// (ext4, APFS, NTFS in UTF-16 units); 200 leaves room for whatever a host, a sync tool or a
/// later version adds to a name (`.gz`, a temporary suffix).
pub const MAKS_NAMA_BERKAS: usize = 200;

/// Where an output path comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asal {
    /// An input: the file (or worksheet) and, as far as known, the line, column and value
    /// that name the page.
    Masukan {
        /// `data/jadwal.csv`, `content/rapat/2021-07-13-rakor.md`, `themes/x/static/a.css`.
        file: String,
        /// 1-based line, 0 for the whole file.
        line: u64,
        /// 1-based column, 0 for the whole line.
        column: u64,
        /// The value there (a code, a payment point's name).
        nilai: Option<String>,
    },
    /// A page salur makes itself, named by its message catalogue key (`pemilik.beranda`).
    Salur {
        /// The key of its name in the message catalogue.
        kunci: &'static str,
    },
}

impl Asal {
    /// The claimant as another message names it.
    fn pemilik(&self) -> PemilikJalur {
        match self {
            Asal::Masukan {
                file,
                line,
                column,
                nilai,
            } => PemilikJalur::Masukan {
                tempat: Diagnostic::error(file, *line, *column, None, Problem::MissingFile)
                    .tempat(),
                nilai: nilai.as_deref().map(crate::diagnostics::singkat),
            },
            Asal::Salur { kunci } => PemilikJalur::Salur { kunci },
        }
    }

    /// The error for this input's path `jalur`, which holds a NIK
    /// ([`Problem::PrivacyNikJalur`]): the path, the input's file name and its value masked
    /// where the path's NIK comes from ([`crate::teks::samarkan_menurut`]).
    fn galat_nik(&self, jalur: &str) -> Diagnostic {
        let samar = crate::teks::samarkan_teks(jalur);
        let problem = Problem::PrivacyNikJalur {
            jalur: samar.clone(),
        };
        match self {
            Asal::Masukan {
                file,
                line,
                column,
                nilai,
            } => {
                let file = crate::teks::samarkan_menurut(file, jalur);
                let nilai = nilai
                    .as_deref()
                    .filter(|_| *line > 0 && *column > 0)
                    .map(|n| crate::teks::samarkan_menurut(n, jalur));
                Diagnostic::error(&file, *line, *column, nilai.as_deref(), problem)
            }
            Asal::Salur { .. } => Diagnostic::error(&samar, 0, 0, None, problem),
        }
    }

    /// An error about this input.
    fn galat(&self, problem: Problem, jalur: &str) -> Diagnostic {
        match self {
            Asal::Masukan {
                file,
                line,
                column,
                nilai,
            } => {
                // a value is quoted only with its line and column
                let nilai = nilai.as_deref().filter(|_| *line > 0 && *column > 0);
                Diagnostic::error(file, *line, *column, nilai, problem)
            }
            // two of salur's own pages on one path: not the operator's doing, but still not
            // written over each other
            Asal::Salur { .. } => Diagnostic::error(jalur, 0, 0, None, problem),
        }
    }
}

/// Something that writes a file: a planned page or a static file of the theme.
#[derive(Debug, Clone, Copy)]
enum Pengklaim {
    Halaman(Halaman),
    Statis(usize),
}

/// `path` as a case-insensitive host sees it.
fn lipat(path: &str) -> Cow<'_, str> {
    if path
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(path.to_lowercase())
    } else {
        Cow::Borrowed(path)
    }
}

/// The longest component of `path`, when it is longer than [`MAKS_NAMA_BERKAS`]: (its folder,
/// its length in bytes).
fn terlalu_panjang(path: &str) -> Option<(String, usize)> {
    let mut folder = 0;
    for part in path.split('/') {
        if part.len() > MAKS_NAMA_BERKAS {
            return Some((path[..folder].to_string(), part.len()));
        }
        folder += part.len() + 1;
    }
    None
}

impl Situs<'_> {
    /// Claims the path of every planned page and of every static file `statis` (paths relative
    /// to the output root), in that order; returns an error for every second claim of a path
    /// and every file name longer than [`MAKS_NAMA_BERKAS`] bytes.
    pub(super) fn klaim_jalur(&self, statis: &[BerkasStatis]) -> Diagnostics {
        // content pages merged into the "about the data" page are not planned, but each claims
        // that page's path: a second one would be left out silently
        let tentang = self
            .content
            .halaman
            .iter()
            .enumerate()
            .filter(|(_, h)| h.slug == TENTANG_DATA)
            .skip(1)
            .map(|(i, _)| Pengklaim::Halaman(Halaman::Konten(i)));
        // the planned pages, then these (by index, so the 203.000 pages are not copied)
        let tambahan: Vec<Pengklaim> = tentang
            .chain((0..statis.len()).map(Pengklaim::Statis))
            .collect();
        let n = self.halaman.len() + tambahan.len();
        let pengklaim = |i: usize| match self.halaman.get(i) {
            Some(&h) => Pengklaim::Halaman(h),
            None => tambahan[i - self.halaman.len()],
        };
        let jalur = |k: Pengklaim| -> Cow<'_, str> {
            match k {
                Pengklaim::Halaman(h) => Cow::Owned(self.path(h)),
                Pengklaim::Statis(i) => Cow::Borrowed(statis[i].nama.as_str()),
            }
        };
        let hash = |s: &str| xxhash_rust::xxh3::xxh3_64(s.as_bytes());
        // a static file whose path is a folder of pages (`wilayah`): the pages' folders are
        // looked up among the few static paths as the paths are hashed
        let statis_hash: FxHashMap<u64, usize> = statis
            .iter()
            .enumerate()
            .map(|(i, p)| (hash(&lipat(&p.nama)), i))
            .collect();
        // per path: its hash, and flags (PANJANG: a file name too long; FOLDER: a folder of it
        // is a static file's path; NIK: it holds a number shaped like a NIK)
        const PANJANG: u8 = 1;
        const FOLDER: u8 = 2;
        const NIK: u8 = 4;
        let kunci: Vec<(u64, u8)> = (0..n)
            .into_par_iter()
            .map(|i| {
                let p = jalur(pengklaim(i));
                let l = lipat(&p);
                let mut flags = 0;
                if terlalu_panjang(&p).is_some() {
                    flags |= PANJANG;
                }
                // the NIK guard on what is published: a name that passed it can still become
                // one once slugged (`3575----0123----4567----0001.md`, `3.575.012.345.670.001`
                // is `3-575-012-…`); one pass of a few nanoseconds over an ordinary path
                if crate::teks::mungkin_nik(p.as_bytes()) && !crate::teks::cari_nik(&p).is_empty() {
                    flags |= NIK;
                }
                if i < self.halaman.len()
                    && !statis_hash.is_empty()
                    && l.match_indices('/')
                        .any(|(j, _)| statis_hash.contains_key(&hash(&l[..j])))
                {
                    flags |= FOLDER;
                }
                (hash(&l), flags)
            })
            .collect();
        let asal = |k: Pengklaim| match k {
            Pengklaim::Halaman(h) => self.asal(h),
            Pengklaim::Statis(i) => self.asal_statis(&statis[i]),
        };
        let mut diags = Diagnostics::new();
        let mut dilihat: FxHashMap<u64, usize> = FxHashMap::default();
        dilihat.reserve(n);
        // paths whose hash met another path's without being the same path (never seen, but
        // then compared as text)
        let mut lain: FxHashMap<String, usize> = FxHashMap::default();
        // one message per pair of inputs (a payment point's page and calendar are two paths)
        let mut dilaporkan: FxHashSet<(String, PemilikJalur)> = FxHashSet::default();
        let mut panjang_dilaporkan: FxHashSet<String> = FxHashSet::default();
        let mut folder_dilaporkan: FxHashSet<usize> = FxHashSet::default();
        let mut nik_dilaporkan: FxHashSet<String> = FxHashSet::default();
        for (i, &(h, flags)) in kunci.iter().enumerate() {
            let k = pengklaim(i);
            if flags & NIK != 0 {
                // at the claiming input, its name and value masked as the path is; the path's
                // other checks would quote it, so they are left out
                let p = jalur(k);
                let d = asal(k).galat_nik(&p);
                if nik_dilaporkan.insert(d.tempat()) {
                    diags.push(d);
                }
                continue;
            }
            if flags & FOLDER != 0 {
                // a page inside a folder that a static file would be
                let p = jalur(k);
                let l = lipat(&p);
                for (j, _) in l.match_indices('/') {
                    let Some(&si) = statis_hash.get(&hash(&l[..j])) else {
                        continue;
                    };
                    if lipat(&statis[si].nama) == l[..j] && folder_dilaporkan.insert(si) {
                        diags.push(self.asal_statis(&statis[si]).galat(
                            Problem::JalurJadiFolder {
                                jalur: statis[si].nama.clone(),
                                isi: p.to_string(),
                                pemilik: asal(k).pemilik(),
                            },
                            &statis[si].nama,
                        ));
                    }
                }
            }
            if let Pengklaim::Statis(si) = k {
                // a static file inside a folder that is another claimant's file
                let l = lipat(&statis[si].nama).into_owned();
                for (j, _) in l.match_indices('/') {
                    let Some(&lain) = dilihat.get(&hash(&l[..j])) else {
                        continue;
                    };
                    let berkas = jalur(pengklaim(lain));
                    if lipat(&berkas) == l[..j] {
                        diags.push(self.asal_statis(&statis[si]).galat(
                            Problem::FolderJadiBerkas {
                                jalur: statis[si].nama.clone(),
                                folder: berkas.to_string(),
                                pemilik: asal(pengklaim(lain)).pemilik(),
                            },
                            &statis[si].nama,
                        ));
                        break;
                    }
                }
            }
            if flags & PANJANG != 0 {
                let p = jalur(k);
                if let Some((folder, n)) = terlalu_panjang(&p) {
                    let d = asal(k).galat(
                        Problem::NamaBerkasPanjang {
                            folder,
                            panjang: n,
                            maks: MAKS_NAMA_BERKAS,
                        },
                        &p,
                    );
                    // once per input (a tahap names two pages, a payment point two files)
                    if panjang_dilaporkan.insert(d.tempat()) {
                        diags.push(d);
                    }
                }
            }
            let pertama = match dilihat.entry(h) {
                Entry::Vacant(e) => {
                    e.insert(i);
                    continue;
                }
                Entry::Occupied(e) => *e.get(),
            };
            let p = jalur(k);
            let sama = lipat(&jalur(pengklaim(pertama))) == lipat(&p);
            let pertama = if sama {
                pertama
            } else {
                match lain.entry(lipat(&p).into_owned()) {
                    Entry::Vacant(e) => {
                        e.insert(i);
                        continue;
                    }
                    Entry::Occupied(e) => *e.get(),
                }
            };
            let p_pertama = jalur(pengklaim(pertama));
            let (a, b) = (asal(pengklaim(pertama)), asal(k));
            let kembar = match (&a, &b) {
                (
                    Asal::Masukan {
                        file: fa,
                        nilai: Some(_),
                        ..
                    },
                    Asal::Masukan {
                        file: fb,
                        nilai: Some(_),
                        ..
                    },
                ) => fa == fb,
                _ => false,
            };
            // the message is the input's: at the later claimant's place when it is an input
            let ((tempat, jalur_ini), (pemilik, jalur_pemilik)) = match (&a, &b) {
                (Asal::Masukan { .. }, Asal::Salur { .. }) => ((a, p_pertama), (b.pemilik(), p)),
                _ => ((b, p), (a.pemilik(), p_pertama)),
            };
            let d = tempat.galat(
                Problem::JalurGanda {
                    jalur: jalur_ini.to_string(),
                    jalur_lain: (jalur_pemilik != jalur_ini).then(|| jalur_pemilik.to_string()),
                    pemilik: pemilik.clone(),
                    kembar,
                },
                &jalur_ini,
            );
            if dilaporkan.insert((d.tempat(), pemilik)) {
                diags.push(d);
            }
        }
        diags
    }

    /// A page salur makes itself, named by its message catalogue key (`pemilik.beranda`).
    pub(super) fn asal_salur(kunci: &'static str) -> Asal {
        Asal::Salur { kunci }
    }

    /// The value `nilai` at `(line, column)` of data file `csv` (as the operator has it).
    pub(super) fn asal_data(&self, csv: &str, (line, column): (u64, u64), nilai: &str) -> Asal {
        Asal::Masukan {
            file: self.data.tempat(csv).to_string(),
            line,
            column,
            nilai: Some(nilai.to_string()),
        }
    }

    /// A whole file of the site (a Markdown page, a meeting note).
    pub(super) fn asal_berkas(file: &str) -> Asal {
        Asal::Masukan {
            file: file.to_string(),
            line: 0,
            column: 0,
            nilai: None,
        }
    }

    /// Region `w`'s line of `data/wilayah.csv`. The code's column is not kept: the region is
    /// named by its line (and its code when another input's message names it).
    pub(super) fn asal_wilayah(&self, w: WilayahId) -> Asal {
        let node = self.data.wilayah.node(w);
        Asal::Masukan {
            file: self.data.tempat("data/wilayah.csv").to_string(),
            line: node.baris,
            column: 0,
            nilai: Some(node.kode_teks.clone()),
        }
    }

    /// Where static file `name` of the output comes from: the site's theme, or salur's
    /// default theme.
    fn asal_statis(&self, berkas: &BerkasStatis) -> Asal {
        let name = &berkas.nama;
        if berkas.bawaan {
            Asal::Salur {
                kunci: "pemilik.tema_bawaan",
            }
        } else {
            Asal::Masukan {
                file: format!("themes/{}/static/{name}", self.config.theme),
                line: 0,
                column: 0,
                nilai: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_component_is_found_with_its_folder() {
        assert_eq!(terlalu_panjang("titik-bayar/pos-a.html"), None);
        let panjang = format!("titik-bayar/{}.html", "a".repeat(MAKS_NAMA_BERKAS));
        assert_eq!(
            terlalu_panjang(&panjang),
            Some(("titik-bayar/".to_string(), MAKS_NAMA_BERKAS + 5))
        );
        let akar = format!("{}.html", "é".repeat(100));
        assert_eq!(terlalu_panjang(&akar), Some((String::new(), 205)));
        // exactly the limit is allowed
        let pas = format!("{}.html", "a".repeat(MAKS_NAMA_BERKAS - 5));
        assert_eq!(terlalu_panjang(&pas), None);
    }

    #[test]
    fn paths_are_compared_as_a_case_insensitive_host_would() {
        assert_eq!(lipat("index.html"), "index.html");
        assert_eq!(lipat("Index.HTML"), "index.html");
        assert_eq!(lipat("Ünïcode.html"), "ünïcode.html");
        assert!(matches!(lipat("wilayah/35/35.75.html"), Cow::Borrowed(_)));
    }
}
