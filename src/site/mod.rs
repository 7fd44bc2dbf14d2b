//! The `site` stage: which pages exist, their paths, and the data each one shows.
//!
//! The plan is a list of [`Halaman`] (small values); the context of a page, a serialisable
//! struct, is built only when that page is rendered, so that a national site never holds every
//! page's data at once. Paths are relative to the output root; templates prefix them with the
//! page's `root` (`""` or `"../"`), so every link is relative and ends in a file name.
//!
//! **One module per page kind** (or small family of kinds): it declares side by side the
//! kind's path (`path_*`), template (`TEMPLATE_*`), context (`konteks_*`) and fingerprint
//! (`sidik_*`). This file only dispatches a [`Halaman`] to its module:
//!
//! | kinds | module |
//! |---|---|
//! | `Beranda`, `Wilayah` | [`wilayah`] |
//! | `DaftarProgram`, `Program` | [`program`] |
//! | `DaftarTahap`, `Tahap` | [`tahap`] |
//! | `TentangData`, `Konten`, `TidakDitemukan` | [`tentang`] |
//! | `KualitasData` | [`kualitas`] |
//! | `Rapat`, `ArsipRapat`, `TindakLanjut` | [`rapat`] |
//! | `Kalender`, `TitikBayar`, `KalenderTitik`, `JadwalKota` | [`jadwal`] |
//! | `GagalKota`, `UnduhGagalKota` | [`gagal`] |
//! | `RekonKota`, `RekonCabang` | [`rekonsiliasi`] |
//! | `Bandingkan`, `Peringkat` | [`banding`] |
//! | `Perubahan` | [`perubahan`] |
//! | `UnduhAngka`, `Dataset`, `SkemaAngka`, `DataPackage` | [`unduh`] |
//! | `Feed`, `Sitemap`, `SitemapBagian`, `Robots` | [`umpan`] |
//! | `CariIndeks`, `CariUmum`, `CariNama` | [`cari`] |
//!
//! What several kinds show alike (links, the common fields, a tahap's section) is in
//! [`bagian`]; making the plan and its indexes in `rencana.rs`.

pub mod asal;
pub mod bagian;
pub mod banding;
pub mod cari;
pub mod desil;
pub mod gagal;
pub mod grafik;
pub mod jadwal;
pub mod jalur;
pub mod kalender;
pub mod kata;
pub mod kualitas;
pub mod perubahan;
pub mod program;
pub mod rapat;
pub mod rekonsiliasi;
mod rencana;
pub mod tahap;
pub mod tentang;
#[cfg(test)]
mod uji;
pub mod umpan;
pub mod unduh;
pub mod verval;
pub mod wilayah;

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

