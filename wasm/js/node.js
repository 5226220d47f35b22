// Node: compiles the checking module synchronously on import; the full module (rules, explain,
// schema, sample) and the reference tables on first use, so that the API is the same as in
// browsers (those return promises). Assets are named literally, as in index.js, so that a bundler
// targeting Node (esbuild --platform=node, Vite SSR) can find them too.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { initSync } from './xianjie_check.js';
import { api } from './lazy.js';

const TABLES = {
  'catalog-2021.tsv': new URL('./catalog-2021.tsv', import.meta.url),
  'divisions.tsv': new URL('./divisions.tsv', import.meta.url),
};

initSync({ module: readFileSync(new URL('./xianjie_check_bg.wasm', import.meta.url)) });

export const {
  XianjieError, check, checkField, packIds, loadReference, rules, explain, schema, sample, samples,
  transferRates, enrollmentTotals, applicationSummary, semesterCompliance, targets, summary,
  statusCampaign, applicationSheets, pilotTables, majorLedger,
} = api({
    fetchText: async (file) => {
      const url = TABLES[file];
      if (!url) throw new Error(`xianjie: no asset for reference table ${file}`);
      return readFile(url, 'utf8');
    },
    startFull: (m) => m.initSync({ module: readFileSync(new URL('./xianjie_full_bg.wasm', import.meta.url)) }),
  });
