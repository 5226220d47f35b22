// The checking module ships without the reference tables: before loadReference() the rules that
// need them are unchecked with the reason, after it they run (its own file: node --test runs each
// file in a fresh process, so nothing else has loaded the tables yet).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, loadReference } from '../pkg/node.js';

const data = {
  schools: [{ id: 'S1', name: '甲', level: 'secondary', district: '150199', uscc: '91350100M000100Y43', moe_code: '4111010001' }],
};
const opts = { packs: ['ref-data'] };
const status = (r, id) => r.rules.find((s) => s.rule_id === id);

test('reference rules wait for their tables, then run', async () => {
  const before = check(data, opts);
  assert.deepEqual(before.findings, []);
  const s = status(before, 'ref-data/district-code');
  assert.equal(s.state, 'unchecked');
  assert.match(s.reason.zh, /divisions\.tsv/);
  assert.match(s.reason.en, /await loadReference\(\)/);
  // MoE school codes start with a province code: they wait for the division codes too.
  assert.equal(status(before, 'ref-data/moe-code').state, 'unchecked');
  // Rules that need no table run regardless.
  assert.equal(status(before, 'ref-data/uscc').state, 'passed');

  await Promise.all([loadReference(), loadReference()]); // idempotent, concurrent-safe
  await loadReference();
  const after = check(data, opts);
  assert.equal(status(after, 'ref-data/district-code').state, 'failed');
  assert.equal(status(after, 'ref-data/moe-code').state, 'passed');
  assert.deepEqual(
    after.findings.map((f) => [f.rule_id, f.locations[0].path]),
    [['ref-data/district-code', 'schools[0].district']],
  );
});
