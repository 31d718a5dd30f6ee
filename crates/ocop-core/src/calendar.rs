//! The rounds a year must have (QĐ 26/2026 Điều 5), and the first round a file can enter.
//!
//! Each level holds at least two rounds a year, each before a day of the year for files proposed
//! before another: the province before 30/6 for files the commune proposed before 30/4 and
//! before 30/12 for those proposed before 30/10; the ministry before 30/9 for files the province
//! proposed before 30/7 and before 30/3 for those proposed before 30/01. "Trước ngày" is read
//! strictly: a file proposed on 30/4 misses round 1. A year's calendar lists each level's rounds
//! in date order, so the ministry's round 2 (before 30/3, for the province's round 2 of the year
//! before) comes first.

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use crate::dates::dmy;
use crate::lang::{Describe, Lang};
use crate::rubric::procedure::Round;
use crate::rubric::{Catalog, Level};
use crate::sheet::InputProblem;

/// A year's rounds, and for a date the first round a file proposed that day can enter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Calendar {
    /// The year.
    pub year: i16,
    /// The rubric whose rules set the rounds (the one in force at the end of the year).
    pub rubric: String,
    /// The rounds, level by level, in date order.
    pub rounds: Vec<RoundDates>,
    /// For `proposed_on`: the first round of each level a file proposed that day can enter.
    pub first_rounds: Vec<FirstRound>,
}

/// One round in a given year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RoundDates {
    /// The level.
    pub level: Level,
    /// The round's number in the decision.
    pub round: u8,
    /// The round is held before this day.
    #[schemars(with = "String")]
    pub held_before: Date,
    /// For files proposed before this day.
    #[schemars(with = "String")]
    pub proposed_before: Date,
    /// The article.
    pub source: String,
}

/// The first round a file proposed on a day can enter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FirstRound {
    /// The day the file is proposed (by the commune to the province, or by the province to the
    /// ministry).
    #[schemars(with = "String")]
    pub proposed_on: Date,
    /// The round.
    #[serde(flatten)]
    pub round: RoundDates,
}

/// Why there is no calendar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// No rubric is in force at the end of the year.
    #[error("no rubric is in force at the end of {0}")]
    NoRubric(i16),
    /// The rubric in force sets no rounds.
    #[error("{rubric} ({decision}), in force at the end of {year}, sets no evaluation rounds")]
    NoRounds {
        /// The year.
        year: i16,
        /// The rubric.
        rubric: String,
        /// Its decision.
        decision: String,
    },
    /// A year outside the supported calendar.
    #[error("the year {0} is outside the supported calendar range")]
    OutOfRange(i16),
}

impl Describe for CalendarError {
    fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::NoRubric(year), Lang::Vi) => {
                format!("không có bộ tiêu chí nào có hiệu lực vào cuối năm {year}")
            }
            (
                Self::NoRounds {
                    year,
                    rubric,
                    decision,
                },
                Lang::Vi,
            ) => format!(
                "{rubric} ({decision}), có hiệu lực vào cuối năm {year}, không quy định các đợt đánh giá trong năm"
            ),
            (Self::OutOfRange(year), Lang::Vi) => {
                format!("năm {year} nằm ngoài phạm vi lịch được hỗ trợ")
            }
            (error, Lang::En) => error.to_string(),
        }
    }
}

impl CalendarError {
    /// The error as the problem of the year asked for, for the error document: a year no rubric
    /// in force sets rounds for is invalid input (a year out of range is a usage error instead).
    pub fn as_problem(&self, lang: Lang) -> InputProblem {
        InputProblem::invalid_value("year", self.describe(lang), lang)
    }
}

