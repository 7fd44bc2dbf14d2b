//! `data/sumber_angka.csv` (optional): where the allocation and realisation figures come from,
//! and whether they are official, provisional or illustrative.
//!
//! Each row speaks of one region and, by inheritance, every region below it; a programme, a
//! tahap, a penyalur and which figures (`alokasi`, `tersalur`, `gagal`, or `realisasi` for
//! paid and failed, or `pagu` for the budgets of `anggaran.csv`) narrow it, and `cakupan` says whether it speaks of the region's own total
//! (`total`), of its split over the regions below (`rincian`), or of both (empty). For a
//! figure the most specific row applies (see [`crate::analysis::asal`]). A Dinsos marks a
//! channel's figures before reconciliation as `sementara`; the example site marks the totals
//! of the news reports as `resmi` and the rest as `ilustratif`.

use std::path::Path;

use super::table::{Columns, nama, report, text};
use super::{Dataset, Loader, PenyalurId, ProgramId, TahapId, WilayahId};
use crate::config::{BerkasAngka, StatusAngka, SumberBerkas};
use crate::diagnostics::{CodeKind, Diagnostic, Diagnostics, Problem};

/// The file.
pub const FILE: &str = "data/sumber_angka.csv";

pub(super) const SUMBER_ANGKA: Columns = Columns {
    required: &["kode_wilayah", "sifat", "sumber"],
    optional: &["program", "tahap", "penyalur", "angka", "cakupan"],
};
const KOLOM_WILAYAH: usize = 0;
const KOLOM_SIFAT: usize = 1;
const KOLOM_SUMBER: usize = 2;
const KOLOM_PROGRAM: usize = 3;
const KOLOM_TAHAP: usize = 4;
const KOLOM_PENYALUR: usize = 5;
const KOLOM_ANGKA: usize = 6;
const KOLOM_CAKUPAN: usize = 7;

/// What the figures are. Ordered from the most to the least certain: a total of parts is as
/// certain as its least certain part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sifat {
    /// The figures as the named source gives them (`resmi`).
    Resmi,
    /// Figures that will still change, e.g. before reconciliation (`sementara`).
    Sementara,
    /// Figures made up for an example or a training, not real (`ilustratif`).
    Ilustratif,
}

impl Sifat {
    /// Every value, most certain first.
    pub const SEMUA: [Sifat; 3] = [Sifat::Resmi, Sifat::Sementara, Sifat::Ilustratif];

    /// The code written in the file and the downloads.
    pub fn kode(self) -> &'static str {
        match self {
            Sifat::Resmi => "resmi",
            Sifat::Sementara => "sementara",
            Sifat::Ilustratif => "ilustratif",
        }
    }
}

/// One kind of figure a row may speak of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum JenisAngka {
    /// Allocations (`data/alokasi.csv`).
    Alokasi,
    /// Payments (`tersalur` rows of `data/realisasi.csv`).
    Tersalur,
    /// Failed payments (`gagal` rows of `data/realisasi.csv`).
    Gagal,
    /// Budgets (`data/anggaran.csv`): not a figure of a programme × tahap × penyalur cell, so
    /// not in [`JenisAngka::SEMUA`].
    Pagu,
}

impl JenisAngka {
    /// Every kind, in the order the pages and downloads name them.
    pub const SEMUA: [JenisAngka; 3] =
        [JenisAngka::Alokasi, JenisAngka::Tersalur, JenisAngka::Gagal];

    /// The code written in the file and the downloads' column names (`alokasi`).
    pub fn kode(self) -> &'static str {
        match self {
            JenisAngka::Alokasi => "alokasi",
            JenisAngka::Tersalur => "tersalur",
            JenisAngka::Gagal => "gagal",
            JenisAngka::Pagu => "pagu",
        }
    }
}

/// The kinds of figure a row speaks of, as a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KumpulanAngka(u8);

impl KumpulanAngka {
    /// Every kind (an empty `angka`), budgets included.
    pub const SEMUA: KumpulanAngka = KumpulanAngka(0b1111);

