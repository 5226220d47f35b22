# Generated from the core's JSON Schemas by py/tests/generated.rs; do not edit.
# Regenerate: XIANJIE_BLESS=1 cargo test -p xianjie-py --test generated
"""The report and input-problem types, field for field as the core's (see
``docs/schema/report.schema.json``). Built from the core's JSON by ``_decode.decode``.
Methods users call beyond the fields come from ``_mixins``."""

from __future__ import annotations

from dataclasses import dataclass, field as _field
from decimal import Decimal
from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

from . import _mixins

#: An exact number the core wrote as text: a ``Decimal`` when the text is one, else the
#: text itself (a goal may read ``>3``).
Exact = Union[Decimal, str]

DivisionLevel = Union[Literal["province"], Literal["city"], Literal["county"]]
"""Tier of an administrative division."""


EducationLevel = Union[Literal["secondary"], Literal["associate"], Literal["bachelor"]]
"""Level of vocational education a catalogue code belongs to."""


EntityKind = Union[
    Literal["schools"],
    Literal["projects"],
    Literal["applications"],
    Literal["cohorts"],
    Literal["semester_activities"],
    Literal["status_reports"],
    Literal["quality_monitoring"],
    Literal["major_offerings"],
    Literal["new_major_filings"],
    Literal["training_plans"],
    Literal["enterprise_offsets"],
    Literal["social_service_income"],
    Literal["city_capacity"],
    Literal["higher_campuses"],
    Literal["teachers"],
    Literal["finance_settlements"],
    Literal["students"],
    Literal["programme_plans"],
    Literal["pilot_enrollments"],
    Literal["graduate_employment"],
    Literal["submissions"],
]
"""The collections of a dataset (a closed list: packs name them, code implements them)."""


FindingCode = Union[
    Literal["below_minimum"],
    Literal["above_maximum"],
    Literal["missing"],
    Literal["placeholder"],
    Literal["wrong_format"],
    Literal["not_allowed"],
    Literal["zero_denominator"],
    Literal["late"],
    Literal["too_many"],
    Literal["too_few"],
    Literal["bad_ranking"],
    Literal["wrong_role"],
    Literal["mismatch"],
    Literal["excluded"],
    Literal["absent"],
    Literal["unknown_reference"],
    Literal["duplicate_id"],
    Literal["duplicate_period"],
    Literal["exceeds"],
    Literal["consecutive"],
    Literal["progress"],
    Literal["invalid_code"],
]
"""Stable code of what went wrong, for filtering (like pydantic's error `type`)."""


Form = Union[Literal["phone"], Literal["email"]]
"""A form a text must have."""


GroupBy = Union[
    Literal["project"],
    Literal["secondary_school"],
    Literal["higher_school"],
    Literal["major"],
    Literal["category"],
    Literal["district"],
    Literal["entry_year"],
]
"""What to group cohorts by."""


IndicatorForm = Union[
    Literal["per_unit"],
    Literal["percent"],
    Literal["colon"],
    Literal["count"],
    Literal["conditions"],
]
"""How an indicator's value reads."""


InputErrorKind = Union[
    Literal["syntax"],
    Literal["type"],
    Literal["value"],
    Literal["missing"],
    Literal["unknown_field"],
    Literal["duplicate_key"],
    Literal["io"],
    Literal["limit"],
]
"""What kind of input problem, stable for filtering and translation."""


Notation = Union[Literal["number"], Literal["percent"], Literal["per_one"]]
"""How a quotient is shown: a plain number (m² per student), a share (60%), or so many of the
numerator per one of the denominator (students per teacher, 生师比).
"""


RuleState = Union[Literal["passed"], Literal["failed"], Literal["unchecked"], Literal["not_in_force"]]
"""What happened to one rule in a check run."""


Scheme = Union[
    Literal["major_secondary"],
    Literal["major_higher"],
    Literal["division"],
    Literal["uscc"],
    Literal["moe_school"],
]
"""Which reference a code is checked against."""


SchoolLevel = Union[
    Literal["secondary"],
    Literal["technician"],
    Literal["higher"],
    Literal["vocational_bachelor"],
    Literal["bachelor"],
]
"""Kind of school. Technician schools (技工学校) count as secondary vocational schools. 输入可用中文名称 (Chinese labels accepted on input)."""


Severity = Union[Literal["error"], Literal["warning"], Literal["target"]]
"""How much a finding matters. Follows the modality of the source text (RULES.md)."""


Side = Union[Literal["secondary"], Literal["higher"]]
"""Which side of an application a school is on."""


ValueKind = Union[
    Literal["integer"],
    Literal["decimal"],
    Literal["text"],
    Literal["timestamp"],
    Literal["date"],
    Literal["boolean"],
]
"""The type of a field, checked when a pack is loaded; named in pack errors as `integer`, `text`, …."""


Verdict = Union[
    Literal["passed"],
    Literal["failed"],
    Literal["unchecked"],
    Literal["not_in_force"],
    Literal["not_applicable"],
]
"""What the check run said about one rule on one record (or group of records)."""


@dataclass(frozen=True)
class ApplicationCount:
    """How many applications a school is party to in a year, on one side."""

    school: str
    """The school's id."""
    side: Side
    """The side."""
    year: int
    """Application year."""
    count: int
    """Applications."""
    name: Optional[str] = None
    """Its name, when in the data."""


@dataclass(frozen=True)
class ApplicationLine:
    """One application in a school's summary, in rank order."""

    id: str
    """Application id."""
    index: int
    """Index in `applications` (for locating it in the input)."""
    higher_school: str
    """The higher school's id."""
    secondary_major: MajorRef2
    """Major at the secondary stage."""
    higher_major: MajorRef2
    """Major at the higher stage."""
    attachments_complete: bool
    """All three attachments given (sealed form, training plan, demand research). Form is not
    judged here; the attachments rule does that.
    """
    higher_school_name: Optional[str] = None
    """The higher school's name, when the school is in the data."""
    rank: Optional[int] = None
    """The rank the secondary school gave it (1 = first); `None` when not ranked."""
    submitted_at: Optional[str] = None
    """When submitted."""


@dataclass(frozen=True)
class ApplicationSheet:
    """One secondary school's printable 汇总表 for one year."""

    title: str
    """The title, as the notice names the table (《2024年拟新增“3+2”中高职衔接申报项目汇总表》),
    with the sheet's year.
    """
    secondary_school: str
    """The secondary school's id."""
    year: int
    """Application year."""
    applications: List[MarkedApplication]
    """The applications in rank order, each with the rules it breaks."""
    breaks: List[str] = _field(default_factory=list)
    """Rules broken by the sheet's upload itself (a 汇总表 not a PDF, or late)."""
    date: Optional[str] = None
    """The sheet's date (Beijing): when the school uploaded its sealed 汇总表, else its latest
    application; absent when the data has neither (the printed sheet leaves it to be written).
    """
    secondary_school_name: Optional[str] = None
    """Its name, when the school is in the data."""


