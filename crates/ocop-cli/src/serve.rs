//! `ocop serve`: runs `ocop-serve`, installed beside `ocop`, with the same arguments. The service
//! is a binary of its own so that its dependencies (tokio, hyper, axum) do not make every
//! `ocop score` load a larger program.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use crate::CliError;

/// Runs the service, replacing this process (on Unix), and returns its exit status otherwise.
pub(crate) fn run(args: &[OsString]) -> Result<u8, CliError> {
    let program = service_binary()?;
    let mut command = Command::new(&program);
    command.args(args);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt as _;
        // `exec` returns only when it fails.
        let error = command.exec();
        Err(CliError::Read {
            file: program.display().to_string(),
            error,
        })
    }
    #[cfg(not(unix))]
    {
        let status = command.status().map_err(|error| CliError::Read {
            file: program.display().to_string(),
            error,
        })?;
        Ok(status
            .code()
            .and_then(|code| u8::try_from(code).ok())
            .unwrap_or(crate::FAILURE))
    }
}

/// `ocop-serve` beside this executable.
fn service_binary() -> Result<PathBuf, CliError> {
    let me = std::env::current_exe().map_err(|error| CliError::Read {
        file: "the ocop executable".to_owned(),
        error,
    })?;
    let program = me.with_file_name(format!("ocop-serve{}", std::env::consts::EXE_SUFFIX));
    if program.is_file() {
        Ok(program)
    } else {
        Err(CliError::Usage(format!(
            "{} is missing: `cargo install --locked --path crates/ocop-cli` installs it beside ocop",
            program.display()
        )))
    }
}
