"""Issue 22, part 5: the record a message is about is a field (`wie`), not text in front."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DATA

from kaders import regels, wijzigen
from kaders.errors import KadersFout
from kaders.inlezen import laad_tekst

BESTAND = DATA / "invalid" / "wijziging-zonder-effect.toml"


def test_a_message_names_its_record_in_a_field_and_once_in_its_text() -> None:
    with pytest.raises(KadersFout) as info:
        laad_tekst(BESTAND.read_text(encoding="utf-8"), "r.toml")
    melding = info.value.meldingen[1]
    assert melding.wie == "wijziging nr. 2 (kader 'kort')"
    assert melding.tekst.startswith("wijzigt geen enkel veld; geef minstens één van: ")
    assert str(melding) == f"r.toml:88: {melding.wie}: {melding.tekst}"
    assert str(melding).count("wijziging nr. 2") == 1


def test_a_problem_names_its_record_in_a_field() -> None:
    (probleem,) = regels.problemen([("europa", None)], [("k", "eurpa")])
    assert (probleem.wie, probleem.veld) == ("kader 'k'", "regio")
    assert probleem.tekst.startswith("veld 'regio': onbekende regio 'eurpa'; bedoelde u ")
    assert regels.als_tekst(probleem) == f"kader 'k': {probleem.tekst}"


def test_no_text_is_cut_to_rename_a_record() -> None:
    assert not hasattr(wijzigen, "_zonder_naam")


def test_a_new_change_is_renamed_in_the_field(tmp_path: Path) -> None:
    pad = tmp_path / "r.toml"
    shutil.copyfile(DATA / "klein-documenten.toml", pad)
    data = {"kader": "kort", "document": "brief-2", "citaat": "c", "plek": "p", "personeel": 3}
    with pytest.raises(KadersFout) as info:
        wijzigen.voeg_wijziging_toe(pad, data)
    (melding,) = info.value.meldingen
    assert melding.wie == "nieuwe wijziging (kader 'kort')"
    assert melding.tekst.startswith("wijzigt niets: ")
