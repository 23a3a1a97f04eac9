"""Render every tab of the sample deal to PNG (1400x900) for the README.

A temporary copy of the sample deal gets a few demo facts first (RS filed, declared effective, a
blackout, an assignment, a claim, a notice) so that every tab has something to show. Each demo
step goes through the services like a user's edit; a step whose service is missing is skipped
with a message, never faked.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py docs/screenshots/
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TODAY = dt.date(2003, 9, 10)


def _service(module: str, name: str):
    try:
        return getattr(importlib.import_module(f"rra_desktop.services.{module}"), name)
    except (ImportError, AttributeError) as exc:
        print(f"skipped {module}.{name}: {exc}")
        return None


def demo_edits() -> list[tuple[str, str, tuple]]:
    from rra_desktop.domain import model as m

    return [
        ("timeline", "record_fact", (m.TimelineFact("f-filed", m.FactKind.RS_FILED, dt.date(2003, 6, 20),
                                                     at=dt.datetime(2003, 6, 20, 16, 45), document="Form S-3"),)),
        ("timeline", "record_fact", (m.TimelineFact("f-eff", m.FactKind.RS_EFFECTIVE, dt.date(2003, 7, 15),
                                                     at=dt.datetime(2003, 7, 15, 16, 0)),)),
        ("blackouts", "add_blackout", (m.BlackoutPeriod("b-1", dt.date(2003, 9, 2), dt.date(2003, 9, 21),
                                                         m.BlackoutBasis.MNPI, "Pending licensing talks",
                                                         confidential_reason="Licence negotiation",
                                                         notice_sent_on=dt.date(2003, 9, 2)),)),
        ("assignments", "record_assignment", (m.Assignment("a-1", "h-ota", "h-promed-partners", "PREF", 5,
                                                           dt.date(2003, 8, 1),
                                                           written_assignment_furnished_on=dt.date(2003, 8, 4)),)),
        ("claims", "open_claim", (m.Claim("c-1", m.ClaimClause.COMPANY_INDEMNIFIES, "Xmark Fund Ltd.",
                                         "Spectrum Pharmaceuticals, Inc.", "Smith v. Spectrum (S.D.N.Y.)",
                                         holder_id="h-xmark-fund", exposure=Decimal("250000")),)),
        ("notices", "log_notice", (m.NoticeRecord("n-1", m.NoticeDirection.SENT, "notice_of_effectiveness",
                                                  "Transfer agent", "fax", dt.datetime(2003, 7, 16, 11, 0)),)),
    ]


def main(out_dir: str) -> int:
    from rra_desktop.sample import load_sample_deal
    from rra_desktop.store import DealStore
    from ui.context import DealContext
    from ui.main_window import MainWindow
    from ui.qt import QApplication
    from ui.settings import open_settings

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = DealStore.create(Path(tmp) / "Spectrum 2003 sample.rradeal", load_sample_deal())
        context = DealContext(store)
        context.set_today(TODAY)
        for module, name, args in demo_edits():
            fn = _service(module, name)
            if fn is not None:
                try:
                    context.perform(fn, *args)
                except Exception as exc:  # a refused demo edit is reported, not hidden
                    print(f"demo edit {module}.{name} refused: {exc}")
        window = MainWindow(context, open_settings(Path(tmp) / "s.ini"))
        window.resize(1400, 900)
        window.show()
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            for _ in range(3):
                app.processEvents()
            slug = re.sub(r"[^a-z0-9]+", "-", window.tabs.tabText(i).lower()).strip("-")
            path = out / f"{i + 1}-{slug}.png"
            window.grab().save(str(path), "PNG", 9)
            print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
        window.tabs.setCurrentIndex(1)
        window.show_clause("3(n)")
        window.resize(1400, 900)
        for _ in range(3):
            app.processEvents()
        window.grab().save(str(out / "9-agreement.png"), "PNG", 9)
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
