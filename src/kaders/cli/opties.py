"""Options every command shares, parsed and checked where they enter; completion.

Only the CLI reads the clock and the environment: 'vandaag', $KADERS_CACHE, the terminal.
"""

import datetime as dt
import functools
import inspect
from collections.abc import Callable, Sequence
from typing import Annotated, Any, NamedTuple, TypeVar

import typer

from .. import laden, query
from ..errors import GebruiksFout, onbekend
from ..models import ORGANISATIES, STAPPEN, STATUSSEN, TYPEN, Register
from ..waarden import kies
from .bestand import (
    GEKOZEN,
    REGISTER_PARAM,
    REGISTER_VOOR_DOEL,
    STAND_PARAM,
    UIT_OMGEVING,
    InGebruik,
    RegisterOpt,
    cache_map,
    register_pad,
    vandaag,
)
from .bundel import bundel

T = TypeVar("T")


# --- values parsed where they enter ---------------------------------------------------------


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
        except ValueError:  # the form is right, the day does not exist
            raise GebruiksFout(
                [f"ongeldige datum voor {optie}: '{waarde}' bestaat niet (bv. 2026-01-01)"]
            ) from None
    raise GebruiksFout(
        [f"ongeldige datum voor {optie}: '{waarde}'; verwacht JJJJ-MM-DD, bv. 2026-01-01"]
    )


def lees_jaar(waarde: str) -> int:
    """A year JJJJ; anything else is a usage error naming --jaar."""
    if len(waarde) == 4 and waarde.isascii() and waarde.isdigit():
        return int(waarde)
    raise GebruiksFout([f"ongeldig jaar voor --jaar: '{waarde}'; verwacht JJJJ, bv. 2026"])


def datum(optie: str) -> Callable[[str], dt.date]:
    """A parser for a date option."""
    return functools.partial(lees_datum, optie=optie)


def keuze(optie: str, soort: str, geldig: Sequence[str]) -> Callable[[str], str]:
    """A parser for a value from a fixed list, in any case and in its canonical spelling
    ('eu' -> 'EU'); unknown is a usage error naming the closest."""

    def lees(waarde: str) -> str:
        gevonden = kies(waarde, geldig)
        if gevonden is None:
            raise GebruiksFout([f"{optie}: {onbekend(soort, waarde, geldig)}"])
        return gevonden

    return lees


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


def optie(naam: str, hulp: str, metavar: str = "TEKST", *korte: str, **extra: Any) -> Any:
    """An option with Dutch help and metavar and no default shown."""
    return typer.Option(naam, *korte, help=hulp, metavar=metavar, show_default=False, **extra)


def datum_optie(naam: str, hulp: str) -> Any:
    """An option holding a date (JJJJ-MM-DD or 'vandaag'), parsed where it enters."""
    return optie(naam, hulp, "DATUM", parser=datum(naam))


def keuze_optie(naam: str, soort: str, waarden: Sequence[str], hulp: str, metavar: str) -> Any:
    """An option holding one value of a fixed list: checked, and offered by completion."""
    return typer.Option(
        naam,
        help=hulp,
        metavar=metavar,
        parser=keuze(naam, soort, waarden),
        autocompletion=vast(waarden),
    )


PeildatumOpt = Annotated[
    dt.date | None,
    datum_optie(
        "--peildatum",
        "Alleen kaders die op die datum lopen (JJJJ-MM-DD), elk met de waarden die dan "
        "gelden (zonder: de waarden van vandaag).",
    ),
]
PeildatumWaardeOpt = Annotated[
    dt.date | None,
    datum_optie(
        "--peildatum",
        "De waarden die op die datum gelden (JJJJ-MM-DD; standaard: vandaag).",
    ),
]
TelPeildatumOpt = Annotated[
    dt.date | None,
    datum_optie(
        "--peildatum",
        "Datum JJJJ-MM-DD waarop geteld wordt (standaard: vandaag).",
    ),
]
PerOpt = Annotated[
    str,
    keuze_optie(
        "--per",
        "groepering",
        query.GROEPERINGEN,
        f"Groepeer per {', '.join(query.GROEPERINGEN)}.",
        "GROEP",
    ),
]
StapOpt = Annotated[
    str, keuze_optie("--stap", "stap", STAPPEN, f"Periode: {' of '.join(STAPPEN)}.", "STAP")
]
SorteerOpt = Annotated[
    str | None,
    keuze_optie(
        "--sorteer",
        "sorteersleutel",
        query.SORTEERSLEUTELS,
        f"Sorteer op: {', '.join(query.SORTEERSLEUTELS)} (standaard: regio); die kolom blijft "
        "ook op een smal scherm staan.",
        "SLEUTEL",
    ),
]


