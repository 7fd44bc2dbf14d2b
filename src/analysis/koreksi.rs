//! "Riwayat koreksi": which published figures changed since the previous publication
//! ([`crate::data::koreksi`]), for tahap that publication already had.
//!
//! A figure is compared as of the previous publication's data day of its tahap: KPM and
//! rupiah paid or failed on a later day are the distribution going on, not a correction, and
//! are taken off the new figures first ([`sesudah`]). So a tahap that is still being paid
//! lists only what changed in what was already published (a row added for an earlier day, an
//! allocation edited). A tahap the previous publication did not have is new, not corrected.
//! A row there and not here (or here and not there) compares with an empty cell: zero KPM, no
//! rupiah, as the download shows a cell without figures.
//!
//! The history accumulates: [`gabung`] adds this publication's corrections to those carried
//! from the previous one, without duplicates, newest first, then in code order. Everything
//! here is pure; [`hitung`] only gathers the inputs.

use jiff::civil::Date;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{Angka, Kunci, Report};
use crate::data::koreksi::{
    BarisSimpanan, Koreksi, Sebelumnya, Simpanan, Terbit, Terbitan, blok, sidik_blok,
};
use crate::data::{Dataset, Status, WilayahId};

/// One new cell to compare: a region × programme × tahap × penyalur as the download names it,
/// and its five figures ([`crate::data::koreksi::ANGKA`]) as the download would write them.
#[derive(Debug, Clone, Copy)]
pub struct SelBaru<'a> {
    /// Region code as written.
    pub kode: &'a str,
    /// Region name.
    pub nama: &'a str,
    /// Programme code.
    pub program: &'a str,
    /// Tahap code.
    pub tahap: &'a str,
    /// Penyalur.
    pub penyalur: &'a str,
    /// The figures.
    pub nilai: [Option<u64>; 5],
}

/// The figures of a cell with none: what a row absent from one publication compares as.
const KOSONG: [Option<u64>; 5] = [Some(0), None, Some(0), None, Some(0)];

/// The five figures of `a` as the figures download writes them (rupiah only when every row
/// had an amount and some KPM are counted).
pub fn nilai_angka(a: &Angka) -> [Option<u64>; 5] {
    [
        Some(a.alokasi_kpm),
        a.alokasi_nilai.lengkap().filter(|_| a.alokasi_kpm > 0),
        Some(a.tersalur_kpm),
        a.tersalur_nilai.lengkap().filter(|_| a.tersalur_kpm > 0),
        Some(a.gagal_kpm),
    ]
}

/// The corrections between the previous publication `lama` and the new cells `baru`, dated
/// `tanggal`: every figure of a programme × tahap `lama` published whose value differs, in
/// code order.
pub fn bandingkan<'a>(
    lama: &Terbit,
    baru: impl Iterator<Item = SelBaru<'a>>,
    tanggal: Date,
) -> Vec<Koreksi> {
    // keyed by the previous publication's indexes of its names (16 bytes a row, not four
    // strings: the national file has a million rows)
    let mut sisa: FxHashMap<[u32; 4], usize> = lama
        .angka
        .iter()
        .enumerate()
        .map(|(i, a)| ([a.wilayah, a.program, a.tahap, a.penyalur], i))
        .collect();
    let [p_wilayah, p_program, p_tahap, p_penyalur] = &lama.peta;
    let kunci = |i: usize| {
        let a = &lama.angka[i];
        (
            lama.wilayah[a.wilayah as usize].0.as_str(),
            lama.program[a.program as usize].as_str(),
            lama.tahap[a.tahap as usize].as_str(),
            lama.penyalur[a.penyalur as usize].as_str(),
        )
    };
    let mut out = Vec::new();
    let mut catat = |kode: &str, nama: &str, k: (&str, &str, &str), l: [Option<u64>; 5], b| {
        for (j, (l, b)) in l.into_iter().zip(b).enumerate() {
            if l != b {
                out.push(Koreksi {
                    tanggal,
                    kode_wilayah: kode.to_string(),
                    nama_wilayah: nama.to_string(),
                    program: k.0.to_string(),
                    tahap: k.1.to_string(),
                    penyalur: k.2.to_string(),
                    angka: j as u8,
                    lama: l,
                    baru: b,
                });
            }
        }
    };
    for s in baru {
        let (Some(&program), Some(&tahap)) = (p_program.get(s.program), p_tahap.get(s.tahap))
        else {
            continue;
        };
        if !lama.program_tahap.contains(&(program, tahap)) {
            continue;
        }
        let l = p_wilayah
            .get(s.kode)
            .zip(p_penyalur.get(s.penyalur))
            .and_then(|(&w, &p)| sisa.remove(&[w, program, tahap, p]))
            .map_or(KOSONG, |i| lama.angka[i].nilai);
        catat(s.kode, s.nama, (s.program, s.tahap, s.penyalur), l, s.nilai);
    }
    // rows published before and gone now
    let mut hilang: Vec<usize> = sisa.into_values().collect();
    hilang.sort_unstable();
    for i in hilang {
        let (kode, program, tahap, penyalur) = kunci(i);
        let nama = &lama.wilayah[lama.angka[i].wilayah as usize].1;
        catat(
            kode,
            nama,
            (program, tahap, penyalur),
            lama.angka[i].nilai,
            KOSONG,
        );
    }
    out.sort_by(urutan);
    out
}

