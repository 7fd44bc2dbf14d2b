//! The `analysis` stage: pure functions from a [`Dataset`] to a [`Report`]. No I/O.
//!
//! For every region at every level × programme × tahap × penyalur: allocated and paid KPM and
//! rupiah, failed KPM by reason, what remains and the realisation rate. A parent's figures are
//! always the sums of its children's; rows that name a region above the desa/kelurahan level
//! are kept apart as that region's "not broken down" share, so the sum still holds.

pub mod anggaran;
pub mod asal;
pub mod banding;
pub mod cakupan;
pub mod desil;
pub mod gagal;
pub mod harian;
pub mod koreksi;
pub mod kualitas;
pub mod pengaduan;
pub mod perubahan;
pub mod privasi;
pub mod rekonsiliasi;
pub mod verval;

use jiff::civil::Date;

use crate::diagnostics::Diagnostics;

pub use harian::Harian;

use crate::config::Config;
use crate::data::{AlasanId, Dataset, PenyalurId, ProgramId, Status, TahapId, WilayahId};

// Overflow: every sum here (and in the roll-up, the failure tables, the reconciliation, the
// schedule's KPM per day, the funnels, deciles, comparisons and downloads) adds rows of one
// column of one input, and the data stage refuses a column whose total over its file passes
// `data::JUMLAH_MAKS` (`i64::MAX`), at the row that makes it pass. So no sum can pass it
// either: the saturating additions below never saturate, and every figure also fits the
// `i64` it is written with. (Checking there costs one comparison per value as the rows are
// merged; the analysis adds nothing.)

/// Integer rupiah with a flag for whether every contributing row had an amount.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Rupiah {
    /// The sum of the known amounts.
    pub jumlah: u64,
    /// The number of contributing rows without an amount.
    pub tanpa_nilai: u64,
}

impl Rupiah {
    fn add(&mut self, nilai: Option<u64>) {
        match nilai {
            Some(n) => self.jumlah = self.jumlah.saturating_add(n),
            None => self.tanpa_nilai = self.tanpa_nilai.saturating_add(1),
        }
    }

    fn merge(&mut self, other: &Rupiah) {
        self.jumlah = self.jumlah.saturating_add(other.jumlah);
        self.tanpa_nilai = self.tanpa_nilai.saturating_add(other.tanpa_nilai);
    }

    /// The amount, when every contributing row had one.
    pub fn lengkap(&self) -> Option<u64> {
        (self.tanpa_nilai == 0).then_some(self.jumlah)
    }
}

/// The figures of one region × programme × tahap × penyalur.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Angka {
    /// KPM allocated.
    pub alokasi_kpm: u64,
    /// Rupiah allocated.
    pub alokasi_nilai: Rupiah,
    /// KPM paid.
    pub tersalur_kpm: u64,
    /// Rupiah paid.
    pub tersalur_nilai: Rupiah,
    /// KPM whose payment failed.
    pub gagal_kpm: u64,
    /// KPM paid in the last [`LAJU_HARI`] days up to the tahap's latest data day (the pace).
    pub tersalur_7hari: u64,
    /// The rows of `alokasi.csv` and `realisasi.csv` these figures were summed from (a
    /// table's source line cites them).
    pub baris: u64,
}

/// The number of days the pace of realisation is measured over.
pub const LAJU_HARI: i32 = 7;

impl Angka {
    /// Adds `other` into `self`.
    pub fn merge(&mut self, other: &Angka) {
        self.alokasi_kpm = self.alokasi_kpm.saturating_add(other.alokasi_kpm);
        self.alokasi_nilai.merge(&other.alokasi_nilai);
        self.tersalur_kpm = self.tersalur_kpm.saturating_add(other.tersalur_kpm);
        self.tersalur_nilai.merge(&other.tersalur_nilai);
        self.gagal_kpm = self.gagal_kpm.saturating_add(other.gagal_kpm);
        self.tersalur_7hari = self.tersalur_7hari.saturating_add(other.tersalur_7hari);
        self.baris = self.baris.saturating_add(other.baris);
    }

