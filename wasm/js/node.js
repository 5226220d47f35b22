// Node: compiles the checking module synchronously on import, the full one (rules, explain, schema,
// sample) on first use, so that the API is the same as in browsers (those return promises).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { initSync, loadReferenceText, referenceFiles } from './xianjie_check.js';

initSync({ module: readFileSync(new URL('./xianjie_check_bg.wasm', import.meta.url)) });

export { check, checkField, packIds } from './xianjie_check.js';

// As in browsers: the major catalogue and division codes are read on demand.
let reference;
export function loadReference() {
  reference ??= Promise.all(
    referenceFiles().map(async (file) =>
      loadReferenceText(file, await readFile(new URL(`./${file}`, import.meta.url), 'utf8')),
    ),
  ).catch((e) => {
    reference = undefined; // a later call may retry
    throw e;
  });
  return reference;
}

let full;
function loadFull() {
  full ??= import('./xianjie_full.js').then((m) => {
    m.initSync({ module: readFileSync(new URL('./xianjie_full_bg.wasm', import.meta.url)) });
    return m;
  });
  return full;
}

export const rules = async (pack) => (await loadFull()).rules(pack);
export const explain = async (ruleId) => (await loadFull()).explain(ruleId);
export const schema = async (kind) => (await loadFull()).schema(kind);
export const sample = async (name) => (await loadFull()).sample(name);
export const samples = async () => (await loadFull()).samples();
