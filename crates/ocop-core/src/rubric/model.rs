//! The validated rubric: what the scoring engine reads.
//!
//! Every type here is `#[non_exhaustive]`: outside this crate its fields can be read but a value
//! can only be obtained from [`super::Catalog`], which validates the files first. An invalid
//! rubric therefore never reaches the scoring code.

use std::collections::HashMap;

use jiff::civil::Date;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::source::Confidence;

/// A star level, 1 to 5.
pub type Stars = u8;

/// One legal instrument: metadata, parts, bands and recognition rules.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Instrument {
    /// Stable identifier, e.g. `qd26-2026`.
    pub id: String,
    /// Data revision.
    pub revision: u32,
    /// Title of the criteria as issued.
    pub title: String,
    /// The issuing decision.
    pub decision: Decision,
    /// First day in force.
    pub effective_from: Date,
    /// Last day in force, if replaced.
    pub effective_until: Option<Date>,
    /// Where the data comes from.
    pub provenance: Provenance,
    /// Maximum total of a sheet.
    pub total_max: Decimal,
    /// Parts with their maxima, in order.
    pub parts: Vec<PartSpec>,
    /// Star bands, lowest first, contiguous from zero to the maximum.
    pub star_bands: Vec<StarBand>,
    /// Who recognises which stars.
    pub recognition: Recognition,
    /// How totals the printed bands leave undefined are banded, when they do.
    pub band_policy: Option<String>,
    /// Later decisions that amended the criteria.
    pub amendments: Vec<Amendment>,
    /// Product sets by number, with their names in the table of contents.
    pub product_sets: Vec<SetEntry>,
    /// Data revisions, oldest first.
    pub changelog: Vec<ChangelogEntry>,
    /// Recognition by level, certificate, transition and rounds.
    pub procedure: super::procedure::Procedure,
    /// Fingerprint of the instrument file's canonical content.
    pub fingerprint: String,
}

impl Instrument {
    /// The identifier of exactly this revision: `qd26-2026@1`.
    pub fn key(&self) -> String {
        format!("{}@{}", self.id, self.revision)
    }

    /// The band a total falls in: the highest band whose lower end the total reaches.
    ///
    /// Bands are half-open (`from ≤ total < below`) and the top band includes the maximum, so
    /// 69.99 is 3★ and 70 is 4★: nothing is rounded.
    pub fn band_stars(&self, total: Decimal) -> Stars {
        self.band_of_sum(total, Decimal::ONE)
    }

    /// The band of a mean given as a sum over `sheets` sheets, compared exactly: the mean reaches
    /// a band's lower end when `sum ≥ from × sheets`.
    pub fn band_of_sum(&self, sum: Decimal, sheets: Decimal) -> Stars {
        self.star_bands
            .iter()
            .rev()
            .find(|band| {
                band.from
                    .checked_mul(sheets)
                    .is_some_and(|floor| sum >= floor)
            })
            .map_or(0, |band| band.stars)
    }

    /// The highest star band the instrument defines.
    pub fn top_stars(&self) -> Stars {
        self.star_bands.last().map_or(0, |band| band.stars)
    }

    /// The most stars the gates allow when the lowest unmet gate guards `lowest_unmet` stars:
    /// one below it, or the top band when every gate is met.
    pub fn gate_cap(&self, lowest_unmet: Option<Stars>) -> Stars {
        lowest_unmet.map_or(self.top_stars(), |level| level.saturating_sub(1))
    }

    /// The band with the given number of stars.
    pub fn band(&self, stars: Stars) -> Option<&StarBand> {
        self.star_bands.iter().find(|band| band.stars == stars)
    }

    /// Whether the instrument is in force on a date.
    pub fn in_force_on(&self, date: Date) -> bool {
        date >= self.effective_from && self.effective_until.is_none_or(|until| date <= until)
    }
}

/// The issuing decision.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Decision {
    /// Number as printed.
    pub number: String,
    /// Date of signature.
    pub date: Date,
    /// Title as printed.
    pub title: String,
}

/// Where rubric data comes from.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Provenance {
    /// How close the transcription is to the signed text.
    pub confidence: Confidence,
    /// The source.
    pub source: String,
    /// A warning every result must carry, if any.
    pub warning: Option<String>,
}

/// Parts of a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum PartCode {
    /// Phần A: sản phẩm và sức mạnh cộng đồng.
    A,
    /// Phần B: khả năng tiếp thị.
    B,
    /// Phần C: chất lượng sản phẩm.
    C,
}

