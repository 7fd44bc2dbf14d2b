//! Failed distributions: the reason table of a region page, and a page per kabupaten/kota
//! (`gagal/<kode>.html`, with `gagal/<kode>.csv`) ranking the reasons and the regions, per
//! programme × tahap × penyalur. Every count comes from the suppressed tables of
//! [`crate::analysis::gagal`]: a count below `[privacy] min_kpm` shows as "< 3".

use serde::Serialize;

use super::grafik::{Batang, Grafik, GrafikBatang, IsiGrafik, Satuan};
use super::{Halaman, Situs, Tautan, Umum};
use super::{JenisHalaman, Konteks, jalur::Asal};
use crate::analysis::Angka;
use crate::analysis::gagal::{KOLOM, TabelGagal};
use crate::analysis::privasi::Tampil;
use crate::data::alasan::KodeAlasan;
use crate::data::sumber_angka::JenisAngka;
use crate::data::wilayah::Tingkat;
use crate::data::{ProgramId, TahapId, WilayahId};
use crate::format::{persen as tulis_persen, ribuan};

/// A kabupaten/kota's rows in the failure tables: (index of the table in
/// [`crate::analysis::Report::gagal`], the rows of its regions).
pub type BarisKota = Vec<(usize, Vec<usize>)>;

/// How one count of a reason table is shown.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct SelAlasan {
    /// `angka` (shown as is), `kecil` (below the threshold: "< 3"), `tersembunyi` (hidden so
    /// that a small count elsewhere cannot be worked out: "×"), `ditahan` (no breakdown by
    /// reason is published for this table) or `nihil` (none).
    pub jenis: &'static str,
    /// The count, when shown.
    pub kpm: Option<u64>,
}

impl SelAlasan {
    pub(super) fn dari(nilai: u64, tampil: Option<Tampil>) -> SelAlasan {
        let (jenis, kpm) = match tampil {
            None | Some(Tampil::Ditahan) => ("ditahan", None),
            Some(Tampil::Angka(0)) => ("nihil", None),
            Some(Tampil::Angka(v)) => ("angka", Some(v)),
            Some(Tampil::Kecil) => ("kecil", None),
            Some(Tampil::Tersembunyi) => ("tersembunyi", None),
        };
        debug_assert!(kpm.is_none_or(|k| k == nilai));
        SelAlasan { jenis, kpm }
    }

    /// How a CSV download writes it: the count, `<3`, `x`, or empty when withheld.
    pub(super) fn csv(&self, min: u64) -> String {
        match (self.jenis, self.kpm) {
            (_, Some(v)) => v.to_string(),
            ("nihil", None) => "0".to_string(),
            ("kecil", None) => format!("<{min}"),
            ("tersembunyi", None) => "x".to_string(),
            _ => String::new(),
        }
    }
}

/// Failed KPM by reason (rows) × programme and penyalur (columns) of one region and tahap.
#[derive(Debug, Clone, Serialize)]
pub struct MatriksGagal {
    /// Column heads: the programme's code, with the penyalur when it has several.
    pub program: Vec<String>,
    /// One row per reason.
    pub baris: Vec<BarisGagal>,
    /// Column totals: failed KPM (as the realisation table shows them).
    pub jumlah: Vec<u64>,
    /// Whether a count is hidden somewhere (the legend is then shown).
    pub ada_tersembunyi: bool,
    /// The threshold below which a count is hidden.
    pub min_kpm: u64,
    /// The kabupaten/kota's failure page, if the region is in one.
    pub halaman: Option<Tautan>,
}

/// One reason's row of a [`MatriksGagal`].
#[derive(Debug, Clone, Serialize)]
pub struct BarisGagal {
    /// The reason's code in the documented list (`tidak_tahu_jadwal`).
    pub kode: &'static str,
    /// The reason as a reader sees it (`Tidak tahu jadwal`): only the documented label, never
    /// the text an operator wrote (it may name a person: `meninggal, Budi … RT 02`).
    pub alasan: String,
    /// Failed KPM per column (`None` where that column has no failures at all).
    pub sel: Vec<Option<SelAlasan>>,
}

