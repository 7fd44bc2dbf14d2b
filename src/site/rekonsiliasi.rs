//! Reconciliation pages: per kabupaten/kota (`rekonsiliasi/<kode>.html`) and per branch of a
//! paying channel (`rekonsiliasi/<kode>/<penyalur-cabang>.html`), every row of
//! `data/laporan_penyalur.csv` with Dinsos's figures, the channel's, the difference and the
//! state; and the summary on a region page.

use serde::Serialize;

use super::{Halaman, Situs, Tautan, Umum};
use super::{JenisHalaman, Konteks, jalur::Asal};
use crate::analysis::rekonsiliasi::{Rekonsiliasi, StatusRekon, selisih};
use crate::data::WilayahId;

/// A branch with a page: its kabupaten/kota, the penyalur and branch name, its report rows.
#[derive(Debug, Clone)]
pub struct Cabang {
    /// The kabupaten/kota whose page lists it.
    pub kota: WilayahId,
    /// `BRI`.
    pub penyalur: String,
    /// `Tenggarong`.
    pub cabang: String,
    /// File name (`bri-tenggarong`), [`crate::slug::nama_berkas`] of the penyalur and the
    /// branch's name.
    pub slug: String,
    /// Its rows of [`crate::analysis::Report::rekonsiliasi`].
    pub baris: Vec<usize>,
}

/// A reconciliation page: a kabupaten/kota's, or one branch's.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksRekon {
    /// What every page has.
    #[serde(flatten)]
    pub umum: Umum,
    /// The kabupaten/kota.
    pub wilayah: Tautan,
    /// The tolerance, in words.
    pub toleransi: String,
    /// How many rows match, are within tolerance, differ.
    pub hitung: HitungRekon,
    /// On a kabupaten/kota page: its branches; on a branch page: the kabupaten/kota page.
    pub cabang: Vec<RingkasCabang>,
    /// One section per report day and penyalur, the latest first.
    pub bagian: Vec<BagianRekon>,
}

/// Rows per state.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq, Hash)]
pub struct HitungRekon {
    /// Matching.
    pub cocok: usize,
    /// Within tolerance.
    pub dalam_toleransi: usize,
    /// Beyond it.
    pub berbeda: usize,
}

impl HitungRekon {
    fn tambah(&mut self, s: StatusRekon) {
        match s {
            StatusRekon::Cocok => self.cocok += 1,
            StatusRekon::DalamToleransi => self.dalam_toleransi += 1,
            StatusRekon::Berbeda => self.berbeda += 1,
        }
    }
}

/// A branch in a list.
#[derive(Debug, Clone, Serialize)]
pub struct RingkasCabang {
    /// Its page.
    pub tautan: Tautan,
    /// The regions its rows cover.
    pub wilayah: Vec<String>,
    /// Its rows per state.
    pub hitung: HitungRekon,
    /// Dinsos's paid KPM over its rows.
    pub dinsos_kpm: u64,
    /// The branch's KPM over its rows.
    pub laporan_kpm: u64,
    /// The difference.
    pub selisih_kpm: i64,
}

/// The rows of one report day and penyalur.
#[derive(Debug, Clone, Serialize)]
pub struct BagianRekon {
    /// Anchor.
    pub id: String,
    /// The report's day, `YYYY-MM-DD`.
    pub tanggal: String,
    /// The penyalur.
    pub penyalur: String,
    /// The rows, by branch, region and programme.
    pub baris: Vec<BarisRekon>,
    /// Their sums (none when one row's region lies within another's).
    pub jumlah: Option<BarisRekon>,
    /// Whether any row has rupiah from both sides.
    pub ada_nilai: bool,
}

/// One row of a reconciliation.
#[derive(Debug, Clone, Serialize)]
pub struct BarisRekon {
    /// The branch and its page (none on the totals row).
    pub cabang: Option<Tautan>,
    /// The region.
    pub wilayah: Option<Tautan>,
    /// Programme code.
    pub program: String,
    /// Tahap name.
    pub tahap: String,
    /// Dinsos's paid KPM up to the report's day.
    pub dinsos_kpm: u64,
    /// The channel's.
    pub laporan_kpm: u64,
    /// The channel's − Dinsos's.
    pub selisih_kpm: i64,
    /// Dinsos's rupiah, when every row had one.
    pub dinsos_nilai: Option<u64>,
    /// The channel's rupiah, when given.
    pub laporan_nilai: Option<u64>,
    /// The difference, when both are known.
    pub selisih_nilai: Option<i64>,
    /// Whether `selisih_nilai` is known (a difference of 0 included).
    pub ada_selisih_nilai: bool,
    /// `cocok`, `dalam_toleransi`, `berbeda` (empty on the totals row).
    pub status: &'static str,
}

