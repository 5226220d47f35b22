// The API's shape: values, field findings, rule lookup, schemas, samples, and the thrown errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as xj from '../pkg/node.js';

const form = (meetings) => ({
  reporting_year: 2024,
  semester_activities: [
    { project: 'P0007', semester: '2023-2024-1', meetings, joint_research: 3, teachers_dispatched: 5 },
  ],
});
const BJ = { packs: ['bj-3p2-2024'] };

test('check returns a report with both languages and exact numbers', () => {
  const r = xj.check(form(1), BJ);
  assert.equal(r.ok, false);
  assert.equal(r.counts.error, 1);
  const f = r.findings[0];
  assert.equal(f.rule_id, 'bj-3p2-2024/semester-meetings');
  assert.match(f.message.zh, /沟通会/);
  assert.ok(f.message.en.length > 0);
  assert.equal(f.remedy.zh, '还需召开1次沟通会');
  assert.equal(typeof f.explanation.clause, 'string');
  assert.equal(xj.check(form(2), BJ).ok, true);
});

test('check accepts JSON text and no options', () => {
  // With no pack named, a record no school places (no district) is not judged, and the rule says
  // so (issue 13); naming the pack judges it.
  const r = xj.check(JSON.stringify(form(1)));
  assert.ok(r.packs.length >= 1);
  const status = r.rules.find((s) => s.rule_id === 'bj-3p2-2024/semester-meetings');
  assert.equal(status.state, 'unchecked');
  assert.match(status.reason.en, /region cannot be told/);
  const named = xj.check(JSON.stringify(form(1)), BJ);
  assert.ok(named.findings.some((f) => f.rule_id === 'bj-3p2-2024/semester-meetings'));
});

test('checkField returns only the findings at that field', () => {
  const data = form(1);
  data.semester_activities[0].joint_research = 1;
  const all = xj.check(data, BJ).findings.map((f) => f.rule_id).sort();
  assert.deepEqual(all, ['bj-3p2-2024/semester-joint-research', 'bj-3p2-2024/semester-meetings']);
  const at = xj.checkField('semester_activities', data, 'semester_activities[0].meetings', BJ);
  assert.deepEqual(at.map((f) => f.rule_id), ['bj-3p2-2024/semester-meetings']);
  assert.deepEqual(xj.checkField('semester_activities', form(2), 'semester_activities[0].meetings', BJ), []);
});

test('checkField refuses a path outside its collection', () => {
  assert.throws(
    () => xj.checkField('applications', form(1), 'semester_activities[0].meetings'),
    (e) => e instanceof Error && e.name === 'InputError' && e.code === 'value' && e.path === 'path',
  );
  assert.throws(() => xj.checkField('nope', form(1), 'nope[0].x'), (e) => e.path === 'kind');
});

test('an unknown field throws a real Error with code, path and errors', () => {
  const bad = { schools: [{ id: 'S1', name: '北京市商业学校', level: 'secondary', colour: 'red' }] };
  let err;
  try {
    xj.check(bad);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'InputError');
  assert.equal(err.code, 'unknown_field');
  assert.equal(err.path, 'schools[0].colour');
  assert.equal(err.errors.length, 1);
  assert.equal(err.errors[0].loc, 'schools[0].colour');
  assert.match(err.errors[0].msg_zh, /未知字段/);
  assert.match(err.message, /schools\[0\]\.colour/);
});

test('malformed JSON text throws a syntax error with line and column', () => {
  assert.throws(
    () => xj.check('{"reporting_year": 2024,'),
    (e) => e.code === 'syntax' && e.errors[0].line === 1 && typeof e.errors[0].column === 'number',
  );
});

test('a wrong type is located', () => {
  const d = form('two');
  assert.throws(() => xj.check(d), (e) => e.code === 'type' && e.path === 'semester_activities[0].meetings');
});

test('undefined data is an input error, not a crash', () => {
  assert.throws(() => xj.check(undefined), (e) => e instanceof Error && e.name === 'InputError');
});

test('an unknown pack throws a PackError', () => {
  assert.throws(
    () => xj.check(form(2), { packs: ['no-such-pack'] }),
    (e) =>
      e instanceof Error && e.name === 'PackError' && e.code === 'pack' && e.errors[0].message.includes('no-such-pack') &&
      // Typed: the kind and its fields, on the error and in `errors[0]`; no CLI flag in the text.
      e.type === 'unknown_pack' && e.id === 'no-such-pack' && e.known.includes('bj-3p2-2024') &&
      e.errors[0].type === 'unknown_pack' && e.msg_zh.startsWith('没有标识为“no-such-pack”的内置规则包') &&
      !e.message.includes('--pack'),
  );
});

