//! The text of the files `salur init` and `salur new rapat` write, in the site's language.

use jiff::civil::Date;

use super::nasional::WilayahNasional;
use crate::lang::Lang;

/// What the texts need to know about the new site.
pub(super) struct Konteks {
    pub lang: Lang,
    /// The regions' names (`Kota Pasuruan`).
    pub nama: String,
    /// Their codes.
    pub kode: Vec<String>,
    /// The first desa/kelurahan, for the sample rows.
    pub contoh_desa: Option<WilayahNasional>,
    pub hari_ini: Date,
    pub kecamatan: usize,
    pub kelurahan: usize,
    pub desa: usize,
}

impl Konteks {
    fn id(&self) -> bool {
        self.lang == Lang::Id
    }

    fn kode_contoh(&self) -> &str {
        self.contoh_desa
            .as_ref()
            .map(|w| w.kode.as_str())
            .unwrap_or_else(|| self.kode[0].as_str())
    }
}

/// A TOML string literal.
fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// What git leaves out: salur's own outputs and caches, and the recipient lists, which hold
/// personal data (said in the site's language, for whoever reads the file).
pub(super) fn gitignore(k: &Konteks) -> String {
    let penerima = if k.id() {
        "# Daftar penerima (by name by address, [[penerima]] di site.toml) berisi NIK, nama dan\n\
         # alamat: jangan pernah masuk repositori, apalagi yang publik. Simpan di komputer operator.\n"
    } else {
        "# Recipient lists (by name, by address; [[penerima]] in site.toml) hold NIK, names and\n\
         # addresses: never commit them, least of all to a public repository. Keep them on the\n\
         # operator's computer.\n"
    };
    format!(
        "/public\n/public.old\n/.public.staging\n/.public.staging-*\n/.public.salur-lock\n\
         /.public.old\n/.public.salur-manifest\n/.public.salur-tembolok\n/.public.salur-angka\n/.public.salur-cadangan\n/.salur\n/.cargo\n\n{penerima}/data/penerima/\n"
    )
}

pub(super) fn site_toml(k: &Konteks) -> String {
    let (title, description, attribution, comment) = if k.id() {
        (
            format!("Transparansi Bansos {}", k.nama),
            format!(
                "Alokasi dan realisasi bantuan sosial per kelurahan/desa di {}, per program dan per tahap penyaluran.",
                k.nama
            ),
            "Data wilayah: idn-area-data (ODbL), kode dan nama wilayah Kemendagri.",
            "# Situs salur untuk {nama}, dibuat dengan `salur init`. Semua kunci: lihat README.md.\n\
             # Alamat situs setelah terbit (workflow GitHub/GitLab mengisinya sendiri dengan --base-url):\n\
             # base_url = \"https://dinsos.example.go.id/bansos/\"\n",
        )
    } else {
        (
            format!("Social Aid Transparency: {}", k.nama),
            format!(
                "Social aid allocated and paid per kelurahan/desa in {}, per programme and per distribution stage.",
                k.nama
            ),
            "Region data: idn-area-data (ODbL), Kemendagri region codes and names.",
            "# A salur site for {nama}, made with `salur init`. Every key: see README.md.\n\
             # The site's address once published (the GitHub/GitLab workflows pass it with --base-url):\n\
             # base_url = \"https://dinsos.example.go.id/bansos/\"\n",
        )
    };
    let as_of = if k.id() {
        "# Tanggal keadaan data: tindak lanjut rapat dinilai per tanggal ini (terlambat atau belum).\n\
         # Tanpa kunci ini, hari data terakhir di realisasi.csv yang dipakai.\n\
         # data_as_of = 2025-11-30\n"
    } else {
        "# The date the data describe: meeting follow-ups are judged (overdue or not) on this day.\n\
         # Without it, the last day in realisasi.csv is used.\n\
         # data_as_of = 2025-11-30\n"
    };
    let privacy = if k.id() {
        "# Jumlah kegagalan per alasan di bawah angka ini tidak diterbitkan (perlindungan data pribadi).\n"
    } else {
        "# Failure counts per reason below this number are not published (privacy).\n"
    };
    format!(
        "{}title = {}\ndescription = {}\nlanguage = \"{}\"\ntheme = \"default\"\n{}attribution = [\n  {},\n]\n{}\n{}[privacy]\nmin_kpm = 3\n\n{}",
        comment.replace("{nama}", &k.nama),
        toml_str(&title),
        toml_str(&description),
        k.lang.tag(),
        as_of,
        toml_str(attribution),
        penerbit(k),
        privacy,
        pengaduan(k),
    )
}