    /// The set of `jenis`.
    pub fn dari(jenis: &[JenisAngka]) -> KumpulanAngka {
        KumpulanAngka(jenis.iter().fold(0, |m, j| m | 1 << *j as u8))
    }

    /// Whether it holds `jenis`.
    pub fn berisi(self, jenis: JenisAngka) -> bool {
        self.0 & (1 << jenis as u8) != 0
    }

    /// How many kinds it holds (fewer: a more specific row).
    pub fn jumlah(self) -> u32 {
        self.0.count_ones()
    }
}

/// Whether a row speaks of its region's total, of the split below it, or of both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cakupan {
    /// Both (empty).
    Semua,
    /// The region's own total only (`total`): not inherited.
    Total,
    /// Only the regions below it (`rincian`): the split of its total.
    Rincian,
}

/// One row of `sumber_angka.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SumberAngka {
    /// The region it speaks of.
    pub wilayah: WilayahId,
    /// The programme, or every programme.
    pub program: Option<ProgramId>,
    /// The tahap, or every tahap.
    pub tahap: Option<TahapId>,
    /// The penyalur, or every penyalur.
    pub penyalur: Option<PenyalurId>,
    /// Which figures.
    pub angka: KumpulanAngka,
    /// The region's total, its split, or both.
    pub cakupan: Cakupan,
    /// What the figures are.
    pub sifat: Sifat,
    /// Where they come from, or why they are what they are, as the operator wrote it.
    pub sumber: String,
    /// The line in the file; 0 for a `[[sumber]]` entry of `site.toml`.
    pub baris: u64,
}

impl SumberAngka {
    /// Whether it is a row of `sumber_angka.csv` (not a `[[sumber]]` entry of `site.toml`,
    /// which a row of the file overrides where both speak of a figure from the same region).
    pub fn dari_berkas(&self) -> bool {
        self.baris != 0
    }
}

