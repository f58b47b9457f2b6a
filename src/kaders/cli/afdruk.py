"""Where answers go: stdout for data, stderr for messages; exit codes; the screen."""

import io
import os
import shutil
import sys
from pathlib import Path
from typing import NamedTuple

import typer

from .. import uitvoer
from ..errors import GebruiksFout, KadersFout, os_fout
from ..uitvoer.tekst import kaders_tekst
from ..veilig_tekst import toonbaar

EXIT_OK, EXIT_DATA, EXIT_GEBRUIK, EXIT_AFGEBROKEN = 0, 1, 2, 130


def scherm() -> uitvoer.Scherm:
    """The screen stdout is: its width and whether colour is allowed (NO_COLOR, TERM=dumb).

    A table asked for in a pipe is drawn at $COLUMNS if set, else 200 columns.
    """
    terminal = sys.stdout.isatty()
    kleur = terminal and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    if terminal:
        breedte = shutil.get_terminal_size((100, 24)).columns
    else:
        kolommen = os.environ.get("COLUMNS", "")
        breedte = int(kolommen) if kolommen.isdigit() and int(kolommen) > 0 else 200
    return uitvoer.Scherm(breedte=breedte, kleur=kleur)


def schrijf(tekst: str, code_bij_breuk: int = EXIT_OK, *, getekend: bool = False) -> None:
    """Write to stdout; a reader that went away (| head) ends the program quietly.

    On a terminal, control characters in the text are shown as escapes (veilig_tekst); a
    table is `getekend`: its cells were made safe before it was drawn, and its colours stay.
    """
    if not getekend and sys.stdout.isatty():
        tekst = toonbaar(tekst)
    try:
        sys.stdout.write(tekst)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(code_bij_breuk) from None
    except OSError as fout:
        raise KadersFout([f"kan de uitvoer niet schrijven: {os_fout(fout)}"]) from None
    except UnicodeEncodeError as fout:
        raise KadersFout([tekenset_fout(fout)]) from None


def schrijf_bytes(inhoud: str | bytes, code_bij_breuk: int = EXIT_OK) -> None:
    """Write bytes (a chart) to stdout, a pipe; a reader that went away ends quietly."""
    assert isinstance(inhoud, bytes)
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(inhoud)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(code_bij_breuk) from None
    except OSError as fout:
        raise KadersFout([f"kan de uitvoer niet schrijven: {os_fout(fout)}"]) from None


def tekenset_fout(fout: UnicodeEncodeError) -> str:
    """Why text cannot be written to a stream whose encoding lacks one of its characters."""
    teken = fout.object[fout.start : fout.start + 1]
    return (
        f"kan de uitvoer niet schrijven: de tekenset {fout.encoding} (PYTHONIOENCODING of de "
        f"locale) kent teken '{teken}' (U+{ord(teken):04X}) niet. Gebruik UTF-8, bv. "
        "PYTHONIOENCODING=utf-8"
    )


def meld(tekst: str, voorvoegsel: str = "kaders: ") -> None:
    """A message for people, on stderr; its control characters shown as escapes."""
    print(toonbaar(f"{voorvoegsel}{tekst}"), file=sys.stderr)


def is_stdout(pad: Path) -> bool:
    """Whether --uitvoer means stdout: '-', or a name of stdout itself (/dev/stdout, /dev/fd/1)."""
    if str(pad) == "-":
        return True
    try:
        doel, uit = os.stat(pad), os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False
    return (doel.st_dev, doel.st_ino) == (uit.st_dev, uit.st_ino)


def standaard_formaat() -> str:
    """A table on a terminal, tab-separated text in a pipe."""
    return "tabel" if sys.stdout.isatty() else "tsv"


class Doel(NamedTuple):
    """Where and how an answer is written: --formaat, --uitvoer, --excel, --overschrijf."""

    formaat: str | None = None
    pad: Path | None = None
    excel: bool = False
    overschrijf: bool = False
    register: Path | None = None  # the register in use: never written over by an answer


def druk_af(weergave: uitvoer.Weergave, doel: Doel, code_bij_breuk: int = EXIT_OK) -> None:
    """Write a view to stdout, or to a file (--uitvoer, atomically); a binary format needs a file.

    An empty answer on stdout prints only a header (csv, tsv, markdown) or [] (json) and says
    so on stderr.
    """
    formaat, excel = doel.formaat or standaard_formaat(), doel.excel
    pad = None if doel.pad is None or is_stdout(doel.pad) else doel.pad
    gekozen = uitvoer.FORMATEN[formaat]
    if excel and formaat != "csv":
        raise GebruiksFout([f"--excel hoort bij --formaat csv, niet bij --formaat {formaat}"])
    if gekozen.binair and pad is None:
        if gekozen.pijp and not sys.stdout.isatty():  # a chart into a pipe: bytes on stdout
            schrijf_bytes(uitvoer.schrijf(weergave, formaat, uitvoer.Scherm()), code_bij_breuk)
            return
        soort = "een grafiek" if gekozen.pijp else "een bestand"
        raise GebruiksFout(
            [
                f"--formaat {formaat} maakt {soort}, geen tekst voor de terminal; "
                f"geef --uitvoer PAD, bv. --uitvoer kaders.{formaat}"
            ]
        )
    if pad is not None:
        from .. import atomisch  # file locking: only where something is written

        inhoud = uitvoer.schrijf(weergave, formaat, uitvoer.Scherm(excel=excel))
        atomisch.exporteer(
            pad,
            inhoud,
            is_register=formaat == "toml",
            register=doel.register,
            overschrijven=doel.overschrijf,
        )
        aantal = kaders_tekst(len(weergave.rijen)) if weergave.soort in _LIJSTEN else "uitvoer"
        meld(f"{aantal} geschreven naar {pad}")
        return
    tekst = uitvoer.schrijf(weergave, formaat, scherm()._replace(excel=excel))
    assert isinstance(tekst, str)  # a binary format never reaches stdout (checked above)
    getekend = formaat == "tabel"  # made safe cell by cell before it was drawn
    if weergave.rijen or weergave.soort not in _LIJSTEN:
        schrijf(tekst, code_bij_breuk, getekend=getekend)
        return
    if gekozen.kop_bij_leeg:
        schrijf(tekst, code_bij_breuk, getekend=getekend)
    meld("geen kaders gevonden voor deze selectie")


_LIJSTEN = ("kaders", "export", "verloop")  # views whose rows are frameworks
