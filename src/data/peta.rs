//! `data/batas.geojson`: the operator's own region boundaries (from the regional planning
//! office, or any GeoJSON FeatureCollection), one feature per region keyed by its Kemendagri
//! code in a property (`kode`, or `[peta] properti_kode`), for the maps on region pages.
//!
//! The file can be large (every kecamatan of Indonesia is 7,8 MB, 7.284 features): it is read
//! once, each feature is parsed from its own slice of the text (so that every message has the
//! feature's line and column), and only the polygons of regions in `data/wilayah.csv` are kept.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::Hasher;
use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{WilayahId, WilayahTree};
use crate::dasar::tempat::line_column;
use crate::diagnostics::{Diagnostic, Diagnostics, Problem, Severity};

/// The boundary file, relative to the site root.
pub const FILE: &str = "data/batas.geojson";

/// How many regions a summarising warning names before "and N more".
const CONTOH_MAKS: usize = 10;

/// One ring: `[longitude, latitude]` points, the first repeated at the end as GeoJSON
/// writes it (or not: both are read).
pub type Cincin = Vec<[f64; 2]>;

/// A region's area: its polygons, each an outer ring and its holes.
#[derive(Debug, Clone, PartialEq)]
pub struct Bentuk {
    /// The polygons.
    pub poligon: Vec<Vec<Cincin>>,
    /// A hash of the coordinates, for the fingerprints of the pages that draw it.
    pub sidik: u64,
}

/// The boundaries of the regions of the tree found in `data/batas.geojson`.
#[derive(Debug, Clone, Default)]
pub struct Batas {
    /// Per region, its area.
    pub bentuk: HashMap<WilayahId, Bentuk>,
}

#[derive(Deserialize)]
struct Koleksi<'a> {
    #[serde(borrow)]
    features: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct Fitur<'a> {
    #[serde(borrow, default)]
    properties: Option<HashMap<Cow<'a, str>, &'a RawValue>>,
    #[serde(borrow, default)]
    geometry: Option<&'a RawValue>,
}

/// Reads `data/batas.geojson` under `root`, when there is one: `None` without the file (the
/// site then has no maps and nothing is said), else the boundaries of the regions of `tree`.
/// Every problem is pushed to `diags`; on an error the result is empty.
pub fn baca(
    root: &Path,
    tree: &WilayahTree,
    properti: &str,
    batas_berkas: u64,
    diags: &mut Diagnostics,
) -> Option<Batas> {
    let situs = crate::berkas::Situs::new(root);
    let ukuran = match situs.periksa_berkas(FILE) {
        Ok(None) => return None,
        Ok(Some(u)) => u,
        Err(d) => {
            diags.push(*d);
            return Some(Batas::default());
        }
    };
    if ukuran > batas_berkas {
        diags.push(Diagnostic::error(
            FILE,
            0,
            0,
            None,
            Problem::BerkasTerlaluBesar {
                ukuran,
                batas: batas_berkas,
            },
        ));
        return Some(Batas::default());
    }
    let text = match crate::dasar::baca::baca_teks(&root.join(FILE), FILE) {
        Ok(t) => t,
        Err(d) => {
            diags.push(*d);
            return Some(Batas::default());
        }
    };
    Some(urai(&text, tree, properti, diags))
}

/// `serde_json`'s error as a message at its place, the place shifted by `awal` (the byte
/// offset in `text` of the slice it read).
fn galat_json(text: &str, awal: usize, e: &serde_json::Error) -> Diagnostic {
    let (l0, c0) = line_column(text, awal);
    let (line, column) = if e.line() <= 1 {
        (l0, c0 + e.column().saturating_sub(1) as u64)
    } else {
        (l0 + e.line() as u64 - 1, e.column() as u64)
    };
    let pesan = e.to_string();
    let pesan = pesan
        .rsplit_once(" at line ")
        .map_or(pesan.as_str(), |(p, _)| p)
        .to_string();
    Diagnostic::error(FILE, line, column, None, Problem::BatasJson(pesan))
}

