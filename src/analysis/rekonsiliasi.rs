//! Reconciliation: Dinsos's paid figures set against each paying channel's report
//! (`data/laporan_penyalur.csv`), row by row: per penyalur × cabang × programme × tahap ×
//! region, the KPM and rupiah Dinsos recorded as paid up to the report's day, the channel's
//! figures, the difference and a state.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Rupiah;
use crate::config::AturanRekonsiliasi;
use crate::data::{Dataset, PenyalurId, ProgramId, Status, TahapId, WilayahId};

/// Whether Dinsos's and the channel's figures agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusRekon {
    /// The same KPM (and the same rupiah, when both are known).
    Cocok,
    /// A difference within `[rekonsiliasi] toleransi_kpm` or `toleransi_persen`.
    DalamToleransi,
    /// A difference beyond the tolerance.
    Berbeda,
}

/// One row of the channel's report, set against Dinsos's figures.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rekonsiliasi {
    /// The row of [`Dataset::laporan_penyalur`].
    pub laporan: usize,
    /// KPM Dinsos recorded as paid in the region (with everything below it) up to the report's
    /// day.
    pub dinsos_kpm: u64,
    /// Rupiah Dinsos recorded as paid.
    pub dinsos_nilai: Rupiah,
    /// The channel's KPM − Dinsos's.
    pub selisih_kpm: i64,
    /// The channel's rupiah − Dinsos's, when both are known.
    pub selisih_nilai: Option<i64>,
    /// The verdict.
    pub status: StatusRekon,
}

/// `a − b`, clamped to `i64`.
pub fn selisih(a: u64, b: u64) -> i64 {
    (i128::from(a) - i128::from(b)).clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// Whether a difference is within the tolerance: at most `toleransi_kpm` (for KPM), or at most
/// `toleransi_persen` percent of Dinsos's figure.
fn dalam_toleransi(selisih: i64, acuan: u64, toleransi: Option<u64>, persen: f64) -> bool {
    let beda = selisih.unsigned_abs();
    toleransi.is_some_and(|t| beda <= t)
        || (acuan > 0 && beda as f64 * 100.0 <= persen * acuan as f64)
}

/// The verdict on a difference in KPM and (when known) in rupiah.
pub fn status(
    selisih_kpm: i64,
    dinsos_kpm: u64,
    selisih_nilai: Option<(i64, u64)>,
    aturan: &AturanRekonsiliasi,
) -> StatusRekon {
    let nilai_beda = selisih_nilai.is_some_and(|(s, _)| s != 0);
    if selisih_kpm == 0 && !nilai_beda {
        return StatusRekon::Cocok;
    }
    let kpm_ok = dalam_toleransi(
        selisih_kpm,
        dinsos_kpm,
        Some(aturan.toleransi_kpm),
        aturan.toleransi_persen,
    );
    // rupiah: within the percentage, or within what `toleransi_kpm` KPM are worth at
    // Dinsos's average amount per KPM
    let nilai_ok = selisih_nilai.is_none_or(|(s, acuan)| {
        let per_kpm = acuan.checked_div(dinsos_kpm).unwrap_or(0);
        dalam_toleransi(
            s,
            acuan,
            Some(aturan.toleransi_kpm.saturating_mul(per_kpm)),
            aturan.toleransi_persen,
        )
    });
    if kpm_ok && nilai_ok {
        StatusRekon::DalamToleransi
    } else {
        StatusRekon::Berbeda
    }
}

/// Every report row of `ds` set against Dinsos's realisation rows, in file order.
pub fn hitung(ds: &Dataset, aturan: &AturanRekonsiliasi) -> Vec<Rekonsiliasi> {
    use rayon::prelude::*;
    let laporan = &ds.laporan_penyalur;
    if laporan.is_empty() {
        return Vec::new();
    }
    type Kunci = (WilayahId, ProgramId, TahapId, PenyalurId);
    let mut per: FxHashMap<Kunci, Vec<usize>> = FxHashMap::default();
    for (i, l) in laporan.iter().enumerate() {
        per.entry((l.wilayah, l.program, l.tahap, l.penyalur))
            .or_default()
            .push(i);
    }
    // each paid row counts for every report row of its region or a region above it, of the
    // same programme, tahap and penyalur, dated on or after the payment. Most rows have none:
    // two flat arrays (the tahap reported on, the regions reported on) turn them away before
    // any hashing, and a compact parent array walks the tree.
    let mut tahap_dilaporkan = vec![false; ds.tahap.len()];
    let mut wilayah_dilaporkan = vec![false; ds.wilayah.len()];
    for l in laporan {
        tahap_dilaporkan[l.tahap.indeks()] = true;
        wilayah_dilaporkan[l.wilayah.indeks()] = true;
    }
    let induk: Vec<Option<WilayahId>> = ds.wilayah.nodes.iter().map(|n| n.induk).collect();
    let jumlah = ds
        .realisasi
        .par_chunks(64 * 1024)
        .fold(
            || vec![(0u64, Rupiah::default()); laporan.len()],
            |mut acc, rows| {
                for r in rows {
                    if r.status != Status::Tersalur || !tahap_dilaporkan[r.tahap.indeks()] {
                        continue;
                    }
                    let mut w = Some(r.wilayah);
                    while let Some(id) = w {
                        if wilayah_dilaporkan[id.indeks()]
                            && let Some(list) = per.get(&(id, r.program, r.tahap, r.penyalur))
                        {
                            for &i in list {
                                if r.tanggal <= laporan[i].tanggal {
                                    acc[i].0 = acc[i].0.saturating_add(r.kpm);
                                    acc[i].1.add(r.nilai);
                                }
                            }
                        }
                        w = induk[id.indeks()];
                    }
                }
                acc
            },
        )
        .reduce(
            || vec![(0u64, Rupiah::default()); laporan.len()],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(&b) {
                    x.0 = x.0.saturating_add(y.0);
                    x.1.merge(&y.1);
                }
                a
            },
        );
    laporan
        .iter()
        .zip(jumlah)
        .enumerate()
        .map(|(i, (l, (kpm, nilai)))| {
            let selisih_kpm = selisih(l.kpm, kpm);
            let pembanding = l.nilai.zip(nilai.lengkap());
            let selisih_nilai = pembanding.map(|(bank, dinsos)| selisih(bank, dinsos));
            Rekonsiliasi {
                laporan: i,
                dinsos_kpm: kpm,
                dinsos_nilai: nilai,
                selisih_kpm,
                selisih_nilai,
                status: status(
                    selisih_kpm,
                    kpm,
                    selisih_nilai.zip(pembanding.map(|(_, d)| d)),
                    aturan,
                ),
            }
        })
        .collect()
}

