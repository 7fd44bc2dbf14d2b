//! Households per DTSEN decile per region: a region's own distribution from `desil.csv`, or
//! the sum of the nearest ones below it. Pure.

use rustc_hash::FxHashMap;

use crate::data::{Dataset, WilayahId};

/// One region's households over the ten deciles in one period.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SebaranDesil {
    /// The period, as written (`2025`).
    pub periode: String,
    /// Households in deciles 1 to 10.
    pub kk: [u64; 10],
    /// The note given with it, or empty.
    pub catatan: String,
    /// How many regions below were added up; 0 for a region's own figures.
    pub dijumlahkan: usize,
}

/// Every region's distributions, by period. Rows of one region, period and decile add up.
pub fn per_wilayah(ds: &Dataset) -> FxHashMap<WilayahId, Vec<SebaranDesil>> {
    // each region's own distributions
    let mut own: FxHashMap<(WilayahId, &str), SebaranDesil> = FxHashMap::default();
    for d in &ds.desil {
        let s = own
            .entry((d.wilayah, d.periode.as_str()))
            .or_insert_with(|| SebaranDesil {
                periode: d.periode.clone(),
                kk: [0; 10],
                catatan: String::new(),
                dijumlahkan: 0,
            });
        let slot = &mut s.kk[usize::from(d.desil.clamp(1, 10)) - 1];
        *slot = slot.saturating_add(d.kk);
        if s.catatan.is_empty() {
            s.catatan = d.catatan.clone();
        }
    }
    let out = super::sendiri_atau_jumlah(
        ds,
        own,
        |s: &SebaranDesil| SebaranDesil {
            periode: s.periode.clone(),
            kk: [0; 10],
            catatan: String::new(),
            dijumlahkan: 0,
        },
        |sum: &mut SebaranDesil, s: &SebaranDesil| {
            for (t, v) in sum.kk.iter_mut().zip(s.kk) {
                *t = t.saturating_add(v);
            }
            sum.dijumlahkan += 1;
            if sum.catatan.is_empty() {
                sum.catatan = s.catatan.clone();
            }
        },
    );
    let mut per: FxHashMap<WilayahId, Vec<SebaranDesil>> = FxHashMap::default();
    for ((w, _), s) in out {
        per.entry(w).or_default().push(s);
    }
    for list in per.values_mut() {
        list.sort_by(|a, b| a.periode.cmp(&b.periode));
    }
    per
}
