"""Command-line registers of 7(g) address changes and 3(a) objections, and the commands that
record and withdraw them.

``addresses FILE`` lists every recorded change of notice address with the day it takes effect and
its state on ``--as-of``; ``addresses FILE --in-force`` prints every Holder's and party's address
in force that day instead. ``address-change`` records one (a Holder by ``--holder``, or a party by
``--party``); what it does not give (``--line``, ``--attention``, ``--fax``) is kept from the
address in force on the sending date, as a notice that changes only a fax number reads.
``address-withdraw`` records the day a change stopped applying.

``objections FILE`` lists the 3(a) objections with whether each binds and whether it stands on
``--as-of``; ``objection`` records one, ``objection-withdraw`` the day it was withdrawn.

Each change is one audited action (as in the window); a refusal writes nothing and exits 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import uuid

from rra_desktop.cli import EXIT_OK, UserError, _add, iso_date, opened
from rra_desktop.cli_views import as_of, print_json, table
from rra_desktop.domain.counting import clock, fmt

PARTIES = {"company": "company", "company-counsel": "company_counsel", "holders-counsel": "holders_counsel",
           "transfer-agent": "transfer_agent"}


def eastern_time(text: str) -> dt.datetime:
    """An argparse type: a date and time, Eastern wall time (YYYY-MM-DDTHH:MM or with a space)."""
    from rra_desktop.domain.entries import date_problem

    try:
        at = dt.datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date and time; write YYYY-MM-DDTHH:MM (Eastern), "
                                         "e.g. 2003-07-09T14:00") from None
    problem = date_problem(at.date())
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return at.replace(tzinfo=None) if at.tzinfo is None else at


def add_parsers(sub) -> None:
    from rra_desktop.domain.notices import METHODS

    p = _add(sub, "addresses", "the register of 7(g) notice-address changes (or, with --in-force, every Holder's "
             "and party's address in force on the date)", addresses, as_of=True, json=True)
    p.add_argument("--in-force", action="store_true", dest="in_force",
                   help="print the address in force on --as-of of every Holder and party")
    p = _add(sub, "address-change", "record a notice designating another address under 7(g) (in force from "
             "the day it is deemed given, or the later day it names)", address_change)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--holder", metavar="NAME_OR_ID", help="the Holder whose address changes (id, name, or the "
                     "start of its name)")
    who.add_argument("--party", choices=tuple(PARTIES), help="a party whose address changes")
    p.add_argument("--line", action="append", default=None, metavar="TEXT",
                   help="a line of the new address (repeat for each line; default: the lines in force)")
    p.add_argument("--attention", default=None, metavar="TEXT", help="the new Attention line (default: unchanged)")
    p.add_argument("--fax", default=None, metavar="NUMBER", help="the new facsimile number (default: unchanged)")
    p.add_argument("--method", required=True, choices=tuple(m.value for m in METHODS),
                   help="how the notice of the change was given (7(g))")
    p.add_argument("--sent-at", required=True, type=eastern_time, dest="sent_at", metavar="YYYY-MM-DDTHH:MM",
                   help="when the notice of the change was sent, Eastern")
    p.add_argument("--received", type=iso_date, default=None, metavar="DATE", help="its recorded actual receipt")
    p.add_argument("--effective", type=iso_date, default=None, metavar="DATE",
                   help="a later day the notice names for the change (default: the day it is deemed given)")
    p.add_argument("--document", default="", metavar="TEXT", help="the notice of the change (file name)")
    p.add_argument("--note", default="", metavar="TEXT")
    p = _add(sub, "address-withdraw", "record the day a 7(g) address change stopped applying", address_withdraw)
    p.add_argument("change_id", metavar="ID", help="the change's id (see `rra-desktop addresses FILE`)")
    p.add_argument("--on", required=True, type=iso_date, metavar="DATE", help="the day the withdrawal took effect")
    _add(sub, "objections", "the register of 3(a) written objections: whether each binds, and stands on the date",
         objections, as_of=True, json=True)
    p = _add(sub, "objection", "record a 3(a) written objection to a document proposed to be filed", objection)
    p.add_argument("--document", required=True, metavar="TEXT", help="the document objected to")
    p.add_argument("--by", action="append", default=[], metavar="HOLDER", help="an objecting Holder (repeatable)")
    p.add_argument("--special-counsel", action="store_true", dest="special_counsel", help="Special Counsel objects")
    p.add_argument("--received", required=True, type=iso_date, metavar="DATE",
                   help="the day the Company received the objection")
    p.add_argument("--registration", default=None, metavar="ID", help="the registration statement it concerns")
    p.add_argument("--copies", default=None, metavar="FACT_ID",
                   help="the receipt of review copies it answers (default: the latest before it)")
    p.add_argument("--note", default="", metavar="TEXT")
    p = _add(sub, "objection-withdraw", "record the day a 3(a) objection was withdrawn", objection_withdraw)
    p.add_argument("objection_id", metavar="ID", help="the objection's id (see `rra-desktop objections FILE`)")
    p.add_argument("--on", required=True, type=iso_date, metavar="DATE", help="the day it was withdrawn")


def find_holder(deal, name_or_id: str):
    """A Holder by id, exact name, or the one name starting so (``services.holders.find_holder``);
    several or none are refused as the command line's errors."""
    from rra_desktop.services.holders import find_holder as found

    return found(deal, name_or_id, UserError)


