//! `jadwal.csv`, the payment schedule: read row by row, each slot checked on its own against its
//! tahap (`Loader::jadwal`), then checked across the slots ([`periksa`]): capacity per payment
//! point per day, overlapping slots, an RW sent to two payment points, and each
//! desa/kelurahan's slots against its allocation.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use jiff::civil::Date;

use std::path::Path;

use super::table::{self, Columns, nama, report, text};
use super::{
    Dataset, InputFile, Jadwal, Jumlah, Lookup, ProgramId, TITIK_BAYAR_MAKS, TahapId, TitikBayarId,
    WilayahId, luap, nama_terlalu_banyak, value,
};
use crate::config::AturanJadwal;
use crate::diagnostics::{
    CodeKind, Diagnostic, Diagnostics, Expected, JenisNama, Problem, Severity,
};
use crate::lang::Lang;
use crate::teks::Ejaan;

/// The columns of `jadwal.csv`, in the order salur writes them (`salur jadwal usul`).
pub const JADWAL_KOLOM: [&str; 10] = [
    "program",
    "tahap",
    "titik_bayar",
    "kode_wilayah",
    "lokasi",
    "tanggal",
    "mulai",
    "selesai",
    "rw",
    "kpm",
];
pub(super) const JADWAL: Columns = Columns {
    required: &JADWAL_KOLOM,
    // for a `kode_wilayah` written as a desa/kelurahan's name: its kecamatan, kabupaten/kota
    optional: &["kecamatan", "kabupaten"],
};

