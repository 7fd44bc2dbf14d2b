//! Failed payments by reason, per programme × tahap × penyalur over the whole region tree, with
//! the small counts suppressed ([`super::privasi`]) once for every page that shows them.
//!
//! A region page, its kabupaten/kota's failure page and the whole site's page all read their
//! cells from the same suppressed table, so what one page hides another cannot give away: the
//! table links every region to its parent, and the suppression holds across those links.

use super::privasi::{TabelPohon, Tampil, Tembolok};
use super::{Kunci, Report};
use crate::data::alasan::KodeAlasan;
use crate::data::{Dataset, WilayahId};
use rustc_hash::FxHashMap;

/// The number of reason codes, the columns of a [`TabelGagal`].
pub const KOLOM: usize = KodeAlasan::SEMUA.len();

/// Failed KPM per reason code of the regions with failures for one programme × tahap ×
/// penyalur.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TabelGagal {
    /// Programme, tahap and penyalur.
    pub kunci: Kunci,
    /// The regions with failures, sorted; the whole site is [`TabelGagal::total`].
    pub wilayah: Vec<WilayahId>,
    /// Failed KPM per code (in [`KodeAlasan::SEMUA`] order), one entry per region.
    pub nilai: Vec<[u64; KOLOM]>,
    /// The whole site's failed KPM per code.
    pub total: [u64; KOLOM],
    /// How each region's cells may be shown (parallel to `nilai`), then the whole site's; `None`
    /// when no breakdown by reason can be published safely.
    pub tampil: Option<Vec<[Tampil; KOLOM]>>,
}

impl TabelGagal {
    /// The row of region `w`, if it has failures.
    pub fn baris(&self, w: WilayahId) -> Option<usize> {
        self.wilayah.binary_search(&w).ok()
    }

    /// Region `w`'s failures per code and how to show them (`None` for the whole site's).
    pub fn sel(&self, w: Option<WilayahId>) -> Option<SelGagal<'_>> {
        let (nilai, i) = match w {
            Some(w) => {
                let i = self.baris(w)?;
                (&self.nilai[i], i)
            }
            None => (&self.total, self.nilai.len()),
        };
        Some(SelGagal {
            nilai,
            tampil: self.tampil.as_ref().map(|t| &t[i]),
        })
    }
}

/// One region's row of a [`TabelGagal`].
#[derive(Debug, Clone, Copy)]
pub struct SelGagal<'a> {
    /// Failed KPM per code.
    pub nilai: &'a [u64; KOLOM],
    /// How to show each code's count; `None`: the breakdown is withheld.
    pub tampil: Option<&'a [Tampil; KOLOM]>,
}

impl SelGagal<'_> {
    /// All failures of the row.
    pub fn jumlah(&self) -> u64 {
        self.nilai.iter().fold(0u64, |a, &b| a.saturating_add(b))
    }
}

/// The failure tables of the whole site, one per programme × tahap × penyalur with failures,
/// sorted by [`Kunci`]; counts below `min_kpm` suppressed, taking the decisions `tembolok`
/// holds; with the decisions made, for the next build.
pub fn per_kunci(
    ds: &Dataset,
    report: &Report,
    min_kpm: u64,
    tembolok: &Tembolok,
) -> (Vec<TabelGagal>, Tembolok) {
    use rayon::prelude::*;
    let kode: Vec<usize> = ds
        .alasan
        .iter()
        .map(|a| {
            let k = KodeAlasan::golongkan(a);
            KodeAlasan::SEMUA
                .iter()
                .position(|&x| x == k)
                .unwrap_or(KOLOM - 1)
        })
        .collect();
    // every region's rolled-up failures, grouped by key; regions come in id order, so each
    // key's rows are sorted
    let per = per_kunci_wilayah(
        &kode,
        report
            .wilayah
            .iter()
            .enumerate()
            .filter_map(|(w, r)| Some((WilayahId::baru(w)?, r))),
    );
    // failures given for a region above the desa level directly
    let langsung = per_kunci_wilayah(&kode, report.langsung.iter().map(|(w, r)| (*w, r)));
    let mut keys: Vec<Kunci> = per.keys().copied().collect();
    keys.sort_unstable();
    keys.into_par_iter()
        .map(|kunci| {
            let rows = per.get(&kunci).map(Vec::as_slice).unwrap_or_default();
            let direct = langsung.get(&kunci).map(Vec::as_slice).unwrap_or_default();
            tabel(ds, kunci, rows, direct, min_kpm, tembolok)
        })
        .collect::<Vec<_>>()
        .into_iter()
        .fold(
            (Vec::new(), Tembolok::default()),
            |(mut t, mut baru), (g, k)| {
                t.push(g);
                baru.gabung(k);
                (t, baru)
            },
        )
}

