"""Snapshots: the exact output of every printing command in every text format, byte for byte,
and of the charts of tijdlijn and totaal as SVG.

On `tests/data/klein.toml` with fixed dates; a table is drawn at 80 columns. After an intended
change, rewrite them with `KADERS_SNAPSHOTS=bijwerken .venv/bin/python -m pytest
tests/test_snapshots.py` and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import DATA, TESTS
from typer.testing import CliRunner

from kaders.cli import app

SNAPSHOTS = TESTS / "snapshots"
BIJWERKEN = os.environ.get("KADERS_SNAPSHOTS") == "bijwerken"
FORMATEN = ("tabel", "json", "jsonl", "csv", "tsv", "markdown")
COMMANDO_S: dict[str, tuple[str, ...]] = {
    "list": ("list",),
    "list-periode": ("list", "--van", "2025-06-01", "--tot", "2025-12-31"),
    "toon": ("toon", "EULEX-KOSOVO", "--peildatum", "2025-04-04"),
    "toon-twee": ("toon", "eulex-kosovo", "kort", "--peildatum", "2025-04-04"),
    "totaal": ("totaal", "--peildatum", "2025-04-04", "--stand", "2026-01-01"),
    "totaal-regio": (
        "totaal",
        "--per",
        "regio",
        "--peildatum",
        "2025-04-04",
        "--stand",
        "2026-01-01",
    ),
    "verloopt": ("verloopt", "--peildatum", "2025-04-04"),
    "export": ("export",),
    "tijdlijn": (
        "tijdlijn",
        *("--van", "2025-01-01", "--tot", "2025-12-31", "--stap", "kwartaal"),
        *("--stand", "2026-01-01"),
    ),
    "verschil": ("verschil", "klein.toml", "klein-gewijzigd.toml", "--peildatum", "2025-07-01"),
    # the living register: --register after the command wins over klein.toml
    "historie": (
        "historie",
        "Verkenning-Politie",
        "--register",
        "levend.toml",
        "--stand",
        "2026-01-01",
    ),
    "documenten": ("documenten", "--register", "levend.toml", "--stand", "2026-01-01"),
    "verschil-sinds": (
        *("verschil", "--register", "levend.toml", "--sinds", "2025-04-04", "--tot", "2026-01-01"),
        *("--peildatum", "2025-07-01"),
    ),
}
GEVALLEN = [(naam, f) for naam in COMMANDO_S for f in FORMATEN]
# The charts (issue 21) as SVG: in a pipe they go to stdout, byte for byte the same every run.
GEVALLEN += [("tijdlijn", "svg"), ("totaal-regio", "svg")]


def _uitvoer(naam: str, formaat: str) -> tuple[int, str]:
    args = ["--register", "klein.toml", *COMMANDO_S[naam], "--formaat", formaat]
    uitkomst = CliRunner().invoke(app, args, env={"COLUMNS": "80", "NO_COLOR": "1"})
    return uitkomst.exit_code, uitkomst.stdout


@pytest.mark.parametrize(("naam", "formaat"), GEVALLEN, ids=[f"{n}.{f}" for n, f in GEVALLEN])
def test_snapshot(naam: str, formaat: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)  # relative paths: the same text on every machine
    code, tekst = _uitvoer(naam, formaat)
    assert code == (1 if naam.startswith("verschil") else 0)
    pad = SNAPSHOTS / f"{naam}.{formaat}"
    if BIJWERKEN:
        SNAPSHOTS.mkdir(exist_ok=True)
        pad.write_bytes(tekst.encode("utf-8"))
    assert pad.exists(), f"geen snapshot {pad.name}; maak die met KADERS_SNAPSHOTS=bijwerken"
    assert tekst.encode("utf-8") == pad.read_bytes(), f"{pad.name} wijkt af"


def test_no_stale_snapshots() -> None:
    verwacht = {f"{n}.{f}" for n, f in GEVALLEN}
    assert {p.name for p in SNAPSHOTS.iterdir()} == verwacht


def test_export_toml_snapshot_reads_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    uitkomst = CliRunner().invoke(app, ["--register", "klein.toml", "export", "-f", "toml"])
    assert uitkomst.exit_code == 0
    assert Path("klein.toml").read_text(encoding="utf-8").count("[[kader]]") == (
        uitkomst.stdout.count("[[kader]]")
    )
