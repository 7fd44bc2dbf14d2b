//! A Parquet input (`data/realisasi.parquet`, or a folder `data/realisasi/` of parts as an
//! engine writes them: `provinsi=35/part-0.parquet`, …) read into the same rows a CSV gives,
//! so that every check and parser after [`super::table`] is shared.
//!
//! Each cell becomes the text an operator would have written in the CSV, whatever type the
//! engine gave the column: an integer its digits, a `DATE` its ISO date (`2021-07-13`), a
//! timestamp `2021-07-13 07:00:00` (its date alone at midnight), a `TIME` `07:00`, a
//! `DECIMAL` its exact decimal form, a floating-point number its shortest decimal form (as a
//! worksheet's, [`super::lembar::tulis_angka`]), a string as it is, a null an empty cell.
//! Rows are numbered from 1 in each part file, so a message names `file:row:column`.
//!
//! The reader is the `parquet` crate without its C codecs: uncompressed, Snappy, gzip, LZ4 and
//! LZ4_RAW columns are read; a file with another codec (ZSTD, Brotli, LZO) is refused before
//! anything is read, naming the codec and how to write the file again. Nested and repeated
//! columns (lists, structs, maps) are refused when salur reads them.

use std::fmt::Write as _;
use std::path::Path;

use bytes::Bytes;
use csv::ByteRecord;
use parquet::basic::{Compression, LogicalType, TimeUnit, Type as Fisik};
use parquet::column::reader::ColumnReader;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::schema::types::ColumnDescPtr;

/// The extension of a Parquet file.
pub const EKSTENSI: &str = "parquet";

/// The bytes of `batas_berkas_mb` one row of a Parquet input counts for: a CSV row of the
/// contract is 40–70 bytes (5 million realisation rows are 293 MB), so a Parquet input may
/// have as many rows as a CSV at the size limit would (10.7 million at 512 MB), however well
/// it compresses (a 5 MB file of repeated values declared 40 million rows and took 2 GB).
pub const BYTE_PER_BARIS: u64 = 50;

/// How many rows of every column are decoded at a time: enough to amortise the per-call cost,
/// small enough that a part written as one huge row group never sits in memory as text.
const BATCH: usize = 8192;

/// One Parquet file of an input, opened.
pub struct Bagian {
    /// The file, relative to the site root (`data/realisasi/provinsi=35/part-0.parquet`).
    pub rel: String,
    reader: SerializedFileReader<Bytes>,
    /// How each of its columns becomes text, in the order of [`Parket::kolom`].
    jenis: Vec<Jenis>,
    /// The values of the folder's partition columns for this part, from its path
    /// (`program=PKH/` gives `PKH`), after the file's own columns in [`Parket::kolom`].
    partisi: Vec<String>,
}

/// A Parquet input: one file, or the parts of a folder in path order.
pub struct Parket {
    /// Its parts; one for a single file.
    pub bagian: Vec<Bagian>,
    /// The names of its columns (a nested column's path joined with `.`), the header.
    pub kolom: Vec<String>,
}

/// One unit of work: a row group of a part, with its rows.
#[derive(Debug, Clone, Copy)]
pub struct Kelompok {
    /// The part, an index into [`Parket::bagian`].
    pub bagian: usize,
    /// The row group in it.
    pub grup: usize,
    /// The row number of its first row (1-based, across the parts: [`Parket::kelompok`]).
    pub baris_awal: u64,
    /// How many rows it has.
    pub baris: usize,
}

/// The partition columns of part `rel` of `folder`: the names and values of the `key=value`
/// folders between them.
fn partisi(rel: &str, folder: &str) -> (Vec<String>, Vec<String>) {
    let dalam = rel.strip_prefix(folder).unwrap_or(rel);
    let mut kunci = Vec::new();
    let mut nilai = Vec::new();
    let segmen: Vec<&str> = dalam.split('/').filter(|s| !s.is_empty()).collect();
    for seg in segmen.iter().take(segmen.len().saturating_sub(1)) {
        if let Some((k, v)) = seg.split_once('=') {
            kunci.push(k.to_string());
            let v = percent_encoding::percent_decode_str(v).decode_utf8_lossy();
            nilai.push(if v == "__HIVE_DEFAULT_PARTITION__" {
                String::new()
            } else {
                v.into_owned()
            });
        }
    }
    (kunci, nilai)
}

/// What can stop a Parquet file from being read.
#[derive(Debug)]
pub enum Gagal {
    /// Not a Parquet file, or damaged: the reader's message.
    Rusak(String),
    /// A column compressed with a codec salur does not read: the codec (`ZSTD`) and the
    /// column.
    Kodek(String, String),
    /// More rows than an input may have (`batas_berkas_mb` bounds memory, and a few megabytes
    /// of Parquet may hold a billion rows).
    TerlaluBanyakBaris {
        /// The rows the files declare.
        baris: u64,
        /// The most an input may have.
        batas: u64,
    },
    /// A part whose columns are not the first part's: its columns, and the first part's.
    SkemaBeda {
        /// The first part's file.
        pertama: String,
    },
}

