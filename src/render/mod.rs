//! The `render` stage: Tera templates of the theme, the Indonesian formatting filters, and the
//! theme's UI strings.
//!
//! The default theme (`themes/default/`) is embedded in the binary. A site may override any
//! template, UI string or static file by putting a file of the same name in its own
//! `themes/<theme>/templates/`, `themes/<theme>/i18n/<lang>.toml` or `themes/<theme>/static/`.

mod filters;
pub mod grafik;

use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera};

use crate::config::Config;
use crate::lang::Lang;

/// Why the theme could not be loaded or a page rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template does not parse or refers to something unknown.
    Template(String),
    /// A theme file could not be read.
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A UI strings file is not valid TOML.
    I18n {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The named theme has no folder in the site and is not built in.
    UnknownTheme(String),
    /// A theme folder or file that resolves (through a symbolic link) outside the site folder.
    DiLuarSitus {
        /// The file or folder, relative to the site folder.
        path: String,
        /// Where it resolves to.
        target: String,
    },
    /// Where a theme file (or folder) is read, something else: a broken link, links that
    /// loop, a folder, a pipe, a socket or a device ([`crate::berkas`]).
    BukanBerkas {
        /// The file or folder, relative to the site folder.
        path: String,
        /// What it is.
        jenis: crate::berkas::JenisLain,
    },
    /// A theme's static file whose name holds a number shaped like a NIK (the name is
    /// published as it is).
    NikDiNamaBerkas(String),
}

impl RenderError {
    /// The message in `lang`, from the message catalogue ([`crate::pesan`]).
    pub fn message(&self, lang: Lang) -> String {
        use crate::pesan;
        match self {
            RenderError::Template(m) => pesan!(lang, "render.templat", m = m),
            RenderError::Io { path, source } => {
                pesan!(lang, "render.io", path = path, source = source)
            }
            RenderError::I18n { path, message } => {
                pesan!(lang, "render.i18n", path = path, message = message)
            }
            RenderError::UnknownTheme(t) => pesan!(lang, "render.tema_tidak_ada", t = t),
            RenderError::DiLuarSitus { path, target } => {
                pesan!(lang, "render.di_luar_situs", path = path, target = target)
            }
            RenderError::BukanBerkas { path, jenis } => {
                pesan!(
                    lang,
                    "render.bukan_berkas",
                    path = path,
                    apa = jenis.describe(lang)
                )
            }
            RenderError::NikDiNamaBerkas(path) => {
                pesan!(lang, "render.nik_di_nama_berkas", path = path)
            }
        }
    }
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The templates of the default theme, embedded: every file of `themes/default/templates/`,
/// listed by `build.rs` (so a new template needs no line here).
const TEMPLATES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/templates.rs"));

/// The static files of the default theme, embedded: (path in the output, bytes).
const STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "urut.js",
        include_bytes!("../../themes/default/static/urut.js"),
    ),
    (
        "cari.js",
        include_bytes!("../../themes/default/static/cari.js"),
    ),
    (
        "banding.js",
        include_bytes!("../../themes/default/static/banding.js"),
    ),
    (
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
];

/// Whether `name` is one of the default theme's static files (which a site's theme may
/// replace), rather than a file only the site's theme has.
pub fn statis_bawaan(name: &str) -> bool {
    STATIC.iter().any(|(n, _)| *n == name)
}

const I18N_ID: &str = include_str!("../../themes/default/i18n/id.toml");
const I18N_EN: &str = include_str!("../../themes/default/i18n/en.toml");

/// What every page's template sees besides its own context.
#[derive(Serialize)]
struct SiteGlobals<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    lang: &'static str,
    data_per: Option<String>,
    attribution: &'a [String],
    /// What recipients must bring (`[jadwal] bawa`), when the site sets it.
    bawa: Option<&'a str>,
    /// The operator's own pages, linked from every page's footer.
    halaman: Vec<crate::site::Tautan>,
    /// Counts by reason below this show as "< min_kpm" (`[privacy] min_kpm`).
    min_kpm: u64,
    /// The pages' Content-Security-Policy ([`kebijakan_konten`]).
    csp: String,
}

