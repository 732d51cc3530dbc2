// @ts-check
// Practice: the learner performs each step. The animation moves on only when the learner says
// what the next step does; a wrong answer gets a hint and another try, a right one plays the
// step with its narration. Score and streak are kept; "New case" starts again on a fresh random
// input. The questions are the algorithm's own, written in Rust in its folder and read through
// `player.question()` (the full module). Where a click is the natural answer ("which bar does
// it pop?"), clicking the picture answers too (`player.pick`); a wrong answer rings the values
// the question is about (`player.hint`). One controller for the page and for
// `<stepwise-player mode="practice">`: each host gives it a container, its canvas and callbacks.

import { el } from '../dom.js';

/** How close a typed number must be to count as right, relative to its size. */
const TOLERANCE = 1e-6;

/**
 * @typedef {object} PracticeHost
 * @property {HTMLElement} container where the practice panel goes (its children are replaced)
 * @property {() => any} player the current Player (of the full module), or null
 * @property {HTMLCanvasElement} canvas the canvas that player draws on (clicks answer)
 * @property {() => void} redraw draws the player again (after a hint rings values)
 * @property {() => void} advance plays the next step, with its motion and narration
 * @property {() => void} newCase starts again on a fresh random input of the same kind
 * @property {string} [prefix] a prefix for the panel's ids (unique in its document)
 */

/**
 * Builds the practice panel into `host.container` and returns how to drive it: `ask()` after
 * every move of the clock (it keeps asking the same question while the step is the same).
 * @param {PracticeHost} host
 */
