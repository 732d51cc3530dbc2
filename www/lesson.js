// @ts-check
// The lesson editor: a teacher writes notes at steps without HTML — "Add a note" at the current
// step, its text, "pause here", move it up or down a step, delete it — and may lock the range an
// embed shows. The page shows the notes as they are written; Share carries the lesson in the
// link and Embed as `<stepwise-note>` children. Loaded when the Lesson button is first pressed.

import { el } from './dom.js';
import { cleanNotes } from './player/lesson.js';

/**
 * @typedef {{ notes: import('./player/lesson.js').Note[], from: number | null, to: number | null }} Lesson
 * @param {{ container: HTMLElement, lesson: () => Lesson, step: () => number, changed: () => void }} host
 */
export function createLessonEditor(host) {
  const list = el('ol', { class: 'lesson-notes', id: 'lesson-notes' });
  const add = el('button', { type: 'button', class: 'quiet-button', id: 'lesson-add' }, 'Add a note at this step');
  const from = el('input', { type: 'number', id: 'lesson-from', min: '0', inputmode: 'numeric' });
  const to = el('input', { type: 'number', id: 'lesson-to', min: '0', inputmode: 'numeric' });
  host.container.replaceChildren(
    el('h2', {}, 'Lesson'),
    el('p', { class: 'help' }, 'Notes show from their step until the next; a pausing note stops playback there. Share and Embed carry them.'),
    list,
    add,
    el('div', { class: 'row lesson-range' },
      el('label', { class: 'field inline', for: 'lesson-from' }, 'Lesson covers steps'), from,
      el('label', { class: 'field inline', for: 'lesson-to' }, 'to'), to),
  );

  /** Keeps the notes in step order and tells the page. */
  function changed() {
    const lesson = host.lesson();
    lesson.notes = cleanNotes(lesson.notes);
    host.changed();
    refresh();
  }

  /** One row per note: its step, its text, pause here, earlier, later, delete. */
  function refresh() {
    const lesson = host.lesson();
    list.replaceChildren(...lesson.notes.map((note, index) => {
      const id = `lesson-note-${index}`;
      const text = el('input', { type: 'text', id, class: 'lesson-text', 'aria-label': `Note at step ${note.at}` });
      text.value = note.text;
      text.addEventListener('change', () => { note.text = text.value; changed(); });
      const pause = el('input', { type: 'checkbox', id: `${id}-pause` });
      pause.checked = note.pause;
      pause.addEventListener('change', () => { note.pause = pause.checked; changed(); });
      const move = (delta, label, symbol) => {
        const button = el('button', { type: 'button', class: 'quiet-button', 'aria-label': `${label} (note at step ${note.at})` }, symbol);
        button.addEventListener('click', () => { note.at = Math.max(0, note.at + delta); changed(); });
        return button;
      };
      const remove = el('button', { type: 'button', class: 'quiet-button', 'aria-label': `Delete the note at step ${note.at}` }, '✕');
      remove.addEventListener('click', () => { lesson.notes.splice(index, 1); changed(); });
      return el('li', { class: 'lesson-row' },
        el('span', { class: 'lesson-step' }, `step ${note.at}`), text,
        el('label', { class: 'check', for: `${id}-pause` }, pause, ' pause here'),
        move(-1, 'A step earlier', '↑'), move(1, 'A step later', '↓'), remove);
    }));
    from.value = lesson.from === null ? '' : String(lesson.from);
    to.value = lesson.to === null ? '' : String(lesson.to);
  }

  add.addEventListener('click', () => {
    host.lesson().notes.push({ at: host.step(), pause: false, text: '' });
    changed();
    // The new note's text box, ready to type in.
    const index = host.lesson().notes.findIndex((note) => note.at === host.step() && note.text === '');
    /** @type {HTMLInputElement | null} */ (list.querySelector(`#lesson-note-${index}`))?.focus();
  });
  /** @param {HTMLInputElement} input */
  const whole = (input) => (input.value.trim() === '' || !(Number(input.value) >= 0) ? null : Math.floor(Number(input.value)));
  from.addEventListener('change', () => { host.lesson().from = whole(from); changed(); });
  to.addEventListener('change', () => { host.lesson().to = whole(to); changed(); });
  refresh();
  return { refresh };
}
