//! What several page kinds show alike: links, the common fields, the figures tables and a
//! tahap's section, and the helpers that make them.

use serde::Serialize;

use super::asal::TandaSifat;
use super::grafik::Grafik;
use super::{Halaman, MAKS_TERTINGGAL, MATRIKS_SEL_MAKS, MatriksGagal, Situs, unduh};
use crate::analysis::{Angka, Kunci, Rekap};
use crate::data::{PenyalurId, ProgramId, TahapId, Tingkat, WilayahId};

/// The template of the programme and tahap lists.
pub const TEMPLATE_DAFTAR: &str = "daftar.html";

/// A link: a label and a path relative to the output root.
#[derive(Debug, Clone, Serialize)]
pub struct Tautan {
    /// What the reader sees.
    pub label: String,
    /// Path from the output root (`wilayah/35.75.html`).
    pub href: String,
}

/// What every page has.
#[derive(Debug, Clone, Serialize)]
pub struct Umum {
    /// The prefix that leads from this page to the output root (`""` or `"../"`).
    pub root: String,
    /// This page's path from the output root.
    pub path: String,
    /// The page title.
    pub judul: String,
    /// The trail from the home page to this page (not including it).
    pub breadcrumb: Vec<Tautan>,
    /// Which top navigation item is current (`beranda`, `program`, `tahap`, `tentang`).
    pub nav: &'static str,
    /// What a link preview says about the page (Open Graph, Twitter, `description`): the
    /// region's key figures on region pages and the home page, the site's description
    /// elsewhere.
    pub deskripsi: String,
    /// The search box's placeholder (`mis. Karangketug`): a region of this site
    /// ([`super::cari::contoh`]); empty for a site without regions.
    pub cari_contoh: String,
}

/// One row of a figures table.
#[derive(Debug, Clone, Serialize)]
pub struct Baris {
    /// First column.
    pub label: String,
    /// Second column (the penyalur, or empty).
    pub sublabel: String,
    /// Link for the label, if any.
    pub href: Option<String>,
    /// `rinci` (a detail row), `subtotal` or `total`.
    pub jenis: &'static str,
    /// KPM allocated.
    pub alokasi_kpm: u64,
    /// KPM paid.
    pub tersalur_kpm: u64,
    /// KPM failed.
    pub gagal_kpm: u64,
    /// KPM still to pay.
    pub sisa_kpm: i64,
    /// Paid / allocated.
    pub realisasi: Option<f64>,
    /// Rupiah allocated, when complete.
    pub alokasi_nilai: Option<u64>,
    /// Rupiah paid, when complete.
    pub tersalur_nilai: Option<u64>,
    /// An anchor to cite the row by (`bst-tahap-2021-07`), on a programme's first row.
    pub id: Option<String>,
    /// The mark of its figures when they are `sementara` or `ilustratif`
    /// ([`Situs::tanda_sifat`]).
    pub sifat: Option<TandaSifat>,
}

impl Baris {
    fn new(
        label: String,
        sublabel: String,
        href: Option<String>,
        jenis: &'static str,
        a: &Angka,
    ) -> Baris {
        Baris {
            label,
            sublabel,
            href,
            jenis,
            alokasi_kpm: a.alokasi_kpm,
            tersalur_kpm: a.tersalur_kpm,
            gagal_kpm: a.gagal_kpm,
            sisa_kpm: a.sisa_kpm(),
            realisasi: a.realisasi(),
            alokasi_nilai: a.alokasi_nilai.lengkap().filter(|_| a.alokasi_kpm > 0),
            tersalur_nilai: a.tersalur_nilai.lengkap().filter(|_| a.tersalur_kpm > 0),
            id: None,
            sifat: None,
        }
    }

    /// The row with its figures' mark.
    fn bertanda(mut self, sifat: Option<TandaSifat>) -> Baris {
        self.sifat = sifat;
        self
    }
}

/// Paid KPM by penyalur (rows) × programme (columns), with totals.
#[derive(Debug, Clone, Serialize)]
pub struct Matriks {
    /// Column heads: programme codes.
    pub program: Vec<Tautan>,
    /// One row per penyalur.
    pub baris: Vec<BarisMatriks>,
    /// Column totals.
    pub jumlah: Vec<u64>,
    /// Grand total.
    pub total: u64,
}

