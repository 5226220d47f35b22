// Generated from the core's JSON Schemas by wasm/tests/generated.rs; do not edit.
// Decimals are strings (exact); instants are ISO 8601 strings with their UTC offset.

/** 三方协议: signed by the higher school, the secondary school and the student (or guardian). */
export interface Agreement {
  /** Signed by the higher school (高职院校). */
  higher_school?: boolean | null;
  /** Signed by the secondary school (中职学校). */
  secondary_school?: boolean | null;
  /** The day the last party signed. */
  signed_on?: string | null;
  /** Signed by the student or a guardian (学生(家长)). */
  student_or_guardian?: boolean | null;
}

/** A new-project application (新增项目申报). */
export interface Application {
  /** Uploaded documents. */
  attachments?: Attachments;
  /** Major at the higher stage. */
  higher_major: MajorRef;
  /** The higher school's id. */
  higher_school: string;
  /** Identifier, e.g. `A0042`. */
  id: string;
  /** Rank the secondary school gave it among its own applications (1 = first). */
  rank?: number | null;
  /** Major at the secondary stage. */
  secondary_major: MajorRef;
  /** The secondary school's id. */
  secondary_school: string;
  /** When the application was submitted on the platform. */
  submitted_at?: string | null;
  /** Application year. */
  year: number;
}

/** How many applications a school is party to in a year, on one side. */
export interface ApplicationCount {
  /** Applications. */
  count: number;
  /** Its name, when in the data. */
  name?: string | null;
  /** The school's id. */
  school: string;
  /** The side. */
  side: Side2;
  /** Application year. */
  year: number;
}

/** One application in a school's summary, in rank order. */
export interface ApplicationLine {
  /**
   * All three attachments given (sealed form, training plan, demand research). Form is not
   * judged here; the attachments rule does that.
   */
  attachments_complete: boolean;
  /** Major at the higher stage. */
  higher_major: MajorRef;
  /** The higher school's id. */
  higher_school: string;
  /** The higher school's name, when the school is in the data. */
  higher_school_name?: string | null;
  /** Application id. */
  id: string;
  /** Index in `applications` (for locating it in the input). */
  index: number;
  /** The rank the secondary school gave it (1 = first); `None` when not ranked. */
  rank?: number | null;
  /** Major at the secondary stage. */
  secondary_major: MajorRef;
  /** When submitted. */
  submitted_at?: string | null;
}

/** One secondary school's printable 汇总表 for one year. */
export interface ApplicationSheet {
  /** The applications in rank order, each with the rules it breaks. */
  applications: MarkedApplication[];
  /** Rules broken by the sheet's upload itself (a 汇总表 not a PDF, or late). */
  breaks?: string[];
  /**
   * The sheet's date (Beijing): when the school uploaded its sealed 汇总表, else its latest
   * application; absent when the data has neither (the printed sheet leaves it to be written).
   */
  date?: string | null;
  /** The secondary school's id. */
  secondary_school: string;
  /** Its name, when the school is in the data. */
  secondary_school_name?: string | null;
  /**
   * The title, as the notice names the table (《2024年拟新增“3+2”中高职衔接申报项目汇总表》),
   * with the sheet's year.
   */
  title: string;
  /** Application year. */
  year: number;
}

/** Documents uploaded with an application, by file name. */
export interface Attachments {
  /** The joint demand research (需求调研报告). */
  demand_research?: string | null;
  /** The sealed application form, scanned to PDF (申报书盖章扫描件). */
  sealed_form_pdf?: string | null;
  /** The integrated training plan (一体化人才培养方案). */
  training_plan?: string | null;
}

/** A threshold: a fixed exact number, or one chosen by a school flag. */
export type Bound = Fraction | BySchoolFlag;

/** `{ school_field = "secondary_school", flag = "national_key", if_true = "3", if_false = "2" }`. */
export interface BySchoolFlag {
  /** The school's boolean field: `national_key` or `independent`. */
  flag: string;
  /** Bound when it is false or not given. */
  if_false: Fraction;
  /** Bound when the flag is true. */
  if_true: Fraction;
  /** The record's field holding a school id. */
  school_field: string;
}

/**
 * One filing campaign of a notice (a 填报 round): the reporting year that selects it, the
 * period its data covers, and when it closes.
 */
export interface Campaign {
  /**
   * When uploads close, e.g. `2024-02-27T17:00:00+08:00`; absent while the notice leaves it
   * to a later announcement (另行通知).
   */
  closes?: string | null;
  /** Id, named by the rules tied to it, e.g. `2024`. */
  id: string;
  /** The dataset reporting year that selects this campaign. */
  reporting_year: number;
  /** First day of the period the campaign reports on. */
  reports_from: string;
  /** Last day of the period the campaign reports on. */
  reports_until: string;
  /** What the campaign covers, in English. */
  scope_en: string;
  /** What the campaign covers, in Chinese (e.g. `2023年新增立项和通过质量监测的447个项目`). */
  scope_zh: string;
}

/** One row of the campaign table: a secondary school, a district, or the whole city. */
export interface CampaignRow {
  /** Projects on the approved list this campaign covers. */
  approved: number;
  /**
   * The district (区) of the school, GB/T 2260 code; absent for the city total, or when the
   * school gives none.
   */
  district?: string | null;
  /** The district's name. */
  district_name?: string | null;
  /** 二(二)1: the previous year's secondary enrollment, summed over the reports of the year. */
  enrollment: number;
  /** Of those, with a report of the campaign's reporting year. */
  filed: number;
  /** Secondary graduates who could transfer, summed over the reports giving both figures. */
  graduated: number;
  /** Reports of listed projects submitted after the campaign closed. */
  late: number;
  /** The projects whose report came late, by id. */
  late_projects?: string[];
  /** Of those, without one. */
  missing: number;
  /** The projects missing a report, by id. */
  missing_projects?: string[];
  /** Reports of the year lacking the enrollment, the graduates or the transfers. */
  reports_incomplete: number;
  /**
   * The secondary school's id (the higher school's for a project without one); absent on the
   * district and city rows.
   */
  school?: string | null;
  /** The school's name, when it is in the data. */
  school_name?: string | null;
  /** `transferred / graduated`. */
  transfer_rate: Rate;
  /** Students who transferred (转段升学), over the same reports. */
  transferred: number;
  /**
   * Reports of the year for projects not on the approved list (附件4: the pack's `listed`
   * check, e.g. a discontinued project) or not in the data. A report of a listed project the
   * campaign does not require (a five-year project before its first campaign) is neither
   * filed nor off the list; its figures count.
   */
  unlisted: number;
  /** The projects off the list that reported, by id. */
  unlisted_projects?: string[];
}

/** One higher-stage campus (高职校区) in one year and its indicators. */
export interface CampusIndicators {
  /** Indicators failed. */
  failed: number;
  /** The partner higher school, when given. */
  higher_school?: string | null;
  /** Its name, when in the data. */
  higher_school_name?: string | null;
  /** Index in `higher_campuses`. */
  index: number;
  /** Every indicator of the pack on campuses, in the pack's order. */
  indicators: Indicator[];
  /** The secondary school hosting the campus. */
  school: string;
  /** Its name, when in the data. */
  school_name?: string | null;
  /** Higher-stage students. */
  students?: number | null;
  /** The year. */
  year: number;
}

/** One limit as applied to a record, for a finding: `share × base = amount`. */
export interface CapLimit {
  /** The limit, in money (rounded down to the cent). */
  amount: string | number;
  /** The field's value. */
  base: string | number;
  /** The field the limit is taken from. */
  of: FieldName;
  /** The share of it allowed; the whole of it when absent. */
  share?: Fraction | null;
}

/** A cell of a workbook or CSV file, for findings on tabular input. */
export interface Cell {
  /** Column letter(s), e.g. `D`. */
  column: string;
  /** Row, 1-based as shown by spreadsheet programs. */
  row: number;
  /** Sheet name (the file name for CSV). */
  sheet: string;
}

/** A certificate a student holds. */
export interface Certificate {
  /** Kind. */
  kind: CertificateKind;
  /** Level (X certificates). */
  level?: CertificateLevel | null;
  /** Name, e.g. `Web前端开发`. */
  name?: string | null;
}

/** Kind of certificate. 输入可用中文名称 (Chinese labels accepted on input). */
export type CertificateKind = "senior_worker" | "x_certificate";

/** Level of an X certificate (初级 / 中级 / 高级). 输入可用中文名称 (Chinese labels accepted on input). */
export type CertificateLevel = "elementary" | "intermediate" | "advanced";