/// The history's order: newest first, then by region code, programme, tahap, penyalur and
/// figure, then the values.
fn urutan(a: &Koreksi, b: &Koreksi) -> std::cmp::Ordering {
    b.tanggal.cmp(&a.tanggal).then_with(|| {
        (
            &a.kode_wilayah,
            &a.program,
            &a.tahap,
            &a.penyalur,
            a.angka,
            a.lama,
            a.baru,
            &a.nama_wilayah,
        )
            .cmp(&(
                &b.kode_wilayah,
                &b.program,
                &b.tahap,
                &b.penyalur,
                b.angka,
                b.lama,
                b.baru,
                &b.nama_wilayah,
            ))
    })
}

/// This publication's corrections `baru` added to the history carried from the previous one:
/// newest date first; within a date, this publication's before the carried ones, whose order
/// is kept. Nothing is taken out as a duplicate: a correction is found only where the figure
/// published differs from this one, so the same change listed again is a change made again
/// (182 → 183, back to 182, then 183 again, all under one `data_as_of`), and a build that
/// changes nothing adds nothing.
pub fn gabung(mut baru: Vec<Koreksi>, riwayat: Vec<Koreksi>) -> Vec<Koreksi> {
    baru.sort_by(urutan);
    baru.extend(riwayat);
    // stable: within a date, the order above
    baru.sort_by_key(|k| std::cmp::Reverse(k.tanggal));
    baru
}

/// What was paid or failed after each tahap's cut-off day `batas` (indexed by [`TahapId`];
/// `None`: nothing is taken off), per region and cell, summed up the region tree as the
/// report's figures are. One pass over the realisation rows; only rows after a cut-off are
/// added, so a tahap that has ended adds nothing.
pub fn sesudah(ds: &Dataset, batas: &[Option<Date>]) -> FxHashMap<(WilayahId, Kunci), Angka> {
    let mut out: FxHashMap<(WilayahId, Kunci), Angka> = FxHashMap::default();
    for r in &ds.realisasi {
        let Some(Some(b)) = batas.get(r.tahap.indeks()) else {
            continue;
        };
        if r.tanggal <= *b {
            continue;
        }
        let kunci = Kunci {
            program: r.program,
            tahap: r.tahap,
            penyalur: r.penyalur,
        };
        let mut w = Some(r.wilayah);
        while let Some(id) = w {
            let a = out.entry((id, kunci)).or_default();
            match r.status {
                Status::Tersalur => {
                    a.tersalur_kpm = a.tersalur_kpm.saturating_add(r.kpm);
                    a.tersalur_nilai.add(r.nilai);
                }
                Status::Gagal => a.gagal_kpm = a.gagal_kpm.saturating_add(r.kpm),
            }
            w = ds.wilayah.node(id).induk;
        }
    }
    out
}

/// `a` without what `nanti` counted later (paid and failed; the allocation is unchanged).
pub fn kurangi(a: &Angka, nanti: &Angka) -> Angka {
    let mut out = *a;
    out.tersalur_kpm = a.tersalur_kpm.saturating_sub(nanti.tersalur_kpm);
    out.tersalur_nilai.jumlah = a
        .tersalur_nilai
        .jumlah
        .saturating_sub(nanti.tersalur_nilai.jumlah);
    out.tersalur_nilai.tanpa_nilai = a
        .tersalur_nilai
        .tanpa_nilai
        .saturating_sub(nanti.tersalur_nilai.tanpa_nilai);
    out.gagal_kpm = a.gagal_kpm.saturating_sub(nanti.gagal_kpm);
    out
}

