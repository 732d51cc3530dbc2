// End-to-end: quiz mode, offline reload after the service worker is installed, and axe-core
// accessibility audits of the page, the blog example and presenter mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser, BASE } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

test('quiz: questions come from the trace and are graded', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(new URL('#next-greater', BASE).href);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#quiz-toggle');
  await page.waitForSelector('#quiz-options button');
  const options = page.locator('#quiz-options button');
  assert.ok(await options.count() >= 2);
  // The right answer is what the next step will narrate: find it by looking ahead in a copy.
  const expected = await page.evaluate(async () => {
    const { Player } = await import('./pkg/stepwise.js');
    const player = new Player('next-greater', document.getElementById('input-text').value, {});
    player.seek(1);
    return player.narration();
  });
  const texts = await options.allTextContents();
  assert.ok(texts.includes(expected), `${texts} include ${expected}`);
  const wrong = texts.find((text) => text !== expected);
  await options.filter({ hasText: wrong }).first().click();
  assert.equal(await page.textContent('#quiz-score'), 'Score: 0 of 1');
  assert.match(await page.textContent('#step-count'), /^1 \//, 'the quiz moves one step on');
  // The next question replaces the options and clears the feedback.
  await page.waitForFunction(() => document.getElementById('quiz-feedback').textContent === '');
  const next = await page.evaluate(async () => {
    const { Player } = await import('./pkg/stepwise.js');
    const player = new Player('next-greater', document.getElementById('input-text').value, {});
    player.seek(2);
    return player.narration();
  });
  await page.locator('#quiz-options button', { hasText: next }).first().click();
  assert.equal(await page.textContent('#quiz-score'), 'Score: 1 of 2');
  await context.close();
});

test('offline: after the first visit the page reloads without a network', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(BASE);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  assert.match(await page.textContent('#narration'), /^Find the next greater element/);
  await context.close();
});

async function audit(url, prepare = async () => {}) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(800);
  await prepare(page);
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`));
  await context.close();
  return violations;
}

test('axe-core finds no violations on the page, the blog example or presenter mode', async () => {
  for (const id of ['next-greater', 'summed-area', 'intersection', 'roc']) {
    assert.deepEqual(await audit(new URL(`#${id}`, BASE).href), [], id);
  }
  assert.deepEqual(await audit(new URL('blog-example.html', BASE).href), [], 'blog example');
  const presenting = await audit(BASE, async (page) => {
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#present');
  });
  assert.deepEqual(presenting, [], 'presenter mode');
  const dark = await audit(BASE, async (page) => {
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#theme-toggle');
  });
  assert.deepEqual(dark, [], 'dark theme');
});