/// One penyalur's row of a [`Matriks`].
#[derive(Debug, Clone, Serialize)]
pub struct BarisMatriks {
    /// Penyalur.
    pub penyalur: String,
    /// Paid KPM per programme column (`None` where the penyalur does not pay that programme).
    pub sel: Vec<Option<u64>>,
    /// Row total.
    pub total: u64,
}

/// The realisation of every child region for every programme of a tahap, in one table.
#[derive(Debug, Clone, Serialize)]
pub struct TabelRingkas {
    /// Anchor to cite (`anak-tahap-2021-07`).
    pub id: String,
    /// The children's level, for the caption (`kecamatan`).
    pub tingkat: String,
    /// The children's level, as a column head (`Kecamatan`).
    pub tingkat_judul: String,
    /// Column heads: programmes.
    pub program: Vec<Tautan>,
    /// One row per child region, then the total.
    pub baris: Vec<BarisRingkas>,
    /// Whether there is an "all programmes" column (more than one programme).
    pub ada_semua: bool,
}

/// One child region's realisation per programme.
#[derive(Debug, Clone, Serialize)]
pub struct BarisRingkas {
    /// The region (short name).
    pub label: String,
    /// Its page, if any.
    pub href: Option<String>,
    /// `rinci` or `total`.
    pub jenis: &'static str,
    /// Paid / allocated per programme column (`None` without an allocation).
    pub sel: Vec<Option<f64>>,
    /// Paid / allocated over all the programmes.
    pub semua: Option<f64>,
    /// The mark of its figures when some are `sementara` or `ilustratif`.
    pub sifat: Option<TandaSifat>,
}

/// The regions below one region for one programme.
#[derive(Debug, Clone, Serialize)]
pub struct TabelAnak {
    /// Anchor to cite (`bst-tahap-2021-07`).
    pub id: String,
    /// Programme code.
    pub program: String,
    /// Programme name.
    pub program_nama: String,
    /// The children's level, for the caption (`kecamatan`).
    pub tingkat: String,
    /// The children's level, as a column head (`Kecamatan`).
    pub tingkat_judul: String,
    /// One row per child region, then the total.
    pub baris: Vec<Baris>,
}

/// Everything one region (or the whole site) shows about one tahap.
#[derive(Debug, Clone, Serialize)]
pub struct BagianTahap {
    /// Anchor (`tahap-2021-07`).
    pub id: String,
    /// Link to the tahap page.
    pub tautan: Tautan,
    /// First day, `YYYY-MM-DD`.
    pub mulai: String,
    /// Last day.
    pub selesai: String,
    /// Target date, if any.
    pub target: Option<String>,
    /// The latest day of this tahap's realisation data.
    pub data_per: Option<String>,
    /// Figures per programme × penyalur, with a subtotal per programme that has several.
    pub program: Vec<Baris>,
    /// Whether any row has a rupiah amount (else the amount column is left out).
    pub ada_nilai: bool,
    /// Whether some row has an amount and another not (a dash then needs explaining).
    pub nilai_sebagian: bool,
    /// Whether some row reports more paid than allocated.
    pub melebihi: bool,
    /// Paid KPM by penyalur × programme, when there is more than one of either.
    pub matriks: Option<Matriks>,
    /// Failures by reason and programme.
    pub gagal: Option<MatriksGagal>,
    /// On a programme page: the child regions' figures, one table per programme.
    pub anak: Vec<TabelAnak>,
    /// On a region, home or tahap page: the child regions' realisation for every programme.
    pub ringkas: Option<TabelRingkas>,
    /// When the tahap has a target date: where each programme stands against it at its recent
    /// pace, and the child regions that will miss it.
    pub tenggat: Option<TenggatTahap>,
    /// Cumulative realisation per day against the allocation, one line per programme.
    pub grafik_waktu: Option<Grafik>,
    /// Allocated against paid per programme × penyalur (beside the programme table).
    pub grafik_program: Option<Grafik>,
    /// The child regions' realisation, lowest first (beside the children's table).
    pub grafik_anak: Option<Grafik>,
    /// Where the figures come from, and their download.
    pub sumber: Option<unduh::Sumber>,
}

