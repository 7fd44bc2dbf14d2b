//! The previous publication, an input of the "Riwayat koreksi" (history of corrections): what
//! the published output folder (`--output`, default `public/`) showed before this build.
//!
//! It is read from the site's own downloads, so that the first build of a salur that has this
//! feature over an output of an older one already compares:
//!
//! - `unduh/realisasi.csv`: every published figure per region (every level) × programme ×
//!   tahap × penyalur. Only the five figures read here are compared (KPM allocated, paid,
//!   failed; rupiah allocated and paid): none of them is ever suppressed (small-count
//!   suppression applies to the failures by reason, `unduh/gagal.csv`, which the history does
//!   not compare), so the history can reveal nothing a page hides.
//! - `angka.json`: `data_per_tahap`, each tahap's latest data day then, so that payments made
//!   since are progress rather than corrections ([`crate::analysis::koreksi`]).
//! - `unduh/riwayat_koreksi.csv`: the corrections listed so far, carried forward.
//!
//! Only the same site's publication is read: `datapackage.json`'s `homepage` must be this
//! build's `base_url` ([`situs_sama`]). Another site published into the folder (two sites
//! built into one folder, a build into the preview's folder) is replaced, not corrected, and
//! its history is not carried.
//!
//! A folder that is absent, or holds none of these, is a first publication: no history. A file
//! that cannot be read as salur writes it (hand-edited, from another version) is a warning
//! naming it, never an error: the build publishes, comparing nothing with that file (an
//! unreadable history starts again from this build).
//!
//! The figures are read from the download only when the file the previous build kept beside
//! the folder ([`Simpanan`], `.<name>.salur-angka`) does not name that very publication (a
//! first build by this version, a publish that failed, a file deleted). Parsing the national
//! site's `unduh/realisasi.csv` (190 MB) took a one-kelurahan correction 1,8–2,5 s and raised
//! its peak memory 1,0 → 1,24 GB; from the kept file (26 MB), hashing each region's rows and
//! decoding only the regions that differ, 0,30 s and no more memory than before the feature
//! (measured by hand on the national site, three runs each). The download stays the fallback:
//! it is the record of what was published, and an output of an older salur has it. Streamed,
//! a row costs 96 bytes keyed by the indexes of its names (a synthetic 1 M-row file: 1,3 s of
//! CPU, peak memory 41 → 365 MB; read whole first, 610–700 MB).

use std::path::Path;

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use crate::diagnostics::{Diagnostic, Diagnostics, Problem, Severity};

/// The figures compared, in the order of the history's `angka` column values.
pub const ANGKA: [&str; 5] = [
    "alokasi_kpm",
    "alokasi_nilai",
    "tersalur_kpm",
    "tersalur_nilai",
    "gagal_kpm",
];

/// The figures download of the previous publication, relative to the output folder.
pub const BERKAS_ANGKA: &str = "unduh/realisasi.csv";
/// The previous publication's data package, whose `homepage` says which site it was.
pub const BERKAS_PAKET: &str = "datapackage.json";
/// The whole site's figures as JSON, with each tahap's data day.
pub const BERKAS_JSON: &str = "angka.json";
/// The history of corrections, relative to the output folder.
pub const BERKAS_RIWAYAT: &str = "unduh/riwayat_koreksi.csv";

/// The columns of [`BERKAS_RIWAYAT`], as written and read back.
pub const KOLOM_RIWAYAT: [&str; 9] = [
    "tanggal",
    "kode_wilayah",
    "nama_wilayah",
    "program",
    "tahap",
    "penyalur",
    "angka",
    "lama",
    "baru",
];

/// One published row: a region × programme × tahap × penyalur and its five figures
/// ([`ANGKA`]; `None`: the cell was empty, as a rupiah figure is when not every row had one).
/// Its fields index the names of [`Terbit`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AngkaTerbit {
    /// Index into [`Terbit::wilayah`].
    pub wilayah: u32,
    /// Index into [`Terbit::program`].
    pub program: u32,
    /// Index into [`Terbit::tahap`].
    pub tahap: u32,
    /// Index into [`Terbit::penyalur`].
    pub penyalur: u32,
    /// The figures, in [`ANGKA`]'s order.
    pub nilai: [Option<u64>; 5],
}

