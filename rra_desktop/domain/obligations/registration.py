"""The shelf's own deadlines: filing (1, 2, 3(a)), effectiveness (1, 2), notice of effectiveness
(7(p)) and the earnings statement (3(l))."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from dateutil.relativedelta import relativedelta

from rra_desktop.domain.calendar import eastern_wall_time
from rra_desktop.domain.counting import Counted, business_days_after, calendar_days_after, fmt
from rra_desktop.domain.model import BlackoutScope, FactKind, RegistrationKind
from rra_desktop.domain.obligations.base import Draft, Facts, Registration
from rra_desktop.domain.obligations.registry import OBLIGATIONS, builds
from rra_desktop.domain.obligations.registry import ObligationKind as K
from rra_desktop.domain.postponement import Postponement

NO_CLOSING = "no Closing Date recorded"


def _timeliness(done: dt.date, counted: Counted, what: str, postponed: Postponement | None = None) -> str:
    """On time, within GCL §25, or late (the engine adds "late by N days" to a late act)."""
    if postponed is not None:
        return f"{what} {fmt(done)}: {'on time' if done <= postponed.date else 'after the postponed date'}"
    if done <= counted.act_by:
        return f"{what} {fmt(done)}: on time"
    if done <= counted.extended_to:
        return f"{what} {fmt(done)}: after the act-by date but within the GCL §25 extension"
    return f"{what} {fmt(done)}: after the GCL §25 extension"


def _on_edgar_days(counted: Counted, facts: Facts) -> Counted:
    """Effectiveness is the Commission's act: its act-by date is also an EDGAR day."""
    act_by = facts.edgar.previous_or_same(counted.act_by)
    while not facts.cal.is_business_day(act_by):
        act_by = facts.edgar.previous_or_same(act_by - dt.timedelta(days=1))
    if act_by == counted.act_by:
        return counted
    return Counted(counted.due, act_by, counted.extended_to,
                   f"{counted.explanation}; the Commission is closed on {fmt(counted.act_by)} "
                   f"({facts.edgar.closed_reason(counted.act_by)}): act by {fmt(act_by)}", counted.calendar)


@builds(K.FILING_DATE)
def filing_date(facts: Facts) -> list[Draft]:
    """Sections 1, 2 and 3(a): file the shelf on or before the Filing Date (Closing + 45 days);
    the act-by date is the last EDGAR filing day, and a recorded filing time is checked against
    the 5:30 p.m. cut-off."""
    closing, shelf = facts.deal.terms.closing_date, facts.shelf
    spec = OBLIGATIONS[K.FILING_DATE]
    base: dict[str, Any] = dict(key=spec.key_for(), kind=spec.kind, clause=spec.clause, party=spec.party,
                                title=spec.title, trigger="Closing Date", trigger_date=closing,
                                registration_id=shelf.id if shelf else None)
    if closing is None:
        return [Draft(**base, counted=None, explanation=NO_CLOSING)]
    counted = calendar_days_after(closing, 45, facts.edgar, "Closing Date")
    postponed = facts.postpone(counted.act_by, BlackoutScope.FILING)
    target = postponed.date if postponed else counted.act_by
    done, note = None, ""
    if shelf and shelf.filed_at is not None:
        done = facts.edgar.deemed_filing_date(shelf.filed_at).date
        check = facts.edgar.is_late(shelf.filed_at, target)
        note = check.message if check.late else _timeliness(done, counted, "filed", postponed)
        if check.late and postponed is None and done <= counted.extended_to:
            note += " Within the GCL §25 extension to " + fmt(counted.extended_to) + "."
    elif shelf and shelf.filed_on is not None:
        done = shelf.filed_on
        note = _timeliness(done, counted, "filed (no time recorded)", postponed)
    return [Draft(**base, counted=counted, satisfied_on=done, note=note, postponed=postponed)]


def _effective_on(facts: Facts) -> dt.date | None:
    shelf = facts.shelf
    return shelf.effective_on if shelf else None


@builds(K.EFFECTIVENESS_DATE)
def effectiveness_date(facts: Facts) -> list[Draft]:
    """Section 1: the Effectiveness Date, the 90th day following the Closing Date."""
    closing = facts.deal.terms.closing_date
    spec = OBLIGATIONS[K.EFFECTIVENESS_DATE]
    base: dict[str, Any] = dict(key=spec.key_for(), kind=spec.kind, clause=spec.clause, party=spec.party,
                                title=spec.title,
                                trigger="Closing Date", trigger_date=closing)
    if closing is None:
        return [Draft(**base, counted=None, explanation=NO_CLOSING)]
    counted = _on_edgar_days(calendar_days_after(closing, 90, facts.cal, "Closing Date"), facts)
    postponed = facts.postpone(counted.act_by, BlackoutScope.EFFECTIVENESS)
    done = _effective_on(facts)
    note = _timeliness(done, counted, "declared effective", postponed) if done else ""
    return [Draft(**base, counted=counted, satisfied_on=done, note=note, postponed=postponed)]


