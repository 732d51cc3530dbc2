//! The page weight budget: the first load (the page's files, the catalogue and the first tab's
//! module) and each algorithm's module, gzipped as served; printed every run, failing the
//! build past a budget.

use std::path::Path;

use crate::{modules, site};

/// The page's first load (HTML + JS + CSS + the catalogue + the first tab's module, gzipped)
/// may not exceed this.
const PAGE_WEIGHT_BUDGET_BYTES: usize = 100 * 1024;

/// Each algorithm's module (its JS glue and wasm, gzipped) may not exceed this, unless its
/// registry entry sets a larger `module_budget` (with the reason).
const MODULE_BUDGET_BYTES: usize = 90 * 1024;

/// The files the page loads when it opens, relative to `www/`, besides the first tab's module.
const PAGE_FILES: &[&str] = &[
    "index.html",
    "palette.css",
    "style.css",
    "app.js",
    "page/controller.js",
    "page/view.js",
    "page/input.js",
    "page/tabs.js",
    "page/panels.js",
    "page/practice-mode.js",
    "page/text.js",
    "page/url-state.js",
    "controls.js",
    "dom.js",
    "player/engine.js",
    "player/import-fresh.js",
    "player/core.js",
    "player/lesson.js",
    "player/transport.js",
    "pkg/catalogue.js",
];

/// Modules the page imports only when a feature is first used; reported beside the budget.
const ON_DEMAND_FILES: &[&str] = &[
    // The link codec: the URL updater loads it after the first frame (a link with a state
    // loads it before).
    "share.js",
    "player/practice.js",
    "lesson.js",
    "handout.js",
    "record.js",
    "export.js",
    "legacy-links.js",
    "resident.js",
    "present.js",
    "widgets.js",
    "pkg/widgets.js",
    "pkg-gif/stepwise_gif.js",
    "pkg-gif/stepwise_gif_bg.wasm",
    // The kernel library: image mode's IntegralImage, and every kernel for JS users.
    "pkg-kernels/stepwise_kernels.js",
    "pkg-kernels/stepwise_kernels_bg.wasm",
];

/// The gzipped size of each file as served (minified, from `target/site/`), and their total.
fn gzipped(files: &[&str]) -> Result<(usize, Vec<String>), String> {
    use std::io::Write;
    let site = site::directory();
    let mut total = 0;
    let mut parts = Vec::new();
    for file in files {
        let bytes = std::fs::read(site.join(file)).map_err(|error| format!("{file}: {error}"))?;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder
            .write_all(&bytes)
            .map_err(|error| format!("gzip {file}: {error}"))?;
        let compressed = encoder
            .finish()
            .map_err(|error| format!("gzip {file}: {error}"))?
            .len();
        total += compressed;
        parts.push(format!("{file} {:.1} KB", compressed as f64 / 1024.0));
    }
    Ok((total, parts))
}

/// Adds the files under `base/folder` to `files`, as paths relative to `base`.
fn list_files(base: &Path, folder: &str, files: &mut Vec<String>) -> Result<(), String> {
    let directory = base.join(folder);
    let entries = std::fs::read_dir(&directory)
        .map_err(|error| format!("{}: {error}", directory.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let name = format!("{folder}/{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            list_files(base, &name, files)?;
        } else {
            files.push(name);
        }
    }
    files.sort();
    Ok(())
}

/// Prints the page's gzipped first load per file and each algorithm's module, and fails when
/// the first load or any module is past its budget.
pub fn check_page_weight() -> Result<(), String> {
    let first = stepwise::algo::REGISTRY
        .first()
        .ok_or("the registry is empty")?
        .info
        .id;
    let first_module = modules::files(first);
    let mut first_load: Vec<&str> = PAGE_FILES.to_vec();
    first_load.extend(first_module.iter().map(String::as_str));
    let (total, parts) = gzipped(&first_load)?;
    println!(
        "page weight (gzipped, first load): {:.1} KB of {} KB budget ({})",
        total as f64 / 1024.0,
        PAGE_WEIGHT_BUDGET_BYTES / 1024,
        parts.join(", ")
    );
    let mut over = Vec::new();
    if total > PAGE_WEIGHT_BUDGET_BYTES {
        over.push(format!(
            "the page's first load weighs {:.1} KB gzipped, over the {} KB budget",
            total as f64 / 1024.0,
            PAGE_WEIGHT_BUDGET_BYTES / 1024
        ));
    }
    let (catalogue, _) = gzipped(&["pkg/catalogue.js"])?;
    println!(
        "catalogue: {:.1} KB gzipped for {} algorithms ({:.2} KB each)",
        catalogue as f64 / 1024.0,
        stepwise::algo::REGISTRY.len(),
        catalogue as f64 / 1024.0 / stepwise::algo::REGISTRY.len().max(1) as f64
    );
    for entry in stepwise::algo::REGISTRY {
        let id = entry.info.id;
        let files = modules::files(id);
        let (size, parts) = gzipped(&[files[0].as_str(), files[1].as_str()])?;
        let budget = entry.module_budget.unwrap_or(MODULE_BUDGET_BYTES);
        println!(
            "module {id}: {:.1} KB gzipped of {} KB budget ({})",
            size as f64 / 1024.0,
            budget / 1024,
            parts.join(", ")
        );
        if size > budget {
            over.push(format!(
                "the {id} module weighs {:.1} KB gzipped, over the {} KB budget",
                size as f64 / 1024.0,
                budget / 1024
            ));
        }
    }
    // Each algorithm's own JS (its widget and what the widget loads) loads when its tab first
    // opens.
    let mut algorithm_files = Vec::new();
    list_files(&site::directory(), "algorithms", &mut algorithm_files)?;
    let mut on_demand: Vec<&str> = ON_DEMAND_FILES.to_vec();
    on_demand.extend(
        algorithm_files
            .iter()
            .filter(|file| file.ends_with(".js"))
            .map(String::as_str),
    );
    let (later, parts) = gzipped(&on_demand)?;
    println!(
        "loaded on first use (gzipped): {:.1} KB ({})",
        later as f64 / 1024.0,
        parts.join(", ")
    );
    if over.is_empty() {
        Ok(())
    } else {
        Err(over.join("; "))
    }
}
