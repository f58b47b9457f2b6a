"""The register as known on a date: later documents' changes folded into the frameworks.

Pure: dates come in, nothing is read, printed or timed. A register as read from its file holds
every framework as the document that introduced it, and an append-only log of changes; each
change takes effect on the date of its document. Folding sets the fields a change gives, in
document-date order, file order breaking ties, and builds each changed framework once with
`model_copy` (its fields were validated where they were read). `controleer` checks the rules
that span fields on every step, and keeps the full fold on the register for `op_stand`.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from .errors import GebruiksFout, onbekend
from .geheugen import zonder_gc
from .models import (
    SAMENHANGVELDEN,
    WIJZIGBARE_VELDEN,
    Afleiding,
    Document,
    Kader,
    Register,
    Wijziging,
    samenhangfouten,
)
from .regels import Probleem
from .waarden import json_waarde

_VERGELEKEN = (*WIJZIGBARE_VELDEN, "afgeleid")  # what a change can alter in a framework
_KADERVELDEN = frozenset(Kader.model_fields)


class Veldwijziging(NamedTuple):
    """One field of a framework before and after a change, as JSON values."""

    veld: str
    oud: Any
    nieuw: Any


class Versie(NamedTuple):
    """A framework as one document left it.

    The first version is the introduction (`wijziging` None, `plek` and `citaat` the
    framework's own `bron` and `citaat`); each later one is a change, with the fields it
    altered. `datum` is the document's date, the day it became known (None when the framework
    names no document).
    """

    datum: dt.date | None
    document: str | None
    plek: str | None
    citaat: str | None
    wijzigingen: tuple[Veldwijziging, ...]
    kader: Kader
    wijziging: int | None


def eerste_stand(register: Register) -> dt.date | None:
    """The date of the first document: before it nothing is known. None without documents."""
    return min((d.datum for d in register.document), default=None)


def op_stand(register: Register, stand: dt.date) -> Register:
    """The register as known on `stand`: documents dated on or before it, and what they say.

    A framework is known when its document is (one without a document always is); the
    changes of the known documents are folded into the known frameworks. The result is a
    self-contained register with no changes left to fold (`wijziging` is empty), so folding
    it again changes nothing. Pass a register as read from its file, not a folded one. On a
    date after the last document it may be the fold `controleer` kept, shared: like the
    models, treat the register's lists and the result as read-only.
    """
    gevouwen = _bewaard(register)
    if gevouwen is not None and all(d.datum <= stand for d in register.document):
        return gevouwen
    with zonder_gc():
        return _op_stand(register, stand)


def _op_stand(register: Register, stand: dt.date) -> Register:
    """op_stand, with the garbage collector paused by the caller."""
    datums = _datums(d for d in register.document if d.datum <= stand)
    kaders: list[Kader] = []
    positie: dict[str, int] = {}  # the first of a double id, as controleer does
    for kader in register.kader:
        if kader.document is None or kader.document in datums:
            positie.setdefault(kader.id, len(kaders))
            kaders.append(kader)
    # First the new values per framework, then one copy of each changed framework.
    nieuw: dict[int, dict[str, Any]] = {}
    wijzigingen = register.wijziging
    for index in _volgorde(wijzigingen, datums):
        wijziging = wijzigingen[index]
        plek = positie.get(wijziging.kader)
        if plek is not None:
            waarden = nieuw.get(plek)
            if waarden is None:
                waarden = nieuw[plek] = {"afgeleid": kaders[plek].afgeleid}
            _pas_toe(waarden, wijziging.gezet(), wijziging.afgeleid)
    return _gevouwen(register, [d for d in register.document if d.datum <= stand], kaders, nieuw)


def _gevouwen(
    register: Register,
    documenten: list[Document],
    kaders: list[Kader],
    nieuw: Mapping[int, dict[str, Any]],
) -> Register:
    """A folded register: the frameworks at these places get these new values."""
    kaders = list(kaders)
    for plek, waarden in nieuw.items():
        kaders[plek] = kaders[plek].model_copy(update=waarden)
    # model_construct, not model_copy: a copy would keep the cached region indexes.
    return Register.model_construct(
        metadata=register.metadata,
        regio=register.regio,
        document=documenten,
        kader=kaders,
        wijziging=[],
    )


# Where `controleer` keeps the full fold on a register: a key in its __dict__, as a
# cached_property keeps its value, so equality and the schema ignore it and pickling (the
# cache) keeps it. With the field values it was made from: a copy with another ignores it.
_BEWAARD = "_kaders_gevouwen"


def _velden(register: Register) -> list[object]:
    """The register's field values: what a kept fold was made from."""
    return [register.__dict__[veld] for veld in Register.model_fields]


