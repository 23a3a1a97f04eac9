"""The main window's menus: every action has an & mnemonic, standard shortcuts where Qt has
one, and Ctrl+1..8 for the tabs, so the whole program works without a mouse."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.qt import QAction, QMenu

# The Qt classes of the actions are loaded when the menus are filled (``fill_menus``, after the
# window's first paint), not with the menu bar's titles.


def _action(window: MainWindow, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
    from ui.qt import QAction, QKeySequence

    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def _show_library(window: MainWindow) -> None:
    from ui.practice_window import show_library

    show_library(window)


MENU_TITLES = ("&File", "&Edit", "&View", "&Help")


def build_menus(window: MainWindow, fill: bool = True) -> None:
    """The menu bar's menus; their actions too unless ``fill`` is False (the application's start
    shows the window with the menu bar's titles in place and fills the menus just after the
    first paint, ``fill_menus``: forty actions and their shortcuts are not needed to see the deal)."""
    bar = window.menuBar()
    window.menus = {title: bar.addMenu(title) for title in MENU_TITLES}
    if fill:
        fill_menus(window)


def fill_menus(window: MainWindow) -> None:
    """Every menu's actions (once: a second call changes nothing)."""
    if getattr(window, "menus_filled", False):
        return
    window.menus_filled = True
    from ui import file_actions as fa
    from ui.qt import QAction, QKeySequence

    Std = QKeySequence.StandardKey

    file_menu = window.menus["&File"]
    _action(window, file_menu, "&New deal…", lambda: fa.new_deal(window), Std.New)
    _action(window, file_menu, "&Open…", lambda: fa.open_deal(window), Std.Open)
    _action(window, file_menu, "Open &sample deal", lambda: fa.open_sample(window))
    window.recent_menu = file_menu.addMenu("Open &recent")
    fill_recent(window)
    _action(window, file_menu, "Deal &library and agenda…", lambda: _show_library(window), "Ctrl+L")
    _action(window, file_menu, "Restore &backup…", lambda: _deal_file().restore_backup(window))
    file_menu.addSeparator()
    _action(window, file_menu, "&Import Schedule 1…", lambda: fa.import_schedule(window))
    _action(window, file_menu, "Import &deal file…", lambda: fa.import_deal_file(window))
    _action(window, file_menu, "&Export deal file…", lambda: fa.export_deal_file(window))
    _action(window, file_menu, "Export re&gister…", lambda: fa.export_register(window))
    _action(window, file_menu, "Export &calendar (.ics)…", lambda: fa.export_calendar(window))
    window.export_table_action = _action(window, file_menu, "Export this &table to Excel…",
                                         lambda: export_current_table(window), "Ctrl+Shift+E")
    file_menu.addSeparator()
    print_menu = file_menu.addMenu("&Print")
    _action(window, print_menu, "&Holder register (as of the Holders tab's date)…",
            lambda: fa.print_register(window), Std.Print)
    _action(window, print_menu, "&Deadline calendar…", lambda: fa.print_calendar(window))
    _action(window, print_menu, "&Blackout ledger (confidential)…", lambda: fa.print_blackout_ledger(window))
    file_menu.addSeparator()
    quit_action = _action(window, file_menu, "&Quit", window.close, Std.Quit)
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    edit = window.menus["&Edit"]
    stack = window.context.undo_stack
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence(Std.Undo))
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcut(QKeySequence(Std.Redo))
    edit.addActions([undo, redo])
    window.undo_action, window.redo_action = undo, redo
    edit.addSeparator()
    _action(window, edit, "&Find", window.focus_filter, Std.Find)
    edit.addSeparator()
    window.deal_settings_action = _action(window, edit, "&Deal settings…", lambda: edit_deal_settings(window))
    prefs = _action(window, edit, "&Preferences…", lambda: edit_preferences(window), Std.Preferences)
    prefs.setMenuRole(QAction.MenuRole.PreferencesRole)

    view = window.menus["&View"]
    for i, (_module, _cls, title) in enumerate(_tabs()):
        _action(window, view, f"&{i + 1} {title}", lambda i=i: window.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}")
    following = _action(window, view, "&Next tab", lambda: step_tab(window, 1))
    following.setShortcuts([QKeySequence("Ctrl+Tab"), QKeySequence("Ctrl+PgDown")])
    preceding = _action(window, view, "Pre&vious tab", lambda: step_tab(window, -1))
    preceding.setShortcuts([QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+Shift+Backtab"),
                            QKeySequence("Ctrl+PgUp")])
    view.addSeparator()
    agreement = window.agreement_dock.toggleViewAction()
    agreement.setText("&Agreement")
    reminders = window.reminders_dock.toggleViewAction()
    reminders.setText("&Reminders")
    view.addActions([agreement, reminders])
    view.addSeparator()
    window.check_deal_action = _action(window, view, "&Check deal…", lambda: check_deal(window))
    _action(window, view, "Audit &trail…", lambda: _deal_file().show_audit(window))

    help_menu = window.menus["&Help"]
    _action(window, help_menu, "&Agreement text", lambda: window.show_clause("1"), Std.HelpContents)
    _action(window, help_menu, "A&bout RRA Desk", lambda: _about(window))


