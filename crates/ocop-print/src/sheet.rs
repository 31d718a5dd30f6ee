//! The Phiếu đánh giá: blank (`ocop sheet`) or filled in and scored (`ocop score`).

use std::collections::HashMap;

use maud::{Markup, html};
use ocop_core::rubric::{Choice, Criterion, LoadedSet, Scoring};
use ocop_core::score::{AnswerEcho, CriterionScore, CriterionStatus, Scorecard, Status};

use super::{LANG, field, gate_requirement, long_date, number, page, signatures, star_mark, stars};

/// What a filled sheet adds to the blank one: each criterion's score.
struct Filled<'c, 'r> {
    card: &'c Scorecard<'r>,
    criteria: HashMap<&'r str, &'c CriterionScore<'r>>,
}

impl<'c, 'r> Filled<'c, 'r> {
    fn new(card: &'c Scorecard<'r>) -> Self {
        Self {
            card,
            criteria: card
                .criteria
                .iter()
                .map(|criterion| (criterion.code, criterion))
                .collect(),
        }
    }

    fn subtotal(&self, code: &str, list: &[ocop_core::score::Subtotal<'_>]) -> Option<String> {
        list.iter()
            .find(|subtotal| subtotal.code == code)
            .map(|subtotal| number(subtotal.points.0))
    }
}

/// The blank sheet of a product set, with fields for the product, the member and the date.
pub fn blank_sheet(loaded: &LoadedSet<'_>) -> String {
    document(loaded, None)
}

/// A member's sheet, ticked and scored, with its gates and result.
pub fn scorecard(loaded: &LoadedSet<'_>, card: &Scorecard<'_>) -> String {
    document(loaded, Some(&Filled::new(card)))
}

fn document(loaded: &LoadedSet<'_>, filled: Option<&Filled<'_, '_>>) -> String {
    let (instrument, set) = (&loaded.instrument, &loaded.set);
    let card = filled.map(|filled| filled.card);
    let product = card.and_then(|card| card.product.as_ref());
    let evaluated_on = card
        .and_then(|card| card.evaluated_on)
        .map(|date| date.to_string());
    let date = evaluated_on.as_deref().and_then(long_date);
    let title = format!("Phiếu đánh giá sản phẩm OCOP — Bộ sản phẩm {}", set.number);
    let body = html! {
        h1 { "PHIẾU ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP" }
        div.subtitle {
            "Bộ sản phẩm " (set.number) ": " (set.name) br;
            (instrument.title) " (Quyết định " (instrument.decision.number) ")"
            @if let Some(classification) = &set.classification { br; (classification) }
        }
        div.fields {
            (field("Tên sản phẩm", product.map(|p| p.name.as_str())))
            (field("Mã sản phẩm", product.and_then(|p| p.code.as_deref())))
            (field("Tên chủ thể", None))
            (field("Họ tên thành viên Hội đồng", card.and_then(|c| c.evaluator.as_deref())))
            (field("Ngày đánh giá", card.and_then(|c| c.evaluated_on).map(|d| LANG.date(d)).as_deref()))
        }
        table {
            thead {
                tr {
                    th.num { "Mã" }
                    th { "Chỉ tiêu, phương án" }
                    th.num { "Điểm tối đa" }
                    @if filled.is_some() { th.num { "Điểm chấm" } }
                }
            }
            tbody {
                @for part in &set.parts {
                    tr.part {
                        td.num { (part.code.as_str()) }
                        td { "Phần " (part.code.as_str()) ". " (part.title) }
                        td.num { (number(part.max)) }
                        @if let Some(filled) = filled {
                            td.num { (filled.subtotal(part.code.as_str(), &filled.card.part_subtotals).unwrap_or_default()) }
                        }
                    }
                    @for group in &part.groups {
                        tr.group {
                            td.num { (group.code) }
                            td {
                                (group.name)
                                @for note in &group.notes { blockquote { (note) } }
                            }
                            td.num { (number(group.max)) }
                            @if let Some(filled) = filled {
                                td.num { (filled.subtotal(&group.code, &filled.card.groups).unwrap_or_default()) }
                            }
                        }
                        @for criterion in &group.criteria {
                            (criterion_rows(criterion, criterion.code == group.code, filled))
                        }
                    }
                    tr.total {
                        td {}
                        td { "Cộng Phần " (part.code.as_str()) }
                        td.num { (number(part.max)) }
                        @if let Some(filled) = filled {
                            td.num { (filled.subtotal(part.code.as_str(), &filled.card.part_subtotals).unwrap_or_default()) }
                        }
                    }
                }
                tr.total {
                    td {}
                    td { "TỔNG CỘNG" }
                    td.num { (number(set.total_max())) }
                    @if let Some(card) = card { td.num { (number(card.total.0)) } }
                }
            }
        }
        @for rule in &set.stop_rules { blockquote { (rule.printed) } }
        @if let Some(rule) = &set.dossier_rule { blockquote { (rule) } }
        @for note in &set.footnotes { blockquote { (note) } }
        @if let Some(card) = card { (verdict(card)) }
        (signatures(&[("THÀNH VIÊN HỘI ĐỒNG", card.and_then(|c| c.evaluator.as_deref()))]))
    };
    page(
        &title,
        &["HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG", "SẢN PHẨM OCOP"],
        date.as_deref(),
        body,
    )
}

/// A criterion's row (and its sub-criteria's): notes, options with their boxes, points.
fn criterion_rows(
    criterion: &Criterion,
    is_group: bool,
    filled: Option<&Filled<'_, '_>>,
) -> maud::Markup {
    let score = filled.and_then(|filled| filled.criteria.get(criterion.code.as_str()).copied());
    let nested = matches!(criterion.scoring, Scoring::Nested(_));
    let subtotal =
        filled.and_then(|filled| filled.subtotal(&criterion.code, &filled.card.subtotals));
    html! {
        tr {
            td.num { @if !is_group { (criterion.code) } }
            td {
                @if !is_group { (criterion.name) }
                @for note in criterion.notes.iter().chain(&criterion.knockout).chain(criterion.applies_when.iter().map(|rule| &rule.printed)) {
                    blockquote { (note) }
                }
                (options(criterion, score))
                @if let Some(note) = score.and_then(status_note) { div { i { (note) } } }
            }
            td.num { @if !is_group { (number(criterion.max)) } }
            @if filled.is_some() {
                td.num {
                    @if nested { (subtotal.unwrap_or_default()) }
                    @else if let Some(score) = score { (number(score.points.0)) }
                }
            }
        }
        @if let Scoring::Nested(children) = &criterion.scoring {
            @for child in children { (criterion_rows(child, false, filled)) }
        }
    }
}

fn status_note(score: &CriterionScore<'_>) -> Option<&'static str> {
    match score.status {
        CriterionStatus::Scored => None,
        CriterionStatus::NotApplicable => Some("không áp dụng"),
        CriterionStatus::Unanswered => Some("chưa chấm"),
        CriterionStatus::Pending => Some("chờ chấm chỉ tiêu điều kiện"),
        CriterionStatus::NotEvaluated => Some("không đánh giá"),
    }
}

fn options(criterion: &Criterion, score: Option<&CriterionScore<'_>>) -> maud::Markup {
    let ticked = |number: u32| {
        score.is_some_and(|score| {
            score
                .ticked
                .as_slice()
                .iter()
                .any(|option| option.number == number)
        })
    };
    let yes_no = score.and_then(|score| match score.answer {
        Some(AnswerEcho::YesNo(met)) => Some(met),
        _ => None,
    });
    let option = |choice: &Choice| {
        let on = ticked(choice.number);
        let points = choice
            .points
            .map_or_else(|| "(không đọc được điểm)".to_owned(), number);
        html! {
            div.option.ticked[on] {
                (if on { "☑" } else { "☐" }) " " (choice.number) ". " (choice.text) (star_mark(choice.star)) " — " (points)
            }
        }
    };
    html! {
        @match &criterion.scoring {
            Scoring::Single(choices) | Scoring::Additive(choices) => {
                @for choice in choices { (option(choice)) }
            }
            Scoring::Cases { cases, options: choices } => {
                @for case in cases {
                    div { i { (case.label) } }
                    @for choice in choices.iter().filter(|choice| case.options.contains(&choice.number)) {
                        (option(choice))
                    }
                }
            }
            Scoring::YesNo => {
                div.option {
                    span.ticked[yes_no == Some(true)] { (if yes_no == Some(true) { "☑" } else { "☐" }) " Có — " (number(criterion.max)) }
                    "    "
                    span.ticked[yes_no == Some(false)] { (if yes_no == Some(false) { "☑" } else { "☐" }) " Không — 0" }
                }
            }
            Scoring::Nested(_) => {}
        }
    }
}

fn verdict(card: &Scorecard<'_>) -> Markup {
    html! {
        div.verdict {
            p { "Tổng điểm: " b { (number(card.total.0)) "/" (number(card.max_total.0)) } }
            p { "Hạng theo tổng điểm: " (card.band_stars) " sao" }
            @if card.unmet_gates.is_empty() {
                p { "Tiêu chí bắt buộc theo hạng sao: đạt tất cả" }
            } @else {
                p { "Tiêu chí bắt buộc theo hạng sao chưa đạt:" }
                ul {
                    @for gate in &card.unmet_gates {
                        li {
                            "Chỉ tiêu " (gate.criterion) ": hạng " (gate.level) " sao cần "
                            (gate_requirement(gate))
                            "; đạt " (number(gate.chosen_points.0)) " điểm"
                        }
                    }
                }
            }
            p {
                "Kết quả: "
                @match card.status {
                    Status::Disqualified => b { "BỊ LOẠI (0 sao)" },
                    Status::Incomplete => b { "chưa chấm xong; còn có thể đạt " (card.stars_range.min) "–" (card.stars_range.max) " sao" },
                    Status::Ranked => {
                        b { (card.stars) " sao " (stars(card.stars)) }
                        @if card.stars < card.band_stars {
                            " (giới hạn bởi tiêu chí bắt buộc, tối đa " (card.gate_cap) " sao)"
                        }
                    },
                }
            }
            @if card.status == Status::Ranked {
                p { "Công nhận, cấp giấy chứng nhận: " (if card.certifiable { "có" } else { "không" }) }
            }
        }
    }
}
