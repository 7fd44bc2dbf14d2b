//! `salur init` and `salur new rapat`: a new site for a real region builds, bad regions get
//! suggestions, nothing is overwritten, and drafts are checked but not published.

use crate::common;

use std::process::Command;

use common::{sel, text};
use scraper::Html;

fn salur(args: &[&str], dir: &std::path::Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_salur"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run salur");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn init_kota_pasuruan_builds_a_site_listing_its_34_kelurahan() {
    let tmp = tempfile::tempdir().unwrap();
    let (ok, stdout, stderr) = salur(&["init", "situs", "--wilayah", "35.75"], tmp.path());
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("4 kecamatan, 34 kelurahan, 0 desa"),
        "{stdout}"
    );
    let site = tmp.path().join("situs");

    // the region table: the real tree, under the ODbL with its licence beside it
    let wilayah = std::fs::read_to_string(site.join("data/wilayah.csv")).unwrap();
    let lines: Vec<&str> = wilayah.lines().collect();
    assert_eq!(lines[0], "kode,nama,kk,penduduk");
    assert_eq!(&lines[1..3], ["35,Jawa Timur,,", "35.75,Kota Pasuruan,,"]);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.split(',').next().unwrap().len() == 13)
            .count(),
        34
    );
    assert!(wilayah.contains("\n35.75.04.1011,Kandangsapi,,\n"));
    let lisensi = std::fs::read_to_string(site.join("data/LICENSE-ODbL.md")).unwrap();
    assert!(lisensi.contains("Open Database License"));
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    assert!(
        toml.contains("title = \"Transparansi Bansos Kota Pasuruan\""),
        "{toml}"
    );
    assert!(toml.contains("idn-area-data (ODbL)"));

    // recipient lists never go into the repository, and the file says why
    let gitignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(gitignore.contains("\n/data/penerima/\n"), "{gitignore}");
    assert!(gitignore.contains("berisi NIK, nama"), "{gitignore}");
    assert!(gitignore.contains("\n/.salur\n"), "{gitignore}");

    // the publish workflows
    let gh = std::fs::read_to_string(site.join(".github/workflows/salur.yml")).unwrap();
    for needle in [
        "actions/configure-pages@v5",
        "salur check",
        "salur build --base-url \"${{ steps.pages.outputs.base_url }}/\"",
        "actions/upload-pages-artifact@v3",
        "actions/deploy-pages@v4",
        "pages: write",
    ] {
        assert!(gh.contains(needle), "{needle} in\n{gh}");
    }
    let gl = std::fs::read_to_string(site.join(".gitlab-ci.yml")).unwrap();
    assert!(gl.starts_with('#') && gl.contains("\npages:\n"), "{gl}");
    assert!(gl.contains("salur build --base-url \"$CI_PAGES_URL/\""));
    assert!(gl.contains("      - public"));
    let readme = std::fs::read_to_string(site.join("README.md")).unwrap();
    assert!(readme.contains("# BST,2021-07,35.75.01.1001,PT Pos Indonesia,450,"));

    // it builds, and the site leads to every kelurahan
    let (ok, _, stderr) = salur(&["build"], &site);
    assert!(ok, "{stderr}");
    let public = site.join("public");
    let mut listed = Vec::new();
    for kec in ["35.75.01", "35.75.02", "35.75.03", "35.75.04"] {
        let html = std::fs::read_to_string(public.join(format!("wilayah/35/{kec}.html"))).unwrap();
        let doc = Html::parse_document(&html);
        for a in doc.select(&sel("main a")) {
            let href = a.value().attr("href").unwrap_or_default();
            let file = href.rsplit('/').next().unwrap_or_default();
            if file.len() == "35.75.01.1001.html".len() && file.starts_with("35.75.0") {
                assert!(public.join("wilayah/35").join(file).is_file(), "{href}");
                listed.push(text(a));
            }
        }
    }
    listed.sort();
    listed.dedup();
    assert_eq!(listed.len(), 34, "{listed:?}");
    assert!(
        listed.contains(&"Kelurahan Sebani".to_string()),
        "{listed:?}"
    );
    let home = std::fs::read_to_string(public.join("index.html")).unwrap();
    assert!(home.contains("idn-area-data (ODbL)"));

    // the example meeting note is a draft: checked, not published
    assert!(!public.join("rapat").read_dir().unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .contains("rakor-persiapan")
    }));

    // a new note, published once its draft line is gone
    let (ok, stdout, stderr) = salur(
        &[
            "new",
            "rapat",
            "Rakor BST Tahap 2",
            "--tanggal",
            "2021-07-13",
        ],
        &site,
    );
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("content/rapat/2021-07-13-rakor-bst-tahap-2.md"),
        "{stdout}"
    );
    let note = site.join("content/rapat/2021-07-13-rakor-bst-tahap-2.md");
    let skeleton = std::fs::read_to_string(&note).unwrap();
    assert!(skeleton.contains("judul = \"Rakor BST Tahap 2\"\ntanggal = 2021-07-13"));
    let (ok, _, stderr) = salur(
        &[
            "new",
            "rapat",
            "Rakor BST Tahap 2",
            "--tanggal",
            "2021-07-13",
        ],
        &site,
    );
    assert!(!ok && stderr.contains("sudah ada"), "{stderr}");
    std::fs::write(
        &note,
        skeleton
            .replace("draf = true\n", "")
            .replace("wilayah = []", "wilayah = [\"35.75.01.1003\"]"),
    )
    .unwrap();
    let (ok, _, stderr) = salur(&["build"], &site);
    assert!(ok, "{stderr}");
    let page =
        std::fs::read_to_string(public.join("rapat/2021-07-13-rakor-bst-tahap-2.html")).unwrap();
    assert!(page.contains("Rakor BST Tahap 2"));
    let kel = std::fs::read_to_string(public.join("wilayah/35/35.75.01.1003.html")).unwrap();
    assert!(
        kel.contains("2021-07-13-rakor-bst-tahap-2.html"),
        "the note is linked from its kelurahan"
    );
}

