//! The printable brief of a region (`wilayah/<prov>/<kode>.ringkas.html`) and of the whole
//! site (`ringkas.html`): on at most two A4 pages, its key figures (each programme's latest
//! tahap), the trend ([`super::tren`]), coverage against need ([`super::cakupan`]), the three
//! children that lag most, and where the figures come from, for a commission's meeting.
//!
//! Briefs are made for regions with children and figures only (provinsi, kabupaten/kota,
//! kecamatan): a desa/kelurahan page is already short, and a brief per desa would double the
//! page count and the build time. Measured (single runs, release, on a shared 2-core machine):
//! the example 1.555 → 1.624 files (69 briefs), 2,08 → 2,17 s mean of three; the national
//! site of 500.000 rows 203.953 → 211.792 files (7.837 briefs), 5,1 → 5,2 GB, build time
//! within this machine's noise (148 s before, 112 s after), peak RSS 642 → 790 MB (one run
//! each: to confirm with bench/run.sh).
//!
//! Every section is the region page's own value, made by the same functions from the same
//! inputs ([`Situs::bagian_tahap`], [`Situs::tren`], [`Situs::cakupan_wilayah`],
//! [`Situs::asal_halaman`]); so the brief's fingerprint is the region page's inputs
//! ([`super::wilayah::MasukanWilayah`]), tagged.

use serde::Serialize;

use super::bagian::{BagianTahap, BarisRingkas, Tautan, Umum};
use super::jalur::Asal;
use super::{Halaman, JenisHalaman, Konteks, SELALU, Situs, sidik_dari};
use super::{asal, cakupan, tren, unduh};
use crate::analysis::Rekap;
use crate::data::WilayahId;

/// The brief's template.
pub const TEMPLATE_RINGKAS: &str = "ringkas.html";
/// The whole site's brief.
pub const PATH_RINGKAS_SITUS: &str = "ringkas.html";
/// How many lagging children a brief lists: the few a commission asks about, never the full
/// children table (a provinsi of 38 kabupaten/kota would not fit two pages).
pub const TERTINGGAL_RINGKAS: usize = 3;

/// The context of a brief.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksRingkas {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// The region's name with its kind (the site's title for the whole site).
    pub nama: String,
    /// The dotted code, empty for the whole site.
    pub kode: String,
    /// Households, when known.
    pub kk: Option<u64>,
    /// Population, when known.
    pub penduduk: Option<u64>,
    /// The full page the brief summarises.
    pub halaman: Tautan,
    /// That page's address: under `base_url` when there is one, else its path.
    pub alamat: String,
    /// Per programme, its latest tahap's figures (all penyalur together).
    pub kunci: Vec<BarisKunci>,
    /// Whether any key figure has a rupiah amount.
    pub ada_nilai: bool,
    /// The figures over time, as on the region page.
    pub tren: Vec<tren::BagianTren>,
    /// Coverage against need, as on the region page (the brief shows its summary sentence).
    pub cakupan: Vec<cakupan::BagianCakupan>,
    /// The children that lag most in the latest tahap.
    pub tertinggal: Option<TabelTertinggal>,
    /// Budgets against rupiah paid, as on the region page.
    pub anggaran: Option<super::anggaran::BagianAnggaran>,
    /// The children's map, as on the region page.
    pub peta: Option<super::peta::BagianPeta>,
    /// Where its figures come from (the brief shows the notice and links the statements).
    pub asal: asal::KonteksAsal,
    /// The source line of the latest tahap's figures.
    pub sumber: Option<unduh::Sumber>,
    /// The latest tahap (its source line's tahap).
    pub tahap: Option<Tautan>,
    /// The day that tahap's figures describe.
    pub data_per: Option<String>,
}

/// One programme's figures in its latest tahap.
#[derive(Debug, Clone, Serialize)]
pub struct BarisKunci {
    /// The programme (its code).
    pub program: Tautan,
    /// Its latest tahap.
    pub tahap: Tautan,
    /// KPM allocated.
    pub alokasi_kpm: u64,
    /// KPM paid.
    pub tersalur_kpm: u64,
    /// KPM failed.
    pub gagal_kpm: u64,
    /// Paid / allocated.
    pub realisasi: Option<f64>,
    /// Rupiah allocated, when complete.
    pub alokasi_nilai: Option<u64>,
    /// Rupiah paid, when complete.
    pub tersalur_nilai: Option<u64>,
}

/// The children with the lowest realisation (all programmes together) in the latest tahap.
#[derive(Debug, Clone, Serialize)]
pub struct TabelTertinggal {
    /// The tahap.
    pub tahap: Tautan,
    /// The children's level, as a column head (`Kecamatan`).
    pub tingkat_judul: String,
    /// Column heads: programmes.
    pub program: Vec<Tautan>,
    /// At most [`TERTINGGAL_RINGKAS`] rows, lowest realisation first, ties by code.
    pub baris: Vec<BarisRingkas>,
    /// Whether there is an "all programmes" column.
    pub ada_semua: bool,
    /// How many children with an allocation there are in all.
    pub dari: usize,
    /// What the table lists, in a sentence (filled in by [`Situs::konteks_ringkas`]).
    pub keterangan: String,
}

