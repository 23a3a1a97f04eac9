"""The bundled sample deal: the 2003 Spectrum agreement with its real Schedule 1."""

from __future__ import annotations

import dataclasses

from rra_desktop.domain.model import Deal
from rra_desktop.exchange.deal_json import read_deal_json
from rra_desktop.resources import resource

SAMPLE_DEAL_FILE = resource("sample", "spectrum-2003.rradeal.json")

# Schedule 1's printed totals (excluding the Placement Agent Warrants), as the sample records them
# in ``terms.schedule_1_printed``; checked by a test.
SCHEDULE_1_TOTALS = {"preferred": 444, "d1": 944_681, "d2": 944_681, "purchase_price": 4_440_000}
PLACEMENT_AGENT_WARRANT_SHARES = 188_936


def load_sample_deal() -> Deal:
    """The sample deal as shipped in ``resources/sample/``."""
    return read_deal_json(SAMPLE_DEAL_FILE)


def new_deal() -> Deal:
    """A new deal: the 2003 agreement's terms and security classes (all editable), no Holders,
    and no printed Schedule 1 — the sample's printed totals are Spectrum's, not the new deal's."""
    sample = load_sample_deal()
    return Deal(terms=dataclasses.replace(sample.terms, schedule_1_printed=None), securities=sample.securities)
