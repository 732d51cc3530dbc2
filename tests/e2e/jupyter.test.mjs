// End-to-end: the Jupyter widget in a real JupyterLab. The wheel `cargo xtask dist` built
// (STEPWISE_DIST/python/) is installed into the venv that holds JupyterLab and anywidget
// (JUPYTER_PYTHON, made by `cargo xtask test`); JupyterLab starts on 127.0.0.1 with its
// settings in a scratch folder; Chromium opens a notebook and runs its cells from the keyboard.
// Checked: the player draws, `step` set in Python moves it, stepping in the browser updates
// `step` in Python, `result` arrives as Python data, and the input syncs both ways (the
// widget's field and `player.input`). The time is printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, paintedPixels, ARTIFACTS } from './harness.mjs';

const DIST = process.env.STEPWISE_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const PYTHON = process.env.JUPYTER_PYTHON ?? new URL('../../target/jupyter-venv/bin/python', import.meta.url).pathname;
const TOKEN = 'stepwise-test-token';

/** The notebook's cells, run one by one from the keyboard. */
const CELLS = [
  'from stepwise_jupyter import Player\n'
    + 'player = Player(algorithm="next-greater", input="2 7 3 5 4 6 8", speed=4)\n'
    + 'player',
  'player.step = 3',
  'print("STEP", player.step, "LENGTH", player.length, "RESULT", player.result)',
  'print("INPUT", player.input, "RESULT", player.result)',
  'player.input = "1 2"',
];

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Waits until `check()` resolves true, polling every 250 ms for `seconds`.
 * @param {() => Promise<boolean>} check
 * @param {number} seconds
 * @param {string | (() => string)} what said when it times out
 */
async function until(check, seconds, what) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${seconds} s waiting for ${typeof what === 'function' ? what() : what}`);
}

let browser;
let lab;
let labOutput = '';
let url = '';
const started = Date.now();

before(async () => {
  const wheels = readdirSync(join(DIST, 'python')).filter((name) => name.endsWith('.whl'));
  assert.equal(wheels.length, 1, `one wheel in ${DIST}python/: run cargo xtask dist`);
  execFileSync(PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--force-reinstall', '--no-deps', join(DIST, 'python', wheels[0])]);
  const root = mkdtempSync(join(tmpdir(), 'stepwise-jupyter-'));
  writeFileSync(join(root, 'stepwise.ipynb'), JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    cells: CELLS.map((source, index) => ({ cell_type: 'code', id: `cell-${index}`, metadata: {}, source, outputs: [], execution_count: null })),
  }));
  const port = await freePort();
  // Settings, workspaces and runtime files in the scratch folder: nothing of the machine's.
  const environment = {
    ...process.env,
    JUPYTER_CONFIG_DIR: join(root, '.config'),
    JUPYTER_RUNTIME_DIR: join(root, '.runtime'),
    JUPYTERLAB_WORKSPACES_DIR: join(root, '.workspaces'),
    IPYTHONDIR: join(root, '.ipython'),
  };
  // --allow-root: CI machines run the tests as root.
  lab = spawn(PYTHON, ['-m', 'jupyter', 'lab', '--no-browser', '--allow-root', '--ip=127.0.0.1', `--port=${port}`,
    `--IdentityProvider.token=${TOKEN}`, `--ServerApp.root_dir=${root}`, '--LabApp.news_url=', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate'],
  { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  lab.stdout.on('data', (chunk) => { labOutput += chunk; });
  lab.stderr.on('data', (chunk) => { labOutput += chunk; });
  const base = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${base}/api/status?token=${TOKEN}`)).ok, 60, () => `JupyterLab to start:\n${labOutput}`);
  url = `${base}/lab/tree/stepwise.ipynb?token=${TOKEN}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  lab?.kill();
  console.log(`jupyter: JupyterLab and the notebook took ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('JupyterLab: the widget draws, and step and input sync both ways with Python', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /stepwise|anywidget|wasm/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  try {
    await runNotebook(page);
  } catch (error) {
    await page.screenshot({ path: `${ARTIFACTS}jupyter-lab-failure.png` });
    throw error;
  }
  assert.deepEqual(problems, []);
  await page.close();
});

/**
 * Opens the notebook and runs its cells, checking the widget between them.
 * @param {import('playwright-core').Page} page
 */
async function runNotebook(page) {
  await page.goto(url);
  const cells = page.locator('.jp-Notebook .jp-Cell');
  await cells.nth(CELLS.length - 1).waitFor({ timeout: 60_000 });
  // The kernel is connected once the status bar says so; a cell run before that is dropped.
  await page.waitForFunction(() => /\|\s*Idle/.test(document.querySelector('#jp-main-statusbar')?.textContent ?? ''), null, { timeout: 60_000 });

  /** Runs cell `index` (selected by its prompt, in command mode) and waits for its count. */
  const run = async (index) => {
    await cells.nth(index).locator('.jp-InputPrompt').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Enter');
    await until(async () => /\[\d+\]/.test(await cells.nth(index).locator('.jp-InputPrompt').innerText()), 60, `cell ${index} to run`);
  };

  await run(0);
  const player = page.locator('stepwise-player');
  await until(async () => (await player.evaluate((element) => /** @type {any} */ (element).length)) > 0, 60, 'the player to be built');
  assert.ok(await paintedPixels(page, 'stepwise-player') > 500, 'the widget draws its animation');
  assert.equal(await player.evaluate((element) => /** @type {any} */ (element).step), 0);

  // Python moves the animation.
  await run(1);
  await until(async () => (await player.evaluate((element) => /** @type {any} */ (element).step)) === 3, 30, 'step 3 from Python');
  assert.match(await player.evaluate((element) => element.shadowRoot?.querySelector('.count')?.textContent ?? ''), /^3\b/);

  // The learner steps in the browser; Python reads the new step and the result.
  await player.locator('button[aria-label="Step forward"]').click();
  await until(async () => (await player.evaluate((element) => /** @type {any} */ (element).step)) === 4, 30, 'the step button');
  await run(2);
  const printed = await cells.nth(2).locator('.jp-OutputArea-output').innerText();
  const length = await player.evaluate((element) => /** @type {any} */ (element).length);
  assert.match(printed, new RegExp(`^STEP 4 LENGTH ${length} RESULT `), printed);
  assert.match(printed, /'indices': \[1, 6, 3, 5, 5, 6, -1\]/, `the result as Python data: ${printed}`);
  await page.screenshot({ path: `${ARTIFACTS}jupyter-lab.png` });

  // The input, edited in the widget's field, runs again and reaches Python; set in Python, it
  // reaches the field and the player.
  const field = page.locator('.stepwise-widget-input input');
  await field.fill('3 1 2');
  await field.press('Enter');
  await until(async () => (await player.getAttribute('input')) === '3 1 2' && (await player.evaluate((element) => /** @type {any} */ (element).length)) > 0, 30, 'the edited input to run');
  await run(3);
  const edited = await cells.nth(3).locator('.jp-OutputArea-output').innerText();
  assert.match(edited, /^INPUT 3 1 2 RESULT \{'indices': \[-1, 2, -1\]/, edited);
  await run(4);
  await until(async () => (await field.inputValue()) === '1 2' && (await player.getAttribute('input')) === '1 2', 30, 'the input from Python');
}
