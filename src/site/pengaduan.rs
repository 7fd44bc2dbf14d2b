//! Whom to contact: the `[[pengaduan]]` channels of `site.toml` that apply to a page, with
//! their links (`tel:`, `https://wa.me/62…`, `mailto:`), for the programme page, the
//! desa/kelurahan page and the printed notice (the theme's `pengaduan.html` renders a list).
//! Pure: the codes were checked against the data by [`crate::analysis::pengaduan::periksa`].

use serde::Serialize;

use crate::config::{Config, Pengaduan};
use crate::data::value::KodeWilayah;

/// A channel as a page shows it: each way to reach it as written, beside its link.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Saluran {
    /// Its name.
    pub nama: String,
    /// The telephone number as written.
    pub telepon: Option<String>,
    /// Its `tel:` link.
    pub tel: Option<String>,
    /// The WhatsApp number as written.
    pub whatsapp: Option<String>,
    /// Its `https://wa.me/62…` link.
    pub wa: Option<String>,
    /// The e-mail address.
    pub email: Option<String>,
    /// Its `mailto:` link.
    pub mailto: Option<String>,
    /// The web address as written.
    pub url: Option<String>,
    /// Its link.
    pub href: Option<String>,
    /// The street address.
    pub alamat: Option<String>,
    /// Opening hours.
    pub jam: Option<String>,
}

impl From<&Pengaduan> for Saluran {
    fn from(p: &Pengaduan) -> Saluran {
        Saluran {
            nama: p.nama.clone(),
            telepon: p.telepon.clone(),
            tel: p.tel(),
            whatsapp: p.whatsapp.clone(),
            wa: p.wa(),
            email: p.email.clone(),
            mailto: p.mailto(),
            url: p.url.clone(),
            href: p.url.as_deref().and_then(crate::config::periksa_tautan),
            alamat: p.alamat.clone(),
            jam: p.jam.clone(),
        }
    }
}

/// Whether region `kode` is `induk` or lies below it.
fn di_dalam(kode: KodeWilayah, induk: KodeWilayah) -> bool {
    let mut k = Some(kode);
    while let Some(x) = k {
        if x == induk {
            return true;
        }
        k = x.parent();
    }
    false
}

/// The channels of `site.toml` for a page about the regions `wilayah` (dotted or undotted
/// codes: a desa/kelurahan page gives its own code, a programme page the regions the
/// programme reaches; none: no region in particular) and the programmes `program` (a
/// programme page or a notice gives its one; a desa page those it has figures for), in
/// `site.toml`'s order.
///
/// An entry applies when its `wilayah` is absent or one of its regions overlaps one of the
/// page's (one is the other or lies below it: Dinsos Kota Pasuruan, `35.75`, shows on
/// Kelurahan Karangketug's page, `35.75.01.1001`, and on the page of a programme paid in Kota
/// Pasuruan), and its `program` is absent or names one of the page's programmes (case is
/// ignored, as codes are everywhere).
pub fn untuk(config: &Config, wilayah: &[&str], program: &[&str]) -> Vec<Saluran> {
    let halaman: Vec<KodeWilayah> = wilayah
        .iter()
        .filter_map(|k| KodeWilayah::parse(k.trim().as_bytes()))
        .collect();
    config
        .pengaduan
        .iter()
        .filter(|p| {
            p.wilayah.is_empty()
                || p.wilayah.iter().any(|(k, _, _)| {
                    KodeWilayah::parse(k.as_bytes())
                        .is_some_and(|k| halaman.iter().any(|&h| di_dalam(h, k) || di_dalam(k, h)))
                })
        })
        .filter(|p| {
            p.program.is_empty()
                || p.program
                    .iter()
                    .any(|(k, _, _)| program.iter().any(|q| q.eq_ignore_ascii_case(k)))
        })
        .map(Saluran::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse(
            "[[pengaduan]]\nnama = \"Dinsos Kota Pasuruan\"\ntelepon = \"0343-423628\"\n\
             wilayah = [\"35.75\"]\n\
             [[pengaduan]]\nnama = \"Command Center 171\"\ntelepon = \"171\"\n\
             [[pengaduan]]\nnama = \"Posko BST\"\nwhatsapp = \"+62 812-3456-7890\"\n\
             program = [\"bst\"]\nwilayah = [\"3575011001\"]\n\
             [[pengaduan]]\nnama = \"Dinsos Kutai Kartanegara\"\nemail = \"dinsos@kukar.go.id\"\n\
             wilayah = [\"64.02\"]\n",
        )
        .unwrap()
    }

    fn nama(s: &[Saluran]) -> Vec<&str> {
        s.iter().map(|s| s.nama.as_str()).collect()
    }

    #[test]
    fn a_kelurahan_gets_its_kota_and_the_national_channels_in_file_order() {
        let c = config();
        assert_eq!(
            nama(&untuk(&c, &["35.75.01.1001"], &[])),
            ["Dinsos Kota Pasuruan", "Command Center 171"]
        );
        assert_eq!(
            nama(&untuk(&c, &["35.75.01.1001"], &["BST"])),
            ["Dinsos Kota Pasuruan", "Command Center 171", "Posko BST"]
        );
        // another kelurahan of the kota: not the posko of Karangketug
        assert_eq!(
            nama(&untuk(&c, &["35.75.01.1002"], &["BST"])),
            ["Dinsos Kota Pasuruan", "Command Center 171"]
        );
        assert_eq!(
            nama(&untuk(&c, &["64.02.07.2001"], &["BST"])),
            ["Command Center 171", "Dinsos Kutai Kartanegara"]
        );
    }

    #[test]
    fn a_programme_page_gets_the_channels_of_the_regions_it_reaches() {
        let c = config();
        // BST paid in Kota Pasuruan: the kota's office and the posko inside it
        assert_eq!(
            nama(&untuk(&c, &["35.75"], &["BST"])),
            ["Dinsos Kota Pasuruan", "Command Center 171", "Posko BST"]
        );
        // no region: only what applies everywhere
        assert_eq!(nama(&untuk(&c, &[], &["PKH"])), ["Command Center 171"]);
    }

    #[test]
    fn links_are_made_from_what_was_written() {
        let c = config();
        let s = untuk(&c, &["35.75.01.1001"], &["BST"]);
        assert_eq!(s[0].tel.as_deref(), Some("tel:0343423628"));
        assert_eq!(s[0].telepon.as_deref(), Some("0343-423628"));
        assert_eq!(s[1].tel.as_deref(), Some("tel:171"));
        assert_eq!(s[2].wa.as_deref(), Some("https://wa.me/6281234567890"));
        let k = untuk(&c, &["64.02"], &[]);
        assert_eq!(k[1].mailto.as_deref(), Some("mailto:dinsos@kukar.go.id"));
    }
}
