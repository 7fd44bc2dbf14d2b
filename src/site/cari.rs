//! The search index: script files that the theme's `cari.js` loads to find a region,
//! programme, tahap or meeting note by name, also from `file://` (where `fetch` of JSON is
//! refused, but a `<script src>` loads).
//!
//! - `cari/indeks.js` (the manifest, loaded first): which name shard serves which key, and
//!   each shard's content hash for cache-busting (`?v=`).
//! - `cari/umum.js`: every programme, tahap and meeting note (a few dozen), always loaded.
//! - `cari/nama/<key>.js`: the regions, sharded by a prefix of their normalised name words.
//!
//! Each file is one call, `window.salurCari.indeks({…});` or `window.salurCari.muat("key",
//! […]);`, whose argument is pure JSON (with `<` written `\u003c`), so tests can read it back.
//! An entry is `[name, kind, context, url]`: the name as shown (`Kelurahan Kandangsapi`), the
//! kind (`p` provinsi, `k` kabupaten/kota, `c` kecamatan, `l` kelurahan, `d` desa, `g`
//! programme, `t` tahap, `r` meeting note), the context that tells repeated names apart (`Kec.
//! Panggungrejo, Kota Pasuruan`) and the page's path from the output root. Figures are left
//! out: a shard changes only when names or the tree change, not with every tahap.
//!
//! **Keys.** A name is normalised ([`normal`]) and split into words; leading kind words
//! (`Kota`, `Kabupaten`, `Desa`, … [`KATA_JENIS`]) are dropped ([`inti`]), so `Kota Pasuruan` is
//! found under `pasuruan`. A region is indexed under its first word, its words run together
//! (`bugulkidul` for `Bugul Kidul`) and every other word of at least two letters; the
//! search script looks up the query's words run together ([`kunci_kueri`]), so `suka maju`
//! finds `Sukamaju` and `Suka Maju`, and `kidul` finds `Bugul Kidul`; a query that skips a
//! word of the name (`tanjung ilir` for `Tanjung Baru Ilir`) or is only part of a word
//! (`sapi` for `Kandangsapi`) does not. Shards are cut by prefix:
//! a prefix whose entries exceed [`MAKS_BAGIAN`] bytes is split by one more letter, and small
//! neighbours are packed into one file. A word shared by so many names that its shard would
//! still be too big (`baru`, `jaya` on a national site) keeps only the names it begins: those
//! names are found by their first word. Everything is sorted: the same input gives the same
//! bytes.

use rayon::prelude::*;
use serde::Serialize;

use super::{Halaman, Situs};
use super::{JenisHalaman, Konteks, jalur::Asal};
use crate::data::{Tingkat, WilayahId};

/// The size a name shard is cut to stay below, in bytes (before compression): with the
/// manifest, the always-loaded shard and the search script, one query downloads well under
/// 200 KB even on a national site.
pub const MAKS_BAGIAN: usize = 64 * 1024;

/// The longest key (prefix of a name's words run together) the index is cut by. A prefix
/// still too big at this length keeps all its names in one shard, over [`MAKS_BAGIAN`]: a
/// name of 100.000 letters was split letter by letter, each level one call deeper, until the
/// stack overflowed (and its entry alone is bigger than a shard anyway).
pub const MAKS_KUNCI: usize = 32;

/// The manifest's path from the output root.
pub const JALUR_INDEKS: &str = "cari/indeks.js";

/// The always-loaded shard's path from the output root.
pub const JALUR_UMUM: &str = "cari/umum.js";

/// The folder of the name shards, from the output root.
pub const FOLDER_NAMA: &str = "cari/nama";

/// Words that say a region's kind rather than its name; dropped at the start of a name and of
/// a query. Kept in step with `KATA_JENIS` in the theme's `cari.js`.
pub const KATA_JENIS: &[&str] = &[
    "adm",
    "administrasi",
    "city",
    "desa",
    "district",
    "kab",
    "kabupaten",
    "kec",
    "kecamatan",
    "kel",
    "kelurahan",
    "kota",
    "province",
    "provinsi",
    "regency",
    "village",
];

