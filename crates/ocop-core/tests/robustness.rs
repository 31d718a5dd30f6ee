//! No input can crash a reader: mutated valid documents and arbitrary text go through every
//! reader of the engine (sheet, session, round line, advice, rules file, cost file, rubric
//! instrument and set files), and each gives a result or at least one listed problem, never a
//! panic. The fuzz targets under `fuzz/` do the same, coverage-guided, on nightly.

use ocop_core::advise::{CostMap, Request, Subject};
use ocop_core::council::{SessionOptions, parse_overrides, score_session};
use ocop_core::round::Round;
use ocop_core::rubric::{Catalog, Severity};
use ocop_core::score::score_sheet;
use ocop_core::sheet::{Answers, CheckedSheet, Completeness, InputProblems, Sheet};
use proptest::prelude::*;
use serde_json::Value;

fn fixture(path: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::fs::read_to_string(root.join(path)).unwrap()
}

fn example_sheet() -> String {
    fixture("fixtures/examples/toi-den-ly-son.json")
}

fn example_session() -> String {
    fixture("fixtures/examples/council-toi-den-ly-son.json")
}

/// A reader's outcome is sound: a result, or problems that say what is wrong.
fn assert_sound<T>(outcome: Result<T, InputProblems>, text: &str) {
    if let Err(problems) = outcome {
        assert!(problems.total() > 0, "no problem listed for {text:?}");
        for problem in problems.listed() {
            assert!(!problem.message.is_empty(), "{problem:?}");
            if let Some(position) = problem.position {
                assert!(position.line >= 1 && position.column >= 1, "{problem:?}");
            }
        }
    }
}

/// The two readers of a sheet agree: what the typed reader accepts (the way to a score), the
/// positional reader (the one that reports problems) accepts with the same answers.
fn readers_agree(text: &str) {
    let catalog = Catalog::bundled();
    for completeness in [Completeness::Complete, Completeness::Partial] {
        let typed = CheckedSheet::read(catalog, text, completeness);
        let positional = Sheet::parse(text).ok().and_then(|sheet| {
            let loaded = sheet.resolve(catalog).ok()?;
            Answers::check(loaded.set, &sheet.answers, &sheet.knockouts, completeness).ok()
        });
        match (typed, positional) {
            (Ok(typed), Some(positional)) => assert_eq!(typed.answers, positional, "{text}"),
            (Err(_), None) => {}
            (typed, positional) => panic!(
                "the readers disagree on {text}: typed {:?}, positional {:?}",
                typed.is_ok(),
                positional.is_some()
            ),
        }
    }
}

/// Every reader of member sheets and sessions, on one text.
fn read_everything(text: &str) {
    readers_agree(text);
    let catalog = Catalog::bundled();
    for completeness in [Completeness::Complete, Completeness::Partial] {
        let outcome = score_sheet(catalog, text, completeness);
        if let Ok(card) = &outcome {
            assert!(card.total.0 <= card.max_total.0);
            serde_json::to_string(card).unwrap();
        }
        assert_sound(outcome, text);
        let options = SessionOptions {
            completeness,
            rules_file: None,
        };
        let outcome = score_session(catalog, text, options);
        if let Ok(result) = &outcome {
            serde_json::to_string(result).unwrap();
        }
        assert_sound(outcome, text);
        let subject = Subject::read(catalog, text, completeness);
        if let Ok(subject) = &subject {
            serde_json::to_string(&subject.advise(&Request::default())).unwrap();
        }
        assert_sound(subject, text);
    }
    assert_sound(parse_overrides(text), text);
    let set = catalog.product_set("qd26-2026", 10).unwrap().set;
    assert_sound(CostMap::parse(set, text), text);
    let mut round = Round::new(catalog, SessionOptions::default());
    for (number, line) in text.split('\n').enumerate() {
        if let Some(Err(failure)) = round.add_line("round", number + 1, line.as_bytes()) {
            assert!(!failure.problems.is_empty(), "{failure:?}");
        }
    }
    round.finish();
}

/// The rubric loader on a product set file (or an instrument file) given as text: the data
/// validates or its problems are listed; a set that loads scores the example sheet.
fn load_rubric(instrument: &str, set: &str) {
    let texts = [
        ("rubric.json".to_owned(), instrument.to_owned()),
        (
            "council.json".to_owned(),
            fixture("rubrics/qd26-2026/council.json"),
        ),
        ("sets/10.json".to_owned(), set.to_owned()),
    ];
    let catalog = Catalog::from_texts("qd26-2026", texts);
    // Only set 10 is given: the others are reported unreadable, which is not the point here.
    let problems: Vec<_> = catalog
        .check_all()
        .into_iter()
        .filter(|problem| problem.set.is_none_or(|set| set == 10))
        .collect();
    match catalog.product_set("qd26-2026", 10) {
        Ok(_) => {
            assert!(
                problems
                    .iter()
                    .all(|problem| problem.severity == Severity::Warning),
                "{:?}",
                problems.first()
            );
            let sheet = example_sheet();
            if let Ok(card) = score_sheet(&catalog, &sheet, Completeness::Partial) {
                assert!(card.total.0 <= card.max_total.0);
            }
        }
        Err(_) => assert!(
            !problems.is_empty(),
            "the set does not load, yet lint is clean"
        ),
    }
}

