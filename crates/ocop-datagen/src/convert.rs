//! Turns one reference sheet into a product set file.
//!
//! The wording is carried over verbatim (NFC). Everything the engine treats as a rule (star
//! marks, knock-outs, the stop rule, applicability, alternative cases) is lifted out of the prose
//! into structured fields. Every departure from what the source prints must be listed in the
//! instrument's corrections: an anomaly without a correction, or a correction whose anomaly is
//! no longer there, stops the conversion.

use std::collections::HashSet;

use anyhow::{Context, Result, anyhow, bail};
use ocop_core::decimal;
use ocop_core::rubric::source::{
    ApplicabilitySource, CaseSource, CriterionKind, CriterionSource, ErratumSource, FORMAT_VERSION,
    GroupSource, OptionSource, PartSource, ProductSetSource, StopRuleSource,
};
use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

use crate::reference;

/// How an erratum names a cell the source leaves blank.
const BLANK_CELL: &str = "(ô điểm để trống)";

/// A departure from the printed source, with its justification.
#[derive(Debug)]
pub struct Correction {
    /// The product set.
    pub set: u8,
    /// What to change.
    pub fix: Fix,
    /// What the source prints there.
    pub printed: &'static str,
    /// Why the printed value cannot be used as is.
    pub reason: &'static str,
}

/// What a correction changes.
#[derive(Debug)]
pub enum Fix {
    /// An option's points cell.
    OptionPoints {
        /// Criterion code.
        criterion: &'static str,
        /// Option number in printed order.
        option: u32,
        /// Points to encode.
        points: &'static str,
    },
    /// A group's points cell; where the group is its own criterion, the criterion's too.
    GroupMax {
        /// Group code.
        group: &'static str,
        /// Points to encode.
        max: &'static str,
    },
    /// A part heading whose printed points disagree with its points cell; the cell is kept.
    PartHeading {
        /// Part code.
        part: &'static str,
    },
    /// A star mark printed in a form the transcription did not read.
    OptionStar {
        /// Criterion code.
        criterion: &'static str,
        /// Option number.
        option: u32,
        /// The mark to encode.
        star: u8,
    },
    /// An option whose text ran on into the criterion's knock-out note.
    OptionWithNote {
        /// Criterion code.
        criterion: &'static str,
        /// Option number.
        option: u32,
        /// The option's own text.
        text: &'static str,
        /// Its star mark.
        star: Option<u8>,
        /// The note, which becomes the criterion's knock-out.
        knockout: &'static str,
    },
}

/// What a note printed with a criterion means to the engine.
#[derive(Debug, PartialEq, Eq)]
enum NoteRole {
    /// The evaluator may find that the product is eliminated.
    Knockout,
    /// A zero on the criteria above ends the evaluation.
    StopRule,
    /// The criterion is scored only when a product story exists.
    StoryApplicability,
    /// Prose.
    Plain,
}

fn classify(note: &str) -> NoteRole {
    const STOP: &str = "Nếu được 0 điểm tại một trong các chỉ tiêu trên";
    const KNOCKOUT: [&str; 6] = [
        "Bị loại nếu",
        "sẽ không đánh giá các bước tiếp theo",
        "Không đánh giá các bước tiếp theo",
        "Không đánh giá những sản phẩm",
        "Không xem xét các chỉ tiêu khác",
        "sẽ bị loại",
    ];
    if note.contains(STOP) {
        NoteRole::StopRule
    } else if KNOCKOUT.iter().any(|phrase| note.contains(phrase)) {
        NoteRole::Knockout
    } else if note.contains("Chỉ áp dụng khi có câu chuyện sản phẩm") {
        NoteRole::StoryApplicability
    } else {
        NoteRole::Plain
    }
}

/// Normalizes text to NFC and trims it; the wording itself is untouched.
fn text(raw: &str) -> String {
    raw.nfc().collect::<String>().trim().to_owned()
}

/// Reads a points cell written as plain digits.
fn points(raw: &str) -> Option<Decimal> {
    decimal::parse_plain(raw.trim())
}

/// Splits trailing star marks off an option's text: `"…50%***"` → (`"…50%"`, 3).
fn split_star(raw: &str) -> (String, usize) {
    let trimmed = raw.trim_end();
    let without = trimmed.trim_end_matches('*');
    (text(without), trimmed.len() - without.len())
}

/// Converts sheets with one instrument's corrections.
pub struct Converter<'a> {
    rubric: &'a str,
    corrections: &'a [Correction],
    used: HashSet<usize>,
}

