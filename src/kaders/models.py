"""Pydantic models and vocabularies of the register; no I/O."""

import datetime as dt
from collections.abc import Mapping
from functools import cached_property
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BeforeValidator,
    Field,
    StrictInt,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import regels
from .bronmodellen import Afleiding, Document, Mandaat
from .waarden import Datum, Slug, Strikt, Tekst, leeg

Type = Literal["militair", "civiel", "politie"]
Duiding = Literal["circa", "maximaal", "exact"]
Telling = Literal["per-jaar", "gelijktijdig", "niet-vermeld"]
Status = Literal[
    "vastgesteld",
    "verlengd",
    "lopend",
    "verkenning",
    "mogelijkheid",
    "voornemen",
    "voorwaardelijk",
    "opgeschort",
    "beeindigd",
]
Organisatie = Literal["EU", "NAVO", "VN", "OVSE", "coalitie", "bilateraal", "nationaal"]
# What each status means: how the document speaks of the contribution (feeds the schema).
STATUS_UITLEG: dict[str, str] = {
    "vastgesteld": "het kabinet stelt het kader vast of besluit tot de bijdrage "
    "('stelt … vast', 'zal … leveren', een artikel 100-besluit)",
    "verlengd": "het kabinet verlengt een bestaande bijdrage of een bestaand kader ('verlengt')",
    "lopend": "het document beschrijft een bijdrage die al loopt, zonder die vast te stellen of "
    "te verlengen ('draagt bij', 'is aanwezig', 'blijft bijdragen')",
    "verkenning": "het kabinet verkent of onderzoekt de bijdrage",
    "mogelijkheid": "het document noemt de bijdrage alleen als mogelijkheid ('mogelijk in de "
    "toekomst')",
    "voornemen": "het kabinet is voornemens of wil bijdragen",
    "voorwaardelijk": "de bijdrage hangt af van een voorwaarde ('indien')",
    "opgeschort": "het kader staat, maar de bijdrage is (voorlopig) niet ter plaatse",
    "beeindigd": "het kabinet stopt de bijdrage (per 'eind')",
}

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


def canonieke_status(waarde: Any) -> Any:
    """A status in its canonical spelling: 'beëindigd' -> 'beeindigd'; anything else unchanged."""
    if isinstance(waarde, str):
        return STATUS_SPELLINGEN.get(waarde.casefold(), waarde)
    return waarde


StatusVeld = Annotated[Status, BeforeValidator(canonieke_status)]


def _status_beschrijving() -> str:
    """The status field's description: every value with its meaning."""
    return "Hoe het document over de bijdrage spreekt: " + "; ".join(
        f"{status}: {uitleg}" for status, uitleg in STATUS_UITLEG.items()
    )


class Kader(Strikt):
    """One national framework: a Dutch personnel contribution to a mission or operation."""

    id: Slug = Field(description="Stabiele sleutel, kleine letters en koppeltekens.")
    missie: Tekst = Field(description="Korte naam, bv. 'EULEX Kosovo'.")
    naam: Tekst = Field(description="Volledige naam van de missie of operatie.")
    regio: Slug = Field(description="Een regio uit de [[regio]]-tabellen van het register.")
    landen: list[Tekst] = Field(default_factory=leeg, description="Landen, waar bekend.")
    organisatie: Organisatie = Field(description="De organisatie van de missie of operatie.")
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
    begin: Datum = Field(
        description="Eerste dag (JJJJ-MM-DD); bij toevoegen weglaten: het begin van het register."
    )
    eind: Datum = Field(
        description="Laatste dag (JJJJ-MM-DD); bij toevoegen weglaten: het standaardeinde."
    )
    status: StatusVeld = Field(
        description="Hoe het document over de bijdrage spreekt.",
        json_schema_extra={"description": _status_beschrijving()},  # every value explained
    )
    bron: Tekst = Field(description="Waar het kader in de brief staat: sectie en kop.")
    citaat: Tekst | None = Field(
        default=None, description="De zin of zinsnede uit de brief waarop het kader berust."
    )
    toelichting: Tekst | None = Field(default=None, description="Een eigen toelichting.")
    afgeleid: list[Afleiding] = Field(
        default_factory=leeg,
        description="Velden die zijn afgeleid in plaats van gelezen.",
    )
    document: Slug | None = Field(
        default=None,
        description="Id van het [[document]] dat het kader invoerde; verplicht zodra het "
        "register documenten heeft.",
    )
    eerdere_ids: list[Slug] = Field(
        default_factory=leeg,
        description="Ids die het kader eerder had: toon en historie vinden het er ook mee.",
    )
    aanvullend: bool = Field(
        default=False,
        description="true: een additionele inzet buiten de nationale kaders van nr. 493, "
        "ingevoerd door een later document.",
    )

    @model_validator(mode="after")
    def _samenhang(self) -> "Kader":
        """Check the rules that span fields; all problems at once."""
        fouten = samenhangfouten(self.__dict__)
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


# The fields samenhangfouten reads: a change that sets none of them (and adds no derived
# mark) leaves a framework exactly as coherent as it was.
SAMENHANGVELDEN = frozenset({"begin", "eind", "typen", "personeel", "duiding", "telling"})


