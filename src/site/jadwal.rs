//! The payment schedule's pages: a desa/kelurahan's schedule (on its page), a payment point's
//! page, the calendars (`.ics`) of both, and the city overview of every payment point × day.

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::grafik::{BarisBeban, Grafik, GrafikBeban, IsiGrafik};
use super::{Halaman, Situs, Tautan, Umum, sidik_dari};
use super::{JenisHalaman, Konteks, jalur::Asal};
use super::{Ringkas, TanpaSidik};
use crate::data::{Jadwal, ProgramId, TahapId, Tingkat, TitikBayarId, WilayahId};
use crate::format::{persen, ribuan, tanggal_pendek, tanggal_singkat};
use crate::lang::Lang;

/// The schedule of one desa/kelurahan for one programme × tahap, by day.
#[derive(Debug, Clone, Serialize)]
pub struct JadwalProgram {
    /// Anchor (`jadwal-bst-2021-07`).
    pub id: String,
    /// Programme code.
    pub program: String,
    /// Programme name.
    pub program_nama: String,
    /// The programme's page.
    pub program_href: String,
    /// What each KPM receives (`Rp 300.000 per KPM, setiap bulan`), when the programme says.
    pub nilai: Option<String>,
    /// What to bring, when `program.csv` says it for the programme (`dokumen`); `None`: the
    /// site's sentence (`[jadwal] bawa`, else the theme's `bawa`).
    pub dokumen: Option<String>,
    /// Tahap name.
    pub tahap: String,
    /// KPM scheduled.
    pub kpm: u64,
    /// Whether its last day is before the site's data date: a past schedule, shown as such.
    pub lewat: bool,
    /// The days, in order.
    pub hari: Vec<HariJadwal>,
}

/// One day of a schedule.
#[derive(Debug, Clone, Serialize)]
pub struct HariJadwal {
    /// `YYYY-MM-DD`.
    pub tanggal: String,
    /// Whether it is before the site's data date (folded below the days to come).
    pub lewat: bool,
    /// Its slots, by start time.
    pub slot: Vec<SlotJadwal>,
}

/// One slot, ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct SlotJadwal {
    /// `07.00–08.00 WIB`, in the zone of the slot's region.
    pub jam: String,
    /// The RW, or empty for everyone.
    pub rw: String,
    /// KPM.
    pub kpm: u64,
    /// The place.
    pub lokasi: String,
    /// The payment point.
    pub titik_bayar: String,
    /// Its page, when it has one (a point shared by several desa/kelurahan).
    pub titik_href: Option<String>,
    /// The calendar of its RW alone (`wilayah/<prov>/<kode>.rw-<rw>.ics`), on a
    /// desa/kelurahan's page, for a slot of one RW.
    pub kalender_rw: Option<String>,
    /// A `https://wa.me/?text=…` link sharing the slot in one sentence with the page's
    /// address, on a desa/kelurahan's page.
    pub bagikan: Option<String>,
}

/// The page of one payment point.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksTitikBayar {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// The places it is held (usually one).
    pub lokasi: Vec<String>,
    /// The desa/kelurahan it serves.
    pub wilayah: Vec<Tautan>,
    /// KPM a day it can serve (`[jadwal] max_kpm_per_day`).
    pub kapasitas: u64,
    /// KPM scheduled in all.
    pub kpm: u64,
    /// Its calendar (`titik-bayar/<slug>.ics`).
    pub kalender: String,
    /// Its days, in order.
    pub hari: Vec<HariTitikBayar>,
}

/// One day at a payment point.
#[derive(Debug, Clone, Serialize)]
pub struct HariTitikBayar {
    /// `YYYY-MM-DD`.
    pub tanggal: String,
    /// KPM scheduled that day.
    pub kpm: u64,
    /// KPM ÷ capacity.
    pub beban: f64,
    /// Whether that is over the capacity.
    pub melebihi: bool,
    /// The slots, by hour.
    pub slot: Vec<SlotJadwal>,
}

/// A payment schedule as an `.ics` calendar: a desa/kelurahan's or a payment point's.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksKalender {
    /// What the calendar is of (`Kelurahan Karangketug`, `Titik bayar Kantor Kelurahan …`).
    pub nama: String,
    /// Whether each event names its desa/kelurahan in its title (a payment point's calendar
    /// holds several).
    pub sebut_wilayah: bool,
    /// The time zones of the slots, each once, west to east (one `VTIMEZONE` each): a
    /// payment point's calendar may serve regions of two provinsi of different zones.
    pub zona: Vec<ZonaKalender>,
    /// The site's title, for the calendar's name.
    pub situs: String,
    /// The slots.
    pub acara: Vec<AcaraKalender>,
}

/// A time zone of a calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ZonaKalender {
    /// The IANA time zone (`Asia/Jakarta`).
    pub tzid: &'static str,
    /// Its offset from UTC (`+0700`).
    pub offset: &'static str,
    /// Its label (`WIB`).
    pub label: &'static str,
}

impl From<crate::config::Zona> for ZonaKalender {
    fn from(z: crate::config::Zona) -> ZonaKalender {
        ZonaKalender {
            tzid: z.tzid(),
            offset: z.offset(),
            label: z.label(),
        }
    }
}

/// One slot as a calendar event.
#[derive(Debug, Clone, Serialize)]
pub struct AcaraKalender {
    /// The zone of its region's provinsi.
    pub zona: ZonaKalender,
    /// A stable identifier.
    pub uid: String,
    /// Programme code.
    pub program: String,
    /// Programme name.
    pub program_nama: String,
    /// The desa/kelurahan the slot is for (`Kelurahan Karangketug`).
    pub wilayah: String,
    /// Day, `YYYY-MM-DD`.
    pub tanggal: String,
    /// Start, minutes after midnight.
    pub mulai: u16,
    /// End.
    pub selesai: u16,
    /// The RW, or empty.
    pub rw: String,
    /// KPM.
    pub kpm: u64,
    /// The place.
    pub lokasi: String,
    /// The first day of the tahap, `YYYY-MM-DD` (the events' timestamp, so the file is
    /// deterministic).
    pub stempel: String,
}