/// The summary on a region page.
#[derive(Debug, Clone, Serialize)]
pub struct RingkasRekon {
    /// The sentence.
    pub teks: String,
    /// The kabupaten/kota reconciliation page.
    pub tautan: Tautan,
    /// Rows per state.
    pub hitung: HitungRekon,
}

impl Situs<'_> {
    /// Per kabupaten/kota with report rows, the rows (sorted), and every branch.
    pub(super) fn hitung_rekon(&self) -> (Vec<(WilayahId, Vec<usize>)>, Vec<Cabang>) {
        let mut kota: std::collections::BTreeMap<WilayahId, Vec<usize>> = Default::default();
        // a branch in any letter case is one branch, named as first written
        let mut cabang: std::collections::BTreeMap<
            (WilayahId, String, String),
            (String, Vec<usize>),
        > = Default::default();
        for (i, r) in self.report.rekonsiliasi.iter().enumerate() {
            let l = &self.data.laporan_penyalur[r.laporan];
            let k = self.kota(l.wilayah).unwrap_or(l.wilayah);
            kota.entry(k).or_default().push(i);
            cabang
                .entry((
                    k,
                    self.data.penyalur[l.penyalur.indeks()].clone(),
                    l.cabang.to_lowercase(),
                ))
                .or_insert_with(|| (l.cabang.clone(), Vec::new()))
                .1
                .push(i);
        }
        // a branch's file name is its penyalur and name by the one rule for file names
        // (`BRI Ténggarong` → `bri-tenggarong`); two branches that give one name are refused by
        // the plan with both rows ([`super::jalur`]), never numbered apart: a number would
        // move a page to another branch's address when a third branch comes
        let list: Vec<Cabang> = cabang
            .into_iter()
            .map(|((kota, penyalur, _), (cabang, baris))| Cabang {
                kota,
                slug: crate::slug::nama_berkas(&format!("{penyalur} {cabang}"), "cabang"),
                penyalur,
                cabang,
                baris,
            })
            .collect();
        (kota.into_iter().collect(), list)
    }

    fn rekon_kota_rows(&self, k: WilayahId) -> &[usize] {
        self.rekon_kota
            .binary_search_by_key(&k, |(w, _)| *w)
            .map_or(&[][..], |i| &self.rekon_kota[i].1)
    }

    fn tautan_cabang(&self, i: usize) -> Tautan {
        let c = &self.rekon_cabang[i];
        Tautan {
            label: format!("{} {}", c.penyalur, c.cabang),
            href: self.path(Halaman::RekonCabang(i)),
        }
    }

    pub(super) fn judul_rekon(&self, k: WilayahId) -> String {
        let nama = self.kata.nama_wilayah(self.data.wilayah.node(k));
        self.kata.isi("judul_rekon_kota", &[("nama", &nama)])
    }

    fn toleransi(&self) -> String {
        let a = &self.config.rekonsiliasi;
        let persen = crate::format::desimal(a.toleransi_persen, self.lang());
        let kunci = match (a.toleransi_kpm, a.toleransi_persen > 0.0) {
            (0, false) => "toleransi_tidak_ada",
            (_, false) => "toleransi_kpm",
            (0, true) => "toleransi_persen",
            (_, true) => "toleransi_kpm_persen",
        };
        self.kata.isi(
            kunci,
            &[("kpm", &a.toleransi_kpm.to_string()), ("persen", &persen)],
        )
    }

    fn baris_rekon(&self, i: usize, dengan_cabang: bool) -> BarisRekon {
        let r: &Rekonsiliasi = &self.report.rekonsiliasi[i];
        let l = &self.data.laporan_penyalur[r.laporan];
        let cabang = dengan_cabang.then(|| {
            let k = self.kota(l.wilayah).unwrap_or(l.wilayah);
            let penyalur = &self.data.penyalur[l.penyalur.indeks()];
            let idx = self
                .rekon_cabang
                .iter()
                .position(|c| {
                    c.kota == k
                        && &c.penyalur == penyalur
                        && c.cabang.to_lowercase() == l.cabang.to_lowercase()
                })
                .unwrap_or(0);
            Tautan {
                label: l.cabang.clone(),
                ..self.tautan_cabang(idx)
            }
        });
        BarisRekon {
            cabang,
            wilayah: Some(Tautan {
                label: self.data.wilayah.node(l.wilayah).nama.clone(),
                href: self.path(Halaman::Wilayah(l.wilayah)),
            }),
            program: self.data.program[l.program.indeks()].kode.clone(),
            tahap: self.data.tahap[l.tahap.indeks()].nama.clone(),
            dinsos_kpm: r.dinsos_kpm,
            laporan_kpm: l.kpm,
            selisih_kpm: r.selisih_kpm,
            dinsos_nilai: r.dinsos_nilai.lengkap(),
            laporan_nilai: l.nilai,
            selisih_nilai: r.selisih_nilai,
            ada_selisih_nilai: r.selisih_nilai.is_some(),
            status: match r.status {
                StatusRekon::Cocok => "cocok",
                StatusRekon::DalamToleransi => "dalam_toleransi",
                StatusRekon::Berbeda => "berbeda",
            },
        }
    }

    /// The sections of rows `rows`: per report day (latest first) and penyalur.
    fn bagian_rekon(&self, rows: &[usize], dengan_cabang: bool) -> Vec<BagianRekon> {
        let mut urut: Vec<usize> = rows.to_vec();
        let key = |i: usize| {
            let l = &self.data.laporan_penyalur[self.report.rekonsiliasi[i].laporan];
            (
                std::cmp::Reverse(l.tanggal),
                self.data.penyalur[l.penyalur.indeks()].clone(),
                l.cabang.clone(),
                self.data.wilayah.node(l.wilayah).kode,
                l.program,
                l.tahap,
            )
        };
        urut.sort_by_cached_key(|&i| key(i));
        let mut out: Vec<BagianRekon> = Vec::new();
        for run in urut.chunk_by(|&a, &b| {
            let (ka, kb) = (key(a), key(b));
            ka.0 == kb.0 && ka.1 == kb.1
        }) {
            let l = &self.data.laporan_penyalur[self.report.rekonsiliasi[run[0]].laporan];
            let baris: Vec<BarisRekon> = run
                .iter()
                .map(|&i| self.baris_rekon(i, dengan_cabang))
                .collect();
            let sum = |f: fn(&BarisRekon) -> Option<u64>| {
                baris
                    .iter()
                    .map(f)
                    .try_fold(0u64, |a, v| v.map(|v| a.saturating_add(v)))
            };
            let dinsos_kpm = baris
                .iter()
                .fold(0u64, |a, b| a.saturating_add(b.dinsos_kpm));
            let laporan_kpm = baris
                .iter()
                .fold(0u64, |a, b| a.saturating_add(b.laporan_kpm));
            // a total only where no row's region lies within another's (a kabupaten's report
            // beside its kecamatan's would count twice)
            let tumpang = run.iter().any(|&a| {
                let wa = self.data.laporan_penyalur[self.report.rekonsiliasi[a].laporan].wilayah;
                self.data.wilayah.ancestors(wa).iter().any(|p| {
                    run.iter().any(|&b| {
                        self.data.laporan_penyalur[self.report.rekonsiliasi[b].laporan].wilayah
                            == *p
                    })
                })
            });
            let dinsos_nilai = sum(|b| b.dinsos_nilai);
            let laporan_nilai = sum(|b| b.laporan_nilai);
            let tanggal = l.tanggal.to_string();
            let penyalur = self.data.penyalur[l.penyalur.indeks()].clone();
            out.push(BagianRekon {
                id: crate::content::slugify(&format!("{penyalur} {tanggal}")),
                ada_nilai: baris.iter().any(|b| b.selisih_nilai.is_some()),
                jumlah: (!tumpang).then_some(BarisRekon {
                    cabang: None,
                    wilayah: None,
                    program: String::new(),
                    tahap: String::new(),
                    dinsos_kpm,
                    laporan_kpm,
                    selisih_kpm: selisih(laporan_kpm, dinsos_kpm),
                    selisih_nilai: dinsos_nilai.zip(laporan_nilai).map(|(d, l)| selisih(l, d)),
                    ada_selisih_nilai: dinsos_nilai.is_some() && laporan_nilai.is_some(),
                    dinsos_nilai,
                    laporan_nilai,
                    status: "",
                }),
                baris,
                tanggal,
                penyalur,
            });
        }
        out
    }

    /// Of `rows`, the latest report of each branch × programme × tahap × region (an earlier
    /// one is superseded: it stays listed in its own section, but is not counted).
    fn terbaru(&self, rows: &[usize]) -> Vec<usize> {
        let mut latest: std::collections::BTreeMap<_, (jiff::civil::Date, usize)> =
            Default::default();
        for &i in rows {
            let l = &self.data.laporan_penyalur[self.report.rekonsiliasi[i].laporan];
            let key = (
                l.penyalur,
                l.cabang.to_lowercase(),
                l.program,
                l.tahap,
                l.wilayah,
            );
            let e = latest.entry(key).or_insert((l.tanggal, i));
            if l.tanggal > e.0 {
                *e = (l.tanggal, i);
            }
        }
        let mut out: Vec<usize> = latest.into_values().map(|(_, i)| i).collect();
        out.sort_unstable();
        out
    }

    fn hitung_status(&self, rows: &[usize]) -> HitungRekon {
        let mut h = HitungRekon::default();
        for &i in rows {
            h.tambah(self.report.rekonsiliasi[i].status);
        }
        h
    }

    /// The reconciliation page of kabupaten/kota `k`.
    pub(super) fn konteks_rekon_kota(&self, k: WilayahId) -> KonteksRekon {
        let rows = self.rekon_kota_rows(k);
        let mut breadcrumb = vec![self.beranda()];
        breadcrumb.extend(
            self.data
                .wilayah
                .ancestors(k)
                .into_iter()
                .map(|a| self.tautan_wilayah(a)),
        );
        breadcrumb.push(self.tautan_wilayah(k));
        let cabang = (0..self.rekon_cabang.len())
            .filter(|&i| self.rekon_cabang[i].kota == k)
            .map(|i| {
                let c = &self.rekon_cabang[i];
                let terbaru = self.terbaru(&c.baris);
                let mut wilayah: Vec<(String, String)> = c
                    .baris
                    .iter()
                    .map(|&r| {
                        let w =
                            self.data.laporan_penyalur[self.report.rekonsiliasi[r].laporan].wilayah;
                        let n = self.data.wilayah.node(w);
                        (n.kode_teks.clone(), n.nama.clone())
                    })
                    .collect();
                wilayah.sort();
                wilayah.dedup();
                let dinsos_kpm = terbaru.iter().fold(0u64, |a, &r| {
                    a.saturating_add(self.report.rekonsiliasi[r].dinsos_kpm)
                });
                let laporan_kpm = terbaru.iter().fold(0u64, |a, &r| {
                    a.saturating_add(
                        self.data.laporan_penyalur[self.report.rekonsiliasi[r].laporan].kpm,
                    )
                });
                RingkasCabang {
                    tautan: self.tautan_cabang(i),
                    wilayah: wilayah.into_iter().map(|(_, n)| n).collect(),
                    hitung: self.hitung_status(&terbaru),
                    dinsos_kpm,
                    laporan_kpm,
                    selisih_kpm: selisih(laporan_kpm, dinsos_kpm),
                }
            })
            .collect();
        KonteksRekon {
            umum: self.umum(Halaman::RekonKota(k), self.judul_rekon(k), breadcrumb, ""),
            wilayah: self.tautan_wilayah(k),
            toleransi: self.toleransi(),
            hitung: self.hitung_status(&self.terbaru(rows)),
            cabang,
            bagian: self.bagian_rekon(rows, true),
        }
    }

    /// The page of branch `i`.
    pub(super) fn konteks_rekon_cabang(&self, i: usize) -> KonteksRekon {
        let c = &self.rekon_cabang[i];
        let mut breadcrumb = vec![self.beranda()];
        breadcrumb.extend(
            self.data
                .wilayah
                .ancestors(c.kota)
                .into_iter()
                .map(|a| self.tautan_wilayah(a)),
        );
        breadcrumb.push(self.tautan_wilayah(c.kota));
        breadcrumb.push(Tautan {
            label: self.judul_rekon(c.kota),
            href: self.path(Halaman::RekonKota(c.kota)),
        });
        let judul = self.kata.isi(
            "judul_rekon_cabang",
            &[("penyalur", &c.penyalur), ("cabang", &c.cabang)],
        );
        KonteksRekon {
            umum: self.umum(Halaman::RekonCabang(i), judul, breadcrumb, ""),
            wilayah: self.tautan_wilayah(c.kota),
            toleransi: self.toleransi(),
            hitung: self.hitung_status(&self.terbaru(&c.baris)),
            cabang: Vec::new(),
            bagian: self.bagian_rekon(&c.baris, false),
        }
    }

    /// Per region with reconciliation rows of its own or below it, those rows.
    pub(super) fn hitung_rekon_wilayah(&self) -> rustc_hash::FxHashMap<WilayahId, Vec<usize>> {
        let mut per: rustc_hash::FxHashMap<WilayahId, Vec<usize>> = Default::default();
        for (i, r) in self.report.rekonsiliasi.iter().enumerate() {
            let mut w = Some(self.data.laporan_penyalur[r.laporan].wilayah);
            while let Some(id) = w {
                per.entry(id).or_default().push(i);
                w = self.data.wilayah.node(id).induk;
            }
        }
        per
    }

    /// The summary on region `w`'s page: its reconciliation rows (its own and those below it).
    pub(super) fn ringkas_rekon(&self, w: WilayahId) -> Option<RingkasRekon> {
        // the rows of this region and below that the linked page lists, latest reports only
        let k = self.kota(w).unwrap_or(w);
        let halaman = self.rekon_kota_rows(k);
        let mine: Vec<usize> = self
            .rekon_wilayah
            .get(&w)?
            .iter()
            .copied()
            .filter(|i| halaman.binary_search(i).is_ok())
            .collect();
        let mine = self.terbaru(&mine);
        if mine.is_empty() {
            return None;
        }
        let hitung = self.hitung_status(&mine);
        let mut tanggal: Vec<_> = mine
            .iter()
            .map(|&i| self.data.laporan_penyalur[self.report.rekonsiliasi[i].laporan].tanggal)
            .collect();
        tanggal.sort();
        tanggal.dedup();
        let mut cabang: Vec<String> = mine
            .iter()
            .map(|&i| {
                let l = &self.data.laporan_penyalur[self.report.rekonsiliasi[i].laporan];
                format!("{} {}", self.data.penyalur[l.penyalur.indeks()], l.cabang)
            })
            .collect();
        cabang.sort();
        cabang.dedup();
        let lang = self.lang();
        let hari = tanggal
            .last()
            .map(|d| crate::format::tanggal(*d, lang))
            .unwrap_or_default();
        let teks = self.kata.isi(
            "ringkasan_rekon",
            &[
                ("cabang", &cabang.join(", ")),
                ("tanggal", &hari),
                ("cocok", &hitung.cocok.to_string()),
                ("toleransi", &hitung.dalam_toleransi.to_string()),
                ("berbeda", &hitung.berbeda.to_string()),
            ],
        );
        Some(RingkasRekon {
            teks,
            tautan: Tautan {
                label: self.judul_rekon(k),
                href: self.path(Halaman::RekonKota(k)),
            },
            hitung,
        })
    }

    /// Feeds what the reconciliation rows `rows` show to `hasher`.
    pub(super) fn hash_rekon(&self, rows: &[usize], hasher: &mut xxhash_rust::xxh3::Xxh3) {
        use std::hash::Hash;
        for &i in rows {
            let r = &self.report.rekonsiliasi[i];
            r.hash(hasher);
            let l = &self.data.laporan_penyalur[r.laporan];
            l.hash(hasher);
            let n = self.data.wilayah.node(l.wilayah);
            (&n.kode_teks, &n.nama).hash(hasher);
        }
    }

    /// Feeds what region `w`'s reconciliation summary shows to `hasher`: its rows (their
    /// states, branches and days).
    pub(super) fn hash_ringkas_rekon(&self, w: WilayahId, hasher: &mut xxhash_rust::xxh3::Xxh3) {
        use std::hash::Hash;
        if let Some(rows) = self.rekon_wilayah.get(&w) {
            for &i in rows {
                let r = &self.report.rekonsiliasi[i];
                let l = &self.data.laporan_penyalur[r.laporan];
                (r.status, l.penyalur, &l.cabang, l.tanggal).hash(hasher);
            }
            self.kota(w).hash(hasher);
        }
    }
}

