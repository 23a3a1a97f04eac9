"""File ▸ New deal: the user's own deal, asked for before the file is made — the Company, the
agreement's dates, the parties and the figures — with nothing taken from the sample deal.

The same tabs as Deal settings, starting blank: dates are typed (none is offered: they are past
events nothing here knows), the title is made from the Company and the agreement's date when left
empty, and the securities are the form's generic classes (``domain.form_of_agreement``). The
"Rules applied" tab shows the periods the engine applies, read-only, so that nobody takes it for
a reading of another agreement. OK asks where to save the file (the Documents folder and the
Company's name are proposed), makes it and opens it; "Import a Schedule 1 now" then goes straight
on to the import. "Keep the deal" offers, besides a deal file, each named connection of the deal
library (a firm's server): the deal is then made there under the name given (proposed from the
Company's), which OK checks before anything is made (``ui.server_deals``).
"""

from __future__ import annotations

from decimal import Decimal

from rra_desktop.domain.form_of_agreement import FORM_SECURITIES, deal_title
from rra_desktop.domain.model import AgreementTerms, Deal, Party
from ui.dialogs.deal_settings import DealSettingsDialog
from ui.qt import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit

BLANK_TERMS = AgreementTerms(
    title="", agreement_date=None, purchase_agreement_date=None, closing_date=None, company=Party(""),
    company_counsel=Party(""), holders_counsel=Party(""), minimum_shares=0, other_securities_cap=0,
    preferred_stated_value=Decimal(0), conversion_price=Decimal(0), dividend_rate=Decimal(0))


class NewDealDialog(DealSettingsDialog):
    """``choose_path(suggested_name)`` asks where to save (None: cancelled); on OK ``created``
    holds ``(path, deal)`` for the caller to make and open, ``path`` being a server deal's address
    when one of ``connections`` (named connections) was chosen; ``server`` names the one chosen
    first (the deal library's "New deal on a server…")."""

    def __init__(self, context, choose_path, parent=None, connections=(), server: str | None = None) -> None:
        super().__init__(context, parent, terms=BLANK_TERMS, title="New deal")
        self.choose_path = choose_path
        self.created = None
        self.title.setPlaceholderText("made from the Company and the agreement's date when left empty")
        self.tabs.setCurrentIndex(1)  # the Company first
        self.import_now = QCheckBox("&Import a Schedule 1 (.csv or .xlsx) as soon as the deal is made", self)
        self.body.insertWidget(1, self.import_now)
        self.connections = list(connections)
        self.where = QComboBox(self)
        self.where.setAccessibleName("Keep the deal")
        self.where.addItem("in a deal file (asks where)", None)
        for c in self.connections:
            self.where.addItem(f"on the server {c.name}", c.url)
        self.server_name = QLineEdit(self)
        self.server_name.setAccessibleName("Name on the server")
        self.server_name.setPlaceholderText("proposed from the Company's name")
        row = QHBoxLayout()
        where_label, name_label = QLabel("&Keep the deal:", self), QLabel("Na&me on the server:", self)
        where_label.setBuddy(self.where)
        name_label.setBuddy(self.server_name)
        for w in (where_label, self.where, name_label, self.server_name):
            row.addWidget(w)
        row.addStretch(1)
        self.body.insertLayout(1, row)
        self.where.currentIndexChanged.connect(lambda _i: self._where_changed())
        self.parties["company"]["name"].textChanged.connect(lambda _t: self._propose_name())
        named = [c.name for c in self.connections]
        if server in named:
            self.where.setCurrentIndex(named.index(server) + 1)
        self._where_changed()
        self.where.setVisible(bool(self.connections))
        where_label.setVisible(bool(self.connections))

    def _where_changed(self) -> None:
        on_server = self.where.currentData() is not None
        self.server_name.setEnabled(on_server)
        self._propose_name()

    def _propose_name(self) -> None:
        from ui.server_deals import deal_name_for

        if self.server_name.isEnabled() and not self.server_name.isModified():
            self.server_name.setText(deal_name_for(self.parties["company"]["name"].text()))

    def proposed(self):
        import dataclasses

        terms = super().proposed()
        if not terms.title and terms.agreement_date is not None:
            terms = dataclasses.replace(terms, title=deal_title(terms.company.name, terms.agreement_date))
        return terms

    def tab_chain(self):
        chain = super().tab_chain()
        extra = [self.where, self.server_name] if self.connections else []
        return [*chain[:-2], self.import_now, *extra, *chain[-2:]]

    def submit(self) -> bool:
        from rra_desktop.services.terms import check_terms

        terms = check_terms(self.proposed())
        if self.where.currentData() is not None:
            from rra_desktop.services import Refused
            from rra_desktop.store.pgpass import deal_url
            from rra_desktop.store.server_link import DEAL_NAME

            name = self.server_name.text().strip()
            if not DEAL_NAME.match(name):
                raise Refused(f"{name!r} cannot name a deal on the server: use lower-case letters, digits and "
                              "hyphens, e.g. acme-2004", field="server_name")
            self.created = (deal_url(self.where.currentData(), name), Deal(terms=terms, securities=FORM_SECURITIES))
            return True
        path = self.choose_path(f"{_file_name(terms.company.name)}.rradeal")
        if path is None:
            return False
        self.created = (path, Deal(terms=terms, securities=FORM_SECURITIES))
        return True


def _file_name(company: str) -> str:
    """The Company's name as a file name: characters no file system takes are dropped."""
    return "".join(c for c in company if c not in '<>:"/\\|?*').strip(" .") or "New deal"
