//! Small-cell suppression: which counts of a table may be published so that no count below
//! the threshold (`[privacy] min_kpm`) can be read, or worked out from what is published.
//!
//! A failure count by reason ("meninggal: 1" in one desa) says something about a person. Such a
//! count is shown as "< 3" (the *primary* suppression). That alone is not enough: when a desa's
//! failures total 4 and three of its four reasons are published, the fourth is the difference.
//! So more cells are hidden (the *complementary* suppression) until no hidden value is
//! determined by the published ones.
//!
//! # The table
//!
//! A [`TabelPohon`] is a table whose rows form a tree (desa under kecamatan under
//! kabupaten/kota …) and whose columns are categories (the reason codes). Every row is the sum
//! of its children, column by column, and every row's total over its columns is published (it is
//! the failure count the realisation tables show). A reader knows:
//!
//! - every published cell;
//! - that a cell shown "< min" lies in `0..min`;
//! - that a hidden cell of `min` or more (shown "×") is at least `min` (else it would show
//!   "< min");
//! - every row total, and that each row is the sum of its children.
//!
//! # Why a hidden value stays hidden
//!
//! These equations form a network: each cell is an arc between two equations (its row's total
//! or its parent's cell, and its own cell's sum over its children). A change to the hidden cells
//! that keeps every published figure is a flow around a cycle of hidden cells, and such a
//! change by one KPM exists for a cell exactly when a cycle through it can go up or down by one
//! within every cell's bounds (the matrix of a network is totally unimodular, so integer
//! solutions move along cycles). So [`tekan`] hides, for every primary cell, the cheapest cycle
//! through it, found by Dijkstra's algorithm over the arcs of all cells (a hidden cell costs
//! nothing; a published one costs more the larger it is, so zeros and small cells go first).
//! [`terungkap`] checks the result independently; the unit tests also check it by enumerating
//! every table a reader could reconstruct.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Counts over a tree of rows × columns; see the [module documentation](self).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabelPohon {
    induk: Vec<Option<usize>>,
    kolom: usize,
    nilai: Vec<u64>,
}

impl TabelPohon {
    /// A table of `induk.len()` rows × `kolom` columns; `induk[r]` is row `r`'s parent row, and
    /// `nilai` holds the cells row by row. Each parent row must be the sum of its children.
    ///
    /// Returns `None` when `nilai` has the wrong length or a parent is out of range.
    pub fn new(induk: Vec<Option<usize>>, kolom: usize, nilai: Vec<u64>) -> Option<TabelPohon> {
        let rows = induk.len();
        if nilai.len() != rows.checked_mul(kolom)? || induk.iter().flatten().any(|&p| p >= rows) {
            return None;
        }
        Some(TabelPohon {
            induk,
            kolom,
            nilai,
        })
    }

    /// The number of rows.
    pub fn baris(&self) -> usize {
        self.induk.len()
    }

    /// The number of columns.
    pub fn kolom(&self) -> usize {
        self.kolom
    }

    /// The cell of row `r`, column `j`.
    pub fn sel(&self, r: usize, j: usize) -> u64 {
        self.nilai[r * self.kolom + j]
    }
}

/// How a reader sees one cell of a suppressed table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tampil {
    /// The count as it is.
    Angka(u64),
    /// Hidden; below the threshold ("< 3").
    Kecil,
    /// Hidden to protect a small cell elsewhere; at least the threshold ("×").
    Tersembunyi,
}

impl Tampil {
    /// How to show `nilai` when `hidden` says whether it is suppressed.
    pub fn dari(nilai: u64, hidden: bool, min: u64) -> Tampil {
        match (hidden, nilai < min) {
            (false, _) => Tampil::Angka(nilai),
            (true, true) => Tampil::Kecil,
            (true, false) => Tampil::Tersembunyi,
        }
    }
}

