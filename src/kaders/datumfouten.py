"""Every impossible date in a register at once, for `valideer`.

A TOML parser stops at the first date that does not exist (2025-02-30); one run should name
them all. So: parse; when the error sits on such a date, note it, put a valid date of the same
length in its place (columns stay right) and parse again, until the text parses or the error
is another kind. The parser decides what a date error is, not a pattern of ours.
"""

from __future__ import annotations

import datetime as dt
import re

from .errors import KadersFout, Melding
from .tomlfouten import parse_toml

MAX_RONDES = 1000  # a text with more impossible dates gets the first thousand
_VERVANGER = "2000-01-01"
# Fixed-length alternatives, no nested quantifier: linear in the line.
_DATUMACHTIG = re.compile(r"\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}")


def _bestaat(tekst: str) -> bool:
    try:
        dt.date.fromisoformat(tekst)
    except ValueError:
        return False
    return True


def _datum_bij(regel: str, kolom: int | None) -> tuple[int, int] | None:
    """The span of the impossible date nearest to the column on this line, if there is one."""
    kandidaten = [m.span() for m in _DATUMACHTIG.finditer(regel) if not _bestaat(m.group())]
    if not kandidaten:
        return None
    plek = (kolom or 1) - 1
    return min(
        kandidaten,
        key=lambda s: 0 if s[0] <= plek < s[1] else min(abs(s[0] - plek), abs(s[1] - plek)) + 1,
    )


def datumfouten(tekst: str, bestand: str) -> list[Melding]:
    """The parse errors of a text: every impossible date, then the first other error if any.

    Empty when the text parses: then its problems are not syntax, and the loader reports them.
    """
    meldingen: list[Melding] = []
    regels = tekst.split("\n")
    for _ in range(MAX_RONDES):
        try:
            parse_toml("\n".join(regels), bestand)
        except KadersFout as fout:
            eerste = fout.meldingen[0]
            meldingen.append(eerste)
            if eerste.regel is None or not 0 < eerste.regel <= len(regels):
                break
            regel = regels[eerste.regel - 1]
            span = _datum_bij(regel, eerste.kolom)
            if span is None:
                break  # not a date: the parser cannot go on past it
            begin, eind = span
            regels[eerste.regel - 1] = regel[:begin] + _VERVANGER + regel[eind:]
            continue
        break
    return meldingen


def met_alle_datumfouten(fout: KadersFout, tekst: str, bestand: str) -> KadersFout:
    """The error of a register that does not load, with every impossible date in it named."""
    alle = datumfouten(tekst, bestand)
    if len(alle) <= 1:
        return fout
    return KadersFout(list(dict.fromkeys(alle)), soort=fout.soort)
