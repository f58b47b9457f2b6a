"""Compare two registers by id: added, removed, changed and renamed; pure, the date comes in."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import BaseModel

from .models import Kader, Regio, Register
from .query import Groep, totaal
from .stand import Veldwijziging

if TYPE_CHECKING:
    from .stand import Kennis


@dataclass(frozen=True)
class Gewijzigd:
    """A record present in both registers under the same id, with its changed fields."""

    id: str
    wijzigingen: tuple[Veldwijziging, ...]


@dataclass(frozen=True)
class Hernoemd:
    """A framework that probably got a new id: same missie and regio, the only candidate."""

    oud: Kader
    nieuw: Kader
    wijzigingen: tuple[Veldwijziging, ...]

    @property
    def oud_id(self) -> str:
        """The id in the old register."""
        return self.oud.id

    @property
    def nieuw_id(self) -> str:
        """The id in the new register."""
        return self.nieuw.id


@dataclass(frozen=True)
class Regioverschil:
    """Changes in the region vocabulary, by region id."""

    toegevoegd: tuple[Regio, ...] = ()
    verwijderd: tuple[Regio, ...] = ()
    gewijzigd: tuple[Gewijzigd, ...] = ()

    @property
    def leeg(self) -> bool:
        """Whether the vocabularies are the same."""
        return not (self.toegevoegd or self.verwijderd or self.gewijzigd)


@dataclass(frozen=True)
class Verschil:
    """Everything that differs between two registers, and the grand totals on a date."""

    peildatum: dt.date
    toegevoegd: tuple[Kader, ...]
    verwijderd: tuple[Kader, ...]
    gewijzigd: tuple[Gewijzigd, ...]
    hernoemd: tuple[Hernoemd, ...]
    metadata: tuple[Veldwijziging, ...]
    regios: Regioverschil
    oud_totaal: Groep
    nieuw_totaal: Groep
    # Two days of knowledge in one file (`tussen`): the days; None for two files.
    sinds: dt.date | None = None
    tot: dt.date | None = None
    # Per (id, field) the document that changed it, when the registers have documents.
    documenten: Mapping[tuple[str, str], str] = field(default_factory=dict)
    met_documenten: bool = False

    def document(self, kader_id: str | None, veld: str | None) -> str | None:
        """The document behind one row of the difference: for an added framework the one that
        introduced it, for a changed field the one that set its new value (None: unknown)."""
        if not self.met_documenten or kader_id is None:
            return None
        if veld is None:
            return next((k.document for k in self.toegevoegd if k.id == kader_id), None)
        return self.documenten.get((kader_id, veld))

    @property
    def gelijk(self) -> bool:
        """Whether the registers are equivalent (record order, comments and layout aside)."""
        return not (
            self.toegevoegd
            or self.verwijderd
            or self.gewijzigd
            or self.hernoemd
            or self.metadata
            or not self.regios.leeg
        )

    @property
    def totaal_verschil(self) -> int | None:
        """New minus old known personnel; None when either total is unknown."""
        oud, nieuw = self.oud_totaal.personeel, self.nieuw_totaal.personeel
        if oud is None or nieuw is None:
            return None
        return nieuw - oud


def wijzigingen(
    oud: BaseModel, nieuw: BaseModel, overslaan: Iterable[str] = ()
) -> tuple[Veldwijziging, ...]:
    """Every field whose value differs, in field order, compared as JSON values."""
    oude, nieuwe = oud.model_dump(mode="json"), nieuw.model_dump(mode="json")
    weg = set(overslaan)
    velden = [*oude, *(v for v in nieuwe if v not in oude)]
    return tuple(
        Veldwijziging(veld, oude.get(veld), nieuwe.get(veld))
        for veld in velden
        if veld not in weg and oude.get(veld) != nieuwe.get(veld)
    )


def _regios(oud: Register, nieuw: Register) -> Regioverschil:
    """Regions added, removed and changed (name or parent), by id."""
    oude, nieuwe = oud.regio_index, nieuw.regio_index
    gewijzigd = []
    for regio in oud.regio:
        if regio.id in nieuwe:
            verschil = wijzigingen(regio, nieuwe[regio.id], ("id",))
            if verschil:
                gewijzigd.append(Gewijzigd(regio.id, verschil))
    return Regioverschil(
        toegevoegd=tuple(r for r in nieuw.regio if r.id not in oude),
        verwijderd=tuple(r for r in oud.regio if r.id not in nieuwe),
        gewijzigd=tuple(gewijzigd),
    )


def _hernoemingen(weg: list[Kader], bij: list[Kader]) -> list[tuple[Kader, Kader]]:
    """Pairs (old, new) with the same missie and regio where each is the other's only match."""

    def sleutel(kader: Kader) -> tuple[str, str]:
        return (kader.missie, kader.regio)

    weg_per = Counter(sleutel(k) for k in weg)
    bij_per = {sleutel(k): k for k in bij}
    bij_aantal = Counter(sleutel(k) for k in bij)
    return [
        (k, bij_per[sleutel(k)])
        for k in weg
        if weg_per[sleutel(k)] == 1 and bij_aantal[sleutel(k)] == 1
    ]


