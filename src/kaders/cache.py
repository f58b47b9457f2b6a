"""A cache of validated registers by key (their bytes and the validating code); no loader.

An entry is the pickled `Register` that exactly these bytes validated to, under exactly this
kaders, Python and Pydantic and this validating code; so a hit needs neither TOML parsing nor
the models' validators (which are then never built). Unpickling accepts only the register's
own classes and dates, so an entry can never run code; anything odd is a miss.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

import pydantic

from . import __version__, bronmodellen, models
from . import tijdelijk as tijdelijk_
from .geheugen import zonder_gc
from .models import Register

try:  # the C unpickler itself: pickle.py costs 1-2 ms more to import, and a hit needs only this
    from _pickle import Unpickler, UnpicklingError
except ImportError:  # not CPython
    from pickle import Unpickler, UnpicklingError

BEWAAR = 8
_SOORT = ".register.pickle"  # only files named kaders-*.register.pickle are ours
_KLASSEN = {
    (k.__module__, k.__name__): k
    for k in (
        models.Register,
        models.Metadata,
        models.Regio,
        bronmodellen.Document,
        models.Kader,
        models.Wijziging,
        bronmodellen.Afleiding,
        bronmodellen.Mandaat,
    )
} | {("datetime", "date"): dt.date}


class _Lezer(Unpickler):
    """Unpickle only the register's classes and dates; any other global is refused."""

    def find_class(self, module: str, name: str) -> type:
        klasse = _KLASSEN.get((module, name))
        if klasse is None:
            raise UnpicklingError(f"{module}.{name} hoort niet in een register")
        return klasse


def sleutel(ruw: bytes, code: Iterable[str | None]) -> str | None:
    """The entry's file name: the same bytes under the same code give the same register.

    `code` are the files of the code that validates. None when one cannot be read (say, an
    install without source): then no key covers it, and nothing is cached.
    """
    hasj = hashlib.sha256(f"{__version__}\0{sys.version}\0{pydantic.VERSION}\0".encode())
    try:
        for bestand in code:
            if bestand is None:
                return None
            hasj.update(Path(bestand).read_bytes())
    except OSError:
        return None
    hasj.update(b"\0" + ruw)
    return f"kaders-{hasj.hexdigest()}{_SOORT}"


def haal(map_: Path, naam: str | None) -> Register | None:
    """The register stored under this key, or None (never an error, never a wait)."""
    if naam is None:
        return None
    try:
        # Not blocking and not following a link: a FIFO or a link in a shared folder is a miss.
        fd = os.open(map_ / naam, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as bestand:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode) or status.st_uid != os.getuid():
                return None  # not a file, or written by someone else: not trusted
            with zonder_gc():  # a tree without cycles: the collector's passes cost a third
                gelezen = _Lezer(bestand).load()
    except Exception:  # a damaged or foreign entry is a miss, whatever it raises
        return None
    return gelezen if isinstance(gelezen, Register) else None


def _maak_map(map_: Path) -> None:
    """Create the cache folder, and its parent (~/.cache) if need be, but never more: under a
    home folder that does not exist (HOME=/nonexistent) nothing is created and nothing cached."""
    if not map_.parent.is_dir():
        if not map_.parent.parent.is_dir():
            raise FileNotFoundError(map_.parent.parent)
        map_.parent.mkdir(mode=0o700)
    map_.mkdir(mode=0o700, exist_ok=True)


def bewaar(map_: Path, naam: str | None, gevalideerd: Register) -> None:
    """Store a validated register under its key and keep the newest few; errors are skipped."""
    import pickle

    if naam is None:
        return
    with contextlib.suppress(OSError):
        _maak_map(map_)
        tijdelijk_.ruim_op(map_)  # entries a killed run was writing: ours only
        fd, tijdelijk = tijdelijk_.maak(map_)
        try:
            with os.fdopen(fd, "wb") as bestand:
                pickle.dump(gevalideerd, bestand, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tijdelijk, map_ / naam)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tijdelijk)
        oud = sorted(map_.glob(f"kaders-*{_SOORT}"), key=lambda p: p.stat().st_mtime, reverse=True)
        for overbodig in oud[BEWAAR:]:
            overbodig.unlink()
