//! Open data: the figures of every region page as CSV and JSON (`Halaman::UnduhAngka`), the
//! whole aggregate dataset as one CSV per kind (`unduh/<jenis>.csv`, `Halaman::Dataset`), and
//! `datapackage.json` describing every published data file with its schema, licence and
//! sources (a Frictionless Data Package). Also the source line under every figure table.
//!
//! Only aggregates are written, and failures by reason only as the suppressed tables of
//! [`crate::analysis::gagal`] allow.
//!
//! CSV files are UTF-8 with a byte-order mark (so that Excel reads the names right),
//! comma-separated, one header row, numbers without thousands separators and with a `.` for
//! decimals.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value, json};

use super::Ringkas;
use super::gagal::SelAlasan;
use super::{Halaman, Situs, Tautan};
use super::{JenisHalaman, Konteks, SELALU, jalur::Asal, sidik_dari};
use crate::analysis::Angka;
use crate::analysis::gagal::KOLOM;
use crate::dasar::csv::k;
pub use crate::dasar::csv::{BOM, Kolom, baris_csv, kepala_csv, sel_csv};
use crate::data::alasan::KodeAlasan;
use crate::data::{Tingkat, WilayahId};

/// Everything a figures download (a region's, or the whole site's) is made from beyond what
/// every page shares: a region's download is fingerprinted by this value's hash
/// ([`Situs::sidik_unduh_angka`]) and its text is made from it ([`Situs::unduh_angka`]).
#[derive(Debug, Hash)]
pub struct MasukanUnduhAngka<'s> {
    /// What every page shares (site title, programmes, tahap, penyalur, data dates, sources).
    pub umum: u64,
    /// The region (its name titles the JSON, its code names its page), or the whole site.
    pub wilayah: Option<Ringkas<'s>>,
    /// JSON rather than CSV.
    pub json: bool,
    /// Its rows: itself, its children with figures, its figures given directly.
    pub baris: Vec<BarisMasukanUnduhan<'s>>,
}

/// One region's rows in a figures download: one line per programme × tahap × penyalur.
#[derive(Debug, Hash)]
pub struct BarisMasukanUnduhan<'s> {
    /// `wilayah`, `bagian` or `tanpa_rincian`.
    pub peran: &'static str,
    /// The region (code, name, level), or the whole site.
    pub wilayah: Option<Ringkas<'s>>,
    /// Its parent's code.
    pub induk: Option<&'s crate::data::value::KodeWilayah>,
    /// Its figures per programme × tahap × penyalur.
    pub sel: &'s [(crate::analysis::Kunci, Angka)],
    /// Households.
    pub kk: Option<u64>,
    /// Population.
    pub penduduk: Option<u64>,
    /// Where its figures come from.
    pub asal: u64,
}

/// A site-wide dataset: one CSV per kind of figure, every region at every level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JenisData {
    /// `unduh/wilayah.csv`: the regions, with households and population.
    Wilayah,
    /// `unduh/realisasi.csv`: allocation and realisation per region × programme × tahap ×
    /// penyalur.
    Realisasi,
    /// `unduh/gagal.csv`: failures by reason, as suppressed.
    Gagal,
    /// `unduh/verval.csv`: verification funnels.
    Verval,
    /// `unduh/desil.csv`: households per DTSEN decile.
    Desil,
    /// `unduh/jadwal.csv`: the payment schedule's slots.
    Jadwal,
    /// `unduh/rekonsiliasi.csv`: the channels' reports against Dinsos's figures.
    Rekonsiliasi,
    /// `unduh/perubahan.csv`: what changed from each programme's previous tahap.
    Perubahan,
    /// `unduh/anggaran.csv`: budgets, rupiah paid and absorption per programme and year.
    Anggaran,
    /// `unduh/cakupan.csv`: KPM paid against the households in the targeted deciles.
    Cakupan,
    /// `unduh/riwayat_koreksi.csv`: the history of corrections ([`super::koreksi`]), written
    /// even when empty: the next build reads it back.
    Koreksi,
}

impl JenisData {
    /// Every kind, in the order the datapackage lists them.
    pub const SEMUA: [JenisData; 11] = [
        JenisData::Wilayah,
        JenisData::Realisasi,
        JenisData::Gagal,
        JenisData::Verval,
        JenisData::Desil,
        JenisData::Jadwal,
        JenisData::Rekonsiliasi,
        JenisData::Perubahan,
        JenisData::Anggaran,
        JenisData::Cakupan,
        JenisData::Koreksi,
    ];

    /// The file's name without extension.
    pub fn nama(self) -> &'static str {
        match self {
            JenisData::Wilayah => "wilayah",
            JenisData::Realisasi => "realisasi",
            JenisData::Gagal => "gagal",
            JenisData::Verval => "verval",
            JenisData::Desil => "desil",
            JenisData::Jadwal => "jadwal",
            JenisData::Rekonsiliasi => "rekonsiliasi",
            JenisData::Perubahan => "perubahan",
            JenisData::Anggaran => "anggaran",
            JenisData::Cakupan => "cakupan",
            JenisData::Koreksi => "riwayat_koreksi",
        }
    }

    fn kolom(self) -> &'static [Kolom] {
        match self {
            JenisData::Wilayah => KOLOM_WILAYAH,
            JenisData::Realisasi => KOLOM_ANGKA,
            JenisData::Gagal => KOLOM_GAGAL,
            JenisData::Verval => KOLOM_VERVAL,
            JenisData::Desil => KOLOM_DESIL,
            JenisData::Jadwal => KOLOM_JADWAL,
            JenisData::Rekonsiliasi => KOLOM_REKON,
            JenisData::Perubahan => KOLOM_PERUBAHAN,
            JenisData::Anggaran => KOLOM_ANGGARAN,
            JenisData::Cakupan => KOLOM_CAKUPAN,
            JenisData::Koreksi => KOLOM_KOREKSI,
        }
    }

    /// The download's title in the theme's words.
    fn judul<'k>(self, kata: super::kata::Kata<'k>) -> &'k str {
        kata.teks(match self {
            JenisData::Wilayah => "unduh_judul_wilayah",
            JenisData::Realisasi => "unduh_judul_realisasi",
            JenisData::Gagal => "unduh_judul_gagal",
            JenisData::Verval => "unduh_judul_verval",
            JenisData::Desil => "unduh_judul_desil",
            JenisData::Jadwal => "unduh_judul_jadwal",
            JenisData::Rekonsiliasi => "unduh_judul_rekonsiliasi",
            JenisData::Perubahan => "unduh_judul_perubahan",
            JenisData::Anggaran => "unduh_judul_anggaran",
            JenisData::Cakupan => "unduh_judul_cakupan",
            JenisData::Koreksi => "unduh_judul_koreksi",
        })
    }
}

