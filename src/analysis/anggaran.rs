//! Budgets (`data/anggaran.csv`) over the region tree, and the rupiah paid against them
//! (absorption, `serapan`). Pure.
//!
//! A region's budget for a programme and year is its own row when it has one; otherwise the
//! sum of its children's budgets where they have one (each child's own row, or its own sum),
//! and the page says when that sum covers only some of its children. A region with its own
//! row whose children's budgets add up to more is a warning naming both: one of them is wrong,
//! but which one only the operator knows. The whole site's is the sum of the top regions'.
//!
//! Rupiah paid is read from the cells the analysis already summed (`Rekap`), per programme and
//! the year of each tahap's start: a few additions per cell of the page's region.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::{Angka, Kunci, Rupiah};
use crate::data::anggaran::FILE;
use crate::data::sumber_angka::{Cakupan, JenisAngka};
use crate::data::{Dataset, ProgramId, TahapId, WilayahId};
use crate::diagnostics::{Diagnostic, Diagnostics, Problem, Severity};

/// One budget row as the roll-up reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarisPagu {
    /// The region.
    pub wilayah: WilayahId,
    /// The programme.
    pub program: ProgramId,
    /// The year.
    pub tahun: u16,
    /// The budget.
    pub pagu: u64,
    /// What is said of where it comes from: a row of `sumber_angka.csv`, if any.
    pub asal: Option<usize>,
}

/// A region's budget for one programme and year.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pagu {
    /// The programme.
    pub program: ProgramId,
    /// The year.
    pub tahun: u16,
    /// The budget: the region's own row, else the sum of its children's.
    pub pagu: u64,
    /// Whether it is the region's own row.
    pub sendiri: bool,
    /// For a sum: how many children have a budget, and how many children there are; (0, 0)
    /// for a region's own row.
    pub anak: (usize, usize),
    /// What is said of where the rows it is made from come from (rows of
    /// `sumber_angka.csv`, `None` for a row nothing is said of), each once, sorted.
    pub asal: Vec<Option<usize>>,
}

impl Pagu {
    /// Whether it is a sum over only some of the region's children.
    pub fn sebagian(&self) -> bool {
        !self.sendiri && self.anak.0 < self.anak.1
    }
}

/// Every region's budgets: those with one (own or summed), sorted by programme and year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anggaran {
    /// Per region.
    pub wilayah: FxHashMap<WilayahId, Vec<Pagu>>,
    /// The whole site's: the sum of the top regions'.
    pub total: Vec<Pagu>,
}

impl Anggaran {
    /// The budgets of region `w` (the whole site for `None`).
    pub fn untuk(&self, w: Option<WilayahId>) -> &[Pagu] {
        match w {
            Some(w) => self.wilayah.get(&w).map_or(&[], Vec::as_slice),
            None => &self.total,
        }
    }
}

/// A region whose own budget is smaller than its children's sum: the index of its row in
/// the rows given to [`gulung`], the children's sum and the children that have one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Melebihi {
    /// The row (index into the rows given).
    pub baris: usize,
    /// The children's budgets, summed.
    pub jumlah_anak: u64,
    /// The children with a budget, in tree order.
    pub anak: Vec<WilayahId>,
}

/// The state of one region for one programme and year while the tree is rolled up.
#[derive(Default)]
struct Keadaan {
    sendiri: Option<(usize, u64)>,
    jumlah_anak: Option<u64>,
    anak: Vec<WilayahId>,
    asal_anak: Vec<Option<usize>>,
}