/// The issuing office of the printed notice (`penerbit`), commented, to fill in.
fn penerbit(k: &Konteks) -> String {
    let dinas = toml_str(&format!("Dinas Sosial {}", k.nama));
    if k.id() {
        format!("# Kantor yang menerbitkan pengumuman jadwal cetak:\n# penerbit = {dinas}\n")
    } else {
        format!("# The office that issues the printed schedule notice:\n# penerbit = {dinas}\n")
    }
}

/// Whom residents contact (`[[pengaduan]]`): the Dinsos entry to fill in and the national
/// channels (Command Center 171 of Kementerian Sosial, SP4N-LAPOR!), all commented: an entry
/// shown on every page must be one the operator chose.
fn pengaduan(k: &Konteks) -> String {
    let dinas = toml_str(&format!("Dinas Sosial {}", k.nama));
    let (judul, isi) = if k.id() {
        (
            "# Tempat warga bertanya dan mengadu: tampil di halaman setiap kelurahan/desa, halaman\n\
             # program dan pengumuman cetak, dengan tautan tel: dan WhatsApp. Isi kontak Dinas Sosial\n\
             # (ganti setiap \"…\"), hapus yang tidak ada, lalu hapus tanda # di depan barisnya.\n\
             # Kunci lain: email, url; wilayah = [\"kode\", …] atau program = [\"BST\", …] membatasi\n\
             # halaman yang menampilkannya.\n",
            "# alamat = \"…\"\n# jam = \"Senin–Jumat 08.00–15.00\"\n",
        )
    } else {
        (
            "# Where residents ask and complain: shown on every kelurahan/desa page, programme page\n\
             # and printed notice, with tel: and WhatsApp links. Fill in the Dinas Sosial's contacts\n\
             # (replace every \"…\"), remove what it does not have, then remove the # before each line.\n\
             # Other keys: email, url; wilayah = [\"code\", …] or program = [\"BST\", …] limit the\n\
             # pages that show it.\n",
            "# alamat = \"…\"\n# jam = \"Monday–Friday 08.00–15.00\"\n",
        )
    };
    format!(
        "{judul}# [[pengaduan]]\n# nama = {dinas}\n# telepon = \"…\"\n# whatsapp = \"…\"\n{isi}\n\
         # [[pengaduan]]\n# nama = \"Kementerian Sosial (Command Center 171)\"\n# telepon = \"171\"\n\n\
         # [[pengaduan]]\n# nama = \"SP4N-LAPOR!\"\n# url = \"https://www.lapor.go.id\"\n"
    )
}