/// The figures of the previous publication, names interned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terbit {
    /// Regions: (code as written, name).
    pub wilayah: Vec<(String, String)>,
    /// Programme codes.
    pub program: Vec<String>,
    /// Tahap codes.
    pub tahap: Vec<String>,
    /// Penyalur names.
    pub penyalur: Vec<String>,
    /// Every row, in file order (read from [`Simpanan`]: only the regions asked for).
    pub angka: Vec<AngkaTerbit>,
    /// Every programme × tahap the publication had figures for (indexes of the names above),
    /// also of the rows not read.
    pub program_tahap: rustc_hash::FxHashSet<(u32, u32)>,
    /// The indexes of the names above: region code, programme, tahap, penyalur → index.
    pub peta: [FxHashMap<String, u32>; 4],
    /// Per tahap code, its latest data day then; `None` when `angka.json` could not be read
    /// (then no payment is taken for progress: the figures are compared as they are).
    pub data_per_tahap: Option<FxHashMap<String, Date>>,
}

/// One correction: a published figure that changed, and the date of the publication that
/// changed it (its `data_as_of`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Koreksi {
    /// The new publication's date.
    pub tanggal: Date,
    /// The region's code as published.
    pub kode_wilayah: String,
    /// The region's name as published.
    pub nama_wilayah: String,
    /// Programme code.
    pub program: String,
    /// Tahap code.
    pub tahap: String,
    /// Penyalur.
    pub penyalur: String,
    /// Which figure: an index into [`ANGKA`].
    pub angka: u8,
    /// The figure before (`None`: an empty cell).
    pub lama: Option<u64>,
    /// The figure after.
    pub baru: Option<u64>,
}

/// Where the previous publication's figures were read from.
#[derive(Debug, Clone)]
pub enum Terbitan {
    /// Its `unduh/realisasi.csv`, whole.
    Unduhan(Terbit),
    /// The file the build that published it kept beside the folder ([`Simpanan`]), with
    /// `angka.json`'s data days ([`Terbit::data_per_tahap`]).
    Simpanan(Simpanan, Option<FxHashMap<String, Date>>),
}

/// What the previous publication gives this build.
#[derive(Debug, Clone, Default)]
pub struct Sebelumnya {
    /// Its figures; `None` for a first publication (or an unreadable download).
    pub terbit: Option<Terbitan>,
    /// The corrections it listed.
    pub riwayat: Vec<Koreksi>,
}

/// Reads the previous publication from the output folder `keluaran` (its real path: a
/// symbolic link resolved), when it is this site's: published at `alamat` (the site's
/// `base_url`, as `homepage` in its `datapackage.json`; see [`situs_sama`]). Never fails: what
/// cannot be read is a warning (see the module's comment). The figures are read from
/// `simpanan` (the file [`Simpanan`] beside the folder) when it was written for this very
/// publication by salur `program`, else from the download.
pub fn baca(
    keluaran: &Path,
    alamat: &str,
    simpanan: &Path,
    program: u64,
    batas: u64,
) -> (Sebelumnya, Diagnostics) {
    let mut peringatan = Diagnostics::new();
    let mut out = Sebelumnya::default();
    let paket = match baca_berkas(&keluaran.join(BERKAS_PAKET), batas) {
        Ok(Some(json)) if situs_sama(&json, alamat) == Some(true) => json,
        // no previous publication, or another site's: this build starts the history
        Ok(None) => return (out, peringatan),
        Ok(Some(json)) if situs_sama(&json, alamat).is_some() => {
            // another site's: said when it had a history, which is not carried
            if let Ok(Some(teks)) = baca_berkas(&keluaran.join(BERKAS_RIWAYAT), batas)
                && let Ok(r) = urai_riwayat(&teks)
                && !r.is_empty()
            {
                let mut d = Diagnostic::error(
                    BERKAS_PAKET,
                    0,
                    0,
                    None,
                    Problem::TerbitSitusLain { koreksi: r.len() },
                );
                d.severity = Severity::Warning;
                peringatan.push(d);
            }
            return (out, peringatan);
        }
        Ok(Some(_)) | Err(()) => {
            peringatan.push(rusak(BERKAS_PAKET, 0));
            return (out, peringatan);
        }
    };
    let data_per = || {
        baca_berkas(&keluaran.join(BERKAS_JSON), batas)
            .ok()
            .flatten()
            .and_then(|j| urai_data_per(&j))
    };
    let tersimpan = (program != 0)
        .then(|| kunci_paket(&paket, program))
        .flatten()
        .and_then(|kunci| {
            use std::io::Read;
            let mut f = buka(simpanan, batas).ok().flatten()?;
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).ok()?;
            Simpanan::urai(bytes, kunci)
        });
    drop(paket);
    match tersimpan {
        Some(s) => out.terbit = Some(Terbitan::Simpanan(s, data_per())),
        None => match buka(&keluaran.join(BERKAS_ANGKA), batas) {
            Ok(None) => {}
            // streamed: the national file is 190 MB
            Ok(Some(f)) => match urai_angka(std::io::BufReader::with_capacity(1 << 20, f)) {
                Ok(mut t) => {
                    t.data_per_tahap = data_per();
                    out.terbit = Some(Terbitan::Unduhan(t));
                }
                Err(baris) => peringatan.push(rusak(BERKAS_ANGKA, baris)),
            },
            Err(()) => peringatan.push(rusak(BERKAS_ANGKA, 0)),
        },
    }
    match baca_berkas(&keluaran.join(BERKAS_RIWAYAT), batas) {
        Ok(None) => {}
        Ok(Some(teks)) => match urai_riwayat(&teks) {
            Ok(r) => out.riwayat = r,
            Err(baris) => peringatan.push(rusak(BERKAS_RIWAYAT, baris)),
        },
        Err(()) => peringatan.push(rusak(BERKAS_RIWAYAT, 0)),
    }
    (out, peringatan)
}

