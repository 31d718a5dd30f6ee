//! `ocop score`: read a member's sheet (JSON, or a member's tab of a workbook), print its
//! scorecard.

use std::path::PathBuf;

use ocop_core::lang::Lang;
use ocop_core::score;

use crate::args::{DocumentFormat, LangArg, RubricsArg, completeness};
use crate::input::{Wanted, read_document};
use crate::output::{emit, emit_text, json_bytes};
use crate::{CliError, SUCCESS, catalog, render};

// The arguments of `ocop score`.
#[derive(Debug, clap::Args)]
pub(crate) struct ScoreArgs {
    /// The sheet: JSON, or a council workbook (.xlsx).
    file: PathBuf,
    /// In a workbook, the member whose tab to score (id or tab name); needed when several score.
    #[arg(long, value_name = "ID")]
    member: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DocumentFormat::Text)]
    pub(crate) format: DocumentFormat,
    /// Write the output to this file.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Language of labels and messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub(crate) lang: LangArg,
    /// Score an unfinished sheet: points so far, the most still reachable, the stars still
    /// possible.
    #[arg(long)]
    partial: bool,
    #[command(flatten)]
    rubrics: RubricsArg,
}

/// Runs `ocop score`.
pub(crate) fn run(args: ScoreArgs) -> Result<u8, CliError> {
    let lang: Lang = args.lang.into();
    let catalog = catalog(&args.rubrics)?;
    let wanted = Wanted::Sheet {
        member: args.member.as_deref(),
        lang,
    };
    let document = read_document(&catalog, &args.file, wanted)?;
    let scored = score::score_sheet(&catalog, document.text(), completeness(args.partial));
    let card = document.check(scored)?;
    let output = args.output.as_deref();
    match args.format {
        DocumentFormat::Json => emit(output, &json_bytes(&card)?)?,
        DocumentFormat::Text => emit_text(output, &render::scorecard(&card, lang))?,
        DocumentFormat::Html => {
            let key = format!("{}@{}", card.rubric, card.rubric_revision);
            let loaded = catalog
                .product_set(&key, card.product_set)
                .map_err(CliError::from_catalog)?;
            emit(output, ocop_print::scorecard(&loaded, &card).as_bytes())?;
        }
    }
    Ok(SUCCESS)
}
