"""The entry point: the one place that wires the core, the GUI and the reports together.

``rra-desktop`` with no command (or with just a deal file, or starting with an option only the
window takes, such as ``--settings INI``) opens the GUI; any other first word is a command-line
command or option (``--help``, ``--version``).
"""

from __future__ import annotations

import sys

# Commands whose work lives in ``reports/``; the core's command line cannot import it.
REPORT_COMMANDS = ("notice", "report")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in REPORT_COMMANDS:
        from reports.cli import run_reports_cli

        return run_reports_cli(argv)
    from ui.app import GUI_OPTIONS, run_gui

    if argv and argv[0].split("=", 1)[0] in GUI_OPTIONS:
        return run_gui(argv)
    from rra_desktop.cli import COMMANDS, run_cli

    if argv and (argv[0] in COMMANDS or argv[0].startswith("-")):
        return run_cli(argv)  # a command, or an option of the command line (--help, --version)
    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
