//! What a resident asks of a desa/kelurahan page, answered at its top: per programme the
//! region has, how many households (KPM) receive it, how much each receives, when and where
//! the next payment is, and a link to the programme's page; and, for the failure reasons a
//! resident can act on that its tables show, what to do next. Also the issuing line of its
//! printed notice (`penerbit` of `site.toml` and the data date).
//!
//! "Next" is measured against the site's data date (`data_as_of`, else the data's latest
//! day), never the wall clock, so two builds of the same input stay byte-identical. Everything
//! here is read from the region's figures, its schedule slots and its failure tables, which the
//! page's fingerprint already holds ([`super::wilayah::MasukanWilayah`]).

use serde::Serialize;

use super::bagian::BagianTahap;
use super::{Halaman, Situs};
use crate::data::alasan::KodeAlasan;
use crate::data::{ProgramId, TahapId, WilayahId};
use crate::format::{rupiah, tanggal, tanggal_pendek};

/// The resident's answer at the top of a desa/kelurahan page.
#[derive(Debug, Clone, Serialize)]
pub struct BagianBantuan {
    /// Its heading (`Bantuan di Kelurahan Karangketug`).
    pub judul: String,
    /// Its programmes, in programme order.
    pub program: Vec<BantuanProgram>,
    /// What to do about the failure reasons its tables show, for those a resident can act on.
    pub saran: Vec<SaranGagal>,
}

/// One programme of a desa/kelurahan, as its page answers a resident.
#[derive(Debug, Clone, Serialize)]
pub struct BantuanProgram {
    /// Anchor (`bantuan-bst`).
    pub id: String,
    /// Programme code (`BST`).
    pub kode: String,
    /// Programme name.
    pub nama: String,
    /// The programme's page.
    pub href: String,
    /// The link's words (`Tentang program BST`).
    pub tautan: String,
    /// KPM allocated here in the programme's latest tahap with figures.
    pub kpm: u64,
    /// That, in a sentence with the tahap (`589 KPM menerima bantuan ini (Juli 2021).`).
    pub kpm_teks: String,
    /// Rupiah per KPM per period, when the programme says.
    pub nilai_per_kpm: Option<u64>,
    /// What each KPM receives (`Rp 300.000 per KPM, setiap bulan`), or that the programme
    /// does not say.
    pub nilai: String,
    /// The next payment (on or after the data date) in a sentence, or that none is scheduled.
    pub berikutnya: String,
    /// Whether a payment is scheduled on or after the data date.
    pub ada_berikutnya: bool,
    /// The schedule section of the next payment (`#jadwal-bst-2021-07`), when there is one.
    pub jadwal_href: Option<String>,
}

/// What a resident can do about a failure reason that the page's tables show.
#[derive(Debug, Clone, Serialize)]
pub struct SaranGagal {
    /// The reason's code (`tidak_hadir`).
    pub kode: &'static str,
    /// The reason's label (`Tidak hadir`).
    pub alasan: String,
    /// What to do next.
    pub saran: String,
}

