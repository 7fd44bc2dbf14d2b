//! Incremental builds: a rebuild after any change must give exactly the bytes of a build from
//! scratch, while rewriting (and re-rendering) only the pages that changed.

use crate::common;
use common::edit;

use std::fs;
use std::path::Path;

use common::{build, example_copy, files};

#[test]
fn incremental_build_equals_a_full_build() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let public = dir.path().join("out/public");
    build(&site, &public);

    type Change = Box<dyn Fn(&Path)>;
    let changes: Vec<(&str, Change)> = vec![
        (
            "one kelurahan's realisation",
            Box::new(|s: &Path| {
                let p = s.join("data/realisasi.csv");
                let mut text = fs::read_to_string(&p).unwrap();
                text.push_str("BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-25,gagal,pindah domisili,1\n");
                fs::write(p, text).unwrap();
            }),
        ),
        (
            // the same totals, so only the realisation-over-time chart changes
            "the day of one payment",
            Box::new(|s: &Path| {
                edit(
                    &s.join("data/realisasi.csv"),
                    "PKH,2021-T4,64.02.01.2001,BRI,2021-12-21,tersalur,,12",
                    "PKH,2021-T4,64.02.01.2001,BRI,2021-12-22,tersalur,,12",
                )
            }),
        ),
        (
            // the kecamatan's and kabupaten's totals stay the same; the kabupaten's count of
            // villages with an allocation (deadline view) does not
            "an allocation moved between two kelurahan",
            Box::new(|s: &Path| {
                let p = s.join("data/alokasi.csv");
                edit(
                    &p,
                    "PKH,2021-T4,64.02.01.2001,BRI,264",
                    "PKH,2021-T4,64.02.01.2001,BRI,0",
                );
                edit(
                    &p,
                    "PKH,2021-T4,64.02.01.2002,BRI,200",
                    "PKH,2021-T4,64.02.01.2002,BRI,464",
                );
            }),
        ),
        (
            "a schedule slot's hours",
            Box::new(|s: &Path| {
                edit(
                    &s.join("data/jadwal.csv"),
                    "35.75.01.1001,Kantor Kelurahan Karangketug,2021-07-19,08.00,09.00",
                    "35.75.01.1001,Kantor Kelurahan Karangketug,2021-07-19,09.00,10.00",
                )
            }),
        ),
        (
            "where a region's figures come from",
            Box::new(|s: &Path| {
                edit(
                    &s.join("data/sumber_angka.csv"),
                    "64.02,,,,,,ilustratif,",
                    "64.02.04,,,,,,sementara,Belum direkonsiliasi dengan BRI.\n64.02,,,,,,ilustratif,",
                )
            }),
        ),
        (
            "a kabupaten named in a derived statement",
            Box::new(|s: &Path| {
                edit(
                    &s.join("data/wilayah.csv"),
                    "35.23,Kabupaten Tuban",
                    "35.23,Kabupaten Tuban Bumi Wali",
                )
            }),
        ),
        (
            "a kecamatan's name",
            Box::new(|s: &Path| {
                edit(
                    &s.join("data/wilayah.csv"),
                    "35.75.01,Gadingrejo",
                    "35.75.01,Gadingrejo Baru",
                )
            }),
        ),
        (
            "a programme's name",
            Box::new(|s: &Path| {
                edit(
                    &s.join("data/program.csv"),
                    "Bantuan Sosial Tunai",
                    "Bantuan Sosial Tunai Kemensos",
                )
            }),
        ),
        (
            "a tahap's dates",
            Box::new(|s: &Path| {
                edit(
                    &s.join("data/tahap.csv"),
                    "2021-07,Juli 2021,2021-07-01,2021-07-31,",
                    "2021-07,Juli 2021,2021-07-01,2021-07-31,2021-07-30",
                )
            }),
        ),
        (
            "the site title",
            Box::new(|s: &Path| {
                edit(
                    &s.join("site.toml"),
                    "title = \"Transparansi Bansos\"",
                    "title = \"Bansos Terbuka\"",
                )
            }),
        ),
        (
            "a meeting note's title",
            Box::new(|s: &Path| {
                edit(
                    &s.join("content/rapat/2021-07-13-rakor-bansos-kota-pasuruan.md"),
                    "judul = \"Rakor persiapan",
                    "judul = \"Rapat koordinasi persiapan",
                )
            }),
        ),
        (
            "a template",
            Box::new(|s: &Path| {
                edit(
                    &s.join("themes/default/templates/wilayah.html"),
                    "<h1>{{ judul }}</h1>",
                    "<h1 class=\"judul\">{{ judul }}</h1>",
                )
            }),
        ),
        (
            "a UI string",
            Box::new(|s: &Path| {
                edit(
                    &s.join("themes/default/i18n/id.toml"),
                    "tersalur = \"Tersalur\"",
                    "tersalur = \"Sudah tersalur\"",
                )
            }),
        ),
    ];
    for (what, change) in changes {
        // from scratch over the same previous publication (an input of the history of
        // corrections): a copy of it whose pages' fingerprints are forgotten
        let fresh = dir
            .path()
            .join(format!("fresh-{}/public", what.replace(' ', "-")));
        common::salin_terbitan(&public, &fresh);
        change(&site);
        let incremental = build(&site, &public);
        build(&site, &fresh);
        let (a, b) = (files(&public), files(&fresh));
        let differing = common::beda_berkas(&a, &b);
        assert!(
            differing.is_empty(),
            "after changing {what}: {differing:?} differ from a full build"
        );
        assert!(
            incremental.output.ditulis > 0,
            "changing {what} rewrote nothing"
        );
    }
}

