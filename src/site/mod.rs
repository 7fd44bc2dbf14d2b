//! The `site` stage: which pages exist, their paths, and the data each one shows.
//!
//! The plan is a list of [`Halaman`] (small values); the context of a page, a serialisable
//! struct, is built only when that page is rendered, so that a national site never holds every
//! page's data at once. Paths are relative to the output root; templates prefix them with the
//! page's `root` (`""` or `"../"`), so every link is relative and ends in a file name.

pub mod asal;
pub mod banding;
pub mod cari;
pub mod desil;
pub mod gagal;
pub mod grafik;
pub mod jadwal;
pub mod jalur;
pub mod kualitas;
pub mod perubahan;
pub mod rekonsiliasi;
pub mod umpan;
pub mod unduh;
pub mod verval;

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

use crate::analysis::{Angka, Kunci, Rekap, Report};
use crate::config::Config;
use crate::content::Content;
use crate::data::{Dataset, InputFile, PenyalurId, ProgramId, TahapId, Tingkat, WilayahId};
use crate::lang::Lang;
pub use gagal::{
    BagianGagalKota, BarisGagal, BarisGagalWilayah, KonteksGagalKota, MatriksGagal,
    PeringkatAlasan, SelAlasan,
};
use grafik::Grafik;
pub use jadwal::{
    AcaraKalender, BagianJadwalKota, BarisJadwalKota, HariJadwal, HariTitikBayar, JadwalProgram,
    KonteksJadwalKota, KonteksKalender, KonteksTitikBayar, SelJadwalKota, SlotJadwal, ZonaKalender,
};

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
}

/// A link: a label and a path relative to the output root.
#[derive(Debug, Clone, Serialize)]
pub struct Tautan {
    /// What the reader sees.
    pub label: String,
    /// Path from the output root (`wilayah/35.75.html`).
    pub href: String,
}

/// What every page has.
#[derive(Debug, Clone, Serialize)]
pub struct Umum {
    /// The prefix that leads from this page to the output root (`""` or `"../"`).
    pub root: String,
    /// This page's path from the output root.
    pub path: String,
    /// The page title.
    pub judul: String,
    /// The trail from the home page to this page (not including it).
    pub breadcrumb: Vec<Tautan>,
    /// Which top navigation item is current (`beranda`, `program`, `tahap`, `tentang`).
    pub nav: &'static str,
    /// What a link preview says about the page (Open Graph, Twitter, `description`): the
    /// region's key figures on region pages and the home page, the site's description
    /// elsewhere.
    pub deskripsi: String,
}

/// One row of a figures table.
#[derive(Debug, Clone, Serialize)]
pub struct Baris {
    /// First column.
    pub label: String,
    /// Second column (the penyalur, or empty).
    pub sublabel: String,
    /// Link for the label, if any.
    pub href: Option<String>,
    /// `rinci` (a detail row), `subtotal` or `total`.
    pub jenis: &'static str,
    /// KPM allocated.
    pub alokasi_kpm: u64,
    /// KPM paid.
    pub tersalur_kpm: u64,
    /// KPM failed.
    pub gagal_kpm: u64,
    /// KPM still to pay.
    pub sisa_kpm: i64,
    /// Paid / allocated.
    pub realisasi: Option<f64>,
    /// Rupiah allocated, when complete.
    pub alokasi_nilai: Option<u64>,
    /// Rupiah paid, when complete.
    pub tersalur_nilai: Option<u64>,
    /// An anchor to cite the row by (`bst-tahap-2021-07`), on a programme's first row.
    pub id: Option<String>,
}

impl Baris {
    fn new(
        label: String,
        sublabel: String,
        href: Option<String>,
        jenis: &'static str,
        a: &Angka,
    ) -> Baris {
        Baris {
            label,
            sublabel,
            href,
            jenis,
            alokasi_kpm: a.alokasi_kpm,
            tersalur_kpm: a.tersalur_kpm,
            gagal_kpm: a.gagal_kpm,
            sisa_kpm: a.sisa_kpm(),
            realisasi: a.realisasi(),
            alokasi_nilai: a.alokasi_nilai.lengkap().filter(|_| a.alokasi_kpm > 0),
            tersalur_nilai: a.tersalur_nilai.lengkap().filter(|_| a.tersalur_kpm > 0),
            id: None,
        }
    }
}

/// Paid KPM by penyalur (rows) × programme (columns), with totals.
#[derive(Debug, Clone, Serialize)]
pub struct Matriks {
    /// Column heads: programme codes.
    pub program: Vec<Tautan>,
    /// One row per penyalur.
    pub baris: Vec<BarisMatriks>,
    /// Column totals.
    pub jumlah: Vec<u64>,
    /// Grand total.
    pub total: u64,
}

/// One penyalur's row of a [`Matriks`].
#[derive(Debug, Clone, Serialize)]
pub struct BarisMatriks {
    /// Penyalur.
    pub penyalur: String,
    /// Paid KPM per programme column (`None` where the penyalur does not pay that programme).
    pub sel: Vec<Option<u64>>,
    /// Row total.
    pub total: u64,
}

/// The realisation of every child region for every programme of a tahap, in one table.
#[derive(Debug, Clone, Serialize)]
pub struct TabelRingkas {
    /// Anchor to cite (`anak-tahap-2021-07`).
    pub id: String,
    /// The children's level, for the caption (`kecamatan`).
    pub tingkat: String,
    /// The children's level, as a column head (`Kecamatan`).
    pub tingkat_judul: String,
    /// Column heads: programmes.
    pub program: Vec<Tautan>,
    /// One row per child region, then the total.
    pub baris: Vec<BarisRingkas>,
    /// Whether there is an "all programmes" column (more than one programme).
    pub ada_semua: bool,
}

/// One child region's realisation per programme.
#[derive(Debug, Clone, Serialize)]
pub struct BarisRingkas {
    /// The region (short name).
    pub label: String,
    /// Its page, if any.
    pub href: Option<String>,
    /// `rinci` or `total`.
    pub jenis: &'static str,
    /// Paid / allocated per programme column (`None` without an allocation).
    pub sel: Vec<Option<f64>>,
    /// Paid / allocated over all the programmes.
    pub semua: Option<f64>,
}

/// The regions below one region for one programme.
#[derive(Debug, Clone, Serialize)]
pub struct TabelAnak {
    /// Anchor to cite (`bst-tahap-2021-07`).
    pub id: String,
    /// Programme code.
    pub program: String,
    /// Programme name.
    pub program_nama: String,
    /// The children's level, for the caption (`kecamatan`).
    pub tingkat: String,
    /// The children's level, as a column head (`Kecamatan`).
    pub tingkat_judul: String,
    /// One row per child region, then the total.
    pub baris: Vec<Baris>,
}

/// Everything one region (or the whole site) shows about one tahap.
#[derive(Debug, Clone, Serialize)]
pub struct BagianTahap {
    /// Anchor (`tahap-2021-07`).
    pub id: String,
    /// Link to the tahap page.
    pub tautan: Tautan,
    /// First day, `YYYY-MM-DD`.
    pub mulai: String,
    /// Last day.
    pub selesai: String,
    /// Target date, if any.
    pub target: Option<String>,
    /// The latest day of this tahap's realisation data.
    pub data_per: Option<String>,
    /// Figures per programme × penyalur, with a subtotal per programme that has several.
    pub program: Vec<Baris>,
    /// Whether any row has a rupiah amount (else the amount column is left out).
    pub ada_nilai: bool,
    /// Whether some row has an amount and another not (a dash then needs explaining).
    pub nilai_sebagian: bool,
    /// Whether some row reports more paid than allocated.
    pub melebihi: bool,
    /// Paid KPM by penyalur × programme, when there is more than one of either.
    pub matriks: Option<Matriks>,
    /// Failures by reason and programme.
    pub gagal: Option<MatriksGagal>,
    /// On a programme page: the child regions' figures, one table per programme.
    pub anak: Vec<TabelAnak>,
    /// On a region, home or tahap page: the child regions' realisation for every programme.
    pub ringkas: Option<TabelRingkas>,
    /// When the tahap has a target date: where each programme stands against it at its recent
    /// pace, and the child regions that will miss it.
    pub tenggat: Option<TenggatTahap>,
    /// Cumulative realisation per day against the allocation, one line per programme.
    pub grafik_waktu: Option<Grafik>,
    /// Allocated against paid per programme × penyalur (beside the programme table).
    pub grafik_program: Option<Grafik>,
    /// The child regions' realisation, lowest first (beside the children's table).
    pub grafik_anak: Option<Grafik>,
    /// Where the figures come from, and their download.
    pub sumber: Option<unduh::Sumber>,
}

/// The deadline view of a tahap with a target date.
#[derive(Debug, Clone, Serialize)]
pub struct TenggatTahap {
    /// The target date.
    pub target: String,
    /// The day the figures describe.
    pub data_per: String,
    /// The number of days the pace is measured over.
    pub hari_laju: i32,
    /// One row per programme.
    pub program: Vec<BarisProyeksi>,
    /// Child regions × programmes that will miss the target at their pace, worst first.
    pub tertinggal: Vec<BarisProyeksi>,
    /// How many more child regions × programmes will miss it than are listed.
    pub tertinggal_lainnya: usize,
}

