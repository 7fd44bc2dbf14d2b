//! What each chart shows: its series, its labels and the sentences a screen reader says. The
//! render stage draws them ([`crate::render::grafik`]); nothing here knows about SVG.

use jiff::civil::Date;
use serde::Serialize;

use super::{Baris, Situs};
use crate::analysis::Angka;
use crate::data::{ProgramId, TahapId, WilayahId};
use crate::format::{persen, ribuan, tanggal_pendek, tanggal_singkat};

/// One chart of a page.
#[derive(Debug, Clone, Serialize)]
pub struct Grafik {
    /// Anchor, unique on the page (`tahap-2021-t4-waktu`).
    pub id: String,
    /// The chart's title (the SVG `<title>` and the figure caption).
    pub judul: String,
    /// What the chart says, with its numbers (the SVG `<desc>`).
    pub deskripsi: String,
    /// What to draw.
    #[serde(skip)]
    pub isi: IsiGrafik,
    /// The drawing, filled in by the render stage.
    pub svg: String,
}

/// The kinds of chart.
#[derive(Debug, Clone)]
pub enum IsiGrafik {
    /// Cumulative realisation per day, as a share of the allocation, one line per programme.
    Waktu(GrafikWaktu),
    /// One bar per row: a value against a full extent (paid against allocated, or a rate
    /// against 100%).
    Batang(GrafikBatang),
    /// A grid of payment points × days, each cell coloured by the day's load against the
    /// point's capacity.
    Beban(GrafikBeban),
}

/// Payment points × days, coloured by load against capacity.
#[derive(Debug, Clone)]
pub struct GrafikBeban {
    /// The days, one column each, consecutive.
    pub hari: Vec<Date>,
    /// One row per payment point, top to bottom.
    pub baris: Vec<BarisBeban>,
    /// The legend's label of a day with nothing scheduled, in the theme's words.
    pub kosong: String,
}

/// One payment point's row.
#[derive(Debug, Clone)]
pub struct BarisBeban {
    /// The point's name.
    pub label: String,
    /// Per day: KPM scheduled ÷ capacity, or `None` when nothing is scheduled.
    pub beban: Vec<Option<f64>>,
}

/// The colour classes of a day's load, lightest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum KelasBeban {
    /// Nothing scheduled.
    Kosong,
    /// Up to half the capacity.
    Ringan,
    /// Up to 80%.
    Sedang,
    /// Up to the capacity.
    Penuh,
    /// Over the capacity.
    Melebihi,
}

impl KelasBeban {
    /// The class of a load (KPM ÷ capacity).
    pub fn dari(beban: Option<f64>) -> KelasBeban {
        match beban {
            None => KelasBeban::Kosong,
            Some(b) if b <= 0.5 => KelasBeban::Ringan,
            Some(b) if b <= 0.8 => KelasBeban::Sedang,
            Some(b) if b <= 1.0 => KelasBeban::Penuh,
            Some(_) => KelasBeban::Melebihi,
        }
    }

    /// Every class, lightest first.
    pub const SEMUA: [KelasBeban; 5] = [
        KelasBeban::Kosong,
        KelasBeban::Ringan,
        KelasBeban::Sedang,
        KelasBeban::Penuh,
        KelasBeban::Melebihi,
    ];

    /// The CSS class (`b0` … `b4`).
    pub fn css(self) -> &'static str {
        match self {
            KelasBeban::Kosong => "b0",
            KelasBeban::Ringan => "b1",
            KelasBeban::Sedang => "b2",
            KelasBeban::Penuh => "b3",
            KelasBeban::Melebihi => "b4",
        }
    }

    /// The legend's label: a share of the capacity, or `kosong` (the theme's words for a day
    /// with nothing scheduled, [`GrafikBeban::kosong`]).
    pub fn label(self, kosong: &str) -> &str {
        match self {
            KelasBeban::Kosong => kosong,
            KelasBeban::Ringan => "≤ 50%",
            KelasBeban::Sedang => "≤ 80%",
            KelasBeban::Penuh => "≤ 100%",
            KelasBeban::Melebihi => "> 100%",
        }
    }
}

/// Realisation over time.
#[derive(Debug, Clone)]
pub struct GrafikWaktu {
    /// The first day on the x axis.
    pub mulai: Date,
    /// The last day on the x axis.
    pub sampai: Date,
    /// The target date, marked with a vertical line.
    pub target: Option<Date>,
    /// The label of the target line (`Target 15 Jan`).
    pub label_target: String,
    /// The label of the 100% line (`Alokasi`).
    pub label_alokasi: String,
    /// One line per programme.
    pub seri: Vec<SeriWaktu>,
}

