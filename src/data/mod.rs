//! The `data` stage: every CSV in `data/` read into a typed, validated [`Dataset`].
//!
//! This is the only module that knows CSV. It accepts what an Excel export really looks like
//! (see [`table`] and [`value`]) and reports every rejected value as
//! `file:line:column: 'value': what was expected`, collecting all problems instead of stopping
//! at the first. Rows are read as byte records: no `String` is allocated per cell.

pub mod alasan;
pub mod desil;
pub mod jadwal;
pub mod laporan;
pub mod lembar;
pub mod sumber_angka;
pub mod table;
pub mod value;
pub mod verval;
pub mod wilayah;

use rustc_hash::FxHashMap as HashMap;
use std::collections::hash_map::Entry;
use std::path::Path;

use jiff::civil::Date;

use crate::diagnostics::{CodeKind, Diagnostic, Diagnostics, Expected, JenisNama, Problem};
use crate::teks::Ejaan;
use table::{Columns, Row, Table, nama, report, required_text, text};
pub use wilayah::{Tingkat, Wilayah, WilayahId, WilayahTree};

/// Index of a programme in [`Dataset::program`].
pub type ProgramId = u16;
/// Index of a stage in [`Dataset::tahap`].
pub type TahapId = u16;
/// Index of a paying channel in [`Dataset::penyalur`].
pub type PenyalurId = u16;
/// Index of a failure reason in [`Dataset::alasan`].
pub type AlasanId = u32;

/// How often a programme pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Periode {
    /// Monthly.
    Bulanan,
    /// Every two months.
    DuaBulanan,
    /// Quarterly.
    Triwulanan,
    /// Per distribution stage.
    Tahap,
    /// Once.
    Sekali,
}

impl Periode {
    fn parse(s: &str) -> Option<Periode> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace([' ', '-'], "_")
            .as_str()
        {
            "bulanan" => Some(Periode::Bulanan),
            "dua_bulanan" => Some(Periode::DuaBulanan),
            "triwulanan" => Some(Periode::Triwulanan),
            "tahap" | "tahapan" => Some(Periode::Tahap),
            "sekali" => Some(Periode::Sekali),
            _ => None,
        }
    }

    /// The code as written in `program.csv`.
    pub fn kode(self) -> &'static str {
        match self {
            Periode::Bulanan => "bulanan",
            Periode::DuaBulanan => "dua_bulanan",
            Periode::Triwulanan => "triwulanan",
            Periode::Tahap => "tahap",
            Periode::Sekali => "sekali",
        }
    }
}

/// A programme (`program.csv`).
#[derive(Debug, Clone, Hash)]
pub struct Program {
    /// Its code (`BST`).
    pub kode: String,
    /// Its name.
    pub nama: String,
    /// Source of funds (`APBN`, `APBD`); may be empty.
    pub sumber_dana: String,
    /// Rupiah per KPM per tahap, when fixed.
    pub nilai_per_kpm: Option<u64>,
    /// How often it pays.
    pub periode: Periode,
    /// The highest DTSEN decile it targets (`desil_maks`, 1–10), when it targets by decile.
    pub desil_maks: Option<u8>,
}

/// A distribution stage (`tahap.csv`).
#[derive(Debug, Clone, Hash)]
pub struct Tahap {
    /// Its code (`2021-07`).
    pub kode: String,
    /// Its name (`Juli 2021`).
    pub nama: String,
    /// First day.
    pub mulai: Date,
    /// Last day.
    pub selesai: Date,
    /// The date by which it must be fully paid, if set.
    pub target: Option<Date>,
}

/// Paid out or failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Paid out.
    Tersalur,
    /// Failed, with a reason.
    Gagal,
}

/// An allocation row (`alokasi.csv`).
#[derive(Debug, Clone, Copy)]
pub struct Alokasi {
    /// Programme.
    pub program: ProgramId,
    /// Stage.
    pub tahap: TahapId,
    /// Region (any level).
    pub wilayah: WilayahId,
    /// Paying channel.
    pub penyalur: PenyalurId,
    /// Households allocated.
    pub kpm: u64,
    /// Rupiah allocated, when known.
    pub nilai: Option<u64>,
}

/// A realisation row (`realisasi.csv`): KPM paid or failed on one day.
#[derive(Debug, Clone, Copy)]
pub struct Realisasi {
    /// Programme.
    pub program: ProgramId,
    /// Stage.
    pub tahap: TahapId,
    /// Region (any level).
    pub wilayah: WilayahId,
    /// Paying channel.
    pub penyalur: PenyalurId,
    /// Day.
    pub tanggal: Date,
    /// Paid or failed.
    pub status: Status,
    /// The reason of a failure.
    pub alasan: Option<AlasanId>,
    /// Households.
    pub kpm: u64,
    /// Rupiah, when known.
    pub nilai: Option<u64>,
}

/// An input file that was read, for the "about the data" page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputFile {
    /// Path relative to the site root.
    pub path: String,
    /// Data rows read.
    pub rows: usize,
    /// The SHA-256 of the file's bytes, in lower-case hex: what a reader checks a
    /// downloaded copy of the input against.
    pub sha256: String,
    /// Where its rows are, for messages: `path`, or the worksheet read
    /// (`data/realisasi.xlsx:Sheet1`).
    #[serde(skip)]
    pub tempat: String,
}

impl InputFile {
    fn dari(t: &Table) -> InputFile {
        InputFile {
            path: t.berkas.clone(),
            rows: t.rows,
            sha256: t.sha256.clone(),
            tempat: t.name.clone(),
        }
    }

    /// The name of its input as a CSV (`data/realisasi.csv` for `data/realisasi.xlsx`): the
    /// anchor of its row on the "about the data" page, which the theme's templates link to
    /// whichever form the input was given in.
    pub fn nama_csv(&self) -> String {
        let stem = self
            .path
            .rsplit_once('.')
            .map_or(self.path.as_str(), |(s, _)| s);
        format!("{stem}.csv")
    }

    /// Whether this is the input that `csv` names (`data/verval.csv`), read from that CSV or
    /// from a spreadsheet of the same name (`data/verval.xlsx`).
    pub fn adalah(&self, csv: &str) -> bool {
        let stem = |p: &str| p.rsplit_once('.').map_or(p, |(s, _)| s).to_string();
        stem(&self.path) == stem(csv)
    }
}

/// Everything in `data/`, typed and validated.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Regions.
    pub wilayah: WilayahTree,
    /// Programmes, in file order.
    pub program: Vec<Program>,
    /// Stages, in date order.
    pub tahap: Vec<Tahap>,
    /// Paying channels, in order of first appearance.
    pub penyalur: Vec<String>,
    /// Failure reasons, in order of first appearance.
    pub alasan: Vec<String>,
    /// Allocations.
    pub alokasi: Vec<Alokasi>,
    /// Realisations.
    pub realisasi: Vec<Realisasi>,
    /// Payment points (titik bayar), in order of first appearance in `jadwal.csv`.
    pub titik_bayar: Vec<String>,
    /// Schedule slots, in file order.
    pub jadwal: Vec<Jadwal>,
    /// Verification funnels (`verval.csv`), in file order.
    pub verval: Vec<verval::Verval>,
    /// The paying channels' reports (`laporan_penyalur.csv`), in file order.
    pub laporan_penyalur: Vec<laporan::LaporanPenyalur>,
    /// Households per DTSEN decile (`desil.csv`), in file order.
    pub desil: Vec<desil::Desil>,
    /// Where the figures come from and what they are (`sumber_angka.csv`), in file order.
    pub sumber_angka: Vec<sumber_angka::SumberAngka>,
    /// The 1-based column in `jadwal.csv` of each of its fields ([`JADWAL_KOLOM`] order), for
    /// messages about several slots; empty without a schedule.
    pub jadwal_kolom: Vec<u64>,
    /// Per programme (in [`Dataset::program`] order), the line and column of its code in
    /// `program.csv`: where a problem with the page it names is reported.
    pub program_di: Vec<(u64, u64)>,
    /// Per tahap (in [`Dataset::tahap`] order), the line and column of its code in
    /// `tahap.csv`.
    pub tahap_di: Vec<(u64, u64)>,
    /// The files read.
    pub inputs: Vec<InputFile>,
}

/// Index of a payment point in [`Dataset::titik_bayar`].
pub type TitikBayarId = u32;

