//! One CSV input file, read the way Excel writes it: UTF-8 with or without BOM, `,` `;` tab or `|`
//! as delimiter (detected from the header), CRLF, header names in any case with spaces.
//!
//! Every cell of every file passes the privacy check: a column named like personal data or a
//! NIK-shaped cell is an error naming file, line and column.
//!
//! An input may instead be a spreadsheet of the same name (`data/realisasi.xlsx`, `.xls`,
//! `.ods`, see [`super::lembar`]): its rows are handed over as the same records, each with its
//! row number, and its places are written `data/realisasi.xlsx:Sheet1!F14`.

use std::path::Path;

use csv::ByteRecord;

use super::value::trim;
use crate::config::KolomDipetakan;
use crate::diagnostics::{Diagnostic, Diagnostics, Expected, JenisBerkas, Problem};
use crate::teks::{ada_nik, samarkan};

mod mentah;
use mentah::{bukan_teks, detect_delimiter, periksa_kutip};

/// The columns a file has, by name, and whether each is required.
pub struct Columns<'s> {
    /// Columns every file of this kind must have.
    pub required: &'s [&'s str],
    /// Columns a file may have.
    pub optional: &'s [&'s str],
}

impl Columns<'static> {
    /// No columns: what [`is_personal`] measures a header against when none is exempt.
    const KOSONG: Columns<'static> = Columns {
        required: &[],
        optional: &[],
    };
}

/// An open CSV input (or worksheet) with its header understood.
pub struct Table {
    /// Where its rows are, as shown in messages: the path relative to the site root
    /// (`data/realisasi.csv`), or a worksheet (`data/realisasi.xlsx:Sheet1`, whose places
    /// [`crate::diagnostics::Diagnostic::message`] writes as Excel does, `…!F14`).
    pub name: String,
    /// The file read, relative to the site root (`data/realisasi.xlsx`).
    pub berkas: String,
    bytes: Vec<u8>,
    /// A worksheet's rows, each with its row number; `None` for a CSV (read from `bytes`).
    rekaman: Option<Vec<(u64, ByteRecord)>>,
    delimiter: u8,
    /// For each column of [`Columns`] (required first, then optional), its index in a record.
    index: Vec<Option<usize>>,
    /// How many of `index` are required (a row must have those fields).
    required: usize,
    /// How many columns the header has: a row with more (not empty) fields has lost its
    /// alignment, most often to a comma inside a number.
    lebar_header: usize,
    /// Lines before `bytes` starts (1 when Excel's `sep=;` line was removed).
    skipped_lines: u64,
    /// The number of data rows read so far.
    pub rows: usize,
    /// The SHA-256 of the file as read (with its BOM), lower-case hex.
    pub sha256: String,
    /// A recipient list ([`Table::open_pribadi`]): its personal columns are expected, never
    /// checked or quoted; only the columns read pass the NIK guard, but `nik`.
    pribadi: bool,
    /// A table other tables name by code (`program.csv`, `tahap.csv`): a row with a NIK in a
    /// cell is reported and still handed over with that cell masked, so that its code is known
    /// and the rows naming it are not reported as naming an unknown code ([`Table::rujukan`]).
    rujukan: bool,
    /// `[nilai.<input>.<column>]`: per field of a record, the file's words (trimmed, lower
    /// case) and the contract's value each stands for ([`Table::ganti_nilai`]).
    ganti: Vec<(usize, Vec<GantiNilai>)>,
    /// A Parquet input's files ([`super::parket`]); `None` for a CSV or a worksheet.
    parket: Option<super::parket::Parket>,
    /// A folder of Parquet parts: each part's file and the rows of the parts before it. Rows
    /// are numbered across the parts while they are read (`name` is the folder), and
    /// [`petakan_bagian`] gives each message its part's file and row.
    pub bagian: Vec<(String, u64)>,
}

/// One word of `[nilai.<input>.<column>]`: the file's (trimmed, lower case), and the
/// contract's value it stands for.
type GantiNilai = (Vec<u8>, Vec<u8>);

/// The file that holds input `csv` (`data/realisasi.csv`): the CSV itself, a spreadsheet
/// of the same name (`data/realisasi.xlsx`, `.xls` or `.ods`), a Parquet file
/// (`data/realisasi.parquet`) or a folder of Parquet parts (`data/realisasi/`, with its `/`). `Ok(None)` when there is none;
/// `Err` lists every file found when there are several (one input, one file). Anything by
/// that name counts, not only an ordinary file: a broken link, a folder or a pipe is then
/// refused as what it is by [`Table::open`] (`crate::berkas`), never taken for a missing
/// file, which a build may do without.
pub fn berkas_masukan(root: &Path, csv: &str) -> Result<Option<String>, Vec<String>> {
    let ada = |rel: &str| std::fs::symlink_metadata(root.join(rel)).is_ok();
    let Some(stem) = csv.strip_suffix(".csv") else {
        return Ok(ada(csv).then(|| csv.to_string()));
    };
    let mut found: Vec<String> = std::iter::once("csv")
        .chain(super::lembar::EKSTENSI)
        .chain([super::parket::EKSTENSI])
        .map(|ext| format!("{stem}.{ext}"))
        .filter(|rel| ada(rel))
        .collect();
    // a folder of Parquet parts, as an engine writes a partitioned table (a folder without
    // one is not an input: it may hold anything)
    if root.join(stem).is_dir() && super::parket::cari(root, stem).is_some() {
        found.push(format!("{stem}/"));
    }
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.into_iter().next()),
        _ => Err(found),
    }
}

/// Whether input `csv` (`data/realisasi.csv`) is given, as a CSV or as a spreadsheet.
pub fn ada(root: &Path, csv: &str) -> bool {
    !matches!(berkas_masukan(root, csv), Ok(None))
}

/// The spreadsheet extension of `rel` (`xlsx`), when it is one salur reads.
fn ekstensi_lembar(rel: &str) -> Option<&'static str> {
    let (_, ext) = rel.rsplit_once('.')?;
    super::lembar::EKSTENSI
        .into_iter()
        .find(|e| e.eq_ignore_ascii_case(ext))
}

/// Whether `rel` is a Parquet file by its name.
fn ekstensi_parket(rel: &str) -> bool {
    rel.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case(super::parket::EKSTENSI))
}

/// Gives every kept message about the folder input `name` (read as one table, its rows
/// numbered across its parts) its part's file and row: `bagian` is each part's file and the
/// rows of the parts before it ([`Table::bagian`]).
pub fn petakan_bagian(diags: &mut Diagnostics, name: &str, bagian: &[(String, u64)]) {
    if bagian.is_empty() {
        return;
    }
    diags.ganti_tempat(|d| {
        if d.file != name || d.line == 0 {
            return None;
        }
        let i = bagian.partition_point(|(_, sebelum)| *sebelum < d.line);
        let (rel, sebelum) = bagian.get(i.checked_sub(1)?)?;
        Some((rel.clone(), d.line - sebelum))
    });
}

/// Column names that mean recipient-level personal data (after [`normalise_header`]).
const PERSONAL_COLUMNS: &[&str] = &[
    "nik",
    "no_kk",
    "nomor_kk",
    "nokk",
    "kk_number",
    "no_ktp",
    "nomor_ktp",
    "ktp",
    "nomor_induk_kependudukan",
    "no_kartu_keluarga",
    "nomor_kartu_keluarga",
    "id_dtks",
    "id_dtsen",
    "name",
    "full_name",
    "tanggal_lahir",
    "tgl_lahir",
    "tempat_lahir",
    "no_hp",
    "nomor_hp",
    "telepon",
    "no_telepon",
    "email",
    "no_rekening",
    "nomor_rekening",
    "rekening",
];

/// Column-name beginnings that mean personal data (`nama_…`, `alamat_…`).
const PERSONAL_PREFIXES: &[&str] = &["nama", "alamat", "nik_", "no_kk_", "nomor_kk_", "no_ktp_"];

