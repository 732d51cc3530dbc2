// One wasm module per algorithm, over the whole registry (the catalogue): the main page's
// first load fetches exactly one module and each tab at most one more; a page with one
// <stepwise-player> of any algorithm and no input draws that algorithm's example from its own
// module alone; players of several algorithms load each module once; and every player on a
// printed page prints its frame, also one never scrolled into view. The weights are printed
// (gzipped, as the budget counts them), never asserted against time.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BASE, launchBrowser } from './harness.mjs';

const browser = await launchBrowser();
after(() => browser.close());

/**
 * A context with the service worker blocked (its idle prefetch of every module would blur what
 * the page itself fetches), recording every response: its URL and gzipped size.
 */
async function recordingPage() {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const fetched = [];
  page.on('response', async (response) => {
    if (response.request().method() !== 'GET' || !response.url().startsWith(BASE)) return;
    const entry = { url: response.url().slice(BASE.length), bytes: 0 };
    fetched.push(entry);
    try {
      entry.bytes = gzipSync(await response.body(), { level: 9 }).length;
    } catch {
      // A redirect or an aborted body: counted as fetched, weighing nothing.
    }
  });
  return { context, page, problems, fetched };
}

const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const total = (entries) => entries.reduce((sum, entry) => sum + entry.bytes, 0);
const modulesOf = (entries) => entries.filter((entry) => entry.url.endsWith('.wasm')).map((entry) => entry.url);

/** The catalogue as the page reads it: every algorithm's id and example. */
async function catalogue() {
  const { context, page } = await recordingPage();
  await page.goto(`${BASE}dom.js`);
  const algorithms = await page.evaluate(async () => (await import('./pkg/catalogue.js')).ALGORITHMS
    .map((/** @type {any} */ info) => ({ id: info.id, example: info.example })));
  await context.close();
  return algorithms;
}
const ALGORITHMS = await catalogue();

/**
 * Serves `body` as an HTML page at `name` beside the site (the element and its modules load
 * from the site itself, as on a blog that hosts the dist).
 */
