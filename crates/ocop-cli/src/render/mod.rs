//! Text for people: Vietnamese first, English on request.

mod blank;
mod scorecard;

use std::fmt::Write as _;

use ocop_core::lang::{Describe, Lang};
use ocop_core::rubric::RubricSummary;
use ocop_core::sheet::InputProblem;

pub(crate) use blank::blank_sheet;
pub(crate) use scorecard::scorecard;

/// `★★★☆☆` for 3 of 5 stars.
pub(crate) fn star_line(stars: u8) -> String {
    let filled = usize::from(stars.min(5));
    format!("{}{}", "★".repeat(filled), "☆".repeat(5 - filled))
}

/// The list of problems of an invalid input.
pub(crate) fn problems(file: &str, problems: &[InputProblem], lang: Lang) -> String {
    let mut out = String::new();
    let heading = match lang {
        Lang::Vi => format!("ocop: {file}: {} lỗi, không chấm điểm:\n", problems.len()),
        Lang::En => format!(
            "ocop: {file}: {} problem(s), nothing scored:\n",
            problems.len()
        ),
    };
    out.push_str(&heading);
    for problem in problems {
        let _ = writeln!(out, "  {file}:{}", problem.describe(lang));
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