/// The largest total of a count or amount column over its file: `i64::MAX`
/// (9.223.372.036.854.775.807). Every figure the site shows or offers for download is a sum
/// of some rows of one column (a region's KPM, a channel's rupiah, a failure count), or the
/// difference of two such sums, so when each column's total over its file fits, every one of
/// those sums and differences fits too, in `u64` and in `i64` (in which figures are written).
/// The check is made once, as the rows are read, at the row whose value makes the total pass
/// it; the analysis then adds without a check of its own. Real totals are far below: all of
/// Indonesia's households are under 10^8, a national budget under 10^16 rupiah.
pub const JUMLAH_MAKS: u64 = i64::MAX as u64;

/// The running total of one column over its file, against [`JUMLAH_MAKS`].
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Jumlah {
    total: u64,
    meluap: bool,
}

impl Jumlah {
    /// Adds `n`. `Err` with the total before it the first time the total passes
    /// [`JUMLAH_MAKS`]; after that the column is not summed any more (one error per column).
    #[inline]
    pub(crate) fn tambah(&mut self, n: u64) -> Result<(), u64> {
        if self.meluap {
            return Ok(());
        }
        match self.total.checked_add(n).filter(|&t| t <= JUMLAH_MAKS) {
            Some(t) => {
                self.total = t;
                Ok(())
            }
            None => {
                self.meluap = true;
                Err(self.total)
            }
        }
    }
}

/// The error of a total that passes [`JUMLAH_MAKS`] at `value` (line `line`, column
/// `column`), the column's total before it being `sebelum`.
pub(crate) fn luap(file: &str, line: u64, column: u64, value: u64, sebelum: u64) -> Diagnostic {
    Diagnostic::error(
        file,
        line,
        column,
        Some(&value.to_string()),
        Problem::JumlahTerlaluBesar {
            sebelum,
            batas: JUMLAH_MAKS,
        },
    )
}

/// The error of one name too many of `jenis` (`value`, at `line`, `column`), where at most
/// `batas` different ones can be numbered.
fn nama_terlalu_banyak(
    file: &str,
    line: u64,
    column: u64,
    value: &str,
    jenis: JenisNama,
    batas: u64,
) -> Diagnostic {
    Diagnostic::error(
        file,
        line,
        column,
        Some(value),
        Problem::TerlaluBanyakNama { jenis, batas },
    )
}

/// How many different names of each kind salur numbers: one id per name, in the width of
/// its id type (a `u16` penyalur id keeps `Kunci`, the key of every figure cell, at 6 bytes).
/// One name more is an error at the row that introduces it, never a wrapped id that merges
/// two names.
pub const PENYALUR_MAKS: usize = PenyalurId::MAX as usize + 1;
/// See [`PENYALUR_MAKS`].
pub const PROGRAM_MAKS: usize = ProgramId::MAX as usize + 1;
/// See [`PENYALUR_MAKS`].
pub const TAHAP_MAKS: usize = TahapId::MAX as usize + 1;
/// See [`PENYALUR_MAKS`].
pub const ALASAN_MAKS: usize = AlasanId::MAX as usize;
/// See [`PENYALUR_MAKS`].
pub const TITIK_BAYAR_MAKS: usize = TitikBayarId::MAX as usize;
/// See [`PENYALUR_MAKS`].
pub const WILAYAH_MAKS: usize = WilayahId::MAX as usize;

/// One slot of `jadwal.csv`: when and where the KPM of one RW (or a whole kelurahan) collect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jadwal {
    /// Programme.
    pub program: ProgramId,
    /// Stage.
    pub tahap: TahapId,
    /// Payment point.
    pub titik_bayar: TitikBayarId,
    /// The desa/kelurahan whose KPM collect.
    pub wilayah: WilayahId,
    /// The place, as the operator wrote it (`Kantor Kelurahan Karangketug`).
    pub lokasi: String,
    /// Day.
    pub tanggal: Date,
    /// Start, minutes after midnight in the site's time zone.
    pub mulai: u16,
    /// End, minutes after midnight.
    pub selesai: u16,
    /// The RW (`03`), or empty for the whole desa/kelurahan.
    pub rw: String,
    /// KPM expected in the slot.
    pub kpm: u64,
    /// The line of `jadwal.csv`.
    pub baris: u64,
}

impl Dataset {
    /// The file read for input `csv` (`data/realisasi.csv`, or the `data/realisasi.xlsx`
    /// given instead); `csv` itself when it was not read.
    pub fn berkas<'a>(&'a self, csv: &'a str) -> &'a str {
        self.inputs
            .iter()
            .find(|i| i.adalah(csv))
            .map_or(csv, |i| i.path.as_str())
    }

    /// Where the rows of input `csv` are, for messages about them found after reading:
    /// `data/jadwal.csv`, or the worksheet read instead (`data/jadwal.xlsx:Sheet1`).
    pub fn tempat<'a>(&'a self, csv: &'a str) -> &'a str {
        self.inputs
            .iter()
            .find(|i| i.adalah(csv))
            .map_or(csv, |i| i.tempat.as_str())
    }

    /// The file name (without `data/`) of input `csv` as the operator has it, for a message
    /// that speaks of the file rather than a place in it: `program.csv`, or `program.xlsx`
    /// when the workbook was read instead; the CSV's name when the input was not read.
    pub fn nama_berkas(&self, csv: &str) -> String {
        nama_berkas(&self.inputs, csv)
    }

    /// The file (or files) the codes of `kind` come from, as the operator has them:
    /// [`Problem::UnknownCode`] says a code is not there.
    pub fn berkas_kode(&self, kind: CodeKind) -> String {
        berkas_kode(&self.inputs, kind)
    }

    /// The latest day in `realisasi.csv`, if any.
    pub fn latest_tanggal(&self) -> Option<Date> {
        self.realisasi.iter().map(|r| r.tanggal).max()
    }
}

/// [`Dataset::nama_berkas`] over the inputs read so far.
fn nama_berkas(inputs: &[InputFile], csv: &str) -> String {
    let path = inputs
        .iter()
        .find(|i| i.adalah(csv))
        .map_or(csv, |i| i.path.as_str());
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// [`Dataset::berkas_kode`] over the inputs read so far.
fn berkas_kode(inputs: &[InputFile], kind: CodeKind) -> String {
    match kind {
        CodeKind::Wilayah => nama_berkas(inputs, "data/wilayah.csv"),
        CodeKind::Program => nama_berkas(inputs, "data/program.csv"),
        CodeKind::Tahap => nama_berkas(inputs, "data/tahap.csv"),
        CodeKind::Penyalur => format!(
            "{}/{}",
            nama_berkas(inputs, "data/alokasi.csv"),
            nama_berkas(inputs, "data/realisasi.csv")
        ),
    }
}

/// Reads and validates every input in `root/data/`. Returns the dataset, or every problem
/// found (warnings are returned alongside a dataset).
/// No file larger than `batas` bytes is read ([`Problem::BerkasTerlaluBesar`]).
pub fn load(root: &Path, batas: u64) -> Result<(Dataset, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::new();
    // `data/` itself: a broken link or a file there is said as such, not as every input
    // missing
    if let Err(d) = crate::berkas::Situs::new(root).periksa_folder("data") {
        diags.push(*d);
        return Err(diags);
    }
    warn_unknown_inputs(root, &mut diags);
    let mut ds = Dataset::default();
    let mut loader = Loader {
        batas,
        ..Loader::default()
    };
    loader.wilayah(root, &mut ds, &mut diags);
    loader.program(root, &mut ds, &mut diags);
    loader.tahap(root, &mut ds, &mut diags);
    // Allocations and realisations refer to programmes and tahap: without their files, every
    // row would be an "unknown code"; say once which file is missing instead.
    let uses_codes = [
        "data/alokasi.csv",
        "data/realisasi.csv",
        "data/jadwal.csv",
        "data/verval.csv",
        "data/laporan_penyalur.csv",
        "data/desil.csv",
        sumber_angka::FILE,
    ]
    .iter()
    .any(|f| table::ada(root, f));
    let mut references_missing = !table::ada(root, "data/wilayah.csv");
    if uses_codes {
        for f in ["data/program.csv", "data/tahap.csv"] {
            if !table::ada(root, f) {
                diags.push(Diagnostic::error(f, 0, 0, None, Problem::MissingFile));
                references_missing = true;
            }
        }
    }
    // A required table that is there but could not be read (its problems are reported), or
    // a region table without regions: every row naming their codes would be reported too.
    for f in ["data/wilayah.csv", "data/program.csv", "data/tahap.csv"] {
        if table::ada(root, f) && !ds.inputs.iter().any(|i| i.adalah(f)) {
            references_missing = true;
        }
    }
    if ds.wilayah.is_empty() {
        references_missing = true;
    }
    if !references_missing {
        loader.alokasi(root, &mut ds, &mut diags);
        loader.realisasi(root, &mut ds, &mut diags);
        loader.jadwal(root, &mut ds, &mut diags);
        loader.verval(root, &mut ds, &mut diags);
        loader.desil(root, &mut ds, &mut diags);
        loader.laporan_penyalur(root, &mut ds, &mut diags);
        loader.sumber_angka(root, &mut ds, &mut diags);
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok((ds, diags))
    }
}

/// KPM of one RW of a desa/kelurahan (`data/rw.csv`), for `salur jadwal usul`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JumlahRw {
    /// The desa/kelurahan.
    pub wilayah: WilayahId,
    /// The RW (`03`).
    pub rw: String,
    /// KPM.
    pub kpm: u64,
}

