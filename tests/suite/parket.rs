//! Inputs given as Parquet (`data/realisasi.parquet`, or a folder `data/realisasi/` of parts
//! as an engine writes a partitioned table) instead of CSV: the same site, the same checks,
//! errors at the part's `file:row:column`. The files are written here with the `parquet`
//! crate from the example site's CSV files, typed as engines type them (strings, `INT64`
//! counts, `DATE` dates), so no binary fixture is committed; the tests that need files only
//! DuckDB writes (ZSTD, its own types) run it through Python.

use crate::common;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::ByteArray;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;

/// How a column is typed in the Parquet twin.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Jenis {
    Teks,
    Bulat,
    Tanggal,
}

/// The type an engine gives column `c` of `rows`: a count `INT64`, an ISO date `DATE`, else a
/// string; a column whose cells do not all fit stays a string.
fn jenis(rows: &[Vec<String>], c: usize) -> Jenis {
    let isi = || {
        rows[1..]
            .iter()
            .map(|r| r.get(c).map_or("", String::as_str))
    };
    let iso = |v: &str| {
        v.len() == 10 && v.split('-').count() == 3 && v.split('-').all(|p| p.parse::<u16>().is_ok())
    };
    if isi().all(|v| v.is_empty() || v.parse::<i64>().is_ok()) && isi().any(|v| !v.is_empty()) {
        Jenis::Bulat
    } else if isi().all(|v| v.is_empty() || iso(v)) && isi().any(|v| !v.is_empty()) {
        Jenis::Tanggal
    } else {
        Jenis::Teks
    }
}

/// Days since 1970-01-01 of an ISO date.
fn hari(v: &str) -> i32 {
    let p: Vec<i64> = v.split('-').map(|x| x.parse().unwrap()).collect();
    // days from civil (Howard Hinnant's algorithm)
    let (y, m, d) = (p[0] - i64::from(p[1] <= 2), p[1], p[2]);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) as i32
}

/// Writes `rows` (header first) as a Parquet file at `path`, `per_grup` rows per row group,
/// every column optional (nullable, as engines write them), an empty cell a null.
pub(crate) fn tulis(rows: &[Vec<String>], path: &Path, per_grup: usize, compression: Compression) {
    let header = &rows[0];
    let jenis: Vec<Jenis> = (0..header.len()).map(|c| jenis(rows, c)).collect();
    // built rather than parsed: an export's headers have spaces (`NAMA PENERIMA`)
    use parquet::basic::{ConvertedType, Repetition, Type as Fisik};
    use parquet::schema::types::Type;
    let kolom: Vec<Arc<Type>> = header
        .iter()
        .zip(&jenis)
        .map(|(h, j)| {
            let (fisik, anotasi) = match j {
                Jenis::Teks => (Fisik::BYTE_ARRAY, ConvertedType::UTF8),
                Jenis::Bulat => (Fisik::INT64, ConvertedType::NONE),
                Jenis::Tanggal => (Fisik::INT32, ConvertedType::DATE),
            };
            Arc::new(
                Type::primitive_type_builder(h, fisik)
                    .with_repetition(Repetition::OPTIONAL)
                    .with_converted_type(anotasi)
                    .build()
                    .unwrap(),
            )
        })
        .collect();
    let schema = Arc::new(
        Type::group_type_builder("skema")
            .with_fields(kolom)
            .build()
            .unwrap(),
    );
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(compression)
            .build(),
    );
    if let Some(d) = path.parent() {
        fs::create_dir_all(d).unwrap();
    }
    let file = fs::File::create(path).unwrap();
    let mut w = SerializedFileWriter::new(file, schema, props).unwrap();
    for grup in rows[1..].chunks(per_grup.max(1)) {
        let mut rg = w.next_row_group().unwrap();
        let mut c = 0;
        while let Some(mut col) = rg.next_column().unwrap() {
            let sel = |r: &Vec<String>| r.get(c).cloned().unwrap_or_default();
            let def: Vec<i16> = grup.iter().map(|r| i16::from(!sel(r).is_empty())).collect();
            let isi: Vec<String> = grup.iter().map(sel).filter(|v| !v.is_empty()).collect();
            use parquet::column::writer::ColumnWriter as W;
            match col.untyped() {
                W::ByteArrayColumnWriter(w) => {
                    let v: Vec<ByteArray> =
                        isi.iter().map(|s| ByteArray::from(s.as_str())).collect();
                    w.write_batch(&v, Some(&def), None).unwrap();
                }
                W::Int64ColumnWriter(w) => {
                    let v: Vec<i64> = isi.iter().map(|s| s.parse().unwrap()).collect();
                    w.write_batch(&v, Some(&def), None).unwrap();
                }
                W::Int32ColumnWriter(w) => {
                    let v: Vec<i32> = isi.iter().map(|s| hari(s)).collect();
                    w.write_batch(&v, Some(&def), None).unwrap();
                }
                _ => unreachable!(),
            }
            col.close().unwrap();
            c += 1;
        }
        rg.close().unwrap();
    }
    w.close().unwrap();
}

