// End-to-end: the sorting tab — six methods on one clock, the learner playing against the
// adversary through the widget (the `asks` option), and bad questions refused by name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, BASE, ARTIFACTS } from './harness.mjs';

const PAGE_URL = new URL('#sorting', BASE).href;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

const other = (page, method, name) => page.textContent(`[data-method="${method}"] .counters [data-counter="${name}"] b`);

test('every method runs beside merge insertion, and the counters meet the bound', async () => {
  const { page, problems } = await openPage(browser, PAGE_URL, { ready: true });
  await page.check('#compare');
  const methods = await page.$$eval('#players [data-method]', (figures) => figures.map((figure) => figure.dataset.method));
  assert.deepEqual(methods, ['merge', 'binary-insertion', 'adversary', 'network', 'radix']);
  await page.keyboard.press('End');
  await page.waitForFunction(() => /Sorted with \d+ comparisons/.test(document.getElementById('narration')?.textContent ?? ''));
  // Six items: ⌈log2 6!⌉ = 10, and the adversary forces merge insertion to 10.
  assert.equal(await page.textContent('#primary-counters [data-counter="⌈log2 n!⌉"] b'), '10');
  assert.equal(await other(page, 'adversary', 'orders left'), '1');
  assert.equal(await other(page, 'radix', 'comparisons'), '0');
  await page.screenshot({ path: `${ARTIFACTS}sorting-all-methods.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the learner asks the adversary: two clicks ask a question, bad questions are named', async () => {
  const { page, problems } = await openPage(browser, PAGE_URL, { ready: true });
  await page.selectOption('#preset', { label: 'Five for the adversary' });
  await page.waitForFunction(() => document.querySelectorAll('[data-widget="sorting"] [aria-pressed]').length === 5);
  await page.click('[data-widget="sorting"] button:has-text("#1")');
  await page.click('[data-widget="sorting"] button:has-text("#2")');
  await page.waitForFunction(() => document.body.textContent?.includes('After 1 of your questions 60 orders are still possible'));
  assert.equal(await page.inputValue('#option-asks'), '1 2');
  assert.equal(await page.isChecked('#compare'), true);
  assert.match(await page.textContent('[data-widget="sorting"] p[aria-live]') ?? '', /Sort 5 in 7: 1 question asked/);
  await page.fill('#option-asks', '1 9');
  await page.press('#option-asks', 'Enter');
  await page.waitForSelector('#option-error:not([hidden])');
  assert.match(await page.textContent('#option-error') ?? '', /option 'asks', question 1: 9 is not an item from 1 to 6/);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${ARTIFACTS}sorting-game-375.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
