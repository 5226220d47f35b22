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
    Literal["exceeds"],
    Literal["consecutive"],
    Literal["progress"],
    Literal["invalid_code"],
]
"""Stable code of what went wrong, for filtering (like pydantic's error `type`)."""


Form = Union[Literal["phone"], Literal["email"]]
"""A form a text must have."""


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


ValueKind = Union[
    Literal["integer"],
    Literal["decimal"],
    Literal["text"],
    Literal["timestamp"],
    Literal["date"],
    Literal["boolean"],
]
"""The type of a field, checked when a pack is loaded; named in pack errors as `integer`, `text`, …."""


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
