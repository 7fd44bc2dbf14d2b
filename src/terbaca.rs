//! What a reader gets: the text of Markdown, HTML and TOML as it is published, for the NIK
//! guard ([`crate::teks::cari_nik`]) to see what a reader sees rather than what was typed.
//!
//! The raw text of a file is checked by [`crate::teks::periksa_teks`], but a NIK can be typed
//! so that only its published form shows it: Markdown emphasis or an empty link between the
//! digits (`3575**0198**76543210` is published as `3575<strong>0198</strong>76543210`, read as
//! one number), HTML entities (`&#51;575…`, `3575&nbsp;0198…`), raw HTML tags between the
//! digits (`3575<span>0198</span>…`), a link's address percent-encoded (`%33%35%37%35…`,
//! decoded by the sanitiser), table cells or list items side by side, TOML escapes
//! (`"\u0033575…"`). Each reader therefore also checks its text as published:
//!
//! - Markdown ([`periksa_markdown`]): pulldown-cmark's events with their source offsets, the
//!   text of one block concatenated without a separator (inline markup, code spans and inline
//!   HTML tags show nothing between their texts), blocks, table cells and list items apart by
//!   a space, line breaks a space, entities decoded; a link's or image's address
//!   (percent-decoded) and title, and raw HTML's attribute values, each as a text of its own;
//! - HTML ([`baca_html`]: raw HTML in Markdown, a theme's templates and static pages, the
//!   rendered pages): tags taken out (a block element is a space, an inline one nothing),
//!   comments left out, character references decoded with the full table of HTML
//!   (`html5ever`'s), attribute values decoded and percent-decoded, each a text of its own;
//! - TOML ([`periksa_toml`]: `site.toml`, front matter, a theme's UI strings): every key and
//!   string value as decoded, at its place.
//!
//! Each NIK is reported at the source offset of the part of the text where it starts (the
//! Markdown event, the HTML text or entity, the TOML value): `file:line:column`, masked.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::diagnostics::{Diagnostic, Diagnostics, Problem, Severity};
use crate::teks::{cari_nik, samarkan_teks};

/// Where a part of a text read comes from: (its offset in the text, its offset in the source,
/// whether it is the source as written, so that an offset inside it maps one to one).
pub type Bagian = (usize, usize, bool);

/// A text as a reader gets it, with where each part of it comes from in the source.
#[derive(Debug, Default)]
pub struct Terbaca {
    /// The text shown, in reading order.
    teks: String,
    /// Parts of [`Terbaca::teks`] ([`Bagian`]).
    peta: Vec<Bagian>,
    /// Texts shown apart (a link's address, an attribute's value), each with the offset in the
    /// source of what it comes from.
    terpisah: Vec<(String, usize)>,
}

impl Terbaca {
    /// Adds `s`, read at source offset `sumber`; `tepat`: `s` is the source as written there.
    pub fn tambah(&mut self, s: &str, sumber: usize, tepat: bool) {
        if s.is_empty() {
            return;
        }
        self.peta.push((self.teks.len(), sumber, tepat));
        self.teks.push_str(s);
    }

    /// Adds `s`, the part from offset `awal` of a text whose parts come from the source as
    /// `peta` says ([`Bagian`]s, offsets in that text), split where a part ends.
    fn tambah_dari(&mut self, s: &str, awal: usize, peta: &[Bagian]) {
        let mut dari = 0;
        while dari < s.len() {
            let di = awal + dari;
            let k = peta.partition_point(|p| p.0 <= di).saturating_sub(1);
            let Some(&(mulai, sumber, tepat)) = peta.get(k) else {
                return;
            };
            let sampai = peta
                .get(k + 1)
                .map_or(s.len(), |p| (p.0 - awal).min(s.len()));
            let sampai = if sampai <= dari { s.len() } else { sampai };
            let sumber = if tepat { sumber + (di - mulai) } else { sumber };
            self.tambah(&s[dari..sampai], sumber, tepat);
            dari = sampai;
        }
    }

