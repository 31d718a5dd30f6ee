//! Certificates: validity, expiry, the re-rating window and the transitional extension.
//!
//! A certificate is valid for the months its issuing instrument sets (36 under QĐ 1048, 148 and
//! 26/2026) from its decision. Periods are counted as the Civil Code counts them (Bộ luật Dân sự
//! 2015, Điều 147–148): from the day after the decision, ending at the end of the day with the
//! same number in the last month, or the month's last day when it has no such day. A decision of
//! 15/6/2026 is thus valid through 15/6/2029; one of 29/2/2028 through 28/2/2031.
//!
//! Re-rating is filed under the rules in force when it is filed, whatever rubric issued the
//! certificate: the window is that of the newest instrument already in force on the day its own
//! window would close (QĐ 26/2026 Điều 7.6.a: 180 to 120 days before expiry). A certificate
//! whose whole window closed before that instrument took effect, but which was still valid that
//! day, could not meet it: under Điều 12.3 it stays valid until the authority decides, at most
//! 180 days past expiry (`extended`).

use jiff::ToSpan;
use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::dates::dmy;
use crate::lang::{Describe, Lang};
use crate::rubric::procedure::{days_after, days_before};
use crate::rubric::{Catalog, Instrument, RubricError};
use crate::sheet::InputProblem;

/// Months a certificate is valid under data revisions that predate the `certificate` rules (all
/// three instruments say 36).
pub const VALIDITY_MONTHS: i32 = 36;

/// Where a certificate stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CertificateState {
    /// Before the decision date.
    NotYetIssued,
    /// Valid, the re-rating window not yet open (or no window).
    Valid,
    /// Valid, and re-rating can be filed now.
    ReRatingWindowOpen,
    /// Valid, but the window to file re-rating has closed.
    ReRatingWindowClosed,
    /// Past its expiry date, valid under QĐ 26/2026 Điều 12.3 until the authority decides.
    Extended,
    /// Past its expiry date (and past any extension).
    Expired,
}

impl CertificateState {
    /// Every state, in order.
    pub const ALL: [CertificateState; 6] = [
        Self::NotYetIssued,
        Self::Valid,
        Self::ReRatingWindowOpen,
        Self::ReRatingWindowClosed,
        Self::Extended,
        Self::Expired,
    ];

    /// The name in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotYetIssued => "not_yet_issued",
            Self::Valid => "valid",
            Self::ReRatingWindowOpen => "re_rating_window_open",
            Self::ReRatingWindowClosed => "re_rating_window_closed",
            Self::Extended => "extended",
            Self::Expired => "expired",
        }
    }
}

/// The rule a re-rating window comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct WindowRule {
    /// The instrument whose rule it is.
    pub rubric: String,
    /// Filing opens this many days before the expiry date.
    pub opens_days_before: i32,
    /// Filing closes this many days before the expiry date.
    pub closes_days_before: i32,
    /// Where the rule is written.
    pub source: String,
}

/// The re-rating window's dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Window {
    /// First day re-rating can be filed.
    #[schemars(with = "String")]
    pub opens: Date,
    /// Last day re-rating can be filed.
    #[schemars(with = "String")]
    pub closes: Date,
    /// The rule applied.
    pub rule: WindowRule,
}

/// The rule an extension comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ExtensionRule {
    /// The instrument whose rule it is.
    pub rubric: String,
    /// At most this many days past expiry.
    pub days_after_expiry: i32,
    /// Where the rule is written.
    pub source: String,
}

/// A certificate's dates and its state on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Certificate {
    /// The rubric the certificate was issued under.
    pub rubric: String,
    /// Date of the decision.
    #[schemars(with = "String")]
    pub decided: Date,
    /// Months of validity.
    pub validity_months: i32,
    /// The last day the certificate is valid.
    #[schemars(with = "String")]
    pub expires_on: Date,
    /// The re-rating window, under the rules in force when re-rating is filed (`null`: those
    /// rules set none).
    pub re_rating_window: Option<Window>,
    /// The last day an extension can last (QĐ 26/2026 Điều 12.3: until the authority decides,
    /// at most this day); `null` when no extension applies to the certificate.
    #[schemars(with = "Option<String>")]
    pub extended_until: Option<Date>,
    /// The rule of the extension, when one applies.
    pub extension_rule: Option<ExtensionRule>,
    /// The day the state is given for.
    #[schemars(with = "String")]
    pub on: Date,
    /// The state on that day.
    pub state: CertificateState,
    /// Days from `on` to `expires_on` (negative once expired).
    pub days_to_expiry: i64,
}

