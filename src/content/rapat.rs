//! Meeting notes (`content/rapat/*.md`): the minutes of coordination meetings (rakor) as
//! structured content: who led it, who attended, which regions, programmes and tahap it is
//! about, what was decided, and who must do what by when.
//!
//! Front matter errors name `file:line:column` from the TOML span; codes are checked against the
//! data afterwards ([`resolve`]), with the nearest known code suggested.

use jiff::civil::Date;
use serde::Deserialize;

use super::{badan_html, read_front_matter};
use crate::dasar::nilai::toml_date;
use crate::dasar::saran::nearest;
use crate::dasar::tempat::Penunjuk;
use crate::data::{Dataset, ProgramId, TahapId, WilayahId, value::KodeWilayah};
use crate::diagnostics::{CodeKind, Diagnostic, Diagnostics, Expected, Problem, Severity};

/// Whether a follow-up is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusTindakLanjut {
    /// Done.
    Selesai,
    /// Under way.
    Berjalan,
}

/// The state of a follow-up on the site's "data as of" date (never the wall clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Keadaan {
    /// Reported done.
    Selesai,
    /// Reported under way, deadline not passed (or none).
    Berjalan,
    /// Nothing reported yet, deadline not passed (or none).
    Terbuka,
    /// Not reported done, and its deadline passed before the data date.
    Terlambat,
}

/// One follow-up of a meeting.
#[derive(Debug, Clone, Hash)]
pub struct TindakLanjut {
    /// What must be done.
    pub tugas: String,
    /// Who must do it.
    pub penanggung_jawab: String,
    /// By when.
    pub tenggat: Option<Date>,
    /// Whether it is done, as the operator reports it.
    pub status: Option<StatusTindakLanjut>,
    /// When it was done.
    pub selesai_pada: Option<Date>,
}

impl TindakLanjut {
    /// Its state on `data_per`.
    pub fn keadaan(&self, data_per: Option<Date>) -> Keadaan {
        if self.status == Some(StatusTindakLanjut::Selesai) {
            return Keadaan::Selesai;
        }
        match (self.tenggat, data_per) {
            (Some(t), Some(d)) if t < d => Keadaan::Terlambat,
            _ if self.status == Some(StatusTindakLanjut::Berjalan) => Keadaan::Berjalan,
            _ => Keadaan::Terbuka,
        }
    }
}

/// A code in the front matter with the place it was written.
#[derive(Debug, Clone, Hash)]
pub struct KodeDi {
    /// The code as written.
    pub kode: String,
    /// Its line in the file.
    pub line: u64,
    /// Its column.
    pub column: u64,
}

/// A meeting note.
#[derive(Debug, Clone, Hash)]
pub struct Rapat {
    /// The file name without `.md`; published as `rapat/<slug>.html`.
    pub slug: String,
    /// Title.
    pub judul: String,
    /// Day of the meeting.
    pub tanggal: Date,
    /// Place.
    pub tempat: Option<String>,
    /// Who led it.
    pub pimpinan: Option<String>,
    /// Who attended.
    pub peserta: Vec<String>,
    /// Regions it concerns, as written.
    pub wilayah: Vec<KodeDi>,
    /// Programmes it concerns, as written.
    pub program: Vec<KodeDi>,
    /// Tahap it concerns, as written.
    pub tahap: Vec<KodeDi>,
    /// Decisions.
    pub keputusan: Vec<String>,
    /// Follow-ups.
    pub tindak_lanjut: Vec<TindakLanjut>,
    /// The sanitised HTML of the body.
    pub html: String,
    /// The source path.
    pub sumber: String,
    /// Resolved by [`resolve`]: the regions.
    pub wilayah_id: Vec<WilayahId>,
    /// Resolved: the programmes.
    pub program_id: Vec<ProgramId>,
    /// Resolved: the tahap.
    pub tahap_id: Vec<TahapId>,
}

