//! The readable upgrade advice: where the product stands and why, the plans step by step with
//! the options' texts, and the margin below.

use std::fmt::Write as _;

use ocop_core::advise::{Advice, GateAtRisk, GateState, Objective, Plan, Step};
use ocop_core::decimal::Exact;
use ocop_core::lang::Lang;
use ocop_core::rubric::{Criterion, ProductSet};
use ocop_core::score::{AnswerEcho, Status};

use super::{product_lines, star_line, star_mark};

/// Renders advice; the product set gives the criteria's names and the options' texts.
pub(crate) fn advice(advice: &Advice, set: &ProductSet, lang: Lang) -> String {
    let mut out = String::new();
    let t = |vi, en| lang.pick(vi, en);
    let _ = writeln!(
        out,
        "{} — {} {} ({} {})",
        t("TƯ VẤN NÂNG HẠNG SAO OCOP", "OCOP STAR UPGRADE ADVICE"),
        t("bộ tiêu chí", "rubric"),
        advice.rubric,
        t("dữ liệu bản", "data revision"),
        advice.rubric_revision
    );
    product_lines(
        &mut out,
        advice.product_set,
        &advice.product_set_name,
        advice.product.as_ref(),
        lang,
    );
    if let Some(evaluator) = &advice.evaluator {
        let _ = writeln!(out, "{}: {evaluator}", t("Người chấm", "Evaluator"));
    }
    let _ = writeln!(out);
    current(&mut out, advice, set, lang);
    let _ = writeln!(out);
    target(&mut out, advice, set, lang);
    if let Some(margin) = &advice.margin {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{} {} {}):",
            t("Biên độ an toàn (để giữ hạng", "Margin below (to keep"),
            advice.current_stars,
            t("sao", "stars")
        );
        let _ = writeln!(
            out,
            "  {} {} {} ({} {}): {} {}",
            t("Trên ngưỡng", "Above the floor of"),
            advice.current_stars,
            t("sao", "stars"),
            n(margin.band_floor, lang),
            points(margin.band_floor, lang),
            n(margin.points_above_floor, lang),
            points(margin.points_above_floor, lang)
        );
        if margin.gates_at_risk.is_empty() {
            let _ = writeln!(
                out,
                "  {}",
                t(
                    "Không có tiêu chí bắt buộc nào chỉ vừa đủ đạt.",
                    "No star gate is held with nothing to spare."
                )
            );
        } else {
            let _ = writeln!(
                out,
                "  {}",
                t(
                    "Tiêu chí bắt buộc chỉ vừa đủ đạt (hạ một mức sẽ mất sao):",
                    "Star gates held with nothing to spare (one notch lower costs a star):"
                )
            );
            for gate in &margin.gates_at_risk {
                let _ = writeln!(out, "  ! {}", at_risk(gate, set, lang));
            }
        }
    }
    out
}

fn current(out: &mut String, advice: &Advice, set: &ProductSet, lang: Lang) {
    let t = |vi, en| lang.pick(vi, en);
    let total = match advice.status {
        Status::Incomplete => t("Điểm tạm tính", "Points so far"),
        _ => t("Tổng điểm", "Total"),
    };
    let _ = writeln!(
        out,
        "{total}: {}; {}: {} {}",
        n(advice.current_total, lang),
        t("hạng theo tổng điểm", "band from the total"),
        advice.band_stars,
        t("sao", "stars")
    );
    if advice.status == Status::Disqualified {
        let _ = writeln!(
            out,
            "{}: {}",
            t("Hiện tại", "Now"),
            t("BỊ LOẠI (0 sao)", "DISQUALIFIED (0 stars)")
        );
        return;
    }
    let _ = writeln!(
        out,
        "{}: {} {} {}",
        t("Hiện tại", "Now"),
        advice.current_stars,
        t("sao", "stars"),
        star_line(advice.current_stars)
    );
    let limiting: Vec<&GateState> = advice
        .unmet_gates
        .iter()
        .filter(|gate| gate.level <= advice.band_stars.max(advice.target_stars))
        .collect();
    if !limiting.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            t(
                "Tiêu chí bắt buộc theo hạng sao chưa đạt:",
                "Star gates not met:"
            )
        );
        for gate in limiting {
            let name = name_of(set, &gate.criterion);
            let mark = requirement(gate.marked_option, gate.required_points, lang);
            let now = match &gate.option {
                Some(option) => format!(
                    "{} {} ({} {})",
                    t("đang ở", "now"),
                    answer(option, lang),
                    n(gate.points, lang),
                    points(gate.points, lang)
                ),
                None => format!(
                    "{} {} {}",
                    t("đang có", "now"),
                    n(gate.points, lang),
                    points(gate.points, lang)
                ),
            };
            let level = gate.level;
            let need = match lang {
                Lang::Vi => format!("hạng {level} sao cần ít nhất {mark}"),
                Lang::En => format!("a {level}-star product needs at least {mark}"),
            };
            let _ = writeln!(out, "  ✗ {} {name}: {need}; {now}", gate.criterion);
        }
    }
}

