//! `alokasi.csv` and `realisasi.csv`, the two large inputs: read in chunks on all cores, each
//! chunk with its own interned names ([`Lokal`]) merged into the dataset in file order, so that
//! ids and messages do not depend on the number of cores.

#[allow(clippy::wildcard_imports)]
use super::*;

impl super::Loader {
    /// Reads `alokasi.csv` on all cores.
    pub(super) fn alokasi(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        let name = "data/alokasi.csv";
        let Some(mut t) = self.buka(root, name, &ALOKASI, diags) else {
            return;
        };
        // the place in messages: the CSV, or the worksheet read instead
        let tempat = t.name.clone();
        let name = tempat.as_str();
        let chunks = {
            let lookup =
                Lookup::new(ds, &self.tahap_rusak).dengan_nama(self.nama_wilayah.as_ref(), 6, 7);
            t.par_rows(
                Lokal::with_capacity,
                |row, diags, lokal: &mut Lokal<Alokasi>| {
                    let keys = lookup.keys(name, row, lokal, diags);
                    let kpm = match value::count(row.get(4), Expected::Count) {
                        Ok(n) => Some(n),
                        Err(p) => {
                            report(name, row, 4, p, diags);
                            None
                        }
                    };
                    let nilai = nilai(name, row, 5, diags);
                    let (Some((program, tahap, wilayah, penyalur)), Some(kpm), Some(nilai)) =
                        (keys, kpm, nilai)
                    else {
                        return;
                    };
                    let Some(nilai) = nilai_atau_tarif(
                        name,
                        row,
                        4,
                        nilai,
                        kpm,
                        &lookup.programs[program.indeks()],
                        diags,
                    ) else {
                        return;
                    };
                    lokal.rows.push(Alokasi {
                        program,
                        tahap,
                        wilayah,
                        penyalur,
                        kpm,
                        nilai,
                    });
                    lokal.lines.push(row.line);
                },
            )
        };
        let total: usize = chunks.iter().map(|(l, _)| l.rows.len()).sum();
        ds.alokasi.reserve_exact(total);
        let mut lines = Vec::with_capacity(total);
        let mut ejaan = Ejaan::default();
        // the columns' totals, in file order (see `JUMLAH_MAKS`)
        let (mut jumlah_kpm, mut jumlah_nilai) = (Jumlah::default(), Jumlah::default());
        let kolom_nilai = match t.column_number(5) {
            0 => t.column_number(4),
            k => k,
        };
        for (mut lokal, chunk_diags) in chunks {
            diags.extend(chunk_diags);
            ejaan.gabung(std::mem::take(&mut lokal.ejaan));
            let map = self.merge_interned(&lokal, ds, name, t.column_number(3), diags);
            for (mut a, line) in lokal.rows.into_iter().zip(lokal.lines) {
                let Some(penyalur) = map[a.penyalur.indeks()] else {
                    continue;
                };
                a.penyalur = penyalur;
                if let Err(sebelum) = jumlah_kpm.tambah(a.kpm) {
                    diags.push(luap(name, line, t.column_number(4), a.kpm, sebelum));
                }
                if let Some(n) = a.nilai
                    && let Err(sebelum) = jumlah_nilai.tambah(n)
                {
                    diags.push(luap(name, line, kolom_nilai, n, sebelum));
                }
                ds.alokasi.push(a);
                lines.push(line);
            }
        }
        ejaan.peringatan(name, diags);
        // one row per programme × tahap × region × penyalur
        let mut seen: rustc_hash::FxHashMap<(ProgramId, TahapId, WilayahId, PenyalurId), u64> =
            rustc_hash::FxHashMap::default();
        seen.reserve(ds.alokasi.len());
        for (a, &line) in ds.alokasi.iter().zip(&lines) {
            if let Some(&first_line) = seen.get(&(a.program, a.tahap, a.wilayah, a.penyalur)) {
                diags.push(Diagnostic::error(
                    name,
                    line,
                    t.column_number(0),
                    None,
                    Problem::Duplicate { first_line },
                ));
            } else {
                seen.insert((a.program, a.tahap, a.wilayah, a.penyalur), line);
            }
        }
        ds.inputs.push(InputFile::dari(&t));
    }

