"""Prepare a notice: which letter, to whom, how and when it is sent; one letter to preview, or
the whole batch off the GUI thread (one PDF per Holder and a combined PDF), then "Print all".

A letter made here is a draft: written and shown, not logged, and the undo history is left
alone. "Record as sent…" logs it once it has gone out (``ui.letters.record_sent``): the notice
log is evidence under 7(g) and cannot be undone, so it is written only on purpose.
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from pathlib import Path

from reports.batch import BatchResult, MadeLetter, discard, letter_bytes, write_batch, write_bytes
from reports.batch import file_name as letter_file_name
from reports.catalog import KINDS, build_letters, kind_of
from reports.letters import METHODS, NoticeRefused, NoticeRequest
from reports.templates import TemplateError
from rra_desktop.domain.addresses import addressed_as_of
from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.letter_kinds import LETTERS, Concerns, LetterKind, letter
from rra_desktop.domain.model import RegistrationKind
from rra_desktop.notice_files import keeper
from rra_desktop.outputs import OutputRefused, unused_path
from ui.errors import show_error
from ui.formatting import fmt_date, trail_line
from ui.letters.preview import PdfPreviewDialog, print_pdfs
from ui.letters.record_sent import Draft, RecordSentDialog, record_sent, would_record
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
)
from ui.tasks import run_in_background
from ui.widgets.date_field import DateTimeField

EVENTS = ("", "i", "ii", "stop-order", "proceedings", "iii", "iv", "no-review", "review", "comments")

# Which recorded item each letter is about, by the NoticeRequest field the command line's
# --registration/--blackout/--claim/--assignment fill: the letter registry's ``concerns``. Choice:
# the piggy-back notice is about a Company registration (7(d)), so it lists those; the other
# registration letters list the Holders' shelf and its amendments. Kinds without ``concerns``
# concern no single record.
CONCERNS = {k.value: s.concerns.field for k, s in LETTERS.items() if s.concerns is not None}


class PrepareNoticeDialog(QDialog):
    def __init__(self, context, parent=None, kind: str | None = None, holder_ids=None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Prepare notice")
        self.resize(640, 620)
        self.last_batch: BatchResult | None = None
        self.preview: PdfPreviewDialog | None = None
        deal = context.deal()
        self.kind = QComboBox(self)
        for k in KINDS.values():
            self.kind.addItem(f"{k.label} ({k.clause})", k.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind or LetterKind.BLACKOUT.value)))
        self.concerning = QComboBox(self)
        self.concerning_label = QLabel("&Concerning:", self)
        self.concerning_label.setBuddy(self.concerning)
        self.recipients = QListWidget(self)
        self._chosen_ids = holder_ids
        for h in deal.holders:
            item = QListWidgetItem(h.name, self.recipients)
            item.setData(Qt.ItemDataRole.UserRole, h.id)
        self.method = QComboBox(self)
        self.method.addItems(list(METHODS))
        self.sent_at = DateTimeField(_default_sent_at(context), "Sent at (Eastern)", self)
        self._tick_holders_on(self.sent_at.value().date())
        self.sent_at.valueChanged.connect(lambda at: at is not None and self._tick_holders_on(at.date()))
        self.event = QComboBox(self)
        self.event.addItems(list(EVENTS))
        self.document = QLineEdit(self)
        self.document.setPlaceholderText("the document concerned, or a description (optional)")
        self.folder = QLineEdit(str(_default_folder(context)), self)
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._browse)
        self.docx = QCheckBox("Also write an editable .docx of each letter", self)
        self.draft: Draft | None = None
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        for widget, name in ((self.kind, "Notice"), (self.concerning, "Concerning"),
                             (self.recipients, "Recipients"), (self.method, "Method"),
                             (self.sent_at, "Sent at (Eastern)"), (self.event, "Event"),
                             (self.document, "Document"), (self.folder, "Save to folder")):
            widget.setAccessibleName(name)
        self._build_layout(browse)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _build_layout(self, browse) -> None:
        form = QFormLayout()
        form.addRow("&Notice:", self.kind)
        form.addRow(self.concerning_label, self.concerning)
        pick = QHBoxLayout()
        self.all_button, self.none_button = QPushButton("All", self), QPushButton("None", self)
        for b, state in ((self.all_button, Qt.CheckState.Checked), (self.none_button, Qt.CheckState.Unchecked)):
            b.setAccessibleName(f"Tick {b.text().lower()} recipients")
            b.clicked.connect(lambda _=False, s=state: self._check_all(s))
            pick.addWidget(b)
        pick.addStretch(1)
        form.addRow("&Recipients:", self.recipients)
        form.addRow("", pick)
        form.addRow("&Method:", self.method)
        form.addRow("&Sent at (Eastern):", self.sent_at)
        form.addRow("&Event:", self.event)
        form.addRow("&Document:", self.document)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        save_to = QLabel("Save &to:", self)  # a label made by addRow(str, layout) has no buddy: "&" showed
        save_to.setBuddy(self.folder)
        form.addRow(save_to, where)
        form.addRow("", self.docx)
        self.generate_button = QPushButton("&Generate and preview", self)
        self.batch_button = QPushButton("Generate &all", self)
        self.print_button = QPushButton("&Print all…", self)
        self.print_button.setEnabled(False)
        self.record_button = QPushButton("Rec&ord as sent…", self)
        self.record_button.setEnabled(False)
        self.record_button.setToolTip("Log the letters just generated in the notice log, once they have gone out")
        self.record_button.clicked.connect(lambda: self.ask_record_sent())
        close = QPushButton("Close", self)
        self.generate_button.clicked.connect(lambda: self.generate())
        self.batch_button.clicked.connect(lambda: self.generate_all())
        self.print_button.clicked.connect(lambda: self.print_all())
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.generate_button, self.batch_button, self.print_button, self.record_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        # The All/None buttons were made after the fields, so Tab reached them last: put them
        # right after the list they act on.
        chain = (self.kind, self.concerning, self.recipients, self.all_button, self.none_button, self.method,
                 self.sent_at, self.event, self.document, self.folder, browse, self.docx,
                 self.generate_button, self.batch_button, self.print_button, self.record_button, close)
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)

    # -- inputs ------------------------------------------------------------------------------
    def _check_all(self, state) -> None:
        for i in range(self.recipients.count()):
            self.recipients.item(i).setCheckState(state)

    def _tick_holders_on(self, day: dt.date) -> None:
        """Tick the Holders in force on the letter's sending date: those holding Registrable
        Securities that day, a transferee only from its assignment's 7(i) effective date (the
        transferor until then). A selection passed in by the caller is kept as given. Each line
        shows the Holder's 7(g) address in force that day (the full address in its tooltip)."""
        if self._chosen_ids is not None:
            held = set(self._chosen_ids)
        else:
            held = {p.holder_id for p in register_as_of(self.context.deal(), day, rights=True) if p.registrable > 0}
        addressed = {h.id: h for h in addressed_as_of(self.context.deal(), day).holders}
        for i in range(self.recipients.count()):
            item = self.recipients.item(i)
            holder = addressed.get(item.data(Qt.ItemDataRole.UserRole))
            on = item.data(Qt.ItemDataRole.UserRole) in held
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if holder is not None:  # the 7(g) address in force on the sending date
                item.setText(f"{holder.name} — {', '.join(holder.address_lines)}" if holder.address_lines
                             else holder.name)
                item.setToolTip("\n".join((holder.name, *holder.address_lines,
                                           *([f"Attention: {holder.attention}"] if holder.attention else []),
                                           *([f"Fax: {holder.fax}"] if holder.fax else []))))

    def _kind_changed(self) -> None:
        k = kind_of(self.kind.currentData())
        self.recipients.setEnabled(k.to_holders)
        self.event.setEnabled(k.spec.takes_event)
        self._fill_concerning(k.name)

    def _fill_concerning(self, kind: str) -> None:
        """The records the letter can be about, newest last and chosen: the one the letter
        generator takes when none is named (the latest)."""
        field = CONCERNS.get(kind)
        self.concerning.clear()
        self.concerning.setVisible(field is not None)
        self.concerning_label.setVisible(field is not None)
        if field is None:
            return
        items = concerning_items(self.context.deal(), kind, field)
        for text, record_id in items:
            self.concerning.addItem(text, record_id)
        if not items:
            self.concerning.addItem("(none recorded)", None)
        self.concerning.setEnabled(bool(items))
        self.concerning.setCurrentIndex(self.concerning.findData(default_concerning(self.context.deal(), kind, items)))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Save letters to", self.folder.text())
        if folder:
            self.folder.setText(folder)

    def selected_ids(self) -> tuple[str, ...]:
        items = (self.recipients.item(i) for i in range(self.recipients.count()))
        return tuple(it.data(Qt.ItemDataRole.UserRole) for it in items if it.checkState() == Qt.CheckState.Checked)

    def request(self) -> NoticeRequest:
        k = kind_of(self.kind.currentData())
        ids = self.selected_ids() if k.to_holders else ()
        if k.to_holders and not ids:
            raise NoticeRefused("Tick at least one Holder to send the notice to.")
        if self.sent_at.problem():
            raise NoticeRefused(f"Sent at: {self.sent_at.problem()}")
        sent = self.sent_at.value()
        about = {CONCERNS[k.name]: self.concerning.currentData()} if k.name in CONCERNS else {}
        return NoticeRequest(k.name, sent.replace(second=0, microsecond=0), self.method.currentText(), ids,
                             event=self.event.currentText() or None, document=self.document.text().strip() or None,
                             **about)

    # -- actions -----------------------------------------------------------------------------
    def generate(self) -> Path | None:
        """One letter (the first recipient's), written and shown in the preview: a draft."""
        try:
            request = self.request()
            letters = build_letters(self.context.deal(), request)[:1]
        except (NoticeRefused, TemplateError) as exc:
            self._refused(exc)
            return None
        folder = Path(self.folder.text())
        # a letter the notice log holds a hash for is never overwritten: the new one is "NAME (2).pdf"
        path = unused_path(folder / letter_file_name(letters[0], request.sent_at.date().isoformat()),
                           keeper(self.context.deal()))
        try:
            made = [MadeLetter(letters[0], path, write_bytes(path, letter_bytes(letters[0])))]
        except OutputRefused as exc:
            self._refused(exc)
            return None
        self._write_docx(made)
        if not self._keep_draft(Draft(request, tuple(made))):
            return None
        self.status.setText(f"Draft written: {path.name}. Not in the notice log: once it has gone out, "
                            "click Record as sent.")
        self.preview = PdfPreviewDialog(path, self)
        self.preview.show()
        return path

    def generate_all(self):
        """Every selected letter off the GUI thread: drafts, until Record as sent."""
        try:
            request = self.request()
        except NoticeRefused as exc:
            self._refused(exc)
            return None
        deal, folder = self.context.deal(), Path(self.folder.text())
        with_docx = self.docx.isChecked()
        keep = keeper(deal)

        def work(progress):
            letters = build_letters(deal, request)
            result = write_batch(letters, folder, request.sent_at.date().isoformat(), progress, keep=keep)
            if with_docx and not result.cancelled:
                write_batch(letters, folder, request.sent_at.date().isoformat(), docx=True, keep=keep)
            return result

        def done(result: BatchResult) -> None:
            if result.made and not self._keep_draft(Draft(request, tuple(result.made), result.combined)):
                return
            self.last_batch = result
            self.print_button.setEnabled(bool(result.made))
            state = "Cancelled after writing" if result.cancelled else "Drafts written:"
            n = len(result.made)
            self.status.setText(f"{state} {n} letter{'' if n == 1 else 's'} to {folder}"
                                + (f"; combined: {result.combined.name}" if result.combined else "")
                                + ". Not in the notice log until Record as sent.")

        return run_in_background(self, "Preparing letters", work, done, self._refused)

    def print_all(self, printer=None) -> int:
        if self.last_batch is None:
            return 0
        batch = self.last_batch
        paths = [batch.combined] if batch.combined else [m.path for m in batch.made]
        return print_pdfs(paths, self, printer)

    def _write_docx(self, made: list[MadeLetter]) -> None:
        if self.docx.isChecked():
            for m in made:
                write_bytes(m.path.with_suffix(".docx"), letter_bytes(m.letter, docx=True))

    def _keep_draft(self, draft: Draft) -> bool:
        """Keep the letters as the draft to record; False when the notice log would refuse them,
        after deleting every file just written (letters, .docx copies, combined PDF)."""
        try:
            would_record(self.context.store, draft)
        except Exception as exc:  # refused: nothing was written to the deal
            written = [m.path for m in draft.made] + [m.path.with_suffix(".docx") for m in draft.made]
            discard(written + ([draft.combined] if draft.combined else []), keeper(self.context.deal()))
            self._refused(f"Not written (the files were deleted): {exc}")
            if "Refused" not in type(exc).__name__:  # a fault, not a rule: the details dialog
                show_error(self, "Notice log", exc)
            return False
        self.draft = draft
        self.record_button.setEnabled(True)
        return True

    def ask_record_sent(self) -> RecordSentDialog | None:
        """The Record as sent dialog for the draft (window-modal); OK logs the letters."""
        if self.draft is None:
            return None
        dialog = RecordSentDialog(self.draft, self)
        dialog.accepted.connect(lambda: self._record(dialog))
        self.record_dialog = dialog
        dialog.open()
        return dialog

    def _record(self, dialog: RecordSentDialog) -> None:
        try:
            record_sent(self.context, self.draft, dialog.sent_at.value(), dialog.chosen())
        except Exception as exc:
            self._refused(f"Not logged: {exc}")
            if "Refused" not in type(exc).__name__:
                show_error(self, "Notice log", exc)
            return
        n = len(dialog.chosen())
        self.status.setText(f"Recorded {n} letter{'' if n == 1 else 's'} as sent in the notice log. "
                            + trail_line(self.context.store))
        self.draft = None
        self.record_button.setEnabled(False)

    def _refused(self, exc) -> None:
        self.status.setText(f"<span style='color:#a00'>{exc}</span>")


