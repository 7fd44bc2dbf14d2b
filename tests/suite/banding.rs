//! End-to-end: Kota Pasuruan and Kabupaten Tuban side by side (seed 004, Tuban's figures
//! illustrative), the ranking pages, and `[[bandingkan]]` errors at their place.

use crate::common;

use std::collections::HashMap;

use common::{page, root, rows, sel, text};

/// Households per region code prefix, and BST allocations, summed from the example's CSVs.
fn kk_and_bst(prefix: &str) -> (u64, u64) {
    let wilayah = std::fs::read_to_string(root().join("data/wilayah.csv")).unwrap();
    let kk: u64 = wilayah
        .lines()
        .skip(1)
        .filter(|l| l.starts_with(prefix))
        .filter_map(|l| l.split(',').nth(2)?.parse::<u64>().ok())
        .sum();
    let alokasi = std::fs::read_to_string(root().join("data/alokasi.csv")).unwrap();
    let bst: u64 = alokasi
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|f| f[0] == "BST" && f[1] == "2021-07" && f[2].starts_with(prefix))
        .map(|f| f[4].parse::<u64>().unwrap())
        .sum();
    (kk, bst)
}

/// `x` with one decimal, the Indonesian way (`285,2`).
fn satu_desimal(x: f64) -> String {
    format!("{:.1}", x).replace('.', ",")
}

#[test]
fn pasuruan_and_tuban_side_by_side_per_programme() {
    let path = "bandingkan/35.75-vs-35.23.html";
    let bst = rows(path, "Perbandingan: BST · Juli 2021");
    let by: HashMap<&str, &Vec<String>> = bst.iter().map(|(h, c)| (h.as_str(), c)).collect();
    assert_eq!(by["Alokasi (KPM)"], &["18.877", "52.418"]);
    // by hand: 18.877 KPM × 1.000 ÷ 66.184 KK = 285,2200… → 285,2
    assert_eq!(by["KPM per 1.000 KK"][0], "285,2");
    // and from the files themselves, for both
    for (i, prefix) in ["35.75.", "35.23."].iter().enumerate() {
        let (kk, bst) = kk_and_bst(prefix);
        assert_eq!(
            by["KPM per 1.000 KK"][i],
            satu_desimal(bst as f64 * 1000.0 / kk as f64),
            "{prefix}"
        );
    }
    assert!(by["Realisasi"][0].ends_with('%'));
    assert_eq!(by["Rupiah per KPM"], &["Rp 300.000", "Rp 300.000"]);
    // the verification yield: 891 of 4.011 in Kota Pasuruan (seed), Tuban illustrative
    let modal = rows(path, "Perbandingan: MODAL-USAHA");
    let hasil = modal.iter().find(|(h, _)| h == "Hasil verifikasi").unwrap();
    assert_eq!(hasil.1[0], "22,2%");

    let doc = page(path);
    let main = doc.select(&sel("main")).next().map(text).unwrap();
    // the differences in words, and the label on Tuban's figures
    assert!(
        main.contains(
            "KPM BST per 1.000 KK: Kota Pasuruan 285,2, Kabupaten Tuban 140,6; 2,0 kali lipat."
        ),
        "{main}"
    );
    assert!(main.contains("Kabupaten Tuban tidak mendapat alokasi BLT pada Juli 2021."));
    assert!(main.contains("Angka Kabupaten Tuban bersifat ilustratif"));
    // a chart per section with figures for both, and anchors to cite
    for id in [
        "bst-tahap-2021-07",
        "bst-tahap-2021-07-grafik",
        "modal-usaha-verval",
    ] {
        assert!(
            doc.select(&sel(&format!("#{id}"))).next().is_some(),
            "#{id}"
        );
    }
    let desc = doc
        .select(&sel("#bst-tahap-2021-07-grafik desc"))
        .next()
        .map(text)
        .unwrap();
    assert!(desc.contains("Kota Pasuruan 99,"), "{desc}");
    // linked from the home page and from both regions' pages
    for from in [
        "index.html",
        "wilayah/35/35.75.html",
        "wilayah/35/35.23.html",
    ] {
        let doc = page(from);
        assert!(
            doc.select(&sel("a"))
                .any(|a| a.value().attr("href").is_some_and(|h| h.ends_with(path))),
            "{from} does not link {path}"
        );
    }
}

