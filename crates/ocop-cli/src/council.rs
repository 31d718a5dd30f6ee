//! `ocop council`: read a session (and a rules file), print the council's result.

use std::path::{Path, PathBuf};

use anyhow::Result;
use ocop_core::council::{self, RuleOverrides, SessionOptions};
use ocop_core::lang::Lang;

use crate::args::{LangArg, RubricsArg, TableFormat, completeness};
use crate::{SUCCESS, catalog, print, print_json, read_file, read_input, render, report_invalid};

/// The arguments of `ocop council`.
#[derive(Debug, clap::Args)]
pub(crate) struct CouncilArgs {
    /// The session.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    format: TableFormat,
    /// Language of labels and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
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
pub(crate) fn run(args: CouncilArgs) -> Result<u8> {
    let lang: Lang = args.lang.into();
    let catalog = catalog(&args.rubrics)?;
    let as_json = args.format == TableFormat::Json;
    let overrides = match read_rules(args.rules.as_deref(), as_json, lang)? {
        Ok(overrides) => overrides,
        Err(status) => return Ok(status),
    };
    let options = session_options(args.partial, overrides.as_ref());
    let text = read_input(&args.file)?;
    match council::score_session(&catalog, &text, options) {
        Ok(result) => {
            match args.format {
                TableFormat::Json => print_json(&result)?,
                TableFormat::Text => print(&render::council(&result, lang))?,
                TableFormat::Csv => print(&render::council_csv(&result))?,
            }
            Ok(SUCCESS)
        }
        Err(problems) => report_invalid(&args.file, problems, as_json, lang),
    }
}

/// A rules file read: its name and overrides.
pub(crate) type RulesFile = Option<(String, RuleOverrides)>;

/// Reads the optional rules file. An invalid one has its problems reported (as JSON on standard
/// output when `as_json`) and gives the exit status instead.
pub(crate) fn read_rules(
    path: Option<&Path>,
    as_json: bool,
    lang: Lang,
) -> Result<Result<RulesFile, u8>> {
    let Some(path) = path else {
        return Ok(Ok(None));
    };
    match council::parse_overrides(&read_file(path)?) {
        Ok(overrides) => Ok(Ok(Some((path.display().to_string(), overrides)))),
        Err(problems) => report_invalid(path, problems, as_json, lang).map(Err),
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