/// Which cells to hide (`true`, in row-major order) so that every count in `1..min` is hidden
/// and no hidden count can be worked out from the published figures. `min` ≤ 1 hides nothing.
///
/// Returns `None` when some small count cannot be protected at all: when the bounds a reader
/// knows pin it whatever else is hidden (every reason of a row at `min − 1`, say). The table's
/// breakdown must then not be published.
pub fn tekan(tabel: &TabelPohon, min: u64) -> Option<Vec<bool>> {
    let n = tabel.nilai.len();
    let mut hidden = vec![false; n];
    if min <= 1 {
        return Some(hidden);
    }
    let jaringan = Jaringan::new(tabel, min);
    // the deepest rows first: complements then come from the desa before the regions above
    let depth = depths(&tabel.induk);
    let mut primer: Vec<usize> = (0..n)
        .filter(|&e| (1..min).contains(&tabel.nilai[e]))
        .collect();
    primer.sort_by_key(|&e| (Reverse(depth[e / tabel.kolom]), e));
    for &e in &primer {
        hidden[e] = true;
    }
    let mut cari = Pencarian::new(jaringan.simpul);
    for &e in &primer {
        for c in jaringan.siklus_termurah(e, &hidden, &mut cari)? {
            hidden[c] = true;
        }
    }
    Some(hidden)
}

/// The hidden cells whose value a reader can work out from the published figures (empty when
/// the suppression holds). Checks each hidden cell by a search of its own, independently of
/// how [`tekan`] chose them.
pub fn terungkap(tabel: &TabelPohon, hidden: &[bool], min: u64) -> Vec<usize> {
    let jaringan = Jaringan::new(tabel, min.max(1));
    let mut seen = vec![false; jaringan.simpul];
    (0..tabel.nilai.len())
        .filter(|&e| hidden.get(e).copied().unwrap_or(false))
        .filter(|&e| {
            let (tail, head) = jaringan.ujung[e];
            let (naik, turun) = jaringan.arah[e];
            let lewat = |dari: usize, ke: usize, seen: &mut Vec<bool>| {
                seen.iter_mut().for_each(|s| *s = false);
                jaringan.terjangkau(dari, ke, e, hidden, seen)
            };
            let bisa_naik = naik && lewat(head, tail, &mut seen);
            let bisa_turun = turun && lewat(tail, head, &mut seen);
            !(bisa_naik || bisa_turun)
        })
        .collect()
}

fn depths(induk: &[Option<usize>]) -> Vec<usize> {
    let mut depth = vec![usize::MAX; induk.len()];
    for r in 0..induk.len() {
        // walk up to a row whose depth is known (guarding against a cycle in bad input)
        let mut path = vec![r];
        let mut cur = r;
        let base = loop {
            match induk[cur] {
                None => break 0,
                Some(p) if depth[p] != usize::MAX => break depth[p] + 1,
                Some(_) if path.len() > induk.len() => break 0,
                Some(p) => {
                    path.push(p);
                    cur = p;
                }
            }
        };
        for (i, &row) in path.iter().rev().enumerate() {
            if depth[row] == usize::MAX {
                depth[row] = base + i;
            }
        }
    }
    depth
}

/// The network of a [`TabelPohon`]: one node per leaf row (its total), one per parent row ×
/// column (its cell as the sum of its children's), and one outside node for the root rows'
/// cells (nothing above them).
struct Jaringan {
    simpul: usize,
    /// Per cell, its (tail, head) nodes: flow along the cell raises it.
    ujung: Vec<(usize, usize)>,
    /// Per cell, whether it could go up and down by one within the bounds a reader knows.
    arah: Vec<(bool, bool)>,
    /// Per cell, the cost of hiding it.
    biaya: Vec<u64>,
    /// Arcs out of each node: (to, cell), as offsets into `busur`.
    awal: Vec<usize>,
    busur: Vec<(usize, usize)>,
}

impl Jaringan {
    fn new(t: &TabelPohon, min: u64) -> Jaringan {
        let rows = t.induk.len();
        let k = t.kolom;
        let mut punya_anak = vec![false; rows];
        for p in t.induk.iter().flatten() {
            punya_anak[*p] = true;
        }
        let luar = rows + rows * k;
        let sum_node = |r: usize, j: usize| rows + r * k + j;
        let mut ujung = Vec::with_capacity(t.nilai.len());
        let mut arah = Vec::with_capacity(t.nilai.len());
        let mut biaya = Vec::with_capacity(t.nilai.len());
        for (r, &anak) in punya_anak.iter().enumerate() {
            for j in 0..k {
                let tail = t.induk[r].map_or(luar, |p| sum_node(p, j));
                let head = if anak { sum_node(r, j) } else { r };
                ujung.push((tail, head));
                let v = t.nilai[r * k + j];
                let (lo, hi) = if v < min {
                    (0, min - 1)
                } else {
                    (min, u64::MAX)
                };
                arah.push((v < hi, v > lo));
                biaya.push(if v == 0 { 1 } else { v.saturating_add(1) });
            }
        }
        let simpul = luar + 1;
        let mut keluar = vec![0usize; simpul + 1];
        for (e, &(tail, head)) in ujung.iter().enumerate() {
            let (naik, turun) = arah[e];
            if naik {
                keluar[tail + 1] += 1;
            }
            if turun {
                keluar[head + 1] += 1;
            }
        }
        for i in 0..simpul {
            keluar[i + 1] += keluar[i];
        }
        let mut isi = keluar.clone();
        let mut busur = vec![(0, 0); keluar[simpul]];
        for (e, &(tail, head)) in ujung.iter().enumerate() {
            let (naik, turun) = arah[e];
            if naik {
                busur[isi[tail]] = (head, e);
                isi[tail] += 1;
            }
            if turun {
                busur[isi[head]] = (tail, e);
                isi[head] += 1;
            }
        }
        Jaringan {
            simpul,
            ujung,
            arah,
            biaya,
            awal: keluar,
            busur,
        }
    }

