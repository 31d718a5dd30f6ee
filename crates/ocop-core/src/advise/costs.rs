//! What improving each criterion costs (months, money, effort: any one unit), so that the
//! planner minimises the total cost instead of the number of criteria changed.
//!
//! A cost file is one JSON object, criterion code → cost as a decimal string:
//!
//! ```json
//! { "1.5": "2", "6.3": "0.5", "*": "1" }
//! ```
//!
//! `"*"` is the cost of every criterion not listed. Without it, a criterion left out of the file
//! is one the producer cannot improve, and no plan changes it.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::decimal::parse_plain;
use crate::json::{Document, JsonPath, Value, type_name};
use crate::rubric::ProductSet;
use crate::sheet::{InputProblem, InputProblemKind, InputProblems, Reader, unknown_code};

/// The key giving the cost of every criterion the file does not list.
pub const DEFAULT_KEY: &str = "*";

/// The largest cost accepted, 10¹⁵. With at most this many whole units and
/// [`MAX_COST_DECIMALS`] decimals, the sum over every criterion of a sheet fits a decimal
/// exactly, so total costs are never rounded.
pub const MAX_COST: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// The most decimals a cost may have.
pub const MAX_COST_DECIMALS: u32 = 6;

/// The cost of improving each criterion of one product set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CostMap {
    costs: HashMap<String, Decimal>,
    default: Option<Decimal>,
}

impl CostMap {
    /// Reads a cost file's text, reporting every problem with its line and column: malformed
    /// JSON, a cost that is not a decimal string, one too large or too precise, an unknown
    /// criterion code, a key given twice.
    pub fn parse(set: &ProductSet, text: &str) -> Result<CostMap, InputProblems> {
        let document = Document::parse(text).map_err(InputProblem::syntax)?;
        let mut reader = Reader::new(&document);
        let mut entries = Vec::new();
        for (code, value, path) in reader.entries(document.root(), JsonPath::root(), "costs") {
            match value {
                Value::StringLit(text) => {
                    let offset = Some(reader.offset_of(value));
                    entries.push((code.into_owned(), text.value.to_string(), path, offset));
                }
                other => {
                    let kind = InputProblemKind::WrongType {
                        field: code.into_owned(),
                        expected: "a decimal string such as \"2.5\"".to_owned(),
                        found: type_name(other).to_owned(),
                    };
                    reader.problem(path, other, kind);
                }
            }
        }
        let mut problems = std::mem::take(&mut reader.problems);
        let checked = check(set, entries);
        match checked {
            Ok(costs) if problems.is_empty() => Ok(costs),
            checked => {
                if let Err(found) = checked {
                    problems.append(found);
                }
                problems.locate(text);
                Err(problems)
            }
        }
    }

    /// Costs given directly (for programs and tests), checked like a file's: code → cost, with
    /// [`DEFAULT_KEY`] for every criterion not listed.
    pub fn from_pairs(
        set: &ProductSet,
        pairs: impl IntoIterator<Item = (String, Decimal)>,
    ) -> Result<CostMap, InputProblems> {
        let entries = pairs.into_iter().map(|(code, cost)| {
            let path = JsonPath::root().key(code.as_str());
            (code, cost.to_string(), path, None)
        });
        check(set, entries)
    }

    /// The cost of improving a criterion; `None` when it cannot be improved.
    pub fn cost(&self, code: &str) -> Option<Decimal> {
        self.costs.get(code).copied().or(self.default)
    }
}

/// Checks entries (code, cost as written, path, byte offset of the value).
fn check(
    set: &ProductSet,
    entries: impl IntoIterator<Item = (String, String, JsonPath, Option<usize>)>,
) -> Result<CostMap, InputProblems> {
    let mut costs = CostMap::default();
    let mut problems = InputProblems::default();
    for (code, text, path, offset) in entries {
        let invalid = |detail: String| InputProblemKind::InvalidValue {
            field: code.clone(),
            detail,
        };
        let cost = match parse_plain(&text) {
            None => Err(invalid(format!(
                "\"{text}\" is not a cost: write digits with an optional fraction, e.g. \"2.5\""
            ))),
            Some(cost) if cost > MAX_COST => Err(invalid(format!(
                "{text} is above the largest cost accepted ({MAX_COST})"
            ))),
            Some(cost) if cost.normalize().scale() > MAX_COST_DECIMALS => Err(invalid(format!(
                "{text} has more than {MAX_COST_DECIMALS} decimals"
            ))),
            Some(cost) => Ok(cost),
        };
        let target = if code == DEFAULT_KEY {
            Ok(None)
        } else if set.leaf(&code).is_some() {
            Ok(Some(code.clone()))
        } else {
            Err(unknown_code(set, &code))
        };
        match (target, cost) {
            (Ok(None), Ok(cost)) => costs.default = Some(cost),
            (Ok(Some(code)), Ok(cost)) => {
                costs.costs.insert(code, cost);
            }
            (Err(kind), _) | (Ok(_), Err(kind)) => problems.push_at((path, offset, kind)),
        }
    }
    if problems.is_empty() {
        Ok(costs)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::Catalog;

    fn set() -> &'static ProductSet {
        Catalog::bundled().product_set("qd26-2026", 10).unwrap().set
    }

    #[test]
    fn the_largest_cost_is_ten_to_the_fifteenth() {
        assert_eq!(MAX_COST, Decimal::from(1_000_000_000_000_000_i64));
    }

    #[test]
    fn costs_are_read_with_a_default() {
        let costs = CostMap::parse(set(), r#"{"1.5": "2", "6.3": "0.5", "*": "1"}"#).unwrap();
        assert_eq!(costs.cost("6.3"), Some(Decimal::new(5, 1)));
        assert_eq!(costs.cost("7"), Some(Decimal::ONE));
        let costs = CostMap::parse(set(), r#"{"1.5": "2"}"#).unwrap();
        assert_eq!(
            costs.cost("7"),
            None,
            "not listed and no default: not improvable"
        );
    }

    #[test]
    fn every_bad_entry_is_reported_with_its_place() {
        let text = "{\"1.5\": \"2000000000000000.5\",\n \"6.3\": \"0.0000001\", \"6\": \"1\",\n \"6.3\": \"1\"}";
        let problems = CostMap::parse(set(), text).unwrap_err();
        let found: Vec<(String, usize)> = problems
            .listed()
            .iter()
            .map(|problem| {
                (
                    problem.kind.name().to_owned(),
                    problem.position.unwrap().line,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("duplicate_key".to_owned(), 3),
                ("invalid_value".to_owned(), 1),
                ("invalid_value".to_owned(), 2),
                ("unknown_criterion".to_owned(), 2),
            ]
        );
    }
}
