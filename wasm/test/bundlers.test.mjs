// The package in the common bundlers: a tiny app (wasm/bundler-app/) importing `xianjie` by name
// from node_modules, bundled by esbuild and by Vite (dev server and build), each run in Chromium.
// Every asset must arrive: the checking module, the reference tables and the full module.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild, createServer as viteServer } from 'vite';
import { launch, serve } from './support.mjs';

const wasm = fileURLToPath(new URL('..', import.meta.url));
let app, browser;

// What the app reports once it ran (see bundler-app/main.js).
// The meetings finding (checking module), the district finding (reference tables, fetched), the
// pack of the explained rule (full module, fetched on first use) and the error class.
const EXPECTED = { meetings: true, district: true, pack: 'bj-3p2-2024', error: 'value' };

before(async () => {
  // The app with the built package installed as a dependency (a copy: a symlink would make Vite
  // treat it as source rather than as a package).
  app = await mkdtemp(join(tmpdir(), 'xianjie-app-'));
  await cp(join(wasm, 'bundler-app'), app, { recursive: true });
  await cp(join(wasm, 'pkg'), join(app, 'node_modules/xianjie'), { recursive: true });
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (app) await rm(app, { recursive: true, force: true });
});

async function run(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('requestfailed', (r) => problems.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.url()} HTTP ${r.status()}`));
  await page.goto(url);
  await page.waitForSelector('body[data-result]', { state: 'attached', timeout: 30000 });
  const { rules, ...rest } = JSON.parse(await page.locator('body').getAttribute('data-result'));
  const result = {
    ...rest,
    meetings: rules?.includes('bj-3p2-2024/semester-meetings'),
    district: rules?.includes('ref-data/district-code'),
  };
  await page.close();
  assert.deepEqual({ result, problems }, { result: EXPECTED, problems: [] });
}

const assets = async (dir) => (await readdir(dir, { recursive: true })).filter((f) => /\.(wasm|tsv)$/.test(f)).sort();

test('esbuild: bundle plus the package assets copied beside it', async () => {
  const out = join(app, 'dist-esbuild');
  await esbuild({
    absWorkingDir: app,
    entryPoints: ['main.js'],
    bundle: true,
    format: 'esm',
    splitting: true,
    outdir: out,
    logLevel: 'silent',
  });
  // esbuild leaves `new URL('./x.wasm', import.meta.url)` as it is (esbuild#795): the assets must
  // sit beside the bundle, the one setting README.md gives for esbuild.
  for (const f of await assets(join(app, 'node_modules/xianjie'))) {
    await cp(join(app, 'node_modules/xianjie', f), join(out, f));
  }
  await cp(join(app, 'index.html'), join(out, 'index.html'));
  const server = await serve(out);
  try {
    await run(`${server.url}/index.html`);
  } finally {
    await server.close();
  }
});

test('vite build: each asset emitted once, nothing else of the package', async () => {
  const out = join(app, 'dist-vite');
  await viteBuild({ root: app, configFile: false, logLevel: 'silent', build: { outDir: out } });
  const emitted = (await readdir(join(out, 'assets'))).sort();
  // The four assets (hashed names), the app's script and the full module's glue: no copy of the
  // whole package (a computed `new URL` name made Vite glob every file in it).
  const kinds = emitted.map((f) => f.replace(/-[\w-]{8}\./, '.'));
  assert.deepEqual(kinds.filter((f) => !f.endsWith('.js')), [
    'catalog-2021.tsv', 'divisions.tsv', 'xianjie_check_bg.wasm', 'xianjie_full_bg.wasm',
  ]);
  assert.ok(!emitted.some((f) => /\.d\.ts$|README|package/.test(f)), emitted.join(' '));
  const server = await serve(out);
  try {
    await run(`${server.url}/index.html`);
  } finally {
    await server.close();
  }
});

test('vite dev server', async () => {
  const server = await viteServer({
    root: app,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  try {
    await run(server.resolvedUrls.local[0]);
  } finally {
    await server.close();
  }
});
