"""Lookups other layers lean on: the deal's classes playing a role (the Common Stock a conversion
issues, the Warrants a register column counts) and the letter whose logged notice performs an
obligation (7(p) Exhibit A, the 3(c)(C) notice)."""

from __future__ import annotations

from rra_desktop.domain.letter_kinds import LETTERS, LetterKind, letter_completing
from rra_desktop.domain.obligations.registry import ObligationKind
from rra_desktop.domain.security_classes import SecurityClass, SecurityKind, class_in_role, classes_in_role
from rra_desktop.sample import load_sample_deal

SECURITIES = load_sample_deal().securities  # PREF, D1, D2, PAW, COMMON in the 2003 sample


def test_the_classes_playing_a_role_in_the_deals_order():
    assert [s.code for s in classes_in_role(SECURITIES, SecurityKind.WARRANT)] == ["D1", "D2"]
    warrants = classes_in_role(SECURITIES, SecurityKind.WARRANT, SecurityKind.PLACEMENT_AGENT_WARRANT)
    assert [s.code for s in warrants] == ["D1", "D2", "PAW"]
    assert [s.code for s in classes_in_role(SECURITIES, SecurityKind.PREFERRED, SecurityKind.COMMON)] == [
        "PREF", "COMMON"]
    assert classes_in_role(SECURITIES) == ()


def test_the_first_class_playing_a_role_or_none():
    assert class_in_role(SECURITIES, SecurityKind.COMMON).code == "COMMON"
    assert class_in_role(SECURITIES, SecurityKind.WARRANT).code == "D1"
    assert class_in_role(SECURITIES, SecurityKind.PREFERRED).code == "PREF"
    only_warrants = (SecurityClass("WTS", "Warrants", SecurityKind.WARRANT),)
    assert class_in_role(only_warrants, SecurityKind.COMMON) is None
    assert class_in_role((), SecurityKind.PREFERRED) is None


def test_the_letter_that_performs_an_obligation():
    assert letter_completing(ObligationKind.NOTICE_OF_EFFECTIVENESS) is LETTERS[LetterKind.NOTICE_OF_EFFECTIVENESS]
    assert letter_completing(ObligationKind.HOLDER_EFFECTIVENESS_NOTICE) is LETTERS[LetterKind.EFFECTIVENESS]
    assert letter_completing(ObligationKind.HOLDER_EFFECTIVENESS_NOTICE).log_kind == "effectiveness"
    # a letter that opens a window (3(a) review copies) does not perform it; a filing no letter performs
    assert letter_completing(ObligationKind.HOLDER_OBJECTION_WINDOW) is None
    assert letter_completing(ObligationKind.FILING_DATE) is None
    assert letter_completing(None) is None