const KEYS: &[&str] = &[
    "draf",
    "judul",
    "tanggal",
    "tempat",
    "pimpinan",
    "peserta",
    "wilayah",
    "program",
    "tahap",
    "keputusan",
    "tindak_lanjut",
];
const TL_KEYS: &[&str] = &[
    "tugas",
    "penanggung_jawab",
    "tenggat",
    "status",
    "selesai_pada",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Front {
    /// A draft (`draf = true`, as `salur init` and `salur new rapat` write it) is checked but
    /// not published.
    #[serde(default)]
    draf: bool,
    judul: toml::Spanned<String>,
    tanggal: toml::Spanned<toml::value::Datetime>,
    tempat: Option<String>,
    pimpinan: Option<String>,
    #[serde(default)]
    peserta: Vec<String>,
    #[serde(default)]
    wilayah: Vec<toml::Spanned<String>>,
    #[serde(default)]
    program: Vec<toml::Spanned<String>>,
    #[serde(default)]
    tahap: Vec<toml::Spanned<String>>,
    #[serde(default)]
    keputusan: Vec<String>,
    #[serde(default)]
    tindak_lanjut: Vec<FrontTl>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontTl {
    tugas: String,
    penanggung_jawab: String,
    tenggat: Option<toml::Spanned<toml::value::Datetime>>,
    status: Option<StatusTindakLanjut>,
    selesai_pada: Option<toml::Spanned<toml::value::Datetime>>,
}

/// Parses one note. Problems go into `diags` with their place in the file.
pub fn parse(rel: &str, slug: &str, text: &str, diags: &mut Diagnostics) -> Option<Rapat> {
    // an unknown key is named against the keys of the table it is in
    let (front, offset, body): (Front, _, _) = read_front_matter(
        rel,
        text,
        |before| {
            if before.contains("[[tindak_lanjut]]") {
                TL_KEYS
            } else {
                KEYS
            }
        },
        diags,
    )?;
    // each place found from the one before: a list of 100.000 codes is one pass
    let penunjuk = std::cell::RefCell::new(Penunjuk::new(text));
    let at = |span: std::ops::Range<usize>| penunjuk.borrow_mut().at(offset + span.start);
    let mut ok = true;
    let mut date = |d: &toml::Spanned<toml::value::Datetime>, diags: &mut Diagnostics| {
        let parsed = toml_date(d.get_ref());
        if parsed.is_none() {
            let (line, column) = at(d.span());
            diags.push(Diagnostic::error(
                rel,
                line,
                column,
                Some(&d.get_ref().to_string()),
                Problem::Malformed(Expected::Date),
            ));
            ok = false;
        }
        parsed
    };
    let tanggal = date(&front.tanggal, diags);
    let mut tindak_lanjut = Vec::new();
    let mut tl_ok = true;
    for tl in &front.tindak_lanjut {
        if let Some(d) = &tl.selesai_pada
            && tl.status != Some(StatusTindakLanjut::Selesai)
        {
            let (line, column) = at(d.span());
            diags.push(Diagnostic::error(
                rel,
                line,
                column,
                Some(&d.get_ref().to_string()),
                Problem::SelesaiTanpaStatus,
            ));
            tl_ok = false;
        }
        tindak_lanjut.push(TindakLanjut {
            tugas: tl.tugas.clone(),
            penanggung_jawab: tl.penanggung_jawab.clone(),
            tenggat: tl.tenggat.as_ref().and_then(|d| date(d, diags)),
            status: tl.status,
            selesai_pada: tl.selesai_pada.as_ref().and_then(|d| date(d, diags)),
        });
    }
    let codes = |list: &[toml::Spanned<String>]| -> Vec<KodeDi> {
        list.iter()
            .map(|s| {
                let (line, column) = at(s.span());
                KodeDi {
                    kode: s.get_ref().trim().to_string(),
                    line,
                    column,
                }
            })
            .collect()
    };
    let tanggal = tanggal?;
    if front.judul.get_ref().trim().is_empty() {
        diags.push(Diagnostic::error(
            rel,
            2,
            1,
            None,
            Problem::MissingKey {
                key: "judul".to_string(),
            },
        ));
        return None;
    }
    // the title is listed on the page of every region, programme and tahap the note names
    let pendek = super::teks_pendek(rel, text, offset, &front.judul, diags);
    // the body is checked even when the front matter is not right, or the note is a draft
    let html = badan_html(rel, text, body, diags);
    if !ok || !tl_ok || !pendek || front.draf {
        return None;
    }
    let html = html?;
    Some(Rapat {
        slug: slug.to_string(),
        judul: front.judul.into_inner(),
        tanggal,
        tempat: front.tempat,
        pimpinan: front.pimpinan,
        peserta: front.peserta,
        wilayah: codes(&front.wilayah),
        program: codes(&front.program),
        tahap: codes(&front.tahap),
        keputusan: front.keputusan,
        tindak_lanjut,
        html,
        sumber: rel.to_string(),
        wilayah_id: Vec::new(),
        program_id: Vec::new(),
        tahap_id: Vec::new(),
    })
}

/// Warnings about dates that make a note's follow-up states misleading: a deadline before the
/// meeting itself, or a meeting after the date the figures describe (its follow-ups are then
/// judged on a day before it took place).
pub fn date_warnings(rapat: &[Rapat], data_per: Option<Date>) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let warn = |rel: &str, problem: Problem| Diagnostic {
        severity: crate::diagnostics::Severity::Warning,
        ..Diagnostic::error(rel, 0, 0, None, problem)
    };
    for r in rapat {
        for tl in &r.tindak_lanjut {
            if let Some(t) = tl.tenggat
                && t < r.tanggal
            {
                diags.push(warn(
                    &r.sumber,
                    Problem::TenggatSebelumRapat {
                        tugas: tl.tugas.clone(),
                        tenggat: t.to_string(),
                    },
                ));
            }
        }
        if let Some(d) = data_per
            && r.tanggal > d
        {
            diags.push(warn(
                &r.sumber,
                Problem::RapatSetelahData {
                    tanggal: r.tanggal.to_string(),
                    data_per: d.to_string(),
                },
            ));
        }
    }
    diags
}

/// Checks every code of every note against the data and records what they refer to. An
/// unknown code is an error with the nearest known code suggested.
pub fn resolve(rapat: &mut [Rapat], ds: &Dataset) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let program: Vec<&str> = ds.program.iter().map(|p| p.kode.as_str()).collect();
    let tahap: Vec<&str> = ds.tahap.iter().map(|t| t.kode.as_str()).collect();
    // codes in any letter case, by hash (a note may name thousands, a site have thousands);
    // the first of codes that differ only in case, as a scan would find it
    let indeks = |known: &[&str]| {
        let mut map: rustc_hash::FxHashMap<String, u16> = rustc_hash::FxHashMap::default();
        for (i, c) in known.iter().enumerate() {
            if let Ok(i) = u16::try_from(i) {
                map.entry(c.to_ascii_uppercase()).or_insert(i);
            }
        }
        map
    };
    let (program_indeks, tahap_indeks) = (indeks(&program), indeks(&tahap));
    for r in rapat.iter_mut() {
        let unknown = |k: &KodeDi, kind: CodeKind, nearest: Option<String>| {
            Diagnostic::error(
                &r.sumber,
                k.line,
                k.column,
                Some(&k.kode),
                Problem::UnknownCode {
                    kind,
                    nearest,
                    berkas: ds.berkas_kode(kind),
                },
            )
        };
        let mut wilayah_id = Vec::new();
        // the nearest code is looked for only for a message that is shown
        for k in &r.wilayah {
            match KodeWilayah::parse(k.kode.as_bytes()).and_then(|c| ds.wilayah.get(c)) {
                Some(id) => wilayah_id.push(id),
                None => diags.push_with(Severity::Error, || {
                    unknown(k, CodeKind::Wilayah, ds.wilayah.nearest(&k.kode))
                }),
            }
        }
        let codes = |list: &[KodeDi],
                     kind: CodeKind,
                     known: &[&str],
                     map: &rustc_hash::FxHashMap<String, u16>,
                     diags: &mut Diagnostics| {
            let mut ids = Vec::new();
            for k in list {
                match map.get(&k.kode.to_ascii_uppercase()) {
                    Some(&i) => ids.push(i),
                    None => diags.push_with(Severity::Error, || {
                        unknown(k, kind, nearest(&k.kode, known.iter().copied()))
                    }),
                }
            }
            ids
        };
        let program_id: Vec<u16> = codes(
            &r.program,
            CodeKind::Program,
            &program,
            &program_indeks,
            &mut diags,
        );
        let tahap_id: Vec<u16> =
            codes(&r.tahap, CodeKind::Tahap, &tahap, &tahap_indeks, &mut diags);
        // a code named twice (`35.75` and `3575`, `BST` and `bst`) counts once
        let dedup = |mut v: Vec<u16>| {
            let mut seen = std::collections::HashSet::new();
            v.retain(|x| seen.insert(*x));
            v
        };
        let mut seen = std::collections::HashSet::new();
        wilayah_id.retain(|w| seen.insert(*w));
        r.wilayah_id = wilayah_id;
        r.program_id = dedup(program_id)
            .into_iter()
            .filter_map(|i| ProgramId::baru(usize::from(i)))
            .collect();
        r.tahap_id = dedup(tahap_id)
            .into_iter()
            .filter_map(|i| TahapId::baru(usize::from(i)))
            .collect();
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    const NOTE: &str = "+++\njudul = \"Rakor\"\ntanggal = 2021-07-13\nwilayah = [\"35.75\"]\n\
        keputusan = [\"Paling banyak 200 KPM per hari\"]\n[[tindak_lanjut]]\ntugas = \"Jadwal RW\"\n\
        penanggung_jawab = \"Lurah\"\ntenggat = 2021-07-19\n+++\nIsi.\n";

    fn parse_one(text: &str) -> (Option<Rapat>, Vec<String>) {
        let mut d = Diagnostics::new();
        let r = parse("content/rapat/x.md", "x", text, &mut d);
        (r, d.items().iter().map(|d| d.message(Lang::En)).collect())
    }

    #[test]
    fn reads_a_note() {
        let (r, errors) = parse_one(NOTE);
        assert!(errors.is_empty(), "{errors:?}");
        let r = r.unwrap();
        assert_eq!(r.tanggal, jiff::civil::date(2021, 7, 13));
        assert_eq!(r.wilayah[0].kode, "35.75");
        assert_eq!((r.wilayah[0].line, r.wilayah[0].column), (4, 12));
        assert_eq!(
            r.tindak_lanjut[0].tenggat,
            Some(jiff::civil::date(2021, 7, 19))
        );
    }

    #[test]
    fn follow_up_state_uses_the_data_date() {
        let (r, _) = parse_one(NOTE);
        let tl = &r.unwrap().tindak_lanjut[0];
        assert_eq!(
            tl.keadaan(Some(jiff::civil::date(2021, 7, 19))),
            Keadaan::Terbuka
        );
        assert_eq!(
            tl.keadaan(Some(jiff::civil::date(2021, 7, 20))),
            Keadaan::Terlambat
        );
        assert_eq!(tl.keadaan(None), Keadaan::Terbuka);
        let reported = TindakLanjut {
            status: Some(StatusTindakLanjut::Berjalan),
            ..tl.clone()
        };
        assert_eq!(
            reported.keadaan(Some(jiff::civil::date(2021, 7, 1))),
            Keadaan::Berjalan
        );
        assert_eq!(
            reported.keadaan(Some(jiff::civil::date(2021, 8, 1))),
            Keadaan::Terlambat
        );
        let done = TindakLanjut {
            status: Some(StatusTindakLanjut::Selesai),
            ..tl.clone()
        };
        assert_eq!(
            done.keadaan(Some(jiff::civil::date(2030, 1, 1))),
            Keadaan::Selesai
        );
    }

    #[test]
    fn dates_that_mislead_are_warned_about() {
        let (r, _) = parse_one(&NOTE.replace("tenggat = 2021-07-19", "tenggat = 2021-07-01"));
        let r = r.unwrap();
        let w = date_warnings(
            std::slice::from_ref(&r),
            Some(jiff::civil::date(2021, 7, 10)),
        );
        let m: Vec<String> = w.items().iter().map(|d| d.message(Lang::En)).collect();
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].contains("2021-07-01") && m[0].starts_with("content/rapat/x.md: warning:"));
        assert!(m[1].contains("2021-07-10"), "{m:?}");
        assert!(!w.has_errors());
    }

    #[test]
    fn errors_name_their_place() {
        let (_, e) = parse_one(&NOTE.replace("tanggal = 2021-07-13", "tanggal = 2021-13-45"));
        assert!(e[0].starts_with("content/rapat/x.md:3:"), "{e:?}");
        let (_, e) = parse_one(&NOTE.replace("tanggal = 2021-07-13", "tanggal = \"13 Juli\""));
        assert!(e[0].starts_with("content/rapat/x.md:3:11: "), "{e:?}");
        let (_, e) = parse_one(&NOTE.replace("judul = \"Rakor\"\n", ""));
        assert!(e[0].contains("judul"), "{e:?}");
        let (_, e) = parse_one(&NOTE.replace("keputusan", "keputsan"));
        assert_eq!(
            e[0],
            "content/rapat/x.md:5:1: unknown key 'keputsan'; did you mean 'keputusan'?"
        );
        let (_, e) = parse_one(&NOTE.replace(
            "tenggat = 2021-07-19",
            "tenggat = 2021-07-19\nselesai_pada = 2021-07-18",
        ));
        assert!(
            e[0].starts_with("content/rapat/x.md:10:16: '2021-07-18': 'selesai_pada'"),
            "{e:?}"
        );
        let (_, e) = parse_one(&NOTE.replace("tenggat = ", "tengat = "));
        assert_eq!(
            e[0],
            "content/rapat/x.md:9:1: unknown key 'tengat'; did you mean 'tenggat'?"
        );
    }
}