/// The Content-Security-Policy every page carries in a `<meta>` tag: scripts, styles, images
/// and fonts only from the site itself (`'self'`, and `base_url`, from which the not-found page
/// loads them at any depth), no inline script or style, no plugin, no `<base>`, forms only to
/// the site. `base_url` is checked by `config::periksa_base_url`; a path may still hold a
/// character that would end a source expression or the policy (`;`, `,`, `'`), which is
/// percent-encoded here (CSP compares paths percent-decoded), as is anything else outside the
/// characters a source expression holds as written. A `base_url` that is not http(s) (a
/// `Config` built in code) is left out.
pub fn kebijakan_konten(base_url: &str) -> String {
    let http = ["http://", "https://"]
        .iter()
        .any(|s| base_url.starts_with(s) && base_url.len() > s.len());
    let sumber = if http {
        let mut s = String::from("'self' ");
        for b in base_url.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~:/%[]@!$&()+=".contains(&b) {
                s.push(b as char);
            } else {
                s.push_str(&format!("%{b:02X}"));
            }
        }
        s
    } else {
        "'self'".to_string()
    };
    format!(
        "default-src {sumber}; script-src {sumber}; style-src {sumber}; \
         img-src {sumber} data:; font-src {sumber}; object-src 'none'; base-uri 'none'; \
         form-action {sumber}"
    )
}

/// The site's theme folder, `themes/<theme>`, confined to the site folder: `theme` is a plain
/// folder name (`config.rs`), and every folder and file of the theme read is resolved
/// (symbolic links followed) and refused when it lies outside the site folder.
struct Tema {
    /// The site folder as given (for messages).
    root: PathBuf,
    /// The site folder, where theme files may be read from.
    situs: crate::berkas::Situs,
    /// `root/themes/<theme>`.
    dir: PathBuf,
}

impl Tema {
    fn new(root: &Path, config: &Config) -> Result<Tema, RenderError> {
        // checked by `Config::parse`; a `Config` built in code is checked here too
        if !crate::config::nama_folder_polos(&config.theme) {
            return Err(RenderError::UnknownTheme(config.theme.clone()));
        }
        std::fs::canonicalize(root).map_err(|source| RenderError::Io {
            path: root.display().to_string(),
            source,
        })?;
        let tema = Tema {
            root: root.to_path_buf(),
            situs: crate::berkas::Situs::new(root),
            dir: root.join("themes").join(&config.theme),
        };
        // `themes/` and `themes/<theme>/`: a broken link or a file there is said as such
        tema.folder(&root.join("themes"))?;
        tema.folder(&tema.dir)?;
        Ok(tema)
    }