impl Situs<'_> {
    /// The page of payment point `t`: its days, load against capacity, and slots.
    pub(super) fn konteks_titik_bayar(&self, t: crate::data::TitikBayarId) -> KonteksTitikBayar {
        self.titik_bayar_dari_masukan(&self.masukan_titik_bayar(t))
    }

    /// Everything payment point `t`'s page is made from.
    pub fn masukan_titik_bayar(&self, t: TitikBayarId) -> MasukanTitikBayar<'_> {
        let slot: Vec<MasukanSlot<'_>> = self.jadwal_titik[t.indeks()]
            .iter()
            .map(|&i| self.masukan_slot(i))
            .collect();
        // the breadcrumb's kabupaten/kota: that of the first region it serves
        let kota = slot
            .iter()
            .map(|s| s.wilayah.id.0)
            .min()
            .map(|w| self.ringkas(self.kota_jadwal(w)));
        MasukanTitikBayar {
            umum: self.sidik_umum,
            titik: (TanpaSidik(t), &self.data.titik_bayar[t.indeks()]),
            kota,
            slot,
        }
    }

    /// A payment point's page made from its inputs ([`MasukanTitikBayar`]).
    fn titik_bayar_dari_masukan(&self, m: &MasukanTitikBayar<'_>) -> KonteksTitikBayar {
        let t = m.titik.0.0;
        let kapasitas = self.config.jadwal.max_kpm_per_day;
        let mut lokasi: Vec<String> = m.slot.iter().map(|s| s.lokasi.to_string()).collect();
        lokasi.sort();
        lokasi.dedup();
        let mut wilayah: Vec<WilayahId> = m.slot.iter().map(|s| s.wilayah.id.0).collect();
        wilayah.sort_unstable();
        wilayah.dedup();
        let mut hari: Vec<HariTitikBayar> = Vec::new();
        for s in &m.slot {
            let j = &self.data.jadwal[s.id.0];
            let tanggal = s.tanggal.to_string();
            if hari.last().is_none_or(|h| h.tanggal != tanggal) {
                hari.push(HariTitikBayar {
                    tanggal,
                    kpm: 0,
                    beban: 0.0,
                    melebihi: false,
                    slot: Vec::new(),
                });
            }
            if let Some(h) = hari.last_mut() {
                h.kpm = h.kpm.saturating_add(s.kpm);
                h.slot.push(SlotJadwal {
                    jam: self.jam_slot(j),
                    rw: s.rw.to_string(),
                    kpm: s.kpm,
                    lokasi: self
                        .kata
                        .nama_wilayah(self.data.wilayah.node(s.wilayah.id.0)),
                    titik_bayar: m.titik.1.to_string(),
                    titik_href: None,
                    kalender_rw: None,
                    bagikan: None,
                });
            }
        }
        for h in &mut hari {
            h.beban = if kapasitas == 0 {
                0.0
            } else {
                h.kpm as f64 / kapasitas as f64
            };
            h.melebihi = h.kpm > kapasitas;
        }
        let judul = self.judul_titik_bayar(t);
        // home › the kabupaten/kota › its schedule overview
        let mut breadcrumb = vec![self.beranda()];
        if let Some(kota) = m.kota {
            breadcrumb.push(self.tautan_wilayah(kota.id.0));
            breadcrumb.extend(self.tautan_jadwal_kota(kota.id.0));
        }
        KonteksTitikBayar {
            umum: self.umum(Halaman::TitikBayar(t), judul, breadcrumb, ""),
            lokasi,
            wilayah: wilayah.iter().map(|&w| self.tautan_wilayah(w)).collect(),
            kapasitas,
            kpm: hari.iter().map(|h| h.kpm).sum(),
            kalender: self.path(Halaman::KalenderTitik(t)),
            hari,
        }
    }

    /// `07.00–08.00 WIB`: a slot's hours in the zone of its region.
    pub(super) fn jam_slot(&self, j: &crate::data::Jadwal) -> String {
        let lang = self.lang();
        let zona = self
            .config
            .zona(&self.data.wilayah.node(j.wilayah).kode_teks);
        format!(
            "{}–{} {}",
            crate::format::jam(j.mulai, lang),
            crate::format::jam(j.selesai, lang),
            zona.label()
        )
    }

    /// The calendar of desa/kelurahan `w`'s slots.
    pub(super) fn konteks_kalender(&self, w: WilayahId) -> KonteksKalender {
        self.kalender_dari_masukan(&self.masukan_kalender(w))
    }

    /// A payment point's name as its page's and calendar's title.
    fn judul_titik_bayar(&self, t: crate::data::TitikBayarId) -> String {
        self.kata.isi(
            "judul_titik_bayar",
            &[("nama", &self.data.titik_bayar[t.indeks()])],
        )
    }

    /// The calendar of payment point `t`'s slots, each in the zone of the region it serves.
    pub(super) fn konteks_kalender_titik(&self, t: crate::data::TitikBayarId) -> KonteksKalender {
        self.kalender_dari_masukan(&self.masukan_kalender_titik(t))
    }

    /// Everything desa/kelurahan `w`'s calendar is made from.
    pub fn masukan_kalender(&self, w: WilayahId) -> MasukanKalender<'_> {
        let slots = self.jadwal_wilayah.get(&w).map_or(&[][..], Vec::as_slice);
        MasukanKalender {
            umum: self.sidik_umum,
            milik: MilikKalender::Wilayah(self.ringkas(w)),
            slot: slots.iter().map(|&i| self.masukan_slot(i)).collect(),
        }
    }

    /// Everything payment point `t`'s calendar is made from.
    pub fn masukan_kalender_titik(&self, t: TitikBayarId) -> MasukanKalender<'_> {
        MasukanKalender {
            umum: self.sidik_umum,
            milik: MilikKalender::Titik(TanpaSidik(t), &self.data.titik_bayar[t.indeks()]),
            slot: self.jadwal_titik[t.indeks()]
                .iter()
                .map(|&i| self.masukan_slot(i))
                .collect(),
        }
    }

    /// Everything the calendar of one RW of a desa/kelurahan is made from: the slots of the
    /// region of slot `i` whose RW is `i`'s.
    pub fn masukan_kalender_rw(&self, i: usize) -> MasukanKalender<'_> {
        let j = &self.data.jadwal[i];
        MasukanKalender {
            umum: self.sidik_umum,
            milik: MilikKalender::Rw(self.ringkas(j.wilayah), &j.rw),
            slot: self.slot_rw(i).map(|o| self.masukan_slot(o)).collect(),
        }
    }

    /// The slots of slot `i`'s desa/kelurahan for `i`'s RW, in the region's order.
    fn slot_rw(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let j = &self.data.jadwal[i];
        self.jadwal_wilayah
            .get(&j.wilayah)
            .into_iter()
            .flatten()
            .copied()
            .filter(move |&o| self.data.jadwal[o].rw == j.rw)
    }

    /// The key of the calendar of slot `i`'s RW ([`Halaman::KalenderRw`]): the first of that
    /// RW's slots in its desa/kelurahan; `None` for a slot for every RW, and on a site that
    /// turns RW calendars off (`[jadwal] kalender_rw = false`).
    pub(super) fn rw_pertama(&self, i: usize) -> Option<usize> {
        if self.data.jadwal[i].rw.is_empty() || !self.config.jadwal.kalender_rw {
            return None;
        }
        self.slot_rw(i).next()
    }

    /// Every RW calendar of the site, one per RW of each desa/kelurahan with RW slots (the
    /// first slot of each), by region and then by the RW's first slot.
    pub(super) fn kalender_rw_semua(&self) -> Vec<usize> {
        let mut wilayah: Vec<&WilayahId> = self.jadwal_wilayah.keys().collect();
        wilayah.sort_unstable();
        let mut out = Vec::new();
        for w in wilayah {
            let slots = &self.jadwal_wilayah[w];
            let mut rw: Vec<(&str, usize)> = Vec::new();
            for &i in slots {
                let r = self.data.jadwal[i].rw.as_str();
                if !r.is_empty() && !rw.iter().any(|(s, _)| *s == r) {
                    rw.push((r, i));
                }
            }
            out.extend(rw.into_iter().map(|(_, i)| i));
        }
        out
    }

    /// The WhatsApp share link of slot `i` (on its region's page, in the schedule whose
    /// anchor is `anchor`): `https://wa.me/?text=` and one sentence with the programme, RW,
    /// day, hours and payment point, and the page's address under `base_url`. Without a
    /// `base_url` the page has no address a phone can open, so the sentence goes without it.
    fn bagikan_slot(&self, i: usize, anchor: &str) -> String {
        let j = &self.data.jadwal[i];
        let lang = self.lang();
        let alamat = if self.config.base_url.is_empty() {
            String::new()
        } else {
            let url = super::umpan::url_di(
                &self.config.base_url,
                &self.path(Halaman::Wilayah(j.wilayah)),
            );
            self.kata
                .isi("bagikan_alamat", &[("url", &format!("{url}#{anchor}"))])
        };
        let kalimat = self.kata.isi(
            "bagikan_slot",
            &[
                ("program", &self.data.program[j.program.indeks()].kode),
                (
                    "wilayah",
                    &self.kata.nama_wilayah(self.data.wilayah.node(j.wilayah)),
                ),
                ("rw", &j.rw),
                ("tanggal", &tanggal_pendek(j.tanggal, lang)),
                ("jam", &self.jam_slot(j)),
                (
                    "titik_bayar",
                    &self.data.titik_bayar[j.titik_bayar.indeks()],
                ),
                ("lokasi", &j.lokasi),
                ("alamat", &alamat),
            ],
        );
        tautan_wa(&kalimat)
    }

    /// Schedule slot `i` as a page or calendar shows it.
    pub fn masukan_slot(&self, i: usize) -> MasukanSlot<'_> {
        let j = &self.data.jadwal[i];
        // which of its RW's slots in this programme × tahap it is (its calendar identifier)
        let ke = self
            .jadwal_wilayah
            .get(&j.wilayah)
            .into_iter()
            .flatten()
            .take_while(|&&o| o != i)
            .filter(|&&o| {
                let o = &self.data.jadwal[o];
                (o.program, o.tahap, &o.rw) == (j.program, j.tahap, &j.rw)
            })
            .count()
            + 1;
        MasukanSlot {
            id: TanpaSidik(i),
            program: j.program,
            tahap: j.tahap,
            tanggal: j.tanggal,
            mulai: j.mulai,
            selesai: j.selesai,
            rw: &j.rw,
            kpm: j.kpm,
            lokasi: &j.lokasi,
            titik_bayar: &self.data.titik_bayar[j.titik_bayar.indeks()],
            wilayah: self.ringkas(j.wilayah),
            ke,
        }
    }

    /// The calendar identifier of slot `s`: its programme, tahap, region, RW and which of
    /// that RW's slots it is, but not its day or hour, so that a slot moved to another day
    /// updates the event a phone already has instead of adding a second one. The same in the
    /// desa/kelurahan's calendar and the payment point's.
    fn uid_slot(&self, s: &MasukanSlot<'_>) -> String {
        let rw = if s.rw.is_empty() { "semua" } else { s.rw };
        format!(
            "{}-{}-{}-rw{rw}-{}@salur",
            self.data.program[s.program.indeks()].kode,
            self.data.tahap[s.tahap.indeks()].kode,
            self.data.wilayah.node(s.wilayah.id.0).kode_teks,
            s.ke
        )
        .replace(' ', "_")
    }

    /// A calendar made from its inputs ([`MasukanKalender`]): named after its desa/kelurahan
    /// or payment point, its slots each in its region's zone.
    fn kalender_dari_masukan(&self, m: &MasukanKalender<'_>) -> KonteksKalender {
        let (nama, sebut_wilayah) = match m.milik {
            MilikKalender::Wilayah(r) => (
                self.kata.nama_wilayah(self.data.wilayah.node(r.id.0)),
                false,
            ),
            MilikKalender::Titik(t, _) => (self.judul_titik_bayar(t.0), true),
            MilikKalender::Rw(r, rw) => (
                self.kata.isi(
                    "kalender_rw_nama",
                    &[
                        (
                            "wilayah",
                            &self.kata.nama_wilayah(self.data.wilayah.node(r.id.0)),
                        ),
                        ("rw", rw),
                    ],
                ),
                false,
            ),
        };
        let zona_slot = |s: &MasukanSlot<'_>| {
            self.config
                .zona(&self.data.wilayah.node(s.wilayah.id.0).kode_teks)
        };
        let mut zona: Vec<crate::config::Zona> = m.slot.iter().map(zona_slot).collect();
        zona.sort_by_key(|z| z.offset());
        zona.dedup();
        KonteksKalender {
            nama,
            sebut_wilayah,
            zona: zona.into_iter().map(ZonaKalender::from).collect(),
            situs: self.config.title.clone(),
            acara: m
                .slot
                .iter()
                .map(|s| {
                    let prog = &self.data.program[s.program.indeks()];
                    let tahap = &self.data.tahap[s.tahap.indeks()];
                    let wilayah = self.data.wilayah.node(s.wilayah.id.0);
                    AcaraKalender {
                        zona: zona_slot(s).into(),
                        uid: self.uid_slot(s),
                        program: prog.kode.clone(),
                        program_nama: prog.nama.clone(),
                        wilayah: self.kata.nama_wilayah(wilayah),
                        tanggal: s.tanggal.to_string(),
                        mulai: s.mulai,
                        selesai: s.selesai,
                        rw: s.rw.to_string(),
                        kpm: s.kpm,
                        lokasi: s.lokasi.to_string(),
                        stempel: tahap.mulai.to_string(),
                    }
                })
                .collect(),
        }
    }

    /// The schedule of desa/kelurahan `w`, per programme × tahap, by day.
    pub(super) fn jadwal_wilayah_konteks(&self, w: WilayahId) -> Vec<JadwalProgram> {
        let mut out: Vec<JadwalProgram> = Vec::new();
        for &i in self.jadwal_wilayah.get(&w).into_iter().flatten() {
            let j = &self.data.jadwal[i];
            let prog = &self.data.program[j.program.indeks()];
            let id = format!(
                "jadwal-{}-{}",
                self.program_slug[j.program.indeks()],
                self.tahap_slug[j.tahap.indeks()]
            );
            if out.last().is_none_or(|p| p.id != id) {
                out.push(JadwalProgram {
                    id,
                    program: prog.kode.clone(),
                    program_nama: prog.nama.clone(),
                    program_href: self.path(Halaman::Program(j.program)),
                    nilai: self.nilai_program(j.program),
                    dokumen: self.dokumen_program(j.program).map(str::to_string),
                    tahap: self.data.tahap[j.tahap.indeks()].nama.clone(),
                    kpm: 0,
                    lewat: false,
                    hari: Vec::new(),
                });
            }
            let Some(p) = out.last_mut() else { continue };
            p.kpm = p.kpm.saturating_add(j.kpm);
            let tanggal = j.tanggal.to_string();
            if p.hari.last().is_none_or(|h| h.tanggal != tanggal) {
                p.hari.push(HariJadwal {
                    tanggal,
                    lewat: false,
                    slot: Vec::new(),
                });
            }
            let anchor = p.id.clone();
            if let Some(h) = p.hari.last_mut() {
                h.slot.push(SlotJadwal {
                    jam: self.jam_slot(j),
                    rw: j.rw.clone(),
                    kpm: j.kpm,
                    lokasi: j.lokasi.clone(),
                    titik_bayar: self.data.titik_bayar[j.titik_bayar.indeks()].clone(),
                    titik_href: self.titik_bersama[j.titik_bayar.indeks()]
                        .then(|| self.path(Halaman::TitikBayar(j.titik_bayar))),
                    kalender_rw: self
                        .rw_pertama(i)
                        .map(|k| self.path(Halaman::KalenderRw(k))),
                    bagikan: (!j.rw.is_empty()).then(|| self.bagikan_slot(i, &anchor)),
                });
            }
        }
        if let Some(data_per) = self.report.data_per {
            let data_per = data_per.to_string();
            for p in &mut out {
                for h in &mut p.hari {
                    h.lewat = h.tanggal < data_per;
                }
                p.lewat = p.hari.last().is_some_and(|h| h.lewat);
            }
        }
        out
    }
}

