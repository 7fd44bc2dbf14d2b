//! The `content` stage: Markdown pages in `content/` with TOML front matter.
//!
//! A page is `content/<slug>.md`: front matter between `+++` lines (`judul` required), then
//! Markdown with tables, footnotes, strikethrough, task lists and smart punctuation. The HTML
//! is sanitised: raw HTML in a page cannot inject scripts, event handlers or `javascript:`
//! links. Headings get stable ids for deep links.

use std::collections::HashSet;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

pub mod rapat;

pub use crate::dasar::baca::baca_teks;
use crate::dasar::tempat::line_column;
use crate::dasar::toml::{nilai_salah, toml_problem};
use crate::diagnostics::{Diagnostic, Diagnostics, Problem};

/// A content page.
#[derive(Debug, Clone)]
pub struct Halaman {
    /// The file name without `.md` as a file name ([`crate::slug::nama_berkas`]: diacritics
    /// folded, lower case, `-` between words); the page is published as `<slug>.html`.
    pub slug: String,
    /// The title.
    pub judul: String,
    /// A one-line summary, if given.
    pub ringkasan: Option<String>,
    /// The sanitised HTML of the body.
    pub html: String,
    /// The source path, relative to the site root.
    pub sumber: String,
}

/// All content of a site.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Pages, sorted by slug.
    pub halaman: Vec<Halaman>,
    /// Meeting notes, newest first (then by slug).
    pub rapat: Vec<rapat::Rapat>,
    /// Warnings found while reading (Markdown files that are not read).
    pub peringatan: Diagnostics,
}

impl Content {
    /// The page with this slug.
    pub fn get(&self, slug: &str) -> Option<&Halaman> {
        self.halaman.iter().find(|h| h.slug == slug)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    judul: toml::Spanned<String>,
    ringkasan: Option<toml::Spanned<String>>,
}

/// Reads `root/content/*.md`. No Markdown file larger than `batas` bytes is read
/// ([`Problem::MarkdownTerlaluBesar`], `batas_markdown_kb` in `site.toml`).
pub fn load(root: &Path, batas: u64) -> Result<Content, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut halaman = Vec::new();
    // `content/` itself: a broken link or a file there is said as such
    match crate::berkas::Situs::new(root).periksa_folder("content") {
        Ok(true) => {}
        Ok(false) => return Ok(Content::default()),
        Err(d) => {
            diags.push(*d);
            return Err(diags);
        }
    }
    for (path, rel, slug) in markdown_files(root, "content", false, &mut diags) {
        match baca_markdown(&path, &rel, batas) {
            // the NIK guard on the whole file, front matter and body: a message about another
            // value of a file with a NIK could quote it
            Ok(text) if !crate::teks::periksa_teks(&rel, &text, &mut diags) => {}
            Ok(text) => {
                if let Some(h) = parse_page(&rel, &slug, &text, &mut diags) {
                    halaman.push(h);
                }
            }
            Err(d) => diags.push(*d),
        }
    }
    let rapat = load_rapat(root, batas, &mut diags);
    warn_unread_markdown(root, &mut diags);
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(Content {
            halaman,
            rapat,
            peringatan: diags,
        })
    }
}

/// Reads `root/content/rapat/*.md`, newest meeting first.
fn load_rapat(root: &Path, batas: u64, diags: &mut Diagnostics) -> Vec<rapat::Rapat> {
    let mut out = Vec::new();
    // notes in sub-folders too (`content/rapat/2024/…`): published as `rapat/<slug>.html`
    // like the others, so that sorting notes into folders never changes their addresses
    for (path, rel, slug) in markdown_files(root, "content/rapat", true, diags) {
        match baca_markdown(&path, &rel, batas) {
            Ok(text) if !crate::teks::periksa_teks(&rel, &text, diags) => {}
            Ok(text) => out.extend(rapat::parse(&rel, &slug, &text, diags)),
            Err(d) => diags.push(*d),
        }
    }
    out.sort_by(|a, b| b.tanggal.cmp(&a.tanggal).then_with(|| a.slug.cmp(&b.slug)));
    out
}

