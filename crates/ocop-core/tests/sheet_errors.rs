//! Every kind of sheet problem has a test that triggers it, and scoring on the tiny rubric
//! covers the criterion kinds QĐ 26/2026 does not use (additive).

mod support;

use ocop_core::lang::{Describe, Lang};
use ocop_core::rubric::Catalog;
use ocop_core::score::{Status, score_sheet};
use ocop_core::sheet::{Completeness, InputProblem, InputProblems};
use serde_json::json;
use support::{instrument, set, set_at, write};

fn bundled(text: &str) -> InputProblems {
    score_sheet(Catalog::bundled(), text, Completeness::Partial).unwrap_err()
}

fn kinds(problems: &[InputProblem]) -> Vec<&'static str> {
    problems.iter().map(|problem| problem.kind.name()).collect()
}

/// A complete, valid sheet of the tiny rubric, with answers replaced as given.
fn tiny_sheet(answers: serde_json::Value) -> String {
    let mut all = json!({"1.1": 3, "2.1": [1, 2], "3.1": true, "3.2": 3});
    for (code, value) in answers.as_object().unwrap() {
        all[code] = value.clone();
    }
    json!({"rubric": "tiny-2026", "product_set": 1, "answers": all}).to_string()
}

fn tiny_catalog() -> (tempfile::TempDir, Catalog) {
    let folder = write(&instrument(), &set());
    let catalog = Catalog::from_path(folder.path()).unwrap();
    (folder, catalog)
}

#[test]
fn syntax() {
    let problems = bundled("{\"rubric\": \"qd26-2026\",,}");
    assert_eq!(kinds(&problems), ["syntax"]);
    let position = problems[0].position.unwrap();
    assert_eq!((position.line, position.column), (1, 24));
}

#[test]
fn empty_input_is_a_syntax_error() {
    assert_eq!(kinds(&bundled("")), ["syntax"]);
    assert_eq!(kinds(&bundled("[]")), ["wrong_type"]);
}

#[test]
fn missing_field() {
    assert_eq!(
        kinds(&bundled(r#"{"rubric": "qd26-2026", "answers": {}}"#)),
        ["missing_field"]
    );
}

#[test]
fn unknown_field() {
    let problems =
        bundled(r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {}, "total": "100"}"#);
    assert_eq!(kinds(&problems), ["unknown_field"]);
}

#[test]
fn duplicate_key() {
    let problems =
        bundled(r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"1.1": 1, "1.1": 3}}"#);
    assert_eq!(kinds(&problems), ["duplicate_key"]);
}

#[test]
fn wrong_type() {
    let problems = bundled(r#"{"rubric": 26, "product_set": 10, "answers": {}}"#);
    assert_eq!(kinds(&problems), ["wrong_type"]);
}

#[test]
fn invalid_value() {
    assert_eq!(
        kinds(&bundled(
            r#"{"rubric": "qd26-2026", "product_set": 300, "answers": {}}"#
        )),
        ["invalid_value"]
    );
    assert_eq!(
        kinds(&bundled(
            r#"{"rubric": "qd26-2026", "product_set": -1, "answers": {}}"#
        )),
        ["invalid_value"]
    );
    let bad_date = r#"{"evaluated_on": "2026-02-30", "product_set": 10, "answers": {}}"#;
    assert_eq!(kinds(&bundled(bad_date)), ["invalid_value"]);
}

#[test]
fn unknown_rubric() {
    let problems = bundled(r#"{"rubric": "qd148", "product_set": 10, "answers": {}}"#);
    assert_eq!(kinds(&problems), ["unknown_rubric"]);
    assert!(problems[0].kind.describe(Lang::En).contains("qd26-2026"));
}

#[test]
fn unknown_product_set() {
    assert_eq!(
        kinds(&bundled(
            r#"{"rubric": "qd26-2026", "product_set": 0, "answers": {}}"#
        )),
        ["unknown_product_set"]
    );
}

#[test]
fn no_rubric_in_force() {
    let problems = bundled(r#"{"evaluated_on": "2018-01-01", "product_set": 10, "answers": {}}"#);
    assert_eq!(kinds(&problems), ["no_rubric_in_force"]);
}

#[test]
fn the_evaluation_date_picks_the_rubric() {
    let text = r#"{"evaluated_on": "2026-11-20", "product_set": 10, "answers": {"1.1": 2}}"#;
    let card = score_sheet(Catalog::bundled(), text, Completeness::Partial).unwrap();
    assert_eq!(card.rubric, "qd26-2026");
}

#[test]
fn rubric_not_in_force() {
    let problems = bundled(
        r#"{"rubric": "qd26-2026", "evaluated_on": "2026-05-21", "product_set": 10, "answers": {}}"#,
    );
    assert_eq!(kinds(&problems), ["rubric_not_in_force"]);
}

#[test]
fn rubric_unusable() {
    let mut bad = set();
    set_at(
        &mut bad,
        "/parts/0/groups/0/criteria/0/options/2/points",
        json!("41"),
    );
    let folder = write(&instrument(), &bad);
    let catalog = Catalog::from_path(folder.path()).unwrap();
    let problems =
        score_sheet(&catalog, &tiny_sheet(json!({})), Completeness::Complete).unwrap_err();
    assert_eq!(kinds(&problems), ["rubric_unusable"]);
}

#[test]
fn unknown_criterion() {
    assert_eq!(
        kinds(&bundled(
            r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"12": 1}}"#
        )),
        ["unknown_criterion"]
    );
}

#[test]
fn answer_sub_criteria() {
    let problems = bundled(r#"{"rubric": "qd26-2026", "product_set": 13, "answers": {"6.2": 1}}"#);
    assert_eq!(kinds(&problems), ["answer_sub_criteria"]);
}

#[test]
fn wrong_answer() {
    let problems = bundled(
        r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"1.1": true, "2.4": 1, "1.2": [1]}}"#,
    );
    assert_eq!(
        kinds(&problems),
        ["wrong_answer", "wrong_answer", "wrong_answer"]
    );
}

#[test]
fn option_out_of_range() {
    let problems =
        bundled(r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"1.1": 0, "1.2": 4}}"#);
    assert_eq!(
        kinds(&problems),
        ["option_out_of_range", "option_out_of_range"]
    );
}

