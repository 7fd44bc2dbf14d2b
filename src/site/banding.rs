//! Regions side by side: the `[[bandingkan]]` pages of `site.toml` (`Halaman::Bandingkan`),
//! and the ranking of every region's children on the same measures (`Halaman::Peringkat`).
//! The measures themselves are computed in [`crate::analysis::banding`].

use serde::Serialize;

use super::asal::{KonteksAsal, TandaSifat};
use super::grafik::{Batang, Grafik, GrafikBatang, IsiGrafik, Satuan};
use super::kata::Kata;
use super::{Halaman, Situs, Tautan, Umum};
use super::{JenisHalaman, Konteks, jalur::Asal};
use crate::analysis::banding::{Ukuran, hasil_verval, semua_kota, ukuran};
use crate::analysis::verval::Corong;
use crate::data::{ProgramId, TahapId, WilayahId};
use crate::format::{persen, ribuan, rupiah};
use crate::lang::Lang;

/// A compared region, as a column head.
#[derive(Debug, Clone, Serialize)]
pub struct KolomWilayah {
    /// Its name and page.
    pub tautan: Tautan,
    /// Households, when known.
    pub kk: Option<u64>,
    /// Population, when known.
    pub penduduk: Option<u64>,
    /// The download holding its figures, as CSV.
    pub csv: String,
    /// The same as JSON.
    pub json: String,
    /// The mark of its compared figures when some are `sementara` or `ilustratif`.
    pub sifat: Option<TandaSifat>,
}

/// One measure across the compared regions.
#[derive(Debug, Clone, Serialize)]
pub struct BarisBanding {
    /// What is measured (`KPM per 1.000 KK`).
    pub ukuran: String,
    /// The value per region, written out (`285,2`, `–` when unknown).
    pub nilai: Vec<String>,
}

/// One programme (and tahap) compared.
#[derive(Debug, Clone, Serialize)]
pub struct BagianBanding {
    /// Anchor to cite (`bst-tahap-2021-07`, `modal-usaha-verval`).
    pub id: String,
    /// `BST · Juli 2021`.
    pub judul: String,
    /// The programme's page.
    pub program: Tautan,
    /// The tahap's page (none for a section of verification funnels only).
    pub tahap: Option<Tautan>,
    /// One row per measure.
    pub baris: Vec<BarisBanding>,
    /// The differences in words.
    pub kalimat: Vec<String>,
    /// Notes given with the figures (a funnel's `catatan`).
    pub catatan: Vec<String>,
    /// The realisation (or verification yield) of each region, as bars.
    pub grafik: Option<Grafik>,
    /// The input files its figures come from, with their SHA-256.
    pub sumber: Vec<super::unduh::BerkasSumber>,
    /// The input rows summed (allocation and realisation rows; funnel steps).
    pub baris_sumber: u64,
    /// The tahap's latest data day.
    pub data_per: Option<String>,
}

/// The context of a comparison page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksBanding {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// `catatan` of the `[[bandingkan]]` entry.
    pub catatan: Option<String>,
    /// The regions, in the order given.
    pub wilayah: Vec<KolomWilayah>,
    /// The notice when some compared figures are `sementara` or `ilustratif`.
    pub asal: KonteksAsal,
    /// One section per programme × tahap that any of them has.
    pub bagian: Vec<BagianBanding>,
    /// The ranking of all kabupaten/kota, when there is one.
    pub peringkat: Option<Tautan>,
}

/// One child region's row of a ranking table.
#[derive(Debug, Clone, Serialize)]
pub struct BarisPeringkat {
    /// 1 for the highest realisation.
    pub peringkat: usize,
    /// The region's name and page.
    pub tautan: Tautan,
    /// KPM allocated.
    pub alokasi_kpm: u64,
    /// KPM per 1.000 households.
    pub per_1000_kk: Option<f64>,
    /// Rupiah paid, when complete.
    pub tersalur_nilai: Option<u64>,
    /// Paid ÷ allocated.
    pub realisasi: Option<f64>,
    /// Failed ÷ allocated.
    pub gagal: Option<f64>,
    /// Rupiah per KPM.
    pub rupiah_per_kpm: Option<f64>,
    /// Last funnel step ÷ first, for the programme.
    pub hasil_verval: Option<f64>,
    /// The mark of its figures when they are `sementara` or `ilustratif`.
    pub sifat: Option<TandaSifat>,
}

