"""``new``, ``import`` and ``restore`` on a server deal's URL, as on a deal file, and connection
problems as one clear message with exit status 2 for each of them."""

from __future__ import annotations

import dataclasses

import pytest

from rra_desktop.exchange.deal_json import write_deal_json
from rra_desktop.sample import load_sample_deal
from tests.cli.conftest import cli  # noqa: F401  (the fixture)
from tests.server.conftest import USERS


def test_new_makes_a_server_deal_and_refuses_one_that_exists(cli, server_url):  # noqa: F811
    from rra_desktop.store.server import ServerStore

    made = cli("new", server_url, "--sample")
    assert made.code == 0 and "holding the sample deal" in made.out and "admin-secret" not in made.out
    with ServerStore.open(server_url, read_only=True) as store:
        assert store.deal() == load_sample_deal() and store.verify_audit().ok
    again = cli("new", server_url)
    assert again.code == 2 and "already exists" in again.err and "Traceback" not in again.err


def test_import_creates_then_replaces_only_with_replace(cli, server_url, tmp_path):  # noqa: F811
    from rra_desktop.store.server import ServerStore

    source = tmp_path / "deal.json"
    write_deal_json(load_sample_deal(), source)
    assert cli("import", server_url, source).code == 0
    smaller, sample = tmp_path / "smaller.json", load_sample_deal()
    first = sample.holders[0]
    write_deal_json(dataclasses.replace(sample, holders=(first,), positions=tuple(
        p for p in sample.positions if p.holder_id == first.id)), smaller)
    refused = cli("import", server_url, smaller)
    assert refused.code == 2 and "--replace" in refused.err and "audit trail keeps" in refused.err
    assert "admin-secret" not in refused.err
    replaced = cli("import", server_url, smaller, "--replace")
    assert replaced.code == 0 and "Replaced the deal in" in replaced.out
    with ServerStore.open(server_url, read_only=True) as store:
        assert len(store.deal().holders) == 1 and store.verify_audit().ok
        assert store.audit_entries()[-1].action == "Import deal file smaller.json"


def test_restore_puts_a_deal_file_in_place_as_one_recorded_action(cli, server_url, tmp_path):  # noqa: F811
    from rra_desktop.store import DealStore
    from rra_desktop.store.server import ServerStore

    backup = tmp_path / "earlier.rradeal"
    DealStore.create(backup, load_sample_deal()).close()
    assert cli("new", server_url).code == 0  # an empty deal
    listed = cli("restore", server_url)
    assert listed.code == 0 and "keeps no backup copies" in listed.out
    numbered = cli("restore", server_url, "1")
    assert numbered.code == 2 and "no numbered backups" in numbered.err
    done = cli("restore", server_url, backup)
    assert done.code == 0 and "now holds the deal of earlier.rradeal" in done.out
    with ServerStore.open(server_url) as store:
        assert store.deal() == load_sample_deal()
        entries = store.audit_entries()
        assert entries[0].action == "Create deal" and entries[-1].action == "Restore backup earlier.rradeal"
        assert store.verify_audit().ok
    damaged = tmp_path / "damaged.rradeal"
    damaged.write_bytes(b"not a deal")
    bad = cli("restore", server_url, damaged)
    assert bad.code == 2 and "Traceback" not in bad.err


@pytest.mark.parametrize("command", ["new", "import", "restore"])
def test_connection_problems_of_new_import_and_restore_exit_2(cli, pg_cluster, server_url, tmp_path,  # noqa: F811
                                                              command):
    source = tmp_path / "deal.json"
    write_deal_json(load_sample_deal(), source)
    backup = tmp_path / "backup.rradeal"
    from rra_desktop.store import DealStore

    DealStore.create(backup, load_sample_deal()).close()
    extra = {"new": [], "import": [source], "restore": [backup]}[command]
    cases = {
        "down": (server_url.replace(pg_cluster.socket, str(tmp_path / "no-server")), "cannot be reached"),
        "password": (server_url.replace("admin-secret", "wrong"), "refused the login"),
        "database": (server_url.replace("/firm?", "/nodb?"), "does not exist"),
        "permission": (server_url.replace("rra_admin:admin-secret", f"outsider:{USERS['outsider']}"),
                       "may not do this" if command != "restore" else "there is no deal"),
        "malformed": (server_url.split("&deal=")[0], "names no deal"),
    }
    for what, (url, message) in cases.items():
        result = cli(command, url, *extra)
        assert result.code == 2, (what, result)
        assert message in result.err and "Traceback" not in result.err and "admin-secret" not in result.err, (
            what, result.err)