/// The schedule overview of a kabupaten/kota: every payment point × day, per tahap.
#[derive(Debug, Clone, Serialize)]
pub struct KonteksJadwalKota {
    /// Common fields.
    #[serde(flatten)]
    pub umum: Umum,
    /// The kabupaten/kota.
    pub wilayah: Tautan,
    /// KPM a point can serve in a day (`[jadwal] max_kpm_per_day`).
    pub kapasitas: u64,
    /// One section per tahap, in tahap order: the points with slots in that tahap, over the
    /// days from its first slot to its last. A cell counts every slot the point has that day,
    /// of any programme, as the capacity does; so the table adds up, and a tahap's own KPM
    /// differ only where two tahap share a day.
    pub bagian: Vec<BagianJadwalKota>,
}

/// One tahap of a kabupaten/kota's schedule.
#[derive(Debug, Clone, Serialize)]
pub struct BagianJadwalKota {
    /// Anchor (`jadwal-2021-07`).
    pub id: String,
    /// `Juli 2021 · BST`: the tahap and the programmes scheduled in it.
    pub judul: String,
    /// The figures in words: points, days, KPM, the busiest point-day, points over capacity.
    pub ringkasan: String,
    /// The days, one column each: `YYYY-MM-DD`.
    pub hari: Vec<String>,
    /// One row per payment point.
    pub baris: Vec<BarisJadwalKota>,
    /// KPM scheduled per day, all points (the column sums).
    pub total_hari: Vec<u64>,
    /// KPM scheduled on these days at these points.
    pub kpm: u64,
    /// The points × days grid.
    pub grafik: Grafik,
}

