//! Records gathered per grouping key ([`super::key_of`]), visited in key order.

use std::collections::btree_map;
use std::collections::BTreeMap;

/// Values gathered per key and visited in key order, as in a `BTreeMap<Vec<String>, V>`, but the
/// tree maps each key to a position in a list: one B-tree type serves every check kind that
/// groups. (Each map type compiles its own B-tree code into the WebAssembly checking module.)
pub(crate) struct Groups<V> {
    at: BTreeMap<Vec<String>, usize>,
    values: Vec<V>,
}

impl<V: Default> Groups<V> {
    pub(crate) fn new() -> Self {
        Groups {
            at: BTreeMap::new(),
            values: Vec::new(),
        }
    }

    /// The value gathered for `key`, a default one the first time.
    pub(crate) fn entry(&mut self, key: Vec<String>) -> &mut V {
        let next = self.values.len();
        let i = *self.at.entry(key).or_insert(next);
        if i == next {
            self.values.push(V::default());
        }
        // `i` is a position given out above, below `values.len()`.
        &mut self.values[i]
    }
}

impl<V> Groups<V> {
    /// How many keys.
    pub(crate) fn len(&self) -> usize {
        self.at.len()
    }

    /// Keys and values by reference, in key order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&Vec<String>, &V)> {
        self.at
            .iter()
            .filter_map(|(k, &i)| Some((k, self.values.get(i)?)))
    }
}

impl<V> IntoIterator for Groups<V> {
    type Item = (Vec<String>, V);
    type IntoIter = IntoIter<V>;
    fn into_iter(self) -> IntoIter<V> {
        IntoIter {
            keys: self.at.into_iter(),
            values: self.values.into_iter().map(Some).collect(),
        }
    }
}

/// Keys and values, in key order.
pub(crate) struct IntoIter<V> {
    keys: btree_map::IntoIter<Vec<String>, usize>,
    values: Vec<Option<V>>,
}

impl<V> Iterator for IntoIter<V> {
    type Item = (Vec<String>, V);
    fn next(&mut self) -> Option<Self::Item> {
        let (k, i) = self.keys.next()?;
        Some((k, self.values.get_mut(i)?.take()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visits_in_key_order_as_a_map_does() {
        let keys = [["b", "1"], ["a", "2"], ["b", "1"], ["a", "10"], ["a", "2"]];
        let mut ours: Groups<Vec<usize>> = Groups::new();
        let mut map: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
        for (i, k) in keys.iter().enumerate() {
            let k: Vec<String> = k.iter().map(|s| s.to_string()).collect();
            ours.entry(k.clone()).push(i);
            map.entry(k).or_default().push(i);
        }
        assert_eq!(ours.len(), map.len());
        let by_ref: Vec<_> = ours.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let owned: Vec<_> = ours.into_iter().collect();
        let expected: Vec<_> = map.into_iter().collect();
        assert_eq!(by_ref, expected);
        assert_eq!(owned, expected);
    }
}
