"""A deadline's detail as HTML: the contractual dates beside the date in force and the
instrument that set it (a date never changes silently, only on the record), the clause and the working."""

from __future__ import annotations

from ui.formatting import escape, fmt_date, plural
from ui.holder_detail import clause_link


def deadline_detail_html(d) -> str:
    instrument = d.instrument
    if instrument is not None:
        set_by = (f"set by {escape(str(instrument.kind))} under {clause_link(instrument.clause)} of "
                  f"{fmt_date(instrument.on)}: {escape(instrument.description)}"
                  + (f" (document: {escape(instrument.document)})" if instrument.document else ""))
    elif getattr(d, "postponed_by", None) is not None:
        b = d.postponed_by
        set_by = (f"postponed under {clause_link('3(n)')} by the Blackout Period ({escape(b.basis.value)}) from "
                  f"{fmt_date(b.start)}; contractual act-by date {fmt_date(d.act_by)}")
    else:
        set_by = "the contractual date (no consent, waiver, extension or blackout applies)"
    rows = (
        ("Due (as written)", fmt_date(d.due)),
        ("Act by (last Business Day)", fmt_date(d.act_by)),
        ("Extended to (GCL §25)", fmt_date(d.extended_to)),
        ("<b>In force</b>", f"<b>{fmt_date(d.in_force)}</b> — {set_by}"),
        ("Status", escape(str(d.status).replace("_", " ")) + (f" on {fmt_date(d.done_on)}" if d.done_on else "")
         + (f" — <b style='color:#d93025'>late by {plural(d.late_by, 'day')}</b>"
            if getattr(d, "late_by", None) else "")),
        ("Party", escape(str(d.party))),
        ("Trigger", f"{escape(str(d.trigger))} {fmt_date(d.trigger_date)}"),
        ("Clause", clause_link(d.clause)),
        ("Calendar", escape(str(d.calendar))),
    )
    table = "".join(f"<tr><td valign='top'>{k}</td><td>{v}</td></tr>" for k, v in rows)
    return f"""
    <h3>{escape(d.title)}</h3>
    <table cellpadding='3'>{table}</table>
    <h4>How it was computed</h4><p>{escape(d.explanation)}</p>
    <h4>Clause {clause_link(d.clause)}</h4><p style='white-space: pre-wrap'>{escape(d.clause_text)}</p>
    """
