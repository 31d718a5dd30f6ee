//! The `ocop` command: reads files, calls `ocop-core`, prints. No scoring logic lives here.
//!
//! Every command follows one rule for its exit status and its channels:
//! - **0** the command did its job;
//! - **1** an input, a rubric or a rules file is invalid, a round had failures, fixtures differ;
//! - **2** a usage error, or a file that cannot be read or an output that cannot be written.
//!
//! Under `--format json` every outcome is a JSON document on standard output (the result, or
//! the error document of [`ocop_core::output::ErrorDocument`]); otherwise problems go to
//! standard error.

mod advise;
mod args;
mod cert;
mod council;
mod data;
mod error;
mod input;
mod output;
mod rank;
mod register;
mod render;
mod score;
mod serve;
mod workbook;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command, Format, RubricsArg};
pub(crate) use crate::error::CliError;
use crate::output::{Report, print, print_json};

/// Exit status when the command did its job.
pub(crate) const SUCCESS: u8 = 0;
/// Exit status when an input or a rubric is invalid, or a round or a check found failures.
pub(crate) const INVALID: u8 = 1;
/// Exit status for usage and I/O errors.
pub(crate) const FAILURE: u8 = 2;

fn main() -> ExitCode {
    output::guard_stdout();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return ExitCode::from(error::usage(&error)),
    };
    let report = Report {
        json: cli.command.json(),
        lang: cli.command.lang(),
    };
    let status = match run(cli) {
        Ok(status) => status,
        Err(error) => report.failure(&error),
    };
    ExitCode::from(status)
}

fn run(cli: Cli) -> Result<u8, CliError> {
    match cli.command {
        Command::Score(args) => score::run(args),
        Command::Workbook(args) => workbook::run(args),
        Command::Advise(args) => advise::run(args),
        Command::Council(args) => council::run(args),
        Command::Rank(args) => rank::run(args),
        Command::Cert {
            decided,
            on,
            rubric,
            format,
            lang,
            rubrics,
        } => cert::run(
            decided,
            on,
            rubric.as_deref(),
            format,
            lang.into(),
            &rubrics,
        ),
        Command::Calendar {
            year,
            level,
            on,
            format,
            lang,
            rubrics,
        } => cert::calendar(
            year,
            level.map(Into::into),
            on,
            format,
            lang.into(),
            &rubrics,
        ),
        Command::Register(args) => register::run(args),
        Command::Lint(args) => data::lint(args),
        Command::Diff(args) => data::diff(args),
        Command::Fixtures(args) => data::fixtures(args),
        Command::Rescore(args) => data::rescore(args),
        Command::Schema(args) => data::schema(args),
        Command::Serve { args } => serve::run(&args),
        Command::Rubrics {
            format,
            lang,
            rubrics,
        } => {
            let catalog = catalog(&rubrics)?;
            let summaries = catalog.summaries();
            match format {
                Format::Json => print_json(&summaries)?,
                Format::Text => print(&render::rubrics(&summaries, lang.into()))?,
            }
            Ok(SUCCESS)
        }
        Command::Sheet {
            rubric,
            product_set,
            format,
            output,
            lang,
            rubrics,
        } => {
            let catalog = catalog(&rubrics)?;
            let loaded = catalog
                .product_set(&rubric, product_set)
                .map_err(|error| CliError::from_rubric_arg("--rubric/--set", error, lang.into()))?;
            match format.text() {
                None => output::emit(
                    output.as_deref(),
                    ocop_print::blank_sheet(&loaded).as_bytes(),
                )?,
                Some(text) => {
                    let text = ocop_core::blank::blank_sheet(&loaded, text, lang.into());
                    match output {
                        None => print(&text)?,
                        Some(path) => output::emit(Some(&path), text.as_bytes())?,
                    }
                }
            }
            Ok(SUCCESS)
        }
    }
}

/// The bundled rubrics, or those `--rubrics` names.
pub(crate) fn catalog(rubrics: &RubricsArg) -> Result<ocop_core::rubric::CatalogRef, CliError> {
    ocop_core::rubric::CatalogRef::open(rubrics.path.as_deref()).map_err(CliError::from_catalog)
}