/// A projection, ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct BarisProyeksi {
    /// The region (for a child) or the programme.
    pub label: String,
    /// Its page.
    pub href: Option<String>,
    /// The programme.
    pub program: String,
    /// Paid / allocated now.
    pub realisasi: Option<f64>,
    /// KPM paid per day recently (rounded).
    pub laju_per_hari: f64,
    /// KPM still to pay.
    pub sisa_kpm: u64,
    /// The projected day of completion, if the pace is not zero.
    pub selesai: Option<String>,
    /// Whether that is on or before the target.
    pub tepat_waktu: bool,
    /// For a programme row: how many desa/kelurahan below the region will miss the target at
    /// their own pace, and how many have an allocation (`None` on a page without children).
    pub desa_terlambat: Option<(u64, u64)>,
}

/// The context of a region page (and of the home page, for the whole site).
#[derive(Debug, Clone, Serialize)]
pub struct KonteksWilayah {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// The dotted code, empty for the home page.
    pub kode: String,
    /// The kind of region (`Kelurahan`), empty for the home page or a kabupaten/kota.
    pub jenis: String,
    /// Households, when known.
    pub kk: Option<u64>,
    /// Population, when known.
    pub penduduk: Option<u64>,
    /// Sections per tahap, newest first.
    pub tahap: Vec<BagianTahap>,
    /// The heading for the list of children (`Kecamatan`, `Kelurahan/desa`).
    pub judul_anak: String,
    /// Child regions.
    pub anak: Vec<Tautan>,
    /// On the home page: the kabupaten/kota, grouped by provinsi.
    pub kelompok: Vec<KelompokWilayah>,
    /// Meeting notes that name this region (on the home page: the latest).
    pub rapat: Vec<RingkasRapat>,
    /// On a desa/kelurahan page: when and where its KPM collect, per programme × tahap.
    pub jadwal: Vec<JadwalProgram>,
    /// The schedule as a calendar file, when there is one.
    pub kalender: Option<String>,
    /// The schedule overview of the kabupaten/kota this region belongs to, if it has one.
    pub jadwal_kota: Option<Tautan>,
    /// Verification funnels (its own, or the sum of those below it).
    pub verval: Vec<verval::BagianVerval>,
    /// Households per DTSEN decile (its own, or the sum of those below it).
    pub desil: Vec<desil::BagianDesil>,
    /// Dinsos's figures set against the channels' reports, for this region and those below.
    pub rekonsiliasi: Option<rekonsiliasi::RingkasRekon>,
    /// The ranking of its children (on the home page: of every kabupaten/kota), if there is
    /// one.
    pub peringkat: Option<Tautan>,
    /// The comparisons of `site.toml` that include it (on the home page: all of them).
    pub bandingkan: Vec<Tautan>,
    /// Where its figures come from (`data/sumber_angka.csv`), when the site says.
    pub asal: asal::KonteksAsal,
}

/// A provinsi and its kabupaten/kota, for the home page's directory.
#[derive(Debug, Clone, Serialize)]
pub struct KelompokWilayah {
    /// The provinsi.
    pub induk: Tautan,
    /// Its kabupaten/kota.
    pub anak: Vec<Tautan>,
}

/// The context of a programme page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksProgram {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// Code.
    pub kode: String,
    /// Source of funds.
    pub sumber_dana: String,
    /// Rupiah per KPM per tahap.
    pub nilai_per_kpm: Option<u64>,
    /// Period code.
    pub periode: &'static str,
    /// Per tahap: figures per penyalur and per region.
    pub tahap: Vec<BagianTahap>,
    /// Meeting notes that name this programme.
    pub rapat: Vec<RingkasRapat>,
}

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
}

/// A line of a list page.
#[derive(Debug, Clone, Serialize)]
pub struct ItemDaftar {
    /// The link.
    pub tautan: Tautan,
    /// Extra text (a source of funds).
    pub keterangan: String,
    /// The tahap the figures are from (on the programme list: its latest).
    pub tahap: Option<String>,
    /// First day (on the tahap list).
    pub mulai: Option<String>,
    /// Last day (on the tahap list).
    pub selesai: Option<String>,
    /// Paid / allocated over the whole site, when there is an allocation.
    pub realisasi: Option<f64>,
    /// KPM allocated over the whole site.
    pub alokasi_kpm: u64,
}

/// The context of the programme or tahap list page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksDaftar {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// The items.
    pub item: Vec<ItemDaftar>,
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
    /// A payment schedule as an iCalendar file.
    Kalender(KonteksKalender),
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

impl BagianTahap {
    /// The section's charts.
    pub fn grafik_mut(&mut self) -> impl Iterator<Item = &mut Grafik> {
        [
            &mut self.grafik_waktu,
            &mut self.grafik_program,
            &mut self.grafik_anak,
        ]
        .into_iter()
        .flatten()
    }
}

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

