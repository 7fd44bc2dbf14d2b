//! Problems found in a site's inputs, each with the place it was found, in the site's language.
//!
//! Every rejected value becomes a [`Diagnostic`]: `file:line:column: 'value': what was expected`.
//! Stages collect them into [`Diagnostics`] rather than stopping at the first, so an operator
//! fixes a spreadsheet in one pass. Only the first [`Diagnostics::LIMIT`] are kept in full; the
//! rest are counted.

use std::fmt::Write as _;

use crate::lang::Lang;
use crate::pesan;
use crate::pesan::teks;

/// What kind of value a field should have held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A DTSEN welfare decile, 1 to 10.
    Desil,
    /// A whole number of KPM (`18.877` or `18877`).
    Count,
    /// A whole number of households (KK).
    CountKk,
    /// A whole number of people.
    CountPeople,
    /// Whole rupiah (`Rp 2.500.000`, `Rp2.500.000,-`, `2500000`).
    Money,
    /// A date (`2021-07-13` or `13/07/2021`).
    Date,
    /// A Kemendagri region code (`35.75.01.1001`).
    WilayahCode,
    /// `tersalur` or `gagal`.
    Status,
    /// One of the programme periods.
    Periode,
    /// A non-empty value.
    NonEmpty,
    /// A code made of letters, digits, `-`, `_` or `.`.
    Code,
    /// A time of day (`07.00` or `07:00`).
    Time,
}

impl Expected {
    fn describe(&self, lang: Lang) -> &'static str {
        teks(
            lang,
            match self {
                Expected::Desil => "diharapkan.desil",
                Expected::Count => "diharapkan.kpm",
                Expected::CountKk => "diharapkan.kk",
                Expected::CountPeople => "diharapkan.jiwa",
                Expected::Money => "diharapkan.rupiah",
                Expected::Date => "diharapkan.tanggal",
                Expected::WilayahCode => "diharapkan.kode_wilayah",
                Expected::Status => "diharapkan.status",
                Expected::Periode => "diharapkan.periode",
                Expected::NonEmpty => "diharapkan.tidak_kosong",
                Expected::Code => "diharapkan.kode",
                Expected::Time => "diharapkan.jam",
            },
        )
    }
}

/// Which table a code refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// `wilayah.csv`
    Wilayah,
    /// `program.csv`
    Program,
    /// `tahap.csv`
    Tahap,
    /// A penyalur named in `alokasi.csv` or `realisasi.csv`.
    Penyalur,
}

/// What a file given as CSV holds instead of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisBerkas {
    /// UTF-16 text (Excel's "Unicode Text", with or without a byte-order mark).
    Utf16,
    /// A ZIP archive: most often an `.xlsx` or `.ods` workbook renamed `.csv`.
    Zip,
    /// An old Excel workbook (`.xls`, OLE compound file) renamed `.csv`.
    Xls,
    /// A PDF document.
    Pdf,
    /// An image (PNG, JPEG, GIF).
    Gambar,
    /// Other binary bytes (NUL or control bytes).
    Biner,
}

/// The figures of a [`Problem::SelisihRekonsiliasi`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelisihRekonsiliasi {
    /// Penyalur and branch (`BRI cabang Bontang`).
    pub penyalur: String,
    /// Programme code.
    pub program: String,
    /// Tahap code.
    pub tahap: String,
    /// Region (`64.02.07 Muara Badak`).
    pub wilayah: String,
    /// Dinsos's paid KPM up to the report's day.
    pub dinsos: u64,
    /// The channel's − Dinsos's KPM.
    pub selisih_kpm: i64,
    /// The channel's − Dinsos's rupiah, when both are known.
    pub selisih_nilai: Option<i64>,
}

