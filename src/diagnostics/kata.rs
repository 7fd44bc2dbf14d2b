//! The words of every [`Problem`]: each message from the message catalogue
//! ([`crate::pesan`], `src/pesan/*.toml`) by its key, its placeholders filled here.

use super::masalah::{
    AlasanUrl, AturanTidakSah, CodeKind, Expected, JenisBerkas, JenisLain, JenisNama, JenisToml,
    PemilikJalur, Problem, SelisihRekonsiliasi, SintaksToml,
};
use super::tampak;
use crate::lang::Lang;
use crate::pesan;
use crate::pesan::teks;

impl Expected {
    fn describe(&self, lang: Lang) -> &'static str {
        teks(
            lang,
            match self {
                Expected::Desil => "diharapkan.desil",
                Expected::Count => "diharapkan.kpm",
                Expected::CountKk => "diharapkan.kk",
                Expected::CountPeople => "diharapkan.jiwa",
                Expected::Money => "diharapkan.rupiah",
                Expected::Date => "diharapkan.tanggal",
                Expected::WilayahCode => "diharapkan.kode_wilayah",
                Expected::Status => "diharapkan.status",
                Expected::Periode => "diharapkan.periode",
                Expected::NonEmpty => "diharapkan.tidak_kosong",
                Expected::Code => "diharapkan.kode",
                Expected::Time => "diharapkan.jam",
                Expected::Rw => "diharapkan.rw",
                Expected::Tautan => "diharapkan.tautan",
                Expected::Telepon => "diharapkan.telepon",
                Expected::WhatsApp => "diharapkan.whatsapp",
                Expected::Email => "diharapkan.email",
                Expected::Tahun => "diharapkan.tahun",
            },
        )
    }
}

