//! A text file read as the operator's editor shows it.

use std::path::Path;

use crate::dasar::tempat::line_column;
use crate::diagnostics::{Diagnostic, Problem};

/// `text` with every line ending written `\n`: CRLF (Windows) and a lone CR (old Mac OS, some
/// Windows tools and exports) each end one line, as a text editor counts them, so that the
/// front matter is found and every message names the line the editor shows. Mixed endings
/// in one file are read the same way.
///
/// ```
/// use salur::dasar::baca::baris_lf;
/// assert_eq!(baris_lf("+++\rjudul = \"A\"\r\n+++\r\rIsi.".to_string()),
///            "+++\njudul = \"A\"\n+++\n\nIsi.");
/// ```
pub fn baris_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

/// Reads the text file `path` (`rel` from the site root, for messages), its line endings
/// made `\n` ([`baris_lf`]): a file that is not UTF-8 is reported at its first bad byte,
/// with the line it is on. Only an ordinary file is opened ([`crate::berkas::baca`]: never a
/// pipe or a device).
pub fn baca_teks(path: &Path, rel: &str) -> Result<String, Box<Diagnostic>> {
    let bytes = crate::berkas::baca(path)
        .map_err(|e| Box::new(Diagnostic::error(rel, 0, 0, None, e.problem())))?;
    String::from_utf8(bytes).map(baris_lf).map_err(|e| {
        let bytes = e.as_bytes();
        let valid = e.utf8_error().valid_up_to();
        let akhir_baris = |b: &u8| matches!(b, b'\n' | b'\r');
        let line_start = bytes[..valid]
            .iter()
            .rposition(akhir_baris)
            .map_or(0, |p| p + 1);
        let line_end = bytes[valid..]
            .iter()
            .position(akhir_baris)
            .map_or(bytes.len(), |p| valid + p);
        let prefix = baris_lf(
            std::str::from_utf8(&bytes[..valid])
                .unwrap_or_default()
                .to_string(),
        );
        let (line, column) = line_column(&prefix, prefix.len());
        let value = String::from_utf8_lossy(&bytes[line_start..line_end]);
        Box::new(Diagnostic::error(
            rel,
            line,
            column,
            Some(value.trim()),
            Problem::BerkasBukanUtf8,
        ))
    })
}