/// Who already claims an output path (see [`Problem::JalurGanda`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PemilikJalur {
    /// An input: its place (`data/jadwal.csv:2:3`) and the value written there, if any.
    Masukan {
        /// `file:line:column`, as far as known.
        tempat: String,
        /// The value (a payment point's name, a code), shortened.
        nilai: Option<String>,
    },
    /// A page salur makes itself, described in both languages.
    Salur {
        /// In Indonesian (`laporan kualitas data`).
        id: &'static str,
        /// In English (`the data-quality report`).
        en: &'static str,
    },
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The value cannot be read as what the column holds.
    Malformed(Expected),
    /// A count or amount below zero.
    Negative(Expected),
    /// A code that the referenced table does not have.
    UnknownCode {
        /// The table it should be in.
        kind: CodeKind,
        /// The closest known code, when one is close.
        nearest: Option<String>,
        /// That table's file as the operator has it, without `data/` (`program.csv`, or
        /// `program.xlsx` when the workbook was read; `alokasi.csv/realisasi.csv` for a
        /// penyalur): [`crate::data::Dataset::berkas_kode`].
        berkas: String,
    },
    /// A region whose parent region is not in `wilayah.csv`.
    MissingParent {
        /// The parent's code.
        parent: String,
        /// The regions' file as the operator has it (`wilayah.csv`, `wilayah.xlsx`).
        berkas: String,
    },
    /// A key that was already given on an earlier line.
    Duplicate {
        /// The line of the first occurrence.
        first_line: u64,
    },
    /// A column named twice in the header.
    DuplicateColumn {
        /// The position of its first occurrence.
        first_column: u64,
    },
    /// A required column is absent from the header.
    MissingColumn {
        /// The column's name.
        column: String,
    },
    /// A required input file does not exist.
    MissingFile,
    /// A column whose name says it holds personal data (NIK, KK number, a name).
    PrivacyColumn,
    /// A cell shaped like a 16-digit national ID (NIK).
    PrivacyNik,
    /// The CSV itself is broken (unbalanced quotes, wrong number of fields, not UTF-8).
    Csv(String),
    /// The file could not be read.
    Io(String),
    /// A `gagal` row without a reason.
    MissingAlasan,
    /// A stage that ends before it starts.
    EndsBeforeStart {
        /// The start date, as written.
        mulai: String,
    },
    /// More KPM at one payment point on one day than `[jadwal] max_kpm_per_day`.
    MelebihiKapasitas {
        /// The payment point.
        titik_bayar: String,
        /// The day, `YYYY-MM-DD`.
        tanggal: String,
        /// KPM scheduled there that day.
        kpm: u64,
        /// The capacity.
        max: u64,
    },
    /// A slot that overlaps an earlier one at the same payment point.
    SlotBertumpuk {
        /// The earlier slot's line.
        baris: u64,
        /// Its hours, as `07.00–08.00`.
        jam: String,
    },
    /// An RW scheduled at a second payment point for the same programme and tahap.
    RwGanda {
        /// The first slot's line.
        baris: u64,
    },
    /// A desa/kelurahan with an allocation but no slot, for a programme × tahap that has a
    /// schedule.
    TanpaJadwal {
        /// The region, `Karangketug (35.75.01.1001)`.
        wilayah: String,
        /// The programme × tahap, `BST 2021-07`.
        program_tahap: String,
        /// KPM allocated.
        alokasi: u64,
    },
    /// A desa/kelurahan whose scheduled KPM differ from its allocation.
    JadwalBedaAlokasi {
        /// The programme × tahap, `BST 2021-07`.
        program_tahap: String,
        /// KPM in its slots.
        dijadwalkan: u64,
        /// KPM allocated.
        alokasi: u64,
    },
    /// A payment point written with two different places.
    LokasiBerbeda {
        /// The line that first names the point.
        baris: u64,
        /// The place written there.
        lokasi: String,
    },
    /// A schedule slot for no one.
    SlotKosong,
    /// A row with more fields than its file's header.
    KolomLebih {
        /// Fields in the row.
        fields: usize,
        /// Columns in the header.
        header: usize,
    },
    /// A channel's report that differs from Dinsos's paid figures beyond the tolerance.
    SelisihRekonsiliasi(Box<SelisihRekonsiliasi>),
    /// A verification step with more people than the step before it.
    LangkahMembesar {
        /// The step before.
        sebelumnya: String,
        /// Its count.
        jumlah: u64,
    },
    /// A region's verification steps differ from the first region's of the same programme and
    /// period.
    LangkahBerbeda {
        /// The first region with this programme and period (`Kota Pasuruan (35.75)`).
        acuan: String,
        /// Its steps, joined (`Terdata → Memenuhi kriteria`).
        langkah: String,
    },
    /// `salur jadwal usul` cannot fit a desa/kelurahan's KPM in the days and hours given.
    UsulTidakMuat {
        /// The region, `Karangketug (35.75.01.1001)`.
        wilayah: String,
        /// KPM to schedule.
        kpm: u64,
        /// Days available.
        hari: usize,
        /// KPM a day.
        kapasitas: u64,
        /// Slots a day.
        slot: usize,
    },
    /// `salur jadwal usul` without `[jadwal.usul]` in `site.toml`.
    UsulTanpaAturan,
    /// `salur jadwal usul` would overwrite an existing file without `--force`.
    SudahAda,
    /// A `[jadwal]` or `[jadwal.usul]` setting that cannot give a schedule.
    AturanJadwalTidakSah {
        /// What is wrong, in the message's language (set by the caller in both).
        id: String,
        /// The same in English.
        en: String,
    },
    /// A schedule slot whose end is not after its start.
    SlotEndsBeforeStart {
        /// The start time, as written.
        mulai: String,
    },
    /// A realisation dated outside its tahap.
    OutsideTahap {
        /// The tahap's code.
        tahap: String,
        /// Its first day.
        mulai: String,
        /// Its last day.
        selesai: String,
        /// The tahap's file as the operator has it (`tahap.csv`, `tahap.xlsx`).
        berkas: String,
    },
    /// A value in a TOML file or front matter.
    Config(String),
    /// A text cell that is not UTF-8.
    NotUtf8,
    /// `base_url` (or `--base-url`) is not an absolute http(s) URL with a host.
    BaseUrl(AlasanUrl),
    /// A percentage outside 0–100.
    Persen,
    /// `batas_berkas_mb` in `site.toml` is not a whole number of MB from 1 up.
    BatasBerkas,
    /// `theme` in `site.toml` is not a plain folder name (`../x`, `/etc`, `a/b`, empty).
    TemaTidakSah,
    /// A `[[bandingkan]]` entry with fewer than two, or more than
    /// [`crate::analysis::banding::MAKS_WILAYAH`], different regions.
    BandingkanKurang,
    /// The site folder does not exist.
    NoSiteFolder,
    /// A file in `data/` that salur does not read.
    UnknownInput {
        /// The file meant, or `xlsx` for a spreadsheet not named like an input.
        suggestion: Option<String>,
    },
    /// One input given in two forms (`realisasi.csv` and `realisasi.xlsx`): salur reads one
    /// file per input, and would not know which holds the data.
    BerkasKembar {
        /// The other files of the same input.
        lain: Vec<String>,
    },
    /// A spreadsheet that cannot be read as a workbook (damaged, or not what its name says).
    LembarRusak(String),
    /// An input file larger than `batas_berkas_mb` in `site.toml`: salur reads a file whole
    /// and keeps its rows, so memory grows with it.
    BerkasTerlaluBesar {
        /// Its size in bytes.
        ukuran: u64,
        /// The limit in bytes.
        batas: u64,
    },
    /// A worksheet cell holding a formula error (`#N/A`, `#DIV/0!`).
    GalatRumus,
    /// A Markdown file without `+++` front matter.
    NoFrontMatter,
    /// Front matter opened with `+++` and never closed.
    FrontMatterUnclosed,
    /// A date in front matter written as text or in another form.
    TanggalToml,
    /// A value outside the allowed list (e.g. `status`).
    UnknownValue {
        /// The value as written.
        value: String,
        /// The values allowed (`"selesai" or "berjalan"`).
        expected: String,
    },
    /// An output path that another input, or a page salur makes itself, already claims: one
    /// of the two would silently replace the other (`content/kualitas-data.md`, a programme
    /// coded `index`, payment points `Pos A` and `Pos-A`).
    JalurGanda {
        /// The output path both would be (`titik-bayar/pos-a.html`).
        jalur: String,
        /// The other claimant's path when it differs in letter case only (`index.html` for
        /// `Index.html`): one file on a host that ignores case (Windows, macOS).
        jalur_lain: Option<String>,
        /// Who claims it first.
        pemilik: PemilikJalur,
        /// Whether both are values of one table (two payment points, two programme codes),
        /// which may be one thing written two ways.
        kembar: bool,
    },
    /// A file whose path is already a folder of another claimant's page (a theme's static file
    /// `wilayah` beside the region pages in `wilayah/`): one of the two cannot be written.
    JalurJadiFolder {
        /// This input's path (`wilayah`).
        jalur: String,
        /// A page in that folder (`wilayah/35/35.75.html`).
        isi: String,
        /// Whose page that is.
        pemilik: PemilikJalur,
    },
    /// A file whose folder is already another claimant's file (a theme's static file
    /// `index.html/a.css`, whose folder would be the home page).
    FolderJadiBerkas {
        /// This input's path (`index.html/a.css`).
        jalur: String,
        /// Its folder that is a file (`index.html`).
        folder: String,
        /// Whose file that is.
        pemilik: PemilikJalur,
    },
    /// A name that becomes a file name too long for file systems (255 bytes on most).
    NamaBerkasPanjang {
        /// The folder the file would be in (`titik-bayar/`; empty for the output root).
        folder: String,
        /// Its file name's length in bytes.
        panjang: usize,
        /// The most allowed ([`crate::site::jalur::MAKS_NAMA_BERKAS`]).
        maks: usize,
    },
    /// A follow-up whose deadline is before its meeting.
    TenggatSebelumRapat {
        /// The task.
        tugas: String,
        /// Its deadline.
        tenggat: String,
    },
    /// A meeting after the date the figures describe.
    RapatSetelahData {
        /// The meeting's date.
        tanggal: String,
        /// The data date.
        data_per: String,
    },
    /// A follow-up with `selesai_pada` but not `status = "selesai"`.
    SelesaiTanpaStatus,
    /// A required front-matter key is absent.
    MissingKey {
        /// The key.
        key: String,
    },
    /// A row with fewer fields than the required columns need.
    KolomKurang {
        /// Fields in the row.
        fields: usize,
        /// Fields needed (up to the last required column).
        needed: usize,
    },
    /// A data file without any content.
    BerkasKosong {
        /// The header the file should start with (`kode,nama`).
        header: String,
    },
    /// A data file that is not text: UTF-16, a workbook or an image renamed `.csv`, binary.
    BukanTeks(JenisBerkas),
    /// A quote that opens a cell and is never closed: the rest of the file would be one cell.
    KutipTerbuka,
    /// Text after the quote that closes a cell (`"4"0`).
    TeksSetelahKutip,
    /// `wilayah.csv` with its header and no region.
    WilayahKosong {
        /// The file as the operator has it (`wilayah.csv`, `wilayah.xlsx`).
        berkas: String,
    },
    /// A text file (`site.toml`, a Markdown file) that is not UTF-8.
    BerkasBukanUtf8,
    /// A TOML text value without quotes (`judul = Rakor`).
    TeksTanpaKutip,
    /// A TOML date that does not exist (`2021-02-30`).
    TanggalTidakAda,
    /// A front-matter key salur does not know.
    UnknownKey {
        /// The key as written.
        key: String,
        /// The known key meant, when one is close.
        nearest: Option<String>,
    },
    /// A number shaped like a NIK in a text file (a Markdown page or note, `site.toml`).
    PrivacyNikTeks,
    /// A number shaped like a NIK in a file name that reaches the output (a page address, a
    /// file listed on the data-quality page).
    PrivacyNikNamaBerkas,
    /// A number shaped like a NIK in a text as it is published, not as it is typed: Markdown
    /// rendered (emphasis, links, HTML tags, entities, table cells), a TOML value with its
    /// escapes decoded, a name as normalised, a link's address percent-decoded
    /// (`crate::terbaca`).
    PrivacyNikTerbaca,
    /// A number shaped like a NIK in an output path that an input's name becomes (a page's
    /// slug: `content/3575----0123----4567----0001.md` is `3575-0123-4567-0001.html`).
    PrivacyNikJalur {
        /// The output path, masked.
        jalur: String,
    },
    /// A number shaped like a NIK in a rendered page (the last check of the content pages and
    /// meeting notes, after every check of their inputs).
    PrivacyNikHalaman {
        /// The output path.
        jalur: String,
    },
    /// A name whose spelling was normalised (invisible characters, repeated or unusual spaces,
    /// another Unicode form): a warning, so that the operator can fix the file.
    NamaDinormalkan {
        /// The name as read.
        jadi: String,
    },
    /// TOML that cannot be read (`site.toml`, front matter), in the site's words.
    SintaksToml(SintaksToml),
    /// A TOML value of another kind than its key takes (`title = 5`).
    JenisToml(JenisToml),
    /// `timezone` in `site.toml` names another zone than the provinsi of some of the site's
    /// regions: their times stay in their own zone.
    ZonaBertentangan {
        /// The provinsi, `Kalimantan Timur (64)`.
        wilayah: Vec<String>,
        /// Their zone (`WITA`).
        zona: &'static str,
    },
    /// An input file that leads, through a symbolic link, outside the site folder.
    TautanKeluarSitus {
        /// Where it leads (resolved; a NIK in it masked).
        tujuan: String,
    },
    /// Where salur reads an input file (or folder), something else: a broken link, links that
    /// loop, a folder, a named pipe, a socket or a device ([`crate::berkas`]).
    BukanBerkas(crate::berkas::JenisLain),
    /// A Markdown text (or TOML) nested deeper than its limit: the work of the HTML tree
    /// builder grows with depth × tags ([`crate::content::KEDALAMAN_MAKS`]).
    TerlaluDalam {
        /// The depth reached at the place named.
        kedalaman: usize,
        /// The deepest allowed.
        batas: usize,
        /// Whether it is TOML (front matter, `site.toml`) rather than Markdown.
        toml: bool,
    },
    /// A Markdown file larger than `batas_markdown_kb` in `site.toml`.
    MarkdownTerlaluBesar {
        /// Its size in bytes.
        ukuran: u64,
        /// The limit in bytes.
        batas: u64,
    },
    /// `batas_markdown_kb` in `site.toml` is not a whole number of KB in its range.
    BatasMarkdown,
    /// A header with more columns than a spreadsheet holds
    /// ([`crate::data::table::KOLOM_MAKS`]).
    KolomTerlaluBanyak {
        /// The most columns a header may have.
        batas: usize,
    },
    /// A column whose total over its file, up to this row, no longer fits
    /// ([`crate::data::JUMLAH_MAKS`]): every figure summed from it could be wrong.
    JumlahTerlaluBesar {
        /// The column's total over the rows before this one.
        sebelum: u64,
        /// The largest total.
        batas: u64,
    },
    /// KPM × the programme's `nilai_per_kpm` is more than [`crate::data::JUMLAH_MAKS`] rupiah.
    HasilKaliTerlaluBesar {
        /// The programme's code.
        program: String,
        /// Its `nilai_per_kpm`.
        tarif: u64,
        /// The largest amount.
        batas: u64,
    },
    /// A `site.toml` larger than [`crate::config::SITE_TOML_MAKS`]: settings written by hand,
    /// never that long, and read whole before anything is checked.
    SiteTomlTerlaluBesar {
        /// Its size in bytes.
        ukuran: u64,
        /// The limit in bytes.
        batas: u64,
    },
    /// A text longer than a name or short note may be ([`crate::data::table::TEKS_MAKS`]):
    /// it is printed on many pages.
    TeksTerlaluPanjang {
        /// Its length in characters.
        panjang: usize,
        /// The most allowed.
        batas: usize,
    },
    /// One name too many of a kind that salur numbers in a fixed width (the 65.537th
    /// penyalur): the row that introduces it.
    TerlaluBanyakNama {
        /// What is named.
        jenis: JenisNama,
        /// How many different names are allowed.
        batas: u64,
    },
}

