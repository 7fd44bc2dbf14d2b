//! Verification funnels per region: a region's own funnel from `verval.csv`, or the sum of the
//! funnels of the regions below it when it has none of its own. Pure.

use rustc_hash::FxHashMap;

use crate::data::verval::corong;
use crate::data::{Dataset, ProgramId, WilayahId};

/// One funnel of one region: one programme in one period.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Corong {
    /// The period, as written (`2022`).
    pub periode: String,
    /// The programme.
    pub program: ProgramId,
    /// The steps, first to last, each with how many remained.
    pub langkah: Vec<(String, u64)>,
    /// The note given with it (`Angka ilustratif`), or empty.
    pub catatan: String,
    /// How many regions below were added up; 0 for a region's own funnel.
    pub dijumlahkan: usize,
}

impl Corong {
    /// What remained at the last step as a share of the first (`None` when the first is 0).
    pub fn sisa(&self) -> Option<f64> {
        let (first, last) = (self.langkah.first()?.1, self.langkah.last()?.1);
        (first > 0).then(|| last as f64 / first as f64)
    }
}

/// Every region's funnels, by programme then period. A region with its own funnel for a
/// programme × period shows it; a region without one shows the sum of the nearest funnels
/// below it ([`super::sendiri_atau_jumlah`]), those whose steps are the same as the first of
/// them in code order (different steps are reported by `data::verval::periksa` and left out of
/// the sum).
pub fn per_wilayah(ds: &Dataset) -> FxHashMap<WilayahId, Vec<Corong>> {
    let mut sendiri: FxHashMap<(WilayahId, (&str, ProgramId)), Corong> = FxHashMap::default();
    for f in corong(&ds.verval) {
        let first = &ds.verval[f[0]];
        let catatan = f
            .iter()
            .map(|&i| ds.verval[i].catatan.as_str())
            .find(|c| !c.is_empty())
            .unwrap_or_default();
        sendiri.insert(
            (first.wilayah, (first.periode.as_str(), first.program)),
            Corong {
                periode: first.periode.clone(),
                program: first.program,
                langkah: f
                    .iter()
                    .map(|&i| (ds.verval[i].langkah.clone(), ds.verval[i].jumlah))
                    .collect(),
                catatan: catatan.to_string(),
                dijumlahkan: 0,
            },
        );
    }
    let semua = super::sendiri_atau_jumlah(
        ds,
        sendiri,
        |c: &Corong| Corong {
            langkah: c.langkah.iter().map(|(n, _)| (n.clone(), 0)).collect(),
            catatan: String::new(),
            dijumlahkan: 0,
            ..c.clone()
        },
        |sum: &mut Corong, c: &Corong| {
            let same = sum.langkah.len() == c.langkah.len()
                && sum
                    .langkah
                    .iter()
                    .zip(&c.langkah)
                    .all(|(a, b)| a.0.eq_ignore_ascii_case(&b.0));
            if same {
                for (s, (_, n)) in sum.langkah.iter_mut().zip(&c.langkah) {
                    s.1 = s.1.saturating_add(*n);
                }
                sum.dijumlahkan += 1;
                if sum.catatan.is_empty() {
                    sum.catatan = c.catatan.clone();
                }
            }
        },
    );
    let mut per: FxHashMap<WilayahId, Vec<Corong>> = FxHashMap::default();
    for ((w, _), c) in semua {
        per.entry(w).or_default().push(c);
    }
    for list in per.values_mut() {
        list.sort_by(|a, b| (a.program, &a.periode).cmp(&(b.program, &b.periode)));
    }
    per
}
