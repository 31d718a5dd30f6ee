//! Council sessions: the combination of the members' sheets into the council's result.
//!
//! A product's official result is the council's mean of its scoring members' totals, banded
//! without rounding (unless the council's rules round, and then both values are shown), capped
//! by the star gates judged for the council, with knock-outs combined by the members' votes.
//! Who scores, the quorum, the largest allowed spread and the rest are [`rules`] with their
//! sources. Analytics (per-criterion spread, leniency, agreement, self-assessment gaps) leave
//! the official mean untouched.

mod analytics;
mod panel;
mod result;
pub mod rules;
mod session;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

pub use panel::Panel;
pub use result::{
    Agreement, Analytics, CouncilCriterion, CouncilResult, CriterionSpread, KnockoutVote, Leniency,
    MemberPoints, MemberResult, NotCounted, QuorumCheck, SelfAssessmentGap, SessionStatus,
    SpreadCheck, SpreadDriver,
};
pub use rules::{CouncilDefaults, Role, RuleOverrides, Rules};
pub(crate) use session::SessionDocument;
pub use session::{MemberSheet, Session, parse_overrides};

use crate::council::rules::GateJudgement;
use crate::decimal::{Exact, from_units};
use crate::json::JsonPath;
use crate::recognition::{Recognised, council_certification};
use crate::rubric::{Catalog, Certification, LoadedSet, Stars};
use crate::score::{self, Disqualification, Outcome, UnmetGate, scored_points};
use crate::sheet::{
    Answers, Completeness, InputProblem, InputProblemKind, InputProblems, resolve_set,
};
use session::Draft;

/// How to score a session.
#[derive(Debug, Clone, Copy, Default)]
pub struct SessionOptions<'r> {
    /// Whether members' sheets may be unfinished.
    pub completeness: Completeness,
    /// A rules file's name and overrides, applied between the defaults and the session.
    pub rules_file: Option<(&'r str, &'r RuleOverrides)>,
}

/// Scores a council session given as JSON text.
pub fn score_session(
    catalog: &Catalog,
    text: &str,
    options: SessionOptions<'_>,
) -> Result<CouncilResult, InputProblems> {
    let (session, checked) = read_session(catalog, text, options)?;
    Ok(evaluate(catalog, &session, &checked))
}

/// Reads a session and checks it against its rubric: once with the typed reader when it is
/// valid; otherwise again with the positional reader, so that every problem of its shape and of
/// its sheets is reported at once, each with its place.
fn read_session<'c, 'a>(
    catalog: &'c Catalog,
    text: &'a str,
    options: SessionOptions<'_>,
) -> Result<(Session<'a>, Checked<'c>), InputProblems> {
    let valid = session::typed_draft(text).ok().and_then(|draft| {
        let checked = check_session(catalog, &draft, options).ok()?;
        Some((draft.into_session()?, checked))
    });
    if let Some(valid) = valid {
        return Ok(valid);
    }
    let (draft, mut problems) = session::positional_draft(text);
    let checked = draft
        .as_ref()
        .map(|draft| check_session(catalog, draft, options));
    match (draft.and_then(Draft::into_session), checked) {
        (Some(session), Some(Ok(checked))) if problems.is_empty() => Ok((session, checked)),
        (_, checked) => {
            if let Some(Err(found)) = checked {
                problems.append(found);
            }
            problems.locate(text);
            Err(problems)
        }
    }
}

/// A session checked against its rubric: everything [`evaluate`] needs.
struct Checked<'c> {
    loaded: LoadedSet<'c>,
    rules: Rules,
    /// Per member, in session order: their checked answers, if they scored.
    sheets: Vec<Option<Answers>>,
    self_assessment: Option<Answers>,
}