@dataclass(frozen=True)
class Campaign:
    """One filing campaign of a notice (a 填报 round): the reporting year that selects it, the
    period its data covers, and when it closes.
    """

    id: str
    """Id, named by the rules tied to it, e.g. `2024`."""
    reporting_year: int
    """The dataset reporting year that selects this campaign."""
    reports_from: str
    """First day of the period the campaign reports on."""
    reports_until: str
    """Last day of the period the campaign reports on."""
    scope_zh: str
    """What the campaign covers, in Chinese (e.g. `2023年新增立项和通过质量监测的447个项目`)."""
    scope_en: str
    """What the campaign covers, in English."""
    closes: Optional[str] = None
    """When uploads close, e.g. `2024-02-27T17:00:00+08:00`; absent while the notice leaves it
    to a later announcement (另行通知).
    """


@dataclass(frozen=True)
class CampaignRow:
    """One row of the campaign table: a secondary school, a district, or the whole city."""

    approved: int
    """Projects on the approved list this campaign covers."""
    filed: int
    """Of those, with a report of the campaign's reporting year."""
    missing: int
    """Of those, without one."""
    late: int
    """Reports of listed projects submitted after the campaign closed."""
    unlisted: int
    """Reports of the year for projects not on the approved list (附件4: the pack's `listed`
    check, e.g. a discontinued project) or not in the data. A report of a listed project the
    campaign does not require (a five-year project before its first campaign) is neither
    filed nor off the list; its figures count.
    """
    enrollment: int
    """二(二)1: the previous year's secondary enrollment, summed over the reports of the year."""
    graduated: int
    """Secondary graduates who could transfer, summed over the reports giving both figures."""
    transferred: int
    """Students who transferred (转段升学), over the same reports."""
    reports_incomplete: int
    """Reports of the year lacking the enrollment, the graduates or the transfers."""
    transfer_rate: Rate
    """`transferred / graduated`."""
    district: Optional[str] = None
    """The district (区) of the school, GB/T 2260 code; absent for the city total, or when the
    school gives none.
    """
    district_name: Optional[str] = None
    """The district's name."""
    late_projects: List[str] = _field(default_factory=list)
    """The projects whose report came late, by id."""
    missing_projects: List[str] = _field(default_factory=list)
    """The projects missing a report, by id."""
    school: Optional[str] = None
    """The secondary school's id (the higher school's for a project without one); absent on the
    district and city rows.
    """
    school_name: Optional[str] = None
    """The school's name, when it is in the data."""
    unlisted_projects: List[str] = _field(default_factory=list)
    """The projects off the list that reported, by id."""


@dataclass(frozen=True)
class CampusIndicators:
    """One higher-stage campus (高职校区) in one year and its indicators."""

    index: int
    """Index in `higher_campuses`."""
    school: str
    """The secondary school hosting the campus."""
    year: int
    """The year."""
    indicators: List[Indicator]
    """Every indicator of the pack on campuses, in the pack's order."""
    failed: int
    """Indicators failed."""
    higher_school: Optional[str] = None
    """The partner higher school, when given."""
    higher_school_name: Optional[str] = None
    """Its name, when in the data."""
    school_name: Optional[str] = None
    """Its name, when in the data."""
    students: Optional[int] = None
    """Higher-stage students."""


@dataclass(frozen=True)
class CapLimit:
    """One limit as applied to a record, for a finding: `share × base = amount`."""

    of: FieldName
    """The field the limit is taken from."""
    base: Decimal
    """The field's value."""
    amount: Decimal
    """The limit, in money (rounded down to the cent)."""
    share: Optional[Fraction] = None
    """The share of it allowed; the whole of it when absent."""


@dataclass(frozen=True)
class Cell:
    """A cell of a workbook or CSV file, for findings on tabular input."""

    sheet: str
    """Sheet name (the file name for CSV)."""
    row: int
    """Row, 1-based as shown by spreadsheet programs."""
    column: str
    """Column letter(s), e.g. `D`."""


@dataclass(frozen=True)
class CheckErrorNotATable:
    """A check is not a table."""

    type: Literal["not_a_table"]
    found: str
    """What was found, as JSON."""


@dataclass(frozen=True)
class CheckErrorKindNotText:
    """`kind` is not text."""

    type: Literal["kind_not_text"]
    found: str
    """What was found, as JSON."""


@dataclass(frozen=True)
class CheckErrorMissingKind:
    """`kind` is absent."""

    type: Literal["missing_kind"]


@dataclass(frozen=True)
class CheckErrorUnknownKind:
    """No such check kind."""

    type: Literal["unknown_kind"]
    kind: str
    """The kind given."""
    known: List[str]
    """Every kind."""


@dataclass(frozen=True)
class CheckErrorParam:
    """A parameter of a check of a known kind could not be read; `detail` is the reader's account."""

    type: Literal["param"]
    kind: str
    """The check's kind."""
    at: str
    """Where in the check, e.g. `min` (empty for the check itself)."""
    detail: str
    """The reader's account."""


@dataclass(frozen=True)
class CheckErrorThreshold:
    """A threshold of a check of a known kind is not an exact number it can keep."""

    type: Literal["threshold"]
    kind: str
    """The check's kind."""
    at: str
    """Where in the check, e.g. `min`."""
    error: ThresholdError
    """What is wrong with the number."""


@dataclass(frozen=True)
class CheckErrorUnknownField:
    """The entity has no such field."""

    type: Literal["unknown_field"]
    entity: EntityKind
    """The entity."""
    field: str
    """The field named."""
    known: List[str]
    """Its fields."""


@dataclass(frozen=True)
class CheckErrorFieldKind:
    """The field is of a type the check cannot use."""

    type: Literal["field_kind"]
    entity: EntityKind
    """The entity."""
    field: str
    """The field."""
    found: ValueKind
    """Its type."""
    wanted: List[ValueKind]
    """The types the check can use."""


@dataclass(frozen=True)
class CheckErrorEmpty:
    """A list parameter is empty."""

    type: Literal["empty"]
    param: str
    """The parameter."""


@dataclass(frozen=True)
class CheckErrorNeedsOneOf:
    """None of these parameters is given; at least one is needed."""

    type: Literal["needs_one_of"]
    params: List[str]
    """The parameters."""


@dataclass(frozen=True)
class CheckErrorExactlyOneOf:
    """Not exactly one of these parameters is given."""

    type: Literal["exactly_one_of"]
    params: List[str]
    """The parameters."""


@dataclass(frozen=True)
class CheckErrorAtMostOneOf:
    """More than one of these parameters is given; they exclude each other."""

    type: Literal["at_most_one_of"]
    params: List[str]
    """The parameters."""


@dataclass(frozen=True)
class CheckErrorOutOfRange:
    """A number outside its range."""

    type: Literal["out_of_range"]
    param: str
    """The parameter."""
    found: str
    """The value given."""
    max: Optional[str] = None
    """Greatest allowed value, if any."""
    min: Optional[str] = None
    """Least allowed value, if any."""