/** One check of a rule, tagged by `kind`. */
export type Check = {
  /** The collection checked. */
  entity: EntityKind;
  /** The numeric field. */
  field: string;
  kind: "threshold";
  /** Largest allowed value. */
  max?: Bound | null;
  /** Smallest allowed value. */
  min?: Bound | null;
} | {
  /** The collection counted. */
  entity: EntityKind;
  /** Fields whose values form a group, e.g. `["secondary_school", "year"]`. */
  group_by: string[];
  kind: "group_count";
  /** Most records allowed in one group. */
  max?: Bound | null;
  /** Fewest records required in one group. */
  min?: Bound | null;
  /** The field of `group_by` naming the school a group belongs to (for the subject and school-flag bounds). */
  school_field?: string | null;
  /** Records that count (a refused filing is not a new major); all by default. */
  where?: Filter[];
} | {
  /** Show the quotient and bound as "18.1:1" and "1:18" (students per teacher, 生师比). */
  colon?: boolean;
  /** The denominator field. */
  denominator: string;
  /** The collection. */
  entity: EntityKind;
  /**
   * The numerator is part of the denominator (teachers with a master's degree among all
   * teachers; equipment added among all equipment): adding to it adds to both, so the remedy
   * for a minimum is `x` with `(a + x) / (b + x) ≥ p/q`, i.e. `x ≥ (p·b − q·a) / (q − p)`.
   * Also `"true"` / `"false"` as text, so that a user parameter (always text) can set it.
   */
  included?: boolean;
  kind: "ratio";
  /** Largest allowed quotient. */
  max?: Fraction | null;
  /** Smallest allowed quotient. */
  min?: Fraction | null;
  /**
   * Nothing over nothing passes an upper bound (no performance pay drawn from no net income).
   * Off by default: a zero denominator is a finding of its own, even with a zero numerator
   * (a campus recording neither students nor teachers is data a commission must see).
   */
  nothing_passes?: boolean;
  /** The numerator field. */
  numerator: string;
  /** Show the quotient as a percentage (shares) rather than a number (per-unit values). */
  percent?: boolean;
  /**
   * Records the bound applies to (schools that passed their assessment); all by default. A
   * record whose condition field is not given is not judged; with none judged for that reason
   * the rule is unchecked, naming the field.
   */
  where?: Filter[];
} | {
  /** A fixed deadline with its offset, e.g. `2024-02-27T17:00:00+08:00`. */
  at?: string | null;
  /** The collection. */
  entity: EntityKind;
  /** The timestamp field. */
  field: string;
  kind: "deadline";
  /** When true, an absent timestamp is a finding (the thing was never done or never reported). */
  required?: boolean;
  /** A year field of the record: the deadline is 31 December of that year, 23:59:59 Beijing time. */
  year_end_of?: string | null;
} | {
  /** The collection. */
  entity: EntityKind;
  /** The fields. */
  fields: RequiredField[];
  kind: "required";
} | {
  /** The collection. */
  entity: EntityKind;
  /** The field holding a school id. */
  field: string;
  kind: "role";
  /** Allowed school levels. */
  levels: SchoolLevel[];
  /** A school flag that must be true, e.g. `independent` (独立设置). */
  require_flag?: string | null;
} | {
  /** The collection. */
  entity: EntityKind;
  /** The field checked, e.g. `filed_by`. */
  field: string;
  kind: "same_as";
  /** The project's field it must equal, e.g. `secondary_school`. */
  project_field: string;
  /** The record's field holding a project id, e.g. `project`. */
  via: string;
} | {
  /** The collection. */
  entity: EntityKind;
  /** The rank field. */
  field: string;
  /** Fields forming a group, e.g. `["secondary_school", "year"]`. */
  group_by: string[];
  kind: "ranking";
  /** The field of `group_by` naming the school (for the subject). */
  school_field?: string | null;
} | {
  /** The collection. */
  entity: EntityKind;
  /** The field compared, e.g. `mode`. */
  field: string;
  /** Fields forming a group, e.g. `["higher_school", "higher_major.code"]`. */
  group_by: string[];
  kind: "exclusion";
  /** The two values that exclude each other, e.g. `["higher_bachelor", "five_year"]`. */
  values: string[];
  /** Records that count (a discontinued project runs nothing any more); all by default. */
  where?: Filter[];
} | {
  /** The companion collection, e.g. `status_reports`. */
  companion: EntityKind;
  /** The companion's field referring to the record, e.g. `project`. */
  companion_key: string;
  /** The companion's year field, e.g. `reporting_year`. */
  companion_year: string;
  /** The collection that must be covered, e.g. `projects`. */
  entity: EntityKind;
  /** Field → allowed values; records not matching are not required to have a companion. */
  filter?: {
    [key: string]: string[];
  };
  /** Only from this reporting year on (the rule starts later than its pack). */
  from_reporting_year?: number | null;
  /** The record's identifying field (default `id`). */
  key?: string;
  kind: "completeness";
  /**
   * A year field of the record (e.g. `approved_year`): a record whose year is after the
   * period the campaign reports on is not required (a project approved after the campaign).
   * The campaign is the pack's one for the reporting year; without one, the year before.
   */
  within_campaign?: string | null;
  /** Added to the reporting year (−1: the year before the campaign). */
  year_offset?: number;
} | {
  /** The collection. */
  entity: EntityKind;
  /** The smaller quantity. */
  field: string;
  kind: "not_exceeding";
  /** The quantity it may not exceed. */
  limit_field: string;
} | {
  /** Condition `value ≤ at_most` (`"0"`: no intake). */
  at_most?: Fraction | null;
  /** Condition `value < class_size`: the intake cannot form one class. Usually a user parameter. */
  class_size?: Fraction | null;
  /** e.g. `below one class of {bound}`. */
  condition_en: string;
  /** What the condition means, `{bound}` replaced, e.g. `不能独立成班(班额{bound}人)`. */
  condition_zh: string;
  /** e.g. `the major is to be discontinued`. */
  consequence_en: string;
  /** What follows, e.g. `应停办`. */
  consequence_zh: string;
  /** The collection holding the series. */
  entity: EntityKind;
  /** The numeric field the condition reads, e.g. `intake`. */
  field: string;
  /** Fields naming one series, e.g. `["school", "major.code"]`. */
  group_by: string[];
  kind: "consecutive_years";
  /** A text field shown after the group key, e.g. `major.name`. */
  label_field?: string | null;
  /** How the message names the series, e.g. `该专业`. */
  lead_zh?: string | null;
  /**
   * A run whose every value is zero belongs to another clause (no intake at all: 连续3年未招生)
   * and is not reported by this check.
   */
  not_all_zero?: boolean;
  /**
   * A flag field the school reports for the condition (`formed_class`: the intake formed a
   * class of its own). Where given it decides the year (false: the condition holds); the
   * class size decides only where it is not.
   */
  reported?: string | null;
  /** The field of `group_by` naming the school (shown by name in the subject). */
  school_field?: string | null;
  /** The year field (integer). */
  year: string;
  /** How many consecutive years make a finding. */
  years: number;
} | {
  /** The collection. */
  entity: EntityKind;
  /** The capped field. */
  field: string;
  kind: "cap";
  /** The limits; the smallest applies. */
  limits: Limit[];
} | {
  /** The collection. */
  entity: EntityKind;
  /** The text field holding the code; records without it are skipped. */
  field: string;
  kind: "code";
  /** The reference. */
  scheme: Scheme;
  /** Only records where this boolean field is true are checked (e.g. `filed`). */
  when_true?: string | null;
} | {
  /** The collection. */
  entity: EntityKind;
  /** The higher major code field. */
  higher: string;
  kind: "same_category";
  /** The secondary major code field. */
  secondary: string;
} | {
  /** The major code field. */
  code: string;
  /** The collection. */
  entity: EntityKind;
  kind: "catalog_name";
  /** The major name field. */
  name: string;
} | {
  /** The collection. */
  entity: EntityKind;
  /** The boolean field that triggers the check. */
  if_true: string;
  kind: "implies";
  /** The boolean field that must then be true. */
  then_true: string;
} | {
  /** Per-group goals. */
  each?: Each | null;
  /** The collection aggregated. */
  entity: EntityKind;
  /** Summed field (`sum`, `share`), or the field whose distinct values are counted. */
  field?: string | null;
  /** Goals by year. */
  goals: Goal[];
  kind: "target";
  /** What is aggregated. */
  measure: Measure;
  /** Denominator field of a `share` of sums. */
  of?: string | null;
  /** The part of a `share` of counts. */
  part?: Filter[];
  /** Records aggregated at all. */
  where?: Filter[];
  /** Year field to group by. */
  year_field?: string | null;
} | {
  /** The collection. */
  entity: EntityKind;
  kind: "pass_through";
  /** The amount received (or the per-unit amount, with `times`). */
  owed: string;
  /** The amount passed on. */
  paid: string;
  /** Smallest share to pass on; absent means all of it. */
  share?: Fraction | null;
  /** A count the per-unit amount is multiplied by. */
  times?: string | null;
  /**
   * Nothing owed is a finding of its own (a zero denominator: "no tuition recorded"), not a
   * pass by 0 ≥ share × 0. For money every settlement has (tuition of a running pilot);
   * off for fees a year may lack.
   */
  zero_is_finding?: boolean;
} | {
  /** The collection. */
  entity: EntityKind;
  /** Flag fields; a missing flag counts as not holding. */
  fields: string[];
  kind: "any_of";
  /** The path a finding points at, when the flags are derived (e.g. `certificates`). */
  locate?: string | null;
  /** How many must hold. */
  min?: number;
  /** Records the rule applies to. */
  where?: Filter[];
} | {
  /** The date the period starts from. */
  base: string;
  /** Days. */
  days?: number;
  /** The collection. */
  entity: EntityKind;
  /** The date checked. */
  field: string;
  kind: "within_period";
  /** What a last day falling on a rest day means; as counted (`calendar`) by default. */
  last_day?: LastDay;
  /** Calendar months. */
  months?: number;
} | {
  /** The two values that must not share an identity; a finding points at the first one's record. */
  between: Side[];
  /** The collection. */
  entity: EntityKind;
  /** The identity field. */
  key: string;
  kind: "overlap";
  /** A field naming the person, for messages. */
  name_field?: string | null;
  /** Fields that must agree for two records to overlap (e.g. the year of the staff list). */
  same?: string[];
  /** A field holding the school id of each record, for messages. */
  school_field?: string | null;
  /** The field whose values are compared. */
  split: string;
  /** Records considered. */
  where?: Filter[];
} | {
  /** The collection. */
  entity: EntityKind;
  /** The field. */
  field: string;
  kind: "equals";
  /** The required value. */
  value: Scalar;
} | {
  /** The collection. */
  entity: EntityKind;
  /** The fields and their forms. */
  fields: FormField[];
  kind: "text_form";
  /** When true, an absent value is a finding too. */
  required?: boolean;
  /** Records the check applies to. */
  where?: Filter[];
} | {
  /** The companion collection. */
  companion: EntityKind;
  /** The companion's figure the record's must equal. */
  companion_field: string;
  /** The companion's field matching `key`. */
  companion_key: string;
  /** The companion's year field. */
  companion_year: string;
  /** The collection. */
  entity: EntityKind;
  /** The figure checked. */
  field: string;
  /** The record's field naming the companion's owner (a project id). */
  key: string;
  kind: "agrees";
  /** The record's year field. */
  year_field: string;
  /** Added to the record's year to find the companion's. */
  year_offset?: number;
} | {
  /** The collection. */
  entity: EntityKind;
  /** The referring field. */
  field: string;
  kind: "listed";
  /** The collection holding the list. */
  list: EntityKind;
  /** The list's identifying field (default `id`). */
  list_key?: string;
  /** Which records of `list` are on the list. */
  where?: Filter[];
} | {
  /** A flag whose year stops intake for good (with no `refiled`). */
  after_flag?: string | null;
  /** Years in a row without intake that stop a major. */
  after_zero_years?: number | null;
  /** The yearly series' collection. */
  entity: EntityKind;
  /** The intake. */
  field: string;
  /** One series per value of these fields (school and major). */
  group_by: string[];
  kind: "intake_after";
  /** The filings that let intake resume (with `after_zero_years`). */
  refiled?: Refiled | null;
  /** The year of each record. */
  year_field: string;
} | {
  /** The collection. */
  entity: EntityKind;
  /** The field holding a school id. */
  field: string;
  kind: "roster";
  /** The schools named. */
  names: Named[];
  /** The year the names are for. */
  year: number;
  /** The year field. */
  year_field: string;
} | {
  /** The documents' collection. */
  companion: EntityKind;
  /** Its field naming who submitted. */
  companion_key: string;
  /** Which of its records are the document owed. */
  companion_where?: Filter[];
  /** Its year field. */
  companion_year: string;
  /** The records that make a document owed. */
  entity: EntityKind;
  /** Their field naming who owes it. */
  key: string;
  kind: "submitted";
  /** Which of them count. */
  where?: Filter[];
  /** Their year field; absent: the reporting year plus `year_offset`. */
  year_field?: string | null;
  /** Added to the reporting year when there is no `year_field`. */
  year_offset?: number;
};

/**
 * What is wrong with one check of a pack: it cannot be read, or its parameters do not fit the
 * data model. The loader adds where (`PackError`).
 */