const RW: Columns = Columns {
    required: &["kode_wilayah", "rw", "kpm"],
    optional: &[],
};

/// Reads `data/rw.csv` (`kode_wilayah,rw,kpm`) against the regions of `ds`, with the same
/// tolerance and messages as the other inputs (and its size limit, `batas` bytes). Returns
/// its rows and the place later messages name (`data/rw.csv`, or the worksheet read instead,
/// `data/rw.xlsx:Sheet1`).
pub fn rw(root: &Path, ds: &Dataset, batas: u64) -> Result<(Vec<JumlahRw>, String), Diagnostics> {
    let name = "data/rw.csv";
    let mut diags = Diagnostics::new();
    if !table::ada(root, name) {
        diags.push(Diagnostic::error(name, 0, 0, None, Problem::MissingFile));
        return Err(diags);
    }
    let Some(mut t) = Table::open(root, name, &RW, batas, &mut diags) else {
        return Err(diags);
    };
    let tempat = t.name.clone();
    let name = tempat.as_str();
    let lookup = Lookup::new(ds, &[]);
    let mut out = Vec::new();
    // the column's total (see `JUMLAH_MAKS`): a desa's RW are summed
    let mut jumlah = Jumlah::default();
    t.for_each_row(&mut diags, |row, diags| {
        let wilayah = lookup.wilayah_at(name, row, 0, diags);
        let rw = required_text(name, row, 1, diags);
        let kpm = match value::count(row.get(2), Expected::Count) {
            Ok(n) => match jumlah.tambah(n) {
                Ok(()) => Some(n),
                Err(sebelum) => {
                    diags.push(luap(name, row.line, row.column(2), n, sebelum));
                    None
                }
            },
            Err(p) => {
                report(name, row, 2, p, diags);
                None
            }
        };
        if let (Some(wilayah), Some(rw), Some(kpm)) = (wilayah, rw, kpm) {
            out.push(JumlahRw {
                wilayah,
                rw: value::rw(rw),
                kpm,
            });
        }
    });
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok((out, tempat))
    }
}

/// The files of `data/` that salur reads. Each may instead be a spreadsheet of the same name
/// (`realisasi.xlsx`, `.xls`, `.ods`: [`lembar::EKSTENSI`]).
pub const INPUTS: &[&str] = &[
    "wilayah.csv",
    "program.csv",
    "tahap.csv",
    "alokasi.csv",
    "realisasi.csv",
    "jadwal.csv",
    "rw.csv",
    "verval.csv",
    "laporan_penyalur.csv",
    "desil.csv",
    "sumber_angka.csv",
];

/// Warns about files in `data/` that salur does not read: a misspelt or differently cased
/// name, or a spreadsheet not named like an input, would otherwise be silently left out.
fn warn_unknown_inputs(root: &Path, diags: &mut Diagnostics) {
    let Ok(entries) = std::fs::read_dir(root.join("data")) else {
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        // a symbolic link to a file counts as that file (it is read if it has an input's
        // name); a folder is not a file salur would read, anything else (a broken link, a
        // pipe) is named like a file when it has no input's name (refused when it has one)
        .filter(|e| !e.path().is_dir())
        // a name that is not UTF-8 is named all the same, its bad bytes as U+FFFD
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        // a file that is not read is named on the data-quality page
        if !crate::teks::periksa_nama_berkas(&format!("data/{name}"), diags) {
            continue;
        }
        let lower = name.to_lowercase();
        let documentation = lower.starts_with('.')
            || lower.starts_with("readme")
            || lower.starts_with("license")
            || lower.starts_with("licence")
            || lower.ends_with(".md")
            || lower.ends_with(".txt");
        let ext_lembar = name
            .rsplit_once('.')
            .and_then(|(_, ext)| lembar::EKSTENSI.into_iter().find(|e| *e == ext));
        let dibaca = match (ext_lembar, name.rsplit_once('.')) {
            (Some(_), Some((stem, _))) => INPUTS.contains(&format!("{stem}.csv").as_str()),
            _ => INPUTS.contains(&name.as_str()),
        };
        if dibaca || documentation {
            continue;
        }
        let ext_lembar = lower
            .rsplit_once('.')
            .and_then(|(_, ext)| lembar::EKSTENSI.into_iter().find(|e| *e == ext));
        let suggestion = if let Some(ext) = ext_lembar {
            // the input it is named like, in another letter case or misspelt; else how
            // spreadsheets are read
            let names: Vec<String> = INPUTS
                .iter()
                .map(|k| format!("{}.{ext}", k.trim_end_matches(".csv")))
                .collect();
            names
                .iter()
                .find(|k| k.eq_ignore_ascii_case(&name))
                .cloned()
                .or_else(|| crate::dasar::saran::nearest(&lower, names.iter().map(String::as_str)))
                .or_else(|| Some("xlsx".to_string()))
        } else {
            INPUTS
                .iter()
                .find(|k| k.eq_ignore_ascii_case(&name))
                .map(|k| (*k).to_string())
                .or_else(|| crate::dasar::saran::nearest(&lower, INPUTS.iter().copied()))
        };
        diags.push(Diagnostic {
            severity: crate::diagnostics::Severity::Warning,
            ..Diagnostic::error(
                &format!("data/{name}"),
                0,
                0,
                None,
                Problem::UnknownInput { suggestion },
            )
        });
    }
}

/// Lookup tables built while reading.
#[derive(Default)]
struct Loader {
    program: HashMap<String, ProgramId>,
    tahap: HashMap<String, TahapId>,
    /// Tahap whose own row had an error (its dates are placeholders: do not check against them).
    tahap_rusak: Vec<bool>,
    penyalur: HashMap<String, PenyalurId>,
    /// Whether the one penyalur too many was reported (once for all files).
    penyalur_penuh: bool,
    alasan: HashMap<String, AlasanId>,
    /// Whether the one failure reason too many was reported.
    alasan_penuh: bool,
    /// The largest file read, in bytes (`batas_berkas_mb` in `site.toml`).
    batas: u64,
}

const WILAYAH: Columns = Columns {
    required: &["kode", "nama"],
    optional: &["kk", "penduduk"],
};
const PROGRAM: Columns = Columns {
    required: &["kode", "nama", "sumber_dana", "nilai_per_kpm", "periode"],
    optional: &["desil_maks"],
};
const TAHAP: Columns = Columns {
    required: &["kode", "nama", "mulai", "selesai"],
    optional: &["target"],
};
const ALOKASI: Columns = Columns {
    required: &["program", "tahap", "kode_wilayah", "penyalur", "kpm"],
    optional: &["nilai"],
};
const REALISASI: Columns = Columns {
    required: &[
        "program",
        "tahap",
        "kode_wilayah",
        "penyalur",
        "tanggal",
        "status",
        "alasan",
        "kpm",
    ],
    optional: &["nilai"],
};

/// The columns of `jadwal.csv`, in the order salur writes them (`salur jadwal usul`).
pub const JADWAL_KOLOM: [&str; 10] = [
    "program",
    "tahap",
    "titik_bayar",
    "kode_wilayah",
    "lokasi",
    "tanggal",
    "mulai",
    "selesai",
    "rw",
    "kpm",
];
const JADWAL: Columns = Columns {
    required: &JADWAL_KOLOM,
    optional: &[],
};

fn optional_count(
    name: &str,
    row: &Row,
    c: usize,
    expected: Expected,
    diags: &mut Diagnostics,
) -> Option<u64> {
    if row.get(c).is_empty() {
        return None;
    }
    match value::count(row.get(c), expected) {
        Ok(n) => Some(n),
        Err(p) => {
            report(name, row, c, p, diags);
            None
        }
    }
}

/// A programme or tahap code: letters, digits, `-`, `_` and `.`, with at least one letter or
/// digit (`..` names nothing).
fn is_code(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_alphanumeric())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