@dataclass(frozen=True)
class CheckErrorNotWholeNumber:
    """A number that must be a whole number of at least 1."""

    type: Literal["not_whole_number"]
    param: str
    """The parameter."""
    found: str
    """The value given."""


@dataclass(frozen=True)
class CheckErrorNotPositive:
    """A number that must be above zero."""

    type: Literal["not_positive"]
    param: str
    """The parameter."""


@dataclass(frozen=True)
class CheckErrorUnknownFlag:
    """A school flag the model does not have."""

    type: Literal["unknown_flag"]
    flag: str
    """The flag named."""
    known: List[str]
    """The flags known."""


@dataclass(frozen=True)
class CheckErrorFilterCondition:
    """A filter without a condition."""

    type: Literal["filter_condition"]
    field: str
    """The filtered field."""


@dataclass(frozen=True)
class CheckErrorFilterValue:
    """A filter value of the wrong type for its field."""

    type: Literal["filter_value"]
    field: str
    """The filtered field."""
    value: str
    """The value given, as JSON."""
    wanted: ValueKind
    """The field's type."""


@dataclass(frozen=True)
class CheckErrorLabelCount:
    """A list of labels not as long as the list of values it labels."""

    type: Literal["label_count"]
    field: str
    """The field."""
    labels: int
    """Number of labels (`one_of_zh`)."""
    values: int
    """Number of values (`one_of`)."""


@dataclass(frozen=True)
class CheckErrorSameValues:
    """Two values that must differ are the same."""

    type: Literal["same_values"]
    param: str
    """The parameter."""
    value: str
    """The value given twice."""


@dataclass(frozen=True)
class CheckErrorMeasureNeeds:
    """A target's measure lacks its parameters: one of the sets in `needs` is required."""

    type: Literal["measure_needs"]
    measure: str
    """The measure."""
    needs: List[List[str]]
    """The sets of parameters, any one of which would do."""


@dataclass(frozen=True)
class CheckErrorMeasureForbids:
    """A target's measure given parameters belonging to another."""

    type: Literal["measure_forbids"]
    measure: str
    """The measure."""
    params: List[str]
    """The parameters it does not take."""


@dataclass(frozen=True)
class Counts:
    """Counts of findings by severity."""

    error: int
    """Error findings."""
    warning: int
    """Warning findings."""
    target: int
    """Target findings."""


@dataclass(frozen=True)
class DetailBound:
    """A value on one side of a bound (`code` says which: below a minimum, above a maximum)."""

    shape: Literal["bound"]
    field: FieldName
    """The field."""
    value: Decimal
    """Its value."""
    bound: Fraction
    """The bound it fails."""
    need: Decimal
    """How much more (below a minimum) or less (above a maximum) passes."""
    chosen_by: Optional[FlagChoice] = None
    """The school flag that chose the bound, when it depends on one."""


@dataclass(frozen=True)
class DetailRatio:
    """numerator ÷ denominator on one side of a bound (`code` says which)."""

    shape: Literal["ratio"]
    numerator: FieldName
    """The numerator's field."""
    denominator: FieldName
    """The denominator's field."""
    num: Decimal
    """The numerator's value."""
    den: Decimal
    """The denominator's value."""
    bound: Fraction
    """The bound the quotient fails."""
    notation: Notation
    """How the quotient is shown."""
    need: Decimal
    """The smallest change that passes: more numerator (below a minimum) or more
    denominator (above a maximum).
    """
    or_less: Optional[Decimal] = None
    """The other way to pass, where there is one: less denominator (below a minimum) or
    less numerator (above a maximum).
    """


@dataclass(frozen=True)
class DetailZeroDenominator:
    """A ratio whose denominator is zero (or negative): it cannot be computed, so it fails."""

    shape: Literal["zero_denominator"]
    numerator: FieldName
    """The numerator's field."""
    denominator: FieldName
    """The denominator's field."""
    num: Decimal
    """The numerator's value."""
    den: Decimal
    """The denominator's value."""
    need: Optional[Decimal] = None
    """How much denominator an upper bound needs (teachers for the students there are);
    none under a lower bound, where no denominator makes the data meaningful.
    """


@dataclass(frozen=True)
class DetailMissing:
    """A value the rule needs is not given."""

    shape: Literal["missing"]
    field: FieldName
    """The field."""


@dataclass(frozen=True)
class DetailNotUploaded:
    """An attachment that is not uploaded."""

    shape: Literal["not_uploaded"]
    field: FieldName
    """The attachment's field."""


@dataclass(frozen=True)
class DetailPlaceholder:
    """Text that says nothing (无, 略, 同上 …)."""

    shape: Literal["placeholder"]
    field: FieldName
    """The field."""
    text: str
    """What it says."""


@dataclass(frozen=True)
class DetailTooShort:
    """A description shorter than the rule asks."""

    shape: Literal["too_short"]
    field: FieldName
    """The field."""
    chars: int
    """Its length in characters."""
    min: int
    """The fewest characters allowed."""


@dataclass(frozen=True)
class DetailWrongFileType:
    """A file of the wrong type."""

    shape: Literal["wrong_file_type"]
    field: FieldName
    """The field."""
    file: str
    """The file name given."""
    suffix: str
    """The ending it must have, e.g. `.pdf`."""


@dataclass(frozen=True)
class DetailNotOneOf:
    """A value not among the allowed ones."""

    shape: Literal["not_one_of"]
    field: FieldName
    """The field."""
    value: str
    """The value given (an enumeration's wire name where the field is one)."""
    allowed: List[str]
    """The allowed values."""


@dataclass(frozen=True)
class DetailNoCompanion:
    """A record without its companion record for a year (a project without its status report)."""

    shape: Literal["no_companion"]
    companion: EntityKind
    """The companion collection."""
    year: int
    """The year the companion is for."""


@dataclass(frozen=True)
class DetailDeadline:
    """An instant later than its deadline, or not given where the deadline needs it."""

    shape: Literal["deadline"]
    field: FieldName
    """The timestamp's field."""
    deadline: str
    """The deadline."""
    at: Optional[str] = None
    """When it happened; absent when not given."""


@dataclass(frozen=True)
class DetailDueWithin:
    """A date later than another date of the record plus a period, or not given."""

    shape: Literal["due_within"]
    field: FieldName
    """The date's field."""
    base_field: FieldName
    """The field the period starts from."""
    base: str
    """The date the period starts from."""
    months: int
    """Calendar months of the period."""
    days: int
    """Days of the period."""
    end: str
    """The last day allowed."""
    date: Optional[str] = None
    """The date given; absent when not given."""
    moved_from: Optional[str] = None
    """The calendar last day, where it was a rest day and `end` is the day after the rest
    days (民法典 第二百零三条).
    """


