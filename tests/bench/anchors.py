"""Python anchors: Node 20 calling Stepwise's kernel library (www/pkg-kernels) with typed arrays,
copies into and out of wasm memory included, against the fastest way a Python user has, on the
same data, taking turns in one run (Stepwise, anchor, Stepwise, anchor, ...). The ratio is
anchor time / Stepwise time: above 1, Stepwise is faster.

    task                      Stepwise (tests/bench/anchors.mjs)      anchor
    next greater, 10^7        nextGreater(Float64Array)               numpy pointer jumping
    intersection, 2 × 10^7    intersect(a, b, "multiset")             np.unique + np.intersect1d + np.repeat
    ROC, 10^6 and 10^7        rocCurve(scores, labels, {dropIntermediate: false})
                                                                      sklearn roc_curve + auc
      (scores to 3 decimals: many ties, tallied; and 10^6 unrounded: all distinct, sorted)
    summed-area table 4096²   Matrix (resident) .summedAreaTable()    cv2.integral(m, sdepth=CV_64F)
    sort, 10^6 float64        sortValues(Float64Array)                np.sort
    fit a line, 10^6 points   fitLine(x, y, {loss: "squared"})        np.linalg.lstsq on [1, x]
                              fitLine(x, y, {loss: "absolute"})       statsmodels QuantReg(q=0.5).fit()
                              fitLine(x, y, {loss: "absolute"})       SciPy linprog(method="highs-ipm")
      (both sides return the intercept, the slope, the objective and the residuals; the LP
       is the exact LAD problem, min Σ(u⁺ + u⁻) s.t. a + b·x + u⁺ − u⁻ = y: it takes minutes,
       so it runs once, and its time is that of the check's run)
    label model, 10^6 x 10    labelModel(votes, {method: "dawid-skene"})
                                                                      crowd-kit DawidSkene().fit

The summed-area row also times `Matrix.clone()`, an in-wasm copy of the same bytes, as a floor;
the sort row times JS's `Float64Array.prototype.sort` on a copy of the same values.
The label model row gives crowd-kit (1.4.2, pinned) its votes as a task/worker/label DataFrame
made before timing; the results agree when every probability is within 1e-9 and the EM ran as
many rounds.
Before any timing counts, each task's first results are compared: every array exactly
(scikit-learn's first threshold is +inf, as Stepwise's; cv2's integral has the zero first row
and column that Stepwise's table has), the AUC to 1e-12; fitLine's line to 1e-9 of lstsq's, its
Σ|r| no larger than QuantReg's (an iterative approximation) and equal to the LP optimum within
1e-9. A task that disagrees is not timed.
The data is made afresh each run with a fixed seed and written to target/bench-anchors/ as raw
little-endian files, where Node reads it and writes the results it is checked on.

Run through xtask (`anchors::run`, which makes this venv when it is missing), or by hand once
the kernel module is built:

    python3 -m venv target/bench-venv
    target/bench-venv/bin/pip install numpy==2.4.6 scikit-learn opencv-python-headless crowd-kit==1.4.2 \
        statsmodels==0.15.0
    target/bench-venv/bin/python tests/bench/anchors.py [task ...]

Named tasks (as anchors.mjs knows them, e.g. `label-model`) run alone.

Prints the table in markdown on stdout, progress on stderr.
"""
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import crowdkit
import cv2
import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.api as sm
import sklearn
from crowdkit.aggregation import DawidSkene
from scipy import sparse
from scipy.optimize import linprog
from sklearn.metrics import auc, roc_curve

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "target" / "bench-anchors"
SEED = 20261129
LARGE = 10**7
SAT_SIDE = 4096
AUC_TOLERANCE = 1e-12
LABEL_ITEMS, LABEL_SOURCES, LABEL_CLASSES = 10**6, 10, 3
FIT_TOLERANCE = 1e-9
FIT_POINTS = 10**6


