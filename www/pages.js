// What differs between algorithms on the page: the lede, the input label, the options the
// variant controls produce, and pointer interaction. Everything else is shared by app.js.

const $ = (id) => document.getElementById(id);
/** CSV files up to this size go into the text box; larger ones stay in wasm memory. */
const MAX_CSV_BYTES = 1 << 20;
/** The most CSV the page reads from a file (the engine's own limit). */
const MAX_CSV_FILE_BYTES = 64 << 20;
/** Generated sets up to this size are written into the text box as CSV. */
const MAX_TEXT_SAMPLES = 20_000;
/** The most samples the animation takes (one step per distinct score, the trace's cap). */
const MAX_RESIDENT_SAMPLES = 2_000_000;
const checked = (name) => document.querySelector(`input[name="${name}"]:checked`).value;

/** Reads an "r0,c0,r1,c1" box; empty means "let the engine choose". */
const rectangle = (id) => $(id).value.trim();

export const PAGES = {
  'next-greater': {
    lede: 'For every number, find the first number to its right that is bigger. A monotonic '
      + 'stack does it in one pass, O(n); the scan an interviewer rejects checks every later '
      + 'number, O(n²). Both run below on the same step clock.',
    inputLabel: 'Array',
    inputRows: 2,
    randomLabel: 'Random n',
    compareLabel: 'Run the O(n²) scan beside it, in sync',
    options: () => ({
      previous: checked('direction') === 'previous',
      smaller: checked('order') === 'smaller',
      circular: $('circular').checked,
      answer: checked('answer'),
    }),
    /** Controls whose change keeps the current step (they only change labels). */
    keepsPosition: ['answer'],
    controls: 'input[name="direction"], input[name="order"], input[name="answer"], #circular',
  },
  'summed-area': {
    lede: 'Sum any rectangle of a matrix in O(1): fill the summed-area table S once by dynamic '
      + 'programming, then read four of its cells. The same three sums give the weighted IoU of '
      + 'two rectangles — the interview question "given an image and two sub-images, compute '
      + 'A∩B / A∪B".',
    inputLabel: 'Matrix (one row per line)',
    inputRows: 5,
    randomLabel: 'Random n×n',
    compareLabel: 'Add up the cells one by one beside it, in sync',
    options: () => {
      const options = { mode: checked('mode') };
      if (rectangle('rect-a')) options.query = rectangle('rect-a');
      if (options.mode === 'iou' && rectangle('rect-b')) options.second = rectangle('rect-b');
      return options;
    },
    keepsPosition: [],
    controls: 'input[name="mode"]',
    /** Two matrices side by side need the full width: stack the two methods. */
    stacked: true,
    /** Dragging on M picks rectangle A (Shift: B). */
    draggable: true,
    hint: 'Drag on M to choose a rectangle (in IoU mode, “Drag sets” picks A or B; Shift-drag always sets B).',
  },
  intersection: {
    lede: 'Return the common values of two integer arrays in less than n² time. Sort both and '
      + 'walk them with two pointers; or count one array in a hash map; or, when one array is '
      + 'far longer, gallop through it. The nested loops an interviewer rejects run beside them.',
    inputLabel: 'Arrays a and b (one per line)',
    inputRows: 2,
    randomLabel: 'Random n',
    compareLabel: 'Run the hash map, nested loops and galloping beside it, in sync',
    options: () => ({
      mode: checked('semantics'),
      sort: $('sort-steps').checked ? 'steps' : 'collapsed',
    }),
    keepsPosition: [],
    controls: 'input[name="semantics"], #sort-steps',
    stacked: true,
    /** A few rows of cells: shorter canvases. */
    compact: true,
  },
  roc: {
    lede: 'How good is a classifier at every cut-off at once? Lower a threshold over the scores: '
      + 'each step flags more samples, moving true positives (hits) and false positives (Type I '
      + 'errors, false alarms) — what stays unflagged are misses (Type II) and correct '
      + 'rejections. TPR against FPR traces the ROC curve; the area under it is the AUC.',
    inputLabel: 'Samples (CSV: score,label)',
    inputRows: 6,
    randomLabel: 'Random n',
    compareLabel: '',
    options: () => {
      const options = { plain: $('plain').checked };
      if ($('positive-class').value.trim()) options.positive = $('positive-class').value.trim();
      return options;
    },
    keepsPosition: [],
    controls: '#plain',
    stacked: true,
    /** Dragging on the score axis or the curve moves the threshold (seeks the clock). */
    draggable: 'seek',
    /** Three panels: a tall canvas on phones. */
    tall: true,
    hint: 'Drag on the score axis or on the curve to move the threshold; everything follows.',
    /**
     * Wires the Gaussian generator and the CSV file input. Small sets go into the text box;
     * larger ones (generated above 20,000, files above 1 MB) stay in wasm memory as `Samples`.
     */
    wire({ run, setInput, setResident, isResident, reportError }) {
      /** The generator's last run: its text (small sets), or that it made resident samples. */
      let generated = null;
      const count = (value) => value.toLocaleString('en-US');
      $('separation').addEventListener('input', (event) => {
        $('separation-value').textContent = Number(event.target.value).toFixed(1);
      });
      /** Runs the generator with the settings on screen. */
      const generate = async (stepwise) => {
        const separation = Number($('separation').value);
        const size = Math.min(MAX_RESIDENT_SAMPLES, Math.max(2, Math.floor(Number($('gauss-size').value) || 2)));
        const seed = Math.max(0, Math.floor(Number($('gauss-seed').value) || 0));
        const theory = stepwise.binormalAuc(separation);
        if (size <= MAX_TEXT_SAMPLES) {
          const text = stepwise.gaussianScores(size, separation, seed);
          generated = { text, theory, separation };
          return setInput(text);
        }
        generated = { resident: true, theory, separation };
        const taken = await setResident({
          label: `${count(size)} generated samples (d′ = ${separation.toFixed(1)}, seed ${seed})`,
          source: 'generated',
          controls: { separation: String(separation), 'gauss-size': String(size), 'gauss-seed': String(seed) },
          make: (engine) => engine.Samples.gaussian(size, separation, seed),
        });
        if (!taken) generated = null;
      };
      $('gauss-go').addEventListener('click', () => run(generate));
      $('csv-file').addEventListener('change', async (event) => {
        const file = event.target.files[0];
        event.target.value = '';
        if (!file) return;
        const megabytes = (file.size / 1048576).toFixed(1);
        if (file.size > MAX_CSV_FILE_BYTES) {
          reportError(`'${file.name}' is ${megabytes} MB; the page reads at most 64 MB of CSV (the rocCurve kernel takes any size).`);
          return;
        }
        generated = null;
        if (file.size <= MAX_CSV_BYTES) {
          const text = await file.text();
          run(() => setInput(text));
          return;
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        run(() => setResident({
          label: `The samples of '${file.name}' (${megabytes} MB)`,
          source: 'file',
          controls: {},
          make: (engine, options) => engine.Samples.fromCsv(bytes, options.positive, MAX_RESIDENT_SAMPLES),
        }));
      });
      $('positive-class').addEventListener('change', () => run(() => setInput($('input-text').value)));
      return {
        /** Makes the generated samples a link asked for (their settings are in its controls). */
        regenerate: generate,
        /** After each rebuild: the empirical AUC beside the theoretical one when generated. */
        afterRebuild(player) {
          // The whole run's AUC from its last state (O(1)); result() would copy the whole curve.
          const at = player.position;
          player.seek(player.len);
          const auc = player.state().auc;
          player.seek(at);
          const fromGenerator = generated && (generated.resident ? isResident() : generated.text === $('input-text').value);
          $('auc-compare').textContent = fromGenerator
            ? `theoretical AUC Φ(d′/√2) = ${generated.theory.toFixed(4)} for d′ = ${generated.separation.toFixed(1)} · empirical AUC = ${auc.toFixed(4)}`
            : `AUC = ${auc.toFixed(4)}`;
        },
      };
    },
  },
};

/** Writes the rectangle between two picked cells into A's (or B's) box. */
export function pickRectangle(from, to, second) {
  const [r0, r1] = [Math.min(from[0], to[0]), Math.max(from[0], to[0])];
  const [c0, c1] = [Math.min(from[1], to[1]), Math.max(from[1], to[1])];
  $(second ? 'rect-b' : 'rect-a').value = `${r0},${c0},${r1},${c1}`;
}

/**
 * Sets B relative to A for one of the IoU edge cases inside a rows × columns matrix. Returns
 * null when the matrix leaves no room for that case (A covers it, say).
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
  const beside = (gap) => [
    c1 + gap < columns && [r0, c1 + gap, r1, Math.min(columns - 1, c1 + gap + width)],
    r1 + gap < rows && [r1 + gap, c0, Math.min(rows - 1, r1 + gap + height), c1],
    c0 - gap >= 0 && [r0, Math.max(0, c0 - gap - width), r1, c0 - gap],
    r0 - gap >= 0 && [Math.max(0, r0 - gap - height), c0, r0 - gap, c1],
  ].find(Boolean) ?? null;
  const cases = {
    identical: a,
    inside: [r0, c0, r0, c0],
    touching: beside(1),
    disjoint: beside(2),
  };
  const b = cases[kind];
  return b && { a: a.join(','), b: b.join(',') };
}
