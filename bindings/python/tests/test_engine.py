"""The Python package against the `ocop` command: every stored case, every document, errors."""

import datetime
import json
import os
import pathlib
import subprocess
import threading

import pytest

import ocop

ROOT = pathlib.Path(__file__).resolve().parents[3]
CASES = ROOT / "fixtures" / "cases"
EXAMPLE = ROOT / "fixtures" / "examples" / "toi-den-ly-son.json"
SESSION = ROOT / "fixtures" / "examples" / "council-toi-den-ly-son.json"


def cli_path():
    path = pathlib.Path(os.environ.get("OCOP_CLI", ROOT / "target" / "debug" / "ocop"))
    if not path.is_file():
        pytest.fail(f"the ocop command is not built at {path}: cargo build -p ocop-cli, or set OCOP_CLI")
    return path


def ocop_cli(*args, cwd=ROOT):
    """What the command prints on standard output, and its exit status."""
    done = subprocess.run([cli_path(), *map(str, args)], cwd=cwd, capture_output=True)
    return done.stdout.decode("utf-8"), done.returncode


def without_file(document):
    document = json.loads(document)
    del document["error"]["file"]
    return document


@pytest.fixture(scope="module")
def engine():
    return ocop.Engine()


def sheet_cases():
    cases = []
    for path in sorted(CASES.rglob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        if "sheet_text" in case:
            text = case["sheet_text"]
        elif "sheet" in case:
            text = json.dumps(case["sheet"], ensure_ascii=False, indent=2)
        else:
            continue
        cases.append((path.name, text, case.get("options", {}).get("partial") is True))
    assert len(cases) > 40
    return cases


def council_sessions():
    return [
        (path.name, json.loads(path.read_text(encoding="utf-8"))["session"])
        for path in sorted(CASES.glob("*/council/*.json"))
    ]


@pytest.mark.parametrize("name,text,partial", sheet_cases(), ids=lambda value: value if isinstance(value, str) and value.endswith(".json") else "")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_stored_sheet_scores_as_the_command_prints(engine, tmp_path, name, text, partial, lang):
    (tmp_path / name).write_text(text, encoding="utf-8")
    args = ["score", name, "--format", "json", "--lang", lang] + (["--partial"] if partial else [])
    expected, code = ocop_cli(*args, cwd=tmp_path)
    if code == 0:
        assert engine.score_json(text, partial=partial, lang=lang) == expected
        assert engine.score(json.loads(text), partial=partial, lang=lang) == json.loads(expected)
    else:
        assert code == 1
        with pytest.raises(ocop.InvalidInput) as raised:
            engine.score(text, partial=partial, lang=lang)
        assert raised.value.document == without_file(expected)
        assert raised.value.problems == raised.value.document["error"]["problems"]
        assert raised.value.problems


@pytest.mark.parametrize("name,session", council_sessions(), ids=lambda value: value if isinstance(value, str) else "")
def test_every_stored_session_is_combined_as_the_command_prints(engine, tmp_path, name, session):
    (tmp_path / name).write_text(json.dumps(session, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "rules").write_text('{"max_spread": "5"}', encoding="utf-8")
    for rules in (None, {"max_spread": "5"}):
        args = ["council", name, "--format", "json"] + (["--rules", "rules"] if rules else [])
        expected, code = ocop_cli(*args, cwd=tmp_path)
        if code == 0:
            assert engine.council(session, rules=rules) == json.loads(expected)
        else:
            with pytest.raises(ocop.InvalidInput) as raised:
                engine.council(session, rules=rules)
            assert raised.value.document == without_file(expected)


def test_a_round_ranks_as_the_command_prints(engine, tmp_path):
    sessions = [session for _, session in council_sessions()]
    lines = [json.dumps(session, ensure_ascii=False) for session in sessions]
    lines.insert(1, "")
    lines.append('{"product_set": ')
    (tmp_path / "round.ndjson").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected, code = ocop_cli("rank", "round.ndjson", "--format", "json", "--lang", "en", cwd=tmp_path)
    assert code == 1
    ranking = engine.rank("\n".join(lines) + "\n", source="round.ndjson", lang="en")
    assert ranking == json.loads(expected)
    assert ranking["distribution"]["failed"] == 1
    # An iterable of sessions is a round too.
    assert len(engine.rank(sessions)["rows"]) == len(sessions)


def test_advice_rescoring_certificates_rubrics_and_sheets_are_the_commands(engine):
    sheet = EXAMPLE.read_text(encoding="utf-8")
    expected, _ = ocop_cli("advise", EXAMPLE, "--format", "json")
    assert engine.advise(sheet) == json.loads(expected)
    expected, _ = ocop_cli("advise", SESSION, "--format", "json", "--target", "5", "--alternatives", "1")
    assert engine.advise(json.loads(SESSION.read_text(encoding="utf-8")), target=5, alternatives=1) == json.loads(expected)
    expected, _ = ocop_cli("rescore", EXAMPLE, "--to", "qd148-2023", "--format", "json")
    assert engine.rescore(sheet, "qd148-2023") == json.loads(expected)
    expected, _ = ocop_cli("cert", "--decided", "2026-06-15", "--on", "2029-01-01", "--format", "json")
    assert engine.cert(datetime.date(2026, 6, 15), on="2029-01-01") == json.loads(expected)
    expected, _ = ocop_cli("rubrics", "--format", "json")
    assert engine.rubrics() == json.loads(expected)
    expected, _ = ocop_cli("sheet", "--rubric", "qd26-2026", "--set", "10", "--format", "markdown", "--lang", "en")
    assert engine.sheet("qd26-2026", 10, format="markdown", lang="en") == expected
    expected, _ = ocop_cli("sheet", "--rubric", "qd26-2026", "--set", "10", "--format", "html")
    assert engine.sheet("qd26-2026", 10, format="html") == expected


def test_errors_are_typed_and_carry_what_went_wrong(engine):
    with pytest.raises(ocop.InvalidInput) as raised:
        engine.score('{"rubric": "qd26-2026", "product_set": 10,\n "answers": {"1.1": 9}}', lang="en")
    first = raised.value.problems[0]
    assert (first["path"], first["line"], first["column"]) == ("/answers/1.1", 2, 21)
    assert "option 9" in str(raised.value)
    assert isinstance(raised.value, ValueError) and isinstance(raised.value, ocop.OcopError)
    with pytest.raises(ocop.InvalidInput) as raised:
        engine.council(SESSION.read_text(encoding="utf-8"), rules={"max_spread": 5})
    assert raised.value.document["error"]["file"] == "rules"
    with pytest.raises(ocop.InvalidInput) as raised:
        engine.advise(EXAMPLE.read_text(encoding="utf-8"), costs={"9.9": "1"})
    assert raised.value.document["error"]["file"] == "costs"
    with pytest.raises(ocop.UnknownRubric):
        engine.sheet("qd0-2000", 10)
    with pytest.raises(ocop.UnknownRubric):
        engine.rescore(EXAMPLE.read_text(encoding="utf-8"), "qd0-2000")
    with pytest.raises(ocop.UnknownRubric):
        engine.cert("1999-01-01")
    with pytest.raises(ValueError):
        engine.cert("30/02/2026")
    with pytest.raises(ValueError):
        engine.score("{}", lang="fr")
    with pytest.raises(ocop.RubricDataError):
        ocop.Engine("/nonexistent/rubrics")


def test_rubric_files_score_as_the_bundled_rubrics(engine):
    from_files = ocop.Engine(str(ROOT / "rubrics"))
    sheet = EXAMPLE.read_text(encoding="utf-8")
    assert from_files.score_json(sheet) == engine.score_json(sheet)


def test_one_engine_serves_many_threads(engine):
    sheet = EXAMPLE.read_text(encoding="utf-8")
    expected = engine.score_json(sheet)
    results = []

    def work():
        results.extend(engine.score_json(sheet) for _ in range(20))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 80


def test_the_version_is_the_packages():
    assert ocop.__version__ == "0.1.0"


def test_why_dates_have_no_certificate_is_said_in_the_language_asked_for(engine):
    with pytest.raises(ocop.UnknownRubric, match="không có bộ tiêu chí nào có hiệu lực"):
        engine.cert("1999-01-01")
    with pytest.raises(ocop.UnknownRubric, match="no rubric is in force on 1999-01-01"):
        engine.cert("1999-01-01", lang="en")
    with pytest.raises(ValueError, match="có hiệu lực từ ngày 22/05/2026"):
        engine.cert("2026-05-21", rubric="qd26-2026")
    with pytest.raises(ValueError, match="took effect on 2026-05-22"):
        engine.cert("2026-05-21", rubric="qd26-2026", lang="en")
    with pytest.raises(ValueError):
        engine.cert("2026-06-15", lang="fr")
