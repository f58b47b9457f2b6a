"""Operating-system errors in Dutch: one table, by errno, for every read and write.

Every message names the path itself (`Melding(tekst, pad)`); this text says what went wrong.
An errno not in the table still gets its symbolic name (EXDEV), never only a number.
"""

from __future__ import annotations

import errno

OS_FOUTEN: dict[int, str] = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang (rechten)",
    errno.EPERM: "geen toestemming",
    errno.EISDIR: "is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENOSPC: "schijf vol",
    errno.EDQUOT: "schijfquotum op",
    errno.EFBIG: "bestand te groot (grens van het bestandssysteem of van ulimit -f)",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.EEXIST: "bestaat al",
    errno.ENAMETOOLONG: "naam te lang",
    errno.ELOOP: "te veel symbolische links (een kring van links?)",
    errno.EBADF: "gesloten (bv. met >&- of 2>&-)",
    errno.EPIPE: "de lezer is gestopt (pijp gesloten)",
    errno.EIO: "invoer-/uitvoerfout van het apparaat",
    errno.EXDEV: "ligt op een ander bestandssysteem",
    errno.EMLINK: "te veel links",
    errno.EBUSY: "is in gebruik",
    errno.ETXTBSY: "is in gebruik",
    errno.EMFILE: "te veel open bestanden",
    errno.ENFILE: "te veel open bestanden in het systeem",
    errno.ENXIO: "apparaat bestaat niet",
    errno.ENODEV: "apparaat bestaat niet",
    errno.EAGAIN: "tijdelijk niet beschikbaar; probeer het opnieuw",
    errno.EINVAL: "ongeldige naam of bewerking voor dit bestand",
}


def os_fout(fout: OSError) -> str:
    """A Dutch description of an operating-system error (without the path: the caller names it)."""
    nummer = fout.errno or 0
    if nummer in OS_FOUTEN:
        return OS_FOUTEN[nummer]
    naam = errno.errorcode.get(nummer)
    return f"systeemfout {naam} ({nummer})" if naam else f"systeemfout {nummer}"
