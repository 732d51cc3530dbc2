"""The baseline the kernel-handles issue names: OpenCV's integral image on the same 4096×4096
float64 matrix size as `www/bench.html`'s summed-area row, beside a plain numpy copy.

Not part of `cargo xtask bench` (it needs OpenCV). Run by hand:

    python3 -m venv /tmp/cv && /tmp/cv/bin/pip install opencv-python-headless numpy
    /tmp/cv/bin/python tests/bench/opencv_integral.py
"""
import statistics
import time

import cv2
import numpy as np


def median_ms(run, repeats=9):
    """The median wall time of `run()` over `repeats` calls, in milliseconds."""
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


matrix = np.random.default_rng(13).integers(-1_000_000, 1_000_001, size=(4096, 4096)).astype(np.float64)
for threads in (1, cv2.getNumberOfCPUs()):
    cv2.setNumThreads(threads)
    figure = median_ms(lambda: cv2.integral(matrix, sdepth=cv2.CV_64F))
    print(f"cv2.integral, float64 4096², {threads} thread(s): {figure:.1f} ms")
print(f"numpy copy into a new array: {median_ms(matrix.copy):.1f} ms")
target = np.empty_like(matrix)
print(f"numpy copy into an existing array: {median_ms(lambda: np.copyto(target, matrix)):.1f} ms")
