// End-to-end: the summed-area table page — the fill, dragging a rectangle, IoU, bad input,
// and image mode (test pattern, blur slider, a PNG made in the test, a corrupt file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, BASE, ARTIFACTS } from './harness.mjs';

const PAGE_URL = new URL('#summed-area', BASE).href;
const EXAMPLE = '3 1 4 1 5\n9 2 6 5 3\n5 8 9 7 9\n3 2 3 8 4';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

async function open(width = 1280, height = 900) {
  const opened = await openPage(browser, PAGE_URL, { width, height, ready: true });
  return opened;
}

const narration = (page) => page.textContent('#narration');

/** The page coordinates of the centre of matrix cell (row, column) in the primary canvas. */
async function cellCentre(page, row, column) {
  const box = await page.$eval('#primary-canvas', (canvas) => {
    const bounds = canvas.getBoundingClientRect();
    return { x: bounds.left, y: bounds.top, width: bounds.width, height: bounds.height };
  });
  const found = await page.evaluate(async ({ box, row, column, text }) => {
    const { Player } = await import('./pkg/summed-area/stepwise.js');
    const player = new Player('summed-area', text, { method: 'table' });
    const xs = [];
    const ys = [];
    for (let x = 0; x < box.width; x += 1) {
      for (let y = 0; y < box.height; y += 2) {
        const cell = player.locate(x, y, box.width, box.height);
        if (cell && cell[0] === row && cell[1] === column) { xs.push(x); ys.push(y); }
      }
    }
    player.free();
    return xs.length === 0 ? null : {
      x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2,
    };
  }, { box, row, column, text: EXAMPLE });
  assert.ok(found, `cell (${row}, ${column}) is on the canvas`);
  return { x: box.x + found.x, y: box.y + found.y };
}

/** A cheap fingerprint of a canvas region's pixels. */
const fingerprint = (page, id) => page.$eval(`#${id}`, (canvas) => {
  const { data } = canvas.getContext('2d').getImageData(0, 0, Math.floor(canvas.width / 2), canvas.height);
  let hash = 0;
  for (let index = 0; index < data.length; index += 16) hash = (hash * 31 + data[index]) >>> 0;
  return hash;
});

