"""Pydantic models and vocabularies of the register; no I/O."""

import datetime as dt
from functools import cached_property
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import regels

Type = Literal["militair", "civiel", "politie"]
Duiding = Literal["circa", "maximaal", "exact"]
Telling = Literal["per-jaar", "gelijktijdig", "niet-vermeld"]
Status = Literal[
    "vastgesteld", "verlengd", "verkenning", "voornemen", "voorwaardelijk", "beeindigd"
]
Organisatie = Literal["EU", "NAVO", "VN", "OVSE", "coalitie", "bilateraal", "nationaal"]

TYPEN: tuple[str, ...] = get_args(Type)
DUIDINGEN: tuple[str, ...] = get_args(Duiding)
TELLINGEN: tuple[str, ...] = get_args(Telling)
STATUSSEN: tuple[str, ...] = get_args(Status)
ORGANISATIES: tuple[str, ...] = get_args(Organisatie)
STAPPEN = ("maand", "kwartaal")  # periods of a timeline
# Other spellings of a status that input may use; stored and written as the canonical one.
BEEINDIGD = "beeindigd"  # an ended framework: its end must be its own (regels)
STATUS_SPELLINGEN = {"beëindigd": BEEINDIGD, "bee\u0308indigd": BEEINDIGD}

SAMENHANG = "samenhang"  # the error type of rules across records (the loader reports them itself)

SLUG_PATROON = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[StrictStr, Field(pattern=SLUG_PATROON, max_length=80)]
Tekst = Annotated[StrictStr, Field(min_length=1)]


def _iso_vorm(tekst: str) -> bool:
    """Whether text has the form YYYY-MM-DD in ASCII digits (fromisoformat takes more forms)."""
    cijfers = tekst[:4] + tekst[5:7] + tekst[8:]
    return (
        len(tekst) == 10 and tekst[4] == tekst[7] == "-" and cijfers.isascii() and cijfers.isdigit()
    )


def _alleen_datum(waarde: Any) -> Any:
    """Accept a date or an ISO 'YYYY-MM-DD' string; never a datetime, number or other text."""
    if isinstance(waarde, dt.datetime):
        raise ValueError("een datum zonder tijd (JJJJ-MM-DD) verwacht")
    if isinstance(waarde, dt.date):
        return waarde
    if isinstance(waarde, str) and _iso_vorm(waarde):
        try:
            return dt.date.fromisoformat(waarde)
        except ValueError:
            raise ValueError(f"geen bestaande datum: '{waarde}'") from None
    raise ValueError("een datum (JJJJ-MM-DD) verwacht")


Datum = Annotated[dt.date, BeforeValidator(_alleen_datum)]


def canonieke_status(waarde: Any) -> Any:
    """A status in its canonical spelling: 'beëindigd' -> 'beeindigd'; anything else unchanged."""
    if isinstance(waarde, str):
        return STATUS_SPELLINGEN.get(waarde.casefold(), waarde)
    return waarde


StatusVeld = Annotated[Status, BeforeValidator(canonieke_status)]


def _leeg() -> list[Any]:
    """A new empty list: a default factory pydantic can inspect cheaply.

    Pydantic reads a default factory's signature; for the builtin `list` that means parsing
    its text signature, which compiles the tokenizer's regular expressions at start-up (~3 ms).
    """
    return []


def _json_waarde(waarde: Any) -> Any:
    """A field value as JSON data: dates as ISO text, tables as dicts, lists item by item."""
    if isinstance(waarde, _Strikt):
        return waarde.als_json()
    if isinstance(waarde, list):
        return [_json_waarde(w) for w in waarde]
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return waarde