impl Loader {
    fn wilayah(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        let name = "data/wilayah.csv";
        let Some(mut t) = Table::open(root, name, &WILAYAH, self.batas, diags) else {
            if !table::ada(root, name) {
                diags.push(Diagnostic::error(name, 0, 0, None, Problem::MissingFile));
            }
            return;
        };
        // the place in messages: the CSV, or the worksheet read instead
        let tempat = t.name.clone();
        let name = tempat.as_str();
        let mut nodes = Vec::new();
        let mut seen: HashMap<value::KodeWilayah, u64> = HashMap::default();
        let mut ejaan = Ejaan::default();
        // the columns' totals (see `JUMLAH_MAKS`): a region's KK are summed up the tree
        let (mut jumlah_kk, mut jumlah_penduduk) = (Jumlah::default(), Jumlah::default());
        // the one region too many is reported once
        let mut penuh = false;
        t.for_each_row(diags, |row, diags| {
            let kode = match value::kode_wilayah(row.get(0)) {
                Ok(k) => k,
                Err(p) => return report(name, row, 0, p, diags),
            };
            match seen.entry(kode) {
                Entry::Occupied(e) => {
                    return report(
                        name,
                        row,
                        0,
                        Problem::Duplicate {
                            first_line: *e.get(),
                        },
                        diags,
                    );
                }
                Entry::Vacant(e) => {
                    e.insert(row.line);
                }
            }
            // a region with a bad name is still registered, so that rows naming it do not
            // report it as unknown
            let nama = nama(name, row, 1, &mut ejaan, diags).unwrap_or_default();
            let kk = optional_count(name, row, 2, Expected::CountKk, diags);
            let penduduk = optional_count(name, row, 3, Expected::CountPeople, diags);
            for (c, n, jumlah) in [(2, kk, &mut jumlah_kk), (3, penduduk, &mut jumlah_penduduk)] {
                if let Some(n) = n
                    && let Err(sebelum) = jumlah.tambah(n)
                {
                    diags.push(luap(name, row.line, row.column(c), n, sebelum));
                }
            }
            if nodes.len() >= WILAYAH_MAKS {
                if std::mem::replace(&mut penuh, true) {
                    return;
                }
                return diags.push(nama_terlalu_banyak(
                    name,
                    row.line,
                    row.column(0),
                    &kode.dotted(),
                    JenisNama::Wilayah,
                    WILAYAH_MAKS as u64,
                ));
            }
            nodes.push(Wilayah {
                kode,
                kode_teks: kode.dotted(),
                nama: nama.to_string(),
                tingkat: wilayah::Tingkat::from_parts(kode.level()),
                induk: None,
                anak: Vec::new(),
                kk,
                penduduk,
                baris: row.line,
            });
        });
        ejaan.peringatan(name, diags);
        // the file as the operator has it (`wilayah.xlsx`), for messages that name it
        let berkas = t.berkas.rsplit('/').next().unwrap_or(&t.berkas).to_string();
        if t.rows == 0 {
            diags.push(Diagnostic::error(
                name,
                0,
                0,
                None,
                Problem::WilayahKosong {
                    berkas: berkas.clone(),
                },
            ));
        }
        let (tree, missing) = WilayahTree::build(nodes);
        for (line, kode, parent) in missing {
            diags.push(Diagnostic::error(
                name,
                line,
                t.column_number(0),
                Some(&kode),
                Problem::MissingParent {
                    parent,
                    berkas: berkas.clone(),
                },
            ));
        }
        ds.wilayah = tree;
        ds.inputs.push(InputFile::dari(&t));
    }

    fn program(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        let name = "data/program.csv";
        let Some(mut t) = Table::open(root, name, &PROGRAM, self.batas, diags) else {
            return;
        };
        // the place in messages: the CSV, or the worksheet read instead
        let tempat = t.name.clone();
        let name = tempat.as_str();
        let mut lines: HashMap<String, u64> = HashMap::default();
        let mut ejaan = Ejaan::default();
        // the one programme too many is reported once
        let mut penuh = false;
        t.for_each_row(diags, |row, diags| {
            let Some(kode) = required_text(name, row, 0, diags) else {
                return;
            };
            if !is_code(kode) {
                return report(name, row, 0, Problem::Malformed(Expected::Code), diags);
            }
            let key = kode.to_uppercase();
            if let Some(&first_line) = lines.get(&key) {
                return report(name, row, 0, Problem::Duplicate { first_line }, diags);
            }
            if ds.program.len() >= PROGRAM_MAKS {
                if std::mem::replace(&mut penuh, true) {
                    return;
                }
                return diags.push(nama_terlalu_banyak(
                    name,
                    row.line,
                    row.column(0),
                    kode,
                    JenisNama::Program,
                    PROGRAM_MAKS as u64,
                ));
            }
            lines.insert(key.clone(), row.line);
            // The programme is registered even when another field of its row is bad (the
            // build fails on that error anyway), so that rows using its code are not reported
            // as unknown too.
            let nama = nama(name, row, 1, &mut ejaan, diags).unwrap_or_default();
            let sumber_dana = text(name, row, 2, diags)
                .map(|s| ejaan.nama(s, row.line, row.column(2)).into_owned())
                .unwrap_or_default();
            let nilai_per_kpm = if row.get(3).is_empty() {
                None
            } else {
                match value::money(row.get(3)) {
                    Ok(n) => Some(n),
                    Err(p) => {
                        report(name, row, 3, p, diags);
                        None
                    }
                }
            };
            let periode = match text(name, row, 4, diags).and_then(Periode::parse) {
                Some(p) => p,
                None => {
                    report(name, row, 4, Problem::Malformed(Expected::Periode), diags);
                    Periode::Tahap
                }
            };
            let desil_maks = if row.get(5).is_empty() {
                None
            } else {
                match value::desil(row.get(5)) {
                    Ok(d) => Some(d),
                    Err(p) => {
                        report(name, row, 5, p, diags);
                        None
                    }
                }
            };
            self.program.insert(key, ds.program.len() as ProgramId);
            ds.program_di.push((row.line, row.column(0)));
            ds.program.push(Program {
                kode: kode.to_string(),
                nama: nama.to_string(),
                sumber_dana,
                nilai_per_kpm,
                periode,
                desil_maks,
            });
        });
        ejaan.peringatan(name, diags);
        ds.inputs.push(InputFile::dari(&t));
    }

    fn tahap(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        let name = "data/tahap.csv";
        let Some(mut t) = Table::open(root, name, &TAHAP, self.batas, diags) else {
            return;
        };
        // the place in messages: the CSV, or the worksheet read instead
        let tempat = t.name.clone();
        let name = tempat.as_str();
        let mut lines: HashMap<String, u64> = HashMap::default();
        let mut tahap = Vec::new();
        let mut ejaan = Ejaan::default();
        // the one tahap too many is reported once
        let mut penuh = false;
        t.for_each_row(diags, |row, diags| {
            let Some(kode) = required_text(name, row, 0, diags) else {
                return;
            };
            if !is_code(kode) {
                return report(name, row, 0, Problem::Malformed(Expected::Code), diags);
            }
            let key = kode.to_uppercase();
            if let Some(&first_line) = lines.get(&key) {
                return report(name, row, 0, Problem::Duplicate { first_line }, diags);
            }
            if tahap.len() >= TAHAP_MAKS {
                if std::mem::replace(&mut penuh, true) {
                    return;
                }
                return diags.push(nama_terlalu_banyak(
                    name,
                    row.line,
                    row.column(0),
                    kode,
                    JenisNama::Tahap,
                    TAHAP_MAKS as u64,
                ));
            }
            lines.insert(key, row.line);
            // Registered even when another field is bad, like a programme (see above).
            let nama = nama(name, row, 1, &mut ejaan, diags).unwrap_or_default();
            let date_at = |c: usize, diags: &mut Diagnostics| match value::date(row.get(c)) {
                Ok(d) => Some(d),
                Err(p) => {
                    report(name, row, c, p, diags);
                    None
                }
            };
            let mulai = date_at(2, diags);
            let selesai = date_at(3, diags);
            let target = if row.get(4).is_empty() {
                Some(None)
            } else {
                date_at(4, diags).map(Some)
            };
            let mut rusak = mulai.is_none() || selesai.is_none() || target.is_none();
            if let (Some(m), Some(s)) = (mulai, selesai)
                && s < m
            {
                let mulai_text = String::from_utf8_lossy(row.get(2)).into_owned();
                report(
                    name,
                    row,
                    3,
                    Problem::EndsBeforeStart { mulai: mulai_text },
                    diags,
                );
                rusak = true;
            }
            tahap.push((
                Tahap {
                    kode: kode.to_string(),
                    nama: nama.to_string(),
                    mulai: mulai.unwrap_or(Date::MIN),
                    selesai: selesai.unwrap_or(Date::MAX),
                    target: target.flatten(),
                },
                rusak,
                (row.line, row.column(0)),
            ));
        });
        ejaan.peringatan(name, diags);
        tahap.sort_by(|(a, ..), (b, ..)| a.mulai.cmp(&b.mulai).then_with(|| a.kode.cmp(&b.kode)));
        for (i, (t, ..)) in tahap.iter().enumerate() {
            self.tahap.insert(t.kode.to_uppercase(), i as TahapId);
        }
        self.tahap_rusak = tahap.iter().map(|(_, rusak, _)| *rusak).collect();
        ds.tahap_di = tahap.iter().map(|(.., di)| *di).collect();
        ds.tahap = tahap.into_iter().map(|(t, ..)| t).collect();
        ds.inputs.push(InputFile::dari(&t));
    }