def _deal_file():
    from ui import deal_file_dialogs

    return deal_file_dialogs


def _tabs():
    from ui.main_window import TABS

    return TABS


def step_tab(window: MainWindow, step: int) -> None:
    """Ctrl+Tab / Ctrl+Shift+Tab: the next or previous tab, wrapping round at either end (as a
    browser's or Excel's sheet tabs do); the new tab's table takes the keyboard focus."""
    tabs = window.tabs
    tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())
    from ui.widgets.row_actions import table_of

    view = table_of(window.current_tab())
    if view is not None:
        view.setFocus()


def export_current_table(window: MainWindow):
    """File ▸ Export this table to Excel: the current tab's focused table, else its main one."""
    from ui.widgets.row_actions import table_of

    view = table_of(window.current_tab())
    if view is None:
        window.statusBar().showMessage("This tab has no table to export.", 3000)
        return None
    return view.row_actions.export()


def fill_recent(window: MainWindow) -> None:
    from ui import file_actions as fa
    from ui.settings import RECENT_FILES

    menu = window.recent_menu
    menu.clear()
    recent = RECENT_FILES.get(window.settings)
    for i, name in enumerate(recent):
        action = menu.addAction(f"&{i + 1} {fa.location_name(name)}")
        action.setToolTip(str(name))
        action.triggered.connect(lambda _c=False, p=name: fa.switch_to(window, p))
    menu.setEnabled(bool(recent))


def edit_deal_settings(window: MainWindow) -> None:
    """The deal's terms and parties (window-modal); the tabs refresh through ``dealChanged``."""
    from ui.dialogs.deal_settings import DealSettingsDialog

    dialog = DealSettingsDialog(window.context, window)
    dialog.open()
    window.deal_settings_dialog = dialog


def check_deal(window: MainWindow) -> None:
    """The findings ``rra-desktop check`` reports, as of the window's "today" (not modal: it
    follows the deal as it changes)."""
    from ui.dialogs.findings_dialog import FindingsDialog

    dialog = FindingsDialog(window.context, window)
    dialog.show()
    window.findings_dialog = dialog


def edit_preferences(window: MainWindow) -> None:
    """The preferences dialog (window-modal); on OK the reminders dock and status bar recount."""
    from ui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window.settings, window)
    dialog.accepted.connect(window.reminders.apply_preferences)
    dialog.open()
    window.preferences_dialog = dialog


def about_text(window: MainWindow) -> str:
    """The About box: the program and the deal open in it, nothing of any other deal."""
    from rra_desktop import __version__
    from ui.formatting import escape

    title = ""
    if getattr(window.context, "store", None) is not None:
        title = f"<br><br>Open deal: {escape(window.context.deal().terms.title)}"
    return (f"<b>RRA Desk</b> {__version__}<br>Administers a Registration Rights Agreement after the private "
            "placement closes: Holders, deadlines, blackouts, notices and the audit trail, in one file per deal."
            "<br>Its rules read the 2003 form of agreement; Edit ▸ Deal settings ▸ Rules applied lists the "
            f"periods it applies.{title}")


def _about(window: MainWindow) -> None:
    from ui.qt import QMessageBox

    QMessageBox.about(window, "About RRA Desk", about_text(window))
