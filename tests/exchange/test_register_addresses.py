"""The register of Holders (PDF, CSV, Excel, `holders --json`) prints each Holder's 7(g) address in
force on the register's date: the Schedule 1 address before a change takes effect, the new one
from that day."""

import dataclasses as dc
import datetime as dt

from rra_desktop.domain.model import AddressChange, AddressOf
from rra_desktop.exchange.register_export import register_table
from rra_desktop.sample import load_sample_deal

# faxed at 4:59 p.m. on Mon Jun 30, 2003: deemed given that day (7(g)(i))
CHANGE = AddressChange("ac-1", AddressOf.HOLDER, ("One Penn Plaza", "New York, New York 10119"), "fax",
                       dt.datetime(2003, 6, 30, 16, 59), holder_id="h-ota", fax="212-555-0199")


def ota_row(on):
    t = register_table(dc.replace(load_sample_deal(), address_changes=(CHANGE,)), on)
    row = dict(zip(t.headings, next(r for r in t.rows if r[0] == "OTA LLC"), strict=True))
    return row["Address"], row["Fax"]


def test_the_register_uses_the_address_in_force_on_its_date():
    assert ota_row(dt.date(2003, 6, 29)) == ("1 Manhattanville Road\nPurchase, New York 10577", "914-694-6335")
    assert ota_row(dt.date(2003, 6, 30)) == ("One Penn Plaza\nNew York, New York 10119", "212-555-0199")


def test_an_exchange_file_keeps_the_changes():
    from rra_desktop.exchange.deal_json import deal_from_json, deal_to_json

    deal = dc.replace(load_sample_deal(), address_changes=(dc.replace(CHANGE, received_on=dt.date(2003, 7, 1),
                                                                      withdrawn_on=dt.date(2003, 9, 2)),))
    assert deal_from_json(deal_to_json(deal)) == deal
