//! Council sessions on synthetic rubrics: 1048's 10-point spread rule, session errors, and the
//! properties of the mean.

mod support;

use ocop_core::council::{SessionOptions, SessionStatus, score_session};
use ocop_core::rubric::Catalog;
use ocop_core::sheet::InputProblem;
use proptest::prelude::*;
use serde_json::{Value, json};
use support::{instrument, set, set_at, write};

/// Council defaults like QĐ 1048's: at province and central level members' totals may not
/// differ by more than 10 points.
fn defaults_1048_like() -> Value {
    json!({
        "format": 1,
        "rubric": "tiny-2026",
        "source": "tests: QĐ 1048's rule, 10 points at province and central level",
        "levels": ["district", "province", "central"],
        "scoring_roles": ["chair", "vice_chair", "member"],
        "quorum": {"fraction": "0.75", "chair_required": true},
        "max_spread": {"district": null, "province": "10", "central": "10"},
        "rounding": null,
        "gates": "mean_points",
        "knockouts": "majority"
    })
}

/// The tiny rubric with half points on 3.2 (so totals can differ by 10.5), and its defaults.
fn half_point_catalog() -> (tempfile::TempDir, Catalog) {
    let mut tiny = set();
    set_at(
        &mut tiny,
        "/parts/2/groups/0/criteria/1/options",
        json!([
            {"text": "Thấp", "points": "0"},
            {"text": "Trung bình", "points": "14.5"},
            {"text": "Khá", "points": "15", "star": 4},
            {"text": "Tốt", "points": "30"}
        ]),
    );
    let folder = write(&instrument(), &tiny);
    std::fs::write(
        folder.path().join("council.json"),
        defaults_1048_like().to_string(),
    )
    .unwrap();
    let catalog = Catalog::from_path(folder.path()).unwrap();
    (folder, catalog)
}

fn member(id: &str, role: &str, answers: Value) -> Value {
    json!({"id": id, "role": role, "answers": answers, "knockouts": []})
}

/// A chair and a member at `HIGH`, and a member `m2` between them with other answers.
fn around_high(m2: Value) -> Vec<Value> {
    vec![
        member("m1", "chair", HIGH()),
        member("m2", "member", m2),
        member("m3", "member", HIGH()),
    ]
}

fn session(level: &str, members: Vec<Value>) -> String {
    json!({"rubric": "tiny-2026", "product_set": 1, "council": {"level": level}, "members": members}).to_string()
}

// 1.1 option 3 = 40, 2.1 [1, 2] = 20, 3.1 true = 5, 3.2: option 4 = 30, option 3 = 15, option 2 = 14.5.
const HIGH: fn() -> Value = || json!({"1.1": 3, "2.1": [1, 2], "3.1": true, "3.2": 4}); // 95
const TEN_BELOW: fn() -> Value = || json!({"1.1": 3, "2.1": [1], "3.1": true, "3.2": 4}); // 85
const TEN_AND_A_HALF_BELOW: fn() -> Value =
    || json!({"1.1": 3, "2.1": [1, 2, 3], "3.1": true, "3.2": 2}); // 84.5

#[test]
fn a_spread_of_exactly_10_stands_under_1048() {
    let (_folder, catalog) = half_point_catalog();
    let text = session("province", around_high(TEN_BELOW()));
    let result = score_session(&catalog, &text, SessionOptions::default()).unwrap();
    assert_eq!(result.spread.spread.to_string(), "10");
    assert_eq!(
        result
            .spread
            .limit
            .map(|limit| limit.to_string())
            .as_deref(),
        Some("10")
    );
    assert_eq!(result.status, SessionStatus::Ranked);
    assert_eq!(
        result.rules.max_spread.source,
        "default (tiny-2026, province)"
    );
}

