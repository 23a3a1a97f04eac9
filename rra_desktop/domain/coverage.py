"""What the Section 2 shelf must cover, and what else may ride on it (Sections 2 and 7(c)).

Section 2: the shelf covers "all Registrable Securities (but in no event less than 4,967,600
shares of Common Stock)", and no securities other than Registrable Securities "other than up to
an additional 10,538 shares". 7(c): the only others allowed are up to 5,270 shares under the
Jefferies Warrant and up to 538 under the LTII Warrant (the deal's ``permitted_piggybacks``).

Choices where the agreement is silent:
- ``shares_registered`` counts the Registrable Securities on the statement; other securities are
  listed separately in ``other_securities`` and checked against the 10,538 cap.
- An other security is matched to a permitted one by name, ignoring case and spacing; several
  lines with one name are added together. Any other name is a 7(c) finding.
- An amendment recording no share count and no other securities is checked on the figures of
  the shelf it amends (its ``parent_id``), and the finding says so.
- "All Registrable Securities" is measured as converted on the filing date (the Closing Date
  when no filing is recorded); falling short of it is a warning, since dividends and later
  events move the figure and the 4,967,600 floor is the hard test.
"""

from __future__ import annotations

from dataclasses import dataclass

from rra_desktop.domain.counting import fmt
from rra_desktop.domain.holdings import register_as_of
from rra_desktop.domain.model import Deal, RegistrationKind, RegistrationStatement

CHECKED_KINDS = (RegistrationKind.SECTION_2_SHELF, RegistrationKind.AMENDMENT)


@dataclass(frozen=True)
class CoverageFinding:
    """One check of one registration statement: ``severity`` is "error", "warning" or "ok"."""

    registration_id: str
    severity: str
    clause: str
    check: str  # minimum_shares | all_registrable | other_securities_cap | piggyback_max | not_permitted
    message: str
    actual: int
    limit: int | None = None

    @property
    def ok(self) -> bool:
        return self.severity == "ok"


def _name(text: str) -> str:
    return " ".join(text.split()).casefold()


def _figures(deal: Deal, rs: RegistrationStatement) -> tuple[RegistrationStatement, str]:
    """The statement whose figures apply to ``rs`` and a note when they are its parent's."""
    if rs.kind == RegistrationKind.AMENDMENT and not rs.shares_registered and not rs.other_securities:
        parent = next((r for r in deal.registrations if r.id == rs.parent_id), None)
        if parent is not None:
            return parent, f" (figures of {parent.file_no or parent.id}, which it amends)"
    return rs, ""


def check_coverage(deal: Deal, include_passed: bool = False) -> list[CoverageFinding]:
    """Sections 2 and 7(c): for each Section 2 shelf and amendment, the findings on the 4,967,600
    minimum, coverage of all Registrable Securities, the 10,538 cap on other securities and the
    7(c) permitted piggy-backers. Passed checks are included (severity "ok") only on request."""
    findings = [f for rs in deal.registrations if rs.kind in CHECKED_KINDS for f in _check_statement(deal, rs)]
    return findings if include_passed else [f for f in findings if f.severity != "ok"]


def _check_statement(deal: Deal, rs: RegistrationStatement) -> list[CoverageFinding]:
    terms = deal.terms
    source, note = _figures(deal, rs)
    label = f"{rs.file_no or rs.id}{note}"
    findings: list[CoverageFinding] = []

    def add(ok: bool, clause: str, check: str, message: str, actual: int, limit: int | None,
            bad: str = "error") -> None:
        severity = "ok" if ok else bad
        findings.append(CoverageFinding(rs.id, severity, clause, check, f"{label}: {message}", actual, limit))

    registered = source.shares_registered
    add(registered >= terms.minimum_shares, "2", "minimum_shares",
        f"{registered:,} shares registered; Section 2 requires no fewer than {terms.minimum_shares:,}.",
        registered, terms.minimum_shares)
    measured_on = source.filed_at.date() if source.filed_at else terms.closing_date
    if measured_on is not None:
        total = sum(p.registrable for p in register_as_of(deal, measured_on))
        add(registered >= total, "2", "all_registrable",
            f"{registered:,} shares registered against {total:,} Registrable Securities as converted on "
            f"{fmt(measured_on)}; Section 2 requires all of them to be covered.", registered, total, "warning")
    others: dict[str, int] = {}
    shown: dict[str, str] = {}
    for o in source.other_securities:
        others[_name(o.name)] = others.get(_name(o.name), 0) + o.shares
        shown.setdefault(_name(o.name), o.name)
    other_total = sum(others.values())
    add(other_total <= terms.other_securities_cap, "2", "other_securities_cap",
        f"{other_total:,} other shares included; Section 2 allows up to {terms.other_securities_cap:,}.",
        other_total, terms.other_securities_cap)
    permitted = {_name(p.name): p for p in terms.permitted_piggybacks}
    for key, shares in others.items():
        if key in permitted:
            cap = permitted[key].max_shares
            add(shares <= cap, "7(c)", "piggyback_max",
                f"{shares:,} shares under the {permitted[key].name}; 7(c) allows up to {cap:,}.", shares, cap)
        else:
            names = " and ".join(p.name for p in terms.permitted_piggybacks) or "none"
            add(False, "7(c)", "not_permitted",
                f"{shares:,} shares of {shown[key]} included; 7(c) permits only {names}.", shares, 0)
    return findings
