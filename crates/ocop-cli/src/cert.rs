//! `ocop cert`: a certificate's expiry, re-rating window and state on a date.

use jiff::civil::Date;
use ocop_core::certificate::{self, CertificateError};
use ocop_core::lang::Lang;

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
    let on = match on {
        Some(on) => on,
        None => jiff::ZonedDateTime::now().date(),
    };
    let certificate = certificate::certificate_in(&catalog, decided, on, rubric).map_err(
        |error| match error {
            CertificateError::Rubric(error) => {
                CliError::from_rubric_arg("--rubric/--decided", error)
            }
            CertificateError::Date(error) => {
                CliError::Usage(format!("--decided {decided}: {error}"))
            }
        },
    )?;
    match format {
        Format::Json => print_json(&certificate)?,
        Format::Text => print(&render::certificate(&certificate, lang))?,
    }
    Ok(SUCCESS)
}