impl Problem {
    /// What is wrong, in `lang`, without the place or the value; the names and values it
    /// quotes pass through [`tampak`].
    pub fn describe(&self, lang: Lang) -> String {
        let text = self.describe_mentah(lang);
        match tampak(&text) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(t) => t,
        }
    }

    /// What is wrong, as [`Problem::describe`] says it, before control characters are escaped.
    fn describe_mentah(&self, lang: Lang) -> String {
        let ribuan = |n: u64| crate::format::ribuan(n as i64, lang);
        let ribuan_u64 = |n: u64| crate::format::ribuan_u64(n, lang);
        let mungkin = |saran: &Option<String>| match saran {
            Some(saran) => pesan!(lang, "masalah.mungkin_maksudnya", saran = saran),
            None => String::new(),
        };
        match self {
            Problem::Malformed(e) => e.describe(lang).to_string(),
            Problem::Negative(e) => pesan!(lang, "masalah.negatif", harapan = e.describe(lang)),
            Problem::UnknownCode {
                kind,
                nearest,
                berkas,
            } => {
                let apa = teks(
                    lang,
                    match kind {
                        CodeKind::Wilayah => "jenis_kode.wilayah",
                        CodeKind::Program => "jenis_kode.program",
                        CodeKind::Tahap => "jenis_kode.tahap",
                        CodeKind::Penyalur => "jenis_kode.penyalur",
                    },
                );
                pesan!(
                    lang,
                    "masalah.kode_tidak_dikenal",
                    apa = apa,
                    berkas = berkas
                ) + &mungkin(nearest)
            }
            Problem::MissingParent { parent, berkas } => pesan!(
                lang,
                "masalah.induk_hilang",
                parent = parent,
                berkas = berkas
            ),
            Problem::Duplicate { first_line } => {
                pesan!(lang, "masalah.duplikat", first_line = first_line)
            }
            Problem::DuplicateColumn { first_column } => {
                pesan!(lang, "masalah.kolom_ganda", first_column = first_column)
            }
            Problem::MissingColumn { column } => {
                pesan!(lang, "masalah.kolom_hilang", column = column)
            }
            Problem::HeaderPetaTidakAda {
                tabel,
                kontrak,
                header,
                nearest,
            } => {
                pesan!(
                    lang,
                    "masalah.header_peta_tidak_ada",
                    tabel = tabel,
                    kontrak = kontrak,
                    header = header
                ) + &mungkin(nearest)
            }
            Problem::KolomPribadiDibaca { kolom } => {
                pesan!(lang, "masalah.kolom_pribadi_dibaca", kolom = kolom)
            }
            Problem::PenerimaTidakDideklarasi => pesan!(lang, "masalah.penerima_tidak_dideklarasi"),
            Problem::NikGanda {
                baris_pertama,
                berkas: None,
            } => pesan!(lang, "masalah.nik_ganda", baris = baris_pertama),
            Problem::NikGanda {
                baris_pertama,
                berkas: Some(berkas),
            } => pesan!(
                lang,
                "masalah.nik_ganda_berkas",
                baris = baris_pertama,
                berkas = berkas
            ),
            Problem::PenerimaDiLuarFolder => pesan!(lang, "masalah.penerima_di_luar_folder"),
            Problem::PenerimaGanda { baris } => {
                pesan!(lang, "masalah.penerima_ganda", baris = baris)
            }
            Problem::DesaDiKecamatanLain { kecamatan } => {
                pesan!(
                    lang,
                    "masalah.desa_di_kecamatan_lain",
                    kecamatan = kecamatan
                )
            }
            Problem::BukanDesaKelurahan => pesan!(lang, "masalah.bukan_desa_kelurahan"),
            Problem::StatusPenerima { dikenal } => {
                pesan!(lang, "masalah.status_penerima", dikenal = dikenal)
            }
            Problem::NamaWilayahTidakDikenal { nearest } => {
                pesan!(lang, "masalah.nama_wilayah_tidak_dikenal") + &mungkin(nearest)
            }
            Problem::NamaWilayahGanda { kandidat } => {
                pesan!(lang, "masalah.nama_wilayah_ganda", kandidat = kandidat)
            }
            Problem::PenerimaBertumpuk {
                program,
                tahap,
                berkas,
            } => pesan!(
                lang,
                "masalah.penerima_bertumpuk",
                program = program,
                tahap = tahap,
                berkas = berkas
            ),
            Problem::KodeTanpaTitik => pesan!(lang, "masalah.kode_tanpa_titik"),
            Problem::SatuanBukanKeluarga => pesan!(lang, "masalah.satuan_bukan_keluarga"),
            Problem::SatuDataTempat => pesan!(lang, "masalah.satu_data_tempat"),
            Problem::SatuDataBertumpuk {
                program,
                tahap,
                berkas,
            } => pesan!(
                lang,
                "masalah.satu_data_bertumpuk",
                program = program,
                tahap = tahap,
                berkas = berkas
            ),
            Problem::TahunTanpaTahap { kode } => {
                pesan!(lang, "masalah.tahun_tanpa_tahap", kode = kode)
            }
            Problem::KodeBpsTanpaKolom => pesan!(lang, "masalah.kode_bps_tanpa_kolom"),
            Problem::MissingFile => pesan!(lang, "masalah.berkas_hilang"),
            Problem::PrivacyColumn => pesan!(lang, "masalah.privasi_kolom"),
            Problem::PrivacyNik => pesan!(lang, "masalah.privasi_nik"),
            Problem::Csv(msg) => pesan!(lang, "masalah.csv", msg = msg),
            Problem::Io(msg) => pesan!(lang, "masalah.io", msg = msg),
            Problem::MissingAlasan => pesan!(lang, "masalah.alasan_hilang"),
            Problem::MelebihiKapasitas {
                titik_bayar,
                tanggal,
                kpm,
                max,
            } => pesan!(
                lang,
                "masalah.melebihi_kapasitas",
                titik_bayar = titik_bayar,
                tanggal = tanggal,
                kpm = ribuan(*kpm),
                max = ribuan(*max),
            ),
            Problem::UsulTidakMuat {
                wilayah,
                kpm,
                hari,
                kapasitas,
                slot,
            } => pesan!(
                lang,
                "masalah.usul_tidak_muat",
                kpm = ribuan(*kpm),
                wilayah = wilayah,
                hari = hari,
                kapasitas = ribuan(*kapasitas),
                slot = slot,
            ),
            Problem::SudahAda => pesan!(lang, "masalah.sudah_ada"),
            Problem::AturanJadwalTidakSah(alasan) => match alasan {
                AturanTidakSah::KapasitasNol => pesan!(lang, "masalah.aturan_kapasitas_nol"),
                AturanTidakSah::HariNol => pesan!(lang, "masalah.aturan_hari_nol"),
                AturanTidakSah::MenitSlot { maks } => {
                    pesan!(lang, "masalah.aturan_menit_slot", maks = maks)
                }
            },
            Problem::UsulTanpaAturan => pesan!(lang, "masalah.usul_tanpa_aturan"),
            Problem::SlotBertumpuk { baris, jam } => {
                pesan!(lang, "masalah.slot_bertumpuk", baris = baris, jam = jam)
            }
            Problem::RwGanda { baris } => pesan!(lang, "masalah.rw_ganda", baris = baris),
            Problem::TanpaJadwal {
                wilayah,
                program_tahap,
                alokasi,
            } => pesan!(
                lang,
                "masalah.tanpa_jadwal",
                wilayah = wilayah,
                alokasi = ribuan(*alokasi),
                program_tahap = program_tahap,
            ),
            Problem::JadwalBedaAlokasi {
                program_tahap,
                dijadwalkan,
                alokasi,
            } => {
                let selisih = *dijadwalkan as i64 - *alokasi as i64;
                let s = crate::format::ribuan(selisih, lang);
                let s = if selisih > 0 { format!("+{s}") } else { s };
                pesan!(
                    lang,
                    "masalah.jadwal_beda_alokasi",
                    d = ribuan(*dijadwalkan),
                    program_tahap = program_tahap,
                    a = ribuan(*alokasi),
                    s = s,
                )
            }
            Problem::LokasiBerbeda { baris, lokasi } => pesan!(
                lang,
                "masalah.lokasi_berbeda",
                lokasi = lokasi,
                baris = baris
            ),
            Problem::SlotKosong => pesan!(lang, "masalah.slot_kosong"),
            Problem::KolomLebih { fields, header } => pesan!(
                lang,
                "masalah.kolom_lebih",
                fields = fields,
                header = header
            ),
            Problem::SelisihRekonsiliasi(r) => {
                let SelisihRekonsiliasi {
                    penyalur,
                    program,
                    tahap,
                    wilayah,
                    dinsos,
                    selisih_kpm,
                    selisih_nilai,
                } = &**r;
                let d = crate::format::ribuan(*selisih_kpm, lang);
                let d = if *selisih_kpm > 0 { format!("+{d}") } else { d };
                let rupiah = selisih_nilai
                    .filter(|&v| v != 0)
                    .map(|v| {
                        let r = crate::format::ribuan(v, lang);
                        let rp = if v > 0 {
                            format!("+Rp {r}")
                        } else {
                            format!("-Rp {}", r.trim_start_matches('-'))
                        };
                        pesan!(lang, "masalah.selisih_rupiah", rp = rp)
                    })
                    .unwrap_or_default();
                pesan!(
                    lang,
                    "masalah.selisih_rekonsiliasi",
                    penyalur = penyalur,
                    program = program,
                    tahap = tahap,
                    wilayah = wilayah,
                    n = ribuan(*dinsos),
                    d = d,
                    rupiah = rupiah,
                )
            }
            Problem::PaguAnakMelebihi {
                wilayah,
                program,
                jumlah_anak,
                anak,
            } => pesan!(
                lang,
                "masalah.pagu_anak_melebihi",
                wilayah = wilayah,
                program = program,
                n = ribuan(*jumlah_anak),
                anak = anak
            ),
            Problem::LangkahMembesar { sebelumnya, jumlah } => pesan!(
                lang,
                "masalah.langkah_membesar",
                sebelumnya = sebelumnya,
                n = ribuan(*jumlah)
            ),
            Problem::LangkahBerbeda { acuan, langkah } => pesan!(
                lang,
                "masalah.langkah_berbeda",
                acuan = acuan,
                langkah = langkah
            ),
            Problem::SlotEndsBeforeStart { mulai } => {
                pesan!(lang, "masalah.slot_selesai_sebelum_mulai", mulai = mulai)
            }
            Problem::EndsBeforeStart { mulai } => {
                pesan!(lang, "masalah.selesai_sebelum_mulai", mulai = mulai)
            }
            Problem::OutsideTahap {
                tahap,
                mulai,
                selesai,
                berkas,
            } => pesan!(
                lang,
                "masalah.di_luar_tahap",
                tahap = tahap,
                mulai = mulai,
                selesai = selesai,
                berkas = berkas,
            ),
            Problem::Config(msg) => pesan!(lang, "masalah.isian_tidak_sah", msg = msg),
            Problem::SelBukanUtf8 => pesan!(lang, "masalah.bukan_utf8"),
            Problem::BaseUrl(alasan) => {
                let kunci = match alasan {
                    AlasanUrl::BukanHttp => "base_url.bukan_http",
                    AlasanUrl::TanpaHost => "base_url.tanpa_host",
                    AlasanUrl::Host => "base_url.host",
                    AlasanUrl::Port => "base_url.port",
                    AlasanUrl::Karakter(c) => {
                        let karakter = if *c == ' ' {
                            pesan!(lang, "base_url.spasi")
                        } else {
                            pesan!(
                                lang,
                                "base_url.karakter_dikutip",
                                c = tampak(&c.to_string())
                            )
                        };
                        return pesan!(lang, "base_url.karakter", karakter = karakter);
                    }
                    AlasanUrl::DataPengguna => "base_url.data_pengguna",
                    AlasanUrl::KueriAtauFragmen => "base_url.kueri_atau_fragmen",
                };
                pesan!(lang, "base_url.dengan_contoh", alasan = teks(lang, kunci))
            }
            Problem::BandingkanKurang => pesan!(lang, "masalah.bandingkan_kurang"),
            Problem::PengaduanTanpaKontak => pesan!(lang, "masalah.pengaduan_tanpa_kontak"),
            Problem::Persen => pesan!(lang, "masalah.persen"),
            Problem::TemaTidakSah => pesan!(lang, "masalah.tema_tidak_sah"),
            Problem::BatasBerkas => pesan!(lang, "masalah.batas_berkas"),
            Problem::NoSiteFolder => pesan!(lang, "masalah.tanpa_folder_situs"),
            Problem::UnknownInput { suggestion } => {
                let mut s = pesan!(lang, "masalah.masukan_tidak_dikenal");
                match suggestion.as_deref() {
                    Some("xlsx") => s.push_str(teks(lang, "masalah.masukan_lembar_kerja")),
                    Some(_) => s.push_str(&mungkin(suggestion)),
                    None => {}
                }
                s
            }
            Problem::BerkasKembar { lain } => {
                pesan!(lang, "masalah.berkas_kembar", lain = lain.join(", "))
            }
            Problem::BerkasTerlaluBesar { ukuran, batas } => {
                const MIB: u64 = 1 << 20;
                // a limit that takes this file: the next power of two in MB
                let saran = ukuran.div_ceil(MIB).next_power_of_two().max(1);
                pesan!(
                    lang,
                    "masalah.berkas_terlalu_besar",
                    mb = ribuan(ukuran.div_ceil(MIB)),
                    bita = ribuan(*ukuran),
                    batas = ribuan(batas.div_ceil(MIB)),
                    saran = saran,
                )
            }
            Problem::LembarRusak(e) => pesan!(lang, "masalah.lembar_rusak", e = e),
            Problem::ParketRusak(e) => pesan!(lang, "masalah.parket_rusak", e = e),
            Problem::ParketKodek { kodek } => pesan!(lang, "masalah.parket_kodek", kodek = kodek),
            Problem::ParketSkemaBeda { pertama } => {
                pesan!(lang, "masalah.parket_skema_beda", pertama = pertama)
            }
            Problem::ParketBersarang => pesan!(lang, "masalah.parket_bersarang"),
            Problem::ParketTerlaluBanyakBaris { baris, batas } => pesan!(
                lang,
                "masalah.parket_terlalu_banyak_baris",
                baris = crate::format::ribuan_u64(*baris, lang),
                batas = crate::format::ribuan_u64(*batas, lang)
            ),
            Problem::ParketWaktuUtc => pesan!(lang, "masalah.parket_waktu_utc"),
            Problem::FolderTanpaParket => pesan!(lang, "masalah.folder_tanpa_parket"),
            Problem::BatasJson(e) => pesan!(lang, "masalah.batas_json", e = e),
            Problem::BatasTanpaKode { fitur, properti } => {
                pesan!(
                    lang,
                    "masalah.batas_tanpa_kode",
                    fitur = fitur,
                    properti = properti
                )
            }
            Problem::BatasKodeBukanTeks { properti } => {
                pesan!(lang, "masalah.batas_kode_bukan_teks", properti = properti)
            }
            Problem::BatasGeometri { fitur, kode, jenis } => pesan!(
                lang,
                "masalah.batas_geometri",
                fitur = fitur,
                kode = kode,
                jenis = jenis
            ),
            Problem::BatasKodeGanda { baris_pertama } => {
                pesan!(lang, "masalah.batas_kode_ganda", baris = baris_pertama)
            }
            Problem::BatasKodeTidakDikenal { jumlah, contoh } => {
                let mut s = pesan!(lang, "masalah.batas_kode_tidak_dikenal");
                if *jumlah > 1 {
                    s += &pesan!(
                        lang,
                        "masalah.batas_kode_lain",
                        n = ribuan(jumlah.saturating_sub(1) as u64),
                        contoh = contoh.join(", ")
                    );
                }
                s
            }
            Problem::BatasAnakHilang { jumlah, contoh } => {
                let lebih = jumlah.saturating_sub(contoh.len());
                let mut s = pesan!(
                    lang,
                    "masalah.batas_anak_hilang",
                    jumlah = ribuan(*jumlah as u64),
                    contoh = contoh.join(", ")
                );
                if lebih > 0 {
                    s += &pesan!(lang, "masalah.batas_anak_lainnya", n = ribuan(lebih as u64));
                }
                s
            }
            Problem::GalatRumus => pesan!(lang, "masalah.galat_rumus"),
            Problem::UnknownKey { key, nearest } => {
                pesan!(lang, "masalah.kunci_tidak_dikenal", key = key) + &mungkin(nearest)
            }
            Problem::TautanKeluarSitus { tujuan } => {
                pesan!(lang, "masalah.tautan_keluar_situs", tujuan = tujuan)
            }
            Problem::BukanBerkas(jenis) => jenis.describe(lang),
            Problem::NoFrontMatter => pesan!(lang, "masalah.tanpa_bagian_depan"),
            Problem::FrontMatterUnclosed => pesan!(lang, "masalah.bagian_depan_terbuka"),
            Problem::TanggalToml => pesan!(lang, "masalah.tanggal_toml"),
            Problem::UnknownValue { value, expected } => {
                // `expected` is written in English by the caller (`"a" or "b"`, `one of …`)
                let expected = expected
                    .replace(" or ", teks(lang, "masalah.nilai_atau"))
                    .replace("one of ", teks(lang, "masalah.nilai_salah_satu"));
                pesan!(
                    lang,
                    "masalah.nilai_tidak_dikenal",
                    value = value,
                    expected = expected
                )
            }
            Problem::JalurGanda {
                jalur,
                jalur_lain,
                pemilik,
                kembar,
            } => {
                let lain = match jalur_lain {
                    Some(l) => pesan!(lang, "jalur.huruf_besar_kecil", lain = l),
                    None => String::new(),
                };
                let mut s = match pemilik {
                    PemilikJalur::Masukan { tempat, nilai } => pesan!(
                        lang,
                        "jalur.ganda_masukan",
                        jalur = jalur,
                        lain = lain,
                        tempat = tempat,
                        nilai = nilai_dikutip(nilai, lang),
                    ),
                    PemilikJalur::Salur { kunci } => pesan!(
                        lang,
                        "jalur.ganda_salur",
                        jalur = jalur,
                        lain = lain,
                        apa = teks(lang, kunci),
                    ),
                };
                if *kembar {
                    s.push_str(teks(lang, "jalur.kembar"));
                }
                s
            }
            Problem::JalurJadiFolder {
                jalur,
                isi,
                pemilik,
            } => pesan!(
                lang,
                "jalur.jadi_folder",
                jalur = jalur,
                isi = isi,
                milik = pemilik_halaman(pemilik, lang),
            ),
            Problem::FolderJadiBerkas {
                jalur,
                folder,
                pemilik,
            } => pesan!(
                lang,
                "jalur.folder_jadi_berkas",
                jalur = jalur,
                folder = folder,
                milik = pemilik_halaman(pemilik, lang),
            ),
            Problem::NamaBerkasPanjang {
                folder,
                panjang,
                maks,
            } => {
                let di = if folder.is_empty() {
                    String::new()
                } else {
                    pesan!(lang, "jalur.di_folder", folder = folder)
                };
                pesan!(
                    lang,
                    "jalur.nama_berkas_panjang",
                    di = di,
                    panjang = panjang,
                    maks = maks
                )
            }
            Problem::TenggatSebelumRapat { tugas, tenggat } => pesan!(
                lang,
                "masalah.tenggat_sebelum_rapat",
                tugas = tugas,
                tenggat = tenggat
            ),
            Problem::RapatSetelahData { tanggal, data_per } => pesan!(
                lang,
                "masalah.rapat_setelah_data",
                tanggal = tanggal,
                data_per = data_per
            ),
            Problem::SelesaiTanpaStatus => pesan!(lang, "masalah.selesai_tanpa_status"),
            Problem::MissingKey { key } => pesan!(lang, "masalah.kunci_hilang", key = key),
            Problem::KolomKurang { fields, needed } => pesan!(
                lang,
                "masalah.kolom_kurang",
                fields = fields,
                needed = needed
            ),
            Problem::BerkasKosong { header } => {
                pesan!(lang, "masalah.berkas_kosong", header = header)
            }
            Problem::BukanTeks(jenis) => {
                // what the file is, and whether giving it its own name is the other way out
                let apa = teks(
                    lang,
                    match jenis {
                        JenisBerkas::Utf16 => "bukan_teks.utf16",
                        JenisBerkas::Zip => "bukan_teks.zip",
                        JenisBerkas::Xls => "bukan_teks.xls",
                        JenisBerkas::Pdf => "bukan_teks.pdf",
                        JenisBerkas::Gambar => "bukan_teks.gambar",
                        JenisBerkas::Biner => "bukan_teks.biner",
                    },
                );
                pesan!(lang, "bukan_teks.simpan", apa = apa)
            }
            Problem::KutipTerbuka => pesan!(lang, "masalah.kutip_terbuka"),
            Problem::TeksSetelahKutip => pesan!(lang, "masalah.teks_setelah_kutip"),
            Problem::WilayahKosong { berkas } => {
                pesan!(lang, "masalah.wilayah_kosong", berkas = berkas)
            }
            Problem::BerkasBukanUtf8 => pesan!(lang, "masalah.berkas_bukan_utf8"),
            Problem::TeksTanpaKutip => pesan!(lang, "masalah.teks_tanpa_kutip"),
            Problem::TanggalTidakAda => pesan!(lang, "masalah.tanggal_tidak_ada"),
            Problem::PrivacyNikTeks => pesan!(lang, "masalah.privasi_nik_teks"),
            Problem::PrivacyNikNamaBerkas => pesan!(lang, "masalah.privasi_nik_nama_berkas"),
            Problem::PrivacyNikTerbaca => pesan!(lang, "masalah.privasi_nik_terbaca"),
            Problem::PrivacyNikJalur { jalur } => {
                pesan!(lang, "masalah.privasi_nik_jalur", jalur = jalur)
            }
            Problem::PrivacyNikHalaman { jalur } => {
                pesan!(lang, "masalah.privasi_nik_halaman", jalur = jalur)
            }
            Problem::NamaDinormalkan { jadi } => {
                pesan!(lang, "masalah.nama_dinormalkan", jadi = jadi)
            }
            Problem::TerbitSitusLain { koreksi } => {
                pesan!(lang, "masalah.terbit_situs_lain", koreksi = koreksi)
            }
            Problem::TerbitTakTerbaca { berkas } => {
                pesan!(lang, "masalah.terbit_tak_terbaca", berkas = berkas)
            }
            Problem::ZonaBertentangan { wilayah, zona } => {
                let mut daftar = wilayah
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                let lain = wilayah.len().saturating_sub(3);
                if lain > 0 {
                    daftar.push_str(&pesan!(lang, "masalah.provinsi_lain", lain = lain));
                }
                pesan!(
                    lang,
                    "masalah.zona_bertentangan",
                    daftar = daftar,
                    zona = zona
                )
            }
            Problem::SintaksToml(s) => s.describe(lang).to_string(),
            Problem::JenisToml(j) => {
                let angka = |n: i64| crate::format::ribuan(n, lang);
                match j {
                    JenisToml::Teks => pesan!(lang, "jenis_toml.teks"),
                    JenisToml::Bulat { min, max } if *max == i64::MAX => {
                        pesan!(lang, "jenis_toml.bulat_sedikitnya", min = angka(*min))
                    }
                    JenisToml::Bulat { min, max } => pesan!(
                        lang,
                        "jenis_toml.bulat",
                        min = angka(*min),
                        max = angka(*max)
                    ),
                    JenisToml::Angka => pesan!(lang, "jenis_toml.angka"),
                    JenisToml::YaTidak => pesan!(lang, "jenis_toml.ya_tidak"),
                    JenisToml::DaftarTeks => pesan!(lang, "jenis_toml.daftar_teks"),
                    JenisToml::Tabel(n) => pesan!(lang, "jenis_toml.tabel", n = n),
                    JenisToml::DaftarTabel(n) => pesan!(lang, "jenis_toml.daftar_tabel", n = n),
                }
            }
            Problem::TerlaluDalam {
                kedalaman,
                batas,
                toml,
            } => pesan!(
                lang,
                if *toml {
                    "masalah.terlalu_dalam_toml"
                } else {
                    "masalah.terlalu_dalam_markdown"
                },
                n = ribuan_u64(*kedalaman as u64),
                b = ribuan_u64(*batas as u64),
            ),
            Problem::MarkdownTerlaluBesar { ukuran, batas } => {
                // a limit that takes this file: the next power of two in KB
                let saran = ukuran.div_ceil(1024).next_power_of_two().max(1);
                pesan!(
                    lang,
                    "masalah.markdown_terlalu_besar",
                    kb = ribuan_u64(ukuran.div_ceil(1024)),
                    batas = ribuan_u64(batas.div_ceil(1024)),
                    saran = saran,
                )
            }
            Problem::BatasMarkdown => pesan!(
                lang,
                "masalah.batas_markdown",
                maks = ribuan_u64(crate::dasar::nilai::BATAS_MARKDOWN_KB_MAKS),
                bawaan = crate::dasar::nilai::BATAS_MARKDOWN_KB,
            ),
            Problem::KolomTerlaluBanyak { batas } => {
                pesan!(
                    lang,
                    "masalah.kolom_terlalu_banyak",
                    b = ribuan_u64(*batas as u64)
                )
            }
            Problem::JumlahTerlaluBesar { sebelum, batas } => pesan!(
                lang,
                "masalah.jumlah_terlalu_besar",
                s = ribuan_u64(*sebelum),
                b = ribuan_u64(*batas)
            ),
            Problem::HasilKaliTerlaluBesar {
                program,
                tarif,
                batas,
            } => pesan!(
                lang,
                "masalah.hasil_kali_terlalu_besar",
                t = ribuan_u64(*tarif),
                program = program,
                b = ribuan_u64(*batas),
            ),
            Problem::SiteTomlTerlaluBesar { ukuran, batas } => pesan!(
                lang,
                "masalah.site_toml_terlalu_besar",
                kb = ribuan_u64(ukuran.div_ceil(1024)),
                batas = ribuan_u64(batas.div_ceil(1024)),
            ),
            Problem::TeksTerlaluPanjang { panjang, batas } => pesan!(
                lang,
                "masalah.teks_terlalu_panjang",
                n = ribuan_u64(*panjang as u64),
                b = ribuan_u64(*batas as u64),
            ),
            Problem::TerlaluBanyakNama { jenis, batas } => {
                let apa = teks(
                    lang,
                    match jenis {
                        JenisNama::Penyalur => "jenis_nama.penyalur",
                        JenisNama::Alasan => "jenis_nama.alasan",
                        JenisNama::TitikBayar => "jenis_nama.titik_bayar",
                        JenisNama::Program => "jenis_nama.program",
                        JenisNama::Tahap => "jenis_nama.tahap",
                        JenisNama::Wilayah => "jenis_nama.wilayah",
                    },
                );
                pesan!(
                    lang,
                    "masalah.terlalu_banyak_nama",
                    apa = apa,
                    b = ribuan_u64(*batas)
                )
            }
        }
    }
}

