// @ts-check
// The ROC curve's bespoke widgets: two Gaussian classes d′ apart (with the theoretical AUC
// beside the empirical one) and a CSV file. Small sets go into the text box; larger ones
// (generated above 20,000 samples, files above 1 MB) stay in wasm memory as `Samples`.
//
// Loaded by the page when the registry says `widget: true`; see `WidgetHost` in widget.js.

import { el } from '../../dom.js';

/**
 * Generated sets up to this size are written into the text box as CSV (about 200 KB, quick
 * to edit); larger ones stay in wasm memory. CSV files up to the engine's text limit go into
 * the text box, larger ones (up to its file limit) stay in wasm memory.
 */
const MAX_TEXT_SAMPLES = 20_000;

const count = (/** @type {number} */ value) => value.toLocaleString('en-US');

/**
 * @param {import('../../widget.js').WidgetHost} host
 * @returns {import('../../widget.js').Widget}
 */
export function createWidget(host) {
  const { textBytes, csvFileBytes, animatedSamples } = host.limits();
  const megabytes = (/** @type {number} */ bytes) => (bytes / 1048576).toFixed(1);
  const separation = el('input', { type: 'range', id: 'separation', min: '0', max: '4', step: '0.1', value: '1.5' });
  const separationValue = el('output', { id: 'separation-value', for: 'separation' }, '1.5');
  const size = el('input', { type: 'number', id: 'gauss-size', min: '2', max: String(animatedSamples), value: '200', inputmode: 'numeric' });
  const seed = el('input', { type: 'number', id: 'gauss-seed', min: '0', value: '1', inputmode: 'numeric' });
  const go = el('button', { type: 'button', class: 'quiet-button', id: 'gauss-go' }, 'Generate');
  const aucCompare = el('p', { class: 'help', id: 'auc-compare', 'aria-live': 'polite' });
  const file = el('input', { type: 'file', id: 'csv-file', accept: '.csv,.tsv,.txt,text/csv,text/plain' });
  host.controls.append(
    el('h3', {}, 'Two Gaussian classes'),
    el('div', { class: 'row' }, el('label', { class: 'slider', for: 'separation' }, 'separation d′ ', separation, ' ', separationValue)),
    el('div', { class: 'row random' },
      el('label', { class: 'field inline', for: 'gauss-size' }, 'n'), size,
      el('label', { class: 'field inline', for: 'gauss-seed' }, 'seed'), seed, go),
    aucCompare,
    el('div', { class: 'row' },
      el('label', { class: 'quiet-button file-button' }, 'Open a CSV…', file),
      el('span', { class: 'help' }, `up to ${Math.round(csvFileBytes / 1048576)} MB, read in your browser, never uploaded`)),
  );

  /**
   * The generator's last run: its text (small sets) or that it made resident samples, with the
   * theory to compare against.
   * @type {{ text?: string, resident?: boolean, theory: number, separation: number } | null}
   */
  let generated = null;

  /** The settings of the last generated set, for links. @type {Record<string, string>} */
  let made = {};

  separation.addEventListener('input', () => {
    separationValue.textContent = Number(separation.value).toFixed(1);
  });

  /**
   * Runs the generator with the settings on screen.
   * @param {any} stepwise the engine's module
   */
  async function generate(stepwise) {
    const spread = Number(separation.value);
    const samples = Math.min(animatedSamples, Math.max(2, Math.floor(Number(size.value) || 2)));
    const from = Math.max(0, Math.floor(Number(seed.value) || 0));
    // What a link makes again: the settings these samples are made with, not what is typed later.
    made = { separation: String(spread), 'gauss-size': String(samples), 'gauss-seed': String(from) };
    const id = host.algorithm();
    const make = (/** @type {any} */ engine, /** @type {number} */ length) =>
      engine.Resident.generate(id, length, from, { separation: spread });
    if (samples <= MAX_TEXT_SAMPLES) {
      const made = make(stepwise, samples);
      const text = made.text();
      const theory = made.facts().expectedAuc;
      made.free();
      generated = { text, theory, separation: spread };
      return host.setInput(text);
    }
    const probe = make(stepwise, 2);
    generated = { resident: true, theory: probe.facts().expectedAuc, separation: spread };
    probe.free();
    const taken = await host.setResident({
      label: `${count(samples)} generated samples (d′ = ${spread.toFixed(1)}, seed ${from})`,
      source: 'generated',
      make: (/** @type {any} */ engine) => make(engine, samples),
    });
    if (!taken) generated = null;
    return taken;
  }

  go.addEventListener('click', () => host.run(generate));
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    if (chosen.size > csvFileBytes) {
      host.reportError(`'${chosen.name}' is ${megabytes(chosen.size)} MB; the page reads at most ${Math.round(csvFileBytes / 1048576)} MB of CSV (the rocCurve kernel takes any size).`);
      return;
    }
    generated = null;
    if (chosen.size <= textBytes) {
      const text = await chosen.text();
      host.run(() => host.setInput(text));
      return;
    }
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    host.run(() => host.setResident({
      label: `The samples of '${chosen.name}' (${megabytes(chosen.size)} MB)`,
      source: 'file',
      dependsOn: ['positive'],
      make: (/** @type {any} */ engine, /** @type {Record<string, unknown>} */ options) =>
        engine.Resident.read(host.algorithm(), bytes, options.positive ? { positive: options.positive } : {}),
    }));
  });

  return {
    /** What a link needs to make the same generated samples again. */
    state() {
      return { ...made };
    },
    restore(state) {
      if (typeof state.separation === 'string') {
        separation.value = state.separation;
        separationValue.textContent = Number(separation.value).toFixed(1);
      }
      if (typeof state['gauss-size'] === 'string') size.value = state['gauss-size'];
      if (typeof state['gauss-seed'] === 'string') seed.value = state['gauss-seed'];
    },
    regenerate: generate,
    /** After each rebuild: the empirical AUC beside the theoretical one when generated. */
    afterRebuild(player) {
      // The whole run's AUC from its last state (O(1)); result() would copy the whole curve.
      const at = player.position;
      player.seek(player.len);
      const auc = player.state().auc;
      player.seek(at);
      const fromGenerator = generated && (generated.resident ? host.isResident() : generated.text === host.inputText());
      aucCompare.textContent = fromGenerator && generated
        ? `theoretical AUC Φ(d′/√2) = ${generated.theory.toFixed(4)} for d′ = ${generated.separation.toFixed(1)} · empirical AUC = ${auc.toFixed(4)}`
        : `AUC = ${auc.toFixed(4)}`;
    },
  };
}
