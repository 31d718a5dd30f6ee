//! Carrying an old sheet's answers to another rubric, and the impact on the result.
//!
//! Each criterion of the new rubric is matched to the old one (by code and wording, by code, or
//! by wording: see [`crate::diff`]). An answer is carried without question only when the
//! criterion matched by code and wording and the ticked option's text is found in the new
//! criterion; everything else is flagged for a person to confirm, and criteria with no
//! counterpart are left unanswered. The carried sheet is scored as a partial sheet, so the
//! result says what the new total can still become.

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::decimal::Exact;
use crate::diff::{MatchedBy, match_criteria, same_words};
use crate::json::JsonPath;
use crate::rubric::{Catalog, Criterion, Instrument, Scoring, Stars};
use crate::score::{self, AnswerEcho, Scorecard, StarsRange, Status};
use crate::sheet::{
    Answer, Answers, CheckedSheet, Completeness, InputProblem, InputProblemKind, InputProblems,
};

/// How far a carried answer can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Carried {
    /// Same criterion, same wording, the same option text: carried as is.
    Exact,
    /// Carried, but a person must confirm it (the wording, the code or the option changed).
    Confirm,
    /// Not carried: no counterpart criterion or option; the new criterion must be answered.
    NotCarried,
}

/// One criterion of the new rubric and what became of the old answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CarriedAnswer {
    /// Criterion in the new rubric.
    pub criterion: String,
    /// The old criterion it was matched to.
    pub old_criterion: Option<String>,
    /// How it was matched.
    pub matched_by: Option<MatchedBy>,
    /// The old answer.
    #[schemars(with = "Option<Value>")]
    pub old_answer: Option<Value>,
    /// The new answer.
    #[schemars(with = "Option<Value>")]
    pub new_answer: Option<Value>,
    /// Whether it can be trusted.
    pub carried: Carried,
    /// Why it must be confirmed or was not carried.
    pub note: Option<CarryNote>,
}

/// Why an answer must be confirmed, or was not carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CarryNote {
    /// The criterion is new: it must be answered.
    NoCounterpart,
    /// The old sheet left it unanswered.
    NotAnswered,
    /// Same code, new wording.
    Reworded,
    /// Same wording under another code.
    Recoded {
        /// The old code.
        from: String,
    },
    /// The ticked option's text is another option number now.
    OptionMoved {
        /// Old number.
        from: u32,
        /// New number.
        to: u32,
    },
    /// Carried by position: the option's wording changed.
    ByPosition {
        /// Option number.
        option: u32,
    },
    /// The ticked option has no counterpart.
    NoOption {
        /// Option number.
        option: u32,
    },
    /// The criterion is answered another way now (e.g. yes/no instead of options).
    AnsweredDifferently,
    /// Some ticked items of an additive criterion have no counterpart.
    SomeItemsMissing,
}

/// A result on one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SideResult {
    /// Rubric.
    pub rubric: String,
    /// Data revision.
    pub revision: u32,
    /// Status.
    pub status: Status,
    /// Total points.
    pub total: Exact,
    /// The most still reachable.
    pub max_reachable: Exact,
    /// Stars.
    pub stars: Stars,
    /// Stars still possible.
    pub stars_range: StarsRange,
}

/// The old and new results side by side, and every answer carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Rescore {
    /// The old sheet's result under its own rubric.
    pub old: SideResult,
    /// The carried sheet's result under the new rubric.
    pub new: SideResult,
    /// Every criterion of the new rubric.
    pub answers: Vec<CarriedAnswer>,
    /// Answers a person must confirm or give.
    pub to_confirm: usize,
    /// The carried sheet, ready to be corrected and scored.
    #[schemars(with = "Value")]
    pub sheet: Value,
}

