// End-to-end: the weak-labels tab's widget — the analysis table lists the rules; labelling the
// documents the label model is least sure of adds them to the `feedback` option and a source
// "your labels"; the generator's two cases (sources of very different quality, sources all
// alike) end with the label model far ahead of the majority vote in the first and barely in
// the second; and the tab fits a phone's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, BASE, ARTIFACTS } from './harness.mjs';

const PAGE_URL = new URL('#weak-labels', BASE).href;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

async function open(width = 1280, height = 900) {
  const opened = await openPage(browser, PAGE_URL, { width, height, ready: true });
  await opened.page.waitForSelector('#wl-analysis-table tbody tr');
  return opened;
}

/** The sources the analysis table lists, in order. */
const sources = (page) => page.$$eval('#wl-analysis-table tbody tr', (rows) => rows.map((row) => row.getAttribute('data-source')));

/** A figure's "% right" counter, as a number. */
async function percentRight(page, figure) {
  const text = await page.textContent(`${figure} [data-counter="% right"] b`);
  return Number(text);
}

test('the table lists the rules; labelling the 5 most uncertain adds 5 pairs and the source "your labels"', async () => {
  const { page, problems } = await open();
  assert.deepEqual(await sources(page), [
    'rule 1: my | i | i\'m |…', 'rule 2: laptop | print*…', 'rule 3: guide | how to…', 'rule 4: leak* | race |…',
    'nearest seed ≥ 0.1', 'words ≥ 8', 'has version number',
  ]);
  // Coverage, overlaps, conflicts as percentages; the seed accuracy with its number of votes.
  const first = await page.$$eval('#wl-analysis-table tbody tr:first-child td', (cells) => cells.map((cell) => cell.textContent));
  assert.equal(first.length, 4);
  assert.ok(first.slice(0, 3).every((cell) => /^(\d+|<1)%$/.test(cell)), first.join(' | '));
  assert.match(first[3], /^\d+% of \d+$/);
  assert.match(await page.textContent('#wl-analysis-note'), /about 15% wrong/);
  assert.match(await page.textContent('#wl-summary'), /^7 rules over \d+ documents · label model \d+\.\d% right, majority vote \d+\.\d%/);

  // The list, by keyboard first: the first class is focused, an arrow chooses the next one.
  await page.fill('#wl-count', '5');
  await page.click('#wl-show');
  await page.waitForSelector('#wl-uncertain li');
  assert.equal(await page.$$eval('#wl-uncertain li', (items) => items.length), 5);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'radio');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.$$eval('#wl-uncertain li:first-child input:checked', (inputs) => inputs.length), 1);
  assert.equal(await page.isEnabled('#wl-add'), true);

  // Then the model's own favourite for each (the test cannot know the gold labels).
  const chosen = [];
  for (const item of await page.$$('#wl-uncertain li')) {
    const number = Number(await item.getAttribute('data-item')) + 1;
    const shares = await item.$$eval('.wl-share', (spans) => spans.map((span) => parseFloat(span.textContent ?? '0')));
    const best = shares.indexOf(Math.max(...shares));
    const labels = await item.$$('label.wl-class');
    await labels[best].click();
    chosen.push(`${number} = ${await labels[best].getAttribute('data-class')}`);
  }
  await page.screenshot({ path: `${ARTIFACTS}weak-labels-feedback.png`, fullPage: true });
  await page.click('#wl-add');
  await page.waitForFunction(() => /→/.test(document.getElementById('wl-feedback-status')?.textContent ?? ''));
  assert.equal(await page.inputValue('#option-feedback'), chosen.join(', '));
  assert.match(await page.textContent('#wl-feedback-status'), /^5 labels added\. Label model: \d+\.\d% → \d+\.\d% right; majority vote \d+\.\d% → \d+\.\d%\. You have labelled 5 documents\.$/);
  assert.deepEqual((await sources(page)).slice(-1), ['your labels']);
  assert.equal((await sources(page)).length, 8);
  // The page rebuilt to the run's end, and the list moved on to documents not yet labelled.
  assert.match(await page.textContent('#narration'), /./);
  const listed = await page.$$eval('#wl-uncertain li', (items) => items.map((item) => Number(item.getAttribute('data-item')) + 1));
  assert.equal(listed.length, 5);
  const labelled = chosen.map((pair) => Number(pair.split(' = ')[0]));
  assert.ok(listed.every((number) => !labelled.includes(number)), `${listed} after labelling ${labelled}`);

  // Clear my labels empties the option: the seven rules again.
  await page.click('#wl-clear');
  await page.waitForFunction(() => document.querySelectorAll('#wl-analysis-table tbody tr').length === 7);
  assert.equal(await page.inputValue('#option-feedback'), '');
  assert.match(await page.textContent('#wl-feedback-status'), /^Your labels cleared\./);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the generator: the label model wins with very different sources, barely with sources all alike', async () => {
  const { page, problems } = await open();
  /** Runs one case to its end: the label model's and the majority's % right. */
  async function run(button, accuracies) {
    await page.click(button);
    await page.waitForFunction((wanted) => document.getElementById('input-text').value.includes(`accuracies: ${wanted}\n`), accuracies);
    await page.waitForFunction(() => /generated items × 5 sources/.test(document.getElementById('wl-summary')?.textContent ?? ''));
    await page.keyboard.press('End');
    await page.waitForFunction(() => {
      const [at, of] = (document.getElementById('step-count')?.textContent ?? '').split(' / ');
      return at === of;
    });
    return {
      model: await percentRight(page, '#primary-counters'),
      majority: await percentRight(page, 'figure[data-method="majority"]'),
    };
  }
  const different = await run('#wl-different', '0.95 0.62 0.58 0.55 0.55');
  assert.equal(await page.inputValue('#input-text'), 'items: 300\nclasses: 3\naccuracies: 0.95 0.62 0.58 0.55 0.55\ncoverages: 0.7\nseed: 3\n');
  assert.ok(different.model > different.majority + 10, `very different: ${JSON.stringify(different)}`);
  const alike = await run('#wl-alike', '0.7 0.7 0.7 0.7 0.7');
  // Alike, counting votes is already optimal: the label model gains only the majority's ties
  // (left unlabelled; about one item in six here), far less than with very different sources.
  assert.ok(alike.model - alike.majority < (different.model - different.majority) / 2, `all alike: ${JSON.stringify(alike)}, very different: ${JSON.stringify(different)}`);
  assert.match(await page.textContent('#wl-generated'), /^Generated: 300 items × 5 sources, seed 3\./);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a phone: no sideways page scroll; the table scrolls inside its own box', async () => {
  const { page, problems } = await open(375, 800);
  await page.click('#wl-show');
  await page.waitForSelector('#wl-uncertain li');
  const widths = await page.evaluate(() => {
    const box = /** @type {HTMLElement} */ (document.querySelector('#wl-analysis .wl-scroll'));
    return { page: document.documentElement.scrollWidth, box: box.clientWidth, table: box.scrollWidth };
  });
  assert.ok(widths.page <= 375, `the page scrolls sideways: ${widths.page} px`);
  assert.ok(widths.box <= 375 && widths.box > 250, `table box ${widths.box} px`);
  await page.screenshot({ path: `${ARTIFACTS}weak-labels-375.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
