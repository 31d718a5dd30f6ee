//! The council's result for people (text) and for spreadsheets (CSV).

use std::fmt::Write as _;

use ocop_core::council::rules::{GateJudgement, KnockoutCombination};
use ocop_core::council::{CouncilResult, MemberResult, SessionStatus};
use ocop_core::lang::{Describe, Lang};
use ocop_core::recognition::Recognised;
use ocop_core::score::Disqualification;

use super::{
    certificate_line, csv_field, filing_lines, potential_five_star_line, product_lines, star_line,
    unmet_gates,
};

/// Renders the council's result: members, quorum, spread, mean, gates, verdict, analytics.
pub(crate) fn council(result: &CouncilResult, lang: Lang) -> String {
    let t = |vi, en| lang.pick(vi, en);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}) — {} {} ({} {})",
        t(
            "KẾT QUẢ HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
            "OCOP COUNCIL RESULT"
        ),
        lang.pick(result.level.name_vi(), result.level.name_en()),
        t("bộ tiêu chí", "rubric"),
        result.rubric,
        t("dữ liệu bản", "data revision"),
        result.rubric_revision
    );
    product_lines(
        &mut out,
        result.product_set,
        &result.product_set_name,
        result.product.as_ref(),
        lang,
    );

    let _ = writeln!(out, "\n{}", t("Thành viên:", "Members:"));
    for member in &result.members {
        let name = member.name.as_deref().unwrap_or("");
        let role = lang.pick(member.role.name_vi(), member.role.name_en());
        let counted = if member.counted {
            t("tính điểm", "counted")
        } else {
            t("không tính", "not counted")
        };
        let total = member
            .total
            .map(|total| lang.decimal(total.0))
            .unwrap_or_else(|| "—".to_owned());
        let stars = member
            .stars
            .map(|stars| format!("{stars}★"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:<6} {:<24} {:<12} {:<12} {:>6} {stars}",
            member.id, name, role, counted, total
        );
    }

    let quorum = &result.quorum;
    let _ = writeln!(
        out,
        "\n{}: {}/{} ({} {}; {}) — {}",
        t("Số thành viên đã chấm", "Scoring members who scored"),
        quorum.scored,
        quorum.scoring_members,
        t("cần ít nhất", "at least"),
        quorum.required,
        if quorum.chair_scored {
            t("Chủ tịch đã chấm", "the chair scored")
        } else {
            t("Chủ tịch chưa chấm", "the chair did not score")
        },
        if quorum.met {
            t("đủ điều kiện", "quorum met")
        } else {
            t("KHÔNG ĐỦ ĐIỀU KIỆN", "NO QUORUM")
        },
    );
    let spread = &result.spread;
    let limit = spread
        .limit
        .map(|limit| format!("{} {}", t("tối đa", "at most"), lang.decimal(limit.0)))
        .unwrap_or_else(|| t("không giới hạn", "no limit").to_owned());
    let _ = writeln!(
        out,
        "{}: {} ({limit})",
        t(
            "Chênh lệch tổng điểm giữa các thành viên",
            "Spread of members' totals"
        ),
        lang.decimal(spread.spread.0)
    );
    if spread.exceeded {
        let _ = writeln!(
            out,
            "  {} {} / {} {}",
            t("Thấp nhất:", "Lowest:"),
            spread.lowest.join(", "),
            t("cao nhất:", "highest:"),
            spread.highest.join(", ")
        );
        for driver in spread.criteria.iter().take(5) {
            let _ = writeln!(
                out,
                "  {} {}: {} → {} ({})",
                t("chỉ tiêu", "criterion"),
                driver.criterion,
                lang.decimal(driver.low_points.0),
                lang.decimal(driver.high_points.0),
                lang.quotient(driver.difference.0, true)
            );
        }
    }

    let _ = writeln!(
        out,
        "{}: {}",
        t("Điểm trung bình", "Mean total"),
        mean(result, lang)
    );
    if result.banded_total != result.mean_total {
        let _ = writeln!(
            out,
            "{}: {}",
            t(
                "Điểm trung bình sau làm tròn (theo quy chế)",
                "Mean rounded by the council's rules"
            ),
            lang.decimal(result.banded_total.0)
        );
    }
    let band = match result.band_stars {
        Some(stars) => format!("{stars} {}", t("sao", "stars")),
        None => "—".to_owned(),
    };
    let _ = writeln!(
        out,
        "{}: {band}",
        t("Hạng theo điểm trung bình", "Band from the mean"),
    );
    unmet_gates(&mut out, &result.unmet_gates, lang);
    verdict(&mut out, result, lang);
    for notice in &result.notices {
        let _ = writeln!(out, "{}", super::scorecard::notice_line(notice, lang));
    }
    rules(&mut out, result, lang);
    analytics(&mut out, result, lang);
    out
}

