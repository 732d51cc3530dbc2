// End-to-end: the Jupyter widget in a real JupyterLab and Notebook 7. The wheel `cargo xtask dist` built
// (STEPWISE_DIST/python/) is installed into the venv that holds JupyterLab and anywidget
// (JUPYTER_PYTHON, made by `cargo xtask test`); JupyterLab starts on 127.0.0.1 with its
// settings in a scratch folder; Chromium opens a notebook in each front end and runs its
// cells from the keyboard.
// Checked: the player draws, `step` set in Python moves it, stepping in the browser updates
// `step` in Python, `result` arrives as Python data, the input syncs both ways (the widget's
// field and `player.input`), a lesson and a locked range set in Python reach the player, and
// the widget follows the notebook's (dark) theme. The time is printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, paintedPixels, ARTIFACTS } from './harness.mjs';

const DIST = process.env.STEPWISE_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const PYTHON = process.env.JUPYTER_PYTHON ?? new URL('../../target/jupyter-venv/bin/python', import.meta.url).pathname;
const TOKEN = 'stepwise-test-token';

/** The notebook's cells, run one by one from the keyboard. */
const CELLS = [
  // A Player made first and never shown: the element is defined by its copy of the module
  // (a notebook imports one per widget), and must still start from the files handed over by
  // the copy that is shown.
  'from stepwise_jupyter import Player\n'
    + 'unseen = Player(algorithm="next-greater", input="9 8 7")\n'
    + 'player = Player(algorithm="next-greater", input="2 7 3 5 4 6 8", speed=4)\n'
    + 'player',
  'player.step = 3',
  'print("STEP", player.step, "LENGTH", player.length, "RESULT", player.result)',
  'player.speed = 3',
  'player.notes = {0: "Start here", 3: "Watch <the> stack"}\nplayer.from_step = 2\nplayer.to_step = 10',
  'print("INPUT", player.input, "RESULT", player.result)',
  'player.input = "1 2"',
  'player.input = "4 x 2"',
  'print("ERROR", player.error, "LENGTH", player.length)',
  'print("VARIANT", Player(previous=True, smaller=False, method="scan", controls="minimal").variant, '
    + 'Player(algorithm="intersection", mode="set", practice=True).variant)',
  'try:\n    Player(notes=[(1, "fine"), (-1, "not a step")])\nexcept Exception as error:\n    print("NOTES", error)',
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
let base = '';
let root = '';
const started = Date.now();

/** The notebooks, one per front end (each gets its own kernel), and where each opens. */
const FRONT_ENDS = [
  { name: 'JupyterLab', file: 'lab.ipynb', path: 'lab/tree/lab.ipynb' },
  { name: 'Notebook 7', file: 'notebook7.ipynb', path: 'notebooks/notebook7.ipynb' },
];

before(async () => {
  const wheels = readdirSync(join(DIST, 'python')).filter((name) => name.endsWith('.whl'));
  assert.equal(wheels.length, 1, `one wheel in ${DIST}python/: run cargo xtask dist`);
  execFileSync(PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--force-reinstall', '--no-deps', join(DIST, 'python', wheels[0])]);
  root = mkdtempSync(join(tmpdir(), 'stepwise-jupyter-'));
  for (const { file } of FRONT_ENDS) {
    writeFileSync(join(root, file), JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
      cells: CELLS.map((source, index) => ({ cell_type: 'code', id: `cell-${index}`, metadata: {}, source, outputs: [], execution_count: null })),
    }));
  }
  // The dark theme, which the widget's default theme ("auto") follows.
  const themes = join(root, '.config', 'lab', 'user-settings', '@jupyterlab', 'apputils-extension');
  mkdirSync(themes, { recursive: true });
  writeFileSync(join(themes, 'themes.jupyterlab-settings'), JSON.stringify({ theme: 'JupyterLab Dark' }));
  const port = await freePort();
  // Settings, workspaces and runtime files in the scratch folder: nothing of the machine's.
  const environment = {
    ...process.env,
    JUPYTER_CONFIG_DIR: join(root, '.config'),
    JUPYTER_RUNTIME_DIR: join(root, '.runtime'),
    JUPYTERLAB_WORKSPACES_DIR: join(root, '.workspaces'),
    IPYTHONDIR: join(root, '.ipython'),
  };
  // One server for both front ends (Notebook 7 is a server extension beside JupyterLab's).
  // --allow-root: CI machines run the tests as root.
  lab = spawn(PYTHON, ['-m', 'jupyter', 'lab', '--no-browser', '--allow-root', '--ip=127.0.0.1', `--port=${port}`,
    `--IdentityProvider.token=${TOKEN}`, `--ServerApp.root_dir=${root}`, '--LabApp.news_url=', '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate'],
  { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  lab.stdout.on('data', (chunk) => { labOutput += chunk; });
  lab.stderr.on('data', (chunk) => { labOutput += chunk; });
  base = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${base}/api/status?token=${TOKEN}`)).ok, 60, () => `JupyterLab to start:\n${labOutput}`);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (lab && lab.exitCode === null) {
    const exited = new Promise((resolve) => lab.once('exit', resolve));
    lab.kill();
    await exited;
  }
  if (root) rmSync(root, { recursive: true, force: true });
  console.log(`jupyter: the server and both notebooks took ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

for (const frontEnd of FRONT_ENDS) {
  test(`${frontEnd.name}: the widget draws, and step and input sync both ways with Python`, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    // Errors of the widget's code (its module is a blob); the front ends' own are not ours
    // (Notebook 7 reports two of its plugins at start-up).
    const ours = /stepwise|anywidget|wasm|blob:/i;
    const problems = [];
    page.on('pageerror', (error) => {
      if (ours.test(`${error.message}\n${error.stack}`)) problems.push(`pageerror: ${error.message}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && ours.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    const shot = frontEnd.file.replace('.ipynb', '');
    try {
      await runNotebook(page, frontEnd, shot);
    } catch (error) {
      await page.screenshot({ path: `${ARTIFACTS}jupyter-${shot}-failure.png` });
      throw error;
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
}

/**
 * True once the kernel of the notebook `file` is idle with the page connected to it: a cell
 * run before that is dropped.
 * @param {string} file
 */
async function kernelReady(file) {
  const sessions = await (await fetch(`${base}/api/sessions?token=${TOKEN}`)).json();
  return sessions.some((session) => session.path === file
    && session.kernel?.execution_state === 'idle' && session.kernel?.connections > 0);
}

/**
 * Opens a front end's notebook and runs its cells, checking the widget between them.
 * @param {import('playwright-core').Page} page
 * @param {{ file: string, path: string }} frontEnd
 * @param {string} shot the screenshot's name
 */
async function runNotebook(page, { file, path }, shot) {
  await page.goto(`${base}/${path}?token=${TOKEN}`);
  const cells = page.locator('.jp-Notebook .jp-Cell');
  await cells.nth(CELLS.length - 1).waitFor({ timeout: 60_000 });
  await until(() => kernelReady(file), 60, `the kernel of ${file}`);

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
  assert.equal(await player.getAttribute('theme'), 'dark', "the notebook's dark theme is followed");

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
  await page.screenshot({ path: `${ARTIFACTS}jupyter-${shot}.png` });

  // A look trait changes the look only: the run and the step shown stay.
  await run(3);
  await until(async () => (await player.getAttribute('speed')) === '3', 30, 'the speed from Python');
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(await player.evaluate((element) => /** @type {any} */ (element).step), 4, 'no new run for a new speed');

  // A lesson and a locked range from Python: the notes are the element's note children (text,
  // never markup), the one in force shows, and the range bounds the scrubber.
  await run(4);
  await until(async () => (await player.locator('xpath=./stepwise-note').count()) === 2 && (await player.getAttribute('to')) === '10', 30, 'the lesson from Python');
  assert.deepEqual(await player.evaluate((element) => [...element.querySelectorAll('stepwise-note')].map((note) => [note.getAttribute('at'), note.textContent, note.children.length])),
    [['0', 'Start here', 0], ['3', 'Watch <the> stack', 0]]);
  assert.equal(await player.evaluate((element) => element.shadowRoot?.querySelector('.note')?.textContent), 'Watch <the> stack');
  assert.equal(await player.getAttribute('from'), '2');
  assert.match(await player.evaluate((element) => element.shadowRoot?.querySelector('.count')?.textContent ?? ''), /^4 \/ 10$/);

  // The input, edited in the widget's field, runs again and reaches Python; set in Python, it
  // reaches the field and the player.
  const field = page.locator('.stepwise-widget-input input');
  await field.fill('3 1 2');
  await field.press('Enter');
  await until(async () => (await player.getAttribute('input')) === '3 1 2' && (await player.evaluate((element) => /** @type {any} */ (element).length)) > 0, 30, 'the edited input to run');
  await run(5);
  const edited = await cells.nth(5).locator('.jp-OutputArea-output').innerText();
  assert.match(edited, /^INPUT 3 1 2 RESULT \{'indices': \[-1, 2, -1\]/, edited);
  await run(6);
  await until(async () => (await field.inputValue()) === '1 2' && (await player.getAttribute('input')) === '1 2', 30, 'the input from Python');

  // A refused input: the player says what and where, and so does `error` in Python.
  await run(7);
  await until(async () => (await player.getAttribute('input')) === '4 x 2', 30, 'the bad input from Python');
  await run(8);
  const refused = (await cells.nth(8).locator('.jp-OutputArea-output').innerText()).trim();
  assert.match(refused, /^ERROR item 2: 'x' is not a number LENGTH 0$/, refused);
  // Keyword options become the element's variant words.
  await run(9);
  assert.equal((await cells.nth(9).locator('.jp-OutputArea-output').innerText()).trim(), 'VARIANT previous method=scan mode=set');
  // A bad note is refused in Python, saying which and why.
  await run(10);
  assert.equal((await cells.nth(10).locator('.jp-OutputArea-output').innerText()).trim(), 'NOTES notes[1]: the step must be a whole number >= 0, not -1');
}
