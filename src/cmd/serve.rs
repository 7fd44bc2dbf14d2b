//! `salur serve`

use std::path::PathBuf;
use std::process::ExitCode;

use salur::lang::Lang;
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
                match lang {
                    Lang::Id => baris(&format!("Berubah: {daftar}; membangun ulang…")),
                    Lang::En => baris(&format!("Changed: {daftar}; rebuilding…")),
                }
            }
        }
        Peristiwa::Dibangun(summary) => {
            galat(&summary.laporan_peringatan);
            baris(&super::build::summary_line(summary, lang));
        }
        Peristiwa::Gagal(e) => {
            galat(&e.to_string());
            match lang {
                Lang::Id => baris(
                    "Build gagal (rinciannya di atas dan di peramban); pratinjau menunggu \
                     perbaikan.",
                ),
                Lang::En => baris(
                    "Build failed (details above and in the browser); the preview waits for a \
                     fix.",
                ),
            }
        }
        Peristiwa::Siap { url, output } => match lang {
            Lang::Id => {
                baris(&format!("Pratinjau: {url}"));
                baris(&format!(
                    "(dibangun di {}; public/ tidak disentuh; berhenti dengan Ctrl+C)",
                    output.display()
                ));
            }
            Lang::En => {
                baris(&format!("Preview: {url}"));
                baris(&format!(
                    "(built in {}; public/ is not touched; stop with Ctrl+C)",
                    output.display()
                ));
            }
        },
        Peristiwa::DiterbitkanLain { output } => match lang {
            Lang::Id => baris(&format!(
                "Folder pratinjau {} diterbitkan oleh build lain (bukan salur serve: alamat \
                 di halamannya bukan alamat pratinjau); membangun ulang pratinjau…",
                output.display()
            )),
            Lang::En => baris(&format!(
                "The preview folder {} was published by another build (not salur serve: its \
                 pages carry another address than the preview's); rebuilding the preview…",
                output.display()
            )),
        },
        Peristiwa::Pengawas(pesan) => match lang {
            Lang::Id => galat(&format!("pengawas berkas: {pesan}")),
            Lang::En => galat(&format!("file watcher: {pesan}")),
        },
    }
}
