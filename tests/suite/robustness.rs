//! Property: no input makes salur panic. Whatever the CSV files hold, `load` returns the site or
//! the problems, and a site that loads also renders.

use proptest::prelude::*;

const TRICKY: &[&str] = &[
    "",
    " ",
    "0",
    "-1",
    "18.877",
    "18,877",
    "1,5",
    "99999999999999999999",
    "18446744073709551615",
    "9223372036854775807",
    "3575012345670001",
    "Rp 2.500.000,-",
    "\"",
    "\"a,b\"",
    "35",
    "35.75",
    "35.75.01",
    "35.75.01.1001",
    "35.75.01.1002",
    "35.75.01.9999",
    "3575011001",
    "35.00",
    "BST",
    "bst",
    "2021-07",
    "2021-07-19",
    "19/07/2021",
    "2021-02-30",
    "tersalur",
    "gagal",
    "bulanan",
    "PT Pos Indonesia",
    "meninggal",
    "Ä",
    "\u{feff}",
    "x\ny",
    "\r",
];

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(TRICKY).prop_map(str::to_string),
        "[ -~]{0,12}",
    ]
}

fn file(header: &'static str) -> impl Strategy<Value = String> {
    let width = header.split(',').count();
    (
        prop::sample::select(vec![",", ";", "\t"]),
        prop::collection::vec(prop::collection::vec(cell(), 0..width + 2), 0..8),
        any::<bool>(),
    )
        .prop_map(move |(sep, rows, crlf)| {
            let nl = if crlf { "\r\n" } else { "\n" };
            let mut s = header.replace(',', sep);
            s.push_str(nl);
            for r in rows {
                s.push_str(&r.join(sep));
                s.push_str(nl);
            }
            s
        })
}

const VALID_WILAYAH: &str = "kode,nama\n35,Jawa Timur\n35.75,Kota Pasuruan\n35.75.01,Gadingrejo\n35.75.01.1001,Karangketug\n35.75.01.1002,Gentong\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn no_input_panics(
        wilayah in prop_oneof![Just(VALID_WILAYAH.to_string()), file("kode,nama,kk,penduduk")],
        program in prop_oneof![Just("kode,nama,sumber_dana,nilai_per_kpm,periode\nBST,BST,APBN,300000,bulanan\n".to_string()), file("kode,nama,sumber_dana,nilai_per_kpm,periode")],
        tahap in prop_oneof![Just("kode,nama,mulai,selesai,target\n2021-07,Juli,2021-07-01,2021-07-31,\n".to_string()), file("kode,nama,mulai,selesai,target")],
        alokasi in file("program,tahap,kode_wilayah,penyalur,kpm,nilai"),
        realisasi in file("program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm,nilai"),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        for (name, text) in [
            ("wilayah.csv", &wilayah),
            ("program.csv", &program),
            ("tahap.csv", &tahap),
            ("alokasi.csv", &alokasi),
            ("realisasi.csv", &realisasi),
        ] {
            std::fs::write(data.join(name), text).unwrap();
        }
        match salur::load(dir.path()) {
            Ok(_) => {
                let out = dir.path().join("public");
                salur::build(&salur::BuildOptions { root: dir.path().to_path_buf(), output: Some(out.clone()), base_url: None })
                    .unwrap_or_else(|e| panic!("loaded but did not build: {e}"));
                prop_assert!(out.join("index.html").is_file());
            }
            Err(salur::Error::Input { diagnostics, .. }) => {
                prop_assert!(diagnostics.has_errors());
                for d in diagnostics.items() {
                    let m = d.message(salur::lang::Lang::En);
                    prop_assert!(m.starts_with("data/") || m.starts_with("site.toml"), "{}", m);
                    prop_assert!(!m.contains("3575012345670001"), "unmasked NIK: {}", m);
                }
            }
            Err(e) => panic!("unexpected error kind: {e}"),
        }
    }
}