#[test]
fn duplicate_option() {
    let (_folder, catalog) = tiny_catalog();
    let problems = score_sheet(
        &catalog,
        &tiny_sheet(json!({"2.1": [1, 1]})),
        Completeness::Complete,
    )
    .unwrap_err();
    assert_eq!(kinds(&problems), ["duplicate_option"]);
}

#[test]
fn missing_answer() {
    let problems = score_sheet(
        Catalog::bundled(),
        r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"1.1": null}}"#,
        Completeness::Complete,
    )
    .unwrap_err();
    assert_eq!(problems.len(), 32);
    assert!(
        problems
            .iter()
            .all(|problem| problem.kind.name() == "missing_answer")
    );
    // The explicit null is reported where it stands.
    assert_eq!(problems[0].path.to_string(), "/answers/1.1");
}

#[test]
fn no_knockout_rule() {
    let problems = bundled(
        r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {}, "knockouts": ["1.3"]}"#,
    );
    assert_eq!(kinds(&problems), ["no_knockout_rule"]);
}

#[test]
fn no_dossier_rule() {
    let problems = bundled(
        r#"{"rubric": "qd26-2026", "product_set": 26, "answers": {}, "knockouts": ["dossier"]}"#,
    );
    assert_eq!(kinds(&problems), ["no_dossier_rule"]);
}

#[test]
fn duplicate_knockout() {
    let problems = bundled(
        r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {}, "knockouts": ["1.1", "1.1"]}"#,
    );
    assert_eq!(kinds(&problems), ["duplicate_knockout"]);
}

#[test]
fn messages_exist_in_both_languages() {
    let mut problems =
        bundled(r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"1.1": 9}}"#);
    assert_eq!(
        problems[0].message,
        "chỉ tiêu 1.1 không có phương án 9 (có 3 phương án)"
    );
    problems.localize(ocop_core::lang::Lang::En);
    assert_eq!(
        problems[0].message,
        "criterion 1.1 has no option 9 (it has 3)"
    );
}

#[test]
fn additive_criteria_sum_their_ticks_up_to_the_maximum() {
    let (_folder, catalog) = tiny_catalog();
    let score =
        |answers| score_sheet(&catalog, &tiny_sheet(answers), Completeness::Complete).unwrap();
    // 1.1 = 40, 3.1 = 5, 3.2 = 30; 2.1 ticks: none, two (20), three (30, capped at 25).
    assert_eq!(score(json!({"2.1": []})).total.to_string(), "75");
    assert_eq!(score(json!({"2.1": [2, 3]})).total.to_string(), "95");
    let capped = score(json!({"2.1": [3, 1, 2]}));
    assert_eq!(capped.total.to_string(), "100");
    assert_eq!(capped.parts["B"].to_string(), "25");
}

