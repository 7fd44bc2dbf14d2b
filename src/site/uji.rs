//! Unit tests of the page kinds through the test seam ([`Situs::rencana`]): the example site
//! is loaded and planned, never rendered or written.

use std::path::Path;

use super::{Halaman, Situs};
use crate::Loaded;
use crate::data::WilayahId;

fn contoh() -> Loaded {
    crate::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("the example site loads")
}

fn rencanakan<'a>(l: &'a Loaded, kata: &'a toml::Table) -> Situs<'a> {
    Situs::plan(&l.config, &l.data, &l.report, &l.content, 0, kata, &[])
        .unwrap_or_else(|_| panic!("the example site plans"))
}

/// The default theme's words for the example site's language.
fn kata(l: &Loaded) -> toml::Table {
    crate::render::Renderer::new(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &l.config,
        None,
        Vec::new(),
    )
    .unwrap_or_else(|_| panic!("the default theme loads"))
    .kata()
    .clone()
}

fn wilayah(l: &Loaded, kode: &str) -> WilayahId {
    WilayahId::semua(l.data.wilayah.len())
        .find(|&w| l.data.wilayah.node(w).kode_teks == kode)
        .unwrap_or_else(|| panic!("no region {kode} in the example site"))
}

fn konteks_json(s: &Situs, h: Halaman) -> String {
    serde_json::to_string(&s.konteks(h)).expect("a context serialises")
}

#[test]
fn each_kind_has_its_path_and_template() {
    let l = contoh();
    let k = kata(&l);
    let s = rencanakan(&l, &k);
    let kota = wilayah(&l, "35.75");
    let desa = wilayah(&l, "35.75.01.1001");
    let cek = |h: Halaman, path: &str, template: &str| {
        assert_eq!(s.path(h), path, "{h:?}");
        assert_eq!(s.template(h), template, "{h:?}");
        assert!(s.halaman.contains(&h), "{h:?} is planned");
    };
    cek(Halaman::Beranda, "index.html", "beranda.html");
    cek(
        Halaman::Wilayah(desa),
        "wilayah/35/35.75.01.1001.html",
        "wilayah.html",
    );
    cek(Halaman::Kalender(desa), "wilayah/35/35.75.01.1001.ics", "");
    cek(
        Halaman::UnduhAngka(Some(kota), false),
        "wilayah/35/35.75.csv",
        "",
    );
    cek(
        Halaman::UnduhAngka(Some(kota), true),
        "wilayah/35/35.75.json",
        "",
    );
    cek(Halaman::UnduhAngka(None, false), "angka.csv", "");
    cek(Halaman::DaftarProgram, "program/index.html", "daftar.html");
    cek(Halaman::DaftarTahap, "tahap/index.html", "daftar.html");
    cek(Halaman::TentangData, "tentang-data.html", "tentang.html");
    cek(Halaman::KualitasData, "kualitas-data.html", "kualitas.html");
    cek(Halaman::TidakDitemukan, "404.html", "404.html");
    cek(Halaman::ArsipRapat, "rapat/index.html", "arsip_rapat.html");
    cek(
        Halaman::TindakLanjut,
        "rapat/tindak-lanjut.html",
        "tindak_lanjut.html",
    );
    cek(
        Halaman::JadwalKota(kota),
        "jadwal/35.75.html",
        "jadwal_kota.html",
    );
    cek(
        Halaman::GagalKota(kota),
        "gagal/35.75.html",
        "gagal_kota.html",
    );
    cek(Halaman::UnduhGagalKota(kota), "gagal/35.75.csv", "");
    cek(
        Halaman::Peringkat(Some(kota)),
        "peringkat/35.75.html",
        "peringkat.html",
    );
    cek(
        Halaman::Bandingkan(0),
        "bandingkan/35.75-vs-35.23.html",
        "bandingkan.html",
    );
    cek(Halaman::SkemaAngka, "unduh/skema-angka.json", "");
    cek(Halaman::DataPackage, "datapackage.json", "");
    cek(Halaman::Feed, "feed.xml", "feed.xml");
    cek(Halaman::Sitemap, "sitemap.xml", "sitemap.xml");
    cek(Halaman::Robots, "robots.txt", "robots.txt");
    cek(Halaman::CariIndeks, "cari/indeks.js", "");
    cek(Halaman::CariUmum, "cari/umum.js", "");
    // the kinds named by a code or slug: one page per programme, tahap, note, change
    for r in s.rencana(|h| matches!(h, Halaman::Program(_) | Halaman::Tahap(_))) {
        assert!(
            r.path.starts_with("program/") || r.path.starts_with("tahap/"),
            "{r:?}"
        );
        assert!(r.path.ends_with(".html") && r.sidik == 0, "{r:?}");
    }
    for r in s.rencana(|h| matches!(h, Halaman::Rapat(_))) {
        assert!(
            r.path.starts_with("rapat/") && r.template == "rapat.html",
            "{r:?}"
        );
    }
}

