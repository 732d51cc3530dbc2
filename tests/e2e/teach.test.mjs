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
  // The right answer, from the same question maker on a copy of the run.
  const expectedAt = (position) => page.evaluate(async (at) => {
    // Questions are in the full module, which the quiz switched the page to.
    const { Player } = await import('./pkg-full/stepwise.js');
    const { makeQuestion } = await import('./quiz.js');
    const player = new Player('next-greater', document.getElementById('input-text').value, {});
    player.seek(at);
    return makeQuestion(player, at);
  }, position);
  const first = await expectedAt(0);
  assert.equal(await page.textContent('#quiz-prompt'), first.prompt);
  const texts = await options.allTextContents();
  assert.deepEqual(texts, first.options);
  const wrong = texts.find((text) => text !== first.answer);
  await options.filter({ hasText: wrong }).first().click();
  assert.equal(await page.textContent('#quiz-score'), 'Score: 0 of 1');
  assert.match(await page.textContent('#quiz-feedback'), /^Not quite: the highlighted answer is right\. /);
  assert.match(await page.textContent('#step-count'), /^1 \//, 'the quiz moves one step on');
  // The next question replaces the options and clears the feedback.
  await page.waitForFunction(() => document.getElementById('quiz-feedback').textContent === '');
  const next = await expectedAt(1);
  await page.locator('#quiz-options button', { hasText: next.answer }).first().click();
  assert.equal(await page.textContent('#quiz-score'), 'Score: 1 of 2');
  await context.close();
});

test('quiz: each algorithm asks its own questions, and their answers are what happens', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(BASE);
  await page.waitForSelector('body[data-ready="true"]');
  const report = await page.evaluate(async () => {
    // Questions are in the full module (not the first-load one): loaded here for the check.
    const stepwise = await import('./pkg-full/stepwise.js');
    await stepwise.default();
    const { makeQuestion } = await import('./quiz.js');
    const report = {};
    // Each example, and for next-greater a short and a circular run too (their last steps).
    const runs = stepwise.algorithms().map((info) => [info, info.example, {}]);
    const nextGreater = runs.find(([info]) => info.id === 'next-greater')[0];
    runs.push([nextGreater, '3 1 2', {}], [nextGreater, '5 4', { circular: true }]);
    for (const [info, input, options] of runs) {
      const player = new stepwise.Player(info.id, input, options);
      const kinds = {};
      const problems = [];
      for (let position = 0; position < Math.min(player.len, 400); position += 1) {
        player.seek(position);
        const question = makeQuestion(player, position);
        if (player.position !== position) problems.push(`position moved at ${position}`);
        if (new Set(question.options).size !== question.options.length) problems.push(`repeated options at ${position}`);
        if (!question.options.includes(question.answer)) problems.push(`answer missing at ${position}`);
        if (question.options.length < 2) problems.push(`one option at ${position}`);
        kinds[question.prompt.split(' ')[0]] = (kinds[question.prompt.split(' ')[0]] ?? 0) + 1;
        // Independent checks: the next step's narration states the same thing.
        if (info.id === 'roc' && !question.prompt.startsWith('Which') && !question.why.includes(question.answer)) {
          problems.push(`roc ${position}: '${question.answer}' not in '${question.why}'`);
        }
        if (info.id === 'summed-area' && question.prompt.startsWith('S[') && !question.why.includes(`= ${question.answer}`)) {
          problems.push(`summed-area ${position}: '${question.answer}' not in '${question.why}'`);
        }
        const said = { Pop: /: pop \d+ —/, Stop: /stays on the stack; stop popping\.$/, Push: /^Push \d+:/ };
        const move = question.answer.split(' ')[0];
        if (info.id === 'next-greater' && said[move] && !said[move].test(question.why)) {
          problems.push(`next-greater ${position}: '${question.answer}' against '${question.why}'`);
        }
      }
      report[`${info.id} ${input.slice(0, 12)}`] = { kinds, problems };
      player.free();
    }
    return report;
  });
  for (const [id, { kinds, problems }] of Object.entries(report)) {
    assert.deepEqual(problems, [], id);
    const specific = Object.entries(kinds).filter(([word]) => word !== 'Which').reduce((sum, [, count]) => sum + count, 0);
    assert.ok(specific > 0, `${id} asks questions of its own: ${JSON.stringify(kinds)}`);
  }
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
  // Every registered algorithm's tab, its generated controls and widgets included.
  const context = await browser.newContext();
  const lister = await context.newPage();
  await lister.goto(BASE);
  await lister.waitForSelector('body[data-ready="true"]');
  const ids = await lister.evaluate(async () => (await import('./pkg/stepwise.js')).algorithms().map((info) => info.id));
  await context.close();
  assert.ok(ids.length >= 4);
  for (const id of ids) {
    assert.deepEqual(await audit(new URL(`#${id}`, BASE).href), [], id);
  }
  // The panels their modules build when first opened.
  const panels = await audit(BASE, async (page) => {
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#embed-toggle');
    await page.click('#record-toggle');
    await page.waitForSelector('#embed-snippet');
    await page.waitForSelector('#record-go');
  });
  assert.deepEqual(panels, [], 'embed and export panels');
  assert.deepEqual(await audit(new URL('blog-example.html', BASE).href), [], 'blog example');
  const presenting = await audit(BASE, async (page) => {
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#present');
    await page.waitForFunction(() => document.body.classList.contains('presenting'));
  });
  assert.deepEqual(presenting, [], 'presenter mode');
  const dark = await audit(BASE, async (page) => {
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#theme-toggle');
  });
  assert.deepEqual(dark, [], 'dark theme');
});
