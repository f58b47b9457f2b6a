"""Every text Typer and Click would print in English comes out in Dutch: one test per message.

These fail loudly when a Typer or Click upgrade changes a message the translation relies on.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kaders.cli import app
from kaders.cli.nederlands import CLICK_MELDINGEN, HULP_OPTIE, KOPPEN

runner = CliRunner()


def _fout(*args: str) -> str:
    uitkomst = runner.invoke(app, list(args))
    assert uitkomst.exit_code == 2, (args, uitkomst.exit_code, uitkomst.stderr)
    assert "Traceback" not in uitkomst.stderr
    assert "ongeldige aanroep" not in uitkomst.stderr, "een Click-melding is niet vertaald"
    return uitkomst.stderr


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["lijst"], "kaders: onbekend commando 'lijst'; bedoelde u 'list'? Geldig: "),
        (["list", "--regio"], "kaders: optie '--regio' verwacht een waarde"),
        (["verloopt", "--check=ja"], "kaders: optie '--check' neemt geen waarde"),
        (["list", "extra"], "kaders: onverwacht extra argument: extra"),
    ],
    ids=["geen-commando", "waarde-ontbreekt", "geen-waarde", "extra-argument"],
)
def test_each_click_message_is_translated(args: list[str], melding: str) -> None:
    fout = _fout(*args)
    assert fout.startswith(melding), fout


def test_every_translated_pattern_is_exercised() -> None:
    assert len(CLICK_MELDINGEN) == 4  # one test case above per pattern


def test_unknown_option_suggests_the_closest() -> None:
    assert _fout("list", "--regoi").startswith("kaders: onbekende optie '--regoi'; bedoelde u")


def test_missing_argument_names_it() -> None:
    assert _fout("toon").startswith("kaders: 'ID' ontbreekt")


def test_bad_value_names_the_option() -> None:
    assert "ongeldige datum voor --peildatum: 'morgen'" in _fout("totaal", "--peildatum", "morgen")
    assert "--formaat: onbekend formaat 'jsn'; bedoelde u 'json'?" in _fout("list", "-f", "jsn")


def test_help_has_dutch_headings_and_usage_line() -> None:
    uitkomst = runner.invoke(app, ["totaal", "--help"])
    assert uitkomst.exit_code == 0
    assert uitkomst.stdout.lstrip().startswith("Gebruik: kaders totaal")
    assert KOPPEN["OPTIONS_PANEL_TITLE"] in uitkomst.stdout
    assert HULP_OPTIE in uitkomst.stdout
    assert "[standaard: type]" in uitkomst.stdout
    for engels in ("Usage:", "Options", "Show this message", "[default:"):
        assert engels not in uitkomst.stdout, engels


def test_group_help_lists_commands_under_a_dutch_heading() -> None:
    uitkomst = runner.invoke(app, ["--help"])
    assert KOPPEN["COMMANDS_PANEL_TITLE"] in uitkomst.stdout
    assert "Commands" not in uitkomst.stdout
