//! Finding a row's codes (programme, tahap, region, payment point) in the dataset: shared,
//! read-only, by every reader of `data/`, on every core.

use super::realisasi::Lokal;
#[allow(clippy::wildcard_imports)]
use super::*;

/// Read-only lookups shared by the threads reading allocation and realisation rows.
pub(super) struct Lookup<'d> {
    pub(super) programs: &'d [Program],
    pub(super) tahap: &'d [Tahap],
    pub(super) tahap_rusak: &'d [bool],
    pub(super) wilayah: &'d WilayahTree,
    /// The inputs read so far, to name a referenced file as the operator has it.
    pub(super) inputs: &'d [InputFile],
    /// Programme and tahap codes by hash, when there are more than [`KODE_PINDAI`] of them.
    program_indeks: Option<IndeksKode<'d>>,
    tahap_indeks: Option<IndeksKode<'d>>,
    /// The desa/kelurahan by name, with the positions of the table's `kecamatan` and
    /// `kabupaten` columns: a `kode_wilayah` written as a name is looked up there.
    nama: Option<(&'d super::penerima::NamaWilayah, usize, usize)>,
}

/// Up to this many programmes (or tahap) a row's code is found by a scan, without hashing or
/// allocating (a site has a handful); beyond, by [`IndeksKode`] (65.536 programmes scanned for
/// each of 5 million rows would take minutes).
const KODE_PINDAI: usize = 16;

/// Codes by hash: as written, and in upper case (codes are ASCII) for any letter case; each
/// the first of its kind in file order, as a scan finds it.
struct IndeksKode<'d> {
    persis: rustc_hash::FxHashMap<&'d [u8], u16>,
    besar: rustc_hash::FxHashMap<Vec<u8>, u16>,
}

impl<'d> IndeksKode<'d> {
    fn new(kode: impl Iterator<Item = &'d str>) -> Option<IndeksKode<'d>> {
        let kode: Vec<&'d str> = kode.collect();
        if kode.len() <= KODE_PINDAI {
            return None;
        }
        let mut persis = rustc_hash::FxHashMap::default();
        let mut besar = rustc_hash::FxHashMap::default();
        for (i, k) in kode.iter().enumerate() {
            let Ok(i) = u16::try_from(i) else { break };
            persis.entry(k.as_bytes()).or_insert(i);
            besar.entry(k.as_bytes().to_ascii_uppercase()).or_insert(i);
        }
        Some(IndeksKode { persis, besar })
    }

    fn cari(&self, raw: &[u8]) -> Option<usize> {
        self.persis
            .get(raw)
            .or_else(|| self.besar.get(&raw.to_ascii_uppercase()))
            .map(|&i| usize::from(i))
    }
}

impl<'d> Lookup<'d> {
    pub(super) fn new(ds: &'d Dataset, tahap_rusak: &'d [bool]) -> Lookup<'d> {
        Lookup {
            programs: &ds.program,
            tahap: &ds.tahap,
            tahap_rusak,
            wilayah: &ds.wilayah,
            inputs: &ds.inputs,
            program_indeks: IndeksKode::new(ds.program.iter().map(|p| p.kode.as_str())),
            tahap_indeks: IndeksKode::new(ds.tahap.iter().map(|t| t.kode.as_str())),
            nama: None,
        }
    }

