//! Packs the Kemendagri region tree (vendor/idn-area-data-4.0.1, ODbL) into one compressed
//! table embedded in the binary, for `salur init`: one `kode<TAB>nama` line per region, in
//! code order (a region's descendants follow it). Lists the default theme's templates
//! (`themes/default/templates/`) into a table of `include_str!`s, so that a new template is
//! embedded without a line of Rust (`render::TEMPLATES`).

use std::io::Write;
use std::path::Path;

const VENDOR: &str = "vendor/idn-area-data-4.0.1";

/// The default theme's templates, every file of which is embedded.
const TEMPLATES: &str = "themes/default/templates";

/// Writes `templates.rs` into `OUT_DIR`: a slice of (file name, `include_str!` of the file),
/// by name, for every file of [`TEMPLATES`].
fn templates() {
    println!("cargo::rerun-if-changed={TEMPLATES}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(TEMPLATES);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap_or_else(|e| panic!("{}: {e}", dir.display())))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| {
            e.file_name()
                .into_string()
                .unwrap_or_else(|n| panic!("{}: a template name in UTF-8: {n:?}", dir.display()))
        })
        .collect();
    names.sort();
    let mut out = String::from("&[\n");
    for name in &names {
        let path = dir.join(name);
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("]\n");
    let file = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("templates.rs");
    std::fs::write(&file, out).expect("write");
}

fn main() {
    templates();
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
