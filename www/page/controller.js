// @ts-check
// The page's controller: wires the controls to one or more Players that share one transport
// (player/transport.js: position, range, play/pause, clock and motion, lesson pauses, the
// practice gate, keys). All heavy work happens in Rust; this file only reads controls, calls
// the Player, and hands the transport its players. The DOM text is page/text.js, the state
// in the address page/url-state.js; app.js is the entry the HTML loads.
// Everything about an algorithm comes from the registry (`algorithms()`): its tab, labels,
// variant controls (generated from its declared options), limits and pointer interaction; an
// algorithm with a bespoke widget has `www/algorithms/<id>.js` (see `widget.js`).
// User text is only ever inserted with textContent, never as HTML.

import { createControls, variantWords } from '../controls.js';
import { $, setText } from '../dom.js';
import { catalogue, engineFor } from '../player/engine.js';
import { paint, onPrint, typingInto } from '../player/core.js';
import { Transport, keyAction } from '../player/transport.js';
import {
  clearInputError, fillCode, hideToast, highlight, showCounters, showInputError, showLessonNote, showOptionError,
  showPlaying, showPosition, toast,
} from './text.js';
import { createUrlState, links } from './url-state.js';

const SPEEDS = [
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
const DEFAULT_SPEED = 2;
const INPUT_DEBOUNCE_MS = 350;

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

/**
 * The current tab's engine (shared with any <stepwise-player> of that algorithm on the page)
 * and its module: each tab's module loads on its first visit.
 * @type {import('../player/engine.js').Engine<any> | null}
 */
let engine = null;
let stepwise = null;
/** The engines whose panics show the banner. */
const watchedEngines = new WeakSet();
/** The load in progress (a tab's first visit, a restart after a panic), shared by every action that needs the engine. */
let reloading = null;

const view = {
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
const transport = new Transport({
  speed: SPEEDS[DEFAULT_SPEED],
  reducedMotion: () => reducedMotion.matches,
  guard: guarded,
});

/** @typedef {import('../widget.js').Widget} Widget */
/** @typedef {import('../widget.js').WidgetHost} WidgetHost */

/** The widget loader (widgets.js), loaded when a tab has a widget or, for prefetching, after the first frame. */
let widgetLoader = null;
const widgets = () => (widgetLoader ??= import('../widgets.js'));

// Quiz, video export and image mode load on first use: they are not part of the first page load.
let practiceModule = null;
/** Practice mode's controller (player/practice.js), on the full module's players. */
function practice() {
  practiceModule ??= import('../player/practice.js').then(({ createPractice }) => createPractice({
    container: $('practice'),
    player: () => view.primary,
    canvas: $('primary-canvas'),
    redraw: () => transport.requestDraw(),
    advance: () => guarded(() => transport.answer()),
    // A fresh random input of the same kind: the next seed, at the size in the random row.
    newCase: () => {
      $('random-seed').value = String(Math.max(0, Math.floor(Number($('random-seed').value) || 0)) + 1);
      $('random-go').click();
    },
  }));
  return practiceModule;
}

let lessonModule = null;
/** The lesson editor (lesson.js), loaded when the teacher first opens it. */
function lessonEditor() {
  lessonModule ??= import('../lesson.js').then(({ createLessonEditor }) => createLessonEditor({
    container: $('lesson-panel'),
    lesson: () => view.lesson,
    step: () => transport.position,
    changed: () => {
      // A new range locks the clock at once: the position moves into it.
      guarded(() => transport.setLesson(view.lesson));
      showNotes();
      urlState.schedule();
      if (!$('embed-panel').hidden) updateEmbedSnippets().catch(onFailure);
    },
  }));
  return lessonModule;
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

async function toggleLesson() {
  const editor = await lessonEditor();
  const panel = $('lesson-panel');
  panel.hidden = !panel.hidden;
  $('lesson-toggle').setAttribute('aria-expanded', String(!panel.hidden));
  if (!panel.hidden) editor.refresh();
}

/** True while the learner does the steps: the clock moves only when they answer. */
const practising = () => !$('practice').hidden;

async function togglePractice() {
  const card = $('practice');
  const controller = await practice();
  card.hidden = !card.hidden;
  $('practice-toggle').setAttribute('aria-expanded', String(!card.hidden));
  document.body.classList.toggle('practising', !card.hidden);
  transport.setPractising(!card.hidden);
  if (card.hidden) {
    controller.stop();
    return;
  }
  controller.ask();
}

/**
 * Runs `action` against the current tab's module: loaded first on the tab's first visit, and
 * started afresh (the page's players rebuilt at the step they were on) after a panic broke it.
 */
async function withEngine(action) {
  const current = engineFor(view.algorithm);
  if (current !== engine || current.broken || !stepwise) {
    const restarting = current === engine && current.broken;
    reloading ??= (async () => {
      if (!watchedEngines.has(current)) {
        watchedEngines.add(current);
        current.addEventListener('panic', (event) => showPanic(String(/** @type {CustomEvent} */ (event).detail)));
      }
      const module = await current.load();
      engine = current;
      stepwise = module;
      if (!restarting) return;
      // Handles into the trapped instance are dead: drop them without calling into it.
      view.primary = null;
      for (const other of view.others) other.player = null;
      transport.setPlayers([]);
      widgetLoader?.then((loader) => loader.resetWidgets());
      // The page's own animation comes back at the step it was on.
      await rebuild({ keepPosition: true });
      view.widget?.shown?.();
    })().finally(() => { reloading = null; });
    await reloading;
    if (engineFor(view.algorithm) !== engine) return withEngine(action);
  }
  return action(stepwise);
}

/** The banner for a panic (the engine restarts on the next action) or a JS-side failure. */
function showPanic(message) {
  transport.pause();
  $('panic-message').textContent = message;
  $('panic-banner').hidden = false;
}

// ---------------------------------------------------------------- options and input

/**
 * The UTF-8 length of `text` when it is over `limit` bytes, else 0: checked before the text is
 * copied into wasm. A UTF-16 unit is at most 3 UTF-8 bytes, so most texts need no encoding.
 */
function bytesOver(text, limit) {
  if (text.length * 3 <= limit) return 0;
  const bytes = new TextEncoder().encode(text).length;
  return bytes > limit ? bytes : 0;
}

/** Input held in wasm memory (see resident.js), in use while the text box is empty. */
let resident = null;

/** Forgets the resident input: the text box is the input again. */
function dropResident() {
  if (!resident) return;
  resident.free();
  resident = null;
  $('input-text').placeholder = '';
}

/** Animates input held in wasm memory, which a widget offers (resident.js loads then). */
async function setResident(next) {
  const { takeResident } = await import('../resident.js');
  return takeResident({
    engine: () => engine,
    input: $('input-text'),
    current: () => resident,
    use: (value) => { resident = value; },
    rebuild: () => rebuild(),
    toast,
    hideToast,
  }, next);
}

/**
 * Builds new players from the input; on bad input keeps the old ones and says why. Resolves to
 * whether the new players were built.
 */
async function rebuild({ keepPosition = false, seekEnd = false } = {}) {
  const text = $('input-text').value;
  if (text !== '') dropResident();
  const options = view.controls.read();
  const primaryMethod = view.info.methods[0].id;
  return withEngine((stepwise) => {
    const { textBytes } = view.limits;
    const bytes = bytesOver(text, textBytes);
    if (bytes > 0) {
      const count = (value) => value.toLocaleString('en-US');
      showInputError({ message: `The input is ${count(bytes)} bytes long; the limit is ${count(textBytes)}.` }, '');
      return false;
    }
    let primary;
    try {
      primary = resident
        ? stepwise.Player.fromResident(resident.samples(stepwise, options), { ...options, method: primaryMethod })
        : new stepwise.Player(view.algorithm, text, { ...options, method: primaryMethod });
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) throw error;
      const aboutAnOption = error.kind === 'bad option' || error.kind === 'unknown option'
        || view.info.options.some((option) => option.key === error.field);
      if (aboutAnOption) {
        clearInputError();
        showOptionError(error.message);
      } else {
        showOptionError('');
        showInputError(error, text);
      }
      return false;
    }
    clearInputError();
    showOptionError('');
    view.primary?.free();
    view.primary = primary;
    const comparing = $('compare').checked;
    for (const other of view.others) {
      other.player?.free();
      other.player = null;
      other.message.hidden = true;
      other.figure.hidden = !comparing;
      if (!comparing) continue;
      try {
        other.player = new stepwise.Player(view.algorithm, text, { ...options, method: other.method });
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) throw error;
        other.message.textContent = error.message;
        other.message.hidden = false;
      }
    }
    for (const player of players()) player.setTheme(view.theme);
    fillCode($('primary-code'), view.primary.pseudocode());
    for (const other of view.others) {
      other.heading.hidden = !other.player;
      other.code.hidden = !other.player;
      if (other.player) fillCode(other.code, other.player.pseudocode());
    }
    let target = keepPosition ? transport.position : undefined;
    if (seekEnd) target = view.primary.len;
    // A rebuild lands where it must even while practising (new players start at 0).
    transport.setPlayers(transportPlayers(), { position: target });
    view.widget?.afterRebuild?.(view.primary);
    if (practising()) practice().then((controller) => controller.ask());
    return true;
  });
}

// ---------------------------------------------------------------- the shared clock

function players() {
  return [view.primary, ...view.others.map((other) => other.player)].filter(Boolean);
}

/** The page's players as the transport sees them: each Player with its canvas. */
function transportPlayers() {
  const figures = [{ player: view.primary, canvas: $('primary-canvas') }, ...view.others];
  return figures.filter((figure) => figure.player).map(({ player, canvas }) => ({
    get len() { return player.len; },
    get position() { return player.position; },
    seek: (step) => player.seek(step),
    draw: (progress) => paint(player, canvas, progress),
  }));
}

/** After every move of the clock: the texts, the address, practice's question, the embed snippets. */
function moved() {
  updateText();
  urlState.schedule();
  if (practising()) practice().then((controller) => controller.ask());
  if (!$('embed-panel').hidden) updateEmbedSnippets().catch(onFailure);
}

/** What a link keeps of the widget: its own state, and where resident input came from. */
function widgetState() {
  const state = { ...(view.widget?.state?.() ?? {}) };
  // Generated samples come back from the settings they were made with; a file's cannot travel
  // in a link.
  if (resident) state.samples = resident.source;
  return state;
}

/** What a link holds: the algorithm, its input and controls, the step, the speed, the theme. */
function linkState() {
  return {
    algorithm: view.algorithm,
    input: $('input-text').value,
    options: view.controls.read(),
    compare: $('compare').checked,
    widget: widgetState(),
    lesson: view.lesson,
    step: transport.position,
    speed: view.speed,
    theme: view.theme,
  };
}

/** The address keeps the page's state, so reloading or sharing lands on the same frame. */
const urlState = createUrlState({ state: linkState, known: (id) => view.infos.some((info) => info.id === id), toast });

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

// ---------------------------------------------------------------- drawing

let canvasesDrawn = false;

/**
 * Removes the first frame drawn at build time (`.first-frame` pictures over the canvases) once
 * the canvases have drawn, and marks the moment (`first-canvas-frame`, read by the benchmark).
 */
function dropFirstFrame() {
  if (canvasesDrawn) return;
  canvasesDrawn = true;
  performance.mark('first-canvas-frame');
  for (const picture of document.querySelectorAll('.first-frame')) picture.remove();
}

/** The lesson's note in force and, for the presenter, the next one. */
function showNotes() {
  showLessonNote(transport.note(), transport.nextNote());
}

function updateText() {
  const primary = view.primary;
  if (!primary) return;
  setText($('narration'), primary.narration());
  showNotes();
  highlight($('primary-code'), primary.line());
  showCounters($('primary-counters'), primary.counters());
  for (const other of view.others) {
    other.narration.textContent = other.player ? other.player.narration() : '';
    if (other.player) {
      highlight(other.code, other.player.line());
      showCounters(other.counters, other.player.counters());
    } else {
      other.counters.replaceChildren();
    }
  }
  const [from, to] = transport.range();
  showPosition({ position: transport.position, from, to });
}

// ---------------------------------------------------------------- resilience

/** Runs `action`; a panic (a trapped wasm call) shows the banner instead of freezing the page. */
function guarded(action) {
  try {
    const result = action();
    if (result instanceof Promise) result.catch(onFailure);
  } catch (error) {
    onFailure(error);
  }
}

export function onFailure(error) {
  if (error instanceof WebAssembly.RuntimeError) {
    engine?.trap(error.message);
  } else {
    // A JS-side failure (a canvas that cannot be created, say): report it, keep the engine.
    console.error(error);
    showPanic(String(error?.message ?? error));
  }
}

// ---------------------------------------------------------------- controls

function setTheme(theme) {
  view.theme = theme;
  document.documentElement.dataset.theme = theme;
  const toggle = $('theme-toggle');
  toggle.textContent = theme === 'dark' ? 'Light' : 'Dark';
  toggle.setAttribute('aria-label', theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme');
  for (const player of players()) player.setTheme(theme);
  transport.requestDraw();
  view.widget?.draw?.();
}

function fillStaticControls() {
  const speed = $('speed');
  speed.replaceChildren(...SPEEDS.map((entry, index) => new Option(entry.label, String(index))));
  speed.value = String(DEFAULT_SPEED);
  $('algorithm-tabs').replaceChildren(...view.infos.map((algorithm) => {
    const tab = document.createElement('a');
    tab.href = `#${algorithm.id}`;
    tab.dataset.algorithm = algorithm.id;
    tab.textContent = algorithm.title;
    return tab;
  }));
}

/** After the options change (a control, a drag, a widget): the widget hears it, the run restarts. */
function optionsChanged(how) {
  view.widget?.optionsChanged?.();
  return rebuild(how);
}

/**
 * What the page offers the widget of the algorithm `info` (made before its tab's texts are
 * shown, so it reads its own algorithm's info, not the page's current one).
 * @returns {WidgetHost}
 */
function widgetHost(info, controls, stage) {
  return {
    controls,
    stage,
    run: (action) => guarded(() => withEngine(action)),
    setInput: (text) => {
      $('input-text').value = text;
      return rebuild();
    },
    setResident,
    isResident: () => resident !== null,
    inputText: () => $('input-text').value,
    reportError: (message) => showInputError({ message }, ''),
    reportOptionError: showOptionError,
    options: () => view.controls.read(),
    setOptions: (options, { seekEnd = false } = {}) => {
      view.controls.set(options);
      return optionsChanged({ seekEnd });
    },
    primary: () => view.primary,
    algorithm: () => info.id,
    limits: () => ({ ...catalogue.limits, ...info.resident?.limits }),
    theme: () => view.theme,
    onFailure,
  };
}

/** Counts tab switches: a switch that resumes after a later one began gives way to it. */
let switches = 0;

/** Shows the controls of `id` and starts on its example, or on a state restored from a link. */
async function selectAlgorithm(id, restored = null) {
  const turn = ++switches;
  const next = view.infos.find((info) => info.id === id) ?? view.infos[0];
  // The widget first, before the page changes: a quicker later switch must not be undone.
  const loaded = next.widget ? await (await widgets()).widgetFor(next, { host: (controls, stage) => widgetHost(next, controls, stage), toast }) : null;
  if (turn !== switches) return;
  view.info = next;
  transport.pause();
  // A lesson belongs to its algorithm and input: another tab starts without one.
  if (!restored) view.lesson = { notes: [], from: null, to: null };
  lessonModule?.then((panel) => panel.refresh());
  const info = view.info;
  for (const tab of $('algorithm-tabs').children) {
    if (tab.dataset.algorithm === view.algorithm) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  setText($('algorithm-title'), info.title);
  document.title = `Stepwise — ${info.title}, step by step`;
  setText($('algorithm-lede'), info.lede);
  $('input-label').textContent = info.inputLabel;
  $('input-text').rows = info.inputRows;
  $('random-size-label').textContent = info.randomLabel;
  $('compare-label').textContent = info.compareLabel;
  $('compare-row').hidden = info.methods.length < 2;
  $('input-help').textContent = info.inputHelp;
  $('algorithm-limits').textContent = info.limits;
  $('option-notes').textContent = info.notes;
  $('option-notes').hidden = !info.notes;
  setText($('primary-title'), info.methods[0].title);
  createOtherFigures(info.methods.slice(1));
  $('primary-hint').textContent = info.hint;
  $('primary-hint').hidden = !info.hint;
  $('players').dataset.layout = info.layout === 'side' ? '' : 'stacked';
  $('players').dataset.size = info.layout === 'compact' || info.layout === 'tall' ? info.layout : '';
  view.controls = createControls($('option-controls'), info.options, (option) => guarded(() =>
    optionsChanged({ keepPosition: option.onChange === 'keep', seekEnd: option.onChange === 'end' })));
  showOptionError('');
  view.widget = loaded?.widget ?? null;
  for (const container of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-widget]'))) {
    container.hidden = container.dataset.widget !== view.algorithm;
  }
  const preset = $('preset');
  preset.replaceChildren(new Option('Choose…', ''), ...info.presets.map((entry) => new Option(entry.name, entry.text)));
  $('input-text').value = info.example;
  let regenerate = null;
  if (restored) {
    $('input-text').value = restored.input;
    view.controls.set(restored.options);
    if (typeof restored.compare === 'boolean') $('compare').checked = restored.compare;
    view.lesson = restored.lesson ?? { notes: [], from: null, to: null };
    view.widget?.restore?.(restored.widget);
    if (restored.widget.samples === 'generated') regenerate = view.widget?.regenerate;
    if (restored.widget.samples === 'file') {
      $('input-text').value = info.example;
      toast('This link was made from a CSV file, which stays on its owner\'s device: here is the example instead.');
    }
  }
  view.widget?.optionsChanged?.();
  transport.setLesson(view.lesson);
  if (regenerate) await withEngine(regenerate);
  else await rebuild();
  if (turn !== switches) return;
  if (restored?.step) transport.seek(restored.step, { answered: true });
  view.widget?.shown?.();
}

/** One figure (and pseudocode block) per method after the first, from the template. */
function createOtherFigures(methods) {
  // The players go: the transport lets go of them first.
  transport.setPlayers([]);
  for (const other of view.others) {
    other.player?.free();
    other.figure.remove();
  }
  $('other-code').replaceChildren();
  // The figures the build wrote in for the first frame give way to live ones.
  for (const figure of document.querySelectorAll('.player[data-first-frame]')) figure.remove();
  view.others = methods.map((method) => {
    const figure = $('method-figure').content.firstElementChild.cloneNode(true);
    figure.dataset.method = method.id;
    figure.querySelector('.method-title').textContent = method.title;
    const canvas = figure.querySelector('canvas');
    canvas.setAttribute('aria-label', `Animation: ${method.title}`);
    $('players').append(figure);
    const heading = document.createElement('h3');
    heading.textContent = method.title;
    const code = document.createElement('ol');
    code.className = 'pseudocode';
    code.dataset.method = method.id;
    $('other-code').append(heading, code);
    const other = {
      method: method.id,
      player: null,
      figure,
      canvas,
      counters: figure.querySelector('.counters'),
      message: figure.querySelector('.figure-message'),
      narration: figure.querySelector('.secondary-narration'),
      heading,
      code,
    };
    wireDragging(canvas, () => other.player);
    return other;
  });
}

/**
 * Pointer interaction, as the registry declares it: `cells` picks a rectangle of cells (it
 * becomes the text option the widget names, `query` by default); `seek` moves the clock to
 * the located item's column.
 */
function wireDragging(canvas, currentPlayer) {
  let anchor = null;
  let target = 'query';
  const pick = (from, to) => {
    const [r0, r1] = [Math.min(from[0], to[0]), Math.max(from[0], to[0])];
    const [c0, c1] = [Math.min(from[1], to[1]), Math.max(from[1], to[1])];
    view.controls.set({ [target]: `${r0},${c0},${r1},${c1}` });
    return optionsChanged({ seekEnd: true });
  };
  const cellAt = (event) => {
    const player = currentPlayer();
    // Practising, a click on the picture answers the question (player/practice.js).
    if (!player || view.info.pointer === 'none' || practising()) return undefined;
    const bounds = canvas.getBoundingClientRect();
    return player.locate(event.clientX - bounds.left, event.clientY - bounds.top, bounds.width, bounds.height);
  };
  canvas.addEventListener('pointerdown', (event) => guarded(() => {
    const cell = cellAt(event);
    if (!cell) return;
    if (view.info.pointer === 'seek') {
      anchor = cell;
      canvas.setPointerCapture(event.pointerId);
      transport.pause();
      transport.seek(cell[1]);
      return undefined;
    }
    anchor = cell;
    target = view.widget?.cellsTarget?.(event) ?? 'query';
    canvas.setPointerCapture(event.pointerId);
    return pick(anchor, cell);
  }));
  canvas.addEventListener('pointermove', (event) => guarded(() => {
    if (!anchor) return;
    const cell = cellAt(event);
    if (!cell) return;
    if (view.info.pointer === 'seek') {
      transport.seek(cell[1]);
      return undefined;
    }
    return pick(anchor, cell);
  }));
  const release = () => { anchor = null; };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
}

function wireControls() {
  let debounce = 0;
  $('input-text').addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => guarded(() => rebuild()), INPUT_DEBOUNCE_MS);
  });
  $('input-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      clearTimeout(debounce);
      guarded(() => rebuild());
    }
  });
  $('preset').addEventListener('change', (event) => {
    if (event.target.selectedIndex === 0) return;
    $('input-text').value = event.target.value;
    event.target.selectedIndex = 0;
    guarded(() => rebuild());
  });
  $('random-go').addEventListener('click', () => guarded(() => withEngine((stepwise) => {
    const size = Number($('random-size').value);
    const seed = Number($('random-seed').value);
    if (!Number.isInteger(size) || size < 0 || size > 10000) {
      showInputError({ message: `random n must be a whole number from 0 to 10,000, not '${$('random-size').value}'` }, '');
      return;
    }
    if (!Number.isInteger(seed) || seed < 0) {
      showInputError({ message: `seed must be a whole number of 0 or more, not '${$('random-seed').value}'` }, '');
      return;
    }
    $('input-text').value = stepwise.randomInput(view.algorithm, size, seed);
    return rebuild();
  })));
  $('compare').addEventListener('change', () => guarded(() => rebuild()));
  wireDragging($('primary-canvas'), () => view.primary);
  // The hash the user navigated to (the URL updater may have rewritten location since).
  // The hash the user went to: the URL updater may have rewritten location.hash since.
  window.addEventListener('hashchange', (event) => guarded(() => selectAlgorithm(new URL(event.newURL).hash.slice(1))));
  transport.on('step', moved);
  transport.on('playing', ({ playing }) => showPlaying(playing));
  // A number then Enter jumps to that step (presenters type it on the keyboard).
  transport.on('typing', ({ digits }) => {
    if (digits) toast(`Go to step ${digits}… (Enter)`);
    else hideToast();
  });
  transport.on('escape', () => {
    if (document.body.classList.contains('presenting')) togglePresenter(false);
  });
  transport.on('draw', () => {
    if (view.primary) dropFirstFrame();
  });
  $('play').addEventListener('click', () => guarded(() => transport.toggle()));
  $('step-forward').addEventListener('click', () => guarded(() => transport.step(1)));
  $('step-back').addEventListener('click', () => guarded(() => transport.step(-1)));
  $('to-start').addEventListener('click', () => guarded(() => transport.toStart()));
  $('to-end').addEventListener('click', () => guarded(() => transport.toEnd()));
  $('scrubber').addEventListener('input', (event) => guarded(() => transport.seek(Number(event.target.value))));
  $('speed').addEventListener('change', (event) => {
    view.speed = Number(event.target.value);
    transport.setSpeed(SPEEDS[view.speed]);
    urlState.schedule();
  });
  $('theme-toggle').addEventListener('click', () => {
    setTheme(view.theme === 'dark' ? 'light' : 'dark');
    urlState.schedule();
  });
  $('share').addEventListener('click', () => guarded(urlState.share));
  $('export-svg').addEventListener('click', () => guarded(exportSvg));
  $('export-png').addEventListener('click', () => guarded(exportPng));
  $('embed-toggle').addEventListener('click', () => guarded(toggleEmbed));
  $('present').addEventListener('click', () => togglePresenter());
  $('practice-toggle').addEventListener('click', () => togglePractice().catch(onFailure));
  $('lesson-toggle').addEventListener('click', () => toggleLesson().catch(onFailure));
  $('handout-print').addEventListener('click', () => printHandout().catch(onFailure));
  window.addEventListener('afterprint', () => document.body.classList.remove('printing-handout'));
  // Printing repaints the frames at paper resolution (and back after).
  onPrint(() => guarded(() => {
    paint(view.primary, $('primary-canvas'));
    for (const other of view.others) paint(other.player, other.canvas);
  }));
  $('record-toggle').addEventListener('click', () => recording().then((panel) => panel.toggle()).catch(onFailure));
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && document.body.classList.contains('presenting')) togglePresenter(false);
  });
  $('panic-dismiss').addEventListener('click', () => { $('panic-banner').hidden = true; });
  document.addEventListener('keydown', onKey);
  new ResizeObserver(() => transport.requestDraw()).observe($('players'));
}

