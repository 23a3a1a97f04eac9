"""Render every tab of the sample deal, and the main dialogs, to PNG (1400x900) for the README.

A temporary copy of the sample deal first gets the demo facts of ``screenshot_demo`` (the
Section 2 shelf filed and declared effective, a Company registration with piggy-back requests
and a cutback, an assignment, a claim, notices, expenses, a blackout), each recorded through
the services like a user's edit; a refused step is reported, never faked.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py docs/screenshots/
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from screenshot_demo import TODAY, demo_edits  # noqa: E402 - after the path is set


def record_demo(context) -> None:
    for module, name, args, kwargs in demo_edits():
        fn = getattr(importlib.import_module(f"rra_desktop.services.{module}"), name)
        try:
            context.perform(fn, *args, **kwargs)
        except Exception as exc:  # a refused demo edit is reported, not hidden
            print(f"demo edit {module}.{name} refused: {exc}")
    context.undo_stack.clear()  # the window opens as if the deal had been saved like this


def settle(app) -> None:
    for _ in range(3):
        app.processEvents()


MAX_BYTES = 240 * 1024  # README images stay small (under 300 KB with room to spare)


def save(widget, path: Path) -> None:
    widget.grab().save(str(path), "PNG", 9)
    if path.stat().st_size > MAX_BYTES:
        # A text-dense view: an adaptive 256-colour palette (Pillow comes with reportlab) reads
        # the same at a fraction of the size; no dithering, so flat fills stay flat.
        from PIL import Image

        with Image.open(path) as image:
            small = image.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        small.save(path, optimize=True)
    print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


def dialogs(context, window):
    """The main dialogs, each filled in to show what it checks as the user types."""
    from ui.dialogs.assignment_dialog import AssignmentDialog
    from ui.dialogs.blackout_dialog import BlackoutDialog
    from ui.dialogs.consent_dialog import ConsentDialog
    from ui.dialogs.fact_dialog import FactDialog
    from ui.letters.prepare import PrepareNoticeDialog

    blackout = BlackoutDialog(context, parent=window)
    blackout.start.set_value(dt.date(2003, 9, 2))
    blackout.end.set_value(dt.date(2003, 9, 22))  # 21 days: more than 3(n) allows at once
    blackout.facts.setText("Phase III trial results pending")
    yield "add-blackout", blackout

    assignment = AssignmentDialog(context, parent=window)
    assignment.transferor.setCurrentIndex(assignment.transferor.findData("h-sds-merchant-fund"))
    assignment.quantity.setValue(10)
    assignment.name.setText("Cranshire Capital, L.P.")
    assignment.address.setPlainText("666 Dundee Road, Suite 1901\nNorthbrook, Illinois 60062")
    assignment.attention.setText("Mitchell P. Kopin")
    assignment.fax.setText("847-562-9031")
    yield "record-assignment", assignment

    consent = ConsentDialog(context, parent=window)
    consent.clause.setCurrentText("3(a)")
    consent.description.setText("Waiver of the 3(a) review period for Amendment No. 1")
    consent.set_consenting(["h-xmark-fund", "h-sds-merchant-fund", "h-sco-capital-partners"])
    yield "consents-and-majority", consent

    fact = FactDialog(context, window, kind="rs_filed")
    fact.at.set_value(dt.datetime(2003, 7, 25, 17, 48))  # after EDGAR's 5:30 p.m. cut-off
    fact.document.setText("Post-effective Amendment No. 1, File No. 333-106240")
    yield "record-fact-edgar", fact

    prepare = PrepareNoticeDialog(context, window, kind="notice-of-effectiveness")
    # The demo deal lives in a temporary folder; show the folder a user would see beside a deal.
    prepare.folder.setText("~/Documents/Spectrum 2003/Notices")
    yield "prepare-notice", prepare

    from ui.dialogs.deal_settings import DealSettingsDialog

    settings = DealSettingsDialog(context, window)
    settings.tabs.setCurrentIndex(4)  # the transfer agent, whose fax Exhibit A by fax needs
    settings.parties["transfer_agent"]["fax"].setText("(818) 502-1737")
    yield "deal-settings", settings


def main(out_dir: str) -> int:
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore
    from ui.context import DealContext
    from ui.main_window import MainWindow
    from ui.qt import QApplication, Qt
    from ui.settings import open_settings

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = DealStore.create(Path(tmp) / "Spectrum 2003 sample.rradeal", load_sample_deal())
        context = DealContext(store)
        context.set_today(TODAY)
        record_demo(context)
        window = MainWindow(context, open_settings(Path(tmp) / "s.ini"))
        window.resize(1400, 900)
        window.show()
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            settle(app)
            slug = re.sub(r"[^a-z0-9]+", "-", window.tabs.tabText(i).lower()).strip("-")
            save(window, out / f"{i + 1}-{slug}.png")
        window.tabs.setCurrentIndex(1)
        window.show_clause("3(n)")
        # Wider, so that the agreement's 80-column text reads in full beside the tab.
        window.resize(1700, 900)
        window.resizeDocks([window.agreement_dock], [800], Qt.Orientation.Horizontal)
        settle(app)
        save(window, out / "9-agreement.png")
        for n, (slug, dialog) in enumerate(dialogs(context, window), start=10):
            dialog.show()
            settle(app)
            save(dialog, out / f"{n}-dialog-{slug}.png")
            dialog.reject()
            dialog.deleteLater()
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
