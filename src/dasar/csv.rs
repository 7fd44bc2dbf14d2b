//! The CSV writer of every download salur publishes: a column with its Frictionless type and
//! meaning ([`Kolom`]), one cell written safely for a spreadsheet ([`sel_csv`]), a row and a
//! header. Owned by no stage: the site's downloads and its failure tables both write with it.

/// The byte-order mark every CSV download starts with.
pub const BOM: &str = "\u{feff}";

/// One column of a download: its name, Frictionless type and the key of its meaning.
#[derive(Debug, Clone, Copy)]
pub struct Kolom {
    /// The header: a data contract, the same in every language.
    pub nama: &'static str,
    /// `string`, `integer`, `number` or `date`.
    pub jenis: &'static str,
    /// The key of what it holds in the theme's catalogue (`kolom_kode_wilayah`), for the
    /// schemas' descriptions; the site stage looks the words up
    /// ([`crate::site::kata::Kata::teks`]).
    pub kunci: &'static str,
}

/// A column: name, type, key of its meaning.
pub const fn k(nama: &'static str, jenis: &'static str, kunci: &'static str) -> Kolom {
    Kolom { nama, jenis, kunci }
}

/// Whether a spreadsheet would read a cell beginning like `s` as a formula: `=`, `+`, `-`,
/// `@`, a tab or a carriage return first (OWASP, "CSV Injection"). The CSVs carry a BOM so
/// that Excel opens them directly, where `=HYPERLINK(…)` in a region's or a payment point's
/// name would be a live formula.
pub fn rumus(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A text cell as it was before [`sel_csv`] neutralised it (`'=X` → `=X`), for a reader of
/// salur's own downloads: what was written is then read back as the same name.
pub fn teks_asli(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(r) if rumus(r) => r,
        _ => s,
    }
}

/// Whether `s` is a plain decimal number (`-6`, `99.55`), which a number column writes as is.
fn bilangan(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    digits.bytes().any(|b| b.is_ascii_digit())
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Writes one cell of a column of Frictionless type `jenis`. Every CSV salur publishes is
/// written cell by cell here. A text cell (a `string` column, or a value of another column
/// that is not a plain number) that a spreadsheet would take for a formula ([`rumus`]) is
/// neutralised as OWASP's guidance says: a `'` in front, so it is read as text, and quoted.
/// A cell is quoted too when it holds the separator, a quote or a line break, or (text) a `;`
/// or a tab: Excel set to Indonesian splits on `;`, which would start a new cell inside the
/// value. Numbers stay numbers: `-6` in a difference column is written `-6`.
pub fn sel_csv(out: &mut String, jenis: &str, s: &str) {
    // one look at the first character and one pass over the bytes: this writes every cell of
    // the national datasets (100-200 MB)
    let awal_rumus = rumus(s);
    let teks = jenis == "string" || (awal_rumus && !bilangan(s));
    let netral = teks && awal_rumus;
    let kutip = netral
        || s.bytes().any(|b| {
            matches!(b, b',' | b'"' | b'\n' | b'\r') || (teks && matches!(b, b';' | b'\t'))
        });
    if !kutip {
        out.push_str(s);
        return;
    }
    out.push('"');
    if netral {
        out.push('\'');
    }
    for (i, part) in s.split('"').enumerate() {
        if i > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
    out.push('"');
}

/// Writes a CSV row of `kolom`'s columns, each cell by [`sel_csv`] with its column's type (a
/// cell beyond the columns as text).
pub fn baris_csv<S: AsRef<str>>(out: &mut String, kolom: &[Kolom], fields: &[S]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        sel_csv(out, kolom.get(i).map_or("string", |k| k.jenis), f.as_ref());
    }
    out.push('\n');
}

/// The start of a CSV download: the BOM and the header row of `kolom`.
pub fn kepala_csv(kolom: &[Kolom]) -> String {
    let mut out = String::from(BOM);
    let names: Vec<&str> = kolom.iter().map(|c| c.nama).collect();
    baris_csv(&mut out, &[], &names);
    out
}
