//! Paid KPM per day, for the realisation-over-time charts.
//!
//! Keeping a day-by-day series for every region at every level would cost memory in proportion
//! to regions × programmes × days. Instead the paid rows are kept once, grouped by the region
//! they name (a counting sort), and a region's series is summed on demand from the contiguous
//! block of itself and its descendants: regions are sorted by code, so a region's subtree is a
//! range of ids. A kelurahan page reads a few dozen entries, the national home page all of them.

use jiff::civil::Date;

use crate::data::{Dataset, ProgramId, Status, TahapId, WilayahId};

/// Paid KPM of one realisation row: programme, tahap and day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HariSalur {
    /// Stage.
    pub tahap: TahapId,
    /// Programme.
    pub program: ProgramId,
    /// The day, as days since 1970-01-01 ([`nomor_hari`]).
    pub hari: i32,
    /// KPM paid.
    pub kpm: u64,
}

impl HariSalur {
    /// A well-mixed hash of the entry, summed into its region's fingerprint.
    fn sidik(&self) -> u64 {
        let packed = (u64::from(self.tahap) << 48)
            ^ (u64::from(self.program) << 32)
            ^ u64::from(self.hari as u32);
        xxhash_rust::xxh3::xxh3_64_with_seed(&packed.to_le_bytes(), self.kpm)
    }
}

