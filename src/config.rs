//! `site.toml`: the site's title, language, time zone and settings.
//!
//! Read once at the start of a build; every later stage gets a [`Config`].

use std::path::Path;

use jiff::civil::Date;
use serde::Deserialize;

use crate::dasar::nilai::toml_date;
use crate::dasar::tempat::{Penunjuk, line_column};
use crate::diagnostics::{
    AlasanUrl, AturanTidakSah, Diagnostic, Diagnostics, JenisToml, Problem, Severity,
};
use crate::lang::Lang;

/// The file name of the site configuration, at the site root.
pub const CONFIG_FILE: &str = "site.toml";

/// The time zone label used for times on the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
pub enum Zona {
    /// Waktu Indonesia Barat, UTC+7 (Asia/Jakarta).
    #[default]
    WIB,
    /// Waktu Indonesia Tengah, UTC+8 (Asia/Makassar).
    WITA,
    /// Waktu Indonesia Timur, UTC+9 (Asia/Jayapura).
    WIT,
}

impl Zona {
    /// The label written after times (`07.00 WIB`).
    pub fn label(self) -> &'static str {
        match self {
            Zona::WIB => "WIB",
            Zona::WITA => "WITA",
            Zona::WIT => "WIT",
        }
    }

    /// The zone of a region from its Kemendagri code: its provinsi (the first two digits)
    /// decides, by law (Keppres 41/1987). WIB: Sumatra, Kepulauan Riau, Java, Kalimantan
    /// Barat/Tengah; WITA: Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara and Sulawesi;
    /// WIT: Maluku and Papua (the 38 provinsi of the national region table, 11 to 96). `None`
    /// when the code names no provinsi salur knows: then `timezone` of `site.toml` decides.
    pub fn dari_kode(kode: &str) -> Option<Zona> {
        let prov: u8 = kode.get(..2)?.parse().ok()?;
        match prov {
            11..=19 | 21 | 31..=36 | 61 | 62 => Some(Zona::WIB),
            51..=53 | 63..=65 | 71..=76 => Some(Zona::WITA),
            81 | 82 | 91..=96 => Some(Zona::WIT),
            _ => None,
        }
    }

    /// Its offset from UTC, as a calendar writes it (`+0700`).
    pub fn offset(self) -> &'static str {
        match self {
            Zona::WIB => "+0700",
            Zona::WITA => "+0800",
            Zona::WIT => "+0900",
        }
    }

    /// The IANA time zone name (for calendars).
    pub fn tzid(self) -> &'static str {
        match self {
            Zona::WIB => "Asia/Jakarta",
            Zona::WITA => "Asia/Makassar",
            Zona::WIT => "Asia/Jayapura",
        }
    }
}

/// The checked contents of `site.toml`.
#[derive(Debug, Clone, Hash)]
pub struct Config {
    /// The site's title, shown on every page.
    pub title: String,
    /// One sentence under the title on the home page.
    pub description: String,
    /// Where the site will be published (used for absolute URLs such as a sitemap; page links
    /// stay relative).
    pub base_url: String,
    /// UI and message language.
    pub language: Lang,
    /// The theme's name (`default` is built in).
    pub theme: String,
    /// `timezone`: the zone of the site's own times (the feed's dates) and of a region whose
    /// provinsi has no known zone; a region's times are always in its provinsi's zone
    /// ([`Config::zona`]).
    pub timezone: Option<Zona>,
    /// Where `timezone` is written (line, column), for the warning when it contradicts a
    /// region's zone ([`Config::zona_bertentangan`]).
    pub timezone_di: Option<(u64, u64)>,
    /// The date the data describes ("data per …"); when absent, the latest date in the data.
    pub data_as_of: Option<Date>,
    /// Lines of attribution shown in every page's footer (e.g. the region data's licence).
    pub attribution: Vec<String>,
    /// The licence the site's own figures are published under, as an SPDX id
    /// (`lisensi = "CC-BY-4.0"`); the downloads name it beside the region data's ODbL.
    pub lisensi: Option<String>,
    /// The office that issues the printed schedule notice (`penerbit = "Dinas Sosial Kota
    /// Pasuruan"`), named at its head; the notice names the site's title when it is absent.
    pub penerbit: Option<String>,
    /// `[jadwal]`: the payment schedule's rules.
    pub jadwal: AturanJadwal,
    /// `[privacy]`: what may be published of small counts.
    pub privasi: AturanPrivasi,
    /// `[rekonsiliasi]`: how Dinsos's figures are set against the channels' reports.
    pub rekonsiliasi: AturanRekonsiliasi,
    /// `[peta]`: how `data/batas.geojson` is read and what its maps show.
    pub peta: AturanPeta,
    /// `[[bandingkan]]`: the regions to set side by side, one comparison page each.
    pub bandingkan: Vec<Bandingkan>,
    /// The largest input file read, in bytes (`batas_berkas_mb`, in MB of 1.048.576 bytes;
    /// default [`BATAS_BERKAS_MB`]).
    pub batas_berkas: u64,
    /// The largest Markdown file read, in bytes (`batas_markdown_kb`, in KB of 1.024 bytes;
    /// default [`BATAS_MARKDOWN_KB`]).
    pub batas_markdown: u64,
    /// `[kolom.<input>]`: the file's own headers for the contract's columns, per input, so
    /// that an export is read as it comes (`[kolom.realisasi] kpm = "Jumlah KPM"`).
    pub kolom: Vec<PetaKolom>,
    /// `[[penerima]]`: the recipient lists read, privately, into the figures: the one place
    /// personal data may be read.
    pub penerima: Vec<DaftarPenerima>,
    /// `[nilai.<input>.<column>]`: an export's own words for a column's values
    /// (`[nilai.realisasi.status] "SUDAH SALUR" = "tersalur"`).
    pub nilai: Vec<PetaNilai>,
    /// `kode`: which numbering region codes written without dots are in. Without it such a
    /// code is refused: Kemendagri's 2+2+2+4 digits and BPS's 2+2+3+3 both give ten, and a
    /// guess would file a village under the wrong parent.
    pub kode: Option<SistemKode>,
    /// `[[satu_data]]`: tables in the Open Data (Satu Data) long format, one measure per row
    /// with its `satuan` and `tahun`, read into the allocation or the paid figures.
    pub satu_data: Vec<SatuData>,
    /// `[[pengaduan]]`: where residents ask and complain, in the file's order; which apply to a
    /// page is [`crate::site::pengaduan::untuk`].
    pub pengaduan: Vec<Pengaduan>,
    /// `[[sumber]]`: what the figures of a whole input file are (`status`), in file order; a
    /// row of `data/sumber_angka.csv` says more precisely of the figures it names.
    pub sumber: Vec<SumberBerkas>,
}

/// One `[[pengaduan]]` entry of `site.toml`: a complaint or information channel (a Dinsos
/// office, Command Center 171, SP4N-LAPOR!). Every text is as written, trimmed; the links made
/// from them are [`Pengaduan::tel`], [`Pengaduan::wa`], [`Pengaduan::mailto`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Pengaduan {
    /// Its name (`Dinas Sosial Kota Pasuruan`).
    pub nama: String,
    /// A telephone number as written (`0343-423628`, `171`).
    pub telepon: Option<String>,
    /// A WhatsApp number as written (`0812-3456-7890`).
    pub whatsapp: Option<String>,
    /// An e-mail address.
    pub email: Option<String>,
    /// A web address (`https://www.lapor.go.id`).
    pub url: Option<String>,
    /// A street address.
    pub alamat: Option<String>,
    /// Opening hours, as written (`Senin–Jumat 08.00–15.00`).
    pub jam: Option<String>,
    /// The regions whose pages show it (and their descendants' pages), each code with its
    /// line and column; empty: every region.
    pub wilayah: Vec<(String, u64, u64)>,
    /// The programmes whose pages show it, each code with its line and column; empty: every
    /// programme.
    pub program: Vec<(String, u64, u64)>,
}

impl Pengaduan {
    /// The `tel:` link of [`Pengaduan::telepon`].
    pub fn tel(&self) -> Option<String> {
        self.telepon.as_deref().and_then(nomor_tel)
    }

    /// The `https://wa.me/62…` link of [`Pengaduan::whatsapp`].
    pub fn wa(&self) -> Option<String> {
        self.whatsapp
            .as_deref()
            .and_then(nomor_wa)
            .map(|n| format!("https://wa.me/{n}"))
    }

    /// The `mailto:` link of [`Pengaduan::email`].
    pub fn mailto(&self) -> Option<String> {
        self.email
            .as_deref()
            .filter(|e| surel_sah(e))
            .map(|e| format!("mailto:{}", e.trim()))
    }
}