#[test]
fn the_seam_plans_one_feature() {
    let l = contoh();
    let k = kata(&l);
    let s = rencanakan(&l, &k);
    let gagal = s.rencana(|h| matches!(h, Halaman::GagalKota(_) | Halaman::UnduhGagalKota(_)));
    let paths: Vec<&str> = gagal.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "gagal/35.23.html",
            "gagal/35.23.csv",
            "gagal/35.75.html",
            "gagal/35.75.csv",
            "gagal/62.03.html",
            "gagal/62.03.csv",
            "gagal/64.02.html",
            "gagal/64.02.csv"
        ]
    );
    assert!(gagal.iter().all(|r| r.sidik != 0));
}

/// Adds one paid KPM to the first cell of `w`'s figures.
fn tambah_tersalur(l: &mut Loaded, w: WilayahId) {
    let sel = &mut l.report.wilayah[w.indeks()].sel;
    assert!(!sel.is_empty(), "region {w:?} has figures");
    sel[0].1.tersalur_kpm += 1;
}

#[test]
fn a_region_page_fingerprint_follows_what_it_shows() {
    let sebelum = contoh();
    let mut sesudah = contoh();
    let desa = wilayah(&sebelum, "35.75.01.1001");
    let kecamatan = wilayah(&sebelum, "35.75.01");
    let lain = wilayah(&sebelum, "35.23.01.2001");
    tambah_tersalur(&mut sesudah, desa);
    let k = kata(&sebelum);
    let (a, b) = (rencanakan(&sebelum, &k), rencanakan(&sesudah, &k));
    let sidik = |s: &Situs, w| s.sidik_jari(Halaman::Wilayah(w));
    // the region's own page and its kecamatan's (which lists its children's figures)
    assert_ne!(sidik(&a, desa), sidik(&b, desa));
    assert_ne!(sidik(&a, kecamatan), sidik(&b, kecamatan));
    // a region elsewhere does not re-render
    assert_eq!(sidik(&a, lain), sidik(&b, lain));
    // no region page shows a change its fingerprint misses (a stale page after an
    // incremental build), and none re-renders for nothing
    for w in WilayahId::semua(sebelum.data.wilayah.len()) {
        let h = Halaman::Wilayah(w);
        let berubah = konteks_json(&a, h) != konteks_json(&b, h);
        assert_eq!(
            berubah,
            sidik(&a, w) != sidik(&b, w),
            "{}: context changed {berubah}",
            sebelum.data.wilayah.node(w).kode_teks
        );
    }
}

#[test]
fn households_are_in_the_region_fingerprint() {
    let sebelum = contoh();
    let mut sesudah = contoh();
    let desa = wilayah(&sebelum, "35.23.01.2001");
    sesudah.report.kk[desa.indeks()] = Some(sesudah.report.kk[desa.indeks()].unwrap_or(0) + 1);
    let k = kata(&sebelum);
    let (a, b) = (rencanakan(&sebelum, &k), rencanakan(&sesudah, &k));
    let h = Halaman::Wilayah(desa);
    assert_ne!(konteks_json(&a, h), konteks_json(&b, h));
    assert_ne!(a.sidik_jari(h), b.sidik_jari(h));
}

