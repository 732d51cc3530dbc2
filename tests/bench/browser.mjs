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
  const page = await browser.newPage();
  await page.goto(new URL('bench.html', base).href);
  await page.waitForFunction(() => window.benchmarkResults !== undefined, null, { timeout: 300000 });
  const results = await page.evaluate(() => window.benchmarkResults);
  if (results.error) throw new Error(results.error);
  console.log('| kernel | n | wasm (ms) | plain JS (ms) | wasm / JS | copy (ms) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of results) {
    const figure = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
    console.log(`| ${row.kernel} | ${row.length} | ${figure(row.wasmMs)} | ${figure(row.jsMs)} | `
      + `${figure(row.wasmMs / row.jsMs, 2)} | ${figure(row.copyMs)} |`);
  }
} finally {
  await browser.close();
}
