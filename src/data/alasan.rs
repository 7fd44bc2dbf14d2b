//! Failure reasons of `realisasi.csv` (`alasan` of a `gagal` row) in a documented code list, so
//! that "meninggal dunia", "wafat" and "Meninggal" count as one reason across files and
//! regions. Only the code and its label are published: the text as written is the operator's
//! own and may name a person (`meninggal, Budi … RT 02`), so it stays in `salur check`'s
//! output (for the reasons that match no code) and never reaches the site.

use serde::Serialize;

use crate::lang::Lang;

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

    /// What a reader sees.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (KodeAlasan::Meninggal, Lang::Id) => "Meninggal dunia",
            (KodeAlasan::Meninggal, Lang::En) => "Died",
            (KodeAlasan::Pindah, Lang::Id) => "Pindah domisili",
            (KodeAlasan::Pindah, Lang::En) => "Moved away",
            (KodeAlasan::TidakDitemukan, Lang::Id) => "Tidak ditemukan",
            (KodeAlasan::TidakDitemukan, Lang::En) => "Not found",
            (KodeAlasan::TidakHadir, Lang::Id) => "Tidak hadir",
            (KodeAlasan::TidakHadir, Lang::En) => "Did not come",
            (KodeAlasan::TidakTahuJadwal, Lang::Id) => "Tidak tahu jadwal",
            (KodeAlasan::TidakTahuJadwal, Lang::En) => "Did not know the schedule",
            (KodeAlasan::Lansia, Lang::Id) => "Lansia, tidak dapat datang",
            (KodeAlasan::Lansia, Lang::En) => "Elderly, could not come",
            (KodeAlasan::DataGanda, Lang::Id) => "Data ganda",
            (KodeAlasan::DataGanda, Lang::En) => "Duplicate record",
            (KodeAlasan::Lainnya, Lang::Id) => "Lainnya",
            (KodeAlasan::Lainnya, Lang::En) => "Other",
        }
    }
}