#[test]
fn a_spread_of_10_and_a_half_needs_rescoring_under_1048() {
    let (_folder, catalog) = half_point_catalog();
    let text = session("province", around_high(TEN_AND_A_HALF_BELOW()));
    let result = score_session(&catalog, &text, SessionOptions::default()).unwrap();
    assert_eq!(result.spread.spread.to_string(), "10.5");
    assert_eq!(result.status, SessionStatus::NeedsRescoring);
    assert_eq!(result.spread.lowest, ["m2"]);
    assert_eq!(result.spread.highest, ["m1", "m3"]);
    let drivers: Vec<(&str, String)> = result
        .spread
        .criteria
        .iter()
        .map(|driver| (driver.criterion.as_str(), driver.difference.to_string()))
        .collect();
    assert_eq!(
        drivers,
        [("3.2", "15.5".to_owned()), ("2.1", "-5".to_owned())]
    );
    // The district council of 1048 has no spread limit.
    let district = session("district", around_high(TEN_AND_A_HALF_BELOW()));
    let result = score_session(&catalog, &district, SessionOptions::default()).unwrap();
    assert_eq!(result.status, SessionStatus::Ranked);
}

#[test]
fn a_rules_file_overrides_the_defaults_and_the_session_overrides_the_file() {
    let (_folder, catalog) = half_point_catalog();
    let overrides =
        ocop_core::council::parse_overrides(r#"{"max_spread": "12", "knockouts": "any"}"#).unwrap();
    let options = SessionOptions {
        rules_file: Some(("province-rules.json", &overrides)),
        ..SessionOptions::default()
    };
    let text = session("province", around_high(TEN_AND_A_HALF_BELOW()));
    let result = score_session(&catalog, &text, options).unwrap();
    assert_eq!(result.status, SessionStatus::Ranked);
    assert_eq!(
        result.rules.max_spread.source,
        "rules file (province-rules.json)"
    );
    assert_eq!(
        result.rules.knockouts.source,
        "rules file (province-rules.json)"
    );
    assert_eq!(result.rules.gates.source, "default (tiny-2026, province)");

    let mut with_session_rule: Value = serde_json::from_str(&text).unwrap();
    with_session_rule["council"]["rules"] = json!({"max_spread": null});
    let result = score_session(&catalog, &with_session_rule.to_string(), options).unwrap();
    assert_eq!(result.rules.max_spread.value, None);
    assert_eq!(result.rules.max_spread.source, "session");
}

#[test]
fn a_rules_file_reports_every_problem_at_its_field() {
    let text = "{\"max_spread\": 5, \"quorum\": {\"fraction\": \"x\"},\n \"gatez\": 1, \"max_spread\": \"3\"}";
    let problems = ocop_core::council::parse_overrides(text).unwrap_err();
    let mut found = kinds(&problems);
    found.sort();
    assert_eq!(
        found,
        [
            ("duplicate_key", "/max_spread".to_owned()),
            ("invalid_value", "/max_spread".to_owned()),
            ("invalid_value", "/quorum".to_owned()),
            ("unknown_field", "/gatez".to_owned()),
        ]
    );
    let gatez = problems
        .iter()
        .find(|problem| problem.path.to_string() == "/gatez")
        .unwrap();
    assert_eq!(gatez.position.map(|at| (at.line, at.column)), Some((2, 2)));
    let syntax = ocop_core::council::parse_overrides("{\"max_spread\": ").unwrap_err();
    assert_eq!(kinds(&syntax), [("syntax", "/".to_owned())]);
    assert_eq!(
        ocop_core::council::parse_overrides("[]").unwrap_err()[0]
            .kind
            .name(),
        "wrong_type"
    );
}

fn kinds(problems: &[InputProblem]) -> Vec<(&'static str, String)> {
    problems
        .iter()
        .map(|problem| (problem.kind.name(), problem.path.to_string()))
        .collect()
}

#[test]
fn session_problems_are_all_reported_with_their_place() {
    let (_folder, catalog) = half_point_catalog();
    let text = json!({
        "rubric": "tiny-2026", "product_set": 1,
        "council": {"level": "commune", "rules": {"gates": "loudest"}},
        "members": [
            {"id": "m1", "role": "chair", "answers": {"1.1": 9}},
            {"id": "m1", "role": "president"},
            {"id": "m3", "role": "member", "answers": {"1.1": 3, "2.1": [1], "3.1": true, "3.2": 1}, "knockouts": ["3.1"]}
        ]
    })
    .to_string();
    // One run reports everything: the shape (level, rules, a role, an identifier given twice)
    // and every member's sheet, each problem of a member naming the member.
    let problems = score_session(&catalog, &text, SessionOptions::default()).unwrap_err();
    assert_eq!(
        kinds(&problems),
        [
            ("invalid_value", "/council/level".to_owned()),
            ("invalid_value", "/council/rules/gates".to_owned()),
            ("invalid_value", "/members/1/role".to_owned()),
            ("invalid_value", "/members/1/id".to_owned()),
            ("option_out_of_range", "/members/0/answers/1.1".to_owned()),
            ("missing_answer", "/members/0/answers".to_owned()),
            ("missing_answer", "/members/0/answers".to_owned()),
            ("missing_answer", "/members/0/answers".to_owned()),
            ("no_knockout_rule", "/members/2/knockouts/0".to_owned()),
        ]
    );
    let members: Vec<Option<&str>> = problems
        .iter()
        .map(|problem| problem.member.as_deref())
        .collect();
    assert_eq!(
        members,
        [
            None,
            None,
            Some("m1"),
            Some("m1"),
            Some("m1"),
            Some("m1"),
            Some("m1"),
            Some("m1"),
            Some("m3")
        ]
    );
    assert!(problems.iter().all(|problem| problem.position.is_some()));
    // Once the shape is right, every member's sheet is checked, at its place.
    let text = json!({
        "rubric": "tiny-2026", "product_set": 1, "council": {"level": "province"},
        "members": [
            {"id": "m1", "role": "chair", "answers": {"1.1": 9, "2.1": [1], "3.1": true, "3.2": 1}},
            {"id": "m2", "role": "member", "answers": {"1.1": 3, "2.1": [1], "3.1": true, "3.2": 1}, "knockouts": ["3.1"]}
        ]
    })
    .to_string();
    let problems = score_session(&catalog, &text, SessionOptions::default()).unwrap_err();
    assert_eq!(
        kinds(&problems),
        [
            ("option_out_of_range", "/members/0/answers/1.1".to_owned()),
            ("no_knockout_rule", "/members/1/knockouts/0".to_owned())
        ]
    );
    assert!(problems.iter().all(|problem| problem.position.is_some()));
}

#[test]
fn a_level_the_rubric_does_not_have_is_an_error() {
    let text = json!({
        "rubric": "qd26-2026", "product_set": 10, "council": {"level": "district"},
        "members": [{"id": "m1", "role": "chair"}]
    })
    .to_string();
    let problems = score_session(Catalog::bundled(), &text, SessionOptions::default()).unwrap_err();
    assert_eq!(
        kinds(&problems),
        [("invalid_value", "/council/level".to_owned())]
    );
    assert!(
        problems[0]
            .message
            .contains("không có hội đồng cấp huyện theo qd26-2026"),
        "{}",
        problems[0].message
    );
}

/// A rubric on which every whole total from 0 to 100 can be scored: 1.1 is worth 0–40, 2.1
/// 0–25 and 3.1 0–35, one point per option.
fn fine_catalog() -> (tempfile::TempDir, Catalog) {
    let options = |max: u32| -> Value {
        (0..=max)
            .map(|points| json!({"text": format!("Mức {points}"), "points": points.to_string()}))
            .collect()
    };
    let fine = json!({
        "format": 1, "rubric": "tiny-2026", "number": 1, "name": "Bộ thử nghiệm",
        "parts": [
            {"code": "A", "title": "A", "max": "40", "groups": [{"code": "1", "name": "Nhóm 1", "max": "40", "criteria": [
                {"code": "1.1", "name": "Chỉ tiêu 1.1", "max": "40", "kind": "choice", "options": options(40)}]}]},
            {"code": "B", "title": "B", "max": "25", "groups": [{"code": "2", "name": "Nhóm 2", "max": "25", "criteria": [
                {"code": "2.1", "name": "Chỉ tiêu 2.1", "max": "25", "kind": "choice", "options": options(25)}]}]},
            {"code": "C", "title": "C", "max": "35", "groups": [{"code": "3", "name": "Nhóm 3", "max": "35", "criteria": [
                {"code": "3.1", "name": "Chỉ tiêu 3.1", "max": "35", "kind": "choice", "options": options(35)}]}]}
        ]
    });
    let folder = write(&instrument(), &fine);
    std::fs::write(
        folder.path().join("council.json"),
        defaults_1048_like().to_string(),
    )
    .unwrap();
    let catalog = Catalog::from_path(folder.path()).unwrap();
    (folder, catalog)
}

/// Answers on the fine rubric scoring exactly `total` (0–100).
fn answers_for(total: u32) -> Value {
    let a = total.min(40);
    let b = (total - a).min(25);
    let c = total - a - b;
    json!({"1.1": a + 1, "2.1": b + 1, "3.1": c + 1})
}

fn fine_session(totals: &[u32]) -> String {
    let members: Vec<Value> = totals
        .iter()
        .enumerate()
        .map(|(index, total)| {
            member(
                &format!("m{index}"),
                if index == 0 { "chair" } else { "member" },
                answers_for(*total),
            )
        })
        .collect();
    let mut session: Value = serde_json::from_str(&session("district", members)).unwrap();
    session["council"]["rules"] = json!({"max_spread": null});
    session.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_mean_lies_between_the_lowest_and_highest_totals(totals in prop::collection::vec(0u32..=100, 1..10)) {
        let (_folder, catalog) = fine_catalog();
        let result = score_session(&catalog, &fine_session(&totals), SessionOptions::default()).unwrap();
        let min = rust_decimal::Decimal::from(*totals.iter().min().unwrap());
        let max = rust_decimal::Decimal::from(*totals.iter().max().unwrap());
        prop_assert!(min <= result.mean_total.0 && result.mean_total.0 <= max);
    }

    #[test]
    fn permuting_members_changes_nothing_but_their_order(totals in prop::collection::vec(0u32..=100, 2..10), shift in 1usize..9) {
        let (_folder, catalog) = fine_catalog();
        let result = score_session(&catalog, &fine_session(&totals), SessionOptions::default()).unwrap();
        let mut rotated = totals.clone();
        rotated.rotate_left(shift % totals.len());
        let other = score_session(&catalog, &fine_session(&rotated), SessionOptions::default()).unwrap();
        prop_assert_eq!(result.mean_total, other.mean_total);
        prop_assert_eq!(result.mean_total_fraction, other.mean_total_fraction);
        prop_assert_eq!(result.stars, other.stars);
        prop_assert_eq!(result.status, other.status);
        prop_assert_eq!(result.spread.spread, other.spread.spread);
        prop_assert_eq!(result.analytics.agreement, other.analytics.agreement);
    }

    #[test]
    fn adding_a_member_identical_to_the_mean_leaves_the_mean(mut totals in prop::collection::vec(0u32..=100, 1..9)) {
        // Make the sum divisible by the number of members, so the mean is a total one can score.
        let n = u32::try_from(totals.len()).unwrap();
        let remainder = totals.iter().sum::<u32>() % n;
        if let Some(last) = totals.last_mut() {
            *last = if *last >= remainder { *last - remainder } else { *last + (n - remainder) };
        }
        let mean = totals.iter().sum::<u32>() / n;
        let (_folder, catalog) = fine_catalog();
        let before = score_session(&catalog, &fine_session(&totals), SessionOptions::default()).unwrap();
        totals.push(mean);
        let after = score_session(&catalog, &fine_session(&totals), SessionOptions::default()).unwrap();
        prop_assert_eq!(before.mean_total, after.mean_total);
        prop_assert_eq!(before.mean_total.to_string(), mean.to_string());
    }
}

#[test]
fn a_round_ranks_by_status_then_stars_then_the_exact_mean() {
    use ocop_core::round::Round;
    let (_folder, catalog) = half_point_catalog();
    let with = |product: &str, members: Vec<Value>, rules: Value| {
        let mut session: Value = serde_json::from_str(&session("province", members)).unwrap();
        session["product"] = json!({"name": product});
        session["council"]["rules"] = rules;
        session.to_string()
    };
    let trio = |sheet: fn() -> Value| {
        vec![
            member("m1", "chair", sheet()),
            member("m2", "member", sheet()),
            member("m3", "member", sheet()),
        ]
    };
    let mut round = Round::new(&catalog, SessionOptions::default());
    // 85 + 95 + 95 = 275/3 ≈ 91.67 (5★ band, but 3.2's gates are met: 30 points everywhere).
    round
        .add("a", &with("A", around_high(TEN_BELOW()), json!({})))
        .unwrap();
    // 95 each, but a majority asserts the knock-out of 1.1.
    let mut knocked = trio(HIGH);
    knocked[0]["knockouts"] = json!(["1.1"]);
    knocked[1]["knockouts"] = json!(["1.1"]);
    round.add("b", &with("B", knocked, json!({}))).unwrap();
    // 95 each: the best mean.
    round.add("c", &with("C", trio(HIGH), json!({}))).unwrap();
    // Spread 10.5 over the 10-point limit.
    round
        .add(
            "d",
            &with("D", around_high(TEN_AND_A_HALF_BELOW()), json!({})),
        )
        .unwrap();
    let failure = round.add("e", "{not json").unwrap_err();
    assert_eq!(failure.source, "e");
    assert_eq!(failure.problems[0].kind.name(), "syntax");
    let ranking = round.finish();
    let order: Vec<(&str, &str)> = ranking
        .rows
        .iter()
        .map(|row| {
            (
                row.product.as_deref().unwrap(),
                ocop_core::round::status_name(row.status),
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            ("C", "ranked"),
            ("A", "ranked"),
            ("D", "needs_rescoring"),
            ("B", "disqualified")
        ]
    );
    assert_eq!(
        ranking.rows[1].mean_total.to_string(),
        "91.66666666666666666666666667"
    );
    assert_eq!(ranking.distribution.failed, 1);
    assert_eq!(ranking.distribution.by_stars.get(&5), Some(&2));
}

/// Advice on a session judges its gates as the council does, whatever the rule: a member
/// without a product story (5.1, option 1) leaves 5.2 and 5.3 out of that member's gates.
#[test]
fn advice_judges_gates_as_the_council_does() {
    use ocop_core::advise::Request;
    use ocop_core::council::CheckedSession;

    let case: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../fixtures/cases/qd148-2023/set01-independent.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let answers = case["sheet"]["answers"].clone();
    let mut without_story = answers.clone();
    without_story["5.1"] = 1.into();
    without_story.as_object_mut().unwrap().remove("5.2");
    without_story.as_object_mut().unwrap().remove("5.3");
    for gates in ["mean_points", "majority", "every_member"] {
        let session = json!({
            "rubric": "qd148-2023", "product_set": 1,
            "council": {"level": "province", "rules": {"gates": gates}},
            "members": [
                {"id": "m1", "role": "chair", "answers": answers},
                {"id": "m2", "role": "member", "answers": without_story},
                {"id": "m3", "role": "member", "answers": answers}
            ]
        })
        .to_string();
        let catalog = Catalog::bundled();
        let council = score_session(catalog, &session, SessionOptions::default()).unwrap();
        let advice = CheckedSession::read(catalog, &session, SessionOptions::default())
            .unwrap()
            .advise(&Request::default());
        assert_eq!(council.status, SessionStatus::Ranked, "{gates}");
        assert_eq!(Some(advice.current_stars), council.stars, "{gates}");
        let advised: Vec<(&str, u8)> = advice
            .unmet_gates
            .iter()
            .map(|gate| (gate.criterion.as_str(), gate.level))
            .collect();
        let judged: Vec<(&str, u8)> = council
            .unmet_gates
            .iter()
            .map(|gate| (gate.criterion.as_str(), gate.level))
            .collect();
        assert_eq!(advised, judged, "{gates}");
    }
}

#[test]
fn rules_out_of_range_are_invalid_in_a_rules_file_and_in_a_session() {
    for (rules, field) in [
        (
            json!({"quorum": {"fraction": "-1", "chair_required": true}}),
            "/quorum",
        ),
        (
            json!({"quorum": {"fraction": "79228162514264337593543950335", "chair_required": false}}),
            "/quorum",
        ),
        (
            json!({"quorum": {"fraction": "0", "chair_required": false}}),
            "/quorum",
        ),
        (json!({"max_spread": "-1"}), "/max_spread"),
        (json!({"scoring_roles": []}), "/scoring_roles"),
        (
            json!({"rounding": {"places": 29, "mode": "half_up"}}),
            "/rounding",
        ),
        (json!({"quorum": null}), "/quorum"),
        (json!({"quorum": ["0.75", true]}), "/quorum"),
        (json!([]), "/"),
    ] {
        let problems = ocop_core::council::parse_overrides(&rules.to_string()).unwrap_err();
        let found = kinds(&problems);
        assert_eq!(found.len(), 1, "{rules}: {found:?}");
        assert_eq!(found[0].1, field, "{rules}: {found:?}");

        let (_folder, catalog) = half_point_catalog();
        let text = json!({
            "rubric": "tiny-2026", "product_set": 1,
            "council": {"level": "province", "rules": rules},
            "members": [member("m1", "chair", HIGH())]
        })
        .to_string();
        let problems = score_session(&catalog, &text, SessionOptions::default()).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|problem| problem.path.to_string().starts_with("/council/rules")),
            "{rules}: {:?}",
            kinds(&problems)
        );
    }
}

