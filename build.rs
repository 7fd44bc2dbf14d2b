//! Packs the Kemendagri region tree (vendor/idn-area-data-4.0.1, ODbL) into one compressed
//! table embedded in the binary, for `salur init`: one `kode<TAB>nama` line per region, in
//! code order (a region's descendants follow it).

use std::io::Write;
use std::path::Path;

const VENDOR: &str = "vendor/idn-area-data-4.0.1";

fn main() {
    println!("cargo::rerun-if-changed={VENDOR}");
    println!("cargo::rerun-if-changed=build.rs");
    let mut rows: Vec<(String, String)> = Vec::with_capacity(92_000);
    for file in [
        "provinces.csv",
        "regencies.csv",
        "districts.csv",
        "villages.csv",
    ] {
        let path = Path::new(VENDOR).join(file);
        let mut reader =
            csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for record in reader.records() {
            let record = record.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            // code,…,name: the code is the first field, the name the last
            let code = record.get(0).unwrap_or_default().trim();
            let name = record
                .get(record.len().saturating_sub(1))
                .unwrap_or_default();
            assert!(
                !code.is_empty() && !name.contains(['\t', '\n']),
                "{}",
                path.display()
            );
            rows.push((code.to_string(), name.trim().to_string()));
        }
    }
    rows.sort();
    let mut text = String::with_capacity(3_000_000);
    for (code, name) in &rows {
        text.push_str(code);
        text.push('\t');
        text.push_str(name);
        text.push('\n');
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("wilayah.tsv.deflate");
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(text.as_bytes()).expect("compress");
    std::fs::write(&out, encoder.finish().expect("compress")).expect("write");
}
