"""docs/cli.md is the help of every command as the program gives it now (docs/maak_cli.py)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest
from conftest import ROOT
from hulp import COMMANDOS

from kaders.models import STATUS_UITLEG


def _maak_cli() -> ModuleType:
    spec = importlib.util.spec_from_file_location("maak_cli", ROOT / "docs" / "maak_cli.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAAK_CLI = _maak_cli()
TEKST = MAAK_CLI.tekst()  # what docs/maak_cli.py would write now


def test_cli_reference_is_current() -> None:
    verwacht = TEKST.splitlines()
    echt = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8").splitlines()
    if echt != verwacht:
        nr = next(
            (i for i, (a, b) in enumerate(zip(echt, verwacht, strict=False)) if a != b),
            min(len(echt), len(verwacht)),
        )
        oud = echt[nr] if nr < len(echt) else "(einde)"
        nieuw = verwacht[nr] if nr < len(verwacht) else "(einde)"
        pytest.fail(
            f"docs/cli.md is verouderd; maak het opnieuw met: {MAAK_CLI.OPDRACHT}\n"
            f"eerste verschil, regel {nr + 1}:\n  staat er: {oud!r}\n  hoort:    {nieuw!r}"
        )


def test_cli_reference_has_every_command_and_status() -> None:
    for naam in COMMANDOS:  # the list the tests take from the app
        assert f"\n## kaders {naam}\n" in TEKST and f"Gebruik: kaders {naam} " in TEKST, naam
    for status, uitleg in STATUS_UITLEG.items():
        assert f"- `{status}`: {uitleg}\n" in TEKST
    hulpregels = [
        r for blok in TEKST.split("```text\n")[1:] for r in blok.split("```")[0].splitlines()
    ]
    assert "\x1b" not in TEKST and max(map(len, hulpregels)) == MAAK_CLI.BREEDTE  # no colour