@dataclass(frozen=True)
class DetailConsecutive:
    """A condition that held for consecutive years."""

    shape: Literal["consecutive"]
    field: FieldName
    """The field read each year."""
    series: List[YearValue]
    """The years of the run and their values, in order."""
    condition: RunCondition
    """The condition."""
    years: int
    """How many years in a row make a finding."""


@dataclass(frozen=True)
class DetailUnequal:
    """A value other than the one required, or none."""

    shape: Literal["unequal"]
    field: FieldName
    """The field."""
    want: PlainValue
    """The value required."""
    found: Optional[PlainValue] = None
    """The value given; absent when not given."""


@dataclass(frozen=True)
class DetailGroupCount:
    """How many records a group has, against a bound (`code`: too many, too few)."""

    shape: Literal["group_count"]
    group: str
    """The group, as readers know it: the school's name, or the group's values."""
    count: int
    """Records in the group."""
    bound: Fraction
    """The bound it fails."""
    need: Decimal
    """How many fewer (too many) or more (too few) records pass."""
    chosen_by: Optional[FlagChoice] = None
    """The school flag that chose the bound, when it depends on one."""
    level: Optional[SchoolLevel] = None
    """The school's level, naming the kind of school the bound is for (国家级重点中职学校)."""


@dataclass(frozen=True)
class DetailRanking:
    """Ranks within a group that do not run 1, 2, … n, each once."""

    shape: Literal["ranking"]
    group: str
    """The group, as readers know it."""
    ranks: List[int]
    """The ranks given, in ascending order (records without one are not listed)."""
    unranked: int
    """Records of the group without a rank."""


@dataclass(frozen=True)
class DetailExclusion:
    """Two values of a field that exclude each other occur together within a group."""

    shape: Literal["exclusion"]
    group: str
    """The group, as readers know it (school, major)."""
    field: FieldName
    """The field compared."""
    values: List[str]
    """The two values (wire names; labelled when rendered)."""
    ids: List[List[str]]
    """Ids of the records with each value."""


@dataclass(frozen=True)
class DetailOverlap:
    """One identity counted under two values of a field (a teacher in both staffs)."""

    shape: Literal["overlap"]
    person: str
    """The identity (an ID-number hash, a staff number)."""
    sides_zh: List[str]
    """The pack's Chinese names of the two sides."""
    sides_en: List[str]
    """The pack's English names of the two sides."""
    schools: List[Optional[str]]
    """The school of each side, where given."""
    name: Optional[str] = None
    """The person's name, where given."""


@dataclass(frozen=True)
class DetailRoleLevel:
    """A school named in a role is not of an allowed level."""

    shape: Literal["role_level"]
    field: FieldName
    """The field naming the school."""
    school: str
    """The school's name."""
    level: SchoolLevel
    """Its level."""
    allowed: List[SchoolLevel]
    """The levels allowed."""


@dataclass(frozen=True)
class DetailRoleFlag:
    """A school named in a role lacks a flag the role requires (independently established), or
    does not state it.
    """

    shape: Literal["role_flag"]
    field: FieldName
    """The field naming the school."""
    school: str
    """The school's name."""
    level: SchoolLevel
    """Its level."""
    flag: FieldName
    """The flag required."""
    stated: bool
    """Whether the school states the flag at all (false: not given)."""


@dataclass(frozen=True)
class DetailNotSameAs:
    """A field differs from the field of the record's project it must equal; `actual` is none
    when it is not given.
    """

    shape: Literal["not_same_as"]
    field: FieldName
    """The field checked."""
    project_field: FieldName
    """The project's field."""
    expected: str
    """The value it must be."""
    actual: Optional[str] = None
    """The value given (a school's name where it names one)."""


@dataclass(frozen=True)
class DetailImplies:
    """A flag is true without the flag it requires being true."""

    shape: Literal["implies"]
    if_true: FieldName
    """The flag that is true."""
    then_true: FieldName
    """The flag that must then be true."""
    given: bool
    """Whether the second flag is given (false: not filled in; true: it is \"no\")."""


@dataclass(frozen=True)
class DetailAnyOf:
    """Fewer of several flags hold than required."""

    shape: Literal["any_of"]
    missing: List[FieldName]
    """The flags that do not hold."""
    held: int
    """How many hold."""
    min: int
    """How many must hold."""
    of: int
    """How many flags there are."""


@dataclass(frozen=True)
class DetailBadCode:
    """A code that fails its reference: a unified social credit code, a MoE school code, a
    division code, a major code (`problem` says what is wrong).
    """

    shape: Literal["bad_code"]
    field: FieldName
    """The field."""
    code: str
    """The code as written (trimmed)."""
    scheme: Scheme
    """The reference it is checked against."""


@dataclass(frozen=True)
class DetailMajorName:
    """A major's name differs from the catalogue's name for its code."""

    shape: Literal["major_name"]
    field: FieldName
    """The name field."""
    name: str
    """The name as written."""
    code: str
    """The major code."""
    catalogue: str
    """The catalogue's name for the code."""


@dataclass(frozen=True)
class DetailCategoryMismatch:
    """The secondary and higher majors of a pairing are not in parallel categories (专业大类)."""

    shape: Literal["category_mismatch"]
    secondary: MajorRef
    """The secondary major."""
    higher: MajorRef
    """The higher major."""
    parallel: str
    """The higher category parallel to the secondary one."""
    parallel_name: str
    """Its name."""


@dataclass(frozen=True)
class DetailExceeds:
    """A value above another field of the same record it can never exceed."""

    shape: Literal["exceeds"]
    field: FieldName
    """The field."""
    limit: FieldName
    """The field it may not exceed."""
    value: Decimal
    """The field's value."""
    limit_value: Decimal
    """The limit field's value."""


@dataclass(frozen=True)
class DetailPassThrough:
    """Money to be passed on, in full or a share, and what was (`code`: below the minimum, or
    the amount paid missing).
    """

    shape: Literal["pass_through"]
    owed_field: FieldName
    """The amount received (or the per-unit amount, with `times_field`)."""
    paid_field: FieldName
    """The amount passed on."""
    base: Decimal
    """The owed field's value."""
    owed: Decimal
    """The amount owed (base × count)."""
    required: Decimal
    """The amount to pass on (share × owed), exact."""
    short: Decimal
    """The shortfall, rounded up to the cent."""
    count: Optional[Decimal] = None
    """The count, with `times_field`."""
    paid: Optional[Decimal] = None
    """The amount passed on, where given."""
    share: Optional[Fraction] = None
    """The smallest share to pass on; all of it when absent."""
    times_field: Optional[FieldName] = None
    """The count the per-unit amount is multiplied by."""


@dataclass(frozen=True)
class DetailCap:
    """A value above the smallest of its limits."""

    shape: Literal["cap"]
    field: FieldName
    """The capped field."""
    value: Decimal
    """Its value."""
    limit: Decimal
    """The limit that applies (the smallest)."""
    over: Decimal
    """How much over it."""
    limits: List[CapLimit]
    """Each limit the record gives a base for."""


