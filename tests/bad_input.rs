//! The hostile-input corpus: every case folder under `tests/fixtures/bad/` (see its README) is
//! laid over a fresh copy of the example site and built in-process. A case is one of two kinds:
//!
//! - **refused** (the default): it must be refused with every line of its `expected.txt`
//!   (Indonesian, the example's language) and of its `expected.en.txt` (the same problems in
//!   English) among the messages, nothing written, every message starting with the file it
//!   concerns, and no NIK in clear;
//! - **built right** (the case has `absent.txt` or `present.txt`): a bad input that salur mends
//!   rather than refuses (a spreadsheet formula in a name is neutralised in the downloads, a
//!   free-text reason is published only as its code). It must build; its `expected*.txt` lines,
//!   when given, must be among the warnings; no output file may hold (in its bytes or its path)
//!   a line of `absent.txt`, nor any 16-digit number of the case's files; and each
//!   `path<TAB>text` line of `present.txt` must be in that output file.
//!
//! No case may panic. All cases run; the failures are reported together, then a figure line,
//! written past the test harness's capture so that `cargo test` shows it:
//!
//! ```text
//! bad inputs tried: 120, refused clearly: 100, built right: 20, silently wrong: 0, panics: 0
//! ```

mod common;

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use salur::diagnostics::Diagnostic;
use salur::lang::Lang;
use salur::{BuildOptions, Error};

/// Files of a case folder that are not laid over the site.
const DIRECTIVES: &[&str] = &[
    "expected.txt",
    "expected.en.txt",
    "remove.txt",
    "absent.txt",
    "present.txt",
];

/// The marker a fixture file may hold to stand for 1 MiB of one character (`@@1MB:A@@`), so
/// that a 1 MB line need not be committed as such.
const MARKER_START: &[u8] = b"@@1MB:";
const ONE_MB: usize = 1 << 20;

fn corpus() -> PathBuf {
    common::root().join("tests/fixtures/bad")
}

/// The case folders, sorted by name.
fn cases() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(corpus())
        .expect("tests/fixtures/bad")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

/// The non-empty lines of `path`, or none when it does not exist.
fn lines(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .map(|t| {
            t.lines()
                .map(str::to_string)
                .filter(|l| !l.trim().is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// The marker of a repeat: `@@<n>x:<text>@@` stands for `<text>` written `n` times, each
/// `{i}` in it replaced by the repeat's number (0, 1, …), a line break in it included:
/// `@@1000x:>@@` is a 1.000-deep block quote, a row ending in `P{i},1` and a line break, in
/// `@@65534x:…@@`, 65.534 rows naming as many penyalur.
const REPEAT_END: &[u8] = b"x:";

/// `bytes` with every repeat marker (see [`REPEAT_END`]) expanded.
fn expand_repeats(bytes: Vec<u8>) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = &bytes[..];
    while let Some(at) = rest.windows(2).position(|w| w == b"@@") {
        let after = &rest[at + 2..];
        let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
        let body = &after[digits..];
        let end = body.windows(2).position(|w| w == b"@@");
        match (digits, body.starts_with(REPEAT_END), end) {
            (1.., true, Some(end)) => {
                let n: usize = std::str::from_utf8(&after[..digits])
                    .ok()
                    .and_then(|d| d.parse().ok())
                    .expect("a repeat count");
                let text = &body[REPEAT_END.len()..end];
                out.extend_from_slice(&rest[..at]);
                let numbered = text.windows(3).any(|w| w == b"{i}");
                for i in 0..n {
                    if numbered {
                        let t = String::from_utf8_lossy(text).replace("{i}", &i.to_string());
                        out.extend_from_slice(t.as_bytes());
                    } else {
                        out.extend_from_slice(text);
                    }
                }
                rest = &body[end + 2..];
            }
            _ => {
                out.extend_from_slice(&rest[..at + 2]);
                rest = after;
            }
        }
    }
    out.extend_from_slice(rest);
    out
}

/// `bytes` with every `@@1MB:X@@` replaced by 1 MiB of `X`, and every repeat marker
/// (`@@<n>x:<text>@@`) expanded.
fn expand(bytes: Vec<u8>) -> Vec<u8> {
    expand_one_mb(expand_repeats(bytes))
}

/// `bytes` with every `@@1MB:X@@` replaced by 1 MiB of `X`.
fn expand_one_mb(bytes: Vec<u8>) -> Vec<u8> {
    let Some(at) = bytes
        .windows(MARKER_START.len())
        .position(|w| w == MARKER_START)
    else {
        return bytes;
    };
    let fill = bytes[at + MARKER_START.len()];
    let end = at + MARKER_START.len() + 1;
    assert_eq!(&bytes[end..end + 2], b"@@", "a marker is @@1MB:X@@");
    let mut out = bytes[..at].to_vec();
    out.extend(std::iter::repeat_n(fill, ONE_MB));
    out.extend(expand_one_mb(bytes[end + 2..].to_vec()));
    out
}

/// Lays case `case` over the site copy `site`: removes the files `remove.txt` names, then
/// copies every other file of the case to the same relative path, except that a file named
/// `….append` (`data/wilayah.csv.append`) is added at the end of the site's file of that name
/// (`data/wilayah.csv`).
fn overlay(case: &Path, site: &Path) {
    for rel in lines(&case.join("remove.txt")) {
        let path = site.join(rel.trim());
        fs::remove_file(&path).unwrap_or_else(|e| panic!("remove {}: {e}", path.display()));
    }
    for e in walkdir::WalkDir::new(case)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let rel = e.path().strip_prefix(case).expect("inside the case");
        if rel.components().count() == 1 && DIRECTIVES.iter().any(|d| rel == Path::new(d)) {
            continue;
        }
        let bytes = expand(fs::read(e.path()).expect("fixture"));
        let rel = rel.to_string_lossy();
        if let Some(base) = rel.strip_suffix(".append") {
            let target = site.join(base);
            let mut all = fs::read(&target).unwrap_or_else(|e| panic!("{base}: {e}"));
            all.extend(bytes);
            fs::write(&target, all).expect("append fixture");
        } else {
            let target = site.join(rel.as_ref());
            fs::create_dir_all(target.parent().expect("a parent")).expect("mkdir");
            fs::write(&target, bytes).expect("write fixture");
        }
    }
}

/// The 16-digit runs (NIK-shaped, digits only, separators dropped) in a case's files.
fn niks_in(case: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(case)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let bytes = fs::read(e.path()).unwrap_or_default();
        let mut run = String::new();
        for &b in bytes.iter().chain(std::iter::once(&b'\n')) {
            if b.is_ascii_digit() {
                run.push(b as char);
            } else if b == b' ' || b == b'-' {
                continue;
            } else {
                if run.len() == 16 {
                    out.push(run.clone());
                }
                run.clear();
            }
        }
    }
    out
}

/// Whether `s` holds a run of exactly 16 digits, the shape of a NIK.
fn has_16_digits(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 16)
}