/// The rounds of `year` (of one level, or every level), and for `proposed_on` the first round
/// of each level a file proposed that day can enter.
pub fn calendar(
    catalog: &Catalog,
    year: i16,
    level: Option<Level>,
    proposed_on: Option<Date>,
) -> Result<Calendar, CalendarError> {
    let end = Date::new(year, 12, 31).map_err(|_| CalendarError::OutOfRange(year))?;
    let instrument = catalog
        .in_force_on(end)
        .map_err(|_| CalendarError::NoRubric(year))?;
    let rules: Vec<&Round> = instrument
        .procedure
        .rounds
        .iter()
        .filter(|round| level.is_none_or(|level| round.level == level))
        .collect();
    if rules.is_empty() {
        return Err(CalendarError::NoRounds {
            year,
            rubric: instrument.id.clone(),
            decision: instrument.decision.number.clone(),
        });
    }
    let rounds = in_year(&rules, year).ok_or(CalendarError::OutOfRange(year))?;
    let first_rounds = match proposed_on {
        // A valid day's own year always has its rounds: only the next year can be out of range.
        Some(day) => first_rounds(&rules, day)
            .ok_or(CalendarError::OutOfRange(day.year().saturating_add(1)))?,
        None => Vec::new(),
    };
    Ok(Calendar {
        year,
        rubric: instrument.id.clone(),
        rounds,
        first_rounds,
    })
}

