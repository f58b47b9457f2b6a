"""Domain errors that carry a location, so every message can say where the problem is."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import NamedTuple

from .osfouten import os_fout as os_fout  # the one table of OS errors, public here as before


def met_naam(wie: str, tekst: str) -> str:
    """A text with the name of the record it is about in front ('kader 'x': …'), if any."""
    return f"{wie}: {tekst}" if wie else tekst


class Melding(NamedTuple):
    """One problem in a register: where it is, which record (`wie`), what is wrong, in Dutch."""

    tekst: str  # only what is wrong: the record's name is `wie`
    bestand: str = ""
    regel: int | None = None
    kolom: int | None = None
    wie: str = ""  # the record the problem is about ("wijziging nr. 2 (kader 'x')"), if any

    def __str__(self) -> str:
        plaats = self.bestand
        if self.regel is not None:
            plaats += f":{self.regel}"
            if self.kolom is not None:
                plaats += f":{self.kolom}"
        tekst = met_naam(self.wie, self.tekst)
        return f"{plaats}: {tekst}" if plaats else tekst


class Weigering(enum.Enum):
    """The kind of a refusal, for the CLI to add a hint that names its options."""

    BESTAAT = "bestaat"  # the target exists and overwriting was not asked for
    REGISTER = "register"  # the target is the register in use or inside the package
    RECHTEN = "rechten"
    EIGENAAR = "eigenaar"
    MAP = "map"
    DOCUMENT = "document"  # a new framework names no or an unknown document
    HARDLINK = "hardlink"
    APPARAAT = "apparaat"
    PERIODEN = "perioden"  # a timeline of too many periods


class KadersFout(Exception):
    """Invalid data or an unreadable register: exit code 1."""

    exitcode = 1

    def __init__(
        self, meldingen: Iterable[Melding | str], *, soort: Weigering | None = None
    ) -> None:
        self.meldingen = [m if isinstance(m, Melding) else Melding(m) for m in meldingen]
        self.soort = soort  # what kind of refusal (None: no hint)
        super().__init__("\n".join(str(m) for m in self.meldingen))


class GebruiksFout(KadersFout):
    """Wrong usage: an unknown option value or id, exit code 2."""

    exitcode = 2


def dichtstbij(waarde: str, geldig: Iterable[str], n: int = 1) -> list[str]:
    """The valid values closest to a mistyped one, best first: those that contain it as a
    word part ('Balkan' -> 'westelijke-balkan'), else the most alike."""
    import difflib  # only when something is wrong: not on every start

    opties = list(geldig)
    deel = waarde.strip().casefold()
    if len(deel) >= 3:
        bevat = [o for o in opties if deel in o.casefold() and deel != o.casefold()]
        if bevat:
            gelijkenis = {
                o: difflib.SequenceMatcher(None, deel, o.casefold()).ratio() for o in bevat
            }
            return sorted(bevat, key=lambda o: -gelijkenis[o])[:n]
    return difflib.get_close_matches(waarde, opties, n=n, cutoff=0.6)


_HET_WOORDEN = frozenset({"formaat", "type", "kader", "veld", "commando", "id", "document"})


def onbekend(soort: str, waarde: str, geldig: Iterable[str]) -> str:
    """A Dutch message for an unknown value, with the closest match and the valid values."""
    opties = sorted(geldig)
    bijvoeglijk = "onbekend" if soort in _HET_WOORDEN else "onbekende"
    tekst = f"{bijvoeglijk} {soort} '{waarde}'"
    beste = dichtstbij(waarde, opties)
    tekst += f"; bedoelde u '{beste[0]}'?" if beste else "."
    if len(opties) <= 40:
        tekst += f" Geldig: {', '.join(opties)}."
    return tekst