/// The children of a region ranked for one programme × tahap.
#[derive(Debug, Clone, Serialize)]
pub struct TabelPeringkat {
    /// Anchor to cite (`bst-tahap-2021-07`).
    pub id: String,
    /// `BST · Juli 2021`.
    pub judul: String,
    /// One row per child with an allocation, highest realisation first.
    pub baris: Vec<BarisPeringkat>,
    /// Whether any row knows its households (else the column is left out).
    pub ada_kk: bool,
    /// Whether any row has rupiah.
    pub ada_nilai: bool,
    /// Whether any row has a verification yield.
    pub ada_verval: bool,
    /// The input rows its figures were summed from.
    pub baris_sumber: u64,
    /// The tahap's latest data day.
    pub data_per: Option<String>,
}

/// The context of a ranking page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksPeringkat {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// The region whose children are ranked (none: the whole site's kabupaten/kota).
    pub induk: Option<Tautan>,
    /// The children's level, as a column head (`Kecamatan`).
    pub tingkat_judul: String,
    /// One table per programme, for its latest tahap.
    pub tabel: Vec<TabelPeringkat>,
    /// The comparisons of `site.toml`.
    pub bandingkan: Vec<Tautan>,
    /// The download of the children's figures (the parent's file).
    pub unduh: super::unduh::Sumber,
    /// The notice when some ranked figures are `sementara` or `ilustratif`.
    pub asal: KonteksAsal,
}

const STRIP: &str = "–";

