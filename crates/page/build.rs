//! Chooses the algorithm this module holds: `STEPWISE_ALGORITHM=<id>` (set by `cargo xtask
//! build`, once per registry entry) builds a module of that one algorithm; unset, the module
//! holds every algorithm (the native checks and the browser tests use that).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(one_algorithm)");
    println!("cargo::rerun-if-env-changed=STEPWISE_ALGORITHM");
    if std::env::var("STEPWISE_ALGORITHM").is_ok_and(|id| !id.is_empty()) {
        println!("cargo::rustc-cfg=one_algorithm");
    }
}
