// What the browser and Node entry points share: the parts loaded on demand. Each entry says only
// how it reads a file next to the package (`fetchText`) and how it starts the full module.
import { loadReferenceText, referenceFiles } from './xianjie_check.js';

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

export function lazy({ fetchText, startFull }) {
  // The major catalogue and division codes (45 KB gzip): until they are loaded, the rules that
  // need them come back unchecked, with the reason.
  const loadReference = once(() =>
    Promise.all(referenceFiles().map(async (file) => loadReferenceText(file, await fetchText(file)))),
  );
  const full = once(() => import('./xianjie_full.js').then(async (m) => (await startFull(m), m)));
  return {
    loadReference: async () => {
      await loadReference();
    },
    rules: async (pack) => (await full()).rules(pack),
    explain: async (ruleId) => (await full()).explain(ruleId),
    schema: async (kind) => (await full()).schema(kind),
    sample: async (name) => (await full()).sample(name),
    samples: async () => (await full()).samples(),
  };
}
