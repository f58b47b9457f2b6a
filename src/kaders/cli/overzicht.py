"""Commands that answer questions: list, toon, totaal, verloopt, export, schema."""

import datetime as dt
from typing import Annotated, Any

import typer

from .. import query
from ..errors import GebruiksFout
from ..uitvoer import overzicht as weergaven
from ..uitvoer.tekst import kaders_tekst
from . import bestand, opties
from .afdruk import EXIT_DATA, EXIT_OK, Doel, druk_af, meld, schrijf
from .bestand import InGebruik
from .opties import (
    Filters,
    PeildatumOpt,
    PeildatumWaardeOpt,
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
    register: InGebruik,
    filters: Filters,
    periode: Periode,
    doel: Doel,
    peildatum: PeildatumOpt = None,
    sorteer: SorteerOpt = None,
) -> None:
    """Toon de kaders die aan de filters voldoen; * markeert kaders met afgeleide velden.

    Elk kader zoals het geldt op de peildatum (standaard vandaag), zoals bekend op --stand.

    Voorbeeld:
    kaders list --regio westelijke-balkan --jaar 2026
    """
    gevouwen = register.op(geldig_op(peildatum, periode))
    gekozen = opties.selectie(gevouwen, filters, peildatum, periode)
    kaders = query.sorteer(gevouwen, gekozen, sorteer or "regio")
    gevraagd = [*filters.gevraagd(), *([sorteer] if sorteer else [])]
    weergave = weergaven.lijst(kaders, register.titel("Nationale kaders"), gevraagd)
    # A list holds every framework, also those not running that day: a day only if asked.
    druk_af(register.dateer(weergave, peildatum), doel)


def geldig_op(peildatum: dt.date | None, periode: Periode) -> dt.date:
    """The day whose values a list shows: the peildatum; else today, or the nearest day of a
    period (--van/--tot/--jaar) that does not hold today, so a period shows what held in it."""
    vandaag = bestand.vandaag()
    if peildatum is not None:
        return peildatum
    if periode.tot is not None and periode.tot < vandaag:
        return periode.tot
    if periode.van is not None and periode.van > vandaag:
        return periode.van
    return vandaag


@met_uitvoer("kader")
def toon(
    register: InGebruik,
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
    peildatum: PeildatumWaardeOpt = None,
) -> None:
    """Toon alles over een kader: elke waarde met het document en de woorden waarop ze berust.

    Ook wat is afgeleid.

    Het kader zoals het geldt op de peildatum (standaard vandaag), zoals bekend op --stand.
    Meer ids tegelijk mag; JSON is dan een array (bij één id het object zelf).

    Voorbeeld:
    kaders toon eulex-kosovo "EUMM Georgië"
    """
    datum = peildatum or bestand.vandaag()
    gevouwen = register.op(datum)
    kaders = [register.vind(tekst, datum) for tekst in kader_ids]
    kennis = register.kennis()
    bronnen = [kennis.bronnen(k.id, register.stand, datum) for k in kaders]
    mandaten = {m.missie: m for m in gevouwen.mandaat}
    weergave = weergaven.toon_kaders(
        kaders, gevouwen.regio_index, bronnen, register.bestandsnaam(), datum, mandaten
    )
    druk_af(register.dateer(weergave, datum), doel)


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
    register: InGebruik,
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

    Voorbeeld:
    kaders totaal --per regio --peildatum 2026-01-01
    """
    _geen_periode(jaar, van, tot)
    datum = peildatum or bestand.vandaag()
    gevouwen = register.op(datum)
    kaders = opties.selectie(gevouwen, filters)
    uitkomst = query.totaal(gevouwen, kaders, datum, per, op_type=bool(filters.type_))
    from ..uitvoer import totalen

    druk_af(register.dateer(totalen.totaal(uitkomst, register.stand), datum), doel)


@met_uitvoer("verloop")
@met_periode
@met_filters
def verloopt(
    register: InGebruik,
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

    Ook de kaders waarvan het mandaat van de missie zelf (besloten door de VN of de EU)
    eerder eindigt dan het kader: reden 'mandaat eindigt'; --check telt ze mee.

    Voorbeeld:
    kaders verloopt --voor 2026-01-01 --peildatum 2025-04-04
    """
    datum = peildatum or bestand.vandaag()
    gevouwen = register.op(geldig_op(peildatum, periode))
    drempel = voor or gevouwen.metadata.standaard_eind
    kaders = opties.selectie(gevouwen, filters, periode=periode)
    mandaten = {m.missie: m.eind for m in gevouwen.mandaat}
    verlopen = query.verloopt(kaders, drempel, datum, mandaten)
    titel = f"Kaders die vóór {drempel} eindigen (peildatum {datum})"
    binnen = query.binnen_venster(verlopen) if check else []
    weergave = register.dateer(weergaven.verloop(verlopen, titel, filters.gevraagd()), datum)
    druk_af(weergave, doel, EXIT_DATA if binnen else EXIT_OK)
    if binnen:
        mandaat = sum(1 for v in binnen if v.mandaat_eind is not None)
        meld(
            f"{kaders_tekst(len(binnen))} eindigen tussen {datum} en {drempel}"
            + (f", waarvan {mandaat} doordat het mandaat van de missie eindigt" if mandaat else "")
        )
        raise typer.Exit(EXIT_DATA)


@met_uitvoer("export", "json")
@met_periode
@met_filters
def export(
    register: InGebruik,
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

    Voorbeeld:
    kaders export --formaat sqlite --uitvoer kaders.db
    """
    datum = geldig_op(peildatum, periode)
    gevouwen = register.op(datum)
    kaders = opties.selectie(gevouwen, filters, peildatum, periode)
    kennis = register.kennis()
    bronnen = {k.id: kennis.bronnen(k.id, register.stand, datum) for k in kaders}
    bekend = kennis.bekend(register.stand)
    weergave = weergaven.export(gevouwen, kaders, bekend, bronnen, filters.gevraagd())
    druk_af(register.dateer(weergave, peildatum), doel)


def schema() -> None:
    """Print het JSON Schema van het registerbestand (voor TOML-editors).

    Voorbeeld:
    kaders schema > kaders.schema.json
    """
    from ..models import json_schema
    from ..uitvoer.tekst import json_tekst

    schrijf(json_tekst(json_schema()))
