//! The readable breakdown of a scored sheet.

use std::fmt::Write as _;

use ocop_core::lang::Lang;
use ocop_core::score::{
    AnswerEcho, CriterionScore, CriterionStatus, Disqualification, Notice, Scorecard, Status,
};

use super::{
    certificate_line, filing_lines, potential_five_star_line, product_lines, star_line, star_mark,
    unmet_gates,
};

/// Renders a scorecard: parts, groups, criteria with the ticked option, gates, the verdict.
pub(crate) fn scorecard(card: &Scorecard, lang: Lang) -> String {
    let mut out = String::new();
    let t = |vi, en| lang.pick(vi, en);
    let _ = writeln!(
        out,
        "{} — {} {} ({} {})",
        t("PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP", "OCOP EVALUATION SHEET"),
        t("bộ tiêu chí", "rubric"),
        card.rubric,
        t("dữ liệu bản", "data revision"),
        card.rubric_revision
    );
    product_lines(
        &mut out,
        card.product_set,
        card.product_set_name,
        card.product.as_ref(),
        lang,
    );
    if let Some(evaluator) = &card.evaluator {
        let _ = writeln!(out, "{}: {evaluator}", t("Người chấm", "Evaluator"));
    }

    for part in &card.part_subtotals {
        let _ = writeln!(
            out,
            "\n{} {}. {}  [{}/{}]",
            t("Phần", "Part"),
            part.code,
            part.name,
            lang.decimal(part.points.0),
            part.max
        );
        for group in card.groups.iter().filter(|group| group.part == part.code) {
            let _ = writeln!(
                out,
                "  {}. {}  [{}/{}]",
                group.code,
                group.name,
                lang.decimal(group.points.0),
                lang.decimal(group.max.0)
            );
            let mut current_parent: Option<&str> = None;
            for criterion in card
                .criteria
                .iter()
                .filter(|c| c.part == part.code && c.group == group.code)
            {
                if let Some(parent) = criterion.parent.filter(|p| current_parent != Some(*p)) {
                    if let Some(nested) = card.subtotals.iter().find(|s| s.code == parent) {
                        let _ = writeln!(
                            out,
                            "    {} {}  [{}/{}]",
                            nested.code,
                            nested.name,
                            lang.decimal(nested.points.0),
                            lang.decimal(nested.max.0)
                        );
                    }
                    current_parent = Some(parent);
                }
                criterion_lines(&mut out, criterion, lang);
            }
        }
    }

    let _ = writeln!(out);
    let total_line = match card.status {
        Status::Incomplete => format!(
            "{}: {}/{} ({} {})",
            t("Điểm tạm tính", "Points so far"),
            lang.decimal(card.total.0),
            lang.decimal(card.max_total.0),
            t("tối đa còn đạt được", "most still reachable"),
            card.max_reachable
        ),
        _ => format!(
            "{}: {}/{}",
            t("Tổng điểm", "Total"),
            lang.decimal(card.total.0),
            card.max_total
        ),
    };
    let _ = writeln!(out, "{total_line}");
    let _ = writeln!(
        out,
        "{}: {} {}",
        t("Hạng theo tổng điểm", "Band from the total"),
        card.band_stars,
        t("sao", "stars")
    );
    unmet_gates(&mut out, &card.unmet_gates, lang);
    verdict(&mut out, card, lang);
    for notice in &card.notices {
        let _ = writeln!(out, "{}", notice_line(notice, lang));
    }
    out
}

fn criterion_lines(out: &mut String, criterion: &CriterionScore, lang: Lang) {
    let indent = if criterion.parent.is_some() {
        "      "
    } else {
        "    "
    };
    let status = match criterion.status {
        CriterionStatus::Scored => String::new(),
        CriterionStatus::NotApplicable => {
            format!("  ({})", lang.pick("không áp dụng", "not applicable"))
        }
        CriterionStatus::Unanswered => format!("  ({})", lang.pick("chưa chấm", "not answered")),
        CriterionStatus::Pending => format!(
            "  ({})",
            lang.pick(
                "chờ chấm chỉ tiêu điều kiện",
                "waits for the criterion it depends on"
            )
        ),
        CriterionStatus::NotEvaluated => {
            format!("  ({})", lang.pick("không đánh giá", "not evaluated"))
        }
    };
    // A group printed as its own criterion already has its heading and points on the group line.
    if criterion.code != criterion.group {
        let _ = writeln!(
            out,
            "{indent}{} {}  [{}/{}]{status}",
            criterion.code,
            criterion.name,
            lang.decimal(criterion.points.0),
            lang.decimal(criterion.max.0)
        );
    } else if !status.is_empty() {
        let _ = writeln!(out, "{indent}{}", status.trim_start());
    }
    match &criterion.answer {
        Some(AnswerEcho::YesNo(met)) => {
            let answer = if *met {
                lang.pick("Có", "Yes")
            } else {
                lang.pick("Không", "No")
            };
            let _ = writeln!(out, "{indent}  ☑ {answer}");
        }
        Some(_) => {
            for option in criterion.ticked.as_slice() {
                let case = option
                    .case
                    .map(|case| format!("[{case}] "))
                    .unwrap_or_default();
                let star = star_mark(option.star);
                let _ = writeln!(
                    out,
                    "{indent}  ☑ {}. {case}{}{star} ({})",
                    option.number,
                    option.text,
                    lang.decimal(option.points.0)
                );
            }
        }
        None => {}
    }
}

