//! Collections held as columns instead of rows.
//!
//! Read from Arrow, a large collection (five million students) need not become one struct per
//! record: it is kept as its columns and checked through the same [`Records`] view as rows, so
//! every check kind stays one implementation. The engine reads a collection from here when it is
//! held, otherwise from the [`super::Dataset`] beside it.

use super::{EntityKind, Records};

/// Collections held as columns, beside a [`super::Dataset`] holding the rest as rows. Built by
/// the Arrow reader (`xianjie::columns::read_for_check`, feature `arrow`); checked with
/// [`crate::Checker::check_with_columns`].
#[derive(Default)]
pub struct Held {
    collections: Vec<(EntityKind, Box<dyn Records + Send + Sync>)>,
}

impl Held {
    /// No collection held.
    pub fn new() -> Self {
        Self::default()
    }
    /// Holds `records` as the collection of its kind (replacing one held before).
    pub fn hold(&mut self, records: Box<dyn Records + Send + Sync>) {
        let kind = records.kind();
        self.collections.retain(|(k, _)| *k != kind);
        self.collections.push((kind, records));
    }
    /// The collection of `kind`, when held.
    pub fn get(&self, kind: EntityKind) -> Option<&dyn Records> {
        self.collections
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, r)| &**r as &dyn Records)
    }
    /// The kinds held, in the order they were given.
    pub fn kinds(&self) -> impl Iterator<Item = EntityKind> + '_ {
        self.collections.iter().map(|(k, _)| *k)
    }
    /// True when nothing is held.
    pub fn is_empty(&self) -> bool {
        self.collections.is_empty()
    }
}

impl std::fmt::Debug for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.collections.iter().map(|(k, r)| (k, r.len())))
            .finish()
    }
}
