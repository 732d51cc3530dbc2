// @ts-check
// Browser benchmark: wasm kernels against idiomatic JS on the same data, same run.
// Results land in `window.benchmarkResults` (read by tests/bench/browser.mjs) and on the page.
import { ALGORITHMS, MODULES } from './pkg/catalogue.js';
import initKernels, {
  nextGreater, summedAreaTable, rocCurve, rateLimit, intersect, gaussianScores, IntegralImage, Matrix, Values,
  Integers, Samples,
} from './pkg-kernels/stepwise_kernels.js';

const REPEATS = 9;

/** @typedef {typeof import('./pkg/module.js')} StepwiseModule one algorithm's wasm module */

/**
 * The started wasm module of algorithm `id` (the page's: one per algorithm) and its exports.
 * @param {string} id
 * @returns {Promise<{ module: StepwiseModule, exports: { memory: WebAssembly.Memory } }>}
 */
async function engine(id) {
  /** @type {StepwiseModule} */
  const module = await MODULES[id]();
  const exports = await module.default();
  return { module, exports };
}

/**
 * The size of each algorithm's random input for the draw benchmark (the "Random n" field: for
 * the summed-area table the side of the matrix); any other algorithm draws at DRAW_SIZE.
 */
const DRAW_SIZES = { 'next-greater': 1000, 'summed-area': 64, intersection: 200, roc: 2000, 'rate-limiter': 1000 };
const DRAW_SIZE = 200;

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

/** The summed-area table as a JS developer would write it. */
function summedAreaInJs(values, rows, columns) {
  const width = columns + 1;
  const table = new Float64Array((rows + 1) * width);
  for (let row = 1; row <= rows; row += 1) {
    for (let column = 1; column <= columns; column += 1) {
      table[row * width + column] = values[(row - 1) * columns + column - 1]
        + table[(row - 1) * width + column] + table[row * width + column - 1]
        - table[(row - 1) * width + column - 1];
    }
  }
  return table;
}

/** Multiset intersection as a JS developer would write it: sort copies, walk two pointers. */
function intersectInJs(a, b) {
  const left = Int32Array.from(a).sort();
  const right = Int32Array.from(b).sort();
  const output = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (left[i] < right[j]) i += 1;
    else if (left[i] > right[j]) j += 1;
    else {
      output.push(left[i]);
      i += 1;
      j += 1;
    }
  }
  return Int32Array.from(output);
}

/**
 * A fixed-window rate limiter as a JS developer would write it, with the kernel's two outputs:
 * a flag per request and when it is let through (its own time; NaN when rejected).
 */
function fixedWindowInJs(times, limit, window) {
  const allowed = new Uint8Array(times.length);
  const release = new Float64Array(times.length);
  let current = NaN;
  let count = 0;
  for (let index = 0; index < times.length; index += 1) {
    const time = times[index];
    const k = Math.floor(time / window);
    if (k !== current) {
      current = k;
      count = 0;
    }
    if (count < limit) {
      count += 1;
      allowed[index] = 1;
      release[index] = time;
    } else {
      release[index] = NaN;
    }
  }
  return { allowed, release };
}

