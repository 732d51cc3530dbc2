// @ts-check
// Exports, loaded on first use: the current frame as SVG (the SVG backend) or PNG (the canvas
// at device resolution), and the embed snippets for the current state. Everything is made in
// the browser: nothing goes to a server.

import { el } from './dom.js';

/**
 * Downloads `blob` as `name`.
 * @param {Blob} blob
 * @param {string} name
 */
export function download(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/**
 * The frame of `player` drawn on `canvas`, as an SVG file named `name`.
 * @param {{ svg(width: number, height: number): string }} player
 * @param {HTMLCanvasElement} canvas
 * @param {string} name
 */
export function exportSvg(player, canvas, name) {
  const svg = player.svg(canvas.clientWidth, canvas.clientHeight);
  download(new Blob([svg], { type: 'image/svg+xml' }), name);
}

/**
 * `canvas` (already painted at the current step) as a PNG file named `name`.
 * @param {HTMLCanvasElement} canvas
 * @param {string} name
 */
export function exportPng(canvas, name) {
  canvas.toBlob((blob) => blob && download(blob, name), 'image/png');
}

/**
 * Builds the embed panel's fields into its (empty) section, once.
 * @param {HTMLElement} panel
 */
export function fillEmbedPanel(panel) {
  if (panel.childElementCount > 0) return;
  const snippet = (/** @type {string} */ id) => el('textarea', { id, rows: '3', readonly: true, spellcheck: 'false' });
  const link = el('a', { href: 'blog-example.html' }, 'example blog post');
  panel.setAttribute('aria-labelledby', 'embed-heading');
  panel.append(
    el('h2', { id: 'embed-heading' }, 'Embed this animation'),
    el('label', { class: 'field', for: 'embed-snippet' }, 'Web component (any static site)'),
    snippet('embed-snippet'),
    el('label', { class: 'field', for: 'iframe-snippet' }, 'Iframe (platforms that allow only iframes)'),
    snippet('iframe-snippet'),
    el('p', { class: 'help' }, 'See the ', link, ' for three embedded players.'),
  );
}

/** @param {string} text */
function escapeAttribute(text) {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('\n', '&#10;');
}

/** @param {string} text */
function escapeText(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The two ways to embed the current state: the `<stepwise-player>` element (with the lesson's
 * notes as `<stepwise-note>` children and its range as `from`/`to`) and its iframe (which
 * carries no notes).
 * @param {{ base: string, algorithm: string, input: string, variant: string, step: number,
 *   lesson?: { notes: { at: number, pause: boolean, text: string }[], from: number | null, to: number | null } }} state
 */
export function embedSnippets({ base, algorithm, input, variant, step, lesson }) {
  const attributes = [`algorithm="${escapeAttribute(algorithm)}"`, `input="${escapeAttribute(input)}"`];
  if (variant) attributes.push(`variant="${escapeAttribute(variant)}"`);
  if (step > 0) attributes.push(`step="${step}"`);
  const query = new URLSearchParams({ algorithm, input, step: String(step) });
  if (variant) query.set('variant', variant);
  for (const name of /** @type {const} */ (['from', 'to'])) {
    const value = lesson?.[name];
    if (value === null || value === undefined) continue;
    attributes.push(`${name}="${value}"`);
    query.set(name, String(value));
  }
  const notes = (lesson?.notes ?? [])
    .map((note) => `\n  <stepwise-note at="${note.at}"${note.pause ? ' pause' : ''}>${escapeText(note.text)}</stepwise-note>`)
    .join('');
  return {
    element: `<script type="module" src="${base}embed.js"></script>\n<stepwise-player ${attributes.join(' ')}>${notes}${notes ? '\n' : ''}</stepwise-player>`,
    iframe: `<iframe src="${base}embed.html?${query}" width="720" height="480" style="border:0" loading="lazy" title="Stepwise animation"></iframe>`,
  };
}
