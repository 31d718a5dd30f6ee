//! The exact search: one choice per unit, the points gained at least a deficit, the lexicographic
//! objective (cost, criteria changed, points gained) as small as possible.
//!
//! It is a multiple-choice covering knapsack solved by dynamic programming over the exact sums
//! of points gained. `tables[i]` maps every sum the units `i..` can gain to the best
//! (cost, criteria changed) reaching exactly that sum, and how many choices reach it. Both parts
//! of the objective add up over units, so a best plan's choices for units `i..` are a best way to
//! reach their own sum: the tables lose no optimum. The best plan is then the best entry of
//! `tables[0]` whose sum covers the deficit (fewest points gained breaking the last tie), and
//! every plan tied with it is found by walking forward through the tables, keeping at each unit
//! only the choices whose remainder is itself optimal. Sums are exact decimals, so halves and a
//! council's means are never rounded; the number of distinct sums is bounded by the points a
//! sheet has, which keeps the tables small.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// One choice a unit may make, reduced to what the objective needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Move {
    /// Points gained (negative if the choice loses points).
    pub(super) gain: Decimal,
    /// Its cost.
    pub(super) cost: Decimal,
    /// Criteria it changes.
    pub(super) changed: u32,
}

/// The best (cost, criteria changed) for a sum, and how many choices reach it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Best {
    cost: Decimal,
    changed: u32,
    ways: u64,
}

/// The plans found: the choice index per unit for each tied plan, in a fixed order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    /// Total cost, criteria changed and points gained of every plan listed.
    pub(super) cost: Decimal,
    /// Criteria changed.
    pub(super) changed: u32,
    /// Points gained.
    pub(super) gain: Decimal,
    /// Up to the limit asked for: per unit, the index of its choice.
    pub(super) plans: Vec<Vec<usize>>,
    /// How many plans tie (saturating).
    pub(super) tied: u64,
}

/// Finds the best plans: `units[i]` lists the choices unit `i` may make (every unit must make
/// exactly one); the points gained must reach `deficit`. `None` when no choice covers it.
pub(super) fn search(units: &[Vec<Move>], deficit: Decimal, limit: usize) -> Option<Found> {
    let tables = tables(units);
    let first = tables.first()?;
    let (gain, best) =
        first
            .iter()
            .filter(|(sum, _)| **sum >= deficit)
            .min_by(|(a_sum, a), (b_sum, b)| {
                (a.cost, a.changed, **a_sum).cmp(&(b.cost, b.changed, **b_sum))
            })?;
    let mut plans = Vec::new();
    let mut path = Vec::with_capacity(units.len());
    walk(
        units,
        &tables,
        0,
        (*gain, best.cost, best.changed),
        &mut path,
        &mut plans,
        limit,
    );
    Some(Found {
        cost: best.cost,
        changed: best.changed,
        gain: *gain,
        plans,
        tied: best.ways,
    })
}

/// `tables[i]`: for units `i..`, each reachable sum with its best (cost, changed).
fn tables(units: &[Vec<Move>]) -> Vec<BTreeMap<Decimal, Best>> {
    let empty = BTreeMap::from([(
        Decimal::ZERO,
        Best {
            cost: Decimal::ZERO,
            changed: 0,
            ways: 1,
        },
    )]);
    let mut tables = vec![empty];
    for moves in units.iter().rev() {
        let mut table: BTreeMap<Decimal, Best> = BTreeMap::new();
        if let Some(after) = tables.last() {
            for (sum, best) in after {
                for step in moves {
                    let candidate = Best {
                        // Points and costs are bounded (rubric maxima, `MAX_COST`): exact sums.
                        cost: best.cost + step.cost,
                        changed: best.changed + step.changed,
                        ways: best.ways,
                    };
                    let entry = table.entry(*sum + step.gain).or_insert(Best {
                        ways: 0,
                        ..candidate
                    });
                    match (candidate.cost, candidate.changed).cmp(&(entry.cost, entry.changed)) {
                        std::cmp::Ordering::Less => *entry = candidate,
                        std::cmp::Ordering::Equal => {
                            entry.ways = entry.ways.saturating_add(candidate.ways);
                        }
                        std::cmp::Ordering::Greater => {}
                    }
                }
            }
        }
        tables.push(table);
    }
    tables.reverse();
    tables
}

/// Lists up to `limit` plans reaching exactly `(sum, cost, changed)` with units `at..`, in order
/// of the units' choices.
fn walk(
    units: &[Vec<Move>],
    tables: &[BTreeMap<Decimal, Best>],
    at: usize,
    (sum, cost, changed): (Decimal, Decimal, u32),
    path: &mut Vec<usize>,
    plans: &mut Vec<Vec<usize>>,
    limit: usize,
) {
    let (Some(moves), Some(rest)) = (units.get(at), tables.get(at + 1)) else {
        plans.push(path.clone());
        return;
    };
    for (index, step) in moves.iter().enumerate() {
        if plans.len() >= limit {
            return;
        }
        let Some(remaining) = changed.checked_sub(step.changed) else {
            continue;
        };
        let wanted = (sum - step.gain, cost - step.cost, remaining);
        let optimal = rest
            .get(&wanted.0)
            .is_some_and(|best| (best.cost, best.changed) == (wanted.1, wanted.2));
        if optimal {
            path.push(index);
            walk(units, tables, at + 1, wanted, path, plans, limit);
            path.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(gain: i64, changed: u32) -> Move {
        Move {
            gain: Decimal::from(gain),
            cost: Decimal::ZERO,
            changed,
        }
    }

    #[test]
    fn the_fewest_changes_win_then_the_fewest_points() {
        // Unit 0 can gain 3 (one change); unit 1 can gain 1 or 2 (one change each).
        let units = vec![
            vec![step(3, 1), step(0, 0)],
            vec![step(1, 1), step(2, 1), step(0, 0)],
        ];
        let found = search(&units, Decimal::from(2), 5).unwrap();
        assert_eq!((found.changed, found.gain), (1, Decimal::from(2)));
        assert_eq!(found.plans, vec![vec![1, 1]]);
        let found = search(&units, Decimal::from(4), 5).unwrap();
        assert_eq!((found.changed, found.gain), (2, Decimal::from(4)));
        assert_eq!(found.plans, vec![vec![0, 0]]);
        assert!(search(&units, Decimal::from(6), 5).is_none());
    }

    #[test]
    fn ties_are_all_counted_and_listed_up_to_the_limit() {
        let units = vec![vec![step(1, 1), step(0, 0)]; 4];
        let found = search(&units, Decimal::ONE, 3).unwrap();
        assert_eq!(found.tied, 4);
        assert_eq!(
            found.plans,
            vec![vec![0, 1, 1, 1], vec![1, 0, 1, 1], vec![1, 1, 0, 1]]
        );
    }
}
