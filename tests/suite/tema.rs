//! A theme cannot read outside the site folder: `theme` in `site.toml` is a plain folder name
//! of `themes/`, and every theme folder and file read (templates, UI strings, static files)
//! must resolve inside the site folder, symbolic links followed. Each escape is refused with
//! its place, and nothing of the outside file reaches the published site.

use crate::common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use common::{example_copy, files};

const RAHASIA: &str = "RAHASIA-7f3a9c";

/// A theme outside the site, each of its files holding the marker.
fn outside_theme(dir: &Path) -> PathBuf {
    let t = dir.join("rahasia");
    fs::create_dir_all(t.join("templates")).unwrap();
    fs::create_dir_all(t.join("static")).unwrap();
    fs::create_dir_all(t.join("i18n")).unwrap();
    fs::write(
        t.join("templates/base.html"),
        format!("<html>{RAHASIA}</html>"),
    )
    .unwrap();
    fs::write(t.join("static/bocor.txt"), RAHASIA).unwrap();
    fs::write(t.join("i18n/id.toml"), format!("judul = \"{RAHASIA}\"\n")).unwrap();
    t
}

fn set_theme(site: &Path, theme: &str) {
    let p = site.join("site.toml");
    let text = fs::read_to_string(&p).unwrap();
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("theme = ") {
                format!("theme = \"{theme}\"\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    fs::write(p, text).unwrap();
}

/// Builds and returns the error's message; asserts the published site has no trace of the
/// outside theme.
fn refused(site: &Path, public: &Path) -> String {
    let result = salur::build(&salur::BuildOptions {
        root: site.to_path_buf(),
        output: Some(public.to_path_buf()),
        base_url: None,
    });
    let message = match result {
        Ok(_) => panic!("the build read a theme outside the site"),
        Err(e) => e.to_string(),
    };
    assert!(!message.contains(RAHASIA), "{message}");
    for (rel, bytes) in files(public) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(RAHASIA),
            "{rel} holds the outside file"
        );
    }
    message
}

#[test]
fn a_theme_cannot_read_outside_the_site_folder() {
    let dir = tempfile::tempdir().unwrap();
    let outside = outside_theme(dir.path());
    let site = example_copy(dir.path());
    let public = dir.path().join("public");
    common::build(&site, &public);

    // a relative path out of themes/, and an absolute one: refused in site.toml, at its place
    let line = fs::read_to_string(site.join("site.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("theme = "))
        .unwrap()
        + 1;
    for theme in ["../../rahasia", "../rahasia", outside.to_str().unwrap()] {
        set_theme(&site, theme);
        let m = refused(&site, &public);
        assert!(
            m.contains(&format!(
                "site.toml:{line}:9: '{theme}': theme: nama satu folder di themes/ situs ini, \
                 tanpa /, \\, .., : atau jalur mutlak"
            )),
            "{theme}: {m}"
        );
    }

    // a theme folder that is a link out of the site
    symlink(&outside, site.join("themes/jahat")).unwrap();
    set_theme(&site, "jahat");
    let m = refused(&site, &public);
    assert!(
        m.contains(&format!(
            "themes/jahat: berkas tema ini menunjuk ke luar folder situs ({}); salur hanya \
             membaca tema dari dalam folder situs",
            fs::canonicalize(&outside).unwrap().display()
        )),
        "{m}"
    );

    // a theme inside the site whose files link out of it: a template, a static file, the
    // UI strings, a folder of templates
    let t = site.join("themes/t");
    for (link, target) in [
        ("templates/base.html", "templates/base.html"),
        ("static/bocor.txt", "static/bocor.txt"),
        ("i18n/id.toml", "i18n/id.toml"),
        ("templates/lain", "templates"),
    ] {
        let _ = fs::remove_dir_all(&t);
        fs::create_dir_all(t.join("templates")).unwrap();
        fs::create_dir_all(t.join("static")).unwrap();
        fs::create_dir_all(t.join("i18n")).unwrap();
        symlink(outside.join(target), t.join(link)).unwrap();
        set_theme(&site, "t");
        let m = refused(&site, &public);
        assert!(
            m.contains(&format!("themes/t/{link}")) && m.contains("ke luar folder situs"),
            "{link}: {m}"
        );
    }

    // a link that stays inside the site is fine
    let _ = fs::remove_dir_all(&t);
    fs::create_dir_all(t.join("static")).unwrap();
    fs::write(site.join("content/catatan.txt"), "dalam situs\n").unwrap();
    symlink("../../../content/catatan.txt", t.join("static/catatan.txt")).unwrap();
    common::build(&site, &public);
    assert_eq!(
        fs::read_to_string(public.join("catatan.txt")).unwrap(),
        "dalam situs\n"
    );
}

/// A theme's static file is published under its own name: a NIK in the name is refused (the
/// one NIK guard of `salur::teks`), named with the number masked, and nothing is written.
#[test]
fn a_nik_in_a_theme_static_file_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let t = site.join("themes/t");
    fs::create_dir_all(t.join("static/foto")).unwrap();
    fs::write(t.join("static/foto/ktp_3575 0123 4567 0001.txt"), "x").unwrap();
    set_theme(&site, "t");
    let public = dir.path().join("public");
    let m = match salur::build(&salur::BuildOptions {
        root: site.clone(),
        output: Some(public.clone()),
        base_url: None,
    }) {
        Ok(_) => panic!("a NIK in a file name was published"),
        Err(e) => e.to_string(),
    };
    // an input error of the theme's check (`salur::render::periksa_tema`), before anything
    // is rendered
    assert_eq!(
        m.trim_end(),
        "themes/t/static/foto/ktp_3575 **** **** **01.txt: privasi: nama berkas ini memuat nomor \
         berbentuk NIK (16 angka); nama berkas ikut diterbitkan (alamat halaman, daftar \
         berkas), jadi ganti namanya"
    );
    assert!(!public.exists());
}

#[test]
fn a_theme_that_renames_the_home_page_renames_it_in_the_menu_and_every_breadcrumb() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let i18n = site.join("themes/default/i18n/id.toml");
    let text = fs::read_to_string(&i18n).unwrap();
    assert!(
        text.contains("beranda = \"Beranda\""),
        "the example's UI strings changed"
    );
    fs::write(
        &i18n,
        text.replace("beranda = \"Beranda\"", "beranda = \"Halaman Utama\""),
    )
    .unwrap();
    let out = dir.path().join("public");
    common::build(&site, &out);
    for page in [
        "wilayah/35/35.75.04.1011.html",
        "jadwal/35.75.html",
        "tentang-data.html",
    ] {
        let html = scraper::Html::parse_document(&fs::read_to_string(out.join(page)).unwrap());
        let first = html
            .select(&common::sel("nav.remah li a"))
            .next()
            .unwrap_or_else(|| panic!("{page}: no breadcrumb"));
        assert_eq!(common::text(first), "Halaman Utama", "{page}: breadcrumb");
        let menu: Vec<String> = html
            .select(&common::sel("a"))
            .map(common::text)
            .filter(|t| t == "Beranda")
            .collect();
        assert!(menu.is_empty(), "{page}: still says Beranda: {menu:?}");
    }
}

