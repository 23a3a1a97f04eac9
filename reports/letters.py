"""The frame every notice letter shares: who sends it, to whom, how, and what it is called.

A kind of letter (``catalog.KINDS``) supplies only its own values; this module turns them and
its template into a ``Letter``: letterhead, date, delivery line, addressee, Attention,
salutation, signature and the copies 7(g) requires (Holders' counsel on every notice to a
Holder). Choices where the agreement is silent, applied here:

* Notices to Holders go out on Company counsel's letterhead (``terms.letterhead``), signed by
  the firm "on behalf of the Company"; the client (the Company) is copied as a firm would.
* The signer is named without "Esq." (a courtesy title one never gives oneself).
* The salutation is "Dear Mr. Wilder:" when the Attention line starts with Mr./Ms./Mrs./Dr.,
  otherwise "Ladies and Gentlemen:".
* A ten-digit fax number is written "(203) 967-5701"; any other form is kept as recorded.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from reports.document import Block, Letter, Signature
from reports.templates import Template, load_template
from rra_desktop.domain.addresses import addressed_as_of
from rra_desktop.domain.calendar import BusinessCalendar, calendar_for
from rra_desktop.domain.letter_kinds import letter
from rra_desktop.domain.model import Deal, Holder, Party
from rra_desktop.domain.notices import LETTER_METHODS

METHODS = tuple(m.value for m in LETTER_METHODS)  # the domain's list (rra_desktop.domain.notices)
DELIVERY = {"courier": "Via Overnight Courier", "mail": "Via First Class Mail", "personal": "By Hand"}
_TITLES = ("Mr.", "Ms.", "Mrs.", "Dr.", "Miss")


class NoticeRefused(ValueError):
    """A letter that cannot honestly be made (a fact missing, an unknown Holder): the message
    says what to record first. The CLI prints it and exits 2; the dialog shows it."""


@dataclass(frozen=True)
class NoticeRequest:
    """What the paralegal asked for: which letter, to whom, how and when it is sent, and which
    recorded item it is about (the latest suitable one when not named)."""

    kind: str
    sent_at: dt.datetime
    method: str = "courier"
    holder_ids: tuple[str, ...] = ()  # empty: every Holder of Registrable Securities on the day
    registration_id: str | None = None
    blackout_id: str | None = None
    claim_id: str | None = None
    assignment_id: str | None = None
    event: str | None = None  # 3(c)(i)-(iv) event, or the kind of SEC review notice
    document: str | None = None  # the document proposed to be filed / reviewed, or a description
    on: dt.date | None = None  # the date of the event reported, when it is not the sending date
    templates_dir: Path | None = None


@dataclass
class Context:
    """Everything one kind's value builder may read, computed once per batch."""

    deal: Deal
    request: NoticeRequest
    cal: BusinessCalendar
    recipients: list[Holder] = field(default_factory=list)

    @property
    def sent_on(self) -> dt.date:
        return self.request.sent_at.date()


def context_for(deal: Deal, request: NoticeRequest) -> Context:
    """The batch's context. Its deal is addressed as of the sending date: every Holder, the
    Company, both counsel and the transfer agent carry the 7(g) address in force that day
    (``domain.addresses.addressed_as_of``), for the addressee, the fax line and the copies alike."""
    if request.method not in METHODS:
        raise NoticeRefused(f"Unknown delivery method {request.method!r}: use one of {', '.join(METHODS)}")
    return Context(addressed_as_of(deal, request.sent_at.date()), request, calendar_for(deal.terms))


def long_date(d: dt.date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def weekday_date(d: dt.date) -> str:
    return f"{d:%A}, {long_date(d)}"


def clock(t: dt.datetime) -> str:
    hour = t.hour % 12 or 12
    return f"{hour}:{t.minute:02d} {'a.m.' if t.hour < 12 else 'p.m.'}"


def fax_display(fax: str) -> str:
    digits = re.sub(r"\D", "", fax)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}" if len(digits) == 10 else fax.strip()


def delivery_line(method: str, party_name: str, fax: str) -> str:
    if method == "fax":
        if not fax.strip():
            raise NoticeRefused(f"{party_name} has no facsimile number on record: choose another method "
                                "or record the fax number first")
        return f"Via Facsimile {fax_display(fax)}"
    return DELIVERY[method]


def salutation_for(attention: str, fallback: str = "Ladies and Gentlemen:") -> str:
    name = attention.split(",")[0].strip()
    for title in _TITLES:
        if name.startswith(title + " ") and len(name.split()) >= 2:
            return f"Dear {title} {name.split()[-1]}:"
    return fallback


