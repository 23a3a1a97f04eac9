"""Edit ▸ Deal settings…: the agreement's terms and parties in one dialog, one tab a subject.

Everything changed in one visit is written as one undoable, audited action through
``rra_desktop.services.terms.edit_settings`` ("Deal settings: transfer agent, Closing Date").
Where the change moves a deadline already in force (the Closing Date, the calendar, the
closure days, the fiscal year end), the recalculation is previewed first, as for a trigger
fact, and applied only on confirmation. The last tab shows, read-only, the periods the rules
engine applies: they are the 2003 form's and no setting changes them.

Choices: an empty transfer agent name means the deal names none (Exhibit A is then refused);
an empty firm name means no letterhead. The dividend rate is typed as a percentage ("8%").
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal, InvalidOperation

from rra_desktop.domain.model import CalendarName, Letterhead, Party, PermittedPiggyback
from rra_desktop.typed_dates import DateProblem, parse_date
from ui.dialogs.registration_dialog import shares_box
from ui.formatting import fmt_date
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.date_field import DateField, OptionalDateField
from ui.widgets.record_dialog import RecordDialog

PARTY_TABS = (("company", "Company"), ("company_counsel", "Company counsel"),
              ("holders_counsel", "Holders' counsel"), ("transfer_agent", "Transfer agent"))
TAB_MNEMONIC = {"company": "C&ompany", "company_counsel": "Company co&unsel", "holders_counsel": "&Holders' counsel",
                "transfer_agent": "Transfer a&gent"}
PARTY_FIELDS = (("name", "&Name:"), ("address_lines", "A&ddress:"), ("attention", "A&ttention:"),
                ("fax", "&Fax:"), ("email", "&E-mail:"), ("phone", "&Phone:"), ("salutation", "&Salutation:"))
LETTERHEAD_FIELDS = (("firm_name", "&Firm:"), ("address_lines", "A&ddress:"), ("phone", "&Phone:"),
                     ("fax", "Fa&x:"), ("signer_name", "&Signer:"), ("signer_title", "Signer's &title:"))
CALENDARS = {CalendarName.FEDERAL_RESERVE: "Federal Reserve holidays",
             CalendarName.NEW_YORK_STRICT: "Federal Reserve and New York State legal holidays"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _lines(widget: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in widget.toPlainText().splitlines() if line.strip())


def _text_box(lines: tuple[str, ...] = ()) -> QPlainTextEdit:
    box = QPlainTextEdit("\n".join(lines))
    box.setMaximumHeight(64)
    return box


def parse_money(text: str, field: str, what: str) -> Decimal:
    """"$10,000" or "2.35" -> Decimal; refused with ``field`` when it is not a positive amount."""
    from rra_desktop.services import Refused

    try:
        value = Decimal(text.replace("$", "").replace(",", "").strip())
    except InvalidOperation:
        raise Refused(f"Type the {what} as an amount, for example 2.35.", field=field) from None
    if value <= 0:
        raise Refused(f"The {what} must be more than zero.", field=field)
    return value


def parse_rate(text: str) -> Decimal:
    """"8%" or "8" -> Decimal("0.08"); blank is no dividend."""
    from rra_desktop.services import Refused

    if not text.strip():
        return Decimal(0)
    try:
        value = Decimal(text.replace("%", "").strip()) / 100
    except InvalidOperation:
        raise Refused("Type the dividend rate as a percentage, for example 8%.", field="dividend_rate") from None
    if not 0 <= value < 1:
        raise Refused("The dividend rate must be from 0% to under 100%.", field="dividend_rate")
    return value


def parse_closure_days(text: str):
    """One date a line, in any form the date fields take."""
    from rra_desktop.services import Refused

    days = []
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        try:
            days.append(parse_date(line))
        except DateProblem as exc:
            raise Refused(f"Closure day “{line}”: {exc}", field="closure_days") from None
    return tuple(sorted(days))


def parse_piggybacks(text: str) -> tuple[PermittedPiggyback, ...]:
    """Lines "Jefferies Warrant: 5,270" -> the 7(c) securities permitted in the shelf."""
    from rra_desktop.services import Refused

    found = []
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        match = re.fullmatch(r"(.+?)\s*[:=]\s*([\d,]+)", line)
        if not match:
            raise Refused(f"Write each permitted security as “name: shares” (not “{line}”).",
                          field="permitted_piggybacks")
        found.append(PermittedPiggyback(match.group(1), int(match.group(2).replace(",", ""))))
    return tuple(found)


class DealSettingsDialog(RecordDialog):
    def __init__(self, context, parent=None, terms=None, title: str = "Deal settings") -> None:
        super().__init__(context, title, parent)
        self.terms = terms or context.deal().terms
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Deal settings")
        self.body.insertWidget(0, self.tabs)
        self.body.removeItem(self.form)
        self._tab_of: dict[str, int] = {}
        self._agreement_tab()
        self.parties = {role: self._party_tab(role, title) for role, title in PARTY_TABS}
        self._letterhead_tab()
        self._shares_tab()
        self._rules_tab()
        self.resize(780, 540)

    # -- building ----------------------------------------------------------------------------
    def _page(self, title: str) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column.addLayout(self.form)
        column.addStretch(1)  # the fields sit at the top, spare height below them
        self.tabs.addTab(page, title)

    def tab_chain(self) -> list[QWidget]:
        """The tab bar, then every page's fields top to bottom, then OK and Cancel."""
        from ui.widgets.record_dialog import _focusables

        pages = [self.tabs.widget(i).layout() for i in range(self.tabs.count())]
        return [self.tabs, *(w for page in pages for w in _focusables(page)), *self.buttons.buttons()]

    def add_field(self, name, label_text, widget, tooltip=""):
        self._tab_of[name] = self.tabs.count() - 1
        return super().add_field(name, label_text, widget, tooltip)

    def _agreement_tab(self) -> None:
        t = self.terms
        self._page("&Agreement")
        self.title = self.add_field("title", "&Title:", QLineEdit(t.title))
        self.agreement_date = self.add_field("agreement_date", "Agreement &date:",
                                             DateField(t.agreement_date, "Agreement date",
                                                       empty=t.agreement_date is None))
        self.purchase_date = self.add_field("purchase_agreement_date", "&Purchase Agreement date:",
                                            DateField(t.purchase_agreement_date, "Purchase Agreement date",
                                                      empty=t.purchase_agreement_date is None))
        self.closing = self.add_field("closing_date", "&Closing Date:",
                                      OptionalDateField(t.closing_date, "Closed on", "Closing Date"))
        if t.closing_date is None and t.agreement_date is not None:
            self.closing.set_value(None, t.agreement_date)
        elif t.closing_date is None:
            self.closing.field.clear_value()  # nothing suggests a date: none is offered
        fye = QWidget()
        row = QHBoxLayout(fye)
        row.setContentsMargins(0, 0, 0, 0)
        self.fye_month = QComboBox()
        self.fye_month.addItems(list(MONTHS))
        self.fye_month.setCurrentIndex(t.fiscal_year_end_month - 1)
        self.fye_month.setAccessibleName("Fiscal year end: month")
        self.fye_day = QSpinBox()
        self.fye_day.setRange(1, 31)
        self.fye_day.setValue(t.fiscal_year_end_day)
        self.fye_day.setAccessibleName("Fiscal year end: day")
        row.addWidget(self.fye_month, 1)
        row.addWidget(self.fye_day)
        self.add_field("fiscal_year_end_day", "&Fiscal year ends:", fye, "3(l): the earnings statement periods.")
        self.calendar = QComboBox()
        for name, text in CALENDARS.items():
            self.calendar.addItem(text, name.value)
        self.calendar.setCurrentIndex(self.calendar.findData(t.calendar.value))
        self.add_field("calendar", "&Business Days:", self.calendar, "Section 1, “Business Day”.")
        self.closures = self.add_field("closure_days", "C&losure days:",
                                       _text_box(tuple(fmt_date(d) for d in t.closure_days)),
                                       "Ad hoc, government-ordered closures; one date a line.")

    def _party_tab(self, role: str, title: str) -> dict[str, QWidget]:
        party = getattr(self.terms, role) or Party("")
        self._page(TAB_MNEMONIC[role])
        widgets = {}
        for attr, label in PARTY_FIELDS:
            value = getattr(party, attr)
            widget = _text_box(value) if attr == "address_lines" else QLineEdit(value)
            widgets[attr] = self.add_field(f"{role}.{attr}", label, widget)
            widget.setAccessibleName(f"{title}: {label.replace('&', '').rstrip(':')}")
        if role == "transfer_agent":
            note = QLabel("Leave the name empty if the deal names no transfer agent (Exhibit A then cannot be sent).")
            note.setWordWrap(True)
            self.form.addRow("", note)
        return widgets

    def _letterhead_tab(self) -> None:
        head = self.terms.letterhead or Letterhead("")
        self._page("&Letterhead")
        self.letterhead = {}
        for attr, label in LETTERHEAD_FIELDS:
            value = getattr(head, attr)
            widget = _text_box(value) if attr == "address_lines" else QLineEdit(value)
            self.letterhead[attr] = self.add_field(f"letterhead.{attr}", label, widget)
            widget.setAccessibleName(f"Letterhead: {label.replace('&', '').rstrip(':')}")

    def _shares_tab(self) -> None:
        t = self.terms
        self._page("&Shares, conversion")
        self.minimum = self.add_field("minimum_shares", "Section 2 &minimum:", shares_box(t.minimum_shares),
                                      "The shelf covers at least this many shares of Common Stock.")
        self.cap = self.add_field("other_securities_cap", "Section 2 cap on &other securities:",
                                  shares_box(t.other_securities_cap))
        self.piggybacks = self.add_field("permitted_piggybacks", "7(c) &permitted securities:", _text_box(
            tuple(f"{p.name}: {p.max_shares:,}" for p in t.permitted_piggybacks)), "One a line: “name: shares”.")
        self.stated = self.add_field("preferred_stated_value", "Preferred s&tated value ($):",
                                     QLineEdit(f"{t.preferred_stated_value:,}" if t.preferred_stated_value else ""))
        self.price = self.add_field("conversion_price", "Con&version price ($):",
                                    QLineEdit(f"{t.conversion_price}" if t.conversion_price else ""))
        self.rate = self.add_field("dividend_rate", "&Dividend rate:",
                                   QLineEdit(f"{(t.dividend_rate * 100).normalize():f}%" if t.dividend_rate else ""))

    def _rules_tab(self) -> None:
        from rra_desktop.domain.periods_applied import PERIODS_APPLIED

        self.rules = periods_table(PERIODS_APPLIED)
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel("The rules engine reads the 2003 form of Registration Rights Agreement and applies these "
                       "periods whatever the settings say. If this deal's agreement differs, its deadlines "
                       "need counsel's own reading.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.rules, 1)
        self.tabs.addTab(page, "&Rules applied")

    # -- reading -----------------------------------------------------------------------------
    def _party(self, role: str, title: str) -> Party | None:
        from rra_desktop.services import Refused

        w = self.parties[role]
        values = {a: (_lines(w[a]) if a == "address_lines" else w[a].text().strip()) for a, _ in PARTY_FIELDS}
        if not values["name"]:
            if role == "transfer_agent":
                return None
            raise Refused(f"Enter the name of the {title}." if role != "company" else "Enter the Company's name.",
                          field=f"{role}.name")
        return Party(**values)

    def proposed(self):
        """The terms as the dialog now reads; ``Refused`` names the field that is wrong."""
        w = self.letterhead
        head = {a: (_lines(w[a]) if a == "address_lines" else w[a].text().strip()) for a, _ in LETTERHEAD_FIELDS}
        return dataclasses.replace(
            self.terms, title=self.title.text().strip(), agreement_date=self.agreement_date.value(),
            purchase_agreement_date=self.purchase_date.value(), closing_date=self.closing.value(),
            fiscal_year_end_month=self.fye_month.currentIndex() + 1, fiscal_year_end_day=self.fye_day.value(),
            calendar=CalendarName(self.calendar.currentData()),
            closure_days=parse_closure_days(self.closures.toPlainText()),
            letterhead=Letterhead(**head) if head["firm_name"] else None,
            minimum_shares=self.minimum.value(), other_securities_cap=self.cap.value(),
            permitted_piggybacks=parse_piggybacks(self.piggybacks.toPlainText()),
            preferred_stated_value=parse_money(self.stated.text(), "preferred_stated_value", "stated value"),
            conversion_price=parse_money(self.price.text(), "conversion_price", "conversion price"),
            dividend_rate=parse_rate(self.rate.text()),
            **{role: self._party(role, title.lower() if role != "company" else title) for role, title in PARTY_TABS})

    def show_refused(self, exc) -> None:
        """The refusal beside its field, on the tab that holds it."""
        tab = self._tab_of.get(getattr(exc, "field", None) or "")
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        super().show_refused(exc)

    def accept(self) -> None:
        wrong = [n for n, w in self._fields.items() if hasattr(w, "problem") and w.problem()]
        if wrong:
            self.tabs.setCurrentIndex(self._tab_of[wrong[0]])
        super().accept()

    def submit(self) -> bool:
        from rra_desktop.services import terms as service
        from ui.dialogs.fact_dialog import confirm_moves

        proposed = self.proposed()
        if proposed == self.terms:
            return True  # nothing changed: nothing to write or undo
        deal = self.context.deal()
        names = ", ".join(service.changed_settings(self.terms, proposed))
        if not confirm_moves(self, deal, dataclasses.replace(deal, terms=proposed), self.context.today(),
                             f"the {names}", "Changing"):
            return False
        self.context.perform(service.edit_settings, proposed)
        return True


def periods_table(rows) -> QTableWidget:
    """The periods the engine applies, read-only: clause, what, period."""
    table = QTableWidget(len(rows), 3)
    table.setHorizontalHeaderLabels(("Clause", "What", "Period applied"))
    table.setAccessibleName("Periods the rules apply")
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnToContents(0)
    header = table.horizontalHeader()
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    table.resizeRowsToContents()
    return table