/// The `.md` files of `root/folder`, sorted by path, as (path, path relative to the root,
/// slug); with `rekursif`, those of its sub-folders too (not hidden ones: `.git`). The slug is
/// the file's name, wherever it lies: a slug that salur uses itself (`index`), or that two
/// files share (`Rakor.md` and `rakor.md`, `rakor.md` and `rákor.md`, or `2023/rakor.md` and
/// `2024/rakor.md`), is found
/// by the page plan, which claims every output path once (`site::Situs::plan`). A symbolic
/// link is followed when it stays inside the site folder, and reported when it leads outside
/// it ([`crate::berkas`]). A file name holding a NIK is refused: the name becomes the page's
/// address.
fn markdown_files(
    root: &Path,
    folder: &str,
    rekursif: bool,
    diags: &mut Diagnostics,
) -> Vec<(std::path::PathBuf, String, String)> {
    let situs = crate::berkas::Situs::new(root);
    let mut paths: Vec<(std::path::PathBuf, String)> = Vec::new();
    let mut dikunjungi = HashSet::new();
    // the folder itself (`content/rapat` a broken link: every note would be left out)
    if let Err(d) = situs.periksa_folder(folder) {
        diags.push(*d);
        return Vec::new();
    }
    kumpulkan_markdown(
        &situs,
        &root.join(folder),
        folder,
        rekursif,
        &mut dikunjungi,
        &mut paths,
        diags,
    );
    paths.sort_by(|a, b| a.1.cmp(&b.1));
    let mut out: Vec<(std::path::PathBuf, String, String)> = Vec::new();
    for (path, rel) in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // the name becomes the page's address (and goes into the sitemap, the feed and the
        // search index)
        if !crate::teks::periksa_nama_berkas(&rel, diags) {
            continue;
        }
        // one rule for every file name made from a name: `Cára Membaca.md`, written composed
        // or decomposed (as macOS stores it), is `cara-membaca.html` ([`crate::slug`])
        let slug = crate::slug::nama_berkas(name.trim_end_matches(".md"), "halaman");
        out.push((path, rel, slug));
    }
    out
}

/// Adds the `.md` files of `dir` (`rel` from the site root) to `out`, and with `rekursif`
/// those of its sub-folders; each folder is read once (`dikunjungi`: canonical paths), so a
/// link back up the tree cannot loop.
///
/// What salur would read and cannot is an error naming it ([`crate::berkas::JenisLain`]), never
/// skipped without a word: an `.md` name that is a broken link, links that loop, a pipe, a
/// socket, a device (or, among pages, a folder); and, in a folder read with its sub-folders
/// (notes), any broken or looping link, which may have been a folder of notes. Hidden names
/// (`.#note.md`, the lock link an editor makes beside a file it edits) are left alone unless
/// they are ordinary `.md` files.
fn kumpulkan_markdown(
    situs: &crate::berkas::Situs,
    dir: &Path,
    rel: &str,
    rekursif: bool,
    dikunjungi: &mut HashSet<std::path::PathBuf>,
    out: &mut Vec<(std::path::PathBuf, String)>,
    diags: &mut Diagnostics,
) {
    if let Ok(nyata) = std::fs::canonicalize(dir)
        && !dikunjungi.insert(nyata)
    {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    use crate::berkas::{Jenis, JenisLain};
    for e in entries {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        let rel = format!("{rel}/{name}");
        let nama_md = path.extension().is_some_and(|x| x == "md");
        let tersembunyi = name.starts_with('.');
        // links followed: what they lead to decides
        let jenis = crate::berkas::jenis(&path);
        let dibaca = match &jenis {
            Jenis::Berkas { .. } => nama_md,
            Jenis::Folder => (rekursif && !tersembunyi) || (nama_md && !rekursif),
            Jenis::Lain(JenisLain::TautanPutus { .. } | JenisLain::TautanBerputar { .. }) => {
                !tersembunyi && (nama_md || rekursif)
            }
            Jenis::Lain(_) | Jenis::Galat(_) => nama_md && !tersembunyi,
            Jenis::TidakAda => false,
        };
        if !dibaca {
            continue;
        }
        let folder = match situs.berkas(&path) {
            Ok(Some(_)) => false,
            // removed meanwhile
            Ok(None) => continue,
            Err(crate::berkas::Tolak::Lain(JenisLain::Folder)) if rekursif => true,
            Err(t) => {
                diags.push(crate::berkas::tolak_di(&rel, t));
                continue;
            }
        };
        if folder {
            kumpulkan_markdown(situs, &path, &rel, rekursif, dikunjungi, out, diags);
        } else {
            out.push((path, rel));
        }
    }
}

/// Warns about Markdown files in sub-folders of `content/` other than `rapat/`: pages are
/// `content/*.md` only, and such a file would otherwise be left out without a word.
fn warn_unread_markdown(root: &Path, diags: &mut Diagnostics) {
    let Ok(entries) = std::fs::read_dir(root.join("content")) else {
        return;
    };
    let mut folders: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "rapat" && !n.starts_with('.'))
        .collect();
    folders.sort();
    let situs = crate::berkas::Situs::new(root);
    for f in folders {
        let rel = format!("content/{f}");
        let mut found = Vec::new();
        let mut seen = HashSet::new();
        let mut ignored = Diagnostics::new();
        kumpulkan_markdown(
            &situs,
            &root.join(&rel),
            &rel,
            true,
            &mut seen,
            &mut found,
            &mut ignored,
        );
        found.sort_by(|a, b| a.1.cmp(&b.1));
        for (path, rel) in found {
            // where a page is read from
            let suggestion = path
                .file_name()
                .map(|n| format!("content/{}", n.to_string_lossy()));
            diags.push(Diagnostic {
                severity: crate::diagnostics::Severity::Warning,
                ..Diagnostic::error(&rel, 0, 0, None, Problem::UnknownInput { suggestion })
            });
        }
    }
}

