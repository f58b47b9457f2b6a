"""Commands that keep the register: valideer and toevoegen."""

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import inlezen, laden
from ..errors import GebruiksFout, KadersFout, onbekend
from ..grenzen import lees_stroom
from ..installatie import in_pakket
from ..models import (
    BEEINDIGD,
    DUIDINGEN,
    ORGANISATIES,
    STATUSSEN,
    TELLINGEN,
    TYPEN,
    Register,
    canonieke_status,
)
from . import bestand
from .afdruk import meld, schrijf
from .bestand import InGebruik
from .opties import optie

VERPLICHT = ("id", "missie", "naam", "regio", "organisatie", "typen", "status", "bron", "citaat")
VELDNAMEN = {"typen": "type"}  # the name people know (the option), where it is not the field's
STDIN = "-"


def valideer(
    register: InGebruik,
    pad: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PAD]",
            help="Registerbestand, of - voor stdin (standaard: het register in gebruik).",
            parser=bestand.pad("PAD"),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Controleer een register: exit 0 als het geldig is, 1 met alle fouten als niet.

    Noemt het bestand dat gecontroleerd is. Kaders die vóór het begin of na het standaardeinde
    van het register vallen, geven een waarschuwing (exit 0).

    Voorbeeld:
    kaders valideer data/kaders.toml
    """
    if pad is not None and str(pad) == STDIN:
        naam = "<stdin>"
        tekst = inlezen.decodeer(lees_stroom(sys.stdin.buffer), naam)
    else:
        gekozen = pad or register.bestand()
        naam = str(gekozen)
        tekst = inlezen.lees_tekst(gekozen)
    try:
        gelezen = inlezen.laad_tekst(tekst, naam)
    except KadersFout as fout:
        from ..datumfouten import met_alle_datumfouten  # only for a register that fails

        raise met_alle_datumfouten(fout, tekst, naam) from None
    for waarschuwing in inlezen.waarschuwingen(gelezen, tekst, naam):
        meld(str(waarschuwing))
    kaders = gelezen.kader
    zonder = sum(1 for k in kaders if k.personeel is None)
    schrijf(
        f"{naam}: geldig — {len(kaders)} kaders ({zonder} zonder aantal), "
        f"{len(gelezen.regio)} regio's\n"
    )


def toevoegen(
    register: InGebruik,
    id_: Annotated[str | None, optie("--id", "Stabiele sleutel (a-z, 0-9, -).", "ID")] = None,
    missie: Annotated[str | None, optie("--missie", "Korte naam.")] = None,
    naam: Annotated[str | None, optie("--naam", "Volledige naam.")] = None,
    regio: Annotated[str | None, optie("--regio", "Regio-id.", "REGIO")] = None,
    land: Annotated[list[str] | None, optie("--land", "Land (herhaalbaar).")] = None,
    organisatie: Annotated[str | None, optie("--organisatie", "Organisatie.", "ORG")] = None,
    type_: Annotated[
        list[str] | None, optie("--type", "militair, civiel, politie (herhaalbaar).", "TYPE")
    ] = None,
    personeel: Annotated[
        str | None, optie("--personeel", "Aantal; weglaten als onbekend.", "AANTAL")
    ] = None,
    duiding: Annotated[str | None, optie("--duiding", ", ".join(DUIDINGEN) + ".")] = None,
    telling: Annotated[str | None, optie("--telling", ", ".join(TELLINGEN) + ".")] = None,
    begin: Annotated[
        str | None, optie("--begin", "JJJJ-MM-DD (standaard: begin register).", "DATUM")
    ] = None,
    eind: Annotated[
        str | None, optie("--eind", "JJJJ-MM-DD (standaard: standaardeinde).", "DATUM")
    ] = None,
    status: Annotated[str | None, optie("--status", "Status.", "STATUS")] = None,
    bron: Annotated[str | None, optie("--bron", "Sectie en kop in de brief.")] = None,
    citaat: Annotated[str | None, optie("--citaat", "Zinsnede uit de brief.")] = None,
    toelichting: Annotated[str | None, optie("--toelichting", "Toelichting.")] = None,
    afgeleid: Annotated[
        list[str] | None, optie("--afgeleid", "'veld: reden' (herhaalbaar).", "VELD:REDEN")
    ] = None,
    document: Annotated[
        str | None,
        optie(
            "--document",
            "Id van het document dat het kader invoert (als het register documenten heeft).",
            "ID",
        ),
    ] = None,
    droog: Annotated[
        bool, typer.Option("--droog", help="Toon de TOML die zou worden toegevoegd; schrijf niets.")
    ] = False,
) -> None:
    r"""Voeg één kader toe aan het register: eerst gevalideerd, dan atomisch toegevoegd.

    Het kader komt uit de opties, of (zonder opties) als JSON-object of TOML-tabel van stdin.
    Bestaande inhoud, commentaar en opmaak blijven byte voor byte gelijk.

    Voorbeeld:
    kaders --register kopie.toml toevoegen --id test --missie Test \
      --naam Test --regio europa --organisatie EU --type civiel \
      --status verkenning --bron "Bijlage, 1"
    """
    from .. import schrijven  # tomli-w and file locking: only where something is written

    pad = schrijfbaar_register(register)
    gegeven: dict[str, Any] = {
        "id": id_,
        "missie": missie,
        "naam": naam,
        "regio": regio,
        "landen": land or None,
        "organisatie": _vocabulaire(organisatie, ORGANISATIES),
        "typen": [_vocabulaire(t, TYPEN) for t in type_] if type_ else None,
        "personeel": _geheel_getal(personeel),
        "duiding": _vocabulaire(duiding, DUIDINGEN),
        "telling": _vocabulaire(telling, TELLINGEN),
        "begin": begin,
        "eind": eind,
        "status": _vocabulaire(canonieke_status(status), STATUSSEN),
        "bron": bron,
        "citaat": citaat,
        "toelichting": toelichting,
        "afgeleid": [afleiding(a) for a in afgeleid] if afgeleid else None,
        "document": document,
    }
    data = {k: v for k, v in gegeven.items() if v is not None}
    if not data and not sys.stdin.isatty():
        from ..invoer import lees_invoer

        data = lees_invoer(lees_stroom(sys.stdin.buffer))
    else:
        _vraag_ontbrekende(data, pad)
    kader, toml = schrijven.voeg_toe(pad, data, droog=droog, waarschuw=lambda m: meld(str(m)))
    if droog:
        schrijf(toml)
        meld(f"droog: kader '{kader.id}' is geldig; niets geschreven")
    else:
        meld(f"kader '{kader.id}' toegevoegd aan {pad}")


def _geheel_getal(tekst: str | None) -> int | str | None:
    """An integer option; anything else goes on as text, for the model to reject in Dutch."""
    if tekst is not None and re.fullmatch(r"-?\d{1,12}", tekst.strip(), re.ASCII):
        return int(tekst)
    return tekst


def _vocabulaire(waarde: str | None, geldig: Sequence[str]) -> str | None:
    """A vocabulary value in its canonical spelling ('eu' -> 'EU'); unknown ones unchanged."""
    if waarde is None:
        return None
    return {g.casefold(): g for g in geldig}.get(waarde.casefold(), waarde)


def schrijfbaar_register(register: InGebruik) -> Path:
    """The register in use, for a command that writes it; the installed copy never is."""
    pad = register.bestand()
    if in_pakket(pad):
        raise GebruiksFout(
            ["het meegeleverde register is alleen-lezen; kies er een met --register PAD"]
        )
    return pad


def afleiding(tekst: str) -> dict[str, str]:
    """An --afgeleid value 'veld: reden' as a derived mark."""
    veld, scheiding, reden = tekst.partition(":")
    if not scheiding or not veld.strip() or not reden.strip():
        raise GebruiksFout([f"--afgeleid verwacht 'veld: reden', kreeg '{tekst}'"])
    return {"veld": veld.strip(), "reden": reden.strip()}


def _vraag_ontbrekende(data: dict[str, Any], pad: Path) -> None:
    """Ask for missing required fields on a terminal, each again until its answer is valid;
    without a terminal, name the missing options."""
    ontbrekend = [veld for veld in VERPLICHT if veld not in data]
    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    if not ontbrekend and ("document" in data or not terminal):
        return  # without a terminal the writer names a missing document and the documents
    if not terminal:
        opties_ = ", ".join("--type" if v == "typen" else f"--{v}" for v in ontbrekend)
        raise GebruiksFout([f"ontbrekende opties: {opties_}"])
    from .. import schrijven

    # An invalid or read-only register fails before anyone types an answer.
    schrijven.controleer_schrijfrechten(pad)
    register = laden.laad(pad, bestand.cache_map())
    if register.document and "document" not in data:
        ontbrekend.append("document")
    for veld in ontbrekend:
        data[veld] = _vraag(register, veld)
    status = canonieke_status(data.get("status"))
    if status == BEEINDIGD and "eind" not in data:
        data["eind"] = _vraag(register, "eind")


def _vraag(register: Register, veld: str) -> Any:
    """Ask for one field until the answer is valid on its own; problems name the field."""
    from .. import schrijven

    naam = VELDNAMEN.get(veld, veld)
    while True:
        antwoord = str(typer.prompt(naam)).strip()
        waarde: Any = antwoord
        if veld == "typen":
            waarde = [_vocabulaire(t.strip(), TYPEN) for t in antwoord.split(",")]
        elif veld == "organisatie":
            waarde = _vocabulaire(antwoord, ORGANISATIES)
        elif veld == "status":
            waarde = _vocabulaire(canonieke_status(antwoord), STATUSSEN)
        fouten = schrijven.veldfouten(register, veld, waarde)
        documenten = [d.id for d in register.document]
        if veld == "document" and not fouten and waarde not in documenten:
            fouten = [onbekend("document", antwoord, documenten)]
        if veld == "eind" and not fouten and antwoord == str(register.metadata.standaard_eind):
            fouten = ["een beëindigd kader heeft een eigen eind, niet het standaardeinde"]
        if not fouten:
            return waarde
        for fout in fouten:
            meld(f"{naam}: {fout}")