impl<'a> Situs<'a> {
    /// Plans the site. `sidik_tema` is the theme's fingerprint
    /// ([`crate::render::Renderer::sidik_jari`]); `statis` the paths of the static files
    /// written beside the pages ([`crate::render::static_files`]).
    ///
    /// Every output path is claimed once ([`jalur`]): two inputs (or an input and a page salur
    /// makes itself) that would be one file, and a file name too long for file systems, are
    /// input errors at the inputs' places, returned before anything is written.
    pub fn plan(
        config: &'a Config,
        data: &'a Dataset,
        report: &'a Report,
        content: &'a Content,
        sidik_tema: u64,
        statis: &[String],
    ) -> Result<Situs<'a>, crate::diagnostics::Diagnostics> {
        let mut halaman = vec![
            Halaman::Beranda,
            Halaman::TentangData,
            Halaman::KualitasData,
            Halaman::TidakDitemukan,
        ];
        halaman.push(Halaman::DaftarProgram);
        halaman.extend((0..data.program.len()).map(|p| Halaman::Program(p as ProgramId)));
        halaman.push(Halaman::DaftarTahap);
        halaman.extend((0..data.tahap.len()).map(|t| Halaman::Tahap(t as TahapId)));
        for (i, h) in content.halaman.iter().enumerate() {
            if h.slug != TENTANG_DATA {
                halaman.push(Halaman::Konten(i));
            }
        }
        halaman.push(Halaman::ArsipRapat);
        halaman.push(Halaman::TindakLanjut);
        halaman.extend((0..content.rapat.len()).map(Halaman::Rapat));
        halaman.extend((0..data.wilayah.len()).map(|w| Halaman::Wilayah(w as WilayahId)));
        // downloads: the whole site's figures, and each region's with its children's (a
        // desa/kelurahan's rows are in its kecamatan's file: one file fewer per desa)
        halaman.extend([
            Halaman::UnduhAngka(None, false),
            Halaman::UnduhAngka(None, true),
        ]);
        for w in 0..data.wilayah.len() as WilayahId {
            if !data.wilayah.node(w).anak.is_empty() {
                halaman.extend([
                    Halaman::UnduhAngka(Some(w), false),
                    Halaman::UnduhAngka(Some(w), true),
                ]);
            }
        }
        let mut dijadwalkan: Vec<WilayahId> = data.jadwal.iter().map(|j| j.wilayah).collect();
        dijadwalkan.sort_unstable();
        dijadwalkan.dedup();
        halaman.extend(dijadwalkan.into_iter().map(Halaman::Kalender));
        let jadwal_titik = {
            let mut v: Vec<Vec<usize>> = vec![Vec::new(); data.titik_bayar.len()];
            for (i, j) in data.jadwal.iter().enumerate() {
                if let Some(slots) = v.get_mut(j.titik_bayar as usize) {
                    slots.push(i);
                }
            }
            for slots in &mut v {
                slots.sort_by_key(|&i| {
                    let j = &data.jadwal[i];
                    (j.tanggal, j.mulai, j.baris)
                });
            }
            v
        };
        // a payment point shared by several desa/kelurahan has its own page and calendar; one
        // that serves a single desa/kelurahan is shown on that desa's page, whose calendar
        // holds the same events (at national scale, two files fewer per desa)
        let titik_bersama: Vec<bool> = jadwal_titik
            .iter()
            .map(|slots| {
                let mut wilayah = slots.iter().map(|&i| data.jadwal[i].wilayah);
                let first = wilayah.next();
                wilayah.any(|w| Some(w) != first)
            })
            .collect();
        for (t, &bersama) in titik_bersama.iter().enumerate() {
            if bersama {
                let t = t as crate::data::TitikBayarId;
                halaman.push(Halaman::TitikBayar(t));
                halaman.push(Halaman::KalenderTitik(t));
            }
        }
        let mut rapat_wilayah: HashMap<WilayahId, Vec<usize>> = HashMap::default();
        let mut rapat_program: HashMap<ProgramId, Vec<usize>> = HashMap::default();
        let mut rapat_tahap: HashMap<TahapId, Vec<usize>> = HashMap::default();
        for (i, r) in content.rapat.iter().enumerate() {
            for &w in &r.wilayah_id {
                rapat_wilayah.entry(w).or_default().push(i);
            }
            for &p in &r.program_id {
                rapat_program.entry(p).or_default().push(i);
            }
            for &t in &r.tahap_id {
                rapat_tahap.entry(t).or_default().push(i);
            }
        }
        let sidik_umum = {
            use std::hash::{Hash, Hasher};
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            sidik_tema.hash(&mut h);
            config.hash(&mut h);
            data.program.hash(&mut h);
            data.tahap.hash(&mut h);
            data.penyalur.hash(&mut h);
            data.alasan.hash(&mut h);
            data.titik_bayar.hash(&mut h);
            // a statement of where figures come from speaks of a region and those below it
            data.sumber_angka.hash(&mut h);
            // the comparisons' links, on every region and ranking page, carry their regions'
            // names
            for ids in &report.bandingkan {
                for &w in ids {
                    data.wilayah.node(w).nama.hash(&mut h);
                }
            }
            report.tahap_data_per.hash(&mut h);
            report.data_per.hash(&mut h);
            for page in &content.halaman {
                page.slug.hash(&mut h);
                page.judul.hash(&mut h);
            }
            h.finish()
        };
        let mut situs = Situs {
            config,
            data,
            report,
            content,
            halaman,
            sidik_umum,
            program_slug: data.program.iter().map(|p| file_slug(&p.kode)).collect(),
            titik_slug: data
                .titik_bayar
                .iter()
                .map(|t| jadwal::slug_titik(t))
                .collect(),
            tahap_slug: data.tahap.iter().map(|t| file_slug(&t.kode)).collect(),
            rapat_wilayah,
            jadwal_wilayah: {
                // one parallel sort of every slot, then a run per region
                use rayon::slice::ParallelSliceMut;
                let mut urut: Vec<usize> = (0..data.jadwal.len()).collect();
                urut.par_sort_unstable_by_key(|&i| {
                    let j = &data.jadwal[i];
                    (j.wilayah, j.program, j.tahap, j.tanggal, j.mulai, j.baris)
                });
                urut.chunk_by(|&a, &b| data.jadwal[a].wilayah == data.jadwal[b].wilayah)
                    .map(|run| (data.jadwal[run[0]].wilayah, run.to_vec()))
                    .collect()
            },
            jadwal_titik,
            titik_bersama,
            rapat_program,
            rapat_tahap,
            desa_seluruh: (0..data.tahap.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            jadwal_kota: HashMap::default(),
            gagal_kota: Vec::new(),
            rekon_kota: Vec::new(),
            rekon_cabang: Vec::new(),
            rekon_wilayah: Default::default(),
            sidik_gagal: Vec::new(),
            peringkat_wilayah: vec![false; data.wilayah.len()],
            sidik_pohon: {
                use std::hash::{Hash, Hasher};
                let mut h = xxhash_rust::xxh3::Xxh3::new();
                for n in &data.wilayah.nodes {
                    (&n.kode, &n.nama, n.induk).hash(&mut h);
                }
                h.finish()
            },
            peringkat_situs: false,
            cari: cari::Indeks::default(),
        };
        situs.rekon_wilayah = situs.hitung_rekon_wilayah();
        situs.sidik_gagal = situs.hitung_sidik_gagal();
        (situs.rekon_kota, situs.rekon_cabang) = situs.hitung_rekon();
        let rekon: Vec<WilayahId> = situs.rekon_kota.iter().map(|(w, _)| *w).collect();
        situs
            .halaman
            .extend(rekon.into_iter().map(Halaman::RekonKota));
        situs
            .halaman
            .extend((0..situs.rekon_cabang.len()).map(Halaman::RekonCabang));
        situs.gagal_kota = situs.hitung_gagal_kota();
        let gagal: Vec<WilayahId> = situs.gagal_kota.iter().map(|(w, _)| *w).collect();
        for w in gagal {
            situs
                .halaman
                .extend([Halaman::GagalKota(w), Halaman::UnduhGagalKota(w)]);
        }
        situs
            .halaman
            .extend((0..data.tahap.len()).map(|t| Halaman::Perubahan(t as TahapId)));
        situs.halaman.extend([Halaman::Feed, Halaman::Robots]);
        let dataset = situs.dataset_ada();
        situs
            .halaman
            .extend(dataset.into_iter().map(Halaman::Dataset));
        situs
            .halaman
            .extend([Halaman::SkemaAngka, Halaman::DataPackage]);
        for (i, ids) in report.bandingkan.iter().enumerate() {
            if ids.len() >= 2 {
                situs.halaman.push(Halaman::Bandingkan(i));
            }
        }
        for induk in crate::analysis::banding::induk_peringkat(data, report) {
            match induk {
                Some(w) => situs.peringkat_wilayah[w as usize] = true,
                None => situs.peringkat_situs = true,
            }
            situs.halaman.push(Halaman::Peringkat(induk));
        }
        // once per scheduled region, not per slot: finding the kabupaten/kota walks the tree
        let mut jadwal_kota: HashMap<WilayahId, Vec<usize>> = HashMap::default();
        for (&w, slots) in &situs.jadwal_wilayah {
            jadwal_kota
                .entry(situs.kota_jadwal(w))
                .or_default()
                .extend_from_slice(slots);
        }
        for slots in jadwal_kota.values_mut() {
            slots.sort_unstable();
        }
        let mut kota: Vec<WilayahId> = jadwal_kota.keys().copied().collect();
        kota.sort_unstable();
        situs
            .halaman
            .extend(kota.into_iter().map(Halaman::JadwalKota));
        situs.jadwal_kota = jadwal_kota;
        situs.cari = situs.buat_indeks_cari();
        situs
            .halaman
            .extend([Halaman::CariIndeks, Halaman::CariUmum]);
        situs
            .halaman
            .extend((0..situs.cari.nama.len()).map(Halaman::CariNama));
        // last, once every page is planned: the sitemap lists them
        if !config.base_url.is_empty() {
            let pages = situs.halaman_sitemap().len();
            situs.halaman.push(Halaman::Sitemap);
            situs
                .halaman
                .extend((1..=Situs::bagian_sitemap(pages)).map(Halaman::SitemapBagian));
        }
        let masalah = situs.klaim_jalur(statis);
        if masalah.has_errors() {
            return Err(masalah);
        }
        Ok(situs)
    }

    fn lang(&self) -> Lang {
        self.config.language
    }

    /// The output path of a page, relative to the output root.
    pub fn path(&self, h: Halaman) -> String {
        match h {
            Halaman::Beranda => "index.html".to_string(),
            // one folder per provinsi, named by the full code: wilayah/35/35.75.01.1001.html.
            // A folder of 83.762 files would make threads wait on its lock; a folder per
            // kecamatan would mean 7.000 folders to recreate on every incremental publish.
            Halaman::Wilayah(w) => {
                let kode = &self.data.wilayah.node(w).kode_teks;
                format!("wilayah/{}/{kode}.html", &kode[..kode.len().min(2)])
            }
            Halaman::DaftarProgram => "program/index.html".to_string(),
            Halaman::Program(p) => format!("program/{}.html", self.program_slug[p as usize]),
            Halaman::DaftarTahap => "tahap/index.html".to_string(),
            Halaman::Tahap(t) => format!("tahap/{}.html", self.tahap_slug[t as usize]),
            Halaman::TentangData => format!("{TENTANG_DATA}.html"),
            Halaman::KualitasData => "kualitas-data.html".to_string(),
            Halaman::Konten(i) => format!("{}.html", self.content.halaman[i].slug),
            Halaman::TidakDitemukan => "404.html".to_string(),
            Halaman::Rapat(i) => format!("rapat/{}.html", self.content.rapat[i].slug),
            Halaman::ArsipRapat => "rapat/index.html".to_string(),
            Halaman::TindakLanjut => "rapat/tindak-lanjut.html".to_string(),
            Halaman::Kalender(w) => {
                let kode = &self.data.wilayah.node(w).kode_teks;
                format!("wilayah/{}/{kode}.ics", &kode[..kode.len().min(2)])
            }
            Halaman::TitikBayar(t) => format!("titik-bayar/{}.html", self.titik_slug[t as usize]),
            Halaman::KalenderTitik(t) => format!("titik-bayar/{}.ics", self.titik_slug[t as usize]),
            Halaman::JadwalKota(w) => {
                format!("jadwal/{}.html", self.data.wilayah.node(w).kode_teks)
            }
            Halaman::GagalKota(w) => {
                format!("gagal/{}.html", self.data.wilayah.node(w).kode_teks)
            }
            Halaman::UnduhGagalKota(w) => {
                format!("gagal/{}.csv", self.data.wilayah.node(w).kode_teks)
            }
            Halaman::RekonKota(w) => {
                format!("rekonsiliasi/{}.html", self.data.wilayah.node(w).kode_teks)
            }
            Halaman::RekonCabang(i) => {
                let c = &self.rekon_cabang[i];
                format!(
                    "rekonsiliasi/{}/{}.html",
                    self.data.wilayah.node(c.kota).kode_teks,
                    c.slug
                )
            }
            Halaman::Bandingkan(i) => {
                let kode: Vec<&str> = self.report.bandingkan[i]
                    .iter()
                    .map(|&w| self.data.wilayah.node(w).kode_teks.as_str())
                    .collect();
                format!("bandingkan/{}.html", kode.join("-vs-"))
            }
            Halaman::Peringkat(None) => "peringkat/index.html".to_string(),
            Halaman::UnduhAngka(None, json) => {
                format!("angka.{}", if json { "json" } else { "csv" })
            }
            Halaman::UnduhAngka(Some(w), json) => {
                let kode = &self.data.wilayah.node(w).kode_teks;
                format!(
                    "wilayah/{}/{kode}.{}",
                    &kode[..kode.len().min(2)],
                    if json { "json" } else { "csv" }
                )
            }
            Halaman::Dataset(j) => format!("unduh/{}.csv", j.nama()),
            Halaman::SkemaAngka => "unduh/skema-angka.json".to_string(),
            Halaman::DataPackage => "datapackage.json".to_string(),
            Halaman::Perubahan(t) => format!("perubahan/{}.html", self.tahap_slug[t as usize]),
            Halaman::Feed => "feed.xml".to_string(),
            Halaman::Sitemap => "sitemap.xml".to_string(),
            Halaman::SitemapBagian(i) => format!("sitemap-{i}.xml"),
            Halaman::Robots => "robots.txt".to_string(),
            Halaman::CariIndeks => cari::JALUR_INDEKS.to_string(),
            Halaman::CariUmum => cari::JALUR_UMUM.to_string(),
            Halaman::CariNama(i) => self.cari.nama[i].path.clone(),
            Halaman::Peringkat(Some(w)) => {
                format!("peringkat/{}.html", self.data.wilayah.node(w).kode_teks)
            }
        }
    }

