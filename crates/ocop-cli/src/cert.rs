//! `ocop cert` (a certificate's expiry, re-rating window and state on a date) and `ocop
//! calendar` (the rounds of a year).

use jiff::civil::Date;
use ocop_core::calendar::CalendarError;
use ocop_core::certificate::{self, CertificateError};
use ocop_core::lang::{Describe, Lang};
use ocop_core::rubric::Level;
use ocop_core::sheet::InputProblems;

use crate::args::{Format, RubricsArg};
use crate::output::{print, print_json};
use crate::{CliError, SUCCESS, catalog, render};

pub(crate) fn run(
    decided: Date,
    on: Option<Date>,
    rubric: Option<&str>,
    format: Format,
    lang: Lang,
    rubrics: &RubricsArg,
) -> Result<u8, CliError> {
    let catalog = catalog(rubrics)?;
    let on = on.unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let certificate = certificate::certificate_in(&catalog, decided, on, rubric).map_err(
        |error| match error {
            CertificateError::Rubric(error) => CliError::from_rubric_arg("--rubric", error, lang),
            CertificateError::OutOfRange(_) => CliError::Usage(error.describe(lang)),
            _ => CliError::Invalid {
                file: "--decided".to_owned(),
                problems: InputProblems::one(error.as_problem("decided", lang)),
            },
        },
    )?;
    match format {
        Format::Json => print_json(&certificate)?,
        Format::Text => print(&render::certificate(&certificate, lang))?,
    }
    Ok(SUCCESS)
}

pub(crate) fn calendar(
    year: i16,
    level: Option<Level>,
    on: Option<Date>,
    format: Format,
    lang: Lang,
    rubrics: &RubricsArg,
) -> Result<u8, CliError> {
    let catalog = catalog(rubrics)?;
    let calendar =
        ocop_core::calendar::calendar(&catalog, year, level, on).map_err(|error| match error {
            CalendarError::OutOfRange(_) => CliError::Usage(error.describe(lang)),
            _ => CliError::Invalid {
                file: "YEAR".to_owned(),
                problems: InputProblems::one(error.as_problem(lang)),
            },
        })?;
    match format {
        Format::Json => print_json(&calendar)?,
        Format::Text => print(&ocop_core::calendar::describe(&calendar, lang))?,
    }
    Ok(SUCCESS)
}

/// Reads a date given on the command line: `YYYY-MM-DD` or `D/M/YYYY`.
pub(crate) fn date_arg(text: &str) -> Result<Date, String> {
    ocop_core::dates::parse(text).map_err(|error| error.to_string())
}
