// @ts-check
// The front end of the Stepwise Jupyter widget (an anywidget module): one <stepwise-player>
// per view with an input field under it, its attributes and lesson notes from the model's
// traits, `step` and `input` synced both ways and `length`, `result` and `error` written back. Bundled with the
// element by `cargo xtask dist` into stepwise_jupyter/static/widget.js. The engine and the
// palette arrive as traits, because a widget's module is a blob with no URL to find files
// beside it; a notebook imports one copy of this bundle per widget, and the hand-over reaches
// the element whichever copy defined it.

import { useFiles } from '../../../www/embed.js';

/** The traits that are the element's attributes of the same name. */
const ATTRIBUTE_TRAITS = ['algorithm', 'input', 'variant', 'controls', 'speed'];
/** The traits that are the element's boolean attributes. */
const FLAG_TRAITS = ['autoplay', 'loop'];
/** The traits whose change makes a new run, which starts at step 0. */
const RUN_TRAITS = ['algorithm', 'input', 'variant'];

/**
 * @typedef {object} Model the part of anywidget's model this widget uses
 * @property {(name: string) => any} get
 * @property {(name: string, value: unknown) => void} set
 * @property {() => void} save_changes
 * @property {(event: string, callback: () => void) => void} on
 * @property {(event: string, callback: () => void) => void} off
 */

/** @typedef {HTMLElement & { step: number, length: number, result: unknown }} PlayerElement */

/**
 * The element's theme for the trait's value: `auto` follows the notebook (JupyterLab and
 * Notebook 7 mark a dark theme on the body, VS Code with a class).
 * @param {string} theme
 */
function themeFor(theme) {
  if (theme !== 'auto') return theme;
  const body = document.body;
  return body.dataset.jpThemeLight === 'false' || body.classList.contains('vscode-dark') ? 'dark' : 'light';
}

/**
 * Sets `player`'s attribute `name` to `value` (removes it for null), only when that changes
 * it: the element reacts to every set, and `algorithm`, `input`, `variant` and `mode` make a
 * new run.
 * @param {PlayerElement} player
 * @param {string} name
 * @param {string | null} value
 */
function setAttribute(player, name, value) {
  if (player.getAttribute(name) === value) return;
  if (value === null) player.removeAttribute(name);
  else player.setAttribute(name, value);
}

/**
 * Writes the model's traits onto `player`'s attributes.
 * @param {Model} model
 * @param {PlayerElement} player
 */
function applyAttributes(model, player) {
  handOver(model);
  for (const name of ATTRIBUTE_TRAITS) setAttribute(player, name, String(model.get(name) ?? '') || null);
  for (const name of FLAG_TRAITS) setAttribute(player, name, model.get(name) ? '' : null);
  setAttribute(player, 'mode', model.get('practice') ? 'practice' : 'watch');
  for (const [trait, name] of [['from_step', 'from'], ['to_step', 'to']]) {
    const value = model.get(trait);
    setAttribute(player, name, Number.isInteger(value) ? String(value) : null);
  }
  setAttribute(player, 'theme', themeFor(model.get('theme')));
  player.style.setProperty('--stepwise-height', model.get('height') || '300px');
}

/**
 * Writes the model's lesson as the player's `<stepwise-note>` children (text only; the
 * element reads them as they change).
 * @param {Model} model
 * @param {PlayerElement} player
 */
function applyNotes(model, player) {
  const notes = (model.get('notes') ?? []).map((/** @type {{ at: number, text: string, pause: boolean }} */ lesson) => {
    const note = document.createElement('stepwise-note');
    note.setAttribute('at', String(lesson.at));
    note.toggleAttribute('pause', Boolean(lesson.pause));
    note.textContent = lesson.text;
    return note;
  });
  player.replaceChildren(...notes);
}

/**
 * The input field under the player: edited here as in the page's input box, it runs on
 * Enter or when the field is left.
 * @param {Model} model
 * @param {(values: Record<string, unknown>) => void} send
 */