/// Replaces `data/<name>.csv` of `site` by `data/<name>.parquet`.
fn ganti(site: &Path, name: &str, ubah: impl FnOnce(&mut Vec<Vec<String>>)) {
    let csv = site.join(format!("data/{name}.csv"));
    let mut rows = common::cells(&csv);
    ubah(&mut rows);
    tulis(
        &rows,
        &site.join(format!("data/{name}.parquet")),
        40,
        Compression::SNAPPY,
    );
    fs::remove_file(csv).unwrap();
}

/// Replaces `data/<name>.csv` of `site` by a folder `data/<name>/` partitioned by province
/// (`provinsi=35/part-0.parquet`, …, and Spark's `_SUCCESS`), as an engine writes it. Returns
/// the parts, in path order, with their rows.
fn ganti_folder(
    site: &Path,
    name: &str,
    ubah: impl FnOnce(&mut Vec<Vec<String>>),
) -> Vec<(String, Vec<Vec<String>>)> {
    let csv = site.join(format!("data/{name}.csv"));
    let mut rows = common::cells(&csv);
    ubah(&mut rows);
    let kode = rows[0].iter().position(|h| h == "kode_wilayah").unwrap();
    let mut bagian: std::collections::BTreeMap<String, Vec<Vec<String>>> = Default::default();
    for r in &rows[1..] {
        let prov = r[kode][..2].to_string();
        bagian
            .entry(format!("data/{name}/provinsi={prov}/part-0.parquet"))
            .or_insert_with(|| vec![rows[0].clone()])
            .push(r.clone());
    }
    for (rel, rows) in &bagian {
        tulis(rows, &site.join(rel), 25, Compression::SNAPPY);
    }
    fs::write(site.join(format!("data/{name}/_SUCCESS")), "").unwrap();
    fs::remove_file(csv).unwrap();
    bagian.into_iter().collect()
}

