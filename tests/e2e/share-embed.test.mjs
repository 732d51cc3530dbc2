// End-to-end: links that restore a frame, the <stepwise-player> element and its iframe page,
// the blog example, exports, and presenter mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser, openPage, BASE } from './harness.mjs';


let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

function open(url, width = 1280, height = 900) {
  return openPage(browser, url, { width, height });
}

const ready = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
const pixels = (page) => page.$eval('#primary-canvas', (canvas) => {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let hash = 0;
  for (let index = 0; index < data.length; index += 4) hash = (hash * 31 + data[index] + data[index + 1]) >>> 0;
  return hash;
});

test('links made before the redesign (control names) still open the same frame', async () => {
  const old = (algorithm, controls, input) => new URL(`?algorithm=${algorithm}&input=${encodeURIComponent(input)}&controls=${encodeURIComponent(JSON.stringify(controls))}&step=3&speed=2&theme=light#${algorithm}`, BASE).href;
  const { page, problems } = await open(old('next-greater', { direction: 'previous', order: 'smaller', answer: 'value', circular: true, compare: false }, '2 7 3 5'));
  await ready(page);
  await page.waitForTimeout(300);
  assert.equal(await page.textContent('#step-count'), '3 / ' + (await page.$eval('#scrubber', (s) => s.max)));
  assert.equal(await page.isChecked('input[name="option-previous"][value="true"]'), true);
  assert.equal(await page.isChecked('input[name="option-smaller"][value="true"]'), true);
  assert.equal(await page.isChecked('input[name="option-answer"][value="value"]'), true);
  assert.equal(await page.isChecked('#option-circular'), true);
  assert.equal(await page.isChecked('#compare'), false);
  // The same run as the same options given to the Player directly.
  const expected = await page.evaluate(async () => {
    const { Player } = await import('./pkg/next-greater/stepwise.js');
    const player = new Player('next-greater', '2 7 3 5', { previous: true, smaller: true, answer: 'value', circular: true });
    player.seek(3);
    return player.narration();
  });
  assert.equal(await page.textContent('#narration'), expected);
  const { page: rectangles, problems: more } = await open(old('summed-area', { mode: 'iou', 'rect-a': '0,0,1,1', 'rect-b': '1,1,2,2', 'drag-target': 'b' }, '1 2 3\n4 5 6\n7 8 9'));
  await ready(rectangles);
  assert.equal(await rectangles.inputValue('#option-query'), '0,0,1,1');
  assert.equal(await rectangles.inputValue('#option-second'), '1,1,2,2');
  assert.equal(await rectangles.isChecked('input[name="drag-target"][value="b"]'), true);
  // A new link stores the options in the JS API's words.
  await rectangles.waitForFunction(() => new URLSearchParams(location.search).has('options'));
  const options = JSON.parse(new URLSearchParams(new URL(rectangles.url()).search).get('options'));
  assert.deepEqual(options, { mode: 'iou', query: '0,0,1,1', second: '1,1,2,2' });
  assert.deepEqual([...problems, ...more], []);
  await page.close();
  await rectangles.close();
});

test('a shared link reopens the exact frame', async () => {
  const { page, problems } = await open(new URL('#intersection', BASE).href);
  await ready(page);
  await page.check('input[name="option-mode"][value="set"]');
  await page.selectOption('#speed', { label: '10 steps/s' });
  await page.click('body', { position: { x: 5, y: 5 } });
  for (let index = 0; index < 9; index += 1) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '9');
  await page.waitForTimeout(500);
  const url = page.url();
  const narration = await page.textContent('#narration');
  const picture = await pixels(page);
  const { page: copy, problems: copyProblems } = await open(url);
  await ready(copy);
  await copy.waitForTimeout(500);
  assert.equal(await copy.textContent('#narration'), narration);
  assert.equal(await copy.textContent('#step-count'), await page.textContent('#step-count'));
  assert.equal(await copy.$eval('input[name="option-mode"][value="set"]', (radio) => radio.checked), true);
  assert.equal(await copy.inputValue('#speed'), await page.inputValue('#speed'));
  assert.equal(await pixels(copy), picture, 'the canvas shows the same pixels');
  assert.deepEqual([...problems, ...copyProblems], []);
  await page.close();
  await copy.close();
});

