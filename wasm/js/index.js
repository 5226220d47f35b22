// Browsers and bundlers. The checking module is fetched and compiled on import; the full module
// (rules, explain, schema, sample) only on the first call of one of those, which return promises.
import init, { loadReferenceText, referenceFiles } from './xianjie_check.js';

await init({ module_or_path: new URL('./xianjie_check_bg.wasm', import.meta.url) });

export { check, checkField, packIds } from './xianjie_check.js';

// The major catalogue and division codes (45 KB gzip) are fetched on demand: until they are
// loaded, the rules that need them come back unchecked, with the reason.
let reference;
export function loadReference() {
  reference ??= Promise.all(
    referenceFiles().map(async (file) => {
      const res = await fetch(new URL(`./${file}`, import.meta.url));
      if (!res.ok) throw new Error(`xianjie: fetching ${file} failed: HTTP ${res.status}`);
      loadReferenceText(file, await res.text());
    }),
  ).catch((e) => {
    reference = undefined; // a later call may retry
    throw e;
  });
  return reference;
}

let full;
function loadFull() {
  full ??= import('./xianjie_full.js').then(async (m) => {
    await m.default({ module_or_path: new URL('./xianjie_full_bg.wasm', import.meta.url) });
    return m;
  });
  return full;
}

export const rules = async (pack) => (await loadFull()).rules(pack);
export const explain = async (ruleId) => (await loadFull()).explain(ruleId);
export const schema = async (kind) => (await loadFull()).schema(kind);
export const sample = async (name) => (await loadFull()).sample(name);
export const samples = async () => (await loadFull()).samples();
