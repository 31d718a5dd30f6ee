//! Turns one reference sheet into a product set file.
//!
//! The wording is carried over verbatim (NFC). Everything the engine treats as a rule (star
//! marks, knock-outs, the stop rule, applicability, alternative cases) is lifted out of the prose
//! into structured fields. Every departure from what the source prints, and every defect of the
//! source kept as printed, must be listed in the instrument's corrections: an anomaly without a
//! correction, or a correction whose anomaly is no longer there, stops the conversion.

use std::collections::{HashMap, HashSet};

use anyhow::{Context, Result, anyhow, bail};
use ocop_core::decimal;
use ocop_core::rubric::source::{
    CriterionKind, CriterionSource, ErratumSource, FORMAT_VERSION, GroupSource, PartSource,
    ProductSetSource, StopRuleSource,
};
use rust_decimal::Decimal;

use crate::correction::{Correction, Defect, Fix, Text};
use crate::notes::StopScope;
use crate::reference;
use crate::text::{heading_points, points, text};

mod criterion;
mod errata;
mod option;

use errata::{Found, Place};
use option::{Reading, readings};

/// How an instrument's sheets are printed, where instruments differ.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Whether a group heading over numbered criteria prints its points. QĐ 1048 prints none:
    /// such a group's maximum is the sum of its criteria, and a blank cell is expected.
    pub group_points_printed: bool,
    /// Whether star marks stand in the option text (`…***`, cross-checked with the
    /// transcriber's reading `min_star`), or were recorded by the transcriber only.
    pub star_marks_in_text: bool,
}

/// Converts sheets with one instrument's corrections.
pub struct Converter<'a> {
    rubric: &'a str,
    layout: Layout,
    corrections: &'a [Correction],
    /// The instrument's full text, against which restored notes are checked.
    witness: Option<&'a str>,
    /// An independent transcription of some sets, compared option by option.
    cross_check: Option<&'a reference::Transcription>,
    used: HashSet<usize>,
}

impl<'a> Converter<'a> {
    /// A converter for one instrument. `witness` is the instrument's full text: notes restored
    /// from outside the transcription are checked against it. `cross_check` is an independent
    /// transcription of some sets: every option of those sets is compared with it, and each
    /// difference in points or star mark must be recorded by a correction.
    pub fn new(
        rubric: &'a str,
        layout: Layout,
        corrections: &'a [Correction],
        witness: Option<&'a str>,
        cross_check: Option<&'a reference::Transcription>,
    ) -> Self {
        Self {
            rubric,
            layout,
            corrections,
            witness,
            cross_check,
            used: HashSet::new(),
        }
    }

    /// Fails if a correction found nothing to correct: the source changed and a person must look.
    pub fn finish(self) -> Result<()> {
        let unused: Vec<String> = self
            .corrections
            .iter()
            .enumerate()
            .filter(|(index, _)| !self.used.contains(index))
            .map(|(_, correction)| format!("set {}: {:?}", correction.set, correction.fix))
            .collect();
        if unused.is_empty() {
            Ok(())
        } else {
            bail!(
                "corrections that matched nothing in the source:\n  {}",
                unused.join("\n  ")
            )
        }
    }

    /// Converts one sheet.
    pub fn sheet(&mut self, sheet: &reference::Sheet) -> Result<ProductSetSource> {
        let number = sheet
            .set_no
            .get()
            .ok_or_else(|| anyhow!("a sheet has no set number"))?;
        let name = sheet
            .set_name_heading
            .as_deref()
            .or(sheet.set_name_toc.as_deref())
            .ok_or_else(|| anyhow!("set {number} has no name"))?;
        let cross_check = self
            .cross_check
            .and_then(|other| {
                other
                    .sheets
                    .iter()
                    .find(|sheet| sheet.set_no.get() == Some(number))
            })
            .map(readings);
        let mut set = SetConversion {
            converter: self,
            number,
            cross_check,
            footnotes: sheet.footnotes.iter().map(|note| text(note)).collect(),
            moved: HashSet::new(),
            stop_rules: Vec::new(),
            errata: Vec::new(),
            problems: Vec::new(),
        };
        let name = set.wording_of(
            |at| matches!(at, Text::SetName),
            Place::default(),
            text(name),
        );
        let parts: Vec<PartSource> = sheet.parts.iter().map(|part| set.part(part)).collect();
        set.misprinted_boxes(&parts);
        let footnotes = set.remaining_footnotes();
        let SetConversion {
            stop_rules,
            errata,
            problems,
            ..
        } = set;
        if !problems.is_empty() {
            bail!(
                "set {number} has anomalies without a correction:\n  {}",
                problems.join("\n  ")
            );
        }
        Ok(ProductSetSource {
            format: FORMAT_VERSION,
            rubric: self.rubric.to_owned(),
            number,
            name,
            classification: sheet.classification.as_deref().map(text),
            provenance: None,
            dossier_rule: sheet.disqualifier.as_deref().map(text),
            footnotes,
            parts,
            stop_rules,
            errata,
        })
    }