/// One programme's line.
#[derive(Debug, Clone)]
pub struct SeriWaktu {
    /// The label at the end of the line (`PKH 62,3%`).
    pub label: String,
    /// KPM allocated (the 100% line).
    pub alokasi: u64,
    /// Cumulative paid KPM, one value per day from [`GrafikWaktu::mulai`] up to the day of the
    /// data.
    pub kumulatif: Vec<u64>,
}

/// Horizontal bars, one per row, each with its label above it.
#[derive(Debug, Clone)]
pub struct GrafikBatang {
    /// What the axis counts.
    pub satuan: Satuan,
    /// The rows, top to bottom.
    pub baris: Vec<Batang>,
    /// A legend for the outlined and the filled bar (`Alokasi`, `Tersalur`), if they need one.
    pub legenda: Option<(String, String)>,
}

/// The unit of a bar chart's axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Satuan {
    /// Households, written with thousands grouped.
    Kpm,
    /// A share, written as a percentage (1.0 = 100%).
    Persen,
}

/// One bar.
#[derive(Debug, Clone)]
pub struct Batang {
    /// Left, above the bar (`PKH · BRI`, `Anggana`).
    pub label: String,
    /// Right, above the bar (`1.472 dari 2.000 KPM`, `55,0%`).
    pub nilai_label: String,
    /// The outlined extent (the allocation, or 1.0 for a rate).
    pub penuh: f64,
    /// The filled extent (paid, or the rate).
    pub isi: f64,
}

/// At most this many lines on a realisation-over-time chart (the palette has five colours
/// and five dash patterns); the programmes with the largest allocations are drawn.
pub const MAKS_SERI: usize = 5;
/// Beyond this many programme × penyalur rows, the allocated-vs-paid chart shows programmes.
pub const MAKS_BATANG: usize = 12;
/// Beyond this many child regions, the ranking shows the lowest [`MAKS_PERINGKAT`].
pub const MAKS_ANAK: usize = 20;
/// How many of the lowest child regions a long ranking shows.
pub const MAKS_PERINGKAT: usize = 15;