/// The template of a kabupaten/kota's and a branch's reconciliation page.
pub const TEMPLATE: &str = "rekonsiliasi.html";

impl Situs<'_> {
    /// `rekonsiliasi/<kode>.html`.
    pub(super) fn path_rekon_kota(&self, w: WilayahId) -> String {
        format!("rekonsiliasi/{}.html", self.data.wilayah.node(w).kode_teks)
    }

    /// `rekonsiliasi/<kode>/<penyalur-cabang>.html`.
    pub(super) fn path_rekon_cabang(&self, i: usize) -> String {
        let c = &self.rekon_cabang[i];
        format!(
            "rekonsiliasi/{}/{}.html",
            self.data.wilayah.node(c.kota).kode_teks,
            c.slug
        )
    }

    /// The page shows the kabupaten/kota's rows and names, and links its branches.
    pub(super) fn sidik_rekon_kota(&self, k: WilayahId) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        (6u8, self.sidik_umum, k).hash(&mut hasher);
        for a in self.data.wilayah.ancestors(k).into_iter().chain([k]) {
            self.data.wilayah.node(a).nama.hash(&mut hasher);
        }
        self.hash_rekon(
            self.rekon_kota
                .iter()
                .find(|(w, _)| *w == k)
                .map_or(&[][..], |(_, r)| r),
            &mut hasher,
        );
        for c in self.rekon_cabang.iter().filter(|c| c.kota == k) {
            (&c.slug, &c.baris).hash(&mut hasher);
        }
        hasher.finish().max(1)
    }

    /// The page shows the branch's rows and its kabupaten/kota's names.
    pub(super) fn sidik_rekon_cabang(&self, i: usize) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let c = &self.rekon_cabang[i];
        (7u8, self.sidik_umum, c.kota, &c.slug).hash(&mut hasher);
        for a in self
            .data
            .wilayah
            .ancestors(c.kota)
            .into_iter()
            .chain([c.kota])
        {
            self.data.wilayah.node(a).nama.hash(&mut hasher);
        }
        self.hash_rekon(&c.baris, &mut hasher);
        hasher.finish().max(1)
    }
}

