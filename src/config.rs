//! `site.toml`: the site's title, language, time zone and settings.
//!
//! Read once at the start of a build; every later stage gets a [`Config`].

use std::path::Path;

use jiff::civil::Date;
use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, Problem};
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
    /// decides. WITA: Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara and Sulawesi; WIT:
    /// Maluku and Papua; WIB elsewhere. `None` when the code has no provinsi number.
    pub fn dari_kode(kode: &str) -> Option<Zona> {
        let prov: u8 = kode.get(..2)?.parse().ok()?;
        Some(match prov {
            51..=53 | 63..=65 | 71..=76 => Zona::WITA,
            81..=82 | 91..=99 => Zona::WIT,
            _ => Zona::WIB,
        })
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
    /// The time zone of every time on the site, when `timezone` is set; otherwise each region
    /// has its provinsi's zone ([`Config::zona`]).
    pub timezone: Option<Zona>,
    /// The date the data describes ("data per …"); when absent, the latest date in the data.
    pub data_as_of: Option<Date>,
    /// Lines of attribution shown in every page's footer (e.g. the region data's licence).
    pub attribution: Vec<String>,
    /// The licence the site's own figures are published under, as an SPDX id
    /// (`lisensi = "CC-BY-4.0"`); the downloads name it beside the region data's ODbL.
    pub lisensi: Option<String>,
    /// `[jadwal]`: the payment schedule's rules.
    pub jadwal: AturanJadwal,
    /// `[privacy]`: what may be published of small counts.
    pub privasi: AturanPrivasi,
    /// `[rekonsiliasi]`: how Dinsos's figures are set against the channels' reports.
    pub rekonsiliasi: AturanRekonsiliasi,
    /// `[[bandingkan]]`: the regions to set side by side, one comparison page each.
    pub bandingkan: Vec<Bandingkan>,
    /// The largest input file read, in bytes (`batas_berkas_mb`, in MB of 1.048.576 bytes;
    /// default [`BATAS_BERKAS_MB`]).
    pub batas_berkas: u64,
    /// The largest Markdown file read, in bytes (`batas_markdown_kb`, in KB of 1.024 bytes;
    /// default [`BATAS_MARKDOWN_KB`]).
    pub batas_markdown: u64,
}

/// The default of `batas_berkas_mb`: 512 MB per input file. The national benchmark's
/// `realisasi.csv` (5 million rows) is 292 MB.
pub const BATAS_BERKAS_MB: u64 = 512;

/// The default of `batas_markdown_kb`: 256 KB per Markdown file. A page is read on a phone,
/// often over slow mobile data: 256 KB of Markdown is about 35.000 words, a 100-page
/// document, and already some 20 seconds of download at 100 kbit/s; the example's meeting
/// notes are 2 to 4 KB. A longer text belongs in several pages (or a PDF linked from one).
pub const BATAS_MARKDOWN_KB: u64 = 256;

/// The largest `batas_markdown_kb` accepted: 16 MB, within which every Markdown file is
/// rendered in well under a second (the work is linear and nesting is bounded).
pub const BATAS_MARKDOWN_KB_MAKS: u64 = 16 * 1024;

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

/// The rules a payment schedule (`data/jadwal.csv`) is checked against: `[jadwal]` in
/// `site.toml`.
#[derive(Debug, Clone, Hash, PartialEq, Eq)]
pub struct AturanJadwal {
    /// The most KPM one titik bayar serves in a day (`max_kpm_per_day`, default 200, as in
    /// Kota Pasuruan's BST distribution).
    pub max_kpm_per_day: u64,
    /// Whether a day over that capacity stops the build (`over_capacity = "error"`, the
    /// default) or is a warning.
    pub over_capacity: Keparahan,
    /// What recipients must bring, on the schedule and its printed notice (`bawa`); the
    /// theme's sentence when not set.
    pub bawa: Option<String>,
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
            over_capacity: Keparahan::Error,
            bawa: None,
            usul: None,
        }
    }
}

