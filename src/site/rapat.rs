//! Meeting notes (`rapat/<slug>.html`), their archive (`rapat/index.html`) and the follow-up
//! tracker (`rapat/tindak-lanjut.html`).

use serde::Serialize;

use super::bagian::{Tautan, Umum};
use super::{Halaman, Situs};
use super::{JenisHalaman, Konteks, jalur::Asal};

/// The archive's path.
pub const PATH_ARSIP: &str = "rapat/index.html";
/// The follow-up tracker's path.
pub const PATH_TINDAK_LANJUT: &str = "rapat/tindak-lanjut.html";
/// A note's template.
pub const TEMPLATE_RAPAT: &str = "rapat.html";
/// The archive's template.
pub const TEMPLATE_ARSIP: &str = "arsip_rapat.html";
/// The follow-up tracker's template.
pub const TEMPLATE_TINDAK_LANJUT: &str = "tindak_lanjut.html";

/// A note in a list: its link and date.
#[derive(Debug, Clone, Serialize)]
pub struct RingkasRapat {
    /// Link to the note.
    pub tautan: Tautan,
    /// Day of the meeting.
    pub tanggal: String,
}

/// A follow-up, ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct BarisTindakLanjut {
    /// The note it comes from (on the tracker).
    pub rapat: Option<RingkasRapat>,
    /// What must be done.
    pub tugas: String,
    /// Who must do it.
    pub penanggung_jawab: String,
    /// By when.
    pub tenggat: Option<String>,
    /// Done, open or overdue on the data date.
    pub keadaan: crate::content::rapat::Keadaan,
    /// When it was done.
    pub selesai_pada: Option<String>,
}

/// The context of a note's page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksRapat {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// Day of the meeting.
    pub tanggal: String,
    /// Place.
    pub tempat: Option<String>,
    /// Who led it.
    pub pimpinan: Option<String>,
    /// Who attended.
    pub peserta: Vec<String>,
    /// Regions it concerns.
    pub wilayah: Vec<Tautan>,
    /// Programmes it concerns.
    pub program: Vec<Tautan>,
    /// Tahap it concerns.
    pub tahap: Vec<Tautan>,
    /// Decisions.
    pub keputusan: Vec<String>,
    /// Follow-ups.
    pub tindak_lanjut: Vec<BarisTindakLanjut>,
    /// The date follow-up states are computed for.
    pub data_per: Option<String>,
    /// The body, sanitised HTML.
    pub isi: String,
}

/// One year of the notes archive.
#[derive(Debug, Clone, Serialize)]
pub struct TahunRapat {
    /// The year.
    pub tahun: i16,
    /// Its notes, newest first.
    pub rapat: Vec<RingkasRapat>,
}

/// The context of the notes archive.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksArsip {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// Years, newest first.
    pub tahun: Vec<TahunRapat>,
}

/// The context of the follow-up tracker.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksTindakLanjut {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// Every follow-up: overdue first, then open, then done; by deadline within each.
    pub baris: Vec<BarisTindakLanjut>,
    /// How many are done.
    pub selesai: usize,
    /// How many are open (nothing reported).
    pub terbuka: usize,
    /// How many are reported under way.
    pub berjalan: usize,
    /// How many are overdue.
    pub terlambat: usize,
    /// The date the states are computed for.
    pub data_per: Option<String>,
}