/// One payment point's row in a kabupaten/kota's schedule.
#[derive(Debug, Clone, Serialize)]
pub struct BarisJadwalKota {
    /// The point and its page.
    pub titik: Tautan,
    /// The desa/kelurahan it serves here.
    pub wilayah: String,
    /// Per day.
    pub sel: Vec<SelJadwalKota>,
    /// KPM scheduled at this point on these days (the row sum).
    pub kpm: u64,
}

/// One payment point on one day.
#[derive(Debug, Clone, Serialize)]
pub struct SelJadwalKota {
    /// KPM scheduled that day at the point (every programme; what counts against capacity),
    /// or `None` when nothing is.
    pub kpm: Option<u64>,
    /// Whether that is over the capacity.
    pub melebihi: bool,
}

impl Situs<'_> {
    /// The region whose schedule overview shows `w`'s slots: its kabupaten/kota, or the top of
    /// its branch when the tree has no kabupaten/kota above it.
    pub(super) fn kota_jadwal(&self, w: WilayahId) -> WilayahId {
        let tree = &self.data.wilayah;
        if tree.node(w).tingkat == Tingkat::KabupatenKota {
            return w;
        }
        let ancestors = tree.ancestors(w);
        ancestors
            .iter()
            .copied()
            .find(|&a| tree.node(a).tingkat == Tingkat::KabupatenKota)
            .or_else(|| ancestors.first().copied())
            .unwrap_or(w)
    }

    /// Where a payment point is shown: its own page when it is shared, else the schedule on
    /// the page of the one desa/kelurahan it serves (`wilayah`).
    fn tautan_titik(&self, t: TitikBayarId, bersama: bool, wilayah: &[WilayahId]) -> String {
        match wilayah.first() {
            Some(&w) if !bersama => {
                format!("{}#jadwal", self.path(Halaman::Wilayah(w)))
            }
            _ => self.path(Halaman::TitikBayar(t)),
        }
    }

    /// The link to the schedule overview that shows region `w`, if it has one.
    pub(super) fn tautan_jadwal_kota(&self, w: WilayahId) -> Option<Tautan> {
        let kota = self.kota_jadwal(w);
        self.jadwal_kota.contains_key(&kota).then(|| Tautan {
            label: self.kata.isi(
                "judul_jadwal_kota",
                &[(
                    "nama",
                    &self.kata.nama_wilayah(self.data.wilayah.node(kota)),
                )],
            ),
            href: self.path(Halaman::JadwalKota(kota)),
        })
    }

    /// The schedule overview of kabupaten/kota `w`.
    pub(super) fn konteks_jadwal_kota(&self, w: WilayahId) -> KonteksJadwalKota {
        self.jadwal_kota_dari_masukan(&self.masukan_jadwal_kota(w))
    }

    /// Everything kabupaten/kota `w`'s schedule overview is made from.
    pub fn masukan_jadwal_kota(&self, w: WilayahId) -> MasukanJadwalKota<'_> {
        let slots = self.jadwal_kota.get(&w).map_or(&[][..], Vec::as_slice);
        let mut titik: Vec<TitikBayarId> = slots
            .iter()
            .map(|&i| self.data.jadwal[i].titik_bayar)
            .collect();
        titik.sort_unstable();
        titik.dedup();
        MasukanJadwalKota {
            umum: self.sidik_umum,
            kota: self.ringkas(w),
            leluhur: self
                .data
                .wilayah
                .ancestors(w)
                .into_iter()
                .map(|a| self.ringkas(a))
                .collect(),
            slot: slots.iter().map(|&i| self.masukan_slot(i)).collect(),
            titik: titik
                .into_iter()
                .map(|t| BebanTitik {
                    titik: TanpaSidik(t),
                    bersama: self.titik_bersama[t.indeks()],
                    slot: self.jadwal_titik[t.indeks()]
                        .iter()
                        .map(|&i| (self.data.jadwal[i].tanggal, self.data.jadwal[i].kpm))
                        .collect(),
                })
                .collect(),
        }
    }

    /// A schedule overview made from its inputs ([`MasukanJadwalKota`]).
    fn jadwal_kota_dari_masukan(&self, m: &MasukanJadwalKota<'_>) -> KonteksJadwalKota {
        let w = m.kota.id.0;
        let kapasitas = self.config.jadwal.max_kpm_per_day;
        let mut tahap: Vec<TahapId> = m.slot.iter().map(|s| s.tahap).collect();
        tahap.sort_unstable();
        tahap.dedup();
        let bagian = tahap
            .into_iter()
            .filter_map(|t| self.bagian_jadwal_kota(t, m, kapasitas))
            .collect();
        let mut breadcrumb = vec![self.beranda()];
        breadcrumb.extend(m.leluhur.iter().map(|a| self.tautan_wilayah(a.id.0)));
        breadcrumb.push(self.tautan_wilayah(w));
        let judul = self
            .tautan_jadwal_kota(w)
            .map(|t| t.label)
            .unwrap_or_default();
        KonteksJadwalKota {
            umum: self.umum(Halaman::JadwalKota(w), judul, breadcrumb, ""),
            wilayah: self.tautan_wilayah(w),
            kapasitas,
            bagian,
        }
    }

    /// Tahap `t` of a kabupaten/kota's schedule, from its slots `slots`; `None` when none of
    /// them is in tahap `t`.
    fn bagian_jadwal_kota(
        &self,
        t: TahapId,
        m: &MasukanJadwalKota<'_>,
        kapasitas: u64,
    ) -> Option<BagianJadwalKota> {
        let lang = self.lang();
        let data = self.data;
        let di_tahap: Vec<&Jadwal> = m
            .slot
            .iter()
            .map(|s| &data.jadwal[s.id.0])
            .filter(|j| j.tahap == t)
            .collect();
        let awal = di_tahap.iter().map(|j| j.tanggal).min()?;
        let akhir = di_tahap.iter().map(|j| j.tanggal).max()?;
        let hari: Vec<Date> = awal.series(1.day()).take_while(|d| *d <= akhir).collect();
        let kolom = |d: Date| hari.binary_search(&d).ok();
        // the points with the regions they serve here, ordered by the first region they serve,
        // then by name
        let mut titik: Vec<(TitikBayarId, &str, Vec<WilayahId>)> = Vec::new();
        let mut posisi: HashMap<TitikBayarId, usize> = HashMap::new();
        for j in &di_tahap {
            let p = *posisi.entry(j.titik_bayar).or_insert_with(|| {
                titik.push((
                    j.titik_bayar,
                    data.titik_bayar[j.titik_bayar.indeks()].as_str(),
                    Vec::new(),
                ));
                titik.len() - 1
            });
            titik[p].2.push(j.wilayah);
        }
        for (_, _, w) in &mut titik {
            w.sort_unstable_by_key(|&w| data.wilayah.node(w).kode);
            w.dedup();
        }
        titik.sort_by(|a, b| {
            let kode = |w: &[WilayahId]| w.first().map(|&w| &data.wilayah.node(w).kode);
            kode(&a.2).cmp(&kode(&b.2)).then(a.1.cmp(b.1))
        });
        let mut program: Vec<ProgramId> = di_tahap.iter().map(|j| j.program).collect();
        program.sort_unstable();
        program.dedup();
        let mut total_hari = vec![0u64; hari.len()];
        let mut baris = Vec::with_capacity(titik.len());
        let mut beban_baris = Vec::with_capacity(titik.len());
        // the busiest point-day, and the point-days over capacity
        let mut puncak: Option<(u64, &str, Date)> = None;
        let mut lebih: Vec<(&str, Date, u64)> = Vec::new();
        for (id, nama, wilayah) in &titik {
            // a point's load on a day counts every slot it has that day, of any programme
            let mut kpm_hari: Vec<Option<u64>> = vec![None; hari.len()];
            let beban = m
                .titik
                .binary_search_by_key(id, |b| b.titik.0)
                .map_or(&[][..], |p| &m.titik[p].slot[..]);
            for &(tanggal, kpm) in beban {
                if let Some(c) = kolom(tanggal) {
                    let v = kpm_hari[c].get_or_insert(0);
                    *v = v.saturating_add(kpm);
                }
            }
            for (c, v) in kpm_hari.iter().enumerate() {
                let Some(v) = *v else { continue };
                total_hari[c] = total_hari[c].saturating_add(v);
                if puncak.is_none_or(|(p, _, _)| v > p) {
                    puncak = Some((v, nama, hari[c]));
                }
                if v > kapasitas {
                    lebih.push((nama, hari[c], v));
                }
            }
            let rasio = |v: u64| {
                if kapasitas == 0 {
                    f64::INFINITY
                } else {
                    v as f64 / kapasitas as f64
                }
            };
            beban_baris.push(BarisBeban {
                label: nama.to_string(),
                beban: kpm_hari.iter().map(|v| v.map(rasio)).collect(),
            });
            baris.push(BarisJadwalKota {
                titik: Tautan {
                    label: nama.to_string(),
                    href: self.tautan_titik(*id, m.bersama(*id), wilayah),
                },
                wilayah: wilayah
                    .iter()
                    .map(|&w| data.wilayah.node(w).nama.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
                kpm: kpm_hari.iter().flatten().sum(),
                sel: kpm_hari
                    .iter()
                    .map(|&kpm| SelJadwalKota {
                        kpm,
                        melebihi: kpm.is_some_and(|v| v > kapasitas),
                    })
                    .collect(),
            });
        }
        let kpm: u64 = total_hari.iter().sum();
        let tahap = &data.tahap[t.indeks()];
        let program_kode: Vec<&str> = program
            .iter()
            .map(|&p| data.program[p.indeks()].kode.as_str())
            .collect();
        let judul = format!("{} · {}", tahap.nama, program_kode.join(", "));
        let rentang = rentang_tanggal(awal, akhir, lang);
        let n_hari = hari.len();
        let mut ringkasan = self.kata.isi(
            "ringkasan_jadwal_kota",
            &[
                ("titik", &titik.len().to_string()),
                ("rentang", &rentang),
                ("hari", &n_hari.to_string()),
                ("kpm", &ribuan(kpm as i64, lang)),
                ("kapasitas", &ribuan(kapasitas as i64, lang)),
            ],
        );
        if let Some((v, nama, d)) = puncak {
            let pct = if kapasitas == 0 {
                String::new()
            } else {
                format!(" ({})", persen(v as f64 / kapasitas as f64, lang))
            };
            ringkasan.push_str(&self.kata.isi(
                "ringkasan_jadwal_puncak",
                &[
                    ("kpm", &ribuan(v as i64, lang)),
                    ("persen", &pct),
                    ("nama", nama),
                    ("tanggal", &tanggal_pendek(d, lang)),
                ],
            ));
        }
        ringkasan.push_str(". ");
        ringkasan.push_str(&match lebih.len() {
            0 => self.kata.teks("ringkasan_jadwal_aman").to_string(),
            n => {
                let daftar: Vec<String> = lebih
                    .iter()
                    .take(5)
                    .map(|(nama, d, v)| {
                        format!(
                            "{nama} {} ({} KPM)",
                            tanggal_singkat(*d, lang),
                            ribuan(*v as i64, lang)
                        )
                    })
                    .collect();
                let lagi = if n > 5 {
                    self.kata
                        .isi("ringkasan_jadwal_lagi", &[("n", &(n - 5).to_string())])
                } else {
                    String::new()
                };
                self.kata.isi(
                    "ringkasan_jadwal_lebih",
                    &[
                        ("n", &n.to_string()),
                        ("daftar", &daftar.join(", ")),
                        ("lagi", &lagi),
                    ],
                )
            }
        });
        let id = format!("jadwal-{}", self.tahap_slug[t.indeks()]);
        Some(BagianJadwalKota {
            grafik: Grafik {
                id: format!("{id}-beban"),
                judul: self
                    .kata
                    .isi("judul_grafik_beban", &[("tahap", &tahap.nama)]),
                deskripsi: ringkasan.clone(),
                isi: IsiGrafik::Beban(GrafikBeban {
                    hari: hari.clone(),
                    baris: beban_baris,
                    kosong: self.kata.teks("grafik_beban_kosong").to_string(),
                }),
                svg: String::new(),
            },
            id,
            judul,
            ringkasan,
            hari: hari.iter().map(|d| d.to_string()).collect(),
            baris,
            total_hari,
            kpm,
        })
    }
}

