//! The `ocop` command: reads files, calls `ocop-core`, prints. No scoring logic lives here.

mod advise;
mod args;
mod cert;
mod council;
mod data;
mod rank;
mod render;

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;
use ocop_core::lang::Lang;
use ocop_core::output::invalid_input_document;
use ocop_core::rubric::CatalogRef;
use ocop_core::score;
use ocop_core::sheet::InputProblem;

use crate::args::{Cli, Command, Format, RubricsArg, completeness};

/// Exit status when the command did its job.
pub(crate) const SUCCESS: u8 = 0;
/// Exit status when an input or a rubric is invalid.
pub(crate) const INVALID: u8 = 1;
/// Exit status for usage and I/O errors.
pub(crate) const FAILURE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::from(SUCCESS);
            }
            eprintln!("ocop: {error:#}");
            ExitCode::from(FAILURE)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|cause| cause.kind() == io::ErrorKind::BrokenPipe)
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Score {
            file,
            format,
            lang,
            partial,
            rubrics,
        } => {
            let catalog = catalog(&rubrics)?;
            let text = read_input(&file)?;
            match score::score_sheet(&catalog, &text, completeness(partial)) {
                Ok(card) => {
                    match format {
                        Format::Json => print_json(&card)?,
                        Format::Text => print(&render::scorecard(&card, lang.into()))?,
                    }
                    Ok(SUCCESS)
                }
                Err(problems) => {
                    report_invalid(&file, problems, format == Format::Json, lang.into())
                }
            }
        }
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
        Command::Lint(args) => data::lint(args),
        Command::Diff(args) => data::diff(args),
        Command::Fixtures(args) => data::fixtures(args),
        Command::Rescore(args) => data::rescore(args),
        Command::Schema(args) => data::schema(args),
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
            lang,
            rubrics,
        } => {
            let catalog = catalog(&rubrics)?;
            let loaded = catalog.product_set(&rubric, product_set)?;
            print(&render::blank_sheet(&loaded, format, lang.into()))?;
            Ok(SUCCESS)
        }
    }
}

/// The bundled rubrics, or those `--rubrics` names.
pub(crate) fn catalog(rubrics: &RubricsArg) -> Result<CatalogRef> {
    Ok(CatalogRef::open(rubrics.path.as_deref())?)
}

/// Reads a file, or standard input for `-`.
pub(crate) fn read_input(path: &Path) -> Result<String> {
    if path == Path::new("-") {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .context("reading standard input")?;
        Ok(text)
    } else {
        read_file(path)
    }
}

/// Reads a file; `-` is a file name like any other.
pub(crate) fn read_file(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

pub(crate) fn print(text: &str) -> Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

pub(crate) fn print_json(value: &impl serde::Serialize) -> Result<()> {
    print(&ocop_core::output::json_document(value))
}

/// Reports every problem of an invalid input: JSON on standard output for `--format json`,
/// readable lines on standard error otherwise.
pub(crate) fn report_invalid(
    file: &Path,
    mut problems: Vec<InputProblem>,
    as_json: bool,
    lang: Lang,
) -> Result<u8> {
    let name = if file == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        file.display().to_string()
    };
    for problem in &mut problems {
        problem.localize(lang);
    }
    if as_json {
        print_json(&invalid_input_document(Some(&name), &problems))?;
    } else {
        eprint!("{}", render::problems(&name, &problems, lang));
    }
    Ok(INVALID)
}
