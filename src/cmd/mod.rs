//! One module per subcommand: argument parsing and printing, nothing else.
//!
//! Everything a command prints goes through [`tulis`] (the macros [`keluar!`] and [`galat!`]
//! are `println!` and `eprintln!` through it), never through `println!`, which panics when the
//! write fails (`salur build >/dev/full`: exit 101 after publishing). A closed pipe ends the
//! process quietly, as it ends any Unix tool; any other failure (a full disk, an I/O error) is
//! remembered ([`gagal_tulis`]) and the command goes on: `main` then exits 4 and says so on
//! standard error when it can.

/// `println!` through [`tulis`]: a line on standard output that never panics.
macro_rules! keluar {
    () => {
        $crate::cmd::tulis(true, "\n")
    };
    ($($arg:tt)*) => {
        $crate::cmd::tulis(true, &format!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` through [`tulis`]: a line on standard error that never panics.
macro_rules! galat {
    () => {
        $crate::cmd::tulis(false, "\n")
    };
    ($($arg:tt)*) => {
        $crate::cmd::tulis(false, &format!("{}\n", format_args!($($arg)*)))
    };
}

pub mod build;
pub mod check;
pub mod init;
pub mod jadwal;
pub mod new;
pub mod serve;

use salur::diagnostics::Diagnostics;
use salur::init::InitError;
use salur::lang::Lang;
use salur::pesan;
use salur::pesan::teks;

/// Prints warnings to standard error.
pub fn print_warnings(warnings: &Diagnostics, lang: Lang) {
    if !warnings.is_empty() {
        tulis(false, &warnings.report(lang));
    }
}

/// What a command did, for `main` to say when what it printed could not be written (exit
/// status 4).
pub struct Selesai {
    /// The language of the site.
    pub lang: Lang,
    /// What was done.
    pub pekerjaan: Pekerjaan,
}

/// What a command did.
pub enum Pekerjaan {
    /// `build`: the site is published in this folder.
    Terbit(std::path::PathBuf),
    /// `check`: no errors.
    Periksa,
    /// Anything else (`init`, `new`, `jadwal usul`).
    Lain,
}

impl Selesai {
    /// `lang`, `pekerjaan`.
    pub fn new(lang: Lang, pekerjaan: Pekerjaan) -> Selesai {
        Selesai { lang, pekerjaan }
    }

    /// What to say when the command's output could not be written: `keluar` says which
    /// stream failed (standard output, else error), `sebab` why.
    pub fn pesan_gagal_tulis(&self, keluar: bool, sebab: &str) -> String {
        let lang = self.lang;
        let aliran = teks(
            lang,
            if keluar {
                "perintah.aliran_keluar"
            } else {
                "perintah.aliran_galat"
            },
        );
        match &self.pekerjaan {
            Pekerjaan::Terbit(out) => pesan!(
                lang,
                "perintah.gagal_tulis_terbit",
                folder = out.display(),
                aliran = aliran,
                sebab = sebab
            ),
            Pekerjaan::Periksa => pesan!(
                lang,
                "perintah.gagal_tulis_periksa",
                aliran = aliran,
                sebab = sebab
            ),
            Pekerjaan::Lain => pesan!(
                lang,
                "perintah.gagal_tulis_lain",
                aliran = aliran,
                sebab = sebab
            ),
        }
    }
}

/// Today in the computer's time zone: the date a new meeting note gets.
pub fn hari_ini() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// An `init`/`new` error as the library's error, in `lang`.
pub fn init_error(lang: Lang, source: InitError) -> salur::Error {
    salur::Error::Init { lang, source }
}

/// Sets SIGPIPE to its default disposition (`true`: a write to a closed pipe ends the process
/// quietly, like any Unix tool) or back to ignored (`false`, as Rust starts a program).
pub fn sigpipe_bawaan(bawaan: bool) {
    #[cfg(unix)]
    // SAFETY: signal(2) with a valid signal and disposition, before any thread starts.
    unsafe {
        libc::signal(
            libc::SIGPIPE,
            if bawaan { libc::SIG_DFL } else { libc::SIG_IGN },
        );
    }
    #[cfg(not(unix))]
    let _ = bawaan;
}

/// Ends the process as a closed pipe ends a Unix tool: by SIGPIPE, quietly (141 in a shell;
/// exit status 141 where there are no signals).
pub fn akhiri_pipa_tertutup() -> ! {
    #[cfg(unix)]
    {
        sigpipe_bawaan(true);
        // SAFETY: raise(2) with a valid signal number.
        unsafe {
            libc::raise(libc::SIGPIPE);
        }
    }
    std::process::exit(141)
}

/// The first failure to write to standard output or error that was not a closed pipe:
/// (standard output?, the system's message).
static GAGAL_TULIS: std::sync::Mutex<Option<(bool, String)>> = std::sync::Mutex::new(None);

/// Writes `text` to standard output (`keluar`) or error, and flushes it; a closed pipe ends
/// the process quietly ([`akhiri_pipa_tertutup`]); any other failure to write (a full disk,
/// an I/O error) is remembered for [`gagal_tulis`] and the work goes on (a message that cannot
/// be shown must not stop it, and must never panic).
pub fn tulis(keluar: bool, text: &str) {
    use std::io::Write;
    let hasil = if keluar {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    } else {
        let mut err = std::io::stderr().lock();
        err.write_all(text.as_bytes()).and_then(|()| err.flush())
    };
    match hasil {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => akhiri_pipa_tertutup(),
        Err(e) => {
            let mut gagal = GAGAL_TULIS
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            gagal.get_or_insert((keluar, e.to_string()));
        }
    }
}

/// The first failure of [`tulis`], if any: (standard output?, the system's message).
pub fn gagal_tulis() -> Option<(bool, String)> {
    GAGAL_TULIS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone()
}
