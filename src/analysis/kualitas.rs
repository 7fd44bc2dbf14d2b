//! Data quality: every non-fatal finding of every check, in one list, each attributed to a
//! region where it concerns one. The "Kualitas data" page and `salur check --format json`
//! both read this list, so they always agree.
//!
//! Computed here (pure): more reported than allocated, reported without allocation (both
//! [`Temuan`]), allocation with nothing reported while the rest of its kabupaten/kota reports,
//! failures whose reason matches no code of the list (`lainnya`), and payments after the
//! tahap's target day. Taken from the warnings of the other checks: the schedule, the
//! reconciliation, the verification funnels, the meeting notes, and files in `data/` that are
//! not read.

use std::collections::BTreeMap;

use super::{Kunci, Report, Temuan};
use crate::data::alasan::KodeAlasan;
use crate::data::value::KodeWilayah;
use crate::data::wilayah::Tingkat;
use crate::data::{AlasanId, Dataset, Status, WilayahId};
use crate::diagnostics::{Diagnostic, Diagnostics, Problem};

/// The kinds of finding, in the order the page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisTemuan {
    /// More paid and failed than allocated.
    MelebihiAlokasi,
    /// Paid or failed without an allocation.
    TanpaAlokasi,
    /// Allocated, nothing paid or failed, while other regions of its kabupaten/kota report
    /// for the same programme and tahap.
    AlokasiTanpaRealisasi,
    /// Failures whose written reason matches no code of the list.
    AlasanTakDikenal,
    /// Paid after the tahap's target day.
    SetelahTarget,
    /// A warning of the schedule's checks.
    Jadwal,
    /// A channel's report beyond the reconciliation tolerance.
    Rekonsiliasi,
    /// A warning about a verification funnel.
    Verval,
    /// A warning about a meeting note's dates.
    Rapat,
    /// Any other warning (a file in `data/` that is not read, …).
    Lainnya,
}

impl JenisTemuan {
    /// Every kind, in page order.
    pub const SEMUA: [JenisTemuan; 10] = [
        JenisTemuan::MelebihiAlokasi,
        JenisTemuan::TanpaAlokasi,
        JenisTemuan::AlokasiTanpaRealisasi,
        JenisTemuan::AlasanTakDikenal,
        JenisTemuan::SetelahTarget,
        JenisTemuan::Jadwal,
        JenisTemuan::Rekonsiliasi,
        JenisTemuan::Verval,
        JenisTemuan::Rapat,
        JenisTemuan::Lainnya,
    ];

