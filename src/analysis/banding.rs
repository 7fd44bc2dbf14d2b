//! Measures that let regions of different sizes be compared: per programme × tahap, KPM per
//! 1.000 households, the realisation and failure rates, rupiah per KPM and the verification
//! yield; and the households and population of every region, rolled up the tree. Pure.

use super::verval::Corong;
use super::{Angka, Report};
use crate::config::Bandingkan;
use crate::data::{Dataset, ProgramId, Tingkat, WilayahId, WilayahTree};
use crate::diagnostics::{CodeKind, Diagnostic, Diagnostics, Problem, Severity};

/// What a region shows for one programme × tahap, summed over penyalur, in the units a
/// comparison needs.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Ukuran {
    /// KPM allocated.
    pub alokasi_kpm: u64,
    /// KPM paid.
    pub tersalur_kpm: u64,
    /// KPM whose payment failed.
    pub gagal_kpm: u64,
    /// Rupiah paid, when every paid row has an amount.
    pub tersalur_nilai: Option<u64>,
    /// Rupiah allocated, when every allocation row has an amount.
    pub alokasi_nilai: Option<u64>,
    /// KPM allocated per 1.000 households (`kk` of `wilayah.csv`), when the households are
    /// known and there is an allocation.
    pub per_1000_kk: Option<f64>,
    /// Paid ÷ allocated.
    pub realisasi: Option<f64>,
    /// Failed ÷ allocated.
    pub gagal: Option<f64>,
    /// Rupiah paid ÷ KPM paid (else allocated ÷ allocated KPM), when the rupiah are complete.
    pub rupiah_per_kpm: Option<f64>,
}

/// The measures of `angka` in a region of `kk` households.
pub fn ukuran(angka: &Angka, kk: Option<u64>) -> Ukuran {
    let alokasi_nilai = angka
        .alokasi_nilai
        .lengkap()
        .filter(|_| angka.alokasi_kpm > 0);
    let tersalur_nilai = angka
        .tersalur_nilai
        .lengkap()
        .filter(|_| angka.tersalur_kpm > 0);
    let rupiah_per_kpm = match (tersalur_nilai, alokasi_nilai) {
        (Some(n), _) => Some(n as f64 / angka.tersalur_kpm as f64),
        (None, Some(n)) => Some(n as f64 / angka.alokasi_kpm as f64),
        _ => None,
    };
    Ukuran {
        alokasi_kpm: angka.alokasi_kpm,
        tersalur_kpm: angka.tersalur_kpm,
        gagal_kpm: angka.gagal_kpm,
        tersalur_nilai,
        alokasi_nilai,
        per_1000_kk: kk
            .filter(|&kk| kk > 0 && angka.alokasi_kpm > 0)
            .map(|kk| angka.alokasi_kpm as f64 * 1000.0 / kk as f64),
        realisasi: angka.realisasi(),
        gagal: (angka.alokasi_kpm > 0).then(|| angka.gagal_kpm as f64 / angka.alokasi_kpm as f64),
        rupiah_per_kpm,
    }
}

/// The verification yield of a region for a programme: the last step of its latest funnel
/// as a share of the first (`None` without a funnel, or with a first step of 0).
pub fn hasil_verval(corong: &[Corong], program: ProgramId) -> Option<(&Corong, f64)> {
    corong
        .iter()
        .filter(|c| c.program == program)
        .max_by(|a, b| a.periode.cmp(&b.periode))
        .and_then(|c| Some((c, c.sisa()?)))
}

/// Per region, `nilai` of its own, else the sum of its children's when every child has one
/// (an incomplete sum would understate it), indexed by [`WilayahId`].
pub fn gulung(tree: &WilayahTree, nilai: impl Fn(WilayahId) -> Option<u64>) -> Vec<Option<u64>> {
    let n = tree.len();
    let mut out: Vec<Option<u64>> = WilayahId::semua(n).map(&nilai).collect();
    // a parent sorts before its descendants: walking backwards, each region's children are
    // final before it is looked at
    for w in (0..n).rev() {
        let node = &tree.nodes[w];
        if out[w].is_some() || node.anak.is_empty() {
            continue;
        }
        out[w] = node.anak.iter().try_fold(0u64, |acc, &c| {
            out[c.indeks()].map(|v| acc.saturating_add(v))
        });
    }
    out
}

/// The most regions one comparison sets side by side (a column each: more would not fit a
/// phone, nor a file name).
pub const MAKS_WILAYAH: usize = 8;

