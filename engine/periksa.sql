-- periksa: the rows of the recipient-level table `penerima` that break its schema
-- (engine/README.md), counted per problem × programme × tahap × desa/kelurahan. The runners
-- run it first and write nothing when it returns a row: the aggregation would otherwise
-- turn them into figures that are silently wrong (a paid row without a day, a household
-- counted twice) or into rows salur refuses one by one.
--
-- Problems (the first that applies to a row):
--   status_tidak_dikenal     status is not tersalur, gagal or proses
--   kode_wilayah_bukan_desa  not a dotted desa/kelurahan code (35.75.01.1001)
--   kolom_kosong             program, tahap or penyalur empty
--   tanggal_kosong           a paid or failed row without its day
--   alasan_kosong            a failed row without its reason
--   nilai_negatif            rupiah below zero
--   nik_ganda                one NIK twice in one programme × tahap (its rows' count; the
--                            first desa by code): one household counted twice
-- Only codes and counts come out, never a NIK or a name. Portable as alokasi.sql is.
SELECT masalah, program, tahap, kode_wilayah, CAST(COUNT(*) AS BIGINT) AS baris
FROM (
  SELECT
    CASE
      WHEN status IS NULL OR status NOT IN ('tersalur', 'gagal', 'proses')
        THEN 'status_tidak_dikenal'
      WHEN kode_wilayah IS NULL OR LENGTH(kode_wilayah) <> 13
        OR kode_wilayah NOT LIKE '__.__.__.____'
        THEN 'kode_wilayah_bukan_desa'
      WHEN program IS NULL OR tahap IS NULL OR penyalur IS NULL
        OR TRIM(program) = '' OR TRIM(tahap) = '' OR TRIM(penyalur) = ''
        THEN 'kolom_kosong'
      WHEN tanggal IS NULL AND status IN ('tersalur', 'gagal')
        THEN 'tanggal_kosong'
      WHEN status = 'gagal' AND (alasan IS NULL OR TRIM(alasan) = '')
        THEN 'alasan_kosong'
      WHEN nilai < 0
        THEN 'nilai_negatif'
    END AS masalah,
    program,
    tahap,
    kode_wilayah
  FROM penerima
) baris_penerima
WHERE masalah IS NOT NULL
GROUP BY masalah, program, tahap, kode_wilayah
UNION ALL
SELECT
  'nik_ganda' AS masalah,
  program,
  tahap,
  MIN(kode_wilayah) AS kode_wilayah,
  CAST(COUNT(*) AS BIGINT) AS baris
FROM penerima
WHERE nik IS NOT NULL
GROUP BY program, tahap, nik
HAVING COUNT(*) > 1
ORDER BY masalah, program, tahap, kode_wilayah
