"""Commands that compare: verschil (what changed between registers) and tijdlijn (over time)."""

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import GebruiksFout, KadersFout, Melding
from ..grenzen import MAX_BYTES, lees_stroom, te_groot
from ..inlezen import decodeer, laad_tekst, lees_tekst
from ..models import Kader, Register
from . import bestand, opties
from .afdruk import EXIT_DATA, Doel, druk_af
from .bestand import InGebruik
from .opties import Filters, PerOpt, StapOpt, met_filters
from .uitvoeropties import met_uitvoer

STDIN = "-"


def _lees_stdin() -> str:
    """All of stdin as text; bytes are decoded as the register loader does."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return decodeer(lees_stroom(buffer), "<stdin>")
    tekst = sys.stdin.read(MAX_BYTES + 1)
    if len(tekst) > MAX_BYTES:
        raise te_groot("<stdin>")
    return tekst


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


@met_uitvoer("verschil")
def verschil(
    register: InGebruik,
    doel: Doel,
    oud: Annotated[
        str | None,
        typer.Argument(
            metavar="OUD",
            help=(
                "Het oude register: een pad, of - voor stdin. Alleen OUD: vergeleken met het "
                "register in gebruik als het nieuwe (zoals git diff REV)."
            ),
            show_default=False,
        ),
    ] = None,
    nieuw: Annotated[
        str | None,
        typer.Argument(
            metavar="NIEUW",
            help=(
                "Het nieuwe register: een pad, of - voor stdin (standaard: het register in "
                "gebruik)."
            ),
            show_default=False,
        ),
    ] = None,
    peildatum: Annotated[
        dt.date | None,
        opties.datum_optie(
            "--peildatum",
            "Datum JJJJ-MM-DD voor het effect op het totaal (standaard: vandaag).",
        ),
    ] = None,
    sinds: Annotated[
        dt.date | None,
        opties.datum_optie(
            "--sinds",
            "Vergelijk het register in gebruik zoals bekend op deze datum (JJJJ-MM-DD) met "
            "zoals bekend op --tot; zonder bestanden, elke wijziging met haar document.",
        ),
    ] = None,
    tot: Annotated[
        dt.date | None,
        opties.datum_optie(
            "--tot",
            "Bij --sinds: de latere stand (standaard: vandaag).",
        ),
    ] = None,
) -> None:
    """Vergelijk twee registers per id: toegevoegd, verwijderd, gewijzigd, hernoemd.

    Elke wijziging als veld: oud → nieuw; ook de registergegevens en de regio's.

    Het effect op het totale personeel staat erbij, op de peildatum (standaard vandaag).

    Exit 0: gelijk; 1: verschillend; 2: verkeerd gebruik of een ongeldig register.

    Met één argument is dat het oude register en het register in gebruik het nieuwe. Beide
    registers zoals bekend op --stand (standaard vandaag), met hun wijzigingen verwerkt; elke
    gewijzigde waarde noemt het document van haar nieuwe bron.

    Met --sinds DATUM [--tot DATUM] in plaats van bestanden: het register in gebruik zoals
    bekend op --sinds tegen zoals bekend op --tot (standaard vandaag); elke wijziging noemt
    het document dat haar bracht.

    Voorbeelden:
    kaders verschil oud.toml data/kaders.toml --peildatum 2026-01-01
    kaders verschil --sinds 2025-04-04
    """
    if sinds is not None or tot is not None:
        _tussen(register, doel, oud, sinds, tot, peildatum)
        return
    if oud is None:
        raise GebruiksFout(["geef het oude register (OUD), of --sinds DATUM"])
    if nieuw is None:  # like `git diff REV`: the one argument is the old side
        oud_bron: str | Path = oud
        nieuw_bron: str | Path = register.bestand()
    else:
        oud_bron, nieuw_bron = oud, nieuw
    if oud_bron == STDIN and nieuw_bron == STDIN:
        raise GebruiksFout(["stdin (-) kan maar voor één van beide registers"])
    oud_register, oud_naam = _register(oud_bron)
    nieuw_register, nieuw_naam = _register(nieuw_bron)
    from ..uitvoer import vergelijking
    from ..verschil import bestanden

    for naam, gelezen in ((oud_naam, oud_register), (nieuw_naam, nieuw_register)):
        bestand.controleer_stand(gelezen, register.stand, naam)
    datum = peildatum or bestand.vandaag()
    uitkomst = bestanden(oud_register, nieuw_register, register.stand, datum)
    druk_af(register.dateer(vergelijking.verschil(uitkomst, oud_naam, nieuw_naam), datum), doel)
    if not uitkomst.gelijk:
        raise typer.Exit(EXIT_DATA)


def _tussen(
    register: InGebruik,
    doel: Doel,
    oud: str | None,
    sinds: dt.date | None,
    tot: dt.date | None,
    peildatum: dt.date | None,
) -> None:
    """verschil --sinds: two days of knowledge of the register in use; exit 1 if they differ."""
    if oud is not None:
        raise GebruiksFout(["--sinds vergelijkt het register in gebruik met zichzelf; geen OUD"])
    if sinds is None:
        raise GebruiksFout(["--tot hoort bij --sinds: kaders verschil --sinds DATUM --tot DATUM"])
    tot = tot or bestand.vandaag()
    if sinds > tot:
        raise GebruiksFout([f"--sinds {sinds} ligt na --tot {tot}"])
    from ..uitvoer import vergelijking
    from ..verschil import tussen

    try:
        ruw = register.ruw()
    except GebruiksFout:
        raise
    except KadersFout as fout:  # exit 1 means "differ" here
        raise GebruiksFout(fout.meldingen) from None
    eerste = min((d.datum for d in ruw.document), default=None)
    if eerste is not None and sinds < eerste:
        raise GebruiksFout(
            [f"--sinds {sinds} ligt vóór het eerste document van het register ({eerste})"]
        )
    uitkomst = tussen(ruw, sinds, tot, peildatum or bestand.vandaag())
    druk_af(vergelijking.verschil(uitkomst, f"stand {sinds}", f"stand {tot}"), doel)
    if not uitkomst.gelijk:
        raise typer.Exit(EXIT_DATA)


@met_uitvoer("tijdlijn")
@opties.met_periode
@met_filters
def tijdlijn(
    register: InGebruik,
    filters: Filters,
    periode: opties.Periode,
    doel: Doel,
    per: PerOpt = "type",
    stap: StapOpt = "maand",
) -> None:
    """Toon het personeel per maand of kwartaal, per groep, met een balk per periode.

    Elke periode telt precies zoals 'kaders totaal' op de eerste dag van die periode, ook wat
    daarvan op afgeleide velden rust ('waarvan afgeleid').

    De tijdlijn loopt van de periode met --van tot en met die met --tot (standaard: het begin
    van het register tot het standaardeinde); --jaar JJJJ is een heel kalenderjaar.

    Kaders zonder aantal staan apart (zonder_aantal), nooit als 0.

    Voorbeeld:
    kaders tijdlijn --regio irak --per regio --van 2025-05-01 --tot 2025-08-31
    """
    vandaag = register.op()
    begin = periode.van or vandaag.metadata.begin
    eind = periode.tot or vandaag.metadata.standaard_eind
    if begin > eind:
        raise GebruiksFout([f"--van {begin} ligt na --tot {eind}"])
    from ..tijdlijn import tijdlijn as maak_tijdlijn
    from ..uitvoer import vergelijking

    def kaders_op(dag: dt.date) -> tuple[Register, list[Kader]]:
        gevouwen = register.op(dag)
        return gevouwen, opties.selectie(gevouwen, filters, periode=periode)

    lijn = maak_tijdlijn(kaders_op, begin, eind, stap, per, op_type=bool(filters.type_))
    weergave = vergelijking.tijdlijn(lijn, register.stand, register.stand_gegeven)
    druk_af(register.dateer(weergave), doel)