    /// Ends a block: what follows is shown apart (a space).
    pub fn pisah(&mut self) {
        if !self.teks.is_empty() && !self.teks.ends_with(' ') {
            self.teks.push(' ');
        }
    }

    /// Adds a text shown apart from the flow (a link's address, an attribute's value), read at
    /// source offset `sumber`.
    pub fn terpisah(&mut self, s: String, sumber: usize) {
        if !s.is_empty() {
            self.terpisah.push((s, sumber));
        }
    }

    /// The text shown, blocks apart by a space.
    pub fn teks(&self) -> &str {
        &self.teks
    }

    /// The source offset of offset `di` of the text.
    fn sumber(&self, di: usize) -> usize {
        let k = self.peta.partition_point(|p| p.0 <= di).saturating_sub(1);
        match self.peta.get(k) {
            Some(&(t, s, true)) => s + (di - t),
            Some(&(_, s, false)) => s,
            None => 0,
        }
    }

    /// Every NIK-shaped number of the text and of the texts shown apart: (the source offset
    /// of the part where it starts, the number as shown, masked), in source order.
    pub fn nik(&self) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = cari_nik(&self.teks)
            .into_iter()
            .map(|r| (self.sumber(r.start), samarkan_teks(&self.teks[r])))
            .collect();
        for (t, s) in &self.terpisah {
            out.extend(cari_nik(t).into_iter().map(|r| (*s, samarkan_teks(&t[r]))));
        }
        out.sort_by_key(|n| n.0);
        out
    }
}

/// HTML elements shown inline: their tags put nothing between the texts around them
/// (`3575<b>0198</b>…` reads as one number). Any other tag (a paragraph, a cell, a line
/// break, an image, an unknown element) shows what is around it apart.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// A character reference at the start of `s` (which begins with `&`), as a browser decodes
/// it: `&#51;`, `&#x33;`, `&nbsp;`, a legacy one without `;` (`&nbsp`), with the full table of
/// HTML (html5ever's). Returns the text and the bytes it takes, or `None` for a plain `&`.
pub fn referensi(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let awal = if hex { 3 } else { 2 };
        let n = b[awal..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if n == 0 {
            return None;
        }
        let radix = if hex { 16 } else { 10 };
        let nilai = b[awal..awal + n].iter().fold(0u32, |v, &c| {
            let d = (c as char).to_digit(radix).unwrap_or(0);
            v.saturating_mul(radix).saturating_add(d)
        });
        let c = char::from_u32(nilai)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}');
        let akhir = awal + n + usize::from(b.get(awal + n) == Some(&b';'));
        return Some((c.to_string(), akhir));
    }
    // the longest name in the table is 31 characters
    let n = b[1..]
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if n == 0 {
        return None;
    }
    let entitas = |nama: &str| {
        html5ever::data::NAMED_ENTITIES.get(nama).map(|&(a, b)| {
            [a, b]
                .into_iter()
                .filter(|&c| c != 0)
                .filter_map(char::from_u32)
                .collect::<String>()
        })
    };
    if b.get(1 + n) == Some(&b';')
        && let Some(t) = entitas(&s[1..n + 2])
    {
        return Some((t, n + 2));
    }
    // a legacy reference without `;` (`&nbsp`, `&amp`): the longest that is one
    (2..=n)
        .rev()
        .find_map(|m| entitas(&s[1..1 + m]).map(|t| (t, m + 1)))
}

