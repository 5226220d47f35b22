//! A type-erased view of one collection, so that each check kind is compiled once rather than once
//! per entity type: fields are resolved by name to a [`Field`] once per check run, then read by
//! position through one dynamic call per value (no allocation).

use super::entity::{Entity, EntityKind, Subject};
use super::fields::{Value, ValueKind};
use super::Index;

/// A field resolved on one collection: its name, type and labels, and its place in the
/// collection's field table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The collection it belongs to.
    pub entity: EntityKind,
    /// Dotted name as in the JSON document.
    pub name: &'static str,
    /// Its type.
    pub kind: ValueKind,
    /// Chinese label.
    pub zh: &'static str,
    /// English label.
    pub en: &'static str,
    /// Position in the entity's field table.
    pub id: FieldId,
}

/// Position of a field in its entity's field table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldId(pub usize);

impl Field {
    /// The value of this field on record `r`.
    #[inline]
    pub fn get<'a>(&self, r: Rec<'a>) -> Value<'a> {
        r.records.value(r.index, self.id)
    }
}

/// One collection of records, whatever their entity type.
pub trait Records {
    /// The collection's kind.
    fn kind(&self) -> EntityKind;
    /// Number of records.
    fn len(&self) -> usize;
    /// True when there are no records.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The field named `name`, if the entity has one.
    fn field(&self, name: &str) -> Option<Field>;
    /// Field `f` of record `i` (`Missing` when out of range).
    fn value(&self, i: usize, f: FieldId) -> Value<'_>;
    /// Who record `i` is, for findings.
    fn subject(&self, i: usize, ix: &Index<'_>) -> Subject;
    /// The period record `i` belongs to (a semester, a year).
    fn period(&self, i: usize) -> Option<crate::finding::Period>;
    /// Text field `f` of every record as codes into its distinct texts, when the collection
    /// holds that field dictionary-encoded (an Arrow dictionary column); `None` otherwise, and
    /// each record's [`Records::value`] is read instead. Both read the same texts: what depends
    /// on the text alone (where a school lies) is then worked out once per distinct text.
    #[cfg(feature = "bulk")]
    fn text_codes(&self, f: FieldId) -> Option<TextCodes<'_>> {
        let _ = f;
        None
    }
    /// Field `f` of any record, as [`Records::value`] reads it, with what holds for every record
    /// (where the field is, its type) settled once: a pass over a whole collection asks the
    /// held columns for each value without looking the field up again. Rows read through
    /// `value`.
    #[cfg(feature = "bulk")]
    fn reader(&self, f: FieldId) -> Reader<'_> {
        Box::new(move |i| self.value(i, f))
    }
}

/// Field values by record, as [`Records::reader`] gives them.
#[cfg(feature = "bulk")]
pub type Reader<'a> = Box<dyn Fn(usize) -> Value<'a> + 'a>;

/// A text field of a whole collection as codes into its distinct texts ([`Records::text_codes`]).
#[cfg(feature = "bulk")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextCodes<'a> {
    /// The distinct texts as [`Records::value`] reads them (trimmed), `None` where it reads
    /// `Missing` (blank text). The last is always `None`: the code of a record with no value.
    pub texts: Vec<Option<&'a str>>,
    /// Each record's code, in record order: an index into `texts`.
    pub codes: Vec<u32>,
}

#[cfg(feature = "bulk")]
impl<'a> TextCodes<'a> {
    /// The text of record `i`, as [`Records::value`] reads it (`None`: `Missing`).
    pub fn text(&self, i: usize) -> Option<&'a str> {
        let code = usize::try_from(*self.codes.get(i)?).ok()?;
        self.texts.get(code).copied().flatten()
    }
}

impl<T: Entity> Records for Vec<T> {
    fn kind(&self) -> EntityKind {
        T::KIND
    }
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn field(&self, name: &str) -> Option<Field> {
        entity_field::<T>(name)
    }
    fn value(&self, i: usize, f: FieldId) -> Value<'_> {
        match (self.get(i), T::fields().get(f.0)) {
            (Some(item), Some(def)) => (def.get)(item),
            _ => Value::Missing,
        }
    }
    fn subject(&self, i: usize, ix: &Index<'_>) -> Subject {
        match self.get(i) {
            Some(item) => item.subject(ix),
            None => Subject {
                entity: T::KIND,
                id: String::new(),
                zh: String::new(),
                en: String::new(),
            },
        }
    }
    fn period(&self, i: usize) -> Option<crate::finding::Period> {
        self.get(i).and_then(Entity::period)
    }
}

/// Field `name` of entity `T`, positioned in its field table (as every [`Records`] of `T`,
/// rows or columns, resolves it).
pub(crate) fn entity_field<T: Entity>(name: &str) -> Option<Field> {
    T::fields()
        .iter()
        .enumerate()
        .find(|(_, f)| f.name == name)
        .map(|(i, f)| Field {
            entity: T::KIND,
            name: f.name,
            kind: f.kind,
            zh: f.zh,
            en: f.en,
            id: FieldId(i),
        })
}

/// One record of a collection: the collection and a position in it.
#[derive(Clone, Copy)]
pub struct Rec<'a> {
    records: &'a dyn Records,
    index: usize,
}

impl<'a> Rec<'a> {
    /// Position in its collection.
    pub fn index(self) -> usize {
        self.index
    }
    /// Its collection.
    pub fn kind(self) -> super::EntityKind {
        self.records.kind()
    }
    /// Who it is, for findings.
    pub fn subject(self, ix: &Index<'_>) -> Subject {
        self.records.subject(self.index, ix)
    }
    /// Its period (a semester, a year).
    pub fn period(self) -> Option<crate::finding::Period> {
        self.records.period(self.index)
    }
}

impl<'a> dyn Records + 'a {
    /// Record `i`.
    pub fn at(&'a self, i: usize) -> Rec<'a> {
        Rec {
            records: self,
            index: i,
        }
    }
    /// Every record, in order.
    pub fn iter(&'a self) -> impl DoubleEndedIterator<Item = Rec<'a>> + ExactSizeIterator + 'a {
        (0..self.len()).map(move |i| self.at(i))
    }
}

/// Something that runs on one collection of any entity type.
pub trait Visitor {
    /// What it yields.
    type Out;
    /// Runs on `items`.
    fn visit(self, items: &dyn Records) -> Self::Out;
}
