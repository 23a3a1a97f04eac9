"""Under mutation testing (``scripts/mutation.sh``) every test of the rules starts with the rules'
kept answers forgotten.

The rules keep pure answers: ``functools`` caches (a Holder's Rule 144 dates, the working of a
lapsed window, ...), each calendar's day table once built, and the last deal's Effectiveness
Period ends. mutmut records which tests call each function in one process and forks each
mutant's run from that process: a test whose answer came from what an earlier test left is not
recorded as calling the function, and a mutant's run reads the answers the unmutated code left.
Either way a mutant the suite kills is reported as surviving. Forgetting them before each test
makes every test work its answers out again, so the score measures the tests. Outside mutation
testing they are left alone: they change no answer, only how fast it comes."""

import os
import sys

import pytest


def _forget_what_the_rules_worked_out() -> None:
    from rra_desktop.domain.calendar import _Counted
    from rra_desktop.domain.obligations import holders

    holders._last_period_ends = None
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(("rra_desktop.domain", "tests.domain")):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, _Counted):
                value._days = None
            elif callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


@pytest.fixture(autouse=True)
def _rules_caches_forgotten_under_mutation_testing():
    if "MUTANT_UNDER_TEST" in os.environ:
        _forget_what_the_rules_worked_out()
    yield
