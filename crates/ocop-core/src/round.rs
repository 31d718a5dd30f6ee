//! A round ("đợt"): many council sessions scored and ranked together.
//!
//! Sessions are added one at a time and only a compact row of each is kept, so a round read from
//! a long NDJSON stream needs memory for its rows, never for its sessions. A session that cannot
//! be scored is recorded with its problems and does not stop the others.
//!
//! Ranking order, deterministic: status (ranked, needs re-scoring, incomplete, no quorum,
//! disqualified), then stars (most first), then the exact mean total (highest first, compared as
//! fractions), then product set number, product code, product name (absent last), then input
//! order. Rows with the same status, stars and mean share a `tied_rank`.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::council::{SessionOptions, SessionStatus, Standing, session_standing};
use crate::decimal::Exact;
use crate::json::{JsonPath, Position};
use crate::lang::Lang;
use crate::rubric::{Catalog, Stars};
use crate::sheet::{InputProblem, InputProblemKind};

/// One ranked session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RankRow {
    /// Position in the ranking, from 1.
    pub rank: usize,
    /// The rank shared with every row of equal status, stars and mean.
    pub tied_rank: usize,
    /// Where the session came from: a file, or a file and line for NDJSON.
    pub source: String,
    /// Rubric.
    pub rubric: String,
    /// Product set number.
    pub product_set: u8,
    /// Product name.
    pub product: Option<String>,
    /// Product code.
    pub product_code: Option<String>,
    /// Where the session stands.
    pub status: SessionStatus,
    /// The council's exact mean total.
    pub mean_total: Exact,
    /// Stars from the mean alone.
    pub band_stars: Stars,
    /// Final stars.
    pub stars: Stars,
    /// Whether the result earns a certificate.
    pub certifiable: bool,
    /// Members whose sheets counted.
    pub counted_members: usize,
    #[serde(skip)]
    key: MeanKey,
    #[serde(skip)]
    order: usize,
}

/// The exact mean as `sum / n`, compared without dividing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct MeanKey {
    sum: Decimal,
    members: usize,
}

impl MeanKey {
    fn compare(&self, other: &Self) -> Ordering {
        let scaled = |key: &Self, by: usize| key.sum.checked_mul(Decimal::from(by));
        match (scaled(self, other.members), scaled(other, self.members)) {
            (Some(left), Some(right)) => left.cmp(&right),
            _ => Ordering::Equal,
        }
    }
}

/// A session that could not be scored.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoundFailure {
    /// Where it came from.
    pub source: String,
    /// Every problem found.
    pub problems: Vec<InputProblem>,
}

/// How many sessions ended with each outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Distribution {
    /// Ranked sessions per number of stars.
    pub by_stars: BTreeMap<Stars, usize>,
    /// Sessions per status.
    pub by_status: BTreeMap<SessionStatus, usize>,
    /// Sessions that could not be scored.
    pub failed: usize,
}

/// The ranked round.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Ranking {
    /// Ranked rows, best first.
    pub rows: Vec<RankRow>,
    /// Sessions that could not be scored, in input order.
    pub failures: Vec<RoundFailure>,
    /// Outcomes counted.
    pub distribution: Distribution,
}

impl Ranking {
    /// Rewrites the failures' problem messages in another language.
    pub fn localize(&mut self, lang: Lang) {
        for problem in self
            .failures
            .iter_mut()
            .flat_map(|failure| &mut failure.problems)
        {
            problem.localize(lang);
        }
    }
}

/// Collects a round's sessions as they are read.
pub struct Round<'c> {
    catalog: &'c Catalog,
    options: SessionOptions<'c>,
    rows: Vec<RankRow>,
    failures: Vec<RoundFailure>,
    added: usize,
}

impl<'c> Round<'c> {
    /// An empty round scored with a catalog and options.
    pub fn new(catalog: &'c Catalog, options: SessionOptions<'c>) -> Self {
        Self {
            catalog,
            options,
            rows: Vec::new(),
            failures: Vec::new(),
            added: 0,
        }
    }

    /// Scores one session and keeps its row, or its problems. Returns whether it scored.
    pub fn add(&mut self, source: &str, text: &str) -> bool {
        self.added += 1;
        match session_standing(self.catalog, text, self.options) {
            Ok(standing) => {
                self.rows.push(row(source, standing, self.added));
                true
            }
            Err(problems) => {
                self.failures.push(RoundFailure {
                    source: source.to_owned(),
                    problems,
                });
                false
            }
        }
    }

    /// Scores one session given as bytes (a whole file): text that is not UTF-8 is recorded as
    /// a failure.
    pub fn add_bytes(&mut self, source: &str, bytes: &[u8]) -> bool {
        self.add_from(source, source, 0, bytes)
    }