#[test]
fn gates_on_the_tiny_rubric() {
    let (_folder, catalog) = tiny_catalog();
    let score =
        |answers| score_sheet(&catalog, &tiny_sheet(answers), Completeness::Complete).unwrap();
    // 3.2 at option 2 (15): 40 + 20 + 5 + 15 = 80, 4★; its 5★ mark is unmet but cannot cap 4★.
    let card = score(json!({"3.2": 2}));
    assert_eq!(
        (card.total.to_string().as_str(), card.band_stars, card.stars),
        ("80", 4, 4)
    );
    // 3.2 at option 1 (0): 65 is 3★ and the 4★ mark is unmet, which does not cap 3★ either.
    let card = score(json!({"3.2": 1}));
    assert_eq!(
        (card.band_stars, card.stars, card.unmet_gates.len()),
        (3, 3, 2)
    );
    // 1.1 at option 1 (0): 3★ mark unmet; 60 points stay at 2★, no certificate.
    let card = score(json!({"1.1": 1, "3.2": 3, "2.1": [1, 2, 3]}));
    assert_eq!(
        (card.band_stars, card.gate_cap, card.stars, card.certifiable),
        (3, 2, 2, false)
    );
}

#[test]
fn a_knockout_disqualifies() {
    let (_folder, catalog) = tiny_catalog();
    let text = json!({"rubric": "tiny-2026", "product_set": 1, "answers": {"1.1": 3}, "knockouts": ["1.1"]}).to_string();
    let card = score_sheet(&catalog, &text, Completeness::Complete).unwrap();
    assert_eq!((card.status, card.stars), (Status::Disqualified, 0));
}

#[test]
fn unreadable_option() {
    let mut with_defect = set();
    set_at(
        &mut with_defect,
        "/parts/1/groups/0/criteria/0/options/1/points",
        serde_json::Value::Null,
    );
    with_defect["errata"] = json!([{
        "criterion": "2.1", "option": 2, "printed": "l", "encoded": "null",
        "reason": "unreadable", "accepted_defect": "unreadable_points"
    }]);
    let folder = write(&instrument(), &with_defect);
    let catalog = Catalog::from_path(folder.path()).unwrap();
    let problems = score_sheet(
        &catalog,
        &tiny_sheet(json!({"2.1": [1, 2]})),
        Completeness::Complete,
    )
    .unwrap_err();
    assert_eq!(kinds(&problems), ["unreadable_option"]);
    // The other options still score, and the attainable maximum leaves the unreadable one out.
    let card = score_sheet(
        &catalog,
        &tiny_sheet(json!({"2.1": [1, 3]})),
        Completeness::Complete,
    )
    .unwrap();
    assert_eq!(
        (
            card.total.to_string().as_str(),
            card.max_attainable.to_string().as_str()
        ),
        ("95", "95")
    );
}

#[test]
fn an_amendment_not_applied_is_noted_from_its_date() {
    let mut amended = instrument();
    amended["amendments"] = json!([{
        "number": "2/2026/QĐ-TEST", "date": "2026-06-01", "summary": "minimums per star level",
        "applied": false, "note": "the minimums table is incomplete"
    }]);
    let folder = write(&amended, &set());
    let catalog = Catalog::from_path(folder.path()).unwrap();
    let dated = |date: &str| {
        let text = json!({"rubric": "tiny-2026", "evaluated_on": date, "product_set": 1,
                          "answers": {"1.1": 3, "2.1": [], "3.1": true, "3.2": 3}});
        score_sheet(&catalog, &text.to_string(), Completeness::Complete)
            .unwrap()
            .notices
    };
    assert!(dated("2026-05-31").is_empty());
    let notices = serde_json::to_value(dated("2026-06-01")).unwrap();
    assert_eq!(notices[0]["kind"], "amendment_not_applied");
    assert_eq!(notices[0]["decision"], "2/2026/QĐ-TEST");
}

#[test]
fn during_the_transition_the_date_picks_the_new_rubric_and_the_old_one_may_still_be_named() {
    // QĐ 148 stays in force until 21/7/2026 for files already in progress (QĐ 26/2026 Điều 11.2
    // and 12); a date alone picks QĐ 26/2026 from 22/5/2026.
    let by_date = r#"{"evaluated_on": "2026-06-15", "product_set": 10, "answers": {"1.1": 2}}"#;
    let card = score_sheet(Catalog::bundled(), by_date, Completeness::Partial).unwrap();
    assert_eq!(card.rubric, "qd26-2026");
    let named = r#"{"rubric": "qd148-2023", "evaluated_on": "2026-06-15", "product_set": 10, "answers": {"1.1": 2}}"#;
    let card = score_sheet(Catalog::bundled(), named, Completeness::Partial).unwrap();
    assert_eq!(card.rubric, "qd148-2023");
    // After the transition's widest limit (60 days, Điều 12.2.a) the old rubric is refused,
    // citing the article.
    let late = r#"{"rubric": "qd148-2023", "evaluated_on": "2026-07-22", "product_set": 10, "answers": {}}"#;
    assert_eq!(kinds(&bundled(late)), ["transition_ended"]);
}
