//! "Kualitas data" (`kualitas-data.html`): every non-fatal finding of every check
//! ([`crate::analysis::kualitas`]), counted per kind and per kabupaten/kota, then listed; and
//! the same findings as JSON for `salur check --format json`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Halaman, Situs, Tautan, Umum};
use super::{JenisHalaman, Konteks, jalur::Asal};
use crate::analysis::kualitas::{self, JenisTemuan, TemuanMutu};
use crate::analysis::privasi::Tampil;
use crate::data::WilayahId;

/// At most this many findings of one kind are listed on the page (all are counted, and all
/// are in `check --format json`).
pub const MAKS_BARIS: usize = 300;

/// One kind's count.
#[derive(Debug, Clone, Serialize)]
pub struct JumlahJenis {
    /// Its code (`melebihi_alokasi`); the theme's `kualitas_<code>` string names it.
    pub kode: &'static str,
    /// Findings.
    pub jumlah: usize,
    /// Kabupaten/kota (or regions above them) concerned.
    pub wilayah: usize,
}

/// One kabupaten/kota's counts, one per kind of [`KonteksKualitas::ringkasan`].
#[derive(Debug, Clone, Serialize)]
pub struct BarisKota {
    /// The region, or the whole site for findings about no region.
    pub wilayah: Option<Tautan>,
    /// Per kind, in the order of the summary.
    pub jumlah: Vec<usize>,
    /// All kinds.
    pub total: usize,
}

/// One finding, ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct BarisTemuan {
    /// The region it concerns.
    pub wilayah: Option<Tautan>,
    /// Programme code, tahap name, penyalur, for findings about figures.
    pub program: Option<String>,
    /// Tahap name.
    pub tahap: Option<String>,
    /// Penyalur.
    pub penyalur: Option<String>,
    /// The figure found.
    pub kpm: Option<u64>,
    /// The figure it is set against.
    pub pembanding: Option<u64>,
    /// The last day paid, for a payment after the target. (A failure reason as written is
    /// the operator's text and may name a person: it is only in `salur check`'s output.)
    pub teks: Option<String>,
    /// `data/jadwal.csv:12:4`, for findings from a file's row.
    pub lokasi: Option<String>,
    /// The warning's message, for findings from a check's warning.
    pub pesan: Option<String>,
}

/// One kind's findings.
#[derive(Debug, Clone, Serialize)]
pub struct BagianKualitas {
    /// The kind's code, also the section's anchor.
    pub kode: &'static str,
    /// Its findings, at most [`MAKS_BARIS`].
    pub baris: Vec<BarisTemuan>,
    /// How many more there are.
    pub lebih: usize,
}

/// The context of the data-quality page.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksKualitas {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// Every kind, with its count (kinds without findings too: "0" is news as well).
    pub ringkasan: Vec<JumlahJenis>,
    /// Per kabupaten/kota with findings, most first; the whole site's own last.
    pub per_kota: Vec<BarisKota>,
    /// The kinds with findings, each listed.
    pub bagian: Vec<BagianKualitas>,
    /// All findings.
    pub jumlah: usize,
}

/// One finding as `salur check --format json` gives it.
#[derive(Debug, Clone, Serialize)]
pub struct TemuanJson {
    /// The kind's code.
    pub jenis: &'static str,
    /// The file, when the finding comes from a row of one.
    pub file: Option<String>,
    /// Its line (1-based), when known.
    pub line: Option<u64>,
    /// Its column (1-based), when known.
    pub column: Option<u64>,
    /// The region's code.
    pub kode_wilayah: Option<String>,
    /// The region's name.
    pub wilayah: Option<String>,
    /// Programme code.
    pub program: Option<String>,
    /// Tahap code.
    pub tahap: Option<String>,
    /// Penyalur.
    pub penyalur: Option<String>,
    /// The figure found.
    pub kpm: Option<u64>,
    /// The figure it is set against.
    pub pembanding: Option<u64>,
    /// The finding in one sentence, in the site's language.
    pub pesan: String,
}

