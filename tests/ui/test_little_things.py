"""The little things: no "*" where nothing is unsaved, "Remove" confirms only what will be done,
"1 day" not "1 days", text escaped as html.escape would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st


def test_the_title_has_no_star_after_an_edit_since_every_change_is_saved(qtbot, window):
    from rra_desktop.domain.model import Holder
    from rra_desktop.services.holders import add_holder

    window.context.perform(add_holder, Holder("h-new", "New Fund LP"))
    assert window.context.undo_stack.canUndo()
    assert "*" not in window.windowTitle() and not window.isWindowModified()


def test_remove_says_at_once_why_a_holder_with_positions_cannot_go(qtbot, window, monkeypatch):
    from ui import errors

    shown = []
    monkeypatch.setattr(errors, "show_error", lambda _p, title, text, **_k: shown.append((title, str(text))))
    tab = window.tab(0)
    tab.table.selectRow(0)
    name = tab.current().holder.name
    tab.remove_holder()  # no question is asked: the conftest fails the test if one is
    assert shown == [("Remove Holder", f"{name} cannot be removed: the deal still records 3 ledger rows for it.")] \
        or (shown and shown[0][1].startswith(f"{name} cannot be removed: the deal still records "))
    assert "(s)" not in shown[0][1]
    assert any(h.name == name for h in window.context.deal().holders)


def test_counts_read_in_number():
    from ui.formatting import plural

    assert (plural(1, "day"), plural(2, "day"), plural(0, "item"), plural(1_000, "day")) == \
        ("1 day", "2 days", "0 items", "1,000 days")


@given(st.text())
def test_rich_text_escape_is_html_escape(text):
    import html

    from ui.formatting import escape

    assert escape(text) == html.escape(text)