/// A telephone number as a `tel:` link (`0343-423628` → `tel:0343423628`, `+62 343 423628`
/// → `tel:+62343423628`, `171` → `tel:171`): digits, spaces, `-`, `.`, brackets and one leading
/// `+`; 3 to 15 digits (171 is a national number; E.164 allows 15). `None` for anything else.
pub fn nomor_tel(s: &str) -> Option<String> {
    let s = s.trim();
    let (plus, rest) = match s.strip_prefix('+') {
        Some(r) => ("+", r),
        None => ("", s),
    };
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
    {
        return None;
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    (3..=15)
        .contains(&digits.len())
        .then(|| format!("tel:{plus}{digits}"))
}

/// A WhatsApp number in the international form wa.me needs, without `+`: `0812-3456-7890`,
/// `62 812 3456 7890` and `+62 812-3456-7890` all give `6281234567890`. An Indonesian mobile
/// number begins with 8 after the country code and has 9 to 13 digits after it. `None` for
/// anything else.
pub fn nomor_wa(s: &str) -> Option<String> {
    let s = s.trim();
    let rest = s.strip_prefix('+').unwrap_or(s);
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
    {
        return None;
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let nasional = if s.starts_with('+') {
        digits.strip_prefix("62")?
    } else if let Some(d) = digits.strip_prefix('0') {
        d
    } else {
        digits.strip_prefix("62")?
    };
    (nasional.starts_with('8') && (9..=13).contains(&nasional.len()))
        .then(|| format!("62{nasional}"))
}

/// Whether `s` is an e-mail address as a `mailto:` link can carry it: one `@`, a local part
/// and a domain with a dot, no space, quote, angle bracket, `?`, `#` or `%`, nor a control
/// character.
pub fn surel_sah(s: &str) -> bool {
    let s = s.trim();
    let Some((lokal, domain)) = s.split_once('@') else {
        return false;
    };
    let bersih = |t: &str| {
        !t.is_empty()
            && t.chars().all(|c| {
                !c.is_whitespace()
                    && !c.is_control()
                    && !crate::diagnostics::tak_tampak(c)
                    && !matches!(
                        c,
                        '@' | '"' | '\'' | '<' | '>' | '?' | '#' | '%' | '\\' | ',' | ';'
                    )
            })
    };
    bersih(lokal)
        && bersih(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// An absolute `http://` or `https://` address with a host, as a link's `href` (`url`'s
/// WHATWG form: `https://www.lapor.go.id` → `https://www.lapor.go.id/`): a programme's
/// `tautan_resmi` and a channel's `url`. Unlike [`periksa_base_url`], a query or fragment is
/// kept (an official page may be one). `None` for anything else (`javascript:`, a relative
/// path, a space, no host, a user name).
pub fn periksa_tautan(s: &str) -> Option<String> {
    let s = s.trim();
    if s.chars().any(|c| {
        c.is_whitespace()
            || crate::diagnostics::tak_tampak(c)
            || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
    }) {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let rest = ["http://", "https://"]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &s[p.len()..]))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let parsed = url::Url::parse(s).ok()?;
    parsed
        .host_str()
        .filter(|h| !h.is_empty())
        .map(|_| parsed.to_string())
}

/// One `[[satu_data]]` entry of `site.toml`: a long table as provincial open-data portals
/// publish it (`kode_kabupaten_kota, …, jumlah, satuan, tahun`), read where it maps onto the
/// contract: households (KPM) of one programme per region and year.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SatuData {
    /// The file, relative to the site root.
    pub berkas: String,
    /// Where `berkas` is written in `site.toml` (line, column).
    pub di: (u64, u64),
    /// Where the entry starts in `site.toml`, for a key it lacks.
    pub entri_di: (u64, u64),
    /// What its figures are: `alokasi` (households allocated) or `tersalur` (paid).
    pub jenis: Option<JenisSatuData>,
    /// The programme's code, with where it is written.
    pub program: Option<(String, (u64, u64))>,
    /// The paying channel, with where it is written (the contract's rows have one; a long table
    /// has none).
    pub penyalur: Option<(String, (u64, u64))>,
    /// `[satu_data.kolom]`: the table's own headers for `kode_wilayah`, `nilai`, `satuan`,
    /// `tahun`.
    pub kolom: Vec<KolomDipetakan>,
    /// `[satu_data.tahun]`: a year's tahap code (a year without a line is the tahap coded as
    /// the year).
    pub tahun: Vec<(String, String)>,
}

/// What a `[[satu_data]]` table's figures are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JenisSatuData {
    /// Households allocated.
    Alokasi,
    /// Households paid, counted on the tahap's last day.
    Tersalur,
}

/// The numbering of region codes written without dots (`kode` in `site.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SistemKode {
    /// Kemendagri's, the codes of `wilayah.csv` (`3575011001` is `35.75.01.1001`).
    Kemendagri,
    /// BPS's (2+2+3+3 digits), matched to the regions through `wilayah.csv`'s `kode_bps`.
    Bps,
}

/// One `[nilai.<input>.<column>]` table of `site.toml`: the file's words for the values of one
/// column, each read as the contract's value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PetaNilai {
    /// The input, by its file name without extension (`realisasi`).
    pub masukan: String,
    /// The contract column (`status`).
    pub kolom: String,
    /// Where the column's name is written in `site.toml` (line, column).
    pub di: (u64, u64),
    /// The file's word and the contract's value, in file order (`SUDAH SALUR` → `tersalur`);
    /// words are compared trimmed and without regard to case.
    pub nilai: Vec<(String, String)>,
}

/// One `[[penerima]]` entry of `site.toml`: a recipient list ("by name, by address", BNBA)
/// from SIKS-NG, PT Pos or a bank, one row per household, counted into the figures of its
/// desa/kelurahan. Its personal columns are never read into anything kept
/// ([`crate::data::penerima`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DaftarPenerima {
    /// The file, relative to the site root (`data/penerima/bnba-pos-tahap4.csv`).
    pub berkas: String,
    /// Where the entry is written in `site.toml` (line, column of `berkas`, else of the entry).
    pub di: (u64, u64),
    /// Where the entry starts in `site.toml` (line, column), for a key it lacks.
    pub entri_di: (u64, u64),
    /// The programme code of every row, when the file has no `program` column, with where it
    /// is written.
    pub program: Option<(String, (u64, u64))>,
    /// The tahap code of every row, when the file has no `tahap` column, with where it is
    /// written.
    pub tahap: Option<(String, (u64, u64))>,
    /// The paying channel of every row, with where it is written: always from `site.toml`,
    /// never from a column of the list, whose cells could name a person.
    pub penyalur: Option<(String, (u64, u64))>,
    /// `[penerima.kolom]`: the file's own headers for the list's columns.
    pub kolom: Vec<KolomDipetakan>,
    /// `[penerima.status]`: the file's status words and what each means, in file order.
    pub status: Vec<(String, StatusPenerima)>,
}

/// What a recipient list's row says of its household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusPenerima {
    /// Paid (`tersalur`).
    Tersalur,
    /// Failed (`gagal`), with a reason.
    Gagal,
    /// Not paid yet (`belum`): counted into the allocation only.
    Belum,
}

/// One `[kolom.<input>]` table of `site.toml`: which of a file's own headers holds each
/// column of the data contract. The data stage checks the names against the input's columns
/// and the file's header ([`crate::data`]), since only it knows them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PetaKolom {
    /// The input, by its file name without extension (`realisasi`).
    pub masukan: String,
    /// Where the input's name is written in `site.toml` (line, column).
    pub di: (u64, u64),
    /// Each contract column named, in file order.
    pub kolom: Vec<KolomDipetakan>,
}

/// One line of a `[kolom.<input>]` table: `kpm = "Jumlah KPM"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct KolomDipetakan {
    /// The column's name in the data contract (`kpm`).
    pub kontrak: String,
    /// The file's header holding it, as written (`Jumlah KPM`); compared as headers are,
    /// in any case and spacing.
    pub header: String,
    /// Where the contract name is written in `site.toml` (line, column).
    pub di: (u64, u64),
}

/// The default of `batas_berkas_mb`: 512 MB per input file. The national benchmark's
/// `realisasi.csv` (5 million rows) is 292 MB.
pub const BATAS_BERKAS_MB: u64 = 512;

/// The largest `site.toml` read: 1 MB. Settings are written by hand; the longest real one is
/// a few hundred `[[bandingkan]]` entries (about 100 bytes each), and the file is read whole and
/// parsed before anything else is checked.
pub const SITE_TOML_MAKS: u64 = 1 << 20;

pub use crate::dasar::nilai::{BATAS_MARKDOWN_KB, BATAS_MARKDOWN_KB_MAKS};

/// One `[[bandingkan]]` entry of `site.toml`: regions set side by side on one page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Bandingkan {
    /// The regions' codes as written, each with the line and column it was written at (so
    /// that an unknown code is reported at its place).
    pub wilayah: Vec<(String, u64, u64)>,
    /// The line and column of the list itself.
    pub tempat: (u64, u64),
    /// The page's title; when absent, the regions' names joined by "vs".
    pub judul: Option<String>,
    /// A note shown under the title (where the figures come from, which are illustrative).
    pub catatan: Option<String>,
}

/// The input files whose figures a `[[sumber]]` entry may speak of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BerkasAngka {
    /// `data/alokasi.*`: the allocations.
    Alokasi,
    /// `data/realisasi.*`: the payments and failures.
    Realisasi,
}

/// How certain the figures of a `[[sumber]]` entry are: the values of `sumber_angka.csv`'s
/// `sifat`, most certain first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusAngka {
    /// `resmi`: as the named source gives them.
    Resmi,
    /// `sementara`: provisional, will still change.
    Sementara,
    /// `ilustratif`: made up, for an example or a training.
    Ilustratif,
}

/// One `[[sumber]]` entry of `site.toml`: what every figure of one input file is, unless
/// `data/sumber_angka.csv` says otherwise of some of them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SumberBerkas {
    /// The file (`berkas`: `alokasi.csv`, `data/realisasi.xlsx`, … by its name).
    pub berkas: BerkasAngka,
    /// `status`.
    pub status: StatusAngka,
    /// `keterangan`: where the figures come from, or why they are what they are.
    pub keterangan: String,
    /// The line and column of the entry.
    pub di: (u64, u64),
}

/// `[privacy]` in `site.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AturanPrivasi {
    /// A failure count by reason below this is shown as "< min_kpm", and enough other cells
    /// are hidden that it cannot be worked out (`min_kpm`, default 3; 1 or 0 turns it off).
    pub min_kpm: u64,
}

impl Default for AturanPrivasi {
    fn default() -> AturanPrivasi {
        AturanPrivasi { min_kpm: 3 }
    }
}

/// `[rekonsiliasi]` in `site.toml`: when Dinsos's paid figures and a channel's report
/// (`data/laporan_penyalur.csv`) count as agreeing.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AturanRekonsiliasi {
    /// A difference of at most this many KPM is within tolerance (`toleransi_kpm`, default 0).
    pub toleransi_kpm: u64,
    /// A difference of at most this share of Dinsos's figure, in percent, is within tolerance
    /// (`toleransi_persen`, default 0); either tolerance is enough.
    pub toleransi_persen: f64,
    /// Whether `salur check` (and `build`) fail when a difference exceeds the tolerance
    /// (`gagal_jika_selisih`, default false: it is reported as a warning).
    pub gagal_jika_selisih: bool,
}

impl std::hash::Hash for AturanRekonsiliasi {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.toleransi_kpm.hash(state);
        self.toleransi_persen.to_bits().hash(state);
        self.gagal_jika_selisih.hash(state);
    }
}

/// `[peta]` in `site.toml`: how the boundary file `data/batas.geojson` is read and what
/// the maps drawn from it show.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AturanPeta {
    /// The feature property holding the Kemendagri code (`properti_kode`, default `kode`).
    pub properti_kode: String,
    /// What each area's colour shows (`nilai`, default `realisasi`).
    pub nilai: NilaiPeta,
}

impl Default for AturanPeta {
    fn default() -> AturanPeta {
        AturanPeta {
            properti_kode: "kode".to_string(),
            nilai: NilaiPeta::Realisasi,
        }
    }
}

/// What a map's colours show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NilaiPeta {
    /// KPM paid against KPM allocated (`realisasi`).
    Realisasi,
    /// KPM paid per 1.000 households (`kpm_per_1000_kk`), where `wilayah.csv` gives `kk`.
    KpmPer1000Kk,
}