/// `s` with its character references decoded ([`referensi`]).
pub fn urai_referensi(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(p) = s[i..].find('&') {
        out.push_str(&s[i..i + p]);
        i += p;
        match referensi(&s[i..]) {
            Some((t, n)) => {
                out.push_str(&t);
                i += n;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

/// `s` percent-decoded (`%33` is `3`), as a browser shows an address and the sanitiser
/// rewrites it; bytes that are not UTF-8 replaced.
pub fn urai_persen(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Reads the HTML `html` into `out` as a browser shows it: text with its character references
/// decoded, tags taken out (a block element shows what is around it apart, an inline one puts
/// nothing between), comments left out, every attribute's value (decoded, percent-decoded) a
/// text of its own. `peta` says where the parts of `html` come from in the source
/// ([`Bagian`]s, offsets in `html`).
pub fn baca_html(html: &str, peta: &[Bagian], out: &mut Terbaca) {
    let b = html.as_bytes();
    let sumber = |di: usize| {
        let k = peta.partition_point(|p| p.0 <= di).saturating_sub(1);
        match peta.get(k) {
            Some(&(t, s, true)) => s + (di - t),
            Some(&(_, s, false)) => s,
            None => 0,
        }
    };
    let mut i = 0;
    let mut teks = 0;
    while i < b.len() {
        match b[i] {
            b'<' if html[i..].starts_with("<!--") => {
                out.tambah_dari(&html[teks..i], teks, peta);
                i = html[i + 4..].find("-->").map_or(b.len(), |p| i + 4 + p + 3);
                teks = i;
            }
            b'<' if matches!(b.get(i + 1), Some(c) if c.is_ascii_alphabetic() || *c == b'!' || *c == b'?')
                || (b.get(i + 1) == Some(&b'/')
                    && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic)) =>
            {
                out.tambah_dari(&html[teks..i], teks, peta);
                i = baca_tag(html, i, &sumber, out);
                teks = i;
            }
            b'&' => match referensi(&html[i..]) {
                Some((t, n)) => {
                    out.tambah_dari(&html[teks..i], teks, peta);
                    out.tambah(&t, sumber(i), false);
                    i += n;
                    teks = i;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    out.tambah_dari(&html[teks..], teks, peta);
}

/// Attributes whose values are a drawing's numbers, which no reader sees as text: a chart's
/// `points="42,197 160,138 171,84 183,33"` reads as 16 digits. Every other attribute (`alt`,
/// `title`, `href`, `content`, `data-*`, …) is read.
const GEOMETRI: &[&str] = &[
    "points",
    "d",
    "viewbox",
    "x",
    "y",
    "x1",
    "x2",
    "y1",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "dx",
    "dy",
    "width",
    "height",
    "transform",
    "stroke-dasharray",
    "stroke-width",
    "font-size",
];

/// The name of the attribute whose `=` ends `before`: the last word of it.
fn nama_atribut(before: &str) -> &str {
    let t = before.trim_end();
    let awal = t
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':')))
        .map_or(0, |p| p + 1);
    &t[awal..]
}

/// Reads the tag at byte `i` of `html` (at `<`): its attributes' values go to `out` as texts
/// of their own, and a block element's tag ends a block. Returns the offset after the tag.
fn baca_tag(html: &str, i: usize, sumber: &dyn Fn(usize) -> usize, out: &mut Terbaca) -> usize {
    let b = html.as_bytes();
    let mut j = i + 1;
    if b.get(j) == Some(&b'/') {
        j += 1;
    }
    let awal = j;
    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
        j += 1;
    }
    let nama = html[awal..j].to_ascii_lowercase();
    // attributes: name, then `=` and a value, quoted or not
    while j < b.len() && b[j] != b'>' {
        if b[j] != b'=' {
            j += 1;
            continue;
        }
        let atribut = nama_atribut(&html[..j]).to_ascii_lowercase();
        j += 1;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let (mulai, akhir, lanjut) = match b.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let akhir = html[j + 1..].find(q as char).map_or(b.len(), |p| j + 1 + p);
                (j + 1, akhir, (akhir + 1).min(b.len()))
            }
            _ => {
                let akhir = html[j..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .map_or(b.len(), |p| j + p);
                (j, akhir, akhir)
            }
        };
        if !GEOMETRI.contains(&atribut.as_str()) {
            out.terpisah(
                urai_persen(&urai_referensi(&html[mulai..akhir])),
                sumber(mulai),
            );
        }
        j = lanjut;
    }
    if !INLINE.contains(&nama.as_str()) {
        out.pisah();
    }
    (j + 1).min(b.len())
}

/// Whether Markdown element `tag` is shown inline (its start and end put nothing between the
/// texts around them). An image is not: its text is its `alt`, shown apart.
fn inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

/// The same as [`inline`] for an end tag.
fn inline_akhir(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// The Markdown `body` as a reader gets it ([`Terbaca`]), offsets in `body`; `options` as it
/// is rendered with.
pub fn baca_markdown(body: &str, options: Options) -> Terbaca {
    let mut t = Terbaca::default();
    // an HTML block comes as one event per line: read whole, a tag may span lines
    let mut blok: Option<(String, Vec<Bagian>)> = None;
    let tepat = |s: &str, r: &Range<usize>| body.get(r.clone()) == Some(s);
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                t.pisah();
                blok = Some((String::new(), Vec::new()));
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((html, peta)) = blok.take() {
                    baca_html(&html, &peta, &mut t);
                }
                t.pisah();
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let persis = tepat(&h, &range);
                match blok.as_mut() {
                    Some((html, peta)) => {
                        peta.push((html.len(), range.start, persis));
                        html.push_str(&h);
                    }
                    None => baca_html(&h, &[(0, range.start, persis)], &mut t),
                }
            }
            Event::Text(s) | Event::Code(s) | Event::InlineMath(s) | Event::DisplayMath(s) => {
                t.tambah(&s, range.start, tepat(&s, &range));
            }
            Event::SoftBreak | Event::HardBreak => t.tambah(" ", range.start, false),
            Event::Start(tag) => {
                if let Tag::Link {
                    dest_url, title, ..
                }
                | Tag::Image {
                    dest_url, title, ..
                } = &tag
                {
                    t.terpisah(urai_persen(dest_url), range.start);
                    t.terpisah(title.to_string(), range.start);
                }
                if !inline(&tag) {
                    t.pisah();
                }
            }
            Event::End(tag) => {
                if !inline_akhir(&tag) {
                    t.pisah();
                }
            }
            Event::FootnoteReference(label) => t.terpisah(label.to_string(), range.start),
            Event::Rule => t.pisah(),
            Event::TaskListMarker(_) => {}
        }
    }
    t
}

/// The guard on a Markdown body as published: every NIK the text of `body` (the tail of the
/// file's `text`) shows ([`baca_markdown`]) is an error at the line and column of the part
/// where it starts ([`Problem::PrivacyNikTerbaca`]), quoting the number as shown, masked.
/// Returns whether the body is clean.
pub fn periksa_markdown(
    file: &str,
    text: &str,
    body: &str,
    options: Options,
    diags: &mut Diagnostics,
) -> bool {
    let awal = text.len() - body.len();
    let nik = baca_markdown(body, options).nik();
    lapor(file, text, awal, &nik, diags);
    nik.is_empty()
}

/// The guard on an HTML text (a theme's template or static page) as a browser shows it
/// ([`baca_html`]): every NIK is an error at its place in `text`. Returns whether it is clean.
pub fn periksa_html(file: &str, text: &str, diags: &mut Diagnostics) -> bool {
    let mut t = Terbaca::default();
    baca_html(text, &[(0, 0, true)], &mut t);
    let nik = t.nik();
    lapor(file, text, 0, &nik, diags);
    nik.is_empty()
}

/// The NIK-shaped numbers an HTML page shows ([`baca_html`]: its text and attribute values),
/// masked: the last check of a rendered page. A hexadecimal digest on the page is not read
/// ([`tanpa_sidik`]): salur prints the SHA-256 of every input file ("Tentang data", the
/// sources of a figure), and one of them in a hundred or so holds 16 decimal digits in a row.
/// A NIK hidden in a digest-like word of an input is refused by the input's own check.
pub fn nik_di_html(html: &str) -> Vec<String> {
    let mut t = Terbaca::default();
    baca_html(html, &[(0, 0, true)], &mut t);
    tanpa_sidik(&mut t.teks);
    for (s, _) in &mut t.terpisah {
        tanpa_sidik(s);
    }
    t.nik().into_iter().map(|(_, n)| n).collect()
}

/// The shortest hexadecimal digest [`tanpa_sidik`] blanks (MD5; SHA-1 is 40, SHA-256 64).
const SIDIK_MIN: usize = 32;

/// Blanks every hexadecimal digest of `s` with `x`, in place (offsets kept): a word of at
/// least [`SIDIK_MIN`] ASCII hex digits (between characters that are not ASCII letters or
/// digits) holding at least one letter `a`–`f`, so that a digest that starts with or holds
/// 16 decimal digits (`6533286451424912c8cf…`) is not read as a number.
fn tanpa_sidik(s: &mut String) {
    let b = s.as_bytes();
    if b.len() < SIDIK_MIN {
        return;
    }
    let mut kosong: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let awal = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let kata = &b[awal..i];
        if kata.len() >= SIDIK_MIN
            && kata.iter().all(u8::is_ascii_hexdigit)
            && kata.iter().any(u8::is_ascii_alphabetic)
        {
            kosong.push(awal..i);
        }
    }
    if kosong.is_empty() {
        return;
    }
    // ASCII for ASCII: the string stays UTF-8 and every offset stays where it was
    let mut bytes = std::mem::take(s).into_bytes();
    for r in kosong {
        bytes[r].fill(b'x');
    }
    *s = String::from_utf8(bytes).unwrap_or_default();
}