/// The codecs read: the `parquet` crate's pure-Rust ones.
fn kodek_dibaca(c: Compression) -> bool {
    matches!(
        c,
        Compression::UNCOMPRESSED
            | Compression::SNAPPY
            | Compression::GZIP(_)
            | Compression::LZ4
            | Compression::LZ4_RAW
    )
}

/// The codec's name as engines write it (`ZSTD`).
fn nama_kodek(c: Compression) -> String {
    match c {
        Compression::ZSTD(_) => "ZSTD".into(),
        Compression::BROTLI(_) => "BROTLI".into(),
        Compression::GZIP(_) => "GZIP".into(),
        other => format!("{other:?}"),
    }
}

/// Opens one Parquet file from its bytes: its footer, schema and codecs, nothing decoded. A
/// footer whose row groups read the same bytes twice (a hostile file repeating its real ones,
/// which would count every row again) or bytes outside the file is refused.
fn buka_satu(rel: String, bytes: Vec<u8>) -> Result<(Bagian, Vec<String>), Gagal> {
    let panjang = bytes.len() as u64;
    // a reader that panics on a damaged file must not take the build down with it
    let reader = crate::dasar::panik::tangkap(|| SerializedFileReader::new(Bytes::from(bytes)))
        .map_err(|e| Gagal::Rusak(format!("the Parquet reader failed: {e}")))?
        .map_err(|e| Gagal::Rusak(e.to_string()))?;
    let meta = reader.metadata();
    let skema = meta.file_metadata().schema_descr();
    let mut rentang: Vec<(u64, u64)> = Vec::new();
    for grup in meta.row_groups() {
        if grup.num_rows() < 0 {
            return Err(Gagal::Rusak("a row group with a negative row count".into()));
        }
        for (i, kolom) in grup.columns().iter().enumerate() {
            if !kodek_dibaca(kolom.compression()) {
                let nama = skema.column(i).path().parts().join(".");
                return Err(Gagal::Kodek(nama_kodek(kolom.compression()), nama));
            }
            let awal = match kolom.dictionary_page_offset() {
                Some(d) => d.min(kolom.data_page_offset()),
                None => kolom.data_page_offset(),
            };
            let (Ok(awal), Ok(ukuran)) =
                (u64::try_from(awal), u64::try_from(kolom.compressed_size()))
            else {
                return Err(Gagal::Rusak("a column chunk at a negative place".into()));
            };
            match awal.checked_add(ukuran) {
                Some(akhir) if akhir <= panjang => rentang.push((awal, akhir)),
                _ => {
                    return Err(Gagal::Rusak(
                        "a column chunk beyond the end of the file".into(),
                    ));
                }
            }
        }
    }
    rentang.sort_unstable();
    if rentang.windows(2).any(|w| w[1].0 < w[0].1) {
        return Err(Gagal::Rusak("two column chunks read the same bytes".into()));
    }
    let mut nama = Vec::with_capacity(skema.num_columns());
    let mut jenis = Vec::with_capacity(skema.num_columns());
    for kolom in skema.columns() {
        // a nested column's leaves by their top-level name (`kpm` for `kpm.list.element`),
        // so that one salur reads is refused as nested, not as missing
        let bagian = kolom.path().parts();
        nama.push(bagian.first().cloned().unwrap_or_default());
        jenis.push(Jenis::dari(kolom));
    }
    Ok((
        Bagian {
            rel,
            reader,
            jenis,
            partisi: Vec::new(),
        },
        nama,
    ))
}

