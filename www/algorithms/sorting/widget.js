// @ts-check
// Sorting's bespoke widget: play against the adversary. The learner picks two items, the
// adversary answers so as to keep more orders possible, and the figure of the adversary (every
// method is shown) counts the orders left against ⌈log2 n!⌉: "sort 5 in 7". The questions are
// the `asks` option, so the adversary's logic stays in Rust and a link keeps the game.

import { el } from '../../dom.js';

/** The most items the adversary's game plays with: Rust's `sorting::MAX_GAME_ITEMS`. */
const MAX_GAME_ITEMS = 6;

/** ⌈log2 n!⌉ for the small n of the game. */
function bound(n) {
  let bits = 0;
  for (let k = 2; k <= n; k += 1) bits += Math.log2(k);
  return Math.ceil(bits - 1e-9);
}

/**
 * @param {import('../../widget.js').WidgetHost} host
 * @returns {import('../../widget.js').Widget}
 */
export function createWidget(host) {
  const items = el('div', { class: 'row', role: 'group', 'aria-label': 'Items to compare' });
  const note = el('p', { class: 'help', 'aria-live': 'polite' });
  const restart = el('button', { type: 'button', class: 'quiet-button' }, 'Start over');
  host.controls.append(
    el('h3', {}, 'Play against the adversary'),
    el('p', { class: 'help' }, 'Pick two items to compare; the adversary answers so that as many orders as possible stay. Can you sort n items in ⌈log2 n!⌉ questions?'),
    items, note, restart,
  );
  /** @type {number | null} */
  let picked = null;

  const asked = () => String(host.options().asks ?? '').trim();
  const count = () => host.inputText().split(/[\s,]+/).filter(Boolean).length;

  /** The item buttons for the input's n, and the goal. */
  function refresh() {
    const n = count();
    const questions = asked() ? asked().split(/[^0-9]+/).filter(Boolean).length / 2 : 0;
    picked = null;
    if (n < 2 || n > MAX_GAME_ITEMS) {
      items.replaceChildren();
      note.textContent = `The game plays with 2 to ${MAX_GAME_ITEMS} items; this input has ${n}. Try the preset "Five for the adversary".`;
      return;
    }
    items.replaceChildren(...Array.from({ length: n }, (_, index) => {
      const button = el('button', { type: 'button', class: 'quiet-button', 'aria-pressed': 'false' }, `#${index + 1}`);
      button.addEventListener('click', () => pick(index + 1, button));
      return button;
    }));
    note.textContent = `Sort ${n} in ${bound(n)}: ${questions} question${questions === 1 ? '' : 's'} asked so far.`;
  }

  /**
   * The first click picks an item, the second asks the question.
   * @param {number} item 1-based
   * @param {HTMLElement} button
   */
  function pick(item, button) {
    if (picked === null) {
      picked = item;
      button.setAttribute('aria-pressed', 'true');
      return;
    }
    if (picked === item) {
      picked = null;
      button.setAttribute('aria-pressed', 'false');
      return;
    }
    const asks = `${asked()} ${picked} ${item}`.trim();
    host.setOptions({ ...host.options(), asks }, { seekEnd: true, compare: true }).then(refresh).catch(host.onFailure);
  }

  restart.addEventListener('click', () => {
    host.setOptions({ ...host.options(), asks: '' }, { seekEnd: false }).then(refresh).catch(host.onFailure);
  });

  return {
    optionsChanged: refresh,
    afterRebuild: refresh,
    shown: refresh,
  };
}
