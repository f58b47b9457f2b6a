"""Options every command shares, parsed and checked where they enter; completion; the register.

Only the CLI reads the clock and the environment: 'vandaag', $KADERS_CACHE, the terminal.
"""

import datetime as dt
import functools
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, NamedTuple, TypeVar

import typer

from .. import laden, query, uitvoer
from ..errors import GebruiksFout, onbekend
from ..models import ORGANISATIES, STAPPEN, STATUSSEN, TYPEN, Register
from .afdruk import meld

T = TypeVar("T")


# --- the register in use --------------------------------------------------------------------


def cache_map() -> Path | None:
    """Where large registers are cached: $KADERS_CACHE ('uit' to switch off) or ~/.cache/kaders."""
    keuze = os.environ.get("KADERS_CACHE")
    if keuze is not None:
        return None if keuze in ("", "0", "uit") else Path(keuze)
    basis = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(basis) / "kaders"


REGISTER_PARAM = "register_na_commando"  # the --register given after the command


def register_pad(ctx: typer.Context) -> Path:
    """The register file in use: --register (after the command, else before it),
    $KADERS_REGISTER or the bundled one."""
    pad: Path | None = ctx.params.get(REGISTER_PARAM) or ctx.find_root().params.get("register")
    return pad or laden.gebundeld_register()


def register_in_gebruik(ctx: typer.Context) -> Path:
    """The register file in use; says once on stderr when it is probably not the one meant.

    That is the bundled (installed) copy while the current folder holds a data/kaders.toml
    with other bytes: a maintainer editing the source register after a plain `pip install .`.
    """
    pad = register_pad(ctx)
    if not ctx.meta.get("kaders.register_gemeld"):
        ctx.meta["kaders.register_gemeld"] = True
        hier = Path("data", "kaders.toml")
        if pad == laden.gebundeld_register() and hier.is_file() and _verschilt(pad, hier):
            meld(
                f"let op: dit is het geïnstalleerde register ({pad}); ./{hier} verschilt "
                f"ervan. Bedoelt u --register {hier}?"
            )
    return pad


def _verschilt(a: Path, b: Path) -> bool:
    """Whether two files differ (two names of one file never do)."""
    try:
        if os.path.samefile(a, b):
            return False
        return a.read_bytes() != b.read_bytes()
    except OSError:
        return False


def is_meegeleverd(pad: Path) -> bool:
    """Whether a path is the register that ships with kaders."""
    try:
        return os.path.samefile(pad, laden.gebundeld_register())
    except OSError:
        return False


def laad(ctx: typer.Context) -> Register:
    """The register in use, loaded through the cache."""
    return laden.laad(register_in_gebruik(ctx), cache_map())


RegisterOpt = Annotated[
    Path | None,
    typer.Option(
        "--register",
        help="Het registerbestand (mag ook vóór het commando; anders $KADERS_REGISTER, "
        "anders het meegeleverde).",
        show_default=False,
        metavar="PAD",
    ),
]


def met_register(functie: Callable[..., T]) -> Callable[..., T]:
    """Give a command its own --register, so it may follow the command; it wins over one
    given before the command (read by `register_pad`)."""
    handtekening = inspect.signature(functie, eval_str=True)
    extra = inspect.Parameter(
        REGISTER_PARAM, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=RegisterOpt
    )

    @functools.wraps(functie)
    def omhulsel(*args: Any, **kwargs: Any) -> T:
        kwargs.pop(REGISTER_PARAM, None)
        return functie(*args, **kwargs)

    parameters = [*handtekening.parameters.values(), extra]
    omhulsel.__signature__ = handtekening.replace(parameters=parameters)  # type: ignore[attr-defined]
    return omhulsel


# --- values parsed where they enter ---------------------------------------------------------


def vandaag() -> dt.date:
    """Today's date: the default reference date."""
    return dt.date.today()


def lees_datum(waarde: str, optie: str) -> dt.date:
    """A date JJJJ-MM-DD or 'vandaag'; anything else is a usage error naming the option."""
    if waarde == "vandaag":
        return vandaag()
    cijfers = waarde[:4] + waarde[5:7] + waarde[8:]
    if (
        len(waarde) == 10
        and waarde[4] == waarde[7] == "-"
        and cijfers.isascii()
        and cijfers.isdigit()
    ):
        try:
            return dt.date.fromisoformat(waarde)
        except ValueError:
            pass
    raise GebruiksFout(
        [f"ongeldige datum voor {optie}: '{waarde}'; verwacht JJJJ-MM-DD, bv. 2026-01-01"]
    )


def datum(optie: str) -> Callable[[str], dt.date]:
    """A parser for a date option."""
    return functools.partial(lees_datum, optie=optie)


def keuze(optie: str, soort: str, geldig: Sequence[str]) -> Callable[[str], str]:
    """A parser for a value from a fixed list (case-insensitive), with the closest match."""

    def lees(waarde: str) -> str:
        if waarde.lower() in geldig:
            return waarde.lower()
        raise GebruiksFout([f"{optie}: {onbekend(soort, waarde, geldig)}"])

    return lees


def standaard_formaat() -> str:
    """A table on a terminal, tab-separated text in a pipe."""
    return "tabel" if sys.stdout.isatty() else "tsv"


# --- completion ------------------------------------------------------------------------------


