//! The foundation under the stages: what every reader and writer needs the same way, owned by
//! no stage, so that the stages' imports run one way (config, data, content → analysis →
//! site → render → output, each using `dasar`, `teks`, `berkas`, `diagnostics` below them,
//! never each other sideways).
//!
//! - [`baca`]: a text file read as the operator's editor shows it (UTF-8 checked at its place,
//!   every line ending `\n`);
//! - [`tempat`]: places in a text (line and column of an offset, a cursor for many offsets in
//!   order) and in a worksheet (column letters);
//! - [`saran`]: "did you mean": the nearest known value to a mistyped one;
//! - [`nilai`]: values read the same way by several stages (a TOML date, a time of day, a
//!   trimmed cell);
//! - [`toml`]: what the TOML parser reports, in the site's words;
//! - [`csv`]: the CSV writer of every download (spreadsheet-safe cells, typed columns);
//! - [`panik`]: a third-party reader's panic on a damaged file caught as its message.

pub mod baca;
pub mod csv;
pub mod nilai;
pub mod panik;
pub mod saran;
pub mod tempat;
pub mod toml;
pub mod varint;
