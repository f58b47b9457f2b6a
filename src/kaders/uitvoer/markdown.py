"""Markdown: a GitHub pipe table of the flat rows, for briefing notes."""

from __future__ import annotations

from collections.abc import Sequence

from .tekst import cel, een_regel
from .weergave import Rij

# Raw HTML in a cell would be rendered (GitHub and most viewers pass inline HTML on): '&', '<'
# and '>' become entities, so '<script>' or '<img onerror=…>' is shown as text.
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _cel(waarde: object) -> str:
    """A cell on one line, '|' escaped so it cannot end the cell, HTML shown as text."""
    tekst = een_regel(cel(waarde)).translate(_HTML)
    return tekst.replace("\\", "\\\\").replace("|", "\\|")


def _getal(waarde: object) -> bool:
    return isinstance(waarde, int | float) and not isinstance(waarde, bool)


def markdown(kolommen: Sequence[str], rijen: Sequence[Rij]) -> str:
    """A GitHub-flavoured pipe table: a header row, numeric columns aligned right."""
    rechts = [
        any(_getal(r.get(k)) for r in rijen)
        and all(r.get(k) is None or _getal(r.get(k)) for r in rijen)
        for k in kolommen
    ]
    uit = [
        "| " + " | ".join(_cel(k) for k in kolommen) + " |",
        "| " + " | ".join("---:" if r else "---" for r in rechts) + " |",
    ]
    uit += ["| " + " | ".join(_cel(r.get(k)) for k in kolommen) + " |" for r in rijen]
    return "\n".join(uit) + "\n"