/** The ROC AUC as a JS developer would write it: sort pairs, sweep, trapezoids. */
function rocInJs(scores, labels) {
  const order = Array.from(scores.keys()).sort((x, y) => scores[y] - scores[x]);
  let positives = 0;
  for (const label of labels) positives += label;
  const negatives = labels.length - positives;
  let tp = 0;
  let fp = 0;
  let auc = 0;
  let lastX = 0;
  let lastY = 0;
  for (let k = 0; k < order.length;) {
    const score = scores[order[k]];
    while (k < order.length && scores[order[k]] === score) {
      if (labels[order[k]] === 1) tp += 1;
      else fp += 1;
      k += 1;
    }
    const x = fp / negatives;
    const y = tp / positives;
    auc += ((x - lastX) * (y + lastY)) / 2;
    lastX = x;
    lastY = y;
  }
  return auc;
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

/** The p-th percentile (0–100) of `samples`. */
function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** `requests` arrival times (seconds) of a Poisson stream at 4 per second, fixed seed. */
function poissonTimes(requests) {
  const times = new Float64Array(requests);
  let clock = 0;
  let bits = 5;
  for (let index = 0; index < requests; index += 1) {
    bits = (Math.imul(bits, 1664525) + 1013904223) >>> 0;
    clock += -Math.log((bits + 1) / 4294967297) / 4;
    times[index] = clock;
  }
  return times;
}

/**
 * Each kernel at its large size three ways: the copying function, the same kernel on data
 * already resident behind a handle, and the baselines (a same-size copy inside wasm where the
 * kernel writes a same-size result; idiomatic JS). Rows: { kernel, length, copyingMs,
 * residentMs, wasmCopyMs, jsMs }.
 * @param {CanvasRenderingContext2D} context where the page's ROC path draws
 * @param {StepwiseModule} roc the ROC algorithm's started module (the page's path)
 */
function handleBenchmarks(context, roc) {
  const rows = [];
  // Summed-area table, 4096²: 128 MB in, 128 MB out.
  {
    const side = 4096;
    const values = randomValues(side * side, 13);
    const matrix = Matrix.zeros(side, side);
    matrix.view().set(values);
    const resident = matrix.summedAreaTable();
    const fromCopy = summedAreaTable(values, side, side);
    const view = resident.view();
    if (fromCopy.length !== view.length || fromCopy.some((value, index) => value !== view[index])) {
      throw new Error('the resident summed-area table differs from the copying one');
    }
    resident.free();
    rows.push({
      kernel: 'summedAreaTable 4096²',
      length: side * side,
      copyingMs: time(() => summedAreaTable(values, side, side)),
      residentMs: time(() => matrix.summedAreaTable().free()),
      wasmCopyMs: time(() => matrix.clone().free()),
      jsMs: time(() => summedAreaInJs(values, side, side)),
    });
    matrix.free();
  }
  // nextGreater, 10^6 numbers.
  {
    const length = 1_000_000;
    const values = randomValues(length, 42);
    const resident = Values.zeros(length);
    resident.view().set(values);
    rows.push({
      kernel: 'nextGreater 10^6',
      length,
      copyingMs: time(() => nextGreater(values, undefined)),
      residentMs: time(() => resident.nextGreater(undefined)),
      wasmCopyMs: NaN,
      jsMs: time(() => nextGreaterInJs(values)),
    });
    resident.free();
  }
  // rateLimit (fixed window), 10^7 requests: 80 MB in, 90 MB out either way.
  {
    const requests = 10_000_000;
    const times = poissonTimes(requests);
    const resident = Values.zeros(requests);
    resident.view().set(times);
    const options = { method: 'fixed-window', limit: 3, window: 1 };
    rows.push({
      kernel: 'rateLimit fixed-window 10^7',
      length: requests,
      copyingMs: time(() => rateLimit(times, options)),
      residentMs: time(() => resident.rateLimit(options)),
      wasmCopyMs: NaN,
      jsMs: time(() => fixedWindowInJs(times, 3, 1)),
    });
    resident.free();
  }
  // rocCurve, 10^6 samples.
  {
    const length = 1_000_000;
    const labels = new Uint8Array(length);
    const scores = randomValues(length, 11).map((value, index) => {
      labels[index] = index % 2;
      return value / 1e6 + (index % 2) * 0.3;
    });
    const resident = Samples.zeros(length);
    resident.scores().set(scores);
    resident.labels().set(labels);
    if (resident.rocCurve(undefined).auc !== rocCurve(scores, labels, undefined).auc) throw new Error('resident rocCurve differs');
    rows.push({
      kernel: 'rocCurve 10^6',
      length,
      copyingMs: time(() => rocCurve(scores, labels, undefined)),
      residentMs: time(() => resident.rocCurve(undefined)),
      wasmCopyMs: NaN,
      jsMs: time(() => rocInJs(scores, labels)),
    });
    resident.free();
  }
  // intersect, 10^6 against 10^6 values in ±1000.
  {
    const length = 1_000_000;
    const left = Int32Array.from(randomValues(length, 21), (value) => value % 1000);
    const right = Int32Array.from(randomValues(length, 22), (value) => value % 1000);
    const a = Integers.zeros(length);
    const b = Integers.zeros(length);
    a.view().set(left);
    b.view().set(right);
    rows.push({
      kernel: 'intersect 10^6 × 10^6',
      length,
      copyingMs: time(() => intersect(left, right)),
      residentMs: time(() => a.intersect(b)),
      wasmCopyMs: NaN,
      jsMs: time(() => intersectInJs(left, right)),
    });
    a.free();
    b.free();
  }
  // The page's own 10^6-sample ROC path: generate in wasm memory, sort and trace, draw the end.
  {
    const builds = [];
    for (let repeat = 0; repeat < 3; repeat += 1) {
      const started = performance.now();
      const samples = roc.Resident.generate('roc', 1_000_000, repeat + 1, { separation: 1.5 });
      const player = roc.Player.fromResident(samples, {});
      samples.free();
      player.seek(player.len);
      player.draw(context, 800, 400);
      context.getImageData(0, 0, 1, 1);
      builds.push(performance.now() - started);
      player.free();
    }
    rows.push({ kernel: 'ROC page path 10^6 (generate, sort, trace, draw)', length: 1_000_000, copyingMs: NaN, residentMs: median(builds), wasmCopyMs: NaN, jsMs: NaN });
  }
  return rows;
}

async function main() {
  await initKernels();
  const results = [];
  for (const length of [1_000_000, 10_000_000]) {
    const values = randomValues(length, 42);
    const wasm = nextGreater(values, undefined);
    const js = nextGreaterInJs(values);
    if (wasm.length !== js.length || wasm.some((answer, index) => answer !== js[index])) {
      throw new Error(`nextGreater disagrees with the JS reference at n=${length}`);
    }
    const copy = time(() => values.slice());
    const wasmMs = time(() => nextGreater(values, undefined));
    const jsMs = time(() => nextGreaterInJs(values));
    results.push({ kernel: 'nextGreater', length, wasmMs, jsMs, copyMs: copy });
  }
  // The summed-area table of a 1024² image: the kernel with copies, JS, and the page's path
  // (fill the integral image, then one full box-blur redraw of an 800×400 canvas).
  const side = 1024;
  const pixels = randomValues(side * side, 7).map((value) => Math.abs(value) % 256);
  const satWasm = time(() => summedAreaTable(pixels, side, side));
  const satJs = time(() => summedAreaInJs(pixels, side, side));
  results.push({ kernel: 'summedAreaTable', length: side * side, wasmMs: satWasm, jsMs: satJs, copyMs: time(() => pixels.slice()) });
  const canvas = document.createElement('canvas');
  canvas.width = 800;
  canvas.height = 400;
  const context = canvas.getContext('2d');
  const fills = [];
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const image = IntegralImage.testPattern(side);
    const started = performance.now();
    image.fill(side);
    fills.push(performance.now() - started);
    image.free();
  }
  // A slider move: the heatmap is cached, the blur and the picture are recomputed and drawn.
  const image = IntegralImage.testPattern(side);
  image.fill(side);
  image.draw(context, 800, 400, 0, 'light');
  const blurs = [];
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const started = performance.now();
    image.draw(context, 800, 400, 3 + repeat, 'light');
    context.getImageData(0, 0, 1, 1);
    blurs.push(performance.now() - started);
  }
  image.free();
  results.push({ kernel: 'IntegralImage.fill (1024²)', length: side * side, wasmMs: median(fills), jsMs: NaN, copyMs: NaN });
  results.push({ kernel: 'box blur + redraw (1024²)', length: side * side, wasmMs: median(blurs), jsMs: NaN, copyMs: NaN });
  // ROC: the kernel on 10^6 samples; the page's path (parse CSV, sort, trace, draw) on 10^5.
  const million = 1_000_000;
  const labels = new Uint8Array(million);
  const scores = randomValues(million, 11).map((value, index) => {
    labels[index] = index % 2;
    return value / 1e6 + (index % 2) * 0.3;
  });
  const kernelAuc = rocCurve(scores, labels, undefined).auc;
  if (Math.abs(kernelAuc - rocInJs(scores, labels)) > 1e-9) throw new Error('rocCurve disagrees with the JS reference');
  results.push({ kernel: 'rocCurve', length: million, wasmMs: time(() => rocCurve(scores, labels, undefined)), jsMs: time(() => rocInJs(scores, labels)), copyMs: time(() => scores.slice()) });
  const left = Int32Array.from(randomValues(million, 21), (value) => value % 1000);
  const right = Int32Array.from(randomValues(million, 22), (value) => value % 1000);
  const fromKernel = intersect(left, right);
  const fromJs = intersectInJs(left, right);
  if (fromKernel.length !== fromJs.length || fromKernel.some((value, index) => value !== fromJs[index])) {
    throw new Error('intersect disagrees with the JS reference');
  }
  results.push({ kernel: 'intersect (multiset, values ±1e3)', length: million, wasmMs: time(() => intersect(left, right)), jsMs: time(() => intersectInJs(left, right)), copyMs: time(() => left.slice()) });
  // rateLimit: 10^7 requests of a Poisson stream at 4/s against limit 3 per 1 s (rate 3/s),
  // per method, beside a plain copy of the times.
  const requests = 10_000_000;
  const times = poissonTimes(requests);
  const limiter = { limit: 3, window: 1, rate: 3 };
  const fixed = rateLimit(times, { method: 'fixed-window', ...limiter });
  const fixedInJs = fixedWindowInJs(times, 3, 1);
  if (fixedInJs.allowed.some((flag, index) => flag !== fixed.allowed[index])
    || fixedInJs.release.some((time, index) => !Object.is(time, fixed.release[index]))) {
    throw new Error('rateLimit (fixed-window) disagrees with the JS reference');
  }
  const timesCopyMs = time(() => times.slice());
  for (const method of ['fixed-window', 'sliding-log', 'sliding-counter', 'token-bucket', 'leaky-queue']) {
    const options = { method, ...limiter };
    results.push({
      kernel: `rateLimit ${method}`, length: requests, wasmMs: time(() => rateLimit(times, options)),
      jsMs: method === 'fixed-window' ? time(() => fixedWindowInJs(times, 3, 1)) : NaN, copyMs: timesCopyMs,
    });
  }
  const { module: roc } = await engine('roc');
  const csv = gaussianScores(100_000, 1.5, 3);
  const loads = [];
  for (let repeat = 0; repeat < 3; repeat += 1) {
    const started = performance.now();
    const player = new roc.Player('roc', csv, {});
    player.seek(player.len);
    player.draw(context, 800, 400);
    context.getImageData(0, 0, 1, 1);
    loads.push(performance.now() - started);
    player.free();
  }
  results.push({ kernel: 'ROC page path: parse + trace + draw', length: 100_000, wasmMs: median(loads), jsMs: NaN, copyMs: NaN });
  // Seeking in a trace of about 10^6 events (nested loops over two disjoint 1,000-item arrays).
  const disjoint = `a: ${Array.from({ length: 1000 }, (_, i) => 2 * i).join(' ')}\nb: ${Array.from({ length: 1000 }, (_, i) => 2 * i + 1).join(' ')}`;
  const { module: intersection, exports: intersectionExports } = await engine('intersection');
  const started = performance.now();
  const long = new intersection.Player('intersection', disjoint, { method: 'nested' });
  const buildMs = performance.now() - started;
  const seeks = [];
  let state = 12345;
  for (let repeat = 0; repeat < 200; repeat += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const target = state % (long.len + 1);
    const begin = performance.now();
    long.seek(target);
    seeks.push(performance.now() - begin);
  }
  results.push({ kernel: `seek in a ${long.len.toLocaleString('en-US')}-event trace (median; p99 ${percentile(seeks, 99).toFixed(2)} ms; trace built in ${buildMs.toFixed(0)} ms)`, length: long.len, wasmMs: percentile(seeks, 50), jsMs: NaN, copyMs: NaN });
  results.push({ kernel: 'wasm memory after that trace (MB)', length: long.len, wasmMs: intersectionExports.memory.buffer.byteLength / 1048576, jsMs: NaN, copyMs: NaN });
  long.free();

  // Draw time per algorithm (every one in the catalogue) at its reference size, on an 800×400
  // canvas.
  for (const { id } of ALGORITHMS) {
    const size = DRAW_SIZES[id] ?? DRAW_SIZE;
    const { module } = await engine(id);
    const player = new module.Player(id, module.randomInput(id, size, 5), {});
    player.seek(Math.floor(player.len / 2));
    const draws = [];
    for (let repeat = 0; repeat < 20; repeat += 1) {
      const begin = performance.now();
      player.draw(context, 800, 400);
      context.getImageData(0, 0, 1, 1);
      draws.push(performance.now() - begin);
    }
    results.push({ kernel: `draw ${id} (size ${size})`, length: player.len, wasmMs: percentile(draws, 50), jsMs: NaN, copyMs: NaN });
    player.free();
  }

  // Playback at full speed for 10 s: one step and one draw per animation frame.
  const { module: nextGreaterModule } = await engine('next-greater');
  const playback = new nextGreaterModule.Player('next-greater', nextGreaterModule.randomInput('next-greater', 1000, 9), { method: 'scan' });
  const frames = [];
  await new Promise((resolve) => {
    let last = performance.now();
    const end = last + 10_000;
    const frame = (now) => {
      frames.push(now - last);
      last = now;
      playback.forward();
      playback.draw(context, 800, 400);
      if (now < end) requestAnimationFrame(frame);
      else resolve(undefined);
    };
    requestAnimationFrame(frame);
  });
  frames.shift();
  const dropped = frames.filter((duration) => duration > 1000 / 60 * 1.5).length;
  results.push({ kernel: `playback frame time p50 (p99 ${percentile(frames, 99).toFixed(1)} ms, ${dropped} of ${frames.length} frames late)`, length: frames.length, wasmMs: percentile(frames, 50), jsMs: NaN, copyMs: NaN });
  playback.free();
  /** @type {any} */ (window).handleResults = handleBenchmarks(context, roc);
  /** @type {any} */ (window).benchmarkResults = results;
  document.getElementById('results').textContent = results.map((row) =>
    `${row.kernel} n=${row.length.toLocaleString('en-US')}: wasm ${row.wasmMs.toFixed(1)} ms, `
    + `plain JS ${row.jsMs.toFixed(1)} ms, typed-array copy ${row.copyMs.toFixed(1)} ms`).join('\n');
}

main().catch((error) => {
  /** @type {any} */ (window).benchmarkResults = { error: String(error) };
  document.getElementById('results').textContent = String(error);
});
