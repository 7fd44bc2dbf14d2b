//! Generates the national benchmark site.
//!
//! ```sh
//! cargo run --release --example national -- --out target/bench/national --rows 5000000
//! ```
//!
//! See `BENCHMARKS.md` and `bench/run.sh`.

mod generator;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut options = generator::Options {
        out: PathBuf::from("target/bench/national"),
        rows: 5_000_000,
        seed: 1,
        vendor: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vendor/idn-area-data-4.0.1"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let ok = match (arg.as_str(), value) {
            ("--out", Some(v)) => {
                options.out = PathBuf::from(v);
                true
            }
            ("--rows", Some(v)) => v.parse().map(|n| options.rows = n).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|n| options.seed = n).is_ok(),
            ("--vendor", Some(v)) => {
                options.vendor = PathBuf::from(v);
                true
            }
            _ => false,
        };
        if !ok {
            eprintln!(
                "usage: national [--out DIR] [--rows N] [--seed N] [--vendor DIR]\n\
                 bad or incomplete argument: {arg}"
            );
            return ExitCode::from(2);
        }
    }
    match generator::generate(&options) {
        Ok(s) => {
            println!(
                "{}: {} wilayah ({} desa/kelurahan), {} alokasi rows, {} realisasi rows ({} gagal), {} jadwal rows, {} laporan_penyalur rows",
                options.out.display(),
                s.wilayah,
                s.desa,
                s.alokasi,
                s.realisasi,
                s.gagal,
                s.jadwal,
                s.laporan
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("national: {e}");
            ExitCode::from(1)
        }
    }
}
