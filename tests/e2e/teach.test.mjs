// End-to-end: practice mode, offline reload after the service worker is installed, and axe-core
// accessibility audits of the page, the blog example and presenter mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser, openPage, BASE, ARTIFACTS } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

/**
 * The blog example with one more `<stepwise-player>` at its top: `attributes` (its `id` among
 * them) and `notes` as `<stepwise-note>` children. Collects page errors.
 */
async function blogWithPlayer(attributes, notes = []) {
  const { page, problems } = await openPage(browser, new URL('blog-example.html', BASE).href, { width: 900, height: 900 });
  await page.evaluate(({ attributes, notes }) => {
    const player = document.createElement('stepwise-player');
    for (const [name, value] of Object.entries(attributes)) player.setAttribute(name, value);
    for (const { at, text, pause } of notes) {
      const note = document.createElement('stepwise-note');
      note.setAttribute('at', String(at));
      if (pause) note.setAttribute('pause', '');
      note.textContent = text;
      player.append(note);
    }
    document.body.prepend(player);
  }, { attributes, notes });
  return { page, problems };
}

test('practice: the learner does each step; wrong gets a hint and no advance, right plays the step', async () => {
  const { page, problems } = await openPage(browser, new URL('#next-greater', BASE).href, { ready: true });
  await page.click('#practice-toggle');
  await page.waitForSelector('#practice-choices button');
  // The question the algorithm's module asks at step 0, read independently.
  const expected = await page.evaluate(async () => {
    const stepwise = await import('./pkg/next-greater/stepwise.js');
    await stepwise.default();
    const player = new stepwise.Player('next-greater', document.getElementById('input-text').value, {});
    const question = player.question();
    player.free();
    return question;
  });
  assert.equal(await page.textContent('#practice-prompt'), expected.prompt);
  const choices = page.locator('#practice-choices button');
  assert.deepEqual(await choices.allTextContents(), expected.choices);
  // Play and the forward key do not skip the question.
  await page.keyboard.press('ArrowRight');
  await page.click('#play');
  assert.match(await page.textContent('#step-count'), /^0 \//);
  const wrong = expected.choices.findIndex((_, index) => index !== expected.answer);
  const picture = () => page.$eval('#primary-canvas', (canvas) => canvas.toDataURL());
  const plain = await picture();
  await choices.nth(wrong).click();
  assert.match(await page.textContent('#practice-feedback'), /^Not quite\./);
  assert.match(await page.textContent('#step-count'), /^0 \//, 'a wrong answer does not advance');
  // The hint rings the values the question is about: the picture changes, nothing moves.
  assert.match(await page.textContent('#practice-feedback'), /ringed on the picture/);
  await page.waitForFunction((before) => document.getElementById('primary-canvas').toDataURL() !== before, plain);
  await page.screenshot({ path: `${ARTIFACTS}practice-hint.png` });
  assert.equal(await choices.nth(wrong).isDisabled(), true);
  assert.equal(await page.textContent('#practice-score'), 'Score 0 of 1 · streak 0');
  // Clicking the picture answers too: find where the right answer is with the same player.
  assert.equal(await page.isVisible('#practice-click'), true);
  await page.locator('#primary-canvas').scrollIntoViewIfNeeded();
  const canvas = await page.locator('#primary-canvas').boundingBox();
  const point = await page.evaluate(async ({ width, height }) => {
    const stepwise = await import('./pkg/next-greater/stepwise.js');
    const player = new stepwise.Player('next-greater', document.getElementById('input-text').value, {});
    const question = player.question();
    const found = pickPoint(player, question.choices[question.answer], width, height);
    // A click where nothing is picked answers nothing.
    const nowhere = player.pick(2, 2, width, height);
    player.free();
    return { found, nowhere };
    function pickPoint(player, answer, width, height) {
      for (let y = 0; y < height; y += 3) {
        for (let x = 0; x < width; x += 3) if (player.pick(x, y, width, height) === answer) return [x, y];
      }
      return null;
    }
  }, { width: canvas.width, height: canvas.height });
  assert.ok(point.found, 'the right answer is somewhere on the picture');
  assert.equal(point.nowhere, undefined);
  await page.mouse.click(canvas.x + point.found[0], canvas.y + point.found[1]);
  assert.match(await page.textContent('#step-count'), /^1 \//, 'clicking the right bar plays the step');
  assert.equal(await page.textContent('#practice-feedback'), `Right. ${expected.explanation}`);
  // Answer every question right until the end: the score counts them.
  for (let turn = 0; turn < 60; turn += 1) {
    const done = await page.evaluate(() => document.getElementById('step-count').textContent.split(' / ').every((part, _, all) => part === all[0]));
    if (done) break;
    const prompt = await page.textContent('#practice-prompt');
    const answer = await page.evaluate(async () => {
      const stepwise = await import('./pkg/next-greater/stepwise.js');
      const [at] = document.getElementById('step-count').textContent.split(' / ').map(Number);
      const player = new stepwise.Player('next-greater', document.getElementById('input-text').value, {});
      player.seek(at);
      const question = player.question();
      player.free();
      return question && { kind: question.kind, index: question.answer, value: question.answer, prompt: question.prompt };
    });
    if (!answer) {
      await page.waitForTimeout(200);
      continue;
    }
    assert.equal(prompt, answer.prompt);
    if (answer.kind === 'number') {
      await page.fill('#practice-number', String(answer.value));
      await page.click('#practice-form button');
    } else {
      await page.locator('#practice-choices button').nth(answer.index).click();
    }
  }
  assert.match(await page.textContent('#practice-prompt'), /^Done: /);
  assert.match(await page.textContent('#practice-score'), /^Score (\d+) of (\d+) · streak \d+$/);
  // New case: a fresh random input, the practice starts again.
  const before = await page.inputValue('#input-text');
  await page.click('#practice-new');
  await page.waitForFunction((text) => document.getElementById('input-text').value !== text, before);
  await page.waitForSelector('#practice-choices button');
  assert.match(await page.textContent('#step-count'), /^0 \//);
  await page.screenshot({ path: `${ARTIFACTS}practice-desktop.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('practice in the element: mode="practice" asks, grades and moves on only when right', async () => {
  const { page, problems } = await blogWithPlayer({ id: 'learner', algorithm: 'next-greater', input: '2 7 3', mode: 'practice' });
  const inside = (selector) => `#learner >> ${selector}`;
  await page.waitForSelector(inside('.practice-choices button'));
  const position = () => page.$eval('#learner', (element) => Number(element.dataset.position));
  assert.equal(await position(), 0);
  // The play and forward buttons are gone; the keys do not skip the question either.
  assert.equal(await page.isVisible(inside('button[aria-label="Play"]')), false);
  await page.focus('#learner');
  await page.keyboard.press('ArrowRight');
  assert.equal(await position(), 0);
  const question = await page.$eval('#learner', (element) => element.player.question());
  const buttons = page.locator(inside('.practice-choices button'));
  const wrong = question.choices.findIndex((_, index) => index !== question.answer);
  await buttons.nth(wrong).click();
  assert.match(await page.textContent(inside('.practice-feedback')), /^Not quite\./);
  assert.equal(await position(), 0, 'wrong: no advance');
  assert.match(await page.textContent(inside('.practice-feedback')), /ringed on the picture/);
  await buttons.nth(question.answer).click();
  await page.waitForFunction(() => document.querySelector('#learner').dataset.position === '1');
  assert.match(await page.textContent(inside('.practice-score')), /^Score 0 of 1/);
  // Step 1 (push 0) by its button; step 2, the arrival of 7, by clicking the picture at the
  // point the player names.
  const push = await page.$eval('#learner', (element) => element.player.question());
  await buttons.nth(push.answer).click();
  await page.waitForFunction(() => document.querySelector('#learner').dataset.position === '2');
  const next = await page.$eval('#learner', (element) => element.player.question());
  assert.ok(next.click, 'the arrival question takes a click');
  await page.locator(inside('canvas')).scrollIntoViewIfNeeded();
  const canvas = await page.locator(inside('canvas')).boundingBox();
  const point = await page.$eval('#learner', (element, { answer, width, height }) => {
    for (let y = 0; y < height; y += 3) {
      for (let x = 0; x < width; x += 3) if (element.player.pick(x, y, width, height) === answer) return [x, y];
    }
    return null;
  }, { answer: next.choices[next.answer], width: canvas.width, height: canvas.height });
  assert.ok(point, 'the right answer is on the picture');
  await page.mouse.click(canvas.x + point[0], canvas.y + point[1]);
  await page.waitForFunction(() => document.querySelector('#learner').dataset.position === '3');
  assert.match(await page.textContent(inside('.practice-score')), /^Score 2 of 3/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a lesson in the element: notes at their steps, a pause that holds playback, text only, edits picked up', async () => {
  const { page, problems } = await blogWithPlayer({ id: 'lesson', algorithm: 'next-greater', input: '2 7 3 5 4 6 8', speed: '8' }, [
    { at: 4, text: 'Watch the stack: 7 is waiting.' },
    { at: 9, text: 'Predict: which numbers does 6 pop?', pause: true },
    { at: 12, text: '<img src=x onerror="window.pwned = 1">' },
  ]);
  await page.evaluate(() => {
    window.steps = [];
    document.querySelector('#lesson').addEventListener('stepwise-step', (event) => window.steps.push(event.detail.step));
  });
  const position = () => page.$eval('#lesson', (element) => Number(element.dataset.position));
  const note = () => page.$eval('#lesson', (element) => {
    const shown = element.shadowRoot.querySelector('.note');
    return shown.hidden ? '' : shown.textContent;
  });
  await page.waitForFunction(() => document.querySelector('#lesson').dataset.position === '0');
  assert.equal(await note(), '');
  // The step property moves it, and the event says where.
  await page.$eval('#lesson', (element) => { element.step = 5; });
  await page.waitForFunction(() => document.querySelector('#lesson').dataset.position === '5');
  assert.equal(await page.$eval('#lesson', (element) => element.step), 5);
  assert.equal(await page.evaluate(() => window.steps.at(-1)), 5);
  assert.equal(await note(), 'Watch the stack: 7 is waiting.');
  // Playback stops at the pausing note, and goes on when the reader continues.
  await page.$eval('#lesson', (element) => element.play());
  await page.waitForFunction(() => document.querySelector('#lesson').dataset.position === '9');
  await page.waitForTimeout(600);
  assert.equal(await position(), 9, 'held at the pause');
  assert.equal(await note(), 'Predict: which numbers does 6 pop?');
  await page.$eval('#lesson', (element) => element.play());
  await page.waitForFunction(() => Number(document.querySelector('#lesson').dataset.position) >= 12);
  // A hostile note stays text.
  await page.$eval('#lesson', (element) => element.pause());
  await page.$eval('#lesson', (element) => { element.step = 12; });
  await page.waitForFunction(() => document.querySelector('#lesson').dataset.position === '12');
  assert.equal(await note(), '<img src=x onerror="window.pwned = 1">');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.$eval('#lesson', (element) => element.shadowRoot.querySelectorAll('img').length), 0);
  // Edited after the start: picked up.
  await page.$eval('#lesson stepwise-note[at="12"]', (element) => { element.textContent = 'Edited.'; });
  await page.waitForFunction(() => document.querySelector('#lesson').shadowRoot.querySelector('.note').textContent === 'Edited.');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a lesson written in the page: a note at a step, a pause, carried by the link and the embed snippet', async () => {
  const { page, problems } = await openPage(browser, new URL('#next-greater', BASE).href, { ready: true });
  await page.click('#lesson-toggle');
  await page.waitForSelector('#lesson-add');
  await page.click('body', { position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.click('#lesson-add');
  await page.fill('#lesson-note-0', 'Watch <7> wait');
  await page.press('#lesson-note-0', 'Tab');
  await page.check('#lesson-note-0-pause');
  assert.equal(await page.textContent('#lesson-note'), 'Watch <7> wait');
  // From the start, playback stops at the pausing note.
  await page.click('#to-start');
  assert.equal(await page.isVisible('#lesson-note'), false, 'no note before its step');
  await page.selectOption('#speed', { index: 4 });
  await page.click('#play');
  await page.waitForFunction(() => document.getElementById('step-count').textContent.startsWith('2 /'));
  await page.waitForTimeout(500);
  assert.match(await page.textContent('#step-count'), /^2 \//, 'held at the pause');
  // The embed snippet carries the note as a child, escaped.
  await page.click('#embed-toggle');
  await page.waitForSelector('#embed-snippet');
  const snippet = await page.inputValue('#embed-snippet');
  assert.match(snippet, /<stepwise-note at="2" pause>Watch &lt;7&gt; wait<\/stepwise-note>/);
  // The link carries the lesson: a fresh page opens with the note.
  await page.waitForFunction(() => location.search.includes('lesson='));
  const link = page.url();
  const { page: again, problems: againProblems } = await openPage(browser, link, { ready: true });
  await again.waitForFunction(() => !document.getElementById('lesson-note').hidden);
  assert.equal(await again.textContent('#lesson-note'), 'Watch <7> wait');
  // The presenter sees the note in large type, and the next note before it comes.
  await again.click('#present');
  await again.waitForFunction(() => document.body.classList.contains('presenting'));
  await again.click('#to-start');
  await again.waitForFunction(() => document.getElementById('step-count').textContent.startsWith('0 /'));
  assert.equal(await again.isVisible('#lesson-next'), true);
  assert.equal(await again.textContent('#lesson-next'), 'Next note, at step 2: Watch <7> wait');
  // A range locks the page's clock too: steps 2 to 6 only, and the link carries it.
  await page.fill('#lesson-from', '2');
  await page.press('#lesson-from', 'Tab');
  await page.fill('#lesson-to', '6');
  await page.press('#lesson-to', 'Tab');
  await page.click('#to-start');
  assert.match(await page.textContent('#step-count'), /^2 \/ 6$/);
  await page.click('#to-end');
  assert.match(await page.textContent('#step-count'), /^6 \/ 6$/);
  assert.deepEqual(await page.$eval('#scrubber', (scrubber) => [scrubber.min, scrubber.max]), ['2', '6']);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('lesson')?.includes('"from":2'));
  const { page: ranged, problems: rangedProblems } = await openPage(browser, page.url(), { ready: true });
  await ranged.click('#to-end');
  assert.match(await ranged.textContent('#step-count'), /^6 \/ 6$/);
  assert.deepEqual([...problems, ...againProblems, ...rangedProblems], []);
  await ranged.close();
  await again.close();
  await page.close();
});

/** How many pages a PDF has (its page objects). */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('print: a blog page with three players prints every frame, those never scrolled to included', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 400 } });
  const page = await context.newPage();
  await page.goto(new URL('blog-example.html', BASE).href);
  const count = await page.$$eval('stepwise-player', (players) => players.length);
  assert.equal(count, 3);
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => [...document.querySelectorAll('stepwise-player')].every((player) => player.dataset.position !== undefined));
  await page.waitForTimeout(300);
  const painted = await page.$$eval('stepwise-player', (players) => players.map((player) => {
    const canvas = player.shadowRoot.querySelector('canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let different = 0;
    for (let index = 0; index < data.length; index += 4) if (data[index] !== data[0] || data[index + 1] !== data[1]) different += 1;
    return different;
  }));
  assert.ok(painted.every((pixels) => pixels > 500), `every figure has a picture: ${painted}`);
  // Painted for paper: three backing pixels per CSS pixel (the screen here has one).
  const scales = await page.$$eval('stepwise-player', (players) => players.map((player) => {
    const canvas = player.shadowRoot.querySelector('canvas');
    return canvas.width / canvas.clientWidth;
  }));
  assert.ok(scales.every((scale) => scale >= 2.99), `print resolution: ${scales}`);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000 && pdfPages(pdf) >= 1, `a PDF of ${pdf.length} bytes, ${pdfPages(pdf)} pages`);
  await context.close();
});

test('print: the Handout button prints a frame per note with its note and narration', async () => {
  const lesson = { notes: [{ at: 2, pause: false, text: 'Watch 7 wait.' }, { at: 9, pause: true, text: 'Which does 6 pop?' }], from: null, to: null };
  const query = new URLSearchParams({ algorithm: 'next-greater', input: '2 7 3 5 4 6 8', step: '0', lesson: JSON.stringify(lesson) });
  const { page, problems } = await openPage(browser, new URL(`?${query}#next-greater`, BASE).href, { ready: true });
  await page.evaluate(() => { window.print = () => { window.printed = true; }; });
  await page.click('#handout-print');
  await page.waitForFunction(() => window.printed === true);
  const frames = await page.$$eval('#handout .handout-frame', (figures) => figures.map((figure) => ({
    image: figure.querySelector('img').getAttribute('src').slice(0, 30),
    caption: figure.querySelector('figcaption').textContent,
  })));
  assert.equal(frames.length, 2);
  assert.ok(frames.every((frame) => frame.image.startsWith('data:image/svg+xml')));
  assert.match(frames[0].caption, /^Step 2 of \d+Watch 7 wait\./);
  assert.match(frames[1].caption, /^Step 9 of \d+Which does 6 pop\?/);
  assert.match(await page.textContent('#step-count'), /^0 \//, 'the page stays on its step');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$eval('#handout', (section) => getComputedStyle(section).display), 'block');
  assert.equal(await page.$eval('main', (main) => getComputedStyle(main).display), 'none');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 5_000 && pdfPages(pdf) >= 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('practice: every algorithm asks on nine steps in ten, with distinct choices', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(BASE);
  await page.waitForSelector('body[data-ready="true"]');
  const report = await page.evaluate(async () => {
    const { ALGORITHMS, MODULES } = await import('./pkg/catalogue.js');
    const report = {};
    for (const info of ALGORITHMS) {
      // Each algorithm's own module, through the catalogue's table.
      const stepwise = await MODULES[info.id]();
      await stepwise.default();
      for (const method of info.methods) {
        const player = new stepwise.Player(info.id, info.example, { method: method.id });
        const problems = [];
        let asked = 0;
        for (let position = 0; position < player.len; position += 1) {
          player.seek(position);
          const question = player.question();
          if (!question) continue;
          asked += 1;
          if (new Set(question.choices).size !== question.choices.length) problems.push(`repeated choices at ${position}`);
          if (question.choices.length < 2) problems.push(`one choice at ${position}`);
          player.forward();
          if (question.explanation !== player.narration()) problems.push(`explanation at ${position}`);
          // Independent checks: what the step then narrates states the right answer.
          const right = question.choices[question.kind === 'number' ? question.choice : question.answer];
          if (info.id === 'summed-area' && question.prompt.startsWith('S[') && !question.explanation.includes(`= ${right}`)) {
            problems.push(`summed-area ${position}: '${right}' not in '${question.explanation}'`);
          }
          if (info.id === 'roc' && !question.explanation.includes(right)) {
            problems.push(`roc ${position}: '${right}' not in '${question.explanation}'`);
          }
          if (info.id === 'rate-limiter' && !question.explanation.includes(right.startsWith('Reject') ? 'reject' : right.startsWith('Allow') ? 'allow' : 'queue it')) {
            problems.push(`rate-limiter ${position}: '${right}' against '${question.explanation}'`);
          }
        }
        player.seek(player.len);
        if (player.question() !== undefined) problems.push('a question after the end');
        report[`${info.id} ${method.id}`] = { share: asked / Math.max(1, player.len), problems };
        player.free();
      }
    }
    return report;
  });
  for (const [run, { share, problems }] of Object.entries(report)) {
    assert.deepEqual(problems, [], run);
    assert.ok(share >= 0.85, `${run} asks on ${Math.round(share * 100)}% of its steps`);
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

test('axe-core finds no violations on the page, the blog example, presenter, practice, lesson and print', async () => {
  // Every registered algorithm's tab, its generated controls and widgets included.
  const context = await browser.newContext();
  const lister = await context.newPage();
  await lister.goto(BASE);
  await lister.waitForSelector('body[data-ready="true"]');
  const ids = await lister.evaluate(async () => (await import('./pkg/catalogue.js')).ALGORITHMS.map((info) => info.id));
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
  const practising = await audit(new URL('#summed-area', BASE).href, async (page) => {
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#practice-toggle');
    await page.waitForSelector('#practice-number:visible');
    await page.fill('#practice-number', '12345');
    await page.click('#practice-form button');
    await page.waitForSelector('#practice-feedback:has-text("Not quite")');
  });
  assert.deepEqual(practising, [], 'practice mode, a number question answered wrong');
  const teaching = await audit(BASE, async (page) => {
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#lesson-toggle');
    await page.click('#lesson-add');
    await page.fill('#lesson-note-0', 'A note');
    await page.press('#lesson-note-0', 'Tab');
    await page.waitForSelector('#lesson-note:visible');
  });
  assert.deepEqual(teaching, [], 'the lesson editor with a note shown');
  const printed = await audit(new URL('blog-example.html', BASE).href, async (page) => {
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => [...document.querySelectorAll('stepwise-player')].every((player) => player.dataset.position !== undefined));
  });
  assert.deepEqual(printed, [], 'the print layout of the blog example');
});
