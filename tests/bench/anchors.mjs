// The Node side of the Python anchors benchmark: the kernel library (www/pkg-kernels) called
// with typed arrays, timed with performance.now(), copies into and out of wasm memory included.
//
// Started by tests/bench/anchors.py, which writes the data files and takes turns with it. One
// process serves the whole run (the wasm module is instantiated once and the JIT stays warm):
// each stdin line is a JSON request `{ "task": name, "check": bool }`, answered by one JSON line
// `{ "ms": kernel time, "baselineMs"?: the task's baseline time, "auc"?: number }`. With `check`, the
// result's arrays are also written next to the data as `<task>.<output>.out` (raw little-endian).
// By hand: echo '{"task":"sat"}' | node tests/bench/anchors.mjs target/bench-anchors
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import {
  fitLine, initSync, intersect, labelModel, Matrix, nextGreater, rocCurve, sortValues,
} from '../../www/pkg-kernels/stepwise_kernels.js';

const wasmFile = new URL('../../www/pkg-kernels/stepwise_kernels_bg.wasm', import.meta.url);
initSync({ module: readFileSync(wasmFile) });

const dataDirectory = process.argv[2] ?? 'target/bench-anchors';
const SAT_SIDE = 4096;
const LABEL_SOURCES = 10;

/** The raw little-endian file `name` in the data directory as a typed array of `Type`. */
function readArray(Type, name) {
  const bytes = readFileSync(join(dataDirectory, name));
  return new Type(bytes.buffer, bytes.byteOffset, bytes.byteLength / Type.BYTES_PER_ELEMENT);
}

/** `rocCurve` on the samples named `size` ('1e6', '1e7', '1e6-distinct'), every threshold kept. */
function rocTask(size) {
  return {
    load: () => ({
      scores: readArray(Float64Array, `roc_scores_${size}.f64`),
      labels: readArray(Uint8Array, `roc_labels_${size}.u8`),
    }),
    call: ({ scores, labels }) => rocCurve(scores, labels, { dropIntermediate: false }),
    outputs: ({ fpr, tpr, thresholds }) => ({ fpr, tpr, thresholds }),
    scalars: ({ auc }) => ({ auc }),
  };
}

/** `fitLine` on the benchmark's 10^6 points under `loss`; the reply has the line and objective. */
function fitTask(loss) {
  return {
    load: () => ({
      x: readArray(Float64Array, 'fit_x.f64'),
      y: readArray(Float64Array, 'fit_y.f64'),
    }),
    call: ({ x, y }) => fitLine(x, y, { loss }),
    outputs: () => ({}),
    scalars: ({ intercept, slope, objective }) => ({ intercept, slope, objective }),
  };
}

/**
 * Each task: `load` reads its inputs once (not timed); `call` is the timed kernel call;
 * `outputs` names the result's arrays for the check and `scalars` its numbers for every reply;
 * `release` frees a result kept in wasm memory; `baseline` is a second timed call (its result
 * is freed).
 */
const tasks = {
  'next-greater': {
    load: () => ({ values: readArray(Float64Array, 'next_greater.f64') }),
    call: ({ values }) => nextGreater(values),
    outputs: (indices) => ({ indices }),
  },
  intersection: {
    load: () => ({ a: readArray(Int32Array, 'a.i32'), b: readArray(Int32Array, 'b.i32') }),
    call: ({ a, b }) => intersect(a, b, 'multiset'),
    outputs: (common) => ({ common }),
  },
  'roc-1e6': rocTask('1e6'),
  'roc-1e7': rocTask('1e7'),
  'roc-1e6-distinct': rocTask('1e6-distinct'),
  sat: {
    load: () => {
      const matrix = Matrix.zeros(SAT_SIDE, SAT_SIDE);
      matrix.view().set(readArray(Float64Array, 'sat.f64'));
      return { matrix };
    },
    call: ({ matrix }) => matrix.summedAreaTable(),
    outputs: (table) => ({ table: table.view() }),
    release: (table) => table.free(),
    baseline: ({ matrix }) => matrix.clone(),
  },
  'sort-values': {
    load: () => ({ values: readArray(Float64Array, 'sort_values.f64') }),
    call: ({ values }) => sortValues(values),
    outputs: (sorted) => ({ sorted }),
    // JS's own numeric sort of the same values (a copy, as sortValues returns a new array).
    baseline: ({ values }) => Float64Array.from(values).sort(),
  },
  // Dawid-Skene with crowd-kit's defaults (abstentions missing, 100 rounds, tolerance 1e-5).
  'label-model': {
    load: () => ({ votes: readArray(Int32Array, 'label_votes.i32') }),
    call: ({ votes }) => labelModel(votes, {
      items: votes.length / LABEL_SOURCES, sources: LABEL_SOURCES, classes: 3, method: 'dawid-skene',
    }),
    outputs: ({ probabilities }) => ({ probabilities }),
    scalars: ({ iterations }) => ({ iterations }),
  },
  'fit-line-squared': fitTask('squared'),
  'fit-line-absolute': fitTask('absolute'),
  'fit-line-absolute-lp': fitTask('absolute'),
};

const loadedInputs = new Map();

/** Milliseconds `run()` took, and what it returned. */
function timed(run) {
  const started = performance.now();
  const result = run();
  return [performance.now() - started, result];
}

/** Runs one request (see the top of this file) and returns its reply. */
function answer({ task: name, check }) {
  const task = tasks[name];
  if (!task) throw new Error(`unknown task '${name}' (known: ${Object.keys(tasks).join(', ')})`);
  if (!loadedInputs.has(name)) loadedInputs.set(name, task.load());
  const inputs = loadedInputs.get(name);
  const [ms, result] = timed(() => task.call(inputs));
  const reply = { ms, ...task.scalars?.(result) };
  if (check) {
    for (const [output, array] of Object.entries(task.outputs(result))) {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      writeFileSync(join(dataDirectory, `${name}.${output}.out`), bytes);
    }
  }
  task.release?.(result);
  if (task.baseline) {
    const [baselineMs, copy] = timed(() => task.baseline(inputs));
    copy.free?.();
    reply.baselineMs = baselineMs;
  }
  return reply;
}

console.log(JSON.stringify({ node: process.version }));
for await (const line of createInterface({ input: process.stdin })) {
  let reply;
  try {
    reply = answer(JSON.parse(line));
  } catch (error) {
    reply = { error: String(error?.stack ?? error) };
  }
  console.log(JSON.stringify(reply));
}