use crate::analysis::Report;
use crate::config::Config;
use crate::content::Content;
use crate::data::{Dataset, ProgramId, TahapId, WilayahId};
use crate::lang::Lang;
pub use bagian::{
    BagianTahap, Baris, BarisMatriks, BarisProyeksi, BarisRingkas, ItemDaftar, KonteksDaftar,
    Matriks, TabelAnak, TabelRingkas, Tautan, TenggatTahap, Umum,
};
pub use gagal::{
    BagianGagalKota, BarisGagal, BarisGagalWilayah, KonteksGagalKota, MatriksGagal,
    PeringkatAlasan, SelAlasan,
};
use grafik::Grafik;
pub use jadwal::{
    AcaraKalender, BagianJadwalKota, BarisJadwalKota, HariJadwal, HariTitikBayar, JadwalProgram,
    KonteksJadwalKota, KonteksKalender, KonteksTitikBayar, SelJadwalKota, SlotJadwal, ZonaKalender,
};
pub use program::KonteksProgram;
pub use rapat::{
    BarisTindakLanjut, KonteksArsip, KonteksRapat, KonteksTindakLanjut, RingkasRapat, TahunRapat,
};
pub use tahap::KonteksTahap;
pub use tentang::{CatatanMutu, KonteksKonten, KonteksTentang, tautan_konten};
pub use wilayah::{KelompokWilayah, KonteksWilayah};

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Halaman {
    /// `index.html`: the whole site's figures and its regions.
    Beranda,
    /// `wilayah/<prov>/<kode>.html`: a region's page, in the folder of its provinsi's code
    /// (`wilayah/35/35.75.04.1011.html`).
    Wilayah(WilayahId),
    /// `program/index.html`.
    DaftarProgram,
    /// `program/<slug>.html`.
    Program(ProgramId),
    /// `tahap/index.html`.
    DaftarTahap,
    /// `tahap/<slug>.html`.
    Tahap(TahapId),
    /// `tentang-data.html`.
    TentangData,
    /// `kualitas-data.html`: every data-quality finding.
    KualitasData,
    /// `<slug>.html` from `content/<slug>.md`.
    Konten(usize),
    /// `404.html`, which static hosts show for a missing page.
    TidakDitemukan,
    /// `rapat/<slug>.html`: one meeting note.
    Rapat(usize),
    /// `rapat/index.html`: every note, by year, newest first.
    ArsipRapat,
    /// `rapat/tindak-lanjut.html`: every follow-up with its state.
    TindakLanjut,
    /// `wilayah/<prov>/<kode>.ics`: a desa/kelurahan's payment schedule as a calendar.
    Kalender(WilayahId),
    /// `titik-bayar/<slug>.html`: one payment point's days and load against its capacity.
    TitikBayar(crate::data::TitikBayarId),
    /// `titik-bayar/<slug>.ics`: one payment point's slots as a calendar.
    KalenderTitik(crate::data::TitikBayarId),
    /// `jadwal/<kode>.html`: a kabupaten/kota's payment points × days, per tahap.
    JadwalKota(WilayahId),
    /// `gagal/<kode>.html`: a kabupaten/kota's failed distributions by reason and region.
    GagalKota(WilayahId),
    /// `gagal/<kode>.csv`: the same tables as a download.
    UnduhGagalKota(WilayahId),
    /// `rekonsiliasi/<kode>.html`: a kabupaten/kota's figures set against the channels'
    /// reports.
    RekonKota(WilayahId),
    /// `rekonsiliasi/<kode>/<penyalur-cabang>.html`: one branch's rows.
    RekonCabang(usize),
    /// `bandingkan/<kode>-vs-<kode>.html`: the regions of one `[[bandingkan]]` entry side by
    /// side.
    Bandingkan(usize),
    /// `peringkat/<kode>.html`: a region's children ranked on the comparison measures;
    /// `peringkat/index.html` (`None`): every kabupaten/kota.
    Peringkat(Option<WilayahId>),
    /// `wilayah/<prov>/<kode>.csv` (or `.json` when true): the figures of a region with
    /// children and of each child; `angka.csv`/`angka.json` (`None`): the whole site's and
    /// its top regions'.
    UnduhAngka(Option<WilayahId>, bool),
    /// `unduh/<jenis>.csv`: one kind of figure for every region.
    Dataset(unduh::JenisData),
    /// `unduh/skema-angka.json`: the Table Schema of every [`Halaman::UnduhAngka`] CSV.
    SkemaAngka,
    /// `datapackage.json`: every data file, its schema, licence and sources.
    DataPackage,
    /// `perubahan/<tahap>.html`: what changed in a tahap against each programme's previous
    /// one.
    Perubahan(TahapId),
    /// `feed.xml`: an Atom feed with an entry per tahap's changes and per meeting note.
    Feed,
    /// `sitemap.xml`: every page's address under `base_url` (an index of `sitemap-<n>.xml`
    /// files beyond 50.000 addresses); only with a `base_url`.
    Sitemap,
    /// `sitemap-<n>.xml`: the n-th (from 1) part of a large sitemap.
    SitemapBagian(usize),
    /// `robots.txt`.
    Robots,
    /// `cari/indeks.js`: the search index's manifest.
    CariIndeks,
    /// `cari/umum.js`: the programmes, tahap and meeting notes, always searched.
    CariUmum,
    /// `cari/nama/<key>.js`: the n-th shard of region names.
    CariNama(usize),
}

/// The deadline view lists at most this many child regions × programmes that will miss the
/// target, worst first.
pub const MAKS_TERTINGGAL: usize = 10;

/// The most cells (penyalur × programmes) of the "paid by penyalur" table of a tahap section;
/// a bigger one is left out (its figures are in the rows per programme × penyalur above it).
/// A real site has a few of each; 65.536 of both would be 4 billion cells.
pub const MATRIKS_SEL_MAKS: usize = 10_000;

/// The slug of the content page merged into the "about the data" page.
pub const TENTANG_DATA: &str = "tentang-data";

