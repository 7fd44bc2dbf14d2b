//! The default theme stays readable and documented: no template line over 160 characters, no
//! UI string cut into numbered fragments (`…_1`, `…_2`) around a value, and every variable a
//! template reads at top level named in `docs/templates.md`, the reference of what each
//! template receives.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The longest line a template may have, in characters.
const PANJANG_MAKS: usize = 160;

fn tema() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default")
}

/// The default theme's templates, by file name, with their text.
fn templat() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(tema().join("templates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == "html" || x == "xml" || x == "txt")
        })
        .map(|p| {
            let nama = p.file_name().unwrap().to_string_lossy().into_owned();
            (nama, fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(
        out.len() > 20,
        "the default theme's templates were not found"
    );
    out
}

#[test]
fn no_template_line_is_over_160_characters() {
    let mut panjang = Vec::new();
    for (nama, teks) in templat() {
        for (i, baris) in teks.lines().enumerate() {
            let n = baris.chars().count();
            if n > PANJANG_MAKS {
                panjang.push(format!("templates/{nama}:{}: {n} characters", i + 1));
            }
        }
    }
    assert!(
        panjang.is_empty(),
        "template lines over {PANJANG_MAKS} characters; break them where Tera's whitespace \
         control removes the break (docs/templates.md, \"Long lines\"):\n{}",
        panjang.join("\n")
    );
}

#[test]
fn no_ui_string_key_is_a_numbered_fragment() {
    for lang in ["id", "en"] {
        let path = tema().join(format!("i18n/{lang}.toml"));
        let table: toml::Table = fs::read_to_string(&path).unwrap().parse().unwrap();
        let potongan: Vec<&String> = table
            .keys()
            .filter(|k| {
                k.rsplit_once('_')
                    .is_some_and(|(_, d)| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            })
            .collect();
        assert!(
            potongan.is_empty(),
            "i18n/{lang}.toml: keys that look like pieces of one sentence: {potongan:?}; write \
             the whole sentence in one key with a placeholder ({{n}}) that the template fills \
             with `replace`"
        );
    }
}

/// The tags of a template (`{{ … }}` and `{% … %}`), their text without the delimiters and
/// whitespace control.
fn tag(teks: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut sisa = teks;
    while let Some(i) = sisa.find(['{']) {
        let setelah = &sisa[i..];
        let tutup = if setelah.starts_with("{{") {
            "}}"
        } else if setelah.starts_with("{%") {
            "%}"
        } else {
            sisa = &sisa[i + 1..];
            continue;
        };
        let Some(j) = setelah[2..].find(tutup) else {
            break;
        };
        let isi = setelah[2..2 + j].trim_matches('-').trim();
        out.push(isi);
        sisa = &setelah[2 + j + 2..];
    }
    out
}

/// The name an expression starts with (`bagian` of `bagian.tenggat | ribuan`), if it starts
/// with one.
fn nama_awal(ekspresi: &str) -> Option<&str> {
    let e = ekspresi.trim_start().trim_start_matches(['[', '(']);
    let akhir = e
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(e.len());
    let nama = &e[..akhir];
    (!nama.is_empty() && !nama.starts_with(|c: char| c.is_ascii_digit())).then_some(nama)
}

/// The variables a template reads at top level: the first name of each `{{ … }}`, of each
/// `{% if … %}` and `{% elif … %}` condition, of each `{% for … in … %}` list and each
/// `{% set … = … %}` value; less the names the template binds itself.
fn variabel(teks: &str) -> BTreeSet<String> {
    let mut dibaca = BTreeSet::new();
    let mut diikat: BTreeSet<String> = ["loop", "true", "false", "none", "not"]
        .into_iter()
        .map(String::from)
        .collect();
    for t in tag(teks) {
        let (kata, sisa) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
        let ekspresi = match kata {
            "if" | "elif" => sisa.trim_start().trim_start_matches("not "),
            "for" => {
                let (ikat, daftar) = sisa.split_once(" in ").unwrap_or((sisa, ""));
                for n in ikat.split(',') {
                    diikat.insert(n.trim().to_string());
                }
                daftar
            }
            "set" => {
                let (ikat, nilai) = sisa.split_once('=').unwrap_or((sisa, ""));
                diikat.insert(ikat.trim().to_string());
                nilai
            }
            _ if t.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') => {
                // `{{ name … }}` (a tag keyword such as `endif` is never printed)
                if [
                    "else", "endif", "endfor", "extends", "block", "endblock", "include",
                ]
                .contains(&kata)
                {
                    continue;
                }
                t
            }
            _ => continue,
        };
        if let Some(n) = nama_awal(ekspresi) {
            dibaca.insert(n.to_string());
        }
    }
    dibaca.retain(|n| !diikat.contains(n));
    dibaca
}

/// The text of `docs/templates.md` under each `### ` heading, and the section every page shares
/// (`## Variables every page has`).
fn bagian_docs(docs: &str) -> (Vec<(String, String)>, String) {
    let mut bagian: Vec<(String, String)> = Vec::new();
    let mut umum = String::new();
    let mut di_umum = false;
    for l in docs.lines() {
        if l.starts_with("## ") {
            di_umum = l.starts_with("## Variables every page has");
            bagian.push((String::new(), String::new()));
        } else if l.starts_with("### ") {
            bagian.push((l.to_string(), String::new()));
        }
        if di_umum {
            umum.push_str(l);
            umum.push('\n');
        } else if let Some((_, teks)) = bagian.last_mut() {
            teks.push_str(l);
            teks.push('\n');
        }
    }
    (bagian, umum)
}

#[test]
fn every_variable_a_template_reads_is_in_docs_templates_md() {
    let docs = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/templates.md"))
        .unwrap();
    let (bagian, umum) = bagian_docs(&docs);
    let disebut =
        |teks: &str, v: &str| teks.contains(&format!("`{v}`")) || teks.contains(&format!("`{v}."));
    let mut kurang = Vec::new();
    for (nama, teks) in templat() {
        let judul = format!("`{nama}`");
        // its own section (a section may document several templates: `asal.html` and …)
        let sendiri: String = bagian
            .iter()
            .filter(|(j, _)| j.contains(&judul))
            .map(|(j, t)| format!("{j}\n{t}"))
            .collect();
        if sendiri.is_empty() {
            kurang.push(format!("{nama}: no section of its own"));
        }
        for v in variabel(&teks) {
            if !disebut(&sendiri, &v) && !disebut(&umum, &v) {
                kurang.push(format!(
                    "{nama}: `{v}` (not in its section nor in the common one)"
                ));
            }
        }
    }
    assert!(
        kurang.is_empty(),
        "docs/templates.md does not document:\n{}",
        kurang.join("\n")
    );
}

#[test]
fn the_scan_finds_what_a_template_reads() {
    let v = variabel(
        "{% for b in bagian %}{{ b.id }}{% if not kk %}{{- t.x | ribuan }}{% endif %}\
         {% set g = b.grafik %}{{ g.svg }}{% endfor %}{% for a, c in [x, y] %}{% endfor %}",
    );
    let v: Vec<&str> = v.iter().map(String::as_str).collect();
    assert_eq!(v, ["bagian", "kk", "t", "x"]);
}
