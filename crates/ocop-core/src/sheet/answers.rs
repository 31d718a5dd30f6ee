//! Answers checked against a product set: every code known, every option in range.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::decimal::Units;

use super::problem::{AnswerShape, InputProblemKind, InputProblems};
use super::{RawAnswer, RawAnswers, RawKnockout, RawNumber, RawValue};
use crate::json::JsonPath;
use crate::rubric::{Applicability, Criterion, ProductSet, Scoring};

/// Whether every criterion must be answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Completeness {
    /// Every applicable criterion must be answered (unless the sheet is disqualified).
    #[default]
    Complete,
    /// Unanswered criteria are allowed: an unfinished sheet.
    Partial,
}

/// A checked answer to one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Answer {
    /// The ticked option's 1-based number (straight through all cases).
    Option(u32),
    /// Met or not, for criteria printed without options.
    YesNo(bool),
    /// The ticked options of an additive criterion.
    Options(BTreeSet<u32>),
}

/// A knock-out the evaluator asserts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Knockout {
    /// The knock-out note of this criterion applies.
    Criterion(String),
    /// The sheet-level "Hồ sơ bị loại khi: …" applies.
    Dossier,
}

/// The checked answers of one sheet, valid for one product set: one slot per answerable
/// criterion, in printed order, so that scoring reads an array instead of looking codes up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    slots: Vec<Option<Answer>>,
    knockouts: Vec<Knockout>,
}

impl Answers {
    /// Answers built directly, without a document (for programs and tests). They are checked
    /// like a sheet's.
    pub fn from_pairs(
        set: &ProductSet,
        pairs: impl IntoIterator<Item = (String, Answer)>,
        knockouts: impl IntoIterator<Item = Knockout>,
        completeness: Completeness,
    ) -> Result<Answers, InputProblems> {
        let entries: Vec<RawAnswer<'_>> = pairs
            .into_iter()
            .map(|(code, answer)| RawAnswer {
                path: JsonPath::root().key("answers").key(code.as_str()),
                offset: None,
                value: match answer {
                    Answer::Option(number) => RawValue::Number(RawNumber::Whole(number.into())),
                    Answer::YesNo(met) => RawValue::Boolean(met),
                    Answer::Options(numbers) => RawValue::List(
                        numbers
                            .iter()
                            .map(|n| RawValue::Number(RawNumber::Whole((*n).into())))
                            .collect(),
                    ),
                },
                code: code.into(),
            })
            .collect();
        let knockouts: Vec<RawKnockout<'_>> = knockouts
            .into_iter()
            .enumerate()
            .map(|(index, knockout)| RawKnockout {
                code: match knockout {
                    Knockout::Criterion(code) => code.into(),
                    Knockout::Dossier => DOSSIER.into(),
                },
                path: JsonPath::root().key("knockouts").index(index),
                offset: None,
            })
            .collect();
        let raw = RawAnswers {
            entries,
            path: JsonPath::root().key("answers"),
            offset: None,
        };
        Self::check(set, &raw, &knockouts, completeness)
    }

