//! What a feed reader and a search engine see: the Atom feed (`feed.xml`: an entry per
//! tahap's changes, per meeting note and per publication that corrected published figures),
//! the sitemap (`sitemap.xml`) and `robots.txt`.
//! Every date comes from the data, never from the clock, so the files are the same for the
//! same input. The theme's templates `feed.xml`, `sitemap.xml` and `robots.txt` write them.

use super::{Halaman, Situs};
use super::{JenisHalaman, Konteks, jalur::Asal};

/// At most this many addresses per sitemap file (the sitemap protocol's limit).
pub const MAKS_URL_SITEMAP: usize = 50_000;

/// One entry of the feed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Entri {
    /// Its title.
    pub judul: String,
    /// A stable id (the page's address under `base_url`, else a `urn:`).
    pub id: String,
    /// When it happened, RFC 3339, from the data.
    pub updated: String,
    /// Its page, absolute under `base_url` or relative to the feed.
    pub link: String,
    /// A sentence or two.
    pub ringkasan: String,
}

/// The feed (`feed.xml`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct KonteksUmpan {
    /// The site's language tag (`id`, `en`), for `xml:lang`.
    pub bahasa: &'static str,
    /// The site's title.
    pub judul: String,
    /// The feed's id.
    pub id: String,
    /// The newest entry's date (or the data date).
    pub updated: String,
    /// The feed's own address.
    pub link_self: String,
    /// The site's home page.
    pub link_situs: String,
    /// Who publishes it.
    pub penulis: String,
    /// Newest first.
    pub entri: Vec<Entri>,
}

/// `robots.txt` (`robots.txt`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct KonteksRobots {
    /// The sitemap's absolute address, when the site has a `base_url`.
    pub sitemap: Option<String>,
}

/// A sitemap, or a sitemap index (`sitemap.xml`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct KonteksSitemap {
    /// Whether this lists sitemap files rather than pages.
    pub indeks: bool,
    /// Absolute addresses.
    pub url: Vec<String>,
}