/// Why a `base_url` is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AlasanUrl {
    /// Not `http://` or `https://` (a relative path, `javascript:`, `ftp:`).
    BukanHttp,
    /// Nothing between `https://` and the path.
    TanpaHost,
    /// A host name that is not one.
    Host,
    /// A port that is not a number from 1 to 65535.
    Port,
    /// A character no address holds as written: a space, a quote, `<`, `>`, `\`, `^`, `` ` ``,
    /// `{`, `|`, `}`, or a control character.
    Karakter(char),
    /// A user name or password before the host.
    DataPengguna,
    /// A query (`?…`) or fragment (`#…`): page paths are appended to a base URL.
    KueriAtauFragmen,
}

/// A TOML syntax error the TOML reader reports in English, said in the site's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SintaksToml {
    /// A `"` or `'` string not closed on its line.
    KutipTerbuka,
    /// A `"""` or `'''` string never closed.
    KutipTigaTerbuka,
    /// A `[`, `[[` or `{` without its closing `]` or `}` (the character missing).
    TakDitutup(char),
    /// Two items of a list or inline table without a comma between them.
    KomaHilang,
    /// Something after a value on its line.
    SisaBaris,
    /// A backslash in a `"` string not followed by a known escape.
    GarisMiring,
    /// A key given twice.
    KunciGanda,
    /// A key without a value.
    TanpaNilai,
    /// A number that is not one (`01`, `1_`, `1.`, `+0x1`).
    BilanganRusak,
    /// A boolean other than `true` or `false` (`True`, `ya`).
    YaTidak,
    /// A key with characters a bare key cannot hold.
    KunciTidakSah,
}

/// The kind of value a TOML key takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JenisToml {
    /// Text in quotes.
    Teks,
    /// A whole number from `min` to `max` (`max` = `i64::MAX`: no upper bound).
    Bulat {
        /// The least allowed.
        min: i64,
        /// The most allowed.
        max: i64,
    },
    /// A number (whole or decimal).
    Angka,
    /// `true` or `false`.
    YaTidak,
    /// A list of texts.
    DaftarTeks,
    /// A section (`[name]`, a table).
    Tabel(String),
    /// Sections `[[name]]` (a list of tables).
    DaftarTabel(String),
}

/// What a [`Problem::TerlaluBanyakNama`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisNama {
    /// Penyalur names (`alokasi.csv`, `realisasi.csv`).
    Penyalur,
    /// Failure reasons as written (`realisasi.csv`).
    Alasan,
    /// Payment points (`jadwal.csv`).
    TitikBayar,
    /// Programmes (`program.csv`).
    Program,
    /// Stages (`tahap.csv`).
    Tahap,
    /// Regions (`wilayah.csv`).
    Wilayah,
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Reported; the build goes on.
    Warning,
    /// The build stops and nothing is written.
    Error,
}

/// The longest value a message quotes, in characters; a longer one is cut with `…`.
pub const NILAI_MAKS: usize = 80;

/// `value` as a message quotes it: at most [`NILAI_MAKS`] characters (a 1 MB cell is not
/// printed whole), the rest cut and replaced by `…`.
pub fn singkat(value: &str) -> String {
    match value.char_indices().nth(NILAI_MAKS) {
        None => value.to_string(),
        Some((end, _)) => format!("{}…", &value[..end]),
    }
}

/// Whether `c` would act on a terminal or a log rather than be shown: a control character
/// (C0, DEL, C1: ESC starts a terminal command, BEL rings, CR returns over the line), a
/// bidirectional control that reorders what follows (U+202E), a line or paragraph separator,
/// or an invisible format character (zero-width space and joiners, soft hyphen, BOM, tags).
pub fn tak_tampak(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{61c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// `text` as a message shows it: every character that [`tak_tampak`] would act rather than be
/// seen is written as its escape (`\u{1b}`), so that a value holding ESC, BEL, CR or a bidi
/// override cannot rewrite the operator's terminal, a CI log or the line it is quoted in. The
/// one place every message passes through ([`Diagnostic::message`], [`Problem::describe`],
/// and `salur check`'s JSON and GitHub outputs). A NIK-shaped number in it is masked
/// ([`crate::teks::samarkan_teks`]): every value is masked where it is quoted, and this is the
/// last line of that defence, so that no message shows one in clear (a place, a value, a name
/// in a problem's words), on a terminal, in a CI log or in the manifest's warnings.
pub fn tampak(text: &str) -> std::borrow::Cow<'_, str> {
    if crate::teks::mungkin_nik(text.as_bytes()) && !crate::teks::cari_nik(text).is_empty() {
        let samar = crate::teks::samarkan_teks(text);
        return std::borrow::Cow::Owned(tampak_kendali(&samar).into_owned());
    }
    tampak_kendali(text)
}

/// `text` with every character that [`tak_tampak`] would act on written as its escape.
fn tampak_kendali(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(tak_tampak) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if tak_tampak(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One problem at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site root (`data/realisasi.csv`), or a worksheet of a
    /// spreadsheet (`data/realisasi.xlsx:Sheet1`, see [`Diagnostic::message`]).
    pub file: String,
    /// 1-based line (a worksheet's row); 0 when the problem concerns the whole file.
    pub line: u64,
    /// 1-based column (field number in a CSV, A = 1 in a worksheet); 0 when it concerns a
    /// whole line.
    pub column: u64,
    /// The offending value as written (masked for personal data; shortened by [`singkat`]).
    pub value: Option<String>,
    /// What is wrong.
    pub problem: Problem,
    /// Whether it stops the build.
    pub severity: Severity,
}

impl Diagnostic {
    /// An error at `file:line:column` about `value`.
    pub fn error(
        file: &str,
        line: u64,
        column: u64,
        value: Option<&str>,
        problem: Problem,
    ) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            line,
            column,
            value: value.map(singkat),
            problem,
            severity: Severity::Error,
        }
    }

    /// Whether this is a privacy problem (personal data in an input).
    pub fn is_privacy(&self) -> bool {
        matches!(
            self.problem,
            Problem::PrivacyColumn
                | Problem::PrivacyNik
                | Problem::PrivacyNikTeks
                | Problem::PrivacyNikNamaBerkas
                | Problem::PrivacyNikTerbaca
                | Problem::PrivacyNikJalur { .. }
                | Problem::PrivacyNikHalaman { .. }
        )
    }

    /// Where the problem is: `file:line:column` (`data/realisasi.csv:14:6`), as far as known.
    /// In a worksheet (`file` is `data/realisasi.xlsx:Sheet1`) the place is written as Excel
    /// writes a reference, `data/realisasi.xlsx:Sheet1!F14` (a whole row `…!14:14`), which
    /// Excel's Name Box goes to.
    pub fn tempat(&self) -> String {
        let mut out = self.file.clone();
        if self.line > 0 && crate::dasar::tempat::adalah_tempat_lembar(&self.file) {
            if self.column > 0 {
                let kolom = crate::dasar::tempat::huruf_kolom(self.column);
                let _ = write!(out, "!{kolom}{}", self.line);
            } else {
                let _ = write!(out, "!{0}:{0}", self.line);
            }
        } else if self.line > 0 {
            let _ = write!(out, ":{}", self.line);
            if self.column > 0 {
                let _ = write!(out, ":{}", self.column);
            }
        }
        out
    }

    /// The message in `lang`, in the form `file:line:column: 'value': what is wrong` (the
    /// place as [`Diagnostic::tempat`] writes it).
    /// Every part passes through [`tampak`]: control characters show as escapes.
    pub fn message(&self, lang: Lang) -> String {
        let mut out = tampak(&self.tempat()).into_owned();
        out.push_str(": ");
        if self.severity == Severity::Warning {
            out.push_str(teks(lang, "diagnosa.peringatan"));
        }
        if let Some(v) = &self.value {
            let _ = write!(out, "'{}': ", tampak(v));
        }
        out.push_str(&self.problem.describe(lang));
        out
    }
}

