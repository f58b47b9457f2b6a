"""Commands of the living register: documenten (the sources) and historie (a framework's
versions). Both read the register as known on --stand (given in cli/__init__.py)."""

from typing import Annotated

import typer

from . import bestand, opties
from .afdruk import Doel, druk_af
from .uitvoeropties import met_uitvoer


@met_uitvoer("documenten")
def documenten(ctx: typer.Context, doel: Doel) -> None:
    """Toon de documenten van het register: brieven, verslagen, berichten.

    Per document hoeveel kaders het invoerde en hoeveel wijzigingen het bracht; met --stand
    alleen de documenten die op die dag bekend waren.

    Voorbeeld: kaders documenten --stand 2025-12-31
    """
    from ..historie import documenten as lijst
    from ..uitvoer.historie import documenten as weergave

    ruw = bestand.laad_ruw(ctx)
    datum = bestand.stand(ctx)
    bestand.op_stand(ruw, datum)  # a stand before the first document is wrong usage
    druk_af(weergave(lijst(ruw, datum), datum), doel)


@met_uitvoer("historie")
def historie(
    ctx: typer.Context,
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
    wijziging door een later document: per veld oud → nieuw, met de plek en het citaat.

    Voorbeeld: kaders historie eufor-althea-compagnie
    """
    from ..stand import versies
    from ..uitvoer.historie import historie as weergave

    ruw = bestand.laad_ruw(ctx)
    datum = bestand.stand(ctx)
    kader = bestand.vind(ctx, bestand.op_stand(ruw, datum), kader_id)
    druk_af(weergave(kader.id, versies(ruw, kader.id, datum), datum), doel)
