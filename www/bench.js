// Browser benchmark: wasm kernels against idiomatic JS on the same data, same run.
// Results land in `window.benchmarkResults` (read by tests/bench/browser.mjs) and on the page.
import init, { nextGreater } from './pkg/stepwise.js';

const REPEATS = 9;

/** The monotonic stack as a JS developer would write it. */
function nextGreaterInJs(values) {
  const answer = new Int32Array(values.length).fill(-1);
  const stack = [];
  for (let index = 0; index < values.length; index += 1) {
    while (stack.length > 0 && values[stack[stack.length - 1]] < values[index]) {
      answer[stack.pop()] = index;
    }
    stack.push(index);
  }
  return answer;
}

/** Seeded values in -1e6..1e6 (a small LCG: the same data on every run). */
function randomValues(length, seed) {
  const values = new Float64Array(length);
  let state = seed >>> 0;
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[index] = (state % 2000001) - 1000000;
  }
  return values;
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run) {
  const samples = [];
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function main() {
  await init();
  const results = [];
  for (const length of [1_000_000, 10_000_000]) {
    const values = randomValues(length, 42);
    const wasm = nextGreater(values);
    const js = nextGreaterInJs(values);
    if (wasm.length !== js.length || wasm.some((answer, index) => answer !== js[index])) {
      throw new Error(`nextGreater disagrees with the JS reference at n=${length}`);
    }
    const copy = time(() => values.slice());
    const wasmMs = time(() => nextGreater(values));
    const jsMs = time(() => nextGreaterInJs(values));
    results.push({ kernel: 'nextGreater', length, wasmMs, jsMs, copyMs: copy });
  }
  window.benchmarkResults = results;
  document.getElementById('results').textContent = results.map((row) =>
    `${row.kernel} n=${row.length.toLocaleString('en-US')}: wasm ${row.wasmMs.toFixed(1)} ms, `
    + `plain JS ${row.jsMs.toFixed(1)} ms (wasm/JS ${(row.wasmMs / row.jsMs).toFixed(2)}), `
    + `typed-array copy ${row.copyMs.toFixed(1)} ms`).join('\n');
}

main().catch((error) => {
  window.benchmarkResults = { error: String(error) };
  document.getElementById('results').textContent = String(error);
});
