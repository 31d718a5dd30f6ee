//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use ocop_core::lang::Lang;

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
pub(crate) enum Command {
    /// Score one council member's sheet (JSON; `-` reads standard input).
    Score {
        /// The sheet.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of labels and messages.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        /// Score an unfinished sheet: points so far, the most still reachable, the stars still
        /// possible.
        #[arg(long)]
        partial: bool,
        #[command(flatten)]
        rubrics: RubricsArg,
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
        /// Language of labels.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        #[command(flatten)]
        rubrics: RubricsArg,
    },
}

/// Where rubrics come from.
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
pub(crate) enum SheetFormat {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangArg {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}
