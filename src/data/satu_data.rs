//! `[[satu_data]]`: tables in the Open Data (Satu Data) long format, as provincial portals
//! publish them: one measure per row, with its unit (`satuan`) and year (`tahun`)
//! (`kode_kabupaten_kota, nama_kabupaten_kota, jumlah, satuan, tahun`). A table is read where
//! it maps onto the contract: households (KPM) of one programme, per region and year, as the
//! allocation or as the paid figures of the year's tahap, as if the aggregate rows had been
//! written by hand. A unit that is not households (`orang`, `rupiah`) is an error naming it: a
//! count of persons is not a count of households.

#[allow(clippy::wildcard_imports)]
use super::*;
use crate::config::{JenisSatuData, SatuData};

/// The columns of a long table, by their names in the contract (`[satu_data.kolom]` maps the
/// table's own headers onto them).
const SATU_DATA: Columns = Columns {
    required: &["kode_wilayah", "nilai", "satuan", "tahun"],
    optional: &[],
};
const K_KODE: usize = 0;
const K_NILAI: usize = 1;
const K_SATUAN: usize = 2;
const K_TAHUN: usize = 3;

/// The units that count households, as portals write them (compared in lower case, letters
/// only): `KPM`, `Keluarga`, `KK`, `Rumah Tangga`, `RTS`, `Penerima`.
const SATUAN_KELUARGA: &[&str] = &[
    "kpm",
    "keluarga",
    "kk",
    "kepalakeluarga",
    "rumahtangga",
    "rt",
    "rts",
    "rtm",
    "penerima",
    "keluargapenerimamanfaat",
];

impl super::Loader {
    /// Reads every `[[satu_data]]` table into `ds`, after the aggregate inputs and the
    /// recipient lists: a table counting the households that rows of those count too (same
    /// programme × tahap, at its region, above it or below it) is refused.
    pub(super) fn satu_data(
        &mut self,
        root: &Path,
        daftar: &[SatuData],
        ds: &mut Dataset,
        diags: &mut Diagnostics,
    ) {
        for (i, d) in daftar.iter().enumerate() {
            let berkas = d.berkas.trim_start_matches("./");
            // a table of its own in data/: not an input's file (read as that input), not a
            // recipient list's folder, nothing outside
            let nama = berkas.strip_prefix("data/").unwrap_or("");
            let stem = nama.rsplit_once('.').map_or(nama, |(s, _)| s);
            let tempat_sah = !nama.is_empty()
                && !nama.contains('/')
                && !nama.starts_with('.')
                && !INPUTS.iter().any(|i| i.strip_suffix(".csv") == Some(stem));
            if !tempat_sah {
                diags.push(Diagnostic::error(
                    crate::config::CONFIG_FILE,
                    d.di.0,
                    d.di.1,
                    Some(&crate::teks::samarkan_teks(&d.berkas)),
                    Problem::SatuDataTempat,
                ));
                continue;
            }
            if let Some(lain) = daftar[..i]
                .iter()
                .find(|l| l.berkas.trim_start_matches("./") == berkas)
            {
                diags.push(Diagnostic::error(
                    crate::config::CONFIG_FILE,
                    d.di.0,
                    d.di.1,
                    Some(&d.berkas),
                    Problem::Duplicate {
                        first_line: lain.di.0,
                    },
                ));
                continue;
            }
            self.satu_tabel(root, d, ds, diags);
        }
    }