impl SintaksToml {
    /// The TOML reader's English message, when it is one of these.
    pub fn dari_pesan(message: &str) -> Option<SintaksToml> {
        let awal = |p: &[&str]| p.iter().any(|p| message.starts_with(p));
        Some(
            if awal(&["invalid basic string", "invalid literal string"]) {
                SintaksToml::KutipTerbuka
            } else if awal(&["invalid multi-line"]) {
                SintaksToml::KutipTigaTerbuka
            } else if awal(&["unclosed inline table"]) {
                SintaksToml::TakDitutup('}')
            } else if awal(&["unclosed table", "unclosed array"]) {
                SintaksToml::TakDitutup(']')
            } else if awal(&["missing comma"]) {
                SintaksToml::KomaHilang
            } else if awal(&["unexpected key or value", "extra `=`"]) {
                SintaksToml::SisaBaris
            } else if awal(&["missing escaped value", "too few unicode value digits"]) {
                SintaksToml::GarisMiring
            } else if awal(&["duplicate key"]) {
                SintaksToml::KunciGanda
            } else if awal(&["missing value", "key with no value"]) {
                SintaksToml::TanpaNilai
            } else if awal(&[
                "unexpected leading zero",
                "`_` may only go between digits",
                "invalid integer",
                "invalid float",
                "invalid mantissa",
                "invalid fraction",
                "invalid exponent",
                "invalid hexadecimal",
                "invalid octal",
                "invalid binary",
                "unexpected sign",
                "integers with a radix",
                "redundant integer number prefix",
                "radix must be lowercase",
            ]) {
                SintaksToml::BilanganRusak
            } else if awal(&["invalid boolean"]) {
                SintaksToml::YaTidak
            } else if awal(&[
                "invalid unquoted key",
                "invalid key",
                "unquoted keys cannot be empty",
            ]) {
                SintaksToml::KunciTidakSah
            } else {
                return None;
            },
        )
    }