/// Checks what could be read of a session against its rubric: its level, member identifiers,
/// and every member's sheet, each problem naming the member. Holes in the draft have been
/// reported by the reader; what depends on them is not checked.
fn check_session<'c>(
    catalog: &'c Catalog,
    draft: &Draft<'_>,
    options: SessionOptions<'_>,
) -> Result<Checked<'c>, InputProblems> {
    let mut problems = InputProblems::default();
    let members = draft.members.as_deref().unwrap_or_default();
    for (index, member) in members.iter().enumerate() {
        let Some(id) = &member.id else { continue };
        if members
            .get(..index)
            .unwrap_or_default()
            .iter()
            .any(|earlier| earlier.id.as_ref() == Some(id))
        {
            let detail = format!("member \"{id}\" appears twice");
            let kind = InputProblemKind::InvalidValue {
                field: "id".to_owned(),
                detail,
            };
            problems.push(
                InputProblem::at_offset(member.path.key("id"), member.id_offset, kind)
                    .of_member(Some(id.as_ref())),
            );
        }
    }
    let (Some(choice), Some(product_set)) = (&draft.rubric, draft.product_set) else {
        return Err(problems);
    };
    let loaded = match resolve_set(catalog, choice, product_set) {
        Ok(loaded) => loaded,
        Err(found) => {
            problems.append(found);
            return Err(problems);
        }
    };
    let mut sheets = Vec::with_capacity(members.len());
    for member in members {
        let answers = member.answers.as_ref().and_then(|answers| {
            Answers::check(loaded.set, answers, &member.knockouts, options.completeness)
                .map_err(|found| match &member.id {
                    Some(id) => problems.append(found.of_member(id)),
                    None => problems.append(found),
                })
                .ok()
        });
        sheets.push(answers);
    }
    let self_assessment = draft.self_assessment.as_ref().and_then(|answers| {
        Answers::check(loaded.set, answers, &[], Completeness::Partial)
            .map_err(|found| problems.append(found))
            .ok()
    });
    let rules = match council_rules(catalog, loaded, draft, options) {
        Ok(rules) => rules,
        Err(found) => {
            problems.append(found);
            None
        }
    };
    match rules {
        Some(rules) if problems.is_empty() => Ok(Checked {
            loaded,
            rules,
            sheets,
            self_assessment,
        }),
        _ => Err(problems),
    }
}

/// The rules of the session's council: the rubric's defaults for its level, the rules file's
/// and the session's overrides. `None` when the level or the overrides could not be read.
fn council_rules(
    catalog: &Catalog,
    loaded: LoadedSet<'_>,
    draft: &Draft<'_>,
    options: SessionOptions<'_>,
) -> Result<Option<Rules>, InputProblems> {
    let defaults = catalog
        .council_defaults(loaded.instrument)
        .map_err(|detail| {
            InputProblem::new(
                field_path("rubric"),
                None,
                InputProblemKind::RubricUnusable { detail },
            )
        })?;
    let (Some(level), Some(overrides)) = (draft.level, &draft.rules) else {
        return Ok(None);
    };
    if !defaults.levels.contains(&level) {
        let levels: Vec<&str> = defaults
            .levels
            .iter()
            .map(|level| level.name_en())
            .collect();
        let detail = format!(
            "no {} council under {} (levels: {})",
            level.name_en(),
            loaded.instrument.id,
            levels.join(", ")
        );
        let path = JsonPath::root().key("council").key("level");
        return Err(InputProblem::new(
            path,
            None,
            InputProblemKind::InvalidValue {
                field: "level".to_owned(),
                detail,
            },
        )
        .into());
    }
    Ok(Some(Rules::resolve(
        defaults,
        level,
        options.rules_file,
        overrides,
    )))
}

fn field_path(field: &str) -> JsonPath {
    JsonPath::root().key(field)
}

/// One member who scored, with their sheet's outcome.
pub(crate) struct MemberScore<'s> {
    pub(crate) id: &'s str,
    pub(crate) role: Role,
    pub(crate) answers: &'s Answers,
    pub(crate) outcome: &'s Outcome,
}