fn rusak(berkas: &str, baris: u64) -> Diagnostic {
    let mut d = Diagnostic::error(
        berkas,
        baris,
        0,
        None,
        Problem::TerbitTakTerbaca {
            berkas: berkas.to_string(),
        },
    );
    d.severity = Severity::Warning;
    d
}

/// A file of the previous output: `Ok(None)` when there is none, `Err` when something else
/// than an ordinary file stands there, or one larger than `batas` bytes (the inputs' limit,
/// `batas_berkas_mb`: a previous file padded to gigabytes is not read for seconds).
fn buka(path: &Path, batas: u64) -> Result<Option<std::fs::File>, ()> {
    match crate::berkas::buka(path) {
        Ok(f) if f.metadata().is_ok_and(|m| m.len() <= batas) => Ok(Some(f)),
        Ok(_) => Err(()),
        Err(crate::berkas::Gagal::TidakAda) => Ok(None),
        Err(_) => Err(()),
    }
}

/// A file of the previous output as text: `Ok(None)` when there is none, `Err` when it is
/// there but cannot be read as UTF-8 text (or is not an ordinary file).
fn baca_berkas(path: &Path, batas: u64) -> Result<Option<String>, ()> {
    use std::io::Read;
    let Some(mut f) = buka(path, batas)? else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes).map_err(|_| ())?;
    let mut s = String::from_utf8(bytes).map_err(|_| ())?;
    if s.starts_with('\u{feff}') {
        s.drain(..3);
    }
    Ok(Some(s))
}

/// A figure cell: empty, or digits.
fn angka_sel(s: &str) -> Result<Option<u64>, ()> {
    if s.is_empty() {
        Ok(None)
    } else if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().map(Some).map_err(|_| ())
    } else {
        Err(())
    }
}

/// The positions of `names` in a CSV header; `None` when one is missing.
fn posisi<const N: usize>(header: &csv::StringRecord, names: [&str; N]) -> Option<[usize; N]> {
    let mut out = [0; N];
    for (o, n) in out.iter_mut().zip(names) {
        *o = header
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == n)?;
    }
    Some(out)
}

fn pembaca<R: std::io::Read>(r: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(r)
}

/// Interns `s` into `daftar` through `peta`.
fn intern(daftar: &mut Vec<String>, peta: &mut FxHashMap<String, u32>, s: &str) -> Option<u32> {
    if let Some(&i) = peta.get(s) {
        return Some(i);
    }
    let i = u32::try_from(daftar.len()).ok()?;
    daftar.push(s.to_string());
    peta.insert(s.to_string(), i);
    Some(i)
}

