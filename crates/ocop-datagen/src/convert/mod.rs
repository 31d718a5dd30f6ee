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

use errata::Place;
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
    /// A converter for one instrument.
    pub fn new(rubric: &'a str, layout: Layout, corrections: &'a [Correction]) -> Self {
        Self {
            rubric,
            layout,
            corrections,
            witness: None,
            cross_check: None,
            used: HashSet::new(),
        }
    }

    /// Checks notes restored from outside the transcription against the instrument's full text.
    pub fn with_witness(mut self, full_text: &'a str) -> Self {
        self.witness = Some(full_text);
        self
    }

    /// Compares every option of the sets an independent transcription covers: each difference
    /// in points or star mark must be recorded by a correction.
    pub fn with_cross_check(mut self, transcription: &'a reference::Transcription) -> Self {
        self.cross_check = Some(transcription);
        self
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
        footnotes
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
        let kept = self.converter.take(self.number, |fix| match fix {
            Fix::Kept(defect @ Defect::PartSum { part }) if *part == code => Some(defect),
            _ => None,
        });
        match kept {
            Some((correction, defect)) if sum != max => {
                let encoded = format!(
                    "part {code} kept at {} points as printed; its groups sum to {}",
                    decimal::format(max),
                    decimal::format(sum)
                );
                self.push_erratum(
                    Place::part(code),
                    correction.printed,
                    correction.reason,
                    encoded,
                    Some(defect.problem()),
                );
            }
            Some(_) => self.problems.push(format!(
                "part {code}: a kept sum defect, but the groups add up"
            )),
            None if sum != max => self.problems.push(format!(
                "part {code}: groups sum to {}, the part prints {}",
                decimal::format(sum),
                decimal::format(max)
            )),
            None => {}
        }
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
