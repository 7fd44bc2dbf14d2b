//! TOML read in the site's words: what the `toml` crate reports about `site.toml`, front
//! matter and a theme's UI strings, said as salur says it (an unknown key with the nearest
//! known one, a date that does not exist, text without quotes), and the value quoted.

use crate::diagnostics::Problem;

/// The deepest nesting of arrays and tables the `toml` crate reads (its parser's `LIMIT`);
/// deeper TOML is refused by it, which [`toml_problem`] names.
pub const TOML_KEDALAMAN_MAKS: usize = 80;

/// Keys whose value is a TOML date: a bare value there is a date written in another form.
const KUNCI_TANGGAL: &[&str] = &["tanggal", "tenggat", "selesai_pada", "data_as_of", "mulai"];

/// The key being given at the end of `before` (the TOML text before an error): `judul` for
/// `…\njudul = `.
fn kunci_terakhir(before: &str) -> Option<&str> {
    let line = before.rsplit('\n').next()?;
    let (key, _) = line.split_once('=')?;
    Some(key.trim())
}

/// A problem from the TOML parser, in the site's words where salur knows the case. `before` is
/// the TOML text before the error's place (it names the key being given).
pub fn toml_problem(message: &str, known_keys: &[&str], before: &str) -> Problem {
    if let Some((key, _)) = message
        .strip_prefix("unknown field `")
        .and_then(|m| m.split_once('`'))
    {
        return Problem::UnknownKey {
            key: key.to_string(),
            nearest: crate::dasar::saran::nearest(key, known_keys.iter().copied()),
        };
    }
    if let Some((key, _)) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.split_once('`'))
    {
        return Problem::MissingKey {
            key: key.to_string(),
        };
    }
    if message.starts_with("invalid date") {
        return Problem::TanggalTidakAda;
    }
    if message.contains("max recursion depth") || message.contains("recursion limit") {
        // the toml crate's limit (`LIMIT` in its parser): it stops at the level past it
        return Problem::TerlaluDalam {
            kedalaman: TOML_KEDALAMAN_MAKS + 1,
            batas: TOML_KEDALAMAN_MAKS,
            toml: true,
        };
    }
    if message.contains("string values must be quoted") {
        // a bare value: a date in another form where a date is expected, else text
        return match kunci_terakhir(before) {
            Some(k) if !KUNCI_TANGGAL.contains(&k) => Problem::TeksTanpaKutip,
            _ => Problem::TanggalToml,
        };
    }
    if message.contains("datetime") {
        return Problem::TanggalToml;
    }
    if let Some((value, rest)) = message
        .strip_prefix("unknown variant `")
        .and_then(|m| m.split_once('`'))
    {
        return Problem::UnknownValue {
            value: value.to_string(),
            expected: rest
                .split_once("expected ")
                .map(|(_, e)| e.replace('`', "\""))
                .unwrap_or_default(),
        };
    }
    if let Some(s) = crate::diagnostics::SintaksToml::dari_pesan(message) {
        return Problem::SintaksToml(s);
    }
    Problem::Config(message.to_string())
}

/// The value a TOML problem is about, quoted in its message where it is one value: a date that
/// does not exist, text without quotes.
pub fn nilai_salah(
    problem: &Problem,
    toml: &str,
    span: Option<std::ops::Range<usize>>,
) -> Option<String> {
    if !matches!(problem, Problem::TanggalTidakAda | Problem::TeksTanpaKutip) {
        return None;
    }
    let text = toml.get(span?)?;
    let text = text.lines().next().unwrap_or_default().trim();
    (!text.is_empty()).then(|| text.to_string())
}