/// The files of `out` that hold `s`.
fn holding(out: &Path, s: &str) -> Vec<String> {
    files(out)
        .into_iter()
        .filter(|(_, b)| String::from_utf8_lossy(b).contains(s))
        .map(|(f, _)| f)
        .collect()
}

#[test]
fn a_theme_that_rewords_a_reason_and_a_region_kind_is_heard_on_pages_and_in_downloads() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let i18n = site.join("themes/default/i18n/id.toml");
    let text = fs::read_to_string(&i18n).unwrap();
    let ganti = [
        (
            "alasan_meninggal = \"Meninggal dunia\"",
            "alasan_meninggal = \"Wafat (kata tema)\"",
        ),
        (
            "wilayah_jenis_kecamatan = \"Kecamatan\"",
            "wilayah_jenis_kecamatan = \"Kapanewon\"",
        ),
    ];
    let mut baru = text.clone();
    for (lama, ganti) in ganti {
        assert!(
            text.contains(lama),
            "the example's UI strings changed: {lama}"
        );
        baru = baru.replace(lama, ganti);
    }
    fs::write(&i18n, baru).unwrap();
    let out = dir.path().join("public");
    common::build(&site, &out);
    assert!(holding(&out, "Meninggal dunia").is_empty());
    let gagal = fs::read_to_string(out.join("gagal/35.75.html")).unwrap();
    assert!(gagal.contains("Wafat (kata tema)"), "the failure page");
    // a region's name with its kind: its page, its JSON download, the datapackage
    let baca = |p: &str| fs::read_to_string(out.join(p)).unwrap();
    assert!(
        baca("wilayah/35/35.75.04.html").contains("<title>Kapanewon Panggungrejo ·"),
        "the region page"
    );
    assert!(
        baca("wilayah/35/35.75.04.json").contains("\"judul\":\"Kapanewon Panggungrejo\""),
        "the region's download"
    );
    assert!(
        baca("datapackage.json").contains("Kapanewon Panggungrejo"),
        "the datapackage"
    );
    for f in [
        "wilayah/35/35.75.04.html",
        "wilayah/35/35.75.04.json",
        "datapackage.json",
    ] {
        assert!(!baca(f).contains("Kecamatan Panggungrejo"), "{f}");
    }
}
