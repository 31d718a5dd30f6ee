//! A council's members across a round: how lenient each is on average, and how far each sits
//! from the council's mean on each criterion. Built from the sessions' own analytics; like them,
//! it never touches an official result.

use rust_decimal::Decimal;

use super::CouncilResult;
use super::divide;

/// The members of a round's councils, compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panel {
    /// Every member id that counted in some session, in order of first appearance.
    pub members: Vec<String>,
    /// Each member's mean leniency over the sessions they counted in (same order).
    pub leniency: Vec<Decimal>,
    /// Criterion codes, in order of first appearance.
    pub criteria: Vec<String>,
    /// Per criterion, per member: the mean of (member's points − the council's mean points) over
    /// the sessions where both exist; `None` where the member never scored the criterion.
    pub deviation: Vec<Vec<Option<Decimal>>>,
}

impl Panel {
    /// Compares the members of a round's sessions.
    pub fn of(results: &[CouncilResult]) -> Panel {
        let mut members: Vec<String> = Vec::new();
        let mut leniency: Vec<(Decimal, usize)> = Vec::new();
        for result in results {
            for entry in &result.analytics.leniency {
                let index = position(&mut members, &entry.member);
                if leniency.len() < members.len() {
                    leniency.resize(members.len(), (Decimal::ZERO, 0));
                }
                if let Some(slot) = leniency.get_mut(index) {
                    slot.0 += entry.leniency.0;
                    slot.1 += 1;
                }
            }
        }
        let mut criteria: Vec<String> = Vec::new();
        let mut sums: Vec<Vec<(Decimal, usize)>> = Vec::new();
        for result in results {
            for criterion in &result.criteria {
                let Some(mean) = criterion.mean else {
                    continue;
                };
                let row = position(&mut criteria, &criterion.code);
                if sums.len() < criteria.len() {
                    sums.resize(criteria.len(), Vec::new());
                }
                for (member, points) in &criterion.points {
                    let Some(column) = members.iter().position(|known| known == member) else {
                        continue;
                    };
                    if let Some(cells) = sums.get_mut(row) {
                        if cells.len() < members.len() {
                            cells.resize(members.len(), (Decimal::ZERO, 0));
                        }
                        if let Some(cell) = cells.get_mut(column) {
                            cell.0 += points.0 - mean.0;
                            cell.1 += 1;
                        }
                    }
                }
            }
        }
        let mean = |(sum, n): (Decimal, usize)| (n > 0).then(|| divide(sum, n).normalize());
        Panel {
            leniency: leniency
                .into_iter()
                .map(|slot| mean(slot).unwrap_or_default())
                .collect(),
            deviation: sums
                .into_iter()
                .map(|mut cells| {
                    cells.resize(members.len(), (Decimal::ZERO, 0));
                    cells.into_iter().map(mean).collect()
                })
                .collect(),
            members,
            criteria,
        }
    }
}

fn position(list: &mut Vec<String>, item: &str) -> usize {
    match list.iter().position(|known| known == item) {
        Some(index) => index,
        None => {
            list.push(item.to_owned());
            list.len() - 1
        }
    }
}
