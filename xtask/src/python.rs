//! Python virtual environments under `target/`, made and filled only when missing: the
//! benchmark's anchors and the Jupyter widget's build and test each have their own.

use crate::root;
use std::process::{Command, Stdio};

/// The interpreter of the venv `target/<name>`, made when missing, with `packages` (as
/// `pip install` names them) installed unless `python -c check` already succeeds there.
pub fn venv(name: &str, check: &str, packages: &[&str]) -> Result<String, String> {
    let venv = format!("target/{name}");
    let python = root().join(&venv).join("bin/python");
    if !python.exists() {
        crate::run("python3", &["-m", "venv", &venv], &[])?;
    }
    let python = python.to_string_lossy().into_owned();
    if !succeeds(&python, check) {
        let mut arguments = vec![
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ];
        arguments.extend_from_slice(packages);
        crate::run(&python, &arguments, &[])?;
    }
    Ok(python)
}

/// Whether `python -c statement` succeeds (its error output hidden).
fn succeeds(python: &str, statement: &str) -> bool {
    Command::new(python)
        .args(["-c", statement])
        .current_dir(root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}
