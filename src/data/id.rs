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

            /// The ids of positions `0..n`, those in range.
            pub fn semua(n: usize) -> impl DoubleEndedIterator<Item = $nama> + Clone {
                (0..n).filter_map($nama::baru)
            }

            /// Its position in the list it indexes.
            #[inline]
            pub const fn indeks(self) -> usize {
                // widening: asserted above
                self.0 as usize
            }
        }

        impl Id for $nama {
            #[inline]
            fn baru(i: usize) -> Option<$nama> {
                $nama::baru(i)
            }
        }

        impl From<$nama> for usize {
            #[inline]
            fn from(id: $nama) -> usize {
                id.indeks()
            }
        }

        impl From<$nama> for u32 {
            #[inline]
            fn from(id: $nama) -> u32 {
                u32::from(id.0)
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

/// What every id type is made by, for code that finds a position for more than one kind
/// (`Lookup::code`).
pub(crate) trait Id: Copy {
    /// The id of position `i`; `None` past the type's range.
    fn baru(i: usize) -> Option<Self>;
}

jenis_id! {
    /// Index of a programme in [`Dataset::program`](super::Dataset::program): `0..=u16::MAX`
    /// ([`PROGRAM_MAKS`](super::PROGRAM_MAKS) programmes).
    ProgramId(u16), u16::MAX as usize + 1
}

jenis_id! {
    /// Index of a stage in [`Dataset::tahap`](super::Dataset::tahap): `0..=u16::MAX`
    /// ([`TAHAP_MAKS`](super::TAHAP_MAKS) stages).
    TahapId(u16), u16::MAX as usize + 1
}

jenis_id! {
    /// Index of a region in [`WilayahTree::nodes`](super::WilayahTree::nodes), in code
    /// order: `0..u32::MAX` ([`WILAYAH_MAKS`](super::WILAYAH_MAKS) regions).
    WilayahId(u32), u32::MAX as usize
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
        assert!(WilayahId::baru(u32::MAX as usize - 1).is_some());
        assert_eq!(WilayahId::baru(u32::MAX as usize), None);
        assert!(TitikBayarId::baru(u32::MAX as usize - 1).is_some());
        assert_eq!(
            PenyalurId::baru(usize::from(u16::MAX)).map(usize::from),
            Some(usize::from(u16::MAX))
        );
        assert_eq!(PenyalurId::baru(usize::from(u16::MAX) + 1), None);
        assert!(ProgramId::baru(usize::from(u16::MAX)).is_some());
        assert_eq!(ProgramId::baru(usize::from(u16::MAX) + 1), None);
        assert!(TahapId::baru(usize::from(u16::MAX)).is_some());
        assert_eq!(TahapId::baru(usize::from(u16::MAX) + 1), None);
    }
}
