"""The output options every printing command shares: --formaat (from the format registry),
--uitvoer and --excel, bundled by one decorator into a `Doel`."""

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from .. import uitvoer
from ..errors import GebruiksFout
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


def _extensies() -> dict[str, str]:
    """The format a file name's extension asks for: '.xlsx' -> xlsx, '.db' -> sqlite, …"""
    namen = {f".{naam}": naam for naam in uitvoer.FORMATEN if naam != "tabel"}
    return namen | {".db": "sqlite", ".md": "markdown"}


def _doel(
    soort: str,
    standaard: str | None,
    formaat: str | None,
    uitvoer_pad: Path | None,
    overschrijf: bool,
    excel: bool,
    register_voor_doel: Path | None,
) -> Doel:
    """Where an answer goes, with the register in use (which an answer never replaces).

    Without --formaat the extension of --uitvoer chooses the format (`-o lijst.xlsx` is a
    workbook); a --formaat that contradicts the extension is a usage error naming both.
    """
    gevraagd = None
    if uitvoer_pad is not None and str(uitvoer_pad) != "-":
        gevraagd = _extensies().get(uitvoer_pad.suffix.lower())
    if gevraagd is not None:
        if formaat is not None and formaat != gevraagd:
            raise GebruiksFout(
                [
                    f"--formaat {formaat} past niet bij --uitvoer {uitvoer_pad} (een "
                    f"{gevraagd}-bestand); laat --formaat weg of kies een passende extensie"
                ]
            )
        if gevraagd not in uitvoer.namen(soort):
            geldig = ", ".join(uitvoer.namen(soort))
            tekst = f"--uitvoer {uitvoer_pad}: dit antwoord kan niet als {gevraagd}"
            raise GebruiksFout([f"{tekst}; kies uit {geldig}"])
    gekozen = formaat or gevraagd or standaard
    return Doel(gekozen, uitvoer_pad, excel, overschrijf, register_voor_doel)


def met_uitvoer(soort: str, standaard: str | None = None) -> Callable[[Callable[..., T]], Any]:
    """Give a command --formaat (values from the registry), --uitvoer, --overschrijf and
    --excel, handed to it as one `doel` argument."""
    formaat = Annotated[str | None, formaat_optie(soort, standaard)]
    opties: dict[str, tuple[Any, Any]] = {
        "formaat": (formaat, None),  # the default is applied after the extension (_doel)
        "uitvoer_pad": (_UITVOEROPTIES["uitvoer_pad"], None),
        "overschrijf": (_UITVOEROPTIES["overschrijf"], False),
        "excel": (_UITVOEROPTIES["excel"], False),
        REGISTER_VOOR_DOEL: (Path | None, None),
    }
    return bundel("doel", opties, functools.partial(_doel, soort, standaard))