    fn satu_tabel(&mut self, root: &Path, d: &SatuData, ds: &mut Dataset, diags: &mut Diagnostics) {
        let site = crate::config::CONFIG_FILE;
        let mut rusak = false;
        for (key, ada) in [
            ("jenis", d.jenis.is_some()),
            ("program", d.program.is_some()),
            ("penyalur", d.penyalur.is_some()),
        ] {
            if !ada {
                rusak = true;
                diags.push(Diagnostic::error(
                    site,
                    d.entri_di.0,
                    d.entri_di.1,
                    None,
                    Problem::MissingKey {
                        key: key.to_string(),
                    },
                ));
            }
        }
        let semua = || SATU_DATA.required.iter().copied();
        for k in &d.kolom {
            if !semua().any(|c| c == k.kontrak) {
                rusak = true;
                diags.push(super::kunci_asing(k.di, &k.kontrak, semua()));
            }
        }
        let program = d.program.as_ref().and_then(|(kode, di)| {
            let id = ds
                .program
                .iter()
                .position(|p| p.kode.eq_ignore_ascii_case(kode))
                .and_then(ProgramId::baru);
            if id.is_none() {
                diags.push(Diagnostic::error(
                    site,
                    di.0,
                    di.1,
                    Some(kode),
                    Problem::UnknownCode {
                        kind: CodeKind::Program,
                        nearest: crate::dasar::saran::nearest(
                            kode,
                            ds.program.iter().map(|p| p.kode.as_str()),
                        ),
                        berkas: berkas_kode(&ds.inputs, CodeKind::Program),
                    },
                ));
            }
            id
        });
        let penyalur = d
            .penyalur
            .as_ref()
            .and_then(|(p, _)| self.penyalur_nama(p, ds));
        let (false, Some(jenis), Some(program), Some(penyalur)) =
            (rusak, d.jenis, program, penyalur)
        else {
            return;
        };
        let name = d.berkas.as_str();
        if std::fs::symlink_metadata(root.join(name)).is_err() {
            diags.push(Diagnostic::error(name, 0, 0, None, Problem::MissingFile));
            return;
        }
        let Some(mut t) =
            Table::open_dipetakan(root, name, &SATU_DATA, self.batas, &d.kolom, diags)
        else {
            return;
        };
        let tempat = t.name.clone();
        let name = tempat.as_str();
        // (programme, tahap, region) → (KPM, line)
        let mut baris: std::collections::BTreeMap<(TahapId, WilayahId), (u64, u64)> =
            std::collections::BTreeMap::new();
        {
            let lookup = Lookup::new(ds, &self.tahap_rusak);
            t.for_each_row(diags, |row, diags| {
                let wilayah = lookup.wilayah_at(name, row, K_KODE, diags);
                let kpm = match value::count(row.get(K_NILAI), Expected::Count) {
                    Ok(n) => Some(n),
                    Err(p) => {
                        report(name, row, K_NILAI, p, diags);
                        None
                    }
                };
                let satuan: String = String::from_utf8_lossy(row.get(K_SATUAN))
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .flat_map(char::to_lowercase)
                    .collect();
                let satuan_ok = SATUAN_KELUARGA.contains(&satuan.as_str());
                if !satuan_ok {
                    report(name, row, K_SATUAN, Problem::SatuanBukanKeluarga, diags);
                }
                let tahun = String::from_utf8_lossy(row.get(K_TAHUN)).trim().to_string();
                let kode_tahap = d
                    .tahun
                    .iter()
                    .find(|(y, _)| *y == tahun)
                    .map_or(tahun.as_str(), |(_, k)| k.as_str());
                let tahap = lookup
                    .tahap
                    .iter()
                    .position(|t| t.kode.eq_ignore_ascii_case(kode_tahap))
                    .and_then(TahapId::baru);
                if tahap.is_none() {
                    report(
                        name,
                        row,
                        K_TAHUN,
                        Problem::TahunTanpaTahap {
                            kode: kode_tahap.to_string(),
                        },
                        diags,
                    );
                }
                let (Some(w), Some(kpm), true, Some(tahap)) = (wilayah, kpm, satuan_ok, tahap)
                else {
                    return;
                };
                match baris.entry((tahap, w)) {
                    std::collections::btree_map::Entry::Occupied(e) => {
                        report(
                            name,
                            row,
                            K_KODE,
                            Problem::Duplicate {
                                first_line: e.get().1,
                            },
                            diags,
                        );
                    }
                    std::collections::btree_map::Entry::Vacant(e) => {
                        e.insert((kpm, row.line));
                    }
                }
            });
        }
        // the households other rows count: aggregate files and recipient lists, at the
        // region, above it or below it
        let mut lain: rustc_hash::FxHashSet<(TahapId, WilayahId)> =
            rustc_hash::FxHashSet::default();
        // an allocation table against the allocation rows, a paid one against the paid rows
        let (ada, berkas): (Vec<(TahapId, WilayahId)>, &str) = match jenis {
            JenisSatuData::Alokasi => (
                ds.alokasi
                    .iter()
                    .filter(|a| a.program == program)
                    .map(|a| (a.tahap, a.wilayah))
                    .collect(),
                "data/alokasi.csv",
            ),
            JenisSatuData::Tersalur => (
                ds.realisasi
                    .iter()
                    .filter(|r| r.program == program && r.status == Status::Tersalur)
                    .map(|r| (r.tahap, r.wilayah))
                    .collect(),
                "data/realisasi.csv",
            ),
        };
        for (tahap, w) in ada {
            if lain.insert((tahap, w)) {
                for a in ds.wilayah.ancestors(w) {
                    lain.insert((tahap, a));
                }
            }
        }
        let mut jumlah_nilai = Jumlah::default();
        for (&(tahap, wilayah), &(kpm, line)) in &baris {
            // a row whose region lies under another row's of the table (a kota total and its
            // kecamatan) would count its households twice
            let di_atas = ds
                .wilayah
                .ancestors(wilayah)
                .into_iter()
                .any(|a| baris.contains_key(&(tahap, a)));
            if di_atas {
                diags.push(Diagnostic::error(
                    name,
                    line,
                    t.column_number(K_KODE),
                    Some(&ds.wilayah.node(wilayah).kode_teks),
                    Problem::SatuDataBertumpuk {
                        program: ds.program[program.indeks()].kode.clone(),
                        tahap: ds.tahap[tahap.indeks()].kode.clone(),
                        berkas: t.berkas.clone(),
                    },
                ));
                continue;
            }
            let bertumpuk = std::iter::once(wilayah)
                .chain(ds.wilayah.ancestors(wilayah))
                .any(|a| lain.contains(&(tahap, a)));
            if bertumpuk {
                diags.push(Diagnostic::error(
                    name,
                    line,
                    t.column_number(K_KODE),
                    Some(&ds.wilayah.node(wilayah).kode_teks),
                    Problem::SatuDataBertumpuk {
                        program: ds.program[program.indeks()].kode.clone(),
                        tahap: ds.tahap[tahap.indeks()].kode.clone(),
                        berkas: berkas.to_string(),
                    },
                ));
                continue;
            }
            let nilai = ds.program[program.indeks()]
                .nilai_per_kpm
                .map(|tarif| tarif.saturating_mul(kpm));
            if let Some(n) = nilai
                && let Err(sebelum) = jumlah_nilai.tambah(n)
            {
                diags.push(luap(name, line, t.column_number(K_NILAI), n, sebelum));
            }
            match jenis {
                JenisSatuData::Alokasi => ds.alokasi.push(Alokasi {
                    program,
                    tahap,
                    wilayah,
                    penyalur,
                    kpm,
                    nilai,
                }),
                JenisSatuData::Tersalur => ds.realisasi.push(Realisasi {
                    program,
                    tahap,
                    wilayah,
                    penyalur,
                    tanggal: ds.tahap[tahap.indeks()].selesai,
                    status: Status::Tersalur,
                    alasan: None,
                    kpm,
                    nilai,
                }),
            }
        }
        ds.inputs.push(InputFile::dari(&t));
        ds.satu_data.push(t.berkas.clone());
    }
}
