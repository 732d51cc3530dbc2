//! One wasm module per algorithm, and the catalogue that lets a page choose among them before
//! any loads.
//!
//! `crates/page` is built once per registry entry with `STEPWISE_ALGORITHM=<id>` into
//! `www/pkg/<id>/stepwise.js` (+ `stepwise_bg.wasm`): the shared core plus that algorithm.
//! `www/pkg/catalogue.js` is written from the registry: every algorithm's info (titles,
//! options, presets, examples, limits, the widget flag) and a table of literal dynamic imports,
//! one per algorithm's module, so that bundlers (Vite, webpack, Rollup, esbuild) see every
//! module and split one chunk per algorithm, while the same file works unbundled. The page's
//! widgets have a table of their own (`www/pkg/widgets.js`), which the element never imports.
//!
//! Each module is rebuilt only when its sources changed: cargo would relink every module on
//! every run (the algorithm is chosen by an environment variable, so each build overwrites the
//! last), so a stamp of the sources' sizes and times beside each module skips the unchanged.

use std::path::Path;

use stepwise::algo::REGISTRY;
use stepwise::value::Describe;

/// The crates and files a page module is built from: a change to any rebuilds the modules.
const SOURCES: &[&str] = &[
    "crates/core/src",
    "crates/core/Cargo.toml",
    "crates/web/src",
    "crates/web/Cargo.toml",
    "crates/page/src",
    "crates/page/build.rs",
    "crates/page/Cargo.toml",
    "Cargo.lock",
    "Cargo.toml",
];

/// The files of one algorithm's module, relative to `www/`.
pub fn files(id: &str) -> [String; 2] {
    [
        format!("pkg/{id}/stepwise.js"),
        format!("pkg/{id}/stepwise_bg.wasm"),
    ]
}

/// The folder of one algorithm's module, relative to the workspace root.
pub fn folder(id: &str) -> String {
    format!("www/pkg/{id}")
}

/// Builds every algorithm's module that is missing or older than its sources, then writes the
/// catalogue. `finish` turns one cargo artifact into a module folder (wasm-bindgen, wasm-opt).
pub fn build(finish: &dyn Fn(&str, &str) -> Result<(), String>) -> Result<(), String> {
    clear_retired_outputs()?;
    let stamp = sources_stamp()?;
    for entry in REGISTRY {
        let id = entry.info.id;
        let out_dir = folder(id);
        let stamp_file = crate::root().join(&out_dir).join(".sources");
        let current = std::fs::read_to_string(&stamp_file).unwrap_or_default();
        let built = crate::root()
            .join(&out_dir)
            .join("stepwise_bg.wasm")
            .exists();
        if built && current == stamp {
            println!("{out_dir}: up to date");
            continue;
        }
        crate::run(
            "cargo",
            &[
                "build",
                "--release",
                "--package",
                "stepwise-page",
                "--lib",
                "--target",
                "wasm32-unknown-unknown",
            ],
            &[("STEPWISE_ALGORITHM", id), ("RUSTFLAGS", "")],
        )?;
        finish(
            "target/wasm32-unknown-unknown/release/stepwise_page.wasm",
            &out_dir,
        )?;
        std::fs::write(&stamp_file, &stamp)
            .map_err(|error| format!("{}: {error}", stamp_file.display()))?;
    }
    write_types()?;
    write("www/pkg/catalogue.js", &catalogue()?)?;
    write("www/pkg/widgets.js", &widgets())
}

