//! A council's result leads to the recognition its level may give (QĐ 26/2026 Điều 4.1, 7.3.e,
//! 7.4.e, 7.4.g), and the member's scorecard names the same certifying level.

use ocop_core::council::{SessionOptions, score_session};
use ocop_core::rubric::Catalog;
use ocop_core::score::score_sheet;
use ocop_core::sheet::Completeness;
use serde_json::{Value, json};

/// The sheet of a stored case of set 10.
fn sheet(case: &str) -> Value {
    let path = format!(
        "{}/../../fixtures/cases/qd26-2026/{case}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let case: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    case["sheet"].clone()
}

fn answers(case: &str) -> Value {
    sheet(case)["answers"].clone()
}

fn council(level: &str, case: &str) -> Value {
    let sheet = sheet(case);
    let members: Vec<Value> = ["chair", "member", "member"]
        .iter()
        .enumerate()
        .map(|(index, role)| {
            json!({"id": format!("m{index}"), "role": role, "answers": sheet["answers"],
                   "knockouts": sheet.get("knockouts").cloned().unwrap_or(json!([]))})
        })
        .collect();
    let session = json!({
        "rubric": "qd26-2026", "product_set": 10,
        "council": {"level": level}, "members": members,
    });
    let result = score_session(
        Catalog::bundled(),
        &session.to_string(),
        SessionOptions::default(),
    )
    .unwrap();
    serde_json::to_value(result).unwrap()
}

#[test]
fn a_province_council_refers_a_five_star_result_to_the_ministry() {
    let result = council("province", "set10-total-90-five-stars");
    assert_eq!(result["stars"], 5);
    assert_eq!(
        result["recognition"],
        json!({"outcome": "refer_to_central", "level": "central", "stars": null,
               "source": "QĐ 26/2026/QĐ-TTg Điều 7 khoản 3 điểm e"})
    );
    // The province does not certify it, and nobody does on this result.
    assert_eq!(result["certifiable"], false);
    assert_eq!(result["certifying_level"], Value::Null);
    assert_eq!(result["potential_five_star"], true);
}

#[test]
fn the_central_council_certifies_five_stars() {
    let result = council("central", "set10-total-90-five-stars");
    assert_eq!(result["recognition"]["outcome"], "certify");
    assert_eq!(result["recognition"]["level"], "central");
    assert_eq!(result["recognition"]["stars"], 5);
    assert_eq!(result["certifiable"], true);
    assert_eq!(result["certifying_level"], "central");
}

#[test]
fn a_central_result_below_five_stars_returns_to_the_province() {
    let result = council("central", "set10-total-89-four-stars");
    assert_eq!(
        result["recognition"],
        json!({"outcome": "return_to_province", "level": "province", "stars": 4,
               "source": "QĐ 26/2026/QĐ-TTg Điều 7 khoản 4 điểm g"})
    );
    assert_eq!(result["certifiable"], true);
    assert_eq!(result["certifying_level"], "province");
}

#[test]
fn one_and_two_stars_earn_no_certificate_and_no_result_earns_nothing() {
    let result = council("province", "set10-total-49-two-stars");
    assert_eq!(result["recognition"]["outcome"], "no_certificate");
    assert_eq!(result["recognition"]["level"], Value::Null);
    assert_eq!(
        result["recognition"]["source"],
        "QĐ 26/2026/QĐ-TTg Điều 4 khoản 1 điểm a"
    );
    let knocked_out = council("province", "set10-knockout-imported-materials");
    assert_eq!(knocked_out["status"], "disqualified");
    assert_eq!(
        knocked_out["recognition"],
        json!({"outcome": "none", "level": null, "stars": null, "source": null})
    );
}

#[test]
fn the_member_scorecard_names_the_level_that_certifies_its_stars() {
    let catalog = Catalog::bundled();
    let instrument = catalog.instrument("qd26-2026").unwrap();
    for (case, stars) in [
        ("set10-total-90-five-stars", 5),
        ("set10-total-70-four-stars", 4),
        ("set10-total-50-three-stars", 3),
    ] {
        let sheet = json!({"rubric": "qd26-2026", "product_set": 10, "answers": answers(case)});
        let card = score_sheet(catalog, &sheet.to_string(), Completeness::Complete).unwrap();
        assert_eq!(card.stars, stars);
        assert_eq!(
            card.certifying_level,
            instrument.procedure.certifier_of(stars),
            "{case}"
        );
    }
}

#[test]
fn an_archived_revision_keeps_its_old_behaviour() {
    let answers = answers("set10-total-90-five-stars");
    let members: Vec<Value> = ["chair", "member", "member"]
        .iter()
        .enumerate()
        .map(|(index, role)| json!({"id": format!("m{index}"), "role": role, "answers": answers}))
        .collect();
    let session = json!({
        "rubric": "qd26-2026@1", "product_set": 10,
        "council": {"level": "province"}, "members": members,
    });
    let result = score_session(
        Catalog::bundled(),
        &session.to_string(),
        SessionOptions::default(),
    )
    .unwrap();
    assert_eq!(result.rubric_revision, 1);
    assert!(result.recognition.is_none());
    assert!(result.certifiable);
}
