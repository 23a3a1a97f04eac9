"""Schedule 1 bad input, one test each, through ``rra-desktop holders-import``: refused with the
row and column named, exit 2, no traceback, the deal file byte for byte unchanged."""

from __future__ import annotations

import pytest

from tests.inputs.conftest import digest

HEAD = "Name,Address,Fax,Series D Preferred,D-1 Warrants,Purchase Price\n"


def _import(cli, deal_file, source):
    before = digest(deal_file)
    result = cli("holders-import", deal_file, source)
    assert "Traceback" not in result.err
    assert digest(deal_file) == before or result.code == 0
    return result


def _refused(cli, deal_file, source, *named):
    before = digest(deal_file)
    result = _import(cli, deal_file, source)
    assert result.code == 2, result.out + result.err
    for text in named:
        assert text in result.err, result.err
    assert digest(deal_file) == before
    return result


@pytest.fixture
def csv_file(tmp_path):
    def write(text: str | bytes, name: str = "s.csv", encoding: str = "utf-8"):
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
        return path

    return write


def test_a_zero_width_space_does_not_make_a_second_xmark(cli, sample_file, csv_file):
    source = csv_file(HEAD + 'Xmark Fund\u200b Ltd.,"1 Main St",,1,1,"$1,000"\n')
    _refused(cli, sample_file, source, "row 2, column 'Name'", "'Xmark Fund\\u200b Ltd.' is already a Holder",
             "differs only in case, spacing, Unicode form or invisible characters")


def test_case_spacing_and_unicode_form_do_not_make_a_second_holder(cli, sample_file, csv_file):
    source = csv_file(HEAD + 'ＸＭＡＲＫ  fund ltd.,"1 Main St",,1,1,"$1,000"\n')  # full-width letters, two spaces
    _refused(cli, sample_file, source, "row 2, column 'Name'", "already a Holder")


def test_a_homoglyph_is_refused(cli, empty_file, csv_file):
    source = csv_file(HEAD + 'Xm\u0430rk Fund Ltd.,"1 Main St",,1,1,"$1,000"\n')  # a Cyrillic a
    _refused(cli, empty_file, source, "row 2, column 'Name'", "Cyrillic Small Letter A")


def test_a_duplicate_within_the_file_is_refused(cli, empty_file, csv_file):
    source = csv_file(HEAD + 'A Fund,x,,1,1,\n"A\u00a0FUND",x,,1,1,\n')
    _refused(cli, empty_file, source, "row 3, column 'Name'", "already on row 2")


@pytest.mark.parametrize(("cell", "what"), [("Evil\x1b[2J Fund", "ESC"), ("Nul\x00 Fund", "NUL")])
def test_control_characters_are_refused(cli, empty_file, csv_file, cell, what):
    _refused(cli, empty_file, csv_file(HEAD + f'"{cell}",x,,1,1,\n'), "row 2, column 'Name'",
             f"control character {what}")


def test_an_unterminated_quote_is_refused_where_it_opens(cli, empty_file, csv_file):
    source = csv_file(HEAD + 'A Fund,x,,1,1,\n"B Fund,x,,1,1,\nC Fund,x,,1,1,\n')
    _refused(cli, empty_file, source, "row 3, column 1", "never closed")


def test_a_count_too_large_to_store_is_refused(cli, empty_file, csv_file):
    _refused(cli, empty_file, csv_file(HEAD + f"A Fund,x,,{10**30},1,\n"), "row 2, column 'Series D Preferred'",
             "too large for the deal file")


def test_a_binary_file_is_refused(cli, empty_file, csv_file):
    _refused(cli, empty_file, csv_file(bytes(range(256)) * 40), "not a text file")


@pytest.mark.parametrize(("encoding", "note"), [("utf-8-sig", None), ("utf-16", "read as UTF-16"),
                                                ("cp1252", "read as Windows-1252")])
def test_encodings_are_detected(cli, empty_file, csv_file, encoding, note):
    source = csv_file(HEAD + "Société Générale – “Paris”,x,,1,1,\nZürich Fund,x,,2,2,\n", encoding=encoding)
    result = _import(cli, empty_file, source)
    assert result.code == 0, result.err
    assert (note in result.err) if note else ("not UTF-8" not in result.err)
    assert "Société Générale – “Paris”" in cli("holders", empty_file, "--as-of", "2004-01-01").out


def test_many_unknown_columns_are_summarised(cli, empty_file, csv_file):
    extra = [f"Extra {i}" for i in range(1000)]
    source = csv_file("Name,Series D Preferred," + ",".join(extra) + "," * 5000 + "\nA Fund,1" + ",x" * 1000 + "\n")
    result = _import(cli, empty_file, source)
    assert result.code == 0, result.err
    warnings = [line for line in result.err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 7, warnings
    assert "995 more columns that are not Schedule 1 columns" in result.err
    assert "5,000 empty columns ignored" in result.err


def _workbook(path, sheets):
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_a_formula_without_a_saved_value_is_refused(cli, empty_file, tmp_path):
    source = _workbook(tmp_path / "s.xlsx", [("Schedule 1", [["Name", "Series D Preferred"], ["A Fund", "=2*50"]])])
    _refused(cli, empty_file, source, "row 2, column 'Series D Preferred'", "formula =2*50",
             "no value computed by Excel")


def test_the_data_on_the_second_sheet_is_found(cli, empty_file, tmp_path):
    source = _workbook(tmp_path / "s.xlsx", [("Cover", [["Schedule 1 to the Registration Rights Agreement"]]),
                                             ("Purchasers", [["Name", "Series D Preferred"], ["A Fund", 7]])])
    result = _import(cli, empty_file, source)
    assert result.code == 0, result.err
    assert "worksheet 'Purchasers' (sheet 2)" in result.err and "Imported 1 Holders" in result.out


def test_progress_is_reported_and_a_file_too_long_is_refused(tmp_path, monkeypatch):
    from rra_desktop.exchange import schedule_import
    from rra_desktop.exchange.schedule_import import Schedule1Invalid, read_schedule_1

    source = tmp_path / "s.csv"
    source.write_text(HEAD + "".join(f"Fund {i},x,,1,1,\n" for i in range(12)), encoding="utf-8")
    monkeypatch.setattr(schedule_import, "PROGRESS_EVERY", 5)
    told = []
    read_schedule_1(source, lambda done, total, text: told.append((done, total)))
    assert told == [(0, 13), (5, 13), (10, 13), (13, 13)]
    monkeypatch.setattr(schedule_import, "MAX_ROWS", 10)
    with pytest.raises(Schedule1Invalid, match="13 rows: more than the 10 an import reads"):
        read_schedule_1(source)


def test_a_short_utf8_file_with_a_zero_width_space_is_read_as_utf8(cli, sample_file, tmp_path):
    source = tmp_path / "zw.csv"
    source.write_bytes("Name,Address,Series D Preferred\nXmark Fund\u200b Ltd.,1 Main,1\n".encode())
    _refused(cli, sample_file, source, "row 2, column 'Name'", "already a Holder of this deal as 'Xmark Fund Ltd.'")
