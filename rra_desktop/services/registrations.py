"""Registration statements: the Section 2 shelf and its amendments, Company registrations that
trigger 7(d) piggy-back rights, 3(m)(i) selling-stockholder information, piggy-back requests
and the underwriter's limit that fixes the cutback.

A registration's ``filed_at`` / ``effective_at`` are the deal's one record of its filing and
effectiveness; the Timeline's RS_FILED / RS_EFFECTIVE facts are derived from them
(``domain.registration_facts``), so editing the record is all there is to keep in step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from rra_desktop.domain.model import PiggybackRequest, RegistrationKind, RegistrationStatement, SellingStockholderInfo
from rra_desktop.domain.piggyback import registration_cutback
from rra_desktop.services.base import (
    Refused,
    add_record,
    day,
    edit_record,
    find,
    holder_exists,
    remove_record,
    whole,
    write,
)
from rra_desktop.services.registration_dates import check_order
from rra_desktop.store.transaction import Change


def _label(verb: str, rs: RegistrationStatement) -> str:
    return f"{verb} registration statement {rs.form} {rs.file_no or rs.id}".rstrip()


def _checked(store, rs: RegistrationStatement) -> RegistrationStatement:
    deal = store.deal()
    whole(rs.shares_registered, "shares_registered", "number of shares registered")
    check_order(rs)
    if rs.kind == RegistrationKind.AMENDMENT:
        if rs.parent_id is None:
            raise Refused("Choose the registration statement this amends.", field="parent_id")
        find(deal.registrations, "id", rs.parent_id, "registration statement", "parent_id")
    if rs.parent_id == rs.id:
        raise Refused("A registration statement cannot amend itself.", field="parent_id")
    if rs.underwriter_limit is not None:
        whole(rs.underwriter_limit, "underwriter_limit", "underwriter's limit")
    return rs


def add_registration(store, rs: RegistrationStatement) -> Change:
    return add_record(store, _checked(store, rs), "registrations", "registration statement", _label("Add", rs))


def edit_registration(store, rs: RegistrationStatement) -> Change:
    return edit_record(store, _checked(store, rs), "registrations", "registration statement", _label("Edit", rs))


def remove_registration(store, registration_id: str) -> Change:
    """Remove a registration statement (its filing and effectiveness go with it); refused while
    other records (requests, 3(m)(i) information, facts, amendments) still name it."""
    deal = store.deal()
    rs = find(deal.registrations, "id", registration_id, "registration statement")
    others = [r for r in (*deal.piggyback_requests, *deal.selling_info, *deal.facts)
              if r.registration_id == registration_id]
    if others or any(r.parent_id == registration_id for r in deal.registrations):
        raise Refused("The deal still records facts, requests, 3(m)(i) information or amendments for this "
                      "registration statement; remove those first.", field="id")
    return remove_record(store, "registrations", registration_id, "registration statement", _label("Remove", rs))


def record_selling_info(store, registration_id: str, holder_id: str, received_on: dt.date | None) -> Change:
    """3(m)(i): the date a Holder furnished its selling-stockholder information (None: not yet)."""
    deal = store.deal()
    find(deal.registrations, "id", registration_id, "registration statement", "registration_id")
    holder_exists(deal, holder_id)
    when = day(received_on) if received_on else "not received"
    with write(store, f"3(m)(i) information from {deal.holder(holder_id).name}: {when}") as tx:
        tx.put(SellingStockholderInfo(registration_id, holder_id, received_on))
    return tx.change


def _request_checked(store, request: PiggybackRequest) -> PiggybackRequest:
    deal = store.deal()
    rs = find(deal.registrations, "id", request.registration_id, "registration statement", "registration_id")
    if rs.kind != RegistrationKind.COMPANY_REGISTRATION:
        raise Refused("Piggy-back requests (7(d)) are made in a Company registration.", field="registration_id")
    holder_exists(deal, request.holder_id)
    whole(request.shares, "shares", "number of shares requested", 1)
    whole(request.rule_144k_eligible_shares, "rule_144k_eligible_shares", "Rule 144(k)-eligible shares")
    if request.rule_144k_eligible_shares > request.shares:
        raise Refused("The Rule 144(k)-eligible shares cannot exceed the shares requested.",
                      field="rule_144k_eligible_shares")
    if request.late_accepted_on is not None and request.late_accepted_on < request.requested_on:
        raise Refused("The Company cannot accept a request before it was made.", field="late_accepted_on")
    return request


def add_piggyback_request(store, request: PiggybackRequest) -> Change:
    """7(d): a Holder's written request to include shares in a Company registration."""
    request = _request_checked(store, request)
    name = store.deal().holder(request.holder_id).name
    return add_record(store, request, "piggyback_requests", "piggy-back request",
                      f"Piggy-back request {name} ({request.shares:,} shares)")


def edit_piggyback_request(store, request: PiggybackRequest) -> Change:
    request = _request_checked(store, request)
    name = store.deal().holder(request.holder_id).name
    return edit_record(store, request, "piggyback_requests", "piggy-back request", f"Edit piggy-back request {name}")


def remove_piggyback_request(store, request_id: str) -> Change:
    request = find(store.deal().piggyback_requests, "id", request_id, "piggy-back request")
    name = store.deal().holder(request.holder_id).name
    return remove_record(store, "piggyback_requests", request_id, "piggy-back request",
                         f"Remove piggy-back request {name}")


def record_cutback(store, registration_id: str, underwriter_limit: int | None) -> Change:
    """7(d): store the managing underwriter's limit; the pro-rata allocation it fixes
    (``piggyback.registration_cutback``, the same function the screen shows: late requests and
    Rule 144 shares left out, ties by the larger request then the Holder's name) is written to the
    audit trail with it."""
    deal = store.deal()
    rs = find(deal.registrations, "id", registration_id, "registration statement", "registration_id")
    allocation = ""
    if underwriter_limit is not None:
        whole(underwriter_limit, "underwriter_limit", "underwriter's limit")
        shares = registration_cutback(deal, registration_id, underwriter_limit).as_dict()
        allocation = "; ".join(f"{deal.holder(h).name}: {n:,}" for h, n in shares.items())
    updated = dataclasses.replace(rs, underwritten=underwriter_limit is not None or rs.underwritten,
                                  underwriter_limit=underwriter_limit)
    return edit_record(store, updated, "registrations", "registration statement",
                       f"Cutback {rs.file_no or rs.id}: limit {underwriter_limit:,}" if underwriter_limit is not None
                       else f"Remove cutback {rs.file_no or rs.id}", reason=allocation)
