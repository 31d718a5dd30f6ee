//! Certificates: validity, expiry and the re-rating window.
//!
//! A certificate is valid for 36 months from its decision (QĐ 26/2026 Điều 4.3; the same under
//! 148 and 1048). Periods are counted as the Civil Code counts them (Bộ luật Dân sự 2015, Điều
//! 147–148): from the day after the decision, ending at the end of the day with the same number
//! in the last month, or the month's last day when it has no such day. A decision of 15/6/2026
//! is thus valid through 15/6/2029; one of 29/2/2028 through 28/2/2031. Under 26/2026 re-rating
//! is filed no earlier than 180 and no later than 120 days before the expiry date (Điều 7 khoản 6 điểm a).

use jiff::ToSpan;
use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::rubric::{Catalog, RubricError};

/// Months a certificate is valid.
pub const VALIDITY_MONTHS: i32 = 36;

/// The re-rating window of a rubric: days before expiry it opens and closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct WindowRule {
    /// Filing opens this many days before the expiry date.
    pub opens_days_before: i32,
    /// Filing closes this many days before the expiry date.
    pub closes_days_before: i32,
    /// Where the rule is written.
    pub source: &'static str,
}

/// The re-rating window each rubric sets, if any.
pub fn window_rule(rubric: &str) -> Option<WindowRule> {
    (rubric == "qd26-2026").then_some(WindowRule {
        opens_days_before: 180,
        closes_days_before: 120,
        source: "QĐ 26/2026/QĐ-TTg Điều 7 khoản 6 điểm a: thời gian nộp hồ sơ không sớm hơn 180 ngày và không muộn hơn 120 ngày tính đến ngày hết thời hạn của giấy chứng nhận",
    })
}

/// Where a certificate stands on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CertificateState {
    /// Before the decision date.
    NotYetIssued,
    /// Valid, the re-rating window not yet open.
    Valid,
    /// Valid, and re-rating can be filed now.
    ReRatingWindowOpen,
    /// Valid, but the window to file re-rating has closed.
    ReRatingWindowClosed,
    /// Past its expiry date.
    Expired,
}

/// The re-rating window's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
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

/// A certificate's dates and its state on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Certificate {
    /// The rubric whose rules apply.
    pub rubric: String,
    /// Date of the decision.
    #[schemars(with = "String")]
    pub decided: Date,
    /// Months of validity.
    pub validity_months: i32,
    /// The last day the certificate is valid.
    #[schemars(with = "String")]
    pub expires_on: Date,
    /// The re-rating window, where the rubric sets one.
    pub re_rating_window: Option<Window>,
    /// The day the state is given for.
    #[schemars(with = "String")]
    pub on: Date,
    /// The state on that day.
    pub state: CertificateState,
    /// Days from `on` to `expires_on` (negative once expired).
    pub days_to_expiry: i64,
}

/// Why certificate dates cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the date {0} is outside the supported calendar range")]
pub struct DateOutOfRange(pub Date);

/// A certificate decided on `decided`, under `rubric`'s rules, as it stands on `on`.
pub fn certificate(rubric: &str, decided: Date, on: Date) -> Result<Certificate, DateOutOfRange> {
    let out_of_range = |_| DateOutOfRange(decided);
    // Adding months keeps the day number, or falls back to the month's last day: exactly the
    // Civil Code's "ngày tương ứng", else "ngày cuối cùng của tháng đó".
    let expires_on = decided
        .checked_add(VALIDITY_MONTHS.months())
        .map_err(out_of_range)?;
    let re_rating_window = match window_rule(rubric) {
        Some(rule) => Some(Window {
            opens: expires_on
                .checked_sub(rule.opens_days_before.days())
                .map_err(out_of_range)?,
            closes: expires_on
                .checked_sub(rule.closes_days_before.days())
                .map_err(out_of_range)?,
            rule,
        }),
        None => None,
    };
    let state = if on < decided {
        CertificateState::NotYetIssued
    } else if on > expires_on {
        CertificateState::Expired
    } else {
        match re_rating_window {
            Some(window) if on >= window.opens && on <= window.closes => {
                CertificateState::ReRatingWindowOpen
            }
            Some(window) if on > window.closes => CertificateState::ReRatingWindowClosed,
            _ => CertificateState::Valid,
        }
    };
    let days_to_expiry = i64::from(
        on.until(expires_on)
            .map_err(|_| DateOutOfRange(on))?
            .get_days(),
    );
    Ok(Certificate {
        rubric: rubric.to_owned(),
        decided,
        validity_months: VALIDITY_MONTHS,
        expires_on,
        re_rating_window,
        on,
        state,
        days_to_expiry,
    })
}

/// Why `ocop cert` cannot give a certificate's dates.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CertificateError {
    /// The rubric asked for is unknown, or none is in force on the decision date.
    #[error(transparent)]
    Rubric(#[from] RubricError),
    /// A date is outside the calendar's range.
    #[error(transparent)]
    Date(#[from] DateOutOfRange),
}

/// A certificate decided on `decided`, as it stands on `on`, under the rules of `rubric` or, when
/// none is named, of the rubric in force on the decision date: what `ocop cert` prints.
pub fn certificate_in(
    catalog: &Catalog,
    decided: Date,
    on: Date,
    rubric: Option<&str>,
) -> Result<Certificate, CertificateError> {
    let instrument = match rubric {
        Some(id) => catalog.instrument(id)?,
        None => catalog.in_force_on(decided)?,
    };
    Ok(certificate(&instrument.id, decided, on)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn valid_through_the_same_day_36_months_later() {
        let certificate = certificate("qd26-2026", date(2026, 6, 15), date(2026, 6, 15)).unwrap();
        assert_eq!(certificate.expires_on, date(2029, 6, 15));
        assert_eq!(certificate.state, CertificateState::Valid);
        assert_eq!(certificate.days_to_expiry, 1096);
    }

    #[test]
    fn a_missing_day_ends_on_the_last_day_of_the_month() {
        let certificate = certificate("qd26-2026", date(2028, 2, 29), date(2028, 3, 1)).unwrap();
        assert_eq!(certificate.expires_on, date(2031, 2, 28));
    }

    #[test]
    fn the_re_rating_window_runs_180_to_120_days_before_expiry() {
        // Expiry 15/6/2029: 180 days before is 17/12/2028 (2029 has 166 days up to 15/6, plus
        // 14 days of December 2028), 120 days before is 15/2/2029.
        let state = |on| {
            certificate("qd26-2026", date(2026, 6, 15), on)
                .unwrap()
                .state
        };
        let window = certificate("qd26-2026", date(2026, 6, 15), date(2026, 6, 15))
            .unwrap()
            .re_rating_window
            .unwrap();
        assert_eq!(
            (window.opens, window.closes),
            (date(2028, 12, 17), date(2029, 2, 15))
        );
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
    fn older_rubrics_set_no_window() {
        let certificate = certificate("qd148-2023", date(2024, 3, 1), date(2026, 12, 1)).unwrap();
        assert_eq!(certificate.re_rating_window, None);
        assert_eq!(certificate.state, CertificateState::Valid);
        assert_eq!(certificate.expires_on, date(2027, 3, 1));
    }
}
