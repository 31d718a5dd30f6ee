//! Differences between two rubrics or two revisions of one: what an official must review before
//! a new or corrected rubric is used, and what `rescore` carries answers across.
//!
//! Criteria are matched by code and wording first, then by wording alone (a criterion whose code
//! changed: instruments renumber), then by code alone (a criterion renamed); each pair says how it
//! matched. Names are compared ignoring case, spacing and trailing punctuation.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::decimal::Exact;
use crate::rubric::{Catalog, Criterion, LeafRef, LoadedSet, ProductSet, RubricError, Stars};

/// How two criteria were matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// Same code, same wording.
    CodeAndWording,
    /// Same code, different wording.
    Code,
    /// Different code, same wording.
    Wording,
}

/// A value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Change<T> {
    /// In the old rubric.
    pub old: T,
    /// In the new rubric.
    pub new: T,
}

/// What changed in one option (by its number in printed order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct OptionChange {
    /// Option number.
    pub number: u32,
    /// Text change, if any (`null` on a side where the option does not exist).
    pub text: Option<Change<Option<String>>>,
    /// Points change, if any.
    pub points: Option<Change<Option<Exact>>>,
    /// Star mark change, if any.
    pub star: Option<Change<Option<Stars>>>,
}

/// A star gate of a criterion, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct GateSummary {
    /// The star level.
    pub level: Stars,
    /// The marked option, if the mark is on an option.
    pub option: Option<u32>,
    /// The points required (strictly above them for a heading mark).
    pub points: Exact,
}

/// Two criteria matched across the rubrics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MatchedCriterion {
    /// Code in the old rubric.
    pub old_code: String,
    /// Code in the new rubric.
    pub new_code: String,
    /// How they were matched.
    pub matched_by: MatchedBy,
    /// The name, when it changed.
    pub renamed: Option<Change<String>>,
    /// The maximum, when it changed.
    pub max: Option<Change<Exact>>,
    /// Options that changed.
    pub options: Vec<OptionChange>,
    /// The gates, when they changed.
    pub gates: Option<Change<Vec<GateSummary>>>,
}

impl MatchedCriterion {
    /// Whether anything differs.
    pub fn changed(&self) -> bool {
        self.matched_by != MatchedBy::CodeAndWording
            || self.max.is_some()
            || !self.options.is_empty()
            || self.gates.is_some()
    }
}

/// A criterion on one side only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LoneCriterion {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Maximum.
    pub max: Exact,
}

/// One product set present in both rubrics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SetDiff {
    /// Number.
    pub number: u8,
    /// Name, when it changed.
    pub renamed: Option<Change<String>>,
    /// Part maxima that changed.
    pub parts: Vec<Change<(String, Exact)>>,
    /// Criteria only in the new rubric.
    pub added: Vec<LoneCriterion>,
    /// Criteria only in the old rubric.
    pub removed: Vec<LoneCriterion>,
    /// Criteria in both that differ (renamed, recoded, re-pointed or re-gated).
    pub changed: Vec<MatchedCriterion>,
    /// Criteria in both that are identical.
    pub unchanged: usize,
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Side {
    /// Rubric identifier.
    pub id: String,
    /// Data revision.
    pub revision: u32,
}

/// Everything that differs between two rubrics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RubricDiff {
    /// The old rubric.
    pub old: Side,
    /// The new rubric.
    pub new: Side,
    /// Part maxima of the instruments that changed.
    pub parts: Vec<Change<(String, Exact)>>,
    /// Star bands whose lower end changed: (stars, from).
    pub bands: Vec<Change<(Stars, Exact)>>,
    /// Product sets only in the new rubric.
    pub sets_added: Vec<u8>,
    /// Product sets only in the old rubric.
    pub sets_removed: Vec<u8>,
    /// Product sets in both.
    pub sets: Vec<SetDiff>,
}

/// Compares two rubrics of a catalog (`id` or `id@revision`), all sets or one.
pub fn diff(
    catalog: &Catalog,
    old: &str,
    new: &str,
    only: Option<u8>,
) -> Result<RubricDiff, RubricError> {
    diff_catalogs(catalog, old, catalog, new, only)
}