pub(super) fn rapat_contoh(k: &Konteks) -> String {
    let wilayah = k
        .kode
        .iter()
        .map(|c| toml_str(c))
        .collect::<Vec<_>>()
        .join(", ");
    let tenggat = k.hari_ini.saturating_add(jiff::Span::new().days(7));
    if k.id() {
        format!(
            "+++\n\
             # Contoh catatan rapat. Selama `draf = true`, catatan ini diperiksa tetapi tidak terbit:\n\
             # isi dengan rapat yang sungguh terjadi, lalu hapus baris `draf`.\n\
             draf = true\n\
             judul = \"Rakor persiapan penyaluran bansos\"\n\
             tanggal = {hari}\n\
             tempat = \"Kantor Dinas Sosial\"\n\
             pimpinan = \"Kepala Dinas Sosial\"\n\
             peserta = [\"Dinas Sosial\", \"PT Pos Indonesia\", \"Camat dan lurah/kepala desa\"]\n\
             wilayah = [{wilayah}]\n\
             # Setelah data/program.csv dan data/tahap.csv terisi, sebut kodenya:\n\
             # program = [\"BST\"]\n\
             # tahap = [\"2021-07\"]\n\
             keputusan = [\n  \"Jadwal pengambilan bantuan diatur per RW agar tidak terjadi kerumunan.\",\n]\n\
             \n\
             [[tindak_lanjut]]\n\
             tugas = \"Mengisi data/alokasi.csv dengan alokasi tahap pertama\"\n\
             penanggung_jawab = \"Operator Dinas Sosial\"\n\
             tenggat = {tenggat}\n\
             # status = \"selesai\"   # atau \"berjalan\"\n\
             # selesai_pada = {tenggat}\n\
             +++\n\
             \n\
             Tulis jalannya rapat di sini dengan Markdown: latar belakang, yang dibahas, angka yang\n\
             disebut. Keputusan dan tindak lanjut di atas tampil sebagai daftar di halaman rapat dan di\n\
             halaman wilayah yang disebut.\n",
            hari = k.hari_ini,
        )
    } else {
        format!(
            "+++\n\
             # An example meeting note. While `draf = true` it is checked but not published:\n\
             # write a meeting that took place, then delete the `draf` line.\n\
             draf = true\n\
             judul = \"Coordination meeting before the distribution\"\n\
             tanggal = {hari}\n\
             tempat = \"Dinas Sosial office\"\n\
             pimpinan = \"Head of the Dinas Sosial\"\n\
             peserta = [\"Dinas Sosial\", \"PT Pos Indonesia\", \"Camat and lurah/kepala desa\"]\n\
             wilayah = [{wilayah}]\n\
             # Once data/program.csv and data/tahap.csv have rows, name their codes:\n\
             # program = [\"BST\"]\n\
             # tahap = [\"2021-07\"]\n\
             keputusan = [\n  \"Collection is scheduled per RW so that no crowd forms.\",\n]\n\
             \n\
             [[tindak_lanjut]]\n\
             tugas = \"Fill data/alokasi.csv with the first stage's allocations\"\n\
             penanggung_jawab = \"Dinas Sosial operator\"\n\
             tenggat = {tenggat}\n\
             # status = \"selesai\"   # or \"berjalan\"\n\
             # selesai_pada = {tenggat}\n\
             +++\n\
             \n\
             Write what happened in Markdown here: background, what was discussed, the figures\n\
             mentioned. The decisions and follow-ups above are listed on the meeting's page and on\n\
             the pages of the regions it names.\n",
            hari = k.hari_ini,
        )
    }
}

pub(super) fn rapat_kerangka(judul: &str, tanggal: Date, lang: Lang) -> String {
    let (draf, isi) = match lang {
        Lang::Id => (
            "# Selama `draf = true`, catatan ini diperiksa tetapi tidak terbit. Hapus baris ini bila siap.",
            "Tulis jalannya rapat di sini (Markdown).",
        ),
        Lang::En => (
            "# While `draf = true`, this note is checked but not published. Delete this line when ready.",
            "Write what happened at the meeting here (Markdown).",
        ),
    };
    format!(
        "+++\n{draf}\ndraf = true\njudul = {}\ntanggal = {tanggal}\ntempat = \"\"\npimpinan = \"\"\npeserta = []\nwilayah = []\nprogram = []\ntahap = []\nkeputusan = []\n\n# [[tindak_lanjut]]\n# tugas = \"\"\n# penanggung_jawab = \"\"\n# tenggat = {tanggal}\n+++\n\n{isi}\n",
        toml_str(judul)
    )
}

/// Where the workflows install salur from when the site sets no `SALUR_SOURCE`: this build's
/// repository (`Cargo.toml`'s `repository`) at this version's tag, or nothing when salur was
/// built without one (no public repository yet), so that the install step says what to set
/// instead of failing on a crate that does not exist.
fn sumber_bawaan() -> String {
    let repo = env!("CARGO_PKG_REPOSITORY");
    if repo.is_empty() {
        String::new()
    } else {
        format!("--git {repo} --tag v{}", env!("CARGO_PKG_VERSION"))
    }
}

