"""When a notice is deemed given under Section 7(g).

7(g) makes a notice "deemed given and effective on the earlier of" four dates:
(i) the date of transmission, for a fax sent before 5:00 p.m. Eastern on a Business Day;
(ii) the Business Day after the date of transmission, for a fax sent later than 5:00 p.m. and
earlier than 11:59 p.m. Eastern on that date; (iii) the Business Day following the date of
mailing, for a nationally recognized overnight courier; (iv) actual receipt.

Choices where the agreement is silent (shown to the user with the result):
- Times are read in US Eastern wall time with daylight saving (``America/New_York``). A naive
  datetime is already Eastern; an aware one in any zone is converted first, so a fax sent at
  2:30 p.m. in California during daylight time (5:30 p.m. Eastern) falls under (ii).
- "prior to 5:00 p.m." means strictly before 17:00:00 and "later than 5:00 p.m." strictly after
  it, to the microsecond: a fax at 5:00:30 p.m. is later than 5:00 p.m. and falls under (ii);
  a fax at exactly 5:00:00 p.m. is neither, and so is a fax at or after 11:59:00 p.m.
- The courier's "date of mailing" is the date where the package was handed over when that
  place's time zone is recorded (an aware sending time), the Eastern date otherwise; the rule
  line says which.
- Personal delivery is actual receipt on delivery (iv): the date recorded as received is the
  date given; until a delivery is recorded the product does not guess.
- First class mail and e-mail fall under none of (i)-(iii): only recorded receipt fixes them.
- Where recorded receipt and a rule give the same date, the rule is named (it needs no proof
  of receipt).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from rra_desktop.domain.calendar import BusinessCalendar
from rra_desktop.domain.counting import clock, fmt

EASTERN = ZoneInfo("America/New_York")
FAX_CUTOFF = dt.time(17, 0)
FAX_LATE_LIMIT = dt.time(23, 59)


class DeliveryMethod(StrEnum):
    """How a notice went or came: the values are what the notice log and the facts store."""

    FAX = "fax"
    COURIER = "courier"  # nationally recognized overnight courier
    MAIL = "mail"  # first class mail
    PERSONAL = "personal"  # hand delivery
    EMAIL = "email"


# Every method a notice may be recorded as sent or received by.
METHODS: tuple[DeliveryMethod, ...] = tuple(DeliveryMethod)
# The methods a letter of this product is sent by: 7(g)'s means of giving notice. E-mail is not
# one of them (a notice received by e-mail can be logged, and counts only from recorded receipt).
LETTER_METHODS: tuple[DeliveryMethod, ...] = (DeliveryMethod.FAX, DeliveryMethod.COURIER, DeliveryMethod.MAIL,
                                              DeliveryMethod.PERSONAL)

RULE_I = "7(g)(i): fax sent before 5:00 p.m. Eastern on a Business Day — deemed given that day"
RULE_II = (
    "7(g)(ii): fax sent after 5:00 p.m. and before 11:59 p.m. Eastern — deemed given the next Business Day"
)
RULE_III = "7(g)(iii): nationally recognized overnight courier — deemed given the Business Day after the day sent"
RULE_IV = "7(g)(iv): actual receipt recorded on {received} — deemed given that day, earlier than any other rule"
RULE_IV_ONLY = "7(g)(iv): {why} — deemed given only on recorded actual receipt, and receipt is recorded on {received}"
RULE_PENDING = "7(g)(iv): {why} — deemed given only on recorded actual receipt; no receipt is recorded yet"


@dataclass(frozen=True)
class DeemedGiven:
    """The date a notice is deemed given (None until receipt, where only receipt can fix it),
    the 7(g) rule applied, and the facts the computation used."""

    date: dt.date | None
    rule: str
    clause: str  # "7(g)(i)" .. "7(g)(iv)"
    method: str
    sent_eastern: dt.datetime  # the sending time as US Eastern wall time (aware)
    received_on: dt.date | None
    calendar: str  # the Business Day calendar's display name
    detail: str  # one line: the sending time in Eastern and the dates compared

    @property
    def awaiting_receipt(self) -> bool:
        return self.date is None


def to_eastern(sent_at: dt.datetime) -> dt.datetime:
    """``sent_at`` as an aware US Eastern datetime: naive means Eastern wall time already."""
    if sent_at.tzinfo is None or sent_at.utcoffset() is None:
        return sent_at.replace(tzinfo=EASTERN)
    return sent_at.astimezone(EASTERN)


def deemed_given(
    method: str,
    sent_at: dt.datetime,
    received_on: dt.date | None = None,
    calendar: BusinessCalendar | None = None,
) -> DeemedGiven:
    """Section 7(g): the date a notice sent by ``method`` at ``sent_at`` is deemed given, the
    earliest of the rules that apply, with ``received_on`` the recorded actual receipt."""
    method = method.strip().lower()
    if method not in METHODS:
        raise ValueError(f"Unknown delivery method {method!r}; expected one of {', '.join(METHODS)}")
    cal = calendar if calendar is not None else BusinessCalendar()
    eastern = to_eastern(sent_at)
    day = eastern.date()
    # A receipt is recorded in the recipient's local date: a fax sent at 12:30 a.m. Eastern lands in
    # Irvine at 9:30 p.m. Pacific the day before. So a receipt one calendar day before the Eastern
    # sending date is accepted; anything earlier cannot be a receipt of this notice.
    if received_on is not None and received_on < day - dt.timedelta(days=1):
        raise ValueError(f"Recorded receipt {fmt(received_on)} is before the notice was sent {fmt(day)}")
    rule_date, clause, rule, why = _rule_date(method, eastern, cal)
    if method == "courier":
        offset = sent_at.utcoffset()  # None for a naive time: Eastern wall time
        mailed = sent_at.date() if offset is not None else day
        rule_date = cal.add_business_days(mailed, 1)
        where = (f"date of mailing {fmt(mailed)} where it was handed over (UTC{_offset(offset)})"
                 if offset is not None
                 else f"date of mailing {fmt(mailed)} in Eastern time (no place's time zone recorded)")
        rule = f"{RULE_III}; {where}"
    detail = f"Sent by {method} {fmt(day)} at {clock(eastern, seconds=True)} {eastern:%Z} (Eastern)"
    if received_on is not None:
        detail += f"; actual receipt recorded {fmt(received_on)}"
    if rule_date is not None:
        detail += f"; {clause} gives {fmt(rule_date)} ({cal.display_name})"
        if received_on is None or rule_date <= received_on:
            return DeemedGiven(rule_date, rule, clause, method, eastern, received_on, cal.display_name, detail)
        rule = RULE_IV.format(received=fmt(received_on))
    elif received_on is not None:
        rule = RULE_IV_ONLY.format(why=why, received=fmt(received_on))
    else:
        rule = RULE_PENDING.format(why=why)
    return DeemedGiven(received_on, rule, "7(g)(iv)", method, eastern, received_on, cal.display_name, detail)


def _offset(offset: dt.timedelta) -> str:
    minutes = offset // dt.timedelta(minutes=1)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _rule_date(
    method: str, eastern: dt.datetime, cal: BusinessCalendar
) -> tuple[dt.date | None, str, str, str]:
    """The date given by 7(g)(i)-(iii) where one applies, else None and why none does."""
    day, time = eastern.date(), eastern.time().replace(tzinfo=None)
    if method == "fax":
        if time < FAX_CUTOFF:
            if cal.is_business_day(day):
                return day, "7(g)(i)", RULE_I, ""
            return None, "", "", f"fax sent before 5:00 p.m. Eastern on {fmt(day)}, not a Business Day"
        if FAX_CUTOFF < time < FAX_LATE_LIMIT:
            return cal.add_business_days(day, 1), "7(g)(ii)", RULE_II, ""
        if time == FAX_CUTOFF:
            return None, "", "", "fax sent at exactly 5:00 p.m. Eastern, neither before nor after it"
        return None, "", "", "fax sent at or after 11:59 p.m. Eastern"
    if method == "courier":
        return cal.add_business_days(day, 1), "7(g)(iii)", RULE_III, ""
    if method == "personal":
        return None, "", "", "personal delivery is actual receipt on delivery"
    if method == "mail":
        return None, "", "", "first class mail is not one of the 7(g)(i)-(iii) methods"
    return None, "", "", "e-mail is not one of the 7(g)(i)-(iii) methods"