/// Splits `+++` front matter from the body. Returns the front matter, its byte offset in the
/// text, and the body.
///
/// The front matter ends at the first line that is `+++`, except a line inside a multi-line
/// TOML string (`"""…"""`, `'''…'''`): the `toml` crate writes a value with line breaks
/// that way, and such a value may hold a `+++` line. When no line closes it outside a string
/// (a `"""` never closed), the first `+++` line does, and the TOML reader then names the
/// unclosed string at its place.
///
/// ```
/// use salur::content::split_front_matter;
/// let text = "+++\njudul = \"\"\"\nA\n+++\nB\"\"\"\n+++\nIsi.\n";
/// assert_eq!(
///     split_front_matter(text),
///     Some(("judul = \"\"\"\nA\n+++\nB\"\"\"\n", 4, "Isi.\n"))
/// );
/// ```
pub fn split_front_matter(text: &str) -> Option<(&str, usize, &str)> {
    let text_start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let rest = &text[text_start..];
    let first_end = rest.find('\n')?;
    if rest[..first_end].trim_end() != "+++" {
        return None;
    }
    let fm_start = first_end + 1;
    let after = &rest[fm_start..];
    let (pos, len) = closing_line(after, true).or_else(|| closing_line(after, false))?;
    Some((&after[..pos], text_start + fm_start, &after[pos + len..]))
}

/// The byte offset in `fm` and the length of the `+++` line that closes the front matter;
/// with `strings`, a line inside a multi-line TOML string does not close it.
fn closing_line(fm: &str, strings: bool) -> Option<(usize, usize)> {
    let mut pos = 0;
    let mut open = None;
    for line in fm.split_inclusive('\n') {
        if open.is_none() && line.trim_end() == "+++" {
            return Some((pos, line.len()));
        }
        if strings {
            open = multiline_open_after(line.as_bytes(), open);
        }
        pos += line.len();
    }
    None
}