#[test]
fn init_by_name_and_for_a_provinsi_and_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    let (ok, stdout, stderr) = salur(
        &[
            "init",
            "en",
            "--wilayah",
            "kab. tuban",
            "--wilayah",
            "Kota Pasuruan",
            "--language",
            "en",
        ],
        tmp.path(),
    );
    assert!(ok, "{stderr}");
    assert!(stdout.contains("35.23 Kabupaten Tuban") && stdout.contains("35.75 Kota Pasuruan"));
    let toml = std::fs::read_to_string(tmp.path().join("en/site.toml")).unwrap();
    assert!(toml.contains("language = \"en\""));
    assert!(toml.contains("Kabupaten Tuban, Kota Pasuruan"));
    let readme = std::fs::read_to_string(tmp.path().join("en/README.md")).unwrap();
    assert!(readme.contains("Fill in the data"));
    let (ok, _, stderr) = salur(&["check"], &tmp.path().join("en"));
    assert!(ok, "{stderr}");

    let (ok, stdout, stderr) = salur(&["init", "gorontalo", "--wilayah", "75"], tmp.path());
    assert!(ok, "{stderr}");
    assert!(stdout.contains("75 Provinsi Gorontalo"), "{stdout}");
}

#[test]
fn a_bad_region_fails_with_suggestions_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: [(&str, &[&str]); 4] = [
        (
            "35.57",
            &[
                "tidak ada provinsi atau kabupaten/kota `35.57`",
                "Mungkin maksud Anda:",
                "35.75 Kota Pasuruan (Provinsi Jawa Timur)",
            ],
        ),
        (
            "Kota Pasuran",
            &[
                "Mungkin maksud Anda:",
                "35.75 Kota Pasuruan (Provinsi Jawa Timur)",
            ],
        ),
        (
            "Pasuruan",
            &[
                "bisa berarti 2 wilayah",
                "35.14 Kabupaten Pasuruan (Provinsi Jawa Timur)",
                "35.75 Kota Pasuruan (Provinsi Jawa Timur)",
            ],
        ),
        (
            "35.75.04.1011",
            &[
                "adalah 35.75.04.1011 Kelurahan Kandangsapi (Kecamatan Panggungrejo)",
                "Pakai:\n  35.75 Kota Pasuruan",
            ],
        ),
    ];
    for (masukan, expected) in cases {
        let (ok, _, stderr) = salur(&["init", "situs", "--wilayah", masukan], tmp.path());
        assert!(!ok, "{masukan}");
        for e in expected {
            assert!(stderr.contains(e), "{masukan}: `{e}` in\n{stderr}");
        }
        assert!(
            !tmp.path().join("situs").exists(),
            "{masukan}: nothing written"
        );
    }
    // a folder with files in it is never written into
    let busy = tmp.path().join("ada");
    std::fs::create_dir(&busy).unwrap();
    std::fs::write(busy.join("catatan.txt"), "punya saya").unwrap();
    let (ok, _, stderr) = salur(&["init", "ada", "--wilayah", "35.75"], tmp.path());
    assert!(!ok && stderr.contains("sudah berisi berkas"), "{stderr}");
    assert_eq!(std::fs::read_dir(&busy).unwrap().count(), 1);
    // `new rapat` outside a site
    let (ok, _, stderr) = salur(&["new", "rapat", "X"], tmp.path());
    assert!(
        !ok && stderr.contains("bukan folder situs salur"),
        "{stderr}"
    );
}

