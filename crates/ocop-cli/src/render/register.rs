//! A register followed on a day, as text and CSV.

use std::fmt::Write as _;

use jiff::civil::Date;
use ocop_core::certificate::CertificateState;
use ocop_core::dates::dmy;
use ocop_core::lang::Lang;
use ocop_core::register::{DueEvent, Register};

use super::csv_field;

/// The products, counts, what falls due, targets and failures.
pub(crate) fn register(register: &Register, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let date = |date: Date| match lang {
        Lang::Vi => dmy(date),
        Lang::En => date.to_string(),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}: {} {}",
        t("Sản phẩm OCOP ngày", "OCOP products on"),
        date(register.on),
        register.products.len(),
        t("sản phẩm", "products")
    );
    for product in &register.products {
        let window = product.re_rating_window.map_or_else(
            || "—".to_owned(),
            |window| format!("{} → {}", date(window.opens), date(window.closes)),
        );
        let _ = writeln!(
            out,
            "  {} {} {} ({}) {}★ {} {} — {} {}; {} {window}; {}",
            t("dòng", "row"),
            product.row,
            product.code,
            product.commune,
            product.stars,
            product.name,
            date(product.decided_on),
            t("hết hạn", "expires"),
            date(product.expires_on),
            t("đánh giá lại", "re-rating"),
            super::certificate::state_in_words(
                product.state,
                product.days_to_expiry,
                product.extended_until,
                lang
            )
        );
    }
    let _ = writeln!(out, "{}:", t("Tổng hợp", "Summary"));
    let groups = [
        (t("theo tình trạng", "by state"), &register.summary.by_state),
        (t("theo hạng sao", "by stars"), &register.summary.by_stars),
        (t("theo xã", "by commune"), &register.summary.by_commune),
        (
            t("theo năm công nhận", "by year"),
            &register.summary.by_year,
        ),
    ];
    for (index, (label, counts)) in groups.into_iter().enumerate() {
        let listed: Vec<String> = counts
            .iter()
            .map(|(key, count)| {
                // The states are machine names in JSON; in words here.
                let key = CertificateState::ALL
                    .into_iter()
                    .find(|state| index == 0 && state.as_str() == key)
                    .map_or_else(|| key.clone(), |state| self::state(state, lang));
                format!("{key}: {count}")
            })
            .collect();
        let _ = writeln!(out, "  {label}: {}", listed.join(", "));
    }
    let _ = writeln!(
        out,
        "{} {} {}:",
        t("Đến hạn trong", "Due within"),
        register.within,
        t("ngày", "days")
    );
    if register.due.is_empty() {
        let _ = writeln!(out, "  {}", t("không có", "nothing"));
    }
    for due in &register.due {
        let event = match due.event {
            DueEvent::ReRatingWindowOpens => t(
                "bắt đầu thời gian nộp hồ sơ đánh giá lại",
                "re-rating window opens",
            ),
            DueEvent::ReRatingWindowCloses => t(
                "hết thời gian nộp hồ sơ đánh giá lại",
                "re-rating window closes",
            ),
            DueEvent::Expires => t("giấy chứng nhận hết hạn", "certificate expires"),
            DueEvent::ExtensionEnds => t(
                "hết thời gian kéo dài hiệu lực (Điều 12.3)",
                "extension ends (Điều 12.3)",
            ),
        };
        let _ = writeln!(
            out,
            "  {} ({} {}): {} {} — {event}",
            date(due.date),
            due.days,
            t("ngày nữa", "days"),
            due.code,
            due.name
        );
    }
    for report in &register.targets {
        let target = &report.target;
        let mut scope: Vec<String> = [&target.province, &target.district, &target.commune]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        if let Some(level) = target.level {
            scope.push(lang.pick(level.name_vi(), level.name_en()).to_owned());
        }
        if let Some(year) = target.year {
            scope.push(format!("{} {year}", t("năm", "year")));
        }
        let _ = writeln!(
            out,
            "{} ({}, {} {}★): {}/{} — {}",
            t("Chỉ tiêu", "Target"),
            scope.join(", "),
            t("từ", "from"),
            target.min_stars.unwrap_or(3),
            report.achieved,
            target.count,
            if report.met {
                t("đạt", "met")
            } else {
                t("chưa đạt", "not met")
            }
        );
    }
    if !register.ignored_columns.is_empty() {
        let _ = writeln!(
            out,
            "{}: {}",
            t("Các cột không đọc", "Columns not read"),
            register.ignored_columns.join(", ")
        );
    }
    if !register.failures.is_empty() {
        let _ = writeln!(
            out,
            "{} ({}):",
            t("Dòng không đọc được", "Rows that could not be read"),
            register.failures.len()
        );
        for failure in &register.failures {
            let column = failure
                .column
                .as_deref()
                .map(|column| format!(", {} \"{column}\"", t("cột", "column")))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {}{column}: {}",
                t("dòng", "row"),
                failure.row,
                failure.message
            );
        }
    }
    out
}

/// A state's name in words, for the summary's counts.
fn state(state: CertificateState, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    match state {
        CertificateState::NotYetIssued => t("chưa được cấp", "not yet issued"),
        CertificateState::Valid => t("còn hiệu lực", "valid"),
        CertificateState::ReRatingWindowOpen => t(
            "đang trong thời gian nộp hồ sơ đánh giá lại",
            "re-rating window open",
        ),
        CertificateState::ReRatingWindowClosed => t(
            "đã hết thời gian nộp hồ sơ đánh giá lại",
            "re-rating window closed",
        ),
        CertificateState::Extended => t("hết hạn, được kéo dài hiệu lực", "expired, extended"),
        CertificateState::Expired => t("đã hết hạn", "expired"),
    }
    .to_owned()
}

/// One line per product, with stable English headers, for spreadsheets.
pub(crate) fn register_csv(register: &Register) -> String {
    let mut out = String::from(
        "row,code,name,owner,commune,district,province,stars,decision,decided_on,level,rubric,expires_on,state,window_opens,window_closes,extended_until,days_to_expiry\n",
    );
    for product in &register.products {
        let optional = |date: Option<Date>| date.map(|date| date.to_string()).unwrap_or_default();
        let fields = [
            product.row.to_string(),
            csv_field(&product.code),
            csv_field(&product.name),
            csv_field(&product.owner),
            csv_field(&product.commune),
            csv_field(product.district.as_deref().unwrap_or_default()),
            csv_field(product.province.as_deref().unwrap_or_default()),
            product.stars.to_string(),
            csv_field(&product.decision),
            product.decided_on.to_string(),
            product
                .level
                .map(|level| level.name_en().to_owned())
                .unwrap_or_default(),
            product.rubric.clone(),
            product.expires_on.to_string(),
            product.state.as_str().to_owned(),
            optional(product.re_rating_window.map(|window| window.opens)),
            optional(product.re_rating_window.map(|window| window.closes)),
            optional(product.extended_until),
            product.days_to_expiry.to_string(),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}
