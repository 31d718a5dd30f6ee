//! Answers checked against a product set: every code known, every option in range.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use rust_decimal::Decimal;

use super::problem::{AnswerShape, InputProblem, InputProblemKind};
use super::{RawAnswer, RawKnockout, RawValue};
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

/// The checked answers of one sheet, valid for one product set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    // Criterion codes are short and come from a validated set: a fast hash matters more here
    // than resistance to crafted keys.
    answers: FxHashMap<String, Answer>,
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
    ) -> Result<Answers, Vec<InputProblem>> {
        let raw: Vec<RawAnswer> = pairs
            .into_iter()
            .map(|(code, answer)| RawAnswer {
                path: JsonPath::root().key("answers").key(code.as_str()),
                value: match answer {
                    Answer::Option(number) => RawValue::Number(number.to_string()),
                    Answer::YesNo(met) => RawValue::Boolean(met),
                    Answer::Options(numbers) => RawValue::List(
                        numbers
                            .iter()
                            .map(|n| RawValue::Number(n.to_string()))
                            .collect(),
                    ),
                },
                code,
            })
            .collect();
        let knockouts: Vec<RawKnockout> = knockouts
            .into_iter()
            .enumerate()
            .map(|(index, knockout)| RawKnockout {
                code: match knockout {
                    Knockout::Criterion(code) => code,
                    Knockout::Dossier => DOSSIER.to_owned(),
                },
                path: JsonPath::root().key("knockouts").index(index),
            })
            .collect();
        Self::check(set, &raw, &knockouts, completeness)
    }

    /// Checks a sheet's answers and knock-outs against a product set, reporting every problem.
    pub fn check(
        set: &ProductSet,
        raw_answers: &[RawAnswer],
        knockouts: &[RawKnockout],
        completeness: Completeness,
    ) -> Result<Answers, Vec<InputProblem>> {
        let mut problems = Vec::new();
        let mut checked =
            FxHashMap::with_capacity_and_hasher(raw_answers.len(), Default::default());
        for raw in raw_answers {
            let problem = |kind| InputProblem::new(raw.path.clone(), None, kind);
            match set.leaf(&raw.code) {
                Some(leaf) => match check_answer(leaf.criterion, &raw.value) {
                    Ok(Some(answer)) => {
                        checked.insert(raw.code.clone(), answer);
                    }
                    Ok(None) => {}
                    Err(kinds) => problems.extend(kinds.into_iter().map(problem)),
                },
                None => problems.push(problem(unknown_code(set, &raw.code))),
            }
        }

        let mut claims = Vec::new();
        for raw in knockouts {
            let problem = |kind| InputProblem::new(raw.path.clone(), None, kind);
            let claim = if raw.code == DOSSIER {
                set.dossier_rule
                    .as_ref()
                    .map(|_| Knockout::Dossier)
                    .ok_or(InputProblemKind::NoDossierRule)
            } else {
                match set.leaf(&raw.code).map(|leaf| leaf.criterion) {
                    Some(criterion) if criterion.knockout.is_some() => {
                        Ok(Knockout::Criterion(raw.code.clone()))
                    }
                    Some(_) => Err(InputProblemKind::NoKnockoutRule {
                        code: raw.code.clone(),
                    }),
                    None => Err(unknown_code(set, &raw.code)),
                }
            };
            match claim {
                Ok(claim) if claims.contains(&claim) => {
                    problems.push(problem(InputProblemKind::DuplicateKnockout {
                        code: raw.code.clone(),
                    }));
                }
                Ok(claim) => claims.push(claim),
                Err(kind) => problems.push(problem(kind)),
            }
        }

        let answers = Answers {
            answers: checked,
            knockouts: claims,
        };
        if completeness == Completeness::Complete && !answers.ends_evaluation(set) {
            for leaf in set.leaves() {
                let code = &leaf.criterion.code;
                if !answers.answers.contains_key(code)
                    && answers.applies(leaf.criterion) != Some(false)
                {
                    // A `null` answer is reported where it stands, an absent one at `answers`;
                    // an invalid one has been reported already.
                    let given = raw_answers.iter().find(|raw| &raw.code == code);
                    if given.is_some_and(|raw| raw.value != RawValue::Null) {
                        continue;
                    }
                    let path = given
                        .map_or_else(|| JsonPath::root().key("answers"), |raw| raw.path.clone());
                    let kind = InputProblemKind::MissingAnswer { code: code.clone() };
                    problems.push(InputProblem::new(path, None, kind));
                }
            }
        }
        if problems.is_empty() {
            Ok(answers)
        } else {
            Err(problems)
        }
    }

    /// The answer to a criterion, if given.
    pub fn get(&self, code: &str) -> Option<&Answer> {
        self.answers.get(code)
    }

    /// The asserted knock-outs, in the order given.
    pub fn knockouts(&self) -> &[Knockout] {
        &self.knockouts
    }

    /// Replaces or adds the answer to a criterion, keeping the rest (for what-if analysis). The
    /// caller must pass an answer valid for the criterion.
    pub fn with(&self, code: &str, answer: Answer) -> Answers {
        let mut answers = self.clone();
        answers.insert(code, answer);
        answers
    }

    /// Replaces or adds the answer to a criterion; the caller must pass an answer valid for it.
    pub(crate) fn insert(&mut self, code: &str, answer: Answer) {
        self.answers.insert(code.to_owned(), answer);
    }

    /// Points of an answerable criterion under these answers: `None` when unanswered.
    pub fn points(&self, criterion: &Criterion) -> Option<Decimal> {
        let answer = self.answers.get(&criterion.code)?;
        Some(points_of(criterion, answer))
    }

    /// Whether a criterion applies: `None` when it depends on an unanswered criterion.
    pub fn applies(&self, criterion: &Criterion) -> Option<bool> {
        let Some(rule) = &criterion.applies_when else {
            return Some(true);
        };
        Some(applies_under(rule, self.answers.get(&rule.criterion)?))
    }

    /// Whether an asserted knock-out or a stop rule ends the evaluation.
    pub fn ends_evaluation(&self, set: &ProductSet) -> bool {
        !self.knockouts.is_empty() || self.stopped_by(set).is_some()
    }

    /// The first criterion, in printed order, whose zero triggers a stop rule.
    pub fn stopped_by<'s>(
        &self,
        set: &'s ProductSet,
    ) -> Option<(&'s crate::rubric::StopRule, String)> {
        set.stop_rules.iter().find_map(|rule| {
            rule.criteria.iter().find_map(|code| {
                let leaf = set.leaf(code)?;
                (self.points(leaf.criterion)? == Decimal::ZERO).then(|| (rule, code.clone()))
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
    value: &RawValue,
) -> Result<Option<Answer>, Vec<InputProblemKind>> {
    let code = &criterion.code;
    let wrong = |expected, found: &str| {
        vec![InputProblemKind::WrongAnswer {
            code: code.clone(),
            expected,
            found: found.to_owned(),
        }]
    };
    let option = |text: &str| -> Result<u32, InputProblemKind> {
        let number = text
            .parse::<u32>()
            .ok()
            .filter(|number| criterion.option(*number).is_some())
            .ok_or_else(|| InputProblemKind::OptionOutOfRange {
                code: code.clone(),
                option: text.to_owned(),
                options: criterion.options().len(),
            })?;
        match criterion.option(number).and_then(|option| option.points) {
            Some(_) => Ok(number),
            None => Err(InputProblemKind::UnreadableOption {
                code: code.clone(),
                option: number,
            }),
        }
    };
    match (&criterion.scoring, value) {
        (_, RawValue::Null) => Ok(None),
        (Scoring::Single(_) | Scoring::Cases { .. }, RawValue::Number(text)) => option(text)
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
                    RawValue::Number(text) => match option(text) {
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

fn type_of(value: &RawValue) -> &'static str {
    match value {
        RawValue::Number(_) => "number",
        RawValue::Boolean(_) => "boolean",
        RawValue::List(_) => "array",
        RawValue::Null => "null",
        RawValue::Other(name) => name,
    }
}
