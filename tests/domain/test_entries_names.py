"""Holder names as a reader sees them: NFKC, format characters removed, case and spacing folded,
and letters of other scripts read as the Latin letters Unicode's confusables data draws them like
(the data of the confusable_homoglyphs package, not a table of our own)."""

import pytest

from rra_desktop.domain.entries import holder_name_problem, latin_look_alikes, name_key, script_problem
from rra_desktop.domain.model import Holder

XMARK = Holder("h-x", "Xmark Fund Ltd.", ("1 Main St",))


@pytest.mark.parametrize("retyped", [
    "Хmark Fund Ltd.",  # a Cyrillic capital Ha
    "Xmark Fund\u200b Ltd.",  # a zero-width space
    "Xmark\u00ad Fund Ltd.",  # a soft hyphen
    "XMARK  fund   ltd.",  # case and spacing
    "Ｘmark Fund Ltd.",  # a full-width X (NFKC)
])
def test_a_name_retyped_has_the_same_key(retyped):
    assert name_key(retyped) == name_key("Xmark Fund Ltd.") == "xmark fund ltd."


def test_the_retyped_name_is_refused_beside_the_holder_with_the_invisible_difference_named():
    problem = holder_name_problem("Xmark Fund\u200b Ltd.", [XMARK])
    assert "already a Holder of this deal as 'Xmark Fund Ltd.'" in problem
    assert "differs only in case, spacing, Unicode form or invisible characters" in problem
    assert holder_name_problem("Xmark Fund Ltd.", [XMARK], own_id="h-x") is None  # its own name


def test_a_word_mixing_latin_with_a_cyrillic_look_alike_is_refused_with_the_letter_named():
    problem = script_problem("Хmark Fund Ltd.")
    assert "'Хmark' mixes Latin letters with 'Х' (Cyrillic Capital Letter Ha)" in problem
    assert holder_name_problem("Хmark Fund Ltd.", []) == problem


def test_look_alikes_of_scripts_the_old_table_never_listed_are_caught():
    """Armenian and Cherokee letters drawn like Latin ones are in Unicode's data too."""
    assert "Armenian Small Letter Oh" in script_problem("Xmark Fund L\u0585p")  # օ
    assert name_key("\u13aa") == "a"  # Cherokee Ꭺ reads as A
    assert latin_look_alikes()[ord("а")] == "a" and latin_look_alikes()[ord("Α")] == "A"


def test_a_capital_i_of_another_script_reads_as_capital_i():
    """Unicode gives small l as the shape of Cyrillic І and Greek Ι; a capital reads as I."""
    assert name_key("\u0406nvestor") == name_key("Investor") == "investor"
    assert name_key("ΙΟΤΑ") == name_key("IOTA")


@pytest.mark.parametrize("name", ["ОТА ЛЛС", "Ωmega Partners", "北京 Capital", "شركة", "Fund 1 L.P."])
def test_names_in_one_script_or_with_no_latin_look_alike_pass(name):
    assert script_problem(name) is None


def test_latin_shapes_that_unicode_joins_stay_apart():
    """Within Latin, Unicode's data joins I, l and 1 (and O and 0); Holders named "Fund I" and
    "Fund 1" are different Holders, so only other scripts are read as Latin."""
    assert len({name_key("Fund I"), name_key("Fund l"), name_key("Fund 1")}) == 3
    assert name_key("Fund O") != name_key("Fund 0")
    assert holder_name_problem("Fund 1", [Holder("h-i", "Fund I", ())]) is None


def test_a_word_wholly_of_another_script_is_passed_over_and_every_odd_letter_is_named():
    # "ССС" is Cyrillic throughout (no Latin letter to mix with); "Xmаrkе" hides two Cyrillic letters
    assert script_problem("\u0421\u0421\u0421 Xm\u0430rk\u0435") == (
        "'Xm\u0430rk\u0435' mixes Latin letters with '\u0430' (Cyrillic Small Letter A), '\u0435' (Cyrillic Small "
        "Letter Ie): it would look the same as a Latin name on every letter; retype it in one alphabet")
    assert script_problem("\u03a9\u03bc\u03b5\u03b3\u03b1 Fund") is None  # Greek word, Latin word: no mixing
