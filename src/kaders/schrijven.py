"""Write the register safely: validate first, append without touching a byte, replace atomically."""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from . import regels
from . import tijdelijk as tijdelijk_
from .errors import KadersFout, Melding, Weigering, dichtstbij, os_fout
from .inlezen import decodeer, laad_tekst, lees_bytes, valideer_kader
from .installatie import PAKKET, in_pakket
from .models import BEEINDIGD, Kader, Register, canonieke_status
from .rechten import controleer_schrijfrechten as controleer_schrijfrechten
from .tomltabel import kader_toml

T = TypeVar("T")


def nieuw_kader(register: Register, data: Mapping[str, Any]) -> Kader:
    """Validate a new framework against the register: its own rules, a unique id, a known region.

    All problems are reported at once, each starting with 'nieuw kader'.
    """
    aangevuld = {"begin": register.metadata.begin, "eind": register.metadata.standaard_eind}
    aangevuld.update({k: v for k, v in data.items() if v is not None})
    meldingen: list[Melding] = []
    kader: Kader | None = None
    try:
        kader = valideer_kader(aangevuld, "")
    except KadersFout as fout:
        meldingen += fout.meldingen
    kaders: list[tuple[object, object]] = [(k.id, k.regio) for k in register.kader]
    kaders.append((aangevuld.get("id"), aangevuld.get("regio")))
    eindes: list[tuple[object, object]] = [(k.status == BEEINDIGD, k.eind) for k in register.kader]
    beeindigd = canonieke_status(aangevuld.get("status")) == BEEINDIGD
    eindes.append((beeindigd, kader.eind if kader else None))
    for p in regels.problemen(
        [(r.id, r.ouder) for r in register.regio],
        kaders,
        eindes=eindes,
        standaard_eind=register.metadata.standaard_eind,
    ):
        if p.tabel == "kader" and p.rij == len(register.kader):
            meldingen.append(Melding(regels.als_tekst(p, "in het register (het id bestaat al)")))
    if aangevuld.get("citaat") is None:  # a new framework cites the words it rests on
        tekst = f"kader '{aangevuld.get('id')}': veld 'citaat': verplicht veld ontbreekt"
        meldingen.append(Melding(tekst + "; een nieuw kader noemt de woorden uit zijn document"))
    documentfouten = _documentfouten(register, aangevuld)
    meldingen += documentfouten
    if meldingen or kader is None:
        soort = Weigering.DOCUMENT if documentfouten else None
        raise KadersFout([Melding(f"nieuw {m.tekst}") for m in meldingen], soort=soort)
    return kader


def _documentfouten(register: Register, data: Mapping[str, Any]) -> list[Melding]:
    """A framework names the document that introduced it, once the register has documents."""
    document, naam = data.get("document"), f"kader '{data.get('id')}'"
    if not register.document:
        if document is None:
            return []
        tekst = f"{naam}: veld 'document': dit register heeft nog geen documenten; voeg eerst "
        return [Melding(tekst + f"document '{document}' toe")]
    lijst = "; ".join(f"{d.id} ({d.datum}, {d.titel})" for d in register.document)
    if document is None:
        tekst = f"{naam}: noemt geen document; in een register met documenten noemt elk kader het "
        return [Melding(tekst + f"document dat het invoerde. Documenten: {lijst}")]
    if document not in {d.id for d in register.document}:
        tekst = f"{naam}: veld 'document': onbekend document '{document}'"
        beste = dichtstbij(str(document), [d.id for d in register.document])
        tekst += f"; bedoelde u '{beste[0]}'?" if beste else "."
        return [Melding(f"{tekst} Documenten: {lijst}")]
    return []


def buiten_periode(register: Register, kader: Kader) -> list[Melding]:
    """Warnings for a new framework that begins before the register or ends after its term."""
    meta = register.metadata
    return [
        Melding(f"waarschuwing: nieuw {p.tekst}")
        for p in regels.buiten_periode(
            meta.begin, meta.standaard_eind, [(kader.id, kader.begin, kader.eind)]
        )
    ]


def aangevulde_tekst(oud: str, tabel: str) -> str:
    """The old text, unchanged, followed by the new table (TOML), after one blank line."""
    eind = oud[-4:].replace("\r\n", "\n")  # a CRLF file ends its lines the same way
    scheiding = (
        "" if oud == "" or eind.endswith("\n\n") else ("\n" if eind.endswith("\n") else "\n\n")
    )
    return oud + scheiding + tabel


def met_regeleinden_van(oud: str, toegevoegd: str) -> str:
    """Added text with the line ends of the file it joins: CRLF if its first line ends so.

    What tomli-w writes has no CR of its own, and no newline inside a value (it escapes them).
    """
    eerste = oud.find("\n")
    if eerste > 0 and oud[eerste - 1] == "\r":
        return toegevoegd.replace("\r\n", "\n").replace("\n", "\r\n")
    return toegevoegd


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


def vul_aan(
    pad: Path, aanvulling: Callable[[Register, str], tuple[str, T]], *, droog: bool = False
) -> T:
    """Append to the register file: the shared steps of every writer that adds a table.

    Under the lock: check the rights to replace the file (and that it has one name), read it,
    refuse an invalid register, let `aanvulling(register, oude_tekst)` validate what it adds and
    return the whole new text (the old text as a prefix) with what it made, then replace the
    file atomically. Returns what `aanvulling` made.
    The file keeps its form: a BOM stays, and CRLF line ends stay CRLF in what is added.
    Nothing is written when anything fails, or when `droog` is set.
    """
    niet_in_pakket(pad)
    with slot(pad):
        controleer_schrijfrechten(pad)
        een_naam(pad)
        ruw = lees_bytes(pad)
        oud = decodeer(ruw, str(pad))
        try:
            register = laad_tekst(oud, str(pad))
        except KadersFout as fout:
            raise KadersFout([ongeldig_register(pad), *fout.meldingen]) from None
        nieuw, gemaakt = aanvulling(register, oud)
        assert nieuw.startswith(oud)  # an append, never a rewrite
        nieuw = oud + met_regeleinden_van(oud, nieuw[len(oud) :])
        if not droog:
            bom = b"\xef\xbb\xbf" if ruw.startswith(b"\xef\xbb\xbf") else b""
            schrijf_atomisch(pad, bom + nieuw.encode("utf-8"))
    return gemaakt


def ongeldig_register(pad: Path) -> Melding:
    """The first message when a writer refuses a register that is already invalid."""
    return Melding("het register is al ongeldig; herstel het eerst (kaders valideer)", str(pad))


def voeg_toe(
    pad: Path,
    data: Mapping[str, Any],
    *,
    droog: bool = False,
    waarschuw: Callable[[Melding], None] | None = None,
) -> tuple[Kader, str]:
    """Append one framework to the register file; returns it and the TOML that was appended.

    Validates the new framework against the register, then the whole new text (see `vul_aan`).
    Warnings (dates outside the register's period) go to `waarschuw`.
    """

    def aanvulling(register: Register, oud: str) -> tuple[str, tuple[Kader, str]]:
        kader = nieuw_kader(register, data)
        for melding in buiten_periode(register, kader):
            if waarschuw is not None:
                waarschuw(melding)
        tabel = kader_toml(kader)
        nieuw = aangevulde_tekst(oud, tabel)
        laad_tekst(nieuw, str(pad))
        return nieuw, (kader, tabel)

    return vul_aan(pad, aanvulling, droog=droog)


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
