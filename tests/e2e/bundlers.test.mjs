// End-to-end: the npm package inside the two bundlers most sites build with. The packed dist is
// installed into a scratch project whose main.js imports the element and the kernels by the
// package's name; Vite and webpack (the project's dev dependencies, driven through their Node
// APIs) build it for production, and Chromium opens each output: the element is ready and draws,
// the kernels answer, and a second algorithm's player loads its own chunk and module only.
// Each build's time and the chunks it wrote are printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { launchBrowser, paintedPixels, serveDirectory, ARTIFACTS } from './harness.mjs';

const DIST = process.env.STEPWISE_DIST ?? new URL('../../dist/', import.meta.url).pathname;
/** The bundlers come from the workspace's own dev dependencies (package.json). */
const workspace = createRequire(new URL('../../package.json', import.meta.url));
const vite = await import(workspace.resolve('vite'));
const webpack = (await import(workspace.resolve('webpack'))).default;

/** The catalogue as the package ships it: every algorithm's id, in menu order. */
const { ALGORITHMS } = await import(join(DIST, 'pkg/catalogue.js'));
const [FIRST, SECOND] = ALGORITHMS.map((/** @type {{ id: string }} */ info) => info.id);

let project = '';
let browser;

const MAIN = `import 'stepwise-player';
import init, { nextGreater } from 'stepwise-player/kernels';

// The kernel library, bundled: its answer goes on the page for the test to read.
init().then(() => {
  document.body.dataset.kernels = JSON.stringify([...nextGreater(new Float64Array([2, 7, 3, 5, 4, 6, 8]), {})]);
});
`;
const BODY = `<stepwise-player id="first" algorithm="${FIRST}"></stepwise-player>`;

before(async () => {
  assert.ok(existsSync(join(DIST, 'package.json')), `no package in ${DIST}: run cargo xtask dist`);
  project = mkdtempSync(join(tmpdir(), 'stepwise-bundlers-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: DIST }).toString().trim().split('\n').pop();
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--offline', join(project, packed ?? '')], { cwd: project });
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src/main.js'), MAIN);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Every file under `folder` with its gzipped size, for the report. */
function chunks(folder) {
  const files = [];
  const walk = (directory) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|wasm|css)$/.test(name)) files.push(`${relative(folder, path)} ${(gzipSync(readFileSync(path), { level: 9 }).length / 1024).toFixed(1)} KB`);
    }
  };
  walk(folder);
  return files.sort();
}

/**
 * Opens the built site in `folder`: the first player is ready and draws, the kernels answer,
 * and a player of a second algorithm added later fetches exactly one more wasm module.
 */
async function checkSite(folder, name) {
  const server = await serveDirectory(folder);
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
  });
  const wasm = [];
  const scripts = [];
  page.on('request', (request) => {
    const url = request.url().slice(server.url.length);
    if (url.endsWith('.wasm')) wasm.push(url);
    if (url.endsWith('.js')) scripts.push(url);
  });
  try {
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('#first'))?.length > 0, undefined, { timeout: 15000 });
    assert.ok(await paintedPixels(page, '#first') > 500, `${name}: the first player draws`);
    await page.waitForFunction(() => document.body.dataset.kernels !== undefined);
    assert.equal(await page.evaluate(() => document.body.dataset.kernels), '[1,6,3,5,5,6,-1]', `${name}: the kernels answer`);
    // The element's module and the kernel library's.
    assert.equal(wasm.length, 2, `${name}: first load fetched ${wasm.join(', ')}`);
    const before = { wasm: wasm.length, scripts: scripts.length };
    await page.evaluate((id) => {
      const player = document.createElement('stepwise-player');
      player.id = 'second';
      player.setAttribute('algorithm', id);
      document.body.append(player);
    }, SECOND);
    await page.waitForFunction(() => /** @type {any} */ (document.querySelector('#second'))?.length > 0, undefined, { timeout: 15000 });
    assert.ok(await paintedPixels(page, '#second') > 500, `${name}: the second player draws`);
    const added = wasm.slice(before.wasm);
    assert.equal(added.length, 1, `${name}: the second algorithm fetched ${added.join(', ')}`);
    assert.ok(scripts.length - before.scripts >= 1, `${name}: the second algorithm's glue is a chunk of its own`);
    await page.screenshot({ path: `${ARTIFACTS}bundler-${name}.png` });
    assert.deepEqual(problems, [], `${name}: ${problems.join('\n')}`);
  } finally {
    await context.close();
    server.close();
  }
}

test('Vite builds the element and the kernels for production, one chunk per algorithm', async () => {
  writeFileSync(join(project, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vite</title><link rel="icon" href="data:,">
<script type="module" src="/src/main.js"></script></head><body>${BODY}</body></html>`);
  const started = Date.now();
  const outDir = join(project, 'dist-vite');
  const warnings = [];
  await vite.build({
    root: project,
    logLevel: 'silent',
    customLogger: { ...vite.createLogger('warn'), warn: (message) => warnings.push(message), warnOnce: (message) => warnings.push(message) },
    build: { outDir, emptyOutDir: true },
  });
  console.log(`vite build: ${((Date.now() - started) / 1000).toFixed(1)} s; ${chunks(outDir).join(', ')}`);
  assert.deepEqual(warnings, [], 'vite warns of nothing');
  await checkSite(outDir, 'vite');
});

test('webpack builds the element and the kernels for production with no warning', async () => {
  const outDir = join(project, 'dist-webpack');
  const started = Date.now();
  const stats = await new Promise((resolve, reject) => {
    webpack({
      mode: 'production',
      context: project,
      entry: './src/main.js',
      output: { path: outDir, filename: 'main.js', publicPath: 'auto', clean: true },
      performance: { hints: false },
    }, (error, result) => (error ? reject(error) : resolve(result)));
  });
  const info = stats.toJson({ all: false, warnings: true, errors: true });
  console.log(`webpack build: ${((Date.now() - started) / 1000).toFixed(1)} s; ${chunks(outDir).join(', ')}`);
  assert.deepEqual(info.errors, [], 'webpack builds');
  assert.deepEqual(info.warnings.map((warning) => warning.message), [], 'webpack warns of nothing');
  writeFileSync(join(outDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>webpack</title><link rel="icon" href="data:,">
<script src="main.js" defer></script></head><body>${BODY}</body></html>`);
  await checkSite(outDir, 'webpack');
});