/// A payment point's file name (`titik-bayar/<slug>.html`): its name by the one rule for
/// file names ([`crate::slug::nama_berkas`]: diacritics folded in either Unicode form, lower
/// case, words joined by `-`): `Kantor Kecamatan Gadingrejo` → `kantor-kecamatan-gadingrejo`.
/// Distinct names a resident could tell apart get distinct names (`Pos A 2` → `pos-a-2`,
/// `Pos A` → `pos-a`); names that differ only in punctuation or accents (`Pos A`, `Pos-A`,
/// `Pós A`) give one, and the plan refuses the second with both rows of `jadwal.csv`
/// ([`super::jalur`]) rather than number them apart, which gave one of them a third point's
/// name. A name without a Latin letter or digit is named by a hash of itself (`titik-…`).
pub fn slug_titik(nama: &str) -> String {
    crate::slug::nama_berkas(nama, "titik")
}

/// A WhatsApp share link: `https://wa.me/?text=` and `teks` percent-encoded (every byte but
/// the unreserved ASCII letters, digits and `-._~`), which WhatsApp opens on a phone with the
/// text ready to send to a chat of the reader's choice.
pub fn tautan_wa(teks: &str) -> String {
    const SISA: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    format!(
        "https://wa.me/?text={}",
        percent_encoding::utf8_percent_encode(teks, SISA)
    )
}

