//! A set of services as one bit each: joining what each typed word reaches is a pass over a few
//! kilobytes, and the services come out in directory order, so per-service arrays are then read
//! front to back instead of at random.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bits {
    words: Vec<u64>,
}

impl Bits {
    /// The empty set of services `0..n`.
    pub fn new(n: usize) -> Bits {
        Bits {
            words: vec![0; n.div_ceil(64)],
        }
    }

    /// The set holding these services (each below `n`).
    pub fn of(n: usize, docs: impl IntoIterator<Item = u32>) -> Bits {
        let mut b = Bits::new(n);
        for d in docs {
            b.insert(d);
        }
        b
    }

    pub fn insert(&mut self, d: u32) {
        self.words[d as usize / 64] |= 1 << (d % 64);
    }

    /// Keep only services also in `other` (a set over the same services).
    pub fn and_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Add the services in `other` (a set over the same services).
    pub fn or_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// The services in the set, in directory order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            words: &self.words,
            at: 0,
            rest: self.words.first().copied().unwrap_or(0),
        }
    }
}

/// The services of a [`Bits`], in directory order.
pub struct Iter<'a> {
    words: &'a [u64],
    /// The word being read, and its bits not yet handed out.
    at: usize,
    rest: u64,
}

impl Iterator for Iter<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        while self.rest == 0 {
            self.at += 1;
            self.rest = *self.words.get(self.at)?;
        }
        let bit = self.rest.trailing_zeros();
        self.rest &= self.rest - 1;
        Some(self.at as u32 * 64 + bit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_join_and_list_in_order() {
        let a = Bits::of(200, [5, 0, 130, 64, 199]);
        let b = Bits::of(200, [64, 199, 7]);
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 5, 64, 130, 199]);
        let mut both = a.clone();
        both.and_with(&b);
        assert_eq!(both.iter().collect::<Vec<_>>(), [64, 199]);
        let mut either = a.clone();
        either.or_with(&b);
        assert_eq!(either.iter().collect::<Vec<_>>(), [0, 5, 7, 64, 130, 199]);
        assert_eq!(Bits::new(10).iter().count(), 0);
        assert_eq!(Bits::new(0).iter().count(), 0);
    }
}
