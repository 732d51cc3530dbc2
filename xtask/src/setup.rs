//! Installs what the build and the tests need, only when it is missing.

use crate::{root, run};
use std::path::Path;
use std::process::Command;

/// Where `cargo install` puts a binary (so a fresh shell's PATH does not matter).
pub fn cargo_bin(name: &str) -> String {
    let home = std::env::var("CARGO_HOME")
        .or_else(|_| std::env::var("HOME").map(|home| format!("{home}/.cargo")))
        .unwrap_or_else(|_| ".cargo".to_string());
    let path = format!("{home}/bin/{name}");
    if Path::new(&path).exists() {
        path
    } else {
        name.to_string()
    }
}

fn output_of(program: &str, arguments: &[&str]) -> Option<String> {
    let output = Command::new(program).args(arguments).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The wasm-bindgen version pinned in Cargo.lock.
fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|line| line.strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".to_string())
}

/// The wasm32 target and the wasm-bindgen CLI at the locked version.
pub fn wasm_toolchain() -> Result<(), String> {
    let targets = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|line| line == "wasm32-unknown-unknown") {
        run("rustup", &["target", "add", "wasm32-unknown-unknown"], &[])?;
    }
    let wanted = locked_wasm_bindgen_version()?;
    let installed = output_of(&cargo_bin("wasm-bindgen"), &["--version"]).unwrap_or_default();
    if installed.split_whitespace().nth(1) != Some(wanted.as_str()) {
        // `--locked` fails against this registry mirror; the version pin is what matters.
        run(
            "cargo",
            &[
                "install",
                "wasm-bindgen-cli",
                "--version",
                &wanted,
                "--force",
            ],
            &[],
        )?;
    }
    Ok(())
}

/// The npm packages (wasm-opt from binaryen, playwright-core, axe-core, typescript, eslint),
/// from package-lock.json.
pub fn npm_packages() -> Result<(), String> {
    let marker = root().join("node_modules/.package-lock.json");
    let lock = root().join("package-lock.json");
    let modified = |path: &Path| {
        std::fs::metadata(path)
            .and_then(|meta| meta.modified())
            .ok()
    };
    let fresh = match (modified(&marker), modified(&lock)) {
        (Some(installed), Some(locked)) => installed >= locked,
        _ => false,
    };
    if !fresh {
        run("npm", &["ci", "--no-audit", "--no-fund"], &[])?;
    }
    Ok(())
}

/// Paths of the browser and its driver.
pub struct Browser {
    /// The Chromium executable.
    pub executable: String,
    /// The ChromeDriver executable.
    pub driver: String,
}

/// Debian's Chromium and ChromeDriver, and poppler's `pdftoppm` (the print tests look at the
/// printed pages), installed with apt-get when missing.
pub fn chromium() -> Result<Browser, String> {
    let browser = Browser {
        executable: "/usr/bin/chromium".to_string(),
        driver: "/usr/bin/chromedriver".to_string(),
    };
    let installed = [
        browser.executable.as_str(),
        browser.driver.as_str(),
        "/usr/bin/pdftoppm",
    ]
    .iter()
    .all(|path| Path::new(path).exists());
    if installed {
        return Ok(browser);
    }
    apt_install(&["chromium", "chromium-driver", "poppler-utils"]).map_err(|error| {
        format!(
            "{error}; install them by hand: apt-get install chromium chromium-driver poppler-utils"
        )
    })?;
    Ok(browser)
}

/// The static-site generators the integration tests build with: Debian's `hugo` and `jekyll`,
/// installed when missing.
pub fn site_generators() -> Result<(), String> {
    let missing = |program: &str| output_of(program, &["--version"]).is_none();
    if !missing("hugo") && !missing("jekyll") {
        return Ok(());
    }
    apt_install(&["hugo", "jekyll"])
        .map_err(|error| format!("{error}; install them by hand: apt-get install hugo jekyll"))
}

/// Installs Debian `packages` with apt-get (through `sudo -n` when not root).
fn apt_install(packages: &[&str]) -> Result<(), String> {
    let is_root = output_of("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let (program, prefix): (&str, &[&str]) = if is_root {
        ("apt-get", &[])
    } else {
        ("sudo", &["-n", "apt-get"])
    };
    let with = |rest: &[&str]| -> Vec<String> {
        prefix
            .iter()
            .chain(rest)
            .map(|part| part.to_string())
            .collect()
    };
    let update = with(&["update", "-qq"]);
    run(
        program,
        &update.iter().map(String::as_str).collect::<Vec<_>>(),
        &[],
    )?;
    let mut install = with(&["install", "-y", "-qq"]);
    install.extend(packages.iter().map(|package| package.to_string()));
    run(
        program,
        &install.iter().map(String::as_str).collect::<Vec<_>>(),
        &[("DEBIAN_FRONTEND", "noninteractive")],
    )
}
