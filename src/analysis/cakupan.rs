//! Coverage against need: KPM paid by a programme that targets by DTSEN decile
//! (`desil_maks` in `program.csv`) against the households in the deciles it targets
//! (`desil.csv`), per region. Pure: it reads a region's [`Rekap`] and its decile
//! distributions ([`SebaranDesil`]), both already summed by the analysis, so a region page
//! pays a few additions per programme and child, nothing per row.
//!
//! The tahap is the programme's latest one (by start date) with any figures in the region
//! asked about; its children are measured on that same tahap, so a table compares like with
//! like. The decile period is the latest one not after the tahap's start (`periode` compared
//! as text with the start date written `YYYY-MM-DD`, so `2025` and `2025-03` both count as
//! known by `2025-10-01`); when every period is later, the earliest, the nearest in time.

use std::cmp::Ordering;

use super::Rekap;
use super::desil::SebaranDesil;
use crate::data::{ProgramId, TahapId};

/// One region's coverage by one programme in one tahap.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cakupan {
    /// KPM paid (`tersalur`) in the tahap.
    pub tersalur_kpm: u64,
    /// The decile period matched to the tahap, and the households in deciles
    /// `1..=desil_maks` in it; `None` when the region has no decile figures (unknown, never
    /// 0 %), or their sum overflows.
    pub sasaran: Option<(String, u64)>,
    /// How many regions below it the figures are summed from ([`hitung_sepadan`]): 0 when
    /// the region has decile figures of its own.
    pub dijumlahkan: usize,
}

impl Cakupan {
    /// Paid KPM over targeted households; `None` when unknown or there are no targeted
    /// households (a share of nothing is not a number).
    pub fn rasio(&self) -> Option<f64> {
        match self.sasaran {
            Some((_, kk)) if kk > 0 => Some(self.tersalur_kpm as f64 / kk as f64),
            _ => None,
        }
    }

