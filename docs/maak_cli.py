"""Schrijft docs/cli.md opnieuw: de hulp van `kaders` en van elk commando, als platte tekst.

    .venv/bin/python docs/maak_cli.py

Alles komt uit het programma zelf (in dit proces, zonder een proces per commando): de lijst
commando's uit de app, hun hulp zoals `--help` die toont op 100 kolommen zonder kleur, en de
betekenis van elke status uit STATUS_UITLEG in src/kaders/models.py. tests/test_clidoc.py
faalt als docs/cli.md niet meer is wat dit script maakt.
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import typer.main
from typer import rich_utils
from typer.testing import CliRunner

from kaders.cli import app
from kaders.models import STATUS_UITLEG

DOEL = Path(__file__).with_name("cli.md")
BREEDTE = 100
OPDRACHT = ".venv/bin/python docs/maak_cli.py"


def commandos() -> list[str]:
    """Every command, in the order the help lists them."""
    groep = typer.main.get_command(app)
    with groep.make_context("kaders", [], resilient_parsing=True) as ctx:
        return list(groep.list_commands(ctx))  # type: ignore[attr-defined]


def hulp(*commando: str) -> str:
    """The help of `kaders [COMMANDO] --help` as plain text: a fixed width, no colour.

    Typer's help console takes its width and colour from these three settings, read from the
    environment when Typer is imported; set here, a CI runner (FORCE_COLOR, TERMINAL_WIDTH)
    writes the same file as a terminal.
    """
    with (
        mock.patch.object(rich_utils, "MAX_WIDTH", BREEDTE),
        mock.patch.object(rich_utils, "COLOR_SYSTEM", None),
        mock.patch.object(rich_utils, "FORCE_TERMINAL", False),
    ):
        uitkomst = CliRunner().invoke(app, [*commando, "--help"])
    if uitkomst.exit_code != 0:
        raise SystemExit(f"kaders {' '.join(commando)} --help: exit {uitkomst.exit_code}")
    return "\n".join(regel.rstrip() for regel in uitkomst.stdout.splitlines()).strip("\n")


def anker(titel: str) -> str:
    return titel.lower().replace(" ", "-")


def tekst() -> str:
    """The whole of docs/cli.md."""
    namen = commandos()
    titels = ["kaders", *(f"kaders {naam}" for naam in namen)]
    delen = [
        "# Opdrachtregel: elk commando en zijn hulp",
        "",
        "De hulp van `kaders` en van elk commando, zoals `kaders COMMANDO --help` die toont (op",
        f"{BREEDTE} kolommen, zonder kleur). Gemaakt door `{OPDRACHT}` uit het programma zelf;",
        "niet met de hand bewerken: een test faalt als dit bestand niet meer klopt met het",
        "programma.",
        "",
        "- [Statussen](#statussen)",
        *(f"- [`{titel}`](#{anker(titel)})" for titel in titels),
        "",
        "## Statussen",
        "",
        "Hoe het document over de bijdrage spreekt (`status`; `--status` filtert erop):",
        "",
        *(f"- `{status}`: {uitleg}" for status, uitleg in STATUS_UITLEG.items()),
        "",
        "De spelling `beëindigd` wordt overal gelezen als `beeindigd`.",
    ]
    for titel, commando in zip(titels, [(), *((naam,) for naam in namen)], strict=True):
        delen += ["", f"## {titel}", "", "```text", hulp(*commando), "```"]
    return "\n".join(delen) + "\n"


if __name__ == "__main__":
    DOEL.write_text(tekst(), encoding="utf-8")
    print(f"{DOEL} geschreven")
