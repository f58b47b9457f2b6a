"""The checks on a new framework before it is written: its own rules, its place in the register
(a unique id, a known region, its document), and warnings for dates outside the register."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import regels
from .errors import KadersFout, Melding, Weigering, dichtstbij
from .inlezen import valideer_kader
from .models import BEEINDIGD, Kader, Register, canonieke_status


def nieuw_kader(register: Register, data: Mapping[str, Any]) -> Kader:
    """Validate a new framework against the register: its own rules, a unique id, a known region.

    All problems are reported at once, each starting with 'nieuw kader'.
    """
    aangevuld = {"begin": register.metadata.begin, "eind": register.metadata.standaard_eind}
    aangevuld.update({k: v for k, v in data.items() if v is not None})
    meldingen: list[Melding] = []
    kader: Kader | None = None
    try:
        kader = valideer_kader(aangevuld, "")
    except KadersFout as fout:
        meldingen += fout.meldingen
    kaders: list[tuple[object, object]] = [(k.id, k.regio) for k in register.kader]
    kaders.append((aangevuld.get("id"), aangevuld.get("regio")))
    eindes: list[tuple[object, object]] = [(k.status == BEEINDIGD, k.eind) for k in register.kader]
    beeindigd = canonieke_status(aangevuld.get("status")) == BEEINDIGD
    eindes.append((beeindigd, kader.eind if kader else None))
    for p in regels.problemen(
        [(r.id, r.ouder) for r in register.regio],
        kaders,
        eindes=eindes,
        standaard_eind=register.metadata.standaard_eind,
    ):
        if p.tabel == "kader" and p.rij == len(register.kader):
            meldingen.append(regels.als_melding(p, plaats="in het register (het id bestaat al)"))
    if aangevuld.get("citaat") is None:  # a new framework cites the words it rests on
        tekst = "veld 'citaat': verplicht veld ontbreekt"
        tekst += "; een nieuw kader noemt de woorden uit zijn document"
        meldingen.append(Melding(tekst, wie=f"kader '{aangevuld.get('id')}'"))
    documentfouten = _documentfouten(register, aangevuld)
    meldingen += documentfouten
    if meldingen or kader is None:
        soort = Weigering.DOCUMENT if documentfouten else None
        raise KadersFout([_nieuw(m) for m in meldingen], soort=soort)
    return kader


def _nieuw(melding: Melding) -> Melding:
    """A message about the framework as about the new one: 'nieuw kader 'x'', without a place."""
    if melding.wie:
        return Melding(melding.tekst, wie=f"nieuw {melding.wie}")
    return Melding(f"nieuw {melding.tekst}")


def _documentfouten(register: Register, data: Mapping[str, Any]) -> list[Melding]:
    """A framework names the document that introduced it, once the register has documents."""
    document, wie = data.get("document"), f"kader '{data.get('id')}'"
    if not register.document:
        if document is None:
            return []
        tekst = "veld 'document': dit register heeft nog geen documenten; voeg eerst "
        return [Melding(tekst + f"document '{document}' toe", wie=wie)]
    lijst = "; ".join(f"{d.id} ({d.datum}, {d.titel})" for d in register.document)
    if document is None:
        tekst = "noemt geen document; in een register met documenten noemt elk kader het "
        return [Melding(tekst + f"document dat het invoerde. Documenten: {lijst}", wie=wie)]
    if document not in {d.id for d in register.document}:
        tekst = f"veld 'document': onbekend document '{document}'"
        beste = dichtstbij(str(document), [d.id for d in register.document])
        tekst += f"; bedoelde u '{beste[0]}'?" if beste else "."
        return [Melding(f"{tekst} Documenten: {lijst}", wie=wie)]
    return []


def waarschuwingen_looptijd(register: Register, kader: Kader) -> list[Melding]:
    """Warnings for a new framework that begins before the register or ends after its term."""
    meta = register.metadata
    return [
        Melding(f"waarschuwing: nieuw {regels.als_tekst(p)}")
        for p in regels.buiten_periode(
            meta.begin, meta.standaard_eind, [(kader.id, kader.begin, kader.eind)]
        )
    ]
