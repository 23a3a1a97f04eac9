"""The rules read the roles of the deal's own classes: a deal whose classes are "SerA", "WTS",
"AGT" and "CS" gets its register, Rule 144 dates and majority counts as the sample does."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.form_of_agreement import with_form_roles
from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.majority import majority_count
from rra_desktop.domain.model import PositionEntry, PositionKind, SecurityClass, SecurityKind
from rra_desktop.domain.rule144 import holder_free_date, rows_by_holder, rule144_dates, security_kinds
from tests.other_classes import AGENT, ALPHA, BETA, ISSUED, other_deal


def test_register_counts_the_deals_own_classes_by_role():
    register = {p.holder_id: p for p in register_as_of(other_deal(), ISSUED)}
    alpha, beta, agent = register[ALPHA], register[BETA], register[AGENT]
    assert (alpha.preferred, alpha.warrants, alpha.common) == (10, 5_000, 0)
    assert alpha.conversion_shares == 42_553 and alpha.registrable == 47_553  # floor(10 x 10,000 / 2.35) + 5,000
    assert beta.registrable == 85_106 and beta.held("SerA") == 20 and beta.held("WTS") == 0
    assert agent.warrants == 1_000 and agent.registrable == 1_000  # Placement Agent Warrants are Warrants
    assert alpha.by_security == (("SerA", 10), ("WTS", 5_000))
    assert [p.holder_id for p in register_as_of(other_deal(), ISSUED - dt.timedelta(days=1))] == []


def test_a_code_the_deal_does_not_define_counts_in_no_role():
    deal = other_deal()
    deal = dataclasses.replace(deal, positions=(*deal.positions, PositionEntry(
        "p-x", BETA, "PREF", PositionKind.ISSUANCE, 7, ISSUED)))
    beta = next(p for p in register_as_of(deal, ISSUED) if p.holder_id == BETA)
    assert beta.held("PREF") == 7 and beta.preferred == 20 and beta.registrable == 85_106


def test_rule_144_reads_the_roles_not_the_codes():
    deal = other_deal()
    assert security_kinds(deal)["AGT"] is SecurityKind.PLACEMENT_AGENT_WARRANT
    rows = rows_by_holder(deal)
    when, _, _, why = holder_free_date(rows[ALPHA], security_kinds(deal), False)
    assert when is None and "Warrants unexercised (WTS)" in why
    when, start, rule, _ = holder_free_date(rows[BETA], security_kinds(deal), False)
    assert (when, start, rule) == (dt.date(2006, 1, 5), ISSUED, "Rule 144(k)")  # Jan 5, 2004 + 2 years
    (agent,) = rule144_dates(deal, AGENT)
    assert agent.date is None and agent.security == "AGT" and "Warrant Shares not yet issued" in agent.explanation


def test_conversion_shares_in_the_deals_common_class_tack_to_its_preferred():
    deal = other_deal()
    converted = dt.date(2005, 3, 1)
    deal = dataclasses.replace(deal, positions=(*deal.positions,
        PositionEntry("p-b-conv-out", BETA, "SerA", PositionKind.CONVERSION, -20, converted),
        PositionEntry("p-b-conv-in", BETA, "CS", PositionKind.CONVERSION, 85_106, converted, ISSUED)))
    (common,) = rule144_dates(deal, BETA)
    assert common.security == "CS" and common.holding_from == ISSUED and common.date == dt.date(2006, 1, 5)
    beta = next(p for p in register_as_of(deal, converted) if p.holder_id == BETA)
    assert (beta.preferred, beta.common, beta.registrable) == (0, 85_106, 85_106)


def test_majority_counts_the_deals_classes_and_leaves_out_the_affiliate():
    deal = other_deal()
    beta = majority_count(deal, ISSUED, [BETA])
    assert (beta.numerator, beta.denominator) == (85_106, 132_659) and beta.achieved  # 85,106 x 2 > 132,659
    assert [p.holder_id for p in beta.excluded] == [AGENT]
    alpha = majority_count(deal, ISSUED, [ALPHA, AGENT])
    assert alpha.numerator == 47_553 and not alpha.achieved  # the Affiliate's 1,000 not counted (7(o))


def test_classes_from_before_labels_get_the_headings_the_register_printed():
    old = (SecurityClass("PREF", "Convertible Preferred Stock", SecurityKind.PREFERRED),
           SecurityClass("PAW", "Placement Agent Warrants", SecurityKind.WARRANT),
           SecurityClass("SerA", "Series A", SecurityKind.PREFERRED),
           SecurityClass("D1", "Series 1 Warrants", SecurityKind.WARRANT))
    new = with_form_roles(old)
    assert [(s.label, s.kind) for s in new] == [("Series D Preferred", SecurityKind.PREFERRED),
                                               ("Placement Agent Warrants", SecurityKind.PLACEMENT_AGENT_WARRANT),
                                               ("", SecurityKind.PREFERRED),
                                               ("D-1 Warrants", SecurityKind.WARRANT)]  # still a Warrant
    assert with_form_roles(new) is new and new[2].heading == "SerA"
