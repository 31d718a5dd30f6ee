//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use ocop_core::lang::Lang;
use ocop_core::sheet::Completeness;

/// Scores and ranks products of Vietnam's OCOP programme on the official criteria.
///
/// Exit status: 0 when the command succeeded, 1 when an input or rubric is invalid (every
/// problem is listed), 2 for a usage or I/O error.
#[derive(Debug, Parser)]
#[command(name = "ocop", version, about, long_about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
// Subcommands are built only when invoked: building all of them cost a tenth of a one-sheet
// `ocop score` start-up. Their arguments structs therefore carry plain comments, not doc comments
// (which would replace the description below); a test holds that.
#[command(defer = true)]
pub(crate) enum Command {
    /// Score one council member's sheet (JSON, or a member's tab of a council workbook; `-`
    /// reads standard input).
    Score(crate::score::ScoreArgs),
    /// Make a council workbook (.xlsx) from a session, or a blank one for a council.
    Workbook(crate::workbook::WorkbookArgs),
    /// What to improve on a member's sheet to reach a star level (by default the next one),
    /// and the margin below (JSON; `-` reads standard input).
    Advise(crate::advise::AdviseArgs),
    /// Combine a council session's member sheets into the council's result (JSON; `-` reads
    /// standard input).
    Council(crate::council::CouncilArgs),
    /// Score and rank a round of council sessions: session files, folders of them, or NDJSON
    /// (one session per line; `-` reads standard input).
    Rank(crate::rank::RankArgs),
    /// A certificate's expiry, re-rating window, extension and state on a date.
    Cert {
        /// Date of the certifying decision (YYYY-MM-DD or D/M/YYYY).
        #[arg(long, value_name = "DATE", value_parser = crate::cert::date_arg)]
        decided: jiff::civil::Date,
        /// The day to give the state for (default: today; YYYY-MM-DD or D/M/YYYY).
        #[arg(long, value_name = "DATE", value_parser = crate::cert::date_arg)]
        on: Option<jiff::civil::Date>,
        /// The rubric the certificate was issued under (default: the one in force on the
        /// decision date). Re-rating follows the rules in force when it is filed.
        #[arg(long)]
        rubric: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of labels.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        #[command(flatten)]
        rubrics: RubricsArg,
    },
    /// The evaluation rounds a year must have (QĐ 26/2026 Điều 5), and the first round a file
    /// proposed on a day can enter.
    Calendar {
        /// The year.
        year: i16,
        /// Only this level's rounds.
        #[arg(long, value_enum)]
        level: Option<LevelArg>,
        /// The day a file is proposed (YYYY-MM-DD or D/M/YYYY): the first round it can enter.
        #[arg(long, value_name = "DATE", value_parser = crate::cert::date_arg)]
        on: Option<jiff::civil::Date>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of labels.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        #[command(flatten)]
        rubrics: RubricsArg,
    },
    /// Follow a province's register of recognised products: certificates, re-rating windows,
    /// expiry, counts, what falls due, a plan's targets.
    Register(crate::register::RegisterArgs),
    /// Check rubric data: every problem with its file and position, and every recorded erratum.
    Lint(crate::data::LintArgs),
    /// What differs between two rubrics or revisions: sets, criteria, options, points, gates.
    Diff(crate::data::DiffArgs),
    /// Re-check the stored cases against the current rubrics.
    Fixtures(crate::data::FixturesArgs),
    /// Carry an old sheet's answers to another rubric and show the impact.
    Rescore(crate::data::RescoreArgs),
    /// Print a JSON Schema of the files and documents.
    Schema(crate::data::SchemaArgs),
    /// Serve the engine over HTTP: every command's JSON document at an endpoint (`/v1/score`,
    /// `/v1/council`, `/v1/rank`, …; `/openapi.json` describes them), until SIGINT or SIGTERM.
    /// `ocop serve --help` lists its options.
    #[command(disable_help_flag = true)]
    Serve {
        /// The options of `ocop-serve`, which runs the service.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<std::ffi::OsString>,
    },
    /// List the rubrics and their product sets.
    Rubrics {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of labels.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        #[command(flatten)]
        rubrics: RubricsArg,
    },
    /// Print a blank scoring sheet, as a council member would fill it in.
    Sheet {
        /// The rubric, e.g. `qd26-2026`.
        #[arg(long)]
        rubric: String,
        /// The product set's number (1–26).
        #[arg(long = "set")]
        product_set: u8,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SheetFormat::Text)]
        format: SheetFormat,
        /// Write the output to this file.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Language of labels.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        #[command(flatten)]
        rubrics: RubricsArg,
    },
}