/// How serious a breach of a rule is.
#[derive(Debug, Clone, Copy, Hash, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Keparahan {
    /// The build stops.
    Error,
    /// The build goes on and says so.
    Warning,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawJadwal {
    max_kpm_per_day: Option<toml::Spanned<u64>>,
    over_capacity: Option<Keparahan>,
    bawa: Option<String>,
    usul: Option<RawUsul>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUsul {
    program: toml::Spanned<String>,
    tahap: toml::Spanned<String>,
    mulai: toml::Spanned<toml::value::Datetime>,
    jumlah_hari: toml::Spanned<u16>,
    jam_mulai: Option<toml::Spanned<String>>,
    jam_selesai: Option<toml::Spanned<String>>,
    menit_slot: Option<toml::Spanned<u16>>,
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
            data_as_of: None,
            attribution: Vec::new(),
            lisensi: None,
            jadwal: AturanJadwal::default(),
            privasi: AturanPrivasi::default(),
            rekonsiliasi: AturanRekonsiliasi::default(),
            bandingkan: Vec::new(),
            batas_berkas: BATAS_BERKAS_MB << 20,
            batas_markdown: BATAS_MARKDOWN_KB << 10,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<toml::Spanned<String>>,
    language: Option<Lang>,
    theme: Option<toml::Spanned<String>>,
    timezone: Option<Zona>,
    data_as_of: Option<toml::Spanned<toml::value::Datetime>>,
    #[serde(default)]
    attribution: Vec<String>,
    lisensi: Option<String>,
    #[serde(default)]
    jadwal: RawJadwal,
    #[serde(default)]
    privacy: RawPrivasi,
    #[serde(default)]
    rekonsiliasi: RawRekonsiliasi,
    #[serde(default)]
    bandingkan: Vec<RawBandingkan>,
    batas_berkas_mb: Option<toml::Spanned<i64>>,
    batas_markdown_kb: Option<toml::Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBandingkan {
    wilayah: toml::Spanned<Vec<toml::Spanned<String>>>,
    judul: Option<String>,
    catatan: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPrivasi {
    min_kpm: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRekonsiliasi {
    toleransi_kpm: Option<u64>,
    toleransi_persen: Option<toml::Spanned<f64>>,
    gagal_jika_selisih: Option<bool>,
}

impl Config {
    /// The language `root/site.toml` asks for, read even when the file has other errors, so
    /// that those are reported in it; Indonesian when it says nothing readable.
    pub fn bahasa(root: &Path) -> Lang {
        std::fs::read_to_string(root.join(CONFIG_FILE))
            .ok()
            .and_then(|text| text.parse::<toml::Table>().ok())
            .and_then(|t| t.get("language")?.as_str().map(str::to_string))
            .map_or(Lang::Id, |l| if l == "en" { Lang::En } else { Lang::Id })
    }

    /// The time zone of the times of region `kode` (`35.75.01.1001`): `timezone` when set,
    /// else the zone of its provinsi, else WIB.
    pub fn zona(&self, kode: &str) -> Zona {
        self.timezone
            .or_else(|| Zona::dari_kode(kode))
            .unwrap_or_default()
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
        if !path.exists() {
            return Ok(Config::default());
        }
        let text = match crate::content::baca_teks(&path, CONFIG_FILE) {
            Ok(t) => t,
            Err(e) => {
                let mut d = Diagnostics::new();
                d.push(*e);
                return Err(d);
            }
        };
        Config::parse(&text)
    }

    /// Parses the text of a `site.toml`.
    pub fn parse(text: &str) -> Result<Config, Diagnostics> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|s| line_column(text, s.start))
                .unwrap_or((0, 0));
            let before = e
                .span()
                .and_then(|s| text.get(..s.start))
                .unwrap_or_default();
            let problem = crate::content::toml_problem(
                e.message().trim(),
                &[
                    "title",
                    "description",
                    "base_url",
                    "language",
                    "theme",
                    "timezone",
                    "data_as_of",
                    "attribution",
                    "lisensi",
                    "batas_berkas_mb",
                    "batas_markdown_kb",
                    "jadwal",
                    "bawa",
                    "max_kpm_per_day",
                    "over_capacity",
                    "usul",
                    "program",
                    "tahap",
                    "mulai",
                    "jumlah_hari",
                    "jam_mulai",
                    "jam_selesai",
                    "menit_slot",
                    "privacy",
                    "min_kpm",
                    "rekonsiliasi",
                    "toleransi_kpm",
                    "toleransi_persen",
                    "gagal_jika_selisih",
                    "bandingkan",
                    "wilayah",
                    "judul",
                    "catatan",
                ],
                before,
            );
            let value = crate::content::nilai_salah(&problem, text, e.span());
            let mut d = Diagnostics::new();
            d.push(Diagnostic::error(
                CONFIG_FILE,
                line,
                column,
                value.as_deref(),
                problem,
            ));
            d
        })?;
        let mut config = Config::default();
        if let Some(t) = raw.title {
            config.title = t;
        }
        if let Some(d) = raw.description {
            config.description = d;
        }
        if let Some(b) = raw.base_url {
            let url = b.get_ref().trim();
            if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
                return Err(error_at(text, b.span().start, url, Problem::BaseUrl));
            }
            config.base_url = normalise_base_url(url);
        }
        if let Some(l) = raw.language {
            config.language = l;
        }
        if let Some(t) = raw.theme {
            let name = t.get_ref();
            if !nama_folder_polos(name) {
                return Err(error_at(text, t.span().start, name, Problem::TemaTidakSah));
            }
            config.theme = name.clone();
        }
        config.timezone = raw.timezone;
        config.lisensi = raw
            .lisensi
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty());
        if let Some(m) = raw.privacy.min_kpm {
            config.privasi.min_kpm = m;
        }
        if let Some(t) = raw.rekonsiliasi.toleransi_kpm {
            config.rekonsiliasi.toleransi_kpm = t;
        }
        if let Some(p) = raw.rekonsiliasi.toleransi_persen {
            let v = *p.get_ref();
            if !(0.0..=100.0).contains(&v) {
                return Err(error_at(
                    text,
                    p.span().start,
                    &v.to_string(),
                    Problem::Persen,
                ));
            }
            config.rekonsiliasi.toleransi_persen = v;
        }
        if let Some(b) = raw.batas_berkas_mb {
            let mb = *b.get_ref();
            // at least 1 MB, and at most what a u64 of bytes holds
            match u64::try_from(mb)
                .ok()
                .filter(|&m| (1..=1 << 40).contains(&m))
            {
                Some(m) => config.batas_berkas = m << 20,
                None => {
                    return Err(error_at(
                        text,
                        b.span().start,
                        &mb.to_string(),
                        Problem::BatasBerkas,
                    ));
                }
            }
        }
        if let Some(b) = raw.batas_markdown_kb {
            let kb = *b.get_ref();
            match u64::try_from(kb)
                .ok()
                .filter(|&k| (1..=BATAS_MARKDOWN_KB_MAKS).contains(&k))
            {
                Some(k) => config.batas_markdown = k << 10,
                None => {
                    return Err(error_at(
                        text,
                        b.span().start,
                        &kb.to_string(),
                        Problem::BatasMarkdown,
                    ));
                }
            }
        }
        if let Some(g) = raw.rekonsiliasi.gagal_jika_selisih {
            config.rekonsiliasi.gagal_jika_selisih = g;
        }
        // places in order, each from the one before (thousands of entries are fine)
        let mut penunjuk = Penunjuk::new(text);
        for b in raw.bandingkan {
            let tempat = penunjuk.at(b.wilayah.span().start);
            let wilayah: Vec<(String, u64, u64)> = b
                .wilayah
                .get_ref()
                .iter()
                .map(|k| {
                    let (line, column) = penunjuk.at(k.span().start);
                    (k.get_ref().trim().to_string(), line, column)
                })
                .collect();
            config.bandingkan.push(Bandingkan {
                wilayah,
                tempat,
                judul: b.judul.filter(|j| !j.trim().is_empty()),
                catatan: b.catatan.filter(|c| !c.trim().is_empty()),
            });
        }
        if let Some(dt) = raw.data_as_of {
            match toml_date(dt.get_ref()) {
                Some(d) => config.data_as_of = Some(d),
                None => {
                    return Err(error_at(
                        text,
                        dt.span().start,
                        &dt.get_ref().to_string(),
                        Problem::Malformed(crate::diagnostics::Expected::Date),
                    ));
                }
            }
        }
        config.attribution = raw.attribution;
        if let Some(n) = raw.jadwal.max_kpm_per_day {
            if *n.get_ref() == 0 {
                return Err(error_at(
                    text,
                    n.span().start,
                    "0",
                    tidak_sah(
                        "kapasitas titik bayar harus sedikitnya 1 KPM per hari",
                        "a payment point must serve at least 1 KPM a day",
                    ),
                ));
            }
            config.jadwal.max_kpm_per_day = n.into_inner();
        }
        if let Some(k) = raw.jadwal.over_capacity {
            config.jadwal.over_capacity = k;
        }
        config.jadwal.bawa = raw
            .jadwal
            .bawa
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty());
        if let Some(u) = raw.jadwal.usul {
            let Some(mulai) = toml_date(u.mulai.get_ref()) else {
                return Err(error_at(
                    text,
                    u.mulai.span().start,
                    &u.mulai.get_ref().to_string(),
                    Problem::Malformed(crate::diagnostics::Expected::Date),
                ));
            };
            let jam = |v: Option<&toml::Spanned<String>>, default: u16| match v {
                None => Ok(default),
                Some(v) => crate::data::value::jam(v.get_ref().as_bytes())
                    .map_err(|p| error_at(text, v.span().start, v.get_ref(), p)),
            };
            let jam_mulai = jam(u.jam_mulai.as_ref(), 7 * 60)?;
            let jam_selesai = jam(u.jam_selesai.as_ref(), 12 * 60)?;
            if jam_selesai <= jam_mulai {
                let (start, value) = u.jam_selesai.as_ref().map_or_else(
                    || (text.find("jam_mulai").unwrap_or(0), String::new()),
                    |v| (v.span().start, v.get_ref().clone()),
                );
                return Err(error_at(
                    text,
                    start,
                    &value,
                    Problem::SlotEndsBeforeStart {
                        mulai: crate::format::jam(jam_mulai, config.language),
                    },
                ));
            }
            if *u.jumlah_hari.get_ref() == 0 {
                return Err(error_at(
                    text,
                    u.jumlah_hari.span().start,
                    "0",
                    tidak_sah(
                        "jumlah_hari harus sedikitnya 1",
                        "jumlah_hari must be at least 1",
                    ),
                ));
            }
            let menit_slot = u.menit_slot.as_ref().map_or(60, |m| *m.get_ref());
            if menit_slot == 0 || menit_slot > jam_selesai - jam_mulai {
                let start = u
                    .menit_slot
                    .as_ref()
                    .map_or_else(|| text.find("jam_selesai").unwrap_or(0), |m| m.span().start);
                return Err(error_at(
                    text,
                    start,
                    &menit_slot.to_string(),
                    tidak_sah(
                        &format!(
                            "satu slot harus 1 sampai {} menit, waktu dari jam_mulai sampai jam_selesai",
                            jam_selesai - jam_mulai
                        ),
                        &format!(
                            "a slot must last from 1 to {} minutes, the time from jam_mulai to jam_selesai",
                            jam_selesai - jam_mulai
                        ),
                    ),
                ));
            }
            config.jadwal.usul = Some(AturanUsul {
                program_di: line_column(text, u.program.span().start),
                program: u.program.into_inner(),
                tahap_di: line_column(text, u.tahap.span().start),
                mulai_di: line_column(text, u.mulai.span().start),
                tahap: u.tahap.into_inner(),
                mulai,
                jumlah_hari: u.jumlah_hari.into_inner(),
                jam_mulai,
                jam_selesai,
                menit_slot,
            });
        }
        Ok(config)
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