/// The rules a payment schedule (`data/jadwal.csv`) is checked against: `[jadwal]` in
/// `site.toml`.
#[derive(Debug, Clone, Hash, PartialEq, Eq)]
pub struct AturanJadwal {
    /// The most KPM one titik bayar serves in a day (`max_kpm_per_day`, default 200, as in
    /// Kota Pasuruan's BST distribution).
    pub max_kpm_per_day: u64,
    /// Whether a day over that capacity stops the build (`over_capacity = "error"`, the
    /// default) or is a warning.
    pub over_capacity: Severity,
    /// What recipients must bring, on the schedule and its printed notice (`bawa`); the
    /// theme's sentence when not set.
    pub bawa: Option<String>,
    /// Whether each RW of a desa/kelurahan with RW slots gets its own calendar
    /// (`kalender_rw`, default true): one file per RW, about five and a half per desa on the
    /// national benchmark site (458.000 files beside its 203.000), which turns them off.
    pub kalender_rw: bool,
    /// `[jadwal.usul]`: what `salur jadwal usul` proposes a schedule for.
    pub usul: Option<AturanUsul>,
}

/// `[jadwal.usul]`: the programme, tahap, days and hours `salur jadwal usul` schedules.
#[derive(Debug, Clone, Hash, PartialEq, Eq)]
pub struct AturanUsul {
    /// Programme code.
    pub program: String,
    /// Where `program` is written in `site.toml` (line, column), for messages.
    pub program_di: (u64, u64),
    /// Tahap code.
    pub tahap: String,
    /// Where `tahap` is written.
    pub tahap_di: (u64, u64),
    /// Where `mulai` is written.
    pub mulai_di: (u64, u64),
    /// The first day.
    pub mulai: Date,
    /// How many days, from `mulai`.
    pub jumlah_hari: u16,
    /// The first slot's start, minutes after midnight (`jam_mulai = "07.00"`, the default).
    pub jam_mulai: u16,
    /// The end of the last slot (`jam_selesai = "12.00"`, the default).
    pub jam_selesai: u16,
    /// Minutes per slot (`menit_slot = 60`, the default).
    pub menit_slot: u16,
}

impl Default for AturanJadwal {
    fn default() -> AturanJadwal {
        AturanJadwal {
            max_kpm_per_day: 200,
            over_capacity: Severity::Error,
            bawa: None,
            kalender_rw: true,
            usul: None,
        }
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            title: "Transparansi Bantuan Sosial".to_string(),
            description: String::new(),
            base_url: String::new(),
            language: Lang::Id,
            theme: "default".to_string(),
            timezone: None,
            timezone_di: None,
            data_as_of: None,
            attribution: Vec::new(),
            lisensi: None,
            penerbit: None,
            jadwal: AturanJadwal::default(),
            privasi: AturanPrivasi::default(),
            rekonsiliasi: AturanRekonsiliasi::default(),
            peta: AturanPeta::default(),
            bandingkan: Vec::new(),
            pengaduan: Vec::new(),
            sumber: Vec::new(),
            batas_berkas: BATAS_BERKAS_MB << 20,
            batas_markdown: BATAS_MARKDOWN_KB << 10,
            kolom: Vec::new(),
            penerima: Vec::new(),
            nilai: Vec::new(),
            kode: None,
            satu_data: Vec::new(),
        }
    }
}

impl Config {
    /// The language `root/site.toml` asks for, read even when the file has other errors, so
    /// that those are reported in it; Indonesian when it says nothing readable.
    pub fn bahasa(root: &Path) -> Lang {
        // an ordinary file only, and no more than the largest `site.toml` read: a pipe or a
        // device in its place must not hang or exhaust the command (it is reported by `load`)
        crate::berkas::baca_awal(&root.join(CONFIG_FILE), SITE_TOML_MAKS)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .map(crate::dasar::baca::baris_lf)
            .and_then(|text| {
                // what the TOML reader recovers around syntax errors elsewhere in the file
                let (t, _) = toml::de::DeTable::parse_recoverable(&text);
                t.get_ref()
                    .get("language")
                    .and_then(|l| l.get_ref().as_str().map(str::to_string))
            })
            .map_or(Lang::Id, |l| if l == "en" { Lang::En } else { Lang::Id })
    }

    /// The time zone of the times of region `kode` (`35.75.01.1001`): its provinsi's, which
    /// `timezone` cannot relabel (a Kalimantan Timur schedule is in WITA whatever the site
    /// says); `timezone` only for a code whose provinsi has no known zone; else WIB.
    pub fn zona(&self, kode: &str) -> Zona {
        Zona::dari_kode(kode).or(self.timezone).unwrap_or_default()
    }

    /// The zone of the site's own times, tied to no region (the dates of the feed):
    /// `timezone`, else WIB.
    pub fn zona_situs(&self) -> Zona {
        self.timezone.unwrap_or_default()
    }

    /// A warning at `timezone` for each zone it contradicts: the provinsi `(kode, nama)` of
    /// the site whose zone is another, named (up to three, then how many more). Their times
    /// are written in their own zone; the warning says so, so that the operator is not
    /// surprised and can remove the setting.
    pub fn zona_bertentangan<'a>(
        &self,
        provinsi: impl Iterator<Item = (&'a str, &'a str)>,
    ) -> Diagnostics {
        let mut d = Diagnostics::new();
        let (Some(tz), Some((line, column))) = (self.timezone, self.timezone_di) else {
            return d;
        };
        let mut per_zona: Vec<(Zona, Vec<String>)> = Vec::new();
        for (kode, nama) in provinsi {
            let Some(z) = Zona::dari_kode(kode).filter(|&z| z != tz) else {
                continue;
            };
            let nama = format!("{nama} ({kode})");
            match per_zona.iter_mut().find(|(zz, _)| *zz == z) {
                Some((_, list)) => list.push(nama),
                None => per_zona.push((z, vec![nama])),
            }
        }
        for (zona, wilayah) in per_zona {
            let mut w = Diagnostic::error(
                CONFIG_FILE,
                line,
                column,
                Some(tz.label()),
                Problem::ZonaBertentangan {
                    wilayah,
                    zona: zona.label(),
                },
            );
            w.severity = crate::diagnostics::Severity::Warning;
            d.push(w);
        }
        d
    }

    /// Reads `site.toml` from `root`. A missing file gives the defaults; a malformed one gives
    /// a diagnostic with line and column.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        if !root.is_dir() {
            let mut d = Diagnostics::new();
            d.push(Diagnostic::error(
                &root.display().to_string(),
                0,
                0,
                None,
                Problem::NoSiteFolder,
            ));
            return Err(d);
        }
        let path = root.join(CONFIG_FILE);
        // an ordinary file inside the site folder; a broken link, a folder, a pipe or a link
        // to a device is an error (taken for a missing file, it would give the defaults)
        let ukuran = match crate::berkas::Situs::new(root).periksa_berkas(CONFIG_FILE) {
            Ok(Some(ukuran)) => ukuran,
            Ok(None) => return Ok(Config::default()),
            Err(e) => {
                let mut d = Diagnostics::new();
                d.push(*e);
                return Err(d);
            }
        };
        if ukuran > SITE_TOML_MAKS {
            let mut d = Diagnostics::new();
            d.push(Diagnostic::error(
                CONFIG_FILE,
                0,
                0,
                None,
                Problem::SiteTomlTerlaluBesar {
                    ukuran,
                    batas: SITE_TOML_MAKS,
                },
            ));
            return Err(d);
        }
        let text = match crate::dasar::baca::baca_teks(&path, CONFIG_FILE) {
            Ok(t) => t,
            Err(e) => {
                let mut d = Diagnostics::new();
                d.push(*e);
                return Err(d);
            }
        };
        // the NIK guard on every text value (title, description, attribution, catatan, …)
        let mut d = Diagnostics::new();
        if !crate::teks::periksa_teks(CONFIG_FILE, &text, &mut d) {
            return Err(d);
        }
        Config::parse(&text)
    }

    /// Parses the text of a `site.toml`, reporting every problem in one pass: each syntax
    /// error the TOML reader recovers from (the first on a line; the rest of a line is mostly
    /// its echo), then each key and value checked one by one, every message at its line and
    /// column, in the order of the file.
    pub fn parse(text: &str) -> Result<Config, Diagnostics> {
        let mut p = Pembaca::new(text);
        let config = p.config();
        let mut d = Diagnostics::new();
        let mut temuan = p.temuan;
        temuan.sort_by_key(|d| (d.line, d.column));
        for t in temuan {
            d.push(t);
        }
        if d.has_errors() { Err(d) } else { Ok(config) }
    }
}

/// The keys of `site.toml` at its top level.
const KUNCI_UTAMA: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "theme",
    "timezone",
    "data_as_of",
    "attribution",
    "lisensi",
    "penerbit",
    "batas_berkas_mb",
    "batas_markdown_kb",
    "jadwal",
    "privacy",
    "rekonsiliasi",
    "peta",
    "bandingkan",
    "kolom",
    "penerima",
    "nilai",
    "kode",
    "satu_data",
    "pengaduan",
    "sumber",
];
/// The keys of a `[[satu_data]]` entry.
const KUNCI_SATU_DATA: &[&str] = &["berkas", "jenis", "program", "penyalur", "kolom", "tahun"];
/// The keys of a `[[penerima]]` entry.
const KUNCI_PENERIMA: &[&str] = &["berkas", "program", "tahap", "penyalur", "kolom", "status"];
/// The keys of `[jadwal]`.
const KUNCI_JADWAL: &[&str] = &[
    "max_kpm_per_day",
    "over_capacity",
    "bawa",
    "kalender_rw",
    "usul",
];
/// The keys of `[jadwal.usul]`.
const KUNCI_USUL: &[&str] = &[
    "program",
    "tahap",
    "mulai",
    "jumlah_hari",
    "jam_mulai",
    "jam_selesai",
    "menit_slot",
];
/// The keys of `[privacy]`.
const KUNCI_PRIVASI: &[&str] = &["min_kpm"];
/// The keys of `[rekonsiliasi]`.
const KUNCI_REKONSILIASI: &[&str] = &["toleransi_kpm", "toleransi_persen", "gagal_jika_selisih"];
/// The keys of `[peta]`.
const KUNCI_PETA: &[&str] = &["properti_kode", "nilai"];
/// The keys of a `[[bandingkan]]` entry.
const KUNCI_BANDINGKAN: &[&str] = &["wilayah", "judul", "catatan"];
/// The keys of a `[[sumber]]` entry.
const KUNCI_SUMBER: &[&str] = &["berkas", "status", "keterangan"];
/// The keys of a `[[pengaduan]]` entry.
const KUNCI_PENGADUAN: &[&str] = &[
    "nama", "telepon", "whatsapp", "email", "url", "alamat", "jam", "wilayah", "program",
];

type Nilai<'t> = toml::Spanned<toml::de::DeValue<'t>>;
type Tabel<'t> = toml::de::DeTable<'t>;