/// The columns of the figures of a region × programme × tahap × penyalur.
const KOLOM_ANGKA: &[Kolom] = &[
    k("kode_wilayah", "string", "kolom_kode_wilayah"),
    k("nama_wilayah", "string", "kolom_nama_wilayah"),
    k("tingkat", "string", "kolom_tingkat"),
    k("kode_induk", "string", "kolom_kode_induk"),
    k("program", "string", "kolom_program"),
    k("tahap", "string", "kolom_tahap"),
    k("penyalur", "string", "kolom_penyalur"),
    k("alokasi_kpm", "integer", "kolom_alokasi_kpm"),
    k("alokasi_nilai", "integer", "kolom_alokasi_nilai"),
    k("tersalur_kpm", "integer", "kolom_tersalur_kpm"),
    k("tersalur_nilai", "integer", "kolom_tersalur_nilai"),
    k("gagal_kpm", "integer", "kolom_gagal_kpm"),
    k("sisa_kpm", "integer", "kolom_sisa_kpm"),
    k("realisasi_persen", "number", "kolom_realisasi_persen"),
    k("baris_sumber", "integer", "kolom_baris_sumber"),
    k("sifat_alokasi", "string", "kolom_sifat_alokasi"),
    k("sumber_alokasi", "string", "kolom_sumber_alokasi"),
    k("sifat_tersalur", "string", "kolom_sifat_tersalur"),
    k("sumber_tersalur", "string", "kolom_sumber_tersalur"),
    k("sifat_gagal", "string", "kolom_sifat_gagal"),
    k("sumber_gagal", "string", "kolom_sumber_gagal"),
];

/// The columns of a region page's download: its role, the figures, households and people.
const KOLOM_HALAMAN: &[Kolom] = &[
    k("peran", "string", "kolom_peran"),
    KOLOM_ANGKA[0],
    KOLOM_ANGKA[1],
    KOLOM_ANGKA[2],
    KOLOM_ANGKA[3],
    KOLOM_ANGKA[4],
    KOLOM_ANGKA[5],
    KOLOM_ANGKA[6],
    KOLOM_ANGKA[7],
    KOLOM_ANGKA[8],
    KOLOM_ANGKA[9],
    KOLOM_ANGKA[10],
    KOLOM_ANGKA[11],
    KOLOM_ANGKA[12],
    KOLOM_ANGKA[13],
    KOLOM_ANGKA[14],
    k("kk", "integer", "kolom_kk_halaman"),
    k("penduduk", "integer", "kolom_penduduk_halaman"),
    KOLOM_ANGKA[15],
    KOLOM_ANGKA[16],
    KOLOM_ANGKA[17],
    KOLOM_ANGKA[18],
    KOLOM_ANGKA[19],
    KOLOM_ANGKA[20],
];

const KOLOM_WILAYAH: &[Kolom] = &[
    KOLOM_ANGKA[0],
    KOLOM_ANGKA[1],
    KOLOM_ANGKA[2],
    KOLOM_ANGKA[3],
    k("kk", "integer", "kolom_kk_wilayah"),
    k("penduduk", "integer", "kolom_penduduk_wilayah"),
];

const KOLOM_GAGAL: &[Kolom] = &[
    KOLOM_ANGKA[0],
    KOLOM_ANGKA[1],
    KOLOM_ANGKA[2],
    KOLOM_ANGKA[4],
    KOLOM_ANGKA[5],
    KOLOM_ANGKA[6],
    k("alasan", "string", "kolom_alasan_gagal"),
    k("kpm", "integer", "kolom_kpm_gagal"),
    k("tampil", "string", "kolom_tampil"),
];

const KOLOM_VERVAL: &[Kolom] = &[
    k("periode", "string", "kolom_periode"),
    KOLOM_ANGKA[0],
    KOLOM_ANGKA[1],
    KOLOM_ANGKA[4],
    k("urutan", "integer", "kolom_urutan"),
    k("langkah", "string", "kolom_langkah"),
    k("jumlah", "integer", "kolom_jumlah"),
    k("dijumlahkan", "integer", "kolom_dijumlahkan"),
];

const KOLOM_DESIL: &[Kolom] = &[
    k("periode", "string", "kolom_periode"),
    KOLOM_ANGKA[0],
    KOLOM_ANGKA[1],
    k("desil", "integer", "kolom_desil"),
    k("kk", "integer", "kolom_kk_desil"),
    KOLOM_VERVAL[7],
];

/// Budgets: every region with one (its own row, or the sum of those below it).
const KOLOM_ANGGARAN: &[Kolom] = &[
    KOLOM_ANGKA[4],
    k("tahun", "integer", "kolom_tahun_anggaran"),
    KOLOM_ANGKA[0],
    KOLOM_ANGKA[1],
    k("pagu", "integer", "kolom_pagu"),
    k("tersalur_rp", "integer", "kolom_tersalur_rp"),
    k("serapan", "number", "kolom_serapan"),
    k("pagu_dijumlahkan", "integer", "kolom_pagu_dijumlahkan"),
];

/// Coverage against need: every region with decile figures, per programme with `desil_maks`.
const KOLOM_CAKUPAN: &[Kolom] = &[
    KOLOM_ANGKA[4],
    KOLOM_ANGKA[5],
    KOLOM_ANGKA[0],
    KOLOM_ANGKA[1],
    k("periode_desil", "string", "kolom_periode_desil"),
    k("desil_maks", "integer", "kolom_desil_maks"),
    KOLOM_ANGKA[9],
    k("kk_sasaran", "integer", "kolom_kk_sasaran"),
    k("cakupan_persen", "number", "kolom_cakupan_persen"),
    KOLOM_VERVAL[7],
];

const KOLOM_JADWAL: &[Kolom] = &[
    KOLOM_ANGKA[4],
    KOLOM_ANGKA[5],
    k("titik_bayar", "string", "kolom_titik_bayar"),
    KOLOM_ANGKA[0],
    KOLOM_ANGKA[1],
    k("lokasi", "string", "kolom_lokasi"),
    k("tanggal", "date", "kolom_tanggal"),
    k("mulai", "string", "kolom_mulai"),
    k("selesai", "string", "kolom_selesai"),
    k("rw", "string", "kolom_rw"),
    k("kpm", "integer", "kolom_kpm_jadwal"),
];

const KOLOM_REKON: &[Kolom] = &[
    KOLOM_ANGKA[6],
    k("cabang", "string", "kolom_cabang"),
    KOLOM_ANGKA[4],
    KOLOM_ANGKA[5],
    KOLOM_ANGKA[0],
    KOLOM_ANGKA[1],
    k("tanggal_laporan", "date", "kolom_tanggal_laporan"),
    k("dinsos_kpm", "integer", "kolom_dinsos_kpm"),
    k("laporan_kpm", "integer", "kolom_laporan_kpm"),
    k("selisih_kpm", "integer", "kolom_selisih_kpm"),
    k("status", "string", "kolom_status"),
];