/// Resolves the codes of every `[[bandingkan]]` entry: the regions of each, in the order
/// given. An unknown code (with the nearest known one) or an entry with fewer than two
/// different regions is an error at its place in `site.toml`.
pub fn wilayah_banding(
    ds: &Dataset,
    bandingkan: &[Bandingkan],
) -> (Vec<Vec<WilayahId>>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let mut out = Vec::with_capacity(bandingkan.len());
    // each entry's regions, to the first entry that has them: one look-up per entry
    let mut pertama: rustc_hash::FxHashMap<Vec<WilayahId>, usize> = Default::default();
    for (i, b) in bandingkan.iter().enumerate() {
        let mut ids: Vec<WilayahId> = Vec::new();
        let mut unknown = false;
        for (kode, line, column) in &b.wilayah {
            match crate::data::value::KodeWilayah::parse(kode.as_bytes())
                .and_then(|k| ds.wilayah.get(k))
            {
                Some(w) if !ids.contains(&w) => ids.push(w),
                Some(_) => {}
                None => {
                    unknown = true;
                    // the nearest code is looked for only for a message that is shown
                    diags.push_with(Severity::Error, || {
                        Diagnostic::error(
                            crate::config::CONFIG_FILE,
                            *line,
                            *column,
                            Some(kode),
                            Problem::UnknownCode {
                                kind: CodeKind::Wilayah,
                                nearest: ds.wilayah.nearest(kode),
                                berkas: ds.berkas_kode(CodeKind::Wilayah),
                            },
                        )
                    })
                }
            }
        }
        if (ids.len() < 2 || ids.len() > MAKS_WILAYAH) && !unknown {
            diags.push(Diagnostic::error(
                crate::config::CONFIG_FILE,
                b.tempat.0,
                b.tempat.1,
                None,
                Problem::BandingkanKurang,
            ));
            ids.clear();
        } else if let Some(&first) = pertama.get(&ids).filter(|_| !ids.is_empty()) {
            // the same regions twice would be one page written twice
            diags.push(Diagnostic::error(
                crate::config::CONFIG_FILE,
                b.tempat.0,
                b.tempat.1,
                None,
                Problem::Duplicate {
                    first_line: bandingkan[first].tempat.0,
                },
            ));
            ids.clear();
        } else if !ids.is_empty() {
            pertama.insert(ids.clone(), i);
        }
        out.push(ids);
    }
    (out, diags)
}

/// The regions whose children a ranking page compares: the whole site (`None`, its
/// kabupaten/kota) and every region above the desa/kelurahan level with at least two
/// children that have figures.
pub fn induk_peringkat(ds: &Dataset, report: &Report) -> Vec<Option<WilayahId>> {
    let mut out = Vec::new();
    let kota = semua_kota(&ds.wilayah);
    if kota
        .iter()
        .filter(|&&w| !report.wilayah[w.indeks()].is_empty())
        .count()
        >= 2
    {
        out.push(None);
    }
    for w in WilayahId::semua(ds.wilayah.len()) {
        let node = ds.wilayah.node(w);
        if node.tingkat == Tingkat::DesaKelurahan {
            continue;
        }
        let dengan_angka = node
            .anak
            .iter()
            .filter(|&&c| !report.wilayah[c.indeks()].is_empty())
            .count();
        if dengan_angka >= 2 {
            out.push(Some(w));
        }
    }
    out
}

/// Every kabupaten/kota, in code order.
pub fn semua_kota(tree: &WilayahTree) -> Vec<WilayahId> {
    WilayahId::semua(tree.len())
        .filter(|&w| tree.node(w).tingkat == Tingkat::KabupatenKota)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Rupiah;

    #[test]
    fn per_1000_kk_and_rates() {
        let a = Angka {
            alokasi_kpm: 18_877,
            tersalur_kpm: 18_500,
            gagal_kpm: 77,
            tersalur_nilai: Rupiah {
                jumlah: 18_500 * 300_000,
                tanpa_nilai: 0,
            },
            ..Angka::default()
        };
        let u = ukuran(&a, Some(66_184));
        // 18.877 × 1.000 ÷ 66.184 = 285,2200…
        assert!((u.per_1000_kk.unwrap() - 285.2200).abs() < 0.0001);
        assert!((u.realisasi.unwrap() - 18_500.0 / 18_877.0).abs() < 1e-12);
        assert!((u.gagal.unwrap() - 77.0 / 18_877.0).abs() < 1e-12);
        assert_eq!(u.rupiah_per_kpm, Some(300_000.0));
        assert_eq!(ukuran(&a, None).per_1000_kk, None);
        assert_eq!(ukuran(&a, Some(0)).per_1000_kk, None);
        // a region without the programme has no rate (not 0 per 1.000)
        assert_eq!(ukuran(&Angka::default(), Some(66_184)).per_1000_kk, None);
        // an incomplete rupiah sum gives no rupiah per KPM
        let mut b = a;
        b.tersalur_nilai.tanpa_nilai = 1;
        b.alokasi_nilai.tanpa_nilai = 1;
        assert_eq!(ukuran(&b, None).rupiah_per_kpm, None);
    }
}