def voltooi(soort: str) -> Callable[[typer.Context, str], list[str]]:
    """A completion function that offers values from the register in use."""

    def aanvullen(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            register = laden.laad(register_pad(ctx), cache_map())
        except Exception:
            return []
        waarden: dict[str, Sequence[str]] = {
            "regio": [r.id for r in register.regio],
            "id": [k.id for k in register.kader],
            "type": TYPEN,
            "status": STATUSSEN,
            "organisatie": ORGANISATIES,
        }
        return [w for w in waarden[soort] if w.startswith(incomplete)]

    return aanvullen


def vast(waarden: Sequence[str]) -> Callable[[str], list[str]]:
    """A completion function for a fixed list of values (Typer names the argument)."""

    def aanvullen(incomplete: str) -> list[str]:
        return [w for w in waarden if w.startswith(incomplete)]

    return aanvullen


# --- options ---------------------------------------------------------------------------------


def _optie(naam: str, hulp: str, metavar: str, **extra: Any) -> Any:
    return typer.Option(naam, help=hulp, metavar=metavar, show_default=False, **extra)


PeildatumOpt = Annotated[
    dt.date | None,
    _optie(
        "--peildatum",
        "Alleen kaders die op die datum lopen (JJJJ-MM-DD).",
        "DATUM",
        parser=datum("--peildatum"),
    ),
]
TelPeildatumOpt = Annotated[
    dt.date | None,
    _optie(
        "--peildatum",
        "Datum JJJJ-MM-DD waarop geteld wordt (standaard: vandaag).",
        "DATUM",
        parser=datum("--peildatum"),
    ),
]
PerOpt = Annotated[
    str,
    typer.Option(
        "--per",
        help=f"Groepeer per {', '.join(query.GROEPERINGEN)}.",
        metavar="GROEP",
        parser=keuze("--per", "groepering", query.GROEPERINGEN),
        autocompletion=vast(query.GROEPERINGEN),
    ),
]
StapOpt = Annotated[
    str,
    typer.Option(
        "--stap",
        help=f"Periode: {' of '.join(STAPPEN)}.",
        metavar="STAP",
        parser=keuze("--stap", "stap", STAPPEN),
        autocompletion=vast(STAPPEN),
    ),
]
SorteerOpt = Annotated[
    str,
    typer.Option(
        "--sorteer",
        help=f"Sorteer op: {', '.join(query.SORTEERSLEUTELS)}.",
        metavar="SLEUTEL",
        parser=keuze("--sorteer", "sorteersleutel", query.SORTEERSLEUTELS),
        autocompletion=vast(query.SORTEERSLEUTELS),
    ),
]


def formaat_optie(soort: str, standaard: str | None = None) -> Any:
    """The --formaat option for a kind of view: its valid values come from the registry."""
    namen = uitvoer.namen(soort)
    hulp = ", ".join(namen[:-1]) + f" of {namen[-1]}"
    hulp += (
        f" (standaard: {standaard})"
        if standaard
        else (" (standaard: tabel op een terminal, anders tsv)")
    )
    return typer.Option(
        "--formaat",
        "-f",
        help=hulp + ".",
        metavar="FORMAAT",
        show_default=False,
        parser=keuze("--formaat", "formaat", namen),
        autocompletion=vast(namen),
    )


class Filters(NamedTuple):
    """The filter options as given; checked against the register by `selectie`."""

    regio: list[str] | None = None
    type_: list[str] | None = None
    organisatie: list[str] | None = None
    status: list[str] | None = None
    zoek: str | None = None


_FILTEROPTIES: dict[str, Any] = {
    "regio": Annotated[
        list[str] | None,
        _optie(
            "--regio",
            "Regio (herhaalbaar); een regio omvat haar onderregio's.",
            "REGIO",
            autocompletion=voltooi("regio"),
        ),
    ],
    "type_": Annotated[
        list[str] | None,
        _optie(
            "--type",
            "militair, civiel of politie (herhaalbaar); een gemengd kader telt voor elk type.",
            "TYPE",
            autocompletion=voltooi("type"),
        ),
    ],
    "organisatie": Annotated[
        list[str] | None,
        _optie(
            "--organisatie",
            "EU, NAVO, VN, OVSE, coalitie, bilateraal of nationaal (herhaalbaar).",
            "ORG",
            autocompletion=voltooi("organisatie"),
        ),
    ],
    "status": Annotated[
        list[str] | None,
        _optie(
            "--status",
            f"{', '.join(STATUSSEN[:-1])} of {STATUSSEN[-1]}.",
            "STATUS",
            autocompletion=voltooi("status"),
        ),
    ],
    "zoek": Annotated[
        str | None,
        _optie("--zoek", "Zoek in id, missie, naam, regio en landen (zonder accenten).", "TEKST"),
    ],
}


def met_filters(functie: Callable[..., T]) -> Callable[..., T]:
    """Give a command the filter options, handed to it as one `filters` argument."""
    handtekening = inspect.signature(functie, eval_str=True)
    eigen = [p for p in handtekening.parameters.values() if p.name != "filters"]
    extra = [
        inspect.Parameter(naam, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=soort)
        for naam, soort in _FILTEROPTIES.items()
    ]

    @functools.wraps(functie)
    def omhulsel(*args: Any, **kwargs: Any) -> T:
        filters = Filters(*(kwargs.pop(naam) for naam in _FILTEROPTIES))
        return functie(*args, filters=filters, **kwargs)

    omhulsel.__signature__ = handtekening.replace(parameters=[*eigen, *extra])  # type: ignore[attr-defined]
    return omhulsel


def selectie(register: Register, filters: Filters, peildatum: dt.date | None = None) -> list[Any]:
    """The frameworks that match the filters; unknown values are a usage error."""
    filter_ = query.Filter(
        regios=tuple(filters.regio or ()),
        typen=tuple(filters.type_ or ()),
        organisaties=tuple(filters.organisatie or ()),
        statussen=tuple(filters.status or ()),
        zoek=filters.zoek,
        peildatum=peildatum,
    )
    return query.selecteer(register, query.normaliseer(register, filter_))
