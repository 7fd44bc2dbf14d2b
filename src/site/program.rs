//! The list of programmes (`program/index.html`) and a programme's page
//! (`program/<slug>.html`).

use serde::Serialize;

use super::bagian::{BagianTahap, ItemDaftar, KonteksDaftar, Tautan, Umum};
use super::rapat::RingkasRapat;
use super::{Halaman, Situs};
use super::{JenisHalaman, Konteks, jalur::Asal};
use crate::data::{Periode, ProgramId, Tingkat, WilayahId};

/// The list of programmes' path.
pub const PATH_DAFTAR: &str = "program/index.html";
/// A programme page's template (the list's is [`super::bagian::TEMPLATE_DAFTAR`]).
pub const TEMPLATE: &str = "program.html";

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
    /// The amount per KPM with its period in words (`Rp 300.000 per bulan, dibayar setiap
    /// bulan`), when the amount is fixed.
    pub nilai_kalimat: Option<String>,
    /// The DTSEN deciles it reaches in words (`Keluarga pada desil 1–2 DTSEN`), when it
    /// targets by decile (`desil_maks`).
    pub desil_kalimat: Option<String>,
    /// Who is eligible (`syarat` of `program.csv`).
    pub syarat: Option<String>,
    /// How to check one's status (`cara_cek`).
    pub cara_cek: Option<String>,
    /// What to bring (`dokumen`); when absent the template says the site's default
    /// ([`Situs::dokumen_program`]).
    pub dokumen: Option<String>,
    /// The official page as written (`tautan_resmi`).
    pub tautan_resmi: Option<String>,
    /// Its link.
    pub tautan_resmi_href: Option<String>,
    /// The channels of `[[pengaduan]]` for this programme ([`super::pengaduan::untuk`]), for
    /// `pengaduan.html`.
    pub pengaduan: Vec<super::pengaduan::Saluran>,
    /// Per tahap: figures per penyalur and per region.
    pub tahap: Vec<BagianTahap>,
    /// Its figures per tahap over the whole site, oldest first, when it has figures in two
    /// tahap or more ([`super::tren`]).
    pub tren: Vec<super::tren::BagianTren>,
    /// Its budgets against rupiah paid per year, the whole site's and the kabupaten/kota's
    /// (`anggaran.csv`), when it has any.
    pub anggaran: Option<super::anggaran::BagianAnggaran>,
    /// Coverage against need when it targets by decile: the whole site's and the top
    /// regions', worst covered first ([`super::cakupan`]).
    pub cakupan: Vec<super::cakupan::BagianCakupan>,
    /// Meeting notes that name this programme.
    pub rapat: Vec<RingkasRapat>,
    /// The notice when some of its figures are `sementara` or `ilustratif`.
    pub asal: super::asal::KonteksAsal,
}

