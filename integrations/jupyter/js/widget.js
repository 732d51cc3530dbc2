// @ts-check
// The front end of the Stepwise Jupyter widget (an anywidget module): one <stepwise-player>
// per view with an input field under it, its attributes from the model's traits, `step` and
// `input` synced both ways and `length`, `result` and `error` written back. Bundled with the element by `cargo xtask dist` into
// stepwise_jupyter/static/widget.js; the engine and the palette arrive as traits, because a
// widget's module is a blob with no URL to find files beside it.

import { useFiles } from '../../../www/embed.js';

/** The traits that are the element's attributes of the same name. */
const ATTRIBUTE_TRAITS = ['algorithm', 'input', 'variant', 'controls', 'speed', 'mode'];

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
/** The traits that are the element's boolean attributes. */
const FLAG_TRAITS = ['autoplay', 'loop'];

/**
 * @typedef {object} Model the part of anywidget's model this widget uses
 * @property {(name: string) => any} get
 * @property {(name: string, value: unknown) => void} set
 * @property {() => void} save_changes
 * @property {(event: string, callback: () => void) => void} on
 * @property {(event: string, callback: () => void) => void} off
 */

/**
 * Writes the model's attribute traits onto `player`.
 * @param {Model} model
 * @param {HTMLElement} player
 */
function applyAttributes(model, player) {
  for (const name of ATTRIBUTE_TRAITS) {
    const value = String(model.get(name) ?? '');
    if (value === '') player.removeAttribute(name);
    else if (player.getAttribute(name) !== value) player.setAttribute(name, value);
  }
  for (const name of FLAG_TRAITS) player.toggleAttribute(name, Boolean(model.get(name)));
  player.setAttribute('theme', themeFor(model.get('theme')));
  player.style.setProperty('--stepwise-height', model.get('height') || '300px');
}

/** @param {{ model: Model, el: HTMLElement }} view */
function render({ model, el }) {
  const wasm = /** @type {DataView<ArrayBuffer>} */ (model.get('_wasm'));
  useFiles({
    module: model.get('_module'),
    wasm: new Uint8Array(wasm.buffer, wasm.byteOffset, wasm.byteLength),
    paletteCss: model.get('_palette'),
  });
  const player = /** @type {HTMLElement & { step: number, length: number, result: unknown }} */ (
    document.createElement('stepwise-player'));
  applyAttributes(model, player);
  const step = model.get('step');
  if (step) player.setAttribute('step', String(step));
  // The input, editable here as in the page's input box: Enter or leaving the field runs it.
  const label = document.createElement('label');
  label.className = 'stepwise-widget-input';
  label.textContent = 'Input ';
  const field = document.createElement('input');
  field.type = 'text';
  field.spellcheck = false;
  field.placeholder = "the algorithm's example";
  field.value = model.get('input');
  label.append(field);
  el.classList.add('stepwise-widget');
  el.append(player, label);

  /** Writes `values` into the model and sends them to Python. */
  const send = (/** @type {Record<string, unknown>} */ values) => {
    for (const [name, value] of Object.entries(values)) model.set(name, value);
    model.save_changes();
  };
  const onStep = (/** @type {Event} */ event) => {
    const shown = /** @type {CustomEvent} */ (event).detail.step;
    if (shown !== model.get('step')) send({ step: shown });
  };
  const onReady = (/** @type {Event} */ event) => {
    send({ length: /** @type {CustomEvent} */ (event).detail.length, result: player.result, error: '', step: player.step });
  };
  const onError = (/** @type {Event} */ event) => {
    send({ error: /** @type {CustomEvent} */ (event).detail.message, length: 0, result: null });
  };
  player.addEventListener('stepwise-step', onStep);
  player.addEventListener('stepwise-ready', onReady);
  player.addEventListener('stepwise-error', onError);

  // Keys typed here are text, not notebook shortcuts (Lumino's opt-out attribute).
  label.setAttribute('data-lm-suppress-shortcuts', 'true');
  const commit = () => {
    if (field.value !== model.get('input')) send({ input: field.value });
  };
  field.addEventListener('change', commit);
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commit();
  });
  const onInputChange = () => {
    if (field.value !== model.get('input')) field.value = model.get('input');
  };
  const onStepChange = () => {
    if (player.step !== model.get('step')) player.step = model.get('step');
  };
  const onAttributeChange = () => applyAttributes(model, player);
  const attributeEvents = [...ATTRIBUTE_TRAITS, ...FLAG_TRAITS, 'theme', 'height'].map((name) => `change:${name}`);
  model.on('change:step', onStepChange);
  model.on('change:input', onInputChange);
  for (const event of attributeEvents) model.on(event, onAttributeChange);
  return () => {
    model.off('change:step', onStepChange);
    model.off('change:input', onInputChange);
    for (const event of attributeEvents) model.off(event, onAttributeChange);
    player.remove();
  };
}

export default { render };
