// Opens www/bench.html in headless Chromium and prints its figures as a table.
// Run by `cargo xtask bench` (which serves www/ and sets STEPWISE_URL and CHROMIUM).
import { chromium } from 'playwright-core';

const base = process.env.STEPWISE_URL ?? 'http://127.0.0.1:8000/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  // Every algorithm in the catalogue (generated from the registry), in menu order: the first is
  // the page's default.
  const lister = await browser.newPage();
  await lister.goto(base);
  const ids = await lister.evaluate(async () => (await import('./pkg/catalogue.js')).ALGORITHMS.map((info) => info.id));
  await lister.close();
  // Startup, median of 10 cold loads: the first frame on screen (the first contentful paint:
  // the frame the build wrote into the page) and the first frame the engine drew on the canvas
  // (the page is then interactive).
  const painted = [];
  const drawn = [];
  for (let repeat = 0; repeat < 10; repeat += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForSelector('body[data-ready="true"]');
    const [paint, canvas] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      performance.getEntriesByName('first-canvas-frame')[0]?.startTime ?? NaN,
    ]);
    painted.push(paint);
    drawn.push(canvas);
    await context.close();
  }
  const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[5].toFixed(0);
  console.log(`startup (localhost, median of 10 cold loads): first frame on screen ${median(painted)} ms; first canvas frame ${median(drawn)} ms\n`);
  // Long tasks (> 50 ms) on the page's main thread during load and a round of interaction.
  const watched = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await watched.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  await watched.goto(base);
  await watched.waitForSelector('body[data-ready="true"]');
  // Every tab, the default one last (the random input below is for it).
  for (const id of [...ids.slice(1), ids[0]]) {
    await watched.click(`#algorithm-tabs a[data-algorithm="${id}"]`);
    await watched.waitForTimeout(300);
    await watched.click('#step-forward');
    await watched.keyboard.press('End');
  }
  await watched.fill('#random-size', '1000');
  await watched.click('#random-go');
  await watched.selectOption('#speed', { label: '1024 steps/frame' });
  await watched.click('#play');
  await watched.waitForTimeout(2000);
  const tasks = await watched.evaluate(() => window.longTasks);
  console.log(`long tasks during load and interaction: ${tasks.length}${tasks.length ? ` (longest ${Math.max(...tasks)} ms: ${tasks.join(', ')})` : ''}\n`);
  await watched.close();
  // Soak: scrubbing across the algorithms in one page (12,500 steps each per round), sampling
  // the JS heap and the wasm memory of every algorithm's module (all started at the first
  // sample, so the rounds add no module); the growth after warm-up is the figure that matters.
  const soak = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await soak.goto(base);
  await soak.waitForSelector('body[data-ready="true"]');
  const samples = [];
  const sample = async (label) => {
    samples.push(await soak.evaluate(async (name) => {
      const { ALGORITHMS, MODULES } = await import('./pkg/catalogue.js');
      let wasm = 0;
      for (const { id } of ALGORITHMS) wasm += (await (await MODULES[id]()).default()).memory.buffer.byteLength;
      return { name, heap: performance.memory.usedJSHeapSize, wasm };
    }, label));
  };
  await sample('start');
  for (let round = 0; round < 2; round += 1) {
    for (const id of ids) {
      await soak.click(`#algorithm-tabs a[data-algorithm="${id}"]`);
      await soak.fill('#random-size', id === 'summed-area' ? '40' : '400');
      await soak.fill('#random-seed', String(round + 1));
      await soak.click('#random-go');
      await soak.waitForTimeout(100);
      await soak.evaluate(() => {
        const scrubber = document.getElementById('scrubber');
        const total = Number(scrubber.max);
        for (let step = 0; step < 12_500; step += 1) {
          scrubber.value = String(step % 7 === 0 ? (step * 7919) % (total + 1) : step % (total + 1));
          scrubber.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
    }
    await sample(`after round ${round + 1}`);
  }
  const megabytes = (bytes) => (bytes / 1048576).toFixed(1);
  console.log(`soak (${(2 * 12_500 * ids.length).toLocaleString('en-US')} scrubbing steps over all ${ids.length} algorithms, two rounds; wasm memory of all their modules):`);
  for (const { name, heap, wasm } of samples) console.log(`  ${name}: JS heap ${megabytes(heap)} MB, wasm memory ${megabytes(wasm)} MB`);
  console.log('');
  await soak.close();
  const page = await browser.newPage();
  await page.goto(new URL('bench.html', base).href);
  await page.waitForFunction(() => window.benchmarkResults !== undefined, null, { timeout: 300000 });
  const results = await page.evaluate(() => window.benchmarkResults);
  if (results.error) throw new Error(results.error);
  const handles = await page.evaluate(() => window.handleResults);
  const figure = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
  console.log('Kernel handles: the copying API against the same kernel on resident data, and the baselines.');
  console.log('"in-wasm copy" clones the same-size input inside wasm memory (one allocation, one memcpy).\n');
  console.log('| kernel | copying API (ms) | resident handle (ms) | copying / resident | in-wasm copy (ms) | resident / in-wasm copy | idiomatic JS (ms) | resident / JS |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of handles) {
    console.log(`| ${row.kernel} | ${figure(row.copyingMs)} | ${figure(row.residentMs)} | ${figure(row.copyingMs / row.residentMs, 2)} | `
      + `${figure(row.wasmCopyMs)} | ${figure(row.residentMs / row.wasmCopyMs, 2)} | ${figure(row.jsMs)} | ${figure(row.residentMs / row.jsMs, 2)} |`);
  }
  console.log('');
  console.log('| kernel | n | wasm (ms) | plain JS (ms) | wasm / JS | copy (ms) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of results) {
    console.log(`| ${row.kernel} | ${row.length} | ${figure(row.wasmMs)} | ${figure(row.jsMs)} | `
      + `${figure(row.wasmMs / row.jsMs, 2)} | ${figure(row.copyMs)} |`);
  }
} finally {
  await browser.close();
}