/// The install step both workflows run (a POSIX shell script): `cargo install` from
/// `$SALUR_SOURCE` (the arguments after `cargo install --locked`, split into words, never
/// globbed), unless the cached binary was installed from that same source (its source is kept
/// beside it in `salur.source`); without a source it stops with what to set.
fn pasang(k: &Konteks, tempat_variabel: &str) -> String {
    let kosong = if k.id() {
        format!(
            "SALUR_SOURCE kosong: isi dengan asal salur untuk cargo install, mis. \
             --git https://github.com/PEMILIK/salur --tag v{v} (atau salur --version {v} bila \
             salur sudah di crates.io), di {tempat_variabel}.",
            v = env!("CARGO_PKG_VERSION")
        )
    } else {
        format!(
            "SALUR_SOURCE is empty: set it to where cargo install takes salur from, e.g. \
             --git https://github.com/OWNER/salur --tag v{v} (or salur --version {v} once salur \
             is on crates.io), in {tempat_variabel}.",
            v = env!("CARGO_PKG_VERSION")
        )
    };
    format!(
        r#"set -f
bin="${{CARGO_HOME:-$HOME/.cargo}}/bin"
if [ -z "$SALUR_SOURCE" ]; then
  echo "{kosong}" >&2
  exit 1
fi
if [ "$(cat "$bin/salur.source" 2>/dev/null)" != "$SALUR_SOURCE" ] || [ ! -x "$bin/salur" ]; then
  cargo install --locked --force $SALUR_SOURCE
  printf '%s' "$SALUR_SOURCE" > "$bin/salur.source"
fi
"$bin/salur" --version
"#
    )
}