#[test]
fn a_change_in_one_kelurahan_rewrites_only_the_pages_that_show_it() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let public = dir.path().join("out/public");
    build(&site, &public);
    let before = files(&public);
    let p = site.join("data/realisasi.csv");
    let mut text = fs::read_to_string(&p).unwrap();
    text.push_str(
        "BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-25,gagal,pindah domisili,1\n",
    );
    fs::write(p, text).unwrap();
    let summary = build(&site, &public);
    let after = files(&public);
    let mut changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    changed.sort();
    assert_eq!(summary.output.ditulis, changed.len());
    let expected = [
        // the whole site's figures and their downloads
        "angka.csv",
        "angka.json",
        // Kota Pasuruan's figures side by side with Tuban's
        "bandingkan/35.75-vs-35.23.html",
        // it lists realisasi.csv with its SHA-256 and row count
        "datapackage.json",
        // the failure, on a published day, corrects published figures: the history of
        // corrections announces it
        "feed.xml",
        // a new failure: the kota's failure page and its download
        "gagal/35.75.csv",
        "gagal/35.75.html",
        "index.html",
        // the kelurahan now reports more than its allocation: a data-quality finding
        "kualitas-data.html",
        // the rankings the kelurahan's ancestors take part in
        "peringkat/35.75.01.html",
        "peringkat/35.75.html",
        "peringkat/35.html",
        "peringkat/index.html",
        // every programme and tahap page cites realisasi.csv with its SHA-256
        "program/apbd-tunai.html",
        "program/blt.html",
        "program/bst.html",
        "program/pkh.html",
        "program/sembako.html",
        // the whole site's brief, rendered on every build like the home page
        "ringkas.html",
        // the kelurahan's failed KPM and its ancestors' totals, corrected
        "riwayat-koreksi.html",
        "tahap/2021-07.html",
        "tahap/2021-t4.html",
        "tahap/2024.html",
        // it lists every input with its row count and hash
        "tentang-data.html",
        // the site-wide datasets
        "unduh/gagal.csv",
        "unduh/realisasi.csv",
        "unduh/riwayat_koreksi.csv",
        "wilayah/35/35.75.01.1001.html",
        // a neighbour: which of its failure counts are hidden to protect the new small one
        "wilayah/35/35.75.01.1003.html",
        // the kecamatan's download holds the kelurahan's rows
        "wilayah/35/35.75.01.csv",
        "wilayah/35/35.75.01.html",
        "wilayah/35/35.75.01.json",
        // the briefs of the kelurahan's ancestors: their figures and lagging children
        "wilayah/35/35.75.01.ringkas.html",
        "wilayah/35/35.75.csv",
        "wilayah/35/35.75.html",
        "wilayah/35/35.75.json",
        "wilayah/35/35.75.ringkas.html",
        "wilayah/35/35.csv",
        "wilayah/35/35.html",
        "wilayah/35/35.json",
        "wilayah/35/35.ringkas.html",
    ];
    assert_eq!(
        changed,
        expected
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .iter()
            .collect::<Vec<_>>()
    );
    // other regions are untouched
    assert_eq!(
        before.get("wilayah/35/35.75.01.1002.html"),
        after.get("wilayah/35/35.75.01.1002.html")
    );
}