/// Carries a sheet (JSON text) to the rubric `target`, which the caller found by name
/// ([`Catalog::instrument`]): a target that does not exist is a wrong argument, never a problem of
/// the sheet.
pub fn rescore(
    catalog: &Catalog,
    text: &str,
    target: &Instrument,
) -> Result<Rescore, InputProblems> {
    let sheet = CheckedSheet::read(catalog, text, Completeness::Partial)?;
    let (old, answers) = (sheet.loaded, &sheet.answers);
    let problem = |detail: String| {
        InputProblems::one(InputProblem::new(
            JsonPath::root(),
            None,
            InputProblemKind::RubricUnusable { detail },
        ))
    };
    let new = catalog
        .product_set_of(target, old.set.number)
        .map_err(|error| problem(error.to_string()))?;

    let matching = match_criteria(old.set, new.set);
    let mut carried = Vec::new();
    let mut pairs = Vec::new();
    for leaf in new.set.leaves() {
        let criterion = leaf.criterion;
        let pair = matching
            .matched
            .iter()
            .find(|pair| pair.new.code == criterion.code);
        let entry = match pair {
            None => CarriedAnswer {
                criterion: criterion.code.clone(),
                old_criterion: None,
                matched_by: None,
                old_answer: None,
                new_answer: None,
                carried: Carried::NotCarried,
                note: Some(CarryNote::NoCounterpart),
            },
            Some(pair) => {
                let old_answer = answers.get(pair.old);
                let (new_answer, mut carried_as, note) = match old_answer {
                    None => (None, Carried::NotCarried, Some(CarryNote::NotAnswered)),
                    Some(answer) => carry(pair.old, criterion, answer),
                };
                if carried_as == Carried::Exact && pair.by != MatchedBy::CodeAndWording {
                    carried_as = Carried::Confirm;
                }
                if let Some(answer) = &new_answer {
                    pairs.push((criterion.code.clone(), answer.clone()));
                }
                CarriedAnswer {
                    criterion: criterion.code.clone(),
                    old_criterion: Some(pair.old.code.clone()),
                    matched_by: Some(pair.by),
                    old_answer: old_answer.map(answer_value),
                    new_answer: new_answer.as_ref().map(answer_value),
                    carried: carried_as,
                    note: note.or_else(|| match pair.by {
                        MatchedBy::CodeAndWording => None,
                        MatchedBy::Code => Some(CarryNote::Reworded),
                        MatchedBy::Wording => Some(CarryNote::Recoded {
                            from: pair.old.code.clone(),
                        }),
                    }),
                }
            }
        };
        carried.push(entry);
    }
    // Problems here are in the carried answers, not in the text read: they have no place in it.
    let new_answers = Answers::from_pairs(new.set, pairs.clone(), [], Completeness::Partial)?;
    let old_card = score::score(old, answers, sheet.evaluated_on);
    let new_card = score::score(new, &new_answers, None);
    let to_confirm = carried
        .iter()
        .filter(|entry| entry.carried != Carried::Exact)
        .count();
    let mut answers_json = Map::new();
    for (code, answer) in &pairs {
        answers_json.insert(code.clone(), answer_value(answer));
    }
    let mut sheet_json = Map::new();
    sheet_json.insert("rubric".to_owned(), Value::from(target.id.clone()));
    sheet_json.insert("product_set".to_owned(), Value::from(old.set.number));
    if let Some(product) = &sheet.product {
        sheet_json.insert(
            "product".to_owned(),
            serde_json::to_value(product).unwrap_or_default(),
        );
    }
    sheet_json.insert("answers".to_owned(), Value::Object(answers_json));
    Ok(Rescore {
        old: side(&old_card),
        new: side(&new_card),
        answers: carried,
        to_confirm,
        sheet: Value::Object(sheet_json),
    })
}

fn side(card: &Scorecard<'_>) -> SideResult {
    SideResult {
        rubric: card.rubric.to_owned(),
        revision: card.rubric_revision,
        status: card.status,
        total: card.total,
        max_reachable: card.max_reachable,
        stars: card.stars,
        stars_range: card.stars_range,
    }
}

/// An answer as the sheet contract writes it.
fn answer_value(answer: &Answer) -> Value {
    serde_json::to_value(AnswerEcho::from(answer)).unwrap_or_default()
}

/// Carries one answer between matched criteria: by the ticked option's text, else by position.
fn carry(
    old: &Criterion,
    new: &Criterion,
    answer: &Answer,
) -> (Option<Answer>, Carried, Option<CarryNote>) {
    let by_text = |number: u32| -> Option<u32> {
        let text = &old.option(number)?.text;
        new.options()
            .iter()
            .find(|option| same_words(&option.text, text))
            .map(|option| option.number)
    };
    match (answer, &new.scoring) {
        (Answer::YesNo(met), Scoring::YesNo) => (Some(Answer::YesNo(*met)), Carried::Exact, None),
        (Answer::Option(number), Scoring::Single(_) | Scoring::Cases { .. }) => {
            match by_text(*number) {
                Some(found) if found == *number => {
                    (Some(Answer::Option(found)), Carried::Exact, None)
                }
                Some(found) => (
                    Some(Answer::Option(found)),
                    Carried::Confirm,
                    Some(CarryNote::OptionMoved {
                        from: *number,
                        to: found,
                    }),
                ),
                None if new.option(*number).is_some() => (
                    Some(Answer::Option(*number)),
                    Carried::Confirm,
                    Some(CarryNote::ByPosition { option: *number }),
                ),
                None => (
                    None,
                    Carried::NotCarried,
                    Some(CarryNote::NoOption { option: *number }),
                ),
            }
        }
        (Answer::Options(numbers), Scoring::Additive(_)) => {
            let found: Vec<Option<u32>> = numbers.iter().map(|number| by_text(*number)).collect();
            let carried = found.iter().flatten().copied().collect();
            if found.iter().all(Option::is_some) {
                (Some(Answer::Options(carried)), Carried::Exact, None)
            } else {
                (
                    Some(Answer::Options(carried)),
                    Carried::Confirm,
                    Some(CarryNote::SomeItemsMissing),
                )
            }
        }
        _ => (
            None,
            Carried::NotCarried,
            Some(CarryNote::AnsweredDifferently),
        ),
    }
}