/// Regions' failures per key and code: each key's rows in the order of `rekap`.
fn per_kunci_wilayah<'a>(
    kode: &[usize],
    rekap: impl Iterator<Item = (WilayahId, &'a super::Rekap)>,
) -> FxHashMap<Kunci, Vec<(WilayahId, [u64; KOLOM])>> {
    let mut per: FxHashMap<Kunci, Vec<(WilayahId, [u64; KOLOM])>> = FxHashMap::default();
    for (w, rekap) in rekap {
        for run in rekap.gagal.chunk_by(|a, b| a.kunci == b.kunci) {
            let mut row = [0u64; KOLOM];
            for g in run {
                let c = kode.get(g.alasan.indeks()).copied().unwrap_or(KOLOM - 1);
                row[c] = row[c].saturating_add(g.kpm);
            }
            if row.iter().any(|&v| v > 0) {
                per.entry(run[0].kunci).or_default().push((w, row));
            }
        }
    }
    per
}

fn tabel(
    ds: &Dataset,
    kunci: Kunci,
    rows: &[(WilayahId, [u64; KOLOM])],
    direct: &[(WilayahId, [u64; KOLOM])],
    min_kpm: u64,
    tembolok: &Tembolok,
) -> (TabelGagal, Tembolok) {
    let wilayah: Vec<WilayahId> = rows.iter().map(|(w, _)| *w).collect();
    let nilai: Vec<[u64; KOLOM]> = rows.iter().map(|(_, v)| *v).collect();
    let mut total = [0u64; KOLOM];
    // the tree: every region's row under its nearest ancestor with failures (its parent, as
    // a parent's rolled-up figures include its children's), the roots under the whole site
    let site = wilayah.len();
    let mut induk: Vec<Option<usize>> = Vec::with_capacity(site + 1 + direct.len());
    for &w in &wilayah {
        let parent = ds.wilayah.nodes[w.indeks()]
            .induk
            .and_then(|p| wilayah.binary_search(&p).ok());
        induk.push(Some(parent.unwrap_or(site)));
    }
    for (i, p) in induk.iter().enumerate() {
        if *p == Some(site) {
            for (t, v) in total.iter_mut().zip(&nilai[i]) {
                *t = t.saturating_add(*v);
            }
        }
    }
    induk.push(None);
    let mut sel: Vec<u64> = nilai.iter().flatten().copied().collect();
    sel.extend_from_slice(&total);
    // a region with figures of its own besides its children's: its own part is a row below it
    let mut punya_anak = vec![false; site + 1];
    for p in induk.iter().flatten() {
        punya_anak[*p] = true;
    }
    for (w, v) in direct {
        if let Some(r) = wilayah.binary_search(w).ok().filter(|&r| punya_anak[r]) {
            induk.push(Some(r));
            sel.extend_from_slice(v);
        }
    }
    let mut baru = Tembolok::default();
    let tampil = TabelPohon::new(induk, KOLOM, sel.clone())
        .and_then(|t| {
            let (k, mode) = tembolok.tekan(&t, min_kpm);
            baru.simpan(k, mode.as_deref());
            mode
        })
        .map(|mode| {
            (0..=site)
                .map(|r| {
                    std::array::from_fn(|j| {
                        let e = r * KOLOM + j;
                        Tampil::dari(sel[e], mode[e], min_kpm)
                    })
                })
                .collect()
        });
    let tabel = TabelGagal {
        kunci,
        wilayah,
        nilai,
        total,
        tampil,
    };
    (tabel, baru)
}