impl Situs<'_> {
    /// The title of comparison `i`: its `judul`, else the regions' names joined by "vs".
    pub(super) fn judul_banding(&self, i: usize) -> String {
        if let Some(j) = &self.config.bandingkan[i].judul {
            return j.clone();
        }
        let names: Vec<String> = self.report.bandingkan[i]
            .iter()
            .map(|&w| self.kata.nama_wilayah(self.data.wilayah.node(w)))
            .collect();
        names.join(" vs ")
    }

    /// Links to every comparison page.
    pub(super) fn tautan_banding(&self) -> Vec<Tautan> {
        (0..self.report.bandingkan.len())
            .filter(|&i| self.report.bandingkan[i].len() >= 2)
            .map(|i| Tautan {
                label: self.judul_banding(i),
                href: self.path(Halaman::Bandingkan(i)),
            })
            .collect()
    }

    /// The comparisons that include region `w`.
    pub(super) fn banding_wilayah(&self, w: WilayahId) -> Vec<Tautan> {
        self.tautan_banding()
            .into_iter()
            .zip(self.report.bandingkan.iter().filter(|ids| ids.len() >= 2))
            .filter(|(_, ids)| ids.contains(&w))
            .map(|(t, _)| t)
            .collect()
    }

    /// The title of the ranking of `induk`'s children.
    pub(super) fn judul_peringkat(&self, induk: Option<WilayahId>) -> String {
        match induk {
            None => self.kata.teks("judul_peringkat_kota").to_string(),
            Some(w) => {
                let node = self.data.wilayah.node(w);
                let anak = self.judul_anak(&node.anak).to_lowercase();
                self.kata.isi(
                    "judul_peringkat",
                    &[
                        ("anak", &anak),
                        ("Anak", &capitalise(&anak)),
                        ("nama", &self.kata.nama_wilayah(node)),
                    ],
                )
            }
        }
    }

    fn kolom_wilayah(&self, w: WilayahId, pt: &[(ProgramId, TahapId)]) -> KolomWilayah {
        let pemilik = self.pemilik_unduhan(Some(w));
        KolomWilayah {
            tautan: self.tautan_wilayah(w),
            kk: self.report.kk[w.indeks()],
            penduduk: self.report.penduduk[w.indeks()],
            csv: self.path(Halaman::UnduhAngka(pemilik, false)),
            json: self.path(Halaman::UnduhAngka(pemilik, true)),
            sifat: self.tanda_sifat(Some(w), |k, _| pt.contains(&(k.program, k.tahap))),
        }
    }

    /// The figures of region `w` for one programme × tahap, summed over penyalur.
    fn ukuran_wilayah(&self, w: WilayahId, p: ProgramId, t: TahapId) -> Ukuran {
        ukuran(
            &self.report.wilayah[w.indeks()].angka(p, t),
            self.report.kk[w.indeks()],
        )
    }

    fn corong(&self, w: WilayahId) -> &[Corong] {
        self.report.verval.get(&w).map_or(&[][..], Vec::as_slice)
    }

    fn id_bagian(&self, p: ProgramId, t: Option<TahapId>) -> String {
        match t {
            Some(t) => format!(
                "{}-tahap-{}",
                self.program_slug[p.indeks()],
                self.tahap_slug[t.indeks()]
            ),
            None => format!("{}-verval", self.program_slug[p.indeks()]),
        }
    }

    fn judul_bagian(&self, p: ProgramId, t: Option<TahapId>) -> String {
        let kode = &self.data.program[p.indeks()].kode;
        match t {
            Some(t) => format!("{kode} · {}", self.data.tahap[t.indeks()].nama),
            None => self.kata.isi("banding_bagian_verval", &[("kode", kode)]),
        }
    }

    /// The programme × tahap cells any of `wilayah` has an allocation in, in programme then
    /// tahap order.
    fn program_tahap(&self, wilayah: &[WilayahId]) -> Vec<(ProgramId, TahapId)> {
        let mut out: Vec<(ProgramId, TahapId)> = wilayah
            .iter()
            .flat_map(|&w| self.report.wilayah[w.indeks()].per_program_tahap())
            .filter(|(_, a)| a.alokasi_kpm > 0)
            .map(|(k, _)| k)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    pub(super) fn konteks_banding(&self, i: usize) -> KonteksBanding {
        let wilayah = &self.report.bandingkan[i];
        let judul = self.judul_banding(i);
        let pt = self.program_tahap(wilayah);
        let mut bagian: Vec<BagianBanding> = Vec::new();
        let mut programs: Vec<ProgramId> = pt.iter().map(|&(p, _)| p).collect();
        for &w in wilayah {
            programs.extend(self.corong(w).iter().map(|c| c.program));
        }
        programs.sort_unstable();
        programs.dedup();
        for p in programs {
            let tahap: Vec<TahapId> = pt
                .iter()
                .filter(|&&(q, _)| q == p)
                .map(|&(_, t)| t)
                .collect();
            let verval: Vec<Option<(&Corong, f64)>> = wilayah
                .iter()
                .map(|&w| hasil_verval(self.corong(w), p))
                .collect();
            let catatan: Vec<String> = {
                let mut c: Vec<String> = verval
                    .iter()
                    .flatten()
                    .map(|(c, _)| c.catatan.clone())
                    .filter(|c| !c.is_empty())
                    .collect();
                c.dedup();
                c
            };
            if tahap.is_empty() {
                bagian.push(self.bagian_hanya_verval(wilayah, p, &verval, catatan.clone()));
            }
            for t in tahap {
                bagian.push(self.bagian_banding(wilayah, p, t, &verval, catatan.clone()));
            }
        }
        let breadcrumb = vec![self.beranda()];
        let kolom: Vec<KolomWilayah> = wilayah
            .iter()
            .map(|&w| self.kolom_wilayah(w, &pt))
            .collect();
        // the notice links to the first compared region whose figures are marked, where its
        // statements are listed
        let asal = self.peringatan_sifat(
            kolom.iter().map(|k| k.sifat.clone()),
            kolom
                .iter()
                .find(|k| k.sifat.is_some())
                .map_or_else(|| self.path(Halaman::Beranda), |k| k.tautan.href.clone()),
        );
        KonteksBanding {
            umum: self.umum(Halaman::Bandingkan(i), judul, breadcrumb, "beranda"),
            catatan: self.config.bandingkan[i].catatan.clone(),
            wilayah: kolom,
            asal,
            bagian,
            peringkat: self.peringkat_situs.then(|| Tautan {
                label: self.judul_peringkat(None),
                href: self.path(Halaman::Peringkat(None)),
            }),
        }
    }

    fn nama(&self, w: WilayahId) -> String {
        self.kata.nama_wilayah(self.data.wilayah.node(w))
    }

    fn bagian_banding(
        &self,
        wilayah: &[WilayahId],
        p: ProgramId,
        t: TahapId,
        verval: &[Option<(&Corong, f64)>],
        catatan: Vec<String>,
    ) -> BagianBanding {
        let lang = self.lang();
        let u: Vec<Ukuran> = wilayah
            .iter()
            .map(|&w| self.ukuran_wilayah(w, p, t))
            .collect();
        let id = self.id_bagian(p, Some(t));
        let k = |kunci| self.kata.teks(kunci);
        let (l_alokasi, l_per_kk, l_tersalur, l_real, l_gagal, l_nilai, l_rp_kpm, l_verval) = (
            k("banding_alokasi"),
            k("banding_per_1000_kk"),
            k("banding_tersalur"),
            k("realisasi"),
            k("banding_gagal"),
            k("banding_nilai"),
            k("rupiah_per_kpm"),
            k("banding_hasil_verval"),
        );
        let baris_dari = |label: &str, f: &dyn Fn(&Ukuran) -> Option<String>| BarisBanding {
            ukuran: label.to_string(),
            nilai: u
                .iter()
                .map(|x| f(x).unwrap_or_else(|| STRIP.to_string()))
                .collect(),
        };
        let mut baris = vec![
            baris_dari(l_alokasi, &|x| Some(ribuan(x.alokasi_kpm as i64, lang))),
            baris_dari(l_per_kk, &|x| x.per_1000_kk.map(|v| desimal1(v, lang))),
            baris_dari(l_tersalur, &|x| Some(ribuan(x.tersalur_kpm as i64, lang))),
            baris_dari(l_real, &|x| x.realisasi.map(|r| persen(r, lang))),
            baris_dari(l_gagal, &|x| {
                x.gagal
                    .map(|g| format!("{} ({})", ribuan(x.gagal_kpm as i64, lang), persen(g, lang)))
            }),
            baris_dari(l_nilai, &|x| {
                x.tersalur_nilai.map(|n| rupiah(n as i64, lang))
            }),
            baris_dari(l_rp_kpm, &|x| {
                x.rupiah_per_kpm.map(|n| rupiah(n.round() as i64, lang))
            }),
        ];
        if verval.iter().any(Option::is_some) {
            baris.push(BarisBanding {
                ukuran: l_verval.to_string(),
                nilai: verval
                    .iter()
                    .map(|v| {
                        v.map_or_else(
                            || STRIP.to_string(),
                            |(c, r)| format!("{} ({})", persen(r, lang), c.periode),
                        )
                    })
                    .collect(),
            });
        }
        let names: Vec<String> = wilayah.iter().map(|&w| self.nama(w)).collect();
        let kode = &self.data.program[p.indeks()].kode;
        let mut kalimat = Vec::new();
        let tanpa: Vec<&str> = names
            .iter()
            .zip(&u)
            .filter(|(_, x)| x.alokasi_kpm == 0)
            .map(|(n, _)| n.as_str())
            .collect();
        if !tanpa.is_empty() {
            let tahap = &self.data.tahap[t.indeks()].nama;
            kalimat.push(self.kata.isi(
                if tanpa.len() > 1 {
                    "banding_tanpa_alokasi_jamak"
                } else {
                    "banding_tanpa_alokasi"
                },
                &[
                    ("wilayah", &tanpa.join(", ")),
                    ("kode", kode),
                    ("tahap", tahap),
                ],
            ));
        }
        let hasil: Vec<Option<f64>> = verval.iter().map(|v| v.map(|(_, r)| r)).collect();
        for (nilai, ukur) in [
            (u.iter().map(|x| x.per_1000_kk).collect(), Ukur::Per1000Kk),
            (u.iter().map(|x| x.realisasi).collect(), Ukur::Realisasi),
            (u.iter().map(|x| x.gagal).collect(), Ukur::Gagal),
            (hasil, Ukur::HasilVerval),
        ] {
            kalimat.extend(kalimat_banding(&names, &nilai, lang, self.kata, ukur, kode));
        }
        let judul = self.judul_bagian(p, Some(t));
        let grafik = self.grafik_banding(
            &format!("{id}-grafik"),
            &names,
            &u.iter().map(|x| x.realisasi).collect::<Vec<_>>(),
            self.kata
                .isi("banding_grafik_realisasi", &[("judul", &judul)]),
        );
        let mut sumber = self.sumber_angka(None, 0, true).berkas;
        if u.iter().any(|x| x.per_1000_kk.is_some()) {
            sumber.extend(self.berkas_sumber("data/wilayah.csv", true));
        }
        if verval.iter().any(Option::is_some) {
            sumber.extend(self.berkas_sumber("data/verval.csv", true));
        }
        BagianBanding {
            id,
            judul,
            program: self.tautan_program(p),
            tahap: Some(self.tautan_tahap(t)),
            baris,
            kalimat,
            catatan,
            grafik,
            sumber,
            baris_sumber: wilayah
                .iter()
                .map(|&w| self.report.wilayah[w.indeks()].angka(p, t).baris)
                .sum(),
            data_per: self.report.tahap_data_per[t.indeks()].map(|d| d.to_string()),
        }
    }

    fn bagian_hanya_verval(
        &self,
        wilayah: &[WilayahId],
        p: ProgramId,
        verval: &[Option<(&Corong, f64)>],
        catatan: Vec<String>,
    ) -> BagianBanding {
        let lang = self.lang();
        let id = self.id_bagian(p, None);
        let judul = self.judul_bagian(p, None);
        let (l_awal, l_akhir, l_hasil, l_periode) = (
            self.kata.teks("banding_langkah_pertama"),
            self.kata.teks("banding_langkah_terakhir"),
            self.kata.teks("banding_hasil_verval"),
            self.kata.teks("banding_periode"),
        );
        let sel = |f: &dyn Fn(&Corong, f64) -> String| -> Vec<String> {
            verval
                .iter()
                .map(|v| v.map_or_else(|| STRIP.to_string(), |(c, r)| f(c, r)))
                .collect()
        };
        let baris = vec![
            BarisBanding {
                ukuran: l_periode.to_string(),
                nilai: sel(&|c, _| c.periode.clone()),
            },
            BarisBanding {
                ukuran: l_awal.to_string(),
                nilai: sel(&|c, _| {
                    c.langkah.first().map_or_else(String::new, |(n, k)| {
                        format!("{} ({n})", ribuan(*k as i64, lang))
                    })
                }),
            },
            BarisBanding {
                ukuran: l_akhir.to_string(),
                nilai: sel(&|c, _| {
                    c.langkah.last().map_or_else(String::new, |(n, k)| {
                        format!("{} ({n})", ribuan(*k as i64, lang))
                    })
                }),
            },
            BarisBanding {
                ukuran: l_hasil.to_string(),
                nilai: sel(&|_, r| persen(r, lang)),
            },
        ];
        let names: Vec<String> = wilayah.iter().map(|&w| self.nama(w)).collect();
        let kode = &self.data.program[p.indeks()].kode;
        let rates: Vec<Option<f64>> = verval.iter().map(|v| v.map(|(_, r)| r)).collect();
        let kalimat = kalimat_banding(&names, &rates, lang, self.kata, Ukur::HasilVerval, kode)
            .into_iter()
            .collect();
        let grafik = self.grafik_banding(
            &format!("{id}-grafik"),
            &names,
            &rates,
            self.kata.isi("banding_grafik_verval", &[("kode", kode)]),
        );
        BagianBanding {
            id,
            judul,
            program: self.tautan_program(p),
            tahap: None,
            baris,
            kalimat,
            catatan,
            grafik,
            sumber: self
                .berkas_sumber("data/verval.csv", true)
                .into_iter()
                .collect(),
            baris_sumber: verval
                .iter()
                .flatten()
                .map(|(c, _)| c.langkah.len() as u64)
                .sum(),
            data_per: None,
        }
    }

    /// Bars of a rate per region (realisation or verification yield), in the order given.
    fn grafik_banding(
        &self,
        id: &str,
        names: &[String],
        nilai: &[Option<f64>],
        judul: String,
    ) -> Option<Grafik> {
        let lang = self.lang();
        let baris: Vec<Batang> = names
            .iter()
            .zip(nilai)
            .filter_map(|(n, v)| {
                v.map(|v| Batang {
                    label: n.clone(),
                    nilai_label: persen(v, lang),
                    penuh: 1.0,
                    isi: v,
                })
            })
            .collect();
        if baris.len() < 2 {
            return None;
        }
        let daftar: Vec<String> = baris
            .iter()
            .map(|b| format!("{} {}", b.label, b.nilai_label))
            .collect();
        Some(Grafik {
            id: id.to_string(),
            deskripsi: format!("{judul}: {}.", daftar.join(", ")),
            judul,
            isi: IsiGrafik::Batang(GrafikBatang {
                satuan: Satuan::Persen,
                baris,
                legenda: None,
            }),
            svg: String::new(),
        })
    }

    /// The children ranked: of `induk`, or the whole site's kabupaten/kota.
    pub(super) fn anak_peringkat(&self, induk: Option<WilayahId>) -> Vec<WilayahId> {
        match induk {
            Some(w) => self.data.wilayah.node(w).anak.clone(),
            None => semua_kota(&self.data.wilayah),
        }
    }

    pub(super) fn konteks_peringkat(&self, induk: Option<WilayahId>) -> KonteksPeringkat {
        let anak = self.anak_peringkat(induk);
        // each programme's latest tahap among the children: the one a comparison is about
        // (every tahap's figures stay on the region pages and in their downloads)
        let mut pt = self.program_tahap(&anak);
        pt.reverse();
        pt.dedup_by_key(|(p, _)| *p);
        pt.reverse();
        let mut tabel = Vec::new();
        let mut baris_sumber = 0u64;
        for (p, t) in pt {
            let mut baris: Vec<BarisPeringkat> = anak
                .iter()
                .filter_map(|&c| {
                    let u = self.ukuran_wilayah(c, p, t);
                    (u.alokasi_kpm > 0).then(|| BarisPeringkat {
                        peringkat: 0,
                        tautan: Tautan {
                            label: self.data.wilayah.node(c).nama.clone(),
                            href: self.path(Halaman::Wilayah(c)),
                        },
                        alokasi_kpm: u.alokasi_kpm,
                        per_1000_kk: u.per_1000_kk,
                        tersalur_nilai: u.tersalur_nilai,
                        realisasi: u.realisasi,
                        gagal: u.gagal,
                        rupiah_per_kpm: u.rupiah_per_kpm,
                        hasil_verval: hasil_verval(self.corong(c), p).map(|(_, r)| r),
                        sifat: self.tanda_sifat(Some(c), |k, _| k.program == p && k.tahap == t),
                    })
                })
                .collect();
            if baris.len() < 2 {
                continue;
            }
            // highest realisation first; equal rates share a rank
            baris.sort_by(|a, b| {
                b.realisasi
                    .unwrap_or(-1.0)
                    .total_cmp(&a.realisasi.unwrap_or(-1.0))
                    .then_with(|| a.tautan.label.cmp(&b.tautan.label))
            });
            // equal rates as shown (to a tenth of a point) share a rank
            let mut rank = 0;
            let mut prev: Option<Option<i64>> = None;
            for (i, b) in baris.iter_mut().enumerate() {
                let tampak = b.realisasi.map(|r| (r * 1000.0).round() as i64);
                if prev != Some(tampak) {
                    rank = i + 1;
                    prev = Some(tampak);
                }
                b.peringkat = rank;
            }
            let n: u64 = anak
                .iter()
                .map(|&c| self.report.wilayah[c.indeks()].angka(p, t).baris)
                .sum();
            baris_sumber += n;
            tabel.push(TabelPeringkat {
                baris_sumber: n,
                data_per: self.report.tahap_data_per[t.indeks()].map(|d| d.to_string()),
                id: self.id_bagian(p, Some(t)),
                judul: self.judul_bagian(p, Some(t)),
                ada_kk: baris.iter().any(|b| b.per_1000_kk.is_some()),
                ada_nilai: baris.iter().any(|b| b.tersalur_nilai.is_some()),
                ada_verval: baris.iter().any(|b| b.hasil_verval.is_some()),
                baris,
            });
        }
        let mut breadcrumb = vec![self.beranda()];
        if let Some(w) = induk {
            breadcrumb.extend(
                self.data
                    .wilayah
                    .ancestors(w)
                    .into_iter()
                    .map(|a| self.tautan_wilayah(a)),
            );
            breadcrumb.push(self.tautan_wilayah(w));
        }
        let asal = self.peringatan_sifat(
            tabel
                .iter()
                .flat_map(|tb| tb.baris.iter().map(|b| b.sifat.clone())),
            match induk {
                Some(w) => self.path(Halaman::Wilayah(w)),
                None => self.path(Halaman::Beranda),
            },
        );
        KonteksPeringkat {
            asal,
            umum: self.umum(
                Halaman::Peringkat(induk),
                self.judul_peringkat(induk),
                breadcrumb,
                "beranda",
            ),
            induk: induk.map(|w| self.tautan_wilayah(w)),
            tingkat_judul: self.judul_anak_tunggal(&anak),
            tabel,
            bandingkan: self.tautan_banding(),
            unduh: match induk {
                Some(_) => self.sumber_angka(induk, baris_sumber, false),
                // the whole site's file holds the provinsi; every kabupaten/kota is in the
                // site-wide dataset
                None => {
                    let mut s = self.sumber_angka(None, baris_sumber, false);
                    let path = self.path(Halaman::Dataset(super::unduh::JenisData::Realisasi));
                    s.csv = Some(path);
                    s.json = None;
                    s
                }
            },
        }
    }
}

