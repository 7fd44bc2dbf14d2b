//! `salur serve`

use std::io::Write;
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
            eprintln!("{}", e.message(lang));
            return ExitCode::from(1);
        }
    };
    let lang = pratinjau.lang();
    match pratinjau.jalankan(|peristiwa| cetak(&peristiwa, lang)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::from(1)
        }
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
                    Lang::Id => println!("Berubah: {daftar}; membangun ulang…"),
                    Lang::En => println!("Changed: {daftar}; rebuilding…"),
                }
            }
        }
        Peristiwa::Dibangun(summary) => {
            eprint!("{}", summary.laporan_peringatan);
            super::build::print_summary(summary, lang);
        }
        Peristiwa::Gagal(e) => {
            let message = e.to_string();
            eprint!("{message}");
            if !message.ends_with('\n') {
                eprintln!();
            }
            match lang {
                Lang::Id => println!(
                    "Build gagal (rinciannya di atas dan di peramban); pratinjau menunggu \
                     perbaikan."
                ),
                Lang::En => println!(
                    "Build failed (details above and in the browser); the preview waits for a \
                     fix."
                ),
            }
        }
        Peristiwa::Siap { url, output } => match lang {
            Lang::Id => {
                println!("Pratinjau: {url}");
                println!(
                    "(dibangun di {}; public/ tidak disentuh; berhenti dengan Ctrl+C)",
                    output.display()
                );
            }
            Lang::En => {
                println!("Preview: {url}");
                println!(
                    "(built in {}; public/ is not touched; stop with Ctrl+C)",
                    output.display()
                );
            }
        },
        Peristiwa::Pengawas(pesan) => match lang {
            Lang::Id => eprintln!("pengawas berkas: {pesan}"),
            Lang::En => eprintln!("file watcher: {pesan}"),
        },
    }
    // a reader of a pipe (a test, a script) sees each line as it happens
    let _ = std::io::stdout().flush();
}
