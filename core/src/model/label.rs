//! Closed sets of values (levels, modes, roles, …) declared once with their words: the English
//! wire name written to JSON, a Chinese and an English label for messages, and the Chinese
//! synonyms people write in forms and workbooks (中职, 中专, 院长, 3+2, …).
//!
//! Input accepts the wire name, the Chinese label or any synonym; output is always the wire name,
//! so reports and packs keep one spelling. The JSON Schema lists the wire names.

use std::borrow::Cow;

/// The words of one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VariantLabels {
    /// Wire name (English `snake_case`), as in JSON and packs.
    pub wire: &'static str,
    /// Chinese label, as it reads inside a sentence (e.g. `校长`).
    pub zh: &'static str,
    /// English label, as it reads inside a sentence (e.g. `principal`).
    pub en: &'static str,
    /// Other Chinese (or common) spellings accepted on input.
    pub also: &'static [&'static str],
}

/// The words of every value of one enumeration, in declaration order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumLabels {
    /// The Rust type's name, e.g. `SchoolLevel`.
    pub name: &'static str,
    /// The values.
    pub variants: &'static [VariantLabels],
}

/// Reads a value of any labelled enum (wire name, Chinese label or synonym, as `parse` does) as
/// the position of its variant in `labels`, refusing others in the words its own visitor had.
/// One visitor for every enum, so that a reader compiles its handling of each kind of value once,
/// not once per enum (the WebAssembly module's size).
#[doc(hidden)]
pub struct LabelVisitor {
    pub labels: &'static EnumLabels,
    pub expected: &'static [&'static str],
}

impl serde::de::Visitor<'_> for LabelVisitor {
    type Value = usize;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "one of {} (中文:{})",
            self.labels.accepted_en(),
            self.labels.accepted_zh()
        )
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<usize, E> {
        self.labels
            .find(v)
            .ok_or_else(|| E::unknown_variant(v, self.expected))
    }
}

/// Folds what people type into one spelling: full-width ASCII (`3+2`) to ASCII, ASCII letters to
/// lower case, and no white space at all (`3 + 2`, `中 职`): none of the accepted spellings has any.
pub fn fold(text: &str) -> Cow<'_, str> {
    let clean = text.chars().all(|c| {
        !c.is_whitespace() && !c.is_ascii_uppercase() && !('\u{ff01}'..='\u{ff5e}').contains(&c)
    });
    if clean {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xff01 + 0x21).unwrap_or(c),
                _ => c,
            })
            .map(|c| c.to_ascii_lowercase())
            .collect(),
    )
}

impl EnumLabels {
    /// The index of the value `text` names (wire name, Chinese or English label, synonym), if any.
    pub fn find(&self, text: &str) -> Option<usize> {
        // The common case, a wire name as written by programs, without folding anything.
        if let Some(i) = self.variants.iter().position(|v| v.wire == text) {
            return Some(i);
        }
        let t = fold(text);
        let t = t.as_ref();
        self.variants.iter().position(|v| {
            t == v.wire || t == fold(v.zh) || t == fold(v.en) || v.also.iter().any(|a| t == fold(a))
        })
    }
    /// The wire name of the value `text` names.
    pub fn canonical(&self, text: &str) -> Option<&'static str> {
        self.find(text)
            .and_then(|i| self.variants.get(i))
            .map(|v| v.wire)
    }
    /// The labels of a wire name.
    pub fn by_wire(&self, wire: &str) -> Option<&'static VariantLabels> {
        self.variants.iter().find(|v| v.wire == wire)
    }
    /// What is accepted, for a Chinese reader: `中职学校、技工学校、…`.
    pub fn accepted_zh(&self) -> String {
        let v: Vec<&str> = self.variants.iter().map(|v| v.zh).collect();
        v.join("、")
    }
    /// What is accepted, for an English reader: `secondary, technician, …`.
    pub fn accepted_en(&self) -> String {
        let v: Vec<&str> = self.variants.iter().map(|v| v.wire).collect();
        v.join(", ")
    }
    /// True when the wire names are exactly `wires` (in any order): how a table column, which
    /// knows only the schema's list of values, finds its enumeration.
    fn has_wires<'a>(&self, wires: impl Iterator<Item = &'a str> + Clone) -> bool {
        wires.clone().count() == self.variants.len()
            && wires.into_iter().all(|w| self.by_wire(w).is_some())
    }
}

