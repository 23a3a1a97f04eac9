"""A deal with the facts the letters need: the shelf filed and declared effective, a Company
registration (7(d)), a blackout with a unique confidential reason, a claim, an assignment, and
Holders whose names test escaping and non-Latin letters."""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from rra_desktop.domain.model import (
    Assignment,
    BlackoutBasis,
    BlackoutPeriod,
    Claim,
    ClaimClause,
    FactKind,
    RegistrationKind,
    RegistrationStatement,
    TimelineFact,
)
from rra_desktop.sample import load_sample_deal

SECRET = "ZEBRA-SECRET-42 merger with Acme"
FACTS_LABEL = "Project Quokka talks"
ODD_NAMES = {3: "Smith & Co. <Fund>", 4: "Société Générale", 6: "Ωmega Фонд"}


def letter_deal():
    d = load_sample_deal()
    holders = list(d.holders)
    for i, name in ODD_NAMES.items():
        holders[i] = dc.replace(holders[i], name=name)
    shelf = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, form="S-3", file_no="333-105797",
                                  filed_at=dt.datetime(2003, 6, 11, 16, 12),
                                  effective_at=dt.datetime(2003, 6, 20, 16, 30), shares_registered=4_967_600)
    company = RegistrationStatement("cr-1", RegistrationKind.COMPANY_REGISTRATION, form="S-3", underwritten=True)
    return dc.replace(
        d, holders=tuple(holders), registrations=(shelf, company),
        blackouts=(BlackoutPeriod("b1", dt.date(2003, 9, 2), dt.date(2003, 9, 15), BlackoutBasis.MNPI, FACTS_LABEL,
                                  confidential_reason=SECRET),),
        facts=(TimelineFact("f1", FactKind.RS_PLANNED, dt.date(2003, 6, 11)),
               TimelineFact("f2", FactKind.SEC_NO_REVIEW, dt.date(2003, 6, 17))),
        claims=(Claim("c1", ClaimClause.COMPANY_INDEMNIFIES, "Holders", "Company",
                      "Jones v. Spectrum Pharmaceuticals, Inc., No. 03-1234 (C.D. Cal.)"),),
        assignments=(Assignment("a1", d.holders[0].id, d.holders[1].id, "PREF", 2, dt.date(2003, 7, 1),
                                dt.date(2003, 7, 2), dt.date(2003, 7, 3)),))


@pytest.fixture
def deal():
    return letter_deal()


def pdf_text(data: bytes | str) -> str:
    """All the text of a PDF, whitespace collapsed (lines joined by spaces)."""
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def page_texts(data: bytes | str) -> list[str]:
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return [re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages]