impl Command {
    /// Whether the command was asked for its JSON output: then every outcome, failures
    /// included, is a JSON document on standard output.
    pub(crate) fn json(&self) -> bool {
        match self {
            Command::Cert { format, .. }
            | Command::Calendar { format, .. }
            | Command::Rubrics { format, .. } => *format == Format::Json,
            Command::Score(args) => args.format == DocumentFormat::Json,
            Command::Workbook(args) => args.format == Format::Json,
            Command::Advise(args) => args.format == DocumentFormat::Json,
            Command::Lint(args) => args.format == Format::Json,
            Command::Diff(args) => args.format == Format::Json,
            Command::Rescore(args) => args.format == Format::Json,
            Command::Fixtures(args) => {
                let crate::data::FixturesAction::Check { format, .. } = &args.action;
                *format == Format::Json
            }
            Command::Council(args) => args.format == TableFormat::Json,
            Command::Rank(args) => args.format == TableFormat::Json,
            Command::Register(args) => args.json(),
            Command::Sheet { .. } | Command::Schema(_) | Command::Serve { .. } => false,
        }
    }

    /// The language of messages the command was asked for.
    pub(crate) fn lang(&self) -> Lang {
        let lang = match self {
            Command::Cert { lang, .. }
            | Command::Calendar { lang, .. }
            | Command::Rubrics { lang, .. }
            | Command::Sheet { lang, .. } => *lang,
            Command::Score(args) => args.lang,
            Command::Workbook(args) => args.lang,
            Command::Advise(args) => args.lang,
            Command::Council(args) => args.lang,
            Command::Rank(args) => args.lang,
            Command::Register(args) => args.lang(),
            Command::Lint(args) => args.lang,
            Command::Diff(args) => args.lang,
            Command::Rescore(args) => args.lang,
            Command::Fixtures(args) => {
                let crate::data::FixturesAction::Check { lang, .. } = &args.action;
                *lang
            }
            Command::Schema(_) | Command::Serve { .. } => LangArg::Vi,
        };
        lang.into()
    }
}

/// How complete the sheets must be, from a command's `--partial`.
pub(crate) fn completeness(partial: bool) -> Completeness {
    if partial {
        Completeness::Partial
    } else {
        Completeness::Complete
    }
}

// Where rubrics come from. (A plain comment: under `#[command(defer = true)]` a doc comment here
// would replace the help text of every subcommand that flattens it.)
#[derive(Debug, clap::Args)]
pub(crate) struct RubricsArg {
    /// Read rubrics from this folder instead of the bundled ones.
    #[arg(long = "rubrics", value_name = "DIR")]
    pub(crate) path: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Readable text.
    Text,
    /// The stable JSON contract.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableFormat {
    /// Readable text.
    Text,
    /// The stable JSON contract.
    Json,
    /// Comma-separated values, for spreadsheets.
    Csv,
    /// An Excel workbook (.xlsx, with `-o FILE`): real numbers, Vietnamese headings.
    Xlsx,
    /// A printable document (A4, self-contained HTML).
    Html,
}

/// The formats of a list that has no workbook or printed form yet (`ocop register`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// Readable text.
    Text,
    /// The stable JSON contract.
    Json,
    /// Comma-separated values, for spreadsheets.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DocumentFormat {
    /// Readable text.
    Text,
    /// The stable JSON contract.
    Json,
    /// A printable document (A4, self-contained HTML).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SheetFormat {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// A printable document (A4, self-contained HTML).
    Html,
}

/// An evaluation level that holds rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LevelArg {
    /// Cấp tỉnh.
    Province,
    /// Cấp trung ương.
    Central,
}

impl From<LevelArg> for ocop_core::rubric::Level {
    fn from(level: LevelArg) -> Self {
        match level {
            LevelArg::Province => Self::Province,
            LevelArg::Central => Self::Central,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangArg {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl SheetFormat {
    /// The text format the core renders, `None` for the printable document.
    pub(crate) fn text(self) -> Option<ocop_core::blank::SheetFormat> {
        match self {
            SheetFormat::Text => Some(ocop_core::blank::SheetFormat::Text),
            SheetFormat::Markdown => Some(ocop_core::blank::SheetFormat::Markdown),
            SheetFormat::Html => None,
        }
    }
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}