/// Rolls the budget rows `baris` up the tree: `induk` gives a region's parent, `jumlah_anak`
/// how many children a region has (the whole site's top regions for `None`). Rows of one
/// region, programme and year are given once (the reader refuses a second). Regions are
/// numbered so that a parent comes before its descendants (the tree sorted by code), so
/// taking the highest-numbered region left always finishes its children first. Only the
/// ancestors of the rows are visited: rows × depth, never the whole tree. A sum that would
/// overflow `u64` (not possible once the reader has checked the column's total) leaves the
/// region without a budget rather than a wrong one.
pub fn gulung(
    baris: &[BarisPagu],
    induk: impl Fn(WilayahId) -> Option<WilayahId>,
    jumlah_anak: impl Fn(Option<WilayahId>) -> usize,
) -> (Anggaran, Vec<Melebihi>) {
    let mut per: BTreeMap<(ProgramId, u16), BTreeMap<WilayahId, Keadaan>> = BTreeMap::new();
    for (i, b) in baris.iter().enumerate() {
        per.entry((b.program, b.tahun))
            .or_default()
            .entry(b.wilayah)
            .or_default()
            .sendiri = Some((i, b.pagu));
    }
    let mut out = Anggaran::default();
    let mut melebihi = Vec::new();
    for ((program, tahun), mut keadaan) in per {
        let mut akar = Keadaan::default();
        while let Some((w, k)) = keadaan.pop_last() {
            let asal_sendiri = k.sendiri.map(|(i, _)| baris[i].asal);
            if let (Some((i, pagu)), Some(jumlah)) = (k.sendiri, k.jumlah_anak)
                && jumlah > pagu
            {
                melebihi.push(Melebihi {
                    baris: i,
                    jumlah_anak: jumlah,
                    anak: k.anak.iter().rev().copied().collect(),
                });
            }
            let pagu = match k.sendiri {
                Some((_, p)) => Some(Pagu {
                    program,
                    tahun,
                    pagu: p,
                    sendiri: true,
                    anak: (0, 0),
                    asal: vec![asal_sendiri.flatten()],
                }),
                None => k.jumlah_anak.map(|jumlah| {
                    let mut asal = k.asal_anak.clone();
                    asal.sort();
                    asal.dedup();
                    Pagu {
                        program,
                        tahun,
                        pagu: jumlah,
                        sendiri: false,
                        anak: (k.anak.len(), jumlah_anak(Some(w))),
                        asal,
                    }
                }),
            };
            let Some(pagu) = pagu else {
                continue;
            };
            let atas = match induk(w) {
                Some(p) => keadaan.entry(p).or_default(),
                None => &mut akar,
            };
            tambah(atas, w, &pagu);
            out.wilayah.entry(w).or_default().push(pagu);
        }
        if let Some(jumlah) = akar.jumlah_anak {
            let mut asal = akar.asal_anak;
            asal.sort();
            asal.dedup();
            out.total.push(Pagu {
                program,
                tahun,
                pagu: jumlah,
                sendiri: false,
                anak: (akar.anak.len(), jumlah_anak(None)),
                asal,
            });
        }
    }
    melebihi.sort_by_key(|m| m.baris);
    (out, melebihi)
}

/// Adds a child's budget into its parent's sum; a sum that overflows is unknown for good.
fn tambah(atas: &mut Keadaan, w: WilayahId, pagu: &Pagu) {
    let sebelum = match (&atas.jumlah_anak, atas.anak.is_empty()) {
        (Some(j), _) => Some(*j),
        (None, true) => Some(0),
        (None, false) => None,
    };
    atas.jumlah_anak = sebelum.and_then(|j| j.checked_add(pagu.pagu));
    atas.anak.push(w);
    atas.asal_anak.extend(pagu.asal.iter().copied());
}

/// Rupiah paid per programme and year of the tahap's start, from a region's cells `sel`
/// (sorted by programme, then tahap); `tahun` gives a tahap's year. A programme × year with
/// payments some rows of which had no amount is incomplete ([`Rupiah::lengkap`]).
pub fn tersalur_per_tahun(
    sel: &[(Kunci, Angka)],
    tahun: impl Fn(TahapId) -> u16,
) -> Vec<(ProgramId, u16, Rupiah)> {
    let mut out: Vec<(ProgramId, u16, Rupiah)> = Vec::new();
    for (k, a) in sel {
        let t = tahun(k.tahap);
        match out.iter_mut().find(|(p, y, _)| *p == k.program && *y == t) {
            Some((_, _, r)) => r.merge(&a.tersalur_nilai),
            None => out.push((k.program, t, a.tersalur_nilai)),
        }
    }
    out.sort_by_key(|(p, t, _)| (*p, *t));
    out
}

/// The rupiah paid of `program` in year `tahun` from [`tersalur_per_tahun`]'s list: 0 when
/// nothing was paid (a budget not yet spent), `None` when some payment had no amount.
pub fn tersalur(list: &[(ProgramId, u16, Rupiah)], program: ProgramId, tahun: u16) -> Option<u64> {
    match list.binary_search_by_key(&(program, tahun), |(p, t, _)| (*p, *t)) {
        Ok(i) => list[i].2.lengkap(),
        Err(_) => Some(0),
    }
}

