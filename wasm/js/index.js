// Browsers and bundlers. The checking module is fetched and compiled on import; the full module
// (rules, explain, schema, sample) and the reference tables only when first asked for.
import init from './xianjie_check.js';
import { lazy } from './lazy.js';

await init({ module_or_path: new URL('./xianjie_check_bg.wasm', import.meta.url) });

export { check, checkField, packIds } from './xianjie_check.js';

const here = (file) => new URL(`./${file}`, import.meta.url);

export const { loadReference, rules, explain, schema, sample, samples } = lazy({
  fetchText: async (file) => {
    const res = await fetch(here(file));
    if (!res.ok) throw new Error(`xianjie: fetching ${file} failed: HTTP ${res.status}`);
    return res.text();
  },
  startFull: (m) => m.default({ module_or_path: here('xianjie_full_bg.wasm') }),
});
