//! One criterion's options: points, star marks, text run on from the next row, cases, and the
//! comparison with a cross-check transcription.

use std::collections::HashMap;

use ocop_core::decimal;
use ocop_core::rubric::source::{CaseSource, OptionSource};
use rust_decimal::Decimal;

use super::SetConversion;
use super::errata::Place;
use crate::correction::{Defect, Fix, Text};
use crate::reference;
use crate::text::{points, split_star, text, without_subtotal_blank, without_unit};

impl SetConversion<'_, '_> {
    /// Text printed after an option that ran on into it (a note, or the next case's label):
    /// each is checked against the end of the option's text, recorded, and handed back.
    pub(super) fn run_ons(&mut self, criterion: &reference::Criterion, code: &str) -> RunOns {
        let fixes = self.converter.take_all(self.number, |fix| match fix {
            Fix::NoteInOption {
                criterion,
                option,
                note,
            } if *criterion == code => Some((*option, *note, false)),
            Fix::CaseInOption {
                criterion,
                option,
                label,
            } if *criterion == code => Some((*option, *label, true)),
            _ => None,
        });
        let mut run_ons = RunOns::default();
        for (correction, (number, tail, is_case)) in fixes {
            let ends_with_it = number
                .checked_sub(1)
                .and_then(|index| usize::try_from(index).ok())
                .and_then(|index| criterion.options.get(index))
                .is_some_and(|option| text(&option.text).ends_with(tail));
            if !ends_with_it {
                self.problems.push(format!(
                    "criterion {code} option {number}: the text does not end with {tail:?}"
                ));
                continue;
            }
            run_ons.cuts.push((number, tail));
            let encoded = if is_case {
                run_ons.case_from = Some((number, text(tail)));
                format!(
                    "label of the case that starts at option {} of criterion {code}",
                    number + 1
                )
            } else {
                run_ons.notes.push(text(tail));
                format!("note of criterion {code}")
            };
            self.record(Place::option(code, number), correction, encoded);
        }
        run_ons
    }

    pub(super) fn option(
        &mut self,
        code: &str,
        number: u32,
        option: &reference::OptionBox,
        cut: Option<&str>,
        knockout: &mut Option<String>,
    ) -> OptionSource {
        let option_points = self.option_points(code, number, option);
        let at = Place::option(code, number);
        let full = text(without_subtotal_blank(&option.text));
        let transcribed = cut
            .and_then(|tail| full.strip_suffix(tail))
            .map_or(full.as_str(), str::trim_end);

        let text_fix = self.converter.take(self.number, |fix| match fix {
            Fix::OptionStar {
                criterion, option, ..
            }
            | Fix::OptionWithNote {
                criterion, option, ..
            } if *criterion == code && *option == number => Some(fix),
            _ => None,
        });
        let (body, stars) = split_star(transcribed);
        let star = u8::try_from(stars).ok().filter(|stars| *stars > 0);
        let (body, star) = match text_fix {
            None if self.converter.layout.star_marks_in_text => {
                if star != option.min_star || body.contains('*') {
                    self.problems.push(format!(
                        "criterion {code} option {number}: star mark unclear in {:?} (transcriber read {:?})",
                        option.text, option.min_star
                    ));
                }
                (body, star)
            }
            None => {
                if transcribed.contains('*') {
                    self.problems.push(format!(
                        "criterion {code} option {number}: a star mark in the text {:?}",
                        option.text
                    ));
                }
                (text(transcribed), option.min_star)
            }
            Some((correction, fix)) => match *fix {
                Fix::OptionStar { star, .. } if option.text.contains(correction.printed) => {
                    let body = text(option.text.trim_end().trim_end_matches(['*', ' ']));
                    self.record(at.clone(), correction, format!("star {star}"));
                    (body, Some(star))
                }
                Fix::OptionWithNote {
                    text: own,
                    star,
                    knockout: note,
                    ..
                } if text(&option.text) == correction.printed => {
                    self.knockout(code, knockout, note.to_owned());
                    let encoded =
                        format!("option {own:?} (star {star:?}); knock-out note {note:?}");
                    self.record(at.clone(), correction, encoded);
                    (own.to_owned(), star)
                }
                _ => {
                    self.problems.push(format!(
                        "criterion {code} option {number}: correction expects {:?}, source prints {:?}",
                        correction.printed, option.text
                    ));
                    (body, star)
                }
            },
        };
        let body = self.wording_of(
            |at| matches!(at, Text::Option(criterion, option) if *criterion == code && *option == number),
            at,
            body,
        );
        self.compare_with_cross_check(
            code,
            number,
            Reading {
                points: option_points,
                star,
            },
        );
        OptionSource {
            text: body,
            points: option_points,
            star,
        }
    }

