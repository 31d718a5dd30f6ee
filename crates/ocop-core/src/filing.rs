//! The file behind a sheet or a session: the kind of evaluation (Mẫu 01, mục 4: lần đầu, nâng
//! hạng, đánh giá lại), when it was submitted, and the certificate it follows; and which rubric
//! may score it while one instrument replaces another (QĐ 26/2026 Điều 11–12).
//!
//! The functions here take values already read: the sheet and session readers only read the
//! fields and hand them over.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::dates::dmy;
use crate::lang::{Describe, Lang};
use crate::rubric::procedure::{Evaluation, Transition, TransitionLimit, days_after};
use crate::rubric::{Catalog, Instrument, Stars};
use crate::score::Notice;
use crate::sheet::InputProblemKind;

/// What a sheet or a session says about its file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filing {
    /// The kind of evaluation.
    pub evaluation: Option<Evaluation>,
    /// The day the file was submitted.
    pub submitted_on: Option<Date>,
    /// The certificate an upgrade or a re-rating follows.
    pub previous_certificate: Option<PreviousCertificate>,
}

/// The certificate an upgrade or a re-rating follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PreviousCertificate {
    /// Its stars.
    pub stars: Stars,
    /// Its decision's date.
    #[schemars(with = "String")]
    pub decided_on: Date,
    /// Its decision's number.
    pub decision: Option<String>,
}

/// How the result's stars compare with the previous certificate's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StarsChange {
    /// More stars.
    Up,
    /// The same stars.
    Stayed,
    /// Fewer stars (or none: eliminated).
    Down,
}

/// The filing as a result echoes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FilingEcho {
    /// The kind of evaluation, as given.
    pub evaluation: Option<Evaluation>,
    /// The day the file was submitted, as given.
    #[schemars(with = "Option<String>")]
    pub submitted_on: Option<Date>,
    /// The certificate followed, as given.
    pub previous_certificate: Option<PreviousCertificate>,
    /// The result's stars against the previous certificate's (`null` without one, or without a
    /// result).
    pub stars_change: Option<StarsChange>,
}

impl FilingEcho {
    /// The echo of a filing for a result of `stars` (`None`: no result yet).
    pub fn new(filing: &Filing, stars: Option<Stars>) -> Self {
        let stars_change =
            filing
                .previous_certificate
                .as_ref()
                .zip(stars)
                .map(|(previous, stars)| match stars.cmp(&previous.stars) {
                    std::cmp::Ordering::Greater => StarsChange::Up,
                    std::cmp::Ordering::Equal => StarsChange::Stayed,
                    std::cmp::Ordering::Less => StarsChange::Down,
                });
        Self {
            evaluation: filing.evaluation,
            submitted_on: filing.submitted_on,
            previous_certificate: filing.previous_certificate.clone(),
            stars_change,
        }
    }
}

/// A filing that contradicts itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FilingProblem {
    /// A previous certificate on a first evaluation.
    PreviousOnFirst,
    /// A previous certificate without saying whether it is an upgrade or a re-rating.
    PreviousWithoutEvaluation,
    /// A previous certificate of fewer than 3 or more than 5 stars.
    PreviousNotCertified,
    /// An upgrade of a five-star product.
    UpgradeFromTop,
    /// A file submitted after its evaluation.
    SubmittedAfterEvaluation,
    /// A previous certificate decided after the file it is followed by.
    PreviousAfterFiling,
}

