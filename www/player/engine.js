// @ts-check
// The wasm engine every player on a page shares, loaded once relative to this file. A panic
// traps the instance and kills its handles: the engine reports it once (`panic`), marks it
// broken, and the next `load()` starts a fresh one; hosts drop their handles meanwhile.

const PAGE_MODULE = new URL('../pkg/stepwise.js', import.meta.url).href;

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

  /** @param {string} url the wasm-bindgen ES module to load */
  constructor(url) {
    super();
    this.url = url;
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
    const url = this.#generation === 0 ? this.url : `${this.url}?generation=${this.#generation}`;
    this.#instance ??= import(url).then(async (module) => {
      await module.default();
      return /** @type {M} */ (module);
    });
    return this.#instance;
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
  shared ??= new Engine(PAGE_MODULE);
  return shared;
}