    /// Scores one session read from line `line` of `file` (an NDJSON stream): the row's source
    /// is `file:line`, and problems are reported at their line in the file. A blank line (ASCII
    /// whitespace only) holds no session and is skipped; any other line is a session or a failure.
    pub fn add_line(&mut self, file: &str, line: usize, bytes: &[u8]) -> bool {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return false;
        }
        self.add_from(
            &format!("{file}:{line}"),
            file,
            line.saturating_sub(1),
            bytes,
        )
    }

    fn add_from(&mut self, source: &str, file: &str, lines_before: usize, bytes: &[u8]) -> bool {
        let scored = match std::str::from_utf8(bytes) {
            Ok(text) => self.add(source, text.trim_end_matches(['\n', '\r'])),
            Err(error) => {
                self.added += 1;
                let detail = format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    error.valid_up_to()
                );
                let problem =
                    InputProblem::new(JsonPath::root(), None, InputProblemKind::Syntax { detail });
                self.failures.push(RoundFailure {
                    source: source.to_owned(),
                    problems: vec![problem],
                });
                false
            }
        };
        if let Some(failure) = self.failures.last_mut().filter(|_| !scored) {
            failure.source = file.to_owned();
            for problem in &mut failure.problems {
                let position = problem
                    .position
                    .get_or_insert(Position { line: 1, column: 1 });
                position.line += lines_before;
            }
        }
        scored
    }

    /// Sessions added so far.
    pub fn len(&self) -> usize {
        self.added
    }

    /// Whether no session was added.
    pub fn is_empty(&self) -> bool {
        self.added == 0
    }

    /// Ranks the round.
    pub fn finish(self) -> Ranking {
        let Round {
            mut rows, failures, ..
        } = self;
        rows.sort_by(compare_rows);
        let mut distribution = Distribution {
            failed: failures.len(),
            ..Distribution::default()
        };
        let mut previous: Option<(SessionStatus, Stars, MeanKey, usize)> = None;
        for (index, row) in rows.iter_mut().enumerate() {
            row.rank = index + 1;
            row.tied_rank = match previous {
                Some((status, stars, key, tied))
                    if status == row.status
                        && stars == row.stars
                        && key.compare(&row.key) == Ordering::Equal =>
                {
                    tied
                }
                _ => row.rank,
            };
            previous = Some((row.status, row.stars, row.key, row.tied_rank));
            *distribution.by_status.entry(row.status).or_default() += 1;
            if row.status == SessionStatus::Ranked {
                *distribution.by_stars.entry(row.stars).or_default() += 1;
            }
        }
        Ranking {
            rows,
            failures,
            distribution,
        }
    }
}

fn row(source: &str, standing: Standing, order: usize) -> RankRow {
    RankRow {
        rank: 0,
        tied_rank: 0,
        source: source.to_owned(),
        rubric: standing.rubric,
        product_set: standing.product_set,
        product_code: standing
            .product
            .as_ref()
            .and_then(|product| product.code.clone()),
        product: standing.product.map(|product| product.name),
        status: standing.status,
        mean_total: Exact(standing.mean_total),
        band_stars: standing.band_stars,
        stars: standing.stars,
        certifiable: standing.certifiable,
        counted_members: standing.counted,
        key: MeanKey {
            sum: standing.sum_total,
            members: standing.counted,
        },
        order,
    }
}

/// The status's place in the ranking: results that stand first.
fn status_rank(status: SessionStatus) -> u8 {
    match status {
        SessionStatus::Ranked => 0,
        SessionStatus::NeedsRescoring => 1,
        SessionStatus::Incomplete => 2,
        SessionStatus::NoQuorum => 3,
        SessionStatus::Disqualified => 4,
    }
}

/// The status as written in JSON.
pub fn status_name(status: SessionStatus) -> &'static str {
    match status {
        SessionStatus::Ranked => "ranked",
        SessionStatus::Disqualified => "disqualified",
        SessionStatus::NeedsRescoring => "needs_rescoring",
        SessionStatus::NoQuorum => "no_quorum",
        SessionStatus::Incomplete => "incomplete",
    }
}

fn compare_rows(a: &RankRow, b: &RankRow) -> Ordering {
    // Absent codes and names sort after present ones.
    let absent_last = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    status_rank(a.status)
        .cmp(&status_rank(b.status))
        .then_with(|| b.stars.cmp(&a.stars))
        .then_with(|| b.key.compare(&a.key))
        .then_with(|| a.product_set.cmp(&b.product_set))
        .then_with(|| absent_last(&a.product_code, &b.product_code))
        .then_with(|| absent_last(&a.product, &b.product))
        .then_with(|| a.order.cmp(&b.order))
}
