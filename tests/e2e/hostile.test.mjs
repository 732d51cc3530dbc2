// End-to-end: hostile input never executes or injects markup, and huge or odd input gets a
// clear message quickly while the page stays responsive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, BASE } from './harness.mjs';

const PAYLOAD = '<img src=x onerror=alert(1)><script>alert(2)</script>';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

/** Opens `url`; `dialogs` lists every alert or prompt the page tried to show. */
async function open(url) {
  const { page, problems } = await openPage(browser, url);
  return { page, dialogs: problems.filter((problem) => problem.startsWith('dialog:')) };
}

const injected = (page) => page.evaluate(() =>
  document.querySelectorAll('img, script:not([src]), body script[src]:not([src$="app.js"])').length);

test('script and markup payloads in URL parameters stay text', async () => {
  const query = new URLSearchParams({
    algorithm: 'next-greater',
    input: PAYLOAD,
    controls: JSON.stringify({ circular: PAYLOAD, direction: PAYLOAD, 'random-size': PAYLOAD }),
    theme: PAYLOAD,
    step: '3',
  });
  const { page, dialogs } = await open(`${BASE}?${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(await page.textContent('#input-error'), /item 1: '<img' is not a number/);
  assert.equal(await injected(page), 0);
  const { page: other, dialogs: more } = await open(`${BASE}?algorithm=${encodeURIComponent(PAYLOAD)}`);
  await other.waitForSelector('body[data-ready="true"]');
  assert.equal(await injected(other), 0);
  await page.waitForTimeout(300);
  assert.deepEqual([...dialogs, ...more], []);
  await page.close();
  await other.close();
});

test('payloads in text boxes, embed attributes and file names stay text', async () => {
  const { page, dialogs } = await open(new URL('#summed-area', BASE).href);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#input-text', PAYLOAD);
  await page.press('#input-text', 'Enter');
  assert.match(await page.textContent('#input-error'), /'<img/);
  await page.fill('#option-query', PAYLOAD);
  await page.press('#option-query', 'Enter');
  assert.match(await page.textContent('#option-error'), /^rectangle A/);
  await page.setInputFiles('#image-file', { name: `${PAYLOAD}.png`, mimeType: 'image/png', buffer: Buffer.from('corrupt') });
  await page.waitForSelector('#image-error:not([hidden])');
  assert.match(await page.textContent('#image-error'), /<script>alert\(2\)<\/script>\.png/);
  await page.evaluate((payload) => {
    const player = document.createElement('stepwise-player');
    for (const name of ['algorithm', 'input', 'variant', 'theme', 'controls', 'speed', 'from']) player.setAttribute(name, payload);
    document.body.append(player);
  }, PAYLOAD);
  await page.evaluate(() => import('./embed.js'));
  await page.waitForTimeout(500);
  assert.equal(await injected(page), 0);
  assert.deepEqual(dialogs, []);
  await page.close();
});

test('odd numbers and huge inputs get a clear message within a second', async () => {
  const { page } = await open(BASE);
  await page.waitForSelector('body[data-ready="true"]');
  for (const [text, message] of [
    ['1 NaN 3', "item 2: 'NaN' is not a finite number"],
    ['Infinity', "item 1: 'Infinity' is not a finite number"],
    ['1e309', "item 1: '1e309' is not a finite number"],
  ]) {
    await page.fill('#input-text', text);
    await page.press('#input-text', 'Enter');
    assert.equal(await page.textContent('#input-error'), message);
  }
  await page.fill('#input-text', '-0 1e308 -1e308');
  await page.press('#input-text', 'Enter');
  assert.equal(await page.isVisible('#input-error'), false);
  assert.match(await page.textContent('#narration'), /each of 3 items/);
  // The browser's own layout of a 10 MB textarea takes seconds here; let it finish first, then
  // time what Stepwise does with the text.
  await page.evaluate(async () => {
    document.getElementById('input-text').value = '7 '.repeat(5_000_000);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  const started = Date.now();
  await page.evaluate(() => {
    document.getElementById('input-text').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  await page.waitForFunction(() => /bytes long/.test(document.getElementById('input-error').textContent));
  assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  assert.equal(await page.textContent('#input-error'), 'The input is 10,000,000 bytes long; the limit is 1,048,576.');
  await page.click('#step-forward');
  assert.match(await page.textContent('#step-count'), /^1 \//, 'the page still responds');
  await page.close();
});

test('an 80 MB CSV is refused before it is read', async () => {
  const { page } = await open(new URL('#roc', BASE).href);
  await page.waitForSelector('body[data-ready="true"]');
  const started = Date.now();
  const path = join(mkdtempSync(join(tmpdir(), 'stepwise-')), 'huge.csv');
  writeFileSync(path, Buffer.alloc(80 * 1024 * 1024, 48));
  await page.setInputFiles('#csv-file', path);
  await page.waitForFunction(() => /MB; the page reads at most 64 MB/.test(document.getElementById('input-error').textContent));
  assert.ok(Date.now() - started < 5000);
  assert.equal(await page.textContent('#input-error'), "'huge.csv' is 80.0 MB; the page reads at most 64 MB of CSV (the rocCurve kernel takes any size).");
  await page.close();
});

test('a freed handle is a clear JS Error, never a trap', async () => {
  const { page } = await open(BASE);
  await page.waitForSelector('body[data-ready="true"]');
  const outcome = await page.evaluate(async () => {
    const kernels = await import('./pkg-kernels/stepwise_kernels.js');
    await kernels.default();
    const { Matrix } = kernels;
    const matrix = Matrix.zeros(2, 2);
    matrix.view().set([1, 2, 3, 4]);
    const table = matrix.summedAreaTable();
    const sum = table.rectSum(0, 0, 1, 1);
    table.free();
    try {
      table.rectSum(0, 0, 1, 1);
      return { sum, error: 'no error' };
    } catch (error) {
      return { sum, error: error instanceof WebAssembly.RuntimeError ? 'trap' : `${error.constructor.name}: ${error.message}` };
    }
  });
  assert.equal(outcome.sum, 10);
  assert.match(outcome.error, /^Error: /);
  // The page's own engine is untouched.
  await page.click('#step-forward');
  assert.match(await page.textContent('#step-count'), /^1 \//);
  await page.close();
});

test('the page keeps no view into wasm memory, so none can outlive a memory growth', () => {
  // Views (`view()`, `scores()`, `labels()`) detach when wasm memory grows. The page never takes
  // one: data goes in through constructors (Resident.generate, Resident.read,
  // IntegralImage.fromRgba) and Rust draws from its own memory. The benchmark page may.
  // Every page module: www/ and its folders (the player core, the algorithms' widgets), not
  // the generated wasm-bindgen modules (www/pkg*).
  const www = new URL('../../www/', import.meta.url);
  const pageModules = readdirSync(www, { recursive: true })
    .map((name) => String(name).split('\\').join('/'))
    .filter((name) => name.endsWith('.js') && name !== 'bench.js' && !/^pkg[^/]*\//.test(name));
  assert.ok(pageModules.includes('app.js') && pageModules.includes('algorithms/summed-area/image-mode.js'),
    `page modules: ${pageModules.join(', ')}`);
  for (const name of pageModules) {
    const source = readFileSync(new URL(name, www), 'utf8');
    assert.doesNotMatch(source, /\.(view|scores|labels)\(\)/, `${name} takes a view into wasm memory`);
  }
});

test('the link decoder, fuzzed: any query gives a state or an Error with a message', async () => {
  const { page, problems } = await openPage(browser, BASE);
  await page.waitForSelector('body[data-ready="true"]');
  const report = await page.evaluate(async () => {
    const { encodeState, decodeState } = await import('./share.js');
    let seed = 20261124;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = (items) => items[Math.floor(random() * items.length)];
    const junk = () => Array.from({ length: Math.floor(random() * 40) },
      () => String.fromCodePoint(pick([0x25, 0x26, 0x3d, 0x2b, 0x7b, 0x22, 0x0, 0x41, 0x7a, 0x30, 0xe9, 0x1f600, 0xfffd]))).join('');
    const values = {
      algorithm: () => pick(['roc', 'next-greater', 'summed-area', '', '__proto__', junk()]),
      input: () => pick(['1 2 3', '', junk(), '0.9,1\n0.1,0']),
      // eslint-disable-next-line no-control-regex -- keeps what btoa can encode (Latin-1)
      z: () => pick(['', 'AAAA', '____', junk(), btoa(junk().replace(/[^\x00-\xff]/g, '')).replaceAll('=', '')]),
      controls: () => pick(['{}', '[]', 'null', '{"samples":"generated","gauss-size":"1e99"}', '{"compare":"yes"}', '{', junk()]),
      options: () => pick(['{}', '{}', '{"previous":true}', '{"mode":7}', '{"previous":true}', '[]', junk()]),
      widget: () => pick(['{}', '{"samples":"file"}', '{}', '{"samples":"file"}', '"x"', junk()]),
      compare: () => pick(['false', 'true', junk()]),
      lesson: () => pick(['{}', '{"notes":[{"at":2,"pause":true,"text":"<b>x</b>"}],"from":1}', '{"notes":"x","to":-3}', '{"notes":[{"at":-1,"text":7}]}', junk()]),
      step: () => pick(['0', '5', '-1', '1e400', 'NaN', '9007199254740993', junk()]),
      speed: () => pick(['2', '999', '-3', junk()]),
      theme: () => pick(['dark', 'light', 'purple', junk()]),
    };
    const outcomes = { states: 0, errors: 0, nulls: 0, wrong: [] };
    for (let round = 0; round < 3000; round += 1) {
      const params = new URLSearchParams();
      for (const [key, make] of Object.entries(values)) if (random() < 0.6) params.set(key, make());
      if (random() < 0.2) params.set(junk(), junk());
      const query = random() < 0.1 ? junk() : params.toString();
      try {
        const state = await decodeState(query);
        if (state === null) { outcomes.nulls += 1; continue; }
        const sound = typeof state.algorithm === 'string' && typeof state.input === 'string'
          && [state.options, state.widget].every((part) => part !== null && typeof part === 'object' && !Array.isArray(part))
          && typeof state.compare === 'boolean'
          && Array.isArray(state.lesson.notes) && state.lesson.notes.every((note) => Number.isInteger(note.at) && typeof note.text === 'string')
          && Number.isInteger(state.step) && state.step >= 0;
        if (sound) outcomes.states += 1;
        else outcomes.wrong.push(`unsound state from ${query}`);
      } catch (error) {
        if (error instanceof Error && error.message.length > 0) outcomes.errors += 1;
        else outcomes.wrong.push(`not an Error with a message from ${query}: ${error}`);
      }
    }
    // Round trip: whatever the page encodes, it decodes to the same state.
    for (let round = 0; round < 300; round += 1) {
      const state = {
        algorithm: values.algorithm(),
        input: random() < 0.3 ? junk().repeat(20) : values.input(),
        options: random() < 0.5 ? {} : { previous: random() < 0.5, query: junk() },
        compare: random() < 0.5,
        widget: random() < 0.5 ? {} : { 'gauss-size': String(Math.floor(random() * 1e6)) },
        lesson: random() < 0.5
          ? { notes: [], from: null, to: null }
          : { notes: [{ at: Math.floor(random() * 50), pause: random() < 0.5, text: junk() }], from: pick([null, 1]), to: pick([null, 9]) },
        step: Math.floor(random() * 1e6),
        speed: Math.floor(random() * 11),
        theme: pick(['dark', 'light']),
      };
      const decoded = await decodeState(await encodeState(state));
      if (JSON.stringify(decoded) !== JSON.stringify(state)) outcomes.wrong.push(`round trip changed ${JSON.stringify(state)}`);
    }
    return outcomes;
  });
  assert.deepEqual(report.wrong, []);
  assert.ok(report.states > 100 && report.errors > 100 && report.nulls > 100, `every branch is reached: ${JSON.stringify(report)}`);
  // A few hostile links through the whole page: a message or the example, never a blank page.
  for (const query of ['algorithm=roc&controls={"samples":"generated","gauss-size":"1e99"}', 'algorithm=roc&controls={"samples":"file"}&step=7',
    'algorithm=summed-area&z=____&step=1e400', 'algorithm=__proto__&input=%00']) {
    const { page: linked, problems: linkedProblems } = await openPage(browser, `${BASE}?${query}`);
    await linked.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    assert.match(await linked.textContent('#step-count'), /^\d[\d,]* \/ [\d,]+$/, query);
    assert.deepEqual(linkedProblems, [], query);
    await linked.close();
  }
  assert.deepEqual(problems, []);
  await page.close();
});
