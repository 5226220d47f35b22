// The TypeScript declarations as a user's compiler sees them: `tsc --noEmit` (strict) on
// test/types/usage.ts, whose `@ts-expect-error` lines must each be errors (an unknown collection
// in checkField, a path outside it, an unknown option) and whose other lines must compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const wasm = fileURLToPath(new URL('..', import.meta.url));

test('the public types compile strictly and refuse what they should', () => {
  let output = '';
  try {
    execFileSync('node_modules/.bin/tsc', ['-p', 'test/types/tsconfig.json'], { cwd: wasm, encoding: 'utf8' });
  } catch (e) {
    output = `${e.stdout}${e.stderr}`;
  }
  assert.equal(output, '');
});