    /// `path` relative to the site folder, as messages name it.
    fn rel(&self, path: &Path) -> String {
        let rel = path
            .strip_prefix(&self.root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        crate::teks::samarkan_teks(&rel)
    }

    /// `t`, why `path` is refused, as the theme's error.
    fn tolak(&self, path: &Path, t: crate::berkas::Tolak) -> RenderError {
        use crate::berkas::Tolak;
        match t {
            Tolak::DiLuar(target) => RenderError::DiLuarSitus {
                path: self.rel(path),
                target,
            },
            Tolak::Lain(jenis) => RenderError::BukanBerkas {
                path: self.rel(path),
                jenis,
            },
            Tolak::Io(e) => RenderError::Io {
                path: path.display().to_string(),
                source: std::io::Error::other(e),
            },
        }
    }

    /// Whether the theme folder `path` is there: a folder inside the site folder; anything
    /// else by that name is an error ([`crate::berkas::Situs::folder`]).
    fn folder(&self, path: &Path) -> Result<bool, RenderError> {
        self.situs.folder(path).map_err(|t| self.tolak(path, t))
    }

    /// The bytes of the theme file `path` (`None` when there is none): an ordinary file inside
    /// the site folder; anything else by that name is an error.
    fn baca(&self, path: &Path) -> Result<Option<Vec<u8>>, RenderError> {
        match self.situs.berkas(path) {
            Ok(Some(_)) => {}
            Ok(None) => return Ok(None),
            Err(t) => return Err(self.tolak(path, t)),
        }
        crate::berkas::baca(path).map(Some).map_err(|e| match e {
            crate::berkas::Gagal::Lain(jenis) => RenderError::BukanBerkas {
                path: self.rel(path),
                jenis,
            },
            crate::berkas::Gagal::TidakAda => RenderError::Io {
                path: path.display().to_string(),
                source: std::io::ErrorKind::NotFound.into(),
            },
            crate::berkas::Gagal::Io(source) => RenderError::Io {
                path: path.display().to_string(),
                source,
            },
        })
    }

    /// Every file under the theme's `sub` folder (symbolic links followed, each checked), by
    /// `/`-separated path relative to it, with its bytes; sorted by name.
    fn berkas(&self, sub: &str) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
        let dir = self.dir.join(sub);
        let mut out = Vec::new();
        if !self.folder(&dir)? {
            return Ok(out);
        }
        for entry in walkdir::WalkDir::new(&dir)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    // a broken link or links that loop, said as such
                    if let Some(path) = e.path()
                        && let crate::berkas::Jenis::Lain(jenis) = crate::berkas::jenis(path)
                    {
                        return Err(RenderError::BukanBerkas {
                            path: self.rel(path),
                            jenis,
                        });
                    }
                    return Err(RenderError::Io {
                        path: e.path().unwrap_or(&dir).display().to_string(),
                        source: std::io::Error::other(e.to_string()),
                    });
                }
            };
            if entry.file_type().is_dir() {
                // a folder that leads outside the site folder is refused with its files
                continue;
            }
            // an ordinary file inside the site folder; a pipe, a socket or a device (or a
            // link to one) is refused, never opened
            let Some(bytes) = self.baca(entry.path())? else {
                continue;
            };
            let name = entry
                .path()
                .strip_prefix(&dir)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            out.push((name, bytes));
        }
        Ok(out)
    }
}

/// The loaded theme, ready to render pages. Cheap to share between threads.
pub struct Renderer {
    tera: Tera,
    sidik: u64,
    lang: Lang,
    /// The UI strings, for the site stage's page words ([`crate::site::kata::Kata`]).
    kata: toml::Table,
}

impl Renderer {
    /// Loads the theme named in `config`, with the site's overrides from `root/themes/`.
    /// `data_per` is the date the figures describe, shown on every page.
    pub fn new(
        root: &Path,
        config: &Config,
        data_per: Option<jiff::civil::Date>,
        halaman: Vec<crate::site::Tautan>,
    ) -> Result<Renderer, RenderError> {
        let tema = Tema::new(root, config)?;
        if config.theme != "default" && !tema.dir.is_dir() {
            return Err(RenderError::UnknownTheme(config.theme.clone()));
        }
        let mut tera = Tera::default();
        // HTML is escaped as HTML; the feed and the sitemaps escape as XML with the `xml`
        // filter, and robots.txt is plain text
        tera.autoescape_on(vec![".html", ".htm"]);
        // Filters first: templates are checked against the known filters when added.
        filters::register(&mut tera, config.language);

        let mut templates: Vec<(String, String)> = TEMPLATES
            .iter()
            .map(|(n, t)| ((*n).to_string(), (*t).to_string()))
            .collect();
        for (name, bytes) in tema.berkas("templates")? {
            let text = String::from_utf8(bytes).map_err(|e| RenderError::Io {
                path: tema.dir.join("templates").join(&name).display().to_string(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            })?;
            match templates.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => templates.push((name, text)),
            }
        }
        tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| RenderError::Template(error_chain(&e)))?;

