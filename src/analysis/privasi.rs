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

use crate::dasar::varint;
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
    /// Hidden; below the threshold ("< 3"). A reader knows it lies in `0..min`.
    Kecil,
    /// Hidden to protect a small cell elsewhere; at least the threshold ("×").
    Tersembunyi,
    /// Withheld with the rest of its row ("·"): a reader knows nothing of it. Used where the
    /// bounds of "< 3" and "×" would pin a small count whatever else is hidden (a kecamatan
    /// whose 3 failures are all deaths: "×" would mean "3").
    Ditahan,
}

/// What [`tekan`] decides for one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tekan {
    /// Published.
    Terbit,
    /// Hidden: "< min" or "×" by its value.
    Sembunyi,
    /// Withheld, with no bound given ("·").
    Tahan,
}

impl Tampil {
    /// How to show `nilai` decided as `tekan`.
    pub fn dari(nilai: u64, tekan: Tekan, min: u64) -> Tampil {
        match tekan {
            Tekan::Terbit => Tampil::Angka(nilai),
            Tekan::Sembunyi if nilai < min => Tampil::Kecil,
            Tekan::Sembunyi => Tampil::Tersembunyi,
            Tekan::Tahan => Tampil::Ditahan,
        }
    }
}

/// The bounds a reader knows of a hidden cell of value `v`.
fn batas(v: u64, tekan: Tekan, min: u64) -> (u64, u64) {
    match tekan {
        Tekan::Tahan => (0, u64::MAX),
        _ if v < min => (0, min - 1),
        _ => (min, u64::MAX),
    }
}

/// Which cells to hide (in row-major order) so that every count in `1..min` is hidden and
/// a reader who combines everything published can neither work out a hidden count nor tell
/// that a small count is not zero: for each small count, a table agreeing with everything
/// published in which it is 0 exists. `min` ≤ 1 hides nothing.
///
/// Where the bounds of "< min" and "×" pin a small count whatever else is hidden, its row is
/// withheld ([`Tekan::Tahan`], no bounds), then if need be the row above it. Returns `None`
/// only when even that cannot protect it; the table's breakdown must then not be published.
pub fn tekan(tabel: &TabelPohon, min: u64) -> Option<Vec<Tekan>> {
    let n = tabel.nilai.len();
    let mut mode = vec![Tekan::Terbit; n];
    if min <= 1 {
        return Some(mode);
    }
    let jaringan = Jaringan::new(tabel);
    // the deepest rows first: complements then come from the desa before the regions above
    let depth = depths(&tabel.induk);
    let mut primer: Vec<usize> = (0..n)
        .filter(|&e| (1..min).contains(&tabel.nilai[e]))
        .collect();
    primer.sort_by_key(|&e| (Reverse(depth[e / tabel.kolom]), e));
    for &e in &primer {
        mode[e] = Tekan::Sembunyi;
    }
    let mut cari = Pencarian::new(jaringan.simpul);
    let k = tabel.kolom;
    // cells a found move changes: they cannot be pinned (more hidden cells only add moves)
    let mut aman = vec![false; n];
    // withholds a row (the cell's, then the one above, …); false at the top
    let tahan = |mode: &mut [Tekan], row: &mut Option<usize>| -> bool {
        let Some(r) = *row else { return false };
        for m in &mut mode[r * k..(r + 1) * k] {
            *m = Tekan::Tahan;
        }
        *row = tabel.induk[r];
        true
    };
    for &e in &primer {
        let mut row = Some(e / k);
        loop {
            if let Some(gerak) = jaringan.ke_nol(e, &mode, min, &mut cari) {
                for (c, beda) in gerak {
                    if mode[c] == Tekan::Terbit {
                        mode[c] = Tekan::Sembunyi;
                    }
                    aman[c] |= beda != 0;
                }
                break;
            }
            // pinned by the bounds: withhold a row and retry
            if !tahan(&mut mode, &mut row) {
                return None;
            }
        }
    }
    // a cell a move used and left as it was may still be pinned: give it a cycle of its own
    for c in 0..n {
        if mode[c] == Tekan::Terbit || aman[c] {
            continue;
        }
        let mut row = Some(c / k);
        loop {
            if let Some(siklus) = jaringan.siklus(c, &mode, min, &mut cari) {
                for d in siklus {
                    if mode[d] == Tekan::Terbit {
                        mode[d] = Tekan::Sembunyi;
                    }
                    aman[d] = true;
                }
                aman[c] = true;
                break;
            }
            if !tahan(&mut mode, &mut row) {
                return None;
            }
        }
    }
    Some(mode)
}

