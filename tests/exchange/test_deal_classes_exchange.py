"""A deal whose classes are its own ("SerA", "WTS", "AGT", "CS") through every export and import:
the exchange file keeps its classes and roles, the register exports one column per class headed
by its label, and the exported register imports back into a new deal of the same classes as it
was; ``holders --json`` keys the holdings by the deal's codes."""

from __future__ import annotations

import dataclasses
import json

import pytest

from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.model import Deal, SecurityKind
from rra_desktop.exchange.deal_json import read_deal_json, write_deal_json
from rra_desktop.exchange.register_export import export_register, register_table
from rra_desktop.exchange.schedule_import import Schedule1Invalid, read_schedule_1, schedule_entries
from rra_desktop.sample import load_sample_deal
from tests.other_classes import ALPHA, CLASSES, ISSUED, other_deal


def test_exchange_file_keeps_the_classes_labels_and_roles(tmp_path):
    write_deal_json(other_deal(), tmp_path / "other.json")
    again = read_deal_json(tmp_path / "other.json")
    assert again.securities == CLASSES and again == other_deal()
    assert again.securities[2].kind is SecurityKind.PLACEMENT_AGENT_WARRANT


def test_an_exchange_file_from_before_the_roles_reads_as_it_always_did(tmp_path):
    path = tmp_path / "old.json"
    write_deal_json(load_sample_deal(), path)
    sample = json.loads(path.read_text(encoding="utf-8"))
    for s in sample["deal"]["securities"]:
        s.pop("label")
        s["kind"] = "warrant" if s["kind"] == "placement_agent_warrant" else s["kind"]
    path.write_text(json.dumps(sample), encoding="utf-8")
    assert read_deal_json(path).securities == load_sample_deal().securities


def test_register_has_a_column_per_class_headed_by_its_label():
    table = register_table(other_deal(), ISSUED)
    assert table.headings[7:11] == ("Series A", "Warrants", "Agent Warrants", "Common Shares")
    assert table.class_columns == (("SerA", "Series A"), ("WTS", "Warrants"), ("AGT", "Agent Warrants"),
                                   ("CS", "Common Shares"))
    alpha = dict(zip(table.headings, table.rows[0], strict=True))
    assert (alpha["Series A"], alpha["Warrants"], alpha["Registrable Securities (as converted)"]) == (10, 5_000, 47_553)
    totals = dict(zip(table.headings, table.totals, strict=True))
    assert totals["Series A"] == 30 and totals["Agent Warrants"] == 1_000


def test_a_label_that_is_another_columns_heading_gets_its_code():
    deal = other_deal()
    deal = dataclasses.replace(deal, securities=(dataclasses.replace(deal.securities[0], label="Fax"),
                                                 *deal.securities[1:]))
    assert register_table(deal, ISSUED).headings[7] == "Fax (SerA)"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exported_register_imports_back_into_a_deal_of_the_same_classes(tmp_path, suffix):
    deal = other_deal()
    path = export_register(deal, tmp_path / f"register{suffix}", ISSUED)
    schedule = read_schedule_1(path, securities=deal.securities)
    assert schedule.warnings == () and any("totals agree" in n for n in schedule.notes)
    empty = Deal(terms=deal.terms, securities=deal.securities)
    entries = schedule_entries(empty, schedule, ISSUED)
    again = dataclasses.replace(empty, holders=entries.holders, positions=entries.positions)
    assert {p.security for p in entries.positions} == {"SerA", "WTS", "AGT"}

    def strip_ids(register):
        return [dataclasses.replace(p, holder_id="") for p in register]

    assert strip_ids(register_as_of(again, ISSUED)) == strip_ids(register_as_of(deal, ISSUED))


def test_the_sample_classes_do_not_read_another_deals_columns(tmp_path):
    path = export_register(other_deal(), tmp_path / "register.csv", ISSUED)
    schedule = read_schedule_1(path, securities=load_sample_deal().securities)
    unread = {w.column for w in schedule.warnings}
    assert {"Series A", "Agent Warrants"} <= unread  # not the sample's classes: said, not guessed
    with pytest.raises(Schedule1Invalid, match="no security class 'WTS'"):
        schedule_entries(load_sample_deal(), read_schedule_1(path, securities=other_deal().securities))


def test_holders_json_keys_holdings_by_the_deals_codes(tmp_path, capsys):
    from rra_desktop.cli import run_cli
    from rra_desktop.store import DealStore

    DealStore.create(tmp_path / "other.rradeal", other_deal()).close()
    assert run_cli(["holders", str(tmp_path / "other.rradeal"), "--as-of", ISSUED.isoformat(), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    alpha = next(h for h in data["holders"] if h["holder_id"] == ALPHA)
    assert alpha["securities"] == {"SerA": 10, "WTS": 5_000, "AGT": 0, "CS": 0}
    assert (alpha["preferred"], alpha["warrants"], alpha["registrable"]) == (10, 5_000, 47_553)
    assert data["totals"]["securities"]["AGT"] == 1_000 and data["totals"]["warrants"] == 6_000
    assert run_cli(["holders", str(tmp_path / "other.rradeal"), "--as-of", ISSUED.isoformat()]) == 0
    text = capsys.readouterr().out
    assert "Series A" in text and "Agent Warrants" in text and "47,553" in text
