"""Build hook: a wheel carries the top-level ``resources/`` folder (sample deal, agreement text,
JSON Schema, fonts) as ``rra_desktop/bundled/``, where ``rra_desktop.resources`` finds it once
installed. Everything else is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPyWithResources(build_py):
    """``build_py`` plus a copy of ``resources/`` into the built ``rra_desktop`` package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads resources/ in the checkout
        target = Path(self.build_lib) / "rra_desktop" / "bundled"
        shutil.copytree(ROOT / "resources", target, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildPyWithResources})