impl Situs<'_> {
    /// What each KPM of programme `p` receives, in words (`Rp 300.000 per KPM, setiap
    /// bulan`), when `program.csv` gives its `nilai_per_kpm`.
    pub(super) fn nilai_program(&self, p: ProgramId) -> Option<String> {
        let prog = &self.data.program[p.indeks()];
        let nilai = rupiah(i64::try_from(prog.nilai_per_kpm?).ok()?, self.lang());
        let periode = self
            .kata
            .teks_milik(&format!("periode_{}", prog.periode.kode()));
        Some(
            self.kata
                .isi("bantuan_nilai", &[("nilai", &nilai), ("periode", &periode)]),
        )
    }

    /// The resident's answer on desa/kelurahan `w`'s page (named `nama`), whose figures are
    /// `rekap` and whose tahap sections are `tahap`; `None` when it has no programme.
    pub(super) fn bagian_bantuan(
        &self,
        w: WilayahId,
        nama: &str,
        rekap: &crate::analysis::Rekap,
        tahap: &[BagianTahap],
    ) -> Option<BagianBantuan> {
        let program = self.bantuan_wilayah(w, rekap);
        if program.is_empty() {
            return None;
        }
        Some(BagianBantuan {
            judul: self.kata.isi("bantuan_judul", &[("nama", nama)]),
            program,
            saran: self.saran_gagal(tahap, self.jadwal_wilayah.contains_key(&w)),
        })
    }

    /// Desa/kelurahan `w`'s programmes, in programme order: each with its KPM in its latest
    /// tahap with allocations here, its amount per KPM and its next payment.
    pub(super) fn bantuan_wilayah(
        &self,
        w: WilayahId,
        rekap: &crate::analysis::Rekap,
    ) -> Vec<BantuanProgram> {
        let lang = self.lang();
        // per programme: its latest tahap with allocations here, and the KPM in it
        let mut per_program: Vec<(ProgramId, TahapId, u64)> = Vec::new();
        for (k, a) in rekap.sel.iter().filter(|(_, a)| a.alokasi_kpm > 0) {
            let mulai = |t: TahapId| (self.data.tahap[t.indeks()].mulai, t);
            match per_program.iter_mut().find(|e| e.0 == k.program) {
                Some(e) if e.1 == k.tahap => e.2 = e.2.saturating_add(a.alokasi_kpm),
                Some(e) if mulai(k.tahap) > mulai(e.1) => *e = (k.program, k.tahap, a.alokasi_kpm),
                Some(_) => {}
                None => per_program.push((k.program, k.tahap, a.alokasi_kpm)),
            }
        }
        per_program.sort_by_key(|e| e.0);
        let slots = self.jadwal_wilayah.get(&w).map_or(&[][..], Vec::as_slice);
        per_program
            .into_iter()
            .map(|(p, t, kpm)| {
                let prog = &self.data.program[p.indeks()];
                // the first slot of the programme on or after the data date, any tahap
                let berikutnya = slots
                    .iter()
                    .map(|&i| &self.data.jadwal[i])
                    .filter(|j| j.program == p)
                    .filter(|j| self.report.data_per.is_none_or(|d| j.tanggal >= d))
                    .min_by_key(|j| (j.tanggal, j.mulai));
                let (kalimat, jadwal_href) = match berikutnya {
                    Some(j) => {
                        let rw = if j.rw.is_empty() {
                            String::new()
                        } else {
                            self.kata.isi("bantuan_berikutnya_rw", &[("rw", &j.rw)])
                        };
                        let kalimat = self.kata.isi(
                            "bantuan_berikutnya",
                            &[
                                ("tanggal", &tanggal(j.tanggal, lang)),
                                ("jam", &self.jam_slot(j)),
                                ("rw", &rw),
                                ("lokasi", &j.lokasi),
                            ],
                        );
                        let href = format!(
                            "#jadwal-{}-{}",
                            self.program_slug[p.indeks()],
                            self.tahap_slug[j.tahap.indeks()]
                        );
                        (kalimat, Some(href))
                    }
                    None => (self.kata.teks("bantuan_tanpa_jadwal").to_string(), None),
                };
                BantuanProgram {
                    id: format!("bantuan-{}", self.program_slug[p.indeks()]),
                    kode: prog.kode.clone(),
                    nama: prog.nama.clone(),
                    href: self.path(Halaman::Program(p)),
                    tautan: self
                        .kata
                        .isi("bantuan_tentang_program", &[("kode", &prog.kode)]),
                    kpm,
                    kpm_teks: self.kata.isi(
                        "bantuan_kpm",
                        &[
                            ("kpm", &crate::format::ribuan(kpm as i64, lang)),
                            ("tahap", &self.data.tahap[t.indeks()].nama),
                        ],
                    ),
                    nilai_per_kpm: prog.nilai_per_kpm,
                    nilai: self
                        .nilai_program(p)
                        .unwrap_or_else(|| self.kata.teks("bantuan_nilai_tidak_ada").to_string()),
                    ada_berikutnya: jadwal_href.is_some(),
                    berikutnya: kalimat,
                    jadwal_href,
                }
            })
            .collect()
    }

    /// The failure reasons a resident can act on that the page's failure tables show, each
    /// once, in the documented order, with what to do next. Only a reason the tables already
    /// show as a row gets its advice, so the advice says nothing the tables (with their
    /// small-count protection) do not. `ada_jadwal`: whether the page shows a schedule (the
    /// advice on not knowing it points there, or else to whom to ask).
    pub(super) fn saran_gagal(&self, tahap: &[BagianTahap], ada_jadwal: bool) -> Vec<SaranGagal> {
        KodeAlasan::SEMUA
            .into_iter()
            .filter(|kode| {
                tahap
                    .iter()
                    .filter_map(|b| b.gagal.as_ref())
                    .any(|m| m.baris.iter().any(|r| r.kode == kode.kode()))
            })
            .filter_map(|kode| {
                let kunci = match kode.kunci_saran()? {
                    "saran_alasan_tidak_tahu_jadwal" if !ada_jadwal => {
                        "saran_alasan_tidak_tahu_jadwal_tanpa"
                    }
                    k => k,
                };
                Some(SaranGagal {
                    kode: kode.kode(),
                    alasan: self.kata.alasan(kode).to_string(),
                    saran: self.kata.teks(kunci).to_string(),
                })
            })
            .collect()
    }

    /// The issuing line of the printed notice: `penerbit` of `site.toml` (else the site's
    /// title) and the data date (`Diterbitkan oleh Dinas Sosial Kota Pasuruan, 30 November
    /// 2025.`), never the day of the build.
    pub(super) fn pengumuman_terbit(&self) -> String {
        let penerbit = self
            .config
            .penerbit
            .as_deref()
            .unwrap_or(&self.config.title);
        match self.report.data_per {
            Some(d) => self.kata.isi(
                "pengumuman_terbit",
                &[
                    ("penerbit", penerbit),
                    ("tanggal", &tanggal_pendek(d, self.lang())),
                ],
            ),
            None => self
                .kata
                .isi("pengumuman_penerbit", &[("penerbit", penerbit)]),
        }
    }
}