/// The official figures of a session, before members' detail and analytics.
struct Verdict<'c> {
    counted: Vec<MemberScore<'c>>,
    sum_total: Decimal,
    /// The exact mean of the counted members' totals.
    mean_total: Decimal,
    banded_total: Decimal,
    /// `None` (as for the gate cap and the stars) when no member's sheet counts: a council
    /// without a counted member has no result to band.
    band_stars: Option<Stars>,
    unmet_gates: Vec<UnmetGate>,
    gate_cap: Option<Stars>,
    knockout_votes: Vec<KnockoutVote>,
    disqualifications: Vec<Disqualification>,
    quorum: QuorumCheck,
    status: SessionStatus,
    stars: Option<Stars>,
    certification: Certification,
    recognition: Option<Recognised>,
}

/// Each member's sheet scored on its own, in session order (`None`: they did not score).
fn outcomes(checked: &Checked) -> Vec<Option<Outcome>> {
    let (instrument, set) = (&checked.loaded.instrument, &checked.loaded.set);
    checked
        .sheets
        .iter()
        .map(|sheet| {
            sheet
                .as_ref()
                .map(|answers| score::outcome(instrument, set, answers))
        })
        .collect()
}

fn verdict<'c>(
    session: &'c Session,
    checked: &'c Checked,
    outcomes: &'c [Option<Outcome>],
) -> Verdict<'c> {
    let Checked {
        loaded,
        rules,
        sheets,
        ..
    } = checked;
    let instrument = &loaded.instrument;
    let set = &loaded.set;
    let scoring_roles = &rules.scoring_roles.value;

    let counted: Vec<MemberScore<'_>> = session
        .members
        .iter()
        .zip(sheets)
        .zip(outcomes)
        .filter(|((member, _), _)| scoring_roles.contains(&member.role))
        .filter_map(|((member, sheet), outcome)| {
            Some(MemberScore {
                id: &member.id,
                role: member.role,
                answers: sheet.as_ref()?,
                outcome: outcome.as_ref()?,
            })
        })
        .collect();
    let n = counted.len();
    let sum_total: Decimal = counted.iter().map(|member| member.outcome.total).sum();
    let mean_total = divide(sum_total, n);
    let banded_total = rules
        .rounding
        .value
        .map_or(mean_total, |rounding| rounding.apply(mean_total));
    let band_stars = (n > 0).then(|| match rules.rounding.value {
        // An exact comparison: the sum against the band's floor times the number of members,
        // so a mean such as 209/3 is never rounded up into the next band.
        None => instrument.band_of_sum(sum_total, Decimal::from(n)),
        Some(_) => instrument.band_stars(banded_total),
    });
    let unmet_gates = council_gates(loaded, rules, &counted);
    let gate_cap =
        (n > 0).then(|| instrument.gate_cap(unmet_gates.iter().map(|gate| gate.level).min()));
    let knockout_votes = knockout_votes(set, rules, &counted);
    let disqualifications: Vec<Disqualification> = knockout_votes
        .iter()
        .filter(|vote| vote.decided)
        .map(|vote| vote.reason.clone())
        .collect();

    let scoring_members = session
        .members
        .iter()
        .filter(|member| scoring_roles.contains(&member.role))
        .count();
    let quorum = quorum(rules, scoring_members, &counted);
    let over_spread = analytics::spread_exceeds(rules, &counted);
    let incomplete = counted.iter().any(|member| !is_finished(set, member));
    let status = if !quorum.met {
        SessionStatus::NoQuorum
    } else if incomplete {
        SessionStatus::Incomplete
    } else if !disqualifications.is_empty() {
        SessionStatus::Disqualified
    } else if over_spread {
        SessionStatus::NeedsRescoring
    } else {
        SessionStatus::Ranked
    };
    let stars = band_stars.zip(gate_cap).map(|(band, cap)| {
        if disqualifications.is_empty() {
            band.min(cap)
        } else {
            0
        }
    });
    let (certification, recognition) = council_certification(
        instrument,
        session.level,
        status == SessionStatus::Ranked,
        stars.unwrap_or(0),
        banded_total,
    );
    Verdict {
        counted,
        sum_total,
        mean_total,
        banded_total,
        band_stars,
        unmet_gates,
        gate_cap,
        knockout_votes,
        disqualifications,
        quorum,
        status,
        stars,
        certification,
        recognition,
    }
}

