//! The verification funnel of a region page: each step's count, the share kept from the step
//! before and from the start, as a table and a bar chart.

use serde::Serialize;

use super::Situs;
use super::grafik::{Batang, Grafik, GrafikBatang, IsiGrafik, Satuan};
use crate::analysis::verval::Corong;
use crate::data::WilayahId;
use crate::format::{persen, ribuan};

/// One funnel on a region page.
#[derive(Debug, Clone, Serialize)]
pub struct BagianVerval {
    /// Anchor (`verval-modal-usaha-2022`).
    pub id: String,
    /// `Bantuan Modal Usaha Miskin Ekstrem (MODAL-USAHA) · 2022`.
    pub judul: String,
    /// The funnel in one sentence, with its numbers.
    pub ringkasan: String,
    /// The note given with the data (`Angka ilustratif …`), or empty.
    pub catatan: String,
    /// How many regions below were added up; 0 for the region's own figures.
    pub dijumlahkan: usize,
    /// The steps, first to last.
    pub baris: Vec<BarisVerval>,
    /// The funnel as bars, each step against the first.
    pub grafik: Grafik,
}

/// One step.
#[derive(Debug, Clone, Serialize)]
pub struct BarisVerval {
    /// The step's name.
    pub langkah: String,
    /// How many remained.
    pub jumlah: u64,
    /// Share of the step before (`None` for the first).
    pub dari_sebelumnya: Option<f64>,
    /// Share of the first step (`None` for the first).
    pub dari_awal: Option<f64>,
}

impl Situs<'_> {
    /// The funnels shown on region `w`'s page.
    pub(super) fn verval_wilayah(&self, w: WilayahId) -> Vec<BagianVerval> {
        self.report
            .verval
            .get(&w)
            .into_iter()
            .flatten()
            .map(|c| self.bagian_verval(c))
            .collect()
    }

    fn bagian_verval(&self, c: &Corong) -> BagianVerval {
        let lang = self.lang();
        let awal = c.langkah.first().map_or(0, |l| l.1);
        let mut baris = Vec::with_capacity(c.langkah.len());
        let mut sebelumnya: Option<u64> = None;
        for (langkah, jumlah) in &c.langkah {
            let bagi = |d: u64| (d > 0).then(|| *jumlah as f64 / d as f64);
            baris.push(BarisVerval {
                langkah: langkah.clone(),
                jumlah: *jumlah,
                dari_sebelumnya: sebelumnya.and_then(bagi),
                dari_awal: sebelumnya.and(bagi(awal)),
            });
            sebelumnya = Some(*jumlah);
        }
        let program = self.nama_program(c.program);
        let judul = format!("{program} · {}", c.periode);
        let id = format!(
            "verval-{}-{}",
            self.program_slug[c.program.indeks()],
            super::file_slug(&c.periode)
        );
        let (first, last) = (c.langkah.first(), c.langkah.last());
        let ringkasan = match (first, last, c.sisa()) {
            (Some((a, na)), Some((b, nb)), Some(r)) if c.langkah.len() > 1 => self.kata.isi(
                "ringkasan_verval",
                &[
                    ("awal", &ribuan(*na as i64, lang)),
                    ("langkah_awal", a),
                    ("akhir", &ribuan(*nb as i64, lang)),
                    ("persen", &persen(r, lang)),
                    ("langkah_akhir", b),
                ],
            ),
            _ => String::new(),
        };
        let grafik = Grafik {
            id: format!("{id}-corong"),
            judul: self.kata.isi("judul_grafik_verval", &[("judul", &judul)]),
            deskripsi: ringkasan.clone(),
            isi: IsiGrafik::Batang(GrafikBatang {
                satuan: Satuan::Kpm,
                baris: baris
                    .iter()
                    .map(|b| Batang {
                        label: b.langkah.clone(),
                        nilai_label: match b.dari_awal {
                            Some(r) => {
                                format!("{} · {}", ribuan(b.jumlah as i64, lang), persen(r, lang))
                            }
                            None => ribuan(b.jumlah as i64, lang),
                        },
                        penuh: awal as f64,
                        isi: b.jumlah as f64,
                    })
                    .collect(),
                legenda: None,
            }),
            svg: String::new(),
        };
        BagianVerval {
            id,
            judul,
            ringkasan,
            catatan: c.catatan.clone(),
            dijumlahkan: c.dijumlahkan,
            baris,
            grafik,
        }
    }
}