def signer_name(name: str) -> str:
    return re.sub(r",?\s*Esq\.?$", "", name.strip())


def letterhead_lines(deal: Deal) -> tuple[str, ...]:
    head = deal.terms.letterhead
    if head is None:
        c = deal.terms.company_counsel
        return (c.name, *c.address_lines, *([f"Facsimile {fax_display(c.fax)}"] if c.fax else []))
    contact = "   ".join(x for x in (f"Telephone {head.phone}" if head.phone else "",
                                      f"Facsimile {fax_display(head.fax)}" if head.fax else "") if x)
    return (head.firm_name, *head.address_lines, *([contact] if contact else []))


def counsel_signature(deal: Deal) -> Signature:
    head = deal.terms.letterhead
    if head is None:
        return Signature(entity=deal.terms.company_counsel.name, signer_name=signer_name(
            deal.terms.company_counsel.attention))
    return Signature(entity=head.firm_name, signer_name=signer_name(head.signer_name), signer_title=head.signer_title)


def common_values(ctx: Context) -> dict[str, object]:
    """Values every template may use."""
    t = ctx.deal.terms
    return {
        "company": t.company.name,
        "company_upper": t.company.name.upper(),
        "agreement_date": long_date(t.agreement_date),
        "purchase_agreement_date": long_date(t.purchase_agreement_date),
        "firm": t.letterhead.firm_name if t.letterhead else t.company_counsel.name,
        "holders_counsel": t.holders_counsel.name,
        "sent_date": long_date(ctx.sent_on),
        "calendar": ctx.cal.display_name,
    }


def compose(ctx: Context, template: Template, values: dict[str, object], *, to: Party | Holder,
            cc: tuple[Block, ...], signature: Signature | None = None, letterhead: tuple[str, ...] | None = None,
            salutation: str | None = None, extra: dict | None = None) -> Letter:
    """One ``Letter`` from a template and its values, addressed to ``to``."""
    author = letterhead_lines(ctx.deal)[0]
    default_salutation = getattr(to, "salutation", "") or salutation_for(to.attention)
    title = template.header_value("title", values, ctx.request.kind)
    return Letter(
        kind=ctx.request.kind, recipient=to.name, title=f"{title} — {to.name}",
        subject=template.header_value("subject", values, ""), author=author,
        letterhead=letterhead or letterhead_lines(ctx.deal), date_line=long_date(ctx.sent_on),
        delivery=delivery_line(ctx.request.method, to.name, to.fax),
        addressee=Block((to.name, *to.address_lines)), attention=to.attention,
        re_lines=template.header_values("re", values),
        salutation=salutation if salutation is not None else template.header_value(
            "salutation", values, default_salutation) or default_salutation,
        body=template.body(values), signature=signature or counsel_signature(ctx.deal),
        cc=cc, enclosures=enclosures(template, values), heading=template.header_value("heading", values, ""),
        extra=dict(extra or {}))


def enclosures(template: Template, values: dict[str, object]) -> tuple[str, ...]:
    """The template's ``enclosure:`` lines filled in; one whose value is empty encloses nothing
    (an Advice with no document attached has no Enclosure line)."""
    return tuple(e for e in template.header_values("enclosure", values) if e.strip())


def enclosure_name(document: str) -> str:
    """How an Enclosure line names a document: "the Registration Statement" becomes
    "Registration Statement" (a leading article dropped, the first letter capitalised)."""
    name = re.sub(r"^(the|a|an)\s+", "", document.strip(), flags=re.IGNORECASE)
    return name[:1].upper() + name[1:]


def copy_block(party: Party | Holder) -> Block:
    """A cc entry in two lines: who and where; then Attention and fax."""
    where = ", ".join((party.name, *party.address_lines))
    second = "; ".join(x for x in (f"Attention: {party.attention}" if party.attention else "",
                                   f"Facsimile {fax_display(party.fax)}" if party.fax else "") if x)
    return Block((where, second) if second else (where,))


def holder_copies(ctx: Context, *more: Block) -> tuple[Block, ...]:
    """7(g): "Copies of notices to any Holder shall be sent to" Holders' counsel; then the
    Company (the firm's client)."""
    company = ctx.deal.terms.company
    client = Block((f"{company.name} (Attention: {company.attention})" if company.attention else company.name,))
    return (copy_block(ctx.deal.terms.holders_counsel), *more, client)


def template_for(ctx: Context, kind: str) -> Template:
    """The template of letter ``kind`` (the letter registry's ``template``; a name no letter has
    is a template's own name), from the firm's folder when one is given."""
    spec = letter(kind)
    return load_template(spec.template if spec else kind, ctx.request.templates_dir)
