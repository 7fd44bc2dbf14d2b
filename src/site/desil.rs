//! The DTSEN decile distribution of a region page: households per decile, the share of each,
//! and the programmes that target it (`desil_maks` in `program.csv`), as a table and bars.

use serde::Serialize;

use super::Situs;
use super::grafik::{Batang, Grafik, GrafikBatang, IsiGrafik, Satuan};
use crate::analysis::desil::SebaranDesil;
use crate::data::WilayahId;
use crate::format::{persen, ribuan};

/// One distribution on a region page.
#[derive(Debug, Clone, Serialize)]
pub struct BagianDesil {
    /// Anchor (`desil-2025`).
    pub id: String,
    /// The period.
    pub periode: String,
    /// The distribution in one sentence, with the targeted deciles' share.
    pub ringkasan: String,
    /// The note given with the data, or empty.
    pub catatan: String,
    /// How many regions below were added up; 0 for the region's own figures.
    pub dijumlahkan: usize,
    /// Households in all deciles.
    pub kk: u64,
    /// Deciles 1 to 10.
    pub baris: Vec<BarisDesil>,
    /// The distribution as bars.
    pub grafik: Grafik,
}

/// One decile.
#[derive(Debug, Clone, Serialize)]
pub struct BarisDesil {
    /// 1 to 10.
    pub desil: u8,
    /// Households.
    pub kk: u64,
    /// Share of all households.
    pub bagian: Option<f64>,
    /// The programmes that target this decile (codes).
    pub sasaran: Vec<String>,
}

impl Situs<'_> {
    /// The decile distributions shown on region `w`'s page.
    pub(super) fn desil_wilayah(&self, w: WilayahId) -> Vec<BagianDesil> {
        self.report
            .desil
            .get(&w)
            .into_iter()
            .flatten()
            .map(|s| self.bagian_desil(s))
            .collect()
    }

    fn bagian_desil(&self, s: &SebaranDesil) -> BagianDesil {
        let lang = self.lang();
        let kk: u64 = s.kk.iter().sum();
        let bagi = |n: u64| (kk > 0).then(|| n as f64 / kk as f64);
        let baris: Vec<BarisDesil> = (1..=10u8)
            .map(|d| BarisDesil {
                desil: d,
                kk: s.kk[usize::from(d) - 1],
                bagian: bagi(s.kk[usize::from(d) - 1]),
                sasaran: self
                    .data
                    .program
                    .iter()
                    .filter(|p| p.desil_maks.is_some_and(|m| d <= m))
                    .map(|p| p.kode.clone())
                    .collect(),
            })
            .collect();
        let mut ringkasan = self
            .kata
            .isi("ringkasan_desil", &[("kk", &ribuan(kk as i64, lang))]);
        for p in &self.data.program {
            let Some(m) = p.desil_maks else { continue };
            let n: u64 = s.kk[..usize::from(m)].iter().sum();
            let share = bagi(n).map(|r| persen(r, lang)).unwrap_or_default();
            ringkasan.push(' ');
            ringkasan.push_str(&self.kata.isi(
                "ringkasan_desil_program",
                &[
                    ("program", &p.kode),
                    ("desil", &m.to_string()),
                    ("kk", &ribuan(n as i64, lang)),
                    ("persen", &share),
                ],
            ));
        }
        let id = format!("desil-{}", super::file_slug(&s.periode));
        let grafik = Grafik {
            id: format!("{id}-grafik"),
            judul: self
                .kata
                .isi("judul_grafik_desil", &[("periode", &s.periode)]),
            deskripsi: ringkasan.clone(),
            isi: IsiGrafik::Batang(GrafikBatang {
                satuan: Satuan::Kpm,
                baris: baris
                    .iter()
                    .map(|b| Batang {
                        label: self.kata.isi(
                            if b.sasaran.is_empty() {
                                "desil_label"
                            } else {
                                "desil_label_sasaran"
                            },
                            &[
                                ("desil", &b.desil.to_string()),
                                ("program", &b.sasaran.join(", ")),
                            ],
                        ),
                        nilai_label: match b.bagian {
                            Some(r) => {
                                format!("{} · {}", ribuan(b.kk as i64, lang), persen(r, lang))
                            }
                            None => ribuan(b.kk as i64, lang),
                        },
                        // bars only: each decile against the axis, no outline
                        penuh: 0.0,
                        isi: b.kk as f64,
                    })
                    .collect(),
                legenda: None,
            }),
            svg: String::new(),
        };
        BagianDesil {
            id,
            periode: s.periode.clone(),
            ringkasan,
            catatan: s.catatan.clone(),
            dijumlahkan: s.dijumlahkan,
            kk,
            baris,
            grafik,
        }
    }
}
