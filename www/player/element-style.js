// @ts-check
// How <stepwise-player> looks: its own style sheet, the palette's custom properties (fetched
// beside embed.js, or handed over by a host whose script has no URL: `useFiles`).

import { handOverModule } from './engine.js';

// The element's layout; its colours are the palette's custom properties (palette.css, made from
// the Rust palette), which follow the `theme` attribute through `:host([theme="dark"])`.
const STYLE = `
:host { display: block; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: var(--surface); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
canvas { display: block; width: 100%; height: var(--stepwise-height, 300px); touch-action: manipulation; }
.bar { display: flex; align-items: center; gap: 8px; padding: 8px 12px; border-top: 1px solid var(--line); }
button { min-width: 40px; min-height: 40px; border: 1px solid var(--line); border-radius: 8px; background: transparent;
  color: inherit; font: inherit; cursor: pointer; }
button:focus-visible, input:focus-visible { outline: 3px solid var(--current); outline-offset: 2px; }
input[type=range] { flex: 1; min-width: 80px; accent-color: var(--accent); }
.count { font-variant-numeric: tabular-nums; color: var(--muted); min-width: 7ch; text-align: right; font-size: 12px; }
.narration { padding: 8px 12px 10px; min-height: 2.9em; border-top: 1px solid var(--line); }
.note { padding: 8px 12px; border-top: 1px solid var(--line); border-left: 4px solid var(--current); background: var(--code-active); font-weight: 600; }
.error { padding: 12px; color: var(--error); }
.practice { padding: 8px 12px 12px; border-top: 1px solid var(--line); }
.practice h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 0 0 4px; }
.practice-score { margin: 0; font-size: 12px; color: var(--muted); }
.practice-prompt { margin: 6px 0 2px; font-weight: 600; }
.practice-click { margin: 0 0 6px; font-size: 12px; color: var(--muted); }
canvas.pickable { cursor: pointer; }
.practice-choices { display: grid; gap: 6px; }
.practice-choices button { text-align: left; padding: 6px 10px; background: var(--page); }
.practice-choices button[data-result="right"] { border-color: var(--accent); background: var(--code-active); font-weight: 600; }
.practice-choices button[data-result="wrong"] { border-color: var(--error); text-decoration: line-through; }
.practice-number { display: flex; gap: 6px; }
.practice-number input { font: inherit; min-height: 40px; width: 14ch; padding: 0 8px; border: 1px solid var(--line); border-radius: 8px; background: var(--page); color: inherit; }
.practice-feedback { margin: 6px 0; min-height: 1.4em; font-size: 13px; }
.practice > button { padding: 0 12px; }
[hidden] { display: none !important; }
@media print { .bar, .practice { display: none !important; } :host { break-inside: avoid; } }
`;

/** @type {CSSStyleSheet | null} */
let sheet = null;
/** The element's own style sheet, made once and shared by every player. */
export function styles() {
  sheet ??= styleSheet(STYLE);
  return sheet;
}

/**
 * Where a host hands `palette.css` over (`useFiles`): on the global object, like the engine's
 * module, because a notebook imports one copy of this file (and embed.js) per widget.
 */
const HANDED_OVER_PALETTE = Symbol.for('stepwise.palette.css');

/** @type {Promise<CSSStyleSheet> | null} */
let paletteSheet = null;
/** The palette's custom properties: handed over, or fetched once from the site. */
export function palette() {
  const handedOver = /** @type {any} */ (globalThis)[HANDED_OVER_PALETTE];
  paletteSheet ??= (typeof handedOver === 'string' ? Promise.resolve(handedOver) : fetchPalette()).then(styleSheet);
  return paletteSheet;
}

/** The text of the site's `palette.css`, beside embed.js ('' when there is none to find). */
async function fetchPalette() {
  try {
    const response = await fetch(new URL('../palette.css', import.meta.url));
    return response.ok ? await response.text() : '';
  } catch {
    return '';
  }
}

/** A constructed style sheet of `text`. */
function styleSheet(text) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
}

/**
 * Serves the players on the page from files a host hands over instead of the ones beside
 * embed.js, for a host whose script has no URL to find them by (a notebook widget's module is a
 * blob): `modules` maps an algorithm's id to the text of its wasm-bindgen module
 * (`pkg/<id>/stepwise.js`) and its wasm bytes, and `paletteCss` is the text of `palette.css`.
 * The first hand-over of each counts; make it before a player of that algorithm is built.
 * @param {{ modules: Record<string, { source: string, wasm: BufferSource }>, paletteCss: string }} files
 */
export function useFiles({ modules, paletteCss }) {
  for (const [id, { source, wasm }] of Object.entries(modules)) handOverModule(id, source, wasm);
  /** @type {any} */ (globalThis)[HANDED_OVER_PALETTE] ??= paletteCss;
}
