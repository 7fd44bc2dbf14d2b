//! The home page (`index.html`) and a region's page (`wilayah/<prov>/<kode>.html`).

use std::hash::{Hash, Hasher};

use serde::Serialize;

use super::bagian::{BagianTahap, Ringkas, TanpaSidik, Tautan, Umum};
use super::rapat::RingkasRapat;
use super::{Halaman, Situs, sidik_dari};
use super::{JenisHalaman, Konteks, jalur::Asal};
use super::{asal, bantuan, cakupan, desil, jadwal::JadwalProgram, rekonsiliasi, verval};
use crate::analysis::Rekap;
use crate::analysis::desil::SebaranDesil;
use crate::analysis::verval::Corong;
use crate::data::{Tingkat, WilayahId};

/// The home page's path.
pub const PATH_BERANDA: &str = "index.html";
/// The home page's template.
pub const TEMPLATE_BERANDA: &str = "beranda.html";
/// A region page's template.
pub const TEMPLATE_WILAYAH: &str = "wilayah.html";

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
    /// Per programme with figures in two tahap or more: its figures per tahap, oldest first
    /// ([`super::tren`]).
    pub tren: Vec<super::tren::BagianTren>,
    /// The heading for the list of children (`Kecamatan`, `Kelurahan/desa`).
    pub judul_anak: String,
    /// Child regions.
    pub anak: Vec<Tautan>,
    /// The children's map, when `data/batas.geojson` has any of them ([`super::peta`]).
    pub peta: Option<super::peta::BagianPeta>,
    /// On the home page: the kabupaten/kota, grouped by provinsi.
    pub kelompok: Vec<KelompokWilayah>,
    /// Meeting notes that name this region (on the home page: the latest).
    pub rapat: Vec<RingkasRapat>,
    /// On a desa/kelurahan page with figures: per programme its KPM, the amount per KPM and
    /// the next payment, and what to do about the failure reasons its tables show (the
    /// resident's answer, at the top of the page).
    pub bantuan: Option<bantuan::BagianBantuan>,
    /// On a desa/kelurahan page: when and where its KPM collect, per programme × tahap, the
    /// schedules not yet past (which open the schedule section).
    pub jadwal: Vec<JadwalProgram>,
    /// Its schedules whose days are all before the data date, folded below the others.
    pub jadwal_lalu: Vec<JadwalProgram>,
    /// The printed notice's issuing line (`penerbit` and the data date), on a page with a
    /// schedule.
    pub pengumuman: Option<String>,
    /// The schedule as a calendar file, when there is one.
    pub kalender: Option<String>,
    /// The schedule overview of the kabupaten/kota this region belongs to, if it has one.
    pub jadwal_kota: Option<Tautan>,
    /// Verification funnels (its own, or the sum of those below it).
    pub verval: Vec<verval::BagianVerval>,
    /// Households per DTSEN decile (its own, or the sum of those below it).
    pub desil: Vec<desil::BagianDesil>,
    /// Coverage against need: per programme that targets by decile, KPM paid against the
    /// households in its deciles, for it and its children (worst covered first).
    pub cakupan: Vec<cakupan::BagianCakupan>,
    /// Budgets against rupiah paid per programme and year (`anggaran.csv`), when it has any.
    pub anggaran: Option<super::anggaran::BagianAnggaran>,
    /// Dinsos's figures set against the channels' reports, for this region and those below.
    pub rekonsiliasi: Option<rekonsiliasi::RingkasRekon>,
    /// The ranking of its children (on the home page: of every kabupaten/kota), if there is
    /// one.
    pub peringkat: Option<Tautan>,
    /// The comparisons of `site.toml` that include it (on the home page: all of them).
    pub bandingkan: Vec<Tautan>,
    /// Its printable brief ([`super::ringkas`]), for a region with children and figures (on
    /// the home page: the whole site's).
    pub ringkas: Option<Tautan>,
    /// Where its figures come from (`data/sumber_angka.csv`), when the site says.
    pub asal: asal::KonteksAsal,
    /// "The figures of this region were corrected on …", linking to the history of
    /// corrections, when they were ([`super::koreksi`]).
    pub dikoreksi: Option<Tautan>,
    /// On a desa/kelurahan page: whom to contact, the channels of `[[pengaduan]]` for it and
    /// the programmes it has figures for ([`super::pengaduan::untuk`]), for `pengaduan.html`.
    pub pengaduan: Vec<super::pengaduan::Saluran>,
}