@dataclass(frozen=True)
class DetailDuplicateId:
    """Two records of a collection share one id."""

    shape: Literal["duplicate_id"]
    id: str
    """The id."""
    first: int
    """Index of the first record with it."""


@dataclass(frozen=True)
class DetailDuplicatePeriod:
    """Two records of a collection without ids (cohorts, status reports, semester activities)
    are for one project and one period (entry year, reporting year, semester).
    The project and the period are the finding's subject id (`P1 2020`).
    """

    shape: Literal["duplicate_period"]
    first: int
    """Index of the first record with them."""


@dataclass(frozen=True)
class DetailUnknownReference:
    """A reference to a record the data does not have."""

    shape: Literal["unknown_reference"]
    field: FieldName
    """The referring field."""
    target: EntityKind
    """The collection referred to."""
    id: str
    """The id referred to."""


@dataclass(frozen=True)
class DetailUploadNotListed:
    """A file for work the rule requires but the notice does not list among its uploads (the
    demand research): not uploaded, reported as a warning at most.
    """

    shape: Literal["upload_not_listed"]
    field: FieldName
    """The field."""


@dataclass(frozen=True)
class DetailBadForm:
    """Text not of the form it must have (a telephone number, an e-mail address)."""

    shape: Literal["bad_form"]
    field: FieldName
    """The field."""
    text: str
    """The text given."""
    form: Form
    """The form it must have."""


@dataclass(frozen=True)
class DetailDisagrees:
    """A figure that differs from the same figure in its companion record."""

    shape: Literal["disagrees"]
    field: FieldName
    """The field."""
    value: Decimal
    """Its value."""
    companion: EntityKind
    """The companion's collection."""
    companion_field: FieldName
    """The companion's field."""
    companion_value: Decimal
    """The companion's value."""
    year: int
    """The companion's year."""


@dataclass(frozen=True)
class DetailNotListed:
    """A reference to a record that is in the data but not on the list (not an approved project)."""

    shape: Literal["not_listed"]
    field: FieldName
    """The referring field."""
    id: str
    """The id referred to."""
    list: EntityKind
    """The list's collection."""


@dataclass(frozen=True)
class DetailIntakeAfter:
    """Intake in a year after an event that stops it."""

    shape: Literal["intake_after"]
    field: FieldName
    """The intake field."""
    value: Decimal
    """The intake."""
    cause: IntakeCause
    """What stopped it."""


@dataclass(frozen=True)
class DetailNotInRoster:
    """A school a notice names has no record in the year."""

    shape: Literal["not_in_roster"]
    name: str
    """The name as the notice prints it."""
    entity: EntityKind
    """The collection searched."""
    year: int
    """The year."""


@dataclass(frozen=True)
class Explanation:
    """Why: the inputs, the computed value, the threshold and the clause. Rendered from a finding's
    data on the way out ([`Finding::explanation`]).
    """

    inputs: List[NamedValue]
    """Inputs used."""
    clause: str
    """Document number and clause, e.g. `京教函〔2024〕51号 三(二)`."""
    quote: str
    """The clause's original text."""
    computed: Optional[str] = None
    """The computed value (exact fraction and decimal where a division was made)."""
    threshold: Optional[str] = None
    """The threshold it was compared with."""


@dataclass(frozen=True)
class Finding(_mixins.Finding):
    """A finding as serialized: its data and, rendered on the way out, its words."""

    rule_id: str
    """Stable rule id, e.g. `bj-3p2-2024/semester-meetings`."""
    severity: Severity
    """Severity."""
    code: FindingCode
    """What went wrong."""
    subject: Subject
    """Who it is about."""
    locations: List[Location]
    """Where in the input; more than one when several places share the blame (duplicate ranks)."""
    detail: Detail
    """The exact values behind the verdict, typed by `shape`."""
    message: Text
    """Message, Chinese and English."""
    explanation: Explanation
    """Numbers used, computed value, threshold, clause."""
    period: Optional[Period] = None
    """The period the record belongs to, where it has one."""
    remedy: Optional[Text] = None
    """The smallest change that passes, where computable."""


@dataclass(frozen=True)
class FlagChoice:
    """A bound chosen by a flag of a school (national key school: 3, other: 2)."""

    flag: str
    """The school's flag, e.g. `national_key`."""
    value: bool
    """Its value for the school (false when not given)."""


@dataclass(frozen=True)
class GroupKey:
    """One group key of an output row: what it groups by, its value and a readable name."""

    by: GroupBy
    """The grouping."""
    name: Optional[str] = None
    """A readable name: the school's name, the major's catalogue name, the category or district
    name.
    """
    value: Optional[str] = None
    """The value (an id, a code or a year); `None` when the data does not say (e.g. a cohort of
    an unknown project, a school without a district).
    """


@dataclass(frozen=True)
class Indicator:
    """One 细则 indicator of one campus."""

    rule_id: str
    """The rule."""
    clause: str
    """Its clause, e.g. `细则一`."""
    title: Text
    """What is measured (the rule's title)."""
    form: IndicatorForm
    """How the value reads."""
    bound: str
    """The bound as printed: `≥ 15`, `≥ 10%`, `≤ 1:18`."""
    verdict: Verdict
    """What the check run found."""
    denominator: Optional[Decimal] = None
    """The denominator of a quotient (or the number of conditions)."""
    max: Optional[str] = None
    """The upper bound, exact."""
    min: Optional[str] = None
    """The lower bound, exact (`15`, `10%`), when the rule sets one."""
    numerator: Optional[Decimal] = None
    """The numerator of a quotient, or the count; absent when not given."""
    shown: Optional[str] = None
    """The value as printed: `14.5`, `35.71%`, `18.1:1`, `1/2`."""
    value: Optional[Decimal] = None
    """The value: the quotient (a share as a fraction of 1), exact to 28 digits; absent when a
    figure is missing or the denominator is zero.
    """


class InputIssue(TypedDict):
    """One problem in the input, located."""

    loc: str
    """Path into the document, e.g. `semester_activities[3].meetings` (empty for the root)."""
    type: InputErrorKind
    """What kind of problem."""
    msg_zh: str
    """Chinese message."""
    msg_en: str
    """English message."""
    column: Optional[int]
    """Column (1-based) where known."""
    line: Optional[int]
    """Line (1-based) where known."""


@dataclass(frozen=True)
class IntakeCauseNoIntake:
    """Years in a row without intake, `from` to `to`: intake needs a new filing first."""

    is_: Literal["no_intake"] = _field(metadata={"json": "is"})
    from_: int = _field(metadata={"json": "from"})
    """The first year of the run."""
    to: int
    """The last year of the run."""


@dataclass(frozen=True)
class IntakeCauseFlag:
    """A flag set in `year` (a failed rectification): intake suspended."""

    is_: Literal["flag"] = _field(metadata={"json": "is"})
    field: FieldName
    """The flag."""
    year: int
    """The year it was set."""