/// Reports `nik` (source offsets from `awal` in `text`) as errors of `file`.
fn lapor(file: &str, text: &str, awal: usize, nik: &[(usize, String)], diags: &mut Diagnostics) {
    for (di, nilai) in nik {
        diags.push_with(Severity::Error, || {
            let (line, column) = crate::dasar::tempat::line_column(text, awal + di);
            Diagnostic::error(file, line, column, Some(nilai), Problem::PrivacyNikTerbaca)
        });
    }
}

/// The guard on TOML as read: every key and string value of `toml` (at byte `awal` of the
/// file's `text`), as decoded (`"\u0033575…"` is `3575…`), is checked, and a NIK in one is an
/// error at its place ([`Problem::PrivacyNikTerbaca`]), the decoded value masked. TOML that
/// does not parse is left to the reader that reports it. Returns whether it is clean.
pub fn periksa_toml(
    file: &str,
    text: &str,
    awal: usize,
    toml: &str,
    diags: &mut Diagnostics,
) -> bool {
    let (root, _) = toml::de::DeTable::parse_recoverable(toml);
    let nik = nik_toml(root.get_ref());
    lapor(file, text, awal, &nik, diags);
    nik.is_empty()
}

/// The NIK-shaped numbers of every key and string value of the TOML table `t`, as decoded:
/// (the offset of the key or value in its TOML text, the number masked), in document order.
pub fn nik_toml(t: &toml::de::DeTable<'_>) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    telusuri_tabel(t, &mut out);
    out.sort_by_key(|n| n.0);
    out
}

