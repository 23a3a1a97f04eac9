"""The deal exchange file: round trips, the shipped schema, and every refusal path."""

import copy
import json

import jsonschema
import pytest

from rra_desktop.exchange.deal_json import (
    FORMAT,
    SCHEMA_FILE,
    VERSION,
    DealFileInvalid,
    deal_from_json,
    deal_to_json,
    read_deal_json,
    schema_text,
    write_deal_json,
)
from rra_desktop.sample import SAMPLE_DEAL_FILE, load_sample_deal
from tests.exchange.builders import rich_deal


@pytest.fixture(scope="module")
def rich():
    return rich_deal()


def _problems(data):
    with pytest.raises(DealFileInvalid) as info:
        deal_from_json(data)
    return {p.path: p.reason for p in info.value.problems}


def test_sample_round_trips_through_a_file(tmp_path):
    deal = load_sample_deal()
    write_deal_json(deal, tmp_path / "d.json")
    assert read_deal_json(tmp_path / "d.json") == deal


def test_rich_deal_round_trips_with_every_collection_populated(tmp_path, rich):
    for name in ("facts", "blackouts", "registrations", "instruments", "assignments", "claims", "notices", "expenses"):
        assert getattr(rich, name), name
    assert rich.claims[0].fee_notices
    write_deal_json(rich, tmp_path / "d.json")
    back = read_deal_json(tmp_path / "d.json")
    assert back == rich
    assert back.claims[0].fee_notices[0].amount == rich.claims[0].fee_notices[0].amount
    assert isinstance(back.holders, tuple) and isinstance(back.claims[0].separate_counsel_bases, tuple)


def test_envelope_names_format_and_version(rich):
    data = deal_to_json(rich)
    assert data["format"] == FORMAT == "rra-desk-deal" and data["version"] == VERSION == 1
    assert data["deal"]["claims"][0]["fee_notices"][0]["amount"] == "12500.50"  # decimals exact, as text


def test_shipped_schema_is_the_generated_one():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run python -m rra_desktop.exchange.deal_json"


def test_sample_and_rich_deal_validate_against_the_shipped_schema(rich):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(json.loads(SAMPLE_DEAL_FILE.read_text(encoding="utf-8")))
    validator.validate(deal_to_json(rich))
    bad = deal_to_json(rich)
    bad["deal"]["holders"][0]["qib"] = "yes"
    assert list(validator.iter_errors(bad)), "the schema must refuse what the parser refuses"


def test_every_error_is_listed_with_its_path(rich):
    data = copy.deepcopy(deal_to_json(rich))
    data["deal"]["holders"][1]["qib"] = "yes"
    data["deal"]["positions"][0]["quantity"] = "5"
    data["deal"]["blackouts"][0]["start"] = "2003-02-30"
    data["deal"]["terms"]["company"]["nickname"] = "x"
    del data["deal"]["terms"]["closing_date"]
    problems = _problems(data)
    assert set(problems) == {
        "deal.holders[1].qib",
        "deal.positions[0].quantity",
        "deal.blackouts[0].start",
        "deal.terms.company.nickname",
        "deal.terms.closing_date",
    }
    assert "unknown field" in problems["deal.terms.company.nickname"]


def test_newer_version_is_refused_and_says_so(rich):
    data = deal_to_json(rich)
    data["version"] = VERSION + 1
    assert "newer RRA Desk" in _problems(data)["version"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(format="something-else"), "format"),
        (lambda d: d.update(version="1"), "version"),
        (lambda d: d.update(version=True), "version"),
        (lambda d: d.pop("deal"), "deal"),
        (lambda d: d.update(extra=1), "extra"),
    ],
)
def test_envelope_refusals(rich, change, path):
    data = deal_to_json(rich)
    change(data)
    assert path in _problems(data)


def test_top_level_must_be_an_object():
    assert "" in _problems([1, 2])


def test_dangling_references_and_duplicate_ids(rich):
    data = deal_to_json(rich)
    data["deal"]["positions"][0]["holder_id"] = "h-nobody"
    data["deal"]["holders"][1]["id"] = data["deal"]["holders"][0]["id"]
    data["deal"]["assignments"][0]["transferee_id"] = "h-ghost"
    data["deal"]["facts"][0]["registration_id"] = "rs-9"
    problems = _problems(data)
    assert "no Holder with id 'h-nobody'" in problems["deal.positions[0].holder_id"]
    assert "duplicate id" in problems["deal.holders[1].id"]
    assert "h-ghost" in problems["deal.assignments[0].transferee_id"]
    assert "rs-9" in problems["deal.facts[0].registration_id"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"{not json", "not JSON"), (b"\xff\xfe\x00garbage", "not UTF-8"), (b"[]", "JSON object")],
)
def test_unreadable_files_are_refused(tmp_path, content, reason):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(DealFileInvalid) as info:
        read_deal_json(path)
    assert reason in str(info.value) and str(path) in str(info.value)


def test_missing_file_is_a_problem_not_a_traceback(tmp_path):
    with pytest.raises(DealFileInvalid, match="cannot be read"):
        read_deal_json(tmp_path / "absent.json")
