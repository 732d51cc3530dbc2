// End-to-end: the intersection page — four methods in sync, the semantics switch, bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, BASE, ARTIFACTS } from './harness.mjs';

const PAGE_URL = new URL('#intersection', BASE).href;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

async function open(width = 1280, height = 900) {
  const opened = await openPage(browser, PAGE_URL, { width, height, ready: true });
  await opened.page.click('body', { position: { x: 5, y: 5 } });
  return opened;
}

const narration = (page) => page.textContent('#narration');
const counter = (page, method, name) => page.textContent(`[data-method="${method}"] .counters [data-counter="${name}"] b`);
const fingerprint = (page) => page.$eval('#primary-canvas', (canvas) => {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let hash = 0;
  for (let index = 0; index < data.length; index += 8) hash = (hash * 31 + data[index]) >>> 0;
  return hash;
});

test('four methods run on one clock and stay in sync when scrubbing', async () => {
  const { page, problems } = await open();
  const methods = await page.$$eval('#players [data-method]', (figures) => figures.map((figure) => figure.dataset.method));
  assert.deepEqual(methods, ['hash', 'nested', 'gallop']);
  assert.match(await narration(page), /^a has 6 items, b has 6: merge sort both arrays/);
  const total = Number((await page.textContent('#step-count')).split(' / ')[1]);
  await page.$eval('#scrubber', (scrubber) => {
    scrubber.value = '10';
    scrubber.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.equal(await page.textContent('#step-count'), `10 / ${total}`);
  // The hash method counts one probe per step until its end: in sync with the clock.
  assert.equal(await counter(page, 'hash', 'hash probes'), '10');
  await page.keyboard.press('End');
  assert.equal(await counter(page, 'hash', 'hash probes'), '12');
  const nested = Number(await counter(page, 'nested', 'comparisons'));
  assert.ok(nested > 12, `nested loops compare more: ${nested}`);
  await page.keyboard.press('Home');
  for (const [method, name] of [['hash', 'hash probes'], ['nested', 'comparisons'], ['gallop', 'comparisons']]) {
    assert.equal(await counter(page, method, name), '0');
  }
  await page.screenshot({ path: `${ARTIFACTS}intersection-desktop.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('switching semantics changes the output row', async () => {
  const { page, problems } = await open();
  await page.selectOption('#preset', { label: '[1,2,2,1] ∩ [2,2]' });
  await page.keyboard.press('End');
  const multiset = await fingerprint(page);
  await page.check('input[name="option-mode"][value="set"]');
  await page.keyboard.press('End');
  assert.equal(await narration(page), 'a[3]=2 = b[1]=2: 2 is already in the output (set semantics); advance both.');
  assert.notEqual(await fingerprint(page), multiset, 'the output row is drawn differently');
  await page.check('input[name="option-sort"][value="collapsed"]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await narration(page), 'Sort a in one step: [1, 1, 2, 2].');
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad input names the array and the item; seeded random arrays repeat', async () => {
  const { page, problems } = await open();
  await page.fill('#input-text', 'a: 1 2\nb: 3 x');
  await page.press('#input-text', 'Enter');
  assert.equal(await page.textContent('#input-error'), "array b, item 2: 'x' is not a number");
  await page.fill('#random-size', '30');
  await page.fill('#random-seed', '4');
  await page.click('#random-go');
  const first = await page.inputValue('#input-text');
  await page.click('#random-go');
  assert.equal(await page.inputValue('#input-text'), first);
  assert.equal(await page.isVisible('#input-error'), false);
  assert.match(await narration(page), /^a has 30 items, b has 15/);
  assert.deepEqual(problems, []);
  await page.close();
});