    /// KPM neither paid nor failed yet: allocation − paid − failed (negative when more was
    /// reported than allocated).
    pub fn sisa_kpm(&self) -> i64 {
        let reported = i128::from(self.tersalur_kpm) + i128::from(self.gagal_kpm);
        (i128::from(self.alokasi_kpm) - reported).clamp(i128::from(i64::MIN), i128::from(i64::MAX))
            as i64
    }

    /// The realisation rate, paid / allocated; `None` without an allocation.
    pub fn realisasi(&self) -> Option<f64> {
        (self.alokasi_kpm > 0).then(|| self.tersalur_kpm as f64 / self.alokasi_kpm as f64)
    }
}

/// What a cell is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Kunci {
    /// Programme.
    pub program: ProgramId,
    /// Stage.
    pub tahap: TahapId,
    /// Paying channel.
    pub penyalur: PenyalurId,
}

/// Failed KPM of one cell for one reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GagalAlasan {
    /// The cell.
    pub kunci: Kunci,
    /// The reason.
    pub alasan: AlasanId,
    /// KPM.
    pub kpm: u64,
}

/// The figures of one region, sorted by [`Kunci`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Rekap {
    /// Figures per programme × tahap × penyalur.
    pub sel: Vec<(Kunci, Angka)>,
    /// Failures per cell and reason, sorted.
    pub gagal: Vec<GagalAlasan>,
}

impl Rekap {
    fn cell(&mut self, kunci: Kunci) -> &mut Angka {
        let i = match self.sel.binary_search_by_key(&kunci, |(k, _)| *k) {
            Ok(i) => i,
            Err(i) => {
                self.sel.insert(i, (kunci, Angka::default()));
                i
            }
        };
        &mut self.sel[i].1
    }

    fn add_gagal(&mut self, kunci: Kunci, alasan: AlasanId, kpm: u64) {
        match self
            .gagal
            .binary_search_by_key(&(kunci, alasan), |g| (g.kunci, g.alasan))
        {
            Ok(i) => self.gagal[i].kpm = self.gagal[i].kpm.saturating_add(kpm),
            Err(i) => self.gagal.insert(i, GagalAlasan { kunci, alasan, kpm }),
        }
    }

    /// Adds every figure of `other` into `self`.
    pub fn merge(&mut self, other: &Rekap) {
        for (k, a) in &other.sel {
            self.cell(*k).merge(a);
        }
        for g in &other.gagal {
            self.add_gagal(g.kunci, g.alasan, g.kpm);
        }
    }

    /// Whether there are no figures.
    pub fn is_empty(&self) -> bool {
        self.sel.is_empty()
    }

    /// The figures summed over penyalur, per programme × tahap.
    pub fn per_program_tahap(&self) -> Vec<((ProgramId, TahapId), Angka)> {
        let mut out: Vec<((ProgramId, TahapId), Angka)> = Vec::new();
        for (k, a) in &self.sel {
            match out.last_mut() {
                Some((key, sum)) if *key == (k.program, k.tahap) => sum.merge(a),
                _ => out.push(((k.program, k.tahap), *a)),
            }
        }
        out
    }

    /// The figures of one programme × tahap × penyalur (zero when there are none).
    pub fn angka_kunci(&self, kunci: Kunci) -> Angka {
        self.sel
            .binary_search_by_key(&kunci, |(k, _)| *k)
            .map_or_else(|_| Angka::default(), |i| self.sel[i].1)
    }

    /// The figures of one programme × tahap summed over penyalur. The cells are sorted by
    /// programme, then tahap, so they are one run, found by binary search: a page asks this
    /// for every programme, and a scan of every cell each time was quadratic in the number
    /// of programmes (16.000 programmes: 14% of a 20 s build).
    pub fn angka(&self, program: ProgramId, tahap: TahapId) -> Angka {
        let awal = self
            .sel
            .partition_point(|(k, _)| (k.program, k.tahap) < (program, tahap));
        let mut sum = Angka::default();
        for (k, a) in &self.sel[awal..] {
            if (k.program, k.tahap) != (program, tahap) {
                break;
            }
            sum.merge(a);
        }
        sum
    }
}

