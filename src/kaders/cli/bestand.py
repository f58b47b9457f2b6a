"""Which register file is in use (--register before or after the command, $KADERS_REGISTER,
the bundled one), and loading it through the cache. Reads the environment: only the CLI does."""

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from typer import _click as click

from .. import laden, query
from ..errors import GebruiksFout
from ..models import Kader, Register
from .afdruk import meld
from .bundel import bundel


def cache_map() -> Path | None:
    """Where large registers are cached: $KADERS_CACHE ('uit' to switch off) or ~/.cache/kaders."""
    keuze = os.environ.get("KADERS_CACHE")
    if keuze is not None:
        return None if keuze in ("", "0", "uit") else Path(keuze)
    basis = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(basis) / "kaders"


def pad(optie: str) -> Callable[[str], Path]:
    """A parser for a path option: an empty text is a usage error naming the option, never
    the current folder (Path("") is ".")."""

    def lees(tekst: str) -> Path:
        if tekst == "":
            raise GebruiksFout([f"{optie}: leeg pad; geef een bestandsnaam"])
        return Path(tekst)

    return lees


REGISTER_PARAM = "register_na_commando"  # the --register given after the command


def register_pad(ctx: click.Context) -> Path:
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


def vandaag() -> dt.date:
    """Today's date: the default reference date and the default day of knowledge."""
    return dt.date.today()


STAND_PARAM = "stand"  # the --stand of a reading command (opties.met_stand)


def stand(ctx: click.Context) -> dt.date:
    """The day of knowledge: --stand, else today."""
    gekozen: dt.date | None = ctx.params.get(STAND_PARAM)
    return gekozen or vandaag()


def laad_ruw(ctx: typer.Context) -> Register:
    """The register in use as its file says it, every document and change; through the cache."""
    return laden.laad(register_in_gebruik(ctx), cache_map())


def op_stand(register: Register, datum: dt.date, optie: str = "--stand") -> Register:
    """The register as known on a date; a date before the first document is a usage error.

    Folds only when something is to fold: a change, or a document dated after the date.
    """
    eerste = min(register.document, key=lambda d: d.datum, default=None)
    if eerste is not None and datum < eerste.datum:
        raise GebruiksFout(
            [
                f"{optie} {datum} ligt vóór het eerste document van het register "
                f"('{eerste.id}', {eerste.datum}): toen was er nog niets bekend; kies een "
                f"datum op of na {eerste.datum}"
            ]
        )
    if register.wijziging or any(d.datum > datum for d in register.document):
        from ..stand import op_stand as vouw  # only a register with a history needs it

        return vouw(register, datum)
    return register


def laad(ctx: typer.Context) -> Register:
    """The register in use, loaded through the cache; as known on --stand if the command has it."""
    register = laad_ruw(ctx)
    if STAND_PARAM in ctx.params:
        return op_stand(register, stand(ctx))
    return register


def vind(ctx: typer.Context, register: Register, tekst: str) -> Kader:
    """The framework a text names in the register as known on the stand (forgiving, as
    query.vind); one that becomes known only later is a usage error that says since when."""
    try:
        return query.vind(register, tekst)
    except GebruiksFout:
        ruw = laad_ruw(ctx)
        try:
            later = query.vind(ruw, tekst)
        except GebruiksFout:
            later = None
        if later is not None:
            from ..stand import versies

            versies(ruw, later.id, stand(ctx))  # raises: known only from its document's date
        raise


RegisterOpt = Annotated[
    Path | None,
    typer.Option(
        "--register",
        help="Het registerbestand (mag ook vóór het commando; anders $KADERS_REGISTER, "
        "anders het meegeleverde).",
        show_default=False,
        metavar="PAD",
        parser=pad("--register"),
    ),
]


# Gives a command its own --register, so it may follow the command; it wins over one given
# before the command (read by `register_pad` from the context, so the command never sees it).
met_register = bundel(None, {REGISTER_PARAM: (RegisterOpt, None)})
