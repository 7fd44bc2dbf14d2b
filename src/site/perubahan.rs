//! "Perubahan": what changed in each tahap against each programme's previous one
//! (`Halaman::Perubahan`, `perubahan/<tahap>.html`), from
//! [`crate::analysis::perubahan`]; and the same rows as `unduh/perubahan.csv`.

use serde::Serialize;

use super::asal::TandaSifat;
use super::{Halaman, Situs, Tautan, Umum};
use super::{JenisHalaman, Konteks, jalur::Asal};
use crate::analysis::perubahan::{BarisPerubahan, Perubahan};
use crate::data::TahapId;
use crate::format::{ribuan, satu_desimal};

/// One region's change, ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct BarisTampil {
    /// The region (or the whole site) and its page.
    pub wilayah: Tautan,
    /// `total` for the whole site's row.
    pub jenis: &'static str,
    /// KPM allocated in the previous tahap.
    pub sebelum_kpm: u64,
    /// KPM allocated now.
    pub sekarang_kpm: u64,
    /// KPM added, desa by desa.
    pub bertambah: u64,
    /// KPM removed, desa by desa.
    pub berkurang: u64,
    /// Realisation then.
    pub realisasi_sebelum: Option<f64>,
    /// Realisation now.
    pub realisasi_sekarang: Option<f64>,
    /// The change in percentage points, written out (`+1,7`).
    pub selisih_poin: Option<String>,
    /// Penyalur that came.
    pub penyalur_baru: Vec<String>,
    /// Penyalur that went.
    pub penyalur_hilang: Vec<String>,
    /// Failure reasons that are new.
    pub alasan_baru: Vec<String>,
    /// No allocation rows in this tahap yet.
    pub belum_ada_data: bool,
    /// The mark of its figures (in either tahap) when some are `sementara` or `ilustratif`.
    pub sifat: Option<TandaSifat>,
}

/// One programme's change.
#[derive(Debug, Clone, Serialize)]
pub struct BagianPerubahan {
    /// Anchor to cite (`bst-perubahan-2021-07`).
    pub id: String,
    /// The programme's page.
    pub program: Tautan,
    /// The previous tahap, if there is one.
    pub sebelum: Option<Tautan>,
    /// The whole site's change in words.
    pub kalimat: String,
    /// The whole site, then each kabupaten/kota.
    pub baris: Vec<BarisTampil>,
}

/// The context of a tahap's changes page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksPerubahan {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// The tahap's page.
    pub tahap: Tautan,
    /// One section per programme of the tahap.
    pub bagian: Vec<BagianPerubahan>,
    /// The download of every change.
    pub unduh: String,
    /// The data date of the tahap.
    pub data_per: Option<String>,
    /// The notice when some of its figures are `sementara` or `ilustratif`.
    pub asal: super::asal::KonteksAsal,
}

