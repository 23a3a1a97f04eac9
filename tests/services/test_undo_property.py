"""Property: any sequence of edits, undone in reverse order, gives back the first snapshot;
redone in order, gives back the last one; the audit chain stays intact throughout."""

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rra_desktop.domain.model import Expense, ExpenseCategory, Holder
from rra_desktop.services import Refused, expenses, holders
from rra_desktop.store import DealStore
from tests.store.deals import full_deal

names = st.text(alphabet="ABCDEFGH xyz", min_size=1, max_size=12).filter(str.strip)
steps = st.lists(st.tuples(st.sampled_from(["add", "edit", "remove", "expense"]), st.integers(0, 3), names),
                 min_size=1, max_size=8)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_undo_all_then_redo_all(tmp_path_factory, steps):
    with DealStore.create(tmp_path_factory.mktemp("p") / "d.rradeal", full_deal()) as store:
        first = store.deal()
        done = []
        for op, n, name in steps:
            try:
                if op == "add":
                    change = holders.add_holder(store, Holder(f"h-p{n}", name))
                elif op == "edit":
                    change = holders.update_holder(store, Holder(f"h-p{n}", name, notes="edited"))
                elif op == "remove":
                    change = holders.remove_holder(store, f"h-p{n}")
                else:
                    change = expenses.add_expense(store, Expense(f"e-p{len(done)}", dt.date(2004, 1, 1), name,
                                                                 ExpenseCategory.OTHER, Decimal(10 + n)))
            except Refused:
                continue
            done.append(change)
        last = store.deal()
        for change in reversed(done):
            store.undo(change)
        assert store.deal() == first
        for change in done:
            store.redo(change)
        assert store.deal() == last
        assert store.verify_audit().ok
