//! New sites and new meeting notes: `salur init` and `salur new rapat`.
//!
//! [`init`] writes a site folder for one or more kabupaten/kota or provinsi: their real
//! kecamatan and desa/kelurahan from the embedded national table ([`nasional`], idn-area-data,
//! ODbL, whose licence travels with the rows), a `site.toml`, the data files with their
//! headers, a draft meeting note, a README for the operator, and publish workflows for GitHub
//! Pages and GitLab Pages. [`rapat_baru`] writes a meeting-note skeleton.
//!
//! Nothing here overwrites a file: a folder that is not empty, or a note that exists, is an
//! error.

pub mod nasional;
mod teks;
pub mod templat;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::lang::Lang;
use crate::pesan;
use nasional::{TabelNasional, WilayahNasional, nama_lengkap};

/// Why `init` or `new` did not write the site or note.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// No region has this code or name.
    TidakDikenal {
        /// What the operator wrote.
        masukan: String,
        /// The nearest regions, labelled (`35.75 Kota Pasuruan (Provinsi Jawa Timur)`).
        saran: Vec<String>,
    },
    /// Several regions have this name.
    Ambigu {
        /// What the operator wrote.
        masukan: String,
        /// Every region it could mean, labelled.
        calon: Vec<String>,
    },
    /// A kecamatan or desa/kelurahan was given; a site is made for a kabupaten/kota or a
    /// provinsi.
    BukanKabupatenKota {
        /// What the operator wrote.
        masukan: String,
        /// The region it is, labelled.
        wilayah: String,
        /// Its kabupaten/kota, labelled.
        saran: Vec<String>,
    },
    /// No `--wilayah` was given.
    TanpaWilayah,
    /// The target folder has files in it.
    FolderTerisi(PathBuf),
    /// A meeting note with this file name exists.
    SudahAda(PathBuf),
    /// `new rapat` outside a site folder.
    BukanSitus(PathBuf),
    /// The title gives no letters or digits for a file name.
    JudulKosong,
    /// A file could not be written.
    Tulis {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The embedded table could not be unpacked (a damaged binary).
    Tabel(String),
}

impl InitError {
    /// The message in `lang`, with the suggestions, one per line, from the message catalogue
    /// ([`crate::pesan`]).
    pub fn message(&self, lang: Lang) -> String {
        let list = |head: &str, items: &[String]| -> String {
            if items.is_empty() {
                String::new()
            } else {
                let mut s = format!("\n{head}");
                for i in items {
                    s.push_str("\n  ");
                    s.push_str(i);
                }
                s
            }
        };
        match self {
            InitError::TidakDikenal { masukan, saran } => {
                let head = pesan!(lang, "init.tidak_dikenal", masukan = masukan);
                let tail = if saran.is_empty() {
                    format!("\n{}", pesan::teks(lang, "init.tulis_kode"))
                } else {
                    list(pesan::teks(lang, "init.mungkin_maksud"), saran)
                };
                head + &tail
            }
            InitError::Ambigu { masukan, calon } => {
                let head = pesan!(lang, "init.ambigu", masukan = masukan, jumlah = calon.len());
                head + &list("", calon)[1..]
            }
            InitError::BukanKabupatenKota {
                masukan,
                wilayah,
                saran,
            } => {
                let head = pesan!(
                    lang,
                    "init.bukan_kabupaten_kota",
                    masukan = masukan,
                    wilayah = wilayah
                );
                head + &list(pesan::teks(lang, "init.pakai"), saran)
            }
            InitError::TanpaWilayah => pesan!(lang, "init.tanpa_wilayah"),
            InitError::FolderTerisi(p) => {
                pesan!(lang, "init.folder_terisi", folder = p.display())
            }
            InitError::SudahAda(p) => pesan!(lang, "init.sudah_ada", berkas = p.display()),
            InitError::BukanSitus(p) => pesan!(lang, "init.bukan_situs", folder = p.display()),
            InitError::JudulKosong => pesan!(lang, "init.judul_kosong"),
            InitError::Tulis { path, source } => {
                pesan!(lang, "init.tulis", berkas = path.display(), source = source)
            }
            InitError::Tabel(e) => pesan!(lang, "init.tabel", e = e),
        }
    }
}

