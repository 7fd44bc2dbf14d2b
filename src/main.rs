//! The `salur` command line: subcommands only; the work is done by the library.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// salur: a static site generator for social-aid (bansos) transparency.
#[derive(Parser)]
#[command(name = "salur", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or --output).
    Build(cmd::build::Args),
    /// Check every input and template; write nothing.
    Check(cmd::check::Args),
    /// Make a new site for a kabupaten/kota or provinsi, with its real kelurahan and desa.
    Init(cmd::init::Args),
    /// Make a new file from a skeleton: `salur new rapat "Judul"`.
    New(cmd::new::Args),
    /// Payment schedules: `salur jadwal usul` proposes data/jadwal.csv.
    Jadwal(cmd::jadwal::Args),
    /// Preview the site on 127.0.0.1, rebuilt and reloaded after every change.
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    // A closed standard output or error (`salur check --format json | head -c 1`) ends the
    // process quietly by SIGPIPE, as it ends `cat` or `grep` (status 141 in a shell), instead
    // of a panic of `println!` (exit 101). `serve` keeps SIGPIPE ignored, as Rust sets it (its
    // sockets must never raise it), and ends the same way when its own output is closed
    // (`cmd::serve`).
    cmd::sigpipe_bawaan(true);
    let cli = Cli::parse();
    if matches!(cli.command, Command::Serve(_)) {
        cmd::sigpipe_bawaan(false);
    }
    let is_build = matches!(cli.command, Command::Build(_));
    let result = match cli.command {
        Command::Build(args) => cmd::build::execute(args),
        Command::Check(args) => cmd::check::execute(args),
        Command::Jadwal(args) => cmd::jadwal::execute(args),
        Command::Init(args) => cmd::init::execute(args),
        Command::New(args) => cmd::new::execute(args),
        // runs until stopped; a failed build is shown, not returned
        Command::Serve(args) => return cmd::serve::execute(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let message = e.to_string();
            eprint!("{message}");
            if !message.ends_with('\n') {
                eprintln!();
            }
            if e.sudah_terbit() {
                // the new site is live and the message says what failed after it: neither
                // success (something needs looking at) nor 1 ("nothing was written")
                return ExitCode::from(3);
            }
            if is_build {
                eprintln!(
                    "{}",
                    match e.lang() {
                        salur::lang::Lang::Id => {
                            "Tidak ada berkas yang ditulis; situs yang sudah terbit tetap seperti sebelumnya."
                        }
                        salur::lang::Lang::En => {
                            "No file was written; the published site is as it was."
                        }
                    }
                );
            }
            ExitCode::from(1)
        }
    }
}