/// Reads `site.toml` key by key, collecting every problem rather than stopping at the first.
struct Pembaca<'t> {
    text: &'t str,
    /// The problems found, in any order (sorted by place at the end).
    temuan: Vec<Diagnostic>,
    /// The byte offsets of the syntax errors: a value around one is what the TOML reader
    /// recovered, not what was meant, and is not checked again.
    rusak: Vec<usize>,
    /// The document as recovered.
    root: toml::Spanned<Tabel<'t>>,
    /// Places of offsets, found in document order from the one before (20.000
    /// `[[bandingkan]]` entries were 20.000 scans from the start).
    penunjuk: Penunjuk<'t>,
    /// The offsets of the keys and texts that hold a NIK (reported): an unknown key among
    /// them is not quoted again.
    nik: Vec<usize>,
}

impl<'t> Pembaca<'t> {
    fn new(text: &'t str) -> Pembaca<'t> {
        let (root, errors) = toml::de::DeTable::parse_recoverable(text);
        let mut p = Pembaca {
            text,
            temuan: Vec::new(),
            rusak: Vec::new(),
            root,
            penunjuk: Penunjuk::new(text),
            nik: Vec::new(),
        };
        let mut baris_dilapor = Vec::new();
        for e in errors {
            let start = e.span().map_or(0, |s| s.start);
            p.rusak.push(start);
            let (line, column) = line_column(text, start);
            // one syntax error reported per line: the reader's recovery echoes the first
            if baris_dilapor.contains(&line) {
                continue;
            }
            baris_dilapor.push(line);
            let before = text.get(..start).unwrap_or_default();
            let problem = crate::dasar::toml::toml_problem(e.message().trim(), KUNCI_UTAMA, before);
            let value = crate::dasar::toml::nilai_salah(&problem, text, e.span());
            p.temuan.push(Diagnostic::error(
                CONFIG_FILE,
                line,
                column,
                value.as_deref(),
                problem,
            ));
        }
        // the NIK guard on every key and text as decoded: the raw text was checked by
        // `Config::load`, but `"\u0033575…"` is a NIK only once its escapes are read
        let nik = crate::terbaca::nik_toml(p.root.get_ref());
        for (di, nilai) in nik {
            p.nik.push(di);
            p.at(di, Some(&nilai), Problem::PrivacyNikTerbaca);
        }
        p
    }

    /// Records a problem at byte `offset`.
    fn at(&mut self, offset: usize, value: Option<&str>, problem: Problem) {
        let (line, column) = self.penunjuk.at(offset);
        self.temuan
            .push(Diagnostic::error(CONFIG_FILE, line, column, value, problem));
    }

    /// Whether `v` was recovered around a syntax error (already reported).
    fn rusak(&self, v: &Nilai<'_>) -> bool {
        let span = v.span();
        self.rusak
            .iter()
            .any(|&o| o >= span.start && o <= span.end.max(span.start + 1))
    }

    /// `v` as written: its first line, for a message.
    fn tertulis(&self, v: &Nilai<'_>) -> String {
        self.text
            .get(v.span())
            .and_then(|t| t.lines().next())
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    /// A value of the wrong kind.
    fn jenis(&mut self, v: &Nilai<'_>, jenis: JenisToml) {
        if !self.rusak(v) {
            let tertulis = self.tertulis(v);
            self.at(v.span().start, Some(&tertulis), Problem::JenisToml(jenis));
        }
    }

    /// Every key of `t` not in `known` is reported, with the known key meant when one is close.
    fn kunci(&mut self, t: &Tabel<'_>, known: &[&str]) {
        for (k, _) in t.iter() {
            let key: &str = k.get_ref();
            if !known.contains(&key) && !self.nik.contains(&k.span().start) {
                let problem = Problem::UnknownKey {
                    key: key.to_string(),
                    nearest: crate::dasar::saran::nearest(key, known.iter().copied()),
                };
                self.at(k.span().start, None, problem);
            }
        }
    }

    /// A required key that is absent, reported at its table's header.
    fn wajib(&mut self, t: &Nilai<'_>, key: &str) {
        if !self.rusak(t) {
            self.at(
                t.span().start,
                None,
                Problem::MissingKey {
                    key: key.to_string(),
                },
            );
        }
    }

    fn teks(&mut self, v: &Nilai<'_>) -> Option<String> {
        match v.get_ref() {
            // a title, a note, a line of attribution: each printed on many pages, at most as
            // long as a text cell of the data
            toml::de::DeValue::String(s)
                if s.len() > crate::dasar::nilai::TEKS_MAKS
                    && s.chars().count() > crate::dasar::nilai::TEKS_MAKS =>
            {
                self.at(
                    v.span().start,
                    None,
                    Problem::TeksTerlaluPanjang {
                        panjang: s.chars().count(),
                        batas: crate::dasar::nilai::TEKS_MAKS,
                    },
                );
                None
            }
            toml::de::DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.jenis(v, JenisToml::Teks);
                None
            }
        }
    }

    /// A whole number from `min` to `max`.
    fn bulat(&mut self, v: &Nilai<'_>, min: i64, max: i64) -> Option<i64> {
        let n = v.get_ref().as_integer().and_then(|i| {
            i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .filter(|n| (min..=max).contains(n))
        });
        if n.is_none() {
            self.jenis(v, JenisToml::Bulat { min, max });
        }
        n
    }

    /// A number, whole or decimal.
    fn angka(&mut self, v: &Nilai<'_>) -> Option<f64> {
        let n = match v.get_ref() {
            toml::de::DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            toml::de::DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            _ => None,
        };
        if n.is_none() {
            self.jenis(v, JenisToml::Angka);
        }
        n
    }

    fn ya_tidak(&mut self, v: &Nilai<'_>) -> Option<bool> {
        let b = v.get_ref().as_bool();
        if b.is_none() {
            self.jenis(v, JenisToml::YaTidak);
        }
        b
    }

    /// One of `allowed` (as `expected` says them).
    fn pilihan(
        &mut self,
        v: &Nilai<'_>,
        allowed: &[&'static str],
        expected: &str,
    ) -> Option<&'static str> {
        let s = self.teks(v)?;
        let found = allowed.iter().find(|a| **a == s).copied();
        if found.is_none() && !self.rusak(v) {
            self.at(
                v.span().start,
                None,
                Problem::UnknownValue {
                    value: s,
                    expected: expected.to_string(),
                },
            );
        }
        found
    }

    /// A TOML local date.
    fn tanggal(&mut self, v: &Nilai<'_>) -> Option<Date> {
        if self.rusak(v) {
            return None;
        }
        match v.get_ref() {
            toml::de::DeValue::Datetime(dt) => {
                let d = toml_date(dt);
                if d.is_none() {
                    self.at(
                        v.span().start,
                        Some(&dt.to_string()),
                        Problem::Malformed(crate::diagnostics::Expected::Date),
                    );
                }
                d
            }
            _ => {
                self.at(v.span().start, None, Problem::TanggalToml);
                None
            }
        }
    }

    /// A list of texts, each with its place.
    fn daftar_teks(&mut self, v: &Nilai<'_>) -> Option<Vec<(String, usize)>> {
        let Some(a) = v.get_ref().as_array() else {
            self.jenis(v, JenisToml::DaftarTeks);
            return None;
        };
        let mut out = Vec::new();
        for item in a.iter() {
            if let Some(s) = self.teks(item) {
                out.push((s, item.span().start));
            }
        }
        Some(out)
    }

    fn config(&mut self) -> Config {
        let mut config = Config::default();
        let root = std::mem::take(self.root.get_mut());
        self.kunci(&root, KUNCI_UTAMA);
        for (k, v) in root.iter() {
            let key: &str = k.get_ref();
            match key {
                "title" => {
                    if let Some(t) = self.teks(v) {
                        config.title = t;
                    }
                }
                "description" => {
                    if let Some(t) = self.teks(v) {
                        config.description = t;
                    }
                }
                "base_url" => {
                    if let Some(url) = self.teks(v) {
                        // the address as a browser shows it, percent-escapes decoded
                        // (`/%33575…`): the text as written was checked with the whole file
                        let urai = crate::terbaca::urai_persen(&url);
                        if urai != url
                            && let Some(r) = crate::teks::cari_nik(&urai).into_iter().next()
                        {
                            let nilai = crate::teks::samarkan_teks(&urai[r]);
                            self.at(v.span().start, Some(&nilai), Problem::PrivacyNikTeks);
                            continue;
                        }
                        match periksa_base_url(&url) {
                            Ok(u) => config.base_url = u,
                            Err(alasan) => {
                                if !self.rusak(v) {
                                    self.at(
                                        v.span().start,
                                        Some(url.trim()),
                                        Problem::BaseUrl(alasan),
                                    );
                                }
                            }
                        }
                    }
                }
                "language" => {
                    if let Some(l) = self.pilihan(v, &["id", "en"], "\"id\" or \"en\"") {
                        config.language = if l == "en" { Lang::En } else { Lang::Id };
                    }
                }
                "theme" => {
                    if let Some(name) = self.teks(v) {
                        if nama_folder_polos(&name) {
                            config.theme = name;
                        } else if !self.rusak(v) {
                            self.at(v.span().start, Some(&name), Problem::TemaTidakSah);
                        }
                    }
                }
                "timezone" => {
                    config.timezone_di = Some(self.penunjuk.at(v.span().start));
                    config.timezone = self
                        .pilihan(
                            v,
                            &["WIB", "WITA", "WIT"],
                            "one of \"WIB\", \"WITA\", \"WIT\"",
                        )
                        .map(|z| match z {
                            "WITA" => Zona::WITA,
                            "WIT" => Zona::WIT,
                            _ => Zona::WIB,
                        });
                }
                "data_as_of" => config.data_as_of = self.tanggal(v),
                "attribution" => {
                    if let Some(list) = self.daftar_teks(v) {
                        config.attribution = list.into_iter().map(|(s, _)| s).collect();
                    }
                }
                "lisensi" => {
                    config.lisensi = self
                        .teks(v)
                        .map(|l| l.trim().to_string())
                        .filter(|l| !l.is_empty());
                }
                "penerbit" => {
                    // printed on every desa/kelurahan's notice: one spelling, and an empty
                    // value is no value (the notice then names the site's title)
                    config.penerbit = self
                        .teks(v)
                        .map(|p| crate::teks::nama(&p).into_owned())
                        .filter(|p| !p.is_empty());
                }
                "batas_berkas_mb" => {
                    // at least 1 MB, and at most what a u64 of bytes holds
                    if let Some(mb) = v.get_ref().as_integer().map(|i| i.as_str().to_string()) {
                        match mb.parse::<u64>().ok().filter(|m| (1..=1 << 40).contains(m)) {
                            Some(m) => config.batas_berkas = m << 20,
                            None if !self.rusak(v) => {
                                self.at(v.span().start, Some(&mb), Problem::BatasBerkas);
                            }
                            None => {}
                        }
                    } else {
                        self.jenis(
                            v,
                            JenisToml::Bulat {
                                min: 1,
                                max: 1 << 40,
                            },
                        );
                    }
                }
                "batas_markdown_kb" => {
                    if let Some(kb) = v.get_ref().as_integer().map(|i| i.as_str().to_string()) {
                        match kb
                            .parse::<u64>()
                            .ok()
                            .filter(|k| (1..=BATAS_MARKDOWN_KB_MAKS).contains(k))
                        {
                            Some(k) => config.batas_markdown = k << 10,
                            None if !self.rusak(v) => {
                                self.at(v.span().start, Some(&kb), Problem::BatasMarkdown);
                            }
                            None => {}
                        }
                    } else {
                        self.jenis(
                            v,
                            JenisToml::Bulat {
                                min: 1,
                                max: BATAS_MARKDOWN_KB_MAKS as i64,
                            },
                        );
                    }
                }
                "jadwal" => self.jadwal(v, &mut config),
                "privacy" => {
                    if let Some(t) = self.tabel(v, "privacy") {
                        self.kunci(t, KUNCI_PRIVASI);
                        if let Some(m) = t.get("min_kpm")
                            && let Some(m) = self.bulat(m, 0, i64::MAX)
                        {
                            config.privasi.min_kpm = m as u64;
                        }
                    }
                }
                "rekonsiliasi" => {
                    if let Some(t) = self.tabel(v, "rekonsiliasi") {
                        self.kunci(t, KUNCI_REKONSILIASI);
                        if let Some(n) = t.get("toleransi_kpm")
                            && let Some(n) = self.bulat(n, 0, i64::MAX)
                        {
                            config.rekonsiliasi.toleransi_kpm = n as u64;
                        }
                        if let Some(p) = t.get("toleransi_persen")
                            && let Some(x) = self.angka(p)
                        {
                            if (0.0..=100.0).contains(&x) {
                                config.rekonsiliasi.toleransi_persen = x;
                            } else {
                                self.at(p.span().start, Some(&x.to_string()), Problem::Persen);
                            }
                        }
                        if let Some(g) = t.get("gagal_jika_selisih")
                            && let Some(g) = self.ya_tidak(g)
                        {
                            config.rekonsiliasi.gagal_jika_selisih = g;
                        }
                    }
                }
                "peta" => {
                    if let Some(t) = self.tabel(v, "peta") {
                        self.kunci(t, KUNCI_PETA);
                        if let Some(k) = t.get("properti_kode")
                            && let Some(k) = self.teks(k)
                        {
                            config.peta.properti_kode = k;
                        }
                        if let Some(n) = t.get("nilai")
                            && let Some(n) = self.pilihan(
                                n,
                                &["realisasi", "kpm_per_1000_kk"],
                                "\"realisasi\" or \"kpm_per_1000_kk\"",
                            )
                        {
                            config.peta.nilai = if n == "realisasi" {
                                NilaiPeta::Realisasi
                            } else {
                                NilaiPeta::KpmPer1000Kk
                            };
                        }
                    }
                }
                "bandingkan" => self.bandingkan(v, &mut config),
                "kolom" => self.kolom(v, &mut config),
                "penerima" => self.penerima(v, &mut config),
                "nilai" => self.nilai(v, &mut config),
                "satu_data" => self.satu_data(v, &mut config),
                "pengaduan" => self.pengaduan(v, &mut config),
                "sumber" => self.sumber(v, &mut config),
                "kode" => {
                    if let Some(k) =
                        self.pilihan(v, &["kemendagri", "bps"], "\"kemendagri\" or \"bps\"")
                    {
                        config.kode = Some(if k == "bps" {
                            SistemKode::Bps
                        } else {
                            SistemKode::Kemendagri
                        });
                    }
                }
                _ => {}
            }
        }
        config
    }

    /// `v` as a table (`[name]`), or reported.
    fn tabel<'a>(&mut self, v: &'a Nilai<'t>, name: &str) -> Option<&'a Tabel<'t>> {
        let t = v.get_ref().as_table();
        if t.is_none() {
            self.jenis(v, JenisToml::Tabel(name.to_string()));
        }
        t
    }