/// The searchable form of a name or query (`Pénéléh (Baru) II` → `peneleh baru ii`): the
/// rule shared with file names, in [`crate::slug::normal`]; `cari.js` applies it in the
/// reader's browser.
pub use crate::slug::normal;

/// The words of a name, normalised.
pub fn kata(s: &str) -> Vec<String> {
    normal(s)
        .split(' ')
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect()
}

/// The words that name: `kata` without its leading kind words, keeping at least one word
/// (`Kota Pasuruan` → `pasuruan`, `Kota` → `kota`).
pub fn inti(kata: &[String]) -> &[String] {
    let mut i = 0;
    while i + 1 < kata.len() && KATA_JENIS.contains(&kata[i].as_str()) {
        i += 1;
    }
    &kata[i..]
}

/// The key a query is looked up by: its words after the kind words, run together (`Kota
/// Pasuruan` → `pasuruan`, `suka maju` → `sukamaju`), or `None` for a query without letters
/// or digits. `cari.js` loads the shard of the longest key in the manifest that begins it.
pub fn kunci_kueri(kueri: &str) -> Option<String> {
    let k = kata(kueri);
    let inti = inti(&k);
    (!inti.is_empty()).then(|| inti.concat())
}

/// The key a region is found by its code under: the code's digits (`35.75.01.1001` →
/// `3575011001`), which is also the key of a query that writes the code with dots, spaces or
/// none ([`kunci_kueri`]: `35.75.01.1001`, `35 75 01 1001`, `3575011001`). `cari.js` matches an
/// entry to a query of digits by the code in the entry's path, so the entry holds nothing more;
/// the cost is each region's entry once more, in the shard of its code's prefix.
pub fn kunci_kode(kode: &str) -> String {
    kode.chars().filter(char::is_ascii_digit).collect()
}

/// The keys a feature page is found under: those of its title ([`istilah`]) but the kind
/// words (`Kota`, `Kabupaten` in `Jadwal pencairan Kota Pasuruan`), which are not names and
/// would gather every such page under one key.
pub fn istilah_halaman(judul: &str) -> Vec<(String, Peran)> {
    istilah(judul)
        .into_iter()
        .filter(|(k, peran)| *peran != Peran::Lain || !KATA_JENIS.contains(&k.as_str()))
        .collect()
}

/// The placeholder's example of the search box: the name of the site's first desa/kelurahan
/// by code (or of its first region without children, on a site without a desa/kelurahan), so
/// that it names a region of this site; `None` for a site without regions.
pub fn contoh(wilayah: &crate::data::WilayahTree) -> Option<&str> {
    let nodes = &wilayah.nodes;
    nodes
        .iter()
        .filter(|n| n.tingkat == Tingkat::DesaKelurahan)
        .min_by_key(|n| n.kode)
        .or_else(|| {
            nodes
                .iter()
                .filter(|n| n.anak.is_empty())
                .min_by_key(|n| n.kode)
        })
        .map(|n| n.nama.as_str())
}

/// How a key stands to the name it indexes: the whole name (its words run together, or its
/// one word), its first word, or another of its words. Sorted from the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Peran {
    /// The name's words run together (`bugulkidul`), or its only word.
    Penuh,
    /// The first of several words (`bugul`).
    Pertama,
    /// Another word (`kidul`).
    Lain,
}

