//! `ocop council`: read a session (and a rules file), print the council's result.

use std::path::Path;

use anyhow::{Context, Result};
use ocop_core::council::{self, RuleOverrides, SessionOptions};
use ocop_core::lang::Lang;
use ocop_core::sheet::{Completeness, InputProblem};

use crate::args::{RubricsArg, TableFormat};
use crate::{SUCCESS, catalog, print, print_json, read_input, render, report_invalid};

pub(crate) fn run(
    file: &Path,
    format: TableFormat,
    lang: Lang,
    partial: bool,
    rules: Option<&Path>,
    rubrics: &RubricsArg,
) -> Result<u8> {
    let catalog = catalog(rubrics)?;
    let as_json = format == TableFormat::Json;
    let overrides = match read_rules(rules)? {
        Ok(overrides) => overrides,
        Err((path, problems)) => return report_invalid(path, problems, as_json, lang),
    };
    let options = session_options(partial, overrides.as_ref());
    let text = read_input(file)?;
    match council::score_session(catalog.get(), &text, options) {
        Ok(result) => {
            match format {
                TableFormat::Json => print_json(&result)?,
                TableFormat::Text => print(&render::council(&result, lang))?,
                TableFormat::Csv => print(&render::council_csv(&result))?,
            }
            Ok(SUCCESS)
        }
        Err(problems) => report_invalid(file, problems, as_json, lang),
    }
}

/// A rules file read: its name and overrides; the inner error names the file and its problem.
pub(crate) type RulesFile = Option<(String, RuleOverrides)>;

/// Reads the optional rules file.
pub(crate) fn read_rules(
    path: Option<&Path>,
) -> Result<Result<RulesFile, (&Path, Vec<InputProblem>)>> {
    let Some(path) = path else {
        return Ok(Ok(None));
    };
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(council::parse_overrides(&text)
        .map(|overrides| Some((path.display().to_string(), overrides)))
        .map_err(|problems| (path, problems)))
}

/// Session options from the command's flags.
pub(crate) fn session_options(
    partial: bool,
    rules: Option<&(String, RuleOverrides)>,
) -> SessionOptions<'_> {
    SessionOptions {
        completeness: if partial {
            Completeness::Partial
        } else {
            Completeness::Complete
        },
        rules_file: rules.map(|(name, overrides)| (name.as_str(), overrides)),
    }
}
