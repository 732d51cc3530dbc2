// @ts-check
// Offline for workshops: the page's own files are cached on the first visit, and every
// algorithm's module and widget once the page prefetches them in idle time (widgets.js,
// `prefetchTabs`: this worker keeps whatever the page fetches). Afterwards the network is
// tried first (so a new build shows at once) and the cache answers when it fails.
const CACHE = 'stepwise-v18';
const FILES = [
  './', 'index.html', 'palette.css', 'style.css', 'app.js', 'page/controller.js', 'page/view.js', 'page/input.js', 'page/tabs.js', 'page/panels.js', 'page/practice-mode.js', 'page/text.js', 'page/url-state.js', 'controls.js', 'dom.js', 'share.js', 'player/practice.js', 'lesson.js', 'player/lesson.js', 'handout.js', 'record.js', 'export.js', 'legacy-links.js', 'resident.js', 'present.js', 'widgets.js',
  'embed.js', 'player/element-api.js', 'player/engine.js', 'player/import-fresh.js', 'player/core.js', 'player/transport.js', 'pkg/catalogue.js', 'manifest.webmanifest',
  'pkg-kernels/stepwise_kernels.js', 'pkg-kernels/stepwise_kernels_bg.wasm',
];

/** The worker's own scope, typed as what it is. */
const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

worker.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => worker.skipWaiting()));
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
