// @ts-check
// The player core both hosts (the page and <stepwise-player>) run, beside the engine
// (engine.js) and the transport (transport.js: position, clock, motion, lesson, keys): canvas
// sizing, painting, printing, and which key presses belong to a text field.

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

/**
 * True when a key press is typing into a text field (the press's innermost target, inside a
 * shadow root too): the transport's keys leave it alone.
 * @param {Event} event
 */
export function typingInto(event) {
  const target = event.composedPath()[0] ?? event.target;
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
    || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button'].includes(target.type))
    || (target instanceof HTMLElement && target.isContentEditable);
}
