//! `ocop cert`: a certificate's expiry, re-rating window and state on a date.

use anyhow::{Context, Result};
use jiff::civil::Date;
use ocop_core::certificate;
use ocop_core::lang::Lang;

use crate::args::{Format, RubricsArg};
use crate::{SUCCESS, catalog, print, print_json, render};

pub(crate) fn run(
    decided: Date,
    on: Option<Date>,
    rubric: Option<&str>,
    format: Format,
    lang: Lang,
    rubrics: &RubricsArg,
) -> Result<u8> {
    let catalog = catalog(rubrics)?;
    let rubric = match rubric {
        Some(id) => catalog.instrument(id)?.id.clone(),
        None => catalog.in_force_on(decided)?.id.clone(),
    };
    let on = match on {
        Some(on) => on,
        None => jiff::ZonedDateTime::now().date(),
    };
    let certificate = certificate::certificate(&rubric, decided, on)
        .context("computing the certificate's dates")?;
    match format {
        Format::Json => print_json(&certificate)?,
        Format::Text => print(&render::certificate(&certificate, lang))?,
    }
    Ok(SUCCESS)
}