impl PartCode {
    /// Parses `A`, `B` or `C`.
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "A" => Some(Self::A),
            "B" => Some(Self::B),
            "C" => Some(Self::C),
            _ => None,
        }
    }

    /// The letter.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
        }
    }
}

/// A part as the instrument defines it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PartSpec {
    /// A, B or C.
    pub code: PartCode,
    /// Name of the part.
    pub title: String,
    /// Points of the part.
    pub max: Decimal,
}

/// A star band: `from ≤ total < below`, or `from ≤ total ≤ maximum` for the top band.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct StarBand {
    /// Stars of the band.
    pub stars: Stars,
    /// Lowest total in the band.
    pub from: Decimal,
    /// First total above the band (`None` for the top band).
    pub below: Option<Decimal>,
    /// Wording in the decision.
    pub printed: String,
}

/// Evaluation and certifying levels.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Cấp huyện (until 1/7/2025).
    District,
    /// Cấp tỉnh.
    Province,
    /// Cấp trung ương.
    Central,
}

impl Level {
    /// Parses `district`, `province` or `central`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "district" => Some(Self::District),
            "province" => Some(Self::Province),
            "central" => Some(Self::Central),
            _ => None,
        }
    }

    /// Vietnamese name of the level.
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::District => "cấp huyện",
            Self::Province => "cấp tỉnh",
            Self::Central => "cấp trung ương",
        }
    }

    /// Whether evaluation rounds are held at this level (QĐ 26/2026 Điều 5: the province and
    /// the ministry); the district level held none, and was abolished on 1/7/2025. Every front
    /// end's calendar takes only these levels.
    pub fn holds_rounds(self) -> bool {
        !matches!(self, Self::District)
    }

    /// English name of the level.
    pub fn name_en(self) -> &'static str {
        match self {
            Self::District => "district",
            Self::Province => "province",
            Self::Central => "central",
        }
    }
}

/// Who recognises which stars.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Recognition {
    /// Lowest star level that earns a certificate.
    pub certifiable_from: Stars,
    /// The certifying level of each certifiable star level.
    pub certifiers: HashMap<Stars, Level>,
    /// Total from which a product is flagged as potentially five-star.
    pub potential_five_star_from: Option<Decimal>,
    /// Wording in the decision.
    pub printed: String,
}

impl Recognition {
    /// What a result of `stars` stars and `total` points earns; one that is not ranked earns
    /// nothing.
    pub fn certification(&self, ranked: bool, stars: Stars, total: Decimal) -> Certification {
        let certifiable = ranked && stars >= self.certifiable_from;
        Certification {
            certifiable,
            certifying_level: certifiable
                .then(|| self.certifiers.get(&stars).copied())
                .flatten(),
            potential_five_star: ranked
                && self
                    .potential_five_star_from
                    .is_some_and(|from| total >= from),
        }
    }
}

/// What a result earns under an instrument's recognition rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Certification {
    /// Whether it earns a certificate.
    pub certifiable: bool,
    /// Who certifies it.
    pub certifying_level: Option<Level>,
    /// Whether its total flags it as potentially five-star.
    pub potential_five_star: bool,
}

/// A product set listed by the instrument.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SetEntry {
    /// Number in the decision.
    pub number: u8,
    /// Name in the table of contents.
    pub name: String,
}

/// A later decision that amended the criteria.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Amendment {
    /// Number as printed.
    pub number: String,
    /// Date it took effect.
    pub date: Date,
    /// What it changed.
    pub summary: String,
    /// Whether this data applies it.
    pub applied: bool,
    /// Why it is not applied.
    pub note: Option<String>,
}

/// One data revision.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct ChangelogEntry {
    /// Revision introduced.
    pub revision: u32,
    /// When.
    pub date: Date,
    /// What changed.
    pub summary: String,
    /// On what source.
    pub source: String,
}

/// One product set's sheet, validated.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ProductSet {
    /// Identifier of the instrument.
    pub rubric: String,
    /// Data revision of the instrument.
    pub revision: u32,
    /// Number in the decision.
    pub number: u8,
    /// Name printed above the sheet.
    pub name: String,
    /// Classification line as printed.
    pub classification: Option<String>,
    /// This set's own provenance, when it differs from the instrument's.
    pub provenance: Option<Provenance>,
    /// The sheet-level rule "Hồ sơ bị loại khi: …".
    pub dossier_rule: Option<String>,
    /// Notes printed under the sheet.
    pub footnotes: Vec<String>,
    /// Parts in order.
    pub parts: Vec<Part>,
    /// Stop rules.
    pub stop_rules: Vec<StopRule>,
    /// Star gates derived from the star marks, in printed order.
    pub gates: Vec<Gate>,
    /// Recorded departures from the printed source.
    pub errata: Vec<Erratum>,
    /// Fingerprint of the instrument and set data used.
    pub fingerprint: String,
    pub(crate) codes: FxHashMap<String, CodeRole>,
    /// Where each answer slot's criterion stands, slot by slot (printed order).
    pub(crate) slots: Vec<LeafIndex>,
    /// The set's numbers compiled for scoring.
    pub(crate) plan: super::plan::Plan,
}

