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
