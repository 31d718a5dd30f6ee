//! A province's register: the list of recognised products it publishes, each certificate
//! followed to its re-rating and expiry, counted, and checked against a plan's targets.
//!
//! The register is read as a [`Table`] (from CSV with [`read_csv`]; a workbook reader fills the
//! same table), each row checked on its own: a bad row is listed as a failure with its row and
//! column, and the others are still followed.

mod columns;
mod table;
mod targets;

use std::collections::BTreeMap;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

pub use table::{Table, TableError, TableRow, read_csv};
pub use targets::{Target, TargetReport, Targets};

use crate::certificate::{self, CertificateState};
use crate::lang::{Describe, Lang};
use crate::rubric::{Catalog, Level, Stars};
use columns::{Layout, read_row};

/// Days ahead `due` looks by default.
pub const DEFAULT_WITHIN: u16 = 90;

/// The register on a day: the `ocop register --format json` contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Register {
    /// The day the register is followed on.
    #[schemars(with = "String")]
    pub on: Date,
    /// How many days ahead `due` looks.
    pub within: u16,
    /// Every product read, in file order.
    pub products: Vec<RegisterProduct>,
    /// Counts.
    pub summary: Summary,
    /// Windows that open or close and certificates that expire (or whose extension ends)
    /// within `within` days of `on`, soonest first.
    pub due: Vec<Due>,
    /// A plan's targets and what is achieved against each (empty without targets).
    pub targets: Vec<TargetReport>,
    /// Header cells the register does not read.
    pub ignored_columns: Vec<String>,
    /// Every row that could not be read or followed.
    pub failures: Vec<Failure>,
}

/// One product of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RegisterProduct {
    /// Its row in the file.
    pub row: u64,
    /// Product code.
    pub code: String,
    /// Product name.
    pub name: String,
    /// The producer (chủ thể).
    pub owner: String,
    /// Commune.
    pub commune: String,
    /// District, when the register gives it.
    pub district: Option<String>,
    /// Province, when the register gives it.
    pub province: Option<String>,
    /// Stars recognised.
    pub stars: Stars,
    /// The recognition decision's number.
    pub decision: String,
    /// The decision's date.
    #[schemars(with = "String")]
    pub decided_on: Date,
    /// The recognising level, when the register gives it.
    pub level: Option<Level>,
    /// The rubric in force on the decision date.
    pub rubric: String,
    /// The last day the certificate is valid.
    #[schemars(with = "String")]
    pub expires_on: Date,
    /// The certificate's state on `on`.
    pub state: CertificateState,
    /// The re-rating window, under the rules in force when re-rating is filed.
    pub re_rating_window: Option<WindowDates>,
    /// The last day of the Điều 12.3 extension, when it applies.
    #[schemars(with = "Option<String>")]
    pub extended_until: Option<Date>,
    /// Days from `on` to `expires_on` (negative once expired).
    pub days_to_expiry: i64,
}

/// A re-rating window's first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct WindowDates {
    /// First day re-rating can be filed.
    #[schemars(with = "String")]
    pub opens: Date,
    /// Last day re-rating can be filed.
    #[schemars(with = "String")]
    pub closes: Date,
}

/// Counts of products.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, JsonSchema)]
pub struct Summary {
    /// Products by certificate state.
    pub by_state: BTreeMap<String, u32>,
    /// Products by stars.
    pub by_stars: BTreeMap<String, u32>,
    /// Products by commune.
    pub by_commune: BTreeMap<String, u32>,
    /// Products by the year of their decision.
    pub by_year: BTreeMap<String, u32>,
}

/// Something that happens to a certificate soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Due {
    /// The product's row.
    pub row: u64,
    /// Product code.
    pub code: String,
    /// Product name.
    pub name: String,
    /// What happens.
    pub event: DueEvent,
    /// When.
    #[schemars(with = "String")]
    pub date: Date,
    /// Days from `on`.
    pub days: i64,
}

/// What happens to a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DueEvent {
    /// The re-rating window opens.
    ReRatingWindowOpens,
    /// The re-rating window closes (its last day).
    ReRatingWindowCloses,
    /// The certificate's last valid day.
    Expires,
    /// The last day of the Điều 12.3 extension.
    ExtensionEnds,
}

