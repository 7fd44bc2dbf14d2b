//! The national region table embedded in the binary: every provinsi, kabupaten/kota, kecamatan
//! and desa/kelurahan of idn-area-data 4.0.1 (Kemendagri codes and names, ODbL 1.0), packed by
//! `build.rs` into one deflated `kode<TAB>nama` list in code order.
//!
//! [`TabelNasional::cari`] finds the region an operator means, by code (`35.75`, `3575`) or by
//! name (`Kota Pasuruan`, `kab. pasuruan`, `Jawa Timur`), and says which ones were meant when
//! the answer is not one region.

use std::io::Read;

use super::InitError;

/// The packed table.
static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wilayah.tsv.deflate"));

/// The licence text of idn-area-data, copied into every new site beside its `wilayah.csv`.
pub const LISENSI_ODBL: &str = include_str!("../../vendor/idn-area-data-4.0.1/LICENSE.md");

/// One region of the national table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WilayahNasional {
    /// Its dotted code (`35.75.01.1001`).
    pub kode: String,
    /// Its name as idn-area-data writes it (`Jawa Timur`, `Kota Pasuruan`, `Gadingrejo`).
    pub nama: String,
}

impl WilayahNasional {
    /// 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan.
    pub fn tingkat(&self) -> usize {
        self.kode.split('.').count()
    }
}

/// The whole table, in code order: a region's descendants follow it.
pub struct TabelNasional {
    wilayah: Vec<WilayahNasional>,
}

impl TabelNasional {
    /// Unpacks the embedded table (about 92.000 regions, a few milliseconds).
    pub fn muat() -> Result<TabelNasional, InitError> {
        let mut text = String::with_capacity(3 << 20);
        flate2::read::DeflateDecoder::new(PACKED)
            .read_to_string(&mut text)
            .map_err(|e| InitError::Tabel(e.to_string()))?;
        let wilayah = text
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(kode, nama)| WilayahNasional {
                kode: kode.to_string(),
                nama: nama.to_string(),
            })
            .collect();
        Ok(TabelNasional { wilayah })
    }

    /// Every region.
    pub fn semua(&self) -> &[WilayahNasional] {
        &self.wilayah
    }

    /// The region with this dotted code.
    pub fn get(&self, kode: &str) -> Option<&WilayahNasional> {
        self.indeks(kode).map(|i| &self.wilayah[i])
    }

    fn indeks(&self, kode: &str) -> Option<usize> {
        self.wilayah
            .binary_search_by(|w| w.kode.as_str().cmp(kode))
            .ok()
    }

    /// The region with code `kode` and all regions below it, in code order.
    pub fn subpohon(&self, kode: &str) -> &[WilayahNasional] {
        let Some(start) = self.indeks(kode) else {
            return &[];
        };
        let prefix = format!("{kode}.");
        let len = self.wilayah[start + 1..]
            .iter()
            .take_while(|w| w.kode.starts_with(&prefix))
            .count();
        &self.wilayah[start..=start + len]
    }

    /// The region's parent chain from the provinsi down, without the region itself.
    pub fn leluhur(&self, kode: &str) -> Vec<&WilayahNasional> {
        let parts: Vec<&str> = kode.split('.').collect();
        (1..parts.len())
            .filter_map(|n| self.get(&parts[..n].join(".")))
            .collect()
    }

    /// How a region is named to the operator: `35.75 Kota Pasuruan (Jawa Timur)`,
    /// `35 Provinsi Jawa Timur`, `35.75.01 Kecamatan Gadingrejo (Kota Pasuruan)`.
    pub fn label(&self, w: &WilayahNasional) -> String {
        let nama = nama_lengkap(w);
        match self.leluhur(&w.kode).last() {
            Some(parent) => format!("{} {} ({})", w.kode, nama, nama_lengkap(parent)),
            None => format!("{} {}", w.kode, nama),
        }
    }

    /// Finds the provinsi or kabupaten/kota `masukan` names: a code, dotted or not (`35.75`,
    /// `3575`), or a name in any case (`Kota Pasuruan`, `Kab. Pasuruan`, `Provinsi Jawa
    /// Timur`). A name shared by several regions (`Pasuruan`) is ambiguous; an unknown one
    /// gets the nearest names or codes; a kecamatan or desa/kelurahan code names the
    /// kabupaten/kota to use instead.
    pub fn cari(&self, masukan: &str) -> Result<&WilayahNasional, InitError> {
        let masukan_asli = masukan.trim();
        if let Some(kode) = sebagai_kode(masukan_asli) {
            return match self.get(&kode) {
                Some(w) if w.tingkat() <= 2 => Ok(w),
                Some(w) => {
                    let kab = self.leluhur(&w.kode).get(1).map(|k| self.label(k));
                    Err(InitError::BukanKabupatenKota {
                        masukan: masukan_asli.to_string(),
                        wilayah: self.label(w),
                        saran: kab.into_iter().collect(),
                    })
                }
                None => Err(InitError::TidakDikenal {
                    masukan: masukan_asli.to_string(),
                    saran: self.kode_terdekat(&kode),
                }),
            };
        }
        let dicari = normalkan(masukan_asli);
        let kandidat = || self.wilayah.iter().filter(|w| w.tingkat() <= 2);
        let mut cocok: Vec<&WilayahNasional> = kandidat()
            .filter(|w| normalkan(&nama_lengkap(w)) == dicari || tanpa_jenis(w) == dicari)
            .collect();
        cocok.dedup_by(|a, b| a.kode == b.kode);
        match cocok.len() {
            1 => Ok(cocok[0]),
            0 => {
                let mut skor: Vec<(f64, &WilayahNasional)> = kandidat()
                    .map(|w| {
                        let s = strsim::jaro_winkler(&dicari, &normalkan(&nama_lengkap(w)))
                            .max(strsim::jaro_winkler(&dicari, &tanpa_jenis(w)));
                        (s, w)
                    })
                    .filter(|(s, _)| *s >= 0.85)
                    .collect();
                skor.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.kode.cmp(&b.1.kode)));
                Err(InitError::TidakDikenal {
                    masukan: masukan_asli.to_string(),
                    saran: skor.iter().take(5).map(|(_, w)| self.label(w)).collect(),
                })
            }
            _ => Err(InitError::Ambigu {
                masukan: masukan_asli.to_string(),
                calon: cocok.iter().map(|w| self.label(w)).collect(),
            }),
        }
    }

    /// Provinsi and kabupaten/kota codes within two edits of `kode`, nearest first.
    fn kode_terdekat(&self, kode: &str) -> Vec<String> {
        let mut near: Vec<(usize, &WilayahNasional)> = self
            .wilayah
            .iter()
            .filter(|w| w.tingkat() <= 2)
            .map(|w| (strsim::osa_distance(kode, &w.kode), w))
            .filter(|(d, _)| *d <= 2)
            .collect();
        near.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.kode.cmp(&b.1.kode)));
        near.iter().take(5).map(|(_, w)| self.label(w)).collect()
    }
}

