//! The `site` stage: which pages exist, their paths, and the data each one shows.
//!
//! The plan is a list of [`Halaman`] (small values); the context of a page, a serialisable
//! struct, is built only when that page is rendered, so that a national site never holds every
//! page's data at once. Paths are relative to the output root; templates prefix them with the
//! page's `root` (`""` or `"../"`), so every link is relative and ends in a file name.
//!
//! **One module per page kind** (or small family of kinds): a unit type there implements
//! [`JenisHalaman`], declaring side by side the kind's key, path, template, fingerprint,
//! context and path claimant. This file holds the one list of kinds (`halaman!`), from which
//! [`Halaman`] and its dispatch are generated:
//!
//! | kinds | module |
//! |---|---|
//! | `Beranda`, `Wilayah` | [`wilayah`] |
//! | `Ringkas` | [`ringkas`] |
//! | `DaftarProgram`, `Program` | [`program`] |
//! | `DaftarTahap`, `Tahap` | [`tahap`] |
//! | `TentangData`, `Konten`, `TidakDitemukan` | [`tentang`] |
//! | `KualitasData` | [`kualitas`] |
//! | `Koreksi` | [`koreksi`] |
//! | `Rapat`, `ArsipRapat`, `TindakLanjut` | [`rapat`] |
//! | `Kalender`, `KalenderRw`, `TitikBayar`, `KalenderTitik`, `JadwalKota` | [`jadwal`] |
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

