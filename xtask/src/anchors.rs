//! The Python anchors benchmark: Node calling the kernel library (`www/pkg-kernels`) against the
//! fastest way a Python user has (numpy, scikit-learn, OpenCV, crowd-kit, statsmodels, SciPy) on
//! the same data, taking turns (`tests/bench/anchors.py`, which drives `tests/bench/anchors.mjs`).
//!
//! The Python packages live in their own virtual environment, `target/bench-venv`, made and
//! filled here only when missing; nothing else needs it.

use crate::root;
use std::time::Instant;

/// The packages the anchors import, as `pip install` names them (SciPy comes with
/// statsmodels). crowd-kit is pinned: the label model matches its 1.4.2 exactly, and its fixture
/// (`cargo xtask fixtures`) is made with it. numpy and statsmodels are pinned to the versions
/// that wrote `crates/core/tests/fixtures/statsmodels_fit.txt`.
const PACKAGES: &[&str] = &[
    "numpy==2.4.6",
    "scikit-learn",
    "opencv-python-headless",
    crate::fixtures::CROWD_KIT,
    "statsmodels==0.15.0",
];

/// Runs the benchmark (building the kernel module first if it is missing) and returns the
/// markdown it printed: a versions line, the table, and the summed-area table's copy baseline.
pub fn run() -> Result<String, String> {
    if !root()
        .join("www/pkg-kernels/stepwise_kernels_bg.wasm")
        .exists()
    {
        crate::build()?;
    }
    let started = Instant::now();
    let python = bench_python()?;
    println!(
        "bench Python environment ready in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    crate::run_capturing(&python, &["tests/bench/anchors.py"], &[])
}

/// The venv's interpreter, with the venv made and the packages installed when missing.
pub fn bench_python() -> Result<String, String> {
    crate::python::venv(
        "bench-venv",
        "import numpy, sklearn, cv2, crowdkit, scipy, statsmodels; \
         assert crowdkit.__version__ == '1.4.2' and numpy.__version__ == '2.4.6' \
         and statsmodels.__version__ == '0.15.0'",
        PACKAGES,
    )
}
