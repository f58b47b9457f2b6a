"""Commands that record what later documents say: wijzig, beeindig and document-toevoegen."""

import datetime as dt
import sys
from typing import Annotated, Any

import typer

from ..bronmodellen import DOCUMENTSOORTEN
from ..errors import GebruiksFout
from ..grenzen import lees_stroom
from ..models import WIJZIGBARE_VELDEN
from ..velden import VELDEN
from .afdruk import meld, schrijf
from .bestand import InGebruik
from .bijhouden import schrijfbaar_register
from .opties import datum_optie, keuze, optie
from .veldopties import lezer, met_velden, optienaam

IdArg = Annotated[
    str,
    typer.Argument(
        metavar="ID", help="Het kader: id (hoofdletters mogen) of missienaam.", show_default=False
    ),
]
DocumentOpt = Annotated[
    str,
    optie("--document", "Id van het document dat de wijziging brengt (verplicht).", "ID"),
]
PlekOpt = Annotated[str | None, optie("--plek", "Waar in het document de wijziging staat.")]
CitaatOpt = Annotated[str | None, optie("--citaat", "De exacte woorden uit het document.")]
DroogOpt = Annotated[
    bool, typer.Option("--droog", help="Toon de TOML die zou worden toegevoegd; schrijf niets.")
]


@met_velden(WIJZIGBARE_VELDEN, wijzig=True)
def wijzig(
    register: InGebruik,
    kader: IdArg,
    document: DocumentOpt,
    velden: dict[str, Any],
    plek: PlekOpt = None,
    citaat: CitaatOpt = None,
    vanaf: Annotated[
        dt.date | None,
        datum_optie(
            "--vanaf",
            "Vanaf deze dag gelden de nieuwe waarden (JJJJ-MM-DD); daarvoor de oude "
            "(standaard: over de hele looptijd).",
        ),
    ] = None,
    vanaf_citaat: Annotated[
        str | None,
        optie("--vanaf-citaat", "De exacte woorden waarop --vanaf berust, als die elders staan."),
    ] = None,
    afgeleid: Annotated[
        list[object] | None,
        optie(
            "--afgeleid",
            "'veld: reden' voor een veld dat deze wijziging zet (ook 'vanaf: reden').",
            "VELD:REDEN",
            parser=lezer(VELDEN["afgeleid"]),
        ),
    ] = None,
    droog: DroogOpt = False,
) -> None:
    r"""Leg vast wat een later document aan één kader verandert: één [[wijziging]] erbij.

    Alleen de opgegeven velden wijzigen, bekend vanaf de datum van het document; met --vanaf
    gelden ze pas vanaf die dag. --citaat en --plek zijn verplicht, tenzij elk veld dat de
    wijziging zet met --afgeleid is gemarkeerd. Eerst gecontroleerd
    (tegen het register en het kader zoals het daarna is), dan atomisch toegevoegd; bestaande
    inhoud blijft byte voor byte gelijk.

    Voorbeeld:
    kaders --register kopie.toml wijzig eufor-althea-compagnie \
      --document kst-29521-494 --personeel 175 --duiding maximaal \
      --telling gelijktijdig --plek "Brief" --citaat "De woorden" --droog
    """
    if not velden:
        opties = ", ".join(optienaam(v) for v in WIJZIGBARE_VELDEN)
        raise GebruiksFout([f"geef minstens één veld dat wijzigt: {opties}"])
    geldig = {"vanaf": vanaf, "vanaf_citaat": vanaf_citaat}
    _voeg_toe(register, kader, document, plek, citaat, velden | geldig, afgeleid or None, droog)


