// @ts-check
// Weak labels' bespoke widget: the sources' analysis table (Snorkel's LFAnalysis: coverage,
// overlaps, conflicts, accuracy on the seed set), "label the most uncertain" (the learner's
// labels join the votes as one more, trusted source through the `feedback` option, and the
// model runs again), the generator of votes (sources of given accuracies and coverages) and a
// CSV file of votes. Everything it shows comes from the player's state (`Describe for State`
// in crates/core/src/algo/weak_labels/mod.rs); it computes nothing of its own.
//
// Loaded by the page when the registry says `widget: true`; see `WidgetHost` in widget.js.

import { adoptStyles, el } from '../../dom.js';

/** The most documents the engine lists as uncertain (`Problem::uncertain(12)`). */
const MOST_UNCERTAIN = 12;

/** The generator's two cases: sources of very different quality, and sources all alike. */
const CASES = {
  different: { accuracies: '0.95 0.62 0.58 0.55 0.55', coverage: '0.7', items: '300', classes: '3', seed: '3' },
  alike: { accuracies: '0.7 0.7 0.7 0.7 0.7', coverage: '0.7', items: '300', classes: '3', seed: '3' },
};

/** The widget's styles, once per document (the page's CSP allows no inline styles). */
const STYLE = `
.wl-stage { display: grid; gap: var(--space-4); }
.wl-card { display: grid; gap: var(--space-3); min-width: 0; }
.wl-card h2 { margin-bottom: 0; }
.wl-card .help { margin-top: 0; max-width: 75ch; }
.wl-summary { font-size: var(--text-s); color: var(--muted); font-variant-numeric: tabular-nums; }
.wl-summary b { color: var(--ink); font-weight: 650; }
.wl-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
.wl-scroll:focus-visible { outline: 3px solid var(--current); outline-offset: 2px; }
.wl-table { border-collapse: collapse; width: 100%; font-size: var(--text-s); font-variant-numeric: tabular-nums; }
.wl-table th, .wl-table td { padding: var(--space-2) var(--space-3); text-align: right; white-space: nowrap; border-bottom: 1px solid var(--faint); vertical-align: top; }
.wl-table thead th {
  font-size: var(--text-xs); font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em;
  background: var(--page); vertical-align: bottom; white-space: normal; line-height: 1.3;
}
.wl-table tbody tr:last-child > * { border-bottom: 0; }
.wl-table .wl-source {
  position: sticky; left: 0; z-index: 1; text-align: left; font-weight: 600; white-space: normal; min-width: 15ch;
  padding-left: calc(var(--space-3) + 3ch); text-indent: -3ch;
  background: var(--surface); box-shadow: inset -1px 0 0 var(--faint);
}
.wl-table thead .wl-source { background: var(--page); }
.wl-table .wl-index { display: inline-block; min-width: 3ch; text-indent: 0; color: var(--muted); font-weight: 500; }
.wl-table .wl-of { color: var(--muted); font-size: var(--text-xs); }
.wl-table .wl-none { color: var(--muted); }
.wl-table .wl-yours > * { background: var(--code-active); }
.wl-tag { display: inline-block; text-indent: 0; margin-left: var(--space-2); padding: 0 var(--space-2); border-radius: 999px; font-size: var(--text-xs); font-weight: 600; color: var(--accent-ink); background: var(--accent); }
.wl-meter { display: block; height: 3px; margin-top: 3px; margin-left: auto; width: 6ch; background: var(--faint); border-radius: 2px; overflow: hidden; }
.wl-meter > span { display: block; height: 100%; background: var(--accent); }
.wl-pick { display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-2); }
.wl-pick input[type="number"] { width: 6ch; min-height: 44px; }
.wl-button { min-height: 44px; }
.wl-primary { color: var(--accent-ink); background: var(--accent); border-color: var(--accent); }
.wl-card button:disabled, .wl-controls button:disabled { opacity: 0.45; cursor: default; }
.wl-uncertain { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--space-2); container-type: inline-size; }
.wl-document { border: 1px solid var(--line); border-radius: 8px; padding: var(--space-3); background: var(--page); min-width: 0; }
.wl-document-body { display: grid; gap: var(--space-2) var(--space-4); align-items: center; }
@container (min-width: 640px) { .wl-document-body { grid-template-columns: minmax(0, 1fr) auto; } }
.wl-title { font-size: var(--text-s); font-weight: 600; overflow-wrap: anywhere; }
.wl-number { color: var(--muted); font-weight: 500; font-variant-numeric: tabular-nums; margin-right: var(--space-2); }
.wl-probabilities { display: block; width: 100%; height: 6px; margin-top: var(--space-2); border-radius: 3px; }
.wl-choices { display: flex; flex-wrap: wrap; gap: var(--space-2); }
.wl-class {
  position: relative; display: inline-flex; align-items: center; gap: var(--space-2); min-height: 44px;
  padding: 0 var(--space-3); border: 1px solid var(--line); border-radius: 999px; background: var(--surface);
  color: var(--ink); font-size: var(--text-s); cursor: pointer;
}
.wl-class input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0; cursor: pointer; }
.wl-class:hover { border-color: var(--accent); }
.wl-class:has(input:checked) { border-color: var(--accent); box-shadow: inset 0 0 0 1px var(--accent); font-weight: 650; }
.wl-class:has(input:checked) .wl-class-name::before { content: "✓ "; color: var(--accent); }
.wl-class:has(input:focus-visible) { outline: 3px solid var(--current); outline-offset: 2px; }
.wl-share { color: var(--muted); font-weight: 400; font-variant-numeric: tabular-nums; }
.wl-swatch { width: 10px; height: 10px; border-radius: 50%; flex: none; }
/* On a phone the classes share a row: each name above its colour and the model's share. */
@media (max-width: 560px) {
  .wl-choices { display: grid; grid-template-columns: repeat(auto-fit, minmax(84px, 1fr)); }
  .wl-class {
    display: grid; grid-template-columns: auto auto; justify-content: center; align-content: center;
    gap: 0 var(--space-1); padding: var(--space-1) var(--space-2); border-radius: 8px; text-align: center; line-height: 1.25;
  }
  .wl-class-name { grid-row: 1; grid-column: 1 / -1; }
  .wl-class .wl-swatch { grid-row: 2; grid-column: 1; align-self: center; }
  .wl-class .wl-share { grid-row: 2; grid-column: 2; }
  .wl-class:has(input:checked) .wl-class-name::before { content: none; }
  .wl-class:has(input:checked)::after { content: "✓"; position: absolute; top: 1px; right: 5px; font-size: var(--text-xs); color: var(--accent); }
  .wl-table th, .wl-table td { padding: var(--space-2); }
  .wl-table .wl-source { padding-left: calc(var(--space-2) + 3ch); }
}
.wl-c0 { fill: var(--waiting); background: var(--waiting); }
.wl-c1 { fill: var(--current); background: var(--current); }
.wl-c2 { fill: var(--resolved); background: var(--resolved); }
.wl-c3 { fill: var(--accent); background: var(--accent); }
.wl-c4 { fill: var(--compared); background: var(--compared); }
.wl-c5 { fill: var(--ink); background: var(--ink); }
.wl-status { font-size: var(--text-s); font-variant-numeric: tabular-nums; min-height: 1.5em; }
.wl-status b { font-weight: 650; }
.wl-controls .wl-accuracies { width: 100%; }
/* The feedback option's box (the page's control) holds a growing list of pairs: full width. */
.rect-row[data-option="feedback"] .rect-input { width: 100%; }
.wl-controls .wl-grid { display: grid; grid-template-columns: auto 1fr auto 1fr; align-items: center; gap: var(--space-2) var(--space-2); margin-top: var(--space-3); }
.wl-controls .wl-grid input { width: 100%; min-width: 0; }
`;