impl<'a> Converter<'a> {
    /// A converter for one instrument.
    pub fn new(rubric: &'a str, corrections: &'a [Correction]) -> Self {
        Self {
            rubric,
            corrections,
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
        let mut set = SetConversion {
            converter: self,
            number,
            errata: Vec::new(),
            problems: Vec::new(),
        };
        let parts: Vec<PartSource> = sheet.parts.iter().map(|part| set.part(part)).collect();
        let stop_rules = set.stop_rules(&sheet.parts, &parts);
        let SetConversion {
            errata, problems, ..
        } = set;
        if !problems.is_empty() {
            bail!(
                "set {number} has anomalies without a correction:\n  {}",
                problems.join("\n  ")
            );
        }
        let name = sheet
            .set_name_heading
            .as_deref()
            .or(sheet.set_name_toc.as_deref())
            .ok_or_else(|| anyhow!("set {number} has no name"))?;
        Ok(ProductSetSource {
            format: FORMAT_VERSION,
            rubric: self.rubric.to_owned(),
            number,
            name: text(name),
            classification: sheet.classification.as_deref().map(text),
            provenance: None,
            dossier_rule: sheet.disqualifier.as_deref().map(text),
            footnotes: sheet.footnotes.iter().map(|note| text(note)).collect(),
            parts,
            stop_rules,
            errata,
        })
    }

    /// Takes the first correction of a set that `pick` accepts, marking it used, with what `pick`
    /// extracted from it.
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
    errata: Vec<ErratumSource>,
    problems: Vec<String>,
}

impl SetConversion<'_, '_> {
    fn record(&mut self, at: Place, correction: &Correction, encoded: String) {
        self.errata.push(ErratumSource {
            part: at.part,
            group: at.group,
            criterion: at.criterion,
            option: at.option,
            printed: if correction.printed.is_empty() {
                BLANK_CELL.to_owned()
            } else {
                correction.printed.to_owned()
            },
            encoded,
            reason: correction.reason.to_owned(),
            accepted_defect: None,
        });
    }

    fn part(&mut self, part: &reference::Part) -> PartSource {
        let max = match part.max_raw.as_deref().and_then(points) {
            Some(max) => max,
            None => {
                self.problems.push(format!(
                    "part {}: unreadable points cell {:?}",
                    part.part, part.max_raw
                ));
                Decimal::ZERO
            }
        };
        let title = text(&part.title);
        if let Some(printed) = heading_points(&title).filter(|printed| *printed != max) {
            let code = part.part.clone();
            let picked = self.converter.take(self.number, |fix| match fix {
                Fix::PartHeading { part } if *part == code => Some(()),
                _ => None,
            });
            match picked {
                Some((correction, ()))
                    if correction.printed == format!("({} Điểm)", decimal::format(printed)) =>
                {
                    let encoded = decimal::format(max);
                    self.record(Place::part(&part.part), correction, encoded);
                }
                _ => self.problems.push(format!(
                    "part {}: heading says {} points, cell says {}",
                    part.part,
                    decimal::format(printed),
                    decimal::format(max)
                )),
            }
        }
        let groups = part.groups.iter().map(|group| self.group(group)).collect();
        PartSource {
            code: part.part.clone(),
            title,
            max,
            groups,
        }
    }

