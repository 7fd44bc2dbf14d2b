//! The output stage's unit tests.

use super::*;

fn site(dir: &Path) -> PathBuf {
    let s = dir.join("site");
    fs::create_dir_all(&s).unwrap();
    s
}

#[test]
fn a_streamed_file_is_kept_when_its_bytes_are_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let fill = |text: &'static str| {
        move |w: &mut dyn Write| -> io::Result<()> {
            for chunk in text.as_bytes().chunks(3) {
                w.write_all(chunk)?;
            }
            Ok(())
        }
    };
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write_stream("unduh/a.csv", 7, fill("a,b\n1,2\n"))
        .unwrap();
    assert_eq!(s.commit().unwrap().ditulis, 1);
    assert_eq!(fs::read(public.join("unduh/a.csv")).unwrap(), b"a,b\n1,2\n");
    // the same bytes: kept, not rewritten, and no staging folder left behind
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write_stream("unduh/a.csv", 8, fill("a,b\n1,2\n"))
        .unwrap();
    let r = s.commit().unwrap();
    assert_eq!((r.ditulis, r.tetap), (0, 1));
    // other bytes: published
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write_stream("unduh/a.csv", 9, fill("a,b\n1,3\n"))
        .unwrap();
    assert_eq!(s.commit().unwrap().ditulis, 1);
    assert_eq!(fs::read(public.join("unduh/a.csv")).unwrap(), b"a,b\n1,3\n");
    assert!(
        fs::read_dir(dir.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("staging"))
    );
}

#[test]
fn unchanged_files_are_not_rewritten_and_removed_ones_go() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"A", 0).unwrap();
    s.write("sub/b.html", b"B", 0).unwrap();
    s.write("old.html", b"O", 0).unwrap();
    assert_eq!(s.commit().unwrap().ditulis, 3);
    assert!(manifest_path(&public).is_file());
    assert!(
        fs::read_dir(&public).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with('.'))
    );
    let before = fs::metadata(public.join("a.html"))
        .unwrap()
        .modified()
        .unwrap();

    std::thread::sleep(std::time::Duration::from_millis(20));
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"A", 0).unwrap();
    s.write("sub/b.html", b"B2", 0).unwrap();
    let r = s.commit().unwrap();
    assert_eq!(
        r,
        Ringkasan {
            ditulis: 1,
            tetap: 1,
            dihapus: 1
        }
    );
    assert_eq!(
        fs::metadata(public.join("a.html"))
            .unwrap()
            .modified()
            .unwrap(),
        before
    );
    assert_eq!(fs::read(public.join("sub/b.html")).unwrap(), b"B2");
    assert!(!public.join("old.html").exists());
    assert!(!dir.path().join(".public.staging").exists());
}

#[test]
fn nothing_changed_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"A", 0).unwrap();
    s.commit().unwrap();
    let manifest_before = fs::read(manifest_path(&public)).unwrap();
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"A", 0).unwrap();
    assert_eq!(s.commit().unwrap().ditulis, 0);
    assert_eq!(fs::read(manifest_path(&public)).unwrap(), manifest_before);
    assert!(!dir.path().join(".public.staging").exists());
}

#[test]
fn a_hand_edited_file_is_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"A", 0).unwrap();
    s.commit().unwrap();
    fs::write(public.join("a.html"), b"X").unwrap();
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"A", 0).unwrap();
    assert_eq!(s.commit().unwrap().ditulis, 1);
    assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A");
}

#[test]
fn a_current_fingerprint_skips_rendering() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"A", 42).unwrap();
    s.commit().unwrap();
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    assert!(s.keep_if_current("a.html", 42));
    assert!(!s.keep_if_current("b.html", 42));
    assert_eq!(s.commit().unwrap().tetap, 1);
    // another fingerprint, or a touched file, must be rendered again
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    assert!(!s.keep_if_current("a.html", 43));
    s.abort();
    fs::write(public.join("a.html"), b"B").unwrap();
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    assert!(!s.keep_if_current("a.html", 42));
}

#[test]
fn abort_leaves_the_published_site() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"A", 0).unwrap();
    s.commit().unwrap();
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"changed", 0).unwrap();
    s.abort();
    assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A");
}

