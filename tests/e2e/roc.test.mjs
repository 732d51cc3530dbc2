// End-to-end: the ROC page — stepping, dragging the threshold, plain narration, the Gaussian
// generator, a CSV file with a bad line, and the single-class message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, BASE, ARTIFACTS } from './harness.mjs';

const PAGE_URL = new URL('#roc', BASE).href;

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

test('stepping lowers the threshold; the narration counts TP and FP', async () => {
  const { page, problems } = await open();
  assert.match(await narration(page), /^15 samples, P = 7 \(positives\), N = 8 \(negatives\)/);
  for (let index = 0; index < 6; index += 1) await page.keyboard.press('ArrowRight');
  assert.equal(await narration(page),
    'Threshold 0.62 (2 tied samples move together): +1 TP, +1 FP → TPR 0.714, FPR 0.250; the trapezoid adds 0.0804, AUC 0.1161.');
  await page.keyboard.press('End');
  assert.match(await narration(page), /AUC 0\.7\d{3}\.$/);
  // Plain language only rewords the narration: the step stays where it was.
  const steps = await page.textContent('#step-count');
  await page.check('#option-plain');
  await page.waitForFunction(() => /^Cut-off/.test(document.getElementById('narration').textContent));
  assert.equal(await page.textContent('#step-count'), steps);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  assert.equal(await narration(page),
    'Cut-off 0.95: we flag 1 of the 7 sick patients (TPR 14.3%) and wrongly flag 0 of the 8 healthy people (FPR 0%).');
  await page.screenshot({ path: `${ARTIFACTS}roc-desktop.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('dragging the threshold moves the clock and updates the matrix', async () => {
  const { page, problems } = await open();
  const box = await page.$eval('#primary-canvas', (canvas) => {
    const bounds = canvas.getBoundingClientRect();
    return { x: bounds.left, y: bounds.top, width: bounds.width, height: bounds.height };
  });
  // Press near the left end of the score axis (low scores): most thresholds are passed.
  await page.mouse.move(box.x + 40, box.y + box.height * 0.25);
  await page.mouse.down();
  const far = (await page.textContent('#step-count')).split(' / ');
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.25, { steps: 4 });
  await page.mouse.up();
  const near = (await page.textContent('#step-count')).split(' / ');
  assert.ok(Number(far[0]) > Number(near[0]), `dragging right raises the threshold: ${far[0]} → ${near[0]}`);
  assert.ok(Number(near[0]) > 0);
  assert.match(await narration(page), /^Threshold /);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the generator shows the theoretical AUC beside the empirical one', async () => {
  const { page, problems } = await open();
  await page.$eval('#separation', (slider) => {
    slider.value = '2';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.fill('#gauss-size', '2000');
  await page.click('#gauss-go');
  await page.waitForFunction(() => /theoretical/.test(document.getElementById('auc-compare').textContent));
  const text = await page.textContent('#auc-compare');
  const [theory, empirical] = [...text.matchAll(/AUC[^=]*= (0\.\d+)/g)].map((match) => Number(match[1]));
  assert.ok(Math.abs(theory - 0.9214) < 1e-3, text);
  assert.ok(Math.abs(empirical - theory) < 0.03, text);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a million generated samples stay in wasm memory, animate, and come back from the link', async () => {
  const { page, problems } = await open();
  await page.fill('#gauss-size', '1000000');
  await page.fill('#gauss-seed', '7');
  await page.click('#gauss-go');
  await page.waitForFunction(() => /theoretical/.test(document.getElementById('auc-compare').textContent), null, { timeout: 30000 });
  assert.equal(await page.inputValue('#input-text'), '', 'no megabytes of text in the box');
  assert.match(await page.getAttribute('#input-text', 'placeholder'), /^1,000,000 generated samples \(d′ = 1\.5, seed 7\) are held in wasm memory/);
  assert.equal(await page.textContent('#step-count'), '0 / 1,000,000');
  const text = await page.textContent('#auc-compare');
  const [theory, empirical] = [...text.matchAll(/AUC[^=]*= (0\.\d+)/g)].map((match) => Number(match[1]));
  assert.ok(Math.abs(empirical - theory) < 0.003, `a million samples land near Φ(d′/√2): ${text}`);
  // The threshold moves anywhere at once; the narration and the drawing follow.
  await page.$eval('#scrubber', (scrubber) => {
    scrubber.value = '500000';
    scrubber.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.match(await page.textContent('#step-count'), /^500,000 \//);
  assert.match(await narration(page), /^Threshold /);
  await page.keyboard.press('End');
  assert.match(await narration(page), /AUC 0\.8\d{3}\.$/);
  await page.screenshot({ path: `${ARTIFACTS}roc-million.png` });
  // The link carries the generator's settings, not the samples, and makes them again.
  await page.waitForTimeout(400);
  const link = page.url();
  assert.ok(link.length < 2000, `a short link (${link.length} characters)`);
  const reopened = await openPage(browser, link, { ready: true });
  await reopened.page.waitForFunction(() => /^1,000,000 \/ 1,000,000$/.test(document.getElementById('step-count').textContent), null, { timeout: 30000 });
  assert.match(await reopened.page.textContent('#auc-compare'), /theoretical/);
  // Typing text replaces the resident samples.
  await reopened.page.fill('#input-text', '0.9,1\n0.1,0');
  await reopened.page.waitForFunction(() => document.getElementById('step-count').textContent === '0 / 2');
  assert.equal(await reopened.page.getAttribute('#input-text', 'placeholder'), '');
  assert.deepEqual([...problems, ...reopened.problems], []);
  await reopened.page.close();
  await page.close();
});

test('a CSV file over 1 MB is read into wasm memory, with its labels and positive class', async () => {
  const { page, problems } = await open();
  const lines = ['score,label'];
  for (let index = 0; index < 150_000; index += 1) {
    const spam = index % 3 === 0;
    lines.push(`${((index * 7919) % 100_003) / 100_003 + (spam ? 0.3 : 0)},${spam ? 'spam' : 'ham'}`);
  }
  await page.setInputFiles('#csv-file', { name: 'mail.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await page.waitForFunction(() => /The samples of 'mail\.csv'/.test(document.getElementById('input-text').placeholder), null, { timeout: 30000 });
  await page.waitForFunction(() => / \/ \d/.test(document.getElementById('step-count').textContent));
  assert.match(await narration(page), /^150,000 samples, P = 50,000 \(spam\), N = 100,000 \(ham\)/);
  await page.fill('#option-positive', 'ham');
  await page.dispatchEvent('#option-positive', 'change');
  await page.waitForFunction(() => /P = 100,000 \(ham\)/.test(document.getElementById('narration').textContent));
  // A big file with a bad line is refused with its line number; the samples on screen stay.
  lines[123_457] = '0.5';
  await page.setInputFiles('#csv-file', { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await page.waitForFunction(() => !document.getElementById('input-error').hidden);
  assert.equal(await page.textContent('#input-error'), 'line 123458: expected score,label — found 1 field');
  assert.match(await page.getAttribute('#input-text', 'placeholder'), /^The samples of 'mail\.csv'/);
  assert.match(await narration(page), /P = 100,000 \(ham\)/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a CSV with a bad line names the line; a single class says the AUC is undefined', async () => {
  const { page, problems } = await open();
  await page.setInputFiles('#csv-file', {
    name: 'scores.csv', mimeType: 'text/csv', buffer: Buffer.from('score,label\n0.9,1\n0.4,0\nabc,1\n'),
  });
  await page.waitForSelector('#input-error:not([hidden])');
  assert.equal(await page.textContent('#input-error'), "line 4: the score 'abc' is not a number");
  await page.selectOption('#preset', { label: 'Single class (AUC undefined)' });
  assert.equal(await page.textContent('#input-error'),
    'no negatives among the 3 samples: the FPR, the ROC curve and the AUC are undefined');
  assert.doesNotMatch(await page.textContent('body'), /NaN/);
  await page.selectOption('#preset', { label: 'Words as labels (spam/ham)' });
  assert.equal(await page.isVisible('#input-error'), false);
  assert.match(await narration(page), /\(spam\), N = 5 \(ham\)/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the ROC page fits a phone', async () => {
  const { page, problems } = await open(375, 812);
  for (let index = 0; index < 4; index += 1) await page.click('#step-forward');
  await page.screenshot({ path: `${ARTIFACTS}roc-phone.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  assert.deepEqual(problems, []);
  await page.close();
});
