//! Properties of the readers of user input: the CSV reader, the parsers of one cell (counts,
//! money, dates, times of day, region codes) and the front-matter reader. For each of them:
//! any input gives a value or an error, never a panic; and what salur writes (or what a
//! spreadsheet or TOML writer produces) reads back as the same value.
//!
//! The whole pipeline's no-panic property is in `tests/suite/robustness.rs`.

use jiff::civil::Date;
use proptest::prelude::*;

use salur::data::table::{Columns, Table};
use salur::data::value::{self, KodeWilayah};
use salur::diagnostics::{Diagnostics, Expected, Problem};
use salur::format;
use salur::lang::Lang;

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Id), Just(Lang::En)]
}

/// Bytes that look like a cell of numbers, money, dates or codes, or anything at all.
fn cell_bytes() -> impl Strategy<Value = Vec<u8>> {
    const ALPHABET: &[u8] = b"0123456789000..,,--+/: :RrPpIiDd\xC2\xA0\t\xFF";
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(ALPHABET), 0..24),
        1 => prop::collection::vec(any::<u8>(), 0..24),
    ]
}

/// What a count or an amount of `n` reads as: `n`, or, for a number of 16 digits, the NIK
/// guard's problem (no figure is that long; a NIK in Excel's number display is).
fn dibaca(n: u64) -> Result<u64, Problem> {
    if (1_000_000_000_000_000..=9_999_999_999_999_999).contains(&n) {
        Err(Problem::PrivacyNik)
    } else {
        Ok(n)
    }
}

// ---------------------------------------------------------------------------------------------
// Counts: value::count and format::ribuan

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any bytes give a count or a problem about a count, never a panic.
    #[test]
    fn count_never_panics(b in cell_bytes()) {
        match value::count(&b, Expected::Count) {
            Ok(_) | Err(Problem::Malformed(Expected::Count)) | Err(Problem::Negative(Expected::Count)) | Err(Problem::PrivacyNik) => {}
            Err(other) => prop_assert!(false, "unexpected problem {other:?}"),
        }
    }

    /// A count written by the site, with thousands dots (`18.877`) or commas (`18,877`), reads
    /// back as itself, for every count `ribuan` can write (0 ..= i64::MAX); so do the forms
    /// with a zero decimal part a spreadsheet adds (`18.877,00`, `18,877.00`) and surrounding
    /// spaces. A negative one is `Negative`, never a wrong positive; one of 16 digits is refused
    /// as NIK-shaped.
    #[test]
    fn count_reads_what_ribuan_writes(n in prop_oneof![0i64..100_000, any::<i64>().prop_map(i64::unsigned_abs).prop_map(|n| (n >> 1) as i64)], lang in lang()) {
        let written = format::ribuan(n, lang);
        prop_assert_eq!(value::count(written.as_bytes(), Expected::Count), dibaca(n as u64), "{}", written);
        let decimal = format!(" {written}{}00 ", lang.decimal_separator());
        prop_assert_eq!(value::count(decimal.as_bytes(), Expected::Count), dibaca(n as u64), "{}", decimal);
        if n > 0 {
            let negative = format::ribuan(-n, lang);
            prop_assert_eq!(value::count(negative.as_bytes(), Expected::Count), Err(Problem::Negative(Expected::Count)), "{}", negative);
        }
    }

    /// Plain digits read as `u64::from_str` reads them: the value when it fits in a u64 (all
    /// of them, up to 18446744073709551615, but 16 digits: NIK-shaped), a `Malformed` problem
    /// (not a wrapped number) when it does not.
    #[test]
    fn count_of_plain_digits(digits in "[0-9]{1,24}") {
        let expected = digits
            .parse::<u64>()
            .map_err(|_| Problem::Malformed(Expected::Count))
            .and_then(dibaca);
        prop_assert_eq!(value::count(digits.as_bytes(), Expected::Count), expected);
    }

    /// Every u64 written as plain digits reads back as itself (but 16 digits: NIK-shaped).
    #[test]
    fn count_reads_every_u64(n in any::<u64>()) {
        prop_assert_eq!(value::count(n.to_string().as_bytes(), Expected::Count), dibaca(n));
    }
}

