// End-to-end: the least-squares tab's widget — the generator writes points into the text box,
// the experiment draws 200 data sets' slopes per loss with the verdict, a bad scale is named,
// and the figure fits a phone's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, BASE, ARTIFACTS } from './harness.mjs';

const PAGE_URL = new URL('#least-squares', BASE).href;
const WIDGET = '[data-widget="least-squares"]';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

async function open(width = 1280, height = 900) {
  const opened = await openPage(browser, PAGE_URL, { width, height, ready: true });
  await opened.page.waitForSelector(`${WIDGET} #ls-generate`);
  return opened;
}

/** The text box's points as [x, y] pairs. */
async function points(page) {
  const text = await page.inputValue('#input-text');
  return text.trim().split('\n').map((line) => line.split(' ').map(Number));
}

test('Generate writes the points; the experiment draws every loss and the verdict', async () => {
  const { page, problems } = await open();
  await page.check(`${WIDGET} input[name="ls-noise"][value="outliers"]`);
  await page.fill('#ls-size', '40');
  await page.fill('#ls-seed', '7');
  await page.click('#ls-generate');
  await page.waitForFunction(() => document.getElementById('input-text').value.trim().split('\n').length === 40);
  const generated = await points(page);
  assert.deepEqual([generated[0][0], generated[39][0]], [0, 10], 'x spread evenly over 0 to 10');
  assert.ok(generated.every((pair) => pair.length === 2 && pair.every(Number.isFinite)));
  assert.match(await page.textContent('#ls-status'), /40 points generated \(Gaussian noise with 10% outliers, σ = 1, seed 7\)/);
  // The animation took them: its narration and counters are about 40 points.
  await page.waitForSelector('#input-error', { state: 'hidden' });

  await page.click('#ls-experiment');
  await page.waitForSelector(`${WIDGET} .ls-experiment:not([hidden]) svg`);
  assert.equal(await page.$$eval(`${WIDGET} .ls-experiment svg circle`, (dots) => dots.length), 3 * 200);
  const verdict = await page.textContent('#ls-verdict');
  assert.match(verdict, /^Gaussian noise with 10% outliers: /);
  assert.match(verdict, /The absolute and Huber losses both beat the squared loss/);
  assert.match(verdict, /MSE is what you minimise when you assume Gaussian noise/);
  const label = await page.getAttribute(`${WIDGET} .ls-experiment svg`, 'aria-label');
  assert.match(label, /^Slope estimates of 200 data sets around the true slope 0\.5\. squared loss: mean /);
  await page.screenshot({ path: `${ARTIFACTS}least-squares-experiment.png`, fullPage: true });

  // Gaussian noise at the defaults: least squares spreads least.
  await page.check(`${WIDGET} input[name="ls-noise"][value="gaussian"]`);
  await page.fill('#ls-size', '100');
  await page.fill('#ls-seed', '1');
  await page.click('#ls-experiment');
  await page.waitForFunction(() => /^Gaussian noise: the squared loss's slopes spread least/.test(document.getElementById('ls-verdict')?.textContent ?? ''));
  assert.match(await page.textContent(`${WIDGET} .ls-experiment h2`), /200 data sets, Gaussian noise$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a bad scale is named; the figure fits a phone', async () => {
  const { page, problems } = await open(375, 800);
  await page.fill('#ls-scale', '0');
  await page.click('#ls-generate');
  await page.waitForSelector('#ls-error:not([hidden])');
  assert.match(await page.textContent('#ls-error'), /option 'scale' must be from 0\.01 to 1000, not 0/);
  await page.fill('#ls-scale', '2');
  await page.check(`${WIDGET} input[name="ls-noise"][value="laplace"]`);
  await page.click('#ls-experiment');
  await page.waitForSelector('#ls-error', { state: 'hidden' });
  await page.waitForFunction(() => /^Laplace noise: /.test(document.getElementById('ls-verdict')?.textContent ?? ''));
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    figure: document.querySelector('.ls-experiment svg')?.getBoundingClientRect().width ?? 0,
  }));
  assert.ok(widths.page <= 375, `the page scrolls sideways: ${widths.page} px`);
  assert.ok(widths.figure > 250 && widths.figure <= 375, `figure ${widths.figure} px`);
  await page.screenshot({ path: `${ARTIFACTS}least-squares-375.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a link keeps the generator settings and brings the experiment back', async () => {
  const { page, problems } = await open();
  await page.check(`${WIDGET} input[name="ls-noise"][value="laplace"]`);
  await page.fill('#ls-seed', '5');
  await page.click('#ls-generate');
  await page.waitForFunction(() => document.getElementById('input-text').value.trim().split('\n').length === 100);
  await page.click('#ls-experiment');
  await page.waitForSelector(`${WIDGET} .ls-experiment:not([hidden]) svg`);
  const verdict = await page.textContent('#ls-verdict');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.search.includes('z='));
  const { page: linked, problems: linkedProblems } = await openPage(browser, page.url(), { ready: true });
  await linked.waitForSelector(`${WIDGET} .ls-experiment:not([hidden]) svg`);
  assert.equal(await linked.textContent('#ls-verdict'), verdict);
  assert.equal(await linked.inputValue('#ls-seed'), '5');
  assert.equal(await linked.isChecked(`${WIDGET} input[name="ls-noise"][value="laplace"]`), true);
  assert.deepEqual([...problems, ...linkedProblems], []);
  await linked.close();
  await page.close();
});

test('a click adds a point and dragging it makes an outlier the losses disagree about', async () => {
  const { page, problems } = await open();
  await page.selectOption('#preset', { label: 'A clean line' });
  await page.waitForFunction(() => document.getElementById('input-text').value.trim().split('\n').length === 8);
  const before = await points(page);
  const box = await (await page.$('#primary-canvas')).boundingBox();
  // An empty spot high in the plot, right of centre: a click there adds point 9.
  const spot = { x: box.x + box.width * 0.7, y: box.y + box.height * 0.2 };
  await page.mouse.click(spot.x, spot.y);
  await page.waitForFunction(() => document.getElementById('input-text').value.trim().split('\n').length === 9);
  const added = (await points(page))[8];
  assert.deepEqual((await points(page)).slice(0, 8), before, 'the other points stay');
  // Press on the new point and drag it down: it follows, nothing else moves.
  await page.mouse.move(spot.x, spot.y);
  await page.mouse.down();
  await page.mouse.move(spot.x, box.y + box.height * 0.55, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction((y) => {
    const lines = document.getElementById('input-text').value.trim().split('\n');
    return lines.length === 9 && Number(lines[8].split(' ')[1]) < y;
  }, added[1]);
  const dragged = await points(page);
  assert.deepEqual(dragged.slice(0, 8), before, 'only the dragged point moved');
  assert.ok(Math.abs(dragged[8][0] - added[0]) < 0.2, 'a straight drag keeps its x');
  // The rebuilt animation shows the fit's end.
  await page.waitForFunction(() => /Done after/.test(document.getElementById('narration')?.textContent ?? ''));
  assert.deepEqual(problems, []);
  await page.close();
});
