//! `cargo xtask serve | build | test | bench | dist | fixtures`: set-up, build, serve, every test,
//! the benchmarks, a deployable copy and the pinned library fixtures, in one place.
//!
//! Each command installs what it needs when it is missing (the wasm32 target, the
//! wasm-bindgen CLI at the exact version in Cargo.lock, the npm packages, Chromium) and skips
//! what is already there, so a second run only rebuilds.

mod anchors;
mod bench;
mod fixtures;
mod jupyter;
mod modules;
mod prerender;
mod python;
mod serve;
mod setup;
mod site;
mod weight;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let result = match arguments.first().map(String::as_str) {
        Some("serve") => port_from(&arguments[1..]).and_then(|port| {
            build()?;
            serve::serve(&site::directory(), port)
        }),
        Some("build") => build(),
        Some("test") => test(),
        Some("bench") => bench::bench(),
        Some("dist") => build().and_then(|()| dist()),
        Some("fixtures") => fixtures::regenerate(),
        _ => Err(
            "usage: cargo xtask serve [--port N] | build | test | bench | dist | fixtures"
                .to_string(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The port from `--port N`, else `$STEPWISE_PORT`, else 8000.
fn port_from(arguments: &[String]) -> Result<u16, String> {
    let text = match arguments {
        [] => std::env::var("STEPWISE_PORT").unwrap_or_else(|_| "8000".to_string()),
        [flag, value] if flag == "--port" => value.clone(),
        _ => return Err("usage: cargo xtask serve [--port N]".to_string()),
    };
    text.parse()
        .map_err(|_| format!("the port must be a number from 0 to 65535, not '{text}'"))
}

/// The workspace root (the parent of `xtask/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Runs `program arguments` in the workspace root, failing with a message when it fails.
fn run(program: &str, arguments: &[&str], environment: &[(&str, &str)]) -> Result<(), String> {
    println!("$ {program} {}", arguments.join(" "));
    let status = Command::new(program)
        .args(arguments)
        .envs(environment.iter().copied())
        .current_dir(root())
        .status()
        .map_err(|error| format!("could not start {program}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`{program} {}` failed ({status})",
            arguments.join(" ")
        ))
    }
}

/// Like [`run`], but also returns the output (which is still shown as it arrives).
fn run_capturing(
    program: &str,
    arguments: &[&str],
    environment: &[(&str, &str)],
) -> Result<String, String> {
    use std::io::{BufRead, BufReader};
    println!("$ {program} {}", arguments.join(" "));
    let mut child = Command::new(program)
        .args(arguments)
        .envs(environment.iter().copied())
        .current_dir(root())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start {program}: {error}"))?;
    let mut captured = String::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            captured.push_str(&line);
            captured.push('\n');
        }
    }
    let status = child
        .wait()
        .map_err(|error| format!("{program} did not finish: {error}"))?;
    if status.success() {
        Ok(captured)
    } else {
        Err(format!(
            "`{program} {}` failed ({status})",
            arguments.join(" ")
        ))
    }
}

