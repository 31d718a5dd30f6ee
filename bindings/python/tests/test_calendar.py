"""Engine.calendar: the rounds of QĐ 26/2026 Điều 5, computed by hand, and the command's JSON.

Điều 5: the province holds a round before 30/6 for files the commune proposed before 30/4 and
one before 30/12 for those proposed before 30/10 (khoản 1); the ministry holds one before 30/9
for files the province proposed before 30/7 and one before 30/3 for those proposed before 30/01
(khoản 2). "Trước ngày" is strict: a file proposed on the deadline misses that round.
"""

import datetime
import json

import pytest

import ocop
from test_engine import ocop_cli, without_file

PROVINCE = "QĐ 26/2026/QĐ-TTg Điều 5 khoản 1"
CENTRAL = "QĐ 26/2026/QĐ-TTg Điều 5 khoản 2"


def round_(level, number, held_before, proposed_before):
    return {
        "level": level,
        "round": number,
        "held_before": held_before,
        "proposed_before": proposed_before,
        "source": PROVINCE if level == "province" else CENTRAL,
    }


def first(proposed_on, level, number, held_before, proposed_before):
    return {"proposed_on": proposed_on, **round_(level, number, held_before, proposed_before)}


def first_round(calendar, level):
    (found,) = [entry for entry in calendar["first_rounds"] if entry["level"] == level]
    return found


@pytest.fixture(scope="module")
def engine():
    return ocop.Engine()


def test_a_year_has_two_rounds_at_each_level_in_date_order(engine):
    assert engine.calendar(2027) == {
        "year": 2027,
        "rubric": "qd26-2026",
        "rounds": [
            round_("province", 1, "2027-06-30", "2027-04-30"),
            round_("province", 2, "2027-12-30", "2027-10-30"),
            # The ministry's round 2 (for the province's round 2 of 2026) comes first.
            round_("central", 2, "2027-03-30", "2027-01-30"),
            round_("central", 1, "2027-09-30", "2027-07-30"),
        ],
        "first_rounds": [],
    }


def test_a_level_lists_only_its_rounds(engine):
    calendar = engine.calendar(2030, level="central", on="2030-02-01")
    assert calendar["rounds"] == [
        round_("central", 2, "2030-03-30", "2030-01-30"),
        round_("central", 1, "2030-09-30", "2030-07-30"),
    ]
    assert calendar["first_rounds"] == [first("2030-02-01", "central", 1, "2030-09-30", "2030-07-30")]


def test_a_file_proposed_before_30_4_enters_the_province_round_before_30_6(engine):
    calendar = engine.calendar(2027, on=datetime.date(2027, 4, 29))
    assert calendar["first_rounds"] == [
        first("2027-04-29", "province", 1, "2027-06-30", "2027-04-30"),
        first("2027-04-29", "central", 1, "2027-09-30", "2027-07-30"),
    ]


def test_a_file_proposed_on_30_4_misses_round_1(engine):
    calendar = engine.calendar(2027, level="province", on="30/4/2027")
    assert calendar["first_rounds"] == [first("2027-04-30", "province", 2, "2027-12-30", "2027-10-30")]


def test_a_file_proposed_on_30_10_waits_for_the_next_years_round_1(engine):
    calendar = engine.calendar(2027, on="2027-10-30")
    assert first_round(calendar, "province") == first("2027-10-30", "province", 1, "2028-06-30", "2028-04-30")
    # After 30/7 the ministry's next round is round 2, before 30/3 of the next year.
    assert first_round(calendar, "central") == first("2027-10-30", "central", 2, "2028-03-30", "2028-01-30")


@pytest.mark.parametrize(
    "proposed_on,number,held_before",
    [
        ("2027-01-29", 2, "2027-03-30"),
        ("2027-01-30", 1, "2027-09-30"),
        ("2027-07-29", 1, "2027-09-30"),
        ("2027-07-30", 2, "2028-03-30"),
    ],
)
def test_the_central_deadlines_are_30_01_and_30_7(engine, proposed_on, number, held_before):
    entry = first_round(engine.calendar(2027, level="central", on=proposed_on), "central")
    assert (entry["round"], entry["held_before"]) == (number, held_before)