/** A share as a percentage for the table: whole percent, `<1%` for a sliver. */
function percent(/** @type {number} */ share) {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/** An accuracy as the counters and narration write it: one decimal. */
const accuracyText = (/** @type {number} */ share) => `${(share * 100).toFixed(1)}%`;

/** The colour class of class `index` (the picture's order: view.rs `class_color`). */
const colourClass = (/** @type {number} */ index) => `wl-c${index % 6}`;

/**
 * @typedef {{ name: string, coverage: number | null, overlaps: number | null, conflicts: number | null,
 *   seedAccuracy: number | null, seedVotes: number | null }} SourceFacts
 * @typedef {{ item: number, title: string, probabilities: number[] }} Uncertain
 * @typedef {{ origin: string, items: number, classes: string[], sources: SourceFacts[],
 *   majorityAccuracy: number | null, modelAccuracy: number | null, uncertain: Uncertain[] }} Described
 */

/** The name of the learner's labels as a source (Rust's `YOUR_LABELS`). */
const YOUR_LABELS = 'your labels';

/**
 * @param {import('../../widget.js').WidgetHost} host
 * @returns {import('../../widget.js').Widget}
 */
export function createWidget(host) {
  adoptStyles(STYLE);
  const { textBytes } = host.limits();

  // The analysis table, in the stage.
  const summary = el('p', { class: 'wl-summary', id: 'wl-summary' });
  const body = el('tbody');
  const table = el('table', { class: 'wl-table', id: 'wl-analysis-table', 'aria-labelledby': 'wl-analysis-heading', 'aria-describedby': 'wl-analysis-note' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', class: 'wl-source' }, el('span', { class: 'wl-index' }, '#'), 'Source'),
      el('th', { scope: 'col', title: 'the share of documents the source votes on' }, 'Coverage'),
      el('th', { scope: 'col', title: 'the share of documents it votes on where another source votes too' }, 'Overlaps'),
      el('th', { scope: 'col', title: 'the share of documents it votes on where another source votes a different class' }, 'Conflicts'),
      el('th', { scope: 'col', title: 'agreement with the seed set on the seed documents it votes on' }, 'Seed accuracy'))),
    body);
  const note = el('p', { class: 'help', id: 'wl-analysis-note' });
  const analysis = el('section', { class: 'card wl-card', id: 'wl-analysis', 'aria-labelledby': 'wl-analysis-heading' },
    el('h2', { id: 'wl-analysis-heading' }, 'The sources at a glance'),
    summary,
    // Scrolls sideways inside its own box on a phone, never the page; focusable for the keys.
    el('div', { class: 'wl-scroll', tabindex: '0', role: 'region', 'aria-label': 'The analysis table, one row per source' }, table),
    note);

  // Label the most uncertain, in the stage.
  const count = el('input', { type: 'number', id: 'wl-count', min: '1', max: String(MOST_UNCERTAIN), value: '5', inputmode: 'numeric' });
  const show = el('button', { type: 'button', class: 'quiet-button wl-button', id: 'wl-show' }, 'Label the most uncertain');
  const list = el('ol', { class: 'wl-uncertain', id: 'wl-uncertain', 'aria-label': 'The documents the label model is least sure of' });
  const add = el('button', { type: 'button', class: 'quiet-button wl-button wl-primary', id: 'wl-add', disabled: true }, 'Add my labels and run again');
  const clear = el('button', { type: 'button', class: 'quiet-button wl-button', id: 'wl-clear', disabled: true }, 'Clear my labels');
  const actions = el('div', { class: 'wl-pick', hidden: true }, add);
  const status = el('p', { class: 'wl-status', id: 'wl-feedback-status', 'aria-live': 'polite' });
  const feedback = el('section', { class: 'card wl-card', id: 'wl-feedback', 'aria-labelledby': 'wl-feedback-heading' },
    el('h2', { id: 'wl-feedback-heading' }, 'Label the most uncertain'),
    el('p', { class: 'help' }, 'The label model is least sure of these documents. Say what each one is: your labels join the votes as one more source, “your labels”, and the model runs again. Unsure? Leave it.'),
    el('div', { class: 'wl-pick' },
      el('label', { class: 'field inline', for: 'wl-count' }, 'How many'), count, show, clear),
    list, actions, status);
  host.stage.classList.add('wl-stage');
  host.stage.append(analysis, feedback);

  // The generator and the CSV file, in the variant card.
  const accuracies = el('input', { type: 'text', id: 'wl-accuracies', class: 'rect-input wl-accuracies', value: CASES.different.accuracies, spellcheck: 'false', autocomplete: 'off', inputmode: 'decimal', 'aria-describedby': 'wl-accuracies-help' });
  const coverage = el('input', { type: 'text', id: 'wl-coverage', class: 'rect-input', value: CASES.different.coverage, spellcheck: 'false', autocomplete: 'off', inputmode: 'decimal' });
  const items = el('input', { type: 'number', id: 'wl-items', min: '2', max: '2000', value: CASES.different.items, inputmode: 'numeric' });
  const classes = el('input', { type: 'number', id: 'wl-classes', min: '2', max: '8', value: CASES.different.classes, inputmode: 'numeric' });
  const seed = el('input', { type: 'number', id: 'wl-seed', min: '0', value: CASES.different.seed, inputmode: 'numeric' });
  const generateButton = el('button', { type: 'button', class: 'quiet-button', id: 'wl-generate' }, 'Generate votes');
  const different = el('button', { type: 'button', class: 'quiet-button', id: 'wl-different' }, 'Very different sources');
  const alike = el('button', { type: 'button', class: 'quiet-button', id: 'wl-alike' }, 'All alike');
  const generated = el('p', { class: 'help', id: 'wl-generated', 'aria-live': 'polite' });
  const file = el('input', { type: 'file', id: 'wl-csv', accept: '.csv,.tsv,.txt,text/csv,text/plain' });
  host.controls.classList.add('wl-controls');
  host.controls.append(
    el('h3', {}, 'Generate votes'),
    el('p', { class: 'help' }, 'Each source votes on a share of the items (its coverage) and is right with its accuracy, else it says a random wrong class. With sources of very different quality the label model wins: it learns whom to trust. With sources all alike it does not: counting votes is already optimal, and the label model’s only edge is that it breaks the majority’s ties, which the majority leaves unlabelled.'),
    el('div', { class: 'row' }, different, alike),
    el('div', { class: 'row' },
      el('label', { class: 'field inline', for: 'wl-accuracies' }, 'Accuracies, one per source'), accuracies),
    el('p', { class: 'help', id: 'wl-accuracies-help' }, 'shares from 0 to 1, e.g. 0.95 0.6 0.58 0.55 0.55'),
    el('div', { class: 'wl-grid' },
      el('label', { class: 'field inline', for: 'wl-coverage' }, 'coverage'), coverage,
      el('label', { class: 'field inline', for: 'wl-items' }, 'items'), items,
      el('label', { class: 'field inline', for: 'wl-classes' }, 'classes'), classes,
      el('label', { class: 'field inline', for: 'wl-seed' }, 'seed'), seed),
    el('div', { class: 'row' }, generateButton),
    generated,
    el('h3', {}, 'Votes of your own'),
    el('div', { class: 'row' },
      el('label', { class: 'quiet-button file-button' }, 'Open a CSV of votes…', file)),
    el('p', { class: 'help' }, `One column per source (a class 0, 1, … or -1, - or nothing to abstain), an optional header, and a column named gold to measure accuracy. Up to ${Math.round(textBytes / 1024).toLocaleString('en-US')} KB, read in your browser, never uploaded.`),
  );

  /** The run on screen, as the player describes it. @type {Described | null} */
  let described = null;
  /** The learner's choices in the list: document key → class. @type {Map<string, number>} */
  const choices = new Map();
  /** The generator's settings of the last votes it made, for links. @type {Record<string, string>} */
  let made = {};
  /** True while the widget's own rebuild runs (the list refreshes after it, not during). */
  let busy = false;

  /** The documents' key for a choice: the same document while the data stays the same. */
  const keyOf = (/** @type {Uncertain} */ entry) => `${entry.item}\u0000${entry.title}`;

  /** The `feedback` option's text. */
  const feedbackText = () => String(host.options().feedback ?? '').trim();

  /** How many `document = class` pairs the feedback holds. */
  const pairs = (/** @type {string} */ text) => text.split(/[,;\n]/).filter((pair) => pair.trim()).length;

  /** Fills the table and the summary from the run on screen. */
  function fillTable() {
    if (!described) return;
    const { sources, origin, majorityAccuracy, modelAccuracy } = described;
    summary.replaceChildren(origin);
    if (modelAccuracy !== null && majorityAccuracy !== null) {
      summary.append(' · label model ', el('b', {}, accuracyText(modelAccuracy)), ' right, majority vote ',
        el('b', {}, accuracyText(majorityAccuracy)), ' (against the gold labels)');
    } else {
      summary.append(' · no gold labels: accuracy cannot be measured');
    }
    body.replaceChildren(...sources.map((source, index) => {
      const yours = source.name === YOUR_LABELS;
      const share = (/** @type {number | null} */ value) => {
        if (value === null) return el('td', { class: 'wl-none' }, '—');
        const meter = el('span', { class: 'wl-meter', 'aria-hidden': 'true' }, el('span'));
        // Through the CSSOM: the CSP allows no style attribute.
        /** @type {HTMLElement} */ (meter.firstElementChild).style.width = `${Math.min(100, value * 100)}%`;
        return el('td', {}, percent(value), meter);
      };
      const seedCell = source.seedAccuracy === null
        ? el('td', { class: 'wl-none' }, '—')
        : el('td', {}, percent(source.seedAccuracy), ' ', el('span', { class: 'wl-of' }, `of ${source.seedVotes}`));
      return el('tr', { class: yours ? 'wl-yours' : undefined, 'data-source': source.name },
        el('th', { scope: 'row', class: 'wl-source' }, el('span', { class: 'wl-index' }, String(index + 1)), source.name,
          ...(yours ? [el('span', { class: 'wl-tag' }, 'trusted')] : [])),
        share(source.coverage), share(source.overlaps), share(source.conflicts), seedCell);
    }));
    const seeded = sources.some((source) => source.seedAccuracy !== null);
    note.textContent = seeded
      ? 'Coverage: the share of documents a source votes on. Overlaps: where another source votes too. Conflicts: where another source votes a different class. Seed accuracy is what a practitioner can measure: agreement with the small labelled seed set, itself about 15% wrong, on the seed documents the source votes on (of n). The label model never sees it.'
      : 'Coverage: the share of items a source votes on. Overlaps: where another source votes too. Conflicts: where another source votes a different class. There is no seed set here (generated votes or a CSV), so no accuracy a practitioner could measure: the label model has only the sources’ agreements to go on.';
  }

  /** Lists the `k` documents the model is least sure of, keeping choices made of them. */
  function fillList() {
    if (!described) return;
    const wanted = Math.min(MOST_UNCERTAIN, Math.max(1, Math.floor(Number(count.value) || 5)));
    const shown = described.uncertain.slice(0, wanted);
    const names = described.classes;
    const keys = new Set(shown.map(keyOf));
    for (const key of [...choices.keys()]) if (!keys.has(key)) choices.delete(key);
    list.replaceChildren(...shown.map((entry) => {
      const key = keyOf(entry);
      const number = entry.item + 1;
      const name = `wl-document-${number}`;
      const titleId = `wl-title-${number}`;
      const bar = barOf(entry.probabilities, names);
      const choicesRow = el('div', { class: 'wl-choices' }, ...names.map((className, index) => {
        const share = entry.probabilities[index] ?? 0;
        const input = el('input', {
          type: 'radio', name, value: String(index), checked: choices.get(key) === index,
          'aria-label': `${className} (the model: ${Math.round(share * 100)}%)`,
        });
        input.addEventListener('change', () => {
          choices.set(key, index);
          add.disabled = busy;
        });
        return el('label', { class: 'wl-class', 'data-class': className },
          input, el('span', { class: `wl-swatch ${colourClass(index)}`, 'aria-hidden': 'true' }),
          el('span', { class: 'wl-class-name' }, className), el('span', { class: 'wl-share', 'aria-hidden': 'true' }, `${Math.round(share * 100)}%`));
      }));
      return el('li', { class: 'wl-document', 'data-item': String(entry.item) },
        el('div', { class: 'wl-document-body', role: 'radiogroup', 'aria-labelledby': titleId },
          el('div', {}, el('p', { class: 'wl-title', id: titleId }, el('span', { class: 'wl-number' }, `#${number}`),
            // Votes without titles (a CSV, the generator) are named "item N": the number says it.
            entry.title === `item ${number}` ? '' : entry.title), bar),
          choicesRow));
    }));
    if (!shown.length) {
      list.replaceChildren(el('li', { class: 'help' }, 'Nothing left to label: you have labelled every document.'));
    }
    actions.hidden = !shown.length;
    add.disabled = busy || choices.size === 0;
  }

  /**
   * The model's probabilities of one document as a stacked bar in the picture's class colours
   * (the percentages are on the class buttons too, for screen readers).
   * @param {number[]} probabilities
   * @param {string[]} names
   */
  function barOf(probabilities, names) {
    const namespace = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(namespace, 'svg');
    svg.setAttribute('class', 'wl-probabilities');
    svg.setAttribute('viewBox', '0 0 100 6');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('aria-hidden', 'true');
    let left = 0;
    names.forEach((_, index) => {
      const width = Math.max(0, (probabilities[index] ?? 0) * 100);
      const rect = document.createElementNS(namespace, 'rect');
      rect.setAttribute('class', colourClass(index));
      rect.setAttribute('x', left.toFixed(2));
      rect.setAttribute('y', '0');
      rect.setAttribute('width', width.toFixed(2));
      rect.setAttribute('height', '6');
      svg.append(rect);
      left += width;
    });
    return svg;
  }

  /** The Clear button follows the feedback option. */
  function refreshClear() {
    clear.disabled = busy || feedbackText() === '';
  }

  /** A class as the feedback writes it: by name, or by number where the name would not read back. */
  function classWord(/** @type {number} */ index) {
    const names = described?.classes ?? [];
    const name = names[index] ?? String(index);
    const readsBack = !/[,;=:\n]/.test(name) && name.trim() === name
      && names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === index;
    return readsBack ? name : String(index);
  }

  /**
   * Sets the feedback option (rebuilding to the run's end) and says how the accuracies moved.
   * @param {string} text the new feedback
   * @param {string} what what changed, for the status line
   */
  async function runWith(text, what) {
    const before = described;
    busy = true;
    add.disabled = true;
    clear.disabled = true;
    status.textContent = 'Running again…';
    try {
      const ok = await host.setOptions({ feedback: text }, { seekEnd: true });
      if (!ok) {
        status.textContent = 'Your labels were not taken: see the message under the options.';
        return;
      }
      const after = described;
      status.replaceChildren(...change(before, after, what));
    } finally {
      busy = false;
      refreshClear();
      if (!list.hidden && described) fillList();
    }
  }

  /**
   * The status line after a run: the label model's (and the majority's) accuracy before → after.
   * @param {Described | null} before
   * @param {Described | null} after
   * @param {string} what
   * @returns {Array<Node | string>}
   */
  function change(before, after, what) {
    const labelled = pairs(feedbackText());
    const tally = labelled ? ` You have labelled ${labelled} document${labelled === 1 ? '' : 's'}.` : '';
    if (typeof before?.modelAccuracy !== 'number' || typeof after?.modelAccuracy !== 'number') {
      return [`${what} No gold labels here, so the accuracy cannot be measured.${tally}`];
    }
    const model = [el('b', {}, accuracyText(before.modelAccuracy)), ' → ', el('b', {}, accuracyText(after.modelAccuracy))];
    const majority = after.majorityAccuracy !== null && before.majorityAccuracy !== null
      ? [`; majority vote ${accuracyText(before.majorityAccuracy)} → ${accuracyText(after.majorityAccuracy)}`]
      : [];
    return [`${what} Label model: `, ...model, ' right', ...majority, `.${tally}`];
  }

  show.addEventListener('click', () => {
    list.hidden = false;
    fillList();
    list.querySelector('input')?.focus();
  });
  count.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') show.click();
  });
  count.addEventListener('change', () => {
    if (!list.hidden && list.childElementCount) fillList();
  });
  list.hidden = true;
  // The page's keys step the animation (arrows) and play it (Space) even from a radio button:
  // here they choose a class, as radio buttons do.
  list.addEventListener('keydown', (event) => {
    const radio = event.target instanceof HTMLInputElement && event.target.type === 'radio';
    if (radio && [' ', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) event.stopPropagation();
  });

  add.addEventListener('click', () => {
    if (!described || choices.size === 0) return;
    const shown = described.uncertain;
    const added = [];
    for (const entry of shown) {
      const chosen = choices.get(keyOf(entry));
      if (chosen !== undefined) added.push(`${entry.item + 1} = ${classWord(chosen)}`);
    }
    if (!added.length) return;
    const current = feedbackText();
    const text = [current, ...added].filter(Boolean).join(', ');
    choices.clear();
    const what = `${added.length} label${added.length === 1 ? '' : 's'} added.`;
    host.run(() => runWith(text, what));
  });
  clear.addEventListener('click', () => {
    choices.clear();
    host.run(() => runWith('', 'Your labels cleared.'));
  });

  /** The generator's settings on screen. */
  function settings() {
    const words = (/** @type {string} */ text) => text.split(/[\s,]+/).filter(Boolean).join(' ');
    return {
      accuracies: words(accuracies.value),
      coverage: words(coverage.value) || '0.7',
      items: items.value.trim() || '300',
      classes: classes.value.trim() || '3',
      seed: seed.value.trim() || '0',
    };
  }

  /** Puts a case's settings into the form. @param {Record<string, string>} values */
  function fill(values) {
    accuracies.value = values.accuracies;
    coverage.value = values.coverage;
    items.value = values.items;
    classes.value = values.classes;
    seed.value = values.seed;
  }

  /**
   * Replaces the input, dropping the learner's labels first: they name documents of the old data.
   * @param {string} text
   */
  async function replaceInput(text) {
    choices.clear();
    status.textContent = '';
    if (feedbackText() !== '') await host.setOptions({ feedback: '' });
    return host.setInput(text);
  }

  /** Writes the generator's settings into the text box, which rebuilds. */
  async function generate() {
    const current = settings();
    const text = `items: ${current.items}\nclasses: ${current.classes}\naccuracies: ${current.accuracies}\ncoverages: ${current.coverage}\nseed: ${current.seed}\n`;
    const taken = await replaceInput(text);
    if (taken) {
      made = { 'wl-accuracies': current.accuracies, 'wl-coverage': current.coverage, 'wl-items': current.items, 'wl-classes': current.classes, 'wl-seed': current.seed };
      const sources = current.accuracies.split(' ').length;
      generated.textContent = `Generated: ${current.items} items × ${sources} sources, seed ${current.seed}. Press End to see where both end.`;
    } else {
      generated.textContent = 'Not generated: see the message under the input.';
    }
    return taken;
  }

  generateButton.addEventListener('click', () => host.run(generate));
  different.addEventListener('click', () => {
    fill(CASES.different);
    host.run(generate);
  });
  alike.addEventListener('click', () => {
    fill(CASES.alike);
    host.run(generate);
  });
  for (const input of [accuracies, coverage, items, classes, seed]) {
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') host.run(generate);
    });
  }

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    if (chosen.size > textBytes) {
      const kilobytes = (/** @type {number} */ bytes) => Math.ceil(bytes / 1024).toLocaleString('en-US');
      host.reportError(`'${chosen.name}' is ${kilobytes(chosen.size)} KB; the page reads at most ${kilobytes(textBytes)} KB of votes (the labelModel kernel takes any size).`);
      return;
    }
    const text = await chosen.text();
    generated.textContent = '';
    host.run(() => replaceInput(text));
  });

  return {
    /** What a link needs: the generator's settings of the votes it made, and the list's size. */
    state() {
      const wanted = count.value.trim();
      return { ...made, ...(wanted && wanted !== '5' ? { 'wl-count': wanted } : {}) };
    },
    restore(state) {
      const text = (/** @type {string} */ key) => (typeof state[key] === 'string' ? /** @type {string} */ (state[key]) : null);
      accuracies.value = text('wl-accuracies') ?? accuracies.value;
      coverage.value = text('wl-coverage') ?? coverage.value;
      items.value = text('wl-items') ?? items.value;
      classes.value = text('wl-classes') ?? classes.value;
      seed.value = text('wl-seed') ?? seed.value;
      count.value = text('wl-count') ?? count.value;
      made = Object.fromEntries(['wl-accuracies', 'wl-coverage', 'wl-items', 'wl-classes', 'wl-seed']
        .filter((key) => text(key) !== null).map((key) => [key, /** @type {string} */ (text(key))]));
    },
    optionsChanged: refreshClear,
    /** After each rebuild: the table, and the list when it is open (not during the widget's own run). */
    afterRebuild(player) {
      described = /** @type {Described} */ (player.state());
      fillTable();
      refreshClear();
      if (!busy && !list.hidden) fillList();
    },
    reset() {
      busy = false;
      refreshClear();
    },
  };
}
