//! salur: a static site generator for social-aid (bansos) transparency in Indonesia.
//!
//! A site folder (`site.toml`, `data/*.csv`, `content/*.md`, optional `themes/`) goes through
//! one pipeline, in one direction:
//!
//! ```text
//! site.toml ─► config ─┐
//! data/*.csv ─► data ──┼─► analysis ─► site (page plan) ─► render ─► output (public/)
//! content/*.md ► content┘
//! ```
//!
//! [`build`] runs all of it; [`check`] runs every validation and writes nothing.

#![warn(missing_docs)]

pub mod analysis;
pub mod berkas;
pub mod config;
pub mod content;
pub mod dasar;
pub mod data;
pub mod diagnostics;
pub mod format;
pub mod init;
pub mod lang;
pub mod output;
pub mod pesan;
pub mod pratinjau;
pub mod render;
pub mod site;
pub mod slug;
pub mod teks;
pub mod terbaca;
pub mod usul;

pub use usul::situs::{UsulJadwal, usul_jadwal};

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::analysis::Report;
use crate::config::Config;
use crate::content::Content;
use crate::data::Dataset;
use crate::diagnostics::Diagnostics;
use crate::lang::Lang;

/// Why a build or check failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The inputs have problems (bad values, unknown codes, personal data, …).
    #[error("{}", diagnostics.report(*lang))]
    Input {
        /// The language of the messages.
        lang: Lang,
        /// What was found.
        diagnostics: Diagnostics,
    },
    /// The theme could not be loaded or a page rendered.
    #[error("{}", source.message(*lang))]
    Render {
        /// The language of the message.
        lang: Lang,
        /// What went wrong.
        source: render::RenderError,
    },
    /// `init` or `new` could not make the site or note.
    #[error("{}", source.message(*lang))]
    Init {
        /// The language of the message.
        lang: Lang,
        /// What went wrong.
        source: init::InitError,
    },
    /// The output could not be written (or would have overwritten files that are not
    /// salur's).
    #[error("{}", source.message(*lang))]
    Output {
        /// The language of the message.
        lang: Lang,
        /// What went wrong.
        source: output::OutputError,
    },
}

impl Error {
    /// Whether the new site was published although the build reports an error (a step after
    /// the publish failed; see [`output::OutputError::SetelahTerbit`]): `salur build` exits 3.
    pub fn sudah_terbit(&self) -> bool {
        matches!(self, Error::Output { source, .. } if source.sudah_terbit())
    }

    /// The language the message is written in.
    pub fn lang(&self) -> Lang {
        match self {
            Error::Input { lang, .. }
            | Error::Render { lang, .. }
            | Error::Init { lang, .. }
            | Error::Output { lang, .. } => *lang,
        }
    }
}

/// A site read, validated and analysed: everything before rendering.
pub struct Loaded {
    /// The configuration.
    pub config: Config,
    /// The data.
    pub data: Dataset,
    /// The Markdown content.
    pub content: Content,
    /// The figures.
    pub report: Report,
    /// Warnings found while reading.
    pub warnings: Diagnostics,
}

/// Reads, validates and analyses the site at `root`. Every problem in every input is
/// collected before giving up.
pub fn load(root: &Path) -> Result<Loaded, Error> {
    load_timed(
        root,
        &analysis::privasi::Tembolok::default(),
        None,
        None,
        &mut Timings::default(),
    )
}

