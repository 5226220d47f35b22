"""Hostile and careless input from Python: every refusal an ``InputError`` with a stable type and
a place, never a crash, a bare ``TypeError`` or an ``AttributeError`` (issue 10).

Structures that used to kill the interpreter (a cyclic dict, 100,000-deep nesting) are built in
the test; the refusal is bounded by construction (the converter stops at the depth limit).
"""

from __future__ import annotations

import pytest

import xianjie

ACTIVITY = {"project": "P1", "semester": "2023-2024-1", "meetings": 2, "joint_research": 3,
            "teachers_dispatched": 5}


def refused(data, **kw) -> list:
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check(data, **kw)
    errors = info.value.errors()
    assert errors, "an InputError lists its problems"
    return errors


def test_cyclic_dict_is_a_located_value_error() -> None:
    record = dict(ACTIVITY)
    record["self"] = record
    e = refused({"semester_activities": [record]})
    assert [(x["type"], x["loc"]) for x in e] == [("value", ("semester_activities", 0, "self"))]
    assert "cyclic" in e[0]["msg_en"] and e[0]["msg_zh"]


def test_cyclic_list_is_a_located_value_error() -> None:
    items: list = []
    items.append(items)
    e = refused({"semester_activities": items})
    assert (e[0]["type"], e[0]["loc"]) == ("value", ("semester_activities", 0))


def test_shared_but_acyclic_values_are_fine() -> None:
    same = dict(ACTIVITY)
    report = xianjie.check({"reporting_year": 2024, "semester_activities": [same, same]})
    assert report.rules


def test_100000_deep_nesting_is_refused_at_the_depth_limit() -> None:
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    e = refused({"semester_activities": deep})
    assert len(e) == 1 and e[0]["type"] == "limit"
    # Refused where the 65th container starts: the root dict is level 1.
    assert e[0]["loc"] == ("semester_activities",) + (0,) * 63
    assert "nesting_depth" in e[0]["msg_en"]


def test_depth_limit_is_settable_and_lower_limit_bites_sooner() -> None:
    e = refused({"semester_activities": [[[[]]]]}, limits={"nesting_depth": 3})
    assert (e[0]["type"], e[0]["loc"]) == ("limit", ("semester_activities", 0, 0))


def test_depth_limit_cannot_be_raised_past_what_the_stack_holds() -> None:
    e = refused({}, limits={"nesting_depth": 10**7})
    assert (e[0]["type"], e[0]["loc"]) == ("value", ())
    assert "at most 128" in e[0]["msg_en"]
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    e = refused({"semester_activities": deep}, limits={"nesting_depth": 128})
    assert e[0]["type"] in ("limit", "syntax")  # the converter's bound or the JSON reader's


def test_unknown_limit_name_lists_the_known_ones() -> None:
    e = refused({}, limits={"nesting_dept": 3, "records": "-1"})
    assert [x["type"] for x in e] == ["value", "value"]
    assert "nesting_depth" in e[0]["msg_en"] and "string_chars" in e[0]["msg_en"]


def test_limits_must_be_a_mapping() -> None:
    with pytest.raises(TypeError, match="limits must be a dict"):
        xianjie.check({}, limits=["nesting_depth"])  # type: ignore[arg-type]


def test_string_over_string_chars_is_refused_before_it_is_copied() -> None:
    record = dict(ACTIVITY, project="P" * 101)
    e = refused({"semester_activities": [record]}, limits={"string_chars": 100})
    assert (e[0]["type"], e[0]["loc"]) == ("limit", ("semester_activities", 0, "project"))
    assert "101" in e[0]["msg_en"]


def test_collection_over_records_is_refused_before_it_is_read() -> None:
    e = refused({"semester_activities": [ACTIVITY] * 4}, limits={"records": 3})
    assert (e[0]["type"], e[0]["loc"]) == ("limit", ("semester_activities",))


def test_generator_is_refused_with_advice() -> None:
    e = refused({"semester_activities": (dict(ACTIVITY) for _ in range(3))})
    assert (e[0]["type"], e[0]["loc"]) == ("type", ("semester_activities",))
    assert "list" in e[0]["msg_en"]


def test_iterator_as_the_whole_dataset_is_refused() -> None:
    e = refused(iter([ACTIVITY]))  # type: ignore[arg-type]
    assert (e[0]["type"], e[0]["loc"]) == ("type", ())


def test_non_text_key_is_refused_where_it_is() -> None:
    e = refused({"semester_activities": [{**ACTIVITY, 7: "x"}]})
    assert (e[0]["type"], e[0]["loc"]) == ("type", ("semester_activities", 0))
    assert "int" in e[0]["msg_en"]


def test_non_text_collection_key_is_refused() -> None:
    e = refused({("a", "b"): []})
    assert (e[0]["type"], e[0]["loc"]) == ("type", ())


