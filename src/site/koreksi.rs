//! "Riwayat koreksi" (`riwayat-koreksi.html`): every published figure that changed between
//! publications, grouped by the date of the publication that changed it, newest first
//! ([`crate::analysis::koreksi`]); the same rows as `unduh/riwayat_koreksi.csv`, which the next
//! build reads back to carry the history forward; the notice on a corrected region's page; the
//! feed's entry per date.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{Halaman, Situs, Umum};
use super::{JenisHalaman, Konteks, jalur::Asal, sidik_dari};
use crate::data::WilayahId;
use crate::data::koreksi::{ANGKA, Koreksi};
use crate::format::{ribuan_u64, rupiah};

/// The page's path.
pub const PATH: &str = "riwayat-koreksi.html";
/// The page's template.
pub const TEMPLATE: &str = "koreksi.html";

/// One corrected figure, ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct BarisKoreksi {
    /// The region as published, linked to its page while it has one.
    pub wilayah: String,
    /// Its page, when the region is still in the site.
    pub href: Option<String>,
    /// Its code.
    pub kode: String,
    /// Programme code.
    pub program: String,
    /// Tahap code.
    pub tahap: String,
    /// Penyalur.
    pub penyalur: String,
    /// Which figure: the theme's `koreksi_<angka>` string names it.
    pub angka: &'static str,
    /// The figure before, written out (`–` for an empty cell).
    pub lama: String,
    /// The figure after.
    pub baru: String,
}

/// The corrections of one publication.
#[derive(Debug, Clone, Serialize)]
pub struct KelompokKoreksi {
    /// Anchor (`koreksi-2021-08-01`), which the feed's entry links to.
    pub id: String,
    /// The date, written out.
    pub tanggal: String,
    /// Its corrections, in code order.
    pub baris: Vec<BarisKoreksi>,
}

/// The context of the history page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksKoreksi {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// One group per publication date, newest first.
    pub kelompok: Vec<KelompokKoreksi>,
    /// Corrections in all.
    pub jumlah: usize,
    /// The download of the history.
    pub unduh: String,
}

/// The anchor of date `d`'s group.
fn id_tanggal(d: jiff::civil::Date) -> String {
    format!("koreksi-{d}")
}

impl Situs<'_> {
    /// Per region code, the date of its latest correction (for the notice on its page).
    pub(super) fn hitung_koreksi_wilayah(&self) -> FxHashMap<String, jiff::civil::Date> {
        let mut out = FxHashMap::default();
        for k in &self.report.koreksi {
            // newest first: the first date seen is the latest
            out.entry(k.kode_wilayah.clone()).or_insert(k.tanggal);
        }
        out
    }

    /// The latest correction of region `w`'s figures, if any.
    pub(super) fn koreksi_wilayah(&self, w: WilayahId) -> Option<jiff::civil::Date> {
        self.koreksi_wilayah
            .get(&self.data.wilayah.node(w).kode_teks)
            .copied()
    }

    /// The notice on a corrected region's page.
    pub(super) fn kalimat_koreksi_wilayah(&self, d: jiff::civil::Date) -> String {
        let tanggal = crate::format::tanggal(d, self.lang());
        self.kata.isi("koreksi_wilayah", &[("tanggal", &tanggal)])
    }

    /// A figure as the page writes it.
    fn tulis_angka(&self, angka: u8, v: Option<u64>) -> String {
        let lang = self.lang();
        match v {
            None => "–".to_string(),
            // rupiah figures: `alokasi_nilai`, `tersalur_nilai`
            Some(n) if angka == 1 || angka == 3 => {
                rupiah(i64::try_from(n).unwrap_or(i64::MAX), lang)
            }
            Some(n) => ribuan_u64(n, lang),
        }
    }

    fn konteks_koreksi(&self) -> KonteksKoreksi {
        let halaman: FxHashMap<&str, WilayahId> = WilayahId::semua(self.data.wilayah.len())
            .map(|w| (self.data.wilayah.node(w).kode_teks.as_str(), w))
            .collect();
        let mut kelompok: Vec<KelompokKoreksi> = Vec::new();
        let riwayat = &self.report.koreksi;
        for run in riwayat.chunk_by(|a, b| a.tanggal == b.tanggal) {
            let d = run[0].tanggal;
            kelompok.push(KelompokKoreksi {
                id: id_tanggal(d),
                tanggal: crate::format::tanggal(d, self.lang()),
                baris: run
                    .iter()
                    .map(|k| BarisKoreksi {
                        wilayah: k.nama_wilayah.clone(),
                        href: halaman
                            .get(k.kode_wilayah.as_str())
                            .map(|&w| self.path(Halaman::Wilayah(w))),
                        kode: k.kode_wilayah.clone(),
                        program: k.program.clone(),
                        tahap: k.tahap.clone(),
                        penyalur: k.penyalur.clone(),
                        angka: ANGKA[usize::from(k.angka).min(ANGKA.len() - 1)],
                        lama: self.tulis_angka(k.angka, k.lama),
                        baru: self.tulis_angka(k.angka, k.baru),
                    })
                    .collect(),
            });
        }
        KonteksKoreksi {
            umum: self.umum(
                Halaman::Koreksi,
                self.kata.teks("koreksi").to_string(),
                vec![self.beranda()],
                "tentang",
            ),
            kelompok,
            jumlah: riwayat.len(),
            unduh: self.path(Halaman::Dataset(super::unduh::JenisData::Koreksi)),
        }
    }

    /// The history's rows as `unduh/riwayat_koreksi.csv` writes them.
    pub(super) fn baris_csv_koreksi(&self) -> impl Iterator<Item = [String; 9]> + '_ {
        self.report.koreksi.iter().map(|k: &Koreksi| {
            let n = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
            [
                k.tanggal.to_string(),
                k.kode_wilayah.clone(),
                k.nama_wilayah.clone(),
                k.program.clone(),
                k.tahap.clone(),
                k.penyalur.clone(),
                ANGKA[usize::from(k.angka).min(ANGKA.len() - 1)].to_string(),
                n(k.lama),
                n(k.baru),
            ]
        })
    }

    /// The feed's entries: one per publication date with corrections, (date, title, anchor,
    /// summary with the count).
    pub(super) fn entri_koreksi(&self) -> Vec<(jiff::civil::Date, String, String, String)> {
        self.report
            .koreksi
            .chunk_by(|a, b| a.tanggal == b.tanggal)
            .map(|run| {
                let d = run[0].tanggal;
                let tanggal = crate::format::tanggal(d, self.lang());
                let jumlah = ribuan_u64(run.len() as u64, self.lang());
                (
                    d,
                    self.kata
                        .isi("umpan_koreksi_judul", &[("tanggal", &tanggal)]),
                    id_tanggal(d),
                    self.kata.isi(
                        "umpan_koreksi_ringkasan",
                        &[("jumlah", &jumlah), ("tanggal", &tanggal)],
                    ),
                )
            })
            .collect()
    }
}

/// The history page.
pub struct HalamanKoreksi;

impl JenisHalaman for HalamanKoreksi {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH.to_string()
    }
    /// What it shows: the history, and which of its regions still have a page (the tree).
    fn sidik(s: &Situs<'_>, _: ()) -> u64 {
        sidik_dari((s.sidik_umum, s.sidik_pohon, &s.report.koreksi))
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Koreksi(Box::new(s.konteks_koreksi()))
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.koreksi")
    }
}