/// [`load`], taking the suppression decisions `tembolok` holds from the last build
/// ([`analysis::privasi::Tembolok`]) and, from `terbitan` (the published output folder, its
/// real path), the previous publication, whose figures and history of corrections make
/// [`Report::koreksi`] ([`data::koreksi`], [`analysis::koreksi`]). `base_url` overrides
/// site.toml's (`--base-url`, the preview's address): the previous publication is compared
/// only when it was published at the same address.
fn load_timed(
    root: &Path,
    tembolok: &analysis::privasi::Tembolok,
    terbitan: Option<&Path>,
    base_url: Option<String>,
    timings: &mut Timings,
) -> Result<Loaded, Error> {
    let mut config = Config::load(root).map_err(|diagnostics| Error::Input {
        lang: Config::bahasa(root),
        diagnostics,
    })?;
    if let Some(url) = base_url {
        config.base_url = url;
    }
    let lang = config.language;
    timings.lap("config");
    let mut problems = Diagnostics::new();
    let data = match data::load(root, &config) {
        Ok((data, warnings)) => {
            problems.extend(warnings);
            Some(data)
        }
        Err(d) => {
            problems.extend(d);
            None
        }
    };
    timings.lap("data");
    let content = match content::load(root, config.batas_markdown) {
        Ok(mut c) => {
            problems.extend(std::mem::take(&mut c.peringatan));
            Some(c)
        }
        Err(d) => {
            problems.extend(d);
            None
        }
    };
    timings.lap("content");
    let (Some(data), Some(mut content)) = (data, content) else {
        return Err(Error::Input {
            lang,
            diagnostics: problems,
        });
    };
    problems.extend(content::rapat::resolve(&mut content.rapat, &data));
    problems.extend(config.zona_bertentangan(data.wilayah.akar.iter().map(|&w| {
        let n = data.wilayah.node(w);
        (n.kode_teks.as_str(), n.nama.as_str())
    })));
    // the data's own cross-checks and the analysis read the same data: side by side
    let (temuan_data, mut analisis) = rayon::join(
        || data::periksa(&data, &config),
        || analysis::analyse_dengan(&data, &config, tembolok),
    );
    problems.extend(temuan_data);
    problems.extend(std::mem::take(&mut analisis.masalah));
    data::petakan_bagian(&data.inputs, &mut problems);
    if problems.has_errors() {
        return Err(Error::Input {
            lang,
            diagnostics: problems,
        });
    }
    problems.extend(content::rapat::date_warnings(
        &content.rapat,
        analisis.data_per(),
    ));
    let mut report = analisis.laporan(&data, &problems);
    timings.lap("analysis");
    if let Some(terbitan) = terbitan {
        // the rows are still here: payments after the previous publication's data day are
        // taken off before comparing (`analysis::koreksi::sesudah`)
        let (sebelumnya, peringatan) = data::koreksi::baca(
            terbitan,
            &config.base_url,
            &output::angka_terbit_path(terbitan),
            render::sidik_program(),
            config.batas_berkas,
        );
        // after the quality list: a warning about the output folder is the operator's, not a
        // finding about the data
        problems.extend(peringatan);
        report.koreksi = analysis::koreksi::hitung(&data, &report, sebelumnya, report.data_per);
        timings.lap("koreksi");
    }
    Ok(Loaded {
        config,
        data,
        content,
        report,
        warnings: problems,
    })
}

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Where to publish; `root/public` when `None`.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of `site.toml`.
    pub base_url: Option<String>,
}

/// How long each stage of a build took, in order.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    /// (stage, seconds)
    pub stages: Vec<(&'static str, f64)>,
    last: Option<Instant>,
}

impl Timings {
    fn start() -> Timings {
        Timings {
            stages: Vec::new(),
            last: Some(Instant::now()),
        }
    }

    /// Records that `stage` ended now.
    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        if let Some(last) = self.last {
            self.stages.push((stage, (now - last).as_secs_f64()));
        }
        self.last = Some(now);
    }
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    /// Files in the site.
    pub files: usize,
    /// What changed in the published folder.
    pub output: output::Ringkasan,
    /// Wall time.
    pub seconds: f64,
    /// Warnings found in the inputs (empty when the build found nothing changed since the last
    /// one and did no work: see `laporan_peringatan`).
    pub warnings: Diagnostics,
    /// The warnings as printed, in the site's language: this build's, or those of the last
    /// build when nothing changed since.
    pub laporan_peringatan: String,
    /// The language of the site.
    pub lang: Lang,
    /// Time per stage.
    pub timings: Timings,
}

