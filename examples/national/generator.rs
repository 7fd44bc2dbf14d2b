//! The national benchmark site: the real Kemendagri region tree of all Indonesia (38 provinsi,
//! 514 kabupaten/kota, 7,285 kecamatan, 83,762 desa/kelurahan, from the vendored idn-area-data,
//! ODbL) with synthetic figures: 8 programmes, 4 tahap, allocations for every desa/kelurahan and
//! N realisation rows (about 7% `gagal` with a reason) in random order, and a payment schedule
//! for PKH in the last tahap: one titik bayar per desa/kelurahan, per RW and per hour, at most
//! 200 KPM a day; and the channels' reports of the first tahap per kecamatan × programme
//! (`laporan_penyalur.csv`, 2% of rows off). Seeded: the same options give byte-identical
//! files.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What to generate and where.
pub struct Options {
    /// The site folder to write (`site.toml`, `data/`).
    pub out: PathBuf,
    /// Realisation rows.
    pub rows: u64,
    /// Seed of the random generator.
    pub seed: u64,
    /// The folder with idn-area-data's `provinces.csv`, `regencies.csv`, `districts.csv`,
    /// `villages.csv`.
    pub vendor: PathBuf,
}

/// What was generated.
#[derive(Debug, Default)]
pub struct Summary {
    /// Regions written.
    pub wilayah: usize,
    /// Desa/kelurahan among them.
    pub desa: usize,
    /// Allocation rows.
    pub alokasi: usize,
    /// Realisation rows.
    pub realisasi: u64,
    /// Realisation rows with status `gagal`.
    pub gagal: u64,
    /// Schedule rows (`jadwal.csv`).
    pub jadwal: usize,
    /// Channel report rows (`laporan_penyalur.csv`).
    pub laporan: usize,
}

const PROGRAM: &[(&str, &str, &str, &str)] = &[
    ("PKH", "Program Keluarga Harapan", "APBN", ""),
    ("SEMBAKO", "Program Sembako (BPNT)", "APBN", "600000"),
    ("BST", "Bantuan Sosial Tunai", "APBN", "600000"),
    ("BLT-DD", "BLT Dana Desa", "APBN", "900000"),
    ("BLT-BBM", "BLT BBM", "APBN", "300000"),
    ("YAPI", "Bantuan Yatim Piatu", "APBN", "600000"),
    ("PENA", "Pahlawan Ekonomi Nusantara", "APBN", ""),
    ("BANSOS-APBD", "Bansos Tunai APBD", "APBD", "500000"),
];

const TAHAP: &[(&str, &str, &str, &str)] = &[
    ("2024-T1", "Tahap I 2024", "2024-01-01", "2024-03-31"),
    ("2024-T2", "Tahap II 2024", "2024-04-01", "2024-06-30"),
    ("2024-T3", "Tahap III 2024", "2024-07-01", "2024-09-30"),
    ("2024-T4", "Tahap IV 2024", "2024-10-01", "2024-12-31"),
];

const PENYALUR: &[&str] = &["BRI", "BNI", "Bank Mandiri", "BSI", "PT Pos Indonesia"];

const ALASAN: &[&str] = &[
    "meninggal dunia",
    "pindah domisili",
    "tidak ditemukan",
    "tidak hadir",
    "tidak tahu jadwal",
    "lansia",
    "data ganda",
    "KKS rusak",
];

fn read_rows(path: &Path) -> io::Result<Vec<[String; 2]>> {
    let mut reader = csv::Reader::from_path(path).map_err(io::Error::other)?;
    let mut out = Vec::new();
    for r in reader.records() {
        let r = r.map_err(io::Error::other)?;
        let name = r.get(r.len() - 1).unwrap_or("").to_string();
        out.push([r.get(0).unwrap_or("").to_string(), name]);
    }
    Ok(out)
}

