//! Checks rubric files and builds the validated model, reporting every problem at once.

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::Date;
use rust_decimal::Decimal;
use unicode_normalization::is_nfc;

use super::model::{
    Amendment, Applicability, Case, ChangelogEntry, Choice, Criterion, Decision, Erratum, Gate,
    GateRequirement, Group, Instrument, Level, Part, PartCode, PartSpec, ProductSet, Provenance,
    Recognition, Scoring, SetEntry, StarBand, Stars, StopRule,
};
use super::problem::{RubricProblem, RubricProblemKind, Severity, SumOf};
use super::source::{
    CriterionKind, CriterionSource, ErratumSource, FORMAT_VERSION, InstrumentSource, OptionSource,
    ProductSetSource, ProvenanceSource,
};
use crate::decimal::format as dec;
use crate::json::Place;

/// Collects problems for one file.
pub(crate) struct Checker {
    file: String,
    rubric: String,
    set: Option<u8>,
    problems: Vec<RubricProblem>,
}

impl Checker {
    pub(crate) fn new(file: &str, rubric: &str, set: Option<u8>) -> Self {
        Self {
            file: file.to_owned(),
            rubric: rubric.to_owned(),
            set,
            problems: Vec::new(),
        }
    }

    fn report(
        &mut self,
        severity: Severity,
        path: &Place<'_>,
        code: Option<&str>,
        kind: RubricProblemKind,
    ) {
        self.problems.push(RubricProblem {
            severity,
            file: self.file.clone(),
            path: path.to_path(),
            position: None,
            rubric: self.rubric.clone(),
            set: self.set,
            code: code.map(str::to_owned),
            kind,
        });
    }

    pub(crate) fn error(&mut self, path: &Place<'_>, code: Option<&str>, kind: RubricProblemKind) {
        self.report(Severity::Error, path, code, kind);
    }

    fn warn(&mut self, path: &Place<'_>, code: Option<&str>, kind: RubricProblemKind) {
        self.report(Severity::Warning, path, code, kind);
    }

    pub(crate) fn text(&mut self, path: &Place<'_>, code: Option<&str>, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.error(
                path,
                code,
                RubricProblemKind::Text {
                    field: field.to_owned(),
                    empty: true,
                },
            );
        } else if !in_nfc(text) {
            self.error(
                path,
                code,
                RubricProblemKind::Text {
                    field: field.to_owned(),
                    empty: false,
                },
            );
        }
    }

    pub(crate) fn date(&mut self, path: &Place<'_>, text: &str) -> Option<Date> {
        let date = text
            .parse::<Date>()
            .ok()
            .filter(|date| date.to_string() == text);
        if date.is_none() {
            self.error(
                path,
                None,
                RubricProblemKind::InvalidDate {
                    value: text.to_owned(),
                },
            );
        }
        date
    }

    fn format(&mut self, found: u32) {
        if found != FORMAT_VERSION {
            self.error(
                &Place::ROOT.key("format"),
                None,
                RubricProblemKind::UnsupportedFormat { found },
            );
        }
    }

    fn has_errors(&self) -> bool {
        self.problems
            .iter()
            .any(|problem| problem.severity == Severity::Error)
    }

    /// Turns into warnings the errors that a recorded erratum accepts: a defect of the source
    /// kept as printed, at the erratum's place.
    fn accept_defects(&mut self, errata: &[ErratumSource]) {
        for problem in &mut self.problems {
            let accepted = errata.iter().any(|erratum| {
                erratum.accepted_defect.as_deref() == Some(problem.kind.name())
                    && [&erratum.criterion, &erratum.group, &erratum.part]
                        .into_iter()
                        .flatten()
                        .next()
                        .is_some_and(|place| problem.code.as_ref() == Some(place))
            });
            if accepted {
                problem.severity = Severity::Warning;
            }
        }
    }

    /// The problems, and the value only if none of them is an error.
    pub(crate) fn finish<T>(self, value: Option<T>) -> (Option<T>, Vec<RubricProblem>) {
        let value = if self.has_errors() { None } else { value };
        (value, self.problems)
    }
}