impl Describe for FilingProblem {
    fn describe(&self, lang: Lang) -> String {
        let text = match (self, lang) {
            (Self::PreviousOnFirst, Lang::Vi) => {
                "đánh giá lần đầu không có giấy chứng nhận trước đó"
            }
            (Self::PreviousOnFirst, Lang::En) => "a first evaluation follows no certificate",
            (Self::PreviousWithoutEvaluation, Lang::Vi) => {
                "có giấy chứng nhận trước đó thì phải ghi \"evaluation\": \"upgrade\" (nâng hạng) hoặc \"rerating\" (đánh giá lại)"
            }
            (Self::PreviousWithoutEvaluation, Lang::En) => {
                "a previous certificate needs \"evaluation\": \"upgrade\" or \"rerating\""
            }
            (Self::PreviousNotCertified, Lang::Vi) => {
                "giấy chứng nhận chỉ cấp cho sản phẩm từ 3 đến 5 sao"
            }
            (Self::PreviousNotCertified, Lang::En) => {
                "certificates are issued for 3 to 5 stars only"
            }
            (Self::UpgradeFromTop, Lang::Vi) => "sản phẩm 5 sao không thể nâng hạng",
            (Self::UpgradeFromTop, Lang::En) => "a five-star product cannot be upgraded",
            (Self::SubmittedAfterEvaluation, Lang::Vi) => "ngày nộp hồ sơ sau ngày đánh giá",
            (Self::SubmittedAfterEvaluation, Lang::En) => {
                "the file is submitted after its evaluation"
            }
            (Self::PreviousAfterFiling, Lang::Vi) => {
                "giấy chứng nhận trước đó có quyết định sau ngày nộp hồ sơ hoặc ngày đánh giá"
            }
            (Self::PreviousAfterFiling, Lang::En) => {
                "the previous certificate is decided after the file is submitted or evaluated"
            }
        };
        text.to_owned()
    }
}

/// Every contradiction in a filing, each with the field it is reported at (relative to the
/// document's root: `previous_certificate`, `submitted_on`).
pub fn check(filing: &Filing, evaluated_on: Option<Date>) -> Vec<(&'static str, FilingProblem)> {
    let mut problems = Vec::new();
    if let (Some(submitted), Some(evaluated)) = (filing.submitted_on, evaluated_on)
        && submitted > evaluated
    {
        problems.push(("submitted_on", FilingProblem::SubmittedAfterEvaluation));
    }
    let Some(previous) = &filing.previous_certificate else {
        return problems;
    };
    const FIELD: &str = "previous_certificate";
    match filing.evaluation {
        Some(Evaluation::First) => problems.push((FIELD, FilingProblem::PreviousOnFirst)),
        None => problems.push((FIELD, FilingProblem::PreviousWithoutEvaluation)),
        Some(Evaluation::Upgrade) if previous.stars == 5 => {
            problems.push((FIELD, FilingProblem::UpgradeFromTop));
        }
        Some(_) => {}
    }
    if !(3..=5).contains(&previous.stars) {
        problems.push((FIELD, FilingProblem::PreviousNotCertified));
    }
    let filed = filing.submitted_on.or(evaluated_on);
    if filed.is_some_and(|filed| previous.decided_on > filed) {
        problems.push((FIELD, FilingProblem::PreviousAfterFiling));
    }
    problems
}

/// The newer instrument whose transition governs evaluations dated `on` under `instrument`, with
/// its transition: the latest one in force on `on` that took effect after `instrument`.
fn successor<'c>(
    catalog: &'c Catalog,
    instrument: &Instrument,
    on: Date,
) -> Option<(&'c Instrument, Transition)> {
    catalog
        .latest_instruments()
        .into_iter()
        .rev()
        .filter(|newer| {
            newer.effective_from > instrument.effective_from && newer.effective_from <= on
        })
        .find_map(|newer| {
            let transition = newer.procedure.transition.clone()?;
            Some((newer, transition))
        })
}

/// Whether `instrument` may score an evaluation dated `on` for this filing: never before it took
/// effect; after a newer instrument took effect, only for a file submitted before the newer one's
/// transition date and only until the transition's limit for its kind of evaluation (the widest
/// limit when the kind is not given); otherwise only while it is in force. The problem names the
/// field it is reported at.
pub fn rubric_use(
    catalog: &Catalog,
    instrument: &Instrument,
    on: Date,
    filing: &Filing,
) -> Result<(), (&'static str, InputProblemKind)> {
    let not_in_force = || {
        (
            "evaluated_on",
            InputProblemKind::RubricNotInForce {
                rubric: instrument.id.clone(),
                date: on.to_string(),
                in_force: catalog
                    .in_force_on(on)
                    .ok()
                    .map(|current| current.id.clone()),
            },
        )
    };
    if on < instrument.effective_from {
        return Err(not_in_force());
    }
    let Some((newer, transition)) = successor(catalog, instrument, on) else {
        return if instrument.in_force_on(on) {
            Ok(())
        } else {
            Err(not_in_force())
        };
    };
    submitted_in_time(instrument, newer, &transition, filing)?;
    let limit = filing
        .evaluation
        .and_then(|evaluation| transition.limit(evaluation))
        .or_else(|| transition.widest());
    let Some(limit) = limit else {
        return Err(not_in_force());
    };
    let until = days_after(newer.effective_from, limit.days).ok_or_else(not_in_force)?;
    if on > until {
        return Err((
            "evaluated_on",
            InputProblemKind::TransitionEnded {
                rubric: instrument.id.clone(),
                replaced_by: newer.id.clone(),
                until: until.to_string(),
                evaluation: filing.evaluation,
                source: limit.text.source.clone(),
            },
        ));
    }
    Ok(())
}