/// The whole history for this publication, dated `tanggal` (its `data_as_of`), or the newest
/// date the history already lists when that is later: the corrections against `sebelumnya`
/// added to the ones it carried. Without a date nothing new
/// can be dated, and the history is carried as it was.
///
/// From the figures the previous build kept ([`Terbitan::Simpanan`]) only the regions whose
/// rows differ are compared: a region whose block ([`blok`]) hashes as the kept one, and
/// that has no payment after a cut-off, has the figures it had. A national one-kelurahan
/// correction decodes five regions' rows rather than parsing two million.
pub fn hitung(
    ds: &Dataset,
    report: &Report,
    sebelumnya: Sebelumnya,
    tanggal: Option<Date>,
) -> Vec<Koreksi> {
    let Sebelumnya { terbit, riwayat } = sebelumnya;
    let (Some(terbit), Some(tanggal)) = (terbit, tanggal) else {
        return gabung(Vec::new(), riwayat);
    };
    // never dated before a correction already listed: without `data_as_of` (or with one
    // moved back) the publication's date is its latest data day, which may be earlier than
    // the previous publication's, and the history would put this one's corrections below
    // older ones (and the feed file them as old news)
    let tanggal = riwayat.iter().map(|k| k.tanggal).fold(tanggal, Date::max);
    let (tahap_terbit, data_per) = match &terbit {
        Terbitan::Unduhan(t) => (&t.tahap, t.data_per_tahap.as_ref()),
        Terbitan::Simpanan(s, per) => (&s.tahap, per.as_ref()),
    };
    // each tahap's cut-off: its data day in the previous publication; a tahap published
    // without a data day had no payment yet, so every payment of it now is later
    let batas: Vec<Option<Date>> = ds
        .tahap
        .iter()
        .map(|t| {
            let per = data_per?;
            let diterbitkan = tahap_terbit.contains(&t.kode);
            diterbitkan.then(|| per.get(&t.kode).copied().unwrap_or(Date::MIN))
        })
        .collect();
    let nanti = if batas.iter().any(Option::is_some) {
        sesudah(ds, &batas)
    } else {
        FxHashMap::default()
    };
    let (lama, pilih) = match terbit {
        Terbitan::Unduhan(t) => (t, None),
        Terbitan::Simpanan(s, _) => match berbeda(ds, report, &s, &nanti) {
            Some((pilih, lama)) => (lama, Some(pilih)),
            // a block not as salur writes it: nothing can be said against it
            None => return gabung(Vec::new(), riwayat),
        },
    };
    let tree = &ds.wilayah;
    let sel = WilayahId::semua(tree.len())
        .filter(|w| pilih.as_ref().is_none_or(|p| p.contains(w)))
        .flat_map(|w| {
            let n = tree.node(w);
            let nanti = &nanti;
            report.wilayah[w.indeks()].sel.iter().map(move |(k, a)| {
                let a = match nanti.get(&(w, *k)) {
                    Some(x) => kurangi(a, x),
                    None => *a,
                };
                SelBaru {
                    kode: &n.kode_teks,
                    nama: &n.nama,
                    program: &ds.program[k.program.indeks()].kode,
                    tahap: &ds.tahap[k.tahap.indeks()].kode,
                    penyalur: &ds.penyalur[k.penyalur.indeks()],
                    nilai: nilai_angka(&a),
                }
            })
        });
    gabung(bandingkan(&lama, sel, tanggal), riwayat)
}

