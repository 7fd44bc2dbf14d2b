//! One module per subcommand: argument parsing and printing, nothing else.

pub mod build;
pub mod check;
pub mod init;
pub mod jadwal;
pub mod new;
pub mod serve;

use salur::diagnostics::Diagnostics;
use salur::init::InitError;
use salur::lang::Lang;

/// Prints warnings to standard error.
pub fn print_warnings(warnings: &Diagnostics, lang: Lang) {
    if !warnings.is_empty() {
        eprint!("{}", warnings.report(lang));
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

/// Writes `text` to standard output (`keluar`) or error, and flushes it; a closed pipe ends
/// the process quietly ([`akhiri_pipa_tertutup`]), any other failure to write is ignored (a
/// message that cannot be shown must not stop the work).
pub fn tulis(keluar: bool, text: &str) {
    use std::io::Write;
    let hasil = if keluar {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes()).and_then(|()| out.flush())
    } else {
        std::io::stderr().lock().write_all(text.as_bytes())
    };
    if hasil.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
        akhiri_pipa_tertutup();
    }
}