    /// Reads `alokasi.csv` on all cores.
    fn alokasi(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        let name = "data/alokasi.csv";
        let Some(mut t) = Table::open(root, name, &ALOKASI, self.batas, diags) else {
            return;
        };
        // the place in messages: the CSV, or the worksheet read instead
        let tempat = t.name.clone();
        let name = tempat.as_str();
        let chunks = {
            let lookup = Lookup::new(ds, &self.tahap_rusak);
            t.par_rows(
                Lokal::with_capacity,
                |row, diags, lokal: &mut Lokal<Alokasi>| {
                    let keys = lookup.keys(name, row, lokal, diags);
                    let kpm = match value::count(row.get(4), Expected::Count) {
                        Ok(n) => Some(n),
                        Err(p) => {
                            report(name, row, 4, p, diags);
                            None
                        }
                    };
                    let nilai = nilai(name, row, 5, diags);
                    let (Some((program, tahap, wilayah, penyalur)), Some(kpm), Some(nilai)) =
                        (keys, kpm, nilai)
                    else {
                        return;
                    };
                    let Some(nilai) = nilai_atau_tarif(
                        name,
                        row,
                        4,
                        nilai,
                        kpm,
                        &lookup.programs[program as usize],
                        diags,
                    ) else {
                        return;
                    };
                    lokal.rows.push(Alokasi {
                        program,
                        tahap,
                        wilayah,
                        penyalur,
                        kpm,
                        nilai,
                    });
                    lokal.lines.push(row.line);
                },
            )
        };
        let total: usize = chunks.iter().map(|(l, _)| l.rows.len()).sum();
        ds.alokasi.reserve_exact(total);
        let mut lines = Vec::with_capacity(total);
        let mut ejaan = Ejaan::default();
        // the columns' totals, in file order (see `JUMLAH_MAKS`)
        let (mut jumlah_kpm, mut jumlah_nilai) = (Jumlah::default(), Jumlah::default());
        let kolom_nilai = match t.column_number(5) {
            0 => t.column_number(4),
            k => k,
        };
        for (mut lokal, chunk_diags) in chunks {
            diags.extend(chunk_diags);
            ejaan.gabung(std::mem::take(&mut lokal.ejaan));
            let map = self.merge_interned(&lokal, ds, name, t.column_number(3), diags);
            for (mut a, line) in lokal.rows.into_iter().zip(lokal.lines) {
                let Some(penyalur) = map[a.penyalur as usize] else {
                    continue;
                };
                a.penyalur = penyalur;
                if let Err(sebelum) = jumlah_kpm.tambah(a.kpm) {
                    diags.push(luap(name, line, t.column_number(4), a.kpm, sebelum));
                }
                if let Some(n) = a.nilai
                    && let Err(sebelum) = jumlah_nilai.tambah(n)
                {
                    diags.push(luap(name, line, kolom_nilai, n, sebelum));
                }
                ds.alokasi.push(a);
                lines.push(line);
            }
        }
        ejaan.peringatan(name, diags);
        // one row per programme × tahap × region × penyalur
        let mut seen: rustc_hash::FxHashMap<(ProgramId, TahapId, WilayahId, PenyalurId), u64> =
            rustc_hash::FxHashMap::default();
        seen.reserve(ds.alokasi.len());
        for (a, &line) in ds.alokasi.iter().zip(&lines) {
            if let Some(&first_line) = seen.get(&(a.program, a.tahap, a.wilayah, a.penyalur)) {
                diags.push(Diagnostic::error(
                    name,
                    line,
                    t.column_number(0),
                    None,
                    Problem::Duplicate { first_line },
                ));
            } else {
                seen.insert((a.program, a.tahap, a.wilayah, a.penyalur), line);
            }
        }
        ds.inputs.push(InputFile::dari(&t));
    }

    /// Reads `realisasi.csv` on all cores.
    fn realisasi(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        let name = "data/realisasi.csv";
        let Some(mut t) = Table::open(root, name, &REALISASI, self.batas, diags) else {
            return;
        };
        // the place in messages: the CSV, or the worksheet read instead
        let tempat = t.name.clone();
        let name = tempat.as_str();
        let chunks = {
            let lookup = Lookup::new(ds, &self.tahap_rusak);
            t.par_rows(Lokal::with_capacity, |row, diags, lokal| {
                baca_realisasi(&lookup, name, row, diags, lokal)
            })
        };
        let total: usize = chunks.iter().map(|(l, _)| l.rows.len()).sum();
        ds.realisasi.reserve_exact(total);
        // the columns' totals, in file order (see `JUMLAH_MAKS`); the rows do not keep their
        // lines (5 million of them), so the row that passes one is found again afterwards
        let (mut jumlah_kpm, mut jumlah_nilai) = (Jumlah::default(), Jumlah::default());
        let mut luap_di: Option<(usize, usize, u64, u64)> = None;
        let mut ejaan = Ejaan::default();
        for (mut lokal, chunk_diags) in chunks {
            diags.extend(chunk_diags);
            ejaan.gabung(std::mem::take(&mut lokal.ejaan));
            let penyalur = self.merge_interned(&lokal, ds, name, t.column_number(3), diags);
            let alasan: Vec<AlasanId> = lokal
                .alasan
                .iter()
                .zip(&lokal.alasan_baris)
                .map(|(a, &line)| {
                    if let Some(&id) = self.alasan.get(a) {
                        return id;
                    }
                    match AlasanId::try_from(ds.alasan.len())
                        .ok()
                        .filter(|&id| (id as usize) < ALASAN_MAKS)
                    {
                        Some(next) => {
                            ds.alasan.push(a.clone());
                            self.alasan.insert(a.clone(), next);
                            next
                        }
                        None => {
                            if !self.alasan_penuh {
                                self.alasan_penuh = true;
                                diags.push(nama_terlalu_banyak(
                                    name,
                                    line,
                                    t.column_number(6),
                                    a,
                                    JenisNama::Alasan,
                                    ALASAN_MAKS as u64,
                                ));
                            }
                            0
                        }
                    }
                })
                .collect();
            for mut r in lokal.rows {
                let Some(p) = penyalur[r.penyalur as usize] else {
                    continue;
                };
                r.penyalur = p;
                r.alasan = r.alasan.map(|a| alasan[a as usize]);
                if let Err(sebelum) = jumlah_kpm.tambah(r.kpm) {
                    luap_di.get_or_insert((ds.realisasi.len(), 7, r.kpm, sebelum));
                }
                if let Some(n) = r.nilai
                    && let Err(sebelum) = jumlah_nilai.tambah(n)
                {
                    let kolom = if t.column_number(8) == 0 { 7 } else { 8 };
                    luap_di.get_or_insert((ds.realisasi.len(), kolom, n, sebelum));
                }
                ds.realisasi.push(r);
            }
        }
        ejaan.peringatan(name, diags);
        if let Some((indeks, kolom, nilai, sebelum)) = luap_di {
            // read again, one row at a time, to the row kept at `indeks` (only when a total
            // does not fit, so this costs nothing otherwise)
            let lookup = Lookup::new(ds, &self.tahap_rusak);
            let mut lokal = Lokal::with_capacity(0);
            let (mut disimpan, mut line) = (0usize, 0u64);
            t.for_each_row(&mut Diagnostics::new(), |row, d| {
                if line > 0 {
                    return;
                }
                baca_realisasi(&lookup, name, row, d, &mut lokal);
                if !lokal.rows.is_empty() {
                    if disimpan == indeks {
                        line = row.line;
                    }
                    disimpan += 1;
                    lokal.rows.clear();
                }
            });
            diags.push(luap(name, line, t.column_number(kolom), nilai, sebelum));
        }
        ds.inputs.push(InputFile::dari(&t));
    }