/// Where a tahap stands against its target date, at the pace of its last days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Proyeksi {
    /// Paid / allocated on the data day.
    pub realisasi: Option<f64>,
    /// KPM paid per day over the last [`LAJU_HARI`] days.
    pub laju_per_hari: f64,
    /// KPM still to pay (allocated − paid − failed).
    pub sisa_kpm: u64,
    /// The day everything would be paid at that pace (`None` when nothing is being paid).
    pub selesai: Option<Date>,
    /// Whether that day is on or before the target.
    pub tepat_waktu: bool,
}

/// The days still needed to pay what is left at the pace of the last [`LAJU_HARI`] days: 0
/// when nothing is left, `None` when nothing is being paid. Pure.
pub fn hari_lagi(angka: &Angka) -> Option<f64> {
    let sisa = angka.sisa_kpm().max(0) as u64;
    let laju = angka.tersalur_7hari as f64 / f64::from(LAJU_HARI);
    if sisa == 0 {
        Some(0.0)
    } else if laju > 0.0 {
        Some((sisa as f64 / laju).ceil())
    } else {
        None
    }
}

/// Whether a cell will be fully paid within `hari_sampai_target` days at its recent pace: the
/// verdict of [`proyeksi`] without its date arithmetic, for counting many regions.
pub fn tepat_waktu(angka: &Angka, hari_sampai_target: i64) -> bool {
    hari_lagi(angka).is_some_and(|h| h <= 3650.0 && h <= hari_sampai_target as f64)
}

/// Projects when a cell (or a region's sum for a programme) will be fully paid, from its
/// figures on `data_per` and the pace of its last [`LAJU_HARI`] days. Pure.
pub fn proyeksi(angka: &Angka, data_per: Date, target: Date) -> Proyeksi {
    let sisa = angka.sisa_kpm().max(0) as u64;
    let laju = angka.tersalur_7hari as f64 / f64::from(LAJU_HARI);
    let selesai = if sisa == 0 {
        Some(data_per)
    } else if let Some(hari) = hari_lagi(angka) {
        // beyond ten years the date is meaningless: call it never
        (hari <= 3650.0)
            .then(|| {
                data_per
                    .checked_add(jiff::Span::new().days(hari as i64))
                    .ok()
            })
            .flatten()
    } else {
        None
    };
    Proyeksi {
        realisasi: angka.realisasi(),
        laju_per_hari: laju,
        sisa_kpm: sisa,
        tepat_waktu: selesai.is_some_and(|d| d <= target),
        selesai,
    }
}

/// A data-quality finding: not an error, but something a reader should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Temuan {
    /// More was paid or failed than allocated.
    MelebihiAlokasi {
        /// Region.
        wilayah: WilayahId,
        /// Cell.
        kunci: Kunci,
        /// The cell's figures.
        angka: Angka,
    },
    /// Realisation without any allocation.
    TanpaAlokasi {
        /// Region.
        wilayah: WilayahId,
        /// Cell.
        kunci: Kunci,
        /// The cell's figures.
        angka: Angka,
    },
}

