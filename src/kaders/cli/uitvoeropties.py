"""The output options every printing command shares: --formaat (from the format registry),
--uitvoer and --excel, bundled by one decorator into a `Doel`."""

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from .. import uitvoer
from .afdruk import Doel
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
    binair = [n for n in namen if uitvoer.FORMATEN[n].binair]
    if binair:
        hulp += f"; {' en '.join(binair)} alleen met --uitvoer"
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
            show_default=False,
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


def met_uitvoer(soort: str, standaard: str | None = None) -> Callable[[Callable[..., T]], Any]:
    """Give a command --formaat (values from the registry), --uitvoer and --excel, handed to
    it as one `doel` argument."""

    def versier(functie: Callable[..., T]) -> Callable[..., T]:
        handtekening = inspect.signature(functie, eval_str=True)
        eigen = [p for p in handtekening.parameters.values() if p.name != "doel"]
        extra = [
            inspect.Parameter(
                "formaat",
                inspect.Parameter.KEYWORD_ONLY,
                default=standaard,
                annotation=Annotated[str | None, formaat_optie(soort, standaard)],
            ),
            inspect.Parameter(
                "uitvoer_pad",
                inspect.Parameter.KEYWORD_ONLY,
                default=None,
                annotation=_UITVOEROPTIES["uitvoer_pad"],
            ),
            inspect.Parameter(
                "excel",
                inspect.Parameter.KEYWORD_ONLY,
                default=False,
                annotation=_UITVOEROPTIES["excel"],
            ),
        ]

        @functools.wraps(functie)
        def omhulsel(*args: Any, **kwargs: Any) -> T:
            doel = Doel(kwargs.pop("formaat"), kwargs.pop("uitvoer_pad"), kwargs.pop("excel"))
            return functie(*args, doel=doel, **kwargs)

        omhulsel.__signature__ = handtekening.replace(parameters=[*eigen, *extra])  # type: ignore[attr-defined]
        return omhulsel

    return versier
