// Quiz mode: "what happens next?" questions made from the trace of the current input.
//
// Each algorithm's first method has its own kind of question, built from the state before and
// after the next step: the value S[r][c] takes (wrong answers are the formula's classic slips),
// what the stack does when an item arrives, which pointer moves, how TP and FP change as the
// threshold drops (wrong answers include moving the misses instead of the hits). Where a step
// has no such question, the choices are the next step's narration and nearby steps' narrations.

const CHOICES = 4;

/** A number as the narration writes it (up to 10 significant digits). */
function show(value) {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}

/** A signed count change, e.g. "+2". */
function change(count) {
  return `+${count.toLocaleString('en-US')}`;
}

/** The summed-area fill: what goes into the next cell, against the formula's classic slips. */
function fillQuestion(before, after) {
  if (after.filled !== before.filled + 1 || before.columns === 0) return null;
  const width = before.columns + 1;
  const row = 1 + Math.floor(before.filled / before.columns);
  const column = 1 + (before.filled % before.columns);
  const value = before.matrix[(row - 1) * before.columns + column - 1];
  const up = before.table[(row - 1) * width + column];
  const left = before.table[row * width + column - 1];
  const diagonal = before.table[(row - 1) * width + column - 1];
  return {
    prompt: `S[${row}][${column}] comes next (M = ${show(value)}, above ${show(up)}, left ${show(left)}, diagonal ${show(diagonal)}). What does it hold?`,
    answer: show(after.table[row * width + column]),
    // The formula's classic slips first; near misses fill in where the slips coincide (zeros).
    wrong: [value + up + left, up + left - diagonal, value + up + left + diagonal, value + up - diagonal, value,
      2 * (value + up + left - diagonal), value + up + left - diagonal + 1, value + up + left - diagonal - 1].map(show),
  };
}

/** The monotonic stack: an item arrives; does the top pop, does popping stop, is it pushed? */
function stackQuestion(before, after) {
  const arriving = before.cursor;
  if (arriving === null || arriving === undefined || before.finished || after.finished) return null;
  const top = before.stack[before.stack.length - 1];
  const value = (index) => show(before.values[index]);
  const pop = top === undefined ? null : `Pop index ${top}: its ${before.variant} is a[${arriving}] = ${value(arriving)}`;
  const stop = top === undefined ? null : `Stop popping: a[${arriving}] = ${value(arriving)} does not settle index ${top}`;
  const push = `Push index ${arriving}: it waits for its ${before.variant}`;
  let answer;
  if (after.stack.length < before.stack.length) answer = pop;
  else if (after.stack.length > before.stack.length) answer = push;
  else if (after.cursor === arriving && top !== undefined && after.comparisons === before.comparisons + 1) answer = stop;
  else return null;
  return {
    prompt: `a[${arriving}] = ${value(arriving)} has arrived; ${top === undefined ? 'the stack is empty' : `the top of the stack is index ${top} (a[${top}] = ${value(top)})`}. What happens next?`,
    answer,
    wrong: [pop, stop, push, `Scan every item after index ${top ?? arriving} for one that beats it`].filter(Boolean),
  };
}

/** Two pointers over the sorted arrays: which one moves, and does anything go to the output? */
function pointerQuestion(before, after) {
  const sorted = before.a.length === after.a.length && before.a.every((value, index) => value === after.a[index])
    && before.b.every((value, index) => value === after.b[index]);
  if (!sorted || before.i >= before.a.length || before.j >= before.b.length) return null;
  if (after.i === before.i && after.j === before.j) return null;
  const [x, y] = [before.a[before.i], before.b[before.j]];
  const moveI = `i moves on: a[i] = ${show(x)} is the smaller`;
  const moveJ = `j moves on: b[j] = ${show(y)} is the smaller`;
  const output = `${show(x)} goes to the output; both pointers move on`;
  const skip = `Both move on without output: ${show(x)} is already in the answer`;
  let answer;
  if (after.i > before.i && after.j > before.j) answer = after.output.length > before.output.length ? output : skip;
  else if (after.i > before.i) answer = moveI;
  else answer = moveJ;
  return {
    prompt: `The pointers are at a[${before.i}] = ${show(x)} and b[${before.j}] = ${show(y)} (${before.semantics} semantics). What happens next?`,
    answer,
    wrong: [moveI, moveJ, output, ...(before.semantics === 'set' ? [skip] : [`Both pointers go back to the start`])],
  };
}

/** The ROC sweep: lowering the threshold flags more samples; which counts grow? */
function thresholdQuestion(before, after) {
  const hits = after.tp - before.tp;
  const alarms = after.fp - before.fp;
  if (!(hits >= 0 && alarms >= 0) || hits + alarms === 0) return null;
  const counts = (tp, fp) => `${change(tp)} TP, ${change(fp)} FP`;
  return {
    prompt: `The threshold drops to ${show(after.threshold)}: every sample scoring at least that is now flagged. How do the counts change?`,
    answer: counts(hits, alarms),
    wrong: [counts(alarms, hits), counts(hits + alarms, 0), counts(0, hits + alarms),
      `${change(hits)} FN, ${change(alarms)} TN`, counts(hits + alarms, hits + alarms)],
  };
}

/** Question makers for each algorithm's first method (the quiz asks about the main figure). */
const QUESTIONS = {
  'summed-area': fillQuestion,
  'next-greater': stackQuestion,
  intersection: pointerQuestion,
  roc: thresholdQuestion,
};

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
  const before = player.state();
  const sentenceAt = (step) => {
    player.seek(step);
    return player.narration();
  };
  const why = sentenceAt(position + 1);
  const after = player.state();
  const specific = QUESTIONS[player.algorithm]?.(before, after);
  if (specific) {
    player.seek(position);
    const options = [specific.answer];
    for (const text of specific.wrong) {
      if (options.length < CHOICES && !options.includes(text)) options.push(text);
    }
    return { prompt: specific.prompt, answer: specific.answer, options: arrange(options, position), why };
  }
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

/** Wires the quiz card: asks at the current step, grades, then moves one step on. */
export function createQuiz({ $, getPlayer, getPosition, advance }) {
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
