//! The list of tahap (`tahap/index.html`) and a tahap's page (`tahap/<slug>.html`).

use serde::Serialize;

use super::bagian::{BagianTahap, ItemDaftar, KonteksDaftar, Tautan, Umum};
use super::rapat::RingkasRapat;
use super::{Halaman, Situs};
use super::{JenisHalaman, Konteks, jalur::Asal};
use crate::analysis::Angka;
use crate::data::TahapId;

/// The list of tahap's path.
pub const PATH_DAFTAR: &str = "tahap/index.html";
/// A tahap page's template (the list's is [`super::bagian::TEMPLATE_DAFTAR`]).
pub const TEMPLATE: &str = "tahap.html";

/// The context of a tahap page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksTahap {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// This tahap's section.
    pub bagian: BagianTahap,
    /// Meeting notes that name this tahap.
    pub rapat: Vec<RingkasRapat>,
    /// What changed in it against each programme's previous tahap.
    pub perubahan: Tautan,
    /// The notice when some of its figures are `sementara` or `ilustratif`.
    pub asal: super::asal::KonteksAsal,
}

impl Situs<'_> {
    pub(super) fn konteks_tahap(&self, t: TahapId) -> KonteksTahap {
        let tahap = &self.data.tahap[t.indeks()];
        let breadcrumb = vec![self.beranda(), self.tautan_daftar_tahap()];
        let bagian = self
            .bagian_tahap(
                None,
                &self.report.total,
                &self.wilayah_ringkas(),
                None,
                None,
                Some(t),
            )
            .into_iter()
            .find(|b| b.tautan.href == self.path(Halaman::Tahap(t)))
            .unwrap_or_else(|| BagianTahap {
                id: format!("tahap-{}", self.tahap_slug[t.indeks()]),
                tautan: self.tautan_tahap(t),
                mulai: tahap.mulai.to_string(),
                selesai: tahap.selesai.to_string(),
                target: tahap.target.map(|d| d.to_string()),
                data_per: None,
                program: Vec::new(),
                ada_nilai: false,
                nilai_sebagian: false,
                melebihi: false,
                matriks: None,
                gagal: None,
                anak: Vec::new(),
                ringkas: None,
                tenggat: None,
                grafik_waktu: None,
                grafik_program: None,
                grafik_anak: None,
                sumber: None,
            });
        KonteksTahap {
            perubahan: Tautan {
                label: self.judul_perubahan(t),
                href: self.path(Halaman::Perubahan(t)),
            },
            umum: self.umum(Halaman::Tahap(t), tahap.nama.clone(), breadcrumb, "tahap"),
            bagian,
            rapat: self.daftar_rapat(self.rapat_tahap.get(&t)),
            asal: self.peringatan_sifat(
                [self.tanda_sifat(None, |k, _| k.tahap == t)],
                self.path(Halaman::Beranda),
            ),
        }
    }

    pub(super) fn konteks_daftar_tahap(&self) -> KonteksDaftar {
        let item = TahapId::semua(self.data.tahap.len())
            .rev()
            .map(|t| {
                let tahap = &self.data.tahap[t.indeks()];
                let mut sum = Angka::default();
                self.report
                    .total
                    .sel
                    .iter()
                    .filter(|(k, _)| k.tahap == t)
                    .for_each(|(_, a)| sum.merge(a));
                ItemDaftar {
                    tautan: self.tautan_tahap(t),
                    keterangan: String::new(),
                    tahap: None,
                    mulai: Some(tahap.mulai.to_string()),
                    selesai: Some(tahap.selesai.to_string()),
                    realisasi: sum.realisasi(),
                    alokasi_kpm: sum.alokasi_kpm,
                }
            })
            .collect();
        KonteksDaftar {
            umum: self.umum(
                Halaman::DaftarTahap,
                self.tautan_daftar_tahap().label,
                vec![self.beranda()],
                "tahap",
            ),
            item,
        }
    }
}

impl Situs<'_> {
    /// A tahap page's path: `tahap/<slug>.html`.
    pub(super) fn path_tahap(&self, t: TahapId) -> String {
        format!("tahap/{}.html", self.tahap_slug[t.indeks()])
    }
}

/// The list of tahap.
pub struct HalamanDaftarTahap;

impl JenisHalaman for HalamanDaftarTahap {
    type Kunci = ();
    const TEMPLATE: &'static str = super::bagian::TEMPLATE_DAFTAR;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH_DAFTAR.to_string()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Daftar(s.konteks_daftar_tahap())
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.daftar_tahap")
    }
}

/// A tahap's page.
pub struct HalamanTahap;

impl JenisHalaman for HalamanTahap {
    type Kunci = TahapId;
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(s: &Situs<'_>, t: TahapId) -> String {
        s.path_tahap(t)
    }
    fn konteks(s: &Situs<'_>, t: TahapId) -> Konteks {
        Konteks::Tahap(Box::new(s.konteks_tahap(t)))
    }
    fn asal(s: &Situs<'_>, t: TahapId) -> Asal {
        s.asal_tahap(t)
    }
}

impl Situs<'_> {
    /// Tahap `t`'s row of `data/tahap.csv` (its page and its changes' page).
    pub(super) fn asal_tahap(&self, t: TahapId) -> Asal {
        let tempat = self
            .data
            .tahap_di
            .get(t.indeks())
            .copied()
            .unwrap_or_default();
        self.asal_data("data/tahap.csv", tempat, &self.data.tahap[t.indeks()].kode)
    }
}
