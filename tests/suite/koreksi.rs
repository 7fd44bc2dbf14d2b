//! End-to-end: the history of corrections ("Riwayat koreksi", `riwayat-koreksi.html` and
//! `unduh/riwayat_koreksi.csv`): each build compares the published figures with those of the
//! previous publication in the same output folder.

use crate::common;

use std::fs;
use std::path::Path;

use common::{build, edit, example_copy, files, sel, text};
use scraper::Html;

/// The rows of the published history, without the header.
fn riwayat(out: &Path) -> Vec<String> {
    let t = fs::read_to_string(out.join("unduh/riwayat_koreksi.csv")).unwrap();
    let t = t.trim_start_matches('\u{feff}');
    assert!(
        t.starts_with("tanggal,kode_wilayah,nama_wilayah,program,tahap,penyalur,angka,lama,baru\n"),
        "{t}"
    );
    t.lines().skip(1).map(str::to_string).collect()
}

/// Gentong's allocation of APBD-TUNAI 2021-07 (Bank Jatim) from `dari` to `ke` KPM.
fn ganti_gentong(site: &Path, dari: u32, ke: u32) {
    let baris = |n: u32| format!("APBD-TUNAI,2021-07,35.75.01.1002,Bank Jatim,{n}");
    edit(&site.join("data/alokasi.csv"), &baris(dari), &baris(ke));
}

/// A copy of the example published into `dir/out/public`, then corrected (Gentong 150 → 151)
/// and published again: a history of four corrections.
fn terbit_dikoreksi(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let site = example_copy(dir);
    let out = dir.join("out/public");
    build(&site, &out);
    ganti_gentong(&site, 150, 151);
    build(&site, &out);
    assert_eq!(riwayat(&out).len(), 4);
    (site, out)
}

/// The build's warnings about the previous publication's files.
fn peringatan_terbitan(s: &salur::BuildSummary) -> Vec<String> {
    s.warnings
        .items()
        .iter()
        .map(|d| d.message(salur::lang::Lang::Id))
        .filter(|m| m.contains("terbitan sebelumnya"))
        .collect()
}

fn halaman(out: &Path, rel: &str) -> Html {
    Html::parse_document(&fs::read_to_string(out.join(rel)).unwrap())
}

