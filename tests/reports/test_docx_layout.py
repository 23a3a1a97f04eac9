"""The .docx letters are set as the PDFs are: the same page count (checked through LibreOffice
where it is installed, and always in CI), single 13.6 pt lines, the letterhead and its rule, a continuation header
and "Page x of y" exactly when the PDF has them, the signature kept together, named styles, and
document properties that tell the truth."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Pt
from pypdf import PdfReader

from reports.catalog import build_letters
from reports.docx_writer import STYLES, write_letter_docx
from reports.letters import NoticeRequest
from reports.pdf_letter import write_letters_pdf
from tests.reports.conftest import letter_deal

SENT = dt.datetime(2003, 6, 4, 15, 30)


def _letter(deal, kind: str, method: str = "fax"):
    [letter] = build_letters(deal, NoticeRequest(kind, SENT, method, (deal.holders[6].id,)))
    return letter


@pytest.fixture(scope="module")
def letters():
    """A one-page letter (the blackout notice) and a two-page one (Exhibit A, with its cc list)."""
    deal = letter_deal()
    return {"blackout": _letter(deal, "blackout"),
            "exhibit-a": _letter(deal, "notice-of-effectiveness", "courier")}


def _docx(letter) -> Document:
    buffer = io.BytesIO()
    write_letter_docx(letter, buffer)
    return Document(io.BytesIO(buffer.getvalue()))


def _pdf_pages(letter) -> int:
    return write_letters_pdf([letter], io.BytesIO())[0]


def test_the_letters_of_this_test_are_one_and_two_pages_long(letters):
    assert (_pdf_pages(letters["blackout"]), _pdf_pages(letters["exhibit-a"])) == (1, 2)


def test_single_lines_and_named_styles(letters):
    doc = _docx(letters["blackout"])
    normal = doc.styles["Normal"].paragraph_format
    assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY and normal.line_spacing == Pt(13.6)
    assert normal.space_after == Pt(0)
    names = {s.name for s in doc.styles}
    assert set(STYLES) <= names
    used = {p.style.name for p in doc.paragraphs}
    assert {"Date", "Inside Address", "Subject", "Salutation", "Body Text", "Closing", "Signature",
            "Copies"} <= used
    assert all(p.style.base_style.name == "Normal" for p in doc.paragraphs)


def test_the_signature_never_stands_alone(letters):
    doc = _docx(letters["exhibit-a"])
    paras = doc.paragraphs
    closing = next(i for i, p in enumerate(paras) if p.style.name == "Closing")
    assert paras[closing - 1].paragraph_format.keep_with_next  # the body's last lines go with it
    for p in paras[closing:]:
        if p.style.name == "Signature":
            assert p.text.startswith("By:") and "Allan W. Pettis" in p.text
            break
        assert p.paragraph_format.keep_with_next, p.text


def test_letterhead_rule_header_and_footer_follow_the_pdf(letters):
    one, two = _docx(letters["blackout"]), _docx(letters["exhibit-a"])
    for doc in (one, two):
        section = doc.sections[0]
        assert section.different_first_page_header_footer
        head = section.first_page_header.paragraphs
        assert head[0].text == "LATHAM & WATKINS LLP" and head[0].style.name == "Letterhead"
        assert head[-1]._p.pPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr") is not None  # the rule
    assert not any(p.text for p in one.sections[0].first_page_footer.paragraphs)  # one page: no "Page 1 of 1"
    footer = two.sections[0].first_page_footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    later = two.sections[0].header.paragraphs[0]
    assert later.style.name == "Continuation Header" and "U.S. Stock Transfer Corporation" in later.text
    assert "PAGE" in later._p.xml


def test_document_properties_are_honest(letters):
    letter = letters["blackout"]
    before = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(seconds=2)
    buffer = io.BytesIO()
    write_letter_docx(letter, buffer)
    props = Document(io.BytesIO(buffer.getvalue())).core_properties
    assert props.title == letter.title and props.author == props.last_modified_by == "Latham & Watkins LLP"
    created, modified = (t.replace(tzinfo=t.tzinfo or dt.UTC) for t in (props.created, props.modified))
    assert created >= before and modified >= before and props.revision == 1
    app = zipfile.ZipFile(buffer).read("docProps/app.xml").decode("utf-8")
    assert "RRA Desk" in app and "Microsoft" not in app and "python-docx" not in str(props.comments)


def _soffice() -> str:
    """LibreOffice's ``soffice``. Missing, the comparison is skipped, except under CI (``CI=true``,
    which ``.ci/run`` sets after ``scripts/libreoffice.sh`` has installed it): there it fails, so
    that a CI run never passes without having compared the pages."""
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes"):
            pytest.fail("LibreOffice (soffice) is not installed and CI=true: scripts/libreoffice.sh installs it")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def test_without_libreoffice_the_comparison_skips_except_under_ci(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    for ci in ("true", "1"):
        monkeypatch.setenv("CI", ci)
        with pytest.raises(pytest.fail.Exception, match="CI=true"):
            _soffice()
    for ci in ("", "false"):
        monkeypatch.setenv("CI", ci)
        with pytest.raises(pytest.skip.Exception):
            _soffice()
    monkeypatch.setattr(shutil, "which", lambda name: f"/opt/lo/{name}")
    assert _soffice() == "/opt/lo/soffice"


@pytest.mark.slow
def test_libreoffice_sets_the_docx_on_as_many_pages_as_the_pdf(letters, tmp_path):
    soffice = _soffice()
    for name, letter in letters.items():
        write_letter_docx(letter, tmp_path / f"{name}.docx")
    profile = tmp_path / "lo-profile"  # a profile of its own: no clash with a LibreOffice already running
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "lo"), *(str(tmp_path / f"{n}.docx") for n in letters)],
                   check=True, capture_output=True, timeout=180)
    for name, letter in letters.items():
        converted = PdfReader(str(tmp_path / "lo" / f"{name}.pdf"))
        assert len(converted.pages) == _pdf_pages(letter), name
        last = converted.pages[-1].extract_text()
        assert "Allan W. Pettis" in last or name == "exhibit-a"  # the signer on the last page of the notice
        if len(converted.pages) > 1:
            assert f"Page {len(converted.pages)} of {len(converted.pages)}" in last