    fn jadwal(&mut self, v: &Nilai<'t>, config: &mut Config) {
        let Some(t) = self.tabel(v, "jadwal") else {
            return;
        };
        self.kunci(t, KUNCI_JADWAL);
        if let Some(n) = t.get("max_kpm_per_day") {
            if n.get_ref().as_integer().is_some_and(|i| i.as_str() == "0") {
                self.at(
                    n.span().start,
                    Some("0"),
                    Problem::AturanJadwalTidakSah(AturanTidakSah::KapasitasNol),
                );
            } else if let Some(n) = self.bulat(n, 1, i64::MAX) {
                config.jadwal.max_kpm_per_day = n as u64;
            }
        }
        if let Some(k) = t.get("over_capacity")
            && let Some(k) = self.pilihan(k, &["error", "warning"], "\"error\" or \"warning\"")
        {
            config.jadwal.over_capacity = if k == "warning" {
                Severity::Warning
            } else {
                Severity::Error
            };
        }
        if let Some(b) = t.get("bawa") {
            config.jadwal.bawa = self
                .teks(b)
                .map(|b| b.trim().to_string())
                .filter(|b| !b.is_empty());
        }
        if let Some(k) = t.get("kalender_rw")
            && let Some(k) = self.ya_tidak(k)
        {
            config.jadwal.kalender_rw = k;
        }
        if let Some(u) = t.get("usul") {
            config.jadwal.usul = self.usul(u, config.language);
        }
    }