impl Problem {
    /// What is wrong, in `lang`, without the place or the value; the names and values it
    /// quotes pass through [`tampak`].
    pub fn describe(&self, lang: Lang) -> String {
        let text = self.describe_mentah(lang);
        match tampak(&text) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(t) => t,
        }
    }

    /// What is wrong, as [`Problem::describe`] says it, before control characters are escaped.
    fn describe_mentah(&self, lang: Lang) -> String {
        let ribuan = |n: u64| crate::format::ribuan(n as i64, lang);
        let ribuan_u64 = |n: u64| crate::format::ribuan_u64(n, lang);
        let mungkin = |saran: &Option<String>| match saran {
            Some(saran) => pesan!(lang, "masalah.mungkin_maksudnya", saran = saran),
            None => String::new(),
        };
        match self {
            Problem::Malformed(e) => e.describe(lang).to_string(),
            Problem::Negative(e) => pesan!(lang, "masalah.negatif", harapan = e.describe(lang)),
            Problem::UnknownCode {
                kind,
                nearest,
                berkas,
            } => {
                let apa = teks(
                    lang,
                    match kind {
                        CodeKind::Wilayah => "jenis_kode.wilayah",
                        CodeKind::Program => "jenis_kode.program",
                        CodeKind::Tahap => "jenis_kode.tahap",
                        CodeKind::Penyalur => "jenis_kode.penyalur",
                    },
                );
                pesan!(
                    lang,
                    "masalah.kode_tidak_dikenal",
                    apa = apa,
                    berkas = berkas
                ) + &mungkin(nearest)
            }
            Problem::MissingParent { parent, berkas } => pesan!(
                lang,
                "masalah.induk_hilang",
                parent = parent,
                berkas = berkas
            ),
            Problem::Duplicate { first_line } => {
                pesan!(lang, "masalah.duplikat", first_line = first_line)
            }
            Problem::DuplicateColumn { first_column } => {
                pesan!(lang, "masalah.kolom_ganda", first_column = first_column)
            }
            Problem::MissingColumn { column } => {
                pesan!(lang, "masalah.kolom_hilang", column = column)
            }
            Problem::MissingFile => pesan!(lang, "masalah.berkas_hilang"),
            Problem::PrivacyColumn => pesan!(lang, "masalah.privasi_kolom"),
            Problem::PrivacyNik => pesan!(lang, "masalah.privasi_nik"),
            Problem::Csv(msg) => pesan!(lang, "masalah.csv", msg = msg),
            Problem::Io(msg) => pesan!(lang, "masalah.io", msg = msg),
            Problem::MissingAlasan => pesan!(lang, "masalah.alasan_hilang"),
            Problem::MelebihiKapasitas {
                titik_bayar,
                tanggal,
                kpm,
                max,
            } => pesan!(
                lang,
                "masalah.melebihi_kapasitas",
                titik_bayar = titik_bayar,
                tanggal = tanggal,
                kpm = ribuan(*kpm),
                max = ribuan(*max),
            ),
            Problem::UsulTidakMuat {
                wilayah,
                kpm,
                hari,
                kapasitas,
                slot,
            } => pesan!(
                lang,
                "masalah.usul_tidak_muat",
                kpm = ribuan(*kpm),
                wilayah = wilayah,
                hari = hari,
                kapasitas = ribuan(*kapasitas),
                slot = slot,
            ),
            Problem::SudahAda => pesan!(lang, "masalah.sudah_ada"),
            Problem::AturanJadwalTidakSah { id, en } => match lang {
                Lang::Id => id.clone(),
                Lang::En => en.clone(),
            },
            Problem::UsulTanpaAturan => pesan!(lang, "masalah.usul_tanpa_aturan"),
            Problem::SlotBertumpuk { baris, jam } => {
                pesan!(lang, "masalah.slot_bertumpuk", baris = baris, jam = jam)
            }
            Problem::RwGanda { baris } => pesan!(lang, "masalah.rw_ganda", baris = baris),
            Problem::TanpaJadwal {
                wilayah,
                program_tahap,
                alokasi,
            } => pesan!(
                lang,
                "masalah.tanpa_jadwal",
                wilayah = wilayah,
                alokasi = ribuan(*alokasi),
                program_tahap = program_tahap,
            ),
            Problem::JadwalBedaAlokasi {
                program_tahap,
                dijadwalkan,
                alokasi,
            } => {
                let selisih = *dijadwalkan as i64 - *alokasi as i64;
                let s = crate::format::ribuan(selisih, lang);
                let s = if selisih > 0 { format!("+{s}") } else { s };
                pesan!(
                    lang,
                    "masalah.jadwal_beda_alokasi",
                    d = ribuan(*dijadwalkan),
                    program_tahap = program_tahap,
                    a = ribuan(*alokasi),
                    s = s,
                )
            }
            Problem::LokasiBerbeda { baris, lokasi } => pesan!(
                lang,
                "masalah.lokasi_berbeda",
                lokasi = lokasi,
                baris = baris
            ),
            Problem::SlotKosong => pesan!(lang, "masalah.slot_kosong"),
            Problem::KolomLebih { fields, header } => pesan!(
                lang,
                "masalah.kolom_lebih",
                fields = fields,
                header = header
            ),
            Problem::SelisihRekonsiliasi(r) => {
                let SelisihRekonsiliasi {
                    penyalur,
                    program,
                    tahap,
                    wilayah,
                    dinsos,
                    selisih_kpm,
                    selisih_nilai,
                } = &**r;
                let d = crate::format::ribuan(*selisih_kpm, lang);
                let d = if *selisih_kpm > 0 { format!("+{d}") } else { d };
                let rupiah = selisih_nilai
                    .filter(|&v| v != 0)
                    .map(|v| {
                        let r = crate::format::ribuan(v, lang);
                        let rp = if v > 0 {
                            format!("+Rp {r}")
                        } else {
                            format!("-Rp {}", r.trim_start_matches('-'))
                        };
                        pesan!(lang, "masalah.selisih_rupiah", rp = rp)
                    })
                    .unwrap_or_default();
                pesan!(
                    lang,
                    "masalah.selisih_rekonsiliasi",
                    penyalur = penyalur,
                    program = program,
                    tahap = tahap,
                    wilayah = wilayah,
                    n = ribuan(*dinsos),
                    d = d,
                    rupiah = rupiah,
                )
            }
            Problem::LangkahMembesar { sebelumnya, jumlah } => pesan!(
                lang,
                "masalah.langkah_membesar",
                sebelumnya = sebelumnya,
                n = ribuan(*jumlah)
            ),
            Problem::LangkahBerbeda { acuan, langkah } => pesan!(
                lang,
                "masalah.langkah_berbeda",
                acuan = acuan,
                langkah = langkah
            ),
            Problem::SlotEndsBeforeStart { mulai } => {
                pesan!(lang, "masalah.slot_selesai_sebelum_mulai", mulai = mulai)
            }
            Problem::EndsBeforeStart { mulai } => {
                pesan!(lang, "masalah.selesai_sebelum_mulai", mulai = mulai)
            }
            Problem::OutsideTahap {
                tahap,
                mulai,
                selesai,
                berkas,
            } => pesan!(
                lang,
                "masalah.di_luar_tahap",
                tahap = tahap,
                mulai = mulai,
                selesai = selesai,
                berkas = berkas,
            ),
            Problem::Config(msg) => pesan!(lang, "masalah.isian_tidak_sah", msg = msg),
            Problem::NotUtf8 => pesan!(lang, "masalah.bukan_utf8"),
            Problem::BaseUrl(alasan) => {
                let kunci = match alasan {
                    AlasanUrl::BukanHttp => "base_url.bukan_http",
                    AlasanUrl::TanpaHost => "base_url.tanpa_host",
                    AlasanUrl::Host => "base_url.host",
                    AlasanUrl::Port => "base_url.port",
                    AlasanUrl::Karakter(c) => {
                        let karakter = if *c == ' ' {
                            pesan!(lang, "base_url.spasi")
                        } else {
                            pesan!(
                                lang,
                                "base_url.karakter_dikutip",
                                c = tampak(&c.to_string())
                            )
                        };
                        return pesan!(lang, "base_url.karakter", karakter = karakter);
                    }
                    AlasanUrl::DataPengguna => "base_url.data_pengguna",
                    AlasanUrl::KueriAtauFragmen => "base_url.kueri_atau_fragmen",
                };
                pesan!(lang, "base_url.dengan_contoh", alasan = teks(lang, kunci))
            }
            Problem::BandingkanKurang => pesan!(lang, "masalah.bandingkan_kurang"),
            Problem::Persen => pesan!(lang, "masalah.persen"),
            Problem::TemaTidakSah => pesan!(lang, "masalah.tema_tidak_sah"),
            Problem::BatasBerkas => pesan!(lang, "masalah.batas_berkas"),
            Problem::NoSiteFolder => pesan!(lang, "masalah.tanpa_folder_situs"),
            Problem::UnknownInput { suggestion } => {
                let mut s = pesan!(lang, "masalah.masukan_tidak_dikenal");
                match suggestion.as_deref() {
                    Some("xlsx") => s.push_str(teks(lang, "masalah.masukan_lembar_kerja")),
                    Some(_) => s.push_str(&mungkin(suggestion)),
                    None => {}
                }
                s
            }
            Problem::BerkasKembar { lain } => {
                pesan!(lang, "masalah.berkas_kembar", lain = lain.join(", "))
            }
            Problem::BerkasTerlaluBesar { ukuran, batas } => {
                const MIB: u64 = 1 << 20;
                // a limit that takes this file: the next power of two in MB
                let saran = ukuran.div_ceil(MIB).next_power_of_two().max(1);
                pesan!(
                    lang,
                    "masalah.berkas_terlalu_besar",
                    mb = ribuan(ukuran.div_ceil(MIB)),
                    bita = ribuan(*ukuran),
                    batas = ribuan(batas.div_ceil(MIB)),
                    saran = saran,
                )
            }
            Problem::LembarRusak(e) => pesan!(lang, "masalah.lembar_rusak", e = e),
            Problem::GalatRumus => pesan!(lang, "masalah.galat_rumus"),
            Problem::UnknownKey { key, nearest } => {
                pesan!(lang, "masalah.kunci_tidak_dikenal", key = key) + &mungkin(nearest)
            }
            Problem::TautanKeluarSitus { tujuan } => {
                pesan!(lang, "masalah.tautan_keluar_situs", tujuan = tujuan)
            }
            Problem::BukanBerkas(jenis) => jenis.describe(lang),
            Problem::NoFrontMatter => pesan!(lang, "masalah.tanpa_bagian_depan"),
            Problem::FrontMatterUnclosed => pesan!(lang, "masalah.bagian_depan_terbuka"),
            Problem::TanggalToml => pesan!(lang, "masalah.tanggal_toml"),
            Problem::UnknownValue { value, expected } => {
                // `expected` is written in English by the caller (`"a" or "b"`, `one of …`)
                let expected = expected
                    .replace(" or ", teks(lang, "masalah.nilai_atau"))
                    .replace("one of ", teks(lang, "masalah.nilai_salah_satu"));
                pesan!(
                    lang,
                    "masalah.nilai_tidak_dikenal",
                    value = value,
                    expected = expected
                )
            }
            Problem::JalurGanda {
                jalur,
                jalur_lain,
                pemilik,
                kembar,
            } => {
                let lain = match jalur_lain {
                    Some(l) => pesan!(lang, "jalur.huruf_besar_kecil", lain = l),
                    None => String::new(),
                };
                let mut s = match pemilik {
                    PemilikJalur::Masukan { tempat, nilai } => pesan!(
                        lang,
                        "jalur.ganda_masukan",
                        jalur = jalur,
                        lain = lain,
                        tempat = tempat,
                        nilai = nilai_dikutip(nilai, lang),
                    ),
                    PemilikJalur::Salur { id, en } => pesan!(
                        lang,
                        "jalur.ganda_salur",
                        jalur = jalur,
                        lain = lain,
                        apa = if lang == Lang::Id { id } else { en },
                    ),
                };
                if *kembar {
                    s.push_str(teks(lang, "jalur.kembar"));
                }
                s
            }
            Problem::JalurJadiFolder {
                jalur,
                isi,
                pemilik,
            } => pesan!(
                lang,
                "jalur.jadi_folder",
                jalur = jalur,
                isi = isi,
                milik = pemilik_halaman(pemilik, lang),
            ),
            Problem::FolderJadiBerkas {
                jalur,
                folder,
                pemilik,
            } => pesan!(
                lang,
                "jalur.folder_jadi_berkas",
                jalur = jalur,
                folder = folder,
                milik = pemilik_halaman(pemilik, lang),
            ),
            Problem::NamaBerkasPanjang {
                folder,
                panjang,
                maks,
            } => {
                let di = if folder.is_empty() {
                    String::new()
                } else {
                    pesan!(lang, "jalur.di_folder", folder = folder)
                };
                pesan!(
                    lang,
                    "jalur.nama_berkas_panjang",
                    di = di,
                    panjang = panjang,
                    maks = maks
                )
            }
            Problem::TenggatSebelumRapat { tugas, tenggat } => pesan!(
                lang,
                "masalah.tenggat_sebelum_rapat",
                tugas = tugas,
                tenggat = tenggat
            ),
            Problem::RapatSetelahData { tanggal, data_per } => pesan!(
                lang,
                "masalah.rapat_setelah_data",
                tanggal = tanggal,
                data_per = data_per
            ),
            Problem::SelesaiTanpaStatus => pesan!(lang, "masalah.selesai_tanpa_status"),
            Problem::MissingKey { key } => pesan!(lang, "masalah.kunci_hilang", key = key),
            Problem::KolomKurang { fields, needed } => pesan!(
                lang,
                "masalah.kolom_kurang",
                fields = fields,
                needed = needed
            ),
            Problem::BerkasKosong { header } => {
                pesan!(lang, "masalah.berkas_kosong", header = header)
            }
            Problem::BukanTeks(jenis) => {
                // what the file is, and whether giving it its own name is the other way out
                let apa = teks(
                    lang,
                    match jenis {
                        JenisBerkas::Utf16 => "bukan_teks.utf16",
                        JenisBerkas::Zip => "bukan_teks.zip",
                        JenisBerkas::Xls => "bukan_teks.xls",
                        JenisBerkas::Pdf => "bukan_teks.pdf",
                        JenisBerkas::Gambar => "bukan_teks.gambar",
                        JenisBerkas::Biner => "bukan_teks.biner",
                    },
                );
                pesan!(lang, "bukan_teks.simpan", apa = apa)
            }
            Problem::KutipTerbuka => pesan!(lang, "masalah.kutip_terbuka"),
            Problem::TeksSetelahKutip => pesan!(lang, "masalah.teks_setelah_kutip"),
            Problem::WilayahKosong { berkas } => {
                pesan!(lang, "masalah.wilayah_kosong", berkas = berkas)
            }
            Problem::BerkasBukanUtf8 => pesan!(lang, "masalah.berkas_bukan_utf8"),
            Problem::TeksTanpaKutip => pesan!(lang, "masalah.teks_tanpa_kutip"),
            Problem::TanggalTidakAda => pesan!(lang, "masalah.tanggal_tidak_ada"),
            Problem::PrivacyNikTeks => pesan!(lang, "masalah.privasi_nik_teks"),
            Problem::PrivacyNikNamaBerkas => pesan!(lang, "masalah.privasi_nik_nama_berkas"),
            Problem::PrivacyNikTerbaca => pesan!(lang, "masalah.privasi_nik_terbaca"),
            Problem::PrivacyNikJalur { jalur } => {
                pesan!(lang, "masalah.privasi_nik_jalur", jalur = jalur)
            }
            Problem::PrivacyNikHalaman { jalur } => {
                pesan!(lang, "masalah.privasi_nik_halaman", jalur = jalur)
            }
            Problem::NamaDinormalkan { jadi } => {
                pesan!(lang, "masalah.nama_dinormalkan", jadi = jadi)
            }
            Problem::ZonaBertentangan { wilayah, zona } => {
                let mut daftar = wilayah
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                let lain = wilayah.len().saturating_sub(3);
                if lain > 0 {
                    daftar.push_str(&pesan!(lang, "masalah.provinsi_lain", lain = lain));
                }
                pesan!(
                    lang,
                    "masalah.zona_bertentangan",
                    daftar = daftar,
                    zona = zona
                )
            }
            Problem::SintaksToml(s) => s.describe(lang).to_string(),
            Problem::JenisToml(j) => {
                let angka = |n: i64| crate::format::ribuan(n, lang);
                match j {
                    JenisToml::Teks => pesan!(lang, "jenis_toml.teks"),
                    JenisToml::Bulat { min, max } if *max == i64::MAX => {
                        pesan!(lang, "jenis_toml.bulat_sedikitnya", min = angka(*min))
                    }
                    JenisToml::Bulat { min, max } => pesan!(
                        lang,
                        "jenis_toml.bulat",
                        min = angka(*min),
                        max = angka(*max)
                    ),
                    JenisToml::Angka => pesan!(lang, "jenis_toml.angka"),
                    JenisToml::YaTidak => pesan!(lang, "jenis_toml.ya_tidak"),
                    JenisToml::DaftarTeks => pesan!(lang, "jenis_toml.daftar_teks"),
                    JenisToml::Tabel(n) => pesan!(lang, "jenis_toml.tabel", n = n),
                    JenisToml::DaftarTabel(n) => pesan!(lang, "jenis_toml.daftar_tabel", n = n),
                }
            }
            Problem::TerlaluDalam {
                kedalaman,
                batas,
                toml,
            } => pesan!(
                lang,
                if *toml {
                    "masalah.terlalu_dalam_toml"
                } else {
                    "masalah.terlalu_dalam_markdown"
                },
                n = ribuan_u64(*kedalaman as u64),
                b = ribuan_u64(*batas as u64),
            ),
            Problem::MarkdownTerlaluBesar { ukuran, batas } => {
                // a limit that takes this file: the next power of two in KB
                let saran = ukuran.div_ceil(1024).next_power_of_two().max(1);
                pesan!(
                    lang,
                    "masalah.markdown_terlalu_besar",
                    kb = ribuan_u64(ukuran.div_ceil(1024)),
                    batas = ribuan_u64(batas.div_ceil(1024)),
                    saran = saran,
                )
            }
            Problem::BatasMarkdown => pesan!(
                lang,
                "masalah.batas_markdown",
                maks = ribuan_u64(crate::config::BATAS_MARKDOWN_KB_MAKS),
                bawaan = crate::config::BATAS_MARKDOWN_KB,
            ),
            Problem::KolomTerlaluBanyak { batas } => {
                pesan!(
                    lang,
                    "masalah.kolom_terlalu_banyak",
                    b = ribuan_u64(*batas as u64)
                )
            }
            Problem::JumlahTerlaluBesar { sebelum, batas } => pesan!(
                lang,
                "masalah.jumlah_terlalu_besar",
                s = ribuan_u64(*sebelum),
                b = ribuan_u64(*batas)
            ),
            Problem::HasilKaliTerlaluBesar {
                program,
                tarif,
                batas,
            } => pesan!(
                lang,
                "masalah.hasil_kali_terlalu_besar",
                t = ribuan_u64(*tarif),
                program = program,
                b = ribuan_u64(*batas),
            ),
            Problem::SiteTomlTerlaluBesar { ukuran, batas } => pesan!(
                lang,
                "masalah.site_toml_terlalu_besar",
                kb = ribuan_u64(ukuran.div_ceil(1024)),
                batas = ribuan_u64(batas.div_ceil(1024)),
            ),
            Problem::TeksTerlaluPanjang { panjang, batas } => pesan!(
                lang,
                "masalah.teks_terlalu_panjang",
                n = ribuan_u64(*panjang as u64),
                b = ribuan_u64(*batas as u64),
            ),
            Problem::TerlaluBanyakNama { jenis, batas } => {
                let apa = teks(
                    lang,
                    match jenis {
                        JenisNama::Penyalur => "jenis_nama.penyalur",
                        JenisNama::Alasan => "jenis_nama.alasan",
                        JenisNama::TitikBayar => "jenis_nama.titik_bayar",
                        JenisNama::Program => "jenis_nama.program",
                        JenisNama::Tahap => "jenis_nama.tahap",
                        JenisNama::Wilayah => "jenis_nama.wilayah",
                    },
                );
                pesan!(
                    lang,
                    "masalah.terlalu_banyak_nama",
                    apa = apa,
                    b = ribuan_u64(*batas)
                )
            }
        }
    }
}