/// Why a certificate's dates cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CertificateError {
    /// The decision predates the rubric named for it.
    #[error(
        "{rubric} ({decision}) took effect on {effective_from}: a certificate decided on {decided} was not issued under it"
    )]
    BeforeInForce {
        /// The rubric named.
        rubric: String,
        /// Its decision number.
        decision: String,
        /// The day it took effect.
        effective_from: Date,
        /// The certificate's decision date.
        decided: Date,
    },
    /// No rubric was in force on the decision date.
    #[error("no rubric is in force on {0}: a certificate decided that day was issued under none")]
    NoRubric(Date),
    /// A date beyond the supported calendar.
    #[error("the date {0} is outside the supported calendar range")]
    OutOfRange(Date),
    /// The rubric named is unknown or unusable.
    #[error(transparent)]
    Rubric(#[from] RubricError),
}

impl Describe for CertificateError {
    fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Self::BeforeInForce {
                    rubric,
                    decision,
                    effective_from,
                    decided,
                },
                Lang::Vi,
            ) => format!(
                "{rubric} ({decision}) có hiệu lực từ ngày {}: giấy chứng nhận có quyết định ngày {} không được cấp theo bộ tiêu chí này",
                dmy(*effective_from),
                dmy(*decided)
            ),
            (Self::NoRubric(date), Lang::Vi) => format!(
                "không có bộ tiêu chí nào có hiệu lực ngày {}: giấy chứng nhận có quyết định ngày đó không thuộc bộ tiêu chí nào",
                dmy(*date)
            ),
            (Self::OutOfRange(date), Lang::Vi) => {
                format!("ngày {} nằm ngoài phạm vi lịch được hỗ trợ", dmy(*date))
            }
            (Self::Rubric(error), Lang::Vi) => {
                format!("không dùng được bộ tiêu chí: {error}")
            }
            (error, Lang::En) => error.to_string(),
        }
    }
}

impl CertificateError {
    /// The error as an input problem of the option `field`, for the error document.
    pub fn as_problem(&self, field: &str, lang: Lang) -> InputProblem {
        InputProblem::invalid_value(field, self.describe(lang), lang)
    }
}

/// A certificate decided on `decided` under `issued_under` (default: the rubric in force that
/// day), as it stands on `on`, with its re-rating rules from `catalog`.
pub fn certificate(
    catalog: &Catalog,
    issued_under: Option<&Instrument>,
    decided: Date,
    on: Date,
) -> Result<Certificate, CertificateError> {
    let issued_under = match issued_under {
        Some(instrument) => instrument,
        None => catalog
            .in_force_on(decided)
            .map_err(|_| CertificateError::NoRubric(decided))?,
    };
    if decided < issued_under.effective_from {
        return Err(CertificateError::BeforeInForce {
            rubric: issued_under.id.clone(),
            decision: issued_under.decision.number.clone(),
            effective_from: issued_under.effective_from,
            decided,
        });
    }
    let out_of_range = |date| move |_| CertificateError::OutOfRange(date);
    let validity_months = issued_under
        .procedure
        .certificate
        .as_ref()
        .map_or(VALIDITY_MONTHS, |rules| i32::from(rules.validity_months));
    // Adding months keeps the day number, or falls back to the month's last day: exactly the
    // Civil Code's "ngày tương ứng", else "ngày cuối cùng của tháng đó".
    let expires_on = decided
        .checked_add(validity_months.months())
        .map_err(out_of_range(decided))?;
    let instruments = catalog.latest_instruments();
    let re_rating_window = window(&instruments, expires_on)?;
    let (extension, extended_until) = match extension(&instruments, expires_on) {
        Some((rule, until)) => (Some(rule), Some(until)),
        None => (None, None),
    };
    let state = if on < decided {
        CertificateState::NotYetIssued
    } else if on > expires_on {
        match extended_until {
            Some(until) if on <= until => CertificateState::Extended,
            _ => CertificateState::Expired,
        }
    } else {
        match &re_rating_window {
            Some(window) if on >= window.opens && on <= window.closes => {
                CertificateState::ReRatingWindowOpen
            }
            Some(window) if on > window.closes => CertificateState::ReRatingWindowClosed,
            _ => CertificateState::Valid,
        }
    };
    let days_to_expiry = i64::from(
        on.until(expires_on)
            .map_err(|_| CertificateError::OutOfRange(on))?
            .get_days(),
    );
    Ok(Certificate {
        rubric: issued_under.id.clone(),
        decided,
        validity_months,
        expires_on,
        re_rating_window,
        extended_until,
        extension_rule: extension,
        on,
        state,
        days_to_expiry,
    })
}