/// Whether `kode` is a region code as salur writes one (digits and dots): a carried code is
/// printed in a link.
fn kode_sah(kode: &str) -> bool {
    !kode.is_empty() && kode.len() <= 24 && kode.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Whether a text of the previous output holds a NIK: salur never publishes one (its inputs
/// are refused first), so one there was put by hand, and is never published again.
fn ada_nik(s: &str) -> bool {
    crate::teks::ada_nik(s.as_bytes())
}

/// `unduh/realisasi.csv` as [`Terbit`]; `Err(line)` at the first line that is not as salur
/// writes it (0: the header), or holds a NIK, or a code that is not a region code.
pub fn urai_angka(sumber: impl std::io::Read) -> Result<Terbit, u64> {
    let mut r = pembaca(sumber);
    let header = r.headers().map_err(|_| 0u64)?.clone();
    let [kode, nama, program, tahap, penyalur, a0, a1, a2, a3, a4] = posisi(
        &header,
        [
            "kode_wilayah",
            "nama_wilayah",
            "program",
            "tahap",
            "penyalur",
            ANGKA[0],
            ANGKA[1],
            ANGKA[2],
            ANGKA[3],
            ANGKA[4],
        ],
    )
    .ok_or(0u64)?;
    let mut t = Terbit::default();
    let [mut peta_wilayah, mut pp, mut pt, mut ppy] = std::mem::take(&mut t.peta);
    let mut rec = csv::StringRecord::new();
    let mut line = 1u64;
    loop {
        line += 1;
        match r.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(_) => return Err(line),
        }
        // text cells as they were before the writer neutralised a formula (`'-Pos` → `-Pos`)
        let sel = |i: usize| crate::dasar::csv::teks_asli(rec.get(i).unwrap_or(""));
        if !kode_sah(sel(kode))
            || sel(program).is_empty()
            || sel(tahap).is_empty()
            || [nama, program, tahap, penyalur]
                .iter()
                .any(|&i| ada_nik(sel(i)))
        {
            return Err(line);
        }
        let w = match peta_wilayah.get(sel(kode)) {
            Some(&w) => w,
            None => {
                let w = u32::try_from(t.wilayah.len()).map_err(|_| line)?;
                t.wilayah
                    .push((sel(kode).to_string(), sel(nama).to_string()));
                peta_wilayah.insert(sel(kode).to_string(), w);
                w
            }
        };
        let mut nilai = [None; 5];
        for (n, i) in nilai.iter_mut().zip([a0, a1, a2, a3, a4]) {
            *n = angka_sel(sel(i)).map_err(|_| line)?;
        }
        t.angka.push(AngkaTerbit {
            wilayah: w,
            program: intern(&mut t.program, &mut pp, sel(program)).ok_or(line)?,
            tahap: intern(&mut t.tahap, &mut pt, sel(tahap)).ok_or(line)?,
            penyalur: intern(&mut t.penyalur, &mut ppy, sel(penyalur)).ok_or(line)?,
            nilai,
        });
    }
    t.peta = [peta_wilayah, pp, pt, ppy];
    t.program_tahap = t.angka.iter().map(|a| (a.program, a.tahap)).collect();
    Ok(t)
}

/// Whether the `datapackage.json` of a previous publication, `json`, is the one of the site
/// published at `alamat`: its `homepage` is `alamat` (both absent when `base_url` is empty).
/// Another site published into the same folder (or the preview at another address) is a
/// replacement, not a correction: its figures are not compared and its history not carried.
/// `None` when `json` is not a JSON object.
pub fn situs_sama(json: &str, alamat: &str) -> Option<bool> {
    #[derive(serde::Deserialize)]
    struct Paket {
        homepage: Option<String>,
    }
    serde_json::from_str::<Paket>(json)
        .ok()
        .map(|p| p.homepage.as_deref().unwrap_or("") == alamat)
}

/// `data_per_tahap` of `angka.json`: tahap code → its latest data day.
pub fn urai_data_per(json: &str) -> Option<FxHashMap<String, Date>> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    let m = v.get("data_per_tahap")?.as_object()?;
    m.iter()
        .map(|(k, d)| Some((k.clone(), d.as_str()?.parse::<Date>().ok()?)))
        .collect()
}