def write_data():
    """Makes every task's inputs with a fixed seed and writes them as raw little-endian files
    for Node; returns them as arrays for the anchors."""
    rng = np.random.default_rng(SEED)
    data = {
        "next_greater.f64": rng.random(LARGE),
        "a.i32": rng.integers(-(10**6), 10**6, LARGE, dtype=np.int32, endpoint=True),
        "b.i32": rng.integers(-(10**6), 10**6, LARGE, dtype=np.int32, endpoint=True),
    }
    for size, name in ((10**6, "1e6"), (LARGE, "1e7")):
        labels = rng.integers(0, 2, size, dtype=np.uint8)
        # Two unit Gaussians one apart, to three decimals: many tied scores.
        data[f"roc_labels_{name}.u8"] = labels
        data[f"roc_scores_{name}.f64"] = np.round(rng.normal(labels, 1.0), 3)
    # Unrounded scores: every one distinct, so the kernel sorts instead of tallying.
    labels = rng.integers(0, 2, 10**6, dtype=np.uint8)
    data["roc_labels_1e6-distinct.u8"] = labels
    data["roc_scores_1e6-distinct.f64"] = rng.normal(labels, 1.0)
    # Whole numbers within ±10^6: every partial sum is exact in float64.
    data["sat.f64"] = rng.integers(-(10**6), 10**6, (SAT_SIDE, SAT_SIDE), endpoint=True).astype(np.float64)
    data["sort_values.f64"] = rng.normal(0.0, 1e3, 10**6)
    data["label_votes.i32"] = label_votes(np.random.default_rng(SEED + 26))
    # A line with Laplace noise (the absolute loss's own case), x uniform in [-10, 10].
    fit_rng = np.random.default_rng(SEED + 25)
    data["fit_x.f64"] = fit_rng.uniform(-10.0, 10.0, FIT_POINTS)
    data["fit_y.f64"] = 2.0 + 0.5 * data["fit_x.f64"] + fit_rng.laplace(0.0, 1.0, FIT_POINTS)
    DATA.mkdir(parents=True, exist_ok=True)
    for name, array in data.items():
        array.astype(array.dtype.newbyteorder("<"), copy=False).tofile(DATA / name)
    return data


def label_votes(rng):
    """LABEL_ITEMS x LABEL_SOURCES votes on LABEL_CLASSES classes: source s votes with
    probability 0.5 + 0.05 s (-1 otherwise) and is right with probability 0.5 + 0.04 s (another
    class at random otherwise)."""
    shape = (LABEL_ITEMS, LABEL_SOURCES)
    truth = rng.integers(0, LABEL_CLASSES, LABEL_ITEMS)[:, None]
    source = np.arange(LABEL_SOURCES)
    right = rng.random(shape) < 0.5 + 0.04 * source
    other = (truth + rng.integers(1, LABEL_CLASSES, shape)) % LABEL_CLASSES
    votes = np.where(right, truth, other)
    return np.where(rng.random(shape) < 0.5 + 0.05 * source, votes, -1).astype(np.int32)


def crowd_kit_dawid_skene(data):
    """crowd-kit's DawidSkene (its defaults: 100 rounds at most, tol 1e-5) on the votes as rows;
    its probabilities as items x classes (an item without votes: the prior) and its rounds."""
    model = DawidSkene(n_iter=100, tol=1e-5).fit(data)
    probabilities = model.probas_.reindex(index=range(LABEL_ITEMS), columns=range(LABEL_CLASSES))
    probabilities = probabilities.fillna(model.priors_)
    return {"probabilities": probabilities.to_numpy(np.float64).ravel(),
            "iterations": len(model.loss_history_)}


def next_greater_by_pointer_jumping(values):
    """For each i the index of the next strictly greater value to the right, -1 where none.

    Every unresolved i keeps a candidate j such that nothing between i and j exceeds values[i];
    while values[j] <= values[i], i jumps to j's candidate, which keeps that true. Only the
    unresolved indices are carried from round to round (their count falls geometrically on
    random data), and np.take gathers faster than fancy indexing."""
    n = values.size
    padded = np.empty(n + 1)
    padded[:n] = values
    padded[n] = np.inf  # the "none" sentinel: greater than everything
    candidate = np.arange(1, n + 2, dtype=np.intp)
    active = np.flatnonzero(padded[1:] <= padded[:-1])
    active_values = padded.take(active)
    active_candidates = active + 1
    while active.size:
        active_candidates = candidate.take(active_candidates)
        candidate[active] = active_candidates
        unresolved = np.flatnonzero(padded.take(active_candidates) <= active_values)
        active = active.take(unresolved)
        active_values = active_values.take(unresolved)
        active_candidates = active_candidates.take(unresolved)
    indices = candidate[:n].astype(np.int32)
    indices[indices == n] = -1
    return {"indices": indices}


def multiset_intersection(a, b):
    """The common values, sorted, each min(count in a, count in b) times."""
    values_a, counts_a = np.unique(a, return_counts=True)
    values_b, counts_b = np.unique(b, return_counts=True)
    common, in_a, in_b = np.intersect1d(values_a, values_b, assume_unique=True, return_indices=True)
    return {"common": np.repeat(common, np.minimum(counts_a[in_a], counts_b[in_b]))}