function inputField(model, send) {
  const label = document.createElement('label');
  label.className = 'stepwise-widget-input';
  label.textContent = 'Input ';
  const field = document.createElement('input');
  field.type = 'text';
  field.spellcheck = false;
  field.placeholder = "the algorithm's example";
  field.value = model.get('input');
  const commit = () => {
    if (field.value !== model.get('input')) send({ input: field.value });
  };
  field.addEventListener('change', commit);
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commit();
  });
  label.append(field);
  return { label, field };
}

/**
 * Hands the element the module of the algorithm the model names, and the palette: the wheel
 * carries one module per algorithm, and Python sends the one in use (a widget's module is a
 * blob, with no URL to find files beside it). Before the algorithm attribute is set, so that
 * the element finds it when it builds.
 * @param {Model} model
 */
function handOver(model) {
  const source = model.get('_module');
  const wasm = /** @type {DataView<ArrayBuffer> | null} */ (model.get('_wasm'));
  const modules = source && wasm
    ? { [model.get('_module_algorithm')]: { source, wasm: new Uint8Array(wasm.buffer, wasm.byteOffset, wasm.byteLength) } }
    : {};
  useFiles({ modules, paletteCss: model.get('_palette') });
}

/** @param {{ model: Model, el: HTMLElement }} view */
function render({ model, el }) {
  /** Writes `values` into the model and sends them to Python. */
  const send = (/** @type {Record<string, unknown>} */ values) => {
    for (const [name, value] of Object.entries(values)) model.set(name, value);
    model.save_changes();
  };

  const player = /** @type {PlayerElement} */ (document.createElement('stepwise-player'));
  applyAttributes(model, player);
  applyNotes(model, player);
  const step = model.get('step');
  if (step) player.setAttribute('step', String(step));
  const { label, field } = inputField(model, send);
  el.classList.add('stepwise-widget');
  // Keys pressed in the widget are the player's and the field's, not notebook shortcuts
  // (Lumino's opt-out attribute).
  el.setAttribute('data-lm-suppress-shortcuts', 'true');
  el.append(player, label);

  // The player's events, written back. Its step event follows every build, so `step` is
  // right after a new run too.
  const onStep = (/** @type {Event} */ event) => {
    const shown = /** @type {CustomEvent} */ (event).detail.step;
    if (shown !== model.get('step')) send({ step: shown });
  };
  const onReady = (/** @type {Event} */ event) => {
    send({ length: /** @type {CustomEvent} */ (event).detail.length, result: player.result, error: '' });
  };
  const onError = (/** @type {Event} */ event) => {
    send({ error: /** @type {CustomEvent} */ (event).detail.message, length: 0, result: null });
  };
  player.addEventListener('stepwise-step', onStep);
  player.addEventListener('stepwise-ready', onReady);
  player.addEventListener('stepwise-error', onError);

  // The model's changes, applied.
  const onStepChange = () => {
    if (player.step !== model.get('step')) player.step = model.get('step');
  };
  const onRunChange = () => {
    if (field.value !== model.get('input')) field.value = model.get('input');
    // A new run starts at step 0 unless Python moves it (a step set with it comes after).
    player.removeAttribute('step');
    applyAttributes(model, player);
  };
  const onLookChange = () => applyAttributes(model, player);
  const onNotesChange = () => applyNotes(model, player);
  const runEvents = RUN_TRAITS.map((name) => `change:${name}`);
  const lookEvents = ['controls', 'speed', 'autoplay', 'loop', 'practice', 'theme', 'height', 'from_step', 'to_step']
    .map((name) => `change:${name}`);
  model.on('change:step', onStepChange);
  model.on('change:notes', onNotesChange);
  for (const event of runEvents) model.on(event, onRunChange);
  for (const event of lookEvents) model.on(event, onLookChange);
  // theme "auto" follows the notebook when its theme changes later.
  const themeWatch = new MutationObserver(onLookChange);
  themeWatch.observe(document.body, { attributes: true, attributeFilter: ['data-jp-theme-light', 'class'] });

  return () => {
    themeWatch.disconnect();
    model.off('change:step', onStepChange);
    model.off('change:notes', onNotesChange);
    for (const event of runEvents) model.off(event, onRunChange);
    for (const event of lookEvents) model.off(event, onLookChange);
    player.remove();
    label.remove();
  };
}

export default { render };