    /// Reads `realisasi.csv` on all cores.
    pub(super) fn realisasi(&mut self, root: &Path, ds: &mut Dataset, diags: &mut Diagnostics) {
        let name = "data/realisasi.csv";
        let Some(mut t) = self.buka(root, name, &REALISASI, diags) else {
            return;
        };
        // the place in messages: the CSV, or the worksheet read instead
        let tempat = t.name.clone();
        let name = tempat.as_str();
        let chunks = {
            let lookup =
                Lookup::new(ds, &self.tahap_rusak).dengan_nama(self.nama_wilayah.as_ref(), 9, 10);
            t.par_rows(Lokal::with_capacity, |row, diags, lokal| {
                baca_realisasi(&lookup, name, row, diags, lokal)
            })
        };
        let total: usize = chunks.iter().map(|(l, _)| l.rows.len()).sum();
        ds.realisasi.reserve_exact(total);
        // the columns' totals, in file order (see `JUMLAH_MAKS`); the rows do not keep their
        // lines (5 million of them), so the row that passes one is found again afterwards
        let (mut jumlah_kpm, mut jumlah_nilai) = (Jumlah::default(), Jumlah::default());
        let mut luap_di: Option<(usize, usize, u64, u64)> = None;
        let mut ejaan = Ejaan::default();
        for (mut lokal, chunk_diags) in chunks {
            diags.extend(chunk_diags);
            ejaan.gabung(std::mem::take(&mut lokal.ejaan));
            let penyalur = self.merge_interned(&lokal, ds, name, t.column_number(3), diags);
            let alasan: Vec<AlasanId> = lokal
                .alasan
                .iter()
                .zip(&lokal.alasan_baris)
                .map(|(a, &line)| {
                    if let Some(&id) = self.alasan.get(a) {
                        return id;
                    }
                    match AlasanId::baru(ds.alasan.len()) {
                        Some(next) => {
                            ds.alasan.push(a.clone());
                            self.alasan.insert(a.clone(), next);
                            next
                        }
                        None => {
                            if !self.alasan_penuh {
                                self.alasan_penuh = true;
                                diags.push(nama_terlalu_banyak(
                                    name,
                                    line,
                                    t.column_number(6),
                                    a,
                                    JenisNama::Alasan,
                                    ALASAN_MAKS as u64,
                                ));
                            }
                            AlasanId::default()
                        }
                    }
                })
                .collect();
            for mut r in lokal.rows {
                let Some(p) = penyalur[r.penyalur.indeks()] else {
                    continue;
                };
                r.penyalur = p;
                r.alasan = r.alasan.map(|a| alasan[a.indeks()]);
                if let Err(sebelum) = jumlah_kpm.tambah(r.kpm) {
                    luap_di.get_or_insert((ds.realisasi.len(), 7, r.kpm, sebelum));
                }
                if let Some(n) = r.nilai
                    && let Err(sebelum) = jumlah_nilai.tambah(n)
                {
                    let kolom = if t.column_number(8) == 0 { 7 } else { 8 };
                    luap_di.get_or_insert((ds.realisasi.len(), kolom, n, sebelum));
                }
                ds.realisasi.push(r);
            }
        }
        ejaan.peringatan(name, diags);
        if let Some((indeks, kolom, nilai, sebelum)) = luap_di {
            // read again, one row at a time, to the row kept at `indeks` (only when a total
            // does not fit, so this costs nothing otherwise)
            let lookup =
                Lookup::new(ds, &self.tahap_rusak).dengan_nama(self.nama_wilayah.as_ref(), 9, 10);
            let mut lokal = Lokal::with_capacity(0);
            let (mut disimpan, mut line) = (0usize, 0u64);
            t.for_each_row(&mut Diagnostics::new(), |row, d| {
                if line > 0 {
                    return;
                }
                baca_realisasi(&lookup, name, row, d, &mut lokal);
                if !lokal.rows.is_empty() {
                    if disimpan == indeks {
                        line = row.line;
                    }
                    disimpan += 1;
                    lokal.rows.clear();
                }
            });
            diags.push(luap(name, line, t.column_number(kolom), nilai, sebelum));
        }
        ds.inputs.push(InputFile::dari(&t));
    }

    /// Maps a chunk's own penyalur ids to the dataset's, adding new ones in order of first
    /// appearance (penyalur names match without regard to case). The name that would be the
    /// [`PENYALUR_MAKS`]-th + 1 is an error at its first row (in `file`, column `kolom`); it
    /// and any later new name map to `None` (their rows are left out).
    fn merge_interned<T>(
        &mut self,
        lokal: &Lokal<T>,
        ds: &mut Dataset,
        file: &str,
        kolom: u64,
        diags: &mut Diagnostics,
    ) -> Vec<Option<PenyalurId>> {
        lokal
            .penyalur
            .iter()
            .zip(&lokal.penyalur_baris)
            .map(|(p, &line)| {
                let kunci = p.to_lowercase();
                if let Some(&id) = self.penyalur.get(&kunci) {
                    return Some(id);
                }
                let Some(next) = PenyalurId::baru(ds.penyalur.len()) else {
                    if !self.penyalur_penuh {
                        self.penyalur_penuh = true;
                        diags.push(nama_terlalu_banyak(
                            file,
                            line,
                            kolom,
                            p,
                            JenisNama::Penyalur,
                            PENYALUR_MAKS as u64,
                        ));
                    }
                    return None;
                };
                ds.penyalur.push(p.clone());
                self.penyalur.insert(kunci, next);
                Some(next)
            })
            .collect()
    }
}

