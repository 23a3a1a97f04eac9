"""A normal (not editable) install works: the wheel carries the sample deal, fonts, letter
templates and migrations. The wheel is built from a copy of the tree, installed without its
dependencies into a fresh venv that borrows this interpreter's site-packages (nothing is
downloaded), and the command line is run there from an empty folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIP = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc",
                              ".pytest_cache", ".ruff_cache", ".hypothesis", "out", "tests", "benchmarks")

pytestmark = pytest.mark.slow


def _clean_env() -> dict[str, str]:
    """The environment without PYTHONPATH, which would show pip and Python the checkout."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


def _setuptools_recent() -> bool:
    try:
        import setuptools
    except ImportError:
        return False
    return int(setuptools.__version__.split(".")[0]) >= 77


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The python of a fresh venv with the wheel installed, and only the wheel's own rra_desktop."""
    base = tmp_path_factory.mktemp("wheel")
    src, wheels, env_dir = base / "src", base / "wheels", base / "venv"
    shutil.copytree(ROOT, src, ignore=SKIP)
    build = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(src)]
    if _setuptools_recent():
        build.insert(5, "--no-build-isolation")  # the locked set has the build backend already
    subprocess.run(build, check=True, capture_output=True, text=True, timeout=300)
    (wheel,) = wheels.glob("rra_desktop-*.whl")
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  check=True, capture_output=True, text=True).stdout.strip())
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)],
                   check=True, capture_output=True, text=True, timeout=300, env=_clean_env())
    # then the dependencies come from this interpreter's site-packages, after the venv's own (a plain
    # path line: that folder's .pth files, e.g. an editable install of the checkout, are not run)
    (purelib / "zz-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    assert (purelib / "rra_desktop" / "bundled").is_dir()
    return python


def _run(python: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = _clean_env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(python), "-m", "rra_desktop", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, tmp_path):
    out = subprocess.run([str(installed), "-c", "import rra_desktop.resources as r, reports.templates as t;"
                          "print(r.__file__); print(r.resources_dir()); print(t.TEMPLATES_DIR)"],
                         cwd=tmp_path, capture_output=True, text=True, check=True,
                         env=_clean_env()).stdout.split("\n")
    venv_root = installed.parent.parent
    assert all(Path(line).is_relative_to(venv_root) for line in out[:3]), out
    assert out[1].endswith("bundled")


def test_sample_deal_notice_and_report_from_the_wheel(installed, tmp_path):
    deal = tmp_path / "deal.rradeal"
    made = _run(installed, tmp_path, "new", "--sample", str(deal))
    assert made.returncode == 0, made.stderr
    notice = _run(installed, tmp_path, "notice", "advice", str(deal), "--all", "--sent-at", "2003-07-16T11:00",
                  "--no-log", "-o", str(tmp_path / "letters"))
    assert notice.returncode == 0, notice.stderr
    letters = sorted((tmp_path / "letters").glob("*.pdf"))
    assert len(letters) == 10 and all(p.read_bytes().startswith(b"%PDF") for p in letters)  # 9 and combined
    report = _run(installed, tmp_path, "report", "register", str(deal), "--as-of", "2004-06-30",
                  "-o", str(tmp_path / "register.pdf"))
    assert report.returncode == 0, report.stderr
    assert (tmp_path / "register.pdf").read_bytes().startswith(b"%PDF")
    docx = _run(installed, tmp_path, "notice", "sec-review", str(deal), "--event", "no-review", "--on",
                "2003-06-16", "--all", "--no-log", "--docx", "-o", str(tmp_path / "docx"))
    assert docx.returncode == 0, docx.stderr
    docs = list((tmp_path / "docx").glob("*.docx"))
    assert len(docs) == 9 and all(p.read_bytes().startswith(b"PK") for p in docs)