/// The RW as a calendar's file name: `01` stays `01`, `Krajan` → `krajan` (the one rule for
/// file names, [`crate::slug::nama_berkas`]). Two RWs of one desa/kelurahan a resident could
/// not tell apart (`Krajan`, `KRAJAN`) give one name, and the plan refuses the second.
pub fn slug_rw(rw: &str) -> String {
    crate::slug::nama_berkas(rw, "rw")
}

/// A span of days as a reader writes it: `19–25 Juli 2021`, `28 Juni–3 Juli 2021`,
/// `30 Desember 2021–2 Januari 2022`, or one day.
fn rentang_tanggal(awal: Date, akhir: Date, lang: Lang) -> String {
    if awal == akhir {
        tanggal_pendek(awal, lang)
    } else if (awal.year(), awal.month()) == (akhir.year(), akhir.month()) {
        format!("{}–{}", awal.day(), tanggal_pendek(akhir, lang))
    } else if awal.year() == akhir.year() {
        format!(
            "{} {}–{}",
            awal.day(),
            lang.month(awal.month()),
            tanggal_pendek(akhir, lang)
        )
    } else {
        format!(
            "{}–{}",
            tanggal_pendek(awal, lang),
            tanggal_pendek(akhir, lang)
        )
    }
}

/// A calendar has no template: `site::kalender` writes it (a file with a fixed schema).
pub const TEMPLATE_KALENDER: &str = "";
/// A payment point's template.
pub const TEMPLATE_TITIK_BAYAR: &str = "titik_bayar.html";
/// A schedule overview's template.
pub const TEMPLATE_JADWAL_KOTA: &str = "jadwal_kota.html";