#[test]
fn twins_build_the_same_site() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    ganti(&site, "alokasi", |_| {});
    ganti(&site, "jadwal", |_| {});
    let bagian = ganti_folder(&site, "realisasi", |_| {});
    assert!(bagian.len() >= 3, "{bagian:?}");
    let out = dir.path().join("public");
    let summary = common::build(&site, &out);
    assert!(
        !summary.laporan_peringatan.contains("parquet")
            && !summary.laporan_peringatan.contains("realisasi/"),
        "{}",
        summary.laporan_peringatan
    );
    let csv = common::files(common::example_site());
    let twin = common::files(&out);
    // what may differ, and only there: the inputs' names and hashes
    let hash = |b: &[u8]| salur::data::table::sha256_hex(b);
    let mut sidik_folder = String::new();
    for (rel, _) in &bagian {
        sidik_folder.push_str(&format!(
            "{}  {rel}\n",
            hash(&fs::read(site.join(rel)).unwrap())
        ));
    }
    let mut ganti_nama: Vec<(String, String)> = Vec::new();
    for (name, kembar, berkas) in [
        (
            "alokasi",
            hash(&fs::read(site.join("data/alokasi.parquet")).unwrap()),
            "data/alokasi.parquet".to_string(),
        ),
        (
            "jadwal",
            hash(&fs::read(site.join("data/jadwal.parquet")).unwrap()),
            "data/jadwal.parquet".to_string(),
        ),
        (
            "realisasi",
            hash(sidik_folder.as_bytes()),
            "data/realisasi/".to_string(),
        ),
    ] {
        let asli = hash(&fs::read(common::root().join(format!("data/{name}.csv"))).unwrap());
        // the whole hash first: pages print its first 12 digits too
        let pendek = (kembar[..12].to_string(), asli[..12].to_string());
        ganti_nama.push((kembar, asli));
        ganti_nama.push(pendek);
        ganti_nama.push((berkas, format!("data/{name}.csv")));
    }
    let berbeda = common::beda_nama_saja(&twin, &csv, &ganti_nama).len();
    assert!(berbeda > 10, "{berbeda} files name the inputs");
    // the seed total, read from Parquet, where a reader looks for it
    let kota = String::from_utf8(twin["wilayah/35/35.75.html"].clone()).unwrap();
    assert!(kota.contains("18.877"), "Kota Pasuruan's BST KPM");

    // a changed part is seen by the next build (the inputs' fingerprint covers the folder)
    let (rel, mut rows) = bagian[0].clone();
    let kpm = rows[0].iter().position(|h| h == "kpm").unwrap();
    let n: i64 = rows[1][kpm].parse().unwrap();
    rows[1][kpm] = (n + 1).to_string();
    tulis(&rows, &site.join(&rel), 25, Compression::SNAPPY);
    let summary = common::build(&site, &out);
    assert!(summary.output.ditulis > 0, "the change was not seen");
}

/// `salur check`'s output on `site`: (success, stdout + stderr).
fn check(site: &Path) -> (bool, String) {
    let o = common::salur_check(site);
    (
        o.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
    )
}

#[test]
fn a_bad_cell_is_named_at_its_part_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    // the 30th row of the second part: a count that is not one, and a NIK in a reason
    let mut tempat = String::new();
    let bagian = ganti_folder(&site, "realisasi", |rows| {
        let kode = rows[0].iter().position(|h| h == "kode_wilayah").unwrap();
        let status = rows[0].iter().position(|h| h == "status").unwrap();
        let alasan = rows[0].iter().position(|h| h == "alasan").unwrap();
        let provinsi: std::collections::BTreeSet<String> =
            rows[1..].iter().map(|r| r[kode][..2].to_string()).collect();
        let kedua = provinsi.iter().nth(1).unwrap().clone();
        let mut n = 0;
        for r in rows[1..].iter_mut() {
            if r[kode].starts_with(&kedua) {
                n += 1;
                if n == 30 {
                    r[status] = "gagal".into();
                    r[alasan] = "NIK 3575010101900001 tidak cocok".into();
                }
            }
        }
        tempat = format!(
            "data/realisasi/provinsi={kedua}/part-0.parquet:30:{}",
            alasan + 1
        );
    });
    assert!(bagian.len() >= 2);
    let (ok, out) = check(&site);
    assert!(!ok, "{out}");
    assert!(out.contains(&tempat), "{tempat} not in:\n{out}");
    assert!(!out.contains("3575010101900001"), "{out}");
}

