//! What changed from one tahap to the next, per programme: for the whole site and every
//! kabupaten/kota, KPM added and removed (counted desa by desa, so that a kelurahan that
//! gains 10 and a neighbour that loses 10 show as +10 and −10, not as no change), the
//! realisation then and now, penyalur that came or went, and failure reasons that are new.
//! Pure.
//!
//! A failure reason counts as new only where the published, suppressed tables say so: the
//! reason is shown with a count in this tahap, and the previous one shows it as 0 (or the
//! region had no failures at all then). A reason hidden as "< 3" in either is never called
//! new: that would tell a reader the hidden count is not 0.

use super::gagal::KOLOM;
use super::privasi::Tampil;
use super::{Angka, Report};
use crate::data::alasan::KodeAlasan;
use crate::data::{Dataset, PenyalurId, ProgramId, TahapId, Tingkat, WilayahId};

/// One programme's change into one tahap.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Perubahan {
    /// The programme.
    pub program: ProgramId,
    /// The tahap.
    pub tahap: TahapId,
    /// The programme's previous tahap (the latest earlier one with an allocation), if any.
    pub sebelum: Option<TahapId>,
    /// The whole site first (`wilayah: None`), then every kabupaten/kota with figures in
    /// either tahap, in code order.
    pub baris: Vec<BarisPerubahan>,
}

/// One region's change.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BarisPerubahan {
    /// The kabupaten/kota, or `None` for the whole site.
    pub wilayah: Option<WilayahId>,
    /// Its figures in the tahap, summed over penyalur.
    pub sekarang: Angka,
    /// Its figures in the previous tahap.
    pub sebelum: Angka,
    /// KPM allocated more than before, summed over the desa/kelurahan that gained.
    pub kpm_bertambah: u64,
    /// KPM allocated less than before, summed over those that lost.
    pub kpm_berkurang: u64,
    /// Penyalur paying the programme now that did not before.
    pub penyalur_baru: Vec<PenyalurId>,
    /// Penyalur that paid it before and no longer do.
    pub penyalur_hilang: Vec<PenyalurId>,
    /// Failure reasons published with a count now and published as none before.
    pub alasan_baru: Vec<KodeAlasan>,
    /// A kabupaten/kota with the programme before but no allocation rows in this tahap:
    /// most often its figures are not in yet, so it is shown as such and left out of the
    /// whole site's comparison, rather than counted as everything removed.
    pub belum_ada_data: bool,
}

/// The previous tahap of programme `p` before `t`: the latest earlier tahap in which the
/// whole site has an allocation for it.
pub fn tahap_sebelum(report: &Report, p: ProgramId, t: TahapId) -> Option<TahapId> {
    (0..t.indeks())
        .rev()
        .filter_map(TahapId::baru)
        .find(|&s| report.total.angka(p, s).alokasi_kpm > 0)
}