fn target(out: &mut String, advice: &Advice, set: &ProductSet, lang: Lang) {
    let t = |vi, en| lang.pick(vi, en);
    let floor = advice
        .target_floor
        .map(|floor| {
            let floor = n(floor, lang);
            let level = advice.target_stars;
            match lang {
                Lang::Vi => {
                    format!(" — từ {floor} điểm và đạt mọi tiêu chí bắt buộc đến hạng {level} sao")
                }
                Lang::En => {
                    format!(" — from {floor} points, with every star gate up to {level} stars met")
                }
            }
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}: {} {}{floor}",
        t("Mục tiêu", "Target"),
        advice.target_stars,
        t("sao", "stars")
    );
    if let Some(outlook) = &advice.partial {
        let _ = writeln!(
            out,
            "{} {} {}; {} {}–{} {}.",
            t("Phiếu chưa chấm xong: còn", "Unfinished sheet:"),
            outlook.unanswered.len(),
            t("chỉ tiêu", "criteria to answer"),
            t("còn có thể đạt", "still possible:"),
            outlook.worst_stars,
            outlook.best_stars,
            t("sao", "stars")
        );
        let needs = &outlook.target_needs;
        let _ = writeln!(
            out,
            "{} {} {}, {} {} {} ({} {}).",
            t("Để đạt", "For"),
            advice.target_stars,
            t("sao", "stars"),
            t(
                "các chỉ tiêu chưa chấm cần thêm ít nhất",
                "the unanswered criteria must add at least"
            ),
            n(needs.points, lang),
            points(needs.points, lang),
            t("tối đa còn", "at most"),
            needs.most
        );
        if !needs.gates.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                t(
                    "và đạt tối thiểu các tiêu chí bắt buộc:",
                    "and reach at least these star gates:"
                )
            );
            for gate in &needs.gates {
                let option = gate.marked_option.and_then(|number| {
                    option_text(set, &gate.criterion, &AnswerEcho::Option(number), lang)
                });
                let mark = requirement(gate.marked_option, gate.required_points, lang);
                let _ = writeln!(
                    out,
                    "  - {} {}: {mark} [{} {}]{}",
                    gate.criterion,
                    name_of(set, &gate.criterion),
                    gate.level,
                    t("sao", "stars"),
                    option
                        .map(|text| format!("\n      {text}"))
                        .unwrap_or_default()
                );
            }
        }
    }
    if !advice.reachable {
        let reason = advice
            .reason
            .as_ref()
            .map(|reason| reason.message.as_str())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{} {} {}: {reason}",
            t("Không thể đạt", "Cannot reach"),
            advice.target_stars,
            t("sao", "stars")
        );
        return;
    }
    if advice.partial.is_some() {
        let _ = writeln!(
            out,
            "{}",
            t(
                "Mục tiêu vẫn còn đạt được.",
                "The target can still be reached."
            )
        );
        return;
    }
    match advice.plans.first() {
        Some(plan) if plan.steps.is_empty() => {
            let _ = writeln!(
                out,
                "{}",
                t(
                    "Sản phẩm đã đạt mục tiêu, không cần cải thiện.",
                    "The product already holds the target; nothing to improve."
                )
            );
            return;
        }
        _ => {}
    }
    let heading = match advice.objective {
        Objective::FewestCriteria => t(
            "Cách ít thay đổi nhất (ít chỉ tiêu nhất, rồi ít điểm nhất)",
            "Fewest changes (fewest criteria, then fewest points)",
        ),
        Objective::LeastCost => t(
            "Cách ít chi phí nhất (rồi ít chỉ tiêu, ít điểm nhất)",
            "Least cost (then fewest criteria, fewest points)",
        ),
    };
    let listed = advice.plans.len();
    let ties = if advice.tied_plans > 1 {
        format!(
            " — {} {}{}",
            advice.tied_plans,
            t("cách ngang nhau", "tied plans"),
            if u64::try_from(listed).is_ok_and(|listed| listed < advice.tied_plans) {
                format!(", {} {listed}", t("liệt kê", "listing"))
            } else {
                String::new()
            }
        )
    } else {
        String::new()
    };
    let _ = writeln!(out, "{heading}{ties}:");
    for (index, plan) in advice.plans.iter().enumerate() {
        // The options' texts once, for the first plan; the alternatives in one line per step.
        plan_lines(out, index + 1, plan, set, lang, index == 0);
    }
}