#[test]
fn a_missing_column_and_a_nested_or_foreign_part_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    // no `kpm` column
    ganti(&site, "alokasi", |rows| {
        let kpm = rows[0].iter().position(|h| h == "kpm").unwrap();
        for r in rows.iter_mut() {
            r.remove(kpm);
        }
    });
    let (ok, out) = check(&site);
    assert!(!ok);
    assert!(
        out.contains("data/alokasi.parquet") && out.contains("'kpm'"),
        "{out}"
    );

    // a part whose columns differ from the first part's
    let site = common::example_copy(&dir.path().join("dua"));
    let bagian = ganti_folder(&site, "realisasi", |_| {});
    let (rel, mut rows) = bagian[1].clone();
    for r in rows.iter_mut() {
        r.push("x".into());
    }
    rows[0]
        .last_mut()
        .unwrap()
        .clone_from(&"tambahan".to_string());
    tulis(&rows, &site.join(&rel), 25, Compression::SNAPPY);
    let (ok, out) = check(&site);
    assert!(!ok);
    assert!(out.contains(&rel) && out.contains(&bagian[0].0), "{out}");

    // a damaged file: every length cut short gives an error naming it, never a panic
    let site = common::example_copy(&dir.path().join("tiga"));
    ganti(&site, "alokasi", |_| {});
    let bytes = fs::read(site.join("data/alokasi.parquet")).unwrap();
    for potong in [0, 4, 12, bytes.len() / 2, bytes.len() - 9, bytes.len() - 1] {
        fs::write(site.join("data/alokasi.parquet"), &bytes[..potong]).unwrap();
        let (ok, out) = check(&site);
        assert!(!ok, "cut at {potong}");
        assert!(
            out.contains("data/alokasi.parquet"),
            "cut at {potong}: {out}"
        );
        assert!(!out.contains("panicked"), "cut at {potong}: {out}");
    }
    // a byte changed in the middle of the data: an error or the same figures' checks, never a panic
    for i in (8..bytes.len() - 8).step_by(bytes.len() / 8) {
        let mut rusak = bytes.clone();
        rusak[i] ^= 0x5A;
        fs::write(site.join("data/alokasi.parquet"), &rusak).unwrap();
        let (_, out) = check(&site);
        assert!(!out.contains("panicked"), "byte {i}: {out}");
    }

    // the CSV beside its Parquet twin: one input, two files
    fs::write(site.join("data/alokasi.parquet"), &bytes).unwrap();
    fs::copy(
        common::root().join("data/alokasi.csv"),
        site.join("data/alokasi.csv"),
    )
    .unwrap();
    let (ok, out) = check(&site);
    assert!(!ok);
    assert!(
        out.contains("data/alokasi.csv") && out.contains("data/alokasi.parquet"),
        "{out}"
    );
}

#[test]
fn a_folder_of_parts_not_named_like_an_input_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    let rows = common::cells(&site.join("data/realisasi.csv"));
    tulis(
        &rows,
        &site.join("data/realisai/part-0.parquet"),
        100,
        Compression::SNAPPY,
    );
    // a folder with no Parquet in it is not an input (it may hold anything)
    fs::create_dir_all(site.join("data/arsip")).unwrap();
    fs::write(site.join("data/arsip/catatan.txt"), "lama").unwrap();
    let (ok, out) = check(&site);
    assert!(ok, "{out}");
    assert!(
        out.contains("data/realisai/") && out.contains("realisasi/"),
        "{out}"
    );
    assert!(!out.contains("data/arsip"), "{out}");
}

/// Runs `script` in Python with DuckDB in `cwd`; false (after saying SKIPPED) when DuckDB is
/// not installed, unless `SALUR_DUCKDB=required`.
fn duckdb(test: &str, cwd: &Path, script: &str) -> bool {
    let ada = std::process::Command::new("python3")
        .args(["-c", "import duckdb"])
        .status()
        .is_ok_and(|s| s.success());
    if !ada {
        common::lewati(
            test,
            "SALUR_DUCKDB",
            "Python duckdb",
            "python3 -m pip install duckdb",
        );
        return false;
    }
    let o = std::process::Command::new("python3")
        .args(["-c", script])
        .current_dir(cwd)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    true
}

#[test]
fn duckdb_types_read_as_their_text_and_zstd_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    // DuckDB's own types: the realisation's dates as TIMESTAMP, its counts as INTEGER and
    // DECIMAL(18,2), the allocation's counts as DOUBLE (what a SUM over floats gives)
    let script = r#"
import duckdb
c = duckdb.connect()
c.execute("""COPY (SELECT program, tahap, kode_wilayah, penyalur,
    CAST(tanggal AS TIMESTAMP) AS tanggal, status, alasan, CAST(kpm AS DECIMAL(18,2)) AS kpm
    FROM read_csv('data/realisasi.csv', all_varchar=true, header=true)
    ) TO 'data/realisasi.parquet' (FORMAT PARQUET)""")