export type CheckError = {
  /** What was found, as JSON. */
  found: string;
  type: "not_a_table";
} | {
  /** What was found, as JSON. */
  found: string;
  type: "kind_not_text";
} | {
  type: "missing_kind";
} | {
  /** The kind given. */
  kind: string;
  /** Every kind. */
  known: string[];
  type: "unknown_kind";
} | {
  /** Where in the check, e.g. `min` (empty for the check itself). */
  at: string;
  /** The reader's account. */
  detail: string;
  /** The check's kind. */
  kind: string;
  type: "param";
} | {
  /** Where in the check, e.g. `min`. */
  at: string;
  /** What is wrong with the number. */
  error: ThresholdError;
  /** The check's kind. */
  kind: string;
  type: "threshold";
} | {
  /** The entity. */
  entity: EntityKind;
  /** The field named. */
  field: string;
  /** Its fields. */
  known: string[];
  type: "unknown_field";
} | {
  /** The entity. */
  entity: EntityKind;
  /** The field. */
  field: string;
  /** Its type. */
  found: ValueKind;
  type: "field_kind";
  /** The types the check can use. */
  wanted: ValueKind[];
} | {
  /** The parameter. */
  param: string;
  type: "empty";
} | {
  /** The parameters. */
  params: string[];
  type: "needs_one_of";
} | {
  /** The parameters. */
  params: string[];
  type: "exactly_one_of";
} | {
  /** The parameters. */
  params: string[];
  type: "at_most_one_of";
} | {
  /** The value given. */
  found: string;
  /** Greatest allowed value, if any. */
  max?: string | null;
  /** Least allowed value, if any. */
  min?: string | null;
  /** The parameter. */
  param: string;
  type: "out_of_range";
} | {
  /** The value given. */
  found: string;
  /** The parameter. */
  param: string;
  type: "not_whole_number";
} | {
  /** The parameter. */
  param: string;
  type: "not_positive";
} | {
  /** The flag named. */
  flag: string;
  /** The flags known. */
  known: string[];
  type: "unknown_flag";
} | {
  /** The filtered field. */
  field: string;
  type: "filter_condition";
} | {
  /** The filtered field. */
  field: string;
  type: "filter_value";
  /** The value given, as JSON. */
  value: string;
  /** The field's type. */
  wanted: ValueKind;
} | {
  /** The field. */
  field: string;
  /** Number of labels (`one_of_zh`). */
  labels: number;
  type: "label_count";
  /** Number of values (`one_of`). */
  values: number;
} | {
  /** The parameter. */
  param: string;
  type: "same_values";
  /** The value given twice. */
  value: string;
} | {
  /** The measure. */
  measure: string;
  /** The sets of parameters, any one of which would do. */
  needs: string[][];
  type: "measure_needs";
} | {
  /** The measure. */
  measure: string;
  /** The parameters it does not take. */
  params: string[];
  type: "measure_forbids";
};

/** Options of `check` and `checkField`; every member may be omitted. */
export interface CheckOptions {
  /** Preferred language of rendered text; findings always carry both `zh` and `en`. */
  lang?: Lang;
  /**
   * Limits on what is read, by the names of the CLI's `--limit` and Python's `limits=` (e.g.
   * `{nesting_depth: 32}`); a value may also be text such as `"64 MiB"`. An unknown name or a
   * bad value is an input error listing the known names.
   */
  limits?: Limits;
  /** Built-in pack ids to check with; empty or absent means every built-in pack. */
  packs?: string[];
  /** Parameters, `"<rule id>.<name>"` to a value written as a string (exact, e.g. `"30"`, `"60%"`). */
  params?: {
    [key: string]: string;
  };
}

/** One year's city-wide counts. */
export interface CityCapacity {
  /** Middle managers seconded to enterprises that year (选派中层干部挂职). */
  managers_seconded?: number | null;
  /** Teacher innovation-practice bases at enterprises (教师企业创新实践基地), cumulative. */
  practice_bases?: number | null;
  /** Principals seconded to enterprises that year (选派校长挂职). */
  principals_seconded?: number | null;
  /** High-level teaching-innovation teams (高水平教学创新团队), cumulative. */
  teaching_teams?: number | null;
  /** Year. */
  year: number;
}

/** A project's intake in one entry year. */
export interface Cohort {
  /** Students enrolled. */
  enrolled: number;
  /** Entry year at the secondary stage. */
  entry_year: number;
  /** Graduated from the secondary stage (could transfer). */
  graduated_secondary?: number | null;
  /** The project's id. */
  project: string;
  /** Still enrolled. */
  still_enrolled?: number | null;
  /** Transferred to the higher stage (转段). */
  transferred?: number | null;
}

/** One measured item of a semester against its bound. */
export interface ComplianceItem {
  /** Given and within its bounds. */
  compliant: boolean;
  /** Field, e.g. `meetings`. */
  field: string;
  /** English label. */
  label_en: string;
  /** Chinese label of the field. */
  label_zh: string;
  /** The maximum, exact, when the rule sets one. */
  max?: string | null;
  /** The minimum, exact, when the rule sets one. */
  min?: string | null;
  /** Rule that sets the bound. */
  rule_id: string;
  /** The value reported; `None` when not given. */
  value?: number | null;
}

/** The contact person reported to the commission. */
export interface Contact {
  /** E-mail. */
  email?: string | null;
  /** Name. */
  name?: string | null;
  /** Telephone. */
  phone?: string | null;
  /** When the contact information was reported. */
  reported_at?: string | null;
}

/** Counts of findings by severity. */
export interface Counts {
  /** Error findings. */
  error: number;
  /** Target findings. */
  target: number;
  /** Warning findings. */
  warning: number;
}

/**
 * One dataset document: any of the entities, for one reporting year.
 * 
 * ```
 * let ds = xianjie::Dataset::from_json_str(r#"{"reporting_year": 2024, "schools": []}"#).unwrap();
 * assert_eq!(ds.reporting_year, Some(2024));
 * ```
 */
export interface Dataset {
  /** New-project applications. */
  applications?: Application[];
  /** City-wide capacity counts per year. */
  city_capacity?: CityCapacity[];
  /** Cohorts per project and entry year. */
  cohorts?: Cohort[];
  /** Enterprise investment and surcharge offsets. */
  enterprise_offsets?: EnterpriseOffset[];
  /** Money passed from higher schools to secondary schools, per school year. */
  finance_settlements?: FinanceSettlement[];
  /** Higher-stage graduate employment per school and year. */
  graduate_employment?: GraduateEmployment[];
  /** Higher-stage campuses (高职校区) per school and year (Quzhou pilot). */
  higher_campuses?: HigherCampus[];
  /** Major offerings per school and year (专业布点与招生). */
  major_offerings?: MajorOffering[];
  /** A name for the dataset, shown in reports. */
  name?: string | null;
  /** New-major filings (新设专业备案). */
  new_major_filings?: NewMajorFiling[];
  /** Pilot enrolment per school and year. */
  pilot_enrollments?: PilotEnrollment[];
  /** Stage split of each programme. */
  programme_plans?: ProgrammePlan[];
  /** Approved projects. */
  projects?: Project[];
  /** Quality monitoring per school and year. */
  quality_monitoring?: QualityMonitoring[];
  /** The reporting year (the year of the filing campaign). Decides which rules are in force. */
  reporting_year?: number | null;
  /** Schools. */
  schools?: School[];
  /** Per project and semester activity. */
  semester_activities?: SemesterActivity[];
  /** Schools' social-service income and performance pay. */
  social_service_income?: SocialServiceIncome[];
  /** Status reports. */
  status_reports?: StatusReport[];
  /** Students of the five-year pilot: agreements and certificates. */
  students?: Student[];
  /** Yearly documents of schools and districts (汇总表, 专业建设工作总结). */
  submissions?: Submission[];
  /** Teachers per school and stage, to see one person in two staffs. */
  teachers?: Teacher[];
  /** Training plans with their hours. */
  training_plans?: TrainingPlan[];
}

/**
 * The exact values behind a finding, tagged by `shape`. Numbers are exact decimals (serialized
 * as strings); thresholds are exact fractions (`"1/3"`, `"60%"`).
 */