impl Situs<'_> {
    /// The title of the data-quality page.
    pub(super) fn judul_kualitas(&self) -> String {
        self.kata.teks("kualitas").to_string()
    }

    fn kota_temuan(&self, t: &TemuanMutu) -> Option<WilayahId> {
        kualitas::kabupaten_kota(self.data, t)
    }

    fn baris_temuan(&self, t: &TemuanMutu) -> BarisTemuan {
        let lang = self.lang();
        let k = t.kunci;
        BarisTemuan {
            wilayah: t.wilayah.map(|w| self.tautan_wilayah(w)),
            program: k.map(|k| self.data.program[k.program.indeks()].kode.clone()),
            tahap: k.map(|k| self.data.tahap[k.tahap.indeks()].nama.clone()),
            penyalur: k.map(|k| self.data.penyalur[k.penyalur.indeks()].clone()),
            kpm: (t.diagnostic.is_none() && t.jenis != JenisTemuan::AlasanTakDikenal)
                .then_some(t.kpm),
            pembanding: t.pembanding,
            teks: (t.jenis != JenisTemuan::AlasanTakDikenal)
                .then(|| t.teks.clone())
                .flatten(),
            lokasi: t.diagnostic.as_deref().map(lokasi),
            pesan: t.diagnostic.as_ref().map(|d| d.problem.describe(lang)),
        }
    }

    /// Whether finding `t` may be on the page. A failure reason matching no code tells that
    /// a failure happened where the failure tables may hide it (a "< 3"): it is shown only
    /// where the kabupaten/kota's `lainnya` count is itself published or known to be at least
    /// `[privacy] min_kpm` ("×"). `salur check` lists them all, with the texts.
    fn di_halaman(&self, t: &TemuanMutu) -> bool {
        if t.jenis != JenisTemuan::AlasanTakDikenal {
            return true;
        }
        let (Some(w), Some(kunci)) = (t.wilayah, t.kunci) else {
            return false;
        };
        let lainnya = crate::analysis::gagal::KOLOM - 1;
        self.report
            .gagal
            .iter()
            .filter(|g| g.kunci == kunci)
            .filter_map(|g| g.sel(Some(w)))
            .any(|sel| {
                matches!(
                    sel.tampil.map(|t| t[lainnya]),
                    Some(Tampil::Angka(1..) | Tampil::Tersembunyi)
                )
            })
    }

    /// The findings of the page: those [`Situs::di_halaman`] allows, a failure reason once per
    /// region × programme × tahap × penyalur (the texts that tell them apart are not shown).
    fn temuan_halaman(&self) -> Vec<&TemuanMutu> {
        let mut out: Vec<&TemuanMutu> = Vec::with_capacity(self.report.kualitas.len());
        for t in self.report.kualitas.iter().filter(|t| self.di_halaman(t)) {
            let sama = out.last().is_some_and(|p| {
                p.jenis == JenisTemuan::AlasanTakDikenal
                    && t.jenis == JenisTemuan::AlasanTakDikenal
                    && (p.wilayah, p.kunci) == (t.wilayah, t.kunci)
            });
            if !sama {
                out.push(t);
            }
        }
        out
    }

    pub(super) fn konteks_kualitas(&self) -> KonteksKualitas {
        let temuan = self.temuan_halaman();
        let mut ringkasan = Vec::new();
        let mut per_kota: BTreeMap<Option<WilayahId>, Vec<usize>> = BTreeMap::new();
        let n = JenisTemuan::SEMUA.len();
        let mut bagian = Vec::new();
        for (i, jenis) in JenisTemuan::SEMUA.into_iter().enumerate() {
            let mine: Vec<&TemuanMutu> = temuan
                .iter()
                .copied()
                .filter(|t| t.jenis == jenis)
                .collect();
            let mut kota: Vec<Option<WilayahId>> =
                mine.iter().map(|t| self.kota_temuan(t)).collect();
            for k in &kota {
                per_kota.entry(*k).or_insert_with(|| vec![0; n])[i] += 1;
            }
            kota.sort_unstable();
            kota.dedup();
            ringkasan.push(JumlahJenis {
                kode: jenis.kode(),
                jumlah: mine.len(),
                wilayah: kota.iter().filter(|k| k.is_some()).count(),
            });
            if !mine.is_empty() {
                bagian.push(BagianKualitas {
                    kode: jenis.kode(),
                    baris: mine
                        .iter()
                        .take(MAKS_BARIS)
                        .map(|t| self.baris_temuan(t))
                        .collect(),
                    lebih: mine.len().saturating_sub(MAKS_BARIS),
                });
            }
        }
        let mut per_kota: Vec<BarisKota> = per_kota
            .into_iter()
            .map(|(w, jumlah)| BarisKota {
                wilayah: w.map(|w| self.tautan_wilayah(w)),
                total: jumlah.iter().sum(),
                jumlah,
            })
            .collect();
        // most findings first; the whole site's own (no region) last
        per_kota.sort_by_key(|b| (b.wilayah.is_none(), std::cmp::Reverse(b.total)));
        KonteksKualitas {
            umum: self.umum(
                Halaman::KualitasData,
                self.judul_kualitas(),
                vec![self.beranda()],
                "tentang",
            ),
            ringkasan,
            per_kota,
            bagian,
            jumlah: temuan.len(),
        }
    }

    /// Every finding for `salur check --format json`, in the page's order of kinds.
    pub fn temuan_json(&self) -> Vec<TemuanJson> {
        let mut out = Vec::with_capacity(self.report.kualitas.len());
        for jenis in JenisTemuan::SEMUA {
            for t in self.report.kualitas.iter().filter(|t| t.jenis == jenis) {
                let b = self.baris_temuan(t);
                let node = t.wilayah.map(|w| self.data.wilayah.node(w));
                let d = t.diagnostic.as_deref();
                out.push(TemuanJson {
                    jenis: jenis.kode(),
                    file: d.map(|d| d.file.clone()),
                    line: d.map(|d| d.line).filter(|l| *l > 0),
                    column: d.map(|d| d.column).filter(|c| *c > 0),
                    kode_wilayah: node.map(|n| n.kode_teks.clone()),
                    wilayah: node.map(|n| self.kata.nama_wilayah(n)),
                    program: b.program.clone(),
                    tahap: t
                        .kunci
                        .map(|k| self.data.tahap[k.tahap.indeks()].kode.clone()),
                    penyalur: b.penyalur.clone(),
                    kpm: b.kpm,
                    pembanding: b.pembanding,
                    pesan: self.kalimat_temuan(t, &b),
                });
            }
        }
        out
    }

    /// A finding in one sentence, for CI logs.
    fn kalimat_temuan(&self, t: &TemuanMutu, b: &BarisTemuan) -> String {
        let lang = self.lang();
        if let Some(d) = &t.diagnostic {
            return d.problem.describe(lang);
        }
        let n = |x: u64| crate::format::ribuan(x as i64, lang);
        let siapa = format!(
            "{}, {} {}, {}",
            b.wilayah.as_ref().map(|w| w.label.as_str()).unwrap_or(""),
            b.program.as_deref().unwrap_or(""),
            b.tahap.as_deref().unwrap_or(""),
            b.penyalur.as_deref().unwrap_or("")
        );
        let teks = t.teks.as_deref().unwrap_or("");
        let banding = n(t.pembanding.unwrap_or(0));
        let kunci = match t.jenis {
            JenisTemuan::MelebihiAlokasi => "temuan_melebihi_alokasi",
            JenisTemuan::TanpaAlokasi => "temuan_tanpa_alokasi",
            JenisTemuan::AlokasiTanpaRealisasi => "temuan_alokasi_tanpa_realisasi",
            JenisTemuan::AlasanTakDikenal => "temuan_alasan_tak_dikenal",
            JenisTemuan::SetelahTarget => "temuan_setelah_target",
            _ => return siapa,
        };
        self.kata.isi(
            kunci,
            &[
                ("siapa", &siapa),
                ("kpm", &n(t.kpm)),
                ("alokasi", &banding),
                ("teks", teks),
            ],
        )
    }
}

/// `file:line:column` (a worksheet's `file:Sheet1!F14`), as far as known.
fn lokasi(d: &crate::diagnostics::Diagnostic) -> String {
    d.tempat()
}

/// The data-quality page's path.
pub const PATH: &str = "kualitas-data.html";
/// The data-quality page's template.
pub const TEMPLATE: &str = "kualitas.html";

/// The data-quality page.
pub struct HalamanKualitasData;

impl JenisHalaman for HalamanKualitasData {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH.to_string()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Kualitas(Box::new(s.konteks_kualitas()))
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.kualitas_data")
    }
}