fn verdict(out: &mut String, result: &CouncilResult, lang: Lang) {
    let t = |vi, en| lang.pick(vi, en);
    // Stars another level recognises are a potential, never the result of this council.
    let potential = if result
        .recognition
        .as_ref()
        .is_some_and(Recognised::is_referral)
    {
        t("tiềm năng ", "potential ")
    } else {
        ""
    };
    let status = match result.status {
        SessionStatus::Ranked => match (result.stars, result.gate_cap) {
            (Some(stars), Some(cap)) if result.stars < result.band_stars => format!(
                "{potential}{stars} {} {} ({} {cap} {})",
                t("sao", "stars"),
                star_line(stars),
                t(
                    "giới hạn bởi tiêu chí bắt buộc, tối đa",
                    "capped by the star gates at"
                ),
                t("sao", "stars")
            ),
            (Some(stars), _) => format!(
                "{potential}{stars} {} {}",
                t("sao", "stars"),
                star_line(stars)
            ),
            (None, _) => "—".to_owned(),
        },
        SessionStatus::Disqualified => t("BỊ LOẠI (0 sao)", "DISQUALIFIED (0 stars)").to_owned(),
        SessionStatus::NeedsRescoring => t(
            "HỘI ĐỒNG CHẤM LẠI: chênh lệch vượt mức cho phép",
            "THE COUNCIL RE-SCORES: the spread is over the limit",
        )
        .to_owned(),
        SessionStatus::NoQuorum => t(
            "CHƯA CÓ KẾT QUẢ: không đủ thành viên chấm",
            "NO RESULT: no quorum",
        )
        .to_owned(),
        SessionStatus::Incomplete => t(
            "CHƯA CÓ KẾT QUẢ: còn phiếu chưa chấm xong",
            "NO RESULT: unfinished sheets",
        )
        .to_owned(),
    };
    let _ = writeln!(out, "{}: {status}", t("Kết quả", "Result"));
    for vote in &result.knockout_votes {
        let what = match &vote.reason {
            Disqualification::Knockout { criterion, .. } => format!(
                "{} {criterion}",
                t("loại theo chỉ tiêu", "knock-out of criterion")
            ),
            Disqualification::Dossier { .. } => t("hồ sơ bị loại", "dossier rule").to_owned(),
            Disqualification::StopRule { criterion, .. } => {
                format!("{} ({criterion} = 0)", t("dừng đánh giá", "stop rule"))
            }
        };
        let decided = if vote.decided {
            t("quyết định", "decides")
        } else {
            t("không đủ", "not enough")
        };
        let _ = writeln!(
            out,
            "  {what}: {}/{} {} ({}) — {decided}",
            vote.members.len(),
            vote.of,
            t("thành viên", "members"),
            vote.members.join(", ")
        );
    }
    filing_lines(out, &result.filing, lang);
    if let Some(recognition) = &result.recognition {
        let _ = writeln!(
            out,
            "{}: {}",
            t("Công nhận", "Recognition"),
            recognition.describe(lang)
        );
        return;
    }
    if result.status == SessionStatus::Ranked {
        certificate_line(out, result.certifiable, result.certifying_level, lang);
    }
    if result.potential_five_star {
        potential_five_star_line(out, lang);
    }
}