export type Detail = {
  /** The bound it fails. */
  bound: Fraction;
  /** The school flag that chose the bound, when it depends on one. */
  chosen_by?: FlagChoice | null;
  /** The field. */
  field: FieldName;
  /** How much more (below a minimum) or less (above a maximum) passes. */
  need: string | number;
  shape: "bound";
  /** Its value. */
  value: string | number;
} | {
  /** The bound the quotient fails. */
  bound: Fraction;
  /** The denominator's value. */
  den: string | number;
  /** The denominator's field. */
  denominator: FieldName;
  /**
   * The smallest change that passes: more numerator (below a minimum) or more
   * denominator (above a maximum).
   */
  need: string | number;
  /** How the quotient is shown. */
  notation: Notation;
  /** The numerator's value. */
  num: string | number;
  /** The numerator's field. */
  numerator: FieldName;
  /**
   * The other way to pass, where there is one: less denominator (below a minimum) or
   * less numerator (above a maximum).
   */
  or_less?: string | number | null;
  shape: "ratio";
} | {
  /** The denominator's value. */
  den: string | number;
  /** The denominator's field. */
  denominator: FieldName;
  /**
   * How much denominator an upper bound needs (teachers for the students there are);
   * none under a lower bound, where no denominator makes the data meaningful.
   */
  need?: string | number | null;
  /** The numerator's value. */
  num: string | number;
  /** The numerator's field. */
  numerator: FieldName;
  shape: "zero_denominator";
} | {
  /** The field. */
  field: FieldName;
  shape: "missing";
} | {
  /** The attachment's field. */
  field: FieldName;
  shape: "not_uploaded";
} | {
  /** The field. */
  field: FieldName;
  shape: "placeholder";
  /** What it says. */
  text: string;
} | {
  /** Its length in characters. */
  chars: number;
  /** The field. */
  field: FieldName;
  /** The fewest characters allowed. */
  min: number;
  shape: "too_short";
} | {
  /** The field. */
  field: FieldName;
  /** The file name given. */
  file: string;
  shape: "wrong_file_type";
  /** The ending it must have, e.g. `.pdf`. */
  suffix: string;
} | {
  /** The allowed values. */
  allowed: string[];
  /** The field. */
  field: FieldName;
  shape: "not_one_of";
  /** The value given (an enumeration's wire name where the field is one). */
  value: string;
} | {
  /** The companion collection. */
  companion: EntityKind;
  shape: "no_companion";
  /** The year the companion is for. */
  year: number;
} | {
  /** When it happened; absent when not given. */
  at?: string | null;
  /** The deadline. */
  deadline: string;
  /** The timestamp's field. */
  field: FieldName;
  shape: "deadline";
} | {
  /** The date the period starts from. */
  base: string;
  /** The field the period starts from. */
  base_field: FieldName;
  /** The date given; absent when not given. */
  date?: string | null;
  /** Days of the period. */
  days: number;
  /** The last day allowed. */
  end: string;
  /** The date's field. */
  field: FieldName;
  /** Calendar months of the period. */
  months: number;
  /**
   * The calendar last day, where it was a rest day and `end` is the day after the rest
   * days (民法典 第二百零三条).
   */
  moved_from?: string | null;
  shape: "due_within";
} | {
  /** The condition. */
  condition: RunCondition;
  /** The field read each year. */
  field: FieldName;
  /** The years of the run and their values, in order. */
  series: YearValue[];
  shape: "consecutive";
  /** How many years in a row make a finding. */
  years: number;
} | {
  /** The field. */
  field: FieldName;
  /** The value given; absent when not given. */
  found?: PlainValue | null;
  shape: "unequal";
  /** The value required. */
  want: PlainValue;
} | {
  /** The bound it fails. */
  bound: Fraction;
  /** The school flag that chose the bound, when it depends on one. */
  chosen_by?: FlagChoice | null;
  /** Records in the group. */
  count: number;
  /** The group, as readers know it: the school's name, or the group's values. */
  group: string;
  /** The school's level, naming the kind of school the bound is for (国家级重点中职学校). */
  level?: SchoolLevel | null;
  /** How many fewer (too many) or more (too few) records pass. */
  need: string | number;
  shape: "group_count";
} | {
  /** The group, as readers know it. */
  group: string;
  /** The ranks given, in ascending order (records without one are not listed). */
  ranks: number[];
  shape: "ranking";
  /** Records of the group without a rank. */
  unranked: number;
} | {
  /** The field compared. */
  field: FieldName;
  /** The group, as readers know it (school, major). */
  group: string;
  /** Ids of the records with each value. */
  ids: string[][];
  shape: "exclusion";
  /** The two values (wire names; labelled when rendered). */
  values: string[];
} | {
  /** The person's name, where given. */
  name?: string | null;
  /** The identity (an ID-number hash, a staff number). */
  person: string;
  /** The school of each side, where given. */
  schools: (string | null)[];
  shape: "overlap";
  /** The pack's English names of the two sides. */
  sides_en: string[];
  /** The pack's Chinese names of the two sides. */
  sides_zh: string[];
} | {
  /** The levels allowed. */
  allowed: SchoolLevel[];
  /** The field naming the school. */
  field: FieldName;
  /** Its level. */
  level: SchoolLevel;
  /** The school's name. */
  school: string;
  shape: "role_level";
} | {
  /** The field naming the school. */
  field: FieldName;
  /** The flag required. */
  flag: FieldName;
  /** Its level. */
  level: SchoolLevel;
  /** The school's name. */
  school: string;
  shape: "role_flag";
  /** Whether the school states the flag at all (false: not given). */
  stated: boolean;
} | {
  /** The value given (a school's name where it names one). */
  actual?: string | null;
  /** The value it must be. */
  expected: string;
  /** The field checked. */
  field: FieldName;
  /** The project's field. */
  project_field: FieldName;
  shape: "not_same_as";
} | {
  /** Whether the second flag is given (false: not filled in; true: it is "no"). */
  given: boolean;
  /** The flag that is true. */
  if_true: FieldName;
  shape: "implies";
  /** The flag that must then be true. */
  then_true: FieldName;
} | {
  /** How many hold. */
  held: number;
  /** How many must hold. */
  min: number;
  /** The flags that do not hold. */
  missing: FieldName[];
  /** How many flags there are. */
  of: number;
  shape: "any_of";
} | {
  /** The code as written (trimmed). */
  code: string;
  /** The field. */
  field: FieldName;
  /** The reference it is checked against. */
  scheme: Scheme;
  shape: "bad_code";
} & ({
  /** Characters found. */
  actual: number;
  problem: "uscc_length";
} | {
  /** The character. */
  found: string;
  /** 1-based position. */
  position: number;
  problem: "uscc_character";
} | {
  /** The check character the first 17 give. */
  expected: string;
  /** The one written. */
  found: string;
  problem: "uscc_check";
} | {
  /** Characters found. */
  actual: number;
  problem: "school_code_length";
} | {
  /** The character. */
  found: string;
  /** 1-based position. */
  position: number;
  problem: "school_code_character";
} | {
  /** The two digits. */
  digits: string;
  problem: "school_code_province";
} | {
  problem: "major_shape";
  /** The level expected. */
  want: EducationLevel;
} | {
  /** The level of the code. */
  is: EducationLevel;
  /** The major's catalogue name, where the code is a major. */
  name?: string | null;
  problem: "major_level";
  /** The level expected. */
  want: EducationLevel;
} | {
  problem: "major_category";
  /** The level expected. */
  want: EducationLevel;
} | {
  problem: "major_class";
  /** The level expected. */
  want: EducationLevel;
} | {
  problem: "major_unknown";
  /** The level expected. */
  want: EducationLevel;
} | {
  problem: "division_unknown";
} | {
  /** The division's tier. */
  level: DivisionLevel;
  /** Its name. */
  name: string;
  problem: "division_tier";
} | {
  problem: "division_length";
}) | {
  /** The catalogue's name for the code. */
  catalogue: string;
  /** The major code. */
  code: string;
  /** The name field. */
  field: FieldName;
  /** The name as written. */
  name: string;
  shape: "major_name";
} | {
  /** The higher major. */
  higher: MajorRef2;
  /** The higher category parallel to the secondary one. */
  parallel: string;
  /** Its name. */
  parallel_name: string;
  /** The secondary major. */
  secondary: MajorRef2;
  shape: "category_mismatch";
} | {
  /** The field. */
  field: FieldName;
  /** The field it may not exceed. */
  limit: FieldName;
  /** The limit field's value. */
  limit_value: string | number;
  shape: "exceeds";
  /** The field's value. */
  value: string | number;
} | {
  /** The owed field's value. */
  base: string | number;
  /** The count, with `times_field`. */
  count?: string | number | null;
  /** The amount owed (base × count). */
  owed: string | number;
  /** The amount received (or the per-unit amount, with `times_field`). */
  owed_field: FieldName;
  /** The amount passed on, where given. */
  paid?: string | number | null;
  /** The amount passed on. */
  paid_field: FieldName;
  /** The amount to pass on (share × owed), exact. */
  required: string | number;
  shape: "pass_through";
  /** The smallest share to pass on; all of it when absent. */
  share?: Fraction | null;
  /** The shortfall, rounded up to the cent. */
  short: string | number;
  /** The count the per-unit amount is multiplied by. */
  times_field?: FieldName | null;
} | {
  /** The capped field. */
  field: FieldName;
  /** The limit that applies (the smallest). */
  limit: string | number;
  /** Each limit the record gives a base for. */
  limits: CapLimit[];
  /** How much over it. */
  over: string | number;
  shape: "cap";
  /** Its value. */
  value: string | number;
} | {
  /** Index of the first record with it. */
  first: number;
  /** The id. */
  id: string;
  shape: "duplicate_id";
} | {
  /** Index of the first record with them. */
  first: number;
  shape: "duplicate_period";
} | {
  /** The referring field. */
  field: FieldName;
  /** The id referred to. */
  id: string;
  shape: "unknown_reference";
  /** The collection referred to. */
  target: EntityKind;
} | {
  /** The field. */
  field: FieldName;
  shape: "upload_not_listed";
} | {
  /** The field. */
  field: FieldName;
  /** The form it must have. */
  form: Form;
  shape: "bad_form";
  /** The text given. */
  text: string;
} | {
  /** The companion's collection. */
  companion: EntityKind;
  /** The companion's field. */
  companion_field: FieldName;
  /** The companion's value. */
  companion_value: string | number;
  /** The field. */
  field: FieldName;
  shape: "disagrees";
  /** Its value. */
  value: string | number;
  /** The companion's year. */
  year: number;
} | {
  /** The referring field. */
  field: FieldName;
  /** The id referred to. */
  id: string;
  /** The list's collection. */
  list: EntityKind;
  shape: "not_listed";
} | {
  /** What stopped it. */
  cause: IntakeCause;
  /** The intake field. */
  field: FieldName;
  shape: "intake_after";
  /** The intake. */
  value: string | number;
} | {
  /** The collection searched. */
  entity: EntityKind;
  /** The name as the notice prints it. */
  name: string;
  shape: "not_in_roster";
  /** The year. */
  year: number;
};

/** Tier of an administrative division. */
export type DivisionLevel = "province" | "city" | "county";

/** Per-group goals: the goal applies to each value of `field`. */
export interface Each {
  /** The grouping field (a school id, an industry chain). */
  field: string;
  /**
   * `values` are the only groups: records of any other value (a chain the plan does not
   * name, 其他, 无) form no group of their own.
   */
  only?: boolean;
  /** Groups that must appear even when no record has them. */
  values?: string[];
}

/** Level of vocational education a catalogue code belongs to. */
export type EducationLevel = "secondary" | "associate" | "bachelor";

/** Enrollment of one group of cohorts. */
export interface EnrollmentRow {
  /** Cohorts in the group. */
  cohorts: number;
  /** Students enrolled. */
  enrolled: number;
  /** Secondary graduates (cohorts reporting both graduates and transfers). */
  graduated: number;
  /** The group's keys, in the order asked for. */
  keys: GroupKey[];
  /** Students still enrolled, over the cohorts that report it. */
  still_enrolled: number;
  /** Cohorts that report `still_enrolled`. */
  still_enrolled_reported: number;
  /** Students transferred (same cohorts). */
  transferred: number;
}

/**
 * An enterprise's investment in running vocational education in one year, and the
 * education-surcharge offset it claims (教育费附加和地方教育附加抵免), in yuan.
 */
export interface EnterpriseOffset {
  /** Enterprise name. */
  enterprise: string;
  /** Investment in vocational education (投资额). */
  investment?: string | number | null;
  /** Offset claimed (抵免额). */
  offset_claimed?: string | number | null;
  /** Education surcharge and local education surcharge owed that year (当年应缴). */
  surcharges_owed?: string | number | null;
  /** Unified social credit code (统一社会信用代码). */
  uscc?: string | null;
  /** Year. */
  year: number;
}

/** The collections of a dataset (a closed list: packs name them, code implements them). */
export type EntityKind = "schools" | "projects" | "applications" | "cohorts" | "semester_activities" | "status_reports" | "quality_monitoring" | "major_offerings" | "new_major_filings" | "training_plans" | "enterprise_offsets" | "social_service_income" | "city_capacity" | "higher_campuses" | "teachers" | "finance_settlements" | "students" | "programme_plans" | "pilot_enrollments" | "graduate_employment" | "submissions";

/**
 * Why: the inputs, the computed value, the threshold and the clause. Rendered from a finding's
 * data on the way out ([`Finding::explanation`]).
 */
export interface Explanation {
  /** Document number and clause, e.g. `京教函〔2024〕51号 三(二)`. */
  clause: string;
  /** The computed value (exact fraction and decimal where a division was made). */
  computed?: string | null;
  /** Inputs used. */
  inputs: NamedValue[];
  /** The clause's original text. */
  quote: string;
  /** The threshold it was compared with. */
  threshold?: string | null;
}

/** A field's name as in the JSON document, e.g. `meetings` or `attachments.training_plan`. */
export type FieldName = string;

/**
 * One condition: `{ field = "stage", equals = "higher" }`, `{ field = "chain", in = ["新能源", …] }`,
 * `{ field = "graduated", equals = true }`, `{ field = "agreement.signed_on", present = false }`,
 * `{ field = "filed", not_equals = false }`.
 */
export interface Filter {
  /** The value must equal this. */
  equals?: Scalar | null;
  /** The field tested. */
  field: string;
  /** The value must be one of these. */
  in?: Scalar[];
  /**
   * The value must differ from this; a missing value differs (a filing not yet decided is
   * not a refused one).
   */
  not_equals?: Scalar | null;
  /** The value must be given (`true`) or absent (`false`). */
  present?: boolean | null;
}

/** 经费结算: what the higher school collected or received, and what it passed on, in CNY. */
export interface FinanceSettlement {
  /** Appropriation paid to the higher-stage campus. */
  appropriation_paid?: string | null;
  /** 生均财政拨款标准 per student, CNY. */
  appropriation_per_student?: string | null;
  /**
   * Higher-stage funding the local finance paid the higher school for the year (属地财政拨付给高职院校),
   * owed at the appropriation standard × students.
   */
  appropriation_received?: string | null;
  /** Students the appropriation is counted for (按学生数计算). */
  appropriation_students?: number | null;
  /** 代管费及住宿费等 collected by the higher school. */
  fees_collected?: string | null;
  /** Of them, paid to the higher-stage campus (支付给高职校区). */
  fees_passed_on?: string | null;
  /** The higher school that collects (高职院校). */
  higher_school: string;
  /** The secondary school running the higher-stage campus (中职学校 / 高职校区). */
  school: string;
  /** 高职阶段学费 collected by the higher school. */
  tuition_collected?: string | null;
  /** Of it, passed on to the secondary school (拨付给中职学校). */
  tuition_passed_on?: string | null;
  /** The school year, by its starting calendar year (2024 = 2024–2025). */
  year: number;
}