    /// The fingerprint of everything a page is built from, when it can be computed cheaply
    /// (region pages, the bulk of a site); 0 for pages that are always rendered. A page whose
    /// fingerprint is unchanged renders to the same bytes, so it need not be rendered again.
    ///
    /// Keep this in step with [`Situs::konteks`]: whatever a region page shows must be hashed
    /// here (the test `incremental_build_equals_a_full_build` guards it).
    pub fn sidik_jari(&self, h: Halaman) -> u64 {
        use std::hash::{Hash, Hasher};
        let w = match h {
            Halaman::Wilayah(w) => w,
            Halaman::Kalender(w) => {
                // a calendar shows the region's name and its slots
                let mut hasher = xxhash_rust::xxh3::Xxh3::new();
                (1u8, self.sidik_umum, &self.data.wilayah.node(w).nama).hash(&mut hasher);
                self.hash_jadwal(w, &mut hasher);
                return hasher.finish().max(1);
            }
            Halaman::JadwalKota(w) => {
                // the overview shows the kabupaten/kota's slots, its regions' names, and each
                // of its points' load, which counts the point's slots elsewhere too
                let mut hasher = xxhash_rust::xxh3::Xxh3::new();
                (4u8, self.sidik_umum).hash(&mut hasher);
                let tree = &self.data.wilayah;
                for a in tree.ancestors(w).into_iter().chain([w]) {
                    (&tree.node(a).kode, &tree.node(a).nama).hash(&mut hasher);
                }
                let slots = self.jadwal_kota.get(&w).map_or(&[][..], Vec::as_slice);
                let mut titik: Vec<crate::data::TitikBayarId> = Vec::new();
                for &i in slots {
                    self.hash_slot(i, &mut hasher);
                    let j = &self.data.jadwal[i];
                    tree.node(j.wilayah).nama.hash(&mut hasher);
                    titik.push(j.titik_bayar);
                }
                titik.sort_unstable();
                titik.dedup();
                for t in titik {
                    self.titik_bersama[t as usize].hash(&mut hasher);
                    for &i in &self.jadwal_titik[t as usize] {
                        self.hash_slot(i, &mut hasher);
                    }
                }
                return hasher.finish().max(1);
            }
            Halaman::TitikBayar(t) | Halaman::KalenderTitik(t) => {
                // a payment point's page and calendar show its slots and the regions they are
                // for (names and codes; the page's breadcrumb shows the first one's ancestors)
                let mut hasher = xxhash_rust::xxh3::Xxh3::new();
                let jenis: u8 = if matches!(h, Halaman::TitikBayar(_)) {
                    2
                } else {
                    3
                };
                (jenis, self.sidik_umum, t).hash(&mut hasher);
                for &i in &self.jadwal_titik[t as usize] {
                    self.hash_slot(i, &mut hasher);
                    let w = self.data.jadwal[i].wilayah;
                    let n = self.data.wilayah.node(w);
                    (&n.kode, &n.nama).hash(&mut hasher);
                    for a in self.data.wilayah.ancestors(w) {
                        self.data.wilayah.node(a).nama.hash(&mut hasher);
                    }
                }
                return hasher.finish().max(1);
            }
            Halaman::GagalKota(k) | Halaman::UnduhGagalKota(k) => {
                let mut hasher = xxhash_rust::xxh3::Xxh3::new();
                (matches!(h, Halaman::GagalKota(_)), 5u8, self.sidik_umum).hash(&mut hasher);
                self.hash_gagal_kota(k, &mut hasher);
                return hasher.finish().max(1);
            }
            Halaman::RekonKota(k) => {
                let mut hasher = xxhash_rust::xxh3::Xxh3::new();
                (6u8, self.sidik_umum, k).hash(&mut hasher);
                for a in self.data.wilayah.ancestors(k).into_iter().chain([k]) {
                    self.data.wilayah.node(a).nama.hash(&mut hasher);
                }
                self.hash_rekon(
                    self.rekon_kota
                        .iter()
                        .find(|(w, _)| *w == k)
                        .map_or(&[][..], |(_, r)| r),
                    &mut hasher,
                );
                for c in self.rekon_cabang.iter().filter(|c| c.kota == k) {
                    (&c.slug, &c.baris).hash(&mut hasher);
                }
                return hasher.finish().max(1);
            }
            Halaman::RekonCabang(i) => {
                let mut hasher = xxhash_rust::xxh3::Xxh3::new();
                let c = &self.rekon_cabang[i];
                (7u8, self.sidik_umum, c.kota, &c.slug).hash(&mut hasher);
                for a in self
                    .data
                    .wilayah
                    .ancestors(c.kota)
                    .into_iter()
                    .chain([c.kota])
                {
                    self.data.wilayah.node(a).nama.hash(&mut hasher);
                }
                self.hash_rekon(&c.baris, &mut hasher);
                return hasher.finish().max(1);
            }
            Halaman::Dataset(j) => {
                let mut hasher = xxhash_rust::xxh3::Xxh3::new();
                (10u8, self.sidik_umum, self.sidik_pohon, j).hash(&mut hasher);
                self.hash_dataset(j, &mut hasher);
                return hasher.finish().max(1);
            }
            Halaman::CariIndeks | Halaman::CariUmum | Halaman::CariNama(_) => {
                // made with the plan: the fingerprint of a file is its bytes'
                return xxhash_rust::xxh3::xxh3_64(self.teks_cari(h).as_bytes()).max(1);
            }
            Halaman::SkemaAngka | Halaman::Robots => {
                return xxhash_rust::xxh3::xxh3_64(&self.sidik_umum.to_le_bytes()).max(1);
            }
            Halaman::UnduhAngka(Some(w), json) => {
                // the region's and its children's figures, names, households and people
                let mut hasher = xxhash_rust::xxh3::Xxh3::new();
                (9u8, self.sidik_umum, w, json).hash(&mut hasher);
                let tree = &self.data.wilayah;
                for c in [w].into_iter().chain(tree.node(w).anak.iter().copied()) {
                    let n = tree.node(c);
                    (&n.kode, &n.nama, n.induk).hash(&mut hasher);
                    self.report.wilayah[c as usize].hash(&mut hasher);
                    self.report.kk[c as usize].hash(&mut hasher);
                    self.report.penduduk[c as usize].hash(&mut hasher);
                    self.hash_asal(c, &mut hasher);
                }
                self.report.langsung(w).hash(&mut hasher);
                return hasher.finish().max(1);
            }
            Halaman::Peringkat(induk) => {
                // the children's figures, households and funnels, and their names
                let mut hasher = xxhash_rust::xxh3::Xxh3::new();
                (8u8, self.sidik_umum, induk).hash(&mut hasher);
                if let Some(w) = induk {
                    for a in self.data.wilayah.ancestors(w).into_iter().chain([w]) {
                        self.data.wilayah.node(a).nama.hash(&mut hasher);
                    }
                }
                for c in self.anak_peringkat(induk) {
                    let n = self.data.wilayah.node(c);
                    (&n.kode, &n.nama).hash(&mut hasher);
                    self.report.wilayah[c as usize].hash(&mut hasher);
                    self.report.kk[c as usize].hash(&mut hasher);
                    self.report.verval.get(&c).hash(&mut hasher);
                }
                return hasher.finish().max(1);
            }
            _ => return 0,
        };
        let tree = &self.data.wilayah;
        let node = tree.node(w);
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        self.sidik_umum.hash(&mut hasher);
        let region = |id: WilayahId, hasher: &mut xxhash_rust::xxh3::Xxh3| {
            let n = tree.node(id);
            n.kode.hash(hasher);
            n.nama.hash(hasher);
        };
        region(w, &mut hasher);
        // households and population rolled up from the regions below
        self.report.kk[w as usize].hash(&mut hasher);
        self.report.penduduk[w as usize].hash(&mut hasher);
        self.peringkat_wilayah[w as usize].hash(&mut hasher);
        for a in tree.ancestors(w) {
            region(a, &mut hasher);
        }
        self.report.wilayah[w as usize].hash(&mut hasher);
        self.report.langsung(w).hash(&mut hasher);
        // the realisation-over-time chart: every paid row of the region's subtree
        self.report.harian.sidik(w).hash(&mut hasher);
        // the deadline view counts the villages below that will miss the target
        self.report.sidik_subtree.get(w as usize).hash(&mut hasher);
        self.hash_jadwal(w, &mut hasher);
        self.report.verval.get(&w).hash(&mut hasher);
        self.report.desil.get(&w).hash(&mut hasher);
        self.hash_gagal_wilayah(w, &mut hasher);
        self.hash_ringkas_rekon(w, &mut hasher);
        self.hash_asal(w, &mut hasher);
        self.jadwal_kota
            .contains_key(&self.kota_jadwal(w))
            .hash(&mut hasher);
        for &i in self.rapat_wilayah.get(&w).into_iter().flatten() {
            let r = &self.content.rapat[i];
            (&r.slug, &r.judul, r.tanggal).hash(&mut hasher);
        }
        for &c in &node.anak {
            region(c, &mut hasher);
            self.report.wilayah[c as usize].hash(&mut hasher);
        }
        hasher.finish().max(1)
    }