    fn usul(&mut self, v: &Nilai<'t>, lang: Lang) -> Option<AturanUsul> {
        let t = self.tabel(v, "jadwal.usul")?;
        self.kunci(t, KUNCI_USUL);
        let wajib = |p: &mut Pembaca<'t>, key: &str| {
            let found = t.get(key);
            if found.is_none() {
                p.wajib(v, key);
            }
            found
        };
        let program = wajib(self, "program");
        let tahap = wajib(self, "tahap");
        let mulai = wajib(self, "mulai");
        let jumlah_hari = wajib(self, "jumlah_hari");
        let program = program.and_then(|x| Some((self.teks(x)?, x.span().start)));
        let tahap = tahap.and_then(|x| Some((self.teks(x)?, x.span().start)));
        let mulai = mulai.and_then(|x| Some((self.tanggal(x)?, x.span().start)));
        let jumlah_hari = jumlah_hari.and_then(|x| {
            if x.get_ref().as_integer().is_some_and(|i| i.as_str() == "0") {
                self.at(
                    x.span().start,
                    Some("0"),
                    Problem::AturanJadwalTidakSah(AturanTidakSah::HariNol),
                );
                return None;
            }
            self.bulat(x, 1, u16::MAX as i64).map(|n| n as u16)
        });
        let jam = |p: &mut Pembaca<'t>, key: &str, default: u16| match t.get(key) {
            None => Some((default, None)),
            Some(x) => {
                let s = p.teks(x)?;
                match crate::dasar::nilai::jam(s.as_bytes()) {
                    Ok(j) => Some((j, Some((x.span().start, s)))),
                    Err(problem) => {
                        p.at(x.span().start, Some(&s), problem);
                        None
                    }
                }
            }
        };
        let jam_mulai = jam(self, "jam_mulai", 7 * 60);
        let jam_selesai = jam(self, "jam_selesai", 12 * 60);
        let menit_slot = match t.get("menit_slot") {
            None => Some((60, None)),
            Some(x) => self
                .bulat(x, 0, u16::MAX as i64)
                .map(|n| (n as u16, Some(x.span().start))),
        };
        let ((jam_mulai, _), (jam_selesai, selesai_di)) = (jam_mulai?, jam_selesai?);
        let mut ok = true;
        if jam_selesai <= jam_mulai {
            let (start, value) = selesai_di.unwrap_or_else(|| {
                (
                    t.get("jam_mulai")
                        .map_or(v.span().start, |x| x.span().start),
                    String::new(),
                )
            });
            self.at(
                start,
                Some(&value),
                Problem::SlotEndsBeforeStart {
                    mulai: crate::format::jam(jam_mulai, lang),
                },
            );
            ok = false;
        }
        let (menit_slot, slot_di) = menit_slot?;
        if ok && (menit_slot == 0 || menit_slot > jam_selesai - jam_mulai) {
            let start = slot_di.unwrap_or_else(|| {
                t.get("jam_selesai")
                    .map_or(v.span().start, |x| x.span().start)
            });
            self.at(
                start,
                Some(&menit_slot.to_string()),
                Problem::AturanJadwalTidakSah(AturanTidakSah::MenitSlot {
                    maks: u64::from(jam_selesai - jam_mulai),
                }),
            );
            ok = false;
        }
        let ((program, program_at), (tahap, tahap_at), (mulai, mulai_at), jumlah_hari) =
            (program?, tahap?, mulai?, jumlah_hari?);
        ok.then(|| AturanUsul {
            program_di: self.penunjuk.at(program_at),
            program,
            tahap_di: self.penunjuk.at(tahap_at),
            tahap,
            mulai_di: self.penunjuk.at(mulai_at),
            mulai,
            jumlah_hari,
            jam_mulai,
            jam_selesai,
            menit_slot,
        })
    }

    /// `[kolom.<input>]` tables: the input and contract names are checked by the data stage,
    /// which knows them; here each value must be a header's name.
    fn kolom(&mut self, v: &Nilai<'t>, config: &mut Config) {
        let Some(t) = self.tabel(v, "kolom") else {
            return;
        };
        for (masukan, peta) in t.iter() {
            let nama = format!("kolom.{}", masukan.get_ref());
            let Some(peta) = self.tabel(peta, &nama) else {
                continue;
            };
            let kolom = self.pasangan_kolom(peta);
            config.kolom.push(PetaKolom {
                masukan: masukan.get_ref().to_string(),
                di: self.penunjuk.at(masukan.span().start),
                kolom,
            });
        }
    }

    /// `[nilai.<input>.<column>]` tables: each value must be a text (the input and column names
    /// are checked by the data stage).
    fn nilai(&mut self, v: &Nilai<'t>, config: &mut Config) {
        let Some(t) = self.tabel(v, "nilai") else {
            return;
        };
        for (masukan, kolom) in t.iter() {
            let nama = format!("nilai.{}", masukan.get_ref());
            let Some(kolom) = self.tabel(kolom, &nama) else {
                continue;
            };
            for (k, pasangan) in kolom.iter() {
                let nama = format!("nilai.{}.{}", masukan.get_ref(), k.get_ref());
                let Some(pasangan) = self.tabel(pasangan, &nama) else {
                    continue;
                };
                let mut nilai: Vec<(String, String)> = Vec::new();
                // the file's words as read (trimmed, any case): two that read as one word
                // would give it two meanings
                let mut dibaca: Vec<(String, u64)> = Vec::new();
                for (kata, arti) in pasangan.iter() {
                    let kunci = kata.get_ref().trim().to_lowercase();
                    let (line, column) = self.penunjuk.at(kata.span().start);
                    if let Some((_, pertama)) = dibaca.iter().find(|(k, _)| *k == kunci) {
                        let pertama = *pertama;
                        self.temuan.push(Diagnostic::error(
                            CONFIG_FILE,
                            line,
                            column,
                            Some(kata.get_ref()),
                            Problem::Duplicate {
                                first_line: pertama,
                            },
                        ));
                        continue;
                    }
                    dibaca.push((kunci, line));
                    if let Some(arti) = self.teks(arti) {
                        nilai.push((kata.get_ref().trim().to_string(), arti.trim().to_string()));
                    }
                }
                config.nilai.push(PetaNilai {
                    masukan: masukan.get_ref().to_string(),
                    kolom: k.get_ref().to_string(),
                    di: self.penunjuk.at(k.span().start),
                    nilai,
                });
            }
        }
    }

    /// The pairs `contract = "header"` of a `[….kolom]` table.
    fn pasangan_kolom(&mut self, peta: &Tabel<'t>) -> Vec<KolomDipetakan> {
        let mut kolom = Vec::new();
        for (kontrak, header) in peta.iter() {
            let Some(h) = self.teks(header) else {
                continue;
            };
            if h.trim().is_empty() {
                self.at(
                    header.span().start,
                    Some(&h),
                    Problem::Malformed(crate::diagnostics::Expected::NonEmpty),
                );
                continue;
            }
            kolom.push(KolomDipetakan {
                kontrak: kontrak.get_ref().to_string(),
                header: h,
                di: self.penunjuk.at(kontrak.span().start),
            });
        }
        kolom
    }

    /// `[[satu_data]]` entries.
    fn satu_data(&mut self, v: &Nilai<'t>, config: &mut Config) {
        let Some(list) = v.get_ref().as_array() else {
            self.jenis(v, JenisToml::DaftarTabel("satu_data".to_string()));
            return;
        };
        for entry in list.iter() {
            let Some(t) = entry.get_ref().as_table() else {
                self.jenis(entry, JenisToml::DaftarTabel("satu_data".to_string()));
                continue;
            };
            self.kunci(t, KUNCI_SATU_DATA);
            let Some(b) = t.get("berkas") else {
                self.wajib(entry, "berkas");
                continue;
            };
            let Some(berkas) = self.teks(b) else {
                continue;
            };
            let teks_di = |p: &mut Pembaca<'t>, key: &str| {
                let x = t.get(key)?;
                let teks = p.teks(x)?.trim().to_string();
                (!teks.is_empty()).then(|| (teks, p.penunjuk.at(x.span().start)))
            };
            let program = teks_di(self, "program");
            let penyalur = teks_di(self, "penyalur");
            let jenis = match t.get("jenis") {
                Some(j) => self
                    .pilihan(j, &["alokasi", "tersalur"], "\"alokasi\" or \"tersalur\"")
                    .map(|j| {
                        if j == "tersalur" {
                            JenisSatuData::Tersalur
                        } else {
                            JenisSatuData::Alokasi
                        }
                    }),
                None => None,
            };
            let kolom = match t.get("kolom") {
                Some(k) => match self.tabel(k, "satu_data.kolom") {
                    Some(k) => self.pasangan_kolom(k),
                    None => Vec::new(),
                },
                None => Vec::new(),
            };
            let mut tahun = Vec::new();
            if let Some(th) = t.get("tahun")
                && let Some(th) = self.tabel(th, "satu_data.tahun")
            {
                for (y, kode) in th.iter() {
                    if let Some(kode) = self.teks(kode) {
                        tahun.push((y.get_ref().trim().to_string(), kode.trim().to_string()));
                    }
                }
            }
            config.satu_data.push(SatuData {
                berkas: berkas.trim().to_string(),
                di: self.penunjuk.at(b.span().start),
                entri_di: self.penunjuk.at(entry.span().start),
                jenis,
                program,
                penyalur,
                kolom,
                tahun,
            });
        }
    }

    /// `[[penerima]]` entries.
    fn penerima(&mut self, v: &Nilai<'t>, config: &mut Config) {
        let Some(list) = v.get_ref().as_array() else {
            self.jenis(v, JenisToml::DaftarTabel("penerima".to_string()));
            return;
        };
        for entry in list.iter() {
            let Some(t) = entry.get_ref().as_table() else {
                self.jenis(entry, JenisToml::DaftarTabel("penerima".to_string()));
                continue;
            };
            self.kunci(t, KUNCI_PENERIMA);
            let Some(b) = t.get("berkas") else {
                self.wajib(entry, "berkas");
                continue;
            };
            let Some(berkas) = self.teks(b) else {
                continue;
            };
            let teks_tetap = |p: &mut Pembaca<'t>, key: &str| {
                let x = t.get(key)?;
                let teks = p.teks(x)?.trim().to_string();
                (!teks.is_empty()).then(|| (teks, p.penunjuk.at(x.span().start)))
            };
            let program = teks_tetap(self, "program");
            let tahap = teks_tetap(self, "tahap");
            let penyalur = teks_tetap(self, "penyalur");
            let kolom = match t.get("kolom") {
                Some(k) => match self.tabel(k, "penerima.kolom") {
                    Some(k) => self.pasangan_kolom(k),
                    None => Vec::new(),
                },
                None => Vec::new(),
            };
            let mut status = Vec::new();
            if let Some(st) = t.get("status")
                && let Some(st) = self.tabel(st, "penerima.status")
            {
                for (kata, arti) in st.iter() {
                    let Some(arti) = self.pilihan(
                        arti,
                        &["tersalur", "gagal", "belum"],
                        "\"tersalur\", \"gagal\" or \"belum\"",
                    ) else {
                        continue;
                    };
                    let arti = match arti {
                        "tersalur" => StatusPenerima::Tersalur,
                        "gagal" => StatusPenerima::Gagal,
                        _ => StatusPenerima::Belum,
                    };
                    status.push((kata.get_ref().trim().to_string(), arti));
                }
            }
            config.penerima.push(DaftarPenerima {
                berkas: berkas.trim().to_string(),
                di: self.penunjuk.at(b.span().start),
                entri_di: self.penunjuk.at(entry.span().start),
                program,
                tahap,
                penyalur,
                kolom,
                status,
            });
        }
    }

    fn bandingkan(&mut self, v: &Nilai<'t>, config: &mut Config) {
        let Some(list) = v.get_ref().as_array() else {
            self.jenis(v, JenisToml::DaftarTabel("bandingkan".to_string()));
            return;
        };
        for entry in list.iter() {
            let Some(t) = entry.get_ref().as_table() else {
                self.jenis(entry, JenisToml::DaftarTabel("bandingkan".to_string()));
                continue;
            };
            self.kunci(t, KUNCI_BANDINGKAN);
            let Some(w) = t.get("wilayah") else {
                self.wajib(entry, "wilayah");
                continue;
            };
            let judul = t.get("judul").and_then(|j| self.teks(j));
            let catatan = t.get("catatan").and_then(|c| self.teks(c));
            let Some(kode) = self.daftar_teks(w) else {
                continue;
            };
            let wilayah = kode
                .into_iter()
                .map(|(k, at)| {
                    let (line, column) = self.penunjuk.at(at);
                    (k.trim().to_string(), line, column)
                })
                .collect();
            config.bandingkan.push(Bandingkan {
                wilayah,
                tempat: self.penunjuk.at(w.span().start),
                judul: judul.filter(|j| !j.trim().is_empty()),
                catatan: catatan.filter(|c| !c.trim().is_empty()),
            });
        }
    }
}

impl<'t> Pembaca<'t> {
    /// `[[sumber]]`: each entry's file (by its name: `realisasi.csv`, `data/realisasi.xlsx` and
    /// `realisasi` are one file), its `status` and its `keterangan`; a file named twice is an
    /// error at the second entry.
    fn sumber(&mut self, v: &Nilai<'t>, config: &mut Config) {
        let Some(list) = v.get_ref().as_array() else {
            self.jenis(v, JenisToml::DaftarTabel("sumber".to_string()));
            return;
        };
        for entry in list.iter() {
            let Some(t) = entry.get_ref().as_table() else {
                self.jenis(entry, JenisToml::DaftarTabel("sumber".to_string()));
                continue;
            };
            self.kunci(t, KUNCI_SUMBER);
            let mut lengkap = true;
            for key in KUNCI_SUMBER {
                if !t.contains_key(*key) {
                    self.wajib(entry, key);
                    lengkap = false;
                }
            }
            if !lengkap {
                continue;
            }
            let (Some(b), Some(st), Some(k)) =
                (t.get("berkas"), t.get("status"), t.get("keterangan"))
            else {
                continue;
            };
            let berkas = self.teks(b).and_then(|nama| {
                // `data/realisasi.csv`, `realisasi.xlsx`, `realisasi`: the file by its name
                let dasar = nama.trim().trim_start_matches("data/");
                let dasar = dasar.split('.').next().unwrap_or_default();
                let found = match dasar {
                    "alokasi" => Some(BerkasAngka::Alokasi),
                    "realisasi" => Some(BerkasAngka::Realisasi),
                    _ => None,
                };
                if found.is_none() && !self.rusak(b) {
                    self.at(
                        b.span().start,
                        None,
                        Problem::UnknownValue {
                            value: nama,
                            expected: "\"alokasi.csv\" or \"realisasi.csv\"".to_string(),
                        },
                    );
                }
                found
            });
            let status = self
                .pilihan(
                    st,
                    &["resmi", "sementara", "ilustratif"],
                    "\"resmi\", \"sementara\" or \"ilustratif\"",
                )
                .map(|s| match s {
                    "resmi" => StatusAngka::Resmi,
                    "sementara" => StatusAngka::Sementara,
                    _ => StatusAngka::Ilustratif,
                });
            let keterangan = self.teks(k).map(|k| k.trim().to_string());
            if keterangan.as_deref() == Some("") {
                self.wajib(entry, "keterangan");
            }
            let (Some(berkas), Some(status), Some(keterangan)) = (berkas, status, keterangan)
            else {
                continue;
            };
            if keterangan.is_empty() {
                continue;
            }
            let di = self.penunjuk.at(entry.span().start);
            if let Some(awal) = config.sumber.iter().find(|s| s.berkas == berkas) {
                self.at(
                    b.span().start,
                    None,
                    Problem::Duplicate {
                        first_line: awal.di.0,
                    },
                );
                continue;
            }
            config.sumber.push(SumberBerkas {
                berkas,
                status,
                keterangan: crate::teks::nama(&keterangan).into_owned(),
                di,
            });
        }
    }

