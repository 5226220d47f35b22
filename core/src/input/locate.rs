//! Paths into a JSON document (`schools[0].district`): rendering, removing the value at a path,
//! and finding where a path's value starts in the text (line and column, 1-based).

use serde_json::Value;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    /// A key of an object.
    Key(String),
    /// An index into an array.
    Index(usize),
}

/// `a.b[0].c`; empty for the root.
pub(crate) fn render(path: &[Seg]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                // A key may be long (up to the string limit): a place is shown, not copied.
                out.push_str(&super::quote(k));
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// Removes the object member at `pattern` (ending in a key) wherever it occurs, every index of
/// the pattern standing for any element; returns the paths removed, in order. A misspelt field
/// is usually misspelt in every record: it is taken out of all of them in one go.
pub(crate) fn remove_all(root: &mut Value, pattern: &[Seg]) -> Vec<Vec<Seg>> {
    fn walk(v: &mut Value, pattern: &[Seg], at: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
        match (pattern, v) {
            ([Seg::Key(k)], Value::Object(o)) => {
                let found = o.remove(k).is_some();
                if found {
                    let mut p = at.clone();
                    p.push(Seg::Key(k.clone()));
                    out.push(p);
                }
            }
            ([Seg::Key(k), rest @ ..], Value::Object(o)) => {
                if let Some(x) = o.get_mut(k) {
                    at.push(Seg::Key(k.clone()));
                    walk(x, rest, at, out);
                    at.pop();
                }
            }
            ([Seg::Index(_), rest @ ..], Value::Array(a)) => {
                for (i, x) in a.iter_mut().enumerate() {
                    at.push(Seg::Index(i));
                    walk(x, rest, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(root, pattern, &mut Vec::new(), &mut out);
    out
}

/// Removes, wherever the object at `pattern` occurs (every index standing for any element),
/// each member whose key is not in `known`; returns the paths removed, in order. Used when a
/// struct has said which fields it knows: every unknown field goes in one pass, however many.
pub(crate) fn remove_unknown(root: &mut Value, pattern: &[Seg], known: &[&str]) -> Vec<Vec<Seg>> {
    fn walk(
        v: &mut Value,
        pattern: &[Seg],
        known: &[&str],
        at: &mut Vec<Seg>,
        out: &mut Vec<Vec<Seg>>,
    ) {
        match (pattern, v) {
            ([], Value::Object(o)) => {
                let gone: Vec<String> = o
                    .keys()
                    .filter(|k| !known.contains(&k.as_str()))
                    .cloned()
                    .collect();
                for k in gone {
                    o.remove(&k);
                    let mut p = at.clone();
                    p.push(Seg::Key(k));
                    out.push(p);
                }
            }
            ([Seg::Key(k), rest @ ..], Value::Object(o)) => {
                if let Some(x) = o.get_mut(k) {
                    at.push(Seg::Key(k.clone()));
                    walk(x, rest, known, at, out);
                    at.pop();
                }
            }
            ([Seg::Index(_), rest @ ..], Value::Array(a)) => {
                for (i, x) in a.iter_mut().enumerate() {
                    at.push(Seg::Index(i));
                    walk(x, rest, known, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(root, pattern, known, &mut Vec::new(), &mut out);
    out
}

/// Removes the object member at exactly `path` (ending in a key); true if there was one.
pub(crate) fn remove_at(root: &mut Value, path: &[Seg]) -> bool {
    let Some((Seg::Key(last), parent)) = path.split_last() else {
        return false;
    };
    let mut v = root;
    for seg in parent {
        let next = match (seg, v) {
            (Seg::Key(k), Value::Object(o)) => o.get_mut(k),
            (Seg::Index(i), Value::Array(a)) => a.get_mut(*i),
            _ => None,
        };
        match next {
            Some(x) => v = x,
            None => return false,
        }
    }
    match v {
        Value::Object(o) => o.remove(last).is_some(),
        _ => false,
    }
}

/// Line and column (1-based, in characters) where the value at `path` starts, or for a path
/// ending in a key, where that key starts. `None` if the text has no such value.
pub(crate) fn position(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    let mut at = s.value_start()?;
    for seg in path {
        at = match seg {
            Seg::Key(k) => s.member(k)?,
            Seg::Index(n) => s.element(*n)?,
        };
    }
    let before = text.get(..at)?;
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, col))
}

/// The number at `path` as written in `text` (`18446744073709551616`, `2.50`), when the value
/// there is a number: a JSON value holds it as a binary float, which loses digits.
pub(crate) fn number_at<'t>(text: &'t str, path: &[Seg]) -> Option<&'t str> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    s.value_start()?;
    for seg in path {
        match seg {
            Seg::Key(k) => s.member(k)?,
            Seg::Index(n) => s.element(*n)?,
        };
    }
    let start = s.value_start()?;
    if !s
        .b
        .get(start)
        .is_some_and(|c| *c == b'-' || c.is_ascii_digit())
    {
        return None;
    }
    s.skip()?;
    text.get(start..s.i)
}

/// A cursor over JSON text that can skip values; well-formedness was checked before it runs.
struct Scanner<'t> {
    b: &'t [u8],
    i: usize,
}

impl<'t> Scanner<'t> {
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }
    fn value_start(&mut self) -> Option<usize> {
        self.ws();
        (self.i < self.b.len()).then_some(self.i)
    }
    /// Inside the object at the cursor, moves to the value of key `k`; returns the key's offset.
    fn member(&mut self, k: &str) -> Option<usize> {
        if self.b.get(self.i) != Some(&b'{') {
            return None;
        }
        self.i += 1;
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return None; // `}`: not found
            }
            let key_at = self.i;
            let raw = self.string()?;
            let key: std::borrow::Cow<'_, str> = if raw.contains('\\') {
                // Read as any value, not as `String`: serde_json's typed readers link its
                // "invalid type" words, and with them core's float formatter (module size).
                match serde_json::from_str::<serde_json::Value>(&format!("\"{raw}\"")).ok()? {
                    serde_json::Value::String(s) => s.into(),
                    _ => return None,
                }
            } else {
                raw.into()
            };
            self.ws();
            self.i += 1; // `:`
            self.value_start()?;
            if key == k {
                return Some(key_at);
            }
            self.skip()?;
            self.ws();
            if self.b.get(self.i) == Some(&b',') {
                self.i += 1;
            }
        }
    }
    /// Inside the array at the cursor, moves to element `n`; returns its offset.
    fn element(&mut self, n: usize) -> Option<usize> {
        if self.b.get(self.i) != Some(&b'[') {
            return None;
        }
        self.i += 1;
        for _ in 0..n {
            self.value_start()?;
            if self.b.get(self.i) == Some(&b']') {
                return None;
            }
            self.skip()?;
            self.ws();
            if self.b.get(self.i) != Some(&b',') {
                return None;
            }
            self.i += 1;
        }
        let at = self.value_start()?;
        (self.b.get(at) != Some(&b']')).then_some(at)
    }
    /// The string at the cursor without its quotes (escapes kept); the cursor moves past it.
    fn string(&mut self) -> Option<&'t str> {
        let b: &'t [u8] = self.b;
        let start = self.i + 1;
        let mut j = start;
        loop {
            match self.b.get(j)? {
                b'\\' => j += 2,
                b'"' => break,
                _ => j += 1,
            }
        }
        self.i = j + 1;
        std::str::from_utf8(b.get(start..j)?).ok()
    }
    /// Moves past the value at the cursor.
    fn skip(&mut self) -> Option<()> {
        match self.b.get(self.i)? {
            b'"' => {
                self.string()?;
            }
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.b.get(self.i)? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
            }
            _ => {
                while self
                    .b
                    .get(self.i)
                    .is_some_and(|c| !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace())
                {
                    self.i += 1;
                }
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &[&str]) -> Vec<Seg> {
        s.iter()
            .map(|x| match x.parse() {
                Ok(n) => Seg::Index(n),
                Err(_) => Seg::Key(x.to_string()),
            })
            .collect()
    }

    #[test]
    fn positions_of_keys_and_elements() {
        let t = "{\"a\": {\"x\": \"}]\\\"\", \"b\": [1, {\"c\": 2},\n  {\"d\": [3]}]}}";
        assert_eq!(position(t, &[]), Some((1, 1)));
        assert_eq!(position(t, &p(&["a", "b"])), Some((1, 21)));
        assert_eq!(position(t, &p(&["a", "b", "1", "c"])), Some((1, 31)));
        assert_eq!(position(t, &p(&["a", "b", "2"])), Some((2, 3)));
        assert_eq!(position(t, &p(&["a", "b", "2", "d", "0"])), Some((2, 10)));
        assert_eq!(position(t, &p(&["a", "b", "3"])), None);
        assert_eq!(position(t, &p(&["a", "nope"])), None);
        assert_eq!(position("{\"k\\u0065y\": 1}", &p(&["key"])), Some((1, 2)));
        assert_eq!(position("[]", &p(&["0"])), None);
        let n = "{\"a\": [18446744073709551616, \"x\", -2.50]}";
        assert_eq!(number_at(n, &p(&["a", "0"])), Some("18446744073709551616"));
        assert_eq!(number_at(n, &p(&["a", "1"])), None);
        assert_eq!(number_at(n, &p(&["a", "2"])), Some("-2.50"));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(
            position("{\"名称\": 1, \"b\": 2}", &p(&["b"])),
            Some((1, 11))
        );
    }

    #[test]
    fn remove_everywhere_and_render() {
        let mut v = serde_json::json!({"s": [{"id": 1, "colour": 2}, {"id": 2}, {"colour": 3}]});
        let path = p(&["s", "0", "colour"]);
        assert_eq!(render(&path), "s[0].colour");
        let gone = remove_all(&mut v, &path);
        assert_eq!(gone, [p(&["s", "0", "colour"]), p(&["s", "2", "colour"])]);
        assert_eq!(v, serde_json::json!({"s": [{"id": 1}, {"id": 2}, {}]}));
        assert!(remove_all(&mut v, &path).is_empty());
        assert!(remove_all(&mut v, &p(&["s", "0"])).is_empty());
        assert_eq!(render(&[]), "");
    }
}
