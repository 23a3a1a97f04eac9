"""The register of consents, waivers and agreed extensions (7(f); 3(a), 3(e), 7(b) likewise).

Each row is one instrument: its date, what it covers (and the deadline it moves or waives), who
gave it, and the majority count as the audit trail recorded it when it was entered: the
Registrable Securities of the Holders who gave it, the total counted on its date (7(o)
exclusions applied), their share and what a majority needs (more than half). The detail pane
adds who recorded it and when, any override reason, and a recount from the register as it now
stands, flagged when it differs from the count recorded (``services.consents``).

Record… opens the consents dialog; Edit… (Enter, double-click) re-records an instrument, which
counts again as of its date; Remove… takes out a record made in error, after a confirmation
naming the deadline that returns to its date as written. Choice: the agreement gives no way to
take back a consent once given, so the button says "Remove" (a record), not "Withdraw"; every
one of these is one undoable, audited action.
"""

from __future__ import annotations

from ui.formatting import fmt_date, fmt_shares, plural
from ui.models.consents import COL_COVERS, COL_DOCUMENT, COL_SIGNED, ConsentRow, ConsentsModel, covers_text, share_text
from ui.qt import QLabel, QPushButton, QSplitter, Qt, QVBoxLayout, QWidget
from ui.widgets.clause_browser import ClauseBrowser, clause_link, definition_table, esc
from ui.widgets.record_dialog import button_row, confirm_and_perform
from ui.widgets.record_table import RecordTable
from ui.widgets.row_actions import RowAction


def recorded_when(at: str) -> str:
    """The trail's UTC stamp ("2026-12-02T01:40:00+00:00") as the screens write a date."""
    import datetime as dt

    try:
        return fmt_date(dt.datetime.fromisoformat(at.replace("Z", "+00:00")).date())
    except ValueError:
        return at


class ConsentsTab(QWidget):
    title = "Consents and waivers"

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = ConsentsModel(self)
        self.table = RecordTable(self.model, "Consents and waivers", self, stretch=COL_COVERS)
        self.table.column_caps = {COL_COVERS: 300, COL_SIGNED: 240, COL_DOCUMENT: 240}
        self.table.set_empty_text("No consents, waivers or extensions recorded. Record… records one with the "
                                  "majority count as of its date (7(f)).")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Register summary")
        self.detail = ClauseBrowser(context, "Consent detail", self)
        self.record_button = QPushButton("&Record…", self)
        self.record_button.setToolTip("Record a consent, waiver or agreed extension with who gave it")
        self.edit_button = QPushButton("Ed&it…", self)
        self.remove_button = QPushButton("Re&move…", self)
        self.remove_button.setToolTip("Remove a record made in error (Edit ▸ Undo brings it back)")
        buttons = button_row(self.record_button, self.edit_button, self.remove_button, lead=self.summary)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([380, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.record_button.clicked.connect(self.record)
        self.edit_button.clicked.connect(lambda: self.edit(self.table.current()))
        self.remove_button.clicked.connect(lambda: self.remove(self.table.current()))
        self.table.openRequested.connect(self.edit)
        self.table.deleteRequested.connect(self.remove)
        self.table.currentRecordChanged.connect(self._selected)
        writable = lambda row: row is not None and not self.context.read_only  # noqa: E731
        self.table.row_actions.set_actions([
            RowAction("Ed&it…", self.edit, writable, enter=True),
            RowAction("Re&move…", self.remove, writable),
        ])
        context.dealChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from rra_desktop.services.consents import consent_register

        entries = consent_register(self.context.store)
        titles = {d.key: d.title for d in self.context.deadlines()} if any(
            e.instrument.deadline_key for e in entries) else {}
        self.table.show_rows([ConsentRow(e, covers_text(e, titles)) for e in entries])
        kinds = [e.instrument.kind.value for e in entries]
        counts = [plural(kinds.count(k), k) for k in ("consent", "waiver", "extension") if kinds.count(k)]
        self.summary.setText(", ".join(counts) + " recorded" if counts else "")
        self.record_button.setEnabled(not self.context.read_only)
        self._selected(self.table.current())

    def _selected(self, row: ConsentRow | None) -> None:
        writable = row is not None and not self.context.read_only
        self.edit_button.setEnabled(writable)
        self.remove_button.setEnabled(writable)
        self.detail.setHtml(self._detail_html(row) if row else "<p>No instrument selected.</p>")

    def _detail_html(self, row: ConsentRow) -> str:
        e = row.entry
        i = e.instrument
        count = (f"{fmt_shares(e.consenting)} of {fmt_shares(e.total)} Registrable Securities ({share_text(e)}); "
                 f"a majority needs more than {fmt_shares(e.total // 2)}: "
                 f"<b>{'a majority' if e.majority else 'not a majority'}</b>")
        rows = [
            ("Instrument", f"{esc(i.kind.value.capitalize())} under {clause_link(i.clause)}, dated {fmt_date(i.on)}"),
            ("Covers", esc(row.covers)),
            ("Given by", "<br>".join(esc(n) for n in e.signatories)),
            ("Count as recorded" if e.recorded else "Count (recounted)", count),
            ("7(f)", esc(e.basis) + (" ✓ the Company and each Holder signed" if e.company_and_each_holder else "")),
        ]
        if e.override:
            rows.append(("Override reason", esc(e.override)))
        if e.recorded:
            rows.append(("Recorded", f"{recorded_when(e.recorded.at)} by {esc(e.recorded.user)}"))
            if e.recount_differs:
                rows.append(("Recount today", f"<span style='color:#b00020'>{fmt_shares(e.recount.numerator)} of "
                             f"{fmt_shares(e.recount.denominator)} on {fmt_date(i.on)} from the register as it now "
                             "stands: a ledger row dated on or before the instrument changed since it was "
                             "recorded.</span>"))
        else:
            rows.append(("Recorded", "the audit trail holds no count for it (it came in with a deal file); the "
                         "count shown is a recount as of its date"))
        if e.recount.excluded:
            rows.append(("Not counted (7(o))", esc(", ".join(p.name for p in e.recount.excluded))))
        rows.append(("Document", esc(i.document)))
        return definition_table(rows)

    def record(self) -> None:
        from ui.dialogs.consent_dialog import ConsentDialog

        dialog = ConsentDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def edit(self, row: ConsentRow | None) -> None:
        if row is None or self.context.read_only:
            return
        from ui.dialogs.consent_dialog import ConsentDialog

        dialog = ConsentDialog(self.context, self, instrument=row.entry.instrument)
        dialog.exec()
        dialog.deleteLater()

    def remove(self, row: ConsentRow | None) -> None:
        if row is None or self.context.read_only:
            return
        from rra_desktop.services import instruments as service

        i = row.entry.instrument
        what = f"the {i.kind.value} under {i.clause} dated {fmt_date(i.on)} ({i.description})"
        effect = ""
        if i.deadline_key:
            effect = " The deadline it sets returns to the date it would have without it."
        confirm_and_perform(self, self.context, "Remove instrument", f"Remove the record of {what}?{effect} "
                            "Edit ▸ Undo brings it back; the audit trail keeps both.", service.remove_instrument, i.id)