/// `gagal/<kode>.html`: a kabupaten/kota's failed distributions.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksGagalKota {
    /// What every page has.
    #[serde(flatten)]
    pub umum: Umum,
    /// The kabupaten/kota.
    pub wilayah: Tautan,
    /// The CSV download of the page's tables.
    pub unduh: String,
    /// The threshold below which a count is hidden.
    pub min_kpm: u64,
    /// One section per tahap × programme × penyalur with failures.
    pub bagian: Vec<BagianGagalKota>,
    /// The notice when some of its figures are `sementara` or `ilustratif`.
    pub asal: super::asal::KonteksAsal,
}

/// How many kecamatan and desa/kelurahan a failure page lists per programme × tahap ×
/// penyalur, most failures first; the rest are counted and left to the page's CSV download.
/// Every desa of a large kabupaten made Aceh Utara's page 2.1 MB (32 sections of up to 850
/// rows; 526 KB on average over the national benchmark's 514 pages), too heavy for a phone to
/// open; ten rows are about two screens of a 360 px phone.
pub const BARIS_TAMPIL: usize = 10;

/// One programme × tahap × penyalur of a [`KonteksGagalKota`].
#[derive(Debug, Clone, Serialize)]
pub struct BagianGagalKota {
    /// The tahap's latest data day.
    pub data_per: Option<String>,
    /// Anchor (`pkh-2024-pt-pos-indonesia`).
    pub id: String,
    /// The programme.
    pub program: Tautan,
    /// The tahap.
    pub tahap: Tautan,
    /// The paying channel.
    pub penyalur: String,
    /// Failed KPM in the kabupaten/kota.
    pub gagal_kpm: u64,
    /// KPM allocated.
    pub alokasi_kpm: u64,
    /// Failed / allocated.
    pub persen: Option<f64>,
    /// The reasons, the most frequent first (hidden counts last, in code order).
    pub alasan: Vec<PeringkatAlasan>,
    /// The reason codes the region tables show, as column heads.
    pub kolom: Vec<String>,
    /// The region tables: the kecamatan (the regions one level down), then the desa/kelurahan,
    /// each most failures first and cut at [`BARIS_TAMPIL`] rows; a level without failures
    /// has none.
    pub wilayah: Vec<TabelGagalWilayah>,
    /// Whether no breakdown by reason is published (too few failures to protect).
    pub ditahan: bool,
    /// The reasons whose count is shown, as bars, largest first (none when no count is
    /// shown): what a phone reads before the tables. A hidden count is never drawn.
    pub grafik: Option<Grafik>,
}

/// One region table of a [`BagianGagalKota`].
#[derive(Debug, Clone, Serialize)]
pub struct TabelGagalWilayah {
    /// `kecamatan` or `desa` (the table's anchor and caption).
    pub jenis: &'static str,
    /// The rows shown: at most [`BARIS_TAMPIL`], most failures first.
    pub baris: Vec<BarisGagalWilayah>,
    /// How many more regions of the level have failures (they are in the page's CSV
    /// download).
    pub lain: usize,
    /// Their failed KPM together (region totals, which every page shows).
    pub lain_kpm: u64,
}

/// A reason in a [`BagianGagalKota`]'s ranking.
#[derive(Debug, Clone, Serialize)]
pub struct PeringkatAlasan {
    /// Its code.
    pub kode: &'static str,
    /// Its label (never the texts as written, see [`BarisGagal::alasan`]).
    pub alasan: String,
    /// The count.
    pub sel: SelAlasan,
    /// Its share of the failures, when shown.
    pub persen: Option<f64>,
}

