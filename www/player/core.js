// @ts-check
// The player core both hosts (the page and <stepwise-player>) run, beside the engine
// (engine.js): the play clock, one step's motion, canvas sizing and the player's keys.

// ------------------------------------------------------------------ the clock and motion

/** The longest gap one frame may account for (a background tab, a debugger pause). */
const LONGEST_FRAME_MS = 250;
/** How long one step's motion takes at slow speeds. */
export const STEP_MOTION_MS = 320;

/** @typedef {{ perSecond?: number, perFrame?: number }} Speed */

export class Clock {
  /** @param {Speed} speed */
  constructor(speed) {
    this.speed = speed;
    this.carry = 0;
    this.last = 0;
  }

  /**
   * Starts (or restarts) counting at `now`, with nothing owed.
   * @param {number} now
   */
  start(now) {
    this.carry = 0;
    this.last = now;
  }

  /**
   * Sets a new speed; the fraction owed at the old one is dropped.
   * @param {Speed} speed
   */
  setSpeed(speed) {
    this.speed = speed;
    this.carry = 0;
  }

  /**
   * The whole steps due at `now` since the last tick.
   * @param {number} now
   */
  tick(now) {
    const elapsed = Math.min(now - this.last, LONGEST_FRAME_MS);
    this.last = now;
    if (this.speed.perFrame) return this.speed.perFrame;
    this.carry += (elapsed / 1000) * (this.speed.perSecond ?? 1);
    const steps = Math.floor(this.carry);
    this.carry -= steps;
    return steps;
  }

  /** How long each step's motion lasts at this speed; 0 when steps are too fast to follow. */
  motionMs() {
    const perSecond = this.speed.perSecond;
    return perSecond && perSecond <= 10 ? Math.min(STEP_MOTION_MS, 700 / perSecond) : 0;
  }
}

/** One step's motion: started at a time, lasting some milliseconds, read as 0..1. */
export class Motion {
  constructor() {
    this.start = 0;
    this.duration = 0;
  }

  /**
   * @param {number} now
   * @param {number} duration 0 for no motion
   */
  begin(now, duration) {
    this.start = now;
    this.duration = duration;
  }

  /**
   * 0..1 through the motion at `now`; 1 when there is none.
   * @param {number} now
   */
  progress(now) {
    if (this.duration <= 0) return 1;
    const progress = Math.min(1, (now - this.start) / this.duration);
    if (progress >= 1) this.duration = 0;
    return progress;
  }
}

// ------------------------------------------------------------------ canvas sizing

/** Backing-store pixels per CSS pixel while printing: paper wants about 300 dpi, not 96. */
const PRINT_SCALE = 3;
/** True between `beforeprint` and `afterprint` (or while print media matches). */
let printing = false;
/** @type {Array<() => void>} */
const printListeners = [];

/** @param {boolean} now */
function setPrinting(now) {
  if (printing === now) return;
  printing = now;
  for (const listener of printListeners) listener();
}
window.addEventListener('beforeprint', () => setPrinting(true));
window.addEventListener('afterprint', () => setPrinting(false));
window.matchMedia('print').addEventListener('change', (event) => setPrinting(event.matches));

/** True while the page is being printed: paint at once, since a deferred paint is not printed. */
export function isPrinting() {
  return printing;
}

/**
 * Calls `repaint` (synchronously: the browser lays out the print right after) whenever printing
 * starts or ends, so that canvases are painted again at the resolution for the medium.
 * @param {() => void} repaint
 */
export function onPrint(repaint) {
  printListeners.push(repaint);
}

/**
 * Sizes `canvas`'s backing store to its CSS box at the device pixel ratio (at least
 * `PRINT_SCALE` while printing) and returns that box, or null when it has no size.
 * @param {HTMLCanvasElement} canvas
 * @returns {{ width: number, height: number } | null}
 */
export function fitCanvas(canvas) {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (width === 0 || height === 0) return null;
  const ratio = Math.max(window.devicePixelRatio || 1, printing ? PRINT_SCALE : 1);
  const backingWidth = Math.round(width * ratio);
  const backingHeight = Math.round(height * ratio);
  if (canvas.width !== backingWidth) canvas.width = backingWidth;
  if (canvas.height !== backingHeight) canvas.height = backingHeight;
  return { width, height };
}

/**
 * Paints `player`'s current step on `canvas`, `progress` (0..1) into the motion from the step
 * shown before.
 * @param {{ draw(context: CanvasRenderingContext2D, width: number, height: number, progress?: number): void } | null} player
 * @param {HTMLCanvasElement} canvas
 * @param {number} [progress]
 */
export function paint(player, canvas, progress = 1) {
  if (!player) return;
  const size = fitCanvas(canvas);
  const context = canvas.getContext('2d');
  if (!size || !context) return;
  player.draw(context, size.width, size.height, progress < 1 ? progress : undefined);
}

// ------------------------------------------------------------------ keys
// Space plays or pauses, arrows and PageUp/PageDown (a clicker) step, Home/End jump.

/** @typedef {'toggle' | 'forward' | 'back' | 'start' | 'end'} KeyAction */

/** @type {Record<string, KeyAction>} */
const ACTIONS = {
  ' ': 'toggle',
  ArrowRight: 'forward',
  ArrowLeft: 'back',
  PageDown: 'forward',
  PageUp: 'back',
  Home: 'start',
  End: 'end',
};

/**
 * The player action of a key press, or null for keys the player leaves alone (and for presses
 * with a modifier, which belong to the browser).
 * @param {KeyboardEvent} event
 * @returns {KeyAction | null}
 */
export function keyAction(event) {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  return ACTIONS[event.key] ?? null;
}
