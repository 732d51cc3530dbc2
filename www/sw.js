// @ts-check
// Offline for workshops: once the first visit has loaded (the page registers this worker when
// it is ready), the worker caches the page's own files and every algorithm's module and widget,
// read from the generated tables (pkg/catalogue.js, pkg/widgets.js), so a new algorithm needs
// no line here. Afterwards the network is tried first (so a new build shows at once) and the
// cache answers when it fails.
const CACHE = 'stepwise-v20';
const FILES = [
  './', 'index.html', 'palette.css', 'style.css', 'app.js', 'page/controller.js', 'page/view.js', 'page/input.js', 'page/tabs.js', 'page/panels.js', 'page/practice-mode.js', 'page/text.js', 'page/url-state.js', 'controls.js', 'dom.js', 'share.js', 'player/practice.js', 'lesson.js', 'player/lesson.js', 'handout.js', 'record.js', 'export.js', 'legacy-links.js', 'resident.js', 'present.js', 'widgets.js',
  'embed.js', 'player/element-api.js', 'player/element-style.js', 'player/engine.js', 'player/import-fresh.js', 'player/core.js', 'player/transport.js', 'pkg/catalogue.js', 'pkg/widgets.js', 'manifest.webmanifest',
  'pkg-kernels/stepwise_kernels.js', 'pkg-kernels/stepwise_kernels_bg.wasm',
];

/** The worker's own scope, typed as what it is. */
const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/**
 * Every algorithm's module (its JS and its wasm) and widget: the literal imports of the
 * generated tables, resolved against them.
 * @returns {Promise<string[]>}
 */
async function algorithmFiles() {
  const files = [];
  for (const table of ['pkg/catalogue.js', 'pkg/widgets.js']) {
    const base = new URL(table, worker.location.href);
    const text = await (await fetch(base)).text();
    for (const [, path] of text.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)) {
      const url = new URL(path, base).href;
      files.push(url);
      if (url.endsWith('/stepwise.js')) files.push(url.replace(/stepwise\.js$/, 'stepwise_bg.wasm'));
    }
  }
  return files;
}

worker.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then(async (cache) => {
      await cache.addAll(FILES);
      await cache.addAll(await algorithmFiles());
    })
    .then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true })),
  );
});
