"""Write a file safely: one writer at a time (a lock on its folder), never the register in use
or the installed package, and replaced in one step (temp file, fsync, rename)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from . import tijdelijk as tijdelijk_
from .errors import KadersFout, Melding, Weigering, os_fout
from .inlezen import laad_tekst
from .installatie import PAKKET, in_pakket
from .rechten import controleer_schrijfrechten


def een_naam(pad: Path) -> None:
    """Refuse a register with more than one name (hard links): the atomic replace would give
    this name a new file and leave the other names with the old text."""
    try:
        namen = os.stat(pad).st_nlink
    except OSError:
        return  # the reader that follows says why
    if namen > 1:
        tekst = (
            f"het bestand heeft {namen} namen (harde links); vervangen zou alleen deze naam de "
            "nieuwe tekst geven en de andere de oude. Het blijft ongewijzigd"
        )
        raise KadersFout([Melding(tekst, str(pad))], soort=Weigering.HARDLINK)


@contextlib.contextmanager
def slot(pad: Path) -> Iterator[None]:
    """An exclusive lock on the register's folder, so concurrent writers take turns."""
    map_ = Path(os.path.realpath(pad)).parent
    try:
        fd = os.open(map_, os.O_RDONLY)
    except OSError as fout:
        raise KadersFout([Melding(f"kan de map niet openen: {os_fout(fout)}", str(map_))]) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _zelfde_bestand(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same real path, or the same inode (a hard link)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def niet_in_pakket(doel: Path) -> None:
    """Refuse any write inside the installed package: its register must keep working."""
    if in_pakket(doel):
        tekst = (
            f"ligt in het geïnstalleerde pakket kaders ({PAKKET}); daar schrijft kaders nooit, "
            "want het meegeleverde register moet blijven werken"
        )
        raise KadersFout([Melding(tekst, str(doel))], soort=Weigering.REGISTER)


def geen_apparaat(doel: Path) -> None:
    """Refuse a target that exists but is no regular file: a device, pipe or socket (say
    /dev/stderr) cannot be replaced by a file, and its folder is not where it writes."""
    try:
        modus = os.stat(doel).st_mode
    except (OSError, ValueError):
        return  # a dangling link or a name too long: the rights check says why
    if not (stat.S_ISREG(modus) or stat.S_ISDIR(modus)):
        tekst = (
            "is geen gewoon bestand maar een apparaat, pijp of socket; een export wordt een "
            "gewoon bestand. Er is niets geschreven"
        )
        raise KadersFout([Melding(tekst, str(doel))], soort=Weigering.APPARAAT)


def controleer_doel(doel: Path, *, register: Path | None, overschrijven: bool) -> None:
    """Whether a file may be written: never the register in use, an existing file only when
    overwriting was asked for, and only with the rights to replace it. Raises KadersFout.

    `soort` on the error says which rule refused: REGISTER, BESTAAT, or those of
    `controleer_schrijfrechten`.
    """
    if register is not None and _zelfde_bestand(doel, register):
        tekst = f"is het register in gebruik ({register}); dat wordt nooit overschreven"
        raise KadersFout([Melding(tekst, str(doel))], soort=Weigering.REGISTER)
    niet_in_pakket(doel)
    if os.path.lexists(doel):
        if os.path.isdir(doel):
            raise KadersFout([Melding("kan niet schrijven: is een map", str(doel))])
        geen_apparaat(doel)
        if not overschrijven:
            tekst = "bestaat al; het blijft ongewijzigd"
            raise KadersFout([Melding(tekst, str(doel))], soort=Weigering.BESTAAT)
    controleer_schrijfrechten(doel)


def schrijf_atomisch(pad: Path, inhoud: bytes) -> None:
    """Replace a file in one step: temp file in the same folder, fsync, rename; keep its mode,
    owner and group. The temp file has a name of ours (tijdelijk); those a killed run left for
    this file are removed first, nobody else's.

    A symbolic link is followed, so the file it points to is replaced, not the link.
    """
    pad = Path(os.path.realpath(pad))
    map_ = pad.parent
    info: os.stat_result | None = None
    try:
        info = pad.stat()
        modus = info.st_mode & 0o7777
    except FileNotFoundError:
        modus = 0o666 & ~_umask()
    except OSError as fout:
        raise KadersFout([Melding(f"kan niet schrijven: {os_fout(fout)}", str(pad))]) from None
    tijdelijk_.ruim_op(map_, pad.name)  # what a killed writer of this file left, ours only
    try:
        fd, tijdelijk = tijdelijk_.maak(map_, pad.name)
    except OSError as fout:
        tekst = f"kan geen tijdelijk bestand maken in de map {map_}: {os_fout(fout)}"
        raise KadersFout([Melding(tekst, str(pad))]) from None
    try:
        with os.fdopen(fd, "wb") as bestand:
            bestand.write(inhoud)
            bestand.flush()
            os.fsync(bestand.fileno())
        if info is not None and (info.st_uid, info.st_gid) != _eigen(tijdelijk):
            os.chown(tijdelijk, info.st_uid, info.st_gid)  # before chmod: chown clears set-id
        os.chmod(tijdelijk, modus)
        os.replace(tijdelijk, pad)
    except OSError as fout:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
        raise KadersFout([Melding(f"kan niet schrijven: {os_fout(fout)}", str(pad))]) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
        raise
    mapfd = os.open(map_, os.O_RDONLY)
    try:
        os.fsync(mapfd)
    finally:
        os.close(mapfd)


def _eigen(pad: str) -> tuple[int, int]:
    info = os.stat(pad)
    return info.st_uid, info.st_gid


def _umask() -> int:
    huidig = os.umask(0)
    os.umask(huidig)
    return huidig


def exporteer(
    pad: Path,
    tekst: str | bytes,
    *,
    is_register: bool,
    register: Path | None = None,
    overschrijven: bool = False,
) -> None:
    """Write an export atomically under the lock; a TOML register is first checked to load.

    `register` is the register in use, which an export never replaces; an existing file is
    only replaced when `overschrijven` is set (see `controleer_doel`).
    """
    if is_register and isinstance(tekst, str):
        laad_tekst(tekst, str(pad))
    with slot(pad):
        controleer_doel(pad, register=register, overschrijven=overschrijven)
        schrijf_atomisch(pad, tekst if isinstance(tekst, bytes) else tekst.encode("utf-8"))