/// `--base-url` checked as `base_url` is ([`config::periksa_base_url`]), before anything is
/// read: a bad one is an input error naming the option.
fn base_url_opsi(options: &BuildOptions) -> Result<Option<String>, Error> {
    let Some(url) = &options.base_url else {
        return Ok(None);
    };
    let lang = Config::bahasa(&options.root);
    // the address is printed on every page: the NIK guard, as for `base_url` in site.toml
    let mut diagnostics = Diagnostics::new();
    // as written, and as a browser shows it (percent-escapes decoded: `/%33575…`)
    if !teks::periksa_teks("--base-url", url, &mut diagnostics)
        || !teks::periksa_teks("--base-url", &terbaca::urai_persen(url), &mut diagnostics)
    {
        return Err(Error::Input { lang, diagnostics });
    }
    config::periksa_base_url(url).map(Some).map_err(|alasan| {
        diagnostics.push(diagnostics::Diagnostic::error(
            "--base-url",
            0,
            0,
            Some(url.trim()),
            diagnostics::Problem::BaseUrl(alasan),
        ));
        Error::Input { lang, diagnostics }
    })
}

/// How long a build waits for another build of the same output folder to finish before it
/// gives up (`salur build --wait`): ten minutes, longer than a full national build, so that a
/// second CI job or a cron run queued behind the first publishes after it (its own inputs, read
/// once the first is done) instead of failing; and bounded, so that a hung build is reported
/// rather than waited for forever.
pub const TUNGGU_BAWAAN: std::time::Duration = std::time::Duration::from_secs(600);

/// How a build runs, besides what it builds.
pub struct Kendali<'a> {
    /// Draw a progress bar of the pages on standard error.
    pub progress: bool,
    /// How long to wait for another build of the same output folder ([`TUNGGU_BAWAAN`]);
    /// `Duration::ZERO` refuses at once.
    pub tunggu: std::time::Duration,
    /// Told once, with the other build's process id when known, when this build has to wait.
    pub saat_menunggu: &'a dyn Fn(Option<u32>),
}

impl Default for Kendali<'_> {
    fn default() -> Self {
        Kendali {
            progress: false,
            tunggu: TUNGGU_BAWAAN,
            saat_menunggu: &|_| {},
        }
    }
}

/// Builds the site: reads and checks every input, renders every page into a staging folder and
/// publishes it only when everything succeeded. Waits up to [`TUNGGU_BAWAAN`] for another build
/// of the same output folder.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Error> {
    build_with(options, &Kendali::default())
}

/// Like [`build`], drawing a progress bar of the pages on standard error when `progress` is
/// true (the command line asks for it on a terminal, outside CI).
pub fn build_with_progress(options: &BuildOptions, progress: bool) -> Result<BuildSummary, Error> {
    build_with(
        options,
        &Kendali {
            progress,
            ..Kendali::default()
        },
    )
}

