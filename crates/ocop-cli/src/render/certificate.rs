//! A certificate's dates in words.

use std::fmt::Write as _;

use jiff::civil::Date;
use ocop_core::certificate::{Certificate, CertificateState};
use ocop_core::lang::Lang;

/// Expiry, re-rating window, extension and the state on the day asked for.
pub(crate) fn certificate(certificate: &Certificate, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let date = |date| lang.date(date);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} ({} {})",
        t("Ngày quyết định công nhận", "Decision date"),
        date(certificate.decided),
        t("bộ tiêu chí", "rubric"),
        certificate.rubric
    );
    let _ = writeln!(
        out,
        "{}: {} {} — {} {}",
        t("Hiệu lực", "Valid for"),
        certificate.validity_months,
        t("tháng", "months"),
        t("đến hết ngày", "through"),
        date(certificate.expires_on)
    );
    match &certificate.re_rating_window {
        Some(window) => {
            let _ = writeln!(
                out,
                "{}: {} → {} ({})",
                t(
                    "Thời gian nộp hồ sơ đánh giá lại",
                    "Re-rating filing window"
                ),
                date(window.opens),
                date(window.closes),
                window.rule.source
            );
        }
        None => {
            let _ = writeln!(
                out,
                "{}",
                t(
                    "Quy định khi nộp hồ sơ đánh giá lại không đặt thời hạn nộp hồ sơ",
                    "The rules in force when re-rating is filed set no filing window"
                )
            );
        }
    }
    if let (Some(until), Some(rule)) = (certificate.extended_until, &certificate.extension_rule) {
        let _ = writeln!(
            out,
            "{}, {} {} ({})",
            t(
                "Không thể nộp hồ sơ đánh giá lại đúng thời hạn: giấy chứng nhận tiếp tục có hiệu lực đến khi có kết quả xử lý",
                "Re-rating could not be filed in time: the certificate stays valid until the authority decides"
            ),
            t("chậm nhất", "at the latest"),
            date(until),
            rule.source
        );
    }
    let state = state_in_words(
        certificate.state,
        certificate.days_to_expiry,
        certificate.extended_until,
        lang,
    );
    let _ = writeln!(out, "{} {}: {state}", t("Ngày", "On"), date(certificate.on));
    out
}

/// A certificate's state on a day, with the days to its expiry or since it: what `ocop cert`
/// and each product of `ocop register` say.
pub(crate) fn state_in_words(
    state: CertificateState,
    days_to_expiry: i64,
    extended_until: Option<Date>,
    lang: Lang,
) -> String {
    let t = |vi, en| lang.pick(vi, en);
    match state {
        CertificateState::NotYetIssued => t("chưa được cấp", "not yet issued").to_owned(),
        CertificateState::Valid => remaining(days_to_expiry, lang),
        CertificateState::ReRatingWindowOpen => format!(
            "{}, {}",
            remaining(days_to_expiry, lang),
            t(
                "đang trong thời gian nộp hồ sơ đánh giá lại",
                "the re-rating window is open"
            )
        ),
        CertificateState::ReRatingWindowClosed => format!(
            "{}, {}",
            remaining(days_to_expiry, lang),
            t(
                "đã hết thời gian nộp hồ sơ đánh giá lại",
                "the re-rating window has closed"
            )
        ),
        CertificateState::Extended => format!(
            "{}; {} {}",
            expired(days_to_expiry, lang),
            t(
                "hiệu lực được kéo dài đến khi có kết quả xử lý, chậm nhất",
                "extended until the authority decides, at the latest"
            ),
            extended_until
                .map(|until| lang.date(until))
                .unwrap_or_default()
        ),
        CertificateState::Expired => expired(days_to_expiry, lang),
    }
}

/// "còn hiệu lực, còn 30 ngày nữa hết hạn".
fn remaining(days: i64, lang: Lang) -> String {
    match (lang, days) {
        (Lang::Vi, 0) => "còn hiệu lực, hết hạn vào cuối ngày hôm nay".to_owned(),
        (Lang::Vi, days) => format!("còn hiệu lực, còn {days} ngày nữa hết hạn"),
        (Lang::En, 0) => "valid, expires at the end of today".to_owned(),
        (Lang::En, 1) => "valid, 1 day to expiry".to_owned(),
        (Lang::En, days) => format!("valid, {days} days to expiry"),
    }
}

/// "đã hết hạn 31 ngày".
fn expired(days_to_expiry: i64, lang: Lang) -> String {
    let days = days_to_expiry.unsigned_abs();
    match (lang, days) {
        (Lang::Vi, days) => format!("đã hết hạn {days} ngày"),
        (Lang::En, 1) => "expired 1 day ago".to_owned(),
        (Lang::En, days) => format!("expired {days} days ago"),
    }
}
