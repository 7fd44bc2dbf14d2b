//! Budget against payment on a page: per programme and year, the budget (`pagu`,
//! `data/anggaran.csv`, rolled up by [`crate::analysis::anggaran`]), the rupiah paid in the
//! tahap that start in that year and their ratio (absorption, `serapan`). A region page and
//! the home page show their own; a programme page shows the whole site's and the
//! kabupaten/kota's (the regions its tables show), lowest absorption first.
//!
//! Rupiah paid is read from the region's `Rekap` cells, a few additions per cell, so a region
//! page's fingerprint needs only its budgets beyond the `rekap` it already hashes.

use std::cmp::Ordering;

use serde::Serialize;

use super::Situs;
use super::asal::BarisAsal;
use super::bagian::Tautan;
use crate::analysis::Rekap;
use crate::analysis::anggaran::{self, Pagu};
use crate::data::{ProgramId, TahapId, WilayahId};
use crate::format::ribuan;

/// The budget section of a page.
#[derive(Debug, Clone, Serialize)]
pub struct BagianAnggaran {
    /// Anchor (`anggaran`, `anggaran-bst`).
    pub id: String,
    /// The table's caption.
    pub judul: String,
    /// Whether the rows are regions of one programme (a programme page) rather than the
    /// programmes of one region.
    pub per_wilayah: bool,
    /// The rows.
    pub baris: Vec<BarisAnggaran>,
    /// What a sum over only some of the regions below leaves out, one sentence per row.
    pub catatan: Vec<String>,
    /// Where the budgets come from (`data/sumber_angka.csv` with `angka = pagu`).
    pub asal: Vec<BarisAsal>,
}

/// One programme × year of one region.
#[derive(Debug, Clone, Serialize)]
pub struct BarisAnggaran {
    /// The programme, linked to its page.
    pub program: Tautan,
    /// The region (on a programme page); its link is empty for the whole site.
    pub wilayah: Option<Tautan>,
    /// The year.
    pub tahun: u16,
    /// The budget, in rupiah.
    pub pagu: u64,
    /// Rupiah paid in the tahap that start in the year; `None` when some payment had no
    /// amount.
    pub tersalur: Option<u64>,
    /// Paid over budget; `None` when unknown or the budget is 0.
    pub serapan: Option<f64>,
}