_PERIODEOPTIES: dict[str, Any] = {
    "jaar": Annotated[
        int | None,
        optie(
            "--jaar",
            "Kaders die ergens in dit kalenderjaar lopen (JJJJ); als --van JJJJ-01-01 --tot "
            "JJJJ-12-31.",
            "JJJJ",
            parser=lees_jaar,
        ),
    ],
    "van": Annotated[
        dt.date | None,
        datum_optie(
            "--van",
            "Begin van de periode (JJJJ-MM-DD): kaders die op of na deze dag nog lopen.",
        ),
    ],
    "tot": Annotated[
        dt.date | None,
        datum_optie(
            "--tot",
            "Eind van de periode (JJJJ-MM-DD): kaders die op of vóór deze dag al lopen.",
        ),
    ],
}


class Periode(NamedTuple):
    """A period as given (--jaar, or --van and --tot); open sides are None."""

    van: dt.date | None = None
    tot: dt.date | None = None


def periode(jaar: int | None, van: dt.date | None, tot: dt.date | None) -> Periode:
    """The period the options name; --jaar excludes --van and --tot; van after tot is wrong."""
    if jaar is not None:
        if van is not None or tot is not None:
            raise GebruiksFout(["--jaar gaat niet samen met --van of --tot; kies één van beide"])
        return Periode(*query.jaar(jaar))
    if van is not None and tot is not None and van > tot:
        raise GebruiksFout([f"--van {van} ligt na --tot {tot}"])
    return Periode(van, tot)


# Gives a command --jaar, --van and --tot, handed to it as one checked `periode` argument.
met_periode = bundel("periode", {n: (soort, None) for n, soort in _PERIODEOPTIES.items()}, periode)


class Filters(NamedTuple):
    """The filter options as given; checked against the register by `selectie`."""

    regio: list[str] | None = None
    type_: list[str] | None = None
    organisatie: list[str] | None = None
    status: list[str] | None = None
    zoek: str | None = None
    zonder_aanvullend: bool = False

    def gevraagd(self) -> list[str]:
        """The fields these filters ask about, whose columns an answer keeps."""
        gegeven = (
            ("regio", self.regio),
            ("typen", self.type_),
            ("organisatie", self.organisatie),
            ("status", self.status),
        )
        return [veld for veld, waarde in gegeven if waarde]


_FILTEROPTIES: dict[str, Any] = {
    "regio": Annotated[
        list[str] | None,
        optie(
            "--regio",
            "Regio (herhaalbaar); een regio omvat haar onderregio's.",
            "REGIO",
            autocompletion=voltooi("regio"),
        ),
    ],
    "type_": Annotated[
        list[str] | None,
        optie(
            "--type",
            "militair, civiel of politie (herhaalbaar); een gemengd kader telt voor elk type.",
            "TYPE",
            autocompletion=voltooi("type"),
        ),
    ],
    "organisatie": Annotated[
        list[str] | None,
        optie(
            "--organisatie",
            "EU, NAVO, VN, OVSE, coalitie, bilateraal of nationaal (herhaalbaar).",
            "ORG",
            autocompletion=voltooi("organisatie"),
        ),
    ],
    "status": Annotated[
        list[str] | None,
        optie(
            "--status",
            f"{', '.join(STATUSSEN[:-1])} of {STATUSSEN[-1]} (herhaalbaar; wat elk betekent: "
            "kaders list --help).",
            "STATUS",
            autocompletion=voltooi("status"),
        ),
    ],
    "zoek": Annotated[
        str | None,
        optie(
            "--zoek",
            f"Zoek in {query.ZOEKT_IN} (hoofdletters en accenten maken niet uit).",
            "TEKST",
        ),
    ],
    "zonder_aanvullend": Annotated[
        bool,
        typer.Option(
            "--zonder-aanvullend",
            help="Alleen de kaders van de brieven, zonder additionele inzet (aanvullend).",
        ),
    ],
}


