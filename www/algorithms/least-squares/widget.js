// @ts-check
// Least squares' bespoke widget: the generator (a true line y = 1 + 0.5x plus Gaussian,
// Laplace, Student-t or outlier noise, seeded) writes points into the text box, and the
// experiment, one click away, fits 200 data sets from the same generator under the squared,
// absolute and Huber losses and draws the spread of each loss's slopes around the true slope,
// with the verdict in plain language. Both run in Rust (`Resident.generate`, its `facts()`).
//
// Loaded by the page when the registry says `widget: true`; see `WidgetHost` in widget.js.

import { adoptStyles, el } from '../../dom.js';

/** The experiment's data sets (Rust's `DEFAULT_SAMPLES`). */
const SAMPLES = 200;

/** The noise kinds: the engine's word, the button's label and how a sentence names it. */
const NOISES = [
  ['gaussian', 'Gaussian', 'Gaussian noise'],
  ['laplace', 'Laplace', 'Laplace noise'],
  ['student-t', 'Student-t', 'Student-t noise (3 degrees of freedom)'],
  ['outliers', 'Outliers', 'Gaussian noise with 10% outliers'],
];

/** How a sentence names noise of kind `value`. */
const noisePhrase = (/** @type {string} */ value) => NOISES.find(([kind]) => kind === value)?.[2] ?? `${value} noise`;

/** Each loss: its label in the figure and the palette colour of its dots. */
const LOSSES = {
  squared: { label: 'squared', colour: 'var(--waiting)' },
  absolute: { label: 'absolute', colour: 'var(--compared)' },
  huber: { label: 'Huber', colour: 'var(--resolved)' },
};

/** The figure's styles, once per document (the page's CSP allows no inline styles). */
const STYLE = `
.ls-experiment { padding: var(--space-4); gap: var(--space-3); }
.ls-experiment h2 { margin-bottom: var(--space-1); }
.ls-experiment svg { display: block; width: 100%; height: auto; overflow: visible; font-family: var(--font); }
.ls-experiment .ls-axis { stroke: var(--line); stroke-width: 1; }
.ls-experiment .ls-grid { stroke: var(--faint); stroke-width: 1; }
.ls-experiment .ls-tick { fill: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.ls-experiment .ls-name { fill: var(--ink); font-size: 14px; font-weight: 650; }
.ls-experiment .ls-note { fill: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.ls-experiment .ls-sd { fill: var(--ink); font-size: 13px; font-weight: 400; font-variant-numeric: tabular-nums; }
.ls-experiment .ls-best { fill: var(--ink); font-weight: 700; }
.ls-experiment .ls-truth { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 5 4; }
.ls-experiment .ls-bar { stroke: var(--ink); stroke-width: 3; stroke-linecap: round; }
.ls-experiment .ls-mean { stroke: var(--ink); stroke-width: 2; }
.ls-experiment .ls-band { fill: var(--page); }
.ls-experiment .ls-verdict { font-size: var(--text-m); max-width: 75ch; }
.ls-experiment .ls-verdict strong { font-weight: 650; }
#ls-scale, #ls-size, #ls-seed { width: 7ch; }
.ls-controls #ls-noise { margin-top: var(--space-3); }
.ls-experiment .ls-halo { paint-order: stroke; stroke: var(--surface); stroke-width: 4px; stroke-linejoin: round; }
`;

/**
 * An SVG element with attributes and children.
 * @param {string} tag
 * @param {Record<string, string | number>} [attributes]
 * @param {...(Node | string)} children
 * @returns {SVGElement}
 */
function svg(tag, attributes = {}, ...children) {
  const element = /** @type {SVGElement} */ (document.createElementNS('http://www.w3.org/2000/svg', tag));
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** A standard deviation to three significant digits, as the verdict writes it. */
function sdText(/** @type {number} */ value) {
  if (!(value > 0)) return '0';
  return value >= 10 ? value.toFixed(1) : value.toPrecision(3);
}

/** Round tick values covering `low..high`, about `count` of them, and their decimals. */
function ticks(/** @type {number} */ low, /** @type {number} */ high, count = 5) {
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / power === 2.5 ? 1 : 0));
  const values = [];
  for (let value = Math.ceil(low / step - 1e-9) * step; value <= high + step * 1e-9; value += step) {
    values.push(Number(value.toFixed(decimals)));
  }
  return { values, decimals };
}

/**
 * @param {import('../../widget.js').WidgetHost} host
 * @returns {import('../../widget.js').Widget}
 */
