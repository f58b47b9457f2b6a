"""Commands that answer questions: list, toon, totaal, verloopt, export, schema."""

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from .. import query
from ..errors import GebruiksFout, dichtstbij
from ..uitvoer import weergaven
from . import opties
from .afdruk import EXIT_DATA, EXIT_OK, druk_af, meld, schrijf
from .opties import Filters, PeildatumOpt, PerOpt, SorteerOpt, TelPeildatumOpt, met_filters


@met_filters
def lijst(
    ctx: typer.Context,
    filters: Filters,
    peildatum: PeildatumOpt = None,
    sorteer: SorteerOpt = "regio",
    formaat: Annotated[str | None, opties.formaat_optie("kaders")] = None,
) -> None:
    """Toon de kaders die aan de filters voldoen.

    Voorbeeld: kaders list --regio westelijke-balkan --type politie
    """
    register = opties.laad(ctx)
    kaders = query.sorteer(register, opties.selectie(register, filters, peildatum), sorteer)
    weergave = weergaven.lijst(kaders, _met_bestand(ctx, "Nationale kaders"))
    druk_af(weergave, formaat or opties.standaard_formaat())


def toon(
    ctx: typer.Context,
    kader_id: Annotated[
        str, typer.Argument(metavar="ID", help="Het kader.", autocompletion=opties.voltooi("id"))
    ],
    formaat: Annotated[str | None, opties.formaat_optie("kader")] = None,
) -> None:
    """Toon alles over één kader, met de bron in de brief en wat is afgeleid.

    Voorbeeld: kaders toon eulex-kosovo
    """
    register = opties.laad(ctx)
    gevonden = {k.id: k for k in register.kader}
    if kader_id not in gevonden:
        voorvoegsel = [i for i in gevonden if i.startswith(kader_id)]
        beste = voorvoegsel[:3] or dichtstbij(kader_id, gevonden, 3)
        hint = f"; bedoelde u {', '.join(repr(b) for b in beste)}?" if beste else ""
        raise GebruiksFout([f"onbekend kader '{kader_id}'{hint} Zie 'kaders list' voor alle ids."])
    kader = gevonden[kader_id]
    regionaam = register.regio_index[kader.regio].naam
    weergave = weergaven.toon(kader, regionaam, _met_bestand(ctx, kader.missie))
    druk_af(weergave, formaat or opties.standaard_formaat())


def _met_bestand(ctx: typer.Context, titel: str) -> str:
    """A table title that names the register file, unless it is the bundled one."""
    pad = opties.register_pad(ctx)
    return titel if opties.is_meegeleverd(pad) else f"{titel} — {pad}"


@met_filters
def totaal(
    ctx: typer.Context,
    filters: Filters,
    per: PerOpt = "type",
    peildatum: TelPeildatumOpt = None,
    formaat: Annotated[str | None, opties.formaat_optie("totaal")] = None,
) -> None:
    """Tel het personeel per groep op een peildatum; kaders zonder aantal apart geteld.

    Voorbeeld: kaders totaal --per regio --peildatum 2026-01-01
    """
    register = opties.laad(ctx)
    kaders = opties.selectie(register, filters)
    uitkomst = query.totaal(register, kaders, peildatum or opties.vandaag(), per)
    druk_af(weergaven.totaal(uitkomst), formaat or opties.standaard_formaat())


@met_filters
def verloopt(
    ctx: typer.Context,
    filters: Filters,
    voor: Annotated[
        dt.date | None,
        typer.Option(
            "--voor",
            help="Drempeldatum (standaard: het standaardeinde, 2028-06-30).",
            metavar="DATUM",
            show_default=False,
            parser=opties.datum("--voor"),
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Exit 1 als een kader tussen peildatum en drempel eindigt."),
    ] = False,
    peildatum: TelPeildatumOpt = None,
    formaat: Annotated[str | None, opties.formaat_optie("verloop")] = None,
) -> None:
    """Toon de kaders die vóór de drempel eindigen, met de dagen die resten.

    Voorbeeld: kaders verloopt --voor 2026-01-01 --peildatum 2025-04-04
    """
    register = opties.laad(ctx)
    drempel = voor or register.metadata.standaard_eind
    datum = peildatum or opties.vandaag()
    kaders = opties.selectie(register, filters)
    verlopen = query.verloopt(kaders, drempel, datum)
    titel = f"Kaders die vóór {drempel} eindigen (peildatum {datum})"
    binnen = query.binnen_venster(verlopen) if check else []
    weergave = weergaven.verloop(verlopen, titel)
    druk_af(weergave, formaat or opties.standaard_formaat(), EXIT_DATA if binnen else EXIT_OK)
    if binnen:
        meld(f"{len(binnen)} kader(s) eindigen tussen {datum} en {drempel}")
        raise typer.Exit(EXIT_DATA)


@met_filters
def export(
    ctx: typer.Context,
    filters: Filters,
    peildatum: PeildatumOpt = None,
    formaat: Annotated[str, opties.formaat_optie("export", "json")] = "json",
    uitvoer_pad: Annotated[
        Path | None,
        typer.Option(
            "--uitvoer",
            "-o",
            help="Schrijf naar dit bestand (atomisch) in plaats van naar stdout.",
            metavar="PAD",
            show_default=False,
        ),
    ] = None,
    overschrijf: Annotated[
        bool,
        typer.Option(
            "--overschrijf", help="Vervang een bestaand bestand bij --uitvoer (nooit het register)."
        ),
    ] = False,
) -> None:
    """Exporteer alle velden van de (gefilterde) kaders; standaard als JSON.

    Met --formaat toml: een genormaliseerd register dat weer precies zo inleest.

    --uitvoer weigert een bestaand bestand zonder --overschrijf, en altijd het register in
    gebruik (ook via een link).

    Voorbeeld: kaders export --formaat csv --uitvoer kaders.csv
    """
    register = opties.laad(ctx)
    kaders = opties.selectie(register, filters, peildatum)
    weergave = weergaven.export(register, kaders)
    if uitvoer_pad is None:
        druk_af(weergave, formaat)
        return
    from .. import schrijven, uitvoer  # file locking: only where something is written

    tekst = uitvoer.schrijf(weergave, formaat, uitvoer.Scherm())
    schrijven.exporteer(
        uitvoer_pad,
        tekst,
        is_register=formaat == "toml",
        register=opties.register_pad(ctx),
        overschrijven=overschrijf,
    )
    meld(f"{len(kaders)} kaders geschreven naar {uitvoer_pad}")


def schema() -> None:
    """Print het JSON Schema van het registerbestand (voor TOML-editors).

    Voorbeeld: kaders schema > kaders.schema.json
    """
    from ..models import json_schema
    from ..uitvoer.tekst import json_tekst

    schrijf(json_tekst(json_schema()))
