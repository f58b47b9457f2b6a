"""Append a change or a document to the register: validated against the register and folded
before anything is written, then appended by the writer of `schrijven` (lock, rights, byte-exact
append, atomic replace).

Pure apart from that writer: no clock, no environment, no option names in messages. A change
is checked as the loader checks the file (its fields), as `logregels.controleer` checks the log
(known framework and document, not older than the framework, changes something, leaves a
framework that holds together), and for each version from it on: an ended framework has an
end of its own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from . import logregels, regels, vinden
from .bronmodellen import Document
from .errors import GebruiksFout, KadersFout, Melding, dichtstbij, met_naam, onbekend
from .inlezen import Regelkaart, laad_tekst
from .models import BEEINDIGD, Register, Wijziging, canonieke_status
from .schrijven import aangevulde_tekst, ongeldig_register, vul_aan
from .tomltabel import tabel_toml

Waarschuw = Callable[[Melding], None] | None


def voeg_wijziging_toe(
    pad: Path, data: Mapping[str, Any], *, droog: bool = False, waarschuw: Waarschuw = None
) -> tuple[Wijziging, str]:
    """Append one `[[wijziging]]` to the register file; returns it and the TOML appended.

    `data` holds the table's fields; `kader` may name the framework as `vinden.vind` finds it
    (an id in any case). An unknown framework or document is a usage error (GebruiksFout);
    every other problem is a KadersFout, all at once. Warnings go to `waarschuw`.
    """

    def aanvulling(register: Register, oud: str) -> tuple[str, tuple[Wijziging, str]]:
        _geldig_log(register, oud, pad)
        tabel, kader_id = wijziging_tabel(register, data)
        wie = f"nieuwe wijziging (kader '{kader_id}')"
        nieuw, nieuw_register = _laad_aangevuld(oud, tabel, pad, wie)
        index = len(register.wijziging)
        _regels(nieuw_register, "wijziging", index, wie)
        for melding in _na_de_wijziging(nieuw_register, kader_id, index, wie):
            if waarschuw is not None:
                waarschuw(melding)
        return nieuw, (nieuw_register.wijziging[index], tabel)

    return vul_aan(pad, aanvulling, droog=droog)


def voeg_document_toe(
    pad: Path, data: Mapping[str, Any], *, droog: bool = False
) -> tuple[Document, str]:
    """Append one `[[document]]` to the register file; returns it and the TOML appended.

    Checked: its fields (kind from the vocabulary, a real date, a web address), and a unique id.
    """

    def aanvulling(register: Register, oud: str) -> tuple[str, tuple[Document, str]]:
        _geldig_log(register, oud, pad)
        tabel = document_tabel(data)
        did = data.get("id")
        wie = f"nieuw document '{did}'" if isinstance(did, str) else "nieuw document"
        nieuw, nieuw_register = _laad_aangevuld(oud, tabel, pad, wie)
        index = len(register.document)
        _regels(nieuw_register, "document", index, wie)
        return nieuw, (nieuw_register.document[index], tabel)

    return vul_aan(pad, aanvulling, droog=droog)


def wijziging_tabel(register: Register, data: Mapping[str, Any]) -> tuple[str, str]:
    """The change as a TOML table (tomli-w, fields in the model's order), and its framework id.

    Resolves the framework (any case, as `vinden.vind`) and checks that the document exists;
    the field values themselves are checked by loading the new text.
    """
    _bekende_velden(data, Wijziging.model_fields, "nieuwe wijziging")
    gezocht = data.get("kader")
    if not isinstance(gezocht, str) or not gezocht.strip():
        raise KadersFout(
            [Melding("veld 'kader': verplicht veld ontbreekt", wie="nieuwe wijziging")]
        )
    kader_id = vinden.vind(register, gezocht).id
    document = data.get("document")
    if not isinstance(document, str):
        fout = Melding("veld 'document': verplicht veld ontbreekt", wie="nieuwe wijziging")
        raise KadersFout([fout])
    ids = [d.id for d in register.document]
    if document not in ids:
        if not ids:
            raise GebruiksFout(
                [f"dit register heeft nog geen documenten; voeg eerst document '{document}' toe"]
            )
        raise GebruiksFout([_onbekend_document(register, document)])
    waarden = {**data, "kader": kader_id}
    if "status" in waarden:
        waarden["status"] = canonieke_status(waarden["status"])
    return _tabel("wijziging", waarden, Wijziging.model_fields, ("begin", "eind")), kader_id


def document_tabel(data: Mapping[str, Any]) -> str:
    """The document as a TOML table (tomli-w, fields in the model's order)."""
    _bekende_velden(data, Document.model_fields, "nieuw document")
    return _tabel("document", data, Document.model_fields, ("datum",))


def documentenlijst(register: Register) -> str:
    """The documents of a register in one line: 'id (datum, titel); …'."""
    return "; ".join(f"{d.id} ({d.datum}, {d.titel})" for d in register.document)


def _onbekend_document(register: Register, document: str) -> str:
    beste = dichtstbij(document, [d.id for d in register.document])
    hint = f"; bedoelde u '{beste[0]}'?" if beste else "."
    return f"onbekend document '{document}'{hint} Documenten: {documentenlijst(register)}"


def _bekende_velden(data: Mapping[str, Any], velden: Mapping[str, Any], wie: str) -> None:
    """Unknown keys (typing errors) with the closest field; all at once."""
    fouten = [Melding(onbekend("veld", str(k), velden), wie=wie) for k in data if k not in velden]
    if fouten:
        raise KadersFout(fouten)


def _tabel(
    naam: str, data: Mapping[str, Any], velden: Mapping[str, Any], datums: tuple[str, ...]
) -> str:
    """One table as TOML: not-given fields dropped, ISO dates as TOML dates, model order."""
    waarden: dict[str, Any] = {}
    for veld in velden:
        waarde = data.get(veld)
        if waarde is None or (veld == "afgeleid" and waarde == []):
            continue
        if veld in datums and isinstance(waarde, str):
            # Text that is no date stays text: the loader names the field and what it expects.
            with contextlib.suppress(ValueError):
                waarde = dt.date.fromisoformat(waarde) if len(waarde) == 10 else waarde
        waarden[veld] = waarde
    try:
        return tabel_toml(naam, waarden)
    except (TypeError, ValueError):
        raise KadersFout([Melding(f"{naam}: een waarde is geen geldige TOML-waarde")]) from None


def _geldig_log(register: Register, tekst: str, pad: Path) -> None:
    """Refuse a register whose documents or change log already break a rule."""
    problemen = logregels.controleer(register)
    if problemen:
        kaart = Regelkaart(tekst)
        meldingen = [
            regels.als_melding(p, str(pad), kaart.regel(p.tabel, p.rij, p.veld)) for p in problemen
        ]
        raise KadersFout([ongeldig_register(pad), *meldingen])


def _laad_aangevuld(oud: str, tabel: str, pad: Path, wie: str) -> tuple[str, Register]:
    """The new text and its register; the loader's messages about the new table get its name
    (`wie`) instead of the one the loader gave it, and no place: it is not in the file yet."""
    nieuw = aangevulde_tekst(oud, tabel)
    eerste_regel = nieuw.count("\n", 0, len(nieuw) - len(tabel)) + 1
    try:
        return nieuw, laad_tekst(nieuw, str(pad))
    except KadersFout as fout:
        meldingen = [
            Melding(m.tekst, wie=wie) if (m.regel or 0) >= eerste_regel else m
            for m in fout.meldingen
        ]
        raise KadersFout(meldingen) from None


def _regels(register: Register, tabel: str, index: int, wie: str) -> None:
    """The rules across records on the register with the new entry; the old one broke none,
    so every problem is the new entry's doing, named `wie`."""
    meldingen = []
    for p in logregels.controleer(register):
        if p.tabel != tabel or p.rij != index:
            meldingen.append(Melding(f"daarna: {regels.als_tekst(p)}", wie=wie))
            continue
        meldingen.append(regels.als_melding(p._replace(wie=wie)))
    if meldingen:
        raise KadersFout(meldingen)


def _na_de_wijziging(register: Register, kader_id: str, index: int, wie: str) -> list[Melding]:
    """Each version of the framework from the new change on: an ended framework has an end of
    its own (a refusal); dates outside the register's period are returned as warnings."""
    meta = register.metadata
    from .stand import Kennis

    versies = Kennis(register).versies(kader_id)
    vanaf = next(i for i, v in enumerate(versies) if v.wijziging == index)
    fouten, waarschuwingen = [], []
    for versie in versies[vanaf:]:
        kader = versie.kader
        eindes = [(kader.status == BEEINDIGD, kader.eind)]
        for p in regels.problemen([], [(kader.id, kader.regio)], eindes=eindes,
                                  standaard_eind=meta.standaard_eind):  # fmt: skip
            if p.veld == "eind":
                tekst = "het kader klopt daarna niet meer: " + regels.als_tekst(p)
                fouten.append(Melding(tekst, wie=wie))
    na = versies[vanaf].kader  # the framework as the new change leaves it
    for p in regels.buiten_periode(meta.begin, meta.standaard_eind, [(na.id, na.begin, na.eind)]):
        tekst = f"daarna: {regels.als_tekst(p)}"
        waarschuwingen.append(Melding(f"waarschuwing: {met_naam(wie, tekst)}"))
    if fouten:
        raise KadersFout(list(dict.fromkeys(fouten)))
    return waarschuwingen
