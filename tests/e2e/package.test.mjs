// End-to-end: the npm package as a user gets it. `npm pack` the dist (`cargo xtask test` writes
// it and sets STEPWISE_DIST), install the tarball into a scratch project, type-check a
// TypeScript file that uses the element, the kernels and the Player with `tsc --noEmit` (and
// one that misuses them, which must fail), import the kernels by the package's own name in
// Node, and load a page that imports the element from node_modules/ in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, paintedPixels, serveDirectory, ARTIFACTS } from './harness.mjs';

const DIST = process.env.STEPWISE_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const TSC = new URL('../../node_modules/.bin/tsc', import.meta.url).pathname;

/** The scratch project, with the packed tarball installed. */
let project = '';
let browser;
const started = Date.now();

before(async () => {
  assert.ok(existsSync(join(DIST, 'package.json')), `no package in ${DIST}: run cargo xtask dist`);
  project = mkdtempSync(join(tmpdir(), 'stepwise-package-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: DIST }).toString().trim().split('\n').pop();
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--offline', join(project, packed ?? '')], { cwd: project });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  console.log(`npm package: packed, installed, type-checked and loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

const installed = (/** @type {string} */ path) => join(project, 'node_modules/stepwise-player', path);

test('the package: exports map, types, side effects and a Custom Elements Manifest that lists the element', () => {
  const manifest = JSON.parse(readFileSync(installed('package.json'), 'utf8'));
  assert.deepEqual(Object.keys(manifest.exports).slice(0, 4), ['.', './kernels', './player/*', './catalogue']);
  // `./player/<id>` is each algorithm's module: every id of the catalogue resolves.
  const catalogue = readFileSync(installed(manifest.exports['./catalogue'].default), 'utf8');
  const ids = [...catalogue.matchAll(/import\(["']\.\/([a-z0-9-]+)\/stepwise\.js["']\)/g)].map((match) => match[1]);
  assert.ok(ids.length >= 5, `the catalogue lists ${ids.length} modules`);
  for (const entry of ['.', './kernels', ...ids.map((id) => `./player/${id}`)]) {
    const target = manifest.exports[entry] ?? manifest.exports['./player/*'];
    const resolve = (/** @type {string} */ path) => path.replace('*', entry.split('/').pop() ?? '');
    assert.ok(existsSync(installed(resolve(target.default))), `${entry} → ${target.default}`);
    assert.ok(existsSync(installed(resolve(target.types))), `${entry} types`);
  }
  assert.deepEqual(manifest.sideEffects, ['./embed.js']);
  assert.equal(manifest.license, 'MIT');
  assert.ok(existsSync(installed('LICENSE')) && existsSync(installed('README.md')));
  const elements = JSON.parse(readFileSync(installed(manifest.customElements), 'utf8'));
  const [declaration] = elements.modules[0].declarations;
  assert.equal(declaration.tagName, 'stepwise-player');
  const attributes = declaration.attributes.map((/** @type {{ name: string }} */ attribute) => attribute.name);
  for (const name of ['algorithm', 'input', 'step', 'from', 'to', 'mode', 'controls']) assert.ok(attributes.includes(name), name);
  assert.deepEqual(declaration.events.map((/** @type {{ name: string }} */ event) => event.name), ['stepwise-ready', 'stepwise-step', 'stepwise-error']);
  assert.equal(declaration.cssProperties[0].name, '--stepwise-height');
  // The README's table and the manifest come from the same list.
  const readme = readFileSync(installed('README.md'), 'utf8');
  for (const name of attributes) assert.match(readme, new RegExp(`\\| \`${name}\` \\|`));
});

test('TypeScript: the element, its events, the kernels and the Player type-check; misuse does not', () => {
  const options = {
    target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'esnext.disposable', 'dom', 'dom.iterable'],
    strict: true, noEmit: true, jsx: 'preserve', skipLibCheck: false, types: [],
  };
  writeFileSync(join(project, 'good.tsx'), `
import 'stepwise-player';
import type { StepwisePlayer } from 'stepwise-player';
import init, { nextGreater, intersect, labelModel } from 'stepwise-player/kernels';
import { Player } from 'stepwise-player/player/next-greater';

declare global { namespace JSX { interface Element {} } }

const element = document.createElement('stepwise-player');
const same: StepwisePlayer = element;
element.algorithm = 'next-greater';
element.input = '2 7 3 5';
element.step = 3;
element.from = null;
element.controls = 'minimal';
element.mode = 'practice';
element.autoplay = true;
const length: number = same.length;
element.addEventListener('stepwise-step', (event) => {
  const step: number = event.detail.step;
  console.log(step, length);
});
const found = document.querySelector('stepwise-player');
found?.addEventListener('stepwise-error', (event) => console.log(event.detail.message));

await init();
const answer: Int32Array = nextGreater(new Float64Array([2, 7, 3]), {});
const common: Int32Array = intersect(new Int32Array([1, 2]), new Int32Array([2]), 'multiset');
const model = labelModel(new Int32Array([0, 1, -1, 1]), { items: 2, sources: 2, classes: 2, method: 'dawid-skene', abstain: 'outcome' });
const labels: Int32Array = model.labels;
const rounds: number = model.iterations;
const player = new Player('next-greater', '2 7 3', {});
player.forward();
console.log(answer, common, labels, rounds, model.confusion.length, player.position);

export const view = <stepwise-player algorithm="roc" step={3} autoplay controls="none">
  <stepwise-note at="2" pause>Look.</stepwise-note>
</stepwise-player>;
`);
  writeFileSync(join(project, 'bad.tsx'), `
import 'stepwise-player';
declare global { namespace JSX { interface Element {} } }
const element = document.createElement('stepwise-player');
element.step = 'three';
element.controls = 'some';
element.addEventListener('stepwise-step', (event) => { const text: string = event.detail.step; console.log(text); });
export const view = <stepwise-player algoritm="roc" />;
`);
  const check = (/** @type {string} */ file) => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: [file] }));
    return spawnSync(TSC, ['-p', project], { cwd: project, encoding: 'utf8' });
  };
  const good = check('good.tsx');
  assert.equal(good.status, 0, `tsc on good.tsx:\n${good.stdout}${good.stderr}`);
  const bad = check('bad.tsx');
  assert.notEqual(bad.status, 0, 'misuse must not type-check');
  const errors = (bad.stdout.match(/bad\.tsx\(\d+,\d+\): error/g) ?? []).length;
  assert.equal(errors, 4, `one error per misuse:\n${bad.stdout}`);
});

test('Node imports the kernels by the package name, and they run', async () => {
  const script = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, nextGreater } from 'stepwise-player/kernels';
const wasm = createRequire(import.meta.url).resolve('stepwise-player/kernels').replace(/\\.js$/, '_bg.wasm');
initSync({ module: readFileSync(wasm) });
console.log(JSON.stringify([...nextGreater(new Float64Array([2, 7, 3, 5, 4, 6, 8]), {})]));
`;
  writeFileSync(join(project, 'kernels.mjs'), script);
  const output = execFileSync('node', ['kernels.mjs'], { cwd: project }).toString().trim();
  assert.equal(output, '[1,6,3,5,5,6,-1]');
});

test('a page imports the element from node_modules/: the player renders and steps', async () => {
  writeFileSync(join(project, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Package check</title><link rel="icon" href="data:,">
<script type="module" src="node_modules/stepwise-player/embed.js"></script></head>
<body><stepwise-player id="player" algorithm="next-greater" input="2 7 3 5 4 6 8"></stepwise-player></body></html>
`);
  const server = await serveDirectory(project);
  try {
    const { page, problems } = await openPage(browser, `${server.url}index.html`, { width: 800, height: 600 });
    await page.waitForFunction(() => document.querySelector('#player')?.length > 0);
    const painted = await paintedPixels(page, '#player');
    assert.ok(painted > 500, `the canvas is drawn (${painted} pixels)`);
    await page.$eval('#player', (element) => { /** @type {any} */ (element).step = 4; });
    await page.waitForFunction(() => document.querySelector('#player')?.getAttribute('data-position') === '4');
    await page.screenshot({ path: `${ARTIFACTS}package-page.png` });
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    server.close();
  }
});
