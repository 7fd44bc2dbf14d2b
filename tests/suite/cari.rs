//! The search box and its index (`cari/`): the example site's index read back from disk and
//! searched with the rule `cari.js` follows, the form on every page, the sizes, programmes and
//! notes, an English build, hostile names, and the region tree that leads everywhere without
//! JavaScript.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use common::{
    build, build_changed_copy, example_copy, example_site, files, normalise, page, sel, text,
};
use salur::site::cari::{self, KATA_JENIS};
use serde_json::Value;

/// One entry of the index: name, kind, context, path from the root.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Entri {
    nama: String,
    jenis: String,
    konteks: String,
    url: String,
}

/// The JSON argument of a `window.salurCari.<fungsi>(…);` file.
fn payload(text: &str, fungsi: &str) -> Value {
    let prefix = format!("window.salurCari.{fungsi}(");
    let inner = text
        .strip_prefix(&prefix)
        .and_then(|t| t.trim_end().strip_suffix(");"))
        .unwrap_or_else(|| panic!("not a {fungsi} call: {}", &text[..text.len().min(80)]));
    // a shard is muat("key",[…]): make it a JSON array of both
    let json = if fungsi == "muat" {
        format!("[{inner}]")
    } else {
        inner.to_string()
    };
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{fungsi}: not JSON: {e}"))
}

/// The index as read from `out`.
struct Indeks {
    /// Per key, the shard file that serves it.
    kunci: BTreeMap<String, String>,
    /// Per shard file, its version.
    berkas: BTreeMap<String, String>,
    /// The always-loaded entries.
    umum: Vec<Entri>,
    /// Per shard file, its entries.
    nama: BTreeMap<String, Vec<Entri>>,
}

fn entri(v: &Value) -> Vec<Entri> {
    v.as_array()
        .expect("an array of entries")
        .iter()
        .map(|e| {
            let f = |i: usize| e[i].as_str().expect("a string").to_string();
            Entri {
                nama: f(0),
                jenis: f(1),
                konteks: f(2),
                url: f(3),
            }
        })
        .collect()
}

fn baca(out: &Path) -> Indeks {
    let manifest = payload(
        &fs::read_to_string(out.join(cari::JALUR_INDEKS)).unwrap(),
        "indeks",
    );
    let map = |v: &Value| -> BTreeMap<String, String> {
        v.as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect()
    };
    let kunci = map(&manifest["kunci"]);
    let berkas = map(&manifest["berkas"]);
    let umum = payload(
        &fs::read_to_string(out.join(cari::JALUR_UMUM)).unwrap(),
        "muat",
    );
    assert_eq!(umum[0], "umum");
    let mut nama = BTreeMap::new();
    for file in berkas.keys() {
        let path = out.join(format!("{}/{file}.js", cari::FOLDER_NAMA));
        let v = payload(&fs::read_to_string(&path).unwrap(), "muat");
        assert_eq!(v[0].as_str(), Some(file.as_str()), "{}", path.display());
        nama.insert(file.clone(), entri(&v[1]));
    }
    Indeks {
        kunci,
        berkas,
        umum: entri(&umum[1]),
        nama,
    }
}

/// The words of a name and its kind-less words run together, as `cari.js` matches them.
fn istilah_entri(nama: &str) -> Vec<String> {
    let kata = cari::kata(nama);
    let mut t = kata.clone();
    t.push(cari::inti(&kata).concat());
    t
}