impl Parket {
    /// Opens the Parquet files `bagian` (relative path and bytes, in path order) as one input.
    /// `Err` names the file that cannot be read, and why.
    ///
    /// In a folder (`folder`, `data/realisasi/`), the `key=value` folders of a part's path are
    /// columns too, as engines partition a table (Spark's `partitionBy("program")` writes
    /// `program=PKH/part-….parquet` and leaves the column out of the files): each adds a
    /// column after the files' own, unless the files have it; a value is percent-decoded, and
    /// Hive's `__HIVE_DEFAULT_PARTITION__` is an empty cell.
    pub fn buka(
        bagian: Vec<(String, Vec<u8>)>,
        batas_baris: u64,
        folder: Option<&str>,
    ) -> Result<Parket, (String, Gagal)> {
        let mut kunci_partisi: Option<Vec<String>> = None;
        let mut dibuka = Vec::with_capacity(bagian.len());
        let mut header: Option<Vec<String>> = None;
        let mut pertama = String::new();
        for (rel, bytes) in bagian {
            let (mut satu, mut kolom) =
                buka_satu(rel.clone(), bytes).map_err(|g| (rel.clone(), g))?;
            if let Some(folder) = folder {
                let (kunci, nilai) = partisi(&rel, folder);
                match &kunci_partisi {
                    None => kunci_partisi = Some(kunci.clone()),
                    Some(k) if *k != kunci => {
                        return Err((
                            rel,
                            Gagal::SkemaBeda {
                                pertama: pertama.clone(),
                            },
                        ));
                    }
                    Some(_) => {}
                }
                for (k, v) in kunci.into_iter().zip(nilai) {
                    if !kolom.contains(&k) {
                        kolom.push(k);
                        satu.partisi.push(v);
                    }
                }
            }
            match &header {
                None => {
                    header = Some(kolom);
                    pertama = rel.clone();
                }
                Some(h) if *h != kolom => {
                    return Err((
                        rel,
                        Gagal::SkemaBeda {
                            pertama: pertama.clone(),
                        },
                    ));
                }
                Some(_) => {}
            }
            dibuka.push(satu);
            let baris: u64 = dibuka
                .iter()
                .map(|b| u64::try_from(b.reader.metadata().file_metadata().num_rows()).unwrap_or(0))
                .sum();
            if baris > batas_baris {
                return Err((
                    rel,
                    Gagal::TerlaluBanyakBaris {
                        baris,
                        batas: batas_baris,
                    },
                ));
            }
        }
        Ok(Parket {
            bagian: dibuka,
            kolom: header.unwrap_or_default(),
        })
    }

    /// Every row group of every part, in order, with its first row's number: rows are
    /// numbered from 1 across the parts (the first row of the second part follows the last of
    /// the first), as [`Parket::bagian_awal`] maps them back.
    pub fn kelompok(&self) -> Vec<Kelompok> {
        let mut semua = Vec::new();
        let mut awal = 1u64;
        for (b, bagian) in self.bagian.iter().enumerate() {
            for (g, grup) in bagian.reader.metadata().row_groups().iter().enumerate() {
                let baris = usize::try_from(grup.num_rows()).unwrap_or(0);
                semua.push(Kelompok {
                    bagian: b,
                    grup: g,
                    baris_awal: awal,
                    baris,
                });
                awal += baris as u64;
            }
        }
        semua
    }

    /// Each part's file and how many rows the parts before it have.
    pub fn bagian_awal(&self) -> Vec<(String, u64)> {
        let mut sebelum = 0u64;
        self.bagian
            .iter()
            .map(|b| {
                let awal = sebelum;
                sebelum +=
                    u64::try_from(b.reader.metadata().file_metadata().num_rows()).unwrap_or(0);
                (b.rel.clone(), awal)
            })
            .collect()
    }

    /// Whether column `i` holds instants adjusted to UTC (a `TIMESTAMP` with
    /// `isAdjustedToUTC`, Spark's `INT96`): their day depends on a time zone the file does not
    /// give, and Indonesia has three.
    pub fn waktu_utc(&self, i: usize) -> bool {
        self.bagian.first().is_some_and(|b| {
            matches!(
                b.jenis.get(i),
                Some(Jenis::Stempel { utc: true, .. } | Jenis::Stempel96)
            )
        })
    }

    /// Whether column `i` is nested or repeated (part of a list, struct or map): salur reads
    /// flat columns only.
    pub fn bersarang(&self, i: usize) -> bool {
        self.bagian.first().is_some_and(|b| {
            let skema = b.reader.metadata().file_metadata().schema_descr();
            i < skema.num_columns()
                && (skema.column(i).max_rep_level() > 0 || skema.column(i).path().parts().len() > 1)
        })
    }

    /// Decodes row group `k` and hands each row to `f` as a record (field `i` is column `i`,
    /// a column in `lewati` left empty and not decoded) with its row number. `Err` is the
    /// reader's message when the data are damaged.
    pub fn baca(
        &self,
        k: Kelompok,
        lewati: &[bool],
        f: &mut dyn FnMut(&ByteRecord, u64),
    ) -> Result<(), String> {
        crate::dasar::panik::tangkap(|| self.baca_grup(k, lewati, f))
            .unwrap_or_else(|e| Err(format!("the Parquet reader failed: {e}")))
    }

