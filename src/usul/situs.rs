//! `salur jadwal usul`: a payment schedule proposed for a whole site, from `data/rw.csv` and
//! `[jadwal.usul]` of `site.toml`. It reads the site as a build does, asks the pure core
//! ([`super::usul`]) for each desa/kelurahan's slots and writes them as `jadwal.csv` would hold
//! them. It writes no file: the command prints or saves the text.

use std::path::Path;

use crate::config::{self, Config};
use crate::diagnostics::{self, Diagnostics};
use crate::lang::Lang;
use crate::{Error, data, format, usul};

/// A proposed payment schedule (`salur jadwal usul`).
#[derive(Debug, Clone)]
pub struct UsulJadwal {
    /// The schedule as `jadwal.csv`.
    pub csv: String,
    /// Slots proposed.
    pub slot: usize,
    /// Payment points (one per desa/kelurahan).
    pub titik_bayar: usize,
    /// KPM scheduled.
    pub kpm: u64,
    /// The site's language.
    pub lang: Lang,
}

/// Proposes `jadwal.csv` from `data/rw.csv` and `[jadwal.usul]` in `site.toml`: one payment
/// point per desa/kelurahan at its office, the RWs in hourly slots within
/// `[jadwal] max_kpm_per_day` (see [`usul::usul`]). Writes nothing.
pub fn usul_jadwal(root: &Path) -> Result<UsulJadwal, Error> {
    use diagnostics::{CodeKind, Diagnostic, Problem};
    let config = Config::load(root).map_err(|diagnostics| Error::Input {
        lang: Config::bahasa(root),
        diagnostics,
    })?;
    let lang = config.language;
    let fail = |d: Diagnostic| {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(d);
        Error::Input { lang, diagnostics }
    };
    let (data, _) =
        data::load(root, &config).map_err(|diagnostics| Error::Input { lang, diagnostics })?;
    let teks =
        crate::render::kata_tema(root, &config).map_err(|source| Error::Render { lang, source })?;
    let kata = crate::site::kata::Kata::new(&teks);
    let Some(aturan) = config.jadwal.usul.clone() else {
        return Err(fail(Diagnostic::error(
            config::CONFIG_FILE,
            0,
            0,
            None,
            Problem::UsulTanpaAturan,
        )));
    };
    // an unknown code is placed where it is written in site.toml, with the nearest known one
    let unknown = |value: &str, (line, column): (u64, u64), kind, known: Vec<&str>| {
        fail(Diagnostic::error(
            config::CONFIG_FILE,
            line,
            column,
            Some(value),
            Problem::UnknownCode {
                kind,
                nearest: crate::dasar::saran::nearest(value, known.into_iter()),
                berkas: data.berkas_kode(kind),
            },
        ))
    };
    let program = data
        .program
        .iter()
        .find(|p| p.kode.eq_ignore_ascii_case(&aturan.program))
        .ok_or_else(|| {
            let known = data.program.iter().map(|p| p.kode.as_str()).collect();
            unknown(&aturan.program, aturan.program_di, CodeKind::Program, known)
        })?;
    let tahap = data
        .tahap
        .iter()
        .find(|t| t.kode.eq_ignore_ascii_case(&aturan.tahap))
        .ok_or_else(|| {
            let known = data.tahap.iter().map(|t| t.kode.as_str()).collect();
            unknown(&aturan.tahap, aturan.tahap_di, CodeKind::Tahap, known)
        })?;
    // the RW counts of `rw.csv`, else those the recipient lists counted
    let (rw, tempat_rw) = if !data::table::ada(root, "data/rw.csv") && !data.rw_penerima.is_empty()
    {
        let tempat = data
            .penerima
            .iter()
            .map(|p| p.berkas.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        (data.rw_penerima.clone(), tempat)
    } else {
        data::rw(root, &data, &config).map_err(|diagnostics| Error::Input { lang, diagnostics })?
    };
    let hari: Vec<jiff::civil::Date> = (0..i64::from(aturan.jumlah_hari))
        .filter_map(|i| aturan.mulai.checked_add(jiff::Span::new().days(i)).ok())
        .collect();
    // every proposed day must fall inside the tahap, or `check` would reject the schedule
    if let Some(&hari_luar) = hari.iter().find(|&&d| d < tahap.mulai || d > tahap.selesai) {
        let (line, column) = aturan.mulai_di;
        return Err(fail(Diagnostic::error(
            config::CONFIG_FILE,
            line,
            column,
            Some(&hari_luar.to_string()),
            Problem::OutsideTahap {
                tahap: tahap.kode.clone(),
                mulai: tahap.mulai.to_string(),
                selesai: tahap.selesai.to_string(),
                berkas: data.nama_berkas("data/tahap.csv"),
            },
        )));
    }

    // one payment point per desa/kelurahan, in code order; its RWs in file order
    let mut per_desa: Vec<(data::WilayahId, Vec<(String, u64)>)> = Vec::new();
    for r in &rw {
        match per_desa.iter_mut().find(|(w, _)| *w == r.wilayah) {
            Some((_, list)) => list.push((r.rw.clone(), r.kpm)),
            None => per_desa.push((r.wilayah, vec![(r.rw.clone(), r.kpm)])),
        }
    }
    per_desa.sort_by_key(|(w, _)| *w);
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = data::JADWAL_KOLOM;
    let io = |e: csv::Error| {
        fail(Diagnostic::error(
            "data/jadwal.csv",
            0,
            0,
            None,
            Problem::Io(e.to_string()),
        ))
    };
    writer.write_record(header).map_err(io)?;
    let (mut slot, mut kpm) = (0, 0u64);
    for (w, rws) in &per_desa {
        let node = data.wilayah.node(*w);
        let permintaan = usul::Permintaan {
            rw: rws,
            hari: &hari,
            jam_mulai: aturan.jam_mulai,
            jam_selesai: aturan.jam_selesai,
            menit_slot: aturan.menit_slot,
            kapasitas_per_hari: config.jadwal.max_kpm_per_day,
        };
        let slots = usul::usul(&permintaan).map_err(|e| {
            let usul::UsulError::TidakMuat {
                kpm,
                hari,
                kapasitas,
                slot,
            } = e;
            fail(Diagnostic::error(
                &tempat_rw,
                0,
                0,
                None,
                Problem::UsulTidakMuat {
                    wilayah: format!("{} ({})", node.nama, node.kode_teks),
                    kpm,
                    hari,
                    kapasitas,
                    slot,
                },
            ))
        })?;
        let lokasi = crate::pesan!(
            lang,
            "perintah.lokasi_kantor",
            wilayah = kata.nama_wilayah(node)
        );
        for s in &slots {
            writer
                .write_record([
                    program.kode.as_str(),
                    tahap.kode.as_str(),
                    node.nama.as_str(),
                    node.kode_teks.as_str(),
                    lokasi.as_str(),
                    &s.tanggal.to_string(),
                    &format::jam(s.mulai, Lang::Id),
                    &format::jam(s.selesai, Lang::Id),
                    s.rw.as_str(),
                    &s.kpm.to_string(),
                ])
                .map_err(io)?;
            slot += 1;
            kpm += s.kpm;
        }
    }
    let bytes = writer.into_inner().map_err(|e| io(e.into_error().into()))?;
    Ok(UsulJadwal {
        csv: String::from_utf8_lossy(&bytes).into_owned(),
        slot,
        titik_bayar: per_desa.len(),
        kpm,
        lang,
    })
}
