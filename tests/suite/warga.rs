//! What a resident asks (issue 24, "Programmes explained" and "Whom to contact"): the
//! programme page says who is eligible, how to check, what to bring and how much per period;
//! the `[[pengaduan]]` channels of `site.toml` on desa/kelurahan and programme pages with
//! `tel:` links; every bad channel or programme column refused at its `file:line:column`.

use crate::common::{self, page, sel, text};
use std::path::Path;

/// The messages `salur check` gives for `site` (in the site's language), one per line.
fn pesan(site: &Path) -> String {
    let Err(salur::Error::Input { lang, diagnostics }) = salur::check(site) else {
        panic!("the site must be refused");
    };
    diagnostics
        .items()
        .iter()
        .map(|d| d.message(lang))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A copy of the example site with `tambah` appended to its `site.toml`; the line the
/// appended text starts at.
fn dengan_toml(dir: &Path, tambah: &str) -> (std::path::PathBuf, usize) {
    let site = common::example_copy(dir);
    let toml = site.join("site.toml");
    let mut teks = std::fs::read_to_string(&toml).unwrap();
    let baris = teks.lines().count() + 2;
    teks.push('\n');
    teks.push_str(tambah);
    std::fs::write(&toml, teks).unwrap();
    (site, baris)
}

fn tel_links(rel: &str) -> Vec<String> {
    page(rel)
        .select(&sel("#pengaduan a[href^='tel:']"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect()
}

#[test]
fn the_dinsos_phone_is_a_tel_link_on_a_kelurahan_page_and_the_bst_page() {
    for rel in ["wilayah/35/35.75.01.1001.html", "program/bst.html"] {
        let tel = tel_links(rel);
        assert!(
            tel.contains(&"tel:0343423628".to_string()),
            "{rel}: {tel:?}"
        );
        assert!(tel.contains(&"tel:171".to_string()), "{rel}: {tel:?}");
        let doc = page(rel);
        let lapor = doc
            .select(&sel("#pengaduan a[href='https://www.lapor.go.id/']"))
            .count();
        assert_eq!(lapor, 1, "{rel}");
    }
    // Kota Pasuruan's office is not Kutai Kartanegara's: a Kukar desa gets the national ones
    let kukar = common::example_site().join("wilayah/64");
    let desa = std::fs::read_dir(&kukar)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.len() == "64.02.04.2001.html".len())
        .unwrap();
    let tel = tel_links(&format!("wilayah/64/{desa}"));
    assert_eq!(tel, ["tel:171"], "{desa}");
    // a kecamatan page has no list (the kelurahan pages do)
    assert_eq!(
        page("wilayah/35/35.75.01.html")
            .select(&sel("#pengaduan"))
            .count(),
        0
    );
}

#[test]
fn the_bst_page_explains_the_programme() {
    let doc = page("program/bst.html");
    let info = doc
        .select(&sel("dl.info"))
        .map(text)
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "Rp 300.000 per bulan, dibayar setiap bulan",
        "Keluarga terdampak pandemi COVID-19",
        "cekbansos.kemensos.go.id",
        "surat undangan dari PT Pos Indonesia",
    ] {
        assert!(info.contains(needle), "{needle} in {info}");
    }
    assert_eq!(
        doc.select(&sel("dl.info a[href='https://cekbansos.kemensos.go.id/']"))
            .count(),
        1
    );
    // the deciles in words; without its own `dokumen`, the site's default
    let kesra = page("program/blts-kesra.html");
    let info = kesra.select(&sel("dl.info")).map(text).collect::<String>();
    assert!(info.contains("Keluarga pada desil 1–2 DTSEN"), "{info}");
    assert!(
        info.contains("Bawa KTP, Kartu Keluarga dan surat undangan."),
        "{info}"
    );
    let modal = page("program/modal-usaha.html");
    let info = modal.select(&sel("dl.info")).map(text).collect::<String>();
    assert!(info.contains("Rp 2.500.000, dibayar sekali"), "{info}");
}

#[test]
fn a_program_csv_without_the_new_columns_stays_valid() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::build_changed_copy(dir.path(), |site| {
        std::fs::write(
            site.join("data/program.csv"),
            "kode,nama,sumber_dana,nilai_per_kpm,periode,desil_maks\n\
             BST,Bantuan Sosial Tunai,APBN,300000,bulanan,\n\
             BLT,Bantuan Langsung Tunai,,,bulanan,\n\
             APBD-TUNAI,Bansos Tunai APBD Kota Pasuruan,APBD,,dua_bulanan,\n\
             PKH,Program Keluarga Harapan,APBN,,tahap,\n\
             SEMBAKO,Program Sembako (BPNT),APBN,,tahap,\n\
             BLTS-KESRA,BLT Sosial Kesejahteraan (BLT-S Kesra),APBD,,sekali,2\n\
             MODAL-USAHA,Bantuan Modal Usaha Miskin Ekstrem,APBD,2500000,sekali,\n",
        )
        .unwrap();
    });
    let bst = std::fs::read_to_string(out.join("program/bst.html")).unwrap();
    assert!(bst.contains("Rp 300.000 per bulan"));
    assert!(!bst.contains("Siapa yang berhak"));
}

