"""Dutch everywhere: one test per translated Click message (a Typer upgrade that changes a
text fails loudly), every registered command's help, the usage line and completion.
"""

from __future__ import annotations

import re

import pytest
from conftest import kaders
from hulp import COMMANDOS
from typer.testing import CliRunner

from kaders.cli import app
from kaders.cli.nederlands import CLICK_MELDINGEN, HINTS, HULP_OPTIE, KOPPEN
from kaders.errors import Weigering

runner = CliRunner()
ENGELS = (
    "<bool>",
    "<str>",
    "<path>",
    "<int>",
    "<date>",
    "<list",
    "[OPTIONS]",
    "[ARGS]",
    "COMMAND ",
    "Install completion",
    "Show completion",
    "Usage:",
    "Options",
    "Arguments",
    "Commands",
    "default:",
    "required",
)


@pytest.mark.parametrize("commando", ["", *COMMANDOS])
def test_every_help_page_is_dutch(commando: str) -> None:
    args = [commando, "--help"] if commando else ["--help"]
    uitkomst = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert uitkomst.exit_code == 0
    tekst = uitkomst.stdout
    for woord in ENGELS:
        assert woord not in tekst, (commando, woord)
    assert "Gebruik: kaders" in tekst  # the examples: test_hulpvoorbeelden.py
    # every metavar is an upper-case Dutch word (DATUM, PAD, FORMAAT, …) or absent
    optieregels = [r for r in tekst.splitlines() if re.match(r"│ +--", r)]
    patroon = r"│ +--[a-z-]+\s+(?:-[a-z]\s+)?([A-Z][A-Z.:]+)\b"
    metavars = [m for r in optieregels for m in re.findall(patroon, r)]
    if commando == "list":
        assert {"DATUM", "FORMAAT", "PAD", "JJJJ"} <= set(metavars)
    for metavar in metavars:
        assert metavar in {
            "DATUM",
            "PAD",
            "FORMAAT",
            "GROEP",
            "STAP",
            "SLEUTEL",
            "REGIO",
            "TYPE",
            "ORG",
            "STATUS",
            "TEKST",
            "JJJJ",
            "GETAL",
            "WAARDE",
            "ID",
            "NAAM",
            "AANTAL",
            "DUIDING",
            "TELLING",
            "LAND",
            "VELD:REDEN",
            "SOORT",
            "URL",
        }, (commando, metavar)


def test_usage_line_of_the_app_is_dutch() -> None:
    uitkomst = runner.invoke(app, ["--help"])
    assert "Gebruik: kaders [OPTIES] COMMANDO [ARGUMENTEN]..." in uitkomst.stdout


def _aanvul(woorden: str) -> list[str]:
    uitkomst = kaders(
        env={
            "_KADERS_COMPLETE": "complete_bash",
            "COMP_WORDS": woorden,
            "COMP_CWORD": str(len(woorden.split(" ")) - 1),
        }
    )
    return uitkomst.stdout.split()


def test_completion_offers_formats_groupings_steps_and_sort_keys() -> None:
    assert _aanvul("kaders list --formaat ") == [
        "tabel",
        "json",
        "jsonl",
        "csv",
        "tsv",
        "markdown",
        "xlsx",
    ]
    assert "sqlite" in _aanvul("kaders export --formaat ")
    assert _aanvul("kaders totaal --per reg") == ["regio"]
    assert _aanvul("kaders tijdlijn --stap ") == ["maand", "kwartaal"]
    assert _aanvul("kaders list --sorteer pers") == ["personeel"]


def test_install_completion_speaks_dutch_for_an_unknown_shell() -> None:
    uitkomst = kaders("--install-completion", env={"SHELL": "/bin/onbekend"})
    assert "not supported" not in uitkomst.stderr + uitkomst.stdout


def _fout(*args: str) -> str:
    uitkomst = runner.invoke(app, list(args))
    assert uitkomst.exit_code == 2, (args, uitkomst.exit_code, uitkomst.stderr)
    assert "Traceback" not in uitkomst.stderr
    assert "ongeldige aanroep" not in uitkomst.stderr, "een Click-melding is niet vertaald"
    return uitkomst.stderr


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["lisst"], "kaders: onbekend commando 'lisst'; bedoelde u 'list'? Geldig: "),
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


@pytest.mark.parametrize(
    ("commando", "tabel"), [("wijzig", "[[wijziging]]"), ("document-toevoegen", "[[document]]")]
)
def test_help_shows_table_names_as_written(commando: str, tabel: str) -> None:
    uitkomst = CliRunner().invoke(app, [commando, "--help"], env={"COLUMNS": "120"})
    assert uitkomst.exit_code == 0 and tabel in uitkomst.stdout
    assert "\\[" not in uitkomst.stdout


def test_every_kind_of_refusal_has_a_hint() -> None:
    """The kind is an Enum (a misspelt one is a type error); each has its hint, in Dutch."""
    assert set(HINTS) == set(Weigering)
    assert all(hint.startswith("tip: ") for hint in HINTS.values())
