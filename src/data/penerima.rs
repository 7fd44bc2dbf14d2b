//! Recipient lists (`[[penerima]]` of `site.toml`): the lists "by name, by address" (BNBA) a
//! Dinas Sosial holds from SIKS-NG, PT Pos or a bank, one row per household, counted into the
//! figures as if the operator had written the aggregate rows by hand:
//!
//! - every row counts one KPM into the allocation of its desa/kelurahan (programme × tahap ×
//!   region × penyalur, the penyalur always from `site.toml`: a column's cell could name a
//!   person);
//! - a `tersalur` row one into the realisation on its date, a `gagal` row one into the
//!   failures on its date under its reason's code ([`alasan::KodeAlasan`]); a `belum` row only
//!   into the allocation;
//! - RW counts, when the list has an RW column, feed `salur jadwal usul` ([`Dataset::rw_penerima`]).
//!
//! Privacy: a list is read only when `site.toml` names it, and what is kept of a row is its
//! codes, its date, its status and its reason's *code*: never its NIK (hashed, for the
//! duplicate check, and dropped with the list), its names, its address or its reason as
//! written. The file's name and hash are not listed among the site's sources (a file name may
//! name a person); messages quote only the columns read, masked, never a personal column
//! ([`Table::open_pribadi`]). Files under `data/penerima/` that no `[[penerima]]` names are
//! refused: nothing would guard them.

#[allow(clippy::wildcard_imports)]
use super::*;
use crate::config::{DaftarPenerima, StatusPenerima};
use std::collections::BTreeMap;

/// The folder recipient lists are kept in (which `salur init` leaves out of git).
pub const FOLDER: &str = "data/penerima";

/// The columns of a recipient list, by their names in the list's contract (`[penerima.kolom]`
/// maps the file's own headers onto them). `nik` comes last: [`Table::open_pribadi`] leaves
/// the last optional column out of the NIK guard.
const PENERIMA: Columns = Columns {
    required: &["status"],
    optional: &[
        "program",
        "tahap",
        "kode_wilayah",
        "kelurahan",
        "kecamatan",
        "kabupaten",
        "rw",
        "tanggal",
        "alasan",
        "nik",
    ],
};
const K_STATUS: usize = 0;
const K_PROGRAM: usize = 1;
const K_TAHAP: usize = 2;
const K_KODE: usize = 3;
const K_KELURAHAN: usize = 4;
const K_KECAMATAN: usize = 5;
const K_KABUPATEN: usize = 6;
const K_RW: usize = 7;
const K_TANGGAL: usize = 8;
const K_ALASAN: usize = 9;
const K_NIK: usize = 10;

/// What one recipient list gave to the figures, for `salur check` to tie out against the
/// source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RingkasPenerima {
    /// The file, as `site.toml` names it.
    pub berkas: String,
    /// Rows counted (each one household).
    pub baris: u64,
    /// KPM counted into the allocation (every row).
    pub alokasi: u64,
    /// KPM counted as paid.
    pub tersalur: u64,
    /// KPM counted as failed.
    pub gagal: u64,
    /// KPM not paid yet.
    pub belum: u64,
}

/// A programme × tahap × region × penyalur: what an allocation row is counted by.
type KunciAlokasi = (ProgramId, TahapId, WilayahId, PenyalurId);

/// A realisation row's key: its allocation's, the day, the status and the reason's code.
type KunciRealisasi = (KunciAlokasi, Date, bool, Option<alasan::KodeAlasan>);

/// The status words a list is read with when `[penerima.status]` names none.
const STATUS_BAWAAN: [(&str, StatusPenerima); 3] = [
    ("tersalur", StatusPenerima::Tersalur),
    ("gagal", StatusPenerima::Gagal),
    ("belum", StatusPenerima::Belum),
];

/// A region's name as lists write it, reduced for matching: lower case, letters and digits
/// only (no spaces, apostrophes or dashes: `TAPAAN` is `Tapa'an`, `SUKOREJO LOR` is
/// `Sukorejo-Lor`), and a leading desa/kelurahan kind word (`Kel.`, `Kelurahan`, `Desa`,
/// `Ds.`) dropped: `KEL. KANIGARAN` and `Kanigaran` are one name.
fn kunci_nama(s: &str) -> String {
    kunci_dengan(s, &["kel", "kelurahan", "desa", "ds"])
}