// ---------------------------------------------------------------------------------------------
// Money: value::money and format::rupiah

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any bytes give an amount or a problem about money, never a panic.
    #[test]
    fn money_never_panics(b in cell_bytes()) {
        match value::money(&b) {
            Ok(_) | Err(Problem::Malformed(Expected::Money)) | Err(Problem::Negative(Expected::Money)) | Err(Problem::PrivacyNik) => {}
            Err(other) => prop_assert!(false, "unexpected problem {other:?}"),
        }
    }

    /// `rupiah` writes any i64, even i64::MIN, without panicking: `Rp 2.500.000`, `-Rp 5`.
    #[test]
    fn rupiah_writes_every_i64(n in prop_oneof![Just(i64::MIN), Just(i64::MAX), any::<i64>()], lang in lang()) {
        let written = format::rupiah(n, lang);
        let digits: String = written.chars().filter(char::is_ascii_digit).collect();
        prop_assert_eq!(digits, n.unsigned_abs().to_string());
        prop_assert_eq!(written.starts_with('-'), n < 0);
    }

    /// An amount written by the site (`Rp 2.500.000`, `Rp 2,500,000`) reads back as itself, for
    /// every amount `rupiah` can write (0 ..= i64::MAX); so do the forms of an Excel export
    /// (`Rp2.500.000,-`, `Rp. 2.500.000,00`, `IDR 2,500,000`). A negative amount (`-Rp 5`) is
    /// `Negative`, never a wrong positive. An amount of 16 digits is refused as NIK-shaped.
    #[test]
    fn money_reads_what_rupiah_writes(n in prop_oneof![0i64..10_000_000, any::<i64>().prop_map(|n| (n.unsigned_abs() >> 1) as i64)], lang in lang()) {
        let written = format::rupiah(n, lang);
        prop_assert_eq!(value::money(written.as_bytes()), dibaca(n as u64), "{}", written);
        let grouped = format::ribuan(n, lang);
        let dec = lang.decimal_separator();
        for form in [
            format!("Rp{grouped}{dec}-"),
            format!("Rp. {grouped}{dec}00"),
            format!("IDR {grouped}"),
            format!("rp {n}"),
            format!("{grouped}{dec}-"),
        ] {
            prop_assert_eq!(value::money(form.as_bytes()), dibaca(n as u64), "{}", form);
        }
        if n > 0 {
            let negative = format::rupiah(-n, lang);
            prop_assert_eq!(value::money(negative.as_bytes()), Err(Problem::Negative(Expected::Money)), "{}", negative);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dates: value::date; times of day: value::jam and format::jam

/// A valid civil date in the years `value::date` accepts (1900 ..= 2200).
fn date_in_range() -> impl Strategy<Value = Date> {
    (1900i16..=2200, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
        let last = Date::new(y, m, 1)
            .expect("first of a month")
            .days_in_month();
        Date::new(y, m, d.min(last)).expect("a valid date")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Any bytes give a date or a problem about a date, never a panic.
    #[test]
    fn date_never_panics(b in cell_bytes()) {
        match value::date(&b) {
            Ok(d) => prop_assert!((1900..=2200).contains(&d.year())),
            Err(e) => prop_assert_eq!(e, Problem::Malformed(Expected::Date)),
        }
    }

    /// Every date of 1900 ..= 2200 reads back from each form an operator or Excel writes:
    /// `2021-07-13`, `13/07/2021`, `13/7/2021`, `13-07-2021`, `13.07.2021`, and each of them
    /// with a midnight time after it (`13/07/2021 00:00`).
    #[test]
    fn date_reads_its_written_forms(d in date_in_range()) {
        let (y, m, day) = (d.year(), d.month(), d.day());
        for form in [
            d.to_string(),
            format!("{day:02}/{m:02}/{y}"),
            format!("{day}/{m}/{y}"),
            format!("{day:02}-{m:02}-{y}"),
            format!("{day:02}.{m:02}.{y}"),
        ] {
            prop_assert_eq!(value::date(form.as_bytes()), Ok(d), "{}", form);
            let with_time = format!(" {form} 00:00:00 ");
            prop_assert_eq!(value::date(with_time.as_bytes()), Ok(d), "{}", with_time);
        }
    }

    /// A day past the end of its month (`31/02/2022`, `2021-04-31`) is a problem, not the
    /// next month's day.
    #[test]
    fn impossible_days_are_errors(y in 1900i16..=2200, m in 1i8..=12) {
        let last = Date::new(y, m, 1).expect("first of a month").days_in_month();
        for day in last + 1..=31 {
            for form in [format!("{y}-{m:02}-{day:02}"), format!("{day:02}/{m:02}/{y}")] {
                prop_assert_eq!(value::date(form.as_bytes()), Err(Problem::Malformed(Expected::Date)), "{}", form);
            }
        }
    }

    /// A year outside 1900 ..= 2200 is a problem (a typo such as `2201` or `1021`), though
    /// the date exists.
    #[test]
    fn dates_outside_the_years_are_errors(y in prop_oneof![1000i16..1900, 2201i16..=9999], m in 1i8..=12, day in 1i8..=28) {
        let d = Date::new(y, m, day).expect("a valid date");
        let dmy = format!("{day:02}/{m:02}/{y}");
        prop_assert!(value::date(d.to_string().as_bytes()).is_err(), "{}", d);
        prop_assert!(value::date(dmy.as_bytes()).is_err(), "{}", dmy);
    }

    /// Any bytes give a time of day or a problem about a time, never a panic; a time is
    /// always before midnight.
    #[test]
    fn jam_never_panics(b in cell_bytes()) {
        match value::jam(&b) {
            Ok(m) => prop_assert!(m < 24 * 60),
            Err(e) => prop_assert_eq!(e, Problem::Malformed(Expected::Time)),
        }
    }

    /// Every minute of the day written by the site (`07.00` in Indonesian, `07:00` in
    /// English) reads back as itself, and so does Excel's `07:00:00`. `format::jam` takes any
    /// u16, but a value past 23.59 is not a time of day and reads as a problem.
    #[test]
    fn jam_reads_what_format_jam_writes(m in any::<u16>(), lang in lang()) {
        let written = format::jam(m, lang);
        if m < 24 * 60 {
            prop_assert_eq!(value::jam(written.as_bytes()), Ok(m), "{}", written);
            let excel = format!("{}:00", format::jam(m, Lang::En));
            prop_assert_eq!(value::jam(excel.as_bytes()), Ok(m), "{}", excel);
        } else {
            prop_assert!(value::jam(written.as_bytes()).is_err(), "{}", written);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Region codes: KodeWilayah::parse and KodeWilayah::dotted

/// A region code's parts (provinsi, kabupaten/kota, kecamatan, desa/kelurahan), 1 to 4 of
/// them, none zero (a zero part is never a real region).
fn kode_parts() -> impl Strategy<Value = Vec<u64>> {
    (1usize..=4, 1u64..=99, 1u64..=99, 1u64..=99, 1u64..=9999)
        .prop_map(|(level, a, b, c, d)| [a, b, c, d][..level].to_vec())
}

fn dotted(parts: &[u64]) -> String {
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i == 3 {
                format!("{p:04}")
            } else {
                format!("{p:02}")
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Any bytes give a code or none, never a panic; a code read is written back as the
    /// dotted form of what was read (the dots dropped or kept).
    #[test]
    fn kode_wilayah_never_panics(b in cell_bytes()) {
        if let Some(k) = KodeWilayah::parse(&b) {
            let undotted: Vec<u8> = b.iter().copied().filter(|&c| c != b'.').collect();
            prop_assert_eq!(k.dotted().replace('.', "").into_bytes(), undotted);
            prop_assert!((1..=4).contains(&k.level()));
        }
        let _ = value::kode_wilayah(&b, None);
        let _ = value::kode_wilayah(&b, Some(salur::config::SistemKode::Kemendagri));
    }

    /// A dotted code reads back as itself (`dotted(parse(s)) == s`), the undotted form gives
    /// the same code, its level is its number of parts, and its parent is the code without
    /// its last part.
    #[test]
    fn kode_wilayah_dotted_round_trip(parts in kode_parts()) {
        let s = dotted(&parts);
        let k = KodeWilayah::parse(s.as_bytes());
        prop_assert!(k.is_some(), "{}", s);
        let k = k.unwrap();
        prop_assert_eq!(k.dotted(), s.clone());
        prop_assert_eq!(KodeWilayah::parse(s.replace('.', "").as_bytes()), Some(k));
        prop_assert_eq!(value::kode_wilayah(format!(" {s} ").as_bytes(), None), Ok(k));
        // undotted only when the site says its numbering
        let undotted = s.replace('.', "");
        let kemendagri = Some(salur::config::SistemKode::Kemendagri);
        prop_assert_eq!(value::kode_wilayah(undotted.as_bytes(), kemendagri), Ok(k));
        if undotted.len() > 2 {
            prop_assert!(value::kode_wilayah(undotted.as_bytes(), None).is_err());
        }
        prop_assert_eq!(k.level() as usize, parts.len());
        prop_assert_eq!(k.parent().map(KodeWilayah::dotted), (parts.len() > 1).then(|| dotted(&parts[..parts.len() - 1])));
    }

    /// Codes order as their dotted forms do, which is the tree's depth-first order: a parent
    /// right before its descendants.
    #[test]
    fn kode_wilayah_order_is_the_dotted_order(a in kode_parts(), b in kode_parts()) {
        let (sa, sb) = (dotted(&a), dotted(&b));
        let ka = KodeWilayah::parse(sa.as_bytes()).unwrap();
        let kb = KodeWilayah::parse(sb.as_bytes()).unwrap();
        prop_assert_eq!(ka.cmp(&kb), sa.cmp(&sb), "{} {}", sa, sb);
    }
}

// ---------------------------------------------------------------------------------------------
// The CSV reader: data::table::Table

/// The columns of the tables below: two required, one optional.
const COLS: Columns = Columns {
    required: &["kode_wilayah", "kpm"],
    optional: &["nilai"],
};

/// A row as the reader hands it over: its line and its columns of [`COLS`] as text.
type Baris = (u64, Vec<String>);

/// What the reader makes of `bytes`: the table, or none (with the problems).
fn open(bytes: &[u8], diags: &mut Diagnostics) -> Option<Table> {
    Table::from_bytes("data/x.csv", bytes.to_vec(), &COLS, &[], diags)
}

fn baris(row: &salur::data::table::Row) -> Baris {
    let cells = (0..3)
        .map(|c| String::from_utf8_lossy(row.get(c)).into_owned())
        .collect();
    (row.line, cells)
}

/// Reads `bytes` row by row (`Table::for_each_row`), as the small files are read; every cell
/// also goes through the cell parsers, as the loader would.
fn read_sequential(bytes: &[u8]) -> (Option<Vec<Baris>>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Some(mut t) = open(bytes, &mut diags) else {
        return (None, diags);
    };
    let mut rows = Vec::new();
    t.for_each_row(&mut diags, |row, _| {
        for c in 0..3 {
            let cell = row.get(c);
            let _ = value::count(cell, Expected::Count);
            let _ = value::money(cell);
            let _ = value::date(cell);
            let _ = value::jam(cell);
            let _ = value::kode_wilayah(cell, None);
        }
        rows.push(baris(row));
    });
    assert_eq!(t.rows, rows.len());
    (Some(rows), diags)
}

/// Reads `bytes` on all cores (`Table::par_rows`), as allocations and realisations are read,
/// merging the chunks as the loader does.
fn read_parallel(bytes: &[u8]) -> (Option<Vec<Baris>>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Some(mut t) = open(bytes, &mut diags) else {
        return (None, diags);
    };
    let mut rows = Vec::new();
    for (chunk, d) in t.par_rows(Vec::with_capacity, |row, _, out: &mut Vec<Baris>| {
        out.push(baris(row))
    }) {
        rows.extend(chunk);
        diags.extend(d);
    }
    assert_eq!(t.rows, rows.len());
    (Some(rows), diags)
}

fn messages(d: &Diagnostics) -> Vec<String> {
    d.items().iter().map(|d| d.message(Lang::En)).collect()
}

/// Bytes that look like a CSV export gone wrong: a BOM, a `sep=` line, a header, then quotes,
/// delimiters, line ends, NIKs, invalid UTF-8; or any bytes at all.
fn messy_csv() -> impl Strategy<Value = Vec<u8>> {
    let prefix = prop::sample::select(vec![
        &b""[..],
        b"\xEF\xBB\xBF",
        b"sep=;\n",
        b"sep=\t\r\n",
        b"sep=\"\n",
        b"sep=\n\n",
        b"SEP=,",
        b"sep=\xFF\n",
        b"\xEF\xBB\xBFsep=,\n",
    ]);
    let header = prop::sample::select(vec![
        &b"kode_wilayah,kpm,nilai\n"[..],
        b"Kode Wilayah;KPM\r\n",
        b"kode_wilayah\tkpm\tcatatan\n",
        b"\"kode_wilayah\",\"kpm\n",
        b"nik,kpm,kode_wilayah\n",
        b"kpm,kpm,kode_wilayah\n",
        b"",
    ]);
    let piece = prop_oneof![
        3 => prop::sample::select(vec![
            &b"\""[..], b",", b";", b"\t", b"\n", b"\r", b"\r\n", b"\xC2\xA0", b"\xEF\xBB\xBF",
            b"\xFF", b"\xC2", b"3575012345670001", b"35.75.01.1001", b"18.877", b"\"\"", b" ",
            b"2021-07-19", b"07.00", b"Rp 2.500.000,-", b"a",
        ]).prop_map(<[u8]>::to_vec),
        1 => prop::collection::vec(any::<u8>(), 1..4),
    ];
    prop_oneof![
        4 => (prefix, header, prop::collection::vec(piece, 0..40)).prop_map(|(p, h, body)| {
            let mut out = [p, h].concat();
            out.extend(body.concat());
            out
        }),
        1 => prop::collection::vec(any::<u8>(), 0..200),
    ]
}

/// A cell as an operator might type it: quotes, delimiters, line breaks, spaces (ASCII and
/// non-breaking) at either end, a BOM, non-ASCII letters, any character but NUL (a NUL byte
/// marks a binary file, which the reader refuses as a whole: `tests/fixtures/bad/`).
fn cell_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(vec![
            "\"", ",", ";", "\t", "\n", "\r", "\r\n", " ", "\u{a0}", "\u{feff}", "é", "中", "'",
            "#", "sep=;", "Rp 2.500.000", "18.877", "35.75.01.1001", "\"\"", "\u{2028}",
        ])
        .prop_map(str::to_string),
        1 => any::<char>().prop_filter("NUL: a binary file", |c| *c != '\0').prop_map(String::from),
        2 => "[a-zA-Z0-9 ]{1,6}",
    ];
    prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

/// A cell trimmed the way the reader documents it (`Row::get`): ASCII whitespace and
/// non-breaking spaces at either end. Written here from that description, not with the
/// library's `trim`.
fn trimmed(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\u{a0}')
}

/// A header name of one of the columns as a spreadsheet might spell it, with the column it
/// stands for (its index in [`COLS`], 3 for one the reader does not know).
fn header_spellings() -> impl Strategy<Value = Vec<(String, usize)>> {
    let kode = prop::sample::select(vec![
        "kode_wilayah",
        "Kode Wilayah",
        " KODE-WILAYAH ",
        "Kode.Wilayah",
        "kode  wilayah",
    ]);
    let kpm = prop::sample::select(vec!["kpm", "KPM", " Kpm "]);
    let nilai = prop::option::of(prop::sample::select(vec!["nilai", "Nilai", "NILAI "]));
    let lain = prop::option::of(prop::sample::select(vec!["catatan", "Keterangan"]));
    (kode, kpm, nilai, lain)
        .prop_map(|(kode, kpm, nilai, lain)| {
            let mut cols = vec![(kode.to_string(), 0), (kpm.to_string(), 1)];
            cols.extend(nilai.map(|n| (n.to_string(), 2)));
            cols.extend(lain.map(|n| (n.to_string(), 3)));
            cols
        })
        .prop_shuffle()
}

/// A CSV file as Excel or LibreOffice writes it, with what the reader must hand over.
#[derive(Clone)]
struct Ekspor {
    bytes: Vec<u8>,
    /// Each data row: its first line and its cells in header order.
    rows: Vec<(u64, Vec<String>)>,
    /// For each header column, the index in [`COLS`] it stands for.
    header: Vec<usize>,
}

impl std::fmt::Debug for Ekspor {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(&self.bytes))
    }
}

fn ekspor() -> impl Strategy<Value = Ekspor> {
    (
        header_spellings(),
        prop::sample::select(vec![b',', b';', b'\t']),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(prop::collection::vec(cell_text(), 4), 0..8),
    )
        .prop_map(|(header, delimiter, bom, crlf, sep_line, cells)| {
            let mut bytes = Vec::new();
            if bom {
                bytes.extend(b"\xEF\xBB\xBF");
            }
            if sep_line {
                bytes.extend(b"sep=");
                bytes.push(delimiter);
                bytes.extend(if crlf { &b"\r\n"[..] } else { b"\n" });
            }
            let mut w = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .terminator(if crlf {
                    csv::Terminator::CRLF
                } else {
                    csv::Terminator::Any(b'\n')
                })
                .from_writer(bytes);
            w.write_record(header.iter().map(|(name, _)| name))
                .expect("header");
            let mut rows = Vec::new();
            for row in cells {
                let row: Vec<String> = row.into_iter().take(header.len()).collect();
                w.flush().expect("flush");
                let line = 1 + w.get_ref().iter().filter(|&&b| b == b'\n').count() as u64;
                w.write_record(&row).expect("row");
                rows.push((line, row));
            }
            Ekspor {
                bytes: w.into_inner().expect("bytes"),
                rows,
                header: header.iter().map(|(_, c)| *c).collect(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Any bytes as a data file give a table with its rows, or problems, never a panic: the
    /// header is understood or reported, every row is handed over or reported, a row's line is
    /// a line of the file, and every problem can be written in both languages. Reading on all
    /// cores gives exactly what reading row by row gives.
    #[test]
    fn csv_reader_never_panics(bytes in messy_csv()) {
        let (rows, diags) = read_sequential(&bytes);
        let lines = 1 + bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        match &rows {
            None => prop_assert!(diags.has_errors()),
            Some(rows) => {
                for (line, _) in rows {
                    prop_assert!((2..=lines).contains(line), "line {} of {}", line, lines);
                }
            }
        }
        for d in diags.items() {
            let _ = d.message(Lang::Id);
            let _ = d.message(Lang::En);
        }
        let (par_rows, par_diags) = read_parallel(&bytes);
        prop_assert_eq!(rows, par_rows);
        prop_assert_eq!(messages(&diags), messages(&par_diags));
    }

    /// Cells written by a CSV writer (any delimiter the reader accepts, with or without a BOM,
    /// Excel's `sep=` line and CRLF line ends; header names in any case and spacing, in any
    /// order, with a column the reader does not know) read back as the same cells, through
    /// both reading paths, each with the line it starts on. The reader trims each cell (ASCII
    /// whitespace and non-breaking spaces at either end, as a spreadsheet pads them), so the
    /// identity is `get(c) == trimmed(cell)`; a row that is blank after trimming is skipped,
    /// and a row with a NIK-shaped cell is an error and not handed over.
    #[test]
    fn csv_cells_read_back(e in ekspor()) {
        let mut expected = Vec::new();
        let mut nik_rows = 0;
        for (line, row) in &e.rows {
            if row.iter().all(|c| trimmed(c).is_empty()) {
                continue;
            }
            if row.iter().any(|c| salur::teks::ada_nik(c.as_bytes())) {
                nik_rows += 1;
                continue;
            }
            let mut cells = vec![String::new(); 3];
            for (cell, &col) in row.iter().zip(&e.header) {
                if col < 3 {
                    cells[col] = trimmed(cell).to_string();
                }
            }
            expected.push((*line, cells));
        }
        for (rows, diags) in [read_sequential(&e.bytes), read_parallel(&e.bytes)] {
            prop_assert_eq!(diags.error_count(), nik_rows, "{:?}", messages(&diags));
            prop_assert_eq!(rows.as_ref(), Some(&expected), "{:?}", String::from_utf8_lossy(&e.bytes));
        }
    }
}

/// A big file, shown by its beginning.
#[derive(Clone)]
struct Besar(Vec<u8>);

impl std::fmt::Debug for Besar {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let head = &self.0[..self.0.len().min(400)];
        write!(
            f,
            "{} bytes: {:?}…",
            self.0.len(),
            String::from_utf8_lossy(head)
        )
    }
}

/// A file of more than 1 MiB without quotes, the kind `Table::par_rows` splits at line ends
/// and reads on all cores: rows of plain cells, some blank, some too short or too long, some
/// with a NIK, ended by LF, CRLF or a lone CR; the header ended by any of them.
fn big_unquoted() -> impl Strategy<Value = Besar> {
    let end = prop::sample::select(vec!["\n", "\n", "\r\n", "\r"]);
    let cell = prop_oneof![
        8 => "[a-zA-Z0-9 .é\u{a0}]{0,8}",
        1 => Just("3575012345670001".to_string()),
    ];
    let row = (prop::collection::vec(cell, 0..5), end);
    (
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
        prop::sample::select(vec![b',', b';', b'\t']),
        prop::collection::vec(row, 1..30),
    )
        .prop_map(|(header_end, delimiter, rows)| {
            let d = char::from(delimiter);
            let mut out = format!("kode_wilayah{d}kpm{d}nilai{header_end}").into_bytes();
            let header = out.len();
            while out.len() - header <= (1 << 20) + 1000 {
                for (cells, end) in &rows {
                    out.extend(cells.join(&d.to_string()).bytes());
                    out.extend(end.bytes());
                }
            }
            Besar(out)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    /// A big file read on all cores gives exactly the rows, lines and problems of reading it
    /// row by row.
    #[test]
    fn parallel_read_is_the_sequential_read(bytes in big_unquoted()) {
        let (rows, diags) = read_sequential(&bytes.0);
        let (par_rows, par_diags) = read_parallel(&bytes.0);
        prop_assert!(rows.is_some());
        prop_assert_eq!(diags.error_count(), par_diags.error_count());
        prop_assert_eq!(messages(&diags), messages(&par_diags));
        prop_assert!(rows == par_rows, "{} rows row by row, {} on all cores", rows.map_or(0, |r| r.len()), par_rows.map_or(0, |r| r.len()));
    }
}

// ---------------------------------------------------------------------------------------------
// Front matter: content::split_front_matter, content::read_front_matter, content::rapat::parse

use salur::content::{self, rapat};

/// A line of a note, as written by hand or broken by a bad edit.
fn note_line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "+++", "+++ ", "\u{feff}+++", "++", "", "# komentar",
            "judul = \"Rakor\"", "judul = ''", "judul = \"\"\"", "\"\"\"", "'''",
            "tanggal = 2021-07-13", "tanggal = 2021-02-30", "tanggal = 2021-07-13T10:00:00",
            "tanggal = 10:00:00", "tanggal = \"13 Juli\"", "tanggal = 2021-07-13 # é",
            "draf = true", "draf = 1", "wilayah = [\"35.75\", 3]", "wilayah = [\" 35.75 \"]",
            "program = [\"BST\"]", "tahap = \"2021-07\"", "[[tindak_lanjut]]", "[tindak_lanjut]",
            "tugas = \"x\"", "penanggung_jawab = \"y\"", "status = \"selesai\"",
            "status = \"batal\"", "selesai_pada = 2021-07-20", "tenggat = 2021-07-19",
            "tenggat = 2021-07-19T00:00:00Z", "keputsan = []", "é中 = 1", "peserta = [\"a\",",
            "judul = \"a\\u0000b\"", "judul = \"\\uD800\"",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{0,16}",
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ]
}

fn note_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (prop::collection::vec(note_line(), 0..14), any::<bool>())
            .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" })),
        1 => any::<String>(),
    ]
}

/// A note's front matter keys, for the "did you mean" of an unknown key in a generic read.
fn no_keys(_: &str) -> &'static [&'static str] {
    &[]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(800))]

    /// Any text as a meeting note gives the note or problems, never a panic: a note that is
    /// not read has an error (or is a draft, `draf = true`, checked but not published), and
    /// every problem names a line of the file and can be written in both languages. The
    /// generic front-matter reader does the same.
    #[test]
    fn front_matter_never_panics(text in note_text()) {
        let _ = content::split_front_matter(&text);
        let _ = content::front_matter_problem(&text);
        let mut generic = Diagnostics::new();
        let read = content::read_front_matter::<toml::Table>("content/x.md", &text, no_keys, &mut generic);
        prop_assert_eq!(read.is_none(), generic.has_errors());
        let mut diags = Diagnostics::new();
        let note = rapat::parse("content/rapat/x.md", "x", &text, &mut diags);
        if note.is_some() {
            prop_assert!(!diags.has_errors(), "{:?}", messages(&diags));
        } else {
            prop_assert!(diags.has_errors() || text.contains("draf"), "no note and no error");
        }
        let lines = 1 + text.matches('\n').count() as u64;
        for d in generic.items().iter().chain(diags.items()) {
            prop_assert!(d.line <= lines, "line {} of {}: {}", d.line, lines, d.message(Lang::En));
            let _ = d.message(Lang::Id);
        }
    }

    /// `+++` front matter splits off as written: the front matter between the first `+++`
    /// line and the next, its byte offset, and the body after it untouched (`+++` lines in it
    /// too), with or without a BOM and with LF or CRLF line ends. The front matter's lines
    /// here open no multi-line string (`"""`), inside which a `+++` line does not close it:
    /// `meeting_note_reads_back` covers those.
    #[test]
    fn front_matter_splits_as_written(
        fm in prop::collection::vec(note_line(), 0..8),
        body in prop::collection::vec(prop_oneof![Just("+++".to_string()), Just("\"\"\"".to_string()), "\\PC{0,20}"], 0..4).prop_map(|l| l.join("\n")),
        bom in any::<bool>(),
        crlf in any::<bool>(),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        // no line of the front matter may itself close it
        let fm: String = fm
            .iter()
            .filter(|l| {
                l.trim_end() != "+++"
                    && !l.contains(['\n', '\r'])
                    && !l.contains("\"\"\"")
                    && !l.contains("\'\'\'")
            })
            .map(|l| format!("{l}{nl}"))
            .collect();
        let bom = if bom { "\u{feff}" } else { "" };
        let text = format!("{bom}+++{nl}{fm}+++{nl}{body}");
        let split = content::split_front_matter(&text);
        prop_assert_eq!(split, Some((fm.as_str(), bom.len() + 3 + nl.len(), body.as_str())));
    }
}

/// A note's front matter as an editor (or a program) writes it, serialised by the `toml`
/// crate.
#[derive(Debug, Clone, serde::Serialize)]
struct NoteFront {
    judul: String,
    tanggal: toml::value::Datetime,
    #[serde(skip_serializing_if = "Option::is_none")]
    tempat: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pimpinan: Option<String>,
    peserta: Vec<String>,
    wilayah: Vec<String>,
    program: Vec<String>,
    tahap: Vec<String>,
    keputusan: Vec<String>,
    tindak_lanjut: Vec<NoteTl>,
}

#[derive(Debug, Clone, serde::Serialize)]
struct NoteTl {
    tugas: String,
    penanggung_jawab: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    tenggat: Option<toml::value::Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    selesai_pada: Option<toml::value::Datetime>,
}

fn toml_date(d: Date) -> toml::value::Datetime {
    d.to_string().parse().expect("a TOML local date")
}

/// Any date TOML can write (years 0 ..= 9999).
fn any_date() -> impl Strategy<Value = Date> {
    (0i16..=9999, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
        let last = Date::new(y, m, 1)
            .expect("first of a month")
            .days_in_month();
        Date::new(y, m, d.min(last)).expect("a valid date")
    })
}

/// Text an operator might write in a note: quotes of both kinds, backslashes, markup, line
/// breaks, `+++`, non-ASCII, anything.
fn note_text_value() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(vec![
            "\"", "'", "'''", "\"\"\"", "\\", "\\n", "\n", "\r\n", "\t", "+++", "\n+++\n", "#",
            "<script>alert(1)</script>", "*miring*", "Rakor BST", "Pak Lurah", "é", "中", "🙂",
            " ", "\u{a0}", "\u{feff}", "${x}", "[[tindak_lanjut]]",
        ])
        .prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        2 => "[a-zA-Z0-9 ]{1,8}",
    ];
    prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