/// Everything the site shows, computed from the dataset.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Figures per region including all its descendants, indexed by [`WilayahId`].
    pub wilayah: Vec<Rekap>,
    /// Figures given for a region directly (not for one of its children), for regions above
    /// the desa/kelurahan level that have such rows.
    pub langsung: Vec<(WilayahId, Rekap)>,
    /// Figures of the whole site.
    pub total: Rekap,
    /// The date the figures describe.
    pub data_per: Option<Date>,
    /// Per tahap, the latest day of its realisation rows, indexed by [`TahapId`].
    pub tahap_data_per: Vec<Option<Date>>,
    /// The figures' data-quality findings, in region order, as [`angka`] makes them;
    /// [`Analisis::laporan`] moves them into [`Report::kualitas`] with every other finding.
    pub temuan: Vec<Temuan>,
    /// Every non-fatal finding of every check ([`Analisis::laporan`]).
    pub kualitas: Vec<kualitas::TemuanMutu>,
    /// Paid KPM per day, for the charts of realisation over time.
    pub harian: Harian,
    /// Per region, a fingerprint of the figures given for it and for every region below it
    /// (what a page that looks at its villages one by one depends on), indexed by
    /// [`WilayahId`].
    pub sidik_subtree: Vec<u64>,
    /// Verification funnels per region (its own, or the sum of those below it).
    pub verval: rustc_hash::FxHashMap<WilayahId, Vec<verval::Corong>>,
    /// Households per DTSEN decile per region (its own, or the sum of those below it).
    pub desil: rustc_hash::FxHashMap<WilayahId, Vec<desil::SebaranDesil>>,
    /// Failures by reason code per programme × tahap × penyalur over the region tree, small
    /// counts suppressed; sorted by [`Kunci`].
    pub gagal: Vec<gagal::TabelGagal>,
    /// The channels' reports set against Dinsos's figures, in file order
    /// ([`rekonsiliasi::hitung`]).
    pub rekonsiliasi: Vec<rekonsiliasi::Rekonsiliasi>,
    /// Households per region: its own `kk`, else the sum of its children's when every child
    /// has one ([`banding::gulung`]), indexed by [`WilayahId`].
    pub kk: Vec<Option<u64>>,
    /// Population per region, rolled up like [`Report::kk`].
    pub penduduk: Vec<Option<u64>>,
    /// The regions of each `[[bandingkan]]` entry of `site.toml`
    /// ([`banding::wilayah_banding`]).
    pub bandingkan: Vec<Vec<WilayahId>>,
    /// What changed from each programme's previous tahap ([`perubahan::hitung`]).
    pub perubahan: Vec<perubahan::Perubahan>,
    /// Where each region's figures come from (`data/sumber_angka.csv`, [`asal::hitung`]).
    pub asal: asal::Asal,
    /// Budgets per region, programme and year (`data/anggaran.csv`, [`anggaran::hitung`]).
    pub anggaran: anggaran::Anggaran,
    /// The suppression decisions of this report's failure tables, by table: what the next
    /// build starts from ([`privasi::Tembolok`]).
    pub privasi: privasi::Tembolok,
    /// The history of corrections: the published figures that changed between publications,
    /// newest first ([`koreksi::hitung`], set by the build once the previous publication is
    /// read; empty for `salur check`).
    pub koreksi: Vec<crate::data::koreksi::Koreksi>,
}

impl Report {
    /// How many findings about the figures (more reported than allocated, reported without
    /// allocation) [`Report::kualitas`] holds.
    pub fn jumlah_temuan_angka(&self) -> usize {
        self.kualitas
            .iter()
            .filter(|t| {
                matches!(
                    t.jenis,
                    kualitas::JenisTemuan::MelebihiAlokasi | kualitas::JenisTemuan::TanpaAlokasi
                )
            })
            .count()
    }

    /// The figures given for `id` directly, if any.
    pub fn langsung(&self, id: WilayahId) -> Option<&Rekap> {
        self.langsung
            .binary_search_by_key(&id, |(w, _)| *w)
            .ok()
            .map(|i| &self.langsung[i].1)
    }
}

