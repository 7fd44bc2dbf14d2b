//! `salur init`

use std::path::PathBuf;

use salur::init::InitOptions;
use salur::lang::Lang;

/// Arguments of `salur init`.
#[derive(clap::Args)]
pub struct Args {
    /// The new site's folder (created; if it exists it must be empty).
    dir: PathBuf,
    /// The kabupaten/kota or provinsi, by code (35.75) or name ("Kota Pasuruan"); repeat it
    /// for a site of several.
    #[arg(long, short = 'w', required = true)]
    wilayah: Vec<String>,
    /// The site's language: id or en.
    #[arg(long, default_value = "id", value_parser = parse_lang)]
    language: Lang,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}`: id or en"))
}

/// Writes the new site and says what is in it and what to do next.
pub fn execute(args: Args) -> Result<super::Selesai, salur::Error> {
    let lang = args.language;
    let summary = salur::init::init(&InitOptions {
        dir: args.dir.clone(),
        wilayah: args.wilayah,
        lang,
        hari_ini: super::hari_ini(),
    })
    .map_err(|e| super::init_error(lang, e))?;
    let dir = args.dir.display();
    match lang {
        Lang::Id => {
            keluar!("Situs baru di {dir} untuk:");
            for w in &summary.wilayah {
                keluar!("  {w}");
            }
            keluar!(
                "{} kecamatan, {} kelurahan, {} desa di data/wilayah.csv (idn-area-data, ODbL).",
                summary.kecamatan,
                summary.kelurahan,
                summary.desa
            );
            keluar!("Berkas: {}", summary.berkas.join(", "));
            keluar!(
                "Berikutnya: isi data/*.csv (contoh baris ada di README.md), lalu\n  cd {dir}\n  salur check\n  salur serve"
            );
        }
        Lang::En => {
            keluar!("A new site in {dir} for:");
            for w in &summary.wilayah {
                keluar!("  {w}");
            }
            keluar!(
                "{} kecamatan, {} kelurahan, {} desa in data/wilayah.csv (idn-area-data, ODbL).",
                summary.kecamatan,
                summary.kelurahan,
                summary.desa
            );
            keluar!("Files: {}", summary.berkas.join(", "));
            keluar!(
                "Next: fill in data/*.csv (README.md has a sample row for each), then\n  cd {dir}\n  salur check\n  salur serve"
            );
        }
    }
    Ok(super::Selesai::new(lang, super::Pekerjaan::Lain))
}
