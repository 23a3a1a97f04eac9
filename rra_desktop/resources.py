"""Where the bundled resources live (the sample deal, the agreement text, fonts, schemas).

The one place that finds them: in a checkout (and an editable install) the top-level
``resources/`` folder; in an installed wheel the copy ``setup.py`` puts in
``rra_desktop/bundled/``; in a PyInstaller bundle ``resources/`` beside the frozen modules."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding the resources, wherever this copy of the app runs from."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    installed = _PACKAGE / "bundled"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"


def resource(*parts: str) -> Path:
    """A path inside the resources folder."""
    return resources_dir().joinpath(*parts)
