//! The codes of `[[pengaduan]]` in `site.toml` checked against the data: a region in
//! `wilayah` must be in `wilayah.csv` and a programme in `program` in `program.csv`, or the
//! channel would silently show nowhere. Pure; which channels a page shows is
//! [`crate::site::pengaduan::untuk`].

use crate::config::{CONFIG_FILE, Pengaduan};
use crate::data::Dataset;
use crate::data::value::KodeWilayah;
use crate::diagnostics::{CodeKind, Diagnostic, Diagnostics, Problem, Severity};

/// Every unknown region or programme code of every entry, at its `site.toml` line and column,
/// with the nearest known code.
pub fn periksa(ds: &Dataset, pengaduan: &[Pengaduan]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for p in pengaduan {
        for (kode, line, column) in &p.wilayah {
            if KodeWilayah::parse(kode.as_bytes())
                .and_then(|k| ds.wilayah.get(k))
                .is_none()
            {
                diags.push_with(Severity::Error, || {
                    Diagnostic::error(
                        CONFIG_FILE,
                        *line,
                        *column,
                        Some(kode),
                        Problem::UnknownCode {
                            kind: CodeKind::Wilayah,
                            nearest: ds.wilayah.nearest(kode),
                            berkas: ds.berkas_kode(CodeKind::Wilayah),
                        },
                    )
                });
            }
        }
        for (kode, line, column) in &p.program {
            if !ds.program.iter().any(|q| q.kode.eq_ignore_ascii_case(kode)) {
                diags.push_with(Severity::Error, || {
                    Diagnostic::error(
                        CONFIG_FILE,
                        *line,
                        *column,
                        Some(kode),
                        Problem::UnknownCode {
                            kind: CodeKind::Program,
                            nearest: crate::dasar::saran::nearest(
                                kode,
                                ds.program.iter().map(|q| q.kode.as_str()),
                            ),
                            berkas: ds.berkas_kode(CodeKind::Program),
                        },
                    )
                });
            }
        }
    }
    diags
}
