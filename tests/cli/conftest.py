"""Command-line fixtures: run a command in-process and capture what it printed."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from rra_desktop.cli import run_cli


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def cli(capsys):
    """``cli("holders", path, "--json")`` -> Result(code, out, err)."""

    def run(*argv) -> Result:
        code = run_cli([str(a) for a in argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def sample_file(cli, tmp_path):
    """A new deal file holding the bundled sample deal."""
    path = tmp_path / "sample.rradeal"
    assert cli("new", path, "--sample").code == 0
    return path


@pytest.fixture
def empty_file(cli, tmp_path):
    path = tmp_path / "empty.rradeal"
    assert cli("new", path).code == 0
    return path