/// `unduh/riwayat_koreksi.csv` as corrections; `Err(line)` at the first line that is not as
/// salur writes it (0: the header): a code that is not a region code, or a text holding a NIK,
/// is not.
pub fn urai_riwayat(teks: &str) -> Result<Vec<Koreksi>, u64> {
    let mut r = pembaca(teks.as_bytes());
    let header = r.headers().map_err(|_| 0u64)?.clone();
    let pos = posisi(&header, KOLOM_RIWAYAT).ok_or(0u64)?;
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    let mut line = 1u64;
    loop {
        line += 1;
        match r.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(_) => return Err(line),
        }
        let sel = |i: usize| crate::dasar::csv::teks_asli(rec.get(pos[i]).unwrap_or(""));
        let tanggal: Date = sel(0).parse().map_err(|_| line)?;
        let angka = ANGKA.iter().position(|a| *a == sel(6)).ok_or(line)?;
        if !kode_sah(sel(1))
            || sel(3).is_empty()
            || sel(4).is_empty()
            || [2, 3, 4, 5].iter().any(|&i| ada_nik(sel(i)))
        {
            return Err(line);
        }
        out.push(Koreksi {
            tanggal,
            kode_wilayah: sel(1).to_string(),
            nama_wilayah: sel(2).to_string(),
            program: sel(3).to_string(),
            tahap: sel(4).to_string(),
            penyalur: sel(5).to_string(),
            angka: angka as u8,
            lama: angka_sel(sel(7)).map_err(|_| line)?,
            baru: angka_sel(sel(8)).map_err(|_| line)?,
        });
    }
    Ok(out)
}

/// The head of [`Simpanan`]'s file, with its format's version.
const SIMPANAN_KEPALA: &[u8] = b"salur angka terbit 1\n";

/// The figures this build published, kept beside the output folder for the next build
/// (`.<name>.salur-angka`, [`crate::output::angka_terbit_path`]) so that it need not parse the
/// previous `unduh/realisasi.csv`: on the national site that took 1,8–2,5 s and 250 MB for a
/// one-kelurahan correction. The same figures, grouped by region, each region's rows encoded
/// as a block whose hash the next build compares with the same encoding of its own rows: only
/// regions whose block differs (a handful after one correction) are decoded and compared.
///
/// It is a cache and is trusted only for the publication it was written for: its key
/// ([`kunci_terbitan`]) is made of the salur executable, the site's address and every input's
/// SHA-256 as `datapackage.json` lists them, and the next build compares it with the key of
/// the `datapackage.json` actually published. A build whose publication failed, or another
/// build's file, does not match: the figures are then read from `unduh/realisasi.csv`.
#[derive(Debug, Clone, Default)]
pub struct Simpanan {
    /// Programme codes, tahap codes, penyalur names: what the rows' indexes name.
    pub program: Vec<String>,
    /// Tahap codes.
    pub tahap: Vec<String>,
    /// Penyalur names.
    pub penyalur: Vec<String>,
    /// Every programme × tahap published.
    pub program_tahap: rustc_hash::FxHashSet<(u32, u32)>,
    /// Per region: code as written, name, the hash of its block, and where the block is in
    /// `isi`.
    pub wilayah: Vec<(String, String, u64, std::ops::Range<usize>)>,
    isi: Vec<u8>,
}

/// One published row as [`Simpanan`] keeps it: programme, tahap and penyalur as indexes of
/// the file's names, and the five figures.
pub type BarisSimpanan = (u32, u32, u32, [Option<u64>; 5]);

/// Appends the block of one region's rows to `out` (the encoding that is hashed).
pub fn blok(rows: &[BarisSimpanan], out: &mut Vec<u8>) {
    use crate::dasar::varint::tulis;
    tulis(out, rows.len() as u64);
    for (p, t, py, nilai) in rows {
        tulis(out, u64::from(*p));
        tulis(out, u64::from(*t));
        tulis(out, u64::from(*py));
        // which cells have a figure (bit j for figure j), then those figures
        let ada = nilai
            .iter()
            .enumerate()
            .fold(0u8, |m, (j, v)| if v.is_some() { m | (1 << j) } else { m });
        out.push(ada);
        for v in nilai.iter().flatten() {
            tulis(out, *v);
        }
    }
}

/// The hash of a block, as [`Simpanan::wilayah`] keeps it.
pub fn sidik_blok(blok: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(blok)
}

/// The key of a publication: the salur executable's fingerprint `program`, the site's
/// address `alamat` and its inputs as (path, SHA-256), in `datapackage.json`'s order.
pub fn kunci_terbitan<'a>(
    program: u64,
    alamat: &str,
    sumber: impl Iterator<Item = (&'a str, &'a str)>,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    (program, alamat).hash(&mut h);
    for s in sumber {
        s.hash(&mut h);
    }
    h.finish()
}