/// Collects the NIKs of every key and string value of `t`, at their TOML offsets.
fn telusuri_tabel(t: &toml::de::DeTable<'_>, out: &mut Vec<(usize, String)>) {
    for (k, v) in t.iter() {
        cari_di(k.get_ref(), k.span().start, out);
        telusuri_nilai(v, out);
    }
}

/// Collects the NIKs of a TOML value.
fn telusuri_nilai(v: &toml::Spanned<toml::de::DeValue<'_>>, out: &mut Vec<(usize, String)>) {
    match v.get_ref() {
        toml::de::DeValue::String(s) => cari_di(s, v.span().start, out),
        toml::de::DeValue::Array(a) => {
            for x in a.iter() {
                telusuri_nilai(x, out);
            }
        }
        toml::de::DeValue::Table(t) => telusuri_tabel(t, out),
        _ => {}
    }
}

/// Adds the NIKs of `s` (read at `di`), masked.
fn cari_di(s: &str, di: usize, out: &mut Vec<(usize, String)>) {
    out.extend(cari_nik(s).into_iter().map(|r| (di, samarkan_teks(&s[r]))));
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPSI: Options = Options::ENABLE_TABLES
        .union(Options::ENABLE_FOOTNOTES)
        .union(Options::ENABLE_STRIKETHROUGH)
        .union(Options::ENABLE_TASKLISTS)
        .union(Options::ENABLE_SMART_PUNCTUATION);

    /// The NIKs of a Markdown body: (line:column in it, masked value).
    fn nik_md(md: &str) -> Vec<(String, String)> {
        baca_markdown(md, OPSI)
            .nik()
            .into_iter()
            .map(|(di, n)| {
                let (l, c) = crate::dasar::tempat::line_column(md, di);
                (format!("{l}:{c}"), n)
            })
            .collect()
    }

    #[test]
    fn markdown_that_renders_to_a_nik_is_found_where_it_starts() {
        for (md, di) in [
            ("NIK 3575**0198**76543210", "1:5"),
            ("NIK 3575*0198*76543210", "1:5"),
            ("NIK 3575~~0198~~76543210", "1:5"),
            ("`3575`0198`7654`3210", "1:1"),
            ("[3575](https://a.example/)019876543210", "1:2"),
            ("3575[](x)019876543210", "1:1"),
            ("3575<span>0198</span>76543210", "1:1"),
            ("3575<b></b>019876543210", "1:1"),
            ("NIK &#51;575019876543210", "1:5"),
            ("NIK &#x33;575019876543210", "1:5"),
            (
                "&#51;&#53;&#55;&#53;&#48;&#49;&#57;&#56;&#55;&#54;&#53;&#52;&#51;&#50;&#49;&#48;",
                "1:1",
            ),
            ("3575&nbsp;0198&nbsp;7654&nbsp;3210", "1:1"),
            ("NIK 3575    0198    7654    3210", "1:5"),
            ("Teks.\n\n3575-\n0198-7654-3210", "3:1"),
            ("![NIK 3575*0198*7654*3210](x.png)", "1:7"),
            ("| a | b |\n|---|---|\n| 35750198 | 76543210 |", "3:3"),
            ("- 35750198\n- 76543210", "1:3"),
            (
                "[berkas](https://a.example/%33%35%37%35%30%31%39%38%37%36%35%34%33%32%31%30)",
                "1:1",
            ),
            ("[a](x \"NIK 3575019876543210\")", "1:1"),
            ("<div title=\"3575&#48;19876543210\">x</div>", "1:13"),
            ("<div>\n3575<i>0198</i>\n76543210\n</div>", "2:1"),
            ("Hari ini 3575'0198'7654'3210.", "1:10"),
        ] {
            let n = nik_md(md);
            assert_eq!(n.len(), 1, "{md:?}: {n:?}");
            assert_eq!(n[0].0, di, "{md:?}: {n:?}");
            assert!(n[0].1.contains('*'), "{md:?}: {n:?}");
        }
    }

    #[test]
    fn ordinary_markdown_holds_no_nik() {
        for md in [
            "Rapat pada 13 Juli 2021 pukul 07.00-12.00 WIB di 35.75.01.1001.",
            "| Kelurahan | KPM |\n|---|--:|\n| Bugul Kidul | 1.234 |\n| Tapaan | 5.678 |\n| Blandongan | 9.012 |",
            "- 10.550 KPM\n- 18.877 KPM\n- 5.744 KPM",
            "Anggaran Rp 3.325.000.000.000.000 (APBN).",
            "[berita](https://regional.kompas.com/read/2021/07/13/10350041/rakor-bansos)",
            "Lokasi: -7.645312, 112.907512; telepon (0343) 123-4567.",
            "RW 01, 02, 03 dan 04 pada 2021-07-13, 2021-07-14.",
            "<span title=\"a &amp; b\">x &lt; y</span>",
        ] {
            assert_eq!(nik_md(md), Vec::<(String, String)>::new(), "{md:?}");
        }
    }

    #[test]
    fn references_are_decoded_as_a_browser_does() {
        assert_eq!(
            urai_referensi("&#51;&#x35;&nbsp;&amp;&ampx&copy;&zz;&"),
            "35\u{a0}&&x©&zz;&"
        );
        assert_eq!(urai_referensi("&#0;&#99999999999;"), "\u{fffd}\u{fffd}");
        assert_eq!(urai_persen("a%33%35%zz"), "a35%zz");
    }

    #[test]
    fn html_text_and_attributes_are_read() {
        let mut t = Terbaca::default();
        let html = "<p>a<b>1</b>2</p><td>3</td><!-- 4 --><a href=\"%35\" title='6'>7</a>";
        baca_html(html, &[(0, 0, true)], &mut t);
        assert_eq!(t.teks(), "a12 3 7");
        assert_eq!(
            t.terpisah,
            vec![("5".to_string(), 46), ("6".to_string(), 58)]
        );
    }

    #[test]
    fn a_digest_on_a_rendered_page_is_not_a_nik() {
        // the SHA-256 of a data file as "Tentang data" lists it, next to its row count
        let html = "<tr><td class=\"n\">18.154</td><td class=\"hash\"><code>\
                    6533286451424912c8cf3d8030bdd4b113f4f7a906f174708fc9108727ab0ed6\
                    </code></td></tr><p><code title=\"1234567890123456abcdef0123456789\">\
                    1234567890123…</code></p>";
        assert_eq!(nik_di_html(html), Vec::<String>::new());
        // a NIK beside one is still read
        let html = "<td>6533286451424912c8cf3d8030bdd4b113f4f7a906f174708fc9108727ab0ed6</td>\
                    <td>3575 0198 7654 3210</td><td>3575019876543210abc</td>";
        assert_eq!(
            nik_di_html(html),
            vec!["3575 **** **** **10", "3575**********10"]
        );
        let mut s =
            "é 0123456789abcdef0123456789abcdef, 0123456789abcdef0123456789abcde".to_string();
        tanpa_sidik(&mut s);
        assert_eq!(
            s,
            "é xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, 0123456789abcdef0123456789abcde"
        );
    }

    #[test]
    fn toml_values_are_checked_as_decoded() {
        let mut d = Diagnostics::new();
        let text = "+++\njudul = \"Rakor\"\npimpinan = \"Bu \\u0033575019876543210\"\n+++\n";
        let fm = &text[4..text.len() - 4];
        assert!(!periksa_toml("content/rapat/x.md", text, 4, fm, &mut d));
        assert_eq!(
            d.items()[0]
                .message(crate::lang::Lang::En)
                .split(": privacy")
                .next(),
            Some("content/rapat/x.md:3:12: '3575**********10'")
        );
        let mut d = Diagnostics::new();
        assert!(periksa_toml(
            "site.toml",
            "a = \"35.75.01.1001\"",
            0,
            "a = \"35.75.01.1001\"",
            &mut d
        ));
        // a key too: an unknown key is quoted in a message
        assert!(!periksa_toml(
            "site.toml",
            "\"\\u0033575019876543210\" = 1",
            0,
            "\"\\u0033575019876543210\" = 1",
            &mut d
        ));
    }
}