/// A provinsi and its kabupaten/kota, for the home page's directory.
#[derive(Debug, Clone, Serialize)]
pub struct KelompokWilayah {
    /// The provinsi.
    pub induk: Tautan,
    /// Its kabupaten/kota.
    pub anak: Vec<Tautan>,
}

impl Situs<'_> {
    /// A region's key figures in one sentence, for link previews: its latest tahap's
    /// programmes (at most three), each with KPM allocated and the share paid. `None` when it
    /// has no figures.
    pub(super) fn deskripsi_angka(
        &self,
        nama: &str,
        rekap: &crate::analysis::Rekap,
    ) -> Option<String> {
        let lang = self.lang();
        let tahap = rekap
            .sel
            .iter()
            .filter(|(_, a)| a.alokasi_kpm > 0)
            .map(|(k, _)| k.tahap)
            .max_by_key(|&t| (self.data.tahap[t.indeks()].mulai, t))?;
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
                let kode = &self.data.program[p.indeks()].kode;
                let persen = crate::format::persen(tersalur as f64 / alokasi as f64, lang);
                let kpm = crate::format::ribuan(alokasi as i64, lang);
                self.kata.isi(
                    "pratinjau_program",
                    &[("kode", kode), ("kpm", &kpm), ("persen", &persen)],
                )
            })
            .collect();
        Some(format!(
            "{nama}, {}: {}.",
            self.data.tahap[tahap.indeks()].nama,
            bagian.join("; ")
        ))
    }

    /// The home page's context: the whole site's figures; always rendered.
    pub(super) fn konteks_beranda(&self) -> KonteksWilayah {
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
            tren: self.tren(None, &self.report.total, None),
            judul_anak: self.judul_anak(&anak),
            anak: anak.iter().map(|&c| self.tautan_wilayah(c)).collect(),
            peta: self.peta(None, &anak),
            kelompok,
            rapat: (0..self.content.rapat.len().min(5))
                .map(|i| self.ringkas_rapat(i))
                .collect(),
            bantuan: None,
            jadwal: Vec::new(),
            jadwal_lalu: Vec::new(),
            pengumuman: None,
            kalender: None,
            jadwal_kota: None,
            verval: Vec::new(),
            desil: Vec::new(),
            cakupan: Vec::new(),
            anggaran: self.anggaran_wilayah(None),
            rekonsiliasi: None,
            peringkat: self.peringkat_situs.then(|| Tautan {
                label: self.judul_peringkat(None),
                href: self.path(Halaman::Peringkat(None)),
            }),
            bandingkan: self.tautan_banding(),
            ringkas: (!self.report.total.sel.is_empty()).then(|| self.tautan_ringkas(None)),
            asal: self.asal_halaman(None),
            pengaduan: Vec::new(),
            dikoreksi: None,
        }
    }

    /// The context of a region page, made from its inputs ([`MasukanWilayah`]): the region,
    /// its ancestors and children, its figures, notes, and the flags for its links are read
    /// from them; the sections that read more of the report (the charts, the deadline view,
    /// failures, reconciliation, schedule, where figures come from) are covered by the
    /// sub-fingerprints the inputs carry.
    pub(super) fn konteks_wilayah(&self, w: WilayahId) -> KonteksWilayah {
        self.konteks_dari_masukan(&self.masukan_wilayah(w))
    }

    fn konteks_dari_masukan(&self, m: &MasukanWilayah<'_>) -> KonteksWilayah {
        let w = m.wilayah.id.0;
        let node = self.data.wilayah.node(w);
        let anak: Vec<WilayahId> = m.anak.iter().map(|(r, _)| r.id.0).collect();
        let mut breadcrumb = vec![self.beranda()];
        breadcrumb.extend(m.leluhur.iter().map(|a| self.tautan_wilayah(a.id.0)));
        let nama = self.kata.nama_wilayah(node);
        let mut umum = self.umum(Halaman::Wilayah(w), nama.clone(), breadcrumb, "");
        if let Some(d) = self.deskripsi_angka(&nama, m.rekap) {
            umum.deskripsi = d;
        }
        let tahap = self.bagian_tahap(Some(w), m.rekap, &anak, m.langsung, None, None);
        let desa = node.tingkat == Tingkat::DesaKelurahan;
        let (jadwal_lalu, jadwal): (Vec<JadwalProgram>, Vec<JadwalProgram>) = self
            .jadwal_wilayah_konteks(w)
            .into_iter()
            .partition(|p| p.lewat);
        let ada_jadwal = !jadwal.is_empty() || !jadwal_lalu.is_empty();
        KonteksWilayah {
            umum,
            kode: node.kode_teks.clone(),
            jenis: self.kata.jenis_wilayah(node).to_string(),
            kk: m.kk,
            penduduk: m.penduduk,
            bantuan: if desa {
                self.bagian_bantuan(w, &nama, m.rekap, &tahap)
            } else {
                None
            },
            tahap,
            tren: self.tren(Some(w), m.rekap, None),
            judul_anak: self.judul_anak(&anak),
            anak: anak.iter().map(|&c| self.tautan_wilayah(c)).collect(),
            peta: self.peta(Some(w), &anak),
            kelompok: Vec::new(),
            rapat: m.rapat.iter().map(|r| self.ringkas_rapat(r.0.0)).collect(),
            jadwal,
            jadwal_lalu,
            pengumuman: ada_jadwal.then(|| self.pengumuman_terbit()),
            kalender: m.ada_kalender.then(|| self.path(Halaman::Kalender(w))),
            jadwal_kota: self.tautan_jadwal_kota(w),
            verval: self.verval_wilayah(w),
            desil: self.desil_wilayah(w),
            cakupan: self.cakupan_wilayah(w),
            anggaran: self.anggaran_wilayah(Some(w)),
            rekonsiliasi: self.ringkas_rekon(w),
            peringkat: m.peringkat.then(|| Tautan {
                label: self.judul_peringkat(Some(w)),
                href: self.path(Halaman::Peringkat(Some(w))),
            }),
            bandingkan: self.banding_wilayah(w),
            // read from the inputs (its figures and children), so the fingerprint covers it
            ringkas: super::ringkas::ada_ringkas(m.rekap, m.anak.len())
                .then(|| self.tautan_ringkas(Some(w))),
            asal: self.asal_halaman(Some(w)),
            pengaduan: self.pengaduan_wilayah(w, m.rekap),
            dikoreksi: m.dikoreksi.map(|d| Tautan {
                label: self.kalimat_koreksi_wilayah(d),
                href: format!("{}#koreksi-{d}", self.path(Halaman::Koreksi)),
            }),
        }
    }

    /// The channels of `[[pengaduan]]` for a desa/kelurahan page: those for the region (or
    /// one above it) and for the programmes it has figures for (or for every programme); none
    /// above that level.
    pub(super) fn pengaduan_wilayah(
        &self,
        w: WilayahId,
        rekap: &Rekap,
    ) -> Vec<super::pengaduan::Saluran> {
        let node = self.data.wilayah.node(w);
        if node.tingkat != Tingkat::DesaKelurahan {
            return Vec::new();
        }
        let mut program: Vec<crate::data::ProgramId> =
            rekap.sel.iter().map(|(k, _)| k.program).collect();
        program.sort();
        program.dedup();
        let kode: Vec<&str> = program
            .iter()
            .map(|p| self.data.program[p.indeks()].kode.as_str())
            .collect();
        super::pengaduan::untuk(self.config, &[node.kode_teks.as_str()], &kode)
    }

    /// A region page's path: `wilayah/<prov>/<kode>.html`, in one folder per provinsi named
    /// by the full code (`wilayah/35/35.75.01.1001.html`). A folder of 83.762 files would
    /// make threads wait on its lock; a folder per kecamatan would mean 7.000 folders to
    /// recreate on every incremental publish.
    pub(super) fn path_wilayah(&self, w: WilayahId) -> String {
        self.path_di_provinsi(w, "html")
    }

    /// `wilayah/<prov>/<kode>.<ext>`: a region's page, calendar or download.
    pub(super) fn path_di_provinsi(&self, w: WilayahId, ext: &str) -> String {
        let kode = &self.data.wilayah.node(w).kode_teks;
        format!("wilayah/{}/{kode}.{ext}", &kode[..kode.len().min(2)])
    }

    /// Everything a region page is made from.
    pub fn masukan_wilayah(&self, w: WilayahId) -> MasukanWilayah<'_> {
        let tree = &self.data.wilayah;
        let ringkas = |id: WilayahId| self.ringkas(id);
        let sub = |f: &dyn Fn(&mut xxhash_rust::xxh3::Xxh3)| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            f(&mut h);
            h.finish()
        };
        MasukanWilayah {
            umum: self.sidik_umum,
            wilayah: ringkas(w),
            leluhur: tree.ancestors(w).into_iter().map(ringkas).collect(),
            kk: self.report.kk[w.indeks()],
            penduduk: self.report.penduduk[w.indeks()],
            rekap: &self.report.wilayah[w.indeks()],
            langsung: self.report.langsung(w),
            anak: tree
                .node(w)
                .anak
                .iter()
                .map(|&c| (ringkas(c), &self.report.wilayah[c.indeks()]))
                .collect(),
            harian: self.report.harian.sidik(w),
            subtree: self.report.sidik_subtree.get(w.indeks()).copied(),
            jadwal: sub(&|h| self.hash_jadwal(w, h)),
            ada_kalender: self.jadwal_wilayah.contains_key(&w),
            jadwal_kota: self.jadwal_kota.contains_key(&self.kota_jadwal(w)),
            verval: self.report.verval.get(&w),
            desil: self.report.desil.get(&w),
            cakupan: sub(&|h| self.hash_cakupan(w, h)),
            anggaran: sub(&|h| self.hash_anggaran(w, h)),
            gagal: sub(&|h| self.hash_gagal_wilayah(w, h)),
            rekon: sub(&|h| self.hash_ringkas_rekon(w, h)),
            asal: sub(&|h| self.hash_asal(w, h)),
            peta: sub(&|h| self.hash_peta(&tree.node(w).anak, h)),
            peringkat: self.peringkat_wilayah[w.indeks()],
            dikoreksi: self.koreksi_wilayah(w),
            rapat: self
                .rapat_wilayah
                .get(&w)
                .into_iter()
                .flatten()
                .map(|&i| {
                    let r = &self.content.rapat[i];
                    (TanpaSidik(i), r.slug.as_str(), r.judul.as_str(), r.tanggal)
                })
                .collect(),
        }
    }

    /// Region `id` as a page shows it: its code and name.
    pub(super) fn ringkas(&self, id: WilayahId) -> Ringkas<'_> {
        let node = self.data.wilayah.node(id);
        Ringkas {
            id: TanpaSidik(id),
            kode: &node.kode,
            nama: &node.nama,
        }
    }

    /// A region page's fingerprint: the hash of its inputs.
    pub(super) fn sidik_wilayah(&self, w: WilayahId) -> u64 {
        sidik_dari(self.masukan_wilayah(w))
    }
}