/// Lowest absorption first, unknown last: ratios compared exactly by cross-multiplying in
/// `u128` (two `u64` products cannot overflow it).
fn banding(a: &BarisAnggaran, b: &BarisAnggaran) -> Ordering {
    let kunci = |x: &BarisAnggaran| match x.tersalur {
        Some(t) if x.pagu > 0 => Some((u128::from(t), u128::from(x.pagu))),
        _ => None,
    };
    match (kunci(a), kunci(b)) {
        (Some((p, q)), Some((r, s))) => (p * s).cmp(&(r * q)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

impl Situs<'_> {
    /// The year a tahap's payments count in: the year it starts.
    fn tahun_tahap(&self, t: TahapId) -> u16 {
        u16::try_from(self.data.tahap[t.indeks()].mulai.year()).unwrap_or_default()
    }

    /// Rupiah paid per programme and year in `rekap`.
    fn tersalur_tahunan(&self, rekap: &Rekap) -> Vec<(ProgramId, u16, crate::analysis::Rupiah)> {
        anggaran::tersalur_per_tahun(&rekap.sel, |t| self.tahun_tahap(t))
    }

    /// The rupiah paid that budget `pagu` of region `w` (the whole site for `None`) is set
    /// against: the region's own when the budget is its own row; for a sum of the budgets
    /// below it, the sum of what was paid in exactly those regions (each measured the same
    /// way), so that payments where no budget is known never count against a budget they were
    /// not made from (Jawa Timur with a budget for Kota Pasuruan only is not "185,7 %
    /// absorbed" by the payments of Kabupaten Tuban). Visits the budgets below, never a row.
    pub(super) fn tersalur_sepadan(&self, w: Option<WilayahId>, pagu: &Pagu) -> Option<u64> {
        if pagu.sendiri {
            let rekap = match w {
                Some(w) => &self.report.wilayah[w.indeks()],
                None => &self.report.total,
            };
            return anggaran::tersalur(&self.tersalur_tahunan(rekap), pagu.program, pagu.tahun);
        }
        let tree = &self.data.wilayah;
        let anak = match w {
            Some(w) => tree.node(w).anak.as_slice(),
            None => tree.akar.as_slice(),
        };
        let mut jumlah = 0u64;
        for &c in anak {
            let Some(x) = self
                .report
                .anggaran
                .untuk(Some(c))
                .iter()
                .find(|x| x.program == pagu.program && x.tahun == pagu.tahun)
            else {
                continue;
            };
            jumlah = jumlah.checked_add(self.tersalur_sepadan(Some(c), x)?)?;
        }
        Some(jumlah)
    }

    /// One row for budget `pagu` of region `w` (the whole site for `None`).
    fn baris_anggaran(
        &self,
        w: Option<WilayahId>,
        pagu: &Pagu,
        per_wilayah: bool,
    ) -> BarisAnggaran {
        let dibayar = self.tersalur_sepadan(w, pagu);
        BarisAnggaran {
            program: self.tautan_program(pagu.program),
            wilayah: per_wilayah.then(|| match w {
                Some(w) => self.tautan_wilayah(w),
                None => Tautan {
                    label: self.nama_cakupan(None),
                    href: String::new(),
                },
            }),
            tahun: pagu.tahun,
            pagu: pagu.pagu,
            tersalur: dibayar,
            serapan: anggaran::serapan(dibayar, pagu.pagu),
        }
    }

    /// The sentence for a budget summed over only some of the regions below.
    fn catatan_anggaran(&self, w: Option<WilayahId>, pagu: &Pagu) -> Option<String> {
        pagu.sebagian().then(|| {
            let lang = self.lang();
            self.kata.isi(
                "anggaran_sebagian",
                &[
                    ("program", &self.data.program[pagu.program.indeks()].kode),
                    ("tahun", &pagu.tahun.to_string()),
                    ("wilayah", &self.nama_cakupan(w)),
                    ("n", &ribuan(pagu.anak.0 as i64, lang)),
                    ("semua", &ribuan(pagu.anak.1 as i64, lang)),
                ],
            )
        })
    }

    /// Where the budgets `pagu` come from, each statement once with the budgets it speaks of.
    fn asal_anggaran<'p>(&self, pagu: impl Iterator<Item = &'p Pagu>) -> Vec<BarisAsal> {
        let mut per: Vec<(usize, Vec<String>)> = Vec::new();
        for p in pagu {
            let label = format!("{} {}", self.data.program[p.program.indeks()].kode, p.tahun);
            for i in p.asal.iter().flatten() {
                match per.iter_mut().find(|(x, _)| x == i) {
                    Some((_, list)) => {
                        if !list.contains(&label) {
                            list.push(label.clone());
                        }
                    }
                    None => per.push((*i, vec![label.clone()])),
                }
            }
        }
        per.sort_by_key(|(i, _)| *i);
        per.into_iter()
            .map(|(i, angka)| {
                let r = &self.data.sumber_angka[i];
                BarisAsal {
                    angka,
                    sifat: r.sifat.kode(),
                    label: self.label_sifat(Some(r.sifat)),
                    sumber: r.sumber.clone(),
                }
            })
            .collect()
    }

    /// The budget section of region `w`'s page (the home page for `None`) with figures
    /// `rekap`: its budgets per programme and year, when it has any.
    pub(super) fn anggaran_wilayah(&self, w: Option<WilayahId>) -> Option<BagianAnggaran> {
        let pagu = self.report.anggaran.untuk(w);
        if pagu.is_empty() {
            return None;
        }
        Some(BagianAnggaran {
            id: "anggaran".to_string(),
            judul: self
                .kata
                .isi("anggaran_tabel", &[("wilayah", &self.nama_cakupan(w))]),
            per_wilayah: false,
            baris: pagu
                .iter()
                .map(|p| self.baris_anggaran(w, p, false))
                .collect(),
            catatan: pagu
                .iter()
                .filter_map(|p| self.catatan_anggaran(w, p))
                .collect(),
            asal: self.asal_anggaran(pagu.iter()),
        })
    }

    /// The budget section of programme `p`'s page: per year with a budget, the whole site's
    /// row, then the kabupaten/kota with one, lowest absorption first.
    pub(super) fn anggaran_program(&self, p: ProgramId) -> Option<BagianAnggaran> {
        let total: Vec<&Pagu> = self
            .report
            .anggaran
            .untuk(None)
            .iter()
            .filter(|x| x.program == p)
            .collect();
        if total.is_empty() {
            return None;
        }
        let wilayah: Vec<WilayahId> = self
            .wilayah_ringkas()
            .into_iter()
            .filter(|&w| !self.report.anggaran.untuk(Some(w)).is_empty())
            .collect();
        let mut baris = Vec::new();
        let mut catatan = Vec::new();
        let mut dipakai: Vec<&Pagu> = Vec::new();
        for t in &total {
            baris.push(self.baris_anggaran(None, t, true));
            catatan.extend(self.catatan_anggaran(None, t));
            dipakai.push(t);
            let mut anak: Vec<BarisAnggaran> = Vec::new();
            for w in &wilayah {
                if let Some(x) = self
                    .report
                    .anggaran
                    .untuk(Some(*w))
                    .iter()
                    .find(|x| x.program == p && x.tahun == t.tahun)
                {
                    anak.push(self.baris_anggaran(Some(*w), x, true));
                    dipakai.push(x);
                }
            }
            // stable: equal absorption keeps the tree's (code) order
            anak.sort_by(banding);
            baris.extend(anak);
        }
        Some(BagianAnggaran {
            id: format!(
                "anggaran-{}",
                super::file_slug(&self.data.program[p.indeks()].kode)
            ),
            judul: self.kata.isi(
                "anggaran_tabel_program",
                &[("program", &self.data.program[p.indeks()].kode)],
            ),
            per_wilayah: true,
            baris,
            catatan,
            asal: self.asal_anggaran(dipakai.into_iter()),
        })
    }
}

impl Situs<'_> {
    /// What a region page's budget section shows, for its fingerprint: the section itself
    /// (a summed budget is set against the payments of regions further below than its
    /// children). Nothing when the region has no budget.
    pub(super) fn hash_anggaran(&self, w: WilayahId, h: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        let Some(b) = self.anggaran_wilayah(Some(w)) else {
            return;
        };
        for r in &b.baris {
            (&r.program.label, r.tahun, r.pagu, r.tersalur).hash(h);
        }
        b.catatan.hash(h);
        for a in &b.asal {
            (&a.angka, a.sifat, &a.sumber).hash(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn baris(tersalur: Option<u64>, pagu: u64) -> BarisAnggaran {
        BarisAnggaran {
            program: Tautan {
                label: String::new(),
                href: String::new(),
            },
            wilayah: None,
            tahun: 2021,
            pagu,
            tersalur,
            serapan: anggaran::serapan(tersalur, pagu),
        }
    }

    #[test]
    fn lowest_absorption_first_unknown_last() {
        let mut v = [
            baris(None, 10),
            baris(Some(9), 10),
            baris(Some(1), 0),
            baris(Some(1), 10),
        ];
        v.sort_by(banding);
        let got: Vec<(Option<u64>, u64)> = v.iter().map(|b| (b.tersalur, b.pagu)).collect();
        assert_eq!(
            got,
            vec![(Some(1), 10), (Some(9), 10), (None, 10), (Some(1), 0)]
        );
    }
}