/// A kabupaten/kota's reconciliation page.
pub struct HalamanRekonKota;

impl JenisHalaman for HalamanRekonKota {
    type Kunci = WilayahId;
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(s: &Situs<'_>, w: WilayahId) -> String {
        s.path_rekon_kota(w)
    }
    fn sidik(s: &Situs<'_>, w: WilayahId) -> u64 {
        s.sidik_rekon_kota(w)
    }
    fn konteks(s: &Situs<'_>, w: WilayahId) -> Konteks {
        Konteks::Rekon(Box::new(s.konteks_rekon_kota(w)))
    }
    fn asal(s: &Situs<'_>, w: WilayahId) -> Asal {
        s.asal_wilayah(w)
    }
}

/// One branch's reconciliation page.
pub struct HalamanRekonCabang;

impl JenisHalaman for HalamanRekonCabang {
    type Kunci = usize;
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(s: &Situs<'_>, i: usize) -> String {
        s.path_rekon_cabang(i)
    }
    fn sidik(s: &Situs<'_>, i: usize) -> u64 {
        s.sidik_rekon_cabang(i)
    }
    fn konteks(s: &Situs<'_>, i: usize) -> Konteks {
        Konteks::Rekon(Box::new(s.konteks_rekon_cabang(i)))
    }
    /// The branch's first row of the channels' reports.
    fn asal(s: &Situs<'_>, i: usize) -> Asal {
        let c = &s.rekon_cabang[i];
        let pertama = c
            .baris
            .iter()
            .map(|&r| &s.data.laporan_penyalur[s.report.rekonsiliasi[r].laporan])
            .min_by_key(|l| l.baris);
        match pertama {
            Some(l) => s.asal_data(
                "data/laporan_penyalur.csv",
                (l.baris, l.kolom_cabang),
                &l.cabang,
            ),
            None => Situs::asal_salur("pemilik.cabang_penyalur"),
        }
    }
}
