//! `ocop register`: follows every certificate of a province's published list of recognised
//! products on a day.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use ocop_core::lang::Lang;
use ocop_core::register::{self, DEFAULT_WITHIN, Target, Targets};
use ocop_core::sheet::{InputProblem, InputProblems};

use crate::args::{LangArg, ListFormat, RubricsArg};
use crate::input::is_workbook;
use crate::output::{print, print_json, read_file};
use crate::{CliError, INVALID, SUCCESS, catalog, render};

// Follow a register of recognised products (CSV: UTF-8, comma or semicolon, header row):
// certificates, windows, expiry, counts, what is due, a plan's targets.
#[derive(Debug, clap::Args)]
pub(crate) struct RegisterArgs {
    /// The register: a CSV file, or a workbook (.xlsx) whose first sheet is the list.
    file: PathBuf,
    /// The day to follow it on (default: today; YYYY-MM-DD or D/M/YYYY).
    #[arg(long, value_name = "DATE", value_parser = crate::cert::date_arg)]
    on: Option<Date>,
    /// List what falls due within this many days.
    #[arg(long, value_name = "DAYS", default_value_t = DEFAULT_WITHIN)]
    within: u16,
    /// A plan's targets (JSON: one target or a list), e.g. {"district": "Lý Sơn", "year":
    /// 2022, "min_stars": 3, "count": 3}.
    #[arg(long, value_name = "FILE")]
    targets: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    /// Language of labels.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
    #[command(flatten)]
    rubrics: RubricsArg,
}

impl RegisterArgs {
    /// Whether the JSON document was asked for.
    pub(crate) fn json(&self) -> bool {
        self.format == ListFormat::Json
    }

    /// The language asked for.
    pub(crate) fn lang(&self) -> LangArg {
        self.lang
    }
}

pub(crate) fn run(args: RegisterArgs) -> Result<u8, CliError> {
    let lang: Lang = args.lang.into();
    let catalog = catalog(&args.rubrics)?;
    let targets = match &args.targets {
        Some(path) => read_targets(path, lang)?,
        None => Vec::new(),
    };
    let table = read_table(&args.file, lang)?;
    let on = args.on.unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let followed = register::follow(&catalog, &table, on, args.within, targets);
    match args.format {
        ListFormat::Json => print_json(&followed)?,
        ListFormat::Csv => print(&render::register_csv(&followed))?,
        ListFormat::Text => print(&render::register(&followed, lang))?,
    }
    Ok(if followed.failures.is_empty() {
        SUCCESS
    } else {
        INVALID
    })
}

/// The register's table, from a CSV file or from a workbook's first sheet (`.xlsx`, known by its
/// name or its content).
fn read_table(path: &Path, lang: Lang) -> Result<register::Table, CliError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| CliError::Read {
        file: name.clone(),
        error,
    })?;
    let table = if is_workbook(path, &bytes) {
        ocop_workbook::register_table(&bytes)
    } else {
        register::read_csv(&bytes)
    };
    table.map_err(|error| CliError::Invalid {
        file: name,
        problems: InputProblems::one(InputProblem::invalid_value("file", error.to_string(), lang)),
    })
}

fn read_targets(path: &Path, lang: Lang) -> Result<Vec<Target>, CliError> {
    let input = read_file(path)?;
    Targets::from_json(&input.text).map_err(|error| {
        let problem = InputProblem::invalid_value("targets", error.to_string(), lang);
        input.invalid(InputProblems::one(problem))
    })
}
