//! Council rules as data: who scores, quorum, spread, rounding, how gates and knock-outs are
//! judged. Defaults come per rubric version from the rubric folder's `council.json`; a rules
//! file and the session itself may override any of them, and the result names where each
//! applied rule came from.

use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::decimal::Exact;
use crate::lang::Lang;
use crate::rubric::Level;

/// A council member's role.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Chủ tịch Hội đồng.
    Chair,
    /// Phó Chủ tịch.
    ViceChair,
    /// Thành viên.
    Member,
    /// Thư ký: keeps the record, does not score by default.
    Secretary,
    /// Tổ tư vấn: advises, does not score by default.
    Advisor,
}

impl Role {
    /// Parses a role name of the input contract.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "chair" => Some(Self::Chair),
            "vice_chair" => Some(Self::ViceChair),
            "member" => Some(Self::Member),
            "secretary" => Some(Self::Secretary),
            "advisor" => Some(Self::Advisor),
            _ => None,
        }
    }

    /// The role in Vietnamese.
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::Chair => "Chủ tịch",
            Self::ViceChair => "Phó Chủ tịch",
            Self::Member => "Thành viên",
            Self::Secretary => "Thư ký",
            Self::Advisor => "Tư vấn",
        }
    }

    /// The role in English.
    pub fn name_en(self) -> &'static str {
        match self {
            Self::Chair => "chair",
            Self::ViceChair => "vice chair",
            Self::Member => "member",
            Self::Secretary => "secretary",
            Self::Advisor => "advisor",
        }
    }
}

/// How many scoring members must have scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quorum {
    /// The share of scoring members that must have scored (`"0.75"`: at least three quarters).
    pub fraction: Exact,
    /// Whether the chair must be among them.
    pub chair_required: bool,
}

/// How the council's mean is rounded before banding, when its regulation says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// Decimal places kept.
    pub places: u32,
    /// How the last kept place is rounded.
    pub mode: RoundingMode,
}

/// Rounding modes a council regulation may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// 69.665 → 69.67 and 69.664 → 69.66 (ties away from zero), as most people round.
    HalfUp,
    /// Ties to the even digit: 69.665 → 69.66, 69.675 → 69.68.
    HalfEven,
    /// Cut off: 69.669 → 69.66.
    Down,
}

impl RoundingMode {
    /// The mode in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::HalfUp => lang.pick("làm tròn lên từ 5", "half up"),
            Self::HalfEven => lang.pick("làm tròn về số chẵn", "half to even"),
            Self::Down => lang.pick("bỏ phần thừa", "down"),
        }
    }
}

impl Rounding {
    /// Rounds a value as the rule says.
    pub fn apply(self, value: Decimal) -> Decimal {
        let strategy = match self.mode {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
        };
        value.round_dp_with_strategy(self.places, strategy)
    }
}

/// How a star gate is judged for the council.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GateJudgement {
    /// The members' mean points of the criterion against the marked option's points.
    MeanPoints,
    /// More than half of the counted members meet it.
    Majority,
    /// Every counted member meets it.
    EveryMember,
}

/// How members' knock-outs combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KnockoutCombination {
    /// More than half of the counted members assert it.
    Majority,
    /// Any counted member asserting it is enough.
    Any,
    /// Every counted member must assert it.
    Unanimous,
}

impl KnockoutCombination {
    /// Whether `votes` of `counted` members suffice.
    pub fn decides(self, votes: usize, counted: usize) -> bool {
        match self {
            Self::Majority => votes * 2 > counted,
            Self::Any => votes > 0,
            Self::Unanimous => counted > 0 && votes == counted,
        }
    }
}

impl GateJudgement {
    /// The member points a member-by-member rule hinges on, given the points of the counted
    /// members the criterion applies to: every member meets a mark exactly when the lowest does,
    /// and more than half do exactly when the member ⌊n/2⌋ from the top does. `None` for
    /// `mean_points` (judged on the mean), or without points.
    pub fn hinge(self, points: &[Decimal]) -> Option<Decimal> {
        if self == Self::MeanPoints {
            return None;
        }
        let mut sorted = points.to_vec();
        sorted.sort();
        match self {
            Self::EveryMember => sorted.first().copied(),
            Self::Majority => sorted
                .len()
                .checked_sub(sorted.len() / 2 + 1)
                .and_then(|index| sorted.get(index).copied()),
            Self::MeanPoints => None,
        }
    }
}

