//! Markup in any field that reaches a page renders as text: `<img src=x onerror=alert(1)>` in
//! every kind of field (region, programme, tahap, channel, reason, titik bayar, `lokasi`,
//! verification step, decile note, branch, the site's title and description, a meeting note's
//! front matter) is escaped in every HTML, SVG and XML file the build writes, and shows as the
//! literal text on the pages where a reader looks for those fields. `tests/suite/browser.rs` opens
//! the same pages in Chromium and checks that no dialog fires.

use crate::common;

use common::{PAYLOAD, files, poison, sel, text};
use scraper::Html;

#[test]
fn markup_in_every_field_renders_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut fields = Vec::new();
    let out = common::build_changed_copy(dir.path(), |site| fields = poison(site));
    let site = files(&out);
    let escaped = "&lt;img src=x onerror=alert(1)&gt;";
    let mut checked = 0;
    for (rel, bytes) in &site {
        let Some(ext) = rel.rsplit('.').next() else {
            continue;
        };
        if !matches!(ext, "html" | "svg" | "xml") {
            continue;
        }
        checked += 1;
        let body = String::from_utf8_lossy(bytes);
        assert!(
            !body.contains("<img src=x"),
            "{rel} holds the markup unescaped"
        );
        if ext == "html" {
            let doc = Html::parse_document(&body);
            for e in doc.select(&sel("*")) {
                for (name, value) in e.value().attrs() {
                    assert!(
                        !name.to_ascii_lowercase().starts_with("on"),
                        "{rel}: <{} {name}={value:?}>",
                        e.value().name()
                    );
                }
            }
            assert!(doc.select(&sel("img[src='x']")).next().is_none(), "{rel}");
            // the page's Content-Security-Policy: scripts and styles from the site only
            let csp = doc
                .select(&sel("meta[http-equiv='Content-Security-Policy']"))
                .next()
                .and_then(|m| m.value().attr("content"))
                .unwrap_or_else(|| panic!("{rel} has no Content-Security-Policy"));
            assert!(
                csp.contains("script-src 'self'") && csp.contains("style-src 'self'"),
                "{rel}: {csp}"
            );
            assert!(!csp.contains("unsafe"), "{rel}: {csp}");
            for s in doc.select(&sel("script")) {
                let src = s.value().attr("src").unwrap_or("");
                assert!(
                    ["cari.js", "urut.js", "banding.js"]
                        .iter()
                        .any(|f| src.ends_with(f)),
                    "{rel}: a script that is not the site's own: {}",
                    s.html()
                );
            }
        } else {
            let doc = roxmltree::Document::parse(&body)
                .unwrap_or_else(|e| panic!("{rel} is not well-formed XML: {e}"));
            for n in doc.descendants().filter(|n| n.is_element()) {
                let name = n.tag_name().name();
                assert!(name != "img" && name != "script", "{rel}: <{name}>");
                assert!(
                    n.attributes().all(|a| !a.name().starts_with("on")),
                    "{rel}: <{name}> with an event attribute"
                );
            }
        }
    }
    // every poisoned field shows as the literal text where a reader looks for it
    let shows = |rel: &str, what: &str| {
        let body = String::from_utf8_lossy(
            site.get(rel)
                .unwrap_or_else(|| panic!("{rel} was not built")),
        )
        .into_owned();
        assert!(body.contains(escaped), "{rel} does not show {what}");
        let doc = Html::parse_document(&body);
        let main = doc
            .select(&sel("body"))
            .next()
            .map(text)
            .unwrap_or_default();
        assert!(
            main.contains(PAYLOAD),
            "{rel}: the text of {what} is not the literal markup"
        );
    };
    shows(
        "wilayah/35/35.75.04.1011.html",
        "the kelurahan, its kecamatan and kota",
    );
    shows("program/bst.html", "the programme's name");
    shows("tahap/2021-07.html", "the tahap's name");
    shows("jadwal/35.75.html", "the titik bayar");
    shows(
        "rapat/2021-07-13-rakor-bansos-kota-pasuruan.html",
        "the note's front matter",
    );
    shows("kualitas-data.html", "a failure reason without a code");
    shows("index.html", "the site's title");
    let note = String::from_utf8_lossy(&site["rapat/2021-07-13-rakor-bansos-kota-pasuruan.html"])
        .into_owned();
    for what in ["Rakor", "Pendopo", "Wali", "Asisten I", "Lurah mengatur"] {
        assert!(
            note.contains(&format!("{escaped} {what}"))
                || note.contains(&format!("{what} {escaped}")),
            "the note does not show its field starting {what:?} as text"
        );
    }
    // the payment point's place is on its kelurahan's page
    let karangketug = String::from_utf8_lossy(&site["wilayah/35/35.75.01.1001.html"]).into_owned();
    assert!(karangketug.contains(&format!("Kantor Kelurahan Karangketug {escaped}")));
    let in_index = site
        .iter()
        .filter(|(p, _)| p.starts_with("cari/"))
        .any(|(_, b)| {
            let js = String::from_utf8_lossy(b);
            js.contains("Kandangsapi <img") || js.contains("Kandangsapi \\u003cimg")
        });
    assert!(in_index, "the search index lost the poisoned name");
    common::figure(&format!(
        "markup: {} fields carried {PAYLOAD}; {checked} HTML/SVG/XML files checked, none runs it",
        fields.len()
    ));
}