/** A finding as serialized: its data and, rendered on the way out, its words. */
export interface Finding {
  /** What went wrong. */
  code: FindingCode;
  /** The exact values behind the verdict, typed by `shape`. */
  detail: Detail;
  /** Numbers used, computed value, threshold, clause. */
  explanation: Explanation;
  /** Where in the input; more than one when several places share the blame (duplicate ranks). */
  locations: Location[];
  /** Message, Chinese and English. */
  message: Text;
  /** The period the record belongs to, where it has one. */
  period?: Period | null;
  /** The smallest change that passes, where computable. */
  remedy?: Text | null;
  /** Stable rule id, e.g. `bj-3p2-2024/semester-meetings`. */
  rule_id: string;
  /** Severity. */
  severity: Severity;
  /** Who it is about. */
  subject: Subject;
}

/** Stable code of what went wrong, for filtering (like pydantic's error `type`). */
export type FindingCode = "below_minimum" | "above_maximum" | "missing" | "placeholder" | "wrong_format" | "not_allowed" | "zero_denominator" | "late" | "too_many" | "too_few" | "bad_ranking" | "wrong_role" | "mismatch" | "excluded" | "absent" | "unknown_reference" | "duplicate_id" | "duplicate_period" | "exceeds" | "consecutive" | "progress" | "invalid_code";

/** A bound chosen by a flag of a school (national key school: 3, other: 2). */
export interface FlagChoice {
  /** The school's flag, e.g. `national_key`. */
  flag: string;
  /** Its value for the school (false when not given). */
  value: boolean;
}

/** A form a text must have. */
export type Form = "phone" | "email";

/** One field and its form. */
export interface FormField {
  /** The field (text). */
  field: string;
  /** The form it must have. */
  form: Form;
}

/** An exact number: "15", "6.5", "60%" or "1/3" */
export type Fraction = string;

/** One goal: `{ year = 2027, min = "500", stretch = "1000" }`. */
export interface Goal {
  /**
   * An approximate goal (左右, "about 12"): its progress is reported, and falling short of
   * it is not missing it (it is no hard minimum).
   */
  about?: boolean;
  /** Reached when the value is at least this (达到…以上). */
  min?: Fraction | null;
  /** Reached when the value is strictly above this (超过). */
  over?: Fraction | null;
  /** A stretch goal (力争), reported only. */
  stretch?: Fraction | null;
  /** The year the goal is for; absent: every year of the data. */
  year?: number | null;
}

/** 衔接办学工作领导小组, responsible office and contact person. */
export interface Governance {
  /** The one contact person (专项工作联系人). */
  contact?: Contact | null;
  /** The leading group. */
  leading_group?: LeadingGroup | null;
  /** Office responsible for articulation work (专门机构). */
  responsible_office?: string | null;
}

/** Employment of a school's higher-stage graduates in one year. */
export interface GraduateEmployment {
  /** Of them, employed in Quzhou (本地就业). */
  employed_locally: number;
  /** Higher-stage graduates. */
  graduates: number;
  /** The secondary school (it runs employment of its graduates, 实施意见 二(三)10). */
  school: string;
  /** The graduation year. */
  year: number;
}

/** What to group cohorts by. */
export type GroupBy = "project" | "secondary_school" | "higher_school" | "major" | "category" | "district" | "entry_year";

/** One group key of an output row: what it groups by, its value and a readable name. */
export interface GroupKey {
  /** The grouping. */
  by: GroupBy;
  /**
   * A readable name: the school's name, the major's catalogue name, the category or district
   * name.
   */
  name?: string | null;
  /**
   * The value (an id, a code or a year); `None` when the data does not say (e.g. a cohort of
   * an unknown project, a school without a district).
   */
  value?: string | null;
}

/** Post of the head of the leading group. The principal (校长, 院长) and the party secretary (党委书记) are the principal school leaders (主要校领导). 输入可用中文名称 (Chinese labels accepted on input). */
export type HeadRole = "principal" | "party_secretary" | "vice_principal" | "deputy_party_secretary" | "other";

/** 高职校区: conditions and staffing of a secondary school's higher-stage campus in one year. */
export interface HigherCampus {
  /** 专职辅导员数. */
  counselors?: number | null;
  /** 学生宿舍面积, m². */
  dormitory_area?: string | null;
  /** 当年新增教学科研仪器设备值, CNY. */
  equipment_added?: string | null;
  /** 教学科研仪器设备值 (total), CNY. */
  equipment_value?: string | null;
  /** 高职阶段专任教师数. */
  full_time_teachers?: number | null;
  /** The partner higher school (合作高职院校, the higher stage's 办学主体). */
  higher_school?: string | null;
  /** 思政课教师数. */
  ideology_teachers?: number | null;
  /** Internship liability insurance (实习责任险) arranged by the secondary school. */
  internship_insurance?: boolean | null;
  /** 占地面积, m². */
  land_area?: string | null;
  /** Students' school liability insurance (学生校方责任险) arranged by the secondary school. */
  liability_insurance?: boolean | null;
  /** Of them, with a master's degree or higher (硕士及以上学位). */
  masters_teachers?: number | null;
  /** 专职心理健康教育教师数. */
  mental_health_teachers?: number | null;
  /** The secondary school running the campus (承办中职学校). */
  school: string;
  /** Of them, with a senior professional title (高级职称). */
  senior_title_teachers?: number | null;
  /** 高职阶段在校生数. */
  students?: number | null;
  /** 教学行政用房面积, m². */
  teaching_admin_area?: string | null;
  /** The year reported. */
  year: number;
}

/** One 细则 indicator of one campus. */
export interface Indicator {
  /** The bound as printed: `≥ 15`, `≥ 10%`, `≤ 1:18`. */
  bound: string;
  /** Its clause, e.g. `细则一`. */
  clause: string;
  /** The denominator of a quotient (or the number of conditions). */
  denominator?: string | number | null;
  /** How the value reads. */
  form: IndicatorForm;
  /** The upper bound, exact. */
  max?: string | null;
  /** The lower bound, exact (`15`, `10%`), when the rule sets one. */
  min?: string | null;
  /** The numerator of a quotient, or the count; absent when not given. */
  numerator?: string | number | null;
  /** The rule. */
  rule_id: string;
  /** The value as printed: `14.5`, `35.71%`, `18.1:1`, `1/2`. */
  shown?: string | null;
  /** What is measured (the rule's title). */
  title: Text;
  /**
   * The value: the quotient (a share as a fraction of 1), exact to 28 digits; absent when a
   * figure is missing or the denominator is zero.
   */
  value?: string | number | null;
  /** What the check run found. */
  verdict: Verdict;
}

/** How an indicator's value reads. */
export type IndicatorForm = "per_unit" | "percent" | "colon" | "count" | "conditions";

/** What kind of input problem, stable for filtering and translation. */
export type InputErrorKind = "syntax" | "type" | "value" | "missing" | "unknown_field" | "duplicate_key" | "io" | "limit";

/** One problem in the input, located. */
export interface InputIssue {
  /** Column (1-based) where known. */
  column?: number | null;
  /** Line (1-based) where known. */
  line?: number | null;
  /** Path into the document, e.g. `semester_activities[3].meetings` (empty for the root). */
  loc: string;
  /** English message. */
  msg_en: string;
  /** Chinese message. */
  msg_zh: string;
  /** What kind of problem. */
  type: InputErrorKind;
}

/** What stops a major's intake (呼和浩特 四(二)6). */
export type IntakeCause = {
  /** The first year of the run. */
  from: number;
  is: "no_intake";
  /** The last year of the run. */
  to: number;
} | {
  /** The flag. */
  field: FieldName;
  is: "flag";
  /** The year it was set. */
  year: number;
};

/** 一体化人才培养协同推进与运行. */
export interface IntegratedTraining {
  /** 衔接性课程设计完善 */
  bridging_courses?: string | null;
  /** 与行业企业定期沟通交流 */
  enterprise_communication?: string | null;
  /** 一体化人才培养方案修订 */
  plan_revision?: string | null;
  /** 课程资源和实训基地共建共用共享 */
  shared_resources?: string | null;
  /** 师资互换授课、共同教研 */
  teacher_exchange_research?: string | null;
  /** 协同育人和转段考核 */
  transfer_assessment?: string | null;
}

/** Output language. */
export type Lang = "zh" | "en";

/** How the period's last day is read when it falls on a rest day. */
export type LastDay = "calendar" | "next_working_day";

/** The leading group and who heads it. */
export interface LeadingGroup {
  /** Name of the head. */
  head?: string | null;
  /** Role of the head: `principal` (校长), `party_secretary` (党委书记) are principal leaders. */
  head_role?: HeadRole | null;
}

/** One school's school year in the ledger. */
export interface LedgerRow {
  /** The key chains served, sorted. */
  chains?: string[];
  /**
   * Majors to discontinue: intake could not form a class three years running (its finding
   * ends in this school year).
   */
  discontinue?: MajorRef[];
  /** Of those, serving one of the key chains the plan names. */
  key_chain_offerings: number;
  /** `key_chain_offerings / offerings`. */
  key_chain_share: Rate;
  /** New majors filed that school year and not refused (accepted or undecided). */
  new_majors?: MajorRef[];
  /** Whether the new majors stay within the school's yearly limit, as the run found. */
  new_majors_verdict: Verdict;
  /** Major offerings (专业布点) of the year. */
  offerings: number;
  /** Majors to file again as new: no intake three years running. */
  refile?: MajorRef[];
  /** Filings refused (不予备案): no new major. */
  refused?: MajorRef[];
  /** The school's id. */
  school: string;
  /** Its name, when in the data. */
  school_name?: string | null;
  /**
   * The school year, `2023-2024`; a calendar year's intake (autumn) opens the school year
   * starting that year.
   */
  school_year: string;
}

/** One limit: `share × of` (share 1 when omitted). */
export interface Limit {
  /** The field the limit is taken from. */
  of: string;
  /** The share of it allowed, e.g. `"30%"`; the whole of it when omitted. */
  share?: Fraction | null;
}

/**
 * Bounds on what is read. Every field is a count (or bytes, or characters); see each for what
 * it bounds and why its default is what it is.
 */
export interface Limits {
  /** Characters of one cell, CSV or workbook (Excel's own limit is 32,767). Default 32,767. */
  cell_chars?: number;
  /** Columns of one sheet or CSV file. Default 1,000 (the widest collection has under 60). */
  columns?: number;
  /** Bytes of one CSV line (a record). Default 1 MiB. */
  csv_line_bytes?: number;
  /** Problems listed one by one; the rest are counted in a last issue. Default 1,000. */
  errors_listed?: number;
  /**
   * Bytes of one input file or document (JSON, CSV, workbook). Default 1 GiB: a national JSON
   * document fits; `/dev/zero` does not get read until memory runs out.
   */
  input_bytes?: number;
  /** Cells covered by merged ranges in one sheet. Default 100,000 (merges are for headers). */
  merged_cells?: number;
  /**
   * Characters of a user's value quoted in a message; longer values are shown abbreviated.
   * Default 80.
   */
  message_chars?: number;
  /**
   * Nesting depth of a JSON document or a Python/JS value (a dataset needs 5). Default 64;
   * at most 128 (the JSON reader's own bound; readers of nested values use the stack).
   */
  nesting_depth?: number;
  /**
   * Records in one collection. Default 10,000,000 (the nation's students in a decade fit in
   * batches; one document holding more is a mistake or an attack).
   */
  records?: number;
  /** Shared strings in one workbook. Default 5,000,000. */
  shared_strings?: number;
  /**
   * Cells of one sheet's used range (rows × columns, counted before it is allocated).
   * Default 30,000,000: a million rows of 30 columns.
   */
  sheet_cells?: number;
  /** Rows of one sheet (Excel's own limit is 1,048,576). Default 1,048,576. */
  sheet_rows?: number;
  /** Characters of one string value in a JSON document or a Python/JS value. Default 1,000,000. */
  string_chars?: number;
  /**
   * Decompressed bytes of one part of a workbook (a sheet's XML, the shared strings).
   * Default 1 GiB.
   */
  zip_part_bytes?: number;
  /**
   * Decompressed size of a workbook part over its compressed size, for parts over 1 MiB.
   * Default 200: real sheets compress 5–50 times; zip bombs thousands of times.
   */
  zip_ratio?: number;
}