/// What `cari.js` shows for `kueri`: the entries of the always-loaded shard and of the shard
/// of the longest key that begins the query's words run together, whose words each begin one
/// of the entry's words (or its words run together), or whose words run together begin the
/// entry's.
fn cari_di(ix: &Indeks, kueri: &str) -> Vec<Entri> {
    let q = cari::kata(kueri);
    let q = cari::inti(&q).to_vec();
    let Some(w) = cari::kunci_kueri(kueri) else {
        return Vec::new();
    };
    let berkas = (1..=w.len())
        .rev()
        .find_map(|n| ix.kunci.get(&w[..n]))
        .cloned();
    let mut entri: Vec<Entri> = ix.umum.clone();
    if let Some(b) = berkas {
        entri.extend(ix.nama[&b].iter().cloned());
    }
    let angka = w.bytes().all(|b| b.is_ascii_digit());
    entri
        .into_iter()
        .filter(|e| {
            let t = istilah_entri(&e.nama);
            t.last().is_some_and(|n| n.starts_with(&q.concat()))
                || q.iter()
                    .all(|w| t.iter().any(|t| t.starts_with(w.as_str())))
                || angka && kode(e).is_some_and(|k| k.starts_with(&w))
        })
        .collect()
}

/// A region entry's code as digits, from its page's name, as `cari.js` reads it.
fn kode(e: &Entri) -> Option<String> {
    "pkcld".contains(e.jenis.as_str()).then(|| {
        e.url
            .rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches(".html")
            .chars()
            .filter(char::is_ascii_digit)
            .collect()
    })
}

#[test]
fn kandangsapi_is_found_with_its_kecamatan_and_kota() {
    let out = example_site();
    let ix = baca(out);
    for kueri in [
        "Kandangsapi",
        "kandangsapi",
        "KANDANG",
        "Kelurahan Kandangsapi",
        " kandang-sapi ",
        "kandang sapi",
    ] {
        let hasil = cari_di(&ix, kueri);
        let k: Vec<&Entri> = hasil
            .iter()
            .filter(|e| e.nama == "Kelurahan Kandangsapi")
            .collect();
        assert_eq!(k.len(), 1, "{kueri}: {hasil:?}");
        // the kecamatan and the kota, so that a repeated name is told apart
        assert_eq!(k[0].konteks, "Kec. Panggungrejo, Kota Pasuruan");
        assert_eq!(k[0].jenis, "l");
        assert_eq!(k[0].url, "wilayah/35/35.75.04.1011.html");
        assert!(out.join(&k[0].url).is_file());
        let doc = page(&k[0].url);
        let h1 = doc.select(&sel("h1")).next().map(text).unwrap();
        assert_eq!(h1, "Kelurahan Kandangsapi");
    }
    // a kecamatan and a kelurahan of the same name, each with where it lies
    let g: Vec<(String, String)> = cari_di(&ix, "gadingrejo")
        .into_iter()
        .map(|e| (e.nama, e.konteks))
        .collect();
    assert_eq!(
        g,
        [
            (
                "Kecamatan Gadingrejo".to_string(),
                "Kota Pasuruan, Jawa Timur".to_string()
            ),
            (
                "Kelurahan Gadingrejo".to_string(),
                "Kec. Gadingrejo, Kota Pasuruan".to_string()
            ),
        ]
    );
    // a kota by its name, with or without its kind; a word of a multi-word name; the
    // words run together
    for (kueri, nama) in [
        ("Kota Pasuruan", "Kota Pasuruan"),
        ("pasuruan", "Kota Pasuruan"),
        ("kutai", "Kabupaten Kutai Kartanegara"),
        ("kartanegara", "Kabupaten Kutai Kartanegara"),
        ("Bugul Kid", "Kelurahan Bugul Kidul"),
        ("bugulkidul", "Kelurahan Bugul Kidul"),
        ("kidul", "Kelurahan Bugul Kidul"),
        ("bugul kidul", "Kecamatan Bugul Kidul"),
        ("Kecamatan Bugulkidul", "Kecamatan Bugul Kidul"),
    ] {
        assert!(
            cari_di(&ix, kueri).iter().any(|e| e.nama == nama),
            "{kueri} should find {nama}"
        );
    }
    assert!(cari_di(&ix, "zzzz").is_empty());
}

