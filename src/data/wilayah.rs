//! The region tree: provinsi → kabupaten/kota → kecamatan → desa/kelurahan.

use super::value::KodeWilayah;

pub use super::id::WilayahId;

/// The administrative level of a region, from the number of parts of its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tingkat {
    /// `35`
    Provinsi = 1,
    /// `35.75`
    KabupatenKota = 2,
    /// `35.75.01`
    Kecamatan = 3,
    /// `35.75.01.1001`
    DesaKelurahan = 4,
}

impl Tingkat {
    /// The level of a code with `level` parts.
    pub fn from_parts(level: u8) -> Tingkat {
        match level {
            1 => Tingkat::Provinsi,
            2 => Tingkat::KabupatenKota,
            3 => Tingkat::Kecamatan,
            _ => Tingkat::DesaKelurahan,
        }
    }
}

/// One region.
#[derive(Debug, Clone)]
pub struct Wilayah {
    /// The packed code.
    pub kode: KodeWilayah,
    /// The dotted code, `35.75.01.1001`.
    pub kode_teks: String,
    /// The name as given in `wilayah.csv` (`Karangketug`, `Kota Pasuruan`).
    pub nama: String,
    /// The level.
    pub tingkat: Tingkat,
    /// The parent region (none for a provinsi).
    pub induk: Option<WilayahId>,
    /// The child regions, in code order.
    pub anak: Vec<WilayahId>,
    /// Households (KK), when `wilayah.csv` gives them.
    pub kk: Option<u64>,
    /// Population, when `wilayah.csv` gives it.
    pub penduduk: Option<u64>,
    /// The line of `wilayah.csv` that defines it.
    pub baris: u64,
}

impl Wilayah {
    /// The name with its kind, as a reader says it: `Kelurahan Karangketug`, `Desa Sidomulyo`,
    /// `Kecamatan Anggana`, `Kota Pasuruan`, `Provinsi Jawa Timur`, given the kind in the
    /// reader's words (`jenis`, the theme's words under [`Wilayah::jenis_kunci`]; empty for a
    /// kabupaten/kota). The kind is not repeated when the name starts with it.
    pub fn nama_dengan(&self, jenis: &str) -> String {
        if jenis.is_empty() || starts_with_word(&self.nama, jenis) {
            self.nama.clone()
        } else {
            format!("{jenis} {}", self.nama)
        }
    }

    /// The key of the kind of region in the theme's catalogue (`wilayah_jenis_provinsi`,
    /// `…_kecamatan`, `…_kelurahan`, `…_desa`); none for a kabupaten/kota, whose name says
    /// which it is. The site stage looks the words up
    /// ([`crate::site::kata::Kata::jenis_wilayah`]).
    pub fn jenis_kunci(&self) -> Option<&'static str> {
        match self.tingkat {
            Tingkat::Provinsi => Some("wilayah_jenis_provinsi"),
            Tingkat::KabupatenKota => None,
            Tingkat::Kecamatan => Some("wilayah_jenis_kecamatan"),
            Tingkat::DesaKelurahan if self.kode.is_kelurahan() => Some("wilayah_jenis_kelurahan"),
            Tingkat::DesaKelurahan => Some("wilayah_jenis_desa"),
        }
    }
}

fn starts_with_word(name: &str, word: &str) -> bool {
    name.len() > word.len()
        && name[..word.len()].eq_ignore_ascii_case(word)
        && name.as_bytes()[word.len()] == b' '
}

/// All regions of the site, in code order, so that a region's descendants follow it.
#[derive(Debug, Clone, Default)]
pub struct WilayahTree {
    /// The regions, sorted by code.
    pub nodes: Vec<Wilayah>,
    index: rustc_hash::FxHashMap<KodeWilayah, WilayahId>,
    /// The regions without a parent (normally the provinsi).
    pub akar: Vec<WilayahId>,
    /// Which numbering the inputs' undotted codes are in (`kode` in `site.toml`).
    pub sistem: Option<crate::config::SistemKode>,
    /// Regions by their BPS code (`kode_bps` of `wilayah.csv`, digits only), for
    /// `kode = "bps"`.
    pub bps: rustc_hash::FxHashMap<String, WilayahId>,
}