/// Everything a region page is made from beyond what every page shares: its fingerprint is
/// this value's hash ([`Situs::sidik_wilayah`]) and its context is made from it
/// ([`Situs::konteks_wilayah`]), so that a new thing on the page is a new field here, and
/// hashed by that.
#[derive(Debug, Hash)]
pub struct MasukanWilayah<'s> {
    /// What every page shares (theme, settings, programmes, tahap, penyalur, data dates).
    pub umum: u64,
    /// The region.
    pub wilayah: Ringkas<'s>,
    /// Its ancestors, from the top (the breadcrumb).
    pub leluhur: Vec<Ringkas<'s>>,
    /// Households, rolled up from the regions below.
    pub kk: Option<u64>,
    /// Population, rolled up from the regions below.
    pub penduduk: Option<u64>,
    /// Its figures (the tables, the charts and the trend per tahap, [`super::tren`], whose
    /// order of tahap is their dates, in `umum`).
    pub rekap: &'s Rekap,
    /// The figures given for it directly, not broken down.
    pub langsung: Option<&'s Rekap>,
    /// Its children and their figures (the tables and the children's chart).
    pub anak: Vec<(Ringkas<'s>, &'s Rekap)>,
    /// Every paid row of its subtree (the realisation-over-time chart).
    pub harian: u64,
    /// Its subtree's figures (the deadline view counts the villages below that will miss
    /// the target).
    pub subtree: Option<u64>,
    /// Its schedule slots.
    pub jadwal: u64,
    /// Whether it has a calendar.
    pub ada_kalender: bool,
    /// Whether its kabupaten/kota has a schedule overview.
    pub jadwal_kota: bool,
    /// Its verification funnels.
    pub verval: Option<&'s Vec<Corong>>,
    /// Its households per decile.
    pub desil: Option<&'s Vec<SebaranDesil>>,
    /// Its children's households per decile (the coverage table; its programmes, tahap,
    /// own deciles and children's figures are hashed above).
    pub cakupan: u64,
    /// Its budget section as shown (a summed budget is set against the payments of the
    /// regions below that have one, [`super::anggaran`]).
    pub anggaran: u64,
    /// How its failure counts by reason are shown.
    pub gagal: u64,
    /// The reconciliation rows of its subtree.
    pub rekon: u64,
    /// Where its figures come from.
    pub asal: u64,
    /// Its children's map beyond their figures and names: `[peta]`, their boundaries and
    /// households ([`Situs::hash_peta`]).
    pub peta: u64,
    /// Whether its children have a ranking page.
    pub peringkat: bool,
    /// The date of its latest correction (the notice linking to the history).
    pub dikoreksi: Option<jiff::civil::Date>,
    /// The meeting notes that name it: slug, title, day.
    pub rapat: Vec<(TanpaSidik<usize>, &'s str, &'s str, jiff::civil::Date)>,
}

/// The home page.
pub struct HalamanBeranda;

impl JenisHalaman for HalamanBeranda {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE_BERANDA;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH_BERANDA.to_string()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Wilayah(Box::new(s.konteks_beranda()))
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.beranda")
    }
}

/// A region's page.
pub struct HalamanWilayah;

impl JenisHalaman for HalamanWilayah {
    type Kunci = WilayahId;
    const TEMPLATE: &'static str = TEMPLATE_WILAYAH;
    fn path(s: &Situs<'_>, w: WilayahId) -> String {
        s.path_wilayah(w)
    }
    fn sidik(s: &Situs<'_>, w: WilayahId) -> u64 {
        s.sidik_wilayah(w)
    }
    fn konteks(s: &Situs<'_>, w: WilayahId) -> Konteks {
        Konteks::Wilayah(Box::new(s.konteks_wilayah(w)))
    }
    fn asal(s: &Situs<'_>, w: WilayahId) -> Asal {
        s.asal_wilayah(w)
    }
}