/// The quote (`"` or `'`) of the multi-line TOML string still open at the end of `line`,
/// given the one open at its start. One-line strings and comments are skipped, so that a
/// `"""` inside them does not count.
fn multiline_open_after(line: &[u8], mut open: Option<u8>) -> Option<u8> {
    let mut i = 0;
    while i < line.len() {
        match open {
            Some(q) => {
                if q == b'"' && line[i] == b'\\' {
                    i += 2;
                } else if line[i..].starts_with(&[q; 3]) {
                    // one or two more quotes just inside the closing ones belong to the string
                    while i < line.len() && line[i] == q {
                        i += 1;
                    }
                    open = None;
                } else {
                    i += 1;
                }
            }
            None => match line[i] {
                b'#' => return None,
                q @ (b'"' | b'\'') if line[i..].starts_with(&[q; 3]) => {
                    open = Some(q);
                    i += 3;
                }
                q @ (b'"' | b'\'') => {
                    i += 1;
                    while i < line.len() && line[i] != q && line[i] != b'\n' {
                        i += if q == b'"' && line[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                _ => i += 1,
            },
        }
    }
    open
}

/// The problem with a file whose front matter cannot be split off: none at all, or an opening
/// `+++` that is never closed.
pub fn front_matter_problem(text: &str) -> Problem {
    let opened = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .is_some_and(|l| l.trim_end() == "+++");
    if opened {
        Problem::FrontMatterUnclosed
    } else {
        Problem::NoFrontMatter
    }
}

/// A Markdown file split and its front matter read into `T`: returns the front matter, the byte
/// offset of the front matter in `text` (for positions of values inside it) and the body.
/// `keys_for(before)` names the keys allowed after the front-matter text `before`, for the "did
/// you mean" of an unknown key.
pub fn read_front_matter<'t, T: serde::de::DeserializeOwned>(
    rel: &str,
    text: &'t str,
    keys_for: impl Fn(&str) -> &'static [&'static str],
    diags: &mut Diagnostics,
) -> Option<(T, usize, &'t str)> {
    let Some((fm, offset, body)) = split_front_matter(text) else {
        diags.push(Diagnostic::error(
            rel,
            1,
            1,
            None,
            front_matter_problem(text),
        ));
        return None;
    };
    // every key and string value as decoded (`"\u0033575…"` is a NIK the raw text hides),
    // before the reader quotes an unknown key
    if !crate::terbaca::periksa_toml(rel, text, offset, fm, diags) {
        return None;
    }
    match toml::from_str(fm) {
        Ok(front) => Some((front, offset, body)),
        Err(e) => {
            let start = e.span().map_or(0, |s| s.start);
            let (line, column) = if e.span().is_some() {
                line_column(text, offset + start)
            } else {
                (1, 1)
            };
            let before = fm.get(..start).unwrap_or(fm);
            let problem = toml_problem(e.message().trim(), keys_for(before), before);
            let value = nilai_salah(&problem, fm, e.span());
            diags.push(Diagnostic::error(
                rel,
                line,
                column,
                value.as_deref(),
                problem,
            ));
            None
        }
    }
}

/// Reads the Markdown file `path` like [`baca_teks`], refusing from its size, before reading
/// it, a file larger than `batas` bytes.
pub fn baca_markdown(path: &Path, rel: &str, batas: u64) -> Result<String, Box<Diagnostic>> {
    if let crate::berkas::Jenis::Berkas { ukuran } = crate::berkas::jenis(path)
        && ukuran > batas
    {
        return Err(Box::new(Diagnostic::error(
            rel,
            0,
            0,
            None,
            Problem::MarkdownTerlaluBesar { ukuran, batas },
        )));
    }
    baca_teks(path, rel)
}

pub(crate) fn parse_page(
    rel: &str,
    slug: &str,
    text: &str,
    diags: &mut Diagnostics,
) -> Option<Halaman> {
    let (front, offset, body): (FrontMatter, _, _) =
        read_front_matter(rel, text, |_| &["judul", "ringkasan"], diags)?;
    // the title is in every page's footer, the summary beside it: a name's length at most
    let pendek = [Some(&front.judul), front.ringkasan.as_ref()]
        .into_iter()
        .flatten()
        .all(|t| teks_pendek(rel, text, offset, t, diags));
    let html = badan_html(rel, text, body, diags)?;
    pendek.then(|| Halaman {
        slug: slug.to_string(),
        judul: front.judul.into_inner(),
        ringkasan: front.ringkasan.map(toml::Spanned::into_inner),
        html,
        sumber: rel.to_string(),
    })
}

/// Whether the front-matter text `t` (at its span after `offset` in `text`) is no longer than
/// a text cell of the data ([`crate::data::table::TEKS_MAKS`]); a longer one is reported.
/// A title is printed on every page that lists the note or page (a note naming 10.000
/// regions, on 10.000 pages).
pub(crate) fn teks_pendek(
    rel: &str,
    text: &str,
    offset: usize,
    t: &toml::Spanned<String>,
    diags: &mut Diagnostics,
) -> bool {
    let batas = crate::data::table::TEKS_MAKS;
    let s = t.get_ref();
    if s.len() <= batas || s.chars().count() <= batas {
        return true;
    }
    let (line, column) = line_column(text, offset + t.span().start);
    diags.push(Diagnostic::error(
        rel,
        line,
        column,
        Some(&crate::teks::samarkan(s.as_bytes())),
        Problem::TeksTerlaluPanjang {
            panjang: s.chars().count(),
            batas,
        },
    ));
    false
}

/// A stable id for a heading or a section (an anchor within a page, not a file name: those
/// are [`crate::slug::nama_berkas`]): lower case, letters and digits of any script, words
/// joined by `-`; headings with the same id are numbered apart by the caller.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "bagian".to_string()
    } else {
        out
    }
}

/// The deepest nesting a Markdown text may have: block quotes, lists and their items,
/// emphasis, links and raw HTML elements inside one another. The HTML tree builder behind the
/// sanitiser (html5ever) looks through the open elements for every tag it meets, so its time
/// grows with depth × tags: on main, 32.000 nested `>` (32 KB) took 3,5 s in the sanitiser and
/// 100 KB of them 84 s, while 100 levels cost nothing measurable. A meeting note nests a few
/// levels (a list in a quote, a link in an item); 100 leaves room for any real text.
pub const KEDALAMAN_MAKS: usize = 100;

/// A Markdown text nested deeper than [`KEDALAMAN_MAKS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TerlaluDalam {
    /// The byte offset in the Markdown text where the nesting passed the limit.
    pub offset: usize,
    /// The depth reached there.
    pub kedalaman: usize,
}

/// HTML elements that never hold anything, so a start tag opens nothing.
const ELEMEN_KOSONG: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// HTML elements that a start tag of the same name closes (`<p>a<p>b` is two paragraphs side
/// by side, not one inside the other).
const ELEMEN_TUTUP_SENDIRI: &[&str] = &[
    "dd", "dt", "li", "option", "p", "rp", "rt", "td", "th", "tr",
];

