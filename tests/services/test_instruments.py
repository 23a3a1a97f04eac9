"""7(f): only the Holders can move or waive a deadline the Company owes them, and an instrument
names its document. Deal of tests/store/deals.py, Jun 10, 2003: 3,967,656 Registrable
Securities counted; the first Holder alone holds 34,043 of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from rra_desktop.domain.model import Instrument, InstrumentKind
from rra_desktop.services import Refused
from rra_desktop.services.instruments import record_instrument

D = dt.date
COMPANY_ALONE = Instrument("i-9", InstrumentKind.EXTENSION, "7(f)", D(2003, 6, 10), "Company extends its filing",
                           given_by=("company",), document="board-minutes.pdf", deadline_key="filing_date",
                           new_date=D(2003, 7, 15))


def test_the_company_alone_cannot_extend_its_own_deadline(store):
    before = store.deal()
    with pytest.raises(Refused) as refused:
        record_instrument(store, COMPANY_ALONE)
    assert refused.value.field == "given_by"
    assert "0/3,967,656" in refused.value.message
    assert "majority" in refused.value.message
    assert store.deal() == before


def test_a_minority_of_holders_is_refused_with_the_count(store):
    first = store.deal().holders[0].id
    with pytest.raises(Refused) as refused:
        record_instrument(store, replace(COMPANY_ALONE, given_by=("company", first)))
    assert "34,043/3,967,656" in refused.value.message


def test_an_override_reason_keeps_it_and_the_audit_records_both(store):
    record_instrument(store, COMPANY_ALONE, override_reason="Holders' e-mails on file; signatures to follow")
    assert store.deal().instruments[-1] == COMPANY_ALONE
    reason = store.audit_entries()[-1].reason
    assert "0 of 3,967,656" in reason and "Override: Holders' e-mails on file" in reason


def test_holders_of_a_majority_may_extend(store):
    holders = [h.id for h in store.deal().holders[2:8]]  # every counted Holder but the first two and SCO Financial
    record_instrument(store, replace(COMPANY_ALONE, given_by=tuple(holders)))
    assert store.deal().instruments[-1].given_by == tuple(holders)


def test_the_company_and_each_holder_may_extend(store):
    everyone = ("company", *(h.id for h in store.deal().holders))
    record_instrument(store, replace(COMPANY_ALONE, given_by=everyone))
    assert store.deal().instruments[-1].given_by == everyone


def test_the_company_and_each_holder_suffice_when_every_holder_is_an_affiliate(store):
    """7(o) leaves nobody to count; unanimity (the first sentence of 7(f)) still works."""
    from rra_desktop.domain.majority import majority_count, signed_enough

    deal = store.deal()
    deal = replace(deal, holders=tuple(replace(h, affiliate=True) for h in deal.holders))
    ids = [h.id for h in deal.holders]
    count = majority_count(deal, D(2003, 6, 10), ids)
    assert count.denominator == 0 and not count.achieved
    assert signed_enough(("company", *ids), count)
    assert not signed_enough(tuple(ids), count)
    assert not signed_enough(("company", *ids[1:]), count)


@pytest.mark.parametrize("document", ["", "   "])
def test_the_instrument_must_name_its_document(store, document):
    everyone = ("company", *(h.id for h in store.deal().holders))
    with pytest.raises(Refused) as refused:
        record_instrument(store, replace(COMPANY_ALONE, given_by=everyone, document=document))
    assert refused.value.field == "document"
    assert "document" in refused.value.message