/// The regions whose figures may differ from those kept in `s` (this build's, and those of
/// `s` as a [`Terbit`]): a block that hashes otherwise, a region that appeared or went, or
/// one with payments after a cut-off (`nanti`). `None` when a block of `s` is broken.
fn berbeda(
    ds: &Dataset,
    report: &Report,
    s: &Simpanan,
    nanti: &FxHashMap<(WilayahId, Kunci), Angka>,
) -> Option<(FxHashSet<WilayahId>, Terbit)> {
    let tree = &ds.wilayah;
    let indeks = |v: &[String]| -> FxHashMap<String, u32> {
        (0u32..).zip(v).map(|(i, s)| (s.clone(), i)).collect()
    };
    let (pp, pt, ppy) = (indeks(&s.program), indeks(&s.tahap), indeks(&s.penyalur));
    let kode_ke: FxHashMap<&str, WilayahId> = WilayahId::semua(tree.len())
        .map(|w| (tree.node(w).kode_teks.as_str(), w))
        .collect();
    let ada_nanti: FxHashSet<WilayahId> = nanti.keys().map(|(w, _)| *w).collect();
    let mut b = Vec::new();
    // this build's rows of `w` in `s`'s names, hashed as `s` hashes its blocks; `None`
    // when a name is not in `s`
    let mut sidik_kini = |w: WilayahId| -> Option<u64> {
        let rows = report.wilayah[w.indeks()]
            .sel
            .iter()
            .map(|(k, a)| {
                Some((
                    *pp.get(&ds.program[k.program.indeks()].kode)?,
                    *pt.get(&ds.tahap[k.tahap.indeks()].kode)?,
                    *ppy.get(&ds.penyalur[k.penyalur.indeks()])?,
                    nilai_angka(a),
                ))
            })
            .collect::<Option<Vec<_>>>()?;
        b.clear();
        blok(&rows, &mut b);
        Some(sidik_blok(&b))
    };
    let mut pilih = FxHashSet::default();
    let mut baca = FxHashSet::default();
    let mut tersimpan = FxHashSet::default();
    for (i, (kode, _, sidik, _)) in s.wilayah.iter().enumerate() {
        match kode_ke.get(kode.as_str()) {
            Some(&w) => {
                tersimpan.insert(w);
                if ada_nanti.contains(&w) || sidik_kini(w) != Some(*sidik) {
                    pilih.insert(w);
                    baca.insert(i);
                }
            }
            None => {
                baca.insert(i);
            }
        }
    }
    for w in WilayahId::semua(tree.len()) {
        if !tersimpan.contains(&w) && !report.wilayah[w.indeks()].sel.is_empty() {
            pilih.insert(w);
        }
    }
    let lama = s.terbit(|i| baca.contains(&i))?;
    Some((pilih, lama))
}

