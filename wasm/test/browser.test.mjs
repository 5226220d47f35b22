// Real-browser test of the demo form: Debian's chromium through playwright-core, the demo served on
// 127.0.0.1. What a clerk needs (each bad field at its field at once, other records apart,
// date-time pickers, schools by name, zh/en, the clause next to the finding, 360 px, keyboard),
// axe-core with no serious or critical violation, and screenshots at desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { launch, serve } from './support.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)); // wasm/: serves demo/ and pkg/
const out = join(root, 'test-output');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;

before(async () => {
  server = await serve(root);
  browser = await launch();
  await mkdir(out, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(viewport = { width: 1280, height: 1000 }) {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${server.url}/demo/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return page;
}

const field = (page, c, f) => page.locator(`[data-c="${c}"][data-f="${f}"]`);
const errorsOf = (page, c, f) => page.locator(`[id="${`f-${c}-${f}`.replace(/[^\w-]+/g, '-')}-errors"] li`);
/** Waits for the next check after `action` (checks run on the next animation frame). */
async function checked(page, action) {
  const n = Number(await page.locator('body').getAttribute('data-checked') ?? 0);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.checked ?? 0) > n, n);
}

/** axe-core in the page; fails on any serious or critical violation. */
async function axe(page, label) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(bad, [], `${label}: axe-core violations`);
}