/// The deadline view of a tahap with a target date.
#[derive(Debug, Clone, Serialize)]
pub struct TenggatTahap {
    /// The target date.
    pub target: String,
    /// The day the figures describe.
    pub data_per: String,
    /// The number of days the pace is measured over.
    pub hari_laju: i32,
    /// One row per programme.
    pub program: Vec<BarisProyeksi>,
    /// Child regions × programmes that will miss the target at their pace, worst first.
    pub tertinggal: Vec<BarisProyeksi>,
    /// How many more child regions × programmes will miss it than are listed.
    pub tertinggal_lainnya: usize,
}

/// A projection, ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct BarisProyeksi {
    /// The region (for a child) or the programme.
    pub label: String,
    /// Its page.
    pub href: Option<String>,
    /// The programme.
    pub program: String,
    /// Paid / allocated now.
    pub realisasi: Option<f64>,
    /// KPM paid per day recently (rounded).
    pub laju_per_hari: f64,
    /// KPM still to pay.
    pub sisa_kpm: u64,
    /// The projected day of completion, if the pace is not zero.
    pub selesai: Option<String>,
    /// Whether that is on or before the target.
    pub tepat_waktu: bool,
    /// For a programme row: how many desa/kelurahan below the region will miss the target at
    /// their own pace, and how many have an allocation (`None` on a page without children).
    pub desa_terlambat: Option<(u64, u64)>,
}

/// A line of a list page.
#[derive(Debug, Clone, Serialize)]
pub struct ItemDaftar {
    /// The link.
    pub tautan: Tautan,
    /// Extra text (a source of funds).
    pub keterangan: String,
    /// The tahap the figures are from (on the programme list: its latest).
    pub tahap: Option<String>,
    /// First day (on the tahap list).
    pub mulai: Option<String>,
    /// Last day (on the tahap list).
    pub selesai: Option<String>,
    /// Paid / allocated over the whole site, when there is an allocation.
    pub realisasi: Option<f64>,
    /// KPM allocated over the whole site.
    pub alokasi_kpm: u64,
}

/// The context of the programme or tahap list page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksDaftar {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// The items.
    pub item: Vec<ItemDaftar>,
}

impl BagianTahap {
    /// The section's charts.
    pub fn grafik_mut(&mut self) -> impl Iterator<Item = &mut Grafik> {
        [
            &mut self.grafik_waktu,
            &mut self.grafik_program,
            &mut self.grafik_anak,
        ]
        .into_iter()
        .flatten()
    }
}