/// A region's row in a [`BagianGagalKota`].
#[derive(Debug, Clone, Serialize)]
pub struct BarisGagalWilayah {
    /// The region and its page.
    pub tautan: Tautan,
    /// For a desa/kelurahan, its kecamatan.
    pub induk: Option<String>,
    /// Failed KPM.
    pub gagal_kpm: u64,
    /// Failed / allocated.
    pub persen: Option<f64>,
    /// Per column of [`BagianGagalKota::kolom`].
    pub sel: Vec<SelAlasan>,
}

impl Situs<'_> {
    /// The kabupaten/kota `w` is in (itself when it is one).
    pub(super) fn kota(&self, w: WilayahId) -> Option<WilayahId> {
        let tree = &self.data.wilayah;
        if tree.node(w).tingkat == Tingkat::KabupatenKota {
            return Some(w);
        }
        tree.ancestors(w)
            .into_iter()
            .find(|&a| tree.node(a).tingkat == Tingkat::KabupatenKota)
    }

    /// Per kabupaten/kota with failures, its rows in each failure table: (table, rows).
    pub(super) fn hitung_gagal_kota(&self) -> Vec<(WilayahId, BarisKota)> {
        let mut per: std::collections::BTreeMap<WilayahId, BarisKota> = Default::default();
        for (ti, tabel) in self.report.gagal.iter().enumerate() {
            for (r, &w) in tabel.wilayah.iter().enumerate() {
                if let Some(k) = self.kota(w) {
                    let list = per.entry(k).or_default();
                    match list.last_mut() {
                        Some((t, rows)) if *t == ti => rows.push(r),
                        _ => list.push((ti, vec![r])),
                    }
                }
            }
        }
        per.into_iter().collect()
    }

    pub(super) fn gagal_kota_rows(&self, k: WilayahId) -> &[(usize, Vec<usize>)] {
        self.gagal_kota
            .binary_search_by_key(&k, |(w, _)| *w)
            .map_or(&[][..], |i| &self.gagal_kota[i].1)
    }

    /// The link to the failure page of the kabupaten/kota `w` is in, if it has one.
    pub(super) fn tautan_gagal_kota(&self, w: WilayahId) -> Option<Tautan> {
        let k = self.kota(w)?;
        self.gagal_kota.binary_search_by_key(&k, |(w, _)| *w).ok()?;
        let nama = self.kata.nama_wilayah(self.data.wilayah.node(k));
        Some(Tautan {
            label: self.kata.isi("judul_gagal_kota", &[("nama", &nama)]),
            href: self.path(Halaman::GagalKota(k)),
        })
    }

    /// Region `w`'s (`None`: the whole site's) failures in tahap `t` by reason and programme.
    pub(super) fn matriks_gagal(
        &self,
        w: Option<WilayahId>,
        t: TahapId,
        programs: &[ProgramId],
        hanya_program: Option<ProgramId>,
    ) -> Option<MatriksGagal> {
        let tables: Vec<&TabelGagal> = self
            .report
            .gagal
            .iter()
            .filter(|g| {
                g.kunci.tahap == t
                    && programs.contains(&g.kunci.program)
                    && hanya_program.is_none_or(|p| g.kunci.program == p)
                    && g.sel(w).is_some()
            })
            .collect();
        if tables.is_empty() {
            return None;
        }
        let mut tables = tables;
        tables.sort_by_key(|g| {
            (
                programs.iter().position(|&p| p == g.kunci.program),
                g.kunci.penyalur,
            )
        });
        let label = |g: &TabelGagal| {
            let kode = &self.data.program[g.kunci.program.indeks()].kode;
            if tables
                .iter()
                .filter(|h| h.kunci.program == g.kunci.program)
                .count()
                > 1
            {
                format!("{kode} · {}", self.data.penyalur[g.kunci.penyalur.indeks()])
            } else {
                kode.clone()
            }
        };
        let cells: Vec<_> = tables.iter().filter_map(|g| g.sel(w)).collect();
        let mut baris = Vec::new();
        for (j, &kode) in KodeAlasan::SEMUA.iter().enumerate() {
            let sel: Vec<Option<SelAlasan>> = cells
                .iter()
                .map(|c| {
                    let s = SelAlasan::dari(c.nilai[j], c.tampil.map(|t| t[j]));
                    (s.jenis != "nihil").then_some(s)
                })
                .collect();
            // a reason with nothing to show in any column is left out (a withheld column
            // alone does not make a row: it says nothing about any reason)
            if !sel
                .iter()
                .flatten()
                .any(|s| matches!(s.jenis, "angka" | "kecil" | "tersembunyi"))
            {
                continue;
            }
            baris.push(BarisGagal {
                kode: kode.kode(),
                alasan: self.kata.alasan(kode).to_string(),
                sel,
            });
        }
        // the most frequent first, by what is shown (a hidden count is not ranked: its place
        // would tell its size)
        let tampak = |b: &BarisGagal| {
            b.sel
                .iter()
                .flatten()
                .filter_map(|s| s.kpm)
                .fold(0u64, |a, v| a.saturating_add(v))
        };
        baris.sort_by_key(|b| std::cmp::Reverse(tampak(b)));
        let ada_tersembunyi = baris.iter().any(|b| {
            b.sel
                .iter()
                .flatten()
                .any(|s| s.jenis != "angka" && s.jenis != "nihil")
        });
        Some(MatriksGagal {
            program: tables.iter().map(|g| label(g)).collect(),
            jumlah: cells.iter().map(|c| c.jumlah()).collect(),
            baris,
            ada_tersembunyi,
            min_kpm: self.config.privasi.min_kpm,
            halaman: w.and_then(|w| self.tautan_gagal_kota(w)),
        })
    }

    /// The failure page of kabupaten/kota `k`.
    pub(super) fn konteks_gagal_kota(&self, k: WilayahId) -> KonteksGagalKota {
        let tree = &self.data.wilayah;
        let mut breadcrumb = vec![self.beranda()];
        breadcrumb.extend(
            tree.ancestors(k)
                .into_iter()
                .map(|a| self.tautan_wilayah(a)),
        );
        breadcrumb.push(self.tautan_wilayah(k));
        let judul = self
            .tautan_gagal_kota(k)
            .map(|t| t.label)
            .unwrap_or_default();
        // the latest tahap first; within one, by programme and penyalur
        let mut tables: Vec<&(usize, Vec<usize>)> = self.gagal_kota_rows(k).iter().collect();
        tables.sort_by_key(|(ti, _)| {
            let kunci = self.report.gagal[*ti].kunci;
            (
                std::cmp::Reverse(kunci.tahap),
                kunci.program,
                kunci.penyalur,
            )
        });
        let bagian = tables
            .into_iter()
            .map(|(ti, rows)| self.bagian_gagal_kota(k, &self.report.gagal[*ti], rows))
            .collect();
        KonteksGagalKota {
            umum: self.umum(Halaman::GagalKota(k), judul, breadcrumb, ""),
            wilayah: self.tautan_wilayah(k),
            unduh: self.path(Halaman::UnduhGagalKota(k)),
            min_kpm: self.config.privasi.min_kpm,
            bagian,
            asal: self.peringatan_sifat(
                self.wilayah_gagal_kota(k)
                    .map(|w| self.tanda_sifat(Some(w), |_, j| j != JenisAngka::Tersalur)),
                self.path(Halaman::Wilayah(k)),
            ),
        }
    }

    /// The regions whose failures and allocations a failure page shows, for what is said of
    /// their figures: the kabupaten/kota and the kecamatan below it (a statement about the
    /// desa/kelurahan speaks of their kecamatan too: it is inherited or summed).
    fn wilayah_gagal_kota(&self, k: WilayahId) -> impl Iterator<Item = WilayahId> + '_ {
        std::iter::once(k).chain(self.data.wilayah.node(k).anak.iter().copied())
    }

    fn bagian_gagal_kota(&self, k: WilayahId, g: &TabelGagal, rows: &[usize]) -> BagianGagalKota {
        let tree = &self.data.wilayah;
        let kunci = g.kunci;
        let tampil_baris = |r: usize| g.tampil.as_ref().map(|t| t[r]);
        let alokasi =
            |w: WilayahId| -> Angka { self.report.wilayah[w.indeks()].angka_kunci(kunci) };
        let persen =
            |gagal: u64, alokasi: u64| (alokasi > 0).then(|| gagal as f64 / alokasi as f64);
        let kota_row = g.baris(k);
        let nilai_kota = kota_row.map(|r| g.nilai[r]).unwrap_or([0; KOLOM]);
        let tampil_kota = kota_row.and_then(tampil_baris);
        let gagal_kpm = nilai_kota.iter().sum::<u64>();
        let alokasi_kpm = alokasi(k).alokasi_kpm;
        // the columns: every code with a failure or a hidden count in the kabupaten/kota
        let kolom_idx: Vec<usize> = (0..KOLOM)
            .filter(|&j| {
                nilai_kota[j] > 0
                    || rows.iter().any(|&r| {
                        tampil_baris(r).is_some_and(|t| !matches!(t[j], Tampil::Angka(0)))
                    })
            })
            .collect();
        let mut alasan: Vec<PeringkatAlasan> = kolom_idx
            .iter()
            .map(|&j| {
                let sel = SelAlasan::dari(nilai_kota[j], tampil_kota.map(|t| t[j]));
                PeringkatAlasan {
                    kode: KodeAlasan::SEMUA[j].kode(),
                    alasan: self.kata.alasan(KodeAlasan::SEMUA[j]).to_string(),
                    persen: sel.kpm.and_then(|v| persen(v, gagal_kpm)),
                    sel,
                }
            })
            .collect();
        // shown counts by size; a hidden one is not ranked (its place would tell its size)
        alasan.sort_by_key(|a| std::cmp::Reverse(a.sel.kpm));
        let baris_wilayah = |r: usize| {
            let w = g.wilayah[r];
            let t = tampil_baris(r);
            let gagal = g.nilai[r].iter().sum::<u64>();
            BarisGagalWilayah {
                tautan: Tautan {
                    label: tree.node(w).nama.clone(),
                    href: self.path(Halaman::Wilayah(w)),
                },
                induk: tree.node(w).induk.map(|p| tree.node(p).nama.clone()),
                gagal_kpm: gagal,
                persen: persen(gagal, alokasi(w).alokasi_kpm),
                sel: kolom_idx
                    .iter()
                    .map(|&j| SelAlasan::dari(g.nilai[r][j], t.map(|t| t[j])))
                    .collect(),
            }
        };
        let urut = |mut v: Vec<BarisGagalWilayah>| {
            v.sort_by(|a, b| {
                b.gagal_kpm
                    .cmp(&a.gagal_kpm)
                    .then_with(|| a.tautan.label.cmp(&b.tautan.label))
            });
            v
        };
        let kecamatan = urut(
            rows.iter()
                .filter(|&&r| tree.node(g.wilayah[r]).induk == Some(k))
                .map(|&r| BarisGagalWilayah {
                    induk: None,
                    ..baris_wilayah(r)
                })
                .collect(),
        );
        let desa = urut(
            rows.iter()
                .filter(|&&r| {
                    let w = g.wilayah[r];
                    w != k && tree.node(w).anak.is_empty()
                })
                .map(|&r| {
                    let mut b = baris_wilayah(r);
                    if tree.node(g.wilayah[r]).induk == Some(k) {
                        b.induk = None;
                    }
                    b
                })
                .collect(),
        );
        // a phone reads the worst few; the whole list is the download's
        let wilayah = [("kecamatan", kecamatan), ("desa", desa)]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(jenis, v)| {
                let (baris, lain, lain_kpm) = potong(v);
                TabelGagalWilayah {
                    jenis,
                    baris,
                    lain,
                    lain_kpm,
                }
            })
            .collect();
        let program = self.tautan_program(kunci.program);
        let tahap = self.tautan_tahap(kunci.tahap);
        let penyalur = self.data.penyalur[kunci.penyalur.indeks()].clone();
        let id = crate::content::slugify(&format!(
            "{}-{}-{}",
            program.label,
            self.data.tahap[kunci.tahap.indeks()].kode,
            penyalur
        ));
        let grafik = self.grafik_alasan(
            &id,
            k,
            &format!("{} · {}, {}", program.label, penyalur, tahap.label),
            &alasan,
        );
        BagianGagalKota {
            grafik,
            wilayah,
            data_per: self.report.tahap_data_per[kunci.tahap.indeks()].map(|d| d.to_string()),
            id,
            program,
            tahap,
            penyalur,
            gagal_kpm,
            alokasi_kpm,
            persen: persen(gagal_kpm, alokasi_kpm),
            alasan,
            kolom: kolom_idx
                .iter()
                .map(|&j| self.kata.alasan(KodeAlasan::SEMUA[j]).to_string())
                .collect(),
            ditahan: g.tampil.is_none(),
        }
    }

    /// The ranked reasons of a failure page's section as horizontal bars of KPM, largest
    /// first: only the counts the suppression shows (`angka`), so a count it hides ("< 3",
    /// "×", withheld) is neither drawn nor scales the axis; the description names how many
    /// reasons are hidden, never their size. `None` when no count is shown.
    fn grafik_alasan(
        &self,
        id: &str,
        k: WilayahId,
        bagian: &str,
        alasan: &[PeringkatAlasan],
    ) -> Option<Grafik> {
        let lang = self.lang();
        let tampak = batang_alasan(alasan);
        if tampak.is_empty() {
            return None;
        }
        let mut baris = Vec::with_capacity(tampak.len());
        let mut kalimat = Vec::with_capacity(tampak.len());
        for (a, kpm) in &tampak {
            let n = ribuan(*kpm as i64, lang);
            let nilai_label = match a.persen {
                Some(p) => format!("{n} · {}", tulis_persen(p, lang)),
                None => n.clone(),
            };
            kalimat.push(
                self.kata.isi(
                    "grafik_alasan_baris",
                    &[
                        ("alasan", &a.alasan),
                        ("kpm", &n),
                        (
                            "persen",
                            &a.persen
                                .map(|p| format!(" ({})", tulis_persen(p, lang)))
                                .unwrap_or_default(),
                        ),
                    ],
                ),
            );
            baris.push(Batang {
                label: a.alasan.clone(),
                nilai_label,
                penuh: 0.0,
                isi: *kpm as f64,
            });
        }
        let nama = self.kata.nama_wilayah(self.data.wilayah.node(k));
        let isian = [("bagian", bagian), ("nama", nama.as_str())];
        let mut deskripsi = self.kata.isi(
            "grafik_alasan_deskripsi",
            &[
                ("bagian", bagian),
                ("nama", &nama),
                ("baris", &kalimat.join("; ")),
            ],
        );
        let tersembunyi = alasan.len() - tampak.len();
        if tersembunyi > 0 {
            deskripsi.push(' ');
            deskripsi.push_str(&self.kata.isi(
                "grafik_alasan_tersembunyi",
                &[("n", &tersembunyi.to_string())],
            ));
        }
        Some(Grafik {
            id: format!("{id}-grafik"),
            judul: self.kata.isi("grafik_alasan_judul", &isian),
            deskripsi,
            isi: IsiGrafik::Batang(GrafikBatang {
                satuan: Satuan::Kpm,
                baris,
                legenda: None,
            }),
            svg: String::new(),
        })
    }

    /// Feeds what kabupaten/kota `k`'s failure page and download show to `hasher`.
    pub(super) fn hash_gagal_kota(&self, k: WilayahId, hasher: &mut xxhash_rust::xxh3::Xxh3) {
        use std::hash::Hash;
        let tree = &self.data.wilayah;
        for a in tree.ancestors(k).into_iter().chain([k]) {
            (&tree.node(a).kode, &tree.node(a).nama).hash(hasher);
        }
        // the notice of what is said of its figures
        for w in self.wilayah_gagal_kota(k) {
            self.hash_asal(w, hasher);
        }
        for (ti, rows) in self.gagal_kota_rows(k) {
            let g = &self.report.gagal[*ti];
            g.kunci.hash(hasher);
            for &r in rows {
                let w = g.wilayah[r];
                (&tree.node(w).nama, tree.node(w).induk, &g.nilai[r]).hash(hasher);
                g.tampil.as_ref().map(|t| t[r]).hash(hasher);
                self.report.wilayah[w.indeks()]
                    .angka_kunci(g.kunci)
                    .alokasi_kpm
                    .hash(hasher);
            }
        }
    }

    /// Per region, a fingerprint of how its rows of the failure tables are shown (their
    /// suppression depends on the regions around it): one pass over every table, so that a
    /// region page's fingerprint reads one number.
    pub(super) fn hitung_sidik_gagal(&self) -> Vec<u64> {
        use std::hash::{Hash, Hasher};
        let mut sidik = vec![0u64; self.data.wilayah.len()];
        for g in &self.report.gagal {
            for (r, &w) in g.wilayah.iter().enumerate() {
                let mut h = xxhash_rust::xxh3::Xxh3::new();
                (g.kunci, g.tampil.as_ref().map(|t| t[r])).hash(&mut h);
                sidik[w.indeks()] = sidik[w.indeks()].wrapping_add(h.finish());
            }
        }
        sidik
    }

    /// Feeds region `w`'s rows of the failure tables and its failure page link to `hasher`.
    pub(super) fn hash_gagal_wilayah(&self, w: WilayahId, hasher: &mut xxhash_rust::xxh3::Xxh3) {
        use std::hash::Hash;
        self.sidik_gagal.get(w.indeks()).hash(hasher);
        if self.sidik_gagal.get(w.indeks()).is_some_and(|&s| s != 0) {
            self.tautan_gagal_kota(w).map(|t| t.href).hash(hasher);
        }
    }
}