/// Every labelled enumeration of the model.
pub static ALL: &[&EnumLabels] = &[
    super::SchoolLevel::LABELS,
    super::ProgramMode::LABELS,
    super::Standing::LABELS,
    super::Stage::LABELS,
    super::CertificateKind::LABELS,
    super::CertificateLevel::LABELS,
    super::HeadRole::LABELS,
];

/// The enumeration whose wire names are exactly `wires` (a schema's `oneOf` consts).
pub fn by_wires<'a>(wires: impl Iterator<Item = &'a str> + Clone) -> Option<&'static EnumLabels> {
    ALL.iter().copied().find(|l| l.has_wires(wires.clone()))
}

/// Declares an enumeration of wire names with Chinese and English labels and Chinese synonyms;
/// implements `Serialize` (wire name), `Deserialize` (wire name, Chinese label or synonym, trimmed;
/// anything else is serde's `unknown_variant` listing the wire names and the Chinese labels) and
/// `JsonSchema` (the wire names, each described by its labels).
///
/// The first doc line of the enum is its schema description.
#[macro_export]
#[doc(hidden)]
macro_rules! labelled_enum {
    (
        #[doc = $doc:literal]
        $(#[$m:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vm:meta])*
                $var:ident = $wire:literal {
                    zh: $zh:literal,
                    en: $en:literal,
                    also: [$($also:literal),* $(,)?] $(,)?
                }
            ),+ $(,)?
        }
    ) => {
        #[doc = $doc]
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $(
                #[doc = concat!($zh, " (", $en, "; `", $wire, "`)")]
                $(#[$vm])*
                $var,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$var),+];
            /// The words of every value.
            pub const LABELS: &'static $crate::model::label::EnumLabels =
                &$crate::model::label::EnumLabels {
                    name: stringify!($name),
                    variants: &[$($crate::model::label::VariantLabels {
                        wire: $wire,
                        zh: $zh,
                        en: $en,
                        also: &[$($also),*],
                    }),+],
                };
            /// What input accepts, as listed in errors: the wire names, then the Chinese labels
            /// (a renderer may show the ASCII ones to English readers, the others to Chinese ones).
            pub const EXPECTED: &'static [&'static str] = &[$($wire,)+ $($zh,)+];
            /// The wire name (English `snake_case`), also used in packs.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$var => $wire,)+ }
            }
            /// Chinese label, as it reads in a sentence.
            pub fn zh(self) -> &'static str {
                match self { $(Self::$var => $zh,)+ }
            }
            /// English label, as it reads in a sentence.
            pub fn en(self) -> &'static str {
                match self { $(Self::$var => $en,)+ }
            }
            /// The value `text` names: the wire name, the Chinese or English label or a synonym
            /// (white space, full-width forms and ASCII case ignored).
            pub fn parse(text: &str) -> Option<Self> {
                Self::LABELS.find(text).and_then(|i| Self::ALL.get(i).copied())
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let i = d.deserialize_str($crate::model::label::LabelVisitor {
                    labels: Self::LABELS,
                    expected: Self::EXPECTED,
                })?;
                // A position `LABELS.find` gave: `ALL` lists the variants as `LABELS` does.
                Self::ALL.get(i).copied().ok_or_else(|| {
                    <D::Error as ::serde::de::Error>::unknown_variant("", Self::EXPECTED)
                })
            }
        }

        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                let one_of: Vec<::serde_json::Value> = Self::LABELS
                    .variants
                    .iter()
                    .map(|v| {
                        let mut d = format!("{} / {}", v.zh, v.en);
                        if !v.also.is_empty() {
                            d.push_str(&format!("(也可写 also accepted: {})", v.also.join("、")));
                        }
                        // `title` is the short label form front-ends show for an option.
                        ::serde_json::json!({
                            "title": v.zh,
                            "description": d,
                            "type": "string",
                            "const": v.wire
                        })
                    })
                    .collect();
                ::schemars::json_schema!({
                    "description": format!("{} 输入可用中文名称 (Chinese labels accepted on input).", $doc.trim()),
                    "oneOf": one_of
                })
            }
        }
    };
}