/// A kecamatan's name reduced for matching, as [`kunci_nama`] with `Kec.`/`Kecamatan` as its
/// kind words: a desa's key keeps them, so that `Kecamatan Gadingrejo` is never taken for
/// Kelurahan Gadingrejo.
fn kunci_kecamatan(s: &str) -> String {
    kunci_dengan(s, &["kec", "kecamatan"])
}

fn kunci_dengan(s: &str, jenis: &[&str]) -> String {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '’' | '`' | '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let awal = match words.first() {
        Some(w) if jenis.contains(w) && words.len() > 1 => 1,
        _ => 0,
    };
    words[awal..]
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A status word reduced for matching, like a name: lower case, letters and digits only
/// (`Gagal-Salur`, `gagal  salur` and `GAGAL SALUR` are one word).
fn kunci_kata(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A kabupaten/kota's name reduced for matching: as [`kunci_nama`], with `Kab.` written
/// `kabupaten` (and `Kota`/`Kabupaten` kept: Kota Pasuruan is not Kabupaten Pasuruan).
fn kunci_kabupaten(s: &str) -> String {
    let lower = s.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| if w == "kab" { "kabupaten" } else { w })
        .collect()
}

/// The desa/kelurahan of the region tree by name: a recipient list's, or an aggregate row's
/// `kode_wilayah` written as a name ([`Lookup::wilayah_at`]).
pub(super) struct NamaWilayah {
    desa: HashMap<String, Vec<WilayahId>>,
    /// Each name's answer, once worked out: a list repeats a handful of names over thousands
    /// of rows.
    jawaban: HashMap<(String, String, String), Result<WilayahId, Problem>>,
}

impl NamaWilayah {
    pub(super) fn new(tree: &WilayahTree) -> NamaWilayah {
        let mut desa: HashMap<String, Vec<WilayahId>> = HashMap::default();
        for i in 0..tree.len() {
            let Some(id) = WilayahId::baru(i) else {
                break;
            };
            let node = tree.node(id);
            if node.tingkat == Tingkat::DesaKelurahan {
                desa.entry(kunci_nama(&node.nama)).or_default().push(id);
            }
        }
        NamaWilayah {
            desa,
            jawaban: HashMap::default(),
        }
    }

    /// The one desa/kelurahan named `kelurahan`, within the kecamatan and kabupaten/kota named
    /// (when given).
    fn cari(
        &mut self,
        tree: &WilayahTree,
        kelurahan: &str,
        kecamatan: &str,
        kabupaten: &str,
    ) -> Result<WilayahId, Problem> {
        let kunci = (
            kunci_nama(kelurahan),
            kunci_kecamatan(kecamatan),
            kunci_kabupaten(kabupaten),
        );
        if let Some(j) = self.jawaban.get(&kunci) {
            return j.clone();
        }
        let jawaban = self.jawab(tree, &kunci, true);
        self.jawaban.insert(kunci, jawaban.clone());
        jawaban
    }

    /// Like [`NamaWilayah::cari`], without remembering the answer (shared by the threads
    /// reading a large input); `saran`: whether to look for the nearest name when there is
    /// none (a scan of every name, worth it only for a message that is shown).
    pub(super) fn cari_saja(
        &self,
        tree: &WilayahTree,
        kelurahan: &str,
        kecamatan: &str,
        kabupaten: &str,
        saran: bool,
    ) -> Result<WilayahId, Problem> {
        let kunci = (
            kunci_nama(kelurahan),
            kunci_kecamatan(kecamatan),
            kunci_kabupaten(kabupaten),
        );
        self.jawab(tree, &kunci, saran)
    }

