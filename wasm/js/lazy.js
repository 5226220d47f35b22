// What the browser and Node entry points share: the API over a started checking module, and the
// parts loaded on demand. Each entry says only how it reads a file next to the package
// (`fetchText`) and how it starts the full module (`startFull`).
import { check, checkField, packIds, loadReferenceText, referenceFiles } from './xianjie_check.js';
import { guard, XianjieError } from './errors.js';

/** Memoizes an async loader; a failed load is forgotten, so a later call may retry. */
function once(load) {
  let p;
  return () => {
    p ??= load().catch((e) => {
      p = undefined;
      throw e;
    });
    return p;
  };
}

export function api({ fetchText, startFull }) {
  // The major catalogue and division codes (45 KB gzip): until they are loaded, the rules that
  // need them come back unchecked, with the reason.
  const loadReference = once(() =>
    Promise.all(referenceFiles().map(async (file) => loadReferenceText(file, await fetchText(file)))),
  );
  const full = once(() => import('./xianjie_full.js').then(async (m) => (await startFull(m), m)));
  return {
    XianjieError,
    check: guard(check),
    checkField: guard(checkField),
    packIds,
    loadReference: guard(async () => {
      await loadReference();
    }),
    rules: guard(async (pack) => (await full()).rules(pack)),
    explain: guard(async (ruleId) => (await full()).explain(ruleId)),
    schema: guard(async (kind) => (await full()).schema(kind)),
    sample: guard(async (name) => (await full()).sample(name)),
    samples: guard(async () => (await full()).samples()),
    // Aggregations (the same rows as Python's), from the core.
    transferRates: guard(async (data, by, opts) => (await full()).transferRates(data, by, opts)),
    enrollmentTotals: guard(async (data, by, opts) => (await full()).enrollmentTotals(data, by, opts)),
    applicationSummary: guard(async (data, opts) => (await full()).applicationSummary(data, opts)),
    semesterCompliance: guard(async (data, opts) => (await full()).semesterCompliance(data, opts)),
    targets: guard(async (data, opts) => (await full()).targets(data, opts)),
    summary: guard(async (data, opts) => (await full()).summary(data, opts)),
    // The tables each city's notice asks for (issue 13).
    statusCampaign: guard(async (data, opts) => (await full()).statusCampaign(data, opts)),
    applicationSheets: guard(async (data, opts) => (await full()).applicationSheets(data, opts)),
    pilotTables: guard(async (data, opts) => (await full()).pilotTables(data, opts)),
    majorLedger: guard(async (data, opts) => (await full()).majorLedger(data, opts)),
  };
}
