//! `ocop workbook`: a council workbook made from a session, or blank for a council.

use std::path::PathBuf;

use ocop_core::lang::Lang;
use ocop_workbook::Form;

use crate::args::{LangArg, RubricsArg, TableFormat};
use crate::council::require_output;
use crate::input::{Wanted, read_document};
use crate::output::emit;
use crate::{CliError, SUCCESS, catalog};

// The arguments of `ocop workbook`.
#[derive(Debug, clap::Args)]
pub(crate) struct WorkbookArgs {
    /// The council session to make it from (JSON, or a workbook to make afresh); none: a blank
    /// workbook for `--rubric`, `--set` and `--members`.
    file: Option<PathBuf>,
    /// Where to write the workbook (.xlsx).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    /// For a blank workbook: the rubric (`qd26-2026`, `qd26-2026@1`).
    #[arg(long, conflicts_with = "file", requires_all = ["product_set", "members"])]
    rubric: Option<String>,
    /// For a blank workbook: the product set's number (1–26).
    #[arg(long = "set", conflicts_with = "file")]
    product_set: Option<u8>,
    /// For a blank workbook: how many members score (the first chairs).
    #[arg(long, conflicts_with = "file", value_parser = clap::value_parser!(u8).range(1..=50))]
    members: Option<u8>,
    /// Whether problems of the session are printed as JSON.
    #[arg(long, value_enum, default_value_t = crate::args::Format::Text)]
    pub(crate) format: crate::args::Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub(crate) lang: LangArg,
    #[command(flatten)]
    rubrics: RubricsArg,
}

/// Runs `ocop workbook`.
pub(crate) fn run(args: WorkbookArgs) -> Result<u8, CliError> {
    let lang: Lang = args.lang.into();
    require_output(TableFormat::Xlsx, Some(&args.output), lang)?;
    let catalog = catalog(&args.rubrics)?;
    let form = match (&args.file, &args.rubric, args.product_set, args.members) {
        (Some(file), ..) => {
            let document = read_document(&catalog, file, Wanted::Session)?;
            document.check(Form::from_session(&catalog, document.text()))?
        }
        (None, Some(rubric), Some(set), Some(members)) => {
            Form::blank(&catalog, rubric, set, usize::from(members)).map_err(|error| {
                CliError::from_rubric_arg("--rubric/--set", error, args.lang.into())
            })?
        }
        _ => {
            return Err(CliError::Usage(
                lang.pick(
                    "hãy cho một phiên hội đồng, hoặc --rubric, --set và --members để tạo sổ tính trống",
                    "give a council session, or --rubric, --set and --members for a blank workbook",
                )
                .to_owned(),
            ));
        }
    };
    let bytes = ocop_workbook::council_workbook(&form)
        .map_err(|error| CliError::Write(std::io::Error::other(error)))?;
    emit(Some(&args.output), &bytes)?;
    Ok(SUCCESS)
}