const KOLOM_PERUBAHAN: &[Kolom] = &[
    KOLOM_ANGKA[5],
    k("tahap_sebelum", "string", "kolom_tahap_sebelum"),
    KOLOM_ANGKA[4],
    k("kode_wilayah", "string", "kolom_kode_wilayah_perubahan"),
    KOLOM_ANGKA[1],
    k(
        "alokasi_kpm_sebelum",
        "integer",
        "kolom_alokasi_kpm_sebelum",
    ),
    KOLOM_ANGKA[7],
    k("kpm_bertambah", "integer", "kolom_kpm_bertambah"),
    k("kpm_berkurang", "integer", "kolom_kpm_berkurang"),
    k(
        "realisasi_persen_sebelum",
        "number",
        "kolom_realisasi_persen_sebelum",
    ),
    KOLOM_ANGKA[13],
    k("penyalur_baru", "string", "kolom_penyalur_baru"),
    k("penyalur_hilang", "string", "kolom_penyalur_hilang"),
    k("alasan_gagal_baru", "string", "kolom_alasan_gagal_baru"),
    k("belum_ada_data", "boolean", "kolom_belum_ada_data"),
    k("sifat", "string", "kolom_sifat_perubahan"),
];

/// The columns of the history of corrections: its names are
/// [`crate::data::koreksi::KOLOM_RIWAYAT`], which the next build reads back.
const KOLOM_KOREKSI: &[Kolom] = &[
    k("tanggal", "date", "kolom_tanggal_koreksi"),
    KOLOM_ANGKA[0],
    KOLOM_ANGKA[1],
    KOLOM_ANGKA[4],
    KOLOM_ANGKA[5],
    KOLOM_ANGKA[6],
    k("angka", "string", "kolom_angka_koreksi"),
    k("lama", "integer", "kolom_lama_koreksi"),
    k("baru", "integer", "kolom_baru_koreksi"),
];

/// The catalogue keys of every download column's meaning, for the test that the theme's
/// catalogues hold every key the site asks for.
#[cfg(test)]
pub(super) fn kunci_kolom() -> impl Iterator<Item = &'static str> {
    [
        KOLOM_ANGKA,
        KOLOM_HALAMAN,
        KOLOM_WILAYAH,
        KOLOM_GAGAL,
        KOLOM_VERVAL,
        KOLOM_DESIL,
        KOLOM_JADWAL,
        KOLOM_REKON,
        KOLOM_PERUBAHAN,
        KOLOM_GAGAL_KOTA,
        KOLOM_ANGGARAN,
        KOLOM_CAKUPAN,
        KOLOM_KOREKSI,
    ]
    .into_iter()
    .flatten()
    .map(|c| c.kunci)
}

/// Where a dataset's rows go: a string, or a file in chunks of about a megabyte.
struct Tulis<'a> {
    buf: String,
    kolom: &'static [Kolom],
    sink: Option<&'a mut dyn Write>,
}

