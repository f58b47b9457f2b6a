"""Commands of the living register: documenten (the sources) and historie (a framework's
versions). Both read the register as known on --stand (given in cli/__init__.py)."""

from typing import Annotated

import typer

from . import opties
from .afdruk import Doel, druk_af
from .bestand import InGebruik
from .uitvoeropties import met_uitvoer


@met_uitvoer("documenten")
def documenten(register: InGebruik, doel: Doel) -> None:
    """Toon de documenten van het register: brieven, verslagen, berichten.

    Per document hoeveel kaders het invoerde en hoeveel wijzigingen het bracht; met --stand
    alleen de documenten die op die dag bekend waren.

    Voorbeeld:
    kaders documenten --stand 2025-12-31
    """
    from ..documenten import documenten as lijst
    from ..uitvoer.levend import documenten as weergave

    register.op()  # a stand before the first document is wrong usage
    druk_af(register.dateer(weergave(lijst(register.ruw(), register.stand), register.stand)), doel)


@met_uitvoer("historie")
def historie(
    register: InGebruik,
    doel: Doel,
    kader_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="Een kader: een id (hoofdletters maken niet uit) of een missienaam die precies "
            "één kader aanwijst.",
            autocompletion=opties.voltooi("id"),
            show_default=False,
        ),
    ],
) -> None:
    """Toon elke versie van een kader: wanneer bekend, welk document, wat er veranderde.

    Versie 1 is het kader zoals zijn document het invoerde; elke volgende versie is een
    wijziging door een later document: per veld oud → nieuw, met de plek en het citaat, de
    dag waarop ze bekend werd en de dag vanaf wanneer ze geldt.

    Voorbeeld:
    kaders historie eufor-althea-compagnie
    """
    from ..uitvoer.levend import historie as weergave

    kader = register.vind(kader_id)
    versies = register.kennis().versies(kader.id, register.stand)
    druk_af(register.dateer(weergave(kader.id, versies, register.stand)), doel)
