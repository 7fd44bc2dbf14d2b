#!/usr/bin/env python3
"""Regenerate the example site's CSV inputs in ``data/`` (deterministic).

Run from the repository root::

    python3 scripts/example_data.py [--shared DIR] [--out DIR]

``--shared`` defaults to ``../shared/data/idn-area-data-4.0.1`` relative to the
repository root (the parent of ``scripts/``); ``--out`` defaults to ``data/``.
Python 3.11+, standard library only. All randomness comes from
``random.Random`` instances seeded from the fixed ``SEED`` below and all
splitting is done in integer arithmetic, so every run writes byte-identical
files (UTF-8 without BOM, ``\\n`` line endings, comma separated, header first,
fields quoted only when needed).

Files written
-------------
``wilayah.csv`` (``kode,nama,kk,penduduk``)
    The real Kemendagri region tree for the example regions: provinsi 35, 62,
    64; kabupaten/kota 35.23 (Tuban), 35.74 (Kota Probolinggo), 35.75 (Kota
    Pasuruan), 62.03 (Kapuas), 64.02 (Kutai Kartanegara); all their kecamatan
    and all their desa/kelurahan, names exactly as in idn-area-data.
    Sorted by ``kode`` (string order; code parts are zero padded).
``program.csv`` (``kode,nama,sumber_dana,nilai_per_kpm,periode``)
    Fixed rows, in the order listed in ``PROGRAMS``.
``tahap.csv`` (``kode,nama,mulai,selesai,target``)
    Fixed rows, in the order listed in ``TAHAP``.
``alokasi.csv`` (``program,tahap,kode_wilayah,penyalur,kpm``)
    One row per desa/kelurahan per program x penyalur.
    Sorted by (program, tahap, kode_wilayah, penyalur).
``sumber_angka.csv`` (``kode_wilayah,program,tahap,penyalur,angka,cakupan,sifat,sumber``)
    Where each region's figures come from: the seed's totals ``resmi``, the rest
    ``ilustratif``, in the order listed in ``SUMBER_ANGKA``.
``realisasi.csv`` (``program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm``)
    ``status`` is ``tersalur`` (paid, ``alasan`` empty) or ``gagal`` (failed,
    ``alasan`` a short Indonesian reason); rows with the same key are summed.
    Sorted by (program, tahap, kode_wilayah, penyalur, tanggal, status, alasan).

Scenarios (region totals come from the seed articles)
-----------------------------------------------------
* Kota Pasuruan (35.75), tahap 2021-07: BST via PT Pos Indonesia 18877 KPM,
  BLT via PT Pos Indonesia 10550 KPM, APBD-TUNAI via Bank Jatim 5744 KPM.
  BST paid 2021-07-19..25 at one payment point per kelurahan, at most 200 KPM
  per kelurahan per day; BLT paid 2021-07-26..28; APBD-TUNAI 2021-07-27..29.
* Kabupaten Kapuas (62.03), tahap 2024: tersalur by end of 2024 is exactly
  PT Pos Indonesia 2269 KK (PKH 1041 + SEMBAKO 1228, split illustrative),
  BRI PKH 1472 KK, BRI SEMBAKO 15868 KK; plus 2-4 % gagal (tidak tahu jadwal
  penyaluran, penerima lansia, meninggal dunia). Allocation = tersalur + gagal.
* Kabupaten Kutai Kartanegara (64.02), tahap 2021-T4 (target 2022-01-15):
  PKH and SEMBAKO via BRI, daily realisation 2021-12-20..2022-01-10; most
  kecamatan 80-95 % realised, Anggana (64.02.04) and Tabang (64.02.12) lag at
  40-55 % with a pace too slow to finish by the target date.

IMPORTANT: every per-kelurahan/per-desa split, every daily/quarterly split and
every failure count is ILLUSTRATIVE (synthetic, seeded random). The source
articles only give region totals; nothing here describes a real kelurahan's
figures. No personal data (names, NIK) is generated.

Data wilayah: idn-area-data (ODbL). The region codes and names in
``wilayah.csv`` (and the codes used in the other files) are derived from
idn-area-data 4.0.1 (fityannugroho/idn-area-data), Open Database License 1.0;
``wilayah.csv`` stays under the ODbL.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import hashlib
import random
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20210719

ATTRIBUTION = "Data wilayah: idn-area-data (ODbL)"

PROVINSI = ("35", "62", "64")
KABKOTA = ("35.75", "35.74", "62.03", "64.02", "35.23")
EXPECTED_DESA = {"35.75": 34, "35.74": 29, "62.03": 231, "64.02": 237, "35.23": 328}

# desil_maks: BLT-S Kesra candidates come from the poorest DTSEN deciles (001); the example
# takes deciles 1–2, as its funnel's first step says.
PROGRAMS = [
    ("BST", "Bantuan Sosial Tunai", "APBN", "300000", "bulanan", ""),
    ("BLT", "Bantuan Langsung Tunai", "", "", "bulanan", ""),
    ("APBD-TUNAI", "Bansos Tunai APBD Kota Pasuruan", "APBD", "", "dua_bulanan", ""),
    ("PKH", "Program Keluarga Harapan", "APBN", "", "tahap", ""),
    ("SEMBAKO", "Program Sembako (BPNT)", "APBN", "", "tahap", ""),
    ("BLTS-KESRA", "BLT Sosial Kesejahteraan (BLT-S Kesra)", "APBD", "", "sekali", "2"),
    ("MODAL-USAHA", "Bantuan Modal Usaha Miskin Ekstrem", "APBD", "2500000", "sekali", ""),
]

TAHAP = [
    ("2021-07", "Juli 2021", "2021-07-01", "2021-07-31", ""),
    ("2021-T4", "Tahap IV 2021", "2021-10-01", "2022-01-15", "2022-01-15"),
    ("2024", "Tahun 2024", "2024-01-01", "2024-12-31", ""),
    ("2025-T4", "Tahap IV 2025", "2025-10-01", "2025-12-31", ""),
]

POS = "PT Pos Indonesia"
BRI = "BRI"
BANK_JATIM = "Bank Jatim"

# --- Kota Pasuruan (seed totals, exact) -------------------------------------
PASURUAN = "35.75"
PASURUAN_TAHAP = "2021-07"
PASURUAN_STREAMS = [  # program, penyalur, allocation total, paid dates
    ("BST", POS, 18877, ("2021-07-19", "2021-07-25")),
    ("BLT", POS, 10550, ("2021-07-26", "2021-07-28")),
    ("APBD-TUNAI", BANK_JATIM, 5744, ("2021-07-27", "2021-07-29")),
]
BST_PER_DAY_CAP = 200  # one payment point per kelurahan, max 200 KPM a day
PASURUAN_REASONS = [("meninggal dunia", 30), ("pindah domisili", 30), ("tidak hadir", 40)]

# --- Kabupaten Kapuas (seed: tersalur by end of 2024, exact) -----------------
KAPUAS = "62.03"
KAPUAS_TAHAP = "2024"
KAPUAS_POS_DESA = 70
KAPUAS_STREAMS = [  # program, penyalur, tersalur total, served by Pos subset?
    ("PKH", POS, 1041, True),
    ("SEMBAKO", POS, 1228, True),  # Pos PKH + SEMBAKO = 2269 KK (seed)
    ("PKH", BRI, 1472, False),
    ("SEMBAKO", BRI, 15868, False),
]
KAPUAS_DATES = ["2024-03-28", "2024-06-27", "2024-09-26", "2024-12-19"]
KAPUAS_GAGAL_DATE = "2024-12-19"
KAPUAS_REASONS = [
    ("tidak tahu jadwal penyaluran", 45),
    ("penerima lansia", 35),
    ("meninggal dunia", 20),
]

# --- Kabupaten Tuban (illustrative, for the comparison with Kota Pasuruan) ----
# Seed 004: DPRD Kabupaten Tuban studies Kota Pasuruan. The articles give no Tuban figures:
# its BST allocation, payments, failures and funnel are ILLUSTRATIVE and labelled so on the site.
TUBAN = "35.23"
TUBAN_TAHAP = "2021-07"
TUBAN_BST = 52418
TUBAN_DATES = ("2021-07-20", "2021-07-31")
TUBAN_REASONS = [("meninggal dunia", 35), ("pindah domisili", 25), ("tidak hadir", 40)]

# Households and population (wilayah.csv columns kk, penduduk) for the two compared regions.
# Population totals are the 2020 census (BPS, SP2020): Kota Pasuruan 208.006, Kabupaten Tuban
# 1.198.012. The household totals and every split by kelurahan/desa are ILLUSTRATIVE.
PENDUDUK = {"35.75": (66184, 208006), "35.23": (372861, 1198012)}

# --- Kabupaten Kutai Kartanegara (illustrative totals) -----------------------
KUKAR = "64.02"
KUKAR_TAHAP = "2021-T4"
KUKAR_STREAMS = [("PKH", BRI, 27936), ("SEMBAKO", BRI, 52148)]
KUKAR_START = dt.date(2021, 12, 20)
KUKAR_END = dt.date(2022, 1, 10)  # last day with data ("as of")
KUKAR_TARGET = dt.date(2022, 1, 15)
KUKAR_LAGGING = ("64.02.04", "64.02.12")  # Anggana, Tabang
KUKAR_HOLIDAYS = {dt.date(2021, 12, 25), dt.date(2022, 1, 1)}
KUKAR_REASONS = [("tidak hadir", 50), ("meninggal dunia", 30), ("kartu KKS bermasalah", 20)]
# realisation (tersalur / allocation) per kecamatan x program, in permille
KUKAR_RATE_NORMAL = (830, 930)
KUKAR_RATE_LAGGING = (430, 520)

ALOKASI_HEADER = ["program", "tahap", "kode_wilayah", "penyalur", "kpm"]
REALISASI_HEADER = [
    "program", "tahap", "kode_wilayah", "penyalur", "tanggal", "status", "alasan", "kpm",
]


# --- helpers -----------------------------------------------------------------

def rng_for(section: str) -> random.Random:
    """An independent, stable generator per section (adding a section later
    does not shift the numbers of the others)."""
    digest = hashlib.sha256(f"{SEED}:{section}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def split_int(total: int, weights: list[int], caps: list[int] | None = None,
              minimum: int = 0) -> list[int]:
    """Split ``total`` into integers proportional to integer ``weights``.

    Every part gets at least ``minimum`` and at most ``caps[i]``; rounding is
    fixed with the largest-remainder method (ties: lower index first), in
    exact integer arithmetic, so the parts sum to ``total`` exactly.
    """
    n = len(weights)
    if caps is None:
        caps = [total] * n
    if any(c < minimum for c in caps) or sum(caps) < total or n * minimum > total:
        raise ValueError(f"cannot split {total} over {n} parts")
    parts = [minimum] * n
    rest = total - n * minimum
    room = [c - minimum for c in caps]
    active = [i for i in range(n) if room[i] > 0]
    # water-fill: parts whose proportional share exceeds their room get the room
    while True:
        wsum = sum(weights[i] for i in active)
        if wsum == 0:
            raise ValueError("zero weights with something left to split")
        over = [i for i in active if rest * weights[i] > room[i] * wsum]
        if not over:
            break
        for i in over:
            parts[i] += room[i]
            rest -= room[i]
        active = [i for i in active if i not in over]
    wsum = sum(weights[i] for i in active)
    given = 0
    rems = []
    for i in active:
        q, r = divmod(rest * weights[i], wsum)
        parts[i] += q
        given += q
        rems.append((-r, i))
    rems.sort()
    for _, i in rems[: rest - given]:
        parts[i] += 1
    assert sum(parts) == total
    assert all(minimum <= p <= c for p, c in zip(parts, caps))
    return parts


def weighted_pick(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    cum = []
    acc = 0
    for _, w in choices:
        acc += w
        cum.append(acc)
    return choices[bisect.bisect_right(cum, rng.randrange(acc))][0]


def days(start: str | dt.date, end: str | dt.date) -> list[dt.date]:
    a = dt.date.fromisoformat(start) if isinstance(start, str) else start
    b = dt.date.fromisoformat(end) if isinstance(end, str) else end
    return [a + dt.timedelta(days=k) for k in range((b - a).days + 1)]


class Rows:
    """Accumulates alokasi and realisasi rows, summing duplicate keys."""

    def __init__(self) -> None:
        self.alokasi: dict[tuple, int] = {}
        self.realisasi: dict[tuple, int] = defaultdict(int)

    def alloc(self, program, tahap, kode, penyalur, kpm: int) -> None:
        key = (program, tahap, kode, penyalur)
        assert key not in self.alokasi, key
        assert kpm > 0, key
        self.alokasi[key] = kpm

    def paid(self, program, tahap, kode, penyalur, tanggal, kpm: int) -> None:
        if kpm > 0:
            self.realisasi[(program, tahap, kode, penyalur, str(tanggal), "tersalur", "")] += kpm

    def failed(self, program, tahap, kode, penyalur, tanggal, alasan, kpm: int) -> None:
        assert alasan
        if kpm > 0:
            self.realisasi[(program, tahap, kode, penyalur, str(tanggal), "gagal", alasan)] += kpm


# --- region tree -------------------------------------------------------------

def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def load_wilayah(shared: Path):
    provinces = {r["code"]: r["name"] for r in read_csv(shared / "provinces.csv")}
    regencies = {r["code"]: r["name"] for r in read_csv(shared / "regencies.csv")}
    districts = [r for r in read_csv(shared / "districts.csv") if r["regency_code"] in KABKOTA]
    kec_codes = {r["code"] for r in districts}
    villages = [r for r in read_csv(shared / "villages.csv") if r["district_code"] in kec_codes]

    rows = [(k, provinces[k]) for k in PROVINSI]
    rows += [(k, regencies[k]) for k in KABKOTA]
    rows += [(r["code"], r["name"]) for r in districts]
    rows += [(r["code"], r["name"]) for r in villages]
    rows.sort()
    codes = [k for k, _ in rows]
    assert len(codes) == len(set(codes)), "duplicate region code"

    desa: dict[str, list[str]] = {k: [] for k in KABKOTA}
    for r in villages:
        desa[r["code"][:5]].append(r["code"])
    for k in desa:
        desa[k].sort()
        assert len(desa[k]) == EXPECTED_DESA[k], (k, len(desa[k]))
    names = dict(rows)
    return rows, desa, names


# --- scenarios ---------------------------------------------------------------

def gen_pasuruan(rows: Rows, kel: list[str]) -> None:
    rng = rng_for("pasuruan")
    n = len(kel)
    size = [rng.randint(600, 1400) for _ in kel]  # kelurahan size factor 0.6..1.4
    for program, penyalur, total, (d0, d1) in PASURUAN_STREAMS:
        weights = [s * rng.randint(900, 1100) for s in size]
        caps = [BST_PER_DAY_CAP * 7] * n if program == "BST" else None
        alloc = split_int(total, weights, caps=caps, minimum=1)
        paydays = days(d0, d1)
        for kode, a in zip(kel, alloc):
            rows.alloc(program, PASURUAN_TAHAP, kode, penyalur, a)
            if program == "BST":
                gagal = rng.randint(0, 4)
            else:
                gagal = rng.randint(1, 2) if rng.randint(1, 100) <= 25 else 0
            gagal = min(gagal, a - 1)
            for _ in range(gagal):
                rows.failed(program, PASURUAN_TAHAP, kode, penyalur, paydays[-1],
                            weighted_pick(rng, PASURUAN_REASONS), 1)
            paid = a - gagal
            # crowds early, tapering towards the last day
            dw = [(1300 - 100 * k) * rng.randint(700, 1300) for k in range(len(paydays))]
            dcaps = [BST_PER_DAY_CAP] * len(paydays) if program == "BST" else None
            for day, kpm in zip(paydays, split_int(paid, dw, caps=dcaps)):
                rows.paid(program, PASURUAN_TAHAP, kode, penyalur, day, kpm)


def gen_tuban(rows: Rows, desa: list[str]) -> None:
    """Tuban's BST for July 2021 via PT Pos Indonesia: illustrative, for the comparison."""
    rng = rng_for("tuban")
    size = [rng.randint(500, 1500) for _ in desa]
    alloc = split_int(TUBAN_BST, size, caps=[BST_PER_DAY_CAP * 12] * len(desa), minimum=20)
    paydays = days(*TUBAN_DATES)
    for kode, a in zip(desa, alloc):
        rows.alloc("BST", TUBAN_TAHAP, kode, POS, a)
        gagal = min(rng.randint(0, 6), a - 1)
        for _ in range(gagal):
            rows.failed("BST", TUBAN_TAHAP, kode, POS, paydays[-1],
                        weighted_pick(rng, TUBAN_REASONS), 1)
        # a few desa still have KPM to pay at the end of the month
        sisa = rng.randint(1, 8) if rng.randint(1, 100) <= 10 else 0
        paid = a - gagal - min(sisa, a - gagal)
        dw = [(1300 - 50 * k) * rng.randint(700, 1300) for k in range(len(paydays))]
        for day, kpm in zip(paydays, split_int(paid, dw, caps=[BST_PER_DAY_CAP] * len(paydays))):
            rows.paid("BST", TUBAN_TAHAP, kode, POS, day, kpm)


