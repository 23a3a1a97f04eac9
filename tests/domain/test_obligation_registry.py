"""The obligation registry: one entry per row of DOMAIN.md's table, each with its builder, and
parties read as typed roles (a Holder called "... Company LLC" stays a Holder)."""

import datetime as dt
from dataclasses import replace

import pytest

from rra_desktop.domain.calendar import BusinessCalendar
from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.domain.model import Claim, ClaimClause, FactKind, FeeNotice, Holder, TimelineFact
from rra_desktop.domain.obligations import OBLIGATIONS, OPTION_WINDOWS, ObligationKind, spec
from rra_desktop.domain.obligations.registry import builds, kind_of_key
from rra_desktop.domain.parties import COMPANY, HOLDERS, Role, holder
from rra_desktop.domain.reminders import party_groups, reminders
from rra_desktop.sample import load_sample_deal

D = dt.date
SAMPLE = load_sample_deal()
K = ObligationKind

# The keys of DOMAIN.md's table, as stored in deal files (completions, instruments): they must not change.
DOMAIN_KEYS = {"filing_date", "effectiveness_date", "effectiveness_deadline", "holder_review_copies",
               "holder_objection_window", "notice_of_effectiveness", "certificates_before_sale",
               "earnings_statement", "blackout_limit", "piggyback_response", "indemnity_fee_payment",
               "effectiveness_period_end", "holder_effectiveness_notice"}


def test_one_entry_and_one_builder_per_kind_with_the_stored_strings():
    assert {k.value for k in ObligationKind} == DOMAIN_KEYS
    assert set(OBLIGATIONS) == set(ObligationKind)
    for kind, entry in OBLIGATIONS.items():
        assert entry.kind is kind and entry.clause and entry.title and entry.clause_text and entry.key
        assert callable(entry.builder) and entry.key.startswith(kind.value)
        assert str(entry.party) and entry.party.roles
    assert {K.HOLDER_OBJECTION_WINDOW, K.PIGGYBACK_RESPONSE} == OPTION_WINDOWS
    assert {s.kind for s in OBLIGATIONS.values() if s.pending} == DOMAIN_KEYS - {
        "filing_date", "effectiveness_date", "effectiveness_deadline", "effectiveness_period_end"}


def test_a_second_builder_for_a_kind_is_refused():
    with pytest.raises(ValueError, match="two builders"):
        builds(K.FILING_DATE)(lambda facts: [])


def test_lookups_by_stored_string_and_key():
    assert spec("piggyback_response") is OBLIGATIONS[K.PIGGYBACK_RESPONSE]
    assert kind_of_key("notice_of_effectiveness:shelf") is K.NOTICE_OF_EFFECTIVENESS
    assert kind_of_key("blackout:b1") is None
    assert kind_of_key("piggyback_response:f1:h-ota") is K.PIGGYBACK_RESPONSE  # the first part names the kind
    assert kind_of_key("filing_date") is K.FILING_DATE
    assert OBLIGATIONS[K.PIGGYBACK_RESPONSE].key_for("f1", "h-ota") == "piggyback_response:f1:h-ota"


def test_every_deadline_carries_its_entrys_clause_text_and_a_key_of_its_kind():
    for d in compute_deadlines(SAMPLE, D(2003, 6, 1)):
        entry = OBLIGATIONS[d.kind]
        assert d.clause == entry.clause and d.clause_text == entry.clause_text
        assert kind_of_key(d.key) is d.kind


def _with_holder_named(name):
    """The sample with one more Holder called ``name`` who plans a sale and receives a piggy-back notice."""
    h = Holder("h-pco", name)
    sale = TimelineFact("ps", FactKind.PLANNED_SALE, D(2003, 6, 20), holder_id="h-pco")
    notice = TimelineFact("pb", FactKind.PIGGYBACK_NOTICE, D(2003, 6, 2), holder_id="h-pco", received_on=D(2003, 6, 2))
    return replace(SAMPLE, holders=(*SAMPLE.holders, h), facts=(sale, notice))


def test_a_holder_named_company_llc_is_a_holder_not_the_company():
    deal = _with_holder_named("Pacific Company LLC")
    today = D(2003, 6, 17)
    ds = {d.key: d for d in compute_deadlines(deal, today)}
    piggyback = ds["piggyback_response:pb:h-pco"]
    assert str(piggyback.party) == "Holder — Pacific Company LLC"  # shown as before
    assert piggyback.party.roles == (holder("h-pco"),)
    assert party_groups(piggyback) == {"Holders"}  # the display text said "Company": it is not read
    cal = BusinessCalendar()
    company = reminders(ds.values(), today, cal, horizon=10, parties=["Company"])
    holders = reminders(ds.values(), today, cal, horizon=10, parties=["Holders"])
    # piggy-back window: receipt Mon Jun 2 + 20 days = Sun Jun 22, act by Fri Jun 20 (within 10 Business Days)
    assert "piggyback_response:pb:h-pco" not in {d.key for d in company.due_soon}
    assert "piggyback_response:pb:h-pco" in {d.key for d in holders.due_soon}
    # 3(i): the Holder asks, the Company cooperates: both watch it
    certificates = ds["certificates_before_sale:ps"]
    assert certificates.party.roles == (holder("h-pco"), COMPANY)
    assert party_groups(certificates) == {"Holders", "Company"}


def test_counsel_and_the_indemnifying_party_are_roles():
    ds = {d.kind: d for d in compute_deadlines(SAMPLE, D(2003, 6, 1))}
    assert party_groups(ds[K.HOLDER_OBJECTION_WINDOW]) == {"Holders", "counsel"}
    assert ds[K.HOLDER_OBJECTION_WINDOW].party.roles[0] == HOLDERS
    assert party_groups(ds[K.NOTICE_OF_EFFECTIVENESS]) == {"Company", "counsel"}
    fee = FeeNotice(D(2003, 12, 19), 1000)
    claims = (Claim("c5a", ClaimClause.COMPANY_INDEMNIFIES, "h-ota", "Spectrum", "Smith v. Spectrum",
                    fee_notices=(fee,)),
              Claim("c5b", ClaimClause.HOLDER_INDEMNIFIES, "Spectrum", "Otago Company Partners", "Doe v. Spectrum",
                    holder_id="h-ota", fee_notices=(fee,)))
    by_key = {d.key: d for d in compute_deadlines(replace(SAMPLE, claims=claims), D(2003, 12, 19))}
    assert by_key["indemnity_fee_payment:c5a:1"].party.roles == (COMPANY,)
    five_b = by_key["indemnity_fee_payment:c5b:1"]
    assert five_b.party.roles == (holder("h-ota"),) and five_b.party.has(Role.HOLDER)
    assert str(five_b.party) == "Otago Company Partners (Indemnifying Party)"
    assert party_groups(five_b) == {"Holders"}


def test_the_kinds_whose_performance_is_timed():
    assert {k for k, s in OBLIGATIONS.items() if s.timed} == {K.FILING_DATE, K.NOTICE_OF_EFFECTIVENESS}
