//! A plan's targets ("3 products recognised at province level this year"), and what the
//! register shows achieved against each.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::columns::{Entry, normalize};
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
    /// Reads a targets file: one target, or a list of them. What is wrong is said of the target
    /// itself (a field of the wrong type, unknown or missing), not as "no variant matched".
    pub fn from_json(text: &str) -> Result<Vec<Target>, serde_json::Error> {
        match serde_json::from_str(text)? {
            serde_json::Value::Array(targets) => {
                targets.into_iter().map(serde_json::from_value).collect()
            }
            target => serde_json::from_value(target).map(|target| vec![target]),
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
    match wanted {
        None => true,
        Some(wanted) => found.is_some_and(|found| normalize(found) == normalize(wanted)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_targets_file_holds_one_target_or_a_list_and_says_what_is_wrong() {
        let one = Targets::from_json(r#"{"district": "Lý Sơn", "count": 3}"#).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(
            one.first().and_then(|t| t.district.as_deref()),
            Some("Lý Sơn")
        );
        let many = Targets::from_json(r#"[{"count": 1}, {"year": 2026, "count": 2}]"#).unwrap();
        assert_eq!(many.len(), 2);
        let wrong = |text: &str| Targets::from_json(text).unwrap_err().to_string();
        assert!(wrong(r#"{"district": 5, "count": 1}"#).starts_with("invalid type: integer `5`"));
        assert!(wrong(r#"[{"count": 1, "colour": 1}]"#).starts_with("unknown field `colour`"));
        assert!(wrong(r#"{"district": "x"}"#).starts_with("missing field `count`"));
    }
}
