"""File ▸ New deal: the user's own deal, asked for before the file is made — the Company, the
agreement's dates, the parties and the figures — with nothing taken from the sample deal.

The same tabs as Deal settings, starting blank: dates are typed (none is offered: they are past
events nothing here knows), the title is made from the Company and the agreement's date when left
empty, and the securities are the form's generic classes (``domain.form_of_agreement``). The
"Rules applied" tab shows the periods the engine applies, read-only, so that nobody takes it for
a reading of another agreement. OK asks where to save the file (the Documents folder and the
Company's name are proposed), makes it and opens it; "Import a Schedule 1 now" then goes straight
on to the import.
"""

from __future__ import annotations

from decimal import Decimal

from rra_desktop.domain.form_of_agreement import FORM_SECURITIES, deal_title
from rra_desktop.domain.model import AgreementTerms, Deal, Party
from ui.dialogs.deal_settings import DealSettingsDialog
from ui.qt import QCheckBox

BLANK_TERMS = AgreementTerms(
    title="", agreement_date=None, purchase_agreement_date=None, closing_date=None, company=Party(""),
    company_counsel=Party(""), holders_counsel=Party(""), minimum_shares=0, other_securities_cap=0,
    preferred_stated_value=Decimal(0), conversion_price=Decimal(0), dividend_rate=Decimal(0))


class NewDealDialog(DealSettingsDialog):
    """``choose_path(suggested_name)`` asks where to save (None: cancelled); on OK ``created``
    holds ``(path, deal)`` for the caller to make and open."""

    def __init__(self, context, choose_path, parent=None) -> None:
        super().__init__(context, parent, terms=BLANK_TERMS, title="New deal")
        self.choose_path = choose_path
        self.created = None
        self.title.setPlaceholderText("made from the Company and the agreement's date when left empty")
        self.tabs.setCurrentIndex(1)  # the Company first
        self.import_now = QCheckBox("&Import a Schedule 1 (.csv or .xlsx) as soon as the deal is made", self)
        self.body.insertWidget(1, self.import_now)

    def proposed(self):
        import dataclasses

        terms = super().proposed()
        if not terms.title and terms.agreement_date is not None:
            terms = dataclasses.replace(terms, title=deal_title(terms.company.name, terms.agreement_date))
        return terms

    def tab_chain(self):
        chain = super().tab_chain()
        return [*chain[:-2], self.import_now, *chain[-2:]]

    def submit(self) -> bool:
        from rra_desktop.services.terms import check_terms

        terms = check_terms(self.proposed())
        path = self.choose_path(f"{_file_name(terms.company.name)}.rradeal")
        if path is None:
            return False
        self.created = (path, Deal(terms=terms, securities=FORM_SECURITIES))
        return True


def _file_name(company: str) -> str:
    """The Company's name as a file name: characters no file system takes are dropped."""
    return "".join(c for c in company if c not in '<>:"/\\|?*').strip(" .") or "New deal"