#[test]
fn what_a_killed_build_left_is_removed_or_put_back() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"A", 0).unwrap();
    s.commit().unwrap();
    // killed between the first two renames: no public/, the site parked beside it
    fs::rename(&public, old_path(&public)).unwrap();
    fs::create_dir_all(staging_path(&public).join("sub")).unwrap();
    fs::write(manifest_tmp_path(&public), "half").unwrap();
    let kunci = Kunci::ambil(&public, Duration::ZERO, &|_| {}).unwrap();
    bersihkan_sisa(&kunci).unwrap();
    drop(kunci);
    assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A");
    let mut left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    // (the killed build's staging folder is kept as the spare)
    assert_eq!(
        left,
        [
            ".public.salur-cadangan",
            ".public.salur-manifest",
            "public",
            "site"
        ]
    );
    // killed after the second: the new site is in place, the parked one goes
    fs::create_dir_all(old_path(&public)).unwrap();
    fs::write(old_path(&public).join("a.html"), b"old").unwrap();
    let kunci = Kunci::ambil(&public, Duration::ZERO, &|_| {}).unwrap();
    bersihkan_sisa(&kunci).unwrap();
    drop(kunci);
    assert!(!old_path(&public).exists());
    assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A");
}

#[test]
fn refuses_folders_that_are_not_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let site = site(dir.path());
    fs::write(site.join("site.toml"), "").unwrap();
    // the site folder itself, and a folder containing it
    assert!(matches!(
        Staging::begin(&site, &site),
        Err(OutputError::BerisiSitus(_))
    ));
    assert!(matches!(
        Staging::begin(dir.path(), &site),
        Err(OutputError::BerisiSitus(_))
    ));
    // a non-empty folder without a manifest (a gh-pages checkout, data/, …)
    let other = dir.path().join("gh-pages");
    fs::create_dir_all(other.join(".git")).unwrap();
    fs::write(other.join("CNAME"), "x").unwrap();
    assert!(matches!(
        Staging::begin(&other, &site),
        Err(OutputError::BukanKeluaranSalur(_))
    ));
    assert!(other.join("CNAME").exists());
    // an empty folder is fine
    let empty = dir.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    assert!(Staging::begin(&empty, &site).is_ok());
}

/// The names beside `public` other than itself, its manifest and `site`.
fn beside_names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !matches!(n.as_str(), "public" | ".public.salur-manifest" | "site"))
        .collect();
    out.sort();
    out
}

#[test]
fn a_second_build_waits_for_the_first_or_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let pertama = Staging::begin(&public, &site(dir.path())).unwrap();
    // the holder's process id is in the lock file
    assert_eq!(
        fs::read_to_string(kunci_path(&public)).unwrap().trim(),
        std::process::id().to_string()
    );
    // refused at once, naming the holder
    match Staging::begin(&public, &site(dir.path())) {
        Err(OutputError::SedangDibangun { pid, detik, .. }) => {
            assert_eq!((pid, detik), (Some(std::process::id()), 0));
        }
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("two builds hold one folder"),
    }
    // a build that waits gets the folder once the first is done, and is told once
    let dikabari = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let menunggu = scope.spawn(|| {
            Kunci::ambil(&public, Duration::from_secs(30), &|pid| {
                assert_eq!(pid, Some(std::process::id()));
                dikabari.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            })
        });
        std::thread::sleep(Duration::from_millis(300));
        pertama.write("a.html", b"A", 0).unwrap();
        pertama.commit().unwrap();
        let kedua = menunggu.join().unwrap().unwrap();
        assert_eq!(dikabari.load(std::sync::atomic::Ordering::SeqCst), 1);
        let s = Staging::begin_terkunci(kedua, &site(dir.path())).unwrap();
        assert!(s.keep_if_current("a.html", 0) || s.write("a.html", b"A", 0).is_ok());
        s.commit().unwrap();
    });
    assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A");
    // nothing is left beside the folder, the lock file neither
    assert_eq!(beside_names(dir.path()), Vec::<String>::new());
}

#[test]
fn a_lock_file_left_by_a_killed_build_is_not_held() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    fs::write(kunci_path(&public), "4242\n").unwrap();
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"A", 0).unwrap();
    s.commit().unwrap();
    assert_eq!(beside_names(dir.path()), Vec::<String>::new());
}

