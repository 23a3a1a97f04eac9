"""The deal library window: a home view listing every deal of the practice, and the agenda across
them (File ▸ Deal library…, Ctrl+L).

Home: Company, agreement date, Closing, next deadline, overdue count, last change and by whom;
a deal that cannot be read shows why. Double-click (or Enter) opens the deal in the main window.
Agenda: every overdue, due-soon and upcoming item, filtered by deal, party and horizon (Business
Days), sortable by any column, exported as .xlsx or .ics (the same UIDs as each deal's own export).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rra_desktop.practice.agenda import GROUP_LABELS, OVERDUE, Agenda
from ui import settings as cfg
from ui.errors import show_error
from ui.formatting import fmt_date, plural
from ui.practice_data import PracticeData, add_location, remove_location
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSortFilterProxyModel,
    QSpinBox,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
LOCATION_ROLE = Qt.ItemDataRole.UserRole + 2
HOME_COLUMNS = ("Deal", "Agreement date", "Closing", "Next deadline", "Overdue", "Last change", "By", "File / problem")
AGENDA_COLUMNS = ("When", "In force", "Deal", "Clause", "Party", "Deadline")
PARTIES = ("All parties", "Company", "Holders", "counsel")


def _cell(text: str, sort=None, location: str | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(text if sort is None else sort, SORT_ROLE)
    if location is not None:
        item.setData(location, LOCATION_ROLE)
    return item


def _table(name: str, model: QStandardItemModel) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the agenda's own order first
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view, proxy


def _short_name(location: str) -> str:
    """A deal's file name, or a server deal's name (a server's own address when it names none)."""
    from ui.file_actions import is_server, location_name

    if is_server(location) and "deal=" not in location:
        return location
    return location_name(location)


def _changed_at(text: str | None) -> tuple[str, str]:
    """The audit trail's UTC time as the user's local date and time, and a sortable key."""
    if not text:
        return "", ""
    try:
        when = dt.datetime.fromisoformat(text).astimezone()
    except ValueError:
        return text, text
    return f"{fmt_date(when.date())} {when:%H:%M}", when.isoformat()


class HomeView(QWidget):
    """Every library deal, one row each; ``openRequested(path)`` on double-click or Enter."""

    openRequested = Signal(str)
    newDealRequested = Signal(str)  # a named connection's name: make a new deal on that server

    def __init__(self, data: PracticeData, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.model = QStandardItemModel(0, len(HOME_COLUMNS))
        self.model.setHorizontalHeaderLabels(HOME_COLUMNS)
        self.table, self.proxy = _table("Deals in the library", self.model)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.summary = QLabel()
        self.add_folder_button = QPushButton("Add &folder…")
        self.add_file_button = QPushButton("Add fi&le…")
        self.add_server_button = QPushButton("Add &server…")
        self.new_deal_button = QPushButton("&New deal on a server…")
        self.remove_button = QPushButton("&Remove from library")
        self.refresh_button = QPushButton("Re&fresh")
        self.add_folder_button.clicked.connect(self.add_folder)
        self.add_file_button.clicked.connect(self.add_file)
        self.add_server_button.clicked.connect(self.add_server)
        self.new_deal_button.clicked.connect(self.new_deal_here)
        self.remove_button.clicked.connect(self.remove_selected)
        self.refresh_button.clicked.connect(data.reload)
        buttons = QHBoxLayout()
        for b in (self.add_folder_button, self.add_file_button, self.add_server_button, self.new_deal_button,
                  self.remove_button, self.refresh_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        data.changed.connect(self.refresh)

    def refresh(self) -> None:
        agenda = self.data.agenda()
        self.model.setRowCount(0)
        for e in agenda.entries:
            self.model.appendRow(self._row(agenda, e))
        for location, doing in self.data.pending.values():  # a server still being listed or read
            cells = [_cell(doing, location=location), *(_cell("", location=location) for _ in HOME_COLUMNS[1:])]
            cells[0].setForeground(Qt.GlobalColor.darkGray)
            self.model.appendRow(cells)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 420))
        bad = len(agenda.problems)
        self.summary.setText(f"{plural(len(agenda.entries), 'deal')} in the library, as of {fmt_date(agenda.today)}; "
                             + plural(len(agenda.overdue), "overdue item") + (f"; {bad} cannot be read" if bad else "")
                             + ("; reading…" if self.data.busy else ""))

    def _row(self, agenda: Agenda, e) -> list[QStandardItem]:
        loc = e.location
        if e.summary is None:
            reason = e.problem.replace(f"{loc}: ", "").replace(loc, "").lstrip(" :") or e.problem
            cells = [_cell(_short_name(loc), location=loc), _cell("", location=loc), _cell("", location=loc),
                     _cell(f"Cannot be read: {reason}", "", loc), *(_cell("", location=loc) for _ in range(3)),
                     _cell(e.problem, location=loc)]
            for cell in cells:
                cell.setToolTip(e.problem)
            cells[3].setForeground(Qt.GlobalColor.darkRed)
            return cells
        s = e.summary
        nxt = agenda.next_item(e)
        overdue = agenda.overdue_count(e)
        changed, changed_key = _changed_at(s.last_change_at)
        nxt_text = "" if nxt is None else f"{fmt_date(nxt.deadline.in_force)}: {nxt.deadline.title}"
        cells = [_cell(e.name, location=loc),
                 _cell(fmt_date(s.agreement_date), s.agreement_date.isoformat(), loc),
                 _cell(fmt_date(s.closing_date), s.closing_date.isoformat() if s.closing_date else "", loc),
                 _cell(nxt_text, nxt.deadline.in_force.isoformat() if nxt else "9999", loc),
                 _cell(str(overdue), overdue, loc),
                 _cell(changed, changed_key, loc),
                 _cell(s.last_change_by or "", location=loc),
                 _cell(loc, location=loc)]
        if overdue:
            cells[4].setForeground(Qt.GlobalColor.darkRed)
        return cells

    def selected_location(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(LOCATION_ROLE) if rows else None

    def _open(self, index) -> None:
        location = index.data(LOCATION_ROLE)
        if location and location not in {loc for loc, _ in self.data.pending.values()}:
            self.openRequested.emit(location)

    def add_folder(self, folder: str | None = None) -> None:
        folder = folder or QFileDialog.getExistingDirectory(self, "Add a folder of deals to the library")
        if folder:
            add_location(self.data.settings, folder)
            self.data.reload()

    def add_file(self, path: str | None = None) -> None:
        path = path or QFileDialog.getOpenFileName(self, "Add a deal to the library", "",
                                                   "RRA Desk deal (*.rradeal)")[0]
        if path:
            add_location(self.data.settings, path)
            self.data.reload()

    def add_server(self):
        """A named connection to a deal server (the dialog; its deals are listed once it is kept)."""
        from ui.dialogs.server_connection import ServerConnectionDialog

        dialog = ServerConnectionDialog(self.data.settings, self)
        dialog.accepted.connect(self.data.reload)
        self.server_dialog = dialog
        dialog.open()
        return dialog

    def new_deal_here(self) -> None:
        """A new deal on the selected row's server (else the first named connection's)."""
        from ui.practice_data import named_connections

        location = self.selected_location() or ""
        servers = named_connections(self.data.settings)
        chosen = next((c for c in servers if location.startswith(c.url)), servers[0] if servers else None)
        if chosen is None:
            show_error(self, "No deal server", "Add a server first (Add server…): its deals are listed here.")
            return
        self.newDealRequested.emit(chosen.name)

    def remove_selected(self) -> None:
        from ui.practice_data import named_connections, remove_connection

        location = self.selected_location()
        server = next((c for c in named_connections(self.data.settings) if location and location.startswith(c.url)),
                      None)
        if server is not None:  # a server's deal: the named connection goes (the deals stay on the server)
            remove_connection(self.data.settings, server.name)
            self.data.reload()
        elif location:
            for kept in cfg.LIBRARY_LOCATIONS.get(self.data.settings):
                if location == kept or location.startswith(kept.rstrip("/") + "/"):
                    location = kept  # a deal found in an added folder: the folder goes
            remove_location(self.data.settings, location)
            self.data.reload()


class AgendaView(QWidget):
    """The agenda across the library's deals, with its filters and exports."""

    def __init__(self, data: PracticeData, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        self.agenda: Agenda | None = None
        self.model = QStandardItemModel(0, len(AGENDA_COLUMNS))
        self.model.setHorizontalHeaderLabels(AGENDA_COLUMNS)
        self.table, self.proxy = _table("Agenda across deals", self.model)
        self.table.horizontalHeader().setSectionResizeMode(len(AGENDA_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.deal_box = QComboBox()
        self.deal_box.setAccessibleName("Deal")
        self.party_box = QComboBox()
        self.party_box.setAccessibleName("Party")
        self.party_box.addItems(PARTIES)
        self.horizon = QSpinBox()
        self.horizon.setAccessibleName("Horizon in Business Days")
        self.horizon.setRange(0, 260)
        self.horizon.setSuffix(" Business Days")
        self.horizon.setValue(cfg.REMINDER_HORIZON.get(data.settings))
        self.xlsx_button = QPushButton("Export .&xlsx…")
        self.ics_button = QPushButton("Export .&ics…")
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        self.ics_button.clicked.connect(lambda: self.export_ics())
        self.summary = QLabel()
        filters = QHBoxLayout()
        for label, widget in (("&Deal:", self.deal_box), ("&Party:", self.party_box), ("Due soon &within:",
                                                                                     self.horizon)):
            text = QLabel(label)
            text.setBuddy(widget)
            filters.addWidget(text)
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.xlsx_button)
        filters.addWidget(self.ics_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.deal_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.party_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.horizon.valueChanged.connect(lambda _v: self.refresh())
        data.changed.connect(self._deals_changed)

    def _deals_changed(self) -> None:
        current = self.deal_box.currentData()
        self.deal_box.blockSignals(True)
        self.deal_box.clear()
        self.deal_box.addItem("All deals", None)
        for e in self.data.entries:
            if e.readable:
                self.deal_box.addItem(e.name, e.location)
        index = self.deal_box.findData(current)
        self.deal_box.setCurrentIndex(max(index, 0))
        self.deal_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        party = self.party_box.currentText()
        self.agenda = self.data.agenda(self.horizon.value(), None if party == PARTIES[0] else [party],
                                       self.deal_box.currentData())
        self.model.setRowCount(0)
        for i in self.agenda.items:
            d = i.deadline
            row = [_cell(GROUP_LABELS[i.group], (i.group != OVERDUE) + (i.group == "upcoming")),
                   _cell(fmt_date(d.in_force), d.in_force.isoformat()), _cell(i.deal.name), _cell(d.clause),
                   _cell(str(d.party)), _cell(d.title)]
            for cell in row:
                cell.setData(i.deal.location, LOCATION_ROLE)
                cell.setToolTip(d.explanation)
            if i.group == OVERDUE:
                row[0].setForeground(Qt.GlobalColor.darkRed)
            self.model.appendRow(row)
        self.table.resizeColumnsToContents()
        counts = {g: sum(1 for i in self.agenda.items if i.group == g) for g in GROUP_LABELS}
        bad = len(self.agenda.problems)
        self.summary.setText(f"As of {fmt_date(self.agenda.today)}: {counts['overdue']} overdue, "
                             f"{counts['due_soon']} due within {self.agenda.horizon} Business Days, "
                             f"{counts['upcoming']} upcoming" + (f"; {plural(bad, 'deal')} cannot be read (see Home)"
                                                                 if bad else ""))

    def visible_items(self):
        """The items in the order the table shows them (after sorting)."""
        by_row = {}
        for i, item in enumerate(self.agenda.items if self.agenda else ()):
            by_row[i] = item
        order = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(self.proxy.rowCount())]
        return [by_row[r] for r in order]

    def export_xlsx(self, path: str | None = None) -> Path | None:
        from rra_desktop.practice.export import agenda_xlsx

        path = path or QFileDialog.getSaveFileName(self, "Export the agenda", "agenda.xlsx",
                                                   "Excel workbook (*.xlsx)")[0]
        if not path:
            return None
        from rra_desktop.outputs import OutputRefused, private_target

        title = f"Agenda as of {self.agenda.today.isoformat()}"
        try:
            with private_target(Path(path)) as temporary:
                agenda_xlsx(self.visible_items(), temporary, title)
        except (OSError, OutputRefused) as exc:
            show_error(self, "The agenda was not exported", str(exc))
            return None
        return Path(path)

    def export_ics(self, path: str | None = None) -> Path | None:
        from rra_desktop.practice.export import agenda_ics

        path = path or QFileDialog.getSaveFileName(self, "Export the agenda as a calendar", "agenda.ics",
                                                   "iCalendar (*.ics)")[0]
        if not path:
            return None
        shown = Agenda(self.agenda.today, self.agenda.horizon, self.agenda.entries, tuple(self.visible_items()))
        from rra_desktop.outputs import OutputRefused, write_private

        try:
            write_private(Path(path), agenda_ics(shown))
        except (OSError, OutputRefused) as exc:
            show_error(self, "The agenda was not exported", str(exc))
            return None
        return Path(path)


class PracticeWindow(QMainWindow):
    """Home and Agenda in two tabs over one ``PracticeData``."""

    def __init__(self, data: PracticeData, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("practice_window")
        self.setWindowTitle("Deal library — RRA Desk")
        self.data = data
        self.tabs = QTabWidget()
        self.home = HomeView(data)
        self.agenda = AgendaView(data)
        self.tabs.addTab(self.home, "&Home")
        self.tabs.addTab(self.agenda, "&Agenda")
        self.setCentralWidget(self.tabs)
        self.resize(1100, 520)


def practice_data(main) -> PracticeData:
    """The main window's library data (made once; "today" is the deal context's)."""
    if getattr(main, "practice_data", None) is None:
        main.practice_data = PracticeData(main.settings, today=main.context.today, parent=main)
    return main.practice_data


def show_library(main) -> PracticeWindow:
    """File ▸ Deal library…: the library window, read afresh (the cache keeps that quick)."""
    data = practice_data(main)
    if getattr(main, "practice_window", None) is None:
        main.practice_window = PracticeWindow(data, main)
        main.practice_window.setWindowFlag(Qt.WindowType.Window)
        main.practice_window.home.openRequested.connect(lambda path: open_from_library(main, path))
        main.practice_window.home.newDealRequested.connect(lambda name: _new_deal_on(main, name))
    data.reload()
    main.practice_window.show()
    main.practice_window.raise_()
    return main.practice_window


def _new_deal_on(main, connection: str):
    from ui.file_actions import new_deal

    main.raise_()
    main.activateWindow()
    return new_deal(main, server=connection)


def open_from_library(main, location: str):
    from ui import file_actions

    if file_actions.is_server(location):
        opened = file_actions.switch_to(main, location)
        main.raise_()
        main.activateWindow()
        return opened
    if not Path(location).exists():
        show_error(main, "Cannot open the deal", f"{location} no longer exists")
        return False
    opened = file_actions.switch_to(main, Path(location))
    main.raise_()
    main.activateWindow()
    return opened


def start_library_reminders(main):
    """Reminders over every library deal (tray notifications), beside the open deal's own."""
    from ui.practice_data import LibraryReminders

    data = practice_data(main)
    tray = getattr(getattr(main, "reminders", None), "tray", None)
    def open_location():
        store = getattr(main.context, "store", None)
        if store is None:
            return None
        return str(store.path) if isinstance(store.path, str) else str(store.path.resolve())

    reminders = LibraryReminders(data, tray, open_location, main)
    main.library_reminders = reminders
    reminders.start()
    data.reload()
    return reminders
