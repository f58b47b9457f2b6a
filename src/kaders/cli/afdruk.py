"""Where answers go: stdout for data, stderr for messages; exit codes; the screen."""

import os
import shutil
import sys

import typer

from .. import uitvoer
from ..errors import KadersFout, os_fout

EXIT_OK, EXIT_DATA, EXIT_GEBRUIK, EXIT_AFGEBROKEN = 0, 1, 2, 130


def scherm() -> uitvoer.Scherm:
    """The screen stdout is: its width and whether colour is allowed (NO_COLOR, TERM=dumb)."""
    terminal = sys.stdout.isatty()
    kleur = terminal and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    breedte = shutil.get_terminal_size((100, 24)).columns if terminal else 200
    return uitvoer.Scherm(breedte=breedte, kleur=kleur)


def schrijf(tekst: str, code_bij_breuk: int = EXIT_OK) -> None:
    """Write to stdout; a reader that went away (| head) ends the program quietly."""
    try:
        sys.stdout.write(tekst)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(code_bij_breuk) from None
    except OSError as fout:
        raise KadersFout([f"kan de uitvoer niet schrijven: {os_fout(fout)}"]) from None


def meld(tekst: str) -> None:
    """A message for people, on stderr."""
    print(f"kaders: {tekst}", file=sys.stderr)


def druk_af(weergave: uitvoer.Weergave, formaat: str, code_bij_breuk: int = EXIT_OK) -> None:
    """Write a view; an empty one prints only a header (csv, tsv) and says so on stderr."""
    tekst = uitvoer.schrijf(weergave, formaat, scherm())
    if weergave.rijen or weergave.soort not in ("kaders", "export", "verloop"):
        schrijf(tekst, code_bij_breuk)
        return
    if uitvoer.FORMATEN[formaat].kop_bij_leeg:
        schrijf(tekst, code_bij_breuk)
    meld("geen kaders gevonden voor deze selectie")
