//! What can be wrong with a site's inputs: [`Problem`] and the kinds its variants name. Their
//! words are in `kata`.

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
    /// An RW number (`03`, `RW 03`).
    Rw,
    /// An absolute `http://` or `https://` address with a host (`tautan_resmi`, `url`).
    Tautan,
    /// A telephone number: digits, spaces, `-`, `.`, brackets, a leading `+` (`telepon`).
    Telepon,
    /// A mobile number WhatsApp can be reached at: `08…`, `628…` or `+62 8…` (`whatsapp`).
    WhatsApp,
    /// An e-mail address (`email`).
    Email,
    /// A budget year of four digits (`2021`).
    Tahun,
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
    /// A page salur makes itself, named by the message catalogue key of its name
    /// (`pemilik.kualitas_data`: "laporan kualitas data").
    Salur {
        /// The key of its name in the message catalogue.
        kunci: &'static str,
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
    /// A header that `[kolom.<input>]` of `site.toml` names for a contract column is not in
    /// the file's header.
    HeaderPetaTidakAda {
        /// The table of `site.toml` that maps it (`kolom.realisasi`, `penerima.kolom`).
        tabel: String,
        /// The contract column (`kpm`).
        kontrak: String,
        /// The header as `site.toml` writes it.
        header: String,
        /// The file's header meant, when one is close.
        nearest: Option<String>,
    },
    /// A column a recipient list is read by (`status`, `kelurahan`, …) is one whose header
    /// names personal data (`NAMA`, `ALAMAT`): a mapping slip that would quote names.
    KolomPribadiDibaca {
        /// The list's column it was mapped to.
        kolom: String,
    },
    /// A file under `data/penerima/` that no `[[penerima]]` of `site.toml` names.
    PenerimaTidakDideklarasi,
    /// A NIK listed twice in one recipient list: one household counted twice.
    NikGanda {
        /// The line of its first row.
        baris_pertama: u64,
        /// The other list it is in, when it is not this one.
        berkas: Option<String>,
    },
    /// A `[[penerima]]` list that is not under `data/penerima/` (the one folder `init` keeps
    /// out of git, and the one nothing else reads from).
    PenerimaDiLuarFolder,
    /// A `[[penerima]]` list named twice in `site.toml`: its households would count twice.
    PenerimaGanda {
        /// The line of `site.toml` of its first entry.
        baris: u64,
    },
    /// A desa/kelurahan that is not in the kecamatan the list's row names.
    DesaDiKecamatanLain {
        /// The kecamatan(s) it is in.
        kecamatan: String,
    },
    /// A recipient list's region code that is not a desa/kelurahan: a household lives in one.
    BukanDesaKelurahan,
    /// A status word of a recipient list that `[penerima.status]` does not name.
    StatusPenerima {
        /// The words it knows, as written in `site.toml` (or the default ones).
        dikenal: String,
    },
    /// A region's name that no desa/kelurahan of `wilayah.csv` has (within the kecamatan and
    /// kabupaten/kota given).
    NamaWilayahTidakDikenal {
        /// The region name meant, when one is close.
        nearest: Option<String>,
    },
    /// A region's name that several desa/kelurahan share, and nothing tells apart.
    NamaWilayahGanda {
        /// The candidates (`35.75.01.1001 Karangketug, Kec. Gadingrejo`), joined.
        kandidat: String,
    },
    /// A recipient list's households of a programme × tahap × region that aggregate rows
    /// (`alokasi.csv`, `realisasi.csv`) or another list also count: counted twice.
    PenerimaBertumpuk {
        /// The programme's code.
        program: String,
        /// The tahap's code.
        tahap: String,
        /// The other file.
        berkas: String,
    },
    /// A region code written without dots (`3575011001`) in a site that does not say which
    /// numbering its undotted codes are in (`kode` in `site.toml`).
    KodeTanpaTitik,
    /// `kode = "bps"` in `site.toml`, and `wilayah.csv` has no `kode_bps` column to match BPS
    /// codes to its regions.
    KodeBpsTanpaKolom,
    /// A `[[satu_data]]` table's households of a programme × tahap × region that other rows
    /// (an aggregate file, a recipient list, another table) count too.
    SatuDataBertumpuk {
        /// The programme's code.
        program: String,
        /// The tahap's code.
        tahap: String,
        /// The file of the other rows (`data/alokasi.csv`, or the list's or table's).
        berkas: String,
    },
    /// A `[[satu_data]]` table that is not a file of its own in `data/` (outside it, in
    /// `data/penerima/`, or named like an input, which is read as that input).
    SatuDataTempat,
    /// A `[[satu_data]]` row whose unit (`satuan`) is not households (`orang`, `rupiah`).
    SatuanBukanKeluarga,
    /// A `[[satu_data]]` row's year that names no tahap (through `[satu_data.tahun]`, or as a
    /// tahap's code).
    TahunTanpaTahap {
        /// The tahap code looked for.
        kode: String,
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
    /// A region's own budget smaller than the sum of the budgets given below it
    /// (`anggaran.csv`): one of them is wrong.
    PaguAnakMelebihi {
        /// The region (`Kota Pasuruan (35.75)`).
        wilayah: String,
        /// The programme and year (`BST 2021`).
        program: String,
        /// The budgets below, summed.
        jumlah_anak: u64,
        /// The regions below that have one (`Bugulkidul (35.75.02), …`).
        anak: String,
    },
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
    AturanJadwalTidakSah(AturanTidakSah),
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
    /// A text cell that is not UTF-8 (a whole text file that is not: [`Problem::BerkasBukanUtf8`]).
    SelBukanUtf8,
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
    /// A `[[pengaduan]]` entry of `site.toml` with no way to reach it (no `telepon`,
    /// `whatsapp`, `email`, `url` or `alamat`).
    PengaduanTanpaKontak,
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
    /// A Parquet file that cannot be read (damaged, or not what its name says): the reader's
    /// message.
    ParketRusak(String),
    /// A Parquet file with a column compressed by a codec salur does not read.
    ParketKodek {
        /// The codec, as engines name it (`ZSTD`).
        kodek: String,
    },
    /// A part of a folder of Parquet parts whose columns are not the first part's.
    ParketSkemaBeda {
        /// The first part's file.
        pertama: String,
    },
    /// A column salur reads that is nested or repeated (a list, struct or map) in a Parquet
    /// file.
    ParketBersarang,
    /// A Parquet input declaring more rows than `batas_berkas_mb` allows.
    ParketTerlaluBanyakBaris {
        /// The rows declared.
        baris: u64,
        /// The most allowed.
        batas: u64,
    },
    /// A column salur reads holding instants adjusted to UTC, whose day depends on a time zone.
    ParketWaktuUtc,
    /// A folder named like an input that holds no Parquet file.
    FolderTanpaParket,
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
    /// A file of the previous publication (in the output folder) that cannot be read as salur
    /// writes it: a warning; the history of corrections compares nothing with it
    /// ([`crate::data::koreksi`]).
    TerbitTakTerbaca {
        /// The file, relative to the output folder.
        berkas: String,
    },
    /// The output folder held another site's publication (another `base_url`) with a
    /// history of corrections, which this build replaces and does not carry.
    TerbitSitusLain {
        /// How many corrections that history listed.
        koreksi: usize,
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
    BukanBerkas(JenisLain),
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
    /// `data/batas.geojson` is not JSON, or not a GeoJSON FeatureCollection: the reader's
    /// own words (at the line and column it gives).
    BatasJson(String),
    /// A feature of `data/batas.geojson` without the code property (`[peta] properti_kode`).
    BatasTanpaKode {
        /// The feature's position in the file, from 1.
        fitur: usize,
        /// The property looked for.
        properti: String,
    },
    /// A feature's code written as a number, not text: `35.75` as a number is 35.75, and
    /// `35.70` would be `35.7`; the code's meaning is in its digits as written.
    BatasKodeBukanTeks {
        /// The property.
        properti: String,
    },
    /// A feature whose geometry is not a Polygon or MultiPolygon (a Point, a LineString):
    /// there is no area to fill.
    BatasGeometri {
        /// The feature's position in the file, from 1.
        fitur: usize,
        /// Its code.
        kode: String,
        /// The GeoJSON type found.
        jenis: String,
    },
    /// A second feature with a code already given: which one is the region would be a guess.
    BatasKodeGanda {
        /// The line of the first.
        baris_pertama: u64,
    },
    /// Features whose codes are no region of `data/wilayah.csv` (warning, once, at the first:
    /// a national file used by one kabupaten's site would otherwise give thousands).
    BatasKodeTidakDikenal {
        /// How many features.
        jumlah: usize,
        /// The next few codes.
        contoh: Vec<String>,
    },
    /// Regions on a page with a map that have no boundary in `data/batas.geojson` (warning,
    /// once per build: the maps draw what they have and name the rest).
    BatasAnakHilang {
        /// How many regions.
        jumlah: usize,
        /// The first few, `kode nama`.
        contoh: Vec<String>,
    },
}

/// What stands where salur reads a file or a folder, when it is not what salur reads there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JenisLain {
    /// A folder, where salur reads a file.
    Folder,
    /// A file, where salur reads a folder (`data/`, `content/rapat/`, `themes/<name>/`).
    Berkas,
    /// A symbolic link whose target does not exist (moved or deleted).
    TautanPutus {
        /// Where the link points, as written in it (a NIK in it masked).
        tujuan: String,
    },
    /// A symbolic link that never reaches a file: links that lead to each other.
    TautanBerputar {
        /// Where the link points, as written in it (a NIK in it masked).
        tujuan: String,
    },
    /// A named pipe (FIFO): reading it would wait for a writer.
    Pipa,
    /// A Unix socket.
    Soket,
    /// A character or block device (`/dev/null`, a disk).
    Perangkat,
}

/// Why a `[jadwal]` or `[jadwal.usul]` setting of `site.toml` cannot give a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AturanTidakSah {
    /// `max_kpm_per_day` below 1: a payment point that serves no one.
    KapasitasNol,
    /// `jumlah_hari` below 1: a schedule of no days.
    HariNol,
    /// `menit_slot` of 0, or longer than the time from `jam_mulai` to `jam_selesai`.
    MenitSlot {
        /// The longest slot that fits, in minutes.
        maks: u64,
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

#[cfg(test)]
/// One problem of every kind and every branch of its message, for the tests that render
/// them all.
pub(crate) fn contoh_semua() -> Vec<Problem> {
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
        kunci: "pemilik.beranda",
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
        Expected::Rw,
        Expected::Code,
        Expected::Time,
        Expected::Tautan,
        Expected::Telepon,
        Expected::WhatsApp,
        Expected::Email,
        Expected::Tahun,
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
        Problem::KodeTanpaTitik,
        Problem::SatuanBukanKeluarga,
        Problem::SatuDataTempat,
        Problem::SatuDataBertumpuk {
            program: s("BST"),
            tahap: s("2021-07"),
            berkas: s("data/alokasi.csv"),
        },
        Problem::TahunTanpaTahap { kode: s("2023") },
        Problem::KodeBpsTanpaKolom,
        Problem::KolomPribadiDibaca {
            kolom: s("kelurahan"),
        },
        Problem::PenerimaTidakDideklarasi,
        Problem::NikGanda {
            baris_pertama: 4,
            berkas: None,
        },
        Problem::NikGanda {
            baris_pertama: 4,
            berkas: Some(s("data/penerima/bank.csv")),
        },
        Problem::PenerimaDiLuarFolder,
        Problem::PenerimaGanda { baris: 44 },
        Problem::DesaDiKecamatanLain {
            kecamatan: s("Gadingrejo"),
        },
        Problem::BukanDesaKelurahan,
        Problem::StatusPenerima {
            dikenal: s("SUDAH SALUR, GAGAL SALUR"),
        },
        Problem::NamaWilayahTidakDikenal {
            nearest: Some(s("Kandangsapi")),
        },
        Problem::NamaWilayahGanda {
            kandidat: s("35.75.01.1001 Sukamaju (Gadingrejo), 35.75.02.1001 Sukamaju (Purworejo)"),
        },
        Problem::PenerimaBertumpuk {
            program: s("BST"),
            tahap: s("2021-07"),
            berkas: s("data/alokasi.csv"),
        },
        Problem::HeaderPetaTidakAda {
            tabel: s("kolom.realisasi"),
            kontrak: s("kpm"),
            header: s("Jumlah KPM"),
            nearest: Some(s("JUMLAH_KPM")),
        },
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
        Problem::PaguAnakMelebihi {
            wilayah: s("Kota Pasuruan (35.75)"),
            program: s("BST 2021"),
            jumlah_anak: 12_000_000_000,
            anak: s("Bugulkidul (35.75.02)"),
        },
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
        Problem::AturanJadwalTidakSah(AturanTidakSah::KapasitasNol),
        Problem::AturanJadwalTidakSah(AturanTidakSah::HariNol),
        Problem::AturanJadwalTidakSah(AturanTidakSah::MenitSlot { maks: 300 }),
        Problem::SlotEndsBeforeStart { mulai: s("09.00") },
        Problem::OutsideTahap {
            tahap: s("2021-07"),
            mulai: s("2021-07-01"),
            selesai: s("2021-07-31"),
            berkas: s("tahap.csv"),
        },
        Problem::Config(s("x")),
        Problem::SelBukanUtf8,
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
        Problem::PengaduanTanpaKontak,
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
        Problem::ParketRusak(s("Invalid Parquet file. Corrupt footer")),
        Problem::ParketKodek { kodek: s("ZSTD") },
        Problem::ParketSkemaBeda {
            pertama: s("data/realisasi/provinsi=11/data_0.parquet"),
        },
        Problem::ParketBersarang,
        Problem::ParketTerlaluBanyakBaris {
            baris: 40_000_000,
            batas: 10_737_418,
        },
        Problem::ParketWaktuUtc,
        Problem::FolderTanpaParket,
        Problem::BatasJson(s("expected `,` or `}`")),
        Problem::BatasTanpaKode {
            fitur: 3,
            properti: s("kode"),
        },
        Problem::BatasKodeBukanTeks {
            properti: s("kode"),
        },
        Problem::BatasGeometri {
            fitur: 3,
            kode: s("35.75"),
            jenis: s("Point"),
        },
        Problem::BatasKodeGanda { baris_pertama: 2 },
        Problem::BatasKodeTidakDikenal {
            jumlah: 3,
            contoh: vec![s("35.76"), s("35.77")],
        },
        Problem::BatasAnakHilang {
            jumlah: 12,
            contoh: vec![s("35.75.01 Gadingrejo")],
        },
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
        Problem::TerbitTakTerbaca {
            berkas: s("unduh/realisasi.csv"),
        },
        Problem::TerbitSitusLain { koreksi: 4 },
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
