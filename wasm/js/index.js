// Browsers and bundlers. The checking module is fetched and compiled on import; the full module
// (rules, explain, schema, sample) and the reference tables only when first asked for.
//
// Every asset is named by a literal `new URL('./file', import.meta.url)`: that exact form is what
// Vite, Rollup, webpack and Parcel look for to copy an asset and rewrite its address. A computed
// name (a template literal) makes Vite copy the whole package and the others copy nothing.
import init from './xianjie_check.js';
import { api } from './lazy.js';

const CHECK_WASM = new URL('./xianjie_check_bg.wasm', import.meta.url);
const FULL_WASM = new URL('./xianjie_full_bg.wasm', import.meta.url);
// The reference tables, by the file names the module asks for (`referenceFiles()`; a test checks
// that every one it names is here).
const TABLES = {
  'catalog-2021.tsv': new URL('./catalog-2021.tsv', import.meta.url),
  'divisions.tsv': new URL('./divisions.tsv', import.meta.url),
};

await init({ module_or_path: CHECK_WASM });

export const {
  XianjieError, check, checkField, packIds, loadReference, rules, explain, schema, sample, samples,
  transferRates, enrollmentTotals, applicationSummary, semesterCompliance, targets, summary,
  statusCampaign, applicationSheets, pilotTables, majorLedger,
} = api({
    fetchText: async (file) => {
      const url = TABLES[file];
      if (!url) throw new Error(`xianjie: no asset for reference table ${file}`);
      const res = await fetch(url);
      if (!res.ok) throw new Error(`xianjie: fetching ${file} failed: HTTP ${res.status}`);
      return res.text();
    },
    startFull: (m) => m.default({ module_or_path: FULL_WASM }),
  });
