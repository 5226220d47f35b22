//! Target progress: computed by the engine while checking, read back here.

use crate::report::{Report, TargetProgress};

/// Progress towards region-wide targets (severity `target`) recorded in `report`, in the order
/// the engine produced them.
///
/// ```
/// let ds = xianjie::Dataset::default();
/// let report = xianjie::check(&ds, &xianjie::Options::default()).unwrap();
/// assert!(xianjie::aggregate::targets(&report).iter().all(|t| !t.rule_id.is_empty()));
/// ```
pub fn targets(report: &Report) -> &[TargetProgress] {
    &report.targets
}
