//! The ids of the dataset's lists: one newtype per list, so a region's id never passes as a
//! programme's and no integer passes as either. Each is made only by its checked constructor
//! (`baru`, from a `usize` position, `None` past its range: the reader that numbers the names
//! reports the row that brings one too many instead of wrapping to an id already taken) and
//! read back only as a position (`indeks`), so no id is ever narrowed by an `as` cast. Its
//! `Default` is position 0, a placeholder only where the build has already failed. It
//! serializes as its number, as the integer it replaces did.

/// Defines an id newtype over `$repr` with `$banyak` different values, `0..$banyak`.
macro_rules! jenis_id {
    ($(#[$doc:meta])* $nama:ident($repr:ty), $banyak:expr) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize,
        )]
        #[serde(transparent)]
        pub struct $nama($repr);

        // `indeks` widens: the representation must fit a `usize`.
        const _: () = assert!(<$repr>::BITS <= usize::BITS);
        const _: () = assert!($banyak <= <$repr>::MAX as usize + 1);

        impl $nama {
            /// How many different ids there are: the positions `0..BANYAK`.
            pub const BANYAK: usize = $banyak;

            /// The id of position `i`; `None` from [`Self::BANYAK`] on (never a wrapped id).
            #[inline]
            pub fn baru(i: usize) -> Option<$nama> {
                if i < Self::BANYAK {
                    <$repr>::try_from(i).ok().map($nama)
                } else {
                    None
                }
            }

            /// Its position in the list it indexes.
            #[inline]
            pub const fn indeks(self) -> usize {
                // widening: asserted above
                self.0 as usize
            }
        }

        impl From<$nama> for usize {
            #[inline]
            fn from(id: $nama) -> usize {
                id.indeks()
            }
        }

        impl From<$nama> for u64 {
            #[inline]
            fn from(id: $nama) -> u64 {
                u64::from(id.0)
            }
        }
    };
}

jenis_id! {
    /// Index of a failure reason in [`Dataset::alasan`](super::Dataset::alasan): `0..u32::MAX`
    /// ([`ALASAN_MAKS`](super::ALASAN_MAKS) reasons as written).
    AlasanId(u32), u32::MAX as usize
}

jenis_id! {
    /// Index of a paying channel in [`Dataset::penyalur`](super::Dataset::penyalur): `0..=u16::MAX`
    /// ([`PENYALUR_MAKS`](super::PENYALUR_MAKS) names; a `u16` keeps `Kunci`, the key of every
    /// figure cell, at 6 bytes).
    PenyalurId(u16), u16::MAX as usize + 1
}

jenis_id! {
    /// Index of a payment point in [`Dataset::titik_bayar`](super::Dataset::titik_bayar):
    /// `0..u32::MAX` ([`TITIK_BAYAR_MAKS`](super::TITIK_BAYAR_MAKS) points).
    TitikBayarId(u32), u32::MAX as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each constructor takes the last position of its range and refuses the first past it.
    #[test]
    fn baru_menolak_yang_pertama_di_luar_jangkauan() {
        assert_eq!(
            AlasanId::baru(u32::MAX as usize - 1).map(AlasanId::indeks),
            Some(u32::MAX as usize - 1)
        );
        assert_eq!(AlasanId::baru(u32::MAX as usize), None);
        assert_eq!(TitikBayarId::baru(u32::MAX as usize), None);
        assert!(TitikBayarId::baru(u32::MAX as usize - 1).is_some());
        assert_eq!(
            PenyalurId::baru(usize::from(u16::MAX)).map(usize::from),
            Some(usize::from(u16::MAX))
        );
        assert_eq!(PenyalurId::baru(usize::from(u16::MAX) + 1), None);
    }
}