/// A measure a comparison states in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ukur {
    /// KPM per 1.000 KK: compared as a ratio.
    Per1000Kk,
    /// Paid ÷ allocated: compared in points.
    Realisasi,
    /// Failed ÷ allocated.
    Gagal,
    /// Last funnel step ÷ first.
    HasilVerval,
}

impl Ukur {
    /// What it is, for programme `kode`.
    fn nama(self, kode: &str, kata: Kata) -> String {
        let kunci = match self {
            Ukur::Per1000Kk => "ukur_per_1000_kk",
            Ukur::Realisasi => "ukur_realisasi",
            Ukur::Gagal => "ukur_gagal",
            Ukur::HasilVerval => "ukur_hasil_verval",
        };
        kata.isi(kunci, &[("kode", kode)])
    }

    /// A value as the page writes it.
    fn tulis(self, v: f64, lang: Lang) -> String {
        match self {
            Ukur::Per1000Kk => desimal1(v, lang),
            _ => persen(v, lang),
        }
    }
}

/// One sentence on how the regions differ in one measure: for two regions both values and
/// the ratio (a count per 1.000 KK) or the difference in points (a rate); for more, the
/// highest and the lowest. Computed from the values as shown.
fn kalimat_banding(
    names: &[String],
    nilai: &[Option<f64>],
    lang: Lang,
    kata: Kata,
    ukur: Ukur,
    kode: &str,
) -> Option<String> {
    let kali = ukur == Ukur::Per1000Kk;
    let apa = ukur.nama(kode, kata);
    let tulis = |v: f64| ukur.tulis(v, lang);
    // the values as the reader sees them (one decimal, or a rate to a tenth of a point), so
    // that the words agree with the table: 1,9% − 0,4% is 1,5 points
    let tampak = |v: f64| {
        if kali {
            (v * 10.0).round() / 10.0
        } else {
            (v * 1000.0).round() / 1000.0
        }
    };
    let mut ada: Vec<(&String, f64)> = names
        .iter()
        .zip(nilai)
        .filter_map(|(n, v)| v.map(|v| (n, tampak(v))))
        .collect();
    if ada.len() < 2 {
        return None;
    }
    ada.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (hi, lo) = (ada[0], ada[ada.len() - 1]);
    if hi.1 == lo.1 {
        return Some(kata.isi("banding_sama", &[("ukuran", &apa), ("nilai", &tulis(hi.1))]));
    }
    let beda = if kali && lo.1 > 0.0 {
        let r = hi.1 / lo.1;
        kata.isi("banding_kali", &[("n", &desimal1(r, lang))])
    } else if kali {
        String::new()
    } else {
        let poin = (hi.1 - lo.1) * 100.0;
        kata.isi("banding_poin", &[("n", &desimal1(poin, lang))])
    };
    let kunci = match (ada.len() > 2, beda.is_empty()) {
        (false, true) => "banding_dua",
        (false, false) => "banding_dua_beda",
        (true, true) => "banding_banyak",
        (true, false) => "banding_banyak_beda",
    };
    Some(kata.isi(
        kunci,
        &[
            ("ukuran", &apa),
            ("tertinggi", hi.0),
            ("nilai_tertinggi", &tulis(hi.1)),
            ("terendah", lo.0),
            ("nilai_terendah", &tulis(lo.1)),
            ("beda", &beda),
        ],
    ))
}

