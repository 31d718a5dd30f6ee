//! Text for the rubric data commands: lint, diff, fixtures, rescore.

use std::fmt::Write as _;

use ocop_core::decimal::Exact;
use ocop_core::diff::{Change, MatchedBy, RubricDiff};
use ocop_core::lang::{Describe, Lang};
use ocop_core::lint::LintReport;
use ocop_core::rescore::{Carried, CarryNote, Rescore};

use super::star_mark;
use ocop_core::fixtures::{FixtureOutcome, FixturesReport};

/// Problems, then errata, then totals.
pub(crate) fn lint(source: &str, report: &LintReport, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {source}",
        t("Kiểm tra dữ liệu bộ tiêu chí:", "Linting rubric data:")
    );
    for problem in &report.problems {
        let _ = writeln!(out, "  {}", problem.describe(lang));
    }
    if !report.errata.is_empty() {
        let _ = writeln!(
            out,
            "{} ({}):",
            t("Đính chính đã ghi nhận", "Recorded errata"),
            report.errata.len()
        );
        for listed in &report.errata {
            let erratum = &listed.erratum;
            let mut place = format!(
                "{} ({} {}), {} {}",
                listed.rubric,
                t("bản", "revision"),
                listed.revision,
                t("bộ", "set"),
                listed.product_set
            );
            for (label, value) in [
                (t("phần", "part"), erratum.part.clone()),
                (t("nhóm", "group"), erratum.group.clone()),
                (t("chỉ tiêu", "criterion"), erratum.criterion.clone()),
                (
                    t("phương án", "option"),
                    erratum.option.map(|option| option.to_string()),
                ),
            ] {
                if let Some(value) = value {
                    let _ = write!(place, ", {label} {value}");
                }
            }
            let accepted = erratum
                .accepted_defect
                .as_deref()
                .map(|defect| {
                    format!(
                        " [{} {defect}]",
                        t("giữ nguyên lỗi nguồn:", "source defect kept:")
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {place}: {} {:?} → {} {:?}{accepted}",
                t("văn bản in", "printed"),
                erratum.printed,
                t("mã hóa", "encoded"),
                erratum.encoded,
            );
            // The data records each erratum's reason in English only: it is shown in English.
            if lang == Lang::En {
                let _ = writeln!(out, "      {}", erratum.reason);
            }
        }
    }
    if lang == Lang::Vi && !report.errata.is_empty() {
        let _ = writeln!(
            out,
            "  (Lý do của từng đính chính được ghi bằng tiếng Anh trong dữ liệu: ocop lint --lang en)"
        );
    }
    for rubric in &report.rubrics {
        let _ = writeln!(
            out,
            "{} ({} {}): {} {}, {} {}, {} {}, {} {}",
            rubric.id,
            t("bản", "revision"),
            rubric.revision,
            rubric.product_sets,
            t("bộ sản phẩm", "product sets"),
            rubric.errors,
            t("lỗi", "errors"),
            rubric.warnings,
            t("cảnh báo", "warnings"),
            rubric.errata,
            t("đính chính", "errata")
        );
    }
    if report.rubrics.is_empty() && report.has_errors() {
        let _ = writeln!(
            out,
            "{}",
            t(
                "Không đọc được bộ tiêu chí nào.",
                "No rubric could be read."
            )
        );
    }
    out
}

fn matched_by(by: MatchedBy, lang: Lang) -> &'static str {
    match by {
        MatchedBy::CodeAndWording => {
            lang.pick("khớp theo mã và nội dung", "matched by code and wording")
        }
        MatchedBy::Code => lang.pick("khớp theo mã", "matched by code"),
        MatchedBy::Wording => lang.pick("khớp theo nội dung", "matched by wording"),
    }
}

/// A part whose maximum changed: "  Phần A: 40 → 35".
fn part_line(out: &mut String, change: &Change<(String, Exact)>, lang: Lang) {
    let _ = writeln!(
        out,
        "  {} {}: {} → {}",
        lang.pick("Phần", "Part"),
        change.old.0,
        change.old.1,
        change.new.1
    );
}