        let strings = ui_strings(&tema, config.language)?;
        // Everything that shapes every page besides its own context: a page whose context
        // fingerprint and this one are unchanged renders to the same bytes.
        let sidik = {
            use std::hash::{Hash, Hasher};
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            env!("CARGO_PKG_VERSION").hash(&mut h);
            sidik_program().hash(&mut h);
            templates.hash(&mut h);
            strings.to_string().hash(&mut h);
            config.hash(&mut h);
            data_per.hash(&mut h);
            for t in &halaman {
                t.label.hash(&mut h);
                t.href.hash(&mut h);
            }
            h.finish()
        };
        tera.global_context().insert("t", &strings);
        tera.global_context().insert(
            "site",
            &SiteGlobals {
                title: &config.title,
                description: &config.description,
                base_url: &config.base_url,
                lang: config.language.tag(),
                data_per: data_per.map(|d| d.to_string()),
                attribution: &config.attribution,
                bawa: config.jadwal.bawa.as_deref(),
                halaman,
                min_kpm: config.privasi.min_kpm,
                csp: kebijakan_konten(&config.base_url),
            },
        );
        Ok(Renderer {
            tera,
            sidik,
            lang: config.language,
            kata: strings,
        })
    }

    /// The theme's UI strings for the site's language (the default theme's, with the site
    /// theme's merged over them): the words the site stage writes into page contexts.
    pub fn kata(&self) -> &toml::Table {
        &self.kata
    }

    /// The fingerprint of the theme, its strings and the site settings.
    pub fn sidik_jari(&self) -> u64 {
        self.sidik
    }

    /// Renders a page: draws its charts ([`grafik::gambar`]) into its context, then renders
    /// `template` with it.
    pub fn render_halaman(
        &self,
        template: &str,
        mut konteks: crate::site::Konteks,
    ) -> Result<String, RenderError> {
        if let crate::site::Konteks::Unduhan(isi) = konteks {
            return Ok(isi);
        }
        for g in konteks.grafik_mut() {
            g.svg = grafik::gambar(g, self.lang);
        }
        self.render(template, &konteks)
    }

    /// Renders `template` with a page context.
    pub fn render<T: Serialize>(&self, template: &str, page: &T) -> Result<String, RenderError> {
        let context =
            Context::from_serialize(page).map_err(|e| RenderError::Template(error_chain(&e)))?;
        self.tera
            .render(template, &context)
            .map_err(|e| RenderError::Template(format!("{template}: {}", error_chain(&e))))
    }
}

/// A fingerprint of the running salur executable, so that a page is rendered again by a
/// different build of salur (a fixed bug, a new chart) even under the same version number.
/// Reading the executable back costs a few milliseconds; 0 when it cannot be read.
pub(crate) fn sidik_program() -> u64 {
    static SIDIK: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *SIDIK.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::read)
            .map(|bytes| xxhash_rust::xxh3::xxh3_64(&bytes))
            .unwrap_or(0)
    })
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}

/// The theme's words for the site's language (the default theme's, with the site theme's
/// `i18n/<lang>.toml` merged over them), for a command that writes words outside a build
/// (`salur usul jadwal`'s region names) through [`crate::site::kata::Kata`].
pub fn kata_tema(root: &Path, config: &Config) -> Result<toml::Table, RenderError> {
    ui_strings(&Tema::new(root, config)?, config.language)
}

