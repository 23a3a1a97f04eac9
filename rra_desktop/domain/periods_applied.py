"""The periods the rules engine applies, as one table a person can read.

The engine reads the 2003 Spectrum Pharmaceuticals form of Registration Rights Agreement; its
periods are written into the rules, not taken from a deal's terms. The new-deal dialog and Deal
settings show this table read-only, so that nobody takes the engine for a reading of another
agreement whose periods differ. A test keeps each figure in step with the rule that applies it.
"""

from __future__ import annotations

from rra_desktop.domain.blackouts import MAX_CONSECUTIVE_DAYS, MAX_DAYS_IN_12_MONTHS
from rra_desktop.domain.indemnification import FEE_PAYMENT_BUSINESS_DAYS

# (clause, what, period)
PERIODS_APPLIED: tuple[tuple[str, str, str], ...] = (
    ("1, 2", "Filing Date: the shelf registration statement is filed", "45 days after the Closing Date"),
    ("1", "Effectiveness Date", "90 days after the Closing Date"),
    ("2", "Effectiveness after the Commission says it will not review", "5 Business Days after that notice"),
    ("3(a)", "Copies to the Holders before a registration statement or prospectus is filed",
     "5 Business Days before filing"),
    ("3(a)", "Copies to the Holders before an amendment or supplement is filed", "2 Business Days before filing"),
    ("3(a)", "The Holders' written objection", "3 Business Days after receipt"),
    ("3(i)", "Certificates free of legends before a sale", "2 Business Days before the sale"),
    ("3(l)", "Earnings statement", "45 days after a 3-month period; 90 days after a fiscal year"),
    ("3(n)", "Blackout Period", f"at most {MAX_CONSECUTIVE_DAYS} consecutive days, and "
     f"{MAX_DAYS_IN_12_MONTHS} days in any 12-month period"),
    ("5(c)", "The Indemnified Party's fees and expenses paid",
     f"{FEE_PAYMENT_BUSINESS_DAYS} Business Days after written notice"),
    ("7(d)", "A Holder's piggy-back request", "20 days after receipt of the Company's notice"),
    ("7(g)", "A fax is deemed given", "that day if sent before 5:00 p.m. Eastern on a Business Day, "
     "else the next Business Day"),
    ("7(g)", "An overnight courier notice is deemed given", "the Business Day after mailing"),
    ("7(p)", "Exhibit A Notice of Effectiveness to the transfer agent",
     "2 Business Days after the registration statement is declared effective"),
)
