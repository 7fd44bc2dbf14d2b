//! The theme's words for the site's language (`themes/<theme>/i18n/<lang>.toml`, the
//! default theme's merged under a site theme's): the page words the site stage writes into a
//! context (titles, breadcrumb labels, table rows, one-line summaries) come from here, so a
//! translator or a theme edits a file, not Rust. Numbers and dates are written by
//! [`crate::format`] before they are put into a sentence.

use crate::data::alasan::KodeAlasan;
use crate::data::wilayah::Wilayah;

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

    /// A failure reason's label (the words under [`KodeAlasan::kunci`]).
    pub fn alasan(&self, kode: KodeAlasan) -> &'a str {
        self.teks(kode.kunci())
    }

    /// The kind of a region (`Kecamatan`, `Desa`; the words under [`Wilayah::jenis_kunci`]),
    /// empty for a kabupaten/kota.
    pub fn jenis_wilayah(&self, w: &Wilayah) -> &'a str {
        w.jenis_kunci().map_or("", |k| self.teks(k))
    }

    /// A region's name with its kind, as a reader says it (`Kelurahan Karangketug`,
    /// [`Wilayah::nama_dengan`]).
    pub fn nama_wilayah(&self, w: &Wilayah) -> String {
        w.nama_dengan(self.jenis_wilayah(w))
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
    use std::collections::BTreeSet;

    fn katalog(teks: &str) -> BTreeSet<String> {
        let t: toml::Table = toml::from_str(teks).expect("the default catalogue is TOML");
        t.keys().cloned().collect()
    }

    /// The keys the site stage asks for by name in its sources: `teks("…")`, `isi("…"`, and
    /// the keys a `match` chooses (`=> "toleransi_kpm"`: only those named like the
    /// catalogue's groups, since `=> "…"` also gives CSS classes and codes).
    fn kunci_di_sumber() -> BTreeSet<String> {
        let akar = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let berkas: Vec<std::path::PathBuf> = std::fs::read_dir(akar.join("site"))
            .expect("src/site")
            .map(|e| e.expect("an entry").path())
            // this file's own tests fill patterns that are not keys
            .filter(|p| !p.ends_with("kata.rs"))
            .collect();
        let kelompok = [
            "toleransi_",
            "temuan_",
            "sifat_",
            "asal_",
            "grafik_",
            "desil_",
            "unduh_",
            "ukur_",
            "banding_",
        ];
        let mut out = BTreeSet::new();
        for f in berkas {
            let teks = std::fs::read_to_string(&f).expect("a source file");
            for pola in ["teks(", "isi(", "=> "] {
                for (i, _) in teks.match_indices(pola) {
                    let sisa = teks[i + pola.len()..].trim_start();
                    let Some(sisa) = sisa.strip_prefix('"') else {
                        continue;
                    };
                    let Some(akhir) = sisa.find('"') else {
                        continue;
                    };
                    let kunci = &sisa[..akhir];
                    let nama_kunci = !kunci.is_empty()
                        && kunci.chars().all(|c| c.is_ascii_lowercase() || c == '_');
                    let dipilih = pola != "=> " || kelompok.iter().any(|k| kunci.starts_with(k));
                    if nama_kunci && dipilih {
                        out.insert(kunci.to_string());
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_word_the_site_asks_for_is_in_both_catalogues() {
        let id = katalog(include_str!("../../themes/default/i18n/id.toml"));
        let en = katalog(include_str!("../../themes/default/i18n/en.toml"));
        assert_eq!(
            id.symmetric_difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "the two catalogues have the same keys"
        );
        let mut perlu = kunci_di_sumber();
        for tingkat in ["provinsi", "kabupaten_kota", "kecamatan", "desa_kelurahan"] {
            for bentuk in ["jamak", "satu"] {
                perlu.insert(format!("tingkat_{tingkat}_{bentuk}"));
            }
        }
        // the keys the data types give (`KodeAlasan::kunci`, `Wilayah::jenis_kunci`)
        for kode in crate::data::alasan::KodeAlasan::SEMUA {
            perlu.insert(kode.kunci().to_string());
            perlu.extend(kode.kunci_saran().map(str::to_string));
        }
        for jenis in ["provinsi", "kecamatan", "kelurahan", "desa"] {
            perlu.insert(format!("wilayah_jenis_{jenis}"));
        }
        // the meaning of each download column (`Kolom::kunci`)
        perlu.extend(super::super::unduh::kunci_kolom().map(str::to_string));
        assert!(perlu.len() > 140, "{perlu:?}");
        let hilang: Vec<&String> = perlu.iter().filter(|k| !id.contains(*k)).collect();
        assert!(hilang.is_empty(), "missing from the catalogues: {hilang:?}");
    }

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