export function createPractice(host) {
  const prefix = host.prefix ?? 'practice';
  const score = { right: 0, asked: 0, streak: 0 };
  const status = el('p', { class: 'practice-score', id: `${prefix}-score`, 'aria-live': 'polite' });
  const prompt = el('p', { class: 'practice-prompt', id: `${prefix}-prompt`, 'aria-live': 'polite' });
  const click = el('p', { class: 'practice-click', id: `${prefix}-click` });
  const choices = el('div', { class: 'practice-choices', id: `${prefix}-choices`, role: 'group', 'aria-labelledby': `${prefix}-prompt` });
  const typed = el('input', { type: 'text', inputmode: 'decimal', id: `${prefix}-number`, autocomplete: 'off', spellcheck: 'false', 'aria-labelledby': `${prefix}-prompt` });
  const check = el('button', { type: 'submit', class: 'quiet-button' }, 'Check');
  const form = el('form', { class: 'practice-number', id: `${prefix}-form` }, typed, check);
  const feedback = el('p', { class: 'practice-feedback', id: `${prefix}-feedback`, 'aria-live': 'polite' });
  const again = el('button', { type: 'button', class: 'quiet-button', id: `${prefix}-new` }, 'New case');
  host.container.replaceChildren(el('h2', {}, 'Practice: you do the next step'), status, prompt, click, choices, form, feedback, again);

  /** The question on screen: of which player, where, what it is, how many wrong tries so far. */
  let current = /** @type {{ player: any, position: number, question: any, tries: number } | null} */ (null);

  function showScore() {
    status.textContent = `Score ${score.right} of ${score.asked} · streak ${score.streak}`;
  }

  /** Asks about the step `forward()` takes next; a step with no question plays on its own. */
  function ask() {
    const player = host.player();
    if (!player) return;
    if (current && current.player === player && current.position === player.position) return;
    current = null;
    choices.replaceChildren();
    form.hidden = true;
    click.hidden = true;
    host.canvas.classList.remove('pickable');
    if (player.position >= player.len) {
      prompt.textContent = `Done: ${score.right} of ${score.asked} right first time. "New case" gives you another.`;
      return;
    }
    const question = player.question();
    if (!question) {
      feedback.textContent = 'That step happens on its own: read the narration.';
      host.advance();
      return;
    }
    current = { player, position: player.position, question, tries: 0 };
    prompt.textContent = question.prompt;
    if (question.click) {
      click.hidden = false;
      click.textContent = `${question.click} (Or pick below.)`;
      host.canvas.classList.add('pickable');
    }
    if (question.kind === 'number') {
      form.hidden = false;
      typed.value = '';
    } else {
      choices.replaceChildren(...question.choices.map((/** @type {string} */ text, /** @type {number} */ index) => {
        const button = el('button', { type: 'button' }, text);
        button.addEventListener('click', () => grade(index === question.answer, button));
        return button;
      }));
    }
  }

  /**
   * Right: the step plays. Wrong: a hint, and the question stays.
   * @param {boolean} right
   * @param {HTMLButtonElement | null} button the choice picked, if any
   * @param {string} [hint] what to say when wrong, before pointing at the picture
   */
  function grade(right, button, hint = '') {
    if (!current) return;
    if (current.tries === 0) score.asked += 1;
    if (right) {
      // First-time answers count; a streak is first-time answers in a row.
      if (current.tries === 0) {
        score.right += 1;
        score.streak += 1;
      }
      if (button) button.dataset.result = 'right';
      feedback.textContent = `Right. ${current.question.explanation}`;
      showScore();
      host.advance();
      return;
    }
    current.tries += 1;
    score.streak = 0;
    if (button) {
      button.dataset.result = 'wrong';
      button.disabled = true;
      // After two misses, one more wrong choice goes: the hint narrows the field.
      const left = [...choices.children].filter((other) => !(/** @type {HTMLButtonElement} */ (other)).disabled);
      if (current.tries >= 2 && left.length > 2) {
        const wrong = left.find((other) => other.textContent !== current?.question.choices[current.question.answer]);
        if (wrong) {
          (/** @type {HTMLButtonElement} */ (wrong)).disabled = true;
          (/** @type {HTMLElement} */ (wrong)).dataset.result = 'wrong';
        }
      }
    }
    if (current.question.focus) {
      current.player.hint(true);
      host.redraw();
    }
    const look = current.question.focus ? 'Look at what is ringed on the picture.' : 'Look again at the values in the question.';
    feedback.textContent = ['Not quite.', hint, look, 'Try again.'].filter(Boolean).join(' ');
    showScore();
  }

  /**
   * A click on the picture: the answer it means, graded like the choice with that text.
   * @param {MouseEvent} event
   */
  function clicked(event) {
    if (!current || host.container.hidden || !current.question.click) return;
    const bounds = host.canvas.getBoundingClientRect();
    const answer = current.player.pick(event.clientX - bounds.left, event.clientY - bounds.top, bounds.width, bounds.height);
    if (answer === undefined) {
      feedback.textContent = `Nothing to answer there. ${current.question.click}`;
      return;
    }
    const index = current.question.choices.indexOf(answer);
    const button = /** @type {HTMLButtonElement | null} */ (index >= 0 ? choices.children[index] : null);
    if (button?.disabled) return;
    grade(index >= 0 && index === current.question.answer, button, `You clicked “${answer}”.`);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current) return;
    const value = Number(typed.value.trim().replace(',', '.'));
    const expected = current.question.answer;
    if (typed.value.trim() === '' || !Number.isFinite(value)) {
      feedback.textContent = 'Type a number, such as 12 or 0.25.';
      return;
    }
    const right = Math.abs(value - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
    grade(right, null, value > expected ? 'Too high.' : 'Too low.');
  });
  host.canvas.addEventListener('click', clicked);
  again.addEventListener('click', () => {
    current = null;
    feedback.textContent = '';
    host.newCase();
  });
  showScore();

  /** Leaves practice: no rings, no clickable picture; `ask()` starts again. */
  function stop() {
    if (current && current.player === host.player()) current.player.hint(false);
    current = null;
    host.canvas.classList.remove('pickable');
    host.redraw();
  }

  return {
    ask,
    stop,
    /** The score so far. */
    get score() {
      return { ...score };
    },
  };
}