def concerning_items(deal, kind: str, field: str) -> list[tuple[str, str]]:
    """(label, id) of the records ``kind`` may concern, ordered so the latest is last."""
    if field == "registration_id":
        company = RegistrationKind.COMPANY_REGISTRATION
        about_company = getattr(letter(kind), "concerns", None) is Concerns.COMPANY_REGISTRATION
        regs = [r for r in deal.registrations if (r.kind == company) == about_company]
        return [(_registration_label(r), r.id) for r in regs]
    if field == "blackout_id":
        return [(f"Blackout {fmt_date(b.start)} – {fmt_date(b.end) if b.end else 'open'}: {b.facts}", b.id)
                for b in sorted(deal.blackouts, key=lambda b: b.start)]
    if field == "claim_id":
        return [(f"{c.clause.value} claim: {c.proceeding}", c.id) for c in deal.claims]
    names = {h.id: h.name for h in deal.holders}
    return [(f"{fmt_date(a.on)}: {names.get(a.transferor_id, a.transferor_id)} to "
             f"{names.get(a.transferee_id, a.transferee_id)}, {a.quantity:,} {a.security}", a.id)
            for a in deal.assignments]


def default_concerning(deal, kind: str, items: list[tuple[str, str]]) -> str | None:
    """The id the letter generator takes when none is named: the latest listed, except that the
    effectiveness letters take the latest Section 2 shelf (exhibit_a.effectiveness), not an amendment."""
    if getattr(letter(kind), "concerns", None) is Concerns.SHELF:
        shelves = [r.id for r in deal.registrations if r.kind == RegistrationKind.SECTION_2_SHELF]
        if shelves:
            return shelves[-1]
    return items[-1][1] if items else None


def _registration_label(r) -> str:
    kind = {RegistrationKind.SECTION_2_SHELF: "Section 2 shelf", RegistrationKind.AMENDMENT: "Amendment",
            RegistrationKind.COMPANY_REGISTRATION: "Company registration"}[r.kind]
    filed = f", filed {fmt_date(r.filed_at.date())}" if r.filed_at else ""
    return f"{kind} on Form {r.form}" + (f" (File No. {r.file_no})" if r.file_no else "") + filed


def _default_sent_at(context) -> dt.datetime:
    """Now in New York when the deal's "today" is today; else that day at 9:00 a.m. Eastern."""
    from rra_desktop.typed_dates import eastern_now

    now = eastern_now()
    return now if context.today() == now.date() else dt.datetime.combine(context.today(), dt.time(9, 0))


def _default_folder(context) -> Path:
    from rra_desktop.notice_files import notices_folder

    path = getattr(context.store, "path", None)
    return notices_folder(path) if path else Path.home() / "Notices"