/// What a code names in a product set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeRole {
    /// An answerable criterion, and where it is.
    Leaf(LeafIndex),
    /// A criterion answered through its sub-criteria.
    Parent,
}

/// Where an answerable criterion stands in a set's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LeafIndex {
    part: usize,
    group: usize,
    criterion: usize,
    child: Option<usize>,
}

impl ProductSet {
    /// Every answerable criterion in printed order, with its part, group and parent.
    pub fn leaves(&self) -> impl Iterator<Item = LeafRef<'_>> {
        self.parts.iter().flat_map(|part| {
            part.groups.iter().flat_map(move |group| {
                group.criteria.iter().flat_map(move |criterion| {
                    let (parent, leaves) = match &criterion.scoring {
                        Scoring::Nested(children) => (Some(criterion), children.as_slice()),
                        _ => (None, std::slice::from_ref(criterion)),
                    };
                    leaves.iter().map(move |leaf| LeafRef {
                        part,
                        group,
                        parent,
                        criterion: leaf,
                    })
                })
            })
        })
    }

    /// The answerable criterion with this code.
    pub fn leaf(&self, code: &str) -> Option<LeafRef<'_>> {
        let CodeRole::Leaf(at) = self.codes.get(code)? else {
            return None;
        };
        self.leaf_ref(*at)
    }

    /// Whether the code names a criterion answered through its sub-criteria.
    pub fn is_parent(&self, code: &str) -> bool {
        self.codes.get(code) == Some(&CodeRole::Parent)
    }

    /// The maximum total of the sheet.
    pub fn total_max(&self) -> Decimal {
        self.parts.iter().map(|part| part.max).sum()
    }

    /// The number of answerable criteria: the length of a sheet's answers.
    pub fn leaf_count(&self) -> usize {
        self.slots.len()
    }

    /// The answerable criterion kept in an answer slot.
    pub(crate) fn leaf_at(&self, slot: usize) -> Option<LeafRef<'_>> {
        self.leaf_ref(*self.slots.get(slot)?)
    }

    fn leaf_ref(&self, at: LeafIndex) -> Option<LeafRef<'_>> {
        let part = self.parts.get(at.part)?;
        let group = part.groups.get(at.group)?;
        let top = group.criteria.get(at.criterion)?;
        match (&top.scoring, at.child) {
            (Scoring::Nested(children), Some(child)) => Some(LeafRef {
                part,
                group,
                parent: Some(top),
                criterion: children.get(child)?,
            }),
            (_, None) => Some(LeafRef {
                part,
                group,
                parent: None,
                criterion: top,
            }),
            _ => None,
        }
    }

    /// Resolves, once at load, every code the scorer follows to the answer slot it reads: each
    /// answerable criterion gets its slot (printed order), and gates, stop rules and
    /// applicability conditions get their criterion's; then compiles the set's numbers into
    /// its scoring plan. Scoring then indexes arrays instead of looking codes up. Codes that
    /// name no answerable criterion (reported by validation) stay unresolved. `false` when a
    /// number cannot be compiled (validation's bounds on points make that impossible).
    pub(crate) fn compile(&mut self) -> bool {
        let mut codes = FxHashMap::default();
        let mut slots = Vec::new();
        for (part_index, part) in self.parts.iter_mut().enumerate() {
            for (group_index, group) in part.groups.iter_mut().enumerate() {
                for (criterion_index, criterion) in group.criteria.iter_mut().enumerate() {
                    let at = |child| LeafIndex {
                        part: part_index,
                        group: group_index,
                        criterion: criterion_index,
                        child,
                    };
                    let mut assign = |criterion: &mut Criterion, at: LeafIndex| {
                        criterion.slot = Some(slots.len());
                        codes.insert(criterion.code.clone(), CodeRole::Leaf(at));
                        slots.push(at);
                    };
                    if let Scoring::Nested(children) = &mut criterion.scoring {
                        for (child_index, child) in children.iter_mut().enumerate() {
                            assign(child, at(Some(child_index)));
                        }
                        codes.insert(criterion.code.clone(), CodeRole::Parent);
                    } else {
                        assign(criterion, at(None));
                    }
                }
            }
        }
        let slot_of: FxHashMap<String, usize> = slots
            .iter()
            .enumerate()
            .filter_map(|(slot, at)| Some((self.leaf_ref(*at)?.criterion.code.clone(), slot)))
            .collect();
        for gate in &mut self.gates {
            gate.slot = slot_of.get(&gate.criterion).copied();
        }
        for rule in &mut self.stop_rules {
            rule.slots = rule
                .criteria
                .iter()
                .filter_map(|code| slot_of.get(code).copied())
                .collect();
        }
        for criterion in self
            .parts
            .iter_mut()
            .flat_map(|part| part.groups.iter_mut())
            .flat_map(|group| group.criteria.iter_mut())
        {
            let condition = |criterion: &mut Criterion| {
                if let Some(rule) = &mut criterion.applies_when {
                    rule.slot = slot_of.get(&rule.criterion).copied();
                }
            };
            if let Scoring::Nested(children) = &mut criterion.scoring {
                children.iter_mut().for_each(condition);
            } else {
                condition(criterion);
            }
        }
        self.codes = codes;
        self.slots = slots;
        match super::plan::Plan::compile(self) {
            Some(plan) => {
                self.plan = plan;
                true
            }
            None => false,
        }
    }
}

