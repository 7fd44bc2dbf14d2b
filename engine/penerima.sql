-- penerima: the recipient-level table in the schema the other files read (engine/README.md),
-- as a view over `penerima_mentah`, the table as the runner found it: Parquet keeps its own
-- types, CSV gives every column as text. Each column is cast to its type, so a date or a
-- number that is not one stops the run (DuckDB, and Spark in ANSI mode, its default since
-- 4.0) instead of becoming an empty figure. `nama` and every other column are left out: no
-- query needs them, and what is not read cannot be written.
--
-- Runs unchanged on DuckDB and Spark SQL (both know STRING; Trino calls it VARCHAR, BigQuery
-- STRING but INT64 for BIGINT: there the table is usually typed already and this view is not
-- needed, see engine/README.md).
SELECT
  CAST(nik AS STRING) AS nik,
  CAST(kode_wilayah AS STRING) AS kode_wilayah,
  CAST(program AS STRING) AS program,
  CAST(tahap AS STRING) AS tahap,
  CAST(penyalur AS STRING) AS penyalur,
  CAST(tanggal AS DATE) AS tanggal,
  CAST(status AS STRING) AS status,
  CAST(alasan AS STRING) AS alasan,
  CAST(nilai AS BIGINT) AS nilai
FROM penerima_mentah
