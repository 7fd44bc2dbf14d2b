//! The map of a region's children (`data/batas.geojson`): each child an area filled by its
//! realisation (or KPM paid per 1.000 households, `[peta] nilai`) in five bins, as inline SVG
//! (`templates/peta.html`) with a `<title>` per area, a legend and the caption naming the
//! children not drawn. No script and no map tiles.
//!
//! The geometry is made here, at build time, by pure functions: [`proyeksikan`] fits the
//! children's polygons into the viewBox and snaps every vertex to its grid ([`jalur`]). The
//! figures are read from the children's `Rekap` cells the page already shows, so a page's
//! fingerprint adds only the boundaries it draws and the children's households
//! ([`Situs::hash_peta`]).

use std::hash::Hash;

use serde::Serialize;

use super::Situs;
use crate::config::NilaiPeta;
use crate::data::peta::{Bentuk, Cincin};
use crate::data::{TahapId, WilayahId};
use crate::format::{persen, ribuan};

/// The longer side of a map's viewBox, in grid units. Every vertex is rounded to a whole unit
/// (a tenth of a percent of the map), finer than a phone's 360–412 CSS px and a desktop's
/// 700 px column, so the rounding cannot be seen, while it is what keeps shared borders
/// shared (see [`jalur`]).
pub const SISI: f64 = 1000.0;

/// The colours of the five bins, light (low) to dark (high): ColorBrewer's YlGnBu, a
/// sequential scheme that stays ordered for the common colour-vision deficiencies and in
/// grey print.
pub const WARNA: [&str; 5] = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];

/// A map on a page.
#[derive(Debug, Clone, Serialize)]
pub struct BagianPeta {
    /// The SVG's id (`peta`), for its title and description.
    pub id: String,
    /// Its title (`Realisasi per kecamatan, Juli 2021`).
    pub judul: String,
    /// The description for screen readers: the figures in words.
    pub deskripsi: String,
    /// The viewBox's width and height.
    pub lebar: u32,
    /// Height.
    pub tinggi: u32,
    /// One area per child drawn.
    pub area: Vec<AreaPeta>,
    /// The legend: one entry per bin, then "no data" when an area has none.
    pub legenda: Vec<LegendaPeta>,
    /// The children not drawn (no boundary in the file), `kode nama`.
    pub hilang: Vec<String>,
}

/// One child's area.
#[derive(Debug, Clone, Serialize)]
pub struct AreaPeta {
    /// SVG path data.
    pub d: String,
    /// Fill colour; empty for no data (a pattern).
    pub warna: String,
    /// Its name and value, the area's `<title>`.
    pub judul: String,
}

/// One legend entry.
#[derive(Debug, Clone, Serialize)]
pub struct LegendaPeta {
    /// Fill colour; empty for no data.
    pub warna: String,
    /// What it stands for (`40 % – 60 %`).
    pub label: String,
}

/// Fits polygons (per child: its polygons of `[lon, lat]` rings) into a viewBox whose longer
/// side is [`SISI`], and writes each child's path data ([`jalur`]). Returns the viewBox's
/// width and height and one path per child (empty when all of it is smaller than a grid
/// unit).
///
/// Equirectangular, with longitudes scaled by the cosine of the middle latitude: Indonesia
/// lies between 6° N and 11° S, where the scale changes by at most 2 % (cos 11° = 0,98)
/// across the country and far less across one province, so shapes keep their proportions
/// without a projection library.
pub fn proyeksikan(bentuk: &[&[Vec<Cincin>]]) -> (u32, u32, Vec<String>) {
    let titik = || {
        bentuk
            .iter()
            .flat_map(|b| b.iter())
            .flat_map(|p| p.iter())
            .flat_map(|r| r.iter())
    };
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for [x, y] in titik() {
        x0 = x0.min(*x);
        x1 = x1.max(*x);
        y0 = y0.min(*y);
        y1 = y1.max(*y);
    }
    if x0 > x1 || y0 > y1 {
        return (0, 0, bentuk.iter().map(|_| String::new()).collect());
    }
    let k = ((y0 + y1) / 2.0).to_radians().cos();
    let (lebar, tinggi) = ((x1 - x0) * k, y1 - y0);
    let skala = SISI / lebar.max(tinggi).max(f64::MIN_POSITIVE);
    let grid = |[x, y]: [f64; 2]| -> (i32, i32) {
        (
            ((x - x0) * k * skala).round() as i32,
            ((y1 - y) * skala).round() as i32,
        )
    };
    let jalur_anak = bentuk
        .iter()
        .map(|b| {
            let cincin: Vec<Vec<(i32, i32)>> = b
                .iter()
                .flat_map(|p| p.iter())
                .map(|r| r.iter().map(|&t| grid(t)).collect())
                .collect();
            jalur(&cincin)
        })
        .collect();
    (
        (lebar * skala).ceil().max(1.0) as u32,
        (tinggi * skala).ceil().max(1.0) as u32,
        jalur_anak,
    )
}