impl SintaksToml {
    /// The TOML reader's English message, when it is one of these.
    pub fn dari_pesan(message: &str) -> Option<SintaksToml> {
        let awal = |p: &[&str]| p.iter().any(|p| message.starts_with(p));
        Some(
            if awal(&["invalid basic string", "invalid literal string"]) {
                SintaksToml::KutipTerbuka
            } else if awal(&["invalid multi-line"]) {
                SintaksToml::KutipTigaTerbuka
            } else if awal(&["unclosed inline table"]) {
                SintaksToml::TakDitutup('}')
            } else if awal(&["unclosed table", "unclosed array"]) {
                SintaksToml::TakDitutup(']')
            } else if awal(&["missing comma"]) {
                SintaksToml::KomaHilang
            } else if awal(&["unexpected key or value", "extra `=`"]) {
                SintaksToml::SisaBaris
            } else if awal(&["missing escaped value", "too few unicode value digits"]) {
                SintaksToml::GarisMiring
            } else if awal(&["duplicate key"]) {
                SintaksToml::KunciGanda
            } else if awal(&["missing value", "key with no value"]) {
                SintaksToml::TanpaNilai
            } else if awal(&[
                "unexpected leading zero",
                "`_` may only go between digits",
                "invalid integer",
                "invalid float",
                "invalid mantissa",
                "invalid fraction",
                "invalid exponent",
                "invalid hexadecimal",
                "invalid octal",
                "invalid binary",
                "unexpected sign",
                "integers with a radix",
                "redundant integer number prefix",
                "radix must be lowercase",
            ]) {
                SintaksToml::BilanganRusak
            } else if awal(&["invalid boolean"]) {
                SintaksToml::YaTidak
            } else if awal(&[
                "invalid unquoted key",
                "invalid key",
                "unquoted keys cannot be empty",
            ]) {
                SintaksToml::KunciTidakSah
            } else {
                return None;
            },
        )
    }

