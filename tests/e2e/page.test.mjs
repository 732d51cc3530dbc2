// End-to-end: what a person does on the page, in Debian's Chromium driven by playwright-core.
// Run by `cargo xtask test`, which serves www/ and sets STEPWISE_URL and CHROMIUM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, BASE, ARTIFACTS } from './harness.mjs';

const URL_UNDER_TEST = BASE;

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Opens the page at a viewport, collecting console errors, page errors and dialogs. */
function open(width = 1280, height = 900) {
  return openPage(browser, URL_UNDER_TEST, { width, height, ready: true });
}

const narration = (page) => page.textContent('#narration');
const activeLine = (page) => page.$eval('#primary-code', (list) =>
  [...list.children].findIndex((item) => item.classList.contains('active')));
const stepCount = (page) => page.textContent('#step-count');

/** Counts canvas pixels that differ from the top-left (background) pixel. */
const paintedPixels = (page, selector = '#primary-canvas') => page.$eval(selector, (canvas) => {
  const context = canvas.getContext('2d');
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let painted = 0;
  for (let index = 0; index < data.length; index += 4) {
    if (data[index] !== data[0] || data[index + 1] !== data[1] || data[index + 2] !== data[2]) painted += 1;
  }
  return painted;
});

async function enter(page, text) {
  await page.fill('#input-text', text);
  await page.press('#input-text', 'Enter');
  await page.waitForTimeout(100);
}

test('the page loads, sets a CSP and draws the example', async () => {
  const { page, problems, response } = await open();
  const policy = response.headers()['content-security-policy'];
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(await page.$$eval('script:not([src])', (scripts) => scripts.length), 0, 'no inline script');
  assert.match(await narration(page), /^Find the next greater element of each of 7 items/);
  assert.equal(await stepCount(page), '0 / 25');
  await page.waitForTimeout(200);
  assert.ok(await paintedPixels(page) > 2000, 'the stack canvas is drawn');
  assert.ok(await paintedPixels(page, '[data-method="scan"] canvas') > 2000, 'the scan canvas is drawn');
  assert.deepEqual(problems, []);
  await page.close();
});