/// Builds the release wasm: one module per algorithm into `www/pkg/<id>/` and the catalogue
/// ([`modules`]), the GIF encoder and the kernel library; shrinks each with wasm-opt, and
/// stages the served copy of `www/` ([`site`]).
fn build() -> Result<(), String> {
    let started = Instant::now();
    setup::wasm_toolchain()?;
    setup::npm_packages()?;
    // Each algorithm's module gets a whole-program flow analysis between two size passes,
    // repeated until nothing shrinks (0.5 KB gzipped).
    modules::build(&|wasm, out_dir| {
        bind_and_shrink(
            wasm,
            out_dir,
            "stepwise",
            &["-Oz", "--gufa", "-Oz", "--converge"],
        )
    })?;
    // The GIF encoder the page loads only when someone exports a GIF; the kernel library, which
    // image mode loads and JS users call directly. The kernel library is outside the page's
    // budget, so it is built for speed rather than size, with wasm SIMD (simd128): every
    // browser the page supports has it (Chrome 91, Firefox 89, Safari 16.4).
    for (package, profile, passes, out_dir, name) in [
        (
            "stepwise-gif",
            "release",
            &["-Oz"][..],
            "www/pkg-gif",
            "stepwise_gif",
        ),
        (
            "stepwise-kernels",
            "kernels",
            &["-O3", "--enable-simd"][..],
            "www/pkg-kernels",
            "stepwise_kernels",
        ),
    ] {
        let rustflags = if profile == "kernels" {
            "-C target-feature=+simd128"
        } else {
            ""
        };
        run(
            "cargo",
            &[
                "build",
                "--profile",
                profile,
                "--package",
                package,
                "--lib",
                "--target",
                "wasm32-unknown-unknown",
            ],
            &[("RUSTFLAGS", rustflags)],
        )?;
        let artifact = package.replace('-', "_");
        let wasm = format!("target/wasm32-unknown-unknown/{profile}/{artifact}.wasm");
        bind_and_shrink(&wasm, out_dir, name, passes)?;
    }
    site::stage()?;
    println!(
        "built one module per algorithm in www/pkg, www/pkg-gif, www/pkg-kernels and the minified site in {} in {:.1} s",
        site::directory().display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Runs wasm-bindgen on one cargo artifact into `out_dir` as module `name`, then wasm-opt with
/// `passes` on its wasm.
fn bind_and_shrink(wasm: &str, out_dir: &str, name: &str, passes: &[&str]) -> Result<(), String> {
    run(
        &setup::cargo_bin("wasm-bindgen"),
        &[
            "--target",
            "web",
            "--out-dir",
            out_dir,
            "--out-name",
            name,
            wasm,
        ],
        &[],
    )?;
    let optimized = format!("{out_dir}/{name}_bg.wasm");
    let mut arguments: Vec<&str> = passes.to_vec();
    arguments.extend([
        "--enable-bulk-memory",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-mutable-globals",
        "--enable-reference-types",
        "--enable-multivalue",
    ]);
    arguments.extend([optimized.as_str(), "-o", optimized.as_str()]);
    run("node_modules/.bin/wasm-opt", &arguments, &[])
}

/// Totals per test runner, from the lines they print.
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
}

impl Tally {
    /// Adds `cargo test` lines ("test result: ok. 14 passed; 0 failed; ...").
    fn add_cargo(&mut self, output: &str) {
        for line in output.lines() {
            if let Some(rest) = line.trim().strip_prefix("test result: ") {
                self.passed += number_before(rest, " passed");
                self.failed += number_before(rest, " failed");
            }
        }
    }

    /// Adds `node --test` lines ("# pass 5", "# fail 0"; "ℹ pass 5" in the spec reporter).
    fn add_node(&mut self, output: &str) {
        for line in output.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                [_, "pass", count] => self.passed += count.parse::<usize>().unwrap_or(0),
                [_, "fail", count] => self.failed += count.parse::<usize>().unwrap_or(0),
                _ => {}
            }
        }
    }
}

fn number_before(text: &str, marker: &str) -> usize {
    text.find(marker)
        .and_then(|end| text[..end].rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|digits| digits.parse().ok())
        .unwrap_or(0)
}

/// Everything: formatting, lints, native tests, browser tests, page weight, end-to-end tests.
fn test() -> Result<(), String> {
    let started = Instant::now();
    let mut tally = Tally::default();
    run("cargo", &["fmt", "--all", "--check"], &[])?;
    setup::wasm_toolchain()?;
    // Clippy over: everything natively; the wasm crates with their browser tests (the page
    // crate built as they use it, with every algorithm); and the page crate as
    // `cargo xtask build` builds it, one algorithm per module (`STEPWISE_ALGORITHM`: its code
    // paths are the same for every algorithm, so the first registered one stands for all).
    let wasm = "wasm32-unknown-unknown";
    let one_algorithm = stepwise::algo::REGISTRY
        .first()
        .map_or("", |entry| entry.info.id);
    for (selection, environment) in [
        (&["--workspace", "--all-targets"][..], &[][..]),
        (
            &[
                "--package",
                "stepwise-web",
                "--package",
                "stepwise-page",
                "--package",
                "stepwise-kernels",
                "--lib",
                "--tests",
                "--target",
                wasm,
            ][..],
            &[][..],
        ),
        (
            &["--package", "stepwise-page", "--lib", "--target", wasm][..],
            &[("STEPWISE_ALGORITHM", one_algorithm)][..],
        ),
    ] {
        let mut arguments = vec!["clippy"];
        arguments.extend_from_slice(selection);
        arguments.extend(["--", "-D", "warnings"]);
        run("cargo", &arguments, environment)?;
    }
    tally.add_cargo(&run_capturing("cargo", &["test", "--workspace"], &[])?);
    let browser = setup::chromium()?;
    let runner = setup::cargo_bin("wasm-bindgen-test-runner");
    // One run per wasm module: each links only its own exports (and its own start function).
    for (package, tests) in [
        ("stepwise-page", &["--test", "web", "--test", "both"][..]),
        ("stepwise-kernels", &["--test", "web"][..]),
    ] {
        let mut arguments = vec![
            "test",
            "--package",
            package,
            "--target",
            "wasm32-unknown-unknown",
        ];
        arguments.extend_from_slice(tests);
        tally.add_cargo(&run_capturing(
            "cargo",
            &arguments,
            &[
                ("CHROMEDRIVER", browser.driver.as_str()),
                (
                    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                    runner.as_str(),
                ),
                ("WASM_BINDGEN_TEST_TIMEOUT", "120"),
            ],
        )?);
    }
    build()?;
    // The npm package is tested as users get it (tests/e2e/package.test.mjs packs it), and in
    // the static-site generators people write with (tests/e2e/integrations.test.mjs).
    dist()?;
    let generators = Instant::now();
    setup::site_generators()?;
    println!(
        "hugo and jekyll ready in {:.1} s",
        generators.elapsed().as_secs_f64()
    );
    weight::check_page_weight()?;
    // The JS is checked like the Rust: types through JSDoc (tsc, against the wasm-bindgen
    // declarations the build just wrote) and eslint.
    run("node_modules/.bin/tsc", &["-p", "tsconfig.json"], &[])?;
    run(
        "node_modules/.bin/tsc",
        &["-p", "tsconfig.worker.json"],
        &[],
    )?;
    run("node_modules/.bin/eslint", &["."], &[])?;
    // JupyterLab for the widget's test (tests/e2e/jupyter.test.mjs), in the venv dist built with.
    let jupyter_python = jupyter::python()?;
    let server = serve::spawn(&site::directory(), 0)?;
    let url = format!("http://127.0.0.1:{}/", server.port);
    let mut node_arguments = vec!["--test", "--test-concurrency=1"];
    let test_files = e2e_test_files()?;
    node_arguments.extend(test_files.iter().map(String::as_str));
    tally.add_node(&run_capturing(
        "node",
        &node_arguments,
        &[
            ("STEPWISE_URL", url.as_str()),
            ("CHROMIUM", browser.executable.as_str()),
            ("STEPWISE_DIST", &root().join("dist").to_string_lossy()),
            ("JUPYTER_PYTHON", jupyter_python.as_str()),
        ],
    )?);
    println!(
        "all checks passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed > 0 {
        return Err("some tests failed".to_string());
    }
    Ok(())
}