/// Whether a filing whose evaluation is not dated may still be scored under `instrument`: a file
/// submitted on or after the transition date of an instrument that replaced it may not, whenever
/// it is evaluated.
pub fn filing_use(
    catalog: &Catalog,
    instrument: &Instrument,
    filing: &Filing,
) -> Result<(), (&'static str, InputProblemKind)> {
    let Some(submitted) = filing.submitted_on else {
        return Ok(());
    };
    match successor(catalog, instrument, submitted) {
        Some((newer, transition)) => submitted_in_time(instrument, newer, &transition, filing),
        None => Ok(()),
    }
}

/// A file submitted on or after the transition date names the rubric that was replaced
/// (QĐ 26/2026 Điều 12.2).
fn submitted_in_time(
    instrument: &Instrument,
    newer: &Instrument,
    transition: &Transition,
    filing: &Filing,
) -> Result<(), (&'static str, InputProblemKind)> {
    match filing.submitted_on {
        Some(submitted) if submitted >= transition.submitted_before => Err((
            "submitted_on",
            InputProblemKind::SubmittedAfterTransition {
                rubric: instrument.id.clone(),
                replaced_by: newer.id.clone(),
                submitted_on: submitted.to_string(),
                submitted_before: transition.submitted_before.to_string(),
            },
        )),
        _ => Ok(()),
    }
}

/// What a result scored under a rubric used by the transition should say: that the file must
/// have been submitted before the transition date when the filing does not say when, and that a
/// narrower limit holds for other kinds of evaluation when the filing does not say which kind.
pub fn transition_notices(
    catalog: &Catalog,
    instrument: &Instrument,
    on: Option<Date>,
    filing: &Filing,
) -> Vec<Notice> {
    let Some(on) = on else {
        return Vec::new();
    };
    let Some((newer, transition)) = successor(catalog, instrument, on) else {
        return Vec::new();
    };
    let mut notices = Vec::new();
    let limit_until = |limit: &TransitionLimit| days_after(newer.effective_from, limit.days);
    if filing.submitted_on.is_none() {
        notices.push(Notice::TransitionFiling {
            rubric: instrument.id.clone(),
            replaced_by: newer.id.clone(),
            submitted_before: transition.submitted_before.to_string(),
            source: transition
                .widest()
                .map(|limit| limit.text.source.clone())
                .unwrap_or_default(),
        });
    }
    if filing.evaluation.is_none() {
        let widest = transition.widest().map(|limit| limit.days);
        for limit in &transition.limits {
            if Some(limit.days) == widest {
                continue;
            }
            if let Some(until) = limit_until(limit) {
                notices.push(Notice::TransitionLimit {
                    rubric: instrument.id.clone(),
                    evaluations: limit
                        .evaluations
                        .iter()
                        .map(|evaluation| evaluation.as_str().to_owned())
                        .collect(),
                    until: until.to_string(),
                    source: limit.text.source.clone(),
                });
            }
        }
    }
    notices
}