test('each bad field at its field at once, counts current, clause next to the finding', async () => {
  const page = await open();
  await checked(page, () => field(page, 'semester_activities', 'meetings').fill('1'));
  await checked(page, () => field(page, 'applications', 'rank').fill('1.5'));
  await checked(page, () => field(page, 'status_reports', 'enrollment').fill('-3'));

  // The rule finding and two refused values, each at its own field, all at once.
  const meetings = errorsOf(page, 'semester_activities', 'meetings');
  assert.match(await meetings.first().innerText(), /沟通会/);
  assert.match(await meetings.first().innerText(), /bj-3p2-2024\/semester-meetings/);
  assert.equal(await errorsOf(page, 'applications', 'rank').count(), 1);
  assert.equal(await errorsOf(page, 'status_reports', 'enrollment').count(), 1);
  for (const [c, f] of [['semester_activities', 'meetings'], ['applications', 'rank'], ['status_reports', 'enrollment']]) {
    const el = field(page, c, f);
    assert.equal(await el.getAttribute('aria-invalid'), 'true', `${f} aria-invalid`);
    assert.match(await el.getAttribute('aria-describedby'), /-errors\b/);
  }
  assert.equal(await field(page, 'status_reports', 'transferred').getAttribute('aria-invalid'), 'false');
  // Counts are those of the form, refused values included; the live region says so.
  assert.ok(Number(await page.locator('#n-error').innerText()) >= 3);
  assert.equal(await page.locator('#summary-text').getAttribute('role'), 'status');
  assert.match(await page.locator('#summary-text').innerText(), /本表/);

  // The clause opens inside the finding clicked, by keyboard too.
  const button = meetings.first().locator('button.show-clause');
  await button.focus();
  await page.keyboard.press('Enter');
  const panel = meetings.first().locator('.clause');
  await panel.locator('blockquote').waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.match(await panel.innerText(), /京教函/);
  await page.screenshot({ path: join(out, 'demo-desktop-invalid.png'), fullPage: true });
  await axe(page, 'desktop, errors shown, clause open');

  // From the summary, a finding leads to its field.
  const goto = page.locator('#findings button.goto').first();
  await goto.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.f), await page.evaluate(
    (id) => document.getElementById(id).dataset.f, await goto.getAttribute('data-target')));

  // Corrected: every error goes, the counts with them.
  await checked(page, () => field(page, 'semester_activities', 'meetings').fill('2'));
  await checked(page, () => field(page, 'applications', 'rank').fill('1'));
  await checked(page, () => field(page, 'status_reports', 'enrollment').fill('40'));
  assert.equal(await page.locator('.field-errors li').count(), 0);
  assert.equal(await field(page, 'semester_activities', 'meetings').getAttribute('aria-invalid'), 'false');
  await page.screenshot({ path: join(out, 'demo-desktop-corrected.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('date-time pickers, schools by name, major codes once the catalogue is in', async () => {
  const page = await open();
  const at = field(page, 'applications', 'submitted_at');
  assert.equal(await at.getAttribute('type'), 'datetime-local');
  assert.match(await at.inputValue(), /^2024-02-26T10:00(:00)?$/);
  const school = field(page, 'applications', 'secondary_school');
  assert.equal(await school.evaluate((e) => e.tagName), 'SELECT');
  assert.match(await school.locator('option:checked').innerText(), /北京市商业学校/);
  // Only secondary schools are offered for the secondary school.
  assert.ok(!(await school.innerText()).includes('北京财贸职业学院'));

  await page.waitForSelector('body[data-reference="true"]', { timeout: 20000 });
  await checked(page, () => field(page, 'applications', 'secondary_major.code').fill('710299'));
  const major = errorsOf(page, 'applications', 'secondary_major.code');
  assert.match(await major.first().innerText(), /职业教育专业目录/);
  assert.match(await major.first().innerText(), /ref-data\/major-code/);
  await checked(page, () => field(page, 'applications', 'secondary_major.code').fill('710201'));
  assert.equal(await major.count(), 0);
  // The project's transfer rate and the school's 汇总表, from the core, follow the form.
  await page.waitForSelector('body[data-aggregates]');
  assert.match(await page.locator('#rate-table').innerText(), /74\/79/);
  assert.match(await page.locator('#rate-table').innerText(), /93\.7%/);
  const ids = () => page.locator('#summary-table tbody tr td:nth-child(2)').allInnerTexts();
  assert.deepEqual(await ids(), ['A0001', 'A0002']);
  await checked(page, () => field(page, 'applications', 'rank').fill('3'));
  await page.waitForFunction(() =>
    document.querySelector('#summary-table tbody tr td:nth-child(2)')?.textContent === 'A0002');
  assert.deepEqual(await ids(), ['A0002', 'A0001']);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('sample: findings of other records are listed apart, not as the form’s', async () => {
  const page = await open();
  await checked(page, () => page.locator('#load-sample').click());
  await page.waitForSelector('body[data-sample="true"]');
  // The sample's first application names a higher school as its secondary school: at that field.
  const levels = errorsOf(page, 'applications', 'secondary_school');
  assert.match(await levels.first().innerText(), /bj-3p2-2024\/applicant-levels/);
  const mine = await page.locator('#findings li.finding').count();
  const counted = Number(await page.locator('#n-error').innerText()) + Number(await page.locator('#n-warning').innerText());
  assert.equal(mine, counted, 'the form’s list is what its counts count');
  const others = Number(await page.locator('#n-others').innerText());
  assert.ok(others > 10, `other records' findings: ${others}`);
  // None of the form's findings names another record; the others each show their record.
  assert.equal(await page.locator('#findings .where').count(), 0);
  assert.ok((await page.locator('#others .where').count()) > 0);
  await page.screenshot({ path: join(out, 'demo-desktop-sample.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('English, and a phone 360 px wide', async () => {
  const page = await open({ width: 360, height: 780 });
  await checked(page, () => field(page, 'semester_activities', 'meetings').fill('1'));
  await checked(page, () => page.locator('#lang-en').click());
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('label[for="f-semester_activities-meetings"]').innerText(), 'Liaison meetings');
  assert.match(await errorsOf(page, 'semester_activities', 'meetings').first().innerText(), /meeting/i);
  assert.equal(await page.locator('#lang-en').getAttribute('aria-pressed'), 'true');
  // Nothing wider than the screen, the aggregates' tables included.
  await page.waitForSelector('body[data-aggregates]');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 360, `page is ${wide} px wide`);
  await page.screenshot({ path: join(out, 'demo-phone-en.png'), fullPage: true });
  await axe(page, 'phone, English');
  await checked(page, () => page.locator('#lang-zh').click());
  await checked(page, () => page.locator('#load-sample').click());
  await page.waitForSelector('body[data-sample="true"]');
  await page.waitForFunction(() => document.querySelector('#summary-table tbody td')?.textContent === '1');
  const wideSample = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wideSample <= 360, `page with the sample is ${wideSample} px wide`);
  await page.screenshot({ path: join(out, 'demo-phone-zh-sample.png'), fullPage: true });
  await axe(page, 'phone, Chinese, sample');
  assert.deepEqual(page.errors, []);
  await page.close();
});