/// The page plan: every page, and what is needed to build each one's context.
pub struct Situs<'a> {
    /// Site configuration.
    pub config: &'a Config,
    /// Input data.
    pub data: &'a Dataset,
    /// Computed figures.
    pub report: &'a Report,
    /// Markdown pages.
    pub content: &'a Content,
    /// Every page, in a stable order.
    pub halaman: Vec<Halaman>,
    /// The fingerprint of what every page depends on (theme, settings, programmes, tahap, …).
    sidik_umum: u64,
    program_slug: Vec<String>,
    /// File names of the payment points.
    titik_slug: Vec<String>,
    tahap_slug: Vec<String>,
    rapat_wilayah: HashMap<WilayahId, Vec<usize>>,
    /// Schedule slots per desa/kelurahan, sorted by programme, tahap, day and hour.
    jadwal_wilayah: HashMap<WilayahId, Vec<usize>>,
    /// Schedule slots per payment point, sorted by day, hour and line.
    jadwal_titik: Vec<Vec<usize>>,
    /// Per payment point, whether it serves several desa/kelurahan (and so has a page).
    titik_bersama: Vec<bool>,
    /// Per kabupaten/kota with failures (sorted), its rows in each of the report's failure
    /// tables: (table, rows).
    gagal_kota: Vec<(WilayahId, gagal::BarisKota)>,
    /// Per kabupaten/kota with reconciliation rows (sorted), its rows of
    /// [`crate::analysis::Report::rekonsiliasi`].
    rekon_kota: Vec<(WilayahId, Vec<usize>)>,
    /// Every branch of a paying channel with a report.
    rekon_cabang: Vec<rekonsiliasi::Cabang>,
    /// Per region, its reconciliation rows and those below it.
    rekon_wilayah: rustc_hash::FxHashMap<WilayahId, Vec<usize>>,
    /// Per region, a fingerprint of how its failure counts by reason are shown.
    sidik_gagal: Vec<u64>,
    /// Schedule slots per kabupaten/kota ([`Situs::kota_jadwal`]), in line order.
    jadwal_kota: HashMap<WilayahId, Vec<usize>>,
    rapat_program: HashMap<ProgramId, Vec<usize>>,
    rapat_tahap: HashMap<TahapId, Vec<usize>>,
    /// Per region, whether its children have a ranking page.
    peringkat_wilayah: Vec<bool>,
    /// A fingerprint of the region tree: every code, name and parent (what the site-wide
    /// downloads name their rows by).
    sidik_pohon: u64,
    /// Whether the whole site's kabupaten/kota have a ranking page.
    peringkat_situs: bool,
    /// Per tahap, the whole site's villages that will miss its target, per programme (built
    /// once, for the home, programme and tahap pages).
    desa_seluruh: Vec<std::sync::OnceLock<Vec<(u64, u64)>>>,
    /// The search index's files, made with the plan (they depend on names only).
    cari: cari::Indeks,
    /// The theme's words for the site's language.
    kata: kata::Kata<'a>,
}

/// A static file of the theme written beside the pages (`style.css`, `cari.js`, a site
/// theme's own), as the plan claims its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BerkasStatis {
    /// Its path in the output, relative to the site's root.
    pub nama: String,
    /// Whether salur's default theme has it (a site's theme may replace it), rather than only
    /// the site's theme.
    pub bawaan: bool,
}

impl BerkasStatis {
    /// The static files named `nama`, each marked by `bawaan` (the render stage knows which are
    /// the default theme's: [`crate::render::statis_bawaan`]).
    pub fn dari<'n>(
        nama: impl Iterator<Item = &'n String>,
        bawaan: impl Fn(&str) -> bool,
    ) -> Vec<BerkasStatis> {
        nama.map(|n| BerkasStatis {
            bawaan: bawaan(n),
            nama: n.clone(),
        })
        .collect()
    }
}

