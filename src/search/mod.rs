//! Search: a token index, typo-tolerant matching, filters, ranking with reasons, result groups.

pub mod edit;
pub mod index;
pub mod normalise;
pub mod terms;
