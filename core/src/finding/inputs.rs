//! The values a verdict used, by name, in one text.

use std::fmt;

/// The values a verdict used, by name, exact (decimals as written, never rounded), in the order
/// given: [`Inputs::iter`] gives `(name, value)` pairs, which the explanation lists.
///
/// Held as one text with each name and value prefixed by its length in bytes (`10:enrollment2:53`),
/// so a finding's inputs are one allocation. A national check holds hundreds of thousands of
/// findings of two to five inputs each; as a vector of owned pairs that was up to eleven
/// allocations a finding.
///
/// ```
/// use xianjie::finding::Inputs;
/// let mut inputs = Inputs::from([("enrollment", "53"), ("cohorts[4].enrolled", "27")]);
/// inputs.push("note", "含:冒号");
/// let pairs: Vec<(&str, &str)> = inputs.iter().collect();
/// assert_eq!(pairs, [("enrollment", "53"), ("cohorts[4].enrolled", "27"), ("note", "含:冒号")]);
/// assert_eq!(inputs.len(), 3);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Inputs {
    text: String,
}

impl Inputs {
    /// No inputs.
    pub fn new() -> Self {
        Self::default()
    }
    /// Adds `value` under `name`, after the inputs already there.
    #[inline(never)] // one copy for every way of building inputs (see `From`)
    pub fn push(&mut self, name: &str, value: &str) {
        self.text.reserve_exact(entry_len(name) + entry_len(value));
        write_entry(&mut self.text, name);
        write_entry(&mut self.text, value);
    }
    /// The `(name, value)` pairs, in the order given.
    pub fn iter(&self) -> Iter<'_> {
        Iter { rest: &self.text }
    }
    /// How many pairs.
    pub fn len(&self) -> usize {
        self.iter().count()
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Bytes an entry takes: its length in decimal digits, the colon, the text.
#[inline(never)] // as `write_entry`
fn entry_len(s: &str) -> usize {
    let mut digits = 1;
    let mut n = s.len() / 10;
    while n > 0 {
        digits += 1;
        n /= 10;
    }
    digits + 1 + s.len()
}

#[inline(never)] // called from every generic way of building inputs
fn write_entry(out: &mut String, s: &str) {
    use fmt::Write;
    let _ = write!(out, "{}:", s.len());
    out.push_str(s);
}

impl<N: AsRef<str>, V: AsRef<str>, const K: usize> From<[(N, V); K]> for Inputs {
    fn from(pairs: [(N, V); K]) -> Self {
        // In one text of its size; a loop over calls, as each array type compiles a copy.
        let size = pairs
            .iter()
            .map(|(n, v)| entry_len(n.as_ref()) + entry_len(v.as_ref()))
            .sum();
        let mut text = String::with_capacity(size);
        for (n, v) in &pairs {
            write_entry(&mut text, n.as_ref());
            write_entry(&mut text, v.as_ref());
        }
        Inputs { text }
    }
}

impl<N: AsRef<str>, V: AsRef<str>> FromIterator<(N, V)> for Inputs {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(iter: I) -> Self {
        let mut inputs = Inputs::new();
        inputs.extend(iter);
        inputs
    }
}

impl<N: AsRef<str>, V: AsRef<str>> Extend<(N, V)> for Inputs {
    fn extend<I: IntoIterator<Item = (N, V)>>(&mut self, iter: I) {
        for (n, v) in iter {
            self.push(n.as_ref(), v.as_ref());
        }
    }
}

impl<'a> IntoIterator for &'a Inputs {
    type Item = (&'a str, &'a str);
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl fmt::Debug for Inputs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The pairs of [`Inputs`], in order.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    rest: &'a str,
}

impl<'a> Iter<'a> {
    /// The next entry's text, or `None` at the end (or on a text not written by `write_entry`).
    fn entry(&mut self) -> Option<&'a str> {
        let (len, rest) = self.rest.split_once(':')?;
        let len: usize = len.parse().ok()?;
        let (text, rest) = (rest.get(..len)?, rest.get(len..)?);
        self.rest = rest;
        Some(text)
    }
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        let name = self.entry()?;
        let value = self.entry()?;
        Some((name, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any names and values, colons, digits and empty texts included, come back as given.
        #[test]
        fn pairs_come_back_as_given(
            pairs in proptest::collection::vec((".{0,12}", "[0-9:]{0,3}|.{0,40}"), 0..8)
        ) {
            let inputs: Inputs = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
            let back: Vec<(String, String)> =
                inputs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
            prop_assert_eq!(&back, &pairs);
            prop_assert_eq!(inputs.len(), pairs.len());
            prop_assert_eq!(inputs.is_empty(), pairs.is_empty());
        }
    }

    #[test]
    fn written_at_its_size() {
        let long = "x".repeat(1234);
        let inputs = Inputs::from([("a", long.as_str()), ("", "")]);
        assert_eq!(inputs.text.len(), inputs.text.capacity());
        assert_eq!(inputs.text.len(), "1:a1234:".len() + 1234 + "0:0:".len());
        assert_eq!(inputs.iter().nth(1), Some(("", "")));
    }
}