    fn describe(self, lang: Lang) -> &'static str {
        teks(
            lang,
            match self {
                SintaksToml::KutipTerbuka => "sintaks_toml.kutip_terbuka",
                SintaksToml::KutipTigaTerbuka => "sintaks_toml.kutip_tiga_terbuka",
                SintaksToml::TakDitutup(']') => "sintaks_toml.kurung_siku",
                SintaksToml::TakDitutup(_) => "sintaks_toml.kurung_kurawal",
                SintaksToml::KomaHilang => "sintaks_toml.koma_hilang",
                SintaksToml::SisaBaris => "sintaks_toml.sisa_baris",
                SintaksToml::GarisMiring => "sintaks_toml.garis_miring",
                SintaksToml::KunciGanda => "sintaks_toml.kunci_ganda",
                SintaksToml::TanpaNilai => "sintaks_toml.tanpa_nilai",
                SintaksToml::BilanganRusak => "sintaks_toml.bilangan_rusak",
                SintaksToml::YaTidak => "sintaks_toml.ya_tidak",
                SintaksToml::KunciTidakSah => "sintaks_toml.kunci_tidak_sah",
            },
        )
    }
}

/// Whose page a path is, as a clause: `halaman data/wilayah.csv:387 '35.75'`, `yang dibuat
/// salur sendiri (halaman beranda)`.
fn pemilik_halaman(pemilik: &PemilikJalur, lang: Lang) -> String {
    match pemilik {
        PemilikJalur::Masukan { tempat, nilai } => pesan!(
            lang,
            "jalur.halaman_masukan",
            tempat = tempat,
            nilai = nilai_dikutip(nilai, lang)
        ),
        PemilikJalur::Salur { id, en } => pesan!(
            lang,
            "jalur.halaman_salur",
            apa = if lang == Lang::Id { id } else { en }
        ),
    }
}

