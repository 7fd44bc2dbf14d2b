#!/usr/bin/env python3
"""Runs salur's aggregation (engine/*.sql) on Spark, for a cluster that holds the table.

    spark-submit engine/spark_run.py PENERIMA --out OUT
    python3 engine/spark_run.py PENERIMA --out OUT        (pyspark installed: a local Spark)

PENERIMA is the recipient-level table (schema in engine/README.md), any path Spark reads:
Parquet (a file or a folder of parts, hive-style subfolders read as columns), or CSV when it
ends in `.csv` or `.csv.gz` (a header row, ISO dates), or `--table db.name` for a table of
the metastore instead. OUT is a folder Spark writes to (local, `hdfs://…`, `s3a://…`): the rows
go to OUT/data/alokasi/provinsi=XX/part-….snappy.parquet and OUT/data/realisasi/…, replacing
what an earlier run wrote there. Copy OUT/data/alokasi and OUT/data/realisasi into the salur
site's data/ folder (`hdfs dfs -get`, `aws s3 cp --recursive`) and run `salur build` there;
salur leaves out Spark's `_SUCCESS` and `.crc` files.

The table is checked first (engine/periksa.sql): when a row breaks the schema, the problems are
printed (codes and counts, never a NIK or a name) and nothing is written.
"""

import argparse
import os
import sys

ENGINE = os.path.dirname(os.path.abspath(__file__))

# The inputs of salur's data contract this writes, each from engine/<input>.sql.
KELUARAN = ("alokasi", "realisasi")

# The columns of each output that are figures, not keys (every other column but `provinsi` is
# a key: the rows of a provinsi are sorted by the keys in their order, as the SQL's ORDER BY
# sorts them, so that DuckDB and Spark write the same rows in the same order).
ANGKA = ("kpm", "nilai")

# How many of periksa.sql's rows are printed before "… and more".
CONTOH_MASALAH = 20


def sql(nama):
    """The text of engine/<nama>.sql."""
    with open(os.path.join(ENGINE, nama + ".sql"), encoding="utf-8") as f:
        return f.read()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("penerima", nargs="?", help="the recipient-level table (Parquet or CSV path)")
    p.add_argument("--table", help="a metastore table instead of a path")
    p.add_argument("--out", required=True, help="where to write OUT/data/<input>/")
    args = p.parse_args()
    if (args.penerima is None) == (args.table is None):
        p.error("give the table's path or --table, one of them")

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("salur-engine").getOrCreate()
    if args.table:
        mentah = spark.table(args.table)
    elif args.penerima.lower().endswith((".csv", ".csv.gz")):
        # Every column as text; engine/penerima.sql casts each to its type.
        mentah = spark.read.option("header", True).csv(args.penerima)
    else:
        mentah = spark.read.parquet(args.penerima)
    mentah.createOrReplaceTempView("penerima_mentah")
    spark.sql(sql("penerima")).createOrReplaceTempView("penerima")

    masalah = spark.sql(sql("periksa")).limit(CONTOH_MASALAH + 1).collect()
    if masalah:
        print("the recipient table breaks its schema (engine/README.md); nothing written:",
              file=sys.stderr)
        print("  masalah, program, tahap, kode_wilayah, baris", file=sys.stderr)
        for m in masalah[:CONTOH_MASALAH]:
            print("  " + ", ".join("" if v is None else str(v) for v in m), file=sys.stderr)
        if len(masalah) > CONTOH_MASALAH:
            print("  … and more", file=sys.stderr)
        spark.stop()
        sys.exit(1)

    for keluaran in KELUARAN:
        hasil = spark.sql(sql(keluaran))
        kunci = [c for c in hasil.columns if c not in ANGKA and c != "provinsi"]
        # One task per provinsi (hash-partitioned by it), its rows sorted by provinsi and then
        # the keys (nulls first, Spark's ascending order, as the SQL says): one file per
        # provinsi folder with the rows in the SQL's order. The partitioned writer needs its
        # rows sorted by provinsi first; given rows sorted otherwise (the SQL's ORDER BY, or
        # the keys alone), it sorts them by provinsi again and the order within a file is
        # lost (seen with pyspark 4 on 4.396 rows: the same rows, in another order).
        (
            hasil.repartition("provinsi")
            .sortWithinPartitions("provinsi", *kunci)
            .write.mode("overwrite")
            .partitionBy("provinsi")
            .option("compression", "snappy")
            .parquet(args.out.rstrip("/") + "/data/" + keluaran)
        )
        print("data/%s/ written" % keluaran)
    spark.stop()


if __name__ == "__main__":
    main()
