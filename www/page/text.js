// @ts-check
// The page's DOM text: narration, pseudocode, counters, the lesson's notes, the step count,
// the play button, input and option errors and the toast. Every string a person or the engine
// wrote arrives through textContent, never as HTML.

import { $, setText } from '../dom.js';

/** @typedef {import('../player/lesson.js').Note} Note */

/**
 * Converts a byte offset in the UTF-8 text (as Rust reports it) to a JS string index.
 * @param {string} text
 * @param {number} byteOffset
 */
export function byteToIndex(text, byteOffset) {
  const encoder = new TextEncoder();
  let bytes = 0;
  let index = 0;
  for (const character of text) {
    if (bytes >= byteOffset) break;
    bytes += encoder.encode(character).length;
    index += character.length;
  }
  return index;
}

/**
 * Shows why the input was refused, selecting the offending span when the engine names one.
 * @param {{ message: string, start?: number, end?: number }} error
 * @param {string} text the input the offsets are in
 */
export function showInputError(error, text) {
  const box = $('input-error');
  box.textContent = error.message;
  box.hidden = false;
  const area = $('input-text');
  area.setAttribute('aria-invalid', 'true');
  if (typeof error.start === 'number' && document.activeElement !== area) {
    area.setSelectionRange(byteToIndex(text, error.start), byteToIndex(text, error.end ?? error.start));
  }
}

/** @param {string} message '' hides the box */
export function showOptionError(message) {
  const box = $('option-error');
  box.textContent = message;
  box.hidden = !message;
}

export function clearInputError() {
  $('input-error').hidden = true;
  $('input-text').removeAttribute('aria-invalid');
}

/**
 * @param {HTMLElement} list an `<ol>`
 * @param {string[]} lines
 */
export function fillCode(list, lines) {
  list.replaceChildren(...lines.map((line) => {
    const item = document.createElement('li');
    item.textContent = line;
    return item;
  }));
}

/**
 * Marks pseudocode line `line` (0-based) as the current one.
 * @param {HTMLElement} list
 * @param {number} line
 */
export function highlight(list, line) {
  list.querySelectorAll('li').forEach((item, index) => {
    const active = index === line;
    item.classList.toggle('active', active);
    if (active) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
  });
}

/**
 * @param {HTMLElement} element
 * @param {Array<{ name: string, value: number }>} counters
 */
export function showCounters(element, counters) {
  element.replaceChildren(...counters.map(({ name, value }) => {
    const counter = document.createElement('span');
    counter.dataset.counter = name;
    const figure = document.createElement('b');
    // Counts are whole; readings (an objective, a log-likelihood) keep four significant digits.
    figure.textContent = value.toLocaleString('en-US', Number.isInteger(value) ? {} : { maximumSignificantDigits: 4 });
    counter.append(figure, ` ${name}`);
    return counter;
  }));
}

/**
 * The lesson's note in force and, for the presenter, the next one.
 * @param {Note | undefined} current
 * @param {Note | undefined} next
 */
export function showLessonNote(current, next) {
  $('lesson-note').textContent = current?.text ?? '';
  $('lesson-note').hidden = !current?.text;
  $('lesson-next').textContent = next ? `Next note, at step ${next.at}: ${next.text}` : '';
  $('lesson-next').hidden = !next;
}

/**
 * The scrubber and the step count.
 * @param {{ position: number, from: number, to: number }} where
 */
export function showPosition({ position, from, to }) {
  const scrubber = $('scrubber');
  scrubber.min = String(from);
  scrubber.max = String(to);
  scrubber.value = String(position);
  setText($('step-count'), `${position.toLocaleString('en-US')} / ${to.toLocaleString('en-US')}`);
}

const PLAY_ICON = 'M7 5v14l12-7z';
const PAUSE_ICON = 'M6 5h4v14H6zM14 5h4v14h-4z';

/** @param {boolean} playing */
export function showPlaying(playing) {
  const button = $('play');
  button.querySelector('path').setAttribute('d', playing ? PAUSE_ICON : PLAY_ICON);
  button.setAttribute('aria-label', playing ? 'Pause (Space)' : 'Play (Space)');
}

let toastTimer = 0;

/**
 * A short message at the bottom of the page, gone after three seconds.
 * @param {string} message
 */
export function toast(message) {
  const element = $('toast');
  element.textContent = message;
  element.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { element.hidden = true; }, 3000);
}

export function hideToast() {
  clearTimeout(toastTimer);
  $('toast').hidden = true;
}