fn evaluate(catalog: &Catalog, session: &Session, checked: &Checked) -> CouncilResult {
    let outcomes = outcomes(checked);
    let verdict = verdict(session, checked, &outcomes);
    let spread = analytics::spread(checked.loaded.set, &checked.rules, &verdict.counted);
    let Checked {
        loaded,
        rules,
        sheets,
        self_assessment,
    } = checked;
    let instrument = &loaded.instrument;
    let set = &loaded.set;

    let members = session
        .members
        .iter()
        .zip(&outcomes)
        .map(|(member, outcome)| {
            let role_scores = rules.scoring_roles.value.contains(&member.role);
            MemberResult {
                id: member.id.to_string(),
                name: member.name.as_deref().map(str::to_owned),
                role: member.role,
                counted: role_scores && outcome.is_some(),
                not_counted_because: match (role_scores, outcome) {
                    (false, _) => Some(NotCounted::RoleDoesNotScore),
                    (true, None) => Some(NotCounted::NoSheet),
                    (true, Some(_)) => None,
                },
                total: outcome.as_ref().map(|outcome| Exact(outcome.total)),
                stars: outcome.as_ref().map(|outcome| outcome.stars),
                disqualifications: outcome
                    .as_ref()
                    .map(|outcome| outcome.disqualifications.clone())
                    .unwrap_or_default(),
            }
        })
        .collect();

    CouncilResult {
        rubric: instrument.id.clone(),
        rubric_revision: instrument.revision,
        rubric_fingerprint: set.fingerprint.clone(),
        rubric_data: loaded.release.state(),
        product_set: set.number,
        product_set_name: set.name.clone(),
        product: session.product.clone(),
        level: session.level,
        evaluated_on: session.rubric.evaluated_on.map(|date| date.to_string()),
        filing: crate::filing::FilingEcho::new(
            &session.rubric.filing,
            verdict.stars.filter(|_| {
                matches!(
                    verdict.status,
                    SessionStatus::Ranked | SessionStatus::Disqualified
                )
            }),
        ),
        status: verdict.status,
        reason: verdict.disqualifications.first().cloned(),
        disqualifications: verdict.disqualifications,
        knockout_votes: verdict.knockout_votes,
        mean_total: Exact(verdict.mean_total.normalize()),
        mean_total_fraction: crate::decimal::fraction(verdict.sum_total, verdict.counted.len()),
        banded_total: Exact(verdict.banded_total.normalize()),
        band_stars: verdict.band_stars,
        gate_cap: verdict.gate_cap,
        stars: verdict.stars,
        unmet_gates: verdict.unmet_gates,
        certifiable: verdict.certification.certifiable,
        certifying_level: verdict.certification.certifying_level,
        potential_five_star: verdict.certification.potential_five_star,
        recognition: verdict.recognition,
        quorum: verdict.quorum,
        spread,
        members,
        criteria: summary_sheet(set, session, sheets, &verdict.counted),
        rules: rules.report(),
        analytics: analytics::analytics(set, &verdict.counted, self_assessment.as_ref()),
        notices: score::data_notices(*loaded, session.rubric.evaluated_on)
            .into_iter()
            .chain(crate::filing::transition_notices(
                catalog,
                instrument,
                session.rubric.evaluated_on,
                &session.rubric.filing,
            ))
            .collect(),
    }
}

/// A session's standing in a round: what ranking needs, without members' detail or analytics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Rubric identifier.
    pub rubric: String,
    /// Product set number.
    pub product_set: u8,
    /// The product.
    pub product: Option<crate::sheet::Product>,
    /// Where the session stands.
    pub status: SessionStatus,
    /// Sum of the counted members' totals.
    pub sum_total: Decimal,
    /// Members whose sheets count.
    pub counted: usize,
    /// The exact mean.
    pub mean_total: Decimal,
    /// Stars from the mean alone; `None` when no member's sheet counts.
    pub band_stars: Option<Stars>,
    /// Final stars; `None` when no member's sheet counts.
    pub stars: Option<Stars>,
    /// Whether the result earns a certificate.
    pub certifiable: bool,
}

