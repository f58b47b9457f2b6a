"""Commands that record what later documents say: wijzig, beeindig and document-toevoegen."""

import datetime as dt
import re
import sys
from typing import Annotated, Any

import typer

from ..bronmodellen import DOCUMENTSOORTEN
from ..errors import GebruiksFout
from ..grenzen import lees_stroom
from ..models import (
    DUIDINGEN,
    ORGANISATIES,
    STATUSSEN,
    TELLINGEN,
    TYPEN,
    WIJZIGBARE_VELDEN,
)
from .afdruk import meld, schrijf
from .bestand import InGebruik
from .bijhouden import afleiding, schrijfbaar_register
from .opties import datum_optie, keuze, optie


def _aantal(waarde: str) -> int:
    """A count: a whole number of at least 0."""
    if re.fullmatch(r"\d{1,12}", waarde.strip(), re.ASCII):
        return int(waarde)
    raise GebruiksFout(
        [f"ongeldig aantal voor --personeel: '{waarde}'; verwacht een geheel getal, bv. 10"]
    )


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


def wijzig(
    register: InGebruik,
    kader: IdArg,
    document: DocumentOpt,
    plek: PlekOpt = None,
    citaat: CitaatOpt = None,
    personeel: Annotated[
        int | None, optie("--personeel", "Nieuw aantal.", "AANTAL", parser=_aantal)
    ] = None,
    duiding: Annotated[
        str | None,
        optie(
            "--duiding",
            ", ".join(DUIDINGEN) + ".",
            "DUIDING",
            parser=keuze("--duiding", "duiding", DUIDINGEN),
        ),
    ] = None,
    telling: Annotated[
        str | None,
        optie(
            "--telling",
            ", ".join(TELLINGEN) + ".",
            "TELLING",
            parser=keuze("--telling", "telling", TELLINGEN),
        ),
    ] = None,
    begin: Annotated[
        dt.date | None,
        datum_optie("--begin", "Nieuw begin (JJJJ-MM-DD)."),
    ] = None,
    eind: Annotated[
        dt.date | None,
        datum_optie("--eind", "Nieuw eind (JJJJ-MM-DD)."),
    ] = None,
    status: Annotated[
        str | None,
        optie(
            "--status",
            "Nieuwe status (beëindigd mag).",
            "STATUS",
            parser=keuze("--status", "status", STATUSSEN),
        ),
    ] = None,
    toelichting: Annotated[str | None, optie("--toelichting", "Nieuwe toelichting.")] = None,
    missie: Annotated[str | None, optie("--missie", "Nieuwe korte naam.")] = None,
    naam: Annotated[str | None, optie("--naam", "Nieuwe volledige naam.")] = None,
    regio: Annotated[str | None, optie("--regio", "Nieuwe regio-id.", "REGIO")] = None,
    land: Annotated[
        list[str] | None, optie("--land", "Landen (herhaalbaar; vervangt de lijst).", "LAND")
    ] = None,
    organisatie: Annotated[
        str | None,
        optie(
            "--organisatie",
            "Nieuwe organisatie.",
            "ORG",
            parser=keuze("--organisatie", "organisatie", ORGANISATIES),
        ),
    ] = None,
    type_: Annotated[
        list[str] | None,
        optie("--type", "militair, civiel, politie (herhaalbaar; vervangt de lijst).", "TYPE"),
    ] = None,
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
        list[str] | None,
        optie(
            "--afgeleid",
            "'veld: reden' voor een veld dat deze wijziging zet (ook 'vanaf: reden').",
            "VELD:REDEN",
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
      --telling gelijktijdig --droog
    """
    lees_type = keuze("--type", "type", TYPEN)
    velden: dict[str, Any] = {
        "missie": missie,
        "naam": naam,
        "regio": regio,
        "landen": land or None,
        "organisatie": organisatie,
        "typen": [lees_type(t) for t in type_] if type_ else None,
        "personeel": personeel,
        "duiding": duiding,
        "telling": telling,
        "begin": begin,
        "eind": eind,
        "status": status,
        "toelichting": toelichting,
    }
    if all(waarde is None for waarde in velden.values()):
        opties = ", ".join("--type" if v == "typen" else f"--{v}" for v in WIJZIGBARE_VELDEN)
        raise GebruiksFout(
            [f"geef minstens één veld dat wijzigt: {opties.replace('landen', 'land')}"]
        )
    geldig = {"vanaf": vanaf, "vanaf_citaat": vanaf_citaat}
    _voeg_toe(register, kader, document, plek, citaat, velden | geldig, afgeleid, droog)


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
    afgeleid: list[str] | None,
    droog: bool,
) -> None:
    from .. import wijzigen  # tomli-w and file locking: only where something is written

    pad = schrijfbaar_register(register)
    data = {"kader": kader, "document": document, "plek": plek, "citaat": citaat, **velden}
    data["afgeleid"] = [afleiding(a) for a in afgeleid] if afgeleid else None
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
    kaders --register kopie.toml document-toevoegen --id kst-29521-497 \
      --soort verslag --kamerstuk "29 521, nr. 497" --datum 2025-05-23 \
      --titel "Verslag" --droog
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