impl Situs<'_> {
    pub(super) fn umum(
        &self,
        h: Halaman,
        judul: String,
        breadcrumb: Vec<Tautan>,
        nav: &'static str,
    ) -> Umum {
        let path = self.path(h);
        let depth = path.matches('/').count();
        // a host shows 404.html at any address, so its links cannot be relative: they use
        // base_url when there is one
        let root = if h == Halaman::TidakDitemukan {
            self.config.base_url.clone()
        } else {
            "../".repeat(depth)
        };
        Umum {
            root,
            path,
            judul,
            breadcrumb,
            nav,
            deskripsi: self.config.description.clone(),
            cari_contoh: self.cari_contoh.clone(),
        }
    }

    /// The first link of every breadcrumb. The default theme shows the theme's `beranda`
    /// string for it (so that a theme that renames the home page renames it in the breadcrumb
    /// too, as in the menu); the label here is what a site theme's own older `base.html`,
    /// which prints `b.label`, keeps showing.
    pub(super) fn beranda(&self) -> Tautan {
        Tautan {
            label: self.kata.teks("beranda").to_string(),
            href: "index.html".to_string(),
        }
    }

    pub(super) fn tautan_wilayah(&self, w: WilayahId) -> Tautan {
        Tautan {
            label: self.kata.nama_wilayah(self.data.wilayah.node(w)),
            href: self.path(Halaman::Wilayah(w)),
        }
    }

    /// "Nama (KODE)", or just the name when it already contains the code.
    pub(super) fn nama_program(&self, p: ProgramId) -> String {
        let prog = &self.data.program[p.indeks()];
        if prog.nama.to_lowercase().contains(&prog.kode.to_lowercase()) {
            prog.nama.clone()
        } else {
            format!("{} ({})", prog.nama, prog.kode)
        }
    }

    pub(super) fn tautan_program(&self, p: ProgramId) -> Tautan {
        Tautan {
            label: self.data.program[p.indeks()].kode.clone(),
            href: self.path(Halaman::Program(p)),
        }
    }

    /// The title of the list of every programme.
    pub(super) fn label_daftar_program(&self) -> String {
        self.kata.teks("program").to_string()
    }

    /// The list of every tahap, as a breadcrumb step.
    pub(super) fn tautan_daftar_tahap(&self) -> Tautan {
        Tautan {
            label: self.kata.teks("tahap").to_string(),
            href: self.path(Halaman::DaftarTahap),
        }
    }

    pub(super) fn tautan_tahap(&self, t: TahapId) -> Tautan {
        Tautan {
            label: self.data.tahap[t.indeks()].nama.clone(),
            href: self.path(Halaman::Tahap(t)),
        }
    }

    /// The sections per tahap for a region's figures, newest tahap first. `anak` are the
    /// regions shown in the per-programme tables; `langsung` the figures not broken down;
    /// `hanya_program`, `hanya_tahap`: only that programme's figures, only that tahap's section.
    pub(super) fn bagian_tahap(
        &self,
        wilayah: Option<WilayahId>,
        rekap: &Rekap,
        anak: &[WilayahId],
        langsung: Option<&Rekap>,
        hanya_program: Option<ProgramId>,
        hanya_tahap: Option<TahapId>,
    ) -> Vec<BagianTahap> {
        // the cells of each tahap, newest first, each in the cells' order (programme, then
        // penyalur): grouped once, not filtered out of all the cells again per tahap (a site
        // of 4.000 tahap took 90 s, its tahap pages each making every section)
        let cells = match hanya_program {
            Some(p) => {
                let awal = rekap.sel.partition_point(|(k, _)| k.program < p);
                let akhir = rekap.sel.partition_point(|(k, _)| k.program <= p);
                &rekap.sel[awal..akhir]
            }
            None => &rekap.sel[..],
        };
        let mut per_tahap: Vec<&(Kunci, Angka)> = cells
            .iter()
            .filter(|(k, _)| hanya_tahap.is_none_or(|h| k.tahap == h))
            .collect();
        per_tahap.sort_by_key(|(k, _)| std::cmp::Reverse(k.tahap));
        let mut out = Vec::new();
        for sel in per_tahap.chunk_by(|a, b| a.0.tahap == b.0.tahap) {
            let t = sel[0].0.tahap;
            let tahap = &self.data.tahap[t.indeks()];

            // figures per programme × penyalur, subtotal per programme with several penyalur
            let mut program_rows = Vec::new();
            let mut programs: Vec<ProgramId> = sel.iter().map(|(k, _)| k.program).collect();
            programs.dedup();
            // the cells are sorted by programme: each programme's is one run (a filter of
            // every cell per programme was quadratic in the number of programmes)
            for rows in sel.chunk_by(|a, b| a.0.program == b.0.program) {
                let p = rows[0].0.program;
                let prog = &self.data.program[p.indeks()];
                let href = Some(self.path(Halaman::Program(p)));
                let pertama = program_rows.len();
                for (k, a) in rows {
                    program_rows.push(
                        Baris::new(
                            prog.kode.clone(),
                            self.data.penyalur[k.penyalur.indeks()].clone(),
                            href.clone(),
                            "rinci",
                            a,
                        )
                        .bertanda(self.tanda_sifat(wilayah, |x, _| x == k)),
                    );
                }
                if rows.len() > 1 {
                    let mut sum = Angka::default();
                    rows.iter().for_each(|(_, a)| sum.merge(a));
                    program_rows.push(
                        Baris::new(
                            prog.kode.clone(),
                            self.kata.teks("jumlah").to_string(),
                            href,
                            "subtotal",
                            &sum,
                        )
                        .bertanda(self.tanda_sifat(wilayah, |x, _| x.program == p && x.tahap == t)),
                    );
                }
                // a programme page's children tables carry this anchor already
                if hanya_program.is_none() {
                    program_rows[pertama].id = Some(format!(
                        "{}-tahap-{}",
                        self.program_slug[p.indeks()],
                        self.tahap_slug[t.indeks()]
                    ));
                }
            }

            // paid KPM by penyalur × programme
            let mut penyalur: Vec<_> = sel.iter().map(|(k, _)| k.penyalur).collect();
            penyalur.sort_unstable();
            penyalur.dedup();
            // worth a table only when some programme is paid by more than one penyalur, and
            // only while it is a table a reader can take in: most of its cells would be empty
            // beyond (each programme × penyalur is a row above anyway), and its size grows
            // with programmes × penyalur, not with the data
            let banyak_penyalur = sel.windows(2).any(|w| w[0].0.program == w[1].0.program)
                && penyalur.len().saturating_mul(programs.len()) <= MATRIKS_SEL_MAKS;
            let matriks = banyak_penyalur.then(|| {
                let paid: rustc_hash::FxHashMap<(ProgramId, PenyalurId), u64> = sel
                    .iter()
                    .map(|(k, a)| ((k.program, k.penyalur), a.tersalur_kpm))
                    .collect();
                let baris: Vec<BarisMatriks> = penyalur
                    .iter()
                    .map(|&py| {
                        let cells: Vec<Option<u64>> = programs
                            .iter()
                            .map(|&p| paid.get(&(p, py)).copied())
                            .collect();
                        BarisMatriks {
                            penyalur: self.data.penyalur[py.indeks()].clone(),
                            total: cells
                                .iter()
                                .flatten()
                                .fold(0u64, |a, &b| a.saturating_add(b)),
                            sel: cells,
                        }
                    })
                    .collect();
                let jumlah: Vec<u64> = (0..programs.len())
                    .map(|i| {
                        baris
                            .iter()
                            .filter_map(|b| b.sel[i])
                            .fold(0u64, |a, b| a.saturating_add(b))
                    })
                    .collect();
                Matriks {
                    program: programs.iter().map(|&p| self.tautan_program(p)).collect(),
                    total: jumlah.iter().fold(0u64, |a, &b| a.saturating_add(b)),
                    jumlah,
                    baris,
                }
            });

            let gagal = self.matriks_gagal(wilayah, t, &programs, hanya_program);

            let ringkas = if hanya_program.is_none() {
                self.tabel_ringkas(t, anak, langsung, &programs)
            } else {
                None
            };
            let tenggat = self.tenggat_tahap(wilayah, rekap, t, anak, &programs);

            // on a programme page: per child region, one table per programme
            let mut tabel_anak = Vec::new();
            if !anak.is_empty() && hanya_program.is_some() {
                for &p in &programs {
                    let prog = &self.data.program[p.indeks()];
                    let mut baris = Vec::new();
                    let mut total = Angka::default();
                    for &c in anak {
                        let a = self.report.wilayah[c.indeks()].angka(p, t);
                        if a == Angka::default() {
                            continue;
                        }
                        total.merge(&a);
                        baris.push(
                            Baris::new(
                                self.data.wilayah.node(c).nama.clone(),
                                String::new(),
                                Some(self.path(Halaman::Wilayah(c))),
                                "rinci",
                                &a,
                            )
                            .bertanda(
                                self.tanda_sifat(Some(c), |x, _| x.program == p && x.tahap == t),
                            ),
                        );
                    }
                    if let Some(d) = langsung {
                        let a = d.angka(p, t);
                        if a != Angka::default() {
                            total.merge(&a);
                            baris.push(Baris::new(
                                self.kata.teks("tidak_dirinci").to_string(),
                                String::new(),
                                None,
                                "rinci",
                                &a,
                            ));
                        }
                    }
                    if baris.is_empty() {
                        continue;
                    }
                    baris.push(
                        Baris::new(
                            self.kata.teks("jumlah").to_string(),
                            String::new(),
                            None,
                            "total",
                            &total,
                        )
                        .bertanda(self.tanda_sifat(wilayah, |x, _| x.program == p && x.tahap == t)),
                    );
                    tabel_anak.push(TabelAnak {
                        id: format!(
                            "{}-tahap-{}",
                            self.program_slug[p.indeks()],
                            self.tahap_slug[t.indeks()]
                        ),
                        program: prog.kode.clone(),
                        program_nama: prog.nama.clone(),
                        tingkat: self.judul_anak_tunggal(anak).to_lowercase(),
                        tingkat_judul: self.judul_anak_tunggal(anak),
                        baris,
                    });
                }
            }

            let id = format!("tahap-{}", self.tahap_slug[t.indeks()]);
            let angka_program: Vec<(ProgramId, Angka)> =
                programs.iter().map(|&p| (p, rekap.angka(p, t))).collect();
            // Charts: on a region page for its newest tahap only (the one residents ask
            // about; a kelurahan page stays light on a national site), on the site-wide pages
            // (home, programme, tahap) for every tahap.
            let dengan_grafik = wilayah.is_none() || out.is_empty();
            let (grafik_waktu, grafik_program, grafik_anak) = if dengan_grafik {
                (
                    self.grafik_waktu(&id, wilayah, &angka_program, t),
                    self.grafik_program(&id, wilayah, t, &program_rows),
                    self.grafik_anak(
                        &id,
                        wilayah,
                        t,
                        anak,
                        &programs,
                        &self.judul_anak_tunggal(anak).to_lowercase(),
                    ),
                )
            } else {
                (None, None, None)
            };
            out.push(BagianTahap {
                id,
                tautan: self.tautan_tahap(t),
                mulai: tahap.mulai.to_string(),
                selesai: tahap.selesai.to_string(),
                target: tahap.target.map(|d| d.to_string()),
                data_per: self.report.tahap_data_per[t.indeks()].map(|d| d.to_string()),
                ada_nilai: program_rows.iter().any(|b| b.tersalur_nilai.is_some()),
                nilai_sebagian: program_rows.iter().any(|b| b.tersalur_nilai.is_some())
                    && program_rows
                        .iter()
                        .any(|b| b.tersalur_nilai.is_none() && b.tersalur_kpm > 0),
                melebihi: program_rows
                    .iter()
                    .any(|b| b.realisasi.is_some_and(|r| r > 1.0)),
                program: program_rows,
                matriks,
                gagal,
                anak: tabel_anak,
                ringkas,
                tenggat,
                grafik_waktu,
                grafik_program,
                grafik_anak,
                sumber: Some(self.sumber_angka(
                    wilayah,
                    sel.iter().map(|(_, a)| a.baris).sum(),
                    wilayah.is_none(),
                )),
            });
        }
        out
    }

    pub(super) fn tenggat_tahap(
        &self,
        wilayah: Option<WilayahId>,
        rekap: &Rekap,
        t: TahapId,
        anak: &[WilayahId],
        programs: &[ProgramId],
    ) -> Option<TenggatTahap> {
        let target = self.data.tahap[t.indeks()].target?;
        let data_per = self.report.tahap_data_per[t.indeks()]?;
        // a projection is for a tahap still running: once its data reach the target day the
        // tables say how it ended
        if data_per >= target {
            return None;
        }
        let baris = |label: String, href: Option<String>, p: ProgramId, a: &Angka| {
            let pr = crate::analysis::proyeksi(a, data_per, target);
            BarisProyeksi {
                label,
                href,
                program: self.data.program[p.indeks()].kode.clone(),
                realisasi: pr.realisasi,
                laju_per_hari: (pr.laju_per_hari * 10.0).round() / 10.0,
                sisa_kpm: pr.sisa_kpm,
                selesai: pr.selesai.map(|d| d.to_string()),
                tepat_waktu: pr.tepat_waktu,
                desa_terlambat: None,
            }
        };
        // the desa/kelurahan below: a region on time as a whole can still have villages that
        // will not be paid by the target
        // per programme (by id): the villages below that will miss the target at their own
        // pace, and those with an allocation; the whole site's once for all site-wide pages
        let hitung: Vec<(u64, u64)> = match (anak.is_empty(), wilayah) {
            (true, _) => Vec::new(),
            (false, Some(w)) => self.hitung_desa(
                w.indeks() + 1..self.report.harian.ujung_subtree(w),
                t,
                data_per,
                target,
            ),
            (false, None) => self.desa_seluruh[t.indeks()]
                .get_or_init(|| self.hitung_desa(0..self.data.wilayah.len(), t, data_per, target))
                .clone(),
        };
        let program = programs
            .iter()
            .map(|&p| {
                let a = rekap.angka(p, t);
                let mut b = baris(
                    self.data.program[p.indeks()].kode.clone(),
                    Some(self.path(Halaman::Program(p))),
                    p,
                    &a,
                );
                b.desa_terlambat = hitung.get(p.indeks()).copied();
                b
            })
            .collect();
        let mut tertinggal: Vec<BarisProyeksi> = Vec::new();
        for &c in anak {
            for &p in programs {
                let a = self.report.wilayah[c.indeks()].angka(p, t);
                if a.alokasi_kpm == 0 {
                    continue;
                }
                let b = baris(
                    self.data.wilayah.node(c).nama.clone(),
                    Some(self.path(Halaman::Wilayah(c))),
                    p,
                    &a,
                );
                if !b.tepat_waktu {
                    tertinggal.push(b);
                }
            }
        }
        // worst first: never finishing, then the latest projected day, then the lowest rate
        tertinggal.sort_by(|a, b| {
            let key =
                |x: &BarisProyeksi| (x.selesai.is_some(), std::cmp::Reverse(x.selesai.clone()));
            key(a)
                .cmp(&key(b))
                .then_with(|| {
                    a.realisasi
                        .unwrap_or(0.0)
                        .partial_cmp(&b.realisasi.unwrap_or(0.0))
                        .unwrap_or(std::cmp::Ordering::Equal)
                })
                .then_with(|| a.label.cmp(&b.label))
        });
        // the worst first; the rest are counted (each child's page has its own view)
        let tertinggal_lainnya = tertinggal.len().saturating_sub(MAKS_TERTINGGAL);
        tertinggal.truncate(MAKS_TERTINGGAL);
        Some(TenggatTahap {
            target: target.to_string(),
            data_per: data_per.to_string(),
            hari_laju: crate::analysis::LAJU_HARI,
            program,
            tertinggal,
            tertinggal_lainnya,
        })
    }

    /// Per programme (indexed by id): how many of the desa/kelurahan among `range` (those
    /// without children) will miss the target at their own pace, and how many have an
    /// allocation. One pass over each village's cells, which are sorted by programme.
    pub(super) fn hitung_desa(
        &self,
        range: std::ops::Range<usize>,
        t: TahapId,
        data_per: jiff::civil::Date,
        target: jiff::civil::Date,
    ) -> Vec<(u64, u64)> {
        let tree = &self.data.wilayah;
        let hari_sampai_target = i64::from(
            crate::analysis::harian::nomor_hari(target)
                - crate::analysis::harian::nomor_hari(data_per),
        );
        let mut hitung = vec![(0u64, 0u64); self.data.program.len()];
        for d in range
            .filter_map(WilayahId::baru)
            .filter(|&d| tree.node(d).anak.is_empty())
        {
            let sel = &self.report.wilayah[d.indeks()].sel;
            let mut i = 0;
            while i < sel.len() {
                let p = sel[i].0.program;
                let mut a = Angka::default();
                while i < sel.len() && sel[i].0.program == p {
                    if sel[i].0.tahap == t {
                        a.merge(&sel[i].1);
                    }
                    i += 1;
                }
                if a.alokasi_kpm == 0 {
                    continue;
                }
                if let Some(slot) = hitung.get_mut(p.indeks()) {
                    slot.1 += 1;
                    if !crate::analysis::tepat_waktu(&a, hari_sampai_target) {
                        slot.0 += 1;
                    }
                }
            }
        }
        hitung
    }

    pub(super) fn tabel_ringkas(
        &self,
        t: TahapId,
        anak: &[WilayahId],
        langsung: Option<&Rekap>,
        programs: &[ProgramId],
    ) -> Option<TabelRingkas> {
        if anak.is_empty() {
            return None;
        }
        let mut baris = Vec::new();
        let mut total = vec![Angka::default(); programs.len()];
        let mut add =
            |label: String, href: Option<String>, rekap: &Rekap, sifat: Option<TandaSifat>| {
                let angka: Vec<Angka> = programs.iter().map(|&p| rekap.angka(p, t)).collect();
                if angka.iter().all(|a| *a == Angka::default()) {
                    return;
                }
                for (sum, a) in total.iter_mut().zip(&angka) {
                    sum.merge(a);
                }
                let mut semua = Angka::default();
                angka.iter().for_each(|a| semua.merge(a));
                baris.push(BarisRingkas {
                    label,
                    href,
                    jenis: "rinci",
                    sel: angka.iter().map(Angka::realisasi).collect(),
                    semua: semua.realisasi(),
                    sifat,
                });
            };
        for &c in anak {
            add(
                self.data.wilayah.node(c).nama.clone(),
                Some(self.path(Halaman::Wilayah(c))),
                &self.report.wilayah[c.indeks()],
                self.tanda_sifat(Some(c), |x, _| x.tahap == t),
            );
        }
        if let Some(d) = langsung {
            add(self.kata.teks("tidak_dirinci").to_string(), None, d, None);
        }
        if baris.is_empty() {
            return None;
        }
        baris.push(BarisRingkas {
            label: self.kata.teks("jumlah").to_string(),
            href: None,
            jenis: "total",
            sel: total.iter().map(Angka::realisasi).collect(),
            semua: {
                let mut semua = Angka::default();
                total.iter().for_each(|a| semua.merge(a));
                semua.realisasi()
            },
            sifat: None,
        });
        Some(TabelRingkas {
            id: format!("anak-tahap-{}", self.tahap_slug[t.indeks()]),
            tingkat: self.judul_anak_tunggal(anak).to_lowercase(),
            tingkat_judul: self.judul_anak_tunggal(anak),
            program: programs.iter().map(|&p| self.tautan_program(p)).collect(),
            baris,
            ada_semua: programs.len() > 1,
        })
    }

    /// The heading of a list of child regions, by their level (`Kecamatan`).
    pub(super) fn judul_anak(&self, anak: &[WilayahId]) -> String {
        self.nama_tingkat(anak, "jamak")
    }

    /// A child region's level as a column head (`Kecamatan`).
    pub(super) fn judul_anak_tunggal(&self, anak: &[WilayahId]) -> String {
        self.nama_tingkat(anak, "satu")
    }

    /// The level of the first of `anak` in the theme's words: `tingkat_<level>_<bentuk>`.
    fn nama_tingkat(&self, anak: &[WilayahId], bentuk: &str) -> String {
        let Some(&first) = anak.first() else {
            return String::new();
        };
        let tingkat = match self.data.wilayah.node(first).tingkat {
            Tingkat::Provinsi => "provinsi",
            Tingkat::KabupatenKota => "kabupaten_kota",
            Tingkat::Kecamatan => "kecamatan",
            Tingkat::DesaKelurahan => "desa_kelurahan",
        };
        self.kata.teks_milik(&format!("tingkat_{tingkat}_{bentuk}"))
    }
}

/// A value that locates data but is not shown (an id: ids move when the tree changes), so not
/// part of a fingerprint.
#[derive(Debug, Clone, Copy)]
pub struct TanpaSidik<T>(pub T);

impl<T> std::hash::Hash for TanpaSidik<T> {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

/// A region as a page shows it: its code and name (its id locates it).
#[derive(Debug, Clone, Copy, Hash)]
pub struct Ringkas<'s> {
    /// The region.
    pub id: TanpaSidik<crate::data::WilayahId>,
    /// Its code (which gives its level).
    pub kode: &'s crate::data::value::KodeWilayah,
    /// Its name.
    pub nama: &'s str,
}
