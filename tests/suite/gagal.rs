//! End-to-end: failed distributions on the example site. The Kapuas failure page ranks the
//! seed's three reasons; small counts by reason are hidden on pages and downloads alike, and
//! no hidden count can be worked out from the published ones.

use crate::common;

use std::collections::BTreeMap;

use common::{example_site as site, page, sel, text};

/// The reason rows of every table on a page whose caption starts with `caption`.
fn reason_tables(path: &str, caption: &str) -> Vec<Vec<(String, Vec<String>)>> {
    let doc = page(path);
    doc.select(&sel("table"))
        .filter(|t| {
            t.select(&sel("caption"))
                .next()
                .is_some_and(|c| text(c).starts_with(caption))
        })
        .map(|t| {
            t.select(&sel("tbody tr"))
                .map(|tr| {
                    let head = tr.select(&sel("th")).next().map(text).unwrap_or_default();
                    (head, tr.select(&sel("td")).map(text).collect())
                })
                .collect()
        })
        .collect()
}

#[test]
fn kapuas_failure_page_ranks_the_seed_reasons() {
    let tables = reason_tables("gagal/62.03.html", "Alasan gagal salur, terbanyak");
    // one ranking per programme × penyalur (PKH and SEMBAKO, Pos and BRI)
    assert_eq!(tables.len(), 4);
    let seed = [
        "Tidak tahu jadwal",
        "Lansia, tidak dapat datang",
        "Meninggal dunia",
    ];
    for t in &tables {
        // shown counts first, going down; then the hidden ones
        let n: Vec<Option<u64>> = t
            .iter()
            .map(|(_, c)| c[0].replace('.', "").parse().ok())
            .collect();
        let shown: Vec<u64> = n.iter().map_while(|v| *v).collect();
        assert!(shown.windows(2).all(|w| w[0] >= w[1]), "{t:?}");
        assert!(n[shown.len()..].iter().all(Option::is_none), "{t:?}");
        // the seed's three reasons are there, the most frequent one first
        let reasons: Vec<&str> = t.iter().map(|(h, _)| h.as_str()).collect();
        assert!(
            seed.iter()
                .all(|s| reasons.iter().any(|r| r.starts_with(&s[..10]))),
            "{reasons:?}"
        );
        assert_eq!(reasons[0], seed[0]);
    }
    // the biggest table (SEMBAKO through BRI, 340 failures) shows all three with their counts
    let bri = tables
        .iter()
        .find(|t| t.len() == 3)
        .expect("a table of three reasons");
    let reasons: Vec<&str> = bri.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(reasons, seed);
    assert!(
        bri.iter().all(|(_, c)| c[0].parse::<u64>().is_ok()),
        "{bri:?}"
    );
    // the region page links to it, and the page lists the kecamatan and desa
    let doc = page("wilayah/62/62.03.html");
    assert!(
        doc.select(&sel("a"))
            .any(|a| a.value().attr("href") == Some("../../gagal/62.03.html")),
        "no link to the failure page"
    );
    let desa = reason_tables("gagal/62.03.html", "Desa/kelurahan dengan gagal salur");
    assert_eq!(desa.len(), 4);
    assert!(desa.iter().all(|t| !t.is_empty()));
}

#[test]
fn one_failure_in_a_kelurahan_shows_as_below_three() {
    // data/realisasi.csv: Kelurahan 35.75.01.1001 has APBD-TUNAI failures "pindah domisili: 1"
    // and "tidak hadir: 1"
    let tables = reason_tables(
        "wilayah/35/35.75.01.1001.html",
        "Gagal salur menurut alasan",
    );
    assert_eq!(tables.len(), 1, "one tahap with failures");
    let cells: Vec<&String> = tables[0].iter().flat_map(|(_, c)| c).collect();
    assert!(cells.iter().any(|c| c.as_str() == "< 3"), "{cells:?}");
    assert!(
        !cells.iter().any(|c| c.as_str() == "1" || c.as_str() == "2"),
        "a count below 3 is published: {cells:?}"
    );
}

/// One row of `gagal/<kode>.csv`.
struct Baris {
    kunci: (String, String, String),
    kode: String,
    alasan: String,
    kpm: String,
}

fn csv(path: &str) -> Vec<Baris> {
    let text = std::fs::read_to_string(site().join(path)).unwrap();
    let mut lines = text.lines();
    // UTF-8 with a byte-order mark, for Excel
    assert_eq!(
        lines.next(),
        Some(
            "\u{feff}tahap,program,penyalur,kode_wilayah,nama_wilayah,tingkat,alasan,kpm,alokasi_kpm"
        )
    );
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            Baris {
                kunci: (f[0].into(), f[1].into(), f[2].into()),
                kode: f[3].into(),
                alasan: f[6].into(),
                kpm: f[7].into(),
            }
        })
        .collect()
}

