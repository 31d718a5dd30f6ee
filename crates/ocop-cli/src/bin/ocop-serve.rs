//! `ocop-serve`, which `ocop serve` runs: the engine as an HTTP/JSON service (the `ocop-serve`
//! crate does the work).
//!
//! A binary of its own so that the `ocop` command does not carry the service's dependencies
//! (tokio, hyper, axum): they would make every `ocop score` load a larger program.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Parser;
use clap::builder::TypedValueParser as _;
use ocop_serve::{Config, Token};

/// Serve the OCOP engine over HTTP: every command's JSON document at an endpoint (`/v1/score`,
/// `/v1/council`, `/v1/rank`, …; `/openapi.json` describes them), until SIGINT or SIGTERM.
///
/// Exit status: 0 once stopped, 2 when the service cannot start (the address is taken, the
/// rubrics or the token file cannot be read).
#[derive(Debug, Parser)]
#[command(
    name = "ocop serve",
    bin_name = "ocop serve",
    version,
    about,
    long_about
)]
struct ServeArgs {
    /// The address to listen on; `0.0.0.0:PORT` listens on every interface (only behind a
    /// firewall or a reverse proxy).
    #[arg(long, value_name = "ADDR", default_value = ocop_serve::DEFAULT_LISTEN)]
    listen: String,
    /// The largest request body accepted (`8MiB`, `512KiB`, or bytes); larger is refused (413).
    #[arg(long, value_name = "SIZE", default_value = "8MiB", value_parser = parse_size)]
    max_body: usize,
    /// How many requests are answered at once; more are refused at once (503).
    #[arg(long, value_name = "N", default_value_t = ocop_serve::DEFAULT_MAX_CONCURRENCY,
          value_parser = clap::value_parser!(u16).range(1..).map(usize::from))]
    max_concurrency: usize,
    /// How many body bytes are answered at once, summed over requests (`64MiB`, `512KiB`, or
    /// bytes; at least `--max-body`). A body counts the length it declares, or `--max-body` when
    /// it declares none; a request that would go over is refused at once (503). An invalid body
    /// takes about 30 times its size in memory while it is answered: this bounds the service's.
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    max_in_flight: usize,
    /// How long a request may take, reading it included (`30s`, `500ms`, or seconds); slower is
    /// answered 503.
    #[arg(long, value_name = "TIME", default_value = "30s", value_parser = parse_duration)]
    timeout: Duration,
    /// A file holding the bearer token every request (but `/healthz`) must carry, as
    /// `Authorization: Bearer TOKEN`.
    #[arg(long, value_name = "FILE")]
    token_file: Option<PathBuf>,
    /// Read rubrics from this folder instead of the bundled ones.
    #[arg(long = "rubrics", value_name = "DIR")]
    rubrics: Option<PathBuf>,
}

fn main() -> ExitCode {
    match run(ServeArgs::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ocop serve: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Runs the service until SIGINT or SIGTERM.
fn run(args: ServeArgs) -> Result<()> {
    if args.max_in_flight < args.max_body {
        anyhow::bail!(
            "--max-in-flight ({} bytes) must be at least --max-body ({} bytes): a body that large could never be answered",
            args.max_in_flight,
            args.max_body
        );
    }
    let rubrics = ocop_serve::open_rubrics(args.rubrics)?;
    let token = args
        .token_file
        .as_deref()
        .map(Token::from_file)
        .transpose()?;
    let config = Config {
        max_body: args.max_body,
        max_concurrency: args.max_concurrency,
        max_in_flight: args.max_in_flight,
        timeout: args.timeout,
        token,
    };
    ocop_serve::run(&args.listen, rubrics, config)
        .with_context(|| format!("serving on {}", args.listen))
}

/// `8MiB`, `512KiB`, `1GiB`, or a number of bytes.
fn parse_size(text: &str) -> Result<usize, String> {
    let (digits, unit) = text
        .find(|character: char| !character.is_ascii_digit())
        .map_or((text, ""), |at| text.split_at(at));
    let shift = match unit {
        "" | "B" => 0,
        "KiB" => 10,
        "MiB" => 20,
        "GiB" => 30,
        _ => return Err(format!("unknown unit {unit:?} (use KiB, MiB or GiB)")),
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|number| number.checked_mul(1 << shift))
        .filter(|&bytes| bytes > 0)
        .ok_or_else(|| format!("{text:?} is not a size above 0"))
}

/// `30s`, `500ms`, or a number of seconds.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let invalid = || format!("{text:?} is not a duration above 0 (30s, 500ms)");
    let (digits, from): (&str, fn(u64) -> Duration) = if let Some(ms) = text.strip_suffix("ms") {
        (ms, Duration::from_millis)
    } else {
        (text.strip_suffix('s').unwrap_or(text), Duration::from_secs)
    };
    digits
        .parse::<u64>()
        .ok()
        .filter(|&number| number > 0)
        .map(from)
        .ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations_read_as_written() {
        assert_eq!(parse_size("8MiB"), Ok(8 << 20));
        assert_eq!(parse_size("512KiB"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("8MB").is_err());
        assert!(parse_size("0").is_err());
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("2"), Ok(Duration::from_secs(2)));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("0s").is_err());
    }
}
