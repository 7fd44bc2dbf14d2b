//! The payment schedule's pages: a desa/kelurahan's schedule (on its page), a payment point's
//! page, the calendars (`.ics`) of both, and the city overview of every payment point × day.

use serde::Serialize;

use super::{Halaman, Situs, Tautan, Umum};
use crate::data::WilayahId;
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
    /// Tahap name.
    pub tahap: String,
    /// KPM scheduled.
    pub kpm: u64,
    /// The days, in order.
    pub hari: Vec<HariJadwal>,
}

/// One day of a schedule.
#[derive(Debug, Clone, Serialize)]
pub struct HariJadwal {
    /// `YYYY-MM-DD`.
    pub tanggal: String,
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
    /// Its page.
    pub titik_href: String,
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
    /// The IANA time zone of the slots (`Asia/Jakarta`).
    pub tzid: &'static str,
    /// Its offset from UTC (`+0700`).
    pub offset: &'static str,
    /// Its label (`WIB`).
    pub zona: &'static str,
    /// The site's title, for the calendar's name.
    pub situs: String,
    /// The slots.
    pub acara: Vec<AcaraKalender>,
}

/// One slot as a calendar event.
#[derive(Debug, Clone, Serialize)]
pub struct AcaraKalender {
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
        let lang = self.lang();
        let kapasitas = self.config.jadwal.max_kpm_per_day;
        let slots: Vec<&crate::data::Jadwal> = self.jadwal_titik[t as usize]
            .iter()
            .map(|&i| &self.data.jadwal[i])
            .collect();
        let mut lokasi: Vec<String> = slots.iter().map(|j| j.lokasi.clone()).collect();
        lokasi.sort();
        lokasi.dedup();
        let mut wilayah: Vec<WilayahId> = slots.iter().map(|j| j.wilayah).collect();
        wilayah.sort_unstable();
        wilayah.dedup();
        let mut hari: Vec<HariTitikBayar> = Vec::new();
        for j in &slots {
            let tanggal = j.tanggal.to_string();
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
                h.kpm = h.kpm.saturating_add(j.kpm);
                h.slot.push(SlotJadwal {
                    jam: self.jam_slot(j),
                    rw: j.rw.clone(),
                    kpm: j.kpm,
                    lokasi: self.data.wilayah.node(j.wilayah).nama_lengkap(lang),
                    titik_bayar: self.data.titik_bayar[t as usize].clone(),
                    titik_href: self.path(Halaman::TitikBayar(t)),
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
        let judul = match lang {
            Lang::Id => format!("Titik bayar {}", self.data.titik_bayar[t as usize]),
            Lang::En => format!("Payment point {}", self.data.titik_bayar[t as usize]),
        };
        let mut breadcrumb = vec![self.beranda()];
        if let Some(&w) = wilayah.first() {
            breadcrumb.push(self.tautan_wilayah(w));
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
    fn jam_slot(&self, j: &crate::data::Jadwal) -> String {
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
        let node = self.data.wilayah.node(w);
        let slots = self.jadwal_wilayah.get(&w).map_or(&[][..], Vec::as_slice);
        self.kalender(node.nama_lengkap(self.lang()), &node.kode_teks, slots)
    }

    /// The calendar of payment point `t`'s slots, in the zone of the first region it serves.
    pub(super) fn konteks_kalender_titik(&self, t: crate::data::TitikBayarId) -> KonteksKalender {
        let slots = &self.jadwal_titik[t as usize];
        let kode = slots
            .first()
            .map(|&i| {
                self.data
                    .wilayah
                    .node(self.data.jadwal[i].wilayah)
                    .kode_teks
                    .as_str()
            })
            .unwrap_or_default();
        let nama = match self.lang() {
            Lang::Id => format!("Titik bayar {}", self.data.titik_bayar[t as usize]),
            Lang::En => format!("Payment point {}", self.data.titik_bayar[t as usize]),
        };
        self.kalender(nama, kode, slots)
    }

    /// A calendar named `nama` of schedule slots `slots`, in the zone of region `kode`.
    fn kalender(&self, nama: String, kode: &str, slots: &[usize]) -> KonteksKalender {
        let zona = self.config.zona(kode);
        KonteksKalender {
            nama,
            tzid: zona.tzid(),
            offset: zona.offset(),
            zona: zona.label(),
            situs: self.config.title.clone(),
            acara: slots
                .iter()
                .map(|&i| {
                    let j = &self.data.jadwal[i];
                    let prog = &self.data.program[j.program as usize];
                    let tahap = &self.data.tahap[j.tahap as usize];
                    let wilayah = self.data.wilayah.node(j.wilayah);
                    AcaraKalender {
                        uid: format!(
                            "{}-{}-{}-{}-{:04}-{}@salur",
                            prog.kode, tahap.kode, wilayah.kode_teks, j.tanggal, j.mulai, j.rw
                        )
                        .replace(' ', "_"),
                        program: prog.kode.clone(),
                        program_nama: prog.nama.clone(),
                        wilayah: wilayah.nama_lengkap(self.lang()),
                        tanggal: j.tanggal.to_string(),
                        mulai: j.mulai,
                        selesai: j.selesai,
                        rw: j.rw.clone(),
                        kpm: j.kpm,
                        lokasi: j.lokasi.clone(),
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
            let prog = &self.data.program[j.program as usize];
            let id = format!(
                "jadwal-{}-{}",
                self.program_slug[j.program as usize], self.tahap_slug[j.tahap as usize]
            );
            if out.last().is_none_or(|p| p.id != id) {
                out.push(JadwalProgram {
                    id,
                    program: prog.kode.clone(),
                    program_nama: prog.nama.clone(),
                    tahap: self.data.tahap[j.tahap as usize].nama.clone(),
                    kpm: 0,
                    hari: Vec::new(),
                });
            }
            let Some(p) = out.last_mut() else { continue };
            p.kpm = p.kpm.saturating_add(j.kpm);
            let tanggal = j.tanggal.to_string();
            if p.hari.last().is_none_or(|h| h.tanggal != tanggal) {
                p.hari.push(HariJadwal {
                    tanggal,
                    slot: Vec::new(),
                });
            }
            if let Some(h) = p.hari.last_mut() {
                h.slot.push(SlotJadwal {
                    jam: self.jam_slot(j),
                    rw: j.rw.clone(),
                    kpm: j.kpm,
                    lokasi: j.lokasi.clone(),
                    titik_bayar: self.data.titik_bayar[j.titik_bayar as usize].clone(),
                    titik_href: self.path(Halaman::TitikBayar(j.titik_bayar)),
                });
            }
        }
        out
    }
}
