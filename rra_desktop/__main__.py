"""The entry point: the one place that wires the core, the GUI and the reports together.

``rra-desktop`` with no command (or with just a deal file, or starting with an option only the
window takes, such as ``--settings INI``) opens the GUI; any other first word is a command-line
command or option (``--help``, ``--version``). A first word that is neither a command nor an
existing file (nor looks like a path) is refused with exit status 2 and the closest command named
(``rra-desktop agnda deal.rradeal``): opening the window on a deal called "agnda" would only
hide the typing slip.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Commands whose work lives in ``reports/``; the core's command line cannot import it.
REPORT_COMMANDS = ("notice", "report")
DEAL_EXTENSION = ".rradeal"  # rra_desktop.store.EXTENSION, without loading the store to read it


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in REPORT_COMMANDS:
        from reports.cli import run_reports_cli

        return run_reports_cli(argv)
    from ui.app import GUI_OPTIONS, run_gui

    if not argv or argv[0].split("=", 1)[0] in GUI_OPTIONS or argv[0].endswith(DEAL_EXTENSION):
        return run_gui(argv)  # no command is named like a deal file: the command line is not loaded
    from rra_desktop.cli import COMMANDS, run_cli

    if argv and (argv[0] in COMMANDS or argv[0].startswith("-")):
        return run_cli(argv)  # a command, or an option of the command line (--help, --version)
    if argv and _bare_word(argv[0]):
        return _no_such_command(argv[0], (*COMMANDS, *REPORT_COMMANDS))
    return run_gui(argv)


def _bare_word(word: str) -> bool:
    """A word that names no existing file and does not look like a path either (no folder, no
    extension): a mistyped command. "deal.rradeal" that does not exist still goes to the window,
    which says the file is missing."""
    path = Path(word)
    return not path.exists() and not path.suffix and len(path.parts) == 1


def _no_such_command(word: str, commands) -> int:
    """Exit status 2 (bad input), naming the closest command."""
    import difflib

    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.7)
    hint = f" Did you mean “rra-desktop {close[0]}”?" if close else " See “rra-desktop --help” for the commands."
    print(f"rra-desktop: “{word}” is neither a command nor an existing deal file.{hint}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
