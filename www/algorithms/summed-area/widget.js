// @ts-check
// The summed-area table's bespoke widgets: which rectangle a drag sets, the IoU edge cases one
// click away, and image mode (a picture's table filling, then a box blur from it).
//
// Loaded by the page when the registry says `widget: true`; see `WidgetHost` in widget.js.

import { el } from '../../dom.js';

/**
 * @param {import('../../widget.js').WidgetHost} host
 * @returns {import('../../widget.js').Widget}
 */
export function createWidget(host) {
  const dragTarget = el('fieldset', { class: 'segmented' }, el('legend', {}, 'Drag sets'),
    el('label', {}, el('input', { type: 'radio', name: 'drag-target', value: 'a', checked: true }), ' A'),
    el('label', {}, el('input', { type: 'radio', name: 'drag-target', value: 'b' }), ' B'));
  const cases = [['disjoint', 'disjoint'], ['touching', 'touching'], ['inside', 'inside A'], ['identical', 'identical']];
  const caseRow = el('div', { class: 'row', role: 'group', 'aria-label': 'IoU edge cases' },
    el('span', { class: 'field inline' }, 'B is'),
    ...cases.map(([kind, label]) => {
      const button = el('button', { type: 'button', class: 'quiet-button', 'data-case': kind }, label);
      button.addEventListener('click', () => placeCase(kind, label));
      return button;
    }));
  host.controls.append(dragTarget, caseRow);

  /** Puts B relative to A for one edge case, or says why there is no room. */
  function placeCase(/** @type {string} */ kind, /** @type {string} */ label) {
    const state = host.primary()?.state();
    if (!state || state.rows === 0) return;
    const placed = edgeCase(kind, state.rows, state.columns, String(host.options().query ?? ''));
    if (!placed) {
      host.reportOptionError(`No room in the ${state.rows}×${state.columns} matrix for a B that is ${label} A: make A smaller first.`);
      return;
    }
    host.setOptions({ query: placed.a, second: placed.b }, { seekEnd: true });
  }

  const image = imageSection();
  host.stage.append(image.section);
  /** @type {Promise<any> | null} */
  let imageMode = null;
  const withImageMode = (/** @type {(mode: any) => void} */ action) => {
    imageMode ??= import('./image-mode.js').then(({ createImageMode }) => createImageMode({
      run: host.run,
      getTheme: host.theme,
      onFailure: host.onFailure,
    }));
    imageMode.then(action).catch(host.onFailure);
  };
  new ResizeObserver(() => { if (imageMode) withImageMode((mode) => mode.draw()); }).observe(image.canvas);
  // A picture chosen before image mode started (its section not yet scrolled to) starts it.
  const file = /** @type {HTMLInputElement} */ (image.section.querySelector('input[type="file"]'));
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (chosen) withImageMode((mode) => mode.open(chosen));
  });

  const iou = () => host.options().mode === 'iou';
  return {
    optionsChanged() {
      dragTarget.hidden = !iou();
      caseRow.hidden = !iou();
    },
    cellsTarget(event) {
      const dragsB = /** @type {HTMLInputElement | null} */ (dragTarget.querySelector('input:checked'))?.value === 'b';
      return iou() && (event.shiftKey || dragsB) ? 'second' : 'query';
    },
    state() {
      const value = /** @type {HTMLInputElement | null} */ (dragTarget.querySelector('input:checked'))?.value;
      return value === 'b' ? { dragTarget: 'b' } : {};
    },
    restore(state) {
      const radio = /** @type {HTMLInputElement | null} */ (dragTarget.querySelector(`input[value="${state.dragTarget === 'b' ? 'b' : 'a'}"]`));
      if (radio) radio.checked = true;
    },
    shown() {
      // Image mode (and the kernel library it runs on) starts when its section scrolls into
      // view: opening the tab loads the tab's own module and nothing more.
      const starter = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        starter.disconnect();
        withImageMode((mode) => mode.show());
      });
      starter.observe(image.section);
    },
    draw() {
      if (imageMode) withImageMode((mode) => mode.draw());
    },
    reset() {
      if (imageMode) withImageMode((mode) => mode.reset());
    },
  };
}

/** Image mode's section: its buttons, blur slider, status lines and canvas. */
function imageSection() {
  const canvas = el('canvas', { id: 'image-canvas', role: 'img', 'aria-label': 'The image and its summed-area table' });
  const section = el('section', { class: 'player image-mode', 'aria-labelledby': 'image-heading' },
    el('div', { class: 'image-head' },
      el('h2', { id: 'image-heading' }, 'Integral image'),
      el('p', { class: 'lede' }, 'This is what summed-area tables are for: Viola–Jones face detection and box filters read any rectangle of an image in O(1), whatever its size.')),
    el('div', { class: 'image-controls' },
      el('button', { type: 'button', class: 'quiet-button', id: 'image-pattern' }, 'Test pattern'),
      el('label', { class: 'quiet-button file-button' }, 'Open an image…', el('input', { type: 'file', id: 'image-file', accept: 'image/*' })),
      el('button', { type: 'button', class: 'quiet-button', id: 'image-refill' }, 'Fill again'),
      el('label', { class: 'slider' }, 'Blur radius ',
        el('input', { type: 'range', id: 'blur-radius', min: '0', max: '32', value: '0', 'aria-describedby': 'image-status' }),
        ' ', el('output', { id: 'blur-value', for: 'blur-radius' }, '0'))),
    el('p', { class: 'help', id: 'image-status', 'aria-live': 'polite' }, 'The file stays in your browser: nothing is uploaded.'),
    el('p', { class: 'error', id: 'image-error', role: 'alert', hidden: true }),
    el('div', { class: 'canvas-box' }, canvas));
  return { section, canvas };
}

/**
 * Sets B relative to A for one of the IoU edge cases inside a rows × columns matrix. Returns
 * null when the matrix leaves no room for that case (A covers it, say).
 * @param {string} kind
 * @param {number} rows
 * @param {number} columns
 * @param {string} current A as typed ("r0,c0,r1,c1"), or "" for the default
 */
export function edgeCase(kind, rows, columns, current) {
  const numbers = current.split(/[\s,]+/).filter(Boolean).map(Number);
  const valid = numbers.length === 4 && numbers.every(Number.isInteger)
    && numbers[0] <= numbers[2] && numbers[1] <= numbers[3]
    && numbers[2] < rows && numbers[3] < columns && numbers[0] >= 0 && numbers[1] >= 0;
  const [r0, c0, r1, c1] = valid
    ? numbers
    : [0, 0, Math.max(0, Math.floor(rows / 2) - 1), Math.max(0, Math.floor(columns / 2) - 1)];
  const a = [r0, c0, r1, c1];
  const height = r1 - r0;
  const width = c1 - c0;
  // Candidate places for B, first that fits wins: right, below, left, above A.
  const beside = (/** @type {number} */ gap) => [
    c1 + gap < columns && [r0, c1 + gap, r1, Math.min(columns - 1, c1 + gap + width)],
    r1 + gap < rows && [r1 + gap, c0, Math.min(rows - 1, r1 + gap + height), c1],
    c0 - gap >= 0 && [r0, Math.max(0, c0 - gap - width), r1, c0 - gap],
    r0 - gap >= 0 && [Math.max(0, r0 - gap - height), c0, r0 - gap, c1],
  ].find(Boolean) || null;
  /** @type {Record<string, number[] | null>} */
  const cases = {
    identical: a,
    inside: [r0, c0, r0, c0],
    touching: beside(1),
    disjoint: beside(2),
  };
  const b = cases[kind];
  return b && { a: a.join(','), b: b.join(',') };
}
