// @ts-check
// The variant controls, generated from an algorithm's declared options (Rust's `OptionSpec`,
// as `algorithms()` lists them): a checkbox for a flag, segments for a switch or a choice, a
// text box for text or a number (a number box would silently drop what it cannot read; Rust
// reads the text and says what is wrong with it). They read and write one option map in the words of the JS API, the same
// map links and embeds store.

import { el } from './dom.js';

/**
 * @typedef {{ value: string, label: string }} Choice
 * @typedef {{ key: string, label: string, kind: 'flag' | 'switch' | 'choice' | 'number' | 'text',
 *   choices: Choice[], placeholder: string, onChange: 'restart' | 'keep' | 'end',
 *   shownWhen: { key: string, value: string } | null }} OptionSpec
 * @typedef {Record<string, boolean | string>} OptionMap
 */

/** True for the options typed into a box (text and numbers). */
const typed = (/** @type {OptionSpec} */ spec) => spec.kind === 'text' || spec.kind === 'number';

/** The id of the control for option `key` (a text box or checkbox), or its radios' name. */
export const controlId = (/** @type {string} */ key) => `option-${key}`;

/**
 * Builds the controls of `specs` into `container` (replacing what was there) and calls
 * `onChange(spec)` when one changes. Returns how to read and set them.
 * @param {HTMLElement} container
 * @param {OptionSpec[]} specs
 * @param {(spec: OptionSpec) => void} onChange
 */
export function createControls(container, specs, onChange) {
  /** @type {Map<string, HTMLElement>} */
  const rows = new Map();
  container.replaceChildren(...specs.map((spec) => {
    const id = controlId(spec.key);
    let row;
    if (spec.kind === 'flag') {
      row = el('label', { class: 'check' }, el('input', { type: 'checkbox', id }), ` ${spec.label}`);
    } else if (typed(spec)) {
      const number = spec.kind === 'number';
      row = el('div', { class: 'row rect-row' },
        el('label', { class: 'field inline', for: id }, spec.label),
        el('input', {
          type: 'text', id, class: number ? 'number-input' : 'rect-input', placeholder: spec.placeholder,
          spellcheck: 'false', autocomplete: 'off', ...(number ? { inputmode: 'decimal' } : {}),
        }));
    } else {
      row = el('fieldset', { class: 'segmented' }, el('legend', {}, spec.label),
        ...spec.choices.map((choice, index) => el('label', {},
          el('input', { type: 'radio', name: id, value: choice.value, checked: index === 0 }), ` ${choice.label}`)));
    }
    row.dataset.option = spec.key;
    const event = typed(spec) ? 'change' : 'input';
    row.addEventListener(event, () => {
      updateVisibility();
      onChange(spec);
    });
    rows.set(spec.key, row);
    return row;
  }));

  /**
   * The current value of one option.
   * @param {OptionSpec} spec
   * @returns {boolean | string}
   */
  function valueOf(spec) {
    const id = controlId(spec.key);
    if (spec.kind === 'flag') return /** @type {HTMLInputElement} */ (container.querySelector(`#${id}`)).checked;
    if (typed(spec)) return /** @type {HTMLInputElement} */ (container.querySelector(`#${id}`)).value.trim();
    const checked = /** @type {HTMLInputElement | null} */ (container.querySelector(`input[name="${id}"]:checked`));
    const value = checked?.value ?? spec.choices[0].value;
    return spec.kind === 'switch' ? value === 'true' : value;
  }

  /** @param {OptionSpec} spec */
  function shown(spec) {
    if (!spec.shownWhen) return true;
    const other = specs.find((candidate) => candidate.key === spec.shownWhen?.key);
    return !other || valueOf(other) === spec.shownWhen.value;
  }

  function updateVisibility() {
    for (const spec of specs) {
      const row = rows.get(spec.key);
      if (row) row.hidden = !shown(spec);
    }
  }
  updateVisibility();

  return {
    /** The options to run with: every shown option, blank text left out. */
    read() {
      /** @type {OptionMap} */
      const options = {};
      for (const spec of specs) {
        const value = valueOf(spec);
        if (shown(spec) && value !== '') options[spec.key] = value;
      }
      return options;
    },
    /**
     * The options that differ from their defaults (what an embed's `variant` needs).
     * @returns {OptionMap}
     */
    changed() {
      const byDefault = (/** @type {OptionSpec} */ spec) => (spec.kind === 'choice' ? spec.choices[0].value : false);
      return Object.fromEntries(Object.entries(this.read())
        .filter(([key, value]) => value !== byDefault(specs.find((spec) => spec.key === key))));
    },
    /**
     * Sets the controls named in `options` (unknown keys and values are ignored); the others
     * keep their values.
     * @param {OptionMap} options
     */
    set(options) {
      for (const spec of specs) {
        const id = controlId(spec.key);
        if (!Object.hasOwn(options, spec.key)) continue;
        const value = options[spec.key];
        if (spec.kind === 'flag') {
          /** @type {HTMLInputElement} */ (container.querySelector(`#${id}`)).checked = value === true;
        } else if (typed(spec)) {
          /** @type {HTMLInputElement} */ (container.querySelector(`#${id}`)).value = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
        } else {
          const wanted = spec.kind === 'switch' ? String(value === true || value === 'true') : String(value);
          const radios = /** @type {NodeListOf<HTMLInputElement>} */ (container.querySelectorAll(`input[name="${id}"]`));
          const match = [...radios].find((radio) => radio.value === wanted) ?? radios[0];
          if (match) match.checked = true;
        }
      }
      updateVisibility();
    },
  };
}

/**
 * An option map as the words of an embed's `variant` attribute: `previous smaller mode=iou
 * query=0,1,1,3` (flags by name, other values as key=value, spaces in text become commas).
 * @param {OptionMap} options
 */
export function variantWords(options) {
  return Object.entries(options)
    .filter(([, value]) => value !== false && value !== '')
    .map(([key, value]) => (value === true ? key : `${key}=${String(value).trim().replace(/[\s,]+/g, ',')}`))
    .join(' ');
}