/// The text of a file a browser would show as text: UTF-8 (a BOM dropped), or UTF-16 with a
/// BOM, or UTF-16 without one whose every other byte is zero in at least a third of its
/// characters (the ASCII of a Notepad "Unicode" file). `None` for anything else (an image, a
/// font): its bytes are not a text a reader copies a number from.
pub fn teks_berkas(bytes: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    let utf16 = |b: &[u8], le: bool| -> Cow<'_, str> {
        let units = b.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        Cow::Owned(
            char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect(),
        )
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest).ok().map(Cow::Borrowed);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some(utf16(rest, true));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some(utf16(rest, false));
    }
    if !bytes.contains(&0) {
        return std::str::from_utf8(bytes).ok().map(Cow::Borrowed);
    }
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pasangan = bytes.len() / 2;
    let nol_ganjil = bytes
        .chunks_exact(2)
        .filter(|c| c[1] == 0 && c[0] != 0)
        .count();
    let nol_genap = bytes
        .chunks_exact(2)
        .filter(|c| c[0] == 0 && c[1] != 0)
        .count();
    if nol_ganjil * 3 >= pasangan {
        Some(utf16(bytes, true))
    } else if nol_genap * 3 >= pasangan {
        Some(utf16(bytes, false))
    } else {
        None
    }
}