/// Reads one row of `realisasi.csv` into `lokal` (nothing when it has an error, reported).
fn baca_realisasi(
    lookup: &Lookup,
    name: &str,
    row: &Row,
    diags: &mut Diagnostics,
    lokal: &mut Lokal<Realisasi>,
) {
    let keys = lookup.keys(name, row, lokal, diags);
    let tanggal = match value::date(row.get(4)) {
        Ok(d) => Some(d),
        Err(p) => {
            report(name, row, 4, p, diags);
            None
        }
    };
    let status = match row.get(5) {
        s if s.eq_ignore_ascii_case(b"tersalur") => Some(Status::Tersalur),
        s if s.eq_ignore_ascii_case(b"gagal") => Some(Status::Gagal),
        _ => {
            report(name, row, 5, Problem::Malformed(Expected::Status), diags);
            None
        }
    };
    let kpm = match value::count(row.get(7), Expected::Count) {
        Ok(n) => Some(n),
        Err(p) => {
            report(name, row, 7, p, diags);
            None
        }
    };
    let alasan_text = text(name, row, 6, diags);
    let nilai = nilai(name, row, 8, diags);
    let (
        Some((program, tahap, wilayah, penyalur)),
        Some(tanggal),
        Some(status),
        Some(kpm),
        Some(nilai),
    ) = (keys, tanggal, status, kpm, nilai)
    else {
        return;
    };
    if lookup.outside_tahap(name, row, 4, tahap, tanggal, diags) {
        return;
    }
    let Some(nilai) = nilai_atau_tarif(
        name,
        row,
        7,
        nilai,
        kpm,
        &lookup.programs[program.indeks()],
        diags,
    ) else {
        return;
    };
    let alasan = match (status, alasan_text) {
        // a reason of nothing but spaces or invisible characters is none
        (Status::Gagal, Some(a)) if crate::teks::nama(a).is_empty() => {
            return diags.push(Diagnostic::error(
                name,
                row.line,
                row.column(6),
                None,
                Problem::MissingAlasan,
            ));
        }
        (Status::Gagal, Some(a)) => match lokal.alasan(a, row.line) {
            Some(id) => Some(id),
            None => {
                return diags.push(nama_terlalu_banyak(
                    name,
                    row.line,
                    row.column(6),
                    a,
                    JenisNama::Alasan,
                    ALASAN_MAKS as u64,
                ));
            }
        },
        (Status::Gagal, None) => return,
        (Status::Tersalur, _) => None,
    };
    lokal.rows.push(Realisasi {
        program,
        tahap,
        wilayah,
        penyalur,
        tanggal,
        status,
        alasan,
        kpm,
        nilai,
    });
}

/// Reads an optional money column: `Some(None)` when empty, `None` when malformed (reported).
fn nilai(name: &str, row: &Row, c: usize, diags: &mut Diagnostics) -> Option<Option<u64>> {
    if row.get(c).is_empty() {
        return Some(None);
    }
    match value::money(row.get(c)) {
        Ok(n) => Some(Some(n)),
        Err(p) => {
            report(name, row, c, p, diags);
            None
        }
    }
}

/// The amount of a row: as given, else `kpm × nilai_per_kpm` of its programme (`Some(None)`
/// when neither is known). A product beyond [`JUMLAH_MAKS`] is an error at the row's count
/// (column `c`), and `None` is returned.
fn nilai_atau_tarif(
    name: &str,
    row: &Row,
    c: usize,
    given: Option<u64>,
    kpm: u64,
    p: &Program,
    diags: &mut Diagnostics,
) -> Option<Option<u64>> {
    if given.is_some() {
        return Some(given);
    }
    let Some(tarif) = p.nilai_per_kpm else {
        return Some(None);
    };
    match tarif.checked_mul(kpm).filter(|&n| n <= JUMLAH_MAKS) {
        Some(n) => Some(Some(n)),
        None => {
            report(
                name,
                row,
                c,
                Problem::HasilKaliTerlaluBesar {
                    program: p.kode.clone(),
                    tarif,
                    batas: JUMLAH_MAKS,
                },
                diags,
            );
            None
        }
    }
}

