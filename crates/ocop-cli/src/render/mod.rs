//! Text for people: Vietnamese first, English on request.

mod advice;
mod certificate;
mod council;
mod data;
mod register;
mod round;
mod scorecard;

use std::fmt::Write as _;

pub(crate) use ocop_core::blank::star_mark;
use ocop_core::filing::{FilingEcho, StarsChange};
use ocop_core::lang::{Describe, Lang};
use ocop_core::rubric::{Level, RubricProblem, RubricSummary};
use ocop_core::score::UnmetGate;
use ocop_core::sheet::{InputProblem, Product};

pub(crate) use advice::advice;
pub(crate) use certificate::certificate;
pub(crate) use council::{council, council_csv};
pub(crate) use data::{diff, fixtures, lint, rescore};
pub(crate) use register::{register, register_csv};
pub(crate) use round::{ranking, ranking_csv};
pub(crate) use scorecard::scorecard;

/// `★★★☆☆` for 3 of 5 stars.
pub(crate) fn star_line(stars: u8) -> String {
    let filled = usize::from(stars.min(5));
    format!("{}{}", "★".repeat(filled), "☆".repeat(5 - filled))
}

/// The product set and, when given, the product with its code: the heading of every result.
pub(crate) fn product_lines(
    out: &mut String,
    set_number: u8,
    set_name: &str,
    product: Option<&Product>,
    lang: Lang,
) {
    let t = |vi, en| lang.pick(vi, en);
    let _ = writeln!(
        out,
        "{} {set_number}: {set_name}",
        t("Bộ sản phẩm", "Product set")
    );
    if let Some(product) = product {
        let code = product
            .code
            .as_deref()
            .map(|code| format!(" ({code})"))
            .unwrap_or_default();
        let _ = writeln!(out, "{}: {}{code}", t("Sản phẩm", "Product"), product.name);
    }
}

/// Whether the result earns a certificate, and at which level of government.
pub(crate) fn certificate_line(
    out: &mut String,
    certifiable: bool,
    level: Option<Level>,
    lang: Lang,
) {
    let t = |vi, en| lang.pick(vi, en);
    let answer = match (certifiable, level) {
        (true, Some(level)) => format!(
            "{} ({})",
            t("có", "yes"),
            lang.pick(level.name_vi(), level.name_en())
        ),
        (true, None) => t("có", "yes").to_owned(),
        (false, _) => t("không", "no").to_owned(),
    };
    let _ = writeln!(
        out,
        "{}: {answer}",
        t("Công nhận, cấp giấy chứng nhận", "Certificate")
    );
}

/// The kind of evaluation, the filing date and the certificate followed, with how the stars
/// compare.
pub(crate) fn filing_lines(out: &mut String, filing: &FilingEcho, lang: Lang) {
    let t = |vi, en| lang.pick(vi, en);
    let date = |date: jiff::civil::Date| match lang {
        Lang::Vi => ocop_core::dates::dmy(date),
        Lang::En => date.to_string(),
    };
    if let Some(evaluation) = filing.evaluation {
        let kind = lang.pick(evaluation.name_vi(), evaluation.as_str());
        let _ = writeln!(out, "{}: {kind}", t("Loại đánh giá", "Evaluation"));
    }
    if let Some(submitted) = filing.submitted_on {
        let _ = writeln!(
            out,
            "{}: {}",
            t("Ngày nộp hồ sơ", "Submitted on"),
            date(submitted)
        );
    }
    if let Some(previous) = &filing.previous_certificate {
        let change = match filing.stars_change {
            Some(StarsChange::Up) => t(" — tăng hạng", " — up"),
            Some(StarsChange::Stayed) => t(" — giữ hạng", " — unchanged"),
            Some(StarsChange::Down) => t(" — giảm hạng", " — down"),
            None => "",
        };
        let decision = previous
            .decision
            .as_deref()
            .map(|number| format!("{number}, "))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}: {} {} ({decision}{}){change}",
            t("Giấy chứng nhận trước", "Previous certificate"),
            previous.stars,
            t("sao", "stars"),
            date(previous.decided_on)
        );
    }
}

/// The note that a product of 90 points or more may go forward as a five-star candidate.
pub(crate) fn potential_five_star_line(out: &mut String, lang: Lang) {
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "Sản phẩm có tiềm năng đạt 5 sao (từ 90 điểm)",
            "Potential five-star product (90 points or more)"
        )
    );
}

