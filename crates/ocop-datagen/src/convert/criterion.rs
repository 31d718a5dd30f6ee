//! One criterion: its points, code, notes and the rules lifted out of them.

use std::collections::HashSet;

use ocop_core::decimal;
use ocop_core::rubric::source::{
    ApplicabilitySource, CriterionKind, CriterionSource, OptionSource,
};
use rust_decimal::Decimal;

use super::errata::{Found, Place};
use super::{Own, SetConversion};
use crate::correction::{Defect, Fix, Text};
use crate::notes::{NoteRole, StopScope, classify};
use crate::reference;
use crate::text::{points, text, without_unit};

impl SetConversion<'_, '_> {
    /// Converts a criterion; `own` is set when the criterion is the group itself, `above` holds
    /// the criteria printed before it in its group. Stop-rule notes are handed back in `stops`
    /// (scope, criterion code, note) for the group to resolve.
    pub(super) fn criterion(
        &mut self,
        criterion: &reference::Criterion,
        own: Option<&Own>,
        above: &[reference::Criterion],
        case_labels: &HashSet<String>,
        stops: &mut Vec<(StopScope, String, String)>,
    ) -> CriterionSource {
        let code = self.code(criterion);
        let code = code.as_str();
        let max = self.criterion_max(criterion, code, own.and_then(|own| own.max));
        let name = match own {
            Some(own) if own.transcribed == text(&criterion.name) => own.name.clone(),
            _ => self.wording_of(
                |at| matches!(at, Text::Criterion(criterion) if *criterion == code),
                Place::criterion(code),
                text(&criterion.name),
            ),
        };

        let mut raw_notes: Vec<String> = criterion
            .notes
            .iter()
            .map(|note| text(note))
            .filter(|note| !case_labels.contains(note))
            .collect();
        raw_notes.extend(self.restored_notes(criterion, code));
        let run_ons = self.run_ons(criterion, code);
        raw_notes.extend(run_ons.notes.iter().cloned());
        self.wording_in(
            |at| matches!(at, Text::CriterionNote(criterion) if *criterion == code),
            &Place::criterion(code),
            &mut raw_notes,
        );
        let mut notes = Vec::new();
        let mut knockout = None;
        let mut applies_when = None;
        for note in raw_notes {
            match classify(&note) {
                NoteRole::Knockout => self.knockout(code, &mut knockout, note),
                NoteRole::StoryApplicability => applies_when = self.story_rule(code, above, note),
                NoteRole::StopRule(scope) => stops.push((scope, code.to_owned(), note)),
                NoteRole::Plain => notes.push(note),
            }
        }

        let mut source = CriterionSource {
            code: code.to_owned(),
            name,
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
                .map(|child| self.criterion(child, None, &[], case_labels, stops))
                .collect();
            return source;
        }
        if criterion.options.is_empty() {
            // Printed without boxes: the criterion is met (full points) or not.
            source.kind = CriterionKind::YesNo;
            self.push_erratum(
                Place::criterion(code),
                &format!("{} ({} điểm), không có ô lựa chọn", source.name, decimal::format(max)),
                "The criterion is printed with no options; it is scored as met (all its points) or not met (0).",
                "yes_no: true = full points, false = 0".to_owned(),
                None,
            );
            return source;
        }
        source.heading_star = self.heading_star(criterion, &source);
        let options: Vec<OptionSource> = criterion
            .options
            .iter()
            .zip(1..)
            .map(|(option, number)| {
                let cut = run_ons.cut(number);
                self.option(code, number, option, cut, &mut source.knockout)
            })
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
            source.cases = self.cases(code, criterion, max, options, run_ons.case_from);
        } else {
            source.options = options;
        }
        self.check_reachable(&source);
        source
    }

    /// The criterion's code, with a code correction applied.
    fn code(&mut self, criterion: &reference::Criterion) -> String {
        let name = text(&criterion.name);
        let fixed = self.converter.take(self.number, |fix| match fix {
            Fix::CriterionCode {
                criterion: printed,
                name: wanted,
                code,
            } if *printed == criterion.code && *wanted == name => Some(*code),
            _ => None,
        });
        match fixed {
            Some((correction, code)) => {
                self.record(Place::criterion(code), correction, code.to_owned());
                code.to_owned()
            }
            None => criterion.code.clone(),
        }
    }

    /// The criterion's points: its cell, corrected where a correction says so, or the points of
    /// the group it stands for.
    fn criterion_max(
        &mut self,
        criterion: &reference::Criterion,
        code: &str,
        group_max: Option<Decimal>,
    ) -> Decimal {
        let raw = criterion
            .max_raw
            .clone()
            .unwrap_or_else(|| criterion.max.map(|m| m.to_string()).unwrap_or_default());
        let fixed = self.converter.take(self.number, |fix| match fix {
            Fix::CriterionMax { criterion, max } if *criterion == code => Some(*max),
            _ => None,
        });
        match fixed {
            Some((correction, max)) if correction.printed == without_unit(&raw) => {
                let max = points(max).unwrap_or_default();
                self.record(Place::criterion(code), correction, decimal::format(max));
                return max;
            }
            Some((correction, _)) => self.problems.push(format!(
                "criterion {code}: correction expects {:?}, source prints {raw:?}",
                correction.printed
            )),
            None => {}
        }
        points(&raw).or(group_max).unwrap_or_else(|| {
            self.problems
                .push(format!("criterion {code}: unreadable points cell {raw:?}"));
            Decimal::ZERO
        })
    }

    /// Notes that belong to this criterion but that the transcription placed among the sheet's
    /// notes, kept only in a remark on an option, or dropped. Each is found before it is used.
    fn restored_notes(&mut self, criterion: &reference::Criterion, code: &str) -> Vec<String> {
        let fixes = self.converter.take_all(self.number, |fix| match fix {
            Fix::NoteOf {
                criterion: wanted,
                note,
            } if *wanted == code => Some(*note),
            _ => None,
        });
        let mut restored = Vec::new();
        for (correction, note) in fixes {
            let footnote = self
                .footnotes
                .iter()
                .position(|footnote| footnote == note)
                .filter(|index| !self.moved.contains(index));
            let in_remark = criterion
                .options
                .iter()
                .filter_map(|option| option.flags.as_deref())
                .any(|flags| flags.contains(note));
            let in_full_text = self
                .converter
                .witness
                .is_some_and(|witness| witness.contains(note));
            if let Some(index) = footnote {
                self.moved.insert(index);
            } else if !in_remark && !in_full_text {
                self.problems.push(format!(
                    "criterion {code}: the note {note:?} is nowhere in the source"
                ));
                continue;
            }
            let role = match classify(note) {
                NoteRole::Knockout => "knock-out",
                NoteRole::StopRule(_) => "stop rule",
                NoteRole::StoryApplicability => "applicability",
                NoteRole::Plain => "note",
            };
            self.record(
                Place::criterion(code),
                correction,
                format!("{role} of criterion {code}"),
            );
            restored.push(text(note));
        }
        restored
    }

    /// A star mark the transcriber read on the criterion's heading ("Sở hữu trí tuệ****" in QĐ
    /// 148), recorded in the remarks on its options.
    fn heading_star(
        &mut self,
        criterion: &reference::Criterion,
        source: &CriterionSource,
    ) -> Option<u8> {
        const REMARK: &str = "criterion heading itself marked ";
        let stars = criterion
            .options
            .iter()
            .filter_map(|option| option.flags.as_deref())
            .find_map(|flags| {
                let (_, after) = flags.split_once(REMARK)?;
                Some(after.chars().take_while(|c| *c == '*').count())
            })?;
        let star = u8::try_from(stars)
            .ok()
            .filter(|star| (3..=5).contains(star));
        match star {
            Some(star) => self.push_erratum(
                Place::criterion(&source.code),
                &format!("{}{}", source.name, "*".repeat(stars)),
                "The star mark is printed on the criterion's heading, not on an option: the criterion must score above zero for that star level (either option meets it).",
                format!("heading_star: {star}"),
                None,
            ),
            None => self.problems.push(format!(
                "criterion {}: unreadable heading mark ({stars} stars)",
                source.code
            )),
        }
        star
    }

    /// Records a criterion whose best answer is below its printed maximum, which a correction
    /// must keep on purpose; cases are exempt, since each case keeps its own maximum.
    fn check_reachable(&mut self, source: &CriterionSource) {
        let attainable = match source.kind {
            CriterionKind::Choice => source.options.iter().filter_map(|o| o.points).max(),
            CriterionKind::Additive => Some(source.options.iter().filter_map(|o| o.points).sum()),
            _ => return,
        }
        .unwrap_or_default();
        let code = source.code.as_str();
        let found = (attainable < source.max).then(|| Found {
            defect: format!(
                "the options reach {}, the criterion prints {}",
                decimal::format(attainable),
                decimal::format(source.max)
            ),
            encoded: format!(
                "maximum kept at {} points as printed; the best option is worth {}",
                decimal::format(source.max),
                decimal::format(attainable)
            ),
        });
        self.kept_defect(
            Place::criterion(code),
            found,
            |defect| matches!(defect, Defect::MaxUnreachable { criterion } if *criterion == code),
        );
    }

    pub(super) fn knockout(&mut self, code: &str, slot: &mut Option<String>, note: String) {
        if slot.is_some() {
            self.problems
                .push(format!("criterion {code}: two knock-out notes"));
        }
        *slot = Some(note);
    }

    /// "Chỉ áp dụng khi có câu chuyện (sản phẩm)": the nearest criterion above with a
    /// "Không có câu chuyện …" option must not be answered with it.
    fn story_rule(
        &mut self,
        code: &str,
        above: &[reference::Criterion],
        note: String,
    ) -> Option<ApplicabilitySource> {
        let story = above.iter().rev().find_map(|story| {
            let unless: Vec<u32> = story
                .options
                .iter()
                .zip(1..)
                .filter(|(option, _)| option.text.trim().starts_with("Không có câu chuyện"))
                .map(|(_, number)| number)
                .collect();
            (!unless.is_empty()).then(|| (story.code.clone(), unless))
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
}