/// Removes what earlier layouts built (one module for every algorithm, and a second "full"
/// one), so that no stale copy is staged or shipped.
fn clear_retired_outputs() -> Result<(), String> {
    let root = crate::root();
    for file in [
        "stepwise.js",
        "stepwise_bg.wasm",
        "stepwise.d.ts",
        "stepwise_bg.wasm.d.ts",
    ] {
        let path = root.join("www/pkg").join(file);
        if path.exists() {
            std::fs::remove_file(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        }
    }
    let full = root.join("www/pkg-full");
    if full.exists() {
        std::fs::remove_dir_all(&full).map_err(|error| format!("{}: {error}", full.display()))?;
    }
    Ok(())
}

/// Every source file's path, size and modification time, one line each, in a stable order.
fn sources_stamp() -> Result<String, String> {
    fn visit(path: &Path, lines: &mut Vec<String>) -> Result<(), String> {
        let metadata =
            std::fs::metadata(path).map_err(|error| format!("{}: {error}", path.display()))?;
        if metadata.is_dir() {
            let entries =
                std::fs::read_dir(path).map_err(|error| format!("{}: {error}", path.display()))?;
            for entry in entries.filter_map(Result::ok) {
                visit(&entry.path(), lines)?;
            }
        } else {
            let modified = metadata
                .modified()
                .ok()
                .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |since| since.as_nanos());
            lines.push(format!("{} {} {modified}", path.display(), metadata.len()));
        }
        Ok(())
    }
    let mut lines = Vec::new();
    for source in SOURCES {
        visit(&crate::root().join(source), &mut lines)?;
    }
    lines.sort();
    Ok(lines.join("\n"))
}

/// `www/pkg/module.d.ts`: the declarations every algorithm's module shares (they export the
/// same API), for the type check of the JS that loads them.
fn write_types() -> Result<(), String> {
    let first = REGISTRY.first().ok_or("the registry is empty")?.info.id;
    let root = crate::root();
    let source = root.join(folder(first)).join("stepwise.d.ts");
    std::fs::copy(&source, root.join("www/pkg/module.d.ts"))
        .map_err(|error| format!("{}: {error}", source.display()))?;
    Ok(())
}

/// The catalogue's text: see the module docs.
pub fn catalogue() -> Result<String, String> {
    let json = |value: &stepwise::value::Value| {
        serde_json::to_string(value).map_err(|error| format!("catalogue: {error}"))
    };
    let algorithms: Vec<stepwise::value::Value> =
        REGISTRY.iter().map(|entry| entry.describe()).collect();
    let limits = stepwise::value::Value::record([
        ("textBytes", stepwise::input::MAX_TEXT_BYTES.describe()),
        ("steps", stepwise::trace::EVENT_CAP.describe()),
    ]);
    let modules: String = REGISTRY
        .iter()
        .map(|entry| {
            let id = entry.info.id;
            format!("  '{id}': () => import('./{id}/stepwise.js'),\n")
        })
        .collect();
    Ok(format!(
        "// @ts-nocheck\n\
         // Generated by `cargo xtask build` from the registry (crates/core/src/algo/mod.rs):\n\
         // do not edit. What the page and <stepwise-player> know before any algorithm loads,\n\
         // and one literal import per algorithm's module, so bundlers split them.\n\
         \n\
         /** The engine's limits shared by every algorithm. */\n\
         export const LIMITS = {};\n\
         \n\
         /** Every algorithm, in menu order. */\n\
         export const ALGORITHMS = {};\n\
         \n\
         /** Each algorithm's wasm-bindgen module, by id. */\n\
         export const MODULES = {{\n{modules}}};\n",
        json(&limits)?,
        json(&stepwise::value::Value::List(algorithms))?,
    ))
}

/// The page's table of bespoke widgets: one literal import per algorithm that has one.
fn widgets() -> String {
    let widgets: String = REGISTRY
        .iter()
        .filter(|entry| entry.info.page.widget)
        .map(|entry| {
            let id = entry.info.id;
            format!("  '{id}': () => import('../algorithms/{id}/widget.js'),\n")
        })
        .collect();
    format!(
        "// @ts-nocheck\n\
         // Generated by `cargo xtask build` from the registry: do not edit. The page's bespoke\n\
         // widgets, one literal import each (www/widgets.js loads them; the element never does).\n\
         \n\
         /** Each bespoke widget, by the id of its algorithm. */\n\
         export const WIDGETS = {{\n{widgets}}};\n"
    )
}

/// Writes `text` to `path` (relative to the workspace root).
fn write(path: &str, text: &str) -> Result<(), String> {
    let path = crate::root().join(path);
    std::fs::write(&path, text).map_err(|error| format!("{}: {error}", path.display()))
}
