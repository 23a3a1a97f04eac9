"""The bundled sample deal reproduces Schedule 1 exactly and matches its printed totals."""

from decimal import Decimal

from rra_desktop.sample import PLACEMENT_AGENT_WARRANT_SHARES, SCHEDULE_1_TOTALS, load_sample_deal


def _total(deal, code):
    purchasers = {h.id for h in deal.holders if h.purchase_price is not None}
    return sum(p.quantity for p in deal.positions if p.security == code and p.holder_id in purchasers)


def test_schedule_1_totals_match_the_printed_totals():
    deal = load_sample_deal()
    assert _total(deal, "PREF") == SCHEDULE_1_TOTALS["preferred"] == 444
    assert _total(deal, "D1") == SCHEDULE_1_TOTALS["d1"] == 944_681
    assert _total(deal, "D2") == SCHEDULE_1_TOTALS["d2"] == 944_681
    price = sum(h.purchase_price for h in deal.holders if h.purchase_price is not None)
    assert price == Decimal(SCHEDULE_1_TOTALS["purchase_price"])


def test_eight_purchasers_and_the_placement_agent():
    deal = load_sample_deal()
    purchasers = [h for h in deal.holders if h.purchase_price is not None]
    assert len(purchasers) == 8
    assert purchasers[-1].name == "Xmark Fund Ltd."
    assert purchasers[-1].attention == "Mr. Mitchell D. Kaye"  # the schedule's spelling, not "Kay"
    sco = deal.holder("h-sco-financial-group")
    paw = sum(p.quantity for p in deal.positions if p.holder_id == sco.id and p.security == "PAW")
    assert paw == PLACEMENT_AGENT_WARRANT_SHARES == 188_936


def test_notice_details_as_printed():
    deal = load_sample_deal()
    sds = deal.holder("h-sds-merchant-fund")
    assert sds.fax == "203-967-5851" and sds.qib
    assert sds.address_lines[-1] == "Old Greenwich, CT 06870"
    promed = deal.holder("h-promed-partners")
    assert not promed.qib and promed.address_lines[-1] == "New York, N.Y. 10017"
    assert deal.terms.holders_counsel.fax == "(212) 245-3009"
    assert deal.terms.company.fax == "949-788-6706"


def test_the_sample_records_its_printed_schedule_and_a_new_deal_none():
    from rra_desktop.sample import new_deal

    printed = load_sample_deal().terms.schedule_1_printed
    assert {p.security: p.shares for p in printed.shares} == {
        "PREF": SCHEDULE_1_TOTALS["preferred"], "D1": SCHEDULE_1_TOTALS["d1"], "D2": SCHEDULE_1_TOTALS["d2"]}
    assert printed.purchase_price == Decimal(SCHEDULE_1_TOTALS["purchase_price"])
    assert new_deal().terms.schedule_1_printed is None and new_deal().holders == ()
