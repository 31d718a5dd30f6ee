//! Instrument metadata (what the decision says outside its sheets) and the instrument file.

use anyhow::{Context, Result};
use ocop_core::decimal;
use ocop_core::rubric::source::{
    AmendmentSource, CertificateRulesSource, CertifierSource, ChangelogEntrySource, Confidence,
    DecisionSource, ExtensionSource, FORMAT_VERSION, InstrumentSource, LevelRecognitionSource,
    PartSpecSource, ProvenanceSource, RecognitionRuleSource, RecognitionSource, RoundSource,
    SetEntrySource, StarBandSource, TransitionLimitSource, TransitionSource, WindowRuleSource,
};
use rust_decimal::Decimal;

/// A star band as the decision words it.
pub struct Band {
    /// Stars.
    pub stars: u8,
    /// Lowest total.
    pub from: &'static str,
    /// First total above the band (none for the top band).
    pub below: Option<&'static str>,
    /// Wording.
    pub printed: &'static str,
}

/// The five star bands every decision sets (under 30 → 1★, then 2★ from 30, 3★ from 50, 4★ from
/// 70, 5★ from 90), lowest first, with the decision's wording of each.
pub const fn bands(printed: [&'static str; 5]) -> [Band; 5] {
    let [one, two, three, four, five] = printed;
    [
        Band {
            stars: 1,
            from: "0",
            below: Some("30"),
            printed: one,
        },
        Band {
            stars: 2,
            from: "30",
            below: Some("50"),
            printed: two,
        },
        Band {
            stars: 3,
            from: "50",
            below: Some("70"),
            printed: three,
        },
        Band {
            stars: 4,
            from: "70",
            below: Some("90"),
            printed: four,
        },
        Band {
            stars: 5,
            from: "90",
            below: None,
            printed: five,
        },
    ]
}

/// A later decision that amended the criteria.
pub struct Amendment {
    /// Number as printed.
    pub number: &'static str,
    /// Date it took effect (ISO 8601).
    pub date: &'static str,
    /// What it changed.
    pub summary: &'static str,
    /// Whether the data applies it.
    pub applied: bool,
    /// Why it is not applied; every result dated on or after `date` carries it.
    pub note: Option<&'static str>,
}

/// An instrument's metadata, taken from its articles.
pub struct Metadata {
    /// Identifier.
    pub id: &'static str,
    /// Data revision.
    pub revision: u32,
    /// Title of the criteria.
    pub title: &'static str,
    /// Decision number.
    pub decision_number: &'static str,
    /// Date signed.
    pub decision_date: &'static str,
    /// Title of the decision.
    pub decision_title: &'static str,
    /// First day in force.
    pub effective_from: &'static str,
    /// Last day in force.
    pub effective_until: Option<&'static str>,
    /// Whether the sheets come from a secondary transcription.
    pub secondary: bool,
    /// A warning every result must carry.
    pub warning: Option<&'static str>,
    /// Parts: code, title, points.
    pub parts: [(&'static str, &'static str, &'static str); 3],
    /// Star bands, lowest first.
    pub bands: [Band; 5],
    /// Lowest certifiable star level.
    pub certifiable_from: u8,
    /// Certifying levels: star levels and level name.
    pub certifiers: &'static [(&'static [u8], &'static str)],
    /// Total flagged as potential five-star.
    pub potential_five_star_from: Option<&'static str>,
    /// Wording of the recognition rule.
    pub recognition_printed: &'static str,
    /// How totals the printed bands leave undefined are banded, and why.
    pub band_policy: Option<&'static str>,
    /// Later decisions that amended the criteria.
    pub amendments: &'static [Amendment],
    /// Data revisions: revision, date, summary.
    pub changelog: &'static [(u32, &'static str, &'static str)],
    /// What each level's council result leads to.
    pub recognition_by_level: &'static [LevelRules],
    /// The certificate's validity and re-rating window.
    pub certificate: Option<CertificateRules>,
    /// How files in progress under the replaced rules finish.
    pub transition: Option<Transition>,
    /// The rounds each level holds every year: level, round, held before, proposed before
    /// (`MM-DD`), and the article.
    pub rounds: &'static [(&'static str, u8, &'static str, &'static str, Article)],
}

/// An article: where a rule is written, and its words.
#[derive(Clone, Copy)]
pub struct Article {
    /// The article, e.g. `QĐ 26/2026/QĐ-TTg Điều 7 khoản 6 điểm a`.
    pub source: &'static str,
    /// Its words, verbatim (checked against the instrument's full text where the project has it).
    pub printed: &'static str,
}

/// What one level's council result leads to.
pub struct LevelRules {
    /// `district`, `province` or `central`.
    pub level: &'static str,
    /// Who decides at this level.
    pub authority: &'static str,
    /// Star levels, outcome, article.
    pub rules: &'static [(&'static [u8], &'static str, Article)],
}

/// A certificate's validity and re-rating window.
pub struct CertificateRules {
    /// Months of validity.
    pub validity_months: u16,
    /// Where validity is set.
    pub article: Article,
    /// Days before expiry the window opens and closes, and where.
    pub re_rating_window: Option<(u16, u16, Article)>,
}

/// How files in progress under the replaced rules finish.
pub struct Transition {
    /// Files submitted before this day (ISO 8601).
    pub submitted_before: &'static str,
    /// Kinds of evaluation, days, article.
    pub limits: &'static [(&'static [&'static str], u16, Article)],
    /// Days a certificate is extended past expiry, and where.
    pub certificate_extension: Option<(u16, Article)>,
}

impl Metadata {
    /// Every article the procedure rules quote.
    pub fn articles(&self) -> Vec<Article> {
        let mut articles: Vec<Article> = self
            .recognition_by_level
            .iter()
            .flat_map(|level| level.rules.iter().map(|(_, _, article)| *article))
            .collect();
        if let Some(certificate) = &self.certificate {
            articles.push(certificate.article);
            articles.extend(certificate.re_rating_window.map(|(_, _, article)| article));
        }
        if let Some(transition) = &self.transition {
            articles.extend(transition.limits.iter().map(|(_, _, article)| *article));
            articles.extend(transition.certificate_extension.map(|(_, article)| article));
        }
        articles.extend(self.rounds.iter().map(|(.., article)| *article));
        articles
    }
}

fn points(text: &str) -> Result<Decimal> {
    decimal::parse_plain(text)
        .with_context(|| format!("bad points {text:?} in instrument metadata"))
}

impl Metadata {
    /// Builds the instrument file for the given product sets (number, name in the contents).
    pub fn instrument(&self, source: String, sets: &[(u8, String)]) -> Result<InstrumentSource> {
        let parts = self
            .parts
            .iter()
            .map(|(code, title, max)| {
                Ok(PartSpecSource {
                    code: (*code).to_owned(),
                    title: (*title).to_owned(),
                    max: points(max)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let star_bands = self
            .bands
            .iter()
            .map(|band| {
                Ok(StarBandSource {
                    stars: band.stars,
                    from: points(band.from)?,
                    below: band.below.map(points).transpose()?,
                    printed: band.printed.to_owned(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(InstrumentSource {
            format: FORMAT_VERSION,
            id: self.id.to_owned(),
            revision: self.revision,
            title: self.title.to_owned(),
            decision: DecisionSource {
                number: self.decision_number.to_owned(),
                date: self.decision_date.to_owned(),
                title: self.decision_title.to_owned(),
            },
            effective_from: self.effective_from.to_owned(),
            effective_until: self.effective_until.map(str::to_owned),
            provenance: ProvenanceSource {
                confidence: if self.secondary {
                    Confidence::Secondary
                } else {
                    Confidence::Primary
                },
                source: source.clone(),
                warning: self.warning.map(str::to_owned),
            },
            total_max: parts.iter().map(|part| part.max).sum(),
            parts,
            star_bands,
            recognition: RecognitionSource {
                certifiable_from: self.certifiable_from,
                certifiers: self
                    .certifiers
                    .iter()
                    .map(|(stars, level)| CertifierSource {
                        stars: stars.to_vec(),
                        level: (*level).to_owned(),
                    })
                    .collect(),
                potential_five_star_from: self.potential_five_star_from.map(points).transpose()?,
                printed: self.recognition_printed.to_owned(),
                by_level: self
                    .recognition_by_level
                    .iter()
                    .map(|level| LevelRecognitionSource {
                        level: level.level.to_owned(),
                        authority: level.authority.to_owned(),
                        rules: level
                            .rules
                            .iter()
                            .map(|(stars, outcome, article)| RecognitionRuleSource {
                                stars: stars.to_vec(),
                                outcome: (*outcome).to_owned(),
                                source: article.source.to_owned(),
                                printed: article.printed.to_owned(),
                            })
                            .collect(),
                    })
                    .collect(),
            },
            band_policy: self.band_policy.map(str::to_owned),
            amendments: self
                .amendments
                .iter()
                .map(|amendment| AmendmentSource {
                    number: amendment.number.to_owned(),
                    date: amendment.date.to_owned(),
                    summary: amendment.summary.to_owned(),
                    applied: amendment.applied,
                    note: amendment.note.map(str::to_owned),
                })
                .collect(),
            product_sets: sets
                .iter()
                .map(|(number, name)| SetEntrySource {
                    number: *number,
                    name: name.clone(),
                    file: set_file(*number),
                })
                .collect(),
            changelog: self
                .changelog
                .iter()
                .map(|(revision, date, summary)| ChangelogEntrySource {
                    revision: *revision,
                    date: (*date).to_owned(),
                    summary: (*summary).to_owned(),
                    source: source.clone(),
                })
                .collect(),
            certificate: self
                .certificate
                .as_ref()
                .map(|rules| CertificateRulesSource {
                    validity_months: rules.validity_months,
                    source: rules.article.source.to_owned(),
                    printed: rules.article.printed.to_owned(),
                    re_rating_window: rules.re_rating_window.map(|(opens, closes, article)| {
                        WindowRuleSource {
                            opens_days_before: opens,
                            closes_days_before: closes,
                            source: article.source.to_owned(),
                            printed: article.printed.to_owned(),
                        }
                    }),
                }),
            transition: self.transition.as_ref().map(|rules| TransitionSource {
                submitted_before: rules.submitted_before.to_owned(),
                limits: rules
                    .limits
                    .iter()
                    .map(|(evaluations, days, article)| TransitionLimitSource {
                        evaluations: evaluations.iter().map(|name| (*name).to_owned()).collect(),
                        days: *days,
                        source: article.source.to_owned(),
                        printed: article.printed.to_owned(),
                    })
                    .collect(),
                certificate_extension: rules.certificate_extension.map(|(days, article)| {
                    ExtensionSource {
                        days_after_expiry: days,
                        source: article.source.to_owned(),
                        printed: article.printed.to_owned(),
                    }
                }),
            }),
            rounds: self
                .rounds
                .iter()
                .map(|(level, round, held, proposed, article)| RoundSource {
                    level: (*level).to_owned(),
                    round: *round,
                    held_before: (*held).to_owned(),
                    proposed_before: (*proposed).to_owned(),
                    source: article.source.to_owned(),
                    printed: article.printed.to_owned(),
                })
                .collect(),
        })
    }
}

/// The file of a product set, relative to the instrument file.
pub fn set_file(number: u8) -> String {
    format!("sets/{number:02}.json")
}
