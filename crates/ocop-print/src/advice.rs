//! The upgrade plan as a table a producer can act on: for each criterion to improve, what is
//! ticked now, what must be reached, the points it brings and the gates it meets.

use maud::{Markup, html};
use ocop_core::advise::{Advice, Step};
use ocop_core::rubric::{Criterion, ProductSet};
use ocop_core::score::AnswerEcho;

use super::{LANG, field, number, page, signatures, stars};

/// The advice on one product.
pub fn advice(advice: &Advice, set: &ProductSet) -> String {
    let product = advice.product.as_ref();
    let body = html! {
        h1 { "KẾ HOẠCH NÂNG HẠNG SAO SẢN PHẨM OCOP" }
        div.fields {
            (field("Tên sản phẩm", product.map(|p| p.name.as_str())))
            (field("Mã sản phẩm", product.and_then(|p| p.code.as_deref())))
            (field("Bộ sản phẩm", Some(&format!("{}: {}", advice.product_set, advice.product_set_name))))
            (field("Bộ tiêu chí", Some(&format!("{} (dữ liệu bản {})", advice.rubric, advice.rubric_revision))))
        }
        div.verdict {
            p { "Hiện tại: " b { (LANG.approx(advice.current_total.0)) " điểm, " (advice.current_stars) " sao " (stars(advice.current_stars)) } }
            p { "Mục tiêu: " b { (advice.target_stars) " sao" }
                @if let Some(floor) = advice.target_floor { " (từ " (number(floor.0)) " điểm và đạt mọi tiêu chí bắt buộc của hạng)" } }
            @if let Some(reason) = &advice.reason { p { "Không thể đạt: " (reason.message) } }
        }
        @for (index, plan) in advice.plans.iter().enumerate() {
            h2 {
                @if advice.plans.len() > 1 { "Phương án " (index + 1) ": " } @else { "Kế hoạch: " }
                (plan.criteria_changed) " chỉ tiêu, thêm " (number(plan.points_gained.0)) " điểm → "
                (LANG.approx(plan.new_total.0)) " điểm, " (plan.new_stars) " sao"
                @if let Some(cost) = plan.cost { " (chi phí " (number(cost.0)) ")" }
            }
            table.small {
                thead {
                    tr {
                        th.num { "Mã" } th { "Chỉ tiêu" } th { "Hiện tại" } th { "Cần đạt" }
                        th.num { "Điểm tăng" } th { "Tiêu chí bắt buộc đạt được" } th { "Người thực hiện, thời hạn" }
                    }
                }
                tbody {
                    @for step in &plan.steps { (step_row(step, set)) }
                }
            }
        }
        @if let Some(margin) = &advice.margin {
            h2 { "Biên độ an toàn (để giữ " (advice.current_stars) " sao)" }
            p { "Trên ngưỡng " (number(margin.band_floor.0)) " điểm: " (LANG.approx(margin.points_above_floor.0)) " điểm" }
            @if margin.gates_at_risk.is_empty() {
                p { "Không có tiêu chí bắt buộc nào chỉ vừa đủ đạt." }
            } @else {
                p { "Tiêu chí bắt buộc chỉ vừa đủ đạt (hạ một mức sẽ mất sao): "
                    (margin.gates_at_risk.iter().map(|gate| gate.criterion.as_str()).collect::<Vec<_>>().join(", ")) }
            }
        }
        (signatures(&[("ĐẠI DIỆN CHỦ THỂ", None), ("NGƯỜI LẬP", advice.evaluator.as_deref())]))
    };
    page(
        "Kế hoạch nâng hạng sao OCOP",
        &["CHỦ THỂ SẢN PHẨM OCOP"],
        None,
        body,
    )
}

fn step_row(step: &Step, set: &ProductSet) -> Markup {
    let criterion = set.leaf(&step.criterion).map(|leaf| leaf.criterion);
    html! {
        tr {
            td.num { (step.criterion) }
            td { (criterion.map(|c| c.name.as_str()).unwrap_or("")) }
            td { (answer(step.from_option.as_ref(), criterion)) " (" (number(step.from_points.0)) " điểm)" }
            td { b { (answer(Some(&step.to_option), criterion)) } " (" (number(step.to_points.0)) " điểm)" }
            td.num { "+" (number(step.points_gained.0)) }
            td { (step.gates.iter().map(|gate| format!("{} sao", gate.level)).collect::<Vec<_>>().join(", ")) }
            td {}
        }
    }
}

/// An answer in words: the option's number and text, `Có`/`Không`, or the options ticked.
fn answer(answer: Option<&AnswerEcho>, criterion: Option<&Criterion>) -> String {
    let text = |number: u32| {
        criterion
            .and_then(|criterion| criterion.option(number))
            .map_or_else(
                || number.to_string(),
                |option| format!("{number}. {}", option.text),
            )
    };
    match answer {
        None => "chưa chấm".to_owned(),
        Some(AnswerEcho::Option(number)) => text(*number),
        Some(AnswerEcho::YesNo(met)) => (if *met { "Có" } else { "Không" }).to_owned(),
        Some(AnswerEcho::Options(numbers)) if numbers.is_empty() => {
            "không phương án nào".to_owned()
        }
        Some(AnswerEcho::Options(numbers)) => numbers
            .iter()
            .map(|n| text(*n))
            .collect::<Vec<_>>()
            .join("; "),
    }
}