/// Compares a rubric of one catalog with a rubric of another (e.g. a corrected folder on disk).
pub fn diff_catalogs(
    old_catalog: &Catalog,
    old: &str,
    new_catalog: &Catalog,
    new: &str,
    only: Option<u8>,
) -> Result<RubricDiff, RubricError> {
    let old_instrument = old_catalog.instrument(old)?;
    let new_instrument = new_catalog.instrument(new)?;
    let numbers = |instrument: &crate::rubric::Instrument| -> Vec<u8> {
        instrument
            .product_sets
            .iter()
            .map(|entry| entry.number)
            .filter(|number| only.is_none_or(|n| n == *number))
            .collect()
    };
    let (old_sets, new_sets) = (numbers(old_instrument), numbers(new_instrument));
    let mut sets = Vec::new();
    for number in old_sets.iter().filter(|number| new_sets.contains(number)) {
        let before = old_catalog.product_set_of(old_instrument, *number)?;
        let after = new_catalog.product_set_of(new_instrument, *number)?;
        sets.push(set_diff(&before, &after));
    }
    let part_pairs = old_instrument.parts.iter().zip(&new_instrument.parts);
    Ok(RubricDiff {
        old: Side {
            id: old_instrument.id.clone(),
            revision: old_instrument.revision,
        },
        new: Side {
            id: new_instrument.id.clone(),
            revision: new_instrument.revision,
        },
        parts: part_pairs
            .filter(|(old, new)| old.max != new.max)
            .map(|(old, new)| Change {
                old: (old.code.as_str().to_owned(), Exact(old.max)),
                new: (new.code.as_str().to_owned(), Exact(new.max)),
            })
            .collect(),
        bands: old_instrument
            .star_bands
            .iter()
            .zip(&new_instrument.star_bands)
            .filter(|(old, new)| old.from != new.from)
            .map(|(old, new)| Change {
                old: (old.stars, Exact(old.from)),
                new: (new.stars, Exact(new.from)),
            })
            .collect(),
        sets_added: new_sets
            .iter()
            .copied()
            .filter(|number| !old_sets.contains(number))
            .collect(),
        sets_removed: old_sets
            .iter()
            .copied()
            .filter(|number| !new_sets.contains(number))
            .collect(),
        sets,
    })
}

fn set_diff(old: &LoadedSet, new: &LoadedSet) -> SetDiff {
    let pairs = match_criteria(old.set, new.set);
    let mut changed = Vec::new();
    let mut unchanged = 0;
    for pair in &pairs.matched {
        let matched = compare(old.set, pair.old, new.set, pair.new, pair.by);
        if matched.changed() {
            changed.push(matched);
        } else {
            unchanged += 1;
        }
    }
    let lone = |leaf: &LeafRef<'_>| LoneCriterion {
        code: leaf.criterion.code.clone(),
        name: leaf.criterion.name.clone(),
        max: Exact(leaf.criterion.max),
    };
    SetDiff {
        number: new.set.number,
        renamed: (old.set.name != new.set.name).then(|| Change {
            old: old.set.name.clone(),
            new: new.set.name.clone(),
        }),
        parts: old
            .set
            .parts
            .iter()
            .zip(&new.set.parts)
            .filter(|(old, new)| old.max != new.max)
            .map(|(old, new)| Change {
                old: (old.code.as_str().to_owned(), Exact(old.max)),
                new: (new.code.as_str().to_owned(), Exact(new.max)),
            })
            .collect(),
        added: pairs.added.iter().map(lone).collect(),
        removed: pairs.removed.iter().map(lone).collect(),
        changed,
        unchanged,
    }
}

/// A pair of matched criteria.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pair<'o, 'n> {
    pub(crate) old: &'o Criterion,
    pub(crate) new: &'n Criterion,
    pub(crate) by: MatchedBy,
}

/// The criteria of two sets, matched.
pub(crate) struct Matching<'o, 'n> {
    pub(crate) matched: Vec<Pair<'o, 'n>>,
    pub(crate) added: Vec<LeafRef<'n>>,
    pub(crate) removed: Vec<LeafRef<'o>>,
}

/// Whether an old and a new criterion match in one round of [`match_criteria`].
type CriterionTest = fn(&Criterion, &Criterion) -> bool;