/// The re-rating window of a certificate expiring on `expires_on`: that of the newest instrument
/// in force on the day its window would close; `None` when that instrument sets no window.
fn window(
    instruments: &[&Instrument],
    expires_on: Date,
) -> Result<Option<Window>, CertificateError> {
    for instrument in instruments.iter().rev() {
        let rule = instrument
            .procedure
            .certificate
            .as_ref()
            .and_then(|rules| rules.re_rating_window.as_ref());
        let Some(rule) = rule else {
            // An instrument without a window governs re-rating filed while it is in force,
            // at the latest on the expiry date.
            if instrument.effective_from <= expires_on {
                return Ok(None);
            }
            continue;
        };
        let closes = days_before(expires_on, rule.closes_days_before)
            .ok_or(CertificateError::OutOfRange(expires_on))?;
        if instrument.effective_from > closes {
            continue;
        }
        let opens = days_before(expires_on, rule.opens_days_before)
            .ok_or(CertificateError::OutOfRange(expires_on))?;
        return Ok(Some(Window {
            opens,
            closes,
            rule: WindowRule {
                rubric: instrument.id.clone(),
                opens_days_before: i32::from(rule.opens_days_before),
                closes_days_before: i32::from(rule.closes_days_before),
                source: rule.text.source.clone(),
            },
        }));
    }
    Ok(None)
}

/// The extension of a certificate expiring on `expires_on`, if one applies: an instrument's
/// transition extends certificates still valid when it took effect whose whole window under its
/// rules had closed by then, so that no filing could meet it.
fn extension(instruments: &[&Instrument], expires_on: Date) -> Option<(ExtensionRule, Date)> {
    instruments.iter().rev().find_map(|instrument| {
        let extension = instrument
            .procedure
            .transition
            .as_ref()?
            .certificate_extension
            .as_ref()?;
        let window = instrument
            .procedure
            .certificate
            .as_ref()?
            .re_rating_window
            .as_ref()?;
        let closes = days_before(expires_on, window.closes_days_before)?;
        if expires_on < instrument.effective_from || closes >= instrument.effective_from {
            return None;
        }
        let rule = ExtensionRule {
            rubric: instrument.id.clone(),
            days_after_expiry: i32::from(extension.days_after_expiry),
            source: extension.text.source.clone(),
        };
        Some((rule, days_after(expires_on, extension.days_after_expiry)?))
    })
}

