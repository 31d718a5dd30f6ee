//! `ocop-datagen [--reference DIR] [--out DIR] [--check]`: regenerates `rubrics/` from the
//! reference transcriptions, or with `--check` fails when the committed files are stale. Either
//! way, output the engine's validation rejects is refused (exit 2) before anything is written.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("ocop-datagen: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode> {
    let mut reference = PathBuf::from(ocop_datagen::DEFAULT_REFERENCE);
    let mut out = PathBuf::from("rubrics");
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reference" => reference = args.next().context("--reference needs a folder")?.into(),
            "--out" => out = args.next().context("--out needs a folder")?.into(),
            "--check" => check = true,
            other => bail!(
                "unknown argument {other:?}; usage: ocop-datagen [--reference DIR] [--out DIR] [--check]"
            ),
        }
    }
    let outputs = ocop_datagen::generate(&reference)?;
    ocop_datagen::validate(&outputs)?;
    let stale = ocop_datagen::stale(&outputs, &out);
    if !check {
        for output in stale {
            let path = output.write_into(&out)?;
            println!("wrote {}", path.display());
        }
        return Ok(ExitCode::SUCCESS);
    }
    if stale.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        let paths: Vec<String> = stale
            .iter()
            .map(|output| out.join(&output.path).display().to_string())
            .collect();
        eprintln!(
            "stale rubric files (run `cargo run -p ocop-datagen`):\n  {}",
            paths.join("\n  ")
        );
        Ok(ExitCode::FAILURE)
    }
}
