//! The charts of the example site: accessible, lean, valid SVG that a pure-Rust renderer draws,
//! whose descriptions say the same numbers as the tables beside them.

use crate::common;

use common::{example_site, files, page, sel, text};

/// The chart rules of the default theme's stylesheet, which give the classes their look.
fn chart_css() -> String {
    let css = std::fs::read_to_string(common::root().join("themes/default/static/style.css"))
        .expect("style.css");
    css.lines()
        .filter(|l| l.starts_with("svg.grafik"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every inline `<svg>…</svg>` of a page, as written.
fn svgs(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<svg") {
        let Some(j) = rest[i..].find("</svg>") else {
            break;
        };
        out.push(&rest[i..i + j + 6]);
        rest = &rest[i + j + 6..];
    }
    out
}

fn render(svg: &str) -> resvg::tiny_skia::Pixmap {
    let opt = resvg::usvg::Options {
        style_sheet: Some(chart_css()),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &opt)
        .unwrap_or_else(|e| panic!("resvg cannot read the chart: {e}\n{svg}"));
    let size = tree.size().to_int_size();
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(size.width(), size.height()).expect("a non-empty chart");
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap
}

/// Whether the rendered chart has an opaque pixel of this colour.
fn has_colour(p: &resvg::tiny_skia::Pixmap, rgb: (u8, u8, u8)) -> bool {
    p.pixels()
        .iter()
        .any(|c| c.alpha() == 255 && (c.red(), c.green(), c.blue()) == rgb)
}

#[test]
fn every_chart_is_accessible_lean_valid_xml_and_renders() {
    let site = files(example_site());
    let mut charts = 0;
    let mut sizes = Vec::new();
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for svg in svgs(&html) {
            charts += 1;
            sizes.push(svg.len());
            let doc = roxmltree::Document::parse(svg)
                .unwrap_or_else(|e| panic!("{path}: the chart is not XML: {e}\n{svg}"));
            let root = doc.root_element();
            assert_eq!(root.attribute("role"), Some("img"), "{path}");
            let child = |name: &str| {
                root.children()
                    .find(|n| n.has_tag_name(name))
                    .and_then(|n| n.text())
                    .unwrap_or("")
                    .trim()
                    .to_string()
            };
            assert!(
                !child("title").is_empty(),
                "{path}: a chart without a title"
            );
            assert!(
                !child("desc").is_empty(),
                "{path}: a chart without a description"
            );
            // the label points at its title and description
            let ids = [
                root.attribute("aria-labelledby").unwrap_or(""),
                root.attribute("aria-describedby").unwrap_or(""),
            ];
            assert!(
                ids.iter().all(|i| !i.is_empty()),
                "{path}: unlabelled chart"
            );
            for id in ids.iter().flat_map(|i| i.split_whitespace()) {
                assert!(
                    doc.descendants().any(|n| n.attribute("id") == Some(id)),
                    "{path}: aria-labelledby names a missing {id}"
                );
            }
            for n in doc.descendants().filter(|n| n.is_element()) {
                if n.has_tag_name("text") {
                    assert!(
                        !n.text().unwrap_or("").trim().is_empty(),
                        "{path}: an empty <text>"
                    );
                }
                // style lives in classes, coordinates are whole numbers
                for a in ["style", "fill", "stroke", "font-family", "font-size"] {
                    assert!(n.attribute(a).is_none(), "{path}: a `{a}` attribute");
                }
                for a in ["x", "y", "width", "height", "points", "d", "cx", "cy", "r"] {
                    if let Some(v) = n.attribute(a) {
                        assert!(!v.contains('.'), "{path}: {a}=\"{v}\" is not rounded");
                    }
                }
            }
            let pixmap = render(svg);
            assert!(
                pixmap.pixels().iter().any(|c| c.alpha() > 0),
                "{path}: the chart renders empty"
            );
        }
    }
    assert!(charts >= 50, "the example site has only {charts} charts");
    sizes.sort_unstable();
    let median = sizes[sizes.len() / 2];
    assert!(median < 8 * 1024, "a typical chart is {median} bytes");
    assert!(
        sizes.iter().all(|&s| s < 16 * 1024),
        "largest chart {:?}",
        sizes.last()
    );
}

#[test]
fn kukar_charts_show_the_target_and_the_laggards_first() {
    let html = std::fs::read_to_string(example_site().join("wilayah/64/64.02.html")).unwrap();
    let doc = page("wilayah/64/64.02.html");
    let figure = |id: &str| {
        doc.select(&sel(&format!("figure#{id}")))
            .next()
            .unwrap_or_else(|| panic!("no figure #{id}"))
    };
    // realisation over time: the target line and both programmes' lines are drawn
    let waktu = figure("tahap-2021-t4-waktu");
    let desc = text(waktu.select(&sel("desc")).next().unwrap());
    assert!(desc.contains("Target 15 Januari 2022"), "{desc}");
    assert!(desc.contains("PKH ") && desc.contains("SEMBAKO "), "{desc}");
    let svg = svgs(&html)
        .into_iter()
        .find(|s| s.contains("tahap-2021-t4-waktu-j"))
        .unwrap();
    assert!(svg.contains("Target 15 Jan"), "the target line is labelled");
    let pixmap = render(svg);
    assert!(has_colour(&pixmap, (0xb0, 0x00, 0x20)), "the target line");
    assert!(has_colour(&pixmap, (0x00, 0x72, 0xb2)), "the first line");

    // the kecamatan, lowest realisation first: Anggana and Tabang
    let anak = figure("tahap-2021-t4-anak");
    let desc = text(anak.select(&sel("desc")).next().unwrap());
    let daftar = desc.split(": ").nth(1).unwrap_or("");
    let first_two: Vec<&str> = daftar
        .split("; ")
        .take(2)
        .map(|s| s.rsplit_once(' ').map_or(s, |(n, _)| n))
        .collect();
    assert_eq!(first_two.len(), 2, "{desc}");
    assert!(
        first_two.contains(&"Anggana") && first_two.contains(&"Tabang"),
        "{desc}"
    );
}

/// The numbers a description states: percentages, grouped thousands and KPM counts.
fn numbers(desc: &str) -> Vec<String> {
    let words: Vec<&str> = desc
        .split(|c: char| c.is_whitespace() || matches!(c, ';' | ':' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches(['.', ',']);
        if !w.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let kpm = words.get(i + 1).is_some_and(|n| n.starts_with("KPM"));
        if w.ends_with('%') || w.contains('.') || kpm {
            out.push(w.to_string());
        }
    }
    out
}

#[test]
fn chart_numbers_match_the_tables_beside_them() {
    let site = files(example_site());
    let mut checked = 0;
    for path in site.keys().filter(|p| p.ends_with(".html")) {
        let doc = page(path);
        for section in doc.select(&sel("section.tahap")) {
            let tables: String = section
                .select(&sel("table"))
                .map(text)
                .collect::<Vec<_>>()
                .join(" ");
            for desc in section.select(&sel("figure.grafik desc")) {
                let desc = text(desc);
                for n in numbers(&desc) {
                    checked += 1;
                    assert!(
                        tables.contains(&n),
                        "{path}: {n} from the chart description is not in the tables beside it\n{desc}"
                    );
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} numbers checked");
}

#[test]
fn series_colours_are_colour_blind_safe_and_contrast_with_white() {
    fn luminance(hex: &str) -> f64 {
        let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
        let ch = |s: u32| {
            let c = f64::from((v >> s) & 0xff) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(16) + 0.7152 * ch(8) + 0.0722 * ch(0)
    }
    let css = chart_css();
    let mut seen = 0;
    for rule in css.split('}') {
        let Some((selector, body)) = rule.split_once('{') else {
            continue;
        };
        // series lines and bars, the target line, text
        let named = [".s0", ".s1", ".s2", ".s3", ".s4", ".tg", " text"];
        if !named.iter().any(|n| selector.trim_end().ends_with(n)) {
            continue;
        }
        for decl in body.split(';') {
            let Some((prop, value)) = decl.split_once(':') else {
                continue;
            };
            let value = value.trim();
            if matches!(prop.trim(), "stroke" | "fill") && value.starts_with('#') {
                let hex = if value.len() == 4 {
                    value[1..].chars().flat_map(|c| [c, c]).collect::<String>()
                } else {
                    value[1..].to_string()
                };
                let contrast = 1.05 / (luminance(&hex) + 0.05);
                assert!(contrast >= 3.0, "{selector}: {value} has {contrast:.2}:1");
                seen += 1;
            }
        }
    }
    assert!(seen >= 7, "only {seen} colours found");
    // the series differ by more than colour: each line but the first has a dash pattern
    for s in [".s1", ".s2", ".s3", ".s4"] {
        let rule = css
            .split('}')
            .find(|r| {
                r.split_once('{')
                    .is_some_and(|(sel, _)| sel.trim() == format!("svg.grafik polyline{s}"))
            })
            .unwrap_or_else(|| panic!("no rule for {s}"));
        assert!(
            rule.contains("stroke-dasharray"),
            "{s} is told apart only by colour"
        );
    }
}

#[test]
fn charts_speak_english_on_an_english_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
        let toml = toml.replace("language = \"id\"", "language = \"en\"");
        assert!(
            toml.contains("language = \"en\""),
            "the example sets its language"
        );
        std::fs::write(site.join("site.toml"), toml).unwrap();
    });
    let html = std::fs::read_to_string(out.join("wilayah/35/35.75.html")).unwrap();
    let svg = svgs(&html)
        .into_iter()
        .find(|s| s.contains("-waktu-j"))
        .expect("a realisation-over-time chart");
    let doc = roxmltree::Document::parse(svg).unwrap();
    let desc = doc
        .descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .unwrap_or("");
    assert!(
        desc.starts_with("Realisation in Kota Pasuruan as of"),
        "{desc}"
    );
    assert!(desc.contains("of 18,877 KPM"), "{desc}");
    assert!(svg.contains(">Allocation (100%)<"), "{svg}");
    // English month abbreviations on the axis
    assert!(svg.contains(" Jul<"), "{svg}");
}