impl Situs<'_> {
    /// The region a section is about, as a reader says it (`Kecamatan Anggana`).
    pub(super) fn nama_cakupan(&self, w: Option<WilayahId>) -> String {
        match w {
            Some(w) => self.kata.nama_wilayah(self.data.wilayah.node(w)),
            None => self.kata.teks("grafik_seluruh_wilayah").to_string(),
        }
    }

    /// Cumulative paid KPM per day as a share of the allocation, one line per programme, for
    /// region `w` (the whole site with `None`) in tahap `t`.
    pub(super) fn grafik_waktu(
        &self,
        id: &str,
        w: Option<WilayahId>,
        angka: &[(ProgramId, Angka)],
        t: TahapId,
    ) -> Option<Grafik> {
        let lang = self.lang();
        let tahap = &self.data.tahap[t.indeks()];
        let data_per = self.report.tahap_data_per[t.indeks()]?;
        let mut dipilih: Vec<&(ProgramId, Angka)> =
            angka.iter().filter(|(_, a)| a.alokasi_kpm > 0).collect();
        if dipilih.is_empty() {
            return None;
        }
        let semua = dipilih.len();
        if semua > MAKS_SERI {
            dipilih.sort_by(|a, b| b.1.alokasi_kpm.cmp(&a.1.alokasi_kpm).then(a.0.cmp(&b.0)));
            dipilih.truncate(MAKS_SERI);
            dipilih.sort_by_key(|(p, _)| *p);
        }
        let programs: Vec<ProgramId> = dipilih.iter().map(|(p, _)| *p).collect();
        let mut mulai = tahap.mulai.min(data_per);
        let sampai = tahap
            .selesai
            .max(data_per)
            .max(tahap.target.unwrap_or(mulai));
        let mut kumulatif = self
            .report
            .harian
            .kumulatif(w, t, &programs, mulai, data_per);
        // the first day anything was paid; when that is late in the tahap, the axis starts
        // three days before it rather than spend most of its width on nothing
        let hari_pertama = (0..kumulatif.first().map_or(0, Vec::len))
            .find(|&d| kumulatif.iter().any(|s| s[d] > 0));
        let pertama =
            hari_pertama.and_then(|d| mulai.checked_add(jiff::Span::new().days(d as i64)).ok());
        let panjang = crate::analysis::harian::nomor_hari(sampai)
            - crate::analysis::harian::nomor_hari(mulai);
        if let Some(d) = hari_pertama
            && d as i32 > panjang / 4
        {
            let potong = d.saturating_sub(3);
            for s in &mut kumulatif {
                s.drain(..potong);
            }
            mulai = mulai
                .checked_add(jiff::Span::new().days(potong as i64))
                .unwrap_or(mulai);
        }
        let nama = self.nama_cakupan(w);
        let mut seri = Vec::new();
        let mut kalimat = Vec::new();
        for ((p, a), kumulatif) in dipilih.iter().zip(kumulatif) {
            let kode = &self.data.program[p.indeks()].kode;
            let rate = a.realisasi().unwrap_or(0.0);
            seri.push(SeriWaktu {
                label: format!("{kode} {}", persen(rate, lang)),
                alokasi: a.alokasi_kpm,
                kumulatif,
            });
            // when nothing is left to pay, the gap to 100% is the failed payments
            let selesai = a.sisa_kpm() <= 0 && a.gagal_kpm > 0;
            let gagal = ribuan(a.gagal_kpm as i64, lang);
            let (rate, alokasi) = (persen(rate, lang), ribuan(a.alokasi_kpm as i64, lang));
            kalimat.push(self.kata.isi(
                if selesai {
                    "grafik_waktu_program_selesai"
                } else {
                    "grafik_waktu_program"
                },
                &[
                    ("kode", kode),
                    ("persen", &rate),
                    ("alokasi", &alokasi),
                    ("gagal", &gagal),
                ],
            ));
        }
        let per = tanggal_pendek(data_per, lang);
        let mut deskripsi = self.kata.isi(
            "grafik_waktu_deskripsi",
            &[
                ("nama", &nama),
                ("tanggal", &per),
                ("program", &kalimat.join("; ")),
            ],
        );
        if let Some(d) = pertama {
            deskripsi.push(' ');
            deskripsi.push_str(&self.kata.isi(
                "grafik_waktu_pertama",
                &[("tanggal", &tanggal_pendek(d, lang))],
            ));
        }
        if let Some(target) = tahap.target {
            deskripsi.push(' ');
            deskripsi.push_str(&self.kata.isi(
                "grafik_waktu_target",
                &[("tanggal", &tanggal_pendek(target, lang))],
            ));
        }
        if semua > programs.len() {
            deskripsi.push(' ');
            deskripsi.push_str(&self.kata.isi(
                "grafik_waktu_dipilih",
                &[
                    ("n", &programs.len().to_string()),
                    ("semua", &semua.to_string()),
                ],
            ));
        }
        let judul = self.kata.isi(
            "grafik_waktu_judul",
            &[("tahap", &tahap.nama), ("nama", &nama)],
        );
        Some(Grafik {
            id: format!("{id}-waktu"),
            judul,
            deskripsi,
            isi: IsiGrafik::Waktu(GrafikWaktu {
                mulai,
                sampai,
                target: tahap.target,
                label_target: tahap
                    .target
                    .map(|d| {
                        self.kata.isi(
                            "grafik_waktu_label_target",
                            &[("tanggal", &tanggal_singkat(d, lang))],
                        )
                    })
                    .unwrap_or_default(),
                label_alokasi: self.kata.teks("grafik_waktu_label_alokasi").to_string(),
                seri,
            }),
            svg: String::new(),
        })
    }

    /// Allocated against paid KPM per row of the programme table (programme × penyalur, or
    /// per programme when there are many rows).
    pub(super) fn grafik_program(
        &self,
        id: &str,
        w: Option<WilayahId>,
        t: TahapId,
        rows: &[Baris],
    ) -> Option<Grafik> {
        let lang = self.lang();
        let rinci: Vec<&Baris> = rows.iter().filter(|b| b.jenis == "rinci").collect();
        let dipakai: Vec<&Baris> = if rinci.len() > MAKS_BATANG {
            // per programme: its subtotal row, or its only row
            let mut out: Vec<&Baris> = Vec::new();
            for (i, b) in rows.iter().enumerate() {
                let last_of_programme = rows.get(i + 1).is_none_or(|n| n.label != b.label);
                if last_of_programme {
                    out.push(b);
                }
            }
            out
        } else {
            rinci
        };
        if dipakai.is_empty()
            || dipakai
                .iter()
                .all(|b| b.alokasi_kpm == 0 && b.tersalur_kpm == 0)
        {
            return None;
        }
        let nama = self.nama_cakupan(w);
        let tahap = &self.data.tahap[t.indeks()].nama;
        let mut baris = Vec::new();
        let mut kalimat = Vec::new();
        for b in &dipakai {
            // "PKH · BRI" on the bar; "PKH melalui BRI" for a screen reader
            let (label, sebutan) = if b.jenis == "rinci" && !b.sublabel.is_empty() {
                (
                    format!("{} · {}", b.label, b.sublabel),
                    self.kata.isi(
                        "grafik_program_melalui",
                        &[("program", &b.label), ("penyalur", &b.sublabel)],
                    ),
                )
            } else {
                (b.label.clone(), b.label.clone())
            };
            let (salur, alok) = (
                ribuan(b.tersalur_kpm as i64, lang),
                ribuan(b.alokasi_kpm as i64, lang),
            );
            let rate = b.realisasi.map(|r| persen(r, lang));
            baris.push(Batang {
                nilai_label: match &rate {
                    Some(r) => format!("{r} · {salur}/{alok}"),
                    None => format!("{salur}/{alok}"),
                },
                label: label.clone(),
                penuh: b.alokasi_kpm as f64,
                isi: b.tersalur_kpm as f64,
            });
            let rate = rate.map(|r| format!(" ({r})")).unwrap_or_default();
            kalimat.push(self.kata.isi(
                "grafik_program_baris",
                &[
                    ("sebutan", &sebutan),
                    ("tersalur", &salur),
                    ("alokasi", &alok),
                    ("persen", &rate),
                ],
            ));
        }
        let judul = self
            .kata
            .isi("grafik_program_judul", &[("tahap", tahap), ("nama", &nama)]);
        let deskripsi = self.kata.isi(
            "grafik_program_deskripsi",
            &[
                ("tahap", tahap),
                ("nama", &nama),
                ("baris", &kalimat.join("; ")),
            ],
        );
        Some(Grafik {
            id: format!("{id}-batang"),
            judul,
            deskripsi,
            isi: IsiGrafik::Batang(GrafikBatang {
                satuan: Satuan::Kpm,
                baris,
                legenda: Some((
                    self.kata.teks("grafik_legenda_alokasi").to_string(),
                    self.kata.teks("grafik_legenda_tersalur").to_string(),
                )),
            }),
            svg: String::new(),
        })
    }

    /// The realisation rate of each child region over the programmes shown, lowest first.
    pub(super) fn grafik_anak(
        &self,
        id: &str,
        w: Option<WilayahId>,
        t: TahapId,
        anak: &[WilayahId],
        programs: &[ProgramId],
        tingkat: &str,
    ) -> Option<Grafik> {
        let lang = self.lang();
        let mut nilai: Vec<(f64, &str)> = Vec::new();
        for &c in anak {
            let mut a = Angka::default();
            for &p in programs {
                a.merge(&self.report.wilayah[c.indeks()].angka(p, t));
            }
            if let Some(r) = a.realisasi() {
                nilai.push((r, self.data.wilayah.node(c).nama.as_str()));
            }
        }
        if nilai.len() < 2 {
            return None;
        }
        nilai.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        let semua = nilai.len();
        if semua > MAKS_ANAK {
            nilai.truncate(MAKS_PERINGKAT);
        }
        let nama = self.nama_cakupan(w);
        let tahap = &self.data.tahap[t.indeks()].nama;
        let daftar: Vec<String> = nilai
            .iter()
            .map(|(r, n)| format!("{n} {}", persen(*r, lang)))
            .collect();
        let kode: Vec<&str> = programs
            .iter()
            .map(|&p| self.data.program[p.indeks()].kode.as_str())
            .collect();
        // "PKH", "gabungan PKH dan SEMBAKO", "gabungan BST, BLT dan APBD-TUNAI"
        let program_kode = match kode.split_last() {
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => self.kata.isi(
                "grafik_anak_gabungan",
                &[("program", &rest.join(", ")), ("terakhir", last)],
            ),
            None => String::new(),
        };
        let cakupan_program = if kode.len() > 1 {
            self.kata.teks("grafik_anak_semua_program")
        } else {
            ""
        };
        let isian = [
            ("cakupan", cakupan_program),
            ("program", &program_kode),
            ("tingkat", tingkat),
            ("tahap", tahap),
            ("nama", &nama),
            ("n", &nilai.len().to_string()),
            ("semua", &semua.to_string()),
            ("daftar", &daftar.join("; ")),
        ];
        let (judul, deskripsi) = if semua > nilai.len() {
            (
                self.kata.isi("grafik_anak_judul_terendah", &isian),
                self.kata.isi("grafik_anak_deskripsi_terendah", &isian),
            )
        } else {
            (
                self.kata.isi("grafik_anak_judul", &isian),
                self.kata.isi("grafik_anak_deskripsi", &isian),
            )
        };
        Some(Grafik {
            id: format!("{id}-anak"),
            judul,
            deskripsi,
            isi: IsiGrafik::Batang(GrafikBatang {
                satuan: Satuan::Persen,
                baris: nilai
                    .iter()
                    .map(|(r, n)| Batang {
                        label: (*n).to_string(),
                        nilai_label: persen(*r, lang),
                        penuh: 1.0,
                        isi: *r,
                    })
                    .collect(),
                legenda: None,
            }),
            svg: String::new(),
        })
    }
}