    /// Takes every correction of a set that `pick` accepts, in listed order, marking them used,
    /// with what `pick` extracted from each.
    fn take_all<T>(
        &mut self,
        set: u8,
        pick: impl Fn(&'a Fix) -> Option<T>,
    ) -> Vec<(&'a Correction, T)> {
        let corrections = self.corrections;
        let taken: Vec<(usize, &'a Correction, T)> = corrections
            .iter()
            .enumerate()
            .filter(|(_, correction)| correction.set == set)
            .filter_map(|(index, correction)| Some((index, correction, pick(&correction.fix)?)))
            .collect();
        taken
            .into_iter()
            .map(|(index, correction, picked)| {
                self.used.insert(index);
                (correction, picked)
            })
            .collect()
    }

    /// Takes the first correction of a set that `pick` accepts.
    fn take<T>(
        &mut self,
        set: u8,
        pick: impl Fn(&'a Fix) -> Option<T>,
    ) -> Option<(&'a Correction, T)> {
        let (index, correction, picked) = self
            .corrections
            .iter()
            .enumerate()
            .filter(|(_, correction)| correction.set == set)
            .find_map(|(index, correction)| Some((index, correction, pick(&correction.fix)?)))?;
        self.used.insert(index);
        Some((correction, picked))
    }
}

/// The state of one sheet's conversion.
struct SetConversion<'c, 'a> {
    converter: &'c mut Converter<'a>,
    number: u8,
    /// The cross-check's reading of each option of this set, if it covers the set.
    cross_check: Option<HashMap<(String, u32), Reading>>,
    /// The notes under the sheet, as transcribed.
    footnotes: Vec<String>,
    /// Footnotes that belong to a criterion and were moved there.
    moved: HashSet<usize>,
    stop_rules: Vec<StopRuleSource>,
    errata: Vec<ErratumSource>,
    problems: Vec<String>,
}

impl SetConversion<'_, '_> {
    /// The footnotes not moved to a criterion, with their wording corrections.
    fn remaining_footnotes(&mut self) -> Vec<String> {
        let mut footnotes: Vec<String> = std::mem::take(&mut self.footnotes)
            .into_iter()
            .enumerate()
            .filter(|(index, _)| !self.moved.contains(index))
            .map(|(_, note)| note)
            .collect();
        self.wording_in(
            |at| matches!(at, Text::Footnote),
            &Place::default(),
            &mut footnotes,
        );
        let restored = self.converter.take_all(self.number, |fix| match fix {
            Fix::FootnoteFromFullText { after } => Some(*after),
            _ => None,
        });
        for (correction, after) in restored {
            let position = footnotes.iter().position(|note| note == after);
            match position {
                Some(index) if self.in_full_text(correction.printed) => {
                    footnotes.insert(index + 1, text(correction.printed));
                    self.record(
                        Place::default(),
                        correction,
                        format!("note under the sheet, after {after:?}"),
                    );
                }
                Some(_) => self.problems.push(format!(
                    "the note {:?} is not in the full text",
                    correction.printed
                )),
                None => self.problems.push(format!(
                    "no note {after:?} under the sheet to restore {:?} after",
                    correction.printed
                )),
            }
        }
        footnotes
    }

    /// Whether the instrument's full text prints `words` (line breaks and runs of spaces count
    /// as one space).
    fn in_full_text(&self, words: &str) -> bool {
        let collapse = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.converter
            .witness
            .is_some_and(|witness| collapse(witness).contains(&collapse(words)))
    }

    /// Records the options whose □ the decision prints as another character, once each is found
    /// in the set and in the full text.
    fn misprinted_boxes(&mut self, parts: &[PartSource]) {
        let misprints = self.converter.take_all(self.number, |fix| match fix {
            Fix::BoxPrintedAs { criterion, option } => Some((*criterion, *option)),
            _ => None,
        });
        for (correction, (code, option)) in misprints {
            let found = parts
                .iter()
                .flat_map(|part| &part.groups)
                .flat_map(|group| &group.criteria)
                .find(|criterion| criterion.code == code)
                .and_then(|criterion| {
                    let index = usize::try_from(option).ok()?.checked_sub(1)?;
                    criterion.options.get(index)
                });
            match found {
                Some(found) if self.in_full_text(correction.printed) => {
                    let encoded = format!("□ {}", found.text);
                    self.record(Place::option(code, option), correction, encoded);
                }
                _ => self.problems.push(format!(
                    "criterion {code} option {option}: {:?} is not found",
                    correction.printed
                )),
            }
        }
    }

    fn part(&mut self, part: &reference::Part) -> PartSource {
        let code = part.part.as_str();
        let title = self.wording_of(
            |at| matches!(at, Text::Part(part) if *part == code),
            Place::part(code),
            text(&part.title),
        );
        let printed = heading_points(&title);
        let raw = part.max_raw.as_deref().unwrap_or_default();
        let max = match (points(raw), printed) {
            // QĐ 1048 prints a part's points in its heading only.
            (None, Some(printed)) if raw.trim().is_empty() => printed,
            (Some(max), Some(printed)) if printed != max => {
                self.part_heading(code, printed, max);
                max
            }
            (Some(max), _) => max,
            (None, _) => {
                self.problems
                    .push(format!("part {code}: unreadable points cell {raw:?}"));
                Decimal::ZERO
            }
        };
        let groups: Vec<GroupSource> = part.groups.iter().map(|group| self.group(group)).collect();
        let sum: Decimal = groups.iter().map(|group| group.max).sum();
        let found = (sum != max).then(|| Found {
            defect: format!(
                "groups sum to {}, the part prints {}",
                decimal::format(sum),
                decimal::format(max)
            ),
            encoded: format!(
                "part {code} kept at {} points as printed; its groups sum to {}",
                decimal::format(max),
                decimal::format(sum)
            ),
        });
        self.kept_defect(
            Place::part(code),
            found,
            |defect| matches!(defect, Defect::PartSum { part } if *part == code),
        );
        PartSource {
            code: code.to_owned(),
            title,
            max,
            groups,
        }
    }

    fn part_heading(&mut self, code: &str, printed: Decimal, max: Decimal) {
        let picked = self.converter.take(self.number, |fix| match fix {
            Fix::PartHeading { part } if *part == code => Some(()),
            _ => None,
        });
        match picked {
            Some((correction, ()))
                if correction.printed == format!("({} Điểm)", decimal::format(printed)) =>
            {
                self.record(Place::part(code), correction, decimal::format(max));
            }
            _ => self.problems.push(format!(
                "part {code}: heading says {} points, cell says {}",
                decimal::format(printed),
                decimal::format(max)
            )),
        }
    }

    fn group(&mut self, group: &reference::Group) -> GroupSource {
        let code = group.code.as_str();
        let raw = group.max_raw.as_deref().unwrap_or_default();
        let corrected = self.converter.take(self.number, |fix| match fix {
            Fix::GroupMax { group, max } if *group == code => Some(*max),
            _ => None,
        });
        let printed = match (points(raw), corrected) {
            (None, Some((correction, max))) if correction.printed == raw => {
                let max = points(max).unwrap_or_default();
                self.record(Place::group(code), correction, decimal::format(max));
                Some(max)
            }
            (Some(max), None) => Some(max),
            (_, Some((correction, _))) => {
                self.problems.push(format!(
                    "group {code}: correction expects {:?}, source prints {raw:?}",
                    correction.printed
                ));
                None
            }
            (None, None) => None,
        };
        let is_own_criterion = group
            .criteria
            .iter()
            .any(|criterion| criterion.code == code);
        let sum_of_criteria = printed.is_none()
            && raw.trim().is_empty()
            && !self.converter.layout.group_points_printed
            && !is_own_criterion;
        if printed.is_none() && !sum_of_criteria {
            self.problems
                .push(format!("group {code}: unreadable points cell {raw:?}"));
        }
        let name = self.wording_of(
            |at| matches!(at, Text::Group(group) if *group == code),
            Place::group(code),
            text(&group.name),
        );
        let case_labels: HashSet<String> = group
            .criteria
            .iter()
            .flat_map(|criterion| &criterion.options)
            .filter_map(|option| option.case.as_deref().map(text))
            .collect();
        let mut criteria: Vec<CriterionSource> = Vec::new();
        let mut leaves_above: Vec<String> = Vec::new();
        for (index, criterion) in group.criteria.iter().enumerate() {
            // A criterion printed as the group itself takes the group's points cell, and its
            // name with the group's wording corrections.
            let own = (criterion.code == code).then(|| Own {
                transcribed: text(&group.name),
                name: name.clone(),
                max: printed,
            });
            let above = group.criteria.get(..index).unwrap_or_default();
            let mut stops = Vec::new();
            let converted =
                self.criterion(criterion, own.as_ref(), above, &case_labels, &mut stops);
            match converted.kind {
                CriterionKind::Nested => {
                    leaves_above.extend(converted.children.iter().map(|child| child.code.clone()))
                }
                _ => leaves_above.push(converted.code.clone()),
            }
            for (scope, at, note) in stops {
                let covered = match scope {
                    StopScope::Above => leaves_above.clone(),
                    StopScope::Own => vec![at],
                };
                self.stop_rules.push(StopRuleSource {
                    criteria: covered,
                    printed: note,
                });
            }
            criteria.push(converted);
        }
        let max = printed.unwrap_or_else(|| {
            criteria
                .iter()
                .map(|criterion| criterion.max)
                .sum::<Decimal>()
        });
        GroupSource {
            code: code.to_owned(),
            name,
            max,
            notes: group
                .notes
                .iter()
                .map(|note| text(note))
                .filter(|note| !case_labels.contains(note))
                .collect(),
            criteria,
        }
    }
}

/// What a criterion printed as its group itself takes from the group.
struct Own {
    /// The group's name as transcribed.
    transcribed: String,
    /// The group's name as encoded.
    name: String,
    /// The group's points cell, when printed.
    max: Option<Decimal>,
}

/// Reads a transcription file.
pub fn read_transcription(path: &std::path::Path) -> Result<reference::Transcription> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const LAYOUT: Layout = Layout {
        group_points_printed: true,
        star_marks_in_text: true,
    };

    /// A one-criterion sheet whose criterion prints `max` points over options worth 0 and 5.
    fn sheet(max: &str) -> reference::Sheet {
        serde_json::from_value(json!({
            "set_no": 1,
            "set_name_heading": "Thử",
            "parts": [{
                "part": "A",
                "title": "SẢN PHẨM (5 Điểm)",
                "max_raw": "5",
                "groups": [{
                    "code": "1",
                    "name": "NHÓM",
                    "max_raw": max,
                    "criteria": [{
                        "code": "1.1",
                        "name": "Tiêu chí",
                        "max_raw": max,
                        "options": [
                            { "text": "Không", "points_raw": "0" },
                            { "text": "Có", "points_raw": "5" }
                        ]
                    }]
                }]
            }]
        }))
        .unwrap()
    }

    #[test]
    fn an_anomaly_without_a_correction_stops_the_conversion() {
        // The criterion prints 6 points, but its best option is worth 5; the part prints 5, its
        // group 6.
        let sheet = sheet("6");
        let error = Converter::new("test", LAYOUT, &[], None, None)
            .sheet(&sheet)
            .unwrap_err()
            .to_string();
        assert!(error.contains("anomalies without a correction"), "{error}");
        assert!(
            error.contains("criterion 1.1: the options reach 5"),
            "{error}"
        );
        assert!(error.contains("part A: groups sum to 6"), "{error}");

        // Kept on purpose by corrections, the same anomalies become errata.
        let corrections = [
            Correction {
                set: 1,
                fix: Fix::Kept(Defect::MaxUnreachable { criterion: "1.1" }),
                printed: "1.1 (6 Điểm)",
                reason: "kept",
            },
            Correction {
                set: 1,
                fix: Fix::Kept(Defect::PartSum { part: "A" }),
                printed: "(5 Điểm)",
                reason: "kept",
            },
        ];
        let mut converter = Converter::new("test", LAYOUT, &corrections, None, None);
        let set = converter.sheet(&sheet).unwrap();
        converter.finish().unwrap();
        let kept: Vec<_> = set
            .errata
            .iter()
            .map(|erratum| erratum.accepted_defect.as_deref())
            .collect();
        assert_eq!(kept, [Some("max_unreachable"), Some("sum_mismatch")]);
    }

    #[test]
    fn a_correction_that_matches_nothing_fails_at_the_end() {
        // A correction for a criterion the sheet does not have: nothing takes it.
        let corrections = [Correction {
            set: 1,
            fix: Fix::OptionPoints {
                criterion: "1.2",
                option: 2,
                points: "4",
            },
            printed: "6",
            reason: "the source no longer prints this",
        }];
        let mut converter = Converter::new("test", LAYOUT, &corrections, None, None);
        let set = converter.sheet(&sheet("5")).unwrap();
        assert!(set.errata.is_empty());
        let error = converter.finish().unwrap_err().to_string();
        assert!(
            error.contains("corrections that matched nothing in the source"),
            "{error}"
        );
        assert!(error.contains("set 1: OptionPoints"), "{error}");
    }
}