    /// `[[pengaduan]]`: each entry's keys, its name, at least one way to reach it, each
    /// number, address and link checked; the codes of `wilayah` and `program` are checked
    /// against the data by [`crate::analysis::pengaduan::periksa`].
    fn pengaduan(&mut self, v: &Nilai<'t>, config: &mut Config) {
        let Some(list) = v.get_ref().as_array() else {
            self.jenis(v, JenisToml::DaftarTabel("pengaduan".to_string()));
            return;
        };
        for entry in list.iter() {
            let Some(t) = entry.get_ref().as_table() else {
                self.jenis(entry, JenisToml::DaftarTabel("pengaduan".to_string()));
                continue;
            };
            self.kunci(t, KUNCI_PENGADUAN);
            let mut p = Pengaduan::default();
            match t.get("nama").and_then(|n| self.teks(n)) {
                Some(n) if !n.trim().is_empty() => p.nama = crate::teks::nama(&n).into_owned(),
                Some(_) => {
                    if let Some(n) = t.get("nama") {
                        self.at(
                            n.span().start,
                            None,
                            Problem::Malformed(crate::diagnostics::Expected::NonEmpty),
                        );
                    }
                }
                None if t.get("nama").is_none() => self.wajib(entry, "nama"),
                None => {}
            }
            // a text key, trimmed, one spelling of its whitespace; empty is absent
            let teks = |key: &str, this: &mut Self| -> Option<(String, usize)> {
                let v = t.get(key)?;
                let s = this.teks(v)?;
                let s = crate::teks::nama(&s).into_owned();
                (!s.is_empty()).then_some((s, v.span().start))
            };
            let periksa = |key: &str,
                           sah: &dyn Fn(&str) -> bool,
                           harapan: crate::diagnostics::Expected,
                           this: &mut Self|
             -> Option<String> {
                let (s, at) = teks(key, this)?;
                if sah(&s) {
                    Some(s)
                } else {
                    this.at(at, Some(&s), Problem::Malformed(harapan));
                    None
                }
            };
            use crate::diagnostics::Expected;
            p.telepon = periksa(
                "telepon",
                &|s| nomor_tel(s).is_some(),
                Expected::Telepon,
                self,
            );
            p.whatsapp = periksa(
                "whatsapp",
                &|s| nomor_wa(s).is_some(),
                Expected::WhatsApp,
                self,
            );
            p.email = periksa("email", &surel_sah, Expected::Email, self);
            p.url = periksa(
                "url",
                &|s| periksa_tautan(s).is_some(),
                Expected::Tautan,
                self,
            );
            // `salur init` writes "…" where the office's own value goes: left as it is, it
            // would be published as the office's address
            let diisi = |s: &str| !s.chars().all(|c| matches!(c, '…' | '.' | ' '));
            p.alamat = periksa("alamat", &diisi, Expected::NonEmpty, self);
            p.jam = periksa("jam", &diisi, Expected::NonEmpty, self);
            let ada_kontak = ["telepon", "whatsapp", "email", "url", "alamat"]
                .iter()
                .any(|k| t.get(*k).is_some());
            if !ada_kontak && !self.rusak(entry) {
                self.at(entry.span().start, None, Problem::PengaduanTanpaKontak);
            }
            for (key, out) in [("wilayah", &mut p.wilayah), ("program", &mut p.program)] {
                if let Some(list) = t.get(key).and_then(|l| self.daftar_teks(l)) {
                    *out = list
                        .into_iter()
                        .map(|(k, at)| {
                            let (line, column) = self.penunjuk.at(at);
                            (k.trim().to_string(), line, column)
                        })
                        .collect();
                }
            }
            config.pengaduan.push(p);
        }
    }
}

/// Whether `name` is a plain folder name, one that can only name a folder inside the one it
/// is joined to: not empty, not `.` or `..`, no separator (`/`, `\`), no drive (`:`), no NUL,
/// no surrounding spaces.
pub fn nama_folder_polos(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && name.trim() == name
        && !name.contains(['/', '\\', ':', '\0'])
}

