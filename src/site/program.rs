//! The list of programmes (`program/index.html`) and a programme's page
//! (`program/<slug>.html`).

use serde::Serialize;

use super::bagian::{BagianTahap, ItemDaftar, KonteksDaftar, Tautan, Umum};
use super::rapat::RingkasRapat;
use super::{Halaman, Situs};
use super::{JenisHalaman, Konteks, jalur::Asal};
use crate::data::{ProgramId, Tingkat, WilayahId};

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
    /// Per tahap: figures per penyalur and per region.
    pub tahap: Vec<BagianTahap>,
    /// Meeting notes that name this programme.
    pub rapat: Vec<RingkasRapat>,
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
