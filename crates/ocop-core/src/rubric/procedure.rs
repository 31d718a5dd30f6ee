//! The procedure an instrument sets around the score, as data: who recognises which stars at
//! which level, how long a certificate lasts and when its re-rating is filed, how files in
//! progress finish under the rules it replaces, and the rounds each level holds in a year.
//!
//! Every rule carries the article it comes from (`source`) and the article's words (`printed`).
//! Revisions of the data released before these rules existed carry none of them: the engine then
//! behaves as it did for those revisions.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::Serialize;

use super::model::{Level, Stars};
use super::problem::RubricProblemKind;
use super::source::{
    CertificateRulesSource, InstrumentSource, LevelRecognitionSource, RoundSource, TransitionSource,
};
use super::validate::Checker;
use crate::json::Place;

/// The procedure rules of an instrument.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Procedure {
    /// What each level's council result leads to (empty in data revisions that predate it).
    pub recognition: Vec<LevelRecognition>,
    /// The certificate's validity and re-rating window.
    pub certificate: Option<CertificateRules>,
    /// How files in progress under the replaced rules finish.
    pub transition: Option<Transition>,
    /// The rounds each level holds every year.
    pub rounds: Vec<Round>,
}

impl Procedure {
    /// The recognition rules of one level.
    pub fn level(&self, level: Level) -> Option<&LevelRecognition> {
        self.recognition.iter().find(|rules| rules.level == level)
    }

    /// The level whose council certifies `stars` on its own result.
    pub fn certifier_of(&self, stars: Stars) -> Option<Level> {
        self.recognition.iter().find_map(|rules| {
            (rules.rule_for(stars)?.outcome == RecognitionOutcome::Certify).then_some(rules.level)
        })
    }
}

/// A rule's article and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RuleText {
    /// The article, e.g. `QĐ 26/2026/QĐ-TTg Điều 7 khoản 6 điểm a`.
    pub source: String,
    /// The article's words.
    pub printed: String,
}

/// What one level's council result leads to.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct LevelRecognition {
    /// The level.
    pub level: Level,
    /// Who decides at this level (`UBND tỉnh`).
    pub authority: String,
    /// One rule per group of star levels.
    pub rules: Vec<RecognitionRule>,
}

impl LevelRecognition {
    /// The rule covering a star level.
    pub fn rule_for(&self, stars: Stars) -> Option<&RecognitionRule> {
        self.rules.iter().find(|rule| rule.stars.contains(&stars))
    }
}

/// What a council result of some star levels leads to.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RecognitionRule {
    /// The final stars covered.
    pub stars: Vec<Stars>,
    /// What follows.
    pub outcome: RecognitionOutcome,
    /// The article.
    pub text: RuleText,
}

/// What a council's result leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecognitionOutcome {
    /// This level recognises the stars and issues the certificate.
    Certify,
    /// A district result sent up for the province to evaluate.
    ReferToProvince,
    /// A province result of five stars: approved and proposed to the ministry.
    ReferToCentral,
    /// A province result below the province's stars: the district may recognise it.
    ReturnToDistrict,
    /// A central result below five stars: the province may recognise it.
    ReturnToProvince,
    /// Stars that earn no decision and no certificate.
    NoCertificate,
    /// The council has no result (it is not ranked).
    None,
}

impl RecognitionOutcome {
    /// Parses the data's name of an outcome (`none` is never data).
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "certify" => Self::Certify,
            "refer_to_province" => Self::ReferToProvince,
            "refer_to_central" => Self::ReferToCentral,
            "return_to_district" => Self::ReturnToDistrict,
            "return_to_province" => Self::ReturnToProvince,
            "no_certificate" => Self::NoCertificate,
            _ => return None,
        })
    }

    /// The level the result goes to, for a referral or a return.
    pub fn target(self) -> Option<Level> {
        match self {
            Self::ReferToProvince | Self::ReturnToProvince => Some(Level::Province),
            Self::ReferToCentral => Some(Level::Central),
            Self::ReturnToDistrict => Some(Level::District),
            Self::Certify | Self::NoCertificate | Self::None => None,
        }
    }
}

/// A certificate's validity and re-rating window.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CertificateRules {
    /// Months a certificate is valid.
    pub validity_months: u16,
    /// The article.
    pub text: RuleText,
    /// The re-rating filing window, if the instrument sets one.
    pub re_rating_window: Option<WindowRule>,
}