def addresses(args) -> int:
    from rra_desktop.domain.addresses import address_book, one_line, register

    on = as_of(args)
    with opened(args.file) as store:
        deal = store.deal()
    if args.in_force:
        book = address_book(deal, on)
        if args.json:
            print_json({"as_of": on, "addresses": [
                {"whose": e.whose, "of": e.of.value, "holder_id": e.holder_id, "address_lines": list(e.address.lines),
                 "attention": e.address.attention, "fax": e.address.fax,
                 "change_id": e.address.change.id if e.address.change else None} for e in book]})
            return EXIT_OK
        print(f"Notice addresses in force on {fmt(on)} (7(g))")
        print(table(("Whose", "Address", "Designated by"), [
            (e.whose, one_line(e.address), e.address.change.id if e.address.change else "first designation")
            for e in book]))
        return EXIT_OK
    entries = register(deal, on)
    if args.json:
        print_json({"as_of": on, "address_changes": [
            {"id": e.id, "whose": e.whose, "of": e.change.of.value, "holder_id": e.change.holder_id,
             "address_lines": list(e.change.address_lines), "attention": e.change.attention, "fax": e.change.fax,
             "method": e.change.method, "sent_at": e.change.sent_at, "received_on": e.change.received_on,
             "deemed_given_on": e.effect.given_on, "in_force_from": e.effect.date,
             "withdrawn_on": e.change.withdrawn_on, "state": e.state, "explanation": e.effect.explanation}
            for e in entries]})
        return EXIT_OK
    print(f"7(g) notice-address changes, as of {fmt(on)}")
    if not entries:
        print("No change of address is recorded: every notice goes to the address first designated.")
        return EXIT_OK
    print(table(("ID", "Whose", "New address", "Sent", "In force from", "Withdrawn", "State"), [
        (e.id, e.whose, one_line(_address(e.change)), f"{e.change.method} {fmt(e.change.sent_at)} "
         f"{clock(e.change.sent_at)}", fmt(e.effect.date) if e.effect.date else "awaiting receipt",
         fmt(e.change.withdrawn_on) if e.change.withdrawn_on else "", e.state) for e in entries]))
    return EXIT_OK


def _address(change):
    from rra_desktop.domain.addresses import Address

    return Address(change.address_lines, change.attention, change.fax)


