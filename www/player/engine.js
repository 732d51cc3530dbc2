// @ts-check
// The wasm engines of a page: one per algorithm, each loaded on first use and shared by every
// player of that algorithm (`engineFor(id)`). What is known before any loads (titles, options,
// presets, limits) is the catalogue (`../pkg/catalogue.js`, generated from the registry).
//
// A module is found through the catalogue's table of literal `import('./<id>/stepwise.js')`
// calls, and its wasm through wasm-bindgen's literal `new URL('stepwise_bg.wasm',
// import.meta.url)`: bundlers (Vite, webpack, Rollup, esbuild) follow both and split one chunk
// per algorithm, and the same files work unbundled from a CDN or node_modules.
//
// A panic traps the instance and kills its handles: the engine reports it once (`panic`),
// marks it broken, and the next `load()` starts a fresh instance; hosts drop their handles
// meanwhile. A fresh instance needs a fresh copy of the module's JS (wasm-bindgen keeps one
// instance per copy), imported by URL with a query: that works where the module files are
// served as built; in a bundle the restart fails with an error the host shows.

import { ALGORITHMS, LIMITS, MODULES } from '../pkg/catalogue.js';
import { importFresh } from './import-fresh.js';

/**
 * @typedef {object} AlgorithmInfo what the catalogue says of one algorithm (see `Entry::describe`
 *   in crates/core/src/algo/mod.rs)
 * @property {string} id
 * @property {string} title
 * @property {string} example
 * @property {{ id: string, title: string }[]} methods
 * @property {{ name: string, text: string }[]} presets
 * @property {boolean} widget
 * @property {{ limits: Record<string, number> } | null} [resident]
 */

/** The catalogue: every algorithm (menu order) and the limits they share. */
export const catalogue = {
  /** @type {any[]} */
  algorithms: ALGORITHMS,
  /** @type {{ textBytes: number, steps: number }} */
  limits: LIMITS,
  /**
   * The algorithm with this id, or undefined.
   * @param {string} id
   */
  find(id) {
    return ALGORITHMS.find((/** @type {AlgorithmInfo} */ info) => info.id === id);
  },
  /** The first algorithm's id: the default of the page and the element. */
  get first() {
    return ALGORITHMS[0].id;
  },
};

/**
 * `path` resolved beside this script, without a pattern a bundler would rewrite; empty when
 * the script's URL is no base for it (a blob: a notebook widget's bundle, which hands its
 * files over through `handOverModule` instead).
 * @param {string} path
 */
function besideThisScript(path) {
  const base = import.meta.url;
  try {
    return new URL(path, base).href;
  } catch {
    return '';
  }
}

/**
 * Where hosts hand modules over (`handOverModule`): one slot per page, on the global object,
 * because a notebook imports one copy of this file per widget and the page's element may come
 * from any of them.
 */
const HANDED_OVER = Symbol.for('stepwise.engine.modules');

/**
 * @typedef {object} HandedOverModule
 * @property {string} source the wasm-bindgen module's text
 * @property {BufferSource} wasm its bytes
 */

/**
 * The module handed over for algorithm `id` on this page, if any.
 * @param {string} id
 * @returns {HandedOverModule | undefined}
 */
function handedOver(id) {
  return /** @type {any} */ (globalThis)[HANDED_OVER]?.[id];
}

/**
 * Makes the engine of algorithm `id` load its module from `source` (the wasm-bindgen module's
 * text) and `wasm` (its bytes) instead of from the files beside this script: for a host whose
 * script has no URL to find them by (a notebook widget's module is a blob). The first
 * hand-over of an id counts.
 * @param {string} id
 * @param {string} source
 * @param {BufferSource} wasm
 */
export function handOverModule(id, source, wasm) {
  const slots = (/** @type {any} */ (globalThis)[HANDED_OVER] ??= {});
  slots[id] ??= { source, wasm };
}

/** @typedef {typeof import('../pkg/module.js')} StepwiseModule */

/**
 * One wasm-bindgen module, loaded on first use and started afresh after a panic.
 * @template M the module's exports
 */
export class Engine extends EventTarget {
  /** @type {Promise<M> | null} */
  #instance = null;
  /** The started instance's module, once its start has finished. @type {M | null} */
  #ready = null;
  #generation = 0;
  #broken = false;

  /**
   * @param {() => Promise<any>} importModule imports the module (a literal `import()`)
   * @param {string} url the module's URL when served as built, for a fresh copy after a panic
   * @param {string} [id] the algorithm whose module this is, for a handed-over copy
   */
  constructor(importModule, url, id = '') {
    super();
    this.importModule = importModule;
    this.url = url;
    this.id = id;
    // The engine's panic hook announces a panic before the trapped call returns.
    globalThis.addEventListener('stepwise-panic', (event) => {
      if (this.#instance) this.trap(String(/** @type {CustomEvent} */ (event).detail));
    });
  }

  /** How many times the engine has been started afresh (0 for the first instance). */
  get generation() {
    return this.#generation;
  }

  /**
   * The module when an instance is started and not broken, else null: for a host that must
   * build at once (a player printed before it was ever shown builds inside `beforeprint`).
   */
  get ready() {
    return this.#broken ? null : this.#ready;
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
      this.#ready = null;
    }
    if (!this.#instance) {
      const files = handedOver(this.id);
      const starting = files ? this.#startFromFiles(files) : this.#start();
      // A failed start is not kept: the next load tries again (the files may arrive later).
      const instance = starting.then((module) => {
        if (this.#instance === instance) this.#ready = module;
        return module;
      }, (error) => {
        this.#instance = null;
        throw error;
      });
      this.#instance = instance;
    }
    return this.#instance;
  }

  /** A new instance: the module's first copy through its literal import, later ones by URL. */
  async #start() {
    const module = this.#generation === 0
      ? await this.importModule()
      : await importFresh(`${this.url}?generation=${this.#generation}`);
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
      const module = await importFresh(url);
      await module.default({ module_or_path: wasm });
      return /** @type {M} */ (module);
    } finally {
      URL.revokeObjectURL(url);
    }
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

/** @type {Map<string, Engine<StepwiseModule>>} */
const engines = new Map();

/**
 * The engine of algorithm `id`, one per page for every host; throws for an id the catalogue
 * does not list (the message lists those it does).
 * @param {string} id
 * @returns {Engine<StepwiseModule>}
 */
export function engineFor(id) {
  let engine = engines.get(id);
  if (!engine) {
    const importModule = /** @type {Record<string, () => Promise<any>>} */ (MODULES)[id];
    if (!importModule) {
      const known = ALGORITHMS.map((/** @type {AlgorithmInfo} */ info) => info.id).join(', ');
      throw Object.assign(new Error(`unknown algorithm '${id}' (known: ${known})`), {
        kind: 'unknown algorithm',
        field: 'algorithm',
      });
    }
    engine = new Engine(importModule, besideThisScript(`../pkg/${id}/stepwise.js`), id);
    engines.set(id, engine);
  }
  return engine;
}

/** The engines started so far (a panic in one module's instance is reported by that one). */
export function startedEngines() {
  return [...engines.values()];
}
