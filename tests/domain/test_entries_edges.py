"""The entry checks at their edges, one bad value at a time: the fast "clean" path and the walk
that names the field must agree for every kind of value the model holds, and the registration
record's filing and effectiveness must read back as the Timeline's facts."""

import dataclasses
import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rra_desktop.domain import entries
from rra_desktop.domain.entries import _clean, _fields, value_problems
from rra_desktop.domain.model import (
    FactKind,
    Holder,
    PositionEntry,
    PositionKind,
    RegistrationKind,
    RegistrationStatement,
    TimelineFact,
)
from rra_desktop.domain.registration_facts import facts_of, fold_registration_facts, registration_facts, timeline
from rra_desktop.sample import load_sample_deal

D, T = dt.date, dt.datetime
HOLDER = Holder("h-1", "Fund Ltd.", address_lines=("1 Main St", "Floor\n2"), notes="a\nb\tc", fax="212")
ROW = PositionEntry("p-1", "h-1", "PREF", PositionKind.ISSUANCE, 5, D(2003, 5, 7), D(2003, 5, 7),
                    net_proceeds=Decimal("10.50"))


@pytest.mark.parametrize("record", [HOLDER, ROW, replace(ROW, quantity=-(2**63 - 1)), replace(ROW, on=D(1900, 1, 1)),
                                    replace(ROW, on=D(2199, 12, 31), net_proceeds=Decimal("999999999999999.99")),
                                    TimelineFact("f", FactKind.RS_PLANNED, D(2003, 6, 1), at=T(2199, 12, 31, 23),
                                                 note="line\nbreak")])
def test_a_clean_record_is_clean_on_the_fast_path(record):
    assert _clean(record, _fields(type(record))) is True
    assert value_problems(record) == []


@pytest.mark.parametrize(("record", "path", "words"), [
    (replace(HOLDER, name="Fund\nLtd."), "name", "a line break"),  # a one-line field
    (replace(HOLDER, notes="bad\x00"), "notes", "NUL"),  # a multi-line field still refuses NUL
    (replace(HOLDER, address_lines=("ok", "bad\x1b")), "address_lines[1]", "ESC"),
    (replace(HOLDER, email="\x7f"), "email", "DEL"),
    (replace(HOLDER, phone="a\rb"), "phone", "CR"),
    (replace(HOLDER, attention="a\x85"), "attention", "U+0085"),
    (replace(ROW, quantity=2**63), "quantity", "too large"),
    (replace(ROW, quantity=-(2**63)), "quantity", "too large"),
    (replace(ROW, on=D(1899, 12, 31)), "on", "1899-12-31 is outside"),
    (replace(ROW, acquired_on=D(2200, 1, 1)), "acquired_on", "2200-01-01 is outside"),
    (replace(ROW, net_proceeds=Decimal("1e15")), "net_proceeds", "too large an amount"),
    (replace(ROW, net_proceeds=Decimal("-1e15")), "net_proceeds", "too large an amount"),
    (replace(ROW, net_proceeds=Decimal("Infinity")), "net_proceeds", "not an amount"),
    (TimelineFact("f", FactKind.RS_PLANNED, D(2003, 6, 1), at=T(2200, 1, 1)), "at", "2200-01-01 is outside"),
])
def test_one_bad_value_is_caught_and_named(record, path, words):
    assert _clean(record, _fields(type(record))) is False
    (found,) = value_problems(record, "rec")
    assert found[0] == f"rec.{path}" and words in found[1]


def test_a_record_of_an_unknown_type_is_walked():
    assert entries.value_problems(replace(HOLDER, notes=("x",))) == []  # a tuple where a str is expected: no crash
    assert value_problems([HOLDER, replace(HOLDER, name="\x00")], "holders") == [
        ("holders[1].name", "contains the control character NUL, which cannot be stored; retype the text")]


