//! The `salur` command line: subcommands only; the work is done by the library.
//!
//! Nothing here prints with `println!` or `eprintln!` (they panic when the write fails): every
//! line goes through `cmd::tulis` (the `keluar!` and `galat!` macros), and the lints below
//! keep it so.

#![deny(clippy::print_stdout, clippy::print_stderr)]

#[macro_use]
mod cmd;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use salur::lang::Lang;

/// mimalloc instead of glibc's allocator: a build allocates and frees millions of small
/// values (page contexts, strings); glibc's `malloc`/`free`/`malloc_consolidate` were 14 % of
/// a national build's samples.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// salur: a static site generator for social-aid (bansos) transparency (the help's words come
/// from the message catalogue, in the site's language: [`perintah`]).
#[derive(Parser)]
#[command(name = "salur", version, long_about = None)]
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

/// The language of `--help`: the site's (`language` in `site.toml` of `--root`, else of the
/// current folder), Indonesian when there is no site.
fn bahasa_cli(args: impl Iterator<Item = std::ffi::OsString>) -> Lang {
    let mut root = std::path::PathBuf::from(".");
    let mut args = args.peekable();
    while let Some(a) = args.next() {
        if a == "--root" {
            if let Some(r) = args.peek() {
                root = std::path::PathBuf::from(r);
            }
        } else if let Some(r) = a.to_str().and_then(|a| a.strip_prefix("--root=")) {
            root = std::path::PathBuf::from(r);
        }
    }
    salur::config::Config::bahasa(&root)
}

/// The command line with every help text, heading and the `-h`/`-V` flags in `lang`, from the
/// message catalogue (`cli.*`): a subcommand's words are `cli.<name>.about` and
/// `cli.<name>.<argument>`.
fn perintah(lang: Lang) -> clap::Command {
    let teks = |kunci| salur::pesan::teks(lang, kunci);
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        teks("cli.pemakaian")
    );
    let cmd = Cli::command()
        .about(teks("cli.about"))
        .disable_version_flag(true);
    let mut cmd = terjemahkan(cmd, lang, "cli", &template).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .help(teks("cli.versi"))
            .help_heading(teks("cli.judul_pilihan")),
    );
    // `salur help`, which clap adds when the command is built
    cmd.build();
    cmd.mut_subcommand("help", |c| c.about(teks("cli.help.about")))
}

/// `cmd` and its subcommands with the catalogue's words under `kunci` (`cli.build`).
fn terjemahkan(cmd: clap::Command, lang: Lang, kunci: &str, template: &str) -> clap::Command {
    // a key made at run time; the tests in tests/suite/bahasa.rs ask every command's help
    let teks = |k: String| salur::pesan::cari(lang, &k).unwrap_or_default();
    let judul_pilihan = salur::pesan::teks(lang, "cli.judul_pilihan");
    let judul_argumen = salur::pesan::teks(lang, "cli.judul_argumen");
    let mut cmd = cmd
        .help_template(template.to_string())
        .subcommand_help_heading(salur::pesan::teks(lang, "cli.judul_perintah"))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(salur::pesan::teks(lang, "cli.bantuan")),
        );
    if kunci != "cli" {
        cmd = cmd.about(teks(format!("{kunci}.about")));
    }
    // (id, positional, default values joined): clap's own `[default: …]` and list of possible
    // values are English, so the default is said by the catalogue and the values are in the
    // argument's words
    let args: Vec<(String, bool, String)> = cmd
        .get_arguments()
        .map(|a| {
            // a flag (`--timings`) has a default, `false`, that is not said
            let bawaan: Vec<String> = a
                .get_default_values()
                .iter()
                .filter(|_| a.get_action().takes_values())
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            (a.get_id().to_string(), a.is_positional(), bawaan.join(", "))
        })
        .collect();
    for (id, posisi, bawaan) in args {
        let bantuan = match id.as_str() {
            "help" | "version" => None,
            _ if bawaan.is_empty() => Some(teks(format!("{kunci}.{id}")).to_string()),
            _ => Some(format!(
                "{} {}",
                teks(format!("{kunci}.{id}")),
                salur::pesan!(lang, "cli.bawaan", nilai = bawaan)
            )),
        };
        cmd = cmd.mut_arg(&id, |a| {
            // only an argument that takes a value has a default or possible values to hide
            let nilai = a.get_action().takes_values();
            let ada_bawaan = nilai && !a.get_default_values().is_empty();
            let nilai = nilai && !a.get_possible_values().is_empty();
            let a = a
                .help_heading(if posisi { judul_argumen } else { judul_pilihan })
                .hide_default_value(ada_bawaan)
                .hide_possible_values(nilai);
            match bantuan {
                Some(b) => a.help(b),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for nama in subs {
        let sub_kunci = format!("{kunci}.{nama}");
        cmd = cmd.mut_subcommand(&nama, |c| terjemahkan(c, lang, &sub_kunci, template));
    }
    cmd
}

/// Turns transparent huge pages off for this process (`PR_SET_THP_DISABLE`). mimalloc asks
/// for them on its arenas (`madvise(MADV_HUGEPAGE)`) and hands freed pages back to the system
/// 4 KB at a time, so a build faults and zeroes 2 MB pages again and again: on the national
/// one-kelurahan correction a quarter of all samples were the kernel zeroing huge pages, and
/// turning them off took that build from 7.99 to 5.90 s (system time 3.85 → 1.27 s, data stage
/// 3.36 → 1.90 s) and its peak memory from 1,176 to 1,101 MB. Where the system has no such
/// switch, nothing changes.
fn tanpa_halaman_raksasa() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl(2) with an option that takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// The exit status of a command that did its work (`build`: the site is published) but could
/// not write what it had to say to standard output or error (a full disk, an I/O error).
const GAGAL_TULIS: u8 = 4;

fn main() -> ExitCode {
    tanpa_halaman_raksasa();
    // A closed standard output or error (`salur check --format json | head -c 1`) ends the
    // process quietly by SIGPIPE, as it ends `cat` or `grep` (status 141 in a shell), instead
    // of a panic of `println!` (exit 101). `serve` keeps SIGPIPE ignored, as Rust sets it (its
    // sockets must never raise it), and ends the same way when its own output is closed
    // (`cmd::serve`).
    cmd::sigpipe_bawaan(true);
    let lang = bahasa_cli(std::env::args_os().skip(1));
    let cli = match perintah(lang)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
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
                    salur::pesan::teks(e.lang(), "perintah.tidak_ada_yang_ditulis")
                );
            }
            ExitCode::from(1)
        }
    }
}
