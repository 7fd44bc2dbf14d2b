//! Making the plan: every page of the site, and the indexes the page kinds read.

use rustc_hash::FxHashMap as HashMap;

use super::{BerkasStatis, Halaman, Situs, TENTANG_DATA, cari, file_slug, jadwal};
use crate::analysis::Report;
use crate::config::Config;
use crate::content::Content;
use crate::data::{Dataset, ProgramId, TahapId, WilayahId};

impl<'a> Situs<'a> {
    /// Plans the site. `sidik_tema` is the theme's fingerprint
    /// ([`crate::render::Renderer::sidik_jari`]); `statis` the static files
    /// written beside the pages ([`crate::render::static_files`]).
    ///
    /// Every output path is claimed once ([`jalur`]): two inputs (or an input and a page salur
    /// makes itself) that would be one file, and a file name too long for file systems, are
    /// input errors at the inputs' places, returned before anything is written.
    pub fn plan(
        config: &'a Config,
        data: &'a Dataset,
        report: &'a Report,
        content: &'a Content,
        sidik_tema: u64,
        kata: &'a toml::Table,
        statis: &[BerkasStatis],
    ) -> Result<Situs<'a>, crate::diagnostics::Diagnostics> {
        let mut halaman = vec![
            Halaman::Beranda,
            Halaman::TentangData,
            Halaman::KualitasData,
            Halaman::Koreksi,
            Halaman::TidakDitemukan,
        ];
        halaman.push(Halaman::DaftarProgram);
        halaman.extend(
            (0..data.program.len()).filter_map(|p| ProgramId::baru(p).map(Halaman::Program)),
        );
        halaman.push(Halaman::DaftarTahap);
        halaman.extend((0..data.tahap.len()).filter_map(|t| TahapId::baru(t).map(Halaman::Tahap)));
        for (i, h) in content.halaman.iter().enumerate() {
            if h.slug != TENTANG_DATA {
                halaman.push(Halaman::Konten(i));
            }
        }
        halaman.push(Halaman::ArsipRapat);
        halaman.push(Halaman::TindakLanjut);
        halaman.extend((0..content.rapat.len()).map(Halaman::Rapat));
        halaman.extend(
            (0..data.wilayah.len()).filter_map(|w| WilayahId::baru(w).map(Halaman::Wilayah)),
        );
        // the printable briefs: the whole site's, and each region's with children and figures
        // (not a desa/kelurahan's: a brief per desa would double a national site's pages)
        if !report.total.sel.is_empty() {
            halaman.push(Halaman::Ringkas(None));
        }
        halaman.extend(
            WilayahId::semua(data.wilayah.len())
                .filter(|&w| {
                    super::ringkas::ada_ringkas(
                        &report.wilayah[w.indeks()],
                        data.wilayah.node(w).anak.len(),
                    )
                })
                .map(|w| Halaman::Ringkas(Some(w))),
        );
        // downloads: the whole site's figures, and each region's with its children's (a
        // desa/kelurahan's rows are in its kecamatan's file: one file fewer per desa)
        halaman.extend([
            Halaman::UnduhAngka(None, false),
            Halaman::UnduhAngka(None, true),
        ]);
        for w in WilayahId::semua(data.wilayah.len()) {
            if !data.wilayah.node(w).anak.is_empty() {
                halaman.extend([
                    Halaman::UnduhAngka(Some(w), false),
                    Halaman::UnduhAngka(Some(w), true),
                ]);
            }
        }
        let mut dijadwalkan: Vec<WilayahId> = data.jadwal.iter().map(|j| j.wilayah).collect();
        dijadwalkan.sort_unstable();
        dijadwalkan.dedup();
        halaman.extend(dijadwalkan.into_iter().map(Halaman::Kalender));
        let jadwal_titik = {
            let mut v: Vec<Vec<usize>> = vec![Vec::new(); data.titik_bayar.len()];
            for (i, j) in data.jadwal.iter().enumerate() {
                if let Some(slots) = v.get_mut(j.titik_bayar.indeks()) {
                    slots.push(i);
                }
            }
            for slots in &mut v {
                slots.sort_by_key(|&i| {
                    let j = &data.jadwal[i];
                    (j.tanggal, j.mulai, j.baris)
                });
            }
            v
        };
        // a payment point shared by several desa/kelurahan has its own page and calendar; one
        // that serves a single desa/kelurahan is shown on that desa's page, whose calendar
        // holds the same events (at national scale, two files fewer per desa)
        let titik_bersama: Vec<bool> = jadwal_titik
            .iter()
            .map(|slots| {
                let mut wilayah = slots.iter().map(|&i| data.jadwal[i].wilayah);
                let first = wilayah.next();
                wilayah.any(|w| Some(w) != first)
            })
            .collect();
        for (t, &bersama) in titik_bersama.iter().enumerate() {
            if bersama {
                let Some(t) = crate::data::TitikBayarId::baru(t) else {
                    continue;
                };
                halaman.push(Halaman::TitikBayar(t));
                halaman.push(Halaman::KalenderTitik(t));
            }
        }
        let mut rapat_wilayah: HashMap<WilayahId, Vec<usize>> = HashMap::default();
        let mut rapat_program: HashMap<ProgramId, Vec<usize>> = HashMap::default();
        let mut rapat_tahap: HashMap<TahapId, Vec<usize>> = HashMap::default();
        for (i, r) in content.rapat.iter().enumerate() {
            for &w in &r.wilayah_id {
                rapat_wilayah.entry(w).or_default().push(i);
            }
            for &p in &r.program_id {
                rapat_program.entry(p).or_default().push(i);
            }
            for &t in &r.tahap_id {
                rapat_tahap.entry(t).or_default().push(i);
            }
        }
        let sidik_umum = {
            use std::hash::{Hash, Hasher};
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            sidik_tema.hash(&mut h);
            config.hash(&mut h);
            data.program.hash(&mut h);
            data.tahap.hash(&mut h);
            data.penyalur.hash(&mut h);
            data.alasan.hash(&mut h);
            data.titik_bayar.hash(&mut h);
            // a statement of where figures come from speaks of a region and those below it
            data.sumber_angka.hash(&mut h);
            // the source lines name the recipient lists, the about page counts them
            data.penerima.hash(&mut h);
            // and the open-data tables read beside the aggregate files
            data.satu_data.hash(&mut h);
            // the comparisons' links, on every region and ranking page, carry their regions'
            // names
            for ids in &report.bandingkan {
                for &w in ids {
                    data.wilayah.node(w).nama.hash(&mut h);
                }
            }
            // every page's search box names the site's first desa/kelurahan
            cari::contoh(&data.wilayah).hash(&mut h);
            report.tahap_data_per.hash(&mut h);
            report.data_per.hash(&mut h);
            for page in &content.halaman {
                page.slug.hash(&mut h);
                page.judul.hash(&mut h);
            }
            h.finish()
        };
        let mut situs = Situs {
            config,
            data,
            report,
            content,
            halaman,
            sidik_umum,
            program_slug: data.program.iter().map(|p| file_slug(&p.kode)).collect(),
            titik_slug: data
                .titik_bayar
                .iter()
                .map(|t| jadwal::slug_titik(t))
                .collect(),
            tahap_slug: data.tahap.iter().map(|t| file_slug(&t.kode)).collect(),
            rapat_wilayah,
            jadwal_wilayah: {
                // one parallel sort of every slot, then a run per region
                use rayon::slice::ParallelSliceMut;
                let mut urut: Vec<usize> = (0..data.jadwal.len()).collect();
                urut.par_sort_unstable_by_key(|&i| {
                    let j = &data.jadwal[i];
                    (j.wilayah, j.program, j.tahap, j.tanggal, j.mulai, j.baris)
                });
                urut.chunk_by(|&a, &b| data.jadwal[a].wilayah == data.jadwal[b].wilayah)
                    .map(|run| (data.jadwal[run[0]].wilayah, run.to_vec()))
                    .collect()
            },
            jadwal_titik,
            titik_bersama,
            rapat_program,
            rapat_tahap,
            desa_seluruh: (0..data.tahap.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            jadwal_kota: HashMap::default(),
            gagal_kota: Vec::new(),
            rekon_kota: Vec::new(),
            rekon_cabang: Vec::new(),
            rekon_wilayah: Default::default(),
            sidik_gagal: Vec::new(),
            peringkat_wilayah: vec![false; data.wilayah.len()],
            sidik_pohon: {
                use std::hash::{Hash, Hasher};
                let mut h = xxhash_rust::xxh3::Xxh3::new();
                for n in &data.wilayah.nodes {
                    (&n.kode, &n.nama, n.induk).hash(&mut h);
                }
                h.finish()
            },
            peringkat_situs: false,
            cari: cari::Indeks::default(),
            cari_contoh: String::new(),
            kata: super::kata::Kata::new(kata),
            koreksi_wilayah: HashMap::default(),
        };
        situs.koreksi_wilayah = situs.hitung_koreksi_wilayah();
        situs.cari_contoh = cari::contoh(&data.wilayah)
            .map(|nama| situs.kata.isi("cari_contoh", &[("nama", nama)]))
            .unwrap_or_default();
        // a calendar per RW of each desa/kelurahan with RW slots, beside its page (planned
        // here, once the slots are indexed per region)
        let rw = if config.jadwal.kalender_rw {
            situs.kalender_rw_semua()
        } else {
            Vec::new()
        };
        situs
            .halaman
            .extend(rw.into_iter().map(Halaman::KalenderRw));
        situs.rekon_wilayah = situs.hitung_rekon_wilayah();
        situs.sidik_gagal = situs.hitung_sidik_gagal();
        (situs.rekon_kota, situs.rekon_cabang) = situs.hitung_rekon();
        let rekon: Vec<WilayahId> = situs.rekon_kota.iter().map(|(w, _)| *w).collect();
        situs
            .halaman
            .extend(rekon.into_iter().map(Halaman::RekonKota));
        situs
            .halaman
            .extend((0..situs.rekon_cabang.len()).map(Halaman::RekonCabang));
        situs.gagal_kota = situs.hitung_gagal_kota();
        let gagal: Vec<WilayahId> = situs.gagal_kota.iter().map(|(w, _)| *w).collect();
        for w in gagal {
            situs
                .halaman
                .extend([Halaman::GagalKota(w), Halaman::UnduhGagalKota(w)]);
        }
        situs
            .halaman
            .extend((0..data.tahap.len()).filter_map(|t| TahapId::baru(t).map(Halaman::Perubahan)));
        situs.halaman.extend([Halaman::Feed, Halaman::Robots]);
        let dataset = situs.dataset_ada();
        situs
            .halaman
            .extend(dataset.into_iter().map(Halaman::Dataset));
        situs
            .halaman
            .extend([Halaman::SkemaAngka, Halaman::DataPackage]);
        for (i, ids) in report.bandingkan.iter().enumerate() {
            if ids.len() >= 2 {
                situs.halaman.push(Halaman::Bandingkan(i));
            }
        }
        for induk in crate::analysis::banding::induk_peringkat(data, report) {
            match induk {
                Some(w) => situs.peringkat_wilayah[w.indeks()] = true,
                None => situs.peringkat_situs = true,
            }
            situs.halaman.push(Halaman::Peringkat(induk));
        }
        // once per scheduled region, not per slot: finding the kabupaten/kota walks the tree
        let mut jadwal_kota: HashMap<WilayahId, Vec<usize>> = HashMap::default();
        for (&w, slots) in &situs.jadwal_wilayah {
            jadwal_kota
                .entry(situs.kota_jadwal(w))
                .or_default()
                .extend_from_slice(slots);
        }
        for slots in jadwal_kota.values_mut() {
            slots.sort_unstable();
        }
        let mut kota: Vec<WilayahId> = jadwal_kota.keys().copied().collect();
        kota.sort_unstable();
        situs
            .halaman
            .extend(kota.into_iter().map(Halaman::JadwalKota));
        situs.jadwal_kota = jadwal_kota;
        situs.cari = situs.buat_indeks_cari();
        situs
            .halaman
            .extend([Halaman::CariIndeks, Halaman::CariUmum]);
        situs
            .halaman
            .extend((0..situs.cari.nama.len()).map(Halaman::CariNama));
        // last, once every page is planned: the sitemap lists them
        if !config.base_url.is_empty() {
            let pages = situs.halaman_sitemap().len();
            situs.halaman.push(Halaman::Sitemap);
            situs
                .halaman
                .extend((1..=Situs::bagian_sitemap(pages)).map(Halaman::SitemapBagian));
        }
        let masalah = situs.klaim_jalur(statis);
        if masalah.has_errors() {
            return Err(masalah);
        }
        Ok(situs)
    }
}
