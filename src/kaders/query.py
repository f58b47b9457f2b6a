"""Pure queries over a register: filter, sort, total, expiring. Dates come in; no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from .errors import GebruiksFout, onbekend
from .models import ORGANISATIES, STATUSSEN, TYPEN, Kader, Register, canonieke_status

GROEPERINGEN = ("type", "regio", "hoofdregio", "organisatie", "status")
SORTEERSLEUTELS = ("regio", "missie", "id", "begin", "eind", "personeel", "status")


def zonder_accenten(tekst: str) -> str:
    """Lower-case text without diacritics, for forgiving search: 'Moldavië' -> 'moldavie'."""
    import unicodedata  # only for --zoek

    ontleed = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in ontleed if not unicodedata.combining(c)).casefold()


class Filter(NamedTuple):
    """Which frameworks a command is about; empty means no restriction."""

    regios: tuple[str, ...] = ()
    typen: tuple[str, ...] = ()
    organisaties: tuple[str, ...] = ()
    statussen: tuple[str, ...] = ()
    zoek: str | None = None
    peildatum: dt.date | None = None


def normaliseer(register: Register, filter_: Filter) -> Filter:
    """Check every filter value against the vocabularies; fix case; unknown -> GebruiksFout."""
    fouten: list[str] = []

    def kies(soort: str, waarden: Sequence[str], geldig: Iterable[str]) -> tuple[str, ...]:
        per_sleutel = {g.casefold(): g for g in geldig}
        gekozen: list[str] = []
        for waarde in waarden:
            if waarde.casefold() in per_sleutel:
                gekozen.append(per_sleutel[waarde.casefold()])
            else:
                fouten.append(onbekend(soort, waarde, per_sleutel.values()))
        return tuple(gekozen)

    uitkomst = Filter(
        regios=kies("regio", filter_.regios, register.regio_index),
        typen=kies("type", filter_.typen, TYPEN),
        organisaties=kies("organisatie", filter_.organisaties, ORGANISATIES),
        statussen=kies("status", [canonieke_status(s) for s in filter_.statussen], STATUSSEN),
        zoek=filter_.zoek,
        peildatum=filter_.peildatum,
    )
    if fouten:
        raise GebruiksFout(fouten)
    return uitkomst


def selecteer(register: Register, filter_: Filter) -> list[Kader]:
    """The frameworks that match every given filter (values already normalised)."""
    regios: set[str] = set()
    for regio in filter_.regios:
        regios |= register.met_onderregios(regio)
    typen = set(filter_.typen)
    zoek = zonder_accenten(filter_.zoek) if filter_.zoek else None
    namen = {r.id: r.naam for r in register.regio}

    def past(kader: Kader) -> bool:
        if regios and kader.regio not in regios:
            return False
        if typen and typen.isdisjoint(kader.typen):
            return False
        if filter_.organisaties and kader.organisatie not in filter_.organisaties:
            return False
        if filter_.statussen and kader.status not in filter_.statussen:
            return False
        if filter_.peildatum is not None and not kader.loopt_op(filter_.peildatum):
            return False
        if zoek is not None:
            velden = [kader.id, kader.missie, kader.naam, kader.regio, namen.get(kader.regio, "")]
            velden += kader.landen
            velden.append(kader.toelichting or "")
            return any(zoek in zonder_accenten(v) for v in velden)
        return True

    return [k for k in register.kader if past(k)]


def sorteer(register: Register, kaders: Iterable[Kader], sleutel: str = "regio") -> list[Kader]:
    """Frameworks in a predictable order: by the key, then region, mission and id."""
    volgorde = {r.id: i for i, r in enumerate(register.regio)}

    def basis(k: Kader) -> tuple[int, str, str]:
        return (volgorde.get(k.regio, len(volgorde)), zonder_accenten(k.missie), k.id)

    sleutels: dict[str, Callable[[Kader], object]] = {
        "regio": basis,
        "missie": lambda k: (zonder_accenten(k.missie), k.id),
        "id": lambda k: k.id,
        "begin": lambda k: (k.begin, basis(k)),
        "eind": lambda k: (k.eind, basis(k)),
        "personeel": lambda k: (k.personeel is None, -(k.personeel or 0), basis(k)),
        "status": lambda k: (STATUSSEN.index(k.status), basis(k)),
    }
    if sleutel not in sleutels:
        raise GebruiksFout([onbekend("sorteersleutel", sleutel, sleutels)])
    return sorted(kaders, key=sleutels[sleutel])  # type: ignore[arg-type]


class Groep(NamedTuple):
    """Personnel of one group: the sum of the known counts (None if none) and how many had none."""

    groep: str
    personeel: int | None
    kaders: int
    met_aantal: int
    zonder_aantal: int
    gemengd: int
    bevat_circa: bool
    bevat_maximaal: bool
    bevat_per_jaar: bool
    ids: tuple[str, ...]


def groep(naam: str, kaders: Sequence[Kader]) -> Groep:
    """Count one group: the known counts are summed; the others are 'zonder aantal'."""
    met = [k for k in kaders if k.personeel is not None]
    return Groep(
        groep=naam,
        personeel=sum(k.personeel for k in met if k.personeel is not None) if met else None,
        kaders=len(kaders),
        met_aantal=len(met),
        zonder_aantal=len(kaders) - len(met),
        gemengd=sum(1 for k in kaders if len(k.typen) > 1),
        bevat_circa=any(k.duiding == "circa" for k in met),
        bevat_maximaal=any(k.duiding == "maximaal" for k in met),
        bevat_per_jaar=any(k.telling == "per-jaar" for k in met),
        ids=tuple(k.id for k in kaders),
    )


class Totaal(NamedTuple):
    """A total on a reference date, split into groups that add up to the grand total."""

    peildatum: dt.date
    per: str
    groepen: list[Groep]
    totaal: Groep


def groepsleutel(register: Register, per: str) -> Callable[[Kader], str]:
    """How a framework is assigned to exactly one group."""
    if per == "type":
        return lambda k: k.typegroep
    if per == "regio":
        return lambda k: k.regio
    if per == "hoofdregio":
        return lambda k: register.hoofdregios.get(k.regio, k.regio)
    if per == "organisatie":
        return lambda k: k.organisatie
    if per == "status":
        return lambda k: k.status
    raise GebruiksFout([onbekend("groepering", per, GROEPERINGEN)])


def totaal(
    register: Register, kaders: Iterable[Kader], peildatum: dt.date, per: str = "type"
) -> Totaal:
    """Personnel per group of the frameworks running on the reference date."""
    sleutel = groepsleutel(register, per)
    lopend = [k for k in kaders if k.loopt_op(peildatum)]
    per_groep: dict[str, list[Kader]] = {}
    for kader in lopend:
        per_groep.setdefault(sleutel(kader), []).append(kader)
    volgorde = groepsvolgorde(register, per)
    namen = sorted(per_groep, key=lambda naam: (volgorde.get(naam, 1 << 30), naam))
    groepen = [groep(naam, per_groep[naam]) for naam in namen]
    return Totaal(peildatum, per, groepen, groep("totaal", lopend))


def groepsvolgorde(register: Register, per: str) -> dict[str, int]:
    """The natural order of groups: regions as in the file, vocabularies as defined."""
    if per in ("regio", "hoofdregio"):
        return {r.id: i for i, r in enumerate(register.regio)}
    if per == "organisatie":
        return {o: i for i, o in enumerate(ORGANISATIES)}
    if per == "status":
        return {s: i for i, s in enumerate(STATUSSEN)}
    return {}


class Verloop(NamedTuple):
    """A framework that ends before a threshold, with the days left from the reference date."""

    kader: Kader
    dagen_over: int

    @property
    def afgelopen(self) -> bool:
        """Whether the framework already ended on the reference date."""
        return self.dagen_over < 0


def verloopt(kaders: Iterable[Kader], voor: dt.date, peildatum: dt.date) -> list[Verloop]:
    """Frameworks whose end lies before the threshold, soonest first."""
    vroeg = [Verloop(k, (k.eind - peildatum).days) for k in kaders if k.eind < voor]
    return sorted(vroeg, key=lambda v: (v.kader.eind, v.kader.id))


def binnen_venster(verlopen: Iterable[Verloop]) -> list[Verloop]:
    """Those that have not ended yet: they end between the reference date and the threshold."""
    return [v for v in verlopen if not v.afgelopen]