/// What differs between two rubrics.
pub(crate) fn diff(diff: &RubricDiff, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {}@{} → {}@{}",
        t("So sánh", "Comparing"),
        diff.old.id,
        diff.old.revision,
        diff.new.id,
        diff.new.revision
    );
    for change in &diff.parts {
        part_line(&mut out, change, lang);
    }
    for change in &diff.bands {
        let _ = writeln!(
            out,
            "  {} {}★: {} {} → {}",
            t("Hạng", "Band"),
            change.old.0,
            t("từ", "from"),
            change.old.1,
            change.new.1
        );
    }
    if !diff.sets_added.is_empty() {
        let _ = writeln!(
            out,
            "  {}: {:?}",
            t("Bộ sản phẩm mới", "Product sets added"),
            diff.sets_added
        );
    }
    if !diff.sets_removed.is_empty() {
        let _ = writeln!(
            out,
            "  {}: {:?}",
            t("Bộ sản phẩm bỏ", "Product sets removed"),
            diff.sets_removed
        );
    }
    for set in &diff.sets {
        let _ = writeln!(
            out,
            "\n{} {}: {} {}, {} {}, {} {}, {} {}",
            t("Bộ sản phẩm", "Product set"),
            set.number,
            set.changed.len(),
            t("thay đổi", "changed"),
            set.added.len(),
            t("thêm", "added"),
            set.removed.len(),
            t("bỏ", "removed"),
            set.unchanged,
            t("giữ nguyên", "unchanged")
        );
        if let Some(renamed) = &set.renamed {
            let _ = writeln!(
                out,
                "  {}: {} → {}",
                t("Tên", "Name"),
                renamed.old,
                renamed.new
            );
        }
        for change in &set.parts {
            part_line(&mut out, change, lang);
        }
        for added in &set.added {
            let _ = writeln!(out, "  + {} {} ({})", added.code, added.name, added.max);
        }
        for removed in &set.removed {
            let _ = writeln!(
                out,
                "  − {} {} ({})",
                removed.code, removed.name, removed.max
            );
        }
        for change in &set.changed {
            let codes = if change.old_code == change.new_code {
                change.new_code.clone()
            } else {
                format!("{} → {}", change.old_code, change.new_code)
            };
            let _ = writeln!(out, "  ~ {codes} ({})", matched_by(change.matched_by, lang));
            if let Some(renamed) = &change.renamed {
                let _ = writeln!(
                    out,
                    "      {}: {:?} → {:?}",
                    t("tên", "name"),
                    renamed.old,
                    renamed.new
                );
            }
            if let Some(max) = &change.max {
                let _ = writeln!(
                    out,
                    "      {}: {} → {}",
                    t("điểm tối đa", "maximum"),
                    max.old,
                    max.new
                );
            }
            for option in &change.options {
                let mut parts = Vec::new();
                if let Some(text) = &option.text {
                    parts.push(format!(
                        "{:?} → {:?}",
                        text.old.as_deref().unwrap_or("—"),
                        text.new.as_deref().unwrap_or("—")
                    ));
                }
                if let Some(points) = &option.points {
                    let show = |points: &Option<Exact>| {
                        points.map_or_else(|| "—".to_owned(), |p| p.to_string())
                    };
                    parts.push(format!(
                        "{} {} → {}",
                        t("điểm", "points"),
                        show(&points.old),
                        show(&points.new)
                    ));
                }
                if let Some(star) = &option.star {
                    let show = |star: &Option<u8>| {
                        if star.is_some() {
                            star_mark(*star).trim_start().to_owned()
                        } else {
                            "—".to_owned()
                        }
                    };
                    parts.push(format!(
                        "{} {} → {}",
                        t("dấu sao", "star mark"),
                        show(&star.old),
                        show(&star.new)
                    ));
                }
                let _ = writeln!(
                    out,
                    "      {} {}: {}",
                    t("phương án", "option"),
                    option.number,
                    parts.join("; ")
                );
            }
            if let Some(gates) = &change.gates {
                let show = |gates: &Vec<ocop_core::diff::GateSummary>| {
                    gates
                        .iter()
                        .map(|gate| format!("{}★≥{}", gate.level, gate.points))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let _ = writeln!(
                    out,
                    "      {}: [{}] → [{}]",
                    t("tiêu chí bắt buộc", "gates"),
                    show(&gates.old),
                    show(&gates.new)
                );
            }
        }
    }
    out
}

/// The outcome of `fixtures check`: every fixture that differs, failed or was rewritten, with
/// each field that differs or changed.
pub(crate) fn fixtures(report: &FixturesReport, updating: bool, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let mut out = String::new();
    for outcome in &report.fixtures {
        match outcome {
            FixtureOutcome::Failed { error, fixture } => {
                let _ = writeln!(out, "{} {fixture}: {error}", t("LỖI", "ERROR"));
            }
            FixtureOutcome::Checked {
                differences,
                fixture,
                ..
            } if differences.is_empty() => {
                let _ = writeln!(out, "{} {fixture}", t("đạt", "ok"));
            }
            FixtureOutcome::Checked {
                differences,
                fixture,
                updated,
                ..
            } => {
                let (heading, was, now) = if *updated {
                    (
                        t("ĐÃ CẬP NHẬT", "UPDATED"),
                        t("trước", "was"),
                        t("nay", "now"),
                    )
                } else {
                    (
                        t("KHÁC", "DIFFERS"),
                        t("cần", "expected"),
                        t("nhận được", "got"),
                    )
                };
                let _ = writeln!(out, "{heading} {fixture}");
                for difference in differences {
                    let _ = writeln!(
                        out,
                        "    {}: {was} {}, {now} {}",
                        difference.path, difference.expected, difference.actual
                    );
                }
            }
        }
    }
    let (read, updated, failed) = (report.fixtures.len(), report.updated, report.failed);
    let unchanged = read - updated - failed;
    let _ = match (lang, updating) {
        (Lang::Vi, true) => writeln!(
            out,
            "đã đọc {read} ca, cập nhật {updated}, giữ nguyên {unchanged}, từ chối hoặc lỗi {failed}"
        ),
        (Lang::Vi, false) => writeln!(out, "đã kiểm tra {read} ca, {failed} ca không đạt"),
        (Lang::En, true) => writeln!(
            out,
            "{read} fixtures read, {updated} updated, {unchanged} unchanged, {failed} refused or failed"
        ),
        (Lang::En, false) => writeln!(out, "{read} fixtures checked, {failed} failed"),
    };
    out
}

