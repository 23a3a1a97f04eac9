"""The Holder detail pane: notice address, position history, assignment chain, Rule 144 dates and
the Holder's deadlines, drawn from indexes kept per deal snapshot."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.reports.conftest import letter_deal


class _Context:
    def __init__(self, deal, deadlines):
        self._deal, self._deadlines = deal, deadlines

    def deal(self):
        return self._deal

    def deadlines(self):
        return self._deadlines


def test_the_pane_shows_the_holders_own_rows_and_follows_a_new_snapshot():
    from rra_desktop.domain.deadlines import compute_deadlines
    from rra_desktop.domain.model import PositionEntry, PositionKind
    from ui.holder_detail import holder_detail_html

    deal = letter_deal()
    deadlines = compute_deadlines(deal, dt.date(2003, 6, 23))
    fund = next(h for h in deal.holders if h.id == "h-north-sound-legacy-fund")
    html = holder_detail_html(_Context(deal, deadlines), fund)
    own = [p for p in deal.positions if p.holder_id == fund.id]
    assert html.count("<div align='right'>") == len(own)  # one ledger line per own position
    assert "North Sound Legacy International" in html and "→" in html  # the 7(i) chain names the transferee
    assert "Effectiveness Period" in html or "effectiveness" in html.lower()  # its own deadlines
    other = next(h for h in deal.holders if h.id == "h-ota")
    assert "→" not in holder_detail_html(_Context(deal, deadlines), other)  # OTA assigned nothing
    added = PositionEntry("p-new", fund.id, "PREF", PositionKind.ISSUANCE, 1, dt.date(2003, 6, 1))
    later = dataclasses.replace(deal, positions=(*deal.positions, added))
    assert holder_detail_html(_Context(later, deadlines), fund).count("<div align='right'>") == len(own) + 1


def test_the_pane_names_each_class_by_the_deals_label_not_its_code():
    from ui.holder_detail import holder_detail_html

    deal = letter_deal()
    ota = next(h for h in deal.holders if h.id == "h-ota")
    html = holder_detail_html(_Context(deal, []), ota)
    ledger = html.split("<td>")
    assert "Series D Preferred</td>" in html and "D-1 Warrants</td>" in html  # the ledger and Rule 144 rows
    assert not any(cell.startswith(("PREF<", "D1<", "D2<")) for cell in ledger)
