//! `salur build`

use std::path::PathBuf;

use salur::lang::Lang;
use salur::pesan;

/// Arguments of `salur build`.
#[derive(clap::Args)]
pub struct Args {
    /// The site folder (with site.toml, data/, content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the site [default: <root>/public].
    #[arg(long)]
    output: Option<PathBuf>,
    /// The URL the site will be published at (overrides base_url in site.toml).
    #[arg(long)]
    base_url: Option<String>,
    /// Print the time each stage took.
    #[arg(long)]
    timings: bool,
    /// How long to wait, in seconds, for another build writing to the same output folder
    /// before giving up (0: give up at once).
    #[arg(long, value_name = "SECONDS", default_value_t = salur::TUNGGU_BAWAAN.as_secs())]
    wait: u64,
}

/// Builds the site and prints one summary line.
pub fn execute(args: Args) -> Result<super::Selesai, salur::Error> {
    use std::io::IsTerminal;
    // a progress bar only for a person watching a terminal, never in CI logs
    let progress = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let lang = salur::config::Config::bahasa(&args.root);
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.root.join("public"));
    let wait = args.wait;
    // said once, on standard error, so that a build that seems to hang says why
    let saat_menunggu = |pid: Option<u32>| {
        let siapa = match pid {
            Some(pid) => pesan!(lang, "perintah.build_lain_pid", pid = pid),
            None => pesan!(lang, "perintah.build_lain"),
        };
        galat!(
            "{}",
            pesan!(
                lang,
                "perintah.menunggu",
                siapa = siapa,
                folder = output.display(),
                wait = wait
            )
        )
    };
    let summary = salur::build_with(
        &salur::BuildOptions {
            root: args.root.clone(),
            output: args.output.clone(),
            base_url: args.base_url.clone(),
        },
        &salur::Kendali {
            progress,
            tunggu: std::time::Duration::from_secs(args.wait),
            saat_menunggu: &saat_menunggu,
        },
    )?;
    super::tulis(false, &summary.laporan_peringatan);
    if args.timings {
        for (stage, seconds) in &summary.timings.stages {
            galat!("{stage:>10} {seconds:8.3} s");
        }
    }
    keluar!("{}", summary_line(&summary, summary.lang));
    Ok(super::Selesai::new(
        summary.lang,
        super::Pekerjaan::Terbit(output.clone()),
    ))
}

/// The one line a build ends with: files written, unchanged, removed, seconds.
pub fn summary_line(summary: &salur::BuildSummary, lang: Lang) -> String {
    let o = summary.output;
    // seconds with the language's decimal separator: `1,25 detik`, `1.25 s`
    let detik =
        format!("{:.2}", summary.seconds).replace('.', &lang.decimal_separator().to_string());
    pesan!(
        lang,
        "perintah.ringkasan_build",
        berkas = summary.files,
        ditulis = o.ditulis,
        tetap = o.tetap,
        dihapus = o.dihapus,
        detik = detik
    )
}