def _bewaard(register: Register) -> Register | None:
    """The full fold `controleer` kept on this register, if made from exactly its fields."""
    bewaard: tuple[list[object], Register] | None = register.__dict__.get(_BEWAARD)
    if bewaard is None or any(map(operator.is_not, bewaard[0], _velden(register))):
        return None
    return bewaard[1]


def bekend_op(register: Register, stand: dt.date) -> Register:
    """The register file as it stood on `stand`, unfolded: the documents dated on or before it,
    the frameworks they introduced and their changes. Folding it gives `op_stand`."""
    datums = _datums(d for d in register.document if d.datum <= stand)
    return Register.model_construct(
        metadata=register.metadata,
        regio=register.regio,
        document=[d for d in register.document if d.id in datums],
        kader=[k for k in register.kader if k.document is None or k.document in datums],
        wijziging=[w for w in register.wijziging if w.document in datums],
    )


def bronnen(register: Register, sinds: dt.date, tot: dt.date) -> dict[tuple[str, str], str]:
    """Which document last changed each field of a framework between two days of knowledge.

    For (framework id, field): the document of the last change (in fold order) known on `tot`
    but not on `sinds` that gave the field another value; `afgeleid` counts as a field.
    """
    datums = _datums(d for d in register.document if d.datum <= tot)
    basis = {k.id: k for k in reversed(register.kader)}  # the first of a double id
    waarden: dict[str, dict[str, Any]] = {}
    uitkomst: dict[tuple[str, str], str] = {}
    for wijziging in (register.wijziging[i] for i in _volgorde(register.wijziging, datums)):
        if (kader := basis.get(wijziging.kader)) is not None:
            stap = waarden.setdefault(kader.id, {"afgeleid": kader.afgeleid})
            voor = {veld: stap.get(veld, getattr(kader, veld)) for veld in _VERGELEKEN}
            _pas_toe(stap, wijziging.gezet(), wijziging.afgeleid)
            for veld in _VERGELEKEN if datums[wijziging.document] > sinds else ():
                if stap.get(veld, voor[veld]) != voor[veld]:
                    uitkomst[(kader.id, veld)] = wijziging.document
    return uitkomst


def versies(register: Register, kader_id: str, stand: dt.date | None = None) -> list[Versie]:
    """Every version of one framework, oldest first: its introduction, then each change.

    With `stand`, only what was known on that date. An id that is not known then is an error.
    """
    datums = _datums(d for d in register.document if stand is None or d.datum <= stand)
    kader = next((k for k in register.kader if k.id == kader_id), None)
    if kader is None:
        raise GebruiksFout([onbekend("kader", kader_id, {k.id for k in register.kader})])
    if kader.document is not None and kader.document not in datums:
        if stand is None:
            raise GebruiksFout([f"kader '{kader_id}': {onbekend('document', kader.document, ())}"])
        bekend_op = next((d.datum for d in register.document if d.id == kader.document), None)
        raise GebruiksFout(
            [
                f"kader '{kader_id}' is op {stand} nog niet bekend: het komt uit document "
                f"'{kader.document}' van {bekend_op}"
            ]
        )
    invoering = Versie(
        datum=datums.get(kader.document) if kader.document is not None else None,
        document=kader.document,
        plek=kader.bron,
        citaat=kader.citaat,
        wijzigingen=(),
        kader=kader,
        wijziging=None,
    )
    uitkomst = [invoering]
    waarden: dict[str, Any] = {"afgeleid": kader.afgeleid}
    for index in _volgorde(register.wijziging, datums):
        wijziging = register.wijziging[index]
        if wijziging.kader != kader_id:
            continue
        oud = uitkomst[-1].kader
        _pas_toe(waarden, wijziging.gezet(), wijziging.afgeleid)
        nieuw = kader.model_copy(update=waarden)
        verschil = tuple(
            Veldwijziging(veld, json_waarde(getattr(oud, veld)), json_waarde(getattr(nieuw, veld)))
            for veld in _VERGELEKEN
            if getattr(oud, veld) != getattr(nieuw, veld)
        )
        versie = Versie(
            datum=datums[wijziging.document],
            document=wijziging.document,
            plek=wijziging.plek,
            citaat=wijziging.citaat,
            wijzigingen=verschil,
            kader=nieuw,
            wijziging=index,
        )
        uitkomst.append(versie)
    return uitkomst


