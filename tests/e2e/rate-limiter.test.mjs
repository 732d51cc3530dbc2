// End-to-end: the rate limiter — five designs on one request stream, the fixed window's 2×
// flaw as a number, the Poisson generator, and bad times and parameters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, BASE, ARTIFACTS } from './harness.mjs';

const PAGE_URL = new URL('#rate-limiter', BASE).href;
const PEAK = 'most let through in any window';

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
const primary = (page, name) => page.textContent(`#primary-counters [data-counter="${name}"] b`);
const other = (page, method, name) => page.textContent(`[data-method="${method}"] .counters [data-counter="${name}"] b`);

test('the burst across a boundary: the fixed window lets 2·limit through, the sliding log at most limit', async () => {
  const { page, problems } = await open();
  const methods = await page.$$eval('#players [data-method]', (figures) => figures.map((figure) => figure.dataset.method));
  assert.deepEqual(methods, ['sliding-log', 'sliding-counter', 'token-bucket', 'leaky-queue']);
  await page.selectOption('#preset', { label: 'A burst across a window boundary (the 2× flaw)' });
  await page.keyboard.press('End');
  assert.equal(await primary(page, PEAK), '6', 'fixed window: 2 × limit 3');
  assert.equal(await primary(page, 'allowed'), '6');
  const log = Number(await other(page, 'sliding-log', PEAK));
  assert.ok(log <= 3, `the sliding log lets at most the limit through: ${log}`);
  assert.equal(await other(page, 'sliding-log', 'rejected'), '3');
  // The queue delays instead: nothing waits beyond its bound of 3.
  assert.ok(Number(await other(page, 'leaky-queue', 'entries stored')) <= 3);
  assert.match(await narration(page), /^t=1\.2: 2 allowed in \[1, 2\), limit 3 → allow\.$/);
  await page.screenshot({ path: `${ARTIFACTS}rate-limiter-desktop.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('stepping narrates with the numbers; the parameters are controls', async () => {
  const { page, problems } = await open();
  await page.fill('#input-text', '0.5 1 1.5 2');
  await page.press('#input-text', 'Enter');
  await page.fill('#option-limit', '1');
  await page.press('#option-limit', 'Enter');
  await page.click('body', { position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  assert.equal(await narration(page), 't=0.5: a new window [0, 1) starts; 0 allowed in it, limit 1 → allow.');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('[data-method="token-bucket"] .secondary-narration'), /^t=1: the bucket refills from 0 to 1 tokens; 1 ≥ 1 → allow, 0 left\.$/);
  await page.keyboard.press('End');
  // Windows [0,1), [1,2), [2,3): 0.5 in, 1 in, 1.5 out (its window is full), 2 in.
  assert.equal(await primary(page, 'allowed'), '3');
  assert.equal(await primary(page, 'rejected'), '1');
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad times and parameters say which and where; the animation stays', async () => {
  const { page, problems } = await open();
  await page.fill('#input-text', '1 2 3 2.5');
  await page.press('#input-text', 'Enter');
  assert.equal(await page.textContent('#input-error'), 'time 4: 2.5 is earlier than the previous time 3');
  await page.fill('#input-text', '0.1 0.2');
  await page.press('#input-text', 'Enter');
  await page.fill('#option-window', '0');
  await page.press('#option-window', 'Enter');
  assert.match(await page.textContent('#option-error'), /^window \(the window's length in seconds\) must be a number above 0, not 0/);
  await page.fill('#option-window', '');
  await page.press('#option-window', 'Enter');
  assert.equal(await page.isVisible('#option-error'), false);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the Poisson generator writes a stream at the chosen mean rate', async () => {
  const { page, problems } = await open();
  await page.fill('#poisson-rate', '20');
  await page.fill('#poisson-size', '200');
  await page.click('#poisson-go');
  await page.waitForFunction(() => document.querySelector('#step-count')?.textContent?.endsWith('/ 200'));
  const times = (await page.inputValue('#input-text')).split(' ').map(Number);
  assert.equal(times.length, 200);
  assert.ok(times.every((time, index) => index === 0 || time >= times[index - 1]), 'non-decreasing');
  const rate = times.length / times[times.length - 1];
  assert.ok(rate > 14 && rate < 28, `about 20 requests per second: ${rate}`);
  assert.match(await page.textContent('#poisson-note'), /On average 20\.0 requests per 1 s window/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the element embeds it with its parameters as variant words', async () => {
  const { page, problems } = await openPage(browser, new URL('blog-example.html', BASE).href, { width: 900, height: 900 });
  await page.evaluate(() => {
    const player = document.createElement('stepwise-player');
    player.id = 'limiter';
    player.setAttribute('algorithm', 'rate-limiter');
    player.setAttribute('input', '0.1 0.2 0.3 0.4');
    player.setAttribute('variant', 'method=leaky-queue limit=2 rate=4');
    player.setAttribute('step', '4');
    document.body.prepend(player);
  });
  await page.waitForFunction(() => document.querySelector('#limiter').dataset.position === '4');
  const narration = await page.$eval('#limiter', (player) => player.shadowRoot.querySelector('.narration').textContent);
  // One every 0.25 s: releases 0.1, 0.35, 0.6; at 0.4 the one at 0.35 has left, so the
  // fourth is queued behind the one at 0.6.
  assert.equal(narration, 't=0.4: 1 queued request has left; 1 waiting, limit 2 → queue it: it leaves at 0.85 (0.45 s later).');
  assert.deepEqual(problems, []);
  await page.close();
});
