// End-to-end: hostile input never executes or injects markup, and huge or odd input gets a
// clear message quickly while the page stays responsive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, BASE } from './harness.mjs';

const PAYLOAD = '<img src=x onerror=alert(1)><script>alert(2)</script>';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

/** Opens `url`; `dialogs` lists every alert or prompt the page tried to show. */
async function open(url) {
  const { page, problems } = await openPage(browser, url);
  return { page, dialogs: problems.filter((problem) => problem.startsWith('dialog:')) };
}

const injected = (page) => page.evaluate(() =>
  document.querySelectorAll('img, script:not([src]), body script[src]:not([src$="app.js"])').length);

test('script and markup payloads in URL parameters stay text', async () => {
  const query = new URLSearchParams({
    algorithm: 'next-greater',
    input: PAYLOAD,
    controls: JSON.stringify({ circular: PAYLOAD, direction: PAYLOAD, 'random-size': PAYLOAD }),
    theme: PAYLOAD,
    step: '3',
  });
  const { page, dialogs } = await open(`${BASE}?${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#input-error'), /item 1: '<img' is not a number/);
  assert.equal(await injected(page), 0);
  const { page: other, dialogs: more } = await open(`${BASE}?algorithm=${encodeURIComponent(PAYLOAD)}`);
  await other.waitForSelector('body[data-ready="true"]');
  assert.equal(await injected(other), 0);
  await page.waitForTimeout(300);
  assert.deepEqual([...dialogs, ...more], []);
  await page.close();
  await other.close();
});

test('payloads in text boxes, embed attributes and file names stay text', async () => {
  const { page, dialogs } = await open(new URL('#summed-area', BASE).href);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#input-text', PAYLOAD);
  await page.press('#input-text', 'Enter');
  assert.match(await page.textContent('#input-error'), /'<img/);
  await page.fill('#rect-a', PAYLOAD);
  await page.press('#rect-a', 'Enter');
  assert.match(await page.textContent('#rect-error'), /^rectangle A/);
  await page.setInputFiles('#image-file', { name: `${PAYLOAD}.png`, mimeType: 'image/png', buffer: Buffer.from('corrupt') });
  await page.waitForSelector('#image-error:not([hidden])');
  assert.match(await page.textContent('#image-error'), /<script>alert\(2\)<\/script>\.png/);
  await page.evaluate((payload) => {
    const player = document.createElement('stepwise-player');
    for (const name of ['algorithm', 'input', 'variant', 'theme', 'controls', 'speed', 'from']) player.setAttribute(name, payload);
    document.body.append(player);
  }, PAYLOAD);
  await page.evaluate(() => import('./embed.js'));
  await page.waitForTimeout(500);
  assert.equal(await injected(page), 0);
  assert.deepEqual(dialogs, []);
  await page.close();
});

test('odd numbers and huge inputs get a clear message within a second', async () => {
  const { page } = await open(BASE);
  await page.waitForSelector('body[data-ready="true"]');
  for (const [text, message] of [
    ['1 NaN 3', "item 2: 'NaN' is not a finite number"],
    ['Infinity', "item 1: 'Infinity' is not a finite number"],
    ['1e309', "item 1: '1e309' is not a finite number"],
  ]) {
    await page.fill('#input-text', text);
    await page.press('#input-text', 'Enter');
    assert.equal(await page.textContent('#input-error'), message);
  }
  await page.fill('#input-text', '-0 1e308 -1e308');
  await page.press('#input-text', 'Enter');
  assert.equal(await page.isVisible('#input-error'), false);
  assert.match(await page.textContent('#narration'), /each of 3 items/);
  // The browser's own layout of a 10 MB textarea takes seconds here; let it finish first, then
  // time what Stepwise does with the text.
  await page.evaluate(async () => {
    document.getElementById('input-text').value = '7 '.repeat(5_000_000);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  const started = Date.now();
  await page.evaluate(() => {
    document.getElementById('input-text').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  await page.waitForFunction(() => /characters long/.test(document.getElementById('input-error').textContent));
  assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  assert.equal(await page.textContent('#input-error'), 'The input is 10,000,000 characters long; the limit is 1,048,576.');
  await page.click('#step-forward');
  assert.match(await page.textContent('#step-count'), /^1 \//, 'the page still responds');
  await page.close();
});

test('an 80 MB CSV is refused before it is read', async () => {
  const { page } = await open(new URL('#roc', BASE).href);
  await page.waitForSelector('body[data-ready="true"]');
  const started = Date.now();
  const path = join(mkdtempSync(join(tmpdir(), 'stepwise-')), 'huge.csv');
  writeFileSync(path, Buffer.alloc(80 * 1024 * 1024, 48));
  await page.setInputFiles('#csv-file', path);
  await page.waitForFunction(() => /MB; the page reads at most 64 MB/.test(document.getElementById('input-error').textContent));
  assert.ok(Date.now() - started < 5000);
  assert.equal(await page.textContent('#input-error'), "'huge.csv' is 80.0 MB; the page reads at most 64 MB of CSV (the rocCurve kernel takes any size).");
  await page.close();
});

test('a freed handle is a clear JS Error, never a trap', async () => {
  const { page } = await open(BASE);
  await page.waitForSelector('body[data-ready="true"]');
  const outcome = await page.evaluate(async () => {
    const kernels = await import('./pkg-kernels/stepwise_kernels.js');
    await kernels.default();
    const { Matrix } = kernels;
    const matrix = Matrix.zeros(2, 2);
    matrix.view().set([1, 2, 3, 4]);
    const table = matrix.summedAreaTable();
    const sum = table.rectSum(0, 0, 1, 1);
    table.free();
    try {
      table.rectSum(0, 0, 1, 1);
      return { sum, error: 'no error' };
    } catch (error) {
      return { sum, error: error instanceof WebAssembly.RuntimeError ? 'trap' : `${error.constructor.name}: ${error.message}` };
    }
  });
  assert.equal(outcome.sum, 10);
  assert.match(outcome.error, /^Error: /);
  // The page's own engine is untouched.
  await page.click('#step-forward');
  assert.match(await page.textContent('#step-count'), /^1 \//);
  await page.close();
});

test('the page keeps no view into wasm memory, so none can outlive a memory growth', () => {
  // Views (`view()`, `scores()`, `labels()`) detach when wasm memory grows. The page never takes
  // one: data goes in through constructors (Samples.gaussian, Samples.fromCsv,
  // IntegralImage.fromRgba) and Rust draws from its own memory. The benchmark page may.
  const www = new URL('../../www/', import.meta.url);
  const pageModules = readdirSync(www).filter((name) => name.endsWith('.js') && name !== 'bench.js');
  assert.ok(pageModules.includes('app.js') && pageModules.includes('image-mode.js'));
  for (const name of pageModules) {
    const source = readFileSync(new URL(name, www), 'utf8');
    assert.doesNotMatch(source, /\.(view|scores|labels)\(\)/, `${name} takes a view into wasm memory`);
  }
});
