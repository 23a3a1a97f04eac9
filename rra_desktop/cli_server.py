"""``rra-desktop copy SOURCE DEST``: a deal between a deal file and a firm server, exactly.

SOURCE and DEST are each a deal file or a server URL (``postgresql://HOST/DATABASE?deal=NAME``).
The destination must not exist. A connection problem (server down, wrong password, no such deal,
no permission, a schema newer than this program) is one clear message and exit status 2, with
nothing written.
"""

from __future__ import annotations

from rra_desktop.cli import EXIT_OK


def add_parser(sub) -> None:
    text = "copy a deal between a deal file and a firm server (either way), trail included"
    p = sub.add_parser("copy", help=text, description=text)
    p.add_argument("source", metavar="SOURCE", help="a deal file, or postgresql://HOST/DATABASE?deal=NAME")
    p.add_argument("destination", metavar="DEST", help="a new deal file, or a new server deal URL")
    p.set_defaults(handler=copy)


def copy(args) -> int:
    from rra_desktop.store.copying import copy_deal
    from rra_desktop.store.server import _hide_password

    report = copy_deal(args.source, args.destination)
    print(f"Copied {_hide_password(args.source)} to {_hide_password(args.destination)}: {report.message}; "
          f"head digest {report.head}")
    return EXIT_OK
