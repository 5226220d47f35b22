// Real-browser test: Debian's chromium through playwright-core, the demo served on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url)); // wasm/: serves demo/ and pkg/
const out = join(root, 'test-output');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.tsv': 'text/tab-separated-values; charset=utf-8' };
let server, browser, profile, base;

before(async () => {
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  profile = await mkdtemp(join(tmpdir(), 'xianjie-chromium-'));
  // A fresh profile directory each run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 1400 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

test('demo: inline error while typing, clause on click, clears when corrected', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/demo/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });

  const meetings = page.locator('#meetings');
  const fieldErrors = page.locator('label:has(#meetings) .field-errors li');
  await meetings.fill('1');
  await fieldErrors.first().waitFor();
  const text = await fieldErrors.first().innerText();
  assert.match(text, /沟通会/, 'Chinese message');
  assert.match(text, /bj-3p2-2024\/semester-meetings/, 'rule id shown');
  assert.notEqual(await page.locator('#n-error').innerText(), '0');

  await fieldErrors.first().click();
  await page.locator('#clause blockquote').waitFor();
  assert.ok((await page.locator('#clause').innerText()).includes('京教函'));
  await mkdir(out, { recursive: true });
  await page.screenshot({ path: join(out, 'demo-invalid.png'), fullPage: true });

  await meetings.fill('2');
  await page.waitForFunction(() => !document.querySelector('label:has(#meetings) .field-errors li'));
  assert.equal(await fieldErrors.count(), 0);
  await page.screenshot({ path: join(out, 'demo-corrected.png'), fullPage: true });

  // The catalogue arrives after the page is ready (loadReference): then a major code is checked.
  await page.waitForSelector('body[data-reference="true"]', { timeout: 20000 });
  const major = page.locator('[data-path="applications[0].secondary_major.code"]');
  const majorErrors = page.locator('label:has([data-path="applications[0].secondary_major.code"]) .field-errors li');
  await major.fill('710299');
  await majorErrors.first().waitFor();
  const majorText = await majorErrors.first().innerText();
  assert.match(majorText, /职业教育专业目录/, 'catalogue message in Chinese');
  assert.match(majorText, /ref-data\/major-code/, 'rule id shown');
  await page.screenshot({ path: join(out, 'demo-major-code.png'), fullPage: true });
  await major.fill('710201');
  await page.waitForFunction(
    () => !document.querySelector('label:has([data-path="applications[0].secondary_major.code"]) .field-errors li'),
  );

  await page.locator('#load-sample').click();
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('示例'), null, { timeout: 20000 });
  await page.screenshot({ path: join(out, 'demo-sample.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