/// Text mutated at the byte level: a range deleted, text inserted or a byte replaced, at a
/// place given as a fraction of the length (kept on a character boundary).
fn mutate_text(text: &str, at: f64, length: usize, insert: &str) -> String {
    let mut place = ((text.len() as f64) * at) as usize;
    while !text.is_char_boundary(place) {
        place -= 1;
    }
    let mut end = (place + length).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    format!("{}{insert}{}", &text[..place], &text[end..])
}

/// Every path to a value in a document.
fn paths(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(object) => {
            for (key, inner) in object {
                let key = key.replace('~', "~0").replace('/', "~1");
                paths(inner, format!("{at}/{key}"), out);
            }
        }
        Value::Array(array) => {
            for (index, inner) in array.iter().enumerate() {
                paths(inner, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
}

/// A document with one value replaced.
fn mutate_value(text: &str, pick: prop::sample::Index, replacement: Value) -> String {
    let mut document: Value = serde_json::from_str(text).unwrap();
    let mut found = Vec::new();
    paths(&document, String::new(), &mut found);
    let path = &found[pick.index(found.len())];
    match document.pointer_mut(path) {
        Some(slot) => *slot = replacement,
        None => document = replacement,
    }
    document.to_string()
}

/// JSON values of every kind, including ones the contracts never allow.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |number| number.is_finite())
            .prop_map(Value::from),
        "[a-z0-9.@\\-]{0,12}".prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::from),
        Just(Value::from("79228162514264337593543950335")),
        Just(Value::from("-1")),
        Just(Value::from("qd26-2026")),
        Just(Value::from("2026-06-01")),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z0-9._]{1,8}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Characters that matter to JSON, and some that are not ASCII.
fn splice() -> impl Strategy<Value = String> {
    "[{}\\[\\]\":,0-9a-z\\\\ \\n\\-.eE\u{1b}\u{0}ệ€]{0,6}"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_crashes_a_reader(text in "\\PC{0,200}") {
        read_everything(&text);
    }

    #[test]
    fn arbitrary_bytes_never_crash_a_reader(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        read_everything(&text);
        let mut round = Round::new(Catalog::bundled(), SessionOptions::default());
        if let Err(failure) = round.add_bytes("bytes", &bytes) {
            prop_assert!(!failure.problems.is_empty());
        }
    }

    #[test]
    fn mutated_sheets_never_crash_a_reader(
        at in 0.0..1.0f64, length in 0..8usize, insert in splice(),
        pick in any::<prop::sample::Index>(), replacement in any_value(),
    ) {
        let sheet = example_sheet();
        read_everything(&mutate_text(&sheet, at, length, &insert));
        read_everything(&mutate_value(&sheet, pick, replacement));
    }

    #[test]
    fn mutated_sessions_never_crash_a_reader(
        at in 0.0..1.0f64, length in 0..8usize, insert in splice(),
        pick in any::<prop::sample::Index>(), replacement in any_value(),
    ) {
        let session = example_session();
        read_everything(&mutate_text(&session, at, length, &insert));
        let mutated = mutate_value(&session, pick, replacement);
        read_everything(&mutated);
        // On one line, as a round reads it.
        if let Ok(value) = serde_json::from_str::<Value>(&mutated) {
            read_everything(&value.to_string());
        }
    }

    #[test]
    fn mutated_rules_files_never_crash_the_reader(
        pick in any::<prop::sample::Index>(), replacement in any_value(),
        at in 0.0..1.0f64, length in 0..8usize, insert in splice(),
    ) {
        let rules = r#"{"scoring_roles": ["chair", "member"], "quorum": {"fraction": "0.75", "chair_required": true}, "max_spread": "10", "rounding": {"places": 2, "mode": "half_up"}, "gates": "majority", "knockouts": "any"}"#;
        prop_assert!(parse_overrides(rules).is_ok());
        let text = mutate_value(rules, pick, replacement);
        assert_sound(parse_overrides(&text), &text);
        let text = mutate_text(rules, at, length, &insert);
        assert_sound(parse_overrides(&text), &text);
    }

    #[test]
    fn mutated_rubric_files_never_crash_the_loader(
        pick in any::<prop::sample::Index>(), replacement in any_value(),
        at in 0.0..1.0f64, length in 0..8usize, insert in splice(),
    ) {
        let instrument = fixture("rubrics/qd26-2026/rubric.json");
        let set = fixture("rubrics/qd26-2026/sets/10.json");
        load_rubric(&instrument, &mutate_value(&set, pick, replacement.clone()));
        load_rubric(&instrument, &mutate_text(&set, at, length, &insert));
        load_rubric(&mutate_value(&instrument, pick, replacement), &set);
    }
}
