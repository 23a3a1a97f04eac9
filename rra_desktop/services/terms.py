"""The agreement's terms and parties: edited because the source is imperfect (and a deal's
counsel, transfer agent and letterhead change over the years)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.model import AgreementTerms, CalendarName, Letterhead, Party
from rra_desktop.services.base import Refused, ordered, text, whole, write
from rra_desktop.store.transaction import Change

PARTIES = ("company", "company_counsel", "holders_counsel", "transfer_agent")


def check_terms(terms: AgreementTerms) -> AgreementTerms:
    text(terms.title, "title", "agreement's title")
    ordered(terms.purchase_agreement_date, terms.agreement_date, "agreement_date",
            "The agreement cannot be dated before the Purchase Agreement.")
    ordered(terms.agreement_date, terms.closing_date, "closing_date", "The Closing cannot precede the agreement.")
    try:
        dt.date(2004, terms.fiscal_year_end_month, terms.fiscal_year_end_day)  # a leap year allows Feb 29
    except ValueError:
        raise Refused("The fiscal year end is not a date.", field="fiscal_year_end_day") from None
    whole(terms.minimum_shares, "minimum_shares", "Section 2 minimum")
    whole(terms.other_securities_cap, "other_securities_cap", "Section 2 cap on other securities")
    for name in ("preferred_stated_value", "conversion_price"):
        if getattr(terms, name) <= 0:
            raise Refused(f"The {name.replace('_', ' ')} must be more than zero.", field=name)
    if len(set(terms.closure_days)) != len(terms.closure_days):
        raise Refused("A closure day is listed twice.", field="closure_days")
    return terms


_checked = check_terms


def _save(store, terms: AgreementTerms, label: str) -> Change:
    with write(store, label) as tx:
        tx.update(_checked(terms))
    return tx.change


def edit_terms(store, terms: AgreementTerms) -> Change:
    """Replace the agreement's terms (every field validated)."""
    return _save(store, terms, "Edit agreement terms")


def edit_party(store, role: str, party: Party | None) -> Change:
    """Change the Company, either counsel (7(g) notice addresses) or the transfer agent."""
    if role not in PARTIES:
        raise Refused(f"Unknown party {role!r}.", field="role")
    if party is None and role != "transfer_agent":
        raise Refused("This party is required.", field=role)
    if party is not None:
        text(party.name, role, "party's name")
    return _save(store, dataclasses.replace(store.deal().terms, **{role: party}),
                 f"Edit {role.replace('_', ' ')}")


def set_calendar(store, calendar: CalendarName, closure_days: tuple[dt.date, ...] = ()) -> Change:
    """The Business Day calendar and ad hoc (government-ordered) closure days."""
    terms = dataclasses.replace(store.deal().terms, calendar=CalendarName(calendar),
                                closure_days=tuple(sorted(closure_days)))
    return _save(store, terms, "Edit Business Day calendar")


def set_letterhead(store, letterhead: Letterhead | None) -> Change:
    if letterhead is not None:
        text(letterhead.firm_name, "firm_name", "firm's name")
    return _save(store, dataclasses.replace(store.deal().terms, letterhead=letterhead), "Edit letterhead")


# How the Deal settings dialog names each part of the terms in the undo history and the audit.
SETTING_NAMES = {
    "title": "agreement's title", "agreement_date": "agreement date",
    "purchase_agreement_date": "Purchase Agreement date", "closing_date": "Closing Date",
    "company": "Company", "company_counsel": "Company counsel", "holders_counsel": "Holders' counsel",
    "transfer_agent": "transfer agent", "letterhead": "letterhead and signer", "calendar": "Business Day calendar",
    "closure_days": "closure days", "fiscal_year_end_month": "fiscal year end",
    "fiscal_year_end_day": "fiscal year end", "minimum_shares": "Section 2 minimum",
    "other_securities_cap": "Section 2 cap on other securities", "permitted_piggybacks": "7(c) permitted securities",
    "preferred_stated_value": "conversion terms", "conversion_price": "conversion terms",
    "dividend_rate": "conversion terms", "schedule_1_printed": "Schedule 1 printed totals",
}


def changed_settings(before: AgreementTerms, after: AgreementTerms) -> list[str]:
    """What differs between two sets of terms, in the words of ``SETTING_NAMES``, each once."""
    names: list[str] = []
    for f in dataclasses.fields(AgreementTerms):
        if getattr(before, f.name) != getattr(after, f.name):
            name = SETTING_NAMES.get(f.name, f.name.replace("_", " "))
            if name not in names:
                names.append(name)
    return names


def edit_settings(store, terms: AgreementTerms) -> Change:
    """Deal settings: every change made in one visit of the dialog is one action, labelled with
    what changed ("Deal settings: transfer agent, Closing Date"); refused when nothing did."""
    names = changed_settings(store.deal().terms, terms)
    if not names:
        raise Refused("Nothing was changed.")
    return _save(store, terms, "Deal settings: " + ", ".join(names))