/// The name with its kind where idn-area-data leaves it out: `Provinsi Jawa Timur`,
/// `Kota Pasuruan`, `Kecamatan Gadingrejo`; a desa/kelurahan by its code's 4th part.
pub fn nama_lengkap(w: &WilayahNasional) -> String {
    match w.tingkat() {
        1 => format!("Provinsi {}", w.nama),
        2 => w.nama.clone(),
        3 => format!("Kecamatan {}", w.nama),
        _ if w
            .kode
            .rsplit('.')
            .next()
            .is_some_and(|p| p.starts_with('1')) =>
        {
            format!("Kelurahan {}", w.nama)
        }
        _ => format!("Desa {}", w.nama),
    }
}

/// Lower case, single spaces, `kab.`/`kab` spelled out, and without a leading `provinsi`.
fn normalkan(s: &str) -> String {
    let lower = s.to_lowercase().replace('.', ". ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        match *w {
            "kab." | "kab" if i == 0 => out.push("kabupaten"),
            "prov." | "prov" | "provinsi" if i == 0 => {}
            w => out.push(w),
        }
    }
    out.join(" ")
}

/// A kabupaten/kota's name without its kind (`pasuruan` for Kota and Kabupaten Pasuruan), a
/// provinsi's name; both normalised.
fn tanpa_jenis(w: &WilayahNasional) -> String {
    let n = normalkan(&w.nama);
    for jenis in [
        "kabupaten administrasi ",
        "kota administrasi ",
        "kabupaten ",
        "kota ",
    ] {
        if let Some(rest) = n.strip_prefix(jenis) {
            return rest.to_string();
        }
    }
    n
}

