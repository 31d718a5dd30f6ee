//! A round ("đợt"): many council sessions scored and ranked together.
//!
//! Sessions are added one at a time and only a compact row of each is kept, so a round read from
//! a long NDJSON stream needs memory for its rows, never for its sessions. A session that cannot
//! be scored is handed back to the caller with its problems at once, to be reported as it
//! occurs: nothing of it is kept, however many fail.
//!
//! Ranking order, deterministic: status (ranked, needs re-scoring, incomplete, no quorum,
//! disqualified), then stars (most first; none last), then the exact mean total (highest first,
//! compared as fractions), then product set number, product code, product name (absent last),
//! then input order. Rows with the same status, stars and mean share a `tied_rank`.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::io::{self, Write};

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::council::{SessionOptions, SessionStatus, Standing, session_standing};
use crate::decimal::Exact;
use crate::lang::Lang;
use crate::rubric::{Catalog, Stars};
use crate::sheet::{InputProblem, InputProblemKind, InputProblems};

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
    /// Stars from the mean alone; `null` when no member's sheet counted.
    pub band_stars: Option<Stars>,
    /// Final stars; `null` when no member's sheet counted.
    pub stars: Option<Stars>,
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
    /// Where it came from: a file, or a file and line for NDJSON.
    pub source: String,
    /// The problems, at most [`crate::sheet::PROBLEM_LIMIT`], in the order found.
    pub problems: Vec<InputProblem>,
    /// How many more problems were found than are listed.
    #[serde(skip_serializing_if = "is_zero")]
    pub more_problems: usize,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

impl RoundFailure {
    fn new(source: &str, problems: InputProblems) -> Self {
        let more_problems = problems.more();
        Self {
            source: source.to_owned(),
            problems: problems.into_vec(),
            more_problems,
        }
    }

    /// Rewrites the problems' messages in another language.
    pub fn localize(&mut self, lang: Lang) {
        for problem in &mut self.problems {
            problem.localize(lang);
        }
    }
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

/// The ranked sessions of a round, and how many ended each way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    /// Ranked rows, best first.
    pub rows: Vec<RankRow>,
    /// Outcomes counted, failures included.
    pub distribution: Distribution,
}

/// The `ocop rank --format json` document. It is written by [`RankingWriter`] as the round is
/// read (its failures first, as they occur); this type describes it, for its schema and for
/// programs that hold a whole round.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Ranking {
    /// Sessions that could not be scored, in input order.
    pub failures: Vec<RoundFailure>,
    /// Ranked rows, best first.
    pub rows: Vec<RankRow>,
    /// Outcomes counted.
    pub distribution: Distribution,
}

/// Collects a round's sessions as they are read.
pub struct Round<'c> {
    catalog: &'c Catalog,
    options: SessionOptions<'c>,
    rows: Vec<RankRow>,
    failed: usize,
    added: usize,
}

impl<'c> Round<'c> {
    /// An empty round scored with a catalog and options.
    pub fn new(catalog: &'c Catalog, options: SessionOptions<'c>) -> Self {
        Self {
            catalog,
            options,
            rows: Vec::new(),
            failed: 0,
            added: 0,
        }
    }

    /// Scores one session and keeps its row; a session that cannot be scored is returned with
    /// its problems, for the caller to report, and only counted.
    pub fn add(&mut self, source: &str, text: &str) -> Result<(), RoundFailure> {
        self.added += 1;
        match session_standing(self.catalog, text, self.options) {
            Ok(standing) => {
                self.rows.push(row(source, standing, self.added));
                Ok(())
            }
            Err(problems) => {
                self.failed += 1;
                Err(RoundFailure::new(source, problems))
            }
        }
    }