/// A page's context, ready for its template.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Konteks {
    /// Home and region pages.
    Wilayah(Box<KonteksWilayah>),
    /// Programme page.
    Program(Box<KonteksProgram>),
    /// Tahap page.
    Tahap(Box<KonteksTahap>),
    /// List pages.
    Daftar(KonteksDaftar),
    /// About page.
    Tentang(KonteksTentang),
    /// The data-quality page.
    Kualitas(Box<kualitas::KonteksKualitas>),
    /// Content page.
    Konten(KonteksKonten),
    /// A meeting note.
    Rapat(Box<KonteksRapat>),
    /// The notes archive.
    Arsip(KonteksArsip),
    /// The follow-up tracker.
    TindakLanjut(KonteksTindakLanjut),
    /// A payment point.
    TitikBayar(Box<KonteksTitikBayar>),
    /// A kabupaten/kota's schedule overview.
    JadwalKota(Box<KonteksJadwalKota>),
    /// A kabupaten/kota's failed distributions.
    GagalKota(Box<KonteksGagalKota>),
    /// A file written as it is (a CSV download).
    Unduhan(String),
    /// A reconciliation page (a kabupaten/kota's or a branch's).
    Rekon(Box<rekonsiliasi::KonteksRekon>),
    /// A comparison page.
    Banding(Box<banding::KonteksBanding>),
    /// A ranking page.
    Peringkat(Box<banding::KonteksPeringkat>),
    /// A tahap's changes.
    Perubahan(Box<perubahan::KonteksPerubahan>),
    /// The Atom feed.
    Umpan(Box<umpan::KonteksUmpan>),
    /// A sitemap (or sitemap index).
    Sitemap(umpan::KonteksSitemap),
    /// `robots.txt`.
    Robots(umpan::KonteksRobots),
}

