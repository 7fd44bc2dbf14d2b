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
                    let head = tr
                        .select(&sel("th"))
                        .next()
                        .map(common::kepala)
                        .unwrap_or_default();
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
        "{} baris lain, bersama {} KPM gagal salur, tidak ditampilkan di sini",
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

/// The anchor of a failure page's section from a CSV row's (tahap, programme, penyalur):
/// `pkh-2024-pt-pos-indonesia`.
fn section_id((tahap, program, penyalur): &(String, String, String)) -> String {
    let raw = format!("{program}-{tahap}-{penyalur}").to_lowercase();
    let mut out = String::new();
    for c in raw.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out
}

/// Every section of a failure page as its HTML, by its id.
fn sections(html: &str) -> Vec<(String, String)> {
    html.split("<section id=\"")
        .skip(1)
        .map(|s| {
            let (id, rest) = s.split_once('"').unwrap();
            let body = rest.split("</section>").next().unwrap();
            (id.to_string(), body.to_string())
        })
        .collect()
}

/// On a phone the failure page reads as the reasons ranked in a chart first, then the tables:
/// in every section with a breakdown, the chart comes before the first table, draws one bar
/// per reason whose count the ranking table shows (largest first, with that count and share),
/// and names no reason the table hides ("< 3", "×"), nor any hidden count.
#[test]
fn a_failure_page_shows_the_ranked_reasons_as_a_chart_before_its_tables() {
    let mut charts = 0;
    for kota in ["62.03", "35.75", "35.23", "64.02"] {
        let rel = format!("gagal/{kota}.html");
        let html = std::fs::read_to_string(site().join(&rel)).unwrap();
        let ranking = reason_tables(&rel, "Alasan gagal salur, terbanyak");
        let mut ranking = ranking.into_iter();
        for (id, body) in sections(&html) {
            let Some(table) = body.find("<table") else {
                continue;
            };
            if body.contains("Rincian menurut alasan tidak ditampilkan") {
                assert!(
                    !body.contains("<svg"),
                    "{rel}#{id}: a chart of a withheld table"
                );
                continue;
            }
            let rows = ranking.next().expect("a ranking per section");
            let shown: Vec<&(String, Vec<String>)> = rows
                .iter()
                .filter(|(_, c)| c[0].replace('.', "").parse::<u64>().is_ok_and(|v| v > 0))
                .collect();
            let hidden: Vec<&String> = rows
                .iter()
                .filter(|(_, c)| c[0].parse::<u64>().is_err())
                .map(|(h, _)| h)
                .collect();
            let Some(figure) = body.find("<figure class=\"grafik\"") else {
                assert!(shown.is_empty(), "{rel}#{id}: no chart of {shown:?}");
                continue;
            };
            charts += 1;
            assert!(figure < table, "{rel}#{id}: the chart comes after a table");
            let svg = &body[figure..body.find("</svg>").unwrap()];
            let desc = svg
                .split("<desc")
                .nth(1)
                .and_then(|d| d.split_once('>'))
                .map(|(_, d)| d.split("</desc>").next().unwrap_or(""))
                .unwrap_or("");
            // the bars in the table's order, each with its count
            let mut at = 0;
            for (reason, cells) in &shown {
                let said = format!("{reason} {} KPM", cells[0]);
                let i = desc[at..]
                    .find(&said)
                    .unwrap_or_else(|| panic!("{rel}#{id}: {said:?} not in order in {desc}"));
                at += i + said.len();
                assert!(
                    svg.contains(&format!(">{reason}<")),
                    "{rel}#{id}: no bar {reason}"
                );
                assert!(
                    desc.contains(&cells[1]),
                    "{rel}#{id}: {} not in {desc}",
                    cells[1]
                );
            }
            for reason in &hidden {
                assert!(
                    !svg.contains(reason.as_str()),
                    "{rel}#{id}: the hidden reason {reason} is in the chart"
                );
            }
            if !hidden.is_empty() {
                assert!(
                    desc.contains(&format!("{} alasan lain", hidden.len())),
                    "{rel}#{id}: {desc}"
                );
            }
        }
    }
    assert!(charts >= 4, "only {charts} failure charts");
}

/// A kecamatan table longer than ten rows shows the ten with the most failures, then "N baris
/// lain" with their failed KPM and the link to the page's CSV, which holds every one of them:
/// Kapuas' PKH through PT Pos has 11 kecamatan with failures.
#[test]
fn a_long_kecamatan_table_shows_ten_rows_and_links_its_csv() {
    let html = std::fs::read_to_string(site().join("gagal/62.03.html")).unwrap();
    let rows = csv("gagal/62.03.csv");
    let mut cut = 0;
    for (id, body) in sections(&html) {
        let kecamatan = body
            .split(&format!("id=\"{id}-kecamatan\""))
            .nth(1)
            .expect("a kecamatan table");
        let (table, after) = kecamatan.split_once("</table></div>").unwrap();
        let shown = table.matches("<tr><th scope=\"row\">").count();
        assert!(shown <= 10, "{id}: {shown} rows");
        let all: Vec<u64> = rows
            .iter()
            .filter(|b| b.kode.len() == 8 && b.alasan == "semua" && section_id(&b.kunci) == id)
            .map(|b| b.kpm.parse().unwrap())
            .collect();
        if all.len() > 10 {
            cut += 1;
            let mut all = all;
            all.sort_unstable_by(|a, b| b.cmp(a));
            let kalimat = format!(
                "{} baris lain, bersama {} KPM gagal salur, tidak ditampilkan di sini: \
                 semuanya ada dalam unduhan. <a href=\"../gagal/62.03.csv\" download>",
                all.len() - 10,
                all[10..].iter().sum::<u64>()
            );
            assert_eq!(shown, 10, "{id}");
            assert!(
                after.trim_start().starts_with("<p class=\"catatan\">"),
                "{id}"
            );
            assert!(after.contains(&kalimat), "{id}: {kalimat}");
        } else {
            assert_eq!(shown, all.len(), "{id}");
            assert!(
                !after.trim_start().starts_with("<p class=\"catatan\">"),
                "{id}"
            );
        }
    }
    assert!(cut >= 1, "no kecamatan table is long enough to be cut");
}