def beeindig(
    register: InGebruik,
    kader: IdArg,
    document: DocumentOpt,
    eind: Annotated[
        dt.date | None,
        datum_optie("--eind", "Laatste dag van de bijdrage (JJJJ-MM-DD; verplicht)."),
    ] = None,
    per: Annotated[
        dt.date | None,
        datum_optie("--per", "Verouderd: gebruik --eind (werkt nog één versie)."),
    ] = None,
    plek: PlekOpt = None,
    citaat: CitaatOpt = None,
    droog: DroogOpt = False,
) -> None:
    r"""Leg vast dat een document een kader beëindigt: status beeindigd en eind = --eind.

    Kort voor: kaders wijzig ID --status beeindigd --eind DATUM --document DOC.

    Voorbeeld:
    kaders --register kopie.toml beeindig kfor-imint --eind 2026-12-31 \
      --document kst-29521-494 --plek "P" --citaat "C" --droog
    """
    if per is not None:
        meld("let op: --per is verouderd en verdwijnt in een volgende versie; gebruik --eind")
        if eind is not None and eind != per:
            raise GebruiksFout([f"--eind {eind} en --per {per} spreken elkaar tegen; geef --eind"])
    laatste = eind or per
    if laatste is None:
        raise GebruiksFout(["ontbrekende optie '--eind' (de laatste dag van de bijdrage)"])
    velden: dict[str, Any] = {"status": "beeindigd", "eind": laatste}
    _voeg_toe(register, kader, document, plek, citaat, velden, None, droog)


def _voeg_toe(
    register: InGebruik,
    kader: str,
    document: str,
    plek: str | None,
    citaat: str | None,
    velden: dict[str, Any],
    afgeleid: list[object] | None,
    droog: bool,
) -> None:
    from .. import wijzigen  # tomli-w and file locking: only where something is written

    pad = schrijfbaar_register(register)
    data = {"kader": kader, "document": document, "plek": plek, "citaat": citaat, **velden}
    data["afgeleid"] = afgeleid
    wijziging, toml = wijzigen.voeg_wijziging_toe(
        pad, data, droog=droog, waarschuw=lambda m: meld(str(m))
    )
    wat = f"wijziging van kader '{wijziging.kader}' (document '{wijziging.document}')"
    if droog:
        schrijf(toml)
        meld(f"droog: {wat} is geldig; niets geschreven")
    else:
        meld(f"{wat} toegevoegd aan {pad}")


def document_toevoegen(
    register: InGebruik,
    id_: Annotated[
        str | None, optie("--id", "Stabiele sleutel, bv. kst-29521-494 (a-z, 0-9, -).", "ID")
    ] = None,
    soort: Annotated[
        str | None,
        optie(
            "--soort",
            f"{', '.join(DOCUMENTSOORTEN)}.",
            "SOORT",
            parser=keuze("--soort", "soort", DOCUMENTSOORTEN),
        ),
    ] = None,
    kamerstuk: Annotated[
        str | None, optie("--kamerstuk", "Kamerstuknummer, bv. '29 521, nr. 494'.")
    ] = None,
    datum_: Annotated[
        dt.date | None,
        datum_optie("--datum", "Datum van het document (JJJJ-MM-DD)."),
    ] = None,
    titel: Annotated[str | None, optie("--titel", "Titel van het document.")] = None,
    url: Annotated[str | None, optie("--url", "Webadres (https://…).", "URL")] = None,
    droog: DroogOpt = False,
) -> None:
    r"""Voeg één document toe aan het register: eerst gevalideerd, dan atomisch toegevoegd.

    Uit de opties, of (zonder opties) als JSON-object of [[document]]-tabel van stdin. Een
    document telt vanaf zijn datum: daarna kunnen kaders en wijzigingen het noemen.

    Voorbeeld:
    kaders --register kopie.toml document-toevoegen --id verslag-voorbeeld \
      --soort verslag --datum 2025-05-23 --titel "Verslag" --droog
    """
    from .. import wijzigen

    pad = schrijfbaar_register(register)
    gegeven = {
        "id": id_,
        "soort": soort,
        "kamerstuk": kamerstuk,
        "datum": datum_,
        "titel": titel,
        "url": url,
    }
    data: dict[str, Any] = {k: v for k, v in gegeven.items() if v is not None}
    if not data and not sys.stdin.isatty():
        from ..invoer import lees_invoer

        data = lees_invoer(lees_stroom(sys.stdin.buffer), "document")
    else:
        ontbrekend = [f"--{v}" for v in ("id", "soort", "datum", "titel") if v not in data]
        if ontbrekend:
            raise GebruiksFout([f"ontbrekende opties: {', '.join(ontbrekend)}"])
    document, toml = wijzigen.voeg_document_toe(pad, data, droog=droog)
    if droog:
        schrijf(toml)
        meld(f"droog: document '{document.id}' is geldig; niets geschreven")
    else:
        meld(f"document '{document.id}' toegevoegd aan {pad}")