def test_lone_surrogate_is_refused() -> None:
    e = refused({"semester_activities": [dict(ACTIVITY, project="P\ud800")]})
    assert (e[0]["type"], e[0]["loc"]) == ("value", ("semester_activities", 0, "project"))


def test_bytes_that_are_not_utf8_name_the_byte() -> None:
    e = refused(b'{"schools": [{"name": "\xff"}]}')
    assert (e[0]["type"], e[0]["loc"]) == ("syntax", ())
    assert "byte 24" in e[0]["msg_en"]


def test_bytes_value_inside_a_record_is_a_located_type_error() -> None:
    e = refused({"semester_activities": [dict(ACTIVITY, project=b"P1")]})
    assert (e[0]["type"], e[0]["loc"]) == ("type", ("semester_activities", 0, "project"))


def test_text_neither_json_nor_a_path() -> None:
    e = refused("semester_activities: none" * 1000)
    assert (e[0]["type"], e[0]["loc"]) == ("io", ())
    assert len(e[0]["msg_en"]) < 300  # the text is quoted abbreviated


def test_a_raising_number_like_is_a_located_error() -> None:
    class Bad:
        def __float__(self) -> float:
            raise RuntimeError("no float today")

    e = refused({"semester_activities": [dict(ACTIVITY, meetings=Bad())]})
    assert (e[0]["type"], e[0]["loc"]) == ("type", ("semester_activities", 0, "meetings"))
    assert "no float today" in e[0]["msg_en"]


def test_integer_too_long_to_print_is_a_located_error() -> None:
    e = refused({"semester_activities": [dict(ACTIVITY, meetings=10**5000)]})
    assert e[0]["loc"] == ("semester_activities", 0, "meetings")


def test_keyboard_interrupt_is_not_swallowed() -> None:
    class Stop:
        def __float__(self) -> float:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        xianjie.check({"semester_activities": [dict(ACTIVITY, meetings=Stop())]})


def test_unsupported_object_is_a_located_type_error() -> None:
    e = refused({"semester_activities": [dict(ACTIVITY, meetings={1, 2})]})
    assert (e[0]["type"], e[0]["loc"]) == ("type", ("semester_activities", 0, "meetings"))
    assert "set" in e[0]["msg_en"]


def test_every_conversion_problem_is_listed() -> None:
    bad = [dict(ACTIVITY, meetings={1}), dict(ACTIVITY, project=b"x"), dict(ACTIVITY)]
    e = refused({"semester_activities": bad})
    assert [x["loc"] for x in e] == [("semester_activities", 0, "meetings"),
                                     ("semester_activities", 1, "project")]


def test_conversion_problems_past_errors_listed_are_counted() -> None:
    bad = [dict(ACTIVITY, meetings={1}) for _ in range(5)]
    e = refused({"semester_activities": bad}, limits={"errors_listed": 2})
    assert [x["type"] for x in e] == ["type", "type", "limit"]
    assert "3 more" in e[2]["msg_en"]


def test_duplicate_dataframe_columns_are_refused() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame([["P1", 1, 2]], columns=["project", "meetings", "meetings"])
    e = refused({"semester_activities": frame})
    assert (e[0]["type"], e[0]["loc"]) == ("duplicate_key", ("semester_activities",))
    assert "meetings" in e[0]["msg_en"]


def test_duplicate_arrow_columns_are_refused() -> None:
    pa = pytest.importorskip("pyarrow")
    table = pa.table([pa.array(["P1"]), pa.array([1]), pa.array([2])],
                     names=["project", "meetings", "meetings"])
    e = refused({"semester_activities": table})
    assert (e[0]["type"], e[0]["loc"]) == ("duplicate_key", ("semester_activities",))


def test_two_bad_records_give_two_errors() -> None:
    # Both bad values are valid Python (they convert); the core's reader refuses them, and
    # every one must be listed, not only the first (issue 10: "every problem, once").
    bad = [dict(ACTIVITY, meetings=-1), dict(ACTIVITY), dict(ACTIVITY, meetings=-2)]
    e = refused({"semester_activities": bad})
    assert [(x["type"], x["loc"]) for x in e] == [
        ("value", ("semester_activities", 0, "meetings")),
        ("value", ("semester_activities", 2, "meetings")),
    ]


def test_text_and_bytes_over_input_bytes_are_refused_before_reading() -> None:
    text = '{"semester_activities": []}' + " " * 100
    for data in (text, text.encode()):
        e = refused(data, limits={"input_bytes": 64})
        assert (e[0]["type"], e[0]["loc"]) == ("limit", ())
        assert "input_bytes" in e[0]["msg_en"]


def test_json_text_with_a_lone_surrogate_is_refused() -> None:
    e = refused('{"schools": [{"name": "\ud800"}]}')
    assert (e[0]["type"], e[0]["loc"]) == ("value", ())
