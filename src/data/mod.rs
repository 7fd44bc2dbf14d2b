//! The `data` stage: every CSV in `data/` read into a typed, validated [`Dataset`].
//!
//! This is the only module that knows CSV. It accepts what an Excel export really looks like
//! (see [`table`] and [`value`]) and reports every rejected value as
//! `file:line:column: 'value': what was expected`, collecting all problems instead of stopping
//! at the first. Rows are read as byte records: no `String` is allocated per cell.

pub mod alasan;
pub mod anggaran;
pub mod desil;
mod id;
pub mod jadwal;
mod kode;
pub mod koreksi;
pub mod laporan;
pub mod lembar;
pub mod parket;
pub mod penerima;
pub mod peta;
pub mod realisasi;
pub mod rw;
pub mod satu_data;
pub mod sumber_angka;
pub mod table;
pub mod value;
pub mod verval;
pub mod wilayah;

pub use jadwal::JADWAL_KOLOM;
use kode::Lookup;
pub use rw::{JumlahRw, rw};

use rustc_hash::FxHashMap as HashMap;
use std::collections::hash_map::Entry;
use std::path::Path;

use jiff::civil::Date;

use crate::config::Config;
use crate::diagnostics::{CodeKind, Diagnostic, Diagnostics, Expected, JenisNama, Problem};
use crate::teks::Ejaan;
use table::{Columns, Row, Table, nama, report, required_text, text};
pub use wilayah::{Tingkat, Wilayah, WilayahId, WilayahTree};

pub use id::{AlasanId, PenyalurId, ProgramId, TahapId, TitikBayarId};

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
    /// Who is eligible, in plain words (`syarat`), when the file says.
    pub syarat: Option<String>,
    /// How a resident checks their own status (`cara_cek`), when the file says.
    pub cara_cek: Option<String>,
    /// What to bring to the payment (`dokumen`), when it differs from the site's default
    /// (`[jadwal] bawa`, else the theme's words).
    pub dokumen: Option<String>,
    /// The programme's official page (`tautan_resmi`), an absolute http(s) address.
    pub tautan_resmi: Option<String>,
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
    /// A folder of Parquet parts: each part's file and the rows of the parts before it
    /// ([`Table::bagian`]); empty for one file.
    #[serde(skip)]
    pub bagian: Vec<(String, u64)>,
}

impl InputFile {
    fn dari(t: &Table) -> InputFile {
        InputFile {
            path: t.berkas.clone(),
            rows: t.rows,
            sha256: t.sha256.clone(),
            tempat: t.name.clone(),
            bagian: t.bagian.clone(),
        }
    }

    /// The name of its input as a CSV (`data/realisasi.csv` for `data/realisasi.xlsx`): the
    /// anchor of its row on the "about the data" page, which the theme's templates link to
    /// whichever form the input was given in.
    pub fn nama_csv(&self) -> String {
        let stem = self
            .path
            .strip_suffix('/')
            .or_else(|| self.path.rsplit_once('.').map(|(s, _)| s))
            .unwrap_or(self.path.as_str());
        format!("{stem}.csv")
    }

