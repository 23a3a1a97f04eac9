"""Whose act a Holder's deadline is, as the line under it reads: the Holder by name, the id of a
Holder the deal has no record of, or each Holder when the fact names none (3(i) certificates)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.model import FactKind, TimelineFact
from rra_desktop.domain.parties import COMPANY, Role, holder
from rra_desktop.sample import load_sample_deal

D = dt.date
SAMPLE = load_sample_deal()


def test_a_planned_sale_names_the_holder_and_the_company_cooperating():
    # a sale planned for Tue Jul 6, 2004: certificates asked 2 Business Days before (Jul 5 observed): Thu Jul 1
    sales = (TimelineFact("ps-1", FactKind.PLANNED_SALE, D(2004, 7, 6), holder_id="h-ota"),
             TimelineFact("ps-2", FactKind.PLANNED_SALE, D(2004, 7, 6), holder_id="h-unrecorded"),
             TimelineFact("ps-3", FactKind.PLANNED_SALE, D(2004, 7, 6)))
    ds = {d.key: d for d in compute_deadlines(replace(SAMPLE, facts=sales), D(2004, 6, 1))}
    ota, unrecorded, anyone = (ds[f"certificates_before_sale:{k}"] for k in ("ps-1", "ps-2", "ps-3"))
    assert str(ota.party) == "Holder — OTA LLC; Company cooperates" and ota.due == D(2004, 7, 1)
    assert ota.party.roles == (holder("h-ota"), COMPANY) and ota.holder_id == "h-ota"
    assert str(unrecorded.party) == "Holder — h-unrecorded; Company cooperates"
    assert str(anyone.party) == "Holder — each Holder; Company cooperates"
    assert anyone.party.has(Role.HOLDER) and anyone.party.holder_ids == ()
