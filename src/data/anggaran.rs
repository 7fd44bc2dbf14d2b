//! `data/anggaran.csv` (optional): a programme's budget (`pagu`, whole rupiah) for a year in a
//! region, at any level of the tree (`program,tahun,kode_wilayah,pagu`). The pages set it
//! against the rupiah paid in the tahap that start in that year (the absorption, `serapan`,
//! [`crate::analysis::anggaran`]). A Dinsos knows its budget per kabupaten/kota and year from
//! the DPA; a ministry's per provinsi.

use std::path::Path;

use super::table::{Columns, report};
use super::{Dataset, Loader, ProgramId, WilayahId, value};
use crate::diagnostics::{CodeKind, Diagnostics, Expected, Problem};

/// The file.
pub const FILE: &str = "data/anggaran.csv";

pub(super) const ANGGARAN: Columns = Columns {
    required: &["program", "tahun", "kode_wilayah", "pagu"],
    optional: &[],
};
const KOLOM_PROGRAM: usize = 0;
const KOLOM_TAHUN: usize = 1;
const KOLOM_WILAYAH: usize = 2;
const KOLOM_PAGU: usize = 3;

/// The earliest and the latest year accepted: a budget year outside them is a typo (`20211`,
/// `221`), not a budget.
pub const TAHUN_MIN: u16 = 1945;
/// See [`TAHUN_MIN`].
pub const TAHUN_MAKS: u16 = 2100;

/// One row of `anggaran.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Anggaran {
    /// The programme.
    pub program: ProgramId,
    /// The budget year.
    pub tahun: u16,
    /// The region.
    pub wilayah: WilayahId,
    /// The budget, in whole rupiah.
    pub pagu: u64,
    /// The line in the file.
    pub baris: u64,
    /// The column of `pagu` (where a warning about it points).
    pub kolom_pagu: u64,
}

/// A year: four digits, [`TAHUN_MIN`] to [`TAHUN_MAKS`].
pub fn tahun(b: &[u8]) -> Result<u16, Problem> {
    let b = value::trim(b);
    let ok = b.len() == 4 && b.iter().all(u8::is_ascii_digit);
    let n = ok
        .then(|| b.iter().fold(0u16, |n, &c| n * 10 + u16::from(c - b'0')))
        .filter(|n| (TAHUN_MIN..=TAHUN_MAKS).contains(n));
    n.ok_or(Problem::Malformed(Expected::Tahun))
}

impl Loader {
    pub(super) fn anggaran(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        // the column's total (see `JUMLAH_MAKS`): budgets are summed up the tree
        let mut jumlah = super::Jumlah::default();
        let mut seen: rustc_hash::FxHashMap<(ProgramId, u16, WilayahId), u64> =
            rustc_hash::FxHashMap::default();
        ds.anggaran = self.baca_opsional(
            root,
            FILE,
            &ANGGARAN,
            ds,
            diags,
            |tempat, row, diags, lookup, _| {
                let program = lookup.code(tempat, row, KOLOM_PROGRAM, CodeKind::Program, diags);
                let tahun = match tahun(row.get(KOLOM_TAHUN)) {
                    Ok(t) => Some(t),
                    Err(p) => {
                        report(tempat, row, KOLOM_TAHUN, p, diags);
                        None
                    }
                };
                let wilayah = lookup.wilayah_at(tempat, row, KOLOM_WILAYAH, diags);
                let pagu = match value::money(row.get(KOLOM_PAGU)) {
                    Ok(n) => match jumlah.tambah(n) {
                        Ok(()) => Some(n),
                        Err(sebelum) => {
                            diags.push(super::luap(
                                tempat,
                                row.line,
                                row.column(KOLOM_PAGU),
                                n,
                                sebelum,
                            ));
                            None
                        }
                    },
                    Err(p) => {
                        report(tempat, row, KOLOM_PAGU, p, diags);
                        None
                    }
                };
                let r = Anggaran {
                    program: program?,
                    tahun: tahun?,
                    wilayah: wilayah?,
                    pagu: pagu?,
                    baris: row.line,
                    kolom_pagu: row.column(KOLOM_PAGU),
                };
                // two budgets for one programme, year and region: which one holds?
                let key = (r.program, r.tahun, r.wilayah);
                if let Some(&first_line) = seen.get(&key) {
                    report(
                        tempat,
                        row,
                        KOLOM_PROGRAM,
                        Problem::Duplicate { first_line },
                        diags,
                    );
                    return None;
                }
                seen.insert(key, r.baris);
                Some(r)
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tahun_four_digits_in_range() {
        assert_eq!(tahun(b"2021"), Ok(2021));
        assert_eq!(tahun(b" 2025 "), Ok(2025));
        for bad in [
            &b"21"[..],
            b"20211",
            b"2.021",
            b"0201",
            b"2200",
            b"",
            b"tahun",
        ] {
            assert_eq!(
                tahun(bad),
                Err(Problem::Malformed(Expected::Tahun)),
                "{bad:?}"
            );
        }
    }
}