/** The page's keys go to the transport, except while typing in a field. */
function onKey(event) {
  if (typingInto(event)) return;
  // The scrubber moves itself with the arrows, Home and End; Space and numbers drive the clock.
  const action = keyAction(event);
  if (event.target === $('scrubber') && action && action !== 'toggle') return;
  let used = false;
  guarded(() => { used = transport.key(event); });
  if (used) event.preventDefault();
}

/** Resolves in a task of its own, after the browser has had a turn (input, paint). */
const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

/** Starts the page: the catalogue, the controls, the first tab (or a link's state). */
export async function main() {
  // A link opens its own frame, not the one the build wrote into the page: the stage waits
  // for it (the style sheet already hides it for links to a tab, before any script runs).
  if (location.search || location.hash) document.documentElement.classList.add('opening-link');
  setTheme(window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  view.infos = catalogue.algorithms;
  view.limits = catalogue.limits;
  // The first tab's module starts loading at once, while the page fills in around it.
  const firstTab = location.hash.slice(1);
  engineFor(catalogue.find(firstTab) ? firstTab : catalogue.first).load().catch(() => {});
  // The start-up work in slices, each a task of its own: the page stays responsive (no long
  // task blocks input) while it fills in.
  await nextTask();
  fillStaticControls();
  wireControls();
  await nextTask();
  let restored = null;
  let linkProblem = '';
  try {
    // Only a link with a state needs the decoder before the first frame.
    restored = new URLSearchParams(location.search).has('algorithm')
      ? await (await links()).decodeState(location.search)
      : null;
  } catch (error) {
    linkProblem = `This link could not be read (${error.message}); here is the example instead.`;
  }
  if (restored) {
    if (restored.theme) setTheme(restored.theme);
    if (restored.speed !== undefined && restored.speed < SPEEDS.length) {
      view.speed = restored.speed;
      $('speed').value = String(restored.speed);
      transport.setSpeed(SPEEDS[view.speed]);
    }
    if (!view.infos.some((info) => info.id === restored.algorithm)) {
      linkProblem = `This link names an unknown algorithm '${restored.algorithm.slice(0, 40)}'; here is the default instead.`;
      restored = null;
    }
  }
  await selectAlgorithm(restored?.algorithm ?? location.hash.slice(1), restored);
  const refused = [$('input-error'), $('option-error')].find((box) => !box.hidden);
  if (restored && refused) {
    linkProblem = `The input in this link was refused (${refused.textContent}); here is the example instead.`;
    await selectAlgorithm(restored.algorithm);
  }
  if (linkProblem) showInputError({ message: linkProblem }, '');
  document.body.dataset.ready = 'true';
  widgets().then((loader) => loader.prefetchTabs(view.infos)).catch(() => {});
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch((error) => console.warn('offline mode unavailable:', error));
  }
}