/// `path` under `base_url`, each byte outside the unreserved set and `/` percent-encoded.
pub fn url_di(base_url: &str, path: &str) -> String {
    let mut out = String::with_capacity(base_url.len() + path.len());
    out.push_str(base_url);
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Situs<'_> {
    /// A page's address for the feed and sitemap: absolute under `base_url`, else relative.
    pub(super) fn alamat(&self, path: &str) -> String {
        url_di(&self.config.base_url, path)
    }

    /// A stable id for a page.
    fn id_entri(&self, path: &str) -> String {
        if self.config.base_url.is_empty() {
            // without an address, the site's title keeps its ids apart from other sites'
            let situs: String = self
                .config
                .title
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            format!("urn:salur:{situs}:{}", url_di("", path))
        } else {
            self.alamat(path)
        }
    }

    /// A day as an RFC 3339 time: midnight in the site's zone.
    fn waktu(&self, d: jiff::civil::Date) -> String {
        let offset = match self.config.zona_situs() {
            crate::config::Zona::WIB => "+07:00",
            crate::config::Zona::WITA => "+08:00",
            crate::config::Zona::WIT => "+09:00",
        };
        format!("{d}T00:00:00{offset}")
    }

    pub(super) fn konteks_umpan(&self) -> KonteksUmpan {
        let mut entri: Vec<(jiff::civil::Date, Entri)> = Vec::new();
        for t in 0..self.data.tahap.len() {
            let Some(t) = crate::data::TahapId::baru(t) else {
                continue;
            };
            let kalimat: Vec<String> = self
                .perubahan_tahap(t)
                .map(|c| self.kalimat_perubahan(c))
                .collect();
            if kalimat.is_empty() {
                continue;
            }
            let tahap = &self.data.tahap[t.indeks()];
            // the tahap's latest data day, else its first day
            let tanggal = self.report.tahap_data_per[t.indeks()].unwrap_or(tahap.mulai);
            let path = self.path(Halaman::Perubahan(t));
            entri.push((
                tanggal,
                Entri {
                    judul: self.judul_perubahan(t),
                    id: self.id_entri(&path),
                    updated: self.waktu(tanggal),
                    link: self.alamat(&path),
                    ringkasan: kalimat.join(" "),
                },
            ));
        }
        for (i, r) in self.content.rapat.iter().enumerate() {
            let path = self.path(Halaman::Rapat(i));
            let mut ringkasan = match &r.tempat {
                Some(t) => self.kata.isi("umpan_rapat_di", &[("tempat", t)]),
                None => String::new(),
            };
            for k in &r.keputusan {
                if !ringkasan.is_empty() {
                    ringkasan.push(' ');
                }
                ringkasan.push_str(k);
                if !k.ends_with('.') {
                    ringkasan.push('.');
                }
            }
            entri.push((
                r.tanggal,
                Entri {
                    judul: r.judul.clone(),
                    id: self.id_entri(&path),
                    updated: self.waktu(r.tanggal),
                    link: self.alamat(&path),
                    ringkasan,
                },
            ));
        }
        // one entry per publication that corrected published figures: the history page's
        // group of that date (its anchor keeps the id stable and apart from the page's own)
        let path = self.path(Halaman::Koreksi);
        for (tanggal, judul, anchor, ringkasan) in self.entri_koreksi() {
            entri.push((
                tanggal,
                Entri {
                    judul,
                    id: format!("{}#{anchor}", self.id_entri(&path)),
                    updated: self.waktu(tanggal),
                    link: format!("{}#{anchor}", self.alamat(&path)),
                    ringkasan,
                },
            ));
        }
        // newest first; the same day by id
        entri.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        let updated = entri
            .first()
            .map(|(d, _)| *d)
            .or(self.report.data_per)
            .map(|d| self.waktu(d))
            .unwrap_or_else(|| "1970-01-01T00:00:00+07:00".to_string());
        KonteksUmpan {
            bahasa: self.lang().tag(),
            judul: self.config.title.clone(),
            id: self.id_entri("feed.xml"),
            updated,
            link_self: self.alamat("feed.xml"),
            link_situs: self.alamat("index.html"),
            penulis: self.config.title.clone(),
            entri: entri.into_iter().map(|(_, e)| e).collect(),
        }
    }

    /// Every page a search engine should know: the HTML pages but the 404 page.
    pub(super) fn halaman_sitemap(&self) -> Vec<String> {
        self.halaman
            .iter()
            // a brief repeats its region page's figures for printing: the region page is the
            // address to index (the brief names it as canonical)
            .filter(|&&h| h != Halaman::TidakDitemukan && !matches!(h, Halaman::Ringkas(_)))
            .map(|&h| self.path(h))
            .filter(|p| p.ends_with(".html"))
            .collect()
    }

    /// The sitemap parts a site of `pages` HTML pages needs (none when one file holds them).
    pub(super) fn bagian_sitemap(pages: usize) -> usize {
        if pages <= MAKS_URL_SITEMAP {
            0
        } else {
            pages.div_ceil(MAKS_URL_SITEMAP)
        }
    }

    /// `sitemap.xml` (`None`): every page, or the index of the parts; or part `i` (from 1).
    pub(super) fn konteks_sitemap(&self, bagian: Option<usize>) -> KonteksSitemap {
        let pages = self.halaman_sitemap();
        let n = Self::bagian_sitemap(pages.len());
        match bagian {
            None if n == 0 => KonteksSitemap {
                indeks: false,
                url: pages.iter().map(|p| self.alamat(p)).collect(),
            },
            None => KonteksSitemap {
                indeks: true,
                url: (1..=n)
                    .map(|i| self.alamat(&self.path(Halaman::SitemapBagian(i))))
                    .collect(),
            },
            Some(i) => KonteksSitemap {
                indeks: false,
                url: pages
                    .iter()
                    .skip((i - 1) * MAKS_URL_SITEMAP)
                    .take(MAKS_URL_SITEMAP)
                    .map(|p| self.alamat(p))
                    .collect(),
            },
        }
    }

    /// `robots.txt`: everything may be read; the sitemap's address when there is one.
    pub(super) fn konteks_robots(&self) -> KonteksRobots {
        KonteksRobots {
            sitemap: (!self.config.base_url.is_empty()).then(|| self.alamat("sitemap.xml")),
        }
    }
}