@dataclass(frozen=True)
class LedgerRow:
    """One school's school year in the ledger."""

    school: str
    """The school's id."""
    school_year: str
    """The school year, `2023-2024`; a calendar year's intake (autumn) opens the school year
    starting that year.
    """
    new_majors_verdict: Verdict
    """Whether the new majors stay within the school's yearly limit, as the run found."""
    offerings: int
    """Major offerings (专业布点) of the year."""
    key_chain_offerings: int
    """Of those, serving one of the key chains the plan names."""
    key_chain_share: Rate
    """`key_chain_offerings / offerings`."""
    chains: List[str] = _field(default_factory=list)
    """The key chains served, sorted."""
    discontinue: List[MajorRef2] = _field(default_factory=list)
    """Majors to discontinue: intake could not form a class three years running (its finding
    ends in this school year).
    """
    new_majors: List[MajorRef2] = _field(default_factory=list)
    """New majors filed that school year and not refused (accepted or undecided)."""
    refile: List[MajorRef2] = _field(default_factory=list)
    """Majors to file again as new: no intake three years running."""
    refused: List[MajorRef2] = _field(default_factory=list)
    """Filings refused (不予备案): no new major."""
    school_name: Optional[str] = None
    """Its name, when in the data."""


@dataclass(frozen=True)
class Location:
    """Where in the input: a record, and a field of it where one is to blame."""

    path: str
    """Path a form can highlight, e.g. `semester_activities[12].meetings`."""
    entity: EntityKind
    """The collection."""
    index: int
    """Index of the record in its collection (0-based)."""
    cell: Optional[Cell] = None
    """The cell, when the input was a workbook or CSV."""
    field: Optional[str] = None
    """The field, if one is to blame."""


@dataclass(frozen=True)
class MajorLedger:
    """The ledger and what the run did with the rules it reads."""

    pack: str
    """The pack."""
    key_chains: List[str]
    """The key chains the plan names (二), as the pack lists them."""
    rows: List[LedgerRow]
    """One row per school and school year, sorted by school, then year."""
    rules: List[RuleNote]
    """The rules behind the columns and their state in the run (an unchecked one says why: its
    column is then empty for want of a check, not for want of majors).
    """


@dataclass(frozen=True)
class MajorRef:
    """A catalogue major as a finding names it: code, name and its 专业大类."""

    code: str
    """The major's code, e.g. `710201`."""
    name: str
    """Its catalogue name."""
    category_code: str
    """Its category (专业大类) code, e.g. `71`."""
    category_name: str
    """The category's name."""


@dataclass(frozen=True)
class MajorRef2:
    """A major by catalogue code, with the name the submitter used."""

    code: str
    """Catalogue code, e.g. `700206` or `520101K`."""
    name: Optional[str] = None
    """Name as written by the submitter."""


@dataclass(frozen=True)
class MarkedApplication:
    """One entry of a school's 汇总表 and the rules it breaks."""

    application: ApplicationLine
    """The application, in rank order."""
    breaks: List[str] = _field(default_factory=list)
    """Ids of the rules with a finding on this application (empty: no rule broken)."""


@dataclass(frozen=True)
class NamedValue:
    """A named number or value used to reach the verdict."""

    name: str
    """Field or quantity name."""
    value: str
    """Its value, exact (decimals as written, never rounded)."""


@dataclass(frozen=True)
class PackErrorDetails:
    """A pack could not be loaded or a parameter could not be applied: where, the kind of error (`type`) with its typed fields, and the message."""

    origin: str
    """File name, `builtin:<id>`, `pack <id>` or `parameter <key>`."""
    loc: str
    """Where in the pack, e.g. `rules[3] (bj-3p2-2024/semester-meetings).checks[0]`."""
    message: str
    """What is wrong, in English (the same as `msg_en`; kept for earlier callers)."""
    msg_zh: str
    """What is wrong, in Chinese."""
    msg_en: str
    """What is wrong, in English."""
    column: Optional[int] = None
    """Column (1-based) where known."""
    line: Optional[int] = None
    """Line (1-based) where known."""


@dataclass(frozen=True)
class PackRef:
    """A pack used in a run."""

    id: str
    """Pack id."""
    version: str
    """Pack version."""
    document: str
    """Source document number."""
    title: Text
    """Title."""


@dataclass(frozen=True)
class PeriodSemester:
    """A semester, e.g. `2023-2024-1`."""

    of: Literal["semester"]
    semester: Semester
    """The semester."""


@dataclass(frozen=True)
class PeriodYear:
    """A calendar or reporting year."""

    of: Literal["year"]
    year: int
    """The year."""


@dataclass(frozen=True)
class PeriodCohort:
    """The cohort that entered in `year` (2023级)."""

    of: Literal["cohort"]
    year: int
    """The entry year."""


@dataclass(frozen=True)
class PeriodSchoolYear:
    """A school year as written, e.g. `2023-2024`."""

    of: Literal["school_year"]
    year: str
    """The school year."""


@dataclass(frozen=True)
class PilotTables:
    """The Quzhou pilot's tables."""

    pack: str
    """The pack."""
    campuses: List[CampusIndicators]
    """Per campus and year, every 细则 indicator."""
    settlements: List[SettlementRow]
    """The finance settlement table."""
    targets_by_year: List[YearTargets]
    """The pack's targets, by goal year."""


@dataclass(frozen=True)
class Rate:
    """A share such as a transfer rate, kept exact.

    ```
    use xianjie::aggregate::Rate;
    let r = Rate::new(1, 3);
    assert_eq!(r.fraction, \"1/3\");
    assert!(!r.exact); // 0.333… does not terminate: `rate` is rounded to 28 digits
    assert_eq!(r.percent().as_deref(), Some(\"33.33%\"));
    assert_eq!(Rate::new(0, 0).rate, None); // zero denominator: no rate, no panic
    assert!(!Rate::new(5, 4).consistent);   // more transferred than graduated: reported, not clamped
    ```
    """

    numerator: int
    """The numerator (e.g. students transferred)."""
    denominator: int
    """The denominator (e.g. secondary graduates)."""
    fraction: str
    """The exact fraction as written from the data, unreduced, e.g. `45/50`."""
    exact: bool
    """Whether `rate` is exactly the fraction."""
    consistent: bool
    """False when the numerator exceeds the denominator: the data is inconsistent and the rate is
    above 1 (reported as is, never clamped).
    """
    rate: Optional[Decimal] = None
    """The decimal value; `None` when the denominator is zero. Exact when `exact`, otherwise
    rounded to 28 significant digits (e.g. 1/3).
    """