impl Konteks {
    /// The page's charts, for the render stage to draw.
    pub fn grafik_mut(&mut self) -> Vec<&mut Grafik> {
        fn dari_bagian(bagian: &mut [BagianTahap]) -> Vec<&mut Grafik> {
            bagian.iter_mut().flat_map(|b| b.grafik_mut()).collect()
        }
        match self {
            Konteks::Wilayah(k) => {
                let KonteksWilayah {
                    tahap,
                    verval,
                    desil,
                    ..
                } = &mut **k;
                let mut out: Vec<&mut Grafik> = verval.iter_mut().map(|v| &mut v.grafik).collect();
                out.extend(desil.iter_mut().map(|d| &mut d.grafik));
                out.extend(dari_bagian(tahap));
                out
            }
            Konteks::Program(k) => dari_bagian(&mut k.tahap),
            Konteks::Tahap(k) => k.bagian.grafik_mut().collect(),
            Konteks::JadwalKota(k) => k.bagian.iter_mut().map(|b| &mut b.grafik).collect(),
            Konteks::Banding(k) => k
                .bagian
                .iter_mut()
                .filter_map(|b| b.grafik.as_mut())
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A programme's or tahap's code as a file name: lower-case letters, digits, `.` and `-` (any
/// other character), never starting with `.` (a hidden file, which some hosts do not serve).
/// Two codes that give one name (`A_1`, `A-1`) are not numbered apart: a number would take the
/// name of a third code (`A-1-2`); the plan refuses the second ([`jalur`]).
fn file_slug(code: &str) -> String {
    let s: String = code
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if c.is_ascii_alphanumeric() || (c == '.' && i > 0) {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() { "-".to_string() } else { s }
}

/// One planned page as the output stage sees it before rendering: its kind, path, template
/// and fingerprint ([`Situs::rencana`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rencana {
    /// The page.
    pub halaman: Halaman,
    /// Its path from the output root.
    pub path: String,
    /// Its template (`""` for a file written without one).
    pub template: &'static str,
    /// Its fingerprint (0: rendered on every build).
    pub sidik: u64,
}

/// The fingerprint of a page that is rendered on every build: it is made from site-wide
/// figures (home, programme and tahap pages, the feed), so a fingerprint would cost as much
/// as rendering it.
const SELALU: u64 = 0;

/// Hashes one page's inputs into a fingerprint: never 0, which means "always rendered".
fn sidik_dari(masukan: impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    masukan.hash(&mut h);
    h.finish().max(1)
}

impl<'a> Situs<'a> {
    fn lang(&self) -> Lang {
        self.config.language
    }

    /// The output path of a page, relative to the output root.
    pub fn path(&self, h: Halaman) -> String {
        match h {
            Halaman::Beranda => wilayah::PATH_BERANDA.to_string(),
            Halaman::Wilayah(w) => self.path_wilayah(w),
            Halaman::DaftarProgram => program::PATH_DAFTAR.to_string(),
            Halaman::Program(p) => self.path_program(p),
            Halaman::DaftarTahap => tahap::PATH_DAFTAR.to_string(),
            Halaman::Tahap(t) => self.path_tahap(t),
            Halaman::TentangData => tentang::path_tentang(),
            Halaman::KualitasData => kualitas::PATH.to_string(),
            Halaman::Konten(i) => self.path_konten(i),
            Halaman::TidakDitemukan => tentang::PATH_404.to_string(),
            Halaman::Rapat(i) => self.path_rapat(i),
            Halaman::ArsipRapat => rapat::PATH_ARSIP.to_string(),
            Halaman::TindakLanjut => rapat::PATH_TINDAK_LANJUT.to_string(),
            Halaman::Kalender(w) => self.path_kalender(w),
            Halaman::TitikBayar(t) => self.path_titik_bayar(t),
            Halaman::KalenderTitik(t) => self.path_kalender_titik(t),
            Halaman::JadwalKota(w) => self.path_jadwal_kota(w),
            Halaman::GagalKota(w) => self.path_gagal_kota(w),
            Halaman::UnduhGagalKota(w) => self.path_unduh_gagal_kota(w),
            Halaman::RekonKota(w) => self.path_rekon_kota(w),
            Halaman::RekonCabang(i) => self.path_rekon_cabang(i),
            Halaman::Bandingkan(i) => self.path_banding(i),
            Halaman::Peringkat(w) => self.path_peringkat(w),
            Halaman::UnduhAngka(w, json) => self.path_unduh_angka(w, json),
            Halaman::Dataset(j) => unduh::path_dataset(j),
            Halaman::SkemaAngka => unduh::PATH_SKEMA.to_string(),
            Halaman::DataPackage => unduh::PATH_DATAPACKAGE.to_string(),
            Halaman::Perubahan(t) => self.path_perubahan(t),
            Halaman::Feed => umpan::PATH_FEED.to_string(),
            Halaman::Sitemap => umpan::PATH_SITEMAP.to_string(),
            Halaman::SitemapBagian(i) => umpan::path_sitemap_bagian(i),
            Halaman::Robots => umpan::PATH_ROBOTS.to_string(),
            Halaman::CariIndeks => cari::JALUR_INDEKS.to_string(),
            Halaman::CariUmum => cari::JALUR_UMUM.to_string(),
            Halaman::CariNama(i) => self.path_cari_nama(i),
        }
    }

    /// The template that renders a page; `""` for a file written without one (a download,
    /// a calendar, the feed and the sitemap, the search index).
    pub fn template(&self, h: Halaman) -> &'static str {
        match h {
            Halaman::Beranda => wilayah::TEMPLATE_BERANDA,
            Halaman::Wilayah(_) => wilayah::TEMPLATE_WILAYAH,
            Halaman::DaftarProgram | Halaman::DaftarTahap => bagian::TEMPLATE_DAFTAR,
            Halaman::Program(_) => program::TEMPLATE,
            Halaman::Tahap(_) => tahap::TEMPLATE,
            Halaman::TentangData => tentang::TEMPLATE_TENTANG,
            Halaman::KualitasData => kualitas::TEMPLATE,
            Halaman::Konten(_) => tentang::TEMPLATE_KONTEN,
            Halaman::TidakDitemukan => tentang::TEMPLATE_404,
            Halaman::Rapat(_) => rapat::TEMPLATE_RAPAT,
            Halaman::ArsipRapat => rapat::TEMPLATE_ARSIP,
            Halaman::TindakLanjut => rapat::TEMPLATE_TINDAK_LANJUT,
            Halaman::Kalender(_) | Halaman::KalenderTitik(_) => jadwal::TEMPLATE_KALENDER,
            Halaman::TitikBayar(_) => jadwal::TEMPLATE_TITIK_BAYAR,
            Halaman::JadwalKota(_) => jadwal::TEMPLATE_JADWAL_KOTA,
            Halaman::GagalKota(_) => gagal::TEMPLATE_GAGAL_KOTA,
            Halaman::UnduhGagalKota(_) => gagal::TEMPLATE_UNDUH,
            Halaman::RekonKota(_) | Halaman::RekonCabang(_) => rekonsiliasi::TEMPLATE,
            Halaman::Bandingkan(_) => banding::TEMPLATE_BANDING,
            Halaman::Peringkat(_) => banding::TEMPLATE_PERINGKAT,
            Halaman::Perubahan(_) => perubahan::TEMPLATE,
            Halaman::Feed => umpan::TEMPLATE_FEED,
            Halaman::Sitemap | Halaman::SitemapBagian(_) => umpan::TEMPLATE_SITEMAP,
            Halaman::Robots => umpan::TEMPLATE_ROBOTS,
            Halaman::UnduhAngka(..)
            | Halaman::Dataset(_)
            | Halaman::SkemaAngka
            | Halaman::DataPackage => unduh::TEMPLATE,
            Halaman::CariIndeks | Halaman::CariUmum | Halaman::CariNama(_) => cari::TEMPLATE,
        }
    }

    /// The fingerprint of everything a page is built from, when it can be computed cheaply
    /// (region pages, the bulk of a site); 0 for pages that are always rendered. A page whose
    /// fingerprint is unchanged renders to the same bytes, so it need not be rendered again.
    /// Each kind's module makes it beside the kind's context, from the same inputs (the
    /// test `incremental_build_equals_a_full_build` guards it).
    pub fn sidik_jari(&self, h: Halaman) -> u64 {
        match h {
            Halaman::Wilayah(w) => self.sidik_wilayah(w),
            Halaman::Kalender(w) => self.sidik_kalender(w),
            Halaman::JadwalKota(w) => self.sidik_jadwal_kota(w),
            Halaman::TitikBayar(t) => self.sidik_titik_bayar(t),
            Halaman::KalenderTitik(t) => self.sidik_kalender_titik(t),
            Halaman::GagalKota(w) => self.sidik_gagal_kota(w),
            Halaman::UnduhGagalKota(w) => self.sidik_unduh_gagal_kota(w),
            Halaman::RekonKota(w) => self.sidik_rekon_kota(w),
            Halaman::RekonCabang(i) => self.sidik_rekon_cabang(i),
            Halaman::Dataset(j) => self.sidik_dataset(j),
            Halaman::CariIndeks | Halaman::CariUmum | Halaman::CariNama(_) => self.sidik_cari(h),
            Halaman::SkemaAngka => self.sidik_skema(),
            Halaman::Robots => self.sidik_robots(),
            Halaman::UnduhAngka(Some(w), json) => self.sidik_unduh_angka(w, json),
            Halaman::Peringkat(induk) => self.sidik_peringkat(induk),
            Halaman::Beranda
            | Halaman::DaftarProgram
            | Halaman::Program(_)
            | Halaman::DaftarTahap
            | Halaman::Tahap(_)
            | Halaman::TentangData
            | Halaman::KualitasData
            | Halaman::Konten(_)
            | Halaman::TidakDitemukan
            | Halaman::Rapat(_)
            | Halaman::ArsipRapat
            | Halaman::TindakLanjut
            | Halaman::Bandingkan(_)
            | Halaman::UnduhAngka(None, _)
            | Halaman::DataPackage
            | Halaman::Perubahan(_)
            | Halaman::Feed
            | Halaman::Sitemap
            | Halaman::SitemapBagian(_) => SELALU,
        }
    }

    /// The test seam: the planned pages that `pilih` keeps (one feature's, one kind's), each
    /// with its path, template and fingerprint, in plan order, without rendering anything;
    /// [`Situs::konteks`] gives any one's context.
    pub fn rencana(&self, pilih: impl Fn(&Halaman) -> bool) -> Vec<Rencana> {
        self.halaman
            .iter()
            .filter(|h| pilih(h))
            .map(|&h| Rencana {
                halaman: h,
                path: self.path(h),
                template: self.template(h),
                sidik: self.sidik_jari(h),
            })
            .collect()
    }

    /// The last check of a rendered content page or meeting note (`html`, page `h`): every
    /// input it is made of passed the NIK guard as written and as published, and this one reads
    /// the page as a browser shows it ([`crate::terbaca::nik_di_html`]), so that a way around
    /// those checks still publishes nothing. The error names the page's source file. Other
    /// pages are made from checked data by salur's own templates; reading all of them would
    /// cost (measured) about 1 s of CPU per 100 MB of HTML.
    pub fn periksa_html(&self, h: Halaman, html: &str) -> Option<crate::diagnostics::Diagnostic> {
        let content = self.content;
        let sumber = match h {
            Halaman::Konten(i) => content.halaman.get(i).map(|p| p.sumber.as_str()),
            Halaman::Rapat(i) => content.rapat.get(i).map(|r| r.sumber.as_str()),
            Halaman::TentangData => content.get(TENTANG_DATA).map(|p| p.sumber.as_str()),
            _ => return None,
        };
        if crate::terbaca::nik_di_html(html).is_empty() {
            return None;
        }
        let path = self.path(h);
        Some(crate::diagnostics::Diagnostic::error(
            sumber.unwrap_or(&path),
            0,
            0,
            None,
            crate::diagnostics::Problem::PrivacyNikHalaman {
                jalur: path.clone(),
            },
        ))
    }

    /// Builds the context of a page.
    pub fn konteks(&self, h: Halaman) -> Konteks {
        match h {
            Halaman::Beranda => Konteks::Wilayah(Box::new(self.konteks_beranda())),
            Halaman::Wilayah(w) => Konteks::Wilayah(Box::new(self.konteks_wilayah(w))),
            Halaman::Program(p) => Konteks::Program(Box::new(self.konteks_program(p))),
            Halaman::Tahap(t) => Konteks::Tahap(Box::new(self.konteks_tahap(t))),
            Halaman::DaftarProgram => Konteks::Daftar(self.konteks_daftar_program()),
            Halaman::DaftarTahap => Konteks::Daftar(self.konteks_daftar_tahap()),
            Halaman::TentangData => Konteks::Tentang(self.konteks_tentang()),
            Halaman::KualitasData => Konteks::Kualitas(Box::new(self.konteks_kualitas())),
            Halaman::Rapat(i) => Konteks::Rapat(Box::new(self.konteks_rapat(i))),
            Halaman::ArsipRapat => Konteks::Arsip(self.konteks_arsip()),
            Halaman::TindakLanjut => Konteks::TindakLanjut(self.konteks_tindak_lanjut()),
            Halaman::Kalender(w) => Konteks::Unduhan(kalender::ics(
                &self.konteks_kalender(w),
                self.lang(),
                self.kata,
            )),
            Halaman::KalenderTitik(t) => Konteks::Unduhan(kalender::ics(
                &self.konteks_kalender_titik(t),
                self.lang(),
                self.kata,
            )),
            Halaman::TitikBayar(t) => Konteks::TitikBayar(Box::new(self.konteks_titik_bayar(t))),
            Halaman::JadwalKota(w) => Konteks::JadwalKota(Box::new(self.konteks_jadwal_kota(w))),
            Halaman::GagalKota(w) => Konteks::GagalKota(Box::new(self.konteks_gagal_kota(w))),
            Halaman::UnduhGagalKota(w) => Konteks::Unduhan(self.csv_gagal_kota(w)),
            Halaman::Bandingkan(i) => Konteks::Banding(Box::new(self.konteks_banding(i))),
            Halaman::Peringkat(w) => Konteks::Peringkat(Box::new(self.konteks_peringkat(w))),
            Halaman::UnduhAngka(w, false) => Konteks::Unduhan(self.csv_angka(w)),
            Halaman::UnduhAngka(w, true) => Konteks::Unduhan(self.json_angka(w)),
            Halaman::Dataset(j) => Konteks::Unduhan(self.csv_dataset(j)),
            Halaman::SkemaAngka => Konteks::Unduhan(self.skema_angka()),
            Halaman::DataPackage => Konteks::Unduhan(self.datapackage()),
            Halaman::Perubahan(t) => Konteks::Perubahan(Box::new(self.konteks_perubahan(t))),
            Halaman::Feed => Konteks::Umpan(Box::new(self.konteks_umpan())),
            Halaman::Sitemap => Konteks::Sitemap(self.konteks_sitemap(None)),
            Halaman::SitemapBagian(i) => Konteks::Sitemap(self.konteks_sitemap(Some(i))),
            Halaman::Robots => Konteks::Robots(self.konteks_robots()),
            Halaman::CariIndeks | Halaman::CariUmum | Halaman::CariNama(_) => {
                Konteks::Unduhan(self.teks_cari(h).to_string())
            }
            Halaman::RekonKota(w) => Konteks::Rekon(Box::new(self.konteks_rekon_kota(w))),
            Halaman::RekonCabang(i) => Konteks::Rekon(Box::new(self.konteks_rekon_cabang(i))),
            Halaman::TidakDitemukan => Konteks::Konten(self.konteks_404()),
            Halaman::Konten(i) => Konteks::Konten(self.konteks_konten(i)),
        }
    }
}
