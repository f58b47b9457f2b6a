"""The models of a register's sources: documents, derived marks and missions' mandates."""

from typing import Literal, get_args

from pydantic import Field

from .waarden import Adres, Datum, Slug, Strikt, Tekst, leeg

Documentsoort = Literal[
    "kamerbrief",
    "artikel-100-brief",
    "voortgangsrapportage",
    "verslag",
    "nieuwsbericht",
    "persbericht",
    "vn-resolutie",
    "raadsbesluit",
]

DOCUMENTSOORTEN: tuple[str, ...] = get_args(Documentsoort)


class Afleiding(Strikt):
    """A field that was inferred rather than read in the letter, and why."""

    veld: Tekst
    reden: Tekst


class Document(Strikt):
    """A source of the register: a letter to parliament, a report, a news item."""

    id: Slug = Field(
        description="Stabiele sleutel, bv. 'kst-29521-494' voor Kamerstuk 29 521, nr. 494."
    )
    soort: Documentsoort = Field(description="Wat voor document het is.")
    kamerstuk: Tekst | None = Field(
        default=None,
        description="Kamerstuknummer, bv. '29 521, nr. 494'; weglaten als het geen Kamerstuk is.",
    )
    datum: Datum = Field(description="Datum van het document: vanaf die dag is de inhoud bekend.")
    titel: Tekst = Field(description="Titel van het document.")
    url: Adres | None = Field(
        default=None, description="Waar het document gepubliceerd is; weglaten als onbekend."
    )
    tekst_beschikbaar: bool = Field(
        default=True,
        description="false: het document is bekend (datum, titel) maar zijn tekst niet; een "
        "kader of wijziging mag het dan niet als bron noemen.",
    )
    opmerking: Tekst | None = Field(
        default=None,
        description="Wat over het document zelf te zeggen is, bv. welk adres niet gevonden is.",
    )


class Mandaat(Strikt):
    """The end of a mission's own mandate (decided by the UN, the EU, …): a fact about the
    mission, not about the Dutch framework, with its own source and date."""

    missie: Tekst = Field(description="De missie, zoals in het veld missie van haar kaders.")
    eind: Datum = Field(description="De laatste dag van het mandaat van de missie.")
    document: Slug = Field(description="Id van het [[document]] dat het mandaat vastlegt.")
    plek: Tekst = Field(description="Waar in het document het mandaat staat.")
    citaat: Tekst = Field(description="De exacte woorden waarop het einde van het mandaat berust.")
    afgeleid: list[Afleiding] = Field(
        default_factory=leeg, description="Velden die zijn afgeleid in plaats van gelezen."
    )