@zonder_gc()
def controleer(register: Register) -> list[Probleem]:
    """The rules across documents, frameworks and changes; every problem, in file order.

    Documents: unique ids. Frameworks: the document they name exists (once there are
    documents, each names one). Changes: known framework and document, not dated before the
    framework's document, marks only fields they set, a known region, and each alters
    something and leaves a framework that holds together. Keeps the fold when all is well.
    """
    problemen: list[Probleem] = []
    datums: dict[str, dt.date] = {}
    for i, document in enumerate(register.document):
        if document.id in datums:
            tekst = f"document '{document.id}': id komt al voor; moet uniek zijn"
            problemen.append(Probleem("document", i, "id", tekst))
        else:
            datums[document.id] = document.datum

    positie: dict[str, int] = {}
    for i, kader in enumerate(register.kader):
        positie.setdefault(kader.id, i)
        if kader.document is None:
            if datums:
                tekst = (
                    f"kader '{kader.id}': noemt geen document; in een register met documenten "
                    "noemt elk kader het document dat het invoerde"
                )
                problemen.append(Probleem("kader", i, None, tekst))
        elif kader.document not in datums:
            tekst = f"kader '{kader.id}': {onbekend('document', kader.document, datums)}"
            problemen.append(Probleem("kader", i, "document", tekst))

    regios = {r.id for r in register.regio}
    invoerders = [k.document if k.document in datums else None for k in register.kader]
    gezet = [wijziging.gezet() for wijziging in register.wijziging]
    plekken = [positie.get(wijziging.kader) for wijziging in register.wijziging]
    for i, wijziging in enumerate(register.wijziging):
        plek = plekken[i]
        invoerder = None if plek is None else invoerders[plek]
        problemen += _los(i, wijziging, gezet[i], plek, invoerder, datums, regios, positie)

    # Fold in order, checking each step on plain field values (a model per step costs more).
    nieuw: dict[int, dict[str, Any]] = {}  # per framework: the values its changes set so far
    fouten_nu: dict[int, list[str]] = {}
    for i in _volgorde(register.wijziging, datums):
        wijziging = register.wijziging[i]
        plek = plekken[i]
        if plek is None or not gezet[i]:
            continue  # reported above
        basis = register.kader[plek].__dict__
        waarden = nieuw.setdefault(plek, {"afgeleid": basis["afgeleid"]})
        afgeleid = waarden["afgeleid"]
        anders = any(waarden.get(veld, basis[veld]) != nu for veld, nu in gezet[i].items())
        _pas_toe(waarden, gezet[i], wijziging.afgeleid)
        if not anders and waarden["afgeleid"] == afgeleid:
            tekst = _over(i, wijziging) + (
                "wijzigt niets: elk gegeven veld heeft die waarde al "
                f"(na de documenten tot en met {datums[wijziging.document]})"
            )
            problemen.append(Probleem("wijziging", i, None, tekst))
            continue
        if not (wijziging.afgeleid or SAMENHANGVELDEN & gezet[i].keys()):
            continue
        eerder = fouten_nu.get(plek, [])
        fouten_nu[plek] = samenhangfouten(basis | waarden)
        for fout in fouten_nu[plek]:
            if fout not in eerder:
                tekst = _over(i, wijziging) + "het kader klopt daarna niet meer: " + fout
                problemen.append(Probleem("wijziging", i, None, tekst))
    register.__dict__.pop(_BEWAARD, None)
    if not problemen:
        gevouwen = _gevouwen(register, register.document, register.kader, nieuw)
        register.__dict__[_BEWAARD] = (_velden(register), gevouwen)
    return sorted(
        problemen, key=lambda p: (("document", "kader", "wijziging").index(p.tabel), p.rij)
    )