def scikit_learn_roc(scores, labels):
    """scikit-learn's full ROC curve (every distinct threshold) and its trapezoidal AUC."""
    fpr, tpr, thresholds = roc_curve(labels, scores, drop_intermediate=False)
    return {"fpr": fpr, "tpr": tpr, "thresholds": thresholds, "auc": auc(fpr, tpr)}


def opencv_integral(matrix):
    """OpenCV's integral image: (rows+1) × (cols+1), first row and column zero."""
    return {"table": cv2.integral(matrix, sdepth=cv2.CV_64F).ravel()}


def line_outputs(x, y, intercept, slope, loss):
    """What fitLine returns, for the anchor's line: the residuals and the objective too."""
    residuals = y - (intercept + slope * x)
    objective = residuals @ residuals if loss == "squared" else np.abs(residuals).sum()
    return {"intercept": float(intercept), "slope": float(slope), "objective": float(objective),
            "residuals": residuals}


def numpy_least_squares(x, y):
    """numpy's least squares on the design [1, x]."""
    design = np.column_stack([np.ones_like(x), x])
    (intercept, slope), *_ = np.linalg.lstsq(design, y, rcond=None)
    return line_outputs(x, y, intercept, slope, "squared")


def statsmodels_median_regression(x, y):
    """statsmodels' median regression (QuantReg at q = 0.5, its default iterations)."""
    design = np.column_stack([np.ones_like(x), x])
    intercept, slope = sm.QuantReg(y, design).fit(q=0.5).params
    return line_outputs(x, y, intercept, slope, "absolute")


def linear_program_lad(x, y):
    """The LAD line as the linear program min Σ(u⁺ + u⁻) s.t. a + b·x + u⁺ − u⁻ = y, u >= 0
    (sparse, HiGHS' interior-point method): exact, and the slowest anchor."""
    n = x.size
    identity = sparse.identity(n, format="csc")
    constraints = sparse.hstack(
        [sparse.csc_matrix(np.column_stack([np.ones(n), x])), identity, -identity], format="csc")
    costs = np.concatenate([[0.0, 0.0], np.ones(2 * n)])
    bounds = [(None, None)] * 2 + [(0, None)] * (2 * n)
    solution = linprog(costs, A_eq=constraints, b_eq=y, bounds=bounds, method="highs-ipm")
    if solution.status != 0:
        sys.exit(f"linprog failed: {solution.message}")
    return line_outputs(x, y, solution.x[0], solution.x[1], "absolute")


def same_line(reply, anchor):
    """Stepwise's least-squares line against numpy's: intercept and slope within 1e-9."""
    gap = max(abs(reply[key] - anchor[key]) / (1.0 + abs(anchor[key])) for key in ("intercept", "slope"))
    if gap > FIT_TOLERANCE:
        return (f"DISAGREES: Stepwise {reply['intercept']} + {reply['slope']}·x, "
                f"anchor {anchor['intercept']} + {anchor['slope']}·x")
    return f"same line (intercept and slope within {gap:.0e})"


def no_worse_than(reply, anchor):
    """Stepwise's Σ|r| against an iterative solver's: no larger (Stepwise's is exact). (No '|'
    in the verdict: it is a markdown table's cell.)"""
    gap = (anchor["objective"] - reply["objective"]) / anchor["objective"]
    if gap < -FIT_TOLERANCE:
        return f"DISAGREES: Stepwise's objective {reply['objective']} is above the anchor's {anchor['objective']}"
    return f"Stepwise's objective (sum of absolute residuals) is {gap:.1e} (relative) below the anchor's"


def equal_optimum(reply, anchor):
    """Stepwise's Σ|r| against the LP optimum: equal within 1e-9 relative."""
    gap = (reply["objective"] - anchor["objective"]) / anchor["objective"]
    if abs(gap) > FIT_TOLERANCE:
        return f"DISAGREES: Stepwise's objective {reply['objective']}, the LP's {anchor['objective']}"
    return f"objective equal to the LP optimum (relative gap {gap:.1e})"