/// Files of `www/` that are development tools, left out of `dist/`.
const DEVELOPMENT_FILES: &[&str] = &["bench.html", "bench.js", "bench.js.map"];

/// Writes `dist/`: the page, embed.js, the wasm and a package.json, ready for any static host
/// or `npm pack`.
fn dist() -> Result<(), String> {
    let source = site::directory();
    let target = root().join("dist");
    if target.exists() {
        std::fs::remove_dir_all(&target).map_err(|error| format!("cannot clear dist/: {error}"))?;
    }
    copy_tree(&source, &target, &|name| !DEVELOPMENT_FILES.contains(&name))?;
    std::fs::copy(root().join("LICENSE"), target.join("LICENSE"))
        .map_err(|error| format!("cannot copy LICENSE: {error}"))?;
    // package.json, the element's types, the Custom Elements Manifest and the package README,
    // from the element's one declaration (www/player/element-api.js).
    let example = stepwise::algo::REGISTRY
        .first()
        .ok_or("the registry is empty")?
        .info;
    run(
        "node",
        &[
            "xtask/npm-package.mjs",
            &target.to_string_lossy(),
            env!("CARGO_PKG_VERSION"),
            example.id,
            example.example,
        ],
        &[],
    )?;
    println!(
        "wrote {} (copy it to any static host, or run `npm pack` inside it)",
        target.display()
    );
    // The Jupyter widget's wheel, beside the npm package, in dist/python/.
    jupyter::build_wheel(&source, &target)?;
    Ok(())
}

/// Copies `source` into `target`, keeping the files whose name `keep` accepts.
fn copy_tree(source: &Path, target: &Path, keep: &dyn Fn(&str) -> bool) -> Result<(), String> {
    std::fs::create_dir_all(target).map_err(|error| format!("{}: {error}", target.display()))?;
    let entries =
        std::fs::read_dir(source).map_err(|error| format!("{}: {error}", source.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name_text = name.to_string_lossy();
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &target.join(&name), keep)?;
        } else if !keep(&name_text) {
            continue;
        } else {
            std::fs::copy(&path, target.join(&name))
                .map_err(|error| format!("{}: {error}", path.display()))?;
        }
    }
    Ok(())
}

/// The `node --test` files: the unit tests (`tests/unit`, plain Node: the transport) first,
/// then the end-to-end tests (`tests/e2e`, in Chromium).
fn e2e_test_files() -> Result<Vec<String>, String> {
    let mut all = Vec::new();
    for folder in ["tests/unit", "tests/e2e"] {
        let directory = root().join(folder);
        let entries = std::fs::read_dir(&directory)
            .map_err(|error| format!("cannot read {}: {error}", directory.display()))?;
        let mut files: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".test.mjs"))
            .map(|name| format!("{folder}/{name}"))
            .collect();
        files.sort();
        all.extend(files);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_read_cargo_and_node_summaries() {
        let mut tally = Tally::default();
        tally.add_cargo("test result: ok. 14 passed; 0 failed; 0 ignored\n");
        tally.add_cargo("test result: FAILED. 3 passed; 2 failed; 0 ignored\n");
        tally.add_node("# pass 5\n# fail 1\nℹ pass 2\n");
        assert_eq!((tally.passed, tally.failed), (24, 3));
    }

    #[test]
    fn ports_come_from_the_flag() {
        assert_eq!(port_from(&["--port".into(), "9000".into()]), Ok(9000));
        assert!(port_from(&["--port".into(), "x".into()]).is_err());
    }
}