    /// An option's points: its cell, corrected, or kept unknown where a correction says the
    /// cell cannot be read.
    fn option_points(
        &mut self,
        code: &str,
        number: u32,
        option: &reference::OptionBox,
    ) -> Option<Decimal> {
        let raw = option.points_raw.as_deref().unwrap_or_default();
        let printed = without_unit(raw);
        let at = Place::option(code, number);
        let fixed = self.converter.take(self.number, |fix| match fix {
            Fix::OptionPoints {
                criterion,
                option,
                points,
            } if *criterion == code && *option == number => Some(Ok(*points)),
            Fix::Kept(defect @ Defect::UnreadablePoints { criterion, option })
                if *criterion == code && *option == number =>
            {
                Some(Err(defect))
            }
            _ => None,
        });
        match fixed {
            Some((correction, Ok(encoded))) if correction.printed == printed => {
                let encoded = points(encoded).unwrap_or_default();
                self.record(at, correction, decimal::format(encoded));
                Some(encoded)
            }
            Some((correction, Err(defect)))
                if correction.printed == printed && points(raw).is_none() =>
            {
                self.push_erratum(
                    at,
                    correction.printed,
                    correction.reason,
                    "points null: unreadable, so the option cannot be ticked".to_owned(),
                    Some(defect.problem()),
                );
                None
            }
            Some((correction, _)) => {
                self.problems.push(format!(
                    "criterion {code} option {number}: correction expects {:?}, source prints {raw:?}",
                    correction.printed
                ));
                None
            }
            None => Some(points(raw).unwrap_or_else(|| {
                self.problems.push(format!(
                    "criterion {code} option {number}: unreadable points {raw:?}"
                ));
                Decimal::ZERO
            })),
        }
    }

    /// Compares an option with the cross-check's reading of it: a difference must be recorded.
    fn compare_with_cross_check(&mut self, code: &str, number: u32, ours: Reading) {
        let Some(readings) = &self.cross_check else {
            return;
        };
        let theirs = readings.get(&(code.to_owned(), number)).copied();
        let recorded = self.converter.take(self.number, |fix| match fix {
            Fix::CrossCheck { criterion, option } if *criterion == code && *option == number => {
                Some(())
            }
            _ => None,
        });
        match (theirs, recorded) {
            (Some(theirs), None) if theirs == ours => {}
            (Some(theirs), Some((correction, ()))) if theirs != ours => {
                let encoded = format!("{ours}, as in the main transcription");
                self.record(Place::option(code, number), correction, encoded);
            }
            (Some(theirs), _) => self.problems.push(format!(
                "criterion {code} option {number}: the cross-check reads {theirs}, this transcription {ours}"
            )),
            (None, _) => self.problems.push(format!(
                "criterion {code} option {number}: missing from the cross-check"
            )),
        }
    }

    /// Groups a cased criterion's options by case, in printed order. The sheets print one
    /// maximum per criterion; a case whose options stop below it keeps its best option as its own
    /// maximum (QĐ 1048, 3.2 b: a one-member company, private enterprise or household earns at
    /// most 1 of 2 points), since that is all the case offers.
    /// `case_from` is a case label that ran on into an option's text: the options after that
    /// one belong to it.
    pub(super) fn cases(
        &mut self,
        code: &str,
        criterion: &reference::Criterion,
        max: Decimal,
        options: Vec<OptionSource>,
        case_from: Option<(u32, String)>,
    ) -> Vec<CaseSource> {
        let mut cases: Vec<CaseSource> = Vec::new();
        for ((raw, option), number) in criterion.options.iter().zip(options).zip(1..) {
            let label = match &case_from {
                Some((after, label)) if number > *after => Some(label.clone()),
                _ => raw.case.as_deref().map(text),
            };
            let Some(label) = label else {
                self.problems
                    .push(format!("criterion {code}: an option outside every case"));
                continue;
            };
            match cases.last_mut() {
                Some(case) if case.label == label => case.options.push(option),
                _ => {
                    if cases.iter().any(|case| case.label == label) {
                        self.problems.push(format!(
                            "criterion {code}: case {label:?} printed in two places"
                        ));
                    }
                    cases.push(CaseSource {
                        label,
                        max: None,
                        options: vec![option],
                    });
                }
            }
        }
        for case in &mut cases {
            let best = case.options.iter().filter_map(|option| option.points).max();
            case.max = best.filter(|best| *best < max);
        }
        cases
    }
}

/// Text that ran on into a criterion's options, found by corrections.
#[derive(Default)]
pub(super) struct RunOns {
    /// Option number, and the text to cut off its end.
    cuts: Vec<(u32, &'static str)>,
    /// Notes to give to the criterion.
    pub(super) notes: Vec<String>,
    /// A case label, and the option after which its case starts.
    pub(super) case_from: Option<(u32, String)>,
}

impl RunOns {
    pub(super) fn cut(&self, number: u32) -> Option<&'static str> {
        self.cuts
            .iter()
            .find(|(option, _)| *option == number)
            .map(|(_, tail)| *tail)
    }
}

/// An option as a transcription reads it: its points and its star mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reading {
    points: Option<Decimal>,
    star: Option<u8>,
}

impl std::fmt::Display for Reading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.points {
            Some(points) if points == Decimal::ONE => write!(f, "1 point")?,
            Some(points) => write!(f, "{} points", decimal::format(points))?,
            None => write!(f, "unreadable points")?,
        }
        match self.star {
            Some(star) => write!(f, ", star mark {}", "*".repeat(usize::from(star))),
            None => write!(f, ", no star mark"),
        }
    }
}

/// Every option of a sheet as the transcription reads it, by criterion code and option number.
pub(super) fn readings(sheet: &reference::Sheet) -> HashMap<(String, u32), Reading> {
    fn visit(criterion: &reference::Criterion, out: &mut HashMap<(String, u32), Reading>) {
        for (option, number) in criterion.options.iter().zip(1..) {
            let reading = Reading {
                points: option.points_raw.as_deref().and_then(points),
                star: option.min_star,
            };
            out.insert((criterion.code.clone(), number), reading);
        }
        for child in criterion.children.iter().flatten() {
            visit(child, out);
        }
    }
    let mut out = HashMap::new();
    for criterion in sheet
        .parts
        .iter()
        .flat_map(|part| &part.groups)
        .flat_map(|group| &group.criteria)
    {
        visit(criterion, &mut out);
    }
    out
}
