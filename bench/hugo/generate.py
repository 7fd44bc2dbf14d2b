#!/usr/bin/env python3
"""Writes the Hugo anchor site of the national benchmark: one content page per desa/kelurahan.

    python3 bench/hugo/generate.py BENCH_DIR OUT

Reads the national site's BENCH_DIR/data/wilayah.csv (kode,nama: provinsi, kabupaten/kota,
kecamatan and desa/kelurahan; the level-4 codes, NN.NN.NN.NNNN, are the 83,762 pages) and
BENCH_DIR/data/alokasi.csv (program,tahap,kode_wilayah,penyalur,kpm), and writes into OUT (which
must not exist) a Hugo site: hugo.toml, this folder's layouts/, one section per provinsi
(content/<provinsi>/_index.md) and one page per desa/kelurahan (content/<provinsi>/<kode>.md)
whose front matter holds its name, its parents' names and its allocated KPM per programme (the
sum over tahap), which the layout shows as one small table. The pages are much simpler than
salur's (no charts, no downloads, no comparisons): Hugo as an anchor, not a like-for-like
rival. Prints one line:

    hugo_pages=<n> desa=<n> sections=<n> out=<OUT>

(pages: the desa/kelurahan, the sections and the home page.)
"""

import csv
import shutil
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

CONFIG = """\
baseURL = "https://example.org/"
languageCode = "id"
title = "Transparansi Bansos Nasional (Hugo anchor)"
# pages only (and the sitemap): no tag or category pages, no RSS feeds
disableKinds = ["taxonomy", "term", "RSS"]
"""


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    bench, out = Path(sys.argv[1]), Path(sys.argv[2])
    if out.exists():
        print(f"generate.py: {out} exists already", file=sys.stderr)
        return 1

    names: dict[str, str] = {}
    with open(bench / "data" / "wilayah.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names[row["kode"]] = row["nama"]
    kpm: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with open(bench / "data" / "alokasi.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            kpm[row["kode_wilayah"]][row["program"]] += int(row["kpm"])

    desa = sorted(k for k in names if k.count(".") == 3)
    provinsi = sorted({k.split(".")[0] for k in desa})
    content = out / "content"
    content.mkdir(parents=True)
    (out / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    shutil.copytree(HERE / "layouts", out / "layouts")
    (content / "_index.md").write_text(
        '+++\ntitle = "Indonesia"\n+++\nAlokasi bansos per desa/kelurahan.\n', encoding="utf-8"
    )
    for p in provinsi:
        (content / p).mkdir()
        (content / p / "_index.md").write_text(
            f"+++\ntitle = {toml_str(names.get(p, p))}\nkode = {toml_str(p)}\n+++\n", encoding="utf-8"
        )
    for kode in desa:
        parts = kode.split(".")
        kec, kab, prov = ".".join(parts[:3]), ".".join(parts[:2]), parts[0]
        lines = [
            "+++",
            f"title = {toml_str(names[kode])}",
            f"kode = {toml_str(kode)}",
            f"kecamatan = {toml_str(names.get(kec, kec))}",
            f"kabupaten = {toml_str(names.get(kab, kab))}",
            f"provinsi = {toml_str(names.get(prov, prov))}",
            f"total = {sum(kpm[kode].values())}",
        ]
        for program, n in sorted(kpm[kode].items()):
            lines += ["[[program]]", f"kode = {toml_str(program)}", f"kpm = {n}"]
        lines += ["+++", f"Penerima bansos di {names[kode]}.", ""]
        (content / prov / f"{kode}.md").write_text("\n".join(lines), encoding="utf-8")

    pages = len(desa) + len(provinsi) + 1
    print(f"hugo_pages={pages} desa={len(desa)} sections={len(provinsi)} out={out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
