// The shared aggregation vectors (tests/aggregate/*.json, also run by the Rust and Python suites)
// through the JS API: the same exact rows as the core computes natively. Plus the API's edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as xj from '../pkg/node.js';

const root = fileURLToPath(new URL('../../tests/aggregate/', import.meta.url));
const files = readdirSync(root).filter((f) => f.endsWith('.json')).sort();

const run = {
  transfer_rates: (v) => xj.transferRates(v.data, v.by),
  enrollment_totals: (v) => xj.enrollmentTotals(v.data, v.by),
  application_summary: (v) => xj.applicationSummary(v.data),
  semester_compliance: (v) => xj.semesterCompliance(v.data),
  summary: (v) => xj.summary(v.data, { packs: v.packs ?? [] }),
  status_campaign: (v) => xj.statusCampaign(v.data),
  application_sheets: (v) => xj.applicationSheets(v.data, { packs: v.packs ?? [], params: v.params ?? {} }),
  pilot_tables: (v) => xj.pilotTables(v.data, { packs: v.packs ?? [], params: v.params ?? {} }),
  major_ledger: (v) => xj.majorLedger(v.data, { packs: v.packs ?? [], params: v.params ?? {} }),
};

test('there are aggregation vectors', () => assert.ok(files.length >= 10, `vectors under ${root}`));

for (const f of files) {
  test(`aggregate ${f}`, async () => {
    const v = JSON.parse(readFileSync(root + f, 'utf8'));
    assert.ok(v.expected !== null, `${f} has no expected rows (XIANJIE_BLESS=1 cargo test -p xianjie-wasm --test aggregate_vectors)`);
    assert.deepEqual(await run[v.aggregate](v), v.expected);
  });
}

test('aggregations: JSON text too; a bad grouping or bad data rejects with a located XianjieError', async () => {
  const v = JSON.parse(readFileSync(root + 'transfer-rates-by-district.json', 'utf8'));
  assert.deepEqual(await xj.transferRates(JSON.stringify(v.data), ['district']), v.expected);
  await assert.rejects(xj.transferRates(v.data, ['county']), (e) =>
    e instanceof xj.XianjieError && e.name === 'InputError' && e.path === 'by[0]' && /district/.test(e.errors[0].msg_en));
  await assert.rejects(xj.enrollmentTotals({ cohorts: [{ project: 'P1', entry_year: 'x' }] }), (e) =>
    e instanceof xj.XianjieError && e.path === 'cohorts[0].entry_year');
  await assert.rejects(xj.summary(v.data, { packs: ['nope'] }), (e) => e instanceof xj.XianjieError && e.path === 'packs[0]');
  assert.deepEqual(await xj.targets(v.data, { packs: ['bj-3p2-2024'] }), []);
});