@builds(K.EFFECTIVENESS_DEADLINE)
def effectiveness_deadline(facts: Facts) -> list[Draft]:
    """Section 2: best efforts to be declared effective by the earlier of 5 Business Days after
    the Commission's "no review" notice and the 90th day after the Closing Date."""
    closing = facts.deal.terms.closing_date
    no_review = facts.of_kind(FactKind.SEC_NO_REVIEW)
    spec = OBLIGATIONS[K.EFFECTIVENESS_DEADLINE]
    base: dict[str, Any] = dict(key=spec.key_for(), kind=spec.kind, clause=spec.clause, party=spec.party,
                                title=spec.title)
    if closing is None:
        return [Draft(**base, trigger="Closing Date", trigger_date=None, counted=None, explanation=NO_CLOSING)]
    by_90 = calendar_days_after(closing, 90, facts.cal, "Closing Date")
    counted, trigger, trigger_date = by_90, "Closing Date (no \"no review\" notice recorded)", closing
    if no_review:
        notified = no_review[0].on  # orally or in writing, whichever is earlier: the first recorded
        by_5 = business_days_after(notified, 5, facts.cal, '"No review" notice')
        if by_5.due < by_90.due:
            counted = Counted(by_5.due, by_5.act_by, by_5.extended_to,
                              f"{by_5.explanation}, earlier than {fmt(by_90.due)} (Closing + 90 days)", by_5.calendar)
            trigger, trigger_date = 'Commission\'s "no review" notice', notified
        else:
            counted = Counted(by_90.due, by_90.act_by, by_90.extended_to,
                              f"{by_90.explanation}; earlier than {fmt(by_5.due)} (no-review notice "
                              f"{fmt(notified)} + 5 Business Days)", by_90.calendar)
    counted = _on_edgar_days(counted, facts)
    postponed = facts.postpone(counted.act_by, BlackoutScope.EFFECTIVENESS)
    done = _effective_on(facts)
    note = _timeliness(done, counted, "declared effective", postponed) if done else ""
    return [Draft(**base, trigger=trigger, trigger_date=trigger_date, counted=counted, satisfied_on=done, note=note,
                  postponed=postponed)]


@builds(K.NOTICE_OF_EFFECTIVENESS)
def notice_of_effectiveness(facts: Facts) -> list[Draft]:
    """7(p): within 2 Business Days after a registration statement including Registrable
    Securities is ordered effective, confirm it to the transfer agent (Exhibit A), copies to the
    Holders. Applies to the shelf, to a Company registration with piggy-back requests and, on the
    conservative reading, to each post-effective amendment of the shelf declared effective (it is
    again "ordered effective by the Commission")."""
    spec = OBLIGATIONS[K.NOTICE_OF_EFFECTIVENESS]
    with_requests = {r.registration_id for r in facts.deal.piggyback_requests}
    out = []
    for reg in facts.registrations:
        if reg.effective_on is None:
            continue
        if reg.kind == RegistrationKind.COMPANY_REGISTRATION and reg.id not in with_requests:
            continue
        counted = business_days_after(reg.effective_on, 2, facts.cal, _declared(reg))
        key = spec.key_for(reg.id)
        done, note = notice_performed_on(facts, spec.kind, key, reg.effective_on)
        out.append(Draft(
            key=key, kind=spec.kind, clause=spec.clause, title=spec.title, party=spec.party,
            trigger="Registration Statement declared effective", trigger_date=reg.effective_on,
            counted=counted, registration_id=reg.id, satisfied_on=done, note=note))
    return out


def notice_performed_on(facts: Facts, kind: K, key: str, since: dt.date) -> tuple[dt.date | None, str]:
    """When a notice obligation (7(p) Exhibit A, the 3(c)(C) notice) was performed, read in one
    place, and the note that says how: the first notice logged as sent, of a letter that performs
    ``kind`` (``letter_kinds.log_kinds_completing``), on or after ``since`` (the effectiveness it
    reports; the Eastern date it was sent). That log entry is the one record of the act: marking
    such an obligation done logs the notice (``services.timeline.mark_done``) and writes no
    ``Completion``. A completion an earlier version recorded for ``key`` still counts (the earlier
    of the two), with no note, as it always did."""
    from rra_desktop.domain.letter_kinds import log_kinds_completing  # the letters import this registry

    performing = log_kinds_completing(kind)
    sent = [d for n in facts.deal.notices if n.kind in performing and str(n.direction) == "sent"
            and (d := eastern_wall_time(n.sent_at).date()) >= since]
    logged = min(sent, default=None)
    recorded = min((c.done_on for c in facts.deal.completions if c.deadline_key == key), default=None)
    if recorded is not None and (logged is None or recorded <= logged):
        return recorded, ""
    return logged, f"notice logged as sent {fmt(logged)}" if logged else ""


