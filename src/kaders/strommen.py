"""Standard streams that were closed when the program started (`<&-`, `>&-`, `2>&-`).

Python leaves `sys.stdout` (or stdin, stderr) as None then, and `print(..., file=None)`
writes to stdout: a message would land in the data. Each closed descriptor gets /dev/null, so
a file opened later never takes its number; stderr then swallows messages, stdin is empty, and
stdout becomes a stream that refuses every write with EBADF (which the writer reports in Dutch).
"""

from __future__ import annotations

import errno
import io
import os
import sys


class GeslotenUitvoer(io.TextIOBase):
    """Stdout that was closed at start: every write fails as writing to a closed descriptor."""

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, tekst: str) -> int:
        raise OSError(errno.EBADF, "standaarduitvoer is gesloten")


def _open(fd: int) -> bool:
    """Whether a descriptor is open."""
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _bezet_met_devnull(fd: int, modus: int) -> None:
    """Put /dev/null on a closed descriptor, so nothing opened later gets its number."""
    nieuw = os.open(os.devnull, modus)
    if nieuw != fd:
        os.dup2(nieuw, fd)
        os.close(nieuw)


def herstel_strommen() -> None:
    """Give every closed standard stream /dev/null; stdout refuses writes (see module)."""
    if not _open(0):
        _bezet_met_devnull(0, os.O_RDONLY)
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - lives as stdin
    if not _open(1):
        _bezet_met_devnull(1, os.O_WRONLY)
        sys.stdout = GeslotenUitvoer()
    if not _open(2):
        _bezet_met_devnull(2, os.O_WRONLY)
        sys.stderr = open(2, "w", errors="backslashreplace", closefd=False)  # noqa: SIM115