impl Tulis<'_> {
    /// Adds a row; with a sink, writes out what has gathered once it passes a megabyte.
    fn row<S: AsRef<str>>(&mut self, fields: &[S]) -> io::Result<()> {
        baris_csv(&mut self.buf, self.kolom, fields);
        if self.sink.is_some() && self.buf.len() >= 1 << 20 {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(sink) = self.sink.as_mut() {
            sink.write_all(self.buf.as_bytes())?;
            self.buf.clear();
        }
        Ok(())
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// A rate × 100 with two decimals (`99.55`).
pub(super) fn persen2(r: Option<f64>) -> String {
    r.map(|r| format!("{:.2}", r * 100.0)).unwrap_or_default()
}

/// A level as the downloads write it (`kabupaten_kota`).
pub(super) fn tingkat(t: Tingkat) -> &'static str {
    match t {
        Tingkat::Provinsi => "provinsi",
        Tingkat::KabupatenKota => "kabupaten_kota",
        Tingkat::Kecamatan => "kecamatan",
        Tingkat::DesaKelurahan => "desa_kelurahan",
    }
}

/// One input file named in a source line.
#[derive(Debug, Clone, Serialize)]
pub struct BerkasSumber {
    /// `data/realisasi.csv`.
    pub path: String,
    /// Its anchor on the "about the data" page, where its hash is listed.
    pub id: String,
    /// Its SHA-256, on pages that are rendered again whenever an input changes anyway (home,
    /// programme, tahap, comparison); `None` on region pages, whose bytes would otherwise
    /// change with every correction anywhere.
    pub sha256: Option<String>,
}

/// Where a table's figures come from, and where to download them.
#[derive(Debug, Clone, Serialize)]
pub struct Sumber {
    /// The input files.
    pub berkas: Vec<BerkasSumber>,
    /// The input rows the figures were summed from.
    pub baris: u64,
    /// The download of the figures, as CSV.
    pub csv: Option<String>,
    /// The same as JSON.
    pub json: Option<String>,
    /// Which rows of the download are this page's, when it holds more (a desa/kelurahan's
    /// rows are in its kecamatan's file).
    pub catatan: Option<String>,
    /// Whether recipient lists (`[[penerima]]`) were counted into the figures too: named as
    /// such, never by file (see the "about the data" page).
    pub penerima: bool,
}

/// The anchor of an input file on the "about the data" page (`berkas-data-realisasi-csv`).
pub fn id_berkas(path: &str) -> String {
    let slug: String = path
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("berkas-{slug}")
}

impl Situs<'_> {
    /// The page whose download holds the figures of region `w` (the home page's for
    /// `None`): its own for a region with children, else its parent's.
    pub(super) fn pemilik_unduhan(&self, w: Option<WilayahId>) -> Option<WilayahId> {
        let w = w?;
        let node = self.data.wilayah.node(w);
        if node.anak.is_empty() {
            node.induk
        } else {
            Some(w)
        }
    }

    /// Input `path` (`data/verval.csv`) as a source, when it was read (from that CSV or a
    /// spreadsheet of the same name).
    pub(super) fn berkas_sumber(&self, path: &str, dengan_hash: bool) -> Option<BerkasSumber> {
        self.data
            .inputs
            .iter()
            .find(|i| i.adalah(path))
            .map(|i| BerkasSumber {
                path: i.path.clone(),
                id: id_berkas(&i.nama_csv()),
                sha256: dengan_hash.then(|| i.sha256.clone()),
            })
    }

    /// The source line of a table of allocation and realisation figures of region `w` (the
    /// whole site for `None`), summed from `baris` input rows. `dengan_hash`: whether to
    /// print the inputs' SHA-256 (see [`BerkasSumber::sha256`]).
    pub(super) fn sumber_angka(
        &self,
        w: Option<WilayahId>,
        baris: u64,
        dengan_hash: bool,
    ) -> Sumber {
        let berkas = self
            .data
            .inputs
            .iter()
            .filter(|i| {
                i.adalah("data/alokasi.csv")
                    || i.adalah("data/realisasi.csv")
                    || self.data.satu_data.contains(&i.path)
            })
            .map(|i| BerkasSumber {
                path: i.path.clone(),
                id: id_berkas(&i.nama_csv()),
                sha256: dengan_hash.then(|| i.sha256.clone()),
            })
            .collect();
        let pemilik = self.pemilik_unduhan(w);
        let catatan = match w {
            Some(w) if pemilik != Some(w) => {
                let node = self.data.wilayah.node(w);
                Some(self.kata.isi(
                    "sumber_baris_wilayah",
                    &[("kode", &node.kode_teks), ("nama", &node.nama)],
                ))
            }
            _ => None,
        };
        Sumber {
            berkas,
            baris,
            csv: Some(self.path(Halaman::UnduhAngka(pemilik, false))),
            json: Some(self.path(Halaman::UnduhAngka(pemilik, true))),
            catatan,
            penerima: !self.data.penerima.is_empty(),
        }
    }

    /// The rows of region `w`'s download (the whole site's for `None`): (role, region,
    /// programme × tahap × penyalur figures).
    /// Everything region `w`'s (the whole site's for `None`) figures download is made from.
    pub fn masukan_unduh_angka(&self, w: Option<WilayahId>, json: bool) -> MasukanUnduhAngka<'_> {
        let tree = &self.data.wilayah;
        let (rekap, anak) = match w {
            Some(w) => (&self.report.wilayah[w.indeks()], &tree.node(w).anak),
            None => (&self.report.total, &tree.akar),
        };
        let baris = |peran: &'static str, w: Option<WilayahId>, sel| BarisMasukanUnduhan {
            peran,
            wilayah: w.map(|w| self.ringkas(w)),
            induk: w
                .and_then(|w| tree.node(w).induk)
                .map(|p| &tree.node(p).kode),
            sel,
            kk: w.and_then(|w| self.report.kk[w.indeks()]),
            penduduk: w.and_then(|w| self.report.penduduk[w.indeks()]),
            asal: w.map_or(0, |w| {
                let mut h = xxhash_rust::xxh3::Xxh3::new();
                self.hash_asal(w, &mut h);
                std::hash::Hasher::finish(&h)
            }),
        };
        let mut out = vec![baris("wilayah", w, &rekap.sel[..])];
        for &c in anak {
            let r = &self.report.wilayah[c.indeks()];
            if !r.is_empty() {
                out.push(baris("bagian", Some(c), &r.sel[..]));
            }
        }
        if let Some(l) = w.and_then(|w| self.report.langsung(w)) {
            out.push(baris("tanpa_rincian", w, &l.sel[..]));
        }
        MasukanUnduhAngka {
            umum: self.sidik_umum,
            wilayah: w.map(|w| self.ringkas(w)),
            json,
            baris: out,
        }
    }

    fn sel_angka(
        &self,
        w: Option<WilayahId>,
        kunci: crate::analysis::Kunci,
        a: &Angka,
    ) -> Vec<String> {
        let tree = &self.data.wilayah;
        let (kode, nama, tk, induk) = match w {
            Some(w) => {
                let n = tree.node(w);
                (
                    n.kode_teks.clone(),
                    n.nama.clone(),
                    tingkat(n.tingkat).to_string(),
                    n.induk
                        .map(|p| tree.node(p).kode_teks.clone())
                        .unwrap_or_default(),
                )
            }
            None => (
                String::new(),
                self.config.title.clone(),
                "semua".to_string(),
                String::new(),
            ),
        };
        vec![
            kode,
            nama,
            tk,
            induk,
            self.data.program[kunci.program.indeks()].kode.clone(),
            self.data.tahap[kunci.tahap.indeks()].kode.clone(),
            self.data.penyalur[kunci.penyalur.indeks()].clone(),
            a.alokasi_kpm.to_string(),
            opt(a.alokasi_nilai.lengkap().filter(|_| a.alokasi_kpm > 0)),
            a.tersalur_kpm.to_string(),
            opt(a.tersalur_nilai.lengkap().filter(|_| a.tersalur_kpm > 0)),
            a.gagal_kpm.to_string(),
            a.sisa_kpm().to_string(),
            persen2(a.realisasi()),
            a.baris.to_string(),
        ]
    }

    /// The `sifat_*` and `sumber_*` cells (allocation, paid, failed) of `kunci` for region
    /// `w` (the whole site for `None`).
    fn sel_asal6(&self, w: Option<WilayahId>, kunci: crate::analysis::Kunci) -> Vec<String> {
        let mut out = Vec::with_capacity(6);
        for j in crate::data::sumber_angka::JenisAngka::SEMUA {
            let (sifat, sumber) = self.sel_asal(w, kunci, j);
            out.push(sifat);
            out.push(sumber);
        }
        out
    }

    fn sel_halaman(
        &self,
        peran: &str,
        w: Option<WilayahId>,
        kunci: crate::analysis::Kunci,
        a: &Angka,
    ) -> Vec<String> {
        let (kk, penduduk) = match w {
            Some(w) => (self.report.kk[w.indeks()], self.report.penduduk[w.indeks()]),
            None => (None, None),
        };
        let mut v = vec![peran.to_string()];
        v.extend(self.sel_angka(w, kunci, a));
        v.push(opt(kk));
        v.push(opt(penduduk));
        v.extend(self.sel_asal6(w, kunci));
        v
    }

    /// Region `w`'s figures (and its children's) as CSV, or (`json`) JSON; the whole site's
    /// for `None`.
    pub(super) fn unduh_angka(&self, w: Option<WilayahId>, json: bool) -> String {
        let m = self.masukan_unduh_angka(w, json);
        if json {
            self.json_angka(&m)
        } else {
            self.csv_angka(&m)
        }
    }

    /// A figures download's rows as CSV, from its inputs.
    fn csv_angka(&self, m: &MasukanUnduhAngka<'_>) -> String {
        let mut out = kepala_csv(KOLOM_HALAMAN);
        for b in &m.baris {
            let r = b.wilayah.map(|r| r.id.0);
            for (kunci, a) in b.sel {
                baris_csv(
                    &mut out,
                    KOLOM_HALAMAN,
                    &self.sel_halaman(b.peran, r, *kunci, a),
                );
            }
        }
        out
    }

    /// The same rows as JSON, with the page, the data date, the sources and the columns:
    /// `kolom` names the columns once and each of `baris` is an array in their order (as
    /// compact as the CSV; objects repeating every name made the national site's JSON 3.5
    /// times its CSV).
    fn json_angka(&self, m: &MasukanUnduhAngka<'_>) -> String {
        let w = m.wilayah.map(|r| r.id.0);
        let mut baris = Vec::new();
        for b in &m.baris {
            let r = b.wilayah.map(|r| r.id.0);
            for (kunci, a) in b.sel {
                let sel = self.sel_halaman(b.peran, r, *kunci, a);
                baris.push(Value::Array(
                    KOLOM_HALAMAN
                        .iter()
                        .zip(sel)
                        .map(|(c, v)| nilai_json(c.jenis, v))
                        .collect(),
                ));
            }
        }
        let halaman = match w {
            Some(w) => self.path(Halaman::Wilayah(w)),
            None => self.path(Halaman::Beranda),
        };
        // the inputs the figures come from, and the statement of where they come from
        let sumber: Vec<&str> = [
            "data/alokasi.csv",
            "data/realisasi.csv",
            crate::data::sumber_angka::FILE,
        ]
        .iter()
        .filter(|f| {
            **f != crate::data::sumber_angka::FILE || self.data.inputs.iter().any(|i| i.adalah(f))
        })
        .map(|f| self.data.berkas(f))
        .collect();
        let doc = json!({
            "judul": match w {
                Some(w) => self.kata.nama_wilayah(self.data.wilayah.node(w)),
                None => self.config.title.clone(),
            },
            "halaman": halaman,
            "data_per": self.report.data_per.map(|d| d.to_string()),
            "data_per_tahap": self.data.tahap.iter().zip(&self.report.tahap_data_per)
                .filter_map(|(t, d)| d.map(|d| (t.kode.clone(), json!(d.to_string()))))
                .collect::<serde_json::Map<String, Value>>(),
            "sumber": sumber,
            "lisensi": self.lisensi().iter().map(|l| l["name"].clone()).collect::<Vec<_>>(),
            "kolom": KOLOM_HALAMAN.iter().map(|c| json!({
                "nama": c.nama,
                "jenis": c.jenis,
                "keterangan": self.kata.teks(c.kunci),
            })).collect::<Vec<_>>(),
            "baris": baris,
        });
        let mut s = serde_json::to_string(&doc).unwrap_or_default();
        s.push('\n');
        s
    }

    /// A site-wide dataset as CSV.
    pub(super) fn csv_dataset(&self, jenis: JenisData) -> String {
        let mut t = Tulis {
            buf: kepala_csv(jenis.kolom()),
            kolom: jenis.kolom(),
            sink: None,
        };
        // cannot fail: nothing is written to a sink
        let _ = self.isi_dataset(jenis, &mut t);
        t.buf
    }

    /// Writes a site-wide dataset to `sink` in chunks of about a megabyte, so that the
    /// national files (100-200 MB) are never held whole in memory.
    pub fn tulis_dataset(&self, jenis: JenisData, sink: &mut dyn Write) -> io::Result<()> {
        let mut t = Tulis {
            buf: kepala_csv(jenis.kolom()),
            kolom: jenis.kolom(),
            sink: Some(sink),
        };
        self.isi_dataset(jenis, &mut t)?;
        t.flush()
    }

    fn isi_dataset(&self, jenis: JenisData, t: &mut Tulis<'_>) -> io::Result<()> {
        let tree = &self.data.wilayah;
        let kode = |w: WilayahId| tree.node(w).kode_teks.clone();
        let nama = |w: WilayahId| tree.node(w).nama.clone();
        match jenis {
            JenisData::Wilayah => {
                for w in WilayahId::semua(tree.len()) {
                    let n = tree.node(w);
                    t.row(&[
                        n.kode_teks.clone(),
                        n.nama.clone(),
                        tingkat(n.tingkat).to_string(),
                        n.induk.map(kode).unwrap_or_default(),
                        opt(self.report.kk[w.indeks()]),
                        opt(self.report.penduduk[w.indeks()]),
                    ])?;
                }
            }
            JenisData::Realisasi => {
                for w in WilayahId::semua(tree.len()) {
                    for (kunci, a) in &self.report.wilayah[w.indeks()].sel {
                        let mut sel = self.sel_angka(Some(w), *kunci, a);
                        sel.extend(self.sel_asal6(Some(w), *kunci));
                        t.row(&sel)?;
                    }
                }
            }
            JenisData::Gagal => {
                // every region of every suppressed table, in region then table order
                let mut sel: Vec<(WilayahId, usize, usize)> = Vec::new();
                for (ti, g) in self.report.gagal.iter().enumerate() {
                    for (r, &w) in g.wilayah.iter().enumerate() {
                        sel.push((w, ti, r));
                    }
                }
                sel.sort_unstable();
                for (w, ti, r) in sel {
                    let g = &self.report.gagal[ti];
                    let n = tree.node(w);
                    let tampil = g.tampil.as_ref().map(|t| t[r]);
                    for j in 0..KOLOM {
                        let s = SelAlasan::dari(g.nilai[r][j], tampil.map(|t| t[j]));
                        if s.jenis == "nihil" {
                            continue;
                        }
                        t.row(&[
                            n.kode_teks.clone(),
                            n.nama.clone(),
                            tingkat(n.tingkat).to_string(),
                            self.data.program[g.kunci.program.indeks()].kode.clone(),
                            self.data.tahap[g.kunci.tahap.indeks()].kode.clone(),
                            self.data.penyalur[g.kunci.penyalur.indeks()].clone(),
                            KodeAlasan::SEMUA[j].kode().to_string(),
                            opt(s.kpm),
                            s.jenis.to_string(),
                        ])?;
                    }
                }
            }
            JenisData::Verval => {
                let mut ws: Vec<&WilayahId> = self.report.verval.keys().collect();
                ws.sort_unstable();
                for &w in ws {
                    for c in &self.report.verval[&w] {
                        for (i, (langkah, jumlah)) in c.langkah.iter().enumerate() {
                            t.row(&[
                                c.periode.clone(),
                                kode(w),
                                nama(w),
                                self.data.program[c.program.indeks()].kode.clone(),
                                (i + 1).to_string(),
                                langkah.clone(),
                                jumlah.to_string(),
                                c.dijumlahkan.to_string(),
                            ])?;
                        }
                    }
                }
            }
            JenisData::Desil => {
                let mut ws: Vec<&WilayahId> = self.report.desil.keys().collect();
                ws.sort_unstable();
                for &w in ws {
                    for d in &self.report.desil[&w] {
                        for (i, kk) in d.kk.iter().enumerate() {
                            t.row(&[
                                d.periode.clone(),
                                kode(w),
                                nama(w),
                                (i + 1).to_string(),
                                kk.to_string(),
                                d.dijumlahkan.to_string(),
                            ])?;
                        }
                    }
                }
            }
            JenisData::Anggaran => {
                let mut ws: Vec<&WilayahId> = self.report.anggaran.wilayah.keys().collect();
                ws.sort_unstable();
                for &w in ws {
                    for p in &self.report.anggaran.wilayah[&w] {
                        // the same rupiah as the pages: for a sum, paid where the budgets are
                        let dibayar = self.tersalur_sepadan(Some(w), p);
                        t.row(&[
                            self.data.program[p.program.indeks()].kode.clone(),
                            p.tahun.to_string(),
                            kode(w),
                            nama(w),
                            p.pagu.to_string(),
                            opt(dibayar),
                            persen2(crate::analysis::anggaran::serapan(dibayar, p.pagu)),
                            if p.sendiri { 0 } else { p.anak.0 }.to_string(),
                        ])?;
                    }
                }
            }
            JenisData::Cakupan => {
                for (w, p, tahap, desil_maks, c) in self.cakupan_semua() {
                    let (periode, kk) = c.sasaran.clone().unwrap_or_default();
                    t.row(&[
                        self.data.program[p.indeks()].kode.clone(),
                        self.data.tahap[tahap.indeks()].kode.clone(),
                        kode(w),
                        nama(w),
                        periode,
                        desil_maks.to_string(),
                        c.tersalur_kpm.to_string(),
                        kk.to_string(),
                        persen2(c.rasio()),
                        c.dijumlahkan.to_string(),
                    ])?;
                }
            }
            JenisData::Jadwal => {
                let jam = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
                for j in &self.data.jadwal {
                    t.row(&[
                        self.data.program[j.program.indeks()].kode.clone(),
                        self.data.tahap[j.tahap.indeks()].kode.clone(),
                        self.data.titik_bayar[j.titik_bayar.indeks()].clone(),
                        kode(j.wilayah),
                        nama(j.wilayah),
                        j.lokasi.clone(),
                        j.tanggal.to_string(),
                        jam(j.mulai),
                        jam(j.selesai),
                        j.rw.clone(),
                        j.kpm.to_string(),
                    ])?;
                }
            }
            JenisData::Perubahan => {
                for r in self.baris_csv_perubahan() {
                    t.row(&r)?;
                }
            }
            JenisData::Koreksi => {
                for r in self.baris_csv_koreksi() {
                    t.row(&r)?;
                }
            }
            JenisData::Rekonsiliasi => {
                use crate::analysis::rekonsiliasi::StatusRekon;
                for r in &self.report.rekonsiliasi {
                    let l = &self.data.laporan_penyalur[r.laporan];
                    t.row(&[
                        self.data.penyalur[l.penyalur.indeks()].clone(),
                        l.cabang.clone(),
                        self.data.program[l.program.indeks()].kode.clone(),
                        self.data.tahap[l.tahap.indeks()].kode.clone(),
                        kode(l.wilayah),
                        nama(l.wilayah),
                        l.tanggal.to_string(),
                        r.dinsos_kpm.to_string(),
                        l.kpm.to_string(),
                        r.selisih_kpm.to_string(),
                        match r.status {
                            StatusRekon::Cocok => "cocok",
                            StatusRekon::DalamToleransi => "dalam_toleransi",
                            StatusRekon::Berbeda => "berbeda",
                        }
                        .to_string(),
                    ])?;
                }
            }
        }
        Ok(())
    }

    /// Feeds what site-wide dataset `jenis` is written from to `hasher` (besides the region
    /// tree and the site-wide inputs, which the caller hashes).
    pub(super) fn hash_dataset(&self, jenis: JenisData, hasher: &mut xxhash_rust::xxh3::Xxh3) {
        use std::hash::Hash;
        match jenis {
            JenisData::Wilayah => {
                self.report.kk.hash(hasher);
                self.report.penduduk.hash(hasher);
            }
            // every region's figures: the roots' subtree fingerprints cover them all
            JenisData::Realisasi => {
                for &r in &self.data.wilayah.akar {
                    self.report.sidik_subtree[r.indeks()].hash(hasher);
                }
            }
            JenisData::Gagal => self.report.gagal.hash(hasher),
            JenisData::Verval => {
                let mut ws: Vec<&WilayahId> = self.report.verval.keys().collect();
                ws.sort_unstable();
                for w in ws {
                    (w, &self.report.verval[w]).hash(hasher);
                }
            }
            JenisData::Desil => {
                let mut ws: Vec<&WilayahId> = self.report.desil.keys().collect();
                ws.sort_unstable();
                for w in ws {
                    (w, &self.report.desil[w]).hash(hasher);
                }
            }
            JenisData::Jadwal => {
                for i in 0..self.data.jadwal.len() {
                    self.hash_slot(i, hasher);
                    self.data.jadwal[i].wilayah.hash(hasher);
                }
            }
            JenisData::Rekonsiliasi => {
                self.report.rekonsiliasi.hash(hasher);
                self.data.laporan_penyalur.hash(hasher);
            }
            JenisData::Perubahan => {
                self.report.perubahan.hash(hasher);
                // its `sifat` column
                for b in self.report.perubahan.iter().flat_map(|c| &c.baris) {
                    if let Some(w) = b.wilayah {
                        self.hash_asal(w, hasher);
                    }
                }
            }
            // what it shows, computed as it is written: a region's figure can depend on regions
            // further below (`hitung_sepadan`)
            JenisData::Cakupan => {
                for (w, p, tahap, _, c) in self.cakupan_semua() {
                    (w, p, tahap, c).hash(hasher);
                }
            }
            // the budgets, and the rupiah paid: every region's figures (the roots' subtree
            // fingerprints cover them all)
            JenisData::Anggaran => {
                let mut ws: Vec<&WilayahId> = self.report.anggaran.wilayah.keys().collect();
                ws.sort_unstable();
                for w in ws {
                    (w, &self.report.anggaran.wilayah[w]).hash(hasher);
                }
                for &r in &self.data.wilayah.akar {
                    self.report.sidik_subtree[r.indeks()].hash(hasher);
                }
            }
            JenisData::Koreksi => self.report.koreksi.hash(hasher),
        }
    }

    /// The site-wide datasets that have rows.
    pub(super) fn dataset_ada(&self) -> Vec<JenisData> {
        JenisData::SEMUA
            .into_iter()
            .filter(|j| match j {
                JenisData::Wilayah | JenisData::Realisasi => true,
                JenisData::Gagal => !self.report.gagal.is_empty(),
                JenisData::Verval => !self.report.verval.is_empty(),
                JenisData::Desil => !self.report.desil.is_empty(),
                JenisData::Jadwal => !self.data.jadwal.is_empty(),
                JenisData::Rekonsiliasi => !self.report.rekonsiliasi.is_empty(),
                JenisData::Perubahan => !self.report.perubahan.is_empty(),
                JenisData::Anggaran => !self.report.anggaran.wilayah.is_empty(),
                JenisData::Cakupan => {
                    !self.report.desil.is_empty()
                        && self.data.program.iter().any(|p| p.desil_maks.is_some())
                        && !self.cakupan_semua().is_empty()
                }
                JenisData::Koreksi => true,
            })
            .collect()
    }

    /// Links to the site-wide datasets, for the "about the data" page.
    pub(super) fn tautan_dataset(&self) -> Vec<Tautan> {
        self.dataset_ada()
            .into_iter()
            .map(|j| Tautan {
                label: j.judul(self.kata).to_string(),
                href: self.path(Halaman::Dataset(j)),
            })
            .collect()
    }

    /// `datapackage.json`: every published data file with its schema, the licence and the
    /// inputs (with their SHA-256) as sources.
    pub(super) fn datapackage(&self) -> String {
        let skema = |kolom: &[Kolom]| {
            json!({
                "fields": kolom.iter().map(|c| {
                    let mut f = json!({
                        "name": c.nama,
                        "type": c.jenis,
                        "description": self.kata.teks(c.kunci),
                    });
                    if c.nama == "kode_wilayah" || c.nama == "kode_induk" {
                        f["constraints"] = json!({"pattern": "(\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?)?"});
                    }
                    f
                }).collect::<Vec<_>>(),
                "missingValues": [""],
            })
        };
        let mut resources = Vec::new();
        for j in self.dataset_ada() {
            let path = self.path(Halaman::Dataset(j));
            resources.push(json!({
                "name": nama_resource(&path),
                "path": path,
                "title": j.judul(self.kata),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": skema(j.kolom()),
            }));
        }
        let skema_halaman = self.path(Halaman::SkemaAngka);
        for &h in &self.halaman {
            let (format, judul) = match h {
                Halaman::UnduhAngka(w, json) => (
                    if json { "json" } else { "csv" },
                    match w {
                        Some(w) => self.kata.nama_wilayah(self.data.wilayah.node(w)),
                        None => self.config.title.clone(),
                    },
                ),
                Halaman::UnduhGagalKota(w) => (
                    "csv",
                    format!(
                        "{}: {}",
                        JenisData::Gagal.judul(self.kata),
                        self.kata.nama_wilayah(self.data.wilayah.node(w))
                    ),
                ),
                _ => continue,
            };
            let path = self.path(h);
            let mut r = json!({
                "name": nama_resource(&path),
                "path": path,
                "title": judul,
                "format": format,
            });
            if format == "csv" {
                r["mediatype"] = json!("text/csv");
                r["encoding"] = json!("utf-8");
                if matches!(h, Halaman::UnduhAngka(..)) {
                    r["profile"] = json!("tabular-data-resource");
                    r["schema"] = json!(skema_halaman);
                } else {
                    r["schema"] = skema(KOLOM_GAGAL_KOTA);
                    r["profile"] = json!("tabular-data-resource");
                }
            } else {
                r["mediatype"] = json!("application/json");
                r["encoding"] = json!("utf-8");
                r["profile"] = json!("data-resource");
            }
            resources.push(r);
        }
        let mut sources: Vec<Value> = self
            .data
            .inputs
            .iter()
            .map(|i| {
                json!({
                    "title": self.kata.isi("unduh_sumber_berkas", &[
                        ("berkas", &i.path),
                        ("baris", &i.rows.to_string()),
                        ("sha256", &i.sha256),
                    ]),
                    "path": i.path,
                    "sha256": i.sha256,
                    "rows": i.rows,
                })
            })
            .collect();
        sources.push(json!({
            "title": self.kata.teks("unduh_sumber_kode_wilayah"),
            "path": "https://github.com/fityannugroho/idn-area-data",
        }));
        let mut doc = json!({
            "profile": "data-package",
            "name": nama_resource(&self.config.title),
            "title": self.config.title,
            "description": self.config.description,
            "licenses": self.lisensi(),
            "sources": sources,
            "resources": resources,
        });
        if !self.config.base_url.is_empty() {
            doc["homepage"] = json!(self.config.base_url);
        }
        if let Some(d) = self.report.data_per {
            doc["version"] = json!(d.to_string());
        }
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The licences of the published data: the site's own (`lisensi` in `site.toml`), and
    /// the ODbL of the region codes and names every row carries (idn-area-data: a database
    /// derived from it stays under the ODbL), as Data Package licences.
    pub(super) fn lisensi(&self) -> Vec<Value> {
        let mut out = Vec::new();
        if let Some(id) = self.config.lisensi.as_deref().filter(|l| *l != "ODbL-1.0") {
            let mut l = json!({ "name": id });
            let dikenal = match id {
                "CC-BY-4.0" => Some((
                    "https://creativecommons.org/licenses/by/4.0/",
                    "Creative Commons Attribution 4.0",
                )),
                "CC-BY-SA-4.0" => Some((
                    "https://creativecommons.org/licenses/by-sa/4.0/",
                    "Creative Commons Attribution-ShareAlike 4.0",
                )),
                "CC0-1.0" => Some((
                    "https://creativecommons.org/publicdomain/zero/1.0/",
                    "Creative Commons Zero 1.0",
                )),
                "PDDL-1.0" => Some((
                    "https://opendatacommons.org/licenses/pddl/1-0/",
                    "Open Data Commons Public Domain Dedication and License 1.0",
                )),
                _ => None,
            };
            if let Some((path, title)) = dikenal {
                l["path"] = json!(path);
                l["title"] = json!(title);
            }
            out.push(l);
        }
        out.push(json!({
            "name": "ODbL-1.0",
            "path": "https://opendatacommons.org/licenses/odbl/1-0/",
            "title": "Open Data Commons Open Database License 1.0",
        }));
        out
    }

    /// The schema shared by every region page's CSV download (`unduh/skema-angka.json`).
    pub(super) fn skema_angka(&self) -> String {
        let doc = json!({
            "fields": KOLOM_HALAMAN.iter().map(|c| json!({
                "name": c.nama,
                "type": c.jenis,
                "description": self.kata.teks(c.kunci),
            })).collect::<Vec<_>>(),
            "missingValues": [""],
        });
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// The columns of `gagal/<kode>.csv` (a kabupaten/kota's failure page as a download).
pub(super) const KOLOM_GAGAL_KOTA: &[Kolom] = &[
    KOLOM_ANGKA[5],
    KOLOM_ANGKA[4],
    KOLOM_ANGKA[6],
    KOLOM_ANGKA[0],
    KOLOM_ANGKA[1],
    KOLOM_ANGKA[2],
    k("alasan", "string", "kolom_alasan_gagal_kota"),
    k("kpm", "string", "kolom_kpm_gagal_kota"),
    KOLOM_ANGKA[7],
];

/// A value of a CSV cell as JSON, by its column's type.
fn nilai_json(jenis: &str, v: String) -> Value {
    if v.is_empty() {
        return Value::Null;
    }
    match jenis {
        "integer" => v.parse::<i64>().map_or(Value::String(v), Value::from),
        "number" => v.parse::<f64>().map_or(Value::Null, |f| json!(f)),
        _ => Value::String(v),
    }
}

/// A Data Package name: lower case letters, digits, `-`, `.` and `_`.
fn nama_resource(s: &str) -> String {
    let n: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if n.is_empty() { "data".to_string() } else { n }
}

/// Downloads are written as they are, not by a template.
pub const TEMPLATE: &str = "";
/// The Table Schema of every page CSV.
pub const PATH_SKEMA: &str = "unduh/skema-angka.json";
/// The data package.
pub const PATH_DATAPACKAGE: &str = "datapackage.json";

/// `unduh/<jenis>.csv`.
pub fn path_dataset(j: JenisData) -> String {
    format!("unduh/{}.csv", j.nama())
}

impl Situs<'_> {
    /// `wilayah/<prov>/<kode>.csv` (or `.json`) beside a region's page; `angka.csv` (or
    /// `.json`) for the whole site.
    pub(super) fn path_unduh_angka(&self, w: Option<WilayahId>, json: bool) -> String {
        let ext = if json { "json" } else { "csv" };
        match w {
            None => format!("angka.{ext}"),
            Some(w) => self.path_di_provinsi(w, ext),
        }
    }

    /// A region's download's fingerprint: the hash of its inputs.
    pub(super) fn sidik_unduh_angka(&self, w: WilayahId, json: bool) -> u64 {
        sidik_dari((9u8, self.masukan_unduh_angka(Some(w), json)))
    }

    /// A site-wide CSV names its rows by the region tree.
    pub(super) fn sidik_dataset(&self, j: JenisData) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        (10u8, self.sidik_umum, self.sidik_pohon, j).hash(&mut hasher);
        self.hash_dataset(j, &mut hasher);
        hasher.finish().max(1)
    }

    /// The schema depends on the site-wide inputs only.
    pub(super) fn sidik_skema(&self) -> u64 {
        xxhash_rust::xxh3::xxh3_64(&self.sidik_umum.to_le_bytes()).max(1)
    }
}

