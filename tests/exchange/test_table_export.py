"""Any table as an Excel workbook (``exchange.table_export``): typed cells, text kept as text."""

from __future__ import annotations

import datetime as dt
import stat
from decimal import Decimal

from openpyxl import load_workbook

from rra_desktop.exchange.table_export import cell_value, sheet_title, write_table_xlsx


def test_cells_are_typed_as_the_screens_mean_them():
    assert cell_value(dt.date(2003, 6, 20)) == (dt.date(2003, 6, 20), "ddd mmm d, yyyy")
    eastern = dt.timezone(dt.timedelta(hours=-4))
    assert cell_value(dt.datetime(2003, 6, 20, 17, 30, tzinfo=eastern))[0] == dt.datetime(2003, 6, 20, 17, 30)
    assert cell_value(1234) == (1234, "#,##0")
    assert cell_value(Decimal("4440000")) == (4440000, '"$"#,##0.00')
    assert cell_value(Decimal("1234.50")) == (1234.5, '"$"#,##0.00')
    assert cell_value(Decimal("12.3456"), percent=True) == (0.123456, "0.0000%")
    assert cell_value(True) == ("Yes", None) and cell_value(None) == (None, None)


def test_sheet_names_excel_accepts():
    assert sheet_title("Registration statements and amendments [all]") == "Registration statements and ame"
    assert sheet_title("3(a)/7(d) notices: sent?") == "3(a) 7(d) notices  sent"
    assert sheet_title("") == "Sheet"


def test_a_workbook_made_to_work_in(tmp_path):
    path = tmp_path / "t.xlsx"
    rows = [["=HYPERLINK(\"http://x\")", 100, dt.date(2003, 6, 20), Decimal("50.00"), None],
            ["+44 20 7946 0000", 7, dt.date(2003, 5, 7), Decimal("25.5"), "note"]]
    write_table_xlsx(path, "Fees & notices", ["Name", "Shares", "On", "Amount", "Notes"], rows)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[1]] == ["Name", "Shares", "On", "Amount", "Notes"]
    assert sheet["A2"].value == '=HYPERLINK("http://x")' and sheet["A2"].data_type == "s"  # text, not a formula
    assert sheet["A3"].value == "+44 20 7946 0000"
    assert sheet["B2"].value == 100 and sheet["C3"].value == dt.datetime(2003, 5, 7) and sheet["D3"].value == 25.5
    assert sheet["E2"].value is None and sheet["E3"].value == "note"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:E3"
    assert sheet.print_title_rows == "$1:$1" and sheet.page_setup.orientation == "landscape"
    assert sheet.oddHeader.center.text == "Fees && notices"


def test_headings_stand_over_their_figures(tmp_path):
    path = tmp_path / "t.xlsx"
    write_table_xlsx(path, "T", ["Name", "Shares", "On"], [["A", 1, dt.date(2003, 6, 20)], ["B", None, "not yet"]])
    sheet = load_workbook(path).active
    assert [c.alignment.horizontal for c in sheet[1]] == ["left", "right", "left"]  # "On" holds text too