@dataclass(frozen=True)
class Report:
    """The result of checking one dataset against some packs. Serialized with each finding's words
    rendered on the way out; read back as plain JSON (its schema is `docs/schema/report.schema.json`).
    """

    packs: List[PackRef]
    """Packs used."""
    ok: bool
    """True when no error-severity finding and no input issue: problems in the input that were
    read around (`input_issues`) leave the data not fully judged, so never `ok`.
    """
    counts: Counts
    """Counts by severity."""
    by_rule: Dict[str, int]
    """Findings per rule id."""
    findings: List[Finding]
    """Findings, sorted by severity, rule id, then place in the input."""
    rules: List[RuleStatus]
    """Every rule of the packs and what happened to it."""
    targets: List[TargetProgress]
    """Target progress."""
    dataset: Optional[str] = None
    """The dataset's name, if given."""
    input_issues: List[InputIssue] = _field(default_factory=list)
    """Problems in the input that were read around (a workbook's or CSV file's cells that could
    not be read), each located (`file: 学期活动!C3 meetings`). The records they concern were
    checked without the bad value: a finding a rule raised on exactly that field (which would
    say the value is missing or judge what is not there) is withheld, and the rule's status
    says in its `reason` for how many records; a record left out because a required field
    was unreadable is covered by its issue alone. Any issue makes `ok` false.
    """
    reporting_year: Optional[int] = None
    """The dataset's reporting year, if given."""


@dataclass(frozen=True)
class RuleNote:
    """What the run did with a rule, for a table's notes (a rule left unchecked says why)."""

    rule_id: str
    """Rule id."""
    title: Text
    """The rule's title."""
    state: RuleState
    """What happened to it in the run."""
    reason: Optional[Text] = None
    """Why it was not checked, as the report says."""


@dataclass(frozen=True)
class RuleStatus:
    """One rule's status in a run."""

    rule_id: str
    """Rule id."""
    severity: Severity
    """Severity of the rule."""
    state: RuleState
    """What happened."""
    checked: int
    """Records examined."""
    findings: int
    """Findings raised."""
    reason: Optional[Text] = None
    """Why it was not checked, when it was not; for a rule checked on some records only, how
    many it could not judge because a value they need could not be read (see the report's
    `input_issues`).
    """


@dataclass(frozen=True)
class RuleVerdict:
    """One rule's verdict on a row of a table."""

    rule_id: str
    """Rule id."""
    clause: str
    """Where the rule stands in its notice, e.g. `细则四`."""
    title: Text
    """The rule's title."""
    verdict: Verdict
    """The verdict."""


@dataclass(frozen=True)
class RunConditionBelowClass:
    """The value is below one class of `size` (the intake cannot form a class)."""

    is_: Literal["below_class"] = _field(metadata={"json": "is"})
    size: Fraction
    """The class size."""


@dataclass(frozen=True)
class RunConditionAtMost:
    """The value is at most `bound` (`0`: no intake at all)."""

    is_: Literal["at_most"] = _field(metadata={"json": "is"})
    bound: Fraction
    """The bound."""


@dataclass(frozen=True)
class SchoolApplications:
    """One secondary school's applications for one year, in rank order (汇总表)."""

    secondary_school: str
    """The secondary school's id."""
    year: int
    """Application year."""
    applications: List[ApplicationLine]
    """Applications by rank (unranked last, then by id)."""
    secondary_school_name: Optional[str] = None
    """Its name, when the school is in the data."""


@dataclass(frozen=True)
class SemesterOverview:
    """Compliance of all projects in one semester."""

    semester: Semester
    """The semester."""
    records: int
    """Project-semester records."""
    compliant: int
    """Of those, meeting every minimum."""


@dataclass(frozen=True)
class SettlementRow:
    """One yearly finance settlement (每学年据实结算一次)."""

    index: int
    """Index in `finance_settlements`."""
    higher_school: str
    """The higher school collecting the money."""
    school: str
    """The secondary school (the campus's host)."""
    year: int
    """The school year settled."""
    checks: List[RuleVerdict]
    """The pack's rules on settlements and what the run found on this one."""
    appropriation_owed: Optional[Decimal] = None
    """Owed: standard × students."""
    appropriation_paid: Optional[Decimal] = None
    """Paid by the higher school to the campus."""
    appropriation_per_student: Optional[Decimal] = None
    """The per-student appropriation standard."""
    appropriation_received: Optional[Decimal] = None
    """Received by the higher school from the local finance."""
    appropriation_students: Optional[int] = None
    """Students the appropriation is counted on."""
    fees_collected: Optional[Decimal] = None
    """Custodial and accommodation fees collected."""
    fees_passed_on: Optional[Decimal] = None
    """Fees passed on to the campus."""
    higher_school_name: Optional[str] = None
    """Its name, when in the data."""
    school_name: Optional[str] = None
    """Its name, when in the data."""
    tuition_collected: Optional[Decimal] = None
    """Higher-stage tuition collected (CNY)."""
    tuition_passed_on: Optional[Decimal] = None
    """Tuition passed on to the secondary school."""
    tuition_share: Optional[Decimal] = None
    """`tuition_passed_on / tuition_collected`, exact to 28 digits; absent when either is missing
    or nothing was collected.
    """


@dataclass(frozen=True)
class StatusCampaign:
    """The status-data campaign of one reporting year."""

    pack: str
    """The pack the campaign and the approved list are read from."""
    reporting_year: int
    """The reporting year (填报年度) that selected the campaign."""
    total: CampaignRow
    """The city total."""
    districts: List[CampaignRow]
    """One row per district, sorted by code (unknown first)."""
    schools: List[CampaignRow]
    """One row per secondary school, sorted by district, then school id."""
    campaign: Optional[Campaign] = None
    """The pack's campaign for that year (the period it reports on, when it closes, its scope);
    absent when the notice runs none that year. Without a closing time no report is late.
    """


@dataclass(frozen=True)
class Subject(_mixins.Subject):
    """Who a finding is about: a school, a project, a project in a semester, an application."""

    entity: EntityKind
    """The collection it comes from."""
    id: str
    """Its identifier (or a composite such as `P0007 2023-2024-1`)."""
    zh: str
    """Chinese description."""
    en: str
    """English description."""


@dataclass(frozen=True)
class Summary:
    """Everything `xianjie summary` prints."""

    transfer_by_year: List[TransferRow]
    """City-wide transfer rate per entry year."""
    transfer_by_district: List[TransferRow]
    """Transfer rate per district of the secondary school."""
    transfer_by_category: List[TransferRow]
    """Transfer rate per 大类."""
    applications: List[SchoolApplications]
    """Each secondary school's applications in rank order (汇总表)."""
    applications_per_school: List[ApplicationCount]
    """New applications per school and year, both sides."""
    semesters: List[SemesterOverview]
    """Semester compliance, per semester."""
    targets: List[TargetProgress]
    """Target progress from the report."""
    application_sheets: List[ApplicationSheet] = _field(default_factory=list)
    """Beijing: each secondary school's printable 汇总表, entries marked with the rules they break
    (when the run used the Beijing 3+2 pack).
    """
    major_ledger: Optional[MajorLedger] = None
    """Hohhot: the major ledger (when the run used its pack)."""
    pilot: Optional[PilotTables] = None
    """Quzhou: indicators per campus, settlements, targets by year (when the run used its pack)."""
    status_campaign: Optional[StatusCampaign] = None
    """Beijing: the status-data campaign of the reporting year, by district and school (when the
    run used the Beijing 3+2 pack and the data has projects or status reports).
    """


