//! `salur jadwal usul`

use std::path::PathBuf;

use salur::pesan;

/// Arguments of `salur jadwal`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    perintah: Perintah,
}

#[derive(clap::Subcommand)]
enum Perintah {
    /// Propose data/jadwal.csv from data/rw.csv and [jadwal.usul] in site.toml.
    Usul {
        /// The site folder (with site.toml and data/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the schedule (`-` for standard output); default data/jadwal.csv.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
}

/// Runs the subcommand.
pub fn execute(args: Args) -> Result<super::Selesai, salur::Error> {
    let Perintah::Usul {
        root,
        output,
        force,
    } = args.perintah;
    let usul = salur::usul_jadwal(&root)?;
    let target = output.unwrap_or_else(|| root.join("data/jadwal.csv"));
    if target.as_os_str() == "-" {
        super::tulis(true, &usul.csv);
        return Ok(super::Selesai::new(usul.lang, super::Pekerjaan::Lain));
    }
    let gagal = |problem: salur::diagnostics::Problem| {
        let mut diagnostics = salur::diagnostics::Diagnostics::new();
        diagnostics.push(salur::diagnostics::Diagnostic::error(
            &target.display().to_string(),
            0,
            0,
            None,
            problem,
        ));
        salur::Error::Input {
            lang: usul.lang,
            diagnostics,
        }
    };
    if target.exists() && !force {
        return Err(gagal(salur::diagnostics::Problem::SudahAda));
    }
    std::fs::write(&target, &usul.csv)
        .map_err(|e| gagal(salur::diagnostics::Problem::Io(e.to_string())))?;
    keluar!(
        "{}",
        pesan!(
            usul.lang,
            "perintah.jadwal_usul",
            berkas = target.display(),
            slot = usul.slot,
            titik = usul.titik_bayar,
            kpm = salur::format::ribuan(usul.kpm as i64, usul.lang)
        )
    );
    Ok(super::Selesai::new(usul.lang, super::Pekerjaan::Lain))
}