/// One decimal, in the language's notation (`285,2`).
fn desimal1(x: f64, lang: Lang) -> String {
    crate::format::satu_desimal(x, lang)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A comparison page's template.
pub const TEMPLATE_BANDING: &str = "bandingkan.html";
/// A ranking page's template.
pub const TEMPLATE_PERINGKAT: &str = "peringkat.html";

impl Situs<'_> {
    /// `bandingkan/<kode>-vs-<kode>.html`.
    pub(super) fn path_banding(&self, i: usize) -> String {
        let kode: Vec<&str> = self.report.bandingkan[i]
            .iter()
            .map(|&w| self.data.wilayah.node(w).kode_teks.as_str())
            .collect();
        format!("bandingkan/{}.html", kode.join("-vs-"))
    }

    /// `peringkat/<kode>.html`, or `peringkat/index.html` for every kabupaten/kota.
    pub(super) fn path_peringkat(&self, induk: Option<WilayahId>) -> String {
        match induk {
            None => "peringkat/index.html".to_string(),
            Some(w) => format!("peringkat/{}.html", self.data.wilayah.node(w).kode_teks),
        }
    }

    /// A ranking shows the children's figures, households and funnels, and their names.
    pub(super) fn sidik_peringkat(&self, induk: Option<WilayahId>) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        (8u8, self.sidik_umum, induk).hash(&mut hasher);
        if let Some(w) = induk {
            for a in self.data.wilayah.ancestors(w).into_iter().chain([w]) {
                self.data.wilayah.node(a).nama.hash(&mut hasher);
            }
        }
        for c in self.anak_peringkat(induk) {
            let n = self.data.wilayah.node(c);
            (&n.kode, &n.nama).hash(&mut hasher);
            self.report.wilayah[c.indeks()].hash(&mut hasher);
            self.report.kk[c.indeks()].hash(&mut hasher);
            self.report.verval.get(&c).hash(&mut hasher);
            // the rows' marks (nothing on a site without `sumber_angka.csv`)
            self.hash_asal(c, &mut hasher);
        }
        hasher.finish().max(1)
    }
}