    fn jawab(
        &self,
        tree: &WilayahTree,
        kunci: &(String, String, String),
        saran: bool,
    ) -> Result<WilayahId, Problem> {
        let cocok = |id: &WilayahId| {
            let node = tree.node(*id);
            let kec_ok = kunci.1.is_empty()
                || node
                    .induk
                    .is_some_and(|k| kunci_kecamatan(&tree.node(k).nama) == kunci.1);
            let kab_ok = kunci.2.is_empty()
                || tree
                    .kabupaten_kota(*id)
                    .is_some_and(|k| kunci_kabupaten(&tree.node(k).nama) == kunci.2);
            kec_ok && kab_ok
        };
        let calon: Vec<WilayahId> = self
            .desa
            .get(&kunci.0)
            .map(|v| v.iter().copied().filter(cocok).collect())
            .unwrap_or_default();
        let di_mana_saja: Vec<WilayahId> = self.desa.get(&kunci.0).cloned().unwrap_or_default();
        match calon.as_slice() {
            [id] => Ok(*id),
            // the name is a desa/kelurahan's, but in another kecamatan (or kabupaten/kota)
            [] if !di_mana_saja.is_empty() => {
                let mut kecamatan: Vec<String> = di_mana_saja
                    .iter()
                    .filter_map(|&id| tree.node(id).induk)
                    .map(|k| tree.node(k).nama.clone())
                    .collect();
                kecamatan.sort();
                kecamatan.dedup();
                Err(Problem::DesaDiKecamatanLain {
                    kecamatan: kecamatan.join(", "),
                })
            }
            [] if !saran => Err(Problem::NamaWilayahTidakDikenal { nearest: None }),
            [] => {
                // the nearest name among the desa/kelurahan the other columns allow
                let nama: Vec<&str> = self
                    .desa
                    .iter()
                    .filter(|(_, ids)| ids.iter().any(cocok))
                    .map(|(n, _)| n.as_str())
                    .collect();
                let nearest = crate::dasar::saran::nearest(&kunci.0, nama.iter().copied())
                    .and_then(|n| self.desa.get(&n)?.iter().copied().find(cocok))
                    .map(|id| tree.node(id).nama.clone());
                Err(Problem::NamaWilayahTidakDikenal { nearest })
            }
            banyak => {
                let kandidat: Vec<String> = banyak
                    .iter()
                    .map(|&id| {
                        let n = tree.node(id);
                        let kec = n.induk.map_or("", |k| tree.node(k).nama.as_str());
                        format!("{} {} ({kec})", n.kode_teks, n.nama)
                    })
                    .collect();
                Err(Problem::NamaWilayahGanda {
                    kandidat: kandidat.join(", "),
                })
            }
        }
    }
}

/// The households of one list, counted.
#[derive(Default)]
struct Hitungan {
    alokasi: BTreeMap<KunciAlokasi, (u64, u64)>,
    realisasi: BTreeMap<KunciRealisasi, u64>,
    rw: BTreeMap<(WilayahId, String), u64>,
    ringkas: RingkasPenerima,
}