/// A ring's vertices on the grid, with consecutive duplicates and the middle points of
/// straight runs dropped; fewer than three left, it is nothing.
///
/// Why snapping rather than a line simplification: two neighbours' rings share the vertices
/// of their border, and snapping maps a shared vertex to the same grid point for both, and
/// drops the same points of a straight run for both (their neighbours along the border are
/// the same), so the border stays one line. Douglas–Peucker or Visvalingam run on each
/// polygon alone (geo's `Simplify`) keep different vertices of the same border on each side,
/// and open gaps and overlaps between them. Snapping to a grid of 1.000 units is enough,
/// measured with the boundaries of `../shared/data/wilayah-boundaries` (`tests::ukuran`):
/// the 514 maps of a kabupaten/kota's kecamatan (`kec.geojson`) take a median 2,7 KB of path
/// data and at most 10,8 KB (92.02, 14 kecamatan); the 38 maps of a provinsi's
/// kabupaten/kota (`kab.geojson`) a median 9,0 KB and at most 14,9 KB (12, 33 of them).
pub fn rapikan(cincin: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let segaris = |a: (i32, i32), b: (i32, i32), c: (i32, i32)| {
        let (ux, uy) = (i64::from(b.0 - a.0), i64::from(b.1 - a.1));
        let (vx, vy) = (i64::from(c.0 - b.0), i64::from(c.1 - b.1));
        ux * vy - uy * vx == 0
    };
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(cincin.len());
    for &t in cincin {
        loop {
            match out.as_slice() {
                [.., b] if *b == t => break,
                [.., a, b] if segaris(*a, *b, t) => {
                    out.pop();
                }
                _ => {
                    out.push(t);
                    break;
                }
            }
        }
    }
    // the ring closes: the last point may repeat the first, and the points either side of
    // the start may be straight runs too
    while out.len() > 1 && out.last() == out.first() {
        out.pop();
    }
    loop {
        let n = out.len();
        if n < 3 {
            return Vec::new();
        }
        if segaris(out[n - 2], out[n - 1], out[0]) {
            out.pop();
        } else if segaris(out[n - 1], out[0], out[1]) {
            out.remove(0);
        } else {
            return out;
        }
    }
}

/// SVG path data for rings on the grid ([`rapikan`]): each ring `M x y`, then relative
/// `l` moves (a border's step is one or two digits where the position is three), then `z`.
/// `-` separates numbers by itself, so a space is written only before a positive one.
pub fn jalur(cincin: &[Vec<(i32, i32)>]) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    for r in cincin {
        let r = rapikan(r);
        // an islet or a sliver under 4 square units (a speck of 0,0004 % of the map) is left
        // out: the example's provinsi map had dozens of one-unit triangles, invisible and
        // a path each
        let luas2: i64 = r
            .iter()
            .zip(r.iter().cycle().skip(1))
            .map(|(a, b)| i64::from(a.0) * i64::from(b.1) - i64::from(b.0) * i64::from(a.1))
            .sum();
        if luas2.abs() < 8 {
            continue;
        }
        let Some(&(x, y)) = r.first() else {
            continue;
        };
        let _ = write!(d, "M{x} {y}l");
        let mut sebelum = (x, y);
        for (i, &(x, y)) in r.iter().enumerate().skip(1) {
            let (dx, dy) = (x - sebelum.0, y - sebelum.1);
            if i > 1 && dx >= 0 {
                d.push(' ');
            }
            let _ = write!(d, "{dx}");
            if dy >= 0 {
                d.push(' ');
            }
            let _ = write!(d, "{dy}");
            sebelum = (x, y);
        }
        d.push('z');
    }
    d
}

/// The bin (0–4) of a value against four ascending limits.
pub fn kelas(nilai: f64, batas: &[f64; 4]) -> usize {
    batas.iter().filter(|b| nilai >= **b).count()
}

