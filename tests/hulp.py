"""Shared by the tests: hypothesis strategies for registers and records, and the command list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import typer.main
from hypothesis import strategies as st
from typer import _click as click

from kaders.bronmodellen import DOCUMENTSOORTEN
from kaders.cli import SCHRIJVENDE_COMMANDOS, app
from kaders.models import DUIDINGEN, STATUSSEN, TELLINGEN, TYPEN

_GROEP = typer.main.get_command(app)
COMMANDOS = list(_GROEP.list_commands(click.Context(_GROEP)))  # type: ignore[attr-defined]
LEES_COMMANDOS = [c for c in COMMANDOS if c not in SCHRIJVENDE_COMMANDOS]

tekst = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40).filter(
    str.strip
)  # text of only whitespace is refused: a register never holds it
STANDAARD_EIND = dt.date(2028, 6, 30)  # of every generated register and of the test registers
slug = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)


@st.composite
def kader_data(
    draw: st.DrawFn,
    regio_ids: Sequence[str],
    kader_id: str | None = None,
    van: dt.date = dt.date(2000, 1, 1),
    tot: dt.date = dt.date(2045, 1, 1),
) -> dict[str, Any]:
    """A valid framework as TOML data, in one of the given regions."""
    begin = draw(st.dates(van, tot))
    data: dict[str, Any] = {
        "id": kader_id or draw(slug),
        "missie": draw(tekst),
        "naam": draw(tekst),
        "regio": draw(st.sampled_from(list(regio_ids))),
        "landen": draw(st.lists(tekst, max_size=3)),
        "organisatie": draw(st.sampled_from(["EU", "NAVO", "VN", "OVSE", "coalitie"])),
        "typen": draw(st.lists(st.sampled_from(TYPEN), min_size=1, unique=True)),
        "begin": begin,
        "eind": draw(st.dates(begin, tot)),
        "status": draw(st.sampled_from(["vastgesteld", "verkenning", "beeindigd"])),
        "bron": draw(tekst),
        "citaat": draw(tekst),
    }
    if data["status"] == "beeindigd" and data["eind"] == STANDAARD_EIND:
        data["status"] = "vastgesteld"  # an ended framework has an end of its own (regels)
    if draw(st.booleans()):
        data["personeel"] = draw(st.integers(0, 1_000_000))
        data["duiding"] = draw(st.sampled_from(DUIDINGEN))
        data["telling"] = draw(st.sampled_from(TELLINGEN))
    if draw(st.booleans()):
        data["toelichting"] = draw(tekst)
    if draw(st.booleans()):
        data["afgeleid"] = [{"veld": "typen", "reden": draw(tekst)}]
    return data


@st.composite
def register_data(draw: st.DrawFn) -> dict[str, Any]:
    """A valid register as TOML data: a few regions (a tree) and frameworks."""
    regio_ids = draw(st.lists(slug, min_size=1, max_size=5, unique=True))
    regios: list[dict[str, Any]] = []
    for i, rid in enumerate(regio_ids):
        regio: dict[str, Any] = {"id": rid, "naam": draw(tekst)}
        if i and draw(st.booleans()):
            regio["ouder"] = draw(st.sampled_from(regio_ids[:i]))
        regios.append(regio)
    kader_ids = draw(st.lists(slug, max_size=8, unique=True))
    van, tot = dt.date(2020, 1, 1), dt.date(2031, 1, 1)
    return {
        "register": {
            "titel": draw(tekst),
            "kamerstuk": "29 521, nr. 493",
            "datum": dt.date(2025, 4, 4),
            "begin": dt.date(2025, 1, 1),
            "standaard_eind": STANDAARD_EIND,
        },
        "regio": regios,
        "kader": [draw(kader_data(regio_ids, kid, van, tot)) for kid in kader_ids],
    }


def op_terminal(
    *args: str, breedte: int, env: dict[str, str] | None = None, zonder_no_color: bool = False
) -> tuple[int, str]:
    """Run the real program with stdout on a pseudo-terminal of the given width.

    The width is set on the terminal itself (TIOCSWINSZ), as a real terminal window does;
    COLUMNS is removed so the program has to ask the terminal. Returns (exit code, output).
    NO_COLOR is set unless `zonder_no_color`.
    """
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    meester, slaaf = pty.openpty()
    fcntl.ioctl(slaaf, termios.TIOCSWINSZ, struct.pack("HHHH", 50, breedte, 0, 0))
    # No \n -> \r\n translation: the output is read as the program wrote it.
    attributen = termios.tcgetattr(slaaf)
    attributen[1] &= ~termios.OPOST
    termios.tcsetattr(slaaf, termios.TCSANOW, attributen)
    omgeving = {
        k: v for k, v in os.environ.items() if k not in ("KADERS_REGISTER", "COLUMNS", "LINES")
    }
    omgeving.update({"NO_COLOR": "1", "TERM": "xterm"}, **(env or {}))
    if zonder_no_color:  # colour on: Rich writes its own escape codes
        del omgeving["NO_COLOR"]
    proces = subprocess.Popen(
        [sys.executable, "-m", "kaders", *args],
        stdout=slaaf,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=omgeving,
    )
    os.close(slaaf)
    delen: list[bytes] = []
    while True:
        try:
            deel = os.read(meester, 65536)
        except OSError:  # EIO: the program closed the terminal
            break
        if not deel:
            break
        delen.append(deel)
    os.close(meester)
    return proces.wait(timeout=60), b"".join(delen).decode("utf-8")


# --- changes and documents for tests/data/klein-documenten.toml --------------------------------

KLEIN_KADERS = ("eulex-kosovo", "verkenning-politie", "kort")
KLEIN_DOCUMENTEN = ("brief-1", "brief-2")
_VREEMD = st.sampled_from(
    ["", " ", "x" * 3000, "\u202e", "😀", "nul\x00", "-1", "2025-02-30", "30-06-2028", "; rm -rf /"]
)


def _of_vreemd(waarden: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Mostly a plausible value, sometimes a hostile one."""
    return st.one_of(waarden, waarden, waarden, _VREEMD)