def gen_kependudukan(rows: Rows, desa: dict[str, list[str]]) -> dict[str, tuple[int, int]]:
    """Households and population per desa/kelurahan of the compared regions: the totals of
    ``PENDUDUK`` split in proportion to each one's BST allocation (with some noise), so that
    no kelurahan has more KPM than households. Illustrative."""
    out: dict[str, tuple[int, int]] = {}
    for region, (kk_total, jiwa_total) in sorted(PENDUDUK.items()):
        rng = rng_for(f"kependudukan-{region}")
        kel = desa[region]
        bst = [rows.alokasi[("BST", "2021-07", k, POS)] for k in kel]
        kk = split_int(kk_total, [b * rng.randint(80, 120) for b in bst])
        assert all(k >= b for k, b in zip(kk, bst)), region
        jiwa = split_int(jiwa_total, [k * rng.randint(290, 350) for k in kk])
        out.update({k: (a, b) for k, a, b in zip(kel, kk, jiwa)})
    return out


def gen_pasuruan_rw(rows: Rows) -> list[tuple[str, str, int]]:
    """KPM per RW of each Kota Pasuruan kelurahan for BST (``rw.csv``), summing to its
    allocation: the input of ``salur jadwal usul``, which proposes ``jadwal.csv``. Its own
    random stream, so the other figures do not move."""
    rng = rng_for("pasuruan-rw")
    out = []
    for (program, tahap, kode, _), a in sorted(rows.alokasi.items()):
        if program != "BST" or tahap != PASURUAN_TAHAP or not kode.startswith(PASURUAN):
            continue
        n = rng.randint(5, 12)
        parts = split_int(a, [rng.randint(600, 1400) for _ in range(n)], minimum=1)
        out.extend((kode, f"{i + 1:02d}", k) for i, k in enumerate(parts))
    return out