fn days(mulai: &str, selesai: &str) -> Vec<String> {
    let (Ok(a), Ok(b)) = (
        mulai.parse::<jiff::civil::Date>(),
        selesai.parse::<jiff::civil::Date>(),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut d = a;
    while d <= b {
        out.push(d.to_string());
        match d.tomorrow() {
            Ok(n) => d = n,
            Err(_) => break,
        }
    }
    out
}

/// Writes the site.
pub fn generate(o: &Options) -> io::Result<Summary> {
    let mut rng = ChaCha8Rng::seed_from_u64(o.seed);
    let data = o.out.join("data");
    fs::create_dir_all(&data)?;
    fs::write(
        o.out.join("site.toml"),
        "title = \"Transparansi Bansos Nasional (benchmark)\"\n\
         description = \"Situs uji skala nasional: wilayah nyata, angka sintetis.\"\n\
         language = \"id\"\n\
         attribution = [\"Data wilayah: idn-area-data (ODbL).\", \"Angka penyaluran sintetis untuk uji kinerja.\"]\n\
         \n[rekonsiliasi]\ntoleransi_kpm = 2\n\
         \n# every desa has RW slots: a calendar per RW would add about 458.000 files\n\
         [jadwal]\nkalender_rw = false\n",
    )?;

    let mut summary = Summary::default();
    let mut wilayah = BufWriter::new(File::create(data.join("wilayah.csv"))?);
    writeln!(wilayah, "kode,nama")?;
    let mut all = Vec::new();
    for f in ["provinces.csv", "regencies.csv", "districts.csv"] {
        all.extend(read_rows(&o.vendor.join(f))?);
    }
    let villages = read_rows(&o.vendor.join("villages.csv"))?;
    summary.desa = villages.len();
    all.extend(villages.iter().cloned());
    all.sort_by(|a, b| a[0].cmp(&b[0]));
    let mut w = csv::Writer::from_writer(&mut wilayah);
    for [kode, nama] in &all {
        w.write_record([kode, nama]).map_err(io::Error::other)?;
    }
    w.flush()?;
    drop(w);
    wilayah.flush()?;
    summary.wilayah = all.len();

    let mut program = BufWriter::new(File::create(data.join("program.csv"))?);
    writeln!(program, "kode,nama,sumber_dana,nilai_per_kpm,periode")?;
    for (kode, nama, dana, nilai) in PROGRAM {
        writeln!(program, "{kode},{nama},{dana},{nilai},tahap")?;
    }
    program.flush()?;

    let mut tahap = BufWriter::new(File::create(data.join("tahap.csv"))?);
    writeln!(tahap, "kode,nama,mulai,selesai,target")?;
    for (kode, nama, mulai, selesai) in TAHAP {
        writeln!(tahap, "{kode},{nama},{mulai},{selesai},{selesai}")?;
    }
    tahap.flush()?;

    // Every desa/kelurahan gets PKH and SEMBAKO, BLT-DD if it is a desa, and each other
    // programme with probability 0.3; one penyalur per kabupaten × programme.
    struct Sel {
        desa: u32,
        program: u8,
        penyalur: u8,
    }
    let mut sel = Vec::new();
    let mut alokasi = BufWriter::new(File::create(data.join("alokasi.csv"))?);
    writeln!(alokasi, "program,tahap,kode_wilayah,penyalur,kpm")?;
    let penyalur_of = |kode: &str, p: usize| -> u8 {
        let kab: u64 = kode
            .bytes()
            .take(5)
            .filter(u8::is_ascii_digit)
            .fold(0, |n, b| n * 10 + u64::from(b - b'0'));
        ((kab * 31 + p as u64 * 7) % PENYALUR.len() as u64) as u8
    };
    let mut cells = 0usize;
    // the schedule: PKH in the last tahap, which is still running
    let mut jadwal = BufWriter::new(File::create(data.join("jadwal.csv"))?);
    writeln!(
        jadwal,
        "program,tahap,titik_bayar,kode_wilayah,lokasi,tanggal,mulai,selesai,rw,kpm"
    )?;
    let (jadwal_tahap, ..) = TAHAP[TAHAP.len() - 1];
    for (d, [kode, nama]) in villages.iter().enumerate() {
        let is_desa = kode.rsplit('.').next().is_some_and(|s| s.starts_with('2'));
        for (p, (pk, ..)) in PROGRAM.iter().enumerate() {
            let has = match *pk {
                "PKH" | "SEMBAKO" => true,
                "BLT-DD" => is_desa,
                _ => rng.random_bool(0.3),
            };
            if !has {
                continue;
            }
            let penyalur = penyalur_of(kode, p);
            sel.push(Sel {
                desa: d as u32,
                program: p as u8,
                penyalur,
            });
            for (tk, ..) in TAHAP {
                let kpm = rng.random_range(60..=400);
                writeln!(
                    alokasi,
                    "{pk},{tk},{kode},{},{kpm}",
                    PENYALUR[penyalur as usize]
                )?;
                cells += 1;
                if *pk == "PKH" && *tk == jadwal_tahap {
                    summary.jadwal += tulis_jadwal(&mut jadwal, pk, tk, kode, nama, kpm)?;
                }
            }
        }
    }
    alokasi.flush()?;
    jadwal.flush()?;
    summary.alokasi = cells;

    // Realisation rows in random order: each row picks a cell and a day at random.
    // The last tahap is still running, as on a site rebuilt mid-tahap: its rows stop 20 days
    // before its end (and target), so every page has a deadline view for it.
    let mut days: Vec<Vec<String>> = TAHAP.iter().map(|(_, _, a, b)| days(a, b)).collect();
    if let Some(last) = days.last_mut() {
        last.truncate(last.len().saturating_sub(20).max(1));
    }
    let mut realisasi =
        BufWriter::with_capacity(1 << 20, File::create(data.join("realisasi.csv"))?);
    writeln!(
        realisasi,
        "program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm"
    )?;
    // the channels' reports: paid KPM of the first tahap per kecamatan × programme
    let mut kec_of: Vec<u32> = Vec::with_capacity(villages.len());
    let mut kec_kode: Vec<&str> = Vec::new();
    for [kode, _] in &villages {
        let kec = &kode[..kode.rfind('.').unwrap_or(kode.len())];
        if kec_kode.last() != Some(&kec) {
            kec_kode.push(kec);
        }
        kec_of.push(kec_kode.len() as u32 - 1);
    }
    let mut dibayar = vec![0u64; kec_kode.len() * PROGRAM.len()];
    for _ in 0..o.rows {
        let s = &sel[rng.random_range(0..sel.len())];
        let t = rng.random_range(0..TAHAP.len());
        let day = &days[t][rng.random_range(0..days[t].len())];
        let gagal = rng.random_bool(0.07);
        let kpm: u32 = if gagal {
            rng.random_range(1..=4)
        } else {
            rng.random_range(5..=60)
        };
        if !gagal && t == 0 {
            dibayar[kec_of[s.desa as usize] as usize * PROGRAM.len() + s.program as usize] +=
                u64::from(kpm);
        }
        let (status, alasan) = if gagal {
            summary.gagal += 1;
            ("gagal", ALASAN[rng.random_range(0..ALASAN.len())])
        } else {
            ("tersalur", "")
        };
        writeln!(
            realisasi,
            "{},{},{},{},{day},{status},{alasan},{kpm}",
            PROGRAM[s.program as usize].0,
            TAHAP[t].0,
            villages[s.desa as usize][0],
            PENYALUR[s.penyalur as usize],
        )?;
    }
    realisasi.flush()?;
    summary.realisasi = o.rows;

    // One branch per kabupaten/kota and penyalur reports on the first tahap at its end: its
    // figure is Dinsos's, but one row in 50 is 3 KPM off (beyond the tolerance of 2) and one
    // in 50 is 1 off (within it).
    let mut laporan = BufWriter::new(File::create(data.join("laporan_penyalur.csv"))?);
    writeln!(
        laporan,
        "penyalur,cabang,program,tahap,kode_wilayah,kpm,nilai,tanggal_laporan"
    )?;
    let (tahap0, _, _, akhir0) = TAHAP[0];
    for (k, kec) in kec_kode.iter().enumerate() {
        for (p, (pk, ..)) in PROGRAM.iter().enumerate() {
            let kpm = dibayar[k * PROGRAM.len() + p];
            if kpm == 0 {
                continue;
            }
            let kpm = match (k * 7 + p) % 50 {
                0 => kpm + 3,
                1 => kpm - 1,
                _ => kpm,
            };
            writeln!(
                laporan,
                "{},Cabang {},{pk},{tahap0},{kec},{kpm},,{akhir0}",
                PENYALUR[penyalur_of(kec, p) as usize],
                &kec[..5]
            )?;
            summary.laporan += 1;
        }
    }
    laporan.flush()?;
    Ok(summary)
}

/// Writes the schedule of one desa/kelurahan's `kpm` KPM: its own titik bayar (named with the
/// code, since names repeat across the country), RWs of 25–60 KPM, one hourly slot each from
/// 08.00, at most 200 KPM a day, from 14 October 2024. Returns the rows written.
fn tulis_jadwal(
    out: &mut impl Write,
    program: &str,
    tahap: &str,
    kode: &str,
    nama: &str,
    kpm: u32,
) -> io::Result<usize> {
    let nama = nama.replace([',', '"'], " ");
    let titik = format!("Balai {nama} {kode}");
    let lokasi = format!("Balai {nama}");
    let mut sisa = kpm;
    let mut rw = 0u32;
    let mut hari = 0u32;
    let mut jam = 8u32;
    let mut hari_ini = 0u32;
    let mut rows = 0;
    while sisa > 0 {
        // RW sizes from the code, so the same input gives the same schedule
        let ukuran = 25 + (kode.len() as u32 * 7 + rw * 13) % 36;
        let n = sisa.min(ukuran);
        if hari_ini + n > 200 || jam >= 14 {
            hari += 1;
            jam = 8;
            hari_ini = 0;
        }
        rw += 1;
        writeln!(
            out,
            "{program},{tahap},{titik},{kode},{lokasi},2024-10-{:02},{jam:02}.00,{:02}.00,{rw:02},{n}",
            14 + hari,
            jam + 1
        )?;
        rows += 1;
        hari_ini += n;
        sisa -= n;
        jam += 1;
    }
    Ok(rows)
}