/// A note's front matter, with its date and each follow-up's `tenggat` and `selesai_pada` as
/// the civil dates they must read back as.
type Catatan = (NoteFront, Date, Vec<(Option<Date>, Option<Date>)>);

fn note_front() -> impl Strategy<Value = Catatan> {
    let tl = (
        note_text_value(),
        note_text_value(),
        prop::option::of(any_date()),
        prop_oneof![Just(None), Just(Some("selesai")), Just(Some("berjalan"))],
        prop::option::of(any_date()),
    )
        .prop_map(|(tugas, penanggung_jawab, tenggat, status, selesai)| {
            // `selesai_pada` only with `status = "selesai"` (else it is an error)
            let selesai = selesai.filter(|_| status == Some("selesai"));
            (
                NoteTl {
                    tugas,
                    penanggung_jawab,
                    tenggat: tenggat.map(toml_date),
                    status,
                    selesai_pada: selesai.map(toml_date),
                },
                (tenggat, selesai),
            )
        });
    let list = || prop::collection::vec(note_text_value(), 0..4);
    let kode = prop_oneof![kode_parts().prop_map(|p| dotted(&p)), note_text_value(),];
    (
        note_text_value().prop_filter("a title", |t| !t.trim().is_empty()),
        any_date(),
        (
            prop::option::of(note_text_value()),
            prop::option::of(note_text_value()),
        ),
        (
            list(),
            prop::collection::vec(kode, 0..4),
            list(),
            list(),
            list(),
        ),
        prop::collection::vec(tl, 0..3),
    )
        .prop_map(
            |(
                judul,
                tanggal,
                (tempat, pimpinan),
                (peserta, wilayah, program, tahap, keputusan),
                tl,
            )| {
                let (tindak_lanjut, dates) = tl.into_iter().unzip();
                (
                    NoteFront {
                        judul,
                        tanggal: toml_date(tanggal),
                        tempat,
                        pimpinan,
                        peserta,
                        wilayah,
                        program,
                        tahap,
                        keputusan,
                        tindak_lanjut,
                    },
                    tanggal,
                    dates,
                )
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// A meeting note whose front matter the `toml` crate wrote from any values reads back as
    /// those values: title, date, place, chair, attendees, decisions and follow-ups exactly;
    /// region, programme and tahap codes trimmed (the note keeps a code as it will look it up,
    /// ` 35.75 ` is `35.75`), each with the line and column where its string starts; and the
    /// body after the front matter as its HTML.
    #[test]
    fn meeting_note_reads_back((front, tanggal, dates) in note_front(), body in "\\PC{0,40}", crlf in any::<bool>()) {
        let fm = toml::to_string(&front).expect("TOML");
        let fm = if crlf { fm.replace('\n', "\r\n") } else { fm };
        let nl = if crlf { "\r\n" } else { "\n" };
        let text = format!("+++{nl}{fm}+++{nl}{body}");
        let mut diags = Diagnostics::new();
        let note = rapat::parse("content/rapat/x.md", "x", &text, &mut diags);
        prop_assert!(note.is_some(), "{:?}\n{}", messages(&diags), text);
        let r = note.unwrap();
        // with CRLF line ends, the line breaks of a multi-line string (the form the `toml`
        // crate writes every string with one in) are the file's CRLFs: TOML reads them as
        // they stand
        let w = |s: &str| if crlf { s.replace('\n', "\r\n") } else { s.to_string() };
        let ws = |v: &[String]| v.iter().map(|s| w(s)).collect::<Vec<_>>();
        prop_assert_eq!(r.judul, w(&front.judul));
        prop_assert_eq!(r.tanggal, tanggal);
        prop_assert_eq!(r.tempat, front.tempat.as_deref().map(w));
        prop_assert_eq!(r.pimpinan, front.pimpinan.as_deref().map(w));
        prop_assert_eq!(r.peserta, ws(&front.peserta));
        prop_assert_eq!(r.keputusan, ws(&front.keputusan));
        for (read, written) in [(&r.wilayah, &front.wilayah), (&r.program, &front.program), (&r.tahap, &front.tahap)] {
            let codes: Vec<&str> = read.iter().map(|k| k.kode.as_str()).collect();
            let written = ws(written);
            let expected: Vec<&str> = written.iter().map(|k| k.trim()).collect();
            prop_assert_eq!(codes, expected);
            for k in read {
                let line = text.split('\n').nth(k.line as usize - 1).unwrap_or("");
                let at: String = line.chars().skip(k.column as usize - 1).take(1).collect();
                prop_assert!(at == "\"" || at == "'", "{}:{} is {:?} in {:?}", k.line, k.column, at, line);
            }
        }
        prop_assert_eq!(r.tindak_lanjut.len(), front.tindak_lanjut.len());
        for ((read, written), (tenggat, selesai)) in r.tindak_lanjut.iter().zip(&front.tindak_lanjut).zip(&dates) {
            prop_assert_eq!(&read.tugas, &w(&written.tugas));
            prop_assert_eq!(&read.penanggung_jawab, &w(&written.penanggung_jawab));
            prop_assert_eq!(read.tenggat, *tenggat);
            prop_assert_eq!(read.selesai_pada, *selesai);
            let status = read.status.map(|s| match s {
                rapat::StatusTindakLanjut::Selesai => "selesai",
                rapat::StatusTindakLanjut::Berjalan => "berjalan",
            });
            prop_assert_eq!(status, written.status);
        }
        prop_assert_eq!(Ok(r.html), content::markdown_to_html(&body));
    }
}

// ---------------------------------------------------------------------------------------------
// A whole data folder

const WILAYAH: &str = "kode,nama\n35,Jawa Timur\n35.75,Kota Pasuruan\n35.75.01,Gadingrejo\n35.75.01.1001,Karangketug\n";
const PROGRAM: &str = "kode,nama,sumber_dana,nilai_per_kpm,periode\nBST,BST,APBN,300000,bulanan\n";
const TAHAP: &str = "kode,nama,mulai,selesai,target\n2021-07,Juli,2021-07-01,2021-07-31,\n";
const ALOKASI: &str =
    "program,tahap,kode_wilayah,penyalur,kpm\nBST,2021-07,35.75.01.1001,PT Pos Indonesia,10\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Any bytes as `data/realisasi.csv` (or as `data/realisasi.xlsx`, a workbook that is
    /// damaged or not one at all) of an otherwise valid site: `salur::load` gives the site or
    /// its problems, never a panic, and every problem names a place in `data/`.
    #[test]
    fn load_never_panics(bytes in messy_csv(), workbook in any::<bool>(), zip in any::<bool>()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).expect("data/");
        for (name, text) in [("wilayah.csv", WILAYAH), ("program.csv", PROGRAM), ("tahap.csv", TAHAP), ("alokasi.csv", ALOKASI)] {
            std::fs::write(data.join(name), text).expect("write");
        }
        let (name, bytes) = if workbook {
            let mut b = if zip { b"PK\x03\x04".to_vec() } else { Vec::new() };
            b.extend(&bytes);
            ("realisasi.xlsx", b)
        } else {
            ("realisasi.csv", bytes)
        };
        std::fs::write(data.join(name), &bytes).expect("write");
        match salur::load(dir.path()) {
            Ok(_) => {}
            Err(salur::Error::Input { diagnostics, .. }) => {
                prop_assert!(diagnostics.has_errors());
                for d in diagnostics.items() {
                    let m = d.message(Lang::Id);
                    prop_assert!(m.starts_with("data/"), "{}", m);
                }
            }
            Err(e) => prop_assert!(false, "unexpected error kind: {}", e),
        }
    }
}