/// The re-rating filing window, in days before expiry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct WindowRule {
    /// Filing opens this many days before expiry.
    pub opens_days_before: u16,
    /// Filing closes this many days before expiry.
    pub closes_days_before: u16,
    /// The article.
    #[serde(flatten)]
    pub text: RuleText,
}

/// The kind of an evaluation (Mẫu 01, mục 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Evaluation {
    /// Lần đầu.
    First,
    /// Nâng hạng.
    Upgrade,
    /// Đánh giá lại.
    Rerating,
}

impl Evaluation {
    /// Parses `first`, `upgrade` or `rerating`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "first" => Some(Self::First),
            "upgrade" => Some(Self::Upgrade),
            "rerating" => Some(Self::Rerating),
            _ => None,
        }
    }

    /// The name in the data and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::First => "first",
            Self::Upgrade => "upgrade",
            Self::Rerating => "rerating",
        }
    }

    /// The Vietnamese name on Mẫu 01.
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::First => "lần đầu",
            Self::Upgrade => "nâng hạng",
            Self::Rerating => "đánh giá lại",
        }
    }
}

/// How files submitted before the instrument took effect finish under the replaced rules.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Transition {
    /// Only files submitted before this day may continue under the old rules.
    pub submitted_before: Date,
    /// How long each kind of evaluation may continue.
    pub limits: Vec<TransitionLimit>,
    /// The validity extension of certificates whose re-rating could not be filed in time.
    pub certificate_extension: Option<Extension>,
}

impl Transition {
    /// The limit for a kind of evaluation.
    pub fn limit(&self, evaluation: Evaluation) -> Option<&TransitionLimit> {
        self.limits
            .iter()
            .find(|limit| limit.evaluations.contains(&evaluation))
    }

    /// The longest limit: what applies when the kind of evaluation is not known.
    pub fn widest(&self) -> Option<&TransitionLimit> {
        self.limits.iter().max_by_key(|limit| limit.days)
    }
}

/// How long some kinds of evaluation may continue under the old rules.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TransitionLimit {
    /// The kinds of evaluation.
    pub evaluations: Vec<Evaluation>,
    /// Days from the effective date, counted from the day after it.
    pub days: u16,
    /// The article.
    pub text: RuleText,
}

/// A certificate's validity extended past its expiry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Extension {
    /// At most this many days past expiry.
    pub days_after_expiry: u16,
    /// The article.
    #[serde(flatten)]
    pub text: RuleText,
}

/// An evaluation round a level holds every year.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Round {
    /// The level.
    pub level: Level,
    /// The round's number in the decision.
    pub round: u8,
    /// Held before this (month, day).
    pub held_before: (i8, i8),
    /// For files proposed before this (month, day).
    pub proposed_before: (i8, i8),
    /// The article.
    pub text: RuleText,
}

/// `date` plus `days` days, as the Civil Code counts a period of days that starts on `date`
/// (it runs from the day after, so its last day is `date + days`); `None` outside the calendar.
pub fn days_after(date: Date, days: u16) -> Option<Date> {
    date.checked_add(jiff::Span::new().days(i64::from(days)))
        .ok()
}

/// `date` minus `days` days; `None` outside the calendar.
pub fn days_before(date: Date, days: u16) -> Option<Date> {
    date.checked_sub(jiff::Span::new().days(i64::from(days)))
        .ok()
}

/// Checks the procedure rules of an instrument file.
pub(crate) fn validate(
    check: &mut Checker,
    source: &InstrumentSource,
    top: Stars,
    certifiers: &HashMap<Stars, Level>,
) -> Procedure {
    let root = Place::ROOT;
    let recognition_at = root.key("recognition");
    let by_level_at = recognition_at.key("by_level");
    let rounds_at = root.key("rounds");
    let recognition = source
        .recognition
        .by_level
        .iter()
        .enumerate()
        .filter_map(|(index, level)| {
            let path = by_level_at.index(index);
            level_recognition(check, &path, level, top, certifiers)
        })
        .collect::<Vec<_>>();
    let mut seen = HashSet::new();
    for (index, level) in recognition.iter().enumerate() {
        if !seen.insert(level.level) {
            let path = by_level_at.index(index);
            problem(
                check,
                &path,
                format!("level {} listed twice", level.level.name_en()),
            );
        }
    }
    let certificate = source
        .certificate
        .as_ref()
        .map(|rules| certificate(check, &root.key("certificate"), rules));
    let transition = source
        .transition
        .as_ref()
        .and_then(|rules| transition(check, &root.key("transition"), rules));
    let rounds = source
        .rounds
        .iter()
        .enumerate()
        .filter_map(|(index, round)| self::round(check, &rounds_at.index(index), round))
        .collect::<Vec<_>>();
    let mut numbered = HashSet::new();
    for (index, round) in rounds.iter().enumerate() {
        if !numbered.insert((round.level, round.round)) {
            let path = rounds_at.index(index);
            problem(check, &path, format!("round {} listed twice", round.round));
        }
    }
    Procedure {
        recognition,
        certificate,
        transition,
        rounds,
    }
}

