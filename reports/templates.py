"""The letter wording, kept in text files a firm edits without touching code.

Format (documented for the firm in ``reports/templates/README.md``): header lines ``key: value``
(title, subject, re, salutation, closing, heading, enclosure) up to a line ``---``; then the body, one
paragraph per blank-line-separated block. A paragraph may start with a marker: ``>>`` (indented
block), ``==`` (centred heading), ``-`` (bullet), ``|`` (flush left, no first-line indent), and
before any of these ``?name`` (keep the paragraph only when the value ``name`` is not empty).
Inline: ``**bold**``, ``__underlined__``, ``//italic//``; ``$name`` or ``${name}`` is a value;
``$$`` is a dollar sign. Values are inserted as plain text after the markup is read, so nothing
in a Holder's name (``&``, ``<``, ``**``) can change the letter's layout.

Straight quotes written in a template print as a word processor sets them (``"Company"`` as
“Company”, ``Holder's`` as Holder’s): a quote opens at the start of the text or after a space or
an opening bracket, dash or quote, and closes (or is an apostrophe) anywhere else, judged by the
character printed before it, a value's last character included. Only the template's own words
are changed: a value (a name the user typed, ``O'Brien "Fund"``) prints exactly as typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reports.document import Para, Run

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
HEADER_KEYS = ("title", "subject", "re", "salutation", "closing", "heading", "enclosure")
STYLE_MARKERS = {">>": "indent", "==": "heading", "-": "bullet", "|": "flush"}
_TOKEN = re.compile(r"(\*\*|__|//|\$\$|\$\{[A-Za-z_]\w*\}|\$[A-Za-z_]\w*)")
_CONDITION = re.compile(r"^\?([A-Za-z_]\w*)\s+")
_OPENS_AFTER = frozenset(" \t\n([{<\u2014\u2013-/\u201c\u2018")  # a quote after these opens
_QUOTES = {'"': ("\u201c", "\u201d"), "'": ("\u2018", "\u2019")}


class TemplateError(ValueError):
    """A template that cannot be filled: names the file, the line and what is wrong."""


@dataclass(frozen=True)
class Template:
    name: str
    header: tuple[tuple[str, str], ...]  # (key, raw value); "re" may repeat
    paragraphs: tuple[tuple[str, str, int], ...]  # (condition name or "", raw text, line number)

    def header_value(self, key: str, values: Mapping[str, object], default: str = "") -> str:
        raws = [v for k, v in self.header if k == key]
        return plain(raws[0], values, self.name) if raws else default

    def header_values(self, key: str, values: Mapping[str, object]) -> tuple[str, ...]:
        return tuple(plain(v, values, self.name) for k, v in self.header if k == key)

    def body(self, values: Mapping[str, object]) -> tuple[Para, ...]:
        """The paragraphs with the values filled in, conditional ones kept or dropped."""
        out = []
        for condition, raw, line in self.paragraphs:
            if condition and not _value(values, condition, self.name, line):
                continue
            style, text = _style_of(raw)
            out.append(Para(tuple(_runs(text, values, f"{self.name}:{line}")), style))
        return tuple(out)


def _style_of(raw: str) -> tuple[str, str]:
    for marker, style in STYLE_MARKERS.items():
        if raw.startswith(marker + " "):
            return style, raw[len(marker) + 1:].lstrip()
    return "body", raw


def _value(values: Mapping[str, object], name: str, where: str, line: int | str = "") -> str:
    if name not in values:
        at = f"{where}:{line}" if line != "" else where
        raise TemplateError(f"Template {at}: unknown placeholder ${name} (known: {', '.join(sorted(values))})")
    value = values[name]
    return "" if value is None or value is False else str(value)


def typographic(text: str, before: str = "") -> str:
    """``text`` (template wording) with straight quotes made typographic; ``before`` is the
    character printed just before it ("" at the start of a paragraph or header value)."""
    out = []
    for ch in text:
        if ch in _QUOTES:
            ch = _QUOTES[ch][0 if not before or before in _OPENS_AFTER else 1]
        out.append(ch)
        before = ch
    return "".join(out)


def _runs(text: str, values: Mapping[str, object], where: str) -> list[Run]:
    bold = underline = italic = False
    runs: list[Run] = []
    for token in _TOKEN.split(text):
        if not token:
            continue
        if token == "**":
            bold = not bold
        elif token == "__":
            underline = not underline
        elif token == "//":
            italic = not italic
        elif token == "$$":
            runs.append(Run("$", bold, italic, underline))
        elif token.startswith("$"):
            value = _value(values, token.strip("${}"), where)
            if value:
                runs.append(Run(value, bold, italic, underline))
        else:
            before = runs[-1].text[-1:] if runs else ""
            runs.append(Run(typographic(token, before), bold, italic, underline))
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    """Adjacent runs in the same style become one (fewer, longer runs in the .docx)."""
    out: list[Run] = []
    for r in runs:
        if out and (out[-1].bold, out[-1].italic, out[-1].underline) == (r.bold, r.italic, r.underline):
            out[-1] = Run(out[-1].text + r.text, r.bold, r.italic, r.underline)
        else:
            out.append(r)
    return out


def plain(raw: str, values: Mapping[str, object], where: str = "") -> str:
    """A header value filled in, as plain text (markup markers dropped)."""
    return "".join(r.text for r in _runs(raw, values, where))


def parse(text: str, name: str) -> Template:
    """Read a template's text; see the module docstring for the format."""
    lines = text.splitlines()
    if "---" not in (ln.strip() for ln in lines):
        raise TemplateError(f"Template {name}: no '---' line between the header and the body")
    header: list[tuple[str, str]] = []
    number = 0
    for number, line in enumerate(lines, start=1):
        if line.strip() == "---":
            break
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in HEADER_KEYS:
            raise TemplateError(f"Template {name}:{number}: expected 'key: value' with key one of {HEADER_KEYS}")
        header.append((key.strip(), value.strip()))
    paragraphs: list[tuple[str, str, int]] = []
    current: list[str] = []
    start = 0
    for n, line in enumerate([*lines[number:], ""], start=number + 1):
        if line.lstrip().startswith("#") and not current:
            continue
        if line.strip():
            start = start or n
            current.append(line.strip())
            continue
        if current:
            raw = " ".join(current)
            match = _CONDITION.match(raw)
            condition = match.group(1) if match else ""
            paragraphs.append((condition, raw[match.end():] if match else raw, start))
        current, start = [], 0
    return Template(name, tuple(header), tuple(paragraphs))


@lru_cache(maxsize=64)
def _load(path: str, mtime: float) -> Template:
    return parse(Path(path).read_text(encoding="utf-8"), Path(path).name)


def load_template(name: str, directory: Path | None = None) -> Template:
    """The template ``name`` (e.g. "blackout"): from ``directory`` when the firm keeps its own
    wording there and it has that file, else the one shipped in ``reports/templates``."""
    for folder in (directory, TEMPLATES_DIR):
        if folder is not None and (Path(folder) / f"{name}.txt").is_file():
            path = Path(folder) / f"{name}.txt"
            return _load(str(path), path.stat().st_mtime)
    raise TemplateError(f"No template named {name!r} in {directory or TEMPLATES_DIR}")