/// The hidden cells a reader can pin to one value from the published figures, and the small
/// ones a reader can tell are not zero (empty when the suppression holds). Checks each by a
/// search of its own over the hidden cells only, independently of how [`tekan`] chose them.
pub fn terungkap(tabel: &TabelPohon, mode: &[Tekan], min: u64) -> Vec<usize> {
    let jaringan = Jaringan::new(tabel);
    let mut seen = vec![false; jaringan.simpul];
    let mut cari = Pencarian::new(jaringan.simpul);
    (0..tabel.nilai.len())
        .filter(|&e| mode.get(e).is_some_and(|&m| m != Tekan::Terbit))
        .filter(|&e| {
            let v = tabel.nilai[e];
            let (lo, hi) = batas(v, mode[e], min);
            let (tail, head) = jaringan.ujung[e];
            let mut lewat = |dari: usize, ke: usize| {
                seen.iter_mut().for_each(|s| *s = false);
                jaringan.terjangkau(dari, ke, e, mode, min, &mut seen)
            };
            let bisa_naik = v < hi && lewat(head, tail);
            let bisa_turun = v > lo && lewat(tail, head);
            let pinned = !(bisa_naik || bisa_turun);
            // a small count must be able to be zero, over hidden cells only
            let bukan_nol = (1..min).contains(&v)
                && jaringan
                    .ke_nol_tersembunyi(e, mode, min, &mut cari)
                    .is_none();
            pinned || bukan_nol
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
/// cells (nothing above them). Each cell is an arc from its tail to its head: flow along it
/// raises the cell, flow against it lowers it.
struct Jaringan {
    simpul: usize,
    nilai: Vec<u64>,
    kolom: usize,
    /// Per row, its ancestors at depth 3, 2 and 1 (a kecamatan's, a kabupaten's and a
    /// provinsi's subtree on a region tree under the whole site), `usize::MAX` where there is none: a search first
    /// stays below them, which finds a cycle without crossing the whole table.
    lokal: Vec<[usize; 3]>,
    /// Per cell, its (tail, head) nodes.
    ujung: Vec<(usize, usize)>,
    /// Arcs out of each node, as offsets into `busur`: (to, cell, whether it raises the cell).
    awal: Vec<usize>,
    busur: Vec<(usize, usize, bool)>,
}

impl Jaringan {
    fn new(t: &TabelPohon) -> Jaringan {
        let rows = t.induk.len();
        let k = t.kolom;
        let mut punya_anak = vec![false; rows];
        for p in t.induk.iter().flatten() {
            punya_anak[*p] = true;
        }
        let luar = rows + rows * k;
        let sum_node = |r: usize, j: usize| rows + r * k + j;
        let mut ujung = Vec::with_capacity(t.nilai.len());
        for (r, &anak) in punya_anak.iter().enumerate() {
            for j in 0..k {
                let tail = t.induk[r].map_or(luar, |p| sum_node(p, j));
                let head = if anak { sum_node(r, j) } else { r };
                ujung.push((tail, head));
            }
        }
        let simpul = luar + 1;
        let mut keluar = vec![0usize; simpul + 1];
        for &(tail, head) in &ujung {
            keluar[tail + 1] += 1;
            keluar[head + 1] += 1;
        }
        for i in 0..simpul {
            keluar[i + 1] += keluar[i];
        }
        let mut isi = keluar.clone();
        let mut busur = vec![(0, 0, false); keluar[simpul]];
        for (e, &(tail, head)) in ujung.iter().enumerate() {
            busur[isi[tail]] = (head, e, true);
            isi[tail] += 1;
            busur[isi[head]] = (tail, e, false);
            isi[head] += 1;
        }
        let depth = depths(&t.induk);
        let lokal = (0..rows)
            .map(|r| {
                let mut out = [usize::MAX; 3];
                let mut cur = Some(r);
                while let Some(c) = cur {
                    match depth[c] {
                        3 => out[0] = c,
                        2 => out[1] = c,
                        1 => out[2] = c,
                        _ => {}
                    }
                    cur = t.induk[c];
                }
                out
            })
            .collect();
        Jaringan {
            simpul,
            nilai: t.nilai.clone(),
            kolom: k,
            lokal,
            ujung,
            awal: keluar,
            busur,
        }
    }

    fn keluar(&self, v: usize) -> &[(usize, usize, bool)] {
        &self.busur[self.awal[v]..self.awal[v + 1]]
    }

    /// Whether cell `e`, at `x` now, can move one up (`naik`) or down within the bounds a
    /// reader knows of it as `tekan` would show it (a published cell: as it would be hidden).
    fn boleh(&self, e: usize, x: u64, naik: bool, tekan: Tekan, min: u64) -> bool {
        let t = if tekan == Tekan::Terbit {
            Tekan::Sembunyi
        } else {
            tekan
        };
        let (lo, hi) = batas(self.nilai[e], t, min);
        if naik { x < hi } else { x > lo }
    }

    /// Whether `ke` can be reached from `dari` over hidden cells other than `kecuali`, each
    /// moving by one from its true value.
    fn terjangkau(
        &self,
        dari: usize,
        ke: usize,
        kecuali: usize,
        mode: &[Tekan],
        min: u64,
        seen: &mut [bool],
    ) -> bool {
        let mut stack = vec![dari];
        seen[dari] = true;
        while let Some(v) = stack.pop() {
            if v == ke {
                return true;
            }
            for &(w, e, naik) in self.keluar(v) {
                if e != kecuali
                    && mode[e] != Tekan::Terbit
                    && !seen[w]
                    && self.boleh(e, self.nilai[e], naik, mode[e], min)
                {
                    seen[w] = true;
                    stack.push(w);
                }
            }
        }
        false
    }

    /// The cells (hidden or not) of the cheapest way to bring cell `e` down to zero by cycles
    /// that keep every published figure, each with its net change; `None` when there is none.
    fn ke_nol(
        &self,
        e: usize,
        mode: &[Tekan],
        min: u64,
        cari: &mut Pencarian,
    ) -> Option<Vec<(usize, i64)>> {
        // within the kecamatan, then the kabupaten/kota, then anywhere
        let r = e / self.kolom;
        for tingkat in [Some(0), Some(1), Some(2), None] {
            let batas = match tingkat {
                Some(i) => match self.lokal[r][i] {
                    a if a == usize::MAX || a == r => continue,
                    a => Some((i, a)),
                },
                None => None,
            };
            if let Some(g) = self.turunkan(e, mode, min, cari, false, batas) {
                return Some(g);
            }
        }
        None
    }

    /// Whether cell `c` lies strictly below row `a` (an ancestor at depth level `i` of
    /// [`Jaringan::lokal`]).
    fn di_bawah(&self, c: usize, batas: Option<(usize, usize)>) -> bool {
        batas.is_none_or(|(i, a)| {
            let r = c / self.kolom;
            r != a && self.lokal[r][i] == a
        })
    }

    /// The cells of the cheapest cycle that moves cell `e` by one, up or down, from the true
    /// values; `None` when there is none.
    fn siklus(
        &self,
        e: usize,
        mode: &[Tekan],
        min: u64,
        cari: &mut Pencarian,
    ) -> Option<Vec<usize>> {
        let (tail, head) = self.ujung[e];
        let x = std::mem::take(&mut cari.x);
        let x = if x.len() == self.nilai.len() {
            x
        } else {
            self.nilai.clone()
        };
        let v = self.nilai[e];
        let mut best: Option<(u64, Vec<(usize, bool)>)> = None;
        for (naik, dari, ke) in [(true, head, tail), (false, tail, head)] {
            if !self.boleh(e, v, naik, mode[e], min) {
                continue;
            }
            if let Some((cost, path)) = cari.jalan(self, dari, ke, e, mode, min, &x, false, None)
                && best.as_ref().is_none_or(|(c, _)| cost < *c)
            {
                best = Some((cost, path));
            }
        }
        cari.x = x;
        best.map(|(_, path)| path.into_iter().map(|(c, _)| c).collect())
    }

    /// Like [`Jaringan::ke_nol`], over hidden cells only (the verifier).
    fn ke_nol_tersembunyi(
        &self,
        e: usize,
        mode: &[Tekan],
        min: u64,
        cari: &mut Pencarian,
    ) -> Option<Vec<(usize, i64)>> {
        self.turunkan(e, mode, min, cari, true, None)
    }

    fn turunkan(
        &self,
        e: usize,
        mode: &[Tekan],
        min: u64,
        cari: &mut Pencarian,
        hanya_tersembunyi: bool,
        batas: Option<(usize, usize)>,
    ) -> Option<Vec<(usize, i64)>> {
        let (tail, head) = self.ujung[e];
        // the cells' values along the way (the search's own copy, restored before returning)
        let mut x = std::mem::take(&mut cari.x);
        if x.len() != self.nilai.len() {
            x = self.nilai.clone();
        }
        let mut disentuh: Vec<usize> = vec![e];
        let mut ok = true;
        let mut path: Vec<(usize, bool)> = Vec::new();
        for _ in 0..self.nilai[e] {
            // one down on e: a path from its tail back to its head; the last one again when
            // its cells can all move once more
            let lagi = !path.is_empty()
                && path
                    .iter()
                    .all(|&(c, naik)| self.boleh(c, x[c], naik, mode[c], min));
            if !lagi {
                let Some((_, p)) =
                    cari.jalan(self, tail, head, e, mode, min, &x, hanya_tersembunyi, batas)
                else {
                    ok = false;
                    break;
                };
                path = p;
            }
            for &(c, naik) in &path {
                x[c] = if naik { x[c] + 1 } else { x[c] - 1 };
                disentuh.push(c);
            }
            x[e] -= 1;
        }
        disentuh.sort_unstable();
        disentuh.dedup();
        let gerak: Vec<(usize, i64)> = disentuh
            .iter()
            .map(|&c| (c, x[c] as i64 - self.nilai[c] as i64))
            .collect();
        for &c in &disentuh {
            x[c] = self.nilai[c];
        }
        cari.x = x;
        ok.then_some(gerak)
    }
}

/// Dijkstra's search, with its arrays kept between searches.
struct Pencarian {
    jarak: Vec<u64>,
    dari: Vec<(usize, usize, bool)>,
    putaran: Vec<u32>,
    ke: u32,
    /// The cells' current values during a search (the true ones between searches).
    x: Vec<u64>,
    /// (distance, arcs from the start, node): among equal distances the nearest first, so
    /// that a search over free (hidden) cells finds a near target without flooding the table.
    heap: BinaryHeap<Reverse<(u64, u32, usize)>>,
}

impl Pencarian {
    fn new(simpul: usize) -> Pencarian {
        Pencarian {
            jarak: vec![0; simpul],
            dari: vec![(usize::MAX, usize::MAX, false); simpul],
            putaran: vec![0; simpul],
            ke: 0,
            x: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    /// The cheapest path from `awal` to `tujuan` avoiding cell `kecuali`, each arc moving its
    /// cell by one from its value in `x` (else its true value) within its bounds: its cells
    /// and directions. A hidden cell costs nothing, a published one more the larger it is.
    #[allow(clippy::too_many_arguments)]
    fn jalan(
        &mut self,
        net: &Jaringan,
        awal: usize,
        tujuan: usize,
        kecuali: usize,
        mode: &[Tekan],
        min: u64,
        x: &[u64],
        hanya_tersembunyi: bool,
        batas: Option<(usize, usize)>,
    ) -> Option<(u64, Vec<(usize, bool)>)> {
        self.ke = self.ke.wrapping_add(1);
        if self.ke == 0 {
            self.putaran.iter_mut().for_each(|p| *p = 0);
            self.ke = 1;
        }
        let ke = self.ke;
        self.heap.clear();
        self.jarak[awal] = 0;
        self.putaran[awal] = ke;
        self.dari[awal] = (usize::MAX, usize::MAX, false);
        self.heap.push(Reverse((0, 0, awal)));
        while let Some(Reverse((d, hops, v))) = self.heap.pop() {
            if d > self.jarak[v] {
                continue;
            }
            if v == tujuan {
                let mut path = Vec::new();
                let mut cur = v;
                while cur != awal {
                    let (prev, cell, naik) = self.dari[cur];
                    path.push((cell, naik));
                    cur = prev;
                }
                return Some((d, path));
            }
            for &(w, cell, naik) in net.keluar(v) {
                if cell == kecuali
                    || (hanya_tersembunyi && mode[cell] == Tekan::Terbit)
                    || !net.di_bawah(cell, batas)
                {
                    continue;
                }
                let now = x[cell];
                if !net.boleh(cell, now, naik, mode[cell], min) {
                    continue;
                }
                let step = match mode[cell] {
                    Tekan::Terbit => net.nilai[cell].saturating_add(1),
                    _ => 0,
                };
                let nd = d.saturating_add(step);
                if self.putaran[w] != ke || nd < self.jarak[w] {
                    self.putaran[w] = ke;
                    self.jarak[w] = nd;
                    self.dari[w] = (v, cell, naik);
                    self.heap.push(Reverse((nd, hops + 1, w)));
                }
            }
        }
        None
    }
}

/// Earlier builds' suppression decisions, by a hash of their table and threshold: a build whose
/// failure table is the same as the last build's (a correction elsewhere, a new page, a changed
/// text) takes [`tekan`]'s answer from here instead of searching again. On the national
/// benchmark the searches are two thirds of the analysis (about 2.5 s of CPU), and a
/// one-kelurahan correction changes at most the tables of its own programme × tahap × penyalur.
///
/// The key ([`Tembolok::kunci`]) covers every input of [`tekan`] (the tree, the cells, the
/// threshold) and the file records the salur executable that decided ([`Tembolok::ke_bytes`]),
/// so an entry is only ever used for the same question to the same program: a build with the
/// cache and one without publish the same bytes (`tests/suite/incremental.rs`). The build keeps
/// the file beside the published folder's manifest ([`crate::output::tembolok_path`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tembolok {
    /// Per key: the cells not published (row-major index and decision), or `None` when no
    /// breakdown could be published.
    keputusan: std::collections::BTreeMap<u128, Option<Vec<(u64, Tekan)>>>,
}

/// The first bytes of a cache file; a new format gets a new line.
const TEMBOLOK_KEPALA: &[u8] = b"salur tembolok privasi 1\n";

impl Tembolok {
    /// The key of `tabel` suppressed at `min`: a 128-bit hash of both.
    pub fn kunci(tabel: &TabelPohon, min: u64) -> u128 {
        use std::hash::Hash;
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        (min, tabel.kolom, &tabel.induk, &tabel.nilai).hash(&mut h);
        h.digest128()
    }

    /// [`tekan`] of `tabel` at `min`, from this cache when it holds the answer, and the answer
    /// with its key (to keep for the next build).
    pub fn tekan(&self, tabel: &TabelPohon, min: u64) -> (u128, Option<Vec<Tekan>>) {
        let kunci = Tembolok::kunci(tabel, min);
        let n = tabel.nilai.len();
        if let Some(simpan) = self.keputusan.get(&kunci) {
            let mode = simpan.as_ref().and_then(|sel| {
                let mut mode = vec![Tekan::Terbit; n];
                for &(e, t) in sel {
                    *mode.get_mut(usize::try_from(e).ok()?)? = t;
                }
                Some(mode)
            });
            // an entry that does not fit its table is not this table's: decide again
            if mode.is_some() == simpan.is_some() {
                return (kunci, mode);
            }
        }
        (kunci, tekan(tabel, min))
    }

    /// Adds the decision `mode` (from [`Tembolok::tekan`]) under `kunci`.
    pub fn simpan(&mut self, kunci: u128, mode: Option<&[Tekan]>) {
        let sel = mode.map(|m| {
            m.iter()
                .enumerate()
                .filter(|(_, t)| **t != Tekan::Terbit)
                .map(|(e, t)| (e as u64, *t))
                .collect()
        });
        self.keputusan.insert(kunci, sel);
    }

    /// Adds every entry of `lain`.
    pub fn gabung(&mut self, lain: Tembolok) {
        self.keputusan.extend(lain.keputusan);
    }

    /// The number of tables decided.
    pub fn len(&self) -> usize {
        self.keputusan.len()
    }

    /// Whether no table is decided.
    pub fn is_empty(&self) -> bool {
        self.keputusan.is_empty()
    }

    /// The cache as a file for the executable whose fingerprint is `program`: a header, the
    /// fingerprint, the entries (varints, cells as gaps from the previous hidden one) and a
    /// hash of everything before it.
    pub fn ke_bytes(&self, program: u64) -> Vec<u8> {
        let mut out = TEMBOLOK_KEPALA.to_vec();
        out.extend_from_slice(&program.to_le_bytes());
        varint::tulis(&mut out, self.keputusan.len() as u64);
        for (kunci, sel) in &self.keputusan {
            out.extend_from_slice(&kunci.to_le_bytes());
            match sel {
                None => out.push(0),
                Some(sel) => {
                    out.push(1);
                    varint::tulis(&mut out, sel.len() as u64);
                    let mut sebelum = 0;
                    for &(e, t) in sel {
                        varint::tulis(&mut out, e - sebelum);
                        sebelum = e;
                        out.push(match t {
                            Tekan::Terbit => 0,
                            Tekan::Sembunyi => 1,
                            Tekan::Tahan => 2,
                        });
                    }
                }
            }
        }
        let cek = xxhash_rust::xxh3::xxh3_64(&out);
        out.extend_from_slice(&cek.to_le_bytes());
        out
    }

    /// The cache written by [`Tembolok::ke_bytes`] for `program`; empty when `bytes` are not
    /// such a file, were written by another executable, are cut short or damaged (the check
    /// hash), or `program` is 0 (the executable could not be read).
    pub fn dari_bytes(bytes: &[u8], program: u64) -> Tembolok {
        Tembolok::urai(bytes, program).unwrap_or_default()
    }

    fn urai(bytes: &[u8], program: u64) -> Option<Tembolok> {
        if program == 0 {
            return None;
        }
        let (isi, cek) = bytes.split_at_checked(bytes.len().checked_sub(8)?)?;
        if xxhash_rust::xxh3::xxh3_64(isi).to_le_bytes() != *cek {
            return None;
        }
        let mut r = isi.strip_prefix(TEMBOLOK_KEPALA)?;
        let ambil = |r: &mut &[u8], n: usize| -> Option<Vec<u8>> {
            let (a, b) = r.split_at_checked(n)?;
            *r = b;
            Some(a.to_vec())
        };
        if u64::from_le_bytes(ambil(&mut r, 8)?.try_into().ok()?) != program {
            return None;
        }
        let mut keputusan = std::collections::BTreeMap::new();
        for _ in 0..varint::baca(&mut r)? {
            let kunci = u128::from_le_bytes(ambil(&mut r, 16)?.try_into().ok()?);
            let sel = match ambil(&mut r, 1)?[0] {
                0 => None,
                1 => {
                    let n = varint::baca(&mut r)?;
                    // each cell takes at least two bytes: a count beyond that is damage
                    let mut sel = Vec::with_capacity(usize::try_from(n).ok()?.min(r.len() / 2));
                    let mut e = 0u64;
                    for _ in 0..n {
                        e = e.checked_add(varint::baca(&mut r)?)?;
                        let t = match ambil(&mut r, 1)?[0] {
                            1 => Tekan::Sembunyi,
                            2 => Tekan::Tahan,
                            _ => return None,
                        };
                        sel.push((e, t));
                    }
                    Some(sel)
                }
                _ => return None,
            };
            keputusan.insert(kunci, sel);
        }
        r.is_empty().then_some(Tembolok { keputusan })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table a reader could reconstruct: the hidden cells' values that agree with
    /// everything published. Returns, per hidden cell, the set of values it takes.
    fn kemungkinan(t: &TabelPohon, mode: &[Tekan], min: u64) -> Vec<Vec<u64>> {
        let hid: Vec<usize> = (0..t.nilai.len())
            .filter(|&e| mode[e] != Tekan::Terbit)
            .collect();
        let total = t.nilai.iter().sum::<u64>().max(min);
        let batas = |e: usize| {
            // a reader knows "< min", "at least min" or nothing; the totals bound it above
            let (lo, hi) = super::batas(t.nilai[e], mode[e], min);
            (lo, hi.min(total))
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

    fn cek(t: &TabelPohon, min: u64) -> Vec<Tekan> {
        let mode = tekan(t, min).expect("protectable");
        for (e, (&v, &m)) in t.nilai.iter().zip(&mode).enumerate() {
            assert!(
                m != Tekan::Terbit || !(1..min).contains(&v),
                "small cell {e} = {v} published"
            );
        }
        assert_eq!(
            terungkap(t, &mode, min),
            Vec::<usize>::new(),
            "table {t:?}, mode {mode:?}"
        );
        mode
    }

    /// Every hidden cell can take two values or more, and every small one can be zero.
    fn cek_enumerasi(t: &TabelPohon, mode: &[Tekan], min: u64) {
        for (e, vals) in kemungkinan(t, mode, min).iter().enumerate() {
            if mode[e] != Tekan::Terbit {
                assert!(vals.len() >= 2, "table {t:?}: cell {e} pinned to {vals:?}");
            }
            if (1..min).contains(&t.nilai[e]) {
                assert!(
                    vals.contains(&0),
                    "table {t:?}: cell {e} cannot be 0: {vals:?}"
                );
            }
        }
    }

    const S: Tekan = Tekan::Sembunyi;
    const P: Tekan = Tekan::Terbit;

    #[test]
    fn one_death_in_a_village_is_not_recoverable_from_the_totals() {
        // kecamatan (row 0) with three desa; columns: meninggal, pindah, tidak_hadir
        let t = pohon(
            vec![None, Some(0), Some(0), Some(0)],
            3,
            &[(1, vec![1, 5, 6]), (2, vec![4, 7, 9]), (3, vec![0, 8, 3])],
        );
        let mode = cek(&t, 3);
        assert_eq!(mode[3], S, "meninggal: 1 in the first desa is hidden");
        // a complement in the same row and in the same column
        assert!(mode[4] == S || mode[5] == S);
        assert!(mode[6] == S || mode[9] == S);
        cek_enumerasi(&t, &mode, 3);
    }

    #[test]
    fn a_region_whose_only_failure_is_one_death() {
        // one desa alone under its kecamatan: the kecamatan's row is the desa's
        let t = pohon(vec![None, Some(0)], 3, &[(1, vec![1, 0, 0])]);
        let mode = cek(&t, 3);
        // a zero of the same desa is hidden too, so "meninggal or pindah" is all one learns
        assert!(mode[3] == S && mode[0] == S);
        assert!(mode[4] == S || mode[5] == S);
        cek_enumerasi(&t, &mode, 3);
    }

    #[test]
    fn a_kecamatan_whose_three_failures_are_all_deaths_is_withheld() {
        // desa 1–2 deaths each; the kecamatan's 3 failures are all deaths: "×" (at least 3)
        // with its total 3 would say "3 deaths", and with it each desa's count
        let t = pohon(
            vec![None, Some(0), Some(1), Some(1), Some(0), Some(4)],
            2,
            &[(2, vec![1, 0]), (3, vec![2, 0]), (5, vec![0, 4])],
        );
        let mode = cek(&t, 3);
        assert!(mode[2..4].iter().all(|&m| m == Tekan::Tahan), "{mode:?}");
    }

    #[test]
    fn suppression_off_below_two() {
        let t = pohon(vec![None, Some(0)], 2, &[(1, vec![1, 0])]);
        assert_eq!(tekan(&t, 1), Some(vec![P; 4]));
        assert_eq!(tekan(&t, 0), Some(vec![P; 4]));
    }

    #[test]
    fn the_verifier_catches_a_lone_hidden_cell() {
        let t = pohon(
            vec![None, Some(0), Some(0)],
            2,
            &[(1, vec![1, 5]), (2, vec![4, 4])],
        );
        let mut mode = vec![P; 6];
        mode[2] = S; // only the primary: 1 = 6 − 5
        assert_eq!(terungkap(&t, &mode, 3), vec![2]);
        let vals = kemungkinan(&t, &mode, 3);
        assert_eq!(vals[2], vec![1]);
    }

    #[test]
    fn the_verifier_catches_a_count_known_not_to_be_zero() {
        // kecamatan meninggal 3 published, its two desa "< 3": each is 1 or 2, never 0
        let t = pohon(
            vec![None, Some(0), Some(0)],
            2,
            &[(1, vec![1, 3]), (2, vec![2, 3])],
        );
        let mut mode = vec![P; 6];
        for e in [2, 3, 4, 5] {
            mode[e] = S;
        }
        assert!(terungkap(&t, &mode, 3).contains(&2), "{mode:?}");
        assert!(!kemungkinan(&t, &mode, 3)[2].contains(&0));
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
            let Some(mode) = tekan(&t, 3) else {
                tak_terlindungi += 1;
                continue;
            };
            for (&v, &m) in t.nilai.iter().zip(&mode) {
                assert!(m != P || !(1..3).contains(&v));
            }
            assert_eq!(terungkap(&t, &mode, 3), Vec::<usize>::new(), "table {t:?}");
            // enumerating every reconstruction is exponential: only for few hidden cells
            let total: u64 = t.nilai.iter().sum();
            let ruang = (0..t.nilai.len())
                .filter(|&e| mode[e] != P)
                .map(|e| {
                    if t.nilai[e] < 3 && mode[e] == S {
                        3u64
                    } else {
                        total + 1
                    }
                })
                .try_fold(1u64, |a, b| a.checked_mul(b).filter(|&x| x <= 600_000));
            if ruang.is_none() {
                continue;
            }
            diuji += 1;
            cek_enumerasi(&t, &mode, 3);
        }
        assert!(diuji > 100, "only {diuji} tables enumerated");
        assert_eq!(tak_terlindungi, 0, "tables unprotectable");
    }

    /// The cache answers what `tekan` answers, keeps it through its file, and is used: a
    /// decision stored under a table's key is the one returned for that table.
    #[test]
    fn tembolok_round_trip_and_refusals() {
        // two desa under one kecamatan, three reasons; a 1 and a 2 to protect
        let t = pohon(
            vec![Some(2), Some(2), None],
            3,
            &[(0, vec![1, 5, 7]), (1, vec![4, 2, 9])],
        );
        let kosong = Tembolok::default();
        let (k, mode) = kosong.tekan(&t, 3);
        assert_eq!(mode, tekan(&t, 3));
        assert_eq!(k, Tembolok::kunci(&t, 3));
        assert_ne!(
            k,
            Tembolok::kunci(&t, 4),
            "the threshold is part of the key"
        );
        let mut c = Tembolok::default();
        c.simpan(k, mode.as_deref());
        // a table with no safe breakdown is kept as such
        c.simpan(7, None);
        let bytes = c.ke_bytes(42);
        let back = Tembolok::dari_bytes(&bytes, 42);
        assert_eq!(back, c);
        assert_eq!(back.tekan(&t, 3), (k, mode.clone()));
        // another executable, an unreadable one, every cut and every flipped byte: empty
        assert!(Tembolok::dari_bytes(&bytes, 43).is_empty());
        assert!(Tembolok::dari_bytes(&bytes, 0).is_empty());
        for n in 0..bytes.len() {
            assert!(
                Tembolok::dari_bytes(&bytes[..n], 42).is_empty(),
                "cut at {n}"
            );
            let mut rusak = bytes.clone();
            rusak[n] ^= 0x20;
            assert!(
                Tembolok::dari_bytes(&rusak, 42).is_empty(),
                "byte {n} flipped"
            );
        }
        // used, not recomputed: a decision stored under the key comes back as it is
        let mut lain = Tembolok::default();
        let semua = vec![S; t.nilai.len()];
        lain.simpan(k, Some(&semua));
        assert_eq!(lain.tekan(&t, 3).1, Some(semua));
        // an entry that does not fit its table is not used
        let mut salah = Tembolok::default();
        salah.keputusan.insert(k, Some(vec![(999, S)]));
        assert_eq!(salah.tekan(&t, 3).1, mode);
    }
}