/// A certificate decided on `decided`, as it stands on `on`, under the rubric named (`id` or
/// `id@N`) or, when none is named, the rubric in force on the decision date: what every front
/// end gives (the command, the C library, the service).
pub fn certificate_in(
    catalog: &Catalog,
    decided: Date,
    on: Date,
    rubric: Option<&str>,
) -> Result<Certificate, CertificateError> {
    let issued_under = rubric.map(|id| catalog.instrument(id)).transpose()?;
    certificate(catalog, issued_under, decided, on)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn at(decided: Date, on: Date) -> Certificate {
        certificate(Catalog::bundled(), None, decided, on).unwrap()
    }

    #[test]
    fn valid_through_the_same_day_36_months_later() {
        let certificate = at(date(2026, 6, 15), date(2026, 6, 15));
        assert_eq!(certificate.expires_on, date(2029, 6, 15));
        assert_eq!(certificate.state, CertificateState::Valid);
        assert_eq!(certificate.days_to_expiry, 1096);
    }

    #[test]
    fn a_missing_day_ends_on_the_last_day_of_the_month() {
        let certificate = at(date(2028, 2, 29), date(2028, 3, 1));
        assert_eq!(certificate.expires_on, date(2031, 2, 28));
    }

    #[test]
    fn the_re_rating_window_runs_180_to_120_days_before_expiry() {
        // Expiry 15/6/2029: 180 days before is 17/12/2028 (2029 has 166 days up to 15/6, plus
        // 14 days of December 2028), 120 days before is 15/2/2029.
        let state = |on| at(date(2026, 6, 15), on).state;
        let window = at(date(2026, 6, 15), date(2026, 6, 15))
            .re_rating_window
            .unwrap();
        assert_eq!(
            (window.opens, window.closes),
            (date(2028, 12, 17), date(2029, 2, 15))
        );
        assert_eq!(window.rule.rubric, "qd26-2026");
        assert_eq!(state(date(2028, 12, 16)), CertificateState::Valid);
        assert_eq!(
            state(date(2028, 12, 17)),
            CertificateState::ReRatingWindowOpen
        );
        assert_eq!(
            state(date(2029, 2, 15)),
            CertificateState::ReRatingWindowOpen
        );
        assert_eq!(
            state(date(2029, 2, 16)),
            CertificateState::ReRatingWindowClosed
        );
        assert_eq!(
            state(date(2029, 6, 15)),
            CertificateState::ReRatingWindowClosed
        );
        assert_eq!(state(date(2029, 6, 16)), CertificateState::Expired);
        assert_eq!(state(date(2026, 6, 14)), CertificateState::NotYetIssued);
    }

    #[test]
    fn re_rating_follows_the_rules_in_force_when_it_is_filed() {
        // Decided 10/1/2026 under QĐ 148, which sets no window; its re-rating in 2028 falls
        // under QĐ 26/2026 Điều 7.6.a.
        let certificate = at(date(2026, 1, 10), date(2026, 8, 1));
        assert_eq!(certificate.rubric, "qd148-2023");
        let window = certificate.re_rating_window.unwrap();
        assert_eq!(
            (window.opens, window.closes),
            (date(2028, 7, 14), date(2028, 9, 12))
        );
        assert_eq!(window.rule.rubric, "qd26-2026");
        assert_eq!(certificate.extended_until, None);
    }

    #[test]
    fn a_window_closed_before_the_decision_took_effect_extends_the_certificate() {
        // Decided 1/7/2023, expires 1/7/2026: the window (2/1/2026 – 2/3/2026) closed before
        // 22/5/2026, so Điều 12.3 keeps it valid at most 180 days past expiry: to 28/12/2026.
        let certificate = at(date(2023, 7, 1), date(2026, 8, 1));
        assert_eq!(certificate.expires_on, date(2026, 7, 1));
        assert_eq!(certificate.re_rating_window, None);
        assert_eq!(certificate.extended_until, Some(date(2026, 12, 28)));
        assert_eq!(certificate.state, CertificateState::Extended);
        assert_eq!(certificate.days_to_expiry, -31);
        let state = |on| at(date(2023, 7, 1), on).state;
        assert_eq!(state(date(2026, 7, 1)), CertificateState::Valid);
        assert_eq!(state(date(2026, 7, 2)), CertificateState::Extended);
        assert_eq!(state(date(2026, 12, 28)), CertificateState::Extended);
        assert_eq!(state(date(2026, 12, 29)), CertificateState::Expired);
    }

    #[test]
    fn the_extension_ends_where_a_window_could_be_met() {
        // Expiry 18/9/2026: the window closes 21/5/2026, the day before the decision took
        // effect: extended. Expiry 19/9/2026: it closes 22/5/2026, a day a filing could meet.
        let closed = at(date(2023, 9, 18), date(2026, 9, 1));
        assert_eq!(closed.extended_until, Some(date(2027, 3, 17)));
        assert_eq!(closed.re_rating_window, None);
        let open = at(date(2023, 9, 19), date(2026, 9, 1));
        assert_eq!(open.extended_until, None);
        let window = open.re_rating_window.unwrap();
        assert_eq!(
            (window.opens, window.closes),
            (date(2026, 3, 23), date(2026, 5, 22))
        );
        assert_eq!(open.state, CertificateState::ReRatingWindowClosed);
    }

    #[test]
    fn a_certificate_expired_before_the_decision_took_effect_is_not_extended() {
        // Expiry 21/5/2026, the day before QĐ 26/2026 took effect: it was no longer valid then.
        let before = at(date(2023, 5, 21), date(2026, 6, 1));
        assert_eq!(before.extended_until, None);
        assert_eq!(before.state, CertificateState::Expired);
        // Expiry 22/5/2026: still valid that day, and its window had closed: extended.
        let on_the_day = at(date(2023, 5, 22), date(2026, 6, 1));
        assert_eq!(on_the_day.extended_until, Some(date(2026, 11, 18)));
        assert_eq!(on_the_day.state, CertificateState::Extended);
    }

    #[test]
    fn a_rubric_is_never_used_for_a_certificate_decided_before_it_took_effect() {
        let catalog = Catalog::bundled();
        let rubric = catalog.instrument("qd26-2026").unwrap();
        let error =
            certificate(catalog, Some(rubric), date(2026, 5, 21), date(2026, 6, 1)).unwrap_err();
        assert!(matches!(error, CertificateError::BeforeInForce { .. }));
        assert!(
            error
                .describe(Lang::Vi)
                .contains("có hiệu lực từ ngày 22/05/2026"),
            "{}",
            error.describe(Lang::Vi)
        );
        let issued = certificate(catalog, Some(rubric), date(2026, 5, 22), date(2026, 6, 1));
        assert_eq!(issued.unwrap().rubric, "qd26-2026");
        assert!(matches!(
            certificate(catalog, None, date(2019, 1, 1), date(2020, 1, 1)),
            Err(CertificateError::NoRubric(_))
        ));
    }
}