    /// Whether this is the input that `csv` names (`data/verval.csv`), read from that CSV or
    /// from a spreadsheet of the same name (`data/verval.xlsx`).
    pub fn adalah(&self, csv: &str) -> bool {
        let stem = |p: &str| {
            p.strip_suffix('/')
                .or_else(|| p.rsplit_once('.').map(|(s, _)| s))
                .unwrap_or(p)
                .to_string()
        };
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
    /// Allocations. Empty in a build once the analysis has read them ([`Dataset::lepas_baris`]).
    pub alokasi: Vec<Alokasi>,
    /// Realisations. Empty in a build once the analysis has read them ([`Dataset::lepas_baris`]).
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
    /// The region boundaries (`batas.geojson`), when the site has them.
    pub batas: Option<peta::Batas>,
    /// Budgets per programme × year × region (`anggaran.csv`), in file order.
    pub anggaran: Vec<anggaran::Anggaran>,
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
    /// What each `[[penerima]]` recipient list gave to the figures, in `site.toml` order
    /// (their rows are in [`Dataset::alokasi`] and [`Dataset::realisasi`] already).
    pub penerima: Vec<penerima::RingkasPenerima>,
    /// Households per RW counted from the recipient lists with an RW column: what
    /// `salur jadwal usul` plans by when `rw.csv` is absent.
    pub rw_penerima: Vec<rw::JumlahRw>,
    /// The `[[satu_data]]` tables read (their rows are in [`Dataset::alokasi`] or
    /// [`Dataset::realisasi`]), by path: sources of the figures beside the aggregate files.
    pub satu_data: Vec<String>,
}

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
pub const PENYALUR_MAKS: usize = PenyalurId::BANYAK;
/// See [`PENYALUR_MAKS`].
pub const PROGRAM_MAKS: usize = ProgramId::BANYAK;
/// See [`PENYALUR_MAKS`].
pub const TAHAP_MAKS: usize = TahapId::BANYAK;
/// See [`PENYALUR_MAKS`].
pub const ALASAN_MAKS: usize = AlasanId::BANYAK;
/// See [`PENYALUR_MAKS`].
pub const TITIK_BAYAR_MAKS: usize = TitikBayarId::BANYAK;
/// See [`PENYALUR_MAKS`].
pub const WILAYAH_MAKS: usize = WilayahId::BANYAK;

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
    /// Frees the allocation and realisation rows: the analysis reads them, the site and its
    /// pages are made from its report ([`crate::analysis::Report`]) and never read a row, so
    /// a build lets them go before it renders. On the national site they are 5 M + 1.5 M rows,
    /// about 290 MB, held through the whole render otherwise (a full build's peak memory
    /// 1,026 → 961 MB, now the data stage's).
    pub fn lepas_baris(&mut self) {
        self.realisasi = Vec::new();
        self.alokasi = Vec::new();
    }

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

/// The checks that set one input of the data against another, or against `site.toml`'s rules:
/// the payment schedule ([`jadwal::periksa`]) and the verification funnels
/// ([`verval::periksa`]). Run once every input has been read.
pub fn periksa(ds: &Dataset, config: &crate::config::Config) -> Diagnostics {
    let mut temuan = jadwal::periksa(ds, &config.jadwal);
    temuan.extend(verval::periksa(ds));
    temuan
}

/// Reads and validates every input in `root/data/`. Returns the dataset, or every problem
/// found (warnings are returned alongside a dataset).
/// No file larger than `batas` bytes is read ([`Problem::BerkasTerlaluBesar`]).
/// `config`'s `[kolom.<input>]` tables name the file's own headers for an input's columns.
pub fn load(root: &Path, config: &Config) -> Result<(Dataset, Diagnostics), Diagnostics> {
    let batas = config.batas_berkas;
    let mut diags = Diagnostics::new();
    // `data/` itself: a broken link or a file there is said as such, not as every input
    // missing
    if let Err(d) = crate::berkas::Situs::new(root).periksa_folder("data") {
        diags.push(*d);
        return Err(diags);
    }
    warn_unknown_inputs(root, config, &mut diags);
    periksa_peta_kolom(&config.kolom, &mut diags);
    periksa_peta_nilai(&config.nilai, &mut diags);
    penerima::periksa_folder(root, &config.penerima, &mut diags);
    let mut ds = Dataset::default();
    let mut loader = Loader {
        batas,
        peta: config.kolom.clone(),
        nilai: config.nilai.clone(),
        sistem: config.kode,
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
        anggaran::FILE,
        sumber_angka::FILE,
    ]
    .iter()
    .any(|f| table::ada(root, f))
        || !config.penerima.is_empty()
        || !config.satu_data.is_empty();
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
        loader.penerima(root, &config.penerima, &mut ds, &mut diags);
        loader.satu_data(root, &config.satu_data, &mut ds, &mut diags);
        loader.jadwal(root, &mut ds, &mut diags);
        loader.verval(root, &mut ds, &mut diags);
        loader.desil(root, &mut ds, &mut diags);
        loader.anggaran(root, &mut ds, &mut diags);
        loader.laporan_penyalur(root, &mut ds, &mut diags);
        loader.sumber_angka(root, &config.sumber, &mut ds, &mut diags);
        ds.batas = peta::baca(
            root,
            &ds.wilayah,
            &config.peta.properti_kode,
            batas,
            &mut diags,
        );
        if let Some(b) = &ds.batas
            && let Some(d) = peta::periksa_anak(&ds.wilayah, b)
        {
            diags.push(d);
        }
    }
    petakan_bagian(&ds.inputs, &mut diags);
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok((ds, diags))
    }
}