impl WilayahTree {
    /// Builds the tree from regions in any order. Returns the tree and the regions whose parent
    /// is missing (as positions in `nodes` before sorting: their line numbers are kept).
    pub fn build(mut nodes: Vec<Wilayah>) -> (WilayahTree, Vec<(u64, String, String)>) {
        nodes.sort_by_key(|w| w.kode);
        let index: rustc_hash::FxHashMap<KodeWilayah, WilayahId> = nodes
            .iter()
            .enumerate()
            .filter_map(|(i, w)| Some((w.kode, WilayahId::baru(i)?)))
            .collect();
        let mut missing = Vec::new();
        let mut akar = Vec::new();
        for (i, id) in WilayahId::semua(nodes.len()).enumerate() {
            let parent = nodes[i].kode.parent();
            match parent {
                None => akar.push(id),
                Some(p) => match index.get(&p) {
                    Some(&pi) => {
                        nodes[i].induk = Some(pi);
                        nodes[pi.indeks()].anak.push(id);
                    }
                    None => {
                        missing.push((nodes[i].baris, nodes[i].kode_teks.clone(), p.dotted()));
                        akar.push(id);
                    }
                },
            }
        }
        (
            WilayahTree {
                nodes,
                index,
                akar,
                sistem: None,
                bps: rustc_hash::FxHashMap::default(),
            },
            missing,
        )
    }

    /// The region with this code.
    pub fn get(&self, kode: KodeWilayah) -> Option<WilayahId> {
        self.index.get(&kode).copied()
    }

    /// The region with this index.
    pub fn node(&self, id: WilayahId) -> &Wilayah {
        &self.nodes[id.indeks()]
    }

    /// The number of regions.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether there are no regions.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The ancestors of a region, from the top down (not the region itself).
    pub fn ancestors(&self, id: WilayahId) -> Vec<WilayahId> {
        let mut out = Vec::new();
        let mut cur = self.node(id).induk;
        while let Some(p) = cur {
            out.push(p);
            cur = self.node(p).induk;
        }
        out.reverse();
        out
    }

    /// The kabupaten/kota a region lies in (itself at that level); `None` for a provinsi.
    pub fn kabupaten_kota(&self, id: WilayahId) -> Option<WilayahId> {
        let mut cur = Some(id);
        while let Some(w) = cur {
            let node = self.node(w);
            match node.tingkat {
                Tingkat::KabupatenKota => return Some(w),
                Tingkat::Provinsi => return None,
                _ => cur = node.induk,
            }
        }
        None
    }

    /// The known code closest to `value`, for "did you mean" suggestions.
    pub fn nearest(&self, value: &str) -> Option<String> {
        crate::dasar::saran::nearest(value, self.nodes.iter().map(|w| w.kode_teks.as_str()))
    }
}

#[cfg(test)]
mod tests {
    /// A near code is found for a typo, not for a long value (whose distance to every code
    /// would cost its length each time), nor among codes too long or too short.
    #[test]
    fn nearest_only_for_short_values() {
        let codes = ["35.75", "35.75.01", "BST"];
        assert_eq!(
            crate::dasar::saran::nearest("35.57", codes.into_iter()),
            Some("35.75".into())
        );
        assert_eq!(
            crate::dasar::saran::nearest("bts", codes.into_iter()),
            Some("BST".into())
        );
        let long = "3".repeat(1 << 20);
        assert_eq!(crate::dasar::saran::nearest(&long, codes.into_iter()), None);
        assert_eq!(
            crate::dasar::saran::nearest("35.75.0", [long.as_str()].into_iter()),
            None
        );
    }
}
