//! Spread and analytics of a session: how members differ, never changing the official mean.

use rust_decimal::Decimal;

use super::result::{
    Agreement, Analytics, CriterionSpread, Leniency, MemberPoints, SelfAssessmentGap, SpreadCheck,
    SpreadDriver,
};
use super::rules::Rules;
use super::{MemberScore, divide};
use crate::decimal::Exact;
use crate::rubric::ProductSet;
use crate::score::scored_points;
use crate::sheet::Answers;

/// The lowest and highest of the counted members' totals (zeros without members).
fn extremes(counted: &[MemberScore<'_>]) -> (Decimal, Decimal) {
    let totals = counted.iter().map(|member| member.outcome.total);
    (
        totals.clone().min().unwrap_or_default(),
        totals.max().unwrap_or_default(),
    )
}

/// Whether the counted members' totals differ by more than the rules allow.
pub(super) fn spread_exceeds(rules: &Rules, counted: &[MemberScore<'_>]) -> bool {
    let (low, high) = extremes(counted);
    rules
        .max_spread
        .value
        .is_some_and(|limit| high - low > limit.0)
}

/// The spread of counted members' totals, and the members and criteria that drive it.
pub(super) fn spread(set: &ProductSet, rules: &Rules, counted: &[MemberScore<'_>]) -> SpreadCheck {
    let (low, high) = extremes(counted);
    let spread = high - low;
    let limit = rules.max_spread.value;
    let ids_at = |value: Decimal| -> Vec<String> {
        counted
            .iter()
            .filter(|member| member.outcome.total == value)
            .map(|member| member.id.to_owned())
            .collect()
    };
    let lowest = counted.iter().find(|member| member.outcome.total == low);
    let highest = counted.iter().find(|member| member.outcome.total == high);
    let mut criteria: Vec<SpreadDriver> = match (lowest, highest) {
        (Some(lowest), Some(highest)) if spread > Decimal::ZERO => set
            .leaves()
            .filter_map(|leaf| {
                let low_points = scored_points(lowest.answers, leaf.criterion).unwrap_or_default();
                let high_points =
                    scored_points(highest.answers, leaf.criterion).unwrap_or_default();
                let difference = high_points - low_points;
                (difference != Decimal::ZERO).then(|| SpreadDriver {
                    criterion: leaf.criterion.code.clone(),
                    low_points: Exact(low_points),
                    high_points: Exact(high_points),
                    difference: Exact(difference),
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    // Largest difference first; printed order among equals (the sort is stable).
    criteria.sort_by_key(|driver| std::cmp::Reverse(driver.difference.0.abs()));
    SpreadCheck {
        spread: Exact(spread),
        limit,
        exceeded: spread_exceeds(rules, counted),
        lowest: ids_at(low),
        highest: ids_at(high),
        criteria,
    }
}

/// Per-criterion spread, leniency, agreement and self-assessment gaps.
pub(super) fn analytics(
    set: &ProductSet,
    counted: &[MemberScore<'_>],
    self_assessment: Option<&Answers>,
) -> Analytics {
    let mut criteria = Vec::new();
    let mut answered_by_all = 0;
    let mut unanimous = 0;
    let mut council_means = Vec::new();
    for leaf in set.leaves() {
        let given: Vec<(&str, Decimal)> = counted
            .iter()
            .filter_map(|member| Some((member.id, scored_points(member.answers, leaf.criterion)?)))
            .collect();
        let (Some(min), Some(max)) = (
            given.iter().map(|(_, p)| *p).min(),
            given.iter().map(|(_, p)| *p).max(),
        ) else {
            continue;
        };
        let mean = divide(given.iter().map(|(_, points)| points).sum(), given.len());
        council_means.push((leaf.criterion.code.clone(), mean));
        if given.len() == counted.len() {
            answered_by_all += 1;
            if min == max {
                unanimous += 1;
            }
        }
        let furthest_distance = given
            .iter()
            .map(|(_, points)| (*points - mean).abs())
            .max()
            .unwrap_or_default();
        let furthest = if max == min {
            Vec::new()
        } else {
            given
                .iter()
                .filter(|(_, points)| (*points - mean).abs() == furthest_distance)
                .map(|(member, points)| MemberPoints {
                    member: (*member).to_owned(),
                    points: Exact(*points),
                    deviation: Exact((*points - mean).normalize()),
                })
                .collect()
        };
        criteria.push(CriterionSpread {
            criterion: leaf.criterion.code.clone(),
            max: Exact(leaf.criterion.max),
            mean: Exact(mean.normalize()),
            min: Exact(min),
            max_given: Exact(max),
            spread: Exact(max - min),
            furthest,
        });
    }

    let n = counted.len();
    let sum_total: Decimal = counted.iter().map(|member| member.outcome.total).sum();
    let leniency = if n < 2 {
        Vec::new()
    } else {
        counted
            .iter()
            .map(|member| {
                let total = member.outcome.total;
                let others = sum_total - total;
                // t − (S − t)/(n − 1) = (n·t − S)/(n − 1): one division, so nothing depends on
                // the order in which totals were summed.
                let lead = total
                    .checked_mul(Decimal::from(n))
                    .map(|scaled| scaled - sum_total)
                    .unwrap_or_default();
                Leniency {
                    member: member.id.to_owned(),
                    total: Exact(total),
                    others_mean: Exact(divide(others, n - 1).normalize()),
                    leniency: Exact(divide(lead, n - 1).normalize()),
                }
            })
            .collect()
    };
    // Σ|tᵢ − S/n| / n = Σ|n·tᵢ − S| / n²: summing exact values and dividing once keeps the
    // result independent of the members' order.
    let members = Decimal::from(n);
    let scaled_deviations: Decimal = counted
        .iter()
        .filter_map(|member| Some((member.outcome.total.checked_mul(members)? - sum_total).abs()))
        .sum();
    let agreement = Agreement {
        criteria: answered_by_all,
        unanimous,
        unanimous_share: Exact(divide(Decimal::from(unanimous), answered_by_all).normalize()),
        mean_absolute_deviation: Exact(divide(scaled_deviations, n.saturating_mul(n)).normalize()),
    };

    let (self_assessment, self_assessment_total) = match self_assessment {
        None => (Vec::new(), None),
        Some(claimed) => {
            let mut gaps: Vec<SelfAssessmentGap> = council_means
                .iter()
                .filter_map(|(code, council)| {
                    let claimed = scored_points(claimed, set.leaf(code)?.criterion)?;
                    Some(SelfAssessmentGap {
                        criterion: code.clone(),
                        claimed: Exact(claimed),
                        council: Exact(council.normalize()),
                        gap: Exact((claimed - *council).normalize()),
                    })
                })
                .collect();
            gaps.sort_by_key(|gap| std::cmp::Reverse(gap.gap.0.abs()));
            let total = set
                .leaves()
                .filter_map(|leaf| scored_points(claimed, leaf.criterion))
                .sum();
            (gaps, Some(Exact(total)))
        }
    };
    Analytics {
        criteria,
        leniency,
        agreement,
        self_assessment,
        self_assessment_total,
    }
}