/// A finding per row whose difference exceeds the tolerance: an error when
/// `[rekonsiliasi] gagal_jika_selisih = true` (so `check` and `build` stop), else a warning.
pub fn periksa(
    ds: &Dataset,
    rekon: &[Rekonsiliasi],
    aturan: &AturanRekonsiliasi,
) -> crate::diagnostics::Diagnostics {
    use crate::diagnostics::{Diagnostic, Diagnostics, Problem, Severity};
    let mut diags = Diagnostics::new();
    for r in rekon.iter().filter(|r| r.status == StatusRekon::Berbeda) {
        let l = &ds.laporan_penyalur[r.laporan];
        let w = ds.wilayah.node(l.wilayah);
        let mut d = Diagnostic::error(
            ds.tempat("data/laporan_penyalur.csv"),
            l.baris,
            l.kolom_kpm,
            Some(&l.kpm.to_string()),
            Problem::SelisihRekonsiliasi(Box::new(crate::diagnostics::SelisihRekonsiliasi {
                penyalur: format!("{} {}", ds.penyalur[l.penyalur.indeks()], l.cabang),
                program: ds.program[l.program.indeks()].kode.clone(),
                tahap: ds.tahap[l.tahap.indeks()].kode.clone(),
                wilayah: format!("{} {}", w.kode_teks, w.nama),
                dinsos: r.dinsos_kpm,
                selisih_kpm: r.selisih_kpm,
                selisih_nilai: r.selisih_nilai,
            })),
        );
        if !aturan.gagal_jika_selisih {
            d.severity = Severity::Warning;
        }
        diags.push(d);
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aturan(kpm: u64, persen: f64) -> AturanRekonsiliasi {
        AturanRekonsiliasi {
            toleransi_kpm: kpm,
            toleransi_persen: persen,
            gagal_jika_selisih: false,
        }
    }

    #[test]
    fn the_verdict_follows_the_tolerances() {
        assert_eq!(status(0, 100, None, &aturan(0, 0.0)), StatusRekon::Cocok);
        assert_eq!(status(-2, 100, None, &aturan(0, 0.0)), StatusRekon::Berbeda);
        assert_eq!(
            status(-2, 100, None, &aturan(2, 0.0)),
            StatusRekon::DalamToleransi
        );
        assert_eq!(status(3, 100, None, &aturan(2, 0.0)), StatusRekon::Berbeda);
        // 3 of 1.000 is 0,3%
        assert_eq!(
            status(3, 1000, None, &aturan(0, 0.5)),
            StatusRekon::DalamToleransi
        );
        assert_eq!(status(6, 1000, None, &aturan(0, 0.5)), StatusRekon::Berbeda);
        // the same KPM but another amount
        assert_eq!(
            status(0, 10, Some((-600_000, 6_000_000)), &aturan(0, 0.0)),
            StatusRekon::Berbeda
        );
        assert_eq!(
            status(0, 10, Some((-600_000, 6_000_000)), &aturan(0, 10.0)),
            StatusRekon::DalamToleransi
        );
        // one KPM less, and its rupiah: the KPM tolerance covers both
        assert_eq!(
            status(-1, 10, Some((-600_000, 6_000_000)), &aturan(1, 0.0)),
            StatusRekon::DalamToleransi
        );
        assert_eq!(
            status(-1, 10, Some((-1_200_000, 6_000_000)), &aturan(1, 0.0)),
            StatusRekon::Berbeda
        );
    }
}