/// The UI strings for `lang`: the built-in ones, with the site theme's file merged over them.
fn ui_strings(tema: &Tema, lang: Lang) -> Result<toml::Table, RenderError> {
    let builtin = match lang {
        Lang::Id => I18N_ID,
        Lang::En => I18N_EN,
    };
    let mut strings: toml::Table =
        builtin
            .parse()
            .map_err(|e: toml::de::Error| RenderError::I18n {
                path: format!("themes/default/i18n/{}.toml", lang.tag()),
                message: e.to_string(),
            })?;
    let path = tema.dir.join("i18n").join(format!("{}.toml", lang.tag()));
    tema.folder(&tema.dir.join("i18n"))?;
    if let Some(bytes) = tema.baca(&path)? {
        let text = String::from_utf8(bytes).map_err(|e| RenderError::Io {
            path: path.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })?;
        let site: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| RenderError::I18n {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
        strings.extend(site);
    }
    Ok(strings)
}

/// The NIK guard on the site's theme (`themes/<theme>/`), whose files reach every page: each
/// template as written and as a browser shows it (`crate::terbaca::periksa_html`: tags out,
/// character references decoded), the UI strings of the site's language as written and as
/// decoded (`\u` escapes), and every static file that is text (UTF-8 without a NUL byte,
/// whatever its extension: a stylesheet, a script, a `.txt`, an SVG; an HTML or SVG one as
/// shown too). A file that is not text (an image, a font) is not read: it shows no number a
/// reader could copy, and its metadata is not the operator's typing. Every NIK is an error at
/// `file:line:column`, masked. The built-in theme is salur's own and is not checked.
pub fn periksa_tema(
    root: &Path,
    config: &Config,
) -> Result<crate::diagnostics::Diagnostics, RenderError> {
    let mut diags = crate::diagnostics::Diagnostics::new();
    let tema = Tema::new(root, config)?;
    let rel = |sub: &str, name: &str| format!("themes/{}/{sub}/{name}", config.theme);
    for (name, bytes) in tema.berkas("templates")? {
        let rel = rel("templates", &name);
        if let Ok(text) = std::str::from_utf8(&bytes)
            && crate::teks::periksa_teks(&rel, text, &mut diags)
        {
            crate::terbaca::periksa_html(&rel, text, &mut diags);
        }
    }
    let path = tema
        .dir
        .join("i18n")
        .join(format!("{}.toml", config.language.tag()));
    // an ordinary file inside the site folder, read once (never a pipe or a device)
    if let Some(bytes) = tema.baca(&path)? {
        let rel = rel("i18n", &format!("{}.toml", config.language.tag()));
        if let Ok(text) = std::str::from_utf8(&bytes)
            && crate::teks::periksa_teks(&rel, text, &mut diags)
        {
            crate::terbaca::periksa_toml(&rel, text, 0, text, &mut diags);
        }
    }
    for (name, bytes) in tema.berkas("static")? {
        let rel = rel("static", &name);
        if !crate::teks::periksa_nama_berkas(&rel, &mut diags) {
            continue;
        }
        // UTF-8, or UTF-16 as Notepad saves "Unicode" (with a BOM, or without one but with
        // the zero bytes of its ASCII): a text a browser shows; anything else is not read
        let Some(text) = crate::terbaca::teks_berkas(&bytes) else {
            continue;
        };
        let halaman = [".html", ".htm", ".svg", ".xhtml", ".xml"]
            .iter()
            .any(|x| name.to_ascii_lowercase().ends_with(x));
        if !crate::teks::periksa_teks(&rel, &text, &mut diags) {
            continue;
        }
        // a script's, a JSON file's or a stylesheet's escapes (`"\u0033575…"`, `\x33`, `\33 `)
        // decoded, as the browser decodes them
        if let Some(urai) = crate::terbaca::urai_escape(&text)
            && !crate::teks::periksa_teks(&rel, &urai, &mut diags)
        {
            continue;
        }
        if halaman {
            crate::terbaca::periksa_html(&rel, &text, &mut diags);
        }
    }
    Ok(diags)
}

/// The theme's static files: the built-in ones, overridden or extended by the site theme's
/// `static/` folder. Paths are relative to the output root.
pub fn static_files(root: &Path, config: &Config) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    let mut files: Vec<(String, Vec<u8>)> = STATIC
        .iter()
        .map(|(n, b)| ((*n).to_string(), b.to_vec()))
        .collect();
    let tema = Tema::new(root, config)?;
    for (name, bytes) in tema.berkas("static")? {
        // the file is published under its name: the NIK guard (`crate::teks`) on it
        if !crate::teks::cari_nik(&name).is_empty() {
            let rel = format!("themes/{}/static/{name}", config.theme);
            return Err(RenderError::NikDiNamaBerkas(crate::teks::samarkan_teks(
                &rel,
            )));
        }
        match files.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = bytes,
            None => files.push((name, bytes)),
        }
    }
    // the card labels of the figures tables, in the site's language, at the end of the
    // stylesheet: one copy per site instead of a `data-label` on every cell of every page
    let strings = ui_strings(&tema, config.language)?;
    if let Some((_, css)) = files.iter_mut().find(|(n, _)| n == "style.css") {
        css.extend_from_slice(label_kartu(&strings).as_bytes());
    }
    Ok(files)
}