/** Where in the input: a record, and a field of it where one is to blame. */
export interface Location {
  /** The cell, when the input was a workbook or CSV. */
  cell?: Cell | null;
  /** The collection. */
  entity: EntityKind;
  /** The field, if one is to blame. */
  field?: string | null;
  /** Index of the record in its collection (0-based). */
  index: number;
  /** Path a form can highlight, e.g. `semester_activities[12].meetings`. */
  path: string;
}

/** The ledger and what the run did with the rules it reads. */
export interface MajorLedger {
  /** The key chains the plan names (二), as the pack lists them. */
  key_chains: string[];
  /** The pack. */
  pack: string;
  /** One row per school and school year, sorted by school, then year. */
  rows: LedgerRow[];
  /**
   * The rules behind the columns and their state in the run (an unchecked one says why: its
   * column is then empty for want of a check, not for want of majors).
   */
  rules: RuleNote[];
}

/** One major a school offers in one year (专业布点), with that year's intake. */
export interface MajorOffering {
  /** The key industry chain the major mainly serves (重点产业链), e.g. `新能源`; absent when none. */
  chain?: string | null;
  /** Whether the intake formed a class of its own (独立成班), as the school reports it. */
  formed_class?: boolean | null;
  /** Students enrolled that year (招生人数); 0 when the major did not enroll. */
  intake?: number | null;
  /** The major, by catalogue code. */
  major: MajorRef;
  /** Region-level quality major (自治区级优质中职专业). */
  quality_major?: boolean | null;
  /**
   * The major failed its rectification this year (整改后仍然达不到要求): intake is suspended
   * from the next year on (暂停招生).
   */
  rectification_failed?: boolean | null;
  /** The school's id. */
  school: string;
  /** Calendar year of the intake (招生年度). */
  year: number;
}

/** A major by catalogue code, with the name the submitter used. */
export interface MajorRef {
  /** Catalogue code, e.g. `700206` or `520101K`. */
  code: string;
  /** Name as written by the submitter. */
  name?: string | null;
}

/** A catalogue major as a finding names it: code, name and its 专业大类. */
export interface MajorRef2 {
  /** Its category (专业大类) code, e.g. `71`. */
  category_code: string;
  /** The category's name. */
  category_name: string;
  /** The major's code, e.g. `710201`. */
  code: string;
  /** Its catalogue name. */
  name: string;
}

/** One entry of a school's 汇总表 and the rules it breaks. */
export interface MarkedApplication {
  /** The application, in rank order. */
  application: ApplicationLine;
  /** Ids of the rules with a finding on this application (empty: no rule broken). */
  breaks?: string[];
}

/** What is aggregated. */
export type Measure = "sum" | "count" | "count_distinct" | "share";

/** 合作交流机制建设与完善. */
export interface Mechanisms {
  /** 质量监测 */
  quality_monitoring?: string | null;
  /** 资源共享 */
  resource_sharing?: string | null;
  /** 校企合作 */
  school_enterprise?: string | null;
  /** 校校合作 */
  school_school?: string | null;
  /** 教师交流 */
  teacher_exchange?: string | null;
}

/** One school the text names, as it names it, with the other names it goes by. */
export interface Named {
  /** Other names that denote the same school (衢州市中等专业学校). */
  also?: string[];
  /** The name as the text prints it (衢州中专). */
  name: string;
}

/** A named number or value used to reach the verdict. */
export interface NamedValue {
  /** Field or quantity name. */
  name: string;
  /** Its value, exact (decimals as written, never rounded). */
  value: string;
}

/** A school's filing of a newly set-up major for one school year (新设专业备案). */
export interface NewMajorFiling {
  /** Whether the major meets the prescribed set-up conditions (达到规定条件、符合规定程序). */
  conditions_met?: boolean | null;
  /** Whether the filing was accepted (予以备案). */
  filed?: boolean | null;
  /** The new major, by catalogue code. */
  major: MajorRef;
  /** The school's id. */
  school: string;
  /** School year, e.g. `2023-2024`. */
  school_year: string;
}

/**
 * How a quotient is shown: a plain number (m² per student), a share (60%), or so many of the
 * numerator per one of the denominator (students per teacher, 生师比).
 */
export type Notation = "number" | "percent" | "per_one";

/** A pack could not be loaded or a parameter could not be applied: where, the kind of error (`type`) with its typed fields, and the message. */
export type PackError = {
  /** Column (1-based) where known. */
  column?: number | null;
  /** Line (1-based) where known. */
  line?: number | null;
  /** Where in the pack, e.g. `rules[3] (bj-3p2-2024/semester-meetings).checks[0]`. */
  loc: string;
  /** What is wrong, in English (the same as `msg_en`; kept for earlier callers). */
  message: string;
  /** What is wrong, in English. */
  msg_en: string;
  /** What is wrong, in Chinese. */
  msg_zh: string;
  /** File name, `builtin:<id>`, `pack <id>` or `parameter <key>`. */
  origin: string;
} & ({
  /** The reader's account. */
  detail: string;
  type: "syntax";
} | {
  /** The problems. */
  errors: InputIssue[];
  type: "input";
} | {
  /** What is wrong with it. */
  error: CheckError;
  type: "check";
} | {
  /** The id given. */
  id: string;
  type: "pack_id";
} | {
  /** The id given. */
  id: string;
  /** The pack's id. */
  pack: string;
  type: "rule_id";
} | {
  /** The pack giving it first. */
  first: string;
  /** The rule id. */
  id: string;
  /** The pack giving it again. */
  second: string;
  type: "duplicate_rule_id";
} | {
  /** The pack id. */
  id: string;
  type: "duplicate_pack_id";
} | {
  /** The pack id. */
  id: string;
  type: "reserved_pack_id";
} | {
  /** The rule id. */
  id: string;
  /** The built-in pack owning it; absent for a data-integrity rule. */
  pack?: string | null;
  type: "reserved_rule_id";
} | {
  type: "no_checks";
} | {
  type: "no_quote";
} | {
  /** `effective_from`. */
  from: string;
  type: "effective_dates";
  /** `effective_until`. */
  until: string;
} | {
  /** The id given. */
  id: string;
  /** The built-in pack ids. */
  known: string[];
  type: "unknown_pack";
} | {
  /** The key given. */
  key: string;
  type: "unknown_rule";
} | {
  /** The parameter name. */
  name: string;
  /** The rule id. */
  rule: string;
  type: "unknown_param";
} | {
  /** What is wrong with the check so changed. */
  error: CheckError;
  /** The parameter, `<rule id>.<name>`. */
  key: string;
  type: "param_value";
  /** The value given. */
  value: string;
} | {
  /** The code given. */
  code: string;
  type: "region";
} | {
  /** The campaign's id. */
  id: string;
  type: "campaign";
});

/** A pack used in a run. */
export interface PackRef {
  /** Source document number. */
  document: string;
  /** Pack id. */
  id: string;
  /** Title. */
  title: Text;
  /** Pack version. */
  version: string;
}

/** The period a record belongs to, shown before a message ("2023—2024学年第一学期,…"). */
export type Period = {
  of: "semester";
  /** The semester. */
  semester: Semester;
} | {
  of: "year";
  /** The year. */
  year: number;
} | {
  of: "cohort";
  /** The entry year. */
  year: number;
} | {
  of: "school_year";
  /** The school year. */
  year: string;
};

/** A pilot secondary school's intake into the regional integrated programme in one year. */
export interface PilotEnrollment {
  /**
   * County-level division the school serves (GB/T 2260, e.g. `330881` 江山市), for the
   * 一县一校 coverage goal.
   */
  district?: string | null;
  /** Students enrolled at the secondary stage (中职招生人数). */
  enrolled: number;
  /** The secondary school. */
  school: string;
  /** The year of intake. */
  year: number;
}

/** The Quzhou pilot's tables. */
export interface PilotTables {
  /** Per campus and year, every 细则 indicator. */
  campuses: CampusIndicators[];
  /** The pack. */
  pack: string;
  /** The finance settlement table. */
  settlements: SettlementRow[];
  /** The pack's targets, by goal year. */
  targets_by_year: YearTargets[];
}

/**
 * A value a rule asks for or a record gives, exact: a flag, a number or text (an enumeration's
 * wire name, shown by its label).
 */
export type PlainValue = boolean | string | number | string;

/** Programme mode of a project (DOMAIN.md: 3+2, five-year, through, higher-to-bachelor, pilots). 输入可用中文名称 (Chinese labels accepted on input). */
export type ProgramMode = "three_plus_two" | "five_year" | "through" | "higher_bachelor" | "specialist_pilot" | "regional_integrated";

/** How a five-year programme splits into stages (前3年中职阶段, 后2年高职阶段). */
export interface ProgrammePlan {
  /** First entry year the plan applies to. */
  entry_year?: number | null;
  /** The partner higher school. */
  higher_school?: string | null;
  /** Years of the higher stage. */
  higher_years?: number | null;
  /** The major. */
  major: MajorRef;
  /** The secondary school. */
  school: string;
  /** Years of the secondary stage. */
  secondary_years?: number | null;
}

/** An approved project: one secondary school and one higher school on one major. */
export interface Project {
  /** Year approved (立项). */
  approved_year?: number | null;
  /** Major at the higher stage. */
  higher_major: MajorRef;
  /** The higher school's id. */
  higher_school: string;
  /** Identifier, e.g. `P0007`. */
  id: string;
  /** Programme mode; `three_plus_two` when omitted. */
  mode?: ProgramMode;
  /** Major at the secondary stage. */
  secondary_major?: MajorRef | null;
  /** The secondary school's id (absent for higher-to-bachelor programmes). */
  secondary_school?: string | null;
  /** Where the project stands. */
  standing?: Standing;
}

/** A school's yearly quality monitoring and summary (质量监测和总结). */
export interface QualityMonitoring {
  /** When monitoring and summary were completed. */
  completed_at?: string | null;
  /** The school's id. */
  school: string;
  /** The summary, or its file name. */
  summary?: string | null;
  /** The year monitored. */
  year: number;
}

/**
 * A share such as a transfer rate, kept exact.
 * 
 * ```
 * use xianjie::aggregate::Rate;
 * let r = Rate::new(1, 3);
 * assert_eq!(r.fraction, "1/3");
 * assert!(!r.exact); // 0.333… does not terminate: `rate` is rounded to 28 digits
 * assert_eq!(r.percent().as_deref(), Some("33.33%"));
 * assert_eq!(Rate::new(0, 0).rate, None); // zero denominator: no rate, no panic
 * assert!(!Rate::new(5, 4).consistent);   // more transferred than graduated: reported, not clamped
 * ```
 */
