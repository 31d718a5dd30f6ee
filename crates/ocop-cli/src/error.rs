//! Why a command could not give its result, and the exit status each reason gives.

use std::io;

use ocop_core::lang::{Describe, Lang};
use ocop_core::rubric::{RubricError, RubricProblem};
use ocop_core::sheet::InputProblems;

use crate::{FAILURE, INVALID, SUCCESS};

/// Why a command could not give its result.
#[derive(Debug)]
pub(crate) enum CliError {
    /// An input document is invalid (exit 1).
    Invalid {
        /// The file, as named on the command line (`<stdin>` for standard input).
        file: String,
        /// Every problem found.
        problems: InputProblems,
    },
    /// Rubric data is invalid (exit 1).
    Rubric {
        /// Every problem found, warnings included.
        problems: Vec<RubricProblem>,
    },
    /// A file could not be read (exit 2).
    Read {
        /// The file.
        file: String,
        /// What the system said.
        error: io::Error,
    },
    /// The output could not be written (exit 2; 0 for a reader that went away, as `head` does).
    Write(io::Error),
    /// The command was started with its standard output closed (exit 2).
    StdoutClosed,
    /// The command was used wrongly (exit 2).
    Usage(String),
}

impl CliError {
    /// The exit status.
    pub(crate) fn status(&self) -> u8 {
        match self {
            CliError::Invalid { .. } | CliError::Rubric { .. } => INVALID,
            CliError::Write(error) if error.kind() == io::ErrorKind::BrokenPipe => SUCCESS,
            CliError::Read { .. }
            | CliError::Write(_)
            | CliError::StdoutClosed
            | CliError::Usage(_) => FAILURE,
        }
    }

    /// A catalog that could not be opened: unreadable files, or invalid data.
    pub(crate) fn from_catalog(error: RubricError) -> Self {
        match error {
            RubricError::Io { path, message } => CliError::Read {
                file: path,
                error: io::Error::other(message),
            },
            RubricError::Invalid { problems } => CliError::Rubric { problems },
            other => CliError::Usage(other.to_string()),
        }
    }

    /// A rubric or product set named on the command line (by `arg`) that cannot be used: an
    /// unknown one is a usage error, said in the language asked for; invalid data is invalid
    /// data.
    pub(crate) fn from_rubric_arg(arg: &str, error: RubricError, lang: Lang) -> Self {
        match error {
            RubricError::UnknownRubric { .. }
            | RubricError::UnknownSet { .. }
            | RubricError::NoneInForce { .. } => {
                CliError::Usage(format!("{arg}: {}", error.describe(lang)))
            }
            other => Self::from_catalog(other),
        }
    }

    /// The message of an I/O or usage error, in the language asked for.
    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            CliError::Read { file, error } => match lang {
                Lang::Vi => format!("không đọc được {file}: {}", io_reason(error, lang)),
                Lang::En => format!("cannot read {file}: {}", io_reason(error, lang)),
            },
            CliError::Write(error) => match lang {
                Lang::Vi => format!("không ghi được kết quả: {}", io_reason(error, lang)),
                Lang::En => format!("cannot write the output: {}", io_reason(error, lang)),
            },
            CliError::StdoutClosed => match lang {
                Lang::Vi => "không ghi được kết quả: đầu ra chuẩn (stdout) đã bị đóng".to_owned(),
                Lang::En => "cannot write the output: standard output is closed".to_owned(),
            },
            CliError::Usage(message) => message.clone(),
            CliError::Invalid { file, problems } => match lang {
                Lang::Vi => format!("{file}: {} lỗi", problems.total()),
                Lang::En => format!("{file}: {} problem(s)", problems.total()),
            },
            CliError::Rubric { problems } => match lang {
                Lang::Vi => format!("dữ liệu bộ tiêu chí có {} vấn đề", problems.len()),
                Lang::En => format!("{} problem(s) in rubric data", problems.len()),
            },
        }
    }
}

impl From<io::Error> for CliError {
    /// Errors met while printing.
    fn from(error: io::Error) -> Self {
        CliError::Write(error)
    }
}

/// Why a file could not be read or written, in words.
fn io_reason(error: &io::Error, lang: Lang) -> String {
    lang.io_reason(error.kind(), &error.to_string())
}

/// Reports a command line clap rejects, and gives the exit status: help and version are
/// printed as asked (0); anything else is a usage error (2), a JSON document on standard output
/// when the command line asks for `--format json`.
pub(crate) fn usage(error: &clap::Error) -> u8 {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        return match error.print() {
            Ok(()) => SUCCESS,
            Err(_) => FAILURE,
        };
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The command line clap refused is read for the two options that decide how to say so.
    let asks = |option: &str, value: &str| {
        args.windows(2)
            .any(|pair| matches!(pair, [flag, given] if flag == option && given == value))
            || args.iter().any(|arg| *arg == *format!("{option}={value}"))
    };
    if asks("--format", "json") {
        let message = error.render().to_string();
        let failure = CliError::Usage(message.trim_end().to_owned());
        crate::output::Report {
            json: true,
            lang: Lang::En,
        }
        .failure(&failure)
    } else {
        if !asks("--lang", "en") {
            eprintln!("{}", vietnamese_usage(error));
        }
        let _ = error.print();
        FAILURE
    }
}

/// What clap rejected, in a Vietnamese sentence; clap's own explanation (English, with the
/// usage line and its tips) follows it.
fn vietnamese_usage(error: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        Some(ContextValue::Strings(texts)) => texts.join(", "),
        Some(ContextValue::StyledStr(text)) => text.to_string(),
        Some(ContextValue::StyledStrs(texts)) => texts
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    };
    let argument = context(ContextKind::InvalidArg);
    match error.kind() {
        ErrorKind::UnknownArgument => format!("lỗi: không có tham số {argument}"),
        ErrorKind::InvalidSubcommand => format!(
            "lỗi: không có lệnh {}",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => format!("lỗi: thiếu tham số bắt buộc {argument}"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = context(ContextKind::InvalidValue);
            match context(ContextKind::ValidValue) {
                valid if valid.is_empty() => {
                    format!("lỗi: giá trị \"{value}\" không hợp lệ cho {argument}")
                }
                valid => format!(
                    "lỗi: giá trị \"{value}\" không hợp lệ cho {argument}; chỉ nhận: {valid}"
                ),
            }
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            "lỗi: thiếu lệnh".to_owned()
        }
        _ => "lỗi: dòng lệnh không hợp lệ".to_owned(),
    }
}