test('stepping with buttons and keys narrates and highlights the pseudocode', async () => {
  const { page, problems } = await open();
  await enter(page, '4, 1 3');
  assert.match(await narration(page), /each of 3 items/);
  await page.click('#step-forward');
  assert.equal(await narration(page), 'i = 0: look at a[0]=4.');
  assert.equal(await activeLine(page), 0);
  await page.click('#step-forward');
  assert.equal(await narration(page), 'Push 0: a[0]=4 waits on the stack for its next greater element.');
  assert.equal(await activeLine(page), 3);
  await page.click('body', { position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await narration(page), 'a[1]=1 ≤ a[0]=4: 0 stays on the stack; stop popping.');
  assert.equal(await activeLine(page), 1);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await narration(page), 'i = 1: look at a[1]=1.');
  await page.keyboard.press('End');
  assert.equal(await narration(page), 'Done: 2 items have no next greater element; their answer is -1.');
  const ends = (await stepCount(page)).split(' / ');
  assert.equal(ends[0], ends[1]);
  await page.keyboard.press('Home');
  assert.match(await stepCount(page), /^0 \//);
  // The scan runs on the same clock: after 6 steps it has made its own comparisons.
  for (let index = 0; index < 6; index += 1) await page.keyboard.press('ArrowRight');
  const comparisons = await page.textContent('[data-method="scan"] .counters [data-counter="comparisons"] b');
  assert.ok(Number(comparisons) >= 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('play runs to the end at full speed and Space pauses', async () => {
  const { page, problems } = await open();
  await page.selectOption('#speed', { label: '64 steps/frame' });
  await page.click('body', { position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => {
    const [at, total] = document.getElementById('step-count').textContent.split(' / ');
    return at === total;
  }, null, { timeout: 5000 });
  assert.match(await narration(page), /^Done/);
  // At 4 steps per second, Space starts and Space pauses: the clock then stands still.
  await page.selectOption('#speed', { label: '4 steps/s' });
  await page.keyboard.press('Home');
  await page.click('body', { position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !document.getElementById('step-count').textContent.startsWith('0 /'));
  await page.keyboard.press('Space');
  const paused = await stepCount(page);
  await page.waitForTimeout(700);
  assert.equal(await stepCount(page), paused);
  assert.equal(await page.getAttribute('#play', 'aria-label'), 'Play (Space)');
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad input shows where the problem is and keeps the animation alive', async () => {
  const { page, problems } = await open();
  await page.keyboard.press('ArrowRight');
  const before = await narration(page);
  await enter(page, '1 2 3 x7 5');
  assert.equal(await page.textContent('#input-error'), "item 4: 'x7' is not a number");
  assert.equal(await page.isVisible('#input-error'), true);
  assert.equal(await narration(page), before, 'the previous animation stays');
  await page.click('#step-forward');
  assert.notEqual(await narration(page), before, 'the page still responds');
  await enter(page, '3 1 2');
  assert.equal(await page.isVisible('#input-error'), false);
  assert.match(await narration(page), /each of 3 items/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('presets, variants, seeded random input and the scan limit', async () => {
  const { page, problems } = await open();
  await page.selectOption('#preset', { label: 'Empty' });
  assert.equal(await narration(page), 'The array is empty: there is nothing to scan.');
  await page.selectOption('#preset', { label: 'Decreasing' });
  await page.check('input[name="option-smaller"][value="true"]');
  assert.match(await narration(page), /next smaller element of each of 8 items/);
  assert.match(await page.textContent('#primary-code li:nth-child(2)'), /a\[i\] < a\[top\]/);
  await page.check('input[name="option-previous"][value="true"]');
  await page.check('#option-circular');
  assert.match(await narration(page), /previous smaller element .* right to left, twice round/);

  await page.fill('#random-size', '20');
  await page.fill('#random-seed', '7');
  await page.click('#random-go');
  const first = await page.inputValue('#input-text');
  await page.click('#random-go');
  assert.equal(await page.inputValue('#input-text'), first, 'the same seed gives the same array');
  assert.equal(first.split(' ').length, 20);

  await page.fill('#random-size', '2000');
  await page.click('#random-go');
  assert.match(await page.textContent('[data-method="scan"] .figure-message'), /the O\(n²\) scan animates at most 1,000/);
  assert.match(await narration(page), /each of 2000 items/);
  await page.keyboard.press('End');
  assert.ok(await paintedPixels(page) > 2000, 'large arrays are drawn in aggregate');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a panic shows the banner and the page recovers', async () => {
  const { page, problems } = await open();
  // A panic in the engine of the algorithm on screen (the next greater element's module).
  await page.evaluate(async () => {
    const module = await import('./pkg/next-greater/stepwise.js');
    try { module.panicForTesting(); } catch { /* the trap is expected */ }
  });
  await page.waitForSelector('#panic-banner:not([hidden])');
  assert.match(await page.textContent('#panic-message'), /deliberate panic for testing/);
  await enter(page, '9 8 10');
  await page.waitForFunction(() => /each of 3 items/.test(document.getElementById('narration').textContent));
  await page.click('#step-forward');
  assert.equal(await narration(page), 'i = 0: look at a[0]=9.');
  const unexpected = problems.filter((problem) => !/deliberate panic|unreachable/.test(problem));
  assert.deepEqual(unexpected, []);
  await page.close();
});

test('screenshots at desktop and phone width, with nothing wider than the phone', async () => {
  for (const [name, width, height] of [['desktop', 1280, 900], ['phone', 375, 812]]) {
    const { page, problems } = await open(width, height);
    for (let index = 0; index < 9; index += 1) await page.click('#step-forward');
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow}px`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('touch: buttons are at least 44px and tapping steps', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(URL_UNDER_TEST);
  await page.waitForSelector('body[data-ready="true"]');
  const sizes = await page.$$eval('.transport button', (buttons) =>
    buttons.map((button) => Math.min(button.offsetWidth, button.offsetHeight)));
  assert.ok(sizes.every((size) => size >= 44), `button sizes ${sizes}`);
  await page.tap('#step-forward');
  assert.equal(await narration(page), 'i = 0: look at a[0]=2.');
  await context.close();
});

test('the page does not shift while it loads (cumulative layout shift under 0.1)', async () => {
  for (const hash of ['', '#roc', '#summed-area']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      window.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${BASE}${hash}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForTimeout(500);
    const shift = await page.evaluate(() => window.layoutShift);
    assert.ok(shift < 0.1, `layout shift ${shift.toFixed(3)} on ${hash || 'the default page'}`);
    await page.close();
  }
});

test('every registered algorithm has a working tab, generated from the registry', async () => {
  const { page, problems } = await open();
  const infos = await page.evaluate(async () => {
    const { ALGORITHMS } = await import('./pkg/catalogue.js');
    return ALGORITHMS.map(({ id, title, options, methods, limits }) => ({ id, title, options, methods: methods.length, limits }));
  });
  assert.ok(infos.length >= 4);
  for (const info of infos) {
    await page.click(`#algorithm-tabs [data-algorithm="${info.id}"]`);
    await page.waitForFunction((title) => document.getElementById('algorithm-title').textContent === title, info.title);
    assert.equal(await page.getAttribute(`#algorithm-tabs [data-algorithm="${info.id}"]`, 'aria-current'), 'page');
    assert.equal(await page.textContent('#algorithm-limits'), info.limits, `${info.id}: limits from the registry`);
    // One control per declared option, and nothing left over from another tab.
    const controls = await page.$$eval('#option-controls [data-option]', (rows) => rows.map((row) => row.dataset.option));
    assert.deepEqual(controls, info.options.map((option) => option.key), `${info.id}: controls`);
    assert.equal(await page.isVisible('#compare-row'), info.methods > 1, `${info.id}: compare switch`);
    const before = await narration(page);
    await page.click('#step-forward');
    await page.waitForFunction((text) => document.getElementById('narration').textContent !== text, before);
    assert.match(await stepCount(page), /^1 \/ /, `${info.id}: steps`);
    await enter(page, '1 2 zz7');
    await page.waitForSelector('#input-error:not([hidden])');
    assert.match(await page.textContent('#input-error'), /zz7|score|line|array|row|number/, `${info.id}: bad input says what`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('switching tabs quickly lands on the last tab clicked, with its own input', async () => {
  const { page, problems } = await open();
  // A tab with a widget (loaded on first use) and then, at once, one without.
  await page.click('#algorithm-tabs [data-algorithm="roc"]');
  await page.click('#algorithm-tabs [data-algorithm="next-greater"]');
  await page.waitForTimeout(1500);
  assert.equal(await page.textContent('#algorithm-title'), 'Next greater element');
  assert.equal(await page.inputValue('#input-text'), '2 7 3 5 4 6 8');
  assert.equal(await page.isVisible('#input-error'), false);
  assert.equal(await page.isVisible('#gauss-go'), false, 'no widget of another tab on screen');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a link whose option is refused opens the example and says why', async () => {
  const query = new URLSearchParams({ algorithm: 'summed-area', input: '1 2\n3 4', options: JSON.stringify({ query: '9,9,9,9' }) });
  const { page, problems } = await openPage(browser, new URL(`?${query}#summed-area`, URL_UNDER_TEST).href, { ready: true });
  await page.waitForSelector('#input-error:not([hidden])');
  assert.match(await page.textContent('#input-error'), /^The input in this link was refused \(rectangle A: /);
  assert.match(await stepCount(page), /^0 \/ [1-9]/, 'the example runs');
  assert.deepEqual(problems, []);
  await page.close();
});