/// `s` with the escapes of JavaScript, JSON and CSS decoded (`\u0033`, `\u{33}`, `\x33`,
/// CSS's `\33 ` of one to six hex digits and one optional space), or `None` when it has no
/// backslash. An escape that does not decode to a character is left as written.
pub fn urai_escape(s: &str) -> Option<String> {
    if !s.contains('\\') {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('\\') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let hex_run = |t: &str, max: usize| {
            t.bytes()
                .take(max)
                .take_while(u8::is_ascii_hexdigit)
                .count()
        };
        let (decoded, used) = if let Some(t) = after.strip_prefix("u{") {
            let n = hex_run(t, 6);
            if n > 0 && t[n..].starts_with('}') {
                (u32::from_str_radix(&t[..n], 16).ok(), 2 + n + 1)
            } else {
                (None, 0)
            }
        } else if let Some(t) = after.strip_prefix('u') {
            if hex_run(t, 4) == 4 {
                (u32::from_str_radix(&t[..4], 16).ok(), 5)
            } else {
                (None, 0)
            }
        } else if let Some(t) = after.strip_prefix('x') {
            if hex_run(t, 2) == 2 {
                (u32::from_str_radix(&t[..2], 16).ok(), 3)
            } else {
                (None, 0)
            }
        } else {
            // CSS: one to six hex digits, then perhaps one space that ends the escape
            let n = hex_run(after, 6);
            if n > 0 {
                let space = usize::from(after[n..].starts_with(' '));
                (u32::from_str_radix(&after[..n], 16).ok(), n + space)
            } else {
                (None, 0)
            }
        };
        match decoded.and_then(char::from_u32) {
            Some(c) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('\\');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod escape_tests {
    use super::{teks_berkas, urai_escape};
    use crate::teks::cari_nik;

    #[test]
    fn escapes_of_scripts_json_and_css_are_read() {
        for s in [
            r#"{"n":"\u0033575014507900003"}"#,
            r#"var n="\x33575014507900003";"#,
            r#"var n="\u{33}575014507900003";"#,
            r#"a::after { content: "\33 575014507900003" }"#,
        ] {
            let u = urai_escape(s).unwrap();
            assert_eq!(cari_nik(&u).len(), 1, "{s} -> {u}");
        }
        assert_eq!(urai_escape("tanpa"), None);
        assert_eq!(urai_escape(r"a\zb").as_deref(), Some(r"a\zb"));
    }

    #[test]
    fn utf16_text_files_are_read() {
        let text = "NIK 3575014507900003";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let mut bom = vec![0xFF, 0xFE];
        bom.extend_from_slice(&le);
        for b in [&le, &be, &bom] {
            assert_eq!(teks_berkas(b).as_deref(), Some(text));
        }
        assert_eq!(teks_berkas(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
    }
}