fn problem(check: &mut Checker, path: &Place<'_>, detail: String) {
    check.error(path, None, RubricProblemKind::Procedure { detail });
}

fn rule_text(check: &mut Checker, path: &Place<'_>, source: &str, printed: &str) -> RuleText {
    check.text(&path.key("source"), None, "source", source);
    check.text(&path.key("printed"), None, "printed", printed);
    RuleText {
        source: source.to_owned(),
        printed: printed.to_owned(),
    }
}

fn level_recognition(
    check: &mut Checker,
    path: &Place<'_>,
    source: &LevelRecognitionSource,
    top: Stars,
    certifiers: &HashMap<Stars, Level>,
) -> Option<LevelRecognition> {
    let Some(level) = Level::parse(&source.level) else {
        problem(
            check,
            &path.key("level"),
            format!("unknown level {:?}", source.level),
        );
        return None;
    };
    check.text(&path.key("authority"), None, "authority", &source.authority);
    let mut covered: HashMap<Stars, usize> = HashMap::new();
    let mut rules = Vec::new();
    let rules_at = path.key("rules");
    for (index, rule) in source.rules.iter().enumerate() {
        let at = rules_at.index(index);
        let text = rule_text(check, &at, &rule.source, &rule.printed);
        // Stars are covered even by a rule whose outcome is unknown: one mistake, one problem.
        for &stars in &rule.stars {
            *covered.entry(stars).or_default() += 1;
        }
        let Some(outcome) = RecognitionOutcome::parse(&rule.outcome) else {
            problem(
                check,
                &at.key("outcome"),
                format!("unknown outcome {:?}", rule.outcome),
            );
            continue;
        };
        for &stars in &rule.stars {
            if let Some(detail) = inconsistency(level, outcome, stars, top, certifiers) {
                problem(check, &at, detail);
            }
        }
        rules.push(RecognitionRule {
            stars: rule.stars.clone(),
            outcome,
            text,
        });
    }
    for stars in 1..=top {
        match covered.get(&stars).copied().unwrap_or(0) {
            1 => {}
            0 => problem(check, path, format!("no rule for {stars} stars")),
            _ => problem(check, path, format!("{stars} stars have two rules")),
        }
    }
    Some(LevelRecognition {
        level,
        authority: source.authority.clone(),
        rules,
    })
}

/// Why a rule contradicts the certifiers table, if it does: a level certifies only the stars
/// it is the certifier of, a result goes up only to a higher level, back only to a lower one and
/// only to the certifier of its stars, and stars without a certifier earn no certificate.
fn inconsistency(
    level: Level,
    outcome: RecognitionOutcome,
    stars: Stars,
    top: Stars,
    certifiers: &HashMap<Stars, Level>,
) -> Option<String> {
    if stars == 0 || stars > top {
        return Some(format!("no band has {stars} stars"));
    }
    let certifier = certifiers.get(&stars).copied();
    let rank = |level: Level| match level {
        Level::District => 0,
        Level::Province => 1,
        Level::Central => 2,
    };
    let consistent = match outcome {
        RecognitionOutcome::Certify => certifier == Some(level),
        RecognitionOutcome::NoCertificate => certifier.is_none(),
        RecognitionOutcome::ReferToProvince | RecognitionOutcome::ReferToCentral => outcome
            .target()
            .is_some_and(|target| rank(target) > rank(level)),
        RecognitionOutcome::ReturnToDistrict | RecognitionOutcome::ReturnToProvince => outcome
            .target()
            .is_some_and(|target| rank(target) < rank(level) && certifier == Some(target)),
        RecognitionOutcome::None => false,
    };
    (!consistent).then(|| {
        format!(
            "{stars} stars at {} level cannot lead to {:?} (certifier: {})",
            level.name_en(),
            outcome,
            certifier.map_or("none", Level::name_en)
        )
    })
}

