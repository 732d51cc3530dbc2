// @ts-check
// Quiz mode: "what happens next?" questions made from the trace of the current input.
//
// Each algorithm writes its own questions in Rust, in its folder, from the event about to
// happen (`player.question()`, in the full module): the value S[r][c] takes (wrong answers are
// the formula's classic slips), which indices an arriving item pops, which pointer moves, how
// TP and FP change as the threshold drops, whether a request is allowed. Where a step has no
// question of its own, the choices are the next step's narration and nearby steps'.

import { $, el } from './dom.js';

const CHOICES = 4;

/** A deterministic shuffle, so a class sees the same order on every screen. */
function arrange(options, position) {
  const order = options.map((text, index) => [((index + 1) * 2654435761 + position * 40503) % 97, text]);
  order.sort((left, right) => left[0] - right[0]);
  return order.map(([, text]) => text);
}

/**
 * The question at `position`: `{ prompt, answer, options, why }`, `why` being the next step's
 * narration (shown after answering); null at the end of the run.
 */
export function makeQuestion(player, position) {
  if (position >= player.len) return null;
  const asked = player.question();
  if (asked) {
    // Choices arrive arranged; a number question's `answer` is the number, `choice` its index.
    const answer = asked.choices[asked.kind === 'number' ? asked.choice : asked.answer];
    return { prompt: asked.prompt, answer, options: asked.choices, why: asked.explanation };
  }
  const sentenceAt = (step) => {
    player.seek(step);
    return player.narration();
  };
  const why = sentenceAt(position + 1);
  const options = [why];
  const nearby = [position + 2, position + 3, position - 1, position + 4, position - 2, position + 6, position + 8];
  for (const step of nearby) {
    if (options.length >= CHOICES) break;
    if (step < 1 || step > player.len) continue;
    const sentence = sentenceAt(step);
    if (!options.includes(sentence)) options.push(sentence);
  }
  player.seek(position);
  return { prompt: 'Which sentence describes the next step?', answer: why, options: arrange(options, position), why };
}

/**
 * Builds the quiz card's contents into its (empty) section.
 * @param {HTMLElement} card
 */
function fillCard(card) {
  card.setAttribute('aria-labelledby', 'quiz-heading');
  card.append(
    el('h2', { id: 'quiz-heading' }, 'What happens next?'),
    el('p', { class: 'help', id: 'quiz-score', 'aria-live': 'polite' }, 'Pick the next step before it happens.'),
    el('p', { class: 'quiz-prompt', id: 'quiz-prompt', 'aria-live': 'polite' }),
    el('div', { class: 'quiz-options', id: 'quiz-options', role: 'group', 'aria-labelledby': 'quiz-prompt' }),
    el('p', { class: 'quiz-feedback', id: 'quiz-feedback', 'aria-live': 'polite' }),
  );
}

/** Wires the quiz card: asks at the current step, grades, then moves one step on. */
export function createQuiz({ getPlayer, getPosition, advance }) {
  fillCard($('quiz'));
  const score = { right: 0, asked: 0 };
  let current = null;

  function ask() {
    const player = getPlayer();
    const list = $('quiz-options');
    $('quiz-feedback').textContent = '';
    current = player ? makeQuestion(player, getPosition()) : null;
    if (current) current.position = getPosition();
    if (!current) {
      list.replaceChildren();
      $('quiz-prompt').textContent = '';
      $('quiz-feedback').textContent = 'The run is over: go back or pick another input to keep playing.';
      return;
    }
    $('quiz-prompt').textContent = current.prompt;
    list.replaceChildren(...current.options.map((sentence) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = sentence;
      button.addEventListener('click', () => answer(button, sentence));
      return button;
    }));
  }

  function answer(button, sentence) {
    if (!current || current.answered) return;
    if (current.position !== getPosition()) {
      // The clock moved since the question was asked: ask about where we are now.
      ask();
      return;
    }
    current.answered = true;
    const right = sentence === current.answer;
    score.asked += 1;
    if (right) score.right += 1;
    button.dataset.result = right ? 'right' : 'wrong';
    if (!right) {
      for (const other of $('quiz-options').children) {
        if (other.textContent === current.answer) other.dataset.result = 'right';
      }
    }
    $('quiz-feedback').textContent = right ? `Right. ${current.why}` : `Not quite: the highlighted answer is right. ${current.why}`;
    $('quiz-score').textContent = `Score: ${score.right} of ${score.asked}`;
    advance();
    setTimeout(ask, 1800);
  }

  return {
    ask,
    toggle() {
      const card = $('quiz');
      card.hidden = !card.hidden;
      $('quiz-toggle').setAttribute('aria-expanded', String(!card.hidden));
      if (!card.hidden) ask();
    },
  };
}