/// The rounds in a year, level by level (in the data's order of levels), each in date order.
fn in_year(rules: &[&Round], year: i16) -> Option<Vec<RoundDates>> {
    let mut rounds = rules
        .iter()
        .map(|round| {
            let (held_month, held_day) = round.held_before;
            let (proposed_month, proposed_day) = round.proposed_before;
            Some(RoundDates {
                level: round.level,
                round: round.round,
                held_before: Date::new(year, held_month, held_day).ok()?,
                proposed_before: Date::new(year, proposed_month, proposed_day).ok()?,
                source: round.text.source.clone(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let level_order = |level: Level| rules.iter().position(|round| round.level == level);
    rounds.sort_by_key(|round| (level_order(round.level), round.held_before));
    Some(rounds)
}

/// For each level, the first round whose proposal deadline is after `day`: this year's or the
/// next year's.
fn first_rounds(rules: &[&Round], day: Date) -> Option<Vec<FirstRound>> {
    let year = day.year();
    let mut candidates = in_year(rules, year)?;
    candidates.extend(in_year(rules, year.checked_add(1)?)?);
    let mut levels: Vec<Level> = Vec::new();
    for round in rules {
        if !levels.contains(&round.level) {
            levels.push(round.level);
        }
    }
    Some(
        levels
            .into_iter()
            .filter_map(|level| {
                candidates
                    .iter()
                    .filter(|round| round.level == level && day < round.proposed_before)
                    .min_by_key(|round| round.held_before)
                    .map(|round| FirstRound {
                        proposed_on: day,
                        round: round.clone(),
                    })
            })
            .collect(),
    )
}

/// The calendar in words.
pub fn describe(calendar: &Calendar, lang: Lang) -> String {
    let date = |date: Date| match lang {
        Lang::Vi => dmy(date),
        Lang::En => date.to_string(),
    };
    let level_name = |level: Level| lang.pick(level.name_vi(), level.name_en());
    let proposer = |level: Level| match (level, lang) {
        (Level::Central, Lang::Vi) => "UBND cấp tỉnh",
        (_, Lang::Vi) => "UBND cấp xã",
        (Level::Central, Lang::En) => "the province",
        (_, Lang::En) => "the commune",
    };
    let mut out = match lang {
        Lang::Vi => format!(
            "Các đợt đánh giá, phân hạng sản phẩm OCOP năm {} ({})\n",
            calendar.year, calendar.rubric
        ),
        Lang::En => format!(
            "OCOP evaluation rounds in {} ({})\n",
            calendar.year, calendar.rubric
        ),
    };
    let mut level = None;
    for round in &calendar.rounds {
        if level != Some(round.level) {
            level = Some(round.level);
            let heading = level_name(round.level);
            let mut letters = heading.chars();
            let first = letters.next().map(char::to_uppercase);
            out.push_str(&format!(
                "{}{}:\n",
                first
                    .map(|upper| upper.collect::<String>())
                    .unwrap_or_default(),
                letters.as_str()
            ));
        }
        let line = match lang {
            Lang::Vi => format!(
                "  Đợt {:02}: trước ngày {}, cho hồ sơ {} đề nghị trước ngày {} ({})\n",
                round.round,
                date(round.held_before),
                proposer(round.level),
                date(round.proposed_before),
                round.source
            ),
            Lang::En => format!(
                "  Round {}: before {}, for files {} proposed before {} ({})\n",
                round.round,
                date(round.held_before),
                proposer(round.level),
                date(round.proposed_before),
                round.source
            ),
        };
        out.push_str(&line);
    }
    for first in &calendar.first_rounds {
        let round = &first.round;
        let line = match lang {
            Lang::Vi => format!(
                "Hồ sơ đề nghị ngày {}: vào đợt {:02} {} (trước ngày {}, hạn đề nghị trước ngày {})\n",
                date(first.proposed_on),
                round.round,
                level_name(round.level),
                date(round.held_before),
                date(round.proposed_before)
            ),
            Lang::En => format!(
                "A file proposed on {}: {} round {} (before {}, proposals before {})\n",
                date(first.proposed_on),
                level_name(round.level),
                round.round,
                date(round.held_before),
                date(round.proposed_before)
            ),
        };
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn first(level: Level, day: Date) -> RoundDates {
        let calendar = calendar(Catalog::bundled(), 2027, Some(level), Some(day)).unwrap();
        calendar.first_rounds.into_iter().next().unwrap().round
    }

    #[test]
    fn a_year_has_two_rounds_at_each_level() {
        let calendar = calendar(Catalog::bundled(), 2027, None, None).unwrap();
        let dates: Vec<(Level, u8, Date, Date)> = calendar
            .rounds
            .iter()
            .map(|round| {
                (
                    round.level,
                    round.round,
                    round.held_before,
                    round.proposed_before,
                )
            })
            .collect();
        assert_eq!(
            dates,
            [
                (Level::Province, 1, date(2027, 6, 30), date(2027, 4, 30)),
                (Level::Province, 2, date(2027, 12, 30), date(2027, 10, 30)),
                (Level::Central, 2, date(2027, 3, 30), date(2027, 1, 30)),
                (Level::Central, 1, date(2027, 9, 30), date(2027, 7, 30)),
            ]
        );
    }

    #[test]
    fn a_file_enters_the_first_round_whose_deadline_it_meets() {
        // Province: proposals before 30/4 go to round 1; on 30/4 they miss it.
        assert_eq!(first(Level::Province, date(2027, 4, 29)).round, 1);
        let second = first(Level::Province, date(2027, 4, 30));
        assert_eq!((second.round, second.held_before), (2, date(2027, 12, 30)));
        // After 30/10 the next year's round 1.
        let next = first(Level::Province, date(2027, 10, 30));
        assert_eq!((next.round, next.held_before), (1, date(2028, 6, 30)));
        // Central: before 30/01 round 2 (before 30/3); then round 1 (before 30/9).
        assert_eq!(first(Level::Central, date(2027, 1, 29)).round, 2);
        let central = first(Level::Central, date(2027, 1, 30));
        assert_eq!((central.round, central.held_before), (1, date(2027, 9, 30)));
        let late = first(Level::Central, date(2027, 7, 30));
        assert_eq!((late.round, late.held_before), (2, date(2028, 3, 30)));
    }

    #[test]
    fn years_under_rules_without_rounds_have_no_calendar() {
        assert!(matches!(
            calendar(Catalog::bundled(), 2025, None, None),
            Err(CalendarError::NoRounds { .. })
        ));
        assert_eq!(
            calendar(Catalog::bundled(), 2018, None, None),
            Err(CalendarError::NoRubric(2018))
        );
    }

    #[test]
    fn the_year_out_of_range_is_the_one_that_is() {
        assert_eq!(
            calendar(Catalog::bundled(), 10000, None, None),
            Err(CalendarError::OutOfRange(10000))
        );
        // The first round after 31/12/9999 would be held in 10000.
        assert_eq!(
            calendar(Catalog::bundled(), 9999, None, Some(date(9999, 12, 31))),
            Err(CalendarError::OutOfRange(10000))
        );
        let problem = CalendarError::NoRubric(2018).as_problem(Lang::Vi);
        assert_eq!(problem.path.to_string(), "/year");
    }
}
