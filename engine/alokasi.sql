-- alokasi: the households allocated per programme × tahap × desa/kelurahan × penyalur, from
-- the recipient-level table `penerima` (one row per household per programme × tahap; its
-- schema is in engine/README.md). Every row counts, whatever its status: a household that is
-- still being paid (`proses`) or whose payment failed (`gagal`) was allocated all the same.
--
-- Plain SQL that DuckDB and Spark SQL run unchanged (and Trino and BigQuery with the notes in
-- engine/README.md): no `::` casts, no engine's own functions, no trailing semicolon (Spark's
-- `spark.sql` refuses one). `nik` and `nama` are never selected: the output goes to a site's
-- data/ folder, and salur refuses a NIK-shaped cell or a personal column anyway.
--
-- `nilai` is the sum only when every row of the group has one: a sum that skipped the empty
-- ones would understate the rupiah silently, while an empty `nilai` makes salur use
-- `kpm × nilai_per_kpm` of program.csv, as for any alokasi row without it.
--
-- `provinsi` (the code's first two digits) is the partition column: the runners write
-- data/alokasi/provinsi=35/…parquet and leave the column out of the files. The rows are
-- ordered by every key column in their order (spark_run.py sorts each provinsi's rows the
-- same way), so two runs over the same table write the same rows in the same order and salur
-- builds the same site from them.
SELECT
  program,
  tahap,
  kode_wilayah,
  penyalur,
  CAST(COUNT(*) AS BIGINT) AS kpm,
  CASE WHEN COUNT(nilai) = COUNT(*) THEN CAST(SUM(nilai) AS BIGINT) END AS nilai,
  SUBSTRING(kode_wilayah, 1, 2) AS provinsi
FROM penerima
GROUP BY program, tahap, kode_wilayah, penyalur
ORDER BY program, tahap, kode_wilayah, penyalur