#[test]
fn each_level_ranks_its_regions_without_javascript() {
    // Kota Pasuruan's four kecamatan, each with its own KPM per 1.000 KK
    let bst = rows(
        "peringkat/35.75.html",
        "Peringkat kecamatan di Kota Pasuruan: BST · Juli 2021",
    );
    assert_eq!(bst.len(), 4);
    let kecamatan = [
        ("Gadingrejo", "35.75.01."),
        ("Purworejo", "35.75.02."),
        ("Bugul Kidul", "35.75.03."),
        ("Panggungrejo", "35.75.04."),
    ];
    for (name, prefix) in kecamatan {
        let row = bst
            .iter()
            .find(|(h, _)| h == name)
            .unwrap_or_else(|| panic!("{name}"));
        let (kk, alokasi) = kk_and_bst(prefix);
        // #, alokasi, per 1.000 KK, …
        assert_eq!(
            row.1[1],
            salur::format::ribuan(alokasi as i64, salur::lang::Lang::Id),
            "{name}"
        );
        assert_eq!(
            row.1[2],
            satu_desimal(alokasi as f64 * 1000.0 / kk as f64),
            "{name}"
        );
    }
    // ranked by realisation, highest first, with the rank in the first cell
    let pct = |s: &str| -> f64 { s.trim_end_matches('%').replace(',', ".").parse().unwrap() };
    let real: Vec<f64> = bst.iter().map(|(_, c)| pct(&c[3])).collect();
    assert!(real.windows(2).all(|w| w[0] >= w[1]), "{real:?}");
    assert_eq!(bst[0].1[0], "1");
    // the whole site's kabupaten/kota: Tuban and Kota Pasuruan for BST
    let kota = rows("peringkat/index.html", "Peringkat kabupaten/kota: BST");
    let names: Vec<&str> = kota.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(names, ["Kota Pasuruan", "Kabupaten Tuban"]);
    // the sorting script is optional and shipped beside the pages
    assert!(common::example_site().join("urut.js").is_file());
    let doc = page("wilayah/35/35.75.html");
    assert!(
        doc.select(&sel("a"))
            .any(|a| a.value().attr("href") == Some("../../peringkat/35.75.html"))
    );
}

#[test]
fn an_unknown_or_lonely_region_in_bandingkan_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    let toml = site.join("site.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    let line = text.lines().count() + 3;
    text.push_str("\n[[bandingkan]]\nwilayah = [\"35.75\", \"35.7\"]\n");
    text.push_str("\n[[bandingkan]]\nwilayah = [\"35.23\", \"35.23\"]\n");
    // the example's own entry again: one page written twice
    text.push_str("\n[[bandingkan]]\nwilayah = [\"35.75\", \"35.23\"]\n");
    // more regions than a phone's table (or a file name) holds
    let banyak: Vec<String> = (1..=9).map(|k| format!("\"35.23.{k:02}\"")).collect();
    text.push_str(&format!(
        "\n[[bandingkan]]\nwilayah = [{}]\n",
        banyak.join(", ")
    ));
    std::fs::write(&toml, text).unwrap();
    let o = common::salur_check(&site);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "site.toml:{line}:21: '35.7': kode wilayah tidak ada di wilayah.csv"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "site.toml:{}:11: [[bandingkan]] perlu dua sampai delapan wilayah",
            line + 3
        )),
        "{stderr}"
    );
    let example_line = std::fs::read_to_string(common::root().join("site.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("wilayah = [\"35.75\", \"35.23\"]"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!(
            "site.toml:{}:11: duplikat; sudah ada di baris {example_line}",
            line + 6
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "site.toml:{}:11: [[bandingkan]] perlu dua sampai delapan wilayah",
            line + 9
        )),
        "{stderr}"
    );
}

/// The picker of any two regions is an enhancement: without JavaScript it is hidden and the
/// configured comparison is the page, whole; its script, its words (from the catalogue, as
/// data- attributes) and the region JSON it reads are there for it.
#[test]
fn the_picker_is_hidden_without_javascript_and_the_configured_comparison_remains() {
    let doc = page("bandingkan/35.75-vs-35.23.html");
    let pilih = doc
        .select(&sel("section#pilih-banding"))
        .next()
        .expect("the picker");
    assert!(pilih.value().attr("hidden").is_some(), "shown without JS");
    for (attr, kata) in [
        ("data-alokasi", "Alokasi"),
        ("data-tidak-ada", "tidak dapat dimuat"),
    ] {
        let v = pilih.value().attr(attr).unwrap_or_default();
        assert!(v.contains(kata), "{attr} = {v:?}");
    }
    for id in ["pilih-pertama", "pilih-kedua"] {
        assert!(
            doc.select(&sel(&format!("label[for={id}]")))
                .next()
                .is_some(),
            "{id} has no label"
        );
    }
    let html =
        std::fs::read_to_string(common::example_site().join("bandingkan/35.75-vs-35.23.html"))
            .unwrap();
    assert!(html.contains("<script src=\"../banding.js\" defer></script>"));
    let js = std::fs::read_to_string(common::example_site().join("banding.js")).unwrap();
    assert!(js.len() < 8_000, "banding.js is {} bytes", js.len());
    assert!(
        common::example_site()
            .join("wilayah/35/35.75.json")
            .is_file()
    );
    // the configured comparison is still the page: Kota Pasuruan's BST allocation beside Tuban's
    let tabel = rows(
        "bandingkan/35.75-vs-35.23.html",
        "Perbandingan: BST · Juli 2021",
    );
    let kpm = &tabel
        .iter()
        .find(|(ukuran, _)| ukuran == "Alokasi (KPM)")
        .unwrap_or_else(|| panic!("no KPM row in {tabel:?}"))
        .1;
    assert_eq!(kpm[0], "18.877");
    let head: Vec<String> = doc
        .select(&sel("table.banding thead th"))
        .map(text)
        .collect();
    assert!(head.iter().any(|h| h == "Kota Pasuruan"), "{head:?}");
}
