//! `ocop-datagen [--reference DIR] [--out DIR] [--check]`: regenerates `rubrics/` from the
//! reference transcriptions, or with `--check` fails when the committed files are stale.

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
    let mut stale = Vec::new();
    for output in &outputs {
        let path = out.join(&output.path);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == output.text {
            continue;
        }
        if check {
            stale.push(path.display().to_string());
        } else {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("creating {}", parent.display()))?;
            }
            std::fs::write(&path, &output.text)
                .with_context(|| format!("writing {}", path.display()))?;
            println!("wrote {}", path.display());
        }
    }
    if stale.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "stale rubric files (run `cargo run -p ocop-datagen`):\n  {}",
            stale.join("\n  ")
        );
        Ok(ExitCode::FAILURE)
    }
}