    /// Reads `jadwal.csv` (optional): each slot's codes, day and hours, checked against its
    /// tahap. Checks across slots (capacity, overlaps, coverage) come after reading.
    fn jadwal(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        let name = "data/jadwal.csv";
        if !table::ada(root, name) {
            return;
        }
        let Some(mut t) = Table::open(root, name, &JADWAL, self.batas, diags) else {
            return;
        };
        // the place in messages: the CSV, or the worksheet read instead
        let tempat = t.name.clone();
        let name = tempat.as_str();
        ds.jadwal_kolom = (0..JADWAL_KOLOM.len())
            .map(|c| t.column_number(c))
            .collect();
        // read in pieces in parallel; each piece numbers the payment points it meets, and the
        // pieces are merged in file order, so points are numbered by first appearance
        #[derive(Default)]
        struct Potongan {
            jadwal: Vec<Jadwal>,
            titik: Vec<String>,
            /// The line where each of `titik` first appears.
            titik_baris: Vec<u64>,
            titik_id: rustc_hash::FxHashMap<String, TitikBayarId>,
            ejaan: Ejaan,
        }
        let chunks = {
            let lookup = Lookup::new(ds, &self.tahap_rusak);
            t.par_rows(
                |_| Potongan::default(),
                |row, diags, lokal: &mut Potongan| {
                    let program = lookup.code(name, row, 0, CodeKind::Program, diags);
                    let tahap = lookup.code(name, row, 1, CodeKind::Tahap, diags);
                    let titik_bayar_id =
                        nama(name, row, 2, &mut lokal.ejaan, diags).and_then(|nama| {
                            // a point's name in any letter case is one point, written as it
                            // first is
                            let kunci = nama.to_lowercase();
                            match lokal.titik_id.get(&kunci) {
                                Some(&id) => Some(id),
                                None => {
                                    let Some(id) = TitikBayarId::try_from(lokal.titik.len())
                                        .ok()
                                        .filter(|&id| (id as usize) < TITIK_BAYAR_MAKS)
                                    else {
                                        diags.push(nama_terlalu_banyak(
                                            name,
                                            row.line,
                                            row.column(2),
                                            &nama,
                                            JenisNama::TitikBayar,
                                            TITIK_BAYAR_MAKS as u64,
                                        ));
                                        return None;
                                    };
                                    lokal.titik.push(nama.into_owned());
                                    lokal.titik_baris.push(row.line);
                                    lokal.titik_id.insert(kunci, id);
                                    Some(id)
                                }
                            }
                        });
                    let wilayah = lookup.wilayah_at(name, row, 3, diags);
                    let lokasi = nama(name, row, 4, &mut lokal.ejaan, diags);
                    let tanggal = match value::date(row.get(5)) {
                        Ok(d) => Some(d),
                        Err(p) => {
                            report(name, row, 5, p, diags);
                            None
                        }
                    };
                    let jam_at = |c: usize, diags: &mut Diagnostics| match value::jam(row.get(c)) {
                        Ok(m) => Some(m),
                        Err(p) => {
                            report(name, row, c, p, diags);
                            None
                        }
                    };
                    let mulai = jam_at(6, diags);
                    let selesai = jam_at(7, diags);
                    let rw = text(name, row, 8, diags);
                    let kpm = match value::count(row.get(9), Expected::Count) {
                        Ok(n) => Some(n),
                        Err(p) => {
                            report(name, row, 9, p, diags);
                            None
                        }
                    };
                    let (
                        Some(program),
                        Some(tahap),
                        Some(titik_bayar),
                        Some(wilayah),
                        Some(lokasi),
                        Some(tanggal),
                        Some(mulai),
                        Some(selesai),
                        Some(rw),
                        Some(kpm),
                    ) = (
                        program,
                        tahap,
                        titik_bayar_id,
                        wilayah,
                        lokasi,
                        tanggal,
                        mulai,
                        selesai,
                        rw,
                        kpm,
                    )
                    else {
                        return;
                    };
                    if selesai <= mulai {
                        let mulai = String::from_utf8_lossy(row.get(6)).trim().to_string();
                        return report(name, row, 7, Problem::SlotEndsBeforeStart { mulai }, diags);
                    }
                    if lookup.outside_tahap(name, row, 5, tahap, tanggal, diags) {
                        return;
                    }
                    lokal.jadwal.push(Jadwal {
                        program,
                        tahap,
                        titik_bayar,
                        wilayah,
                        lokasi: lokasi.into_owned(),
                        tanggal,
                        mulai,
                        selesai,
                        rw: value::rw(rw),
                        kpm,
                        baris: row.line,
                    });
                },
            )
        };
        let mut titik: HashMap<String, TitikBayarId> = HashMap::default();
        let mut titik_bayar: Vec<String> = Vec::new();
        let mut titik_penuh = false;
        let mut jadwal = Vec::with_capacity(chunks.iter().map(|(p, _)| p.jadwal.len()).sum());
        let mut ejaan = Ejaan::default();
        for (potongan, chunk_diags) in chunks {
            diags.extend(chunk_diags);
            ejaan.gabung(potongan.ejaan);
            let global: Vec<TitikBayarId> = potongan
                .titik
                .into_iter()
                .zip(potongan.titik_baris)
                .map(|(nama, line)| {
                    let kunci = nama.to_lowercase();
                    if let Some(&id) = titik.get(&kunci) {
                        return id;
                    }
                    match TitikBayarId::try_from(titik_bayar.len())
                        .ok()
                        .filter(|&id| (id as usize) < TITIK_BAYAR_MAKS)
                    {
                        Some(id) => {
                            titik_bayar.push(nama);
                            titik.insert(kunci, id);
                            id
                        }
                        None => {
                            if !titik_penuh {
                                titik_penuh = true;
                                diags.push(nama_terlalu_banyak(
                                    name,
                                    line,
                                    t.column_number(2),
                                    &nama,
                                    JenisNama::TitikBayar,
                                    TITIK_BAYAR_MAKS as u64,
                                ));
                            }
                            0
                        }
                    }
                })
                .collect();
            jadwal.extend(potongan.jadwal.into_iter().map(|mut j| {
                j.titik_bayar = global[j.titik_bayar as usize];
                j
            }));
        }
        ejaan.peringatan(name, diags);
        // the KPM column's total, in file order (see `JUMLAH_MAKS`)
        let mut jumlah = Jumlah::default();
        for j in &jadwal {
            if let Err(sebelum) = jumlah.tambah(j.kpm) {
                diags.push(luap(name, j.baris, t.column_number(9), j.kpm, sebelum));
            }
        }
        ds.titik_bayar = titik_bayar;
        ds.jadwal = jadwal;
        ds.inputs.push(InputFile::dari(&t));
    }

    /// Reads a small optional file of `data/` row by row (nothing when it does not exist):
    /// each row goes to `baris` with the place to name in messages (the file, or the worksheet
    /// read instead) and the code lookups, and the file is recorded among the inputs.
    fn baca_opsional<T>(
        &self,
        root: &Path,
        file: &str,
        columns: &Columns,
        ds: &mut Dataset,
        diags: &mut Diagnostics,
        mut baris: impl FnMut(&str, &Row, &mut Diagnostics, &Lookup, &mut Ejaan) -> Option<T>,
    ) -> Vec<T> {
        if !table::ada(root, file) {
            return Vec::new();
        }
        let Some(mut t) = Table::open(root, file, columns, self.batas, diags) else {
            return Vec::new();
        };
        let tempat = t.name.clone();
        let mut out = Vec::new();
        let mut ejaan = Ejaan::default();
        {
            let lookup = Lookup::new(ds, &self.tahap_rusak);
            t.for_each_row(diags, |row, diags| {
                out.extend(baris(&tempat, row, diags, &lookup, &mut ejaan))
            });
        }
        ejaan.peringatan(&tempat, diags);
        ds.inputs.push(InputFile::dari(&t));
        out
    }