/// A claimant's value as a message quotes it after its place (` '35.75'`), or nothing.
fn nilai_dikutip(nilai: &Option<String>, lang: Lang) -> String {
    match nilai {
        Some(n) => pesan!(lang, "jalur.nilai", nilai = n),
        None => String::new(),
    }
}

/// The problems found so far: the first [`Diagnostics::LIMIT`] in full, the rest counted.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    errors: usize,
    warnings: usize,
    not_shown: usize,
}

impl Diagnostics {
    /// How many problems are kept in full.
    pub const LIMIT: usize = 50;

    /// An empty collection.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Records a problem.
    pub fn push(&mut self, d: Diagnostic) {
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        if self.items.len() < Self::LIMIT {
            self.items.push(d);
        } else {
            self.not_shown += 1;
        }
    }

    /// Whether one more problem would still be kept in full (so that costly details such as a
    /// "did you mean" suggestion are worth computing).
    pub fn has_room(&self) -> bool {
        self.items.len() < Self::LIMIT
    }

    /// Records a problem whose details are computed only when it will be shown.
    pub fn push_with(&mut self, severity: Severity, make: impl FnOnce() -> Diagnostic) {
        if self.has_room() {
            let mut d = make();
            d.severity = severity;
            self.push(d);
        } else {
            match severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
            self.not_shown += 1;
        }
    }

    /// Adds everything from `other`, keeping the order: `self`'s problems first.
    pub fn extend(&mut self, other: Diagnostics) {
        let hidden_errors = other.errors - other.count_shown(Severity::Error);
        let hidden_warnings = other.warnings - other.count_shown(Severity::Warning);
        for d in other.items {
            self.push(d);
        }
        self.errors += hidden_errors;
        self.warnings += hidden_warnings;
        self.not_shown += other.not_shown;
    }