fn verdict(out: &mut String, card: &Scorecard, lang: Lang) {
    let t = |vi, en| lang.pick(vi, en);
    match card.status {
        Status::Disqualified => {
            let _ = writeln!(
                out,
                "{}: {}",
                t("Kết quả", "Result"),
                t("BỊ LOẠI (0 sao)", "DISQUALIFIED (0 stars)")
            );
            for reason in &card.disqualifications {
                let _ = writeln!(out, "  {}", reason_line(reason, lang));
            }
            return;
        }
        Status::Incomplete => {
            let _ = writeln!(
                out,
                "{}: {} {}–{} {}",
                t("Kết quả", "Result"),
                t(
                    "chưa chấm xong; còn có thể đạt",
                    "unfinished; still possible:"
                ),
                card.stars_range.min,
                card.stars_range.max,
                t("sao", "stars")
            );
            return;
        }
        Status::Ranked => {}
    }
    let capped = if card.stars < card.band_stars {
        format!(
            " ({} {} {})",
            t(
                "giới hạn bởi tiêu chí bắt buộc, tối đa",
                "capped by the star gates at"
            ),
            card.gate_cap,
            t("sao", "stars")
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{}: {} {} {}{capped}",
        t("Kết quả", "Result"),
        card.stars,
        t("sao", "stars"),
        star_line(card.stars)
    );
    certificate_line(out, card.certifiable, card.certifying_level, lang);
    if card.potential_five_star {
        potential_five_star_line(out, lang);
    }
    filing_lines(out, &card.filing, lang);
}

fn reason_line(reason: &Disqualification, lang: Lang) -> String {
    match reason {
        Disqualification::Knockout { criterion, printed } => {
            format!(
                "{} {criterion}: {printed}",
                lang.pick("Chỉ tiêu", "Criterion")
            )
        }
        Disqualification::Dossier { printed } => printed.clone(),
        Disqualification::StopRule {
            criterion, printed, ..
        } => format!(
            "{} {criterion} {}: {printed}",
            lang.pick("Chỉ tiêu", "Criterion"),
            lang.pick("được 0 điểm", "scored 0")
        ),
    }
}

/// A notice of a result, in words.
pub(crate) fn notice_line(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::AnswerNotApplicable { criterion, printed } => format!(
            "{} {criterion}: {} ({printed})",
            lang.pick("Lưu ý: chỉ tiêu", "Note: criterion"),
            lang.pick(
                "không áp dụng, câu trả lời không được tính điểm",
                "does not apply; its answer scores 0"
            )
        ),
        Notice::SecondarySource { warning } => {
            format!("{}: {warning}", lang.pick("Cảnh báo", "Warning"))
        }
        Notice::ModifiedRubricData { revision, files } => match lang {
            Lang::Vi => format!(
                "CẢNH BÁO: dữ liệu bộ tiêu chí mang tên {revision} nhưng không phải dữ liệu đã \
                 phát hành (khác: {}); kết quả này không theo bộ tiêu chí chính thức",
                files.join(", ")
            ),
            Lang::En => format!(
                "WARNING: the rubric data claims to be {revision} but is not the released data \
                 ({} differ); this result is not under the official criteria",
                files.join(", ")
            ),
        },
        Notice::AmendmentNotApplied {
            decision,
            date,
            note,
        } => format!(
            "{} {decision} ({} {date}) {}: {note}",
            lang.pick("Lưu ý: Quyết định", "Note: Decision"),
            lang.pick("hiệu lực từ", "in force from"),
            lang.pick("không được áp dụng", "is not applied"),
        ),
        Notice::TransitionFiling { .. } | Notice::TransitionLimit { .. } => {
            ocop_core::filing::describe_notice(notice, lang).unwrap_or_default()
        }
    }
}
