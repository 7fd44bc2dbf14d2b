//! `salur new rapat "Judul"`

use std::path::PathBuf;

use salur::config::Config;
use salur::pesan;

/// Arguments of `salur new`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// A meeting note: content/rapat/<date>-<title>.md, a draft with every key to fill in.
    Rapat {
        /// The meeting's title.
        judul: String,
        /// The meeting's day (YYYY-MM-DD) [default: today].
        #[arg(long)]
        tanggal: Option<jiff::civil::Date>,
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

/// Writes the file and prints its path.
pub fn execute(args: Args) -> Result<super::Selesai, salur::Error> {
    match args.what {
        What::Rapat {
            judul,
            tanggal,
            root,
        } => {
            let lang = Config::bahasa(&root);
            let tanggal = tanggal.unwrap_or_else(super::hari_ini);
            let rel = salur::init::rapat_baru(&root, &judul, tanggal, lang)
                .map_err(|e| super::init_error(lang, e))?;
            keluar!("{}", pesan!(lang, "perintah.rapat_ditulis", berkas = rel));
            Ok(super::Selesai::new(lang, super::Pekerjaan::Lain))
        }
    }
}