/// Marks before a telephone extension as people write them (010-62345678转8001): the
/// `text_form` check's phone grammar splits the number there.
pub const EXTENSION_MARKS: &[&str] = &["转", "分机", "ext", "EXT", "Ext"];

/// Text that says nothing, as people write it in a form when they have nothing to say (无, 略,
/// 同上 …): the `required` check treats it as absent.
pub const PLACEHOLDERS: &[&str] = &[
    "无",
    "暂无",
    "没有",
    "略",
    "待定",
    "待补充",
    "同上",
    "见附件",
    "-",
    "--",
    "—",
    "/",
    "\\",
    "0",
    "n/a",
    "na",
    "none",
    "null",
    "tbd",
    "...",
    "……",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        CertificateKind, CertificateLevel, HeadRole, ProgramMode, SchoolLevel, Stage, Standing,
    };
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    /// Every wire name, label and synonym reads as its value, which writes back as the wire name;
    /// an unknown value's error lists the wire names and the Chinese labels.
    fn round_trips<T>(all: &[T], labels: &EnumLabels, expected: &[&str])
    where
        T: Copy + PartialEq + std::fmt::Debug + Serialize + DeserializeOwned,
    {
        assert_eq!(all.len(), labels.variants.len());
        for (x, v) in all.iter().zip(labels.variants) {
            let wire = serde_json::to_value(x).unwrap();
            assert_eq!(wire, serde_json::Value::from(v.wire), "{}", labels.name);
            let spellings = [v.wire, v.zh, v.en]
                .into_iter()
                .chain(v.also.iter().copied());
            for s in spellings {
                for text in [s.to_string(), format!("  {s}\t"), s.to_uppercase()] {
                    let got: T = serde_json::from_value(serde_json::Value::from(text.as_str()))
                        .unwrap_or_else(|e| panic!("{}: {text:?}: {e}", labels.name));
                    assert_eq!(got, *x, "{}: {text:?}", labels.name);
                }
            }
            // Chinese labels read in sentences: no ASCII letters in them.
            assert!(
                !v.zh.chars().any(|c| c.is_ascii_alphabetic() && c != 'X'),
                "{}",
                v.zh
            );
        }
        let e = serde_json::from_value::<T>(serde_json::Value::from("小学"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("小学"), "{e}");
        for w in expected {
            assert!(e.contains(w), "{}: {e} lacks {w}", labels.name);
        }
        // A non-string is refused too.
        assert!(serde_json::from_value::<T>(serde_json::Value::from(3)).is_err());
    }

    #[test]
    fn every_enum_round_trips_its_words() {
        round_trips(SchoolLevel::ALL, SchoolLevel::LABELS, SchoolLevel::EXPECTED);
        round_trips(ProgramMode::ALL, ProgramMode::LABELS, ProgramMode::EXPECTED);
        round_trips(Standing::ALL, Standing::LABELS, Standing::EXPECTED);
        round_trips(Stage::ALL, Stage::LABELS, Stage::EXPECTED);
        round_trips(
            CertificateKind::ALL,
            CertificateKind::LABELS,
            CertificateKind::EXPECTED,
        );
        round_trips(
            CertificateLevel::ALL,
            CertificateLevel::LABELS,
            CertificateLevel::EXPECTED,
        );
        round_trips(HeadRole::ALL, HeadRole::LABELS, HeadRole::EXPECTED);
        assert_eq!(ALL.len(), 7);
    }

    #[test]
    fn the_issues_examples() {
        let cases: &[(&str, &str)] = &[
            ("校长", "principal"),
            ("院长", "principal"),
            ("党委书记", "party_secretary"),
            ("书记", "party_secretary"),
            ("副校长", "vice_principal"),
        ];
        for (t, w) in cases {
            assert_eq!(HeadRole::parse(t).map(HeadRole::as_str), Some(*w), "{t}");
        }
        let cases: &[(&str, &str)] = &[
            ("中职", "secondary"),
            ("中专", "secondary"),
            ("职业高中", "secondary"),
            ("中等职业学校", "secondary"),
            ("技工学校", "technician"),
            ("技校", "technician"),
            ("高职", "higher"),
            ("职业技术学院", "higher"),
            ("高职学校", "higher"),
            ("高等职业学校", "higher"),
        ];
        for (t, w) in cases {
            assert_eq!(
                SchoolLevel::parse(t).map(SchoolLevel::as_str),
                Some(*w),
                "{t}"
            );
        }
        let cases: &[(&str, &str)] = &[
            ("五年一贯制", "five_year"),
            ("3+2", "three_plus_two"),
            ("３＋２", "three_plus_two"),
            ("3 + 2", "three_plus_two"),
            ("三二分段", "three_plus_two"),
            ("高本贯通", "higher_bachelor"),
        ];
        for (t, w) in cases {
            assert_eq!(
                ProgramMode::parse(t).map(ProgramMode::as_str),
                Some(*w),
                "{t}"
            );
        }
        assert_eq!(HeadRole::Principal.zh(), "校长");
        assert_eq!(HeadRole::PartySecretary.zh(), "党委书记");
        assert_eq!(HeadRole::VicePrincipal.zh(), "副校长");
        assert_eq!(HeadRole::VicePrincipal.en(), "vice principal");
        assert_eq!(SchoolLevel::Secondary.zh(), "中职学校");
        assert_eq!(Stage::Higher.zh(), "高职阶段");
    }

    /// No spelling names two values of one enumeration (first match would win silently).
    #[test]
    fn spellings_are_unambiguous() {
        for l in ALL {
            let mut seen = std::collections::BTreeMap::new();
            for v in l.variants {
                let spellings = [v.wire, v.zh, v.en]
                    .into_iter()
                    .chain(v.also.iter().copied());
                for s in spellings {
                    if let Some(other) = seen.insert(fold(s).into_owned(), v.wire) {
                        assert_eq!(
                            other, v.wire,
                            "{}: {s} names {other} and {}",
                            l.name, v.wire
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn fields_know_their_value_labels() {
        use crate::model::EntityKind;
        let role = "governance.leading_group.head_role";
        assert_eq!(
            EntityKind::Schools.value_label(role, "vice_principal"),
            Some(("副校长", "vice principal"))
        );
        assert_eq!(
            EntityKind::Projects.value_label("mode", "five_year"),
            Some(("五年一贯制", "five-year integrated programme"))
        );
        assert_eq!(
            EntityKind::Teachers.value_label("stage", "higher"),
            Some(("高职阶段", "higher stage"))
        );
        assert_eq!(EntityKind::Schools.value_label("level", "nope"), None);
        assert_eq!(EntityKind::Schools.value_label("name", "x"), None);
        assert!(EntityKind::Projects.field_values("standing").is_some());
    }

    #[test]
    fn a_column_finds_its_enumeration_by_its_values() {
        let l = by_wires(
            [
                "technician",
                "secondary",
                "higher",
                "bachelor",
                "vocational_bachelor",
            ]
            .into_iter(),
        );
        assert_eq!(l.map(|l| l.name), Some("SchoolLevel"));
        // Stage shares `secondary` and `higher` but not the whole set.
        assert_eq!(
            by_wires(["secondary", "higher"].into_iter()).map(|l| l.name),
            Some("Stage")
        );
        assert!(by_wires(["secondary"].into_iter()).is_none());
    }

    #[test]
    fn schema_keeps_the_wire_names() {
        let s = schemars::schema_for!(SchoolLevel);
        let v = serde_json::to_value(&s).unwrap();
        let consts: Vec<&str> = v["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["const"].as_str().unwrap())
            .collect();
        assert_eq!(
            consts,
            [
                "secondary",
                "technician",
                "higher",
                "vocational_bachelor",
                "bachelor"
            ]
        );
        assert!(v["oneOf"][0]["description"]
            .as_str()
            .unwrap()
            .contains("中专"));
    }
}