StandOpt = Annotated[
    dt.date | None,
    datum_optie(
        "--stand",
        "Het register zoals het bekend was op die datum (JJJJ-MM-DD of vandaag): alle "
        "documenten tot en met die dag (standaard: vandaag).",
    ),
]


def met_register(functie: Callable[..., T], *, stand: bool) -> Callable[..., T]:
    """Give a command its own --register (it may follow the command and wins over one
    before it) and, for a reading command, --stand; the command gets them as one
    `register` argument (`InGebruik`) when it asks for one."""
    handtekening = inspect.signature(functie, eval_str=True)
    wil = "register" in handtekening.parameters
    doel = REGISTER_VOOR_DOEL in handtekening.parameters  # the output bundle's own parameter
    verborgen = ("register", "ctx", REGISTER_VOOR_DOEL)
    eigen = [p for n, p in handtekening.parameters.items() if n not in verborgen]
    kw = inspect.Parameter.KEYWORD_ONLY
    extra = [
        inspect.Parameter("ctx", kw, annotation=typer.Context),
        inspect.Parameter(REGISTER_PARAM, kw, default=None, annotation=RegisterOpt),
    ]
    if stand:
        extra.append(inspect.Parameter(STAND_PARAM, kw, default=None, annotation=StandOpt))

    @functools.wraps(functie)
    def omhulsel(*args: Any, **kwargs: Any) -> T:
        ctx: typer.Context = kwargs.pop("ctx")
        eigen_pad = kwargs.pop(REGISTER_PARAM)
        uit_omgeving = eigen_pad is None and bool(ctx.meta.get(UIT_OMGEVING))
        pad = eigen_pad or ctx.obj or laden.gebundeld_register()
        ctx.meta[GEKOZEN] = pad  # for completion, which runs outside a command
        if doel:
            kwargs[REGISTER_VOOR_DOEL] = pad
        gekozen: dt.date | None = kwargs.pop(STAND_PARAM, None)
        if wil:
            kwargs["register"] = InGebruik(
                pad, gekozen or vandaag(), gekozen is not None, uit_omgeving=uit_omgeving
            )
        if "ctx" in handtekening.parameters:
            kwargs["ctx"] = ctx
        return functie(*args, **kwargs)

    omhulsel.__signature__ = handtekening.replace(parameters=[*eigen, *extra])  # type: ignore[attr-defined]
    return omhulsel


# Gives a command the filter options, handed to it as one `filters` argument.
met_filters = bundel(
    "filters",
    {n: (soort, False if n == "zonder_aanvullend" else None) for n, soort in _FILTEROPTIES.items()},
    Filters,
)


def selectie(
    register: Register,
    filters: Filters,
    peildatum: dt.date | None = None,
    periode: Periode | None = None,
) -> list[Any]:
    """The frameworks that match the filters; unknown values are a usage error."""
    filter_ = query.Filter(
        regios=tuple(filters.regio or ()),
        typen=tuple(filters.type_ or ()),
        organisaties=tuple(filters.organisatie or ()),
        statussen=tuple(filters.status or ()),
        zoek=filters.zoek,
        zonder_aanvullend=filters.zonder_aanvullend,
        peildatum=peildatum,
        van=periode.van if periode else None,
        tot=periode.tot if periode else None,
    )
    return query.selecteer(register, query.normaliseer(register, filter_))