export interface Rate {
  /**
   * False when the numerator exceeds the denominator: the data is inconsistent and the rate is
   * above 1 (reported as is, never clamped).
   */
  consistent: boolean;
  /** The denominator (e.g. secondary graduates). */
  denominator: number;
  /** Whether `rate` is exactly the fraction. */
  exact: boolean;
  /** The exact fraction as written from the data, unreduced, e.g. `45/50`. */
  fraction: string;
  /** The numerator (e.g. students transferred). */
  numerator: number;
  /**
   * The decimal value; `None` when the denominator is zero. Exact when `exact`, otherwise
   * rounded to 28 significant digits (e.g. 1/3).
   */
  rate?: string | number | null;
}

/** The filings that allow intake again after a run of years without it. */
export interface Refiled {
  /** The filings' collection, e.g. `new_major_filings`. */
  entity: EntityKind;
  /** Its fields matching the intake's `group_by`, in the same order. */
  group_by: string[];
  /** Which filings count (e.g. accepted ones: `{ field = "filed", equals = true }`). */
  where?: Filter[];
  /** Its year: a whole year, or a school year such as `2023-2024` (its first year counts). */
  year_field: string;
}

/**
 * The result of checking one dataset against some packs. Serialized with each finding's words
 * rendered on the way out; read back as plain JSON (its schema is `docs/schema/report.schema.json`).
 */
export interface Report {
  /** Findings per rule id. */
  by_rule: {
    [key: string]: number;
  };
  /** Counts by severity. */
  counts: Counts;
  /** The dataset's name, if given. */
  dataset?: string | null;
  /** Findings, sorted by severity, rule id, then place in the input. */
  findings: Finding[];
  /**
   * Problems in the input that were read around (a workbook's or CSV file's cells that could
   * not be read), each located (`file: 学期活动!C3 meetings`). The records they concern were
   * checked without the bad value: a finding a rule raised on exactly that field (which would
   * say the value is missing or judge what is not there) is withheld, and the rule's status
   * says in its `reason` for how many records; a record left out because a required field
   * was unreadable is covered by its issue alone. Any issue makes `ok` false.
   */
  input_issues?: InputIssue[];
  /**
   * True when no error-severity finding and no input issue: problems in the input that were
   * read around (`input_issues`) leave the data not fully judged, so never `ok`.
   */
  ok: boolean;
  /** Packs used. */
  packs: PackRef[];
  /** The dataset's reporting year, if given. */
  reporting_year?: number | null;
  /** Every rule of the packs and what happened to it. */
  rules: RuleStatus[];
  /** Target progress. */
  targets: TargetProgress[];
}

/** One required field and what makes it meaningful. */
export interface RequiredField {
  /**
   * Work the rule requires but the notice does not list among its uploads (the demand
   * research): a missing file is a warning that says so, never an error.
   */
  advisory?: boolean;
  /** The field. */
  field: string;
  /**
   * The field may be left out (or say none, 无): only a value given is checked against
   * `one_of` (a key-chain tag outside the plan's list is reported; no tag is not).
   */
  if_present?: boolean;
  /** Fewest characters a description must have. */
  min_chars?: number | null;
  /** The value must be one of these. */
  one_of?: string[];
  /**
   * Chinese names of the `one_of` values, in the same order, for messages; used only where the
   * field has no labels of its own (a closed-set field such as `head_role` reads 校长 anyway).
   */
  one_of_zh?: string[];
  /** The text must end with this (case-insensitive), e.g. `.pdf`. */
  suffix?: string | null;
}

/** One checkable rule. */
export interface Rule {
  /**
   * The campaign (of the pack's `campaigns`) the rule belongs to: it judges only data of the
   * reporting year that selects that campaign; a later year's data is unchecked unless the
   * user gives the rule's deadline (`at`) as a parameter.
   */
  campaign?: string | null;
  /** What is checked (all must pass). */
  checks: Check[];
  /** Where the rule stands in its source, e.g. `三(二)`. */
  clause: string;
  /** First day in force, when later than the document's date. */
  effective_from?: string | null;
  /** Last day in force, if repealed or time-limited. */
  effective_until?: string | null;
  /** Stable id `<pack>/<slug>` (a public contract). */
  id: string;
  /** How the clause is read, where that needed a decision. */
  interpretation?: string | null;
  /**
   * The first day of the records the rule judges, when earlier than its first day in force:
   * a filing campaign collects data of the period before it (the 2024 campaign asks for the
   * monitoring done by the end of 2023), so its rules judge records of that period.
   */
  judges_from?: string | null;
  /**
   * Why each required parameter is needed, shown when it is missing,
   * e.g. `class_size = { zh = "来源文件未规定班额", en = "the source sets none" }`.
   */
  param_notes?: {
    [key: string]: Text;
  };
  /**
   * The field (a date or a year) that places a record in time for this rule, where the
   * record's own period is not the one the clause speaks of: an obligation arising at intake
   * judges students by `term_start` (an intake before the rule is not judged), while a rule
   * on graduation judges them over their years of study (their own period).
   */
  period_field?: string | null;
  /** The original text of the clause. */
  quote: string;
  /**
   * Parameters the source leaves unset: the user must give them (`--param id.name=value`);
   * until then the rule is reported unchecked. (A value written in the pack itself does not
   * count: a parameter the pack can set is not required.)
   */
  required_params?: string[];
  /** Severity, from the modality of the text. */
  severity: Severity;
  /** Short title in English. */
  title_en: string;
  /** Short title in Chinese. */
  title_zh: string;
  /** Words for messages. */
  wording?: Wording;
}

/** A rule with the pack it belongs to: what a form shows when asked "which clause is this?". */
export interface RuleInfo {
  /** The pack (source document). */
  pack: PackRef;
  /** The rule, with its clause and quote. */
  rule: Rule;
}

/** What the run did with a rule, for a table's notes (a rule left unchecked says why). */
export interface RuleNote {
  /** Why it was not checked, as the report says. */
  reason?: Text | null;
  /** Rule id. */
  rule_id: string;
  /** What happened to it in the run. */
  state: RuleState;
  /** The rule's title. */
  title: Text;
}

/** What happened to one rule in a check run. */
export type RuleState = "passed" | "failed" | "unchecked" | "not_in_force";

/** One rule's status in a run. */
export interface RuleStatus {
  /** Records examined. */
  checked: number;
  /** Findings raised. */
  findings: number;
  /**
   * Why it was not checked, when it was not; for a rule checked on some records only, how
   * many it could not judge because a value they need could not be read (see the report's
   * `input_issues`).
   */
  reason?: Text | null;
  /** Rule id. */
  rule_id: string;
  /** Severity of the rule. */
  severity: Severity;
  /** What happened. */
  state: RuleState;
}

/** One rule's verdict on a row of a table. */
export interface RuleVerdict {
  /** Where the rule stands in its notice, e.g. `细则四`. */
  clause: string;
  /** Rule id. */
  rule_id: string;
  /** The rule's title. */
  title: Text;
  /** The verdict. */
  verdict: Verdict;
}

/** What a run of years is a run of. */
export type RunCondition = {
  is: "below_class";
  /** The class size. */
  size: Fraction;
} | {
  /** The bound. */
  bound: Fraction;
  is: "at_most";
};

/** A literal in a filter: a flag, a whole number or text (enumeration names are text). */
export type Scalar = boolean | number | string;

/** Which reference a code is checked against. */
export type Scheme = "major_secondary" | "major_higher" | "division" | "uscc" | "moe_school";

/** A secondary or higher vocational school. */
export interface School {
  /** County-level division code (GB/T 2260), e.g. `110114`. */
  district?: string | null;
  /** Leading group, responsible office and contact person. */
  governance?: Governance | null;
  /** Identifier used by the other entities of the dataset. */
  id: string;
  /** Independently established (独立设置) higher vocational school. */
  independent?: boolean | null;
  /** Kind of school. */
  level: SchoolLevel;
  /** MoE school code (学校标识码), 10 digits. */
  moe_code?: string | null;
  /** Official name. */
  name: string;
  /** National key secondary vocational school (国家级重点中等职业学校). */
  national_key?: boolean | null;
  /** Unified social credit code (统一社会信用代码, GB 32100-2015). */
  uscc?: string | null;
}

/** One secondary school's applications for one year, in rank order (汇总表). */
export interface SchoolApplications {
  /** Applications by rank (unranked last, then by id). */
  applications: ApplicationLine[];
  /** The secondary school's id. */
  secondary_school: string;
  /** Its name, when the school is in the data. */
  secondary_school_name?: string | null;
  /** Application year. */
  year: number;
}

/** Kind of school. Technician schools (技工学校) count as secondary vocational schools. 输入可用中文名称 (Chinese labels accepted on input). */
export type SchoolLevel = "secondary" | "technician" | "higher" | "vocational_bachelor" | "bachelor";

/** School year and term, e.g. 2023-2024-1 (first semester of 2023–2024) */
export type Semester = string;

/** Work of one project in one semester (京教函〔2024〕51号 三(二)). */
export interface SemesterActivity {
  /** Joint teaching-research activities (双方教师教研活动). */
  joint_research?: number | null;
  /** Joint meetings led by the higher school (专题业务沟通会). */
  meetings?: number | null;
  /** The project's id. */
  project: string;
  /** The semester, e.g. `2023-2024-1`. */
  semester: Semester;
  /** Teachers the higher school sent to the secondary school. */
  teachers_dispatched?: number | null;
}

/** One project's activity in one semester. */
export interface SemesterCompliance {
  /** Every item compliant. */
  compliant: boolean;
  /** Index in `semester_activities`. */
  index: number;
  /** One item per bound of the pack. */
  items: ComplianceItem[];
  /** The project's id. */
  project: string;
  /** The semester. */
  semester: Semester;
}

/** Compliance of all projects in one semester. */
export interface SemesterOverview {
  /** Of those, meeting every minimum. */
  compliant: number;
  /** Project-semester records. */
  records: number;
  /** The semester. */
  semester: Semester;
}

/** One yearly finance settlement (每学年据实结算一次). */
export interface SettlementRow {
  /** Owed: standard × students. */
  appropriation_owed?: string | number | null;
  /** Paid by the higher school to the campus. */
  appropriation_paid?: string | number | null;
  /** The per-student appropriation standard. */
  appropriation_per_student?: string | number | null;
  /** Received by the higher school from the local finance. */
  appropriation_received?: string | number | null;
  /** Students the appropriation is counted on. */
  appropriation_students?: number | null;
  /** The pack's rules on settlements and what the run found on this one. */
  checks: RuleVerdict[];
  /** Custodial and accommodation fees collected. */
  fees_collected?: string | number | null;
  /** Fees passed on to the campus. */
  fees_passed_on?: string | number | null;
  /** The higher school collecting the money. */
  higher_school: string;
  /** Its name, when in the data. */
  higher_school_name?: string | null;
  /** Index in `finance_settlements`. */
  index: number;
  /** The secondary school (the campus's host). */
  school: string;
  /** Its name, when in the data. */
  school_name?: string | null;
  /** Higher-stage tuition collected (CNY). */
  tuition_collected?: string | number | null;
  /** Tuition passed on to the secondary school. */
  tuition_passed_on?: string | number | null;
  /**
   * `tuition_passed_on / tuition_collected`, exact to 28 digits; absent when either is missing
   * or nothing was collected.
   */
  tuition_share?: string | number | null;
  /** The school year settled. */
  year: number;
}

