"""Personnel per month or quarter: the total of `totaal` on the first day of every period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .errors import GebruiksFout, Weigering, onbekend
from .models import STAPPEN, Kader, Register
from .query import Totaal, groepsleutel, groepsvolgorde, totaal

MAX_PERIODES = 1200  # periods in one timeline: a table of more helps nobody, and takes long


@dataclass(frozen=True)
class Periode:
    """One month or quarter: its label, its first day and the total on that day."""

    label: str
    peildatum: dt.date
    totaal: Totaal


@dataclass(frozen=True)
class Tijdlijn:
    """The periods from the one holding `van` to the one holding `tot`, and all their groups."""

    van: dt.date
    tot: dt.date
    stap: str
    per: str
    periodes: tuple[Periode, ...]
    groepen: tuple[str, ...]


def _begin_van_periode(datum: dt.date, stap: str) -> dt.date:
    """The first day of the month or quarter that holds the date."""
    if stap == "kwartaal":
        return dt.date(datum.year, (datum.month - 1) // 3 * 3 + 1, 1)
    return datum.replace(day=1)


def _label(begin: dt.date, stap: str) -> str:
    """'2025-06' for a month, '2025-Q2' for a quarter."""
    if stap == "kwartaal":
        return f"{begin.year}-Q{(begin.month - 1) // 3 + 1}"
    return f"{begin.year}-{begin.month:02d}"


def periodes(van: dt.date, tot: dt.date, stap: str = "maand") -> list[tuple[str, dt.date]]:
    """(label, first day) of every period from the one holding `van` to the one holding `tot`."""
    if stap not in STAPPEN:
        raise GebruiksFout([onbekend("stap", stap, STAPPEN)])
    if van > tot:
        raise GebruiksFout([f"de periode begint op {van}, na haar eind {tot}"])
    maanden = 3 if stap == "kwartaal" else 1
    huidig = _begin_van_periode(van, stap)
    laatste = _begin_van_periode(tot, stap)
    aantal = ((laatste.year - huidig.year) * 12 + laatste.month - huidig.month) // maanden + 1
    if aantal > MAX_PERIODES:
        eenheid = "kwartalen" if stap == "kwartaal" else "maanden"
        veel, grens = (f"{n:,}".replace(",", ".") for n in (aantal, MAX_PERIODES))
        tekst = (
            f"de tijdlijn van {van} tot {tot} telt {veel} {eenheid}; hoogstens {grens} per "
            "keer (100 jaar per maand, 300 per kwartaal): kies een kortere periode of een "
            "grotere stap"
        )
        raise GebruiksFout([tekst], soort=Weigering.PERIODEN)
    uitkomst: list[tuple[str, dt.date]] = []
    while huidig <= tot:
        uitkomst.append((_label(huidig, stap), huidig))
        volgende = huidig.month - 1 + maanden
        if huidig.year + volgende // 12 > dt.MAXYEAR:
            break
        huidig = dt.date(huidig.year + volgende // 12, volgende % 12 + 1, 1)
    return uitkomst


def tijdlijn(
    kaders_op: Callable[[dt.date], tuple[Register, list[Kader]]],
    van: dt.date,
    tot: dt.date,
    stap: str = "maand",
    per: str = "type",
    *,
    op_type: bool = False,
) -> Tijdlijn:
    """For every period, exactly `query.totaal` on its first day: the same counting rules.

    `kaders_op(dag)` gives the register and the chosen frameworks as they hold on that day,
    so a value that holds from a later day counts only from the period it holds in.
    """
    uitkomst: list[Periode] = []
    volgorde: dict[str, int] = {}
    for label, dag in periodes(van, tot, stap):
        register, kaders = kaders_op(dag)
        volgorde = volgorde or groepsvolgorde(register, per)
        groepsleutel(register, per)
        uitkomst.append(Periode(label, dag, totaal(register, kaders, dag, per, op_type=op_type)))
    namen = {g.groep for p in uitkomst for g in p.totaal.groepen}
    groepen = tuple(sorted(namen, key=lambda g: (volgorde.get(g, 1 << 30), g)))
    return Tijdlijn(van, tot, stap, per, tuple(uitkomst), groepen)