/// Paid over budget; `None` without a budget (0) or with the rupiah paid unknown: never a
/// division by zero.
pub fn serapan(tersalur: Option<u64>, pagu: u64) -> Option<f64> {
    match tersalur {
        Some(t) if pagu > 0 => Some(t as f64 / pagu as f64),
        _ => None,
    }
}

/// The row of `sumber_angka.csv` that speaks of the budget of `program` in region `w`: the
/// nearest region's (walking up the tree), then one that says `angka = pagu` before one
/// that speaks of every figure (a site marking its allocations `rincian` at the kota must not
/// hide what it says of the budgets), then one that names the programme, then one that says
/// `total` or `rincian`; a row that names a tahap or a penyalur speaks of cells, not of a
/// year's budget.
pub fn asal_pagu(ds: &Dataset, w: WilayahId, program: ProgramId) -> Option<usize> {
    if ds.sumber_angka.is_empty() {
        return None;
    }
    let mut at = Some(w);
    while let Some(a) = at {
        let best = ds
            .sumber_angka
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.wilayah == a
                    && r.angka.berisi(JenisAngka::Pagu)
                    && r.tahap.is_none()
                    && r.penyalur.is_none()
                    && r.program.is_none_or(|x| x == program)
                    && match r.cakupan {
                        Cakupan::Semua => true,
                        Cakupan::Total => a == w,
                        Cakupan::Rincian => a != w,
                    }
            })
            .max_by_key(|(i, r)| {
                (
                    r.angka.jumlah() == 1,
                    r.program.is_some(),
                    r.cakupan != Cakupan::Semua,
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(i, _)| i);
        if best.is_some() {
            return best;
        }
        at = ds.wilayah.node(a).induk;
    }
    None
}