/// The reasons a chart may draw, in their ranked order, with their counts: only those the
/// suppression shows as a number above zero. Pure, so the privacy rule is unit-tested.
pub(super) fn batang_alasan(alasan: &[PeringkatAlasan]) -> Vec<(&PeringkatAlasan, u64)> {
    let mut out: Vec<(&PeringkatAlasan, u64)> = alasan
        .iter()
        .filter(|a| a.sel.jenis == "angka")
        .filter_map(|a| a.sel.kpm.filter(|&v| v > 0).map(|v| (a, v)))
        .collect();
    out.sort_by_key(|(_, v)| std::cmp::Reverse(*v));
    out
}

/// The first [`BARIS_TAMPIL`] rows of a ranked list, how many are left out and their failed
/// KPM together.
fn potong(mut v: Vec<BarisGagalWilayah>) -> (Vec<BarisGagalWilayah>, usize, u64) {
    let lain = v.split_off(v.len().min(BARIS_TAMPIL));
    let kpm = lain.iter().map(|b| b.gagal_kpm).sum();
    (v, lain.len(), kpm)
}

/// A kabupaten/kota's failures page's template.
pub const TEMPLATE_GAGAL_KOTA: &str = "gagal_kota.html";
/// Its CSV is written as it is.
pub const TEMPLATE_UNDUH: &str = "";