#[test]
fn staging_folders_are_told_apart_by_name_and_only_the_lock_holder_removes_them() {
    let public = Path::new("/srv/out/public");
    for name in [
        ".public.staging",
        ".public.staging-1",
        ".public.staging-99999",
    ] {
        assert!(adalah_staging(public, name), "{name}");
    }
    for name in [
        ".public.stagingx",
        ".publicx.staging-1",
        ".public.salur-manifest",
        ".public.salur-lock",
        "public",
        ".public.old",
    ] {
        assert!(!adalah_staging(public, name), "{name}");
    }
    assert!(
        staging_path(public)
            .to_string_lossy()
            .ends_with(&format!(".public.staging-{}", std::process::id()))
    );
    // another process's staging folder beside a folder whose lock is held stays; once the
    // lock is free, the next build removes it with the old name's
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.write("a.html", b"A", 0).unwrap();
    s.commit().unwrap();
    let other = dir.path().join(".public.staging-4242");
    fs::create_dir_all(other.join("wilayah")).unwrap();
    fs::create_dir_all(dir.path().join(".public.staging")).unwrap();
    let held = Kunci::ambil(&public, Duration::ZERO, &|_| {}).unwrap();
    assert!(Staging::begin(&public, &site(dir.path())).is_err());
    assert!(other.exists(), "removed while its folder was locked");
    drop(held);
    let s = Staging::begin(&public, &site(dir.path())).unwrap();
    assert!(!other.exists());
    assert!(!dir.path().join(".public.staging").exists());
    s.abort();
}

#[test]
fn refuses_an_output_inside_an_input_folder_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let site = site(dir.path());
    fs::write(site.join("site.toml"), "").unwrap();
    for folder in ["data", "content", "themes"] {
        fs::create_dir_all(site.join(folder)).unwrap();
        for out in [
            site.join(folder),
            site.join(folder).join("public"),
            site.join(folder).join("default/static/public"),
        ] {
            match Staging::begin(&out, &site) {
                Err(OutputError::DalamMasukan { folder: f, .. }) => assert_eq!(f, folder),
                Err(e) => panic!("{}: {e}", out.display()),
                Ok(_) => panic!("{}: accepted", out.display()),
            }
            // nothing was created there, not even the lock file
            assert!(!out.join("..").join(".public.salur-lock").exists());
        }
    }
    assert!(matches!(
        Staging::begin(&site.join("site.toml"), &site),
        Err(OutputError::BukanFolder(_))
    ));
    assert_eq!(
        OutputError::DalamMasukan {
            path: "themes/default/static/out".into(),
            folder: "themes".into()
        }
        .message(Lang::En),
        "themes/default/static/out: the output folder may not lie inside the input folder \
         themes/ (salur reads that folder: the next build would publish the old site \
         inside the new one); choose a folder outside it, such as public/"
    );
    // beside the site folder, or in a folder of its own inside it, is fine
    assert!(Staging::begin(&site.join("public"), &site).is_ok());
    assert!(Staging::begin(&site.join(".salur/serve"), &site).is_ok());
    assert!(Staging::begin(&dir.path().join("public"), &site).is_ok());
}

#[cfg(unix)]
#[test]
fn an_output_link_is_published_where_it_leads_and_never_replaced() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let site = site(dir.path());
    let nyata = fs::canonicalize(dir.path()).unwrap();
    // a link to a folder not made yet, in a folder not made yet
    symlink(nyata.join("srv/www"), dir.path().join("pub")).unwrap();
    assert_eq!(jalur_nyata(&dir.path().join("pub")), nyata.join("srv/www"));
    // relative, through a second link
    symlink("pub", dir.path().join("pub2")).unwrap();
    assert_eq!(jalur_nyata(&dir.path().join("pub2")), nyata.join("srv/www"));
    let s = Staging::begin(&dir.path().join("pub2"), &site).unwrap();
    s.write("index.html", b"<p>1</p>", 0).unwrap();
    s.commit().unwrap();
    assert!(
        fs::symlink_metadata(dir.path().join("pub2"))
            .unwrap()
            .is_symlink()
    );
    assert!(
        fs::symlink_metadata(dir.path().join("pub"))
            .unwrap()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("pub/index.html")).unwrap(),
        "<p>1</p>"
    );
    assert!(nyata.join("srv/.www.salur-manifest").is_file());
    // a link into an input folder: refused, naming the link and where it leads
    fs::create_dir_all(site.join("data")).unwrap();
    symlink("site/data/keluar", dir.path().join("ke-data")).unwrap();
    match Staging::begin(&dir.path().join("ke-data"), &site) {
        Err(OutputError::DalamMasukan { path, .. }) => assert_eq!(
            path,
            format!(
                "{} (→ {})",
                dir.path().join("ke-data").display(),
                nyata.join("site/data/keluar").display()
            )
        ),
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("accepted"),
    }
    // links that loop
    symlink("b", dir.path().join("a")).unwrap();
    symlink("a", dir.path().join("b")).unwrap();
    assert!(matches!(
        Staging::begin(&dir.path().join("a"), &site),
        Err(OutputError::TautanBerputar { .. })
    ));
    // a link made where the build publishes, while it runs: left as it is
    let out = dir.path().join("keluar");
    let s = Staging::begin(&out, &site).unwrap();
    s.write("index.html", b"<p>2</p>", 0).unwrap();
    symlink(nyata.join("srv/www"), &out).unwrap();
    assert!(matches!(s.commit(), Err(OutputError::MenjadiTautan(_))));
    assert!(fs::symlink_metadata(&out).unwrap().is_symlink());
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "<p>1</p>"
    );
    // nothing of that build left beside it
    assert_eq!(
        beside_names(dir.path()),
        ["a", "b", "ke-data", "keluar", "pub", "pub2", "srv"]
    );
}