/// In English, as the catalogue says it ([`InitError::message`]).
impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// What `salur init` is asked to make.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The new site's folder (created; must be empty if it exists).
    pub dir: PathBuf,
    /// The regions, each a code or a name.
    pub wilayah: Vec<String>,
    /// The site's language, and the language of the README and workflows' comments.
    pub lang: Lang,
    /// The day the example meeting note is dated.
    pub hari_ini: Date,
}

/// What `salur init` wrote.
#[derive(Debug, Clone)]
pub struct InitSummary {
    /// The regions the site is for, labelled.
    pub wilayah: Vec<String>,
    /// How many kecamatan, kelurahan and desa `wilayah.csv` has.
    pub kecamatan: usize,
    /// Kelurahan.
    pub kelurahan: usize,
    /// Desa.
    pub desa: usize,
    /// Every file written, relative to the site folder, in the order written.
    pub berkas: Vec<String>,
}

/// The site's regions: each asked region's subtree and its ancestors, once each, in code order.
fn wilayah_situs<'t>(
    tabel: &'t TabelNasional,
    dipilih: &[&'t WilayahNasional],
) -> Vec<&'t WilayahNasional> {
    let mut rows: Vec<&WilayahNasional> = Vec::new();
    for w in dipilih {
        rows.extend(tabel.leluhur(&w.kode));
        rows.extend(tabel.subpohon(&w.kode));
    }
    rows.sort_by(|a, b| a.kode.cmp(&b.kode));
    rows.dedup_by(|a, b| a.kode == b.kode);
    rows
}