/// Sums allocation and realisation rows per region and cell (not yet rolled up).
///
/// Rows come in any order, so each one is a random access into the cells: the cells live in
/// hash maps keyed by (region, cell), one map per core, each core taking the regions
/// `w % cores == part` while scanning all rows. No map is shared and none needs merging.
fn aggregate(ds: &Dataset, tahap_data_per: &[Option<Date>]) -> Vec<Rekap> {
    use rayon::prelude::*;
    use rustc_hash::FxHashMap;

    type Sel = FxHashMap<(WilayahId, Kunci), Angka>;
    type Gagal = FxHashMap<(WilayahId, Kunci, AlasanId), u64>;
    let parts = rayon::current_num_threads().max(1);
    // the first day of each tahap's pace window, compared as dates (cheap) row by row
    let pace_from: Vec<Option<Date>> = tahap_data_per
        .iter()
        .map(|d| d.and_then(|d| d.checked_sub(jiff::Span::new().days(LAJU_HARI - 1)).ok()))
        .collect();
    let maps: Vec<(Sel, Gagal)> = (0..parts)
        .into_par_iter()
        .map(|part| {
            let mine = |w: WilayahId| w.indeks() % parts == part;
            let mut sel = Sel::default();
            let mut gagal = Gagal::default();
            sel.reserve(ds.alokasi.len() / parts + 16);
            for a in ds.alokasi.iter().filter(|a| mine(a.wilayah)) {
                let kunci = Kunci {
                    program: a.program,
                    tahap: a.tahap,
                    penyalur: a.penyalur,
                };
                let cell = sel.entry((a.wilayah, kunci)).or_default();
                cell.alokasi_kpm = cell.alokasi_kpm.saturating_add(a.kpm);
                cell.alokasi_nilai.add(a.nilai);
                cell.baris += 1;
            }
            for r in ds.realisasi.iter().filter(|r| mine(r.wilayah)) {
                let kunci = Kunci {
                    program: r.program,
                    tahap: r.tahap,
                    penyalur: r.penyalur,
                };
                let cell = sel.entry((r.wilayah, kunci)).or_default();
                cell.baris += 1;
                match r.status {
                    Status::Tersalur => {
                        cell.tersalur_kpm = cell.tersalur_kpm.saturating_add(r.kpm);
                        cell.tersalur_nilai.add(r.nilai);
                        if pace_from[r.tahap.indeks()].is_some_and(|from| r.tanggal >= from) {
                            cell.tersalur_7hari = cell.tersalur_7hari.saturating_add(r.kpm);
                        }
                    }
                    Status::Gagal => {
                        cell.gagal_kpm = cell.gagal_kpm.saturating_add(r.kpm);
                        if let Some(alasan) = r.alasan {
                            let g = gagal.entry((r.wilayah, kunci, alasan)).or_default();
                            *g = g.saturating_add(r.kpm);
                        }
                    }
                }
            }
            (sel, gagal)
        })
        .collect();

    let mut direct: Vec<Rekap> = vec![Rekap::default(); ds.wilayah.len()];
    for (sel, gagal) in maps {
        for ((w, kunci), angka) in sel {
            direct[w.indeks()].sel.push((kunci, angka));
        }
        for ((w, kunci, alasan), kpm) in gagal {
            direct[w.indeks()]
                .gagal
                .push(GagalAlasan { kunci, alasan, kpm });
        }
    }
    direct.par_iter_mut().for_each(|r| {
        r.sel.sort_unstable_by_key(|(k, _)| *k);
        r.gagal.sort_unstable_by_key(|g| (g.kunci, g.alasan));
    });
    direct
}

/// A fingerprint of one region's own figures: a sum of one hash per cell and per failure
/// reason, each over its fields packed as integers and seeded with the region (cheaper than
/// feeding the structs to a streaming hasher field by field).
fn sidik_rekap(w: u64, r: &Rekap) -> u64 {
    use xxhash_rust::xxh3::xxh3_64_with_seed;
    let kunci = |k: &Kunci| {
        (u64::from(k.program) << 32) | (u64::from(k.tahap) << 16) | u64::from(k.penyalur)
    };
    let mut sum = 0u64;
    for (k, a) in &r.sel {
        let fields: [u64; 10] = [
            kunci(k),
            a.alokasi_kpm,
            a.alokasi_nilai.jumlah,
            a.alokasi_nilai.tanpa_nilai,
            a.tersalur_kpm,
            a.tersalur_nilai.jumlah,
            a.tersalur_nilai.tanpa_nilai,
            a.gagal_kpm,
            a.tersalur_7hari,
            a.baris,
        ];
        let mut bytes = [0u8; 80];
        for (chunk, f) in bytes.chunks_exact_mut(8).zip(fields) {
            chunk.copy_from_slice(&f.to_le_bytes());
        }
        sum = sum.wrapping_add(xxh3_64_with_seed(&bytes, w));
    }
    for g in &r.gagal {
        let mut bytes = [0u8; 24];
        bytes[..8].copy_from_slice(&kunci(&g.kunci).to_le_bytes());
        bytes[8..16].copy_from_slice(&u64::from(g.alasan).to_le_bytes());
        bytes[16..].copy_from_slice(&g.kpm.to_le_bytes());
        sum = sum.wrapping_add(xxh3_64_with_seed(&bytes, w ^ 0x5bd1_e995));
    }
    sum
}

