"""Where the bundled resources live (the sample deal, the agreement text, fonts, schemas)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the packages in a checkout, inside a PyInstaller
    bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A path inside ``resources/``."""
    return resources_dir().joinpath(*parts)