impl Situs<'_> {
    pub(super) fn ringkas_rapat(&self, i: usize) -> RingkasRapat {
        let r = &self.content.rapat[i];
        RingkasRapat {
            tautan: Tautan {
                label: r.judul.clone(),
                href: self.path(Halaman::Rapat(i)),
            },
            tanggal: r.tanggal.to_string(),
        }
    }

    pub(super) fn daftar_rapat(&self, notes: Option<&Vec<usize>>) -> Vec<RingkasRapat> {
        notes
            .into_iter()
            .flatten()
            .map(|&i| self.ringkas_rapat(i))
            .collect()
    }

    pub(super) fn baris_tindak_lanjut(
        &self,
        tl: &crate::content::rapat::TindakLanjut,
        rapat: Option<usize>,
    ) -> BarisTindakLanjut {
        BarisTindakLanjut {
            rapat: rapat.map(|i| self.ringkas_rapat(i)),
            tugas: tl.tugas.clone(),
            penanggung_jawab: tl.penanggung_jawab.clone(),
            tenggat: tl.tenggat.map(|d| d.to_string()),
            keadaan: tl.keadaan(self.report.data_per),
            selesai_pada: tl.selesai_pada.map(|d| d.to_string()),
        }
    }

    pub(super) fn breadcrumb_rapat(&self) -> Vec<Tautan> {
        vec![
            self.beranda(),
            Tautan {
                label: self.kata.teks("rapat").to_string(),
                href: self.path(Halaman::ArsipRapat),
            },
        ]
    }

    pub(super) fn konteks_rapat(&self, i: usize) -> KonteksRapat {
        let r = &self.content.rapat[i];
        KonteksRapat {
            umum: self.umum(
                Halaman::Rapat(i),
                r.judul.clone(),
                self.breadcrumb_rapat(),
                "rapat",
            ),
            tanggal: r.tanggal.to_string(),
            tempat: r.tempat.clone(),
            pimpinan: r.pimpinan.clone(),
            peserta: r.peserta.clone(),
            wilayah: r
                .wilayah_id
                .iter()
                .map(|&w| self.tautan_wilayah(w))
                .collect(),
            program: r
                .program_id
                .iter()
                .map(|&p| Tautan {
                    label: self.nama_program(p),
                    href: self.path(Halaman::Program(p)),
                })
                .collect(),
            tahap: r.tahap_id.iter().map(|&t| self.tautan_tahap(t)).collect(),
            keputusan: r.keputusan.clone(),
            tindak_lanjut: r
                .tindak_lanjut
                .iter()
                .map(|tl| self.baris_tindak_lanjut(tl, None))
                .collect(),
            data_per: self.report.data_per.map(|d| d.to_string()),
            isi: r.html.clone(),
        }
    }

    pub(super) fn konteks_arsip(&self) -> KonteksArsip {
        let mut tahun: Vec<TahunRapat> = Vec::new();
        for (i, r) in self.content.rapat.iter().enumerate() {
            let y = r.tanggal.year();
            match tahun.last_mut() {
                Some(t) if t.tahun == y => t.rapat.push(self.ringkas_rapat(i)),
                _ => tahun.push(TahunRapat {
                    tahun: y,
                    rapat: vec![self.ringkas_rapat(i)],
                }),
            }
        }
        let judul = self.kata.teks("rapat_koordinasi");
        KonteksArsip {
            umum: self.umum(
                Halaman::ArsipRapat,
                judul.to_string(),
                vec![self.beranda()],
                "rapat",
            ),
            tahun,
        }
    }

    pub(super) fn konteks_tindak_lanjut(&self) -> KonteksTindakLanjut {
        use crate::content::rapat::Keadaan;
        let mut baris: Vec<BarisTindakLanjut> = self
            .content
            .rapat
            .iter()
            .enumerate()
            .flat_map(|(i, r)| {
                r.tindak_lanjut
                    .iter()
                    .map(move |tl| self.baris_tindak_lanjut(tl, Some(i)))
            })
            .collect();
        let urutan = |k: Keadaan| match k {
            Keadaan::Terlambat => 0,
            Keadaan::Terbuka => 1,
            Keadaan::Berjalan => 2,
            Keadaan::Selesai => 3,
        };
        baris.sort_by(|a, b| {
            urutan(a.keadaan)
                .cmp(&urutan(b.keadaan))
                .then_with(|| a.tenggat.is_none().cmp(&b.tenggat.is_none()))
                .then_with(|| a.tenggat.cmp(&b.tenggat))
        });
        let count = |k: Keadaan| baris.iter().filter(|b| b.keadaan == k).count();
        let judul = self.kata.teks("judul_tindak_lanjut");
        KonteksTindakLanjut {
            umum: self.umum(
                Halaman::TindakLanjut,
                judul.to_string(),
                self.breadcrumb_rapat(),
                "rapat",
            ),
            selesai: count(Keadaan::Selesai),
            terbuka: count(Keadaan::Terbuka),
            berjalan: count(Keadaan::Berjalan),
            terlambat: count(Keadaan::Terlambat),
            baris,
            data_per: self.report.data_per.map(|d| d.to_string()),
        }
    }
}

impl Situs<'_> {
    /// A note's path: `rapat/<slug>.html`.
    pub(super) fn path_rapat(&self, i: usize) -> String {
        format!("rapat/{}.html", self.content.rapat[i].slug)
    }
}

/// A meeting note's page.
pub struct HalamanRapat;

impl JenisHalaman for HalamanRapat {
    type Kunci = usize;
    const TEMPLATE: &'static str = TEMPLATE_RAPAT;
    fn path(s: &Situs<'_>, i: usize) -> String {
        s.path_rapat(i)
    }
    fn konteks(s: &Situs<'_>, i: usize) -> Konteks {
        Konteks::Rapat(Box::new(s.konteks_rapat(i)))
    }
    fn asal(s: &Situs<'_>, i: usize) -> Asal {
        Situs::asal_berkas(&s.content.rapat[i].sumber)
    }
    fn sumber<'s>(s: &'s Situs<'_>, i: usize) -> Option<&'s str> {
        Some(s.content.rapat.get(i).map_or("", |r| r.sumber.as_str()))
    }
}

/// The notes archive.
pub struct HalamanArsipRapat;

impl JenisHalaman for HalamanArsipRapat {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE_ARSIP;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH_ARSIP.to_string()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Arsip(s.konteks_arsip())
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.arsip_rapat")
    }
}

/// The follow-up tracker.
pub struct HalamanTindakLanjut;

impl JenisHalaman for HalamanTindakLanjut {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE_TINDAK_LANJUT;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH_TINDAK_LANJUT.to_string()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::TindakLanjut(s.konteks_tindak_lanjut())
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.tindak_lanjut")
    }
}