    /// Scores one session given as bytes (a whole file): text that is not UTF-8 is a failure
    /// that says where its first invalid byte is.
    pub fn add_bytes(&mut self, source: &str, bytes: &[u8]) -> Result<(), RoundFailure> {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.add(source, text),
            Err(error) => {
                self.added += 1;
                self.failed += 1;
                let problem = InputProblem::not_utf8(bytes, &error);
                Err(RoundFailure::new(source, problem.into()))
            }
        }
    }

    /// Counts a session that could not be read at all as a failure (a workbook whose cells
    /// cannot make a session, say), with its problems.
    pub fn add_failed(&mut self, source: &str, problems: InputProblems) -> RoundFailure {
        self.added += 1;
        self.failed += 1;
        RoundFailure::new(source, problems)
    }

    /// Counts a file of the round that could not be read as a failure.
    pub fn add_unreadable(&mut self, source: &str, error: &io::Error) -> Result<(), RoundFailure> {
        self.added += 1;
        self.failed += 1;
        let kind = InputProblemKind::Unreadable {
            detail: error.to_string(),
        };
        let problem = InputProblem::new(crate::json::JsonPath::root(), None, kind);
        Err(RoundFailure::new(source, problem.into()))
    }

    /// Scores one session read from line `line` of `file` (an NDJSON stream): the row's source
    /// is `file:line`, and problems are reported at their line in the file. A blank line (ASCII
    /// whitespace only) holds no session and is skipped (`None`); any other line is a session or
    /// a failure.
    pub fn add_line(
        &mut self,
        file: &str,
        line: usize,
        bytes: &[u8],
    ) -> Option<Result<(), RoundFailure>> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let bytes = bytes
            .strip_suffix(b"\n")
            .map(|rest| rest.strip_suffix(b"\r").unwrap_or(rest))
            .unwrap_or(bytes);
        let source = format!("{file}:{line}");
        Some(self.add_bytes(&source, bytes).map_err(|mut failure| {
            failure.source = file.to_owned();
            for problem in &mut failure.problems {
                let position = problem
                    .position
                    .get_or_insert(crate::json::Position { line: 1, column: 1 });
                position.line += line.saturating_sub(1);
            }
            failure
        }))
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
    pub fn finish(self) -> Ranked {
        let Round {
            mut rows, failed, ..
        } = self;
        rows.sort_by(compare_rows);
        let mut distribution = Distribution {
            failed,
            ..Distribution::default()
        };
        let mut previous: Option<(SessionStatus, Option<Stars>, MeanKey, usize)> = None;
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
            if let (SessionStatus::Ranked, Some(stars)) = (row.status, row.stars) {
                *distribution.by_stars.entry(stars).or_default() += 1;
            }
        }
        Ranked { rows, distribution }
    }
}

/// Writes the `ocop rank --format json` document as the round is read: each failure as it
/// occurs, then the ranked rows and the distribution. The bytes are those of [`Ranking`]
/// printed as a JSON document, so nothing of a failure is kept once written.
pub struct RankingWriter<W: Write> {
    out: W,
    failures: usize,
}

impl<W: Write> RankingWriter<W> {
    /// Starts the document.
    pub fn start(mut out: W) -> io::Result<Self> {
        out.write_all(b"{\n  \"failures\": [")?;
        Ok(Self { out, failures: 0 })
    }

    /// Writes one failure.
    pub fn failure(&mut self, failure: &RoundFailure) -> io::Result<()> {
        let separator: &[u8] = if self.failures == 0 { b"\n" } else { b",\n" };
        self.out.write_all(separator)?;
        self.out.write_all(ELEMENT_INDENT.as_bytes())?;
        self.failures += 1;
        write_nested(&mut self.out, failure, ELEMENT_INDENT)
    }

    /// Ends the document with the ranked round, and gives the writer back.
    pub fn finish(mut self, ranked: &Ranked) -> io::Result<W> {
        let close: &[u8] = if self.failures == 0 { b"]" } else { b"\n  ]" };
        self.out.write_all(close)?;
        self.out.write_all(b",\n  \"rows\": ")?;
        write_nested(&mut self.out, &ranked.rows, FIELD_INDENT)?;
        self.out.write_all(b",\n  \"distribution\": ")?;
        write_nested(&mut self.out, &ranked.distribution, FIELD_INDENT)?;
        self.out.write_all(b"\n}\n")?;
        Ok(self.out)
    }
}

/// The indentation of a top-level field's lines, and of an element of a top-level list.
const FIELD_INDENT: &str = "  ";
const ELEMENT_INDENT: &str = "    ";

/// Writes a value pretty-printed as it stands nested in a document: every line after the first
/// indented by `indent` (a string's line breaks are escaped, so every line break of the text is
/// the layout's); the caller has written the first line's indentation.
fn write_nested(out: &mut impl Write, value: &impl Serialize, indent: &str) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        out.write_all(first.as_bytes())?;
    }
    for line in lines {
        out.write_all(b"\n")?;
        out.write_all(indent.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
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
    // `None` (no stars) sorts below every star count.
    status_rank(a.status)
        .cmp(&status_rank(b.status))
        .then_with(|| b.stars.cmp(&a.stars))
        .then_with(|| b.key.compare(&a.key))
        .then_with(|| a.product_set.cmp(&b.product_set))
        .then_with(|| absent_last(&a.product_code, &b.product_code))
        .then_with(|| absent_last(&a.product, &b.product))
        .then_with(|| a.order.cmp(&b.order))
}