#[test]
fn a_council_with_no_counted_member_has_no_band_no_cap_and_no_stars() {
    let (_folder, catalog) = half_point_catalog();
    for members in [
        json!([]),
        json!([{"id": "s1", "role": "secretary", "answers": HIGH()}]),
        json!([{"id": "m1", "role": "chair"}]),
    ] {
        let text = json!({
            "rubric": "tiny-2026", "product_set": 1,
            "council": {"level": "province"}, "members": members
        })
        .to_string();
        let result = score_session(&catalog, &text, SessionOptions::default()).unwrap();
        assert_eq!(
            (result.band_stars, result.gate_cap, result.stars),
            (None, None, None),
            "{members}"
        );
        assert_eq!(result.status, ocop_core::council::SessionStatus::NoQuorum);
        assert!(!result.certifiable);
        let document = serde_json::to_value(&result).unwrap();
        for field in ["band_stars", "gate_cap", "stars"] {
            assert_eq!(document[field], Value::Null, "{field}");
        }

        let mut round = ocop_core::round::Round::new(&catalog, SessionOptions::default());
        round.add("a", &text).unwrap();
        let ranked = round.finish();
        assert_eq!(
            (ranked.rows[0].band_stars, ranked.rows[0].stars),
            (None, None)
        );
        assert!(ranked.distribution.by_stars.is_empty());
    }
}
