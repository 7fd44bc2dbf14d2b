//! `salur init`

use std::path::PathBuf;

use salur::init::InitOptions;
use salur::lang::Lang;
use salur::pesan;

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
    keluar!("{}", pesan!(lang, "perintah.init_situs_baru", folder = dir));
    for w in &summary.wilayah {
        keluar!("  {w}");
    }
    keluar!(
        "{}",
        pesan!(
            lang,
            "perintah.init_wilayah",
            kecamatan = summary.kecamatan,
            kelurahan = summary.kelurahan,
            desa = summary.desa
        )
    );
    keluar!(
        "{}",
        pesan!(
            lang,
            "perintah.init_berkas",
            berkas = summary.berkas.join(", ")
        )
    );
    keluar!("{}", pesan!(lang, "perintah.init_berikutnya", folder = dir));
    Ok(super::Selesai::new(lang, super::Pekerjaan::Lain))
}