/// The columns of the tables that turn into cards on a phone, by table class, as UI string
/// keys (the first column, the row head, needs no label).
const KOLOM_KARTU: &[(&str, &[&str])] = &[
    (
        "k-program",
        &[
            "alokasi",
            "tersalur",
            "realisasi",
            "gagal",
            "sisa",
            "nilai_tersalur",
        ],
    ),
    (
        "k-proyeksi",
        &[
            "realisasi",
            "laju",
            "sisa",
            "perkiraan_selesai",
            "desa_terlambat",
        ],
    ),
    (
        "k-tertinggal",
        &["program", "realisasi", "laju", "perkiraan_selesai"],
    ),
    ("k-jadwal", &["rw", "kpm", "tempat"]),
    ("k-beban", &["kpm", "kapasitas_terpakai"]),
    ("k-titik", &["rw", "kpm", "wilayah"]),
];

/// CSS giving each cell of a card table its column's name on a phone.
fn label_kartu(strings: &toml::Table) -> String {
    let mut css = String::from(
        "\n/* Card labels in the site's language, added by salur (render::label_kartu). */\n@media (max-width:36rem){",
    );
    for (kelas, kolom) in KOLOM_KARTU {
        for (i, key) in kolom.iter().enumerate() {
            let label = strings.get(*key).and_then(|v| v.as_str()).unwrap_or(key);
            let label: String = label
                .chars()
                .flat_map(|c| match c {
                    '"' | '\\' => vec!['\\', c],
                    '\n' => vec![' '],
                    c => vec![c],
                })
                .collect();
            css.push_str(&format!(
                ".{kelas} td:nth-of-type({})::before{{content:\"{label} \"}}",
                i + 1
            ));
        }
    }
    css.push_str("}\n");
    css
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_content_security_policy_allows_only_the_site() {
        assert_eq!(
            kebijakan_konten(""),
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
        );
        let p = kebijakan_konten("https://dinsos.example.go.id/bansos/");
        assert!(
            p.contains("script-src 'self' https://dinsos.example.go.id/bansos/;"),
            "{p}"
        );
        assert!(!p.contains("unsafe"), "{p}");
        // a base_url that would add a directive or a source of its own stays one source
        let p = kebijakan_konten("https://x.example/; script-src *");
        assert!(
            p.starts_with("default-src 'self' https://x.example/%3B%20script-src%20%2A; "),
            "{p}"
        );
        assert!(!p.contains('*'), "{p}");
        let p = kebijakan_konten("https://x.example/a',b/");
        assert!(p.contains(" https://x.example/a%27%2Cb/;"), "{p}");
        assert!(kebijakan_konten("javascript:alert(1)").starts_with("default-src 'self';"));
    }
    use super::*;

    #[test]
    fn every_template_of_the_default_theme_is_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = TEMPLATES.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(embedded, on_disk);
    }
}