    fn describe(self, lang: Lang) -> &'static str {
        teks(
            lang,
            match self {
                SintaksToml::KutipTerbuka => "sintaks_toml.kutip_terbuka",
                SintaksToml::KutipTigaTerbuka => "sintaks_toml.kutip_tiga_terbuka",
                SintaksToml::TakDitutup(']') => "sintaks_toml.kurung_siku",
                SintaksToml::TakDitutup(_) => "sintaks_toml.kurung_kurawal",
                SintaksToml::KomaHilang => "sintaks_toml.koma_hilang",
                SintaksToml::SisaBaris => "sintaks_toml.sisa_baris",
                SintaksToml::GarisMiring => "sintaks_toml.garis_miring",
                SintaksToml::KunciGanda => "sintaks_toml.kunci_ganda",
                SintaksToml::TanpaNilai => "sintaks_toml.tanpa_nilai",
                SintaksToml::BilanganRusak => "sintaks_toml.bilangan_rusak",
                SintaksToml::YaTidak => "sintaks_toml.ya_tidak",
                SintaksToml::KunciTidakSah => "sintaks_toml.kunci_tidak_sah",
            },
        )
    }
}

/// Whose page a path is, as a clause: `halaman data/wilayah.csv:387 '35.75'`, `yang dibuat
/// salur sendiri (halaman beranda)`.
fn pemilik_halaman(pemilik: &PemilikJalur, lang: Lang) -> String {
    match pemilik {
        PemilikJalur::Masukan { tempat, nilai } => pesan!(
            lang,
            "jalur.halaman_masukan",
            tempat = tempat,
            nilai = nilai_dikutip(nilai, lang)
        ),
        PemilikJalur::Salur { kunci } => {
            pesan!(lang, "jalur.halaman_salur", apa = teks(lang, kunci))
        }
    }
}

/// A claimant's value as a message quotes it after its place (` '35.75'`), or nothing.
fn nilai_dikutip(nilai: &Option<String>, lang: Lang) -> String {
    match nilai {
        Some(n) => pesan!(lang, "jalur.nilai", nilai = n),
        None => String::new(),
    }
}

impl JenisLain {
    /// What it is and what to do, in `lang` (the file is named by the message around it).
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            JenisLain::Folder => pesan!(lang, "masalah.jenis_folder"),
            JenisLain::Berkas => pesan!(lang, "masalah.jenis_berkas"),
            JenisLain::TautanPutus { tujuan } => {
                pesan!(lang, "masalah.jenis_tautan_putus", tujuan = tujuan)
            }
            JenisLain::TautanBerputar { tujuan } => {
                pesan!(lang, "masalah.jenis_tautan_berputar", tujuan = tujuan)
            }
            JenisLain::Pipa => pesan!(lang, "masalah.jenis_pipa"),
            JenisLain::Soket => pesan!(lang, "masalah.jenis_soket"),
            JenisLain::Perangkat => pesan!(lang, "masalah.jenis_perangkat"),
        }
    }
}