fn plan_lines(
    out: &mut String,
    number: usize,
    plan: &Plan,
    set: &ProductSet,
    lang: Lang,
    detailed: bool,
) {
    let t = |vi, en| lang.pick(vi, en);
    let cost = plan
        .cost
        .map(|cost| format!(", {} {}", t("chi phí", "cost"), n(cost, lang)))
        .unwrap_or_default();
    let changed = plan.criteria_changed;
    let gained = n(plan.points_gained, lang);
    let summary = match lang {
        Lang::Vi => format!("thay đổi {changed} chỉ tiêu, thêm {gained} điểm"),
        Lang::En if changed == 1 => format!(
            "change 1 criterion, gain {gained} {}",
            points(plan.points_gained, lang)
        ),
        Lang::En => format!(
            "change {changed} criteria, gain {gained} {}",
            points(plan.points_gained, lang)
        ),
    };
    let _ = writeln!(
        out,
        "{} {number}: {summary}{cost} → {} {}, {} {}",
        t("Phương án", "Plan"),
        n(plan.new_total, lang),
        points(plan.new_total, lang),
        plan.new_stars,
        t("sao", "stars")
    );
    for step in &plan.steps {
        step_lines(out, step, set, lang, detailed);
    }
}

fn step_lines(out: &mut String, step: &Step, set: &ProductSet, lang: Lang, detailed: bool) {
    let t = |vi, en| lang.pick(vi, en);
    let gates = if step.gates.is_empty() {
        String::new()
    } else {
        let levels: Vec<String> = step
            .gates
            .iter()
            .map(|gate| format!("{} {}", gate.level, t("sao", "stars")))
            .collect();
        format!(
            "; {} {}",
            t("đạt tiêu chí bắt buộc hạng", "meets the star gate for"),
            levels.join(", ")
        )
    };
    let change = if detailed {
        String::new()
    } else {
        let from = step
            .from_option
            .as_ref()
            .map_or_else(|| n(step.from_points, lang), |option| answer(option, lang));
        format!(" {from} → {},", answer(&step.to_option, lang))
    };
    let _ = writeln!(
        out,
        "  • {} {}:{change} {} {}{gates}",
        step.criterion,
        name_of(set, &step.criterion),
        lang.signed(step.points_gained.0),
        points(step.points_gained, lang)
    );
    if !detailed {
        return;
    }
    let now = match &step.from_option {
        Some(option) => {
            option_text(set, &step.criterion, option, lang).unwrap_or_else(|| answer(option, lang))
        }
        None => format!(
            "{} {} {}",
            t("chưa có phương án chung,", "no common option,"),
            n(step.from_points, lang),
            points(step.from_points, lang)
        ),
    };
    let needed = option_text(set, &step.criterion, &step.to_option, lang)
        .unwrap_or_else(|| answer(&step.to_option, lang));
    let _ = writeln!(out, "      {}: {now}", t("hiện tại", "now   "));
    let _ = writeln!(out, "      {}: {needed}", t("cần đạt ", "needed"));
    for unlock in &step.unlocks {
        let assumed = if unlock.assumed_lowest {
            t(
                " (chưa chấm: tính ở mức thấp nhất)",
                " (not answered: counted at its lowest option)",
            )
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "      {} {} {}: {} {}{assumed}",
            t("kéo theo: chỉ tiêu", "so criterion"),
            unlock.criterion,
            t("được tính điểm", "counts"),
            lang.signed(unlock.points_gained.0),
            points(unlock.points_gained, lang)
        );
    }
}