/// An answerable criterion in its context.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct LeafRef<'a> {
    /// The part it belongs to.
    pub part: &'a Part,
    /// The group it belongs to.
    pub group: &'a Group,
    /// The criterion it is a sub-criterion of, if nested.
    pub parent: Option<&'a Criterion>,
    /// The criterion itself.
    pub criterion: &'a Criterion,
}

/// A part of one sheet.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Part {
    /// A, B or C.
    pub code: PartCode,
    /// Heading as printed.
    pub title: String,
    /// Points of the part.
    pub max: Decimal,
    /// Groups in printed order.
    pub groups: Vec<Group>,
}

/// A criteria group.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Group {
    /// Code as printed.
    pub code: String,
    /// Name as printed.
    pub name: String,
    /// Points of the group.
    pub max: Decimal,
    /// Notes under the heading.
    pub notes: Vec<String>,
    /// Criteria in printed order.
    pub criteria: Vec<Criterion>,
}

/// A criterion.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Criterion {
    /// Code as printed.
    pub code: String,
    /// Name as printed.
    pub name: String,
    /// Points of the criterion.
    pub max: Decimal,
    /// How it is answered and scored.
    pub scoring: Scoring,
    /// Notes that are not rules.
    pub notes: Vec<String>,
    /// The knock-out note, if any.
    pub knockout: Option<String>,
    /// When it applies, if not always.
    pub applies_when: Option<Applicability>,
    /// Where its answer is kept in [`crate::sheet::Answers`]: its place among the set's
    /// answerable criteria in printed order (`None` for a criterion answered through its
    /// sub-criteria).
    pub(crate) slot: Option<usize>,
}

impl Criterion {
    /// The options an evaluator ticks from, numbered straight through all cases.
    pub fn options(&self) -> &[Choice] {
        match &self.scoring {
            Scoring::Single(options) | Scoring::Additive(options) => options,
            Scoring::Cases { options, .. } => options,
            Scoring::YesNo | Scoring::Nested(_) => &[],
        }
    }

    /// The option with this 1-based number.
    pub fn option(&self, number: u32) -> Option<&Choice> {
        // Options are numbered 1, 2, … in printed order, straight through the cases.
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.options()
            .get(index)
            .filter(|option| option.number == number)
    }

    /// The most points any answer can score (at most the maximum).
    pub fn attainable(&self) -> Decimal {
        match &self.scoring {
            Scoring::Single(options) | Scoring::Cases { options, .. } => options
                .iter()
                .filter_map(|option| option.points)
                .max()
                .unwrap_or(Decimal::ZERO),
            Scoring::Additive(options) => options
                .iter()
                .filter_map(|option| option.points)
                .sum::<Decimal>()
                .min(self.max),
            Scoring::YesNo => self.max,
            Scoring::Nested(children) => children.iter().map(Criterion::attainable).sum(),
        }
    }

