//! `ocop serve`: runs `ocop-serve`, installed beside `ocop`, with the same arguments. The service
//! is a binary of its own so that its dependencies (tokio, hyper, axum) do not make every
//! `ocop score` load a larger program.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result};

/// Runs the service, replacing this process (on Unix), and returns its exit status otherwise.
pub(crate) fn run(args: &[OsString]) -> Result<u8> {
    let program = service_binary()?;
    let mut command = Command::new(&program);
    command.args(args);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt as _;
        // `exec` returns only when it fails.
        let error = command.exec();
        Err(error).with_context(|| format!("running {}", program.display()))
    }
    #[cfg(not(unix))]
    {
        let status = command
            .status()
            .with_context(|| format!("running {}", program.display()))?;
        Ok(status
            .code()
            .and_then(|code| u8::try_from(code).ok())
            .unwrap_or(crate::FAILURE))
    }
}

/// `ocop-serve` beside this executable.
fn service_binary() -> Result<PathBuf> {
    let me = std::env::current_exe().context("finding the ocop executable")?;
    let name = format!("ocop-serve{}", std::env::consts::EXE_SUFFIX);
    let program = me.with_file_name(&name);
    anyhow::ensure!(
        program.is_file(),
        "{} is missing: `cargo install --locked --path crates/ocop-cli` installs it beside ocop",
        program.display()
    );
    Ok(program)
}
