//! Recording errata, and applying wording corrections, which each become one.

use ocop_core::rubric::source::ErratumSource;

use super::SetConversion;
use crate::correction::{Correction, Defect, Fix, Text};

/// How an erratum names a cell the source leaves blank.
const BLANK_CELL: &str = "(ô điểm để trống)";

impl SetConversion<'_, '_> {
    /// Records a correction as an erratum at `at`, with what the data encodes.
    pub(super) fn record(&mut self, at: Place, correction: &Correction, encoded: String) {
        self.push_erratum(at, correction.printed, correction.reason, encoded, None);
    }

    /// Records an erratum; `accepted_defect` names the validation problem it keeps as printed.
    pub(super) fn push_erratum(
        &mut self,
        at: Place,
        printed: &str,
        reason: &str,
        encoded: String,
        accepted_defect: Option<&str>,
    ) {
        self.errata.push(ErratumSource {
            part: at.part,
            group: at.group,
            criterion: at.criterion,
            option: at.option,
            printed: if printed.is_empty() {
                BLANK_CELL.to_owned()
            } else {
                printed.to_owned()
            },
            encoded,
            reason: reason.to_owned(),
            accepted_defect: accepted_defect.map(str::to_owned),
        });
    }

    /// Settles a defect of the source that only a `Fix::Kept` correction may keep, picked by
    /// `is_it`: a defect found here and kept by a correction is recorded as an erratum that names
    /// the validation problem it raises; a defect without its correction, or a correction whose
    /// defect is not there, is an anomaly.
    pub(super) fn kept_defect(
        &mut self,
        at: Place,
        found: Option<Found>,
        is_it: impl Fn(&Defect) -> bool,
    ) {
        let kept = self.converter.take(self.number, |fix| match fix {
            Fix::Kept(defect) if is_it(defect) => Some(defect),
            _ => None,
        });
        match (kept, found) {
            (Some((correction, defect)), Some(found)) => self.push_erratum(
                at,
                correction.printed,
                correction.reason,
                found.encoded,
                Some(defect.problem()),
            ),
            (Some((_, defect)), None) => self.problems.push(format!(
                "{at}: a correction keeps a {} defect the source does not have",
                defect.problem()
            )),
            (None, Some(found)) => self.problems.push(format!("{at}: {}", found.defect)),
            (None, None) => {}
        }
    }

    /// Applies the wording corrections of one text; each erratum shows the text as encoded.
    pub(super) fn wording_of(
        &mut self,
        is_here: impl Fn(&Text) -> bool,
        at: Place,
        raw: String,
    ) -> String {
        let mut texts = [raw];
        self.wording_in(is_here, &at, &mut texts);
        let [text] = texts;
        text
    }

    /// Applies the wording corrections of a list of texts (a criterion's notes): each must find
    /// its printed words exactly once in exactly one of them.
    pub(super) fn wording_in(
        &mut self,
        is_here: impl Fn(&Text) -> bool,
        at: &Place,
        texts: &mut [String],
    ) {
        let fixes = self.converter.take_all(self.number, |fix| match fix {
            Fix::Wording { at, encoded } if is_here(at) => Some(*encoded),
            _ => None,
        });
        let mut changed = Vec::new();
        for (correction, encoded) in fixes {
            let mut found = texts
                .iter()
                .enumerate()
                .filter(|(_, text)| text.contains(correction.printed));
            match (found.next(), found.next()) {
                (Some((index, text)), None) if text.matches(correction.printed).count() == 1 => {
                    if let Some(text) = texts.get_mut(index) {
                        *text = text.replacen(correction.printed, encoded, 1);
                    }
                    changed.push((index, correction));
                }
                _ => self.problems.push(format!(
                    "{at}: {:?} is not printed exactly once",
                    correction.printed
                )),
            }
        }
        for (index, correction) in changed {
            let encoded = texts.get(index).cloned().unwrap_or_default();
            self.record(at.clone(), correction, encoded);
        }
    }
}

/// A defect of the source, found while converting.
pub(super) struct Found {
    /// What is wrong, for the anomaly reported when no correction keeps it.
    pub(super) defect: String,
    /// What the data encodes when a correction keeps it.
    pub(super) encoded: String,
}

/// Where an erratum applies; nothing named means the sheet itself (its name or notes).
#[derive(Debug, Clone, Default)]
pub(super) struct Place {
    part: Option<String>,
    group: Option<String>,
    criterion: Option<String>,
    option: Option<u32>,
}

impl Place {
    pub(super) fn part(code: &str) -> Self {
        Self {
            part: Some(code.to_owned()),
            ..Self::default()
        }
    }

    pub(super) fn group(code: &str) -> Self {
        Self {
            group: Some(code.to_owned()),
            ..Self::default()
        }
    }

    pub(super) fn criterion(code: &str) -> Self {
        Self {
            criterion: Some(code.to_owned()),
            ..Self::default()
        }
    }

    pub(super) fn option(criterion: &str, option: u32) -> Self {
        Self {
            criterion: Some(criterion.to_owned()),
            option: Some(option),
            ..Self::default()
        }
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.part, &self.group, &self.criterion, self.option) {
            (_, _, Some(criterion), Some(option)) => {
                write!(f, "criterion {criterion} option {option}")
            }
            (_, _, Some(criterion), None) => write!(f, "criterion {criterion}"),
            (_, Some(group), None, _) => write!(f, "group {group}"),
            (Some(part), None, None, _) => write!(f, "part {part}"),
            (None, None, None, _) => write!(f, "the sheet"),
        }
    }
}