impl Loader {
    pub(super) fn sumber_angka(
        &mut self,
        root: &Path,
        sumber: &[SumberBerkas],
        ds: &mut Dataset,
        diags: &mut Diagnostics,
    ) {
        let mut seen = rustc_hash::FxHashMap::default();
        // the penyalur named in alokasi.csv and realisasi.csv (read before this file)
        let penyalur = ds.penyalur.clone();
        let rows: Vec<SumberAngka> = self.baca_opsional(
            root,
            FILE,
            &SUMBER_ANGKA,
            ds,
            diags,
            |tempat, row, diags, lookup, ejaan| {
                let wilayah = lookup.wilayah_at(tempat, row, KOLOM_WILAYAH, diags);
                let pilihan = |c: usize, allowed: &[&str], expected: &str, diags: &mut _| {
                    let raw = text(tempat, row, c, diags)?.trim();
                    match allowed.iter().position(|a| a.eq_ignore_ascii_case(raw)) {
                        Some(i) => Some(i),
                        None => {
                            // the message quotes the value itself
                            diags.push(Diagnostic::error(
                                tempat,
                                row.line,
                                row.column(c),
                                None,
                                Problem::UnknownValue {
                                    value: crate::teks::samarkan(raw.as_bytes()),
                                    expected: expected.to_string(),
                                },
                            ));
                            None
                        }
                    }
                };
                let sifat = pilihan(
                    KOLOM_SIFAT,
                    &["resmi", "sementara", "ilustratif"],
                    "one of \"resmi\", \"sementara\", \"ilustratif\"",
                    diags,
                )
                .map(|i| Sifat::SEMUA[i]);
                let sumber = nama(tempat, row, KOLOM_SUMBER, ejaan, diags);
                let kosong = |c: usize| row.get(c).iter().all(u8::is_ascii_whitespace);
                let program = match kosong(KOLOM_PROGRAM) {
                    true => Some(None),
                    false => lookup
                        .code(tempat, row, KOLOM_PROGRAM, CodeKind::Program, diags)
                        .map(Some),
                };
                let tahap = match kosong(KOLOM_TAHAP) {
                    true => Some(None),
                    false => lookup
                        .code(tempat, row, KOLOM_TAHAP, CodeKind::Tahap, diags)
                        .map(Some),
                };
                let angka = pilihan(
                    KOLOM_ANGKA,
                    &["", "alokasi", "tersalur", "gagal", "realisasi", "pagu"],
                    "one of \"alokasi\", \"tersalur\", \"gagal\", \"realisasi\", \"pagu\", \"\"",
                    diags,
                )
                .map(|i| match i {
                    1 => KumpulanAngka::dari(&[JenisAngka::Alokasi]),
                    2 => KumpulanAngka::dari(&[JenisAngka::Tersalur]),
                    3 => KumpulanAngka::dari(&[JenisAngka::Gagal]),
                    4 => KumpulanAngka::dari(&[JenisAngka::Tersalur, JenisAngka::Gagal]),
                    5 => KumpulanAngka::dari(&[JenisAngka::Pagu]),
                    _ => KumpulanAngka::SEMUA,
                });
                let penyalur = match text(tempat, row, KOLOM_PENYALUR, diags).map(str::trim) {
                    None => None,
                    Some("") => Some(None),
                    Some(p) => match penyalur
                        .iter()
                        .position(|x| x.eq_ignore_ascii_case(&crate::teks::nama(p)))
                    {
                        Some(i) => Some(PenyalurId::baru(i)),
                        None => {
                            report(
                                tempat,
                                row,
                                KOLOM_PENYALUR,
                                Problem::UnknownCode {
                                    kind: CodeKind::Penyalur,
                                    nearest: crate::dasar::saran::nearest(
                                        p,
                                        penyalur.iter().map(String::as_str),
                                    ),
                                    berkas: lookup.berkas(CodeKind::Penyalur),
                                },
                                diags,
                            );
                            None
                        }
                    },
                };
                let cakupan = pilihan(
                    KOLOM_CAKUPAN,
                    &["", "total", "rincian"],
                    "one of \"total\", \"rincian\", \"\"",
                    diags,
                )
                .map(|i| [Cakupan::Semua, Cakupan::Total, Cakupan::Rincian][i]);
                let r = SumberAngka {
                    wilayah: wilayah?,
                    program: program?,
                    tahap: tahap?,
                    penyalur: penyalur?,
                    angka: angka?,
                    cakupan: cakupan?,
                    sifat: sifat?,
                    sumber: sumber?.trim().to_string(),
                    baris: row.line,
                };
                // two rows saying the same of the same figures: which one holds?
                let key = (
                    r.wilayah, r.program, r.tahap, r.penyalur, r.angka, r.cakupan,
                );
                if let Some(&first_line) = seen.get(&key) {
                    report(
                        tempat,
                        row,
                        KOLOM_WILAYAH,
                        Problem::Duplicate { first_line },
                        diags,
                    );
                    return None;
                }
                seen.insert(key, r.baris);
                Some(r)
            },
        );
        ds.sumber_angka = rows;
        // `[[sumber]]` of site.toml: what every figure of a whole file is, said at each top
        // region (so inherited by every region below) after the file's rows, which win
        // where they speak of the same figures (`baris` 0: [`SumberAngka::dari_berkas`])
        for s in sumber {
            let angka = match s.berkas {
                BerkasAngka::Alokasi => KumpulanAngka::dari(&[JenisAngka::Alokasi]),
                BerkasAngka::Realisasi => {
                    KumpulanAngka::dari(&[JenisAngka::Tersalur, JenisAngka::Gagal])
                }
            };
            let sifat = match s.status {
                StatusAngka::Resmi => Sifat::Resmi,
                StatusAngka::Sementara => Sifat::Sementara,
                StatusAngka::Ilustratif => Sifat::Ilustratif,
            };
            for &akar in &ds.wilayah.akar {
                ds.sumber_angka.push(SumberAngka {
                    wilayah: akar,
                    program: None,
                    tahap: None,
                    penyalur: None,
                    angka,
                    cakupan: Cakupan::Semua,
                    sifat,
                    sumber: s.keterangan.clone(),
                    baris: 0,
                });
            }
        }
    }
}
