"""A record from ``positional_constructor`` is of the dataclass's own class from the start of its
life as a value: copied, pickled, replaced, compared and refused a change like one from ``cls(...)``."""

import copy
import dataclasses
import datetime as dt
import gc
import pickle

import pytest

from rra_desktop.domain.slots import positional_constructor


@dataclasses.dataclass(frozen=True, slots=True)
class Notice:
    key: str
    given_on: dt.date
    lines: tuple[str, ...]


make = positional_constructor(Notice)


def test_a_built_record_is_the_dataclass_itself():
    built, plain = make("7(g)", dt.date(2003, 5, 7), ("a",)), Notice("7(g)", dt.date(2003, 5, 7), ("a",))
    assert type(built) is Notice and built.__class__ is Notice and isinstance(built, Notice)
    assert built == plain and hash(built) == hash(plain) and repr(built) == repr(plain)
    assert gc.is_tracked(built) == gc.is_tracked(plain)
    assert pickle.loads(pickle.dumps(built)) == plain
    assert copy.copy(built) == copy.deepcopy(built) == plain
    assert dataclasses.replace(built, key="3(a)") == Notice("3(a)", dt.date(2003, 5, 7), ("a",))
    assert dataclasses.asdict(built) == dataclasses.asdict(plain)


def test_a_built_record_refuses_a_change_as_the_dataclass_does():
    built = make("7(g)", dt.date(2003, 5, 7), ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.key = "3(a)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        del built.key
    assert built.key == "7(g)"


def test_two_classes_of_the_same_name_build_their_own_records():
    @dataclasses.dataclass(frozen=True, slots=True)
    class Notice:  # a second class under the first one's name
        key: str

    other = positional_constructor(Notice)("x")
    assert type(other) is Notice and type(make("x", dt.date(2003, 5, 7), ())) is not Notice
