"""The JSON import runs the checks the services run: each bad record is refused with its JSON
path, exit 2, and the deal file it was to replace is byte for byte unchanged."""

from __future__ import annotations

import pytest

from tests.inputs.conftest import digest, write_json


def _spoil_positions(d):
    d["positions"][0]["quantity"] = -1000


def _spoil_name(d):
    d["holders"][2]["name"] = ""


def _spoil_blackout(d):
    d["blackouts"].append({"id": "b-late", "start": "2004-03-10", "end": "2004-03-01", "facts": "merger talks",
                           "basis": "3(n)(i)"})


def _spoil_count(d):
    d["positions"][0]["quantity"] = 10**30


def _spoil_date(d):
    d["terms"]["closing_date"] = "9999-12-31"


def _spoil_escape(d):
    d["holders"][1]["name"] = "Evil\x1b[31m Fund"


def _spoil_nul(d):
    d["holders"][1]["attention"] = "Mr.\x00Kaye"


def _spoil_duplicate(d):
    d["holders"][1]["name"] = d["holders"][0]["name"].upper() + "\u200b"


def _spoil_homoglyph(d):
    d["holders"][1]["name"] = d["holders"][0]["name"].replace("o", "\u043e", 1)  # a Cyrillic o


CASES = [
    (_spoil_positions, "deal.positions[0].quantity", "wrong sign"),
    (_spoil_name, "deal.holders[2].name", "Holder's name"),
    (_spoil_blackout, ".end", "cannot end before it starts"),
    (_spoil_count, "deal.positions[0].quantity", "too large for the deal file"),
    (_spoil_date, "deal.terms.closing_date", "outside the years 1900-2199"),
    (_spoil_escape, "deal.holders[1].name", "control character ESC"),
    (_spoil_nul, "deal.holders[1].attention", "control character NUL"),
    (_spoil_duplicate, "deal.holders[1].name", "already a Holder"),
    (_spoil_homoglyph, "deal.holders[1].name", "Cyrillic Small Letter O"),
]


@pytest.mark.parametrize(("spoil", "where", "why"), CASES, ids=[c[0].__name__[7:] for c in CASES])
def test_a_spoilt_record_is_refused_by_its_path(cli, sample_file, exchange, tmp_path, spoil, where, why):
    document = exchange()
    spoil(document["deal"])
    source = write_json(tmp_path / "spoilt.json", document)
    before = digest(sample_file)
    result = cli("import", sample_file, source, "--replace")
    assert result.code == 2
    assert where in result.err and why in result.err, result.err
    assert "Traceback" not in result.err
    assert digest(sample_file) == before
    result = cli("import", tmp_path / "new.rradeal", source)  # nor is a new deal file created
    assert result.code == 2 and not (tmp_path / "new.rradeal").exists()


def test_deep_nesting_is_refused_at_its_line_and_column(cli, tmp_path):
    source = tmp_path / "deep.json"
    source.write_text('{"format": "rra-desk-deal", "version": 1,\n "deal": ' + "[" * 100_000 + "]" * 100_000 + "}")
    result = cli("import", tmp_path / "new.rradeal", source)
    assert result.code == 2
    assert "nested more than 64 levels deep at line 2 column 73" in result.err
    assert "Recursion" not in result.err and not (tmp_path / "new.rradeal").exists()


def test_the_sample_deal_still_imports(cli, exchange, tmp_path):
    source = write_json(tmp_path / "good.json", exchange())
    assert cli("import", tmp_path / "new.rradeal", source).code == 0


def test_nesting_too_deep_for_a_deal_but_readable_is_refused_by_its_path(cli, tmp_path):
    source = tmp_path / "deep.json"
    source.write_text('{"format": "rra-desk-deal", "version": 1, "deal": ' + "[" * 300 + "]" * 300 + "}")
    result = cli("import", tmp_path / "new.rradeal", source)
    assert result.code == 2 and "deal[0][0]" in result.err and "nested more than 64 levels deep" in result.err
    assert not (tmp_path / "new.rradeal").exists()
