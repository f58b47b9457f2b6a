"""The register on a day as known on a day: later documents' changes folded into the frameworks.

Pure: dates come in, nothing is read, printed or timed. A register as read from its file holds
every framework as the document that introduced it, and an append-only log of changes. Two
clocks decide which changes count: a change is known from its document's date (`stand`, the
day of knowledge) and holds from its `vanaf` (`peildatum`, the day people are deployed; no
`vanaf`: the framework's whole span). Folding sets the fields of the changes that count, in
document-date order, file order breaking ties. This module is the one place that folds;
`Kennis` answers every question with it and remembers what it folded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .bronmodellen import Afleiding, Document
from .errors import GebruiksFout, onbekend
from .geheugen import zonder_gc
from .models import WIJZIGBARE_VELDEN, Kader, Register, Wijziging
from .waarden import json_waarde

VERGELEKEN = (*WIJZIGBARE_VELDEN, "afgeleid")  # what a change can alter in a framework
VANAF = "vanaf"  # a change may mark its own valid-from date as derived
# The fields of a framework that carry no value of their own to cite: identity and provenance.
_HERKOMST = frozenset({"id", "bron", "citaat", "document", "afgeleid", "eerdere_ids"})
BRONVELDEN: tuple[str, ...] = tuple(v for v in Kader.model_fields if v not in _HERKOMST)


class Veldwijziging(NamedTuple):
    """One field of a framework before and after a change, as JSON values."""

    veld: str
    oud: Any
    nieuw: Any


class Bron(NamedTuple):
    """Where one value of a framework comes from: the document, the place in it, its words,
    why it is derived (None: read, not derived), and from which day it holds (None: the whole
    span), with the words and the derivation of that day."""

    document: str | None
    plek: str | None
    citaat: str | None
    afgeleid: str | None
    vanaf: dt.date | None = None
    vanaf_citaat: str | None = None
    vanaf_afgeleid: str | None = None

    def als_json(self) -> dict[str, Any]:
        """The source as in the JSON contract."""
        return {naam: json_waarde(waarde) for naam, waarde in self._asdict().items()}


class Versie(NamedTuple):
    """A framework as one document left it.

    The first version is the introduction (`wijziging` None, `plek` and `citaat` the
    framework's own `bron` and `citaat`); each later one is a change, with the fields it
    altered. `datum` is the document's date, the day it became known (None when the framework
    names no document); `vanaf` the day the change holds from (None: the whole span).
    """

    datum: dt.date | None
    document: str | None
    plek: str | None
    citaat: str | None
    wijzigingen: tuple[Veldwijziging, ...]
    kader: Kader
    wijziging: int | None
    vanaf: dt.date | None = None
    vanaf_citaat: str | None = None


def eerste_stand(register: Register) -> dt.date | None:
    """The date of the first document: before it nothing is known. None without documents."""
    return min((d.datum for d in register.document), default=None)


def datums(documenten: Iterable[Document]) -> dict[str, dt.date]:
    """Document dates by id; the first of a double id counts."""
    uitkomst: dict[str, dt.date] = {}
    for document in documenten:
        uitkomst.setdefault(document.id, document.datum)
    return uitkomst


def volgorde(wijzigingen: list[Wijziging], bekend: Mapping[str, dt.date]) -> list[int]:
    """The changes whose document is known, by document date; file order breaks ties."""
    per_datum: dict[dt.date, list[int]] = {}  # few dates, many changes: bucket, then sort
    for i, wijziging in enumerate(wijzigingen):
        datum = bekend.get(wijziging.document)
        if datum is not None:
            emmer = per_datum.get(datum)
            if emmer is None:
                per_datum[datum] = [i]
            else:
                emmer.append(i)
    return [i for datum in sorted(per_datum) for i in per_datum[datum]]


def geldt_op(wijziging: Wijziging, peildatum: dt.date) -> bool:
    """Whether a change's values hold on the day (no `vanaf`: every day)."""
    return wijziging.vanaf is None or wijziging.vanaf <= peildatum


def pas_toe(waarden: dict[str, Any], gezet: Mapping[str, Any], eigen: list[Afleiding]) -> None:
    """Fold one change (the fields it sets, its own marks) into a framework's new values
    (`afgeleid` must be present).

    The fields are set; the framework loses its derived marks for those fields and gains the
    change's own marks for fields (a mark of its `vanaf` stays with the change). A mark for a
    field the change does not set is an error the checks report; dropping the old mark for
    it too keeps folding idempotent.
    """
    waarden.update(gezet)
    eigen = [a for a in eigen if a.veld != VANAF]
    oud = waarden["afgeleid"]
    if eigen or (oud and any(a.veld in gezet for a in oud)):  # most touch no mark: no copy
        weg = gezet.keys() | {a.veld for a in eigen}
        behouden: list[Afleiding] = [a for a in oud if a.veld not in weg]
        waarden["afgeleid"] = behouden + eigen