/// The byte offset of `bagian` (a slice of `text`) in `text`.
fn offset(text: &str, bagian: &str) -> usize {
    (bagian.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// Parses the boundary file's text: the pure part of [`baca`].
pub fn urai(text: &str, tree: &WilayahTree, properti: &str, diags: &mut Diagnostics) -> Batas {
    let mut batas = Batas::default();
    let koleksi: Koleksi<'_> = match serde_json::from_str(text) {
        Ok(k) => k,
        Err(e) => {
            diags.push(galat_json(text, 0, &e));
            return batas;
        }
    };
    let kode_ke: rustc_hash::FxHashMap<&str, WilayahId> = tree
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, w)| Some((w.kode_teks.as_str(), WilayahId::baru(i)?)))
        .collect();
    // the offset of each region's code, for a duplicate's message
    let mut pertama: HashMap<String, usize> = HashMap::new();
    // codes not in the tree: one warning at the first, naming the others
    let mut asing: Vec<(usize, String)> = Vec::new();
    let mut galat = false;
    for (i, raw) in koleksi.features.iter().enumerate() {
        let nomor = i + 1;
        let awal = offset(text, raw.get());
        let fitur: Fitur<'_> = match serde_json::from_str(raw.get()) {
            Ok(f) => f,
            Err(e) => {
                diags.push(galat_json(text, awal, &e));
                galat = true;
                continue;
            }
        };
        let Some(nilai) = fitur.properties.as_ref().and_then(|p| p.get(properti)) else {
            let (line, column) = line_column(text, awal);
            diags.push(Diagnostic::error(
                FILE,
                line,
                column,
                None,
                Problem::BatasTanpaKode {
                    fitur: nomor,
                    properti: properti.to_string(),
                },
            ));
            galat = true;
            continue;
        };
        let di = offset(text, nilai.get());
        let kode = match serde_json::from_str::<String>(nilai.get()) {
            Ok(k) => k.trim().to_string(),
            Err(_) => {
                let (line, column) = line_column(text, di);
                diags.push(Diagnostic::error(
                    FILE,
                    line,
                    column,
                    Some(nilai.get()),
                    Problem::BatasKodeBukanTeks {
                        properti: properti.to_string(),
                    },
                ));
                galat = true;
                continue;
            }
        };
        let poligon = match fitur.geometry {
            None => Err("null".to_string()),
            Some(g) => match serde_json::from_str::<geojson::Geometry>(g.get()) {
                Err(e) => {
                    diags.push(galat_json(text, offset(text, g.get()), &e));
                    galat = true;
                    continue;
                }
                Ok(g) => match g.value {
                    geojson::GeometryValue::Polygon { coordinates } => Ok(vec![coordinates]),
                    geojson::GeometryValue::MultiPolygon { coordinates } => Ok(coordinates),
                    lain => Err(lain.type_name().to_string()),
                },
            },
        };
        let poligon = match poligon {
            Ok(p) => p,
            Err(jenis) => {
                let (line, column) = line_column(text, di);
                diags.push(Diagnostic::error(
                    FILE,
                    line,
                    column,
                    Some(&kode),
                    Problem::BatasGeometri {
                        fitur: nomor,
                        kode: kode.clone(),
                        jenis,
                    },
                ));
                galat = true;
                continue;
            }
        };
        if let Some(&lain) = pertama.get(&kode) {
            let (line, column) = line_column(text, di);
            diags.push(Diagnostic::error(
                FILE,
                line,
                column,
                Some(&kode),
                Problem::BatasKodeGanda {
                    baris_pertama: line_column(text, lain).0,
                },
            ));
            galat = true;
            continue;
        }
        pertama.insert(kode.clone(), di);
        let Some(&w) = kode_ke.get(kode.as_str()) else {
            asing.push((di, kode));
            continue;
        };
        let poligon: Vec<Vec<Cincin>> = poligon
            .into_iter()
            .map(|p| {
                p.into_iter()
                    .map(|r| {
                        r.into_iter()
                            .filter(|pos| pos.len() >= 2)
                            .map(|pos| [pos[0], pos[1]])
                            .filter(|[x, y]| x.is_finite() && y.is_finite())
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for p in &poligon {
            h.write_usize(p.len());
            for r in p {
                h.write_usize(r.len());
                for [x, y] in r {
                    h.write_u64(x.to_bits());
                    h.write_u64(y.to_bits());
                }
            }
        }
        batas.bentuk.insert(
            w,
            Bentuk {
                poligon,
                sidik: h.finish(),
            },
        );
    }
    if let Some((di, kode)) = asing.first() {
        let (line, column) = line_column(text, *di);
        diags.push(Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(
                FILE,
                line,
                column,
                Some(kode),
                Problem::BatasKodeTidakDikenal {
                    jumlah: asing.len(),
                    contoh: asing
                        .iter()
                        .skip(1)
                        .take(CONTOH_MAKS)
                        .map(|(_, k)| k.clone())
                        .collect(),
                },
            )
        });
    }
    if galat {
        batas.bentuk.clear();
    }
    batas
}

/// The regions not drawn on a map that is drawn: the children without a boundary of every
/// region (and of the top level) with at least one child with one. One warning for the whole
/// build, naming the first few, rather than one per page; a level with no boundary at all
/// (desa when the file has kecamatan) has no map and is not named.
pub fn periksa_anak(tree: &WilayahTree, batas: &Batas) -> Option<Diagnostic> {
    let mut hilang: Vec<WilayahId> = Vec::new();
    let mut lihat = |anak: &[WilayahId]| {
        if anak.iter().any(|c| batas.bentuk.contains_key(c)) {
            hilang.extend(anak.iter().filter(|c| !batas.bentuk.contains_key(c)));
        }
    };
    lihat(&tree.akar);
    for w in &tree.nodes {
        lihat(&w.anak);
    }
    if hilang.is_empty() {
        return None;
    }
    hilang.sort();
    let contoh = hilang
        .iter()
        .take(CONTOH_MAKS)
        .map(|&c| {
            let n = tree.node(c);
            format!("{} {}", n.kode_teks, n.nama)
        })
        .collect();
    Some(Diagnostic {
        severity: Severity::Warning,
        ..Diagnostic::error(
            FILE,
            0,
            0,
            None,
            Problem::BatasAnakHilang {
                jumlah: hilang.len(),
                contoh,
            },
        )
    })
}
