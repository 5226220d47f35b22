//! Escaping of user text for terminals: ids, names, cells, unknown keys and file names come from
//! schools and from the public, and an ESC sequence, an OSC 8 link, a C1 control (U+009B is a
//! CSI on its own) or a bidi override (U+202E) printed raw can recolour, hide, relink or reorder
//! what a clerk reads. Every text output of the CLI (tables, Markdown, explanations, summaries,
//! messages on stderr) goes through [`escape`] or [`escape_text`].
//!
//! Notation: the character's code point in Rust's form, `\u{1b}`, `\u{9b}`, `\u{202e}`: readable,
//! unambiguous, and what a developer would type to reproduce it. Backslashes are left alone (a
//! Windows path stays readable), so the notation is for reading, not for reversing.
//!
//! JSON output keeps the data as it is: [`json_safe`] rewrites the characters serde_json leaves
//! raw (DEL, C1, bidi controls, line and paragraph separators) as `\uXXXX` escapes, which parse
//! back to the same string.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal raw: C0 and C1 controls and DEL (`Cc`), the bidi
/// embedding, override, isolate and mark characters, and the Unicode line and paragraph
/// separators (a line break to some viewers, invisible to others).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

fn escaped(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) && !keep(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` with every unsafe character (see [`is_unsafe`]) written as `\u{…}`, including `\n` and
/// `\t`: for one value in one place (a table cell, an id, a file name).
///
/// ```
/// use xianjie::render::escape;
/// assert_eq!(escape("S1\u{1b}[31m"), "S1\\u{1b}[31m");
/// assert_eq!(escape("甲\u{202e}乙\n"), "甲\\u{202e}乙\\u{a}");
/// assert_eq!(escape("北京市第一职业学校"), "北京市第一职业学校");
/// ```
pub fn escape(s: &str) -> Cow<'_, str> {
    escaped(s, |_| false)
}

/// Like [`escape`], keeping line feeds and tabs: for a whole message or page of text whose lines
/// are its layout. A carriage return is escaped (it would let a line overwrite another).
///
/// ```
/// use xianjie::render::escape_text;
/// assert_eq!(escape_text("a\n\u{9b}31m\r"), "a\n\\u{9b}31m\\u{d}");
/// ```
pub fn escape_text(s: &str) -> Cow<'_, str> {
    escaped(s, |c| c == '\n' || c == '\t')
}

/// [`escape`] for a Markdown table cell: the column separator `|` is escaped too.
///
/// ```
/// assert_eq!(xianjie::render::escape_markdown("a|b\u{1b}"), "a\\|b\\u{1b}");
/// ```
pub fn escape_markdown(s: &str) -> Cow<'_, str> {
    let e = escape(s);
    if e.contains('|') {
        Cow::Owned(e.replace('|', "\\|"))
    } else {
        e
    }
}

/// JSON text with the characters serde_json leaves raw (DEL, C1 controls, bidi controls, U+2028,
/// U+2029; see [`is_unsafe`]) written as `\uXXXX` escapes. Outside strings JSON allows only
/// ASCII whitespace, so every such character is inside a string, where the escape means the same
/// character: the document parses to the same value.
///
/// ```
/// let json = serde_json::to_string(&"x\u{202e}\u{9b}").unwrap();
/// let safe = xianjie::render::json_safe(&json);
/// assert_eq!(safe, r#""x\u202e\u009b""#);
/// assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), "x\u{202e}\u{9b}");
/// ```
pub fn json_safe(json: &str) -> Cow<'_, str> {
    // serde_json escapes C0 controls itself; pretty printing's own `\n` is layout. DEL it leaves.
    let raw = |c: char| is_unsafe(c) && (c == '\u{7f}' || !c.is_ascii_control());
    if !may_hold_raw(json.as_bytes()) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if raw(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `utf8` may hold a character [`json_safe`] escapes, by its bytes, not decoding a
/// character (findings are written in hundreds of megabytes of mostly Chinese text): each such
/// character starts with byte 0x7F, 0xC2, 0xD8 or 0xE2, which never continue a character, and
/// its next bytes tell. Never says no where one is.
fn may_hold_raw(utf8: &[u8]) -> bool {
    let mut rest = utf8;
    while let Some(at) = rest
        .iter()
        .position(|b| matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2))
    {
        let tail = rest.get(at..).unwrap_or_default();
        let hit = match tail {
            [0x7F, ..] => true,
            // U+0080–U+009F (C1 controls).
            [0xC2, b, ..] => (0x80..=0x9F).contains(b),
            // U+061C.
            [0xD8, 0x9C, ..] => true,
            // U+200E, U+200F, U+2028–U+202E.
            [0xE2, 0x80, b, ..] => matches!(b, 0x8E | 0x8F | 0xA8..=0xAE),
            // U+2066–U+2069.
            [0xE2, 0x81, b, ..] => (0xA6..=0xA9).contains(b),
            _ => false,
        };
        if hit {
            return true;
        }
        rest = tail.get(1..).unwrap_or_default();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte scan finds every character the escaping would change, and only those.
        #[test]
        fn bytes_tell_what_characters_do(
            s in "[a-z\"\\\\ \n\u{7e}\u{7f}\u{80}\u{9b}\u{9f}\u{a0}\u{61b}\u{61c}\u{200d}\u{200e}\u{200f}\u{2010}\u{201c}\u{2027}\u{2028}\u{202e}\u{202f}\u{2065}\u{2066}\u{2069}\u{206a}中]{0,6}"
        ) {
            let raw = s.chars().any(|c| is_unsafe(c) && (c == '\u{7f}' || !c.is_ascii_control()));
            proptest::prop_assert_eq!(may_hold_raw(s.as_bytes()), raw);
        }
    }

    #[test]
    fn every_listed_character_is_escaped() {
        let hostile = "\u{1b}[31m\u{1b}]8;;http://x\u{7}\u{9b}\u{7f}\u{202a}\u{202e}\u{2066}\u{2069}\u{200e}\u{200f}\u{61c}\u{2028}\u{2029}\r\n\t\0";
        let e = escape(hostile);
        assert!(!e.chars().any(is_unsafe), "{e:?}");
        assert!(e.starts_with("\\u{1b}[31m\\u{1b}]8;;http://x\\u{7}\\u{9b}\\u{7f}"));
        let t = escape_text(hostile);
        assert!(t.ends_with("\\u{d}\n\t\\u{0}"), "{t:?}");
    }

    #[test]
    fn json_safe_escapes_del_and_keeps_the_value() {
        let v = "a\u{7f}b\u{1b}\u{202e}";
        let json = serde_json::to_string_pretty(&[v]).unwrap();
        let safe = json_safe(&json);
        assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n'), "{safe}");
        assert_eq!(serde_json::from_str::<Vec<String>>(&safe).unwrap(), [v]);
    }
}
