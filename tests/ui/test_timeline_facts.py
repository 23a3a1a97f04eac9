"""Correcting and removing a recorded fact on the Timeline tab: previewed, then undoable.

Worked dates (sample deal, Federal Reserve calendar): declared effective Mon Jun 23, 2003 at
4:00 p.m. puts the 7(p) Notice of Effectiveness on Wed Jun 25, 2003 (two Business Days); the
corrected Tue Jun 24, 2003 puts it on Thu Jun 26, 2003."""

from __future__ import annotations

import datetime as dt

import pytest

from rra_desktop.domain.model import FactKind, TimelineFact
from rra_desktop.domain.registration_facts import timeline
from rra_desktop.services import timeline as service
from ui.dialogs.fact_dialog import FactDialog
from ui.dialogs.recalc_preview import RecalcPreviewDialog
from ui.tabs.timeline import TimelineTab

EFFECTIVE = dt.datetime(2003, 6, 23, 16, 0)


@pytest.fixture
def previews(monkeypatch):
    """Every recalculation preview shown; ``answer[0]`` is what the user presses (1 apply, 0 cancel)."""
    shown: list[RecalcPreviewDialog] = []
    answer = [1]

    def fake_exec(dialog):
        shown.append(dialog)
        return answer[0]

    monkeypatch.setattr(RecalcPreviewDialog, "exec", fake_exec)
    return shown, answer


@pytest.fixture
def tab(qtbot, context):
    context.perform(service.record_fact, TimelineFact("f-eff", FactKind.RS_EFFECTIVE, EFFECTIVE.date(), at=EFFECTIVE))
    widget = TimelineTab(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _notice(context):
    return next(d for d in context.deadlines() if d.kind == "notice_of_effectiveness")


def _open_editor(tab, monkeypatch) -> FactDialog:
    opened = []
    monkeypatch.setattr(FactDialog, "exec", lambda self: opened.append(self) or 0)
    tab.edit_fact()
    assert len(opened) == 1
    return opened[0]


def _shown(table) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_facts_list_and_trigger_selection(tab, context):
    [[when, what, whose, _document]] = _shown(tab.facts)
    assert when == "Mon Jun 23, 2003 4:00 p.m." and what == "Declared effective" and whose.startswith("S-3")
    tab.facts.setCurrentIndex(tab.facts.model().index(-1, -1))
    assert not tab.edit_fact_button.isEnabled() and not tab.remove_fact_button.isEnabled()
    assert tab.select(_notice(context).key)
    assert tab.current_fact().id == "shelf:effective"  # the deadline's trigger (the shelf's date) is selected
    assert tab.edit_fact_button.isEnabled() and tab.remove_fact_button.isEnabled()


def test_edit_fact_previews_then_moves_and_undoes(qtbot, tab, context, previews, monkeypatch):
    shown, answer = previews
    assert _notice(context).in_force == dt.date(2003, 6, 25)
    tab.select(_notice(context).key)
    dialog = _open_editor(tab, monkeypatch)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit fact" and not dialog.kind.isEnabled()
    assert dialog.at.value() == EFFECTIVE
    dialog.at.set_value(dt.datetime(2003, 6, 24, 16, 0))

    answer[0] = 0  # the user cancels the preview: nothing written
    dialog.accept()
    assert len(shown) == 1
    row = next(r for r in shown[0].rows if r[0] == _notice(context).title)
    assert row[2] == "Wed Jun 25, 2003" and row[3] == "Thu Jun 26, 2003"
    assert _notice(context).in_force == dt.date(2003, 6, 25)

    answer[0] = 1
    dialog.accept()
    assert _notice(context).in_force == dt.date(2003, 6, 26)
    assert [f.id for f in timeline(context.deal())] == ["shelf:effective"]  # corrected, not duplicated
    shelf = context.deal().registrations[0]
    assert shelf.effective_at == dt.datetime(2003, 6, 24, 16, 0) and context.deal().facts == ()  # one record
    context.undo_stack.undo()
    assert _notice(context).in_force == dt.date(2003, 6, 25)
    assert context.deal().registrations[0].effective_at == EFFECTIVE


def test_remove_fact_previews_and_is_undoable(tab, context, previews):
    shown, answer = previews
    tab.select_fact("shelf:effective")
    answer[0] = 0
    assert not tab.remove_fact()
    assert len(timeline(context.deal())) == 1
    notice_title = _notice(context).title
    row = next(r for r in shown[0].rows if r[0] == notice_title)
    assert row[2] == "Wed Jun 25, 2003" and row[3] == "no longer arises"

    answer[0] = 1
    assert tab.remove_fact()
    assert timeline(context.deal()) == ()
    assert _shown(tab.facts) == []
    assert all(d.kind != "notice_of_effectiveness" or d.in_force is None for d in context.deadlines())
    assert "Remove" in context.undo_stack.undoText()
    context.undo_stack.undo()
    assert _notice(context).in_force == dt.date(2003, 6, 25)
    assert len(_shown(tab.facts)) == 1


def test_right_click_on_a_fact_offers_edit_remove_copy_and_export(qtbot, tab, context, monkeypatch):
    from tests.ui.test_row_actions import _choose, _right_click, _texts
    from ui.qt import QApplication

    menu = _right_click(qtbot, tab.facts, 0)
    assert _texts(menu) == ["&Edit fact…", "Remo&ve fact", "&Copy rows", "E&xport this table to Excel…"]
    assert menu.defaultAction().text() == "&Edit fact…\tEnter"  # bold: what Enter and a double-click do
    QApplication.clipboard().clear()
    _choose(qtbot, menu, "&Copy rows")
    [when, what, whose, document] = _shown(tab.facts)[0]
    assert QApplication.clipboard().text().split("\r\n")[:2] == [
        "When\tFact\tHolder or statement\tDocument", f"{when}\t{what}\t{whose}\t{document}"]
    opened = []
    monkeypatch.setattr(FactDialog, "exec", lambda self: opened.append(self.original.id) or 0)
    _choose(qtbot, _right_click(qtbot, tab.facts, 0), "&Edit fact…")
    assert opened == ["shelf:effective"]


def test_enter_on_a_fact_edits_it_and_delete_removes_it(qtbot, tab, context, previews, monkeypatch):
    from ui.qt import Qt

    opened = []
    monkeypatch.setattr(FactDialog, "exec", lambda self: opened.append(self.original.id) or 0)
    tab.facts.setFocus()
    tab.facts.setCurrentIndex(tab.facts.model().index(0, 0))
    qtbot.keyClick(tab.facts, Qt.Key.Key_Return)
    assert opened == ["shelf:effective"]
    qtbot.keyClick(tab.facts, Qt.Key.Key_Delete)  # previewed (applied here), then removed as one undoable step
    assert timeline(context.deal()) == () and _shown(tab.facts) == []
    context.undo_stack.undo()
    assert [f.id for f in timeline(context.deal())] == ["shelf:effective"]


def test_a_read_only_deal_offers_neither_edit_nor_remove(qtbot, tab, context, monkeypatch):
    from tests.ui.test_row_actions import _right_click

    monkeypatch.setattr(type(context), "read_only", property(lambda _self: True))
    menu = _right_click(qtbot, tab.facts, 0)
    enabled = {a.text().split("\t")[0]: a.isEnabled() for a in menu.actions() if not a.isSeparator()}
    assert enabled == {"&Edit fact…": False, "Remo&ve fact": False, "&Copy rows": True,
                       "E&xport this table to Excel…": True}