/// Writes a new site (see the module's documentation). Every region is resolved before
/// anything is written.
pub fn init(opts: &InitOptions) -> Result<InitSummary, InitError> {
    if opts.wilayah.is_empty() {
        return Err(InitError::TanpaWilayah);
    }
    let tabel = TabelNasional::muat()?;
    let mut dipilih: Vec<&WilayahNasional> = Vec::new();
    for masukan in &opts.wilayah {
        let w = tabel.cari(masukan)?;
        if !dipilih.iter().any(|d| d.kode == w.kode) {
            dipilih.push(w);
        }
    }
    if opts.dir.exists() {
        let kosong = std::fs::read_dir(&opts.dir)
            .map_err(|source| InitError::Tulis {
                path: opts.dir.clone(),
                source,
            })?
            .next()
            .is_none();
        if !kosong {
            return Err(InitError::FolderTerisi(opts.dir.clone()));
        }
    }
    let rows = wilayah_situs(&tabel, &dipilih);
    let desa_kelurahan: Vec<&WilayahNasional> =
        rows.iter().copied().filter(|w| w.tingkat() == 4).collect();
    let kelurahan = desa_kelurahan
        .iter()
        .filter(|w| nama_lengkap(w).starts_with("Kelurahan"))
        .count();
    let summary_wilayah: Vec<String> = dipilih.iter().map(|w| tabel.label(w)).collect();
    let nama: Vec<String> = dipilih.iter().map(|w| nama_lengkap(w)).collect();
    let ctx = teks::Konteks {
        lang: opts.lang,
        nama: nama.join(", "),
        kode: dipilih.iter().map(|w| w.kode.clone()).collect(),
        contoh_desa: desa_kelurahan.first().map(|w| (*w).clone()),
        hari_ini: opts.hari_ini,
        kecamatan: rows.iter().filter(|w| w.tingkat() == 3).count(),
        kelurahan,
        desa: desa_kelurahan.len() - kelurahan,
    };

    let mut csv = String::from("kode,nama,kk,penduduk\n");
    for w in &rows {
        csv.push_str(&w.kode);
        csv.push(',');
        csv.push_str(&csv_field(&w.nama));
        csv.push_str(",,\n");
    }
    let files: Vec<(String, String)> = vec![
        ("site.toml".into(), teks::site_toml(&ctx)),
        ("data/wilayah.csv".into(), csv),
        (
            "data/LICENSE-ODbL.md".into(),
            nasional::LISENSI_ODBL.to_string(),
        ),
        (
            "data/program.csv".into(),
            "kode,nama,sumber_dana,nilai_per_kpm,periode\n".into(),
        ),
        (
            "data/tahap.csv".into(),
            "kode,nama,mulai,selesai,target\n".into(),
        ),
        (
            "data/alokasi.csv".into(),
            "program,tahap,kode_wilayah,penyalur,kpm,nilai\n".into(),
        ),
        (
            "data/realisasi.csv".into(),
            "program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm,nilai\n".into(),
        ),
        (
            format!(
                "content/rapat/{}-rakor-persiapan-penyaluran.md",
                opts.hari_ini
            ),
            teks::rapat_contoh(&ctx),
        ),
        ("README.md".into(), teks::readme(&ctx)),
        (".gitignore".into(), teks::gitignore(&ctx)),
        (".github/workflows/salur.yml".into(), teks::github(&ctx)),
        (".gitlab-ci.yml".into(), teks::gitlab(&ctx)),
    ];
    let mut berkas = Vec::new();
    for (rel, isi) in files {
        tulis(&opts.dir.join(&rel), isi.as_bytes())?;
        berkas.push(rel);
    }
    // a workbook per input to fill in, with the site's regions to pick from
    let daftar_wilayah: Vec<(String, String)> = rows
        .iter()
        .map(|w| (w.kode.clone(), nama_lengkap(w)))
        .collect();
    for masukan in templat::masukan() {
        let rel = format!("templat/{masukan}.xlsx");
        let path = opts.dir.join(&rel);
        let Some(buku) = templat::buku(masukan, &daftar_wilayah, opts.lang, opts.hari_ini, &[])
        else {
            continue;
        };
        let isi = buku.map_err(|e| InitError::Tulis {
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        tulis(&path, &isi)?;
        berkas.push(rel);
    }
    Ok(InitSummary {
        wilayah: summary_wilayah,
        kecamatan: ctx.kecamatan,
        kelurahan: ctx.kelurahan,
        desa: ctx.desa,
        berkas,
    })
}

/// A CSV field, quoted when it holds a comma or a quote (`"Lubuk Pakam I,II"`).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn tulis(path: &Path, isi: &[u8]) -> Result<(), InitError> {
    let err = |source| InitError::Tulis {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    std::fs::write(path, isi).map_err(err)
}

/// A file name from a title, by the rule every file name made from a name follows
/// ([`crate::slug::slug`]: diacritics folded, lower case ASCII letters and digits joined by
/// `-`; `Rakor BST Tahap 2` → `rakor-bst-tahap-2`), at most 60 characters: the note's file
/// name is then its address as it is.
pub fn slug(judul: &str) -> String {
    let mut s = crate::slug::slug(judul);
    if s.len() > 60 {
        // ASCII only, so any byte is a character boundary
        s.truncate(60);
        s.truncate(s.trim_end_matches('-').len());
    }
    s
}

/// Writes `content/rapat/<tanggal>-<slug>.md` under `root`: a draft note with every front-matter
/// key, to be filled in. Returns its path relative to `root`.
pub fn rapat_baru(
    root: &Path,
    judul: &str,
    tanggal: Date,
    lang: Lang,
) -> Result<String, InitError> {
    if !root.join("site.toml").is_file() {
        return Err(InitError::BukanSitus(root.to_path_buf()));
    }
    let s = slug(judul);
    if s.is_empty() {
        return Err(InitError::JudulKosong);
    }
    let rel = format!("content/rapat/{tanggal}-{s}.md");
    let path = root.join(&rel);
    if path.exists() {
        return Err(InitError::SudahAda(path));
    }
    tulis(&path, teks::rapat_kerangka(judul, tanggal, lang).as_bytes())?;
    Ok(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Rakor BST Tahap 2"), "rakor-bst-tahap-2");
        assert_eq!(slug("  Évaluasi: PKH & BPNT!  "), "evaluasi-pkh-bpnt");
        assert_eq!(slug("Rakor Désa Ngémplak"), "rakor-desa-ngemplak");
        assert_eq!(slug("¿?"), "");
        assert_eq!(slug(&"a".repeat(100)).len(), 60);
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("Lubuk Pakam I,II"), "\"Lubuk Pakam I,II\"");
        assert_eq!(csv_field("Karangketug"), "Karangketug");
    }
}
