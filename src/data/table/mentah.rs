//! A file's bytes before they are a table: which delimiter its header uses, whether it is text at
//! all, and where its quotes do not balance.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Detects the delimiter from the header line: the most frequent of `,` `;` tab `|` outside
/// quotes (`|` as DTKS and SIKS-NG exports write it), the earlier in that list on a tie.
pub(super) fn detect_delimiter(bytes: &[u8]) -> u8 {
    const PEMISAH: [u8; 4] = [b',', b';', b'\t', b'|'];
    let line_end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len());
    let mut counts = [0usize; PEMISAH.len()];
    let mut quoted = false;
    for &b in &bytes[..line_end] {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(i) = PEMISAH.iter().position(|&p| p == b) {
            counts[i] += 1;
        }
    }
    let best = (0..PEMISAH.len())
        .max_by_key(|&i| (counts[i], PEMISAH.len() - i))
        .unwrap_or(0);
    PEMISAH[best]
}

/// What a file holds when it is not text, and the line where that shows (0: the whole file):
/// UTF-16 (with a byte-order mark, or ASCII with every other byte NUL), a workbook, PDF or
/// image by its signature, NUL bytes anywhere, control bytes in its first line.
pub(super) fn bukan_teks(bytes: &[u8]) -> Option<(u64, JenisBerkas)> {
    const TANDA: &[(&[u8], JenisBerkas)] = &[
        (b"\xFF\xFE", JenisBerkas::Utf16),
        (b"\xFE\xFF", JenisBerkas::Utf16),
        (b"PK\x03\x04", JenisBerkas::Zip),
        (b"PK\x05\x06", JenisBerkas::Zip),
        (b"\xD0\xCF\x11\xE0", JenisBerkas::Xls),
        (b"%PDF", JenisBerkas::Pdf),
        (b"\x89PNG", JenisBerkas::Gambar),
        (b"\xFF\xD8\xFF", JenisBerkas::Gambar),
        (b"GIF8", JenisBerkas::Gambar),
    ];
    if let Some((_, jenis)) = TANDA.iter().find(|(t, _)| bytes.starts_with(t)) {
        return Some((0, *jenis));
    }
    // UTF-16 without a byte-order mark: ASCII text with a NUL before or after every byte
    let awal = &bytes[..bytes.len().min(64)];
    if awal.len() >= 4 {
        let genap = awal.iter().step_by(2).all(|&b| b == 0);
        let ganjil = awal.iter().skip(1).step_by(2).all(|&b| b == 0);
        if genap != ganjil {
            return Some((0, JenisBerkas::Utf16));
        }
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let line = 1 + bytes[..nul].iter().filter(|&&b| b == b'\n').count() as u64;
        return Some((line, JenisBerkas::Biner));
    }
    let pertama = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    pertama
        .iter()
        .any(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\r' | 0x0C)) || b == 0x7F)
        .then_some((1, JenisBerkas::Biner))
}

/// A quote problem found by [`periksa_kutip`].
#[derive(Debug, PartialEq, Eq)]
pub(super) struct MasalahKutip {
    /// The line (1 = the first of the bytes given) where the cell starts.
    pub(super) baris: u64,
    /// Its field number.
    pub(super) kolom: u64,
    /// The cell's bytes as written, from its opening quote (to the line's end when the quote is
    /// never closed).
    pub(super) sel: std::ops::Range<usize>,
    /// Whether the quote is never closed (else there is text after the closing quote).
    pub(super) terbuka: bool,
}

/// Finds the quotes the csv crate would read without complaint but not as the operator meant:
/// a cell opened with `"` and never closed (the rest of the file becomes that cell), and text
/// after a cell's closing quote (`"4"0`, read as `40`). A quote inside a cell that does not
/// start with one is text, as in Excel. Reading stops at a quote never closed.
pub(super) fn periksa_kutip(bytes: &[u8], delimiter: u8) -> Vec<MasalahKutip> {
    let mut out = Vec::new();
    let (mut line, mut field) = (1u64, 1u64);
    let mut awal_sel = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if awal_sel && b == b'"' {
            let (baris, kolom, mulai) = (line, field, i);
            i += 1;
            loop {
                let Some(q) = bytes[i..].iter().position(|&c| c == b'"') else {
                    let akhir = bytes[mulai..]
                        .iter()
                        .position(|&c| c == b'\n' || c == b'\r')
                        .map_or(bytes.len(), |p| mulai + p);
                    out.push(MasalahKutip {
                        baris,
                        kolom,
                        sel: mulai..akhir,
                        terbuka: true,
                    });
                    return out;
                };
                line += bytes[i..i + q].iter().filter(|&&c| c == b'\n').count() as u64;
                i += q + 1;
                if bytes.get(i) == Some(&b'"') {
                    i += 1;
                } else {
                    break;
                }
            }
            let mut k = i;
            while k < bytes.len() && bytes[k] != delimiter && matches!(bytes[k], b' ' | b'\t') {
                k += 1;
            }
            if k < bytes.len() && !matches!(bytes[k], b'\r' | b'\n') && bytes[k] != delimiter {
                let akhir = bytes[k..]
                    .iter()
                    .position(|&c| c == delimiter || c == b'\n' || c == b'\r')
                    .map_or(bytes.len(), |p| k + p);
                out.push(MasalahKutip {
                    baris,
                    kolom,
                    sel: mulai..akhir,
                    terbuka: false,
                });
            }
            awal_sel = false;
            continue;
        }
        if b == delimiter {
            field += 1;
            awal_sel = true;
        } else if b == b'\n' {
            line += 1;
            field = 1;
            awal_sel = true;
        } else {
            awal_sel = b == b'\r';
        }
        i += 1;
    }
    out
}
