//! Where each region's figures come from: the rows of `data/sumber_angka.csv` resolved for
//! every region × programme × tahap × kind of figure (allocation, realisation).
//!
//! A row speaks of its region and, inherited, of every region below it; for one figure (a
//! programme × tahap × penyalur cell's allocation, payments or failures) the most specific
//! row applies: the nearest region first (a row of the region itself before one of its
//! kabupaten/kota), then one that says `total` or `rincian` before one that says both, then
//! one that names the programme, the tahap, the penyalur, then the fewest kinds of figure. A region no row speaks of
//! (a provinsi above the rows, the whole site) gets what its parts say: the same statement
//! when they all share one, else a statement *derived* from them, which names the parts of
//! each kind, and is as certain as its least certain part.
//!
//! Without the file nothing is computed (no cost on a site that does not use it).

use rustc_hash::FxHashMap;

use super::{Kunci, Report};
use crate::data::sumber_angka::{Cakupan, JenisAngka, Sifat, SumberAngka};
use crate::data::{Dataset, WilayahId};

/// What is said of one figure: a row of the file, or a statement derived from the parts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Pernyataan {
    /// Row `i` of [`Dataset::sumber_angka`].
    Baris(usize),
    /// The sum of parts that say different things: per kind (`None`: nothing is said of
    /// them), the regions below (`None` in the list: rows given for the region itself).
    Turunan(Vec<(Option<Sifat>, Vec<Option<WilayahId>>)>),
}

impl Pernyataan {
    /// How certain the figure is: the row's, or the least certain part's (`None` when
    /// nothing is said of any part).
    pub fn sifat(&self, ds: &Dataset) -> Option<Sifat> {
        match self {
            Pernyataan::Baris(i) => Some(ds.sumber_angka[*i].sifat),
            Pernyataan::Turunan(bagian) => bagian.iter().filter_map(|(s, _)| *s).max(),
        }
    }
}

/// One figure's statement: (cell, kind, index into [`Asal::pernyataan`]).
pub type EntriAsal = (Kunci, JenisAngka, u32);

/// Every region's statements.
#[derive(Debug, Clone, Default)]
pub struct Asal {
    /// The statements, each once.
    pub pernyataan: Vec<Pernyataan>,
    /// Per region (indexed by [`WilayahId`]; empty without the file), its figures'
    /// statements, sorted.
    pub wilayah: Vec<Vec<EntriAsal>>,
    /// The whole site's.
    pub total: Vec<EntriAsal>,
}

impl Asal {
    /// The statement of figure `jenis` of `kunci` for region `w` (the whole site for `None`).
    pub fn untuk(
        &self,
        w: Option<WilayahId>,
        kunci: Kunci,
        jenis: JenisAngka,
    ) -> Option<&Pernyataan> {
        let list = match w {
            Some(w) => self.wilayah.get(w.indeks())?,
            None => &self.total,
        };
        cari(list, kunci, jenis).map(|i| &self.pernyataan[i as usize])
    }

    /// The entries of region `w` (the whole site for `None`).
    pub fn entri(&self, w: Option<WilayahId>) -> &[EntriAsal] {
        match w {
            Some(w) => self.wilayah.get(w.indeks()).map_or(&[], Vec::as_slice),
            None => &self.total,
        }
    }
}

fn cari(list: &[EntriAsal], k: Kunci, j: JenisAngka) -> Option<u32> {
    list.binary_search_by_key(&(k, j), |&(k, j, _)| (k, j))
        .ok()
        .map(|i| list[i].2)
}