    /// Maps a chunk's own penyalur ids to the dataset's, adding new ones in order of first
    /// appearance (penyalur names match without regard to case). The name that would be the
    /// [`PENYALUR_MAKS`]-th + 1 is an error at its first row (in `file`, column `kolom`); it
    /// and any later new name map to `None` (their rows are left out).
    fn merge_interned<T>(
        &mut self,
        lokal: &Lokal<T>,
        ds: &mut Dataset,
        file: &str,
        kolom: u64,
        diags: &mut Diagnostics,
    ) -> Vec<Option<PenyalurId>> {
        lokal
            .penyalur
            .iter()
            .zip(&lokal.penyalur_baris)
            .map(|(p, &line)| {
                let kunci = p.to_lowercase();
                if let Some(&id) = self.penyalur.get(&kunci) {
                    return Some(id);
                }
                let Ok(next) = PenyalurId::try_from(ds.penyalur.len()) else {
                    if !self.penyalur_penuh {
                        self.penyalur_penuh = true;
                        diags.push(nama_terlalu_banyak(
                            file,
                            line,
                            kolom,
                            p,
                            JenisNama::Penyalur,
                            PENYALUR_MAKS as u64,
                        ));
                    }
                    return None;
                };
                ds.penyalur.push(p.clone());
                self.penyalur.insert(kunci, next);
                Some(next)
            })
            .collect()
    }
}

/// Reads one row of `realisasi.csv` into `lokal` (nothing when it has an error, reported).
fn baca_realisasi(
    lookup: &Lookup,
    name: &str,
    row: &Row,
    diags: &mut Diagnostics,
    lokal: &mut Lokal<Realisasi>,
) {
    let keys = lookup.keys(name, row, lokal, diags);
    let tanggal = match value::date(row.get(4)) {
        Ok(d) => Some(d),
        Err(p) => {
            report(name, row, 4, p, diags);
            None
        }
    };
    let status = match row.get(5) {
        s if s.eq_ignore_ascii_case(b"tersalur") => Some(Status::Tersalur),
        s if s.eq_ignore_ascii_case(b"gagal") => Some(Status::Gagal),
        _ => {
            report(name, row, 5, Problem::Malformed(Expected::Status), diags);
            None
        }
    };
    let kpm = match value::count(row.get(7), Expected::Count) {
        Ok(n) => Some(n),
        Err(p) => {
            report(name, row, 7, p, diags);
            None
        }
    };
    let alasan_text = text(name, row, 6, diags);
    let nilai = nilai(name, row, 8, diags);
    let (
        Some((program, tahap, wilayah, penyalur)),
        Some(tanggal),
        Some(status),
        Some(kpm),
        Some(nilai),
    ) = (keys, tanggal, status, kpm, nilai)
    else {
        return;
    };
    if lookup.outside_tahap(name, row, 4, tahap, tanggal, diags) {
        return;
    }
    let Some(nilai) = nilai_atau_tarif(
        name,
        row,
        7,
        nilai,
        kpm,
        &lookup.programs[program as usize],
        diags,
    ) else {
        return;
    };
    let alasan = match (status, alasan_text) {
        // a reason of nothing but spaces or invisible characters is none
        (Status::Gagal, Some(a)) if crate::teks::nama(a).is_empty() => {
            return diags.push(Diagnostic::error(
                name,
                row.line,
                row.column(6),
                None,
                Problem::MissingAlasan,
            ));
        }
        (Status::Gagal, Some(a)) => match lokal.alasan(a, row.line) {
            Some(id) => Some(id),
            None => {
                return diags.push(nama_terlalu_banyak(
                    name,
                    row.line,
                    row.column(6),
                    a,
                    JenisNama::Alasan,
                    ALASAN_MAKS as u64,
                ));
            }
        },
        (Status::Gagal, None) => return,
        (Status::Tersalur, _) => None,
    };
    lokal.rows.push(Realisasi {
        program,
        tahap,
        wilayah,
        penyalur,
        tanggal,
        status,
        alasan,
        kpm,
        nilai,
    });
}

/// Reads an optional money column: `Some(None)` when empty, `None` when malformed (reported).
fn nilai(name: &str, row: &Row, c: usize, diags: &mut Diagnostics) -> Option<Option<u64>> {
    if row.get(c).is_empty() {
        return Some(None);
    }
    match value::money(row.get(c)) {
        Ok(n) => Some(Some(n)),
        Err(p) => {
            report(name, row, c, p, diags);
            None
        }
    }
}

/// The amount of a row: as given, else `kpm × nilai_per_kpm` of its programme (`Some(None)`
/// when neither is known). A product beyond [`JUMLAH_MAKS`] is an error at the row's count
/// (column `c`), and `None` is returned.
fn nilai_atau_tarif(
    name: &str,
    row: &Row,
    c: usize,
    given: Option<u64>,
    kpm: u64,
    p: &Program,
    diags: &mut Diagnostics,
) -> Option<Option<u64>> {
    if given.is_some() {
        return Some(given);
    }
    let Some(tarif) = p.nilai_per_kpm else {
        return Some(None);
    };
    match tarif.checked_mul(kpm).filter(|&n| n <= JUMLAH_MAKS) {
        Some(n) => Some(Some(n)),
        None => {
            report(
                name,
                row,
                c,
                Problem::HasilKaliTerlaluBesar {
                    program: p.kode.clone(),
                    tarif,
                    batas: JUMLAH_MAKS,
                },
                diags,
            );
            None
        }
    }
}

/// What one thread collects from its chunk of rows: the rows, with penyalur and reasons
/// numbered in the chunk's own order (mapped to the dataset's when the chunks are merged).
struct Lokal<T> {
    rows: Vec<T>,
    lines: Vec<u64>,
    penyalur: Vec<String>,
    /// The line where each of `penyalur` first appears (for the error of one too many).
    penyalur_baris: Vec<u64>,
    penyalur_id: rustc_hash::FxHashMap<String, PenyalurId>,
    penyalur_terakhir: Option<PenyalurId>,
    /// Whether the chunk's one penyalur too many was reported.
    penyalur_penuh: bool,
    alasan: Vec<String>,
    /// The line where each of `alasan` first appears.
    alasan_baris: Vec<u64>,
    alasan_id: rustc_hash::FxHashMap<String, AlasanId>,
    /// The penyalur names whose spelling was normalised.
    ejaan: Ejaan,
}

impl<T> Default for Lokal<T> {
    fn default() -> Self {
        Lokal {
            rows: Vec::new(),
            lines: Vec::new(),
            penyalur: Vec::new(),
            penyalur_baris: Vec::new(),
            penyalur_id: rustc_hash::FxHashMap::default(),
            penyalur_terakhir: None,
            penyalur_penuh: false,
            alasan: Vec::new(),
            alasan_baris: Vec::new(),
            alasan_id: rustc_hash::FxHashMap::default(),
            ejaan: Ejaan::default(),
        }
    }
}

impl<T> Lokal<T> {
    fn with_capacity(rows: usize) -> Self {
        Lokal {
            rows: Vec::with_capacity(rows),
            ..Lokal::default()
        }
    }

    /// The chunk's id of the penyalur `name` (as written in column `c` of `row` of `file`).
    /// Ids are kept by the spelling as written, so a name is normalised
    /// ([`crate::teks::nama`]) once per spelling, not once per row; two spellings of one name
    /// get two ids here that the merge ([`Loader::merge_interned`]) makes one. `None`, with an
    /// error, for a name that is empty once normalised, and when the chunk has already
    /// numbered [`PENYALUR_MAKS`] names (as written: the dataset's names, matched without
    /// regard to case, are counted when the chunks are merged).
    fn penyalur(
        &mut self,
        file: &str,
        row: &Row,
        c: usize,
        name: &str,
        diags: &mut Diagnostics,
    ) -> Option<PenyalurId> {
        // rows of one penyalur tend to come together
        if let Some(last) = self.penyalur_terakhir
            && self.penyalur[last as usize] == name
        {
            return Some(last);
        }
        if let Some(&id) = self.penyalur_id.get(name) {
            self.penyalur_terakhir = Some(id);
            return Some(id);
        }
        let normal = self.ejaan.nama(name, row.line, row.column(c));
        if normal.is_empty() {
            diags.push(Diagnostic::error(
                file,
                row.line,
                row.column(c),
                None,
                Problem::Malformed(Expected::NonEmpty),
            ));
            return None;
        }
        let Ok(id) = PenyalurId::try_from(self.penyalur.len()) else {
            if !std::mem::replace(&mut self.penyalur_penuh, true) {
                diags.push(nama_terlalu_banyak(
                    file,
                    row.line,
                    row.column(c),
                    name,
                    JenisNama::Penyalur,
                    PENYALUR_MAKS as u64,
                ));
            }
            return None;
        };
        self.penyalur.push(normal.into_owned());
        self.penyalur_baris.push(row.line);
        self.penyalur_id.insert(name.to_string(), id);
        self.penyalur_terakhir = Some(id);
        Some(id)
    }

