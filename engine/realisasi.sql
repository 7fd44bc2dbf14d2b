-- realisasi: the households paid (`tersalur`) or failed (`gagal`) per programme × tahap ×
-- desa/kelurahan × penyalur × day × status × reason, from the recipient-level table
-- `penerima` (schema in engine/README.md). Rows still `proses` are not yet realised: they
-- count only in alokasi.sql.
--
-- The reason is passed on as written, only on failed rows (salur ignores it on paid ones, and
-- a stray note on a paid row would split its group): salur maps it to its code
-- (`meninggal`, `pindah`, …), publishes only the code, and `salur check` lists the texts that
-- match none, so they can be fixed at the source. The text stays in the site's private data/
-- folder and never reaches a page.
--
-- Portable as alokasi.sql is (DuckDB and Spark SQL unchanged; notes for Trino and BigQuery in
-- engine/README.md); `nik` and `nama` never selected; `nilai` summed only when every row of
-- the group has one; `provinsi` the partition column; ordered by every key column in their
-- order, failed rows' reasons after the paid rows' empty one (NULLS FIRST, as Spark sorts).
SELECT
  program,
  tahap,
  kode_wilayah,
  penyalur,
  tanggal,
  status,
  alasan,
  CAST(COUNT(*) AS BIGINT) AS kpm,
  CASE WHEN COUNT(nilai) = COUNT(*) THEN CAST(SUM(nilai) AS BIGINT) END AS nilai,
  SUBSTRING(kode_wilayah, 1, 2) AS provinsi
FROM (
  SELECT
    program,
    tahap,
    kode_wilayah,
    penyalur,
    tanggal,
    status,
    CASE WHEN status = 'gagal' THEN alasan END AS alasan,
    nilai
  FROM penerima
  WHERE status IN ('tersalur', 'gagal')
) bayar
GROUP BY program, tahap, kode_wilayah, penyalur, tanggal, status, alasan
ORDER BY program, tahap, kode_wilayah, penyalur, tanggal, status, alasan NULLS FIRST