/// `script` indented under a YAML block scalar (`run: |`, `- |`) at `indent` spaces.
fn blok(script: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    script
        .lines()
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn github(k: &Konteks) -> String {
    let (c1, c2, c3, c4) = if k.id() {
        (
            "# Membangun situs pada setiap push ke main dan menerbitkannya ke GitHub Pages.\n\
             # Sekali saja: Settings → Pages → Source: \"GitHub Actions\".",
            "# Asal salur: argumen `cargo install` (repositori dan tag-nya, atau `salur --version …`\n  \
             # bila salur sudah di crates.io). Isi sekali sebagai variabel repositori SALUR_SOURCE\n  \
             # (Settings → Secrets and variables → Actions → Variables); berkas ini tidak perlu diubah.",
            "# salur dibangun sekali per asal dan disimpan di cache antar-jalankan.",
            "# Memeriksa semua data; kesalahan menghentikan penerbitan dan situs lama tetap tayang.",
        )
    } else {
        (
            "# Builds the site on every push to main and publishes it to GitHub Pages.\n\
             # Once: Settings → Pages → Source: \"GitHub Actions\".",
            "# Where salur comes from: the arguments of `cargo install` (its repository and a tag,\n  \
             # or `salur --version …` once salur is on crates.io). Set it once as the repository variable\n  \
             # SALUR_SOURCE (Settings → Secrets and variables → Actions → Variables); this file\n  \
             # needs no change.",
            "# salur is built once per source and cached between runs.",
            "# Checks every input; an error stops the publish and the old site stays online.",
        )
    };
    let tempat = "Settings → Secrets and variables → Actions → Variables";
    format!(
        r#"{c1}
name: salur

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  {c2}
  SALUR_SOURCE: {sumber_gh}

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: pages
        uses: actions/configure-pages@v5
      {c3}
      - id: salur
        run: echo "kunci=salur-${{{{ runner.os }}}}-$(printf '%s' "$SALUR_SOURCE" | sha256sum | cut -c1-16)" >> "$GITHUB_OUTPUT"
      - uses: actions/cache@v4
        with:
          path: |
            ~/.cargo/bin/salur
            ~/.cargo/bin/salur.source
          key: ${{{{ steps.salur.outputs.kunci }}}}
      - run: |
{pasang}
      {c4}
      - run: salur check --format github
      - run: salur build --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#,
        sumber_gh = match sumber_bawaan() {
            s if s.is_empty() => "${{ vars.SALUR_SOURCE }}".to_string(),
            s => format!("${{{{ vars.SALUR_SOURCE || '{s}' }}}}"),
        },
        pasang = blok(&pasang(k, tempat), 10),
    )
}

pub(super) fn gitlab(k: &Konteks) -> String {
    let (c1, c2, tempat) = if k.id() {
        (
            "# Membangun situs pada setiap push ke cabang utama dan menerbitkannya ke GitLab Pages\n\
             # (Deploy → Pages menampilkan alamatnya).",
            "# Asal salur: argumen `cargo install` (repositori dan tag-nya, atau `salur --version …` bila\n\
             # salur sudah di crates.io). Isi sebagai variabel proyek SALUR_SOURCE (Settings → CI/CD →\n\
             # Variables), yang menggantikan nilai di bawah; salur dibangun sekali per asal dan\n\
             # disimpan di cache antar-jalankan.",
            "Settings → CI/CD → Variables",
        )
    } else {
        (
            "# Builds the site on every push to the default branch and publishes it to GitLab Pages\n\
             # (Deploy → Pages shows its address).",
            "# Where salur comes from: the arguments of `cargo install` (its repository and a tag, or\n\
             # `salur --version …` once salur is on crates.io). Set the project variable SALUR_SOURCE\n\
             # (Settings → CI/CD → Variables), which overrides the value below; salur is built once\n\
             # per source and cached between runs.",
            "Settings → CI/CD → Variables",
        )
    };
    format!(
        r#"{c1}
{c2}
pages:
  image: rust:1
  variables:
    SALUR_SOURCE: "{sumber}"
    CARGO_HOME: $CI_PROJECT_DIR/.cargo
  cache:
    key: salur
    paths:
      - .cargo/bin/
  script:
    - export PATH="$CARGO_HOME/bin:$PATH"
    - |
{pasang}
    - salur check
    - salur build --base-url "$CI_PAGES_URL/"
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#,
        sumber = sumber_bawaan(),
        pasang = blok(&pasang(k, tempat), 6),
    )
}

pub(super) fn readme(k: &Konteks) -> String {
    let kode = k.kode_contoh();
    let nama_desa = k
        .contoh_desa
        .as_ref()
        .map(|w| w.nama.as_str())
        .unwrap_or("");
    if k.id() {
        format!(
            r#"# Transparansi Bansos {nama}

Situs [salur](https://crates.io/crates/salur) untuk {nama}: {kec} kecamatan, {kel} kelurahan dan
{desa} desa dari tabel wilayah Kemendagri (idn-area-data 4.0.1). Isi `data/`, periksa, lihat
pratinjau, lalu terbitkan.

## 1. Isi data

Setiap berkas di `data/` sudah berisi baris judul kolom. Ekspor dari Excel sebagai "CSV UTF-8"
(pemisah `,` atau `;` sama-sama dibaca), atau simpan sebagai `.xlsx` dengan nama yang sama.
Contoh baris untuk setiap berkas (jangan salin tanda `#`):

`data/program.csv`
```
# kode,nama,sumber_dana,nilai_per_kpm,periode
# BST,Bantuan Sosial Tunai,APBN,300000,bulanan
```

`data/tahap.csv`
```
# kode,nama,mulai,selesai,target
# 2021-07,Juli 2021,2021-07-01,2021-07-31,2021-07-25
```

`data/alokasi.csv` (KPM yang dialokasikan per kelurahan/desa, program, tahap, penyalur)
```
# program,tahap,kode_wilayah,penyalur,kpm,nilai
# BST,2021-07,{kode},PT Pos Indonesia,450,
```

`data/realisasi.csv` (yang tersalur dan yang gagal, per hari)
```
# program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm,nilai
# BST,2021-07,{kode},PT Pos Indonesia,2021-07-19,tersalur,,120,
# BST,2021-07,{kode},PT Pos Indonesia,2021-07-20,gagal,meninggal dunia,1,
```

`{kode}` adalah {nama_desa}; kode setiap kelurahan/desa ada di `data/wilayah.csv`. Kolom `kk`
dan `penduduk` di berkas itu boleh diisi (halaman perbandingan memakainya). Jangan pernah
memasukkan NIK atau nama penerima: salur menolak berkas yang memuatnya.

Berkas opsional (jadwal pembayaran `jadwal.csv`, laporan penyalur `laporan_penyalur.csv`, corong
verifikasi `verval.csv`, desil DTSEN `desil.csv`) dan semua kolomnya: lihat kontrak data salur
(`docs/data.md` di repositori salur).

Catatan rapat ada di `content/rapat/`; contohnya masih `draf = true` (tidak terbit). Catatan baru:

```
salur new rapat "Rakor penyaluran BST tahap 2"
```

## 2. Periksa dan lihat pratinjau

```
salur check            # semua kesalahan sekaligus, dengan berkas:baris:kolom
salur serve            # pratinjau di http://127.0.0.1:1111, diperbarui setiap berkas disimpan
```

## 3. Terbitkan

```
salur build            # situs ke folder public/, siap diunggah ke hosting statis mana pun
```

Atau biarkan CI yang membangun dan menerbitkan setiap kali data didorong (push):

- GitHub: `.github/workflows/salur.yml` menerbitkan ke GitHub Pages (Settings → Pages → Source:
  GitHub Actions).
- GitLab: `.gitlab-ci.yml` menerbitkan ke GitLab Pages.

Kesalahan data menghentikan penerbitan; situs yang sudah tayang tetap seperti sebelumnya.

## Lisensi data wilayah

`data/wilayah.csv` berasal dari idn-area-data 4.0.1 (fityannugroho/idn-area-data) dan tetap
berlisensi Open Database License 1.0 (`data/LICENSE-ODbL.md`). Atribusi "Data wilayah:
idn-area-data (ODbL)" ada di `site.toml` dan tampil di setiap halaman; jangan dihapus.
"#,
            nama = k.nama,
            kec = k.kecamatan,
            kel = k.kelurahan,
            desa = k.desa,
        )
    } else {
        format!(
            r#"# Social Aid Transparency: {nama}

A [salur](https://crates.io/crates/salur) site for {nama}: {kec} kecamatan, {kel} kelurahan and
{desa} desa from the Kemendagri region table (idn-area-data 4.0.1). Fill in `data/`, check,
preview, publish.

## 1. Fill in the data

Every file in `data/` already has its header row. Export from Excel as "CSV UTF-8" (`,` or `;`
both work), or save as `.xlsx` under the same name. A sample row for each file (leave out the
`#`):

`data/program.csv`
```
# kode,nama,sumber_dana,nilai_per_kpm,periode
# BST,Bantuan Sosial Tunai,APBN,300000,bulanan
```

`data/tahap.csv`
```
# kode,nama,mulai,selesai,target
# 2021-07,July 2021,2021-07-01,2021-07-31,2021-07-25
```

`data/alokasi.csv` (households allocated per kelurahan/desa, programme, stage, channel)
```
# program,tahap,kode_wilayah,penyalur,kpm,nilai
# BST,2021-07,{kode},PT Pos Indonesia,450,
```

`data/realisasi.csv` (paid and failed, per day)
```
# program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm,nilai
# BST,2021-07,{kode},PT Pos Indonesia,2021-07-19,tersalur,,120,
# BST,2021-07,{kode},PT Pos Indonesia,2021-07-20,gagal,meninggal dunia,1,
```

`{kode}` is {nama_desa}; every kelurahan/desa's code is in `data/wilayah.csv`. Its `kk` and
`penduduk` columns may be filled in (the comparison pages use them). Never put a NIK or a
recipient's name in a file: salur refuses files that hold one.

Optional files (payment schedule `jadwal.csv`, channel reports `laporan_penyalur.csv`,
verification funnels `verval.csv`, DTSEN deciles `desil.csv`) and every column: see salur's data
contract (`docs/data.md` in salur's repository).

Meeting notes live in `content/rapat/`; the example is still `draf = true` (not published). A
new one:

```
salur new rapat "BST stage 2 coordination meeting"
```

## 2. Check and preview

```
salur check            # every error at once, with file:line:column
salur serve            # preview at http://127.0.0.1:1111, refreshed on every save
```

## 3. Publish

```
salur build            # the site into public/, ready for any static host
```

Or let CI build and publish it on every push:

- GitHub: `.github/workflows/salur.yml` publishes to GitHub Pages (Settings → Pages → Source:
  GitHub Actions).
- GitLab: `.gitlab-ci.yml` publishes to GitLab Pages.

An error in the data stops the publish; the site online stays as it was.

## Region data licence

`data/wilayah.csv` comes from idn-area-data 4.0.1 (fityannugroho/idn-area-data) and stays under
the Open Database License 1.0 (`data/LICENSE-ODbL.md`). The attribution "Region data:
idn-area-data (ODbL)" is in `site.toml` and shown on every page; keep it.
"#,
            nama = k.nama,
            kec = k.kecamatan,
            kel = k.kelurahan,
            desa = k.desa,
        )
    }
}
