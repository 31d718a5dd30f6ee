//! `ocop advise`: read a member's sheet (and a cost file), print what to improve to reach a star
//! level, and the margin below.

use std::path::PathBuf;

use clap::builder::TypedValueParser as _;
use ocop_core::advise::{DEFAULT_ALTERNATIVES, InvalidPart, TextRequest, advise_text};
use ocop_core::lang::Lang;

use crate::args::{DocumentFormat, LangArg, RubricsArg, completeness};
use crate::input::{Wanted, read_document};
use crate::output::{emit, emit_text, json_bytes, read_file};
use crate::{CliError, SUCCESS, catalog, render};

// The arguments of `ocop advise`.
#[derive(Debug, clap::Args)]
pub(crate) struct AdviseArgs {
    /// A member's sheet, or a council session advised on its members' mean (JSON, or a council
    /// workbook; `-` reads standard input).
    file: PathBuf,
    /// The star level to reach, 1 to 5 (default: the next one above the current stars).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=5))]
    target: Option<u8>,
    /// A cost file, criterion code → cost as a decimal string (`{"1.5": "2", "6.3": "0.5"}`;
    /// `"*"` prices every criterion not listed, otherwise those are left as they are): the plans
    /// then minimise the total cost.
    #[arg(long = "cost", value_name = "COSTS")]
    cost: Option<PathBuf>,
    /// How many tied plans to list at most.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_ALTERNATIVES,
          value_parser = clap::value_parser!(u16).range(1..).map(usize::from))]
    alternatives: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DocumentFormat::Text)]
    pub(crate) format: DocumentFormat,
    /// Write the output to this file.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Language of labels and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub(crate) lang: LangArg,
    /// Advise on an unfinished sheet: the stars still possible and what the unanswered criteria
    /// must reach.
    #[arg(long)]
    partial: bool,
    #[command(flatten)]
    rubrics: RubricsArg,
}

/// Runs `ocop advise`.
pub(crate) fn run(args: AdviseArgs) -> Result<u8, CliError> {
    let lang: Lang = args.lang.into();
    let catalog = catalog(&args.rubrics)?;
    let document = read_document(&catalog, &args.file, Wanted::Session)?;
    let costs = args.cost.as_deref().map(read_file).transpose()?;
    // A council session (a workbook's among them) is advised on its members' mean; anything
    // else is read as a sheet.
    let request = TextRequest {
        subject: document.text(),
        costs: costs.as_ref().map(|costs| costs.text.as_str()),
        target: args.target,
        alternatives: args.alternatives,
        completeness: completeness(args.partial),
        lang,
    };
    let advised = match advise_text(&catalog, &request) {
        Ok(advised) => advised,
        // Costs are invalid only when there are some.
        Err((InvalidPart::Costs, problems)) => match costs {
            Some(costs) => return Err(costs.invalid(problems)),
            None => return document.check(Err(problems)),
        },
        Err((InvalidPart::Subject, problems)) => return document.check(Err(problems)),
    };
    let set = advised.subject.loaded().set;
    let advice = &advised.advice;
    let output = args.output.as_deref();
    match args.format {
        DocumentFormat::Json => emit(output, &json_bytes(advice)?)?,
        DocumentFormat::Text => emit_text(output, &render::advice(advice, set, lang))?,
        DocumentFormat::Html => emit(output, ocop_print::advice(advice, set).as_bytes())?,
    }
    Ok(SUCCESS)
}