/// Council rules with every value set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    /// Roles whose sheets count.
    pub scoring_roles: Applied<Vec<Role>>,
    /// Quorum.
    pub quorum: Applied<Quorum>,
    /// Largest allowed difference between members' totals; `None`: no limit.
    pub max_spread: Applied<Option<Exact>>,
    /// Rounding of the mean before banding; `None`: the exact mean.
    pub rounding: Applied<Option<Rounding>>,
    /// How gates are judged.
    pub gates: Applied<GateJudgement>,
    /// How knock-outs combine.
    pub knockouts: Applied<KnockoutCombination>,
}

/// A rule's value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Applied<T> {
    /// The value applied.
    pub value: T,
    /// Where it came from: `default (…)`, `rules file (…)` or `session`.
    pub source: String,
}

impl<T> Applied<T> {
    /// Where the rule came from, in words: `mặc định (qd26-2026, cấp tỉnh)`, `tệp quy định
    /// (…)`, `phiên họp`; in English as the JSON writes it.
    pub fn source_in(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.source.clone();
        }
        if self.source == SESSION_SOURCE {
            return "phiên họp".to_owned();
        }
        if let Some(name) = self
            .source
            .strip_prefix("rules file (")
            .and_then(|rest| rest.strip_suffix(')'))
        {
            return format!("tệp quy định ({name})");
        }
        if let Some((rubric, level)) = self
            .source
            .strip_prefix("default (")
            .and_then(|rest| rest.strip_suffix(')'))
            .and_then(|rest| rest.split_once(", "))
        {
            let level =
                Level::parse(level).map_or_else(|| level.to_owned(), |l| l.name_vi().to_owned());
            return format!("mặc định ({rubric}, {level})");
        }
        self.source.clone()
    }
}

/// The source of rules a session sets itself.
const SESSION_SOURCE: &str = "session";

/// Overrides of some rules, as written in a rules file or a session's `council.rules`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleOverrides {
    /// Roles whose sheets count.
    #[serde(
        default,
        deserialize_with = "given",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Vec<Role>")]
    pub scoring_roles: Option<Vec<Role>>,
    /// Quorum.
    #[serde(
        default,
        deserialize_with = "given_object",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Quorum")]
    pub quorum: Option<Quorum>,
    /// Largest allowed spread between members' totals (a decimal string), or `null`: no limit.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<Exact>")]
    pub max_spread: Option<Option<Exact>>,
    /// Rounding before banding, or `null`: the exact mean.
    #[serde(
        default,
        deserialize_with = "present_object",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<Rounding>")]
    pub rounding: Option<Option<Rounding>>,
    /// How gates are judged.
    #[serde(
        default,
        deserialize_with = "given",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "GateJudgement")]
    pub gates: Option<GateJudgement>,
    /// How knock-outs combine.
    #[serde(
        default,
        deserialize_with = "given",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "KnockoutCombination")]
    pub knockouts: Option<KnockoutCombination>,
}

impl RuleOverrides {
    /// Every value out of its range, by field: a quorum share in (0, 1], a spread of at least
    /// zero, at least one scoring role, rounding to at most 28 places.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if let Some(roles) = &self.scoring_roles {
            problems.extend(roles_problem(roles).map(|detail| ("scoring_roles", detail)));
        }
        if let Some(quorum) = &self.quorum {
            problems.extend(quorum.problem().map(|detail| ("quorum", detail)));
        }
        if let Some(Some(spread)) = self.max_spread {
            problems.extend(spread_problem(spread).map(|detail| ("max_spread", detail)));
        }
        if let Some(Some(rounding)) = self.rounding {
            problems.extend(rounding.problem().map(|detail| ("rounding", detail)));
        }
        problems
    }
}

/// Why a list of scoring roles cannot be used, if it cannot.
fn roles_problem(roles: &[Role]) -> Option<String> {
    roles
        .is_empty()
        .then(|| "at least one role must score".to_owned())
}