/// The syncs and the exchange made on paths under `dir`, in order.
fn sinkron_di(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    SINKRON_DICATAT
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, p)| p.starts_with(dir))
        .cloned()
        .collect()
}

#[test]
fn the_staging_folder_and_manifest_are_synced_before_the_exchange_and_the_parent_after() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    let public = dir.join("public");
    let s = Staging::begin(&public, &site(&dir)).unwrap();
    s.write("a.html", b"A", 0).unwrap();
    s.write("wilayah/35/35.75.html", b"B", 0).unwrap();
    s.commit().unwrap();
    let first = sinkron_di(&dir);
    // a first publish: synced (the tree, the manifest's file and folder) and renamed
    let staging = staging_path(&public);
    assert!(
        first.contains(&("syncfs", staging.clone()))
            || first.contains(&("berkas", staging.join("a.html"))),
        "{first:?}"
    );
    assert!(first.contains(&("folder", dir.clone())), "{first:?}");
    assert!(
        first.contains(&("berkas", manifest_tmp_path(&public))),
        "{first:?}"
    );

    let s = Staging::begin(&public, &site(&dir)).unwrap();
    s.write("a.html", b"A2", 0).unwrap();
    s.write("wilayah/35/35.75.html", b"B", 0).unwrap();
    s.commit().unwrap();
    let log = sinkron_di(&dir);
    let log = &log[first.len()..];
    let at = |want: &(&str, PathBuf)| log.iter().position(|x| x == want);
    let tukar = at(&("tukar", public.clone())).expect("exchanged");
    // the staging folder is durable before the exchange: one syncfs on Linux, else each
    // written file and each folder
    let staging_synced = at(&("syncfs", staging.clone()))
        .or_else(|| at(&("berkas", staging.join("a.html"))))
        .expect("the staging folder synced");
    assert!(staging_synced < tukar, "{log:?}");
    // the manifest for either folder reached the disk before the exchange
    let manifest_before = at(&("berkas", manifest_tmp_path(&public))).unwrap();
    assert!(manifest_before < tukar, "{log:?}");
    // the parent right after the exchange, then the final manifest and the parent again
    assert_eq!(log[tukar + 1], ("folder", dir.clone()), "{log:?}");
    assert_eq!(
        log[tukar + 2],
        ("berkas", manifest_tmp_path(&public)),
        "{log:?}"
    );
    assert_eq!(log[tukar + 3], ("folder", dir.clone()), "{log:?}");
}

#[test]
fn without_syncfs_every_written_file_and_every_folder_is_synced() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    let staging = dir.join(".public.staging-1");
    for (rel, bytes) in [
        ("a.html", "A"),
        ("wilayah/35/35.75.html", "B"),
        ("b.html", "C"),
    ] {
        let p = staging.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }
    // b.html linked, not written: its bytes were synced by the build that wrote them
    sinkron_satu_per_satu(
        &staging,
        &["a.html", "wilayah/35/35.75.html"],
        ["a.html", "b.html", "wilayah/35/35.75.html"].into_iter(),
    )
    .unwrap();
    let mut log = sinkron_di(&dir);
    log.sort();
    assert_eq!(
        log,
        [
            ("berkas", staging.join("a.html")),
            ("berkas", staging.join("wilayah/35/35.75.html")),
            ("folder", dir.clone()),
            ("folder", staging.clone()),
            ("folder", staging.join("wilayah")),
            ("folder", staging.join("wilayah/35")),
        ]
    );
}

