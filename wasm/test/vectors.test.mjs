// Runs every shared vector in tests/vectors/ (the files the Rust and Python suites run) through
// the built package (wasm/pkg), matching findings by (rule id, severity, path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, loadReference } from '../pkg/node.js';

// The vectors include the reference-data rules: load the catalogue and division codes first.
await loadReference();

const root = fileURLToPath(new URL('../../tests/vectors/', import.meta.url));

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return files(p);
      return n.endsWith('.json') ? [p] : [];
    });
}

const key = (f) => `${f.rule_id} ${f.severity} ${f.path}`;
const all = files(root);

test('there are vectors', () => assert.ok(all.length > 0, `no vectors under ${root}`));

for (const file of all) {
  test(relative(root, file), () => {
    const v = JSON.parse(readFileSync(file, 'utf8'));
    const expect = v.expect;
    const data = 'input_text' in v ? v.input_text : v.input;
    const opts = { packs: v.packs ?? [], params: v.params ?? {} };
    if (expect.error) {
      let err;
      try {
        check(data, opts);
      } catch (e) {
        err = e;
      }
      assert.ok(err instanceof Error, 'expected an input error, got a report');
      const hit = err.errors.some(
        (i) => i.type === expect.error.type && (expect.error.loc === undefined || i.loc === expect.error.loc),
      );
      assert.ok(hit, `expected ${JSON.stringify(expect.error)}, got ${JSON.stringify(err.errors)}`);
      // Optional: every error listed (in any order) and how many there are in all.
      for (const w of expect.errors ?? []) {
        const found = err.errors.some((i) => i.type === w.type && i.loc === w.loc);
        assert.ok(found, `expected ${JSON.stringify(w)}, got ${JSON.stringify(err.errors)}`);
      }
      if (expect.error_count !== undefined) assert.equal(err.errors.length, expect.error_count);
      return;
    }
    const report = check(data, opts);
    const got = report.findings.map((f) => key({ ...f, path: f.locations[0]?.path ?? '' }));
    const want = (expect.findings ?? []).map(key);
    for (const w of want) assert.ok(got.includes(w), `missing finding ${w}; got ${JSON.stringify(got)}`);
    if (expect.exact ?? true) assert.deepEqual([...got].sort(), [...want].sort());
    for (const r of expect.absent_rules ?? []) {
      assert.ok(!report.findings.some((f) => f.rule_id === r), `rule ${r} must not fire`);
    }
    for (const [rule, state] of Object.entries(expect.rule_states ?? {})) {
      const st = report.rules.find((s) => s.rule_id === rule);
      assert.ok(st, `rule ${rule} not in report`);
      assert.equal(st.state, state, `rule ${rule}`);
    }
  });
}
