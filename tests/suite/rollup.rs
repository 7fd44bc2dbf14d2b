//! Property: a region's figures are always the sums of its children's (plus what was given for
//! the region itself), and equal a naive sum over every row in its subtree.

use jiff::civil::date;
use proptest::prelude::*;

use salur::analysis::{Angka, angka};
use salur::data::value::KodeWilayah;
use salur::data::{
    AlasanId, Alokasi, Dataset, PenyalurId, Periode, Program, ProgramId, Realisasi, Status, Tahap,
    TahapId, Tingkat, Wilayah, WilayahId, WilayahTree,
};

fn wilayah(kode: &str) -> Wilayah {
    let k = KodeWilayah::parse(kode.as_bytes()).unwrap();
    Wilayah {
        kode: k,
        kode_teks: kode.to_string(),
        nama: kode.to_string(),
        tingkat: Tingkat::from_parts(k.level()),
        induk: None,
        anak: Vec::new(),
        kk: None,
        penduduk: None,
        baris: 0,
    }
}

/// A tree shape: provinces → kabupaten → kecamatan → desa counts.
fn tree_shape() -> impl Strategy<Value = Vec<Vec<Vec<usize>>>> {
    prop::collection::vec(
        prop::collection::vec(prop::collection::vec(0usize..4, 0..3), 0..3),
        1..3,
    )
}

fn codes(shape: &[Vec<Vec<usize>>]) -> Vec<String> {
    let mut out = Vec::new();
    for (p, kabs) in shape.iter().enumerate() {
        let prov = format!("{}", 11 + p);
        out.push(prov.clone());
        for (k, kecs) in kabs.iter().enumerate() {
            let kab = format!("{prov}.{:02}", k + 1);
            out.push(kab.clone());
            for (c, &desa) in kecs.iter().enumerate() {
                let kec = format!("{kab}.{:02}", c + 1);
                out.push(kec.clone());
                for d in 0..desa {
                    out.push(format!("{kec}.{}", 2001 + d));
                }
            }
        }
    }
    out
}

#[derive(Debug, Clone)]
struct RowSpec {
    wilayah: usize,
    program: u16,
    tahap: u16,
    penyalur: u16,
    kpm: u64,
    gagal: bool,
    alokasi: bool,
}

fn row() -> impl Strategy<Value = RowSpec> {
    (
        any::<usize>(),
        0u16..2,
        0u16..2,
        0u16..2,
        0u64..500,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(wilayah, program, tahap, penyalur, kpm, gagal, alokasi)| RowSpec {
                wilayah,
                program,
                tahap,
                penyalur,
                kpm,
                gagal,
                alokasi,
            },
        )
}

