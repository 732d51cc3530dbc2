//! `cargo xtask fixtures`: writes again the test fixtures made by a pinned Python library —
//! crowd-kit's Dawid–Skene (`crates/core/tests/fixtures/crowdkit_ds.py`), run in the Python
//! anchors' venv (`target/bench-venv`, made when missing), where crowd-kit is pinned.
//!
//! (The scikit-learn and statsmodels fixtures beside it are run by hand when those change:
//! their scripts say how.)

use std::time::Instant;

/// The crowd-kit the label model matches, as `pip install` names it.
pub const CROWD_KIT: &str = "crowd-kit==1.4.2";

/// Runs the fixture scripts; each writes its `.txt` beside it and says how many cases.
pub fn regenerate() -> Result<(), String> {
    let started = Instant::now();
    let python = crate::anchors::bench_python()?;
    crate::run(&python, &["crates/core/tests/fixtures/crowdkit_ds.py"], &[])?;
    println!(
        "fixtures written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
