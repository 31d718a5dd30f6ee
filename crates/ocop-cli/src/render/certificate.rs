//! A certificate's dates in words.

use std::fmt::Write as _;

use ocop_core::certificate::{Certificate, CertificateState};
use ocop_core::lang::Lang;

/// Expiry, re-rating window and the state on the day asked for.
pub(crate) fn certificate(certificate: &Certificate, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} ({} {})",
        t("Ngày quyết định công nhận", "Decision date"),
        lang.date(certificate.decided),
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
        lang.date(certificate.expires_on)
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
                lang.date(window.opens),
                lang.date(window.closes),
                window.rule.source
            );
        }
        None => {
            let _ = writeln!(
                out,
                "{}",
                t(
                    "Bộ tiêu chí này không quy định thời gian nộp hồ sơ đánh giá lại",
                    "This rubric sets no re-rating window"
                )
            );
        }
    }
    let state = match certificate.state {
        CertificateState::NotYetIssued => t("chưa được cấp", "not yet issued"),
        CertificateState::Valid => t("còn hiệu lực", "valid"),
        CertificateState::ReRatingWindowOpen => t(
            "còn hiệu lực, đang trong thời gian nộp hồ sơ đánh giá lại",
            "valid; the re-rating window is open",
        ),
        CertificateState::ReRatingWindowClosed => t(
            "còn hiệu lực, đã hết thời gian nộp hồ sơ đánh giá lại",
            "valid; the re-rating window has closed",
        ),
        CertificateState::Expired => t("đã hết hiệu lực", "expired"),
    };
    let remaining = match lang {
        Lang::Vi => format!("{} ngày nữa đến hạn", certificate.days_to_expiry),
        Lang::En => format!("{} days to expiry", certificate.days_to_expiry),
    };
    let _ = writeln!(
        out,
        "{} {}: {state} ({remaining})",
        t("Ngày", "On"),
        lang.date(certificate.on)
    );
    out
}