def _declared(reg: Registration) -> str:
    return "Post-effective amendment declared effective" if reg.kind == RegistrationKind.AMENDMENT \
        else "Declared effective"


@builds(K.HOLDER_EFFECTIVENESS_NOTICE)
def holder_effectiveness_notice(facts: Facts) -> list[Draft]:
    """3(c)(C): notify the Holders and Special Counsel "as promptly as reasonably practicable" when
    the Registration Statement or a post-effective amendment has become effective. The agreement
    fixes no number of days; the product dockets the next Business Day after effectiveness as the
    date a careful docket keeps, and says so. A 3(c)(C) letter logged as sent on or after that
    effectiveness performs it."""
    spec = OBLIGATIONS[K.HOLDER_EFFECTIVENESS_NOTICE]
    out = []
    for reg in facts.registrations:
        if reg.effective_on is None or reg.kind == RegistrationKind.COMPANY_REGISTRATION:
            continue
        c = business_days_after(reg.effective_on, 1, facts.cal, _declared(reg))
        counted = Counted(c.due, c.act_by, c.extended_to, f"{c.explanation} (\"as promptly as reasonably "
                          "practicable\": the next Business Day is the product's docket date)", c.calendar)
        key = spec.key_for(reg.id)
        done, note = notice_performed_on(facts, spec.kind, key, reg.effective_on)
        out.append(Draft(
            key=key, kind=spec.kind, clause=spec.clause, title=spec.title, party=spec.party,
            trigger=_declared(reg), trigger_date=reg.effective_on, counted=counted, registration_id=reg.id,
            satisfied_on=done, note=note))
    return out


def fiscal_year_end(year: int, fye_month: int, fye_day: int) -> dt.date:
    """The fiscal year end in ``year``: a February 29 year end is the last day of February."""
    last = calendar.monthrange(year, fye_month)[1]
    return dt.date(year, fye_month, min(fye_day, last))


def first_quarter_after(effective: dt.date, fye_month: int, fye_day: int) -> dt.date:
    """The first day of the first fiscal quarter beginning after ``effective``. Quarters start
    the day after each year's own fiscal year end and 3, 6 and 9 months after that day, never
    stepped from an earlier quarter (a February 28 year end would otherwise drift after a leap
    year)."""
    year = effective.year - 1  # pragma: no mutate (starting a year earlier finds the same first quarter)
    while True:  # a fiscal quarter starts within every twelve months
        first = fiscal_year_end(year, fye_month, fye_day) + dt.timedelta(days=1)
        for months in (0, 3, 6, 9):
            start = first + relativedelta(months=months)
            if start > effective:
                return start
        year += 1


@builds(K.EARNINGS_STATEMENT)
def earnings_statement(facts: Facts) -> list[Draft]:
    """3(l): an earnings statement (Section 11(a), Rule 158) for the 12 months from the first
    day of the first fiscal quarter after the effective date, due 45 days after that period ends
    (90 days where it is a fiscal year). Rule 158 sets no deadline itself; a timely 10-Q/10-K
    satisfies it in practice."""
    spec, terms = OBLIGATIONS[K.EARNINGS_STATEMENT], facts.deal.terms
    out = []
    for reg in facts.registrations:
        if reg.kind != RegistrationKind.SECTION_2_SHELF or reg.effective_on is None:
            continue
        start = first_quarter_after(reg.effective_on, terms.fiscal_year_end_month, terms.fiscal_year_end_day)
        end = start + relativedelta(months=12) - dt.timedelta(days=1)
        fiscal_year = end == fiscal_year_end(end.year, terms.fiscal_year_end_month, terms.fiscal_year_end_day)
        days = 90 if fiscal_year else 45
        counted = calendar_days_after(end, days, facts.cal, "12-month period ends")
        period = (f"effective {fmt(reg.effective_on)}; first fiscal quarter after it begins {fmt(start)}; "
                  f"12 months end {fmt(end)}{' (a fiscal year: 90 days)' if fiscal_year else ' (45 days)'}; ")
        counted = Counted(counted.due, counted.act_by, counted.extended_to, period + counted.explanation,
                          counted.calendar)
        out.append(Draft(
            key=spec.key_for(reg.id), kind=spec.kind, clause=spec.clause, party=spec.party, title=spec.title,
            trigger="effective date; fiscal year end", trigger_date=reg.effective_on, counted=counted,
            registration_id=reg.id,
            note="Rule 158 sets no deadline itself; a timely 10-Q/10-K satisfies it in practice"))
    return out
