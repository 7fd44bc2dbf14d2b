//! Coverage against need on a region page: for each programme that targets by DTSEN decile
//! (`desil_maks`), KPM paid in its latest tahap against the households in the deciles it
//! targets, for the region in one sentence and for its children in a table and bars, worst
//! covered first, those without decile figures last as unknown ([`crate::analysis::cakupan`]).

use std::hash::Hash;

use serde::Serialize;

use super::Situs;
use super::bagian::Tautan;
use super::grafik::{Batang, Grafik, GrafikBatang, IsiGrafik, Satuan};
use crate::analysis::cakupan::{self, Cakupan};
use crate::data::WilayahId;
use crate::format::{persen, ribuan};

/// One programme's coverage on a region page.
#[derive(Debug, Clone, Serialize)]
pub struct BagianCakupan {
    /// Anchor (`cakupan-blts-kesra`).
    pub id: String,
    /// The programme's code.
    pub program: String,
    /// The tahap measured.
    pub tahap: String,
    /// The decile period matched to it.
    pub periode: String,
    /// The targeted households' column heading (`KK desil 1–2 (2025)`).
    pub kolom_kk: String,
    /// The region's coverage in one sentence.
    pub ringkasan: String,
    /// The region itself (the table's total).
    pub jumlah: BarisCakupan,
    /// Its children, worst covered first, unknown last.
    pub baris: Vec<BarisCakupan>,
    /// The children's coverage as bars (those known), when there are any.
    pub grafik: Option<Grafik>,
}

/// One region's row.
#[derive(Debug, Clone, Serialize)]
pub struct BarisCakupan {
    /// The region and its page.
    pub wilayah: Tautan,
    /// KPM paid.
    pub tersalur: u64,
    /// Households in the targeted deciles; `None` when unknown.
    pub kk: Option<u64>,
    /// Paid over targeted; `None` when unknown.
    pub rasio: Option<f64>,
}