/// Follows the nesting of a Markdown text event by event: its own elements (a start event
/// opens one, its end closes it) and those of its raw HTML (scanned for tags here, as the
/// sanitiser will read them). The depth is an upper bound of the HTML tree's: a raw tag never
/// closed counts as open, as html5ever keeps it open.
#[derive(Default)]
struct Sarang {
    /// Markdown elements open.
    markdown: usize,
    /// Raw HTML elements open, by name (lower case), innermost last.
    html: Vec<String>,
    /// Inside a raw HTML comment (`<!-- … -->`), which may span several events.
    komentar: bool,
}

impl Sarang {
    /// Follows `event`; when it nests deeper than `batas`, the byte offset in its text where
    /// it does (0 but for raw HTML) and the depth there.
    fn ikuti(&mut self, event: &Event, batas: usize) -> Option<(usize, usize)> {
        match event {
            // an HTML block is raw HTML, counted by its tags
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(_) => self.markdown += 1,
            Event::End(_) => self.markdown = self.markdown.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => return self.tag(html, batas),
            _ => {}
        }
        let kedalaman = self.markdown + self.html.len();
        (kedalaman > batas).then_some((0, kedalaman))
    }

    /// Opens and closes the elements of the raw HTML `html`, stopping where the depth passes
    /// `batas` (its offset in `html` and the depth).
    fn tag(&mut self, html: &str, batas: usize) -> Option<(usize, usize)> {
        let b = html.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if self.komentar {
                match html[i..].find("-->") {
                    Some(p) => {
                        i += p + 3;
                        self.komentar = false;
                    }
                    None => return None,
                }
                continue;
            }
            let p = html[i..].find('<')?;
            i += p + 1;
            if html[i..].starts_with("!--") {
                self.komentar = true;
                i += 3;
                continue;
            }
            let tutup = b.get(i) == Some(&b'/');
            if tutup {
                i += 1;
            }
            let awal = i;
            let buka = awal - 1;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
                i += 1;
            }
            if awal == i || !b[awal].is_ascii_alphabetic() {
                continue;
            }
            let nama = html[awal..i].to_ascii_lowercase();
            // the end of the tag, past quoted attribute values (which may hold `>`)
            let mut kutip = None;
            while i < b.len() {
                match (kutip, b[i]) {
                    (None, b'>') => break,
                    (None, q @ (b'"' | b'\'')) => kutip = Some(q),
                    (Some(q), c) if c == q => kutip = None,
                    _ => {}
                }
                i += 1;
            }
            if tutup {
                // an end tag closes its element and any left open inside it; one that closes
                // nothing open is ignored, as the tree builder ignores it
                if let Some(p) = self.html.iter().rposition(|n| *n == nama) {
                    self.html.truncate(p);
                }
            } else if !ELEMEN_KOSONG.contains(&nama.as_str()) {
                if ELEMEN_TUTUP_SENDIRI.contains(&nama.as_str())
                    && self.html.last().is_some_and(|n| *n == nama)
                {
                    self.html.pop();
                }
                self.html.push(nama);
                let kedalaman = self.markdown + self.html.len();
                if kedalaman > batas {
                    return Some((buka, kedalaman));
                }
            }
        }
        None
    }
}

/// The Markdown extensions pages and notes are written with (and read with by the NIK guard,
/// `crate::terbaca`).
pub const OPSI_MARKDOWN: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_SMART_PUNCTUATION);