/// Why a spread limit cannot be used, if it cannot.
fn spread_problem(spread: Exact) -> Option<String> {
    (spread.0 < Decimal::ZERO).then(|| format!("{} is below zero", spread.0))
}

impl Quorum {
    /// Why this quorum cannot be used, if it cannot: the share must be above zero and at most
    /// one (all the scoring members).
    pub fn problem(&self) -> Option<String> {
        let share = self.fraction.0;
        (share <= Decimal::ZERO || share > Decimal::ONE)
            .then(|| format!("the share {share} is not above 0 and at most 1"))
    }
}

impl Rounding {
    /// Why this rounding cannot be used, if it cannot: a decimal keeps at most 28 places.
    pub fn problem(&self) -> Option<String> {
        (self.places > 28).then(|| format!("{} places: at most 28 can be kept", self.places))
    }
}

/// The defaults of one rubric version (`council.json` in the rubric folder).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CouncilDefaults {
    /// File format version (1).
    pub format: u32,
    /// The rubric these defaults belong to.
    pub rubric: String,
    /// Where the defaults come from.
    pub source: String,
    /// The levels at which councils sit under this rubric.
    pub levels: Vec<Level>,
    /// Roles whose sheets count.
    pub scoring_roles: Vec<Role>,
    /// Quorum.
    #[serde(deserialize_with = "crate::json::object")]
    pub quorum: Quorum,
    /// Largest allowed spread per level (absent or `null`: no limit).
    #[serde(default, deserialize_with = "crate::json::object")]
    pub max_spread: SpreadLimits,
    /// Rounding before banding (`null`: the exact mean).
    #[serde(default, deserialize_with = "nullable_object")]
    pub rounding: Option<Rounding>,
    /// How gates are judged.
    pub gates: GateJudgement,
    /// How knock-outs combine.
    pub knockouts: KnockoutCombination,
}

/// Spread limits per level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpreadLimits {
    /// District level.
    #[serde(default)]
    pub district: Option<Exact>,
    /// Province level.
    #[serde(default)]
    pub province: Option<Exact>,
    /// Central level.
    #[serde(default)]
    pub central: Option<Exact>,
}

impl CouncilDefaults {
    /// Every value out of its range, by field (as [`RuleOverrides::problems`] checks them).
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        problems.extend(roles_problem(&self.scoring_roles).map(|detail| ("scoring_roles", detail)));
        problems.extend(self.quorum.problem().map(|detail| ("quorum", detail)));
        for spread in [
            self.max_spread.district,
            self.max_spread.province,
            self.max_spread.central,
        ]
        .into_iter()
        .flatten()
        {
            problems.extend(spread_problem(spread).map(|detail| ("max_spread", detail)));
        }
        if let Some(rounding) = self.rounding {
            problems.extend(rounding.problem().map(|detail| ("rounding", detail)));
        }
        if self.levels.is_empty() {
            problems.push(("levels", "at least one level must sit".to_owned()));
        }
        problems
    }
}

impl SpreadLimits {
    fn at(&self, level: Level) -> Option<Exact> {
        match level {
            Level::District => self.district,
            Level::Province => self.province,
            Level::Central => self.central,
        }
    }
}

impl Rules {
    /// The rules for a council at `level`: defaults, then the rules file, then the session.
    pub fn resolve(
        defaults: &CouncilDefaults,
        level: Level,
        file: Option<(&str, &RuleOverrides)>,
        session: &RuleOverrides,
    ) -> Rules {
        let origin = format!("default ({}, {})", defaults.rubric, level.name_en());
        let mut rules = Rules {
            scoring_roles: applied(defaults.scoring_roles.clone(), &origin),
            quorum: applied(defaults.quorum.clone(), &origin),
            max_spread: applied(defaults.max_spread.at(level), &origin),
            rounding: applied(defaults.rounding, &origin),
            gates: applied(defaults.gates, &origin),
            knockouts: applied(defaults.knockouts, &origin),
        };
        if let Some((name, overrides)) = file {
            rules.apply(overrides, &format!("rules file ({name})"));
        }
        rules.apply(session, SESSION_SOURCE);
        rules
    }

