"""Every input has a bound: its size, its kind (a regular file, or stdin) and its nesting depth.

A register is about 100 KB; 100 MB is a thousand times that (the benchmark's 100,000 frameworks
are 54 MB) and still parses in seconds.
A register nests four levels deep (the file, [[kader]], afgeleid = [...], { veld = ... });
32 levels is far beyond any real one and far below Python's recursion limit. A device such as
/dev/zero or a FIFO is never read as a register: it may never end.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .errors import KadersFout, Melding
from .osfouten import os_fout

MAX_BYTES = 100 * 1024 * 1024  # a register file or stdin
MAX_DIEPTE = 32  # lists and tables inside each other, the file itself counting as one
_BLOK = 1 << 20


def _megabyte(aantal: int) -> str:
    return f"{aantal // (1024 * 1024)} MB"


def te_groot(bron: str) -> KadersFout:
    """The refusal of an input larger than MAX_BYTES."""
    bytes_ = f"{MAX_BYTES:,}".replace(",", ".")
    tekst = f"groter dan {_megabyte(MAX_BYTES)} ({bytes_} bytes): te groot voor een register"
    return KadersFout([Melding(tekst, bron)])


def _lees_tot_grens(lees: Any, bron: str) -> bytes:
    """Read blocks until the end; more than MAX_BYTES is refused without reading further."""
    delen: list[bytes] = []
    totaal = 0
    while True:
        deel = lees(min(_BLOK, MAX_BYTES + 1 - totaal))
        if not deel:
            return b"".join(delen)
        delen.append(deel)
        totaal += len(deel)
        if totaal > MAX_BYTES:
            raise te_groot(bron)


def lees_bestand(pad: Path) -> bytes:
    """A register file's bytes: only a regular file, at most MAX_BYTES; Dutch errors with the path.

    Opened without blocking (a FIFO would wait for a writer) and checked on the open
    descriptor itself, so what is checked is what is read.
    """
    naam = str(pad)
    try:
        fd = os.open(pad, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise KadersFout([Melding("bestand bestaat niet", naam)]) from None
    except IsADirectoryError:
        raise KadersFout([Melding("is een map, geen registerbestand", naam)]) from None
    except PermissionError:
        raise KadersFout([Melding("geen leesrechten op het bestand", naam)]) from None
    except OSError as fout:
        raise KadersFout([Melding(f"kan niet lezen: {os_fout(fout)}", naam)]) from None
    except ValueError:  # a NUL in the path
        raise KadersFout([Melding("ongeldig pad: bevat een NUL-teken", repr(naam))]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise KadersFout([Melding("is een map, geen registerbestand", naam)])
        if not stat.S_ISREG(info.st_mode):
            tekst = (
                "is geen gewoon bestand maar een apparaat, pijp of socket; een register "
                "wordt alleen uit een gewoon bestand gelezen"
            )
            raise KadersFout([Melding(tekst, naam)])
        if info.st_size > MAX_BYTES:
            raise te_groot(naam)
        return _lees_tot_grens(lambda n: os.read(fd, n), naam)
    except OSError as fout:
        raise KadersFout([Melding(f"kan niet lezen: {os_fout(fout)}", naam)]) from None
    finally:
        os.close(fd)


def lees_stroom(stroom: BinaryIO, bron: str = "<stdin>") -> bytes:
    """Everything on a stream (stdin), at most MAX_BYTES."""
    try:
        return _lees_tot_grens(stroom.read, bron)
    except OSError as fout:
        raise KadersFout([Melding(f"kan niet lezen: {os_fout(fout)}", bron)]) from None


def te_diep(bron: str) -> KadersFout:
    """The refusal of data nested deeper than MAX_DIEPTE."""
    tekst = (
        f"te diep genest: meer dan {MAX_DIEPTE} niveaus van lijsten en tabellen in elkaar "
        "(een register heeft er vier)"
    )
    return KadersFout([Melding(tekst, bron)])


def controleer_diepte(data: Any, bron: str) -> None:
    """Refuse lists and tables nested deeper than MAX_DIEPTE (walked without recursion)."""
    stapel: list[tuple[Any, int]] = [(data, 1)]
    while stapel:
        waarde, diepte = stapel.pop()
        if isinstance(waarde, dict):
            kinderen: Any = waarde.values()
        elif isinstance(waarde, list):
            kinderen = waarde
        else:
            continue
        if diepte > MAX_DIEPTE:
            raise te_diep(bron)
        stapel.extend((k, diepte + 1) for k in kinderen if isinstance(k, dict | list))


@contextlib.contextmanager
def niet_te_diep(bron: str) -> Iterator[None]:
    """A parser that recurses out on deeply nested text refuses it as too deep, by name."""
    try:
        yield
    except RecursionError:
        raise te_diep(bron) from None