async function servePage(page, name, body) {
  await page.route(`${BASE}${name}`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="embed.js"></script></head><body>${body}</body></html>`,
  }));
  await page.goto(`${BASE}${name}`);
}

/**
 * Resolves when every player on the page is ready (`{ algorithm, length }` each, also for a
 * player that was ready before this was called); rejects with the first error shown, or
 * after 15 s.
 */
function allReady(page) {
  return page.evaluate(() => Promise.all([...document.querySelectorAll('stepwise-player')].map((element) =>
    new Promise((resolve, reject) => {
      const player = /** @type {any} */ (element);
      const ready = () => resolve({ algorithm: player.player?.algorithm, length: player.length });
      if (player.length > 0) ready();
      player.addEventListener('stepwise-ready', ready, { once: true });
      player.addEventListener('stepwise-error', (event) => reject(new Error(/** @type {CustomEvent} */ (event).detail.message)), { once: true });
      setTimeout(() => reject(new Error(`${player.getAttribute('algorithm')}: not ready after 15 s`)), 15000);
      player.scrollIntoView();
    }))));
}

/** How many pixels of a player's canvas differ from its top-left corner (the background). */
function inkOf(page, index) {
  return page.evaluate((which) => {
    const player = document.querySelectorAll('stepwise-player')[which];
    const canvas = /** @type {HTMLCanvasElement} */ (player.shadowRoot?.querySelector('canvas'));
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let offset = 0; offset < data.length; offset += 4) {
      if (Math.abs(data[offset] - data[0]) + Math.abs(data[offset + 1] - data[1]) + Math.abs(data[offset + 2] - data[2]) > 60) ink += 1;
    }
    return ink;
  }, index);
}

test('the main page loads exactly one module, and each tab at most one more', async () => {
  const { context, page, problems, fetched } = await recordingPage();
  await page.goto(BASE);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForTimeout(300);
  const first = modulesOf(fetched);
  console.log(`main page first load: ${kilobytes(total(fetched))} gzipped in ${fetched.length} files, modules: ${first.join(', ')}`);
  assert.deepEqual(first, [`pkg/${ALGORITHMS[0].id}/stepwise_bg.wasm`]);
  for (const { id } of ALGORITHMS.slice(1)) {
    const before = modulesOf(fetched).length;
    await page.click(`#algorithm-tabs a[href="#${id}"]`);
    await page.waitForFunction((tab) => document.querySelector(`#algorithm-tabs [aria-current="page"]`)?.getAttribute('href') === `#${tab}`, id);
    await page.waitForFunction(() => document.querySelector('#primary-canvas') !== null);
    await page.waitForTimeout(400);
    const added = modulesOf(fetched).slice(before);
    console.log(`tab ${id}: fetched ${added.join(', ') || 'no module'}`);
    assert.deepEqual(added, [`pkg/${id}/stepwise_bg.wasm`], `tab ${id}`);
  }
  // Back to the first tab: its module is loaded already.
  const before = modulesOf(fetched).length;
  await page.click(`#algorithm-tabs a[href="#${ALGORITHMS[0].id}"]`);
  await page.waitForTimeout(400);
  assert.equal(modulesOf(fetched).length, before, 'a tab visited before loads nothing new');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const { id, example } of ALGORITHMS) {
  test(`a page with one ${id} player and no input draws its example from its own module alone`, async () => {
    const { context, page, problems, fetched } = await recordingPage();
    await servePage(page, `one-${id}.html`, `<stepwise-player algorithm="${id}" controls="full"></stepwise-player>`);
    const [ready] = await allReady(page);
    await page.waitForTimeout(300);
    assert.ok(ready.length > 0, `${id}: ${ready.length} steps`);
    assert.equal(ready.algorithm, id);
    assert.ok(await inkOf(page, 0) > 200, `${id}: the canvas is blank`);
    // The example, as the page shows it: the element's run is the page's run of the example.
    const steps = await page.evaluate(async ([algorithm, text]) => {
      const module = await import(`./pkg/${algorithm}/stepwise.js`);
      await module.default();
      const player = new module.Player(algorithm, text, {});
      return player.len;
    }, [id, example]);
    assert.equal(ready.length, steps, `${id}: the element runs its example`);
    assert.deepEqual(modulesOf(fetched), [`pkg/${id}/stepwise_bg.wasm`], `${id}: exactly its own module`);
    console.log(`one ${id} player: ${kilobytes(total(fetched))} gzipped in all`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('players of three algorithms load three modules, each once; one algorithm\'s players share one', async () => {
  const { context, page, problems, fetched } = await recordingPage();
  const chosen = ALGORITHMS.slice(0, 3).map((info) => info.id);
  const players = [...chosen, chosen[0], chosen[1]]
    .map((id) => `<stepwise-player algorithm="${id}"></stepwise-player>`).join('');
  await servePage(page, 'three-algorithms.html', players);
  await allReady(page);
  await page.waitForTimeout(300);
  assert.deepEqual(modulesOf(fetched).sort(), chosen.map((id) => `pkg/${id}/stepwise_bg.wasm`).sort());
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown algorithm says so, listing the known ones', async () => {
  const { context, page, fetched } = await recordingPage();
  await servePage(page, 'unknown.html', '<stepwise-player algorithm="bogo-sort"></stepwise-player>');
  // The refusal may come before a listener could be added: read what the element shows.
  const shown = await page.waitForFunction(() => {
    const text = document.querySelector('stepwise-player')?.shadowRoot?.textContent ?? '';
    return text.includes('unknown algorithm') ? text : '';
  }, undefined, { timeout: 10000 });
  const message = await shown.jsonValue();
  assert.match(String(message), new RegExp(`unknown algorithm 'bogo-sort' \\(known: ${ALGORITHMS[0].id}`));
  assert.deepEqual(modulesOf(fetched), []);
  await context.close();
});

/** Dark pixels of each page of a PDF, rasterised by poppler's pdftoppm as grey PGM files. */
function inkPerPage(pdf) {
  const folder = mkdtempSync(join(tmpdir(), 'stepwise-print-'));
  writeFileSync(join(folder, 'print.pdf'), pdf);
  execFileSync('pdftoppm', ['-gray', '-r', '40', join(folder, 'print.pdf'), join(folder, 'page')]);
  return readdirSync(folder).filter((name) => name.endsWith('.pgm')).sort().map((name) => {
    const bytes = readFileSync(join(folder, name));
    // "P5\n<width> <height>\n255\n" then one byte per pixel.
    let offset = 0;
    for (let fields = 0; fields < 4; offset += 1) if (/\s/.test(String.fromCharCode(bytes[offset]))) fields += 1;
    let ink = 0;
    for (let index = offset; index < bytes.length; index += 1) if (bytes[index] < 160) ink += 1;
    return ink;
  });
}

test('every player on a printed page prints its frame, also one never scrolled into view', async () => {
  const { context, page, problems } = await recordingPage();
  const sheet = (id) => `<section style="height:1190px;break-after:page;margin:0"><stepwise-player algorithm="${id}" step="3" style="--stepwise-height:400px"></stepwise-player></section>`;
  const id = ALGORITHMS[0].id;
  await servePage(page, 'print.html', `<style>body{margin:0}</style>${sheet(id)}${sheet(id)}${sheet(id)}`);
  // The first two are seen; the third never scrolls into view.
  await page.waitForFunction(() => /** @type {any} */ (document.querySelector('stepwise-player'))?.length > 0, undefined, { timeout: 15000 });
  await page.evaluate(() => document.querySelectorAll('stepwise-player')[1].scrollIntoView());
  await page.waitForTimeout(500);
  await page.evaluate(() => window.scrollTo(0, 0));
  const built = await page.evaluate(() => [...document.querySelectorAll('stepwise-player')].map((player) => Boolean(/** @type {any} */ (player).player)));
  assert.equal(built[2], false, 'the third player was never built before printing');
  const pdf = await page.pdf({ width: '900px', height: '1190px', printBackground: true });
  const ink = inkPerPage(pdf);
  console.log(`printed pages' ink: ${ink.join(', ')}`);
  assert.equal(ink.length, 3);
  for (const [index, pixels] of ink.entries()) {
    assert.ok(pixels > 0.5 * ink[0], `page ${index + 1} printed ${pixels} ink pixels, the first ${ink[0]}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
