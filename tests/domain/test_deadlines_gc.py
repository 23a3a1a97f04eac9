"""The deadline engine leaves the garbage collector alone: the GUI runs other threads meanwhile."""

import datetime as dt
import gc

from rra_desktop.domain.deadlines import compute_deadlines
from rra_desktop.sample import load_sample_deal


def test_compute_deadlines_never_switches_the_collector_off(monkeypatch):
    def refuse(*_args):
        raise AssertionError("compute_deadlines switched the process's garbage collector")

    for name in ("disable", "freeze", "set_threshold"):
        monkeypatch.setattr(gc, name, refuse)
    assert compute_deadlines(load_sample_deal(), dt.date(2003, 6, 1))
    assert gc.isenabled()