/// Four limits for KPM per 1.000 households: equal steps up to the largest value rounded up
/// to a round number, so that the legend reads in whole numbers.
pub fn batas_rata(maks: f64) -> [f64; 4] {
    let maks = maks.max(5.0);
    let langkah = 10f64.powf((maks / 5.0).log10().floor());
    let langkah = ((maks / 5.0) / langkah).ceil() * langkah;
    [langkah, 2.0 * langkah, 3.0 * langkah, 4.0 * langkah]
}

impl Situs<'_> {
    /// The map of `anak` (the children of region `w`, or the top level with `None`), when
    /// the site has a boundary file and at least one child is in it.
    pub(super) fn peta(&self, w: Option<WilayahId>, anak: &[WilayahId]) -> Option<BagianPeta> {
        let batas = self.data.batas.as_ref()?;
        if !anak.iter().any(|c| batas.bentuk.contains_key(c)) {
            return None;
        }
        let lang = self.lang();
        let tree = &self.data.wilayah;
        let per_kk = self.config.peta.nilai == NilaiPeta::KpmPer1000Kk;
        // each child's own latest tahap with an allocation: children run different
        // programmes in different years (the example's provinsi: 2021, 2022 and 2024), and
        // one tahap for all would leave most of a map without data
        let nilai = |c: WilayahId| -> Option<(TahapId, f64)> {
            let sel = &self.report.wilayah[c.indeks()].sel;
            let t = sel
                .iter()
                .filter(|(_, a)| a.alokasi_kpm > 0)
                .map(|(k, _)| k.tahap)
                .max_by_key(|&t| (self.data.tahap[t.indeks()].mulai, t))?;
            let (mut alokasi, mut tersalur) = (0u64, 0u64);
            for (k, a) in sel {
                if k.tahap == t {
                    alokasi = alokasi.saturating_add(a.alokasi_kpm);
                    tersalur = tersalur.saturating_add(a.tersalur_kpm);
                }
            }
            let v = if per_kk {
                let kk = self.report.kk[c.indeks()].filter(|&k| k > 0)?;
                tersalur as f64 * 1000.0 / kk as f64
            } else {
                tersalur as f64 / alokasi as f64
            };
            Some((t, v))
        };
        let digambar: Vec<(WilayahId, &Bentuk)> = anak
            .iter()
            .filter_map(|&c| Some((c, batas.bentuk.get(&c)?)))
            .collect();
        let bentuk: Vec<&[Vec<Cincin>]> = digambar.iter().map(|(_, b)| &b.poligon[..]).collect();
        let (lebar, tinggi, jalur) = proyeksikan(&bentuk);
        let nilai_anak: Vec<Option<(TahapId, f64)>> =
            digambar.iter().map(|(c, _)| nilai(*c)).collect();
        let batas_kelas = if per_kk {
            batas_rata(
                nilai_anak
                    .iter()
                    .flatten()
                    .fold(0.0, |m: f64, v| m.max(v.1)),
            )
        } else {
            [0.2, 0.4, 0.6, 0.8]
        };
        let tulis = |v: f64| {
            if per_kk {
                ribuan(v.round() as i64, lang)
            } else {
                persen(v, lang)
            }
        };
        let mut area = Vec::with_capacity(digambar.len());
        let mut hilang: Vec<WilayahId> = anak
            .iter()
            .filter(|c| !batas.bentuk.contains_key(c))
            .copied()
            .collect();
        let mut ada_kosong = false;
        let mut kalimat = Vec::with_capacity(digambar.len());
        for (((c, _), d), v) in digambar.iter().zip(jalur).zip(&nilai_anak) {
            if d.is_empty() {
                hilang.push(*c);
                continue;
            }
            let nama = self.kata.nama_wilayah(tree.node(*c));
            let teks = v.map_or_else(
                || self.kata.teks("peta_tanpa_data").to_string(),
                |(t, v)| format!("{} ({})", tulis(v), self.data.tahap[t.indeks()].nama),
            );
            kalimat.push(format!("{nama} {teks}"));
            ada_kosong |= v.is_none();
            area.push(AreaPeta {
                d,
                warna: v
                    .map(|(_, v)| WARNA[kelas(v, &batas_kelas)].to_string())
                    .unwrap_or_default(),
                judul: format!("{nama}: {teks}"),
            });
        }
        hilang.sort();
        let mut legenda: Vec<LegendaPeta> = (0..5)
            .map(|i| LegendaPeta {
                warna: WARNA[i].to_string(),
                label: match i {
                    0 => format!("< {}", tulis(batas_kelas[0])),
                    4 => format!("≥ {}", tulis(batas_kelas[3])),
                    _ => format!("{} – {}", tulis(batas_kelas[i - 1]), tulis(batas_kelas[i])),
                },
            })
            .collect();
        if ada_kosong {
            legenda.push(LegendaPeta {
                warna: String::new(),
                label: self.kata.teks("peta_tanpa_data").to_string(),
            });
        }
        let tingkat = self.judul_anak_tunggal(anak).to_lowercase();
        // the tahap when every child's is the same one, else "each one's latest"
        let mut semua_tahap = nilai_anak.iter().flatten().map(|(t, _)| *t);
        let nama_tahap = match semua_tahap.next() {
            Some(t) if semua_tahap.all(|u| u == t) => self.data.tahap[t.indeks()].nama.clone(),
            _ => self.kata.teks("peta_tahap_terakhir").to_string(),
        };
        let judul = self.kata.isi(
            if per_kk {
                "peta_judul_kk"
            } else {
                "peta_judul_realisasi"
            },
            &[
                ("tingkat", &tingkat),
                ("nama", &self.nama_cakupan(w)),
                ("tahap", &nama_tahap),
            ],
        );
        let deskripsi = self.kata.isi(
            "peta_deskripsi",
            &[("judul", &judul), ("area", &kalimat.join("; "))],
        );
        Some(BagianPeta {
            id: "peta".to_string(),
            judul,
            deskripsi,
            lebar,
            tinggi,
            area,
            legenda,
            hilang: hilang
                .iter()
                .map(|&c| {
                    let n = tree.node(c);
                    format!("{} {}", n.kode_teks, self.kata.nama_wilayah(n))
                })
                .collect(),
        })
    }

    /// What a region page's map is made from beyond its children's figures and names (hashed
    /// with the page's `anak`): `[peta]`, and per child its boundary's hash and households.
    /// Nothing without a boundary file, so a site without one does no work per page.
    pub(super) fn hash_peta(&self, anak: &[WilayahId], h: &mut impl std::hash::Hasher) {
        let Some(batas) = &self.data.batas else {
            return;
        };
        self.config.peta.hash(h);
        for c in anak {
            batas.bentuk.get(c).map(|b| b.sidik).hash(h);
            self.report.kk[c.indeks()].hash(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rapikan_drops_duplicates_and_straight_runs() {
        // a square with a doubled corner, a point in the middle of a side and the ring
        // closed by repeating its first point
        let r = [
            (0, 0),
            (5, 0),
            (10, 0),
            (10, 0),
            (10, 10),
            (0, 10),
            (0, 5),
            (0, 0),
        ];
        assert_eq!(rapikan(&r), vec![(0, 0), (10, 0), (10, 10), (0, 10)]);
    }

    #[test]
    fn rapikan_drops_a_ring_smaller_than_a_unit() {
        assert!(rapikan(&[(3, 3), (3, 3), (3, 3), (3, 3)]).is_empty());
        assert!(rapikan(&[(0, 0), (1, 0), (2, 0), (0, 0)]).is_empty());
    }

    #[test]
    fn jalur_writes_relative_moves() {
        let d = jalur(&[vec![(10, 10), (20, 10), (20, 25), (10, 25), (10, 10)]]);
        assert_eq!(d, "M10 10l10 0 0 15-10 0z");
    }

    /// Two squares side by side sharing the border x = 1 (in degrees, with a vertex in the
    /// middle of it at a position no grid point holds exactly): the border's vertices land on
    /// the same grid points in both paths, so there is neither gap nor overlap.
    #[test]
    fn shared_border_stays_shared() {
        let kiri: Vec<Vec<Cincin>> = vec![vec![vec![
            [0.0, 0.0],
            [1.0, 0.0],
            [1.013_37, 0.512_34],
            [1.0, 1.0],
            [0.0, 1.0],
            [0.0, 0.0],
        ]]];
        let kanan: Vec<Vec<Cincin>> = vec![vec![vec![
            [1.0, 0.0],
            [2.0, 0.0],
            [2.0, 1.0],
            [1.0, 1.0],
            [1.013_37, 0.512_34],
            [1.0, 0.0],
        ]]];
        let (lebar, tinggi, d) = proyeksikan(&[&kiri[..], &kanan[..]]);
        assert!((1000..=1001).contains(&lebar) && (500..=501).contains(&tinggi));
        let mutlak = |d: &str| absolut(d);
        let (a, b) = (mutlak(&d[0]), mutlak(&d[1]));
        let bersama: Vec<_> = a.iter().filter(|t| b.contains(t)).collect();
        assert_eq!(bersama.len(), 3, "{a:?} {b:?}");
        assert!(a.contains(&(507, 244)) && b.contains(&(507, 244)));
    }

    /// The absolute points of path data written by [`jalur`].
    fn absolut(d: &str) -> Vec<(i32, i32)> {
        let mut out = Vec::new();
        for sub in d.split('z').filter(|s| !s.is_empty()) {
            let (m, l) = sub[1..].split_once('l').unwrap();
            let ambil = |s: &str| -> Vec<i32> {
                s.replace('-', " -")
                    .split_whitespace()
                    .map(|n| n.parse().unwrap())
                    .collect()
            };
            let m = ambil(m);
            let (mut x, mut y) = (m[0], m[1]);
            out.push((x, y));
            for p in ambil(l).chunks(2) {
                x += p[0];
                y += p[1];
                out.push((x, y));
            }
        }
        out
    }

    #[test]
    fn jalur_leaves_out_specks() {
        assert_eq!(jalur(&[vec![(0, 0), (1, 0), (1, 1)]]), "");
        assert_eq!(jalur(&[vec![(0, 0), (4, 0), (4, 4)]]), "M0 0l4 0 0 4z");
    }

    #[test]
    fn kelas_and_round_limits() {
        let b = [0.2, 0.4, 0.6, 0.8];
        assert_eq!(kelas(0.0, &b), 0);
        assert_eq!(kelas(0.2, &b), 1);
        assert_eq!(kelas(0.79, &b), 3);
        assert_eq!(kelas(1.3, &b), 4);
        assert_eq!(batas_rata(87.0), [20.0, 40.0, 60.0, 80.0]);
        assert_eq!(batas_rata(430.0), [90.0, 180.0, 270.0, 360.0]);
    }

    /// The measurement behind [`rapikan`]'s choice: the path data of every kabupaten/kota's
    /// map of its kecamatan and every provinsi's map of its kabupaten/kota, from the boundary
    /// files in `../shared/data/wilayah-boundaries/` (not part of the project). Run with
    /// `cargo test --lib peta::tests::ukuran -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn ukuran() {
        // `../shared` beside the main checkout; a worktree of it is one level further down
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|a| a.join("shared/data/wilayah-boundaries"))
            .find(|d| d.is_dir())
            .unwrap_or_default();
        for (berkas, tingkat) in [("kec.geojson", 2), ("kab.geojson", 1)] {
            let Ok(text) = std::fs::read_to_string(dir.join(berkas)) else {
                eprintln!("SKIPPED: needs ../shared/data/wilayah-boundaries/{berkas}");
                return;
            };
            let mulai = std::time::Instant::now();
            let fc: geojson::FeatureCollection = serde_json::from_str(&text).unwrap();
            let mut induk: std::collections::BTreeMap<String, Vec<Vec<Vec<Cincin>>>> =
                Default::default();
            for f in fc.features {
                let kode = f.properties.as_ref().unwrap()["kode"]
                    .as_str()
                    .unwrap()
                    .to_string();
                let kunci = kode.split('.').take(tingkat).collect::<Vec<_>>().join(".");
                let poligon = match f.geometry.unwrap().value {
                    geojson::GeometryValue::Polygon { coordinates } => vec![coordinates],
                    geojson::GeometryValue::MultiPolygon { coordinates } => coordinates,
                    _ => continue,
                };
                let p = poligon
                    .into_iter()
                    .map(|p| {
                        p.into_iter()
                            .map(|r| r.into_iter().map(|q| [q[0], q[1]]).collect())
                            .collect()
                    })
                    .collect();
                induk.entry(kunci).or_default().push(p);
            }
            let baca = mulai.elapsed();
            let mulai = std::time::Instant::now();
            let mut ukuran: Vec<(usize, String, usize)> = induk
                .iter()
                .map(|(k, anak)| {
                    let b: Vec<&[Vec<Cincin>]> = anak.iter().map(|a| &a[..]).collect();
                    let (_, _, d) = proyeksikan(&b);
                    (d.iter().map(|d| d.len() + 60).sum(), k.clone(), anak.len())
                })
                .collect();
            let proyeksi = mulai.elapsed();
            ukuran.sort();
            let total: usize = ukuran.iter().map(|u| u.0).sum();
            eprintln!(
                "{berkas}: {} maps, read {baca:?}, projected {proyeksi:?}, median {} B, \
                 largest {:?}, total {} B",
                ukuran.len(),
                ukuran[ukuran.len() / 2].0,
                &ukuran[ukuran.len().saturating_sub(3)..],
                total
            );
        }
    }
}