impl super::Loader {
    /// Reads every `[[penerima]]` list into `ds`, after the aggregate inputs (whose rows for
    /// the same programme × tahap × region would count the same households twice).
    pub(super) fn penerima(
        &mut self,
        root: &Path,
        daftar: &[DaftarPenerima],
        ds: &mut Dataset,
        diags: &mut Diagnostics,
    ) {
        if daftar.is_empty() {
            return;
        }
        // each list once, under data/penerima/ (which `init` keeps out of git, and nothing
        // else reads: not the theme's static files, not the aggregate inputs)
        let mut rusak = false;
        for (i, d) in daftar.iter().enumerate() {
            let berkas = d.berkas.trim_start_matches("./");
            let di_folder = berkas
                .strip_prefix(FOLDER)
                .and_then(|r| r.strip_prefix('/'))
                .is_some_and(|r| {
                    !r.is_empty() && r.split('/').all(|b| !matches!(b, "" | "." | ".."))
                });
            if !di_folder {
                rusak = true;
                diags.push(Diagnostic::error(
                    crate::config::CONFIG_FILE,
                    d.di.0,
                    d.di.1,
                    Some(&crate::teks::samarkan_teks(&d.berkas)),
                    Problem::PenerimaDiLuarFolder,
                ));
            } else if let Some(lain) = daftar[..i]
                .iter()
                .find(|l| l.berkas.trim_start_matches("./") == berkas)
            {
                rusak = true;
                diags.push(Diagnostic::error(
                    crate::config::CONFIG_FILE,
                    d.di.0,
                    d.di.1,
                    Some(&crate::teks::samarkan_teks(&d.berkas)),
                    Problem::PenerimaGanda { baris: lain.di.0 },
                ));
            }
            // a column of `[penerima.kolom]` the list does not have
            let semua = || PENERIMA.required.iter().chain(PENERIMA.optional).copied();
            for k in &d.kolom {
                if !semua().any(|c| c == k.kontrak) {
                    rusak = true;
                    diags.push(super::kunci_asing(k.di, &k.kontrak, semua()));
                }
            }
            // the penyalur from site.toml only: a column's cell could name a person
            if d.penyalur.is_none() {
                rusak = true;
                diags.push(Diagnostic::error(
                    crate::config::CONFIG_FILE,
                    d.entri_di.0,
                    d.entri_di.1,
                    None,
                    Problem::MissingKey {
                        key: "penyalur".to_string(),
                    },
                ));
            }
        }
        if rusak {
            return;
        }
        let mut hitungan = Vec::new();
        let mut nama = NamaWilayah::new(&ds.wilayah);
        // every NIK of every list: one household in two lists counts twice too
        let mut nik: HashMap<u64, (usize, u64)> = HashMap::default();
        for (i, d) in daftar.iter().enumerate() {
            let mut d_list = Diagnostics::new();
            let h = self.satu_daftar(root, d, (i, daftar), ds, &mut nama, &mut nik, &mut d_list);
            // a list's cell may be a name whatever its column: quoted masked (its headers
            // are the export's, not a person's)
            d_list.ganti_nilai(|diag, v| {
                let header = matches!(
                    diag.problem,
                    Problem::KolomPribadiDibaca { .. } | Problem::DuplicateColumn { .. }
                );
                (diag.file.starts_with(d.berkas.trim_start_matches("./")) && !header)
                    .then(|| crate::teks::samarkan_pribadi(v))
            });
            diags.extend(d_list);
            if let Some(h) = h {
                hitungan.push(h);
            }
        }

        // What the aggregate files count, by programme × tahap × region and by every region
        // above it: a list's households must not be counted by aggregate rows too, at their
        // region, above it or below it.
        let mut agregat: HashMap<(ProgramId, TahapId, WilayahId), &'static str> =
            HashMap::default();
        let mut di_bawah: HashMap<(ProgramId, TahapId, WilayahId), &'static str> =
            HashMap::default();
        let baris = ds
            .alokasi
            .iter()
            .map(|a| (a.program, a.tahap, a.wilayah, "data/alokasi.csv"))
            .chain(
                ds.realisasi
                    .iter()
                    .map(|r| (r.program, r.tahap, r.wilayah, "data/realisasi.csv")),
            );
        for (p, t, w, f) in baris {
            if agregat.insert((p, t, w), f).is_none() {
                for a in ds.wilayah.ancestors(w) {
                    di_bawah.entry((p, t, a)).or_insert(f);
                }
            }
        }
        let berkas_agregat = |f: &'static str| -> String {
            ds.inputs
                .iter()
                .find(|i| i.adalah(f))
                .map_or(f.to_string(), |i| i.path.clone())
        };
        let mut bertumpuk = 0usize;
        for (h, d) in hitungan.iter().zip(daftar) {
            let mut dilapor: rustc_hash::FxHashSet<(ProgramId, TahapId, WilayahId)> =
                rustc_hash::FxHashSet::default();
            for &(p, t, w, _) in h.alokasi.keys() {
                let lain = std::iter::once(w)
                    .chain(ds.wilayah.ancestors(w))
                    .find_map(|a| agregat.get(&(p, t, a)).copied())
                    .or_else(|| di_bawah.get(&(p, t, w)).copied());
                if let Some(f) = lain
                    && dilapor.insert((p, t, w))
                {
                    bertumpuk += 1;
                    diags.push(Diagnostic::error(
                        &d.berkas,
                        0,
                        0,
                        Some(&ds.wilayah.node(w).kode_teks),
                        Problem::PenerimaBertumpuk {
                            program: ds.program[p.indeks()].kode.clone(),
                            tahap: ds.tahap[t.indeks()].kode.clone(),
                            berkas: berkas_agregat(f),
                        },
                    ));
                }
            }
        }
        if bertumpuk > 0 {
            return;
        }
        let mut jumlah_nilai = Jumlah::default();
        for a in &ds.alokasi {
            if let Some(n) = a.nilai {
                let _ = jumlah_nilai.tambah(n);
            }
        }
        // every figure is a sum of these columns: their totals, the aggregate rows' and the
        // lists', stay within `JUMLAH_MAKS` as one file's must
        let mut jumlah_realisasi = Jumlah::default();
        for r in &ds.realisasi {
            if let Some(n) = r.nilai {
                let _ = jumlah_realisasi.tambah(n);
            }
        }
        for (h, d) in hitungan.into_iter().zip(daftar) {
            for ((program, tahap, wilayah, penyalur), (kpm, baris)) in h.alokasi {
                let nilai = match ds.program[program.indeks()].nilai_per_kpm {
                    None => None,
                    Some(tarif) => {
                        let n = tarif.saturating_mul(kpm);
                        if let Err(sebelum) = jumlah_nilai.tambah(n) {
                            diags.push(luap(&d.berkas, baris, 0, n, sebelum));
                        }
                        Some(n)
                    }
                };
                ds.alokasi.push(Alokasi {
                    program,
                    tahap,
                    wilayah,
                    penyalur,
                    kpm,
                    nilai,
                });
            }
            for (((program, tahap, wilayah, penyalur), tanggal, tersalur, kode), kpm) in h.realisasi
            {
                let alasan = match kode {
                    None => None,
                    Some(k) => self.alasan_kode(k, ds),
                };
                let nilai = ds.program[program.indeks()].nilai_per_kpm.map(|tarif| {
                    let n = tarif.saturating_mul(kpm);
                    if let Err(sebelum) = jumlah_realisasi.tambah(n) {
                        diags.push(luap(&d.berkas, 0, 0, n, sebelum));
                    }
                    n
                });
                ds.realisasi.push(Realisasi {
                    program,
                    tahap,
                    wilayah,
                    penyalur,
                    tanggal,
                    status: if tersalur {
                        Status::Tersalur
                    } else {
                        Status::Gagal
                    },
                    alasan,
                    kpm,
                    nilai,
                });
            }
            for ((wilayah, rw), kpm) in h.rw {
                ds.rw_penerima.push(rw::JumlahRw { wilayah, rw, kpm });
            }
            ds.penerima.push(h.ringkas);
        }
    }

    /// The dataset's id of failure reason `kode`, written as its code's words
    /// (`tidak tahu jadwal`), which [`alasan::KodeAlasan::golongkan`] reads back as the same
    /// code: a list's reasons as written never enter the dataset.
    fn alasan_kode(&mut self, kode: alasan::KodeAlasan, ds: &mut Dataset) -> Option<AlasanId> {
        let teks = kode.kode().replace('_', " ");
        if let Some(&id) = self.alasan.get(&teks) {
            return Some(id);
        }
        let id = AlasanId::baru(ds.alasan.len())?;
        ds.alasan.push(teks.clone());
        self.alasan.insert(teks, id);
        Some(id)
    }

    /// The dataset's id of penyalur `nama` (matched without regard to case, as in the
    /// aggregate files).
    pub(super) fn penyalur_nama(&mut self, nama: &str, ds: &mut Dataset) -> Option<PenyalurId> {
        let normal = crate::teks::nama(nama).into_owned();
        if normal.is_empty() {
            return None;
        }
        let kunci = normal.to_lowercase();
        if let Some(&id) = self.penyalur.get(&kunci) {
            return Some(id);
        }
        let id = PenyalurId::baru(ds.penyalur.len())?;
        ds.penyalur.push(normal);
        self.penyalur.insert(kunci, id);
        Some(id)
    }

    /// Reads and counts one list; `None` when it could not be read (reported).
    #[allow(clippy::too_many_arguments)]
    fn satu_daftar(
        &mut self,
        root: &Path,
        d: &DaftarPenerima,
        (ke, daftar): (usize, &[DaftarPenerima]),
        ds: &mut Dataset,
        nama: &mut NamaWilayah,
        nik: &mut HashMap<u64, (usize, u64)>,
        diags: &mut Diagnostics,
    ) -> Option<Hitungan> {
        let name = d.berkas.as_str();
        let ada = std::fs::symlink_metadata(root.join(name)).is_ok();
        if !ada {
            diags.push(Diagnostic::error(name, 0, 0, None, Problem::MissingFile));
            return None;
        }
        let mut t = Table::open_pribadi(root, name, &PENERIMA, self.batas, &d.kolom, diags)?;
        let tempat = t.name.clone();
        let name = tempat.as_str();
        let site = crate::config::CONFIG_FILE;
        // the columns a list needs, by what site.toml gives instead
        let mut kurang = Vec::new();
        for (c, kolom, tetap) in [
            (K_PROGRAM, "program", d.program.is_some()),
            (K_TAHAP, "tahap", d.tahap.is_some()),
        ] {
            if !tetap && t.column_number(c) == 0 {
                kurang.push(kolom);
            }
        }
        if t.column_number(K_KODE) == 0 && t.column_number(K_KELURAHAN) == 0 {
            kurang.push("kode_wilayah");
        }
        for kolom in &kurang {
            diags.push(Diagnostic::error(
                name,
                1,
                0,
                None,
                Problem::MissingColumn {
                    column: (*kolom).to_string(),
                },
            ));
        }
        // the fixed values of site.toml
        let lookup_program = |kode: &str| {
            ds.program
                .iter()
                .position(|p| p.kode.eq_ignore_ascii_case(kode))
                .and_then(ProgramId::baru)
        };
        let lookup_tahap = |kode: &str| {
            ds.tahap
                .iter()
                .position(|p| p.kode.eq_ignore_ascii_case(kode))
                .and_then(TahapId::baru)
        };
        let mut tetap_rusak = false;
        let program_tetap = d.program.as_ref().map(|(k, di)| {
            let id = lookup_program(k);
            if id.is_none() {
                tetap_rusak = true;
                diags.push(Diagnostic::error(
                    site,
                    di.0,
                    di.1,
                    Some(k),
                    Problem::UnknownCode {
                        kind: CodeKind::Program,
                        nearest: crate::dasar::saran::nearest(
                            k,
                            ds.program.iter().map(|p| p.kode.as_str()),
                        ),
                        berkas: berkas_kode(&ds.inputs, CodeKind::Program),
                    },
                ));
            }
            id
        });
        let tahap_tetap = d.tahap.as_ref().map(|(k, di)| {
            let id = lookup_tahap(k);
            if id.is_none() {
                tetap_rusak = true;
                diags.push(Diagnostic::error(
                    site,
                    di.0,
                    di.1,
                    Some(k),
                    Problem::UnknownCode {
                        kind: CodeKind::Tahap,
                        nearest: crate::dasar::saran::nearest(
                            k,
                            ds.tahap.iter().map(|t| t.kode.as_str()),
                        ),
                        berkas: berkas_kode(&ds.inputs, CodeKind::Tahap),
                    },
                ));
            }
            id
        });
        let penyalur = match d.penyalur.as_ref() {
            Some((p, di)) => match self.penyalur_nama(p, ds) {
                Some(id) => Some(id),
                None => {
                    tetap_rusak = true;
                    diags.push(Diagnostic::error(
                        site,
                        di.0,
                        di.1,
                        None,
                        Problem::Malformed(Expected::NonEmpty),
                    ));
                    None
                }
            },
            None => None,
        };
        let (false, false, Some(penyalur)) = (!kurang.is_empty(), tetap_rusak, penyalur) else {
            return None;
        };
        let status_kata: Vec<(String, StatusPenerima)> = if d.status.is_empty() {
            STATUS_BAWAAN
                .iter()
                .map(|(k, s)| ((*k).to_string(), *s))
                .collect()
        } else {
            d.status.clone()
        };
        let dikenal = status_kata
            .iter()
            .map(|(k, _)| k.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let status_kunci: Vec<(String, StatusPenerima)> = status_kata
            .iter()
            .map(|(k, st)| (kunci_kata(k), *st))
            .collect();
        let ada_nik = t.column_number(K_NIK) > 0;
        let ada_rw = t.column_number(K_RW) > 0;
        let ada_tanggal = t.column_number(K_TANGGAL) > 0;
        let mut h = Hitungan {
            ringkas: RingkasPenerima {
                berkas: d.berkas.clone(),
                ..RingkasPenerima::default()
            },
            ..Hitungan::default()
        };
        let mut tanpa_tanggal = false;
        {
            let lookup = Lookup::new(ds, &self.tahap_rusak);
            let mut rows: Vec<(u64, KunciBaris)> = Vec::new();
            t.for_each_row(diags, |row, diags| {
                let status = {
                    let s = kunci_kata(&String::from_utf8_lossy(row.get(K_STATUS)));
                    match status_kunci.iter().find(|(k, _)| *k == s) {
                        Some((_, st)) => Some(*st),
                        None => {
                            diags.push(Diagnostic::error(
                                name,
                                row.line,
                                row.column(K_STATUS),
                                Some(&crate::teks::samarkan(row.get(K_STATUS))),
                                Problem::StatusPenerima {
                                    dikenal: dikenal.clone(),
                                },
                            ));
                            None
                        }
                    }
                };
                let program = match program_tetap {
                    Some(p) => p,
                    None => lookup.code(name, row, K_PROGRAM, CodeKind::Program, diags),
                };
                let tahap = match tahap_tetap {
                    Some(t) => t,
                    None => lookup.code(name, row, K_TAHAP, CodeKind::Tahap, diags),
                };
                let wilayah = if row.has(K_KODE) {
                    // a household lives in a desa/kelurahan
                    lookup.wilayah_at(name, row, K_KODE, diags).filter(|&w| {
                        let desa = lookup.wilayah.node(w).tingkat == Tingkat::DesaKelurahan;
                        if !desa {
                            report(name, row, K_KODE, Problem::BukanDesaKelurahan, diags);
                        }
                        desa
                    })
                } else {
                    let teks = |c| String::from_utf8_lossy(row.get(c)).into_owned();
                    match nama.cari(
                        lookup.wilayah,
                        &teks(K_KELURAHAN),
                        &teks(K_KECAMATAN),
                        &teks(K_KABUPATEN),
                    ) {
                        Ok(id) => Some(id),
                        // not in the kecamatan named: said at the kecamatan's cell
                        Err(p @ Problem::DesaDiKecamatanLain { .. }) if row.has(K_KECAMATAN) => {
                            report(name, row, K_KECAMATAN, p, diags);
                            None
                        }
                        Err(p) => {
                            report(name, row, K_KELURAHAN, p, diags);
                            None
                        }
                    }
                };
                let tanggal = match status {
                    Some(StatusPenerima::Tersalur | StatusPenerima::Gagal) if !ada_tanggal => {
                        tanpa_tanggal = true;
                        None
                    }
                    Some(StatusPenerima::Tersalur | StatusPenerima::Gagal) => {
                        match value::date(row.get(K_TANGGAL)) {
                            Ok(d) => Some(Some(d)),
                            Err(p) => {
                                report(name, row, K_TANGGAL, p, diags);
                                None
                            }
                        }
                    }
                    _ => Some(None),
                };
                let alasan = match status {
                    Some(StatusPenerima::Gagal) => Some(alasan::KodeAlasan::golongkan(
                        &String::from_utf8_lossy(row.get(K_ALASAN)),
                    )),
                    _ => None,
                };
                if ada_nik {
                    let digit: Vec<u8> = row
                        .get(K_NIK)
                        .iter()
                        .copied()
                        .filter(u8::is_ascii_digit)
                        .collect();
                    if !digit.is_empty() {
                        let kunci = xxhash_rust::xxh3::xxh3_64(&digit);
                        if let Some(&(di, pertama)) = nik.get(&kunci) {
                            diags.push(Diagnostic::error(
                                name,
                                row.line,
                                row.column(K_NIK),
                                Some(&crate::teks::samarkan_semua(&String::from_utf8_lossy(
                                    row.get(K_NIK),
                                ))),
                                Problem::NikGanda {
                                    baris_pertama: pertama,
                                    berkas: (di != ke).then(|| daftar[di].berkas.clone()),
                                },
                            ));
                            return;
                        }
                        nik.insert(kunci, (ke, row.line));
                    }
                }
                // an RW is a number (`03`, `RW 03`): anything else (a name typed in the wrong
                // column) would be published on the schedule
                let rw = if ada_rw {
                    let s = String::from_utf8_lossy(row.get(K_RW));
                    let s = s.trim();
                    if s.is_empty() {
                        Some(None)
                    } else {
                        let rw = value::rw(s);
                        if rw.bytes().all(|b| b.is_ascii_digit()) {
                            Some(Some(rw))
                        } else {
                            report(name, row, K_RW, Problem::Malformed(Expected::Rw), diags);
                            None
                        }
                    }
                } else {
                    Some(None)
                };
                let Some(rw) = rw else {
                    return;
                };
                let (Some(status), Some(program), Some(tahap), Some(wilayah), Some(tanggal)) =
                    (status, program, tahap, wilayah, tanggal)
                else {
                    return;
                };
                if let Some(d) = tanggal
                    && lookup.outside_tahap(name, row, K_TANGGAL, tahap, d, diags)
                {
                    return;
                }
                rows.push((
                    row.line,
                    KunciBaris {
                        program,
                        tahap,
                        wilayah,
                        status,
                        tanggal,
                        alasan,
                        rw,
                    },
                ));
            });
            if tanpa_tanggal {
                diags.push(Diagnostic::error(
                    name,
                    1,
                    0,
                    None,
                    Problem::MissingColumn {
                        column: "tanggal".to_string(),
                    },
                ));
                return None;
            }
            drop(lookup);
            for (line, k) in rows {
                let kunci = (k.program, k.tahap, k.wilayah, penyalur);
                let a = h.alokasi.entry(kunci).or_insert((0, line));
                a.0 += 1;
                h.ringkas.baris += 1;
                h.ringkas.alokasi += 1;
                match (k.status, k.tanggal) {
                    (StatusPenerima::Tersalur, Some(d)) => {
                        *h.realisasi.entry((kunci, d, true, None)).or_insert(0) += 1;
                        h.ringkas.tersalur += 1;
                    }
                    (StatusPenerima::Gagal, Some(d)) => {
                        *h.realisasi.entry((kunci, d, false, k.alasan)).or_insert(0) += 1;
                        h.ringkas.gagal += 1;
                    }
                    _ => h.ringkas.belum += 1,
                }
                if let Some(rw) = k.rw {
                    *h.rw.entry((k.wilayah, rw)).or_insert(0) += 1;
                }
            }
        }
        Some(h)
    }
}