    /// Checks a sheet's answers and knock-outs against a product set, reporting every problem
    /// (as many as a document lists, and how many more).
    pub fn check(
        set: &ProductSet,
        raw_answers: &RawAnswers<'_>,
        knockouts: &[RawKnockout<'_>],
        completeness: Completeness,
    ) -> Result<Answers, InputProblems> {
        let mut problems = InputProblems::default();
        let mut slots: Vec<Option<Answer>> = vec![None; set.leaf_count()];
        // A criterion answered twice (even `null` twice) is a key given twice.
        let mut given = vec![false; set.leaf_count()];
        // Sheets usually list answers in printed order: try the slot after the last one first.
        let mut next_slot = 0;
        for raw in &raw_answers.entries {
            let at = |kind| (raw.path.clone(), raw.offset, kind);
            let leaf = set
                .leaf_at(next_slot)
                .filter(|leaf| leaf.criterion.code == raw.code)
                .or_else(|| set.leaf(&raw.code));
            match leaf.and_then(|leaf| Some((leaf.criterion, leaf.criterion.slot?))) {
                Some((criterion, slot)) => {
                    next_slot = slot + 1;
                    if given.get(slot).copied().unwrap_or_default() {
                        let kind = InputProblemKind::DuplicateKey {
                            field: raw.code.to_string(),
                        };
                        problems.push_at(at(kind));
                        continue;
                    }
                    if let Some(seen) = given.get_mut(slot) {
                        *seen = true;
                    }
                    match check_answer(criterion, &raw.value) {
                        Ok(answer) => {
                            if let Some(place) = slots.get_mut(slot) {
                                *place = answer;
                            }
                        }
                        Err(kinds) => {
                            for kind in kinds {
                                problems.push_at(at(kind));
                            }
                        }
                    }
                }
                None => problems.push_at(at(unknown_code(set, &raw.code))),
            }
        }

        let mut claims = Vec::new();
        for raw in knockouts {
            let claim = if raw.code == DOSSIER {
                set.dossier_rule
                    .as_ref()
                    .map(|_| Knockout::Dossier)
                    .ok_or(InputProblemKind::NoDossierRule)
            } else {
                match set.leaf(&raw.code).map(|leaf| leaf.criterion) {
                    Some(criterion) if criterion.knockout.is_some() => {
                        Ok(Knockout::Criterion(raw.code.to_string()))
                    }
                    Some(_) => Err(InputProblemKind::NoKnockoutRule {
                        code: raw.code.to_string(),
                    }),
                    None => Err(unknown_code(set, &raw.code)),
                }
            };
            match claim {
                Ok(claim) if claims.contains(&claim) => {
                    problems.push_at((
                        raw.path.clone(),
                        raw.offset,
                        InputProblemKind::DuplicateKnockout {
                            code: raw.code.to_string(),
                        },
                    ));
                }
                Ok(claim) => claims.push(claim),
                Err(kind) => problems.push_at((raw.path.clone(), raw.offset, kind)),
            }
        }

        let answers = Answers {
            slots,
            knockouts: claims,
        };
        if completeness == Completeness::Complete && !answers.ends_evaluation(set) {
            for leaf in set.leaves() {
                let criterion = leaf.criterion;
                if answers.get(criterion).is_some() || answers.applies(criterion) == Some(false) {
                    continue;
                }
                // A `null` answer is reported where it stands, an absent one at `answers`;
                // an invalid one has been reported already.
                let given = raw_answers
                    .entries
                    .iter()
                    .find(|raw| raw.code == criterion.code);
                if given.is_some_and(|raw| raw.value != RawValue::Null) {
                    continue;
                }
                let (path, offset) = given.map_or_else(
                    || (raw_answers.path.clone(), raw_answers.offset),
                    |raw| (raw.path.clone(), raw.offset),
                );
                let kind = InputProblemKind::MissingAnswer {
                    code: criterion.code.clone(),
                };
                problems.push_at((path, offset, kind));
            }
        }
        if problems.is_empty() {
            Ok(answers)
        } else {
            Err(problems)
        }
    }

    /// The answer to a criterion, if given.
    pub fn get(&self, criterion: &Criterion) -> Option<&Answer> {
        self.slots.get(criterion.slot?)?.as_ref()
    }

    /// The answer kept in an answer slot, if given.
    pub(crate) fn at(&self, slot: usize) -> Option<&Answer> {
        self.slots.get(slot)?.as_ref()
    }

    /// Points (in units) a criterion adds to the total, read from the set's scoring plan: 0
    /// when it does not apply; `None` when unanswered or when whether it applies is not known.
    pub(crate) fn scored_units(&self, set: &ProductSet, criterion: &Criterion) -> Option<Units> {
        match self.applies(criterion)? {
            false => Some(0),
            true => {
                let slot = criterion.slot?;
                Some(set.plan.leaves.get(slot)?.points(self.at(slot)?))
            }
        }
    }

    /// The asserted knock-outs, in the order given.
    pub fn knockouts(&self) -> &[Knockout] {
        &self.knockouts
    }

    /// Replaces or adds the answer to a criterion, keeping the rest (for what-if analysis). The
    /// caller must pass an answer valid for the criterion.
    pub fn with(&self, criterion: &Criterion, answer: Answer) -> Answers {
        let mut answers = self.clone();
        answers.insert(criterion, answer);
        answers
    }

    /// Replaces or adds the answer to a criterion; the caller must pass an answer valid for it.
    pub(crate) fn insert(&mut self, criterion: &Criterion, answer: Answer) {
        let Some(slot) = criterion.slot else {
            return;
        };
        if self.slots.len() <= slot {
            self.slots.resize(slot + 1, None);
        }
        if let Some(place) = self.slots.get_mut(slot) {
            *place = Some(answer);
        }
    }

    /// Points of an answerable criterion under these answers: `None` when unanswered.
    pub fn points(&self, criterion: &Criterion) -> Option<Decimal> {
        Some(points_of(criterion, self.get(criterion)?))
    }

    /// Whether a criterion applies: `None` when it depends on an unanswered criterion.
    pub fn applies(&self, criterion: &Criterion) -> Option<bool> {
        let Some(rule) = &criterion.applies_when else {
            return Some(true);
        };
        let answer = self.slots.get(rule.slot?)?.as_ref()?;
        Some(applies_under(rule, answer))
    }

    /// Whether an asserted knock-out or a stop rule ends the evaluation.
    pub fn ends_evaluation(&self, set: &ProductSet) -> bool {
        !self.knockouts.is_empty() || self.stopped_by(set).is_some()
    }

    /// The first criterion, in printed order, whose zero triggers a stop rule.
    pub fn stopped_by<'s>(
        &self,
        set: &'s ProductSet,
    ) -> Option<(&'s crate::rubric::StopRule, &'s str)> {
        set.stop_rules.iter().find_map(|rule| {
            rule.slots.iter().find_map(|slot| {
                let criterion = set.leaf_at(*slot)?.criterion;
                (self.points(criterion)? == Decimal::ZERO)
                    .then_some((rule, criterion.code.as_str()))
            })
        })
    }
}