/// Normalises a header name: trimmed, lower case, runs of spaces, dashes and punctuation as
/// one `_` (`No. KK` → `no_kk`, ` Kode Wilayah ` → `kode_wilayah`).
pub fn normalise_header(h: &[u8]) -> String {
    let s = String::from_utf8_lossy(trim(h)).to_lowercase();
    let s = s.trim_start_matches('\u{feff}').trim();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// Column names that begin like personal data (`nama_…`) but name a region, a programme or a
/// channel, as open-data tables and exports write them (`nama_kabupaten_kota`).
const NAMA_BUKAN_PRIBADI: &[&str] = &[
    "nama_provinsi",
    "nama_kabupaten_kota",
    "nama_kabupaten",
    "nama_kota",
    "nama_kab_kota",
    "nama_kecamatan",
    "nama_kelurahan",
    "nama_desa",
    "nama_desa_kelurahan",
    "nama_kelurahan_desa",
    "nama_wilayah",
    "nama_program",
    "nama_bantuan",
    "nama_tahap",
    "nama_penyalur",
    "nama_bank",
    "nama_titik_bayar",
    "bps_nama_provinsi",
    "bps_nama_kabupaten_kota",
];

fn is_personal(column: &str, columns: &Columns) -> bool {
    if columns.required.contains(&column)
        || columns.optional.contains(&column)
        || NAMA_BUKAN_PRIBADI.contains(&column)
    {
        return false;
    }
    PERSONAL_COLUMNS.contains(&column)
        || PERSONAL_PREFIXES.iter().any(|p| column.starts_with(p))
        || column.ends_with("_nik")
        || column.ends_with("_ktp")
}

/// The most columns a header may have: Excel's own limit (column XFD), so no export is
/// wider. A wider header is not a table an operator made (most often a file whose delimiter
/// is not its separator); refusing it keeps the header checks and every row's width check
/// small.
pub const KOLOM_MAKS: usize = 16_384;

/// Understands header `header` (on line `header_line` of `rel`): each column of `columns` by
/// its position, and the header's width. Personal-data, duplicate and missing columns, and a
/// header wider than [`KOLOM_MAKS`], are reported into `diags`, and then `None` is returned.
/// Only a column salur reads is a duplicate: an export's own columns (two `KETERANGAN`) are
/// never read, so they may repeat, as docs/data.md says.
/// The columns of `header` by the names salur reads them by: each header normalised
/// ([`normalise_header`]), except that a header `peta` names is the contract column it maps to,
/// and a header named like a contract column that `peta` maps elsewhere is none (empty): the
/// export's own column, not read.
fn nama_kolom(header: &ByteRecord, peta: &[KolomDipetakan]) -> Vec<String> {
    let mut names: Vec<String> = header.iter().map(normalise_header).collect();
    if peta.is_empty() {
        return names;
    }
    let asli = names.clone();
    for n in names.iter_mut() {
        if peta.iter().any(|k| k.kontrak == *n) {
            n.clear();
        }
    }
    // every header of that name: two are a duplicate column, reported as such
    for k in peta {
        let h = normalise_header(k.header.as_bytes());
        for (i, n) in asli.iter().enumerate() {
            if *n == h {
                names[i] = k.kontrak.clone();
            }
        }
    }
    names
}

fn baca_header(
    rel: &str,
    header: &ByteRecord,
    header_line: u64,
    columns: &Columns,
    peta: &[KolomDipetakan],
    pribadi: bool,
    diags: &mut Diagnostics,
) -> Option<(Vec<Option<usize>>, usize)> {
    if header.len() > KOLOM_MAKS {
        diags.push(Diagnostic::error(
            rel,
            header_line,
            KOLOM_MAKS as u64 + 1,
            None,
            Problem::KolomTerlaluBanyak { batas: KOLOM_MAKS },
        ));
        return None;
    }
    let names = nama_kolom(header, peta);
    let mut ok = true;
    // a header `[kolom.<input>]` names that the file does not have: "did you mean" among the
    // file's own headers, as written (masked: a header cell may hold anything)
    for k in peta {
        let h = normalise_header(k.header.as_bytes());
        if header.iter().any(|c| normalise_header(c) == h) {
            continue;
        }
        let asli: Vec<String> = header.iter().map(normalise_header).collect();
        let nearest = crate::dasar::saran::nearest(&h, asli.iter().map(String::as_str))
            .and_then(|n| asli.iter().position(|a| *a == n))
            .and_then(|i| header.get(i))
            .map(samarkan);
        let masukan = rel
            .rsplit('/')
            .next()
            .and_then(|f| f.split(['.', ':']).next())
            .unwrap_or(rel);
        diags.push(Diagnostic::error(
            rel,
            header_line,
            0,
            None,
            Problem::HeaderPetaTidakAda {
                tabel: if pribadi {
                    "penerima.kolom".to_string()
                } else {
                    format!("kolom.{masukan}")
                },
                kontrak: k.kontrak.clone(),
                header: samarkan(k.header.as_bytes()),
                nearest,
            },
        ));
        ok = false;
    }
    // the first position of each column salur reads, for the duplicate check: one look-up per
    // column (a scan of the columns before each one took 13 minutes for 1M columns)
    let mut pertama: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (i, name) in names.iter().enumerate() {
        let dikenal =
            columns.required.contains(&name.as_str()) || columns.optional.contains(&name.as_str());
        let first = if dikenal {
            Some(*pertama.entry(name.as_str()).or_insert(i))
        } else {
            None
        };
        if ada_nik(&header[i]) {
            diags.push(Diagnostic::error(
                rel,
                header_line,
                i as u64 + 1,
                Some(&samarkan(&header[i])),
                Problem::PrivacyNik,
            ));
            ok = false;
        } else if let Some(first) = first.filter(|&f| f < i) {
            diags.push(Diagnostic::error(
                rel,
                header_line,
                i as u64 + 1,
                Some(name),
                Problem::DuplicateColumn {
                    first_column: first as u64 + 1,
                },
            ));
            ok = false;
        } else if dikenal
            && name != "nik"
            && normalise_header(&header[i]) != *name
            && is_personal(&normalise_header(&header[i]), &Columns::KOSONG)
        {
            // a column salur reads mapped onto a column of personal data (a mapping slip:
            // `penyalur = "NAMA KPM"` would publish names, `kelurahan = "NAMA"` quote them)
            diags.push(Diagnostic::error(
                rel,
                header_line,
                i as u64 + 1,
                Some(&samarkan(&header[i])),
                Problem::KolomPribadiDibaca {
                    kolom: name.clone(),
                },
            ));
            ok = false;
        } else if pribadi {
            // a recipient list's own personal columns are its nature, not refused
        } else if is_personal(name, columns) {
            diags.push(Diagnostic::error(
                rel,
                header_line,
                i as u64 + 1,
                Some(&samarkan(&header[i])),
                Problem::PrivacyColumn,
            ));
            ok = false;
        }
    }
    let mut index = Vec::new();
    for c in columns.required {
        let found = pertama.get(c).copied();
        // a column whose mapped header is missing is reported as such, above
        if found.is_none() && !peta.iter().any(|k| k.kontrak == *c) {
            diags.push(Diagnostic::error(
                rel,
                header_line,
                0,
                None,
                Problem::MissingColumn {
                    column: (*c).to_string(),
                },
            ));
            ok = false;
        }
        index.push(found);
    }
    for c in columns.optional {
        index.push(pertama.get(c).copied());
    }
    ok.then_some((index, names.len()))
}

/// Where the first record of `bytes` (the header) ends, its line end included: a LF, a CRLF,
/// or a lone CR, which the csv crate takes for a line end as well.
fn header_end(bytes: &[u8], delimiter: u8) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut header = ByteRecord::new();
    let mut end = match reader.read_byte_record(&mut header) {
        Ok(true) => (reader.position().byte() as usize).min(bytes.len()),
        _ => bytes.len(),
    };
    // the LF of a CRLF may be left to the next record
    if end > 0 && bytes[end - 1] == b'\r' && bytes.get(end) == Some(&b'\n') {
        end += 1;
    }
    end
}

/// Turns byte offsets of records (in increasing order) into 1-based line numbers. The csv
/// crate's own line count is off by one after CRLF line ends.
struct LineCounter<'b> {
    bytes: &'b [u8],
    offset: usize,
    line: u64,
}

impl<'b> LineCounter<'b> {
    fn new(bytes: &'b [u8], skipped_lines: u64) -> Self {
        LineCounter {
            bytes,
            offset: 0,
            line: 1 + skipped_lines,
        }
    }