/** How much a finding matters. Follows the modality of the source text (RULES.md). */
export type Severity = "error" | "warning" | "target";

/** One side: a value of `split` and how to name it. */
export interface Side {
  /** English name. */
  en: string;
  /** The value of the split field. */
  value: string;
  /** Chinese name, e.g. `高职阶段专任教师`. */
  zh: string;
}

/** Which side of an application a school is on. */
export type Side2 = "secondary" | "higher";

/** A school's social-service income in one year and the performance pay drawn from it, in yuan. */
export interface SocialServiceIncome {
  /**
   * Whether the school passed its assessment for the year (经考核合格): the 70% ceiling
   * applies to such schools only; absent when not known.
   */
  assessment_passed?: boolean | null;
  /** Social-service income (社会服务收入). */
  income?: string | number | null;
  /** Necessary costs deducted (必要成本). */
  necessary_costs?: string | number | null;
  /** Drawn as a source of performance pay (提取作为绩效工资来源). */
  performance_pay?: string | number | null;
  /** The school's id. */
  school: string;
  /** Year. */
  year: number;
}

/** Which stage's staff a teacher is counted in. 输入可用中文名称 (Chinese labels accepted on input). */
export type Stage = "secondary" | "higher";

/** Where a project stands. 输入可用中文名称 (Chinese labels accepted on input). */
export type Standing = "newly_approved" | "quality_monitored" | "discontinued";

/** The status-data campaign of one reporting year. */
export interface StatusCampaign {
  /**
   * The pack's campaign for that year (the period it reports on, when it closes, its scope);
   * absent when the notice runs none that year. Without a closing time no report is late.
   */
  campaign?: Campaign | null;
  /** One row per district, sorted by code (unknown first). */
  districts: CampaignRow[];
  /** The pack the campaign and the approved list are read from. */
  pack: string;
  /** The reporting year (填报年度) that selected the campaign. */
  reporting_year: number;
  /** One row per secondary school, sorted by district, then school id. */
  schools: CampaignRow[];
  /** The city total. */
  total: CampaignRow;
}

/** One project's status report for one reporting year; figures concern the previous year. */
export interface StatusReport {
  /** Last year's secondary enrollment (上一年度中职学校招生数). */
  enrollment?: number | null;
  /** The school that filed it. */
  filed_by?: string | null;
  /** Last year's secondary graduates who could transfer. */
  graduated_secondary?: number | null;
  /** Integrated-training work (二(二)3). */
  integrated_training?: IntegratedTraining;
  /** The five cooperation mechanisms (二(二)2). */
  mechanisms?: Mechanisms;
  /** The project's id. */
  project: string;
  /** Year of the reporting campaign (the 2024 campaign reports 2023). */
  reporting_year: number;
  /** When it was submitted. */
  submitted_at?: string | null;
  /** Of those, how many transferred to the higher school (成功转段). */
  transferred?: number | null;
}

/** A student of the regional integrated pilot. */
export interface Student {
  /** The tripartite agreement. */
  agreement?: Agreement | null;
  /** Certificates held. */
  certificates?: Certificate[];
  /** Year of entry at the secondary stage. */
  entry_year: number;
  /** Has completed the programme (完成规定学业). */
  graduated?: boolean | null;
  /** The partner higher school. */
  higher_school?: string | null;
  /** Student number (学籍号 or school-issued id). */
  id: string;
  /** The major. */
  major?: MajorRef | null;
  /** Name, for messages. */
  name?: string | null;
  /** The secondary school. */
  school: string;
  /** The first day of term for the new students (开学日期). */
  term_start?: string | null;
}

/** Who a finding is about: a school, a project, a project in a semester, an application. */
export interface Subject {
  /** English description. */
  en: string;
  /** The collection it comes from. */
  entity: EntityKind;
  /** Its identifier (or a composite such as `P0007 2023-2024-1`). */
  id: string;
  /** Chinese description. */
  zh: string;
}

/** One document submitted for one year, by a school or by a county-level education bureau. */
export interface Submission {
  /** The submitting county-level division (GB/T 2260), for a district's submission. */
  district?: string | null;
  /** The file uploaded or sent. */
  file?: string | null;
  /** Which document. */
  kind: SubmissionKind;
  /** The submitting school's id; absent for a district's submission. */
  school?: string | null;
  /** When it was submitted. */
  submitted_at?: string | null;
  /** The year it is for (the application year; the year summarised). */
  year: number;
}

/** Which document it is. 输入可用中文名称 (Chinese labels accepted on input). */
export type SubmissionKind = "application_summary" | "major_building_summary";

/** Everything `xianjie summary` prints. */
export interface Summary {
  /**
   * Beijing: each secondary school's printable 汇总表, entries marked with the rules they break
   * (when the run used the Beijing 3+2 pack).
   */
  application_sheets?: ApplicationSheet[];
  /** Each secondary school's applications in rank order (汇总表). */
  applications: SchoolApplications[];
  /** New applications per school and year, both sides. */
  applications_per_school: ApplicationCount[];
  /** Hohhot: the major ledger (when the run used its pack). */
  major_ledger?: MajorLedger | null;
  /** Quzhou: indicators per campus, settlements, targets by year (when the run used its pack). */
  pilot?: PilotTables | null;
  /** Semester compliance, per semester. */
  semesters: SemesterOverview[];
  /**
   * Beijing: the status-data campaign of the reporting year, by district and school (when the
   * run used the Beijing 3+2 pack and the data has projects or status reports).
   */
  status_campaign?: StatusCampaign | null;
  /** Target progress from the report. */
  targets: TargetProgress[];
  /** Transfer rate per 大类. */
  transfer_by_category: TransferRow[];
  /** Transfer rate per district of the secondary school. */
  transfer_by_district: TransferRow[];
  /** City-wide transfer rate per entry year. */
  transfer_by_year: TransferRow[];
}

/** Progress towards a region-wide target (severity `target`): never a form error. */
export interface TargetProgress {
  /** Whether the goal is approximate (左右, "about 12"): reported, never missed. */
  approximate?: boolean;
  /** The goal (exact). */
  goal: string;
  /** The group, for per-group goals (a school id, an industry chain). */
  group?: string | null;
  /** Progress in words. */
  message: Text;
  /** Whether the goal is met. */
  met: boolean;
  /** Whether the year is still to come relative to the data (progress, not a verdict). */
  pending: boolean;
  /** Rule id. */
  rule_id: string;
  /** A stretch goal, where the source sets one (力争). */
  stretch?: string | null;
  /** The value reached (exact). */
  value: string;
  /** The year the goal is for. */
  year: number;
}

/** One teacher counted in one school's staff for one stage. */
export interface Teacher {
  /** 专任教师 (full-time), as opposed to part-time or visiting. */
  full_time: boolean;
  /** Name, for messages. */
  name?: string | null;
  /**
   * Who the person is, stable across staffs: a hash of the national ID number or a staff number
   * (人员标识). Two records with the same `person` are the same teacher.
   */
  person: string;
  /** The school whose staff lists the teacher. */
  school: string;
  /** The stage whose staff the record belongs to. */
  stage: Stage;
  /** The year of the staff list. */
  year?: number | null;
}

/** Text in both languages, Chinese first. */
export interface Text {
  /** English. */
  en: string;
  /** Chinese. */
  zh: string;
}

/** A threshold (`"15"`, `"6.5"`, `"60%"`, `"1/3"`) that is not an exact, non-negative number. */
export type ThresholdError = {
  /** The text given (abbreviated when long). */
  found: string;
  type: "not_a_number";
} | {
  /** The text given (abbreviated when long). */
  found: string;
  type: "too_precise";
} | {
  /** The text given (abbreviated when long). */
  found: string;
  type: "denominator";
} | {
  /** The text given (abbreviated when long). */
  found: string;
  type: "negative";
} | {
  /** The number given. */
  found: string;
  type: "float";
};

/** One major's training plan (人才培养方案 / 教学计划) for one entry year. */
export interface TrainingPlan {
  /** The major. */
  major: MajorRef;
  /** The school's id, where known. */
  school?: string | null;
  /** Total planned teaching hours (教学计划总学时). */
  total_hours?: number | null;
  /** Planned hours of practice at employers (在用人单位的实践学习学时). */
  workplace_practice_hours?: number | null;
  /** Entry year the plan applies to. */
  year: number;
}

/** Transfer figures of one group of cohorts. */
export interface TransferRow {
  /** Cohorts in the group. */
  cohorts: number;
  /** Students enrolled (all cohorts of the group). */
  enrolled: number;
  /** Secondary graduates, over the cohorts that report both graduates and transfers. */
  graduated: number;
  /** Cohorts left out of `graduated`/`transferred` because one of the two figures is missing. */
  incomplete: number;
  /** The group's keys, in the order asked for. */
  keys: GroupKey[];
  /** `transferred / graduated`. */
  rate: Rate;
  /** Students transferred (转段), over the same cohorts. */
  transferred: number;
}

/** The type of a field, checked when a pack is loaded; named in pack errors as `integer`, `text`, …. */
export type ValueKind = "integer" | "decimal" | "text" | "timestamp" | "date" | "boolean";

/** What the check run said about one rule on one record (or group of records). */
export type Verdict = "passed" | "failed" | "unchecked" | "not_in_force" | "not_applicable";

/** Rule-specific words used to build messages: what is counted, its unit, the period, the fix. */
export interface Wording {
  /** Unit of a ratio's denominator, e.g. `teacher(s)`. */
  denominator_unit_en?: string | null;
  /** Unit of a ratio's denominator, e.g. `人`. */
  denominator_unit_zh?: string | null;
  /** e.g. `joint meetings led by the higher school`. */
  metric_en?: string | null;
  /** What is measured, e.g. `高职学校牵头召开的双方专题业务沟通会`. */
  metric_zh?: string | null;
  /** Period, e.g. `per semester`. */
  per_en?: string | null;
  /** Period, e.g. `每学期`. */
  per_zh?: string | null;
  /** Remedy with `{n}`, e.g. `{n} more {meeting|meetings} needed` (`{one|many}` picks by `n`). */
  remedy_en?: string | null;
  /** Remedy with `{n}` (and, for ratios, `{m}`: the alternative change), e.g. `还需召开{n}次`. */
  remedy_zh?: string | null;
  /** Unit, e.g. `meeting(s)`. */
  unit_en?: string | null;
  /** Unit, e.g. `次`. */
  unit_zh?: string | null;
}

/** The targets of one year. */
export interface YearTargets {
  /** Progress toward each target of that year, as the run computed it. */
  targets: TargetProgress[];
  /** The goal year. */
  year: number;
}

/** One year of a series and its value. */
export interface YearValue {
  /** The value that year. */
  value: string | number;
  /** The year. */
  year: number;
}

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = { [key: string]: unknown };

/** The name of a collection of the dataset, as in the JSON document (`checkField`'s `kind`). */
export type CollectionName = "schools" | "projects" | "applications" | "cohorts" | "semester_activities" | "status_reports" | "quality_monitoring" | "major_offerings" | "new_major_filings" | "training_plans" | "enterprise_offsets" | "social_service_income" | "city_capacity" | "higher_campuses" | "teachers" | "finance_settlements" | "students" | "programme_plans" | "pilot_enrollments" | "graduate_employment" | "submissions";