c.execute("""COPY (SELECT program, tahap, kode_wilayah, penyalur, CAST(kpm AS DOUBLE) AS kpm
    FROM read_csv('data/alokasi.csv', all_varchar=true, header=true)
    ) TO 'data/alokasi.parquet' (FORMAT PARQUET, COMPRESSION gzip)""")
"#;
    if !duckdb(
        "parket::duckdb_types_read_as_their_text_and_zstd_is_named",
        &site,
        script,
    ) {
        return;
    }
    fs::remove_file(site.join("data/realisasi.csv")).unwrap();
    fs::remove_file(site.join("data/alokasi.csv")).unwrap();
    let out = dir.path().join("public");
    common::build(&site, &out);
    let twin = common::files(&out);
    let csv = common::files(common::example_site());
    // the figures are the CSV's: a region's download is the same but for its sources
    for path in ["wilayah/35/35.75.csv", "wilayah/64/64.02.csv"] {
        assert_eq!(twin[path], csv[path], "{path}");
    }

    // ZSTD (Polars' default) is named, with how to write the file again
    let script = r#"
import duckdb
c = duckdb.connect()
c.execute("COPY (SELECT * FROM 'data/alokasi.parquet') TO 'data/alokasi2.parquet' (FORMAT PARQUET, COMPRESSION zstd)")
"#;
    duckdb(
        "parket::duckdb_types_read_as_their_text_and_zstd_is_named",
        &site,
        script,
    );
    fs::rename(
        site.join("data/alokasi2.parquet"),
        site.join("data/alokasi.parquet"),
    )
    .unwrap();
    let (ok, out) = check(&site);
    assert!(!ok);
    assert!(
        out.contains("data/alokasi.parquet") && out.contains("ZSTD") && out.contains("snappy"),
        "{out}"
    );
}

/// Replaces `data/realisasi.csv` by a folder partitioned by `kolom` as Spark's
/// `partitionBy(kolom)` writes it: the column left out of the files, its value in the folder's
/// name (`program=PKH/`), each part named `nama(i)`.
fn partisi_spark(site: &Path, kolom: &str, nama: impl Fn(usize) -> String) {
    let csv = site.join("data/realisasi.csv");
    let rows = common::cells(&csv);
    let k = rows[0].iter().position(|h| h == kolom).unwrap();
    let mut bagian: std::collections::BTreeMap<String, Vec<Vec<String>>> = Default::default();
    for r in &rows[1..] {
        let mut tanpa = r.clone();
        let v = tanpa.remove(k);
        bagian.entry(v).or_default().push(tanpa);
    }
    let mut header = rows[0].clone();
    header.remove(k);
    for (i, (v, isi)) in bagian.into_iter().enumerate() {
        let mut semua = vec![header.clone()];
        semua.extend(isi);
        let v = v.replace(' ', "%20");
        tulis(
            &semua,
            &site.join(format!("data/realisasi/{kolom}={v}/{}", nama(i))),
            30,
            Compression::SNAPPY,
        );
    }
    fs::remove_file(csv).unwrap();
}

#[test]
fn a_column_in_the_folder_names_and_parts_without_an_extension_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    // Trino names its parts without an extension; Spark leaves the partition column out
    partisi_spark(&site, "penyalur", |i| {
        format!("20241201_083012_{i:05}_x7k2p")
    });
    let out = dir.path().join("public");
    common::build(&site, &out);
    let twin = common::files(&out);
    let csv = common::files(common::example_site());
    for path in [
        "wilayah/35/35.75.csv",
        "wilayah/64/64.02.csv",
        "wilayah/62/62.03.json",
    ] {
        let a =
            String::from_utf8_lossy(&twin[path]).replace("data/realisasi/", "data/realisasi.csv");
        assert_eq!(a, String::from_utf8_lossy(&csv[path]), "{path}");
    }
    // a stray file among the parts is refused, not left out
    let stray = site.join("data/realisasi/penyalur=BRI/part-1.csv");
    fs::write(&stray, "program,tahap\n").unwrap();
    let (ok, out) = check(&site);
    assert!(!ok);
    assert!(
        out.contains("data/realisasi/penyalur=BRI/part-1.csv"),
        "{out}"
    );
    fs::remove_file(&stray).unwrap();
    // a folder named like an input with no Parquet in it is said, not read in silence
    fs::create_dir_all(site.join("data/jadwal")).unwrap();
    fs::write(site.join("data/jadwal/part-0.csv"), "x").unwrap();
    let (ok, out) = check(&site);
    assert!(ok, "{out}");
    assert!(out.contains("data/jadwal/"), "{out}");
}