impl Situs<'_> {
    /// A desa/kelurahan's calendar: `wilayah/<prov>/<kode>.ics`, beside its page.
    pub(super) fn path_kalender(&self, w: WilayahId) -> String {
        self.path_di_provinsi(w, "ics")
    }

    /// The calendar of one RW of a desa/kelurahan, keyed by its first slot `i`:
    /// `wilayah/<prov>/<kode>.rw-<rw>.ics`, beside the region's page and calendar. A region
    /// code is digits and dots, so no region's file (`<kode>.html`, `.ics`, `.csv`, `.json`)
    /// has `.rw-` in its name.
    pub(super) fn path_kalender_rw(&self, i: usize) -> String {
        let j = &self.data.jadwal[i];
        self.path_di_provinsi(j.wilayah, &format!("rw-{}.ics", slug_rw(&j.rw)))
    }

    /// A payment point's page: `titik-bayar/<slug>.html`.
    pub(super) fn path_titik_bayar(&self, t: TitikBayarId) -> String {
        format!("titik-bayar/{}.html", self.titik_slug[t.indeks()])
    }

    /// A payment point's calendar: `titik-bayar/<slug>.ics`.
    pub(super) fn path_kalender_titik(&self, t: TitikBayarId) -> String {
        format!("titik-bayar/{}.ics", self.titik_slug[t.indeks()])
    }

    /// A kabupaten/kota's schedule overview: `jadwal/<kode>.html`.
    pub(super) fn path_jadwal_kota(&self, w: WilayahId) -> String {
        format!("jadwal/{}.html", self.data.wilayah.node(w).kode_teks)
    }

    /// A calendar's fingerprint: the hash of its inputs.
    pub(super) fn sidik_kalender(&self, w: WilayahId) -> u64 {
        sidik_dari((1u8, self.masukan_kalender(w)))
    }

    /// An RW calendar's fingerprint: the hash of its inputs.
    pub(super) fn sidik_kalender_rw(&self, i: usize) -> u64 {
        sidik_dari((5u8, self.masukan_kalender_rw(i)))
    }

    /// A schedule overview's fingerprint: the hash of its inputs.
    pub(super) fn sidik_jadwal_kota(&self, w: WilayahId) -> u64 {
        sidik_dari((4u8, self.masukan_jadwal_kota(w)))
    }

    /// A payment point's page's fingerprint: the hash of its inputs.
    pub(super) fn sidik_titik_bayar(&self, t: TitikBayarId) -> u64 {
        sidik_dari((2u8, self.masukan_titik_bayar(t)))
    }

    /// A payment point's calendar's fingerprint: the hash of its inputs.
    pub(super) fn sidik_kalender_titik(&self, t: TitikBayarId) -> u64 {
        sidik_dari((3u8, self.masukan_kalender_titik(t)))
    }

    /// Feeds the schedule slots of `w` to `hasher`.
    pub(super) fn hash_jadwal(&self, w: WilayahId, hasher: &mut xxhash_rust::xxh3::Xxh3) {
        for &i in self.jadwal_wilayah.get(&w).into_iter().flatten() {
            self.hash_slot(i, hasher);
        }
    }

    /// Feeds schedule slot `i` to `hasher`.
    pub(super) fn hash_slot(&self, i: usize, hasher: &mut xxhash_rust::xxh3::Xxh3) {
        use std::hash::Hash;
        let j = &self.data.jadwal[i];
        (
            j.program, j.tahap, j.tanggal, j.mulai, j.selesai, &j.rw, j.kpm, &j.lokasi,
        )
            .hash(hasher);
        self.data.titik_bayar[j.titik_bayar.indeks()].hash(hasher);
    }
}

/// Whose calendar it is.
#[derive(Debug, Clone, Copy, Hash)]
pub enum MilikKalender<'s> {
    /// A desa/kelurahan's (titled with its name and kind).
    Wilayah(Ringkas<'s>),
    /// A payment point's (titled with its name; each event names its region).
    Titik(TanpaSidik<TitikBayarId>, &'s str),
    /// One RW's of a desa/kelurahan (titled with the region and the RW).
    Rw(Ringkas<'s>, &'s str),
}

/// Everything a calendar (a desa/kelurahan's or a payment point's) is made from beyond what
/// every page shares: its fingerprint is this value's hash ([`Situs::sidik_kalender`],
/// [`Situs::sidik_kalender_titik`]) and its text is made from it.
#[derive(Debug, Hash)]
pub struct MasukanKalender<'s> {
    /// What every page shares (site title, zones, programmes, tahap).
    pub umum: u64,
    /// Whose calendar.
    pub milik: MilikKalender<'s>,
    /// Its slots, in order.
    pub slot: Vec<MasukanSlot<'s>>,
}

/// Everything a payment point's page is made from beyond what every page shares: its
/// fingerprint is this value's hash ([`Situs::sidik_titik_bayar`]) and its context is made
/// from it ([`Situs::konteks_titik_bayar`]).
#[derive(Debug, Hash)]
pub struct MasukanTitikBayar<'s> {
    /// What every page shares (capacity, programmes, tahap).
    pub umum: u64,
    /// The point and its name.
    pub titik: (TanpaSidik<TitikBayarId>, &'s str),
    /// The kabupaten/kota of the first region it serves (the breadcrumb).
    pub kota: Option<Ringkas<'s>>,
    /// Its slots, in order (each names the region it serves).
    pub slot: Vec<MasukanSlot<'s>>,
}

/// Everything a kabupaten/kota's schedule overview is made from beyond what every page
/// shares: its fingerprint is this value's hash ([`Situs::sidik_jadwal_kota`]) and its
/// context is made from it ([`Situs::konteks_jadwal_kota`]).
#[derive(Debug, Hash)]
pub struct MasukanJadwalKota<'s> {
    /// What every page shares (capacity, programmes, tahap).
    pub umum: u64,
    /// The kabupaten/kota.
    pub kota: Ringkas<'s>,
    /// Its ancestors, from the top (the breadcrumb).
    pub leluhur: Vec<Ringkas<'s>>,
    /// Its slots, in order (each names its point and the region it serves).
    pub slot: Vec<MasukanSlot<'s>>,
    /// The points with slots here, by id.
    pub titik: Vec<BebanTitik>,
}

impl MasukanJadwalKota<'_> {
    /// Whether point `t` has its own page.
    fn bersama(&self, t: TitikBayarId) -> bool {
        self.titik
            .binary_search_by_key(&t, |b| b.titik.0)
            .is_ok_and(|p| self.titik[p].bersama)
    }
}

/// A payment point's load as a schedule overview counts it.
#[derive(Debug, Hash)]
pub struct BebanTitik {
    /// The point.
    pub titik: TanpaSidik<TitikBayarId>,
    /// Whether it has its own page (its link).
    pub bersama: bool,
    /// Every slot it has, here or elsewhere: day and KPM.
    pub slot: Vec<(Date, u64)>,
}

/// One schedule slot as a page or calendar shows it.
#[derive(Debug, Clone, Hash)]
pub struct MasukanSlot<'s> {
    /// The row of `jadwal.csv` (locates it).
    pub id: TanpaSidik<usize>,
    /// Programme.
    pub program: ProgramId,
    /// Tahap.
    pub tahap: TahapId,
    /// Day.
    pub tanggal: Date,
    /// Start, minutes after midnight.
    pub mulai: u16,
    /// End, minutes after midnight.
    pub selesai: u16,
    /// The RW, or empty.
    pub rw: &'s str,
    /// KPM expected.
    pub kpm: u64,
    /// The place.
    pub lokasi: &'s str,
    /// The payment point's name.
    pub titik_bayar: &'s str,
    /// The desa/kelurahan it serves (its code gives the slot's zone).
    pub wilayah: Ringkas<'s>,
    /// Which of its RW's slots in its programme × tahap it is (1, 2, …: the calendar
    /// identifier), counted over every payment point.
    pub ke: usize,
}

/// A desa/kelurahan's calendar.
pub struct HalamanKalender;

