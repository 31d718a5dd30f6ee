//! A plan's targets ("3 products recognised at province level this year"), and what the
//! register shows achieved against each.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::columns::Entry;
use crate::rubric::{Level, Stars};

/// One target of a plan: how many products recognised, where, in which year, with how many
/// stars. Every criterion given must hold; `count` is required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Products of this district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Products of this province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Products of this commune.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// Recognised in this year (the year of `decided_on`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i16>,
    /// With at least this many stars (default 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_stars: Option<Stars>,
    /// Recognised at this level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// How many products.
    pub count: u32,
}

/// A plan's targets: one target, or a list of them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Targets {
    /// One target.
    One(Target),
    /// Several.
    Many(Vec<Target>),
}

impl Targets {
    /// The targets as a list.
    pub fn into_vec(self) -> Vec<Target> {
        match self {
            Self::One(target) => vec![target],
            Self::Many(targets) => targets,
        }
    }
}

/// A target and what the register shows achieved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TargetReport {
    /// The target, as given.
    pub target: Target,
    /// Products that count towards it.
    pub achieved: u32,
    /// Whether `achieved` reaches `count`.
    pub met: bool,
    /// The rows of the products that count.
    pub rows: Vec<u64>,
}

fn same(wanted: &Option<String>, found: Option<&str>) -> bool {
    let fold = |text: &str| {
        text.nfc()
            .collect::<String>()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    match wanted {
        None => true,
        Some(wanted) => found.is_some_and(|found| fold(found) == fold(wanted)),
    }
}

impl Target {
    fn counts(&self, entry: &Entry) -> bool {
        same(&self.district, entry.district.as_deref())
            && same(&self.province, entry.province.as_deref())
            && same(&self.commune, Some(&entry.commune))
            && self.year.is_none_or(|year| entry.decided_on.year() == year)
            && entry.stars >= self.min_stars.unwrap_or(3)
            && self.level.is_none_or(|level| entry.level == Some(level))
    }
}

/// Each target with what the entries achieve.
pub(crate) fn report(targets: Vec<Target>, entries: &[Entry]) -> Vec<TargetReport> {
    targets
        .into_iter()
        .map(|target| {
            let rows: Vec<u64> = entries
                .iter()
                .filter(|entry| target.counts(entry))
                .map(|entry| entry.row)
                .collect();
            let achieved = u32::try_from(rows.len()).unwrap_or(u32::MAX);
            TargetReport {
                met: achieved >= target.count,
                achieved,
                target,
                rows,
            }
        })
        .collect()
}