impl Situs<'_> {
    /// The coverage sections of region `w`'s page: one per programme with `desil_maks` that
    /// has figures in the region, when the region has decile figures (without them, none of
    /// its children has any: deciles are summed up the tree).
    pub(super) fn cakupan_wilayah(&self, w: WilayahId) -> Vec<BagianCakupan> {
        if !self.report.desil.contains_key(&w) {
            return Vec::new();
        }
        let rekap = &self.report.wilayah[w.indeks()];
        let mut out = Vec::new();
        for (p, prog) in
            crate::data::ProgramId::semua(self.data.program.len()).zip(&self.data.program)
        {
            let Some(desil_maks) = prog.desil_maks else {
                continue;
            };
            let Some(tahap) =
                cakupan::tahap_terakhir(rekap, p, |t| self.data.tahap[t.indeks()].mulai)
            else {
                continue;
            };
            let mulai = self.data.tahap[tahap.indeks()].mulai.to_string();
            let tree = &self.data.wilayah;
            let anak_dari = |r: WilayahId| tree.node(r).anak.as_slice();
            let rekap_dari = |r: WilayahId| &self.report.wilayah[r.indeks()];
            let sebaran_dari = |r: WilayahId| self.report.desil.get(&r).map(Vec::as_slice);
            let hitung = |r: WilayahId| {
                cakupan::hitung_sepadan(
                    r,
                    &anak_dari,
                    &rekap_dari,
                    &sebaran_dari,
                    p,
                    tahap,
                    &mulai,
                    desil_maks,
                )
            };
            let sendiri = hitung(w);
            let Some((periode, _)) = sendiri.sasaran.clone() else {
                continue;
            };
            let mut anak: Vec<(WilayahId, Cakupan)> = self
                .data
                .wilayah
                .node(w)
                .anak
                .iter()
                .map(|&c| (c, hitung(c)))
                .collect();
            // stable: equal coverage keeps the tree's (code) order
            anak.sort_by(|a, b| a.1.banding(&b.1));
            out.push(self.bagian_cakupan(
                Some(w),
                prog,
                tahap,
                desil_maks,
                periode,
                &sendiri,
                &anak,
            ));
        }
        out
    }

    /// The coverage section of programme `p`'s page, when it targets by decile: the whole
    /// site's (the sum over the top regions whose targeted households are known, each
    /// measured as its own page measures it) and the top regions', on the programme's latest
    /// tahap with figures, worst covered first.
    pub(super) fn cakupan_program(&self, p: crate::data::ProgramId) -> Vec<BagianCakupan> {
        let prog = &self.data.program[p.indeks()];
        let Some(desil_maks) = prog.desil_maks else {
            return Vec::new();
        };
        if self.report.desil.is_empty() {
            return Vec::new();
        }
        let Some(tahap) =
            cakupan::tahap_terakhir(&self.report.total, p, |t| self.data.tahap[t.indeks()].mulai)
        else {
            return Vec::new();
        };
        let mulai = self.data.tahap[tahap.indeks()].mulai.to_string();
        let tree = &self.data.wilayah;
        let anak_dari = |r: WilayahId| tree.node(r).anak.as_slice();
        let rekap_dari = |r: WilayahId| &self.report.wilayah[r.indeks()];
        let sebaran_dari = |r: WilayahId| self.report.desil.get(&r).map(Vec::as_slice);
        let mut anak: Vec<(WilayahId, Cakupan)> = tree
            .akar
            .iter()
            .map(|&c| {
                let x = cakupan::hitung_sepadan(
                    c,
                    &anak_dari,
                    &rekap_dari,
                    &sebaran_dari,
                    p,
                    tahap,
                    &mulai,
                    desil_maks,
                );
                (c, x)
            })
            .collect();
        // the whole site: the top regions whose targeted households are known, their KPM
        // against their households (the KPM of the others never counts)
        let mut tersalur_kpm = 0u64;
        let mut kk = Some(0u64);
        let mut periode: Vec<String> = Vec::new();
        let mut diketahui = 0usize;
        for (_, c) in &anak {
            let Some((per, k)) = &c.sasaran else {
                continue;
            };
            tersalur_kpm = tersalur_kpm.saturating_add(c.tersalur_kpm);
            kk = kk.and_then(|t| t.checked_add(*k));
            if !periode.contains(per) {
                periode.push(per.clone());
            }
            diketahui += 1;
        }
        let (Some(kk), false) = (kk, periode.is_empty()) else {
            return Vec::new();
        };
        let periode = periode.join("/");
        let sendiri = Cakupan {
            tersalur_kpm,
            sasaran: Some((periode.clone(), kk)),
            dijumlahkan: if diketahui < anak.len() { diketahui } else { 0 },
        };
        anak.sort_by(|a, b| a.1.banding(&b.1));
        vec![self.bagian_cakupan(None, prog, tahap, desil_maks, periode, &sendiri, &anak)]
    }

    #[allow(clippy::too_many_arguments)]
    fn bagian_cakupan(
        &self,
        w: Option<WilayahId>,
        prog: &crate::data::Program,
        tahap: crate::data::TahapId,
        desil_maks: u8,
        periode: String,
        sendiri: &Cakupan,
        anak: &[(WilayahId, Cakupan)],
    ) -> BagianCakupan {
        let lang = self.lang();
        let baris_dari = |r: Option<WilayahId>, c: &Cakupan| BarisCakupan {
            wilayah: match r {
                Some(r) => self.tautan_wilayah(r),
                None => Tautan {
                    label: self.nama_cakupan(None),
                    href: String::new(),
                },
            },
            tersalur: c.tersalur_kpm,
            kk: c.sasaran.as_ref().map(|s| s.1),
            rasio: c.rasio(),
        };
        let jumlah = baris_dari(w, sendiri);
        let tahap_nama = self.data.tahap[tahap.indeks()].nama.clone();
        let desil = desil_maks.clamp(1, 10).to_string();
        let tidak_tahu = self.kata.teks("cakupan_tidak_diketahui");
        let mut ringkasan = self.kata.isi(
            "ringkasan_cakupan",
            &[
                ("program", &prog.kode),
                ("tahap", &tahap_nama),
                ("kpm", &ribuan(jumlah.tersalur as i64, lang)),
                ("kk", &ribuan(jumlah.kk.unwrap_or(0) as i64, lang)),
                ("desil", &desil),
                ("periode", &periode),
                (
                    "persen",
                    &jumlah
                        .rasio
                        .map_or_else(|| tidak_tahu.to_string(), |r| persen(r, lang)),
                ),
            ],
        );
        if sendiri.dijumlahkan > 0 {
            ringkasan.push(' ');
            ringkasan.push_str(&self.kata.isi(
                "cakupan_sebagian",
                &[("n", &ribuan(sendiri.dijumlahkan as i64, lang))],
            ));
        }
        let baris: Vec<BarisCakupan> = anak.iter().map(|(r, c)| baris_dari(Some(*r), c)).collect();
        let id = format!("cakupan-{}", super::file_slug(&prog.kode));
        let batang: Vec<Batang> = baris
            .iter()
            .filter_map(|b| {
                let r = b.rasio?;
                Some(Batang {
                    label: b.wilayah.label.clone(),
                    nilai_label: persen(r, lang),
                    // the outline is full coverage, so a bar past it is more paid than needed
                    penuh: 1.0,
                    isi: r,
                })
            })
            .collect();
        let grafik = (!batang.is_empty()).then(|| Grafik {
            id: format!("{id}-grafik"),
            judul: self.kata.isi(
                "judul_grafik_cakupan",
                &[("program", &prog.kode), ("tahap", &tahap_nama)],
            ),
            deskripsi: ringkasan.clone(),
            isi: IsiGrafik::Batang(GrafikBatang {
                satuan: Satuan::Persen,
                baris: batang,
                legenda: None,
            }),
            svg: String::new(),
        });
        BagianCakupan {
            id,
            program: prog.kode.clone(),
            tahap: tahap_nama,
            kolom_kk: self.kata.isi(
                "cakupan_kolom_kk",
                &[("desil", &desil), ("periode", &periode)],
            ),
            periode,
            ringkasan,
            jumlah,
            baris,
            grafik,
        }
    }

    /// Every region's coverage, for `unduh/cakupan.csv`: per region with decile figures (own
    /// or summed) and programme with `desil_maks` and figures there, its own sentence's
    /// figure ([`cakupan::hitung_sepadan`] on its latest tahap), in region then programme
    /// order; those without targeted households known left out.
    pub(super) fn cakupan_semua(
        &self,
    ) -> Vec<(
        WilayahId,
        crate::data::ProgramId,
        crate::data::TahapId,
        u8,
        Cakupan,
    )> {
        let mut ws: Vec<WilayahId> = self.report.desil.keys().copied().collect();
        ws.sort_unstable();
        let tree = &self.data.wilayah;
        let anak_dari = |r: WilayahId| tree.node(r).anak.as_slice();
        let rekap_dari = |r: WilayahId| &self.report.wilayah[r.indeks()];
        let sebaran_dari = |r: WilayahId| self.report.desil.get(&r).map(Vec::as_slice);
        let mut out = Vec::new();
        for w in ws {
            for (p, prog) in
                crate::data::ProgramId::semua(self.data.program.len()).zip(&self.data.program)
            {
                let Some(desil_maks) = prog.desil_maks else {
                    continue;
                };
                let Some(tahap) = cakupan::tahap_terakhir(rekap_dari(w), p, |t| {
                    self.data.tahap[t.indeks()].mulai
                }) else {
                    continue;
                };
                let mulai = self.data.tahap[tahap.indeks()].mulai.to_string();
                let c = cakupan::hitung_sepadan(
                    w,
                    &anak_dari,
                    &rekap_dari,
                    &sebaran_dari,
                    p,
                    tahap,
                    &mulai,
                    desil_maks,
                );
                if c.sasaran.is_some() {
                    out.push((w, p, tahap, desil_maks, c));
                }
            }
        }
        out
    }

    /// What a region page's coverage shows, for its fingerprint: the sections themselves (a
    /// region's figure may depend on regions further below than its children). Nothing when no
    /// programme targets by decile.
    pub(super) fn hash_cakupan(&self, w: WilayahId, h: &mut impl std::hash::Hasher) {
        if !self.data.program.iter().any(|p| p.desil_maks.is_some()) {
            return;
        }
        // what the section shows, computed as the page computes it: a region's figure can
        // depend on regions further below (`hitung_sepadan`), which their parents' summed
        // deciles do not always tell apart
        for b in self.cakupan_wilayah(w) {
            b.program.hash(h);
            b.tahap.hash(h);
            b.ringkasan.hash(h);
            for r in &b.baris {
                (&r.wilayah.label, r.tersalur, r.kk).hash(h);
            }
        }
    }
}