impl Situs<'_> {
    /// `gagal/<kode>.html`.
    pub(super) fn path_gagal_kota(&self, w: WilayahId) -> String {
        format!("gagal/{}.html", self.data.wilayah.node(w).kode_teks)
    }

    /// `gagal/<kode>.csv`.
    pub(super) fn path_unduh_gagal_kota(&self, w: WilayahId) -> String {
        format!("gagal/{}.csv", self.data.wilayah.node(w).kode_teks)
    }

    /// The page shows the kabupaten/kota's failure rows.
    pub(super) fn sidik_gagal_kota(&self, k: WilayahId) -> u64 {
        self.sidik_gagal(true, k)
    }

    /// The CSV holds the page's cells.
    pub(super) fn sidik_unduh_gagal_kota(&self, k: WilayahId) -> u64 {
        self.sidik_gagal(false, k)
    }

    fn sidik_gagal(&self, halaman: bool, k: WilayahId) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        (halaman, 5u8, self.sidik_umum).hash(&mut hasher);
        self.hash_gagal_kota(k, &mut hasher);
        hasher.finish().max(1)
    }
}

/// A kabupaten/kota's failures page.
pub struct HalamanGagalKota;

impl JenisHalaman for HalamanGagalKota {
    type Kunci = WilayahId;
    const TEMPLATE: &'static str = TEMPLATE_GAGAL_KOTA;
    fn path(s: &Situs<'_>, w: WilayahId) -> String {
        s.path_gagal_kota(w)
    }
    fn sidik(s: &Situs<'_>, w: WilayahId) -> u64 {
        s.sidik_gagal_kota(w)
    }
    fn konteks(s: &Situs<'_>, w: WilayahId) -> Konteks {
        Konteks::GagalKota(Box::new(s.konteks_gagal_kota(w)))
    }
    fn asal(s: &Situs<'_>, w: WilayahId) -> Asal {
        s.asal_wilayah(w)
    }
}