    /// The fewest points any answer scores.
    pub fn floor(&self) -> Decimal {
        match &self.scoring {
            Scoring::Single(options) | Scoring::Cases { options, .. } => options
                .iter()
                .filter_map(|option| option.points)
                .min()
                .unwrap_or(Decimal::ZERO),
            Scoring::Additive(_) | Scoring::YesNo => Decimal::ZERO,
            Scoring::Nested(children) => children.iter().map(Criterion::floor).sum(),
        }
    }
}

/// How a criterion is answered and scored.
#[derive(Debug, Clone)]
pub enum Scoring {
    /// Tick one option.
    Single(Vec<Choice>),
    /// Tick one option in one of the alternative cases.
    Cases {
        /// The cases, in printed order.
        cases: Vec<Case>,
        /// All options, numbered straight through the cases.
        options: Vec<Choice>,
    },
    /// Met (full points) or not (zero).
    YesNo,
    /// Made of sub-criteria, each answered on its own.
    Nested(Vec<Criterion>),
    /// Tick every option that applies; the sum is capped at the maximum.
    Additive(Vec<Choice>),
}

/// One □ option.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Choice {
    /// 1-based number in printed order (straight through all cases).
    pub number: u32,
    /// Text as printed.
    pub text: String,
    /// Points; `None` where the source's points cell cannot be read (such an option cannot be
    /// ticked until the transcription is corrected).
    pub points: Option<Decimal>,
    /// The star mark, if any.
    pub star: Option<Stars>,
    /// Index of the case it belongs to, for cased criteria.
    pub case: Option<usize>,
}

/// An alternative case.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Case {
    /// Label as printed.
    pub label: String,
    /// Points of the criterion under this case.
    pub max: Decimal,
    /// Numbers of its options.
    pub options: Vec<u32>,
}

/// A criterion scored only under a condition on another criterion's answer.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Applicability {
    /// The criterion the condition looks at.
    pub criterion: String,
    /// Options of that criterion under which this one does not apply.
    pub unless: Vec<u32>,
    /// The note as printed.
    pub printed: String,
    /// The answer slot of `criterion`.
    pub(crate) slot: Option<usize>,
}

/// A zero on any listed criterion ends the evaluation.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct StopRule {
    /// Criteria covered.
    pub criteria: Vec<String>,
    /// The note as printed.
    pub printed: String,
    /// The answer slots of `criteria`, in the same order.
    pub(crate) slots: Vec<usize>,
}

/// A star gate: a product cannot hold `level` stars unless the criterion meets the requirement.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Gate {
    /// The criterion.
    pub criterion: String,
    /// The star level the gate guards.
    pub level: Stars,
    /// What the criterion must reach.
    pub requirement: GateRequirement,
    /// The answer slot of `criterion`.
    pub(crate) slot: Option<usize>,
}

/// What a gated criterion must reach.
#[derive(Debug, Clone)]
pub enum GateRequirement {
    /// Score at least as much as the marked option. When two options carry the same mark,
    /// either satisfies it, so the requirement is the lower one.
    Option {
        /// The marked option (the lower-scoring one when two carry the mark).
        number: u32,
        /// Its points.
        points: Decimal,
    },
    /// Score above zero (a mark on the criterion's heading).
    AboveZero,
}

impl GateRequirement {
    /// Whether a criterion scoring `points` meets the requirement.
    pub fn is_met_by(&self, points: Decimal) -> bool {
        self.is_met_by_sum(points, Decimal::ONE)
    }

    /// Whether points summed over `sheets` sheets meet the requirement: `sum ≥ marked × sheets`
    /// (their mean reaches the marked option's points), or a sum above zero.
    pub fn is_met_by_sum(&self, sum: Decimal, sheets: Decimal) -> bool {
        match self {
            Self::Option {
                points: required, ..
            } => required
                .checked_mul(sheets)
                .is_some_and(|required| sum >= required),
            Self::AboveZero => sum > Decimal::ZERO,
        }
    }

    /// The marked option (none for a mark on the heading), the points required, and whether the
    /// points must be strictly above them (the heading's mark: above zero).
    pub fn marked(&self) -> (Option<u32>, Decimal, bool) {
        match self {
            Self::Option { number, points } => (Some(*number), *points, false),
            Self::AboveZero => (None, Decimal::ZERO, true),
        }
    }
}

/// A recorded departure from the printed source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Erratum {
    /// The part concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// The group concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The criterion concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// The option concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<u32>,
    /// What the source prints.
    pub printed: String,
    /// What the data encodes.
    pub encoded: String,
    /// Why.
    pub reason: String,
    /// The source defect this erratum keeps as printed, if any (reported as a warning).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted_defect: Option<String>,
}