/// The keys a name is indexed under, with how each stands to the name. Sorted, without
/// repeats (a key keeps its strongest role).
pub fn istilah(nama: &str) -> Vec<(String, Peran)> {
    let semua = kata(nama);
    let inti = inti(&semua);
    let mut out: Vec<(String, Peran)> = Vec::new();
    if !inti.is_empty() {
        out.push((inti.concat(), Peran::Penuh));
    }
    if inti.len() > 1 {
        out.push((inti[0].clone(), Peran::Pertama));
    }
    for k in inti.iter().skip(1) {
        if k.len() >= 2 {
            out.push((k.clone(), Peran::Lain));
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// One name shard: the keys it serves and its entries (indices into the list of entries the
/// index was cut from), sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Potongan {
    /// The keys (prefixes of a name's words) this shard answers for, sorted.
    pub kunci: Vec<String>,
    /// The entries, sorted, without repeats.
    pub entri: Vec<u32>,
}

/// Cuts the index into shards. `istilah` are (key, entry, role) in any order; `ukuran` the
/// size of each entry in bytes. A prefix whose entries exceed `maks` bytes is split by one
/// more letter. A key that cannot be split (every word in it is the key itself) keeps only
/// the names it begins, and if they are still too many, only the names it is whole (the
/// others are found under their words run together, typing on). Neighbouring prefixes of one
/// split are then packed into shards of at most `maks` bytes.
pub fn potong(
    mut istilah: Vec<(String, u32, Peran)>,
    ukuran: &[usize],
    maks: usize,
) -> Vec<Potongan> {
    istilah.sort_unstable();
    istilah.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let mut out = Vec::new();
    potong_awalan(&istilah, 1, ukuran, maks, &mut out);
    out.sort_by(|a, b| a.kunci.cmp(&b.kunci));
    out
}

fn ukuran_entri(entri: &[u32], ukuran: &[usize]) -> usize {
    entri
        .iter()
        .map(|&e| ukuran.get(e as usize).copied().unwrap_or(0) + 2)
        .sum()
}

/// The entries of `istilah` whose role is at least `peran`, sorted, without repeats.
fn entri_unik(istilah: &[(String, u32, Peran)], peran: Peran) -> Vec<u32> {
    let mut v: Vec<u32> = istilah
        .iter()
        .filter(|t| t.2 <= peran)
        .map(|t| t.1)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Cuts `istilah` (sorted, all sharing one prefix shorter than `n`) by their first `n`
/// letters, then packs the pieces that fit into shards.
fn potong_awalan(
    istilah: &[(String, u32, Peran)],
    n: usize,
    ukuran: &[usize],
    maks: usize,
    out: &mut Vec<Potongan>,
) {
    // the pieces of this level that fit, packed in order once all are known
    let mut kecil: Vec<(String, Vec<u32>, usize)> = Vec::new();
    let mut i = 0;
    while i < istilah.len() {
        let kunci = &istilah[i].0[..istilah[i].0.len().min(n)];
        let j = i + istilah[i..]
            .iter()
            .take_while(|t| t.0.starts_with(kunci) && t.0.len().min(n) == kunci.len())
            .count();
        let kelompok = &istilah[i..j];
        let entri = entri_unik(kelompok, Peran::Lain);
        let besar = ukuran_entri(&entri, ukuran);
        if besar <= maks {
            kecil.push((kunci.to_string(), entri, besar));
        } else if kelompok.iter().any(|t| t.0.len() > kunci.len()) {
            if kunci.len() < MAKS_KUNCI {
                potong_awalan(kelompok, kunci.len() + 1, ukuran, maks, out);
            } else {
                kecil.push((kunci.to_string(), entri, besar));
            }
        } else {
            // one word shared by too many names: keep the names it begins, or if they are
            // still too many, the names it is whole
            let mut entri = entri_unik(kelompok, Peran::Pertama);
            if ukuran_entri(&entri, ukuran) > maks {
                entri = entri_unik(kelompok, Peran::Penuh);
            }
            if !entri.is_empty() {
                let besar = ukuran_entri(&entri, ukuran);
                kecil.push((kunci.to_string(), entri, besar));
            }
        }
        i = j;
    }
    let mut sekarang: Option<(Potongan, usize)> = None;
    for (kunci, entri, besar) in kecil {
        match &mut sekarang {
            Some((p, b)) if *b + besar <= maks => {
                p.kunci.push(kunci);
                p.entri.extend(entri);
                *b += besar;
            }
            _ => {
                if let Some((mut p, _)) = sekarang.take() {
                    p.entri.sort_unstable();
                    p.entri.dedup();
                    out.push(p);
                }
                sekarang = Some((
                    Potongan {
                        kunci: vec![kunci],
                        entri,
                    },
                    besar,
                ));
            }
        }
    }
    if let Some((mut p, _)) = sekarang {
        p.entri.sort_unstable();
        p.entri.dedup();
        out.push(p);
    }
}

/// One file of the index, ready to write.
#[derive(Debug, Clone)]
pub struct BerkasCari {
    /// Its path from the output root.
    pub path: String,
    /// Its bytes.
    pub teks: String,
}

/// The whole search index: the manifest, the always-loaded shard and the name shards.
#[derive(Debug, Clone, Default)]
pub struct Indeks {
    /// `cari/indeks.js`.
    pub indeks: String,
    /// `cari/umum.js`.
    pub umum: String,
    /// `cari/nama/<key>.js`, by key.
    pub nama: Vec<BerkasCari>,
}

/// An entry's JSON, safe in a script: `<` written as `\u003c` (so no `</script>` can end
/// one), and the line separators U+2028 and U+2029 escaped for older JavaScript engines.
fn json_entri(nama: &str, jenis: &str, konteks: &str, url: &str) -> String {
    json_aman(serde_json::to_string(&[nama, jenis, konteks, url]).unwrap_or_default())
}

fn json_aman(json: String) -> String {
    if !json.contains(['<', '\u{2028}', '\u{2029}']) {
        return json;
    }
    json.replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// A shard's file: one call with a JSON array of entries, one a line.
fn berkas_muat(nama: &str, entri: impl Iterator<Item = impl AsRef<str>>) -> String {
    let mut teks = format!(
        "window.salurCari.muat({},[\n",
        json_aman(serde_json::to_string(nama).unwrap_or_default())
    );
    let mut pertama = true;
    for e in entri {
        if !pertama {
            teks.push_str(",\n");
        }
        pertama = false;
        teks.push_str(e.as_ref());
    }
    teks.push_str("\n]);\n");
    teks
}

/// The first 8 hex digits of a file's xxh3, for `?v=`.
fn versi(teks: &str) -> String {
    format!("{:08x}", xxhash_rust::xxh3::xxh3_64(teks.as_bytes()) >> 32)
}

/// The manifest's content.
#[derive(Serialize)]
struct Manifest<'a> {
    /// Per name shard (by file name), its version.
    berkas: std::collections::BTreeMap<&'a str, String>,
    /// Per key, the name shard that serves it.
    kunci: std::collections::BTreeMap<&'a str, &'a str>,
    /// The always-loaded shard's version.
    umum: String,
}

/// A file name for a shard's first key: the key itself when it is only ASCII letters and
/// digits (always, as [`normal`] makes them), else its bytes in hex.
fn nama_berkas(kunci: &str) -> String {
    if !kunci.is_empty() && kunci.bytes().all(|b| b.is_ascii_alphanumeric()) {
        kunci.to_string()
    } else {
        kunci.bytes().map(|b| format!("{b:02x}")).collect()
    }
}

impl Situs<'_> {
    /// The bytes of one file of the search index (empty for any other page).
    pub(super) fn teks_cari(&self, h: Halaman) -> &str {
        match h {
            Halaman::CariIndeks => &self.cari.indeks,
            Halaman::CariUmum => &self.cari.umum,
            Halaman::CariNama(i) => self.cari.nama.get(i).map_or("", |b| b.teks.as_str()),
            _ => "",
        }
    }

    /// Builds the whole search index (on all cores: a national site has 91.000 names).
    pub(super) fn buat_indeks_cari(&self) -> Indeks {
        let tree = &self.data.wilayah;
        let n = tree.len();
        let entri: Vec<String> = (0..n)
            .into_par_iter()
            .filter_map(WilayahId::baru)
            .map(|w| {
                let node = tree.node(w);
                let jenis = match node.tingkat {
                    Tingkat::Provinsi => "p",
                    Tingkat::KabupatenKota => "k",
                    Tingkat::Kecamatan => "c",
                    Tingkat::DesaKelurahan if node.kode.is_kelurahan() => "l",
                    Tingkat::DesaKelurahan => "d",
                };
                json_entri(
                    &self.kata.nama_wilayah(node),
                    jenis,
                    &self.konteks_cari(w),
                    &self.path(Halaman::Wilayah(w)),
                )
            })
            .collect();
        let mut istilah_semua: Vec<(String, u32, Peran)> = (0..n)
            .into_par_iter()
            .filter_map(WilayahId::baru)
            .flat_map_iter(|w| {
                let node = tree.node(w);
                istilah(&node.nama)
                    .into_iter()
                    .chain(std::iter::once((kunci_kode(&node.kode_teks), Peran::Penuh)))
                    .map(move |(k, peran)| (k, u32::from(w), peran))
            })
            .collect();
        // the site's own feature pages, after the regions, under the words of their titles
        let mut entri = entri;
        for (judul, konteks, path) in self.halaman_fitur() {
            let e = u32::try_from(entri.len()).unwrap_or(u32::MAX);
            istilah_semua.extend(
                istilah_halaman(&judul)
                    .into_iter()
                    .map(|(k, peran)| (k, e, peran)),
            );
            entri.push(json_entri(&judul, "h", &konteks, &path));
        }
        let ukuran: Vec<usize> = entri.iter().map(String::len).collect();
        let potongan = potong(istilah_semua, &ukuran, MAKS_BAGIAN);
        let nama: Vec<(String, BerkasCari)> = potongan
            .par_iter()
            .map(|p| {
                let file = nama_berkas(&p.kunci[0]);
                let teks = berkas_muat(&file, p.entri.iter().map(|&e| &entri[e as usize]));
                (
                    file.clone(),
                    BerkasCari {
                        path: format!("{FOLDER_NAMA}/{file}.js"),
                        teks,
                    },
                )
            })
            .collect();
        let umum = berkas_muat("umum", self.entri_umum().into_iter());
        let mut manifest = Manifest {
            berkas: Default::default(),
            kunci: Default::default(),
            umum: versi(&umum),
        };
        for (p, (file, b)) in potongan.iter().zip(&nama) {
            manifest.berkas.insert(file, versi(&b.teks));
            for k in &p.kunci {
                manifest.kunci.insert(k, file);
            }
        }
        let indeks = format!(
            "window.salurCari.indeks({});\n",
            json_aman(serde_json::to_string(&manifest).unwrap_or_default())
        );
        Indeks {
            indeks,
            umum,
            nama: nama.into_iter().map(|(_, b)| b).collect(),
        }
    }

    /// The site's own feature pages a resident looks for by what they are (`jadwal`, `gagal`,
    /// `rekonsiliasi`, `rapat`), those the site has: (title, context, path). A kabupaten/kota's
    /// schedule overview, failures and reconciliation pages are titled with its name and told
    /// apart by its provinsi; the meeting notes' archive and follow-ups are the site's.
    fn halaman_fitur(&self) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for &h in &self.halaman {
            let (judul, w) = match h {
                Halaman::JadwalKota(w) => (
                    self.kata.isi(
                        "judul_jadwal_kota",
                        &[("nama", &self.kata.nama_wilayah(self.data.wilayah.node(w)))],
                    ),
                    Some(w),
                ),
                Halaman::GagalKota(w) => (
                    self.kata.isi(
                        "judul_gagal_kota",
                        &[("nama", &self.kata.nama_wilayah(self.data.wilayah.node(w)))],
                    ),
                    Some(w),
                ),
                Halaman::RekonKota(w) => (self.judul_rekon(w), Some(w)),
                Halaman::ArsipRapat if !self.content.rapat.is_empty() => {
                    (self.kata.teks("rapat_koordinasi").to_string(), None)
                }
                Halaman::TindakLanjut if !self.content.rapat.is_empty() => {
                    (self.kata.teks("judul_tindak_lanjut").to_string(), None)
                }
                _ => continue,
            };
            let konteks = w.map(|w| self.konteks_cari(w)).unwrap_or_default();
            out.push((judul, konteks, self.path(h)));
        }
        out
    }

    /// What tells a region from others of the same name: its two nearest ancestors, nearest
    /// first (`Kec. Panggungrejo, Kota Pasuruan`; a kabupaten/kota's provinsi).
    fn konteks_cari(&self, w: WilayahId) -> String {
        let tree = &self.data.wilayah;
        let induk = tree.ancestors(w);
        induk
            .iter()
            .rev()
            .take(2)
            .map(|&a| {
                let node = tree.node(a);
                match node.tingkat {
                    Tingkat::Kecamatan => node.nama_dengan(self.kata.teks("cari_jenis_kecamatan")),
                    _ => node.nama.clone(),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The entries of the always-loaded shard: every programme, tahap and meeting note.
    fn entri_umum(&self) -> Vec<String> {
        let lang = self.lang();
        let mut out = Vec::new();
        for p in 0..self.data.program.len() {
            let Some(p) = crate::data::ProgramId::baru(p) else {
                continue;
            };
            let konteks = self.kata.teks("cari_program");
            out.push(json_entri(
                &self.nama_program(p),
                "g",
                konteks,
                &self.path(Halaman::Program(p)),
            ));
        }
        for t in 0..self.data.tahap.len() {
            let Some(t) = crate::data::TahapId::baru(t) else {
                continue;
            };
            let tahap = &self.data.tahap[t.indeks()];
            let konteks = self.kata.isi("cari_tahap", &[("kode", &tahap.kode)]);
            out.push(json_entri(
                &tahap.nama,
                "t",
                &konteks,
                &self.path(Halaman::Tahap(t)),
            ));
        }
        for (i, r) in self.content.rapat.iter().enumerate() {
            let konteks = self.kata.isi(
                "cari_rapat",
                &[("tanggal", &crate::format::tanggal_pendek(r.tanggal, lang))],
            );
            out.push(json_entri(
                &r.judul,
                "r",
                &konteks,
                &self.path(Halaman::Rapat(i)),
            ));
        }
        out
    }
}

/// The search index is written as it is.
pub const TEMPLATE: &str = "";

impl Situs<'_> {
    /// `cari/nama/<key>.js`.
    pub(super) fn path_cari_nama(&self, i: usize) -> String {
        self.cari.nama[i].path.clone()
    }

    /// Made with the plan: the fingerprint of a file is its bytes'.
    pub(super) fn sidik_cari(&self, h: Halaman) -> u64 {
        xxhash_rust::xxh3::xxh3_64(self.teks_cari(h).as_bytes()).max(1)
    }
}

/// The search index's manifest.
pub struct HalamanCariIndeks;

impl JenisHalaman for HalamanCariIndeks {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(_: &Situs<'_>, _: ()) -> String {
        JALUR_INDEKS.to_string()
    }
    fn sidik(s: &Situs<'_>, _: ()) -> u64 {
        s.sidik_cari(Halaman::CariIndeks)
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Unduhan(s.teks_cari(Halaman::CariIndeks).to_string())
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.indeks_cari")
    }
}

/// The programmes, tahap and notes, always searched.
pub struct HalamanCariUmum;

impl JenisHalaman for HalamanCariUmum {
    type Kunci = ();
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(_: &Situs<'_>, _: ()) -> String {
        JALUR_UMUM.to_string()
    }
    fn sidik(s: &Situs<'_>, _: ()) -> u64 {
        s.sidik_cari(Halaman::CariUmum)
    }
    fn konteks(s: &Situs<'_>, _: ()) -> Konteks {
        Konteks::Unduhan(s.teks_cari(Halaman::CariUmum).to_string())
    }
    fn asal(_: &Situs<'_>, _: ()) -> Asal {
        Situs::asal_salur("pemilik.indeks_cari")
    }
}

/// One shard of region names.
pub struct HalamanCariNama;

impl JenisHalaman for HalamanCariNama {
    type Kunci = usize;
    const TEMPLATE: &'static str = TEMPLATE;
    fn path(s: &Situs<'_>, i: usize) -> String {
        s.path_cari_nama(i)
    }
    fn sidik(s: &Situs<'_>, i: usize) -> u64 {
        s.sidik_cari(Halaman::CariNama(i))
    }
    fn konteks(s: &Situs<'_>, i: usize) -> Konteks {
        Konteks::Unduhan(s.teks_cari(Halaman::CariNama(i)).to_string())
    }
    fn asal(_: &Situs<'_>, _: usize) -> Asal {
        Situs::asal_salur("pemilik.indeks_cari")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_words_are_not_keys() {
        // "=": the whole name, "*": its first word, "": another word
        let k = |s: &str| {
            istilah(s)
                .into_iter()
                .map(|(k, p)| {
                    let tanda = match p {
                        Peran::Penuh => "=",
                        Peran::Pertama => "*",
                        Peran::Lain => "",
                    };
                    format!("{k}{tanda}")
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(k("Kota Pasuruan"), ["pasuruan="]);
        assert_eq!(
            k("Kabupaten Kutai Kartanegara"),
            ["kartanegara", "kutai*", "kutaikartanegara="]
        );
        assert_eq!(
            k("Kota Administrasi Jakarta Barat"),
            ["barat", "jakarta*", "jakartabarat="]
        );
        assert_eq!(k("Kota"), ["kota="]);
        assert_eq!(k("Loa Kulu Kota"), ["kota", "kulu", "loa*", "loakulukota="]);
        assert_eq!(k("Sungai A"), ["sungai*", "sungaia="]);
        assert_eq!(k("Sumber Sumber"), ["sumber*", "sumbersumber="]);
        assert_eq!(kunci_kueri("Kota Pasuruan").as_deref(), Some("pasuruan"));
        assert_eq!(kunci_kueri("Suka-Maju").as_deref(), Some("sukamaju"));
        assert_eq!(
            kunci_kueri("kelurahan kandangsapi").as_deref(),
            Some("kandangsapi")
        );
        assert_eq!(kunci_kueri(" - ").as_deref(), None);
    }

    #[test]
    fn a_code_is_one_key_however_it_is_written_and_titles_drop_kind_words() {
        assert_eq!(kunci_kode("35.75.01.1001"), "3575011001");
        for kueri in [
            "35.75.01.1001",
            "3575011001",
            "35 75 01 1001",
            " 35. 75. 01. 1001 ",
        ] {
            assert_eq!(kunci_kueri(kueri).as_deref(), Some("3575011001"), "{kueri}");
        }
        let k: Vec<String> = istilah_halaman("Jadwal pencairan Kota Pasuruan")
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(
            k,
            [
                "jadwal",
                "jadwalpencairankotapasuruan",
                "pasuruan",
                "pencairan"
            ]
        );
    }

    #[test]
    fn shards_split_by_prefix_and_pack_small_neighbours() {
        // entries of 10 bytes (12 with the separator), at most 40 bytes a shard: 3 entries
        let nama = [
            "Sukamaju",
            "Sukamulya",
            "Sukasari",
            "Sumberejo",
            "Sumbersari",
            "Anggana",
            "Baru",
            "Tanjung Baru",
            "Kota Baru",
            "Sungai Baru",
            "Baru Ilir",
        ];
        let mut t = Vec::new();
        for (i, n) in nama.iter().enumerate() {
            for (k, peran) in istilah(n) {
                t.push((k, i as u32, peran));
            }
        }
        let ukuran = vec![10; nama.len()];
        let p = potong(t.clone(), &ukuran, 40);
        let kunci: Vec<Vec<&str>> = p
            .iter()
            .map(|p| p.kunci.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            kunci,
            [
                // small pieces of one split packed together
                vec!["a", "i", "t"],
                // "baru" is a word of five names, too many: it keeps the three it begins
                // ("Baru", "Kota Baru" after its kind word, "Baru Ilir")
                vec!["baru"],
                vec!["barui"],
                vec!["suk"],
                vec!["sum", "sun"],
            ]
        );
        let entri: Vec<&[u32]> = p.iter().map(|p| p.entri.as_slice()).collect();
        assert_eq!(entri[0], [5, 7, 10]);
        assert_eq!(entri[1], [6, 8, 10]);
        assert_eq!(entri[3], [0, 1, 2]);
        assert_eq!(entri[4], [3, 4, 9]);
        // tighter still: "baru" keeps only the names it is whole, "Baru" and "Kota Baru";
        // "Baru Ilir" is under "baruilir"
        let p2 = potong(t.clone(), &ukuran, 24);
        let baru = p2
            .iter()
            .find(|p| p.kunci.contains(&"baru".to_string()))
            .unwrap();
        assert_eq!(baru.entri, [6, 8]);
        assert!(p2.iter().any(|p| {
            p.kunci
                .iter()
                .any(|k| "baruilir".starts_with(k.as_str()) && k.len() > 4)
                && p.entri.contains(&10)
        }));
        // every shard fits
        for p in &p {
            assert!(ukuran_entri(&p.entri, &ukuran) <= 40, "{p:?}");
        }
    }

    /// A name of 100.000 letters (its entry alone bigger than a shard) is cut no deeper than
    /// [`MAKS_KUNCI`] letters: it overflowed the stack, one call per letter.
    #[test]
    fn a_very_long_word_is_cut_at_the_longest_key() {
        let nama = [
            "a".repeat(100_000),
            "Anggana".to_string(),
            "ab".repeat(50_000),
        ];
        let mut t = Vec::new();
        for (i, n) in nama.iter().enumerate() {
            for (k, peran) in istilah(n) {
                t.push((k, i as u32, peran));
            }
        }
        let ukuran: Vec<usize> = nama.iter().map(|n| n.len() + 20).collect();
        let p = potong(t, &ukuran, MAKS_BAGIAN);
        let kunci: Vec<&str> = p
            .iter()
            .flat_map(|p| &p.kunci)
            .map(String::as_str)
            .collect();
        assert!(kunci.iter().all(|k| k.len() <= MAKS_KUNCI), "{kunci:?}");
        for (i, n) in nama.iter().enumerate() {
            let key = normal(n).replace(' ', "");
            let shard = p
                .iter()
                .filter(|p| p.kunci.iter().any(|k| key.starts_with(k.as_str())))
                .max_by_key(|p| p.kunci.iter().map(String::len).max())
                .unwrap();
            assert!(shard.entri.contains(&(i as u32)), "{i}: {shard:?}");
        }
    }

    #[test]
    fn entries_cannot_break_out_of_their_script() {
        let e = json_entri(
            "</script><img src=x onerror=alert(1)>",
            "d",
            "a\u{2028}b",
            "x.html",
        );
        assert!(!e.contains('<'));
        assert!(!e.contains('\u{2028}'));
        let back: Vec<String> = serde_json::from_str(&e).unwrap();
        assert_eq!(back[0], "</script><img src=x onerror=alert(1)>");
        assert_eq!(back[2], "a\u{2028}b");
    }
}