/// Renders Markdown to sanitised HTML, with ids on headings. A text nested deeper than
/// [`KEDALAMAN_MAKS`] is refused before it reaches the sanitiser, with the place where it
/// passed the limit; every step is linear in the text's length.
pub fn markdown_to_html(markdown: &str) -> Result<String, TerlaluDalam> {
    let mut events: Vec<Event> = Vec::new();
    let mut sarang = Sarang::default();
    for (event, range) in Parser::new_ext(markdown, OPSI_MARKDOWN).into_offset_iter() {
        if let Some((di, kedalaman)) = sarang.ikuti(&event, KEDALAMAN_MAKS) {
            // raw HTML's text is its source, but for the prefixes of the blocks it is in
            let offset = (range.start + di).min(range.end);
            return Err(TerlaluDalam { offset, kedalaman });
        }
        events.push(event);
    }
    // heading ids: the title's slug, then `-2`, `-3`, … for the same title again; the next
    // number to try is kept per slug, so that many headings of one title cost linear time
    // (trying `jadwal`, `jadwal-2`, … from the start each time took 3,5 s for 8.000 of them)
    let mut used: HashSet<String> = HashSet::new();
    let mut next: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[i] {
            let level: HeadingLevel = *level;
            let mut title = String::new();
            for e in &events[i + 1..] {
                match e {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => title.push_str(t),
                    _ => {}
                }
            }
            let base = slugify(&title);
            let n = next.entry(base.clone()).or_insert(1);
            let mut id = if *n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            while !used.insert(id.clone()) {
                *n += 1;
                id = format!("{base}-{n}");
            }
            *n += 1;
            events[i] = Event::Start(Tag::Heading {
                level,
                id: Some(CowStr::from(id)),
                classes: Vec::new(),
                attrs: Vec::new(),
            });
        }
        i += 1;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    // a table column's alignment as a class of the theme's stylesheet, not a `style` attribute,
    // which the pages' Content-Security-Policy (`style-src 'self'`) would refuse
    for (from, to) in [
        (" style=\"text-align: left\"", " class=\"rata-kiri\""),
        (" style=\"text-align: center\"", " class=\"rata-tengah\""),
        (" style=\"text-align: right\"", " class=\"rata-kanan\""),
    ] {
        if html.contains(from) {
            html = html.replace(from, to);
        }
    }
    Ok(sanitise(&html))
}

/// The Markdown body `body` (the tail of the file's `text`) as sanitised HTML; a body nested
/// too deeply, or one that shows a NIK once rendered (`crate::terbaca::periksa_markdown`:
/// emphasis or tags between its digits, entities, table cells side by side, a link's
/// percent-encoded address), is reported into `diags` at its place in the file.
pub(crate) fn badan_html(
    rel: &str,
    text: &str,
    body: &str,
    diags: &mut Diagnostics,
) -> Option<String> {
    let html = markdown_to_html(body)
        .map_err(|e| {
            let (line, column) = line_column(text, text.len() - body.len() + e.offset);
            diags.push(Diagnostic::error(
                rel,
                line,
                column,
                None,
                Problem::TerlaluDalam {
                    kedalaman: e.kedalaman,
                    batas: KEDALAMAN_MAKS,
                    toml: false,
                },
            ));
        })
        .ok()?;
    // after the nesting check, so that the guard's own pass is bounded by it too
    crate::terbaca::periksa_markdown(rel, text, body, OPSI_MARKDOWN, diags).then_some(html)
}

