//! salur's end-to-end tests, one binary with a module per area (as ripgrep's are): each module
//! used to be its own test binary, and 28 binaries each linking the whole crate made a clean
//! `cargo test` spend most of its time linking. Shared helpers and the example site built once
//! for all of them are in `common`.
//!
//! Run one area with a filter on its module: `cargo test --test suite bad_input`,
//! `cargo test --test suite browser::`.

mod common;

mod anggaran;
mod arsitektur;
mod asal;
mod bad_input;
mod bahasa;
mod banding;
mod batas;
mod browser;
mod cakupan;
mod cari;
mod example_site;
mod gagal;
mod grafik;
mod incremental;
mod init;
mod inputs;
mod jadwal;
mod kalender_rw;
mod kill;
mod koreksi;
mod kualitas;
mod markup;
mod mesin;
mod national;
mod notes;
mod parket;
mod penerima;
mod perubahan;
mod peta;
mod properti;
mod rekonsiliasi;
mod ringkas;
mod robustness;
mod rollup;
mod serentak;
mod serve;
mod spreadsheet;
mod tema;
mod templates;
mod terbit;
mod tren;
mod unduh;
mod verval;
mod warga;
mod warga_halaman;