#[test]
fn an_edited_allocation_is_listed_with_its_ancestors_and_the_history_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let out = dir.path().join("out/public");
    build(&site, &out);
    // a first publication: nothing to compare with
    assert!(riwayat(&out).is_empty());
    let doc = halaman(&out, "riwayat-koreksi.html");
    assert_eq!(
        doc.select(&sel("main p.kosong"))
            .map(text)
            .collect::<Vec<_>>(),
        vec!["Belum ada angka terbitan yang dikoreksi.".to_string()]
    );
    // linked from every page's footer
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(r#"<a href="riwayat-koreksi.html">Riwayat koreksi</a>"#));

    ganti_gentong(&site, 150, 151);
    build(&site, &out);
    // exactly the figure, and its ancestors' totals, dated by data_as_of (not the clock)
    assert_eq!(
        riwayat(&out),
        vec![
            "2025-11-30,35,Jawa Timur,APBD-TUNAI,2021-07,Bank Jatim,alokasi_kpm,5744,5745",
            "2025-11-30,35.75,Kota Pasuruan,APBD-TUNAI,2021-07,Bank Jatim,alokasi_kpm,5744,5745",
            "2025-11-30,35.75.01,Gadingrejo,APBD-TUNAI,2021-07,Bank Jatim,alokasi_kpm,1367,1368",
            "2025-11-30,35.75.01.1002,Gentong,APBD-TUNAI,2021-07,Bank Jatim,alokasi_kpm,150,151",
        ]
    );
    let doc = halaman(&out, "riwayat-koreksi.html");
    let group = doc
        .select(&sel("main section#koreksi-2025-11-30"))
        .next()
        .expect("one group for the publication's date");
    assert!(text(group).contains("30 November 2025"), "{}", text(group));
    let rows: Vec<Vec<String>> = group
        .select(&sel("tbody tr"))
        .map(|tr| tr.select(&sel("th, td")).map(text).collect())
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[3],
        [
            "Gentong 35.75.01.1002",
            "APBD-TUNAI",
            "2021-07",
            "Bank Jatim",
            "KPM dialokasikan",
            "150",
            "151"
        ]
    );
    let link = group
        .select(&sel("tbody tr th a"))
        .nth(3)
        .unwrap()
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(link, "wilayah/35/35.75.01.1002.html");
    // the corrected region's page says so; a neighbour's does not
    let notice = |rel: &str| {
        halaman(&out, rel)
            .select(&sel("main p.dikoreksi a"))
            .map(|a| a.value().attr("href").unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        notice("wilayah/35/35.75.01.1002.html"),
        vec!["../../riwayat-koreksi.html#koreksi-2025-11-30".to_string()]
    );
    assert!(notice("wilayah/35/35.75.01.1001.html").is_empty());
    // the feed announces it, once
    let bytes = fs::read(out.join("feed.xml")).unwrap();
    let feed = feed_rs::parser::parse(&bytes[..]).expect("a valid feed");
    let koreksi: Vec<_> = feed
        .entries
        .iter()
        .filter(|e| e.id.ends_with("#koreksi-2025-11-30"))
        .collect();
    assert_eq!(koreksi.len(), 1);
    let summary = &koreksi[0].summary.as_ref().unwrap().content;
    assert!(summary.starts_with("4 angka"), "{summary}");
    assert_eq!(
        koreksi[0].updated.unwrap().to_rfc3339(),
        "2025-11-29T17:00:00+00:00"
    );

    // built again unchanged: byte-identical (the second comparison finds nothing new)
    let before = files(&out);
    build(&site, &out);
    assert_eq!(files(&out), before);

    // the next publication, another day and another change: the first is kept, newest first;
    // and an incremental build equals a build from scratch over the same previous output
    let fresh = dir.path().join("fresh/public");
    common::salin_terbitan(&out, &fresh);
    edit(
        &site.join("site.toml"),
        "data_as_of = 2025-11-30",
        "data_as_of = 2025-12-01",
    );
    ganti_gentong(&site, 151, 152);
    build(&site, &out);
    let r = riwayat(&out);
    assert_eq!(r.len(), 8, "{r:#?}");
    assert!(r[3].starts_with("2025-12-01,35.75.01.1002,") && r[3].ends_with(",151,152"));
    assert!(r[7].starts_with("2025-11-30,35.75.01.1002,") && r[7].ends_with(",150,151"));
    assert_eq!(
        notice("wilayah/35/35.75.01.1002.html"),
        vec!["../../riwayat-koreksi.html#koreksi-2025-12-01".to_string()]
    );
    build(&site, &fresh);
    let (a, b) = (files(&out), files(&fresh));
    let differing = common::beda_berkas(&a, &b);
    assert!(
        differing.is_empty(),
        "{differing:?} differ from a full build"
    );
}

#[test]
fn a_new_tahap_and_payments_after_the_data_day_are_not_corrections() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let out = dir.path().join("out/public");
    build(&site, &out);
    // 2025-T4 had no figures: its allocation is new, not corrected; tahap 2024's data ran to
    // 19 December 2024: a payment on the 20th is the distribution going on
    let mut a = fs::read_to_string(site.join("data/alokasi.csv")).unwrap();
    a.push_str("PKH,2025-T4,62.03.01.1006,BRI,40\n");
    fs::write(site.join("data/alokasi.csv"), a).unwrap();
    let p = site.join("data/realisasi.csv");
    let mut r = fs::read_to_string(&p).unwrap();
    r.push_str("PKH,2024,62.03.01.1006,BRI,2024-12-20,tersalur,,1\n");
    fs::write(&p, &r).unwrap();
    build(&site, &out);
    assert_eq!(riwayat(&out), Vec::<String>::new());
    // a payment added on a day already published is a correction of what was published
    r.push_str("PKH,2024,62.03.01.1006,BRI,2024-12-18,tersalur,,1\n");
    fs::write(&p, &r).unwrap();
    build(&site, &out);
    let rows = riwayat(&out);
    assert_eq!(rows.len(), 4, "{rows:#?}");
    assert!(
        rows.iter()
            .all(|l| l.contains(",PKH,2024,BRI,tersalur_kpm,")),
        "{rows:#?}"
    );
    assert!(
        rows[3].starts_with("2025-11-30,62.03.01.1006,") && rows[3].ends_with(",6,7"),
        "{rows:#?}"
    );
}