    fn line_at(&mut self, mut offset: usize) -> u64 {
        // a record starts after its predecessor's terminator; skip what is left of it
        while offset < self.bytes.len() && matches!(self.bytes[offset], b'\r' | b'\n') {
            offset += 1;
        }
        let offset = offset.min(self.bytes.len());
        if offset >= self.offset {
            self.line += self.bytes[self.offset..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            self.offset = offset;
        }
        self.line
    }
}

/// A row being read, with its line for messages.
pub struct Row<'r> {
    record: &'r ByteRecord,
    index: &'r [Option<usize>],
    /// The 1-based line the row starts on.
    pub line: u64,
}

impl<'r> Row<'r> {
    /// The trimmed bytes of column `c` (its position in [`Columns`]); empty when the column is
    /// optional and absent.
    pub fn get(&self, c: usize) -> &'r [u8] {
        match self.index.get(c).copied().flatten() {
            Some(i) => self.record.get(i).map(trim).unwrap_or(b""),
            None => b"",
        }
    }

    /// Whether optional column `c` is in the file.
    pub fn has(&self, c: usize) -> bool {
        self.index.get(c).copied().flatten().is_some()
    }

    /// The 1-based column number of column `c` in the file (0 if absent).
    pub fn column(&self, c: usize) -> u64 {
        self.index
            .get(c)
            .copied()
            .flatten()
            .map_or(0, |i| i as u64 + 1)
    }
}

impl Table {
    /// Reads the values `peta` names as the contract's (`[nilai.realisasi.status] "SUDAH
    /// SALUR" = "tersalur"`): `columns` is the table's, to find each column. A column the file
    /// lacks is left alone (its absence is reported as such).
    pub fn ganti_nilai(&mut self, columns: &Columns, peta: &[&crate::config::PetaNilai]) {
        for p in peta {
            let Some(c) = columns
                .required
                .iter()
                .chain(columns.optional)
                .position(|k| *k == p.kolom)
            else {
                continue;
            };
            let Some(i) = self.index.get(c).copied().flatten() else {
                continue;
            };
            let pasangan = p
                .nilai
                .iter()
                .map(|(dari, ke)| {
                    (
                        dari.trim().to_lowercase().into_bytes(),
                        ke.clone().into_bytes(),
                    )
                })
                .collect();
            self.ganti.push((i, pasangan));
        }
    }

    /// The 1-based position in the file of column `c` of [`Columns`] (0 if absent).
    pub fn column_number(&self, c: usize) -> u64 {
        self.index
            .get(c)
            .copied()
            .flatten()
            .map_or(0, |i| i as u64 + 1)
    }

    /// Marks the table as one other tables name by code ([`Table::rujukan`]'s field): a row
    /// with a NIK is reported and still read, its NIK cells masked.
    pub fn rujukan(&mut self) {
        self.rujukan = true;
    }

    /// Opens `root/rel`. Returns `Ok(None)` when the file does not exist; header problems
    /// (missing columns, personal-data columns) are reported into `diags`, and the table is
    /// returned only when its rows can be read. A file larger than `batas` bytes is refused
    /// from its size before anything is read: it is read whole, and its rows kept.
    pub fn open(
        root: &Path,
        rel: &str,
        columns: &Columns,
        batas: u64,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        Table::open_dipetakan(root, rel, columns, batas, &[], diags)
    }

    /// Like [`Table::open`], with the file's own headers for some of `columns`
    /// (`[kolom.<input>]` of `site.toml`, [`crate::config::PetaKolom`]).
    pub fn open_dipetakan(
        root: &Path,
        rel: &str,
        columns: &Columns,
        batas: u64,
        peta: &[KolomDipetakan],
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        Table::buka(root, rel, columns, batas, peta, false, diags)
    }

    /// Opens a recipient list (`[[penerima]]`) as [`Table::open_dipetakan`] does, except that
    /// its personal columns (NIK, names, addresses) are the file's nature, not a mistake: they
    /// are not refused, and no message quotes a cell of a column that is not read. The columns
    /// read (all of `columns` but `nik`) pass the NIK guard as in any input, and one whose
    /// header names personal data is refused ([`Problem::KolomPribadiDibaca`]).
    pub fn open_pribadi(
        root: &Path,
        rel: &str,
        columns: &Columns,
        batas: u64,
        peta: &[KolomDipetakan],
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        Table::buka(root, rel, columns, batas, peta, true, diags)
    }

    fn buka(
        root: &Path,
        rel: &str,
        columns: &Columns,
        batas: u64,
        peta: &[KolomDipetakan],
        pribadi: bool,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let rel = match berkas_masukan(root, rel) {
            Ok(Some(found)) => found,
            Ok(None) => return None,
            Err(found) => {
                diags.push(Diagnostic::error(
                    &found[0],
                    0,
                    0,
                    None,
                    Problem::BerkasKembar {
                        lain: found[1..].to_vec(),
                    },
                ));
                return None;
            }
        };
        let rel = rel.as_str();
        if rel.ends_with('/') || ekstensi_parket(rel) {
            return Table::buka_parket(root, rel, columns, batas, peta, pribadi, diags);
        }
        // an ordinary file, or a symbolic link to one inside the site folder; anything else
        // (a broken link, a folder, a pipe, a device) is refused as what it is
        let ukuran = match crate::berkas::Situs::new(root).periksa_berkas(rel) {
            Ok(Some(ukuran)) => ukuran,
            Ok(None) => return None,
            Err(d) => {
                diags.push(*d);
                return None;
            }
        };
        if ukuran > batas {
            diags.push(Diagnostic::error(
                rel,
                0,
                0,
                None,
                Problem::BerkasTerlaluBesar { ukuran, batas },
            ));
            return None;
        }
        let bytes = match crate::berkas::baca(&root.join(rel)) {
            Ok(b) => b,
            Err(e) => {
                diags.push(Diagnostic::error(rel, 0, 0, None, e.problem()));
                return None;
            }
        };
        match ekstensi_lembar(rel) {
            Some(ext) => Table::dari_lembar(rel, ext, &bytes, columns, peta, pribadi, diags),
            None => Table::dari_bytes(rel, bytes, columns, peta, pribadi, diags),
        }
    }