#[test]
fn a_fault_after_the_exchange_says_the_new_site_is_published() {
    for (titik, langkah) in [
        ("manifest", LangkahSetelahTerbit::Manifest),
        ("hapus-lama", LangkahSetelahTerbit::HapusLama),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A", 0).unwrap();
        s.commit().unwrap();
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A2", 0).unwrap();
        GAGAL_UJI.with(|g| g.set(Some(titik)));
        let hasil = s.commit();
        GAGAL_UJI.with(|g| g.set(None));
        let e = hasil.expect_err(titik);
        assert!(e.sudah_terbit(), "{titik}: {e}");
        match &e {
            OutputError::SetelahTerbit {
                ringkasan,
                langkah: l,
                ..
            } => {
                assert_eq!(*l, langkah);
                assert_eq!(ringkasan.ditulis, 1);
            }
            _ => panic!("{e}"),
        }
        // true: the new site is live
        assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A2");
        let id = e.message(Lang::Id);
        let en = e.message(Lang::En);
        assert!(id.starts_with("Situs baru SUDAH TERBIT di "), "{id}");
        assert!(en.starts_with("The new site IS PUBLISHED in "), "{en}");
        assert!(en.contains("(1 written, 0 unchanged, 0 removed)"), "{en}");
        assert!(en.contains("os error 28"), "{en}");
        // and the next build mends what was left: the manifest, the previous site
        let s = Staging::begin(&public, &site(dir.path())).unwrap();
        s.write("a.html", b"A2", 0).unwrap();
        let r = s.commit().unwrap();
        assert_eq!((r.ditulis, r.dihapus), (0, 0), "{titik}");
        // the previous site, kept as the spare (by the next build, when the fault stopped
        // this one before it)
        assert_eq!(
            beside_names(dir.path()),
            [".public.salur-cadangan"],
            "{titik}"
        );
    }
}

/// Every file under `root` with its bytes, and every folder (`dir/`), sorted.
fn pohon(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(root).min_depth(1) {
        let e = e.unwrap();
        let rel = e
            .path()
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if e.file_type().is_dir() {
            out.push((format!("{rel}/"), Vec::new()));
        } else {
            out.push((rel, fs::read(e.path()).unwrap()));
        }
    }
    out.sort();
    out
}

/// One build of `files` (path, bytes) into `public`.
fn bangun(public: &Path, site: &Path, files: &[(&str, &str)]) -> Ringkasan {
    let s = Staging::begin(public, site).unwrap();
    for (rel, bytes) in files {
        s.write(rel, bytes.as_bytes(), 0).unwrap();
    }
    s.commit().unwrap()
}

#[cfg(unix)]
fn ino(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&fs::metadata(path).unwrap())
}

#[cfg(unix)]
#[test]
fn the_previous_site_is_kept_as_the_spare_and_patched_by_the_next_build() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let site = site(dir.path());
    let cadangan = cadangan_path(&public);
    bangun(
        &public,
        &site,
        &[
            ("a.html", "A"),
            ("sub/b.html", "B"),
            ("sub/c.html", "C"),
            ("d/e.html", "E"),
        ],
    );
    assert!(!cadangan.exists(), "a first build has no previous site");
    let c_ino = ino(&public.join("sub/c.html"));
    // a.html changes, d/ goes: the previous site becomes the spare
    let r = bangun(
        &public,
        &site,
        &[("a.html", "A2"), ("sub/b.html", "B"), ("sub/c.html", "C")],
    );
    assert_eq!((r.ditulis, r.tetap, r.dihapus), (1, 2, 1));
    assert_eq!(fs::read(cadangan.join("a.html")).unwrap(), b"A");
    assert_eq!(fs::read(cadangan.join("d/e.html")).unwrap(), b"E");
    // the next build patches the spare: b.html changes, f/g.html comes, d/ stays gone, and
    // the files the published site shares with the spare are never written through
    let r = bangun(
        &public,
        &site,
        &[
            ("a.html", "A2"),
            ("f/g.html", "G"),
            ("sub/b.html", "B3"),
            ("sub/c.html", "C"),
        ],
    );
    assert_eq!((r.ditulis, r.tetap, r.dihapus), (2, 2, 0));
    let want = |files: &[(&str, &str)]| {
        let mut v: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        pohon(&public),
        want(&[
            ("a.html", "A2"),
            ("f/", ""),
            ("f/g.html", "G"),
            ("sub/", ""),
            ("sub/b.html", "B3"),
            ("sub/c.html", "C"),
        ])
    );
    // unchanged files keep their inode from build to build (a deploy tool sees them as such)
    assert_eq!(ino(&public.join("sub/c.html")), c_ino);
    // the spare is now the second build's site, untouched by the third
    assert_eq!(
        pohon(&cadangan),
        want(&[
            ("a.html", "A2"),
            ("sub/", ""),
            ("sub/b.html", "B"),
            ("sub/c.html", "C"),
        ])
    );
    // a build with the same files leaves both as they are
    let r = bangun(
        &public,
        &site,
        &[
            ("a.html", "A2"),
            ("f/g.html", "G"),
            ("sub/b.html", "B3"),
            ("sub/c.html", "C"),
        ],
    );
    assert_eq!((r.ditulis, r.dihapus), (0, 0));
    assert_eq!(fs::read(cadangan.join("sub/b.html")).unwrap(), b"B");
}

