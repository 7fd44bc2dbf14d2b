//! One module per subcommand: argument parsing and printing, nothing else.

pub mod build;
pub mod check;
pub mod jadwal;

use salur::diagnostics::Diagnostics;
use salur::lang::Lang;

/// Prints warnings to standard error.
pub fn print_warnings(warnings: &Diagnostics, lang: Lang) {
    if !warnings.is_empty() {
        eprint!("{}", warnings.report(lang));
    }
}