@dataclass(frozen=True)
class TargetProgress:
    """Progress towards a region-wide target (severity `target`): never a form error."""

    rule_id: str
    """Rule id."""
    year: int
    """The year the goal is for."""
    value: Exact
    """The value reached (exact)."""
    goal: Exact
    """The goal (exact)."""
    met: bool
    """Whether the goal is met."""
    pending: bool
    """Whether the year is still to come relative to the data (progress, not a verdict)."""
    message: Text
    """Progress in words."""
    approximate: Optional[bool] = None
    """Whether the goal is approximate (左右, \"about 12\"): reported, never missed."""
    group: Optional[str] = None
    """The group, for per-group goals (a school id, an industry chain)."""
    stretch: Optional[Exact] = None
    """A stretch goal, where the source sets one (力争)."""


@dataclass(frozen=True)
class Text(_mixins.Text):
    """Text in both languages, Chinese first."""

    zh: str
    """Chinese."""
    en: str
    """English."""


@dataclass(frozen=True)
class ThresholdErrorNotANumber:
    """Not a number in any of the accepted forms."""

    type: Literal["not_a_number"]
    found: str
    """The text given (abbreviated when long)."""


@dataclass(frozen=True)
class ThresholdErrorTooPrecise:
    """More digits than an exact decimal keeps: it would be rounded."""

    type: Literal["too_precise"]
    found: str
    """The text given (abbreviated when long)."""


@dataclass(frozen=True)
class ThresholdErrorDenominator:
    """A fraction whose denominator is not above zero."""

    type: Literal["denominator"]
    found: str
    """The text given (abbreviated when long)."""


@dataclass(frozen=True)
class ThresholdErrorNegative:
    """A negative number."""

    type: Literal["negative"]
    found: str
    """The text given (abbreviated when long)."""


@dataclass(frozen=True)
class ThresholdErrorFloat:
    """A binary floating-point number (TOML `0.1`, JSON `0.1`): not exact."""

    type: Literal["float"]
    found: str
    """The number given."""


@dataclass(frozen=True)
class TransferRow:
    """Transfer figures of one group of cohorts."""

    keys: List[GroupKey]
    """The group's keys, in the order asked for."""
    cohorts: int
    """Cohorts in the group."""
    enrolled: int
    """Students enrolled (all cohorts of the group)."""
    graduated: int
    """Secondary graduates, over the cohorts that report both graduates and transfers."""
    transferred: int
    """Students transferred (转段), over the same cohorts."""
    incomplete: int
    """Cohorts left out of `graduated`/`transferred` because one of the two figures is missing."""
    rate: Rate
    """`transferred / graduated`."""


@dataclass(frozen=True)
class YearTargets:
    """The targets of one year."""

    year: int
    """The goal year."""
    targets: List[TargetProgress]
    """Progress toward each target of that year, as the run computed it."""


@dataclass(frozen=True)
class YearValue:
    """One year of a series and its value."""

    year: int
    """The year."""
    value: Decimal
    """The value that year."""


CheckError = Union[
    CheckErrorNotATable,
    CheckErrorKindNotText,
    CheckErrorMissingKind,
    CheckErrorUnknownKind,
    CheckErrorParam,
    CheckErrorThreshold,
    CheckErrorUnknownField,
    CheckErrorFieldKind,
    CheckErrorEmpty,
    CheckErrorNeedsOneOf,
    CheckErrorExactlyOneOf,
    CheckErrorAtMostOneOf,
    CheckErrorOutOfRange,
    CheckErrorNotWholeNumber,
    CheckErrorNotPositive,
    CheckErrorUnknownFlag,
    CheckErrorFilterCondition,
    CheckErrorFilterValue,
    CheckErrorLabelCount,
    CheckErrorSameValues,
    CheckErrorMeasureNeeds,
    CheckErrorMeasureForbids]
"""What is wrong with one check of a pack: it cannot be read, or its parameters do not fit the
data model. The loader adds where (`PackError`).
"""


Detail = Union[
    DetailBound,
    DetailRatio,
    DetailZeroDenominator,
    DetailMissing,
    DetailNotUploaded,
    DetailPlaceholder,
    DetailTooShort,
    DetailWrongFileType,
    DetailNotOneOf,
    DetailNoCompanion,
    DetailDeadline,
    DetailDueWithin,
    DetailConsecutive,
    DetailUnequal,
    DetailGroupCount,
    DetailRanking,
    DetailExclusion,
    DetailOverlap,
    DetailRoleLevel,
    DetailRoleFlag,
    DetailNotSameAs,
    DetailImplies,
    DetailAnyOf,
    DetailBadCode,
    DetailMajorName,
    DetailCategoryMismatch,
    DetailExceeds,
    DetailPassThrough,
    DetailCap,
    DetailDuplicateId,
    DetailDuplicatePeriod,
    DetailUnknownReference,
    DetailUploadNotListed,
    DetailBadForm,
    DetailDisagrees,
    DetailNotListed,
    DetailIntakeAfter,
    DetailNotInRoster]
"""The exact values behind a finding, tagged by `shape`. Numbers are exact decimals (serialized
as strings); thresholds are exact fractions (`\"1/3\"`, `\"60%\"`).
"""


FieldName = str
"""A field's name as in the JSON document, e.g. `meetings` or `attachments.training_plan`."""


Fraction = str
"""An exact number: \"15\", \"6.5\", \"60%\" or \"1/3\""""


IntakeCause = Union[IntakeCauseNoIntake, IntakeCauseFlag]
"""What stops a major's intake (呼和浩特 四(二)6)."""


Period = Union[PeriodSemester, PeriodYear, PeriodCohort, PeriodSchoolYear]
"""The period a record belongs to, shown before a message (\"2023—2024学年第一学期,…\")."""


PlainValue = Union[bool, Decimal, str]
"""A value a rule asks for or a record gives, exact: a flag, a number or text (an enumeration's
wire name, shown by its label).
"""


RunCondition = Union[RunConditionBelowClass, RunConditionAtMost]
"""What a run of years is a run of."""


Semester = str
"""School year and term, e.g. 2023-2024-1 (first semester of 2023–2024)"""


ThresholdError = Union[
    ThresholdErrorNotANumber,
    ThresholdErrorTooPrecise,
    ThresholdErrorDenominator,
    ThresholdErrorNegative,
    ThresholdErrorFloat]
"""A threshold (`\"15\"`, `\"6.5\"`, `\"60%\"`, `\"1/3\"`) that is not an exact, non-negative number."""