impl Situs<'_> {
    /// `gagal/<kode>.csv`: the failure page's tables, one line per region × reason, with the
    /// same suppression as the page.
    pub(super) fn csv_gagal_kota(&self, k: WilayahId) -> String {
        let min = self.config.privasi.min_kpm;
        let tree = &self.data.wilayah;
        let kolom = KOLOM_GAGAL_KOTA;
        let mut out = kepala_csv(kolom);
        for (ti, rows) in self.gagal_kota_rows(k) {
            let g = &self.report.gagal[*ti];
            let kunci = g.kunci;
            let mut rows = rows.clone();
            rows.sort_by_key(|&r| g.wilayah[r]);
            for r in rows {
                let w = g.wilayah[r];
                let node = tree.node(w);
                let alokasi = self.report.wilayah[w.indeks()]
                    .angka_kunci(kunci)
                    .alokasi_kpm;
                let tampil = g.tampil.as_ref().map(|t| t[r]);
                let baris = |alasan: &str, kpm: &str, out: &mut String| {
                    baris_csv(
                        out,
                        kolom,
                        &[
                            self.data.tahap[kunci.tahap.indeks()].kode.as_str(),
                            self.data.program[kunci.program.indeks()].kode.as_str(),
                            self.data.penyalur[kunci.penyalur.indeks()].as_str(),
                            node.kode_teks.as_str(),
                            node.nama.as_str(),
                            tingkat(node.tingkat),
                            alasan,
                            kpm,
                            &alokasi.to_string(),
                        ],
                    )
                };
                let total: u64 = g.nilai[r].iter().sum();
                baris("semua", &total.to_string(), &mut out);
                for (j, kode) in KodeAlasan::SEMUA.iter().enumerate() {
                    let sel = SelAlasan::dari(g.nilai[r][j], tampil.map(|t| t[j]));
                    if sel.jenis == "nihil" {
                        continue;
                    }
                    baris(kode.kode(), &sel.csv(min), &mut out);
                }
            }
        }
        out
    }
}

