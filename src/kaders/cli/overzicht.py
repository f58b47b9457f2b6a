"""Commands that answer questions: list, toon, totaal, verloopt, export, schema."""

import datetime as dt
from typing import Annotated, Any

import typer

from .. import query
from ..errors import GebruiksFout
from ..uitvoer import weergaven
from . import bestand, opties
from .afdruk import EXIT_DATA, EXIT_OK, Doel, druk_af, meld, schrijf
from .opties import (
    Filters,
    PeildatumOpt,
    Periode,
    PerOpt,
    SorteerOpt,
    TelPeildatumOpt,
    met_filters,
    met_periode,
)
from .uitvoeropties import met_uitvoer


@met_uitvoer("kaders")
@met_periode
@met_filters
def lijst(
    ctx: typer.Context,
    filters: Filters,
    periode: Periode,
    doel: Doel,
    peildatum: PeildatumOpt = None,
    sorteer: SorteerOpt = "regio",
) -> None:
    """Toon de kaders die aan de filters voldoen; * markeert kaders met afgeleide velden.

    Voorbeeld: kaders list --regio westelijke-balkan --jaar 2026
    """
    register = bestand.laad(ctx)
    gekozen = opties.selectie(register, filters, peildatum, periode)
    kaders = query.sorteer(register, gekozen, sorteer)
    druk_af(weergaven.lijst(kaders, _met_bestand(ctx, "Nationale kaders")), doel)


@met_uitvoer("kader")
def toon(
    ctx: typer.Context,
    doel: Doel,
    kader_ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ID",
            help="Eén of meer kaders: een id (hoofdletters maken niet uit) of een missienaam "
            "die precies één kader aanwijst.",
            autocompletion=opties.voltooi("id"),
            show_default=False,
        ),
    ],
) -> None:
    """Toon alles over een kader, met de bron in de brief en wat is afgeleid.

    Meer ids tegelijk mag; JSON is dan een array (bij één id het object zelf).

    Voorbeeld: kaders toon eulex-kosovo "EUMM Georgië"
    """
    register = bestand.laad(ctx)
    kaders = [bestand.vind(ctx, register, tekst) for tekst in kader_ids]
    druk_af(weergaven.toon_kaders(kaders, register.regio_index, _bestand(ctx)), doel)


def _bestand(ctx: typer.Context) -> str | None:
    """The register file to name in a table title: None for the bundled one."""
    pad = bestand.register_pad(ctx)
    return None if bestand.is_meegeleverd(pad) else str(pad)


def _met_bestand(ctx: typer.Context, titel: str) -> str:
    """A table title that names the register file, unless it is the bundled one."""
    bestand = _bestand(ctx)
    return f"{titel} — {bestand}" if bestand else titel


def _geen_periode(jaar: str | None, van: str | None, tot: str | None) -> None:
    """A total holds on one day: a period is a usage error that points to the timeline."""
    if jaar is not None or van is not None or tot is not None:
        tip = (
            f"kaders tijdlijn --jaar {jaar}" if jaar is not None else "kaders tijdlijn --van/--tot"
        )
        raise GebruiksFout(
            [
                "een totaal geldt op één dag (--peildatum), niet voor een periode; "
                f"voor het verloop over een periode: {tip}"
            ]
        )


def _verborgen(naam: str) -> Any:
    """An option only there to explain that it does not belong here."""
    return typer.Option(naam, hidden=True, show_default=False)


@met_uitvoer("totaal")
@met_filters
def totaal(
    ctx: typer.Context,
    filters: Filters,
    doel: Doel,
    per: PerOpt = "type",
    peildatum: TelPeildatumOpt = None,
    jaar: Annotated[str | None, _verborgen("--jaar")] = None,
    van: Annotated[str | None, _verborgen("--van")] = None,
    tot: Annotated[str | None, _verborgen("--tot")] = None,
) -> None:
    """Tel het personeel per groep op een peildatum; kaders zonder aantal apart geteld.

    'Waarvan afgeleid' zegt hoeveel van elke som op een afgeleid veld rust.

    Voorbeeld: kaders totaal --per regio --peildatum 2026-01-01
    """
    _geen_periode(jaar, van, tot)
    register = bestand.laad(ctx)
    kaders = opties.selectie(register, filters)
    datum = peildatum or bestand.vandaag()
    uitkomst = query.totaal(register, kaders, datum, per, op_type=bool(filters.type_))
    druk_af(weergaven.totaal(uitkomst, bestand.stand(ctx)), doel)


@met_uitvoer("verloop")
@met_periode
@met_filters
def verloopt(
    ctx: typer.Context,
    filters: Filters,
    periode: Periode,
    doel: Doel,
    voor: Annotated[
        dt.date | None,
        opties.datum_optie(
            "--voor",
            "Drempeldatum (standaard: het standaardeinde, 2028-06-30).",
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Exit 1 als een kader tussen peildatum en drempel eindigt."),
    ] = False,
    peildatum: TelPeildatumOpt = None,
) -> None:
    """Toon de kaders die vóór de drempel eindigen, met de dagen die resten.

    Voorbeeld: kaders verloopt --voor 2026-01-01 --peildatum 2025-04-04
    """
    register = bestand.laad(ctx)
    drempel = voor or register.metadata.standaard_eind
    datum = peildatum or bestand.vandaag()
    kaders = opties.selectie(register, filters, periode=periode)
    verlopen = query.verloopt(kaders, drempel, datum)
    titel = f"Kaders die vóór {drempel} eindigen (peildatum {datum})"
    binnen = query.binnen_venster(verlopen) if check else []
    druk_af(weergaven.verloop(verlopen, titel), doel, EXIT_DATA if binnen else EXIT_OK)
    if binnen:
        meld(f"{len(binnen)} kader(s) eindigen tussen {datum} en {drempel}")
        raise typer.Exit(EXIT_DATA)


@met_uitvoer("export", "json")
@met_periode
@met_filters
def export(
    ctx: typer.Context,
    filters: Filters,
    periode: Periode,
    doel: Doel,
    peildatum: PeildatumOpt = None,
) -> None:
    """Exporteer alle velden van de (gefilterde) kaders; standaard als JSON.

    Met --formaat toml: een genormaliseerd register dat weer precies zo inleest. Met
    --formaat xlsx of sqlite (en --uitvoer PAD): een werkboek of een database met sleutels.

    --uitvoer weigert een bestaand bestand zonder --overschrijf, en altijd het register in
    gebruik (ook via een link).

    Voorbeeld: kaders export --formaat sqlite --uitvoer kaders.db
    """
    from ..stand import bekend_op

    ruw = bestand.laad_ruw(ctx)
    datum = bestand.stand(ctx)
    register = bestand.op_stand(ruw, datum)
    kaders = opties.selectie(register, filters, peildatum, periode)
    druk_af(weergaven.export(register, kaders, bekend_op(ruw, datum)), doel)


def schema() -> None:
    """Print het JSON Schema van het registerbestand (voor TOML-editors).

    Voorbeeld: kaders schema > kaders.schema.json
    """
    from ..models import json_schema
    from ..uitvoer.tekst import json_tekst

    schrijf(json_tekst(json_schema()))