def gevouwen(
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
    bekend = {d.id for d in documenten}
    return Register.model_construct(
        metadata=register.metadata,
        regio=register.regio,
        document=documenten,
        kader=kaders,
        wijziging=[],
        mandaat=[m for m in register.mandaat if m.document in bekend],
    )


def _reden(afgeleid: Iterable[Afleiding], veld: str) -> str | None:
    """Why a field is derived (the last mark for it), or None when it is read."""
    return next((a.reden for a in reversed(list(afgeleid)) if a.veld == veld), None)


@dataclass
class _Stand:
    """What is known on one day: the known frameworks, and per framework the changes that
    count for it in fold order; the fold of the frameworks whose changes have no `vanaf`."""

    documenten: list[Document]
    kaders: list[Kader]
    wijzigingen: dict[int, list[int]]  # place of a framework -> its changes, in fold order
    vast: Register  # every framework folded on any day (exact for those without a `vanaf`)
    met_vanaf: list[int]  # places of the frameworks that have a change with a `vanaf`


@dataclass
class Kennis:
    """A register file and what it says on any day as known on any day.

    Answers "framework X valid on D as known on S" for every view: `op` (the whole register),
    `bronnen` (where each value comes from), `versies` (its history). It remembers what it
    folded per day of knowledge; treat the registers it returns as read-only.
    """

    ruw: Register
    _standen: dict[dt.date, _Stand] = field(default_factory=dict, repr=False, compare=False)

    def eerste(self) -> dt.date | None:
        """The date of the first document (None without documents)."""
        return eerste_stand(self.ruw)

    def bekend(self, stand: dt.date) -> Register:
        """The register file as it stood on `stand`, unfolded: the documents dated on or
        before it, the frameworks they introduced and their changes."""
        bekend = datums(d for d in self.ruw.document if d.datum <= stand)
        return Register.model_construct(
            metadata=self.ruw.metadata,
            regio=self.ruw.regio,
            document=[d for d in self.ruw.document if d.id in bekend],
            kader=[k for k in self.ruw.kader if k.document is None or k.document in bekend],
            wijziging=[w for w in self.ruw.wijziging if w.document in bekend],
            mandaat=[m for m in self.ruw.mandaat if m.document in bekend],
        )

    def op(self, stand: dt.date, peildatum: dt.date) -> Register:
        """The register as known on `stand`, each framework as it holds on `peildatum`.

        A self-contained register with no changes left to fold.
        """
        deel = self._stand(stand)
        if not deel.met_vanaf:
            return deel.vast
        kaders = list(deel.vast.kader)
        with zonder_gc():
            for plek in deel.met_vanaf:
                kaders[plek] = self._vouw(deel, plek, peildatum)
        return Register.model_construct(
            metadata=self.ruw.metadata,
            regio=self.ruw.regio,
            document=deel.documenten,
            kader=kaders,
            wijziging=[],
            mandaat=deel.vast.mandaat,
        )

    def bronnen(self, kader_id: str, stand: dt.date, peildatum: dt.date) -> dict[str, Bron]:
        """Where each value of a framework (on `peildatum`, as known on `stand`) comes from:
        the framework's own document, or the last change that set the field."""
        deel = self._stand(stand)
        plek = next((i for i, k in enumerate(deel.kaders) if k.id == kader_id), None)
        if plek is None:
            raise GebruiksFout([onbekend("kader", kader_id, {k.id for k in deel.kaders})])
        kader = deel.kaders[plek]
        eigen = {
            veld: Bron(kader.document, kader.bron, kader.citaat, _reden(kader.afgeleid, veld))
            for veld in BRONVELDEN
        }
        for index in deel.wijzigingen.get(plek, []):
            wijziging = self.ruw.wijziging[index]
            if geldt_op(wijziging, peildatum):
                bron = Bron(
                    wijziging.document,
                    wijziging.plek,
                    wijziging.citaat,
                    None,
                    wijziging.vanaf,
                    wijziging.vanaf_citaat,
                    _reden(wijziging.afgeleid, VANAF),
                )
                for veld in wijziging.gezet():
                    eigen[veld] = bron._replace(afgeleid=_reden(wijziging.afgeleid, veld))
        nu = self.op(stand, peildatum).kader[plek]
        return {v: b for v, b in eigen.items() if getattr(nu, v) not in (None, [])}

    def versies(self, kader_id: str, stand: dt.date | None = None) -> list[Versie]:
        """Every version of one framework, oldest first: its introduction, then each change
        (each one's values as if it held: its `vanaf` says from when).

        With `stand`, only what was known on that date. An id not known then is an error.
        """
        ruw = self.ruw
        bekend = datums(d for d in ruw.document if stand is None or d.datum <= stand)
        kader = next((k for k in ruw.kader if k.id == kader_id), None)
        if kader is None:
            raise GebruiksFout([onbekend("kader", kader_id, {k.id for k in ruw.kader})])
        if kader.document is not None and kader.document not in bekend:
            if stand is None:
                raise GebruiksFout(
                    [f"kader '{kader_id}': {onbekend('document', kader.document, ())}"]
                )
            sinds = next((d.datum for d in ruw.document if d.id == kader.document), None)
            raise GebruiksFout(
                [
                    f"kader '{kader_id}' is op {stand} nog niet bekend: het komt uit document "
                    f"'{kader.document}' van {sinds}"
                ]
            )
        uitkomst = [
            Versie(
                datum=bekend.get(kader.document) if kader.document is not None else None,
                document=kader.document,
                plek=kader.bron,
                citaat=kader.citaat,
                wijzigingen=(),
                kader=kader,
                wijziging=None,
            )
        ]
        waarden: dict[str, Any] = {"afgeleid": kader.afgeleid}
        for index in volgorde(ruw.wijziging, bekend):
            wijziging = ruw.wijziging[index]
            if wijziging.kader != kader_id:
                continue
            oud = uitkomst[-1].kader
            pas_toe(waarden, wijziging.gezet(), wijziging.afgeleid)
            nieuw = kader.model_copy(update=waarden)
            verschil = tuple(
                Veldwijziging(v, json_waarde(getattr(oud, v)), json_waarde(getattr(nieuw, v)))
                for v in VERGELEKEN
                if getattr(oud, v) != getattr(nieuw, v)
            )
            uitkomst.append(
                Versie(
                    datum=bekend[wijziging.document],
                    document=wijziging.document,
                    plek=wijziging.plek,
                    citaat=wijziging.citaat,
                    wijzigingen=verschil,
                    kader=nieuw,
                    wijziging=index,
                    vanaf=wijziging.vanaf,
                    vanaf_citaat=wijziging.vanaf_citaat,
                )
            )
        return uitkomst

    def _stand(self, stand: dt.date) -> _Stand:
        """What is known on `stand`, folded once per day of knowledge."""
        deel = self._standen.get(stand)
        if deel is None:
            with zonder_gc():
                deel = self._standen[stand] = self._maak_stand(stand)
        return deel

    def _maak_stand(self, stand: dt.date) -> _Stand:
        ruw = self.ruw
        documenten = [d for d in ruw.document if d.datum <= stand]
        bekend = datums(documenten)
        kaders: list[Kader] = []
        positie: dict[str, int] = {}  # the first of a double id, as the checks do
        for kader in ruw.kader:
            if kader.document is None or kader.document in bekend:
                positie.setdefault(kader.id, len(kaders))
                kaders.append(kader)
        per_kader: dict[int, list[int]] = {}
        nieuw: dict[int, dict[str, Any]] = {}
        met_vanaf: set[int] = set()
        for index in volgorde(ruw.wijziging, bekend):
            wijziging = ruw.wijziging[index]
            plek = positie.get(wijziging.kader)
            if plek is None:
                continue
            per_kader.setdefault(plek, []).append(index)
            if wijziging.vanaf is not None:
                met_vanaf.add(plek)
            waarden = nieuw.get(plek)
            if waarden is None:
                waarden = nieuw[plek] = {"afgeleid": kaders[plek].afgeleid}
            pas_toe(waarden, wijziging.gezet(), wijziging.afgeleid)
        vast = gevouwen(ruw, documenten, kaders, nieuw)
        return _Stand(documenten, kaders, per_kader, vast, sorted(met_vanaf))

    def _vouw(self, deel: _Stand, plek: int, peildatum: dt.date) -> Kader:
        """One framework as it holds on `peildatum`: its changes that hold then, in order."""
        kader = deel.kaders[plek]
        waarden: dict[str, Any] = {"afgeleid": kader.afgeleid}
        for index in deel.wijzigingen.get(plek, []):
            wijziging = self.ruw.wijziging[index]
            if geldt_op(wijziging, peildatum):
                pas_toe(waarden, wijziging.gezet(), wijziging.afgeleid)
        return kader.model_copy(update=waarden)


def op_stand(register: Register, stand: dt.date, peildatum: dt.date) -> Register:
    """The register as known on `stand`, each framework as it holds on `peildatum`."""
    return Kennis(register).op(stand, peildatum)
