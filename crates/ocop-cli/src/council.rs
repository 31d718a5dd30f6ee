//! `ocop council`: read a session (and a rules file), print the council's result.

use std::path::{Path, PathBuf};

use ocop_core::council::{self, RuleOverrides, SessionOptions};
use ocop_core::lang::Lang;

use crate::args::{LangArg, RubricsArg, TableFormat, completeness};
use crate::output::{print, print_json, read_file, read_input};
use crate::{CliError, SUCCESS, catalog, render};

/// The arguments of `ocop council`.
#[derive(Debug, clap::Args)]
pub(crate) struct CouncilArgs {
    /// The session.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub(crate) format: TableFormat,
    /// Language of labels and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub(crate) lang: LangArg,
    /// Allow unfinished member sheets (the session is then `incomplete`).
    #[arg(long)]
    partial: bool,
    /// A council rules file overriding the rubric's defaults (the session's own rules still
    /// take precedence).
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    #[command(flatten)]
    rubrics: RubricsArg,
}

/// Runs `ocop council`.
pub(crate) fn run(args: CouncilArgs) -> Result<u8, CliError> {
    let lang: Lang = args.lang.into();
    let catalog = catalog(&args.rubrics)?;
    let overrides = read_rules(args.rules.as_deref())?;
    let options = session_options(args.partial, overrides.as_ref());
    let input = read_input(&args.file)?;
    let result = council::score_session(&catalog, &input.text, options)
        .map_err(|problems| input.invalid(problems))?;
    match args.format {
        TableFormat::Json => print_json(&result)?,
        TableFormat::Text => print(&render::council(&result, lang))?,
        TableFormat::Csv => print(&render::council_csv(&result))?,
    }
    Ok(SUCCESS)
}

/// A rules file read: its name and overrides.
pub(crate) type RulesFile = Option<(String, RuleOverrides)>;

/// Reads the optional rules file.
pub(crate) fn read_rules(path: Option<&Path>) -> Result<RulesFile, CliError> {
    let Some(path) = path else {
        return Ok(None);
    };
    let input = read_file(path)?;
    match council::parse_overrides(&input.text) {
        Ok(overrides) => Ok(Some((input.name, overrides))),
        Err(problems) => Err(input.invalid(problems)),
    }
}

/// Session options from the command's flags.
pub(crate) fn session_options(
    partial: bool,
    rules: Option<&(String, RuleOverrides)>,
) -> SessionOptions<'_> {
    SessionOptions {
        completeness: completeness(partial),
        rules_file: rules.map(|(name, overrides)| (name.as_str(), overrides)),
    }
}