    /// Opens a Parquet input: the file `rel`, or every part of the folder `rel` (ending in
    /// `/`), read whole as one table ([`super::parket`]).
    fn buka_parket(
        root: &Path,
        rel: &str,
        columns: &Columns,
        batas: u64,
        peta: &[KolomDipetakan],
        pribadi: bool,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        use super::parket::{Gagal, Parket};
        let folder = rel.ends_with('/');
        let files = if folder {
            super::parket::cari(root, rel.trim_end_matches('/')).unwrap_or_default()
        } else {
            vec![rel.to_string()]
        };
        let situs = crate::berkas::Situs::new(root);
        let mut jumlah = 0u64;
        let mut isi = Vec::with_capacity(files.len());
        let mut sidik = String::new();
        for f in files {
            // a part's path is in messages: one holding a NIK is refused, masked
            if !crate::teks::periksa_nama_berkas(&f, diags) {
                return None;
            }
            let ukuran = match situs.periksa_berkas(&f) {
                Ok(Some(u)) => u,
                Ok(None) => continue,
                Err(d) => {
                    diags.push(*d);
                    return None;
                }
            };
            jumlah = jumlah.saturating_add(ukuran);
            if jumlah > batas {
                diags.push(Diagnostic::error(
                    rel,
                    0,
                    0,
                    None,
                    Problem::BerkasTerlaluBesar {
                        ukuran: jumlah,
                        batas,
                    },
                ));
                return None;
            }
            let bytes = match crate::berkas::baca(&root.join(&f)) {
                Ok(b) => b,
                Err(e) => {
                    diags.push(Diagnostic::error(&f, 0, 0, None, e.problem()));
                    return None;
                }
            };
            // a folder's fingerprint is its parts' as `sha256sum` lists them
            let hash = sha256_hex(&bytes);
            if folder {
                sidik.push_str(&format!("{hash}  {f}\n"));
            } else {
                sidik = hash;
            }
            isi.push((f, bytes));
        }
        let sha256 = if folder {
            sha256_hex(sidik.as_bytes())
        } else {
            sidik
        };
        let parket = match Parket::buka(
            isi,
            batas / super::parket::BYTE_PER_BARIS,
            folder.then_some(rel),
        ) {
            Ok(p) => p,
            Err((f, gagal)) => {
                let (problem, nilai) = match gagal {
                    Gagal::Rusak(e) => (Problem::ParketRusak(e), None),
                    Gagal::Kodek(kodek, kolom) => (Problem::ParketKodek { kodek }, Some(kolom)),
                    Gagal::SkemaBeda { pertama } => (Problem::ParketSkemaBeda { pertama }, None),
                    Gagal::TerlaluBanyakBaris { baris, batas } => {
                        (Problem::ParketTerlaluBanyakBaris { baris, batas }, None)
                    }
                };
                // a column's name may be anything: masked like any quoted value
                let nilai = nilai.map(|n| crate::teks::samarkan(n.as_bytes()));
                diags.push(Diagnostic::error(&f, 0, 0, nilai.as_deref(), problem));
                return None;
            }
        };
        let header: ByteRecord = parket.kolom.iter().map(String::as_bytes).collect();
        let (index, lebar_header) = baca_header(rel, &header, 0, columns, peta, pribadi, diags)?;
        // a column read that salur cannot read as a CSV's: its name (masked like any value)
        let mut ok = true;
        for &i in index.iter().flatten() {
            let tak_terbaca = [
                (parket.waktu_utc(i), Problem::ParketWaktuUtc),
                (parket.bersarang(i), Problem::ParketBersarang),
            ];
            for (ya, problem) in tak_terbaca {
                if ya {
                    let nama = parket
                        .kolom
                        .get(i)
                        .map(|n| crate::teks::samarkan(n.as_bytes()));
                    diags.push(Diagnostic::error(
                        rel,
                        0,
                        i as u64 + 1,
                        nama.as_deref(),
                        problem,
                    ));
                    ok = false;
                }
            }
        }
        if !ok {
            return None;
        }
        let bagian = if folder {
            parket.bagian_awal()
        } else {
            Vec::new()
        };
        Some(Table {
            name: rel.to_string(),
            berkas: rel.to_string(),
            bytes: Vec::new(),
            rekaman: None,
            delimiter: b',',
            required: columns.required.len(),
            lebar_header,
            index,
            skipped_lines: 0,
            rows: 0,
            sha256,
            pribadi,
            rujukan: false,
            ganti: Vec::new(),
            parket: Some(parket),
            bagian,
        })
    }

    /// Hands the rows of a Parquet input's row groups `kelompok` to `f` (the checks of
    /// [`Table::serahkan`]); returns how many were handed over.
    fn baca_parket(
        &self,
        kelompok: &[super::parket::Kelompok],
        diags: &mut Diagnostics,
        f: &mut dyn FnMut(&Row, &mut Diagnostics),
    ) -> usize {
        let Some(parket) = &self.parket else {
            return 0;
        };
        let needed = self.needed();
        // a recipient list's columns that are not read are never decoded, nor are nested
        // columns that are not read (salur reads flat ones only; a nested one it reads was
        // refused when the file was opened)
        let lewati: Vec<bool> = (0..parket.kolom.len())
            .map(|i| !self.index.contains(&Some(i)) && (self.pribadi || parket.bersarang(i)))
            .collect();
        let mut rows = 0;
        for k in kelompok {
            let hasil = parket.baca(*k, &lewati, &mut |record, line| {
                if self.serahkan(record, line, needed, diags, f) {
                    rows += 1;
                }
            });
            if let Err(e) = hasil {
                let rel = parket
                    .bagian
                    .get(k.bagian)
                    .map_or(self.name.as_str(), |b| b.rel.as_str());
                diags.push(Diagnostic::error(rel, 0, 0, None, Problem::ParketRusak(e)));
            }
        }
        rows
    }

    /// Like [`Table::open`] on the bytes of a spreadsheet (`ext`: `xlsx`, `xls` or `ods`):
    /// the sheet named like the file (`realisasi`), else the first. Its header is the first
    /// row naming the most required columns (all of them, normally), else its first row that
    /// is not empty; rows above it (a title) are left out. A file that is not a workbook is one error naming it.
    pub fn from_lembar(
        rel: &str,
        ext: &str,
        bytes: &[u8],
        columns: &Columns,
        peta: &[KolomDipetakan],
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        Table::dari_lembar(rel, ext, bytes, columns, peta, false, diags)
    }

    fn dari_lembar(
        rel: &str,
        ext: &str,
        bytes: &[u8],
        columns: &Columns,
        peta: &[KolomDipetakan],
        pribadi: bool,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let sha256 = sha256_hex(bytes);
        let jenis = rel
            .rsplit('/')
            .next()
            .and_then(|f| f.rsplit_once('.'))
            .map_or(rel, |(stem, _)| stem);
        // a reader that panics on a damaged file must not take the build down with it
        let dibaca = crate::dasar::panik::tangkap(|| super::lembar::baca(rel, ext, jenis, bytes))
            .unwrap_or_else(|e| Err(format!("the workbook reader failed: {e}")));
        let lembar = match dibaca {
            Ok(l) => l,
            Err(e) => {
                diags.push(Diagnostic::error(rel, 0, 0, None, Problem::LembarRusak(e)));
                return None;
            }
        };
        // The header is the first row naming the most required columns (a title may stand
        // above the table), the first row that is not empty when none names any.
        let dikenal = |r: &ByteRecord| {
            let names = nama_kolom(r, peta);
            columns
                .required
                .iter()
                .filter(|c| names.iter().any(|n| n == *c))
                .count()
        };
        let mut pilihan: Option<(usize, usize)> = None;
        for (i, b) in lembar.baris.iter().enumerate() {
            let n = dikenal(&b.record);
            if pilihan.is_none_or(|(_, terbaik)| n > terbaik) {
                pilihan = Some((i, n));
            }
            if n == columns.required.len() {
                break;
            }
        }
        let Some((h, _)) = pilihan else {
            for c in columns.required {
                diags.push(Diagnostic::error(
                    &lembar.tempat,
                    1,
                    0,
                    None,
                    Problem::MissingColumn {
                        column: (*c).to_string(),
                    },
                ));
            }
            return None;
        };
        let header_line = lembar.baris[h].nomor;
        let (index, lebar_header) = baca_header(
            &lembar.tempat,
            &lembar.baris[h].record,
            header_line,
            columns,
            peta,
            pribadi,
            diags,
        )?;
        let mut rekaman = Vec::with_capacity(lembar.baris.len() - h - 1);
        for b in lembar.baris.into_iter().skip(h + 1) {
            // a formula error is reported at its cell, and its row left out
            for (kolom, galat) in &b.galat {
                diags.push_with(crate::diagnostics::Severity::Error, || {
                    Diagnostic::error(
                        &lembar.tempat,
                        b.nomor,
                        *kolom,
                        Some(galat),
                        Problem::GalatRumus,
                    )
                });
            }
            if b.galat.is_empty() {
                rekaman.push((b.nomor, b.record));
            }
        }
        Some(Table {
            name: lembar.tempat,
            berkas: rel.to_string(),
            bytes: Vec::new(),
            rekaman: Some(rekaman),
            delimiter: b',',
            required: columns.required.len(),
            lebar_header,
            index,
            skipped_lines: header_line - 1,
            rows: 0,
            sha256,
            pribadi,
            rujukan: false,
            ganti: Vec::new(),
            parket: None,
            bagian: Vec::new(),
        })
    }

    /// Like [`Table::open`] on bytes already in memory.
    pub fn from_bytes(
        rel: &str,
        bytes: Vec<u8>,
        columns: &Columns,
        peta: &[KolomDipetakan],
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        Table::dari_bytes(rel, bytes, columns, peta, false, diags)
    }

