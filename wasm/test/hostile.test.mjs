// Hostile and careless form values (issue 10): every refusal a real Error shaped as the other input
// errors (`name`, `code`, `path`, `errors[i].type`, `errors[i].loc`), never a pass, a bare
// TypeError or RangeError, or `[]` for a field that is not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as xj from '../pkg/node.js';

const activity = (meetings) => ({
  project: 'P0007', semester: '2023-2024-1', meetings, joint_research: 3, teachers_dispatched: 5,
});
const form = (meetings) => ({ reporting_year: 2024, semester_activities: [activity(meetings)] });
const BJ = { packs: ['bj-3p2-2024'] };

/** The InputError `f` throws, checked for the common shape. */
function refused(f) {
  let err;
  try {
    f();
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof Error, `expected an Error, got ${err}`);
  assert.equal(err.name, 'InputError');
  assert.ok(Array.isArray(err.errors) && err.errors.length > 0);
  assert.equal(err.code, err.errors[0].type);
  assert.equal(err.path, err.errors[0].loc);
  return err;
}

for (const [value, shown] of [[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'], [-0, '-0']]) {
  test(`${shown} in a form value is refused with the field named`, () => {
    const e = refused(() => xj.check(form(value), BJ));
    assert.equal(e.errors[0].type, 'value');
    assert.equal(e.errors[0].loc, 'semester_activities[0].meetings');
    assert.ok(e.errors[0].msg_en.includes(shown) && e.errors[0].msg_zh.length > 0);
  });
}

test('NaN is refused by checkField too', () => {
  const e = refused(() => xj.checkField('semester_activities', form(NaN), 'semester_activities[0].meetings', BJ));
  assert.equal(e.errors[0].loc, 'semester_activities[0].meetings');
});

test('a cyclic object is a located value error, not a TypeError', () => {
  const d = form(2);
  d.semester_activities[0].self = d.semester_activities[0];
  const e = refused(() => xj.check(d, BJ));
  assert.equal(e.errors[0].type, 'value');
  assert.equal(e.errors[0].loc, 'semester_activities[0].self');
});

test('100,000-deep nesting is refused at the depth limit, not a RangeError', () => {
  let deep = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const e = refused(() => xj.check({ semester_activities: deep }));
  assert.equal(e.errors.length, 1);
  assert.equal(e.errors[0].type, 'limit');
  assert.equal(e.errors[0].loc, 'semester_activities' + '[0]'.repeat(63));
  assert.match(e.errors[0].msg_en, /nesting_depth/);
});

test('limits in the options: same names as Python, unknown names listed', () => {
  const e = refused(() => xj.check({ semester_activities: [[[[]]]] }, { limits: { nesting_depth: 3 } }));
  assert.equal(e.errors[0].type, 'limit');
  assert.equal(e.errors[0].loc, 'semester_activities[0][0]');
  const long = form(2);
  long.semester_activities[0].project = 'P'.repeat(41);
  const s = refused(() => xj.check(long, { limits: { string_chars: '40' } }));
  assert.equal(s.errors[0].type, 'limit');
  assert.equal(s.errors[0].loc, 'semester_activities[0].project');
  const u = refused(() => xj.check(form(2), { limits: { nesting_dept: 3 } }));
  assert.equal(u.errors[0].type, 'value');
  assert.match(u.errors[0].msg_en, /nesting_depth/);
  const r = refused(() => xj.check({ semester_activities: [activity(2), activity(2)] }, { limits: { records: 1 } }));
  assert.equal(r.errors[0].type, 'limit');
  assert.equal(r.errors[0].loc, 'semester_activities');
});

test('a function, a Map or a bigint is refused where JSON.stringify would drop or throw', () => {
  const f = refused(() => xj.check(form(() => 2)));
  assert.equal(f.errors[0].type, 'type');
  assert.equal(f.errors[0].loc, 'semester_activities[0].meetings');
  const m = refused(() => xj.check({ semester_activities: new Map() }));
  assert.equal(m.errors[0].loc, 'semester_activities');
  const b = refused(() => xj.check(form(2n)));
  assert.equal(b.errors[0].loc, 'semester_activities[0].meetings');
});

test('undefined members are left out, as JSON.stringify does', () => {
  const d = form(2);
  d.semester_activities[0].notes = undefined;
  assert.equal(xj.check(d, BJ).ok, true);
});

test('a cyclic options object is an input error', () => {
  const o = { packs: ['bj-3p2-2024'] };
  o.self = o;
  const e = refused(() => xj.check(form(2), o));
  assert.equal(e.errors[0].loc, 'self');
});

test('every conversion problem is listed', () => {
  const d = { semester_activities: [activity(NaN), activity(2), activity(Infinity)] };
  const e = refused(() => xj.check(d, BJ));
  assert.deepEqual(e.errors.map((x) => [x.type, x.loc]), [
    ['value', 'semester_activities[0].meetings'],
    ['value', 'semester_activities[2].meetings'],
  ]);
});

test('checkField: a misspelt field or an index past the end is an error naming it', () => {
  const m = refused(() => xj.checkField('semester_activities', form(1), 'semester_activities[0].meeting', BJ));
  assert.equal(m.errors[0].type, 'value');
  assert.equal(m.errors[0].loc, 'path');
  assert.match(m.errors[0].msg_en, /meeting/);
  const i = refused(() => xj.checkField('semester_activities', form(1), 'semester_activities[1].meetings', BJ));
  assert.equal(i.errors[0].loc, 'path');
  assert.match(i.errors[0].msg_en, /semester_activities\[1\]/);
  const k = refused(() => xj.checkField('semester_activitie', form(1), 'semester_activitie[0].meetings', BJ));
  assert.equal(k.errors[0].loc, 'kind');
  // A field the rules do not read but the record holds is still a field.
  assert.deepEqual(xj.checkField('semester_activities', form(2), 'semester_activities[0].semester', BJ), []);
});

// The core collects every input error past the first bad record; the binding passes them through.
test('two bad records give two errors', () => {
  const d = { semester_activities: [activity(-1), activity(2), activity(-2)] };
  const e = refused(() => xj.check(d, BJ));
  assert.deepEqual(e.errors.map((x) => [x.type, x.loc]), [
    ['value', 'semester_activities[0].meetings'],
    ['value', 'semester_activities[2].meetings'],
  ]);
});