/// Every programme's change into every tahap it has an allocation in, in tahap then
/// programme order.
pub fn hitung(ds: &Dataset, report: &Report) -> Vec<Perubahan> {
    let mut pasangan: Vec<(ProgramId, TahapId, Option<TahapId>)> = Vec::new();
    for ((p, t), a) in report.total.per_program_tahap() {
        if a.alokasi_kpm > 0 {
            pasangan.push((p, t, tahap_sebelum(report, p, t)));
        }
    }
    pasangan.sort_by_key(|&(p, t, _)| (t, p));
    let tree = &ds.wilayah;
    // KPM added and removed, desa by desa (and per region with rows of its own), added up
    // into each kabupaten/kota (index: position in `kota`) and the whole site (last)
    let kota: Vec<WilayahId> = WilayahId::semua(tree.len())
        .filter(|&w| tree.node(w).tingkat == Tingkat::KabupatenKota)
        .collect();
    let posisi = |w: WilayahId| -> Option<usize> {
        tree.kabupaten_kota(w)
            .and_then(|k| kota.binary_search(&k).ok())
    };
    let mut geser: Vec<Vec<(u64, u64)>> = vec![vec![(0, 0); kota.len() + 1]; pasangan.len()];
    let mut tambah = |w: WilayahId, rekap: &super::Rekap| {
        let pos = posisi(w);
        for (i, &(p, t, s)) in pasangan.iter().enumerate() {
            let now = rekap.angka(p, t).alokasi_kpm;
            let before = s.map_or(0, |s| rekap.angka(p, s).alokasi_kpm);
            let (plus, minus) = (now.saturating_sub(before), before.saturating_sub(now));
            if plus == 0 && minus == 0 {
                continue;
            }
            for j in pos.into_iter().chain([kota.len()]) {
                let e = &mut geser[i][j];
                e.0 = e.0.saturating_add(plus);
                e.1 = e.1.saturating_add(minus);
            }
        }
    };
    for w in WilayahId::semua(tree.len()) {
        if tree.node(w).anak.is_empty() && !report.wilayah[w.indeks()].is_empty() {
            tambah(w, &report.wilayah[w.indeks()]);
        }
    }
    for (w, rekap) in &report.langsung {
        tambah(*w, rekap);
    }

    let mut out = Vec::with_capacity(pasangan.len());
    for (i, &(p, t, s)) in pasangan.iter().enumerate() {
        let mut baris = Vec::new();
        // per row: the channels now and before
        let mut saluran: Vec<(Vec<PenyalurId>, Vec<PenyalurId>)> = Vec::new();
        for (j, w) in [None]
            .into_iter()
            .chain(kota.iter().map(|&k| Some(k)))
            .enumerate()
        {
            let rekap = match w {
                Some(w) => &report.wilayah[w.indeks()],
                None => &report.total,
            };
            let sekarang = rekap.angka(p, t);
            let sebelum = s.map_or_else(Angka::default, |s| rekap.angka(p, s));
            if sekarang.alokasi_kpm == 0 && sebelum.alokasi_kpm == 0 {
                continue;
            }
            // the site's row is last in `geser`
            let (kpm_bertambah, kpm_berkurang) = geser[i][if j == 0 { kota.len() } else { j - 1 }];
            let penyalur = |t: Option<TahapId>| -> Vec<PenyalurId> {
                let Some(t) = t else { return Vec::new() };
                let mut v: Vec<PenyalurId> = rekap
                    .sel
                    .iter()
                    .filter(|(k, a)| k.program == p && k.tahap == t && a.alokasi_kpm > 0)
                    .map(|(k, _)| k.penyalur)
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            let (kini, dulu) = (penyalur(Some(t)), penyalur(s));
            saluran.push((kini.clone(), dulu.clone()));
            baris.push(BarisPerubahan {
                wilayah: w,
                sekarang,
                sebelum,
                kpm_bertambah,
                kpm_berkurang,
                penyalur_baru: if s.is_some() {
                    kini.iter().filter(|x| !dulu.contains(x)).copied().collect()
                } else {
                    Vec::new()
                },
                penyalur_hilang: dulu.iter().filter(|x| !kini.contains(x)).copied().collect(),
                alasan_baru: match s {
                    Some(s) if sebelum.alokasi_kpm > 0 => alasan_baru(report, w, p, t, s),
                    _ => Vec::new(),
                },
                belum_ada_data: w.is_some() && sekarang.alokasi_kpm == 0,
            });
        }
        // the whole site is compared over the kabupaten/kota that have this tahap's figures
        let mut kurang = Angka::default();
        let mut berkurang = 0u64;
        let ada_yang_belum = baris.iter().any(|b| b.belum_ada_data);
        for b in baris.iter().filter(|b| b.belum_ada_data) {
            kurang.merge(&b.sebelum);
            berkurang = berkurang.saturating_add(b.kpm_berkurang);
        }
        let belum: Vec<bool> = baris.iter().map(|b| b.belum_ada_data).collect();
        if let Some(site) = baris.first_mut().filter(|b| b.wilayah.is_none()) {
            let a = &mut site.sebelum;
            a.alokasi_kpm = a.alokasi_kpm.saturating_sub(kurang.alokasi_kpm);
            a.tersalur_kpm = a.tersalur_kpm.saturating_sub(kurang.tersalur_kpm);
            a.gagal_kpm = a.gagal_kpm.saturating_sub(kurang.gagal_kpm);
            a.baris = a.baris.saturating_sub(kurang.baris);
            site.kpm_berkurang = site.kpm_berkurang.saturating_sub(berkurang);
            if ada_yang_belum {
                // and its channels then are those of the kabupaten/kota compared
                let mut dulu: Vec<PenyalurId> = saluran
                    .iter()
                    .zip(&belum)
                    .skip(1)
                    .filter(|(_, b)| !**b)
                    .flat_map(|((_, d), _)| d.iter().copied())
                    .collect();
                dulu.sort_unstable();
                dulu.dedup();
                let kini = &saluran[0].0;
                site.penyalur_baru = kini.iter().filter(|x| !dulu.contains(x)).copied().collect();
                site.penyalur_hilang = dulu.iter().filter(|x| !kini.contains(x)).copied().collect();
            }
        }
        out.push(Perubahan {
            program: p,
            tahap: t,
            sebelum: s,
            baris,
        });
    }
    out
}

/// How region `w` (the whole site for `None`) shows each reason code in the tables of
/// programme `p` in tahap `t`, over all penyalur: `Some(true)` shown with a count above 0,
/// `Some(false)` shown as none (or no failures at all), `None` hidden or withheld somewhere.
fn tampil_alasan(
    report: &Report,
    w: Option<WilayahId>,
    p: ProgramId,
    t: TahapId,
) -> [Option<bool>; KOLOM] {
    let mut out = [Some(false); KOLOM];
    for g in report
        .gagal
        .iter()
        .filter(|g| g.kunci.program == p && g.kunci.tahap == t)
    {
        let Some(sel) = g.sel(w) else {
            // the region had no failures in this table: published as such by its totals
            continue;
        };
        for j in 0..KOLOM {
            let v = match sel.tampil.map(|t| t[j]) {
                Some(Tampil::Angka(0)) => Some(false),
                Some(Tampil::Angka(_)) => Some(true),
                _ => None,
            };
            out[j] = match (out[j], v) {
                (None, _) | (_, None) => None,
                (Some(a), Some(b)) => Some(a || b),
            };
        }
    }
    out
}

fn alasan_baru(
    report: &Report,
    w: Option<WilayahId>,
    p: ProgramId,
    t: TahapId,
    s: TahapId,
) -> Vec<KodeAlasan> {
    let (kini, dulu) = (
        tampil_alasan(report, w, p, t),
        tampil_alasan(report, w, p, s),
    );
    KodeAlasan::SEMUA
        .iter()
        .enumerate()
        .filter(|&(j, _)| kini[j] == Some(true) && dulu[j] == Some(false))
        .map(|(_, &k)| k)
        .collect()
}
