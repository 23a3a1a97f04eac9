"""The words a 7(g) computation shows: times of day as the agreement writes them ("5:00 p.m."),
the one-line working of a notice's deemed-given date, the messages that refuse bad input, and a
notice-log kind as a message names it."""

from __future__ import annotations

import datetime as dt

import pytest

from rra_desktop.domain.counting import clock
from rra_desktop.domain.letter_kinds import notice_words
from rra_desktop.domain.notices import EASTERN, deemed_given, to_eastern

D = dt.date
T = dt.datetime


@pytest.mark.parametrize(
    ("t", "plain", "with_seconds"),
    [
        (dt.time(0, 5, 9), "12:05 a.m.", "12:05:09 a.m."),  # just after midnight: 12, not 0 or 13
        (dt.time(9, 0), "9:00 a.m.", "9:00:00 a.m."),
        (dt.time(11, 59, 59), "11:59 a.m.", "11:59:59 a.m."),
        (dt.time(12, 0), "12:00 p.m.", "12:00:00 p.m."),  # noon is p.m.
        (dt.time(13, 5), "1:05 p.m.", "1:05:00 p.m."),  # 13 o'clock is 1, not 13 % 13 = 0
        (dt.time(17, 0, 30), "5:00 p.m.", "5:00:30 p.m."),  # the 7(g) cut-off, thirty seconds after
        (dt.time(23, 59), "11:59 p.m.", "11:59:00 p.m."),  # 7(g)(ii)'s "earlier than 11:59 p.m."
    ],
)
def test_a_time_of_day_is_written_as_the_agreement_writes_it(t, plain, with_seconds):
    assert clock(t) == plain
    assert clock(t, seconds=True) == with_seconds
    assert clock(T(2003, 6, 9, t.hour, t.minute, t.second)) == plain  # a datetime reads the same


def test_the_working_names_the_eastern_sending_time_to_the_second_and_the_date_the_rule_gives():
    # Fri Mar 7, 2025, 4:30:07 p.m. Eastern (standard time until Sun Mar 9): before 5:00 p.m. on a
    # Business Day, so 7(g)(i) gives that day
    r = deemed_given("fax", T(2025, 3, 7, 16, 30, 7))
    assert r.detail == ("Sent by fax Fri Mar 7, 2025 at 4:30:07 p.m. EST (Eastern); "
                        "7(g)(i) gives Fri Mar 7, 2025 (Federal Reserve holidays)")


def test_the_working_of_a_courier_sent_just_after_midnight_before_independence_day():
    # handed over Thu Jul 3, 2003 at 12:05 a.m. Eastern; Fri Jul 4 is Independence Day and the
    # weekend follows, so the next Business Day is Mon Jul 7, the day receipt is recorded too:
    # the rule is named, as it needs no proof of receipt
    r = deemed_given("courier", T(2003, 7, 3, 0, 5), D(2003, 7, 7))
    assert r.date == D(2003, 7, 7) and r.clause == "7(g)(iii)"
    assert r.detail == ("Sent by courier Thu Jul 3, 2003 at 12:05:00 a.m. EDT (Eastern); actual receipt "
                        "recorded Mon Jul 7, 2003; 7(g)(iii) gives Mon Jul 7, 2003 (Federal Reserve holidays)")


def test_an_unknown_delivery_method_is_refused_by_name_with_the_methods_there_are():
    with pytest.raises(ValueError) as refused:
        deemed_given("telegram", T(2003, 7, 3, 10, 0))
    assert str(refused.value) == ("Unknown delivery method 'telegram'; "
                                  "expected one of fax, courier, mail, personal, email")


def test_a_receipt_recorded_before_the_notice_was_sent_is_refused_with_both_dates():
    # sent Thu Jul 3, 2003; a receipt on Tue Jul 1 (two days before) cannot be of this notice
    with pytest.raises(ValueError) as refused:
        deemed_given("fax", T(2003, 7, 3, 10, 0), D(2003, 7, 1))
    assert str(refused.value) == "Recorded receipt Tue Jul 1, 2003 is before the notice was sent Thu Jul 3, 2003"


class _NoOffset(dt.tzinfo):
    """A time zone that does not know its offset: the time is read as a naive one."""

    def utcoffset(self, d):
        return None

    def dst(self, d):
        return None

    def tzname(self, d):
        return None


def test_a_time_whose_zone_gives_no_offset_is_read_as_eastern_wall_time():
    # 4:30 p.m. with a zone that gives no offset is 4:30 p.m. Eastern (as a naive time is), not
    # the machine's local time converted to Eastern
    sent = T(2025, 3, 7, 16, 30, tzinfo=_NoOffset())
    assert to_eastern(sent) == T(2025, 3, 7, 16, 30, tzinfo=EASTERN)
    assert deemed_given("fax", sent).date == D(2025, 3, 7)


@pytest.mark.parametrize(
    ("log_kind", "one", "three"),
    [
        ("blackout", "blackout notice", "blackout notices"),
        ("filing_notice", "filing notice", "filing notices"),  # "notice" is not said twice
        ("notice_of_effectiveness", "notice of effectiveness", "notices of effectiveness"),  # the plural on "notice"
        ("review_copies", "review copies notice", "review copies notices"),
        ("  advice ", "advice notice", "advice notices"),
    ],
)
def test_a_notice_log_kind_is_named_as_a_message_says_it(log_kind, one, three):
    assert notice_words(log_kind) == notice_words(log_kind, 1) == one
    assert notice_words(log_kind, 3) == three
    assert notice_words(log_kind, 0) == three  # "no blackout notices"
