//! The Jupyter widget's wheel (`integrations/jupyter/`): the Python package staged in
//! `target/jupyter-package/` with its front end bundled together with the element (esbuild),
//! the page's full engine (module text and wasm) and the palette, then built by pip with
//! hatchling into `dist/python/`. The venv that builds it, `target/jupyter-venv`, also holds
//! JupyterLab, Notebook 7 and anywidget for the widget's end-to-end test.

use crate::root;
use std::path::{Path, PathBuf};

/// What the Jupyter venv holds, as `pip install` names them: major versions pinned, so the
/// test's selectors (JupyterLab 4's cell and output classes) keep meaning what they meant.
const PACKAGES: &[&str] = &[
    "jupyterlab>=4,<5",
    "notebook>=7,<8",
    "anywidget>=0.9,<1",
    "hatchling",
];

/// The Jupyter venv's interpreter, made and filled when missing.
pub fn python() -> Result<String, String> {
    crate::python::venv(
        "jupyter-venv",
        "import jupyterlab, notebook, anywidget, hatchling; \
         assert jupyterlab.__version__.startswith('4.') and notebook.__version__.startswith('7.')",
        PACKAGES,
    )
}

/// Builds the wheel from the built site (`site`: the minified engine and palette) into
/// `dist/python/`; returns its path.
pub fn build_wheel(site: &Path, dist: &Path) -> Result<PathBuf, String> {
    let source = root().join("integrations/jupyter");
    check_version(&source)?;
    let stage = root().join("target/jupyter-package");
    if stage.exists() {
        std::fs::remove_dir_all(&stage)
            .map_err(|error| format!("cannot clear {}: {error}", stage.display()))?;
    }
    crate::copy_tree(&source, &stage, &|_| true)?;
    let _ = std::fs::remove_dir_all(stage.join("js"));
    let r#static = stage.join("src/stepwise_jupyter/static");
    std::fs::create_dir_all(&r#static)
        .map_err(|error| format!("{}: {error}", r#static.display()))?;
    crate::run(
        "node_modules/.bin/esbuild",
        &[
            "integrations/jupyter/js/widget.js",
            "--bundle",
            "--format=esm",
            "--minify",
            "--log-level=warning",
            &format!("--outfile={}", r#static.join("widget.js").display()),
        ],
        &[],
    )?;
    // One module per algorithm (the widget sends the one in use), their ids in menu order, and
    // the palette.
    let mut files = vec!["palette.css".to_string()];
    let mut ids = Vec::new();
    for entry in stepwise::algo::REGISTRY {
        let id = entry.info.id;
        std::fs::create_dir_all(r#static.join("pkg").join(id))
            .map_err(|error| format!("{}: {error}", r#static.display()))?;
        files.extend(crate::modules::files(id).map(String::from));
        ids.push(format!("\"{id}\""));
    }
    for file in &files {
        std::fs::copy(site.join(file), r#static.join(file))
            .map_err(|error| format!("{}: {error}", site.join(file).display()))?;
    }
    std::fs::write(
        r#static.join("algorithms.json"),
        format!("[{}]\n", ids.join(", ")),
    )
    .map_err(|error| format!("{}: {error}", r#static.display()))?;
    let wheels = dist.join("python");
    let python = python()?;
    crate::run(
        &python,
        &[
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            &wheels.to_string_lossy(),
            &stage.to_string_lossy(),
        ],
        &[],
    )?;
    let wheel = wheels.join(format!(
        "stepwise_jupyter-{}-py3-none-any.whl",
        env!("CARGO_PKG_VERSION")
    ));
    if !wheel.exists() {
        return Err(format!("pip wrote no {}", wheel.display()));
    }
    println!("wrote {}", wheel.display());
    Ok(wheel)
}

/// The package's version must be the workspace's (the npm package's).
fn check_version(source: &Path) -> Result<(), String> {
    let expected = format!("version = \"{}\"", env!("CARGO_PKG_VERSION"));
    let pyproject = std::fs::read_to_string(source.join("pyproject.toml"))
        .map_err(|error| format!("integrations/jupyter/pyproject.toml: {error}"))?;
    if pyproject.lines().any(|line| line.trim() == expected) {
        Ok(())
    } else {
        Err(format!(
            "integrations/jupyter/pyproject.toml must say {expected}, as the workspace does"
        ))
    }
}
