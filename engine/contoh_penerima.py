#!/usr/bin/env python3
"""Writes a made-up recipient-level table to try the runners on (and for tests/suite/mesin.rs).

    python3 engine/contoh_penerima.py --wilayah SITE/data/wilayah.csv --out penerima.csv [--kk 40]

For each desa/kelurahan of wilayah.csv (a code with four parts), about --kk households, each
in BLTS tahap 2025-4 (paid by PT Pos Indonesia) and some also in PKH tahap 2025-T4 (paid by a
bank per provinsi), as one CSV row per household × programme in the schema of
engine/README.md: paid, failed (with a reason, sometimes one naming the recipient, as
operators write them) or still in process. Deterministic: the same arguments give the same
bytes. NIK and names are made up, shaped like real ones (16 digits; two words).
"""

import argparse
import csv
import datetime
import random

KOLOM = ("nik", "nama", "kode_wilayah", "program", "tahap", "penyalur", "tanggal", "status",
         "alasan", "nilai")

# (programme, tahap, first day, rupiah per household, share of households in it)
PROGRAM = (
    ("BLTS", "2025-4", datetime.date(2025, 10, 6), 900000, 1.0),
    ("PKH", "2025-T4", datetime.date(2025, 10, 13), None, 0.4),
)

# PKH's channel per provinsi: the bank of the region (BLTS goes through PT Pos everywhere).
BANK = {"35": "BRI", "62": "BNI", "64": "Bank Mandiri"}

# PKH pays per component: a household gets one to three of these.
KOMPONEN_PKH = (750000, 600000, 225000)

# Reasons as operators write them; {nama} is the household's name, which never reaches a page.
ALASAN = (
    "Meninggal dunia",
    "KPM meninggal, a.n. {nama}",
    "pindah domisili",
    "Tidak hadir saat pembayaran",
    "tidak tahu jadwal",
    "lansia, tidak dapat datang",
    "KKS rusak, {nama}",
)

NAMA_DEPAN = ("Sumiati", "Wagiyem", "Suparno", "Tukiran", "Paini", "Rusmini", "Sarjono",
              "Karsinah", "Sukarti", "Ponirah", "Jumadi", "Tugimin")
NAMA_BELAKANG = ("Sastrowardoyo", "Kartodikromo", "Wiryosuparto", "Hadisuwarno",
                 "Mangunkusumo", "Atmosudiro", "Prawirodihardjo", "Suryodiningrat")


def desa(path):
    """The codes of the desa/kelurahan in wilayah.csv, in code order."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return sorted(r["kode"] for r in csv.DictReader(f) if r["kode"].count(".") == 3)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--wilayah", required=True, help="a salur site's data/wilayah.csv")
    p.add_argument("--out", required=True, help="the CSV to write")
    p.add_argument("--kk", type=int, default=40, help="households per desa/kelurahan, about")
    p.add_argument("--seed", type=int, default=23)
    args = p.parse_args()

    acak = random.Random(args.seed)
    baris = []
    nomor = {}  # the last four digits, counted per kecamatan, so that no NIK is given twice
    for kode in desa(args.wilayah):
        digit = kode.replace(".", "")
        for _ in range(acak.randint(args.kk // 2, args.kk * 3 // 2)):
            lahir = datetime.date(1940, 1, 1) + datetime.timedelta(days=acak.randrange(25000))
            hari = lahir.day + (40 if acak.random() < 0.5 else 0)
            nomor[digit[:6]] = nomor.get(digit[:6], 0) + 1
            nik = "%s%02d%02d%02d%04d" % (digit[:6], hari, lahir.month, lahir.year % 100,
                                          nomor[digit[:6]])
            nama = "%s %s" % (acak.choice(NAMA_DEPAN), acak.choice(NAMA_BELAKANG))
            for program, tahap, mulai, nilai, bagian in PROGRAM:
                if acak.random() >= bagian:
                    continue
                penyalur = "PT Pos Indonesia" if program == "BLTS" else BANK.get(kode[:2], "BRI")
                if nilai is None:
                    nilai = sum(acak.sample(KOMPONEN_PKH, acak.randint(1, 3)))
                r = acak.random()
                tanggal, alasan = "", ""
                if r < 0.7:
                    status = "tersalur"
                elif r < 0.82:
                    status = "gagal"
                    alasan = acak.choice(ALASAN).format(nama=nama)
                else:
                    status = "proses"
                if status != "proses":
                    tanggal = (mulai + datetime.timedelta(days=acak.randrange(21))).isoformat()
                baris.append((nik, nama, kode, program, tahap, penyalur, tanggal, status, alasan,
                              nilai))
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(KOLOM)
        w.writerows(baris)
    print("%s: %d rows" % (args.out, len(baris)))


if __name__ == "__main__":
    main()