/// A row, or the header, that could not be read or followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Failure {
    /// The row in the file (the header's row for a problem with the columns).
    pub row: u64,
    /// The column, as the file names it (`null`: the whole row).
    pub column: Option<String>,
    /// What is wrong, in Vietnamese.
    pub message: String,
}

/// Follows every product of a register on `on`: certificates, counts, what is due within
/// `within` days, and the targets.
pub fn follow(
    catalog: &Catalog,
    table: &Table,
    on: Date,
    within: u16,
    targets: Vec<Target>,
) -> Register {
    let mut register = Register {
        on,
        within,
        products: Vec::new(),
        summary: Summary::default(),
        due: Vec::new(),
        targets: Vec::new(),
        ignored_columns: Vec::new(),
        failures: Vec::new(),
    };
    let layout = match Layout::of(table) {
        Ok(layout) => layout,
        Err(failures) => {
            register.failures = failures;
            return register;
        }
    };
    register.ignored_columns = layout.ignored.clone();
    let horizon = crate::rubric::procedure::days_after(on, within);
    let mut entries = Vec::new();
    for row in &table.rows {
        let entry = match read_row(&layout, row) {
            Ok(entry) => entry,
            Err(failures) => {
                register.failures.extend(failures);
                continue;
            }
        };
        match certificate::certificate(catalog, None, entry.decided_on, on) {
            Ok(certificate) => {
                let product = RegisterProduct {
                    row: entry.row,
                    code: entry.code.clone(),
                    name: entry.name.clone(),
                    owner: entry.owner.clone(),
                    commune: entry.commune.clone(),
                    district: entry.district.clone(),
                    province: entry.province.clone(),
                    stars: entry.stars,
                    decision: entry.decision.clone(),
                    decided_on: entry.decided_on,
                    level: entry.level,
                    rubric: certificate.rubric,
                    expires_on: certificate.expires_on,
                    state: certificate.state,
                    re_rating_window: certificate.re_rating_window.map(|window| WindowDates {
                        opens: window.opens,
                        closes: window.closes,
                    }),
                    extended_until: certificate.extended_until,
                    days_to_expiry: certificate.days_to_expiry,
                };
                register
                    .due
                    .extend(due(&product, on, horizon.unwrap_or(Date::MAX)));
                count(&mut register.summary, &product);
                register.products.push(product);
                entries.push(entry);
            }
            Err(error) => register.failures.push(Failure {
                row: entry.row,
                column: Some("decided_on".to_owned()),
                message: error.describe(Lang::Vi),
            }),
        }
    }
    register
        .due
        .sort_by_key(|due| (due.date, due.row, due.event));
    register.failures.sort_by_key(|failure| failure.row);
    register.targets = targets::report(targets, &entries);
    register
}

/// The events of a product between `on` and `horizon`, both included.
fn due(product: &RegisterProduct, on: Date, horizon: Date) -> Vec<Due> {
    let mut events = Vec::new();
    if let Some(window) = product.re_rating_window {
        events.push((DueEvent::ReRatingWindowOpens, window.opens));
        events.push((DueEvent::ReRatingWindowCloses, window.closes));
    }
    events.push((DueEvent::Expires, product.expires_on));
    if let Some(until) = product.extended_until {
        events.push((DueEvent::ExtensionEnds, until));
    }
    events
        .into_iter()
        .filter(|(_, date)| *date >= on && *date <= horizon)
        .map(|(event, date)| Due {
            row: product.row,
            code: product.code.clone(),
            name: product.name.clone(),
            event,
            date,
            days: on.until(date).map_or(0, |span| i64::from(span.get_days())),
        })
        .collect()
}

fn count(summary: &mut Summary, product: &RegisterProduct) {
    let add = |map: &mut BTreeMap<String, u32>, key: String| {
        *map.entry(key).or_default() += 1;
    };
    add(&mut summary.by_state, product.state.as_str().to_owned());
    add(&mut summary.by_stars, product.stars.to_string());
    add(&mut summary.by_commune, product.commune.clone());
    add(&mut summary.by_year, product.decided_on.year().to_string());
}