/// How a case ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Refused as the case expects.
    Refused,
    /// Built, and its output holds what the case expects.
    BuiltRight,
    /// Built although it should have been refused, or built with the bad input published: the
    /// failure this corpus exists to catch.
    SilentlyWrong,
    /// Refused, but not in the expected way (message, place, something written).
    Unclear,
}

/// Whether a case expects to be built (it says what its output must and must not hold).
fn expects_build(case: &Path) -> bool {
    case.join("absent.txt").exists() || case.join("present.txt").exists()
}

/// Runs one case: how it ended and what went wrong (empty when it passed).
fn run_case(case: &Path) -> (Outcome, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = common::example_copy(dir.path());
    overlay(case, &site);
    let out = dir.path().join("public");
    let result = salur::build(&BuildOptions {
        root: site.clone(),
        output: Some(out.clone()),
        base_url: None,
    });
    if expects_build(case) {
        return match result {
            Ok(summary) => {
                let problems = check_built(case, &out, &summary.warnings);
                let outcome = if problems.is_empty() {
                    Outcome::BuiltRight
                } else {
                    Outcome::SilentlyWrong
                };
                (outcome, problems)
            }
            Err(e) => (
                Outcome::Unclear,
                vec![format!("refused, but should build: {e}")],
            ),
        };
    }
    let mut problems = Vec::new();
    let diagnostics = match result {
        Ok(_) => {
            problems.push("accepted: the build succeeded".to_string());
            return (Outcome::SilentlyWrong, problems);
        }
        Err(Error::Input { diagnostics, .. }) => diagnostics,
        Err(e) => {
            problems.push(format!("refused, but not as an input problem: {e}"));
            return (Outcome::Unclear, problems);
        }
    };
    if out.exists() {
        problems.push("refused, but the output folder was written".to_string());
    }
    if !diagnostics.has_errors() {
        problems.push("refused without an error".to_string());
    }
    let items = diagnostics.items();
    problems.extend(expected_among(case, items, true));
    let niks = niks_in(case);
    for d in items {
        problems.extend(check_place(d, &site));
        for lang in [Lang::Id, Lang::En] {
            let m = d.message(lang);
            let compact: String = m.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
            if has_16_digits(&m) || niks.iter().any(|n| compact.contains(n.as_str())) {
                problems.push(format!("a NIK in clear: {m}"));
            }
        }
    }
    let outcome = if problems.is_empty() {
        Outcome::Refused
    } else {
        Outcome::Unclear
    };
    (outcome, problems)
}

