"""Pure queries over a register: filter, sort, total, expiring. Dates come in; no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from .errors import GebruiksFout, onbekend
from .models import (
    ORGANISATIES,
    STATUSSEN,
    TELLINGEN,
    TYPEN,
    Kader,
    Register,
    canonieke_status,
)
from .waarden import kies

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
    van: dt.date | None = None  # with `tot`: frameworks running at any moment in the period
    tot: dt.date | None = None
    zonder_aanvullend: bool = False  # only the frameworks of the letters, no additional ones


def normaliseer(register: Register, filter_: Filter) -> Filter:
    """Check every filter value against the vocabularies; fix case; unknown -> GebruiksFout."""
    fouten: list[str] = []

    def geldige(soort: str, waarden: Sequence[str], geldig: Iterable[str]) -> tuple[str, ...]:
        gekozen: list[str] = []
        for waarde in waarden:
            gevonden = kies(waarde, geldig)
            if gevonden is not None:
                gekozen.append(gevonden)
            else:
                fouten.append(onbekend(soort, waarde, geldig))
        return tuple(gekozen)

    uitkomst = Filter(
        regios=geldige("regio", filter_.regios, register.regio_index),
        typen=geldige("type", filter_.typen, TYPEN),
        organisaties=geldige("organisatie", filter_.organisaties, ORGANISATIES),
        statussen=geldige("status", [canonieke_status(s) for s in filter_.statussen], STATUSSEN),
        zoek=filter_.zoek,
        peildatum=filter_.peildatum,
        van=filter_.van,
        tot=filter_.tot,
        zonder_aanvullend=filter_.zonder_aanvullend,
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
        if filter_.zonder_aanvullend and kader.aanvullend:
            return False
        if filter_.peildatum is not None and not kader.loopt_op(filter_.peildatum):
            return False
        if not loopt_in(kader, filter_.van, filter_.tot):
            return False
        if zoek is not None:
            return any(zoek in zonder_accenten(v) for v in zoekteksten(kader, namen))
        return True

    return [k for k in register.kader if past(k)]


ZOEKT_IN = "id, missie, naam, regio (id en naam), landen en toelichting"


def zoekteksten(kader: Kader, regionamen: Mapping[str, str]) -> list[str]:
    """The texts --zoek looks in, as `ZOEKT_IN` names them."""
    teksten = [kader.id, kader.missie, kader.naam, kader.regio, regionamen.get(kader.regio, "")]
    return [*teksten, *kader.landen, kader.toelichting or ""]


def jaar(jaartal: int) -> tuple[dt.date, dt.date]:
    """A calendar year as a period: its first and its last day."""
    if not dt.MINYEAR <= jaartal <= dt.MAXYEAR:
        raise GebruiksFout(
            [f"ongeldig jaar: {jaartal}; een jaar ligt tussen {dt.MINYEAR} en {dt.MAXYEAR}"]
        )
    return dt.date(jaartal, 1, 1), dt.date(jaartal, 12, 31)


def loopt_in(kader: Kader, van: dt.date | None, tot: dt.date | None) -> bool:
    """Whether a framework runs at any moment in the period (begin <= tot and eind >= van).

    An open side (None) does not restrict; both ends are inclusive, as in `Kader.loopt_op`.
    """
    return (tot is None or kader.begin <= tot) and (van is None or kader.eind >= van)


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
    """Personnel of one group: the sum of the known counts (None if none) and how many had none.

    Only active frameworks count; suspended ones (`opgeschort`) are counted apart. The sum
    adds unlike counts: `per_telling` splits it by what each count counts.
    """

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
    personeel_afgeleid: int | None = None  # of `personeel`, the part whose count rests on a
    kaders_afgeleid: int = 0  # derived field (number, meaning, period); of `kaders`, those
    per_telling: Mapping[str, int] = MappingProxyType({})  # `personeel` by counting
    indeling_afgeleid: int | None = None  # of `personeel`, what only the grouping adds
    opgeschort_personeel: int = 0  # suspended: not in `personeel`
    opgeschort_kaders: int = 0
    aanvullend_personeel: int = 0  # additional deployments outside the letter's frameworks:
    aanvullend_kaders: int = 0  # not in `personeel` either


# The fields a count rests on whatever the grouping: the number and its meaning (a count is a
# typed value), and the dates that decide whether a framework runs on the reference date.
TELVELDEN = frozenset({"personeel", "duiding", "telling", "begin", "eind"})
OPGESCHORT = "opgeschort"  # a framework that stands but has nobody deployed: counted apart
# The field that puts a framework in its group, per grouping.
GROEPSVELDEN = {
    "type": "typen",
    "regio": "regio",
    "hoofdregio": "regio",
    "organisatie": "organisatie",
    "status": "status",
}


def indelingsvelden(per: str, op_type: bool = False) -> frozenset[str]:
    """The fields whose derivation puts a framework in its group (or in the selection, when
    it was restricted by type): what a grouping adds to the derived share."""
    velden = {GROEPSVELDEN.get(per, per)}
    if op_type:
        velden.add("typen")
    return frozenset(velden - TELVELDEN)


def rust_op_afleiding(kader: Kader, velden: frozenset[str]) -> bool:
    """Whether any of the given fields of the framework is derived rather than stated."""
    return any(a.veld in velden for a in kader.afgeleid)


def groep(naam: str, kaders: Sequence[Kader], indeling: frozenset[str] = frozenset()) -> Groep:
    """Count one group: the known counts of active frameworks are summed; the others are
    'zonder aantal'; suspended frameworks and additional deployments are counted apart.

    `indeling`: the derived fields that put a framework in this group (see indelingsvelden).
    """
    aanvullend = [k for k in kaders if k.aanvullend]
    opgeschort = [k for k in kaders if k.status == OPGESCHORT and not k.aanvullend]
    actief = [k for k in kaders if k.status != OPGESCHORT and not k.aanvullend]
    met = [k for k in actief if k.personeel is not None]
    aantallen = [(k, k.personeel) for k in met if k.personeel is not None]
    afgeleid = [k for k in actief if rust_op_afleiding(k, TELVELDEN)]
    per_telling = dict.fromkeys(TELLINGEN, 0)
    for kader, aantal in aantallen:
        per_telling[kader.telling or "niet-vermeld"] += aantal
    tel_afgeleid = sum(a for k, a in aantallen if rust_op_afleiding(k, TELVELDEN))
    indeling_afgeleid = sum(
        a
        for k, a in aantallen
        if rust_op_afleiding(k, indeling) and not rust_op_afleiding(k, TELVELDEN)
    )
    return Groep(
        groep=naam,
        personeel=sum(a for _, a in aantallen) if met else None,
        kaders=len(actief),
        met_aantal=len(met),
        zonder_aantal=len(actief) - len(met),
        gemengd=sum(1 for k in actief if len(k.typen) > 1),
        bevat_circa=any(k.duiding == "circa" for k in met),
        bevat_maximaal=any(k.duiding == "maximaal" for k in met),
        bevat_per_jaar=per_telling["per-jaar"] > 0,
        ids=tuple(k.id for k in actief),
        personeel_afgeleid=tel_afgeleid if met else None,
        kaders_afgeleid=len(afgeleid),
        per_telling=MappingProxyType(per_telling),
        indeling_afgeleid=indeling_afgeleid if met else None,
        opgeschort_personeel=sum(k.personeel or 0 for k in opgeschort),
        opgeschort_kaders=len(opgeschort),
        aanvullend_personeel=sum(k.personeel or 0 for k in aanvullend),
        aanvullend_kaders=len(aanvullend),
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
    register: Register,
    kaders: Iterable[Kader],
    peildatum: dt.date,
    per: str = "type",
    *,
    op_type: bool = False,
) -> Totaal:
    """Personnel per group of the frameworks running on the reference date.

    `op_type`: the frameworks were selected by type, so a derived type counts in the
    derived share of the grouping (`indeling_afgeleid`).
    """
    sleutel = groepsleutel(register, per)
    velden = indelingsvelden(per, op_type)
    lopend = [k for k in kaders if k.loopt_op(peildatum)]
    per_groep: dict[str, list[Kader]] = {}
    for kader in lopend:
        per_groep.setdefault(sleutel(kader), []).append(kader)
    volgorde = groepsvolgorde(register, per)
    namen = sorted(per_groep, key=lambda naam: (volgorde.get(naam, 1 << 30), naam))
    groepen = [groep(naam, per_groep[naam], velden) for naam in namen]
    return Totaal(peildatum, per, groepen, groep("totaal", lopend, velden))


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
    """A framework that ends before a threshold (its own end, or its mission's mandate before
    it), with the days left from the reference date to the earlier of the two."""

    kader: Kader
    dagen_over: int
    mandaat_eind: dt.date | None = None  # the mission's mandate, when it ends before the frame

    @property
    def afgelopen(self) -> bool:
        """Whether the framework (or its mission's mandate) already ended on the date."""
        return self.dagen_over < 0

    @property
    def reden(self) -> str:
        """Why it is listed: 'kader eindigt' or 'mandaat eindigt'."""
        return "kader eindigt" if self.mandaat_eind is None else "mandaat eindigt"


def verloopt(
    kaders: Iterable[Kader],
    voor: dt.date,
    peildatum: dt.date,
    mandaten: Mapping[str, dt.date] | None = None,
) -> list[Verloop]:
    """Frameworks whose end lies before the threshold, and those whose mission's mandate
    (`mandaten`: mission -> last day) ends before the framework does; soonest first."""
    uitkomst: list[Verloop] = []
    for kader in kaders:
        mandaat = (mandaten or {}).get(kader.missie)
        if kader.eind < voor:
            uitkomst.append(Verloop(kader, (kader.eind - peildatum).days))
        elif mandaat is not None and mandaat < kader.eind:
            uitkomst.append(Verloop(kader, (mandaat - peildatum).days, mandaat))
    return sorted(uitkomst, key=lambda v: (v.mandaat_eind or v.kader.eind, v.kader.id))


def binnen_venster(verlopen: Iterable[Verloop]) -> list[Verloop]:
    """Those that have not ended yet: they end between the reference date and the threshold."""
    return [v for v in verlopen if not v.afgelopen]