    fn baca_grup(
        &self,
        k: Kelompok,
        lewati: &[bool],
        f: &mut dyn FnMut(&ByteRecord, u64),
    ) -> Result<(), String> {
        let bagian = &self.bagian[k.bagian];
        let grup = bagian
            .reader
            .get_row_group(k.grup)
            .map_err(|e| e.to_string())?;
        let skema = bagian.reader.metadata().file_metadata().schema_descr();
        let mut kolom: Vec<Option<Kolom>> = Vec::with_capacity(bagian.jenis.len());
        for i in 0..bagian.jenis.len() {
            if lewati.get(i).copied().unwrap_or(false) {
                kolom.push(None);
                continue;
            }
            let reader = grup.get_column_reader(i).map_err(|e| e.to_string())?;
            kolom.push(Some(Kolom::baru(reader, &skema.column(i), bagian.jenis[i])));
        }
        let mut record = ByteRecord::new();
        let mut sisa = k.baris;
        let mut baris = k.baris_awal;
        while sisa > 0 {
            let n = sisa.min(BATCH);
            for k in kolom.iter_mut().flatten() {
                k.isi(n)?;
            }
            for r in 0..n {
                record.clear();
                for k in &kolom {
                    match k {
                        Some(k) => record.push_field(k.sel(r)),
                        None => record.push_field(b""),
                    }
                }
                for v in &bagian.partisi {
                    record.push_field(v.as_bytes());
                }
                f(&record, baris);
                baris += 1;
            }
            sisa -= n;
        }
        // a footer declaring fewer rows than its pages hold would leave rows out silently
        for kol in kolom.iter_mut().flatten() {
            if kol.ada_lagi()? {
                return Err(format!(
                    "more rows than the {} its row group declares",
                    k.baris
                ));
            }
        }
        Ok(())
    }
}

/// How a column's values become text.
#[derive(Debug, Clone, Copy)]
enum Jenis {
    /// `true` / `false`.
    Boolean,
    /// An integer, signed or not.
    Bulat { bertanda: bool },
    /// Days since 1970-01-01.
    Tanggal,
    /// A time of day in units per second.
    Jam { per_detik: i64 },
    /// An instant in units per second since 1970-01-01 00:00; `utc` when adjusted to UTC.
    Stempel { per_detik: i64, utc: bool },
    /// Spark's legacy INT96 timestamp.
    Stempel96,
    /// A decimal with this many digits after the point.
    Desimal { skala: u32 },
    /// A floating-point number.
    Pecahan,
    /// A half-precision floating-point number (`FLOAT16`, two bytes, little-endian).
    Pecahan16,
    /// Bytes as they are (a string).
    Teks,
}

impl Jenis {
    fn dari(kolom: &ColumnDescPtr) -> Jenis {
        use parquet::basic::ConvertedType as K;
        let fisik = kolom.physical_type();
        let per_detik = |u: &TimeUnit| match u {
            TimeUnit::MILLIS => 1_000,
            TimeUnit::MICROS => 1_000_000,
            TimeUnit::NANOS => 1_000_000_000,
        };
        let skala = u32::try_from(kolom.type_scale()).unwrap_or(0);
        match (fisik, kolom.logical_type_ref()) {
            (Fisik::BOOLEAN, _) => Jenis::Boolean,
            (Fisik::FIXED_LEN_BYTE_ARRAY, Some(LogicalType::Float16)) => Jenis::Pecahan16,
            (Fisik::FLOAT | Fisik::DOUBLE, _) => Jenis::Pecahan,
            (Fisik::INT96, _) => Jenis::Stempel96,
            (_, Some(LogicalType::Decimal { .. })) => Jenis::Desimal { skala },
            (Fisik::INT32 | Fisik::INT64, Some(LogicalType::Date)) => Jenis::Tanggal,
            (Fisik::INT32 | Fisik::INT64, Some(LogicalType::Time(t))) => Jenis::Jam {
                per_detik: per_detik(&t.unit),
            },
            (Fisik::INT64, Some(LogicalType::Timestamp(t))) => Jenis::Stempel {
                per_detik: per_detik(&t.unit),
                utc: t.is_adjusted_to_u_t_c,
            },
            (Fisik::INT32 | Fisik::INT64, Some(LogicalType::Integer(i))) => Jenis::Bulat {
                bertanda: i.is_signed,
            },
            (Fisik::INT32 | Fisik::INT64, _) => match kolom.converted_type() {
                K::DECIMAL => Jenis::Desimal { skala },
                K::DATE => Jenis::Tanggal,
                K::TIME_MILLIS => Jenis::Jam { per_detik: 1_000 },
                K::TIME_MICROS => Jenis::Jam {
                    per_detik: 1_000_000,
                },
                // the legacy annotation means an instant in UTC
                K::TIMESTAMP_MILLIS => Jenis::Stempel {
                    per_detik: 1_000,
                    utc: true,
                },
                K::TIMESTAMP_MICROS => Jenis::Stempel {
                    per_detik: 1_000_000,
                    utc: true,
                },
                K::UINT_8 | K::UINT_16 | K::UINT_32 | K::UINT_64 => {
                    Jenis::Bulat { bertanda: false }
                }
                _ => Jenis::Bulat { bertanda: true },
            },
            (Fisik::BYTE_ARRAY | Fisik::FIXED_LEN_BYTE_ARRAY, _)
                if kolom.converted_type() == K::DECIMAL =>
            {
                Jenis::Desimal { skala }
            }
            _ => Jenis::Teks,
        }
    }
}

