"""Which register file is in use (--register before or after the command, $KADERS_REGISTER,
the bundled one) as known on which --stand, handed to a command as one `InGebruik`; loading
it through the cache. Reads the environment and the clock: only the CLI does."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .. import laden, vinden
from ..errors import GebruiksFout, KadersFout, Melding
from ..models import Kader, Register
from ..uitvoer.weergave import Datering, Weergave
from .afdruk import meld
from .typer_intern import click

if TYPE_CHECKING:
    from ..stand import Kennis


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
STAND_PARAM = "stand"  # the --stand of a reading command
# Not an option: `opties.met_register` gives the output bundle the register in use, which an
# answer never replaces.
REGISTER_VOOR_DOEL = "register_voor_doel"
GEKOZEN = "kaders.register"  # where the register in use is kept for the output options
UIT_OMGEVING = "kaders.register_uit_omgeving"  # set when --register came from $KADERS_REGISTER


def register_pad(ctx: click.Context) -> Path:
    """The register file in use, for completion and output options: the one the command
    chose, else --register before the command ($KADERS_REGISTER), else the bundled one."""
    gekozen: Path | None = ctx.meta.get(GEKOZEN)
    if gekozen is not None:
        return gekozen
    voor: Path | None = ctx.find_root().params.get("register")
    return ctx.params.get(REGISTER_PARAM) or voor or laden.gebundeld_register()


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


@dataclass
class InGebruik:
    """The register a command reads, as known on its --stand: the file, the day of
    knowledge, and (loaded on first use, through the cache) what it says on any day."""

    pad: Path
    stand: dt.date
    stand_gegeven: bool = False
    uit_omgeving: bool = False  # the path came from $KADERS_REGISTER
    _kennis: Kennis | None = field(default=None, repr=False)
    _gemeld: bool = field(default=False, repr=False)

    def kennis(self) -> Kennis:
        """The register file with its change log, loaded once; says once on stderr when it
        is probably not the file meant (see `_waarschuw`)."""
        if self._kennis is None:
            from ..stand import Kennis

            self._kennis = Kennis(laden.laad(self.bestand(), cache_map()))
        return self._kennis

    def bestand(self) -> Path:
        """The register file, for a command that reads or writes the file itself; says once
        on stderr when it is probably not the file meant (see `_waarschuw`)."""
        if self._kennis is None and not self._gemeld:
            if self.uit_omgeving:
                controleer_omgeving(self.pad)
            _waarschuw(self.pad)
            self._gemeld = True
        return self.pad

    def ruw(self) -> Register:
        """The register as its file says it: every document, framework and change."""
        return self.kennis().ruw

    def op(self, peildatum: dt.date | None = None) -> Register:
        """The register as known on the stand, each framework as it holds on `peildatum`
        (default today); a stand before the first document is a usage error."""
        kennis = self.kennis()
        controleer_stand(kennis.ruw, self.stand)
        return kennis.op(self.stand, peildatum or vandaag())

    def vind(self, tekst: str, peildatum: dt.date | None = None) -> Kader:
        """The framework a text names as known on the stand (forgiving, as vinden.vind, also
        by an earlier id); one that becomes known only later is a usage error saying since
        when."""
        register = self.op(peildatum)
        try:
            kader = vinden.vind(register, tekst)
            if tekst.strip().casefold() in kader.eerdere_ids:
                meld(f"'{tekst.strip()}' is hernoemd; het kader heet nu '{kader.id}'")
            return kader
        except GebruiksFout:
            try:
                later = vinden.vind(self.ruw(), tekst)
            except GebruiksFout:
                later = None
            if later is not None:
                self.kennis().versies(later.id, self.stand)  # raises: known only later
            raise

    def titel(self, titel: str) -> str:
        """A table title that names the register file (unless it is the bundled one) and the
        stand (when one was given)."""
        if self.stand_gegeven:
            titel += f", zoals bekend op {self.stand}"
        naam = self.bestandsnaam()
        return f"{titel} — {naam}" if naam else titel

    def dateer(self, weergave: Weergave, peildatum: dt.date | None = None) -> Weergave:
        """The view with the day it shows and the stand it is known on: every format can
        name them (JSON always; a Markdown heading; a sheet or table when not today)."""
        return weergave._replace(datering=Datering(peildatum, self.stand, self.stand_gegeven))

    def bestandsnaam(self) -> str | None:
        """The register file to name in a title: None for the bundled one."""
        return None if is_meegeleverd(self.pad) else str(self.pad)


def controleer_stand(register: Register, stand: dt.date, naam: str = "het register") -> None:
    """A day of knowledge before a register's first document is a usage error: nothing was
    known then."""
    eerste = min(register.document, key=lambda d: d.datum, default=None)
    if eerste is not None and stand < eerste.datum:
        raise GebruiksFout(
            [
                f"--stand {stand} ligt vóór het eerste document van {naam} "
                f"('{eerste.id}', {eerste.datum}): toen was er nog niets bekend; kies een "
                f"datum op of na {eerste.datum}"
            ]
        )


def controleer_omgeving(pad: Path) -> None:
    """A $KADERS_REGISTER that names no file is said as such: the user may have forgotten it
    is set."""
    if not pad.exists():
        raise KadersFout(
            [
                Melding(
                    "bestand bestaat niet; het komt uit $KADERS_REGISTER (zet de variabele "
                    "goed, haal hem weg met 'unset KADERS_REGISTER', of kies --register PAD)",
                    str(pad),
                )
            ]
        )


def _waarschuw(pad: Path) -> None:
    """Say on stderr when the register in use is probably not the one meant: the bundled
    (installed) copy while the current folder holds a data/kaders.toml with other bytes (a
    maintainer editing the source register after a plain `pip install .`)."""
    hier = Path("data", "kaders.toml")
    if pad == laden.gebundeld_register() and hier.is_file() and _verschilt(pad, hier):
        meld(
            f"let op: dit is het geïnstalleerde register ({pad}); ./{hier} verschilt "
            f"ervan. Bedoelt u --register {hier}?"
        )


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