fn at_risk(gate: &GateAtRisk, set: &ProductSet, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let now = gate
        .option
        .as_ref()
        .map(|option| answer(option, lang))
        .unwrap_or_else(|| format!("{} {}", n(gate.points, lang), points(gate.points, lang)));
    format!(
        "{} {}: {now} {} {} {}; {} {} ({} {}) → {} {}",
        gate.criterion,
        name_of(set, &gate.criterion),
        t("là mức tối thiểu của hạng", "is the minimum for"),
        gate.level,
        t("sao", "stars"),
        t("xuống", "down to"),
        answer(&gate.lower_option, lang),
        n(gate.lower_points, lang),
        points(gate.lower_points, lang),
        gate.stars_if_lower,
        t("sao", "stars")
    )
}

/// "điểm", or "point"/"points" by the number.
fn points(value: Exact, lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "điểm",
        Lang::En if value.0.abs() == rust_decimal::Decimal::ONE => "point",
        Lang::En => "points",
    }
}

/// A number of points as the language writes it (`2,5`), a long mean to two places.
fn n(value: Exact, lang: Lang) -> String {
    lang.approx(value.0)
}

fn criterion<'s>(set: &'s ProductSet, code: &str) -> Option<&'s Criterion> {
    set.leaf(code).map(|leaf| leaf.criterion)
}

fn name_of(set: &ProductSet, code: &str) -> String {
    criterion(set, code)
        .map(|criterion| criterion.name.clone())
        .unwrap_or_default()
}

fn requirement(marked: Option<u32>, required: Exact, lang: Lang) -> String {
    match marked {
        Some(option) => format!(
            "{} {option} ({} {})",
            lang.pick("phương án", "option"),
            n(required, lang),
            points(required, lang)
        ),
        None => lang.pick("trên 0 điểm", "more than 0 points").to_owned(),
    }
}

/// An answer in a few words: "phương án 3", "Có", "phương án 1, 2".
fn answer(option: &AnswerEcho, lang: Lang) -> String {
    match option {
        AnswerEcho::Option(number) => format!("{} {number}", lang.pick("phương án", "option")),
        AnswerEcho::YesNo(true) => lang.pick("Có", "Yes").to_owned(),
        AnswerEcho::YesNo(false) => lang.pick("Không", "No").to_owned(),
        AnswerEcho::Options(numbers) if numbers.is_empty() => lang
            .pick("chưa đánh dấu mục nào", "nothing ticked")
            .to_owned(),
        AnswerEcho::Options(numbers) => {
            let numbers: Vec<String> = numbers.iter().map(u32::to_string).collect();
            format!(
                "{} {}",
                lang.pick("phương án", "options"),
                numbers.join(", ")
            )
        }
    }
}

/// An answer with the options' texts as printed: "4. Có câu chuyện … **** (5 điểm)".
fn option_text(set: &ProductSet, code: &str, option: &AnswerEcho, lang: Lang) -> Option<String> {
    let criterion = criterion(set, code)?;
    let line = |number: &u32| {
        let choice = criterion.option(*number)?;
        let star = star_mark(choice.star);
        let points = choice
            .points
            .map(|value| format!(" ({} {})", lang.decimal(value), points(Exact(value), lang)))
            .unwrap_or_default();
        Some(format!("{number}. {}{star}{points}", choice.text))
    };
    match option {
        AnswerEcho::Option(number) => line(number),
        AnswerEcho::YesNo(_) => {
            let scored = Exact(option.points(criterion));
            Some(format!(
                "{} ({} {})",
                answer(option, lang),
                n(scored, lang),
                points(scored, lang)
            ))
        }
        AnswerEcho::Options(numbers) if numbers.is_empty() => Some(answer(option, lang)),
        AnswerEcho::Options(numbers) => {
            let lines: Option<Vec<String>> = numbers.iter().map(line).collect();
            Some(lines?.join("; "))
        }
    }
}
