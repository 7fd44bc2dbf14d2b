//! The theme's words for the site's language (`themes/<theme>/i18n/<lang>.toml`, the
//! default theme's merged under a site theme's): the page words the site stage writes into a
//! context (titles, breadcrumb labels, table rows, one-line summaries) come from here, so a
//! translator or a theme edits a file, not Rust. Numbers and dates are written by
//! [`crate::format`] before they are put into a sentence.

/// The theme's catalogue of words.
#[derive(Debug, Clone, Copy)]
pub struct Kata<'a> {
    teks: &'a toml::Table,
}

impl<'a> Kata<'a> {
    /// Words from a catalogue as the render stage loaded it
    /// ([`crate::render::Renderer::kata`]).
    pub fn new(teks: &'a toml::Table) -> Kata<'a> {
        Kata { teks }
    }

    /// The words under `kunci`; the key itself when neither theme has it (a site theme's
    /// file is merged over the default one, which has every key).
    pub fn teks(&self, kunci: &'a str) -> &'a str {
        self.teks
            .get(kunci)
            .and_then(|v| v.as_str())
            .unwrap_or(kunci)
    }

    /// The words under a key made at run time (`tingkat_<level>_<form>`); the key itself when
    /// neither theme has it.
    pub fn teks_milik(&self, kunci: &str) -> String {
        self.teks
            .get(kunci)
            .and_then(|v| v.as_str())
            .unwrap_or(kunci)
            .to_string()
    }

    /// The words under `kunci` with each `{name}` replaced by its value, in one pass (a value
    /// that holds braces is never read as a placeholder); an unknown `{name}` is kept.
    pub fn isi(&self, kunci: &'a str, nilai: &[(&str, &str)]) -> String {
        isi(self.teks(kunci), nilai)
    }
}

/// `pola` with each `{name}` replaced by its value from `nilai`.
fn isi(pola: &str, nilai: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pola.len() + 32);
    let mut sisa = pola;
    while let Some(buka) = sisa.find('{') {
        out.push_str(&sisa[..buka]);
        let setelah = &sisa[buka + 1..];
        match setelah
            .find('}')
            .and_then(|tutup| Some((tutup, nilai.iter().find(|(k, _)| *k == &setelah[..tutup])?)))
        {
            Some((tutup, (_, v))) => {
                out.push_str(v);
                sisa = &setelah[tutup + 1..];
            }
            None => {
                out.push('{');
                sisa = setelah;
            }
        }
    }
    out.push_str(sisa);
    out
}

#[cfg(test)]
mod tests {
    use super::isi;

    #[test]
    fn placeholders_are_filled_once() {
        assert_eq!(
            isi("Titik bayar {nama}", &[("nama", "Pos {x}")]),
            "Titik bayar Pos {x}"
        );
        assert_eq!(isi("{a}{b}", &[("a", "1"), ("b", "2")]), "12");
        assert_eq!(isi("{tak} {a", &[("a", "1")]), "{tak} {a");
        assert_eq!(isi("tanpa", &[]), "tanpa");
    }
}