@dataclass
class Task:
    """One row: `name` is the task as anchors.mjs knows it; `anchor` returns the Python side's
    outputs under the names anchors.mjs writes Stepwise's."""

    name: str
    label: str
    rounds: int
    anchor: Callable[[], dict]
    baseline: str = ""
    tolerance: float = 0.0
    # For results that are numbers rather than arrays: (Stepwise's reply, the anchor's
    # outputs) -> the agreement column, starting "DISAGREES" when they do not agree.
    compare: Callable[[dict, dict], str] | None = None
    # An anchor that takes minutes runs once: its time is that of the check's run.
    slow_anchor: bool = False


def tasks(data):
    def roc(size):
        scores, labels = data[f"roc_scores_{size}.f64"], data[f"roc_labels_{size}.u8"]
        return lambda: scikit_learn_roc(scores, labels)

    votes = data["label_votes.i32"].reshape(LABEL_ITEMS, LABEL_SOURCES)
    task, worker = np.nonzero(votes >= 0)
    label_rows = pd.DataFrame({"task": task, "worker": worker, "label": votes[task, worker]})

    return [
        Task("next-greater", "next greater, 10^7 random doubles (numpy pointer jumping)", 3,
             lambda: next_greater_by_pointer_jumping(data["next_greater.f64"])),
        Task("intersection", "intersection (multiset), 2 × 10^7 int32 in ±10^6 (np.unique, intersect1d, repeat)",
             3, lambda: multiset_intersection(data["a.i32"], data["b.i32"])),
        Task("roc-1e6", "ROC curve, 10^6 samples (scikit-learn roc_curve + auc)", 5, roc("1e6")),
        Task("roc-1e7", "ROC curve, 10^7 samples (scikit-learn roc_curve + auc)", 3, roc("1e7")),
        Task("roc-1e6-distinct", "ROC curve, 10^6 samples, every score distinct (scikit-learn)", 5,
             roc("1e6-distinct")),
        Task("sat", "summed-area table, 4096² float64, resident (OpenCV integral)", 5,
             lambda: opencv_integral(data["sat.f64"]),
             "Summed-area table against an in-wasm memcpy of the same 128 MiB (`Matrix.clone()`)"),
        Task("sort-values", "sortValues, 10^6 float64 (np.sort)", 5,
             lambda: {"sorted": np.sort(data["sort_values.f64"])},
             "sortValues against JS's `Float64Array.prototype.sort` on a copy of the same 10^6 values"),
        Task("label-model", "labelModel Dawid-Skene, 10^6 items x 10 sources, 3 classes (crowd-kit DawidSkene)",
             3, lambda: crowd_kit_dawid_skene(label_rows), tolerance=1e-9),
        Task("fit-line-squared", "fitLine squared, 10^6 points (np.linalg.lstsq)", 5,
             lambda: numpy_least_squares(data["fit_x.f64"], data["fit_y.f64"]), compare=same_line),
        Task("fit-line-absolute", "fitLine absolute (exact), 10^6 points (statsmodels QuantReg, q = 0.5)", 3,
             lambda: statsmodels_median_regression(data["fit_x.f64"], data["fit_y.f64"]),
             compare=no_worse_than),
        Task("fit-line-absolute-lp",
             "fitLine absolute (exact), 10^6 points (SciPy linprog, HiGHS interior point; one run)", 3,
             lambda: linear_program_lad(data["fit_x.f64"], data["fit_y.f64"]), compare=equal_optimum,
             slow_anchor=True),
    ]


