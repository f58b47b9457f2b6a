"""The commands `verschil` and `tijdlijn`: what changed between registers, and how it moves."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from .cli import (
    EXIT_DATA,
    FormaatOpt,
    KadersCommando,
    OrganisatieOpt,
    PerOpt,
    RegioOpt,
    StatusOpt,
    TypeOpt,
    ZoekOpt,
    _datum,
    _formaat,
    _laad,
    _scherm,
    _schrijf,
    _selectie,
    app,
)
from .errors import GebruiksFout, KadersFout, Melding
from .models import STAPPEN, Register
from .register import decodeer, laad_tekst, lees_tekst

STDIN = "-"


def _lees_stdin() -> str:
    """All of stdin as text; bytes are decoded as the register loader does."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return decodeer(buffer.read(), "<stdin>")
    return sys.stdin.read()


def _register(bron: str | Path) -> tuple[Register, str]:
    """A register from a path or '-' (stdin), and its name for people.

    For `verschil` exit 1 means "differ", so bad input exits 2: KadersFout becomes GebruiksFout.
    """
    naam = "<stdin>" if bron == STDIN else str(bron)
    try:
        if bron == STDIN:
            tekst = _lees_stdin()
        else:
            try:
                tekst = lees_tekst(Path(bron))
            except ValueError:  # e.g. a NUL character in the path
                raise GebruiksFout([Melding("ongeldig pad", repr(naam))]) from None
        return laad_tekst(tekst, naam), naam
    except GebruiksFout:
        raise
    except KadersFout as fout:
        raise GebruiksFout(fout.meldingen) from None


@app.command(cls=KadersCommando, name="verschil")
def verschil(
    ctx: typer.Context,
    oud: Annotated[
        str,
        typer.Argument(
            metavar="OUD",
            help="Het oude register: een pad, of - voor stdin.",
            show_default=False,
        ),
    ],
    nieuw: Annotated[
        str | None,
        typer.Argument(
            metavar="NIEUW",
            help=(
                "Het nieuwe register: een pad, of - voor stdin. Zonder NIEUW is het enige "
                "argument het nieuwe en het register in gebruik het oude."
            ),
            show_default=False,
        ),
    ] = None,
    peildatum: Annotated[
        str | None,
        typer.Option(
            "--peildatum",
            help="Datum JJJJ-MM-DD voor het effect op het totaal (standaard: vandaag).",
            metavar="DATUM",
            show_default=False,
        ),
    ] = None,
    formaat: FormaatOpt = None,
) -> None:
    """Vergelijk twee registers per id: toegevoegd, verwijderd, gewijzigd, hernoemd.

    Elke wijziging als veld: oud → nieuw; ook de registergegevens en de regio's.

    Het effect op het totale personeel staat erbij, op de peildatum (standaard vandaag).

    Exit 0: gelijk; 1: verschillend; 2: verkeerd gebruik of een ongeldig register.

    Voorbeeld: kaders verschil oud.toml data/kaders.toml --peildatum 2026-01-01
    """
    if nieuw is None:
        oud_bron: str | Path = ctx.find_root().obj
        nieuw_bron: str | Path = oud
    else:
        oud_bron, nieuw_bron = oud, nieuw
    if oud_bron == STDIN and nieuw_bron == STDIN:
        raise GebruiksFout(["stdin (-) kan maar voor één van beide registers"])
    datum = _datum(peildatum, "--peildatum", dt.date.today())
    uitvoer = _formaat(formaat)
    oud_register, oud_naam = _register(oud_bron)
    nieuw_register, nieuw_naam = _register(nieuw_bron)
    from . import render_historie
    from .verschil import vergelijk

    uitkomst = vergelijk(oud_register, nieuw_register, datum)
    _schrijf(render_historie.verschil(uitkomst, uitvoer, _scherm(), oud_naam, nieuw_naam))
    if not uitkomst.gelijk:
        raise typer.Exit(EXIT_DATA)


@app.command(cls=KadersCommando, name="tijdlijn")
def tijdlijn_(
    ctx: typer.Context,
    per: PerOpt = "type",
    stap: Annotated[
        str,
        typer.Option("--stap", help=f"Periode: {' of '.join(STAPPEN)}.", metavar="STAP"),
    ] = "maand",
    van: Annotated[
        str | None,
        typer.Option(
            "--van",
            help="Vanaf de periode met deze datum (standaard: het begin van het register).",
            metavar="DATUM",
            show_default=False,
        ),
    ] = None,
    tot: Annotated[
        str | None,
        typer.Option(
            "--tot",
            help="Tot en met de periode met deze datum (standaard: het standaardeinde).",
            metavar="DATUM",
            show_default=False,
        ),
    ] = None,
    regio: RegioOpt = None,
    type_: TypeOpt = None,
    organisatie: OrganisatieOpt = None,
    status: StatusOpt = None,
    zoek: ZoekOpt = None,
    formaat: FormaatOpt = None,
) -> None:
    """Toon het personeel per maand of kwartaal, per groep, met een balk per periode.

    Elke periode telt precies zoals 'kaders totaal' op de eerste dag van die periode.

    Kaders zonder aantal staan apart (zonder_aantal), nooit als 0.

    Voorbeeld: kaders tijdlijn --regio irak --per regio --van 2025-05-01 --tot 2025-08-31
    """
    register = _laad(ctx)
    begin = _datum(van, "--van", register.metadata.begin)
    eind = _datum(tot, "--tot", register.metadata.standaard_eind)
    uitvoer = _formaat(formaat)
    kaders = _selectie(register, regio, type_, organisatie, status, zoek, None)
    from . import render_historie
    from .tijdlijn import tijdlijn

    lijn = tijdlijn(register, kaders, begin, eind, stap.lower(), per.lower())
    _schrijf(render_historie.tijdlijn(lijn, uitvoer, _scherm()))