def samenhangfouten(velden: Mapping[str, Any]) -> list[str]:
    """The rules that span a framework's fields, in Dutch; empty when it holds together.

    One place for these rules: validation calls it on every record read, and folding calls it
    on a framework's field values after a change (each field valid already), without building
    a model per step.
    """
    fouten: list[str] = []
    begin, eind, typen = velden["begin"], velden["eind"], velden["typen"]
    personeel, duiding, telling = velden["personeel"], velden["duiding"], velden["telling"]
    if begin > eind:
        fouten.append(f"begin {begin} ligt na eind {eind}")
    if len(set(typen)) != len(typen):
        fouten.append(f"typen bevat een type dubbel: {typen}")
    if personeel is None and (duiding is not None or telling is not None):
        fouten.append("duiding en telling horen alleen bij een personeel-aantal")
    if personeel is not None and (duiding is None or telling is None):
        fouten.append("bij een personeel-aantal horen ook duiding en telling")
    for afleiding in velden["afgeleid"]:
        if afleiding.veld not in Kader.model_fields:
            fouten.append(f"afgeleid noemt onbekend veld '{afleiding.veld}'")
    return fouten


# The fields of a framework that a change can set: all but its identity and provenance
# (id, bron, citaat, document, eerdere_ids) and afgeleid, which a change updates through its
# own marks.
WIJZIGBARE_VELDEN: tuple[str, ...] = (
    "missie",
    "naam",
    "regio",
    "landen",
    "organisatie",
    "typen",
    "personeel",
    "duiding",
    "telling",
    "begin",
    "eind",
    "status",
    "toelichting",
)

_WIJZIGBAAR = frozenset(WIJZIGBARE_VELDEN)
_ZET = "Nieuwe waarde; weglaten als dit veld niet wijzigt."


class Wijziging(Strikt):
    """One entry of the append-only log: a later document sets fields of one framework.

    Known from its document's date (knowledge time); with `vanaf` its values hold from that
    day only (valid time), before it the earlier values hold. `document`, `plek`, `citaat`
    and `afgeleid` describe the change itself and never overwrite the framework's own
    provenance; each value it sets is cited by them. A field that is absent does not change; a
    change cannot make a value unknown again (no document has needed that: it would take an
    explicit list of fields to clear).
    """

    kader: Slug = Field(description="Id van het kader dat wijzigt.")
    document: Slug = Field(description="Id van het [[document]] dat de wijziging brengt.")
    plek: Tekst | None = Field(
        default=None,
        description="Waar in het document de wijziging staat; verplicht, tenzij elk veld dat "
        "de wijziging zet afgeleid is.",
    )
    citaat: Tekst | None = Field(
        default=None,
        description="De exacte woorden uit het document waarop de wijziging berust; verplicht, "
        "tenzij elk veld dat de wijziging zet afgeleid is.",
    )
    vanaf: Datum | None = Field(
        default=None,
        description="Vanaf deze dag gelden de nieuwe waarden (geldigheid); daarvoor de oude. "
        "Weglaten: over de hele looptijd van het kader.",
    )
    vanaf_citaat: Tekst | None = Field(
        default=None,
        description="De exacte woorden waarop 'vanaf' berust, als die niet in citaat staan.",
    )
    missie: Tekst | None = Field(default=None, description=_ZET)
    naam: Tekst | None = Field(default=None, description=_ZET)
    regio: Slug | None = Field(default=None, description=_ZET)
    landen: list[Tekst] | None = Field(default=None, description=_ZET)
    organisatie: Organisatie | None = Field(default=None, description=_ZET)
    typen: Annotated[list[Type], Field(min_length=1)] | None = Field(default=None, description=_ZET)
    personeel: Annotated[StrictInt, Field(ge=0, le=1_000_000)] | None = Field(
        default=None, description=_ZET + " Met personeel horen duiding en telling."
    )
    duiding: Duiding | None = Field(default=None, description=_ZET)
    telling: Telling | None = Field(default=None, description=_ZET)
    begin: Datum | None = Field(default=None, description=_ZET)
    eind: Datum | None = Field(default=None, description=_ZET)
    status: StatusVeld | None = Field(default=None, description=_ZET)
    toelichting: Tekst | None = Field(default=None, description=_ZET)
    afgeleid: list[Afleiding] = Field(
        default_factory=leeg,
        description="Velden van deze wijziging die zijn afgeleid in plaats van gelezen; ze "
        "vervangen de afleidingen van het kader voor de velden die de wijziging zet.",
    )

    def gezet(self) -> dict[str, Any]:
        """The framework fields this change sets, with their new values (None: not set)."""
        # Only the fields that were given, not all thirteen: this runs for every change on
        # every fold. The order of the keys carries no meaning.
        velden = self.__dict__
        gegeven = self.__pydantic_fields_set__ & _WIJZIGBAAR
        return {naam: velden[naam] for naam in gegeven if velden[naam] is not None}


class Regio(Strikt):
    """A region of the vocabulary; a parent region includes its sub-regions."""

    id: Slug
    naam: Tekst
    ouder: Slug | None = None


class Metadata(Strikt):
    """What the register is a register of."""

    titel: Tekst
    kamerstuk: Tekst
    datum: Datum
    begin: Datum = Field(description="Begin van de looptijd van de kaders.")
    standaard_eind: Datum = Field(description="Einde van een kader als de brief niets anders zegt.")


class Register(Strikt):
    """The whole register file: metadata, regions, documents, frameworks and their changes.

    As read from a file, `kader` holds each framework as its document introduced it and
    `wijziging` the later changes; `stand.op_stand` folds them into the register as known on
    a date.
    """

    metadata: Metadata = Field(alias="register")
    regio: list[Regio] = Field(min_length=1)
    document: list[Document] = Field(
        default_factory=leeg, description="De bronnen: brieven, verslagen, berichten."
    )
    kader: list[Kader] = Field(default_factory=leeg)
    wijziging: list[Wijziging] = Field(
        default_factory=leeg,
        description="Wijzigingen van kaders door latere documenten; alleen toevoegen, nooit "
        "herschrijven.",
    )
    mandaat: list[Mandaat] = Field(
        default_factory=leeg,
        description="Het einde van het mandaat van een missie, met zijn eigen bron.",
    )

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
