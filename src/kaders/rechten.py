"""Whether a file may be replaced by this user, keeping its mode, owner and group."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import KadersFout, Melding, Weigering, os_fout


def _naam_van(uid: int, gid: int) -> tuple[str, str]:
    """Owner and group by name where known."""
    import grp
    import pwd

    try:
        eigenaar = pwd.getpwuid(uid).pw_name
    except KeyError:
        eigenaar = str(uid)
    try:
        groep = grp.getgrgid(gid).gr_name
    except KeyError:
        groep = str(gid)
    return eigenaar, groep


def controleer_schrijfrechten(pad: Path) -> None:
    """Whether a file can be replaced atomically while keeping its mode, owner and group.

    Refused: a file without write permission for this user, or without any write bit (even
    for root, as editors do); a file whose owner or group this user cannot give the new copy;
    a folder that is not writable (the temp file goes beside the file). Raises KadersFout.
    """
    echt = Path(os.path.realpath(pad))
    try:
        info: os.stat_result | None = os.stat(echt)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as fout:
        tekst = f"kan niet schrijven: {os_fout(fout) if isinstance(fout, OSError) else fout}"
        raise KadersFout([Melding(tekst, str(pad))]) from None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise KadersFout([Melding("is geen gewoon bestand", str(pad))])
        eigenaar, groep = _naam_van(info.st_uid, info.st_gid)
        modus = f"modus {info.st_mode & 0o7777:04o}, eigenaar {eigenaar}, groep {groep}"
        if info.st_mode & 0o222 == 0 or not os.access(echt, os.W_OK):
            tekst = f"geen schrijfrechten op het bestand ({modus}); het blijft ongewijzigd"
            raise KadersFout([Melding(tekst, str(pad))], soort=Weigering.RECHTEN)
        if os.geteuid() != 0 and (
            info.st_uid != os.geteuid()
            or (info.st_gid != os.getegid() and info.st_gid not in os.getgroups())
        ):
            tekst = (
                f"vervangen zou eigenaar of groep veranderen ({modus}): die kan alleen de "
                "eigenaar of root behouden; het blijft ongewijzigd"
            )
            raise KadersFout([Melding(tekst, str(pad))], soort=Weigering.EIGENAAR)
    map_ = echt.parent
    try:
        map_info = os.stat(map_)
    except OSError as fout:
        raise KadersFout([Melding(f"de map {map_}: {os_fout(fout)}", str(pad))]) from None
    if map_info.st_mode & 0o222 == 0 or not os.access(map_, os.W_OK | os.X_OK):
        tekst = (
            f"de map {map_} is alleen-lezen; het bestand wordt vervangen via een tijdelijk "
            "bestand in die map, dus die moet schrijfbaar zijn"
        )
        raise KadersFout([Melding(tekst, str(pad))], soort=Weigering.MAP)
