// End-to-end: the page and <stepwise-player> run one transport (www/player/transport.js, whose
// rules tests/unit/transport.test.mjs checks in Node). The same script runs in both hosts: a
// lesson locked to steps 2..6 with a pausing note at 4 holds playback at the note and stops at
// the end of the range; playing at the end starts again at its start; a typed step then Enter
// jumps (clamped to the range); Escape drops a typed step; a step by hand pauses playback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, BASE } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

const INPUT = '2 7 3 5 4 6 8';
const NOTE = 'Hold here: which does 5 wait for?';

/**
 * The page, opened on a link with the lesson, at 10 steps a second (speed index 3).
 * @returns {Promise<{ page: import('playwright-core').Page, problems: string[], position(): Promise<number>, note(): Promise<string>, focus(): Promise<void> }>}
 */
async function pageHost() {
  const lesson = { notes: [{ at: 4, pause: true, text: NOTE }], from: 2, to: 6 };
  const query = new URLSearchParams({ algorithm: 'next-greater', input: INPUT, step: '0', speed: '3', lesson: JSON.stringify(lesson) });
  const { page, problems } = await openPage(browser, new URL(`?${query}#next-greater`, BASE).href, { ready: true });
  return {
    page,
    problems,
    position: async () => Number((await page.textContent('#step-count')).split('/')[0].replaceAll(',', '')),
    note: () => page.$eval('#lesson-note', (note) => (note.hidden ? '' : note.textContent)),
    focus: () => page.click('body', { position: { x: 5, y: 5 } }),
  };
}

/** A page with one `<stepwise-player>` locked to 2..6, a pausing note at 4, 10 steps a second. */
async function elementHost() {
  const { page, problems } = await openPage(browser, new URL('blog-example.html', BASE).href, { width: 900, height: 900 });
  await page.evaluate(({ input, text }) => {
    const player = document.createElement('stepwise-player');
    player.id = 'one';
    for (const [name, value] of Object.entries({ algorithm: 'next-greater', input, from: '2', to: '6', speed: '10' })) player.setAttribute(name, value);
    const note = document.createElement('stepwise-note');
    note.setAttribute('at', '4');
    note.setAttribute('pause', '');
    note.textContent = text;
    player.append(note);
    document.body.prepend(player);
  }, { input: INPUT, text: NOTE });
  await page.waitForFunction(() => document.querySelector('#one')?.dataset.position !== undefined);
  return {
    page,
    problems,
    position: () => page.$eval('#one', (element) => Number(element.dataset.position)),
    note: () => page.$eval('#one', (element) => {
      const shown = element.shadowRoot.querySelector('.note');
      return shown.hidden ? '' : shown.textContent;
    }),
    focus: () => page.focus('#one'),
  };
}

/**
 * The shared behaviour, driven by keys alone.
 * @param {Awaited<ReturnType<typeof pageHost>>} host
 * @param {string} name
 */
async function sameBehaviour(host, name) {
  const { page } = host;
  const at = async (position, message) => {
    await page.waitForFunction(async () => true);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && (await host.position()) !== position) await page.waitForTimeout(25);
    assert.equal(await host.position(), position, `${name}: ${message}`);
  };
  await at(2, 'opens at the start of the locked range');
  await host.focus();
  // Playback holds at the pausing note...
  await page.keyboard.press('Space');
  await at(4, 'plays to the pausing note');
  await page.waitForTimeout(500);
  assert.equal(await host.position(), 4, `${name}: held at the note`);
  assert.equal(await host.note(), NOTE);
  // ...and stops at the end of the locked range, without going past it.
  await page.keyboard.press('Space');
  await at(6, 'plays on to the end of the range');
  await page.waitForTimeout(500);
  assert.equal(await host.position(), 6, `${name}: stopped at the end of the range`);
  // Play at the end starts again at the start of the range.
  await page.keyboard.press('Space');
  await at(4, 'starts again and holds at the note');
  // A typed step then Enter jumps, clamped to the range; Escape drops a typed step.
  await page.keyboard.press('5');
  await page.keyboard.press('Enter');
  await at(5, 'a typed step and Enter jump there');
  await page.keyboard.press('9');
  await page.keyboard.press('Enter');
  await at(6, 'a typed step past the range stops at its end');
  await page.keyboard.press('3');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  assert.equal(await host.position(), 6, `${name}: Escape dropped the typed step`);
  // A step by hand while playing pauses playback.
  await page.keyboard.press('Home');
  await at(2, 'Home goes to the start of the range');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  const stepped = await host.position();
  await page.waitForTimeout(500);
  assert.equal(await host.position(), stepped, `${name}: a step by hand paused playback`);
  assert.deepEqual(host.problems, []);
  await page.close();
}

test('one transport: the page and the element pause, stop, jump and take keys alike', async () => {
  await sameBehaviour(await pageHost(), 'page');
  await sameBehaviour(await elementHost(), 'element');
});

test('the element loops over its locked range, showing its last step before starting again', async () => {
  const host = await elementHost();
  const { page } = host;
  await page.$eval('#one', (element) => {
    element.querySelector('stepwise-note').remove();
    window.steps = [];
    element.addEventListener('stepwise-step', (event) => window.steps.push(event.detail.step));
    element.loop = true;
    element.play();
  });
  await page.waitForFunction(() => window.steps.filter((step) => step === 2).length >= 2, null, { timeout: 5000 });
  const steps = await page.evaluate(() => window.steps);
  const wrap = steps.lastIndexOf(2);
  assert.equal(steps[wrap - 1], 6, `the last step shows before the wrap: ${steps}`);
  assert.ok(steps.every((step) => step >= 2 && step <= 6), `within the range: ${steps}`);
  await page.$eval('#one', (element) => element.pause());
  assert.deepEqual(host.problems, []);
  await page.close();
});