/// Gives every region the figures of its own for each key (a period, a programme × period),
/// or, when it has none, the sum of the nearest figures below it: each region's own figures
/// are added into every ancestor up to the first that has its own. `kosong` makes an empty
/// sum shaped like a region's figures; `tambah` adds figures into a sum (and may refuse
/// figures that cannot be added, such as a funnel with other steps). Used for verification
/// funnels and DTSEN deciles, which are given at any level.
pub fn sendiri_atau_jumlah<K, V>(
    ds: &Dataset,
    sendiri: rustc_hash::FxHashMap<(WilayahId, K), V>,
    kosong: impl Fn(&V) -> V,
    tambah: impl Fn(&mut V, &V),
) -> rustc_hash::FxHashMap<(WilayahId, K), V>
where
    K: Copy + Eq + std::hash::Hash + Ord,
    V: Clone,
{
    let mut out = sendiri.clone();
    let mut sumber: Vec<(&(WilayahId, K), &V)> = sendiri.iter().collect();
    sumber.sort_by_key(|(k, _)| **k);
    for (&(w, k), v) in sumber {
        for a in ds.wilayah.ancestors(w).into_iter().rev() {
            if sendiri.contains_key(&(a, k)) {
                break;
            }
            let sum = out.entry((a, k)).or_insert_with(|| kosong(v));
            tambah(sum, v);
        }
    }
    out
}

/// The analysis of a site: its figures and what the analysis found wrong with them.
///
/// The one step it cannot take alone is the data-quality list ([`Report::kualitas`]), which
/// sets the figures' findings beside the warnings of every stage, its own included:
/// [`Analisis::laporan`] takes those and gives the whole [`Report`].
#[derive(Debug, Clone)]
pub struct Analisis {
    report: Report,
    /// What the comparisons (`[[bandingkan]]`) and the reconciliation with the channels found:
    /// errors that stop the build, and warnings.
    pub masalah: Diagnostics,
}

impl Analisis {
    /// The date the figures describe (`data_as_of` of `site.toml`, else the latest day in the
    /// data): what the meeting notes' dates are checked against before the report is whole.
    pub fn data_per(&self) -> Option<Date> {
        self.report.data_per
    }

    /// The whole report: the figures' findings join `peringatan`, the warnings of every stage
    /// (this analysis's [`Analisis::masalah`] among them), in [`Report::kualitas`].
    pub fn laporan(self, ds: &Dataset, peringatan: &Diagnostics) -> Report {
        let mut report = self.report;
        // a national site has 200.000 findings: moved, not copied
        let temuan = std::mem::take(&mut report.temuan);
        report.kualitas = kualitas::temuan(ds, &report, temuan, peringatan);
        report
    }
}

/// Analyses the site: the figures of every region ([`angka`]), the regions of each comparison of
/// `site.toml` ([`banding::wilayah_banding`]) and the channels' reports set against Dinsos's
/// figures ([`rekonsiliasi::hitung`], checked by [`rekonsiliasi::periksa`]).
pub fn analyse(ds: &Dataset, config: &Config) -> Analisis {
    analyse_dengan(ds, config, &privasi::Tembolok::default())
}

/// [`analyse`], taking the suppression decisions `tembolok` holds from an earlier build
/// ([`privasi::Tembolok`]); the same report as without them.
pub fn analyse_dengan(ds: &Dataset, config: &Config, tembolok: &privasi::Tembolok) -> Analisis {
    let mut report = angka_dengan(ds, config.data_as_of, config.privasi.min_kpm, tembolok);
    let (bandingkan, mut masalah) = banding::wilayah_banding(ds, &config.bandingkan);
    report.bandingkan = bandingkan;
    masalah.extend(pengaduan::periksa(ds, &config.pengaduan));
    let (anggaran, lebih) = anggaran::hitung(ds);
    report.anggaran = anggaran;
    masalah.extend(lebih);
    report.rekonsiliasi = rekonsiliasi::hitung(ds, &config.rekonsiliasi);
    masalah.extend(rekonsiliasi::periksa(
        ds,
        &report.rekonsiliasi,
        &config.rekonsiliasi,
    ));
    Analisis { report, masalah }
}