    /// This lookup, reading a `kode_wilayah` that is a name (`KEL. KANIGARAN`) as the
    /// desa/kelurahan of that name, within the kecamatan and kabupaten/kota of columns
    /// `kecamatan` and `kabupaten` (positions in the table's columns) when the row gives them.
    pub(super) fn dengan_nama(
        mut self,
        nama: Option<&'d super::penerima::NamaWilayah>,
        kecamatan: usize,
        kabupaten: usize,
    ) -> Lookup<'d> {
        self.nama = nama.map(|n| (n, kecamatan, kabupaten));
        self
    }

    /// The file (or files) the codes of `kind` come from, as the operator has them.
    pub(super) fn berkas(&self, kind: CodeKind) -> String {
        berkas_kode(self.inputs, kind)
    }

    /// Resolves the program, tahap, wilayah and penyalur columns (0..4) of an
    /// alokasi/realisasi row, reporting every one that does not resolve.
    pub(super) fn keys<T>(
        &self,
        name: &str,
        row: &Row,
        lokal: &mut Lokal<T>,
        diags: &mut Diagnostics,
    ) -> Option<(ProgramId, TahapId, WilayahId, PenyalurId)> {
        let program = self.code(name, row, 0, CodeKind::Program, diags);
        let tahap = self.code(name, row, 1, CodeKind::Tahap, diags);
        // rows an engine wrote in region order repeat their region: the last code's region is
        // reused without a lookup (a random probe into 91,599 regions, most of this function's
        // time); a name (not a code) depends on other columns too, and is always looked up
        let raw = row.get(2);
        let wilayah = match lokal.wilayah_terakhir {
            Some(id) if raw == lokal.kode_terakhir.as_slice() => Some(id),
            _ => {
                let w = self.wilayah_at(name, row, 2, diags);
                if let Some(id) = w
                    && raw.first().is_some_and(u8::is_ascii_digit)
                {
                    lokal.kode_terakhir.clear();
                    lokal.kode_terakhir.extend_from_slice(raw);
                    lokal.wilayah_terakhir = Some(id);
                }
                w
            }
        };
        let penyalur =
            required_text(name, row, 3, diags).and_then(|p| lokal.penyalur(name, row, 3, p, diags));
        Some((program?, tahap?, wilayah?, penyalur?))
    }

    /// Whether the date of column `c` falls outside its tahap (reported); a tahap whose own
    /// dates were bad is not held against its rows.
    pub(super) fn outside_tahap(
        &self,
        name: &str,
        row: &Row,
        c: usize,
        tahap: TahapId,
        tanggal: Date,
        diags: &mut Diagnostics,
    ) -> bool {
        let t = &self.tahap[tahap.indeks()];
        let rusak = self
            .tahap_rusak
            .get(tahap.indeks())
            .copied()
            .unwrap_or(false);
        let outside = !rusak && (tanggal < t.mulai || tanggal > t.selesai);
        if outside {
            report(
                name,
                row,
                c,
                Problem::OutsideTahap {
                    tahap: t.kode.clone(),
                    mulai: t.mulai.to_string(),
                    selesai: t.selesai.to_string(),
                    berkas: self.berkas(CodeKind::Tahap),
                },
                diags,
            );
        }
        outside
    }

    /// The region of column `c`, reporting a malformed or unknown code (with the nearest one).
    pub(super) fn wilayah_at(
        &self,
        name: &str,
        row: &Row,
        c: usize,
        diags: &mut Diagnostics,
    ) -> Option<WilayahId> {
        // a BPS code, through wilayah.csv's `kode_bps`
        let raw = value::trim(row.get(c));
        if self.wilayah.sistem == Some(crate::config::SistemKode::Bps) && value::tanpa_titik(raw) {
            let kunci = String::from_utf8_lossy(raw);
            if let Some(&id) = self.wilayah.bps.get(kunci.as_ref()) {
                return Some(id);
            }
            diags.push_with(crate::diagnostics::Severity::Error, || {
                Diagnostic::error(
                    name,
                    row.line,
                    row.column(c),
                    Some(&kunci),
                    Problem::UnknownCode {
                        kind: CodeKind::Wilayah,
                        nearest: None,
                        berkas: self.berkas(CodeKind::Wilayah),
                    },
                )
            });
            return None;
        }
        // a name where a code is expected: the desa/kelurahan of that name
        if let Some((nama, kec, kab)) = self.nama
            && raw.first().is_some_and(u8::is_ascii_alphabetic)
        {
            let teks = |k: usize| String::from_utf8_lossy(row.get(k)).into_owned();
            return match nama.cari_saja(
                self.wilayah,
                &teks(c),
                &teks(kec),
                &teks(kab),
                diags.has_room(),
            ) {
                Ok(id) => Some(id),
                Err(p) => {
                    report(name, row, c, p, diags);
                    None
                }
            };
        }
        match value::kode_wilayah(row.get(c), self.wilayah.sistem) {
            Ok(k) => match self.wilayah.get(k) {
                Some(id) => Some(id),
                None => {
                    diags.push_with(crate::diagnostics::Severity::Error, || {
                        Diagnostic::error(
                            name,
                            row.line,
                            row.column(c),
                            Some(&String::from_utf8_lossy(row.get(c))),
                            Problem::UnknownCode {
                                kind: CodeKind::Wilayah,
                                nearest: self.wilayah.nearest(&k.dotted()),
                                berkas: self.berkas(CodeKind::Wilayah),
                            },
                        )
                    });
                    None
                }
            },
            Err(p) => {
                report(name, row, c, p, diags);
                None
            }
        }
    }

    /// A programme or tahap code, matched without regard to case and without allocating.
    pub(super) fn code<I: id::Id>(
        &self,
        name: &str,
        row: &Row,
        c: usize,
        kind: CodeKind,
        diags: &mut Diagnostics,
    ) -> Option<I> {
        let raw = row.get(c);
        // exact spelling first (the usual case), then any case
        let indeks = match kind {
            CodeKind::Program => self.program_indeks.as_ref(),
            _ => self.tahap_indeks.as_ref(),
        };
        let found = match kind {
            _ if indeks.is_some() => indeks.and_then(|i| i.cari(raw)),
            CodeKind::Program => self
                .programs
                .iter()
                .position(|p| p.kode.as_bytes() == raw)
                .or_else(|| {
                    self.programs
                        .iter()
                        .position(|p| p.kode.as_bytes().eq_ignore_ascii_case(raw))
                }),
            _ => self
                .tahap
                .iter()
                .position(|t| t.kode.as_bytes() == raw)
                .or_else(|| {
                    self.tahap
                        .iter()
                        .position(|t| t.kode.as_bytes().eq_ignore_ascii_case(raw))
                }),
        };
        if let Some(i) = found {
            return I::baru(i);
        }
        diags.push_with(crate::diagnostics::Severity::Error, || {
            let raw = String::from_utf8_lossy(raw);
            let nearest = match kind {
                CodeKind::Program => crate::dasar::saran::nearest(
                    &raw,
                    self.programs.iter().map(|p| p.kode.as_str()),
                ),
                _ => crate::dasar::saran::nearest(&raw, self.tahap.iter().map(|t| t.kode.as_str())),
            };
            let problem = if raw.is_empty() {
                Problem::Malformed(Expected::NonEmpty)
            } else {
                Problem::UnknownCode {
                    kind,
                    nearest,
                    berkas: self.berkas(kind),
                }
            };
            Diagnostic::error(
                name,
                row.line,
                row.column(c),
                (!raw.is_empty()).then_some(&*raw),
                problem,
            )
        });
        None
    }
}