/// Old and new results side by side, and each carried answer.
pub(crate) fn rescore(result: &Rescore, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<28} {:>14} {:>14}",
        "", result.old.rubric, result.new.rubric
    );
    let _ = writeln!(
        out,
        "{:<28} {:>14} {:>14}",
        t("Tổng điểm", "Total"),
        result.old.total.to_string(),
        result.new.total.to_string()
    );
    let _ = writeln!(
        out,
        "{:<28} {:>14} {:>14}",
        t("Tối đa còn đạt được", "Most still reachable"),
        result.old.max_reachable.to_string(),
        result.new.max_reachable.to_string()
    );
    let stars = |side: &ocop_core::rescore::SideResult| {
        if side.stars_range.min == side.stars_range.max {
            format!("{}★", side.stars)
        } else {
            format!("{}–{}★", side.stars_range.min, side.stars_range.max)
        }
    };
    let _ = writeln!(
        out,
        "{:<28} {:>14} {:>14}",
        t("Hạng sao", "Stars"),
        stars(&result.old),
        stars(&result.new)
    );
    let _ = writeln!(
        out,
        "\n{} ({}):",
        t(
            "Câu trả lời cần xác nhận hoặc bổ sung",
            "Answers to confirm or give"
        ),
        result.to_confirm
    );
    for answer in result
        .answers
        .iter()
        .filter(|answer| answer.carried != Carried::Exact)
    {
        let label = match answer.carried {
            Carried::Confirm => t("xác nhận", "confirm"),
            Carried::NotCarried => t("cần chấm", "answer"),
            Carried::Exact => "",
        };
        let show = |value: &Option<serde_json::Value>| {
            value
                .as_ref()
                .map_or_else(|| "—".to_owned(), ToString::to_string)
        };
        let _ = writeln!(
            out,
            "  [{label}] {} ← {}: {} → {}{}",
            answer.criterion,
            answer.old_criterion.as_deref().unwrap_or("—"),
            show(&answer.old_answer),
            show(&answer.new_answer),
            answer
                .note
                .as_ref()
                .map(|note| format!(" ({})", carry_note(note, lang)))
                .unwrap_or_default()
        );
    }
    out
}

fn carry_note(note: &CarryNote, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match note {
        CarryNote::NoCounterpart if vi => "chỉ tiêu mới, cần chấm".to_owned(),
        CarryNote::NoCounterpart => "a new criterion: answer it".to_owned(),
        CarryNote::NotAnswered if vi => "phiếu cũ chưa chấm".to_owned(),
        CarryNote::NotAnswered => "not answered on the old sheet".to_owned(),
        CarryNote::Reworded if vi => "cùng mã, nội dung khác".to_owned(),
        CarryNote::Reworded => "same code, new wording".to_owned(),
        CarryNote::Recoded { from } if vi => format!("cùng nội dung, trước là mã {from}"),
        CarryNote::Recoded { from } => format!("same wording, code {from} before"),
        CarryNote::OptionMoved { from, to } if vi => {
            format!("phương án {from} nay là phương án {to}")
        }
        CarryNote::OptionMoved { from, to } => format!("option {from} is option {to} now"),
        CarryNote::ByPosition { option } if vi => {
            format!("giữ phương án {option} theo vị trí, nội dung đã đổi")
        }
        CarryNote::ByPosition { option } => {
            format!("option {option} kept by position; its wording changed")
        }
        CarryNote::NoOption { option } if vi => format!("phương án {option} không còn"),
        CarryNote::NoOption { option } => format!("option {option} has no counterpart"),
        CarryNote::AnsweredDifferently if vi => "chỉ tiêu nay chấm theo cách khác".to_owned(),
        CarryNote::AnsweredDifferently => "the criterion is answered differently now".to_owned(),
        CarryNote::SomeItemsMissing if vi => "một số nội dung đã đánh dấu không còn".to_owned(),
        CarryNote::SomeItemsMissing => "some ticked items have no counterpart".to_owned(),
    }
}