test('the fill narrates the formula with numbers and highlights line 1', async () => {
  const { page, problems } = await open();
  assert.equal(await page.textContent('#algorithm-title'), 'Summed-area table');
  assert.match(await narration(page), /^Fill the 5×6 summed-area table S/);
  for (let index = 0; index < 8; index += 1) await page.click('#step-forward');
  assert.equal(await narration(page), 'S[2][3] = M[1][2] + S[1][3] + S[2][2] − S[1][2] = 6 + 8 + 15 − 4 = 25');
  const active = await page.$eval('#primary-code', (list) =>
    [...list.children].findIndex((item) => item.classList.contains('active')));
  assert.equal(active, 1);
  const counters = await page.textContent('#primary-counters');
  assert.match(counters, /32 cells read/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('dragging on the matrix selects the rectangle and shows its O(1) sum', async () => {
  const { page, problems } = await open();
  const from = await cellCentre(page, 1, 1);
  const to = await cellCentre(page, 2, 3);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 3 });
  await page.mouse.up();
  assert.equal(await page.inputValue('#option-query'), '1,1,2,3');
  await page.waitForFunction(() => /sum\(A\) over/.test(document.getElementById('narration').textContent));
  assert.equal(await narration(page),
    'sum(A) over rows 1..2, columns 1..3 = 37 from 4 lookups; the cell-by-cell sum agrees (6 cells).');
  assert.match(await page.textContent('[data-method="naive"] .counters'), /^6 cells read/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('IoU mode: the three sums, the ratio, and the edge cases', async () => {
  const { page, problems } = await open();
  await page.check('input[name="option-mode"][value="iou"]');
  await page.click('body', { position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  assert.match(await narration(page), /^weighted IoU = 9 \/ \(25 \+ 27 − 9\) = 0\.2093; area IoU = 0\.1429\.$/);
  const ratio = async (kind) => {
    await page.click(`[data-case="${kind}"]`);
    await page.waitForFunction(() => /IoU/.test(document.getElementById('narration').textContent));
    return narration(page);
  };
  assert.match(await ratio('identical'), /= 1\.0000; area IoU = 1\.0000\./);
  assert.match(await ratio('disjoint'), /= 0\.0000; area IoU = 0\.0000\./);
  assert.match(await ratio('touching'), /area IoU = 0\.0000\./);
  await page.selectOption('#preset', { label: 'All zero weights' });
  await page.keyboard.press('End');
  assert.match(await narration(page), /the union weighs 0, so the IoU is defined as 0/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad matrices and rectangles say what and where; the page stays alive', async () => {
  const { page, problems } = await open();
  await page.fill('#input-text', '1 2 3 4 5\n1 2 3 4 5\n1 2 3 4\n');
  await page.press('#input-text', 'Enter');
  assert.equal(await page.textContent('#input-error'), 'row 3 has 4 numbers, expected 5 like row 1');
  assert.match(await narration(page), /^Fill the 5×6/, 'the previous animation stays');
  await page.fill('#input-text', EXAMPLE);
  await page.press('#input-text', 'Enter');
  await page.fill('#option-query', '0,0,9,9');
  await page.press('#option-query', 'Enter');
  assert.match(await page.textContent('#option-error'), /^rectangle A: rows 0\.\.9, columns 0\.\.9 is outside the 4×5 matrix/);
  await page.fill('#option-query', '0,0,1,1');
  await page.press('#option-query', 'Enter');
  assert.equal(await page.isVisible('#option-error'), false);
  assert.match(await narration(page), /sum\(A\) over rows 0\.\.1, columns 0\.\.1 = 15/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('image mode: the fill sweeps, the blur slider changes the picture', async () => {
  const { page, problems } = await open();
  // Image mode starts when its section scrolls into view, as a reader reaches it.
  await page.locator('#image-canvas').scrollIntoViewIfNeeded();
  await page.waitForSelector('#image-canvas[data-filled="true"]', { timeout: 15000 });
  const sharp = await fingerprint(page, 'image-canvas');
  await page.$eval('#blur-radius', (slider) => {
    slider.value = '8';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.equal(await page.textContent('#blur-value'), '8');
  const blurred = await fingerprint(page, 'image-canvas');
  assert.notEqual(blurred, sharp, 'the blurred picture differs');
  await page.screenshot({ path: `${ARTIFACTS}summed-area-desktop.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('image mode: a PNG made here is read locally; a corrupt file gets a message', async () => {
  const { page, problems } = await open();
  // Image mode starts when its section scrolls into view, as a reader reaches it.
  await page.locator('#image-canvas').scrollIntoViewIfNeeded();
  await page.waitForSelector('#image-canvas[data-filled="true"]', { timeout: 15000 });
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(40, 30);
    const context = canvas.getContext('2d');
    context.fillStyle = '#000';
    context.fillRect(0, 0, 40, 30);
    context.fillStyle = '#fff';
    context.fillRect(10, 5, 20, 20);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  });
  await page.setInputFiles('#image-file', { name: 'tiny.png', mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') });
  await page.waitForFunction(() => /^tiny\.png: 40×30/.test(document.getElementById('image-status').textContent));
  await page.waitForSelector('#image-canvas[data-filled="true"]', { timeout: 15000 });
  await page.setInputFiles('#image-file', { name: '<b>broken</b>.png', mimeType: 'image/png', buffer: Buffer.from('not a png') });
  await page.waitForSelector('#image-error:not([hidden])');
  assert.equal(await page.textContent('#image-error'),
    "'<b>broken</b>.png' could not be read as an image (PNG, JPEG, GIF, WebP, …).");
  assert.equal(await page.$$eval('#image-error b', (elements) => elements.length), 0, 'file names are text, not markup');
  assert.deepEqual(problems, []);
  await page.close();
});

test('image mode recovers from a panic in the kernel module', async () => {
  const { page, problems } = await open();
  // Image mode starts when its section scrolls into view, as a reader reaches it.
  await page.locator('#image-canvas').scrollIntoViewIfNeeded();
  await page.waitForSelector('#image-canvas[data-filled="true"]', { timeout: 15000 });
  await page.evaluate(async () => {
    // The same instance image mode uses (its engine's first instance has no query).
    const kernels = await import('./pkg-kernels/stepwise_kernels.js');
    try { kernels.panicForTesting(); } catch { /* the trap is expected */ }
  });
  await page.waitForSelector('#panic-banner:not([hidden])');
  assert.match(await page.textContent('#panic-message'), /deliberate panic for testing/);
  // The next image action loads a fresh kernel module and fills the table again.
  await page.click('#image-pattern');
  await page.waitForFunction(() => /^Test pattern/.test(document.getElementById('image-status').textContent));
  await page.waitForSelector('#image-canvas[data-filled="true"]', { timeout: 15000 });
  await page.click('#step-forward');
  assert.match(await page.textContent('#narration'), /^S\[/, 'the page\'s own animation runs on');
  const unexpected = problems.filter((problem) => !/deliberate panic|unreachable/.test(problem));
  assert.deepEqual(unexpected, []);
  await page.close();
});

test('the summed-area page fits a phone', async () => {
  const { page, problems } = await open(375, 812);
  for (let index = 0; index < 5; index += 1) await page.click('#step-forward');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}summed-area-phone.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  assert.deepEqual(problems, []);
  await page.close();
});
