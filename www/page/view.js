// @ts-check
// What every part of the page shares: the view's state (the current algorithm, its players,
// controls and widget, the lesson, speed and theme), the one transport they move on, and the
// guard that turns a failure (a panic in wasm, an exception in JS) into the banner. The other
// page modules import this one and never each other's callers back (page/controller.js wires).

import { $ } from '../dom.js';
import { Transport } from '../player/transport.js';

export const SPEEDS = [
  { label: '1 step/s', perSecond: 1 },
  { label: '2 steps/s', perSecond: 2 },
  { label: '4 steps/s', perSecond: 4 },
  { label: '10 steps/s', perSecond: 10 },
  { label: '30 steps/s', perSecond: 30 },
  { label: '1 step/frame', perFrame: 1 },
  { label: '4 steps/frame', perFrame: 4 },
  { label: '16 steps/frame', perFrame: 16 },
  { label: '64 steps/frame', perFrame: 64 },
  { label: '256 steps/frame', perFrame: 256 },
  { label: '1024 steps/frame', perFrame: 1024 },
];
export const DEFAULT_SPEED = 2;

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

export const view = {
  /**
   * The current tab's engine (shared with any <stepwise-player> of that algorithm on the page):
   * each tab's module loads on its first visit (page/input.js, `withEngine`).
   * @type {import('../player/engine.js').Engine<any> | null}
   */
  engine: null,
  primary: null,     // Player running the algorithm's first (fast) method
  others: [],        // the other methods: { method, player, figure, canvas, counters, message, narration, code }
  speed: DEFAULT_SPEED, // an index into SPEEDS
  theme: 'light',
  info: null,        // the registry entry of the current algorithm
  /** The current algorithm's id. */
  get algorithm() {
    return this.info?.id ?? '';
  },
  infos: [],         // every registry entry; the first is the default
  controls: null,    // the generated option controls of the current algorithm
  limits: null,      // the engine's limits (Rust's constants, from the catalogue)
  widget: null,      // the current algorithm's bespoke widget (www/algorithms/<id>.js), if any
  /** The teacher's lesson: notes by step (player/lesson.js), and a locked range for embeds. */
  lesson: { notes: /** @type {import('../player/lesson.js').Note[]} */ ([]), from: null, to: null },
};

/** The page's one clock: every player on it moves together. */
export const transport = new Transport({
  speed: SPEEDS[DEFAULT_SPEED],
  reducedMotion: () => reducedMotion.matches,
  guard: guarded,
});

/** The page's live players: the primary and the comparisons that could be built. */
export function players() {
  return [view.primary, ...view.others.map((other) => other.player)].filter(Boolean);
}

/** The widget loader (widgets.js), loaded when a tab first shows a widget. */
let widgetLoader = null;
export const widgets = () => (widgetLoader ??= import('../widgets.js'));

/** Forgets the widgets' handles into an engine that trapped, if any widget was loaded. */
export function resetWidgets() {
  widgetLoader?.then((loader) => loader.resetWidgets());
}

// ---------------------------------------------------------------- resilience

/** Runs `action`; a panic (a trapped wasm call) shows the banner instead of freezing the page. */
export function guarded(action) {
  try {
    const result = action();
    if (result instanceof Promise) result.catch(onFailure);
  } catch (error) {
    onFailure(error);
  }
}

export function onFailure(error) {
  if (error instanceof WebAssembly.RuntimeError) {
    view.engine?.trap(error.message);
  } else {
    // A JS-side failure (a canvas that cannot be created, say): report it, keep the engine.
    console.error(error);
    showPanic(String(error?.message ?? error));
  }
}

/** The banner for a panic (the engine restarts on the next action) or a JS-side failure. */
export function showPanic(message) {
  transport.pause();
  $('panic-message').textContent = message;
  $('panic-banner').hidden = false;
}
