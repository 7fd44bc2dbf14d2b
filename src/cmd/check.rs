//! `salur check`

use std::path::PathBuf;

use salur::lang::Lang;

/// Arguments of `salur check`.
#[derive(clap::Args)]
pub struct Args {
    /// The site folder (with site.toml, data/, content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// Checks the site and prints what was found.
pub fn execute(args: Args) -> Result<(), salur::Error> {
    let summary = salur::check(&args.root)?;
    super::print_warnings(&summary.warnings, summary.lang);
    for line in &summary.catatan {
        match summary.lang {
            Lang::Id => eprintln!("catatan mutu: {line}"),
            Lang::En => eprintln!("data quality: {line}"),
        }
    }
    match summary.lang {
        Lang::Id => println!(
            "Tidak ada kesalahan: {} halaman siap dibangun; {} peringatan, {} catatan mutu data.",
            summary.pages,
            summary.warnings.warning_count(),
            summary.temuan
        ),
        Lang::En => println!(
            "No errors: {} pages ready to build; {} warnings, {} data-quality notes.",
            summary.pages,
            summary.warnings.warning_count(),
            summary.temuan
        ),
    }
    Ok(())
}