fn rules(out: &mut String, result: &CouncilResult, lang: Lang) {
    let t = |vi, en| lang.pick(vi, en);
    let rules = &result.rules;
    let _ = writeln!(out, "\n{}", t("Quy định áp dụng:", "Rules applied:"));
    let roles: Vec<&str> = rules
        .scoring_roles
        .value
        .iter()
        .map(|role| lang.pick(role.name_vi(), role.name_en()))
        .collect();
    let lines = [
        (
            t("thành viên chấm điểm", "scoring roles"),
            roles.join(", "),
            rules.scoring_roles.source_in(lang),
        ),
        (
            t("túc số", "quorum"),
            format!(
                "{} {}{}",
                share(rules.quorum.value.fraction, lang),
                t("số thành viên chấm điểm", "of scoring members"),
                if rules.quorum.value.chair_required {
                    t(", có Chủ tịch", ", the chair among them")
                } else {
                    ""
                }
            ),
            rules.quorum.source_in(lang),
        ),
        (
            t("chênh lệch tối đa", "largest spread"),
            rules
                .max_spread
                .value
                .map(|limit| lang.decimal(limit.0))
                .unwrap_or_else(|| t("không giới hạn", "none").to_owned()),
            rules.max_spread.source_in(lang),
        ),
        (
            t("làm tròn", "rounding"),
            rules
                .rounding
                .value
                .map(|rounding| {
                    format!(
                        "{} {} ({})",
                        rounding.places,
                        t("chữ số thập phân", "decimal places"),
                        rounding.mode.label(lang)
                    )
                })
                .unwrap_or_else(|| {
                    t(
                        "không làm tròn (trung bình chính xác)",
                        "none (the exact mean)",
                    )
                    .to_owned()
                }),
            rules.rounding.source_in(lang),
        ),
        (
            t("tiêu chí bắt buộc", "star gates"),
            gate_rule(rules.gates.value, lang).to_owned(),
            rules.gates.source_in(lang),
        ),
        (
            t("loại sản phẩm", "knock-outs"),
            knockout_rule(rules.knockouts.value, lang).to_owned(),
            rules.knockouts.source_in(lang),
        ),
    ];
    for (name, value, source) in lines {
        let _ = writeln!(out, "  {name}: {value} [{source}]");
    }
}

/// The council's mean: `73,8`, or `73,33 (220/3)` when two places do not hold it.
fn mean(result: &CouncilResult, lang: Lang) -> String {
    lang.mean(result.mean_total.0, &result.mean_total_fraction)
}

/// A share of members as a fraction: `3/4`.
fn share(value: ocop_core::decimal::Exact, lang: Lang) -> String {
    let fraction = ocop_core::decimal::fraction(value.0, 1);
    if fraction.contains('/') {
        fraction
    } else {
        lang.decimal(value.0)
    }
}

fn gate_rule(judgement: GateJudgement, lang: Lang) -> &'static str {
    match judgement {
        GateJudgement::MeanPoints => lang.pick(
            "điểm trung bình của chỉ tiêu so với điểm của phương án có dấu sao",
            "the criterion's mean points against the marked option's points",
        ),
        GateJudgement::Majority => lang.pick(
            "quá nửa số thành viên đạt",
            "more than half of the members meet it",
        ),
        GateJudgement::EveryMember => lang.pick("mọi thành viên đều đạt", "every member meets it"),
    }
}

fn knockout_rule(combination: KnockoutCombination, lang: Lang) -> &'static str {
    match combination {
        KnockoutCombination::Majority => lang.pick(
            "quá nửa số thành viên chấm điểm",
            "more than half of the scoring members",
        ),
        KnockoutCombination::Any => lang.pick("chỉ cần một thành viên", "any one member"),
        KnockoutCombination::Unanimous => lang.pick("tất cả thành viên", "every member"),
    }
}

