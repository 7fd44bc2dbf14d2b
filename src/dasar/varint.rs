//! LEB128 unsigned integers: the compact numbers of salur's own cache files beside the output
//! folder (the suppression decisions, [`crate::analysis::privasi::Tembolok`]; the published
//! figures, [`crate::data::koreksi::Simpanan`]). Small counts take one byte, not eight.

/// Appends `v` to `out`.
pub fn tulis(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads one number from the front of `r` and advances it; `None` when `r` ends first or the
/// number does not fit 64 bits.
pub fn baca(r: &mut &[u8]) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = r.split_first()?;
        *r = rest;
        v |= u64::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_a_cut_number_is_none() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            out.clear();
            tulis(&mut out, v);
            let mut r = &out[..];
            assert_eq!(baca(&mut r), Some(v));
            assert!(r.is_empty());
        }
        let mut r: &[u8] = &[0x80, 0x80];
        assert_eq!(baca(&mut r), None);
    }
}
