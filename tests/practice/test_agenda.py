"""The agenda across deals, with worked dates on the sample deal (Closing Wed May 7, 2003).

As of Mon Jun 16, 2003 with a horizon of 5 Business Days (through Mon Jun 23, 2003):
* 3(a) review copies for the initial shelf, in force Fri Jun 13 (5 Business Days before the
  Filing Date act-by day Fri Jun 20): overdue;
* the Filing Date, act-by Fri Jun 20 (45th day Sat Jun 21, last EDGAR day before): due soon;
* the Effectiveness Date and the best-efforts deadline, Tue Aug 5 (90th day): upcoming.
With 3 Business Days (through Thu Jun 19) the Filing Date is upcoming instead.
"""

from __future__ import annotations

import datetime as dt

from rra_desktop.practice.agenda import DUE_SOON, OVERDUE, UPCOMING, build_agenda
from rra_desktop.practice.cache import DeadlineCache
from tests.practice.conftest import damage_truncated, make_newer, rename_deal

JUNE_16 = dt.date(2003, 6, 16)


def _keys(agenda, group):
    return [(i.deal.name, i.deadline.key, i.deadline.in_force) for i in agenda.items if i.group == group]


def test_worked_dates_on_two_deals(make_deal, tmp_path):
    make_deal("deals/a.rradeal", company="Alpha Pharma")
    make_deal("deals/b.rradeal", company="Beta Bio")
    agenda = build_agenda([str(tmp_path / "deals")], JUNE_16, horizon=5)
    assert _keys(agenda, OVERDUE) == [("Alpha Pharma", "holder_review_copies:initial", dt.date(2003, 6, 13)),
                                      ("Beta Bio", "holder_review_copies:initial", dt.date(2003, 6, 13))]
    assert _keys(agenda, DUE_SOON) == [("Alpha Pharma", "filing_date", dt.date(2003, 6, 20)),
                                       ("Beta Bio", "filing_date", dt.date(2003, 6, 20))]
    assert [k for _, k, _ in _keys(agenda, UPCOMING)] == ["effectiveness_date", "effectiveness_deadline"] * 2
    assert {d for *_, d in _keys(agenda, UPCOMING)} == {dt.date(2003, 8, 5)}
    alpha = agenda.entries[0]
    assert agenda.horizon_ends[alpha.location] == dt.date(2003, 6, 23)
    assert agenda.overdue_count(alpha) == 1
    assert agenda.next_item(alpha).deadline.in_force == dt.date(2003, 6, 20)
    assert alpha.summary.agreement_date == dt.date(2003, 5, 7) and alpha.summary.closing_date == dt.date(2003, 5, 7)
    assert alpha.summary.last_change_action == "Edit company" and alpha.summary.last_change_by


def test_a_shorter_horizon_moves_the_filing_date_to_upcoming(make_deal, tmp_path):
    make_deal("a.rradeal")
    agenda = build_agenda([str(tmp_path / "a.rradeal")], JUNE_16, horizon=3)
    assert _keys(agenda, DUE_SOON) == []
    assert _keys(agenda, UPCOMING)[0][1:] == ("filing_date", dt.date(2003, 6, 20))
    assert agenda.horizon_ends[agenda.entries[0].location] == dt.date(2003, 6, 19)


def test_party_filter_keeps_only_that_partys_items(make_deal, tmp_path):
    make_deal("a.rradeal")
    assert build_agenda([str(tmp_path / "a.rradeal")], JUNE_16, parties=["Holders"]).items == ()
    assert len(build_agenda([str(tmp_path / "a.rradeal")], JUNE_16, parties=["Company"]).items) == 4


def test_a_folder_mixing_good_damaged_locked_and_newer_deals_lists_every_one(make_deal, tmp_path,
                                                                            locked_by_other_process):
    good = make_deal("deals/good.rradeal", company="Good Co")
    damage_truncated(make_deal("deals/damaged.rradeal"))
    make_newer(make_deal("deals/newer.rradeal"))
    (tmp_path / "deals" / "garbage.rradeal").write_bytes(b"not a database at all" * 10)
    locked = make_deal("deals/sub/locked.rradeal", company="Locked Co")
    make_deal("deals/.backups/old-copy.rradeal")  # backup copies are not deals of the practice
    with locked_by_other_process(locked):
        agenda = build_agenda([str(tmp_path / "deals")], JUNE_16, cache=DeadlineCache(tmp_path / "c.sqlite3"))
    by_name = {e.location.rsplit("/", 1)[-1]: e for e in agenda.entries}
    assert sorted(by_name) == ["damaged.rradeal", "garbage.rradeal", "good.rradeal", "locked.rradeal",
                               "newer.rradeal"]
    assert by_name["good.rradeal"].readable and by_name["good.rradeal"].location == str(good)
    assert "truncated" in by_name["damaged.rradeal"].problem
    assert "not an RRA Desk deal file" in by_name["garbage.rradeal"].problem
    assert "newer version of RRA Desk (schema 99)" in by_name["newer.rradeal"].problem
    assert "locked by another program" in by_name["locked.rradeal"].problem
    assert {i.deal.name for i in agenda.items} == {"Good Co"}
    assert len(agenda.problems) == 4


