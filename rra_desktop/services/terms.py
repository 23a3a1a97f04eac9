"""The agreement's terms and parties: edited because the source is imperfect (and a deal's
counsel, transfer agent and letterhead change over the years)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.model import AgreementTerms, CalendarName, Letterhead, Party
from rra_desktop.services.base import Refused, ordered, text, whole, write
from rra_desktop.store.transaction import Change

PARTIES = ("company", "company_counsel", "holders_counsel", "transfer_agent")


def _checked(terms: AgreementTerms) -> AgreementTerms:
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
