// @ts-check
// A lesson: the teacher's notes, each shown from its step until the next, some pausing playback
// there. The same rules for the page and for `<stepwise-player>` (whose notes are
// `<stepwise-note>` children); notes are text, never HTML.

/** @typedef {{ at: number, pause: boolean, text: string }} Note */

/**
 * The steps a lesson covers, `[from, to]` within `0..length`: `from` and `to` whole numbers (or
 * null for the start and the end of the run), clamped, with `to` never before `from`.
 * @param {number | null} from
 * @param {number | null} to
 * @param {number} length
 * @returns {[number, number]}
 */
export function stepRange(from, to, length) {
  const whole = (/** @type {number | null} */ value, /** @type {number} */ fallback) =>
    value !== null && Number.isFinite(value) ? Math.max(0, Math.min(length, Math.floor(value))) : fallback;
  const start = whole(from, 0);
  return [start, Math.max(start, whole(to, length))];
}

/**
 * The note in force at `step`: the last one at or before it.
 * @param {Note[]} notes sorted by step
 * @param {number} step
 */
export function noteAt(notes, step) {
  return notes.filter((note) => note.at <= step).pop();
}

/**
 * The first note after `step` (the presenter's "next").
 * @param {Note[]} notes sorted by step
 * @param {number} step
 */
export function noteAfter(notes, step) {
  return notes.find((note) => note.at > step);
}

/**
 * The first pausing note after `from` and at or before `to`: where playback stops.
 * @param {Note[]} notes sorted by step
 * @param {number} from
 * @param {number} to
 */
export function pauseBetween(notes, from, to) {
  return notes.find((note) => note.pause && note.at > from && note.at <= to);
}

/**
 * Notes checked and sorted: a whole step ≥ 0, a pause flag and text (at most 2,000 characters),
 * from anything a link or a caller hands in; anything else is dropped.
 * @param {unknown} notes
 * @returns {Note[]}
 */
export function cleanNotes(notes) {
  if (!Array.isArray(notes)) return [];
  return notes
    .filter((note) => note && typeof note === 'object' && Number.isInteger(note.at) && note.at >= 0 && typeof note.text === 'string')
    .map((note) => ({ at: note.at, pause: note.pause === true, text: note.text.slice(0, 2000) }))
    .sort((first, second) => first.at - second.at);
}