#[test]
fn a_folder_whose_only_file_was_streamed_unchanged_is_published_whole() {
    // the streamed copy is removed from the staging folder, which leaves its folder empty:
    // the folder goes when the staging folder is tidied, and must be made again for the link
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let site = site(dir.path());
    for (i, halaman) in ["A", "B", "B"].iter().enumerate() {
        let s = Staging::begin(&public, &site).unwrap();
        s.write("index.html", halaman.as_bytes(), 0).unwrap();
        s.write_stream("unduh/data.csv", 1, |w| w.write_all(b"a,b\n"))
            .unwrap();
        let r = s.commit().unwrap_or_else(|e| panic!("build {i}: {e}"));
        assert_eq!(r.tetap, i, "build {i}");
        assert_eq!(fs::read(public.join("unduh/data.csv")).unwrap(), b"a,b\n");
        assert_eq!(
            fs::read(public.join("index.html")).unwrap(),
            halaman.as_bytes()
        );
    }
}

#[cfg(unix)]
#[test]
fn whatever_the_spare_holds_the_published_site_is_exactly_the_build() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let site = site(dir.path());
    let files = [
        ("a.html", "A"),
        ("sub/b.html", "B"),
        ("sub/c.html", "C"),
        ("x/y.html", "Y"),
    ];
    bangun(&public, &site, &files);
    let expected = pohon(&public);
    // someone (or something) put into the spare: a stray file, an empty folder, a folder
    // where a file goes, a file where a folder goes, links out of it, a foreign copy of an
    // unchanged file (another inode, other bytes)
    let cadangan = cadangan_path(&public);
    let luar = dir.path().join("luar");
    fs::create_dir_all(&luar).unwrap();
    fs::write(luar.join("b.html"), "outside").unwrap();
    fs::create_dir_all(cadangan.join("kosong/lagi")).unwrap();
    fs::create_dir_all(cadangan.join("a.html/z")).unwrap();
    fs::write(cadangan.join("x"), "not a folder").unwrap();
    symlink(&luar, cadangan.join("sub")).unwrap();
    fs::create_dir_all(cadangan.join("t")).unwrap();
    symlink(luar.join("b.html"), cadangan.join("t/link.html")).unwrap();
    fs::write(cadangan.join("stray.html"), "stray").unwrap();
    // one build writes a changed file into sub/ (through the link, were it followed)
    let mut changed = files;
    changed[1] = ("sub/b.html", "B2");
    bangun(&public, &site, &changed);
    let mut want = expected.clone();
    for (p, b) in want.iter_mut() {
        if p == "sub/b.html" {
            *b = b"B2".to_vec();
        }
    }
    assert_eq!(pohon(&public), want);
    assert_eq!(fs::read(luar.join("b.html")).unwrap(), b"outside");
    assert_eq!(pohon(&luar).len(), 1, "nothing written outside");
    // and a foreign copy of an unchanged file in the spare is replaced by the published one
    let cadangan_c = cadangan.join("sub/c.html");
    fs::remove_file(&cadangan_c).unwrap();
    fs::write(&cadangan_c, "foreign").unwrap();
    bangun(&public, &site, &files);
    assert_eq!(pohon(&public), expected);
}