    fn keluar(&self, v: usize) -> &[(usize, usize)] {
        &self.busur[self.awal[v]..self.awal[v + 1]]
    }

    /// Whether `ke` can be reached from `dari` over hidden cells other than `kecuali`.
    fn terjangkau(
        &self,
        dari: usize,
        ke: usize,
        kecuali: usize,
        hidden: &[bool],
        seen: &mut [bool],
    ) -> bool {
        let mut stack = vec![dari];
        seen[dari] = true;
        while let Some(v) = stack.pop() {
            if v == ke {
                return true;
            }
            for &(w, e) in self.keluar(v) {
                if e != kecuali && hidden[e] && !seen[w] {
                    seen[w] = true;
                    stack.push(w);
                }
            }
        }
        false
    }

    /// The cells (hidden or not) of the cheapest cycle through cell `e`, not counting `e`.
    fn siklus_termurah(
        &self,
        e: usize,
        hidden: &[bool],
        cari: &mut Pencarian,
    ) -> Option<Vec<usize>> {
        let (tail, head) = self.ujung[e];
        let (naik, turun) = self.arah[e];
        let mut best: Option<(u64, Vec<usize>)> = None;
        for (ok, dari, ke) in [(naik, head, tail), (turun, tail, head)] {
            if !ok {
                continue;
            }
            if let Some((cost, path)) = cari.jalan(self, dari, ke, e, hidden)
                && best.as_ref().is_none_or(|(c, _)| cost < *c)
            {
                best = Some((cost, path));
            }
        }
        best.map(|(_, path)| path)
    }
}

/// Dijkstra's search, with its arrays kept between searches.
struct Pencarian {
    jarak: Vec<u64>,
    dari: Vec<(usize, usize)>,
    putaran: Vec<u32>,
    ke: u32,
    heap: BinaryHeap<Reverse<(u64, usize)>>,
}

impl Pencarian {
    fn new(simpul: usize) -> Pencarian {
        Pencarian {
            jarak: vec![0; simpul],
            dari: vec![(usize::MAX, usize::MAX); simpul],
            putaran: vec![0; simpul],
            ke: 0,
            heap: BinaryHeap::new(),
        }
    }

