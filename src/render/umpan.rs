//! The Atom feed and the sitemap as XML, written directly (no template: the formats fix every
//! element, and their escaping is XML's, not HTML's).

use crate::site::umpan::{KonteksSitemap, KonteksUmpan};

/// Escapes text for an XML element or attribute.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // characters XML 1.0 does not allow
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// `feed.xml`: an Atom 1.0 feed (RFC 4287).
pub fn atom(k: &KonteksUmpan, lang: crate::lang::Lang) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        lang.tag()
    ));
    out.push_str(&format!("<title>{}</title>\n", esc(&k.judul)));
    out.push_str(&format!("<id>{}</id>\n", esc(&k.id)));
    out.push_str(&format!("<updated>{}</updated>\n", esc(&k.updated)));
    out.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        esc(&k.link_self)
    ));
    out.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        esc(&k.link_situs)
    ));
    out.push_str(&format!(
        "<author><name>{}</name></author>\n<generator>salur</generator>\n",
        esc(&k.penulis)
    ));
    for e in &k.entri {
        out.push_str("<entry>\n");
        out.push_str(&format!("<title>{}</title>\n", esc(&e.judul)));
        out.push_str(&format!("<id>{}</id>\n", esc(&e.id)));
        out.push_str(&format!("<updated>{}</updated>\n", esc(&e.updated)));
        out.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            esc(&e.link)
        ));
        out.push_str(&format!("<summary>{}</summary>\n", esc(&e.ringkasan)));
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// `sitemap.xml` (or a part, or the index of the parts), per sitemaps.org.
pub fn sitemap(k: &KonteksSitemap) -> String {
    let (wrap, item) = if k.indeks {
        ("sitemapindex", "sitemap")
    } else {
        ("urlset", "url")
    };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<{wrap} xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    ));
    for u in &k.url {
        out.push_str(&format!("<{item}><loc>{}</loc></{item}>\n", esc(u)));
    }
    out.push_str(&format!("</{wrap}>\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_titles_is_escaped() {
        assert_eq!(
            esc("<img src=x onerror=alert(1)> & \"a\""),
            "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;a&quot;"
        );
        assert_eq!(esc("a\u{1}b"), "ab");
    }
}