#[cfg(unix)]
#[test]
fn a_build_with_nothing_to_do_needs_the_folder_to_hold_exactly_its_files() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let mut s = Staging::begin(&public, &site(dir.path())).unwrap();
    s.catat_masukan(42, Lang::Id, String::new());
    s.write("a.html", b"A", 0).unwrap();
    s.write("sub/b.html", b"B", 0).unwrap();
    s.commit().unwrap();
    let tersimpan = || {
        let kunci = Kunci::ambil(&public, Duration::ZERO, &|_| {}).unwrap();
        build_tersimpan(&kunci, 42).is_some()
    };
    assert!(tersimpan());
    // a file someone added, anywhere: the build runs (and publishes without it)
    for stray in ["stray.html", "sub/stray.html"] {
        fs::write(public.join(stray), "s").unwrap();
        assert!(!tersimpan(), "{stray}");
        fs::remove_file(public.join(stray)).unwrap();
        assert!(tersimpan(), "{stray}");
    }
    // an empty folder
    fs::create_dir(public.join("kosong")).unwrap();
    assert!(!tersimpan());
    fs::remove_dir(public.join("kosong")).unwrap();
    // a file, or a folder, replaced by a link to a copy with the same bytes and times
    let luar = dir.path().join("luar");
    fs::create_dir_all(luar.join("sub")).unwrap();
    for rel in ["a.html", "sub/b.html"] {
        fs::rename(public.join(rel), luar.join(rel)).unwrap();
    }
    symlink(luar.join("a.html"), public.join("a.html")).unwrap();
    assert!(!tersimpan());
    fs::remove_file(public.join("a.html")).unwrap();
    fs::rename(luar.join("a.html"), public.join("a.html")).unwrap();
    fs::remove_dir(public.join("sub")).unwrap();
    symlink(luar.join("sub"), public.join("sub")).unwrap();
    assert!(!tersimpan());
    fs::remove_file(public.join("sub")).unwrap();
    fs::rename(luar.join("sub"), public.join("sub")).unwrap();
    assert!(tersimpan());
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_in_the_spare_is_made_writable_not_a_dead_end() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let site = site(dir.path());
    bangun(&public, &site, &[("a.html", "A"), ("sub/b.html", "B")]);
    bangun(&public, &site, &[("a.html", "A2"), ("sub/b.html", "B")]);
    // the published folder made read-only becomes the spare after the next publish
    let mode = |p: &Path| fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777;
    fs::set_permissions(public.join("sub"), fs::Permissions::from_mode(0o555)).unwrap();
    bangun(&public, &site, &[("a.html", "A3"), ("sub/b.html", "B")]);
    let cadangan = cadangan_path(&public);
    assert_eq!(mode(&cadangan.join("sub")), 0o555);
    // the build that patches it (root may write anyway: the mode says it was made writable)
    bangun(&public, &site, &[("a.html", "A3"), ("sub/b.html", "B4")]);
    assert_eq!(fs::read(public.join("sub/b.html")).unwrap(), b"B4");
    assert_eq!(mode(&public.join("sub")), 0o755);
    // and a read-only folder where a file goes is removed whole
    let spare_sub = cadangan_path(&public).join("sub");
    assert!(spare_sub.is_dir());
    fs::remove_file(cadangan_path(&public).join("a.html")).unwrap();
    fs::create_dir_all(cadangan_path(&public).join("a.html/x")).unwrap();
    fs::set_permissions(
        cadangan_path(&public).join("a.html/x"),
        fs::Permissions::from_mode(0o555),
    )
    .unwrap();
    bangun(&public, &site, &[("a.html", "A5"), ("sub/b.html", "B4")]);
    assert_eq!(fs::read(public.join("a.html")).unwrap(), b"A5");
}

#[cfg(unix)]
#[test]
fn a_build_that_changes_no_file_still_removes_what_someone_put_in_the_folder() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let site = site(dir.path());
    let files = [("a.html", "A"), ("sub/b.html", "B")];
    bangun(&public, &site, &files);
    let fresh = pohon(&public);
    fs::write(public.join("sub/stray.html"), "s").unwrap();
    fs::create_dir_all(public.join("kosong/lagi")).unwrap();
    symlink("/etc/passwd", public.join("pw")).unwrap();
    let r = bangun(&public, &site, &files);
    assert_eq!((r.ditulis, r.dihapus), (0, 0));
    assert_eq!(pohon(&public), fresh);
}