/// Whether a criterion applies when the criterion it depends on has this answer.
pub(crate) fn applies_under(rule: &Applicability, answer: &Answer) -> bool {
    match answer {
        Answer::Option(number) => !rule.unless.contains(number),
        Answer::YesNo(_) | Answer::Options(_) => true,
    }
}

/// The knock-out code for the sheet-level rule.
pub const DOSSIER: &str = "dossier";

/// Points of a valid answer to an answerable criterion.
pub(crate) fn points_of(criterion: &Criterion, answer: &Answer) -> Decimal {
    let option_points = |number: &u32| {
        criterion
            .option(*number)
            .and_then(|option| option.points)
            .unwrap_or_default()
    };
    match answer {
        Answer::Option(number) => option_points(number),
        Answer::YesNo(true) => criterion.max,
        Answer::YesNo(false) => Decimal::ZERO,
        Answer::Options(numbers) => numbers
            .iter()
            .map(option_points)
            .sum::<Decimal>()
            .min(criterion.max),
    }
}

/// Why a code is not an answerable criterion: a parent answered by its sub-criteria, or unknown.
pub(crate) fn unknown_code(set: &ProductSet, code: &str) -> InputProblemKind {
    if set.is_parent(code) {
        let children = set
            .leaves()
            .filter(|leaf| leaf.parent.is_some_and(|parent| parent.code == code))
            .map(|leaf| leaf.criterion.code.clone())
            .collect();
        InputProblemKind::AnswerSubCriteria {
            code: code.to_owned(),
            children,
        }
    } else {
        InputProblemKind::UnknownCriterion {
            code: code.to_owned(),
        }
    }
}

/// Checks one value against its criterion: `Ok(None)` for `null` (not answered yet).
fn check_answer(
    criterion: &Criterion,
    value: &RawValue<'_>,
) -> Result<Option<Answer>, Vec<InputProblemKind>> {
    let code = &criterion.code;
    let wrong = |expected, found: &str| {
        vec![InputProblemKind::WrongAnswer {
            code: code.clone(),
            expected,
            found: found.to_owned(),
        }]
    };
    let option = |number: &RawNumber<'_>| -> Result<u32, InputProblemKind> {
        let out_of_range = || InputProblemKind::OptionOutOfRange {
            code: code.clone(),
            option: number.to_string(),
            options: criterion.options().len(),
        };
        let number = match number {
            RawNumber::Whole(whole) => u32::try_from(*whole).map_err(|_| out_of_range())?,
            RawNumber::Written(_) => return Err(out_of_range()),
        };
        match criterion.option(number).map(|option| option.points) {
            Some(Some(_)) => Ok(number),
            Some(None) => Err(InputProblemKind::UnreadableOption {
                code: code.clone(),
                option: number,
            }),
            None => Err(out_of_range()),
        }
    };
    match (&criterion.scoring, value) {
        (_, RawValue::Null) => Ok(None),
        (Scoring::Single(_) | Scoring::Cases { .. }, RawValue::Number(number)) => option(number)
            .map(|number| Some(Answer::Option(number)))
            .map_err(|kind| vec![kind]),
        (Scoring::Single(_) | Scoring::Cases { .. }, other) => {
            Err(wrong(AnswerShape::OptionNumber, type_of(other)))
        }
        (Scoring::YesNo, RawValue::Boolean(met)) => Ok(Some(Answer::YesNo(*met))),
        (Scoring::YesNo, other) => Err(wrong(AnswerShape::Boolean, type_of(other))),
        (Scoring::Additive(_), RawValue::List(elements)) => {
            let mut ticked = BTreeSet::new();
            let mut problems = Vec::new();
            for element in elements {
                match element {
                    RawValue::Number(number) => match option(number) {
                        Ok(number) if !ticked.insert(number) => {
                            problems.push(InputProblemKind::DuplicateOption {
                                code: code.clone(),
                                option: number,
                            });
                        }
                        Ok(_) => {}
                        Err(kind) => problems.push(kind),
                    },
                    other => problems.extend(wrong(AnswerShape::OptionList, type_of(other))),
                }
            }
            if problems.is_empty() {
                Ok(Some(Answer::Options(ticked)))
            } else {
                Err(problems)
            }
        }
        (Scoring::Additive(_), other) => Err(wrong(AnswerShape::OptionList, type_of(other))),
        (Scoring::Nested(_), _) => Err(vec![InputProblemKind::AnswerSubCriteria {
            code: code.clone(),
            children: Vec::new(),
        }]),
    }
}

fn type_of(value: &RawValue<'_>) -> &'static str {
    match value {
        RawValue::Number(_) => "number",
        RawValue::Boolean(_) => "boolean",
        RawValue::List(_) => "array",
        RawValue::Null => "null",
        RawValue::Other(name) => name,
    }
}