/// Matches answerable criteria: same code and wording first, then the same wording under
/// another code (criteria renumbered between instruments), then the same code with new wording.
pub(crate) fn match_criteria<'o, 'n>(old: &'o ProductSet, new: &'n ProductSet) -> Matching<'o, 'n> {
    let mut unmatched_old: Vec<LeafRef<'o>> = old.leaves().collect();
    let mut unmatched_new: Vec<LeafRef<'n>> = new.leaves().collect();
    let mut matched = Vec::new();
    let rounds: [(MatchedBy, CriterionTest); 3] = [
        (MatchedBy::CodeAndWording, |old, new| {
            old.code == new.code && same_name(&old.name, &new.name)
        }),
        (MatchedBy::Wording, |old, new| {
            same_name(&old.name, &new.name)
        }),
        (MatchedBy::Code, |old, new| old.code == new.code),
    ];
    for (by, matches) in rounds {
        unmatched_new.retain(|leaf| {
            let found = unmatched_old
                .iter()
                .position(|candidate| matches(candidate.criterion, leaf.criterion));
            match found {
                Some(index) => {
                    let candidate = unmatched_old.remove(index);
                    matched.push(Pair {
                        old: candidate.criterion,
                        new: leaf.criterion,
                        by,
                    });
                    false
                }
                None => true,
            }
        });
    }
    // Report pairs in the new rubric's printed order.
    let position = |code: &str| {
        new.leaves()
            .position(|leaf| leaf.criterion.code == code)
            .unwrap_or(usize::MAX)
    };
    matched.sort_by_key(|pair| position(&pair.new.code));
    Matching {
        matched,
        added: unmatched_new,
        removed: unmatched_old,
    }
}

/// Whether two texts say the same, ignoring case, spacing and trailing punctuation.
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    normalized(a) == normalized(b)
}

/// Whether two criterion names are the same, one possibly adding a parenthetical explanation
/// ("Năng lực sản xuất …" and "Năng lực sản xuất … (Khả năng sản xuất …)").
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (normalized(a), normalized(b));
    let explains = |short: &str, long: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| rest.starts_with(" ("))
    };
    a == b || explains(&a, &b) || explains(&b, &a)
}

fn normalized(text: &str) -> String {
    let words: Vec<String> = text
        .replace('…', "...")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    words
        .join(" ")
        .trim_end_matches(['.', ';', ':', ','])
        .to_owned()
}

fn gates_of(set: &ProductSet, code: &str) -> Vec<GateSummary> {
    set.gates
        .iter()
        .filter(|gate| gate.criterion == code)
        .map(|gate| {
            let (option, points, _) = gate.requirement.marked();
            GateSummary {
                level: gate.level,
                option,
                points: Exact(points),
            }
        })
        .collect()
}

fn compare(
    old_set: &ProductSet,
    old: &Criterion,
    new_set: &ProductSet,
    new: &Criterion,
    by: MatchedBy,
) -> MatchedCriterion {
    let count = old.options().len().max(new.options().len());
    let options = (1..=u32::try_from(count).unwrap_or(u32::MAX))
        .filter_map(|number| {
            let (before, after) = (old.option(number), new.option(number));
            let text = Change {
                old: before.map(|o| o.text.clone()),
                new: after.map(|o| o.text.clone()),
            };
            let points = Change {
                old: before.and_then(|o| o.points).map(Exact),
                new: after.and_then(|o| o.points).map(Exact),
            };
            let star = Change {
                old: before.and_then(|o| o.star),
                new: after.and_then(|o| o.star),
            };
            let text_differs = match (&text.old, &text.new) {
                (Some(a), Some(b)) => !same_words(a, b),
                (a, b) => a != b,
            };
            let change = OptionChange {
                number,
                text: text_differs.then_some(text),
                points: (points.old != points.new).then_some(points),
                star: (star.old != star.new).then_some(star),
            };
            (change.text.is_some() || change.points.is_some() || change.star.is_some())
                .then_some(change)
        })
        .collect();
    let (old_gates, new_gates) = (gates_of(old_set, &old.code), gates_of(new_set, &new.code));
    MatchedCriterion {
        old_code: old.code.clone(),
        new_code: new.code.clone(),
        matched_by: by,
        renamed: (!same_name(&old.name, &new.name)).then(|| Change {
            old: old.name.clone(),
            new: new.name.clone(),
        }),
        max: (old.max != new.max).then_some(Change {
            old: Exact(old.max),
            new: Exact(new.max),
        }),
        options,
        gates: (old_gates != new_gates).then_some(Change {
            old: old_gates,
            new: new_gates,
        }),
    }
}

/// Counts of a diff, for summaries.
pub fn totals(diff: &RubricDiff) -> BTreeMap<&'static str, usize> {
    let mut totals = BTreeMap::new();
    totals.insert("sets_added", diff.sets_added.len());
    totals.insert("sets_removed", diff.sets_removed.len());
    totals.insert(
        "criteria_added",
        diff.sets.iter().map(|set| set.added.len()).sum(),
    );
    totals.insert(
        "criteria_removed",
        diff.sets.iter().map(|set| set.removed.len()).sum(),
    );
    totals.insert(
        "criteria_changed",
        diff.sets.iter().map(|set| set.changed.len()).sum(),
    );
    totals.insert(
        "criteria_unchanged",
        diff.sets.iter().map(|set| set.unchanged).sum(),
    );
    totals
}
