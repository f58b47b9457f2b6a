"""A framework's fields as typed text: declared once, by `Kader`, read and checked here (no I/O).

The options of `toevoegen` and `wijzig` and the questions on a terminal read a value through
`lees`: text becomes the field's type, and the model's own rules for that one field check it,
so one bad value gives one message wherever it is typed.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import types
from collections.abc import Mapping
from typing import Annotated, Any, Literal, NamedTuple, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from .bronmodellen import Afleiding
from .errors import onbekend
from .inlezen import vertaal
from .models import Kader, Register
from .waarden import kies


class Soort(enum.Enum):
    """What kind of text a field takes."""

    TEKST = "tekst"
    SLEUTEL = "sleutel"  # a slug: a-z, 0-9 and hyphens
    GETAL = "getal"
    DATUM = "datum"
    KEUZE = "keuze"  # one value of a fixed list, in any case
    AFLEIDING = "afleiding"  # 'veld: reden'


class Veld(NamedTuple):
    """One field of a framework as it is typed."""

    naam: str
    soort: Soort
    herhaalbaar: bool  # a list: one value per option, or comma-separated in a question
    keuzes: tuple[str, ...]  # the valid values of a KEUZE field
    beschrijving: str


class OngeldigeWaarde(Exception):
    """A typed value the field does not take; `probleem` says why, in Dutch."""

    def __init__(self, veld: str, probleem: str) -> None:
        super().__init__(f"veld '{veld}': {probleem}")
        self.veld = veld
        self.probleem = probleem


# Fields no option sets: the identity history and the mark of additional deployments are
# written in the file.
NIET_GETYPT = frozenset({"eerdere_ids", "aanvullend"})


def _kern(annotatie: Any) -> tuple[Any, list[Any]]:
    """The type inside Optional[...] and Annotated[...], and the metadata found on the way."""
    metadata: list[Any] = []
    while True:
        oorsprong = get_origin(annotatie)
        if oorsprong is Annotated:
            annotatie, *extra = get_args(annotatie)
            metadata += extra
        elif oorsprong in (Union, types.UnionType):
            annotatie = next(a for a in get_args(annotatie) if a is not type(None))
        else:
            return annotatie, metadata


def _veld(naam: str) -> Veld:
    info = Kader.model_fields[naam]
    kern, metadata = _kern(info.annotation)
    metadata += info.metadata  # pydantic moves a field's own constraints here
    herhaalbaar = get_origin(kern) is list
    if herhaalbaar:
        kern, metadata = _kern(get_args(kern)[0])
    keuzes: tuple[str, ...] = ()
    if get_origin(kern) is Literal:
        soort, keuzes = Soort.KEUZE, get_args(kern)
    elif kern is int:
        soort = Soort.GETAL
    elif kern is dt.date:
        soort = Soort.DATUM
    elif isinstance(kern, type) and issubclass(kern, BaseModel):
        soort = Soort.AFLEIDING
    elif any(getattr(m, "pattern", None) for m in _plat(metadata)):
        soort = Soort.SLEUTEL
    elif kern is str:
        soort = Soort.TEKST
    else:  # a new kind of field: give it a Soort here
        raise TypeError(f"veld '{naam}': geen tekstvorm voor {kern!r}")
    return Veld(naam, soort, herhaalbaar, keuzes, info.description or "")


def _plat(metadata: list[Any]) -> list[Any]:
    """Metadata with that of a nested Field(...) (a FieldInfo) spread out."""
    return [*metadata, *(m2 for m in metadata for m2 in getattr(m, "metadata", []))]


VELDEN: Mapping[str, Veld] = {n: _veld(n) for n in Kader.model_fields if n not in NIET_GETYPT}


@functools.cache
def _controle(naam: str) -> TypeAdapter[Any]:
    """The model's own rules for one field (its type and constraints), without the others."""
    info = Kader.model_fields[naam]
    soort: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    return TypeAdapter(soort, config=ConfigDict(strict=True))


def lees(veld: Veld, tekst: str) -> Any:
    """One typed value of a field (one item of a list field), in its type (a table as a
    dict); OngeldigeWaarde when the field does not take it. A choice matches in any case."""
    waarde: Any = tekst
    if veld.soort is Soort.GETAL and re.fullmatch(r"-?\d+", tekst.strip(), re.ASCII):
        if len(tekst.strip()) > 18:  # a whole number, but far beyond any bound of the model
            raise OngeldigeWaarde(veld.naam, f"getal van {len(tekst.strip())} cijfers: te groot")
        waarde = int(tekst)
    elif veld.soort is Soort.KEUZE:
        waarde = kies(tekst, veld.keuzes) or tekst
    elif veld.soort is Soort.AFLEIDING:
        naam, scheiding, reden = tekst.partition(":")
        if not scheiding or not naam.strip() or not reden.strip():
            raise OngeldigeWaarde(veld.naam, f"verwacht 'veld: reden', kreeg '{tekst}'")
        waarde = {"veld": naam.strip(), "reden": reden.strip()}
    controle = _controle(veld.naam)
    try:
        gelezen = controle.validate_python([waarde] if veld.herhaalbaar else waarde)
    except ValidationError as fout:
        eerste = fout.errors()[0]
        binnen = {**eerste, "loc": ("kader", 0, veld.naam, *eerste["loc"])}
        model = Afleiding if veld.soort is Soort.AFLEIDING else Kader
        raise OngeldigeWaarde(veld.naam, vertaal(binnen, model)) from None
    gelezen = gelezen[0] if veld.herhaalbaar else gelezen
    return gelezen.model_dump() if isinstance(gelezen, BaseModel) else gelezen  # as data


def registerprobleem(register: Register, naam: str, waarde: Any) -> str | None:
    """What the register says against one valid field of a new framework, asked for on its
    own: an id it has, a region or document it lacks, or the default end (asked for an end
    only when the framework is ended)."""
    if naam == "id" and waarde in {k.id for k in register.kader}:
        return f"'{waarde}' bestaat al in het register; kies een ander id"
    if naam == "regio" and waarde not in register.regio_index:
        return onbekend("regio", str(waarde), register.regio_index)
    documenten = [d.id for d in register.document]
    if naam == "document" and waarde not in documenten:
        return onbekend("document", str(waarde), documenten)
    if naam == "eind" and waarde == register.metadata.standaard_eind:
        return "een beëindigd kader heeft een eigen eind, niet het standaardeinde"
    return None
