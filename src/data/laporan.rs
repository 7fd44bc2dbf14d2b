//! `data/laporan_penyalur.csv`: what a paying channel reports it paid, per branch, programme,
//! tahap and region, as of a day. Kutai Kartanegara's Dinsos set its figures against the
//! reports of four BRI branches (Tenggarong, Samarinda, Bontang, Balikpapan) on 6 January 2022;
//! [`crate::analysis::rekonsiliasi`] does the same for every row of this file.

use std::path::Path;

use super::table::{Columns, nama, report};
use super::{Dataset, Loader, PenyalurId, ProgramId, TahapId, WilayahId, value};
use crate::diagnostics::{CodeKind, Diagnostic, Diagnostics, Expected, Problem, Severity};
use jiff::civil::Date;

const FILE: &str = "data/laporan_penyalur.csv";

/// The columns every row must have, in the order of the column numbers below.
pub const LAPORAN_KOLOM: [&str; 7] = [
    "penyalur",
    "cabang",
    "program",
    "tahap",
    "kode_wilayah",
    "kpm",
    "tanggal_laporan",
];
pub(super) const LAPORAN: Columns = Columns {
    required: &LAPORAN_KOLOM,
    optional: &["nilai"],
};
/// The column of `kpm`.
pub const KOLOM_KPM: usize = 5;
const KOLOM_TANGGAL: usize = 6;
const KOLOM_NILAI: usize = 7;

/// One row of `laporan_penyalur.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LaporanPenyalur {
    /// The paying channel, as named in `alokasi.csv` and `realisasi.csv`.
    pub penyalur: PenyalurId,
    /// Its branch (`Tenggarong`).
    pub cabang: String,
    /// Programme.
    pub program: ProgramId,
    /// Stage.
    pub tahap: TahapId,
    /// Region, at any level: the channel's figure is set against the region's paid KPM with
    /// everything below it.
    pub wilayah: WilayahId,
    /// KPM the channel reports paid.
    pub kpm: u64,
    /// Rupiah the channel reports paid, when given.
    pub nilai: Option<u64>,
    /// The day of the report: Dinsos's payments up to and including it are compared.
    pub tanggal: Date,
    /// Line in the file.
    pub baris: u64,
    /// Column of `kpm` as the file orders it.
    pub kolom_kpm: u64,
    /// Column of `cabang` as the file orders it (where a problem with the branch's page is
    /// reported).
    pub kolom_cabang: u64,
}

impl Loader {
    /// Reads `data/laporan_penyalur.csv` when it exists. Run after `alokasi.csv` and
    /// `realisasi.csv`, whose penyalur names it must use.
    pub(super) fn laporan_penyalur(
        &mut self,
        root: &Path,
        ds: &mut Dataset,
        diags: &mut Diagnostics,
    ) {
        let penyalur = ds.penyalur.clone();
        // penyalur by name as written, then in any letter case: one look-up per row
        let mut persis: rustc_hash::FxHashMap<&str, PenyalurId> = Default::default();
        let mut huruf: rustc_hash::FxHashMap<String, PenyalurId> = Default::default();
        for (i, p) in penyalur.iter().enumerate() {
            if let Some(id) = PenyalurId::baru(i) {
                persis.entry(p.as_str()).or_insert(id);
                huruf.entry(p.to_ascii_lowercase()).or_insert(id);
            }
        }
        // the columns' totals (see `JUMLAH_MAKS`)
        let (mut jumlah_kpm, mut jumlah_nilai) =
            (super::Jumlah::default(), super::Jumlah::default());
        // the same branch, programme, tahap, region and day twice: an error at the second
        let mut seen: rustc_hash::FxHashMap<
            (PenyalurId, String, ProgramId, TahapId, WilayahId, Date),
            u64,
        > = Default::default();
        ds.laporan_penyalur = self.baca_opsional(
            root,
            FILE,
            &LAPORAN,
            ds,
            diags,
            |tempat, row, diags, lookup, ejaan| {
                let py = nama(tempat, row, 0, ejaan, diags).and_then(|name| {
                    let name = name.as_ref();
                    let found = persis
                        .get(name)
                        .or_else(|| huruf.get(&name.to_ascii_lowercase()))
                        .copied();
                    if found.is_none() {
                        diags.push_with(Severity::Error, || {
                            Diagnostic::error(
                                tempat,
                                row.line,
                                row.column(0),
                                Some(name),
                                Problem::UnknownCode {
                                    kind: CodeKind::Penyalur,
                                    nearest: crate::dasar::saran::nearest(
                                        name,
                                        penyalur.iter().map(String::as_str),
                                    ),
                                    berkas: lookup.berkas(CodeKind::Penyalur),
                                },
                            )
                        });
                    }
                    found
                });
                let cabang = nama(tempat, row, 1, ejaan, diags).map(|c| c.into_owned());
                let program = lookup.code(tempat, row, 2, CodeKind::Program, diags);
                let tahap = lookup.code(tempat, row, 3, CodeKind::Tahap, diags);
                let wilayah = lookup.wilayah_at(tempat, row, 4, diags);
                let kpm = match value::count(row.get(KOLOM_KPM), Expected::Count) {
                    Ok(n) => match jumlah_kpm.tambah(n) {
                        Ok(()) => Some(n),
                        Err(sebelum) => {
                            let c = row.column(KOLOM_KPM);
                            diags.push(super::luap(tempat, row.line, c, n, sebelum));
                            None
                        }
                    },
                    Err(p) => {
                        report(tempat, row, KOLOM_KPM, p, diags);
                        None
                    }
                };
                let tanggal = match value::date(row.get(KOLOM_TANGGAL)) {
                    Ok(d) => Some(d),
                    Err(p) => {
                        report(tempat, row, KOLOM_TANGGAL, p, diags);
                        None
                    }
                };
                let nilai = if value::trim(row.get(KOLOM_NILAI)).is_empty() {
                    Some(None)
                } else {
                    match value::money(row.get(KOLOM_NILAI)) {
                        Ok(n) => match jumlah_nilai.tambah(n) {
                            Ok(()) => Some(Some(n)),
                            Err(sebelum) => {
                                let c = row.column(KOLOM_NILAI);
                                diags.push(super::luap(tempat, row.line, c, n, sebelum));
                                None
                            }
                        },
                        Err(p) => {
                            report(tempat, row, KOLOM_NILAI, p, diags);
                            None
                        }
                    }
                };
                let (py, cabang, program, tahap, wilayah, tanggal) =
                    (py?, cabang?, program?, tahap?, wilayah?, tanggal?);
                let key = (py, cabang.to_lowercase(), program, tahap, wilayah, tanggal);
                if let Some(&first_line) = seen.get(&key) {
                    diags.push(Diagnostic::error(
                        tempat,
                        row.line,
                        row.column(1),
                        Some(&cabang),
                        Problem::Duplicate { first_line },
                    ));
                    return None;
                }
                seen.insert(key, row.line);
                Some(LaporanPenyalur {
                    penyalur: py,
                    cabang,
                    program,
                    tahap,
                    wilayah,
                    kpm: kpm?,
                    nilai: nilai?,
                    tanggal,
                    baris: row.line,
                    kolom_kpm: row.column(KOLOM_KPM),
                    kolom_cabang: row.column(1),
                })
            },
        );
    }
}