def _los(
    i: int,
    wijziging: Wijziging,
    gezet: Mapping[str, Any],
    plek: int | None,
    invoerder: str | None,
    datums: Mapping[str, dt.date],
    regios: set[str],
    kader_ids: Iterable[str],
) -> list[Probleem]:
    """The rules one change must meet on its own: `gezet` are the fields it sets, `plek` the
    place of its framework (None: unknown), `invoerder` the known document that introduced it."""
    problemen: list[Probleem] = []
    if plek is None:
        tekst = f"wijziging nr. {i + 1}: " + onbekend("kader", wijziging.kader, kader_ids)
        problemen.append(Probleem("wijziging", i, "kader", tekst))
    datum = datums.get(wijziging.document)
    if datum is None:
        tekst = _over(i, wijziging) + onbekend("document", wijziging.document, datums)
        problemen.append(Probleem("wijziging", i, "document", tekst))
    if not gezet:
        tekst = _over(i, wijziging) + (
            "wijzigt geen enkel veld; geef minstens één van: " + ", ".join(WIJZIGBARE_VELDEN)
        )
        problemen.append(Probleem("wijziging", i, None, tekst))
    for afleiding in wijziging.afgeleid:
        if afleiding.veld in _KADERVELDEN and afleiding.veld not in gezet:
            tekst = _over(i, wijziging) + (
                f"afgeleid noemt veld '{afleiding.veld}', maar deze wijziging zet dat veld niet"
            )
            problemen.append(Probleem("wijziging", i, "afgeleid", tekst))
    if wijziging.regio is not None and wijziging.regio not in regios:
        tekst = _over(i, wijziging) + "veld 'regio': " + onbekend("regio", wijziging.regio, regios)
        problemen.append(Probleem("wijziging", i, "regio", tekst))
    if datum is not None and invoerder is not None and datum < datums[invoerder]:
        tekst = _over(i, wijziging) + (
            f"document '{wijziging.document}' ({datum}) is ouder dan "
            f"document '{invoerder}' ({datums[invoerder]}) dat het kader invoerde"
        )
        problemen.append(Probleem("wijziging", i, "document", tekst))
    return problemen


def _over(i: int, wijziging: Wijziging) -> str:
    """How a message names a change: 'wijziging nr. 3 (kader 'x'): '."""
    return f"wijziging nr. {i + 1} (kader '{wijziging.kader}'): "


def _datums(documenten: Iterable[Document]) -> dict[str, dt.date]:
    """Document dates by id; the first of a double id counts."""
    uitkomst: dict[str, dt.date] = {}
    for document in documenten:
        uitkomst.setdefault(document.id, document.datum)
    return uitkomst


def _volgorde(wijzigingen: list[Wijziging], datums: Mapping[str, dt.date]) -> list[int]:
    """The changes whose document is known, by document date; file order breaks ties."""
    per_datum: dict[dt.date, list[int]] = {}  # few dates, many changes: bucket, then sort
    for i, wijziging in enumerate(wijzigingen):
        datum = datums.get(wijziging.document)
        if datum is not None:
            emmer = per_datum.get(datum)
            if emmer is None:
                per_datum[datum] = [i]
            else:
                emmer.append(i)
    return [i for datum in sorted(per_datum) for i in per_datum[datum]]


def _pas_toe(waarden: dict[str, Any], gezet: Mapping[str, Any], eigen: list[Afleiding]) -> None:
    """Fold one change (the fields it sets, its own marks) into a framework's new values
    (`afgeleid` must be present).

    The fields are set; the framework loses its derived marks for those fields and gains the
    change's own marks (a mark for a field the change does not set is an error that
    `controleer` reports; dropping the old mark for it too keeps folding idempotent).
    """
    waarden.update(gezet)
    oud = waarden["afgeleid"]
    if eigen or (oud and any(a.veld in gezet for a in oud)):  # most touch no mark: no copy
        weg = gezet.keys() | {a.veld for a in eigen}
        behouden: list[Afleiding] = [a for a in oud if a.veld not in weg]
        waarden["afgeleid"] = behouden + eigen