/// A `[jadwal]` setting that cannot give a schedule, said in both languages.
fn tidak_sah(id: &str, en: &str) -> Problem {
    Problem::AturanJadwalTidakSah {
        id: id.to_string(),
        en: en.to_string(),
    }
}

/// A problem with a value of `site.toml` written at byte `offset`.
fn error_at(text: &str, offset: usize, value: &str, problem: Problem) -> Diagnostics {
    let (line, column) = line_column(text, offset);
    let mut d = Diagnostics::new();
    d.push(Diagnostic::error(
        CONFIG_FILE,
        line,
        column,
        Some(value),
        problem,
    ));
    d
}

/// A base URL with exactly one trailing slash (empty stays empty).
pub fn normalise_base_url(url: &str) -> String {
    let url = url.trim().trim_end_matches('/');
    if url.is_empty() {
        String::new()
    } else {
        format!("{url}/")
    }
}

/// A TOML local date as a civil date; `None` for a date-time or a time.
pub fn toml_date(dt: &toml::value::Datetime) -> Option<Date> {
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
}

/// The 1-based line and column of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = text[line_start..offset].chars().count() as u64 + 1;
    (line, column)
}

/// [`line_column`] for many offsets of one text in increasing order, each found from the one
/// before: a list of 100.000 codes in a 1 MB front matter was 100.000 scans from the start
/// (34 s). An offset before the previous one starts again from the top.
pub struct Penunjuk<'t> {
    text: &'t [u8],
    /// The last offset asked for, and its line and column.
    offset: usize,
    line: u64,
    column: u64,
}

impl<'t> Penunjuk<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Penunjuk<'t> {
        Penunjuk {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// The 1-based line and column (in characters) of byte `offset`, as [`line_column`].
    pub fn at(&mut self, offset: usize) -> (u64, u64) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Penunjuk {
                text: self.text,
                offset: 0,
                line: 1,
                column: 1,
            };
        }
        for &b in &self.text[self.offset..offset] {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                // a character starts at every byte but a UTF-8 continuation byte
                self.column += 1;
            }
        }
        self.offset = offset;
        (self.line, self.column)
    }
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
        assert_eq!(c.zona("X"), Zona::WIB);
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
        assert_eq!(c.zona("35.75").tzid(), "Asia/Makassar");
        assert_eq!(c.data_as_of, Some(jiff::civil::date(2022, 1, 10)));
        assert_eq!(c.attribution.len(), 1);
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
    fn bad_language_is_an_error() {
        let err = Config::parse("language = \"fr\"\n").unwrap_err();
        assert!(
            err.items()[0]
                .message(Lang::En)
                .starts_with("site.toml:1:12")
        );
    }
}
