// @ts-check
// The page's panels and what they load on first use: the share button, the embed snippets,
// SVG/PNG export, presenter mode, video recording, the lesson editor with its printed handout,
// and the practice toggle (page/practice-mode.js). None of them is part of the first load.

import { variantWords } from '../controls.js';
import { $ } from '../dom.js';
import { paint } from '../player/core.js';
import { showLessonNote } from './text.js';
import { residentInput } from './input.js';
import { togglePractice } from './practice-mode.js';
import { guarded, onFailure, transport, view } from './view.js';

/** The lesson's note in force and, for the presenter, the next one. */
export function showNotes() {
  showLessonNote(transport.note(), transport.nextNote());
}

let lessonModule = null;
/**
 * The lesson editor (lesson.js), loaded when the teacher first opens it.
 * @param {() => void} schedule keeps the address in step with the page
 */
function lessonEditor(schedule) {
  lessonModule ??= import('../lesson.js').then(({ createLessonEditor }) => createLessonEditor({
    container: $('lesson-panel'),
    lesson: () => view.lesson,
    step: () => transport.position,
    changed: () => {
      // A new range locks the clock at once: the position moves into it.
      guarded(() => transport.setLesson(view.lesson));
      showNotes();
      schedule();
      refreshEmbed();
    },
  }));
  return lessonModule;
}

/** Shows the lesson of a new tab or link in the editor, if it was ever opened. */
export function refreshLesson() {
  lessonModule?.then((panel) => panel.refresh());
}

/** @param {() => void} schedule */
async function toggleLesson(schedule) {
  const editor = await lessonEditor(schedule);
  const panel = $('lesson-panel');
  panel.hidden = !panel.hidden;
  $('lesson-toggle').setAttribute('aria-expanded', String(!panel.hidden));
  if (!panel.hidden) editor.refresh();
}

/** Prints the handout: a frame per note (or every few steps), from the module's SVG. */
async function printHandout() {
  const { writeHandout } = await import('../handout.js');
  const canvas = $('primary-canvas');
  guarded(() => writeHandout({
    section: $('handout'),
    player: view.primary,
    title: `${view.info.title} — ${view.info.methods[0].title}`,
    notes: view.lesson.notes,
    width: Math.max(480, canvas.clientWidth),
    height: Math.max(300, canvas.clientHeight),
  }));
  document.body.classList.add('printing-handout');
  window.print();
}

/** Exports and embed snippets load on first use. */
const exports = () => import('../export.js');

function exportName(extension) {
  return `stepwise-${view.algorithm}-step-${transport.position}.${extension}`;
}

async function exportSvg() {
  const { exportSvg: write } = await exports();
  write(view.primary, $('primary-canvas'), exportName('svg'));
}

async function exportPng() {
  const { exportPng: write } = await exports();
  paint(view.primary, $('primary-canvas'), 1);
  write($('primary-canvas'), exportName('png'));
}

async function updateEmbedSnippets() {
  const { embedSnippets, fillEmbedPanel } = await exports();
  fillEmbedPanel($('embed-panel'));
  const resident = residentInput();
  if (resident) {
    const why = `${resident.label} live in this page's memory; an embed carries its input as text. Make the input small enough for the text box to embed this animation.`;
    $('embed-snippet').value = why;
    $('iframe-snippet').value = why;
    return;
  }
  const snippets = embedSnippets({
    base: new URL('./', location.href).href,
    algorithm: view.algorithm,
    input: $('input-text').value,
    variant: variantWords(view.controls.changed()),
    step: transport.position,
    lesson: view.lesson,
  });
  $('embed-snippet').value = snippets.element;
  $('iframe-snippet').value = snippets.iframe;
}

/** Keeps the embed snippets in step with the page while their panel is open. */
export function refreshEmbed() {
  if (!$('embed-panel').hidden) updateEmbedSnippets().catch(onFailure);
}

function toggleEmbed() {
  const panel = $('embed-panel');
  panel.hidden = !panel.hidden;
  $('embed-toggle').setAttribute('aria-expanded', String(!panel.hidden));
  if (!panel.hidden) return updateEmbedSnippets();
  return undefined;
}

/** Presenter mode (present.js) loads on first use. */
function togglePresenter(on) {
  import('../present.js').then(({ togglePresenter: toggle }) => {
    toggle(on);
    transport.requestDraw();
  }).catch(onFailure);
}

let recordingModule = null;
function recording() {
  recordingModule ??= import('../record.js').then(({ createRecording }) => createRecording({
    screenSize: () => [$('primary-canvas').clientWidth, $('primary-canvas').clientHeight],
    total: () => transport.length,
    draw: (position, context, width, height) => {
      transport.seek(position);
      view.primary.draw(context, width, height);
    },
    position: {
      get: () => transport.position,
      set: (position) => transport.seek(position),
    },
    download: (blob, name) => exports().then(({ download }) => download(blob, name)),
    name: exportName,
    onFailure: (error) => console.warn(error),
  }));
  return recordingModule;
}

/**
 * The panels' buttons, and leaving presenter mode (Escape, or the browser's full screen ending).
 * @param {{ schedule: () => void, share: () => Promise<void> }} address the page's state in its address (page/url-state.js)
 */
export function wirePanels(address) {
  transport.on('escape', () => {
    if (document.body.classList.contains('presenting')) togglePresenter(false);
  });
  $('share').addEventListener('click', () => guarded(address.share));
  $('export-svg').addEventListener('click', () => guarded(exportSvg));
  $('export-png').addEventListener('click', () => guarded(exportPng));
  $('embed-toggle').addEventListener('click', () => guarded(toggleEmbed));
  $('present').addEventListener('click', () => togglePresenter());
  $('practice-toggle').addEventListener('click', () => togglePractice().catch(onFailure));
  $('lesson-toggle').addEventListener('click', () => toggleLesson(address.schedule).catch(onFailure));
  $('handout-print').addEventListener('click', () => printHandout().catch(onFailure));
  window.addEventListener('afterprint', () => document.body.classList.remove('printing-handout'));
  $('record-toggle').addEventListener('click', () => recording().then((panel) => panel.toggle()).catch(onFailure));
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && document.body.classList.contains('presenting')) togglePresenter(false);
  });
}