impl super::Loader {
    /// Reads `jadwal.csv` (optional): each slot's codes, day and hours, checked against its
    /// tahap. Checks across slots (capacity, overlaps, coverage) come after reading.
    pub(super) fn jadwal(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        let name = "data/jadwal.csv";
        if !table::ada(root, name) {
            return;
        }
        let Some(mut t) = self.buka(root, name, &JADWAL, diags) else {
            return;
        };
        // the place in messages: the CSV, or the worksheet read instead
        let tempat = t.name.clone();
        let name = tempat.as_str();
        ds.jadwal_kolom = (0..JADWAL_KOLOM.len())
            .map(|c| t.column_number(c))
            .collect();
        // read in pieces in parallel; each piece numbers the payment points it meets, and the
        // pieces are merged in file order, so points are numbered by first appearance
        #[derive(Default)]
        struct Potongan {
            jadwal: Vec<Jadwal>,
            titik: Vec<String>,
            /// The line where each of `titik` first appears.
            titik_baris: Vec<u64>,
            titik_id: rustc_hash::FxHashMap<String, TitikBayarId>,
            ejaan: Ejaan,
        }
        let chunks = {
            let lookup =
                Lookup::new(ds, &self.tahap_rusak).dengan_nama(self.nama_wilayah.as_ref(), 10, 11);
            t.par_rows(
                |_| Potongan::default(),
                |row, diags, lokal: &mut Potongan| {
                    let program = lookup.code(name, row, 0, CodeKind::Program, diags);
                    let tahap = lookup.code(name, row, 1, CodeKind::Tahap, diags);
                    let titik_bayar_id =
                        nama(name, row, 2, &mut lokal.ejaan, diags).and_then(|nama| {
                            // a point's name in any letter case is one point, written as it
                            // first is
                            let kunci = nama.to_lowercase();
                            match lokal.titik_id.get(&kunci) {
                                Some(&id) => Some(id),
                                None => {
                                    let Some(id) = TitikBayarId::baru(lokal.titik.len()) else {
                                        diags.push(nama_terlalu_banyak(
                                            name,
                                            row.line,
                                            row.column(2),
                                            &nama,
                                            JenisNama::TitikBayar,
                                            TITIK_BAYAR_MAKS as u64,
                                        ));
                                        return None;
                                    };
                                    lokal.titik.push(nama.into_owned());
                                    lokal.titik_baris.push(row.line);
                                    lokal.titik_id.insert(kunci, id);
                                    Some(id)
                                }
                            }
                        });
                    let wilayah = lookup.wilayah_at(name, row, 3, diags);
                    let lokasi = nama(name, row, 4, &mut lokal.ejaan, diags);
                    let tanggal = match value::date(row.get(5)) {
                        Ok(d) => Some(d),
                        Err(p) => {
                            report(name, row, 5, p, diags);
                            None
                        }
                    };
                    let jam_at = |c: usize, diags: &mut Diagnostics| match value::jam(row.get(c)) {
                        Ok(m) => Some(m),
                        Err(p) => {
                            report(name, row, c, p, diags);
                            None
                        }
                    };
                    let mulai = jam_at(6, diags);
                    let selesai = jam_at(7, diags);
                    let rw = text(name, row, 8, diags);
                    let kpm = match value::count(row.get(9), Expected::Count) {
                        Ok(n) => Some(n),
                        Err(p) => {
                            report(name, row, 9, p, diags);
                            None
                        }
                    };
                    let (
                        Some(program),
                        Some(tahap),
                        Some(titik_bayar),
                        Some(wilayah),
                        Some(lokasi),
                        Some(tanggal),
                        Some(mulai),
                        Some(selesai),
                        Some(rw),
                        Some(kpm),
                    ) = (
                        program,
                        tahap,
                        titik_bayar_id,
                        wilayah,
                        lokasi,
                        tanggal,
                        mulai,
                        selesai,
                        rw,
                        kpm,
                    )
                    else {
                        return;
                    };
                    if selesai <= mulai {
                        let mulai = String::from_utf8_lossy(row.get(6)).trim().to_string();
                        return report(name, row, 7, Problem::SlotEndsBeforeStart { mulai }, diags);
                    }
                    if lookup.outside_tahap(name, row, 5, tahap, tanggal, diags) {
                        return;
                    }
                    lokal.jadwal.push(Jadwal {
                        program,
                        tahap,
                        titik_bayar,
                        wilayah,
                        lokasi: lokasi.into_owned(),
                        tanggal,
                        mulai,
                        selesai,
                        rw: value::rw(rw),
                        kpm,
                        baris: row.line,
                    });
                },
            )
        };
        let mut titik: HashMap<String, TitikBayarId> = HashMap::default();
        let mut titik_bayar: Vec<String> = Vec::new();
        let mut titik_penuh = false;
        let mut jadwal = Vec::with_capacity(chunks.iter().map(|(p, _)| p.jadwal.len()).sum());
        let mut ejaan = Ejaan::default();
        for (potongan, chunk_diags) in chunks {
            diags.extend(chunk_diags);
            ejaan.gabung(potongan.ejaan);
            let global: Vec<TitikBayarId> = potongan
                .titik
                .into_iter()
                .zip(potongan.titik_baris)
                .map(|(nama, line)| {
                    let kunci = nama.to_lowercase();
                    if let Some(&id) = titik.get(&kunci) {
                        return id;
                    }
                    match TitikBayarId::baru(titik_bayar.len()) {
                        Some(id) => {
                            titik_bayar.push(nama);
                            titik.insert(kunci, id);
                            id
                        }
                        None => {
                            if !titik_penuh {
                                titik_penuh = true;
                                diags.push(nama_terlalu_banyak(
                                    name,
                                    line,
                                    t.column_number(2),
                                    &nama,
                                    JenisNama::TitikBayar,
                                    TITIK_BAYAR_MAKS as u64,
                                ));
                            }
                            TitikBayarId::default()
                        }
                    }
                })
                .collect();
            jadwal.extend(potongan.jadwal.into_iter().map(|mut j| {
                j.titik_bayar = global[j.titik_bayar.indeks()];
                j
            }));
        }
        ejaan.peringatan(name, diags);
        // the KPM column's total, in file order (see `JUMLAH_MAKS`)
        let mut jumlah = Jumlah::default();
        for j in &jadwal {
            if let Err(sebelum) = jumlah.tambah(j.kpm) {
                diags.push(luap(name, j.baris, t.column_number(9), j.kpm, sebelum));
            }
        }
        ds.titik_bayar = titik_bayar;
        ds.jadwal = jadwal;
        ds.inputs.push(InputFile::dari(&t));
    }
}

const FILE: &str = "data/jadwal.csv";
/// Columns of `jadwal.csv`, 1-based, for messages.
const KOLOM_WILAYAH: usize = 3;
const KOLOM_LOKASI: usize = 4;
const KOLOM_MULAI: usize = 6;
const KOLOM_RW: usize = 8;
const KOLOM_KPM: usize = 9;