fn dataset(shape: &[Vec<Vec<usize>>], rows: &[RowSpec]) -> Dataset {
    let nodes: Vec<Wilayah> = codes(shape).iter().map(|c| wilayah(c)).collect();
    let (tree, missing) = WilayahTree::build(nodes);
    assert!(missing.is_empty());
    let n = tree.len();
    let mut ds = Dataset {
        wilayah: tree,
        program: (0..2)
            .map(|i| Program {
                kode: format!("P{i}"),
                nama: format!("P{i}"),
                sumber_dana: String::new(),
                nilai_per_kpm: Some(1000),
                periode: Periode::Tahap,
                desil_maks: None,
                syarat: None,
                cara_cek: None,
                dokumen: None,
                tautan_resmi: None,
            })
            .collect(),
        tahap: (0..2)
            .map(|i| Tahap {
                kode: format!("T{i}"),
                nama: format!("T{i}"),
                mulai: date(2021, 1, 1),
                selesai: date(2021, 12, 31),
                target: None,
            })
            .collect(),
        penyalur: vec!["Pos".into(), "BRI".into()],
        alasan: vec!["meninggal".into()],
        ..Dataset::default()
    };
    for r in rows {
        let w = WilayahId::baru(r.wilayah % n).unwrap();
        if r.alokasi {
            ds.alokasi.push(Alokasi {
                program: ProgramId::baru(usize::from(r.program)).unwrap(),
                tahap: TahapId::baru(usize::from(r.tahap)).unwrap(),
                wilayah: w,
                penyalur: PenyalurId::baru(usize::from(r.penyalur)).unwrap(),
                kpm: r.kpm,
                nilai: Some(r.kpm * 1000),
            });
        } else {
            ds.realisasi.push(Realisasi {
                program: ProgramId::baru(usize::from(r.program)).unwrap(),
                tahap: TahapId::baru(usize::from(r.tahap)).unwrap(),
                wilayah: w,
                penyalur: PenyalurId::baru(usize::from(r.penyalur)).unwrap(),
                // spread over a month, for the per-day series
                tanggal: date(2021, 7, 1 + (r.wilayah % 28) as i8),
                status: if r.gagal {
                    Status::Gagal
                } else {
                    Status::Tersalur
                },
                alasan: r.gagal.then_some(AlasanId::baru(0).unwrap()),
                kpm: r.kpm,
                nilai: Some(r.kpm * 1000),
            });
        }
    }
    ds
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parents_are_the_sums_of_their_children(shape in tree_shape(), rows in prop::collection::vec(row(), 0..60)) {
        let ds = dataset(&shape, &rows);
        let report = angka(&ds, None, 3);
        let tree = &ds.wilayah;
        // the whole site's per-day series (kept apart, for the home page) equals its rows
        for p in ProgramId::semua(2) {
            for t in TahapId::semua(2) {
                let series = report.harian.kumulatif(None, t, &[p], ds.tahap[t.indeks()].mulai, date(2021, 7, 31));
                for day in [1i8, 15, 31] {
                    let until = date(2021, 7, day);
                    let paid: u64 = ds.realisasi.iter()
                        .filter(|r| r.program == p && r.tahap == t && r.status == Status::Tersalur && r.tanggal <= until)
                        .map(|r| r.kpm)
                        .sum();
                    let index = ds.tahap[t.indeks()].mulai.until(until).unwrap().get_days() as usize;
                    prop_assert_eq!(series[0][index], paid);
                }
            }
        }
        for (w, node) in tree.nodes.iter().enumerate() {
            // naive: every row whose region is this one or below it (by code prefix)
            let prefix = &node.kode_teks;
            let inside = |id: WilayahId| {
                let k = &tree.node(id).kode_teks;
                k == prefix || k.starts_with(&format!("{prefix}."))
            };
            for p in ProgramId::semua(2) {
                for t in TahapId::semua(2) {
                    let mut naive = Angka::default();
                    for a in ds.alokasi.iter().filter(|a| inside(a.wilayah) && a.program == p && a.tahap == t) {
                        naive.alokasi_kpm += a.kpm;
                    }
                    for r in ds.realisasi.iter().filter(|r| inside(r.wilayah) && r.program == p && r.tahap == t) {
                        match r.status {
                            Status::Tersalur => naive.tersalur_kpm += r.kpm,
                            Status::Gagal => naive.gagal_kpm += r.kpm,
                        }
                    }
                    let got = report.wilayah[w].angka(p, t);

                    // the per-day series of the subtree: each day holds what was paid on or
                    // before it, and the last day all that was paid
                    let tahap = &ds.tahap[t.indeks()];
                    let series = report.harian.kumulatif(WilayahId::baru(w), t, &[p], tahap.mulai, date(2021, 7, 31));
                    prop_assert_eq!(series[0].len(), 212);
                    prop_assert_eq!(series[0].last().copied(), Some(naive.tersalur_kpm));
                    for day in [1i8, 10, 19, 28] {
                        let until = date(2021, 7, day);
                        let paid: u64 = ds.realisasi.iter()
                            .filter(|r| inside(r.wilayah) && r.program == p && r.tahap == t && r.status == Status::Tersalur && r.tanggal <= until)
                            .map(|r| r.kpm)
                            .sum();
                        let index = tahap.mulai.until(until).unwrap().get_days() as usize;
                        prop_assert_eq!(series[0][index], paid, "day {}", until);
                    }
                    prop_assert_eq!(got.alokasi_kpm, naive.alokasi_kpm);
                    prop_assert_eq!(got.tersalur_kpm, naive.tersalur_kpm);
                    prop_assert_eq!(got.gagal_kpm, naive.gagal_kpm);
                    prop_assert_eq!(got.tersalur_nilai.jumlah, naive.tersalur_kpm * 1000);

                    // and equal to its children's sums plus what was given for itself
                    let mut sum = Angka::default();
                    for &c in &node.anak {
                        sum.merge(&report.wilayah[c.indeks()].angka(p, t));
                    }
                    if let Some(d) = report.langsung(WilayahId::baru(w).unwrap()) {
                        sum.merge(&d.angka(p, t));
                    }
                    if !node.anak.is_empty() {
                        prop_assert_eq!(got, sum);
                    }
                }
            }
            // failures by reason add up to the failed KPM of each cell
            for (k, a) in &report.wilayah[w].sel {
                let by_reason: u64 = report.wilayah[w].gagal.iter().filter(|g| g.kunci == *k).map(|g| g.kpm).sum();
                prop_assert_eq!(by_reason, a.gagal_kpm);
            }
        }
        // the site total is the sum of the top-level regions
        let mut total = Angka::default();
        for &r in &tree.akar {
            for (_, a) in &report.wilayah[r.indeks()].sel {
                total.merge(a);
            }
        }
        let mut got = Angka::default();
        for (_, a) in &report.total.sel {
            got.merge(a);
        }
        prop_assert_eq!(got, total);
    }
}