class _Strikt(BaseModel):
    """Base for all register tables: unknown keys are errors, values are not coerced.

    The validators are built on first use (defer_build): a register read from the cache needs
    none, and its records are turned into JSON by `als_json`, not by Pydantic's serializer.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        validate_by_name=True,
        validate_by_alias=True,
        defer_build=True,
    )

    def als_json(self) -> dict[str, Any]:
        """The record as JSON data, field by field; equal to model_dump(mode='json')."""
        return {naam: _json_waarde(getattr(self, naam)) for naam in type(self).model_fields}


class Afleiding(_Strikt):
    """A field that was inferred rather than read in the letter, and why."""

    veld: Tekst
    reden: Tekst


class Kader(_Strikt):
    """One national framework: a Dutch personnel contribution to a mission or operation."""

    id: Slug = Field(description="Stabiele sleutel, kleine letters en koppeltekens.")
    missie: Tekst = Field(description="Korte naam, bv. 'EULEX Kosovo'.")
    naam: Tekst = Field(description="Volledige naam van de missie of operatie.")
    regio: Slug = Field(description="Een regio uit de [[regio]]-tabellen van het register.")
    landen: list[Tekst] = Field(default_factory=_leeg, description="Landen, waar bekend.")
    organisatie: Organisatie
    typen: list[Type] = Field(min_length=1, description="Eén of meer personeelstypen.")
    personeel: StrictInt | None = Field(
        default=None,
        ge=0,
        le=1_000_000,
        description="Aantal personen; weglaten als de brief geen aantal noemt (onbekend).",
    )
    duiding: Duiding | None = Field(
        default=None, description="Hoe het aantal bedoeld is; alleen samen met personeel."
    )
    telling: Telling | None = Field(
        default=None,
        description="Wat het aantal telt: per jaar (rotatie) of gelijktijdig; bij personeel.",
    )
    begin: Datum
    eind: Datum
    status: StatusVeld
    bron: Tekst = Field(description="Waar het kader in de brief staat: sectie en kop.")
    citaat: Tekst | None = Field(
        default=None, description="De zin of zinsnede uit de brief waarop het kader berust."
    )
    toelichting: Tekst | None = None
    afgeleid: list[Afleiding] = Field(
        default_factory=_leeg, description="Velden die zijn afgeleid in plaats van gelezen."
    )

    @model_validator(mode="after")
    def _samenhang(self) -> "Kader":
        """Check the rules that span fields; all problems at once."""
        fouten: list[str] = []
        if self.begin > self.eind:
            fouten.append(f"begin {self.begin} ligt na eind {self.eind}")
        if len(set(self.typen)) != len(self.typen):
            fouten.append(f"typen bevat een type dubbel: {self.typen}")
        if self.personeel is None and (self.duiding is not None or self.telling is not None):
            fouten.append("duiding en telling horen alleen bij een personeel-aantal")
        if self.personeel is not None and (self.duiding is None or self.telling is None):
            fouten.append("bij een personeel-aantal horen ook duiding en telling")
        velden = set(type(self).model_fields)
        for afleiding in self.afgeleid:
            if afleiding.veld not in velden:
                fouten.append(f"afgeleid noemt onbekend veld '{afleiding.veld}'")
        if fouten:
            raise ValueError("; ".join(fouten))
        return self

    @property
    def typegroep(self) -> str:
        """The types joined in a fixed order, e.g. 'civiel+militair': one group per mix."""
        return "+".join(sorted(self.typen))

    def loopt_op(self, peildatum: dt.date) -> bool:
        """Whether the framework runs on the given date (begin and end inclusive)."""
        return self.begin <= peildatum <= self.eind


class Regio(_Strikt):
    """A region of the vocabulary; a parent region includes its sub-regions."""

    id: Slug
    naam: Tekst
    ouder: Slug | None = None


class Metadata(_Strikt):
    """What the register is a register of."""

    titel: Tekst
    kamerstuk: Tekst
    datum: Datum
    begin: Datum = Field(description="Begin van de looptijd van de kaders.")
    standaard_eind: Datum = Field(description="Einde van een kader als de brief niets anders zegt.")


class Register(_Strikt):
    """The whole register file: metadata, the region vocabulary and the frameworks."""

    metadata: Metadata = Field(alias="register")
    regio: list[Regio] = Field(min_length=1)
    kader: list[Kader] = Field(default_factory=_leeg)

    @model_validator(mode="after")
    def _samenhang(self) -> "Register":
        """Check the rules across records (unique ids, known regions); all problems at once."""
        problemen = regels.problemen(
            [(r.id, r.ouder) for r in self.regio],
            [(k.id, k.regio) for k in self.kader],
            eindes=[(k.status == BEEINDIGD, k.eind) for k in self.kader],
            standaard_eind=self.metadata.standaard_eind,
        )
        if problemen:
            tekst = "; ".join(regels.als_tekst(p) for p in problemen)
            raise PydanticCustomError(SAMENHANG, tekst)
        return self

    @cached_property
    def regio_index(self) -> dict[str, Regio]:
        """Regions by id."""
        return {r.id: r for r in self.regio}

    @cached_property
    def hoofdregios(self) -> dict[str, str]:
        """For every region its top-level ancestor (itself when it has no parent)."""
        uitkomst: dict[str, str] = {}
        for regio in self.regio:
            huidig, gezien = regio.id, {regio.id}
            while (ouder := self.regio_index[huidig].ouder) in self.regio_index:
                if ouder in gezien:
                    break
                gezien.add(ouder)
                huidig = ouder
            uitkomst[regio.id] = huidig
        return uitkomst

    def met_onderregios(self, regio_id: str) -> set[str]:
        """A region and all regions below it."""
        kinderen: dict[str, list[str]] = {}
        for r in self.regio:
            if r.ouder is not None:
                kinderen.setdefault(r.ouder, []).append(r.id)
        uitkomst: set[str] = set()
        stapel = [regio_id]
        while stapel:
            huidig = stapel.pop()
            if huidig not in uitkomst:
                uitkomst.add(huidig)
                stapel.extend(kinderen.get(huidig, []))
        return uitkomst


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the register file, for editors that validate TOML while typing."""
    schema = Register.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://kaders.example/kaders.schema.json",
        **schema,
        "title": "Register van nationale kaders (kaders)",
    }