def gen_kapuas(rows: Rows, desa: list[str]) -> None:
    rng = rng_for("kapuas")
    size = {d: rng.randint(400, 1600) for d in desa}
    pos_desa = sorted(rng.sample(desa, KAPUAS_POS_DESA))
    for program, penyalur, total, via_pos in KAPUAS_STREAMS:
        served = pos_desa if via_pos else desa
        weights = [size[d] * rng.randint(800, 1200) for d in served]
        paid = split_int(total, weights, minimum=1)
        # failures: 2-4 % of the allocation, spread over desa like the payments
        rate = rng.randint(20, 40)  # permille of allocation
        n_gagal = (total * rate + (1000 - rate) // 2) // (1000 - rate)
        cum = []
        acc = 0
        for p in paid:
            acc += p
            cum.append(acc)
        gagal: dict[str, dict[str, int]] = {d: defaultdict(int) for d in served}
        for _ in range(n_gagal):
            d = served[bisect.bisect_right(cum, rng.randrange(acc))]
            gagal[d][weighted_pick(rng, KAPUAS_REASONS)] += 1
        for d, p in zip(served, paid):
            g = sum(gagal[d].values())
            rows.alloc(program, KAPUAS_TAHAP, d, penyalur, p + g)
            qw = [rng.randint(600, 1400) for _ in KAPUAS_DATES]
            for day, kpm in zip(KAPUAS_DATES, split_int(p, qw)):
                rows.paid(program, KAPUAS_TAHAP, d, penyalur, day, kpm)
            for alasan, kpm in sorted(gagal[d].items()):
                rows.failed(program, KAPUAS_TAHAP, d, penyalur, KAPUAS_GAGAL_DATE, alasan, kpm)


def kukar_profile(kec: str, window: list[dt.date]) -> list[int]:
    """Relative daily pace per kecamatan (integers)."""
    out = []
    last = len(window) - 1
    for k, day in enumerate(window):
        if kec in KUKAR_LAGGING:
            # started normally, then stalled: the last 7 days crawl
            w = 1000 - 20 * k if k < last - 6 else 120
        else:
            w = 700 + (500 * k) // last  # ramping up towards the target date
        if day.weekday() == 6 or day in KUKAR_HOLIDAYS:
            w = w * 4 // 10
        out.append(w)
    return out


def gen_kukar(rows: Rows, desa: list[str]) -> None:
    rng = rng_for("kukar")
    window = days(KUKAR_START, KUKAR_END)
    by_kec: dict[str, list[str]] = defaultdict(list)
    for d in desa:
        by_kec[d[:8]].append(d)
    kec_factor = {k: rng.randint(700, 1300) for k in sorted(by_kec)}
    size = {d: kec_factor[d[:8]] * rng.randint(400, 1600) for d in desa}
    profile = {k: kukar_profile(k, window) for k in sorted(by_kec)}

    for program, penyalur, total in KUKAR_STREAMS:
        weights = [size[d] * rng.randint(850, 1150) for d in desa]
        alloc = dict(zip(desa, split_int(total, weights, minimum=1)))
        for d in desa:
            rows.alloc(program, KUKAR_TAHAP, d, penyalur, alloc[d])

        # a few small failures
        gagal = defaultdict(int)
        candidates = [d for d in desa if alloc[d] >= 15]
        for d in sorted(rng.sample(candidates, rng.randint(10, 16))):
            for _ in range(rng.randint(1, 3)):
                alasan = weighted_pick(rng, KUKAR_REASONS)
                day = window[rng.randrange(len(window))]
                rows.failed(program, KUKAR_TAHAP, d, penyalur, day, alasan, 1)
                gagal[d] += 1

        for kec in sorted(by_kec):
            members = by_kec[kec]
            lo, hi = KUKAR_RATE_LAGGING if kec in KUKAR_LAGGING else KUKAR_RATE_NORMAL
            rate = rng.randint(lo, hi)
            a_kec = sum(alloc[d] for d in members)
            t_kec = (a_kec * rate + 500) // 1000
            caps = [alloc[d] - gagal[d] for d in members]
            dweights = [alloc[d] * rng.randint(850, 1150) for d in members]
            for d, paid in zip(members, split_int(t_kec, dweights, caps=caps)):
                dw = [w * rng.randint(500, 1500) for w in profile[kec]]
                for day, kpm in zip(window, split_int(paid, dw)):
                    rows.paid(program, KUKAR_TAHAP, d, penyalur, day, kpm)


# --- Kukar: BRI branches' reports for the reconciliation of 6 January 2022 (seed 003) ---
# Each branch covers kecamatan near it; its report is Dinsos's paid KPM up to the day, except
# where a branch counted otherwise (illustrative differences, for the reconciliation to list).
LAPORAN_HEADER = ["penyalur", "cabang", "program", "tahap", "kode_wilayah", "kpm", "nilai",
                  "tanggal_laporan"]
KUKAR_REKON_DATE = dt.date(2022, 1, 6)
KUKAR_CABANG = {
    "Tenggarong": ["64.02.01", "64.02.02", "64.02.06", "64.02.07", "64.02.08", "64.02.09",
                   "64.02.10", "64.02.11", "64.02.12", "64.02.16", "64.02.18", "64.02.19"],
    "Samarinda": ["64.02.03", "64.02.04", "64.02.15"],
    "Bontang": ["64.02.05", "64.02.17"],
    "Balikpapan": ["64.02.13", "64.02.14", "64.02.20"],
}
# (kecamatan, program): the branch's KPM minus Dinsos's
KUKAR_SELISIH = {
    ("64.02.04", "SEMBAKO"): 14,   # Anggana: paid at the branch, not yet entered by Dinsos
    ("64.02.05", "PKH"): -6,       # Muara Badak: Dinsos counts 6 more than the branch
    ("64.02.13", "SEMBAKO"): 1,    # Samboja: within the tolerance of 2 KPM
    ("64.02.08", "PKH"): -2,       # Kota Bangun: within the tolerance
}


def gen_laporan(rows: Rows) -> list[tuple]:
    paid = defaultdict(int)
    for (prog, tahap, kode, pen, tgl, status, _), kpm in rows.realisasi.items():
        if (kode[:5] == KUKAR and tahap == KUKAR_TAHAP and status == "tersalur"
                and dt.date.fromisoformat(tgl) <= KUKAR_REKON_DATE):
            paid[(kode[:8], prog)] += kpm
    out = []
    for cabang, kecs in KUKAR_CABANG.items():
        for kec in kecs:
            for program, penyalur, _ in KUKAR_STREAMS:
                kpm = paid[(kec, program)] + KUKAR_SELISIH.get((kec, program), 0)
                out.append((penyalur, cabang, program, KUKAR_TAHAP, kec, kpm, "",
                            str(KUKAR_REKON_DATE)))
    assert sorted(k for ks in KUKAR_CABANG.values() for k in ks) == \
        [f"64.02.{i:02d}" for i in range(1, 21)]
    return out


# --- output ------------------------------------------------------------------

def write_csv(path: Path, header: list[str], data) -> int:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        n = 0
        for row in data:
            w.writerow(row)
            n += 1
    return n


def check_and_summarise(rows: Rows, names: dict[str, str], say=print) -> None:
    """Assert the invariants and seed totals; print a summary via ``say``."""
    alok = rows.alokasi
    real = rows.realisasi
    # per desa: tersalur + gagal vs allocation
    paid = defaultdict(int)
    fail = defaultdict(int)
    for (prog, tahap, kode, pen, tgl, status, _), kpm in real.items():
        assert (prog, tahap, kode, pen) in alok, ("realisasi without alokasi", kode)
        (paid if status == "tersalur" else fail)[(prog, tahap, kode, pen)] += kpm
    for key, a in alok.items():
        assert paid[key] + fail[key] <= a, key
        if key[2][:5] in (PASURUAN, KAPUAS):
            assert paid[key] + fail[key] == a, key
    # BST: max 200 per kelurahan per day, max 1400 per kelurahan
    for (prog, tahap, kode, pen, tgl, status, _), kpm in real.items():
        if prog == "BST" and status == "tersalur":
            assert kpm <= BST_PER_DAY_CAP
    for (prog, _, _, _), a in alok.items():
        if prog == "BST":
            assert a <= BST_PER_DAY_CAP * 7

    # seed totals
    def tot(d, region, program, penyalur):
        return sum(v for k, v in d.items()
                   if k[2][:5] == region and k[0] == program and k[3] == penyalur)

    for program, penyalur, total, _ in PASURUAN_STREAMS:
        assert tot(alok, PASURUAN, program, penyalur) == total, program
    for program, penyalur, total, _ in KAPUAS_STREAMS:
        assert tot(paid, KAPUAS, program, penyalur) == total, (program, penyalur)
    assert tot(paid, KAPUAS, "PKH", POS) + tot(paid, KAPUAS, "SEMBAKO", POS) == 2269

    say("per region x program x penyalur: alokasi / tersalur / gagal")
    groups = sorted({(k[2][:5], k[0], k[1], k[3]) for k in alok})
    for region, program, tahap, penyalur in groups:
        def s(d):
            return sum(v for k, v in d.items()
                       if k[2][:5] == region and k[0] == program and k[3] == penyalur)
        say(f"  {region} {names[region]:<28} {program:<11} {tahap:<8} {penyalur:<17}"
              f" {s(alok):>6} {s(paid):>6} {s(fail):>5}")

    # Kukar: realisation per kecamatan as of KUKAR_END, 7-day pace vs remaining
    last7 = {str(d) for d in days(KUKAR_END - dt.timedelta(days=6), KUKAR_END)}
    days_left = (KUKAR_TARGET - KUKAR_END).days
    say(f"Kukar {KUKAR_TAHAP} as of {KUKAR_END} (target {KUKAR_TARGET}, {days_left} days left):")
    say("  kecamatan                      prog     alokasi tersalur gagal   real%  "
          "7-day  sisa  proyeksi")
    kecs = sorted({k[2][:8] for k in alok if k[2][:5] == KUKAR})
    for kec in kecs:
        for program, penyalur, _ in KUKAR_STREAMS + [("ALL", None, None)]:
            def sel(k):
                return k[2][:8] == kec and k[1] == KUKAR_TAHAP and (
                    program == "ALL" or k[0] == program)
            a = sum(v for k, v in alok.items() if sel(k))
            t = sum(v for k, v in paid.items() if sel(k))
            g = sum(v for k, v in fail.items() if sel(k))
            r7 = sum(v for k, v in real.items()
                     if sel(k) and k[5] == "tersalur" and k[4] in last7)
            sisa = a - t - g
            proj = (t + r7 * days_left / 7) / a
            pct = t / a
            lag = kec in KUKAR_LAGGING
            if program != "ALL":
                if lag:
                    assert 0.40 <= pct <= 0.55 and r7 * days_left / 7 < sisa / 2, kec
                else:
                    assert 0.80 <= pct <= 0.95 and r7 * days_left / 7 >= a - t, kec
            say(f"  {kec} {names[kec]:<20} {program:<8} {a:>7} {t:>8} {g:>5} "
                  f"{100 * pct:6.1f}% {r7:>6} {sisa:>5} {100 * proj:6.1f}%"
                  f"{'  LAG' if lag and program == 'ALL' else ''}")


# Verification funnels (data/verval.csv), steps in file order. Kota Pasuruan's is the seed's
# (004): at the end of 2022, 4.011 people were listed as extremely poor and 891 met the
# criteria. Kota Probolinggo's BLT-S Kesra funnel (001: candidates from DTSEN deciles, verified
# until November 2025) has illustrative figures, and says so.
VERVAL_HEADER = ["periode", "kode_wilayah", "program", "langkah", "jumlah", "catatan"]
_PROBOLINGGO = ("Angka ilustratif: sumber berita hanya menyebut calon dari data desil DTSEN "
                "dan verifikasi sampai November 2025.")
_TUBAN = ("Angka ilustratif: sumber berita tidak menyebut angka Kabupaten Tuban; "
          "dipakai untuk contoh perbandingan dengan Kota Pasuruan.")
VERVAL = [
    ("2022", "35.75", "MODAL-USAHA", "Terdata miskin ekstrem", 4011, ""),
    ("2022", "35.75", "MODAL-USAHA", "Memenuhi kriteria setelah verifikasi", 891, ""),
    ("2022", "35.23", "MODAL-USAHA", "Terdata miskin ekstrem", 12640, _TUBAN),
    ("2022", "35.23", "MODAL-USAHA", "Memenuhi kriteria setelah verifikasi", 3105, _TUBAN),
    ("2025", "35.74", "BLTS-KESRA", "Calon dari DTSEN desil 1–2", 3120, _PROBOLINGGO),
    ("2025", "35.74", "BLTS-KESRA", "Diverifikasi di lapangan", 2874, _PROBOLINGGO),
    ("2025", "35.74", "BLTS-KESRA", "Memenuhi syarat", 2216, _PROBOLINGGO),
    ("2025", "35.74", "BLTS-KESRA", "Ditetapkan penerima", 2105, _PROBOLINGGO),
]


# Households per DTSEN decile in Kota Probolinggo (001), illustrative and labelled: deciles 1
# and 2 hold the 3.120 candidates of the BLT-S Kesra funnel above.
DESIL_HEADER = ["periode", "kode_wilayah", "desil", "kk", "catatan"]
_DESIL_KK = [1380, 1740, 2650, 3310, 4020, 4780, 5410, 6120, 6890, 7530]
assert sum(_DESIL_KK[:2]) == 3120
DESIL = [("2025", "35.74", d, kk, "Angka ilustratif: sebaran rekaan untuk contoh, bukan data DTSEN.")
         for d, kk in enumerate(_DESIL_KK, start=1)]


# Where each region's allocation and realisation figures come from (data/sumber_angka.csv):
# what the five articles say, and what is made up for the example. A row speaks of its region
# and every region below it; cakupan "total" of the region's own total only, "rincian" of its
# split below it; angka narrows it to alokasi, tersalur, gagal or realisasi (tersalur and
# gagal); the most specific row applies. Kota Probolinggo has no such figures (its funnel and
# deciles say "Angka ilustratif" themselves).
SUMBER_ANGKA_HEADER = ["kode_wilayah", "program", "tahap", "penyalur", "angka", "cakupan",
                       "sifat", "sumber"]
_RAKOR_PASURUAN = ("Berita Pemerintah Kota Pasuruan tentang rakor bansos 13 Juli 2021 di "
                   "Pendopo Surga Surgi")
_ANTARA_KAPUAS = "Berita ANTARA tentang rakor evaluasi penyaluran 2024 Dinsos Kabupaten Kapuas"
SUMBER_ANGKA = [
    # 000: Kota Pasuruan's three programmes, their recipients as the rakor gave them
    (PASURUAN, "", "", "", "", "rincian", "ilustratif",
     "Rekaan untuk contoh: berita rakor 13 Juli 2021 hanya menyebut jumlah se-Kota Pasuruan, "
     "bukan per kecamatan atau kelurahan."),
    (PASURUAN, "BST", PASURUAN_TAHAP, "", "alokasi", "total", "resmi",
     f"{_RAKOR_PASURUAN}: penerima BST Kemensos 18.877 KPM, disalurkan setiap bulan; "
     "PT Pos Indonesia membayar di 34 titik bayar selama 7 hari."),
    (PASURUAN, "BLT", PASURUAN_TAHAP, "", "alokasi", "total", "resmi",
     f"{_RAKOR_PASURUAN}: penerima BLT 10.550 KPM, disalurkan setiap bulan. Penyalurnya "
     "tidak disebut; PT Pos Indonesia di sini ilustratif."),
    (PASURUAN, "APBD-TUNAI", PASURUAN_TAHAP, "", "alokasi", "total", "resmi",
     f"{_RAKOR_PASURUAN}: penerima bansos tunai APBD Kota Pasuruan 5.744 KPM, disalurkan "
     "setiap dua bulan. Penyalurnya tidak disebut; Bank Jatim (hadir dalam rakor) di sini "
     "ilustratif."),
    (PASURUAN, "", "", "", "realisasi", "total", "ilustratif",
     "Rekaan untuk contoh: berita rakor 13 Juli 2021 memuat rencana penyaluran (mulai pekan "
     "berikutnya, pukul 07.00 WIB, paling banyak 200 KPM per titik bayar per hari), bukan "
     "hasilnya; tanggal bayar, tersalur dan gagal salur ilustratif."),
    # 002: Kabupaten Kapuas, paid by the end of 2024 per channel
    (KAPUAS, "", "", "", "", "rincian", "ilustratif",
     "Rekaan untuk contoh: berita hanya menyebut jumlah se-Kabupaten Kapuas, bukan per "
     "kecamatan atau desa/kelurahan."),
    (KAPUAS, "", "", "", "alokasi", "total", "ilustratif",
     f"Rekaan untuk contoh: {_ANTARA_KAPUAS[0].lower()}{_ANTARA_KAPUAS[1:]} tidak menyebut "
     "alokasi; di sini alokasi = tersalur + gagal salur."),
    (KAPUAS, "", "", "", "gagal", "total", "ilustratif",
     "Rekaan untuk contoh: berita ANTARA menyebut sebab gagal salur (kurangnya informasi "
     "jadwal, usia lanjut, meninggal), bukan jumlahnya."),
    (KAPUAS, "PKH", KAPUAS_TAHAP, BRI, "tersalur", "total", "resmi",
     f"{_ANTARA_KAPUAS}: tersalur sampai akhir 2024 melalui BRI, PKH 1.472 KK; tanggal "
     "pembayarannya rekaan."),
    (KAPUAS, "SEMBAKO", KAPUAS_TAHAP, BRI, "tersalur", "total", "resmi",
     f"{_ANTARA_KAPUAS}: tersalur sampai akhir 2024 melalui BRI, sembako 15.868 KK; tanggal "
     "pembayarannya rekaan."),
    (KAPUAS, "", KAPUAS_TAHAP, POS, "tersalur", "total", "ilustratif",
     f"{_ANTARA_KAPUAS}: tersalur sampai akhir 2024 melalui Kantor Pos, PKH dan sembako "
     "bersama 2.269 KK; pembagiannya antara PKH dan sembako rekaan (jumlah keduanya sama "
     "dengan berita)."),
    # 003: Kabupaten Kutai Kartanegara, no figures in the article
    (KUKAR, "", "", "", "", "", "ilustratif",
     "Rekaan untuk contoh: berita KutaiRaya.com tentang Dinsos Kutai Kartanegara (6 Januari "
     "2022) menyebut "
     "penyaluran PKH dan BPNT/Sembako melalui BRI dengan target 15 Januari 2022 dan Kecamatan "
     "Anggana dan Tabang yang tertinggal, tanpa angka; semua jumlah dan rinciannya "
     "ilustratif."),
    # 004: Kabupaten Tuban, no figures in the article
    (TUBAN, "", "", "", "", "", "ilustratif",
     "Rekaan untuk contoh perbandingan: berita Dinsos Kota Pasuruan tentang kunjungan Komisi "
     "IV DPRD Kabupaten Tuban (7 September 2023) tidak menyebut angka Kabupaten Tuban."),
]


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path,
                    default=root.parent / "shared" / "data" / "idn-area-data-4.0.1",
                    help="idn-area-data folder (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=root / "data",
                    help="output folder (default: %(default)s)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no summary")
    args = ap.parse_args(argv)

    wilayah, desa, names = load_wilayah(args.shared)
    rows = Rows()
    gen_pasuruan(rows, desa[PASURUAN])
    gen_kapuas(rows, desa[KAPUAS])
    gen_kukar(rows, desa[KUKAR])
    gen_tuban(rows, desa[TUBAN])
    kependudukan = gen_kependudukan(rows, desa)
    rw = gen_pasuruan_rw(rows)
    assert sum(k for _, _, k in rw) == 18877

    summary: list[str] = []
    check_and_summarise(rows, names, say=summary.append)  # before writing anything

    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    counts = {
        "wilayah.csv": write_csv(out / "wilayah.csv", ["kode", "nama", "kk", "penduduk"],
                                 ((k, n) + kependudukan.get(k, ("", "")) for k, n in wilayah)),
        "program.csv": write_csv(out / "program.csv",
                                 ["kode", "nama", "sumber_dana", "nilai_per_kpm", "periode",
                                  "desil_maks"],
                                 PROGRAMS),
        "tahap.csv": write_csv(out / "tahap.csv",
                               ["kode", "nama", "mulai", "selesai", "target"], TAHAP),
        "alokasi.csv": write_csv(out / "alokasi.csv", ALOKASI_HEADER,
                                 (k + (v,) for k, v in sorted(rows.alokasi.items()))),
        "realisasi.csv": write_csv(out / "realisasi.csv", REALISASI_HEADER,
                                   (k + (v,) for k, v in sorted(rows.realisasi.items()))),
        "rw.csv": write_csv(out / "rw.csv", ["kode_wilayah", "rw", "kpm"], rw),
        "verval.csv": write_csv(out / "verval.csv", VERVAL_HEADER, VERVAL),
        "desil.csv": write_csv(out / "desil.csv", DESIL_HEADER, DESIL),
        "laporan_penyalur.csv": write_csv(out / "laporan_penyalur.csv", LAPORAN_HEADER,
                                          gen_laporan(rows)),
        "sumber_angka.csv": write_csv(out / "sumber_angka.csv", SUMBER_ANGKA_HEADER,
                                      SUMBER_ANGKA),
    }
    if not args.quiet:
        print(f"wrote {out} ({ATTRIBUTION}); data rows (without header):")
        for name, n in counts.items():
            print(f"  {name:<14} {n:>6}")
        print("\n".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