    /// The code used in the JSON and the page's anchors (`melebihi_alokasi`).
    pub fn kode(self) -> &'static str {
        match self {
            JenisTemuan::MelebihiAlokasi => "melebihi_alokasi",
            JenisTemuan::TanpaAlokasi => "tanpa_alokasi",
            JenisTemuan::AlokasiTanpaRealisasi => "alokasi_tanpa_realisasi",
            JenisTemuan::AlasanTakDikenal => "alasan_tak_dikenal",
            JenisTemuan::SetelahTarget => "setelah_target",
            JenisTemuan::Jadwal => "jadwal",
            JenisTemuan::Rekonsiliasi => "rekonsiliasi",
            JenisTemuan::Verval => "verval",
            JenisTemuan::Rapat => "rapat",
            JenisTemuan::Lainnya => "lainnya",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemuanMutu {
    /// What kind.
    pub jenis: JenisTemuan,
    /// The region it concerns, when it concerns one.
    pub wilayah: Option<WilayahId>,
    /// The programme × tahap × penyalur, for findings about figures.
    pub kunci: Option<Kunci>,
    /// The figure found (KPM reported, allocated with nothing reported, paid late).
    pub kpm: u64,
    /// The figure it is set against (the allocation), when there is one.
    pub pembanding: Option<u64>,
    /// A failure reason as written (for `salur check` only: the page never shows it), or the
    /// last day paid after the target.
    pub teks: Option<String>,
    /// The warning it comes from, with its file, line and column.
    pub diagnostic: Option<Box<Diagnostic>>,
}

impl TemuanMutu {
    fn angka(jenis: JenisTemuan, wilayah: WilayahId, kunci: Kunci) -> TemuanMutu {
        TemuanMutu {
            jenis,
            wilayah: Some(wilayah),
            kunci: Some(kunci),
            kpm: 0,
            pembanding: None,
            teks: None,
            diagnostic: None,
        }
    }
}

/// All findings: those of the figures in region order, then the warnings in the order the
/// checks gave them.
pub fn temuan(
    ds: &Dataset,
    report: &Report,
    temuan_angka: Vec<Temuan>,
    warnings: &Diagnostics,
) -> Vec<TemuanMutu> {
    let mut out = Vec::with_capacity(temuan_angka.len());
    for t in temuan_angka {
        out.push(match t {
            Temuan::MelebihiAlokasi {
                wilayah,
                kunci,
                angka,
            } => TemuanMutu {
                kpm: angka.tersalur_kpm.saturating_add(angka.gagal_kpm),
                pembanding: Some(angka.alokasi_kpm),
                ..TemuanMutu::angka(JenisTemuan::MelebihiAlokasi, wilayah, kunci)
            },
            Temuan::TanpaAlokasi {
                wilayah,
                kunci,
                angka,
            } => TemuanMutu {
                kpm: angka.tersalur_kpm.saturating_add(angka.gagal_kpm),
                pembanding: Some(0),
                ..TemuanMutu::angka(JenisTemuan::TanpaAlokasi, wilayah, kunci)
            },
        });
    }
    // three independent scans (two of them over every realisation row), side by side
    let (kosong, (alasan, terlambat)) = rayon::join(
        || alokasi_tanpa_realisasi(ds, report),
        || rayon::join(|| alasan_tak_dikenal(ds), || setelah_target(ds)),
    );
    out.extend(kosong);
    out.extend(alasan);
    out.extend(terlambat);
    for d in warnings.items() {
        if d.severity != crate::diagnostics::Severity::Warning {
            continue;
        }
        out.push(TemuanMutu {
            jenis: jenis_peringatan(d),
            wilayah: wilayah_peringatan(ds, d),
            kunci: None,
            kpm: 0,
            pembanding: None,
            teks: None,
            diagnostic: Some(Box::new(d.clone())),
        });
    }
    out
}

/// Cells allocated to a region with nothing reported, for a programme × tahap that other
/// regions of the same kabupaten/kota do report on (a whole kabupaten/kota that has not
/// reported yet is waiting for its data, not a finding).
fn alokasi_tanpa_realisasi(ds: &Dataset, report: &Report) -> Vec<TemuanMutu> {
    let dilaporkan = |a: &super::Angka| a.tersalur_kpm.saturating_add(a.gagal_kpm) > 0;
    let mut out = Vec::new();
    let langsung: BTreeMap<WilayahId, &super::Rekap> =
        report.langsung.iter().map(|(w, r)| (*w, r)).collect();
    for (w, node) in ds.wilayah.nodes.iter().enumerate() {
        let Some(w) = WilayahId::baru(w) else {
            continue;
        };
        let sendiri = if node.anak.is_empty() {
            report.wilayah.get(w.indeks())
        } else {
            langsung.get(&w).copied()
        };
        let Some(sendiri) = sendiri else { continue };
        let Some(kab) = ds.wilayah.kabupaten_kota(w) else {
            continue;
        };
        let kab_rekap = &report.wilayah[kab.indeks()];
        for (kunci, angka) in &sendiri.sel {
            if angka.alokasi_kpm == 0 || dilaporkan(angka) {
                continue;
            }
            let kab_melapor = kab_rekap.sel.iter().any(|(k, a)| {
                k.program == kunci.program && k.tahap == kunci.tahap && dilaporkan(a)
            });
            if kab_melapor {
                out.push(TemuanMutu {
                    kpm: angka.alokasi_kpm,
                    ..TemuanMutu::angka(JenisTemuan::AlokasiTanpaRealisasi, w, *kunci)
                });
            }
        }
    }
    out
}

/// Failure reasons that match no code, once per kabupaten/kota (or the region the rows were
/// given for, above it) × programme × tahap × penyalur × text, without a count: the counts
/// are published only through the failure tables, which protect small ones.
fn alasan_tak_dikenal(ds: &Dataset) -> Vec<TemuanMutu> {
    let lainnya: Vec<bool> = ds
        .alasan
        .iter()
        .map(|t| KodeAlasan::golongkan(t) == KodeAlasan::Lainnya)
        .collect();
    if !lainnya.contains(&true) {
        return Vec::new();
    }
    let mut seen: BTreeMap<(WilayahId, Kunci, AlasanId), ()> = BTreeMap::new();
    for r in &ds.realisasi {
        let Some(a) = r.alasan else { continue };
        if r.status != Status::Gagal || !lainnya.get(a.indeks()).copied().unwrap_or(false) {
            continue;
        }
        let w = ds.wilayah.kabupaten_kota(r.wilayah).unwrap_or(r.wilayah);
        let kunci = Kunci {
            program: r.program,
            tahap: r.tahap,
            penyalur: r.penyalur,
        };
        seen.insert((w, kunci, a), ());
    }
    seen.into_keys()
        .map(|(w, kunci, a)| TemuanMutu {
            // masked: `salur check` prints it (into CI logs too)
            teks: ds
                .alasan
                .get(a.indeks())
                .map(|t| crate::teks::samarkan_teks(t)),
            ..TemuanMutu::angka(JenisTemuan::AlasanTakDikenal, w, kunci)
        })
        .collect()
}

/// KPM paid after the tahap's target day, per desa/kelurahan (or region the rows were given
/// for) × programme × tahap × penyalur, with the last day paid.
fn setelah_target(ds: &Dataset) -> Vec<TemuanMutu> {
    let mut late: BTreeMap<(WilayahId, Kunci), (u64, jiff::civil::Date)> = BTreeMap::new();
    for r in &ds.realisasi {
        let Some(target) = ds.tahap.get(r.tahap.indeks()).and_then(|t| t.target) else {
            continue;
        };
        if r.status != Status::Tersalur || r.tanggal <= target || r.kpm == 0 {
            continue;
        }
        let kunci = Kunci {
            program: r.program,
            tahap: r.tahap,
            penyalur: r.penyalur,
        };
        let e = late.entry((r.wilayah, kunci)).or_insert((0, r.tanggal));
        e.0 = e.0.saturating_add(r.kpm);
        e.1 = e.1.max(r.tanggal);
    }
    late.into_iter()
        .map(|((w, kunci), (kpm, last))| TemuanMutu {
            kpm,
            teks: Some(last.to_string()),
            ..TemuanMutu::angka(JenisTemuan::SetelahTarget, w, kunci)
        })
        .collect()
}

fn jenis_peringatan(d: &Diagnostic) -> JenisTemuan {
    match &d.problem {
        Problem::MelebihiKapasitas { .. }
        | Problem::TanpaJadwal { .. }
        | Problem::JadwalBedaAlokasi { .. }
        | Problem::LokasiBerbeda { .. }
        | Problem::SlotKosong => JenisTemuan::Jadwal,
        Problem::SelisihRekonsiliasi(_) => JenisTemuan::Rekonsiliasi,
        Problem::TenggatSebelumRapat { .. } | Problem::RapatSetelahData { .. } => {
            JenisTemuan::Rapat
        }
        // `data/verval.csv`, or the worksheet read instead (`data/verval.ods:verval`)
        _ if d.file.starts_with("data/verval.") => JenisTemuan::Verval,
        _ => JenisTemuan::Lainnya,
    }
}

/// The region a warning names: in its problem (`Karangketug (35.75.01.1001)`,
/// `64.02.07 Muara Badak`) or as its value (a schedule row's `kode_wilayah`).
fn wilayah_peringatan(ds: &Dataset, d: &Diagnostic) -> Option<WilayahId> {
    let teks = match &d.problem {
        Problem::TanpaJadwal { wilayah, .. } => Some(wilayah.as_str()),
        Problem::SelisihRekonsiliasi(s) => Some(s.wilayah.as_str()),
        _ => d.value.as_deref(),
    }?;
    teks.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|t| t.len() >= 2)
        .find_map(|t| KodeWilayah::parse(t.trim_matches('.').as_bytes()))
        .and_then(|k| ds.wilayah.get(k))
}

/// The kabupaten/kota a finding is counted under on the page's table (the region itself
/// above that level; `None` for the whole site).
pub fn kabupaten_kota(ds: &Dataset, t: &TemuanMutu) -> Option<WilayahId> {
    let w = t.wilayah?;
    match ds.wilayah.node(w).tingkat {
        Tingkat::Provinsi => Some(w),
        _ => ds.wilayah.kabupaten_kota(w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A national site has hundreds of thousands of findings: each stays small (a warning's
    /// message is boxed), so the list is tens of megabytes, not a hundred.
    #[test]
    fn a_finding_stays_small() {
        assert!(
            std::mem::size_of::<TemuanMutu>() <= 80,
            "{}",
            std::mem::size_of::<TemuanMutu>()
        );
    }
}