/// The column of field `c` as the file writes it (columns may come in any order).
fn kolom(ds: &Dataset, c: usize) -> u64 {
    ds.jadwal_kolom.get(c).copied().unwrap_or(c as u64 + 1)
}

fn diagnostic(
    berkas: &str,
    line: u64,
    column: u64,
    value: Option<&str>,
    problem: Problem,
    severity: Severity,
) -> Diagnostic {
    let mut d = Diagnostic::error(berkas, line, column, value, problem);
    d.severity = severity;
    d
}

/// Checks the schedule of `ds` against `aturan`. Errors stop the build; a programme × tahap
/// without any slot is not checked (the schedule may cover only some programmes).
pub fn periksa(ds: &Dataset, aturan: &AturanJadwal) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let berkas = ds.tempat(FILE);
    if ds.jadwal.is_empty() {
        return diags;
    }
    // slots in line order, so "the first" is the earlier line
    let mut slots: Vec<&super::Jadwal> = ds.jadwal.iter().collect();
    slots.sort_by_key(|s| s.baris);

    // capacity: KPM per payment point per day; reported once, at the slot that goes over
    let kapasitas = aturan.over_capacity;
    let mut total: HashMap<(TitikBayarId, Date), u64> = HashMap::default();
    for s in &slots {
        let kpm = total.entry((s.titik_bayar, s.tanggal)).or_default();
        *kpm = kpm.saturating_add(s.kpm);
    }
    let mut per_hari: HashMap<(TitikBayarId, Date), (u64, bool)> = HashMap::default();
    for s in &slots {
        let (kpm, reported) = per_hari.entry((s.titik_bayar, s.tanggal)).or_default();
        *kpm = kpm.saturating_add(s.kpm);
        if *kpm > aturan.max_kpm_per_day && !*reported {
            *reported = true;
            let total = total
                .get(&(s.titik_bayar, s.tanggal))
                .copied()
                .unwrap_or(*kpm);
            diags.push(diagnostic(
                berkas,
                s.baris,
                kolom(ds, KOLOM_KPM),
                None,
                Problem::MelebihiKapasitas {
                    titik_bayar: ds.titik_bayar[s.titik_bayar.indeks()].clone(),
                    tanggal: s.tanggal.to_string(),
                    kpm: total,
                    max: aturan.max_kpm_per_day,
                },
                kapasitas,
            ));
        }
    }

    // a point in one place; a slot for someone (warnings: the schedule is still shown)
    // (the first line and place of each point, and whether a second place was reported)
    let mut tempat: HashMap<TitikBayarId, (u64, &str, bool)> = HashMap::default();
    for s in &slots {
        if s.kpm == 0 {
            diags.push(diagnostic(
                berkas,
                s.baris,
                kolom(ds, KOLOM_KPM),
                Some("0"),
                Problem::SlotKosong,
                Severity::Warning,
            ));
        }
        let (baris, lokasi, reported) = tempat
            .entry(s.titik_bayar)
            .or_insert((s.baris, &s.lokasi, false));
        if !*reported && !lokasi.eq_ignore_ascii_case(&s.lokasi) {
            *reported = true;
            let (baris, lokasi) = (*baris, *lokasi);
            diags.push(diagnostic(
                berkas,
                s.baris,
                kolom(ds, KOLOM_LOKASI),
                Some(&s.lokasi),
                Problem::LokasiBerbeda {
                    baris,
                    lokasi: lokasi.to_string(),
                },
                Severity::Warning,
            ));
        }
    }

    // overlapping hours at one payment point on one day
    let mut per_titik: HashMap<(TitikBayarId, Date), Vec<&super::Jadwal>> = HashMap::default();
    for s in &slots {
        let earlier = per_titik.entry((s.titik_bayar, s.tanggal)).or_default();
        if let Some(o) = earlier
            .iter()
            .find(|o| o.mulai < s.selesai && s.mulai < o.selesai)
        {
            diags.push(diagnostic(
                berkas,
                s.baris,
                kolom(ds, KOLOM_MULAI),
                Some(&crate::format::jam(s.mulai, Lang::Id)),
                Problem::SlotBertumpuk {
                    baris: o.baris,
                    jam: format!(
                        "{}–{}",
                        crate::format::jam(o.mulai, Lang::Id),
                        crate::format::jam(o.selesai, Lang::Id)
                    ),
                },
                Severity::Error,
            ));
        }
        earlier.push(s);
    }

    // an RW sent to two payment points for one programme × tahap (an RW too large for one
    // slot may take several at its point)
    let mut rw: HashMap<(ProgramId, TahapId, WilayahId, &str), (u64, TitikBayarId)> =
        HashMap::default();
    for s in slots.iter().filter(|s| !s.rw.is_empty()) {
        match rw.get(&(s.program, s.tahap, s.wilayah, s.rw.as_str())) {
            Some(&(_, titik)) if titik == s.titik_bayar => {}
            Some(&(first, _)) => diags.push(diagnostic(
                berkas,
                s.baris,
                kolom(ds, KOLOM_RW),
                Some(&s.rw),
                Problem::RwGanda { baris: first },
                Severity::Error,
            )),
            None => {
                rw.insert(
                    (s.program, s.tahap, s.wilayah, s.rw.as_str()),
                    (s.baris, s.titik_bayar),
                );
            }
        }
    }

    // each desa/kelurahan's slots against its allocation, for the programme × tahap scheduled
    let mut dijadwalkan: HashMap<(ProgramId, TahapId, WilayahId), (u64, u64)> = HashMap::default();
    for s in &slots {
        let e = dijadwalkan
            .entry((s.program, s.tahap, s.wilayah))
            .or_insert((0, s.baris));
        e.0 = e.0.saturating_add(s.kpm);
    }
    // only the programme × tahap that have a schedule are compared
    let terjadwal: HashSet<(ProgramId, TahapId)> =
        slots.iter().map(|s| (s.program, s.tahap)).collect();
    let mut alokasi: HashMap<(ProgramId, TahapId, WilayahId), u64> = HashMap::default();
    for a in ds
        .alokasi
        .iter()
        .filter(|a| terjadwal.contains(&(a.program, a.tahap)))
    {
        let e = alokasi.entry((a.program, a.tahap, a.wilayah)).or_default();
        *e = e.saturating_add(a.kpm);
    }
    let program_tahap = |p: ProgramId, t: TahapId| {
        format!(
            "{} {}",
            ds.program[p.indeks()].kode,
            ds.tahap[t.indeks()].kode
        )
    };
    let mut selisih: Vec<_> = dijadwalkan
        .iter()
        .filter_map(|(&(p, t, w), &(kpm, baris))| {
            let a = alokasi.get(&(p, t, w)).copied().unwrap_or(0);
            (a != kpm).then_some((baris, p, t, w, kpm, a))
        })
        .collect();
    selisih.sort_unstable();
    for (baris, p, t, w, kpm, a) in selisih {
        diags.push(diagnostic(
            berkas,
            baris,
            kolom(ds, KOLOM_WILAYAH),
            Some(&ds.wilayah.node(w).kode_teks),
            Problem::JadwalBedaAlokasi {
                program_tahap: program_tahap(p, t),
                dijadwalkan: kpm,
                alokasi: a,
            },
            Severity::Warning,
        ));
    }
    // a region is missing from the schedule only where its kabupaten/kota publishes one for
    // that programme × tahap: the neighbouring kabupaten's Dinsos plans its own days
    let kota_terjadwal: HashSet<(ProgramId, TahapId, Option<WilayahId>)> = slots
        .iter()
        .map(|s| (s.program, s.tahap, ds.wilayah.kabupaten_kota(s.wilayah)))
        .collect();
    let mut tanpa: Vec<_> = alokasi
        .iter()
        .filter(|&(&(p, t, w), &kpm)| {
            kpm > 0
                && kota_terjadwal.contains(&(p, t, ds.wilayah.kabupaten_kota(w)))
                && ds.wilayah.node(w).anak.is_empty()
                && !dijadwalkan.contains_key(&(p, t, w))
        })
        .map(|(&(p, t, w), &kpm)| (w, p, t, kpm))
        .collect();
    tanpa.sort_unstable();
    for (w, p, t, kpm) in tanpa {
        let node = ds.wilayah.node(w);
        diags.push(diagnostic(
            berkas,
            0,
            0,
            None,
            Problem::TanpaJadwal {
                wilayah: format!("{} ({})", node.nama, node.kode_teks),
                program_tahap: program_tahap(p, t),
                alokasi: kpm,
            },
            Severity::Warning,
        ));
    }
    diags
}