    /// Feeds the schedule slots of `w` to `hasher`.
    fn hash_jadwal(&self, w: WilayahId, hasher: &mut xxhash_rust::xxh3::Xxh3) {
        for &i in self.jadwal_wilayah.get(&w).into_iter().flatten() {
            self.hash_slot(i, hasher);
        }
    }

    /// Feeds schedule slot `i` to `hasher`.
    fn hash_slot(&self, i: usize, hasher: &mut xxhash_rust::xxh3::Xxh3) {
        use std::hash::Hash;
        let j = &self.data.jadwal[i];
        (
            j.program, j.tahap, j.tanggal, j.mulai, j.selesai, &j.rw, j.kpm, &j.lokasi,
        )
            .hash(hasher);
        self.data.titik_bayar[j.titik_bayar as usize].hash(hasher);
    }

    /// The template that renders a page.
    pub fn template(&self, h: Halaman) -> &'static str {
        match h {
            Halaman::Beranda => "beranda.html",
            Halaman::Wilayah(_) => "wilayah.html",
            Halaman::DaftarProgram | Halaman::DaftarTahap => "daftar.html",
            Halaman::Program(_) => "program.html",
            Halaman::Tahap(_) => "tahap.html",
            Halaman::TentangData => "tentang.html",
            Halaman::KualitasData => "kualitas.html",
            Halaman::Konten(_) => "halaman.html",
            Halaman::TidakDitemukan => "404.html",
            Halaman::Rapat(_) => "rapat.html",
            Halaman::ArsipRapat => "arsip_rapat.html",
            Halaman::TindakLanjut => "tindak_lanjut.html",
            // written by render::kalender, not by a template
            Halaman::Kalender(_) | Halaman::KalenderTitik(_) => "",
            Halaman::TitikBayar(_) => "titik_bayar.html",
            Halaman::JadwalKota(_) => "jadwal_kota.html",
            Halaman::GagalKota(_) => "gagal_kota.html",
            // written as it is, not by a template
            Halaman::UnduhGagalKota(_) => "",
            Halaman::RekonKota(_) | Halaman::RekonCabang(_) => "rekonsiliasi.html",
            Halaman::Bandingkan(_) => "bandingkan.html",
            Halaman::Perubahan(_) => "perubahan.html",
            // written by render::umpan or as they are
            Halaman::Feed | Halaman::Sitemap | Halaman::SitemapBagian(_) | Halaman::Robots => "",
            // written as they are
            Halaman::UnduhAngka(..)
            | Halaman::Dataset(_)
            | Halaman::SkemaAngka
            | Halaman::DataPackage
            | Halaman::CariIndeks
            | Halaman::CariUmum
            | Halaman::CariNama(_) => "",
            Halaman::Peringkat(_) => "peringkat.html",
        }
    }

    fn umum(&self, h: Halaman, judul: String, breadcrumb: Vec<Tautan>, nav: &'static str) -> Umum {
        let path = self.path(h);
        let depth = path.matches('/').count();
        // a host shows 404.html at any address, so its links cannot be relative: they use
        // base_url when there is one
        let root = if h == Halaman::TidakDitemukan {
            self.config.base_url.clone()
        } else {
            "../".repeat(depth)
        };
        Umum {
            root,
            path,
            judul,
            breadcrumb,
            nav,
            deskripsi: self.config.description.clone(),
        }
    }

    /// The first link of every breadcrumb. The default theme shows the theme's `beranda`
    /// string for it (so that a theme that renames the home page renames it in the breadcrumb
    /// too, as in the menu); the label here is what a site theme's own older `base.html`,
    /// which prints `b.label`, keeps showing.
    fn beranda(&self) -> Tautan {
        Tautan {
            label: match self.lang() {
                Lang::Id => "Beranda".to_string(),
                Lang::En => "Home".to_string(),
            },
            href: "index.html".to_string(),
        }
    }

    fn tautan_wilayah(&self, w: WilayahId) -> Tautan {
        Tautan {
            label: self.data.wilayah.node(w).nama_lengkap(self.lang()),
            href: self.path(Halaman::Wilayah(w)),
        }
    }

    /// "Nama (KODE)", or just the name when it already contains the code.
    fn nama_program(&self, p: ProgramId) -> String {
        let prog = &self.data.program[p as usize];
        if prog.nama.to_lowercase().contains(&prog.kode.to_lowercase()) {
            prog.nama.clone()
        } else {
            format!("{} ({})", prog.nama, prog.kode)
        }
    }

    fn tautan_program(&self, p: ProgramId) -> Tautan {
        Tautan {
            label: self.data.program[p as usize].kode.clone(),
            href: self.path(Halaman::Program(p)),
        }
    }

    /// The title of the list of every programme.
    fn label_daftar_program(&self) -> String {
        match self.lang() {
            Lang::Id => "Program".to_string(),
            Lang::En => "Programmes".to_string(),
        }
    }

    /// The list of every tahap, as a breadcrumb step.
    fn tautan_daftar_tahap(&self) -> Tautan {
        Tautan {
            label: match self.lang() {
                Lang::Id => "Tahap".to_string(),
                Lang::En => "Stages".to_string(),
            },
            href: self.path(Halaman::DaftarTahap),
        }
    }

    fn tautan_tahap(&self, t: TahapId) -> Tautan {
        Tautan {
            label: self.data.tahap[t as usize].nama.clone(),
            href: self.path(Halaman::Tahap(t)),
        }
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
            Halaman::Kalender(w) => Konteks::Kalender(self.konteks_kalender(w)),
            Halaman::KalenderTitik(t) => Konteks::Kalender(self.konteks_kalender_titik(t)),
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
            Halaman::Robots => Konteks::Unduhan(self.robots()),
            Halaman::CariIndeks | Halaman::CariUmum | Halaman::CariNama(_) => {
                Konteks::Unduhan(self.teks_cari(h).to_string())
            }
            Halaman::RekonKota(w) => Konteks::Rekon(Box::new(self.konteks_rekon_kota(w))),
            Halaman::RekonCabang(i) => Konteks::Rekon(Box::new(self.konteks_rekon_cabang(i))),
            Halaman::TidakDitemukan => Konteks::Konten(KonteksKonten {
                umum: self.umum(
                    h,
                    match self.lang() {
                        Lang::Id => "Halaman tidak ditemukan".to_string(),
                        Lang::En => "Page not found".to_string(),
                    },
                    Vec::new(),
                    "",
                ),
                isi: String::new(),
            }),
            Halaman::Konten(i) => {
                let page = &self.content.halaman[i];
                Konteks::Konten(KonteksKonten {
                    umum: self.umum(h, page.judul.clone(), vec![self.beranda()], ""),
                    isi: page.html.clone(),
                })
            }
        }
    }

    /// The sections per tahap for a region's figures, newest tahap first. `anak` are the
    /// regions shown in the per-programme tables; `langsung` the figures not broken down;
    /// `hanya_program`, `hanya_tahap`: only that programme's figures, only that tahap's section.
    fn bagian_tahap(
        &self,
        wilayah: Option<WilayahId>,
        rekap: &Rekap,
        anak: &[WilayahId],
        langsung: Option<&Rekap>,
        hanya_program: Option<ProgramId>,
        hanya_tahap: Option<TahapId>,
    ) -> Vec<BagianTahap> {
        let lang = self.lang();
        // the cells of each tahap, newest first, each in the cells' order (programme, then
        // penyalur): grouped once, not filtered out of all the cells again per tahap (a site
        // of 4.000 tahap took 90 s, its tahap pages each making every section)
        let cells = match hanya_program {
            Some(p) => {
                let awal = rekap.sel.partition_point(|(k, _)| k.program < p);
                let akhir = rekap.sel.partition_point(|(k, _)| k.program <= p);
                &rekap.sel[awal..akhir]
            }
            None => &rekap.sel[..],
        };
        let mut per_tahap: Vec<&(Kunci, Angka)> = cells
            .iter()
            .filter(|(k, _)| hanya_tahap.is_none_or(|h| k.tahap == h))
            .collect();
        per_tahap.sort_by_key(|(k, _)| std::cmp::Reverse(k.tahap));
        let mut out = Vec::new();
        for sel in per_tahap.chunk_by(|a, b| a.0.tahap == b.0.tahap) {
            let t = sel[0].0.tahap;
            let tahap = &self.data.tahap[t as usize];

            // figures per programme × penyalur, subtotal per programme with several penyalur
            let mut program_rows = Vec::new();
            let mut programs: Vec<ProgramId> = sel.iter().map(|(k, _)| k.program).collect();
            programs.dedup();
            // the cells are sorted by programme: each programme's is one run (a filter of
            // every cell per programme was quadratic in the number of programmes)
            for rows in sel.chunk_by(|a, b| a.0.program == b.0.program) {
                let p = rows[0].0.program;
                let prog = &self.data.program[p as usize];
                let href = Some(self.path(Halaman::Program(p)));
                let pertama = program_rows.len();
                for (k, a) in rows {
                    program_rows.push(Baris::new(
                        prog.kode.clone(),
                        self.data.penyalur[k.penyalur as usize].clone(),
                        href.clone(),
                        "rinci",
                        a,
                    ));
                }
                if rows.len() > 1 {
                    let mut sum = Angka::default();
                    rows.iter().for_each(|(_, a)| sum.merge(a));
                    program_rows.push(Baris::new(
                        prog.kode.clone(),
                        match lang {
                            Lang::Id => "Jumlah".to_string(),
                            Lang::En => "Total".to_string(),
                        },
                        href,
                        "subtotal",
                        &sum,
                    ));
                }
                // a programme page's children tables carry this anchor already
                if hanya_program.is_none() {
                    program_rows[pertama].id = Some(format!(
                        "{}-tahap-{}",
                        self.program_slug[p as usize], self.tahap_slug[t as usize]
                    ));
                }
            }

            // paid KPM by penyalur × programme
            let mut penyalur: Vec<_> = sel.iter().map(|(k, _)| k.penyalur).collect();
            penyalur.sort_unstable();
            penyalur.dedup();
            // worth a table only when some programme is paid by more than one penyalur, and
            // only while it is a table a reader can take in: most of its cells would be empty
            // beyond (each programme × penyalur is a row above anyway), and its size grows
            // with programmes × penyalur, not with the data
            let banyak_penyalur = sel.windows(2).any(|w| w[0].0.program == w[1].0.program)
                && penyalur.len().saturating_mul(programs.len()) <= MATRIKS_SEL_MAKS;
            let matriks = banyak_penyalur.then(|| {
                let paid: rustc_hash::FxHashMap<(ProgramId, PenyalurId), u64> = sel
                    .iter()
                    .map(|(k, a)| ((k.program, k.penyalur), a.tersalur_kpm))
                    .collect();
                let baris: Vec<BarisMatriks> = penyalur
                    .iter()
                    .map(|&py| {
                        let cells: Vec<Option<u64>> = programs
                            .iter()
                            .map(|&p| paid.get(&(p, py)).copied())
                            .collect();
                        BarisMatriks {
                            penyalur: self.data.penyalur[py as usize].clone(),
                            total: cells
                                .iter()
                                .flatten()
                                .fold(0u64, |a, &b| a.saturating_add(b)),
                            sel: cells,
                        }
                    })
                    .collect();
                let jumlah: Vec<u64> = (0..programs.len())
                    .map(|i| {
                        baris
                            .iter()
                            .filter_map(|b| b.sel[i])
                            .fold(0u64, |a, b| a.saturating_add(b))
                    })
                    .collect();
                Matriks {
                    program: programs.iter().map(|&p| self.tautan_program(p)).collect(),
                    total: jumlah.iter().fold(0u64, |a, &b| a.saturating_add(b)),
                    jumlah,
                    baris,
                }
            });

            let gagal = self.matriks_gagal(wilayah, t, &programs, hanya_program);

            let ringkas = if hanya_program.is_none() {
                self.tabel_ringkas(t, anak, langsung, &programs)
            } else {
                None
            };
            let tenggat = self.tenggat_tahap(wilayah, rekap, t, anak, &programs);

            // on a programme page: per child region, one table per programme
            let mut tabel_anak = Vec::new();
            if !anak.is_empty() && hanya_program.is_some() {
                for &p in &programs {
                    let prog = &self.data.program[p as usize];
                    let mut baris = Vec::new();
                    let mut total = Angka::default();
                    for &c in anak {
                        let a = self.report.wilayah[c as usize].angka(p, t);
                        if a == Angka::default() {
                            continue;
                        }
                        total.merge(&a);
                        baris.push(Baris::new(
                            self.data.wilayah.node(c).nama.clone(),
                            String::new(),
                            Some(self.path(Halaman::Wilayah(c))),
                            "rinci",
                            &a,
                        ));
                    }
                    if let Some(d) = langsung {
                        let a = d.angka(p, t);
                        if a != Angka::default() {
                            total.merge(&a);
                            baris.push(Baris::new(
                                match lang {
                                    Lang::Id => "Tidak dirinci per wilayah".to_string(),
                                    Lang::En => "Not broken down by region".to_string(),
                                },
                                String::new(),
                                None,
                                "rinci",
                                &a,
                            ));
                        }
                    }
                    if baris.is_empty() {
                        continue;
                    }
                    baris.push(Baris::new(
                        match lang {
                            Lang::Id => "Jumlah".to_string(),
                            Lang::En => "Total".to_string(),
                        },
                        String::new(),
                        None,
                        "total",
                        &total,
                    ));
                    tabel_anak.push(TabelAnak {
                        id: format!(
                            "{}-tahap-{}",
                            self.program_slug[p as usize], self.tahap_slug[t as usize]
                        ),
                        program: prog.kode.clone(),
                        program_nama: prog.nama.clone(),
                        tingkat: self.judul_anak_tunggal(anak).to_lowercase(),
                        tingkat_judul: self.judul_anak_tunggal(anak),
                        baris,
                    });
                }
            }

            let id = format!("tahap-{}", self.tahap_slug[t as usize]);
            let angka_program: Vec<(ProgramId, Angka)> =
                programs.iter().map(|&p| (p, rekap.angka(p, t))).collect();
            // Charts: on a region page for its newest tahap only (the one residents ask
            // about; a kelurahan page stays light on a national site), on the site-wide pages
            // (home, programme, tahap) for every tahap.
            let dengan_grafik = wilayah.is_none() || out.is_empty();
            let (grafik_waktu, grafik_program, grafik_anak) = if dengan_grafik {
                (
                    self.grafik_waktu(&id, wilayah, &angka_program, t),
                    self.grafik_program(&id, wilayah, t, &program_rows),
                    self.grafik_anak(
                        &id,
                        wilayah,
                        t,
                        anak,
                        &programs,
                        &self.judul_anak_tunggal(anak).to_lowercase(),
                    ),
                )
            } else {
                (None, None, None)
            };
            out.push(BagianTahap {
                id,
                tautan: self.tautan_tahap(t),
                mulai: tahap.mulai.to_string(),
                selesai: tahap.selesai.to_string(),
                target: tahap.target.map(|d| d.to_string()),
                data_per: self.report.tahap_data_per[t as usize].map(|d| d.to_string()),
                ada_nilai: program_rows.iter().any(|b| b.tersalur_nilai.is_some()),
                nilai_sebagian: program_rows.iter().any(|b| b.tersalur_nilai.is_some())
                    && program_rows
                        .iter()
                        .any(|b| b.tersalur_nilai.is_none() && b.tersalur_kpm > 0),
                melebihi: program_rows
                    .iter()
                    .any(|b| b.realisasi.is_some_and(|r| r > 1.0)),
                program: program_rows,
                matriks,
                gagal,
                anak: tabel_anak,
                ringkas,
                tenggat,
                grafik_waktu,
                grafik_program,
                grafik_anak,
                sumber: Some(self.sumber_angka(
                    wilayah,
                    sel.iter().map(|(_, a)| a.baris).sum(),
                    wilayah.is_none(),
                )),
            });
        }
        out
    }

    fn tenggat_tahap(
        &self,
        wilayah: Option<WilayahId>,
        rekap: &Rekap,
        t: TahapId,
        anak: &[WilayahId],
        programs: &[ProgramId],
    ) -> Option<TenggatTahap> {
        let target = self.data.tahap[t as usize].target?;
        let data_per = self.report.tahap_data_per[t as usize]?;
        // a projection is for a tahap still running: once its data reach the target day the
        // tables say how it ended
        if data_per >= target {
            return None;
        }
        let baris = |label: String, href: Option<String>, p: ProgramId, a: &Angka| {
            let pr = crate::analysis::proyeksi(a, data_per, target);
            BarisProyeksi {
                label,
                href,
                program: self.data.program[p as usize].kode.clone(),
                realisasi: pr.realisasi,
                laju_per_hari: (pr.laju_per_hari * 10.0).round() / 10.0,
                sisa_kpm: pr.sisa_kpm,
                selesai: pr.selesai.map(|d| d.to_string()),
                tepat_waktu: pr.tepat_waktu,
                desa_terlambat: None,
            }
        };
        // the desa/kelurahan below: a region on time as a whole can still have villages that
        // will not be paid by the target
        // per programme (by id): the villages below that will miss the target at their own
        // pace, and those with an allocation; the whole site's once for all site-wide pages
        let hitung: Vec<(u64, u64)> = match (anak.is_empty(), wilayah) {
            (true, _) => Vec::new(),
            (false, Some(w)) => self.hitung_desa(
                w + 1..self.report.harian.ujung_subtree(w),
                t,
                data_per,
                target,
            ),
            (false, None) => self.desa_seluruh[t as usize]
                .get_or_init(|| {
                    self.hitung_desa(0..self.data.wilayah.len() as WilayahId, t, data_per, target)
                })
                .clone(),
        };
        let program = programs
            .iter()
            .map(|&p| {
                let a = rekap.angka(p, t);
                let mut b = baris(
                    self.data.program[p as usize].kode.clone(),
                    Some(self.path(Halaman::Program(p))),
                    p,
                    &a,
                );
                b.desa_terlambat = hitung.get(p as usize).copied();
                b
            })
            .collect();
        let mut tertinggal: Vec<BarisProyeksi> = Vec::new();
        for &c in anak {
            for &p in programs {
                let a = self.report.wilayah[c as usize].angka(p, t);
                if a.alokasi_kpm == 0 {
                    continue;
                }
                let b = baris(
                    self.data.wilayah.node(c).nama.clone(),
                    Some(self.path(Halaman::Wilayah(c))),
                    p,
                    &a,
                );
                if !b.tepat_waktu {
                    tertinggal.push(b);
                }
            }
        }
        // worst first: never finishing, then the latest projected day, then the lowest rate
        tertinggal.sort_by(|a, b| {
            let key =
                |x: &BarisProyeksi| (x.selesai.is_some(), std::cmp::Reverse(x.selesai.clone()));
            key(a)
                .cmp(&key(b))
                .then_with(|| {
                    a.realisasi
                        .unwrap_or(0.0)
                        .partial_cmp(&b.realisasi.unwrap_or(0.0))
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
                .then_with(|| a.label.cmp(&b.label))
        });
        // the worst first; the rest are counted (each child's page has its own view)
        let tertinggal_lainnya = tertinggal.len().saturating_sub(MAKS_TERTINGGAL);
        tertinggal.truncate(MAKS_TERTINGGAL);
        Some(TenggatTahap {
            target: target.to_string(),
            data_per: data_per.to_string(),
            hari_laju: crate::analysis::LAJU_HARI,
            program,
            tertinggal,
            tertinggal_lainnya,
        })
    }

    /// Per programme (indexed by id): how many of the desa/kelurahan among `range` (those
    /// without children) will miss the target at their own pace, and how many have an
    /// allocation. One pass over each village's cells, which are sorted by programme.
    fn hitung_desa(
        &self,
        range: std::ops::Range<WilayahId>,
        t: TahapId,
        data_per: jiff::civil::Date,
        target: jiff::civil::Date,
    ) -> Vec<(u64, u64)> {
        let tree = &self.data.wilayah;
        let hari_sampai_target = i64::from(
            crate::analysis::harian::nomor_hari(target)
                - crate::analysis::harian::nomor_hari(data_per),
        );
        let mut hitung = vec![(0u64, 0u64); self.data.program.len()];
        for d in range.filter(|&d| tree.node(d).anak.is_empty()) {
            let sel = &self.report.wilayah[d as usize].sel;
            let mut i = 0;
            while i < sel.len() {
                let p = sel[i].0.program;
                let mut a = Angka::default();
                while i < sel.len() && sel[i].0.program == p {
                    if sel[i].0.tahap == t {
                        a.merge(&sel[i].1);
                    }
                    i += 1;
                }
                if a.alokasi_kpm == 0 {
                    continue;
                }
                if let Some(slot) = hitung.get_mut(p as usize) {
                    slot.1 += 1;
                    if !crate::analysis::tepat_waktu(&a, hari_sampai_target) {
                        slot.0 += 1;
                    }
                }
            }
        }
        hitung
    }

    fn tabel_ringkas(
        &self,
        t: TahapId,
        anak: &[WilayahId],
        langsung: Option<&Rekap>,
        programs: &[ProgramId],
    ) -> Option<TabelRingkas> {
        if anak.is_empty() {
            return None;
        }
        let lang = self.lang();
        let mut baris = Vec::new();
        let mut total = vec![Angka::default(); programs.len()];
        let mut add = |label: String, href: Option<String>, rekap: &Rekap| {
            let angka: Vec<Angka> = programs.iter().map(|&p| rekap.angka(p, t)).collect();
            if angka.iter().all(|a| *a == Angka::default()) {
                return;
            }
            for (sum, a) in total.iter_mut().zip(&angka) {
                sum.merge(a);
            }
            let mut semua = Angka::default();
            angka.iter().for_each(|a| semua.merge(a));
            baris.push(BarisRingkas {
                label,
                href,
                jenis: "rinci",
                sel: angka.iter().map(Angka::realisasi).collect(),
                semua: semua.realisasi(),
            });
        };
        for &c in anak {
            add(
                self.data.wilayah.node(c).nama.clone(),
                Some(self.path(Halaman::Wilayah(c))),
                &self.report.wilayah[c as usize],
            );
        }
        if let Some(d) = langsung {
            add(
                match lang {
                    Lang::Id => "Tidak dirinci per wilayah".to_string(),
                    Lang::En => "Not broken down by region".to_string(),
                },
                None,
                d,
            );
        }
        if baris.is_empty() {
            return None;
        }
        baris.push(BarisRingkas {
            label: match lang {
                Lang::Id => "Jumlah".to_string(),
                Lang::En => "Total".to_string(),
            },
            href: None,
            jenis: "total",
            sel: total.iter().map(Angka::realisasi).collect(),
            semua: {
                let mut semua = Angka::default();
                total.iter().for_each(|a| semua.merge(a));
                semua.realisasi()
            },
        });
        Some(TabelRingkas {
            id: format!("anak-tahap-{}", self.tahap_slug[t as usize]),
            tingkat: self.judul_anak_tunggal(anak).to_lowercase(),
            tingkat_judul: self.judul_anak_tunggal(anak),
            program: programs.iter().map(|&p| self.tautan_program(p)).collect(),
            baris,
            ada_semua: programs.len() > 1,
        })
    }

    fn judul_anak(&self, anak: &[WilayahId]) -> String {
        let lang = self.lang();
        let Some(&first) = anak.first() else {
            return String::new();
        };
        match (self.data.wilayah.node(first).tingkat, lang) {
            (Tingkat::Provinsi, Lang::Id) => "Provinsi",
            (Tingkat::Provinsi, Lang::En) => "Provinces",
            (Tingkat::KabupatenKota, Lang::Id) => "Kabupaten/kota",
            (Tingkat::KabupatenKota, Lang::En) => "Regencies and cities",
            (Tingkat::Kecamatan, Lang::Id) => "Kecamatan",
            (Tingkat::Kecamatan, Lang::En) => "Districts",
            (Tingkat::DesaKelurahan, Lang::Id) => "Desa/kelurahan",
            (Tingkat::DesaKelurahan, Lang::En) => "Villages",
        }
        .to_string()
    }

    fn judul_anak_tunggal(&self, anak: &[WilayahId]) -> String {
        let Some(&first) = anak.first() else {
            return String::new();
        };
        match (self.data.wilayah.node(first).tingkat, self.lang()) {
            (Tingkat::Provinsi, Lang::Id) => "Provinsi",
            (Tingkat::Provinsi, Lang::En) => "Province",
            (Tingkat::KabupatenKota, Lang::Id) => "Kabupaten/kota",
            (Tingkat::KabupatenKota, Lang::En) => "Regency/city",
            (Tingkat::Kecamatan, Lang::Id) => "Kecamatan",
            (Tingkat::Kecamatan, Lang::En) => "District",
            (Tingkat::DesaKelurahan, Lang::Id) => "Desa/kelurahan",
            (Tingkat::DesaKelurahan, Lang::En) => "Village",
        }
        .to_string()
    }

    /// A region's key figures in one sentence, for link previews: its latest tahap's
    /// programmes (at most three), each with KPM allocated and the share paid. `None` when it
    /// has no figures.
    fn deskripsi_angka(&self, nama: &str, rekap: &crate::analysis::Rekap) -> Option<String> {
        let lang = self.lang();
        let tahap = rekap
            .sel
            .iter()
            .filter(|(_, a)| a.alokasi_kpm > 0)
            .map(|(k, _)| k.tahap)
            .max_by_key(|&t| (self.data.tahap[t as usize].mulai, t))?;
        let mut per_program: Vec<(crate::data::ProgramId, u64, u64)> = Vec::new();
        for (k, a) in rekap.sel.iter().filter(|(k, _)| k.tahap == tahap) {
            match per_program.iter_mut().find(|p| p.0 == k.program) {
                Some(p) => {
                    p.1 += a.alokasi_kpm;
                    p.2 += a.tersalur_kpm;
                }
                None => per_program.push((k.program, a.alokasi_kpm, a.tersalur_kpm)),
            }
        }
        let bagian: Vec<String> = per_program
            .iter()
            .filter(|p| p.1 > 0)
            .take(3)
            .map(|&(p, alokasi, tersalur)| {
                let kode = &self.data.program[p as usize].kode;
                let persen = crate::format::persen(tersalur as f64 / alokasi as f64, lang);
                let kpm = crate::format::ribuan(alokasi as i64, lang);
                match lang {
                    Lang::Id => format!("{kode} {kpm} KPM, {persen} tersalur"),
                    Lang::En => format!("{kode} {kpm} KPM, {persen} paid"),
                }
            })
            .collect();
        Some(format!(
            "{nama}, {}: {}.",
            self.data.tahap[tahap as usize].nama,
            bagian.join("; ")
        ))
    }

    fn konteks_beranda(&self) -> KonteksWilayah {
        let tree = &self.data.wilayah;
        let anak = tree.akar.clone();
        let kelompok = anak
            .iter()
            .filter(|&&p| tree.node(p).tingkat == Tingkat::Provinsi)
            .map(|&p| KelompokWilayah {
                induk: self.tautan_wilayah(p),
                anak: tree
                    .node(p)
                    .anak
                    .iter()
                    .map(|&c| self.tautan_wilayah(c))
                    .collect(),
            })
            .filter(|k| !k.anak.is_empty())
            .collect();
        let mut umum = self.umum(
            Halaman::Beranda,
            self.config.title.clone(),
            Vec::new(),
            "beranda",
        );
        if let Some(d) = self.deskripsi_angka(&self.config.title, &self.report.total) {
            umum.deskripsi = d;
        }
        KonteksWilayah {
            umum,
            kode: String::new(),
            jenis: String::new(),
            kk: None,
            penduduk: None,
            tahap: self.bagian_tahap(None, &self.report.total, &anak, None, None, None),
            judul_anak: self.judul_anak(&anak),
            anak: anak.iter().map(|&c| self.tautan_wilayah(c)).collect(),
            kelompok,
            rapat: (0..self.content.rapat.len().min(5))
                .map(|i| self.ringkas_rapat(i))
                .collect(),
            jadwal: Vec::new(),
            kalender: None,
            jadwal_kota: None,
            verval: Vec::new(),
            desil: Vec::new(),
            rekonsiliasi: None,
            peringkat: self.peringkat_situs.then(|| Tautan {
                label: self.judul_peringkat(None),
                href: self.path(Halaman::Peringkat(None)),
            }),
            bandingkan: self.tautan_banding(),
            asal: self.asal_halaman(None),
        }
    }

    fn konteks_wilayah(&self, w: WilayahId) -> KonteksWilayah {
        let tree = &self.data.wilayah;
        let node = tree.node(w);
        let mut breadcrumb = vec![self.beranda()];
        breadcrumb.extend(
            tree.ancestors(w)
                .into_iter()
                .map(|a| self.tautan_wilayah(a)),
        );
        let nama = node.nama_lengkap(self.lang());
        let mut umum = self.umum(Halaman::Wilayah(w), nama.clone(), breadcrumb, "");
        if let Some(d) = self.deskripsi_angka(&nama, &self.report.wilayah[w as usize]) {
            umum.deskripsi = d;
        }
        KonteksWilayah {
            umum,
            kode: node.kode_teks.clone(),
            jenis: node.jenis(self.lang()).to_string(),
            kk: self.report.kk[w as usize],
            penduduk: self.report.penduduk[w as usize],
            tahap: self.bagian_tahap(
                Some(w),
                &self.report.wilayah[w as usize],
                &node.anak,
                self.report.langsung(w),
                None,
                None,
            ),
            judul_anak: self.judul_anak(&node.anak),
            anak: node.anak.iter().map(|&c| self.tautan_wilayah(c)).collect(),
            kelompok: Vec::new(),
            rapat: self.daftar_rapat(self.rapat_wilayah.get(&w)),
            jadwal: self.jadwal_wilayah_konteks(w),
            kalender: self
                .jadwal_wilayah
                .contains_key(&w)
                .then(|| self.path(Halaman::Kalender(w))),
            jadwal_kota: self.tautan_jadwal_kota(w),
            verval: self.verval_wilayah(w),
            desil: self.desil_wilayah(w),
            rekonsiliasi: self.ringkas_rekon(w),
            peringkat: self.peringkat_wilayah[w as usize].then(|| Tautan {
                label: self.judul_peringkat(Some(w)),
                href: self.path(Halaman::Peringkat(Some(w))),
            }),
            bandingkan: self.banding_wilayah(w),
            asal: self.asal_halaman(Some(w)),
        }
    }

    /// The regions whose tables a programme or tahap page shows: the kabupaten/kota when the
    /// tree has them, else the top level.
    fn wilayah_ringkas(&self) -> Vec<WilayahId> {
        let tree = &self.data.wilayah;
        let kab: Vec<WilayahId> = (0..tree.len() as WilayahId)
            .filter(|&w| tree.node(w).tingkat == Tingkat::KabupatenKota)
            .collect();
        if kab.is_empty() {
            tree.akar.clone()
        } else {
            kab
        }
    }

    fn konteks_program(&self, p: ProgramId) -> KonteksProgram {
        let prog = &self.data.program[p as usize];
        let breadcrumb = vec![
            self.beranda(),
            Tautan {
                label: self.label_daftar_program(),
                href: self.path(Halaman::DaftarProgram),
            },
        ];
        KonteksProgram {
            umum: self.umum(
                Halaman::Program(p),
                self.nama_program(p),
                breadcrumb,
                "program",
            ),
            kode: prog.kode.clone(),
            sumber_dana: prog.sumber_dana.clone(),
            nilai_per_kpm: prog.nilai_per_kpm,
            periode: prog.periode.kode(),
            tahap: self.bagian_tahap(
                None,
                &self.report.total,
                &self.wilayah_ringkas(),
                None,
                Some(p),
                None,
            ),
            rapat: self.daftar_rapat(self.rapat_program.get(&p)),
        }
    }

    fn konteks_tahap(&self, t: TahapId) -> KonteksTahap {
        let tahap = &self.data.tahap[t as usize];
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
                id: format!("tahap-{}", self.tahap_slug[t as usize]),
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
        }
    }

    fn konteks_daftar_program(&self) -> KonteksDaftar {
        let item = (0..self.data.program.len() as ProgramId)
            .map(|p| {
                let prog = &self.data.program[p as usize];
                // the latest tahap with figures: sums over tahap would mix periods
                let terakhir = self
                    .report
                    .total
                    .sel
                    .iter()
                    .filter(|(k, _)| k.program == p)
                    .map(|(k, _)| k.tahap)
                    .max();
                let sum = terakhir
                    .map(|t| self.report.total.angka(p, t))
                    .unwrap_or_default();
                ItemDaftar {
                    tautan: Tautan {
                        label: self.nama_program(p),
                        href: self.path(Halaman::Program(p)),
                    },
                    keterangan: prog.sumber_dana.clone(),
                    tahap: terakhir.map(|t| self.data.tahap[t as usize].nama.clone()),
                    mulai: None,
                    selesai: None,
                    realisasi: sum.realisasi(),
                    alokasi_kpm: sum.alokasi_kpm,
                }
            })
            .collect();
        KonteksDaftar {
            umum: self.umum(
                Halaman::DaftarProgram,
                self.label_daftar_program(),
                vec![self.beranda()],
                "program",
            ),
            item,
        }
    }

    fn konteks_daftar_tahap(&self) -> KonteksDaftar {
        let item = (0..self.data.tahap.len() as TahapId)
            .rev()
            .map(|t| {
                let tahap = &self.data.tahap[t as usize];
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

    fn ringkas_rapat(&self, i: usize) -> RingkasRapat {
        let r = &self.content.rapat[i];
        RingkasRapat {
            tautan: Tautan {
                label: r.judul.clone(),
                href: self.path(Halaman::Rapat(i)),
            },
            tanggal: r.tanggal.to_string(),
        }
    }

    fn daftar_rapat(&self, notes: Option<&Vec<usize>>) -> Vec<RingkasRapat> {
        notes
            .into_iter()
            .flatten()
            .map(|&i| self.ringkas_rapat(i))
            .collect()
    }

    fn baris_tindak_lanjut(
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

    fn breadcrumb_rapat(&self) -> Vec<Tautan> {
        vec![
            self.beranda(),
            Tautan {
                label: match self.lang() {
                    Lang::Id => "Rapat".to_string(),
                    Lang::En => "Meetings".to_string(),
                },
                href: self.path(Halaman::ArsipRapat),
            },
        ]
    }

    fn konteks_rapat(&self, i: usize) -> KonteksRapat {
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

    fn konteks_arsip(&self) -> KonteksArsip {
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
        let judul = match self.lang() {
            Lang::Id => "Rapat koordinasi",
            Lang::En => "Coordination meetings",
        };
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

    fn konteks_tindak_lanjut(&self) -> KonteksTindakLanjut {
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
        let judul = match self.lang() {
            Lang::Id => "Tindak lanjut rapat",
            Lang::En => "Meeting follow-ups",
        };
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
                    program: self.data.program[k.program as usize].kode.clone(),
                    tahap: self.data.tahap[k.tahap as usize].nama.clone(),
                    penyalur: self.data.penyalur[k.penyalur as usize].clone(),
                    jenis,
                    alokasi_kpm: t.pembanding.unwrap_or(0),
                    dilaporkan_kpm: t.kpm,
                })
            })
            .take(limit)
            .collect()
    }

    fn konteks_tentang(&self) -> KonteksTentang {
        let page = self.content.get(TENTANG_DATA);
        let judul = page
            .map(|p| p.judul.clone())
            .unwrap_or_else(|| match self.lang() {
                Lang::Id => "Tentang data".to_string(),
                Lang::En => "About the data".to_string(),
            });
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
            mutu,
        }
    }
}
