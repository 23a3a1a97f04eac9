"""The agenda across deals as a spreadsheet (.xlsx, one row per item, dates as dates) and as one
iCalendar file (``agenda_ics``: each event with the UID the deal's own export gives it).

Text a spreadsheet would run as a formula is written as text (``spreadsheet_safety``); texts are
the agenda's, already masked as the .ics export masks them (no blackout's confidential reason).
"""

from __future__ import annotations

from pathlib import Path

from rra_desktop.exchange.spreadsheet_safety import neutralise
from rra_desktop.practice.agenda import GROUP_LABELS, Agenda

HEADINGS = ("When", "In force", "Deal", "Clause", "Party", "Deadline", "Status", "Due (as written)", "Act by",
            "Key", "Working", "Deal file")


def item_row(item) -> tuple:
    d = item.deadline
    return (GROUP_LABELS[item.group], d.in_force, item.deal.name, d.clause, str(d.party), d.title, d.status.value,
            d.due, d.act_by, d.key, d.explanation, item.deal.location)


def agenda_xlsx(items, path: Path, title: str) -> Path:
    """Write ``items`` (``AgendaItem``) to ``path``; ``title`` heads the sheet (e.g. "Agenda as of ...")."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Agenda"
    sheet.append([neutralise(title)])
    sheet["A1"].font = Font(bold=True)
    sheet.append(list(HEADINGS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for item in items:
        sheet.append([neutralise(v) for v in item_row(item)])
    for row in sheet.iter_rows(min_row=3):
        for cell in (row[1], row[7], row[8]):
            cell.number_format = "yyyy-mm-dd"
    for column, width in zip("ABCDEFGHIJKL", (10, 12, 30, 10, 22, 60, 10, 12, 12, 30, 60, 40), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    book.save(path)
    return Path(path)


def agenda_ics(found: Agenda) -> bytes:
    """The agenda's items as one calendar, each event with the UID the deal's own export gives it."""
    from rra_desktop.exchange.ics_export import agenda_calendar

    by_deal: dict[str, tuple] = {}
    for item in found.items:
        if item.deal.summary is None:
            continue  # a deal that could not be read has no items
        tag, deadlines = by_deal.get(item.deal.location, (item.deal.summary.tag, ()))
        by_deal[item.deal.location] = (tag, (*deadlines, item.deadline))
    return agenda_calendar(by_deal.values(), "Registration rights agenda")