    fn dari_bytes(
        rel: &str,
        mut bytes: Vec<u8>,
        columns: &Columns,
        peta: &[KolomDipetakan],
        pribadi: bool,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let sha256 = sha256_hex(&bytes);
        if let Some((line, jenis)) = bukan_teks(&bytes) {
            diags.push(Diagnostic::error(
                rel,
                line,
                0,
                None,
                Problem::BukanTeks(jenis),
            ));
            return None;
        }
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        if trim(&bytes).is_empty() {
            diags.push(Diagnostic::error(
                rel,
                0,
                0,
                None,
                Problem::BerkasKosong {
                    header: columns.required.join(","),
                },
            ));
            return None;
        }
        // Excel understands a first line `sep=;` naming the delimiter; so do we.
        let mut skipped_lines = 0;
        let mut delimiter = None;
        if bytes.len() >= 5 && bytes[..4].eq_ignore_ascii_case(b"sep=") {
            let end = bytes
                .iter()
                .position(|&b| b == b'\n')
                .unwrap_or(bytes.len());
            let line = &bytes[4..end];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            // the delimiter may be whitespace itself (`sep=` and a tab), which trimming
            // would remove: one byte is the delimiter as it stands, else spaces around it
            // are trimmed
            let named = match line {
                [c] => Some(*c),
                _ => match trim(line) {
                    [c] => Some(*c),
                    _ => None,
                },
            };
            if let Some(c) = named {
                delimiter = Some(c);
                bytes.drain(..(end + 1).min(bytes.len()));
                skipped_lines = 1;
            }
        }
        let delimiter = delimiter.unwrap_or_else(|| detect_delimiter(&bytes));
        let header_line = 1 + skipped_lines;
        // A quote never closed swallows the rest of the file into one cell: the rows after it
        // would only give misleading errors, so the file stops there.
        if bytes.contains(&b'"') {
            let mut terbuka = false;
            for k in periksa_kutip(&bytes, delimiter) {
                // a recipient list's cell may be a name: its place only
                let value = (!pribadi).then(|| samarkan(&bytes[k.sel.clone()]));
                let problem = if k.terbuka {
                    terbuka = true;
                    Problem::KutipTerbuka
                } else {
                    Problem::TeksSetelahKutip
                };
                diags.push_with(crate::diagnostics::Severity::Error, || {
                    Diagnostic::error(
                        rel,
                        k.baris + skipped_lines,
                        k.kolom,
                        value.as_deref(),
                        problem,
                    )
                });
            }
            if terbuka {
                return None;
            }
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(&bytes[..]);
        let mut header = ByteRecord::new();
        match reader.read_byte_record(&mut header) {
            Ok(true) => {}
            Ok(false) => {
                for c in columns.required {
                    diags.push(Diagnostic::error(
                        rel,
                        header_line,
                        0,
                        None,
                        Problem::MissingColumn {
                            column: (*c).to_string(),
                        },
                    ));
                }
                return None;
            }
            Err(e) => {
                diags.push(Diagnostic::error(
                    rel,
                    header_line,
                    0,
                    None,
                    Problem::Csv(e.to_string()),
                ));
                return None;
            }
        }
        let (index, lebar_header) =
            baca_header(rel, &header, header_line, columns, peta, pribadi, diags)?;
        Some(Table {
            name: rel.to_string(),
            berkas: rel.to_string(),
            bytes,
            rekaman: None,
            delimiter,
            required: columns.required.len(),
            lebar_header,
            index,
            skipped_lines,
            rows: 0,
            sha256,
            pribadi,
            rujukan: false,
            ganti: Vec::new(),
            parket: None,
            bagian: Vec::new(),
        })
    }

    /// Reads every data row and hands it to `f`. Blank rows are skipped; broken CSV and
    /// NIK-shaped cells are reported into `diags` and the row is not handed over.
    pub fn for_each_row(
        &mut self,
        diags: &mut Diagnostics,
        mut f: impl FnMut(&Row, &mut Diagnostics),
    ) {
        if self.rekaman.is_some() {
            self.rows = self.baca_rekaman(diags, &mut f);
            return;
        }
        if let Some(p) = &self.parket {
            let kelompok = p.kelompok();
            self.rows = self.baca_parket(&kelompok, diags, &mut f);
            return;
        }
        let header_line = 1 + self.skipped_lines;
        self.rows = self.read_chunk(&self.bytes, true, header_line, diags, &mut f);
    }

    /// Hands a worksheet's rows to `f`, with the same checks as [`Table::read_chunk`]; returns
    /// how many were handed over.
    fn baca_rekaman(
        &self,
        diags: &mut Diagnostics,
        f: &mut dyn FnMut(&Row, &mut Diagnostics),
    ) -> usize {
        let needed = self.needed();
        let mut rows = 0;
        for (line, record) in self.rekaman.iter().flatten() {
            if self.serahkan(record, *line, needed, diags, f) {
                rows += 1;
            }
        }
        rows
    }

    /// How many fields a row must have: optional columns may be missing at the end of a row;
    /// required ones may not.
    fn needed(&self) -> usize {
        self.index[..self.required]
            .iter()
            .flatten()
            .copied()
            .max()
            .map_or(0, |m| m + 1)
    }

    /// Like [`Table::for_each_row`], on all cores: the rows are split into chunks, each read
    /// with its own state from `init`. Returns each chunk's state and problems, in file order,
    /// so that merging them gives the same result as a sequential read.
    /// `init` gets an estimate of the chunk's row count, to size its buffers.
    pub fn par_rows<S: Send>(
        &mut self,
        init: impl Fn(usize) -> S + Sync,
        f: impl Fn(&Row, &mut Diagnostics, &mut S) + Sync,
    ) -> Vec<(S, Diagnostics)> {
        use rayon::prelude::*;
        if self.rekaman.is_some() {
            let mut state = init(self.rekaman.as_ref().map_or(0, Vec::len));
            let mut diags = Diagnostics::new();
            self.rows = self.baca_rekaman(&mut diags, &mut |r, d| f(r, d, &mut state));
            return vec![(state, diags)];
        }
        if let Some(p) = &self.parket {
            // one task per row group, each with its own state, in file order
            let kelompok = p.kelompok();
            let results: Vec<(S, Diagnostics, usize)> = kelompok
                .par_iter()
                .map(|k| {
                    // the count is the file's own claim: a buffer is sized by it only up to a
                    // row group's usual size (a damaged footer may claim a trillion rows)
                    let mut state = init(k.baris.min(1 << 20));
                    let mut diags = Diagnostics::new();
                    let rows =
                        self.baca_parket(std::slice::from_ref(k), &mut diags, &mut |r, d| {
                            f(r, d, &mut state)
                        });
                    (state, diags, rows)
                })
                .collect();
            self.rows = results.iter().map(|r| r.2).sum();
            return results.into_iter().map(|(s, d, _)| (s, d)).collect();
        }
        let header_line = 1 + self.skipped_lines;
        // A quoted field may hold a line break, so a file with quotes is read in one piece.
        let header_end = header_end(&self.bytes, self.delimiter);
        let body = &self.bytes[header_end..];
        let pieces = if self.bytes.contains(&b'"') || body.len() < 1 << 20 {
            1
        } else {
            rayon::current_num_threads() * 4
        };
        if pieces == 1 {
            let estimate = self.bytes.iter().filter(|&&b| b == b'\n').count();
            let mut state = init(estimate);
            let mut diags = Diagnostics::new();
            self.rows = self.read_chunk(&self.bytes, true, header_line, &mut diags, &mut |r, d| {
                f(r, d, &mut state)
            });
            return vec![(state, diags)];
        }
        let mut bounds = vec![0];
        for i in 1..pieces {
            let at = (body.len() * i / pieces).max(*bounds.last().unwrap_or(&0));
            let next = body[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(body.len(), |p| at + p + 1);
            bounds.push(next);
        }
        bounds.push(body.len());
        bounds.dedup();
        let chunks: Vec<&[u8]> = bounds.windows(2).map(|w| &body[w[0]..w[1]]).collect();
        let newlines: Vec<u64> = chunks
            .par_iter()
            .map(|c| c.iter().filter(|&&b| b == b'\n').count() as u64)
            .collect();
        let mut first_lines = Vec::with_capacity(chunks.len());
        // the body starts on the line after the header, or on the header's own line when a
        // lone CR (an old Mac line end) ended it: lines are counted by LF, as `read_chunk`
        // counts them
        let mut line = header_line
            + self.bytes[..header_end]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
        for n in &newlines {
            first_lines.push(line);
            line += n;
        }
        let results: Vec<(S, Diagnostics, usize)> = chunks
            .par_iter()
            .zip(first_lines)
            .zip(&newlines)
            .map(|((chunk, first_line), &lines)| {
                let mut state = init(lines as usize + 1);
                let mut diags = Diagnostics::new();
                let rows = self.read_chunk(chunk, false, first_line, &mut diags, &mut |r, d| {
                    f(r, d, &mut state)
                });
                (state, diags, rows)
            })
            .collect();
        self.rows = results.iter().map(|r| r.2).sum();
        results.into_iter().map(|(s, d, _)| (s, d)).collect()
    }

    /// Reads the rows of `bytes` (after a header line when `has_header`), the first on line
    /// `first_line` (or the header on it), and returns how many were handed to `f`.
    fn read_chunk(
        &self,
        bytes: &[u8],
        has_header: bool,
        first_line: u64,
        diags: &mut Diagnostics,
        f: &mut dyn FnMut(&Row, &mut Diagnostics),
    ) -> usize {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(has_header)
            .flexible(true)
            .from_reader(bytes);
        let needed = self.needed();
        let mut record = ByteRecord::new();
        let mut rows = 0;
        let mut lines = LineCounter::new(bytes, first_line - 1);
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let line = lines.line_at(e.position().map_or(0, |p| p.byte() as usize));
                    diags.push(Diagnostic::error(
                        &self.name,
                        line,
                        0,
                        None,
                        Problem::Csv(e.to_string()),
                    ));
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        break;
                    }
                    continue;
                }
            }
            let line = lines.line_at(record.position().map_or(0, |p| p.byte() as usize));
            if self.serahkan(&record, line, needed, diags, f) {
                rows += 1;
            }
        }
        rows
    }
    /// The checks every row passes before it is handed to `f` (CSV and worksheet alike): blank
    /// rows are skipped; NIK-shaped cells, fields beyond the header and missing required
    /// fields are reported. Returns whether the row was handed over.
    #[inline]
    fn serahkan(
        &self,
        record: &ByteRecord,
        line: u64,
        needed: usize,
        diags: &mut Diagnostics,
        f: &mut dyn FnMut(&Row, &mut Diagnostics),
    ) -> bool {
        if record.iter().all(|c| trim(c).is_empty()) {
            return false;
        }
        // the one NIK guard (`crate::teks`); an ordinary cell costs one pass over its bytes
        let mut clean = true;
        if self.pribadi {
            // a recipient list: the columns read, but `nik` (the last optional column)
            let nik = self.index.last().copied().flatten();
            for i in self.index.iter().flatten().copied() {
                if Some(i) != nik
                    && let Some(cell) = record.get(i)
                {
                    clean &= crate::teks::periksa_sel(&self.name, line, i as u64 + 1, cell, diags);
                }
            }
        } else {
            for (i, cell) in record.iter().enumerate() {
                clean &= crate::teks::periksa_sel(&self.name, line, i as u64 + 1, cell, diags);
            }
        }
        // a referenced table's row goes on with its NIK cells masked (the build fails on the
        // NIK anyway, and nothing is written): only its code is wanted, for the rows naming it
        let dikosongkan;
        let record = if clean {
            record
        } else if self.rujukan && !self.pribadi {
            let mut baru = ByteRecord::new();
            for cell in record.iter() {
                if ada_nik(cell) {
                    baru.push_field(samarkan(cell).as_bytes());
                } else {
                    baru.push_field(cell);
                }
            }
            dikosongkan = baru;
            &dikosongkan
        } else {
            return false;
        };
        if let Some(extra) = (self.lebar_header..record.len())
            .find(|&i| record.get(i).is_some_and(|c| !trim(c).is_empty()))
        {
            let header = self.lebar_header;
            let fields = record.len();
            diags.push_with(crate::diagnostics::Severity::Error, || {
                Diagnostic::error(
                    &self.name,
                    line,
                    extra as u64 + 1,
                    record
                        .get(extra)
                        .filter(|_| !self.pribadi)
                        .map(|c| String::from_utf8_lossy(c).into_owned())
                        .as_deref(),
                    Problem::KolomLebih { fields, header },
                )
            });
            return false;
        }
        if record.len() < needed {
            diags.push_with(crate::diagnostics::Severity::Error, || {
                Diagnostic::error(
                    &self.name,
                    line,
                    record.len() as u64 + 1,
                    None,
                    Problem::KolomKurang {
                        fields: record.len(),
                        needed,
                    },
                )
            });
            return false;
        }
        // the export's words as the contract's values: a copy of the record, only when the
        // site maps some (the usual record is handed over as read)
        let diganti;
        let record = if self.ganti.is_empty() {
            record
        } else {
            let mut baru = ByteRecord::new();
            for (i, field) in record.iter().enumerate() {
                let ganti = self.ganti.iter().find(|(k, _)| *k == i).and_then(|(_, p)| {
                    let kata = String::from_utf8_lossy(trim(field)).to_lowercase();
                    p.iter().find(|(dari, _)| *dari == kata.as_bytes())
                });
                match ganti {
                    Some((_, ke)) => baru.push_field(ke),
                    None => baru.push_field(field),
                }
            }
            diganti = baru;
            &diganti
        };
        let row = Row {
            record,
            index: &self.index,
            line,
        };
        f(&row, diags);
        true
    }
}

