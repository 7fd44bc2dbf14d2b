//! The "about the data" page (`tentang-data.html`), the operator's content pages
//! (`<slug>.html`) and the missing page (`404.html`).

use serde::Serialize;

use super::bagian::{Tautan, Umum};
use super::{Halaman, Situs, TENTANG_DATA, unduh};
use super::{JenisHalaman, Konteks, jalur::Asal};
use crate::content::Content;
use crate::data::{InputFile, Tingkat};

/// The missing page's path.
pub const PATH_404: &str = "404.html";
/// The about page's template.
pub const TEMPLATE_TENTANG: &str = "tentang.html";
/// A content page's template.
pub const TEMPLATE_KONTEN: &str = "halaman.html";
/// The missing page's template.
pub const TEMPLATE_404: &str = "404.html";

/// The about page's path.
pub fn path_tentang() -> String {
    format!("{TENTANG_DATA}.html")
}

/// A data-quality note on the about page.
#[derive(Debug, Clone, Serialize)]
pub struct CatatanMutu {
    /// The region.
    pub wilayah: Tautan,
    /// Its code.
    pub kode: String,
    /// Programme code.
    pub program: String,
    /// Tahap name.
    pub tahap: String,
    /// Penyalur.
    pub penyalur: String,
    /// `melebihi_alokasi` or `tanpa_alokasi`.
    pub jenis: &'static str,
    /// KPM allocated.
    pub alokasi_kpm: u64,
    /// KPM paid plus failed.
    pub dilaporkan_kpm: u64,
}

/// The context of the "about the data" page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksTentang {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// The operator's own text (`content/tentang-data.md`), sanitised HTML.
    pub isi: String,
    /// Every input read, with its anchor.
    pub masukan: Vec<(InputFile, String)>,
    /// The site-wide downloads, one CSV per kind.
    pub unduhan: Vec<Tautan>,
    /// Counts of what the data holds.
    pub jumlah_wilayah: usize,
    /// Desa/kelurahan count.
    pub jumlah_desa: usize,
    /// Data-quality notes (at most 200).
    pub mutu: Vec<CatatanMutu>,
    /// How many notes there are in all.
    pub jumlah_mutu: usize,
    /// The recipient lists the figures were counted from (never named: a file name may name
    /// a person): how many, and their rows.
    pub penerima: Option<PenerimaSitus>,
}

/// The recipient lists (`[[penerima]]`) behind a site's figures, as the "about the data" page
/// states them: counts only.
#[derive(Debug, Clone, Serialize)]
pub struct PenerimaSitus {
    /// How many lists.
    pub daftar: usize,
    /// Their rows (households) counted.
    pub baris: u64,
}

/// The context of a content page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksKonten {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// Sanitised HTML.
    pub isi: String,
}

/// The operator's content pages (not the about page), for every page's footer.
pub fn tautan_konten(content: &Content) -> Vec<Tautan> {
    content
        .halaman
        .iter()
        .filter(|h| h.slug != TENTANG_DATA)
        .map(|h| Tautan {
            label: h.judul.clone(),
            href: format!("{}.html", h.slug),
        })
        .collect()
}

