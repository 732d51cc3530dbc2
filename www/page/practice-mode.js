// @ts-check
// Practice mode on the page: the learner does the steps and the clock moves only when they
// answer. The quiz itself (player/practice.js) loads on first use, on the primary player.

import { $ } from '../dom.js';
import { guarded, transport, view } from './view.js';

let practiceModule = null;
/** Practice mode's controller (player/practice.js), on the full module's players. */
export function practice() {
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

/** True while the learner does the steps: the clock moves only when they answer. */
export const practising = () => !$('practice').hidden;

export async function togglePractice() {
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
