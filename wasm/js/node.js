// Node: compiles the checking module synchronously on import; the full module (rules, explain,
// schema, sample) and the reference tables on first use, so that the API is the same as in
// browsers (those return promises).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { initSync } from './xianjie_check.js';
import { lazy } from './lazy.js';

const here = (file) => new URL(`./${file}`, import.meta.url);

initSync({ module: readFileSync(here('xianjie_check_bg.wasm')) });

export { check, checkField, packIds } from './xianjie_check.js';

export const { loadReference, rules, explain, schema, sample, samples } = lazy({
  fetchText: (file) => readFile(here(file), 'utf8'),
  startFull: (m) => m.initSync({ module: readFileSync(here('xianjie_full_bg.wasm')) }),
});