fn certificate(
    check: &mut Checker,
    path: &Place<'_>,
    source: &CertificateRulesSource,
) -> CertificateRules {
    if source.validity_months == 0 {
        problem(
            check,
            &path.key("validity_months"),
            "zero months".to_owned(),
        );
    }
    let text = rule_text(check, path, &source.source, &source.printed);
    let re_rating_window = source.re_rating_window.as_ref().map(|window| {
        let at = path.key("re_rating_window");
        if window.closes_days_before == 0 || window.opens_days_before <= window.closes_days_before {
            problem(
                check,
                &at,
                format!(
                    "the window opens {} and closes {} days before expiry",
                    window.opens_days_before, window.closes_days_before
                ),
            );
        }
        WindowRule {
            opens_days_before: window.opens_days_before,
            closes_days_before: window.closes_days_before,
            text: rule_text(check, &at, &window.source, &window.printed),
        }
    });
    CertificateRules {
        validity_months: source.validity_months,
        text,
        re_rating_window,
    }
}

fn transition(
    check: &mut Checker,
    path: &Place<'_>,
    source: &TransitionSource,
) -> Option<Transition> {
    let submitted_before = check.date(&path.key("submitted_before"), &source.submitted_before);
    let mut seen = HashSet::new();
    let mut limits = Vec::new();
    let limits_at = path.key("limits");
    for (index, limit) in source.limits.iter().enumerate() {
        let at = limits_at.index(index);
        let mut evaluations = Vec::new();
        for name in &limit.evaluations {
            match Evaluation::parse(name) {
                Some(evaluation) if seen.insert(evaluation) => evaluations.push(evaluation),
                Some(_) => problem(check, &at, format!("{name} has two limits")),
                None => problem(check, &at, format!("unknown evaluation {name:?}")),
            }
        }
        if limit.days == 0 {
            problem(check, &at.key("days"), "zero days".to_owned());
        }
        limits.push(TransitionLimit {
            evaluations,
            days: limit.days,
            text: rule_text(check, &at, &limit.source, &limit.printed),
        });
    }
    if limits.is_empty() {
        problem(check, &path.key("limits"), "no limits".to_owned());
    }
    let certificate_extension = source.certificate_extension.as_ref().map(|extension| {
        let at = path.key("certificate_extension");
        if extension.days_after_expiry == 0 {
            problem(check, &at, "zero days".to_owned());
        }
        Extension {
            days_after_expiry: extension.days_after_expiry,
            text: rule_text(check, &at, &extension.source, &extension.printed),
        }
    });
    Some(Transition {
        submitted_before: submitted_before?,
        limits,
        certificate_extension,
    })
}

fn round(check: &mut Checker, path: &Place<'_>, source: &RoundSource) -> Option<Round> {
    let level = Level::parse(&source.level);
    if level.is_none() {
        problem(
            check,
            &path.key("level"),
            format!("unknown level {:?}", source.level),
        );
    }
    let mut day = |field: &str, text: &str| {
        let parsed = month_day(text);
        if parsed.is_none() {
            problem(
                check,
                &path.key(field),
                format!("{text:?} is not a day of the year (MM-DD)"),
            );
        }
        parsed
    };
    let held_before = day("held_before", &source.held_before);
    let proposed_before = day("proposed_before", &source.proposed_before);
    let text = rule_text(check, path, &source.source, &source.printed);
    Some(Round {
        level: level?,
        round: source.round,
        held_before: held_before?,
        proposed_before: proposed_before?,
        text,
    })
}

/// Parses `MM-DD` as a day that exists in every year (so not 29 February).
fn month_day(text: &str) -> Option<(i8, i8)> {
    let (month, day) = text.split_once('-')?;
    if month.len() != 2 || day.len() != 2 {
        return None;
    }
    let (month, day) = (month.parse::<i8>().ok()?, day.parse::<i8>().ok()?);
    Date::new(2001, month, day).ok().map(|_| (month, day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_period_of_days_ends_that_many_days_after_its_start() {
        // QĐ 26/2026 takes effect 22/5/2026; 60 days later is 21/7/2026, 30 days 21/6/2026.
        assert_eq!(days_after(date(2026, 5, 22), 60), Some(date(2026, 7, 21)));
        assert_eq!(days_after(date(2026, 5, 22), 30), Some(date(2026, 6, 21)));
        // 180 days after an expiry of 1/7/2026.
        assert_eq!(days_after(date(2026, 7, 1), 180), Some(date(2026, 12, 28)));
    }

    #[test]
    fn days_of_the_year_exist_in_every_year() {
        assert_eq!(month_day("06-30"), Some((6, 30)));
        assert_eq!(month_day("02-29"), None);
        assert_eq!(month_day("6-30"), None);
        assert_eq!(month_day("13-01"), None);
    }
}