fn analytics(out: &mut String, result: &CouncilResult, lang: Lang) {
    let t = |vi, en| lang.pick(vi, en);
    let analytics = &result.analytics;
    let _ = writeln!(
        out,
        "\n{}",
        t(
            "Phân tích (không thay đổi điểm trung bình chính thức):",
            "Analytics (the official mean is unchanged):"
        )
    );
    let agreement = &analytics.agreement;
    let _ = writeln!(
        out,
        "  {}: {}/{} {} ({}); {}: {}",
        t("Đồng thuận", "Agreement"),
        agreement.unanimous,
        agreement.criteria,
        t(
            "chỉ tiêu mọi thành viên chấm giống nhau",
            "criteria scored alike by every member"
        ),
        lang.approx(agreement.unanimous_share.0),
        t(
            "độ lệch tuyệt đối trung bình của tổng điểm",
            "mean absolute deviation of totals"
        ),
        lang.quotient(agreement.mean_absolute_deviation.0, false)
    );
    let mut widest: Vec<_> = analytics
        .criteria
        .iter()
        .filter(|criterion| criterion.spread.0 > rust_decimal::Decimal::ZERO)
        .collect();
    widest.sort_by_key(|criterion| std::cmp::Reverse(criterion.spread.0));
    for criterion in widest.iter().take(5) {
        let furthest: Vec<String> = criterion
            .furthest
            .iter()
            .map(|member| format!("{} ({})", member.member, lang.decimal(member.points.0)))
            .collect();
        let _ = writeln!(
            out,
            "  {} {}: {} {}–{}, {} {}; {} {}",
            t("Chỉ tiêu", "Criterion"),
            criterion.criterion,
            t("điểm", "points"),
            lang.decimal(criterion.min.0),
            lang.decimal(criterion.max_given.0),
            t("trung bình", "mean"),
            lang.quotient(criterion.mean.0, false),
            t("xa trung bình nhất:", "furthest from the mean:"),
            furthest.join(", ")
        );
    }
    for member in &analytics.leniency {
        let _ = writeln!(
            out,
            "  {} {}: {} ({} {})",
            t("Mức chấm so với các thành viên khác", "Leniency of"),
            member.member,
            lang.quotient(member.leniency.0, true),
            t("tổng", "total"),
            lang.decimal(member.total.0)
        );
    }
    if let Some(total) = analytics.self_assessment_total {
        let _ = writeln!(
            out,
            "  {}: {} / {} {}",
            t("Chủ thể tự đánh giá", "Self-assessment"),
            lang.decimal(total.0),
            mean(result, lang),
            t("(Hội đồng)", "(council)")
        );
        for gap in analytics
            .self_assessment
            .iter()
            .filter(|gap| gap.gap.0 != rust_decimal::Decimal::ZERO)
            .take(5)
        {
            let _ = writeln!(
                out,
                "    {} {}: {} {} / {} {} ({})",
                t("chỉ tiêu", "criterion"),
                gap.criterion,
                t("tự chấm", "claimed"),
                lang.decimal(gap.claimed.0),
                t("Hội đồng", "council"),
                lang.quotient(gap.council.0, false),
                lang.quotient(gap.gap.0, true)
            );
        }
    }
}

/// The summary sheet as CSV: one row per criterion, one column per member, then the mean.
pub(crate) fn council_csv(result: &CouncilResult) -> String {
    let scored: Vec<&MemberResult> = result
        .members
        .iter()
        .filter(|member| member.total.is_some())
        .collect();
    let mut out = String::new();
    let mut header = vec!["criterion".to_owned(), "name".to_owned(), "max".to_owned()];
    header.extend(scored.iter().map(|member| csv_field(&member.id)));
    header.push("mean".to_owned());
    let _ = writeln!(out, "{}", header.join(","));
    for criterion in &result.criteria {
        let mut row = vec![
            csv_field(&criterion.code),
            csv_field(&criterion.name),
            criterion.max.to_string(),
        ];
        row.extend(scored.iter().map(|member| {
            criterion
                .points
                .get(&member.id)
                .map(ToString::to_string)
                .unwrap_or_default()
        }));
        row.push(
            criterion
                .mean
                .map(|mean| mean.to_string())
                .unwrap_or_default(),
        );
        let _ = writeln!(out, "{}", row.join(","));
    }
    let mut total = vec!["total".to_owned(), String::new(), String::new()];
    total.extend(scored.iter().map(|member| {
        member
            .total
            .map(|total| total.to_string())
            .unwrap_or_default()
    }));
    total.push(result.mean_total.to_string());
    let _ = writeln!(out, "{}", total.join(","));
    out
}