/// A transition notice in words.
pub fn describe_notice(notice: &Notice, lang: Lang) -> Option<String> {
    let day = |text: &str| match (lang, text.parse::<Date>()) {
        (Lang::Vi, Ok(date)) => dmy(date),
        _ => text.to_owned(),
    };
    match (notice, lang) {
        (
            Notice::TransitionFiling {
                rubric,
                replaced_by,
                submitted_before,
                source,
            },
            Lang::Vi,
        ) => Some(format!(
            "Lưu ý: chỉ hồ sơ nộp trước ngày {} mới tiếp tục đánh giá theo {rubric}; hồ sơ nộp từ ngày đó đánh giá theo {replaced_by} ({source}). Ghi \"submitted_on\" để kiểm tra.",
            day(submitted_before)
        )),
        (
            Notice::TransitionFiling {
                rubric,
                replaced_by,
                submitted_before,
                source,
            },
            Lang::En,
        ) => Some(format!(
            "Note: only files submitted before {submitted_before} continue under {rubric}; later files are evaluated under {replaced_by} ({source}). Give \"submitted_on\" to check it."
        )),
        (
            Notice::TransitionLimit {
                rubric,
                evaluations,
                until,
                source,
            },
            Lang::Vi,
        ) => {
            let kinds: Vec<&str> = evaluations
                .iter()
                .filter_map(|name| Evaluation::parse(name).map(Evaluation::name_vi))
                .collect();
            Some(format!(
                "Lưu ý: hồ sơ {} theo {rubric} phải hoàn thành đến hết ngày {} ({source}); ghi \"evaluation\" để kiểm tra.",
                kinds.join(", "),
                day(until)
            ))
        }
        (
            Notice::TransitionLimit {
                rubric,
                evaluations,
                until,
                source,
            },
            Lang::En,
        ) => Some(format!(
            "Note: {} under {rubric} must finish by {until} ({source}); give \"evaluation\" to check it.",
            evaluations.join(", ")
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn filing(evaluation: Option<Evaluation>, submitted_on: Option<Date>) -> Filing {
        Filing {
            evaluation,
            submitted_on,
            previous_certificate: None,
        }
    }

    fn use_148(on: Date, filing: &Filing) -> Result<(), &'static str> {
        let catalog = Catalog::bundled();
        let old = catalog.instrument("qd148-2023").unwrap();
        rubric_use(catalog, old, on, filing).map_err(|(_, kind)| kind.name())
    }

    #[test]
    fn first_ratings_and_upgrades_may_finish_under_148_until_21_july_2026() {
        let before = Some(date(2026, 5, 21));
        for evaluation in [Evaluation::First, Evaluation::Upgrade] {
            let filing = filing(Some(evaluation), before);
            assert_eq!(use_148(date(2026, 7, 21), &filing), Ok(()));
            assert_eq!(use_148(date(2026, 7, 22), &filing), Err("transition_ended"));
        }
    }

    #[test]
    fn re_ratings_may_finish_under_148_until_21_june_2026() {
        let filing = filing(Some(Evaluation::Rerating), Some(date(2026, 5, 21)));
        assert_eq!(use_148(date(2026, 6, 21), &filing), Ok(()));
        assert_eq!(use_148(date(2026, 6, 22), &filing), Err("transition_ended"));
    }

    #[test]
    fn only_files_submitted_before_22_may_2026_continue_under_148() {
        let on = date(2026, 6, 1);
        let late = filing(Some(Evaluation::First), Some(date(2026, 5, 22)));
        assert_eq!(use_148(on, &late), Err("submitted_after_transition"));
        let early = filing(Some(Evaluation::First), Some(date(2026, 5, 21)));
        assert_eq!(use_148(on, &early), Ok(()));
        // Before QĐ 26/2026 took effect, 148 is simply in force.
        assert_eq!(use_148(date(2026, 5, 21), &late), Ok(()));
    }

    #[test]
    fn without_the_kind_the_wider_limit_applies_with_a_notice() {
        let unknown = filing(None, None);
        assert_eq!(use_148(date(2026, 7, 21), &unknown), Ok(()));
        assert_eq!(
            use_148(date(2026, 7, 22), &unknown),
            Err("transition_ended")
        );
        let catalog = Catalog::bundled();
        let old = catalog.instrument("qd148-2023").unwrap();
        let notices = transition_notices(catalog, old, Some(date(2026, 7, 1)), &unknown);
        let kinds: Vec<String> = notices
            .iter()
            .map(|notice| describe_notice(notice, Lang::Vi).unwrap())
            .collect();
        assert_eq!(kinds.len(), 2, "{kinds:?}");
        assert!(kinds[0].contains("trước ngày 22/05/2026"), "{kinds:?}");
        assert!(
            kinds[1].contains("đánh giá lại") && kinds[1].contains("21/06/2026"),
            "{kinds:?}"
        );
        // Nothing to say before the new rules took effect.
        assert!(transition_notices(catalog, old, Some(date(2026, 5, 1)), &unknown).is_empty());
    }

    #[test]
    fn a_rubric_is_never_used_before_it_took_effect() {
        let catalog = Catalog::bundled();
        let new = catalog.instrument("qd26-2026").unwrap();
        assert_eq!(
            rubric_use(catalog, new, date(2026, 5, 21), &Filing::default())
                .map_err(|(_, kind)| kind.name()),
            Err("rubric_not_in_force")
        );
        assert_eq!(
            rubric_use(catalog, new, date(2026, 5, 22), &Filing::default()),
            Ok(())
        );
        // QĐ 1048 ended 23/2/2023; no transition of 148 carries it on.
        let oldest = catalog.instrument("qd1048-2019").unwrap();
        assert_eq!(
            rubric_use(catalog, oldest, date(2023, 2, 24), &Filing::default())
                .map_err(|(_, kind)| kind.name()),
            Err("rubric_not_in_force")
        );
    }

    #[test]
    fn a_filing_that_contradicts_itself_is_reported() {
        let previous = |stars| PreviousCertificate {
            stars,
            decided_on: date(2023, 6, 1),
            decision: Some("123/QĐ-UBND".to_owned()),
        };
        let with = |evaluation, stars| Filing {
            evaluation,
            submitted_on: Some(date(2026, 4, 1)),
            previous_certificate: Some(previous(stars)),
        };
        let problems = |filing: &Filing| -> Vec<FilingProblem> {
            check(filing, Some(date(2026, 6, 1)))
                .into_iter()
                .map(|(_, problem)| problem)
                .collect()
        };
        assert_eq!(problems(&with(Some(Evaluation::Rerating), 4)), []);
        assert_eq!(
            problems(&with(Some(Evaluation::First), 4)),
            [FilingProblem::PreviousOnFirst]
        );
        assert_eq!(
            problems(&with(None, 4)),
            [FilingProblem::PreviousWithoutEvaluation]
        );
        assert_eq!(
            problems(&with(Some(Evaluation::Upgrade), 5)),
            [FilingProblem::UpgradeFromTop]
        );
        assert_eq!(
            problems(&with(Some(Evaluation::Rerating), 2)),
            [FilingProblem::PreviousNotCertified]
        );
        let mut late = with(Some(Evaluation::Rerating), 4);
        late.submitted_on = Some(date(2026, 7, 1));
        assert_eq!(problems(&late), [FilingProblem::SubmittedAfterEvaluation]);
        let mut after = with(Some(Evaluation::Upgrade), 3);
        after.previous_certificate = Some(PreviousCertificate {
            decided_on: date(2026, 5, 1),
            ..previous(3)
        });
        assert_eq!(problems(&after), [FilingProblem::PreviousAfterFiling]);
    }

    #[test]
    fn the_stars_are_compared_with_the_previous_certificate() {
        let filing = Filing {
            evaluation: Some(Evaluation::Upgrade),
            submitted_on: None,
            previous_certificate: Some(PreviousCertificate {
                stars: 3,
                decided_on: date(2023, 6, 1),
                decision: None,
            }),
        };
        let change = |stars| FilingEcho::new(&filing, stars).stars_change;
        assert_eq!(change(Some(4)), Some(StarsChange::Up));
        assert_eq!(change(Some(3)), Some(StarsChange::Stayed));
        assert_eq!(change(Some(0)), Some(StarsChange::Down));
        assert_eq!(change(None), None);
        assert_eq!(
            FilingEcho::new(&Filing::default(), Some(4)).stars_change,
            None
        );
    }
}