    fn group(&mut self, group: &reference::Group) -> GroupSource {
        let raw = group.max_raw.as_deref().unwrap_or_default();
        let corrected = self.converter.take(self.number, |fix| match fix {
            Fix::GroupMax { group: code, max } if *code == group.code => Some(*max),
            _ => None,
        });
        let max = match (points(raw), corrected) {
            (None, Some((correction, max))) if correction.printed == raw => {
                let max = points(max).unwrap_or_default();
                self.record(Place::group(&group.code), correction, decimal::format(max));
                Some(max)
            }
            (Some(max), None) => Some(max),
            _ => None,
        };
        let max = max.unwrap_or_else(|| {
            self.problems.push(format!(
                "group {}: unreadable points cell {raw:?}",
                group.code
            ));
            Decimal::ZERO
        });
        let case_labels: HashSet<String> = group
            .criteria
            .iter()
            .flat_map(|criterion| &criterion.options)
            .filter_map(|option| option.case.as_deref().map(text))
            .collect();
        let criteria = group
            .criteria
            .iter()
            .enumerate()
            .map(|(index, criterion)| {
                // A criterion printed as the group itself takes the group's points cell.
                let own_max = (criterion.code == group.code).then_some(max);
                let previous = index
                    .checked_sub(1)
                    .and_then(|previous| group.criteria.get(previous));
                self.criterion(criterion, own_max, previous, &case_labels)
            })
            .collect();
        GroupSource {
            code: group.code.clone(),
            name: text(&group.name),
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

    fn criterion(
        &mut self,
        criterion: &reference::Criterion,
        group_max: Option<Decimal>,
        previous: Option<&reference::Criterion>,
        case_labels: &HashSet<String>,
    ) -> CriterionSource {
        let code = criterion.code.as_str();
        let raw = criterion
            .max_raw
            .clone()
            .unwrap_or_else(|| criterion.max.map(|m| m.to_string()).unwrap_or_default());
        let max = points(&raw).or(group_max).unwrap_or_else(|| {
            self.problems
                .push(format!("criterion {code}: unreadable points cell {raw:?}"));
            Decimal::ZERO
        });

        let mut notes = Vec::new();
        let mut knockout = None;
        let mut applies_when = None;
        for note in criterion.notes.iter().map(|note| text(note)) {
            if case_labels.contains(&note) {
                continue;
            }
            match classify(&note) {
                NoteRole::Knockout => self.knockout(code, &mut knockout, note),
                NoteRole::StoryApplicability => {
                    applies_when = self.story_rule(code, previous, note)
                }
                // Stop rules are gathered per group in `stop_rules`.
                NoteRole::StopRule => {}
                NoteRole::Plain => notes.push(note),
            }
        }

        let mut source = CriterionSource {
            code: code.to_owned(),
            name: text(&criterion.name),
            max,
            kind: CriterionKind::Choice,
            options: Vec::new(),
            cases: Vec::new(),
            children: Vec::new(),
            notes,
            knockout,
            applies_when,
            heading_star: None,
        };
        if let Some(children) = criterion
            .children
            .as_ref()
            .filter(|children| !children.is_empty())
        {
            source.kind = CriterionKind::Nested;
            source.children = children
                .iter()
                .map(|child| self.criterion(child, None, None, case_labels))
                .collect();
            return source;
        }
        if criterion.options.is_empty() {
            // Printed without boxes: the criterion is met (full points) or not.
            source.kind = CriterionKind::YesNo;
            self.errata.push(ErratumSource {
                part: None,
                group: None,
                criterion: Some(code.to_owned()),
                option: None,
                printed: format!("{} ({} điểm), không có ô lựa chọn", source.name, decimal::format(max)),
                encoded: "yes_no: true = full points, false = 0".to_owned(),
                reason: "The criterion is printed with no options; it is scored as met (all its points) or not met (0)."
                    .to_owned(),
                accepted_defect: None,
            });
            return source;
        }
        let options: Vec<OptionSource> = criterion
            .options
            .iter()
            .zip(1..)
            .map(|(option, number)| self.option(code, number, option, &mut source.knockout))
            .collect();
        if criterion
            .scoring_mode
            .as_deref()
            .is_some_and(|mode| mode.starts_with("additive"))
        {
            source.kind = CriterionKind::Additive;
            source.options = options;
        } else if criterion.options.iter().any(|option| option.case.is_some()) {
            source.kind = CriterionKind::Cases;
            source.cases = self.cases(code, criterion, options);
        } else {
            source.options = options;
        }
        source
    }

    fn knockout(&mut self, code: &str, slot: &mut Option<String>, note: String) {
        if slot.is_some() {
            self.problems
                .push(format!("criterion {code}: two knock-out notes"));
        }
        *slot = Some(note);
    }

    /// "Chỉ áp dụng khi có câu chuyện sản phẩm": the criterion above must not be answered with its
    /// "Không có câu chuyện sản phẩm" option.
    fn story_rule(
        &mut self,
        code: &str,
        previous: Option<&reference::Criterion>,
        note: String,
    ) -> Option<ApplicabilitySource> {
        let story = previous.and_then(|previous| {
            let unless: Vec<u32> = previous
                .options
                .iter()
                .zip(1..)
                .filter(|(option, _)| option.text.trim().starts_with("Không có câu chuyện"))
                .map(|(_, number)| number)
                .collect();
            (!unless.is_empty()).then(|| (previous.code.clone(), unless))
        });
        match story {
            Some((criterion, unless)) => Some(ApplicabilitySource {
                criterion,
                unless,
                printed: note,
            }),
            None => {
                self.problems.push(format!(
                    "criterion {code}: no story criterion above to apply {note:?} to"
                ));
                None
            }
        }
    }

    fn option(
        &mut self,
        code: &str,
        number: u32,
        option: &reference::OptionBox,
        knockout: &mut Option<String>,
    ) -> OptionSource {
        let raw = option.points_raw.as_deref().unwrap_or_default();
        let number_matches = |criterion: &str, option: u32| criterion == code && option == number;
        let points_fix = self.converter.take(self.number, |fix| match fix {
            Fix::OptionPoints {
                criterion,
                option,
                points,
            } if number_matches(criterion, *option) => Some(*points),
            _ => None,
        });
        let option_points = match points_fix {
            Some((correction, encoded)) if correction.printed == raw => {
                let encoded = points(encoded).unwrap_or_default();
                self.record(
                    Place::option(code, number),
                    correction,
                    decimal::format(encoded),
                );
                encoded
            }
            Some((correction, _)) => {
                self.problems.push(format!(
                    "criterion {code} option {number}: correction expects {:?}, source prints {raw:?}",
                    correction.printed
                ));
                Decimal::ZERO
            }
            None => points(raw).unwrap_or_else(|| {
                self.problems.push(format!(
                    "criterion {code} option {number}: unreadable points {raw:?}"
                ));
                Decimal::ZERO
            }),
        };

        let text_fix = self.converter.take(self.number, |fix| match fix {
            Fix::OptionStar {
                criterion, option, ..
            }
            | Fix::OptionWithNote {
                criterion, option, ..
            } if number_matches(criterion, *option) => Some(fix),
            _ => None,
        });
        let (body, stars) = split_star(&option.text);
        let star = u8::try_from(stars).ok().filter(|stars| *stars > 0);
        match text_fix {
            None => {
                if star != option.min_star || body.contains('*') {
                    self.problems.push(format!(
                        "criterion {code} option {number}: star mark unclear in {:?} (transcriber read {:?})",
                        option.text, option.min_star
                    ));
                }
                OptionSource {
                    text: body,
                    points: Some(option_points),
                    star,
                }
            }
            Some((correction, fix)) => match *fix {
                Fix::OptionStar { star, .. } if option.text.contains(correction.printed) => {
                    let text = text(option.text.trim_end().trim_end_matches(['*', ' ']));
                    self.record(
                        Place::option(code, number),
                        correction,
                        format!("star {star}"),
                    );
                    OptionSource {
                        text,
                        points: Some(option_points),
                        star: Some(star),
                    }
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
                    self.record(Place::option(code, number), correction, encoded);
                    OptionSource {
                        text: own.to_owned(),
                        points: Some(option_points),
                        star,
                    }
                }
                _ => {
                    self.problems.push(format!(
                        "criterion {code} option {number}: correction expects {:?}, source prints {:?}",
                        correction.printed, option.text
                    ));
                    OptionSource {
                        text: body,
                        points: Some(option_points),
                        star,
                    }
                }
            },
        }
    }

    /// Groups a cased criterion's options by case, in printed order.
    fn cases(
        &mut self,
        code: &str,
        criterion: &reference::Criterion,
        options: Vec<OptionSource>,
    ) -> Vec<CaseSource> {
        let mut cases: Vec<CaseSource> = Vec::new();
        for (raw, option) in criterion.options.iter().zip(options) {
            let Some(label) = raw.case.as_deref().map(text) else {
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
        cases
    }

    /// Collects the stop rules: a note "Nếu được 0 điểm tại một trong các chỉ tiêu trên" covers
    /// the answerable criteria printed above it in its group, itself included.
    fn stop_rules(
        &mut self,
        reference: &[reference::Part],
        parts: &[PartSource],
    ) -> Vec<StopRuleSource> {
        let mut rules = Vec::new();
        for (reference_group, group) in reference
            .iter()
            .flat_map(|part| &part.groups)
            .zip(parts.iter().flat_map(|part| &part.groups))
        {
            let mut covered = Vec::new();
            for (reference_criterion, criterion) in
                reference_group.criteria.iter().zip(&group.criteria)
            {
                match criterion.kind {
                    CriterionKind::Nested => {
                        covered.extend(criterion.children.iter().map(|child| child.code.clone()))
                    }
                    _ => covered.push(criterion.code.clone()),
                }
                let notes = reference_group
                    .notes
                    .iter()
                    .chain(&reference_criterion.notes);
                for note in notes
                    .map(|note| text(note))
                    .filter(|note| classify(note) == NoteRole::StopRule)
                {
                    rules.push(StopRuleSource {
                        criteria: covered.clone(),
                        printed: note,
                    });
                }
            }
        }
        rules
    }
}

/// Where an erratum applies.
#[derive(Default)]
struct Place {
    part: Option<String>,
    group: Option<String>,
    criterion: Option<String>,
    option: Option<u32>,
}

impl Place {
    fn part(code: &str) -> Self {
        Self {
            part: Some(code.to_owned()),
            ..Self::default()
        }
    }

    fn group(code: &str) -> Self {
        Self {
            group: Some(code.to_owned()),
            ..Self::default()
        }
    }

    fn option(criterion: &str, option: u32) -> Self {
        Self {
            criterion: Some(criterion.to_owned()),
            option: Some(option),
            ..Self::default()
        }
    }
}

/// The points a part heading prints, e.g. 35 in "… (35 Điểm)".
fn heading_points(title: &str) -> Option<Decimal> {
    let (_, tail) = title.rsplit_once('(')?;
    let number = tail
        .strip_suffix(" Điểm)")
        .or_else(|| tail.strip_suffix(" điểm)"))?;
    points(number)
}

/// Reads a transcription file.
pub fn read_transcription(path: &std::path::Path) -> Result<reference::Transcription> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}