/// A region's (or the whole site's) figures as CSV or (`true`) JSON.
pub struct HalamanUnduhAngka;

impl JenisHalaman for HalamanUnduhAngka {
    type Kunci = (Option<WilayahId>, bool);
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(s: &Situs<'_>, (w, json): (Option<WilayahId>, bool)) -> String {
        s.path_unduh_angka(w, json)
    }
    fn sidik(s: &Situs<'_>, (w, json): (Option<WilayahId>, bool)) -> u64 {
        match w {
            Some(w) => s.sidik_unduh_angka(w, json),
            None => SELALU,
        }
    }
    fn konteks(s: &Situs<'_>, (w, json): (Option<WilayahId>, bool)) -> Konteks {
        Konteks::Unduhan(s.unduh_angka(w, json))
    }
    fn asal(s: &Situs<'_>, (w, _): (Option<WilayahId>, bool)) -> Asal {
        match w {
            Some(w) => s.asal_wilayah(w),
            None => Situs::asal_salur("pemilik.unduhan_situs"),
        }
    }
}

/// One kind of figure for every region, as CSV.
pub struct HalamanDataset;

impl JenisHalaman for HalamanDataset {
    type Kunci = JenisData;
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(_: &Situs<'_>, j: JenisData) -> String {
        path_dataset(j)
    }
    fn sidik(s: &Situs<'_>, j: JenisData) -> u64 {
        s.sidik_dataset(j)
    }
    fn konteks(s: &Situs<'_>, j: JenisData) -> Konteks {
        Konteks::Unduhan(s.csv_dataset(j))
    }
    fn asal(_: &Situs<'_>, _: JenisData) -> Asal {
        Situs::asal_salur("pemilik.data_terbuka")
    }
}