/// A kabupaten/kota's failures as a download.
pub struct HalamanUnduhGagalKota;

impl JenisHalaman for HalamanUnduhGagalKota {
    type Kunci = WilayahId;
    const TEMPLATE: &'static str = TEMPLATE_UNDUH;
    fn path(s: &Situs<'_>, w: WilayahId) -> String {
        s.path_unduh_gagal_kota(w)
    }
    fn sidik(s: &Situs<'_>, w: WilayahId) -> u64 {
        s.sidik_unduh_gagal_kota(w)
    }
    fn konteks(s: &Situs<'_>, w: WilayahId) -> Konteks {
        Konteks::Unduhan(s.csv_gagal_kota(w))
    }
    fn asal(s: &Situs<'_>, w: WilayahId) -> Asal {
        s.asal_wilayah(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alasan(kode: &'static str, jenis: &'static str, kpm: Option<u64>) -> PeringkatAlasan {
        PeringkatAlasan {
            kode,
            alasan: kode.to_string(),
            sel: SelAlasan { jenis, kpm },
            persen: None,
        }
    }

    #[test]
    fn the_chart_draws_only_shown_counts_largest_first() {
        let a = [
            alasan("a", "angka", Some(4)),
            alasan("b", "kecil", None),
            alasan("c", "angka", Some(12)),
            alasan("d", "tersembunyi", None),
            alasan("e", "ditahan", None),
            alasan("f", "nihil", None),
        ];
        let b = batang_alasan(&a);
        let kode: Vec<(&str, u64)> = b.iter().map(|(a, v)| (a.kode, *v)).collect();
        assert_eq!(kode, [("c", 12), ("a", 4)]);
        assert!(batang_alasan(&a[1..2]).is_empty());
    }

    #[test]
    fn a_long_list_keeps_its_first_rows_and_counts_the_rest() {
        let baris = |kpm| BarisGagalWilayah {
            tautan: Tautan {
                label: String::new(),
                href: String::new(),
            },
            induk: None,
            gagal_kpm: kpm,
            persen: None,
            sel: Vec::new(),
        };
        let (v, n, kpm) = potong((1..=13).rev().map(baris).collect());
        assert_eq!((v.len(), n, kpm), (BARIS_TAMPIL, 3, 1 + 2 + 3));
        let (v, n, kpm) = potong((1..=4).map(baris).collect());
        assert_eq!((v.len(), n, kpm), (4, 0, 0));
    }
}