impl Situs<'_> {
    /// The first `limit` data-quality findings, ready to show.
    pub fn catatan_mutu(&self, limit: usize) -> Vec<CatatanMutu> {
        self.report
            .kualitas
            .iter()
            .filter_map(|t| {
                let jenis = match t.jenis {
                    crate::analysis::kualitas::JenisTemuan::MelebihiAlokasi => "melebihi_alokasi",
                    crate::analysis::kualitas::JenisTemuan::TanpaAlokasi => "tanpa_alokasi",
                    _ => return None,
                };
                let (w, k) = (t.wilayah?, t.kunci?);
                Some(CatatanMutu {
                    wilayah: self.tautan_wilayah(w),
                    kode: self.data.wilayah.node(w).kode_teks.clone(),
                    program: self.data.program[k.program.indeks()].kode.clone(),
                    tahap: self.data.tahap[k.tahap.indeks()].nama.clone(),
                    penyalur: self.data.penyalur[k.penyalur.indeks()].clone(),
                    jenis,
                    alokasi_kpm: t.pembanding.unwrap_or(0),
                    dilaporkan_kpm: t.kpm,
                })
            })
            .take(limit)
            .collect()
    }

    pub(super) fn konteks_tentang(&self) -> KonteksTentang {
        let page = self.content.get(TENTANG_DATA);
        let judul = page
            .map(|p| p.judul.clone())
            .unwrap_or_else(|| self.kata.teks("tentang").to_string());
        let mutu = self.catatan_mutu(200);
        KonteksTentang {
            umum: self.umum(Halaman::TentangData, judul, vec![self.beranda()], "tentang"),
            isi: page.map(|p| p.html.clone()).unwrap_or_default(),
            masukan: self
                .data
                .inputs
                .iter()
                .map(|i| (i.clone(), unduh::id_berkas(&i.nama_csv())))
                .collect(),
            unduhan: self.tautan_dataset(),
            jumlah_wilayah: self.data.wilayah.len(),
            jumlah_desa: self
                .data
                .wilayah
                .nodes
                .iter()
                .filter(|w| w.tingkat == Tingkat::DesaKelurahan)
                .count(),
            jumlah_mutu: self.report.jumlah_temuan_angka(),
            penerima: (!self.data.penerima.is_empty()).then(|| PenerimaSitus {
                daftar: self.data.penerima.len(),
                baris: self.data.penerima.iter().map(|p| p.baris).sum(),
            }),
            mutu,
        }
    }
}

impl Situs<'_> {
    /// A content page's path: `<slug>.html`.
    pub(super) fn path_konten(&self, i: usize) -> String {
        format!("{}.html", self.content.halaman[i].slug)
    }

    /// A content page's context.
    pub(super) fn konteks_konten(&self, i: usize) -> KonteksKonten {
        let page = &self.content.halaman[i];
        KonteksKonten {
            umum: self.umum(
                Halaman::Konten(i),
                page.judul.clone(),
                vec![self.beranda()],
                "",
            ),
            isi: page.html.clone(),
        }
    }

    /// The missing page's context.
    pub(super) fn konteks_404(&self) -> KonteksKonten {
        KonteksKonten {
            umum: self.umum(
                Halaman::TidakDitemukan,
                self.kata.teks("judul_tidak_ditemukan").to_string(),
                Vec::new(),
                "",
            ),
            isi: String::new(),
        }
    }
}

/// The about page's path, as the NIK check names it when no Markdown page is merged into it.
const PATH_TENTANG: &str = "tentang-data.html";

/// The "about the data" page.
pub struct HalamanTentangData;

impl JenisHalaman for HalamanTentangData {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE_TENTANG;
    fn path(_: &Situs<'_>, _: ()) -> String {
        path_tentang()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Tentang(s.konteks_tentang())
    }
    fn asal(s: &Situs<'_>, _: ()) -> Asal {
        match s.content.get(TENTANG_DATA) {
            Some(page) => Situs::asal_berkas(&page.sumber),
            None => Situs::asal_salur("pemilik.tentang_data"),
        }
    }
    fn sumber<'s>(s: &'s Situs<'_>, _: ()) -> Option<&'s str> {
        Some(
            s.content
                .get(TENTANG_DATA)
                .map_or(PATH_TENTANG, |p| p.sumber.as_str()),
        )
    }
}

/// A Markdown page of `content/`.
pub struct HalamanKonten;

impl JenisHalaman for HalamanKonten {
    type Kunci = usize;
    const TEMPLATE: &'static str = TEMPLATE_KONTEN;
    fn path(s: &Situs<'_>, i: usize) -> String {
        s.path_konten(i)
    }
    fn konteks(s: &Situs<'_>, i: usize) -> Konteks {
        Konteks::Konten(s.konteks_konten(i))
    }
    fn asal(s: &Situs<'_>, i: usize) -> Asal {
        Situs::asal_berkas(&s.content.halaman[i].sumber)
    }
    fn sumber<'s>(s: &'s Situs<'_>, i: usize) -> Option<&'s str> {
        // the page's own path if it were missing (it never is: the plan lists the pages)
        Some(s.content.halaman.get(i).map_or("", |p| p.sumber.as_str()))
    }
}

/// The not-found page.
pub struct HalamanTidakDitemukan;

impl JenisHalaman for HalamanTidakDitemukan {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE_404;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH_404.to_string()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Konten(s.konteks_404())
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.tidak_ditemukan")
    }
}