/// The Table Schema of the figures' CSVs.
pub struct HalamanSkemaAngka;

impl JenisHalaman for HalamanSkemaAngka {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH_SKEMA.to_string()
    }
    fn sidik(s: &Situs<'_>, _: ()) -> u64 {
        s.sidik_skema()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Unduhan(s.skema_angka())
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.data_terbuka")
    }
}

/// `datapackage.json`.
pub struct HalamanDataPackage;

impl JenisHalaman for HalamanDataPackage {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH_DATAPACKAGE.to_string()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Unduhan(s.datapackage())
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.data_terbuka")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(jenis: &str, s: &str) -> String {
        let mut out = String::new();
        sel_csv(&mut out, jenis, s);
        out
    }

    #[test]
    fn a_text_cell_that_would_be_a_formula_is_written_as_text() {
        assert_eq!(sel("string", "Karangketug"), "Karangketug");
        assert_eq!(sel("string", "=1+1"), "\"'=1+1\"");
        assert_eq!(sel("string", "+62 812"), "\"'+62 812\"");
        assert_eq!(sel("string", "-"), "\"'-\"");
        assert_eq!(sel("string", "@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(
            sel("string", "=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(sel("string", "\t=1"), "\"'\t=1\"");
        assert_eq!(sel("string", "\r=1"), "\"'\r=1\"");
        // a formula after a separator Excel may split on starts a cell of its own: quoted
        assert_eq!(sel("string", "Pos A;=1+1"), "\"Pos A;=1+1\"");
        assert_eq!(sel("string", "a,b"), "\"a,b\"");
        // a code column is text: a code that looks like a negative number is text too
        assert_eq!(sel("string", "-1"), "\"'-1\"");
    }

    #[test]
    fn a_number_stays_a_number() {
        assert_eq!(sel("integer", "-6"), "-6");
        assert_eq!(sel("integer", "18877"), "18877");
        assert_eq!(sel("number", "-12.50"), "-12.50");
        assert_eq!(sel("integer", ""), "");
        assert_eq!(sel("date", "2021-07-13"), "2021-07-13");
        // what is not a number in a number column is text, neutralised like any
        assert_eq!(sel("integer", "-1+1"), "\"'-1+1\"");
        assert_eq!(sel("integer", "=1"), "\"'=1\"");
    }

    #[test]
    fn a_row_writes_each_cell_by_its_columns_type() {
        let kolom = [k("nama", "string", ""), k("selisih", "integer", "")];
        let mut out = String::new();
        baris_csv(&mut out, &kolom, &["-Pos", "-6"]);
        assert_eq!(out, "\"'-Pos\",-6\n");
        assert_eq!(kepala_csv(&kolom), "\u{feff}nama,selisih\n");
    }
}