/// The budgets of `anggaran.csv` rolled up the tree ([`gulung`]), with a warning for each
/// region whose own budget is smaller than its children's sum.
pub fn hitung(ds: &Dataset) -> (Anggaran, Diagnostics) {
    let mut masalah = Diagnostics::new();
    if ds.anggaran.is_empty() {
        return (Anggaran::default(), masalah);
    }
    let baris: Vec<BarisPagu> = ds
        .anggaran
        .iter()
        .map(|r| BarisPagu {
            wilayah: r.wilayah,
            program: r.program,
            tahun: r.tahun,
            pagu: r.pagu,
            asal: asal_pagu(ds, r.wilayah, r.program),
        })
        .collect();
    let tree = &ds.wilayah;
    let (anggaran, melebihi) = gulung(
        &baris,
        |w| tree.node(w).induk,
        |w| match w {
            Some(w) => tree.node(w).anak.len(),
            None => tree.akar.len(),
        },
    );
    let nama = |w: WilayahId| {
        let n = tree.node(w);
        format!("{} ({})", n.nama, n.kode_teks)
    };
    for m in melebihi {
        let r = &ds.anggaran[m.baris];
        let mut d = Diagnostic::error(
            ds.tempat(FILE),
            r.baris,
            r.kolom_pagu,
            Some(&r.pagu.to_string()),
            Problem::PaguAnakMelebihi {
                wilayah: nama(r.wilayah),
                program: format!("{} {}", ds.program[r.program.indeks()].kode, r.tahun),
                jumlah_anak: m.jumlah_anak,
                anak: m
                    .anak
                    .iter()
                    .map(|&c| nama(c))
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        );
        d.severity = Severity::Warning;
        masalah.push(d);
    }
    (anggaran, masalah)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(i: usize) -> WilayahId {
        WilayahId::baru(i).unwrap()
    }
    fn p(i: usize) -> ProgramId {
        ProgramId::baru(i).unwrap()
    }

    /// 0 = kota with children 1, 2, 3; 1 has children 4, 5.
    fn induk(x: WilayahId) -> Option<WilayahId> {
        match x.indeks() {
            0 => None,
            1..=3 => Some(w(0)),
            _ => Some(w(1)),
        }
    }
    fn jumlah_anak(x: Option<WilayahId>) -> usize {
        match x.map(|x| x.indeks()) {
            None => 1,
            Some(0) => 3,
            Some(1) => 2,
            _ => 0,
        }
    }
    fn baris(wil: usize, pagu: u64) -> BarisPagu {
        BarisPagu {
            wilayah: w(wil),
            program: p(0),
            tahun: 2021,
            pagu,
            asal: None,
        }
    }

    #[test]
    fn own_row_wins_and_sums_roll_up() {
        let (a, lebih) = gulung(
            &[baris(4, 100), baris(5, 50), baris(2, 30)],
            induk,
            jumlah_anak,
        );
        assert!(lebih.is_empty());
        assert_eq!(a.untuk(Some(w(1)))[0].pagu, 150);
        assert_eq!(a.untuk(Some(w(1)))[0].anak, (2, 2));
        assert!(!a.untuk(Some(w(1)))[0].sebagian());
        // the kota: 1 (summed) and 2 (own), not 3
        let kota = &a.untuk(Some(w(0)))[0];
        assert_eq!((kota.pagu, kota.anak, kota.sendiri), (180, (2, 3), false));
        assert!(kota.sebagian());
        assert_eq!(a.untuk(None)[0].pagu, 180);
        assert!(a.untuk(Some(w(3))).is_empty());
    }

    #[test]
    fn own_row_smaller_than_children_is_a_warning_and_still_shown() {
        let (a, lebih) = gulung(
            &[baris(0, 100), baris(1, 80), baris(2, 40)],
            induk,
            jumlah_anak,
        );
        assert_eq!(
            lebih,
            vec![Melebihi {
                baris: 0,
                jumlah_anak: 120,
                anak: vec![w(1), w(2)],
            }]
        );
        assert_eq!(a.untuk(Some(w(0)))[0].pagu, 100);
        assert!(a.untuk(Some(w(0)))[0].sendiri);
        // equal or smaller: fine
        let (_, lebih) = gulung(
            &[baris(0, 120), baris(1, 80), baris(2, 40)],
            induk,
            jumlah_anak,
        );
        assert!(lebih.is_empty());
    }

    #[test]
    fn overflow_leaves_the_sum_unknown() {
        let (a, _) = gulung(&[baris(4, u64::MAX), baris(5, 1)], induk, jumlah_anak);
        assert!(a.untuk(Some(w(1))).is_empty());
        assert!(a.untuk(Some(w(0))).is_empty());
    }

    #[test]
    fn years_and_programmes_apart() {
        let mut b = baris(4, 10);
        b.tahun = 2022;
        let mut c = baris(4, 7);
        c.program = p(1);
        let (a, _) = gulung(&[baris(4, 5), b, c], induk, jumlah_anak);
        let got: Vec<(ProgramId, u16, u64)> = a
            .untuk(Some(w(0)))
            .iter()
            .map(|x| (x.program, x.tahun, x.pagu))
            .collect();
        assert_eq!(
            got,
            vec![(p(0), 2021, 5), (p(0), 2022, 10), (p(1), 2021, 7)]
        );
    }

    #[test]
    fn paid_and_absorption() {
        let t = |i: usize| TahapId::baru(i).unwrap();
        let sel = |prog: usize, tahap: usize, jumlah: u64, tanpa: u64| {
            (
                Kunci {
                    program: p(prog),
                    tahap: t(tahap),
                    penyalur: Default::default(),
                },
                Angka {
                    tersalur_nilai: Rupiah {
                        jumlah,
                        tanpa_nilai: tanpa,
                    },
                    ..Angka::default()
                },
            )
        };
        // tahap 0 and 1 start in 2021, tahap 2 in 2022
        let tahun = |x: TahapId| if x.indeks() < 2 { 2021 } else { 2022 };
        let list = tersalur_per_tahun(
            &[
                sel(0, 0, 300, 0),
                sel(0, 1, 200, 0),
                sel(0, 2, 9, 0),
                sel(1, 0, 5, 1),
            ],
            tahun,
        );
        assert_eq!(tersalur(&list, p(0), 2021), Some(500));
        assert_eq!(tersalur(&list, p(0), 2022), Some(9));
        // a budget with nothing paid yet: 0, not unknown
        assert_eq!(tersalur(&list, p(0), 2023), Some(0));
        // some payment without an amount: unknown
        assert_eq!(tersalur(&list, p(1), 2021), None);
        assert_eq!(serapan(Some(500), 1000), Some(0.5));
        assert_eq!(serapan(Some(0), 1000), Some(0.0));
        assert_eq!(serapan(Some(500), 0), None);
        assert_eq!(serapan(None, 1000), None);
    }
}