/// The figures of every region: allocation and realisation rolled up the tree, failures,
/// changes, sources and the figures' findings. `data_as_of` overrides the date taken from the
/// data; groups under `min_kpm` are suppressed. What needs `site.toml`'s comparisons and
/// reconciliation rules, and the data-quality list, are left empty: [`analyse`] fills them.
pub fn angka(ds: &Dataset, data_as_of: Option<Date>, min_kpm: u64) -> Report {
    angka_dengan(ds, data_as_of, min_kpm, &privasi::Tembolok::default())
}

/// [`angka`], taking the suppression decisions `tembolok` holds ([`privasi::Tembolok`]).
pub fn angka_dengan(
    ds: &Dataset,
    data_as_of: Option<Date>,
    min_kpm: u64,
    tembolok: &privasi::Tembolok,
) -> Report {
    let n = ds.wilayah.len();
    let mut tahap_data_per: Vec<Option<Date>> = vec![None; ds.tahap.len()];
    for r in &ds.realisasi {
        let slot = &mut tahap_data_per[r.tahap.indeks()];
        *slot = (*slot).max(Some(r.tanggal));
    }
    let (direct, harian) = rayon::join(|| aggregate(ds, &tahap_data_per), || Harian::new(ds));

    let mut temuan = Vec::new();
    for (w, rekap) in WilayahId::semua(direct.len()).zip(&direct) {
        for (kunci, angka) in &rekap.sel {
            let dilaporkan = angka.tersalur_kpm.saturating_add(angka.gagal_kpm);
            if angka.alokasi_kpm == 0 && dilaporkan > 0 {
                temuan.push(Temuan::TanpaAlokasi {
                    wilayah: w,
                    kunci: *kunci,
                    angka: *angka,
                });
            } else if dilaporkan > angka.alokasi_kpm {
                temuan.push(Temuan::MelebihiAlokasi {
                    wilayah: w,
                    kunci: *kunci,
                    angka: *angka,
                });
            }
        }
    }

    let langsung: Vec<(WilayahId, Rekap)> = direct
        .iter()
        .enumerate()
        .filter(|(w, r)| !r.is_empty() && !ds.wilayah.nodes[*w].anak.is_empty())
        .filter_map(|(w, r)| Some((WilayahId::baru(w)?, r.clone())))
        .collect();

    // A fingerprint per subtree: each region's own figures hashed with its id, summed up the
    // tree (a sum does not depend on the order the children are added in).
    let mut sidik_subtree: Vec<u64> = {
        use rayon::prelude::*;
        direct
            .par_iter()
            .enumerate()
            .map(|(w, r)| sidik_rekap(w as u64, r))
            .collect()
    };
    for w in (0..n).rev() {
        if let Some(parent) = ds.wilayah.nodes[w].induk {
            sidik_subtree[parent.indeks()] =
                sidik_subtree[parent.indeks()].wrapping_add(sidik_subtree[w]);
        }
    }

    // Regions are sorted by code, so every parent comes before its descendants: summing from
    // the end adds each region into its parent after all of its own children were added.
    let mut rolled = direct;
    for w in (0..n).rev() {
        if let Some(parent) = ds.wilayah.nodes[w].induk {
            let (head, tail) = rolled.split_at_mut(w);
            head[parent.indeks()].merge(&tail[0]);
        }
    }
    let mut total = Rekap::default();
    for &root in &ds.wilayah.akar {
        total.merge(&rolled[root.indeks()]);
    }

    let mut report = Report {
        wilayah: rolled,
        langsung,
        total,
        data_per: data_as_of.or_else(|| ds.latest_tanggal()),
        tahap_data_per,
        temuan,
        kualitas: Vec::new(),
        harian,
        sidik_subtree,
        verval: verval::per_wilayah(ds),
        desil: desil::per_wilayah(ds),
        gagal: Vec::new(),
        rekonsiliasi: Vec::new(),
        kk: banding::gulung(&ds.wilayah, |w| ds.wilayah.node(w).kk),
        penduduk: banding::gulung(&ds.wilayah, |w| ds.wilayah.node(w).penduduk),
        bandingkan: Vec::new(),
        perubahan: Vec::new(),
        asal: asal::Asal::default(),
        anggaran: anggaran::Anggaran::default(),
        privasi: privasi::Tembolok::default(),
        koreksi: Vec::new(),
    };
    (report.gagal, report.privasi) = gagal::per_kunci(ds, &report, min_kpm, tembolok);
    report.perubahan = perubahan::hitung(ds, &report);
    report.asal = asal::hitung(ds, &report);
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// `Rekap::angka` finds a programme × tahap's run of cells by binary search: the same
    /// sums as adding every matching cell, for pairs that are there and pairs that are not.
    #[test]
    fn angka_sums_the_run_of_a_programme_and_tahap() {
        let mut r = Rekap::default();
        for (p, t, py, n) in [
            (0, 1, 0, 5),
            (0, 1, 2, 7),
            (0, 2, 0, 1),
            (3, 1, 1, 9),
            (3, 0, 0, 4),
        ] {
            let k = Kunci {
                program: ProgramId::baru(p).unwrap(),
                tahap: TahapId::baru(t).unwrap(),
                penyalur: PenyalurId::baru(py).unwrap(),
            };
            r.cell(k).alokasi_kpm += n;
        }
        for p in (0..5).filter_map(ProgramId::baru) {
            for t in (0..4).filter_map(TahapId::baru) {
                let mut want = Angka::default();
                for (k, a) in &r.sel {
                    if (k.program, k.tahap) == (p, t) {
                        want.merge(a);
                    }
                }
                assert_eq!(r.angka(p, t), want, "{p:?} {t:?}");
            }
        }
        let (p0, t1) = (ProgramId::baru(0).unwrap(), TahapId::baru(1).unwrap());
        assert_eq!(r.angka(p0, t1).alokasi_kpm, 12);
    }

    fn angka(alokasi: u64, tersalur: u64, gagal: u64, pekan: u64) -> Angka {
        Angka {
            alokasi_kpm: alokasi,
            tersalur_kpm: tersalur,
            gagal_kpm: gagal,
            tersalur_7hari: pekan,
            ..Angka::default()
        }
    }

    #[test]
    fn projects_completion_at_the_recent_pace() {
        // 300 left at 70 a week = 10 a day: 30 days after 10 January
        let p = proyeksi(
            &angka(1000, 690, 10, 70),
            date(2022, 1, 10),
            date(2022, 1, 15),
        );
        assert_eq!(p.sisa_kpm, 300);
        assert_eq!(p.laju_per_hari, 10.0);
        assert_eq!(p.selesai, Some(date(2022, 2, 9)));
        assert!(!p.tepat_waktu);
        // 30 left at 70 a week: 3 days, in time
        let p = proyeksi(
            &angka(1000, 960, 10, 70),
            date(2022, 1, 10),
            date(2022, 1, 15),
        );
        assert_eq!(p.selesai, Some(date(2022, 1, 13)));
        assert!(p.tepat_waktu);
    }

    #[test]
    fn done_never_and_exactly_on_time() {
        let done = proyeksi(&angka(100, 95, 5, 0), date(2022, 1, 10), date(2022, 1, 15));
        assert_eq!(done.selesai, Some(date(2022, 1, 10)));
        assert!(done.tepat_waktu);
        let stalled = proyeksi(&angka(100, 10, 0, 0), date(2022, 1, 10), date(2022, 1, 15));
        assert_eq!(stalled.selesai, None);
        assert!(!stalled.tepat_waktu);
        // 35 left at 7 a day: exactly the 15th
        let edge = proyeksi(&angka(100, 65, 0, 49), date(2022, 1, 10), date(2022, 1, 15));
        assert_eq!(edge.selesai, Some(date(2022, 1, 15)));
        assert!(edge.tepat_waktu);
        // the cheap verdict agrees: 5 days from the 10th to the 15th
        for a in [
            angka(100, 65, 0, 49),
            angka(100, 64, 0, 49),
            angka(100, 10, 0, 0),
            angka(100, 95, 5, 0),
        ] {
            let p = proyeksi(&a, date(2022, 1, 10), date(2022, 1, 15));
            assert_eq!(tepat_waktu(&a, 5), p.tepat_waktu, "{a:?}");
        }
    }
}