#[test]
fn every_region_is_found_by_its_name_and_told_apart_from_its_namesakes() {
    let out = example_site();
    let ix = baca(out);
    let regions: BTreeSet<String> = files(out)
        .into_keys()
        .filter(|p| p.starts_with("wilayah/") && p.ends_with(".html"))
        // a printable brief is no region page: it has its region page's link
        .filter(|p| !p.ends_with(".ringkas.html"))
        .collect();
    let mut di_indeks: BTreeMap<String, Entri> = BTreeMap::new();
    // the regions (the site's feature pages, kind `h`, are a test of their own)
    for e in ix.nama.values().flatten().filter(|e| e.jenis != "h") {
        if let Some(lama) = di_indeks.insert(e.url.clone(), e.clone()) {
            assert_eq!(lama, *e, "one region, one entry");
        }
    }
    assert_eq!(
        di_indeks.keys().cloned().collect::<BTreeSet<_>>(),
        regions,
        "every region page, and only those, is in the index"
    );
    // every region is found by its full name, and each result is told apart from the
    // others by its name or its context
    for e in di_indeks.values() {
        let hasil = cari_di(&ix, &e.nama);
        assert!(hasil.contains(e), "{} not found by its name", e.nama);
        let mut seen = BTreeSet::new();
        for h in &hasil {
            assert!(
                seen.insert((&h.nama, &h.konteks)),
                "'{}' ({}) twice in the results for '{}'",
                h.nama,
                h.konteks,
                e.nama
            );
        }
    }
}

#[test]
fn programmes_tahap_and_meeting_notes_are_always_searched() {
    let out = example_site();
    let ix = baca(out);
    let umum: BTreeSet<&str> = ix.umum.iter().map(|e| e.url.as_str()).collect();
    for (path, _) in files(out) {
        let dicari = (path.starts_with("program/") || path.starts_with("tahap/"))
            && !path.ends_with("index.html")
            || path.starts_with("rapat/")
                && !path.ends_with("index.html")
                && !path.ends_with("tindak-lanjut.html");
        if dicari {
            assert!(
                umum.contains(path.as_str()),
                "{path} is not in cari/umum.js"
            );
        }
    }
    for e in &ix.umum {
        assert!(out.join(&e.url).is_file(), "{}", e.url);
    }
    let bst = cari_di(&ix, "BST");
    assert_eq!(bst[0].nama, "Bantuan Sosial Tunai (BST)");
    assert_eq!(bst[0].url, "program/bst.html");
    let rakor = cari_di(&ix, "rakor bansos pasuruan");
    assert_eq!(rakor.len(), 1, "{rakor:?}");
    assert_eq!(
        rakor[0].url,
        "rapat/2021-07-13-rakor-bansos-kota-pasuruan.html"
    );
    assert_eq!(rakor[0].konteks, "Rapat, 13 Juli 2021");
    assert!(
        cari_di(&ix, "Juli 2021")
            .iter()
            .any(|e| e.url == "tahap/2021-07.html")
    );
}

