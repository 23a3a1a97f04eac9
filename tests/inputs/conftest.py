"""Bad input, one test each: the message names the place, nothing is written, exit 2."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest

from rra_desktop.exchange.deal_json import deal_to_json
from rra_desktop.sample import load_sample_deal
from tests.cli.conftest import Result, cli, empty_file, sample_file  # noqa: F401 (fixtures)


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def umask_022():
    import os

    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def exchange():
    """The sample deal as an exchange document to spoil (a fresh deep copy each time)."""
    document = deal_to_json(load_sample_deal())
    return lambda: copy.deepcopy(document)


def write_json(path: Path, document) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


__all__ = ["Result", "digest", "write_json"]