/// The feed's path.
pub const PATH_FEED: &str = "feed.xml";
/// The sitemap's path.
pub const PATH_SITEMAP: &str = "sitemap.xml";
/// `robots.txt`.
pub const PATH_ROBOTS: &str = "robots.txt";
/// The feed's template (a theme may override it, as every page's).
pub const TEMPLATE_FEED: &str = "feed.xml";
/// The template of the sitemap, of each part and of the index of the parts.
pub const TEMPLATE_SITEMAP: &str = "sitemap.xml";
/// The template of `robots.txt`.
pub const TEMPLATE_ROBOTS: &str = "robots.txt";

/// `sitemap-<n>.xml`.
pub fn path_sitemap_bagian(i: usize) -> String {
    format!("sitemap-{i}.xml")
}

impl Situs<'_> {
    /// `robots.txt` depends on the site-wide inputs only.
    pub(super) fn sidik_robots(&self) -> u64 {
        xxhash_rust::xxh3::xxh3_64(&self.sidik_umum.to_le_bytes()).max(1)
    }
}

/// The Atom feed.
pub struct HalamanFeed;

impl JenisHalaman for HalamanFeed {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE_FEED;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH_FEED.to_string()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Umpan(Box::new(s.konteks_umpan()))
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.umpan")
    }
}

/// The sitemap (or the index of its parts).
pub struct HalamanSitemap;

impl JenisHalaman for HalamanSitemap {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE_SITEMAP;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH_SITEMAP.to_string()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Sitemap(s.konteks_sitemap(None))
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.peta_situs")
    }
}

/// One part of a large sitemap.
pub struct HalamanSitemapBagian;

impl JenisHalaman for HalamanSitemapBagian {
    type Kunci = usize;
    const TEMPLATE: &'static str = TEMPLATE_SITEMAP;
    fn path(_: &Situs<'_>, i: usize) -> String {
        path_sitemap_bagian(i)
    }
    fn konteks(s: &Situs<'_>, i: usize) -> Konteks {
        Konteks::Sitemap(s.konteks_sitemap(Some(i)))
    }
    fn asal(_: &Situs<'_>, _: usize) -> Asal {
        Situs::asal_salur("pemilik.peta_situs")
    }
}

/// `robots.txt`.
pub struct HalamanRobots;

impl JenisHalaman for HalamanRobots {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE_ROBOTS;
    fn path(_: &Situs<'_>, _: ()) -> String {
        PATH_ROBOTS.to_string()
    }
    fn sidik(s: &Situs<'_>, _: ()) -> u64 {
        s.sidik_robots()
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Robots(s.konteks_robots())
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.robots")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_escaped_under_the_base() {
        assert_eq!(
            url_di("https://x.org/salur/", "wilayah/35/35.75.html"),
            "https://x.org/salur/wilayah/35/35.75.html"
        );
        assert_eq!(url_di("", "rapat/a b&c.html"), "rapat/a%20b%26c.html");
        assert_eq!(url_di("", "é"), "%C3%A9");
    }

    #[test]
    fn a_large_site_splits_its_sitemap() {
        assert_eq!(Situs::bagian_sitemap(50_000), 0);
        assert_eq!(Situs::bagian_sitemap(50_001), 2);
        assert_eq!(Situs::bagian_sitemap(91_000), 2);
    }
}
