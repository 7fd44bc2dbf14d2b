//! Places: the line and column of an offset in a text, and the column letters of a worksheet.

/// The extensions of the spreadsheets salur reads, beside `csv`: a place in one of them is
/// `file.xlsx:Sheet` and its columns are letters.
pub const EKSTENSI_LEMBAR: [&str; 3] = ["xlsx", "xls", "ods"];

/// The 1-based line and column of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = text[line_start..offset].chars().count() as u64 + 1;
    (line, column)
}

/// [`line_column`] for many offsets of one text in increasing order, each found from the one
/// before: a list of 100.000 codes in a 1 MB front matter was 100.000 scans from the start
/// (34 s). An offset before the previous one starts again from the top.
pub struct Penunjuk<'t> {
    text: &'t [u8],
    /// The last offset asked for, and its line and column.
    offset: usize,
    line: u64,
    column: u64,
}

impl<'t> Penunjuk<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Penunjuk<'t> {
        Penunjuk {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// The 1-based line and column (in characters) of byte `offset`, as [`line_column`].
    pub fn at(&mut self, offset: usize) -> (u64, u64) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Penunjuk {
                text: self.text,
                offset: 0,
                line: 1,
                column: 1,
            };
        }
        for &b in &self.text[self.offset..offset] {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                // a character starts at every byte but a UTF-8 continuation byte
                self.column += 1;
            }
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

/// Whether `file` (a place in a message) is a worksheet: `data/realisasi.xlsx:Sheet1`.
pub fn adalah_tempat_lembar(file: &str) -> bool {
    file.split_once(':').is_some_and(|(berkas, _)| {
        EKSTENSI_LEMBAR.iter().any(|e| {
            berkas
                .rsplit_once('.')
                .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case(e))
        })
    })
}

/// The column's letters as Excel writes them: 1 → `A`, 26 → `Z`, 27 → `AA`.
pub fn huruf_kolom(mut kolom: u64) -> String {
    let mut huruf = Vec::new();
    while kolom > 0 {
        let sisa = (kolom - 1) % 26;
        huruf.push(b'A' + sisa as u8);
        kolom = (kolom - 1) / 26;
    }
    huruf.reverse();
    String::from_utf8(huruf).unwrap_or_default()
}