/// `35.75` and `3575` as the dotted code `35.75`; anything that is not digits and dots in a
/// code's shape is a name.
fn sebagai_kode(s: &str) -> Option<String> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    if s.contains('.') {
        return Some(s.to_string());
    }
    let widths = [2, 2, 2, 4];
    let mut parts = Vec::new();
    let mut rest = s;
    for w in widths {
        if rest.is_empty() {
            break;
        }
        if rest.len() < w {
            return Some(s.to_string());
        }
        parts.push(&rest[..w]);
        rest = &rest[w..];
    }
    if !rest.is_empty() {
        return Some(s.to_string());
    }
    Some(parts.join("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tabel() -> TabelNasional {
        TabelNasional::muat().expect("embedded table")
    }

    #[test]
    fn holds_the_whole_country() {
        let t = tabel();
        let count = |n| t.semua().iter().filter(|w| w.tingkat() == n).count();
        assert_eq!(
            (count(1), count(2), count(3), count(4)),
            (38, 514, 7285, 83762)
        );
        // code order: every region comes after its parent
        assert!(t.semua().windows(2).all(|p| p[0].kode < p[1].kode));
    }

    #[test]
    fn kota_pasuruan_has_34_kelurahan_in_4_kecamatan() {
        let t = tabel();
        let sub = t.subpohon("35.75");
        assert_eq!(sub[0].nama, "Kota Pasuruan");
        assert_eq!(sub.iter().filter(|w| w.tingkat() == 3).count(), 4);
        assert_eq!(sub.iter().filter(|w| w.tingkat() == 4).count(), 34);
        assert!(sub.iter().any(|w| w.nama == "Kandangsapi"));
    }

    #[test]
    fn finds_by_code_and_by_name() {
        let t = tabel();
        for masukan in [
            "35.75",
            "3575",
            "Kota Pasuruan",
            "kota  pasuruan",
            " KOTA PASURUAN ",
        ] {
            assert_eq!(t.cari(masukan).map(|w| w.kode.as_str()).ok(), Some("35.75"));
        }
        assert_eq!(
            t.cari("Kab. Pasuruan").map(|w| w.kode.as_str()).ok(),
            Some("35.14")
        );
        assert_eq!(
            t.cari("Jawa Timur").map(|w| w.kode.as_str()).ok(),
            Some("35")
        );
        assert_eq!(
            t.cari("Provinsi Jawa Timur").map(|w| w.kode.as_str()).ok(),
            Some("35")
        );
        assert_eq!(t.cari("Tuban").map(|w| w.kode.as_str()).ok(), Some("35.23"));
    }

    #[test]
    fn a_shared_name_is_ambiguous() {
        match tabel().cari("Pasuruan") {
            Err(InitError::Ambigu { calon, .. }) => assert_eq!(
                calon,
                [
                    "35.14 Kabupaten Pasuruan (Provinsi Jawa Timur)",
                    "35.75 Kota Pasuruan (Provinsi Jawa Timur)"
                ]
            ),
            other => panic!("{:?}", other.map(|w| w.kode.clone())),
        }
    }

    #[test]
    fn unknown_gets_suggestions() {
        let t = tabel();
        match t.cari("Kota Pasuran") {
            Err(InitError::TidakDikenal { saran, .. }) => {
                assert_eq!(saran[0], "35.75 Kota Pasuruan (Provinsi Jawa Timur)")
            }
            other => panic!("{:?}", other.map(|w| w.kode.clone())),
        }
        match t.cari("35.57") {
            Err(InitError::TidakDikenal { saran, .. }) => {
                assert!(saran.iter().any(|s| s.starts_with("35.75 ")), "{saran:?}")
            }
            other => panic!("{:?}", other.map(|w| w.kode.clone())),
        }
        match t.cari("35.75.01") {
            Err(InitError::BukanKabupatenKota { wilayah, saran, .. }) => {
                assert_eq!(wilayah, "35.75.01 Kecamatan Gadingrejo (Kota Pasuruan)");
                assert_eq!(saran, ["35.75 Kota Pasuruan (Provinsi Jawa Timur)"]);
            }
            other => panic!("{:?}", other.map(|w| w.kode.clone())),
        }
    }
}
