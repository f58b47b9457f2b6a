"""Commands that keep the register: valideer and toevoegen."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .. import inlezen, laden
from ..errors import GebruiksFout, KadersFout
from ..grenzen import lees_stroom
from ..installatie import in_pakket
from ..models import BEEINDIGD, Kader, Register
from ..velden import VELDEN, OngeldigeWaarde, Veld, registerprobleem
from . import bestand
from .afdruk import meld, schrijf
from .bestand import InGebruik
from .veldopties import lees_getypt, met_velden, optienaam, vraagnaam

# Required of a new framework: what the model requires but begin and eind (the register's
# period fills them in), and citaat (a new framework cites the words it rests on).
VERPLICHT = tuple(
    naam
    for naam, info in Kader.model_fields.items()
    if (info.is_required() and naam not in ("begin", "eind")) or naam == "citaat"
)
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


@met_velden(VELDEN)
def toevoegen(
    register: InGebruik,
    velden: dict[str, Any],
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
      --status verkenning --bron "Bijlage, 1" --document kst-29521-493 \
      --citaat "De woorden uit de brief" --droog
    """
    from .. import schrijven  # tomli-w and file locking: only where something is written

    pad = schrijfbaar_register(register)
    data = dict(velden)
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


def schrijfbaar_register(register: InGebruik) -> Path:
    """The register in use, for a command that writes it; the installed copy never is."""
    pad = register.bestand()
    if in_pakket(pad):
        raise GebruiksFout(
            ["het meegeleverde register is alleen-lezen; kies er een met --register PAD"]
        )
    return pad


def _vraag_ontbrekende(data: dict[str, Any], pad: Path) -> None:
    """Ask for missing required fields on a terminal, each again until its answer is valid;
    without a terminal, name the missing options."""
    ontbrekend = [veld for veld in VERPLICHT if veld not in data]
    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    if not ontbrekend and ("document" in data or not terminal):
        return  # without a terminal the writer names a missing document and the documents
    if not terminal:
        opties_ = ", ".join(optienaam(v) for v in ontbrekend)
        raise GebruiksFout([f"ontbrekende opties: {opties_}"])
    from ..rechten import controleer_schrijfrechten

    # An invalid or read-only register fails before anyone types an answer.
    controleer_schrijfrechten(pad)
    register = laden.laad(pad, bestand.cache_map())
    if register.document and "document" not in data:
        ontbrekend.append("document")
    for veld in ontbrekend:
        data[veld] = _vraag(register, VELDEN[veld])
    if data.get("status") == BEEINDIGD and "eind" not in data:
        data["eind"] = _vraag(register, VELDEN["eind"])


def _vraag(register: Register, veld: Veld) -> Any:
    """Ask for one field until the answer is valid on its own and in the register; problems
    name the field as the question does."""
    vraag = vraagnaam(veld.naam)
    while True:
        antwoord = str(typer.prompt(vraag)).strip()
        try:
            if veld.herhaalbaar:
                waarde: Any = [lees_getypt(veld, deel.strip()) for deel in antwoord.split(",")]
            else:
                waarde = lees_getypt(veld, antwoord)
        except OngeldigeWaarde as fout:
            meld(f"{vraag}: {fout.probleem}")
            continue
        probleem = registerprobleem(register, veld.naam, waarde)
        if probleem is None:
            return waarde
        meld(f"{vraag}: {probleem}")