    /// Worst covered first, unknown last: ratios compared exactly by cross-multiplying in
    /// `u128` (two `u64` products cannot overflow it), where `f64` would tie distinct
    /// ratios of counts above 2^53.
    pub fn banding(&self, other: &Cakupan) -> Ordering {
        let kunci = |c: &Cakupan| match c.sasaran {
            Some((_, kk)) if kk > 0 => Some((u128::from(c.tersalur_kpm), u128::from(kk))),
            _ => None,
        };
        match (kunci(self), kunci(other)) {
            (Some((a, b)), Some((c, d))) => (a * d).cmp(&(c * b)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
}

/// The programme's latest tahap with any figures in `rekap`, by `mulai` (the tahap's start
/// date, given by `mulai`), ties broken by position.
pub fn tahap_terakhir<D: Ord>(
    rekap: &Rekap,
    program: ProgramId,
    mulai: impl Fn(TahapId) -> D,
) -> Option<TahapId> {
    rekap
        .sel
        .iter()
        .filter(|(k, _)| k.program == program)
        .map(|(k, _)| k.tahap)
        .max_by_key(|&t| (mulai(t), t))
}

/// The distribution matched to a tahap starting on `mulai` (`YYYY-MM-DD`): the latest
/// period not after it, else the earliest. `sebaran` is sorted by period, as
/// [`super::desil::per_wilayah`] gives it.
pub fn periode_untuk<'a>(sebaran: &'a [SebaranDesil], mulai: &str) -> Option<&'a SebaranDesil> {
    sebaran
        .iter()
        .rev()
        .find(|s| s.periode.as_str() <= mulai)
        .or_else(|| sebaran.first())
}

/// Households in deciles `1..=desil_maks` of a distribution; `None` if the sum overflows.
pub fn kk_sasaran(s: &SebaranDesil, desil_maks: u8) -> Option<u64> {
    let n = usize::from(desil_maks.clamp(1, 10));
    s.kk[..n].iter().try_fold(0u64, |a, &k| a.checked_add(k))
}

/// One region's coverage: KPM paid by `program` in `tahap` from its `rekap`, against the
/// households in deciles `1..=desil_maks` of its distribution matched to the tahap's start
/// `mulai` (`YYYY-MM-DD`).
pub fn hitung(
    rekap: &Rekap,
    sebaran: Option<&[SebaranDesil]>,
    program: ProgramId,
    tahap: TahapId,
    mulai: &str,
    desil_maks: u8,
) -> Cakupan {
    let tersalur_kpm = rekap.angka(program, tahap).tersalur_kpm;
    let sasaran = sebaran
        .and_then(|s| periode_untuk(s, mulai))
        .and_then(|s| Some((s.periode.clone(), kk_sasaran(s, desil_maks)?)));
    Cakupan {
        tersalur_kpm,
        sasaran,
        dijumlahkan: 0,
    }
}

/// A region's coverage over the same regions above and below the line: with decile figures
/// of its own, its KPM against them ([`hitung`]); with figures summed from the nearest
/// regions below that have their own (as [`super::desil::per_wilayah`] sums them), the KPM of
/// exactly those regions against their households, so that KPM paid where no deciles are known
/// never counts against households it was not paid to (a city with deciles for three of its
/// four kecamatan is not "98,9 % covered" by the KPM of all four). `anak` gives a region's
/// children, `rekap` its figures, `sebaran` its distributions.
#[allow(clippy::too_many_arguments)]
pub fn hitung_sepadan<'a>(
    w: crate::data::WilayahId,
    anak: &dyn Fn(crate::data::WilayahId) -> &'a [crate::data::WilayahId],
    rekap: &dyn Fn(crate::data::WilayahId) -> &'a Rekap,
    sebaran: &dyn Fn(crate::data::WilayahId) -> Option<&'a [SebaranDesil]>,
    program: ProgramId,
    tahap: TahapId,
    mulai: &str,
    desil_maks: u8,
) -> Cakupan {
    let sendiri = sebaran(w);
    match sendiri.and_then(|s| periode_untuk(s, mulai)) {
        Some(s) if s.dijumlahkan > 0 => {
            let mut tersalur_kpm = 0u64;
            let mut kk = Some(0u64);
            let mut dijumlahkan = 0usize;
            for &c in anak(w) {
                let sub =
                    hitung_sepadan(c, anak, rekap, sebaran, program, tahap, mulai, desil_maks);
                let Some((_, k)) = sub.sasaran else {
                    continue;
                };
                tersalur_kpm = tersalur_kpm.saturating_add(sub.tersalur_kpm);
                kk = kk.and_then(|t| t.checked_add(k));
                dijumlahkan += sub.dijumlahkan.max(1);
            }
            Cakupan {
                tersalur_kpm,
                sasaran: kk.map(|k| (s.periode.clone(), k)),
                dijumlahkan,
            }
        }
        _ => hitung(rekap(w), sendiri, program, tahap, mulai, desil_maks),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Angka, Kunci};
    use crate::data::PenyalurId;

    fn sebaran(periode: &str, kk: [u64; 10]) -> SebaranDesil {
        SebaranDesil {
            periode: periode.to_string(),
            kk,
            catatan: String::new(),
            dijumlahkan: 0,
        }
    }

    fn rekap(cells: &[(usize, usize, usize, u64)]) -> Rekap {
        let mut sel: Vec<(Kunci, Angka)> = cells
            .iter()
            .map(|&(p, t, py, n)| {
                (
                    Kunci {
                        program: ProgramId::baru(p).unwrap(),
                        tahap: TahapId::baru(t).unwrap(),
                        penyalur: PenyalurId::baru(py).unwrap(),
                    },
                    Angka {
                        tersalur_kpm: n,
                        ..Angka::default()
                    },
                )
            })
            .collect();
        sel.sort_by_key(|(k, _)| *k);
        Rekap {
            sel,
            gagal: Vec::new(),
        }
    }

    #[test]
    fn paid_over_the_targeted_deciles_of_the_matched_period() {
        let p = ProgramId::baru(1).unwrap();
        let t = TahapId::baru(2).unwrap();
        let r = rekap(&[(1, 2, 0, 300), (1, 2, 1, 50), (1, 1, 0, 999), (0, 2, 0, 7)]);
        let s = [
            sebaran("2024", [100, 200, 300, 0, 0, 0, 0, 0, 0, 9]),
            sebaran("2025", [400, 300, 200, 100, 0, 0, 0, 0, 0, 1]),
            sebaran("2026", [1; 10]),
        ];
        let c = hitung(&r, Some(&s), p, t, "2025-10-01", 3);
        assert_eq!(c.tersalur_kpm, 350);
        assert_eq!(c.sasaran, Some(("2025".to_string(), 900)));
        assert_eq!(c.rasio(), Some(350.0 / 900.0));
        // every period after the tahap: the earliest
        let c = hitung(&r, Some(&s), p, t, "2023-01-01", 1);
        assert_eq!(c.sasaran, Some(("2024".to_string(), 100)));
        // no deciles: unknown, not 0 %
        let c = hitung(&r, None, p, t, "2025-10-01", 3);
        assert_eq!((c.rasio(), c.sasaran), (None, None));
        let c = hitung(&r, Some(&[]), p, t, "2025-10-01", 3);
        assert_eq!(c.rasio(), None);
        // no targeted households: no ratio
        let c = hitung(&r, Some(&s), p, t, "2025-10-01", 10);
        assert_eq!(c.sasaran.as_ref().map(|s| s.1), Some(1001));
        let zero = [sebaran("2025", [0, 0, 0, 0, 0, 0, 0, 0, 0, 5])];
        assert_eq!(hitung(&r, Some(&zero), p, t, "2025", 2).rasio(), None);
    }

    #[test]
    fn the_latest_tahap_with_figures_by_start_date() {
        let r = rekap(&[(1, 0, 0, 1), (1, 3, 0, 1), (1, 1, 0, 1), (2, 5, 0, 1)]);
        let p = ProgramId::baru(1).unwrap();
        // tahap 1 starts last
        let mulai = |t: TahapId| [10, 20, 99, 30, 0, 0][t.indeks()];
        assert_eq!(tahap_terakhir(&r, p, mulai), TahapId::baru(3));
        let mulai = |t: TahapId| [10, 40, 99, 30, 0, 0][t.indeks()];
        assert_eq!(tahap_terakhir(&r, p, mulai), TahapId::baru(1));
        assert_eq!(tahap_terakhir(&r, ProgramId::baru(0).unwrap(), mulai), None);
    }

    #[test]
    fn overflow_prone_values_stay_exact_or_unknown() {
        let max = u64::MAX;
        // the targeted sum overflows: unknown, never a wrapped small number
        let s = sebaran("2025", [max, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(kk_sasaran(&s, 2), None);
        assert_eq!(kk_sasaran(&s, 1), Some(max));
        // a `desil_maks` out of range is read as 1..=10
        assert_eq!(kk_sasaran(&sebaran("x", [1; 10]), 0), Some(1));
        assert_eq!(kk_sasaran(&sebaran("x", [1; 10]), 200), Some(10));
        let c = |t: u64, kk: u64| Cakupan {
            tersalur_kpm: t,
            sasaran: Some((String::new(), kk)),
            dijumlahkan: 0,
        };
        // (2^64−1)/(2^64−2) is above 1, (2^64−2)/(2^64−1) below: f64 sees both as 1.0
        let atas = c(max, max - 1);
        let bawah = c(max - 1, max);
        assert_eq!(atas.rasio(), bawah.rasio());
        assert_eq!(bawah.banding(&atas), Ordering::Less);
        assert_eq!(atas.banding(&bawah), Ordering::Greater);
        assert_eq!(c(max, max).banding(&c(1, 1)), Ordering::Equal);
        let tahu = c(0, 5);
        let tidak = Cakupan {
            tersalur_kpm: 0,
            sasaran: None,
            dijumlahkan: 0,
        };
        let nol = c(5, 0);
        assert_eq!(tahu.banding(&tidak), Ordering::Less);
        assert_eq!(tidak.banding(&tahu), Ordering::Greater);
        assert_eq!(nol.banding(&tidak), Ordering::Equal);
        assert_eq!(nol.rasio(), None);
        assert_eq!(c(max, 1).rasio(), Some(max as f64));
    }
}
