"""``rra-desktop copy`` moves the 10,000-Holder / 100,000-row deal to a server and back exactly:
every record, every audit entry and the trail's head digest (the benchmark's generated deal)."""

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.bench_store import GENERATE
from rra_desktop.cli import run_cli as cli
from rra_desktop.store import DealStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_ten_thousand_holder_deal_goes_to_a_server_and_back_exactly(server_url, tmp_path, capsys):
    source = tmp_path / "big.rradeal"
    subprocess.run([sys.executable, "-c", GENERATE, str(source), "10000", "100000"], check=True, cwd=ROOT)
    assert cli(["copy", str(source), server_url]) == 0
    back = tmp_path / "back.rradeal"
    assert cli(["copy", server_url, str(back)]) == 0
    capsys.readouterr()
    with DealStore.open(source, read_only=True) as a, DealStore.open(back, read_only=True) as b:
        first, second = a.deal(), b.deal()
        assert len(first.holders) == 10_000 and len(first.positions) >= 100_000
        for part in ("holders", "positions", "securities", "facts", "registrations", "blackouts", "claims"):
            assert getattr(first, part) == getattr(second, part), part
        assert first == second
        assert a.audit_entries() == b.audit_entries()
        assert a.verify_audit().head == b.verify_audit().head