#[test]
fn a_change_to_one_note_rewrites_only_the_pages_that_show_it() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let public = dir.path().join("out/public");
    build(&site, &public);
    let before = files(&public);
    edit(
        &site.join("content/rapat/2023-09-07-studi-banding-dprd-tuban.md"),
        "+++\n\n",
        "+++\n\nDiperbarui.\n\n",
    );
    build(&site, &public);
    let after = files(&public);
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(
        changed,
        vec!["rapat/2023-09-07-studi-banding-dprd-tuban.html"]
    );
}

/// The stages a build went through.
fn stages(summary: &salur::BuildSummary) -> Vec<&'static str> {
    summary.timings.stages.iter().map(|(s, _)| *s).collect()
}

#[test]
fn nothing_changed_means_nothing_read_but_the_warnings_are_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let public = dir.path().join("out/public");
    let first = build(&site, &public);
    assert!(stages(&first).contains(&"data"));
    // the example's two reconciliation differences
    assert!(first.laporan_peringatan.contains("BRI Bontang"));
    let before = files(&public);

    let again = build(&site, &public);
    assert_eq!(stages(&again), ["unchanged"], "the inputs were read again");
    assert_eq!(again.output.ditulis, 0);
    assert_eq!(again.files, first.files);
    assert_eq!(again.laporan_peringatan, first.laporan_peringatan);
    assert_eq!(files(&public), before);

    // a published file edited by hand: the shortcut is not taken, the file is restored
    let index = public.join("index.html");
    let original = fs::read(&index).unwrap();
    fs::write(&index, b"<p>diubah</p>").unwrap();
    let repaired = build(&site, &public);
    assert!(stages(&repaired).contains(&"data"));
    assert_eq!(fs::read(&index).unwrap(), original);
    // a published file deleted: restored
    fs::remove_file(public.join("tentang-data.html")).unwrap();
    build(&site, &public);
    assert_eq!(files(&public), before);

    // any input byte changed: the work is done again, even when no page changes
    let toml = site.join("site.toml");
    let mut text = fs::read_to_string(&toml).unwrap();
    text.push_str("\n# a comment\n");
    fs::write(&toml, text).unwrap();
    let after_comment = build(&site, &public);
    assert!(stages(&after_comment).contains(&"data"));
    assert_eq!(after_comment.output.ditulis, 0);
    // and then it is recorded: the next build takes the shortcut
    assert_eq!(stages(&build(&site, &public)), ["unchanged"]);
    // a realisation row added: rebuilt
    edit(
        &site.join("data/realisasi.csv"),
        "\n",
        "\nBST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-25,tersalur,,1\n",
    );
    let changed = build(&site, &public);
    assert!(changed.output.ditulis > 0);
}

/// The suppression decisions kept beside the manifest (`.public.salur-tembolok`) are a cache:
/// a rebuild that takes them, one that finds them damaged and a build from scratch publish the
/// same bytes, and a damaged file is replaced by a good one.
#[test]
fn the_suppression_cache_changes_no_byte() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let public = dir.path().join("out/public");
    build(&site, &public);
    let cache = dir.path().join("out/.public.salur-tembolok");
    let good = fs::read(&cache).expect("the build keeps its suppression decisions");
    assert!(good.starts_with(b"salur tembolok privasi 1\n"));
    // a payment elsewhere: the failure tables are the same, their decisions come from the file
    let p = site.join("data/realisasi.csv");
    let mut text = fs::read_to_string(&p).unwrap();
    text.push_str("BST,2021-07,35.75.01.1001,PT Pos Indonesia,2021-07-25,tersalur,,1\n");
    fs::write(&p, text).unwrap();
    // from scratch over the same previous publication (the history of corrections)
    let fresh = dir.path().join("fresh/public");
    common::salin_terbitan(&public, &fresh);
    build(&site, &public);
    build(&site, &fresh);
    assert_eq!(files(&public), files(&fresh));
    assert_eq!(fs::read(&cache).unwrap(), good, "the same decisions");
    // a damaged file: ignored, and written again whole
    let mut bad = good.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0xff;
    fs::write(&cache, &bad).unwrap();
    edit(&p, ",tersalur,,1\n", ",tersalur,,2\n");
    let fresh = dir.path().join("fresh2/public");
    common::salin_terbitan(&public, &fresh);
    build(&site, &public);
    build(&site, &fresh);
    assert_eq!(files(&public), files(&fresh));
    assert_eq!(fs::read(&cache).unwrap(), good);
}
