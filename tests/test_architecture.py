"""The core stays Qt-free: nothing under rra_desktop/ imports PySide6, ui or reports
(the entry point ``rra_desktop/__main__.py`` is the one place allowed to wire them)."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "rra_desktop"
FORBIDDEN = ("PySide6", "shiboken6", "ui", "reports")


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_core_never_imports_gui_or_reports():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        if path.name == "__main__.py" and path.parent == CORE:
            continue
        bad = _imported_roots(path) & set(FORBIDDEN)
        if bad:
            offenders.append(f"{path.relative_to(CORE.parent)} imports {sorted(bad)}")
    assert offenders == []


def test_the_check_itself_catches_an_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QDate\nimport reports.letters\n")
    assert {"PySide6", "reports"} <= _imported_roots(sample)


ROOT = CORE.parent
MAX_LINES = 450


def test_no_module_is_over_450_lines():
    """Small modules named in the agreement's words: a file that grows past 450 lines is split."""
    long = []
    for folder in ("rra_desktop", "ui", "reports", "tests", "scripts", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            lines = path.read_text(encoding="utf-8").count("\n")
            if lines > MAX_LINES:
                long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert long == []
