"""The output options every printing command shares: --formaat (from the format registry),
--uitvoer and --excel, bundled by one decorator into a `Doel`."""

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from .. import uitvoer
from .afdruk import Doel
from .bestand import REGISTER_VOOR_DOEL, pad
from .bundel import bundel
from .opties import keuze, vast

T = TypeVar("T")


def formaat_optie(soort: str, standaard: str | None = None) -> Any:
    """The --formaat option for a kind of view: its valid values come from the registry."""
    namen = uitvoer.namen(soort)
    hulp = ", ".join(namen[:-1]) + f" of {namen[-1]}"
    hulp += (
        f" (standaard: {standaard})"
        if standaard
        else (" (standaard: tabel op een terminal, anders tsv)")
    )
    binair = [n for n in namen if uitvoer.FORMATEN[n].binair and not uitvoer.FORMATEN[n].pijp]
    if binair:
        hulp += f"; {' en '.join(binair)} alleen met --uitvoer"
    pijp = [n for n in namen if uitvoer.FORMATEN[n].pijp]
    if pijp:
        hulp += f"; {' en '.join(pijp)} (een grafiek) met --uitvoer of in een pijp"
    return typer.Option(
        "--formaat",
        "-f",
        help=hulp + ".",
        metavar="FORMAAT",
        show_default=False,
        parser=keuze("--formaat", "formaat", namen),
        autocompletion=vast(namen),
    )


_UITVOEROPTIES: dict[str, Any] = {
    "uitvoer_pad": Annotated[
        Path | None,
        typer.Option(
            "--uitvoer",
            "-o",
            help="Schrijf naar dit bestand (atomisch) in plaats van naar stdout; nodig voor "
            "xlsx en sqlite.",
            metavar="PAD",
            parser=pad("--uitvoer"),
            show_default=False,
        ),
    ],
    "overschrijf": Annotated[
        bool,
        typer.Option(
            "--overschrijf",
            help="Vervang een bestaand bestand bij --uitvoer (nooit het register in gebruik).",
        ),
    ],
    "excel": Annotated[
        bool,
        typer.Option(
            "--excel",
            help="Bij --formaat csv: met BOM en puntkomma's, zodat Nederlandse Excel het bestand "
            "met een dubbelklik goed opent.",
        ),
    ],
}


def _doel(
    formaat: str | None,
    uitvoer_pad: Path | None,
    overschrijf: bool,
    excel: bool,
    register_voor_doel: Path | None,
) -> Doel:
    """Where an answer goes, with the register in use (which an answer never replaces)."""
    return Doel(formaat, uitvoer_pad, excel, overschrijf, register_voor_doel)


def met_uitvoer(soort: str, standaard: str | None = None) -> Callable[[Callable[..., T]], Any]:
    """Give a command --formaat (values from the registry), --uitvoer, --overschrijf and
    --excel, handed to it as one `doel` argument."""
    formaat = Annotated[str | None, formaat_optie(soort, standaard)]
    opties: dict[str, tuple[Any, Any]] = {
        "formaat": (formaat, standaard),
        "uitvoer_pad": (_UITVOEROPTIES["uitvoer_pad"], None),
        "overschrijf": (_UITVOEROPTIES["overschrijf"], False),
        "excel": (_UITVOEROPTIES["excel"], False),
        REGISTER_VOOR_DOEL: (Path | None, None),
    }
    return bundel("doel", opties, _doel)
