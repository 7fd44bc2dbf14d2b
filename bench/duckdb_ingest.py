#!/usr/bin/env python3
"""Times DuckDB reading and grouping a realisasi.csv, the baseline for salur's ingest.

    python3 bench/duckdb_ingest.py CSV [--jadwal JADWAL_CSV] [--threads 2] [--runs 5]

Each run opens a fresh in-memory connection, reads the whole file with read_csv and groups it
by wilayah × programme × tahap × status, fetching every group. With --jadwal it also reads the
payment schedule and groups it by titik bayar × day (what salur's capacity check computes), in
the same timed run. Prints one line:

    duckdb_seconds=<median> min=<s> max=<s> groups=<n> rows=<n> threads=<n> runs=<n>
"""

import argparse
import statistics
import sys
import time

try:
    import duckdb
except ImportError:
    sys.exit("duckdb_ingest: the duckdb module is missing (pip install duckdb)")


def run_once(csv: str, jadwal: str | None, threads: int) -> tuple[float, int, int]:
    path = csv.replace("'", "''")
    query = (
        "SELECT kode_wilayah, program, tahap, status, SUM(kpm) AS kpm, COUNT(*) AS n "
        f"FROM read_csv('{path}', header=true, all_varchar=false) GROUP BY ALL"
    )
    start = time.perf_counter()
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"SET threads={threads}")
        groups = con.execute(query).fetchall()
        if jadwal:
            jpath = jadwal.replace("'", "''")
            con.execute(
                "SELECT titik_bayar, tanggal, SUM(kpm) AS kpm "
                f"FROM read_csv('{jpath}', header=true, all_varchar=false) GROUP BY ALL"
            ).fetchall()
    finally:
        con.close()
    seconds = time.perf_counter() - start
    rows = sum(g[5] for g in groups)
    return seconds, len(groups), rows


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("csv")
    p.add_argument("--jadwal", help="the payment schedule (jadwal.csv), read in the same run")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()
    if a.runs < 1 or a.threads < 1:
        p.error("--runs and --threads must be at least 1")

    times = []
    groups = rows = 0
    for _ in range(a.runs):
        seconds, groups, rows = run_once(a.csv, a.jadwal, a.threads)
        times.append(seconds)
    print(
        f"duckdb_seconds={statistics.median(times):.3f} min={min(times):.3f} "
        f"max={max(times):.3f} groups={groups} rows={rows} threads={a.threads} "
        f"runs={a.runs} duckdb={duckdb.__version__}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
