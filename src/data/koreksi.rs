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
//! Cost, measured on a release build of the example site with a synthetic previous
//! `unduh/realisasi.csv` of 1,000,000 rows (219 MB, the national site's is 190 MB), every row a
//! region of its own (the worst case for the names kept): read and compared in 1,3 s of CPU
//! (1,28 s user, 0,38 s system), the build's peak memory 41 → 365 MB. Read whole into memory
//! first and compared by names, it took 610–700 MB: the file is streamed, and a row is 96
//! bytes keyed by the indexes of its names (16 bytes), each name kept once. A compact file of
//! only the published figures would save part of the parse (the columns skipped here are not
//! decoded) and be one more file to keep in step with the download; the download every reader
//! already has is the record of what was published, and an output of an older salur has it.

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
    /// Every row, in file order.
    pub angka: Vec<AngkaTerbit>,
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

/// What the previous publication gives this build.
#[derive(Debug, Clone, Default)]
pub struct Sebelumnya {
    /// Its figures; `None` for a first publication (or an unreadable download).
    pub terbit: Option<Terbit>,
    /// The corrections it listed.
    pub riwayat: Vec<Koreksi>,
}

/// Reads the previous publication from the output folder `keluaran` (its real path: a
/// symbolic link resolved), when it is this site's: published at `alamat` (the site's
/// `base_url`, as `homepage` in its `datapackage.json`; see [`situs_sama`]). Never fails: what
/// cannot be read is a warning (see the module's comment).
pub fn baca(keluaran: &Path, alamat: &str) -> (Sebelumnya, Diagnostics) {
    let mut peringatan = Diagnostics::new();
    let mut out = Sebelumnya::default();
    match baca_berkas(&keluaran.join(BERKAS_PAKET)) {
        Ok(Some(json)) if situs_sama(&json, alamat) == Some(true) => {}
        // no previous publication, or another site's: this build starts the history
        Ok(None) => return (out, peringatan),
        Ok(Some(json)) if situs_sama(&json, alamat).is_some() => return (out, peringatan),
        Ok(Some(_)) | Err(()) => {
            peringatan.push(rusak(BERKAS_PAKET, 0));
            return (out, peringatan);
        }
    }
    match buka(&keluaran.join(BERKAS_ANGKA)) {
        Ok(None) => {}
        // streamed: the national file is 190 MB
        Ok(Some(f)) => match urai_angka(std::io::BufReader::with_capacity(1 << 20, f)) {
            Ok(mut t) => {
                t.data_per_tahap = baca_berkas(&keluaran.join(BERKAS_JSON))
                    .ok()
                    .flatten()
                    .and_then(|j| urai_data_per(&j));
                out.terbit = Some(t);
            }
            Err(baris) => peringatan.push(rusak(BERKAS_ANGKA, baris)),
        },
        Err(()) => peringatan.push(rusak(BERKAS_ANGKA, 0)),
    }
    match baca_berkas(&keluaran.join(BERKAS_RIWAYAT)) {
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
/// than an ordinary file stands there.
fn buka(path: &Path) -> Result<Option<std::fs::File>, ()> {
    match crate::berkas::buka(path) {
        Ok(f) => Ok(Some(f)),
        Err(crate::berkas::Gagal::TidakAda) => Ok(None),
        Err(_) => Err(()),
    }
}

/// A file of the previous output as text: `Ok(None)` when there is none, `Err` when it is
/// there but cannot be read as UTF-8 text (or is not an ordinary file).
fn baca_berkas(path: &Path) -> Result<Option<String>, ()> {
    use std::io::Read;
    let Some(mut f) = buka(path)? else {
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

/// `unduh/realisasi.csv` as [`Terbit`]; `Err(line)` at the first line that is not as salur
/// writes it (0: the header).
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
        if sel(kode).is_empty() || sel(program).is_empty() || sel(tahap).is_empty() {
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
/// salur writes it (0: the header).
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
        if sel(1).is_empty() || sel(3).is_empty() || sel(4).is_empty() {
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