#[test]
fn a_tautan_resmi_that_is_not_http_is_refused_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    common::edit(
        &site.join("data/program.csv"),
        "surat undangan dari PT Pos Indonesia.\",https://cekbansos.kemensos.go.id",
        "surat undangan dari PT Pos Indonesia.\",javascript:alert(1)",
    );
    let m = pesan(&site);
    assert!(
        m.contains("data/program.csv:2:")
            && m.contains("'javascript:alert(1)': seharusnya alamat web lengkap yang diawali http:// atau https://"),
        "{m}"
    );
}

#[test]
fn a_nik_in_syarat_is_refused_masked() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    common::edit(
        &site.join("data/program.csv"),
        "Keluarga terdampak pandemi",
        "NIK 3575012345670001, keluarga terdampak pandemi",
    );
    let m = pesan(&site);
    assert!(m.contains("data/program.csv:2:"), "{m}");
    assert!(m.contains("3575**********01"), "{m}");
    assert!(!m.contains("3575012345670001"), "{m}");
    // the one message: BST stays a known programme, so the thousands of rows naming it are
    // not reported as naming an unknown code (nor pointed at BLT)
    assert_eq!(m.lines().count(), 1, "{m}");
}

/// The same for a region: a NIK in a kelurahan's name is one message, not one per row of every
/// table that names the kelurahan.
#[test]
fn a_nik_in_a_region_name_is_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    common::edit(
        &site.join("data/wilayah.csv"),
        "35.75.01.1001,Karangketug,",
        "35.75.01.1001,Karangketug 3575012345670001,",
    );
    let m = pesan(&site);
    assert_eq!(m.lines().count(), 1, "{m}");
    assert!(m.starts_with("data/wilayah.csv:"), "{m}");
    assert!(m.contains("3575**********01"), "{m}");
}

#[test]
fn an_unknown_key_in_pengaduan_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (site, baris) = dengan_toml(
        dir.path(),
        "[[pengaduan]]\nnama = \"Posko\"\ntelepon = \"171\"\nhp = \"0812\"\n",
    );
    let m = pesan(&site);
    assert!(
        m.contains(&format!("site.toml:{}:1: ", baris + 3)) && m.contains("hp"),
        "{m}"
    );
}

#[test]
fn a_channel_with_no_way_to_reach_it_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (site, baris) = dengan_toml(
        dir.path(),
        "[[pengaduan]]\nnama = \"Posko\"\njam = \"08.00\"\n",
    );
    let m = pesan(&site);
    assert!(
        m.contains(&format!(
            "site.toml:{baris}:1: [[pengaduan]] ini tidak memberi cara menghubunginya"
        )),
        "{m}"
    );
}

#[test]
fn a_bad_phone_email_whatsapp_or_url_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (site, baris) = dengan_toml(
        dir.path(),
        "[[pengaduan]]\nnama = \"Posko\"\ntelepon = \"hubungi lurah\"\n\
         whatsapp = \"0343-423628\"\nemail = \"dinsos at kota\"\nurl = \"www.lapor.go.id\"\n",
    );
    let m = pesan(&site);
    for (n, column, nilai, harapan) in [
        (2, 11, "hubungi lurah", "seharusnya nomor telepon"),
        (3, 12, "0343-423628", "seharusnya nomor ponsel WhatsApp"),
        (4, 9, "dinsos at kota", "seharusnya alamat surel"),
        (5, 7, "www.lapor.go.id", "seharusnya alamat web lengkap"),
    ] {
        let tempat = format!("site.toml:{}:{column}: '{nilai}': {harapan}", baris + n);
        assert!(m.contains(&tempat), "{tempat} in\n{m}");
    }
}

#[test]
fn an_unknown_region_or_programme_in_pengaduan_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (site, baris) = dengan_toml(
        dir.path(),
        "[[pengaduan]]\nnama = \"Posko\"\ntelepon = \"171\"\nwilayah = [\"35.7\"]\nprogram = [\"BTS\"]\n",
    );
    let m = pesan(&site);
    assert!(
        m.contains(&format!(
            "site.toml:{}:12: '35.7': kode wilayah tidak ada di wilayah.csv",
            baris + 3
        )),
        "{m}"
    );
    assert!(
        m.contains(&format!("site.toml:{}:12: 'BTS': ", baris + 4)) && m.contains("'BST'"),
        "{m}"
    );
}

#[test]
fn a_nik_in_a_channel_is_refused_masked() {
    let dir = tempfile::tempdir().unwrap();
    let (site, baris) = dengan_toml(
        dir.path(),
        "[[pengaduan]]\nnama = \"Posko\"\nalamat = \"Rumah 3575012345670001\"\n",
    );
    let m = pesan(&site);
    assert!(m.contains(&format!("site.toml:{}:", baris + 2)), "{m}");
    assert!(m.contains("3575**********01"), "{m}");
    assert!(!m.contains("3575012345670001"), "{m}");
}

/// `salur init`'s placeholder left in a channel's address is refused, not published.
#[test]
fn the_init_placeholder_in_an_address_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (site, line) = dengan_toml(
        dir.path(),
        "[[pengaduan]]\nnama = \"Dinas Sosial\"\nalamat = \"…\"\n",
    );
    let m = pesan(&site);
    assert!(m.contains(&format!("site.toml:{}:", line + 2)), "{m}");
    assert!(m.contains("'…'"), "{m}");
}