/// Resolves `data/sumber_angka.csv` over the region tree and the figures of `report`.
pub fn hitung(ds: &Dataset, report: &Report) -> Asal {
    if ds.sumber_angka.is_empty() {
        return Asal::default();
    }
    let tree = &ds.wilayah;
    let mut di: FxHashMap<WilayahId, Vec<usize>> = FxHashMap::default();
    // `[[sumber]]` entries of site.toml, per top region: what a figure read from a file is
    // where no row of `sumber_angka.csv` speaks of it
    let mut bawaan: FxHashMap<WilayahId, Vec<usize>> = FxHashMap::default();
    for (i, r) in ds.sumber_angka.iter().enumerate() {
        match r.dari_berkas() {
            true => di.entry(r.wilayah).or_default().push(i),
            false => bawaan.entry(r.wilayah).or_default().push(i),
        }
    }
    // what `[[sumber]]` says of figure `j` of region `w`: the entry of its top region
    let akar_dari = |w: WilayahId| -> WilayahId {
        let mut a = w;
        while let Some(i) = tree.node(a).induk {
            a = i;
        }
        a
    };
    let dari_toml = |w: WilayahId, j: JenisAngka| -> Option<usize> {
        bawaan
            .get(&akar_dari(w))?
            .iter()
            .copied()
            .find(|&i| ds.sumber_angka[i].angka.berisi(j))
    };
    let mut asal = Asal {
        wilayah: vec![Vec::new(); tree.len()],
        ..Asal::default()
    };
    let mut indeks: FxHashMap<Pernyataan, u32> = FxHashMap::default();
    let mut simpan = |p: Pernyataan, asal: &mut Asal| -> u32 {
        *indeks.entry(p.clone()).or_insert_with(|| {
            asal.pernyataan.push(p);
            (asal.pernyataan.len() - 1) as u32
        })
    };
    // the nearest row for one figure of region `w`
    let baris = |w: WilayahId, k: Kunci, j: JenisAngka| -> Option<usize> {
        type Kekhususan = (u8, bool, bool, bool, bool, u32);
        let mut best: Option<(Kekhususan, usize)> = None;
        let mut level = 0u8;
        let mut at = Some(w);
        while let Some(a) = at {
            for &i in di.get(&a).into_iter().flatten() {
                let r: &SumberAngka = &ds.sumber_angka[i];
                let cakupan_cocok = match r.cakupan {
                    Cakupan::Semua => true,
                    Cakupan::Total => a == w,
                    Cakupan::Rincian => a != w,
                };
                if !cakupan_cocok
                    || r.program.is_some_and(|x| x != k.program)
                    || r.tahap.is_some_and(|x| x != k.tahap)
                    || r.penyalur.is_some_and(|x| x != k.penyalur)
                    || !r.angka.berisi(j)
                {
                    continue;
                }
                let key = (
                    u8::MAX - level,
                    r.cakupan != Cakupan::Semua,
                    r.program.is_some(),
                    r.tahap.is_some(),
                    r.penyalur.is_some(),
                    u32::MAX - r.angka.jumlah(),
                );
                if best.is_none_or(|(b, _)| key > b) {
                    best = Some((key, i));
                }
            }
            level = level.saturating_add(1);
            at = tree.node(a).induk;
        }
        best.map(|(_, i)| i)
    };
    // children before parents: regions are sorted by code
    for w in WilayahId::semua(tree.len()).rev() {
        let langsung = report.langsung(w);
        let sel = &report.wilayah[w.indeks()].sel;
        let mut out = Vec::with_capacity(sel.len() * JenisAngka::SEMUA.len());
        for &(k, _) in sel {
            for j in JenisAngka::SEMUA {
                let i = match baris(w, k, j) {
                    Some(i) => simpan(Pernyataan::Baris(i), &mut asal),
                    None => {
                        // a figure read for this region itself (a leaf, or rows given for
                        // it beside its children's) is what `[[sumber]]` says of its file;
                        // a sum of parts is what its parts are
                        let sendiri =
                            dari_toml(w, j).map(|i| simpan(Pernyataan::Baris(i), &mut asal));
                        let ada_langsung = langsung.is_some_and(|l| ada(&l.sel, k));
                        let bagian: Vec<(Option<WilayahId>, Option<u32>)> = tree
                            .node(w)
                            .anak
                            .iter()
                            .filter(|&&c| ada(&report.wilayah[c.indeks()].sel, k))
                            .map(|&c| (Some(c), cari(&asal.wilayah[c.indeks()], k, j)))
                            .chain(ada_langsung.then_some((None, sendiri)))
                            .collect();
                        if bagian.is_empty() {
                            if let Some(i) = sendiri {
                                out.push((k, j, i));
                            }
                            continue;
                        }
                        match turunan(&asal, ds, &bagian) {
                            Some(Ok(i)) => i,
                            Some(Err(p)) => simpan(p, &mut asal),
                            None => continue,
                        }
                    }
                };
                out.push((k, j, i));
            }
        }
        asal.wilayah[w.indeks()] = out;
    }
    // the whole site: the sum of the top regions
    let mut total = Vec::new();
    for &(k, _) in &report.total.sel {
        for j in JenisAngka::SEMUA {
            let bagian: Vec<(Option<WilayahId>, Option<u32>)> = tree
                .akar
                .iter()
                .filter(|&&c| ada(&report.wilayah[c.indeks()].sel, k))
                .map(|&c| (Some(c), cari(&asal.wilayah[c.indeks()], k, j)))
                .collect();
            let i = match turunan(&asal, ds, &bagian) {
                Some(Ok(i)) => i,
                Some(Err(p)) => simpan(p, &mut asal),
                None => continue,
            };
            total.push((k, j, i));
        }
    }
    asal.total = total;
    asal
}

/// Whether a region's figures `sel` (sorted) have cell `k`.
fn ada(sel: &[(Kunci, crate::analysis::Angka)], k: Kunci) -> bool {
    sel.binary_search_by_key(&k, |(x, _)| *x).is_ok()
}

/// What a total says from its parts `bagian` (a part: its region, `None` for rows given for
/// the total's region itself, and its statement): `Ok` the statement they all share, `Err` a
/// derived one to store, `None` when nothing is said of any part.
fn turunan(
    asal: &Asal,
    ds: &Dataset,
    bagian: &[(Option<WilayahId>, Option<u32>)],
) -> Option<Result<u32, Pernyataan>> {
    let first = bagian.first()?.1;
    if bagian.iter().all(|(_, s)| *s == first) {
        return first.map(Ok);
    }
    let mut per_sifat: Vec<(Option<Sifat>, Vec<Option<WilayahId>>)> = Vec::new();
    for &(w, s) in bagian {
        let sifat = s.and_then(|s| asal.pernyataan[s as usize].sifat(ds));
        match per_sifat.iter_mut().find(|(x, _)| *x == sifat) {
            Some((_, list)) => list.push(w),
            None => per_sifat.push((sifat, vec![w])),
        }
    }
    // least certain first, the parts nothing is said of last
    per_sifat.sort_by_key(|(s, _)| std::cmp::Reverse(s.map(|s| s as u8 + 1).unwrap_or(0)));
    Some(Err(Pernyataan::Turunan(per_sifat)))
}
