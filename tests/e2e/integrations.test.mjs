// End-to-end: the static-site integrations against the real generators. A tiny Hugo site
// (Debian's `hugo`) using the shortcode and a tiny Jekyll site (Debian's `jekyll`) using the
// include are built with the package's files (STEPWISE_DIST) under /stepwise/, served, and
// loaded in Chromium: the players render, a lesson's notes arrive as notes, and a hostile
// attribute value stays text. Each generator's time is printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, paintedPixels, serveDirectory, ARTIFACTS } from './harness.mjs';
import { ATTRIBUTES } from '../../www/player/element-api.js';

const DIST = process.env.STEPWISE_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const INTEGRATIONS = new URL('../../integrations/', import.meta.url).pathname;

/** An input value that would be markup if anything concatenated it into HTML. */
const HOSTILE = '"><img src=x onerror="window.pwned=1">2 7 3';

let browser;
before(async () => {
  assert.ok(existsSync(join(DIST, 'embed.js')), `no package in ${DIST}: run cargo xtask dist`);
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); });

/** Writes `files` (path → text) under `root`. */
function writeTree(root, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/**
 * Serves `site`, opens `path`, and checks its three players: drawn, the lesson's notes read as
 * notes, the hostile value kept as the attribute's text.
 * @param {string} site
 * @param {string} path
 * @param {string} name for the screenshot
 */
async function checkSite(site, path, name) {
  const server = await serveDirectory(site);
  try {
    const { page, problems } = await openPage(browser, `${server.url}${path}`, { width: 900, height: 1400 });
    await page.waitForFunction(() => [...document.querySelectorAll('stepwise-player')].length === 3
      && [...document.querySelectorAll('stepwise-player')].every((player) => player.length > 0 || player.shadowRoot?.querySelector('.error:not([hidden])')));
    assert.equal(await page.$$eval('script[type="module"]', (scripts) => new Set(scripts.map((script) => script.getAttribute('src'))).size), 1);
    for (const id of ['#plain', '#lesson']) assert.ok(await paintedPixels(page, id) > 500, `${name}: ${id} is drawn`);
    const notes = await page.$$eval('#lesson stepwise-note', (elements) => elements.map((note) => ({ at: note.getAttribute('at'), pause: note.hasAttribute('pause'), text: note.textContent })));
    assert.deepEqual(notes, [
      { at: '4', pause: false, text: 'Watch the stack: 7 <waits>.' },
      { at: '9', pause: true, text: 'Predict: which numbers does 6 pop?' },
    ]);
    assert.equal(await page.getAttribute('#hostile', 'input'), HOSTILE, 'the hostile value is the attribute, as text');
    assert.equal(await page.$$eval('img', (images) => images.length), 0, 'no markup was injected');
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).pwned), undefined);
    await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
    // The hostile input is refused as input, in words, not run as markup.
    assert.ok(problems.every((problem) => !problem.includes('pwned')), problems.join('\n'));
    await page.close();
  } finally {
    server.close();
  }
}

test('Hugo: the shortcode writes players and lessons, escaping every value', async () => {
  const site = mkdtempSync(join(tmpdir(), 'stepwise-hugo-'));
  writeTree(site, {
    'hugo.toml': 'baseURL = "http://localhost/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[params.stepwise]\nsrc = "/stepwise/embed.js"\n',
    'layouts/_default/single.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n',
    'layouts/index.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>home</title></head><body></body></html>\n',
    'content/post.md': `---
title: Next greater element
---
A stack, step by step.

{{< stepwise id="plain" algorithm="next-greater" input="2 7 3 5 4 6 8" controls="minimal" />}}

{{< stepwise id="lesson" algorithm="next-greater" input="2 7 3 5 4 6 8" >}}
4: Watch the stack: 7 <waits>.
9 pause: Predict: which numbers does 6 pop?
{{< /stepwise >}}

{{< stepwise id="hostile" algorithm="next-greater" input=\`${HOSTILE}\` />}}
`,
  });
  cpSync(join(INTEGRATIONS, 'hugo/layouts/shortcodes'), join(site, 'layouts/shortcodes'), { recursive: true });
  const started = performance.now();
  execFileSync('hugo', ['--source', site, '--destination', join(site, 'public'), '--quiet'], { stdio: 'pipe' });
  console.log(`Hugo built the site in ${Math.round(performance.now() - started)} ms`);
  cpSync(DIST, join(site, 'public/stepwise'), { recursive: true });
  await checkSite(join(site, 'public'), 'post/', 'hugo-site');
});

test('Jekyll: the include writes players and lessons, escaping every value', async () => {
  const site = mkdtempSync(join(tmpdir(), 'stepwise-jekyll-'));
  writeTree(site, {
    '_config.yml': 'stepwise:\n  src: /stepwise/embed.js\nexclude: [stepwise]\n',
    'index.html': `---
title: Next greater element
---
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ page.title }}</title></head><body>
{% include stepwise.html id="plain" algorithm="next-greater" input="2 7 3 5 4 6 8" controls="minimal" %}
{% capture notes %}
4: Watch the stack: 7 <waits>.
9 pause: Predict: which numbers does 6 pop?
{% endcapture %}
{% include stepwise.html id="lesson" algorithm="next-greater" input="2 7 3 5 4 6 8" notes=notes %}
{% include stepwise.html id="hostile" algorithm="next-greater" input='${HOSTILE}' %}
</body></html>
`,
  });
  cpSync(join(INTEGRATIONS, 'jekyll/_includes'), join(site, '_includes'), { recursive: true });
  const started = performance.now();
  execFileSync('jekyll', ['build', '--source', site, '--destination', join(site, '_site'), '--quiet'], { stdio: 'pipe' });
  console.log(`Jekyll built the site in ${Math.round(performance.now() - started)} ms`);
  cpSync(DIST, join(site, '_site/stepwise'), { recursive: true });
  await checkSite(join(site, '_site'), '', 'jekyll-site');
});

test('the shortcode and the include pass on every attribute the element declares', () => {
  const hugo = readFileSync(join(INTEGRATIONS, 'hugo/layouts/shortcodes/stepwise.html'), 'utf8');
  const jekyll = readFileSync(join(INTEGRATIONS, 'jekyll/_includes/stepwise.html'), 'utf8');
  for (const { name } of ATTRIBUTES) {
    assert.match(hugo, new RegExp(`\\.Get "${name}"`), `hugo: ${name}`);
    assert.match(jekyll, new RegExp(`include\\.${name}\\b`), `jekyll: ${name}`);
  }
});