/// What one thread collects from its chunk of rows: the rows, with penyalur and reasons
/// numbered in the chunk's own order (mapped to the dataset's when the chunks are merged).
pub(super) struct Lokal<T> {
    rows: Vec<T>,
    lines: Vec<u64>,
    penyalur: Vec<String>,
    /// The line where each of `penyalur` first appears (for the error of one too many).
    penyalur_baris: Vec<u64>,
    penyalur_id: rustc_hash::FxHashMap<String, PenyalurId>,
    penyalur_terakhir: Option<PenyalurId>,
    /// Whether the chunk's one penyalur too many was reported.
    penyalur_penuh: bool,
    alasan: Vec<String>,
    /// The line where each of `alasan` first appears.
    alasan_baris: Vec<u64>,
    alasan_id: rustc_hash::FxHashMap<String, AlasanId>,
    /// The penyalur names whose spelling was normalised.
    ejaan: Ejaan,
    /// The last region code read (as written) and its region, for [`Lookup::keys`].
    pub(super) kode_terakhir: Vec<u8>,
    pub(super) wilayah_terakhir: Option<WilayahId>,
}

impl<T> Default for Lokal<T> {
    fn default() -> Self {
        Lokal {
            rows: Vec::new(),
            lines: Vec::new(),
            penyalur: Vec::new(),
            penyalur_baris: Vec::new(),
            penyalur_id: rustc_hash::FxHashMap::default(),
            penyalur_terakhir: None,
            penyalur_penuh: false,
            alasan: Vec::new(),
            alasan_baris: Vec::new(),
            alasan_id: rustc_hash::FxHashMap::default(),
            ejaan: Ejaan::default(),
            kode_terakhir: Vec::new(),
            wilayah_terakhir: None,
        }
    }
}

impl<T> Lokal<T> {
    fn with_capacity(rows: usize) -> Self {
        Lokal {
            rows: Vec::with_capacity(rows),
            ..Lokal::default()
        }
    }

    /// The chunk's id of the penyalur `name` (as written in column `c` of `row` of `file`).
    /// Ids are kept by the spelling as written, so a name is normalised
    /// ([`crate::teks::nama`]) once per spelling, not once per row; two spellings of one name
    /// get two ids here that the merge ([`Loader::merge_interned`]) makes one. `None`, with an
    /// error, for a name that is empty once normalised, and when the chunk has already
    /// numbered [`PENYALUR_MAKS`] names (as written: the dataset's names, matched without
    /// regard to case, are counted when the chunks are merged).
    pub(super) fn penyalur(
        &mut self,
        file: &str,
        row: &Row,
        c: usize,
        name: &str,
        diags: &mut Diagnostics,
    ) -> Option<PenyalurId> {
        // rows of one penyalur tend to come together
        if let Some(last) = self.penyalur_terakhir
            && self.penyalur[last.indeks()] == name
        {
            return Some(last);
        }
        if let Some(&id) = self.penyalur_id.get(name) {
            self.penyalur_terakhir = Some(id);
            return Some(id);
        }
        let normal = self.ejaan.nama(name, row.line, row.column(c));
        if normal.is_empty() {
            diags.push(Diagnostic::error(
                file,
                row.line,
                row.column(c),
                None,
                Problem::Malformed(Expected::NonEmpty),
            ));
            return None;
        }
        let Some(id) = PenyalurId::baru(self.penyalur.len()) else {
            if !std::mem::replace(&mut self.penyalur_penuh, true) {
                diags.push(nama_terlalu_banyak(
                    file,
                    row.line,
                    row.column(c),
                    name,
                    JenisNama::Penyalur,
                    PENYALUR_MAKS as u64,
                ));
            }
            return None;
        };
        self.penyalur.push(normal.into_owned());
        self.penyalur_baris.push(row.line);
        self.penyalur_id.insert(name.to_string(), id);
        self.penyalur_terakhir = Some(id);
        Some(id)
    }

    /// The chunk's id of failure reason `text` (first met on `line`), kept normalised like a
    /// name (an invisible character would otherwise hide a word from
    /// [`alasan::KodeAlasan::golongkan`]), without a warning: the text is the operator's and is
    /// never published. `None` beyond [`ALASAN_MAKS`].
    fn alasan(&mut self, text: &str, line: u64) -> Option<AlasanId> {
        if let Some(&id) = self.alasan_id.get(text) {
            return Some(id);
        }
        let id = AlasanId::baru(self.alasan.len())?;
        self.alasan.push(crate::teks::nama(text).into_owned());
        self.alasan_baris.push(line);
        self.alasan_id.insert(text.to_string(), id);
        Some(id)
    }
}