/// Plans `sebelum` and `sesudah` (one input changed) and checks every planned page with a
/// fingerprint: its context (for a file written as it is, its bytes) changed ⇒ its
/// fingerprint changed, else an incremental build would keep a stale page. Returns how many
/// pages' contexts changed and how many fingerprints changed with no change in the context
/// (re-rendered for nothing: allowed, but counted).
fn sidik_mengikuti_konteks(sebelum: &Loaded, sesudah: &Loaded, apa: &str) -> (usize, usize) {
    let k = kata(sebelum);
    let (a, b) = (rencanakan(sebelum, &k), rencanakan(sesudah, &k));
    assert_eq!(a.halaman, b.halaman, "{apa}: the plan is the same");
    let (mut berubah, mut sia_sia) = (0, 0);
    for &h in &a.halaman {
        let (sa, sb) = (a.sidik_jari(h), b.sidik_jari(h));
        if sa == super::SELALU {
            assert_eq!(sb, super::SELALU, "{apa}: {h:?}");
            continue;
        }
        let beda = konteks_json(&a, h) != konteks_json(&b, h);
        if beda {
            berubah += 1;
            assert_ne!(
                sa,
                sb,
                "{apa}: {h:?} ({}) changed, its fingerprint did not",
                a.path(h)
            );
        } else if sa != sb {
            sia_sia += 1;
        }
    }
    assert!(
        berubah > 0,
        "{apa}: the change shows on a page with a fingerprint"
    );
    (berubah, sia_sia)
}

/// Runs the analysis again over `l`'s data, changed by a test, as a build of the changed
/// input would.
fn analisis_ulang(l: &mut Loaded) {
    let mut analisis = crate::analysis::analyse(&l.data, &l.config);
    assert!(
        !analisis.masalah.has_errors(),
        "the changed data still builds"
    );
    let peringatan = std::mem::take(&mut analisis.masalah);
    l.report = analisis.laporan(&l.data, &peringatan);
}

/// The first row of `realisasi.csv` for region `w` with `status`.
fn baris_realisasi(l: &Loaded, w: WilayahId, status: crate::data::Status) -> usize {
    l.data
        .realisasi
        .iter()
        .position(|r| r.wilayah == w && r.status == status)
        .unwrap_or_else(|| panic!("region {w:?} has a {status:?} row"))
}

#[test]
fn every_fingerprint_follows_what_its_page_shows() {
    use crate::data::Status;
    let sebelum = contoh();
    let desa = wilayah(&sebelum, "35.75.01.1001");
    let ubah = |apa: &str, ubah: &dyn Fn(&mut Loaded)| {
        let mut sesudah = contoh();
        ubah(&mut sesudah);
        analisis_ulang(&mut sesudah);
        let (berubah, sia_sia) = sidik_mengikuti_konteks(&sebelum, &sesudah, apa);
        eprintln!("{apa}: {berubah} pages changed, {sia_sia} fingerprints changed for nothing");
    };
    // one figure: one more KPM paid in a kelurahan
    ubah("a figure", &|l| {
        let i = baris_realisasi(l, desa, Status::Tersalur);
        l.data.realisasi[i].kpm += 1;
    });
    // one name (of a kelurahan with a schedule, failures and a ranking)
    ubah("a name", &|l| {
        l.data.wilayah.nodes[desa.indeks()].nama.push_str(" Baru")
    });
    // one schedule slot a quarter of an hour later, with one KPM more
    ubah("a schedule slot", &|l| {
        let slot = &mut l.data.jadwal[0];
        slot.mulai += 15;
        slot.selesai += 15;
        slot.kpm += 1;
    });
    // one failure row: one more failed KPM
    ubah("a failure row", &|l| {
        let w = l.data.realisasi[l
            .data
            .realisasi
            .iter()
            .position(|r| r.status == Status::Gagal)
            .unwrap_or_else(|| panic!("the example has failures"))]
        .wilayah;
        let i = baris_realisasi(l, w, Status::Gagal);
        l.data.realisasi[i].kpm += 1;
    });
    // one reconciliation row: the channel reports one KPM more
    ubah("a reconciliation row", &|l| {
        l.data.laporan_penyalur[0].kpm += 1
    });
}
