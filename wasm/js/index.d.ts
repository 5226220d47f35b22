// Public types of the `xianjie` package. Value types are generated from the core's JSON Schemas
// (decimals are strings, instants ISO 8601 strings with offset). Errors: see `XianjieError`.
import type { CheckOptions, Dataset, Finding, JsonSchema, Report, Rule, RuleInfo } from './xianjie_full.js';
export type * from './xianjie_full.js';

/** Checks a dataset (object or JSON text). Throws `XianjieError` for bad input, options or packs. */
export function check(data: Dataset | string, opts?: CheckOptions | null): Report;
/**
 * Checks the whole form `data` and returns the findings concerning the field at `path`
 * (e.g. `semester_activities[0].meetings`) of a record of collection `kind` (e.g. `semester_activities`).
 */
export function checkField(
  kind: string,
  data: Dataset | string,
  path: string,
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
export function schema(kind: string): Promise<JsonSchema | undefined>;
/** The bundled sample dataset `name`; `undefined` if unknown. */
export function sample(name: string): Promise<Dataset | undefined>;
/** Names of the bundled samples. */
export function samples(): Promise<string[]>;