    fn apply(&mut self, overrides: &RuleOverrides, source: &str) {
        fn set<T: Clone>(slot: &mut Applied<T>, value: &Option<T>, source: &str) {
            if let Some(value) = value {
                *slot = applied(value.clone(), source);
            }
        }
        set(&mut self.scoring_roles, &overrides.scoring_roles, source);
        set(&mut self.quorum, &overrides.quorum, source);
        set(&mut self.max_spread, &overrides.max_spread, source);
        set(&mut self.rounding, &overrides.rounding, source);
        set(&mut self.gates, &overrides.gates, source);
        set(&mut self.knockouts, &overrides.knockouts, source);
    }

    /// The rules as the result reports them.
    pub fn report(&self) -> AppliedRules {
        AppliedRules {
            scoring_roles: self.scoring_roles.clone(),
            quorum: self.quorum.clone(),
            max_spread: self.max_spread.clone(),
            rounding: self.rounding.clone(),
            gates: self.gates.clone(),
            knockouts: self.knockouts.clone(),
        }
    }
}

fn applied<T>(value: T, source: &str) -> Applied<T> {
    Applied {
        value,
        source: source.to_owned(),
    }
}

/// The rules as applied, in the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AppliedRules {
    /// Roles whose sheets count.
    pub scoring_roles: Applied<Vec<Role>>,
    /// Quorum.
    pub quorum: Applied<Quorum>,
    /// Largest allowed spread (`null`: no limit).
    pub max_spread: Applied<Option<Exact>>,
    /// Rounding before banding (`null`: the exact mean).
    pub rounding: Applied<Option<Rounding>>,
    /// How gates are judged.
    pub gates: Applied<GateJudgement>,
    /// How knock-outs combine.
    pub knockouts: Applied<KnockoutCombination>,
}

/// Reads a field that, when present, holds a value: `null` is a wrong type, where serde's
/// default would read it as an absent field.
fn given<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// A value written as an object, or `null`.
fn nullable_object<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    Option::<crate::json::Object<T>>::deserialize(deserializer)
        .map(|value| value.map(|object| object.0))
}

/// [`given`], for a value written as an object.
fn given_object<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    crate::json::object(deserializer).map(Some)
}

/// [`present`], for a value written as an object.
fn present_object<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<crate::json::Object<T>>::deserialize(deserializer)
        .map(|value| Some(value.map(|object| object.0)))
}

/// Reads a field that is present: `null` becomes `Some(None)` (override to "none"), where
/// serde's default would read it as an absent field.
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn rounding_modes_follow_their_documentation() {
        let round = |mode, value: &str| {
            Rounding { places: 2, mode }
                .apply(decimal(value))
                .to_string()
        };
        assert_eq!(round(RoundingMode::HalfUp, "69.665"), "69.67");
        assert_eq!(round(RoundingMode::HalfUp, "69.664"), "69.66");
        assert_eq!(round(RoundingMode::HalfEven, "69.665"), "69.66");
        assert_eq!(round(RoundingMode::HalfEven, "69.675"), "69.68");
        assert_eq!(round(RoundingMode::Down, "69.669"), "69.66");
    }

    #[test]
    fn knockout_combinations_count_votes() {
        assert!(!KnockoutCombination::Majority.decides(2, 4));
        assert!(KnockoutCombination::Majority.decides(3, 5));
        assert!(KnockoutCombination::Any.decides(1, 9));
        assert!(!KnockoutCombination::Unanimous.decides(8, 9));
        assert!(KnockoutCombination::Unanimous.decides(9, 9));
    }

    #[test]
    fn overrides_distinguish_absent_from_null() {
        let absent: RuleOverrides = serde_json::from_str("{}").unwrap();
        assert_eq!(absent.max_spread, None);
        let none: RuleOverrides = serde_json::from_str(r#"{"max_spread": null}"#).unwrap();
        assert_eq!(none.max_spread, Some(None));
        let ten: RuleOverrides = serde_json::from_str(r#"{"max_spread": "10"}"#).unwrap();
        assert_eq!(ten.max_spread, Some(Some(Exact(decimal("10")))));
        let bad: Result<RuleOverrides, _> = serde_json::from_str(r#"{"max_spread": 10}"#);
        assert!(bad.is_err(), "a JSON number is not an exact decimal");
    }
}