/// Removes anything executable from HTML: scripts, event handlers, `javascript:` URLs, styles
/// (a `style` attribute would also break the pages' Content-Security-Policy).
pub fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class"])
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body() {
        let mut d = Diagnostics::new();
        let h = parse_page(
            "content/x.md",
            "x",
            "+++\njudul = \"Tentang\"\n+++\n# Sumber data\n\nTeks *miring*.\n",
            &mut d,
        )
        .unwrap();
        assert_eq!(h.judul, "Tentang");
        assert!(
            h.html.contains("<h1 id=\"sumber-data\">Sumber data</h1>"),
            "{}",
            h.html
        );
        assert!(h.html.contains("<em>miring</em>"));
    }

    #[test]
    fn table_alignment_is_a_class_not_a_style() {
        let html = markdown_to_html(
            "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n<td style=\"color:red\">x</td>\n",
        )
        .unwrap();
        assert!(html.contains("<th class=\"rata-kiri\">a</th>"), "{html}");
        assert!(html.contains("<td class=\"rata-tengah\">2</td>"), "{html}");
        assert!(html.contains("<td class=\"rata-kanan\">3</td>"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn front_matter_errors_have_positions() {
        let mut d = Diagnostics::new();
        assert!(parse_page("content/x.md", "x", "+++\njudl = \"T\"\n+++\n", &mut d).is_none());
        let msg = d.items()[0].message(crate::lang::Lang::En);
        assert!(msg.starts_with("content/x.md:2:1: "), "{msg}");
        let mut d = Diagnostics::new();
        assert!(parse_page("content/x.md", "x", "no front matter", &mut d).is_none());
        assert!(
            d.items()[0]
                .message(crate::lang::Lang::En)
                .starts_with("content/x.md:1:1")
        );
    }

    /// Found by `tests/suite/properti.rs`: a multi-line string holding a `+++` line (as the `toml`
    /// crate writes the title `"\n+++\n"`) cut the front matter short.
    #[test]
    fn a_plus_line_inside_a_multiline_string_does_not_close() {
        let mut d = Diagnostics::new();
        let text = "+++\njudul = \"\"\"\n\n+++\n\"\"\"\n+++\nIsi.\n";
        let h = parse_page("content/x.md", "x", text, &mut d).unwrap();
        assert_eq!(h.judul, "\n+++\n");
        assert_eq!(h.html, "<p>Isi.</p>\n");
        let text = "+++\njudul = \'\'\'a\n+++\n\'\'\'\n+++\n";
        assert!(parse_page("content/x.md", "x", text, &mut d).is_some());
        // one never closed: the first `+++` line closes, and TOML names the unclosed string
        let text = "+++\njudul = \"\"\"Rakor\n+++\nIsi.\n";
        assert!(parse_page("content/x.md", "x", text, &mut d).is_none());
        let msg = d.items()[0].message(crate::lang::Lang::En);
        assert!(
            msg.starts_with("content/x.md:3:1: ")
                && msg.contains("multi-line text is never closed"),
            "{msg}"
        );
        // quotes inside one-line strings, escaped ones and comments open nothing
        for fm in [
            "a = '\"\"\"'\n",
            "a = \"x\\\"\"\"\"\n",
            "# \"\"\"\n",
            "a = \"\"\"b\"\"\"\"\"\n",
        ] {
            let text = format!("+++\n{fm}+++\nb\n\"\"\"\n+++\n");
            assert_eq!(
                split_front_matter(&text),
                Some((fm, 4, "b\n\"\"\"\n+++\n")),
                "{fm}"
            );
        }
    }

    #[test]
    fn bare_text_and_impossible_dates_are_named_for_what_they_are() {
        let msg = |text: &str| {
            let mut d = Diagnostics::new();
            assert!(parse_page("content/x.md", "x", text, &mut d).is_none());
            d.items()[0].message(crate::lang::Lang::En)
        };
        assert_eq!(
            msg("+++\njudul = Rakor bansos\n+++\n"),
            "content/x.md:2:9: 'Rakor bansos': text must be in quotes, e.g. judul = \"Rakor \
             bansos\""
        );
        let m = msg("+++\njudul = \"T\"\ntanggal = 2021-02-30\n+++\n");
        assert!(
            m.starts_with("content/x.md:3:11: '2021-02-30': no such day in the calendar"),
            "{m}"
        );
        assert_eq!(
            toml_problem("string values must be quoted", &[], "x = 1\ntanggal = "),
            Problem::TanggalToml
        );
    }

    #[test]
    fn a_file_that_is_not_utf8_is_named_at_its_first_bad_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        std::fs::write(&path, b"+++\njudul = \"Rakor \xabuji\xbb\"\n+++\n").unwrap();
        let d = baca_teks(&path, "content/x.md").unwrap_err();
        assert_eq!(
            d.message(crate::lang::Lang::En),
            "content/x.md:2:16: 'judul = \"Rakor \u{fffd}uji\u{fffd}\"': not UTF-8 text; save this \
             file as UTF-8 in the text editor"
        );
        std::fs::write(&path, "+++\njudul = \"é\"\n+++\n").unwrap();
        assert!(baca_teks(&path, "content/x.md").is_ok());
        // CR-only lines are counted as an editor counts them
        std::fs::write(&path, b"+++\rjudul = \"x\"\rtanggal = \xab\r+++\r").unwrap();
        let d = baca_teks(&path, "content/x.md").unwrap_err();
        assert!(
            d.message(crate::lang::Lang::En)
                .starts_with("content/x.md:3:11: 'tanggal = \u{fffd}': "),
            "{}",
            d.message(crate::lang::Lang::En)
        );
    }

    /// A note saved with CR-only (old Mac) or mixed line endings is read as one with `\n`: its
    /// front matter is found, and a problem in it is named at the line an editor shows.
    #[test]
    fn cr_only_and_mixed_line_endings_are_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        for ending in ["\r", "\r\n", "\n"] {
            let text = [
                "+++",
                "judul = \"Rakor\"",
                "+++",
                "",
                "Isi *satu*.",
                "",
                "Dua.",
            ]
            .join(ending);
            std::fs::write(&path, &text).unwrap();
            let text = baca_teks(&path, "content/x.md").unwrap();
            let mut d = Diagnostics::new();
            let h = parse_page("content/x.md", "x", &text, &mut d).unwrap();
            assert_eq!(h.judul, "Rakor", "{ending:?}");
            assert_eq!(
                h.html, "<p>Isi <em>satu</em>.</p>\n<p>Dua.</p>\n",
                "{ending:?}"
            );
        }
        // mixed: CR, CRLF and LF in one file; the bad value is on the fourth line
        std::fs::write(&path, "+++\rjudul = \"A\"\r\n\nringkasan = B\r+++\r").unwrap();
        let text = baca_teks(&path, "content/x.md").unwrap();
        let mut d = Diagnostics::new();
        assert!(parse_page("content/x.md", "x", &text, &mut d).is_none());
        let m = d.items()[0].message(crate::lang::Lang::En);
        assert!(
            m.starts_with("content/x.md:4:13: 'B': text must be in quotes"),
            "{m}"
        );
    }

    #[test]
    fn raw_html_cannot_run() {
        let html = markdown_to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=\"alert(1)\">\n\n\
             [a](javascript:alert(1)) <a href=\"javascript:alert(2)\" onclick=\"x()\">b</a>\n\n\
             <div style=\"background:url(javascript:alert(3))\">c</div>",
        )
        .unwrap();
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{html}");
        assert!(!lower.contains("onerror"), "{html}");
        assert!(!lower.contains("onclick"), "{html}");
        assert!(!lower.contains("javascript:"), "{html}");
        assert!(!lower.contains("style="), "{html}");
    }

    #[test]
    fn markdown_extensions() {
        let html = markdown_to_html(
            "| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~lama~~ \"kutip\"\n\n- [x] selesai\n\nCatatan[^1].\n\n[^1]: Sumber.\n",
        )
        .unwrap();
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>lama</del>"), "{html}");
        assert!(html.contains("\u{201c}kutip\u{201d}"), "{html}");
        assert!(html.contains("type=\"checkbox\""), "{html}");
        assert!(html.contains("footnote"), "{html}");
    }

    /// Nesting is refused past [`KEDALAMAN_MAKS`] at the place where it passes it, in
    /// Markdown and in raw HTML alike; what stays within it is rendered.
    #[test]
    fn nesting_is_limited_before_the_sanitiser() {
        let depth = |md: &str| markdown_to_html(md).err().map(|e| (e.offset, e.kedalaman));
        let quotes = |n: usize| format!("{} x\n", ">".repeat(n));
        // 99 quotes and the paragraph in them are 100 levels; one more quote is too many,
        // named at the paragraph's text
        assert_eq!(depth(&quotes(KEDALAMAN_MAKS - 1)), None);
        assert_eq!(depth(&quotes(KEDALAMAN_MAKS)), Some((101, 101)));
        // a 1.000-deep quote: one error, at the 101st `>`
        assert_eq!(depth(&quotes(1000)), Some((100, 101)));
        // a list item holds a list: two levels per `- `
        let list = format!("{}x\n", "- ".repeat(51));
        assert_eq!(depth(&list).map(|d| d.1), Some(101));
        // raw HTML on one line, opened and closed again: its deepest point counts
        let div = |n: usize| format!("{}x{}\n", "<div>".repeat(n), "</div>".repeat(n));
        assert!(depth(&div(100)).is_none());
        assert_eq!(depth(&div(101)), Some((500, 101)));
        // void elements, comments, self-closing paragraphs and quoted `>` open nothing
        let flat = format!(
            "{}\n\n<!-- {} -->\n\n{}\n\n<span title=\"a>b\">x</span>\n",
            "<br>".repeat(500),
            "<div>".repeat(500),
            "<p>a".repeat(500)
        );
        assert_eq!(depth(&flat), None);
        // unclosed inline tags stay open across paragraphs, as the tree builder keeps them
        let spans = "<span>x\n\n".repeat(200);
        assert!(depth(&spans).is_some());
    }

    #[test]
    fn a_note_nested_too_deeply_is_an_error_at_its_place() {
        let mut d = Diagnostics::new();
        let text = format!("+++\njudul = \"T\"\n+++\nIsi.\n\n{} x\n", ">".repeat(1000));
        assert!(parse_page("content/x.md", "x", &text, &mut d).is_none());
        assert_eq!(
            d.items()[0].message(crate::lang::Lang::En),
            "content/x.md:6:101: nested too deeply: 101 levels here (quotes >, lists, \
             emphasis, links or HTML tags inside one another); expected at most 100 levels"
        );
    }

    /// Thousands of headings of one title get their ids in linear time, and the same ids as
    /// trying `jadwal`, `jadwal-2`, … from the start each time.
    #[test]
    fn many_headings_of_one_title() {
        let md = "## Jadwal 3\n\n".to_string() + &"## Jadwal\n\n".repeat(5000);
        let html = markdown_to_html(&md).unwrap();
        assert!(html.contains("<h2 id=\"jadwal-3\">Jadwal 3</h2>"), "{html}");
        let ids: Vec<&str> = html
            .split("<h2 id=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        assert_eq!(
            &ids[..5],
            ["jadwal-3", "jadwal", "jadwal-2", "jadwal-4", "jadwal-5"]
        );
        assert_eq!(ids.last(), Some(&"jadwal-5001"));
        let unique: HashSet<&&str> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn heading_ids_are_unique() {
        let html = markdown_to_html("## Jadwal\n\n## Jadwal\n").unwrap();
        assert!(
            html.contains("id=\"jadwal\"") && html.contains("id=\"jadwal-2\""),
            "{html}"
        );
    }
}
