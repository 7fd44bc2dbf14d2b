//! `salur build`

use std::path::PathBuf;

use salur::lang::Lang;

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
}

/// Builds the site and prints one summary line.
pub fn execute(args: Args) -> Result<(), salur::Error> {
    use std::io::IsTerminal;
    // a progress bar only for a person watching a terminal, never in CI logs
    let progress = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let summary = salur::build_with_progress(
        &salur::BuildOptions {
            root: args.root.clone(),
            output: args.output.clone(),
            base_url: args.base_url.clone(),
        },
        progress,
    )?;
    eprint!("{}", summary.laporan_peringatan);
    if args.timings {
        for (stage, seconds) in &summary.timings.stages {
            eprintln!("{stage:>10} {seconds:8.3} s");
        }
    }
    print_summary(&summary, summary.lang);
    Ok(())
}

/// The one line a build ends with: files written, unchanged, removed, seconds.
pub fn print_summary(summary: &salur::BuildSummary, lang: Lang) {
    let o = summary.output;
    match lang {
        Lang::Id => println!(
            "{} berkas: {} ditulis, {} tidak berubah, {} dihapus; {} detik",
            summary.files,
            o.ditulis,
            o.tetap,
            o.dihapus,
            format!("{:.2}", summary.seconds).replace('.', ",")
        ),
        Lang::En => println!(
            "{} files: {} written, {} unchanged, {} removed; {:.2} s",
            summary.files, o.ditulis, o.tetap, o.dihapus, summary.seconds
        ),
    }
}