/// Scores a session for ranking: the same official figures as [`score_session`], without the
/// members' detail and analytics a round does not print.
pub fn session_standing(
    catalog: &Catalog,
    text: &str,
    options: SessionOptions<'_>,
) -> Result<Standing, InputProblems> {
    let (session, checked) = read_session(catalog, text, options)?;
    let outcomes = outcomes(&checked);
    let verdict = verdict(&session, &checked, &outcomes);
    Ok(Standing {
        rubric: checked.loaded.instrument.id.clone(),
        product_set: checked.loaded.set.number,
        product: session.product.clone(),
        status: verdict.status,
        sum_total: verdict.sum_total,
        counted: verdict.counted.len(),
        mean_total: verdict.mean_total.normalize(),
        band_stars: verdict.band_stars,
        stars: verdict.stars,
        certifiable: verdict.certification.certifiable,
    })
}

/// Each criterion with every member's points and the counted members' mean.
fn summary_sheet(
    set: &crate::rubric::ProductSet,
    session: &Session,
    sheets: &[Option<Answers>],
    counted: &[MemberScore<'_>],
) -> Vec<CouncilCriterion> {
    set.leaves()
        .map(|leaf| {
            let criterion = leaf.criterion;
            let points = session
                .members
                .iter()
                .zip(sheets)
                .filter_map(|(member, sheet)| {
                    Some((
                        member.id.to_string(),
                        Exact(scored_points(sheet.as_ref()?, criterion)?),
                    ))
                })
                .collect();
            let given: Vec<Decimal> = counted
                .iter()
                .filter_map(|member| scored_points(member.answers, criterion))
                .collect();
            CouncilCriterion {
                code: criterion.code.clone(),
                name: criterion.name.clone(),
                max: Exact(criterion.max),
                points,
                mean: (!given.is_empty())
                    .then(|| Exact(divide(given.iter().sum(), given.len()).normalize())),
            }
        })
        .collect()
}

/// Whether a JSON text is a council session rather than a member's sheet: its root object has
/// `members`. Texts that are not JSON objects are not sessions (reading them as sheets reports
/// why).
pub fn is_session(text: &str) -> bool {
    crate::sheet::typed::has_members(text)
}

/// A council session read and checked for advice (`ocop advise` on a session): the planner reads
/// the counted members' points summed per criterion, so the mean is never rounded, the
/// knock-outs the votes decide, and the gates as the council's rules judge them.
#[derive(Debug, Clone)]
pub struct CheckedSession<'c> {
    /// The product set and its instrument.
    pub loaded: LoadedSet<'c>,
    /// Where the council's product stands.
    pub standing: crate::advise::Standing,
    /// The product, as given.
    pub product: Option<crate::sheet::Product>,
}

impl<'c> CheckedSession<'c> {
    /// Reads a session from JSON text and checks it, reporting every problem with its place; a
    /// session in which no member's sheet counts has nothing to advise on.
    pub fn read(
        catalog: &'c Catalog,
        text: &str,
        options: SessionOptions<'_>,
    ) -> Result<CheckedSession<'c>, InputProblems> {
        let (session, checked) = read_session(catalog, text, options)?;
        let outcomes = outcomes(&checked);
        let verdict = verdict(&session, &checked, &outcomes);
        let members: Vec<Answers> = verdict
            .counted
            .iter()
            .map(|member| member.answers.clone())
            .collect();
        let standing = crate::advise::Standing::of_members(
            checked.loaded.set,
            &members,
            checked.rules.gates.value,
            verdict.disqualifications.clone(),
        )
        .ok_or_else(|| {
            let detail = "no member's sheet counts: nothing to advise on".to_owned();
            InputProblems::one(InputProblem::new(
                field_path("members"),
                None,
                InputProblemKind::InvalidValue {
                    field: "members".to_owned(),
                    detail,
                },
            ))
        })?;
        Ok(CheckedSession {
            loaded: checked.loaded,
            standing,
            product: session.product,
        })
    }

    /// The advice for this session.
    pub fn advise(&self, request: &crate::advise::Request) -> crate::advise::Advice {
        let mut advice = crate::advise::advise(
            self.loaded.instrument,
            self.loaded.set,
            &self.standing,
            request,
        );
        advice.product = self.product.clone();
        advice
    }
}

