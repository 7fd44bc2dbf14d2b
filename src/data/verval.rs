//! `data/verval.csv`: verification funnels (verifikasi dan validasi). Per period, region and
//! programme, the steps of checking a candidate list in the field, in file order, each with how
//! many people (or households) remained: Kota Pasuruan listed 4.011 people as extremely poor at
//! the end of 2022 and found 891 who met the criteria.

use super::table::{Columns, nama, report, required_text, text};
use std::path::Path;

use super::{Dataset, Loader, ProgramId, WilayahId, value};
use crate::diagnostics::{CodeKind, Diagnostic, Diagnostics, Expected, Problem, Severity};

const FILE: &str = "data/verval.csv";

/// Columns of `verval.csv`.
pub const VERVAL_KOLOM: [&str; 5] = ["periode", "kode_wilayah", "program", "langkah", "jumlah"];
pub(super) const VERVAL: Columns = Columns {
    required: &VERVAL_KOLOM,
    optional: &["catatan"],
};
const KOLOM_JUMLAH: usize = 4;
const KOLOM_CATATAN: usize = 5;

/// One step of one funnel.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Verval {
    /// The period it describes, as written (`2022`, `2025-11`).
    pub periode: String,
    /// The region.
    pub wilayah: WilayahId,
    /// The programme the candidates are checked for.
    pub program: ProgramId,
    /// The step (`Terdata`, `Memenuhi kriteria`).
    pub langkah: String,
    /// How many remained at this step.
    pub jumlah: u64,
    /// A note shown with the funnel (`Angka ilustratif`), or empty.
    pub catatan: String,
    /// Line in the file.
    pub baris: u64,
    /// Column of `jumlah` in the file, for messages.
    pub kolom_jumlah: u64,
}

impl Loader {
    pub(super) fn verval(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        // the column's total (see `JUMLAH_MAKS`): funnels are summed up the tree
        let mut jumlah_kolom = super::Jumlah::default();
        ds.verval = self.baca_opsional(
            root,
            FILE,
            &VERVAL,
            ds,
            diags,
            |tempat, row, diags, lookup, ejaan| {
                let periode = required_text(tempat, row, 0, diags);
                let wilayah = lookup.wilayah_at(tempat, row, 1, diags);
                let program = lookup.code(tempat, row, 2, CodeKind::Program, diags);
                let langkah = nama(tempat, row, 3, ejaan, diags);
                let jumlah = match value::count(row.get(KOLOM_JUMLAH), Expected::Count) {
                    Ok(n) => match jumlah_kolom.tambah(n) {
                        Ok(()) => Some(n),
                        Err(sebelum) => {
                            let c = row.column(KOLOM_JUMLAH);
                            diags.push(super::luap(tempat, row.line, c, n, sebelum));
                            None
                        }
                    },
                    Err(p) => {
                        report(tempat, row, KOLOM_JUMLAH, p, diags);
                        None
                    }
                };
                let catatan = text(tempat, row, KOLOM_CATATAN, diags).unwrap_or_default();
                Some(Verval {
                    periode: periode?.trim().to_string(),
                    wilayah: wilayah?,
                    program: program?,
                    langkah: langkah?.into_owned(),
                    jumlah: jumlah?,
                    catatan: catatan.trim().to_string(),
                    baris: row.line,
                    kolom_jumlah: row.column(KOLOM_JUMLAH),
                })
            },
        );
    }
}

/// The funnels of `verval`, each as the indices of its steps in file order: one per period ×
/// region × programme, in order of first appearance.
pub fn corong(verval: &[Verval]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut posisi: rustc_hash::FxHashMap<(&str, WilayahId, ProgramId), usize> =
        rustc_hash::FxHashMap::default();
    for (i, v) in verval.iter().enumerate() {
        let p = *posisi
            .entry((v.periode.as_str(), v.wilayah, v.program))
            .or_insert_with(|| {
                out.push(Vec::new());
                out.len() - 1
            });
        out[p].push(i);
    }
    out
}

/// Checks the funnels: a step with more than the step before it, and a region whose steps
/// differ from the first region's of the same programme and period. Both are warnings: the
/// figures are shown as given.
pub fn periksa(ds: &Dataset) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let warn = |v: &Verval, column: u64, value: Option<&str>, problem: Problem| {
        let mut d = Diagnostic::error(ds.tempat(FILE), v.baris, column, value, problem);
        d.severity = Severity::Warning;
        d
    };
    let mut acuan: rustc_hash::FxHashMap<(&str, ProgramId), (WilayahId, Vec<&str>)> =
        rustc_hash::FxHashMap::default();
    for steps in corong(&ds.verval) {
        for pair in steps.windows(2) {
            let (a, b) = (&ds.verval[pair[0]], &ds.verval[pair[1]]);
            if b.jumlah > a.jumlah {
                diags.push(warn(
                    b,
                    b.kolom_jumlah,
                    Some(&b.jumlah.to_string()),
                    Problem::LangkahMembesar {
                        sebelumnya: a.langkah.clone(),
                        jumlah: a.jumlah,
                    },
                ));
            }
        }
        let first = &ds.verval[steps[0]];
        let names: Vec<&str> = steps
            .iter()
            .map(|&i| ds.verval[i].langkah.as_str())
            .collect();
        match acuan.get(&(first.periode.as_str(), first.program)) {
            None => {
                acuan.insert(
                    (first.periode.as_str(), first.program),
                    (first.wilayah, names),
                );
            }
            Some((w, ref_names)) => {
                let same = ref_names.len() == names.len()
                    && ref_names
                        .iter()
                        .zip(&names)
                        .all(|(a, b)| a.eq_ignore_ascii_case(b));
                if !same {
                    let node = ds.wilayah.node(*w);
                    diags.push(warn(
                        first,
                        0,
                        None,
                        Problem::LangkahBerbeda {
                            acuan: format!("{} ({})", node.nama, node.kode_teks),
                            langkah: ref_names.join(" → "),
                        },
                    ));
                }
            }
        }
    }
    diags
}
