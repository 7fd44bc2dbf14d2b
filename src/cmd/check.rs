//! `salur check`

use std::path::PathBuf;

use salur::diagnostics::{Severity, tak_tampak, tampak};
use salur::lang::Lang;
use salur::pesan;
use serde::Serialize;

/// How `check` reports.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Messages for a person, on standard error; a summary line on standard output.
    Text,
    /// One JSON document on standard output: errors and data-quality findings.
    Json,
    /// GitHub Actions workflow commands (`::warning file=…,line=…::…`): annotations on the run.
    Github,
}

/// Arguments of `salur check`.
#[derive(clap::Args)]
pub struct Args {
    /// The site folder (with site.toml, data/, content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// How to report.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// One error in the JSON report.
#[derive(Serialize)]
struct ErrorJson {
    file: Option<String>,
    line: Option<u64>,
    column: Option<u64>,
    value: Option<String>,
    message: String,
}

/// The JSON report.
#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    pages: usize,
    errors: Vec<ErrorJson>,
    /// Errors beyond those listed.
    errors_not_listed: usize,
    findings: &'a [salur::site::kualitas::TemuanJson],
}

/// Checks the site and prints what was found.
pub fn execute(args: Args) -> Result<super::Selesai, salur::Error> {
    let result = salur::check(&args.root);
    match args.format {
        Format::Text => text(result),
        Format::Json | Format::Github => {
            let lang = salur::config::Config::bahasa(&args.root);
            let (ok, pages, errors, not_listed, findings) = match &result {
                Ok(s) => (true, s.pages, Vec::new(), 0, s.kualitas.clone()),
                Err(e) => {
                    let (errors, not_listed) = errors_json(e, lang);
                    (false, 0, errors, not_listed, Vec::new())
                }
            };
            // A CI log may be public: a failure reason as the operator wrote it (which may name
            // a person) is quoted masked there; `salur check` on the operator's own terminal
            // shows it whole, so that its mapping can be fixed.
            let findings: Vec<_> = findings
                .into_iter()
                .map(|mut f| {
                    if f.jenis == "alasan_tak_dikenal" {
                        f.pesan = samarkan_kutipan(&f.pesan);
                    }
                    f
                })
                .collect();
            let findings = findings.as_slice();
            if args.format == Format::Json {
                let report = Report {
                    ok,
                    pages,
                    errors,
                    errors_not_listed: not_listed,
                    findings,
                };
                match serde_json::to_string_pretty(&report) {
                    Ok(json) => keluar!("{}", json_tampak(&json)),
                    Err(e) => galat!("{e}"),
                }
            } else {
                for e in &errors {
                    // the value too, as the text report quotes it
                    let message = match &e.value {
                        Some(v) => format!("'{}': {}", tampak(v), e.message),
                        None => e.message.clone(),
                    };
                    keluar!(
                        "{}",
                        github(
                            "error",
                            e.file.as_deref(),
                            e.line,
                            e.column,
                            "salur",
                            &message
                        )
                    );
                }
                for f in findings {
                    let title = format!("salur: {}", f.jenis);
                    let level = if f.file.is_some() {
                        "warning"
                    } else {
                        "notice"
                    };
                    keluar!(
                        "{}",
                        github(level, f.file.as_deref(), f.line, f.column, &title, &f.pesan)
                    );
                }
            }
            // the exit status still says whether the site can be built
            result.map(|s| super::Selesai::new(s.lang, super::Pekerjaan::Periksa))
        }
    }
}

/// `s` with the text between each pair of double quotes masked as a recipient's cell is
/// ([`salur::teks::samarkan_pribadi`]).
fn samarkan_kutipan(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, bagian) in s.split('"').enumerate() {
        if i > 0 {
            out.push('"');
        }
        if i % 2 == 1 {
            out.push_str(&salur::teks::samarkan_pribadi(bagian));
        } else {
            out.push_str(bagian);
        }
    }
    out
}