test('a bad parameter name throws a PackError', () => {
  assert.throws(
    () => xj.check(form(2), { params: { 'nope.x': '1' } }),
    (e) => e.code === 'pack' && e.type === 'unknown_rule' && e.key === 'nope.x' && e.origin === 'parameter nope.x',
  );
});

test('bad options are located input errors', () => {
  assert.throws(() => xj.check(form(2), { packs: 'bj-3p2-2024' }), (e) => e.code === 'type' && e.path === 'packs');
  assert.throws(() => xj.check(form(2), { pack: ['x'] }), (e) => e.code === 'unknown_field' && e.path === 'pack');
});

test('rules, explain, packIds', async () => {
  assert.ok(xj.packIds().includes('bj-3p2-2024'));
  const rules = await xj.rules('bj-3p2-2024');
  assert.ok(rules.some((r) => r.id === 'bj-3p2-2024/semester-meetings'));
  assert.ok((await xj.rules()).length >= rules.length);
  await assert.rejects(xj.rules('nope'), (e) => e.name === 'PackError');
  const info = await xj.explain('bj-3p2-2024/semester-meetings');
  assert.equal(info.pack.id, 'bj-3p2-2024');
  assert.match(info.pack.document, /京教函/);
  assert.ok(info.rule.quote.length > 0);
  assert.equal(await xj.explain('nope/nope'), undefined);
});

test('schema of each collection and of the dataset', async () => {
  const s = await xj.schema('semester_activities');
  assert.equal(s.$ref, '#/$defs/SemesterActivity');
  assert.ok(s.$defs.SemesterActivity.properties.meetings);
  assert.ok((await xj.schema('dataset')).properties.applications);
  assert.equal(await xj.schema('nope'), undefined);
  assert.equal(await xj.schema('toString'), undefined);
});

test('samples load and check', async () => {
  const names = await xj.samples();
  assert.ok(Array.isArray(names));
  for (const n of names) {
    const d = await xj.sample(n);
    assert.equal(typeof d, 'object');
    assert.equal(typeof xj.check(d).ok, 'boolean');
  }
  assert.equal(await xj.sample('nope'), undefined);
});

test('decimals and instants cross as strings', () => {
  const d = {
    reporting_year: 2024,
    applications: [
      {
        id: 'A1', year: 2024, secondary_school: 'S1', higher_school: 'H1',
        secondary_major: { code: '710201' }, higher_major: { code: '510201' },
        submitted_at: '2024-02-28T09:00:00+08:00',
      },
    ],
  };
  const r = xj.check(d, BJ);
  const late = r.findings.find((f) => f.rule_id === 'bj-3p2-2024/upload-deadline');
  if (late) for (const v of late.explanation.inputs) assert.equal(typeof v.value, 'string');
  assert.throws(() => xj.check({ ...d, applications: [{ ...d.applications[0], submitted_at: 'yesterday' }] }),
    (e) => e.path === 'applications[0].submitted_at');
});

test('the public .d.ts has no `any`', () => {
  for (const f of ['index.d.ts', 'xianjie_check.d.ts', 'xianjie_full.d.ts']) {
    const text = readFileSync(new URL(`../pkg/${f}`, import.meta.url), 'utf8');
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    assert.ok(!/\bany\b/.test(code), `${f} mentions any`);
  }
});