@st.composite
def wijziging_opties(draw: st.DrawFn) -> list[str]:
    """Options of `kaders wijzig` that set fields: plausible values, now and then a bad one."""
    datums = st.dates(dt.date(2024, 1, 1), dt.date(2030, 1, 1)).map(str)
    keuzes: dict[str, st.SearchStrategy[str]] = {
        "--personeel": st.integers(0, 2_000_000).map(str),
        "--duiding": st.sampled_from([*DUIDINGEN, "Circa"]),
        "--telling": st.sampled_from(TELLINGEN),
        "--begin": datums,
        "--eind": datums,
        "--status": st.sampled_from([*STATUSSEN, "beëindigd", "Verlengd"]),
        "--toelichting": tekst,
        "--missie": tekst,
        "--naam": tekst,
        "--regio": st.sampled_from(["europa", "westelijke-balkan", "europe", "Europa"]),
        "--land": tekst,
        "--organisatie": st.sampled_from(["EU", "navo", "VN", "NATO"]),
        "--type": st.sampled_from([*TYPEN, "Militair", "marine"]),
        "--afgeleid": st.sampled_from(["eind: schatting", "typen: niet genoemd", "geen-dubbele"]),
        "--plek": tekst,
        "--citaat": tekst,
    }
    gekozen = draw(st.lists(st.sampled_from(sorted(keuzes)), max_size=5, unique=True))
    opties: list[str] = []
    for optie in gekozen:
        opties += [optie, draw(_of_vreemd(keuzes[optie]))]
    return opties


@st.composite
def wijzig_args(draw: st.DrawFn) -> list[str]:
    """Arguments of wijzig, beeindig or document-toevoegen on klein-documenten.toml."""
    soort = draw(st.sampled_from(["wijzig", "beeindig", "document-toevoegen"]))
    document = draw(_of_vreemd(st.sampled_from([*KLEIN_DOCUMENTEN, "brief-3"])))
    if soort == "document-toevoegen":
        args = [soort, "--id", draw(_of_vreemd(st.sampled_from(["brief-2", "brief-3", "x"])))]
        args += ["--soort", draw(_of_vreemd(st.sampled_from(DOCUMENTSOORTEN)))]
        args += ["--datum", draw(_of_vreemd(st.dates().map(str)))]
        args += ["--titel", draw(_of_vreemd(tekst))]
        if draw(st.booleans()):
            args += ["--url", draw(st.sampled_from(["https://x.nl/a", "ftp://x", "x y"]))]
    else:
        kader = draw(_of_vreemd(st.sampled_from([*KLEIN_KADERS, "KORT", "onbekend"])))
        args = [soort, kader, "--document", document]
        if soort == "beeindig":
            args += ["--eind", draw(_of_vreemd(st.dates(dt.date(2024, 1, 1)).map(str)))]
        else:
            args += draw(wijziging_opties())
    if draw(st.integers(0, 4)) == 0:
        args.append("--droog")
    return args


