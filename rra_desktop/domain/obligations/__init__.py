"""The timed obligations of DOMAIN.md's table, one builder per row (the key is the row's key)."""

from rra_desktop.domain.obligations.base import Draft, Facts
from rra_desktop.domain.obligations.holders import (
    certificates_before_sale,
    effectiveness_period_end,
    piggyback_response,
)
from rra_desktop.domain.obligations.periods import blackout_limit, indemnity_fee_payment
from rra_desktop.domain.obligations.registration import (
    earnings_statement,
    effectiveness_date,
    effectiveness_deadline,
    filing_date,
    notice_of_effectiveness,
)
from rra_desktop.domain.obligations.review import holder_objection_window, holder_review_copies

BUILDERS = {
    "filing_date": filing_date,
    "effectiveness_date": effectiveness_date,
    "effectiveness_deadline": effectiveness_deadline,
    "holder_review_copies": holder_review_copies,
    "holder_objection_window": holder_objection_window,
    "notice_of_effectiveness": notice_of_effectiveness,
    "certificates_before_sale": certificates_before_sale,
    "earnings_statement": earnings_statement,
    "blackout_limit": blackout_limit,
    "piggyback_response": piggyback_response,
    "indemnity_fee_payment": indemnity_fee_payment,
    "effectiveness_period_end": effectiveness_period_end,
}

# Windows in which a party MAY act: once closed without action the right lapses; nobody owes it.
OPTION_WINDOWS = frozenset({"holder_objection_window", "piggyback_response"})

__all__ = ["BUILDERS", "OPTION_WINDOWS", "Draft", "Facts"]
