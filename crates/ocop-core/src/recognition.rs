//! What a council's result leads to: recognised at this level, referred up, returned down, or no
//! certificate, as the instrument's `recognition.by_level` rules say (QĐ 26/2026 Điều 4.1, 7.3.e,
//! 7.4.e, 7.4.g).
//!
//! A province council's five stars are not a five-star recognition: the province approves the
//! result and proposes the product to the ministry, whose council alone recognises five stars;
//! a central result below five stars goes back to the province, which may recognise its three or
//! four stars.

use schemars::JsonSchema;
use serde::Serialize;

use crate::lang::{Describe, Lang};
use crate::rubric::procedure::{Procedure, RecognitionOutcome};
use crate::rubric::{Certification, Instrument, Level, Stars};

/// The recognition a council's result leads to (`recognition` in the council result).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Recognised {
    /// What follows from the result.
    pub outcome: RecognitionOutcome,
    /// The level that acts next: this level when it certifies, the level referred or returned
    /// to; `null` for no certificate or no result.
    pub level: Option<Level>,
    /// The stars that may be recognised: for `certify` and the returns; `null` otherwise.
    pub stars: Option<Stars>,
    /// The article the rule comes from (`null` when there is no result).
    pub source: Option<String>,
    /// Who decides at the council's level and at the level acted on, for the text.
    #[serde(skip)]
    authorities: (String, String),
    /// The council's stars, for the text.
    #[serde(skip)]
    result_stars: Stars,
}

impl Recognised {
    /// Whether the council's stars are only a potential that another level decides (a province
    /// result of 5 stars goes to the central council): results then say "tiềm năng".
    pub fn is_referral(&self) -> bool {
        matches!(
            self.outcome,
            RecognitionOutcome::ReferToCentral | RecognitionOutcome::ReferToProvince
        )
    }
}

/// What a council at `level` whose result is `stars` (when `ranked`) leads to; `None` when the
/// instrument's data revision has no recognition rules for the level.
pub fn recognise(
    procedure: &Procedure,
    level: Level,
    ranked: bool,
    stars: Stars,
) -> Option<Recognised> {
    let rules = procedure.level(level)?;
    let authority = |level: Option<Level>| {
        level
            .and_then(|level| procedure.level(level))
            .map_or_else(String::new, |rules| rules.authority.clone())
    };
    if !ranked {
        return Some(Recognised {
            outcome: RecognitionOutcome::None,
            level: None,
            stars: None,
            source: None,
            authorities: (rules.authority.clone(), String::new()),
            result_stars: stars,
        });
    }
    let rule = rules.rule_for(stars)?;
    let (acting, recognised_stars) = match rule.outcome {
        RecognitionOutcome::Certify => (Some(level), Some(stars)),
        RecognitionOutcome::ReturnToDistrict | RecognitionOutcome::ReturnToProvince => {
            (rule.outcome.target(), Some(stars))
        }
        RecognitionOutcome::ReferToProvince | RecognitionOutcome::ReferToCentral => {
            (rule.outcome.target(), None)
        }
        RecognitionOutcome::NoCertificate | RecognitionOutcome::None => (None, None),
    };
    Some(Recognised {
        outcome: rule.outcome,
        level: acting,
        stars: recognised_stars,
        source: Some(rule.text.source.clone()),
        authorities: (rules.authority.clone(), authority(acting)),
        result_stars: stars,
    })
}

/// What a council's result earns, and the recognition it leads to. With recognition rules, a
/// result earns a certificate only where a level may recognise it on this result (certified
/// here, or returned to a lower level), from that level; a referral earns none yet. Without
/// them (data revisions that predate them), the certifiers table decides, as it always did.
pub fn council_certification(
    instrument: &Instrument,
    level: Level,
    ranked: bool,
    stars: Stars,
    total: rust_decimal::Decimal,
) -> (Certification, Option<Recognised>) {
    let by_stars = instrument.recognition.certification(ranked, stars, total);
    let Some(recognised) = recognise(&instrument.procedure, level, ranked, stars) else {
        return (by_stars, None);
    };
    let certifiable = matches!(
        recognised.outcome,
        RecognitionOutcome::Certify
            | RecognitionOutcome::ReturnToDistrict
            | RecognitionOutcome::ReturnToProvince
    );
    let certification = Certification {
        certifiable,
        certifying_level: if certifiable { recognised.level } else { None },
        potential_five_star: by_stars.potential_five_star,
    };
    (certification, Some(recognised))
}