/// Checks a base URL (`base_url` of `site.toml`, `--base-url`) and writes it the one way salur
/// uses it: an absolute `http://` or `https://` URL with a host, no user name or password, no
/// query or fragment, scheme and host in lower case, a non-ASCII path percent-encoded (by the
/// `url` crate, WHATWG's URL standard), and exactly one trailing slash. Empty stays empty (no
/// base URL).
///
/// A space, a quote, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}` or a control character is
/// refused rather than encoded: it is a typing slip more often than meant. What passes can
/// therefore not end an HTML attribute, an XML text or a CSP source list (`kebijakan_konten`
/// percent-encodes the `;`, `,` and `'` a path may still hold).
///
/// ```
/// use salur::config::periksa_base_url;
/// assert_eq!(periksa_base_url("HTTPS://Dinsos.Example.go.id/bansos//").unwrap(),
///            "https://dinsos.example.go.id/bansos/");
/// assert!(periksa_base_url("javascript:alert(1)").is_err());
/// assert!(periksa_base_url("https:///bansos").is_err());
/// assert!(periksa_base_url("https://x.org/\"><script>").is_err());
/// ```
pub fn periksa_base_url(url: &str) -> Result<String, AlasanUrl> {
    let url = url.trim();
    if url.is_empty() {
        return Ok(String::new());
    }
    if let Some(c) = url.chars().find(|&c| {
        c.is_whitespace()
            || crate::diagnostics::tak_tampak(c)
            || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
    }) {
        return Err(AlasanUrl::Karakter(c));
    }
    let lower = url.to_ascii_lowercase();
    let Some(rest) = ["http://", "https://"]
        .iter()
        .find_map(|s| lower.starts_with(s).then(|| &url[s.len()..]))
    else {
        return Err(AlasanUrl::BukanHttp);
    };
    // the authority as written: `https:///x` would be read by WHATWG's rules as host `x`
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() {
        return Err(AlasanUrl::TanpaHost);
    }
    if authority.contains('@') {
        return Err(AlasanUrl::DataPengguna);
    }
    let parsed = url::Url::parse(url).map_err(|e| match e {
        url::ParseError::EmptyHost => AlasanUrl::TanpaHost,
        url::ParseError::InvalidPort => AlasanUrl::Port,
        _ => AlasanUrl::Host,
    })?;
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(AlasanUrl::KueriAtauFragmen);
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(AlasanUrl::TanpaHost);
    }
    if parsed.port() == Some(0) {
        return Err(AlasanUrl::Port);
    }
    Ok(format!("{}/", parsed.as_str().trim_end_matches('/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cursor gives what `line_column` gives, for offsets in any order.
    #[test]
    fn the_cursor_agrees_with_line_column() {
        let text = "a = [\"é\", \"x\"]\n\nb = 2\r\nçç = [\n  \"y\",\n]\n";
        let mut p = Penunjuk::new(text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .chain([30, 3, 0, 12, text.len() + 5])
            .collect();
        for o in offsets {
            assert_eq!(p.at(o), line_column(text, o), "offset {o}");
        }
    }

    #[test]
    fn batas_markdown_kb_is_read_and_checked() {
        assert_eq!(Config::parse("").unwrap().batas_markdown, 256 << 10);
        assert_eq!(
            Config::parse("batas_markdown_kb = 1")
                .unwrap()
                .batas_markdown,
            1024
        );
        for bad in ["0", "-1", "16385"] {
            let e = Config::parse(&format!("batas_markdown_kb = {bad}")).unwrap_err();
            assert_eq!(
                e.items()[0].message(Lang::En),
                format!(
                    "site.toml:1:21: '{bad}': batas_markdown_kb: the size limit of one Markdown \
                     file in KB, a whole number from 1 to 16,384 (default 256)"
                )
            );
        }
    }

    #[test]
    fn defaults_when_empty() {
        let c = Config::parse("").unwrap();
        assert_eq!(c.language, Lang::Id);
        assert_eq!(c.timezone, None);
        assert_eq!(c.zona("35.75.01.1001"), Zona::WIB);
        assert_eq!(c.zona("64.02"), Zona::WITA);
        assert_eq!(c.zona("94.01"), Zona::WIT);
        assert_eq!(c.zona("62.03"), Zona::WIB);
        assert_eq!(c.zona("96.01"), Zona::WIT);
        assert_eq!(c.zona("X"), Zona::WIB);
        assert_eq!(c.zona("99.01"), Zona::WIB);
        assert_eq!(Zona::dari_kode("99"), None);
        assert_eq!(Zona::dari_kode("20"), None);
        assert_eq!(c.theme, "default");
    }

    #[test]
    fn reads_every_key() {
        let c = Config::parse(
            "title = \"T\"\nlanguage = \"en\"\ntimezone = \"WITA\"\ndata_as_of = 2022-01-10\n\
             attribution = [\"Data wilayah: idn-area-data (ODbL)\"]\n",
        )
        .unwrap();
        assert_eq!(c.title, "T");
        assert_eq!(c.language, Lang::En);
        // a region's zone is its provinsi's; `timezone` for an unknown provinsi and the site
        assert_eq!(c.zona("35.75").tzid(), "Asia/Jakarta");
        assert_eq!(c.zona("64.02").tzid(), "Asia/Makassar");
        assert_eq!(c.zona("99.01").tzid(), "Asia/Makassar");
        assert_eq!(c.zona_situs(), Zona::WITA);
        assert_eq!(c.timezone_di, Some((3, 12)));
        let w = c.zona_bertentangan(
            [
                ("35", "Jawa Timur"),
                ("64", "Kalimantan Timur"),
                ("94", "Papua Tengah"),
            ]
            .into_iter(),
        );
        let w: Vec<String> = w.items().iter().map(|d| d.message(Lang::Id)).collect();
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with(
                "site.toml:3:12: peringatan: 'WITA': zona waktu ini bertentangan dengan zona \
                 provinsi Jawa Timur (35), yaitu WIB: "
            ),
            "{w:?}"
        );
        assert!(w[1].contains("Papua Tengah (94), yaitu WIT"), "{w:?}");
        assert_eq!(c.data_as_of, Some(jiff::civil::date(2022, 1, 10)));
        assert_eq!(c.attribution.len(), 1);
    }

    #[test]
    fn peta_reads_its_keys_and_names_an_unknown_one() {
        let c = Config::parse("").unwrap();
        assert_eq!(c.peta, AturanPeta::default());
        let c = Config::parse("[peta]\nproperti_kode = \"KDEPUM\"\nnilai = \"kpm_per_1000_kk\"\n")
            .unwrap();
        assert_eq!(c.peta.properti_kode, "KDEPUM");
        assert_eq!(c.peta.nilai, NilaiPeta::KpmPer1000Kk);
        let err = Config::parse("[peta]\nproperti = \"kode\"\nnilai = \"kk\"\n").unwrap_err();
        let msg: Vec<String> = err.items().iter().map(|d| d.message(Lang::En)).collect();
        assert!(
            msg[0].starts_with("site.toml:2:1: ") && msg[0].contains("properti"),
            "{msg:?}"
        );
        assert!(
            msg[1].starts_with("site.toml:3:9: ") && msg[1].contains("kpm_per_1000_kk"),
            "{msg:?}"
        );
    }

    #[test]
    fn unknown_key_names_line_and_column() {
        let err = Config::parse("title = \"T\"\ntimzone = \"WIB\"\n").unwrap_err();
        let msg = err.items()[0].message(Lang::En);
        assert!(msg.starts_with("site.toml:2:1: "), "{msg}");
        assert!(msg.contains("timzone"), "{msg}");
    }

    #[test]
    fn base_url_must_be_absolute() {
        let err = Config::parse("base_url = \"salur.example.org\"\n").unwrap_err();
        let msg = err.items()[0].message(Lang::En);
        assert!(
            msg.starts_with("site.toml:1:12: 'salur.example.org': base_url must"),
            "{msg}"
        );
        let c = Config::parse("base_url = \"https://x.org/bansos\"\n").unwrap();
        assert_eq!(c.base_url, "https://x.org/bansos/");
    }

    #[test]
    fn the_theme_is_a_plain_folder_name() {
        for ok in ["default", "dinsos-kota", "tema_2"] {
            assert_eq!(
                Config::parse(&format!("theme = \"{ok}\"\n")).unwrap().theme,
                ok
            );
        }
        for bad in [
            "../../etc",
            "/etc",
            "a/b",
            "a\\\\b",
            "..",
            ".",
            "",
            " x",
            "C:x",
        ] {
            let err = Config::parse(&format!("title = \"T\"\ntheme = \"{bad}\"\n")).unwrap_err();
            let msg = err.items()[0].message(Lang::En);
            assert!(msg.starts_with("site.toml:2:9: '"), "{bad}: {msg}");
            assert!(msg.contains("a plain folder name"), "{bad}: {msg}");
        }
    }

    #[test]
    fn every_problem_is_reported_in_one_pass() {
        let err = Config::parse(
            "title = \"T\nlanguage = \"jw\"\nbase_url = \"javascript:x\"\n[jadwal]\n\
             max_kpm_per_day = 0\nbawa = 5\n[jadwal.usul]\nprogram = \"BST\"\n\
             [privacy]\nmin_kpm = \"3\"\n[[bandingkan]]\njudul = \"x\"\n",
        )
        .unwrap_err();
        let got: Vec<String> = err.items().iter().map(|d| d.message(Lang::En)).collect();
        let want = [
            "site.toml:1:11: this text is not closed by a quote",
            "site.toml:2:12: unknown value 'jw'",
            "site.toml:3:12: 'javascript:x': base_url must be a full address",
            "site.toml:5:19: '0': a payment point must serve at least 1 KPM a day",
            "site.toml:6:8: '5': expected text in quotes",
            "site.toml:7:1: the required key 'tahap' is missing",
            "site.toml:7:1: the required key 'mulai' is missing",
            "site.toml:7:1: the required key 'jumlah_hari' is missing",
            "site.toml:10:11: '\"3\"': expected a whole number without quotes, at least 0",
            "site.toml:11:1: the required key 'wilayah' is missing",
        ];
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (g, w) in got.iter().zip(want) {
            assert!(g.starts_with(w), "{g}\n  wanted {w}");
        }
    }

    #[test]
    fn common_syntax_errors_are_said_in_the_sites_words() {
        for (toml, id) in [
            (
                "attribution = [\"a\" \"b\"]\n",
                "di antara dua isi perlu koma",
            ),
            ("[jadwal\n", "tanda ']' penutup tidak ada"),
            ("title = \"a\" b\n", "satu kunci = nilai per baris"),
            ("title = \"C:\\q\"\n", "garis miring terbalik"),
            ("title = \"a\"\ntitle = \"b\"\n", "sudah diberikan di atas"),
            ("[privacy]\nmin_kpm = 03\n", "bilangan tidak sah"),
            (
                "[rekonsiliasi]\ngagal_jika_selisih = True\n",
                "seharusnya true atau false",
            ),
            (
                "title = \"\"\"a\n",
                "teks banyak baris ini tidak pernah ditutup",
            ),
        ] {
            let err = Config::parse(toml).unwrap_err();
            assert_eq!(err.items().len(), 1, "{toml:?}: {}", err.report(Lang::Id));
            let msg = err.items()[0].message(Lang::Id);
            assert!(msg.contains(id), "{toml:?}: {msg}");
            let en = err.items()[0].message(Lang::En);
            assert!(!en.contains("invalid setting"), "{toml:?}: {en}");
        }
    }

    #[test]
    fn base_url_is_an_absolute_http_url_with_a_host() {
        for (url, want) in [
            ("https://x.org", "https://x.org/"),
            ("HTTP://X.Org/Bansos//", "http://x.org/Bansos/"),
            ("https://x.org:8080/a%20b", "https://x.org:8080/a%20b/"),
            (
                "https://bänsos.example/ö",
                "https://xn--bnsos-gra.example/%C3%B6/",
            ),
            ("https://[::1]/", "https://[::1]/"),
            ("", ""),
        ] {
            assert_eq!(periksa_base_url(url).as_deref(), Ok(want), "{url}");
        }
        for (url, alasan) in [
            ("javascript:alert(1)", AlasanUrl::BukanHttp),
            ("data:text/html,x", AlasanUrl::BukanHttp),
            ("//x.org/", AlasanUrl::BukanHttp),
            ("x.org", AlasanUrl::BukanHttp),
            ("https://", AlasanUrl::TanpaHost),
            ("https:///x", AlasanUrl::TanpaHost),
            ("https://?x", AlasanUrl::TanpaHost),
            ("https://x.org/\"><b>", AlasanUrl::Karakter('"')),
            ("https://x.org/a b", AlasanUrl::Karakter(' ')),
            ("https://x.org/\u{1b}[2J", AlasanUrl::Karakter('\u{1b}')),
            ("https://x.org/\u{202e}", AlasanUrl::Karakter('\u{202e}')),
            ("https://x.org\\a", AlasanUrl::Karakter('\\')),
            ("https://a@x.org/", AlasanUrl::DataPengguna),
            ("https://x.org/?q=1", AlasanUrl::KueriAtauFragmen),
            ("https://x.org/#top", AlasanUrl::KueriAtauFragmen),
            ("https://x.org:99999/", AlasanUrl::Port),
            ("https://x.org:0/", AlasanUrl::Port),
            ("https://x%.org/", AlasanUrl::Host),
        ] {
            assert_eq!(periksa_base_url(url), Err(alasan), "{url}");
        }
    }

    #[test]
    fn the_example_site_toml_reads() {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(CONFIG_FILE))
            .unwrap();
        let c = Config::parse(&text).unwrap();
        assert_eq!(c.base_url, "https://salur.example.org/");
        assert_eq!(c.jadwal.max_kpm_per_day, 200);
        assert_eq!(c.jadwal.usul.as_ref().map(|u| u.jumlah_hari), Some(7));
        assert_eq!(c.rekonsiliasi.toleransi_kpm, 2);
        assert_eq!(c.bandingkan.len(), 1);
        assert_eq!(c.bandingkan[0].wilayah.len(), 2);
        assert_eq!(c.attribution.len(), 2);
    }

    #[test]
    fn pengaduan_numbers_addresses_and_links() {
        assert_eq!(
            nomor_tel("(0343) 423628").as_deref(),
            Some("tel:0343423628")
        );
        assert_eq!(
            nomor_tel("+62 343-423628").as_deref(),
            Some("tel:+62343423628")
        );
        assert_eq!(nomor_tel("171").as_deref(), Some("tel:171"));
        for bad in ["17", "hubungi lurah", "0343 ext 12", "++62343", ""] {
            assert_eq!(nomor_tel(bad), None, "{bad}");
        }
        for ok in ["0812-3456-7890", "62 812 3456 7890", "+62 812-3456-7890"] {
            assert_eq!(nomor_wa(ok).as_deref(), Some("6281234567890"), "{ok}");
        }
        for bad in [
            "0343-423628",
            "+1 812 3456 7890",
            "812345",
            "0812 3456 7890 1234 5",
        ] {
            assert_eq!(nomor_wa(bad), None, "{bad}");
        }
        assert!(surel_sah("dinsos@pasuruankota.go.id"));
        for bad in [
            "dinsos at kota",
            "a@b",
            "@kota.go.id",
            "a@.go.id",
            "a b@c.id",
            "a@b.id?x=1",
        ] {
            assert!(!surel_sah(bad), "{bad}");
        }
        assert_eq!(
            periksa_tautan("https://www.lapor.go.id").as_deref(),
            Some("https://www.lapor.go.id/")
        );
        assert!(periksa_tautan("https://cekbansos.kemensos.go.id/?p=1#cek").is_some());
        for bad in [
            "www.lapor.go.id",
            "javascript:alert(1)",
            "https://",
            "https://a b.id",
            "https://u@x.id",
        ] {
            assert_eq!(periksa_tautan(bad), None, "{bad}");
        }
    }

    #[test]
    fn bad_language_is_an_error() {
        let err = Config::parse("language = \"fr\"\n").unwrap_err();
        assert!(
            err.items()[0]
                .message(Lang::En)
                .starts_with("site.toml:1:12")
        );
    }
}

#[cfg(test)]
mod tests_penerbit {
    use super::*;

    #[test]
    fn penerbit_is_one_spelling_and_optional() {
        let c = Config::parse("penerbit = \"  Dinas Sosial   Kota Pasuruan \"\n").unwrap();
        assert_eq!(c.penerbit.as_deref(), Some("Dinas Sosial Kota Pasuruan"));
        assert_eq!(Config::parse("penerbit = \" \"\n").unwrap().penerbit, None);
        assert_eq!(Config::parse("").unwrap().penerbit, None);
        let err = Config::parse("penerbit = 5\n").unwrap_err();
        assert!(
            err.items()[0]
                .message(Lang::En)
                .starts_with("site.toml:1:12"),
            "{:?}",
            err.items()[0].message(Lang::En)
        );
    }

    #[test]
    fn a_nik_in_penerbit_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "penerbit = \"Dinsos, petugas 3575014107900001\"\n",
        )
        .unwrap();
        let err = Config::load(dir.path()).unwrap_err();
        let m = err.items()[0].message(Lang::En);
        assert!(!m.contains("3575014107900001"), "{m}");
    }
}
