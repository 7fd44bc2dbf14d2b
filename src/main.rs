//! The `salur` command line: subcommands only; the work is done by the library.
//!
//! Nothing here prints with `println!` or `eprintln!` (they panic when the write fails): every
//! line goes through `cmd::tulis` (the `keluar!` and `galat!` macros), and the lints below
//! keep it so.

#![deny(clippy::print_stdout, clippy::print_stderr)]

#[macro_use]
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

/// The exit status of a command that did its work (`build`: the site is published) but could
/// not write what it had to say to standard output or error (a full disk, an I/O error).
const GAGAL_TULIS: u8 = 4;

fn main() -> ExitCode {
    // A closed standard output or error (`salur check --format json | head -c 1`) ends the
    // process quietly by SIGPIPE, as it ends `cat` or `grep` (status 141 in a shell), instead
    // of a panic of `println!` (exit 101). `serve` keeps SIGPIPE ignored, as Rust sets it (its
    // sockets must never raise it), and ends the same way when its own output is closed
    // (`cmd::serve`).
    cmd::sigpipe_bawaan(true);
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // help, version or a usage error, printed by clap, which says when it cannot
            // write instead of panicking
            let code = e.exit_code();
            return match e.print() {
                Err(p) if p.kind() == std::io::ErrorKind::BrokenPipe => cmd::akhiri_pipa_tertutup(),
                // help asked for and not shown: not a success
                Err(_) if code == 0 => ExitCode::from(GAGAL_TULIS),
                _ => ExitCode::from(u8::try_from(code).unwrap_or(2)),
            };
        }
    };
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
        Ok(selesai) => match cmd::gagal_tulis() {
            None => ExitCode::SUCCESS,
            // the work is done (a build published), but what it had to say was lost: said on
            // standard error when that still works, and neither 0 (something needs looking
            // at) nor 1 ("nothing was written")
            Some((keluar, sebab)) => {
                if keluar {
                    galat!("{}", selesai.pesan_gagal_tulis(keluar, &sebab));
                }
                ExitCode::from(GAGAL_TULIS)
            }
        },
        Err(e) => {
            let message = e.to_string();
            cmd::tulis(false, &message);
            if !message.ends_with('\n') {
                galat!();
            }
            if e.sudah_terbit() {
                // the new site is live and the message says what failed after it: neither
                // success (something needs looking at) nor 1 ("nothing was written")
                return ExitCode::from(3);
            }
            if is_build {
                galat!(
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
