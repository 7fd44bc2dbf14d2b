//! A region's (or the whole site's, or a programme's) figures over time: per programme with
//! data in at least two tahap, its KPM allocated, paid and failed, the realisation rate and the
//! rupiah paid per tahap, in the order of the tahap's dates, as a table and bars.
//!
//! The series are read from the cells the analysis already summed (`Rekap`, programme ×
//! tahap × penyalur), one pass over a region's cells: nothing is added to the analysis, and a
//! region page's fingerprint already covers them (its `rekap`, and the tahap's names and
//! dates in what every page shares).

use serde::Serialize;

use super::Situs;
use super::bagian::Tautan;
use super::grafik::{Batang, Grafik, GrafikBatang, IsiGrafik, Satuan};
use crate::analysis::{Angka, Rekap};
use crate::data::{ProgramId, TahapId, WilayahId};
use crate::format::{persen, ribuan};

/// One programme's trend on a page.
#[derive(Debug, Clone, Serialize)]
pub struct BagianTren {
    /// Anchor (`tren-pkh`).
    pub id: String,
    /// The programme, linked to its page.
    pub program: Tautan,
    /// The table's caption (`PKH per tahap, seluruh wilayah`).
    pub judul: String,
    /// One row per tahap, oldest first.
    pub baris: Vec<BarisTren>,
    /// Whether any row has the rupiah paid (else the column is left out).
    pub ada_nilai: bool,
    /// Allocated against paid per tahap.
    pub grafik: Grafik,
}

/// One tahap of a programme's trend.
#[derive(Debug, Clone, Serialize)]
pub struct BarisTren {
    /// The tahap, linked to its page.
    pub tahap: Tautan,
    /// KPM allocated.
    pub alokasi_kpm: u64,
    /// KPM paid.
    pub tersalur_kpm: u64,
    /// Paid / allocated.
    pub realisasi: Option<f64>,
    /// KPM failed.
    pub gagal_kpm: u64,
    /// Rupiah paid, when every row that paid had an amount.
    pub tersalur_nilai: Option<u64>,
}

/// Per programme, its figures per tahap (summed over penyalur) in the order `urutan` gives
/// the tahap (a key per tahap id: its dates), kept only for the programmes with figures in
/// at least two tahap. `sel` are a `Rekap`'s cells, sorted by programme, then tahap.
pub fn seri<K: Ord>(
    sel: &[(crate::analysis::Kunci, Angka)],
    urutan: impl Fn(TahapId) -> K,
) -> Vec<(ProgramId, Vec<(TahapId, Angka)>)> {
    let mut out: Vec<(ProgramId, Vec<(TahapId, Angka)>)> = Vec::new();
    for (k, a) in sel {
        match out.last_mut() {
            Some((p, tahap)) if *p == k.program => match tahap.last_mut() {
                Some((t, sum)) if *t == k.tahap => sum.merge(a),
                _ => tahap.push((k.tahap, *a)),
            },
            _ => out.push((k.program, vec![(k.tahap, *a)])),
        }
    }
    for (_, tahap) in &mut out {
        tahap.retain(|(_, a)| ada_data(a));
        tahap.sort_by_key(|(t, _)| (urutan(*t), *t));
    }
    out.retain(|(_, tahap)| tahap.len() >= 2);
    out
}

/// Whether a programme × tahap has anything to show: an allocation, or a payment or failure
/// reported.
fn ada_data(a: &Angka) -> bool {
    a.alokasi_kpm > 0 || a.tersalur_kpm > 0 || a.gagal_kpm > 0
}

