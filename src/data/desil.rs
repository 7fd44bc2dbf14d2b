//! `data/desil.csv`: households per DTSEN welfare decile (1 = poorest, 10 = richest) of a
//! region in a period. Programmes that select their recipients by decile say so with
//! `desil_maks` in `program.csv` (Kota Probolinggo sets BLT-S Kesra candidates from DTSEN).

use super::table::{Columns, report, required_text, text};
use std::path::Path;

use super::{Dataset, Loader, WilayahId, value};
use crate::diagnostics::{Diagnostics, Expected};

const FILE: &str = "data/desil.csv";

pub(super) const DESIL: Columns = Columns {
    required: &["periode", "kode_wilayah", "desil", "kk"],
    optional: &["catatan"],
};

/// Households of one region in one decile.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Desil {
    /// The period, as written (`2025`).
    pub periode: String,
    /// The region.
    pub wilayah: WilayahId,
    /// The decile, 1 to 10.
    pub desil: u8,
    /// Households (KK).
    pub kk: u64,
    /// A note shown with the distribution (`Angka ilustratif`), or empty.
    pub catatan: String,
}

impl Loader {
    pub(super) fn desil(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        // the column's total (see `JUMLAH_MAKS`): deciles are summed up the tree
        let mut jumlah_kk = super::Jumlah::default();
        ds.desil = self.baca_opsional(
            root,
            FILE,
            &DESIL,
            ds,
            diags,
            |tempat, row, diags, lookup, _| {
                let periode = required_text(tempat, row, 0, diags);
                let wilayah = lookup.wilayah_at(tempat, row, 1, diags);
                let desil = match value::desil(row.get(2)) {
                    Ok(d) => Some(d),
                    Err(p) => {
                        report(tempat, row, 2, p, diags);
                        None
                    }
                };
                let kk = match value::count(row.get(3), Expected::CountKk) {
                    Ok(n) => match jumlah_kk.tambah(n) {
                        Ok(()) => Some(n),
                        Err(sebelum) => {
                            diags.push(super::luap(tempat, row.line, row.column(3), n, sebelum));
                            None
                        }
                    },
                    Err(p) => {
                        report(tempat, row, 3, p, diags);
                        None
                    }
                };
                let catatan = text(tempat, row, 4, diags).unwrap_or_default();
                Some(Desil {
                    periode: periode?.trim().to_string(),
                    wilayah: wilayah?,
                    desil: desil?,
                    kk: kk?,
                    catatan: catatan.trim().to_string(),
                })
            },
        );
    }
}