/// `sum / n`, or zero when nobody scored.
pub(crate) fn divide(sum: Decimal, n: usize) -> Decimal {
    sum.checked_div(Decimal::from(n)).unwrap_or_default()
}

fn quorum(rules: &Rules, scoring_members: usize, counted: &[MemberScore<'_>]) -> QuorumCheck {
    let quorum = &rules.quorum.value;
    // "At least three quarters": the smallest whole number of members not below the share.
    let required = quorum
        .fraction
        .0
        .checked_mul(Decimal::from(scoring_members))
        .and_then(|needed| needed.ceil().to_usize())
        .unwrap_or(scoring_members);
    let chair_scored = counted.iter().any(|member| member.role == Role::Chair);
    let scored = counted.len();
    QuorumCheck {
        scoring_members,
        scored,
        required,
        chair_scored,
        met: scored > 0 && scored >= required && (chair_scored || !quorum.chair_required),
    }
}

/// Whether a member's sheet answers every criterion that applies (or ended early).
fn is_finished(set: &crate::rubric::ProductSet, member: &MemberScore<'_>) -> bool {
    !member.outcome.disqualifications.is_empty()
        || set.leaves().all(|leaf| {
            member.answers.applies(leaf.criterion) == Some(false)
                || member.answers.get(leaf.criterion).is_some()
        })
}

/// The gates the council does not meet, judged as the rules say.
fn council_gates(loaded: &LoadedSet, rules: &Rules, counted: &[MemberScore<'_>]) -> Vec<UnmetGate> {
    let set = loaded.set;
    let judgement = rules.gates.value;
    let mut unmet: Vec<UnmetGate> = set
        .gates
        .iter()
        .zip(&set.plan.gates)
        .filter_map(|(gate, plan)| {
            let slot = plan.slot?;
            let criterion = set.leaf_at(slot)?.criterion;
            let leaf = set.plan.leaves.get(slot)?;
            // The points of each counted member for whom the criterion applies and is answered.
            let points = counted.iter().filter_map(|member| {
                (member.answers.applies(criterion) == Some(true))
                    .then(|| Some(leaf.points(member.answers.at(slot)?)))
                    .flatten()
            });
            let (sum, count) = points
                .clone()
                .fold((0, 0), |(sum, count), units| (sum + units, count + 1));
            if count == 0 {
                return None;
            }
            let met = if judgement == GateJudgement::MeanPoints {
                plan.is_met_by_sum(sum, count)
            } else {
                // Member by member: the rule hinges on one member's points.
                let points: Vec<Decimal> = points.map(from_units).collect();
                judgement
                    .hinge(&points)
                    .is_some_and(|hinge| gate.requirement.is_met_by(hinge))
            };
            if met {
                return None;
            }
            let (marked_option, required, strictly_above) = gate.requirement.marked();
            Some(UnmetGate {
                criterion: gate.criterion.clone(),
                level: gate.level,
                marked_option,
                required_points: Exact(required),
                strictly_above,
                chosen_option: None,
                chosen_points: Exact(
                    divide(from_units(sum), usize::try_from(count).unwrap_or_default()).normalize(),
                ),
            })
        })
        .collect();
    if unmet.len() > 1 {
        unmet.sort_by_key(|gate| gate.level);
    }
    unmet
}

/// The members' knock-outs and stop rules, grouped by reason, with whether the votes decide.
fn knockout_votes(
    set: &crate::rubric::ProductSet,
    rules: &Rules,
    counted: &[MemberScore<'_>],
) -> Vec<KnockoutVote> {
    let mut votes: Vec<KnockoutVote> = Vec::new();
    for member in counted {
        for reason in &member.outcome.disqualifications {
            match votes
                .iter_mut()
                .find(|vote| same_rule(&vote.reason, reason))
            {
                Some(vote) => vote.members.push(member.id.to_owned()),
                None => votes.push(KnockoutVote {
                    reason: reason.clone(),
                    members: vec![member.id.to_owned()],
                    of: counted.len(),
                    decided: false,
                }),
            }
        }
    }
    for vote in &mut votes {
        vote.decided = rules
            .knockouts
            .value
            .decides(vote.members.len(), counted.len());
    }
    votes.sort_by_key(|vote| score::reason_order(set, &vote.reason));
    votes
}

/// Whether two reasons are the same rule: the same knock-out, the dossier rule, or the same stop
/// rule (whichever of its criteria scored zero on each sheet).
fn same_rule(a: &Disqualification, b: &Disqualification) -> bool {
    match (a, b) {
        (
            Disqualification::StopRule { covers: a, .. },
            Disqualification::StopRule { covers: b, .. },
        ) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::Value;

    use super::*;

    /// The council's result through the positional reader alone, as an invalid session is read.
    fn positionally(catalog: &Catalog, text: &str) -> Option<CouncilResult> {
        let (draft, problems) = session::positional_draft(text);
        let draft = draft.filter(|_| problems.is_empty())?;
        let checked = check_session(catalog, &draft, SessionOptions::default()).ok()?;
        Some(evaluate(catalog, &draft.into_session()?, &checked))
    }

    fn example() -> Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/examples/council-toi-den-ly-son.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// Every path to a value in a document.
    fn paths(value: &Value, at: String, out: &mut Vec<String>) {
        out.push(at.clone());
        match value {
            Value::Object(object) => object.iter().for_each(|(key, inner)| {
                paths(
                    inner,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }),
            Value::Array(array) => array.iter().enumerate().for_each(|(index, inner)| {
                paths(inner, format!("{at}/{index}"), out);
            }),
            _ => {}
        }
    }

    fn replacement() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (0u64..12).prop_map(Value::from),
            Just(Value::from(2.5)),
            "[a-z0-9._]{0,10}".prop_map(Value::from),
            Just(Value::from(vec![1, 2])),
            Just(serde_json::json!({})),
            Just(serde_json::json!([])),
            Just(serde_json::json!({"name": "x"})),
        ]
    }

    #[test]
    fn both_readers_score_the_example_session() {
        let text = example().to_string();
        let typed = score_session(Catalog::bundled(), &text, SessionOptions::default()).ok();
        assert!(typed.is_some());
        assert_eq!(typed, positionally(Catalog::bundled(), &text));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// The typed reader, the way to a result, never accepts a session the positional reader
        /// (the one that reports problems) rejects, and both give the same result.
        #[test]
        fn the_two_session_readers_agree(
            pick in any::<prop::sample::Index>(),
            value in replacement(),
            drop_it in any::<bool>(),
        ) {
            let mut document = example();
            let mut found = Vec::new();
            paths(&document, String::new(), &mut found);
            let path = found[pick.index(found.len())].clone();
            let (parent, key) = path.rsplit_once('/').unwrap_or(("", ""));
            match (drop_it, document.pointer_mut(parent)) {
                (true, Some(Value::Object(object))) => {
                    object.remove(key);
                }
                _ => {
                    if let Some(slot) = document.pointer_mut(&path) {
                        *slot = value;
                    }
                }
            }
            let text = document.to_string();
            let catalog = Catalog::bundled();
            let typed = score_session(catalog, &text, SessionOptions::default()).ok();
            prop_assert_eq!(typed, positionally(catalog, &text), "{}", text);
        }
    }
}
