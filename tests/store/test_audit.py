"""The audit trail: who, when, what, before and after; tampering is detected."""

import json

import pytest

from rra_desktop.domain.model import Holder
from rra_desktop.services import holders
from tests.conftest import edit_outside as tamper
from tests.conftest import expected_user, open_location


@pytest.fixture
def audited(store):
    holders.add_holder(store, Holder("h-1", "First"))
    holders.update_holder(store, Holder("h-1", "First Fund", fax="1"))
    holders.remove_holder(store, "h-1")
    store.close()
    return store.location


def test_entries_record_who_when_what_before_and_after(store):
    holders.add_holder(store, Holder("h-1", "First"))
    holders.update_holder(store, Holder("h-1", "First Fund"))
    entry = store.audit_entries()[-1]
    assert entry.user == expected_user(store)
    assert entry.action == "Edit Holder First Fund"
    assert (entry.table_name, entry.row_id) == ("holders", "h-1")
    assert json.loads(entry.before)["name"] == "First" and json.loads(entry.after)["name"] == "First Fund"
    assert entry.at.endswith("+00:00")  # UTC
    report = store.verify_audit()
    assert report.ok and report.entries == len(store.audit_entries())


def test_triggers_refuse_changes_to_the_audit_table(audited):
    for sql in ("UPDATE audit SET \"user\" = 'mallory'", "DELETE FROM audit WHERE seq = 3"):
        with pytest.raises(Exception, match="append-only"):  # sqlite3's or psycopg's error
            tamper(audited, sql, drop_triggers=False)
    assert verify(audited).ok


def verify(location):
    with open_location(location, read_only=True) as store:
        return store.verify_audit()


def test_verify_names_an_edited_entry(audited):
    count = verify(audited).entries
    tamper(audited, f"UPDATE audit SET after = replace(after, 'First Fund', 'Other Fund') WHERE seq = {count - 1}")
    report = verify(audited)
    assert not report.ok and report.first_bad_seq == count - 1 and "altered" in report.message


def test_verify_names_a_deleted_entry(audited):
    tamper(audited, "DELETE FROM audit WHERE seq = 5")
    report = verify(audited)
    assert not report.ok and report.first_bad_seq == 5 and "missing" in report.message


def test_verify_notices_the_newest_entries_removed(audited):
    count = verify(audited).entries
    tamper(audited, f"DELETE FROM audit WHERE seq = {count}")
    report = verify(audited)
    assert not report.ok and report.first_bad_seq == count


def test_rehashing_from_scratch_still_breaks_the_link_to_the_next_entry(audited):
    tamper(audited, "UPDATE audit SET \"user\" = 'mallory', hash = 'f' || substr(hash, 2) WHERE seq = 2")
    report = verify(audited)
    assert not report.ok and report.first_bad_seq == 2