#[test]
fn downloads_hide_small_counts_and_their_complements() {
    for kota in ["35.75", "62.03"] {
        let rows = csv(&format!("gagal/{kota}.csv"));
        assert!(!rows.is_empty());
        // per table: region → reason → shown value
        let mut tabel: BTreeMap<_, BTreeMap<String, BTreeMap<String, String>>> = BTreeMap::new();
        for r in &rows {
            if r.alasan != "semua" {
                // never a count below the threshold
                assert!(
                    !matches!(r.kpm.as_str(), "1" | "2"),
                    "{kota}: {} {} = {}",
                    r.kode,
                    r.alasan,
                    r.kpm
                );
            }
            tabel
                .entry(r.kunci.clone())
                .or_default()
                .entry(r.kode.clone())
                .or_default()
                .insert(r.alasan.clone(), r.kpm.clone());
        }
        // "<3", "x", or empty: withheld with its row
        let hidden = |v: &str| v == "<3" || v == "x" || v.is_empty();
        let mut seen_hidden = 0;
        for (kunci, regions) in &tabel {
            for (kode, cells) in regions {
                // within a region: its total is published, so a lone hidden reason would be the
                // difference
                let n = cells
                    .iter()
                    .filter(|(a, v)| *a != "semua" && hidden(v))
                    .count();
                seen_hidden += n;
                assert_ne!(
                    n, 1,
                    "{kota} {kunci:?} {kode}: one hidden cell in {cells:?}"
                );
                // within a parent: a published parent cell minus published children would give
                // a lone hidden child
                for (alasan, v) in cells {
                    if alasan == "semua" || hidden(v) {
                        continue;
                    }
                    let children: Vec<&String> = regions
                        .iter()
                        .filter(|(k, _)| {
                            k.starts_with(&format!("{kode}."))
                                && k.matches('.').count() == kode.matches('.').count() + 1
                        })
                        .filter_map(|(_, c)| c.get(alasan))
                        .collect();
                    let n = children.iter().filter(|v| hidden(v)).count();
                    assert_ne!(n, 1, "{kota} {kunci:?} {kode} {alasan}: {children:?}");
                }
            }
        }
        assert!(seen_hidden > 0, "{kota}: nothing was hidden");
    }
}

#[test]
fn suppression_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        let path = site.join("site.toml");
        let mut toml = std::fs::read_to_string(&path).unwrap();
        toml.push_str("\n[privacy]\nmin_kpm = 1\n");
        std::fs::write(path, toml).unwrap();
    });
    let text = std::fs::read_to_string(out.join("gagal/35.75.csv")).unwrap();
    assert!(text.contains(",35.75.01.1001,"));
    assert!(!text.contains("<3") && !text.contains(",x,"), "{text}");
    assert!(text.contains(",pindah,1,"));
}

/// A failure reason as the operator wrote it may name a person (`meninggal, Budi Santoso bin
/// Slamet RT 02`): only its code and documented label are published, on no page, download,
/// index or feed is the text itself.
#[test]
fn texts_as_written_are_never_published() {
    let files = common::files(site());
    assert!(files.len() > 100);
    for (rel, bytes) in &files {
        // the meeting notes quote the seed's words themselves
        if rel.starts_with("rapat/") {
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        for written in [
            "tidak tahu jadwal penyaluran",
            "penerima lansia",
            "kartu KKS bermasalah",
        ] {
            assert!(!text.contains(written), "{rel} holds {written:?}");
        }
    }
    // the labels are there instead
    let kab = reason_tables("gagal/62.03.html", "Alasan gagal salur, terbanyak");
    assert_eq!(kab[0][0].0, "Tidak tahu jadwal");
}

/// A phone opens the failure page: each section lists the ten desa/kelurahan with the most
/// failures and counts the rest, which the page's CSV holds, with their failed KPM.
#[test]
fn a_failure_page_lists_the_worst_ten_desa_and_counts_the_rest_from_its_csv() {
    let desa = reason_tables("gagal/35.75.html", "Desa/kelurahan dengan gagal salur");
    assert!(!desa.is_empty());
    assert!(desa.iter().all(|t| t.len() <= 10), "{desa:?}");
    let html = std::fs::read_to_string(site().join("gagal/35.75.html")).unwrap();
    // the BST section of July 2021 (the seed's): every kelurahan with a failure is in the CSV
    let rows = csv("gagal/35.75.csv");
    let bst: Vec<&Baris> = rows
        .iter()
        .filter(|b| {
            b.kunci == ("2021-07".into(), "BST".into(), "PT Pos Indonesia".into())
                && b.kode.len() == 13
                && b.alasan == "semua"
        })
        .collect();
    assert!(bst.len() > 10, "{} kelurahan with BST failures", bst.len());
    let mut kpm: Vec<u64> = bst.iter().map(|b| b.kpm.parse().unwrap()).collect();
    kpm.sort_unstable_by(|a, b| b.cmp(a));
    let lain: u64 = kpm[10..].iter().sum();
    let kalimat = format!(
        "Dan {} desa/kelurahan lain, bersama {} KPM gagal salur",
        bst.len() - 10,
        lain
    );
    assert!(html.contains(&kalimat), "{kalimat}");
    // the ten shown are the ten largest
    let tabel = &desa[0];
    let tampil: Vec<u64> = tabel
        .iter()
        .map(|(_, c)| c[0].replace('.', "").parse().unwrap())
        .collect();
    assert_eq!(tampil, kpm[..10].to_vec());
}
