#!/usr/bin/env python3
"""Runs salur's aggregation (engine/*.sql) on DuckDB, on one machine.

    python3 engine/duckdb_run.py PENERIMA --out SITE

PENERIMA is the recipient-level table (schema in engine/README.md): a Parquet file, a glob
(`bayar/*.parquet`) or a folder of Parquet parts (hive-style subfolders read as columns), or a
CSV file or glob (`.csv`, `.csv.gz`; a header row, ISO dates). SITE is the salur site folder:
the rows go to SITE/data/alokasi/provinsi=XX/data_0.parquet and
SITE/data/realisasi/provinsi=XX/data_0.parquet, Snappy-compressed (salur reads Snappy, LZ4 and
gzip; not ZSTD), replacing what an earlier run wrote there. Then `salur build --root SITE`.

The table is checked first (engine/periksa.sql): when a row breaks the schema, the problems are
printed (codes and counts, never a NIK or a name) and nothing is written. Needs the Python
`duckdb` package (`python3 -m pip install duckdb`).
"""

import argparse
import os
import shutil
import sys
import time

ENGINE = os.path.dirname(os.path.abspath(__file__))

# The inputs of salur's data contract this writes, each from engine/<input>.sql.
KELUARAN = ("alokasi", "realisasi")

# Extensions under which salur reads an input as one file: a run that wrote data/alokasi/
# beside one of them would give salur the same input twice, which it refuses.
BENTUK_LAIN = (".csv", ".xlsx", ".xls", ".ods", ".parquet")

# How many of periksa.sql's rows are printed before "… and N more".
CONTOH_MASALAH = 20


def sql(nama):
    """The text of engine/<nama>.sql."""
    with open(os.path.join(ENGINE, nama + ".sql"), encoding="utf-8") as f:
        return f.read()


def literal(teks):
    """A SQL string literal."""
    return "'" + teks.replace("'", "''") + "'"


def sumber(path):
    """The DuckDB table function that reads the recipient table at `path`."""
    if os.path.isdir(path):
        return "read_parquet(%s, hive_partitioning = true)" % literal(
            os.path.join(path, "**", "*.parquet")
        )
    nama = path.lower()
    if nama.endswith(".csv") or nama.endswith(".csv.gz"):
        # Every column as text; engine/penerima.sql casts each to its type, so a bad date stops
        # the run at the cast rather than being guessed by the CSV sniffer.
        return "read_csv(%s, header = true, all_varchar = true)" % literal(path)
    return "read_parquet(%s)" % literal(path)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("penerima", help="the recipient-level table (Parquet or CSV)")
    p.add_argument("--out", required=True, help="the salur site folder (writes OUT/data/…)")
    p.add_argument("--threads", type=int, help="DuckDB threads for the aggregation (default: all)")
    args = p.parse_args()

    try:
        import duckdb
    except ImportError:
        sys.exit("duckdb_run.py needs the Python duckdb package: python3 -m pip install duckdb")

    data = os.path.join(args.out, "data")
    if not os.path.isdir(data):
        sys.exit("%s is not a folder: --out names the salur site folder (with data/ in it)" % data)
    for keluaran in KELUARAN:
        for ext in BENTUK_LAIN:
            lain = os.path.join(data, keluaran + ext)
            if os.path.exists(lain):
                sys.exit(
                    "%s exists: salur would read it and data/%s/ as one input twice; "
                    "move it away first" % (lain, keluaran)
                )

    con = duckdb.connect()
    if args.threads:
        con.execute("SET threads = %d" % args.threads)
    con.execute("CREATE VIEW penerima_mentah AS SELECT * FROM %s" % sumber(args.penerima))
    con.execute("CREATE VIEW penerima AS " + sql("penerima"))

    masalah = con.execute(sql("periksa")).fetchall()
    if masalah:
        print("the recipient table breaks its schema (engine/README.md); nothing written:",
              file=sys.stderr)
        print("  masalah, program, tahap, kode_wilayah, baris", file=sys.stderr)
        for m in masalah[:CONTOH_MASALAH]:
            print("  " + ", ".join("" if v is None else str(v) for v in m), file=sys.stderr)
        if len(masalah) > CONTOH_MASALAH:
            print("  … and %d more" % (len(masalah) - CONTOH_MASALAH), file=sys.stderr)
        sys.exit(1)

    for keluaran in KELUARAN:
        mulai = time.monotonic()
        akhir = os.path.join(data, keluaran)
        baru = os.path.join(data, "." + keluaran + ".baru")
        lama = os.path.join(data, "." + keluaran + ".lama")
        for sisa in (baru, lama):
            shutil.rmtree(sisa, ignore_errors=True)
        # The aggregation on every thread into a table (which keeps the ORDER BY), then the
        # write on one: DuckDB's partitioned COPY on several threads interleaves the rows of a
        # partition (measured on DuckDB 2.0: 3 M ordered rows came out unordered on 2
        # threads), and salur numbers penyalur and reasons in the order it first reads them,
        # so an unordered write could change pages between two runs over the same table. One
        # thread writes the 3 M rows in 1,1 s; the aggregated rows of a national year are far
        # fewer than its 265 M recipient rows.
        con.execute("CREATE TEMP TABLE hasil AS " + sql(keluaran))
        baris = con.execute("SELECT COUNT(*), COUNT(DISTINCT provinsi) FROM hasil").fetchone()
        utas = con.execute("SELECT current_setting('threads')").fetchone()[0]
        con.execute("SET threads = 1")
        con.execute(
            "COPY (SELECT * FROM hasil) TO %s "
            "(FORMAT PARQUET, PARTITION_BY (provinsi), COMPRESSION SNAPPY)" % literal(baru)
        )
        con.execute("SET threads = %d" % utas)
        con.execute("DROP TABLE hasil")
        # No rows write no folder; an empty input is still an input (salur then has none).
        os.makedirs(baru, exist_ok=True)
        # Swapped in whole: a provinsi missing from this run leaves no old part behind.
        if os.path.exists(akhir):
            os.rename(akhir, lama)
        os.rename(baru, akhir)
        shutil.rmtree(lama, ignore_errors=True)
        print(
            "data/%s/: %d rows in %d provinsi (%.1f s)"
            % (keluaran, baris[0], baris[1], time.monotonic() - mulai)
        )


if __name__ == "__main__":
    main()