/// Whether a region has a brief: it has children and figures.
pub(super) fn ada_ringkas(rekap: &Rekap, anak: usize) -> bool {
    anak > 0 && !rekap.sel.is_empty()
}

/// Per programme, its row in the newest section that has it: the subtotal of a programme
/// paid by several penyalur, else its one row. `tahap` is newest first, as the region page
/// has it.
pub(super) fn angka_kunci(tahap: &[BagianTahap]) -> Vec<BarisKunci> {
    let mut out: Vec<BarisKunci> = Vec::new();
    for bagian in tahap {
        for rows in bagian.program.chunk_by(|a, b| a.label == b.label) {
            if out.iter().any(|k| k.program.label == rows[0].label) {
                continue;
            }
            let Some(b) = rows.iter().find(|b| b.jenis == "subtotal").or(rows.first()) else {
                continue;
            };
            out.push(BarisKunci {
                program: Tautan {
                    label: b.label.clone(),
                    href: b.href.clone().unwrap_or_default(),
                },
                tahap: bagian.tautan.clone(),
                alokasi_kpm: b.alokasi_kpm,
                tersalur_kpm: b.tersalur_kpm,
                gagal_kpm: b.gagal_kpm,
                realisasi: b.realisasi,
                alokasi_nilai: b.alokasi_nilai,
                tersalur_nilai: b.tersalur_nilai,
            });
        }
    }
    out
}

/// The children that lag most in the newest section: its children's table
/// ([`super::bagian::TabelRingkas`], the rows the region page shows, unsuppressed there too:
/// a realisation is a ratio, not a small count) sorted by realisation over every programme,
/// lowest first, ties by the child's code (its page's path); the rows not broken down and the
/// children without an allocation left out.
pub(super) fn tertinggal(bagian: &BagianTahap) -> Option<TabelTertinggal> {
    let tabel = bagian.ringkas.as_ref()?;
    let mut baris: Vec<&BarisRingkas> = tabel
        .baris
        .iter()
        .filter(|b| b.jenis == "rinci" && b.href.is_some() && b.semua.is_some())
        .collect();
    if baris.is_empty() {
        return None;
    }
    let dari = baris.len();
    baris.sort_by(|a, b| {
        a.semua
            .partial_cmp(&b.semua)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.href.cmp(&b.href))
    });
    Some(TabelTertinggal {
        tahap: bagian.tautan.clone(),
        tingkat_judul: tabel.tingkat_judul.clone(),
        program: tabel.program.clone(),
        baris: baris
            .into_iter()
            .take(TERTINGGAL_RINGKAS)
            .cloned()
            .collect(),
        ada_semua: tabel.ada_semua,
        dari,
        keterangan: String::new(),
    })
}

impl Situs<'_> {
    /// The brief of region `w` (the whole site for `None`).
    pub(super) fn konteks_ringkas(&self, w: Option<WilayahId>) -> KonteksRingkas {
        let tree = &self.data.wilayah;
        let (nama, rekap, anak, langsung) = match w {
            Some(w) => (
                self.kata.nama_wilayah(tree.node(w)),
                &self.report.wilayah[w.indeks()],
                tree.node(w).anak.clone(),
                self.report.langsung(w),
            ),
            None => (
                self.config.title.clone(),
                &self.report.total,
                tree.akar.clone(),
                None,
            ),
        };
        let halaman = match w {
            Some(w) => self.tautan_wilayah(w),
            None => Tautan {
                label: self.config.title.clone(),
                href: self.path(Halaman::Beranda),
            },
        };
        let mut breadcrumb = vec![self.beranda()];
        if let Some(w) = w {
            breadcrumb.extend(
                tree.ancestors(w)
                    .into_iter()
                    .map(|a| self.tautan_wilayah(a)),
            );
            breadcrumb.push(halaman.clone());
        }
        let judul = self.kata.isi("ringkas_judul", &[("nama", &nama)]);
        let mut umum = self.umum(Halaman::Ringkas(w), judul, breadcrumb, "");
        if let Some(d) = self.deskripsi_angka(&nama, rekap) {
            umum.deskripsi = d;
        }
        let tahap = self.bagian_tahap(w, rekap, &anak, langsung, None, None);
        let terbaru = tahap.first();
        let tertinggal = terbaru.and_then(tertinggal).map(|mut t| {
            t.keterangan = self.kata.isi(
                "ringkas_tertinggal_ket",
                &[
                    ("tingkat", &t.tingkat_judul.to_lowercase()),
                    ("tahap", &t.tahap.label),
                    ("n", &t.baris.len().to_string()),
                    ("dari", &t.dari.to_string()),
                ],
            );
            t
        });
        KonteksRingkas {
            alamat: self.alamat(&halaman.href),
            halaman,
            nama,
            kode: w
                .map(|w| tree.node(w).kode_teks.clone())
                .unwrap_or_default(),
            kk: w.and_then(|w| self.report.kk[w.indeks()]),
            penduduk: w.and_then(|w| self.report.penduduk[w.indeks()]),
            kunci: angka_kunci(&tahap),
            ada_nilai: tahap.iter().any(|b| b.ada_nilai),
            tren: self.tren(w, rekap, None),
            cakupan: w.map(|w| self.cakupan_wilayah(w)).unwrap_or_default(),
            tertinggal,
            anggaran: self.anggaran_wilayah(w),
            peta: self.peta(w, &anak),
            asal: self.asal_halaman(w),
            sumber: terbaru.and_then(|b| b.sumber.clone()),
            tahap: terbaru.map(|b| b.tautan.clone()),
            data_per: terbaru.and_then(|b| b.data_per.clone()),
            umum,
        }
    }

    /// The link to the brief of region `w` (the whole site's for `None`).
    pub(super) fn tautan_ringkas(&self, w: Option<WilayahId>) -> Tautan {
        Tautan {
            label: self.kata.teks("ringkas_tautan").to_string(),
            href: self.path(Halaman::Ringkas(w)),
        }
    }
}