/// What is kept of one row of a list: codes, status, date, the reason's code, the RW.
struct KunciBaris {
    program: ProgramId,
    tahap: TahapId,
    wilayah: WilayahId,
    status: StatusPenerima,
    tanggal: Option<Date>,
    alasan: Option<alasan::KodeAlasan>,
    rw: Option<String>,
}

/// Files under [`FOLDER`] that no `[[penerima]]` names: refused, each at its path.
pub(super) fn periksa_folder(root: &Path, daftar: &[DaftarPenerima], diags: &mut Diagnostics) {
    let folder = root.join(FOLDER);
    if !folder.is_dir() {
        return;
    }
    let dinyatakan: Vec<std::path::PathBuf> = daftar
        .iter()
        .map(|d| root.join(d.berkas.trim_start_matches("./")))
        .collect();
    let mut tak: Vec<String> = Vec::new();
    for e in walkdir::WalkDir::new(&folder)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_dir() {
            continue;
        }
        let nama = e.file_name().to_string_lossy();
        // `.gitkeep`, `.gitignore`: a folder's own files, not lists
        if nama.starts_with('.') {
            continue;
        }
        if dinyatakan.iter().any(|d| d == e.path()) {
            continue;
        }
        let rel = e.path().strip_prefix(root).map_or_else(
            |_| e.path().display().to_string(),
            |p| p.display().to_string(),
        );
        tak.push(rel);
    }
    tak.sort();
    for rel in tak {
        diags.push(Diagnostic::error(
            &crate::teks::samarkan_teks(&rel),
            0,
            0,
            None,
            Problem::PenerimaTidakDideklarasi,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reasons_code_words_read_back_as_the_same_code() {
        for k in alasan::KodeAlasan::SEMUA {
            assert_eq!(
                alasan::KodeAlasan::golongkan(&k.kode().replace('_', " ")),
                k
            );
        }
    }

    #[test]
    fn region_names_match_without_case_punctuation_or_kind_word() {
        assert_eq!(kunci_nama("KEL. KANIGARAN"), "kanigaran");
        assert_eq!(kunci_nama("Kelurahan  Kanigaran"), "kanigaran");
        assert_eq!(kunci_nama("DESA SUKAMAJU"), "sukamaju");
        assert_eq!(kunci_nama("Ds.Sukamaju"), "sukamaju");
        assert_eq!(kunci_kecamatan("Kec. Gadingrejo"), "gadingrejo");
        // a kecamatan is never a desa of the same name
        assert_ne!(kunci_nama("Kecamatan Gadingrejo"), kunci_nama("Gadingrejo"));
        // a name that is only a kind word stays itself
        assert_eq!(kunci_nama("Desa"), "desa");
        assert_eq!(kunci_kabupaten("KAB. PASURUAN"), "kabupatenpasuruan");
        assert_eq!(kunci_nama("TAPAAN"), kunci_nama("Tapa'an"));
        assert_eq!(kunci_nama("SUKOREJO LOR"), kunci_nama("Kel. Sukorejo-Lor"));
        assert_eq!(kunci_kata("Gagal-Salur"), kunci_kata("gagal  SALUR"));
        assert_ne!(
            kunci_kabupaten("Kota Pasuruan"),
            kunci_kabupaten("Kab. Pasuruan")
        );
    }
}