#[test]
fn a_change_under_the_privacy_threshold_reveals_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let out = dir.path().join("out/public");
    build(&site, &out);
    // one KPM's failure moved to another reason: the counts by reason (shown "< 3") change,
    // every published total stays
    edit(
        &site.join("data/realisasi.csv"),
        "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,2021-07-29,gagal,pindah domisili,1",
        "APBD-TUNAI,2021-07,35.75.01.1001,Bank Jatim,2021-07-29,gagal,meninggal,1",
    );
    build(&site, &out);
    assert_eq!(riwayat(&out), Vec::<String>::new());
    let page = fs::read_to_string(out.join("riwayat-koreksi.html")).unwrap();
    assert!(!page.contains("meninggal") && !page.contains("pindah"));
    assert!(
        fs::read_to_string(out.join("wilayah/35/35.75.01.1001.html"))
            .unwrap()
            .find("class=\"dikoreksi\"")
            .is_none()
    );
}

#[test]
fn a_broken_previous_download_is_a_warning_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let out = dir.path().join("out/public");
    build(&site, &out);
    // (without the figures the build kept beside the folder, the download is what is read)
    fs::remove_file(simpanan(&out)).unwrap();
    fs::write(
        out.join("unduh/realisasi.csv"),
        "kode_wilayah,alokasi_kpm\n35,x\n",
    )
    .unwrap();
    fs::write(out.join("unduh/riwayat_koreksi.csv"), [0xff, 0xfe, 0x00]).unwrap();
    ganti_gentong(&site, 150, 151);
    let s = build(&site, &out);
    let pesan = peringatan_terbitan(&s);
    assert_eq!(pesan.len(), 2, "{:?}", s.laporan_peringatan);
    assert!(pesan[0].starts_with("unduh/realisasi.csv: "), "{pesan:?}");
    assert!(
        pesan[1].starts_with("unduh/riwayat_koreksi.csv: "),
        "{pesan:?}"
    );
    // nothing compared, and the site's own files are good again for the next build
    assert!(riwayat(&out).is_empty());
    ganti_gentong(&site, 151, 150);
    build(&site, &out);
    assert_eq!(riwayat(&out).len(), 4);
}

#[test]
fn another_sites_publication_in_the_folder_is_replaced_not_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = terbit_dikoreksi(dir.path());
    // the same folder now gets another site (another address): its figures are its own first
    // publication, and the history of the site it replaces is not carried over
    edit(
        &site.join("site.toml"),
        "base_url = \"https://salur.example.org/\"",
        "base_url = \"https://lain.example.org/\"",
    );
    ganti_gentong(&site, 151, 152);
    let s = build(&site, &out);
    assert_eq!(riwayat(&out), Vec::<String>::new());
    // said, since a history of 4 corrections is not carried
    assert!(
        s.laporan_peringatan
            .contains("terbitan situs lain (base_url lain, atau --base-url) dengan 4 koreksi"),
        "{}",
        s.laporan_peringatan
    );
    let fresh = dir.path().join("fresh/public");
    build(&site, &fresh);
    assert!(
        files(&out) == files(&fresh),
        "not the other site's first publication"
    );
    // and a change of it from then on is its correction
    ganti_gentong(&site, 152, 153);
    build(&site, &out);
    assert_eq!(riwayat(&out).len(), 4);
}

/// The figures kept beside the folder by the last build (`.public.salur-angka`).
fn simpanan(out: &Path) -> std::path::PathBuf {
    out.with_file_name(".public.salur-angka")
}

