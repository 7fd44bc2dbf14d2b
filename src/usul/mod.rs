//! The schedule proposer behind `salur jadwal usul`: given how many KPM each RW of a
//! desa/kelurahan has, the days and hours available and the capacity of its payment point,
//! propose slots that respect the capacity, keep each RW in one hourly slot where it fits, and
//! spread the load evenly over the days. Pure: no files, no configuration; [`situs`] reads a
//! site and runs it for each of its desa/kelurahan.

pub mod situs;

use jiff::civil::Date;

/// What to schedule at one payment point.
#[derive(Debug, Clone)]
pub struct Permintaan<'a> {
    /// The RWs in the order they are called, with their KPM.
    pub rw: &'a [(String, u64)],
    /// The days available, in order.
    pub hari: &'a [Date],
    /// The first slot's start, minutes after midnight.
    pub jam_mulai: u16,
    /// The end of the last slot, minutes after midnight.
    pub jam_selesai: u16,
    /// The length of a slot in minutes (60: hourly).
    pub menit_slot: u16,
    /// The most KPM the point serves in a day.
    pub kapasitas_per_hari: u64,
}

/// One proposed slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// Day.
    pub tanggal: Date,
    /// Start, minutes after midnight.
    pub mulai: u16,
    /// End.
    pub selesai: u16,
    /// The RW called.
    pub rw: String,
    /// Its KPM in this slot.
    pub kpm: u64,
}

/// Why no schedule could be proposed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsulError {
    /// The days available cannot hold everyone at this capacity.
    #[error("{kpm} KPM do not fit in {hari} days at {kapasitas} a day ({slot} slots a day)")]
    TidakMuat {
        /// KPM to schedule.
        kpm: u64,
        /// Days available.
        hari: usize,
        /// KPM a day.
        kapasitas: u64,
        /// Slots a day.
        slot: usize,
    },
}

/// Proposes the slots of one payment point (see the module docs). Tries the even daily load
/// (all KPM ÷ days) first and raises it step by step up to the capacity until every RW that
/// fits in a day stays whole in one slot; failing that, the first placement that holds
/// everyone with some RWs split.
pub fn usul(p: &Permintaan) -> Result<Vec<Slot>, UsulError> {
    let total: u64 = p.rw.iter().map(|(_, n)| n).sum();
    let per_hari = usize::from(p.jam_selesai.saturating_sub(p.jam_mulai) / p.menit_slot.max(1));
    let gagal = UsulError::TidakMuat {
        kpm: total,
        hari: p.hari.len(),
        kapasitas: p.kapasitas_per_hari,
        slot: per_hari,
    };
    if total == 0 {
        return Ok(Vec::new());
    }
    if p.hari.is_empty() || per_hari == 0 || p.kapasitas_per_hari == 0 {
        return Err(gagal);
    }
    let rata = total.div_ceil(p.hari.len() as u64);
    if rata > p.kapasitas_per_hari {
        return Err(gagal);
    }
    let langkah = ((p.kapasitas_per_hari - rata) / 10).max(1);
    let mut batas = rata;
    let mut cadangan = None;
    loop {
        if let Some(slots) = tempatkan(p, per_hari, batas) {
            let utuh =
                p.rw.iter()
                    .filter(|(_, n)| *n <= p.kapasitas_per_hari)
                    .all(|(rw, _)| slots.iter().filter(|s| &s.rw == rw).count() <= 1);
            if utuh {
                return Ok(slots);
            }
            cadangan.get_or_insert(slots);
        }
        if batas >= p.kapasitas_per_hari {
            return cadangan.ok_or(gagal);
        }
        batas = (batas + langkah).min(p.kapasitas_per_hari);
    }
}