/// Like [`build`], run as `kendali` says.
///
/// One build at a time per output folder: the folder's lock ([`output::Kunci`]) is taken
/// before anything beside the folder is read (the manifest, what a killed build left) and held
/// until the build has published or given up. When the folder's parent does not exist yet,
/// there is nothing to read there, and the lock (whose file lies in that parent) is taken only
/// once the inputs have been read and the pages planned, so that a build refused for its inputs
/// creates nothing.
pub fn build_with(options: &BuildOptions, kendali: &Kendali) -> Result<BuildSummary, Error> {
    let started = Instant::now();
    let mut timings = Timings::start();
    let base_url = base_url_opsi(options)?;
    let public = options
        .output
        .clone()
        .unwrap_or_else(|| options.root.join("public"));
    let bahasa = Config::bahasa(&options.root);
    output::periksa_tujuan(&public, &options.root).map_err(|source| Error::Output {
        lang: bahasa,
        source,
    })?;
    let ambil = || output::Kunci::ambil(&public, kendali.tunggu, kendali.saat_menunggu);
    let mut kunci = if output::induk_ada(&public) {
        Some(ambil().map_err(|source| Error::Output {
            lang: bahasa,
            source,
        })?)
    } else {
        None
    };
    // Nothing changed since the last build (every input byte, salur itself, the options) and
    // nothing was touched in the published folder: the build would write the same bytes.
    // a file over the size limit is refused by the data stage from its size: never read here
    let batas =
        Config::load(&options.root).map_or(config::BATAS_BERKAS_MB << 20, |c| c.batas_berkas);
    let masukan = sidik_masukan(options, batas);
    if let Some(tersimpan) = kunci
        .as_ref()
        .zip(masukan)
        .and_then(|(k, m)| output::build_tersimpan(k, m))
    {
        timings.lap("unchanged");
        return Ok(BuildSummary {
            files: tersimpan.files,
            output: output::Ringkasan {
                ditulis: 0,
                tetap: tersimpan.files,
                dihapus: 0,
            },
            seconds: started.elapsed().as_secs_f64(),
            warnings: Diagnostics::new(),
            laporan_peringatan: tersimpan.peringatan,
            lang: tersimpan.lang,
            timings,
        });
    }
    // the last build's suppression decisions: a table that has not changed is not searched
    // again (`Tembolok`: two thirds of a national analysis)
    let tembolok = analysis::privasi::Tembolok::dari_bytes(
        &output::baca_tembolok(&output::jalur_nyata(&public), batas),
        render::sidik_program(),
    );
    timings.lap("inputs");
    let terbitan = output::jalur_nyata(&public);
    let loaded = load_timed(
        &options.root,
        &tembolok,
        Some(&terbitan),
        base_url,
        &mut timings,
    )?;
    let Loaded {
        config,
        mut data,
        content,
        report,
        warnings,
    } = loaded;
    data.lepas_baris();
    let lang = config.language;
    let rerr = |source| Error::Render { lang, source };
    periksa_tema(&options.root, &config)?;
    let renderer = render::Renderer::new(
        &options.root,
        &config,
        report.data_per,
        site::tautan_konten(&content),
    )
    .map_err(rerr)?;
    let statics = render::static_files(&options.root, &config).map_err(rerr)?;
    let nama_statis =
        site::BerkasStatis::dari(statics.iter().map(|(n, _)| n), render::statis_bawaan);
    let plan = site::Situs::plan(
        &config,
        &data,
        &report,
        &content,
        renderer.sidik_jari(),
        renderer.kata(),
        &nama_statis,
    )
    .map_err(|diagnostics| Error::Input { lang, diagnostics })?;
    timings.lap("site");

    let out = |source| Error::Output { lang, source };
    let kunci = match kunci.take() {
        Some(k) => k,
        None => ambil().map_err(out)?,
    };
    let mut staging = output::Staging::begin_terkunci(kunci, &options.root).map_err(out)?;
    let laporan_peringatan = if warnings.is_empty() {
        String::new()
    } else {
        warnings.report(lang)
    };
    if let Some(m) = masukan {
        staging.catat_masukan(m, lang, laporan_peringatan.clone());
    }
    // this build's decisions, for the next (a cache: a build that cannot write it still
    // publishes; the next one searches again)
    if report.privasi != tembolok && render::sidik_program() != 0 {
        let _ = staging.tulis_tembolok(&report.privasi.ke_bytes(render::sidik_program()));
    }
    // the figures published, for the next build's history of corrections (a cache too: the
    // next build checks that it names the publication it finds, else reads the download)
    if render::sidik_program() != 0 {
        let kunci = data::koreksi::kunci_terbitan(
            render::sidik_program(),
            &config.base_url,
            data.inputs
                .iter()
                .map(|i| (i.path.as_str(), i.sha256.as_str())),
        );
        let _ = staging.tulis_angka_terbit(&analysis::koreksi::simpanan(&data, &report, kunci));
    }
    let bar = if kendali.progress {
        let bar = indicatif::ProgressBar::new(plan.halaman.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let result = (|| -> Result<(), Error> {
        plan.halaman
            .par_iter()
            .try_for_each(|&h| -> Result<(), Error> {
                bar.inc(1);
                let path = plan.path(h);
                let sidik = plan.sidik_jari(h);
                if staging.keep_if_current(&path, sidik) {
                    return Ok(());
                }
                // the site-wide datasets run to hundreds of megabytes on a national site:
                // written as they are made, never held whole
                if let site::Halaman::Dataset(jenis) = h {
                    return staging
                        .write_stream(&path, sidik, |w| plan.tulis_dataset(jenis, w))
                        .map_err(out);
                }
                let html = renderer
                    .render_halaman(plan.template(h), plan.konteks(h))
                    .map_err(rerr)?;
                periksa_halaman(&plan, h, &html, lang)?;
                staging.write(&path, html.as_bytes(), sidik).map_err(out)?;
                Ok(())
            })?;
        for (path, bytes) in &statics {
            staging.write(path, bytes, 0).map_err(out)?;
        }
        Ok(())
    })();
    bar.finish_and_clear();
    if let Err(e) = result {
        staging.abort();
        return Err(e);
    }
    timings.lap("render");
    let files = plan.halaman.len() + statics.len();
    let ringkasan = staging.commit().map_err(out)?;
    timings.lap("output");
    Ok(BuildSummary {
        files,
        output: ringkasan,
        seconds: started.elapsed().as_secs_f64(),
        warnings,
        laporan_peringatan,
        lang: config.language,
        timings,
    })
}

/// A fingerprint of everything a build reads: the bytes of `site.toml` and of every file under
/// `data/`, `content/` and `themes/` (with their paths), the running salur executable and the
/// options that change the output. Symbolic links are followed, so a linked file's bytes are
/// in it (an edit of the target is a change); a link that leads outside the site folder is
/// left out, since a build refuses to read it ([`berkas`]). `None` when a file cannot be
/// read, or is larger than `batas` bytes, or links loop or lead nowhere, or something that is
/// not an ordinary file stands where `site.toml` is (the build then does the work and reports
/// it).
fn sidik_masukan(options: &BuildOptions, batas: u64) -> Option<u64> {
    use rayon::prelude::*;
    use std::hash::{Hash, Hasher};
    let root = &options.root;
    let situs = berkas::Situs::new(root);
    let mut files: Vec<PathBuf> = vec![root.join(config::CONFIG_FILE)];
    for dir in ["data", "content", "themes"] {
        let dir = root.join(dir);
        if !dir.exists() {
            continue;
        }
        let walker = walkdir::WalkDir::new(&dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !e.path_is_symlink() || situs.jalur_di_luar(e.path()).is_none());
        for entry in walker {
            let entry = entry.ok()?;
            // not only ordinary files: a pipe that appears is a change too (it is named in a
            // warning or refused), hashed by its kind below, never opened
            if !entry.file_type().is_dir() {
                files.push(entry.into_path());
            }
        }
    }
    let per_file: Vec<u64> = files
        .par_iter()
        .map(|path| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            path.strip_prefix(root).unwrap_or(path).hash(&mut h);
            // streamed, a megabyte at a time: an input may be larger than the memory the
            // data stage allows it (`batas_berkas_mb`), and is refused there. Only an
            // ordinary file inside the site folder is opened (`berkas::buka`): a pipe would
            // wait for a writer, a device never end; the build refuses both.
            if situs.jalur_di_luar(path).is_some() {
                return None;
            }
            match berkas::buka(path) {
                Ok(f) if f.metadata().is_ok_and(|m| m.len() > batas) => return None,
                Ok(mut f) => {
                    use std::io::Read;
                    let mut buf = vec![0u8; 1 << 20];
                    loop {
                        match f.read(&mut buf) {
                            Ok(0) => break,
                            Ok(n) => h.update(&buf[..n]),
                            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                            Err(_) => return None,
                        }
                    }
                }
                Err(berkas::Gagal::TidakAda) => {}
                Err(berkas::Gagal::Lain(jenis)) => format!("{jenis:?}").hash(&mut h),
                Err(berkas::Gagal::Io(_)) => return None,
            }
            Some(h.finish())
        })
        .collect::<Option<_>>()?;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    (
        env!("CARGO_PKG_VERSION"),
        render::sidik_program(),
        &options.base_url,
        per_file,
    )
        .hash(&mut h);
    Some(h.finish())
}

/// What a check found.
#[derive(Debug, Clone)]
pub struct CheckSummary {
    /// Warnings (the check passed).
    pub warnings: Diagnostics,
    /// Data-quality findings from the analysis.
    pub temuan: usize,
    /// The first 50 findings, one line each, in the site's language.
    pub catatan: Vec<String>,
    /// Pages the site would have.
    pub pages: usize,
    /// Every non-fatal finding of every check, as the "Kualitas data" page lists them.
    pub kualitas: Vec<site::kualitas::TemuanJson>,
    /// The language of the site.
    pub lang: Lang,
    /// What each `[[penerima]]` recipient list gave to the figures, to tie out against the
    /// source.
    pub penerima: Vec<data::penerima::RingkasPenerima>,
}

/// The NIK guard on the site's theme ([`render::periksa_tema`]): a NIK in a template, a UI
/// string or a static text file is an input error at its place.
fn periksa_tema(root: &Path, config: &Config) -> Result<(), Error> {
    let lang = config.language;
    let diagnostics =
        render::periksa_tema(root, config).map_err(|source| Error::Render { lang, source })?;
    if diagnostics.has_errors() {
        return Err(Error::Input { lang, diagnostics });
    }
    Ok(())
}

/// The last check of a rendered page ([`site::Situs::periksa_html`]): a NIK that got through
/// every earlier check is an input error naming the page's source.
fn periksa_halaman(
    plan: &site::Situs,
    h: site::Halaman,
    html: &str,
    lang: Lang,
) -> Result<(), Error> {
    match plan.periksa_html(h, html) {
        None => Ok(()),
        Some(d) => {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(d);
            Err(Error::Input { lang, diagnostics })
        }
    }
}

/// Runs every validation of a build (inputs, theme, every page's rendering) and writes nothing.
pub fn check(root: &Path) -> Result<CheckSummary, Error> {
    let loaded = load(root)?;
    let lang = loaded.config.language;
    let rerr = |source| Error::Render { lang, source };
    periksa_tema(root, &loaded.config)?;
    let renderer = render::Renderer::new(
        root,
        &loaded.config,
        loaded.report.data_per,
        site::tautan_konten(&loaded.content),
    )
    .map_err(rerr)?;
    let statics = render::static_files(root, &loaded.config).map_err(rerr)?;
    let nama_statis =
        site::BerkasStatis::dari(statics.iter().map(|(n, _)| n), render::statis_bawaan);
    let plan = site::Situs::plan(
        &loaded.config,
        &loaded.data,
        &loaded.report,
        &loaded.content,
        renderer.sidik_jari(),
        renderer.kata(),
        &nama_statis,
    )
    .map_err(|diagnostics| Error::Input { lang, diagnostics })?;
    plan.halaman
        .par_iter()
        // the site-wide datasets have no template to check, and run to hundreds of megabytes
        .filter(|h| !matches!(h, site::Halaman::Dataset(_)))
        .try_for_each(|&h| -> Result<(), Error> {
            let html = renderer
                .render_halaman(plan.template(h), plan.konteks(h))
                .map_err(rerr)?;
            periksa_halaman(&plan, h, &html, lang)
        })?;
    let catatan = plan
        .catatan_mutu(Diagnostics::LIMIT)
        .into_iter()
        .map(|c| {
            pesan!(
                lang,
                "perintah.catatan_temuan",
                wilayah = c.wilayah.label,
                kode = c.kode,
                program = c.program,
                tahap = c.tahap,
                penyalur = c.penyalur,
                dilaporkan = format::ribuan_u64(c.dilaporkan_kpm, lang),
                alokasi = format::ribuan_u64(c.alokasi_kpm, lang),
            )
        })
        .collect();
    Ok(CheckSummary {
        kualitas: plan.temuan_json(),
        catatan,
        temuan: loaded.report.jumlah_temuan_angka(),
        pages: plan.halaman.len(),
        penerima: loaded.data.penerima.clone(),
        warnings: loaded.warnings,
        lang: loaded.config.language,
    })
}
