//! "Did you mean": the nearest known value to a mistyped one, for messages.

/// The longest value [`nearest`] finds a near candidate for: codes, keys and file names are
/// short, and the edit distance costs the product of the two lengths.
const PANJANG_SARAN_MAKS: usize = 64;

/// The candidate closest to `value` by edit distance (a swap of two neighbours counts as one
/// edit), when it is close enough to be a typo.
pub fn nearest<'a>(value: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let value_l = value.to_lowercase();
    let panjang = value_l.chars().count();
    if panjang > PANJANG_SARAN_MAKS {
        return None;
    }
    let limit = (value.chars().count() / 3).clamp(1, 3);
    candidates
        // the distance is at least the difference in length: a candidate too short or too
        // long is skipped without comparing (a 1 MB value against 90.000 codes was
        // 90.000 distances of a million characters each)
        .filter_map(|c| {
            let c_l = c.to_lowercase();
            (c_l.chars().count().abs_diff(panjang) <= limit)
                .then(|| (strsim::osa_distance(&value_l, &c_l), c))
        })
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, c)| c.to_string())
}
