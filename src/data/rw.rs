//! `data/rw.csv`: KPM per RW of each desa/kelurahan, read only by `salur jadwal usul`.

#[allow(clippy::wildcard_imports)]
use super::*;

/// KPM of one RW of a desa/kelurahan (`data/rw.csv`), for `salur jadwal usul`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JumlahRw {
    /// The desa/kelurahan.
    pub wilayah: WilayahId,
    /// The RW (`03`).
    pub rw: String,
    /// KPM.
    pub kpm: u64,
}

pub(super) const RW: Columns = Columns {
    required: &["kode_wilayah", "rw", "kpm"],
    optional: &[],
};

/// Reads `data/rw.csv` (`kode_wilayah,rw,kpm`) against the regions of `ds`, with the same
/// tolerance and messages as the other inputs (its size limit, `batas_berkas_mb`, and its
/// headers under `[kolom.rw]` of `config`). Returns
/// its rows and the place later messages name (`data/rw.csv`, or the worksheet read instead,
/// `data/rw.xlsx:Sheet1`).
pub fn rw(
    root: &Path,
    ds: &Dataset,
    config: &crate::config::Config,
) -> Result<(Vec<JumlahRw>, String), Diagnostics> {
    let name = "data/rw.csv";
    let mut diags = Diagnostics::new();
    if !table::ada(root, name) {
        diags.push(Diagnostic::error(name, 0, 0, None, Problem::MissingFile));
        return Err(diags);
    }
    let peta = config
        .kolom
        .iter()
        .find(|p| p.masukan == "rw")
        .map_or(&[][..], |p| p.kolom.as_slice());
    let batas = config.batas_berkas;
    let Some(mut t) = Table::open_dipetakan(root, name, &RW, batas, peta, &mut diags) else {
        return Err(diags);
    };
    let tempat = t.name.clone();
    let name = tempat.as_str();
    let lookup = Lookup::new(ds, &[]);
    let mut out = Vec::new();
    // the column's total (see `JUMLAH_MAKS`): a desa's RW are summed
    let mut jumlah = Jumlah::default();
    t.for_each_row(&mut diags, |row, diags| {
        let wilayah = lookup.wilayah_at(name, row, 0, diags);
        let rw = required_text(name, row, 1, diags);
        let kpm = match value::count(row.get(2), Expected::Count) {
            Ok(n) => match jumlah.tambah(n) {
                Ok(()) => Some(n),
                Err(sebelum) => {
                    diags.push(luap(name, row.line, row.column(2), n, sebelum));
                    None
                }
            },
            Err(p) => {
                report(name, row, 2, p, diags);
                None
            }
        };
        if let (Some(wilayah), Some(rw), Some(kpm)) = (wilayah, rw, kpm) {
            out.push(JumlahRw {
                wilayah,
                rw: value::rw(rw),
                kpm,
            });
        }
    });
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok((out, tempat))
    }
}