class NodeKernels:
    """The persistent `node tests/bench/anchors.mjs` process: one kernel call per request."""

    def __init__(self):
        self.process = subprocess.Popen(
            ["node", str(ROOT / "tests" / "bench" / "anchors.mjs"), str(DATA)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        self.version = self._reply()["node"]

    def _reply(self):
        line = self.process.stdout.readline()
        if not line:
            sys.exit(f"anchors.mjs exited ({self.process.wait()})")
        reply = json.loads(line)
        if "error" in reply:
            sys.exit(f"anchors.mjs: {reply['error']}")
        return reply

    def call(self, task, check=False):
        self.process.stdin.write(json.dumps({"task": task, "check": check}) + "\n")
        self.process.stdin.flush()
        return self._reply()

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def timed_ms(run):
    """Milliseconds `run()` took (freeing its result is not counted)."""
    started = time.perf_counter()
    result = run()
    elapsed = (time.perf_counter() - started) * 1000
    del result
    return elapsed


def agreement(task, reply, expected, tolerance=0.0):
    """Stepwise's checked result (the files anchors.mjs wrote, and `reply`) against the anchor's
    `expected`: "identical" (or, with a tolerance, every value within it), or "DISAGREES at" the
    first difference."""
    notes = []
    for output, anchor_value in expected.items():
        if output == "iterations":
            if reply["iterations"] != anchor_value:
                return f"DISAGREES at iterations: Stepwise {reply['iterations']}, anchor {anchor_value}"
            notes.append(f"{anchor_value} rounds each")
            continue
        if output == "auc":
            gap = abs(reply["auc"] - anchor_value)
            if gap > AUC_TOLERANCE:
                return f"DISAGREES at auc: Stepwise {reply['auc']}, anchor {anchor_value}"
            notes.append(f"AUC differs by {gap:.1e}" if gap else "same AUC")
            continue
        stepwise = np.fromfile(DATA / f"{task}.{output}.out", dtype=anchor_value.dtype)
        if stepwise.size != anchor_value.size:
            return (f"DISAGREES at {output}: {stepwise.size} values from Stepwise, "
                    f"{anchor_value.size} from the anchor")
        if tolerance:
            gaps = np.abs(stepwise - anchor_value)
            differing = np.flatnonzero(~(gaps <= tolerance))
            if not differing.size:
                notes.append(f"{output} differ by {gaps.max():.1e} at most")
        else:
            differing = np.flatnonzero(stepwise != anchor_value)
        if differing.size:
            index = differing[0]
            return f"DISAGREES at {output}[{index}]: Stepwise {stepwise[index]}, anchor {anchor_value[index]}"
    verdict = "identical" if not tolerance else f"within {tolerance:g}"
    return verdict + "".join(f"; {note}" for note in notes)


def measure(node, task):
    """The task's table row, and the median in-wasm copy time when Node reports one: first the
    check, then `task.rounds` turns of Stepwise and the anchor (a slow anchor's time is that of
    its run for the check)."""
    print(f"{task.name}: checking", file=sys.stderr)
    reply = node.call(task.name, check=True)
    started = time.perf_counter()
    expected = task.anchor()
    check_ms = (time.perf_counter() - started) * 1000
    if task.compare:
        verdict = task.compare(reply, expected)
    else:
        verdict = agreement(task.name, reply, expected, task.tolerance)
    del expected
    if verdict.startswith("DISAGREES"):
        return f"| {task.label} | — | — | — | {verdict} |", None
    stepwise_ms, anchor_ms, memcpy_ms = [], [], []
    for round_number in range(task.rounds):
        print(f"{task.name}: round {round_number + 1} of {task.rounds}", file=sys.stderr)
        reply = node.call(task.name)
        stepwise_ms.append(reply["ms"])
        if "baselineMs" in reply:
            memcpy_ms.append(reply["baselineMs"])
        if not task.slow_anchor:
            anchor_ms.append(timed_ms(task.anchor))
    if task.slow_anchor:
        anchor_ms.append(check_ms)
    stepwise, anchor = statistics.median(stepwise_ms), statistics.median(anchor_ms)
    row = f"| {task.label} | {stepwise:.1f} | {anchor:.1f} | {anchor / stepwise:.2f}× | {verdict} |"
    if not memcpy_ms:
        return row, None
    baseline = statistics.median(memcpy_ms)
    return row, (f"{task.baseline} (same rounds): {baseline:.1f} ms (median); "
                 f"Stepwise / baseline = {stepwise / baseline:.2f}×.")


def main():
    started = time.perf_counter()
    data = write_data()
    print(f"data written to {DATA} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    node = NodeKernels()
    rows, notes = [], []
    chosen = sys.argv[1:]
    for task in tasks(data):
        if chosen and task.name not in chosen:
            continue
        row, note = measure(node, task)
        rows.append(row)
        if note:
            notes.append(note)
    node.close()
    print(f"Python {platform.python_version()}, numpy {np.__version__}, scikit-learn {sklearn.__version__}, "
          f"OpenCV {cv2.__version__} ({cv2.getNumThreads()} threads), pandas {pd.__version__}, "
          f"crowd-kit {crowdkit.__version__}, statsmodels {statsmodels.__version__}, SciPy {scipy.__version__}, "
          f"Node {node.version}; "
          f"{os.cpu_count()} cores; seed {SEED}.\n")
    print("| task (anchor) | Stepwise (Node, ms, median) | anchor (ms, median) | ratio (anchor / Stepwise) "
          "| agreement |")
    print("|---|---:|---:|---:|---|")
    print("\n".join(rows))
    for note in notes:
        print(f"\n{note}")


if __name__ == "__main__":
    main()
