// @ts-check
// A dynamic import of a URL known only at run time (a fresh copy of a module after a panic, a
// module handed over as a blob). The comments tell bundlers to leave it to the browser, so
// webpack does not warn of a "critical dependency" and Vite does not try to resolve it; the
// site's build copies this file unminified to keep them (xtask/src/site.rs).

/**
 * Imports the ES module at `url`, at run time, bypassing any bundler.
 * @param {string} url
 * @returns {Promise<any>}
 */
export function importFresh(url) {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ url);
}