    fn count_shown(&self, s: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == s).count()
    }

    /// The problems kept in full, in the order they were found.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// The number of errors, shown or not.
    pub fn error_count(&self) -> usize {
        self.errors
    }

    /// The number of warnings, shown or not.
    pub fn warning_count(&self) -> usize {
        self.warnings
    }

    /// Whether any error was found.
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// Whether nothing at all was found.
    pub fn is_empty(&self) -> bool {
        self.errors == 0 && self.warnings == 0
    }

    /// The report for the terminal: one line per problem kept, then a count of the rest.
    pub fn report(&self, lang: Lang) -> String {
        let mut out = String::new();
        for d in &self.items {
            out.push_str(&d.message(lang));
            out.push('\n');
        }
        if self.not_shown > 0 {
            out.push_str(&pesan!(
                lang,
                "diagnosa.masalah_lain",
                jumlah = self.not_shown
            ));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One problem of every kind and every branch of its message, for the tests that render
    /// them all.
    pub(crate) fn contoh_semua() -> Vec<Problem> {
        use crate::berkas::JenisLain;
        let s = |t: &str| t.to_string();
        let masukan = PemilikJalur::Masukan {
            tempat: s("data/wilayah.csv:387"),
            nilai: Some(s("35.75")),
        };
        let masukan_tanpa = PemilikJalur::Masukan {
            tempat: s("content/a.md"),
            nilai: None,
        };
        let salur = PemilikJalur::Salur {
            id: "halaman beranda",
            en: "the home page",
        };
        let mut v = Vec::new();
        for e in [
            Expected::Desil,
            Expected::Count,
            Expected::CountKk,
            Expected::CountPeople,
            Expected::Money,
            Expected::Date,
            Expected::WilayahCode,
            Expected::Status,
            Expected::Periode,
            Expected::NonEmpty,
            Expected::Code,
            Expected::Time,
        ] {
            v.push(Problem::Malformed(e.clone()));
            v.push(Problem::Negative(e));
        }
        for kind in [
            CodeKind::Wilayah,
            CodeKind::Program,
            CodeKind::Tahap,
            CodeKind::Penyalur,
        ] {
            for nearest in [None, Some(s("BST"))] {
                v.push(Problem::UnknownCode {
                    kind,
                    nearest,
                    berkas: s("program.csv"),
                });
            }
        }
        v.extend([
            Problem::MissingParent {
                parent: s("35"),
                berkas: s("wilayah.csv"),
            },
            Problem::Duplicate { first_line: 4 },
            Problem::DuplicateColumn { first_column: 2 },
            Problem::MissingColumn { column: s("kpm") },
            Problem::MissingFile,
            Problem::PrivacyColumn,
            Problem::PrivacyNik,
            Problem::Csv(s("found record with 3 fields")),
            Problem::Io(s("permission denied")),
            Problem::MissingAlasan,
            Problem::EndsBeforeStart {
                mulai: s("2021-07-13"),
            },
            Problem::MelebihiKapasitas {
                titik_bayar: s("Pos A"),
                tanggal: s("2021-07-13"),
                kpm: 12000,
                max: 1500,
            },
            Problem::SlotBertumpuk {
                baris: 3,
                jam: s("07.00–08.00"),
            },
            Problem::RwGanda { baris: 5 },
            Problem::TanpaJadwal {
                wilayah: s("Karangketug (35.75.01.1001)"),
                program_tahap: s("BST 2021-07"),
                alokasi: 1234,
            },
            Problem::JadwalBedaAlokasi {
                program_tahap: s("BST 2021-07"),
                dijadwalkan: 1500,
                alokasi: 1200,
            },
            Problem::JadwalBedaAlokasi {
                program_tahap: s("BST 2021-07"),
                dijadwalkan: 1200,
                alokasi: 1500,
            },
            Problem::LokasiBerbeda {
                baris: 2,
                lokasi: s("Balai RW 1"),
            },
            Problem::SlotKosong,
            Problem::KolomLebih {
                fields: 9,
                header: 8,
            },
        ]);
        for (selisih_kpm, selisih_nilai) in [
            (12, Some(3_000_000)),
            (-12, Some(-3_000_000)),
            (5, Some(0)),
            (-1, None),
        ] {
            v.push(Problem::SelisihRekonsiliasi(Box::new(
                SelisihRekonsiliasi {
                    penyalur: s("BRI cabang Bontang"),
                    program: s("BST"),
                    tahap: s("2021-07"),
                    wilayah: s("64.02.07 Muara Badak"),
                    dinsos: 12345,
                    selisih_kpm,
                    selisih_nilai,
                },
            )));
        }
        v.extend([
            Problem::LangkahMembesar {
                sebelumnya: s("Terdata"),
                jumlah: 12000,
            },
            Problem::LangkahBerbeda {
                acuan: s("Kota Pasuruan (35.75)"),
                langkah: s("Terdata → Memenuhi kriteria"),
            },
            Problem::UsulTidakMuat {
                wilayah: s("Karangketug (35.75.01.1001)"),
                kpm: 5000,
                hari: 3,
                kapasitas: 1200,
                slot: 8,
            },
            Problem::UsulTanpaAturan,
            Problem::SudahAda,
            Problem::AturanJadwalTidakSah {
                id: s("jam_mulai sesudah jam_selesai"),
                en: s("jam_mulai after jam_selesai"),
            },
            Problem::SlotEndsBeforeStart { mulai: s("09.00") },
            Problem::OutsideTahap {
                tahap: s("2021-07"),
                mulai: s("2021-07-01"),
                selesai: s("2021-07-31"),
                berkas: s("tahap.csv"),
            },
            Problem::Config(s("x")),
            Problem::NotUtf8,
        ]);
        for a in [
            AlasanUrl::BukanHttp,
            AlasanUrl::TanpaHost,
            AlasanUrl::Host,
            AlasanUrl::Port,
            AlasanUrl::Karakter(' '),
            AlasanUrl::Karakter('<'),
            AlasanUrl::Karakter('\u{1b}'),
            AlasanUrl::DataPengguna,
            AlasanUrl::KueriAtauFragmen,
        ] {
            v.push(Problem::BaseUrl(a));
        }
        v.extend([
            Problem::Persen,
            Problem::BatasBerkas,
            Problem::TemaTidakSah,
            Problem::BandingkanKurang,
            Problem::NoSiteFolder,
            Problem::UnknownInput { suggestion: None },
            Problem::UnknownInput {
                suggestion: Some(s("xlsx")),
            },
            Problem::UnknownInput {
                suggestion: Some(s("realisasi.csv")),
            },
            Problem::BerkasKembar {
                lain: vec![s("realisasi.xlsx"), s("realisasi.ods")],
            },
            Problem::LembarRusak(s("invalid zip")),
            Problem::BerkasTerlaluBesar {
                ukuran: 700 << 20,
                batas: 512 << 20,
            },
            Problem::GalatRumus,
            Problem::NoFrontMatter,
            Problem::FrontMatterUnclosed,
            Problem::TanggalToml,
            Problem::UnknownValue {
                value: s("x"),
                expected: s("\"selesai\" or \"berjalan\""),
            },
            Problem::UnknownValue {
                value: s("x"),
                expected: s("one of a, b"),
            },
        ]);
        for pemilik in [masukan.clone(), masukan_tanpa.clone(), salur.clone()] {
            for (jalur_lain, kembar) in [(None, false), (Some(s("index.html")), true)] {
                v.push(Problem::JalurGanda {
                    jalur: s("titik-bayar/pos-a.html"),
                    jalur_lain,
                    pemilik: pemilik.clone(),
                    kembar,
                });
            }
            v.push(Problem::JalurJadiFolder {
                jalur: s("wilayah"),
                isi: s("wilayah/35/35.75.html"),
                pemilik: pemilik.clone(),
            });
            v.push(Problem::FolderJadiBerkas {
                jalur: s("index.html/a.css"),
                folder: s("index.html"),
                pemilik,
            });
        }
        for folder in ["", "titik-bayar/"] {
            v.push(Problem::NamaBerkasPanjang {
                folder: s(folder),
                panjang: 300,
                maks: 255,
            });
        }
        v.extend([
            Problem::TenggatSebelumRapat {
                tugas: s("Kirim data"),
                tenggat: s("2021-07-01"),
            },
            Problem::RapatSetelahData {
                tanggal: s("2021-08-01"),
                data_per: s("2021-07-31"),
            },
            Problem::SelesaiTanpaStatus,
            Problem::MissingKey { key: s("judul") },
            Problem::KolomKurang {
                fields: 2,
                needed: 5,
            },
            Problem::BerkasKosong {
                header: s("kode,nama"),
            },
        ]);
        for j in [
            JenisBerkas::Utf16,
            JenisBerkas::Zip,
            JenisBerkas::Xls,
            JenisBerkas::Pdf,
            JenisBerkas::Gambar,
            JenisBerkas::Biner,
        ] {
            v.push(Problem::BukanTeks(j));
        }
        v.extend([
            Problem::KutipTerbuka,
            Problem::TeksSetelahKutip,
            Problem::WilayahKosong {
                berkas: s("wilayah.csv"),
            },
            Problem::BerkasBukanUtf8,
            Problem::TeksTanpaKutip,
            Problem::TanggalTidakAda,
            Problem::UnknownKey {
                key: s("judl"),
                nearest: Some(s("judul")),
            },
            Problem::UnknownKey {
                key: s("xyz"),
                nearest: None,
            },
            Problem::PrivacyNikTeks,
            Problem::PrivacyNikNamaBerkas,
            Problem::PrivacyNikTerbaca,
            Problem::PrivacyNikJalur { jalur: s("a.html") },
            Problem::PrivacyNikHalaman { jalur: s("b.html") },
            Problem::NamaDinormalkan { jadi: s("Pos A") },
        ]);
        for t in [
            SintaksToml::KutipTerbuka,
            SintaksToml::KutipTigaTerbuka,
            SintaksToml::TakDitutup(']'),
            SintaksToml::TakDitutup('}'),
            SintaksToml::KomaHilang,
            SintaksToml::SisaBaris,
            SintaksToml::GarisMiring,
            SintaksToml::KunciGanda,
            SintaksToml::TanpaNilai,
            SintaksToml::BilanganRusak,
            SintaksToml::YaTidak,
            SintaksToml::KunciTidakSah,
        ] {
            v.push(Problem::SintaksToml(t));
        }
        for j in [
            JenisToml::Teks,
            JenisToml::Bulat {
                min: 1,
                max: i64::MAX,
            },
            JenisToml::Bulat { min: 1, max: 10000 },
            JenisToml::Angka,
            JenisToml::YaTidak,
            JenisToml::DaftarTeks,
            JenisToml::Tabel(s("jadwal")),
            JenisToml::DaftarTabel(s("bandingkan")),
        ] {
            v.push(Problem::JenisToml(j));
        }
        for n in [2, 5] {
            v.push(Problem::ZonaBertentangan {
                wilayah: (0..n).map(|i| format!("Prov {i} (6{i})")).collect(),
                zona: "WITA",
            });
        }
        v.extend([
            Problem::TautanKeluarSitus {
                tujuan: s("/etc/x"),
            },
            Problem::BukanBerkas(JenisLain::Folder),
            Problem::BukanBerkas(JenisLain::Pipa),
        ]);
        for toml in [false, true] {
            v.push(Problem::TerlaluDalam {
                kedalaman: 2000,
                batas: 1000,
                toml,
            });
        }
        v.extend([
            Problem::MarkdownTerlaluBesar {
                ukuran: 3000 * 1024,
                batas: 2048 * 1024,
            },
            Problem::BatasMarkdown,
            Problem::KolomTerlaluBanyak { batas: 16384 },
            Problem::JumlahTerlaluBesar {
                sebelum: 123456789,
                batas: 9_000_000_000,
            },
            Problem::HasilKaliTerlaluBesar {
                program: s("BST"),
                tarif: 300000,
                batas: 9_000_000_000,
            },
            Problem::SiteTomlTerlaluBesar {
                ukuran: 2 << 20,
                batas: 1 << 20,
            },
            Problem::TeksTerlaluPanjang {
                panjang: 5000,
                batas: 1000,
            },
        ]);
        for jenis in [
            JenisNama::Penyalur,
            JenisNama::Alasan,
            JenisNama::TitikBayar,
            JenisNama::Program,
            JenisNama::Tahap,
            JenisNama::Wilayah,
        ] {
            v.push(Problem::TerlaluBanyakNama {
                jenis,
                batas: 65536,
            });
        }
        v
    }

    #[test]
    fn every_message_comes_whole_from_both_catalogues() {
        let mut d = Diagnostics::new();
        for i in 0..=Diagnostics::LIMIT as u64 {
            d.push(Diagnostic {
                severity: Severity::Warning,
                ..Diagnostic::error("data/a.csv", i + 1, 2, Some("v"), Problem::MissingFile)
            });
        }
        for lang in [Lang::Id, Lang::En] {
            for p in contoh_semua() {
                // an escaped control character (`\u{1b}`) is not a placeholder
                let m = p.describe(lang).replace("\\u{", "");
                assert!(!m.is_empty());
                assert!(
                    crate::pesan::tempat_isian(&m).is_empty(),
                    "{lang:?}: a placeholder left in {m:?}"
                );
            }
            let report = d.report(lang);
            assert!(crate::pesan::tempat_isian(&report).is_empty(), "{report}");
        }
        assert!(d.report(Lang::En).ends_with("… and 1 more problems\n"));
        assert!(
            d.report(Lang::Id)
                .contains(": peringatan: 'v': berkas wajib ini tidak ada\n")
        );
        let salah = crate::pesan::salah_tercatat();
        assert!(salah.is_empty(), "{salah:#?}");
    }

    #[test]
    fn a_long_value_is_quoted_shortened() {
        let long = "9".repeat(1 << 20);
        let d = Diagnostic::error(
            "data/x.csv",
            3,
            8,
            Some(&long),
            Problem::Malformed(Expected::Count),
        );
        let m = d.message(Lang::En);
        assert_eq!(
            m,
            format!(
                "data/x.csv:3:8: '{}…': expected a whole number of KPM (e.g. 18.877)",
                "9".repeat(NILAI_MAKS)
            )
        );
        assert_eq!(singkat("Gentong"), "Gentong");
        let ragam = "é".repeat(NILAI_MAKS + 1);
        assert_eq!(singkat(&ragam).chars().count(), NILAI_MAKS + 1);
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        let d = Diagnostic::error(
            "data/a\u{7}.csv",
            2,
            3,
            Some("Pos\u{1b}[2J A\r\u{202e}x"),
            Problem::UnknownKey {
                key: "k\u{9b}ey\u{200b}".to_string(),
                nearest: None,
            },
        );
        assert_eq!(
            d.message(Lang::En),
            "data/a\\u{7}.csv:2:3: 'Pos\\u{1b}[2J A\\u{d}\\u{202e}x': unknown key 'k\\u{9b}ey\\u{200b}'"
        );
        assert!(!d.message(Lang::Id).chars().any(tak_tampak));
        // plain text, Indonesian letters and other scripts stay as they are
        assert!(matches!(
            tampak("Kéç 漢字 ‘x’"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