/// Validates an instrument file.
pub(crate) fn instrument(
    source: &InstrumentSource,
    file: &str,
    fingerprint: String,
) -> (Option<Instrument>, Vec<RubricProblem>) {
    let mut check = Checker::new(file, &source.id, None);
    let root = Place::ROOT;
    check.format(source.format);
    check.text(&root.key("id"), None, "id", &source.id);
    check.text(&root.key("title"), None, "title", &source.title);
    check.text(
        &root.key("decision").key("number"),
        None,
        "decision.number",
        &source.decision.number,
    );
    check.text(
        &root.key("decision").key("title"),
        None,
        "decision.title",
        &source.decision.title,
    );
    let decision_date = check.date(&root.key("decision").key("date"), &source.decision.date);
    let effective_from = check.date(&root.key("effective_from"), &source.effective_from);
    let effective_until = source
        .effective_until
        .as_ref()
        .map(|until| check.date(&root.key("effective_until"), until));
    let provenance = provenance(&mut check, &root.key("provenance"), &source.provenance);

    let mut parts = Vec::new();
    let parts_at = root.key("parts");
    for (index, part) in source.parts.iter().enumerate() {
        let path = parts_at.index(index);
        check.text(&path.key("title"), Some(&part.code), "title", &part.title);
        match PartCode::parse(&part.code) {
            Some(code) => parts.push(PartSpec {
                code,
                title: part.title.clone(),
                max: part.max,
            }),
            None => check.error(
                &path.key("code"),
                Some(&part.code),
                RubricProblemKind::PartsDiffer {
                    expected: "A, B, C".to_owned(),
                    found: part.code.clone(),
                },
            ),
        }
    }
    let codes: Vec<PartCode> = parts.iter().map(|part| part.code).collect();
    if codes != [PartCode::A, PartCode::B, PartCode::C] && codes.len() == source.parts.len() {
        check.error(
            &root.key("parts"),
            None,
            RubricProblemKind::PartsDiffer {
                expected: "A, B, C".to_owned(),
                found: codes
                    .iter()
                    .map(|code| code.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        );
    }
    let parts_sum: Decimal = parts.iter().map(|part| part.max).sum();
    if parts_sum != source.total_max {
        check.error(
            &root.key("parts"),
            None,
            RubricProblemKind::SumMismatch {
                of: SumOf::PartsOfSheet,
                sum: parts_sum,
                max: source.total_max,
            },
        );
    }

    let star_bands = bands(&mut check, source);
    let recognition = recognition(&mut check, source);
    let top = source.star_bands.last().map_or(0, |band| band.stars);
    let no_certifiers = HashMap::new();
    let certifiers = recognition
        .as_ref()
        .map_or(&no_certifiers, |recognition| &recognition.certifiers);
    let procedure = super::procedure::validate(&mut check, source, top, certifiers);

    let mut seen = HashSet::new();
    let mut product_sets = Vec::new();
    let product_sets_at = root.key("product_sets");
    for (index, entry) in source.product_sets.iter().enumerate() {
        let path = product_sets_at.index(index);
        check.text(&path.key("name"), None, "name", &entry.name);
        if !seen.insert(entry.number) {
            check.error(
                &path,
                None,
                RubricProblemKind::SetListing {
                    number: entry.number,
                    missing: false,
                },
            );
        }
        product_sets.push(SetEntry {
            number: entry.number,
            name: entry.name.clone(),
        });
    }

    let mut changelog = Vec::new();
    let changelog_at = root.key("changelog");
    for (index, entry) in source.changelog.iter().enumerate() {
        let path = changelog_at.index(index);
        check.text(&path.key("summary"), None, "summary", &entry.summary);
        if let Some(date) = check.date(&path.key("date"), &entry.date) {
            changelog.push(ChangelogEntry {
                revision: entry.revision,
                date,
                summary: entry.summary.clone(),
                source: entry.source.clone(),
            });
        }
    }
    if source.changelog.last().map(|entry| entry.revision) != Some(source.revision) {
        check.error(
            &root.key("changelog"),
            None,
            RubricProblemKind::Changelog {
                revision: source.revision,
            },
        );
    }

    let mut amendments = Vec::new();
    let amendments_at = root.key("amendments");
    for (index, amendment) in source.amendments.iter().enumerate() {
        let path = amendments_at.index(index);
        check.text(&path.key("summary"), None, "summary", &amendment.summary);
        if let Some(date) = check.date(&path.key("date"), &amendment.date) {
            amendments.push(Amendment {
                number: amendment.number.clone(),
                date,
                summary: amendment.summary.clone(),
                applied: amendment.applied,
                note: amendment.note.clone(),
            });
        }
    }
    if let Some(policy) = &source.band_policy {
        check.text(&root.key("band_policy"), None, "band_policy", policy);
    }

    let value = (|| {
        Some(Instrument {
            id: source.id.clone(),
            revision: source.revision,
            title: source.title.clone(),
            decision: Decision {
                number: source.decision.number.clone(),
                date: decision_date?,
                title: source.decision.title.clone(),
            },
            effective_from: effective_from?,
            effective_until: effective_until.flatten(),
            provenance,
            total_max: source.total_max,
            parts,
            star_bands: star_bands?,
            recognition: recognition?,
            band_policy: source.band_policy.clone(),
            amendments,
            product_sets,
            changelog,
            procedure,
            fingerprint,
        })
    })();
    check.finish(value)
}

fn provenance(check: &mut Checker, path: &Place<'_>, source: &ProvenanceSource) -> Provenance {
    check.text(&path.key("source"), None, "source", &source.source);
    if let Some(warning) = &source.warning {
        check.text(&path.key("warning"), None, "warning", warning);
    }
    Provenance {
        confidence: source.confidence,
        source: source.source.clone(),
        warning: source.warning.clone(),
    }
}

/// Checks that the bands run from 0 to the maximum with no gap or overlap, stars rising by one.
fn bands(check: &mut Checker, source: &InstrumentSource) -> Option<Vec<StarBand>> {
    let path = Place::ROOT.key("star_bands");
    let before = check.problems.len();
    let problem = |check: &mut Checker, index: usize, detail: String| {
        check.error(
            &path.index(index),
            None,
            RubricProblemKind::Bands { detail },
        );
    };
    if source.star_bands.is_empty() {
        check.error(
            &path,
            None,
            RubricProblemKind::Bands {
                detail: "no bands".to_owned(),
            },
        );
    }
    let mut expected_from = Decimal::ZERO;
    for (index, band) in source.star_bands.iter().enumerate() {
        let expected_stars = index + 1;
        if usize::from(band.stars) != expected_stars {
            problem(
                check,
                index,
                format!(
                    "band {index} has {} stars, expected {expected_stars}",
                    band.stars
                ),
            );
        }
        if band.from > expected_from {
            problem(
                check,
                index,
                format!("gap from {} to {}", dec(expected_from), dec(band.from)),
            );
        } else if band.from < expected_from {
            problem(
                check,
                index,
                format!("overlap from {} to {}", dec(band.from), dec(expected_from)),
            );
        }
        let is_top = index + 1 == source.star_bands.len();
        match (band.below, is_top) {
            (Some(below), false) => {
                if below <= band.from {
                    problem(
                        check,
                        index,
                        format!("empty band {}–{}", dec(band.from), dec(below)),
                    );
                }
                expected_from = below;
            }
            (None, true) => {
                if band.from > source.total_max {
                    problem(
                        check,
                        index,
                        format!("top band starts above {}", dec(source.total_max)),
                    );
                }
            }
            (Some(_), true) => problem(
                check,
                index,
                "the top band must include the maximum (no `below`)".to_owned(),
            ),
            (None, false) => {
                problem(
                    check,
                    index,
                    "only the top band may omit `below`".to_owned(),
                );
                expected_from = band.from;
            }
        }
        check.text(
            &path.index(index).key("printed"),
            None,
            "printed",
            &band.printed,
        );
    }
    (check.problems.len() == before).then(|| {
        source
            .star_bands
            .iter()
            .map(|band| StarBand {
                stars: band.stars,
                from: band.from,
                below: band.below,
                printed: band.printed.clone(),
            })
            .collect()
    })
}

fn recognition(check: &mut Checker, source: &InstrumentSource) -> Option<Recognition> {
    let path = Place::ROOT.key("recognition");
    let rules = &source.recognition;
    let before = check.problems.len();
    let top = source.star_bands.last().map_or(0, |band| band.stars);
    if rules.certifiable_from == 0 || rules.certifiable_from > top {
        check.error(
            &path.key("certifiable_from"),
            None,
            RubricProblemKind::Recognition {
                detail: format!("no band has {} stars", rules.certifiable_from),
            },
        );
    }
    let mut certifiers = HashMap::new();
    let certifiers_at = path.key("certifiers");
    for (index, certifier) in rules.certifiers.iter().enumerate() {
        let at = certifiers_at.index(index);
        let Some(level) = Level::parse(&certifier.level) else {
            check.error(
                &at.key("level"),
                None,
                RubricProblemKind::Recognition {
                    detail: format!("unknown level {:?}", certifier.level),
                },
            );
            continue;
        };
        for &stars in &certifier.stars {
            if certifiers.insert(stars, level).is_some() {
                check.error(
                    &at,
                    None,
                    RubricProblemKind::Recognition {
                        detail: format!("{stars} stars have two certifiers"),
                    },
                );
            }
        }
    }
    for stars in rules.certifiable_from..=top {
        if !certifiers.contains_key(&stars) {
            check.error(
                &path.key("certifiers"),
                None,
                RubricProblemKind::Recognition {
                    detail: format!("no level certifies {stars} stars"),
                },
            );
        }
    }
    check.text(&path.key("printed"), None, "printed", &rules.printed);
    (check.problems.len() == before).then(|| Recognition {
        certifiable_from: rules.certifiable_from,
        certifiers,
        potential_five_star_from: rules.potential_five_star_from,
        printed: rules.printed.clone(),
    })
}

/// Validates a product set file against its instrument.
pub(crate) fn product_set(
    source: &ProductSetSource,
    instrument: &Instrument,
    file: &str,
    fingerprint: String,
) -> (Option<ProductSet>, Vec<RubricProblem>) {
    let mut check = Checker::new(file, &instrument.id, Some(source.number));
    let root = Place::ROOT;
    check.format(source.format);
    if source.rubric != instrument.id {
        check.error(
            &root.key("rubric"),
            None,
            RubricProblemKind::WrongRubric {
                expected: instrument.id.clone(),
                found: source.rubric.clone(),
            },
        );
    }
    if !instrument
        .product_sets
        .iter()
        .any(|entry| entry.number == source.number)
    {
        check.error(
            &root.key("number"),
            None,
            RubricProblemKind::SetListing {
                number: source.number,
                missing: false,
            },
        );
    }
    check.text(&root.key("name"), None, "name", &source.name);
    if let Some(text) = &source.classification {
        check.text(&root.key("classification"), None, "classification", text);
    }
    if let Some(text) = &source.dossier_rule {
        check.text(&root.key("dossier_rule"), None, "dossier_rule", text);
    }
    for (index, note) in source.footnotes.iter().enumerate() {
        check.text(&root.key("footnotes").index(index), None, "footnote", note);
    }
    let set_provenance = source
        .provenance
        .as_ref()
        .map(|p| provenance(&mut check, &root.key("provenance"), p));

    let expected_parts: Vec<(String, Decimal)> = instrument
        .parts
        .iter()
        .map(|part| (part.code.as_str().to_owned(), part.max))
        .collect();
    let found_parts: Vec<(String, Decimal)> = source
        .parts
        .iter()
        .map(|part| (part.code.clone(), part.max))
        .collect();
    if expected_parts != found_parts {
        let show = |parts: &[(String, Decimal)]| {
            parts
                .iter()
                .map(|(code, max)| format!("{code} = {}", dec(*max)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        check.error(
            &root.key("parts"),
            None,
            RubricProblemKind::PartsDiffer {
                expected: show(&expected_parts),
                found: show(&found_parts),
            },
        );
    }

    let mut builder = SetBuilder {
        check,
        codes: HashMap::new(),
        gates: Vec::new(),
    };
    let mut parts = Vec::new();
    let mut group_codes = HashSet::new();
    let parts_at = root.key("parts");
    for (part_index, part) in source.parts.iter().enumerate() {
        let path = parts_at.index(part_index);
        builder
            .check
            .text(&path.key("title"), Some(&part.code), "title", &part.title);
        let mut groups = Vec::new();
        let groups_at = path.key("groups");
        for (group_index, group) in part.groups.iter().enumerate() {
            let group_path = groups_at.index(group_index);
            if !group_codes.insert(group.code.as_str()) {
                builder.check.error(
                    &group_path.key("code"),
                    Some(&group.code),
                    RubricProblemKind::DuplicateCode,
                );
            }
            groups.push(builder.group(&group_path, group));
        }
        let sum: Decimal = part.groups.iter().map(|group| group.max).sum();
        if sum != part.max {
            builder.check.error(
                &path,
                Some(&part.code),
                RubricProblemKind::SumMismatch {
                    of: SumOf::GroupsOfPart,
                    sum,
                    max: part.max,
                },
            );
        }
        if let Some(code) = PartCode::parse(&part.code) {
            parts.push(Part {
                code,
                title: part.title.clone(),
                max: part.max,
                groups,
            });
        }
    }

    let stop_rules = builder.stop_rules(source);
    builder.applicability(&parts);
    let errata = builder.errata(source, &parts);
    let SetBuilder {
        mut check, gates, ..
    } = builder;
    check.accept_defects(&source.errata);
    let mut value = ProductSet {
        rubric: instrument.id.clone(),
        revision: instrument.revision,
        number: source.number,
        name: source.name.clone(),
        classification: source.classification.clone(),
        provenance: set_provenance,
        dossier_rule: source.dossier_rule.clone(),
        footnotes: source.footnotes.clone(),
        codes: Default::default(),
        slots: Vec::new(),
        plan: Default::default(),
        parts,
        stop_rules,
        gates,
        errata,
        fingerprint,
    };
    if !value.compile() {
        check.error(&root, None, RubricProblemKind::Uncompilable);
    }
    check.finish(Some(value))
}

/// State while building one product set.
struct SetBuilder {
    check: Checker,
    /// Every criterion code: whether it is answerable, and its option numbers (for rule checks).
    codes: HashMap<String, (bool, Vec<u32>)>,
    gates: Vec<Gate>,
}

impl SetBuilder {
    fn group(&mut self, path: &Place<'_>, source: &super::source::GroupSource) -> Group {
        self.check
            .text(&path.key("name"), Some(&source.code), "name", &source.name);
        for (index, note) in source.notes.iter().enumerate() {
            self.check.text(
                &path.key("notes").index(index),
                Some(&source.code),
                "note",
                note,
            );
        }
        let criteria = source
            .criteria
            .iter()
            .enumerate()
            .map(|(index, criterion)| {
                self.criterion(&path.key("criteria").index(index), criterion, false)
            })
            .collect();
        let sum: Decimal = source.criteria.iter().map(|criterion| criterion.max).sum();
        if sum != source.max {
            self.check.error(
                path,
                Some(&source.code),
                RubricProblemKind::SumMismatch {
                    of: SumOf::CriteriaOfGroup,
                    sum,
                    max: source.max,
                },
            );
        }
        Group {
            code: source.code.clone(),
            name: source.name.clone(),
            max: source.max,
            notes: source.notes.clone(),
            criteria,
        }
    }

    fn criterion(
        &mut self,
        path: &Place<'_>,
        source: &CriterionSource,
        is_child: bool,
    ) -> Criterion {
        let code = source.code.as_str();
        self.check
            .text(&path.key("name"), Some(code), "name", &source.name);
        for (index, note) in source.notes.iter().enumerate() {
            self.check
                .text(&path.key("notes").index(index), Some(code), "note", note);
        }
        if let Some(text) = &source.knockout {
            self.check
                .text(&path.key("knockout"), Some(code), "knockout", text);
        }
        self.kind_fields(path, source, is_child);

        let scoring = match source.kind {
            CriterionKind::Choice => {
                Scoring::Single(self.options(path, code, &source.options, source.max, None))
            }
            CriterionKind::Additive => {
                Scoring::Additive(self.options(path, code, &source.options, source.max, None))
            }
            CriterionKind::YesNo => Scoring::YesNo,
            CriterionKind::Cases => self.cases(path, source),
            CriterionKind::Nested => {
                let children: Vec<Criterion> = source
                    .children
                    .iter()
                    .enumerate()
                    .map(|(index, child)| {
                        self.criterion(&path.key("children").index(index), child, true)
                    })
                    .collect();
                let sum: Decimal = source.children.iter().map(|child| child.max).sum();
                if sum != source.max {
                    self.check.error(
                        path,
                        Some(code),
                        RubricProblemKind::SumMismatch {
                            of: SumOf::ChildrenOfCriterion,
                            sum,
                            max: source.max,
                        },
                    );
                }
                Scoring::Nested(children)
            }
        };
        let is_leaf = !matches!(scoring, Scoring::Nested(_));
        let criterion = Criterion {
            code: source.code.clone(),
            name: source.name.clone(),
            max: source.max,
            scoring,
            notes: source.notes.clone(),
            knockout: source.knockout.clone(),
            applies_when: source.applies_when.as_ref().map(|rule| Applicability {
                criterion: rule.criterion.clone(),
                unless: rule.unless.clone(),
                printed: rule.printed.clone(),
                slot: None,
            }),
            slot: None,
        };
        let attainable = criterion.attainable();
        let has_answers = source.kind == CriterionKind::YesNo || !source.options.is_empty();
        if is_leaf && has_answers && attainable < source.max && source.kind != CriterionKind::Cases
        {
            self.check.warn(
                path,
                Some(code),
                RubricProblemKind::MaxUnreachable {
                    attainable,
                    max: source.max,
                },
            );
        }
        let numbers = criterion
            .options()
            .iter()
            .map(|option| option.number)
            .collect();
        if self
            .codes
            .insert(source.code.clone(), (is_leaf, numbers))
            .is_some()
        {
            self.check.error(
                &path.key("code"),
                Some(code),
                RubricProblemKind::DuplicateCode,
            );
        }
        self.gates_of(path, source, &criterion);
        criterion
    }

    /// Checks that a criterion carries exactly the fields its kind uses.
    fn kind_fields(&mut self, path: &Place<'_>, source: &CriterionSource, is_child: bool) {
        let has_options = !source.options.is_empty();
        let has_cases = !source.cases.is_empty();
        let has_children = !source.children.is_empty();
        let detail = match source.kind {
            CriterionKind::Choice | CriterionKind::Additive if !has_options => Some("no options"),
            CriterionKind::Cases if source.cases.len() < 2 => Some("fewer than two cases"),
            CriterionKind::Nested if !has_children => Some("no sub-criteria"),
            CriterionKind::Nested if is_child => Some("sub-criteria cannot be nested again"),
            CriterionKind::YesNo if has_options || has_cases || has_children => {
                Some("a yes/no criterion has no options, cases or sub-criteria")
            }
            CriterionKind::Choice | CriterionKind::Additive if has_cases || has_children => {
                Some("only options are allowed")
            }
            CriterionKind::Cases if has_options || has_children => {
                Some("options belong inside the cases")
            }
            CriterionKind::Nested if has_options || has_cases => {
                Some("options belong to the sub-criteria")
            }
            _ => None,
        };
        if let Some(detail) = detail {
            self.check.error(
                &path.key("kind"),
                Some(&source.code),
                RubricProblemKind::KindMismatch {
                    detail: detail.to_owned(),
                },
            );
        }
        if source.heading_star.is_some() && source.kind == CriterionKind::Nested {
            self.check.error(
                &path.key("heading_star"),
                Some(&source.code),
                RubricProblemKind::KindMismatch {
                    detail: "a heading star needs an answerable criterion".to_owned(),
                },
            );
        }
    }

    fn options(
        &mut self,
        path: &Place<'_>,
        code: &str,
        options: &[OptionSource],
        max: Decimal,
        case: Option<(usize, u32)>,
    ) -> Vec<Choice> {
        let (case_index, first_number) =
            case.map_or((None, 1), |(index, first)| (Some(index), first));
        let options_at = path.key("options");
        options
            .iter()
            .zip(first_number..)
            .enumerate()
            .map(|(index, (option, number))| {
                let at = options_at.index(index);
                self.check
                    .text(&at.key("text"), Some(code), "text", &option.text);
                match option.points {
                    Some(points) if points > max => self.check.error(
                        &at.key("points"),
                        Some(code),
                        RubricProblemKind::OptionAboveMax {
                            option: number,
                            points,
                            max,
                        },
                    ),
                    Some(_) => {}
                    None => self.check.error(
                        &at.key("points"),
                        Some(code),
                        RubricProblemKind::UnreadablePoints { option: number },
                    ),
                }
                self.star_mark(&at.key("star"), code, option.star);
                Choice {
                    number,
                    text: option.text.clone(),
                    points: option.points,
                    star: option.star,
                    case: case_index,
                }
            })
            .collect()
    }

    fn cases(&mut self, path: &Place<'_>, source: &CriterionSource) -> Scoring {
        let mut cases = Vec::new();
        let mut options = Vec::new();
        let mut next_number = 1;
        let cases_at = path.key("cases");
        for (index, case) in source.cases.iter().enumerate() {
            let at = cases_at.index(index);
            self.check
                .text(&at.key("label"), Some(&source.code), "label", &case.label);
            let max = case.max.unwrap_or(source.max);
            if max > source.max {
                self.check.error(
                    &at.key("max"),
                    Some(&source.code),
                    RubricProblemKind::OptionAboveMax {
                        option: next_number,
                        points: max,
                        max: source.max,
                    },
                );
            }
            if case.options.is_empty() {
                self.check.error(
                    &at,
                    Some(&source.code),
                    RubricProblemKind::KindMismatch {
                        detail: format!("case {} has no options", index + 1),
                    },
                );
            }
            let case_options = self.options(
                &at,
                &source.code,
                &case.options,
                max,
                Some((index, next_number)),
            );
            next_number += u32::try_from(case_options.len()).unwrap_or(u32::MAX - next_number);
            let attainable = case_options
                .iter()
                .filter_map(|option| option.points)
                .max()
                .unwrap_or(Decimal::ZERO);
            if !case_options.is_empty() && attainable < max {
                self.check.warn(
                    &at,
                    Some(&source.code),
                    RubricProblemKind::MaxUnreachable { attainable, max },
                );
            }
            cases.push(Case {
                label: case.label.clone(),
                max,
                options: case_options.iter().map(|option| option.number).collect(),
            });
            options.extend(case_options);
        }
        Scoring::Cases { cases, options }
    }

    fn star_mark(&mut self, path: &Place<'_>, code: &str, mark: Option<Stars>) {
        if let Some(mark) = mark.filter(|mark| !(3..=5).contains(mark)) {
            self.check.error(
                path,
                Some(code),
                RubricProblemKind::InvalidStarMark { mark },
            );
        }
    }

    /// Derives the criterion's star gates from its marks.
    fn gates_of(&mut self, path: &Place<'_>, source: &CriterionSource, criterion: &Criterion) {
        self.star_mark(&path.key("heading_star"), &source.code, source.heading_star);
        // For each level, the lowest-scoring marked option: either marked option satisfies it.
        // A marked option whose points cannot be read sets no requirement: none is invented.
        let mut by_level: BTreeMap<Stars, (u32, Decimal)> = BTreeMap::new();
        for option in criterion.options() {
            let (Some(level), Some(points)) = (
                option.star.filter(|mark| (3..=5).contains(mark)),
                option.points,
            ) else {
                continue;
            };
            let entry = by_level.entry(level).or_insert((option.number, points));
            if points < entry.1 {
                *entry = (option.number, points);
            }
        }
        for (level, (number, points)) in by_level {
            self.gates.push(Gate {
                criterion: criterion.code.clone(),
                level,
                requirement: GateRequirement::Option { number, points },
                slot: None,
            });
        }
        if let Some(level) = source.heading_star.filter(|mark| (3..=5).contains(mark)) {
            self.gates.push(Gate {
                criterion: criterion.code.clone(),
                level,
                requirement: GateRequirement::AboveZero,
                slot: None,
            });
        }
    }

    fn stop_rules(&mut self, source: &ProductSetSource) -> Vec<StopRule> {
        let path = Place::ROOT.key("stop_rules");
        source
            .stop_rules
            .iter()
            .enumerate()
            .map(|(index, rule)| {
                let at = path.index(index);
                self.check
                    .text(&at.key("printed"), None, "printed", &rule.printed);
                if rule.criteria.is_empty() {
                    self.check.error(
                        &at.key("criteria"),
                        None,
                        RubricProblemKind::KindMismatch {
                            detail: "a stop rule must cover criteria".to_owned(),
                        },
                    );
                }
                for (position, code) in rule.criteria.iter().enumerate() {
                    if self.codes.get(code).map(|(is_leaf, _)| *is_leaf) != Some(true) {
                        self.check.error(
                            &at.key("criteria").index(position),
                            Some(code),
                            RubricProblemKind::UnknownCriterion {
                                rule: "stop rule".to_owned(),
                                named: code.clone(),
                            },
                        );
                    }
                }
                StopRule {
                    criteria: rule.criteria.clone(),
                    printed: rule.printed.clone(),
                    slots: Vec::new(),
                }
            })
            .collect()
    }

    fn applicability(&mut self, parts: &[Part]) {
        let parts_at = Place::ROOT.key("parts");
        for (part_index, part) in parts.iter().enumerate() {
            let part_at = parts_at.index(part_index);
            let groups_at = part_at.key("groups");
            for (group_index, group) in part.groups.iter().enumerate() {
                let group_at = groups_at.index(group_index);
                let criteria_at = group_at.key("criteria");
                for (criterion_index, criterion) in group.criteria.iter().enumerate() {
                    let path = criteria_at.index(criterion_index);
                    self.applies_when(&path, criterion);
                    if let Scoring::Nested(children) = &criterion.scoring {
                        let children_at = path.key("children");
                        for (index, child) in children.iter().enumerate() {
                            self.applies_when(&children_at.index(index), child);
                        }
                    }
                }
            }
        }
    }

    /// Checks the rule under which a criterion applies, if it has one.
    fn applies_when(&mut self, criterion_at: &Place<'_>, criterion: &Criterion) {
        let Some(rule) = &criterion.applies_when else {
            return;
        };
        let path = criterion_at.key("applies_when");
        let code = criterion.code.as_str();
        self.check
            .text(&path.key("printed"), Some(code), "printed", &rule.printed);
        let target = self
            .codes
            .get(&rule.criterion)
            .filter(|(is_leaf, _)| *is_leaf);
        match target {
            None => self.check.error(
                &path.key("criterion"),
                Some(code),
                RubricProblemKind::UnknownCriterion {
                    rule: "applicability".to_owned(),
                    named: rule.criterion.clone(),
                },
            ),
            Some((_, numbers)) => {
                let missing: Vec<u32> = rule
                    .unless
                    .iter()
                    .copied()
                    .filter(|option| !numbers.contains(option))
                    .collect();
                for option in missing {
                    self.check.error(
                        &path.key("unless"),
                        Some(code),
                        RubricProblemKind::UnknownOption {
                            rule: "applicability".to_owned(),
                            criterion: rule.criterion.clone(),
                            option,
                        },
                    );
                }
            }
        }
        if rule.criterion == code {
            self.check.error(
                &path.key("criterion"),
                Some(code),
                RubricProblemKind::KindMismatch {
                    detail: "a criterion cannot depend on itself".to_owned(),
                },
            );
        }
    }

    fn errata(&mut self, source: &ProductSetSource, parts: &[Part]) -> Vec<Erratum> {
        let path = Place::ROOT.key("errata");
        source
            .errata
            .iter()
            .enumerate()
            .map(|(index, erratum)| {
                let at = path.index(index);
                self.erratum_place(&at, erratum, parts);
                for (field, text) in [
                    ("printed", &erratum.printed),
                    ("encoded", &erratum.encoded),
                    ("reason", &erratum.reason),
                ] {
                    self.check
                        .text(&at.key(field), erratum.criterion.as_deref(), field, text);
                }
                Erratum {
                    part: erratum.part.clone(),
                    group: erratum.group.clone(),
                    criterion: erratum.criterion.clone(),
                    option: erratum.option,
                    printed: erratum.printed.clone(),
                    encoded: erratum.encoded.clone(),
                    reason: erratum.reason.clone(),
                    accepted_defect: erratum.accepted_defect.clone(),
                }
            })
            .collect()
    }

    fn erratum_place(&mut self, path: &Place<'_>, erratum: &ErratumSource, parts: &[Part]) {
        let rule = "erratum".to_owned();
        // An erratum naming no part, group or criterion concerns the sheet itself (its name or
        // the notes under it). It has no place at which to accept a defect.
        let names_a_place =
            erratum.part.is_some() || erratum.group.is_some() || erratum.criterion.is_some();
        if !names_a_place && erratum.accepted_defect.is_some() {
            self.check.error(
                &path.key("accepted_defect"),
                None,
                RubricProblemKind::KindMismatch {
                    detail:
                        "an erratum that accepts a defect must name its part, group or criterion"
                            .to_owned(),
                },
            );
        }
        if let Some(part) = erratum
            .part
            .as_ref()
            .filter(|part| !parts.iter().any(|p| p.code.as_str() == part.as_str()))
        {
            self.check.error(
                &path.key("part"),
                Some(part),
                RubricProblemKind::UnknownCriterion {
                    rule: rule.clone(),
                    named: part.clone(),
                },
            );
        }
        if let Some(group) = erratum.group.as_ref().filter(|group| {
            !parts
                .iter()
                .flat_map(|p| &p.groups)
                .any(|g| &g.code == *group)
        }) {
            self.check.error(
                &path.key("group"),
                Some(group),
                RubricProblemKind::UnknownCriterion {
                    rule: rule.clone(),
                    named: group.clone(),
                },
            );
        }
        if let Some(code) = &erratum.criterion {
            match self.codes.get(code) {
                None => self.check.error(
                    &path.key("criterion"),
                    Some(code),
                    RubricProblemKind::UnknownCriterion {
                        rule,
                        named: code.clone(),
                    },
                ),
                Some((_, numbers)) => {
                    if let Some(option) = erratum.option.filter(|option| !numbers.contains(option))
                    {
                        self.check.error(
                            &path.key("option"),
                            Some(code),
                            RubricProblemKind::UnknownOption {
                                rule,
                                criterion: code.clone(),
                                option,
                            },
                        );
                    }
                }
            }
        } else if erratum.option.is_some() {
            self.check.error(
                &path.key("option"),
                None,
                RubricProblemKind::KindMismatch {
                    detail: "an option needs its criterion".to_owned(),
                },
            );
        }
    }
}

/// Whether a text is in Unicode NFC. A text made only of characters that never combine and
/// are always in NFC ([`SETTLED`], as a test checks) is in NFC as it stands; any other goes
/// through the full check.
fn in_nfc(text: &str) -> bool {
    let settled = |c: char| SETTLED.iter().any(|range| range.contains(&c));
    text.chars().all(settled) || is_nfc(text)
}

/// Characters of canonical combining class 0 whose NFC quick check is "yes": a text of these
/// alone is in NFC. ASCII, Latin-1, Latin Extended-A and B, IPA and spacing modifiers; Latin
/// Extended Additional (every precomposed Vietnamese letter); general punctuation; arrows and
/// mathematical operators (`→`, `≥`); geometric shapes and miscellaneous symbols (`□`, `★`),
/// which rubric texts use.
const SETTLED: [std::ops::RangeInclusive<char>; 6] = [
    '\u{0}'..='\u{2ff}',
    '\u{1e00}'..='\u{1eff}',
    '\u{2010}'..='\u{2027}',
    '\u{2030}'..='\u{205e}',
    '\u{2190}'..='\u{22ff}',
    '\u{25a0}'..='\u{26ff}',
];

#[cfg(test)]
mod tests {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc_quick};

    use super::*;

    #[test]
    fn settled_characters_never_combine_and_are_in_nfc() {
        for c in SETTLED.iter().flat_map(|range| range.clone()) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
        }
    }

    #[test]
    fn nfc_is_decided_as_the_full_check_decides() {
        for text in [
            "Tỏi đen Lý Sơn",
            "□ Đạt ≥ 3 ★ → 4 ★",
            "Tỏi đen",
            "e\u{301}",
            "\u{1ec7}",
            "\u{2001}",
            "A\u{30a}",
        ] {
            assert_eq!(in_nfc(text), is_nfc(text), "{text:?}");
        }
    }
}