test('long inputs are compressed; a broken link says so and shows the example', async () => {
  const { page, problems } = await open(new URL('#next-greater', BASE).href);
  await ready(page);
  await page.fill('#random-size', '300');
  await page.click('#random-go');
  await page.waitForFunction(() => new URLSearchParams(location.search).has('z'));
  const long = await page.inputValue('#input-text');
  const { page: copy } = await open(page.url());
  await ready(copy);
  assert.equal(await copy.inputValue('#input-text'), long);
  const { page: broken, problems: brokenProblems } = await open(`${BASE}?algorithm=next-greater&z=%%%broken&step=2`);
  await ready(broken);
  assert.match(await broken.textContent('#input-error'), /^This link could not be read/);
  assert.match(await broken.textContent('#narration'), /^Find the next greater element of each of 7 items/);
  const { page: unknown } = await open(`${BASE}?algorithm=<script>alert(1)</script>`);
  await ready(unknown);
  assert.match(await unknown.textContent('#input-error'), /unknown algorithm '<script>alert\(1\)<\/script>'/);
  assert.equal(await unknown.$$eval('#input-error script', (scripts) => scripts.length), 0);
  assert.deepEqual([...problems, ...brokenProblems], []);
  for (const opened of [page, copy, broken, unknown]) await opened.close();
});

test('the blog example: three players, one locked to a range, all independent', async () => {
  const { page, problems } = await open(new URL('blog-example.html', BASE).href);
  const players = page.locator('stepwise-player');
  assert.equal(await players.count(), 3);
  for (const id of ['#stack-figure', '#locked-figure', '#table-figure']) {
    await page.$eval(id, (figure) => figure.scrollIntoView());
    await page.waitForFunction((selector) => document.querySelector(`${selector} stepwise-player`).dataset.position !== undefined, id);
  }
  const position = (id) => page.$eval(`${id} stepwise-player`, (player) => Number(player.dataset.position));
  const locked = await position('#locked-figure');
  assert.ok(locked >= 15 && locked <= 20, `locked player at ${locked}`);
  await page.$eval('#stack-figure stepwise-player', (player) => player.focus());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await position('#stack-figure'), 2);
  assert.equal(await position('#table-figure'), 0, 'the other players do not move');
  const scrubberHidden = await page.$eval('#locked-figure stepwise-player', (player) =>
    player.shadowRoot.querySelector('input[type=range]').hidden);
  assert.equal(scrubberHidden, true, 'controls="minimal" hides the scrubber');
  const narration = await page.$eval('#table-figure stepwise-player', (player) =>
    player.shadowRoot.querySelector('.narration').textContent);
  assert.match(narration, /^Fill the 4×6 summed-area table/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a panic in the shared engine: every player recovers on a fresh instance', async () => {
  const { page, problems } = await open(new URL('blog-example.html', BASE).href);
  await page.waitForFunction(() => document.querySelector('#stack-figure stepwise-player').dataset.position !== undefined);
  // The stack figure's engine: the next greater element's module, shared by its players.
  await page.evaluate(async () => {
    const module = await import('./pkg/next-greater/stepwise.js');
    try { module.panicForTesting(); } catch { /* the trap is expected */ }
  });
  await page.waitForTimeout(300);
  await page.$eval('#stack-figure stepwise-player', (player) => player.focus());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('#stack-figure stepwise-player').dataset.position === '2');
  const narration = await page.$eval('#stack-figure stepwise-player', (player) => player.shadowRoot.querySelector('.narration').textContent);
  assert.equal(narration, 'Push 0: a[0]=2 waits on the stack for its next greater element.');
  const unexpected = problems.filter((problem) => !/deliberate panic|unreachable/.test(problem));
  assert.deepEqual(unexpected, []);
  await page.close();
});