# --- hostile text: control characters, deep nesting, long lines (issue 20) ------------------

# Everything a terminal obeys (C0, ESC sequences, DEL, C1 with 0x9b CSI, a lone CR), mixed
# with ordinary text, tabs, newlines and the characters other tools read as line breaks.
_STUURTEKENS = st.characters(
    codec=None, min_codepoint=0, max_codepoint=0x9F, exclude_categories=("Cs",)
)
_SEQUENTIES = st.sampled_from(
    ["\x1b[31m", "\x1b]0;PWNED\x07", "\x1b]8;;https://x\x1b\\", "\x9b2J", "\x1bc", "\r\n", "\r"]
)


def stuurtekst() -> st.SearchStrategy[str]:
    """Text full of terminal control characters and escape sequences."""
    stukken = st.one_of(_SEQUENTIES, st.text(_STUURTEKENS, max_size=5), tekst)
    return st.lists(stukken, max_size=12).map("".join)


def diep_genest(diepte: int, soort: str = "lijst") -> str:
    """A JSON/TOML value nested `diepte` deep: arrays ('lijst') or inline tables ('tabel')."""
    if soort == "lijst":
        return "[" * diepte + "1" + "]" * diepte
    return "{ a = " * diepte + "1" + " }" * diepte


lange_regel = st.integers(10_000, 200_000).flatmap(
    lambda n: st.sampled_from(["a", " ", "[", '"', "=", "-", "é", "\x1b"]).map(lambda c: c * n)
)


# --- a writer killed at random moments ----------------------------------------------------------

_STAMCEL = """
import os, sys
from pathlib import Path
{voorbereiding}
pad = Path(sys.argv[1])
for regel in sys.stdin:  # one line per round: the prefix of what this round's child writes
    voorvoegsel = regel.strip()
    pid = os.fork()
    if pid == 0:  # the child writes until it is killed, saying after each write that it is done
        for i in range(1000):
            schrijf(pad, voorvoegsel, i)
            os.write(1, f"klaar {{i}}\\n".encode())
        os._exit(0)
    os.write(1, f"pid {{pid}}\\n".encode())
    os.waitpid(pid, 0)
    os.write(1, b"weg\\n")
"""


class Schrijver:
    """A process that has imported kaders once and forks a writer per round, to be killed.

    A round is one child that appends record after record to the register; the test kills it
    after a chosen number of finished writes plus a random moment, so no round depends on how
    long a process takes to start (a fixed sleep raced with the start on a busy machine), and
    a round that waits for one finished write makes sure some writes are finished.
    `voorbereiding` defines `schrijf(pad, voorvoegsel, i)`.
    """

    def __init__(self, pad: Any, voorbereiding: str) -> None:
        import subprocess
        import sys

        self.proces = subprocess.Popen(
            [sys.executable, "-c", _STAMCEL.format(voorbereiding=voorbereiding), str(pad)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def _regel(self) -> str:
        assert self.proces.stdout is not None
        regel = self.proces.stdout.readline()
        assert regel, "de schrijver is gestopt"
        return regel.strip()

    def ronde(self, voorvoegsel: str, klaar: int, wacht: float) -> int:
        """One child: kill it after `klaar` finished writes and `wacht` seconds more; wait
        until it is gone. Returns the number of writes it finished."""
        import contextlib
        import os
        import signal
        import time

        assert self.proces.stdin is not None
        self.proces.stdin.write(voorvoegsel + "\n")
        pid, gedaan = None, 0
        while pid is None or gedaan < klaar:
            regel = self._regel()
            if regel.startswith("pid "):
                pid = int(regel.split()[1])
            elif regel.startswith("klaar "):
                gedaan += 1
            elif regel == "weg":  # the child stopped before its writes: a failing writer
                raise AssertionError(f"de schrijver stopte na {gedaan} van {klaar} schrijfacties")
        time.sleep(wacht)
        with contextlib.suppress(ProcessLookupError):  # it finished all its writes first
            os.kill(pid, signal.SIGKILL)
        while (regel := self._regel()) != "weg":
            gedaan += regel.startswith("klaar ")
        return gedaan

    def __enter__(self) -> Schrijver:
        return self

    def __exit__(self, *_: object) -> None:
        if self.proces.stdin is not None:
            self.proces.stdin.close()
        self.proces.wait(timeout=60)