/// The install step of each workflow `init` writes, as the CI runner's shell runs it: its
/// script (found by reading the YAML) runs under `sh` with a stand-in `cargo` that records its
/// arguments and installs a stand-in `salur`.
#[test]
fn the_workflows_install_salur_from_salur_source_and_say_what_to_set_without_it() {
    use yaml_rust2::YamlLoader;

    let tmp = tempfile::tempdir().unwrap();
    let (ok, _, stderr) = salur(&["init", "situs", "--wilayah", "35.75"], tmp.path());
    assert!(ok, "{stderr}");
    let site = tmp.path().join("situs");

    let gh = std::fs::read_to_string(site.join(".github/workflows/salur.yml")).unwrap();
    let gl = std::fs::read_to_string(site.join(".gitlab-ci.yml")).unwrap();
    // the old step installed a crate that is not published: every first run failed
    for text in [&gh, &gl] {
        assert!(!text.contains("SALUR_VERSION"), "{text}");
        assert!(!text.contains("install --locked salur"), "{text}");
    }
    let gh_doc = &YamlLoader::load_from_str(&gh).unwrap()[0];
    let gl_doc = &YamlLoader::load_from_str(&gl).unwrap()[0];
    // GitHub: the source is the repository variable (this build has no repository to default to)
    assert_eq!(
        gh_doc["env"]["SALUR_SOURCE"].as_str(),
        Some("${{ vars.SALUR_SOURCE }}")
    );
    let steps = gh_doc["jobs"]["build"]["steps"].as_vec().unwrap();
    let gh_script = steps
        .iter()
        .filter_map(|s| s["run"].as_str())
        .find(|r| r.contains("cargo install"))
        .unwrap();
    // the cached binary is keyed by its source, and cached with its source beside it
    let cache = steps
        .iter()
        .find(|s| s["uses"].as_str() == Some("actions/cache@v4"))
        .unwrap();
    assert_eq!(
        cache["with"]["key"].as_str(),
        Some("${{ steps.salur.outputs.kunci }}")
    );
    assert!(
        cache["with"]["path"]
            .as_str()
            .unwrap()
            .contains("salur.source")
    );
    // GitLab: a project variable overrides the file's empty value
    let pages = &gl_doc["pages"];
    assert_eq!(pages["variables"]["SALUR_SOURCE"].as_str(), Some(""));
    assert_eq!(pages["cache"]["paths"][0].as_str(), Some(".cargo/bin/"));
    let gl_script = pages["script"]
        .as_vec()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str())
        .find(|r| r.contains("cargo install"))
        .unwrap();
    // the install step comes before check and build
    let order: Vec<&str> = pages["script"]
        .as_vec()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    assert!(order[2].starts_with("salur check"), "{order:?}");

    for (name, script) in [("github", gh_script), ("gitlab", gl_script)] {
        let home = tmp.path().join(format!("cargo-{name}"));
        let fake = tmp.path().join(format!("fake-{name}"));
        std::fs::create_dir_all(home.join("bin")).unwrap();
        std::fs::create_dir_all(&fake).unwrap();
        let log = tmp.path().join(format!("cargo-{name}.log"));
        // a stand-in cargo: records its arguments, one per line, and installs a salur
        std::fs::write(
            fake.join("cargo"),
            format!(
                "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done >> '{log}'\necho --- >> '{log}'\n\
                 printf '#!/bin/sh\\necho salur 0.1.0\\n' > \"$CARGO_HOME/bin/salur\"\n\
                 chmod +x \"$CARGO_HOME/bin/salur\"\n",
                log = log.display()
            ),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(fake.join("cargo"), std::fs::Permissions::from_mode(0o755))
            .unwrap();
        let run = |source: &str| {
            let out = Command::new("sh")
                .arg("-c")
                .arg(script)
                .env("CARGO_HOME", &home)
                .env("SALUR_SOURCE", source)
                .env("PATH", format!("{}:/usr/bin:/bin", fake.display()))
                .current_dir(&site)
                .output()
                .unwrap();
            (
                out.status.success(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        };
        let calls = || std::fs::read_to_string(&log).unwrap_or_default();

        // no source: the step fails, says what to set and where, in the site's language
        let (ok, _, stderr) = run("");
        assert!(!ok, "{name}");
        assert!(stderr.contains("SALUR_SOURCE kosong"), "{name}: {stderr}");
        assert!(stderr.contains("--git https://github.com/PEMILIK/salur --tag v"));
        assert!(
            stderr.contains(if name == "github" {
                "Settings → Secrets and variables → Actions → Variables"
            } else {
                "Settings → CI/CD → Variables"
            }),
            "{stderr}"
        );
        assert_eq!(calls(), "", "{name}: cargo ran without a source");

        // a source: cargo install gets exactly its words (a `*` is not expanded)
        let source = "--git https://example.org/dinsos/salur.git --tag v0.1.0 --features *";
        let (ok, stdout, stderr) = run(source);
        assert!(ok, "{name}: {stderr}");
        assert!(stdout.contains("salur 0.1.0"), "{stdout}");
        assert_eq!(
            calls(),
            "install\n--locked\n--force\n--git\nhttps://example.org/dinsos/salur.git\n--tag\nv0.1.0\n--features\n*\n---\n",
            "{name}"
        );
        assert_eq!(
            std::fs::read_to_string(home.join("bin/salur.source")).unwrap(),
            source
        );
        // the cache restored: the same source builds nothing
        let (ok, _, stderr) = run(source);
        assert!(ok, "{stderr}");
        assert_eq!(calls().matches("---").count(), 1, "{name}");
        // a new source builds again
        let (ok, _, stderr) = run("salur --version 0.2.0");
        assert!(ok, "{stderr}");
        assert!(
            calls().ends_with("install\n--locked\n--force\nsalur\n--version\n0.2.0\n---\n"),
            "{name}: {}",
            calls()
        );
    }
}

/// `templat/`: a workbook per input, with the contract's columns, a note on each, checks as
/// cells are typed and the site's regions to pick from; one filled in builds without mapping.
#[test]
fn init_writes_templates_that_build_once_filled_in() {
    use calamine::Reader;
    use std::io::Read;

    let tmp = tempfile::tempdir().unwrap();
    let (ok, stdout, stderr) = salur(&["init", "situs", "--wilayah", "35.75"], tmp.path());
    assert!(ok, "{stderr}");
    assert!(stdout.contains("templat/realisasi.xlsx"), "{stdout}");
    let site = tmp.path().join("situs");
    for (masukan, header) in [
        (
            "program",
            "kode,nama,sumber_dana,nilai_per_kpm,periode,desil_maks",
        ),
        ("tahap", "kode,nama,mulai,selesai,target"),
        ("alokasi", "program,tahap,kode_wilayah,penyalur,kpm,nilai"),
        (
            "realisasi",
            "program,tahap,kode_wilayah,penyalur,tanggal,status,alasan,kpm,nilai",
        ),
        (
            "jadwal",
            "program,tahap,titik_bayar,kode_wilayah,lokasi,tanggal,mulai,selesai,rw,kpm",
        ),
        ("rw", "kode_wilayah,rw,kpm"),
    ] {
        let path = site.join(format!("templat/{masukan}.xlsx"));
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
        // the first sheet is named like the input (the one salur reads), then the regions
        assert_eq!(wb.sheet_names(), [masukan, "wilayah"], "{masukan}");
        let data = wb.worksheet_range(masukan).unwrap();
        let got: Vec<String> = data
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(got.join(","), header, "{masukan}");
        let wilayah = wb.worksheet_range("wilayah").unwrap();
        // a header, Jawa Timur, Kota Pasuruan, 4 kecamatan, 34 kelurahan
        assert_eq!(wilayah.rows().count(), 1 + 2 + 4 + 34, "{masukan}");
        // the notes and the checks are in the sheet's XML
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut xml = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        if header.contains("kode_wilayah") {
            assert!(xml.contains("wilayah!$A$2:$A$41"), "{masukan}: {xml}");
        }
        if masukan == "realisasi" {
            assert!(xml.contains("\"tersalur,gagal\""), "{xml}");
        }
        let mut notes = String::new();
        zip.by_name("xl/comments1.xml")
            .unwrap()
            .read_to_string(&mut notes)
            .unwrap();
        assert!(notes.contains("Wajib."), "{masukan}: {notes}");
    }

    // filled in as an operator would, and put in data/: it builds without any mapping
    std::fs::write(
        site.join("data/program.csv"),
        "kode,nama,sumber_dana,nilai_per_kpm,periode\nBST,Bantuan Sosial Tunai,APBN,300000,bulanan\n",
    )
    .unwrap();
    std::fs::write(
        site.join("data/tahap.csv"),
        "kode,nama,mulai,selesai,target\n2021-07,Juli 2021,2021-07-01,2021-07-31,\n",
    )
    .unwrap();
    let wilayah: Vec<(String, String)> = vec![("35.75.04.1011".into(), "Kandangsapi".into())];
    let hari = jiff::civil::date(2026, 12, 7);
    let baris = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let alokasi = salur::init::templat::buku(
        "alokasi",
        &wilayah,
        salur::lang::Lang::Id,
        hari,
        &[baris(&[
            "BST",
            "2021-07",
            "35.75.04.1011",
            "PT Pos Indonesia",
            "450",
            "",
        ])],
    )
    .unwrap()
    .unwrap();
    let realisasi = salur::init::templat::buku(
        "realisasi",
        &wilayah,
        salur::lang::Lang::Id,
        hari,
        &[baris(&[
            "BST",
            "2021-07",
            "35.75.04.1011",
            "PT Pos Indonesia",
            "2021-07-13",
            "tersalur",
            "",
            "430",
            "",
        ])],
    )
    .unwrap()
    .unwrap();
    for f in ["alokasi.csv", "realisasi.csv"] {
        std::fs::remove_file(site.join("data").join(f)).unwrap();
    }
    let _ = std::fs::remove_dir_all(site.join("content/rapat"));
    std::fs::write(site.join("data/alokasi.xlsx"), alokasi).unwrap();
    std::fs::write(site.join("data/realisasi.xlsx"), realisasi).unwrap();
    let (ok, out, err) = salur(&["build"], &site);
    assert!(ok, "{out}{err}");
    let page = std::fs::read_to_string(site.join("public/wilayah/35/35.75.04.1011.html")).unwrap();
    assert!(page.contains("<td>450</td><td>430</td>"), "{page}");
}
