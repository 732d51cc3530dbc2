// Quiz mode: "what happens next?" questions made from the trace of the current input. The right
// answer is the next step's narration; the wrong ones are other steps of the same run, so every
// question is about this input and this algorithm (which index is popped, which pointer moves,
// what goes into S[i][j], which cell of the confusion matrix changes).

const CHOICES = 4;

/** Up to `CHOICES` distinct sentences: the next step's and nearby steps', shuffled by position. */
export function makeQuestion(player, position) {
  if (position >= player.len) return null;
  const sentenceAt = (step) => {
    player.seek(step);
    return player.narration();
  };
  const answer = sentenceAt(position + 1);
  const options = [answer];
  const nearby = [position + 2, position + 3, position - 1, position + 4, position - 2, position + 6, position + 8];
  for (const step of nearby) {
    if (options.length >= CHOICES) break;
    if (step < 1 || step > player.len) continue;
    const sentence = sentenceAt(step);
    if (!options.includes(sentence)) options.push(sentence);
  }
  player.seek(position);
  // A deterministic shuffle, so a class sees the same order on every screen.
  const order = options.map((sentence, index) => [((index + 1) * 2654435761 + position * 40503) % 97, sentence]);
  order.sort((left, right) => left[0] - right[0]);
  return { answer, options: order.map(([, sentence]) => sentence) };
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
      $('quiz-feedback').textContent = 'The run is over: go back or pick another input to keep playing.';
      return;
    }
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
    $('quiz-feedback').textContent = right ? 'Right.' : 'Not quite: the highlighted sentence is what happens.';
    $('quiz-score').textContent = `Score: ${score.right} of ${score.asked}`;
    advance();
    setTimeout(ask, 900);
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