/// One column of a row group being read: its reader, and the text of its current batch.
struct Kolom {
    reader: ColumnReader,
    sel: Sel,
}

/// The text of a column's current batch, and how its values become text.
struct Sel {
    jenis: Jenis,
    /// Its largest definition level: a value is present where the level reaches it.
    def_maks: i16,
    def: Vec<i16>,
    /// The batch's cells, end to end, and where each ends.
    teks: Vec<u8>,
    ujung: Vec<usize>,
    /// The last date written, and its text: a column of dates repeats a few values.
    tanggal_terakhir: Option<(i64, [u8; 10])>,
    buf: String,
}

/// Reads `$n` records of typed reader `$r` into `$sel`, each present value written by `$tulis`.
macro_rules! baca_nilai {
    ($sel:ident, $r:ident, $n:ident, $tulis:expr) => {{
        let mut vals = Vec::with_capacity($n);
        $sel.def.clear();
        let def = ($sel.def_maks > 0).then_some(&mut $sel.def);
        let (records, nilai, _) = $r
            .read_records($n, def, None, &mut vals)
            .map_err(|e| e.to_string())?;
        if records != $n {
            return Err(format!(
                "{records} rows where the row group promised {}",
                $n
            ));
        }
        let mut v = 0usize;
        for r in 0..$n {
            let ada = $sel.def_maks == 0 || $sel.def.get(r).copied() == Some($sel.def_maks);
            if ada {
                let Some(x) = vals.get(v) else {
                    return Err("fewer values than rows".into());
                };
                #[allow(clippy::redundant_closure_call)]
                ($tulis)(&mut *$sel, x);
                v += 1;
            }
            $sel.ujung.push($sel.teks.len());
        }
        let _ = nilai;
    }};
}

impl Kolom {
    fn baru(reader: ColumnReader, descr: &ColumnDescPtr, jenis: Jenis) -> Kolom {
        Kolom {
            reader,
            sel: Sel {
                jenis,
                def_maks: descr.max_def_level(),
                def: Vec::new(),
                teks: Vec::new(),
                ujung: Vec::new(),
                tanggal_terakhir: None,
                buf: String::new(),
            },
        }
    }

    /// Whether the column has a record beyond those read.
    fn ada_lagi(&mut self) -> Result<bool, String> {
        let dilewati = match &mut self.reader {
            ColumnReader::BoolColumnReader(r) => r.skip_records(1),
            ColumnReader::Int32ColumnReader(r) => r.skip_records(1),
            ColumnReader::Int64ColumnReader(r) => r.skip_records(1),
            ColumnReader::Int96ColumnReader(r) => r.skip_records(1),
            ColumnReader::FloatColumnReader(r) => r.skip_records(1),
            ColumnReader::DoubleColumnReader(r) => r.skip_records(1),
            ColumnReader::ByteArrayColumnReader(r) => r.skip_records(1),
            ColumnReader::FixedLenByteArrayColumnReader(r) => r.skip_records(1),
        };
        dilewati.map(|n| n > 0).map_err(|e| e.to_string())
    }

    /// The text of row `r` of the current batch.
    fn sel(&self, r: usize) -> &[u8] {
        let s = &self.sel;
        let awal = if r == 0 { 0 } else { s.ujung[r - 1] };
        &s.teks[awal..s.ujung[r]]
    }