/// A region's brief (`wilayah/<prov>/<kode>.ringkas.html`), or the whole site's
/// (`ringkas.html`, `None`, rendered on every build like the home page).
pub struct HalamanRingkas;

impl JenisHalaman for HalamanRingkas {
    type Kunci = Option<WilayahId>;
    const TEMPLATE: &'static str = TEMPLATE_RINGKAS;
    fn path(s: &Situs<'_>, w: Option<WilayahId>) -> String {
        match w {
            Some(w) => s.path_di_provinsi(w, "ringkas.html"),
            None => PATH_RINGKAS_SITUS.to_string(),
        }
    }
    fn sidik(s: &Situs<'_>, w: Option<WilayahId>) -> u64 {
        match w {
            // everything the brief shows is a part of the region page, made from the same
            // inputs; the tag tells the two fingerprints apart
            Some(w) => sidik_dari((TEMPLATE_RINGKAS, s.masukan_wilayah(w))),
            None => SELALU,
        }
    }
    fn konteks(s: &Situs<'_>, w: Option<WilayahId>) -> Konteks {
        Konteks::Ringkas(Box::new(s.konteks_ringkas(w)))
    }
    fn asal(s: &Situs<'_>, w: Option<WilayahId>) -> Asal {
        match w {
            Some(w) => s.asal_wilayah(w),
            None => Situs::asal_salur("pemilik.ringkas_situs"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::bagian::TabelRingkas;

    fn baris(label: &str, semua: Option<f64>) -> BarisRingkas {
        BarisRingkas {
            label: label.to_string(),
            href: Some(format!("wilayah/35/{label}.html")),
            jenis: "rinci",
            sel: vec![semua],
            semua,
            sifat: None,
        }
    }

    fn bagian(baris: Vec<BarisRingkas>) -> BagianTahap {
        BagianTahap {
            id: "tahap-x".into(),
            tautan: Tautan {
                label: "X".into(),
                href: "tahap/x.html".into(),
            },
            mulai: String::new(),
            selesai: String::new(),
            target: None,
            data_per: None,
            program: Vec::new(),
            ada_nilai: false,
            nilai_sebagian: false,
            melebihi: false,
            matriks: None,
            gagal: None,
            anak: Vec::new(),
            ringkas: Some(TabelRingkas {
                id: "anak".into(),
                tingkat: "kecamatan".into(),
                tingkat_judul: "Kecamatan".into(),
                program: Vec::new(),
                baris,
                ada_semua: false,
            }),
            tenggat: None,
            grafik_waktu: None,
            grafik_program: None,
            grafik_anak: None,
            sumber: None,
        }
    }

    #[test]
    fn the_three_lowest_first_ties_by_code_without_allocation_and_total_left_out() {
        let mut total = baris("Jumlah", Some(0.1));
        total.jenis = "total";
        total.href = None;
        let t = tertinggal(&bagian(vec![
            baris("35.75.04", Some(0.9)),
            baris("35.75.03", Some(0.5)),
            baris("35.75.02", None),
            baris("35.75.01", Some(0.5)),
            baris("35.75.05", Some(0.2)),
            total,
        ]))
        .expect("a table");
        let labels: Vec<&str> = t.baris.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["35.75.05", "35.75.01", "35.75.03"]);
        assert_eq!(t.dari, 4);
        assert!(tertinggal(&bagian(vec![baris("a", None)])).is_none());
    }
}