/// The longest text cell, in characters ([`crate::dasar::nilai::TEKS_MAKS`], which
/// `site.toml`'s texts share).
pub use crate::dasar::nilai::TEKS_MAKS;

/// Reads column `c` of `row` as UTF-8 text, reporting invalid bytes and a text longer than
/// [`TEKS_MAKS`].
pub fn text<'r>(table: &str, row: &Row<'r>, c: usize, diags: &mut Diagnostics) -> Option<&'r str> {
    match std::str::from_utf8(row.get(c)) {
        Ok(s) if s.len() > TEKS_MAKS && s.chars().count() > TEKS_MAKS => {
            diags.push(Diagnostic::error(
                table,
                row.line,
                row.column(c),
                Some(&samarkan(row.get(c))),
                Problem::TeksTerlaluPanjang {
                    panjang: s.chars().count(),
                    batas: TEKS_MAKS,
                },
            ));
            None
        }
        Ok(s) => Some(s),
        Err(_) => {
            diags.push(Diagnostic::error(
                table,
                row.line,
                row.column(c),
                Some(&samarkan(row.get(c))),
                Problem::SelBukanUtf8,
            ));
            None
        }
    }
}

/// Reads a non-empty text column.
pub fn required_text<'r>(
    table: &str,
    row: &Row<'r>,
    c: usize,
    diags: &mut Diagnostics,
) -> Option<&'r str> {
    let s = text(table, row, c, diags)?;
    if s.is_empty() {
        diags.push(Diagnostic::error(
            table,
            row.line,
            row.column(c),
            None,
            Problem::Malformed(Expected::NonEmpty),
        ));
        return None;
    }
    Some(s)
}

/// Reads a non-empty name (a penyalur, a payment point, a region, …) in its one spelling
/// ([`crate::teks::nama`]: NFC, no invisible characters, single spaces); a spelling that
/// changed is remembered in `ejaan` for one warning per spelling. A name of nothing but
/// invisible characters and spaces is empty.
pub fn nama<'r>(
    table: &str,
    row: &Row<'r>,
    c: usize,
    ejaan: &mut crate::teks::Ejaan,
    diags: &mut Diagnostics,
) -> Option<std::borrow::Cow<'r, str>> {
    let s = required_text(table, row, c, diags)?;
    let n = ejaan.nama(s, row.line, row.column(c));
    if n.is_empty() {
        diags.push(Diagnostic::error(
            table,
            row.line,
            row.column(c),
            None,
            Problem::Malformed(Expected::NonEmpty),
        ));
        return None;
    }
    Some(n)
}