/// The day number of a date: days since 1970-01-01 (negative before). Cheaper than date
/// arithmetic, and what the per-day sums are indexed by.
pub fn nomor_hari(d: Date) -> i32 {
    // Howard Hinnant's days_from_civil
    let (y, m, day) = (
        i32::from(d.year()),
        i32::from(d.month()),
        i32::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The paid rows of every region, grouped by the region they name, with each subtree's extent
/// and a fingerprint of each subtree's entries.
#[derive(Debug, Clone, Default)]
pub struct Harian {
    /// Entries of region `w` are `entri[awal[w]..awal[w + 1]]`, in row order.
    awal: Vec<u32>,
    entri: Vec<HariSalur>,
    /// One past the last descendant of each region: a position (it can be the number of
    /// regions), not an id.
    ujung: Vec<usize>,
    /// A fingerprint of the entries of each region's subtree.
    sidik: Vec<u64>,
    /// The whole site's paid KPM per tahap, programme and day (the home, programme and tahap
    /// pages would otherwise sum every entry for every chart).
    total: Vec<TotalTahap>,
}

/// The whole site's paid KPM per programme and day of one tahap.
#[derive(Debug, Clone, Default)]
struct TotalTahap {
    /// The day number of the first day.
    awal: i32,
    /// The number of days.
    hari: usize,
    /// KPM at `program * hari + day`.
    kpm: Vec<u64>,
}

impl Harian {
    /// Groups the paid rows of `ds` by region.
    pub fn new(ds: &Dataset) -> Harian {
        let n = ds.wilayah.len();
        let mut count = vec![0u32; n + 1];
        for r in &ds.realisasi {
            if r.status == Status::Tersalur {
                count[r.wilayah.indeks() + 1] += 1;
            }
        }
        for i in 1..=n {
            count[i] += count[i - 1];
        }
        let awal = count;
        let mut cursor = awal.clone();
        let mut entri = vec![
            HariSalur {
                tahap: TahapId::default(),
                program: ProgramId::default(),
                hari: 0,
                kpm: 0
            };
            awal[n] as usize
        ];
        // The fingerprint of a region's entries is a sum of one hash per entry, so it does not
        // depend on the order of the rows and needs no sort.
        let mut sidik = vec![0u64; n];
        let programs = ds.program.len().max(1);
        let mut total: Vec<TotalTahap> = ds
            .tahap
            .iter()
            .map(|t| {
                let awal = nomor_hari(t.mulai);
                let hari = (nomor_hari(t.selesai) - awal + 1).max(1) as usize;
                TotalTahap {
                    awal,
                    hari,
                    kpm: vec![0; hari * programs],
                }
            })
            .collect();
        for r in &ds.realisasi {
            if r.status == Status::Tersalur {
                let e = HariSalur {
                    tahap: r.tahap,
                    program: r.program,
                    hari: nomor_hari(r.tanggal),
                    kpm: r.kpm,
                };
                let w = r.wilayah.indeks();
                sidik[w] = sidik[w].wrapping_add(e.sidik());
                if let Some(t) = total.get_mut(r.tahap.indeks()) {
                    let d = (e.hari - t.awal).clamp(0, t.hari as i32 - 1) as usize;
                    if let Some(v) = t.kpm.get_mut(r.program.indeks() * t.hari + d) {
                        *v = v.saturating_add(r.kpm);
                    }
                }
                let slot = &mut cursor[w];
                entri[*slot as usize] = e;
                *slot += 1;
            }
        }

        // subtree ends and fingerprints: children come after their parent, so a reverse pass
        // has finished every child before its parent
        let mut ujung: Vec<usize> = (1..=n).collect();
        for w in (0..n).rev() {
            if let Some(p) = ds.wilayah.nodes[w].induk {
                let p = p.indeks();
                ujung[p] = ujung[p].max(ujung[w]);
                sidik[p] = sidik[p].wrapping_add(sidik[w]);
            }
        }
        Harian {
            awal,
            entri,
            ujung,
            sidik,
            total,
        }
    }

    /// The entries of `w` and all its descendants, or of every region with `None`.
    fn subtree(&self, w: Option<WilayahId>) -> &[HariSalur] {
        match w {
            Some(w) if w.indeks() < self.ujung.len() => {
                let from = self.awal[w.indeks()] as usize;
                let to = self.awal[self.ujung[w.indeks()]] as usize;
                &self.entri[from..to]
            }
            Some(_) => &[],
            None => &self.entri,
        }
    }

    /// One past the position of the last region of `w`'s subtree: its descendants are at
    /// positions `w.indeks() + 1..ujung_subtree(w)`.
    pub fn ujung_subtree(&self, w: WilayahId) -> usize {
        self.ujung.get(w.indeks()).copied().unwrap_or(w.indeks())
    }

    /// A fingerprint of everything [`Harian::kumulatif`] can return for `w`'s subtree.
    pub fn sidik(&self, w: WilayahId) -> u64 {
        self.sidik.get(w.indeks()).copied().unwrap_or(0)
    }

    /// Cumulative paid KPM of `program` in `tahap` for region `w` (its whole subtree; the whole
    /// site with `None`), one value per day from `mulai` to `sampai` inclusive.
    ///
    /// Rows dated outside that window are counted on its first or last day.
    pub fn kumulatif(
        &self,
        w: Option<WilayahId>,
        tahap: TahapId,
        programs: &[ProgramId],
        mulai: Date,
        sampai: Date,
    ) -> Vec<Vec<u64>> {
        let awal = nomor_hari(mulai);
        let hari = (nomor_hari(sampai) - awal + 1).max(1) as usize;
        let mut out = vec![vec![0u64; hari]; programs.len()];
        let total = self.total.get(tahap.indeks()).filter(|_| w.is_none());
        if let Some(t) = total {
            for (i, &p) in programs.iter().enumerate() {
                let Some(days) = t.kpm.get(p.indeks() * t.hari..(p.indeks() + 1) * t.hari) else {
                    continue;
                };
                for (d, &kpm) in days.iter().enumerate() {
                    let at = (t.awal + d as i32 - awal).clamp(0, hari as i32 - 1) as usize;
                    out[i][at] = out[i][at].saturating_add(kpm);
                }
            }
        }
        let entries = if total.is_some() {
            &[][..]
        } else {
            self.subtree(w)
        };
        for e in entries {
            if e.tahap != tahap {
                continue;
            }
            let Some(i) = programs.iter().position(|&p| p == e.program) else {
                continue;
            };
            let d = (e.hari - awal).clamp(0, hari as i32 - 1) as usize;
            out[i][d] = out[i][d].saturating_add(e.kpm);
        }
        for series in &mut out {
            for d in 1..series.len() {
                series[d] = series[d].saturating_add(series[d - 1]);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn day_numbers_count_from_1970() {
        assert_eq!(nomor_hari(date(1970, 1, 1)), 0);
        assert_eq!(nomor_hari(date(1970, 1, 2)), 1);
        assert_eq!(nomor_hari(date(1969, 12, 31)), -1);
        for (a, b) in [
            (date(2021, 12, 20), date(2022, 1, 15)),
            (date(2024, 2, 28), date(2024, 3, 1)),
            (date(2000, 1, 1), date(2100, 3, 1)),
        ] {
            let span = a.until(b).unwrap().get_days();
            assert_eq!(nomor_hari(b) - nomor_hari(a), span, "{a} → {b}");
        }
    }
}
