//! The site as it is served: `www/` copied to `target/site/` with its JS and CSS minified by
//! esbuild (one file each, no bundling, so every module keeps its URL), with source maps that
//! point back at the readable sources in `www/`. `serve`, `test`, `bench` and `dist` all use
//! this copy, so the tests check what users load and the page weight counts what they download.
//! Its `index.html` carries the default algorithm's first frame ([`crate::prerender`]).

use std::path::{Path, PathBuf};

/// Where the served copy of `www/` is written.
pub fn directory() -> PathBuf {
    crate::root().join("target/site")
}

/// Writes `target/site/` from `www/` (which must already hold the built wasm).
pub fn stage() -> Result<(), String> {
    let source = crate::root().join("www");
    let target = directory();
    if target.exists() {
        std::fs::remove_dir_all(&target)
            .map_err(|error| format!("cannot clear {}: {error}", target.display()))?;
    }
    crate::copy_tree(&source, &target, &|_| true)?;
    let mut minified = Vec::new();
    collect(&source, &source, &mut minified)?;
    let mut arguments: Vec<&str> = minified.iter().map(String::as_str).collect();
    arguments.extend([
        "--minify",
        "--sourcemap",
        "--log-level=warning",
        "--allow-overwrite",
        "--outbase=www",
        "--outdir=target/site",
    ]);
    crate::run("node_modules/.bin/esbuild", &arguments, &[])?;
    let index = target.join("index.html");
    let html =
        std::fs::read_to_string(&index).map_err(|error| format!("{}: {error}", index.display()))?;
    std::fs::write(&index, crate::prerender::first_frame(&html)?)
        .map_err(|error| format!("{}: {error}", index.display()))
}

/// What marks a file whose comments are instructions to bundlers (`webpackIgnore`): it is
/// copied as written, since minifying would drop them.
const BUNDLER_COMMENT: &str = "webpackIgnore";

/// The JS and CSS files under `directory` to minify, as paths relative to the workspace root.
fn collect(base: &Path, directory: &Path, files: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(directory)
        .map_err(|error| format!("{}: {error}", directory.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            collect(base, &path, files)?;
        } else if path
            .extension()
            .is_some_and(|extension| extension == "js" || extension == "css")
        {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if text.contains(BUNDLER_COMMENT) {
                continue;
            }
            let relative = path.strip_prefix(base).map_err(|error| error.to_string())?;
            files.push(format!("www/{}", relative.display()));
        }
    }
    Ok(())
}