/// Gives every kept message about a folder of Parquet parts (read as one table, its rows
/// numbered across the parts) its part's file and row: the data stage's own, and the checks
/// and analysis that cite an input's rows afterwards.
pub fn petakan_bagian(inputs: &[InputFile], diags: &mut Diagnostics) {
    for input in inputs {
        table::petakan_bagian(diags, &input.tempat, &input.bagian);
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
    "anggaran.csv",
    "sumber_angka.csv",
];

/// Warns about files in `data/` that salur does not read: a misspelt or differently cased
/// name, or a spreadsheet not named like an input, would otherwise be silently left out.
fn warn_unknown_inputs(root: &Path, config: &Config, diags: &mut Diagnostics) {
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
    // a folder named like an input without a Parquet file in it is not read: said
    for input in INPUTS {
        let stem = format!("data/{}", input.trim_end_matches(".csv"));
        if parket::folder_tanpa_parket(root, &stem) {
            diags.push(Diagnostic {
                severity: crate::diagnostics::Severity::Warning,
                ..Diagnostic::error(&format!("{stem}/"), 0, 0, None, Problem::FolderTanpaParket)
            });
        }
    }
    // a folder of Parquet parts is read when it is named like an input (`data/realisasi/`);
    // one named otherwise would be silently left out
    for e in std::fs::read_dir(root.join("data"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        let stem = format!("data/{name}");
        if !e.path().is_dir()
            || name == "penerima"
            || INPUTS.contains(&format!("{name}.csv").as_str())
            || parket::cari(root, &stem).is_none()
        {
            continue;
        }
        let suggestion = INPUTS
            .iter()
            .map(|k| format!("{}/", k.trim_end_matches(".csv")))
            .find(|k| k.trim_end_matches('/').eq_ignore_ascii_case(&name))
            .or_else(|| {
                let names: Vec<&str> = INPUTS.iter().map(|k| k.trim_end_matches(".csv")).collect();
                crate::dasar::saran::nearest(&name.to_lowercase(), names.iter().copied())
                    .map(|n| format!("{n}/"))
            });
        diags.push(Diagnostic {
            severity: crate::diagnostics::Severity::Warning,
            ..Diagnostic::error(
                &format!("{stem}/"),
                0,
                0,
                None,
                Problem::UnknownInput { suggestion },
            )
        });
    }
    names.sort();
    for name in names {
        // a recipient list declared in site.toml is read (privately), and never named on a
        // page
        let rel = format!("data/{name}");
        if config
            .penerima
            .iter()
            .map(|d| &d.berkas)
            .chain(config.satu_data.iter().map(|d| &d.berkas))
            .any(|b| b.trim_start_matches("./") == rel)
        {
            continue;
        }
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
        let ext_lembar = name.rsplit_once('.').and_then(|(_, ext)| {
            lembar::EKSTENSI
                .into_iter()
                .chain([parket::EKSTENSI])
                .find(|e| *e == ext)
        });
        let dibaca = match (ext_lembar, name.rsplit_once('.')) {
            (Some(_), Some((stem, _))) => INPUTS.contains(&format!("{stem}.csv").as_str()),
            _ => INPUTS.contains(&name.as_str()) || rel == peta::FILE,
        };
        if dibaca || documentation {
            continue;
        }
        let ext_lembar = lower.rsplit_once('.').and_then(|(_, ext)| {
            lembar::EKSTENSI
                .into_iter()
                .chain([parket::EKSTENSI])
                .find(|e| *e == ext)
        });
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
                .or_else(|| (ext != parket::EKSTENSI).then(|| "xlsx".to_string()))
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
    /// `[kolom.<input>]` of `site.toml`: the files' own headers.
    peta: Vec<crate::config::PetaKolom>,
    /// `[nilai.<input>.<column>]` of `site.toml`: the files' own words for values.
    nilai: Vec<crate::config::PetaNilai>,
    /// `kode` of `site.toml`: the numbering of undotted region codes.
    sistem: Option<crate::config::SistemKode>,
    /// The desa/kelurahan by name, once the region table is read.
    nama_wilayah: Option<penerima::NamaWilayah>,
}

impl Loader {
    /// Opens input `rel` (`data/realisasi.csv`, or its workbook) as [`Table::open`] does,
    /// with the headers `[kolom.<input>]` names for its columns.
    fn buka(
        &self,
        root: &Path,
        rel: &str,
        columns: &Columns,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let masukan = rel
            .rsplit('/')
            .next()
            .and_then(|f| f.strip_suffix(".csv"))
            .unwrap_or(rel);
        let peta = self
            .peta
            .iter()
            .find(|p| p.masukan == masukan)
            .map_or(&[][..], |p| p.kolom.as_slice());
        let mut t = Table::open_dipetakan(root, rel, columns, self.batas, peta, diags)?;
        let nilai: Vec<&crate::config::PetaNilai> =
            self.nilai.iter().filter(|p| p.masukan == masukan).collect();
        if !nilai.is_empty() {
            t.ganti_nilai(columns, &nilai);
        }
        Some(t)
    }
}

/// Every input with its columns, by its name without extension: what `[kolom.<input>]` may
/// name.
fn kolom_masukan(masukan: &str) -> Option<&'static Columns<'static>> {
    Some(match masukan {
        "wilayah" => &WILAYAH,
        "program" => &PROGRAM,
        "tahap" => &TAHAP,
        "alokasi" => &ALOKASI,
        "realisasi" => &REALISASI,
        "jadwal" => &jadwal::JADWAL,
        "rw" => &rw::RW,
        "verval" => &verval::VERVAL,
        "laporan_penyalur" => &laporan::LAPORAN,
        "desil" => &desil::DESIL,
        "anggaran" => &anggaran::ANGGARAN,
        "sumber_angka" => &sumber_angka::SUMBER_ANGKA,
        _ => return None,
    })
}

/// A key of `site.toml` (at `di`) that names no input or column salur has, with the one of
/// `known` meant when one is close: `[kolom.…]`, `[nilai.…]`, `[penerima.kolom]` and
/// `[satu_data.kolom]` all report it so.
pub(crate) fn kunci_asing<'k>(
    di: (u64, u64),
    key: &str,
    known: impl Iterator<Item = &'k str>,
) -> Diagnostic {
    Diagnostic::error(
        crate::config::CONFIG_FILE,
        di.0,
        di.1,
        None,
        Problem::UnknownKey {
            key: key.to_string(),
            nearest: crate::dasar::saran::nearest(key, known),
        },
    )
}

/// `[nilai.<input>.<column>]`: an input salur does not read, or a column its input does not
/// have, is an error at its place in `site.toml`, with the name meant when one is close.
fn periksa_peta_nilai(peta: &[crate::config::PetaNilai], diags: &mut Diagnostics) {
    let stems: Vec<&str> = INPUTS
        .iter()
        .filter_map(|i| i.strip_suffix(".csv"))
        .collect();
    for p in peta {
        match kolom_masukan(&p.masukan) {
            None => diags.push(kunci_asing(p.di, &p.masukan, stems.iter().copied())),
            Some(columns) => {
                let semua = || columns.required.iter().chain(columns.optional).copied();
                if !semua().any(|c| c == p.kolom) {
                    diags.push(kunci_asing(p.di, &p.kolom, semua()));
                }
            }
        }
    }
}

/// `[kolom.<input>]`: an input salur does not read, or a column its input does not have, is an
/// error at its place in `site.toml`, with the name meant when one is close.
fn periksa_peta_kolom(peta: &[crate::config::PetaKolom], diags: &mut Diagnostics) {
    let stems: Vec<&str> = INPUTS
        .iter()
        .filter_map(|i| i.strip_suffix(".csv"))
        .collect();
    for p in peta {
        let Some(columns) = kolom_masukan(&p.masukan) else {
            diags.push(kunci_asing(p.di, &p.masukan, stems.iter().copied()));
            continue;
        };
        let semua = || columns.required.iter().chain(columns.optional).copied();
        for k in &p.kolom {
            if !semua().any(|c| c == k.kontrak) {
                diags.push(kunci_asing(k.di, &k.kontrak, semua()));
            }
        }
    }
}

const WILAYAH: Columns = Columns {
    required: &["kode", "nama"],
    optional: &["kk", "penduduk", "kode_bps"],
};
const PROGRAM: Columns = Columns {
    required: &["kode", "nama", "sumber_dana", "nilai_per_kpm", "periode"],
    // the explanation of a programme: optional, so a file without them stays valid
    optional: &[
        "desil_maks",
        "syarat",
        "cara_cek",
        "dokumen",
        "tautan_resmi",
    ],
};
const TAHAP: Columns = Columns {
    required: &["kode", "nama", "mulai", "selesai"],
    optional: &["target"],
};
const ALOKASI: Columns = Columns {
    required: &["program", "tahap", "kode_wilayah", "penyalur", "kpm"],
    optional: &["nilai", "kecamatan", "kabupaten"],
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
    optional: &["nilai", "kecamatan", "kabupaten"],
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
        let Some(mut t) = self.buka(root, name, &WILAYAH, diags) else {
            if !table::ada(root, name) {
                diags.push(Diagnostic::error(name, 0, 0, None, Problem::MissingFile));
            }
            return;
        };
        // named by code from other tables: a row with a NIK still gives its code
        t.rujukan();
        // the place in messages: the CSV, or the worksheet read instead
        let tempat = t.name.clone();
        let name = tempat.as_str();
        let mut nodes = Vec::new();
        let sistem = self.sistem;
        // (Kemendagri code, BPS code, line) of the rows with a `kode_bps`
        let mut bps: Vec<(value::KodeWilayah, String, u64)> = Vec::new();
        let mut seen: HashMap<value::KodeWilayah, u64> = HashMap::default();
        let mut ejaan = Ejaan::default();
        // the columns' totals (see `JUMLAH_MAKS`): a region's KK are summed up the tree
        let (mut jumlah_kk, mut jumlah_penduduk) = (Jumlah::default(), Jumlah::default());
        // the one region too many is reported once
        let mut penuh = false;
        t.for_each_row(diags, |row, diags| {
            // wilayah.csv's own codes are Kemendagri's (BPS's go in `kode_bps`)
            let sistem = sistem.filter(|s| *s == crate::config::SistemKode::Kemendagri);
            let kode = match value::kode_wilayah(row.get(0), sistem) {
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
            if WilayahId::baru(nodes.len()).is_none() {
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
            // a BPS code: digits, dots between them
            let kode_bps_mentah = row.get(4);
            if !kode_bps_mentah
                .iter()
                .all(|b| b.is_ascii_digit() || *b == b'.')
            {
                return report(
                    name,
                    row,
                    4,
                    Problem::Malformed(Expected::WilayahCode),
                    diags,
                );
            }
            let kode_bps: String = kode_bps_mentah
                .iter()
                .filter(|b| b.is_ascii_digit())
                .map(|&b| char::from(b))
                .collect();
            if !kode_bps.is_empty() {
                bps.push((kode, kode_bps, row.line));
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
        let (mut tree, missing) = WilayahTree::build(nodes);
        tree.sistem = self.sistem;
        if self.sistem == Some(crate::config::SistemKode::Bps) && t.column_number(4) == 0 {
            diags.push(Diagnostic::error(
                name,
                1,
                0,
                None,
                Problem::KodeBpsTanpaKolom,
            ));
        }
        let mut bps_pertama: HashMap<String, u64> = HashMap::default();
        for (kode, kode_bps, line) in bps {
            match bps_pertama.entry(kode_bps.clone()) {
                Entry::Occupied(e) => diags.push(Diagnostic::error(
                    name,
                    line,
                    t.column_number(4),
                    Some(&kode_bps),
                    Problem::Duplicate {
                        first_line: *e.get(),
                    },
                )),
                Entry::Vacant(e) => {
                    e.insert(line);
                    if let Some(id) = tree.get(kode) {
                        tree.bps.insert(kode_bps, id);
                    }
                }
            }
        }
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
        self.nama_wilayah = Some(penerima::NamaWilayah::new(&tree));
        ds.wilayah = tree;
        ds.inputs.push(InputFile::dari(&t));
    }

    fn program(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        let name = "data/program.csv";
        let Some(mut t) = self.buka(root, name, &PROGRAM, diags) else {
            return;
        };
        // named by code from other tables: a row with a NIK still gives its code
        t.rujukan();
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
            let Some(id) = ProgramId::baru(ds.program.len()) else {
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
            };
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
            // free text, one spelling of its whitespace; the NIK guard has read these cells
            let keterangan = |c: usize, diags: &mut Diagnostics| {
                text(name, row, c, diags)
                    .map(|s| crate::teks::nama(s).into_owned())
                    .filter(|s| !s.is_empty())
            };
            let syarat = keterangan(6, diags);
            let cara_cek = keterangan(7, diags);
            let dokumen = keterangan(8, diags);
            let tautan_resmi =
                keterangan(9, diags).and_then(|u| match crate::config::periksa_tautan(&u) {
                    Some(_) => Some(u),
                    None => {
                        report(name, row, 9, Problem::Malformed(Expected::Tautan), diags);
                        None
                    }
                });
            self.program.insert(key, id);
            ds.program_di.push((row.line, row.column(0)));
            ds.program.push(Program {
                kode: kode.to_string(),
                nama: nama.to_string(),
                sumber_dana,
                nilai_per_kpm,
                periode,
                desil_maks,
                syarat,
                cara_cek,
                dokumen,
                tautan_resmi,
            });
        });
        ejaan.peringatan(name, diags);
        ds.inputs.push(InputFile::dari(&t));
    }

    fn tahap(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        let name = "data/tahap.csv";
        let Some(mut t) = self.buka(root, name, &TAHAP, diags) else {
            return;
        };
        // named by code from other tables: a row with a NIK still gives its code
        t.rujukan();
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
            if TahapId::baru(tahap.len()).is_none() {
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
            if let Some(i) = TahapId::baru(i) {
                self.tahap.insert(t.kode.to_uppercase(), i);
            }
        }
        self.tahap_rusak = tahap.iter().map(|(_, rusak, _)| *rusak).collect();
        ds.tahap_di = tahap.iter().map(|(.., di)| *di).collect();
        ds.tahap = tahap.into_iter().map(|(t, ..)| t).collect();
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
        let Some(mut t) = self.buka(root, file, columns, diags) else {
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