    /// Decodes the next `n` rows into text.
    fn isi(&mut self, n: usize) -> Result<(), String> {
        let Kolom { reader, sel } = self;
        sel.teks.clear();
        sel.ujung.clear();
        match reader {
            ColumnReader::BoolColumnReader(r) => baca_nilai!(sel, r, n, |s: &mut Sel, x: &bool| {
                s.teks
                    .extend_from_slice(if *x { b"true" } else { b"false" })
            }),
            ColumnReader::Int32ColumnReader(r) => baca_nilai!(sel, r, n, |s: &mut Sel, x: &i32| {
                let v = match s.jenis {
                    Jenis::Bulat { bertanda: false } => i64::from(x.cast_unsigned()),
                    _ => i64::from(*x),
                };
                s.tulis_bulat(v)
            }),
            ColumnReader::Int64ColumnReader(r) => baca_nilai!(sel, r, n, |s: &mut Sel, x: &i64| {
                match s.jenis {
                    Jenis::Bulat { bertanda: false } => {
                        let mut b = itoa::Buffer::new();
                        s.teks
                            .extend_from_slice(b.format(x.cast_unsigned()).as_bytes());
                    }
                    _ => s.tulis_bulat(*x),
                }
            }),
            ColumnReader::Int96ColumnReader(r) => {
                baca_nilai!(sel, r, n, |s: &mut Sel, x: &parquet::data_type::Int96| {
                    s.tulis_stempel(i128::from(x.to_nanos()), 1_000_000_000)
                })
            }
            ColumnReader::FloatColumnReader(r) => baca_nilai!(sel, r, n, |s: &mut Sel, x: &f32| s
                .tulis_pecahan(f64::from(*x))),
            ColumnReader::DoubleColumnReader(r) => {
                baca_nilai!(sel, r, n, |s: &mut Sel, x: &f64| s.tulis_pecahan(*x))
            }
            ColumnReader::ByteArrayColumnReader(r) => baca_nilai!(
                sel,
                r,
                n,
                |s: &mut Sel, x: &parquet::data_type::ByteArray| s.tulis_bytes(x.data())
            ),
            ColumnReader::FixedLenByteArrayColumnReader(r) => baca_nilai!(
                sel,
                r,
                n,
                |s: &mut Sel, x: &parquet::data_type::FixedLenByteArray| s.tulis_bytes(x.data())
            ),
        }
        Ok(())
    }
}

impl Sel {
    fn tulis_bulat(&mut self, v: i64) {
        match self.jenis {
            Jenis::Tanggal => self.tulis_tanggal(v),
            Jenis::Jam { per_detik } => {
                let detik = v.div_euclid(per_detik);
                self.buf.clear();
                let _ = write!(self.buf, "{:02}:{:02}", detik / 3600 % 24, detik / 60 % 60);
                if detik % 60 != 0 {
                    let _ = write!(self.buf, ":{:02}", detik % 60);
                }
                self.teks.extend_from_slice(self.buf.as_bytes());
            }
            Jenis::Stempel { per_detik, .. } => self.tulis_stempel(i128::from(v), per_detik),
            Jenis::Desimal { skala } => self.tulis_desimal(i128::from(v), skala),
            _ => {
                let mut b = itoa::Buffer::new();
                self.teks.extend_from_slice(b.format(v).as_bytes());
            }
        }
    }

    fn tulis_tanggal(&mut self, hari: i64) {
        if let Some((h, t)) = self.tanggal_terakhir
            && h == hari
        {
            self.teks.extend_from_slice(&t);
            return;
        }
        let Some(tanggal) = tanggal_dari_hari(hari) else {
            // beyond any calendar: its number, which the date check then refuses
            let mut b = itoa::Buffer::new();
            self.teks.extend_from_slice(b.format(hari).as_bytes());
            return;
        };
        self.tanggal_terakhir = Some((hari, tanggal));
        self.teks.extend_from_slice(&tanggal);
    }

    fn tulis_stempel(&mut self, nilai: i128, per_detik: i64) {
        let per_detik = i128::from(per_detik);
        let detik = nilai.div_euclid(per_detik);
        let hari = detik.div_euclid(86_400);
        let dalam = detik.rem_euclid(86_400);
        let Ok(hari) = i64::try_from(hari) else {
            self.teks.extend_from_slice(nilai.to_string().as_bytes());
            return;
        };
        self.tulis_tanggal(hari);
        if dalam != 0 {
            self.buf.clear();
            let _ = write!(
                self.buf,
                " {:02}:{:02}:{:02}",
                dalam / 3600,
                dalam / 60 % 60,
                dalam % 60
            );
            self.teks.extend_from_slice(self.buf.as_bytes());
        }
    }

    fn tulis_desimal(&mut self, nilai: i128, skala: u32) {
        self.buf.clear();
        tulis_desimal(nilai, skala, &mut self.buf);
        self.teks.extend_from_slice(self.buf.as_bytes());
    }

    fn tulis_pecahan(&mut self, f: f64) {
        self.buf.clear();
        super::lembar::tulis_angka(f, &mut self.buf);
        self.teks.extend_from_slice(self.buf.as_bytes());
    }

    fn tulis_bytes(&mut self, b: &[u8]) {
        match self.jenis {
            Jenis::Desimal { skala } => match be_ke_i128(b) {
                Some(v) => self.tulis_desimal(v, skala),
                None => {
                    // wider than 38 digits: its digits by long division
                    self.buf.clear();
                    tulis_desimal_besar(b, skala, &mut self.buf);
                    self.teks.extend_from_slice(self.buf.as_bytes());
                }
            },
            Jenis::Pecahan16 => match <[u8; 2]>::try_from(b) {
                Ok(dua) => self.tulis_pecahan(f64::from(half::f16::from_le_bytes(dua).to_f32())),
                Err(_) => self.teks.extend_from_slice(b),
            },
            _ => self.teks.extend_from_slice(b),
        }
    }
}

