//! Where a page's figures come from, in the page's language: the statements of
//! `data/sumber_angka.csv` ([`crate::analysis::asal`]) that speak of the figures a region page
//! (or the home page) shows, each with the figures it covers, and the words the downloads
//! carry in their `sifat_*` and `sumber_*` columns.

use serde::Serialize;

use super::Situs;
use crate::analysis::Kunci;
use crate::analysis::asal::Pernyataan;
use crate::data::WilayahId;
use crate::data::sumber_angka::{JenisAngka, Sifat};

/// One statement shown on a page, with the figures it speaks of.
#[derive(Debug, Clone, Serialize)]
pub struct BarisAsal {
    /// The figures (`BST · Juli 2021: alokasi`).
    pub angka: Vec<String>,
    /// `resmi`, `sementara` or `ilustratif` (the least certain part's, for a total of parts
    /// that say different things); empty when nothing is said of any part.
    pub sifat: &'static str,
    /// That in the page's language (`ilustratif`, `illustrative`).
    pub label: String,
    /// Where the figures come from, in the operator's words; for a total of parts, which
    /// parts are what.
    pub sumber: String,
}

/// The "where the figures come from" of a page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KonteksAsal {
    /// The statements, in the order of the figures they first speak of.
    pub baris: Vec<BarisAsal>,
    /// `ilustratif` or `sementara` when some figure of the page is (the least certain), for a
    /// notice at the top of the page.
    pub peringatan: Option<&'static str>,
    /// Where the notice's link leads, for a page that does not list the statements itself
    /// (the page's path from the site's root; its `#asal-angka`); `None`: this page.
    pub halaman: Option<String>,
}

/// The mark a figure's row carries where what is said of it is less certain than `resmi`:
/// the same mark follows the figure onto every page that shows it (issue 25), beside the
/// notice at the top of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TandaSifat {
    /// `sementara` or `ilustratif`.
    pub kode: &'static str,
    /// That in the page's language.
    pub label: String,
}

/// The most names a derived statement lists per kind before "and N more".
const MAKS_NAMA: usize = 5;

