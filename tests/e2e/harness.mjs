// Shared by the end-to-end tests: the browser, the page under test, and a page opener that
// collects every error, console error and dialog so each test can assert there were none.
import { mkdirSync } from 'node:fs';
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