export function createWidget(host) {
  adoptStyles(STYLE);
  const { animatedPoints = 500 } = host.limits();
  const noise = el('fieldset', { class: 'segmented', id: 'ls-noise' }, el('legend', {}, 'Noise'),
    ...NOISES.map(([value, label], index) => el('label', {},
      el('input', { type: 'radio', name: 'ls-noise', value, checked: index === 0 }), ` ${label}`)));
  const scale = el('input', { type: 'number', id: 'ls-scale', min: '0.01', max: '1000', step: '0.1', value: '1', inputmode: 'decimal' });
  const size = el('input', { type: 'number', id: 'ls-size', min: '2', max: String(animatedPoints), value: '100', inputmode: 'numeric' });
  const seed = el('input', { type: 'number', id: 'ls-seed', min: '0', value: '1', inputmode: 'numeric' });
  const go = el('button', { type: 'button', class: 'quiet-button', id: 'ls-generate' }, 'Generate');
  const experiment = el('button', { type: 'button', class: 'quiet-button', id: 'ls-experiment' }, `Run the experiment: ${SAMPLES} samples`);
  const status = el('p', { class: 'help', id: 'ls-status', 'aria-live': 'polite' });
  const error = el('p', { class: 'error', id: 'ls-error', role: 'alert', hidden: true });
  host.controls.classList.add('ls-controls');
  host.controls.append(
    el('h3', {}, 'A line plus noise'),
    el('p', { class: 'help' }, 'Points from the true line y = 1 + 0.5x, x evenly spread over 0 to 10, plus noise of the kind and scale σ (its standard deviation) you choose. The experiment draws many such data sets and fits each with every loss.'),
    noise,
    el('div', { class: 'row random' },
      el('label', { class: 'field inline', for: 'ls-scale', title: 'the noise scale' }, 'σ'), scale,
      el('label', { class: 'field inline', for: 'ls-size' }, 'n'), size,
      el('label', { class: 'field inline', for: 'ls-seed' }, 'seed'), seed),
    el('div', { class: 'row' }, go, experiment),
    status, error,
  );

  const heading = el('h2', { id: 'ls-experiment-heading' }, 'The experiment');
  const lede = el('p', { class: 'lede', id: 'ls-experiment-lede' });
  const plot = el('div', { class: 'ls-plot' });
  const legend = el('p', { class: 'help' });
  const verdict = el('p', { class: 'ls-verdict', id: 'ls-verdict' });
  const section = el('section', { class: 'player ls-experiment', 'aria-labelledby': 'ls-experiment-heading', hidden: true },
    heading, lede, plot, legend, verdict);
  host.stage.append(section);

  /** The settings on screen, limited to what the engine takes. */
  function settings() {
    const checked = /** @type {HTMLInputElement | null} */ (noise.querySelector('input:checked'));
    return {
      noise: checked?.value ?? 'gaussian',
      scale: Number(scale.value),
      n: Math.min(animatedPoints, Math.max(2, Math.floor(Number(size.value) || 2))),
      seed: Math.max(0, Math.floor(Number(seed.value) || 0)),
    };
  }

  /** The settings of the last points generated, for links. @type {Record<string, string>} */
  let made = {};
  /** The facts of the experiment on screen, redrawn when the width changes. */
  let shown = null;
  /** The settings the experiment on screen was run with, for links. @type {Record<string, string>} */
  let ran = {};
  /** A link asked for the experiment: it runs when the tab is shown. */
  let pendingExperiment = false;

  const showError = (/** @type {string} */ message) => {
    error.textContent = message;
    error.hidden = !message;
  };

  /**
   * Runs `action` with a resident handle of the generator on screen (n points, `seed`), freed
   * afterwards; an input error (a bad scale, say) is shown here, a trap goes to the page.
   * @param {any} stepwise the engine's module
   * @param {(handle: any) => any} action
   */
  function withGenerated(stepwise, action) {
    const { noise: kind, scale: sigma, n, seed: from } = settings();
    let handle = null;
    try {
      handle = stepwise.Resident.generate(host.algorithm(), n, from, { noise: kind, scale: sigma, samples: SAMPLES });
      showError('');
      return action(handle);
    } catch (failure) {
      if (failure instanceof WebAssembly.RuntimeError) throw failure;
      showError(String(/** @type {any} */ (failure)?.message ?? failure));
      return null;
    } finally {
      handle?.free();
    }
  }

  /** Writes the generated points into the text box. @param {any} stepwise */
  async function generate(stepwise) {
    const current = settings();
    const text = withGenerated(stepwise, (handle) => handle.text());
    if (text === null) return false;
    made = { 'ls-noise': current.noise, 'ls-scale': String(current.scale), 'ls-size': String(current.n), 'ls-seed': String(current.seed) };
    status.textContent = `${current.n} points generated (${noisePhrase(current.noise)}, σ = ${current.scale}, seed ${current.seed}).`;
    return host.setInput(text);
  }

  /** Runs the experiment and draws it. @param {any} stepwise */
  async function runExperiment(stepwise) {
    const settingsNow = current();
    status.textContent = `Fitting ${SAMPLES} data sets with three losses…`;
    experiment.disabled = true;
    // Let the status paint first: 200 data sets of 500 points take a moment.
    if (!document.hidden) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    try {
      const facts = withGenerated(stepwise, (handle) => handle.facts());
      if (!facts) {
        status.textContent = '';
        return;
      }
      if (facts.error) {
        showError(facts.error);
        status.textContent = '';
        return;
      }
      shown = facts;
      ran = settingsNow;
      draw(facts);
      section.hidden = false;
      status.textContent = `Done: ${SAMPLES} data sets fitted; see “The experiment” by the animation.`;
      const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
      section.scrollIntoView({ block: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
    } finally {
      experiment.disabled = false;
    }
  }

  /** The figure of `facts`: a strip of slope estimates per loss around the true slope. */
  function draw(facts) {
    const phrase = noisePhrase(facts.noise);
    heading.textContent = `The experiment: ${facts.samples} data sets, ${phrase.replace(/ \(.*\)$/, '')}`;
    lede.textContent = `Each dot is the slope fitted to one data set of ${facts.length} points from y = ${facts.trueIntercept} + ${facts.trueSlope}x plus ${phrase} (σ = ${facts.scale}, seed ${facts.seed}; data set 1 is the one Generate writes). The tighter a loss's dots, the better it estimates the slope.`;
    legend.textContent = `Bar: mean ± 1 standard deviation. Dashed line: the true slope ${facts.trueSlope}. Huber's δ = 1.345σ = ${Number(facts.delta.toFixed(3))}.`;
    const [first, ...rest] = String(facts.verdict).split(/(?<=\.) /);
    verdict.replaceChildren(el('strong', {}, first), rest.length ? ` ${rest.join(' ')}` : '');
    plot.replaceChildren(figure(facts, Math.max(280, plot.clientWidth || section.clientWidth || 600)));
  }

  /**
   * The SVG, `width` pixels wide: on a narrow screen each loss's name sits above its strip,
   * on a wide one beside it, with its standard deviation on the right.
   * @param {any} facts
   * @param {number} width
   */
  function figure(facts, width) {
    const narrow = width < 520;
    const band = narrow ? 44 : 52;
    const rowHeight = narrow ? band + 26 : band + 16;
    const left = narrow ? 8 : 96;
    const right = narrow ? 8 : 112;
    const top = 28;
    const losses = /** @type {Array<{ loss: 'squared' | 'absolute' | 'huber', slopes: number[], mean: number, sd: number, rank: number }>} */ (facts.losses);
    const height = top + losses.length * rowHeight + 30;
    let low = facts.trueSlope;
    let high = facts.trueSlope;
    for (const loss of losses) for (const slope of loss.slopes) {
      low = Math.min(low, slope);
      high = Math.max(high, slope);
    }
    const pad = (high - low) * 0.04 || 0.05;
    low -= pad;
    high += pad;
    const x = (/** @type {number} */ value) => left + (value - low) / (high - low) * (width - left - right);
    const axis = ticks(low, high, narrow ? 4 : 6);
    const bottom = top + losses.length * rowHeight;
    const parts = [];
    for (const value of axis.values) {
      parts.push(svg('line', { class: 'ls-grid', x1: x(value), x2: x(value), y1: top - 6, y2: bottom }));
      parts.push(svg('text', { class: 'ls-tick', x: x(value), y: bottom + 18, 'text-anchor': 'middle' }, value.toFixed(axis.decimals)));
    }
    parts.push(svg('line', { class: 'ls-axis', x1: left, x2: width - right, y1: bottom, y2: bottom }));
    const best = Math.min(...losses.map((loss) => loss.sd));
    /** Text, drawn last (over the true slope's line, with a halo where it may cross it). */
    const labels = [];
    losses.forEach((loss, row) => {
      const { label, colour } = LOSSES[loss.loss] ?? { label: loss.loss, colour: 'var(--accent)' };
      const rowTop = top + row * rowHeight + (narrow ? 22 : 8);
      const middle = rowTop + band / 2;
      const isBest = loss.sd === best;
      const sd = `sd ${sdText(loss.sd)}`;
      if (narrow) {
        labels.push(svg('text', { class: 'ls-name ls-halo', x: left, y: rowTop - 6 }, label,
          svg('tspan', { class: isBest ? 'ls-sd ls-best' : 'ls-sd', dx: 8 }, isBest ? `${sd} · least spread` : sd)));
      } else {
        labels.push(svg('text', { class: 'ls-name', x: left - 12, y: middle + 5, 'text-anchor': 'end' }, label));
        labels.push(svg('text', { class: isBest ? 'ls-sd ls-best' : 'ls-sd', x: width - right + 12, y: middle - 2 }, sd));
        labels.push(svg('text', { class: 'ls-note', x: width - right + 12, y: middle + 14 }, isBest ? 'least spread' : `${(loss.sd / best).toFixed(2)}× the least`));
      }
      parts.push(svg('rect', { class: 'ls-band', x: left, y: rowTop, width: width - left - right, height: band, rx: 6 }));
      const dots = svg('g', { 'fill-opacity': 0.55 });
      // Through the CSSOM: a presentation attribute does not take var().
      dots.style.fill = colour;
      loss.slopes.forEach((slope, index) => {
        // A fixed jitter (the golden ratio's multiples): the same figure every time.
        const jitter = ((index * 0.6180339887) % 1) - 0.5;
        dots.append(svg('circle', { cx: x(slope).toFixed(1), cy: (middle + jitter * (band - 10)).toFixed(1), r: 2.6 }));
      });
      parts.push(dots);
      parts.push(svg('line', { class: 'ls-bar', x1: x(loss.mean - loss.sd), x2: x(loss.mean + loss.sd), y1: middle, y2: middle }));
      parts.push(svg('line', { class: 'ls-mean', x1: x(loss.mean), x2: x(loss.mean), y1: middle - 9, y2: middle + 9 }));
    });
    const truth = x(facts.trueSlope);
    parts.push(svg('line', { class: 'ls-truth', x1: truth, x2: truth, y1: top - 6, y2: bottom }));
    parts.push(svg('text', { class: 'ls-note ls-halo', x: truth, y: top - 12, 'text-anchor': 'middle' }, `true slope ${facts.trueSlope}`));
    parts.push(...labels);
    const summary = losses.map((loss) => `${LOSSES[loss.loss]?.label ?? loss.loss} loss: mean ${loss.mean.toFixed(3)}, sd ${sdText(loss.sd)}`).join('; ');
    return svg('svg', {
      viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
      'aria-label': `Slope estimates of ${facts.samples} data sets around the true slope ${facts.trueSlope}. ${summary}.`,
    }, ...parts);
  }

  new ResizeObserver(() => {
    if (!shown || section.hidden) return;
    const svgElement = plot.querySelector('svg');
    const width = Math.max(280, plot.clientWidth);
    if (svgElement && Math.abs(Number(svgElement.getAttribute('width')) - width) < 2) return;
    plot.replaceChildren(figure(shown, width));
  }).observe(section);

  go.addEventListener('click', () => host.run(generate));
  experiment.addEventListener('click', () => host.run(runExperiment));
  for (const input of [scale, size, seed]) {
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') host.run(generate);
    });
  }

  return {
    /** What a link needs to make the same points and experiment again. */
    state() {
      return shown ? { ...made, ...ran, 'ls-experiment': 'shown' } : { ...made };
    },
    restore(state) {
      const radio = /** @type {HTMLInputElement | null} */ (noise.querySelector(`input[value="${NOISES.some(([value]) => value === state['ls-noise']) ? state['ls-noise'] : 'gaussian'}"]`));
      if (radio) radio.checked = true;
      if (typeof state['ls-scale'] === 'string') scale.value = state['ls-scale'];
      if (typeof state['ls-size'] === 'string') size.value = state['ls-size'];
      if (typeof state['ls-seed'] === 'string') seed.value = state['ls-seed'];
      pendingExperiment = state['ls-experiment'] === 'shown';
    },
    regenerate: generate,
    shown() {
      if (!pendingExperiment) return;
      pendingExperiment = false;
      host.run(runExperiment);
    },
    reset() {
      experiment.disabled = false;
    },
  };

  /** The settings on screen, as a link keeps them. */
  function current() {
    const { noise: kind, scale: sigma, n, seed: from } = settings();
    return { 'ls-noise': kind, 'ls-scale': String(sigma), 'ls-size': String(n), 'ls-seed': String(from) };
  }
}