fn errors_json(e: &salur::Error, lang: Lang) -> (Vec<ErrorJson>, usize) {
    match e {
        salur::Error::Input { diagnostics, .. } => {
            let items: Vec<ErrorJson> = diagnostics
                .items()
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| ErrorJson {
                    // masked as the text report masks them (the values are already)
                    file: Some(salur::teks::samarkan_teks(&d.file)),
                    line: (d.line > 0).then_some(d.line),
                    column: (d.column > 0).then_some(d.column),
                    value: d.value.as_deref().map(salur::teks::samarkan_teks),
                    message: d.problem.describe(lang),
                })
                .collect();
            let not_listed = diagnostics.error_count().saturating_sub(items.len());
            (items, not_listed)
        }
        other => (
            vec![ErrorJson {
                file: None,
                line: None,
                column: None,
                value: None,
                message: salur::teks::samarkan_teks(&other.to_string()),
            }],
            0,
        ),
    }
}

/// A GitHub Actions workflow command, with its data and properties escaped.
fn github(
    level: &str,
    file: Option<&str>,
    line: Option<u64>,
    column: Option<u64>,
    title: &str,
    message: &str,
) -> String {
    // control characters are shown escaped (a CR would end the command early)
    let data = |s: &str| {
        tampak(s)
            .replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let mut props = Vec::new();
    if let Some(f) = file {
        props.push(format!("file={}", prop(f)));
    }
    if let Some(l) = line {
        props.push(format!("line={l}"));
    }
    if let Some(c) = column {
        props.push(format!("col={c}"));
    }
    props.push(format!("title={}", prop(title)));
    format!("::{level} {}::{}", props.join(","), data(message))
}

/// A JSON document with every character that [`tak_tampak`] would act on a terminal written
/// as a JSON escape (`\u001b`, `\u202e`): serde_json escapes C0 controls inside strings
/// itself, but not DEL, C1 controls or bidi overrides. The document means the same: a reader
/// decodes the values as they were. A raw line break is the pretty layout's, between tokens.
fn json_tampak(json: &str) -> std::borrow::Cow<'_, str> {
    let tak_tampak = |c: char| c != '\n' && tak_tampak(c);
    if !json.chars().any(tak_tampak) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if tak_tampak(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn text(result: Result<salur::CheckSummary, salur::Error>) -> Result<super::Selesai, salur::Error> {
    let summary = result?;
    super::print_warnings(&summary.warnings, summary.lang);
    // what each recipient list counted, to tie out against its source
    for p in &summary.penerima {
        keluar!(
            "{}",
            pesan!(
                summary.lang,
                "perintah.penerima_ringkas",
                berkas = p.berkas,
                baris = p.baris,
                alokasi = p.alokasi,
                tersalur = p.tersalur,
                gagal = p.gagal,
                belum = p.belum
            )
        );
    }
    for line in &summary.catatan {
        galat!(
            "{}",
            pesan!(summary.lang, "perintah.catatan_mutu", catatan = line)
        );
    }
    // the failure reasons that match no code, as the operator wrote them: here only, so that
    // the mapping can be fixed (the site publishes codes, never these texts)
    let alasan: Vec<_> = summary
        .kualitas
        .iter()
        .filter(|f| f.jenis == "alasan_tak_dikenal")
        .collect();
    for f in alasan.iter().take(salur::diagnostics::Diagnostics::LIMIT) {
        galat!(
            "{}",
            pesan!(summary.lang, "perintah.catatan_mutu", catatan = f.pesan)
        );
    }
    if let Some(lebih) = alasan
        .len()
        .checked_sub(salur::diagnostics::Diagnostics::LIMIT)
        .filter(|n| *n > 0)
    {
        galat!(
            "{}",
            pesan!(summary.lang, "perintah.alasan_lain", lebih = lebih)
        );
    }
    keluar!(
        "{}",
        pesan!(
            summary.lang,
            "perintah.periksa_selesai",
            halaman = summary.pages,
            peringatan = summary.warnings.warning_count(),
            catatan = summary.temuan,
            temuan = summary.kualitas.len()
        )
    );
    Ok(super::Selesai::new(summary.lang, super::Pekerjaan::Periksa))
}
