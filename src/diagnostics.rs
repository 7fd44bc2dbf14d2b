//! Problems found in a site's inputs, each with the place it was found, in the site's language.
//!
//! Every rejected value becomes a [`Diagnostic`]: `file:line:column: 'value': what was expected`.
//! Stages collect them into [`Diagnostics`] rather than stopping at the first, so an operator
//! fixes a spreadsheet in one pass. Only the first [`Diagnostics::LIMIT`] are kept in full; the
//! rest are counted.

use std::fmt::Write as _;

use crate::lang::Lang;

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
        match (self, lang) {
            (Expected::Desil, Lang::Id) => "seharusnya desil DTSEN, 1 sampai 10",
            (Expected::Desil, Lang::En) => "expected a DTSEN decile, 1 to 10",
            (Expected::Count, Lang::Id) => "seharusnya bilangan bulat KPM (mis. 18.877)",
            (Expected::Count, Lang::En) => "expected a whole number of KPM (e.g. 18.877)",
            (Expected::CountKk, Lang::Id) => "seharusnya bilangan bulat KK (mis. 12.400)",
            (Expected::CountKk, Lang::En) => "expected a whole number of households (e.g. 12.400)",
            (Expected::CountPeople, Lang::Id) => "seharusnya bilangan bulat jiwa (mis. 208.006)",
            (Expected::CountPeople, Lang::En) => "expected a whole number of people (e.g. 208.006)",
            (Expected::Money, Lang::Id) => {
                "seharusnya rupiah tanpa desimal (mis. Rp 2.500.000 atau 2500000)"
            }
            (Expected::Money, Lang::En) => "expected whole rupiah (e.g. Rp 2.500.000 or 2500000)",
            (Expected::Date, Lang::Id) => "seharusnya tanggal (mis. 2021-07-13 atau 13/07/2021)",
            (Expected::Date, Lang::En) => "expected a date (e.g. 2021-07-13 or 13/07/2021)",
            (Expected::WilayahCode, Lang::Id) => {
                "seharusnya kode wilayah Kemendagri (mis. 35.75 atau 35.75.01.1001)"
            }
            (Expected::WilayahCode, Lang::En) => {
                "expected a Kemendagri region code (e.g. 35.75 or 35.75.01.1001)"
            }
            (Expected::Status, Lang::Id) => "seharusnya 'tersalur' atau 'gagal'",
            (Expected::Status, Lang::En) => "expected 'tersalur' or 'gagal'",
            (Expected::Periode, Lang::Id) => {
                "seharusnya salah satu dari bulanan, dua_bulanan, triwulanan, tahap, sekali"
            }
            (Expected::Periode, Lang::En) => {
                "expected one of bulanan, dua_bulanan, triwulanan, tahap, sekali"
            }
            (Expected::NonEmpty, Lang::Id) => "tidak boleh kosong",
            (Expected::NonEmpty, Lang::En) => "must not be empty",
            (Expected::Code, Lang::Id) => {
                "seharusnya kode dari huruf, angka, '-', '_' atau '.' (mis. BST, 2021-07)"
            }
            (Expected::Code, Lang::En) => {
                "expected a code of letters, digits, '-', '_' or '.' (e.g. BST, 2021-07)"
            }
            (Expected::Time, Lang::Id) => "seharusnya jam (mis. 07.00 atau 07:00)",
            (Expected::Time, Lang::En) => "expected a time of day (e.g. 07.00 or 07:00)",
        }
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
            out.push_str(match lang {
                Lang::Id => "peringatan: ",
                Lang::En => "warning: ",
            });
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
        let id = lang == Lang::Id;
        match self {
            Problem::Malformed(e) => e.describe(lang).to_string(),
            Problem::Negative(e) => {
                let what = e.describe(lang);
                if id {
                    format!("tidak boleh negatif; {what}")
                } else {
                    format!("must not be negative; {what}")
                }
            }
            Problem::UnknownCode {
                kind,
                nearest,
                berkas: file,
            } => {
                let (id_what, en_what) = match kind {
                    CodeKind::Wilayah => ("kode wilayah", "region code"),
                    CodeKind::Program => ("kode program", "programme code"),
                    CodeKind::Tahap => ("kode tahap", "stage code"),
                    CodeKind::Penyalur => ("penyalur", "paying channel"),
                };
                let mut s = if id {
                    format!("{id_what} tidak ada di {file}")
                } else {
                    format!("unknown {en_what}: not in {file}")
                };
                if let Some(n) = nearest {
                    if id {
                        let _ = write!(s, "; mungkin maksudnya '{n}'?");
                    } else {
                        let _ = write!(s, "; did you mean '{n}'?");
                    }
                }
                s
            }
            Problem::MissingParent { parent, berkas } => {
                if id {
                    format!("wilayah induk '{parent}' tidak ada di {berkas}")
                } else {
                    format!("its parent region '{parent}' is not in {berkas}")
                }
            }
            Problem::Duplicate { first_line } => {
                if id {
                    format!("duplikat; sudah ada di baris {first_line}")
                } else {
                    format!("duplicate; already given on line {first_line}")
                }
            }
            Problem::DuplicateColumn { first_column } => {
                if id {
                    format!("kolom ganda; sudah ada di kolom {first_column}")
                } else {
                    format!("duplicate column; already at column {first_column}")
                }
            }
            Problem::MissingColumn { column } => {
                if id {
                    format!("kolom '{column}' tidak ada di baris judul")
                } else {
                    format!("the header has no column '{column}'")
                }
            }
            Problem::MissingFile => {
                if id {
                    "berkas wajib ini tidak ada".to_string()
                } else {
                    "this required file does not exist".to_string()
                }
            }
            Problem::PrivacyColumn => {
                if id {
                    "privasi: kolom ini berisi data pribadi (NIK, nomor KK atau nama penerima); \
                     hapus kolom ini, hanya data agregat yang boleh diterbitkan"
                        .to_string()
                } else {
                    "privacy: this column holds personal data (NIK, family card number or a \
                     recipient's name); remove it, only aggregates may be published"
                        .to_string()
                }
            }
            Problem::PrivacyNik => {
                if id {
                    "privasi: sel ini berbentuk NIK (16 angka); data per penerima tidak boleh \
                     ada di masukan situs"
                        .to_string()
                } else {
                    "privacy: this cell looks like a NIK (16 digits); recipient-level data must \
                     not be in the site's inputs"
                        .to_string()
                }
            }
            Problem::Csv(msg) => {
                if id {
                    format!("CSV rusak: {msg}")
                } else {
                    format!("broken CSV: {msg}")
                }
            }
            Problem::Io(msg) => {
                if id {
                    format!("tidak dapat dibaca: {msg}")
                } else {
                    format!("cannot be read: {msg}")
                }
            }
            Problem::MissingAlasan => {
                if id {
                    "baris 'gagal' harus punya alasan (kolom alasan)".to_string()
                } else {
                    "a 'gagal' row needs a reason (column alasan)".to_string()
                }
            }
            Problem::MelebihiKapasitas {
                titik_bayar,
                tanggal,
                kpm,
                max,
            } => {
                let (kpm, max) = (
                    crate::format::ribuan(*kpm as i64, lang),
                    crate::format::ribuan(*max as i64, lang),
                );
                if id {
                    format!(
                        "titik bayar '{titik_bayar}' tanggal {tanggal}: {kpm} KPM, lebih dari \
                         {max} KPM per hari ([jadwal] max_kpm_per_day di site.toml)"
                    )
                } else {
                    format!(
                        "payment point '{titik_bayar}' on {tanggal}: {kpm} KPM, more than {max} \
                         KPM a day ([jadwal] max_kpm_per_day in site.toml)"
                    )
                }
            }
            Problem::UsulTidakMuat {
                wilayah,
                kpm,
                hari,
                kapasitas,
                slot,
            } => {
                let (kpm, kapasitas) = (
                    crate::format::ribuan(*kpm as i64, lang),
                    crate::format::ribuan(*kapasitas as i64, lang),
                );
                if id {
                    format!(
                        "{kpm} KPM {wilayah} tidak muat dalam {hari} hari dengan paling banyak \
                         {kapasitas} KPM dan {slot} slot per hari; tambah hari (jumlah_hari) atau \
                         titik bayar"
                    )
                } else {
                    format!(
                        "the {kpm} KPM of {wilayah} do not fit in {hari} days at {kapasitas} KPM \
                         and {slot} slots a day; add days (jumlah_hari) or payment points"
                    )
                }
            }
            Problem::SudahAda => {
                if id {
                    "berkas ini sudah ada; tidak ditimpa (pakai --force untuk menimpanya, atau \
                     --output - untuk mencetaknya)"
                        .to_string()
                } else {
                    "this file exists; not overwritten (use --force to replace it, or --output - \
                     to print the schedule)"
                        .to_string()
                }
            }
            Problem::AturanJadwalTidakSah { id: i, en } => {
                if id {
                    i.clone()
                } else {
                    en.clone()
                }
            }
            Problem::UsulTanpaAturan => {
                if id {
                    "tidak ada [jadwal.usul] (program, tahap, mulai, jumlah_hari) di site.toml"
                        .to_string()
                } else {
                    "no [jadwal.usul] (program, tahap, mulai, jumlah_hari) in site.toml".to_string()
                }
            }
            Problem::SlotBertumpuk { baris, jam } => {
                if id {
                    format!("bertumpuk dengan slot baris {baris} ({jam}) di titik bayar yang sama")
                } else {
                    format!("overlaps the slot on line {baris} ({jam}) at the same payment point")
                }
            }
            Problem::RwGanda { baris } => {
                if id {
                    format!(
                        "RW ini sudah dijadwalkan di titik bayar lain untuk program dan tahap yang sama pada baris {baris}"
                    )
                } else {
                    format!(
                        "this RW is already scheduled at another payment point for the same programme and tahap on line {baris}"
                    )
                }
            }
            Problem::TanpaJadwal {
                wilayah,
                program_tahap,
                alokasi,
            } => {
                let alokasi = crate::format::ribuan(*alokasi as i64, lang);
                if id {
                    format!(
                        "{wilayah} mendapat alokasi {alokasi} KPM {program_tahap} tetapi tidak \
                         punya jadwal"
                    )
                } else {
                    format!(
                        "{wilayah} has an allocation of {alokasi} KPM for {program_tahap} but no slot"
                    )
                }
            }
            Problem::JadwalBedaAlokasi {
                program_tahap,
                dijadwalkan,
                alokasi,
            } => {
                let selisih = *dijadwalkan as i64 - *alokasi as i64;
                let (d, a, s) = (
                    crate::format::ribuan(*dijadwalkan as i64, lang),
                    crate::format::ribuan(*alokasi as i64, lang),
                    crate::format::ribuan(selisih, lang),
                );
                let s = if selisih > 0 { format!("+{s}") } else { s };
                if id {
                    format!("dijadwalkan {d} KPM {program_tahap}, alokasi {a} KPM (selisih {s})")
                } else {
                    format!("scheduled {d} KPM for {program_tahap}, allocated {a} (difference {s})")
                }
            }
            Problem::LokasiBerbeda { baris, lokasi } => {
                if id {
                    format!(
                        "titik bayar ini bertempat di '{lokasi}' pada baris {baris}; satu titik \
                         bayar, satu tempat (beri nama lain bila tempatnya lain)"
                    )
                } else {
                    format!(
                        "this payment point is at '{lokasi}' on line {baris}; one point, one place \
                         (give it another name if the place differs)"
                    )
                }
            }
            Problem::SlotKosong => {
                if id {
                    "slot untuk 0 KPM".to_string()
                } else {
                    "a slot for 0 KPM".to_string()
                }
            }
            Problem::KolomLebih { fields, header } => {
                if id {
                    format!(
                        "baris ini punya {fields} kolom, kepala tabel {header}: ada koma di dalam \
                         angka (8,91)? Tulis angka tanpa koma, atau beri tanda kutip pada selnya"
                    )
                } else {
                    format!(
                        "this row has {fields} fields, the header {header}: a comma inside a \
                         number (8,91)? Write the number without it, or quote the cell"
                    )
                }
            }
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
                let n = crate::format::ribuan(*dinsos as i64, lang);
                let d = crate::format::ribuan(*selisih_kpm, lang);
                let d = if *selisih_kpm > 0 { format!("+{d}") } else { d };
                let rp = selisih_nilai.filter(|&v| v != 0).map(|v| {
                    let r = crate::format::ribuan(v, lang);
                    if v > 0 {
                        format!("+Rp {r}")
                    } else {
                        format!("-Rp {}", r.trim_start_matches('-'))
                    }
                });
                if id {
                    format!(
                        "{penyalur} melaporkan angka yang berbeda dari Dinsos untuk {program} tahap {tahap} di {wilayah}: Dinsos {n} KPM, selisih {d} KPM{}, melebihi toleransi [rekonsiliasi]",
                        rp.map(|r| format!(" dan {r}")).unwrap_or_default()
                    )
                } else {
                    format!(
                        "{penyalur} reports other figures than Dinsos for {program} tahap {tahap} in {wilayah}: Dinsos {n} KPM, difference {d} KPM{}, beyond the [rekonsiliasi] tolerance",
                        rp.map(|r| format!(" and {r}")).unwrap_or_default()
                    )
                }
            }
            Problem::LangkahMembesar { sebelumnya, jumlah } => {
                let n = crate::format::ribuan(*jumlah as i64, lang);
                if id {
                    format!(
                        "lebih banyak daripada langkah sebelumnya ('{sebelumnya}': {n}); sebuah \
                         langkah verifikasi hanya menyaring"
                    )
                } else {
                    format!(
                        "more than the step before ('{sebelumnya}': {n}); a verification step \
                         only filters"
                    )
                }
            }
            Problem::LangkahBerbeda { acuan, langkah } => {
                if id {
                    format!(
                        "langkah verifikasi berbeda dengan {acuan} untuk program dan periode yang \
                         sama ({langkah}); angkanya tidak dapat dijumlahkan ke wilayah di atasnya"
                    )
                } else {
                    format!(
                        "verification steps differ from {acuan} for the same programme and period \
                         ({langkah}); the figures cannot be added up to the regions above"
                    )
                }
            }
            Problem::SlotEndsBeforeStart { mulai } => {
                if id {
                    format!("jam selesai tidak sesudah jam mulai ({mulai})")
                } else {
                    format!("the slot does not end after it starts ({mulai})")
                }
            }
            Problem::EndsBeforeStart { mulai } => {
                if id {
                    format!("tanggal selesai sebelum tanggal mulai ({mulai})")
                } else {
                    format!("ends before it starts ({mulai})")
                }
            }
            Problem::OutsideTahap {
                tahap,
                mulai,
                selesai,
                berkas,
            } => {
                if id {
                    format!(
                        "di luar masa tahap {tahap} ({mulai} s.d. {selesai}); periksa tanggal atau masa tahap di {berkas}"
                    )
                } else {
                    format!(
                        "outside stage {tahap} ({mulai} to {selesai}); check the date or the stage's dates in {berkas}"
                    )
                }
            }
            Problem::Config(msg) => {
                if id {
                    format!("isian tidak sah: {msg}")
                } else {
                    format!("invalid setting: {msg}")
                }
            }
            Problem::NotUtf8 => {
                if id {
                    "bukan teks UTF-8; di Excel simpan sebagai 'CSV UTF-8 (Comma delimited)'"
                        .to_string()
                } else {
                    "not UTF-8 text; in Excel save as 'CSV UTF-8 (Comma delimited)'".to_string()
                }
            }
            Problem::BaseUrl(alasan) => {
                let (apa_id, apa_en) = match alasan {
                    AlasanUrl::BukanHttp => (
                        "base_url harus alamat lengkap yang diawali http:// atau https://"
                            .to_string(),
                        "base_url must be a full address starting with http:// or https://"
                            .to_string(),
                    ),
                    AlasanUrl::TanpaHost => (
                        "base_url perlu nama host sesudah https://".to_string(),
                        "base_url needs a host name after https://".to_string(),
                    ),
                    AlasanUrl::Host => (
                        "nama host base_url tidak sah (huruf, angka, '-' dan '.')".to_string(),
                        "the host name of base_url is not valid (letters, digits, '-' and '.')"
                            .to_string(),
                    ),
                    AlasanUrl::Port => (
                        "port base_url harus bilangan 1 sampai 65535".to_string(),
                        "the port of base_url must be a number from 1 to 65535".to_string(),
                    ),
                    AlasanUrl::Karakter(c) => {
                        let c = if *c == ' ' {
                            if id {
                                "spasi".to_string()
                            } else {
                                "a space".to_string()
                            }
                        } else {
                            format!("'{}'", tampak(&c.to_string()))
                        };
                        (
                            format!(
                                "base_url tidak boleh memuat {c}; tulis karakter itu dengan \
                                 kode persen, mis. %20 untuk spasi"
                            ),
                            format!(
                                "base_url must not hold {c}; write such a character \
                                 percent-encoded, e.g. %20 for a space"
                            ),
                        )
                    }
                    AlasanUrl::DataPengguna => (
                        "base_url tidak boleh memuat nama pengguna atau sandi (…@)".to_string(),
                        "base_url must not hold a user name or password (…@)".to_string(),
                    ),
                    AlasanUrl::KueriAtauFragmen => (
                        "base_url tidak boleh memuat ? atau #: jalur halaman ditambahkan di \
                         ujungnya"
                            .to_string(),
                        "base_url must not hold ? or #: page paths are added at its end"
                            .to_string(),
                    ),
                };
                match (alasan, id) {
                    (AlasanUrl::Karakter(_), true) => apa_id,
                    (AlasanUrl::Karakter(_), false) => apa_en,
                    (_, true) => format!("{apa_id} (mis. https://bansos.example.go.id/)"),
                    (_, false) => format!("{apa_en} (e.g. https://bansos.example.go.id/)"),
                }
            }
            Problem::BandingkanKurang => {
                if id {
                    "[[bandingkan]] perlu dua sampai delapan wilayah yang berbeda, mis. wilayah = [\"35.75\", \"35.23\"]".to_string()
                } else {
                    "[[bandingkan]] needs two to eight different regions, e.g. wilayah = [\"35.75\", \"35.23\"]".to_string()
                }
            }
            Problem::Persen => {
                if id {
                    "persentase antara 0 dan 100 (mis. 0.5)".to_string()
                } else {
                    "a percentage between 0 and 100 (e.g. 0.5)".to_string()
                }
            }
            Problem::TemaTidakSah => {
                if id {
                    "theme: nama satu folder di themes/ situs ini, tanpa /, \\, .., : atau \
                     jalur mutlak (misalnya theme = \"dinsos\" untuk themes/dinsos/); \
                     salur tidak membaca tema dari luar folder situs"
                        .to_string()
                } else {
                    "theme: a plain folder name in this site's themes/, without /, \\, .., : or \
                     an absolute path (e.g. theme = \"dinsos\" for themes/dinsos/); salur reads \
                     no theme from outside the site folder"
                        .to_string()
                }
            }
            Problem::BatasBerkas => {
                if id {
                    "batas_berkas_mb: batas ukuran satu berkas data dalam MB, bilangan bulat \
                     mulai 1 (bawaan 512)"
                        .to_string()
                } else {
                    "batas_berkas_mb: the size limit of one data file in MB, a whole number \
                     from 1 (default 512)"
                        .to_string()
                }
            }
            Problem::NoSiteFolder => {
                if id {
                    "folder situs ini tidak ada".to_string()
                } else {
                    "this site folder does not exist".to_string()
                }
            }
            Problem::UnknownInput { suggestion } => {
                let mut s = if id {
                    "berkas ini tidak dibaca oleh salur".to_string()
                } else {
                    "salur does not read this file".to_string()
                };
                match suggestion.as_deref() {
                    Some("xlsx") => s.push_str(if id {
                        "; lembar kerja dibaca bila namanya nama berkas masukan \
                         (mis. realisasi.xlsx), atau simpan sebagai CSV UTF-8"
                    } else {
                        "; a spreadsheet is read when it has an input's name \
                         (e.g. realisasi.xlsx), or save it as CSV UTF-8"
                    }),
                    Some(name) => {
                        if id {
                            let _ = write!(s, "; mungkin maksudnya '{name}'?");
                        } else {
                            let _ = write!(s, "; did you mean '{name}'?");
                        }
                    }
                    None => {}
                }
                s
            }
            Problem::BerkasKembar { lain } => {
                let lain = lain.join(", ");
                if id {
                    format!(
                        "data yang sama juga diberikan sebagai {lain}; salur membaca satu \
                         berkas per masukan: hapus atau ganti nama salah satunya"
                    )
                } else {
                    format!(
                        "the same input is also given as {lain}; salur reads one file per \
                         input: remove or rename one of them"
                    )
                }
            }
            Problem::BerkasTerlaluBesar { ukuran, batas } => {
                const MIB: u64 = 1 << 20;
                let mb = |b: u64| crate::format::ribuan(b.div_ceil(MIB) as i64, lang);
                // a limit that takes this file: the next power of two in MB
                let saran = ukuran.div_ceil(MIB).next_power_of_two().max(1);
                let bita = crate::format::ribuan(*ukuran as i64, lang);
                if id {
                    format!(
                        "berkas ini {} MB ({bita} byte), melebihi batas {} MB per berkas: salur \
                         membaca seluruh berkas ke memori dan menyimpan setiap barisnya, kira-kira \
                         2× ukuran berkas; bila komputer ini cukup memorinya, naikkan batasnya \
                         di site.toml, misalnya batas_berkas_mb = {saran}",
                        mb(*ukuran),
                        mb(*batas)
                    )
                } else {
                    format!(
                        "this file is {} MB ({bita} bytes), over the limit of {} MB per file: \
                         salur reads a file whole into memory and keeps each of its rows, about \
                         2× the file's size; if this computer has the memory, raise the limit \
                         in site.toml, e.g. batas_berkas_mb = {saran}",
                        mb(*ukuran),
                        mb(*batas)
                    )
                }
            }
            Problem::LembarRusak(e) => {
                if id {
                    format!(
                        "lembar kerja tidak dapat dibaca ({e}); simpan ulang dari Excel atau \
                         LibreOffice, atau simpan sebagai CSV UTF-8"
                    )
                } else {
                    format!(
                        "the spreadsheet cannot be read ({e}); save it again from Excel or \
                         LibreOffice, or save it as CSV UTF-8"
                    )
                }
            }
            Problem::GalatRumus => {
                if id {
                    "sel berisi galat rumus; perbaiki rumusnya atau ketik nilainya".to_string()
                } else {
                    "the cell holds a formula error; fix the formula or type the value".to_string()
                }
            }
            Problem::UnknownKey { key, nearest } => {
                let mut s = if id {
                    format!("kunci tidak dikenal '{key}'")
                } else {
                    format!("unknown key '{key}'")
                };
                if let Some(n) = nearest {
                    if id {
                        let _ = write!(s, "; mungkin maksudnya '{n}'?");
                    } else {
                        let _ = write!(s, "; did you mean '{n}'?");
                    }
                }
                s
            }
            Problem::TautanKeluarSitus { tujuan } => {
                if id {
                    format!(
                        "tautan simbolik ini menunjuk ke luar folder situs, ke {tujuan}; salur \
                         hanya membaca berkas di dalam folder situs: salin berkas itu ke \
                         dalamnya (atau buat tautannya ke berkas di dalam folder situs)"
                    )
                } else {
                    format!(
                        "this symbolic link leads outside the site folder, to {tujuan}; salur \
                         reads only files inside the site folder: copy the file into it (or \
                         link to a file inside the site folder)"
                    )
                }
            }
            Problem::BukanBerkas(jenis) => jenis.describe(lang),
            Problem::NoFrontMatter => {
                if id {
                    "bagian depan TOML di antara baris '+++' tidak ada (setidaknya judul)"
                        .to_string()
                } else {
                    "no TOML front matter between '+++' lines (at least judul)".to_string()
                }
            }
            Problem::FrontMatterUnclosed => {
                if id {
                    "baris '+++' penutup bagian depan tidak ditemukan".to_string()
                } else {
                    "the closing '+++' line of the front matter is missing".to_string()
                }
            }
            Problem::TanggalToml => {
                if id {
                    "seharusnya tanggal TOML tanpa tanda kutip, mis. tanggal = 2021-07-13"
                        .to_string()
                } else {
                    "expected a TOML date without quotes, e.g. tanggal = 2021-07-13".to_string()
                }
            }
            Problem::UnknownValue { value, expected } => {
                if id {
                    format!(
                        "nilai tidak dikenal '{value}'; seharusnya {}",
                        expected
                            .replace(" or ", " atau ")
                            .replace("one of ", "salah satu dari ")
                    )
                } else {
                    format!("unknown value '{value}'; expected {expected}")
                }
            }
            Problem::JalurGanda {
                jalur,
                jalur_lain,
                pemilik,
                kembar,
            } => {
                let lain = match (jalur_lain, id) {
                    (Some(l), true) => {
                        format!(
                            " (sama dengan {l} di server yang tidak membedakan huruf besar dan kecil)"
                        )
                    }
                    (Some(l), false) => format!(" (the same as {l} on a host that ignores case)"),
                    (None, _) => String::new(),
                };
                let mut s = match (pemilik, id) {
                    (PemilikJalur::Masukan { tempat, nilai }, true) => {
                        let nilai = nilai
                            .as_ref()
                            .map(|n| format!(" '{n}'"))
                            .unwrap_or_default();
                        format!(
                            "diterbitkan sebagai {jalur}{lain}, yang sudah menjadi halaman \
                             {tempat}{nilai}; dua masukan tidak boleh menjadi satu berkas: ganti \
                             nama salah satunya"
                        )
                    }
                    (PemilikJalur::Masukan { tempat, nilai }, false) => {
                        let nilai = nilai
                            .as_ref()
                            .map(|n| format!(" '{n}'"))
                            .unwrap_or_default();
                        format!(
                            "would be published as {jalur}{lain}, which is already the page of \
                             {tempat}{nilai}; two inputs cannot share one file: rename one of them"
                        )
                    }
                    (PemilikJalur::Salur { id: apa, .. }, true) => format!(
                        "diterbitkan sebagai {jalur}{lain}, yang dibuat salur sendiri ({apa}); \
                         ganti namanya"
                    ),
                    (PemilikJalur::Salur { en: apa, .. }, false) => format!(
                        "would be published as {jalur}{lain}, which salur makes itself ({apa}); \
                         rename it"
                    ),
                };
                if *kembar {
                    s.push_str(if id {
                        " (atau, bila keduanya satu hal yang sama, tulis dengan cara yang sama)"
                    } else {
                        " (or, if both are one and the same, write them alike)"
                    });
                }
                s
            }
            Problem::JalurJadiFolder {
                jalur,
                isi,
                pemilik,
            } => {
                let milik = pemilik_halaman(pemilik, lang);
                if id {
                    format!(
                        "diterbitkan sebagai {jalur}, yang sudah menjadi folder dari {isi}, \
                         {milik}; ganti namanya"
                    )
                } else {
                    format!(
                        "would be published as {jalur}, which is already the folder of {isi}, \
                         {milik}; rename it"
                    )
                }
            }
            Problem::FolderJadiBerkas {
                jalur,
                folder,
                pemilik,
            } => {
                let milik = pemilik_halaman(pemilik, lang);
                if id {
                    format!(
                        "diterbitkan sebagai {jalur}, tetapi {folder} sudah menjadi berkas, \
                         {milik}; ganti namanya"
                    )
                } else {
                    format!(
                        "would be published as {jalur}, but {folder} is already a file, {milik}; \
                         rename it"
                    )
                }
            }
            Problem::NamaBerkasPanjang {
                folder,
                panjang,
                maks,
            } => {
                if id {
                    let di = if folder.is_empty() {
                        String::new()
                    } else {
                        format!(" di {folder}")
                    };
                    format!(
                        "terlalu panjang untuk nama berkas: nama berkasnya{di} akan {panjang} \
                         bita; paling banyak {maks} bita (huruf tanpa aksen 1 bita, huruf lain \
                         2 sampai 4); singkatkan"
                    )
                } else {
                    let di = if folder.is_empty() {
                        String::new()
                    } else {
                        format!(" in {folder}")
                    };
                    format!(
                        "too long for a file name: its file{di} would have a name of {panjang} \
                         bytes; at most {maks} bytes are allowed (a plain letter is 1 byte, \
                         others 2 to 4); shorten it"
                    )
                }
            }
            Problem::TenggatSebelumRapat { tugas, tenggat } => {
                if id {
                    format!("tenggat '{tugas}' ({tenggat}) sebelum tanggal rapat")
                } else {
                    format!("the deadline of '{tugas}' ({tenggat}) is before the meeting")
                }
            }
            Problem::RapatSetelahData { tanggal, data_per } => {
                if id {
                    format!(
                        "rapat {tanggal} sesudah tanggal data {data_per}: keadaan tindak lanjutnya \
                         dinilai per {data_per}; atur data_as_of di site.toml bila perlu"
                    )
                } else {
                    format!(
                        "the meeting ({tanggal}) is after the data date {data_per}: its follow-ups \
                         are judged as of {data_per}; set data_as_of in site.toml if needed"
                    )
                }
            }
            Problem::SelesaiTanpaStatus => {
                if id {
                    "'selesai_pada' hanya bersama status = \"selesai\"".to_string()
                } else {
                    "'selesai_pada' goes only with status = \"selesai\"".to_string()
                }
            }
            Problem::MissingKey { key } => {
                if id {
                    format!("kunci wajib '{key}' tidak ada")
                } else {
                    format!("the required key '{key}' is missing")
                }
            }
            Problem::KolomKurang { fields, needed } => {
                if id {
                    format!(
                        "baris ini hanya punya {fields} dari {needed} kolom yang diperlukan; \
                         periksa pemisah kolom dan sel yang kosong"
                    )
                } else {
                    format!(
                        "this row has only {fields} of the {needed} fields needed; check the \
                         delimiters and empty cells"
                    )
                }
            }
            Problem::BerkasKosong { header } => {
                if id {
                    format!("berkas ini kosong; seharusnya diawali baris judul '{header}'")
                } else {
                    format!("this file is empty; expected a header line '{header}'")
                }
            }
            Problem::BukanTeks(jenis) => {
                // what the file is, and whether giving it its own name is the other way out
                let (apa_id, apa_en) = match jenis {
                    JenisBerkas::Utf16 => (
                        "berkas ini teks UTF-16 ('Unicode Text' Excel), bukan UTF-8;",
                        "this file is UTF-16 text (Excel's 'Unicode Text'), not UTF-8;",
                    ),
                    JenisBerkas::Zip => (
                        "berkas ini arsip ZIP, mungkin lembar kerja .xlsx atau .ods yang diberi \
                         nama .csv; beri nama dengan ekstensi aslinya (.xlsx, .ods), atau",
                        "this file is a ZIP archive, probably an .xlsx or .ods workbook named \
                         .csv; give it its own extension (.xlsx, .ods), or",
                    ),
                    JenisBerkas::Xls => (
                        "berkas ini lembar kerja Excel lama (.xls) yang diberi nama .csv; beri \
                         nama .xls, atau",
                        "this file is an old Excel workbook (.xls) named .csv; name it .xls, or",
                    ),
                    JenisBerkas::Pdf => (
                        "berkas ini dokumen PDF, bukan CSV;",
                        "this file is a PDF document, not CSV;",
                    ),
                    JenisBerkas::Gambar => (
                        "berkas ini gambar, bukan CSV;",
                        "this file is an image, not CSV;",
                    ),
                    JenisBerkas::Biner => (
                        "berkas ini berisi bita biner (NUL atau karakter kendali), bukan teks CSV;",
                        "this file holds binary bytes (NUL or control characters), not CSV text;",
                    ),
                };
                if id {
                    format!("{apa_id} di Excel simpan sebagai 'CSV UTF-8 (Comma delimited)'")
                } else {
                    format!("{apa_en} in Excel save it as 'CSV UTF-8 (Comma delimited)'")
                }
            }
            Problem::KutipTerbuka => {
                if id {
                    "tanda kutip pembuka sel ini tidak pernah ditutup, sehingga sisa berkas \
                     terbaca sebagai satu sel; tutup dengan \" atau hapus tanda kutipnya"
                        .to_string()
                } else {
                    "the quote that opens this cell is never closed, so the rest of the file \
                     would be read as one cell; close it with \" or remove the quote"
                        .to_string()
                }
            }
            Problem::TeksSetelahKutip => {
                if id {
                    "ada teks sesudah tanda kutip penutup sel; tulis seluruh isi sel di antara \
                     tanda kutip (\"…\") dan gandakan tanda kutip di dalamnya (\"\")"
                        .to_string()
                } else {
                    "text after the quote that closes the cell; write the whole cell inside \
                     quotes (\"…\") and double a quote inside it (\"\")"
                        .to_string()
                }
            }
            Problem::WilayahKosong { berkas } => {
                if id {
                    format!(
                        "{berkas} hanya berisi baris judul; seharusnya setidaknya satu wilayah \
                         (mis. 35.75,Kota Pasuruan)"
                    )
                } else {
                    format!(
                        "{berkas} holds only its header; at least one region is expected \
                         (e.g. 35.75,Kota Pasuruan)"
                    )
                }
            }
            Problem::BerkasBukanUtf8 => {
                if id {
                    "bukan teks UTF-8; simpan berkas ini sebagai UTF-8 di penyunting teks"
                        .to_string()
                } else {
                    "not UTF-8 text; save this file as UTF-8 in the text editor".to_string()
                }
            }
            Problem::TeksTanpaKutip => {
                if id {
                    "teks harus di antara tanda kutip, mis. judul = \"Rakor bansos\"".to_string()
                } else {
                    "text must be in quotes, e.g. judul = \"Rakor bansos\"".to_string()
                }
            }
            Problem::TanggalTidakAda => {
                if id {
                    "tanggal ini tidak ada di kalender; seharusnya tanggal TOML, mis. \
                     tanggal = 2021-07-13"
                        .to_string()
                } else {
                    "no such day in the calendar; expected a TOML date, e.g. \
                     tanggal = 2021-07-13"
                        .to_string()
                }
            }
            Problem::PrivacyNikTeks => {
                if id {
                    "privasi: teks ini memuat nomor berbentuk NIK (16 angka); nomor identitas \
                     penerima tidak boleh diterbitkan"
                        .to_string()
                } else {
                    "privacy: this text holds a number shaped like a NIK (16 digits); a \
                     recipient's ID number must never be published"
                        .to_string()
                }
            }
            Problem::PrivacyNikNamaBerkas => {
                if id {
                    "privasi: nama berkas ini memuat nomor berbentuk NIK (16 angka); nama berkas \
                     ikut diterbitkan (alamat halaman, daftar berkas), jadi ganti namanya"
                        .to_string()
                } else {
                    "privacy: this file name holds a number shaped like a NIK (16 digits); file \
                     names are published (page addresses, lists of files), so rename it"
                        .to_string()
                }
            }
            Problem::PrivacyNikTerbaca => {
                if id {
                    "privasi: seperti yang diterbitkan (Markdown dan HTML ditampilkan, entitas, \
                     escape %xx dan \\u diuraikan, spasi disatukan), teks ini memuat nomor \
                     berbentuk NIK (16 angka); nomor identitas penerima tidak boleh diterbitkan"
                        .to_string()
                } else {
                    "privacy: as published (Markdown and HTML rendered, entities, %xx and \\u \
                     escapes decoded, spaces collapsed), this text holds a number shaped like a \
                     NIK (16 digits); a recipient's ID number must never be published"
                        .to_string()
                }
            }
            Problem::PrivacyNikJalur { jalur } => {
                if id {
                    format!(
                        "privasi: nama ini menjadi alamat halaman '{jalur}', yang memuat nomor \
                         berbentuk NIK (16 angka); alamat ikut diterbitkan, jadi ganti namanya"
                    )
                } else {
                    format!(
                        "privacy: this name becomes the page address '{jalur}', which holds a \
                         number shaped like a NIK (16 digits); addresses are published, so \
                         rename it"
                    )
                }
            }
            Problem::PrivacyNikHalaman { jalur } => {
                if id {
                    format!(
                        "privasi: halaman '{jalur}' yang dibuat dari berkas ini memuat nomor \
                         berbentuk NIK (16 angka) setelah ditampilkan; tidak ada yang ditulis"
                    )
                } else {
                    format!(
                        "privacy: the page '{jalur}' made from this file holds a number shaped \
                         like a NIK (16 digits) once rendered; nothing was written"
                    )
                }
            }
            Problem::NamaDinormalkan { jadi } => {
                if id {
                    format!(
                        "nama ini memuat karakter tak terlihat, spasi ganda atau bentuk Unicode \
                         lain; dibaca sebagai '{jadi}'"
                    )
                } else {
                    format!(
                        "this name holds invisible characters, repeated spaces or another \
                         Unicode form; read as '{jadi}'"
                    )
                }
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
                    let _ = if id {
                        write!(daftar, " dan {lain} provinsi lain")
                    } else {
                        write!(daftar, " and {lain} more provinsi")
                    };
                }
                if id {
                    format!(
                        "zona waktu ini bertentangan dengan zona provinsi {daftar}, yaitu {zona}: \
                         jam di wilayah itu tetap ditulis dalam {zona}; timezone hanya berlaku \
                         untuk tanggal situs dan wilayah yang provinsinya tidak dikenal, hapus \
                         bila tidak perlu"
                    )
                } else {
                    format!(
                        "this time zone contradicts the zone of provinsi {daftar}, {zona}: times \
                         there are still written in {zona}; timezone only applies to the site's \
                         own dates and to regions of an unknown provinsi, remove it if not needed"
                    )
                }
            }
            Problem::SintaksToml(s) => s.describe(lang).to_string(),
            Problem::JenisToml(j) => {
                let angka = |n: i64| crate::format::ribuan(n, lang);
                match (j, id) {
                    (JenisToml::Teks, true) => {
                        "seharusnya teks di antara tanda kutip, mis. \"…\"".to_string()
                    }
                    (JenisToml::Teks, false) => "expected text in quotes, e.g. \"…\"".to_string(),
                    (JenisToml::Bulat { min, max }, true) if *max == i64::MAX => format!(
                        "seharusnya bilangan bulat tanpa tanda kutip, sedikitnya {}",
                        angka(*min)
                    ),
                    (JenisToml::Bulat { min, max }, false) if *max == i64::MAX => format!(
                        "expected a whole number without quotes, at least {}",
                        angka(*min)
                    ),
                    (JenisToml::Bulat { min, max }, true) => format!(
                        "seharusnya bilangan bulat tanpa tanda kutip, {} sampai {}",
                        angka(*min),
                        angka(*max)
                    ),
                    (JenisToml::Bulat { min, max }, false) => format!(
                        "expected a whole number without quotes, from {} to {}",
                        angka(*min),
                        angka(*max)
                    ),
                    (JenisToml::Angka, true) => {
                        "seharusnya angka tanpa tanda kutip, mis. 0.5".to_string()
                    }
                    (JenisToml::Angka, false) => {
                        "expected a number without quotes, e.g. 0.5".to_string()
                    }
                    (JenisToml::YaTidak, true) => {
                        "seharusnya true atau false, tanpa tanda kutip".to_string()
                    }
                    (JenisToml::YaTidak, false) => {
                        "expected true or false, without quotes".to_string()
                    }
                    (JenisToml::DaftarTeks, true) => {
                        "seharusnya daftar teks, mis. [\"…\", \"…\"]".to_string()
                    }
                    (JenisToml::DaftarTeks, false) => {
                        "expected a list of texts, e.g. [\"…\", \"…\"]".to_string()
                    }
                    (JenisToml::Tabel(n), true) => {
                        format!(
                            "seharusnya bagian tersendiri [{n}] dengan kunci = nilai di bawahnya"
                        )
                    }
                    (JenisToml::Tabel(n), false) => {
                        format!("expected a section [{n}] with key = value lines under it")
                    }
                    (JenisToml::DaftarTabel(n), true) => {
                        format!("seharusnya bagian [[{n}]], satu untuk setiap isian")
                    }
                    (JenisToml::DaftarTabel(n), false) => {
                        format!("expected [[{n}]] sections, one for each entry")
                    }
                }
            }
            Problem::TerlaluDalam {
                kedalaman,
                batas,
                toml,
            } => {
                let n = crate::format::ribuan_u64(*kedalaman as u64, lang);
                let b = crate::format::ribuan_u64(*batas as u64, lang);
                match (id, toml) {
                    (true, false) => format!(
                        "bersarang terlalu dalam: {n} tingkat di sini (kutipan >, daftar, \
                         penekanan, tautan atau tag HTML di dalam satu sama lain); seharusnya \
                         paling banyak {b} tingkat"
                    ),
                    (false, false) => format!(
                        "nested too deeply: {n} levels here (quotes >, lists, emphasis, links \
                         or HTML tags inside one another); expected at most {b} levels"
                    ),
                    (true, true) => format!(
                        "bersarang terlalu dalam: {n} tingkat di sini (larik [ ] atau tabel \
                         {{ }} TOML di dalam satu sama lain); seharusnya paling banyak {b} \
                         tingkat"
                    ),
                    (false, true) => format!(
                        "nested too deeply: {n} levels here (TOML arrays [ ] or tables {{ }} \
                         inside one another); expected at most {b} levels"
                    ),
                }
            }
            Problem::MarkdownTerlaluBesar { ukuran, batas } => {
                let kb = |b: u64| crate::format::ribuan_u64(b.div_ceil(1024), lang);
                // a limit that takes this file: the next power of two in KB
                let saran = ukuran.div_ceil(1024).next_power_of_two().max(1);
                if id {
                    format!(
                        "berkas Markdown ini {} KB, melebihi batas {} KB per halaman: halaman \
                         sepanjang ini berat dibuka di ponsel; bagi menjadi beberapa halaman, \
                         atau naikkan batasnya di site.toml, misalnya batas_markdown_kb = \
                         {saran}",
                        kb(*ukuran),
                        kb(*batas)
                    )
                } else {
                    format!(
                        "this Markdown file is {} KB, over the limit of {} KB per page: a page \
                         this long is heavy to open on a phone; split it into several pages, \
                         or raise the limit in site.toml, e.g. batas_markdown_kb = {saran}",
                        kb(*ukuran),
                        kb(*batas)
                    )
                }
            }
            Problem::BatasMarkdown => {
                let maks = crate::format::ribuan_u64(crate::config::BATAS_MARKDOWN_KB_MAKS, lang);
                let bawaan = crate::config::BATAS_MARKDOWN_KB;
                if id {
                    format!(
                        "batas_markdown_kb: batas ukuran satu berkas Markdown dalam KB, \
                         bilangan bulat dari 1 sampai {maks} (bawaan {bawaan})"
                    )
                } else {
                    format!(
                        "batas_markdown_kb: the size limit of one Markdown file in KB, a whole \
                         number from 1 to {maks} (default {bawaan})"
                    )
                }
            }
            Problem::KolomTerlaluBanyak { batas } => {
                let b = crate::format::ribuan_u64(*batas as u64, lang);
                if id {
                    format!(
                        "baris judul ini punya lebih dari {b} kolom, lebih banyak daripada yang \
                         dapat dimuat satu lembar Excel; seharusnya hanya kolom berkas ini \
                         (periksa pemisahnya: , ; atau tab)"
                    )
                } else {
                    format!(
                        "this header has more than {b} columns, more than an Excel sheet \
                         holds; expected only this file's columns (check its delimiter: , ; or \
                         tab)"
                    )
                }
            }
            Problem::JumlahTerlaluBesar { sebelum, batas } => {
                let s = crate::format::ribuan_u64(*sebelum, lang);
                let b = crate::format::ribuan_u64(*batas, lang);
                if id {
                    format!(
                        "jumlah kolom ini sampai baris ini ({s} + nilai ini) melebihi {b}, \
                         jumlah terbesar yang dapat dihitung salur; seharusnya jumlah yang muat: \
                         periksa angka dengan digit berlebih"
                    )
                } else {
                    format!(
                        "this column's total up to this row ({s} + this value) is more than \
                         {b}, the largest total salur can add up; expected a total that fits: \
                         look for a number with extra digits"
                    )
                }
            }
            Problem::HasilKaliTerlaluBesar {
                program,
                tarif,
                batas,
            } => {
                let t = crate::format::ribuan_u64(*tarif, lang);
                let b = crate::format::ribuan_u64(*batas, lang);
                if id {
                    format!(
                        "KPM ini × Rp {t} (nilai_per_kpm program {program}) melebihi Rp {b}, \
                         jumlah terbesar yang dapat dihitung salur; seharusnya jumlah yang muat"
                    )
                } else {
                    format!(
                        "these KPM × Rp {t} (nilai_per_kpm of programme {program}) come to more \
                         than Rp {b}, the largest amount salur can add up; expected an amount \
                         that fits"
                    )
                }
            }
            Problem::SiteTomlTerlaluBesar { ukuran, batas } => {
                let kb = |b: u64| crate::format::ribuan_u64(b.div_ceil(1024), lang);
                if id {
                    format!(
                        "site.toml ini {} KB, melebihi batas {} KB: berkas pengaturan ditulis \
                         tangan dan tidak pernah sepanjang ini; data masuk ke data/, halaman ke \
                         content/",
                        kb(*ukuran),
                        kb(*batas)
                    )
                } else {
                    format!(
                        "this site.toml is {} KB, over the limit of {} KB: settings are written \
                         by hand and never this long; data go into data/, pages into content/",
                        kb(*ukuran),
                        kb(*batas)
                    )
                }
            }
            Problem::TeksTerlaluPanjang { panjang, batas } => {
                let n = crate::format::ribuan_u64(*panjang as u64, lang);
                let b = crate::format::ribuan_u64(*batas as u64, lang);
                if id {
                    format!(
                        "teks sepanjang {n} karakter; seharusnya paling banyak {b} karakter \
                         (nama atau keterangan singkat: teks ini dimuat di banyak halaman)"
                    )
                } else {
                    format!(
                        "a text of {n} characters; expected at most {b} (a name or a short \
                         note: it is printed on many pages)"
                    )
                }
            }
            Problem::TerlaluBanyakNama { jenis, batas } => {
                let b = crate::format::ribuan_u64(*batas, lang);
                let (apa_id, apa_en) = match jenis {
                    JenisNama::Penyalur => ("nama penyalur", "penyalur names"),
                    JenisNama::Alasan => ("alasan gagal", "failure reasons"),
                    JenisNama::TitikBayar => ("titik bayar", "payment points"),
                    JenisNama::Program => ("program", "programmes"),
                    JenisNama::Tahap => ("tahap", "stages"),
                    JenisNama::Wilayah => ("wilayah", "regions"),
                };
                if id {
                    format!(
                        "terlalu banyak {apa_id} yang berbeda: ini yang pertama melebihi {b}; \
                         seharusnya paling banyak {b} (periksa apakah kolom ini berisi {apa_id})"
                    )
                } else {
                    format!(
                        "too many different {apa_en}: this is the first beyond {b}; expected at \
                         most {b} (check that this column holds {apa_en})"
                    )
                }
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
        let id = lang == Lang::Id;
        match self {
            SintaksToml::KutipTerbuka => {
                if id {
                    "teks ini tidak ditutup tanda kutip pada barisnya; akhiri dengan \" (atau ' \
                     bila dibuka dengan ')"
                } else {
                    "this text is not closed by a quote on its line; end it with \" (or ' if it \
                     opens with ')"
                }
            }
            SintaksToml::KutipTigaTerbuka => {
                if id {
                    "teks banyak baris ini tidak pernah ditutup; akhiri dengan tiga tanda kutip \
                     seperti pembukanya"
                } else {
                    "this multi-line text is never closed; end it with three quotes like the \
                     ones that open it"
                }
            }
            SintaksToml::TakDitutup(']') => {
                if id {
                    "tanda ']' penutup tidak ada; tutup '[' pada baris yang sama"
                } else {
                    "the closing ']' is missing; close the '[' on the same line"
                }
            }
            SintaksToml::TakDitutup(_) => {
                if id {
                    "tanda '}' penutup tidak ada; tutup '{' pada baris yang sama"
                } else {
                    "the closing '}' is missing; close the '{' on the same line"
                }
            }
            SintaksToml::KomaHilang => {
                if id {
                    "di antara dua isi perlu koma (,)"
                } else {
                    "a comma (,) is needed between two items"
                }
            }
            SintaksToml::SisaBaris => {
                if id {
                    "satu kunci = nilai per baris; teks lain sesudah nilai harus diawali # \
                     (komentar)"
                } else {
                    "one key = value per line; anything after the value must start with # \
                     (a comment)"
                }
            }
            SintaksToml::GarisMiring => {
                if id {
                    "garis miring terbalik (\\) dalam teks harus diikuti n, t, \", \\ atau u; \
                     tulis \\\\ untuk satu garis miring, atau pakai tanda kutip tunggal ('…')"
                } else {
                    "a backslash (\\) in text must be followed by n, t, \", \\ or u; write \
                     \\\\ for one backslash, or use single quotes ('…')"
                }
            }
            SintaksToml::KunciGanda => {
                if id {
                    "kunci atau bagian ini sudah diberikan di atas; hapus atau gabungkan salah \
                     satunya"
                } else {
                    "this key or section is already given above; remove or merge one of them"
                }
            }
            SintaksToml::TanpaNilai => {
                if id {
                    "kunci tanpa nilai; tulis kunci = nilai"
                } else {
                    "a key without a value; write key = value"
                }
            }
            SintaksToml::BilanganRusak => {
                if id {
                    "bilangan tidak sah; tulis angka saja tanpa nol di depan, mis. 200 atau 0.5"
                } else {
                    "not a valid number; write digits only without a leading zero, e.g. 200 \
                     or 0.5"
                }
            }
            SintaksToml::YaTidak => {
                if id {
                    "seharusnya true atau false (huruf kecil, tanpa tanda kutip)"
                } else {
                    "expected true or false (lower case, without quotes)"
                }
            }
            SintaksToml::KunciTidakSah => {
                if id {
                    "nama kunci hanya dari huruf, angka, '_' dan '-' (mis. max_kpm_per_day)"
                } else {
                    "a key name holds only letters, digits, '_' and '-' (e.g. max_kpm_per_day)"
                }
            }
        }
    }
}

/// Whose page a path is, as a clause: `halaman data/wilayah.csv:387 '35.75'`, `yang dibuat
/// salur sendiri (halaman beranda)`.
fn pemilik_halaman(pemilik: &PemilikJalur, lang: Lang) -> String {
    match (pemilik, lang) {
        (PemilikJalur::Masukan { tempat, nilai }, lang) => {
            let nilai = nilai
                .as_ref()
                .map(|n| format!(" '{n}'"))
                .unwrap_or_default();
            match lang {
                Lang::Id => format!("halaman {tempat}{nilai}"),
                Lang::En => format!("the page of {tempat}{nilai}"),
            }
        }
        (PemilikJalur::Salur { id, .. }, Lang::Id) => format!("yang dibuat salur sendiri ({id})"),
        (PemilikJalur::Salur { en, .. }, Lang::En) => format!("which salur makes itself ({en})"),
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
            let _ = match lang {
                Lang::Id => writeln!(out, "… dan {} masalah lain", self.not_shown),
                Lang::En => writeln!(out, "… and {} more problems", self.not_shown),
            };
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
