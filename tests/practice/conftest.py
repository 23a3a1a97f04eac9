"""Practice fixtures: sample deal files made once and copied, a private cache folder per test."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import subprocess
import sys
import uuid

import pytest

from rra_desktop.sample import load_sample_deal
from rra_desktop.store import DealStore


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """platformdirs puts the cache under XDG_CACHE_HOME: never the user's own during tests."""
    folder = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "sample.rradeal"
    DealStore.create(path, load_sample_deal()).close()
    return path


@pytest.fixture
def make_deal(sample_template, tmp_path):
    """``make_deal("folder/name.rradeal", company="X")``: a copy of the sample, optionally renamed
    through the store (so its trail differs from the sample's)."""

    def make(relative: str, company: str | None = None):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sample_template, path)
        with DealStore.open(path, backup=False) as store:  # a deal of its own, not a byte copy of one
            store.set_file_value("deal_uuid", str(uuid.uuid4()))
        if company is not None:
            from rra_desktop.services.terms import edit_party

            with DealStore.open(path, backup=False) as store:
                edit_party(store, "company", dataclasses.replace(store.deal().terms.company, name=company))
        return path

    return make


def rename_deal(path, company: str) -> None:
    from rra_desktop.services.terms import edit_party

    with DealStore.open(path, backup=False) as store:
        edit_party(store, "company", dataclasses.replace(store.deal().terms.company, name=company))


def damage_truncated(path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def make_newer(path, version: int = 99) -> None:
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {version}")
    con.close()


HOLD_LOCK = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA locking_mode = EXCLUSIVE")
con.execute("BEGIN EXCLUSIVE")
con.execute("UPDATE meta SET value = value WHERE key = 'audit_head'")
print("locked", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def locked_by_other_process():
    """``with locked_by_other_process(path):`` another process holds SQLite's exclusive lock."""
    from contextlib import contextmanager

    @contextmanager
    def hold(path):
        child = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, text=True)
        try:
            assert child.stdout.readline().strip() == "locked"
            yield child
        finally:
            child.stdin.close()
            child.wait(timeout=10)

    return hold