/// Places the RWs in order with at most `batas` KPM a day, or `None` when the days run out.
fn tempatkan(p: &Permintaan, per_hari: usize, batas: u64) -> Option<Vec<Slot>> {
    let mut out = Vec::new();
    let (mut hari, mut slot, mut beban) = (0usize, 0usize, 0u64);
    for (rw, n) in p.rw {
        let mut sisa = *n;
        let mut pertama = true;
        while sisa > 0 {
            let tanggal = *p.hari.get(hari)?;
            let ruang = batas - beban;
            let penuh = slot >= per_hari || ruang == 0;
            // a whole RW that fits in a day waits for the next day rather than be split
            let tunggu = pertama && sisa > ruang && sisa <= batas;
            if penuh || tunggu {
                hari += 1;
                slot = 0;
                beban = 0;
                continue;
            }
            let kpm = sisa.min(ruang);
            let mulai = p.jam_mulai + slot as u16 * p.menit_slot;
            out.push(Slot {
                tanggal,
                mulai,
                selesai: mulai + p.menit_slot,
                rw: rw.clone(),
                kpm,
            });
            sisa -= kpm;
            beban += kpm;
            slot += 1;
            pertama = false;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn days(n: i8) -> Vec<Date> {
        (0..n).map(|i| date(2021, 7, 13 + i)).collect()
    }

    fn rw(counts: &[u64]) -> Vec<(String, u64)> {
        counts
            .iter()
            .enumerate()
            .map(|(i, &n)| (format!("{:02}", i + 1), n))
            .collect()
    }

    fn request<'a>(rw: &'a [(String, u64)], hari: &'a [Date]) -> Permintaan<'a> {
        Permintaan {
            rw,
            hari,
            jam_mulai: 7 * 60,
            jam_selesai: 12 * 60,
            menit_slot: 60,
            kapasitas_per_hari: 200,
        }
    }

    /// Every KPM scheduled once, no day over capacity, at most one slot per hour.
    fn assert_valid(p: &Permintaan, slots: &[Slot]) {
        for (name, n) in p.rw {
            let got: u64 = slots.iter().filter(|s| &s.rw == name).map(|s| s.kpm).sum();
            assert_eq!(got, *n, "RW {name}");
        }
        for d in p.hari {
            let day: Vec<&Slot> = slots.iter().filter(|s| s.tanggal == *d).collect();
            let load: u64 = day.iter().map(|s| s.kpm).sum();
            assert!(load <= p.kapasitas_per_hari, "{d}: {load}");
            for (i, a) in day.iter().enumerate() {
                assert!(a.mulai >= p.jam_mulai && a.selesai <= p.jam_selesai);
                for b in &day[i + 1..] {
                    assert!(a.selesai <= b.mulai || b.selesai <= a.mulai, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn a_kelurahan_over_a_week_each_rw_in_one_slot_load_spread() {
        // 589 KPM in 8 RWs over 7 days at 200 a day
        let rws = rw(&[70, 82, 64, 77, 71, 80, 69, 76]);
        let hari = days(7);
        let p = request(&rws, &hari);
        let slots = usul(&p).unwrap();
        assert_valid(&p, &slots);
        // each RW whole in one slot
        assert_eq!(slots.len(), 8);
        // spread: no day carries more than three RWs' worth while others are empty
        let loads: Vec<u64> = hari
            .iter()
            .map(|d| {
                slots
                    .iter()
                    .filter(|s| s.tanggal == *d)
                    .map(|s| s.kpm)
                    .sum()
            })
            .collect();
        assert!(loads.iter().all(|&l| l <= 160), "{loads:?}");
        assert!(loads.iter().filter(|&&l| l > 0).count() >= 4, "{loads:?}");
        assert_eq!(slots[0].mulai, 7 * 60);
    }

    #[test]
    fn an_rw_larger_than_a_day_is_split_over_days() {
        let rws = rw(&[450, 30]);
        let hari = days(3);
        let p = request(&rws, &hari);
        let slots = usul(&p).unwrap();
        assert_valid(&p, &slots);
        assert!(slots.iter().filter(|s| s.rw == "01").count() >= 3);
    }

    #[test]
    fn says_when_the_days_cannot_hold_everyone() {
        let rws = rw(&[150, 150, 150]);
        let hari = days(2);
        assert_eq!(
            usul(&request(&rws, &hari)),
            Err(UsulError::TidakMuat {
                kpm: 450,
                hari: 2,
                kapasitas: 200,
                slot: 5,
            })
        );
        // enough capacity in total, but too few slots: 12 RWs, 5 slots a day, 2 days
        let rws = rw(&[10; 12]);
        assert!(matches!(
            usul(&request(&rws, &hari)),
            Err(UsulError::TidakMuat { .. })
        ));
    }
}