def vergelijk(oud: Register, nieuw: Register, peildatum: dt.date) -> Verschil:
    """What changed from the old to the new register, and the grand totals on the date."""
    oude = {k.id: k for k in oud.kader}
    nieuwe = {k.id: k for k in nieuw.kader}
    weg = [k for k in oud.kader if k.id not in nieuwe]
    bij = [k for k in nieuw.kader if k.id not in oude]
    paren = _hernoemingen(weg, bij)
    hernoemd_oud = {o.id for o, _ in paren}
    hernoemd_nieuw = {n.id for _, n in paren}
    gewijzigd = []
    for kader in oud.kader:
        if kader.id in nieuwe:
            verschil = wijzigingen(kader, nieuwe[kader.id], ("id",))
            if verschil:
                gewijzigd.append(Gewijzigd(kader.id, verschil))
    return Verschil(
        peildatum=peildatum,
        toegevoegd=tuple(k for k in bij if k.id not in hernoemd_nieuw),
        verwijderd=tuple(k for k in weg if k.id not in hernoemd_oud),
        gewijzigd=tuple(gewijzigd),
        hernoemd=tuple(Hernoemd(o, n, wijzigingen(o, n, ("id",))) for o, n in paren),
        metadata=wijzigingen(oud.metadata, nieuw.metadata),
        regios=_regios(oud, nieuw),
        oud_totaal=totaal(oud, oud.kader, peildatum).totaal,
        nieuw_totaal=totaal(nieuw, nieuw.kader, peildatum).totaal,
    )


def tussen(register: Register, sinds: dt.date, tot: dt.date, peildatum: dt.date) -> Verschil:
    """One register file as known on `sinds` against as known on `tot` (no old file needed),
    each framework as it holds on `peildatum`; each change names the document that made it.
    Pass the register as read from its file."""
    from .stand import Kennis

    kennis = Kennis(register)
    return _met_bronnen(kennis, sinds, kennis, tot, peildatum, sinds=sinds, tot=tot)


def bestanden(oud: Register, nieuw: Register, stand: dt.date, peildatum: dt.date) -> Verschil:
    """Two register files, each with its change log folded, as known on the same `stand`
    and as they hold on `peildatum`; a changed value names the document of its new source."""
    from .stand import Kennis

    return _met_bronnen(Kennis(oud), stand, Kennis(nieuw), stand, peildatum)


def _met_bronnen(
    oud: Kennis,
    oud_stand: dt.date,
    nieuw: Kennis,
    nieuw_stand: dt.date,
    peildatum: dt.date,
    sinds: dt.date | None = None,
    tot: dt.date | None = None,
) -> Verschil:
    """Compare two folded registers; per changed field the document of its new value where
    its source differs from the old one's (a value edited in place has none)."""
    oud_register = oud.op(oud_stand, peildatum)
    nieuw_register = nieuw.op(nieuw_stand, peildatum)
    uitkomst = vergelijk(oud_register, nieuw_register, peildatum)
    documenten: dict[tuple[str, str], str] = {}
    kaders = {k.id: k for k in nieuw_register.kader}
    for gewijzigd in uitkomst.gewijzigd:
        voor = oud.bronnen(gewijzigd.id, oud_stand, peildatum)
        na = nieuw.bronnen(gewijzigd.id, nieuw_stand, peildatum)
        kader = kaders[gewijzigd.id]
        invoering = (kader.document, kader.bron, kader.citaat)
        for w in gewijzigd.wijzigingen:
            bron = na.get(w.veld)
            if bron is None or bron.document is None:
                continue
            # a value a change set names that change's document; one edited in place, none
            if (bron.document, bron.plek, bron.citaat) != invoering or bron != voor.get(w.veld):
                documenten[(gewijzigd.id, w.veld)] = bron.document
        # The marks change with the values they mark: the document, if the fields agree.
        andere = {d for (i, _), d in documenten.items() if i == gewijzigd.id}
        if len(andere) == 1 and any(w.veld == "afgeleid" for w in gewijzigd.wijzigingen):
            documenten[(gewijzigd.id, "afgeleid")] = andere.pop()
    met = bool(oud_register.document or nieuw_register.document)
    return dataclasses.replace(
        uitkomst, documenten=documenten, met_documenten=met, sinds=sinds, tot=tot
    )
