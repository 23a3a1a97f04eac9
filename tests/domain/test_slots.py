"""``positional_constructor`` builds the same instance the dataclass's own constructor builds:
every field in order, frozen, equal and hashable; a class it cannot serve is refused by name."""

import dataclasses
import datetime as dt

import pytest

from rra_desktop.domain.slots import positional_constructor


@dataclasses.dataclass(frozen=True, slots=True)
class Row:
    key: str
    on: dt.date
    count: int


def test_it_builds_what_the_dataclass_builds():
    make = positional_constructor(Row)
    row = make("a", dt.date(2003, 5, 7), 3)
    assert row == Row("a", dt.date(2003, 5, 7), 3) and hash(row) == hash(Row("a", dt.date(2003, 5, 7), 3))
    assert (row.key, row.on, row.count) == ("a", dt.date(2003, 5, 7), 3) and type(row) is Row
    assert make.__name__ == make.__qualname__ == "make_Row"
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.count = 4
    with pytest.raises(TypeError):
        make("a", dt.date(2003, 5, 7))  # every field is passed


@dataclasses.dataclass(frozen=True)
class NoSlots:
    key: str


@dataclasses.dataclass(frozen=True, slots=True)
class Checked:
    key: str

    def __post_init__(self) -> None:
        pass


@pytest.mark.parametrize("cls", [NoSlots, Checked, int])
def test_a_class_it_cannot_build_is_refused(cls):
    with pytest.raises(TypeError, match=f"^{cls.__name__} is not a slots dataclass without __post_init__$"):
        positional_constructor(cls)
