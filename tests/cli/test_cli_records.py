"""The command-line registers of 7(g) address changes and 3(a) objections, with worked dates."""

from __future__ import annotations

import datetime as dt

import pytest

from rra_desktop.cli import opened
from rra_desktop.domain.model import FactKind, TimelineFact


def test_an_address_change_is_recorded_listed_in_force_and_withdrawn(cli, sample_file):
    # OTA LLC's new address, faxed at 5:30 p.m. on Fri Jun 13, 2003: in force Mon Jun 16 (7(g)(ii))
    made = cli("address-change", sample_file, "--holder", "OTA", "--line", "One Penn Plaza",
               "--line", "New York, New York 10119", "--fax", "212-555-0199", "--method", "fax",
               "--sent-at", "2003-06-13T17:30")
    assert made.code == 0, made.err
    assert "Record 7(g) address change of OTA LLC, in force Mon Jun 16, 2003" in made.out
    assert "7(g)(ii)" in made.out
    [change_id] = [c["id"] for c in cli("addresses", sample_file, "--json").json()["address_changes"]]
    before = cli("addresses", sample_file, "--as-of", "2003-06-15").out
    assert "not yet in force" in before and "Mon Jun 16, 2003" in before
    listed = cli("addresses", sample_file, "--as-of", "2003-06-16", "--json").json()["address_changes"][0]
    assert listed["state"] == "in force" and listed["in_force_from"] == "2003-06-16"
    assert listed["attention"] == "Mr. Richard M. Cayne"  # not given: kept from the address in force
    assert listed["deemed_given_on"] == "2003-06-16"
    book = cli("addresses", sample_file, "--in-force", "--as-of", "2003-06-13", "--json").json()["addresses"]
    ota = next(a for a in book if a["holder_id"] == "h-ota")
    assert ota["address_lines"] == ["1 Manhattanville Road", "Purchase, New York 10577"] and ota["change_id"] is None
    book = cli("addresses", sample_file, "--in-force", "--as-of", "2003-06-16", "--json").json()["addresses"]
    ota = next(a for a in book if a["holder_id"] == "h-ota")
    assert ota["address_lines"] == ["One Penn Plaza", "New York, New York 10119"] and ota["fax"] == "212-555-0199"
    assert any(a["of"] == "transfer_agent" for a in book)
    text = cli("addresses", sample_file, "--in-force", "--as-of", "2003-06-16").out
    assert "One Penn Plaza, New York, New York 10119" in text and "first designation" in text
    withdrawn = cli("address-withdraw", sample_file, change_id, "--on", "2003-09-02")
    assert withdrawn.code == 0 and "Edit 7(g) address change of OTA LLC" in withdrawn.out
    assert cli("addresses", sample_file, "--as-of", "2003-09-02", "--json").json()["address_changes"][0]["state"] \
        == "withdrawn"
    again = cli("address-withdraw", sample_file, change_id, "--on", "2003-09-03")
    assert again.code == 2 and "already withdrawn on Tue Sep 2, 2003" in again.err


def test_a_party_change_by_mail_waits_for_its_receipt(cli, sample_file):
    made = cli("address-change", sample_file, "--party", "company", "--line", "2 New Drive", "--line",
               "Irvine, California 92618", "--method", "mail", "--sent-at", "2003-07-01 10:00")
    assert made.code == 0 and "awaiting receipt" in made.out
    assert "Spectrum Pharmaceuticals, Inc. (the Company)" in cli("addresses", sample_file).out


@pytest.mark.parametrize("argv, message", [
    (("--holder", "North Sound", "--line", "x"), "3 Holders' names start with 'North Sound'"),
    (("--holder", "Nobody", "--line", "x"), "No Holder named 'Nobody'"),
    (("--holder", "OTA", "--line", "x", "--effective", "2003-07-01"), "cannot take effect (Tue Jul 1, 2003)"),
])
def test_address_change_refusals_write_nothing(cli, sample_file, argv, message):
    result = cli("address-change", sample_file, *argv, "--method", "fax", "--sent-at", "2003-07-09T14:00")
    assert result.code == 2 and message in result.err and "Traceback" not in result.err
    assert cli("addresses", sample_file, "--json").json()["address_changes"] == []


def test_a_bad_sending_time_is_named(cli, sample_file):
    result = cli("address-change", sample_file, "--holder", "OTA", "--method", "fax", "--sent-at", "7/9/2003")
    assert result.code == 2 and "YYYY-MM-DDTHH:MM" in result.err


def test_objections_are_recorded_listed_and_withdrawn(cli, sample_file):
    with opened(str(sample_file), read_only=False) as store:  # review copies faxed Fri Jun 6, 2003 at 10:00
        from rra_desktop.services import timeline

        timeline.record_fact(store, TimelineFact("c1", FactKind.REVIEW_COPIES_RECEIVED, dt.date(2003, 6, 6),
                                                 dt.datetime(2003, 6, 6, 10), method="fax"))
    made = cli("objection", sample_file, "--document", "Prospectus", "--special-counsel", "--received", "2003-06-11")
    assert made.code == 0, made.err
    assert "Record 3(a) objection to Prospectus received Wed Jun 11, 2003" in made.out
    assert "binds the Company" in made.out and "Wed Jun 11, 2003: in time" in made.out
    late = cli("objection", sample_file, "--document", "Prospectus", "--by", "OTA", "--received", "2003-06-12")
    assert late.code == 0 and "does not bind" in late.out and "too late" in late.out
    listed = cli("objections", sample_file, "--as-of", "2003-06-12", "--json").json()["objections"]
    assert [(o["binding"], o["stands"], o["window_end"]) for o in listed] == [
        (True, True, "2003-06-11"), (False, False, "2003-06-11")]
    assert listed[1]["objector_names"] == "OTA LLC"
    table = cli("objections", sample_file, "--as-of", "2003-06-12").out
    assert "Special Counsel" in table and "Wed Jun 11, 2003" in table
    withdrawn = cli("objection-withdraw", sample_file, listed[0]["id"], "--on", "2003-06-13")
    assert withdrawn.code == 0 and "Withdraw 3(a) objection to Prospectus on Fri Jun 13, 2003" in withdrawn.out
    after = cli("objections", sample_file, "--as-of", "2003-06-13", "--json").json()["objections"][0]
    assert after["withdrawn_on"] == "2003-06-13" and after["stands"] is False
    before = cli("objections", sample_file, "--as-of", "2003-06-12", "--json").json()["objections"][0]
    assert before["stands"] is True


def test_objection_refusals(cli, sample_file):
    nobody = cli("objection", sample_file, "--document", "Prospectus", "--received", "2003-06-11")
    assert nobody.code == 2 and "Name who objects" in nobody.err
    unknown = cli("objection-withdraw", sample_file, "o-nope", "--on", "2003-06-13")
    assert unknown.code == 2 and "no objection 'o-nope'" in unknown.err
    assert cli("objections", sample_file).out.endswith("No objection is recorded.\n")


