//! Template filters that write numbers, money, percentages and dates the site's way:
//! `ribuan` (18.877), `rupiah` (Rp 2.500.000), `persen` (12,5%), `tanggal`
//! (Selasa, 13 Juli 2021) and `tanggal_pendek` (13 Juli 2021). A missing value is a dash.

use tera::{Kwargs, State, Tera, Value};

use crate::format;
use crate::lang::Lang;

const DASH: &str = "–";

fn integer(v: &Value) -> Option<i64> {
    v.as_i64()
        .or_else(|| v.as_u64().and_then(|n| i64::try_from(n).ok()))
        .or_else(|| {
            v.as_f64()
                .filter(|f| f.is_finite())
                .map(|f| f.round() as i64)
        })
}

fn date(v: &Value) -> Option<jiff::civil::Date> {
    v.as_str().and_then(|s| s.parse().ok())
}

/// Escapes text for an XML element or attribute (the `xml` filter of `feed.xml` and
/// `sitemap.xml`), leaving out the control characters XML 1.0 does not allow.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Registers the filters for `lang`.
pub fn register(tera: &mut Tera, lang: Lang) {
    tera.register_filter("xml", |v: Value, _: Kwargs, _: &State| {
        v.as_str().map_or_else(|| xml(&v.to_string()), xml)
    });
    tera.register_filter("ribuan", move |v: Value, _: Kwargs, _: &State| {
        integer(&v).map_or_else(|| DASH.to_string(), |n| format::ribuan(n, lang))
    });
    tera.register_filter("rupiah", move |v: Value, _: Kwargs, _: &State| {
        integer(&v).map_or_else(|| DASH.to_string(), |n| format::rupiah(n, lang))
    });
    tera.register_filter("persen", move |v: Value, _: Kwargs, _: &State| {
        v.as_f64()
            .map_or_else(|| DASH.to_string(), |f| format::persen(f, lang))
    });
    tera.register_filter("desimal", move |v: Value, _: Kwargs, _: &State| {
        v.as_f64()
            .map_or_else(|| DASH.to_string(), |f| format::desimal(f, lang))
    });
    tera.register_filter("satu_desimal", move |v: Value, _: Kwargs, _: &State| {
        v.as_f64()
            .map_or_else(|| DASH.to_string(), |f| format::satu_desimal(f, lang))
    });
    tera.register_filter("tanggal", move |v: Value, _: Kwargs, _: &State| {
        date(&v).map_or_else(|| DASH.to_string(), |d| format::tanggal(d, lang))
    });
    tera.register_filter("tanggal_pendek", move |v: Value, _: Kwargs, _: &State| {
        date(&v).map_or_else(|| DASH.to_string(), |d| format::tanggal_pendek(d, lang))
    });
    tera.register_filter("tanggal_singkat", move |v: Value, _: Kwargs, _: &State| {
        date(&v).map_or_else(|| DASH.to_string(), |d| format::tanggal_singkat(d, lang))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_feed_titles_is_escaped_as_xml() {
        assert_eq!(
            xml("<img src=x onerror=alert(1)> & \"a\""),
            "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;a&quot;"
        );
        assert_eq!(xml("a\u{1}b"), "ab");
    }
}