def test_a_year_whose_rules_set_no_rounds_is_invalid_input(engine):
    # QĐ 148/QĐ-TTg, in force at the end of 2025, set no rounds.
    with pytest.raises(ocop.InvalidInput) as raised:
        engine.calendar(2025)
    (problem,) = raised.value.problems
    assert (problem["path"], problem["field"], problem["kind"]) == ("/year", "year", "invalid_value")
    assert problem["detail"] == (
        "qd148-2023 (148/QĐ-TTg), có hiệu lực vào cuối năm 2025, không quy định các đợt đánh giá trong năm"
    )
    assert "file" not in raised.value.document["error"]


def test_a_year_before_every_rubric_is_invalid_input(engine):
    with pytest.raises(ocop.InvalidInput) as raised:
        engine.calendar(2018, lang="en")
    assert str(raised.value) == 'invalid "year": no rubric is in force at the end of 2018'


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"year": 10000}, "năm 10000 nằm ngoài phạm vi lịch được hỗ trợ"),
        ({"year": 10000, "lang": "en"}, "the year 10000 is outside the supported calendar range"),
        # The first round after 31/12/9999 would be in 10000.
        ({"year": 9999, "on": "9999-12-31"}, "năm 10000 nằm ngoài phạm vi lịch được hỗ trợ"),
        ({"year": 40000}, "year: 40000 is not in -32768..=32767"),
        ({"year": 2027, "level": "district"}, "level must be province or central, not \"district\""),
        ({"year": 2027, "on": "2027-02-30"}, "on: "),
        ({"year": 2027, "lang": "fr"}, "lang must be 'vi' or 'en'"),
    ],
)
def test_options_the_command_refuses_are_value_errors(engine, kwargs, message):
    with pytest.raises(ValueError) as raised:
        engine.calendar(**kwargs)
    assert not isinstance(raised.value, ocop.InvalidInput)
    assert str(raised.value).startswith(message)


def test_a_year_is_an_integer(engine):
    with pytest.raises(TypeError):
        engine.calendar(2027.0)


@pytest.mark.parametrize(
    "args",
    [
        ["2027"],
        ["2027", "--lang", "en"],
        ["2026", "--on", "2026-04-30"],
        ["2027", "--level", "province", "--on", "30/10/2027"],
        ["2028", "--level", "central", "--on", "2028-07-29"],
        ["9999", "--on", "2027-01-01"],
    ],
)
def test_the_calendar_is_the_commands(engine, args):
    expected, code = ocop_cli("calendar", *args, "--format", "json")
    assert code == 0
    year, options = int(args[0]), dict(zip(args[1::2], args[2::2]))
    kwargs = {name.lstrip("-"): value for name, value in options.items()}
    assert engine.calendar(year, **kwargs) == json.loads(expected)
    # Byte for byte: the native module returns the command's text.
    native = engine._native.calendar(year, kwargs.get("level"), kwargs.get("on"), kwargs.get("lang") == "en")
    assert native == expected


@pytest.mark.parametrize("year,lang", [(2025, "vi"), (2018, "en"), (2020, "vi")])
def test_an_invalid_year_is_the_commands_error_document(engine, year, lang):
    expected, code = ocop_cli("calendar", year, "--format", "json", "--lang", lang)
    assert code == 1
    with pytest.raises(ocop.InvalidInput) as raised:
        engine.calendar(year, lang=lang)
    assert raised.value.document == without_file(expected)


@pytest.mark.parametrize("args", [["10000"], ["9999", "--on", "9999-12-31", "--lang", "en"]])
def test_a_year_out_of_range_is_the_commands_usage_error(engine, args):
    expected, code = ocop_cli("calendar", *args, "--format", "json")
    assert code == 2
    options = dict(zip(args[1::2], args[2::2]))
    with pytest.raises(ValueError) as raised:
        engine.calendar(int(args[0]), on=options.get("--on"), lang=options.get("--lang", "vi"))
    assert str(raised.value) == json.loads(expected)["error"]["message"]


def test_a_datetime_counts_as_its_day(engine):
    moment = datetime.datetime(2027, 4, 29, 16, 30)
    assert engine.calendar(2027, on=moment) == engine.calendar(2027, on="2027-04-29")
    assert engine.cert(moment, on=moment) == engine.cert("2027-04-29", on="2027-04-29")