impl Situs<'_> {
    /// The regions whose tables a programme or tahap page shows: the kabupaten/kota when the
    /// tree has them, else the top level.
    pub(super) fn wilayah_ringkas(&self) -> Vec<WilayahId> {
        let tree = &self.data.wilayah;
        let kab: Vec<WilayahId> = WilayahId::semua(tree.len())
            .filter(|&w| tree.node(w).tingkat == Tingkat::KabupatenKota)
            .collect();
        if kab.is_empty() {
            tree.akar.clone()
        } else {
            kab
        }
    }

    pub(super) fn konteks_program(&self, p: ProgramId) -> KonteksProgram {
        let prog = &self.data.program[p.indeks()];
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
            nilai_kalimat: prog.nilai_per_kpm.map(|n| {
                let nilai = crate::format::rupiah(n.min(i64::MAX as u64) as i64, self.lang());
                self.kata.isi(
                    match prog.periode {
                        Periode::Bulanan => "nilai_periode_bulanan",
                        Periode::DuaBulanan => "nilai_periode_dua_bulanan",
                        Periode::Triwulanan => "nilai_periode_triwulanan",
                        Periode::Tahap => "nilai_periode_tahap",
                        Periode::Sekali => "nilai_periode_sekali",
                    },
                    &[("nilai", &nilai)],
                )
            }),
            desil_kalimat: prog.desil_maks.map(|m| {
                if m == 1 {
                    self.kata.teks("desil_sasaran_satu").to_string()
                } else {
                    self.kata.isi("desil_sasaran", &[("desil", &m.to_string())])
                }
            }),
            syarat: prog.syarat.clone(),
            cara_cek: prog.cara_cek.clone(),
            dokumen: self.dokumen_program(p).map(str::to_string),
            tautan_resmi: prog.tautan_resmi.clone(),
            tautan_resmi_href: prog
                .tautan_resmi
                .as_deref()
                .and_then(crate::config::periksa_tautan),
            pengaduan: self.pengaduan_program(p),
            tahap: self.bagian_tahap(
                None,
                &self.report.total,
                &self.wilayah_ringkas(),
                None,
                Some(p),
                None,
            ),
            tren: self.tren(None, &self.report.total, Some(p)),
            anggaran: self.anggaran_program(p),
            cakupan: self.cakupan_program(p),
            rapat: self.daftar_rapat(self.rapat_program.get(&p)),
            asal: self.peringatan_sifat(
                [self.tanda_sifat(None, |k, _| k.program == p)],
                self.path(Halaman::Beranda),
            ),
        }
    }

    pub(super) fn konteks_daftar_program(&self) -> KonteksDaftar {
        let item = ProgramId::semua(self.data.program.len())
            .map(|p| {
                let prog = &self.data.program[p.indeks()];
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
                    tahap: terakhir.map(|t| self.data.tahap[t.indeks()].nama.clone()),
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
}

impl Situs<'_> {
    /// What to bring to a programme's payment when `program.csv` says it for this programme
    /// (`dokumen`); `None`: the site's default applies (`[jadwal] bawa`, else the theme's
    /// `bawa`), as the desa page and the printed notice say it.
    pub(crate) fn dokumen_program(&self, p: ProgramId) -> Option<&str> {
        self.data.program[p.indeks()].dokumen.as_deref()
    }

    /// The channels of `[[pengaduan]]` for a programme's page: those for the programme (or
    /// for every programme) whose regions overlap the kabupaten/kota where it has figures.
    pub(super) fn pengaduan_program(&self, p: ProgramId) -> Vec<super::pengaduan::Saluran> {
        let wilayah: Vec<&str> = self
            .wilayah_ringkas()
            .into_iter()
            .filter(|&w| {
                self.report.wilayah[w.indeks()]
                    .sel
                    .iter()
                    .any(|(k, _)| k.program == p)
            })
            .map(|w| self.data.wilayah.node(w).kode_teks.as_str())
            .collect();
        super::pengaduan::untuk(
            self.config,
            &wilayah,
            &[self.data.program[p.indeks()].kode.as_str()],
        )
    }

    /// A programme page's path: `program/<slug>.html`.
    pub(super) fn path_program(&self, p: ProgramId) -> String {
        format!("program/{}.html", self.program_slug[p.indeks()])
    }
}

/// The list of programmes.
pub struct HalamanDaftarProgram;

impl JenisHalaman for HalamanDaftarProgram {
    type Kunci = ();
    const TEMPLATE: &'static str = super::bagian::TEMPLATE_DAFTAR;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH_DAFTAR.to_string()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Daftar(s.konteks_daftar_program())
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.daftar_program")
    }
}

/// A programme's page.
pub struct HalamanProgram;

impl JenisHalaman for HalamanProgram {
    type Kunci = ProgramId;
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(s: &Situs<'_>, p: ProgramId) -> String {
        s.path_program(p)
    }
    fn konteks(s: &Situs<'_>, p: ProgramId) -> Konteks {
        Konteks::Program(Box::new(s.konteks_program(p)))
    }
    fn asal(s: &Situs<'_>, p: ProgramId) -> Asal {
        let tempat = s
            .data
            .program_di
            .get(p.indeks())
            .copied()
            .unwrap_or_default();
        s.asal_data("data/program.csv", tempat, &s.data.program[p.indeks()].kode)
    }
}
