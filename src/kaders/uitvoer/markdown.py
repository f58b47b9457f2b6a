"""Markdown for briefing notes: a heading that says what, on which day, as known on which day;
the table people see (labels, not raw fields); and its legend."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..veilig_tekst import toonbaar
from .tekst import een_regel, mens_tekst
from .weergave import Rij, Weergave

# Raw HTML in a cell would be rendered (GitHub and most viewers pass inline HTML on): '&', '<'
# and '>' become entities, so '<script>' or '<img onerror=…>' is shown as text.
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Markdown's own marks, shown as text: '*' of the derived mark never starts a list or emphasis.
_OPMAAK = re.compile(r"([\\`*_\[\]|#~])")
_ONBEKEND = ("onbekend", "?")  # an unknown count in a column of numbers


def _veilig(waarde: object) -> str:
    """Text on one line with Markdown, HTML and control characters shown as written."""
    return _OPMAAK.sub(r"\\\1", toonbaar(een_regel(mens_tekst(waarde))).translate(_HTML))


def _getal(waarde: object) -> bool:
    """A number, also as the text of a table for people ('12'; unknown: 'onbekend', '?')."""
    if isinstance(waarde, str):
        return waarde in _ONBEKEND or re.fullmatch(r"-?\d+", waarde) is not None
    return isinstance(waarde, int | float) and not isinstance(waarde, bool)


def markdown(
    kolommen: Sequence[str], rijen: Sequence[Rij], koppen: Sequence[str] | None = None
) -> str:
    """A GitHub-flavoured pipe table of the keys `kolommen` under `koppen` (default: the
    keys); numeric columns aligned right."""
    rechts = [
        any(_getal(r.get(k)) and r.get(k) not in _ONBEKEND for r in rijen)
        and all(r.get(k) in (None, "") or _getal(r.get(k)) for r in rijen)
        for k in kolommen
    ]
    uit = [
        "| " + " | ".join(_veilig(k) for k in koppen or kolommen) + " |",
        "| " + " | ".join("---:" if r else "---" for r in rechts) + " |",
    ]
    uit += ["| " + " | ".join(_veilig(r.get(k)) for k in kolommen) + " |" for r in rijen]
    return "\n".join(uit) + "\n"


def document(weergave: Weergave) -> str:
    """The view as Markdown: heading, the day it shows, the table for people, the legend."""
    plan = weergave.mens
    uit = [f"## {_veilig(plan.titel if plan else weergave.titel)}", ""]
    if weergave.datering is not None:
        uit += [_veilig(weergave.datering.tekst()), ""]
    if plan is None:
        return "\n".join([*uit, markdown(weergave.kolommen, weergave.rijen)])
    sleutels = [k[0] for k in plan.kolommen]
    uit.append(markdown(sleutels, plan.rijen, [k[1] for k in plan.kolommen]))
    legenden = plan.legenden or {}
    voet = [d for d in (plan.voet, *(legenden.get(k, "") for k in sleutels)) if d]
    if voet:
        uit.append(_veilig(" ".join(voet)) + "\n")
    return "\n".join(uit)