/// Every line of the case's `expected.txt` (in Indonesian) and `expected.en.txt` (in English)
/// must be part of one of the messages of `items`; `required`: the files must exist.
fn expected_among(case: &Path, items: &[Diagnostic], required: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for (lang, file) in [(Lang::Id, "expected.txt"), (Lang::En, "expected.en.txt")] {
        let messages: Vec<String> = items.iter().map(|d| d.message(lang)).collect();
        let expected = lines(&case.join(file));
        if expected.is_empty() && required {
            problems.push(format!("{file} is missing or empty"));
        }
        for want in expected {
            if !messages.iter().any(|m| m.contains(&want)) {
                problems.push(format!(
                    "{file}: no message contains\n      {want}\n    messages:\n      {}",
                    messages.join("\n      ")
                ));
            }
        }
    }
    problems
}

/// What is wrong with the output `out` of a case that was built: an expected warning missing,
/// a text of `absent.txt` or a NIK of the case's files in a file's bytes or path, a line of
/// `present.txt` not in its file.
fn check_built(case: &Path, out: &Path, warnings: &salur::diagnostics::Diagnostics) -> Vec<String> {
    let mut problems = expected_among(case, warnings.items(), false);
    let absent = lines(&case.join("absent.txt"));
    let niks = niks_in(case);
    let files = common::files(out);
    for (rel, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        let compact: String = text
            .chars()
            .filter(|c| c.is_ascii_digit() || c.is_alphabetic())
            .collect();
        for a in &absent {
            if text.contains(a.as_str()) || rel.contains(a.as_str()) {
                problems.push(format!("{rel} holds {a:?}"));
            }
        }
        for n in &niks {
            if compact.contains(n.as_str()) || rel.contains(n.as_str()) {
                problems.push(format!("{rel} holds the NIK {}…", &n[..4]));
            }
        }
    }
    for line in lines(&case.join("present.txt")) {
        let Some((rel, want)) = line.split_once('\t') else {
            problems.push(format!("present.txt: {line:?} is not path<TAB>text"));
            continue;
        };
        match files.get(rel) {
            None => problems.push(format!("{rel} was not written")),
            Some(bytes) if !String::from_utf8_lossy(bytes).contains(want) => {
                problems.push(format!("{rel} does not hold {want:?}"));
            }
            Some(_) => {}
        }
    }
    problems
}

/// A message begins with the place it concerns: a file of the site (`data/…`, `content/…`,
/// `site.toml`), then its line and column as far as they are known; a value quoted from a cell
/// has both.
fn check_place(d: &Diagnostic, site: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let m = d.message(Lang::En);
    let file = d.file.split(':').next().unwrap_or_default();
    let known = ["data/", "content/", "themes/"]
        .iter()
        .any(|p| file.starts_with(p))
        || file == "site.toml";
    if !known || !(site.join(file).exists() || d.line == 0) {
        problems.push(format!("does not name a file of the site: {m}"));
    }
    if !m.starts_with(&d.tempat()) || !m.starts_with(&d.file) {
        problems.push(format!("does not begin with its place: {m}"));
    }
    if d.value.is_some() && (d.line == 0 || d.column == 0) {
        problems.push(format!("quotes a value without its line and column: {m}"));
    }
    problems
}

#[test]
fn every_bad_input_is_refused_or_mended() {
    let cases = cases();
    let mut failures = Vec::new();
    let (mut refused, mut built, mut wrong, mut unclear, mut panics) = (0, 0, 0, 0, 0);
    for case in &cases {
        let name = case.file_name().unwrap_or_default().to_string_lossy();
        match catch_unwind(AssertUnwindSafe(|| run_case(case))) {
            Ok((outcome, p)) => {
                match outcome {
                    Outcome::Refused => refused += 1,
                    Outcome::BuiltRight => built += 1,
                    Outcome::SilentlyWrong => wrong += 1,
                    Outcome::Unclear => unclear += 1,
                }
                if !p.is_empty() {
                    failures.push(format!("{name} ({outcome:?}):\n  - {}", p.join("\n  - ")));
                }
            }
            Err(e) => {
                panics += 1;
                let what = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{name}: panicked: {what}"));
            }
        }
    }
    common::figure(&format!(
        "bad inputs tried: {}, refused clearly: {refused}, built right: {built}, \
         silently wrong: {wrong}, refused unclearly: {unclear}, panics: {panics}",
        cases.len()
    ));
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    assert!(
        cases.len() >= 50,
        "the corpus has {} cases, at least 50 are wanted",
        cases.len()
    );
}