/// Reports a problem with column `c` of `row`, quoting its value (masked; every digit but
/// the first 4 and last 2 for a count or amount refused as NIK-shaped).
pub fn report(table: &str, row: &Row, c: usize, problem: Problem, diags: &mut Diagnostics) {
    diags.push_with(crate::diagnostics::Severity::Error, || {
        let nilai = if problem == Problem::PrivacyNik {
            crate::teks::samarkan_semua(&samarkan(row.get(c)))
        } else {
            samarkan(row.get(c))
        };
        Diagnostic::error(table, row.line, row.column(c), Some(&nilai), problem)
    });
}

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    use std::fmt::Write;
    let digest = sha2::Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLS: Columns = Columns {
        required: &["kode", "kpm"],
        optional: &["nilai"],
    };

    fn rows(bytes: &[u8]) -> (Vec<(u64, String, String)>, Diagnostics) {
        let mut d = Diagnostics::new();
        let mut out = Vec::new();
        if let Some(mut t) = Table::from_bytes("data/x.csv", bytes.to_vec(), &COLS, &[], &mut d) {
            t.for_each_row(&mut d, |r, _| {
                out.push((
                    r.line,
                    String::from_utf8_lossy(r.get(0)).into_owned(),
                    String::from_utf8_lossy(r.get(1)).into_owned(),
                ))
            });
        }
        (out, d)
    }

    #[test]
    fn reads_excel_exports() {
        let expected = vec![(2, "A".to_string(), "18.877".to_string())];
        for input in [
            &b"kode,kpm\nA,18.877\n"[..],
            b"\xEF\xBB\xBFkode;kpm\r\nA;18.877\r\n",
            b"Kode\tKPM\nA\t18.877\n",
            b" KODE ; Kpm \r\n A ; 18.877 \r\n;\r\n",
            b"\"kode\",\"kpm\"\n\"A\",\"18.877\"\n",
        ] {
            let (r, d) = rows(input);
            assert!(d.is_empty(), "{:?}", d.report(crate::lang::Lang::En));
            assert_eq!(r, expected, "{}", String::from_utf8_lossy(input));
        }
    }

    #[test]
    fn missing_and_personal_columns() {
        let (_, d) = rows(b"kode,nama_penerima\nA,Siti\n");
        let msgs = d.report(crate::lang::Lang::En);
        assert!(
            msgs.contains("data/x.csv:1:2: 'nama_penerima': privacy"),
            "{msgs}"
        );
        assert!(
            msgs.contains("data/x.csv:1: the header has no column 'kpm'"),
            "{msgs}"
        );
    }

    #[test]
    fn personal_columns_in_any_spelling() {
        for h in [
            "No. KK",
            "NIK.",
            "Nomor Induk Kependudukan",
            "Alamat KPM",
            "no_ktp",
            "Nama Penerima",
            "nama",
            "Tgl-Lahir",
        ] {
            let input = format!("kode,kpm,{h}\nA,1,x\n");
            let (_, d) = rows(input.as_bytes());
            assert!(
                d.report(crate::lang::Lang::En).contains("privacy"),
                "{h} was not rejected"
            );
        }
        assert_eq!(normalise_header(b" Kode  Wilayah "), "kode_wilayah");
        assert_eq!(normalise_header(b"No. KK"), "no_kk");
    }

    #[test]
    fn nik_cells_are_rejected_and_masked() {
        let (r, d) = rows(b"kode,kpm\nA,1\n3575012345670001,2\n");
        assert_eq!(r.len(), 1);
        let msg = d.items()[0].message(crate::lang::Lang::En);
        assert!(
            msg.starts_with("data/x.csv:3:1: '3575**********01': privacy"),
            "{msg}"
        );
        assert!(!msg.contains("3575012345670001"));
    }

    #[test]
    fn excel_sep_line_and_missing_optional_fields() {
        let (r, d) = rows(b"sep=;\nkode;kpm;nilai\nA;1\n");
        assert!(d.is_empty(), "{}", d.report(crate::lang::Lang::En));
        assert_eq!(r, vec![(3, "A".to_string(), "1".to_string())]);
    }

    /// Found by `tests/suite/properti.rs`: a `sep=` line naming a tab lost its tab to trimming, so
    /// the `sep=` line was taken for the header.
    #[test]
    fn excel_sep_line_naming_a_tab() {
        for text in [
            &b"sep=\t\nkode\tkpm\nA\t1\n"[..],
            b"sep=\t\r\nkode\tkpm\r\nA\t1\r\n",
            b"\xEF\xBB\xBFsep= ; \r\nkode;kpm\r\nA;1\r\n",
        ] {
            let (r, d) = rows(text);
            assert!(d.is_empty(), "{}", d.report(crate::lang::Lang::En));
            assert_eq!(r, vec![(3, "A".to_string(), "1".to_string())]);
        }
    }

    /// Found by `tests/suite/properti.rs`: reading a big file on all cores started after the first
    /// LF, so the rows between a header ended by a lone CR and that LF were lost.
    #[test]
    fn parallel_read_after_a_header_ended_by_a_lone_cr() {
        let mut text = b"kode,kpm\rA,1\rB,2\n".to_vec();
        while text.len() <= (1 << 20) + 100 {
            text.extend(b"C,3\r\n");
        }
        let (sequential, d) = rows(&text);
        assert!(d.is_empty());
        let mut d = Diagnostics::new();
        let mut t = Table::from_bytes("data/x.csv", text, &COLS, &[], &mut d).unwrap();
        let chunks = t.par_rows(
            |_| Vec::new(),
            |r, _, out: &mut Vec<(u64, String, String)>| {
                out.push((
                    r.line,
                    String::from_utf8_lossy(r.get(0)).into_owned(),
                    String::from_utf8_lossy(r.get(1)).into_owned(),
                ))
            },
        );
        assert!(chunks.len() > 1, "read in one piece");
        let parallel: Vec<_> = chunks.into_iter().flat_map(|(rows, _)| rows).collect();
        assert_eq!(&parallel[..3], &sequential[..3]);
        assert_eq!(parallel, sequential);
    }

    #[test]
    fn duplicate_columns_are_reported() {
        let (_, d) = rows(b"kode,kpm,kpm\nA,1,2\n");
        let msg = d.items()[0].message(crate::lang::Lang::En);
        assert!(msg.starts_with("data/x.csv:1:3: 'kpm': "), "{msg}");
        // every repeat names the first, also among many other columns
        let header = format!("x,kpm,{},kode,kpm\n", vec!["y"; 5000].join(","));
        let (_, d) = rows(header.as_bytes());
        let msg = d.items()[0].message(crate::lang::Lang::En);
        assert_eq!(
            msg,
            "data/x.csv:1:5004: 'kpm': duplicate column; already at column 2"
        );
    }

    #[test]
    fn columns_salur_does_not_read_may_repeat() {
        // an export's own columns, twice (two KETERANGAN, two unnamed): ignored as any extra
        // column is, since nothing is read from them
        let (read, d) = rows(b"kode,KETERANGAN,kpm,Keterangan,,\nA,x,1,y,,\n");
        assert!(!d.has_errors(), "{:?}", d.items());
        assert_eq!(read, [(2, "A".to_string(), "1".to_string())]);
        // an optional column salur reads is one column too
        let (_, d) = rows(b"kode,kpm,nilai,Nilai\nA,1,2,3\n");
        assert_eq!(
            d.items()[0].message(crate::lang::Lang::En),
            "data/x.csv:1:4: 'nilai': duplicate column; already at column 3"
        );
        // a personal-data column is refused each time it is there
        let (_, d) = rows(b"kode,kpm,nama_penerima,nama_penerima\nA,1,x,y\n");
        let pesan: Vec<String> = d
            .items()
            .iter()
            .map(|d| d.message(crate::lang::Lang::En))
            .collect();
        assert_eq!(pesan.len(), 2, "{pesan:?}");
        assert!(pesan[1].starts_with("data/x.csv:1:4: 'nama_penerima': privacy"));
    }

    /// A header of 1M columns (9 MB, whose duplicate check once ran for 13 minutes) is refused
    /// as wider than a spreadsheet, at the first column too many; Excel's width is read.
    #[test]
    fn a_header_wider_than_a_sheet_is_refused() {
        let header = |n: usize| {
            let mut h = "kode,kpm".to_string();
            for i in 2..n {
                h.push_str(&format!(",k{i}"));
            }
            h + "\nA,1\n"
        };
        let (rows_read, d) = rows(header(1_000_000).as_bytes());
        assert!(rows_read.is_empty());
        assert_eq!(d.items().len(), 1);
        assert_eq!(
            d.items()[0].message(crate::lang::Lang::En),
            "data/x.csv:1:16385: this header has more than 16,384 columns, more than an Excel \
             sheet holds; expected only this file's columns (check its delimiter: , ; or tab)"
        );
        let (rows_read, d) = rows(header(KOLOM_MAKS).as_bytes());
        assert!(!d.has_errors(), "{:?}", d.items());
        assert_eq!(rows_read.len(), 1);
    }

    /// A workbook whose only sheet, `Data Juli`, holds a title in A1 and the table from B3:
    /// `kode` as text, `kpm` as number cells.
    fn workbook(kpm: &[f64]) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Data Juli").unwrap();
        ws.write_string(0, 0, "Realisasi Juli").unwrap();
        ws.write_string(2, 1, " Kode ").unwrap();
        ws.write_string(2, 2, "KPM").unwrap();
        for (i, n) in kpm.iter().enumerate() {
            let r = 3 + i as u32;
            ws.write_string(r, 1, format!("A{i}")).unwrap();
            ws.write_number(r, 2, *n).unwrap();
        }
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn reads_a_worksheet_with_its_own_row_and_column_numbers() {
        let mut d = Diagnostics::new();
        let bytes = workbook(&[18877.0, 2.5]);
        let mut t = Table::from_lembar("data/x.xlsx", "xlsx", &bytes, &COLS, &[], &mut d).unwrap();
        assert_eq!(t.name, "data/x.xlsx:'Data Juli'");
        assert_eq!(t.berkas, "data/x.xlsx");
        assert_eq!(t.sha256, sha256_hex(&bytes));
        let mut out = Vec::new();
        t.for_each_row(&mut d, |r, d| {
            out.push((
                r.line,
                r.column(1),
                String::from_utf8_lossy(r.get(1)).into_owned(),
            ));
            if let Err(p) = crate::data::value::count(r.get(1), Expected::Count) {
                report(&t_name(), r, 1, p, d);
            }
        });
        assert_eq!(
            out,
            vec![(4, 3, "18877".to_string()), (5, 3, "2.5".to_string())]
        );
        assert_eq!(t.rows, 2);
        assert_eq!(
            d.report(crate::lang::Lang::En),
            "data/x.xlsx:'Data Juli'!C5: '2.5': expected a whole number of KPM (e.g. 18.877)\n"
        );
        // the header's problems are at its row
        let mut d = Diagnostics::new();
        assert!(Table::from_lembar("data/x.xlsx", "xlsx", &bytes, &RW_LAIN, &[], &mut d).is_none());
        assert_eq!(
            d.report(crate::lang::Lang::En),
            "data/x.xlsx:'Data Juli'!3:3: the header has no column 'rw'\n"
        );
    }

    fn t_name() -> String {
        "data/x.xlsx:'Data Juli'".to_string()
    }

    const RW_LAIN: Columns = Columns {
        required: &["kode", "rw"],
        optional: &[],
    };

    #[test]
    fn a_damaged_workbook_is_one_error_naming_the_file() {
        let mut d = Diagnostics::new();
        let mut bytes = workbook(&[1.0]);
        bytes.truncate(bytes.len() / 2);
        assert!(Table::from_lembar("data/x.xlsx", "xlsx", &bytes, &COLS, &[], &mut d).is_none());
        let msg = d.report(crate::lang::Lang::Id);
        assert!(
            msg.starts_with("data/x.xlsx: lembar kerja tidak dapat dibaca ("),
            "{msg}"
        );
        assert_eq!(d.error_count(), 1);
        // cut anywhere or with a byte changed, a workbook is read or refused, never a panic
        let bytes = workbook(&[1.0, 2.0, 3.0]);
        for i in (0..bytes.len()).step_by(61) {
            let mut d = Diagnostics::new();
            let _ = Table::from_lembar("data/x.xlsx", "xlsx", &bytes[..i], &COLS, &[], &mut d);
            let mut rusak = bytes.clone();
            rusak[i] ^= 0x5a;
            let _ = Table::from_lembar("data/x.xlsx", "xlsx", &rusak, &COLS, &[], &mut d);
        }
    }

    #[test]
    fn files_that_are_not_text_are_named_for_what_they_are() {
        let ascii = b"kode,kpm\nA,1\n";
        let le: Vec<u8> = ascii.iter().flat_map(|&b| [b, 0]).collect();
        let be: Vec<u8> = ascii.iter().flat_map(|&b| [0, b]).collect();
        for (bytes, expected) in [
            (
                [&b"\xFF\xFE"[..], &le].concat(),
                Some((0, JenisBerkas::Utf16)),
            ),
            (
                [&b"\xFE\xFF"[..], &be].concat(),
                Some((0, JenisBerkas::Utf16)),
            ),
            (le.clone(), Some((0, JenisBerkas::Utf16))),
            (be.clone(), Some((0, JenisBerkas::Utf16))),
            (b"PK\x03\x04rest".to_vec(), Some((0, JenisBerkas::Zip))),
            (
                b"\xD0\xCF\x11\xE0rest".to_vec(),
                Some((0, JenisBerkas::Xls)),
            ),
            (
                b"kode,kpm\nA,1\nB\0,2\n".to_vec(),
                Some((3, JenisBerkas::Biner)),
            ),
            (
                b"ko\x01de,kpm\nA,1\n".to_vec(),
                Some((1, JenisBerkas::Biner)),
            ),
            (b"\xEF\xBB\xBFkode;kpm\r\nA;1\r\n".to_vec(), None),
            (b"kode,nama\n1,Gent\xf6ng\n".to_vec(), None),
            (b"".to_vec(), None),
        ] {
            assert_eq!(bukan_teks(&bytes), expected, "{bytes:?}");
        }
        let (_, d) = rows(&[&b"\xFF\xFE"[..], &le].concat());
        assert_eq!(
            d.report(crate::lang::Lang::En),
            "data/x.csv: this file is UTF-16 text (Excel's 'Unicode Text'), not UTF-8; in Excel \
             save it as 'CSV UTF-8 (Comma delimited)'\n"
        );
        let (_, d) = rows(b"\xEF\xBB\xBF \r\n\n");
        assert_eq!(
            d.report(crate::lang::Lang::En),
            "data/x.csv: this file is empty; expected a header line 'kode,kpm'\n"
        );
    }

    #[test]
    fn quotes_never_closed_or_followed_by_text_are_found() {
        let masalah = |b: &[u8]| {
            periksa_kutip(b, b',')
                .into_iter()
                .map(|k| {
                    (
                        k.baris,
                        k.kolom,
                        String::from_utf8_lossy(&b[k.sel]).into_owned(),
                        k.terbuka,
                    )
                })
                .collect::<Vec<_>>()
        };
        // what Excel writes is fine: quoted cells, doubled quotes, a line break in a cell, a
        // quote inside a cell that does not start with one
        assert!(masalah(b"kode,kpm\n\"A, \"\"b\"\"\",\"1\r\n2\"\r\nPT \"X\",3\n").is_empty());
        assert_eq!(
            masalah(b"kode,kpm\nA,\"4\"0\nB,\"5\" \n"),
            vec![(2, 2, "\"4\"0".to_string(), false)]
        );
        assert_eq!(
            masalah(b"kode,kpm\n\"A\nb\",1\nC,\"2\nD,3\n"),
            vec![(4, 2, "\"2".to_string(), true)]
        );
        // the file stops at the quote never closed; the message names its line and cell
        let (r, d) = rows(b"kode,kpm\nA,1\nB,\"2\nC,3\n");
        assert!(r.is_empty());
        assert_eq!(
            d.items()[0].message(crate::lang::Lang::En),
            "data/x.csv:3:2: '\"2': the quote that opens this cell is never closed, so the rest \
             of the file would be read as one cell; close it with \" or remove the quote"
        );
    }

    #[test]
    fn short_rows_are_reported() {
        let (_, d) = rows(b"kode,kpm\nA\n");
        assert!(
            d.items()[0]
                .message(crate::lang::Lang::En)
                .starts_with("data/x.csv:2:2: ")
        );
    }
}