    /// The chunk's id of failure reason `text` (first met on `line`), kept normalised like a
    /// name (an invisible character would otherwise hide a word from
    /// [`alasan::KodeAlasan::golongkan`]), without a warning: the text is the operator's and is
    /// never published. `None` beyond [`ALASAN_MAKS`].
    fn alasan(&mut self, text: &str, line: u64) -> Option<AlasanId> {
        if let Some(&id) = self.alasan_id.get(text) {
            return Some(id);
        }
        let id = AlasanId::try_from(self.alasan.len())
            .ok()
            .filter(|&id| (id as usize) < ALASAN_MAKS)?;
        self.alasan.push(crate::teks::nama(text).into_owned());
        self.alasan_baris.push(line);
        self.alasan_id.insert(text.to_string(), id);
        Some(id)
    }
}

/// Read-only lookups shared by the threads reading allocation and realisation rows.
struct Lookup<'d> {
    programs: &'d [Program],
    tahap: &'d [Tahap],
    tahap_rusak: &'d [bool],
    wilayah: &'d WilayahTree,
    /// The inputs read so far, to name a referenced file as the operator has it.
    inputs: &'d [InputFile],
    /// Programme and tahap codes by hash, when there are more than [`KODE_PINDAI`] of them.
    program_indeks: Option<IndeksKode<'d>>,
    tahap_indeks: Option<IndeksKode<'d>>,
}

/// Up to this many programmes (or tahap) a row's code is found by a scan, without hashing or
/// allocating (a site has a handful); beyond, by [`IndeksKode`] (65.536 programmes scanned for
/// each of 5 million rows would take minutes).
const KODE_PINDAI: usize = 16;

/// Codes by hash: as written, and in upper case (codes are ASCII) for any letter case; each
/// the first of its kind in file order, as a scan finds it.
struct IndeksKode<'d> {
    persis: rustc_hash::FxHashMap<&'d [u8], u16>,
    besar: rustc_hash::FxHashMap<Vec<u8>, u16>,
}

impl<'d> IndeksKode<'d> {
    fn new(kode: impl Iterator<Item = &'d str>) -> Option<IndeksKode<'d>> {
        let kode: Vec<&'d str> = kode.collect();
        if kode.len() <= KODE_PINDAI {
            return None;
        }
        let mut persis = rustc_hash::FxHashMap::default();
        let mut besar = rustc_hash::FxHashMap::default();
        for (i, k) in kode.iter().enumerate() {
            let Ok(i) = u16::try_from(i) else { break };
            persis.entry(k.as_bytes()).or_insert(i);
            besar.entry(k.as_bytes().to_ascii_uppercase()).or_insert(i);
        }
        Some(IndeksKode { persis, besar })
    }

    fn cari(&self, raw: &[u8]) -> Option<usize> {
        self.persis
            .get(raw)
            .or_else(|| self.besar.get(&raw.to_ascii_uppercase()))
            .map(|&i| usize::from(i))
    }
}

impl<'d> Lookup<'d> {
    fn new(ds: &'d Dataset, tahap_rusak: &'d [bool]) -> Lookup<'d> {
        Lookup {
            programs: &ds.program,
            tahap: &ds.tahap,
            tahap_rusak,
            wilayah: &ds.wilayah,
            inputs: &ds.inputs,
            program_indeks: IndeksKode::new(ds.program.iter().map(|p| p.kode.as_str())),
            tahap_indeks: IndeksKode::new(ds.tahap.iter().map(|t| t.kode.as_str())),
        }
    }

    /// The file (or files) the codes of `kind` come from, as the operator has them.
    fn berkas(&self, kind: CodeKind) -> String {
        berkas_kode(self.inputs, kind)
    }

    /// Resolves the program, tahap, wilayah and penyalur columns (0..4) of an
    /// alokasi/realisasi row, reporting every one that does not resolve.
    fn keys<T>(
        &self,
        name: &str,
        row: &Row,
        lokal: &mut Lokal<T>,
        diags: &mut Diagnostics,
    ) -> Option<(ProgramId, TahapId, WilayahId, PenyalurId)> {
        let program = self.code(name, row, 0, CodeKind::Program, diags);
        let tahap = self.code(name, row, 1, CodeKind::Tahap, diags);
        let wilayah = self.wilayah_at(name, row, 2, diags);
        let penyalur =
            required_text(name, row, 3, diags).and_then(|p| lokal.penyalur(name, row, 3, p, diags));
        Some((program?, tahap?, wilayah?, penyalur?))
    }

    /// Whether the date of column `c` falls outside its tahap (reported); a tahap whose own
    /// dates were bad is not held against its rows.
    fn outside_tahap(
        &self,
        name: &str,
        row: &Row,
        c: usize,
        tahap: TahapId,
        tanggal: Date,
        diags: &mut Diagnostics,
    ) -> bool {
        let t = &self.tahap[tahap as usize];
        let rusak = self
            .tahap_rusak
            .get(tahap as usize)
            .copied()
            .unwrap_or(false);
        let outside = !rusak && (tanggal < t.mulai || tanggal > t.selesai);
        if outside {
            report(
                name,
                row,
                c,
                Problem::OutsideTahap {
                    tahap: t.kode.clone(),
                    mulai: t.mulai.to_string(),
                    selesai: t.selesai.to_string(),
                    berkas: self.berkas(CodeKind::Tahap),
                },
                diags,
            );
        }
        outside
    }

    /// The region of column `c`, reporting a malformed or unknown code (with the nearest one).
    fn wilayah_at(
        &self,
        name: &str,
        row: &Row,
        c: usize,
        diags: &mut Diagnostics,
    ) -> Option<WilayahId> {
        match value::kode_wilayah(row.get(c)) {
            Ok(k) => match self.wilayah.get(k) {
                Some(id) => Some(id),
                None => {
                    diags.push_with(crate::diagnostics::Severity::Error, || {
                        Diagnostic::error(
                            name,
                            row.line,
                            row.column(c),
                            Some(&String::from_utf8_lossy(row.get(c))),
                            Problem::UnknownCode {
                                kind: CodeKind::Wilayah,
                                nearest: self.wilayah.nearest(&k.dotted()),
                                berkas: self.berkas(CodeKind::Wilayah),
                            },
                        )
                    });
                    None
                }
            },
            Err(p) => {
                report(name, row, c, p, diags);
                None
            }
        }
    }

    /// A programme or tahap code, matched without regard to case and without allocating.
    fn code(
        &self,
        name: &str,
        row: &Row,
        c: usize,
        kind: CodeKind,
        diags: &mut Diagnostics,
    ) -> Option<u16> {
        let raw = row.get(c);
        // exact spelling first (the usual case), then any case
        let indeks = match kind {
            CodeKind::Program => self.program_indeks.as_ref(),
            _ => self.tahap_indeks.as_ref(),
        };
        let found = match kind {
            _ if indeks.is_some() => indeks.and_then(|i| i.cari(raw)),
            CodeKind::Program => self
                .programs
                .iter()
                .position(|p| p.kode.as_bytes() == raw)
                .or_else(|| {
                    self.programs
                        .iter()
                        .position(|p| p.kode.as_bytes().eq_ignore_ascii_case(raw))
                }),
            _ => self
                .tahap
                .iter()
                .position(|t| t.kode.as_bytes() == raw)
                .or_else(|| {
                    self.tahap
                        .iter()
                        .position(|t| t.kode.as_bytes().eq_ignore_ascii_case(raw))
                }),
        };
        if let Some(i) = found {
            return Some(i as u16);
        }
        diags.push_with(crate::diagnostics::Severity::Error, || {
            let raw = String::from_utf8_lossy(raw);
            let nearest = match kind {
                CodeKind::Program => crate::dasar::saran::nearest(
                    &raw,
                    self.programs.iter().map(|p| p.kode.as_str()),
                ),
                _ => crate::dasar::saran::nearest(&raw, self.tahap.iter().map(|t| t.kode.as_str())),
            };
            let problem = if raw.is_empty() {
                Problem::Malformed(Expected::NonEmpty)
            } else {
                Problem::UnknownCode {
                    kind,
                    nearest,
                    berkas: self.berkas(kind),
                }
            };
            Diagnostic::error(
                name,
                row.line,
                row.column(c),
                (!raw.is_empty()).then_some(&*raw),
                problem,
            )
        });
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_code_names_something() {
        for kode in ["BST", "2021-07", "APBD-TUNAI", "blt_dd", "2021.T4"] {
            assert!(super::is_code(kode), "{kode}");
        }
        for kode in ["", ".", "..", "-", "BST/../x", "a b", "35/75"] {
            assert!(!super::is_code(kode), "{kode}");
        }
    }
}
