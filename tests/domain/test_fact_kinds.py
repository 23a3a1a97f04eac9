"""The fact-kind registry and the one list of delivery methods."""

from rra_desktop.domain.fact_kinds import FACTS, fact_label
from rra_desktop.domain.model import FactKind
from rra_desktop.domain.notices import LETTER_METHODS, METHODS, DeliveryMethod


def test_every_fact_kind_has_one_entry():
    assert set(FACTS) == set(FactKind)
    assert [k for k, s in FACTS.items() if s.timed] == [FactKind.RS_FILED, FactKind.RS_EFFECTIVE,
                                                        FactKind.PIGGYBACK_NOTICE]
    assert {k for k, s in FACTS.items() if s.for_holder} == {FactKind.PIGGYBACK_NOTICE, FactKind.PLANNED_SALE,
                                                             FactKind.REVIEW_COPIES_RECEIVED}
    assert [k for k, s in FACTS.items() if s.with_method] == [FactKind.PIGGYBACK_NOTICE]
    assert [k for k, s in FACTS.items() if not s.recorded_here] == [FactKind.FEE_NOTICE]


def test_labels():
    assert fact_label(FactKind.RS_EFFECTIVE) == "Declared effective (date and time)"
    assert fact_label("stop_order") == "Stop order (3(c)(ii))"
    assert fact_label("something_else") == "Something else"


def test_letters_use_the_domain_methods_without_email():
    assert [m.value for m in METHODS] == ["fax", "courier", "mail", "personal", "email"]
    assert DeliveryMethod.EMAIL not in LETTER_METHODS and set(LETTER_METHODS) < set(METHODS)
