"""``check``: a Holder's 7(d) piggy-back window that closed unexercised is information, named by
Holder, not a finding against anyone. Sample deal; a piggy-back notice to OTA LLC faxed
Tue Jul 1, 2003 at 10:30 a.m. (deemed given that day): its window closes Mon Jul 21, 2003."""

import dataclasses
import datetime as dt

from rra_desktop.domain.deadlines import DeadlineStatus, compute_deadlines
from rra_desktop.domain.model import Completion, FactKind, TimelineFact
from rra_desktop.exchange.deal_json import write_deal_json
from rra_desktop.sample import load_sample_deal

AS_OF = dt.date(2003, 7, 22)
NOTICE = TimelineFact("f-pb", FactKind.PIGGYBACK_NOTICE, dt.date(2003, 7, 1), dt.datetime(2003, 7, 1, 10, 30),
                      holder_id="h-ota", method="fax")
LAPSED = "piggyback_response:f-pb:h-ota"


def _file(cli, new_target, tmp_path, everything_else_done: bool):
    deal = dataclasses.replace(load_sample_deal(), facts=(NOTICE,))
    if everything_else_done:  # the Company's own obligations marked done: only the lapsed option is left
        late = [d.key for d in compute_deadlines(deal, AS_OF) if d.status == DeadlineStatus.OVERDUE and d.key != LAPSED]
        deal = dataclasses.replace(deal, completions=tuple(Completion(k, dt.date(2003, 6, 2)) for k in late))
    source, path = tmp_path / "pb.json", new_target(tmp_path / "pb.rradeal")
    write_deal_json(deal, source)
    assert cli("import", path, source).code == 0
    return path


def test_a_lapsed_piggyback_window_alone_is_information_and_exits_0(cli, new_target, tmp_path):
    path = _file(cli, new_target, tmp_path, everything_else_done=True)
    data = cli("check", path, "--as-of", AS_OF.isoformat(), "--json").json()
    assert [(f["subject"], f["area"], f["severity"]) for f in data["findings"]] == [(LAPSED, "lapsed", "info")]
    text = cli("check", path, "--as-of", AS_OF.isoformat())
    assert text.code == 0
    assert "0 findings as of Tue Jul 22, 2003; 1 for information only" in text.out
    line = next(x for x in text.out.splitlines() if "Piggy-back" in x)
    assert "OTA LLC" in line and "[lapsed 7(d)] info" in line and "the right lapsed" in line


def test_with_other_overdue_obligations_they_alone_make_the_exit_status_1(cli, new_target, tmp_path):
    path = _file(cli, new_target, tmp_path, everything_else_done=False)
    data = cli("check", path, "--as-of", AS_OF.isoformat(), "--json").json()
    errors = [f for f in data["findings"] if f["severity"] != "info"]
    assert errors and all(f["area"] == "overdue" for f in errors)
    assert any(f["subject"] == "filing_date" and f["message"].startswith("Company: ") for f in errors)
    text = cli("check", path, "--as-of", AS_OF.isoformat())
    findings = f"{len(errors)} finding" if len(errors) == 1 else f"{len(errors)} findings"
    assert text.code == 1 and f"{findings} as of Tue Jul 22, 2003; 1 for information only" in text.out
