//! Marker types giving each JS value its TypeScript name (declared in `types.d.ts`), so that
//! `Ts<…>` arguments and returns are typed in the generated `.d.ts`.

use wasm_bindgen::prelude::*;

macro_rules! ts_types {
    ($($marker:ident => $js:ident : $ts:literal;)*) => {
        #[wasm_bindgen]
        extern "C" {
            $(
                #[wasm_bindgen(typescript_type = $ts)]
                #[doc = concat!("A JS value of TypeScript type `", $ts, "`.")]
                pub type $js;
            )*
        }
        $(
            #[doc = concat!("TypeScript type `", $ts, "`.")]
            pub enum $marker {}
            impl tsify::Tsify for $marker {
                type JsType = $js;
                const DECL: &'static str = "";
            }
        )*
    };
}

ts_types! {
    DatasetT => DatasetJs: "Dataset";
    DatasetInputT => DatasetInputJs: "Dataset | string";
    CheckOptionsT => CheckOptionsJs: "CheckOptions";
    ReportT => ReportJs: "Report";
    FindingListT => FindingListJs: "Finding[]";
    RuleListT => RuleListJs: "Rule[]";
    RuleInfoT => RuleInfoJs: "RuleInfo";
    JsonSchemaT => JsonSchemaJs: "JsonSchema";
    GroupByListT => GroupByListJs: "GroupBy[]";
    TransferRowListT => TransferRowListJs: "TransferRow[]";
    EnrollmentRowListT => EnrollmentRowListJs: "EnrollmentRow[]";
    SchoolApplicationsListT => SchoolApplicationsListJs: "SchoolApplications[]";
    SemesterComplianceListT => SemesterComplianceListJs: "SemesterCompliance[]";
    TargetProgressListT => TargetProgressListJs: "TargetProgress[]";
    SummaryT => SummaryJs: "Summary";
    StatusCampaignOrNullT => StatusCampaignOrNullJs: "StatusCampaign | null";
    ApplicationSheetListT => ApplicationSheetListJs: "ApplicationSheet[]";
    PilotTablesOrNullT => PilotTablesOrNullJs: "PilotTables | null";
    MajorLedgerOrNullT => MajorLedgerOrNullJs: "MajorLedger | null";
}
