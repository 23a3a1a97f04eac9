"""Command-line fixtures: run a command in-process and capture what it printed."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from rra_desktop.cli import run_cli
from tests.pg import parametrize_deal_kind

pytest_generate_tests = parametrize_deal_kind


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
def sample_file(cli, tmp_path, deal_kind, request):
    """A new deal file holding the bundled sample deal (in this suite, also a server deal's URL:
    ``tests/pg.py``; ``new URL --sample`` itself is tests/server's)."""
    if deal_kind == "postgresql":
        from rra_desktop.sample import load_sample_deal

        return request.getfixturevalue("server_deals").url("sample", load_sample_deal)
    path = tmp_path / "sample.rradeal"
    assert cli("new", path, "--sample").code == 0
    return path


@pytest.fixture
def empty_file(cli, tmp_path, deal_kind, request):
    """A new deal as ``new`` makes it: the agreement's terms and classes, no Holders."""
    if deal_kind == "postgresql":
        from rra_desktop.sample import new_deal

        return request.getfixturevalue("server_deals").url("new", new_deal)
    path = tmp_path / "empty.rradeal"
    assert cli("new", path).code == 0
    return path