impl Situs<'_> {
    /// What `sifat` is called in the page's language.
    pub(super) fn label_sifat(&self, sifat: Option<Sifat>) -> String {
        self.kata
            .teks(match sifat {
                Some(Sifat::Resmi) => "sifat_resmi",
                Some(Sifat::Sementara) => "sifat_sementara",
                Some(Sifat::Ilustratif) => "sifat_ilustratif",
                None => "sifat_tanpa_keterangan",
            })
            .to_string()
    }

    /// A statement's certainty and its text: the operator's words for a row of the file,
    /// which parts are what for a total of parts.
    pub(super) fn teks_asal(&self, p: &Pernyataan) -> (Option<Sifat>, String) {
        match p {
            Pernyataan::Baris(i) => {
                let r = &self.data.sumber_angka[*i];
                (Some(r.sifat), r.sumber.clone())
            }
            Pernyataan::Turunan(bagian) => {
                let kelompok: Vec<String> = bagian
                    .iter()
                    .map(|(sifat, wilayah)| {
                        let mut nama: Vec<String> = wilayah
                            .iter()
                            .take(MAKS_NAMA)
                            .map(|w| match w {
                                Some(w) => self.kata.nama_wilayah(self.data.wilayah.node(*w)),
                                None => self.kata.teks("asal_baris_sendiri").to_string(),
                            })
                            .collect();
                        let lain = wilayah.len().saturating_sub(MAKS_NAMA);
                        if lain > 0 {
                            nama.push(self.kata.isi("asal_lainnya", &[("n", &lain.to_string())]));
                        }
                        format!("{}: {}", self.label_sifat(*sifat), nama.join(", "))
                    })
                    .collect();
                (
                    p.sifat(self.data),
                    self.kata
                        .isi("asal_turunan", &[("bagian", &kelompok.join("; "))]),
                )
            }
        }
    }

    /// The downloads' `sifat_*` and `sumber_*` cells of figure `jenis` of `kunci` for region
    /// `w` (the whole site for `None`): empty when nothing is said of it.
    pub(super) fn sel_asal(
        &self,
        w: Option<WilayahId>,
        kunci: Kunci,
        jenis: JenisAngka,
    ) -> (String, String) {
        match self.report.asal.untuk(w, kunci, jenis) {
            None => (String::new(), String::new()),
            Some(p) => {
                let (sifat, teks) = self.teks_asal(p);
                (sifat.map(Sifat::kode).unwrap_or_default().to_string(), teks)
            }
        }
    }

    /// Feeds what region `w`'s statements say to `hasher`: for a page or download that shows
    /// them. A row of the file is in the site-wide fingerprint already; a derived statement
    /// names the regions below, whose names are fed here.
    pub(super) fn hash_asal(&self, w: WilayahId, hasher: &mut xxhash_rust::xxh3::Xxh3) {
        use std::hash::Hash;
        if self.data.sumber_angka.is_empty() {
            return;
        }
        for &(k, j, i) in self.report.asal.entri(Some(w)) {
            (k, j).hash(hasher);
            match &self.report.asal.pernyataan[i as usize] {
                Pernyataan::Baris(r) => r.hash(hasher),
                Pernyataan::Turunan(bagian) => {
                    for (sifat, wilayah) in bagian {
                        sifat.hash(hasher);
                        for w in wilayah {
                            w.map(|w| &self.data.wilayah.node(w).nama).hash(hasher);
                        }
                    }
                }
            }
        }
    }

    /// The least certain of what is said of region `w`'s figures (the whole site's for
    /// `None`) whose cell `pilih` keeps, when that is less certain than `resmi`: the mark of a
    /// row that shows them. Nothing is looked up on a site without `sumber_angka.csv`.
    pub(super) fn tanda_sifat(
        &self,
        w: Option<WilayahId>,
        pilih: impl Fn(&Kunci, JenisAngka) -> bool,
    ) -> Option<TandaSifat> {
        if self.data.sumber_angka.is_empty() {
            return None;
        }
        let asal = &self.report.asal;
        let sifat = asal
            .entri(w)
            .iter()
            .filter(|(k, j, _)| pilih(k, *j))
            .filter_map(|&(_, _, i)| asal.pernyataan[i as usize].sifat(self.data))
            .max()?;
        (sifat > Sifat::Resmi).then(|| TandaSifat {
            kode: sifat.kode(),
            label: self.label_sifat(Some(sifat)),
        })
    }

    /// The notice of a page that shows figures of several regions or of the whole site (a
    /// programme, a tahap, a comparison, a ranking, a change, a failure page): `ilustratif`
    /// or `sementara` when some figure it shows is, with where the statements are listed
    /// (`halaman`, a region page or the home page, at its `#asal-angka`).
    pub(super) fn peringatan_sifat(
        &self,
        tanda: impl IntoIterator<Item = Option<TandaSifat>>,
        halaman: String,
    ) -> KonteksAsal {
        let terlemah = tanda
            .into_iter()
            .flatten()
            .max_by_key(|t| Sifat::SEMUA.iter().position(|s| s.kode() == t.kode));
        KonteksAsal {
            baris: Vec::new(),
            peringatan: terlemah.map(|t| t.kode),
            halaman: Some(halaman),
        }
    }

    /// What page of region `w` (the home page for `None`) says of where its figures come
    /// from.
    pub(super) fn asal_halaman(&self, w: Option<WilayahId>) -> KonteksAsal {
        let asal = &self.report.asal;
        let entri = asal.entri(w);
        if entri.is_empty() {
            return KonteksAsal::default();
        }
        let kata = |jenis: &[JenisAngka]| -> String {
            if jenis.len() == JenisAngka::SEMUA.len() {
                return self.kata.teks("asal_semua_angka").to_string();
            }
            let nama: Vec<&str> = jenis
                .iter()
                .map(|j| {
                    self.kata.teks(match j {
                        JenisAngka::Alokasi => "asal_jenis_alokasi",
                        JenisAngka::Tersalur => "asal_jenis_tersalur",
                        JenisAngka::Gagal => "asal_jenis_gagal",
                        JenisAngka::Pagu => "asal_jenis_pagu",
                    })
                })
                .collect();
            nama.join(self.kata.teks("asal_dan"))
        };
        // per statement, in order of first mention, the figures it speaks of
        let mut per: Vec<(u32, Vec<String>)> = Vec::new();
        let mut k = 0;
        while k < entri.len() {
            let kunci = entri[k].0;
            let sama = entri[k..].iter().take_while(|e| e.0 == kunci).count();
            let nama = format!(
                "{} · {} · {}",
                self.data.program[kunci.program.indeks()].kode,
                self.data.tahap[kunci.tahap.indeks()].nama,
                self.data.penyalur[kunci.penyalur.indeks()]
            );
            // the kinds of this cell, grouped by what is said of them
            let mut kelompok: Vec<(u32, Vec<JenisAngka>)> = Vec::new();
            for &(_, j, i) in &entri[k..k + sama] {
                match kelompok.iter_mut().find(|(x, _)| *x == i) {
                    Some((_, list)) => list.push(j),
                    None => kelompok.push((i, vec![j])),
                }
            }
            k += sama;
            for (i, jenis) in kelompok {
                let label = format!("{nama}: {}", kata(&jenis));
                match per.iter_mut().find(|(x, _)| *x == i) {
                    Some((_, list)) => list.push(label),
                    None => per.push((i, vec![label])),
                }
            }
        }
        let mut peringatan: Option<Sifat> = None;
        let baris = per
            .into_iter()
            .map(|(i, angka)| {
                let (sifat, sumber) = self.teks_asal(&asal.pernyataan[i as usize]);
                if sifat > Some(Sifat::Resmi) {
                    peringatan = peringatan.max(sifat);
                }
                BarisAsal {
                    angka,
                    sifat: sifat.map(Sifat::kode).unwrap_or_default(),
                    label: self.label_sifat(sifat),
                    sumber,
                }
            })
            .collect();
        KonteksAsal {
            baris,
            peringatan: peringatan.map(Sifat::kode),
            halaman: None,
        }
    }
}
