"""The timed obligations of DOMAIN.md's table: the registry (``registry.OBLIGATIONS``, one entry
per kind) and one builder per kind, each registered with ``@registry.builds``. Importing this
package imports every builder module, so every entry has its builder."""

from rra_desktop.domain.obligations import holders, periods, registration, review  # noqa: F401 (registers)
from rra_desktop.domain.obligations.base import Draft, Facts
from rra_desktop.domain.obligations.registry import (
    OBLIGATIONS,
    OPTION_WINDOWS,
    ObligationKind,
    ObligationSpec,
    spec,
)

__all__ = ["OBLIGATIONS", "OPTION_WINDOWS", "Draft", "Facts", "ObligationKind", "ObligationSpec", "spec"]
