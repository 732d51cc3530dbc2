//! `cargo xtask bench`: criterion natively, the browser benchmark in headless Chromium, and
//! Node against the Python anchors; this run's figures go into BENCHMARKS.md.

use crate::{anchors, build, root, run_capturing, serve, setup, site};

/// Benchmarks: criterion natively, then the browser page in headless Chromium; the figures of
/// this run are written into `BENCHMARKS.md` between its "latest run" markers.
pub fn bench() -> Result<(), String> {
    let native = run_capturing(
        "cargo",
        &["bench", "--package", "stepwise", "--bench", "kernels"],
        &[],
    )?;
    build()?;
    let browser = setup::chromium()?;
    let server = serve::spawn(&site::directory(), 0)?;
    let url = format!("http://127.0.0.1:{}/", server.port);
    let in_browser = run_capturing(
        "node",
        &["tests/bench/browser.mjs"],
        &[
            ("STEPWISE_URL", url.as_str()),
            ("CHROMIUM", browser.executable.as_str()),
        ],
    )?;
    let against_python = anchors::run()?;
    write_latest_run(&criterion_table(&native), &in_browser, &against_python)
}

/// Criterion's report as a table: benchmark, and the middle of its time estimate.
fn criterion_table(output: &str) -> String {
    let mut table = String::from("| benchmark | time (median estimate) |\n|---|---:|\n");
    let mut name = String::new();
    for line in output.lines() {
        let trimmed = line.trim();
        let (label, rest) = match trimmed.split_once("time:") {
            Some((label, rest)) => (label.trim(), rest),
            None => {
                if !trimmed.is_empty() && !trimmed.contains(' ') && trimmed.contains('/') {
                    name = trimmed.to_string();
                }
                continue;
            }
        };
        if !label.is_empty() {
            name = label.to_string();
        }
        // "[low unit middle unit high unit]": the middle pair is the estimate.
        let figures: Vec<&str> = rest
            .trim()
            .trim_matches(['[', ']'])
            .split_whitespace()
            .collect();
        if let [_, _, middle, unit, ..] = figures.as_slice() {
            if !name.is_empty() && !middle.ends_with('%') {
                table.push_str(&format!("| {name} | {middle} {unit} |\n"));
            }
        }
        name.clear();
    }
    table
}

/// Replaces the "latest run" section of BENCHMARKS.md with this run's figures.
fn write_latest_run(native: &str, browser: &str, anchors: &str) -> Result<(), String> {
    const START: &str = "<!-- latest run: written by `cargo xtask bench` -->";
    const END: &str = "<!-- end of latest run -->";
    let path = root().join("BENCHMARKS.md");
    let text = std::fs::read_to_string(&path).map_err(|error| format!("BENCHMARKS.md: {error}"))?;
    let section = format!(
        "{START}\n## Latest run of `cargo xtask bench`\n\nMachine: {} cores; {}.\n\n### Native (criterion)\n\n{native}\n### Browser (headless Chromium)\n\n{}\n\n### Node against the Python anchors (`tests/bench/anchors.py`)\n\n{}\n{END}",
        std::thread::available_parallelism().map_or(0, usize::from),
        std::env::consts::OS,
        browser.trim(),
        anchors.trim()
    );
    let updated = match (text.find(START), text.find(END)) {
        (Some(start), Some(end)) if end > start => {
            format!("{}{section}{}", &text[..start], &text[end + END.len()..])
        }
        _ => format!("{}\n\n{section}\n", text.trim_end()),
    };
    std::fs::write(&path, updated).map_err(|error| format!("BENCHMARKS.md: {error}"))?;
    println!("wrote the latest figures into BENCHMARKS.md");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criterion_output_becomes_a_table() {
        let output = "next_greater/stack/1000000\n                        time:   [9.4 ms 9.5 ms 9.6 ms]\n                        change: [-1% 0% 1%]\nroc/kernel/10  time:   [1.0 s 1.1 s 1.2 s]\n";
        let table = criterion_table(output);
        assert!(
            table.contains("| next_greater/stack/1000000 | 9.5 ms |"),
            "{table}"
        );
        assert!(table.contains("| roc/kernel/10 | 1.1 s |"), "{table}");
    }
}
