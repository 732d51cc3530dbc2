// @ts-check
// Input held in wasm memory in place of the text box (a `Resident` handle of the algorithm's
// module): how the page animates input too big for text — a big file or a generator's output —
// without a megabyte-long textarea or a text round trip. A widget offers it
// (`WidgetHost.setResident`); the page loads this module then. It is in use while the text box
// is empty; typing text there replaces it.

/** Lets the browser paint (a status line) before a long task; at once in a background tab. */
function paintFirst() {
  if (document.hidden) return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Input held in wasm memory: what the widget said (`label`, `source`: `generated` | `file`,
 * `make(stepwise, options) → handle`, and `dependsOn`, the options `make` reads) and the handle
 * made from it — made again after an engine restart, or when an option it depends on changes.
 */
export class Resident {
  /**
   * @param {{ label: string, source: string, make: Function, dependsOn?: string[] }} description
   * @param {import('./player/engine.js').Engine<any>} engine the engine of the algorithm it is for
   */
  constructor({ label, source, make, dependsOn = [] }, engine) {
    this.label = label;
    this.source = source;
    this.make = make;
    this.dependsOn = dependsOn;
    this.engine = engine;
    /** @type {{ free(): void } | null} */
    this.handle = null;
    this.key = '';
    this.generation = -1;
  }

  /**
   * The handle in the current engine, made on first use.
   * @param {any} stepwise the engine's module
   * @param {Record<string, unknown>} options
   */
  samples(stepwise, options) {
    const key = JSON.stringify([this.engine.generation, ...this.dependsOn.map((name) => options[name])]);
    if (this.key !== key) {
      this.free();
      this.handle = this.make(stepwise, options);
      this.key = key;
      this.generation = this.engine.generation;
    }
    return this.handle;
  }

  /** Frees the handle, unless it died with a restarted engine. */
  free() {
    const alive = this.generation === this.engine.generation && !this.engine.broken;
    if (this.handle && alive) this.handle.free();
    this.handle = null;
  }
}

/**
 * Animates `next` resident samples, saying so first (10^6 take a moment). If they are refused
 * (a bad line, too many samples) the message shows and the input stays as it was. Resolves to
 * whether they were taken.
 * @param {{ engine: () => import('./player/engine.js').Engine<any>, input: HTMLTextAreaElement,
 *   current: () => Resident | null, use: (resident: Resident | null) => void,
 *   rebuild: () => Promise<boolean>, toast: (message: string) => void, hideToast: () => void }} page
 * @param {{ label: string, source: string, make: Function, dependsOn?: string[] }} next
 */
export async function takeResident(page, next) {
  page.toast(`Preparing ${next.label}…`);
  await paintFirst();
  const previous = { resident: page.current(), text: page.input.value, placeholder: page.input.placeholder };
  const restore = () => {
    page.use(previous.resident);
    page.input.value = previous.text;
    page.input.placeholder = previous.placeholder;
  };
  const resident = new Resident(next, page.engine());
  page.use(resident);
  page.input.value = '';
  page.input.placeholder = `${next.label} are held in wasm memory, not in this box. Type or paste input here to use your own instead.`;
  let built;
  try {
    built = await page.rebuild();
  } catch (error) {
    restore(); // a trap: the handles died with the engine, which restarts
    throw error;
  } finally {
    page.hideToast();
  }
  if (built) {
    previous.resident?.free();
  } else {
    resident.free();
    restore();
  }
  return built;
}