impl Describe for Recognised {
    fn describe(&self, lang: Lang) -> String {
        let (here, there) = (&self.authorities.0, &self.authorities.1);
        let stars = self.stars.unwrap_or_default();
        let what = match (self.outcome, lang) {
            (RecognitionOutcome::Certify, Lang::Vi) => {
                format!("Công nhận {stars} sao: {here} quyết định công nhận, cấp giấy chứng nhận")
            }
            (RecognitionOutcome::Certify, Lang::En) => {
                format!("Recognised at {stars} stars: {here} decides and issues the certificate")
            }
            (RecognitionOutcome::ReferToCentral, Lang::Vi) => format!(
                "Đủ điều kiện tiềm năng 5 sao: {here} phê duyệt kết quả và đề nghị {there} đánh giá"
            ),
            (RecognitionOutcome::ReferToCentral, Lang::En) => format!(
                "Potential five stars: {here} approves the result and proposes it to {there} for evaluation"
            ),
            (RecognitionOutcome::ReferToProvince, Lang::Vi) => {
                format!("Đề nghị cấp tỉnh: {here} chuyển hồ sơ đề nghị {there} đánh giá, phân hạng")
            }
            (RecognitionOutcome::ReferToProvince, Lang::En) => {
                format!("Referred to the province: {here} sends the file to {there} for evaluation")
            }
            (
                RecognitionOutcome::ReturnToProvince | RecognitionOutcome::ReturnToDistrict,
                Lang::Vi,
            ) => format!(
                "Không đạt hạng sao do cấp này công nhận: {there} có thể căn cứ kết quả này để công nhận {stars} sao"
            ),
            (
                RecognitionOutcome::ReturnToProvince | RecognitionOutcome::ReturnToDistrict,
                Lang::En,
            ) => format!(
                "Below the stars this level recognises: {there} may recognise {stars} stars on this result"
            ),
            (RecognitionOutcome::NoCertificate, Lang::Vi) => format!(
                "{} sao: không ban hành quyết định công nhận, không cấp giấy chứng nhận",
                self.result_stars
            ),
            (RecognitionOutcome::NoCertificate, Lang::En) => format!(
                "{} stars: no recognition decision and no certificate",
                self.result_stars
            ),
            (RecognitionOutcome::None, Lang::Vi) => "Chưa có kết quả để công nhận".to_owned(),
            (RecognitionOutcome::None, Lang::En) => "No result to recognise".to_owned(),
        };
        match &self.source {
            Some(source) => format!("{what} ({source})"),
            None => what,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::Catalog;

    fn recognised(level: Level, stars: Stars) -> Recognised {
        let instrument = Catalog::bundled().instrument("qd26-2026").unwrap();
        recognise(&instrument.procedure, level, true, stars).unwrap()
    }

    #[test]
    fn a_province_five_is_referred_to_the_ministry() {
        let province = recognised(Level::Province, 5);
        assert_eq!(province.outcome, RecognitionOutcome::ReferToCentral);
        assert_eq!(
            (province.level, province.stars),
            (Some(Level::Central), None)
        );
        assert_eq!(
            province.describe(Lang::Vi),
            "Đủ điều kiện tiềm năng 5 sao: UBND tỉnh phê duyệt kết quả và đề nghị Bộ Nông nghiệp và Môi trường đánh giá (QĐ 26/2026/QĐ-TTg Điều 7 khoản 3 điểm e)"
        );
    }

    #[test]
    fn a_central_four_goes_back_to_the_province() {
        let central = recognised(Level::Central, 4);
        assert_eq!(central.outcome, RecognitionOutcome::ReturnToProvince);
        assert_eq!(
            (central.level, central.stars),
            (Some(Level::Province), Some(4))
        );
        assert_eq!(
            central.source.as_deref(),
            Some("QĐ 26/2026/QĐ-TTg Điều 7 khoản 4 điểm g")
        );
        let two = recognised(Level::Central, 2);
        assert_eq!(two.outcome, RecognitionOutcome::NoCertificate);
        assert_eq!((two.level, two.stars), (None, None));
    }

    #[test]
    fn each_level_certifies_its_own_stars() {
        for (level, stars) in [
            (Level::Province, 3),
            (Level::Province, 4),
            (Level::Central, 5),
        ] {
            let found = recognised(level, stars);
            assert_eq!(found.outcome, RecognitionOutcome::Certify);
            assert_eq!((found.level, found.stars), (Some(level), Some(stars)));
        }
        for stars in [1, 2] {
            assert_eq!(
                recognised(Level::Province, stars).outcome,
                RecognitionOutcome::NoCertificate
            );
        }
    }

    #[test]
    fn no_result_is_no_recognition() {
        let instrument = Catalog::bundled().instrument("qd26-2026").unwrap();
        let found = recognise(&instrument.procedure, Level::Province, false, 4).unwrap();
        assert_eq!(found.outcome, RecognitionOutcome::None);
        assert_eq!((found.level, found.stars, found.source), (None, None, None));
    }

    #[test]
    fn older_rules_recognise_as_their_texts_say() {
        let catalog = Catalog::bundled();
        let outcome = |id: &str, level, stars| {
            let instrument = catalog.instrument(id).unwrap();
            let found = recognise(&instrument.procedure, level, true, stars).unwrap();
            (found.outcome, found.level)
        };
        // QĐ 1048: the district only forwards 3-5 stars; the province recognises 3-4.
        assert_eq!(
            outcome("qd1048-2019", Level::District, 4),
            (RecognitionOutcome::ReferToProvince, Some(Level::Province))
        );
        assert_eq!(
            outcome("qd1048-2019", Level::Central, 3),
            (RecognitionOutcome::ReturnToProvince, Some(Level::Province))
        );
        // QĐ 148: the district recognises 3 stars, the province 4.
        assert_eq!(
            outcome("qd148-2023", Level::District, 3),
            (RecognitionOutcome::Certify, Some(Level::District))
        );
        assert_eq!(
            outcome("qd148-2023", Level::Province, 4),
            (RecognitionOutcome::Certify, Some(Level::Province))
        );
        // An archived revision predates the rules.
        let archived = catalog.instrument("qd26-2026@1").unwrap();
        assert!(recognise(&archived.procedure, Level::Province, true, 5).is_none());
    }
}