test('the iframe embed and a bad attribute', async () => {
  const { page, problems } = await open(new URL('blog-example.html', BASE).href);
  await page.evaluate((base) => {
    const frame = document.createElement('iframe');
    frame.src = `${base}embed.html?algorithm=roc&input=${encodeURIComponent('0.9,1\n0.4,0\n0.2,1')}&step=2`;
    frame.width = '640';
    frame.height = '480';
    document.body.prepend(frame);
    const broken = document.createElement('stepwise-player');
    broken.setAttribute('algorithm', 'next-greater');
    broken.setAttribute('input', '1 2 <b>x</b>');
    broken.id = 'broken';
    document.body.prepend(broken);
  }, BASE);
  const frame = page.frameLocator('iframe');
  await frame.locator('stepwise-player[data-position="2"]').waitFor({ timeout: 10000 });
  const text = await page.frames()[1].$eval('stepwise-player', (player) => player.shadowRoot.querySelector('.narration').textContent);
  assert.match(text, /^Threshold 0\.4/);
  await page.waitForFunction(() => !document.getElementById('broken').shadowRoot.querySelector('.error').hidden);
  const message = await page.$eval('#broken', (player) => player.shadowRoot.querySelector('.error').textContent);
  assert.equal(message, "Stepwise: item 3: '<b>x</b>' is not a number");
  assert.deepEqual(problems, []);
  await page.close();
});

/** Counts the image descriptors of a GIF by walking its blocks. */
function countGifFrames(bytes) {
  let offset = 13;
  const flags = bytes[10];
  if (flags & 0x80) offset += 3 * (1 << ((flags & 7) + 1));
  let frames = 0;
  const skipSubBlocks = () => {
    while (bytes[offset] !== 0) offset += bytes[offset] + 1;
    offset += 1;
  };
  while (offset < bytes.length) {
    const block = bytes[offset];
    if (block === 0x3b) break;
    if (block === 0x21) {
      offset += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames += 1;
      const local = bytes[offset + 9];
      offset += 10;
      if (local & 0x80) offset += 3 * (1 << ((local & 7) + 1));
      offset += 1;
      skipSubBlocks();
    } else {
      throw new Error(`unexpected GIF block ${block} at ${offset}`);
    }
  }
  return frames;
}

test('exports: an SVG of the frame and a PNG of the canvas size; presenter mode', async () => {
  const { page, problems } = await open(new URL('#next-greater', BASE).href);
  await ready(page);
  await page.click('#step-forward');
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<\/svg>\n$/);
  assert.equal(svgDownload.suggestedFilename(), 'stepwise-next-greater-step-1.svg');
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  const png = readFileSync(await pngDownload.path());
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const canvas = await page.$eval('#primary-canvas', (element) => [element.width, element.height]);
  assert.deepEqual([width, height], canvas);

  await page.click('#record-toggle');
  await page.fill('#record-from', '0');
  await page.fill('#record-to', '3');
  await page.fill('#record-rate', '10');
  const [video] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.click('#record-go')]);
  const webm = readFileSync(await video.path());
  assert.deepEqual([...webm.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], 'a WebM (EBML) file');
  assert.equal(video.suggestedFilename(), 'stepwise-next-greater-step-3.webm');
  assert.match(await page.textContent('#record-status'), /^Saved 4 steps as WEBM, 640×360/);
  await page.selectOption('#record-format', 'gif');
  await page.selectOption('#record-size', '480x270');
  await page.fill('#record-from', '2');
  await page.fill('#record-to', '6');
  const [gifDownload] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.click('#record-go')]);
  const gif = readFileSync(await gifDownload.path());
  assert.equal(gif.subarray(0, 6).toString(), 'GIF89a');
  assert.deepEqual([gif.readUInt16LE(6), gif.readUInt16LE(8)], [480, 270]);
  assert.equal(countGifFrames(gif), 5, 'one frame per step of 2..=6');

  await page.click('#embed-toggle');
  await page.waitForFunction(() => (document.getElementById('embed-snippet')?.value ?? '') !== '');
  assert.match(await page.inputValue('#embed-snippet'), /<stepwise-player algorithm="next-greater" input="2 7 3 5 4 6 8" step="1">/);
  assert.match(await page.inputValue('#iframe-snippet'), /embed\.html\?algorithm=next-greater&input=2\+7\+3/);

  await page.click('#present');
  await page.waitForFunction(() => document.body.classList.contains('presenting'));
  assert.equal(await page.isVisible('.panel'), false);
  await page.keyboard.press('Home');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  assert.match(await page.textContent('#step-count'), /^2 \//);
  await page.keyboard.press('1');
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#step-count'), /^12 \//);
  await page.keyboard.press('PageUp');
  assert.match(await page.textContent('#step-count'), /^11 \//);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.body.classList.contains('presenting'));
  assert.deepEqual(problems, []);
  await page.close();
});
