"""A few random kills of a writing process in the suite; CI runs ``scripts/crash_kills.py`` with
120 (see that script for what each kill checks)."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "crash_kills.py"


@pytest.mark.slow
def test_a_few_random_kills_leave_a_complete_deal_every_time(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("crash_kills", SCRIPT)
    crash = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(crash)
    assert crash.run(3, seed=7, folder=tmp_path) == 0, capsys.readouterr().out
