//! JSON Schema of the dataset document and the report, for form generators and validators.

use crate::model::Dataset;
use crate::report::Report;

/// JSON Schema of the dataset document (pretty JSON).
pub fn dataset_schema() -> String {
    serde_json::to_string_pretty(&schemars::schema_for!(Dataset)).unwrap_or_default()
}

/// JSON Schema of a check report (pretty JSON).
pub fn report_schema() -> String {
    serde_json::to_string_pretty(&schemars::schema_for!(Report)).unwrap_or_default()
}
