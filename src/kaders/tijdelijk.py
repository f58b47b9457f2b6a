"""Temp files kaders can recognise as its own, and the clean-up of those a killed run left.

A temp file is named `.<target>.kaders-<pid>-<random>.tmp` (beside the file it will replace)
or `kaders-<pid>-<random>.tmp` (in the cache). One is removed later only when it is ours
beyond doubt: that name, a regular file of this user, and its process no longer running.
A file of anyone else (an editor's `.kaders.toml.swp.tmp`, another user's, a live writer's)
is never touched.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

MERK = "kaders-"  # every temp file kaders makes has this in its name, then its process id
ACHTER = ".tmp"


def voorvoegsel(doel: str) -> str:
    """The start of the name of our temp files for a target ('' for the cache folder)."""
    return f".{doel}.{MERK}" if doel else MERK


def maak(map_: Path, doel: str = "") -> tuple[int, str]:
    """A new temp file of ours in the folder: (open descriptor, path), as tempfile.mkstemp."""
    return tempfile.mkstemp(dir=map_, prefix=f"{voorvoegsel(doel)}{os.getpid()}-", suffix=ACHTER)


def _proces(naam: str, doel: str) -> int | None:
    """The process id in the name of one of our temp files for this target, else None."""
    begin = voorvoegsel(doel)
    if not (naam.startswith(begin) and naam.endswith(ACHTER)):
        return None
    pid, streep, rest = naam[len(begin) : -len(ACHTER)].partition("-")
    if not (streep and rest and pid.isascii() and pid.isdigit()):
        return None
    return int(pid)


def _leeft(pid: int) -> bool:
    """Whether a process with this id runs (or might: one of another user counts as running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def is_restant(pad: Path, doel: str = "") -> bool:
    """Whether a file is a temp file of ours for this target whose writer is gone."""
    pid = _proces(pad.name, doel)
    if pid is None:
        return False
    try:
        info = os.lstat(pad)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and not _leeft(pid)


def ruim_op(map_: Path, doel: str = "") -> list[Path]:
    """Remove the temp files of ours for this target that a killed run left; returns them."""
    weg: list[Path] = []
    try:
        namen = os.listdir(map_)
    except OSError:
        return weg
    begin = voorvoegsel(doel)
    for naam in namen:
        if naam.startswith(begin) and is_restant(map_ / naam, doel):
            with contextlib.suppress(OSError):
                os.unlink(map_ / naam)
                weg.append(map_ / naam)
    return weg