/// The ISO date `hari` days after 1970-01-01, `None` beyond years 1–9999. Computed by hand
/// (Howard Hinnant's `civil_from_days`): a realisation's 5 million dates went through
/// `jiff` and `format!` in 0.6 s of CPU, most of the data stage's Parquet overhead.
fn tanggal_dari_hari(hari: i64) -> Option<[u8; 10]> {
    // beyond ±3 million days no year has four digits; the arithmetic below stays in range
    if !(-719_162..=2_932_896).contains(&hari) {
        return None;
    }
    let z = hari + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    if !(1..=9999).contains(&y) {
        return None;
    }
    let digit = |v: i64| b'0' + (v % 10) as u8;
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ])
}

/// A big-endian two's-complement integer of at most 16 bytes (a Parquet decimal).
fn be_ke_i128(b: &[u8]) -> Option<i128> {
    if b.is_empty() || b.len() > 16 {
        return None;
    }
    let isi = if b[0] & 0x80 != 0 { 0xFF } else { 0 };
    let mut buf = [isi; 16];
    buf[16 - b.len()..].copy_from_slice(b);
    Some(i128::from_be_bytes(buf))
}

/// A big-endian two's-complement integer of any width × 10^-`skala`, exactly (a `DECIMAL`
/// wider than 38 digits).
fn tulis_desimal_besar(b: &[u8], skala: u32, out: &mut String) {
    let negatif = b.first().is_some_and(|x| x & 0x80 != 0);
    let mut angka: Vec<u8> = b.to_vec();
    if negatif {
        // two's complement: invert and add one
        for x in angka.iter_mut() {
            *x = !*x;
        }
        for x in angka.iter_mut().rev() {
            let (v, lewat) = x.overflowing_add(1);
            *x = v;
            if !lewat {
                break;
            }
        }
    }
    let mut digit = Vec::new();
    while angka.iter().any(|&x| x != 0) {
        let mut sisa = 0u32;
        for x in angka.iter_mut() {
            let cur = (sisa << 8) | u32::from(*x);
            *x = (cur / 10) as u8;
            sisa = cur % 10;
        }
        digit.push(b'0' + sisa as u8);
    }
    let skala = skala as usize;
    while digit.len() <= skala {
        digit.push(b'0');
    }
    digit.reverse();
    let (utuh, pecahan) = digit.split_at(digit.len() - skala);
    let pecahan = String::from_utf8_lossy(pecahan);
    let pecahan = pecahan.trim_end_matches('0');
    if negatif {
        out.push('-');
    }
    out.push_str(&String::from_utf8_lossy(utuh));
    if !pecahan.is_empty() {
        out.push('.');
        out.push_str(pecahan);
    }
}

/// `nilai` × 10^-`skala` exactly: `1887700` at scale 2 is `18877`, `250` is `2.50`, read
/// like the worksheet's numbers (a whole decimal without its zeros).
fn tulis_desimal(nilai: i128, skala: u32, out: &mut String) {
    if skala == 0 {
        let _ = write!(out, "{nilai}");
        return;
    }
    let Some(p) = 10i128.checked_pow(skala) else {
        let _ = write!(out, "{nilai}e-{skala}");
        return;
    };
    let utuh = nilai / p;
    let pecahan = (nilai % p).unsigned_abs();
    if nilai < 0 && utuh == 0 {
        out.push('-');
    }
    let _ = write!(out, "{utuh}");
    if pecahan != 0 {
        let teks = format!("{pecahan:0width$}", width = skala as usize);
        let teks = teks.trim_end_matches('0');
        out.push('.');
        out.push_str(teks);
        // `2.500` would read as two thousand five hundred: as a worksheet's number, one more zero
        let digit_utuh = utuh.unsigned_abs().to_string().len();
        if teks.len() == 3 && digit_utuh <= 3 {
            out.push('0');
        }
    }
}