#[test]
fn every_page_has_the_search_form_and_loads_only_its_own_script() {
    let out = example_site();
    let mut pages = 0;
    for (path, bytes) in files(out) {
        // a printable brief has no header, no search form and no script (tests/suite/ringkas.rs)
        if !path.ends_with(".html") || path.ends_with("ringkas.html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8(bytes).unwrap();
        let doc = scraper::Html::parse_document(&html);
        let forms: Vec<_> = doc.select(&sel("header form.cari[role=search]")).collect();
        assert_eq!(forms.len(), 1, "{path}: one search form in the header");
        let form = forms[0];
        // hidden until the script runs; without it, a link to the directory of regions
        assert!(form.value().attr("hidden").is_some(), "{path}");
        let input = form
            .select(&sel("input[type=search]"))
            .next()
            .unwrap_or_else(|| panic!("{path}: no search input"));
        let id = input.value().attr("id").unwrap();
        let label = form
            .select(&sel(&format!("label[for={id}]")))
            .next()
            .unwrap_or_else(|| panic!("{path}: the input has no label"));
        assert_eq!(text(label), "Cari wilayah, program atau rapat");
        assert!(
            form.select(&sel("[role=status][aria-live=polite]"))
                .next()
                .is_some(),
            "{path}"
        );
        assert!(form.select(&sel("ul.cari-hasil")).next().is_some());
        let tanpa = doc
            .select(&sel("header a.cari-tanpa-js"))
            .next()
            .unwrap_or_else(|| panic!("{path}: no link for readers without JavaScript"));
        if path != "404.html" {
            let base = Path::new(&path).parent().unwrap();
            for href in [
                tanpa.value().attr("href").unwrap(),
                form.value().attr("action").unwrap(),
            ] {
                assert_eq!(
                    normalise(&base.join(href.trim_end_matches("#wilayah"))),
                    "index.html",
                    "{path}"
                );
            }
            // the search script, found relative to the page
            let scripts: Vec<&str> = doc
                .select(&sel("script"))
                .map(|s| s.value().attr("src").unwrap_or(""))
                .collect();
            assert!(
                scripts.iter().any(|s| s.ends_with("cari.js")),
                "{path}: {scripts:?}"
            );
            for s in scripts {
                assert!(!s.is_empty(), "{path}: an inline script");
                let target = normalise(&base.join(s));
                assert!(out.join(&target).is_file(), "{path}: {s} → {target}");
            }
        }
        // no inline event handlers anywhere (a later content security policy forbids them)
        for e in doc.select(&sel("*")) {
            for (a, _) in e.value().attrs() {
                assert!(!a.starts_with("on"), "{path}: <{} {a}>", e.value().name());
            }
        }
    }
    assert!(pages > 900, "{pages}");
    // the home page's directory the form and the link fall back to
    let home = page("index.html");
    assert!(home.select(&sel("#wilayah h2")).next().is_some());
}

#[test]
fn shards_are_small_and_a_query_downloads_little() {
    let out = example_site();
    let ix = baca(out);
    let size = |p: &str| fs::metadata(out.join(p)).unwrap().len() as usize;
    let mut terbesar = 0;
    for file in ix.berkas.keys() {
        let s = size(&format!("{}/{file}.js", cari::FOLDER_NAMA));
        assert!(s <= 200 * 1024, "{file}: {s} bytes");
        terbesar = terbesar.max(s);
    }
    let per_kueri = size("cari.js") + size(cari::JALUR_INDEKS) + size(cari::JALUR_UMUM) + terbesar;
    assert!(per_kueri <= 200 * 1024, "{per_kueri} bytes for one query");
    // the search script stays small
    assert!(size("cari.js") < 8 * 1024);
    // every key is served, by a shard that holds it
    for (k, file) in &ix.kunci {
        assert!(ix.berkas.contains_key(file), "{k} → {file}");
        assert!(!ix.nama[file].is_empty());
    }
    // versions are the files' hashes: a changed shard gets a new address
    for (file, versi) in &ix.berkas {
        assert_eq!(versi.len(), 8, "{file}");
    }
}

#[test]
fn the_search_script_is_plain_and_follows_the_rust_rule() {
    let js = fs::read_to_string(common::root().join("themes/default/static/cari.js")).unwrap();
    // nothing a strict content security policy (script-src 'self') or a reader offline would
    // refuse, and no markup built from names
    for bad in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "setTimeout(\"",
        "fetch(",
        "XMLHttpRequest",
        "http://",
        "https://",
        "import(",
    ] {
        assert!(!js.contains(bad), "cari.js contains {bad}");
    }
    // the kind words are the same list in both places
    let start = js.find("var JENIS = [").expect("JENIS in cari.js") + "var JENIS = [".len();
    let end = start + js[start..].find("];").unwrap();
    let jenis: Vec<String> = js[start..end]
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_string())
        .collect();
    assert_eq!(jenis, KATA_JENIS);
    // the same normalisation: folds what NFD folds, drops apostrophes, splits on the rest
    assert!(js.contains(r#"normalize("NFD").replace(/[\u0300-\u036f]/g, "")"#));
    assert!(js.contains(r#"replace(/['\u2018\u2019`]/g, "")"#));
    assert!(js.contains(r#"replace(/[^a-z0-9]+/g, " ")"#));
    // names go into the page as text only
    assert!(js.contains("textContent = e[0]"));
    // the template loads it without inline script or handlers
    let base =
        fs::read_to_string(common::root().join("themes/default/templates/base.html")).unwrap();
    assert!(base.contains(r#"<script src="{{ root }}cari.js" defer></script>"#));
    assert!(!base.contains("<script>"));
}

#[test]
fn the_region_tree_leads_to_every_region_without_javascript() {
    let out = example_site();
    let regions: BTreeSet<String> = files(out)
        .into_keys()
        .filter(|p| p.starts_with("wilayah/") && p.ends_with(".html"))
        // a printable brief is no region page: it has its region page's link
        .filter(|p| !p.ends_with(".ringkas.html"))
        .collect();
    // follow the home page's directory and each region page's list of the regions below
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut todo = vec!["index.html".to_string()];
    while let Some(path) = todo.pop() {
        let doc = page(&path);
        let base = Path::new(&path).parent().unwrap().to_path_buf();
        for a in doc.select(&sel("#wilayah a, section.anak a")) {
            let href = a.value().attr("href").unwrap();
            let target = normalise(&base.join(href));
            if regions.contains(&target) && seen.insert(target.clone()) {
                todo.push(target);
            }
        }
    }
    let missing: Vec<&String> = regions.difference(&seen).collect();
    assert!(
        missing.is_empty(),
        "not reachable from the home page: {missing:?}"
    );
}

#[test]
fn an_english_site_searches_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let out = build_changed_copy(dir.path(), |site| {
        let p = site.join("site.toml");
        let t = fs::read_to_string(&p).unwrap();
        fs::write(&p, t.replacen("language = \"id\"", "language = \"en\"", 1)).unwrap();
    });
    let html = fs::read_to_string(out.join("wilayah/35/35.75.04.1011.html")).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let form = doc.select(&sel("form.cari")).next().unwrap();
    assert_eq!(
        text(form.select(&sel("label")).next().unwrap()),
        "Search regions, programmes or meetings"
    );
    assert_eq!(
        form.value().attr("data-kosong"),
        Some("No results"),
        "the script's messages come from the English strings"
    );
    let tanpa = doc.select(&sel("a.cari-tanpa-js")).next().unwrap();
    assert_eq!(text(tanpa), "Find your region");
    let ix = baca(&out);
    let k = cari_di(&ix, "Kandangsapi");
    assert_eq!(k[0].nama, "Kelurahan Kandangsapi");
    assert_eq!(k[0].konteks, "District Panggungrejo, Kota Pasuruan");
    assert!(
        cari_di(&ix, "rakor bansos pasuruan")[0]
            .konteks
            .starts_with("Meeting, 13 July 2021")
    );
    assert_eq!(cari_di(&ix, "BST")[0].konteks, "Programme");
}

#[test]
fn a_hostile_name_is_text_and_a_renamed_region_rewrites_few_files() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let public = dir.path().join("out/public");
    build(&site, &public);
    let before = files(&public);
    // the same build again: the index is deterministic
    let again = dir.path().join("again/public");
    build(&site, &again);
    let again = files(&again);
    for (p, b) in before.iter().filter(|(p, _)| p.starts_with("cari")) {
        assert_eq!(Some(b), again.get(p), "{p} differs between two builds");
    }
    let jahat = "<img src=x onerror=alert(1)></script>";
    let p = site.join("data/wilayah.csv");
    let t = fs::read_to_string(&p).unwrap();
    fs::write(
        &p,
        t.replacen(
            "35.75.04.1011,Kandangsapi,",
            &format!("35.75.04.1011,\"{jahat}\","),
            1,
        ),
    )
    .unwrap();
    build(&site, &public);
    let after = files(&public);
    for (path, bytes) in after.iter().filter(|(p, _)| p.starts_with("cari/")) {
        let s = String::from_utf8(bytes.clone()).unwrap();
        assert!(!s.contains('<'), "{path}: a raw '<' in the index");
    }
    let ix = baca(&public);
    let found = cari_di(&ix, "img src");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].nama, format!("Kelurahan {jahat}"));
    assert_eq!(found[0].url, "wilayah/35/35.75.04.1011.html");
    assert!(cari_di(&ix, "kandangsapi").is_empty());
    // only the manifest and the shards that held or now hold the name (its words `img`,
    // `onerror`, …, and `1`, among the codes), and the one that holds it under its code
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| k.starts_with("cari") && before.get(*k) != after.get(*k))
        .collect();
    assert!(changed.contains(&&cari::JALUR_INDEKS.to_string()));
    assert!(changed.len() <= 5, "{changed:?}");
    // gone from the index's shards too (a removed shard would be a removed file)
    assert!(
        before.keys().filter(|k| k.starts_with("cari/")).count()
            <= after.keys().filter(|k| k.starts_with("cari/")).count() + 1
    );
}

#[test]
fn a_region_is_found_by_its_code_written_any_common_way() {
    let out = example_site();
    let ix = baca(out);
    let regions: Vec<String> = files(out)
        .into_keys()
        .filter(|p| p.starts_with("wilayah/") && p.ends_with(".html"))
        // a printable brief is no region page: it has its region page's link
        .filter(|p| !p.ends_with(".ringkas.html"))
        .collect();
    assert!(regions.len() > 100);
    for url in &regions {
        let titik = url.rsplit('/').next().unwrap().trim_end_matches(".html");
        let angka: String = titik.chars().filter(char::is_ascii_digit).collect();
        let spasi = titik.replace('.', " ");
        let titik_spasi = titik.replace('.', ". ");
        for kueri in [titik, &angka, &spasi, &titik_spasi, &format!(" {titik} ")] {
            let hasil = cari_di(&ix, kueri);
            let persis: Vec<&Entri> = hasil
                .iter()
                .filter(|e| kode(e).as_deref() == Some(angka.as_str()))
                .collect();
            assert!(
                !persis.is_empty() && persis.iter().all(|e| &e.url == url),
                "{kueri:?} should find {url}: {hasil:?}"
            );
        }
    }
    // Karangketug by its code, and Kota Pasuruan's code finds the kota and what lies below it
    let k = cari_di(&ix, "35.75.01.1001");
    assert_eq!(k.len(), 1, "{k:?}");
    assert_eq!(k[0].nama, "Kelurahan Karangketug");
    let kota = cari_di(&ix, "3575");
    assert!(kota.iter().any(|e| e.nama == "Kota Pasuruan"));
    assert!(kota.len() > 34, "{}", kota.len());
    assert!(cari_di(&ix, "99.99").is_empty());
}

#[test]
fn the_sites_own_feature_pages_are_found_by_what_they_are() {
    let out = example_site();
    let ix = baca(out);
    let semua = files(out);
    // every schedule overview, failure and reconciliation page of a kabupaten/kota, and the
    // meeting notes' archive and follow-ups, under the first word of their title
    let mut fitur: Vec<(&str, String)> = Vec::new();
    for p in semua.keys() {
        let folder = p.split('/').next().unwrap();
        let kota = p.matches('/').count() == 1 && p.ends_with(".html");
        match folder {
            "jadwal" if kota => fitur.push(("jadwal", p.clone())),
            "gagal" if kota => fitur.push(("gagal", p.clone())),
            "rekonsiliasi" if kota => fitur.push(("rekonsiliasi", p.clone())),
            _ => {}
        }
    }
    fitur.push(("rapat koordinasi", "rapat/index.html".to_string()));
    fitur.push(("tindak lanjut", "rapat/tindak-lanjut.html".to_string()));
    assert!(fitur.len() >= 5, "{fitur:?}");
    for (kueri, path) in &fitur {
        let hasil = cari_di(&ix, kueri);
        let e = hasil
            .iter()
            .find(|e| &e.url == path)
            .unwrap_or_else(|| panic!("{kueri:?} should find {path}: {hasil:?}"));
        assert_eq!(e.jenis, "h");
        // its title is the page's heading
        let doc = page(path);
        assert_eq!(doc.select(&sel("h1")).next().map(text).unwrap(), e.nama);
    }
    // with the region's name, and by the region's name alone
    let j = cari_di(&ix, "jadwal pasuruan");
    assert_eq!(j.len(), 1, "{j:?}");
    assert_eq!(j[0].url, "jadwal/35.75.html");
    assert_eq!(j[0].nama, "Jadwal pencairan Kota Pasuruan");
    assert!(
        cari_di(&ix, "pasuruan")
            .iter()
            .any(|e| e.url == "jadwal/35.75.html")
    );
    // a kind word of the title is no key: "kota" would gather every such page
    assert!(!ix.kunci.contains_key("kota"), "{:?}", ix.kunci.keys());
}

#[test]
fn the_search_box_example_is_a_region_of_the_site() {
    // the first desa/kelurahan by code
    let loaded = salur::load(&common::root()).unwrap();
    let pertama = loaded
        .data
        .wilayah
        .nodes
        .iter()
        .filter(|n| n.tingkat == salur::data::Tingkat::DesaKelurahan)
        .min_by(|a, b| a.kode.cmp(&b.kode))
        .unwrap();
    let want = format!("mis. {}", pertama.nama);
    for path in ["index.html", "wilayah/35/35.75.04.1011.html", "404.html"] {
        let doc = page(path);
        let input = doc.select(&sel("form.cari input")).next().unwrap();
        assert_eq!(
            input.value().attr("placeholder"),
            Some(want.as_str()),
            "{path}"
        );
    }
    // and searching for it finds it
    let ix = baca(example_site());
    assert!(
        cari_di(&ix, &pertama.nama)
            .iter()
            .any(|e| e.url.ends_with(&format!("{}.html", pertama.kode_teks)))
    );
    // no region of the example is named in the theme
    for dir in ["templates", "i18n", "static"] {
        for e in fs::read_dir(common::root().join("themes/default").join(dir)).unwrap() {
            let p = e.unwrap().path();
            let t = fs::read_to_string(&p).unwrap_or_default();
            assert!(
                !t.contains("Kandangsapi") || p.ends_with("cari.js"),
                "{}",
                p.display()
            );
        }
    }
}

#[test]
fn the_index_stays_small() {
    // the example's index: 113.444 bytes before regions were indexed by code and the feature
    // pages added; each region's entry once more under its code's prefix
    let out = example_site();
    let ix = baca(out);
    let size = |p: &str| fs::metadata(out.join(p)).unwrap().len() as usize;
    let nama: usize = ix
        .berkas
        .keys()
        .map(|f| size(&format!("{}/{f}.js", cari::FOLDER_NAMA)))
        .sum();
    let total = nama + size(cari::JALUR_INDEKS) + size(cari::JALUR_UMUM);
    assert!(total < 240 * 1024, "{total} bytes");
    // what a phone loads for one query does not grow: the manifest, the always-loaded shard
    // and one shard of at most 64 KB
    assert!(size(cari::JALUR_INDEKS) < 1024);
    assert!(size(cari::JALUR_UMUM) < 4 * 1024);
}
