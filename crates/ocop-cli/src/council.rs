//! `ocop council`: read a session (and a rules file), print the council's result.

use std::path::{Path, PathBuf};

use ocop_core::council::{self, RuleOverrides, SessionOptions};
use ocop_core::lang::Lang;

use crate::args::{LangArg, RubricsArg, TableFormat, completeness};
use crate::input::{Wanted, read_document};
use crate::output::{emit, emit_text, json_bytes, read_file};
use crate::{CliError, SUCCESS, catalog, render};

// The arguments of `ocop council`.
#[derive(Debug, clap::Args)]
pub(crate) struct CouncilArgs {
    /// The session: JSON, or a council workbook (.xlsx).
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub(crate) format: TableFormat,
    /// Write the output to this file (needed for `--format xlsx`).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
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
    let output = args.output.as_deref();
    require_output(args.format, output, lang)?;
    let document = read_document(&catalog, &args.file, Wanted::Session)?;
    let result = document.check(council::score_session(&catalog, document.text(), options))?;
    match args.format {
        TableFormat::Json => emit(output, &json_bytes(&result)?)?,
        TableFormat::Text => emit_text(output, &render::council(&result, lang))?,
        TableFormat::Csv => emit(output, render::council_csv(&result).as_bytes())?,
        TableFormat::Html => emit(output, ocop_print::council(&result).as_bytes())?,
        TableFormat::Xlsx => emit(
            output,
            &ocop_workbook::council_result_workbook(&result)
                .map_err(|error| CliError::Write(std::io::Error::other(error)))?,
        )?,
    }
    Ok(SUCCESS)
}

/// A workbook is written to a file, never to a terminal, and never under another format's name
/// (`-o result.json` would hide a workbook where a program expects JSON).
pub(crate) fn require_output(
    format: TableFormat,
    output: Option<&Path>,
    lang: Lang,
) -> Result<(), CliError> {
    if format != TableFormat::Xlsx {
        return Ok(());
    }
    let Some(output) = output else {
        return Err(CliError::Usage(
            lang.pick(
                "--format xlsx ghi ra một tệp Excel: hãy cho tên tệp bằng -o TỆP",
                "--format xlsx writes a workbook: give the file with -o FILE",
            )
            .to_owned(),
        ));
    };
    let other_format = output
        .extension()
        .is_some_and(|extension| !extension.eq_ignore_ascii_case("xlsx"));
    if other_format {
        return Err(CliError::Usage(format!(
            "{}: {}",
            output.display(),
            lang.pick(
                "tệp Excel phải có đuôi .xlsx",
                "a workbook's file name ends in .xlsx"
            )
        )));
    }
    Ok(())
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
