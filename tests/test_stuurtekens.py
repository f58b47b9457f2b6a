"""Issue 20, item 2: register text never steers the terminal (veilig_tekst).

Control characters from a register (ESC for ANSI and OSC sequences, C1 0x9b, BEL, DEL, CR)
reach a terminal as visible escapes in every view; files and pipes keep the text as it is.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import DATA, kaders
from hulp import op_terminal, stuurtekst
from hypothesis import given, settings

from kaders.uitvoer.tabel import tabel
from kaders.uitvoer.weergave import Plan, Scherm
from kaders.veilig_tekst import toonbaar

ROOD = "\\u001b[31mROOD \\u001b]0;PWNED\\u0007 \\u009b2J \\u007f \\rWEG"  # TOML escapes
# What a terminal would obey: C0 but tab and newline, DEL, C1; CR unless it ends a line.
GEHOORZAAM = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


@pytest.fixture
def vijandig(tmp_path: Path) -> Path:
    """A register whose texts, titles and change log carry terminal control sequences."""
    tekst = (DATA / "klein-documenten.toml").read_text(encoding="utf-8")
    tekst = tekst.replace('missie = "EULEX Kosovo"', f'missie = "{ROOD}"', 1)
    tekst = tekst.replace('titel = "Het besluit"', f'titel = "{ROOD}"', 1)
    tekst = tekst.replace('naam = "Westelijke Balkan"', f'naam = "{ROOD}"', 1)
    tekst = tekst.replace('citaat = "Het kabinet', f'citaat = "{ROOD} Het kabinet', 1)
    pad = tmp_path / "rood\x1b]0;titel\x07.toml"  # the file name is shown in titles too
    pad.write_text(tekst, encoding="utf-8")
    return pad


VIEWS = [
    ("list",),
    ("list", "-f", "tsv"),
    ("list", "-f", "csv"),
    ("list", "-f", "json"),
    ("list", "-f", "jsonl"),
    ("list", "-f", "markdown"),
    ("toon", "eulex-kosovo"),
    ("toon", "eulex-kosovo", "-f", "tsv"),
    ("historie", "verkenning-politie"),
    ("historie", "verkenning-politie", "-f", "tsv"),
    ("documenten",),
    ("documenten", "-f", "tsv"),
    ("export", "-f", "toml"),
    ("totaal", "--per", "regio"),
    ("verloopt", "--peildatum", "2025-05-01"),
]


@pytest.mark.parametrize("args", VIEWS, ids=[" ".join(a) for a in VIEWS])
@pytest.mark.parametrize("kleur", [False, True], ids=["zonder-kleur", "kleur"])
def test_no_view_sends_a_control_character_to_a_terminal(
    vijandig: Path, args: tuple[str, ...], kleur: bool
) -> None:
    omgeving = {"TERM": "xterm"} if kleur else {}
    code, uit = op_terminal(
        "--register", str(vijandig), *args, breedte=200, env=omgeving, zonder_no_color=kleur
    )
    assert code == 0, uit
    if kleur:  # Rich's own colour codes stay: take them out before looking for others
        uit = re.sub(r"\x1b\[[0-9;]*m", "", uit)
    assert not GEHOORZAAM.findall(uit), [r for r in uit.splitlines() if GEHOORZAAM.search(r)]
    if args[0] in ("list", "toon", "historie", "documenten") and "json" not in args[-1]:
        # shown, as an escape (Markdown also escapes its own '[' and '\\')
        assert any(e in uit for e in ("\\x1b[31mROOD", "\\x1b[31mROO", "\\\\x1b\\[31mROOD")), uit


def test_the_table_title_shows_the_file_name_escaped(vijandig: Path) -> None:
    code, uit = op_terminal("--register", str(vijandig), "list", breedte=200)
    assert code == 0
    assert "rood\\x1b]0;titel\\x07.toml" in uit


def test_json_on_a_terminal_stays_valid_json_with_the_same_text(vijandig: Path) -> None:
    code, uit = op_terminal("--register", str(vijandig), "list", "-f", "json", breedte=200)
    assert code == 0
    missies = {k["missie"] for k in json.loads(uit)}
    assert "\x1b[31mROOD \x1b]0;PWNED\x07 \x9b2J \x7f \rWEG" in missies


def test_files_and_pipes_keep_the_text_exactly(vijandig: Path, tmp_path: Path) -> None:
    ruw = "\x1b[31mROOD \x1b]0;PWNED\x07 \x9b2J \x7f "  # tsv makes the CR a space
    pijp = kaders("--register", str(vijandig), "list", "-f", "tsv")
    assert pijp.returncode == 0 and ruw in pijp.stdout
    doel = tmp_path / "uit.csv"
    bestand = kaders("--register", str(vijandig), "list", "-f", "csv", "-o", str(doel))
    assert bestand.returncode == 0, bestand.stderr
    assert ruw + "\rWEG" in doel.read_bytes().decode("utf-8")
    as_json = kaders("--register", str(vijandig), "list", "-f", "json")
    assert ruw + "\rWEG" in {k["missie"] for k in json.loads(as_json.stdout)}


def test_messages_show_control_characters_escaped(vijandig: Path) -> None:
    fout = kaders("--register", str(vijandig), "toon", "\x1b]0;PWNED\x07")
    assert fout.returncode == 2
    assert "\x1b" not in fout.stderr and "\x07" not in fout.stderr
    assert "\\x1b]0;PWNED\\x07" in fout.stderr


@settings(max_examples=300, deadline=None)
@given(tekst=stuurtekst())
def test_toonbaar_leaves_nothing_a_terminal_obeys(tekst: str) -> None:
    veilig = toonbaar(tekst)
    assert not GEHOORZAAM.search(veilig)
    assert toonbaar(veilig) == veilig  # once is enough: escapes are plain text
    assert veilig.count("\n") == tekst.count("\n") and veilig.count("\t") == tekst.count("\t")


@settings(max_examples=100, deadline=None)
@given(cellen=stuurtekst(), titel=stuurtekst())
def test_every_table_is_safe_in_colour_and_without(cellen: str, titel: str) -> None:
    for kleur in (False, True):
        kolommen = [("id", "ID"), ("missie", "Missie")]
        uit = tabel(Plan(titel, kolommen, [{"id": "x", "missie": cellen}]), Scherm(80, kleur))
        uit = re.sub(r"\x1b\[[0-9;]*m", "", uit)
        assert not GEHOORZAAM.search(uit), repr(uit)
