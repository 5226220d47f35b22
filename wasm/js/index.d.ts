// Public types of the `xianjie` package. Value types are generated from the core's JSON Schemas
// (decimals are strings, instants ISO 8601 strings with offset). Errors: see `XianjieError`.
import type {
  CheckOptions, CollectionName, Dataset, EnrollmentRow, Finding, GroupBy, InputErrorKind, InputIssue, JsonSchema,
  PackError, Report, Rule, RuleInfo, SchoolApplications, SemesterCompliance, Summary, TargetProgress, TransferRow,
  StatusCampaign, ApplicationSheet, PilotTables, MajorLedger,
} from './xianjie_full.js';
export type * from './xianjie_full.js';

/**
 * What every function of the package throws (or rejects with) for bad input, options or packs:
 * a real `Error` (`instanceof XianjieError` and `instanceof Error` both hold) with the core's
 * structured error. Words (`message`, `errors[i].msg_zh`/`msg_en`) come from the core.
 */
export declare class XianjieError extends Error {
  constructor(
    message: string,
    fields?: { name?: string; code?: string; path?: string; errors?: InputIssue[] | PackError[]; cause?: unknown },
  );
  /**
   * `InputError` (bad data or options), `PackError` (unknown pack, bad parameter) or
   * `ReferenceError` (a reference table that is not the one shipped with the package).
   */
  name: 'InputError' | 'PackError' | 'ReferenceError' | (string & {});
  /** For input errors the first problem's type (`unknown_field`, `type`, `value`, `missing`, `syntax`, `limit`); `pack` for pack errors; `reference` for reference tables. */
  code: InputErrorKind | 'pack' | 'reference' | (string & {});
  /** For pack errors the kind of error (`unknown_pack`, `param_value`, …); the typed fields of `errors[0]` are on the error too. */
  type?: PackError['type'];
  /**
   * Where, in the caller's terms: for input errors the first problem's path in the data or the
   * options (`schools[0].colour`, `limits.nesting_depth`), or the argument of `checkField` at
   * fault (`kind`, `path`); for a bad parameter `params["<key>"]`, for an unknown pack
   * `packs[<i>]`; else the place in the pack (may be empty).
   */
  path: string;
  /** Every problem found. */
  errors: InputIssue[] | PackError[];
}

/** Checks a dataset (object or JSON text). Throws `XianjieError` for bad input, options or packs. */
export function check(data: Dataset | string, opts?: CheckOptions | null): Report;
/**
 * Checks the whole form `data` and returns the findings concerning the field at `path`
 * (e.g. `semester_activities[0].meetings`) of a record of collection `kind` (e.g. `semester_activities`).
 * Throws `XianjieError` for an unknown collection (`path` `kind`), a field the collection does not
 * have or a record index past the end (`path` `path`), as well as for bad data.
 */
export function checkField<K extends CollectionName>(
  kind: K,
  data: Dataset | string,
  path: `${NoInfer<K>}[${number}].${string}`,
  opts?: CheckOptions | null,
): Finding[];
/**
 * Loads the reference tables (the 2021 major catalogue and the division codes, about 45 KB gzip)
 * that the rules checking major and division codes need. Until it resolves, those rules are
 * `unchecked` in reports, with the reason. Idempotent; rejects if the files cannot be fetched or
 * are not the ones shipped with this package.
 */
export function loadReference(): Promise<void>;
/** Ids of the built-in packs. */
export function packIds(): string[];
/** The rules of built-in pack `pack`, or of every built-in pack. Rejects with `XianjieError` for an unknown pack. */
export function rules(pack?: string | null): Promise<Rule[]>;
/** A built-in rule with its pack (clause, quote, source document); `undefined` if unknown. */
export function explain(ruleId: string): Promise<RuleInfo | undefined>;
/** JSON Schema of one record of collection `kind`, or of the whole document for `dataset`. */
export function schema(kind: CollectionName | 'dataset'): Promise<JsonSchema | undefined>;
/** The bundled sample dataset `name`; `undefined` if unknown. */
export function sample(name: string): Promise<Dataset | undefined>;
/** Names of the bundled samples. */
export function samples(): Promise<string[]>;

// Aggregations: the core's rows, the same as Python's `xianjie.transfer_rates` and friends are built
// from (rates exact: `numerator`, `denominator`, `fraction` and `rate` as a decimal string). In the
// lazily loaded module, hence promises. `opts` as for `check` (its `limits` apply to reading `data`;
// `targets` and `summary` also check with its packs and parameters).

/** Transfer rates (transferred ÷ secondary graduates) grouped by `by` (default `["district"]`). */
export function transferRates(data: Dataset | string, by?: GroupBy[] | null, opts?: CheckOptions | null): Promise<TransferRow[]>;
/** Enrollment totals grouped by `by` (default `["district"]`). */
export function enrollmentTotals(data: Dataset | string, by?: GroupBy[] | null, opts?: CheckOptions | null): Promise<EnrollmentRow[]>;
/** Each secondary school's new applications in rank order (汇总表). */
export function applicationSummary(data: Dataset | string, opts?: CheckOptions | null): Promise<SchoolApplications[]>;
/** Each project-semester against the semester minimums. */
export function semesterCompliance(data: Dataset | string, opts?: CheckOptions | null): Promise<SemesterCompliance[]>;
/** Progress towards the packs' targets. */
export function targets(data: Dataset | string, opts?: CheckOptions | null): Promise<TargetProgress[]>;
/** The one-page summary of `xianjie summary`: rates by year, district and 大类, the 汇总表, applications per school, semester compliance, targets. */
export function summary(data: Dataset | string, opts?: CheckOptions | null): Promise<Summary>;

// The tables each city's notice asks for. Verdicts (`passed`, `failed`, `unchecked` …) are what the
// check with `opts`' packs found on each record, never a second comparison.

/** Beijing's status-data campaign of the data's reporting year: per district and school, reports filed, missing, late and off the approved list, with the figures of 二(二)1; `null` without a reporting year. */
export function statusCampaign(data: Dataset | string, opts?: CheckOptions | null): Promise<StatusCampaign | null>;
/** Each secondary school's printable 汇总表 per year (title, date, entries in rank order), each entry with the rules it breaks. */
export function applicationSheets(data: Dataset | string, opts?: CheckOptions | null): Promise<ApplicationSheet[]>;
/** Quzhou: every 细则 indicator per higher-stage campus (value, bound, verdict), the finance settlements and the targets by year; `null` when the check did not use the Quzhou pack. */
export function pilotTables(data: Dataset | string, opts?: CheckOptions | null): Promise<PilotTables | null>;
/** Hohhot: the major ledger (专业调整台账) per school and school year; `null` when the check did not use the Hohhot pack. */
export function majorLedger(data: Dataset | string, opts?: CheckOptions | null): Promise<MajorLedger | null>;