#[test]
fn too_many_rows_and_instants_in_utc_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    // 1 MB allows 20,971 rows of Parquet, however small the file
    let toml = fs::read_to_string(site.join("site.toml")).unwrap();
    fs::write(
        site.join("site.toml"),
        format!("batas_berkas_mb = 1\n{toml}"),
    )
    .unwrap();
    ganti(&site, "alokasi", |rows| {
        let isi = rows[1..].to_vec();
        while rows.len() < 25_000 {
            rows.extend(isi.iter().cloned());
        }
    });
    let (ok, out) = check(&site);
    assert!(!ok);
    assert!(
        out.contains("data/alokasi.parquet") && out.contains("20.971"),
        "{out}"
    );

    // a TIMESTAMP adjusted to UTC: its day depends on a zone the file does not give
    let site = common::example_copy(&dir.path().join("dua"));
    let script = r#"
import duckdb
c = duckdb.connect()
c.execute("SET TimeZone = 'Asia/Jakarta'")
c.execute("""COPY (SELECT program, tahap, kode_wilayah, penyalur,
    CAST(CAST(tanggal AS TIMESTAMP) AS TIMESTAMPTZ) AS tanggal, status, alasan, kpm
    FROM read_csv('data/realisasi.csv', all_varchar=true, header=true)
    ) TO 'data/realisasi.parquet' (FORMAT PARQUET)""")
"#;
    if !duckdb(
        "parket::too_many_rows_and_instants_in_utc_are_refused",
        &site,
        script,
    ) {
        return;
    }
    fs::remove_file(site.join("data/realisasi.csv")).unwrap();
    let (ok, out) = check(&site);
    assert!(!ok);
    assert!(out.contains("data/realisasi.parquet: 'tanggal'"), "{out}");
    assert!(out.contains("UTC") && out.contains("DATE"), "{out}");
}

/// A warning the analysis gives about a row of an input read from a folder of parts (the
/// reconciliation of a bank's report) names that part and its own row, as the data stage's do.
#[test]
fn a_warning_from_the_analysis_names_the_part_and_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    let csv = site.join("data/laporan_penyalur.csv");
    let rows = common::cells(&csv);
    // CSV line 29 (its 28th data row) is a reconciliation warning in the example site
    let (satu, dua) = rows[1..].split_at(20);
    for (nama, isi) in [("a", satu), ("b", dua)] {
        let mut semua = vec![rows[0].clone()];
        semua.extend(isi.iter().cloned());
        tulis(
            &semua,
            &site.join(format!(
                "data/laporan_penyalur/bagian={nama}/part-0.parquet"
            )),
            7,
            Compression::SNAPPY,
        );
    }
    fs::remove_file(csv).unwrap();
    let (ok, out) = check(&site);
    assert!(ok, "{out}");
    assert!(
        out.contains("data/laporan_penyalur/bagian=b/part-0.parquet:8:6"),
        "{out}"
    );
    assert!(!out.contains("data/laporan_penyalur/:"), "{out}");
}

/// A part's path is quoted in messages: a NIK in it (a partition by NIK) is refused, masked.
#[test]
fn a_nik_in_a_parts_path_is_refused_masked() {
    let dir = tempfile::tempdir().unwrap();
    let site = common::example_copy(dir.path());
    let rows = common::cells(&site.join("data/realisasi.csv"));
    tulis(
        &rows,
        &site.join("data/realisasi/nik=3575010101900001/part-0.parquet"),
        100,
        Compression::SNAPPY,
    );
    fs::remove_file(site.join("data/realisasi.csv")).unwrap();
    let (ok, out) = check(&site);
    assert!(!ok, "{out}");
    assert!(out.contains("data/realisasi/nik="), "{out}");
    assert!(!out.contains("3575010101900001"), "{out}");
}
