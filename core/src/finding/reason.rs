//! Why a check could not run: typed, rendered by the message catalogue into a rule's `reason`.

use super::FieldRef;
use crate::model::EntityKind;

/// Why a check did not run, or ran on no record.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// The data has no records of the collection.
    NoRecords {
        /// The collection.
        entity: EntityKind,
    },
    /// Records exist, but none the rule applies to.
    NoneApplies {
        /// The collection.
        entity: EntityKind,
    },
    /// No record gives all of these fields.
    NoneGives {
        /// The collection.
        entity: EntityKind,
        /// The fields a record needs.
        fields: Vec<FieldRef>,
    },
    /// A reference table the check needs is not loaded.
    TableNotLoaded {
        /// The table.
        table: crate::reference::source::Table,
    },
    /// The data gives no reporting year, which the check needs.
    NoReportingYear,
    /// The rule is not in force in the data's reporting year.
    NotInForce {
        /// The reporting year.
        year: i32,
        /// The day the rule comes into force.
        from: chrono::NaiveDate,
    },
    /// Parameters the source leaves to the authority were not given.
    MissingParams {
        /// Their names.
        names: Vec<String>,
        /// Why the source sets none, from the pack, where it says.
        note: Option<crate::finding::Text>,
    },
    // ---- helper anchors: each group adds its variants below its own line ----
    // @presence-time
    /// The rule applies from a later reporting year than the data's.
    FromReportingYear {
        /// The first reporting year the rule applies to.
        from: i32,
        /// The data's reporting year.
        year: i32,
    },
    /// A check of consecutive years whose condition (a class size or a bound) is not given.
    NoRunCondition,
    // @groups-relations
    // @reference-money
    /// No record gives these fields with a major code of the catalogue.
    NoCatalogueMajor {
        /// The collection.
        entity: EntityKind,
        /// The fields a record needs.
        fields: Vec<FieldRef>,
    },
    /// No record gives both a capped value and a base for any of its limits.
    NoCapBase {
        /// The collection.
        entity: EntityKind,
        /// The capped field.
        field: FieldRef,
        /// The fields limits are taken from.
        limits: Vec<FieldRef>,
    },
    // @scope
    /// Records exist, but none lies in the rule's region and period.
    NoneInScope {
        /// The collection.
        entity: EntityKind,
        /// The pack's region, if it declares one.
        region: Option<crate::finding::Text>,
        /// The rule's first day in force.
        from: chrono::NaiveDate,
        /// The rule's last day in force, if any.
        until: Option<chrono::NaiveDate>,
    },
    /// Records whose region cannot be told (no school, or schools without a division code),
    /// left out because the pack was chosen from the data, not named (a named pack judges them).
    UnknownRegion {
        /// How many records.
        records: usize,
    },
    /// The rule belongs to another campaign than the one the reporting year selects.
    OtherCampaign {
        /// The data's reporting year.
        year: i32,
        /// The reporting year of the rule's campaign.
        campaign: i32,
        /// When the rule's campaign closed, if the pack says.
        closes: Option<crate::model::Timestamp>,
        /// The parameter giving a deadline of one's own, `<rule id>.at`.
        param: String,
    },
}