impl Situs<'_> {
    /// The title of tahap `t`'s changes page.
    pub(super) fn judul_perubahan(&self, t: TahapId) -> String {
        let nama = &self.data.tahap[t.indeks()].nama;
        self.kata.isi("judul_perubahan", &[("nama", nama)])
    }

    /// The changes into tahap `t`, one per programme.
    pub(super) fn perubahan_tahap(&self, t: TahapId) -> impl Iterator<Item = &Perubahan> {
        self.report.perubahan.iter().filter(move |c| c.tahap == t)
    }

    /// The whole site's change of one programme, in one sentence.
    pub(super) fn kalimat_perubahan(&self, c: &Perubahan) -> String {
        let lang = self.lang();
        let kode = &self.data.program[c.program.indeks()].kode;
        let Some(site) = c.baris.iter().find(|b| b.wilayah.is_none()) else {
            return String::new();
        };
        let now = ribuan(site.sekarang.alokasi_kpm as i64, lang);
        match c.sebelum {
            None => self
                .kata
                .isi("perubahan_pertama", &[("kode", kode), ("kpm", &now)]),
            Some(s) => {
                let nama_s = &self.data.tahap[s.indeks()].nama;
                let before = ribuan(site.sebelum.alokasi_kpm as i64, lang);
                let plus = ribuan(site.kpm_bertambah as i64, lang);
                let minus = ribuan(site.kpm_berkurang as i64, lang);
                let belum: Vec<String> = c
                    .baris
                    .iter()
                    .filter(|b| b.belum_ada_data)
                    .filter_map(|b| b.wilayah)
                    .map(|w| self.kata.nama_wilayah(self.data.wilayah.node(w)))
                    .collect();
                let tambahan = if belum.is_empty() {
                    String::new()
                } else {
                    " ".to_string()
                        + &self
                            .kata
                            .isi("perubahan_belum_ada", &[("wilayah", &belum.join(", "))])
                };
                let kalimat = self.kata.isi(
                    "perubahan_kalimat",
                    &[
                        ("kode", kode),
                        ("kpm", &now),
                        ("sebelum", &before),
                        ("tahap_sebelum", nama_s),
                        ("bertambah", &plus),
                        ("berkurang", &minus),
                    ],
                );
                kalimat + &tambahan
            }
        }
    }

    /// The mark of row `b` of change `c`: what is said of its region's figures of the
    /// programme in this tahap or the previous one.
    fn tanda_perubahan(&self, c: &Perubahan, b: &BarisPerubahan) -> Option<TandaSifat> {
        self.tanda_sifat(b.wilayah, |k, _| {
            k.program == c.program && (k.tahap == c.tahap || Some(k.tahap) == c.sebelum)
        })
    }

    fn baris_tampil(&self, c: &Perubahan, b: &BarisPerubahan) -> BarisTampil {
        let lang = self.lang();
        // from the rates as shown (to a tenth of a point): 99,6% → 99,5% is −0,1
        let selisih = match (b.sebelum.realisasi(), b.sekarang.realisasi()) {
            (Some(a), Some(n)) => {
                let d = (n * 1000.0).round() - (a * 1000.0).round();
                Some(format!(
                    "{}{}",
                    if d > 0.0 {
                        "+"
                    } else if d < 0.0 {
                        "−"
                    } else {
                        ""
                    },
                    satu_desimal(d.abs() / 10.0, lang)
                ))
            }
            _ => None,
        };
        BarisTampil {
            wilayah: match b.wilayah {
                Some(w) => self.tautan_wilayah(w),
                None => Tautan {
                    label: self.kata.teks("seluruh_wilayah").to_string(),
                    href: self.path(Halaman::Beranda),
                },
            },
            jenis: if b.wilayah.is_none() {
                "total"
            } else {
                "rinci"
            },
            sebelum_kpm: b.sebelum.alokasi_kpm,
            sekarang_kpm: b.sekarang.alokasi_kpm,
            bertambah: b.kpm_bertambah,
            berkurang: b.kpm_berkurang,
            realisasi_sebelum: b.sebelum.realisasi(),
            realisasi_sekarang: b.sekarang.realisasi(),
            selisih_poin: selisih,
            penyalur_baru: b
                .penyalur_baru
                .iter()
                .map(|&p| self.data.penyalur[p.indeks()].clone())
                .collect(),
            penyalur_hilang: b
                .penyalur_hilang
                .iter()
                .map(|&p| self.data.penyalur[p.indeks()].clone())
                .collect(),
            alasan_baru: b
                .alasan_baru
                .iter()
                .map(|&k| self.kata.alasan(k).to_string())
                .collect(),
            belum_ada_data: b.belum_ada_data,
            sifat: self.tanda_perubahan(c, b),
        }
    }

    pub(super) fn konteks_perubahan(&self, t: TahapId) -> KonteksPerubahan {
        let breadcrumb = vec![
            self.beranda(),
            self.tautan_daftar_tahap(),
            self.tautan_tahap(t),
        ];
        let bagian = self
            .perubahan_tahap(t)
            .map(|c| BagianPerubahan {
                id: format!(
                    "{}-perubahan-{}",
                    self.program_slug[c.program.indeks()],
                    self.tahap_slug[t.indeks()]
                ),
                program: self.tautan_program(c.program),
                sebelum: c.sebelum.map(|s| self.tautan_tahap(s)),
                kalimat: self.kalimat_perubahan(c),
                baris: c.baris.iter().map(|b| self.baris_tampil(c, b)).collect(),
            })
            .collect::<Vec<_>>();
        let asal = self.peringatan_sifat(
            bagian
                .iter()
                .flat_map(|b| b.baris.iter().map(|r| r.sifat.clone())),
            self.path(Halaman::Beranda),
        );
        KonteksPerubahan {
            umum: self.umum(
                Halaman::Perubahan(t),
                self.judul_perubahan(t),
                breadcrumb,
                "tahap",
            ),
            tahap: self.tautan_tahap(t),
            bagian,
            unduh: self.path(Halaman::Dataset(super::unduh::JenisData::Perubahan)),
            data_per: self.report.tahap_data_per[t.indeks()].map(|d| d.to_string()),
            asal,
        }
    }

    /// The rows of `unduh/perubahan.csv`.
    pub(super) fn baris_csv_perubahan(&self) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for c in &self.report.perubahan {
            for b in &c.baris {
                let (kode, nama) = match b.wilayah {
                    Some(w) => {
                        let n = self.data.wilayah.node(w);
                        (n.kode_teks.clone(), n.nama.clone())
                    }
                    None => (String::new(), self.config.title.clone()),
                };
                let names = |v: &[crate::data::PenyalurId]| {
                    v.iter()
                        .map(|&p| self.data.penyalur[p.indeks()].as_str())
                        .collect::<Vec<_>>()
                        .join("|")
                };
                out.push(vec![
                    self.data.tahap[c.tahap.indeks()].kode.clone(),
                    c.sebelum
                        .map(|s| self.data.tahap[s.indeks()].kode.clone())
                        .unwrap_or_default(),
                    self.data.program[c.program.indeks()].kode.clone(),
                    kode,
                    nama,
                    b.sebelum.alokasi_kpm.to_string(),
                    b.sekarang.alokasi_kpm.to_string(),
                    b.kpm_bertambah.to_string(),
                    b.kpm_berkurang.to_string(),
                    super::unduh::persen2(b.sebelum.realisasi()),
                    super::unduh::persen2(b.sekarang.realisasi()),
                    names(&b.penyalur_baru),
                    names(&b.penyalur_hilang),
                    b.alasan_baru
                        .iter()
                        .map(|k| k.kode())
                        .collect::<Vec<_>>()
                        .join("|"),
                    b.belum_ada_data.to_string(),
                    self.tanda_perubahan(c, b)
                        .map(|t| t.kode.to_string())
                        .unwrap_or_default(),
                ]);
            }
        }
        out
    }
}

/// A tahap's changes' template.
pub const TEMPLATE: &str = "perubahan.html";

impl Situs<'_> {
    /// `perubahan/<tahap>.html`.
    pub(super) fn path_perubahan(&self, t: TahapId) -> String {
        format!("perubahan/{}.html", self.tahap_slug[t.indeks()])
    }
}

/// A tahap's changes.
pub struct HalamanPerubahan;

impl JenisHalaman for HalamanPerubahan {
    type Kunci = TahapId;
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(s: &Situs<'_>, t: TahapId) -> String {
        s.path_perubahan(t)
    }
    fn konteks(s: &Situs<'_>, t: TahapId) -> Konteks {
        Konteks::Perubahan(Box::new(s.konteks_perubahan(t)))
    }
    fn asal(s: &Situs<'_>, t: TahapId) -> Asal {
        s.asal_tahap(t)
    }
}
