"""Append to the register: validate first, add a table without touching a byte of the old text,
replace the file atomically (atomisch) under the lock."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from .atomisch import een_naam, niet_in_pakket, schrijf_atomisch, slot
from .errors import KadersFout, Melding
from .inlezen import decodeer, laad_tekst, lees_bytes
from .models import Kader, Register
from .nieuwkader import nieuw_kader, waarschuwingen_looptijd
from .rechten import controleer_schrijfrechten
from .tomltabel import kader_toml

T = TypeVar("T")


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
        for melding in waarschuwingen_looptijd(register, kader):
            if waarschuw is not None:
                waarschuw(melding)
        tabel = kader_toml(kader)
        nieuw = aangevulde_tekst(oud, tabel)
        laad_tekst(nieuw, str(pad))
        return nieuw, (kader, tabel)

    return vul_aan(pad, aanvulling, droog=droog)
