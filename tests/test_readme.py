"""Every example in the README and in docs/*.md runs as written, and shown output is the real
output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BESTANDEN = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
VERWACHTE_EXIT = {
    "kaders list --regio westelijke-balcan": 2,
    # verschil exits 1 when the registers differ, like diff
    "sed -e 's/\"kfor-imint\"/\"kfor-imagery\"/' -e 's/^eind = 2025-06-30$/eind = 2025-09-30/' "
    "data/kaders.toml | kaders verschil data/kaders.toml - --peildatum 2025-08-01 --formaat tsv": 1,
}


def _voorbeelden() -> list[tuple[str, str, list[str]]]:
    """(file, command, shown output lines) for every '$ kaders ...' line in a console block."""
    voorbeelden: list[tuple[str, str, list[str]]] = []
    for pad in BESTANDEN:
        tekst = pad.read_text(encoding="utf-8")
        for blok in re.findall(r"```console\n(.*?)```", tekst, flags=re.S):
            for stuk in re.split(r"^\$ ", blok, flags=re.M)[1:]:
                commando, *uitvoer = stuk.rstrip("\n").split("\n")
                voorbeelden.append((pad.relative_to(ROOT).as_posix(), commando, uitvoer))
    return voorbeelden


VOORBEELDEN = _voorbeelden()


def test_readme_and_docs_have_examples() -> None:
    bestanden = {bestand for bestand, _, _ in VOORBEELDEN}
    assert {"README.md", "docs/gebruik.md", "docs/levend.md", "docs/bijhouden.md"} <= bestanden
    assert sum(bestand == "README.md" for bestand, _, _ in VOORBEELDEN) == 5
    assert all(uitvoer for bestand, _, uitvoer in VOORBEELDEN if bestand == "README.md")


@pytest.mark.parametrize(
    ("bestand", "commando", "uitvoer"),
    VOORBEELDEN,
    ids=[f"{bestand}: {commando}" for bestand, commando, _ in VOORBEELDEN],
)
def test_readme_example_runs(
    bestand: str, commando: str, uitvoer: list[str], tmp_path: Path
) -> None:
    # The examples copy the register to /tmp: here to a folder of this test, so that parallel
    # workers and other runs on the machine never share a file.
    commando = commando.replace("/tmp/", f"{tmp_path}/")
    omgeving = {k: v for k, v in os.environ.items() if k != "KADERS_REGISTER"}
    omgeving["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{omgeving.get('PATH', '')}"
    proces = subprocess.run(
        commando, shell=True, capture_output=True, text=True, cwd=ROOT, env=omgeving, timeout=60
    )
    assert proces.returncode == VERWACHTE_EXIT.get(commando, 0), proces.stderr
    assert "Traceback" not in proces.stderr
    if uitvoer:
        assert proces.stdout.splitlines() == uitvoer


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci in README.splitlines()
    assert "pytest" in ci and "mypy --strict src" in ci and "ruff format --check" in ci
