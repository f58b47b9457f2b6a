"""Rules across records (unique ids, known regions, a region tree without cycles, an ended
framework that really ends), once; and the warnings about dates outside the register's period.

The rules take plain (id, reference) pairs, so the loader can run them on raw TOML tables (to
report every problem with its line, even when a record is otherwise invalid), the model on a
validated register, and the writer on a register plus a new record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from .errors import Melding, met_naam, onbekend


class Probleem(NamedTuple):
    """A broken rule: which table, which record, which field, and what is wrong.

    `tekst` says only what is wrong; `wie` names the record ("kader 'x'"), in front when shown.
    A duplicate also names the earlier record (`eerder`, an index): the text is then followed
    by where that record is (its line, or its position) and by `staart`.
    """

    tabel: str
    rij: int  # the index of the record in its table
    veld: str | None
    tekst: str
    eerder: int | None = None
    staart: str = ""
    wie: str = ""


def _naam(tabel: str, rid: object, index: int) -> str:
    return f"{tabel} '{rid}'" if isinstance(rid, str) else f"{tabel} nr. {index + 1}"


def _dubbele(tabel: str, ids: Sequence[object]) -> tuple[list[Probleem], dict[str, int]]:
    """Ids that occur twice; and the first index of every id."""
    eerste: dict[str, int] = {}
    problemen: list[Probleem] = []
    for i, rid in enumerate(ids):
        if not isinstance(rid, str):
            continue
        if rid in eerste:
            if tabel == "kader":
                tekst, staart = "veld 'id': komt al voor", "; moet uniek zijn"
            else:
                tekst, staart = "id komt al voor", ""
            wie = f"{tabel} '{rid}'"
            problemen.append(Probleem(tabel, i, "id", tekst, eerste[rid], staart, wie))
        else:
            eerste[rid] = i
    return problemen, eerste


def problemen(
    regios: Sequence[tuple[object, object]],
    kaders: Sequence[tuple[object, object]],
    *,
    eindes: Sequence[tuple[object, object]] = (),
    standaard_eind: object = None,
) -> list[Probleem]:
    """Every rule across records: regios as (id, ouder), kaders as (id, regio).

    `eindes` gives (beëindigd, eind) for the frameworks in the same order: whether a framework
    is marked as ended, and its end, to check against the register's `standaard_eind`.
    """
    uitkomst, regio_ids = _dubbele("regio", [rid for rid, _ in regios])
    for i, (rid, ouder) in enumerate(regios):
        if isinstance(ouder, str) and ouder not in regio_ids:
            tekst = "veld 'ouder': " + onbekend("regio", ouder, regio_ids)
            uitkomst.append(Probleem("regio", i, "ouder", tekst, wie=_naam("regio", rid, i)))
    uitkomst += _kringen(regios, regio_ids)
    dubbel, _ = _dubbele("kader", [kid for kid, _ in kaders])
    uitkomst += dubbel
    if regio_ids:
        for i, (kid, regio) in enumerate(kaders):
            if isinstance(regio, str) and regio not in regio_ids:
                tekst = "veld 'regio': " + onbekend("regio", regio, regio_ids)
                uitkomst.append(Probleem("kader", i, "regio", tekst, wie=_naam("kader", kid, i)))
    uitkomst += _beeindigd(kaders, eindes, standaard_eind)
    return uitkomst


def _beeindigd(
    kaders: Sequence[tuple[object, object]],
    eindes: Sequence[tuple[object, object]],
    standaard_eind: object,
) -> list[Probleem]:
    """A framework marked as ended must have its own end, not the register's standard end.

    Otherwise `totaal` keeps counting it until the standard end and `verloopt` never lists it.
    """
    if not isinstance(standaard_eind, dt.date):
        return []
    uitkomst = []
    for i, ((kid, _), (beeindigd, eind)) in enumerate(zip(kaders, eindes, strict=False)):
        if beeindigd and eind == standaard_eind:
            tekst = (
                f"veld 'eind': status 'beeindigd' maar eind is het "
                f"standaardeinde {standaard_eind}; zet 'eind' op de laatste dag van de bijdrage "
                "(of kies een andere status)"
            )
            uitkomst.append(Probleem("kader", i, "eind", tekst, wie=_naam("kader", kid, i)))
    return uitkomst


def buiten_periode(
    begin: dt.date, standaard_eind: dt.date, kaders: Sequence[tuple[str, dt.date, dt.date]]
) -> list[Probleem]:
    """Frameworks (id, begin, eind) that begin before the register or end after its standard end.

    Not an error (a letter may extend a framework), but worth a look: a warning.
    """
    uitkomst = []
    for i, (kid, kbegin, keind) in enumerate(kaders):
        if kbegin < begin:
            tekst = f"begin {kbegin} ligt vóór het begin van het register ({begin})"
            uitkomst.append(Probleem("kader", i, "begin", tekst, wie=f"kader '{kid}'"))
        if keind > standaard_eind:
            tekst = f"eind {keind} ligt na het standaardeinde van het register ({standaard_eind})"
            uitkomst.append(Probleem("kader", i, "eind", tekst, wie=f"kader '{kid}'"))
    return uitkomst


def _kringen(regios: Sequence[tuple[object, object]], regio_ids: dict[str, int]) -> list[Probleem]:
    """Regions whose chain of parents returns to a region already on it."""
    ouders = {rid: ouder for rid, ouder in regios if isinstance(rid, str)}
    uitkomst: list[Probleem] = []
    for rid in ouders:
        gezien = {rid}
        huidig = ouders.get(rid)
        while isinstance(huidig, str) and huidig in ouders:
            if huidig in gezien:
                tekst = f"de ouder-keten is een kring ({huidig})"
                wie = f"regio '{rid}'"
                uitkomst.append(Probleem("regio", regio_ids[rid], "ouder", tekst, wie=wie))
                break
            gezien.add(huidig)
            huidig = ouders.get(huidig)
    return uitkomst


def als_tekst(probleem: Probleem, plaats: str | None = None) -> str:
    """A problem as text, its record named in front; the earlier record is `plaats`."""
    return met_naam(probleem.wie, _wat(probleem, plaats))


def als_melding(
    probleem: Probleem, bestand: str = "", regel: int | None = None, plaats: str | None = None
) -> Melding:
    """A problem as a message: its record's name stays a field (`wie`), not text."""
    return Melding(_wat(probleem, plaats), bestand, regel, wie=probleem.wie)


def _wat(probleem: Probleem, plaats: str | None) -> str:
    """What is wrong; the earlier record is `plaats` ('op regel 21'), else its position."""
    if probleem.eerder is None:
        return probleem.tekst
    plaats = plaats or f"als {probleem.tabel} nr. {probleem.eerder + 1}"
    return f"{probleem.tekst} {plaats}{probleem.staart}"