pub mod anggaran;
pub mod asal;
pub mod bagian;
pub mod banding;
pub mod bantuan;
pub mod cakupan;
pub mod cari;
pub mod desil;
pub mod gagal;
pub mod grafik;
pub mod jadwal;
pub mod jalur;
pub mod kalender;
pub mod kata;
pub mod koreksi;
pub mod kualitas;
pub mod pengaduan;
pub mod perubahan;
pub mod peta;
pub mod program;
pub mod rapat;
pub mod rekonsiliasi;
mod rencana;
pub mod ringkas;
pub mod tahap;
pub mod tentang;
pub mod tren;
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
use crate::data::{Dataset, ProgramId, TahapId, TitikBayarId, WilayahId};
use crate::lang::Lang;
pub use bagian::{
    BagianTahap, Baris, BarisMatriks, BarisProyeksi, BarisRingkas, ItemDaftar, KonteksDaftar,
    Matriks, Ringkas, TabelAnak, TabelRingkas, TanpaSidik, Tautan, TenggatTahap, Umum,
};
pub use gagal::{
    BagianGagalKota, BarisGagal, BarisGagalWilayah, KonteksGagalKota, MatriksGagal,
    PeringkatAlasan, SelAlasan, TabelGagalWilayah,
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

/// What one kind of page declares, side by side, in its own module: its key, path, template,
/// fingerprint, context and where its path comes from. A unit type implements it for each
/// kind; [`Halaman`] and its dispatch are generated from one list of them (`halaman!`), so a
/// new kind is one line in that list, its module and its template.
pub trait JenisHalaman {
    /// What tells one page of the kind from another (`()` for a single page, a region's id,
    /// a note's index, …).
    type Kunci: Copy;
    /// The template that renders the kind's pages; `""` for a file written without one (a
    /// download, a calendar, the search index).
    const TEMPLATE: &'static str;
    /// The page's output path, relative to the output root.
    fn path(s: &Situs<'_>, k: Self::Kunci) -> String;
    /// The fingerprint of everything the page is built from, made from the same inputs as
    /// its context; [`SELALU`] (the default) for a page rendered on every build.
    fn sidik(s: &Situs<'_>, k: Self::Kunci) -> u64 {
        let _ = (s, k);
        SELALU
    }
    /// The page's context, ready for its template.
    fn konteks(s: &Situs<'_>, k: Self::Kunci) -> Konteks;
    /// Where the page's path comes from (the input that claims it, [`jalur`]).
    fn asal(s: &Situs<'_>, k: Self::Kunci) -> jalur::Asal;
    /// The file an operator wrote the page in (a Markdown page, a meeting note), whose
    /// rendered HTML is read once more for a NIK ([`Situs::periksa_html`]); `None` (the
    /// default) for a page made from checked data by salur's own templates.
    fn sumber<'s>(s: &'s Situs<'_>, k: Self::Kunci) -> Option<&'s str> {
        let _ = (s, k);
        None
    }
}

/// Makes [`Halaman`] from the list of page kinds (each variant's doc, its key's fields and the
/// unit type that implements [`JenisHalaman`] for it) and the [`Situs`] methods that dispatch
/// a page to its kind. A variant's fields are its kind's key: none is `()`, one is its type,
/// several a tuple.
macro_rules! halaman {
    ($(
        $(#[$doc:meta])*
        $nama:ident $(( $($f:ident : $t:ty),+ ))? => $jenis:ty,
    )*) => {
        /// One page of the site: its kind and its key, a small value (the plan is a list of
        /// them).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Halaman {
            $( $(#[$doc])* $nama $(( $($t),+ ))?, )*
        }

        #[allow(unused_parens)]
        impl Situs<'_> {
            /// The output path of a page, relative to the output root.
            pub fn path(&self, h: Halaman) -> String {
                match h {
                    $( Halaman::$nama $(( $($f),+ ))? =>
                        <$jenis as JenisHalaman>::path(self, ($($($f),+)?)), )*
                }
            }

            /// The template that renders a page; `""` for a file written without one (a
            /// download, a calendar, the search index).
            pub fn template(&self, h: Halaman) -> &'static str {
                match h {
                    $( Halaman::$nama { .. } => <$jenis as JenisHalaman>::TEMPLATE, )*
                }
            }

            /// The fingerprint of everything a page is built from, when it can be computed
            /// cheaply (region pages, the bulk of a site); [`SELALU`] for pages that are
            /// always rendered. A page whose fingerprint is unchanged renders to the same
            /// bytes, so it need not be rendered again. Each kind makes it beside its context,
            /// from the same inputs (`site/uji.rs` and the test
            /// `incremental_build_equals_a_full_build` guard it).
            pub fn sidik_jari(&self, h: Halaman) -> u64 {
                match h {
                    $( Halaman::$nama $(( $($f),+ ))? =>
                        <$jenis as JenisHalaman>::sidik(self, ($($($f),+)?)), )*
                }
            }

            /// Builds the context of a page.
            pub fn konteks(&self, h: Halaman) -> Konteks {
                match h {
                    $( Halaman::$nama $(( $($f),+ ))? =>
                        <$jenis as JenisHalaman>::konteks(self, ($($($f),+)?)), )*
                }
            }

            /// Where page `h`'s path comes from.
            pub fn asal(&self, h: Halaman) -> jalur::Asal {
                match h {
                    $( Halaman::$nama $(( $($f),+ ))? =>
                        <$jenis as JenisHalaman>::asal(self, ($($($f),+)?)), )*
                }
            }

            /// The operator's file page `h` is written in, if any ([`JenisHalaman::sumber`]).
            fn sumber(&self, h: Halaman) -> Option<&str> {
                match h {
                    $( Halaman::$nama $(( $($f),+ ))? =>
                        <$jenis as JenisHalaman>::sumber(self, ($($($f),+)?)), )*
                }
            }
        }
    };
}

halaman! {
    /// `index.html`: the whole site's figures and its regions.
    Beranda => wilayah::HalamanBeranda,
    /// `wilayah/<prov>/<kode>.html`: a region's page, in the folder of its provinsi's code
    /// (`wilayah/35/35.75.04.1011.html`).
    Wilayah(w: WilayahId) => wilayah::HalamanWilayah,
    /// `wilayah/<prov>/<kode>.ringkas.html`: a region's printable brief, for a region with
    /// children and figures; `ringkas.html` (`None`): the whole site's.
    Ringkas(w: Option<WilayahId>) => ringkas::HalamanRingkas,
    /// `program/index.html`.
    DaftarProgram => program::HalamanDaftarProgram,
    /// `program/<slug>.html`.
    Program(p: ProgramId) => program::HalamanProgram,
    /// `tahap/index.html`.
    DaftarTahap => tahap::HalamanDaftarTahap,
    /// `tahap/<slug>.html`.
    Tahap(t: TahapId) => tahap::HalamanTahap,
    /// `tentang-data.html`.
    TentangData => tentang::HalamanTentangData,
    /// `kualitas-data.html`: every data-quality finding.
    KualitasData => kualitas::HalamanKualitasData,
    /// `riwayat-koreksi.html`: every published figure that changed between publications.
    Koreksi => koreksi::HalamanKoreksi,
    /// `<slug>.html` from `content/<slug>.md`.
    Konten(i: usize) => tentang::HalamanKonten,
    /// `404.html`, which static hosts show for a missing page.
    TidakDitemukan => tentang::HalamanTidakDitemukan,
    /// `rapat/<slug>.html`: one meeting note.
    Rapat(i: usize) => rapat::HalamanRapat,
    /// `rapat/index.html`: every note, by year, newest first.
    ArsipRapat => rapat::HalamanArsipRapat,
    /// `rapat/tindak-lanjut.html`: every follow-up with its state.
    TindakLanjut => rapat::HalamanTindakLanjut,
    /// `wilayah/<prov>/<kode>.ics`: a desa/kelurahan's payment schedule as a calendar.
    Kalender(w: WilayahId) => jadwal::HalamanKalender,
    /// `wilayah/<prov>/<kode>.rw-<rw>.ics`: one RW's slots of a desa/kelurahan as a
    /// calendar, keyed by the RW's first slot (a row of `data/jadwal.csv`).
    KalenderRw(i: usize) => jadwal::HalamanKalenderRw,
    /// `titik-bayar/<slug>.html`: one payment point's days and load against its capacity.
    TitikBayar(t: TitikBayarId) => jadwal::HalamanTitikBayar,
    /// `titik-bayar/<slug>.ics`: one payment point's slots as a calendar.
    KalenderTitik(t: TitikBayarId) => jadwal::HalamanKalenderTitik,
    /// `jadwal/<kode>.html`: a kabupaten/kota's payment points × days, per tahap.
    JadwalKota(w: WilayahId) => jadwal::HalamanJadwalKota,
    /// `gagal/<kode>.html`: a kabupaten/kota's failed distributions by reason and region.
    GagalKota(w: WilayahId) => gagal::HalamanGagalKota,
    /// `gagal/<kode>.csv`: the same tables as a download.
    UnduhGagalKota(w: WilayahId) => gagal::HalamanUnduhGagalKota,
    /// `rekonsiliasi/<kode>.html`: a kabupaten/kota's figures set against the channels'
    /// reports.
    RekonKota(w: WilayahId) => rekonsiliasi::HalamanRekonKota,
    /// `rekonsiliasi/<kode>/<penyalur-cabang>.html`: one branch's rows.
    RekonCabang(i: usize) => rekonsiliasi::HalamanRekonCabang,
    /// `bandingkan/<kode>-vs-<kode>.html`: the regions of one `[[bandingkan]]` entry side by
    /// side.
    Bandingkan(i: usize) => banding::HalamanBandingkan,
    /// `peringkat/<kode>.html`: a region's children ranked on the comparison measures;
    /// `peringkat/index.html` (`None`): every kabupaten/kota.
    Peringkat(w: Option<WilayahId>) => banding::HalamanPeringkat,
    /// `wilayah/<prov>/<kode>.csv` (or `.json` when true): the figures of a region with
    /// children and of each child; `angka.csv`/`angka.json` (`None`): the whole site's and
    /// its top regions'.
    UnduhAngka(w: Option<WilayahId>, json: bool) => unduh::HalamanUnduhAngka,
    /// `unduh/<jenis>.csv`: one kind of figure for every region.
    Dataset(j: unduh::JenisData) => unduh::HalamanDataset,
    /// `unduh/skema-angka.json`: the Table Schema of every [`Halaman::UnduhAngka`] CSV.
    SkemaAngka => unduh::HalamanSkemaAngka,
    /// `datapackage.json`: every data file, its schema, licence and sources.
    DataPackage => unduh::HalamanDataPackage,
    /// `perubahan/<tahap>.html`: what changed in a tahap against each programme's previous
    /// one.
    Perubahan(t: TahapId) => perubahan::HalamanPerubahan,
    /// `feed.xml`: an Atom feed with an entry per tahap's changes and per meeting note.
    Feed => umpan::HalamanFeed,
    /// `sitemap.xml`: every page's address under `base_url` (an index of `sitemap-<n>.xml`
    /// files beyond 50.000 addresses); only with a `base_url`.
    Sitemap => umpan::HalamanSitemap,
    /// `sitemap-<n>.xml`: the n-th (from 1) part of a large sitemap.
    SitemapBagian(i: usize) => umpan::HalamanSitemapBagian,
    /// `robots.txt`.
    Robots => umpan::HalamanRobots,
    /// `cari/indeks.js`: the search index's manifest.
    CariIndeks => cari::HalamanCariIndeks,
    /// `cari/umum.js`: the programmes, tahap and meeting notes, always searched.
    CariUmum => cari::HalamanCariUmum,
    /// `cari/nama/<key>.js`: the n-th shard of region names.
    CariNama(i: usize) => cari::HalamanCariNama,
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
    /// The search box's placeholder, naming a region of the site ([`cari::contoh`]).
    cari_contoh: String,
    /// The theme's words for the site's language.
    kata: kata::Kata<'a>,
    /// Per region code, the date of its latest correction ([`koreksi`]).
    koreksi_wilayah: HashMap<String, jiff::civil::Date>,
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
    /// A printable brief.
    Ringkas(Box<ringkas::KonteksRingkas>),
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
    /// The history of corrections.
    Koreksi(Box<koreksi::KonteksKoreksi>),
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
                    tren,
                    verval,
                    desil,
                    cakupan,
                    ..
                } = &mut **k;
                let mut out: Vec<&mut Grafik> = verval.iter_mut().map(|v| &mut v.grafik).collect();
                out.extend(desil.iter_mut().map(|d| &mut d.grafik));
                out.extend(cakupan.iter_mut().filter_map(|c| c.grafik.as_mut()));
                out.extend(dari_bagian(tahap));
                out.extend(tren.iter_mut().map(|t| &mut t.grafik));
                out
            }
            Konteks::Program(k) => {
                let KonteksProgram {
                    tahap,
                    tren,
                    cakupan,
                    ..
                } = &mut **k;
                let mut out = dari_bagian(tahap);
                out.extend(tren.iter_mut().map(|t| &mut t.grafik));
                out.extend(cakupan.iter_mut().filter_map(|c| c.grafik.as_mut()));
                out
            }
            Konteks::Tahap(k) => k.bagian.grafik_mut().collect(),
            Konteks::JadwalKota(k) => k.bagian.iter_mut().map(|b| &mut b.grafik).collect(),
            Konteks::GagalKota(k) => k
                .bagian
                .iter_mut()
                .filter_map(|b| b.grafik.as_mut())
                .collect(),
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
pub const SELALU: u64 = 0;

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
        let sumber = self.sumber(h)?;
        if crate::terbaca::nik_di_html(html).is_empty() {
            return None;
        }
        let path = self.path(h);
        Some(crate::diagnostics::Diagnostic::error(
            sumber,
            0,
            0,
            None,
            crate::diagnostics::Problem::PrivacyNikHalaman {
                jalur: path.clone(),
            },
        ))
    }
}
