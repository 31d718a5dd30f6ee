//! `ocop cert`: a certificate's expiry, re-rating window and state on a date.

use jiff::civil::Date;
use ocop_core::certificate;
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
    let rubric = match rubric {
        Some(id) => catalog.instrument(id),
        None => catalog.in_force_on(decided),
    }
    .map_err(|error| CliError::from_rubric_arg("--rubric/--decided", error))?
    .id
    .clone();
    let on = match on {
        Some(on) => on,
        None => jiff::ZonedDateTime::now().date(),
    };
    let certificate = certificate::certificate(&rubric, decided, on)
        .map_err(|error| CliError::Usage(format!("--decided {decided}: {error}")))?;
    match format {
        Format::Json => print_json(&certificate)?,
        Format::Text => print(&render::certificate(&certificate, lang))?,
    }
    Ok(SUCCESS)
}