test('every asset is named by a literal new URL in both entry points', () => {
  const files = readdirSync(new URL('../pkg/', import.meta.url)).filter((f) => /\.(wasm|tsv)$/.test(f));
  assert.equal(files.length, 4);
  for (const entry of ['index.js', 'node.js']) {
    const text = readFileSync(new URL(`../pkg/${entry}`, import.meta.url), 'utf8');
    for (const f of files) assert.ok(text.includes(`new URL('./${f}', import.meta.url)`), `${entry}: ${f}`);
    // A computed name makes bundlers copy the whole package, or nothing.
    assert.ok(!/new URL\(`/.test(text), `${entry} has a computed new URL`);
  }
  const pkg = JSON.parse(readFileSync(new URL('../pkg/package.json', import.meta.url), 'utf8'));
  for (const f of files) assert.equal(pkg.exports[`./${f}`], `./${f}`);
  assert.match(pkg.repository.url, /^git\+https:\/\/.+\.git$/);
  assert.equal(pkg.repository.directory, 'wasm');
});

test('errors are XianjieError instances, thrown and rejected alike', async () => {
  assert.equal(typeof xj.XianjieError, 'function');
  const thrown = (f) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    assert.fail('did not throw');
  };
  const e = thrown(() => xj.check({ schools: [{ colour: 1 }] }));
  assert.ok(e instanceof xj.XianjieError && e instanceof Error);
  assert.equal(e.constructor, xj.XianjieError);
  assert.equal(e.name, 'InputError');
  assert.match(e.stack, /InputError/);
  const p = thrown(() => xj.check(form(2), { packs: ['nope'] }));
  assert.ok(p instanceof xj.XianjieError && p.name === 'PackError' && p.type === 'unknown_pack');
  await assert.rejects(xj.rules('nope'), (r) => r instanceof xj.XianjieError && r.code === 'pack' && r.path === 'pack');
  const f = thrown(() => xj.checkField('semester_activities', form(2), 'semester_activities[3].meetings'));
  assert.ok(f instanceof xj.XianjieError);
  // Made by hand (tests, wrappers): the same shape.
  const mine = new xj.XianjieError('x', { name: 'InputError', code: 'value', path: 'a', errors: [] });
  assert.deepEqual([mine.name, mine.code, mine.path, mine.errors], ['InputError', 'value', 'a', []]);
});

test('error positions are places in the caller’s data and options', () => {
  const at = (f) => {
    try {
      f();
    } catch (e) {
      return [e.name, e.path];
    }
    return null;
  };
  // A JS object is read as it is: paths, never a line and column of some text the caller never saw.
  assert.throws(() => xj.check({ reporting_year: 2024, schools: [{ id: 1 }] }), (e) =>
    e.errors.every((i) => i.line === undefined && i.column === undefined) && e.path.startsWith('schools[0]'));
  assert.deepEqual(at(() => xj.check(form(2), { limits: { nope: 1 } })), ['InputError', 'limits.nope']);
  assert.deepEqual(at(() => xj.check(form(2), { limits: { nesting_depth: 'x' } })), ['InputError', 'limits.nesting_depth']);
  assert.deepEqual(at(() => xj.check(form(2), { packs: ['bj-3p2-2024', 'nope'] })), ['PackError', 'packs[1]']);
  assert.deepEqual(at(() => xj.check(form(2), { params: { 'nope.x': '1' } })), ['PackError', 'params["nope.x"]']);
  // An unknown parameter's typed `name` stays in `errors[0]`: the Error's own name is kept.
  const key = 'bj-3p2-2024/semester-meetings.zzz';
  assert.throws(() => xj.check(form(2), { packs: ['bj-3p2-2024'], params: { [key]: '1' } }), (e) =>
    e instanceof xj.XianjieError && e.name === 'PackError' && e.path === `params["${key}"]` &&
    e.type === 'unknown_param' && e.errors[0].name === 'zzz');
});

test('checkField throws on an unknown field and on an index past the end', () => {
  const bad = (path) => () => xj.checkField('semester_activities', form(1), path, BJ);
  assert.throws(bad('semester_activities[0].meeting'), (e) =>
    e instanceof xj.XianjieError && e.code === 'value' && e.path === 'path' && /meeting/.test(e.errors[0].msg_en));
  assert.throws(bad('semester_activities[1].meetings'), (e) =>
    e instanceof xj.XianjieError && e.path === 'path' && /1 record/.test(e.errors[0].msg_en));
  assert.throws(bad('semester_activities.meetings'), (e) => e.path === 'path');
  assert.equal(xj.checkField('semester_activities', form(1), 'semester_activities[0].meetings', BJ).length, 1);
});

test('npm pack: the package holds its modules, assets, types, README and licences, nothing else', () => {
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: fileURLToPath(new URL('../pkg/', import.meta.url)), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
  }));
  const files = info.files.map((f) => f.path).sort();
  for (const f of ['index.js', 'node.js', 'lazy.js', 'errors.js', 'index.d.ts', 'xianjie_check_bg.wasm', 'xianjie_full_bg.wasm',
    'catalog-2021.tsv', 'divisions.tsv', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'package.json']) {
    assert.ok(files.includes(f), `${f} in the package`);
  }
  assert.deepEqual(files.filter((f) => !/\.(js|d\.ts|wasm|tsv|md|json)$|^LICENSE-/.test(f)), []);
  // The README renders on its own: no link into the repository by a relative path.
  const readme = readFileSync(new URL('../pkg/README.md', import.meta.url), 'utf8');
  assert.ok(!/\]\((\.\.?\/|(?!https?:|#)[\w-]+\/)/.test(readme), 'relative link in README.md');
});
