//! Peak memory of `ocop rank` on NDJSON rounds of two sizes, the second ten times the first.
//!
//! Run `cargo build --release -p ocop-cli`, then `cargo run --release -p ocop-benches --bin
//! rank_memory`. Prints the input sizes and each run's peak resident memory.

use std::process::Command;

fn main() -> std::io::Result<()> {
    let Some(ocop) = ocop_benches::release_ocop() else {
        eprintln!("build the CLI first: cargo build --release -p ocop-cli");
        std::process::exit(2);
    };
    let folder = std::env::temp_dir().join("ocop-rank-memory");
    std::fs::create_dir_all(&folder)?;
    for sessions in [1_000, 10_000] {
        let path = folder.join(format!("round-{sessions}.ndjson"));
        std::fs::write(&path, ocop_benches::round_ndjson(sessions))?;
        let size = std::fs::metadata(&path)?.len();
        // GNU time reports the child's peak resident set size ("Maximum resident set size").
        let output = Command::new("/usr/bin/time")
            .arg("-v")
            .arg(&ocop)
            .args(["rank", "--format", "csv"])
            .arg(&path)
            .output()?;
        let report = String::from_utf8_lossy(&output.stderr);
        let peak = report
            .lines()
            .find_map(|line| {
                line.trim()
                    .strip_prefix("Maximum resident set size (kbytes): ")
            })
            .unwrap_or("?");
        let elapsed = report
            .lines()
            .find_map(|line| {
                line.trim()
                    .strip_prefix("Elapsed (wall clock) time (h:mm:ss or m:ss): ")
            })
            .unwrap_or("?");
        println!(
            "{sessions} sessions, {:.1} MB input: peak RSS {peak} kB, wall time {elapsed}",
            size as f64 / 1e6
        );
    }
    Ok(())
}