/// The figures this build publishes, as the next build reads them ([`Simpanan`]), for the
/// publication `kunci`: every region's rows of `unduh/realisasi.csv`, in its order.
pub fn simpanan(ds: &Dataset, report: &Report, kunci: u64) -> Vec<u8> {
    let tree = &ds.wilayah;
    let program: Vec<&str> = ds.program.iter().map(|p| p.kode.as_str()).collect();
    let tahap: Vec<&str> = ds.tahap.iter().map(|t| t.kode.as_str()).collect();
    let penyalur: Vec<&str> = ds.penyalur.iter().map(String::as_str).collect();
    let wilayah = WilayahId::semua(tree.len()).filter_map(|w| {
        let sel = &report.wilayah[w.indeks()].sel;
        if sel.is_empty() {
            return None;
        }
        let n = tree.node(w);
        let rows: Vec<BarisSimpanan> = sel
            .iter()
            .map(|(k, a)| {
                (
                    k.program.indeks() as u32,
                    k.tahap.indeks() as u32,
                    k.penyalur.indeks() as u32,
                    nilai_angka(a),
                )
            })
            .collect();
        Some((n.kode_teks.as_str(), n.nama.as_str(), rows))
    });
    Simpanan::ke_bytes(kunci, &program, &tahap, &penyalur, wilayah)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::koreksi::AngkaTerbit;

    fn d(day: i8) -> Date {
        jiff::civil::date(2021, 8, day)
    }

    fn terbit(rows: &[(&str, &str, [Option<u64>; 5])]) -> Terbit {
        let mut t = Terbit {
            program: vec!["PKH".into()],
            penyalur: vec!["Pos".into()],
            ..Terbit::default()
        };
        for (kode, tahap, nilai) in rows {
            let w = t
                .wilayah
                .iter()
                .position(|(k, _)| k == kode)
                .unwrap_or_else(|| {
                    t.wilayah.push((kode.to_string(), format!("N{kode}")));
                    t.wilayah.len() - 1
                });
            let th = t.tahap.iter().position(|k| k == tahap).unwrap_or_else(|| {
                t.tahap.push(tahap.to_string());
                t.tahap.len() - 1
            });
            t.angka.push(AngkaTerbit {
                wilayah: w as u32,
                program: 0,
                tahap: th as u32,
                penyalur: 0,
                nilai: *nilai,
            });
        }
        let peta = |v: &[String]| (0..).zip(v).map(|(i, s)| (s.clone(), i)).collect();
        let kode: Vec<String> = t.wilayah.iter().map(|(k, _)| k.clone()).collect();
        t.peta = [
            peta(&kode),
            peta(&t.program),
            peta(&t.tahap),
            peta(&t.penyalur),
        ];
        t.program_tahap = t.angka.iter().map(|a| (a.program, a.tahap)).collect();
        t
    }

    fn sel<'a>(kode: &'a str, tahap: &'a str, nilai: [Option<u64>; 5]) -> SelBaru<'a> {
        SelBaru {
            kode,
            nama: "baru",
            program: "PKH",
            tahap,
            penyalur: "Pos",
            nilai,
        }
    }

    const A: [Option<u64>; 5] = [Some(10), Some(1000), Some(8), Some(800), Some(1)];

    #[test]
    fn lists_each_changed_figure_of_a_published_tahap() {
        let lama = terbit(&[("35.75", "T1", A), ("35.75.01", "T1", A)]);
        let mut b = A;
        b[0] = Some(12);
        b[1] = Some(1200);
        let k = bandingkan(
            &lama,
            [sel("35.75", "T1", b), sel("35.75.01", "T1", A)].into_iter(),
            d(1),
        );
        assert_eq!(k.len(), 2);
        assert_eq!((k[0].angka, k[0].lama, k[0].baru), (0, Some(10), Some(12)));
        assert_eq!(
            (k[1].angka, k[1].lama, k[1].baru),
            (1, Some(1000), Some(1200))
        );
        assert_eq!(k[0].tanggal, d(1));
        assert_eq!(k[0].kode_wilayah, "35.75");
    }

    #[test]
    fn a_new_tahap_is_not_a_correction_and_nothing_changed_lists_nothing() {
        let lama = terbit(&[("35.75", "T1", A)]);
        let k = bandingkan(
            &lama,
            [sel("35.75", "T1", A), sel("35.75", "T2", A)].into_iter(),
            d(1),
        );
        assert!(k.is_empty());
    }

    #[test]
    fn rows_that_appear_or_disappear_compare_with_an_empty_cell() {
        let lama = terbit(&[("35.75", "T1", A), ("35.76", "T1", A)]);
        let k = bandingkan(
            &lama,
            [
                sel("35.75", "T1", A),
                sel("35.77", "T1", [Some(3), None, Some(0), None, Some(0)]),
            ]
            .into_iter(),
            d(1),
        );
        // 35.76 gone: five figures to zero / empty; 35.77 new: its allocation
        assert_eq!(k.len(), 6);
        assert_eq!(k[0].kode_wilayah, "35.76");
        assert_eq!((k[0].lama, k[0].baru), (Some(10), Some(0)));
        assert_eq!((k[1].lama, k[1].baru), (Some(1000), None));
        assert_eq!(k[0].nama_wilayah, "N35.76");
        assert_eq!(k[5].kode_wilayah, "35.77");
        assert_eq!((k[5].lama, k[5].baru), (Some(0), Some(3)));
    }

    #[test]
    fn the_history_accumulates_newest_first_and_a_change_made_again_is_listed_again() {
        let lama = terbit(&[("35.75", "T1", A)]);
        let mut b = A;
        b[4] = Some(2);
        let baru = bandingkan(&lama, [sel("35.75", "T1", b)].into_iter(), d(9));
        let mut dulu = baru.clone();
        dulu[0].tanggal = d(2);
        let h = gabung(baru.clone(), vec![dulu[0].clone()]);
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].tanggal, d(9));
        assert_eq!(h[1].tanggal, d(2));
        // the same change made again under the same date (back and forth): listed again,
        // this publication's first
        let mut balik = baru[0].clone();
        (balik.lama, balik.baru) = (baru[0].baru, baru[0].lama);
        let h2 = gabung(baru.clone(), vec![balik.clone(), baru[0].clone()]);
        assert_eq!(h2, vec![baru[0].clone(), balik, baru[0].clone()]);
        // the same history again: unchanged
        assert_eq!(gabung(Vec::new(), h.clone()), h);
    }

    #[test]
    fn later_payments_are_taken_off_and_the_allocation_is_not() {
        let mut a = Angka {
            alokasi_kpm: 10,
            tersalur_kpm: 9,
            gagal_kpm: 1,
            ..Angka::default()
        };
        a.tersalur_nilai.jumlah = 900;
        let mut nanti = Angka {
            alokasi_kpm: 99,
            tersalur_kpm: 4,
            gagal_kpm: 1,
            ..Angka::default()
        };
        nanti.tersalur_nilai.jumlah = 400;
        let k = kurangi(&a, &nanti);
        assert_eq!(
            nilai_angka(&k),
            [Some(10), Some(0), Some(5), Some(500), Some(0)]
        );
    }
}
