// @ts-check
// Handouts: one printed frame per note of the lesson (or, without notes, every few steps), each
// with its step, the note and the narration, through the browser's print dialog. The frames are
// the SVG backend's pictures (full module), shown as images, so they print crisp at any size.
// Loaded when the Handout button is first pressed.

import { el } from './dom.js';

/** Frames in a handout without notes. */
const FRAMES_WITHOUT_NOTES = 6;

/**
 * The steps a handout shows: every note's step, else the start, the end and evenly between.
 * @param {{ at: number }[]} notes
 * @param {number} length
 */
export function handoutSteps(notes, length) {
  if (notes.length > 0) return [...new Set(notes.map((note) => Math.min(note.at, length)))];
  const count = Math.min(FRAMES_WITHOUT_NOTES, length + 1);
  return [...new Set(Array.from({ length: count }, (_, index) => Math.round((index * length) / Math.max(1, count - 1))))];
}

/**
 * Writes the handout of `player` into `section` (replacing what was there) and leaves the
 * player where it was.
 * @param {{ section: HTMLElement, player: any, title: string, notes: { at: number, text: string }[],
 *   width: number, height: number }} handout
 */
export function writeHandout({ section, player, title, notes, width, height }) {
  const back = player.position;
  const figures = handoutSteps(notes, player.len).map((step) => {
    player.seek(step);
    const svg = player.svg(width, height);
    const note = notes.filter((candidate) => candidate.at <= step).pop();
    const image = el('img', { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt: `Step ${step} of ${player.len}` });
    return el('figure', { class: 'handout-frame' },
      image,
      el('figcaption', {},
        el('span', { class: 'handout-step' }, `Step ${step} of ${player.len}`),
        note?.text ? el('strong', { class: 'handout-note' }, note.text) : '',
        el('span', { class: 'handout-narration' }, player.narration())));
  });
  player.seek(back);
  section.replaceChildren(el('h1', {}, title), ...figures);
}
