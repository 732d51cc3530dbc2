// @ts-check
// The wasm engine every player on a page shares, loaded once relative to this file. A panic
// traps the instance and kills its handles: the engine reports it once (`panic`), marks it
// broken, and the next `load()` starts a fresh one; hosts drop their handles meanwhile.
//
// The page's engine starts on the lean first-load module (`pkg/`) and switches to the full one
// (`pkg-full/`: the same plus questions and SVG export) on the first use of those: `upgrade()`
// marks it broken the same way, so hosts rebuild exactly as after a panic, without the banner.

/**
 * `path` resolved beside this script; empty when the script's URL is no base for it (a blob:
 * a notebook widget's bundle, which hands its files over through `Engine.useFiles` instead).
 * @param {string} path
 */
function besideThisScript(path) {
  try {
    return new URL(path, import.meta.url).href;
  } catch {
    return '';
  }
}

const PAGE_MODULE = besideThisScript('../pkg/stepwise.js');
const FULL_MODULE = besideThisScript('../pkg-full/stepwise.js');

/**
 * Where a host hands the full module over (`handOverModule`): one slot per page, on the
 * global object, because a notebook imports one copy of this file per widget and the page's
 * element may come from any of them.
 */
const HANDED_OVER = Symbol.for('stepwise.engine.module');

/**
 * @typedef {object} HandedOverModule
 * @property {string} source the wasm-bindgen module's text
 * @property {BufferSource} wasm its bytes
 */

/** The module handed over on this page, if any. */
function handedOver() {
  return /** @type {HandedOverModule | undefined} */ (/** @type {any} */ (globalThis)[HANDED_OVER]);
}

/**
 * Makes every engine on the page load the full module from `source` (the wasm-bindgen
 * module's text) and `wasm` (its bytes) instead of from the files beside this script: for a
 * host whose script has no URL to find them by (a notebook widget's module is a blob). The
 * first hand-over counts.
 * @param {string} source
 * @param {BufferSource} wasm
 */
export function handOverModule(source, wasm) {
  /** @type {any} */ (globalThis)[HANDED_OVER] ??= { source, wasm };
}

/** @typedef {typeof import('../pkg/stepwise.js')} StepwiseModule */

/**
 * One wasm-bindgen module, loaded on first use and started afresh after a panic.
 * @template M the module's exports
 */
export class Engine extends EventTarget {
  /** @type {Promise<M> | null} */
  #instance = null;
  #generation = 0;
  #broken = false;
  /** The module URLs imported so far. */
  #imported = new Set();

  /**
   * @param {string} url the wasm-bindgen ES module to load
   * @param {string} [fullUrl] a superset module that `upgrade()` switches to
   */
  constructor(url, fullUrl = url) {
    super();
    this.url = url;
    this.fullUrl = fullUrl;
    // The engine's panic hook announces a panic before the trapped call returns.
    globalThis.addEventListener('stepwise-panic', (event) => {
      this.trap(String(/** @type {CustomEvent} */ (event).detail));
    });
  }

  /** How many times the engine has been started afresh (0 for the first instance). */
  get generation() {
    return this.#generation;
  }

  /** True after a panic, until the next `load()` starts a fresh instance. */
  get broken() {
    return this.#broken;
  }

  /** The module, initialised; a fresh instance when a panic broke the last one. */
  load() {
    if (this.#broken) {
      this.#broken = false;
      this.#generation += 1;
      this.#instance = null;
    }
    if (!this.#instance) {
      const files = handedOver();
      const starting = files ? this.#startFromFiles(files) : this.#startFromUrl();
      // A failed start is not kept: the next load tries again (the files may arrive later).
      this.#instance = starting.catch((error) => {
        this.#instance = null;
        throw error;
      });
    }
    return this.#instance;
  }

  /** A new instance of the module at `this.url`, its wasm found beside it. */
  async #startFromUrl() {
    // A module URL is imported once per instance: a fresh one after a panic needs a new URL.
    const url = this.#imported.has(this.url) ? `${this.url}?generation=${this.#generation}` : this.url;
    this.#imported.add(this.url);
    const module = await import(url);
    await module.default();
    return /** @type {M} */ (module);
  }

  /**
   * A new instance of a handed-over module: a blob URL of its source imports a fresh copy
   * (wasm-bindgen keeps one instance per module copy), started with the handed-over bytes.
   * @param {HandedOverModule} files
   */
  async #startFromFiles({ source, wasm }) {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      const module = await import(url);
      await module.default({ module_or_path: wasm });
      return /** @type {M} */ (module);
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  /** True once the engine runs (or will next load) its full module (a handed-over module is). */
  get full() {
    return this.url === this.fullUrl || Boolean(handedOver());
  }

  /**
   * Switches to the full module: the next `load()` starts it and hosts rebuild their players
   * as after a panic (`upgrade` is dispatched for hosts that rebuild at once). Returns whether
   * anything changed.
   */
  upgrade() {
    if (this.full) return false;
    this.url = this.fullUrl;
    this.#broken = true;
    this.dispatchEvent(new Event('upgrade'));
    return true;
  }

  /**
   * Marks the instance broken and dispatches `panic` (detail: the message), once per instance.
   * @param {string} message
   */
  trap(message) {
    if (this.#broken) return;
    this.#broken = true;
    this.dispatchEvent(new CustomEvent('panic', { detail: message }));
  }

  /**
   * Runs `action`; a trapped wasm call breaks the instance (reported through `panic`) instead
   * of escaping. Other errors are thrown on.
   * @template T
   * @param {() => T} action
   * @returns {T | undefined}
   */
  guard(action) {
    try {
      return action();
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      this.trap(error.message);
      return undefined;
    }
  }
}

/** @type {Engine<StepwiseModule> | null} */
let shared = null;

/** The page module's engine, one per page for every host. */
export function pageEngine() {
  shared ??= new Engine(PAGE_MODULE, FULL_MODULE);
  return shared;
}