/// The list of problems of an invalid input, and how many more were found than are listed.
pub(crate) fn problems(file: &str, listed: &[InputProblem], more: usize, lang: Lang) -> String {
    let mut out = String::new();
    let total = listed.len() + more;
    let heading = match lang {
        Lang::Vi => format!("ocop: {file}: {total} lỗi, không chấm điểm:\n"),
        Lang::En => format!("ocop: {file}: {total} problem(s), nothing scored:\n"),
    };
    out.push_str(&heading);
    for problem in listed {
        let _ = writeln!(out, "  {file}:{}", problem.describe(lang));
    }
    if more > 0 {
        let _ = match lang {
            Lang::Vi => writeln!(out, "  … và {more} lỗi khác không liệt kê"),
            Lang::En => writeln!(out, "  … and {more} more problem(s) not listed"),
        };
    }
    out
}

/// The problems of invalid rubric data, one per line.
pub(crate) fn rubric_problems(problems: &[RubricProblem], lang: Lang) -> String {
    let mut out = String::new();
    let _ = match lang {
        Lang::Vi => writeln!(out, "ocop: dữ liệu bộ tiêu chí không dùng được:"),
        Lang::En => writeln!(out, "ocop: the rubric data cannot be used:"),
    };
    for problem in problems {
        let _ = writeln!(out, "  {}", problem.describe(lang));
    }
    out
}

/// The rubrics and their product sets.
pub(crate) fn rubrics(summaries: &[RubricSummary], lang: Lang) -> String {
    let mut out = String::new();
    for summary in summaries {
        let until = summary
            .effective_until
            .as_deref()
            .unwrap_or(lang.pick("nay", "now"));
        let _ = writeln!(
            out,
            "{} — {} {} ({} {} → {until}; {} {})",
            summary.id,
            lang.pick("Quyết định", "Decision"),
            summary.decision,
            lang.pick("hiệu lực", "in force"),
            summary.effective_from,
            lang.pick("dữ liệu bản", "data revision"),
            summary.revision,
        );
        for set in &summary.product_sets {
            let _ = writeln!(out, "  {:>2}. {}", set.number, set.name);
        }
    }
    out
}

/// One unmet gate, in words.
pub(crate) fn gate_line(gate: &UnmetGate, lang: Lang) -> String {
    let chosen = match gate.chosen_option {
        Some(option) => format!(
            "{} {option} ({} {})",
            lang.pick("đã chọn phương án", "chose option"),
            lang.quotient(gate.chosen_points.0, false),
            lang.pick("điểm", "points")
        ),
        None => format!(
            "{} {} {}",
            lang.pick("đạt", "has"),
            lang.quotient(gate.chosen_points.0, false),
            lang.pick("điểm", "points")
        ),
    };
    let (criterion, level) = (&gate.criterion, gate.level);
    let points = lang.decimal(gate.required_points.0);
    match (gate.marked_option, lang) {
        (Some(marked), Lang::Vi) => format!(
            "chỉ tiêu {criterion}: hạng {level} sao cần ít nhất phương án {marked} ({points} điểm); {chosen}"
        ),
        (Some(marked), Lang::En) => format!(
            "criterion {criterion}: a {level}-star product needs at least option {marked} ({points} points); {chosen}"
        ),
        (None, Lang::Vi) => {
            format!("chỉ tiêu {criterion}: hạng {level} sao cần đạt trên 0 điểm; {chosen}")
        }
        (None, Lang::En) => format!(
            "criterion {criterion}: a {level}-star product needs more than 0 points; {chosen}"
        ),
    }
}

/// The star gates of a result: "all met", or each unmet gate in words.
pub(crate) fn unmet_gates(out: &mut String, gates: &[UnmetGate], lang: Lang) {
    if gates.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Tiêu chí bắt buộc theo hạng sao: đạt tất cả",
                "Star gates: all met"
            )
        );
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "Tiêu chí bắt buộc theo hạng sao chưa đạt:",
            "Star gates not met:"
        )
    );
    for gate in gates {
        let _ = writeln!(out, "  ✗ {}", gate_line(gate, lang));
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
pub(crate) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}