/// A comparison page.
pub struct HalamanBandingkan;

impl JenisHalaman for HalamanBandingkan {
    type Kunci = usize;
    const TEMPLATE: &'static str = TEMPLATE_BANDING;
    fn path(s: &Situs<'_>, i: usize) -> String {
        s.path_banding(i)
    }
    fn konteks(s: &Situs<'_>, i: usize) -> Konteks {
        Konteks::Banding(Box::new(s.konteks_banding(i)))
    }
    /// Its `[[bandingkan]]` entry in `site.toml`.
    fn asal(s: &Situs<'_>, i: usize) -> Asal {
        let (line, column) = s.config.bandingkan.get(i).map_or((0, 0), |b| b.tempat);
        Asal::Masukan {
            file: crate::config::CONFIG_FILE.to_string(),
            line,
            column,
            nilai: None,
        }
    }
}

/// A ranking page.
pub struct HalamanPeringkat;

impl JenisHalaman for HalamanPeringkat {
    type Kunci = Option<WilayahId>;
    const TEMPLATE: &'static str = TEMPLATE_PERINGKAT;
    fn path(s: &Situs<'_>, w: Option<WilayahId>) -> String {
        s.path_peringkat(w)
    }
    fn sidik(s: &Situs<'_>, w: Option<WilayahId>) -> u64 {
        s.sidik_peringkat(w)
    }
    fn konteks(s: &Situs<'_>, w: Option<WilayahId>) -> Konteks {
        Konteks::Peringkat(Box::new(s.konteks_peringkat(w)))
    }
    fn asal(s: &Situs<'_>, w: Option<WilayahId>) -> Asal {
        match w {
            Some(w) => s.asal_wilayah(w),
            None => Situs::asal_salur("pemilik.peringkat_kota"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kata_bawaan(lang: Lang) -> toml::Table {
        toml::from_str(match lang {
            Lang::Id => include_str!("../../themes/default/i18n/id.toml"),
            Lang::En => include_str!("../../themes/default/i18n/en.toml"),
        })
        .expect("the default catalogue is TOML")
    }

    fn kalimat_banding(
        names: &[String],
        nilai: &[Option<f64>],
        lang: Lang,
        ukur: Ukur,
        kode: &str,
    ) -> Option<String> {
        let teks = kata_bawaan(lang);
        super::kalimat_banding(names, nilai, lang, Kata::new(&teks), ukur, kode)
    }

    #[test]
    fn two_regions_in_words() {
        let names = vec!["Kota Pasuruan".to_string(), "Kabupaten Tuban".to_string()];
        let s = kalimat_banding(
            &names,
            &[Some(140.0), Some(285.2)],
            Lang::Id,
            Ukur::Per1000Kk,
            "BST",
        )
        .unwrap();
        assert_eq!(
            s,
            "KPM BST per 1.000 KK: Kabupaten Tuban 285,2, Kota Pasuruan 140,0; 2,0 kali lipat."
        );
        let s = kalimat_banding(
            &names,
            &[Some(0.98), Some(0.955)],
            Lang::En,
            Ukur::Realisasi,
            "BST",
        )
        .unwrap();
        assert!(s.ends_with("a difference of 2.5 percentage points."), "{s}");
        assert_eq!(
            kalimat_banding(&names, &[Some(1.0), None], Lang::Id, Ukur::Gagal, "BST"),
            None
        );
        // shown the same (99,96% and 99,97% are both 100,0%): said to be the same
        let s = kalimat_banding(
            &names,
            &[Some(0.9996), Some(0.9997)],
            Lang::Id,
            Ukur::Realisasi,
            "BST",
        )
        .unwrap();
        assert!(s.contains("sama di semua wilayah"), "{s}");
        // the difference of the shown rates: 1,9% − 0,4% = 1,5 points
        let s = kalimat_banding(
            &names,
            &[Some(0.0186), Some(0.00445)],
            Lang::Id,
            Ukur::Gagal,
            "BST",
        )
        .unwrap();
        assert!(s.ends_with("selisih 1,5 poin persen."), "{s}");
    }
}