impl Situs<'_> {
    /// The trends shown for region `w` (the whole site with `None`) with figures `rekap`;
    /// only programme `hanya_program`'s on a programme page.
    pub(super) fn tren(
        &self,
        w: Option<WilayahId>,
        rekap: &Rekap,
        hanya_program: Option<ProgramId>,
    ) -> Vec<BagianTren> {
        let sel = match hanya_program {
            Some(p) => {
                let awal = rekap.sel.partition_point(|(k, _)| k.program < p);
                let akhir = rekap.sel.partition_point(|(k, _)| k.program <= p);
                &rekap.sel[awal..akhir]
            }
            None => &rekap.sel[..],
        };
        let urutan = |t: TahapId| {
            let tahap = &self.data.tahap[t.indeks()];
            (tahap.mulai, tahap.selesai)
        };
        seri(sel, urutan)
            .into_iter()
            .map(|(p, tahap)| self.bagian_tren(w, p, &tahap))
            .collect()
    }

    fn bagian_tren(
        &self,
        w: Option<WilayahId>,
        p: ProgramId,
        tahap: &[(TahapId, Angka)],
    ) -> BagianTren {
        let lang = self.lang();
        let kode = &self.data.program[p.indeks()].kode;
        let nama = self.nama_cakupan(w);
        let baris: Vec<BarisTren> = tahap
            .iter()
            .map(|(t, a)| BarisTren {
                tahap: self.tautan_tahap(*t),
                alokasi_kpm: a.alokasi_kpm,
                tersalur_kpm: a.tersalur_kpm,
                realisasi: a.realisasi(),
                gagal_kpm: a.gagal_kpm,
                tersalur_nilai: a.tersalur_nilai.lengkap().filter(|_| a.tersalur_kpm > 0),
            })
            .collect();
        let mut batang = Vec::with_capacity(baris.len());
        let mut kalimat = Vec::with_capacity(baris.len());
        for b in &baris {
            let (salur, alok, gagal) = (
                ribuan(b.tersalur_kpm as i64, lang),
                ribuan(b.alokasi_kpm as i64, lang),
                ribuan(b.gagal_kpm as i64, lang),
            );
            let rate = b.realisasi.map(|r| persen(r, lang));
            batang.push(Batang {
                label: b.tahap.label.clone(),
                nilai_label: match &rate {
                    Some(r) => format!("{r} · {salur}/{alok}"),
                    None => format!("{salur}/{alok}"),
                },
                penuh: b.alokasi_kpm as f64,
                isi: b.tersalur_kpm as f64,
            });
            let rate = rate.map(|r| format!(" ({r})")).unwrap_or_default();
            kalimat.push(self.kata.isi(
                "tren_baris",
                &[
                    ("tahap", &b.tahap.label),
                    ("tersalur", &salur),
                    ("alokasi", &alok),
                    ("persen", &rate),
                    ("gagal", &gagal),
                ],
            ));
        }
        let id = format!("tren-{}", self.program_slug[p.indeks()]);
        let isian = [("program", kode.as_str()), ("nama", &nama)];
        let judul = self.kata.isi("tren_judul", &isian);
        let grafik = Grafik {
            id: format!("{id}-grafik"),
            judul: self.kata.isi("tren_grafik_judul", &isian),
            deskripsi: self.kata.isi(
                "tren_grafik_deskripsi",
                &[
                    ("program", kode.as_str()),
                    ("nama", &nama),
                    ("baris", &kalimat.join("; ")),
                ],
            ),
            isi: IsiGrafik::Batang(GrafikBatang {
                satuan: Satuan::Kpm,
                baris: batang,
                legenda: Some((
                    self.kata.teks("grafik_legenda_alokasi").to_string(),
                    self.kata.teks("grafik_legenda_tersalur").to_string(),
                )),
            }),
            svg: String::new(),
        };
        BagianTren {
            id,
            program: self.tautan_program(p),
            judul,
            ada_nilai: baris.iter().any(|b| b.tersalur_nilai.is_some()),
            baris,
            grafik,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Kunci;
    use crate::data::PenyalurId;

    fn kunci(p: usize, t: usize, s: usize) -> Kunci {
        Kunci {
            program: ProgramId::baru(p).unwrap(),
            tahap: TahapId::baru(t).unwrap(),
            penyalur: PenyalurId::baru(s).unwrap(),
        }
    }

    fn angka(alokasi: u64, tersalur: u64, gagal: u64) -> Angka {
        Angka {
            alokasi_kpm: alokasi,
            tersalur_kpm: tersalur,
            gagal_kpm: gagal,
            ..Angka::default()
        }
    }

    #[test]
    fn a_programme_in_two_tahap_has_a_series_summed_over_penyalur() {
        let sel = vec![
            (kunci(0, 0, 0), angka(10, 8, 1)),
            (kunci(0, 0, 1), angka(5, 5, 0)),
            (kunci(0, 1, 0), angka(20, 3, 0)),
            // one tahap only: no trend
            (kunci(1, 0, 0), angka(7, 7, 0)),
        ];
        let s = seri(&sel, |t| t.indeks());
        assert_eq!(s.len(), 1);
        let (p, tahap) = &s[0];
        assert_eq!(p.indeks(), 0);
        let figures: Vec<(usize, u64, u64, u64)> = tahap
            .iter()
            .map(|(t, a)| (t.indeks(), a.alokasi_kpm, a.tersalur_kpm, a.gagal_kpm))
            .collect();
        assert_eq!(figures, vec![(0, 15, 13, 1), (1, 20, 3, 0)]);
    }

    #[test]
    fn tahap_are_ordered_by_their_dates_not_their_position() {
        let sel = vec![
            (kunci(0, 0, 0), angka(10, 0, 0)),
            (kunci(0, 1, 0), angka(20, 0, 0)),
            (kunci(0, 2, 0), angka(30, 0, 0)),
        ];
        // tahap 2 is the oldest, tahap 0 the newest
        let s = seri(&sel, |t| [3, 2, 1][t.indeks()]);
        let order: Vec<usize> = s[0].1.iter().map(|(t, _)| t.indeks()).collect();
        assert_eq!(order, vec![2, 1, 0]);
    }

    #[test]
    fn a_tahap_without_figures_does_not_count() {
        let sel = vec![
            (kunci(0, 0, 0), angka(10, 5, 0)),
            (kunci(0, 1, 0), angka(0, 0, 0)),
        ];
        assert!(seri(&sel, |t| t.indeks()).is_empty());
        // paid without an allocation is still data
        let sel = vec![
            (kunci(0, 0, 0), angka(10, 5, 0)),
            (kunci(0, 1, 0), angka(0, 4, 0)),
        ];
        assert_eq!(seri(&sel, |t| t.indeks())[0].1.len(), 2);
    }

    #[test]
    fn no_cells_no_trend() {
        assert!(seri(&[], |t: TahapId| t.indeks()).is_empty());
    }
}
