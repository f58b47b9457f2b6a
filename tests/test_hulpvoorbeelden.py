"""Every example in the help is whole lines to copy, and this command line parses each one."""

from __future__ import annotations

import itertools
import re
import shlex

import pytest
import typer.main
from hulp import COMMANDOS
from typer import _click as click
from typer.testing import CliRunner

from kaders.cli import app
from kaders.errors import GebruiksFout

GROEP = typer.main.get_command(app)
KOPPEN = ("Voorbeeld:", "Voorbeelden:")
SHELL = {">", ">>", "<", "|", "&&", ";"}  # where the command ends and the shell takes over


def voorbeelden(hulptekst: str) -> list[str]:
    """The example commands of a rendered help page, `\\` continuations joined.

    An example block is a heading line ('Voorbeeld:' or 'Voorbeelden:') and the lines under it
    up to a blank line; each starts with 'kaders ' or continues a line that ends in '\\'. A
    line that Rich wrapped does neither, and fails here.
    """
    gevonden: list[str] = []
    in_blok, lopend = False, ""
    for regel in (r.strip() for r in hulptekst.splitlines()):
        if "Voorbeeld" in regel:
            assert regel in KOPPEN, f"kop niet op een eigen regel: {regel!r}"
            in_blok = True
        elif in_blok and not regel:
            assert not lopend, f"voorbeeld eindigt op '\\': {lopend!r}"
            in_blok = False
        elif in_blok:
            assert lopend or regel.startswith("kaders "), f"geen hele regel: {regel!r}"
            lopend = f"{lopend} {regel}" if lopend else regel
            if lopend.endswith("\\"):
                lopend = lopend[:-1].rstrip()
            else:
                gevonden.append(lopend)
                lopend = ""
    return gevonden


def parseer(voorbeeld: str) -> None:
    """Let Click parse an example as `kaders` would run it: the group's options, the command,
    its options and arguments (types and required options too); it raises on anything wrong."""
    woorden = shlex.split(voorbeeld)
    assert woorden[0] == "kaders"
    args = list(itertools.takewhile(lambda w: w not in SHELL, woorden[1:]))
    with GROEP.make_context("kaders", args) as ctx:
        naam, commando, rest = GROEP.resolve_command(ctx, [*ctx._protected_args, *ctx.args])
        assert commando is not None and naam is not None
        commando.make_context(naam, rest, parent=ctx)


def _hulp(commando: str) -> str:
    args = [commando, "--help"] if commando else ["--help"]
    uitkomst = CliRunner().invoke(app, args, env={"COLUMNS": "80"})
    assert uitkomst.exit_code == 0, uitkomst.output
    return re.sub(r"\x1b\[[0-9;]*m", "", uitkomst.stdout)  # colour, if FORCE_COLOR asks


@pytest.mark.parametrize("commando", ["", *COMMANDOS])
def test_help_examples_are_whole_lines_this_cli_parses(commando: str) -> None:
    gevonden = voorbeelden(_hulp(commando))
    assert gevonden, f"geen voorbeeld in de hulp van '{commando or 'kaders'}'"
    for voorbeeld in gevonden:
        woorden = shlex.split(voorbeeld)
        if commando:
            assert commando in woorden, voorbeeld  # the example shows this command
        parseer(voorbeeld)


@pytest.mark.parametrize(
    "fout",
    [
        "kaders list --regoi europa",  # unknown option
        "kaders lijstje",  # unknown command
        "kaders totaal --peildatum morgen",  # a value the option refuses
        "kaders wijzig kfor-imint --personeel 3",  # required --document missing
        "kaders toon",  # required argument missing
    ],
)
def test_the_parse_check_refuses_what_kaders_refuses(fout: str) -> None:
    with pytest.raises((click.exceptions.UsageError, GebruiksFout)):
        parseer(fout)


def test_a_wrapped_or_inline_example_is_caught() -> None:
    with pytest.raises(AssertionError, match="geen hele regel"):
        voorbeelden("Voorbeeld:\nkaders list --regio\nwesterlijke-balkan\n")
    with pytest.raises(AssertionError, match="kop niet op een eigen regel"):
        voorbeelden("Voorbeeld: kaders list\n")
    assert voorbeelden("Voorbeelden:\nkaders list \\\n  --jaar 2026\nkaders toon x\n") == [
        "kaders list --jaar 2026",
        "kaders toon x",
    ]


@pytest.mark.parametrize("commando", COMMANDOS)
def test_help_prose_is_wrapped_to_the_screen_not_to_the_source(commando: str) -> None:
    """A paragraph fills the line before it breaks: no short line inside a paragraph, as when
    each docstring line break was kept."""
    beschrijving = _hulp(commando).split("╭")[0]
    regels = [r.strip() for r in beschrijving.splitlines()]
    for regel, volgende in itertools.pairwise(regels):
        if not regel or not volgende or "Voorbeeld" in regel or regel.startswith("kaders "):
            continue
        if volgende.startswith(("kaders ", "-")):  # an example, or its continuation
            continue
        woord = volgende.split()[0]
        assert len(regel) + 1 + len(woord) > 78, f"{commando}: {regel!r} / {volgende!r}"
