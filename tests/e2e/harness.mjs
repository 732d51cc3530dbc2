// Shared by the end-to-end tests: the browser, the page under test, and a page opener that
// collects every error, console error and dialog so each test can assert there were none.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

/** The served page (`cargo xtask test` sets it). */
export const BASE = process.env.STEPWISE_URL ?? 'http://127.0.0.1:8000/';

/** Where screenshots go (kept by CI as test artifacts). */
export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * Opens `url` in a new page of `width` × `height`; `problems` collects page errors, console
 * errors and dialogs (dialogs are dismissed). With `ready`, waits until the page has drawn.
 */
export async function openPage(browser, url, { width = 1280, height = 900, ready = false } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  const response = await page.goto(url);
  if (ready) await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, problems, response };
}

/** Content types for the files the tests' pages load. */
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml' };

/**
 * Serves the files under `root` on a free port of 127.0.0.1 (a folder serves its index.html):
 * the sites built by the package and integration tests.
 * @param {string} root
 * @returns {Promise<{ url: string, close(): void }>}
 */
export function serveDirectory(root) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ url: `http://127.0.0.1:${address.port}/`, close: () => server.close() });
    });
  });
}

/**
 * How many pixels of `element`'s canvas (in its shadow root) differ from its first pixel: a
 * drawn animation has thousands.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
export function paintedPixels(page, selector) {
  return page.$eval(selector, (element) => {
    const canvas = /** @type {HTMLCanvasElement} */ (element.shadowRoot?.querySelector('canvas'));
    const { data } = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')).getImageData(0, 0, canvas.width, canvas.height);
    let different = 0;
    for (let index = 0; index < data.length; index += 4) if (data[index] !== data[0]) different += 1;
    return different;
  });
}
