//! Failure reasons of `realisasi.csv` (`alasan` of a `gagal` row) in a documented code list, so
//! that "meninggal dunia", "wafat" and "Meninggal" count as one reason across files and
//! regions. Only the code and its label (the theme's words, under [`KodeAlasan::kunci`]) are published: the text as written is the operator's
//! own and may name a person (`meninggal, Budi … RT 02`), so it stays in `salur check`'s
//! output (for the reasons that match no code) and never reaches the site.

use serde::Serialize;

/// The reasons a payment fails, as the site groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KodeAlasan {
    /// The recipient died (`meninggal`).
    Meninggal,
    /// The recipient moved away (`pindah`).
    Pindah,
    /// The recipient could not be found (`tidak_ditemukan`).
    TidakDitemukan,
    /// The recipient did not know the schedule (`tidak_tahu_jadwal`).
    TidakTahuJadwal,
    /// The recipient did not come (`tidak_hadir`).
    TidakHadir,
    /// An elderly recipient could not come (`lansia`).
    Lansia,
    /// A duplicate record (`data_ganda`).
    DataGanda,
    /// Anything else (`lainnya`).
    Lainnya,
}

impl KodeAlasan {
    /// Every code, in the order of the documented list.
    pub const SEMUA: [KodeAlasan; 8] = [
        KodeAlasan::Meninggal,
        KodeAlasan::Pindah,
        KodeAlasan::TidakDitemukan,
        KodeAlasan::TidakHadir,
        KodeAlasan::TidakTahuJadwal,
        KodeAlasan::Lansia,
        KodeAlasan::DataGanda,
        KodeAlasan::Lainnya,
    ];

    /// The code of a reason as written. Words are matched without regard to case, the more
    /// specific first: "tidak hadir karena tidak tahu jadwal" is `tidak_tahu_jadwal`.
    ///
    /// ```
    /// use salur::data::alasan::KodeAlasan;
    /// assert_eq!(KodeAlasan::golongkan("Meninggal Dunia"), KodeAlasan::Meninggal);
    /// assert_eq!(KodeAlasan::golongkan("tidak tahu jadwal penyaluran"), KodeAlasan::TidakTahuJadwal);
    /// assert_eq!(KodeAlasan::golongkan("penerima lansia"), KodeAlasan::Lansia);
    /// assert_eq!(KodeAlasan::golongkan("KKS rusak"), KodeAlasan::Lainnya);
    /// ```
    pub fn golongkan(teks: &str) -> KodeAlasan {
        let t = teks.to_lowercase();
        let ada = |kata: &[&str]| kata.iter().any(|k| t.contains(k));
        if ada(&["meninggal", "wafat", "almarhum"]) {
            KodeAlasan::Meninggal
        } else if ada(&["ganda", "duplikat", "double"]) {
            KodeAlasan::DataGanda
        } else if ada(&["jadwal"]) {
            KodeAlasan::TidakTahuJadwal
        } else if ada(&["lansia", "lanjut usia", "jompo"]) {
            KodeAlasan::Lansia
        } else if ada(&["pindah", "domisili"]) {
            KodeAlasan::Pindah
        } else if ada(&[
            "tidak ditemukan",
            "tdk ditemukan",
            "tidak diketahui",
            "tak ditemukan",
        ]) {
            KodeAlasan::TidakDitemukan
        } else if ada(&[
            "tidak hadir",
            "tdk hadir",
            "tidak datang",
            "tidak mengambil",
        ]) {
            KodeAlasan::TidakHadir
        } else {
            KodeAlasan::Lainnya
        }
    }

    /// The code as written in downloads and documentation (`tidak_tahu_jadwal`).
    pub fn kode(self) -> &'static str {
        match self {
            KodeAlasan::Meninggal => "meninggal",
            KodeAlasan::Pindah => "pindah",
            KodeAlasan::TidakDitemukan => "tidak_ditemukan",
            KodeAlasan::TidakHadir => "tidak_hadir",
            KodeAlasan::TidakTahuJadwal => "tidak_tahu_jadwal",
            KodeAlasan::Lansia => "lansia",
            KodeAlasan::DataGanda => "data_ganda",
            KodeAlasan::Lainnya => "lainnya",
        }
    }

    /// The key of its label in the theme's catalogue (`alasan_meninggal`): the site stage
    /// looks the words up ([`crate::site::kata::Kata::alasan`]), so a theme can reword it.
    pub fn kunci(self) -> &'static str {
        match self {
            KodeAlasan::Meninggal => "alasan_meninggal",
            KodeAlasan::Pindah => "alasan_pindah",
            KodeAlasan::TidakDitemukan => "alasan_tidak_ditemukan",
            KodeAlasan::TidakHadir => "alasan_tidak_hadir",
            KodeAlasan::TidakTahuJadwal => "alasan_tidak_tahu_jadwal",
            KodeAlasan::Lansia => "alasan_lansia",
            KodeAlasan::DataGanda => "alasan_data_ganda",
            KodeAlasan::Lainnya => "alasan_lainnya",
        }
    }

    /// The key of what a resident can do about it (`saran_alasan_tidak_hadir`), for the
    /// reasons a resident can act on: come on another day, ask about the schedule, report a
    /// new address. `None` for the others (a death, a duplicate record, anything else), which
    /// are the office's to settle.
    pub fn kunci_saran(self) -> Option<&'static str> {
        match self {
            KodeAlasan::TidakHadir => Some("saran_alasan_tidak_hadir"),
            KodeAlasan::TidakTahuJadwal => Some("saran_alasan_tidak_tahu_jadwal"),
            KodeAlasan::Lansia => Some("saran_alasan_lansia"),
            KodeAlasan::Pindah => Some("saran_alasan_pindah"),
            KodeAlasan::TidakDitemukan => Some("saran_alasan_tidak_ditemukan"),
            KodeAlasan::Meninggal | KodeAlasan::DataGanda | KodeAlasan::Lainnya => None,
        }
    }
}