def test_a_deal_locked_for_editing_elsewhere_is_still_read(make_deal, tmp_path):
    from rra_desktop.store import DealStore

    path = make_deal("a.rradeal")
    with DealStore.open(path):  # the edit lock: reading needs none
        agenda = build_agenda([str(path)], JUNE_16)
    assert agenda.problems == () and len(agenda.items) == 4


def test_every_file_once_in_name_order(make_deal, tmp_path):
    b, a = make_deal("f/b.rradeal"), make_deal("f/a.rradeal")
    agenda = build_agenda([str(b), str(tmp_path / "f"), str(a)], JUNE_16)
    assert [e.location for e in agenda.entries] == [str(b), str(a)]


def test_a_changed_deal_is_recomputed_an_unchanged_one_is_not(make_deal, tmp_path):
    cache = tmp_path / "cache" / "d.sqlite3"
    a, b = make_deal("d/a.rradeal", company="Alpha"), make_deal("d/b.rradeal", company="Beta")
    first = build_agenda([str(tmp_path / "d")], JUNE_16, cache=DeadlineCache(cache))
    assert [e.cached for e in first.entries] == [False, False]
    again = build_agenda([str(tmp_path / "d")], JUNE_16, cache=DeadlineCache(cache))
    assert [e.cached for e in again.entries] == [True, True]
    assert [(i.group, i.deadline) for i in again.items] == [(i.group, i.deadline) for i in first.items]
    rename_deal(b, "Beta Renamed")
    third = build_agenda([str(tmp_path / "d")], JUNE_16, cache=DeadlineCache(cache))
    assert [e.cached for e in third.entries] == [True, False]
    assert third.entries[1].name == "Beta Renamed"
    next_day = build_agenda([str(a)], JUNE_16 + dt.timedelta(days=1), cache=DeadlineCache(cache))
    assert [e.cached for e in next_day.entries] == [False]  # statuses are as of a day


def test_the_cached_deadlines_equal_the_computed_ones(make_deal, tmp_path):
    from rra_desktop.domain.deadlines import compute_deadlines
    from rra_desktop.store import DealStore

    path = make_deal("a.rradeal")
    cache = DeadlineCache(tmp_path / "c.sqlite3")
    build_agenda([str(path)], JUNE_16, cache=cache)
    warm = build_agenda([str(path)], JUNE_16, cache=DeadlineCache(tmp_path / "c.sqlite3"))
    with DealStore.open(path, read_only=True) as store:
        computed = [d for d in compute_deadlines(store.deal(), JUNE_16) if d.in_force and d.status.value in
                    ("open", "overdue")]
    assert warm.entries[0].cached and list(warm.entries[0].deadlines) == computed


def test_the_cache_file_is_private_and_a_damaged_one_is_replaced(make_deal, tmp_path, private_cache):
    path = make_deal("a.rradeal")
    build_agenda([str(path)], JUNE_16, cache=DeadlineCache())
    (cache_file,) = private_cache.rglob("*.sqlite3")
    assert cache_file.stat().st_mode & 0o777 == 0o600
    assert cache_file.parent.stat().st_mode & 0o777 == 0o700
    cache_file.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    agenda = build_agenda([str(path)], JUNE_16, cache=DeadlineCache())
    assert agenda.problems == () and len(agenda.items) == 4
    assert build_agenda([str(path)], JUNE_16, cache=DeadlineCache()).entries[0].cached


def test_a_blackouts_confidential_reason_never_reaches_the_cache(sample_template, tmp_path):
    import dataclasses

    from rra_desktop.domain.model import BlackoutBasis, BlackoutPeriod
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore

    secret = "Project Nightingale merger talks"
    deal = load_sample_deal()
    period = BlackoutPeriod("b-1", dt.date(2003, 6, 10), None, BlackoutBasis.MNPI, secret, confidential_reason=secret)
    path = tmp_path / "secret.rradeal"
    DealStore.create(path, dataclasses.replace(deal, blackouts=(period,))).close()
    cache = tmp_path / "c.sqlite3"
    agenda = build_agenda([str(path)], JUNE_16, cache=DeadlineCache(cache))
    assert agenda.items
    assert secret.encode() not in cache.read_bytes()
    assert all(secret not in f"{i.deadline.title} {i.deadline.explanation}" for i in agenda.items)


def test_a_path_that_does_not_exist_is_refused(tmp_path):
    import pytest

    with pytest.raises(FileNotFoundError):
        build_agenda([str(tmp_path / "nowhere")], JUNE_16)