impl JenisHalaman for HalamanKalender {
    type Kunci = WilayahId;
    const TEMPLATE: &'static str = TEMPLATE_KALENDER;
    fn path(s: &Situs<'_>, w: WilayahId) -> String {
        s.path_kalender(w)
    }
    fn sidik(s: &Situs<'_>, w: WilayahId) -> u64 {
        s.sidik_kalender(w)
    }
    fn konteks(s: &Situs<'_>, w: WilayahId) -> Konteks {
        Konteks::Unduhan(super::kalender::ics(
            &s.konteks_kalender(w),
            s.lang(),
            s.kata,
        ))
    }
    fn asal(s: &Situs<'_>, w: WilayahId) -> Asal {
        s.asal_wilayah(w)
    }
}

/// The calendar of one RW of a desa/kelurahan, keyed by the RW's first slot (a row of
/// `data/jadwal.csv`).
pub struct HalamanKalenderRw;

impl JenisHalaman for HalamanKalenderRw {
    type Kunci = usize;
    const TEMPLATE: &'static str = TEMPLATE_KALENDER;
    fn path(s: &Situs<'_>, i: usize) -> String {
        s.path_kalender_rw(i)
    }
    fn sidik(s: &Situs<'_>, i: usize) -> u64 {
        s.sidik_kalender_rw(i)
    }
    fn konteks(s: &Situs<'_>, i: usize) -> Konteks {
        Konteks::Unduhan(super::kalender::ics(
            &s.kalender_dari_masukan(&s.masukan_kalender_rw(i)),
            s.lang(),
            s.kata,
        ))
    }
    fn asal(s: &Situs<'_>, i: usize) -> Asal {
        let j = &s.data.jadwal[i];
        let kolom = s.data.jadwal_kolom.get(8).copied().unwrap_or(0);
        s.asal_data("data/jadwal.csv", (j.baris, kolom), &j.rw)
    }
}

/// A payment point's page.
pub struct HalamanTitikBayar;

impl JenisHalaman for HalamanTitikBayar {
    type Kunci = TitikBayarId;
    const TEMPLATE: &'static str = TEMPLATE_TITIK_BAYAR;
    fn path(s: &Situs<'_>, t: TitikBayarId) -> String {
        s.path_titik_bayar(t)
    }
    fn sidik(s: &Situs<'_>, t: TitikBayarId) -> u64 {
        s.sidik_titik_bayar(t)
    }
    fn konteks(s: &Situs<'_>, t: TitikBayarId) -> Konteks {
        Konteks::TitikBayar(Box::new(s.konteks_titik_bayar(t)))
    }
    fn asal(s: &Situs<'_>, t: TitikBayarId) -> Asal {
        s.asal_titik(t)
    }
}

/// A payment point's calendar.
pub struct HalamanKalenderTitik;

impl JenisHalaman for HalamanKalenderTitik {
    type Kunci = TitikBayarId;
    const TEMPLATE: &'static str = TEMPLATE_KALENDER;
    fn path(s: &Situs<'_>, t: TitikBayarId) -> String {
        s.path_kalender_titik(t)
    }
    fn sidik(s: &Situs<'_>, t: TitikBayarId) -> u64 {
        s.sidik_kalender_titik(t)
    }
    fn konteks(s: &Situs<'_>, t: TitikBayarId) -> Konteks {
        Konteks::Unduhan(super::kalender::ics(
            &s.konteks_kalender_titik(t),
            s.lang(),
            s.kata,
        ))
    }
    fn asal(s: &Situs<'_>, t: TitikBayarId) -> Asal {
        s.asal_titik(t)
    }
}

/// A kabupaten/kota's schedule overview.
pub struct HalamanJadwalKota;

impl JenisHalaman for HalamanJadwalKota {
    type Kunci = WilayahId;
    const TEMPLATE: &'static str = TEMPLATE_JADWAL_KOTA;
    fn path(s: &Situs<'_>, w: WilayahId) -> String {
        s.path_jadwal_kota(w)
    }
    fn sidik(s: &Situs<'_>, w: WilayahId) -> u64 {
        s.sidik_jadwal_kota(w)
    }
    fn konteks(s: &Situs<'_>, w: WilayahId) -> Konteks {
        Konteks::JadwalKota(Box::new(s.konteks_jadwal_kota(w)))
    }
    fn asal(s: &Situs<'_>, w: WilayahId) -> Asal {
        s.asal_wilayah(w)
    }
}

impl Situs<'_> {
    /// A payment point's pages come from the first row of `data/jadwal.csv` that names it.
    fn asal_titik(&self, t: TitikBayarId) -> Asal {
        let baris = self.jadwal_titik[t.indeks()]
            .iter()
            .map(|&i| self.data.jadwal[i].baris)
            .min()
            .unwrap_or(0);
        let kolom = self.data.jadwal_kolom.get(2).copied().unwrap_or(0);
        self.asal_data(
            "data/jadwal.csv",
            (baris, kolom),
            &self.data.titik_bayar[t.indeks()],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn payment_points_a_resident_tells_apart_get_their_own_file() {
        assert_eq!(
            slug_titik("Kantor Kecamatan Gadingrejo"),
            "kantor-kecamatan-gadingrejo"
        );
        assert_eq!(slug_titik("Pos A"), "pos-a");
        assert_eq!(slug_titik("Pos A 2"), "pos-a-2");
        // one name to a resident: one file, and the plan refuses the second point
        assert_eq!(slug_titik("Pos-A"), "pos-a");
        assert_eq!(slug_titik("  pos a. "), "pos-a");
        assert_eq!(slug_titik("Pós A"), "pos-a");
        assert_eq!(slug_titik("Po\u{301}s A"), "pos-a");
        assert_eq!(slug_titik("Balai Désa Tamba'an"), "balai-desa-tamba-an");
        // nothing Latin: a hash of the name, the same in any letter case
        let arab = slug_titik("مسجد");
        assert!(arab.starts_with("titik-") && arab.len() == 14, "{arab}");
        assert_ne!(arab, slug_titik("مدرسة"));
        assert_eq!(slug_titik("ΠΟΣ"), slug_titik("πος"));
        // nothing that reaches a path: no `/`, `..`, leading dot
        assert_eq!(slug_titik("../../etc/passwd"), "etc-passwd");
    }

    #[test]
    fn a_span_of_days_is_written_as_a_reader_writes_it() {
        let id = Lang::Id;
        assert_eq!(
            rentang_tanggal(date(2021, 7, 19), date(2021, 7, 25), id),
            "19–25 Juli 2021"
        );
        assert_eq!(
            rentang_tanggal(date(2021, 6, 28), date(2021, 7, 3), id),
            "28 Juni–3 Juli 2021"
        );
        assert_eq!(
            rentang_tanggal(date(2021, 12, 30), date(2022, 1, 2), id),
            "30 Desember 2021–2 Januari 2022"
        );
        assert_eq!(
            rentang_tanggal(date(2021, 7, 19), date(2021, 7, 19), id),
            "19 Juli 2021"
        );
    }
}