/// The key ([`kunci_terbitan`]) of the publication whose `datapackage.json` is `json`;
/// `None` when it is not one salur writes.
pub fn kunci_paket(json: &str, program: u64) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Sumber {
        path: Option<String>,
        sha256: Option<String>,
    }
    #[derive(serde::Deserialize)]
    struct Paket {
        homepage: Option<String>,
        sources: Vec<Sumber>,
    }
    let p: Paket = serde_json::from_str(json).ok()?;
    Some(kunci_terbitan(
        program,
        p.homepage.as_deref().unwrap_or(""),
        p.sources
            .iter()
            .filter_map(|s| Some((s.path.as_deref()?, s.sha256.as_deref()?))),
    ))
}

impl Simpanan {
    /// The file's bytes: `kunci`, the names, the programme × tahap published, and per region
    /// (code, name) its rows, ending with a checksum.
    pub fn ke_bytes<'a>(
        kunci: u64,
        program: &[&str],
        tahap: &[&str],
        penyalur: &[&str],
        wilayah: impl Iterator<Item = (&'a str, &'a str, Vec<BarisSimpanan>)>,
    ) -> Vec<u8> {
        use crate::dasar::varint::tulis;
        let teks = |out: &mut Vec<u8>, s: &str| {
            tulis(out, s.len() as u64);
            out.extend_from_slice(s.as_bytes());
        };
        let mut out = SIMPANAN_KEPALA.to_vec();
        out.extend_from_slice(&kunci.to_le_bytes());
        for daftar in [program, tahap, penyalur] {
            tulis(&mut out, daftar.len() as u64);
            for s in daftar {
                teks(&mut out, s);
            }
        }
        let mut pt = std::collections::BTreeSet::new();
        let mut badan = Vec::new();
        let mut n = 0u64;
        let mut b = Vec::new();
        for (kode, nama, rows) in wilayah {
            pt.extend(rows.iter().map(|r| (r.0, r.1)));
            b.clear();
            blok(&rows, &mut b);
            teks(&mut badan, kode);
            teks(&mut badan, nama);
            tulis(&mut badan, b.len() as u64);
            badan.extend_from_slice(&b);
            n += 1;
        }
        tulis(&mut out, pt.len() as u64);
        for (p, t) in pt {
            tulis(&mut out, u64::from(p));
            tulis(&mut out, u64::from(t));
        }
        tulis(&mut out, n);
        out.extend_from_slice(&badan);
        let cek = xxhash_rust::xxh3::xxh3_64(&out);
        out.extend_from_slice(&cek.to_le_bytes());
        out
    }

    /// Reads the file's `bytes` when they are whole and were written for the publication
    /// `kunci`; `None` otherwise (the caller reads the download instead).
    pub fn urai(mut bytes: Vec<u8>, kunci: u64) -> Option<Simpanan> {
        use crate::dasar::varint::baca;
        let isi_len = bytes.len().checked_sub(8)?;
        let (isi, cek) = bytes.split_at(isi_len);
        if xxhash_rust::xxh3::xxh3_64(isi).to_le_bytes() != *cek {
            return None;
        }
        bytes.truncate(isi_len);
        let awal = bytes.as_ptr() as usize;
        let mut r = bytes.strip_prefix(SIMPANAN_KEPALA)?;
        let (k, rest) = r.split_at_checked(8)?;
        if u64::from_le_bytes(k.try_into().ok()?) != kunci {
            return None;
        }
        r = rest;
        fn teks(r: &mut &[u8]) -> Option<String> {
            let n = usize::try_from(baca(r)?).ok()?;
            let (a, b) = r.split_at_checked(n)?;
            *r = b;
            String::from_utf8(a.to_vec()).ok()
        }
        let mut out = Simpanan::default();
        for daftar in [&mut out.program, &mut out.tahap, &mut out.penyalur] {
            for _ in 0..baca(&mut r)? {
                daftar.push(teks(&mut r)?);
            }
        }
        for _ in 0..baca(&mut r)? {
            let p = u32::try_from(baca(&mut r)?).ok()?;
            let t = u32::try_from(baca(&mut r)?).ok()?;
            out.program_tahap.insert((p, t));
        }
        for _ in 0..baca(&mut r)? {
            let kode = teks(&mut r)?;
            let nama = teks(&mut r)?;
            let n = usize::try_from(baca(&mut r)?).ok()?;
            let (b, rest) = r.split_at_checked(n)?;
            let mulai = b.as_ptr() as usize - awal;
            out.wilayah
                .push((kode, nama, sidik_blok(b), mulai..mulai + n));
            r = rest;
        }
        if !r.is_empty() {
            return None;
        }
        // (written by salur from inputs it checked; a NIK here was put by hand)
        let nama = out.wilayah.iter().flat_map(|w| [&w.0, &w.1]);
        if nama
            .chain(&out.program)
            .chain(&out.tahap)
            .chain(&out.penyalur)
            .any(|s| ada_nik(s))
            || !out.wilayah.iter().all(|w| kode_sah(&w.0))
        {
            return None;
        }
        out.isi = bytes;
        Some(out)
    }

    /// The rows of the regions `pilih` accepts (by index into [`Simpanan::wilayah`]) as a
    /// [`Terbit`] with every name; `None` when a block is not as [`blok`] writes it.
    pub fn terbit(&self, pilih: impl Fn(usize) -> bool) -> Option<Terbit> {
        use crate::dasar::varint::baca;
        let nama = |v: &[String]| -> FxHashMap<String, u32> {
            (0u32..).zip(v).map(|(i, s)| (s.clone(), i)).collect()
        };
        let mut t = Terbit {
            program: self.program.clone(),
            tahap: self.tahap.clone(),
            penyalur: self.penyalur.clone(),
            program_tahap: self.program_tahap.clone(),
            ..Terbit::default()
        };
        let mut peta_wilayah = FxHashMap::default();
        let u32_dari = |v: u64| u32::try_from(v).ok();
        for (i, (kode, nama_w, _, range)) in self.wilayah.iter().enumerate() {
            if !pilih(i) {
                continue;
            }
            let w = u32::try_from(t.wilayah.len()).ok()?;
            t.wilayah.push((kode.clone(), nama_w.clone()));
            peta_wilayah.insert(kode.clone(), w);
            let mut r = self.isi.get(range.clone())?;
            for _ in 0..baca(&mut r)? {
                let program = u32_dari(baca(&mut r)?)?;
                let tahap = u32_dari(baca(&mut r)?)?;
                let penyalur = u32_dari(baca(&mut r)?)?;
                let (&ada, rest) = r.split_first()?;
                r = rest;
                let mut nilai = [None; 5];
                for (j, n) in nilai.iter_mut().enumerate() {
                    if ada & (1 << j) != 0 {
                        *n = Some(baca(&mut r)?);
                    }
                }
                if [program as usize, tahap as usize, penyalur as usize]
                    .iter()
                    .zip([&t.program, &t.tahap, &t.penyalur])
                    .any(|(i, v)| *i >= v.len())
                {
                    return None;
                }
                t.angka.push(AngkaTerbit {
                    wilayah: w,
                    program,
                    tahap,
                    penyalur,
                    nilai,
                });
            }
        }
        t.peta = [
            peta_wilayah,
            nama(&t.program),
            nama(&t.tahap),
            nama(&t.penyalur),
        ];
        Some(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urai(s: String) -> Result<Terbit, u64> {
        urai_angka(s.as_bytes())
    }

    const KEPALA: &str = "kode_wilayah,nama_wilayah,tingkat,kode_induk,program,tahap,penyalur,\
alokasi_kpm,alokasi_nilai,tersalur_kpm,tersalur_nilai,gagal_kpm,sisa_kpm\n";

    #[test]
    fn reads_the_figures_download_interning_names() {
        let t = urai(format!(
            "{KEPALA}35.75,Kota Pasuruan,kabupaten_kota,35,PKH,T1,PT Pos,10,,8,1600,1,1\n\
             35.75,Kota Pasuruan,kabupaten_kota,35,PKH,T1,BRI,5,500,5,500,0,0\n"
        ))
        .unwrap();
        assert_eq!(t.wilayah, vec![("35.75".into(), "Kota Pasuruan".into())]);
        assert_eq!(t.penyalur, vec!["PT Pos".to_string(), "BRI".to_string()]);
        assert_eq!(
            t.angka[0].nilai,
            [Some(10), None, Some(8), Some(1600), Some(1)]
        );
        assert_eq!(t.angka[1].penyalur, 1);
        // a name the writer neutralised is read back as it was
        let t = urai(format!(
            "{KEPALA}35.75,K,kabupaten_kota,35,PKH,T1,\"'-Pos\",1,,0,,0,1\n"
        ))
        .unwrap();
        assert_eq!(t.penyalur, vec!["-Pos".to_string()]);
    }

    #[test]
    fn a_broken_download_names_its_line() {
        assert_eq!(urai_angka("kode,nama\n1,2\n".as_bytes()), Err(0));
        assert_eq!(
            urai(format!(
                "{KEPALA}35.75,K,kabupaten_kota,35,PKH,T1,P,10,,x8,,0,2\n"
            )),
            Err(2)
        );
        assert_eq!(
            urai(format!("{KEPALA}35.75,K,kabupaten_kota,35,PKH\n")),
            Err(2)
        );
    }

    #[test]
    fn reads_the_history_and_the_data_days() {
        let r = urai_riwayat(
            "tanggal,kode_wilayah,nama_wilayah,program,tahap,penyalur,angka,lama,baru\n\
             2021-08-01,35.75,Kota,PKH,T1,PT Pos,alokasi_kpm,10,12\n",
        )
        .unwrap();
        assert_eq!(r[0].angka, 0);
        assert_eq!((r[0].lama, r[0].baru), (Some(10), Some(12)));
        assert_eq!(
            urai_riwayat("tanggal,kode_wilayah\n2021-08-01,35\n"),
            Err(0)
        );
        let d = urai_data_per(r#"{"data_per_tahap":{"T1":"2021-07-31"}}"#).unwrap();
        assert_eq!(d["T1"], jiff::civil::date(2021, 7, 31));
        assert_eq!(urai_data_per("{"), None);
    }

    #[test]
    fn kept_figures_round_trip_and_only_for_their_publication() {
        let a: [Option<u64>; 5] = [Some(10), Some(1000), Some(8), None, Some(0)];
        let b: [Option<u64>; 5] = [Some(3), None, Some(u64::MAX), None, Some(1)];
        let bytes = Simpanan::ke_bytes(
            7,
            &["PKH", "BST"],
            &["T1", "T2"],
            &["Pos"],
            [
                ("35", "Jawa Timur", vec![(0, 0, 0, a), (1, 1, 0, b)]),
                ("35.75", "Kota Pasuruan", vec![(1, 1, 0, b)]),
            ]
            .into_iter(),
        );
        assert!(
            Simpanan::urai(bytes.clone(), 8).is_none(),
            "another publication's"
        );
        let mut rusak = bytes.clone();
        rusak[30] ^= 1;
        assert!(Simpanan::urai(rusak, 7).is_none(), "damaged");
        let s = Simpanan::urai(bytes, 7).unwrap();
        assert_eq!(s.program_tahap.len(), 2);
        assert_eq!(s.wilayah.len(), 2);
        // the block of a region hashes as the same rows encoded again
        let mut blk = Vec::new();
        blok(&[(1, 1, 0, b)], &mut blk);
        assert_eq!(s.wilayah[1].2, sidik_blok(&blk));
        assert_ne!(s.wilayah[0].2, sidik_blok(&blk));
        // only the regions asked for are decoded, with every name
        let t = s.terbit(|i| i == 1).unwrap();
        assert_eq!(
            t.wilayah,
            vec![("35.75".to_string(), "Kota Pasuruan".to_string())]
        );
        assert_eq!(t.program, ["PKH", "BST"]);
        assert_eq!(t.angka.len(), 1);
        assert_eq!(t.angka[0].nilai, b);
        assert!(t.program_tahap.contains(&(0, 0)));
        // a NIK put into a name by hand: the file is not used
        let nik = Simpanan::ke_bytes(
            7,
            &["PKH"],
            &["T1"],
            &["Pos 3575011234567890"],
            [("35", "Jawa Timur", vec![(0, 0, 0, a)])].into_iter(),
        );
        assert!(Simpanan::urai(nik, 7).is_none());
        let semua = s.terbit(|_| true).unwrap();
        assert_eq!(semua.angka[0].nilai, a);
        assert_eq!(semua.peta[0]["35.75"], 1);
    }

    #[test]
    fn only_the_same_sites_publication_is_compared() {
        let paket = r#"{"name":"x","homepage":"https://a.example/","resources":[]}"#;
        assert_eq!(situs_sama(paket, "https://a.example/"), Some(true));
        assert_eq!(situs_sama(paket, "https://b.example/"), Some(false));
        assert_eq!(situs_sama(paket, ""), Some(false));
        assert_eq!(situs_sama(r#"{"name":"x"}"#, ""), Some(true));
        assert_eq!(
            situs_sama(r#"{"name":"x"}"#, "https://a.example/"),
            Some(false)
        );
        assert_eq!(situs_sama("{", ""), None);
    }
}