    /// The cheapest path from `awal` to `tujuan` avoiding cell `kecuali`: its cost and cells.
    fn jalan(
        &mut self,
        net: &Jaringan,
        awal: usize,
        tujuan: usize,
        kecuali: usize,
        hidden: &[bool],
    ) -> Option<(u64, Vec<usize>)> {
        self.ke = self.ke.wrapping_add(1);
        if self.ke == 0 {
            self.putaran.iter_mut().for_each(|p| *p = 0);
            self.ke = 1;
        }
        let ke = self.ke;
        self.heap.clear();
        self.jarak[awal] = 0;
        self.putaran[awal] = ke;
        self.dari[awal] = (usize::MAX, usize::MAX);
        self.heap.push(Reverse((0, awal)));
        while let Some(Reverse((d, v))) = self.heap.pop() {
            if d > self.jarak[v] {
                continue;
            }
            if v == tujuan {
                let mut cells = Vec::new();
                let mut cur = v;
                while cur != awal {
                    let (prev, cell) = self.dari[cur];
                    cells.push(cell);
                    cur = prev;
                }
                return Some((d, cells));
            }
            for &(w, cell) in net.keluar(v) {
                if cell == kecuali {
                    continue;
                }
                let step = if hidden[cell] { 0 } else { net.biaya[cell] };
                let nd = d.saturating_add(step);
                if self.putaran[w] != ke || nd < self.jarak[w] {
                    self.putaran[w] = ke;
                    self.jarak[w] = nd;
                    self.dari[w] = (v, cell);
                    self.heap.push(Reverse((nd, w)));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table a reader could reconstruct: the hidden cells' values that agree with
    /// everything published. Returns, per hidden cell, the set of values it takes.
    fn kemungkinan(t: &TabelPohon, hidden: &[bool], min: u64) -> Vec<Vec<u64>> {
        let hid: Vec<usize> = (0..t.nilai.len()).filter(|&e| hidden[e]).collect();
        let batas = |e: usize| {
            let v = t.nilai[e];
            if v < min {
                (0, min - 1)
            } else {
                // a reader knows only "at least min"; the totals bound it from above
                (min, t.nilai.iter().sum::<u64>().max(min))
            }
        };
        let mut seen: Vec<Vec<u64>> = vec![Vec::new(); t.nilai.len()];
        let mut coba = t.nilai.clone();
        fn rekur(
            i: usize,
            hid: &[usize],
            coba: &mut Vec<u64>,
            t: &TabelPohon,
            batas: &dyn Fn(usize) -> (u64, u64),
            seen: &mut Vec<Vec<u64>>,
        ) {
            if i == hid.len() {
                let k = t.kolom;
                let rows = t.induk.len();
                // row totals as published
                for r in 0..rows {
                    let a: u64 = coba[r * k..(r + 1) * k].iter().sum();
                    let b: u64 = t.nilai[r * k..(r + 1) * k].iter().sum();
                    if a != b {
                        return;
                    }
                }
                // every parent is the sum of its children
                for p in 0..rows {
                    let anak: Vec<usize> = (0..rows).filter(|&r| t.induk[r] == Some(p)).collect();
                    if anak.is_empty() {
                        continue;
                    }
                    for j in 0..k {
                        let s: u64 = anak.iter().map(|&c| coba[c * k + j]).sum();
                        if s != coba[p * k + j] {
                            return;
                        }
                    }
                }
                for &e in hid {
                    if !seen[e].contains(&coba[e]) {
                        seen[e].push(coba[e]);
                    }
                }
                return;
            }
            let e = hid[i];
            let (lo, hi) = batas(e);
            for v in lo..=hi {
                coba[e] = v;
                rekur(i + 1, hid, coba, t, batas, seen);
            }
            coba[e] = t.nilai[e];
        }
        rekur(0, &hid, &mut coba, t, &batas, &mut seen);
        seen
    }

    /// A tree from leaves: `induk` of every row, leaf values; parents are summed.
    fn pohon(induk: Vec<Option<usize>>, kolom: usize, daun: &[(usize, Vec<u64>)]) -> TabelPohon {
        let rows = induk.len();
        let mut nilai = vec![0u64; rows * kolom];
        for (r, v) in daun {
            let mut cur = Some(*r);
            while let Some(c) = cur {
                for j in 0..kolom {
                    nilai[c * kolom + j] += v[j];
                }
                cur = induk[c];
            }
        }
        TabelPohon::new(induk, kolom, nilai).unwrap()
    }

    fn cek(t: &TabelPohon, min: u64) -> Vec<bool> {
        let hidden = tekan(t, min).expect("protectable");
        for (e, (&v, &h)) in t.nilai.iter().zip(&hidden).enumerate() {
            assert!(
                h || !(1..min).contains(&v),
                "small cell {e} = {v} published"
            );
        }
        assert_eq!(
            terungkap(t, &hidden, min),
            Vec::<usize>::new(),
            "table {t:?}, hidden {hidden:?}"
        );
        hidden
    }

    #[test]
    fn one_death_in_a_village_is_not_recoverable_from_the_totals() {
        // kecamatan (row 0) with three desa; columns: meninggal, pindah, tidak_hadir
        let t = pohon(
            vec![None, Some(0), Some(0), Some(0)],
            3,
            &[(1, vec![1, 5, 6]), (2, vec![4, 7, 9]), (3, vec![0, 8, 3])],
        );
        let hidden = cek(&t, 3);
        assert!(hidden[3], "meninggal: 1 in the first desa is hidden");
        // a complement in the same row and in the same column
        assert!(hidden[4] || hidden[5]);
        assert!(hidden[6] || hidden[9]);
        // the enumeration agrees: every hidden cell can take two values or more
        for (e, vals) in kemungkinan(&t, &hidden, 3).iter().enumerate() {
            if hidden[e] {
                assert!(vals.len() >= 2, "cell {e} pinned to {vals:?}");
            }
        }
    }

    #[test]
    fn a_region_whose_only_failure_is_one_death() {
        // one desa alone under its kecamatan: the kecamatan's row is the desa's
        let t = pohon(vec![None, Some(0)], 3, &[(1, vec![1, 0, 0])]);
        let hidden = cek(&t, 3);
        // a zero of the same desa is hidden too, so "meninggal or pindah" is all one learns
        assert!(hidden[3] && hidden[0]);
        assert!(hidden[4] || hidden[5]);
        for (e, vals) in kemungkinan(&t, &hidden, 3).iter().enumerate() {
            if hidden[e] {
                assert!(vals.len() >= 2, "cell {e} pinned to {vals:?}");
            }
        }
    }

    #[test]
    fn suppression_off_below_two() {
        let t = pohon(vec![None, Some(0)], 2, &[(1, vec![1, 0])]);
        assert_eq!(tekan(&t, 1), Some(vec![false; 4]));
        assert_eq!(tekan(&t, 0), Some(vec![false; 4]));
    }

    #[test]
    fn the_verifier_catches_a_lone_hidden_cell() {
        let t = pohon(
            vec![None, Some(0), Some(0)],
            2,
            &[(1, vec![1, 5]), (2, vec![4, 4])],
        );
        let mut hidden = vec![false; 6];
        hidden[2] = true; // only the primary: 1 = 6 − 5
        assert_eq!(terungkap(&t, &hidden, 3), vec![2]);
        let vals = kemungkinan(&t, &hidden, 3);
        assert_eq!(vals[2], vec![1]);
    }

    /// A small deterministic generator (xorshift), so the property test needs no crate.
    struct Acak(u64);
    impl Acak {
        fn n(&mut self, m: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % m
        }
    }

    #[test]
    fn no_suppressed_value_is_recoverable_in_random_tables() {
        let mut acak = Acak(0x5a1u64);
        let mut diuji = 0;
        let mut tak_terlindungi = 0;
        for _ in 0..400 {
            // a root, 1–2 kecamatan, 1–3 desa each; 4–8 reasons (the code list has 8); small
            // counts, many of them 1–2 and many reasons absent
            let kolom = 4 + acak.n(5) as usize;
            let mut induk = vec![None];
            let mut daun = Vec::new();
            for _ in 0..1 + acak.n(2) {
                let kec = induk.len();
                induk.push(Some(0));
                for _ in 0..1 + acak.n(3) {
                    let r = induk.len();
                    induk.push(Some(kec));
                    let v: Vec<u64> = (0..kolom)
                        .map(|_| match acak.n(8) {
                            0..=3 => 0,
                            4 | 5 => 1 + acak.n(2),
                            _ => 3 + acak.n(3),
                        })
                        .collect();
                    daun.push((r, v));
                }
            }
            let t = pohon(induk, kolom, &daun);
            let Some(hidden) = tekan(&t, 3) else {
                // unprotectable: the breakdown is not published; check it really is pinned
                tak_terlindungi += 1;
                let semua = vec![true; t.nilai.len()];
                assert!(
                    !terungkap(&t, &semua, 3).is_empty(),
                    "table {t:?} was protectable"
                );
                continue;
            };
            for (&v, &h) in t.nilai.iter().zip(&hidden) {
                assert!(h || !(1..3).contains(&v));
            }
            assert_eq!(
                terungkap(&t, &hidden, 3),
                Vec::<usize>::new(),
                "table {t:?}"
            );
            // enumerating every reconstruction is exponential: only for few hidden cells
            let total: u64 = t.nilai.iter().sum();
            let ruang = (0..t.nilai.len())
                .filter(|&e| hidden[e])
                .map(|e| if t.nilai[e] < 3 { 3u64 } else { total })
                .try_fold(1u64, |a, b| a.checked_mul(b).filter(|&x| x <= 200_000));
            if ruang.is_none() {
                continue;
            }
            diuji += 1;
            for (e, vals) in kemungkinan(&t, &hidden, 3).iter().enumerate() {
                if hidden[e] {
                    assert!(vals.len() >= 2, "table {t:?}: cell {e} pinned to {vals:?}");
                }
            }
        }
        assert!(diuji > 100, "only {diuji} tables enumerated");
        assert!(
            tak_terlindungi < 8,
            "{tak_terlindungi} tables unprotectable"
        );
    }
}
