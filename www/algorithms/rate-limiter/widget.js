// @ts-check
// The rate limiter's bespoke widget: a Poisson stream of requests at a chosen mean rate, so
// the five designs can be tried on realistic traffic, below, at or above their limit.
//
// The engine's seeded generator (`randomInput`) makes a Poisson stream at GENERATED_RATE
// requests per second; a stream at rate λ is the same stream with every time scaled by
// GENERATED_RATE / λ (exponential gaps scale with their mean). Loaded by the page when the
// registry says `widget: true`; see `WidgetHost` in widget.js.

import { el } from '../../dom.js';

/** The mean rate of the engine's random streams: Rust's `rate_limiter::RANDOM_RATE`. */
const GENERATED_RATE = 4;

/**
 * @param {import('../../widget.js').WidgetHost} host
 * @returns {import('../../widget.js').Widget}
 */
export function createWidget(host) {
  const rate = el('input', { type: 'number', id: 'poisson-rate', min: '0.1', max: '1000', step: 'any', value: '4', inputmode: 'decimal' });
  const size = el('input', { type: 'number', id: 'poisson-size', min: '1', max: '2000', value: '40', inputmode: 'numeric' });
  const seed = el('input', { type: 'number', id: 'poisson-seed', min: '0', value: '1', inputmode: 'numeric' });
  const go = el('button', { type: 'button', class: 'quiet-button', id: 'poisson-go' }, 'Generate');
  const note = el('p', { class: 'help', id: 'poisson-note', 'aria-live': 'polite' });
  host.controls.append(
    el('h3', {}, 'Poisson traffic'),
    el('div', { class: 'row random' },
      el('label', { class: 'field inline', for: 'poisson-rate' }, 'mean rate /s'), rate,
      el('label', { class: 'field inline', for: 'poisson-size' }, 'n'), size,
      el('label', { class: 'field inline', for: 'poisson-seed' }, 'seed'), seed, go),
    note,
  );

  /** Explains the chosen rate against the limiter's: how many requests a window expects. */
  function describe() {
    const options = host.options();
    const lambda = Number(rate.value);
    const window = Number(options.window ?? 1) || 1;
    const limit = Number(options.limit ?? 3) || 3;
    note.textContent = lambda > 0
      ? `On average ${(lambda * window).toFixed(1)} requests per ${window} s window, against a limit of ${limit}.`
      : '';
  }

  /** @param {any} stepwise the engine's module */
  function generate(stepwise) {
    const lambda = Number(rate.value);
    if (!(lambda > 0 && lambda <= 1000)) {
      host.reportError(`The mean rate must be a number above 0 and at most 1000, not '${rate.value}'.`);
      return false;
    }
    const count = Math.min(2000, Math.max(1, Math.floor(Number(size.value) || 1)));
    const from = Math.max(0, Math.floor(Number(seed.value) || 0));
    const scale = GENERATED_RATE / lambda;
    const times = String(stepwise.randomInput('rate-limiter', count, from)).split(' ').filter(Boolean)
      .map((time) => String(Number((Number(time) * scale).toFixed(3))));
    describe();
    return host.setInput(times.join(' '));
  }

  go.addEventListener('click', () => host.run(generate));
  rate.addEventListener('input', describe);

  return {
    optionsChanged: describe,
    shown: describe,
  };
}