#[test]
fn the_kept_figures_replace_the_download_and_a_stale_file_is_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let out = dir.path().join("out/public");
    build(&site, &out);
    assert!(simpanan(&out).is_file());
    let pertama = fs::read(simpanan(&out)).unwrap();
    // the download is not read when the kept figures name the publication: spoiled, it
    // changes nothing and warns of nothing
    fs::write(out.join("unduh/realisasi.csv"), "rusak\n").unwrap();
    ganti_gentong(&site, 150, 151);
    let s = build(&site, &out);
    assert!(
        !s.laporan_peringatan.contains("terbitan sebelumnya"),
        "{}",
        s.laporan_peringatan
    );
    let dari_simpanan = riwayat(&out);
    assert_eq!(dari_simpanan.len(), 4, "{dari_simpanan:#?}");

    // the same history from the download alone (no kept figures)
    let dir2 = tempfile::tempdir().unwrap();
    let site2 = example_copy(dir2.path());
    let out2 = dir2.path().join("out/public");
    build(&site2, &out2);
    fs::remove_file(simpanan(&out2)).unwrap();
    ganti_gentong(&site2, 150, 151);
    build(&site2, &out2);
    assert_eq!(riwayat(&out2), dari_simpanan);

    // kept figures of another publication (the first one's, as a build whose publish failed
    // would leave them) are not trusted: the download is read, and the history is of what
    // the folder held (151 → 152), not of what the file says (150 → 152)
    fs::write(simpanan(&out2), &pertama).unwrap();
    ganti_gentong(&site2, 151, 152);
    build(&site2, &out2);
    let r = riwayat(&out2);
    assert_eq!(r.len(), 8, "{r:#?}");
    assert!(
        r.iter()
            .any(|l| l.ends_with(",Gentong,APBD-TUNAI,2021-07,Bank Jatim,alokasi_kpm,151,152")),
        "{r:#?}"
    );
    assert!(!r.iter().any(|l| l.ends_with(",150,152")), "{r:#?}");
    // a damaged file is not trusted either
    let mut rusak = fs::read(simpanan(&out2)).unwrap();
    let n = rusak.len() / 2;
    rusak[n] ^= 1;
    fs::write(simpanan(&out2), &rusak).unwrap();
    ganti_gentong(&site2, 152, 153);
    build(&site2, &out2);
    assert_eq!(riwayat(&out2).len(), 12);
}

#[test]
fn a_nik_put_into_the_previous_publication_is_never_published_again() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = terbit_dikoreksi(dir.path());
    // by hand, into the carried history: a NIK in a name, spaced in a penyalur, and a code
    // that is a link
    let p = out.join("unduh/riwayat_koreksi.csv");
    let mut t = fs::read_to_string(&p).unwrap();
    t.push_str("2025-11-01,35.75.01.1002,Budi 3575011234567890,APBD-TUNAI,2021-07,Bank Jatim,alokasi_kpm,1,2\n");
    fs::write(&p, &t).unwrap();
    // and into the download, read when the kept figures are gone
    fs::remove_file(simpanan(&out)).unwrap();
    let p = out.join("unduh/realisasi.csv");
    let mut r = fs::read_to_string(&p).unwrap();
    let baris = r.lines().nth(1).unwrap().to_string();
    let kolom: Vec<&str> = baris.split(',').collect();
    let mut palsu = kolom.clone();
    palsu[0] = "35.75.01.1099";
    palsu[1] = "Siti 3575 0112 3456 7892";
    r.push_str(&(palsu.join(",") + "\n"));
    fs::write(&p, r).unwrap();
    ganti_gentong(&site, 151, 152);
    let s = build(&site, &out);
    // both files are refused with a warning; nothing of them is published
    let pesan = peringatan_terbitan(&s);
    assert_eq!(pesan.len(), 2, "{}", s.laporan_peringatan);
    for (rel, bytes) in files(&out) {
        let teks = String::from_utf8_lossy(&bytes);
        assert!(
            !teks.contains("3575011234567890") && !teks.contains("3575 0112 3456 7892"),
            "{rel}"
        );
    }
    assert!(riwayat(&out).is_empty());
}

#[test]
fn without_data_as_of_a_correction_is_never_dated_before_one_already_listed() {
    let dir = tempfile::tempdir().unwrap();
    let site = example_copy(dir.path());
    let out = dir.path().join("out/public");
    build(&site, &out);
    ganti_gentong(&site, 150, 151);
    build(&site, &out);
    // the operator drops data_as_of: the publication's date would be its latest data day,
    // 2024-12-19, before the 2025-11-30 of the corrections already listed
    edit(&site.join("site.toml"), "data_as_of = 2025-11-30\n", "");
    ganti_gentong(&site, 151, 152);
    build(&site, &out);
    let r = riwayat(&out);
    assert_eq!(r.len(), 8, "{r:#?}");
    // this publication's first, dated as the newest already listed, none earlier
    assert!(
        r[3].starts_with("2025-11-30,35.75.01.1002,") && r[3].ends_with(",151,152"),
        "{r:#?}"
    );
    assert!(
        r[7].starts_with("2025-11-30,35.75.01.1002,") && r[7].ends_with(",150,151"),
        "{r:#?}"
    );
    assert!(!r.iter().any(|l| l.starts_with("2024-")), "{r:#?}");
}