def test_text_problem_and_printable():
    assert entries.text_problem("a\tb") is None and entries.text_problem("a\nb", multiline=True) is None
    assert "a line break" in entries.text_problem("a\nb")
    assert entries.printable("a\x1b[2Jb\tc\nd") == "a\\x1b[2Jb\tc\nd"
    assert entries.decimal_problem(Decimal("999999999999999.99")) is None


SHELF = RegistrationStatement("rs-1", RegistrationKind.SECTION_2_SHELF, filed_at=T(2003, 6, 20, 17, 45),
                              effective_at=T(2003, 7, 15, 16), filed_document="EDGAR receipt",
                              effective_document="Order")


def test_a_registrations_dates_read_as_timeline_facts():
    filed, effective = facts_of(SHELF)
    assert (filed.id, filed.kind, filed.on, filed.at, filed.registration_id, filed.document) == (
        "rs-1:filed", FactKind.RS_FILED, D(2003, 6, 20), T(2003, 6, 20, 17, 45), "rs-1", "EDGAR receipt")
    assert (effective.id, effective.kind, effective.on, effective.document) == (
        "rs-1:effective", FactKind.RS_EFFECTIVE, D(2003, 7, 15), "Order")
    assert facts_of(replace(SHELF, filed_at=None, effective_at=None)) == ()
    deal = replace(load_sample_deal(), registrations=(SHELF,),
                   facts=(TimelineFact("n", FactKind.SEC_NO_REVIEW, D(2003, 7, 1)),))
    assert registration_facts(deal) == (filed, effective)
    assert [f.id for f in timeline(deal)] == ["n", "rs-1:filed", "rs-1:effective"]


def test_older_files_facts_fold_into_the_registration_record():
    sample = load_sample_deal()
    old = replace(sample, registrations=(), facts=(
        TimelineFact("f1", FactKind.RS_FILED, D(2003, 6, 20), at=T(2003, 6, 20, 10), document="receipt"),
        TimelineFact("f2", FactKind.RS_FILED, D(2003, 6, 25), at=T(2003, 6, 25, 10)),  # the first one counts
        TimelineFact("e1", FactKind.RS_EFFECTIVE, D(2003, 7, 15)),  # no time: midnight of its day
        TimelineFact("n", FactKind.SEC_NO_REVIEW, D(2003, 7, 1))))
    folded = fold_registration_facts(old)
    (rs,) = folded.registrations
    assert (rs.id, rs.kind, rs.filed_at, rs.filed_document, rs.effective_at) == (
        "shelf", RegistrationKind.SECTION_2_SHELF, T(2003, 6, 20, 10), "receipt", T(2003, 7, 15))
    assert [f.id for f in folded.facts] == ["n"]
    kept = replace(old, registrations=(replace(SHELF, filed_document=""),))
    rs = fold_registration_facts(kept).registrations[0]
    assert rs.filed_at == SHELF.filed_at and rs.filed_document == "receipt"  # the record wins; its gap is filled
    assert fold_registration_facts(sample) is sample


# -- the written-out check of a record of plain fields ----------------------------------------
_ANY_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**64), max_value=2**64),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FF), max_size=8),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2300, 12, 31)),
    st.decimals(allow_nan=True, allow_infinity=True), st.tuples(st.text(max_size=4), st.text(max_size=4)))


@pytest.mark.parametrize("record", [load_sample_deal().holders[0], load_sample_deal().positions[0]],
                         ids=["holder", "position"])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_written_out_check_passes_only_what_the_walk_finds_clean(record, data):
    """As strict as the general walk: whatever value lands in whichever field, a record the
    written-out check passes is one in which the walk finds nothing wrong."""
    from rra_desktop.domain.entries import _walk, _written_check

    field = data.draw(st.sampled_from(_fields(type(record))))
    changed = dataclasses.replace(record, **{field: data.draw(_ANY_VALUE)})
    out: list = []
    _walk(changed, [], "", out)
    if _written_check(type(record))(changed):
        assert out == []