def address_change(args) -> int:
    from rra_desktop.domain.addresses import address_in_force, takes_effect
    from rra_desktop.domain.calendar import calendar_for
    from rra_desktop.domain.model import AddressChange, AddressOf
    from rra_desktop.services.addresses import record_address_change

    with opened(args.file, read_only=False) as store:
        deal = store.deal()
        if args.holder is not None:
            of, holder_id = AddressOf.HOLDER, find_holder(deal, args.holder).id
        else:
            of, holder_id = AddressOf(PARTIES[args.party]), None
        current = address_in_force(deal, of, args.sent_at.date(), holder_id)
        change = AddressChange(
            f"ac-{uuid.uuid4().hex[:10]}", of, tuple(args.line) if args.line is not None else current.lines,
            args.method, args.sent_at, holder_id=holder_id,
            attention=current.attention if args.attention is None else args.attention,
            fax=current.fax if args.fax is None else args.fax, received_on=args.received,
            effective_from=args.effective, document=args.document, note=args.note)
        done = record_address_change(store, change)
        stored = store.deal().address_changes[-1]
        effect = takes_effect(stored, calendar_for(deal.terms))
    print(f"{done.label} (id {stored.id})")
    print(effect.explanation)
    return EXIT_OK


def address_withdraw(args) -> int:
    from rra_desktop.services.addresses import withdraw_address_change

    with opened(args.file, read_only=False) as store:
        print(withdraw_address_change(store, args.change_id, args.on).label)
    return EXIT_OK


def _objector_names(deal, objectors) -> str:
    from rra_desktop.domain.objections import SPECIAL_COUNSEL

    names = {h.id: h.name for h in deal.holders}
    return "; ".join("Special Counsel" if i == SPECIAL_COUNSEL else names.get(i, i) for i in objectors)


def objections(args) -> int:
    from rra_desktop.domain.objections import objection_status

    on = as_of(args)
    with opened(args.file) as store:
        deal = store.deal()
    records = []
    for o in deal.objections:
        s = objection_status(deal, o)
        records.append({"id": o.id, "document": o.document, "objectors": list(o.objectors),
                        "objector_names": _objector_names(deal, o.objectors), "received_on": o.received_on,
                        "registration_id": o.registration_id, "copies_received_on": s.copies_received,
                        "window_end": s.window_end, "binding": s.binding, "withdrawn_on": o.withdrawn_on,
                        "stands": s.stands_on(on), "explanation": s.explanation})
    if args.json:
        print_json({"as_of": on, "objections": records})
        return EXIT_OK
    print(f"3(a) written objections, as of {fmt(on)}")
    if not records:
        print("No objection is recorded.")
        return EXIT_OK
    print(table(("ID", "Document", "Objectors", "Received", "Window ends", "Binds", "Withdrawn", "Stands"), [
        (r["id"], r["document"], r["objector_names"], fmt(r["received_on"]),
         fmt(r["window_end"]) if r["window_end"] else "—", "yes" if r["binding"] else "no",
         fmt(r["withdrawn_on"]) if r["withdrawn_on"] else "", "yes" if r["stands"] else "no") for r in records]))
    for r in records:
        print(f"{r['id']}: {r['explanation']}")
    return EXIT_OK


def objection(args) -> int:
    from rra_desktop.domain.model import Objection
    from rra_desktop.domain.objections import SPECIAL_COUNSEL, objection_status
    from rra_desktop.services.objections import record_objection

    with opened(args.file, read_only=False) as store:
        deal = store.deal()
        objectors = [find_holder(deal, name).id for name in args.by]
        if args.special_counsel:
            objectors.append(SPECIAL_COUNSEL)
        o = Objection(f"o-{uuid.uuid4().hex[:10]}", args.document, tuple(objectors), args.received,
                      registration_id=args.registration, copies_fact_id=args.copies, note=args.note)
        done = record_objection(store, o)
        status = objection_status(store.deal(), store.deal().objections[-1])
    print(f"{done.label} (id {o.id})")
    print(status.explanation)
    return EXIT_OK


def objection_withdraw(args) -> int:
    from rra_desktop.services.objections import withdraw_objection

    with opened(args.file, read_only=False) as store:
        print(withdraw_objection(store, args.objection_id, args.on).label)
    return EXIT_OK
