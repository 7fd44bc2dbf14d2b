//! `salur serve`

use std::path::PathBuf;
use std::process::ExitCode;

use salur::lang::Lang;
use salur::pesan;
use salur::pratinjau::{OpsiPratinjau, Peristiwa, Pratinjau};

/// Arguments of `salur serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The site folder (with site.toml, data/, content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The port on 127.0.0.1; 0 picks any free port (printed with the address).
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Where the preview is built [default: <root>/.salur/serve]; never public/, so that a
    /// preview cannot change what is published.
    #[arg(long)]
    output: Option<PathBuf>,
}

/// Builds the preview, serves it on 127.0.0.1 and rebuilds it after every change, until
/// stopped with Ctrl+C.
pub fn execute(args: Args) -> ExitCode {
    let opsi = OpsiPratinjau {
        root: args.root.clone(),
        output: args.output.clone(),
        port: args.port,
    };
    let lang = salur::config::Config::bahasa(&args.root);
    let pratinjau = match Pratinjau::mulai(&opsi) {
        Ok(p) => p,
        Err(e) => {
            galat(&e.message(lang));
            return ExitCode::from(1);
        }
    };
    let lang = pratinjau.lang();
    match pratinjau.jalankan(|peristiwa| cetak(&peristiwa, lang)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            galat(&e.message(lang));
            ExitCode::from(1)
        }
    }
}

/// A line on standard output, flushed at once (a reader of a pipe, a test or a script, sees
/// each line as it happens). SIGPIPE stays ignored in `serve` (its sockets), so a closed
/// output is handled here: the preview ends quietly, as a pipe's other tools do.
fn baris(text: &str) {
    super::tulis(true, &format!("{text}\n"));
}

/// Text on standard error, with a line end when it has none.
fn galat(text: &str) {
    if text.is_empty() {
        return;
    }
    if text.ends_with('\n') {
        super::tulis(false, text);
    } else {
        super::tulis(false, &format!("{text}\n"));
    }
}

/// Prints what happened: build summaries and the address on standard output (a test or a
/// script reads the address there), warnings and errors on standard error.
fn cetak(peristiwa: &Peristiwa<'_>, lang: Lang) {
    match peristiwa {
        Peristiwa::Membangun { alasan } => {
            if !alasan.is_empty() {
                let daftar = alasan.join(", ");
                baris(&pesan!(lang, "perintah.serve_berubah", daftar = daftar));
            }
        }
        Peristiwa::Dibangun(summary) => {
            galat(&summary.laporan_peringatan);
            baris(&super::build::summary_line(summary, lang));
        }
        Peristiwa::Gagal(e) => {
            galat(&e.to_string());
            baris(salur::pesan::teks(lang, "perintah.serve_gagal"));
        }
        Peristiwa::Siap { url, output } => {
            baris(&pesan!(lang, "perintah.serve_siap", url = url));
            baris(&pesan!(
                lang,
                "perintah.serve_dibangun_di",
                folder = output.display()
            ));
        }
        Peristiwa::DiterbitkanLain { output } => baris(&pesan!(
            lang,
            "perintah.serve_diterbitkan_lain",
            folder = output.display()
        )),
        Peristiwa::Pengawas(pesan) => {
            galat(&pesan!(lang, "perintah.serve_pengawas", pesan = pesan))
        }
    }
}