/// The Parquet files of input `stem` (`data/realisasi`): `stem.parquet`, or the parts of the
/// folder `stem/` (its subfolders too, as an engine partitions them), in path order, leaving
/// out files and folders whose names start with `_` or `.` (Spark's `_SUCCESS`, checksums).
/// A folder is an input when one of its files is Parquet, by its `.parquet` name or by its
/// first bytes (Trino, Hive and Athena name parts without an extension); then every file in
/// it is a part, so that a stray file is refused as not Parquet rather than left out in
/// silence. `None` when there is neither file nor such a folder.
pub fn cari(root: &Path, stem: &str) -> Option<Vec<String>> {
    let berkas = format!("{stem}.{EKSTENSI}");
    if std::fs::symlink_metadata(root.join(&berkas)).is_ok() {
        return Some(vec![berkas]);
    }
    let folder = root.join(stem);
    if !folder.is_dir() {
        return None;
    }
    let mut ada_parket = false;
    let mut bagian: Vec<String> = Vec::new();
    for e in walkdir::WalkDir::new(&folder)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !e.file_name().to_string_lossy().starts_with(['_', '.'])
        })
        .filter_map(Result::ok)
    {
        if e.file_type().is_dir() {
            continue;
        }
        ada_parket = ada_parket || adalah_parket(e.path());
        if let Ok(rel) = e.path().strip_prefix(root) {
            bagian.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    bagian.sort();
    (ada_parket && !bagian.is_empty()).then_some(bagian)
}

/// Whether `path` is a Parquet file: named `.parquet`, or an ordinary file (not a pipe, which
/// would wait for a writer) starting with the magic bytes `PAR1`.
fn adalah_parket(path: &Path) -> bool {
    use std::io::Read as _;
    if path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case(EKSTENSI))
    {
        return true;
    }
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut awal = [0u8; 4];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut awal))
        .is_ok_and(|()| &awal == b"PAR1")
}

/// Whether the folder `stem/` holds files but no Parquet file: named like an input, it is not
/// read, which a warning says.
pub fn folder_tanpa_parket(root: &Path, stem: &str) -> bool {
    let folder = root.join(stem);
    folder.is_dir()
        && cari(root, stem).is_none()
        && walkdir::WalkDir::new(&folder)
            .into_iter()
            .filter_map(Result::ok)
            .any(|e| {
                !e.file_type().is_dir() && !e.file_name().to_string_lossy().starts_with(['_', '.'])
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desimal_ditulis_tepat() {
        let t = |n, s| {
            let mut o = String::new();
            tulis_desimal(n, s, &mut o);
            o
        };
        assert_eq!(t(1_887_700, 2), "18877");
        assert_eq!(t(250, 2), "2.5");
        assert_eq!(t(2500, 3), "2.5");
        assert_eq!(t(2_500, 4), "0.25");
        assert_eq!(t(-5, 1), "-0.5");
        assert_eq!(t(12_345, 1), "1234.5");
        assert_eq!(t(1_234_567, 3), "1234.567");
        assert_eq!(t(2_125, 3), "2.1250");
        assert_eq!(t(7, 0), "7");
    }

    #[test]
    fn tanggal_dari_hari_dihitung() {
        let t = |h| tanggal_dari_hari(h).map(|t| String::from_utf8_lossy(&t).into_owned());
        assert_eq!(t(0).as_deref(), Some("1970-01-01"));
        assert_eq!(t(18_821).as_deref(), Some("2021-07-13"));
        assert_eq!(t(-1).as_deref(), Some("1969-12-31"));
        assert_eq!(t(i64::MAX), None);
        assert_eq!(t(i64::MIN), None);
        // every day from year 1 to 9999 against jiff
        let mut d = jiff::civil::date(1, 1, 1);
        let awal = -719_162;
        for h in awal..=2_932_896 {
            let harapan = format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
            assert_eq!(t(h).as_deref(), Some(harapan.as_str()), "day {h}");
            match d.tomorrow() {
                Ok(n) => d = n,
                Err(_) => break,
            }
        }
        assert_eq!(t(awal - 1), None);
        assert_eq!(t(2_932_897), None);
    }

    #[test]
    fn desimal_besar_ditulis_tepat() {
        let t = |b: &[u8], s| {
            let mut o = String::new();
            tulis_desimal_besar(b, s, &mut o);
            o
        };
        // 10^40 and -1 at scale 0; 1887700 at scale 2
        let besar = [
            29u8, 99, 41, 241, 195, 92, 164, 191, 171, 185, 245, 97, 0, 0, 0, 0, 0,
        ];
        assert_eq!(t(&besar, 0), format!("1{}", "0".repeat(40)));
        assert_eq!(t(&[0xFF; 17], 0), "-1");
        assert_eq!(t(&[0, 0x1C, 0xCD, 0xD4], 2), "18877");
        assert_eq!(t(&[0, 0, 0xFA], 2), "2.5");
    }

    #[test]
    fn be_ke_i128_bertanda() {
        assert_eq!(be_ke_i128(&[0x01, 0x00]), Some(256));
        assert_eq!(be_ke_i128(&[0xFF]), Some(-1));
        assert_eq!(be_ke_i128(&[]), None);
        assert_eq!(be_ke_i128(&[0; 17]), None);
    }
}
